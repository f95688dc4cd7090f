#pragma once

#include "store/storeaccess.h"

#include <QList>
#include <QString>

#include <optional>

namespace Vigil {

/**
 * @brief What one write transaction changed in a shared (PostgreSQL) store, as the payload of
 * `NOTIFY vigil_changes`: `{"what":"incidents","numbers":[1,2],"by":"upn"}`.
 *
 * numbers are incident numbers (outbox and activity: the incidents whose rows changed); they
 * are left out when more than kMaxNumbers or unknown, and a listener then reloads all of
 * `what`. A value type, any thread.
 */
struct StoreChange
{
    enum class What { Incidents, Outbox, Activity, Rules };

    /** The channel the store notifies on. */
    static constexpr char kChannel[] = "vigil_changes";
    static constexpr int kMaxNumbers = 200;

    What what = What::Incidents;
    QList<qint64> numbers;
    bool numbersKnown = false; ///< false: any row of `what` may have changed
    QString by; ///< the analyst who made the change; empty for sync results without one

    /** Compact JSON, under 8000 bytes (PostgreSQL's payload limit). */
    QString toPayload() const;
    /** Reads a payload; nullopt when it is not one. */
    static std::optional<StoreChange> fromPayload(const QString &payload);
    static QString whatName(What what);
};

} // namespace Vigil
