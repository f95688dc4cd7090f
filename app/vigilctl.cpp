// vigilctl: Vigil's command line. Same engine as the GUI (SyncController), no Widgets.
#include "appoptions.h"
#include "connectioncontroller.h"
#include "connectionsetup.h"
#include "connectorprofile.h"
#include "devicecodeflow.h"
#include "incidentexport.h"
#include "incidentrules.h"
#include "secretstore.h"
#include "store.h"
#include "synccontroller.h"
#include "tokenprovider.h"
#include "triage.h"
#include "vocabulary.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <functional>
#include <optional>

using namespace Vigil;

namespace {

enum ExitCode { Ok = 0, Failed = 1, Usage = 2 };

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int fail(const QString &message, int code = Failed)
{
    err() << "vigilctl: " << message << Qt::endl;
    return code;
}

QString describe(const Error &error)
{
    switch (error.kind) {
    case Error::Kind::Auth:
        // A saved sign-in that is no longer accepted: the message says what to do.
        if (error.code == QLatin1String("invalid_grant"))
            return QStringLiteral("sign-in failed: %1").arg(error.message);
        return QStringLiteral("sign-in failed: %1. Check AZURE_TENANT_ID, AZURE_CLIENT_ID and "
                              "AZURE_CLIENT_SECRET.")
                .arg(error.message);
    case Error::Kind::Forbidden:
        return QStringLiteral("access denied: %1. The app registration needs the "
                              "SecurityIncident.Read.All and SecurityAlert.Read.All (or "
                              "ReadWrite.All) application permissions with admin consent.")
                .arg(error.message);
    case Error::Kind::Network:
    case Error::Kind::Timeout:
        return QStringLiteral("cannot reach the service: %1. Check the network and the endpoints.")
                .arg(error.message);
    case Error::Kind::Throttled:
        return QStringLiteral("Microsoft Graph is throttling requests: %1. Try again later.")
                .arg(error.message);
    case Error::Kind::Storage:
        return QStringLiteral("the local database failed: %1. Check --data-dir.")
                .arg(error.message);
    default:
        return error.toString();
    }
}

void printTable(const QList<Incident> &incidents, const Cloud &cloud)
{
    Q_UNUSED(cloud)
    const QStringList headers
            = {QStringLiteral("#"),      QStringLiteral("Severity"), QStringLiteral("Status"),
               QStringLiteral("Alerts"), QStringLiteral("Owner"),    QStringLiteral("Title")};
    QList<QStringList> rows;
    for (const Incident &i : incidents) {
        QString title = i.title;
        if (i.redirectedToNumber > 0)
            title += QStringLiteral(" (merged into #%1)").arg(i.redirectedToNumber);
        if (i.duplicateOf > 0)
            title += QStringLiteral(" (duplicate of #%1)").arg(i.duplicateOf);
        rows.append({QString::number(i.number), severityLabel(i.severity), statusLabel(i.status),
                     alertCountLabel(i.alertCount), i.assignedTo, title});
    }
    QList<int> widths;
    for (int c = 0; c < headers.size(); ++c) {
        int width = int(headers.at(c).size());
        if (c + 1 < headers.size()) {
            for (const QStringList &row : rows)
                width = std::max(width, int(row.at(c).size()));
        }
        widths.append(width);
    }
    const auto line = [&widths](const QStringList &cells) {
        QString text;
        for (int c = 0; c < cells.size(); ++c) {
            text += c + 1 < cells.size() ? cells.at(c).leftJustified(widths.at(c) + 2)
                                         : cells.at(c);
        }
        out() << text << '\n';
    };
    line(headers);
    for (const QStringList &row : rows)
        line(row);
    out().flush();
}

QUrl linkOf(const Incident &i, const Cloud &cloud)
{
    if (i.isRuleIncident())
        return portalAlertUrl(i.webUrl, cloud);
    return portalIncidentUrl(i.webUrl, i.providerIncidentId, i.tenantId, cloud);
}

Result<TriageEdit> editFromOptions(const QCommandLineParser &parser, const QString &analyst)
{
    const auto usage = [](const QString &message) {
        return Result<TriageEdit>(Error{Error::Kind::Config, 0, {}, message, {}});
    };
    TriageEdit edit;
    edit.analyst = analyst;
    edit.editTime = QDateTime::currentDateTimeUtc();
    if (parser.isSet(QStringLiteral("status"))) {
        const QString status = parser.value(QStringLiteral("status")).toLower();
        if (status == QLatin1String("new"))
            edit.status = VigilStatus::New;
        else if (status == QLatin1String("active"))
            edit.status = VigilStatus::Active;
        else if (status == QLatin1String("closed"))
            edit.status = VigilStatus::Closed;
        else
            return usage(QStringLiteral("--status must be New, Active or Closed."));
    }
    if (parser.isSet(QStringLiteral("owner")) && parser.isSet(QStringLiteral("assign-to-me")))
        return usage(QStringLiteral("use --owner or --assign-to-me, not both."));
    if (parser.isSet(QStringLiteral("owner")))
        edit.owner = parser.value(QStringLiteral("owner"));
    if (parser.isSet(QStringLiteral("assign-to-me"))) {
        if (analyst.isEmpty())
            return usage(QStringLiteral("--assign-to-me needs --analyst UPN or "
                                        "VIGIL_ANALYST_UPN."));
        edit.owner = analyst;
    }
    const bool classified = parser.isSet(QStringLiteral("classification"));
    if (!classified
        && (parser.isSet(QStringLiteral("reason"))
            || parser.isSet(QStringLiteral("determination"))))
        return usage(QStringLiteral("--reason and --determination need --classification."));
    if (classified) {
        static const QHash<QString, VigilClassification> classifications
                = {{QStringLiteral("truepositive"), VigilClassification::TruePositive},
                   {QStringLiteral("benignpositive"), VigilClassification::BenignPositive},
                   {QStringLiteral("falsepositive"), VigilClassification::FalsePositive},
                   {QStringLiteral("undetermined"), VigilClassification::Undetermined}};
        static const QHash<QString, ClosingReason> reasons
                = {{QStringLiteral("suspiciousactivity"), ClosingReason::SuspiciousActivity},
                   {QStringLiteral("suspiciousbutexpected"), ClosingReason::SuspiciousButExpected},
                   {QStringLiteral("incorrectalertlogic"), ClosingReason::IncorrectAlertLogic},
                   {QStringLiteral("inaccuratedata"), ClosingReason::InaccurateData}};
        const QString name = parser.value(QStringLiteral("classification")).toLower();
        if (!classifications.contains(name))
            return usage(QStringLiteral("--classification must be TruePositive, BenignPositive, "
                                        "FalsePositive or Undetermined."));
        ClassificationChoice choice;
        choice.classification = classifications.value(name);
        if (parser.isSet(QStringLiteral("reason"))) {
            const QString reason = parser.value(QStringLiteral("reason")).toLower();
            if (!reasons.contains(reason))
                return usage(QStringLiteral("--reason must be SuspiciousActivity, "
                                            "SuspiciousButExpected, IncorrectAlertLogic or "
                                            "InaccurateData."));
            choice.reason = reasons.value(reason);
        }
        choice.determination = parser.value(QStringLiteral("determination"));
        edit.classification = choice;
    }
    edit.tagsToAdd = parser.values(QStringLiteral("add-tag"));
    edit.tagsToRemove = parser.values(QStringLiteral("remove-tag"));
    if (parser.isSet(QStringLiteral("comment")))
        edit.comment = parser.value(QStringLiteral("comment"));
    return edit;
}

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

int runConnect(const QCommandLineParser &parser, const AppOptions &options)
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
        QTextStream input(stdin);
        const QString secret = input.readLine().trimmed();
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

int runDisconnect(const AppOptions &options)
{
    if (!ConnectorProfile::load(options.dataDir()).isValid()) {
        out() << "Not connected." << Qt::endl;
        return Ok;
    }
    SecretStore store;
    int exitCode = Ok;
    removeConnection(&store, options.dataDir(),
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

// ---- Incident-creation rules: `rules list`, `rules set`, `connector set` ----

void addRuleOptions(QCommandLineParser &parser)
{
    parser.addOptions({
            {QStringLiteral("enabled"), QStringLiteral("rules set: true or false."),
             QStringLiteral("bool")},
            {QStringLiteral("severities"),
             QStringLiteral("rules set: comma-separated High, Medium, Low, Informational "
                            "(\"\" = every severity)."),
             QStringLiteral("list")},
            {QStringLiteral("include"),
             QStringLiteral("rules set: comma-separated title parts an alert must contain one "
                            "of (\"\" = any title)."),
             QStringLiteral("list")},
            {QStringLiteral("exclude"),
             QStringLiteral("rules set: comma-separated title parts that exclude an alert."),
             QStringLiteral("list")},
            {QStringLiteral("skip-m365d"),
             QStringLiteral("rules set: skip alerts an M365D incident holds (true or false)."),
             QStringLiteral("bool")},
            {QStringLiteral("turn-off-microsoft-rules"),
             QStringLiteral("connector set: turn off the MDE, MDI and MDO incident creation rules "
                            "(true or false)."),
             QStringLiteral("bool")},
    });
}

bool isRulesCommand(const QStringList &args)
{
    return args.value(0) == QLatin1String("rules")
           || (args.value(0) == QLatin1String("connector")
               && args.value(1) == QLatin1String("set"));
}

Result<bool> boolOption(const QCommandLineParser &parser, const QString &name)
{
    const QString text = parser.value(name).trimmed().toLower();
    if (text == QLatin1String("true"))
        return true;
    if (text == QLatin1String("false"))
        return false;
    return Error{
            Error::Kind::Config,
            0,
            {},
            QStringLiteral("--%1 must be true or false, not '%2'.").arg(name, parser.value(name)),
            {}};
}

QStringList listOption(const QCommandLineParser &parser, const QString &name)
{
    QStringList items;
    for (const QString &item : parser.value(name).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!item.trimmed().isEmpty())
            items.append(item.trimmed());
    }
    return items;
}

QJsonObject ruleToJson(const IncidentRuleSettings &settings, const IncidentRule &rule)
{
    const bool turnedOff
            = settings.turnOffMicrosoftRules && isCoveredByTurnOffSetting(rule.product);
    return QJsonObject{
            {QStringLiteral("product"), ruleProductName(rule.product)},
            {QStringLiteral("displayName"), ruleDisplayName(rule.product)},
            {QStringLiteral("productFilter"), productFilter(rule.product)},
            {QStringLiteral("enabled"), settings.isActive(rule.product)},
            {QStringLiteral("turnedOffByConnectorSetting"), turnedOff},
            {QStringLiteral("severities"), QJsonArray::fromStringList(rule.severities)},
            {QStringLiteral("titleInclude"), QJsonArray::fromStringList(rule.titleInclude)},
            {QStringLiteral("titleExclude"), QJsonArray::fromStringList(rule.titleExclude)},
            {QStringLiteral("skipAlertsInM365dIncidents"), rule.skipAlertsInM365dIncidents},
            {QStringLiteral("reason"), ruleDefaultReason(rule.product)},
    };
}

void printRulesTable(const IncidentRuleSettings &settings)
{
    out() << QStringLiteral("Turn off all Microsoft incident creation rules for MDE, MDI and MDO "
                            "(recommended): %1")
                     .arg(settings.turnOffMicrosoftRules ? QStringLiteral("on")
                                                         : QStringLiteral("off"))
          << '\n';
    for (const IncidentRule &rule : settings.rules) {
        QStringList filters;
        if (!rule.severities.isEmpty())
            filters.append(QStringLiteral("severities ") + rule.severities.join(QLatin1Char(',')));
        if (!rule.titleInclude.isEmpty())
            filters.append(QStringLiteral("include ") + rule.titleInclude.join(QLatin1Char(',')));
        if (!rule.titleExclude.isEmpty())
            filters.append(QStringLiteral("exclude ") + rule.titleExclude.join(QLatin1Char(',')));
        if (rule.skipAlertsInM365dIncidents)
            filters.append(QStringLiteral("skips alerts in M365D incidents"));
        out() << ruleProductName(rule.product).leftJustified(19)
              << (settings.isActive(rule.product) ? QStringLiteral("on ") : QStringLiteral("off"))
              << "  " << productFilter(rule.product).leftJustified(46)
              << filters.join(QStringLiteral("; ")) << '\n';
    }
    out().flush();
}

/**
 * The rule settings read and saved through a SyncController, the same calls as the connector
 * page's: the sync thread owns the store, and this waits for its answers. Does not pull (autoPoll
 * off, no syncNow()).
 */
class RuleSettingsCalls
{
public:
    explicit RuleSettingsCalls(SyncConfig config)
        : m_controller(withoutPolling(std::move(config)))
    {
        QObject::connect(&m_controller, &SyncController::ruleSettingsLoaded, &m_loop,
                         [this](const IncidentRuleSettings &settings) { answer(settings); });
        QObject::connect(&m_controller, &SyncController::ruleSettingsFailed, &m_loop,
                         [this](const Error &error) { answer(error); });
        QObject::connect(&m_controller, &SyncController::storeFailed, &m_loop,
                         [this](const Error &error) { answer(error); });
        m_controller.start();
    }

    Result<IncidentRuleSettings> load()
    {
        return wait([this] { m_controller.requestRuleSettings(); });
    }

    /** Stores every rule and the connector setting; answers what the store holds then. */
    Result<IncidentRuleSettings> save(const IncidentRuleSettings &settings)
    {
        return wait([this, &settings] { m_controller.saveRuleSettings(settings); });
    }

private:
    static SyncConfig withoutPolling(SyncConfig config)
    {
        config.autoPoll = false;
        return config;
    }

    void answer(const Result<IncidentRuleSettings> &result)
    {
        if (!m_answer)
            m_answer = result;
        m_loop.quit();
    }

    Result<IncidentRuleSettings> wait(const std::function<void()> &call)
    {
        // A store that could not be opened has answered already, and takes no calls.
        if (!m_failed) {
            m_answer.reset();
            call();
            if (!m_answer)
                m_loop.exec();
        }
        if (!*m_answer)
            m_failed = true;
        return *m_answer;
    }

    SyncController m_controller;
    QEventLoop m_loop;
    std::optional<Result<IncidentRuleSettings>> m_answer;
    bool m_failed = false;
};

/** `rules list`, `rules set PRODUCT ...` and `connector set ...`: read and write the rules
 *  through RuleSettingsCalls; the sync engine reads them at the start of each alerts pull. */
int runRulesCommand(const QCommandLineParser &parser, const QStringList &args)
{
    const QString command = args.mid(0, 2).join(QLatin1Char(' '));
    const bool list = command == QLatin1String("rules list") && args.size() == 2;
    const bool set = command == QLatin1String("rules set") && args.size() == 3;
    const bool connector = command == QLatin1String("connector set") && args.size() == 2;
    if (!list && !set && !connector) {
        return fail(QStringLiteral("unknown command '%1'. Try 'vigilctl --help'.")
                            .arg(args.join(QLatin1Char(' '))),
                    Usage);
    }
    const QString format = parser.value(QStringLiteral("format")).toLower();
    if (list && !format.isEmpty() && format != QLatin1String("json")
        && format != QLatin1String("table"))
        return fail(QStringLiteral("--format must be json or table."), Usage);

    IncidentRule changed;
    std::optional<bool> turnOff;
    if (set) {
        const std::optional<RuleProduct> product = ruleProductFromName(args.at(2));
        if (!product) {
            QStringList names;
            for (RuleProduct p : allRuleProducts())
                names.append(ruleProductName(p));
            return fail(QStringLiteral("unknown product '%1'; use one of %2.")
                                .arg(args.at(2), names.join(QStringLiteral(", "))),
                        Usage);
        }
        changed.product = *product;
        bool any = false;
        for (const char *name : {"enabled", "severities", "include", "exclude", "skip-m365d"})
            any = any || parser.isSet(QLatin1String(name));
        if (!any)
            return fail(QStringLiteral("'rules set' needs at least one of --enabled, --severities, "
                                       "--include, --exclude, --skip-m365d."),
                        Usage);
        for (const char *name : {"enabled", "skip-m365d"}) {
            if (parser.isSet(QLatin1String(name))) {
                if (Result<bool> value = boolOption(parser, QLatin1String(name)); !value)
                    return fail(value.error().message, Usage);
            }
        }
        if (parser.isSet(QStringLiteral("severities"))) {
            for (const QString &severity : listOption(parser, QStringLiteral("severities"))) {
                if (ruleSeverityName(severity).isEmpty())
                    return fail(QStringLiteral("unknown severity '%1'; use High, Medium, Low or "
                                               "Informational.")
                                        .arg(severity),
                                Usage);
            }
        }
    } else if (connector) {
        if (!parser.isSet(QStringLiteral("turn-off-microsoft-rules")))
            return fail(
                    QStringLiteral("'connector set' needs --turn-off-microsoft-rules true|false."),
                    Usage);
        Result<bool> value = boolOption(parser, QStringLiteral("turn-off-microsoft-rules"));
        if (!value)
            return fail(value.error().message, Usage);
        turnOff = value.value();
    }

    Result<AppOptions> options = AppOptions::fromParser(parser);
    if (!options)
        return fail(options.error().message, Usage);
    // The rules need no tenant: the engine's "not connected" warning means nothing here.
    QLoggingCategory::setFilterRules(
            QStringLiteral("vigil.*.debug=false\nvigil.*.info=false\nvigil.sync.warning=false"));
    RuleSettingsCalls calls(options->syncConfig());
    Result<IncidentRuleSettings> loaded = calls.load();
    if (!loaded)
        return fail(describe(loaded.error()));
    IncidentRuleSettings settings = std::move(loaded).value();

    if (connector) {
        settings.turnOffMicrosoftRules = *turnOff;
        if (Result<IncidentRuleSettings> saved = calls.save(settings); !saved)
            return fail(describe(saved.error()));
        out() << (*turnOff ? QStringLiteral("Microsoft incident creation rules for MDE, MDI and "
                                            "MDO are turned off.")
                           : QStringLiteral("Microsoft incident creation rules for MDE, MDI and "
                                            "MDO are on again, with their own filters."))
              << Qt::endl;
        return Ok;
    }
    if (set) {
        IncidentRule rule = settings.rule(changed.product);
        if (parser.isSet(QStringLiteral("enabled")))
            rule.enabled = boolOption(parser, QStringLiteral("enabled")).value();
        if (parser.isSet(QStringLiteral("skip-m365d")))
            rule.skipAlertsInM365dIncidents
                    = boolOption(parser, QStringLiteral("skip-m365d")).value();
        if (parser.isSet(QStringLiteral("severities"))) {
            rule.severities.clear();
            for (const QString &severity : listOption(parser, QStringLiteral("severities"))) {
                const QString name = ruleSeverityName(severity);
                if (!rule.severities.contains(name))
                    rule.severities.append(name);
            }
        }
        if (parser.isSet(QStringLiteral("include")))
            rule.titleInclude = listOption(parser, QStringLiteral("include"));
        if (parser.isSet(QStringLiteral("exclude")))
            rule.titleExclude = listOption(parser, QStringLiteral("exclude"));
        if (rule.enabled && settings.turnOffMicrosoftRules
            && isCoveredByTurnOffSetting(rule.product) && parser.isSet(QStringLiteral("enabled"))) {
            return fail(QStringLiteral("the %1 rule is turned off by the connector setting \"Turn "
                                       "off all Microsoft incident creation rules\"; run "
                                       "'vigilctl connector set --turn-off-microsoft-rules false' "
                                       "first.")
                                .arg(ruleProductName(rule.product)),
                        Usage);
        }
        settings.setRule(rule);
        if (Result<IncidentRuleSettings> saved = calls.save(settings); !saved)
            return fail(describe(saved.error()));
        out() << QStringLiteral("Rule %1 saved; it is %2.")
                         .arg(ruleProductName(rule.product), settings.isActive(rule.product)
                                                                     ? QStringLiteral("on")
                                                                     : QStringLiteral("off"))
              << Qt::endl;
        return Ok;
    }
    if (format == QLatin1String("table")) {
        printRulesTable(settings);
        return Ok;
    }
    QJsonArray array;
    for (const IncidentRule &rule : std::as_const(settings.rules))
        array.append(ruleToJson(settings, rule));
    out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
    out().flush();
    return Ok;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // Progress detail is for QT_LOGGING_RULES="vigil.*.debug=true"; warnings always show.
    QLoggingCategory::setFilterRules(QStringLiteral("vigil.*.debug=false\nvigil.*.info=false"));
    QCoreApplication::setApplicationName(QStringLiteral("Vigil"));
    QCoreApplication::setOrganizationName(QStringLiteral("Vigil"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VIGIL_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
            "Vigil command line.\n\n"
            "Commands:\n"
            "  sync --once                          pull incidents from Microsoft 365 Defender "
            "once\n"
            "  incidents list [--format F]          the incident queue (json, csv or table)\n"
            "  incident show NUMBER [--all-alerts]  one incident with alerts, entities, comments,\n"
            "                                       activity\n"
            "  incident update NUMBER [--status S] [--owner UPN | --assign-to-me]\n"
            "      [--classification C] [--reason R] [--determination D] [--add-tag T]...\n"
            "      [--remove-tag T]... [--comment TEXT] [--wait]\n"
            "                                       change an incident (sent to Graph)\n"
            "  outbox list [--format json]          edits not yet accepted by Graph\n"
            "  connect --device-code | --client-secret-stdin [--tenant T] [--client-id C]\n"
            "      [--cloud NAME]                   sign in (device code: as an analyst; secret:\n"
            "                                       as the app) and keep the connection: settings\n"
            "                                       in the data directory, secret in the keychain\n"
            "  disconnect                           forget the connection and its secrets\n"
            "  connector status [--format json]     tenant, identity, cloud, keychain, health\n"
            "  rules list [--format json|table]     the incident-creation rules\n"
            "  rules set PRODUCT [--enabled B] [--severities L] [--include L] [--exclude L]\n"
            "      [--skip-m365d B]                 change a rule (MDE, MDI, MDO, MCAS,\n"
            "                                       EntraIDProtection, DefenderForCloud)\n"
            "  connector set --turn-off-microsoft-rules B\n"
            "                                       turn the MDE, MDI and MDO rules off or on"));
    parser.addHelpOption();
    parser.addVersionOption();
    AppOptions::addTo(parser);
    parser.addOptions({
            {QStringLiteral("once"), QStringLiteral("sync: pull once and exit.")},
            {QStringLiteral("format"), QStringLiteral("Output format: json, csv or table."),
             QStringLiteral("format")},
            {QStringLiteral("all-alerts"),
             QStringLiteral("incident show: list every alert, not only the first 150.")},
            {QStringLiteral("status"), QStringLiteral("update: New, Active or Closed."),
             QStringLiteral("status")},
            {QStringLiteral("owner"),
             QStringLiteral("update: assign to this UPN (\"\" unassigns)."), QStringLiteral("upn")},
            {QStringLiteral("assign-to-me"),
             QStringLiteral("update: assign to --analyst / $VIGIL_ANALYST_UPN.")},
            {QStringLiteral("classification"),
             QStringLiteral("update: TruePositive, BenignPositive, FalsePositive or Undetermined."),
             QStringLiteral("classification")},
            {QStringLiteral("reason"),
             QStringLiteral("update: SuspiciousActivity, SuspiciousButExpected, "
                            "IncorrectAlertLogic or InaccurateData."),
             QStringLiteral("reason")},
            {QStringLiteral("determination"),
             QStringLiteral("update: a Graph determination value."), QStringLiteral("value")},
            {QStringLiteral("add-tag"), QStringLiteral("update: add a tag (repeatable)."),
             QStringLiteral("tag")},
            {QStringLiteral("remove-tag"), QStringLiteral("update: remove a tag (repeatable)."),
             QStringLiteral("tag")},
            {QStringLiteral("comment"), QStringLiteral("update: add a comment."),
             QStringLiteral("text")},
            {QStringLiteral("wait"),
             QStringLiteral("update: exit only when Graph accepted (or refused) the change.")},
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
    addRuleOptions(parser);
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("See above."));
    parser.process(app);

    const QStringList args = parser.positionalArguments();
    if (isRulesCommand(args))
        return runRulesCommand(parser, args);
    const QString command = args.value(0) + QLatin1Char(' ') + args.value(1);
    enum class Command { Sync, List, Show, Update, Outbox, Connect, Disconnect, Status } what;
    if (args.value(0) == QLatin1String("sync") && args.size() == 1) {
        what = Command::Sync;
        if (!parser.isSet(QStringLiteral("once"))) {
            return fail(QStringLiteral("'sync' needs --once (continuous sync runs in the Vigil "
                                       "window)."),
                        Usage);
        }
    } else if (command == QLatin1String("incidents list") && args.size() == 2) {
        what = Command::List;
    } else if (command == QLatin1String("incident show") && args.size() == 3) {
        what = Command::Show;
    } else if (command == QLatin1String("incident update") && args.size() == 3) {
        what = Command::Update;
    } else if (command == QLatin1String("outbox list") && args.size() == 2) {
        what = Command::Outbox;
    } else if (args.value(0) == QLatin1String("connect") && args.size() == 1) {
        what = Command::Connect;
    } else if (args.value(0) == QLatin1String("disconnect") && args.size() == 1) {
        what = Command::Disconnect;
    } else if (command == QLatin1String("connector status") && args.size() == 2) {
        what = Command::Status;
    } else {
        return fail(QStringLiteral("unknown command '%1'. Try 'vigilctl --help'.")
                            .arg(args.join(QLatin1Char(' '))),
                    Usage);
    }

    const QString format = parser.value(QStringLiteral("format")).toLower();
    if (what == Command::List && !format.isEmpty() && format != QLatin1String("json")
        && format != QLatin1String("csv") && format != QLatin1String("table")) {
        return fail(QStringLiteral("--format must be json, csv or table."), Usage);
    }
    if ((what == Command::Show || what == Command::Outbox || what == Command::Status)
        && !format.isEmpty() && format != QLatin1String("json"))
        return fail(QStringLiteral("%1 supports --format json only.").arg(command), Usage);

    qint64 number = 0;
    if (what == Command::Show || what == Command::Update) {
        bool ok = false;
        number = args.at(2).toLongLong(&ok);
        if (!ok || number <= 0)
            return fail(QStringLiteral("'%1' is not an incident number.").arg(args.at(2)), Usage);
    }

    Result<AppOptions> options = AppOptions::fromParser(parser);
    if (!options)
        return fail(options.error().message, Usage);
    SyncConfig config = options->syncConfig();
    config.autoPoll = false;

    if (what == Command::Connect)
        return runConnect(parser, options.value());
    if (what == Command::Disconnect)
        return runDisconnect(options.value());
    const QJsonValue keychain
            = what == Command::Status ? savedSecretState(options.value()) : QJsonValue();
    if (what == Command::Status && !options->demo() && !storeExists(config.store)) {
        // Nothing synced yet: report the connection without creating a database.
        out() << QJsonDocument(connectorStatus(options.value(), std::nullopt, keychain))
                         .toJson(QJsonDocument::Indented);
        out().flush();
        return Ok;
    }

    TriageEdit edit;
    if (what == Command::Update) {
        Result<TriageEdit> parsed = editFromOptions(parser, options->analystUpn());
        if (!parsed)
            return fail(parsed.error().message, Usage);
        edit = parsed.value();
    }

    DemoTenant demo;
    if (options->demo()) {
        if (const Result<void> started = demo.start(false); !started)
            return fail(started.error().message);
        demo.configure(config);
    } else if (what == Command::Sync && !options->hasCredentials()
               && !options->usesSavedProfile()) {
        return fail(QStringLiteral("no credentials: run 'vigilctl connect', or set "
                                   "AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or "
                                   "--tenant-id/--client-id), or use --demo for the embedded "
                                   "demo tenant."),
                    Usage);
    }
    // Sync and update talk to Graph: with a saved connection, its secret comes from the keychain.
    const bool needsSavedSecret = !options->demo() && !options->hasCredentials()
                                  && options->usesSavedProfile()
                                  && (what == Command::Sync || what == Command::Update);

    SyncController controller(config);
    int exitCode = Ok;
    // A rotated refresh token replaces the saved one; the run ends only after it is written.
    SecretStore secrets;
    int secretWrites = 0;
    bool exitPending = false;
    const auto finish = [&exitCode, &secretWrites, &exitPending](int code) {
        exitCode = code;
        if (secretWrites > 0)
            exitPending = true;
        else
            QCoreApplication::exit(code);
    };
    QObject::connect(&controller, &SyncController::storeFailed, &app,
                     [&finish](const Error &error) { finish(fail(describe(error))); });

    QObject::connect(&controller, &SyncController::refreshTokenRotated, &app,
                     [&](const QString &refreshToken) {
                         if (!needsSavedSecret)
                             return;
                         ++secretWrites;
                         secrets.write(options->profile().secretKey(), refreshToken, &app,
                                       [&](const Result<void> &written) {
                                           if (!written)
                                               fail(QStringLiteral("the renewed sign-in could "
                                                                   "not be saved: ")
                                                    + written.error().message);
                                           if (--secretWrites == 0 && exitPending)
                                               QCoreApplication::exit(exitCode);
                                       });
                     });

    bool started = false;
    QObject::connect(
            &controller, &SyncController::incidentsLoaded, &app,
            [&](const QList<Incident> &incidents) {
                if (started)
                    return;
                started = true;
                switch (what) {
                case Command::Sync:
                    controller.syncNow();
                    break;
                case Command::List:
                    if (format == QLatin1String("csv")) {
                        out() << incidentCsvColumns().join(QLatin1Char(',')) << "\r\n";
                        for (const Incident &i : incidents)
                            out() << incidentToCsvLine(incidentToJson(i, linkOf(i, config.cloud)))
                                  << "\r\n";
                        out().flush();
                    } else if (format == QLatin1String("table")) {
                        printTable(incidents, config.cloud);
                    } else {
                        QJsonArray array;
                        for (const Incident &i : incidents)
                            array.append(incidentToJson(i, linkOf(i, config.cloud)));
                        out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
                        out().flush();
                    }
                    finish(Ok);
                    break;
                case Command::Show:
                    controller.requestDetail(number, parser.isSet(QStringLiteral("all-alerts")));
                    break;
                case Command::Update:
                    controller.requestEdit({number}, edit);
                    break;
                case Command::Outbox:
                    controller.requestOutbox();
                    break;
                case Command::Status: // answered once the store's status arrives
                case Command::Connect:
                case Command::Disconnect:
                    break;
                }
            });
    QObject::connect(
            &controller, &SyncController::detailLoaded, &app, [&](const IncidentDetail &detail) {
                const QJsonObject json
                        = incidentDetailToJson(detail, linkOf(detail.incident, config.cloud));
                out() << QJsonDocument(json).toJson(QJsonDocument::Indented);
                out().flush();
                finish(Ok);
            });
    QObject::connect(
            &controller, &SyncController::detailFailed, &app,
            [&](qint64 which, const Error &error) {
                finish(fail(error.kind == Error::Kind::NotFound
                                    ? QStringLiteral("there is no incident #%1.").arg(which)
                                    : describe(error)));
            });
    SyncStatus lastStatus;
    bool pulled = false;
    bool pendingDone = false;
    QObject::connect(&controller, &SyncController::statusChanged, &app,
                     [&lastStatus](const SyncStatus &status) { lastStatus = status; });
    QObject::connect(
            &controller, &SyncController::syncFinished, &app, [&](bool ok, const Error &error) {
                if (what != Command::Sync)
                    return;
                if (!ok) {
                    finish(fail(QStringLiteral("sync failed: ") + describe(error)));
                    return;
                }
                out() << QStringLiteral("Synced: %1 incidents changed, %2 in the local queue.")
                                 .arg(lastStatus.incidentsThisCycle)
                                 .arg(lastStatus.incidentsInStore)
                      << Qt::endl;
                out() << QStringLiteral("Component alerts: %1 pulled; incident-creation rules "
                                        "created %2 incidents; %3 duplicates newly linked, %4 in "
                                        "the queue.")
                                 .arg(lastStatus.alertsThisCycle)
                                 .arg(lastStatus.ruleIncidentsThisCycle)
                                 .arg(lastStatus.duplicatesThisCycle)
                                 .arg(lastStatus.duplicatesInStore)
                      << Qt::endl;
                if (lastStatus.componentAlertsError) {
                    err() << "vigilctl: component alerts were not pulled and the "
                             "incident-creation rules did not run: "
                          << describe(*lastStatus.componentAlertsError) << Qt::endl;
                }
                pulled = true; // the outbox is delivered next; outboxFlushed ends the run
            });
    QObject::connect(&controller, &SyncController::outboxFlushed, &app,
                     [&](int delivered, int queued) {
                         if (what != Command::Sync || !pulled)
                             return;
                         out() << QStringLiteral("Edits: %1 delivered, %2 still queued.")
                                          .arg(delivered)
                                          .arg(queued)
                               << Qt::endl;
                         finish(Ok);
                     });
    const bool wait = parser.isSet(QStringLiteral("wait"));
    QObject::connect(&controller, &SyncController::editAccepted, &app,
                     [&](qint64 which, int changes) {
                         if (what != Command::Update || which != number)
                             return;
                         if (changes == 0) {
                             out() << QStringLiteral("Incident #%1 already shows that; nothing "
                                                     "to change.")
                                              .arg(which)
                                   << Qt::endl;
                             finish(Ok);
                         } else if (!wait) {
                             out() << QStringLiteral("Incident #%1 changed locally; %2 edits "
                                                     "queued for Microsoft 365 Defender.")
                                              .arg(which)
                                              .arg(changes)
                                   << Qt::endl;
                             finish(Ok);
                         }
                     });
    QObject::connect(&controller, &SyncController::editDelivered, &app, [&](qint64 which) {
        if (what != Command::Update || which != number || !wait)
            return;
        out() << QStringLiteral("Incident #%1 updated in Microsoft 365 Defender.").arg(which)
              << Qt::endl;
        pendingDone = true;
    });
    QObject::connect(&controller, &SyncController::pendingCountChanged, &app, [&](int count) {
        if (what == Command::Update && wait && pendingDone && count == 0)
            finish(Ok);
        // The store reports its status, then its pending count, right after the queue.
        if (what == Command::Status && started) {
            out() << QJsonDocument(connectorStatus(options.value(), lastStatus, keychain))
                             .toJson(QJsonDocument::Indented);
            out().flush();
            finish(Ok);
        }
    });
    QObject::connect(&controller, &SyncController::editRejected, &app,
                     [&](qint64 which, const Error &error) {
                         if (what != Command::Update || which != number)
                             return;
                         finish(fail(QStringLiteral("incident #%1 was not changed: %2")
                                             .arg(which)
                                             .arg(error.message)));
                     });
    QObject::connect(&controller, &SyncController::outboxLoaded, &app,
                     [&](const QList<OutboxRow> &rows) {
                         if (what != Command::Outbox)
                             return;
                         QJsonArray array;
                         for (const OutboxRow &row : rows) {
                             array.append(QJsonObject{
                                     {QStringLiteral("number"), row.number},
                                     {QStringLiteral("providerIncidentId"), row.providerIncidentId},
                                     {QStringLiteral("field"), fieldName(row.edit.field)},
                                     {QStringLiteral("base"),
                                      fieldValueToJson(row.edit.field, row.edit.base)},
                                     {QStringLiteral("local"),
                                      fieldValueToJson(row.edit.field, row.edit.local)},
                                     {QStringLiteral("editTime"),
                                      row.edit.editTime.toString(Qt::ISODateWithMs)},
                                     {QStringLiteral("attempts"), row.attempts},
                                     {QStringLiteral("lastError"), row.lastError}});
                         }
                         out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
                         out().flush();
                         finish(Ok);
                     });

    if (needsSavedSecret) {
        AppOptions::readSavedSecret(
                options->profile(), &secrets, &app,
                [&](const Result<SyncConfig> &withSecret) {
                    if (!withSecret) {
                        finish(fail(withSecret.error().message));
                        return;
                    }
                    controller.setCredentials(withSecret->clientSecret, withSecret->refreshToken);
                    controller.start();
                },
                config);
    } else {
        QTimer::singleShot(0, &controller, &SyncController::start);
    }
    app.exec();
    return exitCode;
}
