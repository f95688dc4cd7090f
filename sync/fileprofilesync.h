#pragma once

#include "huntingenrichment.h"

#include <QStringList>

namespace Vigil {

struct FileProfileRecord;

/**
 * @brief Fetches Defender's profile of the files the local data names (FileProfile()) into the
 * event database, for the local `invoke FileProfile()`.
 *
 * On the sync thread, after a successful incident cycle and never in its way: it collects the
 * file IDs with no profile fetched in the last 7 days (the files of the queue's latest incidents'
 * evidence first, then those of the most recently ingested events, at most kPerRun a run), asks
 * Defender in batches with `datatable(SHA1:string)[…] | invoke FileProfile(SHA1, 1000)` (SHA256
 * likewise) through runHuntingQuery, and stores what the answer says of the files asked, with
 * the time fetched; a file Defender does not know is stored as not available, so it is not asked
 * again for 7 days. Only 40 or 64 hex digits go into a query. Faults are handled as
 * HuntingEnrichment says, reported in SyncStatus::fileProfilesError. Lives on the sync thread.
 */
class FileProfileSync : public HuntingEnrichment
{
    Q_OBJECT
public:
    static constexpr int kPerRun = 200; ///< file IDs asked at most per run
    static constexpr int kPerQuery = 100; ///< file IDs per query
    static constexpr int kFreshDays = 7; ///< a profile older than this is fetched again

    explicit FileProfileSync(SyncContext &context, QObject *parent = nullptr);
    ~FileProfileSync() override;

    /** The query for these IDs (all SHA1 or all SHA256, already checked); for the tests. */
    static QString query(const QStringList &ids, bool sha256);
    /** What an answer says of the IDs asked (lower-case): one record per ID asked, Missing for
     *  the ones it does not answer; rows for other files and values of the wrong type are left
     *  out. fetched: ticks. */
    static QList<FileProfileRecord> readAnswer(const RemoteHuntResult &answer,
                                               const QStringList &asked, bool sha256,
                                               qint64 fetched);

protected:
    Result<int> prepare(EventStore &events, const QDateTime &now) override;
    std::optional<QString> nextQuery() override;
    Result<int> store(EventStore &events, const RemoteHuntResult &answer, qint64 fetched) override;
    void clear() override;

private:
    QStringList evidenceFiles() const;

    QStringList m_sha1; ///< still to ask in this run
    QStringList m_sha256;
    QStringList m_asked; ///< the batch in flight
    bool m_askedSha256 = false;
};

} // namespace Vigil
