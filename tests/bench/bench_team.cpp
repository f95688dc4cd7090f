// bench_team: team mode on one throwaway PostgreSQL server and one simulated tenant, in one run.
//   1. An analyst's edit on one console until another console reads it from its own connection
//      (edit transaction with its NOTIFY → the reader's ChangeFeed → its Store reads the
//      incident and finds the new owner): p50/p95/max, for 1 reading console and fanned out to
//      10, each reader on its own thread with its own connections, as separate machines have.
//   2. Graph calls per minute of 1 console and of 10 consoles (SyncControllers in team mode on
//      one database, polling every 5 s), counted on the simulator, after their first sync.
//   3. Initial sync of the same tenant into PostgreSQL and into SQLite.
//
//   bench_team [--edits N] [--minutes M] [--incidents N]
#include "changefeed.h"
#include "incidentrepository.h"
#include "pgserver.h"
#include "simserver.h"
#include "store.h"
#include "synccontroller.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QMutex>
#include <QSet>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <memory>
#include <vector>

using namespace Vigil;

namespace {

/** One monotonic clock for every thread. */
QElapsedTimer s_clock;

struct Percentiles
{
    double p50 = 0;
    double p95 = 0;
    double max = 0;
};

Percentiles percentiles(QList<qint64> ns)
{
    std::sort(ns.begin(), ns.end());
    if (ns.isEmpty())
        return {};
    return {double(ns.at(ns.size() / 2)) / 1e6, double(ns.at(ns.size() * 95 / 100)) / 1e6,
            double(ns.last()) / 1e6};
}

/** Runs until done() or timeoutMs, turning this thread's event loop. */
template<typename Done>
bool waitFor(Done done, int timeoutMs)
{
    QElapsedTimer waited;
    waited.start();
    while (!done() && waited.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    return done();
}

/**
 * A console that reads: its own change feed and its own store connection, on its own thread.
 * On each change of the incident it reads the incident and reports the owner it found.
 */
class ReadingConsole : public QObject
{
    Q_OBJECT
public:
    ReadingConsole(int index, QString url)
        : m_index(index)
        , m_url(std::move(url))
    { }

    void start()
    {
        auto opened = openStore(StoreConfig::postgres(m_url), Store::OpenMode::ReadOnly);
        if (!opened) {
            std::fprintf(stderr, "reader %d: %s\n", m_index, qPrintable(opened.error().toString()));
            return;
        }
        m_store = std::move(opened).value();
        TeamSettings settings;
        settings.databaseUrl = m_url;
        m_feed = std::make_unique<ChangeFeed>(settings);
        connect(m_feed.get(), &ChangeFeed::changed, this, [this](const TeamChange &change) {
            for (const qint64 number : change.numbers) {
                const Result<Incident> incident = m_store->incidents().loadIncident(number);
                if (incident)
                    Q_EMIT seen(m_index, incident->assignedTo, s_clock.nsecsElapsed());
            }
        });
        m_feed->start();
        m_ready = m_feed->isListening();
    }
    void stop()
    {
        m_feed.reset();
        m_store.reset();
    }
    std::atomic_bool m_ready = false;

Q_SIGNALS:
    void seen(int reader, const QString &owner, qint64 atNs);

private:
    int m_index;
    QString m_url;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<ChangeFeed> m_feed;
};

/** Part 1: edit → visible on readers consoles. */
bool editToVisible(const QString &url, qint64 number, int readers, int edits)
{
    std::vector<std::unique_ptr<QThread>> threads;
    std::vector<std::unique_ptr<ReadingConsole>> consoles;
    int expectedChange = 0;
    qint64 sentAt = 0;
    QString expectedOwner;
    QList<qint64> each; // every reader, every edit
    QList<qint64> last; // the last reader to see each edit
    QSet<int> seenBy;
    qint64 lastAt = 0;
    QObject receiver;
    for (int i = 0; i < readers; ++i) {
        auto thread = std::make_unique<QThread>();
        auto console = std::make_unique<ReadingConsole>(i, url);
        console->moveToThread(thread.get());
        QObject::connect(console.get(), &ReadingConsole::seen, &receiver,
                         [&](int reader, const QString &owner, qint64 atNs) {
                             if (owner != expectedOwner || seenBy.contains(reader))
                                 return;
                             seenBy.insert(reader);
                             each.append(atNs - sentAt);
                             lastAt = std::max(lastAt, atNs);
                         });
        thread->start();
        QMetaObject::invokeMethod(console.get(), &ReadingConsole::start);
        threads.push_back(std::move(thread));
        consoles.push_back(std::move(console));
    }
    const auto allReady = [&] {
        return std::all_of(consoles.cbegin(), consoles.cend(),
                           [](const auto &console) { return console->m_ready.load(); });
    };
    bool ok = waitFor(allReady, 30000);
    StoreConfig config = StoreConfig::postgres(url);
    config.analyst = QStringLiteral("ana@contoso.com");
    auto opened = openStore(config);
    ok = ok && opened;
    for (int i = 1; ok && i <= edits; ++i) {
        Store &store = *opened.value();
        Incident incident = store.incidents().loadIncident(number).value();
        expectedChange = i;
        expectedOwner = QStringLiteral("analyst%1@contoso.com").arg(i);
        seenBy.clear();
        lastAt = 0;
        const OutboxEdit owner{IncidentField::Owner, FieldValue{incident.assignedTo, {}, {}},
                               FieldValue{expectedOwner, {}, {}}, QDateTime::currentDateTimeUtc()};
        incident.assignedTo = expectedOwner;
        sentAt = s_clock.nsecsElapsed();
        ok = store.incidents().storeEdit(incident, {owner}, {}).ok()
             && waitFor([&] { return seenBy.size() == readers; }, 5000);
        last.append(lastAt - sentAt);
        // An analyst's pace is far slower; a short gap keeps the edits apart.
        QThread::msleep(5);
    }
    for (size_t i = 0; i < consoles.size(); ++i) {
        QMetaObject::invokeMethod(consoles[i].get(), &ReadingConsole::stop,
                                  Qt::BlockingQueuedConnection);
        threads[i]->quit();
        threads[i]->wait();
    }
    if (!ok) {
        std::fprintf(stderr, "edit %d did not reach every reader within 5 s\n", expectedChange);
        return false;
    }
    const Percentiles all = percentiles(each);
    const Percentiles slowest = percentiles(last);
    std::printf("  %2d reading console(s), %d edits: edit → read by each  p50 %.2f ms, p95 %.2f "
                "ms, max %.2f ms; by the last of them  p50 %.2f ms, p95 %.2f ms\n",
                readers, edits, all.p50, all.p95, all.max, slowest.p50, slowest.p95);
    return true;
}

SyncConfig configFor(const Sim::SimServer &sim, const StoreConfig &store)
{
    SyncConfig config;
    config.store = store;
    config.authorityHost = sim.baseUrl();
    config.graphEndpoint = sim.baseUrl();
    config.tenantId = sim.tenantId();
    config.clientId = sim.clientId();
    config.clientSecret = sim.clientSecret();
    return config;
}

/** Part 2: Graph calls per minute of `consoles` team consoles in steady state. */
double callsPerMinute(const Sim::SimServer &sim, const std::atomic<qint64> &graphCalls,
                      const QString &url, int consoles, double minutes)
{
    std::vector<std::unique_ptr<SyncController>> controllers;
    int synced = 0;
    for (int i = 0; i < consoles; ++i) {
        SyncConfig config = configFor(sim, StoreConfig::postgres(url));
        config.autoPoll = true;
        config.pollIntervalSeconds = 5;
        config.store.analyst = QStringLiteral("analyst%1@contoso.com").arg(i);
        auto controller = std::make_unique<SyncController>(config);
        TeamSettings team;
        team.databaseUrl = url;
        team.analyst = config.store.analyst;
        controller->setTeam(team);
        QObject::connect(controller.get(), &SyncController::syncFinished, controller.get(),
                         [&synced](bool ok, const Error &) { synced += ok ? 1 : 0; });
        controller->start();
        controllers.push_back(std::move(controller));
    }
    // After the leader's first cycle: steady state.
    if (!waitFor([&] { return synced > 0; }, 120000)) {
        std::fprintf(stderr, "no console synced within 2 minutes\n");
        return -1;
    }
    const qint64 before = graphCalls.load();
    QElapsedTimer window;
    window.start();
    waitFor([] { return false; }, int(minutes * 60000));
    const double perMinute
            = double(graphCalls.load() - before) * 60000.0 / double(window.elapsed());
    controllers.clear();
    return perMinute;
}

/** Part 3: the wall time of one initial sync into store, and its Graph calls. */
double initialSync(const Sim::SimServer &sim, const StoreConfig &store,
                   const std::atomic<qint64> &graphCalls, qint64 *calls)
{
    SyncConfig config = configFor(sim, store);
    config.autoPoll = false;
    config.callsPerMinute = 100000;
    config.benchmarkBudgetOverride = true;
    SyncController controller(config);
    bool loaded = false;
    bool finished = false;
    bool ok = false;
    QObject::connect(&controller, &SyncController::incidentsLoaded, &controller,
                     [&loaded](const QList<Incident> &) { loaded = true; });
    QObject::connect(&controller, &SyncController::syncFinished, &controller,
                     [&](bool succeeded, const Error &) {
                         finished = true;
                         ok = succeeded;
                     });
    controller.start();
    if (!waitFor([&] { return loaded; }, 60000))
        return -1;
    const qint64 callsBefore = graphCalls.load();
    QElapsedTimer wall;
    wall.start();
    controller.syncNow();
    if (!waitFor([&] { return finished; }, 600000) || !ok)
        return -1;
    const double seconds = double(wall.nsecsElapsed()) / 1e9;
    *calls = graphCalls.load() - callsBefore;
    return seconds;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    s_clock.start();
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("edits"), QStringLiteral("Edits per reader count."),
                      QStringLiteral("n"), QStringLiteral("200")});
    parser.addOption({QStringLiteral("minutes"), QStringLiteral("Window of the call count."),
                      QStringLiteral("m"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("incidents"), QStringLiteral("Tenant size."),
                      QStringLiteral("n"), QStringLiteral("2000")});
    parser.process(app);

    Test::PgServer server;
    if (!server.start() || !server.createDatabase(QStringLiteral("team"))) {
        std::fprintf(stderr, "cannot start PostgreSQL: %s\n", qPrintable(server.lastError()));
        return 1;
    }
    // The simulated tenant on its own thread, as a remote service.
    QThread simThread;
    QObject simHome;
    simHome.moveToThread(&simThread);
    simThread.start();
    Sim::SimOptions options;
    options.seed = 77;
    options.incidents = parser.value(QStringLiteral("incidents")).toInt();
    Sim::SimServer *sim = nullptr;
    std::atomic<qint64> graphCalls = 0;
    QMetaObject::invokeMethod(
            &simHome,
            [&] {
                sim = new Sim::SimServer(options);
                if (!sim->listen())
                    qFatal("the simulated tenant cannot listen");
                QObject::connect(
                        sim, &Sim::SimServer::requestServed, sim,
                        [&graphCalls](const QString &summary) {
                            if (summary.contains(QLatin1String(" /v1.0/")))
                                ++graphCalls;
                        },
                        Qt::DirectConnection);
            },
            Qt::BlockingQueuedConnection);

    std::printf("bench_team: PostgreSQL %s on loopback, simulated tenant of %d incidents\n",
                qPrintable(server.url(QStringLiteral("team"))), options.incidents);

    // 3 first, so that the team database holds the tenant for 1 and 2.
    std::printf("initial sync (same tenant, same run)\n");
    QTemporaryDir dir;
    qint64 pgCalls = 0;
    qint64 sqliteCalls = 0;
    const double pgSeconds = initialSync(
            *sim, StoreConfig::postgres(server.url(QStringLiteral("team"))), graphCalls, &pgCalls);
    const double sqliteSeconds
            = initialSync(*sim, StoreConfig::sqlite(dir.filePath(QStringLiteral("vigil.db"))),
                          graphCalls, &sqliteCalls);
    if (pgSeconds < 0 || sqliteSeconds < 0) {
        std::fprintf(stderr, "an initial sync failed\n");
        return 1;
    }
    std::printf("  into PostgreSQL %.2f s (%lld Graph calls), into SQLite %.2f s (%lld Graph "
                "calls): PostgreSQL / SQLite = %.2f\n",
                pgSeconds, static_cast<long long>(pgCalls), sqliteSeconds,
                static_cast<long long>(sqliteCalls), pgSeconds / sqliteSeconds);

    std::printf("an edit on one console, read by the others\n");
    const QString url = server.url(QStringLiteral("team"));
    qint64 number = 0;
    {
        auto opened = openStore(StoreConfig::postgres(url), Store::OpenMode::ReadOnly);
        if (!opened || opened.value()->incidents().loadQueue().value().isEmpty()) {
            std::fprintf(stderr, "the team database is empty\n");
            return 1;
        }
        number = opened.value()->incidents().loadQueue().value().constFirst().number;
    }
    const int edits = parser.value(QStringLiteral("edits")).toInt();
    for (const int readers : {1, 10}) {
        if (!editToVisible(url, number, readers, edits))
            return 1;
    }

    std::printf("Graph calls per minute in team mode (poll interval 5 s, after the first sync)\n");
    const double minutes = parser.value(QStringLiteral("minutes")).toDouble();
    const double one = callsPerMinute(*sim, graphCalls, url, 1, minutes);
    const double ten = callsPerMinute(*sim, graphCalls, url, 10, minutes);
    if (one <= 0 || ten < 0)
        return 1;
    std::printf("  1 console %.1f calls/min, 10 consoles %.1f calls/min: 10 / 1 = %.2f\n", one, ten,
                ten / one);

    QMetaObject::invokeMethod(
            &simHome, [&] { delete sim; }, Qt::BlockingQueuedConnection);
    simThread.quit();
    simThread.wait();
    return 0;
}

#include "bench_team.moc"
