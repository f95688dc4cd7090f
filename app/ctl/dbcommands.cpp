// `db migrate --from sqlite:PATH --to postgresql://…`: one analyst's store into the team
// database.
#include "controllerrun.h"
#include "ctlcommands.h"
#include "ctloutput.h"
#include "postgres/pgimport.h"
#include "postgres/pglocation.h"

#include <QCommandLineParser>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Vigil::Ctl {

void addDbOptions(QCommandLineParser &parser)
{
    parser.addOptions({
            {QStringLiteral("from"),
             QStringLiteral("db migrate: the store to copy, sqlite:PATH (its vigil.sqlite)."),
             QStringLiteral("store")},
            {QStringLiteral("to"),
             QStringLiteral("db migrate: the team database, postgresql://user@host:port/db."),
             QStringLiteral("url")},
            {QStringLiteral("force"),
             QStringLiteral("db migrate: replace everything a non-empty team database holds.")},
    });
}

int copyAndReport(const QString &path, const StoreConfig &target, bool force,
                  const QString &format);

int runDbMigrate(const QCommandLineParser &parser, const QStringList &)
{
    const QString from = parser.value(QStringLiteral("from"));
    const QString to = parser.value(QStringLiteral("to"));
    if (!from.startsWith(QLatin1String("sqlite:")) || from.size() <= 7)
        return fail(QStringLiteral("db migrate needs --from sqlite:PATH, the vigil.sqlite of the "
                                   "store to copy."),
                    Usage);
    if (to.isEmpty())
        return fail(QStringLiteral("db migrate needs --to postgresql://user@host:port/dbname."),
                    Usage);
    QString password;
    const Result<PgLocation> where = PgLocation::parse(to, &password);
    if (!where)
        return fail(QStringLiteral("--to: %1").arg(where.error().message), Usage);
    const QString path = QDir::cleanPath(from.mid(7));
    const QString format = parser.value(QStringLiteral("format")).toLower();
    if (!format.isEmpty() && format != QLatin1String("json") && format != QLatin1String("table"))
        return fail(QStringLiteral("db migrate supports --format json or table."), Usage);

    // Say what is about to happen before it does: a copy can take a while.
    if (format != QLatin1String("json")) {
        out() << QStringLiteral("Copying %1 into %2%3 (the source is only read)…")
                         .arg(terminalSafe(path), terminalSafe(where.value().displayName()),
                              parser.isSet(QStringLiteral("force"))
                                      ? QStringLiteral(", replacing what it holds")
                                      : QString())
              << Qt::endl;
    }
    // The password: from the keychain, or moved there from the URL.
    return withTeamDatabasePassword(
            StoreConfig::postgres(where.value().toUrl(), password), [&](const QString &found) {
                return copyAndReport(path, StoreConfig::postgres(where.value().toUrl(), found),
                                     parser.isSet(QStringLiteral("force")), format);
            });
}

int copyAndReport(const QString &path, const StoreConfig &target, bool force, const QString &format)
{
    const Result<StoreCopyReport> copied
            = copySqliteStoreToPostgres(StoreConfig::sqlite(path), target, force);
    if (!copied)
        return fail(describe(copied.error()));
    const StoreCopyReport &report = copied.value();
    if (format == QLatin1String("json")) {
        QJsonArray tables;
        for (const StoreCopyCount &count : report.tables)
            tables.append(QJsonObject{{QStringLiteral("table"), count.table},
                                      {QStringLiteral("source"), count.source},
                                      {QStringLiteral("target"), count.target}});
        out() << QJsonDocument(QJsonObject{{QStringLiteral("verified"), report.verified},
                                           {QStringLiteral("replacedIncidents"),
                                            report.replacedIncidents},
                                           {QStringLiteral("tables"), tables}})
                         .toJson(QJsonDocument::Indented);
    } else {
        out() << QStringLiteral("%1 %2 %3")
                         .arg(QStringLiteral("table"), -18)
                         .arg(QStringLiteral("source"), 10)
                         .arg(QStringLiteral("copied"), 10)
              << Qt::endl;
        for (const StoreCopyCount &count : report.tables)
            out() << QStringLiteral("%1 %2 %3")
                             .arg(count.table, -18)
                             .arg(count.source, 10)
                             .arg(count.target, 10)
                  << Qt::endl;
        out() << (report.verified ? QStringLiteral(
                          "Verified: every table holds as many rows as the source.")
                                  : QStringLiteral("NOT verified: the counts above differ."))
              << Qt::endl;
    }
    out().flush();
    return report.verified ? Ok : Failed;
}

} // namespace Vigil::Ctl
