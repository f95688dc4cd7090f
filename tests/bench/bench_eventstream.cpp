// bench_eventstream: hunting events streamed from a real Azurite (docs/BENCHMARKS.md).
//
//   bench_eventstream [--events N] [--blobs B] [--block-records R] [--dir PATH]
//
// N DeviceProcessEvents records (the ones bench_eventingest writes, about 3 KB per line) are
// uploaded to Azurite the way the Defender streaming API writes them: B append blobs under
// hour folders of insights-logs-advancedhunting-deviceprocessevents, each grown by Append
// Block calls of R records. Then one pass reads them the way `vigilctl events pull --once`
// does (BlobStreamReader on this thread, EventServiceSink, EventService's writer thread, one
// transaction per read window with its blob checkpoint) and the figures are Vigil's events
// per second by wall time and by the CPU time of this process (Azurite runs in its own). In the
// same run the bare baseline inserts the same rows, already converted, with one prepared INSERT
// into the same schema under the same PRAGMAs, with as many rows per transaction.
#include "azurite.h"
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
    const QStringList args = app.arguments();
    const qint64 events = std::max<qint64>(1, argument(args, QStringLiteral("--events"), 50000));
    const qint64 blobs = std::max<qint64>(1, argument(args, QStringLiteral("--blobs"), 10));
    const qint64 blockRecords
            = std::max<qint64>(1, argument(args, QStringLiteral("--block-records"), 1000));
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

    // Vigil: one pass of the blob reader into the event service, as `events pull --once`.
    const QString storePath = dir.filePath(QStringLiteral("events.sqlite"));
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(storePath + suffix);
    qint64 inserted = 0;
    qint64 vigilNs = 0;
    qint64 vigilCpuNs = 0;
    qint64 windowBytes = 0;
    {
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
            return 1;
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
        vigilNs = timer.nsecsElapsed();
        vigilCpuNs = cpuNs() - cpuStart;
        if (summary.error) {
            std::fprintf(stderr, "the pass failed: %s\n", qPrintable(summary.error->message));
            return 1;
        }
        inserted = sink.totals().ingested.totalInserted();
        out() << "Vigil pull from Azurite: " << inserted << " rows in " << vigilNs / 1000000
              << " ms = " << qint64(perSecond(inserted, vigilNs)) << " events/s wall, "
              << qint64(perSecond(inserted, vigilCpuNs))
              << " events/s of this process's CPU time (reader, HTTP, parsing, SQLite)\n";
    }
    if (inserted != events) {
        std::fprintf(stderr, "stored %lld rows of %lld\n", static_cast<long long>(inserted),
                     static_cast<long long>(events));
        return 1;
    }

    // The bare baseline: the same rows, as many per transaction as one read window holds.
    const size_t perTransaction
            = size_t(std::max<qint64>(1, windowBytes / std::max<qint64>(1, all.size() / events)));
    const std::vector<std::vector<Owned>> rows = ownedRows(all);
    Bare bare(dir.filePath(QStringLiteral("bare.sqlite")), true);
    QElapsedTimer timer;
    timer.start();
    const qint64 cpuStart = cpuNs();
    bare.insert(rows, perTransaction, 0, 0);
    const qint64 bareNs = timer.nsecsElapsed();
    const qint64 bareCpuNs = cpuNs() - cpuStart;
    out() << "bare prepared INSERT: " << rows.size() << " rows (" << perTransaction
          << " per transaction) in " << bareNs / 1000000
          << " ms = " << qint64(perSecond(qint64(rows.size()), bareNs)) << " events/s wall, "
          << qint64(perSecond(qint64(rows.size()), bareCpuNs)) << " events/s of CPU time\n";
    out() << "Vigil / bare: " << QString::number(100.0 * double(bareNs) / double(vigilNs), 'f', 1)
          << " % (wall), "
          << QString::number(100.0 * double(bareCpuNs) / double(vigilCpuNs), 'f', 1)
          << " % (CPU)\n";
    out().flush();
    return 0;
}
