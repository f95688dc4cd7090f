#include "connectioncontroller.h"

#include "connectionsetup.h"
#include "devicecodeflow.h"
#include "networkaccess.h"
#include "secretstore.h"
#include "synclogging.h"
#include "tokenprovider.h"

#include <QNetworkAccessManager>
#include <QThread>

#include <utility>

namespace Vigil {

ConnectRequest ConnectRequest::forConfig(const SyncConfig &config, const QString &tenant,
                                         const QString &clientId, const QString &dataDir)
{
    const auto overrideOf = [](const QUrl &used, const QString &cloudDefault) {
        return used == QUrl(cloudDefault) ? QUrl() : used;
    };
    ConnectRequest request;
    request.profile.tenantId = tenant;
    request.profile.clientId = clientId;
    request.profile.cloud = config.cloud.name;
    request.profile.authorityHost = overrideOf(config.authorityHost, config.cloud.authorityHost);
    request.profile.graphEndpoint = overrideOf(config.graphEndpoint, config.cloud.graphEndpoint);
    request.dataDir = dataDir;
    request.authorityHost = config.authorityHost;
    request.graphResource = graphResourceOf(config);
    return request;
}

QUrl ConnectRequest::graphResourceOf(const SyncConfig &config)
{
    return isLoopbackHost(config.graphEndpoint.host()) ? QUrl(config.cloud.graphEndpoint)
                                                       : config.graphEndpoint;
}

/** The connection work on its own thread: network manager, keychain, the sign-in. */
class ConnectionWorker : public QObject
{
    Q_OBJECT
public:
    void startDeviceCode(const ConnectRequest &request)
    {
        Q_ASSERT(QThread::currentThread() == thread());
        stop();
        ensureServices();
        m_flow = new DeviceCodeFlow(m_network, request.authorityHost, request.profile.tenantId,
                                    request.profile.clientId, request.graphResource, this);
        m_flow->setClock(m_clock);
        connect(m_flow, &DeviceCodeFlow::codeReceived, this, &ConnectionWorker::deviceCodeReceived);
        connect(m_flow, &DeviceCodeFlow::failed, this, [this](const Error &error) {
            stop();
            Q_EMIT failed(error);
        });
        connect(m_flow, &DeviceCodeFlow::signedIn, this,
                [this, request](const DelegatedSignIn &signIn) {
                    stop();
                    Result<ConnectorProfile> profile = profileAfterSignIn(request.profile, signIn);
                    if (!profile) {
                        Q_EMIT failed(profile.error());
                        return;
                    }
                    Q_EMIT accepted(request.dataDir, *profile, signIn.refreshToken);
                });
        m_flow->start();
    }

    void connectWithSecret(const ConnectRequest &request, const QString &secret)
    {
        Q_ASSERT(QThread::currentThread() == thread());
        stop();
        ensureServices();
        ConnectorProfile profile = request.profile;
        profile.authMode = ConnectorProfile::AuthMode::ClientSecret;
        profile.upn.clear();
        m_tokens = new TokenProvider(m_network, request.authorityHost, profile.tenantId,
                                     profile.clientId, secret, request.graphResource, this);
        m_tokens->setClock(m_clock);
        m_tokens->token(m_tokens, [this, request, profile, secret](const Result<QString> &token) {
            stop();
            if (!token) {
                Q_EMIT failed(token.error());
                return;
            }
            Q_EMIT accepted(request.dataDir, profile, secret);
        });
    }

    void setNetworkFactory(const NetworkFactory &factory) { m_networkFactory = factory; }
    void setClock(Clock *clock) { m_clock = clock; }

    void pollNow()
    {
        if (m_flow)
            m_flow->pollNow();
    }

    void cancel()
    {
        const bool running = m_flow || m_tokens;
        stop();
        if (running)
            Q_EMIT cancelled();
    }

Q_SIGNALS:
    void deviceCodeReceived(const Vigil::DeviceCodePrompt &prompt);
    /** The service accepted the sign-in or the secret; it still has to be kept. */
    void accepted(const QString &dataDir, const Vigil::ConnectorProfile &profile,
                  const QString &secret);
    void cancelled();
    void failed(const Vigil::Error &error);

private:
    void ensureServices()
    {
        // Created here, on the connection thread, so that it lives and works there.
        if (!m_network)
            m_network = createNetworkManager(m_networkFactory, this);
    }

    void stop()
    {
        if (DeviceCodeFlow *flow = std::exchange(m_flow, nullptr)) {
            // Its cancellation is no failure of the connection.
            flow->disconnect(this);
            flow->cancel();
            flow->deleteLater();
        }
        if (TokenProvider *tokens = std::exchange(m_tokens, nullptr))
            tokens->deleteLater();
    }

    NetworkFactory m_networkFactory;
    Clock *m_clock = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    DeviceCodeFlow *m_flow = nullptr;
    TokenProvider *m_tokens = nullptr;
};

void ConnectionController::ThreadDeleter::operator()(QThread *thread) const
{
    thread->quit();
    thread->wait();
    delete thread;
}

ConnectionController::ConnectionController(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<Vigil::ConnectorProfile>();
    qRegisterMetaType<Vigil::ConnectRequest>();
    qRegisterMetaType<Vigil::DeviceCodePrompt>();
    qRegisterMetaType<Vigil::Error>();
    // QtKeychain's job queue belongs to one thread: the keychain is used from this one, like
    // everywhere else in Vigil; only the network calls run on the connection thread.
    m_secrets = new SecretStore(QStringLiteral("Vigil"), this);
    m_thread.reset(new QThread);
    m_thread->setObjectName(QStringLiteral("vigil-connect"));
    m_worker = new ConnectionWorker;
    m_worker->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &ConnectionWorker::deviceCodeReceived, this,
            &ConnectionController::deviceCodeReceived);
    connect(m_worker, &ConnectionWorker::accepted, this,
            [this](const QString &dataDir, const ConnectorProfile &profile, const QString &secret) {
                saveConnection(m_secrets, dataDir, profile, secret,
                               [this, profile, secret](const Result<void> &saved) {
                                   if (!saved) {
                                       Q_EMIT failed(saved.error());
                                       return;
                                   }
                                   qCInfo(lcSync).noquote()
                                           << "connected to tenant" << profile.tenantId;
                                   Q_EMIT connected(profile, secret);
                               });
            });
    connect(m_worker, &ConnectionWorker::cancelled, this, &ConnectionController::cancelled);
    connect(m_worker, &ConnectionWorker::failed, this, &ConnectionController::failed);
    m_thread->start();
}

ConnectionController::~ConnectionController() = default;

void ConnectionController::startDeviceCodeSignIn(const ConnectRequest &request)
{
    QMetaObject::invokeMethod(
            m_worker, [worker = m_worker, request] { worker->startDeviceCode(request); },
            Qt::QueuedConnection);
}

void ConnectionController::connectWithClientSecret(const ConnectRequest &request,
                                                   const QString &secret)
{
    QMetaObject::invokeMethod(
            m_worker,
            [worker = m_worker, request, secret] { worker->connectWithSecret(request, secret); },
            Qt::QueuedConnection);
}

void ConnectionController::pollNow()
{
    QMetaObject::invokeMethod(m_worker, &ConnectionWorker::pollNow, Qt::QueuedConnection);
}

void ConnectionController::cancel()
{
    QMetaObject::invokeMethod(m_worker, &ConnectionWorker::cancel, Qt::QueuedConnection);
}

void ConnectionController::setNetworkFactory(NetworkFactory factory)
{
    QMetaObject::invokeMethod(
            m_worker,
            [worker = m_worker, factory = std::move(factory)] {
                worker->setNetworkFactory(factory);
            },
            Qt::QueuedConnection);
}

void ConnectionController::setClock(Clock *clock)
{
    QMetaObject::invokeMethod(
            m_worker, [worker = m_worker, clock] { worker->setClock(clock); },
            Qt::QueuedConnection);
}

void ConnectionController::disconnectSaved(const QString &dataDir)
{
    QMetaObject::invokeMethod(m_worker, &ConnectionWorker::cancel, Qt::QueuedConnection);
    removeConnection(m_secrets, dataDir, [this](const Result<ConnectorProfile> &removed) {
        if (removed)
            Q_EMIT disconnected(*removed);
        else
            Q_EMIT failed(removed.error());
    });
}

} // namespace Vigil

#include "connectioncontroller.moc"
