#pragma once

#include "incident.h"
#include "incidentrules.h"
#include "ratelimiter.h"
#include "result.h"
#include "syncconfig.h"
#include "syncdecisions.h"
#include "syncstatus.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

namespace Vigil {

class GraphClient;
class Store;
struct AlertPage;
struct IncidentPage;
struct IncidentPayload;
class TokenProvider;

/**
 * @brief The sync engine's worker: pulls M365D incidents from Graph into the Store.
 *
 * Constructed anywhere, then moved to the sync thread; initialize() (a slot run on that thread)
 * creates the network manager, the token state and the only writing database connection. Each
 * pull cycle lists incidents changed since `cursor - overlap` in ascending lastUpdateDateTime
 * order, 50 per page with `$expand=alerts`, follows `@odata.nextLink`, skips overlap duplicates
 * by (id, lastUpdateDateTime), stores each page in one transaction together with the cursor, and
 * fetches the survivor of a merge at once when it is not local. When `$expand` with a filter
 * answers 5xx it lists without `$expand` and fetches each changed incident with its alerts.
 * Then it pulls component alerts (alerts_v2) by the same rules with their own cursor, lets the
 * enabled incident-creation rules make one local incident per matching alert when the alert
 * first arrives (in the page's transaction) and links rule incidents to the M365D incidents holding
 * the same alert. Edits of rule incidents stay local: they never get outbox rows. Everything it
 * reports leaves through queued signals as values.
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
    SyncStatus status() const { return m_status; }
    /** Where the sync thread's CPU time went (ns): mapping Graph JSON, writing the store. */
    struct Timings
    {
        qint64 mappingNs = 0;
        qint64 storeNs = 0;
        qint64 jsonParseNs = 0; ///< of pages read without QJsonDocument (also in jsonParseNs())
    };
    Timings timings() const { return m_timings; }

public Q_SLOTS:
    void initialize();
    void syncNow();
    void requestDetail(qint64 number, bool allAlerts);
    void requestIncidents();
    void requestEdit(const QList<qint64> &numbers, const Vigil::TriageEdit &edit);
    void requestOutbox();
    void requestRuleSettings();
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
    void refreshTokenRotated(const QString &refreshToken);
    void ruleSettingsLoaded(const Vigil::IncidentRuleSettings &settings);
    void ruleSettingsFailed(const Vigil::Error &error);

private:
    QUrl firstPageUrl(bool expand) const;
    void startCycle();
    void fetchPage(const QUrl &url, bool expand);
    void onPage(bool expand, const Result<IncidentPage> &result);
    void fetchAlertsOneByOne(std::shared_ptr<QList<IncidentPayload>> page, int index,
                             QDateTime pageMax, QString nextLink);
    void storePage(const QList<IncidentPayload> &page, const QDateTime &pageMax,
                   const QString &nextLink, bool expand);
    /** Stores pulled incidents, reconciles them with the outbox, moves the cursor (if valid). */
    Result<void> storePulled(const QList<IncidentPayload> &page, const QDateTime &newCursor);
    void fetchSurvivors(QString nextLink, bool expand);
    void continueWith(const QString &nextLink, bool expand);
    // Component alerts (alerts_v2) and the incident-creation rules, after the incidents.
    /** The first page of alerts_v2 for these serviceSource values, from the alerts cursor. */
    QUrl firstAlertsPageUrl(const QStringList &sources) const;
    void startAlertsPull();
    /** Plans this pull's queries (one, or one per source) and fetches the first page. */
    void startAlertQueries();
    void fetchAlertsPage(const QUrl &url);
    void onAlertsPage(const Result<AlertPage> &result);
    /** After a whole alerts pull: the cursor to the incident cursor when that is later, and
     *  the products pulled remembered. */
    Result<void> advanceAlertsCursor();
    void finishAlertsPull();
    void finishCycle(bool ok, const Error &error = {});
    /** Sends the status; countVolume: count the store's volume now (else at most every 5 s). */
    void publishStatus(bool countVolume = false);
    void remember(const QList<Incident> &rows);
    // Two-way sync: delivering the outbox in order, and reconciling it with pulled incidents.
    void pushOutbox(bool force);
    void sendBatch(const QList<OutboxRow> &batch);
    void onPreflight(const QList<OutboxRow> &batch, const Result<QJsonObject> &fresh);
    void endPushRun();
    void onPushAnswer(const QList<OutboxRow> &batch, const Result<QJsonObject> &answer);
    Incident withPendingRows(Incident incident, const QList<OutboxRow> &rows,
                             const Incident &stored) const;
    QList<Incident> reconcilePulled(const QList<IncidentPayload> &page,
                                    const QHash<QString, Incident> &storedBefore);
    void storeState(Incident incident);
    void publishPendingCount();

    SyncConfig m_config;
    std::unique_ptr<Store> m_store;
    QNetworkAccessManager *m_network = nullptr;
    TokenProvider *m_tokens = nullptr;
    GraphClient *m_graph = nullptr;
    RateLimiter m_limiter;
    QElapsedTimer m_clock;
    QElapsedTimer m_volumeCounted; ///< since the volume counts were last taken
    QTimer m_pollTimer;
    std::optional<Error> m_configError;
    bool m_ready = false;

    SyncStatus m_status;
    QHash<QString, qint64> m_known; ///< Graph id -> stored lastUpdateDateTime (ms)
    bool m_cycleRunning = false;
    bool m_syncAgain = false;
    bool m_unordered = false; ///< the service ignored $orderby: move the cursor at the end only
    QDateTime m_cycleMax; ///< latest lastUpdateDateTime seen in this cycle
    QDateTime m_previousItem; ///< lastUpdateDateTime of the item before, to check the order
    QStringList m_survivorsToFetch;
    IncidentRuleSettings m_rules; ///< read from the store at the start of each alerts pull
    bool m_alertsUnordered = false;
    QDateTime m_alertsCycleMax;
    QDateTime m_alertsPreviousItem;
    QStringList m_alertSources; ///< serviceSource values pulled this cycle (the active rules')
    /// The queries of this pull: all sources in one (`or`), or one each where the service
    /// refused the `or`; the cursor moves only at the end when there are several.
    QList<QStringList> m_alertQueries;
    qsizetype m_alertQuery = 0;
    bool m_alertsOneSourcePerQuery = false; ///< the service refused an `or` of serviceSources
    /// Each running rule's start: alerts created up to then create nothing (invalid: all do).
    QHash<RuleProduct, QDateTime> m_activeSince;
    QDateTime m_rulesReadAt; ///< the service's clock when this pull read the rules
    bool m_skipHeldEvidence = false; ///< every running rule skips alerts M365D incidents hold
    qint64 m_expandBlockedUntilMs = -1;
    Timings m_timings;

    RetryPolicy m_retryPolicy;
    QTimer m_pushTimer; ///< the next outbox attempt after a transient failure
    bool m_pushing = false; ///< a PATCH or POST of the outbox is in flight
    bool m_pushRunActive = false;
    int m_deliveredThisRun = 0;
};

} // namespace Vigil
