#include "pgimport.h"

#include "sql/sqlstore.h"
#include "store.h"

#include <QSet>
#include <QSqlError>
#include <QSqlField>
#include <QSqlQuery>
#include <QSqlRecord>

namespace Vigil {

namespace {

// Parents before children; the order the copy writes them in.
const QStringList &copiedTables()
{
    static const QStringList tables = {
            QStringLiteral("incidents"),        QStringLiteral("alerts"),
            QStringLiteral("entities"),         QStringLiteral("comments"),
            QStringLiteral("component_alerts"), QStringLiteral("outbox"),
            QStringLiteral("activity"),         QStringLiteral("incident_rules"),
            QStringLiteral("sync_state"),       QStringLiteral("incident_seen_by"),
            QStringLiteral("seen_since"),
    };
    return tables;
}

// Columns whose PostgreSQL type is BYTEA: SQLite may hand their values over as text.
const QSet<QString> &binaryColumns()
{
    static const QSet<QString> columns
            = {QStringLiteral("evidence"), QStringLiteral("raw_json"),
               QStringLiteral("custom_details"), QStringLiteral("additional_data")};
    return columns;
}

// The identity columns and their sequences, moved past the copied ids.
constexpr std::pair<const char *, const char *> kIdentities[]
        = {{"incidents", "number"}, {"outbox", "id"}, {"activity", "id"}};

Error copyError(const QString &what, const QSqlError &error)
{
    return Error{Error::Kind::Storage, 0, {}, what + QStringLiteral(": ") + error.text(), {}};
}

Result<qint64> countRows(const QSqlDatabase &db, const QString &table)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table)) || !q.next())
        return copyError(QStringLiteral("counting %1").arg(table), q.lastError());
    return q.value(0).toLongLong();
}

SqlStore *sqlStore(Store &store)
{
    return dynamic_cast<SqlStore *>(&store);
}

} // namespace

Result<StoreCopyReport> copySqliteStoreToPostgres(const StoreConfig &from, const StoreConfig &to,
                                                  bool force)
{
    if (from.engine != StoreEngine::SQLite || to.engine != StoreEngine::PostgreSQL)
        return Error{Error::Kind::Config,
                     0,
                     {},
                     QStringLiteral("copies a SQLite store into a PostgreSQL one only"),
                     {}};
    if (!storeExists(from))
        return Error{Error::Kind::NotFound,
                     0,
                     {},
                     QStringLiteral("there is no Vigil database at %1").arg(from.location),
                     {}};
    Result<std::unique_ptr<Store>> sourceOpened = openStore(from, StoreOpenMode::ReadOnly);
    if (!sourceOpened)
        return sourceOpened.error();
    Result<std::unique_ptr<Store>> targetOpened = openStore(to, StoreOpenMode::ReadWrite);
    if (!targetOpened)
        return targetOpened.error();
    SqlStore *sourceStore = sqlStore(*sourceOpened.value());
    SqlStore *targetStore = sqlStore(*targetOpened.value());
    if (!sourceStore || !targetStore)
        return Error{Error::Kind::Config, 0, {}, QStringLiteral("not a SQL store"), {}};
    const QSqlDatabase source = sourceStore->connection().db();
    QSqlDatabase target = targetStore->connection().db();

    StoreCopyReport report;
    qint64 held = 0;
    for (const char *table : {"incidents", "alerts", "component_alerts", "outbox", "activity"}) {
        Result<qint64> count = countRows(target, QLatin1String(table));
        if (!count)
            return count.error();
        held += count.value();
    }
    if (held > 0 && !force) {
        Result<qint64> incidents = countRows(target, QStringLiteral("incidents"));
        const qint64 n = incidents ? incidents.value() : 0;
        return Error{Error::Kind::Conflict,
                     0,
                     {},
                     QStringLiteral("the target database is not empty (%1 and other rows); "
                                    "nothing was written. --force replaces everything in it with "
                                    "the copy")
                             .arg(n == 1 ? QStringLiteral("1 incident")
                                         : QStringLiteral("%1 incidents").arg(n)),
                     {}};
    }
    if (held > 0)
        report.replacedIncidents = countRows(target, QStringLiteral("incidents")).value();

    const QStringList sourceTables = source.tables();
    if (!target.transaction())
        return copyError(QStringLiteral("starting the copy"), target.lastError());
    const auto fail = [&target](const Error &error) -> Result<StoreCopyReport> {
        target.rollback();
        return error;
    };
    QSqlQuery q(target);
    // Everything goes, the rules and sync state the new schema seeded too: the copy replaces
    // them.
    for (qsizetype n = copiedTables().size() - 1; n >= 0; --n) {
        if (!q.exec(QStringLiteral("DELETE FROM %1").arg(copiedTables().at(n))))
            return fail(copyError(QStringLiteral("emptying %1").arg(copiedTables().at(n)),
                                  q.lastError()));
    }
    for (const QString &table : copiedTables()) {
        if (!sourceTables.contains(table))
            continue; // an older schema without it
        const QSqlRecord targetColumns = target.record(table);
        const QSqlRecord sourceColumns = source.record(table);
        QStringList columns;
        for (int c = 0; c < sourceColumns.count(); ++c) {
            if (targetColumns.contains(sourceColumns.fieldName(c)))
                columns.append(sourceColumns.fieldName(c));
        }
        QSqlQuery read(source);
        read.setForwardOnly(true);
        if (!read.exec(QStringLiteral("SELECT %1 FROM %2")
                               .arg(columns.join(QStringLiteral(", ")), table)))
            return fail(copyError(QStringLiteral("reading %1").arg(table), read.lastError()));
        QSqlQuery write(target);
        QStringList marks;
        for (qsizetype c = 0; c < columns.size(); ++c)
            marks.append(QStringLiteral("?"));
        if (!write.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                                   .arg(table, columns.join(QStringLiteral(", ")),
                                        marks.join(QStringLiteral(", ")))))
            return fail(copyError(QStringLiteral("copying %1").arg(table), write.lastError()));
        while (read.next()) {
            for (int c = 0; c < columns.size(); ++c) {
                QVariant value = read.value(c);
                if (binaryColumns().contains(columns.at(c)) && !value.isNull())
                    value = value.toByteArray();
                write.bindValue(c, value);
            }
            if (!write.exec())
                return fail(copyError(QStringLiteral("copying %1").arg(table), write.lastError()));
        }
    }
    for (const auto &[table, column] : kIdentities) {
        // Past the greatest id copied, and past any SQLite handed out before (deleted rows):
        // ids are never handed out twice.
        qint64 next = 0;
        QSqlQuery seq(source);
        if (seq.exec(QStringLiteral("SELECT seq FROM sqlite_sequence WHERE name = '%1'")
                             .arg(QLatin1String(table)))
            && seq.next())
            next = seq.value(0).toLongLong();
        if (!q.exec(QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', '%2'),"
                                   " GREATEST(%3, (SELECT COALESCE(MAX(%2), 0) FROM %1), 1),"
                                   " GREATEST(%3, (SELECT COALESCE(MAX(%2), 0) FROM %1)) > 0)")
                            .arg(QLatin1String(table), QLatin1String(column))
                            .arg(next)))
            return fail(
                    copyError(QStringLiteral("moving the ids of %1 on").arg(QLatin1String(table)),
                              q.lastError()));
    }
    if (!target.commit())
        return fail(copyError(QStringLiteral("committing the copy"), target.lastError()));

    report.verified = true;
    for (const QString &table : copiedTables()) {
        StoreCopyCount count{table, 0, 0};
        if (sourceTables.contains(table)) {
            Result<qint64> rows = countRows(source, table);
            if (!rows)
                return rows.error();
            count.source = rows.value();
        }
        Result<qint64> rows = countRows(target, table);
        if (!rows)
            return rows.error();
        count.target = rows.value();
        // A table the source's older schema lacks was emptied too: 0 on both sides.
        report.verified = report.verified && count.source == count.target;
        report.tables.append(count);
    }
    return report;
}

} // namespace Vigil
