#include "sqlitesyncstaterepository.h"

#include "graphjson.h"
#include "sqlitedatabase.h"
#include "sqlitedialect.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Vigil {

SqliteSyncStateRepository::SqliteSyncStateRepository(SqliteDatabase &database)
    : m_database(database)
{ }

QDateTime SqliteSyncStateRepository::cursor() const
{
    return parseGraphDateTime(value(QLatin1String(kCursorKey)));
}

Result<void> SqliteSyncStateRepository::setCursor(const QDateTime &cursor)
{
    return setValue(QLatin1String(kCursorKey), formatGraphDateTime(cursor));
}

QDateTime SqliteSyncStateRepository::alertsCursor() const
{
    return parseGraphDateTime(value(QLatin1String(kAlertsCursorKey)));
}

QString SqliteSyncStateRepository::value(const QString &key) const
{
    QSqlQuery q(m_database.db());
    q.prepare(QStringLiteral("SELECT value FROM sync_state WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0).toString();
}

Result<void> SqliteSyncStateRepository::writeValue(const QString &key, const QString &value)
{
    QSqlQuery q(m_database.db());
    q.prepare(QStringLiteral("INSERT INTO sync_state (key, value) VALUES (?, ?)")
              + SqliteDialect::onConflictUpdate(QStringLiteral("key"), QStringLiteral("value")));
    q.addBindValue(key);
    q.addBindValue(value);
    if (!q.exec())
        return storageError(QStringLiteral("writing %1").arg(key), q.lastError());
    return {};
}

Result<void> SqliteSyncStateRepository::setValue(const QString &key, const QString &value)
{
    if (Result<void> writable = m_database.checkWritable(); !writable)
        return writable;
    return writeValue(key, value);
}

} // namespace Vigil
