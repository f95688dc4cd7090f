#include "sqlitedialect.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Vigil::SqliteDialect {

const QStringList &writerPragmas()
{
    static const QStringList pragmas = {
            // Larger pages mean fewer WAL frames per page of evidence; only takes effect on a new
            // file, before WAL is switched on.
            QStringLiteral("PRAGMA page_size=16384"),
            // WAL lets readers (hunting, vigilctl) work while the sync thread writes a page.
            QStringLiteral("PRAGMA journal_mode=WAL"),
            QStringLiteral("PRAGMA synchronous=NORMAL"),
            // A page of evidence is several MB; keep the working set in memory while it is
            // written.
            QStringLiteral("PRAGMA cache_size=-65536"),
            // Checkpoint every ~64 MB of WAL rather than every 1000 pages: pages rewritten by
            // several transactions are then copied back once.
            QStringLiteral("PRAGMA wal_autocheckpoint=4096"),
            QStringLiteral("PRAGMA mmap_size=268435456"),
            // Statements that fire triggers or insert several rows keep a statement journal; in a
            // temp file that costs a write() per page, in memory nothing much.
            QStringLiteral("PRAGMA temp_store=MEMORY"),
    };
    return pragmas;
}

QString journalModeQuery()
{
    return QStringLiteral("PRAGMA journal_mode");
}

QString tableExistsQuery(const QString &table)
{
    return QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '%1'")
            .arg(table);
}

QString inJsonArray(const QString &column)
{
    return column + QStringLiteral(" IN (SELECT value FROM json_each(?))");
}

QString jsonArrayParameter(const QStringList &values)
{
    return QString::fromUtf8(
            QJsonDocument(QJsonArray::fromStringList(values)).toJson(QJsonDocument::Compact));
}

QString jsonArrayParameter(const QList<qint64> &values)
{
    QJsonArray array;
    for (const qint64 value : values)
        array.append(value);
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QString onConflictDoNothing(const QString &key)
{
    return QStringLiteral(" ON CONFLICT (%1) DO NOTHING").arg(key);
}

QString onConflictUpdate(const QString &key, const QString &column)
{
    return QStringLiteral(" ON CONFLICT (%1) DO UPDATE SET %2 = excluded.%2").arg(key, column);
}

QString insertOrReplaceInto(const QString &table)
{
    return QStringLiteral("INSERT OR REPLACE INTO ") + table;
}

QString beginWriteTransaction()
{
    return QStringLiteral("BEGIN IMMEDIATE");
}

} // namespace Vigil::SqliteDialect
