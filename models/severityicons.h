#pragma once

#include <QIcon>

#include <array>

namespace Vigil {

/** One icon per severity rank (see severityRank()): 0 unknown, 1 informational, 2 low,
 *  3 medium, 4 high. Empty icons mean "text only". */
using SeverityIcons = std::array<QIcon, 5>;

/** One icon per SyncState, in the enum's order (synced, pending, conflict, error). */
using SyncStateIcons = std::array<QIcon, 4>;

} // namespace Vigil
