// One sync leader per team database: elected with a PostgreSQL session advisory lock, handed
// over within one poll interval when the leader's process dies or its backend is terminated.
#include "leaderelection.h"
#include "pgserver.h"
#include "teamdatabase.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <csignal>
#include <memory>

using namespace Vigil;
using Vigil::Test::PgServer;

namespace {

constexpr int kIntervalMs = 1000;
/// Process start-up and scheduling on a loaded machine, on top of the one interval.
constexpr int kSlackMs = 1500;

/** One vigil_teamprobe process and what it printed. */
struct Probe
{
    std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
    QString consoleId;
    bool leader = false;
    bool stopped = false;
    QElapsedTimer leaderSince;

    void read()
    {
        while (process->canReadLine()) {
            const QString line = QString::fromUtf8(process->readLine()).trimmed();
            if (line.startsWith(QLatin1String("console ")))
                consoleId = line.mid(8);
            else if (line == QLatin1String("leader 1")) {
                leader = true;
                leaderSince.start();
            } else if (line == QLatin1String("leader 0"))
                leader = false;
            else if (line == QLatin1String("stopped"))
                stopped = true;
        }
    }
};

} // namespace

class TestTeamElection : public QObject
{
    Q_OBJECT

private:
    PgServer m_server;
    int m_databases = 0;

    QString freshDatabase()
    {
        QString name = QStringLiteral("team%1").arg(++m_databases);
        if (!m_server.createDatabase(name))
            return {};
        return name;
    }

    TeamSettings settingsFor(const QString &database, const QString &analyst) const
    {
        TeamSettings settings;
        settings.databaseUrl = m_server.url(database);
        settings.pollIntervalMs = kIntervalMs;
        settings.analyst = analyst;
        return settings;
    }

    std::unique_ptr<Probe> startProbe(const QString &database, const QString &analyst)
    {
        auto probe = std::make_unique<Probe>();
        probe->process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        probe->process->start(QStringLiteral(TEAMPROBE_PATH),
                              {m_server.url(database), QString::number(kIntervalMs), analyst});
        return probe;
    }

    static int leaders(const std::vector<std::unique_ptr<Probe>> &probes)
    {
        int count = 0;
        for (const auto &probe : probes) {
            probe->read();
            count += probe->leader && probe->process->state() == QProcess::Running ? 1 : 0;
        }
        return count;
    }

    /** The consoles the database lists, read as a console would. */
    QList<TeamConsole> consoles(const QString &database)
    {
        Team::TeamConnection connection(QStringLiteral("vigil-test"));
        TeamSettings settings = settingsFor(database, {});
        if (!connection.open(settings))
            return {};
        const Result<QList<TeamConsole>> rows = Team::readConsoles(connection.database());
        return rows ? *rows : QList<TeamConsole>();
    }

    /** Waits until exactly one of probes leads and the others have settled; its index. */
    static int waitForOneLeader(const std::vector<std::unique_ptr<Probe>> &probes, int timeoutMs)
    {
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < timeoutMs) {
            QTest::qWait(20);
            if (leaders(probes) == 1) {
                for (size_t i = 0; i < probes.size(); ++i) {
                    if (probes[i]->leader && probes[i]->process->state() == QProcess::Running)
                        return int(i);
                }
            }
        }
        return -1;
    }

    /** Waits until a probe other than old leads; its index. */
    static int waitForNewLeader(const std::vector<std::unique_ptr<Probe>> &probes, int old,
                                int timeoutMs)
    {
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < timeoutMs) {
            QTest::qWait(20);
            leaders(probes);
            for (size_t i = 0; i < probes.size(); ++i) {
                if (int(i) != old && probes[i]->leader
                    && probes[i]->process->state() == QProcess::Running)
                    return int(i);
            }
        }
        return -1;
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

    void twoInOneProcessElectOneAndHandOverOnStop()
    {
        const QString database = freshDatabase();
        QVERIFY(!database.isEmpty());
        LeaderElection first(settingsFor(database, QStringLiteral("ana@contoso.com")));
        LeaderElection second(settingsFor(database, QStringLiteral("ben@contoso.com")));
        QSignalSpy firstLeads(&first, &SyncGate::leadershipChanged);
        QSignalSpy secondLeads(&second, &SyncGate::leadershipChanged);
        first.start();
        QVERIFY2(first.isLeader(), qPrintable(first.lastError()));
        second.start();
        QVERIFY(!second.isLeader());
        QCOMPARE(firstLeads.size(), 1);
        QCOMPARE(secondLeads.size(), 0);
        // A few rounds: the second keeps trying, the lock stays where it is.
        QTest::qWait(2 * kIntervalMs + 200);
        QVERIFY(first.isLeader());
        QVERIFY(!second.isLeader());
        QCOMPARE(second.leader().consoleId, first.consoleId());
        QCOMPARE(second.leader().analyst, QStringLiteral("ana@contoso.com"));
        const QList<TeamConsole> rows = consoles(database);
        QCOMPARE(rows.size(), 2);
        QVERIFY(rows.at(0).leader);
        QCOMPARE(rows.at(0).consoleId, first.consoleId());
        QVERIFY(!rows.at(1).leader);
        QCOMPARE(rows.at(1).pid, QCoreApplication::applicationPid());

        QElapsedTimer handover;
        handover.start();
        first.stop();
        QVERIFY(!first.isLeader());
        QCOMPARE(firstLeads.size(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(second.isLeader(), kIntervalMs + kSlackMs);
        qInfo("stop → new leader: %lld ms (interval %d ms)", handover.elapsed(), kIntervalMs);
        // The one that left has no row any more.
        const QList<TeamConsole> after = consoles(database);
        QCOMPARE(after.size(), 1);
        QCOMPARE(after.at(0).consoleId, second.consoleId());
        QVERIFY(after.at(0).leader);
    }

    void threeProcessesOneLeaderAndTakeoverAfterSigkill()
    {
        const QString database = freshDatabase();
        QVERIFY(!database.isEmpty());
        std::vector<std::unique_ptr<Probe>> probes;
        probes.reserve(3);
        for (int i = 0; i < 3; ++i)
            probes.push_back(startProbe(database, QStringLiteral("analyst%1").arg(i)));
        for (const auto &probe : probes)
            QVERIFY(probe->process->waitForStarted());
        int leader = waitForOneLeader(probes, 10'000);
        QVERIFY(leader >= 0);
        // Stable: still exactly one after several intervals.
        QTest::qWait(3 * kIntervalMs);
        QCOMPARE(leaders(probes), 1);
        QVERIFY(probes[size_t(leader)]->leader);
        QTRY_COMPARE_WITH_TIMEOUT(consoles(database).size(), 3, 3 * kIntervalMs);
        const QList<TeamConsole> rows = consoles(database);
        QVERIFY(rows.at(0).leader);
        QCOMPARE(rows.at(0).pid, probes[size_t(leader)]->process->processId());
        QCOMPARE(rows.at(0).consoleId, probes[size_t(leader)]->consoleId);

        // The leader dies without a word: another leads within one interval.
        QElapsedTimer handover;
        handover.start();
        ::kill(pid_t(probes[size_t(leader)]->process->processId()), SIGKILL);
        QVERIFY(probes[size_t(leader)]->process->waitForFinished(5000));
        const int next = waitForOneLeader(probes, kIntervalMs + kSlackMs);
        const qint64 elapsed = handover.elapsed();
        QVERIFY2(next >= 0 && next != leader,
                 qPrintable(QStringLiteral("no takeover within %1 ms").arg(elapsed)));
        qInfo("SIGKILL → new leader: %lld ms (interval %d ms)", elapsed, kIntervalMs);
        // The dead console's row expires; the new leader is the first row.
        QTRY_VERIFY_WITH_TIMEOUT(!consoles(database).isEmpty()
                                         && consoles(database).at(0).consoleId
                                                    == probes[size_t(next)]->consoleId,
                                 2 * kIntervalMs);
        QTRY_COMPARE_WITH_TIMEOUT(consoles(database).size(), 2, 5 * kIntervalMs);

        // SIGTERM: the leader leaves cleanly, its lock and row go at once.
        ::kill(pid_t(probes[size_t(next)]->process->processId()), SIGTERM);
        QVERIFY(probes[size_t(next)]->process->waitForFinished(5000));
        probes[size_t(next)]->read();
        QVERIFY(probes[size_t(next)]->stopped);
        QCOMPARE(probes[size_t(next)]->process->exitCode(), 0);
        const int last = waitForOneLeader(probes, kIntervalMs + kSlackMs);
        QVERIFY(last >= 0 && last != leader && last != next);
        QCOMPARE(consoles(database).size(), 1);
        for (const auto &probe : probes) {
            if (probe->process->state() == QProcess::Running) {
                probe->process->terminate();
                probe->process->waitForFinished(5000);
            }
        }
    }

    void terminatedBackendHandsOverAndTheOldLeaderStepsDown()
    {
        const QString database = freshDatabase();
        QVERIFY(!database.isEmpty());
        std::vector<std::unique_ptr<Probe>> probes;
        probes.reserve(2);
        for (int i = 0; i < 2; ++i)
            probes.push_back(startProbe(database, QStringLiteral("analyst%1").arg(i)));
        const int leader = waitForOneLeader(probes, 10'000);
        QVERIFY(leader >= 0);
        QTest::qWait(kIntervalMs);
        const qint64 pid = probes[size_t(leader)]->process->processId();
        // What an administrator (or a cut network, once TCP notices) does to the leader.
        QElapsedTimer handover;
        handover.start();
        QCOMPARE(m_server.terminateBackends(database, QStringLiteral("vigil-election-%1").arg(pid)),
                 1);
        const int next = waitForNewLeader(probes, leader, kIntervalMs + kSlackMs);
        const qint64 elapsed = handover.elapsed();
        QVERIFY2(next >= 0 && next != leader,
                 qPrintable(QStringLiteral("no takeover within %1 ms").arg(elapsed)));
        qInfo("pg_terminate_backend → new leader: %lld ms (interval %d ms)", elapsed, kIntervalMs);
        // The old leader noticed at its next tick, stepped down, reconnected and now reads.
        QTRY_VERIFY_WITH_TIMEOUT((leaders(probes), !probes[size_t(leader)]->leader),
                                 kIntervalMs + kSlackMs);
        QCOMPARE(probes[size_t(leader)]->process->state(), QProcess::Running);
        QTRY_COMPARE_WITH_TIMEOUT(consoles(database).size(), 2, 4 * kIntervalMs);
        QTest::qWait(2 * kIntervalMs);
        QCOMPARE(leaders(probes), 1);
        QVERIFY(probes[size_t(next)]->leader);
        for (const auto &probe : probes) {
            probe->process->terminate();
            probe->process->waitForFinished(5000);
        }
    }

    void hostileNamesAreKeptAsTheyAre()
    {
        const QString database = freshDatabase();
        QVERIFY(!database.isEmpty());
        const QString hostile
                = QStringLiteral("<b>eve</b>\x01\u202e'; DROP TABLE team_consoles;--");
        LeaderElection election(settingsFor(database, hostile));
        election.start();
        QVERIFY(election.isLeader());
        QCOMPARE(election.leader().analyst, hostile);
        QCOMPARE(consoles(database).at(0).analyst, hostile);
    }

    void anUnreachableServerIsNoLeaderAndNoCrash()
    {
        TeamSettings settings;
        settings.databaseUrl
                = QStringLiteral("postgresql://vigil@127.0.0.1:1/none?sslmode=disable");
        settings.pollIntervalMs = 200;
        LeaderElection election(settings);
        election.start();
        QTest::qWait(500);
        QVERIFY(!election.isLeader());
        QVERIFY(!election.lastError().isEmpty());
        TeamSettings bad;
        bad.databaseUrl = QStringLiteral("mysql://nope");
        LeaderElection refused(bad);
        refused.start();
        QVERIFY(!refused.isLeader());
        QVERIFY(!refused.lastError().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTeamElection)
#include "tst_teamelection.moc"
