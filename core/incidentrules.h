#pragma once

#include "incident.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace Vigil {

/** The products that have a Microsoft incident-creation rule (reference §4.4). */
enum class RuleProduct { Mde, Mdi, Mdo, Mcas, EntraIdProtection, DefenderForCloud };

/** @brief A component alert as alerts_v2 delivered it, with the fields rules look at. Any thread.
 */
struct ComponentAlert
{
    Alert alert;
    QString productName; ///< alerts_v2 `productName`, when the service sends it
};

/**
 * @brief One incident-creation rule, like Sentinel's MicrosoftSecurityIncidentCreation rule.
 *
 * A value type; any thread. Empty severities or titleInclude mean "all". Titles are matched as
 * case-insensitive substrings, as the portal's "contains" filters do.
 */
struct IncidentRule
{
    RuleProduct product = RuleProduct::Mde;
    bool enabled = true; ///< the rule's own switch; see IncidentRuleSettings::isActive
    QStringList severities; ///< "High", "Medium", "Low", "Informational"; empty = every severity
    QStringList titleInclude;
    QStringList titleExclude;
    /// Skip alerts that an M365D incident already holds (no duplicates, no gaps).
    bool skipAlertsInM365dIncidents = false;

    /** Whether an alert passes the severity and title filters (enabled is not looked at). */
    bool matchesFilters(const Alert &alert) const;

    friend bool operator==(const IncidentRule &, const IncidentRule &) = default;
};

/**
 * @brief Every rule plus the connector page's "Turn off all Microsoft incident creation rules
 * for these products (recommended)" setting, which covers MDE, MDI and MDO. Any thread.
 */
struct IncidentRuleSettings
{
    bool turnOffMicrosoftRules = true;
    QList<IncidentRule> rules; ///< one per product, in allRuleProducts() order

    /** The rule of a product (a default one when missing). */
    IncidentRule rule(RuleProduct product) const;
    void setRule(const IncidentRule &rule);
    /** Whether the rule runs: its own switch, unless the connector setting turns it off. */
    bool isActive(RuleProduct product) const;
    /** The products whose rule runs, in allRuleProducts() order. */
    QList<RuleProduct> activeProducts() const;
    /**
     * The product whose rule creates an incident for this alert, or nothing. heldByM365dIncident:
     * an M365D incident holds the alert (its incidentId is set, or a pulled incident lists it).
     */
    std::optional<RuleProduct> ruleFor(const ComponentAlert &alert, bool heldByM365dIncident) const;

    friend bool operator==(const IncidentRuleSettings &, const IncidentRuleSettings &) = default;
};

/** @brief An alert the store already holds, as estimateRuleImpact() reads it. Any thread. */
struct RuleAlertSample
{
    ComponentAlert alert; ///< title, severity, sources and createdTime are what count
    bool heldByM365dIncident = false;
};

/** @brief What a change of the rule settings would do, estimated from the alerts already
 *  pulled. A value; any thread. */
struct RuleImpact
{
    int days = 0; ///< the days of alerts the estimate looked at
    int alerts = 0; ///< alerts in those days that would have become rule incidents
    int duplicates = 0; ///< of those, alerts an M365D incident also holds
    double perDay = 0; ///< alerts / days

    friend bool operator==(const RuleImpact &, const RuleImpact &) = default;
};

/**
 * How many more rule incidents after would create than before, from the alerts of the last
 * days (fewer when the oldest alert is younger: the days they span, at least one). Each alert
 * counts once, by id.
 */
RuleImpact estimateRuleImpact(const IncidentRuleSettings &before, const IncidentRuleSettings &after,
                              const QList<RuleAlertSample> &alerts, const QDateTime &now,
                              int days = 7);

/** Every product, in the order the connector page and `vigilctl rules list` show them. */
QList<RuleProduct> allRuleProducts();
/** "MDE", "MDI", "MDO", "MCAS", "EntraIDProtection", "DefenderForCloud". */
QString ruleProductName(RuleProduct product);
/** Reads a product name case-insensitively; also "MDCA" for MCAS, "MDC" and "ASC" for Defender
 *  for Cloud, "AADIP" for Entra ID Protection. */
std::optional<RuleProduct> ruleProductFromName(const QString &name);
/** Sentinel's productFilter string, e.g. "Microsoft Defender Advanced Threat Protection". */
QString productFilter(RuleProduct product);
/** The rule's name as Sentinel's template names it ("Create incidents based on ... alerts"). */
QString ruleDisplayName(RuleProduct product);
/** Whether the "turn off Microsoft incident creation rules" setting covers the product. */
bool isCoveredByTurnOffSetting(RuleProduct product);
/** Why a product's rule is set the way the defaults set it, in English. */
QString ruleDefaultReason(RuleProduct product);
/** The same as a source text to translate in the context "Vigil::ConnectorPage". */
const char *ruleDefaultReasonText(RuleProduct product);

/**
 * The product of an alerts_v2 alert: by serviceSource, else by detectionSource, else by
 * productName (current and former product names and the productFilter strings). Nothing for
 * alerts of Microsoft 365 Defender itself, DLP, app governance and unknown sources.
 */
std::optional<RuleProduct> ruleProductForAlert(const QString &serviceSource,
                                               const QString &detectionSource,
                                               const QString &productName = {});

/**
 * The alerts_v2 serviceSource values of the alerts these products' rules can match: each
 * product's own, plus `unknown` (ruleProductForAlert maps those by detectionSource and
 * productName). Empty for no product.
 */
QStringList serviceSourcesForRules(const QList<RuleProduct> &products);

/** Severity filter spelling ("High") of a severity in any case; empty when unknown. */
QString ruleSeverityName(const QString &severity);

/** A new profile's rules: see the definition for the reasons. */
IncidentRuleSettings defaultIncidentRuleSettings();

/** The local incident a rule creates for one alert: provider "Incident creation rule", title and
 *  severity from the alert, status New (`active`), the alert as its only alert. */
Incident ruleIncidentForAlert(const Alert &alert);

} // namespace Vigil

Q_DECLARE_METATYPE(Vigil::IncidentRuleSettings)
Q_DECLARE_METATYPE(Vigil::RuleImpact)
