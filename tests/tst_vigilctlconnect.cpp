// vigilctl connect / connector status / sync / disconnect, end to end: the real executable, the
// simulated tenant (in this process) and a real Secret Service (tests/support/with-keyring.sh).

#include "secretstore.h"
#include "simserver.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>
#include <optional>

using namespace Vigil;

namespace {

const QString Upn = QStringLiteral("ann.analyst@contoso.com");
const QByteArray RefreshTokenPrefix = "0.AVIApGIkS"; // how the simulator's refresh tokens start

QStringList filesContaining(const QString &dir, const QByteArray &needle)
{
    QStringList found;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            found.append(path);
    }
    return found;
}

} // namespace

class TestVigilctlConnect : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void deviceCodeConnectStatusSyncDisconnect();
    void declinedSignInSavesNothing();
    void revokedSignInAsksToConnectAgain();
    void clientSecretFromStdin();
    void environmentWinsOverTheSavedProfile();
    void withoutKeychainNothingIsSaved();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    /** Runs vigilctl while this thread keeps serving the simulator; onOutput sees stdout as it
     *  grows. */
    Run vigilctl(const QStringList &arguments, const QProcessEnvironment &env = {},
                 const QByteArray &input = {},
                 const std::function<void(const QByteArray &)> &onOutput = {},
                 const QStringList &unset = {});
    QStringList endpointFlags() const;
    QJsonObject status();
    Result<QString> keychainRead(const QString &key);
    bool keychainWrite(const QString &key, const QString &secret);
    bool keychainRemove(const QString &key);

    std::unique_ptr<Sim::SimServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dataDir;
};

void TestVigilctlConnect::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("VIGIL_KEYRING_HOME"))
        QSKIP("needs a Secret Service: run through tests/support/with-keyring.sh");
}

void TestVigilctlConnect::init()
{
    Sim::SimOptions options;
    options.incidents = 30;
    options.deviceCodeIntervalSeconds = 1;
    m_server = std::make_unique<Sim::SimServer>(options);
    QVERIFY(m_server->listen(0));
    m_dataDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dataDir->isValid());
}

void TestVigilctlConnect::cleanup()
{
    m_server.reset();
    m_dataDir.reset();
}

TestVigilctlConnect::Run TestVigilctlConnect::vigilctl(
        const QStringList &arguments, const QProcessEnvironment &env, const QByteArray &input,
        const std::function<void(const QByteArray &)> &onOutput, const QStringList &unset)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &key :
         {QStringLiteral("AZURE_TENANT_ID"), QStringLiteral("AZURE_CLIENT_ID"),
          QStringLiteral("AZURE_CLIENT_SECRET"), QStringLiteral("AZURE_AUTHORITY_HOST"),
          QStringLiteral("VIGIL_GRAPH_ENDPOINT"), QStringLiteral("VIGIL_DATA_DIR"),
          QStringLiteral("VIGIL_CLOUD")})
        environment.remove(key);
    for (const QString &key : unset)
        environment.remove(key);
    for (const QString &key : env.keys())
        environment.insert(key, env.value(key));
    process.setProcessEnvironment(environment);
    Run run;
    connect(&process, &QProcess::readyReadStandardOutput, this, [&] {
        run.out += process.readAllStandardOutput();
        if (onOutput)
            onOutput(run.out);
    });
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(VIGILCTL_PATH),
                  QStringList{QStringLiteral("--data-dir"), m_dataDir->path()} + arguments);
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!finished.wait(120000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.out += process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return run;
}

QStringList TestVigilctlConnect::endpointFlags() const
{
    return {QStringLiteral("--authority-host"), m_server->baseUrl().toString(),
            QStringLiteral("--graph-endpoint"), m_server->baseUrl().toString()};
}

QJsonObject TestVigilctlConnect::status()
{
    const Run run = vigilctl({QStringLiteral("connector"), QStringLiteral("status"),
                              QStringLiteral("--format"), QStringLiteral("json")});
    if (run.exitCode != 0)
        qWarning() << run.err;
    return QJsonDocument::fromJson(run.out).object();
}

bool TestVigilctlConnect::keychainWrite(const QString &key, const QString &secret)
{
    SecretStore store;
    std::optional<bool> ok;
    store.write(key, secret, this, [&ok](const Result<void> &result) { ok = result.ok(); });
    return QTest::qWaitFor([&ok] { return ok.has_value(); }, 20000) && *ok;
}

bool TestVigilctlConnect::keychainRemove(const QString &key)
{
    SecretStore store;
    std::optional<bool> ok;
    store.remove(key, this, [&ok](const Result<void> &result) { ok = result.ok(); });
    return QTest::qWaitFor([&ok] { return ok.has_value(); }, 20000) && *ok;
}

Result<QString> TestVigilctlConnect::keychainRead(const QString &key)
{
    SecretStore store;
    std::optional<Result<QString>> answer;
    store.read(key, this, [&answer](const Result<QString> &result) { answer = result; });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 20000))
        return Error{
                Error::Kind::Timeout, 0, {}, QStringLiteral("no answer from the keychain"), {}};
    return *answer;
}

void TestVigilctlConnect::deviceCodeConnectStatusSyncDisconnect()
{
    const QString tenant = m_server->tenantId();
    const QString client = m_server->clientId();
    const QString refreshKey = SecretStore::refreshTokenKey(tenant, client);

    // Not connected yet.
    QJsonObject before = status();
    QCOMPARE(before.value(QLatin1String("connected")).toBool(true), false);

    // Connect: vigilctl prints the code; the "analyst" approves it in the "browser".
    QString userCode;
    Run run = vigilctl(QStringList{QStringLiteral("connect"), QStringLiteral("--device-code"),
                                   QStringLiteral("--client-id"), client}
                               + endpointFlags(),
                       {}, {}, [&](const QByteArray &out) {
                           const int at = out.indexOf("Code: ");
                           if (!userCode.isEmpty() || at < 0 || out.indexOf('\n', at) < 0)
                               return;
                           userCode = QString::fromLatin1(
                                   out.mid(at + 6, out.indexOf('\n', at) - at - 6));
                           QVERIFY(m_server->tenant().identity().approve(userCode, Upn, {}).ok());
                       });
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(userCode.size(), 9);
    QVERIFY2(run.out.contains("https://microsoft.com/devicelogin"), run.out.constData());
    QVERIFY2(run.out.contains(
                     QStringLiteral("Connected to tenant %1 as %2.").arg(tenant, Upn).toUtf8()),
             run.out.constData());

    // The refresh token is in the keychain, and nowhere in the data directory.
    const Result<QString> saved = keychainRead(refreshKey);
    QVERIFY2(saved.ok(), qPrintable(saved ? QString() : saved.error().message));
    QVERIFY(saved->startsWith(QString::fromLatin1(RefreshTokenPrefix)));
    QVERIFY(QFile::exists(m_dataDir->filePath(QStringLiteral("connector.ini"))));
    QCOMPARE(filesContaining(m_dataDir->path(), RefreshTokenPrefix), QStringList());

    // Status comes from the saved profile alone: no flags, no environment.
    QJsonObject connected = status();
    QCOMPARE(connected.value(QLatin1String("connected")).toBool(), true);
    QCOMPARE(connected.value(QLatin1String("credentialSource")).toString(),
             QStringLiteral("keychain"));
    QCOMPARE(connected.value(QLatin1String("tenantId")).toString(), tenant);
    QCOMPARE(connected.value(QLatin1String("clientId")).toString(), client);
    QCOMPARE(connected.value(QLatin1String("cloud")).toString(), QStringLiteral("global"));
    QCOMPARE(connected.value(QLatin1String("authMode")).toString(), QStringLiteral("deviceCode"));
    QCOMPARE(connected.value(QLatin1String("identity")).toString(), Upn);
    QCOMPARE(connected.value(QLatin1String("authorityHost")).toString(),
             m_server->baseUrl().toString());
    QCOMPARE(connected.value(QLatin1String("graphEndpoint")).toString(),
             m_server->baseUrl().toString());
    QCOMPARE(connected.value(QLatin1String("portalHosts")).toArray(),
             QJsonArray{QStringLiteral("security.microsoft.com")});
    QVERIFY(connected.value(QLatin1String("health"))
                    .toObject()
                    .value(QLatin1String("lastSync"))
                    .isNull());
    QCOMPARE(connected.value(QLatin1String("keychain")).toObject(),
             QJsonObject({{QStringLiteral("secretStored"), true}}));

    // Sync with the saved sign-in: the refresh token is redeemed, and its successor kept.
    run = vigilctl({QStringLiteral("sync"), QStringLiteral("--once")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.contains("Synced"), run.out.constData());
    const Result<QString> rotated = keychainRead(refreshKey);
    QVERIFY(rotated.ok());
    QVERIFY(rotated.value() != saved.value());
    QCOMPARE(filesContaining(m_dataDir->path(), RefreshTokenPrefix), QStringList());

    const QJsonObject health = status().value(QLatin1String("health")).toObject();
    QVERIFY(!health.value(QLatin1String("lastSync")).toString().isEmpty());
    QCOMPARE(health.value(QLatin1String("incidents")).toInt(),
             int(m_server->tenant().incidents().size()));

    // Edits go out on the analyst's behalf: Defender records the UPN, not the app.
    const Run list = vigilctl({QStringLiteral("incidents"), QStringLiteral("list"),
                               QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(list.exitCode == 0, list.err.constData());
    qint64 number = 0;
    qint64 incidentId = 0;
    for (const auto &value : QJsonDocument::fromJson(list.out).array()) {
        const QJsonObject incident = value.toObject();
        if (incident.value(QLatin1String("status")).toString() == QLatin1String("New")) {
            number = incident.value(QLatin1String("number")).toInteger();
            incidentId
                    = incident.value(QLatin1String("providerIncidentId")).toString().toLongLong();
            break;
        }
    }
    QVERIFY(number > 0);
    run = vigilctl({QStringLiteral("incident"), QStringLiteral("update"), QString::number(number),
                    QStringLiteral("--status"), QStringLiteral("Active"),
                    QStringLiteral("--wait")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    bool byAnalyst = false;
    for (const auto &change : m_server->tenant().history(incidentId))
        byAnalyst |= change.action == QLatin1String("update") && change.actor == Upn;
    QVERIFY(byAnalyst);
    const Result<QString> current = keychainRead(refreshKey);
    QVERIFY(current.ok());
    const QString &keychainBackup = current.value();

    // A keyring that lost the secret (reset, another machine) shows in the status, with what
    // to do; the secret put back, all is well again.
    QVERIFY(keychainRemove(refreshKey));
    QJsonObject lost = status().value(QLatin1String("keychain")).toObject();
    QCOMPARE(lost.value(QLatin1String("secretStored")).toBool(true), false);
    QVERIFY2(lost.value(QLatin1String("advice")).toString().contains(u"vigilctl connect"),
             qPrintable(lost.value(QLatin1String("advice")).toString()));
    QVERIFY(keychainWrite(refreshKey, keychainBackup));
    QCOMPARE(status().value(QLatin1String("keychain")).toObject(),
             QJsonObject({{QStringLiteral("secretStored"), true}}));

    // Disconnect: profile and secrets are gone, and sync no longer has credentials.
    run = vigilctl({QStringLiteral("disconnect")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.contains("Disconnected"), run.out.constData());
    QVERIFY(!QFile::exists(m_dataDir->filePath(QStringLiteral("connector.ini"))));
    const Result<QString> gone = keychainRead(refreshKey);
    QVERIFY(!gone.ok());
    QCOMPARE(gone.error().kind, Error::Kind::NotFound);
    QCOMPARE(status().value(QLatin1String("connected")).toBool(true), false);
    run = vigilctl({QStringLiteral("sync"), QStringLiteral("--once")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("vigilctl connect"), run.err.constData());
}

void TestVigilctlConnect::declinedSignInSavesNothing()
{
    bool declined = false;
    const Run run = vigilctl(QStringList{QStringLiteral("connect"), QStringLiteral("--device-code"),
                                         QStringLiteral("--tenant"), m_server->tenantId(),
                                         QStringLiteral("--client-id"), m_server->clientId()}
                                     + endpointFlags(),
                             {}, {}, [&](const QByteArray &out) {
                                 const int at = out.indexOf("Code: ");
                                 if (declined || at < 0 || out.indexOf('\n', at) < 0)
                                     return;
                                 const QString code = QString::fromLatin1(
                                         out.mid(at + 6, out.indexOf('\n', at) - at - 6));
                                 declined = m_server->tenant().identity().decline(code).ok();
                             });
    QVERIFY(declined);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("declined"), run.err.constData());
    QVERIFY(!QFile::exists(m_dataDir->filePath(QStringLiteral("connector.ini"))));
    const Result<QString> nothing = keychainRead(
            SecretStore::refreshTokenKey(m_server->tenantId(), m_server->clientId()));
    QCOMPARE(nothing.error().kind, Error::Kind::NotFound);
}

void TestVigilctlConnect::revokedSignInAsksToConnectAgain()
{
    Run run = vigilctl(QStringList{QStringLiteral("connect"), QStringLiteral("--device-code"),
                                   QStringLiteral("--client-id"), m_server->clientId()}
                               + endpointFlags(),
                       {}, {}, [&](const QByteArray &out) {
                           const int at = out.indexOf("Code: ");
                           if (at >= 0 && out.indexOf('\n', at) > 0)
                               m_server->tenant().identity().approve({}, Upn,
                                                                     {}); // the newest pending code
                       });
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(m_server->tenant().identity().revokeRefreshTokens(Upn, true), 1);

    run = vigilctl({QStringLiteral("sync"), QStringLiteral("--once")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("AADSTS50173"), run.err.constData());
    QVERIFY2(run.err.contains("Sign in again"), run.err.constData());
    QVERIFY2(run.err.contains("vigilctl connect --device-code"), run.err.constData());
    QVERIFY2(!run.err.contains("AZURE_CLIENT_SECRET"), run.err.constData());
}

void TestVigilctlConnect::clientSecretFromStdin()
{
    const QStringList connect
            = QStringList{QStringLiteral("connect"),     QStringLiteral("--client-secret-stdin"),
                          QStringLiteral("--tenant"),    m_server->tenantId(),
                          QStringLiteral("--client-id"), m_server->clientId()}
              + endpointFlags();
    const QString secretKey
            = SecretStore::clientSecretKey(m_server->tenantId(), m_server->clientId());

    // A wrong secret is checked against the token endpoint and nothing is kept.
    Run run = vigilctl(connect, {}, "not-the-secret\n");
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("invalid_client"), run.err.constData());
    QVERIFY(!QFile::exists(m_dataDir->filePath(QStringLiteral("connector.ini"))));
    QCOMPARE(keychainRead(secretKey).error().kind, Error::Kind::NotFound);

    run = vigilctl(connect, {}, m_server->clientSecret().toUtf8() + '\n');
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(keychainRead(secretKey).value(), m_server->clientSecret());
    QCOMPARE(filesContaining(m_dataDir->path(), m_server->clientSecret().toUtf8()), QStringList());

    const QJsonObject connected = status();
    QCOMPARE(connected.value(QLatin1String("authMode")).toString(), QStringLiteral("clientSecret"));
    QVERIFY(connected.value(QLatin1String("identity")).isNull());

    run = vigilctl({QStringLiteral("sync"), QStringLiteral("--once")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.contains("Synced"), run.out.constData());

    run = vigilctl({QStringLiteral("disconnect")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(keychainRead(secretKey).error().kind, Error::Kind::NotFound);
}

void TestVigilctlConnect::environmentWinsOverTheSavedProfile()
{
    Run run = vigilctl(QStringList{QStringLiteral("connect"),
                                   QStringLiteral("--client-secret-stdin"),
                                   QStringLiteral("--tenant"), m_server->tenantId(),
                                   QStringLiteral("--client-id"), m_server->clientId()}
                               + endpointFlags(),
                       {}, m_server->clientSecret().toUtf8() + '\n');
    QVERIFY2(run.exitCode == 0, run.err.constData());

    QProcessEnvironment env;
    env.insert(QStringLiteral("AZURE_TENANT_ID"), QStringLiteral("contoso.onmicrosoft.com"));
    env.insert(QStringLiteral("AZURE_CLIENT_ID"), QStringLiteral("headless-app"));
    env.insert(QStringLiteral("AZURE_CLIENT_SECRET"), QStringLiteral("headless-secret"));
    run = vigilctl({QStringLiteral("connector"), QStringLiteral("status"),
                    QStringLiteral("--format"), QStringLiteral("json")},
                   env);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject json = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(json.value(QLatin1String("credentialSource")).toString(),
             QStringLiteral("environment"));
    QCOMPARE(json.value(QLatin1String("tenantId")).toString(),
             QStringLiteral("contoso.onmicrosoft.com"));
    QCOMPARE(json.value(QLatin1String("clientId")).toString(), QStringLiteral("headless-app"));
    // The cloud's own endpoints: the profile's simulator endpoints do not apply.
    QCOMPARE(json.value(QLatin1String("authorityHost")).toString(),
             QStringLiteral("https://login.microsoftonline.com"));
    QVERIFY(vigilctl({QStringLiteral("disconnect")}).exitCode == 0);
}

void TestVigilctlConnect::withoutKeychainNothingIsSaved()
{
    const QByteArray secret = m_server->clientSecret().toUtf8();
    const Run run = vigilctl(
            QStringList{QStringLiteral("connect"), QStringLiteral("--client-secret-stdin"),
                        QStringLiteral("--tenant"), m_server->tenantId(),
                        QStringLiteral("--client-id"), m_server->clientId()}
                    + endpointFlags(),
            {}, secret + '\n', {},
            {QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("DISPLAY"),
             QStringLiteral("WAYLAND_DISPLAY"), QStringLiteral("XDG_RUNTIME_DIR")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("keychain"), run.err.constData());
    QVERIFY2(run.err.contains("gnome-keyring"), run.err.constData());
    QVERIFY2(run.err.contains("AZURE_CLIENT_SECRET"), run.err.constData());
    QVERIFY(!QFile::exists(m_dataDir->filePath(QStringLiteral("connector.ini"))));
    QCOMPARE(filesContaining(m_dataDir->path(), secret), QStringList());
    QCOMPARE(filesContaining(qEnvironmentVariable("VIGIL_KEYRING_HOME"), secret), QStringList());
}

QTEST_GUILESS_MAIN(TestVigilctlConnect)
#include "tst_vigilctlconnect.moc"
