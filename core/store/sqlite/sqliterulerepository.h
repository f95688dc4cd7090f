#pragma once

#include "store/storeaccess.h"

#include "rulerepository.h"
#include "sqlitestatement.h"

namespace Vigil {

class SqliteDatabase;
class SqliteIncidentRepository;
class SqliteSyncStateRepository;

/**
 * @brief RuleRepository in the incident_rules and component_alerts tables of a SqliteStore; its
 * thread.
 *
 * Rule incidents are incidents rows: they are written through SqliteIncidentRepository, inside
 * the alerts page's transaction.
 */
class SqliteRuleRepository final : public RuleRepository
{
public:
    SqliteRuleRepository(SqliteDatabase &database, SqliteIncidentRepository &incidents,
                         SqliteSyncStateRepository &syncState);

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
    Result<QList<Incident>> refreshDuplicates() override;
    Result<QList<RuleAlertSample>> alertsCreatedSince(const QDateTime &since) const override;
    int componentAlertCount() const override;
    int ruleIncidentCount() const override;
    int duplicateCount() const override;

private:
    SqliteDatabase &m_database;
    SqliteIncidentRepository &m_incidents;
    SqliteSyncStateRepository &m_syncState;
    SqliteStatement m_upsertComponentAlert; ///< prepared on the first alerts page
};

} // namespace Vigil
