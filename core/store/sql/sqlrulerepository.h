#pragma once

#include "store/storeaccess.h"

#include "rulerepository.h"
#include "sqlstatement.h"

namespace Vigil {

class SqlConnection;
class SqlIncidentRepository;
class SqlSyncStateRepository;

/**
 * @brief RuleRepository in the incident_rules and component_alerts tables of a SqlStore; its
 * thread.
 *
 * Rule incidents are incidents rows: they are written through SqlIncidentRepository, inside
 * the alerts page's transaction.
 */
class SqlRuleRepository final : public RuleRepository
{
public:
    SqlRuleRepository(SqlConnection &database, SqlIncidentRepository &incidents,
                      SqlSyncStateRepository &syncState);

    /** Finalizes the statements: before the connection goes. */
    void releaseStatements();

    Result<IncidentRuleSettings> loadIncidentRules() const override;
    Result<void> saveIncidentRule(const IncidentRule &rule) override;
    Result<void> setTurnOffMicrosoftRules(bool on) override;
    Result<QHash<QString, qint64>> componentAlertUpdateTimes(
            const QStringList &alertIds) const override;
    Result<QSet<QString>> alertsHeldByIncidents(const QStringList &alertIds) const override;
    Result<QList<Incident>> storeComponentAlertPage(const QList<ComponentAlert> &page,
                                                    const QStringList &ruleAlertIds,
                                                    const QDateTime &newCursor = {}) override;
    Result<QList<Incident>> storeComponentAlertRows(const AlertRows &alerts,
                                                    const QStringList &productNames,
                                                    const QSet<QString> &ruleAlertIds,
                                                    const QDateTime &newCursor = {}) override;
    Result<QList<Incident>> refreshDuplicates() override;
    Result<QList<RuleAlertSample>> alertsCreatedSince(const QDateTime &since) const override;
    int componentAlertCount() const override;
    int ruleIncidentCount() const override;
    int duplicateCount() const override;

private:
    SqlConnection &m_database;
    SqlIncidentRepository &m_incidents;
    SqlSyncStateRepository &m_syncState;
    std::unique_ptr<SqlStatement> m_upsertComponentAlert; ///< prepared on the first alerts page
    // The look-ups of an alerts page, prepared on the first: raw statements, since a page's
    // thousand ids through QSqlQuery's QVariants cost more than the look-ups themselves.
    mutable std::unique_ptr<SqlStatement> m_updateTimes; ///< componentAlertUpdateTimes()
    mutable std::unique_ptr<SqlStatement> m_heldByIncidents; ///< alertsHeldByIncidents()
};

} // namespace Vigil
