// bench_eventingest: the hunting event store's ingest, size and retention (docs/BENCHMARKS.md).
//
//   bench_eventingest [--events N] [--retention-rows N] [--rounds K] [--dir PATH] [--explore]
//
// --events 0 runs the retention pass only; --retention-rows 0 leaves it out. --explore also runs
// the bare insert under other storage settings, one change at a time (page size, insert order,
// rows per transaction, checkpoint interval, cache, fewer indexes).
// 1. Ingest: N DeviceProcessEvents records (every column filled, about 1 KB each) as streaming
//    JSON lines in a file, imported through the real path (EventFileReader batches into
//    EventStore::ingest, one transaction per batch); in the same run a bare baseline inserts
//    the same rows, already converted, with one prepared INSERT into the same schema with the
//    same PRAGMAs and the same rows per transaction. Prints events/s of both and the ratio, for
//    K rounds of both (default 5), alternately, each into a new file; the median ratio is the
//    figure.
// 2. Size: bytes per stored event with the hunting indexes and without them, and one query of
//    each indexed shape with and without its index.
// 3. Retention: a table of --retention-rows rows ingested over 10 days, 7-day retention:
//    the whole pass, and the longest single write transaction.
#include "benchoptions.h"
#include "eventbenchsupport.h"
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

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <string>
#include <tuple>
#include <variant>
#include <vector>

using namespace Vigil;
using namespace Vigil::Bench;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    logAsTheProductDoes();
    const QStringList args = app.arguments();
    if (!checkOptions(args, {"--events", "--retention-rows", "--rounds", "--dir"},
                      "[--events N] [--retention-rows N] [--rounds N] [--dir DIR] [--explore]",
                      {"--explore"}))
        return 2;
    const qint64 events = argument(args, QStringLiteral("--events"), 200000);
    const qint64 rounds = std::max<qint64>(1, argument(args, QStringLiteral("--rounds"), 5));
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

        // 1a. Vigil: file -> EventFileReader -> EventStore::ingest, into a new store.
        const QString storePath = dir.filePath(QStringLiteral("events.sqlite"));
        size_t perTransaction = 0;
        const auto vigilPass = [&](qint64 &ns, qint64 &cpu) {
            for (const QString &suffix :
                 {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
                QFile::remove(storePath + suffix);
            auto store = std::move(openEventStore(storePath).value());
            EventFileReader reader;
            QElapsedTimer timer;
            timer.start();
            const qint64 cpuStart = cpuNs();
            reader.open(file, {});
            qint64 inserted = 0;
            qint64 batches = 0;
            for (;;) {
                auto batch = reader.next();
                if (!batch || !batch.value())
                    break;
                ++batches;
                auto result = store->ingest(*batch.value());
                inserted += result.value().totalInserted();
            }
            ns = timer.nsecsElapsed();
            cpu = cpuNs() - cpuStart;
            perTransaction = size_t(inserted / std::max<qint64>(1, batches));
            const auto stats
                    = store->tableStats(QStringLiteral("DeviceProcessEvents")).value().first();
            out() << "Vigil import: " << inserted << " rows in " << ns / 1000000
                  << " ms = " << qint64(perSecond(inserted, ns)) << " events/s wall, "
                  << qint64(perSecond(inserted, cpu)) << " events/s of CPU time (" << batches
                  << " transactions, ~" << perTransaction << " rows each); "
                  << stats.bytes / std::max<qint64>(1, stats.rows)
                  << " bytes per stored event with the indexes\n";
        };

        // 1b. Baseline: the same rows, converted beforehand, one prepared INSERT.
        std::vector<std::vector<Owned>> rows;
        {
            QFile f(file);
            f.open(QIODevice::ReadOnly);
            rows = ownedRows(f.readAll());
        }
        qint64 bytesWith = 0;
        qint64 bytesWithout = 0;
        const auto barePass = [&](qint64 &ns, qint64 &cpu) {
            const QString path = dir.filePath(QStringLiteral("bare.sqlite"));
            for (const QString &suffix :
                 {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
                QFile::remove(path + suffix);
            Bare bare(path, true);
            QElapsedTimer timer;
            timer.start();
            const qint64 cpuStart = cpuNs();
            bare.insert(rows, std::max<size_t>(perTransaction, 1), 0, now);
            ns = timer.nsecsElapsed();
            cpu = cpuNs() - cpuStart;
            bytesWith = bare.bytes();
            out() << "bare prepared INSERT: " << rows.size() << " rows in " << ns / 1000000
                  << " ms = " << qint64(perSecond(qint64(rows.size()), ns)) << " events/s wall, "
                  << qint64(perSecond(qint64(rows.size()), cpu)) << " events/s of CPU time\n";
        };

        // Rounds of both, one after the other: on a shared machine one pair says little, the
        // median of the rounds' ratios more.
        QList<double> cpuRatios;
        QList<double> wallRatios;
        for (qint64 round = 1; round <= rounds; ++round) {
            out() << "round " << round << ":\n";
            qint64 vigilNs = 0;
            qint64 vigilCpuNs = 0;
            vigilPass(vigilNs, vigilCpuNs);
            qint64 bareNs = 0;
            qint64 bareCpuNs = 0;
            barePass(bareNs, bareCpuNs);
            wallRatios.append(double(bareNs) / double(vigilNs));
            cpuRatios.append(double(bareCpuNs) / double(vigilCpuNs));
            out() << "Vigil / bare: " << QString::number(100.0 * wallRatios.last(), 'f', 1)
                  << " % (wall), " << QString::number(100.0 * cpuRatios.last(), 'f', 1)
                  << " % (CPU)\n";
        }
        out() << "Vigil / bare, median of " << rounds
              << " rounds: " << QString::number(100.0 * median(wallRatios), 'f', 1) << " % (wall), "
              << QString::number(100.0 * median(cpuRatios), 'f', 1) << " % (CPU)\n";
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
        if (args.contains(QStringLiteral("--explore"))) {
            // Storage settings against the same rows: what raises the ceiling of a bare insert.
            const size_t batch = std::max<size_t>(perTransaction, 1);
            struct Variant
            {
                BareSettings settings;
                size_t perTransaction;
                bool indexes;
            };
            const auto with = [](QString label, auto change) {
                BareSettings settings;
                settings.label = std::move(label);
                change(settings);
                return settings;
            };
            const auto same = [](BareSettings &) {};
            const QList<Variant> variants = {
                    {with(QStringLiteral("as the event store"), same), batch, true},
                    {with(QStringLiteral("rows in file order"),
                          [](BareSettings &s) { s.sortByKey = false; }),
                     batch, true},
                    {with(QStringLiteral("autocheckpoint 16384 pages"),
                          [](BareSettings &s) { s.autocheckpointPages = 16384; }),
                     batch, true},
                    {with(QStringLiteral("a quarter of the rows per transaction"), same),
                     std::max<size_t>(1, batch / 4), true},
                    {with(QStringLiteral("all three as before"),
                          [](BareSettings &s) {
                              s.firstPragmas[0] = QStringLiteral("PRAGMA page_size=4096");
                              s.sortByKey = false;
                          }),
                     std::max<size_t>(1, batch / 4), true},
                    {with(QStringLiteral("page 4096 (as before)"),
                          [](BareSettings &s) {
                              s.firstPragmas[0] = QStringLiteral("PRAGMA page_size=4096");
                          }),
                     batch, true},
                    {with(QStringLiteral("cache 256 MiB"),
                          [](BareSettings &s) { s.cacheKiB = 262144; }),
                     batch, true},
                    {with(QStringLiteral("4x rows per transaction"), same), batch * 4, true},
                    {with(QStringLiteral("without SHA1, SHA256"),
                          [](BareSettings &s) {
                              s.skipIndexes = {QStringLiteral("SHA1"), QStringLiteral("SHA256")};
                          }),
                     batch, true},
                    {with(QStringLiteral("no search index (key, ingested only)"), same), batch,
                     false},
            };
            for (const Variant &variant : variants) {
                Bare bare(dir.filePath(QStringLiteral("explore.sqlite")), variant.indexes, true,
                          variant.settings);
                QElapsedTimer timer;
                timer.start();
                const qint64 cpuStart = cpuNs();
                bare.insert(rows, variant.perTransaction, 0, now);
                const qint64 ns = timer.nsecsElapsed();
                const qint64 cpu = cpuNs() - cpuStart;
                out() << "explore " << variant.settings.label << ": "
                      << qint64(perSecond(qint64(rows.size()), ns)) << " events/s wall, "
                      << qint64(perSecond(qint64(rows.size()), cpu)) << " events/s CPU, "
                      << bare.bytes() / events << " bytes per event\n";
                out().flush();
            }
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
