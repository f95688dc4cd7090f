#pragma once

#include "cloud.h"
#include "incident.h"
#include "result.h"
#include "syncstatus.h"

#include <QObject>
#include <QUrl>

#include <memory>

class QThread;

namespace Vigil {

class SyncWorker;

/** @brief Everything the sync engine needs to run against one tenant. Any thread. */
struct SyncConfig
{
    QString databasePath; ///< SQLite file; created with its folder when missing
    QUrl authorityHost; ///< e.g. https://login.microsoftonline.com (http only on loopback)
    QUrl graphEndpoint; ///< e.g. https://graph.microsoft.com (http only on loopback)
    QString tenantId;
    QString clientId;
    QString clientSecret;
    Cloud cloud = Cloud::global();
    int pollIntervalSeconds = 10; ///< 5..300
    int overlapSeconds = 120;
    int callsPerMinute = 50; ///< token-bucket budget for all Graph calls, up to 150
    bool autoPoll = true; ///< false: pull only when syncNow() is called (vigilctl)
    int maxAttempts = 5; ///< per Graph call, for network errors, timeouts, 5xx, 429
    int requestTimeoutSeconds = 60; ///< a call that receives nothing this long fails (Timeout)
    int backoffBaseMs = 1000; ///< first retry delay after a transient failure, then doubled
    /// Benchmarks only: keep a callsPerMinute above the product's cap of 150.
    bool benchmarkBudgetOverride = false;

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

    /** Starts the sync thread, opens the store, emits incidentsLoaded, then polls (autoPoll). */
    void start();
    /** Runs one pull cycle now (or right after the running one). */
    void syncNow();
    /** Asks for one incident with alerts (at most 150 unless allAlerts), entities, comments. */
    void requestDetail(qint64 number, bool allAlerts = false);
    /** Asks for the whole queue again (answered by incidentsLoaded). */
    void requestIncidents();

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
