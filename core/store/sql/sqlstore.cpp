#include "sqlstore.h"

#include "incidentmigrations.h"

namespace Vigil {

SqlStore::SqlStore(std::unique_ptr<SqlConnection> connection)
    : m_database(std::move(connection))
    , m_syncState(*m_database)
    , m_activity(*m_database)
    , m_outbox(*m_database)
    , m_incidents(*m_database, m_syncState, m_outbox, m_activity)
    , m_rules(*m_database, m_incidents, m_syncState)
{ }

SqlStore::~SqlStore()
{
    close();
}

Result<void> SqlStore::prepare(OpenMode mode)
{
    Result<void> ready = m_incidents.prepareStatements(mode);
    if (!ready) {
        close();
        return ready;
    }
    qCDebug(lcStore) << "opened" << (mode == OpenMode::ReadOnly ? "read-only" : "") << "schema"
                     << schemaVersion();
    return {};
}

void SqlStore::close()
{
    // Statements and handles must be gone before the connection is removed.
    m_incidents.releaseStatements();
    m_rules.releaseStatements();
    m_syncState.releaseStatements();
    m_outbox.releaseStatements();
    m_database->close();
}

int SqlStore::latestSchemaVersion() const
{
    return int(incidentMigrations().size());
}

int SqlStore::schemaVersion() const
{
    return m_database->schemaVersion();
}

QString SqlStore::journalMode() const
{
    return m_database->journalMode();
}

} // namespace Vigil
