#pragma once

#include "activity.h"
#include "cloud.h"
#include "incident.h"
#include "incidentrules.h"
#include "result.h"
#include "syncconfig.h"
#include "syncstatus.h"
#include "team.h"

#include <QObject>

#include <memory>

class QThread;

namespace Vigil {

class Clock;
class SyncWorker;
struct TriageEdit;

/**
 * @brief GUI-thread facade of the sync engine.
 *
 * Lives on the thread that creates it (the GUI thread in vigil, the main thread in vigilctl).
 * It owns the sync thread and its SyncWorker; every call is queued to the worker and every
 * answer comes back as a signal carrying value snapshots. Nothing here touches SQL or the
 * network on the caller's thread.
 */
class SyncController : public QObject
{
    Q_OBJECT
public:
    explicit SyncController(SyncConfig config, QObject *parent = nullptr);
    ~SyncController() override;

    const SyncConfig &config() const { return m_config; }
    /** Sets the secret (client secret or, for a delegated sign-in, the refresh token) when it
     *  comes from the keychain after construction; only before start(). */
    void setCredentials(const QString &clientSecret, const QString &refreshToken);
    /** Sets the PostgreSQL store's password when it comes from the keychain after construction
     *  (TeamDatabaseSetup::findPassword()); only before start(). */
    void setStorePassword(const QString &password);
    /** Team mode: take part in the election of settings.databaseUrl's sync leader and sync only
     *  while leading (leadershipChanged); only before start(). Without it the controller is
     *  always the leader, as for one analyst. */
    void setTeam(const TeamSettings &settings);
    const TeamSettings &team() const { return m_team; }
    /**
     * Stops the running sync (what is in flight is dropped; the outbox keeps queued edits) and
     * starts again with another connection, e.g. after signing in on the connector page. The
     * signals stay connected; incidentsLoaded follows as after start().
     */
    void reconnect(const SyncConfig &config);

    /** Starts the sync thread, opens the store, emits incidentsLoaded, then polls (autoPoll). */
    void start();
    /** Runs one pull cycle now (or right after the running one). */
    void syncNow();
    /** Asks for one incident with alerts (at most 150 unless allAlerts), entities, comments. */
    void requestDetail(qint64 number, bool allAlerts = false);
    /** Asks for the whole queue again (answered by incidentsLoaded). */
    void requestIncidents();
    /** Asks for these incidents' queue rows again (answered by incidentsChanged): what a
     *  colleague's console changed, without reading the whole queue. */
    void requestIncidentRows(const QList<qint64> &numbers);
    /**
     * Applies an analyst's edit to each incident: validated (editRejected when it does not
     * apply), stored at once as pending with its outbox rows (editAccepted, incidentsChanged,
     * pendingCountChanged), then sent to Graph in order (editDelivered, or editRejected when
     * Graph refuses it and the change is undone).
     */
    void requestEdit(const QList<qint64> &numbers, const Vigil::TriageEdit &edit);
    /** Records that the analyst opened these incidents at `at` (UTC): the queue's
     *  lastSeenTime, which the "changed since I last looked" marks compare with. No answer. */
    void markSeen(const QList<qint64> &numbers, const QDateTime &at);
    /** Asks for the outbox (answered by outboxLoaded). */
    void requestOutbox();
    /** Sends incident number's queued edits now, also when they wait for their back-off
     *  (answered as any delivery: editDelivered, editRejected, outboxFlushed). */
    void retryOutbox(qint64 number);
    /** Drops incident number's queued edits unsent; its fields go back to the values they
     *  replaced, Defender's (outboxDiscarded, or outboxDiscardFailed while they are on their way
     *  or another console delivers the outbox). */
    void discardOutbox(qint64 number);
    /** Asks for the incident-creation rules and the connector setting (ruleSettingsLoaded). */
    void requestRuleSettings();
    /** Stores every rule and the "turn off Microsoft incident creation rules" setting; the next
     *  alerts pull applies them. Answered by ruleSettingsLoaded (or ruleSettingsFailed). */
    void saveRuleSettings(const Vigil::IncidentRuleSettings &settings);
    /** Estimates, from the alerts of the last 7 days in the store, how many more rule incidents
     *  after would create than the stored rules (ruleImpactEstimated). */
    void requestRuleImpact(const Vigil::IncidentRuleSettings &after);

Q_SIGNALS:
    /** The whole queue (no comments in these rows): after start() and requestIncidents(). */
    void incidentsLoaded(const QList<Vigil::Incident> &incidents);
    /** Rows that a sync cycle inserted or changed. */
    void incidentsChanged(const QList<Vigil::Incident> &incidents);
    void detailLoaded(const Vigil::IncidentDetail &detail);
    void detailFailed(qint64 number, const Vigil::Error &error);
    void statusChanged(const Vigil::SyncStatus &status);
    /** One pull cycle ended; error is meaningful only when ok is false. */
    void syncFinished(bool ok, const Vigil::Error &error);
    /** After a good cycle, Defender's functions for the local hunts were fetched: how many file
     *  profiles and SeenBy() answers were stored (failures are in the status). */
    void enrichmentFinished(int fileProfiles, int seenBy);
    /** The store could not be opened or migrated; the engine does nothing more. */
    void storeFailed(const Vigil::Error &error);
    /** An edit of incident number is stored locally and queued for Graph (changes: how many
     *  fields it changed; 0 when it changed nothing). */
    void editAccepted(qint64 number, int changes);
    /** An edit was refused: by validation (nothing stored) or by Graph (4xx; undone locally).
     *  error.message says why, in the server's words for a refusal by Graph. */
    void editRejected(qint64 number, const Vigil::Error &error);
    /** Graph accepted the pending edits of incident number that were sent together; for an
     *  incident of an incident-creation rule (local only), right after editAccepted. */
    void editDelivered(qint64 number);
    void pendingCountChanged(int count);
    void outboxLoaded(const QList<Vigil::OutboxRow> &rows);
    /** A delivery run ended: delivered edits (outbox rows) in it, rows still queued. */
    void outboxFlushed(int delivered, int queued);
    /** Another process (holder: "<host> <pid> <tag>"), e.g. a running window, delivers this
     *  store's outbox; the edits wait for it (this one looks again every few seconds). */
    void outboxClaimedElsewhere(const QString &holder);
    void outboxDiscarded(qint64 number, int edits);
    void outboxDiscardFailed(qint64 number, const Vigil::Error &error);
    /** Delegated sign-in: the service rotated the refresh token; keep the new one (keychain). */
    void refreshTokenRotated(const QString &refreshToken);
    /** The rules as the store holds them: after requestRuleSettings() and saveRuleSettings(). */
    void ruleSettingsLoaded(const Vigil::IncidentRuleSettings &settings);
    void ruleSettingsFailed(const Vigil::Error &error);
    void ruleImpactEstimated(const Vigil::IncidentRuleSettings &after,
                             const Vigil::RuleImpact &impact);
    /** Team mode: this process became the sync leader (true) or stopped being it. */
    void leadershipChanged(bool leader);
    /** Team mode: who leads the sync now (invalid: nobody known to). */
    void leaderChanged(const Vigil::TeamConsole &leader);

private:
    struct ThreadDeleter
    {
        void operator()(QThread *thread) const;
    };

    SyncConfig m_config;
    TeamSettings m_team;
    std::unique_ptr<QThread, ThreadDeleter> m_thread;
    SyncWorker *m_worker = nullptr; ///< lives on m_thread; deleted by its finished signal
};

} // namespace Vigil
