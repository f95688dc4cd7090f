#pragma once

#include "activity.h"
#include "cloud.h"
#include "incident.h"
#include "incidentrules.h"
#include "networkaccess.h"
#include "result.h"
#include "syncstatus.h"

#include <QObject>
#include <QUrl>

#include <memory>

class QThread;

namespace Vigil {

class Clock;
class SyncWorker;
struct TriageEdit;

/** @brief Everything the sync engine needs to run against one tenant. Any thread. */
struct SyncConfig
{
    QString databasePath; ///< SQLite file; created with its folder when missing
    QUrl authorityHost; ///< e.g. https://login.microsoftonline.com (http only on loopback)
    QUrl graphEndpoint; ///< e.g. https://graph.microsoft.com (http only on loopback)
    QString tenantId;
    QString clientId;
    QString clientSecret;
    /// Delegated sign-in (device code): used instead of clientSecret when set.
    QString refreshToken;
    Cloud cloud = Cloud::global();
    int pollIntervalSeconds = 10; ///< 5..300
    int overlapSeconds = 120;
    int callsPerMinute = 50; ///< token-bucket budget for all Graph calls, up to 150
    bool autoPoll = true; ///< false: pull only when syncNow() is called (vigilctl)
    int maxAttempts = 5; ///< per Graph call, for network errors, timeouts, 5xx, 429
    int requestTimeoutSeconds = 60; ///< a call that receives nothing this long fails (Timeout)
    int backoffBaseMs = 1000; ///< first retry delay after a transient failure, then doubled
    /// Benchmarks and tests against the simulated tenant only: keep a callsPerMinute above
    /// the product's cap of 150.
    bool benchmarkBudgetOverride = false;
    int outboxRetryFirstMs = 2'000; ///< first delay before an undelivered edit is sent again
    int outboxRetryMaxMs = 300'000; ///< the longest such delay
    /// Also pull component alerts (alerts_v2) and apply the incident-creation rules each cycle.
    bool pullComponentAlerts = true;
    /// Where the sync thread's network manager comes from; empty: a plain one.
    NetworkFactory networkFactory;
    /// The clock of the sync's waits (not owned, must outlive the sync); null: the system clock.
    Clock *clock = nullptr;

    static constexpr int kMaxCallsPerMinute = 150;
};

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
    /**
     * Applies an analyst's edit to each incident: validated (editRejected when it does not
     * apply), stored at once as pending with its outbox rows (editAccepted, incidentsChanged,
     * pendingCountChanged), then sent to Graph in order (editDelivered, or editRejected when
     * Graph refuses it and the change is undone).
     */
    void requestEdit(const QList<qint64> &numbers, const Vigil::TriageEdit &edit);
    /** Asks for the outbox (answered by outboxLoaded). */
    void requestOutbox();
    /** Asks for the incident-creation rules and the connector setting (ruleSettingsLoaded). */
    void requestRuleSettings();
    /** Stores every rule and the "turn off Microsoft incident creation rules" setting; the next
     *  alerts pull applies them. Answered by ruleSettingsLoaded (or ruleSettingsFailed). */
    void saveRuleSettings(const Vigil::IncidentRuleSettings &settings);

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
    /** Delegated sign-in: the service rotated the refresh token; keep the new one (keychain). */
    void refreshTokenRotated(const QString &refreshToken);
    /** The rules as the store holds them: after requestRuleSettings() and saveRuleSettings(). */
    void ruleSettingsLoaded(const Vigil::IncidentRuleSettings &settings);
    void ruleSettingsFailed(const Vigil::Error &error);

private:
    struct ThreadDeleter
    {
        void operator()(QThread *thread) const;
    };

    SyncConfig m_config;
    std::unique_ptr<QThread, ThreadDeleter> m_thread;
    SyncWorker *m_worker = nullptr; ///< lives on m_thread; deleted by its finished signal
};

} // namespace Vigil
