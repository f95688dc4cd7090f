#pragma once

#include "store/storeaccess.h"

#include "sqlactivityrepository.h"
#include "sqlconnection.h"
#include "sqlincidentrepository.h"
#include "sqloutboxrepository.h"
#include "sqlrulerepository.h"
#include "sqlsyncstaterepository.h"
#include "store.h"

#include <memory>

namespace Vigil {

/**
 * @brief The incident database on either engine: the shared repositories over one
 * SqlConnection (a SQLite file in WAL mode, or a PostgreSQL database), migrated before it is
 * handed out.
 *
 * Used only on the thread that opened it (see Store).
 */
class SqlStore final : public Store
{
public:
    /** Takes an open, migrated connection. */
    explicit SqlStore(std::unique_ptr<SqlConnection> connection);
    ~SqlStore() override;

    /** Prepares the statements the mode needs; closes the connection when that fails. */
    Result<void> prepare(OpenMode mode);

    IncidentRepository &incidents() override { return m_incidents; }
    OutboxRepository &outbox() override { return m_outbox; }
    ActivityRepository &activity() override { return m_activity; }
    RuleRepository &rules() override { return m_rules; }
    SyncStateRepository &syncState() override { return m_syncState; }

    int latestSchemaVersion() const override;
    int schemaVersion() const override;
    QString journalMode() const override;
    void close() override;

    /** The connection the repositories share (a whole-store copy reads and writes it). */
    SqlConnection &connection() { return *m_database; }

private:
    std::unique_ptr<SqlConnection> m_database;
    SqlSyncStateRepository m_syncState;
    SqlActivityRepository m_activity;
    SqlOutboxRepository m_outbox;
    SqlIncidentRepository m_incidents;
    SqlRuleRepository m_rules;
};

} // namespace Vigil
