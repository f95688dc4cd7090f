#pragma once

#include "simoptions.h"
#include "simserver.h"
#include "synccontroller.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QString>
#include <QUrl>

#include <memory>

namespace Vigil::Test {

/**
 * Calls the simulator's admin API (`/_sim/...`) at base and waits for the answer. path may carry
 * a query (`/_sim/history?since=4`); body goes with every verb but GET. An answer other than 2xx
 * is logged, and its body (Graph-style error JSON) is returned all the same, so that a test can
 * check what the simulator said.
 */
QJsonDocument simAdmin(QNetworkAccessManager &network, const QUrl &base, const QByteArray &verb,
                       const QString &path, const QJsonObject &body = {}, int timeoutMs = 20000);

/** What one sync cycle did, as SyncController reported it. */
struct SyncRun
{
    bool finished = false; ///< syncFinished came within the time allowed
    bool ok = false; ///< finished, and the cycle succeeded
    Error error; ///< why it failed, when it finished without success
    QList<Incident> changed; ///< every incidentsChanged of the cycle, in order
    QList<SyncStatus> statuses; ///< every statusChanged of the cycle, in order
};

/** Asks controller for one cycle (syncNow) and waits for its syncFinished; logs a failure. */
SyncRun runOneSync(SyncController &controller, int timeoutMs = 60000);

/**
 * @brief The in-process simulated tenant that the sync, rule and UI tests run against: a
 * SimServer on a free loopback port, its admin API, and a SyncConfig that connects to it.
 *
 * Lives on, and must be used from, the test's thread (the simulator answers on that thread's
 * event loop, which the test runs while it waits for signals).
 */
class SimFixture
{
public:
    SimFixture();
    ~SimFixture();
    SimFixture(const SimFixture &) = delete;
    SimFixture &operator=(const SimFixture &) = delete;

    /** Generates a tenant from options and serves it; false when no port could be had. */
    bool start(const Sim::SimOptions &options);
    /** Stops the simulator; a later start() serves a new tenant. */
    void stop();

    /** The running simulator; only between start() and stop(). */
    Sim::SimServer &server() const { return *m_server; }
    /** The fixture stands for its simulator: `fixture->tenant()`. */
    Sim::SimServer *operator->() const { return m_server.get(); }
    QUrl baseUrl() const { return m_server->baseUrl(); }

    /** simAdmin() against this simulator. */
    QJsonDocument adminDocument(const QByteArray &verb, const QString &path,
                                const QJsonObject &body = {});
    /** simAdmin() against this simulator, the answer's object. */
    QJsonObject admin(const QByteArray &verb, const QString &path, const QJsonObject &body = {})
    {
        return adminDocument(verb, path, body).object();
    }
    /** Requests the simulator has answered on the routes whose name ("GET /v1.0/…") contains
     *  routePart, from its /_sim/stats. */
    int requestsServed(QLatin1StringView routePart);

    /**
     * The one place that says how Vigil reaches this simulator: its token endpoint and Graph,
     * its app registration (client secret), the store at databasePath, and no polling (the tests
     * ask for each cycle with syncNow() unless they turn autoPoll on). Budget, retries and
     * timeouts stay at SyncConfig's defaults for each test to set.
     */
    SyncConfig syncConfig(const QString &databasePath) const;

private:
    std::unique_ptr<Sim::SimServer> m_server;
    QNetworkAccessManager m_network;
};

} // namespace Vigil::Test
