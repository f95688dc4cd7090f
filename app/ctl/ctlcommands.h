#pragma once

#include <QProcessEnvironment>

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

class QCommandLineParser;

namespace Vigil {
class AppOptions;
}
namespace Vigil::Kql {
struct KqlError;
struct ExternalFeed;
} // namespace Vigil::Kql

// vigilctl's commands, one file per group; vigilctl.cpp holds the table that names them.
namespace Vigil::Ctl {

/** Runs one command; args are the positional arguments (the command words first). Answers the
 *  process's exit code. */
using CommandHandler = int (*)(const QCommandLineParser &parser, const QStringList &args);

/**
 * @brief One line of vigilctl's command table: the words that name a command, how many operands
 * follow them, its lines in --help and the function that runs it.
 */
struct Command
{
    QString words; // "incident show"
    int operands = 0; // NUMBER, PRODUCT
    QString help;
    CommandHandler run = nullptr;

    bool matches(const QStringList &args) const
    {
        const QStringList named = words.split(QLatin1Char(' '));
        return args.size() == named.size() + operands && args.mid(0, named.size()) == named;
    }
};

// synccommands.cpp
void addSyncOptions(QCommandLineParser &parser);
int runSync(const QCommandLineParser &parser, const QStringList &args);

// teamcommands.cpp: `team status`, `sync --follow` and the --db option they read.
void addTeamOptions(QCommandLineParser &parser);
int runTeamStatus(const QCommandLineParser &parser, const QStringList &args);
int runSyncFollow(const QCommandLineParser &parser);
/** --db, else $VIGIL_DB; empty when neither is given. */
QString teamDatabaseUrl(const QCommandLineParser &parser);

// incidentcommands.cpp
void addIncidentOptions(QCommandLineParser &parser);
int runIncidentsList(const QCommandLineParser &parser, const QStringList &args);
int runIncidentShow(const QCommandLineParser &parser, const QStringList &args);
int runIncidentUpdate(const QCommandLineParser &parser, const QStringList &args);

// outboxcommands.cpp
int runOutboxList(const QCommandLineParser &parser, const QStringList &args);

// dbcommands.cpp: `db migrate --from sqlite:PATH --to postgresql://…`.
void addDbOptions(QCommandLineParser &parser);
int runDbMigrate(const QCommandLineParser &parser, const QStringList &args);

// connectcommands.cpp
void addConnectOptions(QCommandLineParser &parser);
int runConnect(const QCommandLineParser &parser, const QStringList &args);
int runDisconnect(const QCommandLineParser &parser, const QStringList &args);
int runConnectorStatus(const QCommandLineParser &parser, const QStringList &args);

// rulecommands.cpp: `rules list`, `rules set PRODUCT` and `connector set` share one handler.
void addRuleOptions(QCommandLineParser &parser);
int runRules(const QCommandLineParser &parser, const QStringList &args);

// eventcommands.cpp
void addEventOptions(QCommandLineParser &parser);
int runEventsConnect(const QCommandLineParser &parser, const QStringList &args);
int runEventsDisconnect(const QCommandLineParser &parser, const QStringList &args);
// eventpullcommands.cpp: `events pull --once`, `events status`.
int runEventsPull(const QCommandLineParser &parser, const QStringList &args);
int runEventsStatus(const QCommandLineParser &parser, const QStringList &args);
/** One streaming pass into the hunting tables; quietWhenNone: Ok without a word when no storage
 *  account is set up (as `sync --once` calls it). format: "json" or table. */
int pullEventsOnce(const AppOptions &options, const QString &format, bool quietWhenNone,
                   const QProcessEnvironment &environment
                   = QProcessEnvironment::systemEnvironment());
// kqlcommands.cpp: `kql schema QUERY` and `kql schema --file F`.
void addKqlOptions(QCommandLineParser &parser);
int runKqlSchema(const QCommandLineParser &parser, const QStringList &args);
// huntcommands.cpp: `hunt QUERY` and `hunt --file F`: run a KQL query on the hunting tables.
void addHuntOptions(QCommandLineParser &parser);
int runHunt(const QCommandLineParser &parser, const QStringList &args);
/** A query the front end or the compiler refused: `{"error", "line", "column"}` on stdout when
 *  json, the message with its position on stderr; the usage exit code. */
int refusedQuery(const Kql::KqlError &error, bool json);
// feedcommands.cpp: `feeds …`: externaldata's allow-list, limits and cached copies.
void addFeedOptions(QCommandLineParser &parser);
int runFeeds(const QCommandLineParser &parser, const QStringList &args);
int runFeedUrls(const QCommandLineParser &parser, const QStringList &args);
/** The feeds of urls (allow-list, limits and cache of dataDir; offline: cached copies only),
 *  fetched while this thread waits; nullopt only when the fetch was cancelled. */
std::optional<QHash<QString, Kql::ExternalFeed>> fetchFeeds(const QString &dataDir,
                                                            const QStringList &urls, bool offline);
// tablecommands.cpp: the hunting tables (import, sizes, collection, retention).
void addTableOptions(QCommandLineParser &parser);
int runImport(const QCommandLineParser &parser, const QStringList &args);
int runTablesList(const QCommandLineParser &parser, const QStringList &args);
int runTablesCollect(const QCommandLineParser &parser, const QStringList &args);
int runRetentionSet(const QCommandLineParser &parser, const QStringList &args);
int runRetentionRun(const QCommandLineParser &parser, const QStringList &args);

} // namespace Vigil::Ctl
