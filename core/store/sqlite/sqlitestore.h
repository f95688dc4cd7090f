#pragma once

#include "store/storeaccess.h"

#include "sqliteactivityrepository.h"
#include "sqlitedatabase.h"
#include "sqliteincidentrepository.h"
#include "sqliteoutboxrepository.h"
#include "sqliterulerepository.h"
#include "sqlitesyncstaterepository.h"
#include "store.h"

namespace Vigil {

/**
 * @brief The incident database in one SQLite file: WAL mode, versioned migrations
 * (incidentMigrations), one named connection shared by the repositories.
 *
 * Used only on the thread that opened it (see Store).
 */
class SqliteStore final : public Store
{
public:
    SqliteStore();
    ~SqliteStore() override;

    /** Opens (creating the file and its folder when missing) and migrates to the latest schema.
     *  ReadOnly requires an existing, migrated database and never writes. */
    Result<void> open(const QString &path, OpenMode mode);

    IncidentRepository &incidents() override { return m_incidents; }
    OutboxRepository &outbox() override { return m_outbox; }
    ActivityRepository &activity() override { return m_activity; }
    RuleRepository &rules() override { return m_rules; }
    SyncStateRepository &syncState() override { return m_syncState; }

    int latestSchemaVersion() const override;
    int schemaVersion() const override;
    QString journalMode() const override;
    void close() override;

private:
    SqliteDatabase m_database;
    SqliteSyncStateRepository m_syncState;
    SqliteActivityRepository m_activity;
    SqliteOutboxRepository m_outbox;
    SqliteIncidentRepository m_incidents;
    SqliteRuleRepository m_rules;
};

} // namespace Vigil
