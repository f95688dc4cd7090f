#include "sqlitestore.h"

#include "incidentmigrations.h"

namespace Vigil {

SqliteStore::SqliteStore()
    : m_syncState(m_database)
    , m_activity(m_database)
    , m_outbox(m_database)
    , m_incidents(m_database, m_syncState, m_outbox, m_activity)
    , m_rules(m_database, m_incidents, m_syncState)
{ }

SqliteStore::~SqliteStore()
{
    close();
}

Result<void> SqliteStore::open(const QString &path, OpenMode mode)
{
    close();
    Result<void> ready
            = m_database.open(path, mode, incidentMigrations(), QStringLiteral("vigil.store"));
    if (!ready)
        return ready;
    ready = m_incidents.prepareStatements(mode);
    if (!ready) {
        close();
        return ready;
    }
    qCDebug(lcStore) << "opened" << path << (mode == OpenMode::ReadOnly ? "read-only" : "")
                     << "schema" << schemaVersion();
    return {};
}

void SqliteStore::close()
{
    // Statements and handles must be gone before the connection is removed.
    m_incidents.releaseStatements();
    m_rules.releaseStatements();
    m_database.close();
}

int SqliteStore::latestSchemaVersion() const
{
    return int(incidentMigrations().size());
}

int SqliteStore::schemaVersion() const
{
    return m_database.schemaVersion();
}

QString SqliteStore::journalMode() const
{
    return m_database.journalMode();
}

} // namespace Vigil
