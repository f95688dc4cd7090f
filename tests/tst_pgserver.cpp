// The throwaway PostgreSQL server the team-mode tests run against: it starts as any user (root
// included), serves Qt's QPSQL driver, and goes away with its data.
#include "pgserver.h"

#include <QDir>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using Vigil::Test::PgServer;

class TestPgServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (PgServer::binDir().isEmpty()) {
            if (PgServer::requiredHere())
                QFAIL(qPrintable(PgServer::missingAdvice()));
            QSKIP(qPrintable(PgServer::missingAdvice()));
        }
        QVERIFY2(QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")),
                 "Qt's QPSQL driver is missing: install libqt6sql6-psql (scripts/install-deps.sh)");
    }

    void startsServesAndCleansUp()
    {
        {
            PgServer server;
            QVERIFY2(server.start(), qPrintable(server.lastError()));
            QVERIFY(server.port() > 0);
            QVERIFY(server.pid() > 0);
            QVERIFY2(server.createDatabase(QStringLiteral("queue")),
                     qPrintable(server.lastError()));
            QVERIFY2(server.exec(QStringLiteral("queue"),
                                 QStringLiteral("CREATE TABLE t (v text); INSERT INTO t VALUES "
                                                "('<b>x</b>\x01')")),
                     qPrintable(server.lastError()));
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"),
                                                            QStringLiteral("probe"));
                db.setHostName(PgServer::host());
                db.setPort(server.port());
                db.setUserName(PgServer::user());
                db.setDatabaseName(QStringLiteral("queue"));
                db.setConnectOptions(QStringLiteral("sslmode=disable"));
                QVERIFY2(db.open(), qPrintable(db.lastError().text()));
                QSqlQuery query(db);
                QVERIFY(query.exec(QStringLiteral("SELECT v FROM t")));
                QVERIFY(query.next());
                QCOMPARE(query.value(0).toString(), QStringLiteral("<b>x</b>\x01"));
                // An administrator ending this client's backend: the fixture counts it.
                QCOMPARE(server.terminateBackends(QStringLiteral("queue")), 1);
                QVERIFY(!query.exec(QStringLiteral("SELECT 1")));
                db.close();
            }
            QSqlDatabase::removeDatabase(QStringLiteral("probe"));
            QVERIFY(server.url(QStringLiteral("queue"))
                            .startsWith(QStringLiteral("postgresql://vigil@127.0.0.1:")));
            server.stop();
            QVERIFY(!server.isRunning());
            QCOMPARE(server.pid(), 0);
        }
    }

    void twoServersAtOnce()
    {
        PgServer a;
        PgServer b;
        QVERIFY2(a.start(), qPrintable(a.lastError()));
        QVERIFY2(b.start(), qPrintable(b.lastError()));
        QVERIFY(a.port() != b.port());
        QVERIFY(a.exec(QStringLiteral("postgres"), QStringLiteral("SELECT 1")));
        QVERIFY(b.exec(QStringLiteral("postgres"), QStringLiteral("SELECT 1")));
    }
};

QTEST_GUILESS_MAIN(TestPgServer)
#include "tst_pgserver.moc"
