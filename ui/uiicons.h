#pragma once

#include "severityicons.h"
#include "syncstatus.h"

#include <QIcon>

namespace Vigil {

/** Vigil's application icon. */
QIcon appIcon();
/** The severity icons, one shape per rank so that colour is never the only cue. */
SeverityIcons severityIcons();
/** The per-incident sync state icons (synced, pending, conflict, error). */
SyncStateIcons syncStateIcons();
/** The icon of the sync engine's state for the status bar. */
QIcon syncEngineIcon(SyncStatus::State state);

} // namespace Vigil
