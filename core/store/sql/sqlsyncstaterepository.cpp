#include "sqlsyncstaterepository.h"

#include "graphjson.h"
#include "sqlconnection.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Vigil {

SqlSyncStateRepository::SqlSyncStateRepository(SqlConnection &database)
    : m_database(database)
{ }

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
    QSqlQuery q(m_database.db());
    q.prepare(QStringLiteral("INSERT INTO sync_state (key, value) VALUES (?, ?)")
              + QStringLiteral(" ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    q.addBindValue(key);
    q.addBindValue(value);
    if (!q.exec())
        return storageError(QStringLiteral("writing %1").arg(key), q.lastError());
    return {};
}

Result<void> SqlSyncStateRepository::setValue(const QString &key, const QString &value)
{
    if (Result<void> writable = m_database.checkWritable(); !writable)
        return writable;
    return writeValue(key, value);
}

} // namespace Vigil
