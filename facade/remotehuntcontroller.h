#pragma once

#include "huntingrunner.h"
#include "kqlast.h"
#include "result.h"
#include "syncconfig.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class QThread;

namespace Vigil {

class RemoteHuntWorker;

/** @brief How a remote hunting run ended. A value; any thread. */
struct RemoteHuntOutcome
{
    enum class Status { Ok, Failed, Cancelled };
    Status status = Status::Ok;
    qint64 rows = 0; ///< rows handed out by rowsReceived
    bool truncated = false; ///< Defender's answer had more rows than Vigil keeps (100 000)
    /// Unknown column types, values that did not fit their type, a window past 30 days.
    QStringList warnings;
    /// Failed: what happened and what to do, in error->message (plain text from the service
    /// is quoted in it: show it as plain text). kind Throttled carries retryAfter.
    std::optional<Error> error;
    qint64 elapsedMs = 0; ///< from run() to the end
};

/**
 * @brief GUI-thread facade that runs a KQL query in Microsoft 365 Defender (Graph
 * `runHuntingQuery`) and hands the result back in the local hunting engine's shape, so that the
 * hunting page shows it in the same grid: Kusto column types (Kql::RowSchema) and rows as
 * Kql::HuntingRow in the storage encoding of core/huntingschema.h.
 *
 * Use: setConnection() with the window's connection (SyncController::config(), which carries the
 * secret once the keychain has given it; cheap to call before every run), then run(). Signals
 * follow in this order: started, columnsReceived (once), rowsReceived (pages of up to 500 rows,
 * each in its own event so the window stays responsive), finished (always exactly once per
 * run). A run() while one is going cancels it first (its finished says Cancelled). cancel()
 * answers finished(Cancelled) at once; nothing of that run arrives afterwards. waiting tells
 * when Defender asked to wait (429 Retry-After) or a transient failure is retried once.
 *
 * The request runs on this object's own thread ("vigil-hunt-remote") with its own network
 * manager and token; nothing blocks the caller. Defender's limits apply: data of the last 30
 * days only (a warning says so when the query or the timespan reaches further back), 100 000
 * rows, 3 minutes per query, quotas per tenant.
 */
class RemoteHuntController : public QObject
{
    Q_OBJECT
public:
    explicit RemoteHuntController(QObject *parent = nullptr);
    ~RemoteHuntController() override;

    /** The tenant, app, endpoints and secret (client secret or refresh token) to run with. */
    void setConnection(const SyncConfig &config);
    /** True when setConnection() gave a secret to sign in with. */
    bool hasConnection() const;
    bool isRunning() const { return m_running; }

    /** Runs query in Defender over timespan (ISO 8601: `P7D`, `start/end`, …; empty: Defender's
     *  default of the last 30 days). */
    void run(const QString &query, const QString &timespan = QString());
    /** Stops the running query; finished(Cancelled) follows at once. */
    void cancel();

Q_SIGNALS:
    void started();
    void columnsReceived(const Vigil::Kql::RowSchema &columns);
    void rowsReceived(const QList<Vigil::Kql::HuntingRow> &rows);
    /** The run waits until then (Defender's Retry-After, or before its one retry): why, in
     *  words. */
    void waiting(const QDateTime &until, const QString &reason);
    void finished(const Vigil::RemoteHuntOutcome &outcome);
    /** Delegated sign-in: the service issued a new refresh token (the old one stays valid). */
    void refreshTokenRotated(const QString &refreshToken);

private:
    struct ThreadDeleter
    {
        void operator()(QThread *thread) const;
    };
    void ensureWorker();
    void onColumns(quint64 generation, const Kql::RowSchema &columns);
    void onRows(quint64 generation, const QList<Kql::HuntingRow> &rows);
    void onWaiting(quint64 generation, const QDateTime &until, const QString &reason);
    void onDone(quint64 generation, RemoteHuntOutcome outcome);
    void end(RemoteHuntOutcome outcome);

    friend class RemoteHuntWorker;

    SyncConfig m_config;
    bool m_configChanged = true;
    std::unique_ptr<QThread, ThreadDeleter> m_thread;
    RemoteHuntWorker *m_worker = nullptr; ///< lives on m_thread
    quint64 m_generation = 0; ///< answers of an earlier run are dropped
    bool m_running = false;
    qint64 m_rows = 0;
    QElapsedTimer m_elapsed;
};

} // namespace Vigil

Q_DECLARE_METATYPE(Vigil::RemoteHuntOutcome)
