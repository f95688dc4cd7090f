#pragma once

#include "huntingenrichment.h"

#include <QStringList>

namespace Vigil {

struct SeenByRecord;

/**
 * @brief Fetches Defender's SeenBy() (which onboarded devices saw a device, through device
 * discovery) for the devices the local data names into the event database, for the local
 * `invoke SeenBy()`.
 *
 * On the sync thread, after the file profiles of a successful cycle: it collects the DeviceIds
 * with no answer fetched in the last kFreshHours (the devices of the queue's latest incidents'
 * evidence first, then those of the most recently ingested AlertEvidence, DeviceInfo and
 * DeviceNetworkInfo rows, at most kPerRun a run), asks Defender in batches with
 * `DeviceInfo | where DeviceId in (…) | distinct DeviceId | invoke SeenBy() | project DeviceId,
 * SeenBy` through runHuntingQuery (Defender recommends SeenBy() on DeviceInfo), and stores what
 * the answer says of the devices asked, with the time fetched. Only DeviceIds of letters, digits
 * and '-' go into a query. A device the answer says nothing of is stored as unknown (SeenBy()
 * shows null for it, not "nobody"), so that it is not asked again before kFreshHours. Faults are
 * handled as HuntingEnrichment says, reported in SyncStatus::seenByError.
 */
class SeenBySync : public HuntingEnrichment
{
    Q_OBJECT
public:
    static constexpr int kPerRun = 200; ///< devices asked at most per run
    static constexpr int kPerQuery = 100; ///< devices per query
    static constexpr int kFreshHours = 24; ///< an answer older than this is fetched again
    static constexpr int kMaxSeers = 100; ///< devices kept at most per device asked

    explicit SeenBySync(SyncContext &context, QObject *parent = nullptr);
    ~SeenBySync() override;

    /** The query for these DeviceIds (only the ones that may go into a query); for the tests. */
    static QString query(const QStringList &deviceIds);
    /** What an answer says of the devices asked: one record per device asked, unknown for the
     *  ones it says nothing of; rows for other devices, and list entries that are not a device
     *  (no DeviceId of letters, digits and '-') are left out. fetched: ticks. */
    static QList<SeenByRecord> readAnswer(const RemoteHuntResult &answer, const QStringList &asked,
                                          qint64 fetched);

protected:
    Result<int> prepare(EventStore &events, const QDateTime &now) override;
    std::optional<QString> nextQuery() override;
    Result<int> store(EventStore &events, const RemoteHuntResult &answer, qint64 fetched) override;
    void clear() override;

private:
    QStringList evidenceDevices() const;

    QStringList m_due; ///< still to ask in this run
    QStringList m_asked; ///< the batch in flight
};

} // namespace Vigil
