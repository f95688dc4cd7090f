#pragma once

#include <QLoggingCategory>

// vigil.sync.storage: the Azure Storage account the Defender streaming API writes to.
Q_DECLARE_LOGGING_CATEGORY(lcStorage)
