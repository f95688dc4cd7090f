#pragma once

#include "connectorprofile.h"
#include "devicecodeprompt.h"
#include "result.h"
#include "syncconfig.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

class QThread;

namespace Vigil {

class Clock;
class ConnectionWorker;
class SecretStore;

/** What connecting needs besides the secret. Any thread. */
struct ConnectRequest
{
    ConnectorProfile profile; ///< tenant (or "organizations"), client id, cloud, endpoints
    QString dataDir;
    QUrl authorityHost; ///< the one to use (the profile keeps it only when it is not the cloud's)
    QUrl graphResource; ///< the Graph resource the scopes are built from

    /** A connection to tenant (or "organizations") with the app, cloud and endpoints of config;
     *  the profile keeps endpoints only where they differ from the cloud's own. */
    static ConnectRequest forConfig(const SyncConfig &config, const QString &tenant,
                                    const QString &clientId, const QString &dataDir);
    /** Graph's resource for the scopes: the cloud's, also when Vigil talks to a loopback
     *  endpoint (the simulator). */
    static QUrl graphResourceOf(const SyncConfig &config);
};

/**
 * @brief GUI-thread facade that connects and disconnects Vigil: device-code sign-in, client
 * secret, the keychain and the saved profile.
 *
 * The network calls run on its own thread ("vigil-connect") and come back as queued signals; the
 * keychain jobs (asynchronous D-Bus calls) run on this object's thread, since QtKeychain's job
 * queue belongs to one thread. One operation at a time.
 */
class ConnectionController : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionController(QObject *parent = nullptr);
    ~ConnectionController() override;

    /** Starts a device-code sign-in: deviceCodeReceived, then connected or failed. */
    void startDeviceCodeSignIn(const Vigil::ConnectRequest &request);
    /** Checks the client secret with one token request, then keeps it: connected or failed. */
    void connectWithClientSecret(const Vigil::ConnectRequest &request, const QString &secret);
    /** Polls the token endpoint now (after the analyst says the sign-in is done). */
    void pollNow();
    /** Stops a running sign-in (cancelled). */
    void cancel();
    /** Forgets the saved connection and its secrets: disconnected or failed. */
    void disconnectSaved(const QString &dataDir);

    /** Where the connection thread's network manager comes from (before the first sign-in;
     *  empty: a plain one). Tests hand in their own. */
    void setNetworkFactory(NetworkFactory factory);
    /** The clock the sign-in waits on (not owned, must outlive this; null: the system's). */
    void setClock(Clock *clock);

Q_SIGNALS:
    void deviceCodeReceived(const Vigil::DeviceCodePrompt &prompt);
    /** The connection is kept; secret is what went to the keychain, to start syncing with. */
    void connected(const Vigil::ConnectorProfile &profile, const QString &secret);
    void disconnected(const Vigil::ConnectorProfile &profile);
    void cancelled();
    void failed(const Vigil::Error &error);

private:
    struct ThreadDeleter
    {
        void operator()(QThread *thread) const;
    };
    std::unique_ptr<QThread, ThreadDeleter> m_thread;
    ConnectionWorker *m_worker = nullptr; ///< lives on m_thread
    SecretStore *m_secrets = nullptr; ///< lives on this object's thread
};

} // namespace Vigil

Q_DECLARE_METATYPE(Vigil::ConnectRequest)
