// Colleagues' changes, live: LISTEN/NOTIFY on vigil_changes between two connections (hostile
// payloads ignored, a lost connection re-established with a full refresh), and presence.
#include "changefeed.h"
#include "pgserver.h"
#include "teamcontroller.h"
#include "teamdatabase.h"
#include "teampresence.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace Vigil;
using Vigil::Test::PgServer;

class TestTeamFeed : public QObject
{
    Q_OBJECT

private:
    PgServer m_server;
    int m_databases = 0;

    QString freshDatabase()
    {
        const QString name = QStringLiteral("feed%1").arg(++m_databases);
        return m_server.createDatabase(name) ? name : QString();
    }

    TeamSettings settingsFor(const QString &database, const QString &analyst = {}) const
    {
        TeamSettings settings;
        settings.databaseUrl = m_server.url(database);
        settings.pollIntervalMs = 300;
        settings.analyst = analyst;
        return settings;
    }

private slots:
    void initTestCase()
    {
        if (PgServer::binDir().isEmpty()) {
            if (PgServer::requiredHere())
                QFAIL(qPrintable(PgServer::missingAdvice()));
            QSKIP(qPrintable(PgServer::missingAdvice()));
        }
        QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
    }

    void payloadsAreReadDefensively_data()
    {
        QTest::addColumn<QString>("payload");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QString>("what");
        QTest::addColumn<QList<qint64>>("numbers");
        QTest::addColumn<QString>("by");
        QTest::newRow("the store's form")
                << QStringLiteral(
                           R"({"what":"incidents","numbers":[12,13],"by":"ana@contoso.com"})")
                << true << QStringLiteral("incidents") << QList<qint64>{12, 13}
                << QStringLiteral("ana@contoso.com");
        QTest::newRow("many: no numbers")
                << QStringLiteral(R"({"what":"outbox"})") << true << QStringLiteral("outbox")
                << QList<qint64>{} << QString();
        QTest::newRow("markup in by")
                << QStringLiteral(R"({"what":"rules","by":"<b>x</b>\u0001"})") << true
                << QStringLiteral("rules") << QList<qint64>{} << QStringLiteral("<b>x</b>\x01");
        QTest::newRow("empty") << QString() << false << QString() << QList<qint64>{} << QString();
        QTest::newRow("not json") << QStringLiteral("incidents 12") << false << QString()
                                  << QList<qint64>{} << QString();
        QTest::newRow("array") << QStringLiteral("[1,2]") << false << QString() << QList<qint64>{}
                               << QString();
        QTest::newRow("no what") << QStringLiteral(R"({"numbers":[1]})") << false << QString()
                                 << QList<qint64>{} << QString();
        QTest::newRow("what not a word") << QStringLiteral(R"({"what":"<script>"})") << false
                                         << QString() << QList<qint64>{} << QString();
        QTest::newRow("numbers as text") << QStringLiteral(R"({"what":"incidents","numbers":"12"})")
                                         << false << QString() << QList<qint64>{} << QString();
        QTest::newRow("negative number") << QStringLiteral(R"({"what":"incidents","numbers":[-1]})")
                                         << false << QString() << QList<qint64>{} << QString();
        QTest::newRow("fraction") << QStringLiteral(R"({"what":"incidents","numbers":[1.5]})")
                                  << false << QString() << QList<qint64>{} << QString();
        QTest::newRow("huge") << QStringLiteral(R"({"what":"incidents","numbers":[1e300]})")
                              << false << QString() << QList<qint64>{} << QString();
        QTest::newRow("by an object") << QStringLiteral(R"({"what":"incidents","by":{"a":1}})")
                                      << false << QString() << QList<qint64>{} << QString();
        QTest::newRow("truncated") << QStringLiteral(R"({"what":"incidents","numbers":[1,)")
                                   << false << QString() << QList<qint64>{} << QString();
    }

    void payloadsAreReadDefensively()
    {
        QFETCH(QString, payload);
        QFETCH(bool, accepted);
        const std::optional<TeamChange> change = ChangeFeed::parsePayload(payload);
        QCOMPARE(change.has_value(), accepted);
        if (!accepted)
            return;
        QFETCH(QString, what);
        QFETCH(QList<qint64>, numbers);
        QFETCH(QString, by);
        QCOMPARE(change->what, what);
        QCOMPARE(change->numbers, numbers);
        QCOMPARE(change->by, by);
        // What payloadFor writes reads back the same.
        QCOMPARE(ChangeFeed::parsePayload(ChangeFeed::payloadFor(*change)), change);
    }

    void anEmptyListIsNoIncidentsNotAll()
    {
        // A pull that found nothing names none: nothing of a queue to read again.
        const auto none
                = ChangeFeed::parsePayload(QStringLiteral(R"({"what":"incidents","numbers":[]})"));
        QVERIFY(none);
        QVERIFY(none->numbers.isEmpty());
        QVERIFY(none->noIncidents);
        // Left out: many or unknown, everything may have changed.
        const auto many = ChangeFeed::parsePayload(QStringLiteral(R"({"what":"incidents"})"));
        QVERIFY(many);
        QVERIFY(!many->noIncidents);
        const auto some
                = ChangeFeed::parsePayload(QStringLiteral(R"({"what":"outbox","numbers":[4]})"));
        QVERIFY(some);
        QVERIFY(!some->noIncidents);
        QCOMPARE(ChangeFeed::parsePayload(ChangeFeed::payloadFor(*none)), none);
    }

    void aNotifyReachesAnotherConnectionAndGarbageIsIgnored()
    {
        const QString database = freshDatabase();
        QVERIFY(!database.isEmpty());
        ChangeFeed feed(settingsFor(database));
        QSignalSpy changes(&feed, &ChangeFeed::changed);
        feed.start();
        QVERIFY(feed.isListening());

        Team::TeamConnection sender(QStringLiteral("vigil-test-sender"));
        QVERIFY(sender.open(settingsFor(database)));
        // Each garbled payload is dropped with a log line, and nothing reaches the window.
        for (int i = 0; i < 3; ++i) {
            QTest::ignoreMessage(QtWarningMsg,
                                 QRegularExpression(QStringLiteral("ignored a notification")));
        }
        QVERIFY(ChangeFeed::notifyRaw(sender.database(), QStringLiteral("garbage{")));
        QVERIFY(ChangeFeed::notifyRaw(sender.database(), QStringLiteral(R"({"what":7})")));
        QVERIFY(ChangeFeed::notifyRaw(sender.database(), QString(7000, QLatin1Char('{'))));
        TeamChange change;
        change.what = QStringLiteral("incidents");
        change.numbers = {42};
        change.by = QStringLiteral("ana@contoso.com");
        QVERIFY(ChangeFeed::notify(sender.database(), change));
        QTRY_COMPARE(changes.size(), 1);
        QCOMPARE(changes.at(0).at(0).value<TeamChange>(), change);
        // A NOTIFY inside a transaction arrives only when it commits, and not at all on rollback.
        QSqlDatabase db = sender.database();
        QVERIFY(db.transaction());
        TeamChange rolledBack = change;
        rolledBack.numbers = {7};
        QVERIFY(ChangeFeed::notify(db, rolledBack));
        QVERIFY(db.rollback());
        QVERIFY(db.transaction());
        TeamChange committed = change;
        committed.numbers = {8};
        QVERIFY(ChangeFeed::notify(db, committed));
        QTest::qWait(200);
        QCOMPARE(changes.size(), 1);
        QVERIFY(db.commit());
        QTRY_COMPARE(changes.size(), 2);
        QCOMPARE(changes.at(1).at(0).value<TeamChange>().numbers, QList<qint64>{8});
    }

    void aLostConnectionIsReestablishedWithAFullRefresh()
    {
        const QString database = freshDatabase();
        QVERIFY(!database.isEmpty());
        ChangeFeed feed(settingsFor(database));
        QSignalSpy changes(&feed, &ChangeFeed::changed);
        QSignalSpy listening(&feed, &ChangeFeed::listeningChanged);
        feed.start();
        QVERIFY(feed.isListening());
        QCOMPARE(m_server.terminateBackends(database, feed.applicationName()), 1);
        QTRY_VERIFY_WITH_TIMEOUT(listening.size() >= 3, 5000); // on, off, on again
        QVERIFY(feed.isListening());
        QTRY_COMPARE(changes.size(), 1);
        QVERIFY(changes.at(0).at(0).value<TeamChange>().fullRefresh);
        // And it listens again.
        Team::TeamConnection sender(QStringLiteral("vigil-test-sender"));
        QVERIFY(sender.open(settingsFor(database)));
        TeamChange change;
        change.what = QStringLiteral("activity");
        QVERIFY(ChangeFeed::notify(sender.database(), change));
        QTRY_COMPARE(changes.size(), 2);
        QCOMPARE(changes.at(1).at(0).value<TeamChange>(), change);
    }

    void latencyBetweenTwoConnections()
    {
        const QString database = freshDatabase();
        QVERIFY(!database.isEmpty());
        ChangeFeed feed(settingsFor(database));
        QList<qint64> received;
        QElapsedTimer clock;
        QHash<qint64, qint64> sentAt;
        connect(&feed, &ChangeFeed::changed, this, [&](const TeamChange &change) {
            if (!change.numbers.isEmpty())
                received.append(clock.nsecsElapsed() - sentAt.value(change.numbers.first()));
        });
        feed.start();
        Team::TeamConnection sender(QStringLiteral("vigil-test-sender"));
        QVERIFY(sender.open(settingsFor(database)));
        clock.start();
        constexpr int kCount = 200;
        for (qint64 i = 1; i <= kCount; ++i) {
            TeamChange change;
            change.what = QStringLiteral("incidents");
            change.numbers = {i};
            sentAt.insert(i, clock.nsecsElapsed());
            QVERIFY(ChangeFeed::notify(sender.database(), change));
            // One at a time: the time is the change's, not a queue's.
            QTRY_COMPARE_WITH_TIMEOUT(received.size(), int(i), 5000);
        }
        std::sort(received.begin(), received.end());
        qInfo("NOTIFY → signal over %d changes: p50 %.2f ms, p95 %.2f ms, max %.2f ms", kCount,
              double(received.at(kCount / 2)) / 1e6, double(received.at(kCount * 95 / 100)) / 1e6,
              double(received.last()) / 1e6);
        QCOMPARE(received.size(), kCount);
    }

    void presenceIsSharedAndExpires()
    {
        const QString database = freshDatabase();
        QVERIFY(!database.isEmpty());
        Team::TeamConnection connection(QStringLiteral("vigil-test"));
        QVERIFY(connection.open(settingsFor(database)));
        QVERIFY(Team::ensureTeamTables(connection.database()));
        const QSqlDatabase db = connection.database();
        TeamPresence ana;
        ana.incidentNumber = 5;
        ana.consoleId = QStringLiteral("console-a");
        ana.analyst = QStringLiteral("<i>ana</i>\x07");
        ana.host = QStringLiteral("host\nA");
        QVERIFY(TeamPresenceBook::set(db, ana, 60));
        TeamPresence ben = ana;
        ben.consoleId = QStringLiteral("console-b");
        ben.analyst = QStringLiteral("ben");
        ben.kind = TeamPresence::Kind::Edited;
        QVERIFY(TeamPresenceBook::set(db, ben, 1));
        TeamPresence elsewhere = ana;
        elsewhere.incidentNumber = 6;
        QVERIFY(TeamPresenceBook::set(db, elsewhere, 60));
        Result<QList<TeamPresence>> rows = TeamPresenceBook::list(db, {5});
        QVERIFY(rows);
        QCOMPARE(rows->size(), 2);
        QCOMPARE(rows->at(1).analyst, ana.analyst);
        QCOMPARE(rows->at(1).host, ana.host);
        // Renewing is one row, not two.
        QVERIFY(TeamPresenceBook::set(db, ana, 60));
        QCOMPARE(TeamPresenceBook::list(db, {5})->size(), 2);
        QTest::qWait(1200);
        rows = TeamPresenceBook::list(db, {5});
        QCOMPARE(rows->size(), 1);
        QCOMPARE(rows->at(0).consoleId, ana.consoleId);
        QCOMPARE(*TeamPresenceBook::expire(db), 1);
        QVERIFY(TeamPresenceBook::clear(db, ana.consoleId, 5, TeamPresence::Kind::Opened));
        QCOMPARE(TeamPresenceBook::list(db, {5})->size(), 0);
        QCOMPARE(TeamPresenceBook::list(db)->size(), 1);
    }

    void theControllerShowsOthersOnAnIncident()
    {
        const QString database = freshDatabase();
        QVERIFY(!database.isEmpty());
        TeamController mine(settingsFor(database, QStringLiteral("me@contoso.com")));
        TeamController theirs(settingsFor(database, QStringLiteral("<b>eve</b>")));
        QSignalSpy presence(&mine, &TeamController::presenceChanged);
        QSignalSpy changes(&mine, &TeamController::changed);
        mine.start();
        theirs.start();
        mine.setOpened(9);
        theirs.setOpened(9);
        QTRY_COMPARE(mine.othersOn(9).size(), 1);
        QCOMPARE(mine.othersOn(9).at(0).analyst, QStringLiteral("<b>eve</b>"));
        QCOMPARE(TeamController::describe(mine.othersOn(9)), QStringLiteral("<b>eve</b>"));
        QTRY_COMPARE(theirs.othersOn(9).size(), 1);
        QCOMPARE(theirs.othersOn(9).at(0).analyst, QStringLiteral("me@contoso.com"));
        theirs.markEdited(9);
        QTRY_COMPARE(mine.othersOn(9).at(0).kind, TeamPresence::Kind::Edited);
        QCOMPARE(TeamController::describe(mine.othersOn(9)),
                 QStringLiteral("<b>eve</b> (edited it)"));
        // Moving on to another incident: the open one is no longer theirs, the edit stays.
        theirs.setOpened(10);
        QTRY_COMPARE(mine.othersOn(10).size(), 1);
        QCOMPARE(mine.othersOn(9).size(), 1);
        QVERIFY(presence.size() >= 2);
        // A store's change reaches the controller (presence itself is not passed on).
        QVERIFY(changes.isEmpty());
        Team::TeamConnection sender(QStringLiteral("vigil-test-sender"));
        QVERIFY(sender.open(settingsFor(database)));
        TeamChange change;
        change.what = QStringLiteral("incidents");
        change.numbers = {9};
        change.by = QStringLiteral("eve");
        QVERIFY(ChangeFeed::notify(sender.database(), change));
        QTRY_COMPARE(changes.size(), 1);
        QCOMPARE(changes.at(0).at(0).value<TeamChange>(), change);
    }
};

QTEST_GUILESS_MAIN(TestTeamFeed)
#include "tst_teamfeed.moc"
