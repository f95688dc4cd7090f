#pragma once

#include "result.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace Vigil {

class EventStore;
class RateLimiter;
class RemoteHuntClient;
class SyncContext;
class TokenProvider;
struct FileProfileRecord;
struct RemoteHuntResult;

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
 * again for 7 days. Only 40 or 64 hex digits go into a query. A 429 waits for its Retry-After
 * (the client waits out a short one; a longer one puts the next run after it), a 403 (no
 * ThreatHunting.Read.All) stops the fetching until the connection changes; both are reported in
 * SyncStatus::fileProfilesError. Lives on the sync thread.
 */
class FileProfileSync : public QObject
{
    Q_OBJECT
public:
    static constexpr int kPerRun = 200; ///< file IDs asked at most per run
    static constexpr int kPerQuery = 100; ///< file IDs per query
    static constexpr int kFreshDays = 7; ///< a profile older than this is fetched again
    static constexpr int kIdleSeconds = 300; ///< the pause after a run that found nothing to ask

    FileProfileSync(SyncContext &context, QObject *parent = nullptr);
    ~FileProfileSync() override;

    /** Talks to Defender through these (not owned; the sync thread's) and stores in the event
     *  database at eventsPath ("" or ":memory:": never runs). */
    void configure(QNetworkAccessManager *network, TokenProvider *tokens, RateLimiter *limiter,
                   const QUrl &graphEndpoint, const QString &eventsPath);
    /** Starts a run unless one runs, it is too early, or Defender refused the permission. */
    void start();
    bool isRunning() const { return m_running; }

    /** The query for these IDs (all SHA1 or all SHA256, already checked); for the tests. */
    static QString query(const QStringList &ids, bool sha256);
    /** What an answer says of the IDs asked (lower-case): one record per ID asked, Missing for
     *  the ones it does not answer; rows for other files and values of the wrong type are left
     *  out. fetched: ticks. */
    static QList<FileProfileRecord> readAnswer(const RemoteHuntResult &answer,
                                               const QStringList &asked, bool sha256,
                                               qint64 fetched);

Q_SIGNALS:
    /** A run ended: stored profiles (available or not), and the error that stopped it. */
    void finished(int stored, const std::optional<Vigil::Error> &error);

private:
    QStringList evidenceFiles() const;
    void next();
    void onAnswer(Result<RemoteHuntResult> &&answer);
    void finish(const std::optional<Error> &error);

    SyncContext &m_context;
    RemoteHuntClient *m_client = nullptr;
    QString m_eventsPath;
    std::unique_ptr<EventStore> m_events;
    QStringList m_sha1; ///< still to ask in this run
    QStringList m_sha256;
    QStringList m_asked; ///< the batch in flight
    bool m_askedSha256 = false;
    int m_stored = 0;
    bool m_running = false;
    bool m_denied = false; ///< 403: not asked again with this connection
    QDateTime m_notBefore;
};

} // namespace Vigil
