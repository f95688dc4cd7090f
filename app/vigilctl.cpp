// vigilctl: Vigil's command line. Same engine as the GUI (SyncController), no Widgets.
// The commands live in ctl/, one file per group; this file names them and dispatches.
#include "appoptions.h"
#include "ctl/ctlcommands.h"
#include "ctl/ctloutput.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QRegularExpression>

using namespace Vigil;
using namespace Vigil::Ctl;

namespace {

/** Every command, in the order --help lists them. */
const QList<Command> &commands()
{
    static const QList<Command> table = {
            {QStringLiteral("sync"), 0,
             QStringLiteral("  sync --once                          pull incidents from Microsoft "
                            "365 Defender once\n"
                            "  sync --follow [--db URL]             keep syncing; with a team "
                            "database, only while\n"
                            "                                       this process leads its sync"),
             runSync},
            {QStringLiteral("incidents list"), 0,
             QStringLiteral("  incidents list [--format F] [--filter EXPR]\n"
                            "                                       the incident queue (json, csv "
                            "or table),\n"
                            "                                       filtered as in the window"),
             runIncidentsList},
            {QStringLiteral("incident show"), 1,
             QStringLiteral("  incident show NUMBER [--all-alerts] [--format json|table]\n"
                            "                                       one incident: summary, SLA, "
                            "age, alerts with\n"
                            "                                       MITRE techniques, entities, "
                            "comments, activity"),
             runIncidentShow},
            {QStringLiteral("incident update"), 1,
             QStringLiteral("  incident update NUMBER [--status S] [--owner UPN | --assign-to-me]\n"
                            "      [--classification C] [--reason R] [--determination D] "
                            "[--add-tag T]...\n"
                            "      [--remove-tag T]... [--comment TEXT] [--wait]\n"
                            "                                       change an incident: sent to "
                            "Graph at once\n"
                            "                                       (one try, 10 s), else "
                            "queued, saying why;\n"
                            "                                       --wait: retried until "
                            "delivered or refused"),
             runIncidentUpdate},
            {QStringLiteral("outbox list"), 0,
             QStringLiteral("  outbox list [--format json]          edits not yet accepted by "
                            "Graph"),
             runOutboxList},
            {QStringLiteral("connect"), 0,
             QStringLiteral("  connect --device-code | --client-secret-stdin [--tenant T] "
                            "[--client-id C]\n"
                            "      [--cloud NAME]                   sign in (device code: as an "
                            "analyst; secret:\n"
                            "                                       as the app) and keep the "
                            "connection: settings\n"
                            "                                       in the data directory, secret "
                            "in the keychain"),
             runConnect},
            {QStringLiteral("disconnect"), 0,
             QStringLiteral("  disconnect                           forget the connection and its "
                            "secrets"),
             runDisconnect},
            {QStringLiteral("connector status"), 0,
             QStringLiteral("  connector status [--format json]     tenant, identity, cloud, "
                            "keychain, health"),
             runConnectorStatus},
            {QStringLiteral("import"), 1,
             QStringLiteral("  import FILE [--table NAME] [--format json]\n"
                            "                                       hunting data from a file: "
                            "streaming JSON lines\n"
                            "                                       or a portal CSV export "
                            "(--table), gzip too"),
             runImport},
            {QStringLiteral("tables list"), 0,
             QStringLiteral("  tables list [--format json|table] [--days N]\n"
                            "                                       the hunting tables: rows, "
                            "size, retention,\n"
                            "                                       what N days would take"),
             runTablesList},
            {QStringLiteral("tables collect"), 2,
             QStringLiteral("  tables collect TABLE on|off [--delete]\n"
                            "                                       collect a hunting table or "
                            "not"),
             runTablesCollect},
            {QStringLiteral("retention set"), 2,
             QStringLiteral("  retention set TABLE DAYS|unlimited   how long a hunting table "
                            "keeps rows"),
             runRetentionSet},
            {QStringLiteral("retention run"), 0,
             QStringLiteral("  retention run                        delete expired hunting rows "
                            "now"),
             runRetentionRun},
            {QStringLiteral("rules list"), 0,
             QStringLiteral("  rules list [--format json|table]     the incident-creation rules"),
             runRules},
            {QStringLiteral("rules set"), 1,
             QStringLiteral("  rules set PRODUCT [--enabled B] [--severities L] [--include L] "
                            "[--exclude L]\n"
                            "      [--skip-m365d B]                 change a rule (MDE, MDI, MDO, "
                            "MCAS,\n"
                            "                                       EntraIDProtection, "
                            "DefenderForCloud)"),
             runRules},
            {QStringLiteral("connector set"), 0,
             QStringLiteral("  connector set --turn-off-microsoft-rules B\n"
                            "                                       turn the MDE, MDI and MDO "
                            "rules off or on"),
             runRules},
            {QStringLiteral("events connect"), 0,
             QStringLiteral(
                     "  events connect --storage-url URL (--sas-stdin | --account-key-stdin)\n"
                     "                                       keep the storage account the "
                     "Defender streaming\n"
                     "                                       API writes to (secret in the "
                     "keychain)"),
             runEventsConnect},
            {QStringLiteral("events disconnect"), 0,
             QStringLiteral("  events disconnect                    forget the storage account "
                            "and its secret"),
             runEventsDisconnect},
            {QStringLiteral("events pull"), 0,
             QStringLiteral("  events pull --once [--format json]  read what is new in the storage "
                            "account into\n"
                            "                                       the hunting tables"),
             runEventsPull},
            {QStringLiteral("events status"), 0,
             QStringLiteral("  events status [--format json]        per table: checkpoints, last "
                            "pull, errors"),
             runEventsStatus},
            {QStringLiteral("kql schema"), 1,
             QStringLiteral("  kql schema QUERY | --file F          the result columns of a KQL "
                            "query (not run)"),
             runKqlSchema},
            {QStringLiteral("kql schema"), 0, QString(), runKqlSchema},
            {QStringLiteral("hunt"), 1,
             QStringLiteral("  hunt QUERY | --file F [--format json|csv|table] [--as-of DATETIME]\n"
                            "      [--limit N] [--timeout S] [--offline]\n"
                            "                                       run a KQL hunting query on "
                            "the local tables\n"
                            "  hunt --remote QUERY | --file F [--timespan ISO] [--format F]\n"
                            "                                       run it in Microsoft 365 "
                            "Defender instead (the last 30 days)"),
             runHunt},
            {QStringLiteral("hunt"), 0, QString(), runHunt},
            {QStringLiteral("feeds list"), 0,
             QStringLiteral("  feeds list [--format json]           externaldata: allowed hosts, "
                            "limits, cached copies\n"
                            "  feeds allow HOST | feeds deny HOST   let externaldata fetch from "
                            "HOST (https),\n"
                            "                                       or no longer (*.example.com: "
                            "its subdomains)\n"
                            "  feeds limit MB SECONDS               the size and time limit of "
                            "one fetch\n"
                            "  feeds offline on|off                 use cached copies only, or "
                            "fetch again\n"
                            "  feeds import URL FILE | feeds forget URL\n"
                            "                                       keep FILE as URL's cached "
                            "copy, or drop the copy\n"
                            "  feeds urls QUERY | --file F          the URLs a query's "
                            "externaldata reads"),
             runFeeds},
            {QStringLiteral("feeds allow"), 1, QString(), runFeeds},
            {QStringLiteral("feeds deny"), 1, QString(), runFeeds},
            {QStringLiteral("feeds limit"), 2, QString(), runFeeds},
            {QStringLiteral("feeds offline"), 1, QString(), runFeeds},
            {QStringLiteral("feeds import"), 2, QString(), runFeeds},
            {QStringLiteral("feeds forget"), 1, QString(), runFeeds},
            {QStringLiteral("feeds urls"), 1, QString(), runFeedUrls},
            {QStringLiteral("feeds urls"), 0, QString(), runFeedUrls},
            {QStringLiteral("team status"), 0,
             QStringLiteral("  team status --db URL [--format json|text]\n"
                            "                                       who leads a team database's "
                            "sync, which consoles\n"
                            "                                       take part"),
             runTeamStatus},
            {QStringLiteral("db migrate"), 0,
             QStringLiteral("  db migrate --from sqlite:PATH --to postgresql://URL [--force]\n"
                            "                                       copy a store into the team "
                            "database, verified by counts"),
             runDbMigrate},
    };
    return table;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // Progress detail is for QT_LOGGING_RULES="vigil.*.debug=true"; warnings always show.
    QLoggingCategory::setFilterRules(QStringLiteral("vigil.*.debug=false\nvigil.*.info=false"));
    QCoreApplication::setApplicationName(QStringLiteral("Vigil"));
    QCoreApplication::setOrganizationName(QStringLiteral("Vigil"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VIGIL_VERSION));

    QStringList help;
    for (const Command &command : commands()) {
        if (!command.help.isEmpty())
            help.append(command.help);
    }
    QCommandLineParser parser;
    parser.setApplicationDescription(
            QStringLiteral("Vigil command line.\n\nCommands:\n") + help.join(QLatin1Char('\n'))
            + QStringLiteral("\n\nExit codes:\n"
                             "  0  done (incident update without --wait: stored, and delivered "
                             "or queued\n"
                             "     as the output says)\n"
                             "  1  failed (incident update: refused by Graph, or with --wait not "
                             "deliverable\n"
                             "     from here; the edit then stays queued)\n"
                             "  2  wrong command line"));
    parser.addHelpOption();
    parser.addVersionOption();
    AppOptions::addTo(parser);
    // In this order in --help: sync's, the shared --format, then each group's.
    addSyncOptions(parser);
    addFormatOption(parser);
    addIncidentOptions(parser);
    addConnectOptions(parser);
    addRuleOptions(parser);
    addEventOptions(parser);
    addKqlOptions(parser);
    addHuntOptions(parser);
    addFeedOptions(parser);
    addTableOptions(parser);
    addTeamOptions(parser);
    addDbOptions(parser);
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("See above."));
    QStringList arguments = QCoreApplication::arguments();
    if (!parser.parse(arguments)) {
        // There are no numeric options: "-1" was meant as an operand (an incident number, a
        // number of days), not an option. Hand such operands over as operands, after "--", so
        // that the command they belong to judges them and says what it expects.
        static const QRegularExpression negative(QStringLiteral("^-\\d+$"));
        QStringList numbers;
        for (qsizetype i = arguments.size() - 1; i >= 1; --i) {
            if (negative.match(arguments.at(i)).hasMatch())
                numbers.prepend(arguments.takeAt(i));
        }
        if (!numbers.isEmpty() && !arguments.contains(QStringLiteral("--")))
            arguments << QStringLiteral("--") << numbers;
        else
            arguments = QCoreApplication::arguments();
    }
    parser.process(arguments);

    const QStringList args = parser.positionalArguments();
    for (const Command &command : commands()) {
        if (command.matches(args))
            return command.run(parser, args);
    }
    return fail(QStringLiteral("unknown command '%1'. Try 'vigilctl --help'.")
                        .arg(args.join(QLatin1Char(' '))),
                Usage);
}
