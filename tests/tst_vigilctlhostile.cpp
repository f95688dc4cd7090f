// vigilctl against a service that answers what a real tenant should not: scripted by a stub on
// loopback, run as a user runs it.

#include "syncsupport.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Vigil::Test;

class TestVigilctlHostile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void syncOnceStopsOnALongRetryAfter_data();
    void syncOnceStopsOnALongRetryAfter();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
        qint64 elapsedMs = 0;
    };
    /** Runs vigilctl against stub with the stub answering meanwhile (no blocking wait). */
    Run vigilctl(const StubHttpServer &stub, const QStringList &arguments);

    QTemporaryDir m_dataDir;
};

TestVigilctlHostile::Run TestVigilctlHostile::vigilctl(const StubHttpServer &stub,
                                                       const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &key :
         {QStringLiteral("AZURE_AUTHORITY_HOST"), QStringLiteral("VIGIL_GRAPH_ENDPOINT"),
          QStringLiteral("VIGIL_DATA_DIR"), QStringLiteral("VIGIL_CLOUD")})
        environment.remove(key);
    environment.insert(QStringLiteral("AZURE_TENANT_ID"), QStringLiteral("tenant-1"));
    environment.insert(QStringLiteral("AZURE_CLIENT_ID"), QStringLiteral("client-1"));
    environment.insert(QStringLiteral("AZURE_CLIENT_SECRET"), QStringLiteral("secret"));
    process.setProcessEnvironment(environment);
    QSignalSpy finished(&process, &QProcess::finished);
    QElapsedTimer timer;
    timer.start();
    process.start(QStringLiteral(VIGILCTL_PATH),
                  QStringList{QStringLiteral("--data-dir"), m_dataDir.path(),
                              QStringLiteral("--authority-host"), stub.url().toString(),
                              QStringLiteral("--graph-endpoint"), stub.url().toString()}
                          + arguments);
    Run run;
    if (!finished.wait(90'000)) {
        process.kill();
        process.waitForFinished();
    } else {
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }
    run.elapsedMs = timer.elapsed();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

void TestVigilctlHostile::syncOnceStopsOnALongRetryAfter_data()
{
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<QByteArray>("named");
    QTest::newRow("seconds beyond a timer")
            << QByteArray("2147484") << QByteArray("2147484 seconds");
    QTest::newRow("date in the year 9999")
            << QByteArray("Fri, 31 Dec 9999 23:59:59 GMT") << QByteArray("days)");
    QTest::newRow("two minutes") << QByteArray("120")
                                 << QByteArray("120 seconds (about 2 minutes)");
}

void TestVigilctlHostile::syncOnceStopsOnALongRetryAfter()
{
    QFETCH(QByteArray, retryAfter);
    QFETCH(QByteArray, named);
    QVERIFY(m_dataDir.isValid());
    StubHttpServer stub;
    QVERIFY(stub.listen());
    stub.setHandler([&retryAfter](const StubRequest &request) {
        if (request.path().endsWith("/oauth2/v2.0/token"))
            return StubHttpServer::tokenResponse(1);
        return StubResponse::json(
                429, R"({"error":{"code":"TooManyRequests","message":"Too many requests."}})",
                {{"Retry-After", retryAfter}});
    });
    const Run run = vigilctl(stub, {QStringLiteral("sync"), QStringLiteral("--once")});
    // It ends, at once, with a failure that names the wait and says to come back later.
    QVERIFY2(run.exitCode > 0, qPrintable(QStringLiteral("exit %1 after %2 ms: %3")
                                                  .arg(run.exitCode)
                                                  .arg(run.elapsedMs)
                                                  .arg(QString::fromUtf8(run.err))));
    QVERIFY2(run.elapsedMs < 30'000, qPrintable(QString::number(run.elapsedMs)));
    QVERIFY2(run.err.contains("asked to wait"), run.err.constData());
    QVERIFY2(run.err.contains(named), run.err.constData());
    QVERIFY2(run.err.contains("Try again later"), run.err.constData());
    QCOMPARE(stub.countRequests("/security/incidents"), 1);
}

QTEST_GUILESS_MAIN(TestVigilctlHostile)
#include "tst_vigilctlhostile.moc"
