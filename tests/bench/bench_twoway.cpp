// Two-way sync latency against the simulated tenant over loopback HTTP:
//  1. local edit -> request on the wire: from SyncController::requestEdit() to the tenant
//     receiving the pre-write read (GET) and the write itself (PATCH);
//  2. remote change -> visible in the queue: from a portal-side change to the controller
//     handing the changed incident to the queue (incidentsChanged), polling every 5 s.
//
//   bench_twoway [--edits N] [--changes N] [--poll-seconds S] [--calls-per-minute N]

#include "incident.h"
#include "simserver.h"
#include "synccontroller.h"
#include "triage.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cstdio>

using namespace Vigil;

namespace {

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
                   std::chrono::steady_clock::now().time_since_epoch())
            .count();
}

/** What the tenant received, stamped on its own thread as it answered. */
struct Received
{
    QMutex mutex;
    QList<std::pair<qint64, QString>> requests;

    qint64 firstAfter(qint64 since, const QString &prefix)
    {
        QMutexLocker lock(&mutex);
        for (const auto &[time, summary] : std::as_const(requests)) {
            if (time >= since && summary.startsWith(prefix))
                return time;
        }
        return -1;
    }
};

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const double rank = p / 100.0 * double(values.size() - 1);
    const auto low = qsizetype(rank);
    const qsizetype high = std::min(low + 1, values.size() - 1);
    return values.at(low) + (rank - double(low)) * (values.at(high) - values.at(low));
}

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QEventLoop loop;
    QTimer tick;
    tick.setInterval(1);
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    tick.start();
    if (!done())
        loop.exec();
    return done();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("edits"), QStringLiteral("Local edits to time."),
                      QStringLiteral("n"), QStringLiteral("120")});
    parser.addOption({QStringLiteral("changes"), QStringLiteral("Portal changes to time."),
                      QStringLiteral("n"), QStringLiteral("40")});
    parser.addOption({QStringLiteral("poll-seconds"), QStringLiteral("Poll interval."),
                      QStringLiteral("s"), QStringLiteral("5")});
    parser.addOption({QStringLiteral("calls-per-minute"),
                      QStringLiteral("Graph call budget (the product allows up to 150)."),
                      QStringLiteral("n"), QStringLiteral("150")});
    parser.process(app);
    const int edits = parser.value(QStringLiteral("edits")).toInt();
    const int changes = parser.value(QStringLiteral("changes")).toInt();
    const int pollSeconds = parser.value(QStringLiteral("poll-seconds")).toInt();

    // The tenant answers on its own thread, as the demo does.
    Sim::SimOptions options;
    options.seed = 5;
    options.incidents = 60;
    auto server = std::make_unique<Sim::SimServer>(options);
    if (!server->listen(0)) {
        std::fprintf(stderr, "the simulated tenant could not listen\n");
        return 1;
    }
    Received received;
    QObject::connect(
            server.get(), &Sim::SimServer::requestServed, server.get(),
            [&received](const QString &summary) {
                QMutexLocker lock(&received.mutex);
                received.requests.append({nowNs(), summary});
            },
            Qt::DirectConnection);
    const QUrl base = server->baseUrl();
    SyncConfig config;
    config.authorityHost = base;
    config.graphEndpoint = base;
    config.tenantId = server->tenantId();
    config.clientId = server->clientId();
    config.clientSecret = server->clientSecret();
    QThread simThread;
    Sim::SimServer *sim = server.release();
    sim->moveToThread(&simThread);
    QObject::connect(&simThread, &QThread::finished, sim, &QObject::deleteLater);
    simThread.start();

    QTemporaryDir dir;
    config.store = StoreConfig::sqlite(dir.filePath(QStringLiteral("vigil.db")));
    config.pollIntervalSeconds = pollSeconds;
    config.callsPerMinute = parser.value(QStringLiteral("calls-per-minute")).toInt();
    config.autoPoll = true;
    SyncController controller(config);

    QList<Incident> queue;
    QObject::connect(&controller, &SyncController::incidentsLoaded,
                     [&queue](const QList<Incident> &incidents) { queue = incidents; });
    bool firstSync = false;
    QObject::connect(&controller, &SyncController::syncFinished,
                     [&firstSync](bool ok) { firstSync = firstSync || ok; });
    controller.start();
    if (!waitFor([&] { return firstSync; }, 120000)) {
        std::fprintf(stderr, "the first sync did not finish\n");
        return 1;
    }
    controller.requestIncidents();
    waitFor([&] { return !queue.isEmpty(); }, 10000);
    QList<Incident> open;
    for (const Incident &incident : std::as_const(queue)) {
        if (!incident.isRedirected())
            open.append(incident);
    }

    // 1. Local edit -> request on the wire.
    QList<double> toRead;
    QList<double> toWrite;
    int delivered = 0;
    QObject::connect(&controller, &SyncController::editDelivered, [&delivered] { ++delivered; });
    QRandomGenerator random(7);
    for (int k = 0; k < edits; ++k) {
        const Incident &target = open.at(k % open.size());
        TriageEdit edit;
        edit.owner = QStringLiteral("bench%1@contoso.com").arg(k);
        edit.analyst = QStringLiteral("analyst@contoso.com");
        const int before = delivered;
        const QString path = u"/v1.0/security/incidents/" + target.providerIncidentId;
        const qint64 start = nowNs();
        controller.requestEdit({target.number}, edit);
        if (!waitFor([&] { return delivered > before; }, 30000)) {
            std::fprintf(stderr, "edit %d was not delivered\n", k);
            return 1;
        }
        const qint64 read = received.firstAfter(start, u"GET " + path);
        const qint64 write = received.firstAfter(start, u"PATCH " + path);
        if (read > 0)
            toRead.append(double(read - start) / 1e6);
        if (write > 0)
            toWrite.append(double(write - start) / 1e6);
        // An analyst's pace, and room in the call budget for the polls.
        waitFor([] { return false; }, 900 + int(random.bounded(200)));
    }

    // 2. Remote change -> visible in the queue.
    QList<double> toVisible;
    QNetworkAccessManager network;
    QString watchedId;
    QString watchedOwner;
    qint64 seenAt = -1;
    QObject::connect(&controller, &SyncController::incidentsChanged,
                     [&](const QList<Incident> &changed) {
                         for (const Incident &incident : changed) {
                             if (seenAt < 0 && incident.providerIncidentId == watchedId
                                 && incident.assignedTo == watchedOwner)
                                 seenAt = nowNs();
                         }
                     });
    for (int k = 0; k < changes; ++k) {
        // A random moment within the poll interval.
        waitFor([] { return false; }, int(random.bounded(pollSeconds * 1000)));
        const Incident &target = open.at(int(random.bounded(qint64(open.size()))));
        watchedId = target.providerIncidentId;
        watchedOwner = QStringLiteral("portal%1@contoso.com").arg(k);
        seenAt = -1;
        QUrl url = base;
        url.setPath(u"/_sim/incidents/" + watchedId);
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        const qint64 start = nowNs();
        QNetworkReply *reply = network.post(
                request, QJsonDocument(QJsonObject{{QStringLiteral("assignedTo"), watchedOwner}})
                                 .toJson(QJsonDocument::Compact));
        waitFor([reply] { return reply->isFinished(); }, 10000);
        reply->deleteLater();
        if (!waitFor([&] { return seenAt > 0; }, (pollSeconds + 30) * 1000)) {
            std::fprintf(stderr, "change %d never became visible\n", k);
            return 1;
        }
        toVisible.append(double(seenAt - start) / 1e6);
    }

    std::printf("local edit -> pre-write read (GET) on the wire: n=%lld p50=%.1f ms p95=%.1f ms "
                "max=%.1f ms\n",
                qint64(toRead.size()), percentile(toRead, 50), percentile(toRead, 95),
                percentile(toRead, 100));
    std::printf("local edit -> write (PATCH) on the wire:        n=%lld p50=%.1f ms p95=%.1f ms "
                "max=%.1f ms\n",
                qint64(toWrite.size()), percentile(toWrite, 50), percentile(toWrite, 95),
                percentile(toWrite, 100));
    std::printf("remote change -> visible in the queue (poll %d s): n=%lld p50=%.2f s p95=%.2f s "
                "max=%.2f s\n",
                pollSeconds, qint64(toVisible.size()), percentile(toVisible, 50) / 1000,
                percentile(toVisible, 95) / 1000, percentile(toVisible, 100) / 1000);
    simThread.quit();
    simThread.wait();
    return 0;
}
