#pragma once

#include "incident.h"
#include "incidentrules.h"
#include "ratelimiter.h"
#include "result.h"
#include "syncconfig.h"
#include "synccontext.h"
#include "syncdecisions.h"
#include "syncstatus.h"
#include "team.h"

#include <QObject>

#include <memory>

class QNetworkAccessManager;

namespace Vigil {

class AlertPuller;
class ClockTimer;
class FileProfileSync;
class GraphClient;
class IncidentPuller;
class OutboxPusher;
class SeenBySync;
class Store;
class SyncGate;
class TokenProvider;

/**
 * @brief The sync thread's conductor: owns what the sync needs and runs its cycle.
 *
 * Constructed anywhere, then moved to the sync thread; initialize() (a slot run on that thread)
 * creates the network manager, the token state, the Graph client and the only writing database
 * connection. The worker answers the facade (SyncController): reads for the UI (the queue, a
 * detail, the outbox, the rule settings) and local edits, which any console may make; an edit
 * goes to the outbox in the same transaction as the incident's new state. Everything it reports
 * leaves through queued signals as values.
 *
 * The sync itself is the leader's part, in three classes that share a SyncContext: each cycle
 * (the poll timer or syncNow()) runs the IncidentPuller, then the AlertPuller, then the
 * OutboxPusher, which also starts after an edit and when a failed delivery's back-off ends; no
 * push starts while a pull runs. On a team database a SyncGate (the LeaderElection) decides:
 * a console that is not the leader runs no cycle and no pusher, and one that stops being it
 * stops at once (no further page stored, no further write sent). Without a gate the worker
 * is always the leader.
 */
class SyncWorker : public QObject
{
    Q_OBJECT
public:
    explicit SyncWorker(SyncConfig config, QObject *parent = nullptr);
    ~SyncWorker() override;

    /** Graph calls made so far (retries included) and the time spent waiting for their
     *  replies; for the benchmark and tests. Sync thread only. */
    qint64 graphRequests() const;
    qint64 networkWaitNs() const;
    qint64 jsonParseNs() const;
    qint64 bytesReceived() const;
    SyncStatus status() const { return m_context->status(); }
    /** Where the sync thread's CPU time went (ns); its jsonParseNs is also in jsonParseNs(). */
    using Timings = SyncTimings;
    Timings timings() const { return m_context->timings(); }
    /** Hands the decision whether to sync to gate (the worker takes it over); before
     *  initialize(), on the thread the worker is created on, before moving it. */
    void setGate(SyncGate *gate);
    bool isLeader() const;

public Q_SLOTS:
    void initialize();
    void syncNow();
    void requestDetail(qint64 number, bool allAlerts);
    void requestIncidents();
    /** Reads these incidents' queue rows again (incidentsChanged): after another console
     *  changed them. */
    void requestIncidentRows(const QList<qint64> &numbers);
    void requestEdit(const QList<qint64> &numbers, const Vigil::TriageEdit &edit);
    /** The analyst opened these incidents at `at` (see IncidentRepository::markSeen()). */
    void markSeen(const QList<qint64> &numbers, const QDateTime &at);
    void requestOutbox();
    /** Sends an incident's queued edits now, whatever their back-off. */
    void retryOutbox(qint64 number);
    /** Drops an incident's queued edits unsent; its fields go back to Defender's values. */
    void discardOutbox(qint64 number);
    void requestRuleSettings();
    /** Estimates what after would do against the rules stored now (ruleImpactEstimated). */
    void estimateRuleImpact(const Vigil::IncidentRuleSettings &after);
    void saveRuleSettings(const Vigil::IncidentRuleSettings &settings);

Q_SIGNALS:
    void incidentsLoaded(const QList<Vigil::Incident> &incidents);
    void incidentsChanged(const QList<Vigil::Incident> &incidents);
    void detailLoaded(const Vigil::IncidentDetail &detail);
    void detailFailed(qint64 number, const Vigil::Error &error);
    void statusChanged(const Vigil::SyncStatus &status);
    void syncFinished(bool ok, const Vigil::Error &error);
    void storeFailed(const Vigil::Error &error);
    void editAccepted(qint64 number, int changes);
    void editRejected(qint64 number, const Vigil::Error &error);
    void editDelivered(qint64 number);
    void pendingCountChanged(int count);
    void outboxLoaded(const QList<Vigil::OutboxRow> &rows);
    void outboxFlushed(int delivered, int queued);
    void outboxClaimedElsewhere(const QString &holder);
    void outboxDiscarded(qint64 number, int edits);
    void outboxDiscardFailed(qint64 number, const Vigil::Error &error);
    void refreshTokenRotated(const QString &refreshToken);
    void ruleSettingsLoaded(const Vigil::IncidentRuleSettings &settings);
    void ruleSettingsFailed(const Vigil::Error &error);
    void ruleImpactEstimated(const Vigil::IncidentRuleSettings &after,
                             const Vigil::RuleImpact &impact);
    /** After a good cycle, Defender's functions were fetched (or had nothing to fetch, or
     *  failed: see the status): how many file profiles and SeenBy() answers were stored. */
    void enrichmentFinished(int fileProfiles, int seenBy);
    /** Team mode: this process became the sync leader or stopped being it. */
    void leadershipChanged(bool leader);
    /** Team mode: who leads now (invalid: nobody known). */
    void leaderChanged(const Vigil::TeamConsole &leader);

private:
    void onLeadershipChanged(bool leader);
    /** The leader's cycle: incidents, then component alerts, then the outbox. */
    void startCycle();
    void onIncidentsPulled(bool ok, const Error &error);
    /** SeenBy() after the file profiles; enrichmentFinished() when it does not run. */
    void startSeenBy();
    void finishCycle(bool ok, const Error &error = {});

    SyncConfig m_config;
    SyncContext *m_context; ///< shared by the parts below
    IncidentPuller *m_incidentPuller;
    AlertPuller *m_alertPuller;
    OutboxPusher *m_pusher;
    FileProfileSync *m_fileProfiles; ///< Defender's file profiles, after a good cycle
    SeenBySync *m_seenBy; ///< Defender's SeenBy(), after the file profiles
    int m_enrichedProfiles = 0; ///< file profiles stored after the latest good cycle
    std::unique_ptr<Store> m_store;
    QNetworkAccessManager *m_network = nullptr;
    TokenProvider *m_tokens = nullptr;
    GraphClient *m_graph = nullptr;
    RateLimiter m_limiter;
    ClockTimer *m_pollTimer;
    SyncGate *m_gate = nullptr; ///< a child; null: always the leader
    std::optional<Error> m_configError;
    bool m_ready = false;
    bool m_syncAgain = false; ///< syncNow() during a cycle: another one right after it
};

} // namespace Vigil
