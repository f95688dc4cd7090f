#include "eventmigrations.h"

namespace Vigil {

namespace {

QString sqlType(KqlType type)
{
    switch (type) {
    case KqlType::String:
    case KqlType::Guid:
    case KqlType::Decimal:
        // Kusto has no null string: missing is "".
        return QStringLiteral("TEXT NOT NULL DEFAULT ''");
    case KqlType::Dynamic:
        return QStringLiteral("TEXT");
    case KqlType::Real:
        return QStringLiteral("REAL");
    case KqlType::Bool:
    case KqlType::Int:
    case KqlType::Long:
    case KqlType::DateTime:
    case KqlType::TimeSpan:
        return QStringLiteral("INTEGER");
    }
    return QStringLiteral("TEXT");
}

QString indexName(const HuntingTable &table, const QString &what)
{
    return quotedIdentifier(table.name + QStringLiteral("__") + what);
}

} // namespace

QString quotedIdentifier(const QString &name)
{
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

bool usesDeviceReportKey(const HuntingTable &table)
{
    return table.hasDeviceReportKey();
}

QStringList searchIndexColumns(const HuntingTable &table)
{
    // Measured in docs/BENCHMARKS.md ("Hunting event store"): each of these turns a hunt for
    // one value from a scan of the table into a few page reads. DeviceId needs none where the
    // de-duplication key starts with it.
    static const QStringList candidates = {
            QStringLiteral("Timestamp"),   QStringLiteral("DeviceName"),
            QStringLiteral("SHA256"),      QStringLiteral("SHA1"),
            QStringLiteral("AccountName"), QStringLiteral("AccountUpn"),
            QStringLiteral("RemoteIP"),
    };
    QStringList columns;
    for (const QString &column : candidates) {
        if (table.columnIndex(column) >= 0)
            columns.append(column);
    }
    if (!usesDeviceReportKey(table) && table.columnIndex(u"DeviceId") >= 0)
        columns.append(QStringLiteral("DeviceId"));
    return columns;
}

QStringList eventTableStatements(const HuntingTable &table, bool searchIndexes)
{
    QStringList columns;
    for (const HuntingColumn &column : table.columns)
        columns.append(quotedIdentifier(column.name) + QLatin1Char(' ') + sqlType(column.type));
    columns.append(QStringLiteral("_vigil_ingested INTEGER NOT NULL"));
    columns.append(QStringLiteral("_vigil_extra TEXT"));
    const bool deviceKey = usesDeviceReportKey(table);
    if (!deviceKey)
        columns.append(QStringLiteral("_vigil_rowkey INTEGER NOT NULL"));

    const QString name = quotedIdentifier(table.name);
    QStringList statements;
    statements.append(QStringLiteral("CREATE TABLE %1 (%2)").arg(name, columns.join(u", ")));
    if (deviceKey)
        statements.append(
                QStringLiteral("CREATE UNIQUE INDEX %1 ON %2 (\"DeviceId\", \"Timestamp\", "
                               "\"ReportId\")")
                        .arg(indexName(table, QStringLiteral("key")), name));
    else
        statements.append(QStringLiteral("CREATE UNIQUE INDEX %1 ON %2 (_vigil_rowkey)")
                                  .arg(indexName(table, QStringLiteral("rowkey")), name));
    // Retention deletes the oldest ingested rows first, a few thousand at a time.
    statements.append(QStringLiteral("CREATE INDEX %1 ON %2 (_vigil_ingested)")
                              .arg(indexName(table, QStringLiteral("ingested")), name));
    if (searchIndexes) {
        for (const QString &column : searchIndexColumns(table))
            statements.append(
                    QStringLiteral("CREATE INDEX %1 ON %2 (%3)")
                            .arg(indexName(table, column), name, quotedIdentifier(column)));
    }
    return statements;
}

QStringList eventFirstPragmas()
{
    // Retention frees pages; incremental vacuum gives them back without rewriting the file,
    // and a file takes auto_vacuum only before its first table.
    // The page size goes first: setting auto_vacuum fixes a new file's page size, and the
    // shared 16 KiB (SqliteDialect::writerPragmas) comes after it. With 4 KiB pages an ingest
    // ran a quarter slower and took 7 % more room (docs/BENCHMARKS.md).
    return {QStringLiteral("PRAGMA page_size=16384"),
            QStringLiteral("PRAGMA auto_vacuum=INCREMENTAL")};
}

const SqliteDatabase::Migrations &eventMigrations()
{
    static const SqliteDatabase::Migrations list = [] {
        SqliteDatabase::Migrations migrations;
        // 1: one table per Defender table, their settings and counters, the read checkpoints
        QStringList first;
        first.append(
                QStringLiteral("CREATE TABLE event_tables (name TEXT PRIMARY KEY NOT NULL,"
                               " collect INTEGER NOT NULL DEFAULT 1,"
                               " retention_days INTEGER DEFAULT 30," // NULL: kept without limit
                               " rejected INTEGER NOT NULL DEFAULT 0,"
                               " last_ingest INTEGER) WITHOUT ROWID"));
        first.append(QStringLiteral(
                "CREATE TABLE event_checkpoints (source TEXT NOT NULL, container TEXT NOT NULL,"
                " blob TEXT NOT NULL, etag TEXT NOT NULL DEFAULT '',"
                " \"offset\" INTEGER NOT NULL, updated INTEGER NOT NULL,"
                " PRIMARY KEY (source, container, blob)) WITHOUT ROWID"));
        for (const HuntingTable &table : HuntingSchema::defender().tables()) {
            first.append(eventTableStatements(table));
            first.append(QStringLiteral("INSERT INTO event_tables (name) VALUES ('%1')")
                                 .arg(table.name));
        }
        migrations.append(first);
        // 2: the blob's creation time beside its checkpoint (a replaced blob is read anew)
        migrations.append(QStringList{
                QStringLiteral("ALTER TABLE event_checkpoints ADD COLUMN created INTEGER")});
        // 3: what Defender's FileProfile() said of the files the local data names (fetched by
        // the sync, see FileProfileSync); the leading underscore keeps it apart from Defender's
        // table names. Datetimes and booleans are encoded as in the event tables.
        migrations.append(QStringList{QStringLiteral(
                "CREATE TABLE _vigil_file_profiles (id TEXT PRIMARY KEY NOT NULL,"
                " available INTEGER NOT NULL, sha1 TEXT NOT NULL DEFAULT '',"
                " sha256 TEXT NOT NULL DEFAULT '', md5 TEXT NOT NULL DEFAULT '',"
                " file_size INTEGER, global_prevalence INTEGER, global_first_seen INTEGER,"
                " global_last_seen INTEGER, signer TEXT NOT NULL DEFAULT '',"
                " issuer TEXT NOT NULL DEFAULT '', signer_hash TEXT NOT NULL DEFAULT '',"
                " is_certificate_valid INTEGER, is_root_signer_microsoft INTEGER,"
                " signature_state TEXT NOT NULL DEFAULT '', is_executable INTEGER,"
                " threat_name TEXT NOT NULL DEFAULT '', publisher TEXT NOT NULL DEFAULT '',"
                " software_name TEXT NOT NULL DEFAULT '', fetched INTEGER NOT NULL)"
                " WITHOUT ROWID")});
        // 4: what Defender's SeenBy() said of the devices the local data names (fetched by the
        // sync, see SeenBySync): seen_by the JSON array of the devices that saw it, NULL when
        // the answer said nothing of the device.
        migrations.append(QStringList{
                QStringLiteral("CREATE TABLE _vigil_seen_by (device_id TEXT PRIMARY KEY NOT NULL,"
                               " seen_by TEXT, fetched INTEGER NOT NULL) WITHOUT ROWID")});
        return migrations;
    }();
    return list;
}

} // namespace Vigil
