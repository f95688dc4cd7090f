#pragma once

#include <QLoggingCategory>

// vigil.core: the value types and the Graph mapping (an odd payload kept as received).
Q_DECLARE_LOGGING_CATEGORY(lcCore)
