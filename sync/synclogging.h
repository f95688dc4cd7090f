#pragma once

#include <QLoggingCategory>

// vigil.sync: the pull cycle and the engine; vigil.sync.graph: HTTP calls and tokens.
Q_DECLARE_LOGGING_CATEGORY(lcSync)
Q_DECLARE_LOGGING_CATEGORY(lcGraph)
