// Connecting and disconnecting Vigil as the connector page does it, through ConnectionController:
// the client-secret check, the device-code sign-in and its cancel, and forgetting the connection,
// against the simulated tenant and a real Secret Service (run under with-keyring.sh).

#include "connectioncontroller.h"
#include "connectionsetup.h"
#include "secretstore.h"
#include "simserver.h"
#include "testclock.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace Vigil;

class TestConnectionController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void rightClientSecretIsKept();
    void wrongClientSecretKeepsNothing();
    void deviceCodeSignInKeepsTheRefreshToken();
    void cancelledSignInKeepsNothing();
    void forgetRemovesProfileAndSecret();

private:
    ConnectRequest request() const;
    /** The keychain's answer for key; fails the test when the keychain cannot be reached. */
    Result<QString> readSecret(const QString &key);
    QJsonObject simCode(const QString &userCode) const;

    std::unique_ptr<Test::TestClock> m_clock;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Sim::SimServer> m_sim;
    std::unique_ptr<ConnectionController> m_connection;
    std::atomic<int> m_networks = 0;
};

void TestConnectionController::init()
{
    m_clock = std::make_unique<Test::TestClock>();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    Sim::SimOptions options;
    options.incidents = 5;
    options.deviceCodeIntervalSeconds = 5;
    options.authClockMs = [clock = m_clock.get()] { return clock->elapsedMs(); };
    m_sim = std::make_unique<Sim::SimServer>(options);
    QVERIFY(m_sim->listen());
    // Each test starts with nothing of the tenant's app in the keychain.
    SecretStore store;
    int left = 2;
    for (const QString &key : {SecretStore::clientSecretKey(m_sim->tenantId(), m_sim->clientId()),
                               SecretStore::refreshTokenKey(m_sim->tenantId(), m_sim->clientId())})
        store.remove(key, &store, [&left](const Result<void> &) { --left; });
    QVERIFY(QTest::qWaitFor([&left] { return left == 0; }, 10000));
    m_networks = 0;
    m_connection = std::make_unique<ConnectionController>();
    m_connection->setClock(m_clock.get());
    m_connection->setNetworkFactory([this](QObject *parent) {
        ++m_networks;
        return new QNetworkAccessManager(parent);
    });
}

void TestConnectionController::cleanup()
{
    m_connection.reset();
    m_sim.reset();
    m_dir.reset();
    m_clock.reset();
}

ConnectRequest TestConnectionController::request() const
{
    SyncConfig base;
    base.authorityHost = m_sim->baseUrl();
    base.graphEndpoint = m_sim->baseUrl();
    return ConnectRequest::forConfig(base, m_sim->tenantId(), m_sim->clientId(), m_dir->path());
}

Result<QString> TestConnectionController::readSecret(const QString &key)
{
    SecretStore store;
    std::optional<Result<QString>> answer;
    store.read(key, &store, [&answer](const Result<QString> &read) { answer = read; });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 10000))
        return Error{
                Error::Kind::Timeout, 0, {}, QStringLiteral("the keychain did not answer"), {}};
    return *answer;
}

QJsonObject TestConnectionController::simCode(const QString &userCode) const
{
    const QJsonArray codes = m_sim->tenant().identity().deviceCodesJson();
    for (const auto &code : codes) {
        if (code[QLatin1String("user_code")].toString() == userCode)
            return code.toObject();
    }
    return {};
}

#define VERIFY_NOT_KEPT(key) \
    do { \
        const Result<QString> read = readSecret(key); \
        QVERIFY2(!read.ok(), "a secret is in the keychain"); \
        QVERIFY2(read.error().kind == Error::Kind::NotFound, qPrintable(read.error().toString())); \
    } while (false)

void TestConnectionController::rightClientSecretIsKept()
{
    QSignalSpy connected(m_connection.get(), &ConnectionController::connected);
    QSignalSpy failed(m_connection.get(), &ConnectionController::failed);
    m_connection->connectWithClientSecret(request(), m_sim->clientSecret());
    QVERIFY(connected.wait(60000));
    QVERIFY(failed.isEmpty());
    const auto profile = connected.at(0).at(0).value<ConnectorProfile>();
    QCOMPARE(profile.tenantId, m_sim->tenantId());
    QCOMPARE(profile.clientId, m_sim->clientId());
    QCOMPARE(profile.authMode, ConnectorProfile::AuthMode::ClientSecret);
    QCOMPARE(connected.at(0).at(1).toString(), m_sim->clientSecret());

    // What a restart finds: the profile on disk, the secret in the keychain, not in the file.
    const ConnectorProfile saved = ConnectorProfile::load(m_dir->path());
    QVERIFY(saved.isValid());
    QCOMPARE(saved.tenantId, m_sim->tenantId());
    QCOMPARE(saved.authMode, ConnectorProfile::AuthMode::ClientSecret);
    const Result<QString> secret = readSecret(saved.secretKey());
    QVERIFY2(secret.ok(), qPrintable(secret.ok() ? QString() : secret.error().toString()));
    QCOMPARE(secret.value(), m_sim->clientSecret());
    QFile file(ConnectorProfile::filePath(m_dir->path()));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains(m_sim->clientSecret().toUtf8()));
    // The check ran on a network manager from the factory.
    QCOMPARE(m_networks.load(), 1);
}

void TestConnectionController::wrongClientSecretKeepsNothing()
{
    QSignalSpy connected(m_connection.get(), &ConnectionController::connected);
    QSignalSpy failed(m_connection.get(), &ConnectionController::failed);
    m_connection->connectWithClientSecret(request(), QStringLiteral("not-the-secret"));
    QVERIFY(failed.wait(60000));
    const auto error = failed.at(0).at(0).value<Error>();
    QCOMPARE(error.kind, Error::Kind::Auth);
    QCOMPARE(error.code, QStringLiteral("invalid_client"));
    QVERIFY2(error.message.contains(QLatin1String("Invalid client secret")),
             qPrintable(error.message));
    QVERIFY(connected.isEmpty());
    QVERIFY(!ConnectorProfile::load(m_dir->path()).isValid());
    VERIFY_NOT_KEPT(SecretStore::clientSecretKey(m_sim->tenantId(), m_sim->clientId()));
}

void TestConnectionController::deviceCodeSignInKeepsTheRefreshToken()
{
    QSignalSpy code(m_connection.get(), &ConnectionController::deviceCodeReceived);
    QSignalSpy connected(m_connection.get(), &ConnectionController::connected);
    QSignalSpy failed(m_connection.get(), &ConnectionController::failed);
    m_connection->startDeviceCodeSignIn(request());
    QVERIFY(code.wait(60000));
    const auto prompt = code.at(0).at(0).value<DeviceCodePrompt>();
    QCOMPARE(prompt.intervalSeconds, 5);
    QVERIFY(prompt.message.contains(prompt.userCode));

    // Five seconds pass on the clock, not in real time: one poll, still pending.
    m_clock->advance(5000);
    QTRY_COMPARE_WITH_TIMEOUT(simCode(prompt.userCode)[QLatin1String("polls")].toInt(), 1, 10000);
    QVERIFY(connected.isEmpty());
    QVERIFY(m_sim->tenant()
                    .identity()
                    .approve(prompt.userCode, QStringLiteral("ann@contoso.com"), {})
                    .ok());
    // The sign-in schedules its next poll once it has read the first answer, which may be
    // after the tenant counted the poll: an advance before that finds no poll to start. Five
    // seconds at a time (the interval) until it polls again and is signed in.
    for (int i = 0; i < 60 && connected.isEmpty() && failed.isEmpty(); ++i) {
        m_clock->advance(5000);
        connected.wait(1000);
    }
    QCOMPARE(connected.size(), 1);
    QVERIFY(failed.isEmpty());
    const auto profile = connected.at(0).at(0).value<ConnectorProfile>();
    QCOMPARE(profile.authMode, ConnectorProfile::AuthMode::DeviceCode);
    QCOMPARE(profile.upn, QStringLiteral("ann@contoso.com"));
    QCOMPARE(profile.tenantId, m_sim->tenantId());
    const QString refreshToken = connected.at(0).at(1).toString();
    QVERIFY(!refreshToken.isEmpty());
    // Polled at the interval: the tenant never had to say slow_down.
    QCOMPARE(simCode(prompt.userCode)[QLatin1String("slowDowns")].toInt(), 0);
    QCOMPARE(simCode(prompt.userCode)[QLatin1String("state")].toString(),
             QStringLiteral("redeemed"));

    const ConnectorProfile saved = ConnectorProfile::load(m_dir->path());
    QCOMPARE(saved.upn, QStringLiteral("ann@contoso.com"));
    const Result<QString> secret = readSecret(saved.secretKey());
    QVERIFY2(secret.ok(), qPrintable(secret.ok() ? QString() : secret.error().toString()));
    QCOMPARE(secret.value(), refreshToken);
}

void TestConnectionController::cancelledSignInKeepsNothing()
{
    QSignalSpy code(m_connection.get(), &ConnectionController::deviceCodeReceived);
    QSignalSpy connected(m_connection.get(), &ConnectionController::connected);
    QSignalSpy cancelled(m_connection.get(), &ConnectionController::cancelled);
    QSignalSpy failed(m_connection.get(), &ConnectionController::failed);
    m_connection->startDeviceCodeSignIn(request());
    QVERIFY(code.wait(60000));
    const auto prompt = code.at(0).at(0).value<DeviceCodePrompt>();
    m_clock->advance(5000);
    QTRY_COMPARE_WITH_TIMEOUT(simCode(prompt.userCode)[QLatin1String("polls")].toInt(), 1, 10000);

    m_connection->cancel();
    QVERIFY(cancelled.wait(30000));
    QCOMPARE(cancelled.size(), 1);
    // Approving afterwards changes nothing: nobody polls any more, nothing is kept.
    QVERIFY(m_sim->tenant()
                    .identity()
                    .approve(prompt.userCode, QStringLiteral("ann@contoso.com"), {})
                    .ok());
    m_clock->advance(60'000);
    QTest::qWait(200);
    QCOMPARE(simCode(prompt.userCode)[QLatin1String("polls")].toInt(), 1);
    QCOMPARE(simCode(prompt.userCode)[QLatin1String("state")].toString(),
             QStringLiteral("approved"));
    QVERIFY(connected.isEmpty());
    QVERIFY(failed.isEmpty()); // a cancel is no failure
    QVERIFY(!ConnectorProfile::load(m_dir->path()).isValid());
    VERIFY_NOT_KEPT(SecretStore::refreshTokenKey(m_sim->tenantId(), m_sim->clientId()));
}

void TestConnectionController::forgetRemovesProfileAndSecret()
{
    QSignalSpy connected(m_connection.get(), &ConnectionController::connected);
    QSignalSpy disconnected(m_connection.get(), &ConnectionController::disconnected);
    QSignalSpy failed(m_connection.get(), &ConnectionController::failed);
    m_connection->connectWithClientSecret(request(), m_sim->clientSecret());
    QVERIFY(connected.wait(60000));
    const ConnectorProfile saved = ConnectorProfile::load(m_dir->path());
    QVERIFY(saved.isValid());
    QVERIFY(readSecret(saved.secretKey()).ok());

    m_connection->disconnectSaved(m_dir->path());
    QVERIFY(disconnected.wait(60000));
    QVERIFY(failed.isEmpty());
    QCOMPARE(disconnected.at(0).at(0).value<ConnectorProfile>().tenantId, m_sim->tenantId());
    QVERIFY(!ConnectorProfile::load(m_dir->path()).isValid());
    QVERIFY(!QFile::exists(ConnectorProfile::filePath(m_dir->path())));
    VERIFY_NOT_KEPT(saved.secretKey());

    // Forgetting when nothing is saved is no error: an invalid profile comes back.
    m_connection->disconnectSaved(m_dir->path());
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), 2, 60000);
    QVERIFY(!disconnected.at(1).at(0).value<ConnectorProfile>().isValid());
    QVERIFY(failed.isEmpty());
}

QTEST_GUILESS_MAIN(TestConnectionController)
#include "tst_connectioncontroller.moc"
