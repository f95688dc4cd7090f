// `sync --once`: the hunting events read, one pull from Microsoft 365 Defender, the outbox
// delivered, then Defender's functions for the local hunts fetched.
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
    // With a storage account connected, the hunting events are read first, so that the cycle's
    // fetch of Defender's functions (file profiles, SeenBy()) asks about what they name.
    AppOptions eventOptions = options.value();
    eventOptions.syncConfig().store = run.config().store; // the demo's throwaway store too
    const int events = pullEventsOnce(eventOptions, QString(), true, run.storageEnvironment());
    SyncController &controller = run.controller();
    QCoreApplication *app = QCoreApplication::instance();

    SyncStatus lastStatus;
    bool pulled = false;
    bool flushed = false;
    bool enriched = false;
    // The run ends once the outbox is delivered and Defender's functions are fetched.
    const auto finishWhenDone = [&] {
        if (pulled && flushed && enriched)
            run.finish(Ok);
    };
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
                pulled = true; // the outbox and Defender's functions come next
                finishWhenDone();
            });
    QObject::connect(&controller, &SyncController::outboxFlushed, app,
                     [&](int delivered, int queued) {
                         if (!pulled || flushed)
                             return;
                         out() << QStringLiteral("Edits: %1 delivered, %2 still queued.")
                                          .arg(delivered)
                                          .arg(queued)
                               << Qt::endl;
                         flushed = true;
                         finishWhenDone();
                     });
    QObject::connect(&controller, &SyncController::enrichmentFinished, app,
                     [&](int fileProfiles, int seenBy) {
                         if (!pulled || enriched)
                             return;
                         out() << QStringLiteral(
                                          "For local hunts: %1 file profiles and %2 SeenBy() "
                                          "answers fetched from Defender.")
                                          .arg(fileProfiles)
                                          .arg(seenBy)
                               << Qt::endl;
                         // Incidents synced all the same: said, not failed.
                         if (lastStatus.fileProfilesError)
                             err() << "vigilctl: Defender's file profiles were not fetched: "
                                   << describe(*lastStatus.fileProfilesError) << Qt::endl;
                         if (lastStatus.seenByError)
                             err() << "vigilctl: Defender's SeenBy() answers were not fetched: "
                                   << describe(*lastStatus.seenByError) << Qt::endl;
                         enriched = true;
                         finishWhenDone();
                     });
    const int synced = run.exec([&controller](const QList<Incident> &) { controller.syncNow(); });
    return synced != Ok ? synced : events;
}

} // namespace Vigil::Ctl
