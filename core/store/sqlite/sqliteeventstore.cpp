#include "sqliteeventstore.h"

#include "clock.h"
#include "eventmigrations.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>

namespace Vigil {

namespace {

Error configError(const QString &message)
{
    return Error{Error::Kind::Config, 0, {}, message, {}};
}

QString unknownTable(const QString &name)
{
    return QStringLiteral("'%1' is not an advanced hunting table (see 'vigilctl tables list')")
            .arg(name);
}

} // namespace

SqliteEventStore::SqliteEventStore(Clock *clock)
    : m_clock(clock ? clock : Clock::system())
{ }

SqliteEventStore::~SqliteEventStore()
{
    close();
}

Result<void> SqliteEventStore::open(const QString &path, StoreOpenMode mode)
{
    if (auto opened = m_db.open(path, mode, eventMigrations(), QStringLiteral("vigil.events"),
                                eventFirstPragmas());
        !opened)
        return opened;
    SqliteStatement probe;
    if (auto r = m_db.prepareRaw(probe, QStringLiteral("SELECT 1")); !r)
        return r;
    m_handle = probe.connection();
    const QList<HuntingTable> &tables = HuntingSchema::defender().tables();
    m_tables.resize(size_t(tables.size()));
    for (qsizetype i = 0; i < tables.size(); ++i) {
        Table &table = m_tables[size_t(i)];
        table.table = &tables[i];
        table.deviceKey = usesDeviceReportKey(tables[i]);
        table.timestampColumn = tables[i].columnIndex(u"Timestamp");
        table.reportIdColumn = tables[i].columnIndex(u"ReportId");
        table.deviceIdColumn = tables[i].columnIndex(u"DeviceId");
        table.settings.table = tables[i].name;
    }
    return loadSettings();
}

void SqliteEventStore::close()
{
    m_tables.clear();
    m_handle = nullptr;
    m_db.close();
}

Result<void> SqliteEventStore::loadSettings()
{
    QSqlQuery q(m_db.db());
    if (!q.exec(QStringLiteral("SELECT name, collect, retention_days FROM event_tables")))
        return storageError(QStringLiteral("reading the hunting table settings failed"),
                            q.lastError());
    while (q.next()) {
        if (Table *table = findTable(q.value(0).toString())) {
            table->settings.collect = q.value(1).toInt() != 0;
            table->settings.retentionDays
                    = q.value(2).isNull() ? std::nullopt : std::optional<int>(q.value(2).toInt());
        }
    }
    return {};
}

SqliteEventStore::Table *SqliteEventStore::findTable(const QString &name)
{
    for (Table &table : m_tables) {
        if (table.table->name == name)
            return &table;
    }
    for (Table &table : m_tables) {
        if (table.table->name.compare(name, Qt::CaseInsensitive) == 0)
            return &table;
    }
    return nullptr;
}

Result<void> SqliteEventStore::run(const char *sql)
{
    if (!m_handle)
        return Error{Error::Kind::Storage, 0, {}, QStringLiteral("the event store is closed"), {}};
    char *message = nullptr;
    if (sqlite3_exec(m_handle, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        const QString text = QStringLiteral("%1 failed: %2")
                                     .arg(QString::fromLatin1(sql), QString::fromUtf8(message));
        sqlite3_free(message);
        qCWarning(lcStore).noquote() << text;
        return Error{Error::Kind::Storage, 0, {}, text, {}};
    }
    return {};
}

Result<void> SqliteEventStore::prepareInsert(Table &table)
{
    QStringList columns;
    for (const HuntingColumn &column : table.table->columns)
        columns.append(quotedIdentifier(column.name));
    columns.append(QStringLiteral("_vigil_ingested"));
    columns.append(QStringLiteral("_vigil_extra"));
    if (!table.deviceKey)
        columns.append(QStringLiteral("_vigil_rowkey"));
    QStringList marks(columns.size(), QStringLiteral("?"));
    table.insert = std::make_unique<SqliteStatement>();
    return m_db.prepareRaw(*table.insert,
                           QStringLiteral("INSERT OR IGNORE INTO %1 (%2) VALUES (%3)")
                                   .arg(quotedIdentifier(table.table->name), columns.join(u','),
                                        marks.join(u',')));
}

Result<bool> SqliteEventStore::insertRow(Table &table, const EventRow &row, qint64 ingested)
{
    if (!table.insert) {
        if (auto r = prepareInsert(table); !r)
            return r.error();
    }
    SqliteStatement &insert = *table.insert;
    int parameter = 1;
    for (const EventValue &value : row.values) {
        switch (value.kind) {
        case EventValue::Kind::Null:
            insert.bindNull(parameter);
            break;
        case EventValue::Kind::Integer:
            insert.bind(parameter, value.integer);
            break;
        case EventValue::Kind::Real:
            insert.bindReal(parameter, value.real);
            break;
        case EventValue::Kind::Text:
            insert.bindStatic(parameter, value.text);
            break;
        }
        ++parameter;
    }
    insert.bind(parameter++, ingested);
    if (row.extra.empty())
        insert.bindNull(parameter++);
    else
        insert.bindStatic(parameter++, row.extra);
    if (!table.deviceKey)
        insert.bind(parameter++, qint64(row.rowKey()));
    if (!insert.exec())
        return statementError(QStringLiteral("storing a %1 row failed").arg(table.table->name),
                              insert);
    return insert.changes() > 0;
}

Result<EventIngestResult> SqliteEventStore::ingest(const EventBatch &batch)
{
    if (auto w = m_db.checkWritable(); !w)
        return w.error();
    const HuntingTable *fallback = nullptr;
    if (!batch.table.isEmpty()) {
        const Table *named = findTable(batch.table);
        if (!named)
            return configError(unknownTable(batch.table));
        fallback = named->table;
    }
    if (batch.format == EventBatch::Format::Csv && !fallback)
        return configError(QStringLiteral("a CSV export names no table: give it with --table"));

    const qint64 now = ticksFromDateTime(m_clock->now());
    EventIngestResult result;
    std::optional<Error> failure;
    qint64 line = batch.firstLine;
    const auto reject = [&](const HuntingTable *table, const QString &reason) {
        ++result.rejectedCount;
        if (table) {
            if (Table *state = findTable(table->name))
                ++state->pendingRejected;
        }
        if (result.rejected.size() < EventIngestResult::maxKeptRejections)
            result.rejected.append({line, table ? table->name : QString(), reason});
    };
    const auto store = [&](const EventRow &row) {
        if (failure)
            return;
        Table &table = m_tables[size_t(row.tableIndex)];
        if (!table.settings.collect) {
            ++result.notCollected[table.table->name];
            return;
        }
        if (table.deviceKey
            && (row.values[size_t(table.timestampColumn)].kind == EventValue::Kind::Null
                || row.values[size_t(table.reportIdColumn)].kind == EventValue::Kind::Null)) {
            reject(table.table,
                   QStringLiteral("Timestamp and ReportId are required: with DeviceId they "
                                  "identify the event"));
            return;
        }
        m_pending.add(row);
    };

    for (Table &table : m_tables) {
        table.pendingInserted = 0;
        table.pendingRejected = 0;
    }
    m_pending.clear();
    if (auto begun = run("BEGIN IMMEDIATE"); !begun)
        return begun.error();

    const std::string_view data(batch.data.constData(), size_t(batch.data.size()));
    if (batch.format == EventBatch::Format::JsonLines) {
        for (qsizetype p = 0; p <= batch.head.size() && !failure; ++p) {
            const QByteArray &part = p < batch.head.size() ? batch.head.at(p) : batch.data;
            const std::string_view lines(part.constData(), size_t(part.size()));
            size_t start = 0;
            while (start < lines.size() && !failure) {
                size_t end = lines.find('\n', start);
                if (end == std::string_view::npos)
                    end = lines.size();
                std::string_view text = lines.substr(start, end - start);
                if (!text.empty() && text.back() == '\r')
                    text.remove_suffix(1);
                ++result.lines;
                // The rest of the part may be read past the line's end: no copy to parse.
                m_reader.readJsonLine(text, fallback, store, reject,
                                      lines.size() - (start + text.size()));
                start = end + 1;
                ++line;
            }
        }
    } else {
        qsizetype position = 0;
        QList<QByteArray> fields;
        qint64 next = line;
        while (!failure && CsvSplitter::next(data, &position, &fields, &next)) {
            ++result.lines;
            if (!(fields.size() == 1 && fields.first().isEmpty()))
                m_reader.readCsvRecord(*fallback, batch.csvHeader, fields, store, reject);
            line = next;
        }
    }

    if (!failure)
        failure = insertPending(now, result);
    if (!failure) {
        if (auto r = writeCounters(now); !r)
            failure = r.error();
    }
    if (!failure && batch.checkpoint) {
        if (auto r = writeCheckpoint(*batch.checkpoint, now); !r)
            failure = r.error();
    }
    if (!failure) {
        if (auto r = run("COMMIT"); !r)
            failure = r.error();
    }
    if (failure) {
        (void)run("ROLLBACK");
        return *failure;
    }
    for (const Table &table : m_tables) {
        if (table.pendingInserted > 0)
            result.inserted[table.table->name] = table.pendingInserted;
    }
    return result;
}

std::optional<Error> SqliteEventStore::insertPending(qint64 now, EventIngestResult &result)
{
    // In the order of the de-duplication key, each table's rows after another: consecutive
    // inserts then land on the same few index pages instead of all over the key index, which
    // cost a fifth of the insert time (docs/BENCHMARKS.md). Stable: of two rows with the same
    // key the first one read is kept, as when they were inserted in file order.
    std::vector<size_t> order(m_pending.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [this](size_t a, size_t b) {
        const int tableA = m_pending.tableIndex(a);
        const int tableB = m_pending.tableIndex(b);
        if (tableA != tableB)
            return tableA < tableB;
        const Table &table = m_tables[size_t(tableA)];
        if (!table.deviceKey)
            return false;
        for (const int column :
             {table.deviceIdColumn, table.timestampColumn, table.reportIdColumn}) {
            if (const int c = m_pending.compare(a, b, column); c != 0)
                return c < 0;
        }
        return false;
    });
    EventRow row;
    for (const size_t i : order) {
        m_pending.rowAt(i, row);
        Table &table = m_tables[size_t(row.tableIndex)];
        Result<bool> added = insertRow(table, row, now);
        if (!added)
            return added.error();
        if (added.value())
            ++table.pendingInserted;
        else
            ++result.duplicates;
    }
    m_pending.clear();
    return std::nullopt;
}

Result<void> SqliteEventStore::writeCounters(qint64 now)
{
    for (const Table &table : m_tables) {
        if (table.pendingInserted == 0 && table.pendingRejected == 0)
            continue;
        std::optional<QSqlQuery> q;
        if (auto r = m_db.prepare(q, QStringLiteral("UPDATE event_tables SET rejected = rejected "
                                                    "+ ?, last_ingest = CASE WHEN ? > 0 THEN ? "
                                                    "ELSE last_ingest END WHERE name = ?"));
            !r)
            return r;
        q->addBindValue(table.pendingRejected);
        q->addBindValue(table.pendingInserted);
        q->addBindValue(now);
        q->addBindValue(table.table->name);
        if (!q->exec())
            return storageError(
                    QStringLiteral("counting the rows of %1 failed").arg(table.table->name),
                    q->lastError());
    }
    return {};
}

Result<void> SqliteEventStore::writeCheckpoint(const EventCheckpoint &checkpoint, qint64 now)
{
    std::optional<QSqlQuery> q;
    if (auto r = m_db.prepare(q, QStringLiteral("INSERT OR REPLACE INTO event_checkpoints"
                                                " (source, container, blob, etag, \"offset\", "
                                                "updated, created) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        !r)
        return r;
    q->addBindValue(checkpoint.source);
    q->addBindValue(checkpoint.container.isNull() ? QStringLiteral("") : checkpoint.container);
    q->addBindValue(checkpoint.blob);
    q->addBindValue(checkpoint.etag.isNull() ? QStringLiteral("") : checkpoint.etag);
    q->addBindValue(checkpoint.offset);
    q->addBindValue(now);
    q->addBindValue(checkpoint.created.isValid() ? QVariant(ticksFromDateTime(checkpoint.created))
                                                 : QVariant(QMetaType::fromType<qint64>()));
    if (!q->exec())
        return storageError(
                QStringLiteral("writing the checkpoint of %1 failed").arg(checkpoint.blob),
                q->lastError());
    return {};
}

Result<std::optional<EventCheckpoint>> SqliteEventStore::checkpoint(const QString &container,
                                                                    const QString &blob,
                                                                    const QString &source)
{
    const QString box = container.isNull() ? QStringLiteral("") : container;
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT etag, \"offset\", updated, created FROM event_checkpoints"
                             " WHERE source = ? AND container = ? AND blob = ?"));
    q.addBindValue(source);
    q.addBindValue(box);
    q.addBindValue(blob);
    if (!q.exec())
        return storageError(QStringLiteral("reading the checkpoint of %1 failed").arg(blob),
                            q.lastError());
    if (!q.next())
        return std::optional<EventCheckpoint>();
    return std::optional<EventCheckpoint>(EventCheckpoint{
            source, box, blob, q.value(0).toString(), q.value(1).toLongLong(),
            dateTimeFromTicks(q.value(2).toLongLong()),
            q.value(3).isNull() ? QDateTime() : dateTimeFromTicks(q.value(3).toLongLong())});
}

Result<QList<EventCheckpoint>> SqliteEventStore::checkpoints(const QString &source)
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral(
            "SELECT source, container, blob, etag, \"offset\", updated, created FROM "
            "event_checkpoints WHERE ? = '' OR source = ?"
            " ORDER BY source, container, blob"));
    const QString wanted = source.isNull() ? QStringLiteral("") : source;
    q.addBindValue(wanted);
    q.addBindValue(wanted);
    if (!q.exec())
        return storageError(QStringLiteral("reading the checkpoints failed"), q.lastError());
    QList<EventCheckpoint> list;
    while (q.next()) {
        list.append(
                {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                 q.value(3).toString(), q.value(4).toLongLong(),
                 dateTimeFromTicks(q.value(5).toLongLong()),
                 q.value(6).isNull() ? QDateTime() : dateTimeFromTicks(q.value(6).toLongLong())});
    }
    return list;
}

Result<void> SqliteEventStore::removeCheckpoint(const QString &container, const QString &blob,
                                                const QString &source)
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("DELETE FROM event_checkpoints WHERE source = ? AND container = ? "
                             "AND blob = ?"));
    q.addBindValue(source);
    q.addBindValue(container);
    q.addBindValue(blob);
    if (!q.exec())
        return storageError(QStringLiteral("removing a checkpoint failed"), q.lastError());
    return {};
}

Result<QList<EventTableSettings>> SqliteEventStore::settings()
{
    QList<EventTableSettings> list;
    for (const Table &table : m_tables)
        list.append(table.settings);
    return list;
}

Result<void> SqliteEventStore::setCollect(const QString &name, bool collect)
{
    Table *table = findTable(name);
    if (!table)
        return configError(unknownTable(name));
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("UPDATE event_tables SET collect = ? WHERE name = ?"));
    q.addBindValue(collect ? 1 : 0);
    q.addBindValue(table->table->name);
    if (!q.exec())
        return storageError(QStringLiteral("saving the setting failed"), q.lastError());
    table->settings.collect = collect;
    return {};
}

Result<void> SqliteEventStore::setRetention(const QString &name, std::optional<int> days)
{
    Table *table = findTable(name);
    if (!table)
        return configError(unknownTable(name));
    if (days && (*days < 1 || *days > 36500))
        return configError(QStringLiteral("retention must be 1 to 36500 days, or unlimited"));
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("UPDATE event_tables SET retention_days = ? WHERE name = ?"));
    q.addBindValue(days ? QVariant(*days) : QVariant(QMetaType(QMetaType::Int)));
    q.addBindValue(table->table->name);
    if (!q.exec())
        return storageError(QStringLiteral("saving the retention failed"), q.lastError());
    table->settings.retentionDays = days;
    return {};
}

Result<qint64> SqliteEventStore::deleteBatch(const Table &table, std::optional<qint64> cutoff,
                                             int maxRows)
{
    const QString name = quotedIdentifier(table.table->name);
    const QString sql
            = cutoff ? QStringLiteral("DELETE FROM %1 WHERE rowid IN (SELECT rowid FROM %1 WHERE "
                                      "_vigil_ingested < ? ORDER BY _vigil_ingested LIMIT ?)")
                               .arg(name)
                     : QStringLiteral(
                               "DELETE FROM %1 WHERE rowid IN (SELECT rowid FROM %1 LIMIT ?)")
                               .arg(name);
    SqliteStatement statement;
    if (auto r = m_db.prepareRaw(statement, sql); !r)
        return r.error();
    int parameter = 1;
    if (cutoff)
        statement.bind(parameter++, *cutoff);
    statement.bind(parameter, qint64(maxRows));
    m_pending.clear();
    if (auto begun = run("BEGIN IMMEDIATE"); !begun)
        return begun.error();
    if (!statement.exec()) {
        Error error = statementError(
                QStringLiteral("deleting rows of %1 failed").arg(table.table->name), statement);
        (void)run("ROLLBACK");
        return error;
    }
    const qint64 deleted = statement.changes();
    if (auto committed = run("COMMIT"); !committed) {
        (void)run("ROLLBACK");
        return committed.error();
    }
    return deleted;
}

Result<qint64> SqliteEventStore::clearTable(const QString &name)
{
    Table *table = findTable(name);
    if (!table)
        return configError(unknownTable(name));
    qint64 total = 0;
    for (;;) {
        Result<qint64> deleted = deleteBatch(*table, std::nullopt, 5000);
        if (!deleted)
            return deleted.error();
        total += deleted.value();
        if (deleted.value() == 0)
            return total;
    }
}

Result<RetentionStep> SqliteEventStore::retentionStep(int maxRows)
{
    if (auto w = m_db.checkWritable(); !w)
        return w.error();
    const qint64 now = ticksFromDateTime(m_clock->now());
    RetentionStep step;
    for (size_t tried = 0; tried < m_tables.size(); ++tried) {
        const Table &table = m_tables[m_retentionCursor];
        if (table.settings.retentionDays) {
            const qint64 cutoff = now - qint64(*table.settings.retentionDays) * kTicksPerDay;
            QElapsedTimer timer;
            timer.start();
            Result<qint64> deleted = deleteBatch(table, cutoff, maxRows);
            if (!deleted)
                return deleted.error();
            if (deleted.value() > 0) {
                step.table = table.table->name;
                step.deleted = deleted.value();
                step.elapsedMs = timer.elapsed();
                step.more = true; // this table may hold more, or the next one
                if (deleted.value() < maxRows)
                    m_retentionCursor = (m_retentionCursor + 1) % m_tables.size();
                return step;
            }
        }
        m_retentionCursor = (m_retentionCursor + 1) % m_tables.size();
    }
    return step;
}

Result<void> SqliteEventStore::vacuum(int maxPages)
{
    SqliteStatement statement;
    if (auto r
        = m_db.prepareRaw(statement, QStringLiteral("PRAGMA incremental_vacuum(%1)").arg(maxPages));
        !r)
        return r;
    if (!statement.exec())
        return statementError(QStringLiteral("giving free space back failed"), statement);
    return {};
}

Result<qint64> SqliteEventStore::tableBytes(const QString &table)
{
    // dbstat (built into Debian's SQLite) counts the pages of each B-tree; asked one B-tree at a
    // time it reads only that tree's pages, not the whole file.
    QSqlQuery names(m_db.db());
    names.prepare(QStringLiteral("SELECT name FROM sqlite_schema WHERE tbl_name = ? AND type IN "
                                 "('table', 'index')"));
    names.addBindValue(table);
    if (!names.exec())
        return storageError(QStringLiteral("listing the B-trees of %1 failed").arg(table),
                            names.lastError());
    QStringList trees;
    while (names.next())
        trees.append(names.value(0).toString());
    qint64 bytes = 0;
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT SUM(pgsize) FROM dbstat WHERE name = ? AND aggregate = 1"));
    for (const QString &tree : trees) {
        q.addBindValue(tree);
        if (!q.exec())
            return storageError(QStringLiteral("measuring %1 failed").arg(table), q.lastError());
        if (q.next())
            bytes += q.value(0).toLongLong();
    }
    return bytes;
}

Result<QList<EventTableStats>> SqliteEventStore::tableStats(const QString &only)
{
    if (!only.isEmpty() && !findTable(only))
        return configError(unknownTable(only));
    QList<EventTableStats> list;
    for (const Table &table : m_tables) {
        if (!only.isEmpty() && table.table != findTable(only)->table)
            continue;
        EventTableStats stats;
        stats.settings = table.settings;
        Result<qint64> bytes = tableBytes(table.table->name);
        if (!bytes)
            return bytes.error();
        stats.bytes = bytes.value();
        const QString name = quotedIdentifier(table.table->name);
        const QString span = table.timestampColumn >= 0
                                     ? QStringLiteral("MIN(\"Timestamp\"), MAX(\"Timestamp\")")
                                     : QStringLiteral("NULL, NULL");
        QSqlQuery q(m_db.db());
        if (!q.exec(QStringLiteral("SELECT COUNT(*), %1 FROM %2").arg(span, name)) || !q.next())
            return storageError(QStringLiteral("counting %1 failed").arg(table.table->name),
                                q.lastError());
        stats.rows = q.value(0).toLongLong();
        if (!q.value(1).isNull())
            stats.oldestTicks = q.value(1).toLongLong();
        if (!q.value(2).isNull())
            stats.newestTicks = q.value(2).toLongLong();
        q.prepare(QStringLiteral("SELECT rejected, last_ingest FROM event_tables WHERE name = ?"));
        q.addBindValue(table.table->name);
        if (!q.exec() || !q.next())
            return storageError(
                    QStringLiteral("reading the counters of %1 failed").arg(table.table->name),
                    q.lastError());
        stats.rejected = q.value(0).toLongLong();
        if (!q.value(1).isNull())
            stats.lastIngestTicks = q.value(1).toLongLong();
        list.append(stats);
    }
    return list;
}

Result<EventVolumeEstimate> SqliteEventStore::estimate(const QString &name)
{
    Result<QList<EventTableStats>> stats = tableStats(name);
    if (!stats)
        return stats.error();
    return EventVolumeEstimate::from(stats.value().first());
}

int SqliteEventStore::latestSchemaVersion() const
{
    return int(eventMigrations().size());
}

int SqliteEventStore::schemaVersion() const
{
    return m_db.schemaVersion();
}

QString SqliteEventStore::journalMode() const
{
    return m_db.journalMode();
}

QString SqliteEventStore::path() const
{
    return m_db.path();
}

} // namespace Vigil
