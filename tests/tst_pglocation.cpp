// Reading the PostgreSQL URL that --db and VIGIL_DB take, and connecting with it to a real
// (throwaway) server.
#include "pgserver.h"
#include "postgres/pglocation.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace Vigil;
using Vigil::Test::PgServer;

class TestPgLocation : public QObject
{
    Q_OBJECT

private slots:
    void readsAFullUrl()
    {
        QString password;
        const auto parsed = PgLocation::parse(
                QStringLiteral("postgresql://soc%40corp:s%3Acret@db.corp.example:6543/"
                               "vigil?sslmode=verify-ca&sslrootcert=/etc/ssl/corp.pem"),
                &password);
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message));
        QCOMPARE(parsed->host, QStringLiteral("db.corp.example"));
        QCOMPARE(parsed->port, 6543);
        QCOMPARE(parsed->user, QStringLiteral("soc@corp"));
        QCOMPARE(parsed->database, QStringLiteral("vigil"));
        QCOMPARE(parsed->sslMode, QStringLiteral("verify-ca"));
        QCOMPARE(parsed->sslRootCert, QStringLiteral("/etc/ssl/corp.pem"));
        QCOMPARE(password, QStringLiteral("s:cret"));
        // What settings keep has no password, and reads back the same.
        const QString kept = parsed->toUrl();
        QVERIFY2(!kept.contains(QLatin1String("cret")), qPrintable(kept));
        const auto again = PgLocation::parse(kept, &password);
        QVERIFY(again.ok());
        QCOMPARE(*again, *parsed);
        QVERIFY(password.isEmpty());
        QCOMPARE(parsed->displayName(), QStringLiteral("soc@corp@db.corp.example:6543/vigil"));
    }

    void verifiesTlsUnlessToldOtherwise()
    {
        const auto parsed = PgLocation::parse(QStringLiteral("postgres://a@h/db"));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->sslMode, QStringLiteral("verify-full"));
        QCOMPARE(parsed->port, 5432);
    }

    void refusesWhatItCannotUse_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("says");
        QTest::newRow("sqlite path") << "/home/a/vigil.sqlite"
                                     << "not a PostgreSQL URL";
        QTest::newRow("no host") << "postgresql://a@/db"
                                 << "no server";
        QTest::newRow("no user") << "postgresql://h/db"
                                 << "no user";
        QTest::newRow("no database") << "postgresql://a@h:5432"
                                     << "no database";
        QTest::newRow("bad sslmode") << "postgresql://a@h/db?sslmode=%3Cb%3Eoff"
                                     << "not one PostgreSQL knows";
        QTest::newRow("markup") << "postgresql://a:hunter2@h/db?sslmode=<b>off</b>"
                                << "percent-encoded";
        QTest::newRow("wrong scheme") << "postgressql://a:hunter2@h/db"
                                      << "not a PostgreSQL URL";
        QTest::newRow("unknown option") << "postgresql://a@h/db?options=-c%20x"
                                        << "'options'";
        QTest::newRow("bad port") << "postgresql://a@h:99999/db"
                                  << "port";
    }
    void refusesWhatItCannotUse()
    {
        QFETCH(QString, url);
        QFETCH(QString, says);
        const auto parsed = PgLocation::parse(url);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().kind, Error::Kind::Config);
        QVERIFY2(parsed.error().message.contains(says), qPrintable(parsed.error().message));
        // A password in a URL that cannot be read is never repeated back.
        QVERIFY2(!parsed.error().message.contains(QLatin1String("hunter2")),
                 qPrintable(parsed.error().message));
    }

    void connectsToARealServer()
    {
        if (PgServer::binDir().isEmpty()) {
            if (PgServer::requiredHere())
                QFAIL(qPrintable(PgServer::missingAdvice()));
            QSKIP(qPrintable(PgServer::missingAdvice()));
        }
        PgServer server;
        QVERIFY2(server.start(), qPrintable(server.lastError()));
        QVERIFY(server.createDatabase(QStringLiteral("queue")));
        const auto where = PgLocation::parse(server.url(QStringLiteral("queue")));
        QVERIFY(where.ok());
        const auto opened
                = openPgConnection(*where, {}, QStringLiteral("t"), QStringLiteral("vigil-test"));
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
        {
            QSqlQuery query(QSqlDatabase::database(QStringLiteral("t")));
            QVERIFY(query.exec(QStringLiteral("SELECT current_setting('application_name')")));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toString(), QStringLiteral("vigil-test"));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("t"));

        // A database that is not there: a Storage error naming where, and no connection left.
        PgLocation missing = *where;
        missing.database = QStringLiteral("nope");
        const auto failed = openPgConnection(missing, {}, QStringLiteral("u"), {});
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().kind, Error::Kind::Storage);
        QVERIFY2(failed.error().message.contains(missing.displayName()),
                 qPrintable(failed.error().message));
        QVERIFY(!QSqlDatabase::contains(QStringLiteral("u")));
    }
};

QTEST_GUILESS_MAIN(TestPgLocation)
#include "tst_pglocation.moc"
