#include "connectioncontroller.h"
#include "connectorpage.h"
#include "connectorprofile.h"
#include "secretstore.h"
#include "simfixture.h"
#include "synccontroller.h"
#include "testclock.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Vigil;

namespace {

const QString Upn = QStringLiteral("ann.analyst@contoso.com");

/** Why a keychain read failed, for a test message; "" when it did not. */
QString failure(const Result<QString> &read)
{
    return read.ok() ? QString() : read.error().toString();
}

} // namespace

/**
 * Connect and disconnect from the connector page: device-code sign-in and client secret against
 * the in-process simulated tenant, the secret in a real Secret Service (run under
 * tests/support/with-keyring.sh), the profile in the data directory.
 */
class TestConnectorSignIn : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void deviceCodeSignInKeepsTheConnection();
    void openBrowserOnlyOnTheCloudsSignInPage();
    void cancelledSignInChangesNothing();
    void clientSecretIsCheckedBeforeItIsKept();

private:
    void openPage();
    /**
     * The secret kept under key in the keychain, "" when there is no such entry, and an error
     * when the keychain cannot be read, so that "removed" is never confused with "unreachable".
     */
    Result<QString> readSecret(const QString &key);
    template<typename T>
    T *child(const char *name) const
    {
        T *widget = m_page->findChild<T *>(QLatin1String(name));
        if (!widget)
            qWarning() << "no child" << name;
        return widget;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    /// The sign-in's waits (poll interval, slow_down) and the simulator's device codes run on
    /// it, so that the test moves time on instead of waiting for it.
    std::unique_ptr<Test::TestClock> m_clock;
    Test::SimFixture m_sim;
    std::unique_ptr<ConnectionController> m_connection;
    std::unique_ptr<SyncController> m_controller;
    std::unique_ptr<ConnectorPage> m_page;
    QList<QUrl> m_opened;
};

void TestConnectorSignIn::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<Test::TestClock>();
    Sim::SimOptions options;
    options.incidents = 5;
    options.authClockMs = [clock = m_clock.get()] { return clock->elapsedMs(); };
    QVERIFY(m_sim.start(options));
    m_opened.clear();
    openPage();
}

void TestConnectorSignIn::cleanup()
{
    m_page.reset();
    m_controller.reset();
    m_connection.reset();
    m_sim.stop();
    m_clock.reset();
    m_dir.reset();
}

void TestConnectorSignIn::openPage()
{
    // The simulator's endpoints without its app registration: the page adds the connection.
    SyncConfig base = m_sim.syncConfig(m_dir->filePath(QStringLiteral("vigil.db")));
    base.tenantId.clear();
    base.clientId.clear();
    base.clientSecret.clear();
    m_connection = std::make_unique<ConnectionController>();
    m_connection->setClock(m_clock.get());
    // The running sync, not connected yet: the page switches it to the new connection.
    m_controller = std::make_unique<SyncController>(base);
    m_controller->start();
    m_page = std::make_unique<ConnectorPage>(m_controller.get());
    m_page->setUrlOpener([this](const QUrl &url) {
        m_opened << url;
        return true;
    });
    m_page->setConnectionController(m_connection.get(), base, m_dir->path());
    m_page->resize(1200, 900);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

Result<QString> TestConnectorSignIn::readSecret(const QString &key)
{
    SecretStore store;
    std::optional<Result<QString>> answer;
    store.read(key, &store, [&answer](const Result<QString> &read) { answer = read; });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 10000)) {
        Error silent;
        silent.kind = Error::Kind::Timeout;
        silent.message
                = QStringLiteral("The keychain did not answer a read of %1 within 10 s.").arg(key);
        return silent;
    }
    if (!answer->ok() && answer->error().kind == Error::Kind::NotFound)
        return QString(); // no such entry: what a removed secret looks like
    return *answer;
}

void TestConnectorSignIn::deviceCodeSignInKeepsTheConnection()
{
    QCOMPARE(child<QLabel>("connectorState")->text(), QStringLiteral("Not connected"));
    child<QLineEdit>("connectTenant")->setText(m_sim->tenantId());
    child<QLineEdit>("connectClientId")->setText(m_sim->clientId());
    QVERIFY(!child<QLineEdit>("connectClientSecret")->isVisible());
    QSignalSpy code(m_connection.get(), &ConnectionController::deviceCodeReceived);
    QSignalSpy connected(m_connection.get(), &ConnectionController::connected);
    QTest::mouseClick(child<QPushButton>("connectButton"), Qt::LeftButton);
    QVERIFY(!child<QPushButton>("connectButton")->isEnabled());

    // The page shows the code and the address, and opens the browser only when asked.
    QVERIFY(code.wait(10000));
    const auto prompt = code.at(0).at(0).value<DeviceCodePrompt>();
    QTRY_VERIFY(child<QWidget>("deviceCodePanel")->isVisible());
    QCOMPARE(child<QLabel>("deviceCode")->text(), prompt.userCode);
    QCOMPARE(child<QLabel>("verificationAddress")->text(), prompt.verificationUri.toString());
    QVERIFY(m_opened.isEmpty());
    const QByteArray screenshot = qgetenv("VIGIL_SIGNIN_SCREENSHOT");
    if (!screenshot.isEmpty())
        QVERIFY(m_page->grab().save(QString::fromLocal8Bit(screenshot)));
    QTest::mouseClick(child<QPushButton>("openSignInPage"), Qt::LeftButton);
    QCOMPARE(m_opened, QList<QUrl>{prompt.verificationUri});

    // The analyst signs in in the browser (the simulator's admin side), then says so.
    QVERIFY(m_sim->tenant()
                    .identity()
                    .approve(prompt.userCode, Upn, QStringLiteral("Ann Analyst"))
                    .ok());
    QTest::mouseClick(child<QPushButton>("signInDone"), Qt::LeftButton);
    // Asked this early, the service answers slow_down: the next poll comes 10 s later on the
    // sign-in's clock, which the test moves on a second at a time.
    QTRY_VERIFY_WITH_TIMEOUT((m_clock->advance(1000), !connected.isEmpty()), 15000);
    QTRY_VERIFY(child<QLabel>("connectMessage")->text().startsWith(QStringLiteral("Connected")));
    QVERIFY(!child<QWidget>("deviceCodePanel")->isVisible());
    QCOMPARE(child<QLabel>("connectorIdentity")->text(), Upn);
    QCOMPARE(child<QLabel>("connectorTenant")->text(), m_sim->tenantId());

    const ConnectorProfile saved = ConnectorProfile::load(m_dir->path());
    QVERIFY(saved.isValid());
    QCOMPARE(saved.tenantId, m_sim->tenantId());
    QCOMPARE(saved.upn, Upn);
    QCOMPARE(saved.authMode, ConnectorProfile::AuthMode::DeviceCode);
    QCOMPARE(saved.authorityHost, m_sim->baseUrl());
    // The refresh token is in the keychain, never in the profile file.
    const Result<QString> keptToken = readSecret(saved.secretKey());
    QVERIFY2(keptToken.ok(), qPrintable(failure(keptToken)));
    const QString &refreshToken = keptToken.value();
    QVERIFY(!refreshToken.isEmpty());
    QFile file(ConnectorProfile::filePath(m_dir->path()));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains(refreshToken.toUtf8()));

    // The running sync now pulls with the analyst's sign-in, without a restart.
    QSignalSpy synced(m_controller.get(), &SyncController::syncFinished);
    QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                if (!synced.isEmpty() && synced.last().at(0).toBool())
                    return true;
                synced.clear();
                m_controller->syncNow();
                return synced.wait(5000) && synced.last().at(0).toBool();
            }(),
            30000);

    // Disconnect forgets both.
    QSignalSpy disconnected(m_connection.get(), &ConnectionController::disconnected);
    QTest::mouseClick(child<QPushButton>("disconnectButton"), Qt::LeftButton);
    QVERIFY(disconnected.wait(10000));
    QVERIFY(!ConnectorProfile::load(m_dir->path()).isValid());
    const Result<QString> removed = readSecret(saved.secretKey());
    QVERIFY2(removed.ok(), qPrintable(failure(removed)));
    QVERIFY(removed.value().isEmpty());
    QCOMPARE(child<QLabel>("connectorState")->text(), QStringLiteral("Not connected"));
    QVERIFY(child<QLabel>("connectMessage")->text().startsWith(QStringLiteral("Disconnected")));
    // ... and the running sync stops using the removed connection.
    QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                synced.clear();
                m_controller->syncNow();
                return synced.wait(5000) && !synced.last().at(0).toBool()
                       && synced.last().at(1).value<Error>().message.contains(
                               QLatin1String("Not connected"));
            }(),
            30000);
}

void TestConnectorSignIn::openBrowserOnlyOnTheCloudsSignInPage()
{
    child<QLineEdit>("connectTenant")->setText(m_sim->tenantId());
    child<QLineEdit>("connectClientId")->setText(m_sim->clientId());
    QSignalSpy code(m_connection.get(), &ConnectionController::deviceCodeReceived);
    QTest::mouseClick(child<QPushButton>("connectButton"), Qt::LeftButton);
    QVERIFY(code.wait(10000));
    DeviceCodePrompt prompt = code.at(0).at(0).value<DeviceCodePrompt>();
    QTRY_VERIFY(child<QWidget>("deviceCodePanel")->isVisible());

    // A verification_uri off the cloud's sign-in hosts is a page that asks for the code.
    for (const char *address :
         {"https://evil.example/devicelogin", "https://microsoft.com.evil.example/devicelogin",
          "https://login.microsoftonline.com.evil.example/",
          "https://user@microsoft.com/devicelogin",
          "https://login.microsoftonline.com:8443/common/oauth2/deviceauth",
          "https://microsoft.com/en-us/evil", "https://login.microsoftonline.us/deviceauth",
          "http://microsoft.com/devicelogin", "javascript:alert(1)", "file:///etc/passwd"}) {
        prompt.verificationUri = QUrl(QLatin1String(address));
        Q_EMIT m_connection->deviceCodeReceived(prompt);
        QTest::mouseClick(child<QPushButton>("openSignInPage"), Qt::LeftButton);
        QVERIFY2(m_opened.isEmpty(), address);
        QVERIFY2(child<QLabel>("connectMessage")
                         ->text()
                         .contains(QStringLiteral("not a Microsoft sign-in page")),
                 qPrintable(child<QLabel>("connectMessage")->text()));
    }
    // The global cloud's own sign-in pages (and the simulator on loopback) open.
    const QList<QUrl> allowed
            = {QUrl(QStringLiteral("https://microsoft.com/devicelogin")),
               QUrl(QStringLiteral("https://login.microsoftonline.com/common/oauth2/deviceauth")),
               QUrl(QStringLiteral("https://login.microsoft.com/device")),
               QUrl(m_sim->baseUrl().toString() + QStringLiteral("/devicelogin"))};
    for (const QUrl &address : allowed) {
        prompt.verificationUri = address;
        Q_EMIT m_connection->deviceCodeReceived(prompt);
        QTest::mouseClick(child<QPushButton>("openSignInPage"), Qt::LeftButton);
    }
    QCOMPARE(m_opened, allowed);
    QTest::mouseClick(child<QPushButton>("cancelSignIn"), Qt::LeftButton);
}

void TestConnectorSignIn::cancelledSignInChangesNothing()
{
    child<QLineEdit>("connectTenant")->setText(m_sim->tenantId());
    child<QLineEdit>("connectClientId")->setText(m_sim->clientId());
    QSignalSpy code(m_connection.get(), &ConnectionController::deviceCodeReceived);
    QSignalSpy cancelled(m_connection.get(), &ConnectionController::cancelled);
    QTest::mouseClick(child<QPushButton>("connectButton"), Qt::LeftButton);
    QVERIFY(code.wait(10000));
    QTRY_VERIFY(child<QWidget>("deviceCodePanel")->isVisible());
    QTest::mouseClick(child<QPushButton>("cancelSignIn"), Qt::LeftButton);
    QVERIFY(cancelled.wait(10000));
    QVERIFY(!child<QWidget>("deviceCodePanel")->isVisible());
    QVERIFY(child<QPushButton>("connectButton")->isEnabled());
    QVERIFY(child<QLabel>("connectMessage")->text().contains(QStringLiteral("cancelled")));
    QVERIFY(!ConnectorProfile::load(m_dir->path()).isValid());
}

void TestConnectorSignIn::clientSecretIsCheckedBeforeItIsKept()
{
    child<QComboBox>("signInMode")->setCurrentIndex(1);
    QVERIFY(child<QLineEdit>("connectClientSecret")->isVisible());
    child<QLineEdit>("connectClientId")->setText(m_sim->clientId());
    // No tenant: refused on the page.
    QTest::mouseClick(child<QPushButton>("connectButton"), Qt::LeftButton);
    QVERIFY(child<QLabel>("connectMessage")->text().contains(QStringLiteral("tenant id")));
    child<QLineEdit>("connectTenant")->setText(m_sim->tenantId());

    QSignalSpy failed(m_connection.get(), &ConnectionController::failed);
    child<QLineEdit>("connectClientSecret")->setText(QStringLiteral("not-the-secret"));
    QTest::mouseClick(child<QPushButton>("connectButton"), Qt::LeftButton);
    QVERIFY(failed.wait(15000));
    QTRY_VERIFY(child<QLabel>("connectMessage")
                        ->text()
                        .startsWith(QStringLiteral("Not "
                                                   "connected")));
    QVERIFY(!ConnectorProfile::load(m_dir->path()).isValid());

    QSignalSpy connected(m_connection.get(), &ConnectionController::connected);
    child<QLineEdit>("connectClientSecret")->setText(m_sim->clientSecret());
    QTest::mouseClick(child<QPushButton>("connectButton"), Qt::LeftButton);
    QVERIFY(connected.wait(15000));
    // The field does not keep the secret once it is handed over.
    QVERIFY(child<QLineEdit>("connectClientSecret")->text().isEmpty());
    const ConnectorProfile saved = ConnectorProfile::load(m_dir->path());
    QVERIFY(saved.isValid());
    QCOMPARE(saved.authMode, ConnectorProfile::AuthMode::ClientSecret);
    const Result<QString> keptSecret = readSecret(saved.secretKey());
    QVERIFY2(keptSecret.ok(), qPrintable(failure(keptSecret)));
    QCOMPARE(keptSecret.value(), m_sim->clientSecret());
    QCOMPARE(child<QLabel>("connectorState")->text(),
             QStringLiteral("Connected as an app (client secret)"));
}

QTEST_MAIN(TestConnectorSignIn)
#include "tst_connectorsignin.moc"
