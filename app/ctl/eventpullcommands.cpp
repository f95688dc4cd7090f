// `events pull --once` and `events status`: what is new in the storage account the Defender
// streaming API writes to goes into the hunting tables; `sync --once` does the same when an
// account is connected.
#include "appoptions.h"
#include "blobstreamreader.h"
#include "ctlcommands.h"
#include "ctloutput.h"
#include "eventrecord.h"
#include "eventservice.h"
#include "eventservicesink.h"
#include "eventstore.h"
#include "secretstore.h"
#include "storageconnection.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcessEnvironment>
#include <QTimer>

namespace Vigil::Ctl {

namespace {

bool storageConfigured(const QString &dataDir, const QProcessEnvironment &environment)
{
    return StorageConnection::load(dataDir).isValid()
           || environment.contains(QLatin1String(kStorageUrlVariable));
}

/** Opens the event store on its writer thread; the error when it cannot be opened. */
std::optional<Error> openService(EventService &service)
{
    QEventLoop loop;
    std::optional<Error> failure;
    QObject::connect(&service, &EventService::opened, &loop,
                     [&](const std::optional<Error> &error) {
                         failure = error;
                         loop.exit();
                     });
    service.start();
    loop.exec();
    return failure;
}

} // namespace

int pullEventsOnce(const AppOptions &options, const QString &format, bool quietWhenNone,
                   const QProcessEnvironment &environment)
{
    const QString dataDir = options.dataDir();
    if (!storageConfigured(dataDir, environment)) {
        if (quietWhenNone)
            return Ok;
        return fail(QStringLiteral("No storage account is connected: connect the one the Defender "
                                   "streaming API writes to with 'vigilctl events connect "
                                   "--storage-url URL --sas-stdin', or set %1 and %2.")
                            .arg(QLatin1String(kStorageUrlVariable),
                                 QLatin1String(kStorageSasVariable)));
    }

    // The account and its secret (the keychain answers asynchronously).
    SecretStore secrets;
    QEventLoop loop;
    std::optional<Error> loadError;
    std::optional<StorageAccount> account;
    QTimer::singleShot(0, &secrets, [&] {
        loadStorageAccount(&secrets, dataDir, environment, &secrets,
                           [&](const Result<std::optional<StorageAccount>> &loaded) {
                               if (!loaded)
                                   loadError = loaded.error();
                               else
                                   account = loaded.value();
                               loop.exit();
                           });
    });
    loop.exec();
    if (loadError)
        return fail(QStringLiteral("events were not pulled: ") + loadError->message);
    if (!account)
        return quietWhenNone ? Ok : fail(QStringLiteral("No storage account is connected."));

    EventService service(eventStorePath(options.syncConfig().store));
    if (const std::optional<Error> error = openService(service))
        return fail(QStringLiteral("the hunting tables could not be opened: ") + describe(*error));

    // Only the tables being collected are read.
    QStringList tables;
    std::optional<Error> tablesError;
    QObject::connect(&service, &EventService::tablesLoaded, &loop,
                     [&](const EventTablesSnapshot &snapshot) {
                         tablesError = snapshot.error;
                         for (const EventTableStats &table : snapshot.tables) {
                             if (table.settings.collect)
                                 tables.append(table.settings.table);
                         }
                         loop.exit();
                     });
    service.requestTables();
    loop.exec();
    if (tablesError)
        return fail(QStringLiteral("the hunting tables could not be read: ")
                    + describe(*tablesError));
    if (tables.isEmpty()) {
        out() << "No hunting table is collected: turn one on with 'vigilctl tables collect TABLE "
                 "on'."
              << Qt::endl;
        return Ok;
    }

    // One run does not sit out a long throttle.
    SyncConfig config = options.syncConfig();
    config.maxRetryWaitSeconds = std::min(config.maxRetryWaitSeconds, 60);
    QNetworkAccessManager network;
    EventServiceSink sink(&service);
    std::unique_ptr<BlobStreamReader> reader
            = createBlobStreamReader(&network, *account, &sink, config);
    BlobStreamOptions readOptions = blobStreamOptionsFor(config);
    readOptions.tables = tables;
    reader->setOptions(readOptions);
    BlobReadSummary summary;
    QObject::connect(reader.get(), &BlobStreamReader::finished, &loop,
                     [&](const BlobReadSummary &done) {
                         summary = done;
                         loop.exit();
                     });
    reader->start();
    loop.exec();

    // What the pass did, per table, kept for `events status`.
    const EventPullTotals &totals = sink.totals();
    QList<TablePullRecord> records;
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    bool failed = summary.error.has_value();
    QJsonArray json;
    QList<QStringList> rows;
    QStringList notStreamed;
    for (const TableReadResult &table : std::as_const(summary.tables)) {
        failed = failed || table.state == TableReadResult::State::Failed;
        records.append({table.table, now, tableReadStateName(table.state),
                        table.error ? table.error->message : QString()});
        const qint64 inserted = totals.ingested.inserted.value(table.table);
        const qint64 duplicates = totals.duplicatesByTable.value(table.table);
        const qint64 rejected = totals.rejectedByTable.value(table.table);
        QJsonObject entry{{QStringLiteral("table"), table.table},
                          {QStringLiteral("state"), tableReadStateName(table.state)},
                          {QStringLiteral("rows"), inserted},
                          {QStringLiteral("duplicates"), duplicates},
                          {QStringLiteral("rejected"), rejected},
                          {QStringLiteral("blobsRead"), table.blobsRead},
                          {QStringLiteral("bytes"), table.bytesConsumed},
                          {QStringLiteral("longLinesSkipped"), table.longLinesSkipped}};
        if (table.error)
            entry.insert(QStringLiteral("error"), table.error->message);
        json.append(entry);
        if (table.state == TableReadResult::State::NotStreamed) {
            notStreamed.append(table.table);
            continue;
        }
        rows.append({table.table, tableReadStateName(table.state), QString::number(inserted),
                     QString::number(duplicates), QString::number(rejected),
                     QString::number(table.blobsRead),
                     table.error ? terminalSafe(table.error->message) : QString()});
    }
    keepTablePulls(dataDir, records);

    if (format == QLatin1String("json")) {
        QJsonObject document{{QStringLiteral("tables"), json}};
        if (summary.error)
            document.insert(QStringLiteral("error"), summary.error->message);
        out() << QJsonDocument(document).toJson(QJsonDocument::Indented);
        out().flush();
    } else {
        if (!rows.isEmpty())
            writeTable({QStringLiteral("TABLE"), QStringLiteral("STATE"), QStringLiteral("ROWS"),
                        QStringLiteral("DUPLICATES"), QStringLiteral("REJECTED"),
                        QStringLiteral("BLOBS"), QStringLiteral("ERROR")},
                       rows);
        out() << QStringLiteral("Hunting events: %1 rows stored, %2 duplicates skipped, %3 lines "
                                "rejected.")
                         .arg(totals.ingested.totalInserted())
                         .arg(totals.ingested.duplicates)
                         .arg(totals.ingested.rejectedCount)
              << Qt::endl;
        if (!notStreamed.isEmpty())
            out() << QStringLiteral("Not streamed to this account (%1): %2")
                             .arg(notStreamed.size())
                             .arg(notStreamed.join(QStringLiteral(", ")))
                  << Qt::endl;
    }
    if (summary.error)
        return fail(QStringLiteral("events pull stopped: ") + describe(*summary.error));
    return failed ? Failed : Ok;
}

int runEventsPull(const QCommandLineParser &parser, const QStringList &)
{
    if (!parser.isSet(QStringLiteral("once")))
        return fail(
                QStringLiteral("'events pull' needs --once (the Vigil window pulls continuously)."),
                Usage);
    const QString format = parser.value(QStringLiteral("format")).toLower();
    if (!format.isEmpty() && format != QLatin1String("json") && format != QLatin1String("table"))
        return fail(QStringLiteral("events pull supports --format json or table."), Usage);
    Result<AppOptions> options = AppOptions::fromParser(parser);
    if (!options)
        return fail(options.error().message, Usage);
    if (options->demo()) {
        // The demo tenant's own storage account, into --data-dir (or a throwaway directory).
        DemoTenant demo;
        if (const Result<void> started = demo.start(false); !started)
            return fail(started.error().message);
        AppOptions demoOptions = options.value();
        demo.configure(demoOptions.syncConfig());
        return pullEventsOnce(demoOptions, format, false, demo.storageEnvironment());
    }
    return pullEventsOnce(options.value(), format, false);
}

int runEventsStatus(const QCommandLineParser &parser, const QStringList &)
{
    const QString format = parser.value(QStringLiteral("format")).toLower();
    if (!format.isEmpty() && format != QLatin1String("json") && format != QLatin1String("table"))
        return fail(QStringLiteral("events status supports --format json or table."), Usage);
    Result<AppOptions> options = AppOptions::fromParser(parser);
    if (!options)
        return fail(options.error().message, Usage);
    const QString dataDir = options->dataDir();
    const StorageConnection connection = StorageConnection::load(dataDir);
    const QString environmentUrl
            = QProcessEnvironment::systemEnvironment().value(QLatin1String(kStorageUrlVariable));

    EventService service(eventStorePath(options->syncConfig().store));
    if (const std::optional<Error> error = openService(service))
        return fail(QStringLiteral("the hunting tables could not be opened: ") + describe(*error));
    QEventLoop loop;
    EventTablesSnapshot snapshot;
    QList<EventCheckpoint> checkpoints;
    std::optional<Error> checkpointError;
    QObject::connect(&service, &EventService::tablesLoaded, &loop,
                     [&](const EventTablesSnapshot &tables) {
                         snapshot = tables;
                         service.requestCheckpoints(QStringLiteral("blob"));
                     });
    QObject::connect(&service, &EventService::checkpointsLoaded, &loop,
                     [&](const QString &, const QList<EventCheckpoint> &list,
                         const std::optional<Error> &error) {
                         checkpoints = list;
                         checkpointError = error;
                         loop.exit();
                     });
    service.requestTables();
    loop.exec();
    if (snapshot.error)
        return fail(QStringLiteral("the hunting tables could not be read: ")
                    + describe(*snapshot.error));
    if (checkpointError)
        return fail(QStringLiteral("the checkpoints could not be read: ")
                    + describe(*checkpointError));

    const QHash<QString, TablePullRecord> pulls = keptTablePulls(dataDir);
    const auto ticksText = [](const std::optional<qint64> &ticks) {
        return ticks ? QJsonValue(dateTimeFromTicks(*ticks).toString(Qt::ISODateWithMs))
                     : QJsonValue();
    };
    QJsonArray tables;
    QList<QStringList> rows;
    for (const EventTableStats &table : std::as_const(snapshot.tables)) {
        const QString &name = table.settings.table;
        const QString container = QStringLiteral("insights-logs-advancedhunting-") + name.toLower();
        QJsonArray blobs;
        qint64 bytes = 0;
        for (const EventCheckpoint &checkpoint : std::as_const(checkpoints)) {
            if (checkpoint.container != container)
                continue;
            bytes += checkpoint.offset;
            blobs.append(QJsonObject{
                    {QStringLiteral("blob"), checkpoint.blob},
                    {QStringLiteral("etag"), checkpoint.etag},
                    {QStringLiteral("offset"), checkpoint.offset},
                    {QStringLiteral("updated"), checkpoint.updated.toString(Qt::ISODateWithMs)}});
        }
        const TablePullRecord pull = pulls.value(name);
        const QString &lastPull = pull.lastPull;
        const QString &state = pull.state;
        const QString &error = pull.error;
        tables.append(QJsonObject{
                {QStringLiteral("table"), name},
                {QStringLiteral("collect"), table.settings.collect},
                {QStringLiteral("rows"), table.rows},
                {QStringLiteral("rejected"), table.rejected},
                {QStringLiteral("lastIngest"), ticksText(table.lastIngestTicks)},
                {QStringLiteral("checkpoints"), blobs},
                {QStringLiteral("bytesRead"), bytes},
                {QStringLiteral("lastPull"),
                 lastPull.isEmpty() ? QJsonValue() : QJsonValue(lastPull)},
                {QStringLiteral("state"), state.isEmpty() ? QJsonValue() : QJsonValue(state)},
                {QStringLiteral("error"), error.isEmpty() ? QJsonValue() : QJsonValue(error)}});
        rows.append({name, table.settings.collect ? QStringLiteral("on") : QStringLiteral("off"),
                     QString::number(table.rows), QString::number(blobs.size()),
                     QString::number(bytes), state.isEmpty() ? QStringLiteral("-") : state,
                     terminalSafe(error)});
    }
    const QString account = !environmentUrl.isEmpty() ? environmentUrl
                            : connection.isValid()    ? connection.endpoint.toString()
                                                      : QString();
    if (format == QLatin1String("json")) {
        out() << QJsonDocument(QJsonObject{{QStringLiteral("storageAccount"),
                                            account.isEmpty() ? QJsonValue() : QJsonValue(account)},
                                           {QStringLiteral("tables"), tables}})
                         .toJson(QJsonDocument::Indented);
        out().flush();
        return Ok;
    }
    out() << (account.isEmpty() ? QStringLiteral("No storage account is connected.")
                                : QStringLiteral("Storage account: %1").arg(terminalSafe(account)))
          << Qt::endl;
    writeTable({QStringLiteral("TABLE"), QStringLiteral("COLLECT"), QStringLiteral("ROWS"),
                QStringLiteral("BLOBS"), QStringLiteral("BYTES READ"), QStringLiteral("LAST PULL"),
                QStringLiteral("ERROR")},
               rows);
    return Ok;
}

} // namespace Vigil::Ctl
