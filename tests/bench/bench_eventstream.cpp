// bench_eventstream: hunting events streamed from a real Azurite (docs/BENCHMARKS.md).
//
//   bench_eventstream [--events N] [--blobs B] [--block-records R] [--rounds K] [--dir PATH]
//
// N DeviceProcessEvents records (the ones bench_eventingest writes, about 3 KB per line) are
// uploaded to Azurite the way the Defender streaming API writes them: B append blobs under
// hour folders of insights-logs-advancedhunting-deviceprocessevents, each grown by Append
// Block calls of R records. Then one pass reads them the way `vigilctl events pull --once`
// does (BlobStreamReader on this thread, EventServiceSink, EventService's writer thread, one
// transaction per read window with its blob checkpoint) and the figures are Vigil's events
// per second by wall time and by the CPU time of this process (Azurite runs in its own). In the
// same run the bare baseline inserts the same rows, already converted, with one prepared INSERT
// into the same schema under the same PRAGMAs, with as many rows per transaction. K rounds of
// both (default 5), alternately, each into a new file; the median ratio is the figure.
#include "azurite.h"
#include "benchoptions.h"
#include "blobstreamreader.h"
#include "eventbenchsupport.h"
#include "eventservice.h"
#include "eventservicesink.h"
#include "storageconnection.h"
#include "syncconfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>

using namespace Vigil;
using namespace Vigil::Bench;

namespace {

struct Figures
{
    qint64 rows = 0;
    qint64 ns = 0;
    qint64 cpuNs = 0;
    size_t perTransaction = 0;
};

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
    if (!checkOptions(args, {"--events", "--blobs", "--block-records", "--rounds", "--dir"},
                      "[--events N] [--blobs N] [--block-records N] [--rounds N] [--dir DIR]"))
        return 2;
    const qint64 events = std::max<qint64>(1, argument(args, QStringLiteral("--events"), 50000));
    const qint64 blobs = std::max<qint64>(1, argument(args, QStringLiteral("--blobs"), 10));
    const qint64 blockRecords
            = std::max<qint64>(1, argument(args, QStringLiteral("--block-records"), 1000));
    const qint64 rounds = std::max<qint64>(1, argument(args, QStringLiteral("--rounds"), 5));
    QTemporaryDir temporary;
    const qsizetype dirAt = args.indexOf(QStringLiteral("--dir"));
    QDir dir(dirAt >= 0 && dirAt + 1 < args.size() ? args.at(dirAt + 1) : temporary.path());
    dir.mkpath(QStringLiteral("."));
    out() << "bench_eventstream on " << QSysInfo::prettyProductName() << ", "
          << QSysInfo::currentCpuArchitecture() << ", SQLite " << sqlite3_libversion() << "\n";

    if (Test::Azurite::executable().isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(Test::Azurite::missingAdvice()));
        return 1;
    }
    Test::Azurite azurite;
    if (!azurite.start()) {
        std::fprintf(stderr, "Azurite did not start: %s\n", qPrintable(azurite.lastError()));
        return 1;
    }
    const QString table = QStringLiteral("DeviceProcessEvents");
    const QString container = BlobStreamReader::containerFor(table);
    if (!azurite.createContainer(container)) {
        std::fprintf(stderr, "%s\n", qPrintable(azurite.lastError()));
        return 1;
    }

    // Upload: blob b holds records b, b + B, b + 2B, ...: each blob is one hour of all devices.
    QByteArray all;
    QElapsedTimer uploadTimer;
    uploadTimer.start();
    for (qint64 b = 0; b < blobs; ++b) {
        const QString blob = QStringLiteral("tenantId=4a1f7c3e-0d2b-4c8e-9f61-3b5e8a2d7c90/"
                                            "y=2024/m=03/d=10/h=%1/m=00/PT1H.json")
                                     .arg(b, 2, 10, QLatin1Char('0'));
        if (!azurite.createAppendBlob(container, blob)) {
            std::fprintf(stderr, "%s\n", qPrintable(azurite.lastError()));
            return 1;
        }
        QByteArray block;
        qint64 inBlock = 0;
        for (qint64 i = b; i < events; i += blobs) {
            const QByteArray line = processRecord(i) + '\n';
            block += line;
            all += line;
            if (++inBlock == blockRecords || i + blobs >= events) {
                if (!azurite.appendBlock(container, blob, block)) {
                    std::fprintf(stderr, "%s\n", qPrintable(azurite.lastError()));
                    return 1;
                }
                block.clear();
                inBlock = 0;
            }
        }
    }
    out() << "uploaded " << events << " records (" << all.size() / events
          << " bytes per JSON line) in " << blobs << " append blobs, blocks of " << blockRecords
          << " records, in " << uploadTimer.elapsed() / 1000 << " s\n";

    // Vigil: one pass of the blob reader into a new event store, as `events pull --once`.
    const QString storePath = dir.filePath(QStringLiteral("events.sqlite"));
    qint64 windowBytes = 0;
    const auto vigilPass = [&](Figures &figures) -> bool {
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(storePath + suffix);
        EventService service(storePath);
        QEventLoop loop;
        std::optional<Error> openError;
        QObject::connect(&service, &EventService::opened, &loop,
                         [&](const std::optional<Error> &error) {
                             openError = error;
                             loop.exit();
                         });
        service.start();
        loop.exec();
        if (openError) {
            std::fprintf(stderr, "the event store did not open: %s\n",
                         qPrintable(openError->message));
            return false;
        }
        QNetworkAccessManager network;
        EventServiceSink sink(&service);
        const SyncConfig config;
        std::unique_ptr<BlobStreamReader> reader
                = createBlobStreamReader(&network, azurite.keyAccount(), &sink, config);
        BlobStreamOptions options = blobStreamOptionsFor(config);
        options.tables = {table};
        reader->setOptions(options);
        windowBytes = options.readWindowBytes;
        BlobReadSummary summary;
        QObject::connect(reader.get(), &BlobStreamReader::finished, &loop,
                         [&](const BlobReadSummary &done) {
                             summary = done;
                             loop.exit();
                         });
        QElapsedTimer timer;
        timer.start();
        const qint64 cpuStart = cpuNs();
        reader->start();
        loop.exec();
        figures.ns = timer.nsecsElapsed();
        figures.cpuNs = cpuNs() - cpuStart;
        if (summary.error) {
            std::fprintf(stderr, "the pass failed: %s\n", qPrintable(summary.error->message));
            return false;
        }
        figures.rows = sink.totals().ingested.totalInserted();
        if (figures.rows != events) {
            std::fprintf(stderr, "stored %lld rows of %lld\n", static_cast<long long>(figures.rows),
                         static_cast<long long>(events));
            return false;
        }
        return true;
    };

    // The bare baseline: the same rows, as many per transaction as one read window holds.
    const std::vector<std::vector<Owned>> rows = ownedRows(all);
    const auto barePass = [&](Figures &figures) {
        const size_t perTransaction = size_t(
                std::max<qint64>(1, windowBytes / std::max<qint64>(1, all.size() / events)));
        Bare bare(dir.filePath(QStringLiteral("bare.sqlite")), true);
        QElapsedTimer timer;
        timer.start();
        const qint64 cpuStart = cpuNs();
        bare.insert(rows, perTransaction, 0, 0);
        figures.ns = timer.nsecsElapsed();
        figures.cpuNs = cpuNs() - cpuStart;
        figures.rows = qint64(rows.size());
        figures.perTransaction = perTransaction;
    };

    // Rounds of both, one after the other: on a shared machine one pair says little, the
    // median of the rounds' ratios more.
    QList<double> cpuRatios;
    QList<double> wallRatios;
    for (qint64 round = 1; round <= rounds; ++round) {
        Figures vigil;
        if (!vigilPass(vigil))
            return 1;
        Figures bare;
        barePass(bare);
        cpuRatios.append(double(bare.cpuNs) / double(vigil.cpuNs));
        wallRatios.append(double(bare.ns) / double(vigil.ns));
        out() << "round " << round << ": Vigil pull from Azurite: " << vigil.rows << " rows in "
              << vigil.ns / 1000000 << " ms = " << qint64(perSecond(vigil.rows, vigil.ns))
              << " events/s wall, " << qint64(perSecond(vigil.rows, vigil.cpuNs))
              << " events/s of this process's CPU time (reader, HTTP, parsing, SQLite); "
              << "bare prepared INSERT (" << bare.perTransaction
              << " rows per transaction): " << qint64(perSecond(bare.rows, bare.ns))
              << " events/s wall, " << qint64(perSecond(bare.rows, bare.cpuNs))
              << " events/s of CPU time; "
              << "Vigil / bare " << QString::number(100.0 * wallRatios.last(), 'f', 1)
              << " % (wall), " << QString::number(100.0 * cpuRatios.last(), 'f', 1) << " % (CPU)\n";
    }
    out() << "Vigil / bare, median of " << rounds
          << " rounds: " << QString::number(100.0 * median(wallRatios), 'f', 1) << " % (wall), "
          << QString::number(100.0 * median(cpuRatios), 'f', 1) << " % (CPU)\n";
    out().flush();
    return 0;
}
