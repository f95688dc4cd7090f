// bench_teamfeed: how soon a change committed on one connection reaches the other consoles
// through LISTEN/NOTIFY (ChangeFeed), for 1 and 10 listening consoles, on a throwaway
// PostgreSQL server. Each change is a write transaction as the store makes it: an UPDATE and
// its NOTIFY, committed; the time runs from just before COMMIT to each listener's signal.
#include "changefeed.h"
#include "pgserver.h"
#include "teamdatabase.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>
#include <memory>
#include <vector>

using namespace Vigil;

namespace {

struct Figures
{
    double p50 = 0;
    double p95 = 0;
    double max = 0;
};

Figures figures(QList<qint64> ns)
{
    std::sort(ns.begin(), ns.end());
    if (ns.isEmpty())
        return {};
    return {double(ns.at(ns.size() / 2)) / 1e6, double(ns.at(ns.size() * 95 / 100)) / 1e6,
            double(ns.last()) / 1e6};
}

bool runFanOut(Test::PgServer &server, const QString &database, int listeners, int changes)
{
    TeamSettings settings;
    settings.databaseUrl = server.url(database);
    std::vector<std::unique_ptr<ChangeFeed>> feeds;
    QElapsedTimer clock;
    clock.start();
    qint64 sentAt = 0;
    qint64 expected = 0;
    int arrived = 0;
    QList<qint64> latencies;
    for (int i = 0; i < listeners; ++i) {
        auto feed = std::make_unique<ChangeFeed>(settings);
        QObject::connect(feed.get(), &ChangeFeed::changed, feed.get(),
                         [&](const TeamChange &change) {
                             if (change.numbers.value(0) != expected)
                                 return;
                             latencies.append(clock.nsecsElapsed() - sentAt);
                             ++arrived;
                         });
        feed->start();
        if (!feed->isListening())
            return false;
        feeds.push_back(std::move(feed));
    }
    Team::TeamConnection sender(QStringLiteral("bench-sender"));
    if (!sender.open(settings))
        return false;
    QSqlDatabase db = sender.database();
    QSqlQuery query(db);
    query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS incidents (number bigint PRIMARY KEY,"
                              " status text)"));
    query.exec(QStringLiteral("INSERT INTO incidents SELECT n, 'active' FROM "
                              "generate_series(1, 1000) n ON CONFLICT DO NOTHING"));
    for (int i = 1; i <= changes; ++i) {
        expected = i;
        arrived = 0;
        db.transaction();
        query.prepare(QStringLiteral("UPDATE incidents SET status = ? WHERE number = ?"));
        query.addBindValue(i % 2 ? QStringLiteral("inProgress") : QStringLiteral("active"));
        query.addBindValue(i % 1000 + 1);
        query.exec();
        TeamChange change;
        change.what = QStringLiteral("incidents");
        change.numbers = {i};
        change.by = QStringLiteral("ana@contoso.com");
        ChangeFeed::notify(db, change);
        sentAt = clock.nsecsElapsed();
        db.commit();
        QElapsedTimer wait;
        wait.start();
        while (arrived < listeners && wait.elapsed() < 5000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        if (arrived < listeners)
            return false;
        // An analyst's pace is far slower; a short gap keeps the changes apart.
        QTest::qWait(5);
    }
    const Figures all = figures(latencies);
    QTextStream(stdout) << QStringLiteral("%1 listener(s), %2 changes: commit → signal p50 %3 ms, "
                                          "p95 %4 ms, max %5 ms\n")
                                   .arg(listeners)
                                   .arg(changes)
                                   .arg(all.p50, 0, 'f', 2)
                                   .arg(all.p95, 0, 'f', 2)
                                   .arg(all.max, 0, 'f', 2);
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Test::PgServer server;
    if (!server.start() || !server.createDatabase(QStringLiteral("bench"))) {
        QTextStream(stderr) << "cannot start PostgreSQL: " << server.lastError() << '\n';
        return 1;
    }
    const int changes = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 200;
    for (int listeners : {1, 10}) {
        if (!runFanOut(server, QStringLiteral("bench"), listeners, changes)) {
            QTextStream(stderr) << "a change did not arrive within 5 s\n";
            return 1;
        }
    }
    return 0;
}
