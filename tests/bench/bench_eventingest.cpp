// bench_eventingest: the hunting event store's ingest, size and retention (docs/BENCHMARKS.md).
//
//   bench_eventingest [--events N] [--retention-rows N] [--dir PATH]
//
// --events 0 runs the retention pass only; --retention-rows 0 leaves it out.
// 1. Ingest: N DeviceProcessEvents records (every column filled, about 1 KB each) as streaming
//    JSON lines in a file, imported through the real path (EventFileReader batches into
//    EventStore::ingest, one transaction per batch); in the same run a bare baseline inserts
//    the same rows, already converted, with one prepared INSERT into the same schema with the
//    same PRAGMAs and the same rows per transaction. Prints events/s of both and the ratio.
// 2. Size: bytes per stored event with the hunting indexes and without them, and one query of
//    each indexed shape with and without its index.
// 3. Retention: a table of --retention-rows rows ingested over 10 days, 7-day retention:
//    the whole pass, and the longest single write transaction.
#include "eventfilereader.h"
#include "eventrecord.h"
#include "eventrecordreader.h"
#include "eventstore.h"
#include "sqlite/eventmigrations.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTextStream>

#include <sqlite3.h>

#include <cstdio>
#include <ctime>
#include <string>
#include <variant>
#include <vector>

using namespace Vigil;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

/** Hex digits that look like a hash of (i, salt): every value distinct, no shared prefix. */
QByteArray hexHash(qint64 i, quint64 salt, int length)
{
    QByteArray hex;
    quint64 x = quint64(i) * 0x9E3779B97F4A7C15ULL + salt;
    while (hex.size() < length) {
        x ^= x >> 31;
        x *= 0xBF58476D1CE4E5B9ULL;
        x ^= x >> 29;
        hex += QByteArray::number(x | (1ULL << 60), 16);
    }
    return hex.left(length);
}

/** A realistic DeviceProcessEvents record: every column filled, about 1 KB as a JSON line. */
QByteArray processRecord(qint64 i)
{
    const QByteArray n = QByteArray::number(i);
    // One in 20 processes is a different binary: hashes repeat as they do on real devices.
    const QByteArray hash1 = hexHash(i % 5000, 1, 40);
    const QByteArray hash256 = hexHash(i % 5000, 2, 64);
    const QByteArray md5 = hexHash(i % 5000, 3, 32);
    const QByteArray time = "2024-03-"
                            + QByteArray::number(10 + (i / 864000) % 18).rightJustified(2, '0')
                            + "T" + QByteArray::number((i / 36000) % 24).rightJustified(2, '0')
                            + ":" + QByteArray::number((i / 600) % 60).rightJustified(2, '0') + ":"
                            + QByteArray::number((i / 10) % 60).rightJustified(2, '0') + "."
                            + QByteArray::number(i % 10000000).rightJustified(7, '0') + "Z";
    const QByteArray device = "dev" + QByteArray::number(i % 500);
    const QByteArray user = "user" + QByteArray::number(i % 300);
    QByteArray p;
    p.reserve(1400);
    p += "{\"time\":\"" + time
         + "\",\"tenantId\":\"4a1f7c3e-0d2b-4c8e-9f61-3b5e8a2d7c90\","
           "\"operationName\":\"Publish\",\"category\":\"AdvancedHunting-DeviceProcessEvents\","
           "\"properties\":{";
    p += "\"Timestamp\":\"" + time + "\",\"DeviceId\":\"" + device.rightJustified(40, '0')
         + "\",\"DeviceName\":\"" + device
         + ".corp.contoso.com\",\"ActionType\":"
           "\"ProcessCreated\",\"FileName\":\"powershell.exe\",\"FolderPath\":"
           "\"C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe\","
           "\"SHA1\":\""
         + hash1 + "\",\"SHA256\":\"" + hash256 + "\",\"MD5\":\"" + md5
         + "\",\"FileSize\":450560,\"ProcessVersionInfoCompanyName\":\"Microsoft "
           "Corporation\",\"ProcessVersionInfoProductName\":\"Microsoft Windows Operating "
           "System\",\"ProcessVersionInfoProductVersion\":\"10.0.19041.546\","
           "\"ProcessVersionInfoInternalFileName\":\"POWERSHELL\","
           "\"ProcessVersionInfoOriginalFileName\":\"PowerShell.EXE.MUI\","
           "\"ProcessVersionInfoFileDescription\":\"Windows PowerShell\",\"ProcessId\":"
         + QByteArray::number(1000 + i % 60000)
         + ",\"ProcessCommandLine\":\"powershell.exe -NoProfile -ExecutionPolicy Bypass -File "
           "C:\\\\ProgramData\\\\task"
         + n
         + ".ps1\",\"ProcessIntegrityLevel\":\"High\",\"ProcessTokenElevation\":"
           "\"TokenElevationTypeFull\",\"ProcessCreationTime\":\""
         + time + "\",\"AccountDomain\":\"contoso\",\"AccountName\":\"" + user
         + "\",\"AccountSid\":\"S-1-5-21-1004336348-1177238915-682003330-" + n
         + "\",\"AccountUpn\":\"" + user
         + "@contoso.com\",\"AccountObjectId\":"
           "\"7d3c1a2b-5e6f-4a8b-9c0d-1e2f3a4b5c6d\",\"LogonId\":"
         + QByteArray::number(999000 + i % 1000)
         + ",\"InitiatingProcessAccountDomain\":\"nt authority\","
           "\"InitiatingProcessAccountName\":\"system\",\"InitiatingProcessAccountSid\":"
           "\"S-1-5-18\",\"InitiatingProcessAccountUpn\":\"\",\"InitiatingProcessAccountObjectId\":"
           "\"\",\"InitiatingProcessLogonId\":999,\"InitiatingProcessIntegrityLevel\":\"System\","
           "\"InitiatingProcessTokenElevation\":\"TokenElevationTypeDefault\","
           "\"InitiatingProcessSHA1\":\""
         + hash1.left(20) + hash1.right(20) + "\",\"InitiatingProcessSHA256\":\"" + hash256
         + "\",\"InitiatingProcessMD5\":\"" + md5
         + "\",\"InitiatingProcessFileName\":\"svchost.exe\",\"InitiatingProcessFileSize\":"
           "55320,\"InitiatingProcessVersionInfoCompanyName\":\"Microsoft Corporation\","
           "\"InitiatingProcessVersionInfoProductName\":\"Microsoft Windows Operating System\","
           "\"InitiatingProcessVersionInfoProductVersion\":\"10.0.19041.1\","
           "\"InitiatingProcessVersionInfoInternalFileName\":\"svchost.exe\","
           "\"InitiatingProcessVersionInfoOriginalFileName\":\"svchost.exe\","
           "\"InitiatingProcessVersionInfoFileDescription\":\"Host Process for Windows "
           "Services\",\"InitiatingProcessId\":"
         + QByteArray::number(800 + i % 100)
         + ",\"InitiatingProcessCommandLine\":\"svchost.exe -k netsvcs -p -s Schedule\","
           "\"InitiatingProcessCreationTime\":\"2024-03-01T08:00:00.1234567Z\","
           "\"InitiatingProcessFolderPath\":\"c:\\\\windows\\\\system32\\\\svchost.exe\","
           "\"InitiatingProcessParentId\":712,\"InitiatingProcessParentFileName\":"
           "\"services.exe\",\"InitiatingProcessParentCreationTime\":"
           "\"2024-03-01T07:59:58.7654321Z\",\"InitiatingProcessSignerType\":\"OsVendor\","
           "\"InitiatingProcessSignatureStatus\":\"Valid\",\"ReportId\":"
         + n
         + ",\"AppGuardContainerId\":\"\",\"AdditionalFields\":\"{\\\"ProcessPosixSessionId\\\":"
           "0}\",\"InitiatingProcessSessionId\":0,\"IsInitiatingProcessRemoteSession\":false,"
           "\"InitiatingProcessRemoteSessionDeviceName\":\"\","
           "\"InitiatingProcessRemoteSessionIP\":\"\",\"CreatedProcessSessionId\":0,"
           "\"IsProcessRemoteSession\":false,\"ProcessRemoteSessionDeviceName\":\"\","
           "\"ProcessRemoteSessionIP\":\"\"}}";
    return p;
}

using Owned = std::variant<std::monostate, qint64, double, std::string>;

/** A bare SQLite database with the event tables' schema and Vigil's PRAGMAs. */
struct Bare
{
    sqlite3 *db = nullptr;
    explicit Bare(const QString &path, bool searchIndexes, bool create = true)
    {
        if (!create) {
            sqlite3_open(path.toUtf8().constData(), &db);
            return;
        }
        QFile::remove(path);
        sqlite3_open(path.toUtf8().constData(), &db);
        for (const char *pragma : {"PRAGMA auto_vacuum=INCREMENTAL", "PRAGMA page_size=16384",
                                   "PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL",
                                   "PRAGMA cache_size=-65536", "PRAGMA wal_autocheckpoint=4096",
                                   "PRAGMA mmap_size=268435456", "PRAGMA temp_store=MEMORY"})
            exec(pragma);
        const HuntingTable &table = *HuntingSchema::defender().table(u"DeviceProcessEvents");
        for (const QString &statement : eventTableStatements(table, searchIndexes))
            exec(statement.toUtf8().constData());
    }
    ~Bare() { sqlite3_close(db); }
    void exec(const char *sql) const
    {
        char *error = nullptr;
        if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
            std::fprintf(stderr, "%s: %s\n", sql, error);
            sqlite3_free(error);
        }
    }
    qint64 scalar(const QString &sql) const
    {
        sqlite3_stmt *s = nullptr;
        sqlite3_prepare_v2(db, sql.toUtf8().constData(), -1, &s, nullptr);
        const qint64 value = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
        sqlite3_finalize(s);
        return value;
    }
    qint64 bytes() const
    {
        return scalar(QStringLiteral("SELECT SUM(pgsize) FROM dbstat WHERE aggregate = 1 AND name "
                                     "IN (SELECT name FROM sqlite_schema WHERE tbl_name = "
                                     "'DeviceProcessEvents')"));
    }
    /** Inserts rows in transactions of perTransaction rows; the last column is _vigil_ingested. */
    void insert(const std::vector<std::vector<Owned>> &rows, size_t perTransaction,
                qint64 ingestedStep = 0, qint64 ingestedStart = 0) const
    {
        const HuntingTable &table = *HuntingSchema::defender().table(u"DeviceProcessEvents");
        QStringList columns, marks;
        for (const HuntingColumn &column : table.columns)
            columns.append(quotedIdentifier(column.name));
        columns << QStringLiteral("_vigil_ingested") << QStringLiteral("_vigil_extra");
        for (qsizetype i = 0; i < columns.size(); ++i)
            marks.append(QStringLiteral("?"));
        sqlite3_stmt *s = nullptr;
        sqlite3_prepare_v3(db,
                           QStringLiteral("INSERT OR IGNORE INTO \"DeviceProcessEvents\" (%1) "
                                          "VALUES (%2)")
                                   .arg(columns.join(u','), marks.join(u','))
                                   .toUtf8()
                                   .constData(),
                           -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr);
        for (size_t r = 0; r < rows.size(); ++r) {
            if (r % perTransaction == 0)
                exec("BEGIN IMMEDIATE");
            const std::vector<Owned> &row = rows[r];
            int p = 1;
            for (const Owned &value : row) {
                if (const auto *i = std::get_if<qint64>(&value))
                    sqlite3_bind_int64(s, p, *i);
                else if (const auto *d = std::get_if<double>(&value))
                    sqlite3_bind_double(s, p, *d);
                else if (const auto *t = std::get_if<std::string>(&value))
                    sqlite3_bind_text(s, p, t->data(), int(t->size()), SQLITE_STATIC);
                else
                    sqlite3_bind_null(s, p);
                ++p;
            }
            sqlite3_bind_int64(s, p++, ingestedStart + qint64(r) * ingestedStep);
            sqlite3_bind_null(s, p++);
            sqlite3_step(s);
            sqlite3_reset(s);
            if (r % perTransaction == perTransaction - 1 || r + 1 == rows.size())
                exec("COMMIT");
        }
        sqlite3_finalize(s);
    }
};

qint64 argument(const QStringList &args, const QString &name, qint64 fallback)
{
    const qsizetype i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args.at(i + 1).toLongLong() : fallback;
}

qint64 cpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

double perSecond(qint64 count, qint64 ns)
{
    return ns > 0 ? double(count) * 1e9 / double(ns) : 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 events = argument(args, QStringLiteral("--events"), 200000);
    const qint64 retentionRows = argument(args, QStringLiteral("--retention-rows"), 5000000);
    QTemporaryDir temporary;
    const QString dirArg = args.indexOf(QStringLiteral("--dir")) >= 0
                                   ? args.at(args.indexOf(QStringLiteral("--dir")) + 1)
                                   : temporary.path();
    QDir dir(dirArg);
    dir.mkpath(QStringLiteral("."));
    out() << "bench_eventingest on " << QSysInfo::prettyProductName() << ", "
          << QSysInfo::currentCpuArchitecture() << ", SQLite " << sqlite3_libversion() << "\n";

    const qint64 now = ticksFromDateTime(QDateTime::currentDateTimeUtc());
    // --events 0: the retention pass only.
    if (events > 0) {
        // The file.
        const QString file = dir.filePath(QStringLiteral("DeviceProcessEvents.json"));
        qint64 fileBytes = 0;
        {
            QFile f(file);
            f.open(QIODevice::WriteOnly);
            for (qint64 i = 0; i < events; ++i) {
                const QByteArray line = processRecord(i) + '\n';
                fileBytes += line.size();
                f.write(line);
            }
        }
        out() << "records: " << events << ", " << fileBytes / events << " bytes per JSON line\n";

        // 1a. Vigil: file -> EventFileReader -> EventStore::ingest.
        const QString storePath = dir.filePath(QStringLiteral("events.sqlite"));
        QFile::remove(storePath);
        qint64 vigilNs = 0;
        qint64 vigilCpuNs = 0;
        size_t perTransaction = 0;
        qint64 batches = 0;
        {
            auto store = std::move(openEventStore(storePath).value());
            EventFileReader reader;
            QElapsedTimer timer;
            timer.start();
            const qint64 cpuStart = cpuNs();
            reader.open(file, {});
            qint64 inserted = 0;
            for (;;) {
                auto batch = reader.next();
                if (!batch || !batch.value())
                    break;
                ++batches;
                auto result = store->ingest(*batch.value());
                inserted += result.value().totalInserted();
            }
            vigilNs = timer.nsecsElapsed();
            vigilCpuNs = cpuNs() - cpuStart;
            perTransaction = size_t(inserted / std::max<qint64>(1, batches));
            const auto stats
                    = store->tableStats(QStringLiteral("DeviceProcessEvents")).value().first();
            out() << "Vigil import: " << inserted << " rows in " << vigilNs / 1000000
                  << " ms = " << qint64(perSecond(inserted, vigilNs)) << " events/s wall, "
                  << qint64(perSecond(inserted, vigilCpuNs)) << " events/s of CPU time (" << batches
                  << " transactions, ~" << perTransaction << " rows each); "
                  << stats.bytes / std::max<qint64>(1, stats.rows)
                  << " bytes per stored event with the indexes\n";
        }

        // 1b. Baseline: the same rows, converted beforehand, one prepared INSERT.
        std::vector<std::vector<Owned>> rows;
        rows.reserve(size_t(events));
        {
            EventRecordReader reader;
            QFile f(file);
            f.open(QIODevice::ReadOnly);
            while (!f.atEnd()) {
                const QByteArray line = f.readLine().trimmed();
                reader.readJsonLine(
                        std::string_view(line.constData(), size_t(line.size())), nullptr,
                        [&rows](const EventRow &row) {
                            std::vector<Owned> owned;
                            owned.reserve(row.values.size());
                            for (const EventValue &v : row.values) {
                                switch (v.kind) {
                                case EventValue::Kind::Null:
                                    owned.emplace_back(std::monostate());
                                    break;
                                case EventValue::Kind::Integer:
                                    owned.emplace_back(v.integer);
                                    break;
                                case EventValue::Kind::Real:
                                    owned.emplace_back(v.real);
                                    break;
                                case EventValue::Kind::Text:
                                    owned.emplace_back(std::string(v.text));
                                    break;
                                }
                            }
                            rows.push_back(std::move(owned));
                        },
                        [](const HuntingTable *, const QString &) {});
            }
        }
        qint64 bareNs = 0;
        qint64 bytesWith = 0;
        qint64 bytesWithout = 0;
        {
            Bare bare(dir.filePath(QStringLiteral("bare.sqlite")), true);
            QElapsedTimer timer;
            timer.start();
            const qint64 cpuStart = cpuNs();
            bare.insert(rows, std::max<size_t>(perTransaction, 1), 0, now);
            bareNs = timer.nsecsElapsed();
            const qint64 bareCpuNs = cpuNs() - cpuStart;
            bytesWith = bare.bytes();
            out() << "bare prepared INSERT: " << rows.size() << " rows in " << bareNs / 1000000
                  << " ms = " << qint64(perSecond(qint64(rows.size()), bareNs))
                  << " events/s wall, " << qint64(perSecond(qint64(rows.size()), bareCpuNs))
                  << " events/s of CPU time\n";
            out() << "Vigil / bare: "
                  << QString::number(100.0 * double(bareNs) / double(vigilNs), 'f', 1)
                  << " % (wall), "
                  << QString::number(100.0 * double(bareCpuNs) / double(vigilCpuNs), 'f', 1)
                  << " % (CPU)\n";
        }
        {
            Bare plain(dir.filePath(QStringLiteral("plain.sqlite")), false);
            QElapsedTimer timer;
            timer.start();
            plain.insert(rows, std::max<size_t>(perTransaction, 1), 0, now);
            const qint64 ns = timer.nsecsElapsed();
            bytesWithout = plain.bytes();
            out() << "bare INSERT without the hunting indexes: "
                  << qint64(perSecond(qint64(rows.size()), ns)) << " events/s\n";
        }
        out() << "bytes per stored event: " << bytesWith / events << " with the indexes, "
              << bytesWithout / events << " without\n";

        // 2. Each index: its size, and one query of its shape with and without it.
        {
            const Bare with(dir.filePath(QStringLiteral("bare.sqlite")), true, false);
            const Bare without(dir.filePath(QStringLiteral("plain.sqlite")), false, false);
            struct Shape
            {
                const char *column;
                QString query;
            };
            const QList<Shape> shapes = {
                    {"Timestamp",
                     QStringLiteral(
                             "SELECT COUNT(*) FROM DeviceProcessEvents WHERE Timestamp >= %1 "
                             "AND Timestamp < %2")
                             .arg(*parseEventDateTime("2024-03-10T01:00:00Z"))
                             .arg(*parseEventDateTime("2024-03-10T01:10:00Z"))},
                    {"DeviceName",
                     QStringLiteral("SELECT COUNT(*) FROM DeviceProcessEvents WHERE DeviceName = "
                                    "'dev42.corp.contoso.com'")},
                    {"SHA256",
                     QStringLiteral("SELECT COUNT(*) FROM DeviceProcessEvents WHERE SHA256 = '%1'")
                             .arg(QString::fromLatin1(hexHash(77, 2, 64)))},
                    {"SHA1",
                     QStringLiteral("SELECT COUNT(*) FROM DeviceProcessEvents WHERE SHA1 = '%1'")
                             .arg(QString::fromLatin1(hexHash(77, 1, 40)))},
                    {"AccountName",
                     QStringLiteral("SELECT COUNT(*) FROM DeviceProcessEvents WHERE AccountName = "
                                    "'user17'")},
                    {"AccountUpn",
                     QStringLiteral("SELECT COUNT(*) FROM DeviceProcessEvents WHERE AccountUpn = "
                                    "'user17@contoso.com'")},
            };
            for (const Shape &shape : shapes) {
                const qint64 indexBytes = with.scalar(
                        QStringLiteral(
                                "SELECT SUM(pgsize) FROM dbstat WHERE aggregate = 1 AND name = "
                                "'DeviceProcessEvents__%1'")
                                .arg(QLatin1String(shape.column)));
                QElapsedTimer t;
                t.start();
                const qint64 found = with.scalar(shape.query);
                const qint64 indexedUs = t.nsecsElapsed() / 1000;
                t.restart();
                without.scalar(shape.query);
                const qint64 scanUs = t.nsecsElapsed() / 1000;
                out() << "index " << shape.column << ": " << indexBytes / events
                      << " bytes per event; query (" << found << " rows) " << indexedUs
                      << " µs with it, " << scanUs << " µs without\n";
            }
        }
    }

    // 3. Retention over a large table: rows ingested evenly over 10 days, 7 days kept.
    if (retentionRows > 0) {
        const QString path = dir.filePath(QStringLiteral("retention.sqlite"));
        QFile::remove(path);
        QFile::remove(path + QStringLiteral("-wal"));
        QFile::remove(path + QStringLiteral("-shm"));
        auto store = std::move(openEventStore(path).value());
        store->setRetention(QStringLiteral("DeviceProcessEvents"), 7);
        store.reset();
        QElapsedTimer fillTimer;
        fillTimer.start();
        {
            sqlite3 *db = nullptr;
            sqlite3_open(path.toUtf8().constData(), &db);
            sqlite3_exec(db, "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-262144", nullptr,
                         nullptr, nullptr);
            const HuntingTable &table = *HuntingSchema::defender().table(u"DeviceProcessEvents");
            QStringList columns, marks;
            for (const HuntingColumn &column : table.columns)
                columns.append(quotedIdentifier(column.name));
            columns << QStringLiteral("_vigil_ingested");
            for (qsizetype i = 0; i < columns.size(); ++i)
                marks.append(QStringLiteral("?"));
            sqlite3_stmt *s = nullptr;
            sqlite3_prepare_v2(
                    db,
                    QStringLiteral("INSERT INTO \"DeviceProcessEvents\" (%1) VALUES (%2)")
                            .arg(columns.join(u','), marks.join(u','))
                            .toUtf8()
                            .constData(),
                    -1, &s, nullptr);
            EventRecordReader reader;
            const qint64 start = now - 10 * kTicksPerDay;
            const qint64 step = 10 * kTicksPerDay / retentionRows;
            sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
            for (qint64 r = 0; r < retentionRows; ++r) {
                const QByteArray line = processRecord(r);
                reader.readJsonLine(
                        std::string_view(line.constData(), size_t(line.size())), nullptr,
                        [&](const EventRow &row) {
                            int p = 1;
                            for (const EventValue &v : row.values) {
                                if (v.kind == EventValue::Kind::Integer)
                                    sqlite3_bind_int64(s, p, v.integer);
                                else if (v.kind == EventValue::Kind::Text)
                                    sqlite3_bind_text(s, p, v.text.data() ? v.text.data() : "",
                                                      int(v.text.size()), SQLITE_TRANSIENT);
                                else
                                    sqlite3_bind_null(s, p);
                                ++p;
                            }
                            sqlite3_bind_int64(s, p, start + r * step);
                            sqlite3_step(s);
                            sqlite3_reset(s);
                        },
                        [](const HuntingTable *, const QString &) {});
                if (r % 50000 == 49999) {
                    sqlite3_exec(db, "COMMIT; BEGIN", nullptr, nullptr, nullptr);
                }
            }
            sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
            sqlite3_finalize(s);
            sqlite3_close(db);
        }
        out() << "retention table: " << retentionRows << " rows written in "
              << fillTimer.elapsed() / 1000 << " s, file "
              << QFileInfo(path).size() / (qint64(1024) * 1024) << " MiB\n";
        store = std::move(openEventStore(path).value());
        const EventRetentionSummary pass = runRetentionPass(*store);
        out() << "retention pass: " << pass.deleted << " of " << retentionRows
              << " rows deleted in " << pass.elapsedMs << " ms (incremental vacuum included), "
              << pass.steps << " write transactions, the longest " << pass.longestStepMs
              << " ms; file now " << QFileInfo(path).size() / (qint64(1024) * 1024) << " MiB\n";
    }
    out().flush();
    return 0;
}
