// Team mode on the command line: `team status` (who leads the sync of a team database, which
// consoles take part) and `sync --follow` (a headless console that takes part in the election
// and syncs while it leads).
#include "controllerrun.h"
#include "ctlcommands.h"
#include "ctloutput.h"
#include "storeconfig.h"
#include "synccontroller.h"
#include "teamdatabase.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <csignal>

namespace Vigil::Ctl {

namespace {

volatile std::sig_atomic_t s_stopRequested = 0;

void requestStop(int)
{
    s_stopRequested = 1;
}

QJsonObject consoleJson(const TeamConsole &console)
{
    return QJsonObject{
            {QStringLiteral("consoleId"), console.consoleId},
            {QStringLiteral("host"), console.host},
            {QStringLiteral("pid"), double(console.pid)},
            {QStringLiteral("analyst"), console.analyst},
            {QStringLiteral("kind"), console.kind},
            {QStringLiteral("role"),
             console.leader ? QStringLiteral("leader") : QStringLiteral("reader")},
            {QStringLiteral("since"), console.since.toString(Qt::ISODateWithMs)},
            {QStringLiteral("lastSeen"), console.lastSeen.toString(Qt::ISODateWithMs)},
    };
}

} // namespace

int reportTeamStatus(const TeamSettings &settings, const QString &format);

void addTeamOptions(QCommandLineParser &parser)
{
    parser.addOptions({
            {QStringLiteral("follow"),
             QStringLiteral("sync: keep syncing at the poll interval (with --db: only while "
                            "this process leads the team's sync) until SIGTERM or SIGINT.")},
    });
}

QString teamDatabaseUrl(const QCommandLineParser &parser)
{
    // --db is every command's option (AppOptions): the team database is the store's.
    const QString given = parser.value(QStringLiteral("db"));
    return given.isEmpty() ? qEnvironmentVariable("VIGIL_DB") : given;
}

int runTeamStatus(const QCommandLineParser &parser, const QStringList &)
{
    const QString format = parser.value(QStringLiteral("format")).toLower();
    if (!format.isEmpty() && format != QLatin1String("json") && format != QLatin1String("text"))
        return fail(QStringLiteral("team status supports --format json or text."), Usage);
    TeamSettings settings;
    settings.databaseUrl = teamDatabaseUrl(parser);
    if (settings.databaseUrl.isEmpty())
        return fail(QStringLiteral("team status needs the team database: --db URL or VIGIL_DB."),
                    Usage);
    // The password: from the keychain, or moved there from the URL.
    return withTeamDatabasePassword(StoreConfig::postgres(settings.databaseUrl),
                                    [&settings, &format](const QString &password) {
                                        settings.password = password;
                                        return reportTeamStatus(settings, format);
                                    });
}

int reportTeamStatus(const TeamSettings &settings, const QString &format)
{
    Team::TeamConnection connection(
            QStringLiteral("vigilctl-status-%1").arg(QCoreApplication::applicationPid()));
    Result<void> opened = connection.open(settings);
    if (opened)
        opened = Team::ensureTeamTables(connection.database());
    if (!opened)
        return fail(describe(opened.error()));
    const Result<QList<TeamConsole>> consoles = Team::readConsoles(connection.database());
    if (!consoles)
        return fail(describe(consoles.error()));
    const bool led = !consoles->isEmpty() && consoles->constFirst().leader;

    if (format == QLatin1String("json")) {
        QJsonArray list;
        for (const TeamConsole &console : *consoles)
            list.append(consoleJson(console));
        QJsonObject leader;
        if (led) {
            const TeamConsole &first = consoles->constFirst();
            leader = QJsonObject{{QStringLiteral("host"), first.host},
                                 {QStringLiteral("pid"), double(first.pid)},
                                 {QStringLiteral("analyst"), first.analyst},
                                 {QStringLiteral("since"), first.since.toString(Qt::ISODateWithMs)},
                                 {QStringLiteral("consoleId"), first.consoleId}};
        }
        const QJsonObject status{
                {QStringLiteral("leader"), led ? QJsonValue(leader) : QJsonValue(QJsonValue::Null)},
                {QStringLiteral("consoles"), list}};
        out() << QJsonDocument(status).toJson(QJsonDocument::Indented);
        return Ok;
    }
    if (led) {
        const TeamConsole &first = consoles->constFirst();
        out() << "Sync leader: "
              << terminalSafe(first.analyst.isEmpty() ? QStringLiteral("(no analyst)")
                                                      : first.analyst)
              << " on " << terminalSafe(first.host) << " (pid " << first.pid << ") since "
              << first.since.toString(Qt::ISODate) << Qt::endl;
    } else {
        out() << "Sync leader: none" << Qt::endl;
    }
    QList<QStringList> rows;
    for (const TeamConsole &console : *consoles) {
        rows.append({console.leader ? QStringLiteral("leader") : QStringLiteral("reader"),
                     console.analyst, console.host, QString::number(console.pid), console.kind,
                     console.lastSeen.toString(Qt::ISODate)});
    }
    if (!rows.isEmpty())
        writeTable({QStringLiteral("ROLE"), QStringLiteral("ANALYST"), QStringLiteral("HOST"),
                    QStringLiteral("PID"), QStringLiteral("KIND"), QStringLiteral("LAST SEEN")},
                   rows);
    return Ok;
}

int runSyncFollow(const QCommandLineParser &parser)
{
    Result<AppOptions> options = AppOptions::fromParser(parser);
    if (!options)
        return fail(options.error().message, Usage);
    ControllerRun run(options.value(), ControllerRun::Reach::Graph);
    if (const int opened = run.open(); opened != Ok)
        return opened;
    SyncController &controller = run.controller();
    const int intervalMs = std::clamp(run.config().pollIntervalSeconds, 5, 300) * 1000;
    TeamSettings team;
    team.databaseUrl = teamDatabaseUrl(parser);
    team.analyst = options->analystUpn();
    team.kind = QStringLiteral("vigilctl");
    team.pollIntervalMs = intervalMs;
    if (team.isEnabled())
        controller.setTeam(team);
    QCoreApplication *app = QCoreApplication::instance();

    // Without a team every process leads its own store.
    bool leading = !team.isEnabled();
    bool cycleRunning = false;
    SyncStatus lastStatus;
    const auto cycle = [&] {
        if (!leading || cycleRunning || !run.loaded())
            return;
        cycleRunning = true;
        controller.syncNow();
    };
    QObject::connect(&controller, &SyncController::statusChanged, app,
                     [&lastStatus](const SyncStatus &status) { lastStatus = status; });
    QObject::connect(&controller, &SyncController::syncFinished, app,
                     [&](bool ok, const Error &error) {
                         cycleRunning = false;
                         if (!ok) {
                             err() << "vigilctl: sync failed: " << describe(error) << Qt::endl;
                             return;
                         }
                         out() << QStringLiteral("Synced: %1 incidents changed, %2 in the "
                                                 "local queue.")
                                          .arg(lastStatus.incidentsThisCycle)
                                          .arg(lastStatus.incidentsInStore)
                               << Qt::endl;
                     });
    QObject::connect(&controller, &SyncController::leadershipChanged, app, [&](bool leader) {
        leading = leader;
        out() << (leader ? "Leading the team's sync." : "No longer leading the team's sync.")
              << Qt::endl;
        if (leader)
            cycle();
    });
    QObject::connect(
            &controller, &SyncController::leaderChanged, app, [&](const TeamConsole &leader) {
                if (!leader.isValid() || leading)
                    return;
                out() << "Sync leader: "
                      << terminalSafe(leader.analyst.isEmpty() ? leader.host : leader.analyst)
                      << " (pid " << leader.pid << ")" << Qt::endl;
            });
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, app, cycle);
    poll.start(intervalMs);
    // SIGTERM and SIGINT end the run between two events: the election's lock and row go as
    // the controller stops.
    std::signal(SIGTERM, requestStop);
    std::signal(SIGINT, requestStop);
    QTimer stopCheck;
    QObject::connect(&stopCheck, &QTimer::timeout, app, [&] {
        if (s_stopRequested) {
            stopCheck.stop();
            out() << "Stopping." << Qt::endl;
            run.finish(Ok);
        }
    });
    stopCheck.start(50);
    return run.exec([&](const QList<Incident> &) { cycle(); });
}

} // namespace Vigil::Ctl
