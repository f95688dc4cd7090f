#include "sqlsyncstaterepository.h"

#include "graphjson.h"
#include "sqlconnection.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Vigil {

SqlSyncStateRepository::SqlSyncStateRepository(SqlConnection &database)
    : m_database(database)
{ }

void SqlSyncStateRepository::releaseStatements()
{
    m_write.reset();
}

QDateTime SqlSyncStateRepository::cursor() const
{
    return parseGraphDateTime(value(QLatin1String(kCursorKey)));
}

Result<void> SqlSyncStateRepository::setCursor(const QDateTime &cursor)
{
    return setValue(QLatin1String(kCursorKey), formatGraphDateTime(cursor));
}

QDateTime SqlSyncStateRepository::alertsCursor() const
{
    return parseGraphDateTime(value(QLatin1String(kAlertsCursorKey)));
}

QString SqlSyncStateRepository::value(const QString &key) const
{
    QSqlQuery q(m_database.db());
    q.prepare(QStringLiteral("SELECT value FROM sync_state WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0).toString();
}

Result<void> SqlSyncStateRepository::writeValue(const QString &key, const QString &value)
{
    const Result<SqlStatement *> statement = m_database.preparedOnce(
            m_write, QStringLiteral("INSERT INTO sync_state (key, value) VALUES (?1, ?2)"
                                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    if (!statement)
        return statement.error();
    SqlStatement &q = **statement;
    q.bind(1, key);
    q.bind(2, value);
    if (!q.exec())
        return statementError(QStringLiteral("writing %1").arg(key), q);
    return {};
}

Result<void> SqlSyncStateRepository::setValue(const QString &key, const QString &value)
{
    if (Result<void> writable = m_database.checkWritable(); !writable)
        return writable;
    return writeValue(key, value);
}

} // namespace Vigil
