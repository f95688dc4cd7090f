// The saved connection (connector.ini) and how it combines with flags and AZURE_* variables.

#include "appoptions.h"
#include "connectorprofile.h"
#include "secretstore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Vigil;

namespace {

const QStringList AzureVariables
        = {QStringLiteral("AZURE_TENANT_ID"),      QStringLiteral("AZURE_CLIENT_ID"),
           QStringLiteral("AZURE_CLIENT_SECRET"),  QStringLiteral("AZURE_AUTHORITY_HOST"),
           QStringLiteral("VIGIL_GRAPH_ENDPOINT"), QStringLiteral("VIGIL_CLOUD"),
           QStringLiteral("VIGIL_DATA_DIR")};

ConnectorProfile gccHighProfile()
{
    ConnectorProfile profile;
    profile.tenantId = QStringLiteral("11111111-2222-3333-4444-555555555555");
    profile.clientId = QStringLiteral("app-1");
    profile.cloud = QStringLiteral("usgov");
    profile.authMode = ConnectorProfile::AuthMode::DeviceCode;
    profile.upn = QStringLiteral("kai@contoso.us");
    profile.authorityHost = QUrl(QStringLiteral("http://127.0.0.1:8080"));
    profile.graphEndpoint = QUrl(QStringLiteral("http://127.0.0.1:8080"));
    return profile;
}

} // namespace

class TestConnectorProfile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void saveLoadRemove();
    void secretKeyFollowsTheMode();
    void savedProfileFillsTheOptions();
    void flagsOverrideTheProfilesEndpoints();
    void environmentSecretWinsOverTheProfile();
    void anotherTenantOrAppIgnoresTheProfile();

private:
    Result<AppOptions> parse(const QStringList &arguments);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestConnectorProfile::init()
{
    for (const QString &name : AzureVariables)
        qunsetenv(name.toLatin1().constData());
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

Result<AppOptions> TestConnectorProfile::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    AppOptions::addTo(parser);
    parser.parse(
            QStringList{QStringLiteral("vigilctl"), QStringLiteral("--data-dir"), m_dir->path()}
            + arguments);
    return AppOptions::fromParser(parser);
}

void TestConnectorProfile::saveLoadRemove()
{
    QVERIFY(!ConnectorProfile::load(m_dir->path()).isValid());
    const ConnectorProfile saved = gccHighProfile();
    QVERIFY(saved.save(m_dir->path()).ok());
    QVERIFY(QFile::exists(ConnectorProfile::filePath(m_dir->path())));

    const ConnectorProfile loaded = ConnectorProfile::load(m_dir->path());
    QVERIFY(loaded.isValid());
    QCOMPARE(loaded.tenantId, saved.tenantId);
    QCOMPARE(loaded.clientId, saved.clientId);
    QCOMPARE(loaded.cloud, QStringLiteral("usgov"));
    QCOMPARE(loaded.authMode, ConnectorProfile::AuthMode::DeviceCode);
    QCOMPARE(loaded.upn, saved.upn);
    QCOMPARE(loaded.authorityHost, saved.authorityHost);
    QCOMPARE(loaded.graphEndpoint, saved.graphEndpoint);

    // Saving again replaces everything, leaving nothing of the old connection behind.
    ConnectorProfile app;
    app.tenantId = QStringLiteral("contoso.onmicrosoft.com");
    app.clientId = QStringLiteral("app-2");
    app.authMode = ConnectorProfile::AuthMode::ClientSecret;
    QVERIFY(app.save(m_dir->path()).ok());
    const ConnectorProfile replaced = ConnectorProfile::load(m_dir->path());
    QCOMPARE(replaced.authMode, ConnectorProfile::AuthMode::ClientSecret);
    QCOMPARE(replaced.cloud, QStringLiteral("global"));
    QVERIFY(replaced.upn.isEmpty());
    QVERIFY(replaced.authorityHost.isEmpty());

    QVERIFY(ConnectorProfile::remove(m_dir->path()).ok());
    QVERIFY(!ConnectorProfile::load(m_dir->path()).isValid());
    QVERIFY(ConnectorProfile::remove(m_dir->path()).ok());
}

void TestConnectorProfile::secretKeyFollowsTheMode()
{
    ConnectorProfile profile = gccHighProfile();
    QCOMPARE(profile.secretKey(), SecretStore::refreshTokenKey(profile.tenantId, profile.clientId));
    profile.authMode = ConnectorProfile::AuthMode::ClientSecret;
    QCOMPARE(profile.secretKey(), SecretStore::clientSecretKey(profile.tenantId, profile.clientId));
    QCOMPARE(ConnectorProfile::authModeName(ConnectorProfile::AuthMode::DeviceCode),
             QStringLiteral("deviceCode"));
    QCOMPARE(ConnectorProfile::authModeName(ConnectorProfile::AuthMode::ClientSecret),
             QStringLiteral("clientSecret"));
}

void TestConnectorProfile::savedProfileFillsTheOptions()
{
    QVERIFY(gccHighProfile().save(m_dir->path()).ok());
    const Result<AppOptions> options = parse({});
    QVERIFY(options.ok());
    QVERIFY(options->usesSavedProfile());
    QVERIFY(!options->hasCredentials());
    const SyncConfig &config = options->syncConfig();
    QCOMPARE(config.tenantId, gccHighProfile().tenantId);
    QCOMPARE(config.clientId, QStringLiteral("app-1"));
    QCOMPARE(config.cloud.name, QStringLiteral("usgov"));
    QCOMPARE(config.cloud.portalHosts, QStringList{QStringLiteral("security.microsoft.us")});
    QCOMPARE(config.authorityHost, QUrl(QStringLiteral("http://127.0.0.1:8080")));
    QCOMPARE(config.graphEndpoint, QUrl(QStringLiteral("http://127.0.0.1:8080")));
    QVERIFY(config.clientSecret.isEmpty());
    QVERIFY(config.refreshToken.isEmpty()); // read from the keychain later, never from a file
}

void TestConnectorProfile::flagsOverrideTheProfilesEndpoints()
{
    ConnectorProfile profile = gccHighProfile();
    profile.authorityHost.clear();
    profile.graphEndpoint.clear();
    QVERIFY(profile.save(m_dir->path()).ok());
    Result<AppOptions> options = parse({});
    QVERIFY(options.ok());
    // Without overrides the cloud's own hosts apply.
    QCOMPARE(options->syncConfig().authorityHost,
             QUrl(QStringLiteral("https://login.microsoftonline.us")));
    QCOMPARE(options->syncConfig().graphEndpoint,
             QUrl(QStringLiteral("https://graph.microsoft.us")));

    options = parse({QStringLiteral("--cloud"), QStringLiteral("dod"),
                     QStringLiteral("--graph-endpoint"), QStringLiteral("http://127.0.0.1:9")});
    QVERIFY(options.ok());
    QVERIFY(options->usesSavedProfile());
    QCOMPARE(options->syncConfig().cloud.name, QStringLiteral("dod"));
    QCOMPARE(options->syncConfig().graphEndpoint, QUrl(QStringLiteral("http://127.0.0.1:9")));
}

void TestConnectorProfile::environmentSecretWinsOverTheProfile()
{
    QVERIFY(gccHighProfile().save(m_dir->path()).ok());
    qputenv("AZURE_TENANT_ID", "contoso.onmicrosoft.com");
    qputenv("AZURE_CLIENT_ID", "headless-app");
    qputenv("AZURE_CLIENT_SECRET", "headless-secret");
    const Result<AppOptions> options = parse({});
    QVERIFY(options.ok());
    QVERIFY(!options->usesSavedProfile());
    QVERIFY(options->hasCredentials());
    QCOMPARE(options->syncConfig().tenantId, QStringLiteral("contoso.onmicrosoft.com"));
    QCOMPARE(options->syncConfig().clientSecret, QStringLiteral("headless-secret"));
    QCOMPARE(options->syncConfig().cloud.name, QStringLiteral("global"));
    QCOMPARE(options->syncConfig().graphEndpoint,
             QUrl(QStringLiteral("https://graph.microsoft.com")));
}

void TestConnectorProfile::anotherTenantOrAppIgnoresTheProfile()
{
    QVERIFY(gccHighProfile().save(m_dir->path()).ok());
    Result<AppOptions> options = parse({QStringLiteral("--client-id"), QStringLiteral("app-9")});
    QVERIFY(options.ok());
    QVERIFY(!options->usesSavedProfile());
    QVERIFY(options->syncConfig().tenantId.isEmpty());
    QCOMPARE(options->syncConfig().cloud.name, QStringLiteral("global"));

    // The same tenant, spelled in another case, is the same connection.
    options = parse({QStringLiteral("--tenant-id"), gccHighProfile().tenantId.toUpper()});
    QVERIFY(options.ok());
    QVERIFY(options->usesSavedProfile());
    QCOMPARE(options->syncConfig().clientId, QStringLiteral("app-1"));
}

QTEST_GUILESS_MAIN(TestConnectorProfile)
#include "tst_connectorprofile.moc"
