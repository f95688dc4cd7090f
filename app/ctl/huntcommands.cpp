// `hunt QUERY|--file F`: runs a KQL hunting query on the local hunting tables (events.sqlite),
// or with --remote in Microsoft 365 Defender.
#include "appoptions.h"
#include "binder.h"
#include "controllerrun.h"
#include "ctlcommands.h"
#include "ctloutput.h"
#include "eventstore.h"
#include "externaldata.h"
#include "huntingformat.h"
#include "huntingresultreader.h"
#include "huntingrunner.h"
#include "huntingschema.h"
#include "kqltime.h"
#include "remotehuntcontroller.h"
#include "sqlcompiler.h"
#include "synccontroller.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Vigil::Ctl {

namespace {

using Kql::HuntingResult;
using Kql::HuntingRow;

using Kql::HuntingFormat::cellText;

/** Writes a result as `hunt` does, local or remote: JSON, CSV or a table. */
void writeResult(const QString &format, const Kql::RowSchema &columns,
                 const QList<HuntingRow> &rows)
{
    QList<Kql::HuntingFormat::OutColumn> outColumns;
    for (const Kql::Column &c : columns)
        outColumns.append({c.name, c.type});
    if (format == u"json") {
        out() << Kql::HuntingFormat::toJson(outColumns, rows) << '\n';
    } else if (format == u"csv") {
        out() << Kql::HuntingFormat::toCsv(outColumns, rows);
    } else {
        QStringList headers;
        for (const Kql::Column &c : columns)
            headers.append(c.name);
        QList<QStringList> table;
        for (const HuntingRow &row : std::as_const(rows)) {
            QStringList cells;
            for (qsizetype i = 0; i < columns.size(); ++i)
                cells.append(cellText(row.value(i), columns[i].type));
            table.append(cells);
        }
        writeTable(headers, table);
    }
    out().flush();
}

/** `hunt --remote`: the query runs in Defender (Graph runHuntingQuery), the output is local
 *  `hunt`'s. */
int runRemoteHunt(const QCommandLineParser &parser, const QString &query, const QString &format)
{
    for (const char *local : {"as-of", "sql", "timeout", "offline", "geoip"}) {
        if (parser.isSet(QString::fromLatin1(local)))
            return fail(QStringLiteral("--%1 applies to the local tables only, not with --remote "
                                       "(Defender stops a query after 3 minutes itself).")
                                .arg(QString::fromLatin1(local)),
                        Usage);
    }
    const QString timespan = parser.value(QStringLiteral("timespan")).trimmed();
    if (!timespan.isEmpty() && !huntingTimespanStart(timespan, QDateTime::currentDateTimeUtc()))
        return fail(QStringLiteral("--timespan needs an ISO 8601 time span such as P7D, PT12H or "
                                   "2024-02-01T08:00:00Z/2024-02-15T08:00:00Z, not '%1'")
                            .arg(terminalSafe(timespan)),
                    Usage);
    qint64 limit = -1;
    if (parser.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        limit = parser.value(QStringLiteral("limit")).toLongLong(&ok);
        if (!ok || limit < 0)
            return fail(QStringLiteral("--limit needs a whole number of rows (0 or more)."), Usage);
    }
    Result<AppOptions> appOptions = AppOptions::fromParser(parser);
    if (!appOptions)
        return fail(appOptions.error().message, Usage);
    // As `sync --once`: the demo tenant, the environment's secret or the saved connection's.
    ControllerRun run(appOptions.value(), ControllerRun::Reach::Graph);
    if (const int opened = run.open(); opened != Ok)
        return opened;
    QCoreApplication *app = QCoreApplication::instance();
    RemoteHuntController remote;
    Kql::RowSchema columns;
    QList<HuntingRow> rows;
    QObject::connect(&remote, &RemoteHuntController::columnsReceived, app,
                     [&columns](const Kql::RowSchema &received) { columns = received; });
    QObject::connect(&remote, &RemoteHuntController::rowsReceived, app,
                     [&rows](const QList<HuntingRow> &page) { rows += page; });
    QObject::connect(&remote, &RemoteHuntController::waiting, app,
                     [](const QDateTime &, const QString &reason) {
                         err() << "vigilctl: " << terminalSafe(reason) << Qt::endl;
                     });
    QObject::connect(
            &remote, &RemoteHuntController::finished, app, [&](const RemoteHuntOutcome &outcome) {
                for (const QString &warning : outcome.warnings)
                    err() << "vigilctl: warning: " << terminalSafe(warning) << '\n';
                err().flush();
                if (outcome.status != RemoteHuntOutcome::Status::Ok) {
                    const Error error = outcome.error.value_or(
                            Error{Error::Kind::Cancelled, 0, {}, QStringLiteral("cancelled"), {}});
                    // Defender refused the query itself: as a local refusal, exit code Usage.
                    const bool refusedQuery
                            = error.kind == Error::Kind::BadRequest
                              && !error.message.contains(QLatin1String("larger than Defender"));
                    if (refusedQuery && format == u"json") {
                        out() << QJsonDocument(
                                         QJsonObject{{QStringLiteral("error"), error.message}})
                                         .toJson(QJsonDocument::Compact)
                              << '\n';
                        out().flush();
                    }
                    run.finish(
                            fail(terminalSafe(error.message, true), refusedQuery ? Usage : Failed));
                    return;
                }
                if (limit >= 0 && rows.size() > limit) {
                    rows.resize(limit);
                    err() << "vigilctl: warning: only the first " << limit
                          << " rows are shown; raise --limit for more\n";
                } else if (outcome.truncated) {
                    err() << "vigilctl: warning: Defender's answer had more rows than Vigil "
                             "keeps; only the first "
                          << rows.size() << " rows are shown\n";
                }
                err().flush();
                writeResult(format, columns, rows);
                run.finish(Ok);
            });
    return run.exec([&](const QList<Incident> &) {
        remote.setConnection(run.controller().config());
        remote.run(query, timespan);
    });
}

} // namespace

int refusedQuery(const Kql::KqlError &error, bool json)
{
    if (json) {
        out() << QJsonDocument(QJsonObject{{QStringLiteral("error"), error.message},
                                           {QStringLiteral("line"), error.pos.line},
                                           {QStringLiteral("column"), error.pos.column}})
                         .toJson(QJsonDocument::Compact)
              << '\n';
        out().flush();
    }
    return fail(QStringLiteral("the query is refused at line %1, column %2: %3")
                        .arg(error.pos.line)
                        .arg(error.pos.column)
                        .arg(terminalSafe(error.message)),
                Usage);
}

void addHuntOptions(QCommandLineParser &parser)
{
    parser.addOption(
            {QStringLiteral("as-of"),
             QStringLiteral("hunt: now() and ago() as of DATETIME (e.g. 2024-05-01T12:00Z)."),
             QStringLiteral("DATETIME")});
    parser.addOption({QStringLiteral("geoip"),
                      QStringLiteral("hunt: the GeoIP database of geo_info_from_ip_address(): a "
                                     "MaxMind or DB-IP .mmdb file, or a legacy GeoIP.dat "
                                     "(default: $VIGIL_GEOIP_DB, else Debian's "
                                     "geoip-database)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("limit"),
                      QStringLiteral("hunt: at most N rows (default 10000)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("remote"),
                      QStringLiteral("hunt: run the query in Microsoft 365 Defender (Graph "
                                     "runHuntingQuery, the last 30 days at most) instead of on "
                                     "the local tables.")});
    parser.addOption({QStringLiteral("sql"),
                      QStringLiteral("hunt: print the SQLite statement the query compiles to and "
                                     "its parameters; do not run it.")});
    parser.addOption({QStringLiteral("timeout"),
                      QStringLiteral("hunt: stop the query after S seconds (default 60)."),
                      QStringLiteral("S")});
    parser.addOption({QStringLiteral("timespan"),
                      QStringLiteral("hunt --remote: the time span to run over, ISO 8601 (P7D, "
                                     "start/end; default: Defender's 30 days)."),
                      QStringLiteral("ISO")});
}

int runHunt(const QCommandLineParser &parser, const QStringList &args)
{
    const QString format = parser.value(QStringLiteral("format")).isEmpty()
                                   ? QStringLiteral("json")
                                   : parser.value(QStringLiteral("format"));
    if (format != u"json" && format != u"csv" && format != u"table")
        return fail(QStringLiteral("hunt supports --format json, csv or table."), Usage);
    const bool fromFile = parser.isSet(QStringLiteral("file"));
    if (fromFile == (args.size() == 2))
        return fail(QStringLiteral("hunt needs the query as one argument or --file FILE (not "
                                   "both)."),
                    Usage);
    QString query;
    if (fromFile) {
        Result<QString> read = readQueryFile(parser.value(QStringLiteral("file")));
        if (!read)
            return fail(read.error().message, Usage);
        query = std::move(read).value();
    } else {
        query = args.last();
    }
    if (parser.isSet(QStringLiteral("remote")))
        return runRemoteHunt(parser, query, format);
    if (parser.isSet(QStringLiteral("timespan")))
        return fail(QStringLiteral("--timespan applies to --remote runs only."), Usage);
    Kql::HuntingOptions options;
    if (parser.isSet(QStringLiteral("as-of"))) {
        const std::optional<qint64> ticks
                = KqlTime::parseDateTime(parser.value(QStringLiteral("as-of")));
        if (!ticks)
            return fail(QStringLiteral("--as-of needs a datetime such as 2024-05-01T12:00:00Z, "
                                       "not '%1'")
                                .arg(terminalSafe(parser.value(QStringLiteral("as-of")))),
                        Usage);
        options.asOfTicks = *ticks;
    }
    if (parser.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        options.rowLimit = parser.value(QStringLiteral("limit")).toLongLong(&ok);
        if (!ok || options.rowLimit < 0)
            return fail(QStringLiteral("--limit needs a whole number of rows (0 or more)."), Usage);
    }
    if (parser.isSet(QStringLiteral("timeout"))) {
        bool ok = false;
        const double seconds = parser.value(QStringLiteral("timeout")).toDouble(&ok);
        if (!ok || seconds <= 0 || seconds > 86400)
            return fail(QStringLiteral("--timeout needs seconds between 0 and 86400."), Usage);
        options.timeoutMs = int(seconds * 1000);
    }
    if (parser.isSet(QStringLiteral("sql"))) {
        const Kql::QueryAnalysis analysis = Kql::analyzeQuery(query, HuntingSchema::defender());
        if (!analysis.ok())
            return refusedQuery(analysis.errors.first(), format == u"json");
        Kql::KqlError error;
        const std::optional<Kql::CompiledQuery> compiled = Kql::compileToSql(analysis, &error);
        if (!compiled)
            return refusedQuery(error, format == u"json");
        out() << compiled->sql << '\n';
        for (qsizetype i = 0; i < compiled->parameters.size(); ++i)
            out() << "-- ?" << (i + 1) << " = "
                  << terminalSafe(compiled->parameters[i].toString().left(200)) << '\n';
        out().flush();
        return Ok;
    }
    Result<AppOptions> appOptions = AppOptions::fromParser(parser);
    if (!appOptions)
        return fail(appOptions.error().message, Usage);
    const QString path = eventStorePath(appOptions.value().syncConfig().store);
    if (path.isEmpty())
        return fail(QStringLiteral("no data directory: give one with --data-dir or "
                                   "VIGIL_DATA_DIR"),
                    Usage);
    const bool json = format == u"json";
    Kql::HuntingRunner runner(path);
    runner.setGeoIpDatabase(parser.value(QStringLiteral("geoip")));
    HuntingResult result;
    QList<HuntingRow> rows;
    // The query is checked before the data is looked for: a refusal says so even without data.
    if (!QFileInfo::exists(path)) {
        const Kql::QueryAnalysis analysis = Kql::analyzeQuery(query, HuntingSchema::defender());
        if (!analysis.ok())
            return refusedQuery(analysis.errors.first(), json);
        Kql::KqlError error;
        if (!Kql::compileToSql(analysis, &error))
            return refusedQuery(error, json);
        return fail(QStringLiteral("there is no hunting data yet (%1 does not exist): import a "
                                   "file with 'vigilctl import FILE' or connect the storage "
                                   "account with 'vigilctl events connect'")
                            .arg(terminalSafe(path)));
    }
    // A store written by an older Vigil gets the tables this one reads (a file profile table,
    // for one) before the read-only hunt: what the window's events worker does when it starts.
    // A store this user cannot write (a copy handed over read-only) is still hunted as it is.
    if (Result<std::unique_ptr<EventStore>> upgraded = openEventStore(path); !upgraded)
        err() << "vigilctl: warning: hunting data not brought up to date ("
              << terminalSafe(upgraded.error().message) << "); hunting it as it is\n";
    // externaldata: the feeds first (allow-list, limits, cache), then the query over them.
    {
        const Kql::QueryAnalysis analysis = Kql::analyzeQuery(query, HuntingSchema::defender());
        Kql::KqlError error;
        const std::optional<Kql::CompiledQuery> compiled
                = analysis.ok() && !analysis.open ? Kql::compileToSql(analysis, &error)
                                                  : std::nullopt;
        const QStringList urls = compiled ? Kql::externalDataUrls(*compiled) : QStringList();
        if (!urls.isEmpty()) {
            std::optional<Kql::ExternalFeeds> feeds = fetchFeeds(
                    QFileInfo(path).absolutePath(), urls, parser.isSet(QStringLiteral("offline")));
            if (!feeds)
                return fail(QStringLiteral("the externaldata fetch was cancelled"));
            options.feeds = std::make_shared<const Kql::ExternalFeeds>(std::move(*feeds));
        }
    }
    result = runner.run(query, options, [&rows](const QList<HuntingRow> &page) {
        rows.append(page);
        return true;
    });
    switch (result.status) {
    case HuntingResult::Status::Refused:
        return refusedQuery(result.refusal, json);
    case HuntingResult::Status::Ok:
        break;
    default:
        return fail(terminalSafe(result.error));
    }
    for (const QString &warning : std::as_const(result.warnings))
        err() << "vigilctl: warning: " << terminalSafe(warning) << '\n';
    if (result.truncated)
        err() << "vigilctl: warning: only the first " << result.rows
              << " rows are shown; raise --limit for more\n";
    err().flush();
    writeResult(format, result.columns, rows);
    return Ok;
}

} // namespace Vigil::Ctl
