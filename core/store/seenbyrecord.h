#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace Vigil {

/**
 * @brief What Defender's SeenBy() said of one device, as the event database keeps it (table
 * `_vigil_seen_by`, one row per DeviceId asked). A value.
 */
struct SeenByRecord
{
    QString deviceId; ///< the DeviceId asked, as the local data writes it
    /// The devices that saw it: a compact JSON array of {"DeviceId", "LastEncountered"} objects
    /// (LastEncountered an ISO 8601 UTC time or null), `[]` when Defender answered that none
    /// did; nullopt when its answer said nothing of the device (not known to Defender's
    /// DeviceInfo, or no SeenBy value): the local SeenBy() then shows null, not "nobody".
    std::optional<QString> seenBy;
    qint64 fetched = 0; ///< ticks: when Vigil received the answer
};

/** A DeviceId Vigil asks SeenBy() about and keeps: 1 to 64 letters, digits and '-' (what
 *  Defender's DeviceIds are; nothing else reaches a query or the table). */
inline bool isSeenByDeviceId(QStringView text)
{
    if (text.isEmpty() || text.size() > 64)
        return false;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'z')
                        || (u >= u'A' && u <= u'Z') || u == u'-';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace Vigil
