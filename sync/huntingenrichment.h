#pragma once

#include "result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
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
struct RemoteHuntResult;
struct SyncStatus;

/**
 * @brief What the fetchers of Defender's own functions (FileProfile(), SeenBy()) share: they ask
 * Defender through Graph's runHuntingQuery, in batches, about what the local data names, and keep
 * the answers in the event database for the local hunts.
 *
 * A run: start() opens the event database (once; the event store's writer creates it), asks the
 * subclass what is due (prepare()), then sends its queries one after the other (nextQuery()) and
 * hands each answer to the subclass to store (store()). A run that found nothing to ask, or
 * failed, waits kIdleSeconds before the next one. A 429 waits for its Retry-After (the client
 * waits out a short one; a longer one puts the next run after it); a 403 (no
 * ThreatHunting.Read.All) stops the fetching until the connection changes. Both are reported in
 * the SyncStatus member the subclass names (the connector page words them). Lives on the sync
 * thread.
 */
class HuntingEnrichment : public QObject
{
    Q_OBJECT
public:
    static constexpr int kIdleSeconds = 300; ///< the pause after a run that found nothing to ask
    static constexpr int kEvidenceIncidents = 25; ///< incidents whose evidence is read first

    ~HuntingEnrichment() override;

    /** Talks to Defender through these (not owned; the sync thread's) and stores in the event
     *  database at eventsPath ("" or ":memory:": never runs). */
    void configure(QNetworkAccessManager *network, TokenProvider *tokens, RateLimiter *limiter,
                   const QUrl &graphEndpoint, const QString &eventsPath);
    /** Starts a run unless one runs, it is too early, or Defender refused the permission; true
     *  when a run started (finished() follows). */
    bool start();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    /** A run ended: how many answers were stored, and the error that stopped it. */
    void finished(int stored, const std::optional<Vigil::Error> &error);

protected:
    using StatusError = std::optional<Error> SyncStatus::*;

    /** name: how the log calls the fetch; statusError: where its failures are reported. */
    HuntingEnrichment(SyncContext &context, const char *name, StatusError statusError,
                      QObject *parent);

    SyncContext &context() const { return m_context; }
    /** The raw evidence (Graph JSON) of the queue's most recently updated incidents (at most
     *  kEvidenceIncidents), latest first: what the analyst looks at goes first. */
    QList<QByteArray> latestEvidence() const;
    /** What to ask in this run (kept by the subclass); answers how many, 0 for nothing. */
    virtual Result<int> prepare(EventStore &events, const QDateTime &now) = 0;
    /** The next query of the run; nullopt when it asked everything. */
    virtual std::optional<QString> nextQuery() = 0;
    /** Stores what the answer to the latest query says; answers how many it stored. fetched:
     *  ticks. */
    virtual Result<int> store(EventStore &events, const RemoteHuntResult &answer, qint64 fetched)
            = 0;
    /** Forgets what was left to ask (the run ended). */
    virtual void clear() = 0;

private:
    QString label() const;
    void next();
    void onAnswer(Result<RemoteHuntResult> &&answer);
    void finish(const std::optional<Error> &error);

    SyncContext &m_context;
    const char *m_name;
    StatusError m_statusError;
    RemoteHuntClient *m_client = nullptr;
    QString m_eventsPath;
    std::unique_ptr<EventStore> m_events;
    int m_stored = 0;
    bool m_running = false;
    bool m_denied = false; ///< 403: not asked again with this connection
    QDateTime m_notBefore;
};

} // namespace Vigil
