// `sync --once`: one pull from Microsoft 365 Defender, then the outbox delivered.
#include "controllerrun.h"
#include "ctlcommands.h"
#include "ctloutput.h"
#include "synccontroller.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace Vigil::Ctl {

void addSyncOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("once"), QStringLiteral("sync: pull once and exit.")});
}

int runSync(const QCommandLineParser &parser, const QStringList &)
{
    if (parser.isSet(QStringLiteral("follow")))
        return runSyncFollow(parser);
    if (!parser.isSet(QStringLiteral("once"))) {
        return fail(QStringLiteral("'sync' needs --once, or --follow to keep syncing."), Usage);
    }
    Result<AppOptions> options = AppOptions::fromParser(parser);
    if (!options)
        return fail(options.error().message, Usage);
    // One run does not sit out a long throttle: it stops and says how long the service asked.
    options.value().syncConfig().failRetryWaitAboveSeconds = 60;

    ControllerRun run(options.value(), ControllerRun::Reach::Graph);
    if (const int opened = run.open(); opened != Ok)
        return opened;
    SyncController &controller = run.controller();
    QCoreApplication *app = QCoreApplication::instance();

    SyncStatus lastStatus;
    bool pulled = false;
    QObject::connect(&controller, &SyncController::statusChanged, app,
                     [&lastStatus](const SyncStatus &status) { lastStatus = status; });
    QObject::connect(
            &controller, &SyncController::syncFinished, app, [&](bool ok, const Error &error) {
                if (!ok) {
                    run.finish(fail(QStringLiteral("sync failed: ") + describe(error)));
                    return;
                }
                out() << QStringLiteral("Synced: %1 incidents changed, %2 in the local queue.")
                                 .arg(lastStatus.incidentsThisCycle)
                                 .arg(lastStatus.incidentsInStore)
                      << Qt::endl;
                out() << QStringLiteral("Component alerts: %1 pulled; incident-creation rules "
                                        "created %2 incidents; %3 duplicates newly linked, %4 in "
                                        "the queue.")
                                 .arg(lastStatus.alertsThisCycle)
                                 .arg(lastStatus.ruleIncidentsThisCycle)
                                 .arg(lastStatus.duplicatesThisCycle)
                                 .arg(lastStatus.duplicatesInStore)
                      << Qt::endl;
                if (lastStatus.componentAlertsError) {
                    err() << "vigilctl: component alerts were not pulled and the "
                             "incident-creation rules did not run: "
                          << describe(*lastStatus.componentAlertsError) << Qt::endl;
                }
                pulled = true; // the outbox is delivered next; outboxFlushed ends the run
            });
    QObject::connect(&controller, &SyncController::outboxFlushed, app,
                     [&](int delivered, int queued) {
                         if (!pulled)
                             return;
                         out() << QStringLiteral("Edits: %1 delivered, %2 still queued.")
                                          .arg(delivered)
                                          .arg(queued)
                               << Qt::endl;
                         run.finish(Ok);
                     });
    const int synced = run.exec([&controller](const QList<Incident> &) { controller.syncNow(); });
    // With a storage account connected, the hunting events are read as well.
    AppOptions eventOptions = options.value();
    eventOptions.syncConfig().store = run.config().store; // the demo's throwaway store too
    const int events = pullEventsOnce(eventOptions, QString(), true, run.storageEnvironment());
    return synced != Ok ? synced : events;
}

} // namespace Vigil::Ctl
