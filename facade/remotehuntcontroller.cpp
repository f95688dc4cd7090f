#include "remotehuntcontroller.h"

#include "cloud.h"
#include "networkaccess.h"
#include "ratelimiter.h"
#include "remotehuntclient.h"
#include "tokenprovider.h"

#include <QNetworkAccessManager>
#include <QThread>

namespace Vigil {

namespace {

constexpr int kPageRows = 500;
/// Defender's advanced-hunting API allows at least 45 calls a minute per tenant.
constexpr int kHuntsPerMinute = 45;

bool sameConnection(const SyncConfig &a, const SyncConfig &b)
{
    return a.authorityHost == b.authorityHost && a.graphEndpoint == b.graphEndpoint
           && a.tenantId == b.tenantId && a.clientId == b.clientId
           && a.clientSecret == b.clientSecret && a.refreshToken == b.refreshToken
           && a.cloud.name == b.cloud.name && a.requestTimeoutSeconds == b.requestTimeoutSeconds;
}

} // namespace

/** The network side of RemoteHuntController: lives on its thread, with the client it runs. */
class RemoteHuntWorker : public QObject
{
public:
    RemoteHuntWorker(SyncConfig config, RemoteHuntController *controller)
        : m_config(std::move(config))
        , m_controller(controller)
        , m_limiter(kHuntsPerMinute, 5)
    { }

    void initialize();
    void run(quint64 generation, const QString &query, const QString &timespan);
    void cancel()
    {
        if (m_client)
            m_client->cancel();
    }

private:
    void post(const std::function<void(RemoteHuntController *)> &call)
    {
        // The controller waits for this thread before it goes: it outlives every call.
        QMetaObject::invokeMethod(
                m_controller, [controller = m_controller, call] { call(controller); },
                Qt::QueuedConnection);
    }

    SyncConfig m_config;
    RemoteHuntController *m_controller;
    RateLimiter m_limiter;
    QNetworkAccessManager *m_network = nullptr;
    TokenProvider *m_tokens = nullptr;
    RemoteHuntClient *m_client = nullptr;
    std::optional<Error> m_configError;
    quint64 m_generation = 0;
};

void RemoteHuntWorker::initialize()
{
    Q_ASSERT(QThread::currentThread() == thread());
    const QString authorityText = m_config.authorityHost.isEmpty()
                                          ? m_config.cloud.authorityHost
                                          : m_config.authorityHost.toString();
    const QString graphText = m_config.graphEndpoint.isEmpty() ? m_config.cloud.graphEndpoint
                                                               : m_config.graphEndpoint.toString();
    const Result<QUrl> authority
            = validateEndpoint(authorityText, QStringLiteral("Authority host"));
    const Result<QUrl> graph = validateEndpoint(graphText, QStringLiteral("Graph endpoint"));
    if (!authority) {
        m_configError = authority.error();
        return;
    }
    if (!graph) {
        m_configError = graph.error();
        return;
    }
    if (m_config.clientSecret.isEmpty() && m_config.refreshToken.isEmpty()) {
        m_configError = Error{Error::Kind::Config,
                              0,
                              {},
                              QStringLiteral("Not connected to a tenant: connect on the connector "
                                             "page (g c) or with 'vigilctl connect' to run a "
                                             "query in Defender."),
                              {}};
        return;
    }
    m_network = createNetworkManager(m_config.networkFactory, this);
    // As the sync worker does: a loopback endpoint (the simulator) asks for the cloud's resource.
    const QUrl resource
            = isLoopbackHost(graph->host()) ? QUrl(m_config.cloud.graphEndpoint) : graph.value();
    m_tokens = new TokenProvider(m_network, authority.value(), m_config.tenantId, m_config.clientId,
                                 m_config.clientSecret, resource, this);
    m_tokens->setRequestTimeout(std::chrono::seconds(std::max(1, m_config.requestTimeoutSeconds)));
    if (!m_config.refreshToken.isEmpty()) {
        m_tokens->setRefreshToken(m_config.refreshToken);
        connect(m_tokens, &TokenProvider::refreshTokenRotated, this,
                [this](const QString &refreshToken) {
                    post([refreshToken](RemoteHuntController *controller) {
                        Q_EMIT controller->refreshTokenRotated(refreshToken);
                    });
                });
    }
    m_client = new RemoteHuntClient(m_network, m_tokens, &m_limiter, graph.value(), this);
    connect(m_client, &RemoteHuntClient::waiting, this,
            [this](const QDateTime &until, const QString &reason) {
                post([generation = m_generation, until, reason](RemoteHuntController *c) {
                    c->onWaiting(generation, until, reason);
                });
            });
}

void RemoteHuntWorker::run(quint64 generation, const QString &query, const QString &timespan)
{
    m_generation = generation;
    const auto done = [this, generation](const RemoteHuntOutcome &outcome) {
        post([generation, outcome](RemoteHuntController *c) { c->onDone(generation, outcome); });
    };
    if (m_configError || !m_client) {
        RemoteHuntOutcome outcome;
        outcome.status = RemoteHuntOutcome::Status::Failed;
        outcome.error = m_configError.value_or(
                Error{Error::Kind::Config, 0, {}, QStringLiteral("no connection"), {}});
        done(outcome);
        return;
    }
    const QStringList windowWarnings
            = RemoteHuntClient::windowWarnings(query, timespan, QDateTime::currentDateTimeUtc());
    m_client->run(query, timespan, this,
                  [this, generation, done, windowWarnings](Result<RemoteHuntResult> &&result) {
                      RemoteHuntOutcome outcome;
                      outcome.warnings = windowWarnings;
                      if (!result) {
                          outcome.status = result.error().kind == Error::Kind::Cancelled
                                                   ? RemoteHuntOutcome::Status::Cancelled
                                                   : RemoteHuntOutcome::Status::Failed;
                          outcome.error = result.error();
                          done(outcome);
                          return;
                      }
                      RemoteHuntResult read = std::move(result).value();
                      post([generation, columns = read.columns](RemoteHuntController *c) {
                          c->onColumns(generation, columns);
                      });
                      // One event per page: the window paints between them.
                      for (qsizetype i = 0; i < read.rows.size(); i += kPageRows) {
                          post([generation, page = read.rows.mid(i, kPageRows)](
                                       RemoteHuntController *c) { c->onRows(generation, page); });
                      }
                      outcome.rows = read.rows.size();
                      outcome.truncated = read.truncated;
                      outcome.warnings += read.warnings;
                      done(outcome);
                  });
}

void RemoteHuntController::ThreadDeleter::operator()(QThread *thread) const
{
    thread->quit();
    thread->wait();
    delete thread;
}

RemoteHuntController::RemoteHuntController(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<Vigil::RemoteHuntOutcome>();
    qRegisterMetaType<Vigil::Kql::RowSchema>();
    qRegisterMetaType<QList<Vigil::Kql::HuntingRow>>();
}

RemoteHuntController::~RemoteHuntController() = default;

void RemoteHuntController::setConnection(const SyncConfig &config)
{
    if (!m_configChanged && sameConnection(m_config, config))
        return;
    m_config = config;
    m_configChanged = true;
}

bool RemoteHuntController::hasConnection() const
{
    return !m_config.clientSecret.isEmpty() || !m_config.refreshToken.isEmpty();
}

void RemoteHuntController::ensureWorker()
{
    if (m_thread && !m_configChanged)
        return;
    m_thread.reset(); // a connection that changed: the old thread and its token go
    m_worker = nullptr;
    m_configChanged = false;
    m_thread.reset(new QThread);
    m_thread->setObjectName(QStringLiteral("vigil-hunt-remote"));
    m_worker = new RemoteHuntWorker(m_config, this);
    m_worker->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_thread.get(), &QThread::started, m_worker,
            [worker = m_worker] { worker->initialize(); });
    m_thread->start();
}

void RemoteHuntController::run(const QString &query, const QString &timespan)
{
    if (m_running)
        cancel();
    if (m_configChanged && m_thread)
        m_generation++; // nothing of the old connection's runs is wanted
    ensureWorker();
    const quint64 generation = ++m_generation;
    m_running = true;
    m_rows = 0;
    m_elapsed.start();
    Q_EMIT started();
    QMetaObject::invokeMethod(
            m_worker,
            [worker = m_worker, generation, query, timespan] {
                worker->run(generation, query, timespan);
            },
            Qt::QueuedConnection);
}

void RemoteHuntController::cancel()
{
    if (!m_running)
        return;
    ++m_generation; // whatever the worker still sends for this run is dropped
    if (m_worker)
        QMetaObject::invokeMethod(
                m_worker, [worker = m_worker] { worker->cancel(); }, Qt::QueuedConnection);
    RemoteHuntOutcome outcome;
    outcome.status = RemoteHuntOutcome::Status::Cancelled;
    outcome.rows = m_rows;
    end(outcome);
}

void RemoteHuntController::onColumns(quint64 generation, const Kql::RowSchema &columns)
{
    if (generation == m_generation && m_running)
        Q_EMIT columnsReceived(columns);
}

void RemoteHuntController::onRows(quint64 generation, const QList<Kql::HuntingRow> &rows)
{
    if (generation != m_generation || !m_running)
        return;
    m_rows += rows.size();
    Q_EMIT rowsReceived(rows);
}

void RemoteHuntController::onWaiting(quint64 generation, const QDateTime &until,
                                     const QString &reason)
{
    if (generation == m_generation && m_running)
        Q_EMIT waiting(until, reason);
}

void RemoteHuntController::onDone(quint64 generation, RemoteHuntOutcome outcome)
{
    if (generation != m_generation || !m_running)
        return;
    outcome.rows = m_rows;
    end(std::move(outcome));
}

void RemoteHuntController::end(RemoteHuntOutcome outcome)
{
    m_running = false;
    outcome.elapsedMs = m_elapsed.isValid() ? m_elapsed.elapsed() : 0;
    Q_EMIT finished(outcome);
}

} // namespace Vigil
