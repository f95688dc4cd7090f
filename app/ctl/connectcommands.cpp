// `connect`, `disconnect` and `connector status`: the saved connection to a tenant, its secret in
// the keychain, and what vigilctl would sync with.
#include "connectioncontroller.h"
#include "connectionsetup.h"
#include "connectorprofile.h"
#include "controllerrun.h"
#include "ctlcommands.h"
#include "ctloutput.h"
#include "devicecodeflow.h"
#include "secretstore.h"
#include "store.h"
#include "synccontroller.h"
#include "tokenprovider.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTimer>

#include <cstdio>
#include <functional>
#include <optional>

namespace Vigil::Ctl {

namespace {

/** Keeps a new connection (see Vigil::saveConnection) and says why not when it fails. */
void keepConnection(SecretStore *store, const QString &dataDir, const ConnectorProfile &profile,
                    const QString &secret, const std::function<void(int)> &finish)
{
    saveConnection(store, dataDir, profile, secret, [finish](const Result<void> &saved) {
        if (saved)
            finish(Ok);
        else if (saved.error().code == QLatin1String("keychain"))
            finish(fail(QStringLiteral("not connected: ") + saved.error().message));
        else
            finish(fail(saved.error().message));
    });
}

int connectTenant(const QCommandLineParser &parser, const AppOptions &options)
{
    const bool deviceCode = parser.isSet(QStringLiteral("device-code"));
    const bool secretFromStdin = parser.isSet(QStringLiteral("client-secret-stdin"));
    if (deviceCode == secretFromStdin)
        return fail(QStringLiteral("connect needs either --device-code or --client-secret-stdin."),
                    Usage);
    if (options.demo())
        return fail(QStringLiteral("connect does not apply to --demo."), Usage);
    const SyncConfig &config = options.syncConfig();
    QString tenant = parser.value(QStringLiteral("tenant"));
    if (tenant.isEmpty())
        tenant = config.tenantId;
    const QString clientId = config.clientId;
    if (clientId.isEmpty())
        return fail(QStringLiteral("connect needs the app registration's client id: "
                                   "--client-id or AZURE_CLIENT_ID."),
                    Usage);
    if (tenant.isEmpty() && secretFromStdin)
        return fail(QStringLiteral("connecting with a client secret needs the tenant id: "
                                   "--tenant or AZURE_TENANT_ID."),
                    Usage);
    if (tenant.isEmpty())
        tenant = QStringLiteral("organizations");

    ConnectorProfile profile
            = ConnectRequest::forConfig(config, tenant, clientId, options.dataDir()).profile;

    QNetworkAccessManager network;
    SecretStore store;
    int exitCode = Ok;
    const std::function<void(int)> finish = [&exitCode](int code) {
        exitCode = code;
        QCoreApplication::exit(code);
    };

    std::unique_ptr<DeviceCodeFlow> flow;
    std::unique_ptr<TokenProvider> tokens;
    if (deviceCode) {
        profile.authMode = ConnectorProfile::AuthMode::DeviceCode;
        flow = std::make_unique<DeviceCodeFlow>(&network, config.authorityHost, tenant, clientId,
                                                ConnectRequest::graphResourceOf(config));
        QObject::connect(flow.get(), &DeviceCodeFlow::codeReceived, &store,
                         [](const DeviceCodePrompt &prompt) {
                             out() << prompt.message << '\n'
                                   << "Code: " << prompt.userCode << '\n'
                                   << "Address: " << prompt.verificationUri.toString() << '\n'
                                   << "Waiting for the sign-in to complete..." << Qt::endl;
                         });
        QObject::connect(flow.get(), &DeviceCodeFlow::failed, &store,
                         [&finish](const Error &error) { finish(fail(error.message)); });
        QObject::connect(
                flow.get(), &DeviceCodeFlow::signedIn, &store,
                [&, profile](const DelegatedSignIn &signIn) {
                    const Result<ConnectorProfile> signedIn = profileAfterSignIn(profile, signIn);
                    if (!signedIn) {
                        finish(fail(signedIn.error().code == QLatin1String("no_tenant")
                                            ? QStringLiteral("the sign-in did not say which "
                                                             "tenant it is for; give it with "
                                                             "--tenant.")
                                            : signedIn.error().message));
                        return;
                    }
                    keepConnection(&store, options.dataDir(), *signedIn, signIn.refreshToken,
                                   [profile = *signedIn, &finish](int code) {
                                       if (code == Ok)
                                           out() << QStringLiteral("Connected to tenant %1 as %2.")
                                                            .arg(profile.tenantId,
                                                                 profile.upn.isEmpty()
                                                                         ? QStringLiteral("?")
                                                                         : profile.upn)
                                                 << Qt::endl;
                                       finish(code);
                                   });
                });
        QTimer::singleShot(0, flow.get(), &DeviceCodeFlow::start);
    } else {
        profile.authMode = ConnectorProfile::AuthMode::ClientSecret;
        const Result<QString> read = readSecretLine();
        if (!read)
            return fail(read.error().message + QLatin1Char('.'), Usage);
        const QString &secret = read.value();
        if (secret.isEmpty())
            return fail(QStringLiteral("no client secret on standard input."), Usage);
        tokens = std::make_unique<TokenProvider>(&network, config.authorityHost, tenant, clientId,
                                                 secret, ConnectRequest::graphResourceOf(config));
        QTimer::singleShot(0, &store, [&, profile, secret] {
            tokens->token(&store, [&, profile, secret](const Result<QString> &token) {
                if (!token) {
                    finish(fail(QStringLiteral("not connected: ") + describe(token.error())));
                    return;
                }
                keepConnection(&store, options.dataDir(), profile, secret,
                               [profile, &finish](int code) {
                                   if (code == Ok)
                                       out() << QStringLiteral("Connected to tenant %1 with the "
                                                               "client secret of app %2.")
                                                        .arg(profile.tenantId, profile.clientId)
                                             << Qt::endl;
                                   finish(code);
                               });
            });
        });
    }
    QCoreApplication::exec();
    return exitCode;
}

QJsonValue timeOrNull(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

/**
 * What the keychain holds for a saved connection: {"secretStored": true}, {"secretStored":
 * false, "advice": ...} when the secret is gone (a reset keyring, another machine), or
 * {"secretStored": null, "error": ...} when the keychain cannot be asked. Null when no saved
 * connection is in use (credentials from the environment, the demo, nothing).
 */
QJsonValue savedSecretState(const AppOptions &options)
{
    if (options.demo() || options.hasCredentials() || !options.usesSavedProfile())
        return QJsonValue();
    SecretStore store;
    QEventLoop loop;
    std::optional<Result<QString>> answer;
    store.read(options.profile().secretKey(), &loop, [&](const Result<QString> &secret) {
        answer = secret;
        loop.quit();
    });
    if (!answer)
        loop.exec();
    if (answer->ok())
        return QJsonObject{{QStringLiteral("secretStored"), true}};
    const Error &error = answer->error();
    if (error.kind == Error::Kind::NotFound)
        return QJsonObject{
                {QStringLiteral("secretStored"), false},
                {QStringLiteral("advice"),
                 QStringLiteral("The keychain no longer holds the secret of this connection: "
                                "connect again ('vigilctl connect' or the connector page).")}};
    return QJsonObject{{QStringLiteral("secretStored"), QJsonValue()},
                       {QStringLiteral("error"), error.message}};
}

QJsonObject connectorStatus(const AppOptions &options, const std::optional<SyncStatus> &status,
                            const QJsonValue &keychain)
{
    const SyncConfig &config = options.syncConfig();
    const bool fromEnvironment = options.hasCredentials();
    const bool connected = fromEnvironment || options.usesSavedProfile() || options.demo();
    QJsonArray portalHosts;
    for (const QString &host : config.cloud.portalHosts)
        portalHosts.append(host);
    QJsonObject health;
    health.insert(QStringLiteral("lastSync"),
                  timeOrNull(status ? status->lastSuccess : QDateTime()));
    health.insert(QStringLiteral("cursor"), timeOrNull(status ? status->cursor : QDateTime()));
    health.insert(QStringLiteral("incidents"), status ? status->incidentsInStore : 0);
    health.insert(QStringLiteral("pendingEdits"), status ? status->pendingEdits : 0);
    health.insert(QStringLiteral("callBudgetPerMinute"), config.callsPerMinute);
    QString authMode;
    if (fromEnvironment)
        authMode = QStringLiteral("clientSecret");
    else if (options.usesSavedProfile())
        authMode = ConnectorProfile::authModeName(options.profile().authMode);
    return QJsonObject{
            {QStringLiteral("connected"), connected},
            {QStringLiteral("credentialSource"),
             fromEnvironment              ? QJsonValue(QStringLiteral("environment"))
             : options.usesSavedProfile() ? QJsonValue(QStringLiteral("keychain"))
                                          : QJsonValue()},
            {QStringLiteral("tenantId"), textOrNull(config.tenantId)},
            {QStringLiteral("clientId"), textOrNull(config.clientId)},
            {QStringLiteral("cloud"), config.cloud.name},
            {QStringLiteral("authMode"), textOrNull(authMode)},
            {QStringLiteral("identity"),
             textOrNull(options.usesSavedProfile() && !fromEnvironment ? options.profile().upn
                                                                       : QString())},
            {QStringLiteral("authorityHost"), config.authorityHost.toString()},
            {QStringLiteral("graphEndpoint"), config.graphEndpoint.toString()},
            {QStringLiteral("portalHosts"), portalHosts},
            {QStringLiteral("keychain"), keychain},
            {QStringLiteral("health"), health},
    };
}

} // namespace

void addConnectOptions(QCommandLineParser &parser)
{
    parser.addOptions({
            {QStringLiteral("device-code"),
             QStringLiteral("connect: sign in as an analyst with a code entered in a browser.")},
            {QStringLiteral("client-secret-stdin"),
             QStringLiteral("connect: read the app's client secret from one line of standard "
                            "input.")},
            {QStringLiteral("tenant"),
             QStringLiteral("connect: the tenant id or domain (default: --tenant-id, "
                            "$AZURE_TENANT_ID, or for --device-code the signed-in user's)."),
             QStringLiteral("tenant")},
    });
}

int runConnect(const QCommandLineParser &parser, const QStringList &)
{
    Result<AppOptions> options = AppOptions::fromParser(parser);
    if (!options)
        return fail(options.error().message, Usage);
    return connectTenant(parser, options.value());
}

int runDisconnect(const QCommandLineParser &parser, const QStringList &)
{
    Result<AppOptions> options = AppOptions::fromParser(parser);
    if (!options)
        return fail(options.error().message, Usage);
    if (!ConnectorProfile::load(options->dataDir()).isValid()) {
        out() << "Not connected." << Qt::endl;
        return Ok;
    }
    SecretStore store;
    int exitCode = Ok;
    removeConnection(&store, options->dataDir(),
                     [&exitCode](const Result<ConnectorProfile> &removed) {
                         if (!removed)
                             exitCode = fail(removed.error().message);
                         else
                             out() << QStringLiteral("Disconnected from tenant %1; its secrets "
                                                     "were removed from the keychain.")
                                              .arg(removed->tenantId)
                                   << Qt::endl;
                         QCoreApplication::exit(exitCode);
                     });
    QCoreApplication::exec();
    return exitCode;
}

int runConnectorStatus(const QCommandLineParser &parser, const QStringList &)
{
    const QString format = parser.value(QStringLiteral("format")).toLower();
    if (!format.isEmpty() && format != QLatin1String("json"))
        return fail(QStringLiteral("connector status supports --format json only."), Usage);
    Result<AppOptions> options = AppOptions::fromParser(parser);
    if (!options)
        return fail(options.error().message, Usage);

    const QJsonValue keychain = savedSecretState(options.value());
    if (!options->demo() && !storeExists(options->syncConfig().store)) {
        // Nothing synced yet: report the connection without creating a database.
        out() << QJsonDocument(connectorStatus(options.value(), std::nullopt, keychain))
                         .toJson(QJsonDocument::Indented);
        out().flush();
        return Ok;
    }

    ControllerRun run(options.value(), ControllerRun::Reach::Store);
    if (const int opened = run.open(); opened != Ok)
        return opened;
    SyncController &controller = run.controller();
    QCoreApplication *app = QCoreApplication::instance();
    SyncStatus lastStatus;
    QObject::connect(&controller, &SyncController::statusChanged, app,
                     [&lastStatus](const SyncStatus &status) { lastStatus = status; });
    // The store reports its status, then its pending count, right after the queue.
    QObject::connect(&controller, &SyncController::pendingCountChanged, app, [&](int) {
        if (!run.loaded())
            return;
        out() << QJsonDocument(connectorStatus(options.value(), lastStatus, keychain))
                         .toJson(QJsonDocument::Indented);
        out().flush();
        run.finish(Ok);
    });
    return run.exec([](const QList<Incident> &) {});
}

} // namespace Vigil::Ctl
