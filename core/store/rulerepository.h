#pragma once

#include "store/storeaccess.h"

#include "graphjson.h"
#include "incident.h"
#include "incidentrules.h"
#include "result.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>

namespace Vigil {

/**
 * @brief Vigil's incident-creation rules in a Store: their settings, the component alerts
 * (alerts_v2) they read, and the rule incidents they create, each linked to the M365D incident
 * that holds the same alert (its duplicate).
 *
 * Owned by its Store and used on the Store's thread.
 */
class RuleRepository
{
public:
    virtual ~RuleRepository() = default;

    virtual Result<IncidentRuleSettings> loadIncidentRules() const = 0;
    virtual Result<void> saveIncidentRule(const IncidentRule &rule) = 0;
    virtual Result<void> setTurnOffMicrosoftRules(bool on) = 0;

    /** Stored lastUpdateDateTime (ms) of those of these component alerts that are stored. */
    virtual Result<QHash<QString, qint64>> componentAlertUpdateTimes(
            const QStringList &alertIds) const = 0;
    /** Which of these alert ids an M365D incident in the store lists among its alerts. */
    virtual Result<QSet<QString>> alertsHeldByIncidents(const QStringList &alertIds) const = 0;
    /**
     * Stores one alerts_v2 page in ONE transaction: the alerts, a rule incident (see
     * ruleIncidentForAlert) for each alert of ruleAlertIds that has none yet, and the alerts
     * cursor (when valid). Returns the incidents it created, with their local numbers.
     */
    virtual Result<QList<Incident>> storeComponentAlertPage(const QList<ComponentAlert> &page,
                                                            const QStringList &ruleAlertIds,
                                                            const QDateTime &newCursor = {})
            = 0;
    /** storeComponentAlertPage() of a page in the store's form (alertRowsPageFromGraph()):
     *  productNames parallel to alerts. */
    virtual Result<QList<Incident>> storeComponentAlertRows(const AlertRows &alerts,
                                                            const QStringList &productNames,
                                                            const QSet<QString> &ruleAlertIds,
                                                            const QDateTime &newCursor = {})
            = 0;
    /** Points each rule incident at the M365D incident that holds its alert now (duplicateOf);
     *  returns the rule incidents whose link changed. */
    virtual Result<QList<Incident>> refreshDuplicates() = 0;
    /** The alerts created since then that the store holds (the M365D incidents' alerts, held;
     *  the component alerts no incident lists, held when their incidentId is set), for
     *  estimateRuleImpact(). */
    virtual Result<QList<RuleAlertSample>> alertsCreatedSince(const QDateTime &since) const = 0;
    virtual int componentAlertCount() const = 0;
    virtual int ruleIncidentCount() const = 0;
    /** Rule incidents whose alert an M365D incident also holds. */
    virtual int duplicateCount() const = 0;

protected:
    RuleRepository() = default;
};

} // namespace Vigil
