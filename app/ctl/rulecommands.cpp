// `rules list`, `rules set PRODUCT` and `connector set`: the incident-creation rules, read and
// written through the same SyncController calls as the connector page.
#include "appoptions.h"
#include "ctlcommands.h"
#include "ctloutput.h"
#include "incidentrules.h"
#include "synccontroller.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <functional>
#include <optional>

namespace Vigil::Ctl {

namespace {

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

} // namespace

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

/** `rules list`, `rules set PRODUCT ...` and `connector set ...`: read and write the rules
 *  through RuleSettingsCalls; the sync engine reads them at the start of each alerts pull. */
int runRules(const QCommandLineParser &parser, const QStringList &args)
{
    // The command table matched the words and the operand count already.
    const bool connector = args.at(0) == QLatin1String("connector");
    const bool set = !connector && args.at(1) == QLatin1String("set");
    const bool list = !connector && !set;
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

} // namespace Vigil::Ctl
