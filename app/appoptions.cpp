#include "appoptions.h"

#include "postgres/pglocation.h"
#include "secretstore.h"
#include "simserver.h"

#include <QDir>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QTimeZone>

namespace Vigil {

namespace {

QString option(const QCommandLineParser &parser, const QString &name, const char *environment)
{
    if (parser.isSet(name))
        return parser.value(name);
    return qEnvironmentVariable(environment);
}

Error configError(const QString &message)
{
    return Error{Error::Kind::Config, 0, {}, message, {}};
}

} // namespace

void AppOptions::addTo(QCommandLineParser &parser)
{
    parser.addOptions({
            {QStringLiteral("demo"),
             QStringLiteral("Use the embedded demo tenant (a simulated Microsoft 365 Defender "
                            "tenant on a loopback port) and a throwaway data directory unless "
                            "--data-dir is given.")},
            {QStringLiteral("data-dir"),
             QStringLiteral("Where Vigil keeps its database (default: $VIGIL_DATA_DIR or the "
                            "platform data directory)."),
             QStringLiteral("dir")},
            {QStringLiteral("tenant-id"),
             QStringLiteral("Entra tenant id (default: $AZURE_TENANT_ID)."), QStringLiteral("id")},
            {QStringLiteral("client-id"),
             QStringLiteral("App registration client id (default: $AZURE_CLIENT_ID). The secret "
                            "is read from $AZURE_CLIENT_SECRET."),
             QStringLiteral("id")},
            {QStringLiteral("authority-host"),
             QStringLiteral("Sign-in authority (default: $AZURE_AUTHORITY_HOST or the cloud's)."),
             QStringLiteral("url")},
            {QStringLiteral("graph-endpoint"),
             QStringLiteral("Microsoft Graph endpoint (default: $VIGIL_GRAPH_ENDPOINT or the "
                            "cloud's)."),
             QStringLiteral("url")},
            {QStringLiteral("cloud"),
             QStringLiteral("Microsoft cloud: global, usgov (GCC High) or dod (default: global)."),
             QStringLiteral("name")},
            {QStringLiteral("analyst"),
             QStringLiteral("The analyst's UPN, for \"assign to me\" (default: "
                            "$VIGIL_ANALYST_UPN)."),
             QStringLiteral("upn")},
            {QStringLiteral("poll-interval"),
             QStringLiteral("Seconds between pulls, 5 to 300 (default: 10)."),
             QStringLiteral("seconds")},
            {QStringLiteral("db"),
             QStringLiteral("A team database instead of the local one: "
                            "postgresql://user@host:port/dbname?sslmode=verify-full (default: "
                            "$VIGIL_DB). TLS is verified unless the URL says otherwise; the "
                            "password comes from libpq (PGPASSWORD, ~/.pgpass) or the URL, and "
                            "is never saved with the settings."),
             QStringLiteral("url")},
    });
}

Result<AppOptions> AppOptions::fromParser(const QCommandLineParser &parser)
{
    AppOptions options;
    options.m_demo = parser.isSet(QStringLiteral("demo"));
    options.m_analystUpn = option(parser, QStringLiteral("analyst"), "VIGIL_ANALYST_UPN");

    SyncConfig &config = options.m_config;
    options.m_dataDir = option(parser, QStringLiteral("data-dir"), "VIGIL_DATA_DIR");
    if (options.m_dataDir.isEmpty() && !options.m_demo)
        options.m_dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (!options.m_dataDir.isEmpty())
        config.store = StoreConfig::sqlite(
                QDir(options.m_dataDir).filePath(QStringLiteral("vigil.sqlite")));
    // With a team database no local incident store is opened at all.
    if (const QString db = option(parser, QStringLiteral("db"), "VIGIL_DB"); !db.isEmpty()) {
        QString password;
        const Result<PgLocation> where = PgLocation::parse(db, &password);
        if (!where)
            return configError(QStringLiteral("--db: %1").arg(where.error().message));
        config.store = StoreConfig::postgres(where.value().toUrl(), password);
    }
    config.store.analyst = options.m_analystUpn;

    config.tenantId = option(parser, QStringLiteral("tenant-id"), "AZURE_TENANT_ID");
    config.clientId = option(parser, QStringLiteral("client-id"), "AZURE_CLIENT_ID");
    config.clientSecret = qEnvironmentVariable("AZURE_CLIENT_SECRET");

    // The saved profile applies unless the environment carries a secret (headless use) or the
    // flags name another tenant or app.
    if (!options.m_demo && config.clientSecret.isEmpty()) {
        ConnectorProfile profile = ConnectorProfile::load(options.m_dataDir);
        const auto matches = [](const QString &given, const QString &saved) {
            return given.isEmpty() || given.compare(saved, Qt::CaseInsensitive) == 0;
        };
        if (profile.isValid() && matches(config.tenantId, profile.tenantId)
            && matches(config.clientId, profile.clientId)) {
            config.tenantId = profile.tenantId;
            config.clientId = profile.clientId;
            options.m_profile = profile;
            options.m_usesProfile = true;
        }
    }
    const ConnectorProfile &saved = options.m_profile;
    // Without --analyst the signed-in user is who edits and whose seen times the store keeps.
    if (config.store.analyst.isEmpty())
        config.store.analyst = saved.upn;

    QString cloudName = option(parser, QStringLiteral("cloud"), "VIGIL_CLOUD");
    if (cloudName.isEmpty())
        cloudName = saved.cloud;
    if (!cloudName.isEmpty() && Cloud::byName(cloudName).name != cloudName.toLower()
        && cloudName.toLower() != QLatin1String("gcchigh")) {
        return configError(
                QStringLiteral("Unknown cloud '%1': use global, usgov or dod.").arg(cloudName));
    }
    config.cloud = Cloud::byName(cloudName);

    QString authority = option(parser, QStringLiteral("authority-host"), "AZURE_AUTHORITY_HOST");
    if (authority.isEmpty())
        authority = saved.authorityHost.toString();
    if (authority.isEmpty())
        authority = config.cloud.authorityHost;
    const Result<QUrl> authorityUrl = validateEndpoint(authority, QStringLiteral("Authority host"));
    if (!authorityUrl)
        return authorityUrl.error();
    config.authorityHost = authorityUrl.value();

    QString graph = option(parser, QStringLiteral("graph-endpoint"), "VIGIL_GRAPH_ENDPOINT");
    if (graph.isEmpty())
        graph = saved.graphEndpoint.toString();
    if (graph.isEmpty())
        graph = config.cloud.graphEndpoint;
    const Result<QUrl> graphUrl = validateEndpoint(graph, QStringLiteral("Graph endpoint"));
    if (!graphUrl)
        return graphUrl.error();
    config.graphEndpoint = graphUrl.value();

    if (parser.isSet(QStringLiteral("poll-interval"))) {
        bool ok = false;
        const int seconds = parser.value(QStringLiteral("poll-interval")).toInt(&ok);
        if (!ok || seconds < 5 || seconds > 300) {
            return configError(QStringLiteral("--poll-interval must be a number of seconds "
                                              "from 5 to 300."));
        }
        config.pollIntervalSeconds = seconds;
    }
    return options;
}

bool AppOptions::hasCredentials() const
{
    return !m_config.tenantId.isEmpty() && !m_config.clientId.isEmpty()
           && !m_config.clientSecret.isEmpty();
}

void AppOptions::readSavedSecret(const ConnectorProfile &profile, SecretStore *store,
                                 QObject *context,
                                 std::function<void(const Result<SyncConfig> &)> done,
                                 SyncConfig config)
{
    store->read(
            profile.secretKey(), context,
            [profile, done = std::move(done), config](const Result<QString> &secret) mutable {
                if (!secret) {
                    Error error = secret.error();
                    if (error.kind == Error::Kind::NotFound) {
                        error.kind = Error::Kind::Auth;
                        error.message
                                = QStringLiteral(
                                          "The keychain holds no secret for the saved connection "
                                          "(tenant %1). Connect again: 'vigilctl connect' or the "
                                          "connector page.")
                                          .arg(profile.tenantId);
                    }
                    done(error);
                    return;
                }
                if (profile.authMode == ConnectorProfile::AuthMode::ClientSecret)
                    config.clientSecret = secret.value();
                else
                    config.refreshToken = secret.value();
                done(config);
            });
}

DemoTenant::DemoTenant() = default;

DemoTenant::~DemoTenant()
{
    if (m_thread) {
        // Deferred deletes still pending when the thread finishes are run by QThread itself.
        m_server->deleteLater();
        m_thread->quit();
        m_thread->wait();
    }
}

Result<void> DemoTenant::start(bool live)
{
    Sim::SimOptions options;
    options.live = live;
    // The tenant is generated for the top of the current hour, so that every run within the hour
    // sees the same tenant: the same incidents and the same hunting blobs, which a data
    // directory kept between runs (vigilctl --demo --data-dir) reads on from where it stopped.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    options.now = QDateTime(now.date(), QTime(now.time().hour(), 0), QTimeZone::utc());
    auto server = std::make_unique<Sim::SimServer>(options);
    if (!server->listen(0)) {
        return Error{Error::Kind::Config,
                     0,
                     {},
                     QStringLiteral("The demo tenant could not listen on a loopback port."),
                     {}};
    }
    m_baseUrl = server->baseUrl();
    m_tenantId = server->tenantId();
    m_clientId = server->clientId();
    m_clientSecret = server->clientSecret();
    m_storageUrl = server->blobEndpoint();
    m_storageSas = server->blobSas();
    // The simulator answers on its own thread so that a busy GUI never stalls the sync.
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("vigil-demo-tenant"));
    m_server = server.release();
    m_server->moveToThread(m_thread.get());
    m_thread->start();
    return {};
}

void DemoTenant::configure(SyncConfig &config)
{
    config.authorityHost = m_baseUrl;
    config.graphEndpoint = m_baseUrl;
    config.tenantId = m_tenantId;
    config.clientId = m_clientId;
    config.clientSecret = m_clientSecret;
    if (config.store.isEmpty()) {
        m_dataDir = std::make_unique<QTemporaryDir>();
        const QString analyst = config.store.analyst;
        config.store = StoreConfig::sqlite(m_dataDir->filePath(QStringLiteral("vigil.sqlite")));
        config.store.analyst = analyst;
    }
}

QProcessEnvironment DemoTenant::storageEnvironment(QProcessEnvironment environment) const
{
    // An account the environment names wins, as it does over a saved connection.
    if (!m_storageUrl.isEmpty()
        && environment.value(QStringLiteral("VIGIL_STORAGE_URL")).isEmpty()) {
        environment.insert(QStringLiteral("VIGIL_STORAGE_URL"), m_storageUrl.toString());
        environment.insert(QStringLiteral("VIGIL_STORAGE_SAS"), m_storageSas);
    }
    return environment;
}

QString DemoTenant::dataDir() const
{
    return m_dataDir ? m_dataDir->path() : QString();
}

} // namespace Vigil
