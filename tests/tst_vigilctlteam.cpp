// `vigilctl team status` and `vigilctl sync --follow` against a team database: headless
// consoles elect one sync leader, a killed leader is replaced, SIGTERM leaves cleanly, and the
// status names the leader (a hostile analyst name stays harmless on a terminal).
#include "pgserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

using Vigil::Test::PgServer;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

QProcessEnvironment cleanEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *key :
         {"AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET", "VIGIL_DATA_DIR",
          "VIGIL_STORAGE_URL", "VIGIL_STORAGE_SAS", "VIGIL_DB", "VIGIL_ANALYST_UPN"})
        environment.remove(QLatin1String(key));
    return environment;
}

Run vigilctl(const QStringList &arguments, const QProcessEnvironment &extra = {})
{
    QProcess process;
    QProcessEnvironment environment = cleanEnvironment();
    for (const QString &key : extra.keys())
        environment.insert(key, extra.value(key));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(VIGILCTL_PATH), arguments);
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

const QString kHostile = QStringLiteral("<b>ana</b>\x1b[31mred\u202e");

} // namespace

class TestVigilctlTeam : public QObject
{
    Q_OBJECT

private:
    PgServer m_server;
    QString m_url;

    QJsonObject status()
    {
        const Run run = vigilctl({QStringLiteral("team"), QStringLiteral("status"),
                                  QStringLiteral("--db"), m_url, QStringLiteral("--format"),
                                  QStringLiteral("json")});
        if (run.exitCode != 0)
            qWarning("team status failed: %s", run.err.constData());
        return QJsonDocument::fromJson(run.out).object();
    }

    static qint64 leaderPid(const QJsonObject &status)
    {
        return status.value(QLatin1String("leader"))
                .toObject()
                .value(QLatin1String("pid"))
                .toInteger();
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
        QVERIFY(m_server.createDatabase(QStringLiteral("team")));
        m_url = m_server.url(QStringLiteral("team"));
    }

    void statusOfAnEmptyTeamAndWithoutADatabase()
    {
        const QJsonObject empty = status();
        QVERIFY(empty.contains(QLatin1String("leader")));
        QVERIFY(empty.value(QLatin1String("leader")).isNull());
        QCOMPARE(empty.value(QLatin1String("consoles")).toArray().size(), 0);
        const Run missing = vigilctl({QStringLiteral("team"), QStringLiteral("status")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.err.contains("--db"));
        // VIGIL_DB is read too.
        QProcessEnvironment withDb;
        withDb.insert(QStringLiteral("VIGIL_DB"), m_url);
        const Run fromEnvironment = vigilctl({QStringLiteral("team"), QStringLiteral("status"),
                                              QStringLiteral("--format"), QStringLiteral("text")},
                                             withDb);
        QCOMPARE(fromEnvironment.exitCode, 0);
        QVERIFY(fromEnvironment.out.contains("Sync leader: none"));
        const Run unreachable = vigilctl(
                {QStringLiteral("team"), QStringLiteral("status"), QStringLiteral("--db"),
                 QStringLiteral("postgresql://vigil@127.0.0.1:1/none?sslmode=disable")});
        QCOMPARE(unreachable.exitCode, 1);
        // Named as the team database, with what to check: not as the local one.
        QVERIFY2(unreachable.err.contains("the team database cannot be reached")
                         && unreachable.err.contains("Check --db / VIGIL_DB")
                         && !unreachable.err.contains("--data-dir"),
                 unreachable.err.constData());
    }

    void followersElectOneLeaderAndHandOver()
    {
        QTemporaryDir first;
        QTemporaryDir second;
        std::unique_ptr<QProcess> processes[2]
                = {std::make_unique<QProcess>(), std::make_unique<QProcess>()};
        const QString analysts[2] = {kHostile, QStringLiteral("ben@contoso.com")};
        const QString dirs[2] = {first.path(), second.path()};
        for (int i = 0; i < 2; ++i) {
            processes[i]->setProcessEnvironment(cleanEnvironment());
            processes[i]->start(QStringLiteral(VIGILCTL_PATH),
                                {QStringLiteral("sync"), QStringLiteral("--follow"),
                                 QStringLiteral("--demo"), QStringLiteral("--data-dir"), dirs[i],
                                 QStringLiteral("--db"), m_url, QStringLiteral("--analyst"),
                                 analysts[i], QStringLiteral("--poll-interval"),
                                 QStringLiteral("5")});
            QVERIFY(processes[i]->waitForStarted());
        }
        QTRY_VERIFY_WITH_TIMEOUT(status().value(QLatin1String("consoles")).toArray().size() == 2
                                         && leaderPid(status()) > 0,
                                 60000);
        const QJsonObject both = status();
        const qint64 pid = leaderPid(both);
        const int leader = processes[0]->processId() == pid ? 0 : 1;
        QCOMPARE(processes[leader]->processId(), pid);
        const int reader = 1 - leader;
        const QJsonObject leaderJson = both.value(QLatin1String("leader")).toObject();
        QCOMPARE(leaderJson.value(QLatin1String("analyst")).toString(), analysts[leader]);
        QVERIFY(!leaderJson.value(QLatin1String("host")).toString().isEmpty());
        QVERIFY(!leaderJson.value(QLatin1String("since")).toString().isEmpty());
        for (const auto &console : both.value(QLatin1String("consoles")).toArray())
            QCOMPARE(console.toObject().value(QLatin1String("kind")).toString(),
                     QStringLiteral("vigilctl"));
        // The leader syncs; the reader does not.
        QByteArray leaderOut;
        QTRY_VERIFY_WITH_TIMEOUT((leaderOut += processes[leader]->readAllStandardOutput(),
                                  leaderOut.contains("Synced:")),
                                 60000);
        QVERIFY(leaderOut.contains("Leading the team's sync."));
        QByteArray readerOut = processes[reader]->readAllStandardOutput();
        QVERIFY(!readerOut.contains("Synced:"));
        QVERIFY(!readerOut.contains("Leading"));

        // Text: a hostile name cannot colour or reverse the terminal.
        const Run text = vigilctl(
                {QStringLiteral("team"), QStringLiteral("status"), QStringLiteral("--db"), m_url});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("Sync leader: "));
        QVERIFY(!text.out.contains('\x1b'));
        QVERIFY(!text.out.contains("\u202e"));

        // The leader is killed: the reader takes over within one interval (5 s).
        QElapsedTimer handover;
        handover.start();
        ::kill(pid_t(pid), SIGKILL);
        QVERIFY(processes[leader]->waitForFinished(5000));
        QTRY_VERIFY_WITH_TIMEOUT((readerOut += processes[reader]->readAllStandardOutput(),
                                  readerOut.contains("Leading the team's sync.")),
                                 5000 + 2000);
        qInfo("SIGKILL of the leading vigilctl → takeover: %lld ms (interval 5000 ms)",
              handover.elapsed());
        QTRY_VERIFY_WITH_TIMEOUT((readerOut += processes[reader]->readAllStandardOutput(),
                                  readerOut.contains("Synced:")),
                                 60000);
        QCOMPARE(leaderPid(status()), processes[reader]->processId());

        // SIGTERM: a clean stop that gives the lock and the row back.
        ::kill(pid_t(processes[reader]->processId()), SIGTERM);
        QVERIFY(processes[reader]->waitForFinished(30000));
        QCOMPARE(processes[reader]->exitStatus(), QProcess::NormalExit);
        QCOMPARE(processes[reader]->exitCode(), 0);
        readerOut += processes[reader]->readAllStandardOutput();
        QVERIFY(readerOut.contains("Stopping."));
        const QJsonObject after = status();
        QVERIFY(after.value(QLatin1String("leader")).isNull());
        // The killed one's row expires after three intervals; the stopped one's is gone now.
        for (const auto &console : after.value(QLatin1String("consoles")).toArray())
            QVERIFY(console.toObject().value(QLatin1String("pid")).toInteger()
                    != processes[reader]->processId());
    }
};

QTEST_GUILESS_MAIN(TestVigilctlTeam)
#include "tst_vigilctlteam.moc"
