// `hunt QUERY|--file F`: runs a KQL hunting query on the local hunting tables (events.sqlite).
#include "appoptions.h"
#include "binder.h"
#include "ctlcommands.h"
#include "ctloutput.h"
#include "eventstore.h"
#include "huntingformat.h"
#include "huntingrunner.h"
#include "huntingschema.h"
#include "kqltime.h"
#include "sqlcompiler.h"

#include <QCommandLineParser>
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

int refused(const Kql::KqlError &error, bool json)
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

} // namespace

void addHuntOptions(QCommandLineParser &parser)
{
    parser.addOption(
            {QStringLiteral("as-of"),
             QStringLiteral("hunt: now() and ago() as of DATETIME (e.g. 2024-05-01T12:00Z)."),
             QStringLiteral("DATETIME")});
    parser.addOption({QStringLiteral("limit"),
                      QStringLiteral("hunt: at most N rows (default 10000)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("sql"),
                      QStringLiteral("hunt: print the SQLite statement the query compiles to and "
                                     "its parameters; do not run it.")});
    parser.addOption({QStringLiteral("timeout"),
                      QStringLiteral("hunt: stop the query after S seconds (default 60)."),
                      QStringLiteral("S")});
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
        const QString path = parser.value(QStringLiteral("file"));
        QFile file(path);
        const bool opened = path == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly)
                                                       : file.open(QIODevice::ReadOnly);
        if (!opened)
            return fail(QStringLiteral("cannot read the query from %1: %2")
                                .arg(path, file.errorString()),
                        Usage);
        query = QString::fromUtf8(file.readAll());
    } else {
        query = args.last();
    }
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
            return refused(analysis.errors.first(), format == u"json");
        Kql::KqlError error;
        const std::optional<Kql::CompiledQuery> compiled = Kql::compileToSql(analysis, &error);
        if (!compiled)
            return refused(error, format == u"json");
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
    HuntingResult result;
    QList<HuntingRow> rows;
    // The query is checked before the data is looked for: a refusal says so even without data.
    if (!QFileInfo::exists(path)) {
        const Kql::QueryAnalysis analysis = Kql::analyzeQuery(query, HuntingSchema::defender());
        if (!analysis.ok())
            return refused(analysis.errors.first(), json);
        Kql::KqlError error;
        if (!Kql::compileToSql(analysis, &error))
            return refused(error, json);
        return fail(QStringLiteral("there is no hunting data yet (%1 does not exist): import a "
                                   "file with 'vigilctl import FILE' or connect the storage "
                                   "account with 'vigilctl events connect'")
                            .arg(terminalSafe(path)));
    }
    result = runner.run(query, options, [&rows](const QList<HuntingRow> &page) {
        rows.append(page);
        return true;
    });
    switch (result.status) {
    case HuntingResult::Status::Refused:
        return refused(result.refusal, json);
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
    const Kql::RowSchema &columns = result.columns;
    QList<Kql::HuntingFormat::OutColumn> outColumns;
    for (const Kql::Column &c : columns)
        outColumns.append({c.name, c.type});
    if (json) {
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
    return Ok;
}

} // namespace Vigil::Ctl
