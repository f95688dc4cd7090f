// Initial sync of a simulated 10,000-incident tenant into a new SQLite file: how long it takes,
// how many Graph calls it makes, and how fast Vigil's own code is once the bytes have arrived;
// then the same pages fetched again and stored by a bare hand-written reference (simdjson and
// prepared sqlite3 statements, see barereference.h), whose CPU time Vigil's is compared with.
//
//   bench_initialsync [--incidents N] [--seed S] [--calls-per-minute N]

#include "barereference.h"
#include "benchoptions.h"
#include "incidentrepository.h"
#include "rulerepository.h"
#include "simserver.h"
#include "store.h"
#include "syncworker.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QMutex>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <cstdio>
#include <ctime>

using namespace Vigil;

namespace {

/** "path?query" of a logged list request ("GET /v1.0/security/incidents?... -> 200 (3 ms)"),
 *  empty for anything else. */
QString listRequest(const QString &summary)
{
    if (!summary.startsWith(QLatin1String("GET ")))
        return {};
    const qsizetype end = summary.indexOf(QLatin1String(" -> "));
    QString request = summary.mid(4, end - 4);
    const QString path = request.left(request.indexOf(QLatin1Char('?')));
    if (!path.endsWith(QLatin1String("/security/incidents"))
        && !path.endsWith(QLatin1String("/security/alerts_v2")))
        return {};
    return request;
}

qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

struct Figures
{
    bool ok = false;
    QString error;
    qint64 wallNs = 0;
    qint64 cpuNs = 0; ///< CPU time of the sync thread during the sync
    qint64 systemNs = 0; ///< of which in the kernel
    qint64 networkNs = 0; ///< request sent to reply finished, summed
    qint64 requests = 0;
    qint64 jsonNs = 0;
    qint64 bytes = 0;
    SyncWorker::Timings timings;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Bench::logAsTheProductDoes();
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("incidents"), QStringLiteral("Tenant size."),
                      QStringLiteral("n"), QStringLiteral("10000")});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Tenant seed."), QStringLiteral("s"),
                      QStringLiteral("42")});
    parser.addOption({QStringLiteral("calls-per-minute"),
                      QStringLiteral("Graph call budget (benchmark override of the 150 cap)."),
                      QStringLiteral("n"), QStringLiteral("100000")});
    parser.addOption({QStringLiteral("incidents-only"),
                      QStringLiteral("Skip the alerts_v2 pull (for comparison).")});
    parser.addOption({QStringLiteral("all-rules"),
                      QStringLiteral("Uncheck \"turn off Microsoft incident creation rules\": "
                                     "every product's rule runs, so every alert is pulled.")});
    parser.addOption({QStringLiteral("keep"),
                      QStringLiteral("Keep both databases (prints where they are).")});
    parser.process(app);
    const int callsPerMinute = parser.value(QStringLiteral("calls-per-minute")).toInt();

    // The simulated tenant runs on its own thread, as a remote service would.
    QThread simThread;
    simThread.setObjectName(QStringLiteral("sim"));
    QObject simHome;
    simHome.moveToThread(&simThread);
    simThread.start();
    Sim::SimOptions options;
    options.seed = parser.value(QStringLiteral("seed")).toUInt();
    options.incidents = parser.value(QStringLiteral("incidents")).toInt();
    Sim::SimServer *sim = nullptr;
    QEventLoop waitForSim;
    QTimer::singleShot(0, &simHome, [&] {
        sim = new Sim::SimServer(options);
        if (!sim->listen())
            qFatal("the simulated tenant cannot listen");
        QMetaObject::invokeMethod(&waitForSim, &QEventLoop::quit, Qt::QueuedConnection);
    });
    waitForSim.exec();
    // The list pages the service served, in order: the sync's, then the reference's.
    QMutex servedLock;
    QStringList served;
    QObject::connect(
            sim, &Sim::SimServer::requestServed, sim,
            [&](const QString &summary) {
                const QString request = listRequest(summary);
                if (request.isEmpty())
                    return;
                const QMutexLocker locker(&servedLock);
                served.append(request);
            },
            Qt::DirectConnection);

    QTemporaryDir dir;
    if (parser.isSet(QStringLiteral("keep"))) {
        dir.setAutoRemove(false);
        std::printf("databases kept in %s\n", qPrintable(dir.path()));
    }
    SyncConfig config;
    config.store = StoreConfig::sqlite(dir.filePath(QStringLiteral("vigil.db")));
    config.authorityHost = sim->baseUrl();
    config.graphEndpoint = sim->baseUrl();
    config.tenantId = sim->tenantId();
    config.clientId = sim->clientId();
    config.clientSecret = sim->clientSecret();
    config.autoPoll = false;
    config.callsPerMinute = callsPerMinute;
    config.benchmarkBudgetOverride = true;
    config.pullComponentAlerts = !parser.isSet(QStringLiteral("incidents-only"));
    if (parser.isSet(QStringLiteral("all-rules"))) {
        const auto opened = openStore(config.store);
        if (!opened || !opened.value()->rules().setTurnOffMicrosoftRules(false)) {
            std::fprintf(stderr, "cannot prepare the store\n");
            return 1;
        }
    }

    QThread syncThread;
    syncThread.setObjectName(QStringLiteral("vigil-sync"));
    auto *worker = new SyncWorker(config);
    worker->moveToThread(&syncThread);
    QObject::connect(&syncThread, &QThread::started, worker, &SyncWorker::initialize);
    QObject::connect(&syncThread, &QThread::finished, worker, &QObject::deleteLater);

    Figures figures;
    QElapsedTimer wall;
    qint64 cpuAtStart = 0;
    qint64 systemAtStart = 0;
    QEventLoop waitForSync;
    // Direct connections: these run on the sync thread, where its CPU clock is read.
    QObject::connect(
            worker, &SyncWorker::incidentsLoaded, worker,
            [&](const QList<Incident> &) {
                wall.start();
                cpuAtStart = threadCpuNs();
                systemAtStart = Bench::threadSystemNs();
                worker->syncNow();
            },
            Qt::DirectConnection);
    QObject::connect(
            worker, &SyncWorker::syncFinished, worker,
            [&](bool ok, const Error &error) {
                figures.ok = ok;
                figures.error = ok ? QString() : error.toString();
                figures.wallNs = wall.nsecsElapsed();
                figures.cpuNs = threadCpuNs() - cpuAtStart;
                figures.systemNs = Bench::threadSystemNs() - systemAtStart;
                figures.networkNs = worker->networkWaitNs();
                figures.requests = worker->graphRequests();
                figures.jsonNs = worker->jsonParseNs();
                figures.bytes = worker->bytesReceived();
                figures.timings = worker->timings();
                QMetaObject::invokeMethod(&waitForSync, &QEventLoop::quit, Qt::QueuedConnection);
            },
            Qt::DirectConnection);
    syncThread.start();
    waitForSync.exec();
    syncThread.quit();
    syncThread.wait();

    // The bare reference: the same pages again, from the same service, stored by hand.
    QStringList syncRequests;
    {
        const QMutexLocker locker(&servedLock);
        syncRequests = served;
        served.clear();
    }
    QString firstIncidentPage;
    QString firstAlertPage;
    for (const QString &request : std::as_const(syncRequests)) {
        const bool incidentsList = request.left(request.indexOf(QLatin1Char('?')))
                                           .endsWith(QLatin1String("/incidents"));
        QString &first = incidentsList ? firstIncidentPage : firstAlertPage;
        if (first.isEmpty())
            first = request;
    }
    // With every rule on, the rules make incidents of alerts: more than a bare reference models.
    const bool withReference = !parser.isSet(QStringLiteral("all-rules"));
    Bench::FetchedPages pages
            = figures.ok && withReference
                      ? Bench::fetchPages(sim->baseUrl(), QUrl(config.cloud.graphEndpoint),
                                          sim->tenantId(), sim->clientId(), sim->clientSecret(),
                                          firstIncidentPage, firstAlertPage)
                      : Bench::FetchedPages{};
    QStringList referenceRequests;
    {
        const QMutexLocker locker(&servedLock);
        referenceRequests = served;
    }

    QTimer::singleShot(0, &simHome, [&] {
        delete sim;
        simThread.quit();
    });
    simThread.wait();

    if (!figures.ok) {
        std::fprintf(stderr, "sync failed: %s\n", qPrintable(figures.error));
        return 1;
    }
    auto opened = openStore(config.store, Store::OpenMode::ReadOnly);
    if (!opened) {
        std::fprintf(stderr, "cannot open the store\n");
        return 1;
    }
    Store &store = *opened.value();
    const int incidents = store.incidents().incidentCount();
    const int alerts = store.incidents().alertCount();
    const int componentAlerts = store.rules().componentAlertCount();
    const qint64 databaseBytes = QFileInfo(config.store.location).size()
                                 + QFileInfo(config.store.location + QStringLiteral("-wal")).size();
    if (!pages.error.isEmpty()) {
        std::fprintf(stderr, "fetching the pages again failed: %s\n", qPrintable(pages.error));
        return 1;
    }
    if (withReference && referenceRequests != syncRequests) {
        std::fprintf(stderr,
                     "the reference read other pages than the sync (%lld list pages against "
                     "%lld)\n",
                     static_cast<long long>(referenceRequests.size()),
                     static_cast<long long>(syncRequests.size()));
        return 1;
    }
    const Bench::BareFigures bare
            = withReference
                      ? Bench::runBareReference(dir.filePath(QStringLiteral("reference.db")), pages)
                      : Bench::BareFigures{};
    if (!bare.error.isEmpty()) {
        std::fprintf(stderr, "the bare reference failed: %s\n", qPrintable(bare.error));
        return 1;
    }
    const double wallS = double(figures.wallNs) / 1e9;
    const double cpuS = double(figures.cpuNs) / 1e9;
    const double ownWallS = double(figures.wallNs - figures.networkNs) / 1e9;
    std::printf("bench_initialsync: %d simulated incidents (seed %u)\n", options.incidents,
                options.seed);
    std::printf("  call budget            %d calls/min (benchmark override; the product caps "
                "it at %d)\n",
                callsPerMinute, SyncConfig::kMaxCallsPerMinute);
    std::printf("  wall time              %.2f s\n", wallS);
    std::printf("  Graph calls            %lld\n", static_cast<long long>(figures.requests));
    std::printf("  waiting on HTTP        %.2f s (request sent to reply finished)\n",
                double(figures.networkNs) / 1e9);
    std::printf("  Vigil's own time       %.2f s CPU of the sync thread; %.2f s wall outside "
                "HTTP waits\n",
                cpuS, ownWallS);
    std::printf("  of which (CPU)         %.2f s JSON parsing (%.1f MB), %.2f s mapping to "
                "Vigil types, %.2f s writing SQLite; the rest: HTTP requests and replies, "
                "destroying the page's values, the event loop\n",
                double(figures.jsonNs) / 1e9, double(figures.bytes) / 1e6,
                double(figures.timings.mappingNs) / 1e9, double(figures.timings.storeNs) / 1e9);
    std::printf("  incidents stored       %d\n", incidents);
    std::printf("  alerts stored          %d\n", alerts);
    std::printf("  component alerts       %d%s\n", componentAlerts,
                config.pullComponentAlerts ? "" : " (alerts_v2 not pulled: --incidents-only)");
    std::printf("  database size          %.1f MB (with its WAL)\n", double(databaseBytes) / 1e6);
    std::printf("  alerts/s, Vigil's own  %.0f (by sync-thread CPU), %.0f (by wall outside "
                "HTTP waits); target >= 20000\n",
                alerts / cpuS, alerts / ownWallS);
    std::printf("  alerts/s, end to end   %.0f\n", alerts / wallS);
    if (!withReference) {
        std::printf("bare reference not run: with --all-rules the rules create incidents\n");
        return 0;
    }
    const double bareS = double(bare.cpuNs) / 1e9;
    std::printf("bare reference (simdjson on-demand + prepared sqlite3 inserts, one transaction "
                "per page, the store's schema and pragmas; no network)\n");
    std::printf("  pages                  %lld incident pages, %lld alert pages (%.1f MB), the "
                "same %lld requests as the sync\n",
                static_cast<long long>(pages.incidentPages.size()),
                static_cast<long long>(pages.alertPages.size()), double(pages.bytes) / 1e6,
                static_cast<long long>(referenceRequests.size()));
    std::printf("  stored                 %lld incidents, %lld alerts, %lld component alerts "
                "(Vigil: %d, %d, %d)\n",
                static_cast<long long>(bare.incidents), static_cast<long long>(bare.alerts),
                static_cast<long long>(bare.componentAlerts), incidents, alerts, componentAlerts);
    QString compareError;
    const qint64 differing = Bench::differingRows(
            config.store.location, dir.filePath(QStringLiteral("reference.db")), &compareError);
    std::printf("  rows that differ       %lld (incidents, alerts, comments, component alerts; "
                "both ways)\n",
                static_cast<long long>(differing));
    std::printf("  CPU time               %.2f s, %.2f s of it in the kernel (Vigil's sync "
                "thread: %.2f s, %.2f s in the kernel)\n",
                bareS, double(bare.systemNs) / 1e9, cpuS, double(figures.systemNs) / 1e9);
    std::printf("  Vigil reaches          %.2f of the bare reference (reference CPU / Vigil CPU; "
                "goal >= 0.8)\n",
                bareS / cpuS);
    if (bare.incidents != incidents || bare.alerts != alerts
        || bare.componentAlerts != componentAlerts) {
        std::fprintf(stderr, "the bare reference stored other counts than the sync\n");
        return 1;
    }
    if (differing != 0) {
        std::fprintf(stderr, "the bare reference stored other rows than the sync%s%s\n",
                     compareError.isEmpty() ? "" : ": ", qPrintable(compareError));
        return 1;
    }
    return 0;
}
