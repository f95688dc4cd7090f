// bench_kql: KQL hunting queries on events.sqlite against the same questions written by hand in
// SQL, in the same run on the same database (docs/BENCHMARKS.md, "Local KQL").
//
//   bench_kql [--rows N] [--dir PATH] [--runs R] [--db EVENTS_SQLITE]
//
// --db runs the queries on a database an earlier run generated (copy it before it ends: the
// generated one is deleted at exit); --rows must then say how many rows it has.
// N DeviceProcessEvents rows (default 5,000,000) and N/2 DeviceNetworkEvents rows, 500 devices,
// 28 days, written straight into a store created by openEventStore (its indexes included). Five
// shapes; each runs R times (default 3) alternating KQL and SQL; the medians and their ratio are
// printed, with the time to check and compile each query.
#include "benchoptions.h"
#include "binder.h"
#include "eventstore.h"
#include "huntingrunner.h"
#include "huntingschema.h"
#include "kqlfunctions.h"
#include "sqlcompiler.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTextStream>

#include <sqlite3.h>

#include <algorithm>
#include <vector>

using namespace Vigil;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

constexpr qint64 ticksPerSecond = 10000000;
constexpr qint64 start = 638448192000000000LL; // 2024-03-01T00:00:00Z

const char *const fileNames[]
        = {"svchost.exe", "chrome.exe", "explorer.exe", "powershell.exe", "cmd.exe",
           "msedge.exe",  "teams.exe",  "outlook.exe",  "conhost.exe",    "rundll32.exe"};

/** The IOC list: 300 terms, a few of which occur in the data. */
QStringList iocTerms()
{
    QStringList terms;
    for (int i = 0; i < 297; ++i)
        terms.append(QStringLiteral("ioc%1payload").arg(i * 7919 % 100000));
    terms.append(QStringLiteral("mimikatz"));
    terms.append(QStringLiteral("procdump"));
    terms.append(QStringLiteral("bitsadmin"));
    return terms;
}

bool exec(sqlite3 *db, const char *sql)
{
    char *error = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
        out() << "SQL error: " << error << '\n';
        sqlite3_free(error);
        return false;
    }
    return true;
}

/** Fills the two tables; strings not set are "" (never NULL), other columns NULL. */
bool generate(const QString &path, qint64 rows)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open(path.toUtf8().constData(), &db) != SQLITE_OK)
        return false;
    exec(db, "PRAGMA journal_mode=OFF");
    exec(db, "PRAGMA synchronous=OFF");
    exec(db, "PRAGMA cache_size=-200000");
    exec(db, "BEGIN");
    const HuntingSchema &schema = HuntingSchema::defender();
    auto insertFor = [&](const HuntingTable &table, sqlite3_stmt **stmt) {
        QStringList names;
        QStringList marks;
        for (const HuntingColumn &c : table.columns) {
            names.append(QLatin1Char('"') + c.name + QLatin1Char('"'));
            marks.append(QStringLiteral("?"));
        }
        names.append(QStringLiteral("_vigil_ingested"));
        marks.append(QStringLiteral("?"));
        const QString sql = QStringLiteral("INSERT INTO \"%1\" (%2) VALUES (%3)")
                                    .arg(table.name, names.join(u','), marks.join(u','));
        return sqlite3_prepare_v2(db, sql.toUtf8().constData(), -1, stmt, nullptr) == SQLITE_OK;
    };
    const HuntingTable &process = *schema.table(u"DeviceProcessEvents");
    const HuntingTable &network = *schema.table(u"DeviceNetworkEvents");
    sqlite3_stmt *p = nullptr;
    sqlite3_stmt *n = nullptr;
    if (!insertFor(process, &p) || !insertFor(network, &n)) {
        out() << "cannot prepare: " << sqlite3_errmsg(db) << '\n';
        return false;
    }
    auto bindRow = [](sqlite3_stmt *stmt, const HuntingTable &table,
                      const QHash<QString, QVariant> &values, qint64 ingested) {
        int i = 1;
        for (const HuntingColumn &c : table.columns) {
            const QVariant v = values.value(c.name);
            if (!v.isValid()) {
                if (c.type == KqlType::String)
                    sqlite3_bind_text(stmt, i, "", 0, SQLITE_STATIC);
                else
                    sqlite3_bind_null(stmt, i);
            } else if (v.typeId() == QMetaType::LongLong) {
                sqlite3_bind_int64(stmt, i, v.toLongLong());
            } else {
                const QByteArray text = v.toString().toUtf8();
                sqlite3_bind_text(stmt, i, text.constData(), int(text.size()), SQLITE_TRANSIENT);
            }
            ++i;
        }
        sqlite3_bind_int64(stmt, i, ingested);
    };
    const qint64 span = 28LL * 86400 * ticksPerSecond;
    for (qint64 r = 0; r < rows; ++r) {
        const qint64 t = start + span / rows * r;
        const QString device = QStringLiteral("dev%1").arg(r % 500);
        // Every 4999th row a connection to the IOC address; 500 rows later (the same device)
        // powershell starts 30 s before it: the join's matches.
        const char *file = r % 4999 == 500 ? "powershell.exe" : fileNames[(r * 7) % 10];
        QString commandLine = QStringLiteral("%1 --task %2 -k netsvcs -p /s %3")
                                      .arg(QLatin1String(file))
                                      .arg(r % 9973)
                                      .arg(r % 101 == 0 ? QStringLiteral("bitsadmin /transfer")
                                                        : QStringLiteral("C:\\Windows\\System32"));
        QHash<QString, QVariant> v{
                {QStringLiteral("Timestamp"), QVariant(qlonglong(t))},
                {QStringLiteral("DeviceId"), device},
                {QStringLiteral("DeviceName"), QString(device + QStringLiteral(".contoso.com"))},
                {QStringLiteral("ActionType"), QStringLiteral("ProcessCreated")},
                {QStringLiteral("FileName"), QString::fromLatin1(file)},
                {QStringLiteral("FolderPath"),
                 QString(QStringLiteral("C:\\Windows\\System32\\") + QString::fromLatin1(file))},
                {QStringLiteral("ProcessCommandLine"), commandLine},
                {QStringLiteral("AccountName"), QStringLiteral("user%1").arg(r % 300)},
                {QStringLiteral("ReportId"), QVariant(qlonglong(r))},
                {QStringLiteral("InitiatingProcessFileName"), QStringLiteral("explorer.exe")},
        };
        if (r % 10 == 0)
            v.insert(QStringLiteral("AdditionalFields"),
                     QStringLiteral("{\"IntegrityLevel\":\"%1\",\"ProcessId\":%2}")
                             .arg(r % 30 == 0 ? QStringLiteral("High") : QStringLiteral("Medium"))
                             .arg(r % 65536));
        bindRow(p, process, v, t + 600 * ticksPerSecond);
        if (sqlite3_step(p) != SQLITE_DONE) {
            out() << "insert: " << sqlite3_errmsg(db) << '\n';
            return false;
        }
        sqlite3_reset(p);
        const bool ioc = r % 4999 == 0;
        if (r % 2 == 0 || ioc) {
            const qint64 tn = ioc ? start + span / rows * (r + 500) + 30 * ticksPerSecond
                                  : t + (r % 7) * 30 * ticksPerSecond;
            QHash<QString, QVariant> w{
                    {QStringLiteral("Timestamp"), QVariant(qlonglong(tn))},
                    {QStringLiteral("DeviceId"), device},
                    {QStringLiteral("DeviceName"),
                     QString(device + QStringLiteral(".contoso.com"))},
                    {QStringLiteral("ActionType"), QStringLiteral("ConnectionSuccess")},
                    {QStringLiteral("RemoteIP"), QString(ioc ? QStringLiteral("203.0.113.7")
                                                             : QStringLiteral("10.%1.%2.%3")
                                                                         .arg(r % 200)
                                                                         .arg(r % 250)
                                                                         .arg(r % 199))},
                    {QStringLiteral("RemotePort"), QVariant(qlonglong(r % 3 ? 443 : 80))},
                    {QStringLiteral("ReportId"), QVariant(qlonglong(ioc ? rows + r : r))},
            };
            bindRow(n, network, w, tn + 600 * ticksPerSecond);
            if (sqlite3_step(n) != SQLITE_DONE) {
                out() << "insert: " << sqlite3_errmsg(db) << '\n';
                return false;
            }
            sqlite3_reset(n);
        }
    }
    sqlite3_finalize(p);
    sqlite3_finalize(n);
    exec(db, "COMMIT");
    exec(db, "ANALYZE");
    sqlite3_close(db);
    return true;
}

struct Timed
{
    qint64 rows = -1;
    double ms = 0;
    QString first; ///< the first cell of the first row, as text
};

/** Runs sql to the end on db: the number of rows (-1 on error), the milliseconds, the first cell.
 */
Timed runSql(sqlite3 *db, const QString &sql, const QList<QVariant> &params)
{
    QElapsedTimer timer;
    timer.start();
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql.toUtf8().constData(), -1, &stmt, nullptr) != SQLITE_OK) {
        out() << "prepare: " << sqlite3_errmsg(db) << "\n" << sql << '\n';
        return {};
    }
    for (int i = 0; i < params.size(); ++i) {
        const QVariant &v = params[i];
        if (v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::Int)
            sqlite3_bind_int64(stmt, i + 1, v.toLongLong());
        else if (v.typeId() == QMetaType::Double)
            sqlite3_bind_double(stmt, i + 1, v.toDouble());
        else {
            const QByteArray text = v.toString().toUtf8();
            sqlite3_bind_text(stmt, i + 1, text.constData(), int(text.size()), SQLITE_TRANSIENT);
        }
    }
    qint64 rows = 0;
    QString first;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (rows++ == 0)
            first = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
    }
    if (rc != SQLITE_DONE) {
        out() << "step: " << sqlite3_errmsg(db) << '\n';
        rows = -1;
    }
    sqlite3_finalize(stmt);
    return {rows, double(timer.nsecsElapsed()) / 1e6, first};
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    qint64 rows = 5000000;
    int runs = 3;
    QString dir;
    QString existing;
    const QStringList args = app.arguments();
    if (!Bench::checkOptions(args, {"--rows", "--runs", "--dir", "--db"},
                             "[--rows N] [--runs N] [--dir DIR] [--db EVENTS.sqlite]"))
        return 2;
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == u"--rows")
            rows = args[i + 1].toLongLong();
        else if (args[i] == u"--runs")
            runs = args[i + 1].toInt();
        else if (args[i] == u"--dir")
            dir = args[i + 1];
        else if (args[i] == u"--db")
            existing = args[i + 1];
    }
    QTemporaryDir temp(dir.isEmpty() ? QDir::tempPath() + QStringLiteral("/bench_kql-XXXXXX")
                                     : dir + QStringLiteral("/bench_kql-XXXXXX"));
    const QString path
            = existing.isEmpty() ? temp.filePath(QStringLiteral("events.sqlite")) : existing;
    if (existing.isEmpty()) {
        auto store = openEventStore(path);
        if (!store) {
            out() << "cannot create the store: " << store.error().message << '\n';
            return 1;
        }
        store.value()->close();
    }
    out() << "bench_kql: " << rows << " DeviceProcessEvents rows, " << rows / 2
          << " DeviceNetworkEvents rows; " << QSysInfo::prettyProductName() << ", "
          << QSysInfo::currentCpuArchitecture() << ", SQLite " << sqlite3_libversion() << '\n';
    out().flush();
    QElapsedTimer timer;
    timer.start();
    if (existing.isEmpty()) {
        if (!generate(path, rows))
            return 1;
        out() << "generated in " << timer.elapsed() / 1000.0 << " s\n";
    }
    out().flush();

    const QStringList terms = iocTerms();
    QStringList quoted;
    for (const QString &t : terms)
        quoted.append(QLatin1Char('\'') + t + QLatin1Char('\''));
    QString termJson
            = QStringLiteral("[\"") + terms.join(QStringLiteral("\",\"")) + QStringLiteral("\"]");
    const qint64 hour = 3600 * ticksPerSecond;
    struct Shape
    {
        QString name;
        QString kql;
        QString sql;
        QList<QVariant> params;
    };
    const QList<Shape> shapes = {
            {QStringLiteral("has_any, 300 terms"),
             QStringLiteral(
                     "DeviceProcessEvents | where ProcessCommandLine has_any (dynamic([%1])) "
                     "| count")
                     .arg(quoted.join(QLatin1String(", "))),
             QStringLiteral("SELECT count(*) FROM \"DeviceProcessEvents\" WHERE "
                            "kql_has_any(\"ProcessCommandLine\", ?1)"),
             {termJson}},
            {QStringLiteral("count by bin(Timestamp, 1h), DeviceName"),
             QStringLiteral("DeviceProcessEvents | summarize count() by bin(Timestamp, 1h), "
                            "DeviceName"),
             QStringLiteral("SELECT \"Timestamp\" / ?1 * ?1, \"DeviceName\", count(*) FROM "
                            "\"DeviceProcessEvents\" GROUP BY 1, 2"),
             {hour}},
            {QStringLiteral("arg_max(Timestamp, *) by DeviceId"),
             QStringLiteral("DeviceProcessEvents | summarize arg_max(Timestamp, *) by DeviceId"),
             QStringLiteral("SELECT *, max(\"Timestamp\") FROM \"DeviceProcessEvents\" GROUP BY "
                            "\"DeviceId\""),
             {}},
            {QStringLiteral("join process-network on DeviceId, 10 min"),
             QStringLiteral("DeviceProcessEvents | where FileName == 'powershell.exe' | join "
                            "kind=inner (DeviceNetworkEvents | where RemoteIP == '203.0.113.7') on "
                            "DeviceId | where Timestamp1 between (Timestamp .. 10m) | count"),
             QStringLiteral("SELECT count(*) FROM \"DeviceProcessEvents\" p JOIN "
                            "\"DeviceNetworkEvents\" n ON n.\"DeviceId\" = p.\"DeviceId\" WHERE "
                            "p.\"FileName\" = 'powershell.exe' AND n.\"RemoteIP\" = "
                            "'203.0.113.7' AND n.\"Timestamp\" BETWEEN p.\"Timestamp\" AND "
                            "p.\"Timestamp\" + ?1"),
             {qint64(600) * ticksPerSecond}},
            {QStringLiteral("parse_json(AdditionalFields) filter"),
             QStringLiteral(
                     "DeviceProcessEvents | where parse_json(AdditionalFields).IntegrityLevel "
                     "== 'High' | count"),
             QStringLiteral("SELECT count(*) FROM \"DeviceProcessEvents\" WHERE "
                            "json_valid(\"AdditionalFields\") AND "
                            "json_extract(\"AdditionalFields\", '$.IntegrityLevel') = 'High'"),
             {}},
    };

    sqlite3 *db = nullptr;
    sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    registerKqlFunctions(db);
    setKqlNow(db, start + 30LL * 86400 * ticksPerSecond);
    exec(db, "PRAGMA cache_size=-200000");
    out() << "\n| shape | KQL (ms) | hand SQL (ms) | ratio | rows | check + compile (ms) |\n"
          << "|---|---|---|---|---|---|\n";
    bool allEqual = true;
    for (const Shape &shape : shapes) {
        // Check and compile: the median of 50.
        std::vector<double> compileMs;
        std::optional<Kql::CompiledQuery> compiled;
        for (int i = 0; i < 50; ++i) {
            QElapsedTimer t;
            t.start();
            const Kql::QueryAnalysis analysis
                    = Kql::analyzeQuery(shape.kql, HuntingSchema::defender());
            Kql::KqlError error;
            compiled = Kql::compileToSql(analysis, &error);
            compileMs.push_back(double(t.nsecsElapsed()) / 1e6);
            if (!compiled) {
                out() << shape.name << ": refused: " << error.message << '\n';
                return 1;
            }
        }
        std::vector<double> kqlMs;
        std::vector<double> sqlMs;
        qint64 kqlRows = 0;
        qint64 sqlRows = 0;
        QString answer;
        for (int r = 0; r < runs; ++r) {
            const Timed kql = runSql(db, compiled->sql, compiled->parameters);
            const Timed sql = runSql(db, shape.sql, shape.params);
            kqlRows = kql.rows;
            sqlRows = sql.rows;
            if (kql.rows == 1 && kql.first != sql.first)
                sqlRows = -2; // one answer each, and they differ
            answer = kql.rows == 1 ? QStringLiteral(" (%1)").arg(kql.first) : QString();
            kqlMs.push_back(kql.ms);
            sqlMs.push_back(sql.ms);
        }
        const double k = median(kqlMs);
        const double s = median(sqlMs);
        allEqual = allEqual && kqlRows == sqlRows && kqlRows >= 0;
        out() << "| " << shape.name << " | " << QString::number(k, 'f', 0) << " | "
              << QString::number(s, 'f', 0) << " | " << QString::number(k / s, 'f', 2) << " | "
              << kqlRows << answer
              << (kqlRows == sqlRows ? QString() : QStringLiteral(" (SQL: %1)").arg(sqlRows))
              << " | " << QString::number(median(compileMs), 'f', 2) << " |\n";
        out().flush();
    }
    sqlite3_close(db);
    return allEqual ? 0 : 1;
}
