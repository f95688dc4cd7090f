// The hunting tables: `import FILE`, `tables list`, `tables collect`, `retention set`. They run
// on the event store's own writer thread (EventService), as in the window.
#include "appoptions.h"
#include "ctlcommands.h"
#include "ctloutput.h"
#include "eventrecord.h"
#include "eventservice.h"
#include "eventstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Vigil::Ctl {

namespace {

/** events.sqlite of the data directory the options name. */
Result<QString> eventDatabase(const QCommandLineParser &parser)
{
    Result<AppOptions> options = AppOptions::fromParser(parser);
    if (!options)
        return options.error();
    const QString path = eventStorePath(options.value().syncConfig().store);
    if (path.isEmpty())
        return Error{Error::Kind::Config,
                     0,
                     {},
                     QStringLiteral("no data directory: give one with --data-dir or "
                                    "VIGIL_DATA_DIR"),
                     {}};
    return path;
}

QString megabytes(qint64 bytes)
{
    return QStringLiteral("%1 MB").arg(double(bytes) / 1e6, 0, 'f', bytes < 10'000'000 ? 2 : 0);
}

QJsonValue isoOrNull(const std::optional<qint64> &ticks)
{
    return ticks ? QJsonValue(ticksToIso(*ticks)) : QJsonValue();
}

QString isoOrDash(const std::optional<qint64> &ticks)
{
    return ticks ? ticksToIso(*ticks) : QStringLiteral("-");
}

QString retentionText(const std::optional<int> &days)
{
    return days ? QStringLiteral("%1 d").arg(*days) : QStringLiteral("unlimited");
}

/** Runs body against a started EventService; the handlers it connects call QCoreApplication::
 *  exit() with the exit code. */
int withService(const QCommandLineParser &parser,
                const std::function<void(EventService &service)> &body)
{
    Result<QString> path = eventDatabase(parser);
    if (!path)
        return fail(path.error().message, Usage);
    EventService service(path.value());
    QObject::connect(&service, &EventService::opened, QCoreApplication::instance(),
                     [&service, &body](const std::optional<Error> &error) {
                         if (error) {
                             QCoreApplication::exit(fail(describe(*error)));
                             return;
                         }
                         body(service);
                     });
    service.start();
    return QCoreApplication::exec();
}

void writeImportSummary(const EventImportSummary &summary, bool json)
{
    const EventIngestResult &result = summary.result;
    if (json) {
        QJsonObject inserted;
        for (auto it = result.inserted.cbegin(); it != result.inserted.cend(); ++it)
            inserted.insert(it.key(), it.value());
        QJsonObject notCollected;
        for (auto it = result.notCollected.cbegin(); it != result.notCollected.cend(); ++it)
            notCollected.insert(it.key(), it.value());
        QJsonArray rejections;
        for (const EventRejection &rejection : result.rejected)
            rejections.append(QJsonObject{{QStringLiteral("line"), rejection.line},
                                          {QStringLiteral("table"), rejection.table},
                                          {QStringLiteral("reason"), rejection.reason}});
        QJsonObject object{{QStringLiteral("file"), summary.path},
                           {QStringLiteral("inserted"), inserted},
                           {QStringLiteral("rows"), result.totalInserted()},
                           {QStringLiteral("duplicates"), result.duplicates},
                           {QStringLiteral("rejected"), result.rejectedCount},
                           {QStringLiteral("rejections"), rejections},
                           {QStringLiteral("notCollected"), notCollected},
                           {QStringLiteral("lines"), summary.linesDone},
                           {QStringLiteral("bytesRead"), summary.bytesDone},
                           {QStringLiteral("bytesTotal"), summary.bytesTotal},
                           {QStringLiteral("cancelled"), summary.cancelled},
                           {QStringLiteral("complete"), !summary.cancelled && !summary.error}};
        if (summary.error)
            object.insert(QStringLiteral("error"), describe(*summary.error));
        out() << QJsonDocument(object).toJson(QJsonDocument::Indented);
        out().flush();
        return;
    }
    out() << "Imported " << terminalSafe(summary.path) << ": " << result.totalInserted()
          << " rows from " << summary.linesDone << " lines\n";
    QList<QStringList> rows;
    for (auto it = result.inserted.cbegin(); it != result.inserted.cend(); ++it)
        rows.append({it.key(), QString::number(it.value())});
    for (auto it = result.notCollected.cbegin(); it != result.notCollected.cend(); ++it)
        rows.append(
                {it.key(), QStringLiteral("%1 not collected (collection is off)").arg(it.value())});
    if (!rows.isEmpty())
        writeTable({QStringLiteral("TABLE"), QStringLiteral("ROWS")}, rows);
    out() << "Duplicates skipped: " << result.duplicates << '\n';
    out() << "Lines rejected: " << result.rejectedCount << '\n';
    for (const EventRejection &rejection : result.rejected)
        out() << "  line " << rejection.line << ": " << terminalSafe(rejection.reason) << '\n';
    if (result.rejectedCount > result.rejected.size())
        out() << "  (" << result.rejectedCount - result.rejected.size() << " more not shown)\n";
    out().flush();
}

} // namespace

void addTableOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("table"),
                      QStringLiteral("import: the table of records that name none (required "
                                     "for CSV)."),
                      QStringLiteral("name")});
    parser.addOption({QStringLiteral("days"),
                      QStringLiteral("tables list: estimate what N days of each table would "
                                     "take (default: its retention, a year when unlimited)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("delete"),
                      QStringLiteral("tables collect ... off: also delete the table's rows.")});
}

int runImport(const QCommandLineParser &parser, const QStringList &args)
{
    const QString format = parser.value(QStringLiteral("format")).toLower();
    if (!format.isEmpty() && format != QLatin1String("json") && format != QLatin1String("table"))
        return fail(QStringLiteral("import supports --format json or table."), Usage);
    const QString file = args.value(1);
    const QString table = parser.value(QStringLiteral("table"));
    return withService(parser, [file, table, format](EventService &service) {
        QObject::connect(&service, &EventService::importFinished, QCoreApplication::instance(),
                         [format](const EventImportSummary &summary) {
                             // A file that could not be opened has no summary to show.
                             if (!summary.error || summary.linesDone > 0)
                                 writeImportSummary(summary, format == QLatin1String("json"));
                             if (summary.error) {
                                 QCoreApplication::exit(fail(
                                         summary.linesDone == 0
                                                 ? QStringLiteral("cannot import %1: %2")
                                                           .arg(terminalSafe(summary.path),
                                                                describe(*summary.error))
                                                 : QStringLiteral("the import stopped after %1 "
                                                                  "lines (they are stored): %2")
                                                           .arg(summary.linesDone)
                                                           .arg(describe(*summary.error))));
                                 return;
                             }
                             QCoreApplication::exit(Ok);
                         });
        service.importFile(file, table);
    });
}

int runTablesList(const QCommandLineParser &parser, const QStringList &)
{
    const QString format = parser.value(QStringLiteral("format")).toLower();
    if (!format.isEmpty() && format != QLatin1String("json") && format != QLatin1String("table"))
        return fail(QStringLiteral("tables list supports --format json or table."), Usage);
    int askedDays = 0;
    if (parser.isSet(QStringLiteral("days"))) {
        bool ok = false;
        askedDays = parser.value(QStringLiteral("days")).toInt(&ok);
        if (!ok || askedDays < 1 || askedDays > 36500)
            return fail(QStringLiteral("--days is a number of days, 1 to 36500."), Usage);
    }
    const auto daysOf = [askedDays](const EventTableStats &t) {
        return askedDays > 0 ? askedDays : t.settings.retentionDays.value_or(365);
    };
    return withService(parser, [format, daysOf](EventService &service) {
        QObject::connect(
                &service, &EventService::tablesLoaded, QCoreApplication::instance(),
                [format, daysOf](const EventTablesSnapshot &snapshot) {
                    if (snapshot.error) {
                        QCoreApplication::exit(fail(describe(*snapshot.error)));
                        return;
                    }
                    if (format == QLatin1String("json")) {
                        QJsonArray array;
                        for (const EventTableStats &t : snapshot.tables) {
                            const EventVolumeEstimate estimate
                                    = snapshot.estimates.value(t.settings.table);
                            array.append(QJsonObject{
                                    {QStringLiteral("table"), t.settings.table},
                                    {QStringLiteral("rows"), t.rows},
                                    {QStringLiteral("bytes"), t.bytes},
                                    {QStringLiteral("collect"), t.settings.collect},
                                    {QStringLiteral("retentionDays"),
                                     t.settings.retentionDays
                                             ? QJsonValue(*t.settings.retentionDays)
                                             : QJsonValue()},
                                    {QStringLiteral("oldest"), isoOrNull(t.oldestTicks)},
                                    {QStringLiteral("newest"), isoOrNull(t.newestTicks)},
                                    {QStringLiteral("lastIngest"), isoOrNull(t.lastIngestTicks)},
                                    {QStringLiteral("rejected"), t.rejected},
                                    {QStringLiteral("bytesPerRow"), estimate.bytesPerRow},
                                    {QStringLiteral("rowsPerDay"), estimate.rowsPerDay},
                                    {QStringLiteral("estimateDays"), daysOf(t)},
                                    {QStringLiteral("estimateBytes"),
                                     estimate.measured ? QJsonValue(estimate.bytes(daysOf(t)))
                                                       : QJsonValue()}});
                        }
                        out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
                        out().flush();
                        QCoreApplication::exit(Ok);
                        return;
                    }
                    QList<QStringList> rows;
                    for (const EventTableStats &t : snapshot.tables) {
                        const EventVolumeEstimate estimate
                                = snapshot.estimates.value(t.settings.table);
                        const int days = daysOf(t);
                        const QString projected
                                = estimate.measured ? QStringLiteral("%1 d ≈ %2")
                                                              .arg(days)
                                                              .arg(megabytes(estimate.bytes(days)))
                                                    : QStringLiteral("-");
                        rows.append(
                                {t.settings.table, QString::number(t.rows), megabytes(t.bytes),
                                 t.settings.collect ? QStringLiteral("on") : QStringLiteral("off"),
                                 retentionText(t.settings.retentionDays), projected,
                                 isoOrDash(t.oldestTicks), isoOrDash(t.newestTicks),
                                 isoOrDash(t.lastIngestTicks), QString::number(t.rejected)});
                    }
                    writeTable({QStringLiteral("TABLE"), QStringLiteral("ROWS"),
                                QStringLiteral("SIZE"), QStringLiteral("COLLECT"),
                                QStringLiteral("RETENTION"), QStringLiteral("ESTIMATE"),
                                QStringLiteral("OLDEST"), QStringLiteral("NEWEST"),
                                QStringLiteral("LAST INGEST"), QStringLiteral("REJECTED")},
                               rows);
                    out() << "Size: pages on disk (SQLite dbstat), table and indexes. Estimate: "
                             "what the retention period (a year when unlimited) would take at "
                             "the measured bytes per row and rows per day.\n";
                    out().flush();
                    QCoreApplication::exit(Ok);
                });
        service.requestTables();
    });
}

int runTablesCollect(const QCommandLineParser &parser, const QStringList &args)
{
    const QString table = args.value(2);
    const QString state = args.value(3).toLower();
    if (state != QLatin1String("on") && state != QLatin1String("off"))
        return fail(QStringLiteral("say on or off, not '%1'.").arg(terminalSafe(args.value(3))),
                    Usage);
    const bool collect = state == QLatin1String("on");
    const bool deleteRows = parser.isSet(QStringLiteral("delete"));
    if (deleteRows && collect)
        return fail(QStringLiteral("--delete goes with off."), Usage);
    return withService(parser, [table, collect, deleteRows](EventService &service) {
        QObject::connect(
                &service, &EventService::settingSaved, QCoreApplication::instance(),
                [table, collect, deleteRows](const QString &, const std::optional<Error> &error) {
                    if (error) {
                        QCoreApplication::exit(fail(describe(*error)));
                        return;
                    }
                    out() << terminalSafe(table) << ": collection " << (collect ? "on" : "off")
                          << (deleteRows ? ", rows deleted" : "") << '\n';
                    out().flush();
                    QCoreApplication::exit(Ok);
                });
        service.setCollect(table, collect, deleteRows);
    });
}

int runRetentionSet(const QCommandLineParser &parser, const QStringList &args)
{
    const QString table = args.value(2);
    const QString value = args.value(3).toLower();
    std::optional<int> days;
    if (value != QLatin1String("unlimited")) {
        bool ok = false;
        days = value.toInt(&ok);
        if (!ok || *days < 1 || *days > 36500)
            return fail(QStringLiteral("retention is a number of days (1 to 36500) or "
                                       "'unlimited', not '%1'.")
                                .arg(terminalSafe(args.value(3))),
                        Usage);
    }
    return withService(parser, [table, days](EventService &service) {
        QObject::connect(&service, &EventService::settingSaved, QCoreApplication::instance(),
                         [table, days](const QString &, const std::optional<Error> &error) {
                             if (error) {
                                 QCoreApplication::exit(fail(describe(*error)));
                                 return;
                             }
                             out() << terminalSafe(table) << ": rows kept "
                                   << (days ? QStringLiteral("%1 days").arg(*days)
                                            : QStringLiteral("without limit"))
                                   << '\n';
                             out().flush();
                             QCoreApplication::exit(Ok);
                         });
        service.setRetention(table, days);
    });
}

int runRetentionRun(const QCommandLineParser &parser, const QStringList &)
{
    return withService(parser, [](EventService &service) {
        QObject::connect(&service, &EventService::retentionFinished, QCoreApplication::instance(),
                         [](const EventRetentionSummary &summary) {
                             out() << "Deleted " << summary.deleted << " expired rows in "
                                   << summary.steps << " transactions (longest "
                                   << summary.longestStepMs << " ms)\n";
                             out().flush();
                             QCoreApplication::exit(summary.error ? fail(describe(*summary.error))
                                                                  : int(Ok));
                         });
        service.runRetention();
    });
}

} // namespace Vigil::Ctl
