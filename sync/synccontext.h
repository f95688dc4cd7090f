#pragma once

#include "incident.h"
#include "result.h"
#include "syncconfig.h"
#include "syncstatus.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

namespace Vigil {

class Clock;
class GraphClient;
class Store;

/** Where the sync thread's CPU time went (ns): mapping Graph JSON, writing the store. */
struct SyncTimings
{
    qint64 mappingNs = 0;
    qint64 storeNs = 0;
    qint64 jsonParseNs = 0; ///< of pages read without QJsonDocument
};

/**
 * @brief What the parts of the sync worker share: the configuration, the store and Graph client
 * that SyncWorker owns, the status it reports, the incidents known locally and the CPU timings.
 *
 * The pullers and the pusher each get this by reference instead of reaching into one another;
 * the signals here are the ones every part sends (a changed incident, the status, a store
 * failure), and SyncWorker passes them on. The store and the client are null until
 * SyncWorker::initialize() has made them (and stay null when that failed). Lives on the sync
 * thread with the worker.
 */
/** Why a pull ended early: this process stopped being the sync leader (Cancelled). */
Error steppedDownError();

class SyncContext : public QObject
{
    Q_OBJECT
public:
    explicit SyncContext(const SyncConfig &config, QObject *parent = nullptr);

    const SyncConfig &config() const { return m_config; }
    /** The clock of every wait and every decision on time: the config's, or the system's. */
    Clock *clock() const { return m_clock; }
    Store *store() const { return m_store; }
    void setStore(Store *store) { m_store = store; }
    GraphClient *graph() const { return m_graph; }
    void setGraph(GraphClient *graph) { m_graph = graph; }

    SyncStatus &status() { return m_status; }
    const SyncStatus &status() const { return m_status; }
    /** Graph id -> stored lastUpdateDateTime (ms), of every local incident. */
    QHash<QString, qint64> &known() { return m_known; }
    SyncTimings &timings() { return m_timings; }
    const SyncTimings &timings() const { return m_timings; }

    /** True while a pull (incidents, then alerts) runs: the outbox waits for its end. */
    bool isPullRunning() const { return m_pullRunning; }
    void setPullRunning(bool running) { m_pullRunning = running; }
    /** True while this process is the sync leader (always without a team database): only
     *  then do the pullers and the pusher talk to Graph. */
    bool isLeader() const { return m_leader; }
    void setLeader(bool leader) { m_leader = leader; }

    /** The latest time a cursor may move to: the service's clock (the `Date` of its latest
     *  answer, else this clock's now) plus a small skew. A later lastUpdateDateTime is a fault
     *  of the service's data or clock; a cursor moved there would skip every change until then. */
    QDateTime cursorLimit() const;

    /** Sends the status; countVolume: count the store's volume now (else at most every 5 s). */
    void publishStatus(bool countVolume = false);
    /** Reads the outbox's size into the status and sends both. */
    void publishPendingCount();
    /** Notes rows as stored, with their lastUpdateDateTime. */
    void remember(const QList<Incident> &rows);

Q_SIGNALS:
    void incidentsChanged(const QList<Vigil::Incident> &incidents);
    void statusChanged(const Vigil::SyncStatus &status);
    void storeFailed(const Vigil::Error &error);
    void pendingCountChanged(int count);

private:
    const SyncConfig &m_config;
    Clock *m_clock;
    Store *m_store = nullptr;
    GraphClient *m_graph = nullptr;
    SyncStatus m_status;
    QHash<QString, qint64> m_known;
    SyncTimings m_timings;
    bool m_pullRunning = false;
    bool m_leader = true;
    qint64 m_volumeCountedMs = -1; ///< when the volume counts were last taken (clock's ms)
};

} // namespace Vigil
