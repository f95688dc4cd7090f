// Reading the PostgreSQL URL that --db and VIGIL_DB take, and connecting with it to a real
// (throwaway) server.
#include "pgserver.h"
#include "postgres/pgdatabase.h"
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

    void verifiesTlsUnlessToldOtherwise_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("sslMode");
        const QString full = QStringLiteral("verify-full");
        const QString prefer = QStringLiteral("prefer");
        QTest::newRow("a server") << "postgres://a@h/db" << full;
        QTest::newRow("a named server") << "postgresql://a@db.example.org:5433/db" << full;
        QTest::newRow("a private address") << "postgresql://a@10.0.0.7/db" << full;
        // This machine's own server: libpq's default, TLS when offered.
        QTest::newRow("localhost") << "postgresql://a@localhost/db" << prefer;
        QTest::newRow("LOCALHOST") << "postgresql://a@LOCALHOST/db" << prefer;
        QTest::newRow("127.0.0.1") << "postgresql://a@127.0.0.1:5432/db" << prefer;
        QTest::newRow("127.1.2.3") << "postgresql://a@127.1.2.3/db" << prefer;
        QTest::newRow("::1") << "postgresql://a@[::1]:5432/db" << prefer;
        // Names that only look like it are verified.
        QTest::newRow("localhost.evil") << "postgresql://a@localhost.evil.example/db" << full;
        QTest::newRow("127 as a name") << "postgresql://a@127.0.0.1.evil.example/db" << full;
        QTest::newRow("127 prefix") << "postgresql://a@127.example/db" << full;
        QTest::newRow("out of range") << "postgresql://a@127.0.0.256/db" << full;
        // The URL's word wins both ways.
        QTest::newRow("asked to verify locally")
                << "postgresql://a@localhost/db?sslmode=verify-full" << full;
        QTest::newRow("asked not to verify") << "postgresql://a@h/db?sslmode=require"
                                             << "require";
    }
    void verifiesTlsUnlessToldOtherwise()
    {
        QFETCH(QString, url);
        QFETCH(QString, sslMode);
        const auto parsed = PgLocation::parse(url);
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message));
        QCOMPARE(parsed->sslMode, sslMode);
        // What the settings keep says it, and reads back the same.
        const auto again = PgLocation::parse(parsed->toUrl());
        QVERIFY(again.ok());
        QCOMPARE(again->sslMode, sslMode);
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

        // Without an sslmode the loopback server (no TLS here) is reached as it is: a URL that
        // names this machine needs no certificate.
        const QString bare = QStringLiteral("postgresql://%1@%2:%3/queue")
                                     .arg(PgServer::user(), PgServer::host())
                                     .arg(server.port());
        const auto local = PgLocation::parse(bare);
        QVERIFY(local.ok());
        const auto plain = openPgConnection(*local, {}, QStringLiteral("l"), {});
        QVERIFY2(plain.ok(), plain.ok() ? "" : qPrintable(plain.error().message));
        QSqlDatabase::removeDatabase(QStringLiteral("l"));

        // A database that is not there: a Storage error naming where, and no connection left.
        PgLocation missing = *where;
        missing.database = QStringLiteral("nope");
        const auto failed = openPgConnection(missing, {}, QStringLiteral("u"), {});
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().kind, Error::Kind::Storage);
        QCOMPARE(failed.error().code, QLatin1String(PgDatabase::kConnectErrorCode));
        QVERIFY2(failed.error().message.contains(missing.displayName()),
                 qPrintable(failed.error().message));
        QVERIFY(!QSqlDatabase::contains(QStringLiteral("u")));
    }
};

QTEST_GUILESS_MAIN(TestPgLocation)
#include "tst_pglocation.moc"
