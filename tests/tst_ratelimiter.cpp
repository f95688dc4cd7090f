// The pace of Graph calls on a test clock: the token bucket, the cap per minute, Retry-After and
// back-off, without waiting for any of it.

#include "graphclient.h"
#include "ratelimiter.h"
#include "syncsupport.h"
#include "testclock.h"
#include "tokenprovider.h"

#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace Vigil;
using namespace Vigil::Test;
using namespace std::chrono_literals;

namespace {

qint64 ms(std::chrono::milliseconds duration)
{
    return qint64(duration.count());
}

} // namespace

class TestRateLimiter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void burstThenOneCallPerRefill();
    void idleTimeRefillsNoMoreThanTheBurst();
    void neverMoreThanTheBudgetInAMinute();
    void budgetChangeKeepsTheBurstWithinIt();
    void retryAfterIsHonouredOnThrottlingOnly();
    void backoffDoublesWithinJitterBounds();
    void backoffIsCappedAtTheMaximum();
    void graphClientWaitsRetryAfterOnItsClock();
    void graphClientWaitsForTheBucketOnItsClock();
    void hugeRetryAfterIsCutToFifteenMinutes();
    void graphClientResumesAfterAHugeRetryAfter_data();
    void graphClientResumesAfterAHugeRetryAfter();
    void graphClientStopsOnAWaitBeyondItsLimit();
};

void TestRateLimiter::burstThenOneCallPerRefill()
{
    TestClock clock;
    RateLimiter limiter(60, 10); // one token a second, ten at once
    limiter.setClock(&clock);
    for (int n = 0; n < 10; ++n)
        QVERIFY2(limiter.tryAcquire(), qPrintable(QString::number(n)));
    QVERIFY(!limiter.tryAcquire());
    QCOMPARE(limiter.delayMs(), qint64(1000));
    clock.advance(999);
    QVERIFY(!limiter.tryAcquire());
    QVERIFY(limiter.delayMs() > 0);
    clock.advance(1);
    QVERIFY(limiter.tryAcquire());
    QVERIFY(!limiter.tryAcquire());
    QCOMPARE(limiter.callsInLastMinute(), 11);
}

void TestRateLimiter::idleTimeRefillsNoMoreThanTheBurst()
{
    TestClock clock;
    RateLimiter limiter(60, 5);
    limiter.setClock(&clock);
    for (int n = 0; n < 5; ++n)
        QVERIFY(limiter.tryAcquire());
    QVERIFY(!limiter.tryAcquire());
    clock.advance(3600'000); // an idle hour earns five calls, not 3600
    int taken = 0;
    while (limiter.tryAcquire())
        ++taken;
    QCOMPARE(taken, 5);
    QCOMPARE(limiter.callsInLastMinute(), 5);
    clock.advance(60'000);
    QCOMPARE(limiter.callsInLastMinute(), 0);
}

void TestRateLimiter::neverMoreThanTheBudgetInAMinute()
{
    TestClock clock;
    RateLimiter limiter(50, 50);
    limiter.setClock(&clock);
    for (int n = 0; n < 50; ++n)
        QVERIFY(limiter.tryAcquire());
    // The bucket would allow one more after 1.2 s, but fifty calls already started in this
    // minute: the next waits until the first of them is a minute old.
    QCOMPARE(limiter.delayMs(), qint64(60'000));
    clock.advance(59'999);
    QVERIFY(!limiter.tryAcquire());
    clock.advance(1);
    QVERIFY(limiter.tryAcquire());

    // Taken as fast as allowed for ten minutes: no 60 s window holds more than fifty.
    int calls = 51;
    std::vector<qint64> starts;
    const qint64 end = clock.elapsedMs() + 600'000;
    while (clock.elapsedMs() < end) {
        const qint64 wait = limiter.delayMs();
        if (wait > 0) {
            clock.advance(wait);
            continue;
        }
        QVERIFY(limiter.tryAcquire());
        starts.push_back(clock.elapsedMs());
        ++calls;
        QVERIFY(limiter.callsInLastMinute() <= 50);
    }
    for (size_t i = 50; i < starts.size(); ++i)
        QVERIFY2(starts[i] - starts[i - 50] >= 60'000, qPrintable(QString::number(i)));
    // ... and the budget is used: about fifty a minute.
    QVERIFY2(calls >= 10 * 50 && calls <= 11 * 50 + 1, qPrintable(QString::number(calls)));
}

void TestRateLimiter::budgetChangeKeepsTheBurstWithinIt()
{
    TestClock clock;
    RateLimiter limiter(150, 30);
    limiter.setClock(&clock);
    QCOMPARE(limiter.burst(), 30);
    limiter.setCallsPerMinute(20, 50);
    QCOMPARE(limiter.callsPerMinute(), 20);
    QCOMPARE(limiter.burst(), 20);
    limiter.setCallsPerMinute(0);
    QCOMPARE(limiter.callsPerMinute(), 1);
    QVERIFY(limiter.tryAcquire());
    QVERIFY(!limiter.tryAcquire());
    QCOMPARE(limiter.delayMs(), qint64(60'000));
}

void TestRateLimiter::retryAfterIsHonouredOnThrottlingOnly()
{
    Error throttled{Error::Kind::Throttled, 429, {}, QStringLiteral("slow down"), 7s};
    for (int attempt : {1, 3, 9}) {
        QCOMPARE(ms(retryDelay(throttled, attempt, 1s, 60s, 0.0)), qint64(7000));
        QCOMPARE(ms(retryDelay(throttled, attempt, 1s, 60s, 0.99)), qint64(7000));
    }
    Error unavailable{Error::Kind::Server, 503, {}, QStringLiteral("busy"), 120s};
    QCOMPARE(ms(retryDelay(unavailable, 1, 1s, 60s, 0.5)), qint64(120'000));
    // A Retry-After of 0 means "now".
    throttled.retryAfter = 0s;
    QCOMPARE(ms(retryDelay(throttled, 2, 1s, 60s, 0.5)), qint64(0));
    // On a 500 the header is not a promise: back-off as usual.
    Error broken{Error::Kind::Server, 500, {}, QStringLiteral("oops"), 600s};
    QCOMPARE(ms(retryDelay(broken, 1, 1s, 60s, 0.5)), qint64(1000));
    // Without the header, throttling backs off.
    Error bare{Error::Kind::Throttled, 429, {}, QStringLiteral("slow down"), std::nullopt};
    QCOMPARE(ms(retryDelay(bare, 2, 1s, 60s, 0.5)), qint64(2000));

    // An HTTP date is read against the clock's now, not the machine's.
    TestClock clock(QDateTime(QDate(2026, 11, 27), QTime(2, 59, 30), Qt::UTC));
    QVERIFY(parseRetryAfter("Fri, 27 Nov 2026 03:00:00 GMT", clock.now()) == 30s);
    clock.advance(45'000);
    QVERIFY(parseRetryAfter("Fri, 27 Nov 2026 03:00:00 GMT", clock.now()) == 0s);
}

void TestRateLimiter::backoffDoublesWithinJitterBounds()
{
    const Error error{Error::Kind::Network, 0, {}, QStringLiteral("reset"), std::nullopt};
    qint64 base = 1000;
    for (int attempt = 1; attempt <= 5; ++attempt, base *= 2) {
        QCOMPARE(ms(retryDelay(error, attempt, 1s, 60s, 0.0)), base * 3 / 4);
        QCOMPARE(ms(retryDelay(error, attempt, 1s, 60s, 0.5)), base);
        QVERIFY(ms(retryDelay(error, attempt, 1s, 60s, 0.999999)) < base * 5 / 4);
        for (int n = 0; n < 50; ++n) {
            const qint64 delay = ms(retryDelay(error, attempt, 1s, 60s,
                                               QRandomGenerator::global()->generateDouble()));
            QVERIFY2(delay >= base * 3 / 4 && delay <= base * 5 / 4,
                     qPrintable(QStringLiteral("attempt %1: %2 ms").arg(attempt).arg(delay)));
        }
    }
}

void TestRateLimiter::backoffIsCappedAtTheMaximum()
{
    const Error error{Error::Kind::Timeout, 0, {}, QStringLiteral("slow"), std::nullopt};
    for (int attempt : {7, 8, 20, 100}) {
        QCOMPARE(ms(retryDelay(error, attempt, 1s, 60s, 0.0)), qint64(45'000));
        QCOMPARE(ms(retryDelay(error, attempt, 1s, 60s, 0.5)), qint64(60'000));
    }
    // attempt 0 (a token that failed before any send) waits like the first.
    QCOMPARE(ms(retryDelay(error, 0, 1s, 60s, 0.5)), qint64(1000));
}

void TestRateLimiter::graphClientWaitsRetryAfterOnItsClock()
{
    StubHttpServer stub;
    QVERIFY(stub.listen());
    int tokens = 0;
    int graphCalls = 0;
    stub.setHandler([&](const StubRequest &request) {
        if (request.path().endsWith("/oauth2/v2.0/token"))
            return StubHttpServer::tokenResponse(++tokens);
        if (++graphCalls == 1)
            return StubResponse::json(429,
                                      R"({"error":{"code":"TooManyRequests","message":"wait"}})",
                                      {{"Retry-After", "120"}});
        return StubResponse::json(200, R"({"value":[]})");
    });
    TestClock clock;
    QNetworkAccessManager network;
    RateLimiter limiter(150);
    limiter.setClock(&clock);
    TokenProvider provider(&network, stub.url(), QStringLiteral("tenant-1"),
                           QStringLiteral("client-1"), QStringLiteral("secret"), stub.url());
    provider.setClock(&clock);
    GraphClient client(&network, &provider, &limiter, stub.url());
    client.setClock(&clock);
    QSignalSpy backingOff(&client, &GraphClient::backingOff);

    std::optional<Result<QJsonObject>> result;
    client.get(client.url(QStringLiteral("/security/incidents")), this,
               [&result](const Result<QJsonObject> &r) { result = r; });
    QVERIFY(backingOff.wait(5000));
    // The wait is the service's two minutes, on the client's clock.
    QCOMPARE(backingOff.at(0).at(0).toDateTime(), clock.now().addSecs(120));
    QCOMPARE(backingOff.at(0).at(1).value<Error>().kind, Error::Kind::Throttled);
    clock.advance(119'000);
    QTest::qWait(100);
    QCOMPARE(graphCalls, 1);
    QVERIFY(!result);
    clock.advance(1'000);
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
    QVERIFY2(result->ok(), qPrintable(result->ok() ? QString() : result->error().toString()));
    QCOMPARE(graphCalls, 2);
    QCOMPARE(tokens, 1);
}

void TestRateLimiter::graphClientWaitsForTheBucketOnItsClock()
{
    StubHttpServer stub;
    QVERIFY(stub.listen());
    int graphCalls = 0;
    stub.setHandler([&](const StubRequest &request) {
        if (request.path().endsWith("/oauth2/v2.0/token"))
            return StubHttpServer::tokenResponse(1);
        ++graphCalls;
        return StubResponse::json(200, R"({"value":[]})");
    });
    TestClock clock;
    QNetworkAccessManager network;
    RateLimiter limiter(6, 2); // two at once, then one every ten seconds
    limiter.setClock(&clock);
    TokenProvider provider(&network, stub.url(), QStringLiteral("tenant-1"),
                           QStringLiteral("client-1"), QStringLiteral("secret"), stub.url());
    provider.setClock(&clock);
    GraphClient client(&network, &provider, &limiter, stub.url());
    client.setClock(&clock);

    int done = 0;
    for (int n = 0; n < 3; ++n)
        client.get(client.url(QStringLiteral("/security/incidents")), this,
                   [&done](const Result<QJsonObject> &r) { done += r.ok() ? 1 : 0; });
    QTRY_COMPARE_WITH_TIMEOUT(done, 2, 5000);
    QTest::qWait(100);
    QCOMPARE(graphCalls, 2);
    clock.advance(9'999);
    QTest::qWait(100);
    QCOMPARE(graphCalls, 2);
    clock.advance(1);
    QTRY_COMPARE_WITH_TIMEOUT(done, 3, 5000);
    QCOMPARE(graphCalls, 3);
    QCOMPARE(client.callsInLastMinute(), 3);
}

void TestRateLimiter::hugeRetryAfterIsCutToFifteenMinutes()
{
    // 2147484 s is the first number of seconds whose milliseconds overflow a timer's int.
    const Error throttled{Error::Kind::Throttled, 429, {}, QStringLiteral("wait"), 2147484s};
    QCOMPARE(ms(retryDelay(throttled, 1, 1s, 60s, 0.5)), qint64(15 * 60'000));
    const Error unavailable{Error::Kind::Server, 503, {}, QStringLiteral("busy"), 86400s * 365};
    QCOMPARE(ms(retryDelay(unavailable, 1, 1s, 60s, 0.5)), qint64(15 * 60'000));
    // A date in the year 9999 is a wait of about 8000 years.
    const QDateTime now(QDate(2026, 11, 27), QTime(3, 0), Qt::UTC);
    const auto farAway = parseRetryAfter("Fri, 31 Dec 9999 23:59:59 GMT", now);
    QVERIFY(farAway.has_value());
    QVERIFY(*farAway > 86400s * 365 * 7000);
    const Error dated{Error::Kind::Throttled, 429, {}, QStringLiteral("wait"), farAway};
    QCOMPARE(ms(retryDelay(dated, 1, 1s, 60s, 0.5)), qint64(15 * 60'000));
    // What fits under the cap is honoured to the second.
    const Error shortWait{Error::Kind::Throttled, 429, {}, QStringLiteral("wait"), 899s};
    QCOMPARE(ms(retryDelay(shortWait, 1, 1s, 60s, 0.5)), qint64(899'000));
}

void TestRateLimiter::graphClientResumesAfterAHugeRetryAfter_data()
{
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::newRow("seconds beyond a timer") << QByteArray("2147484");
    QTest::newRow("date in the year 9999") << QByteArray("Fri, 31 Dec 9999 23:59:59 GMT");
}

void TestRateLimiter::graphClientResumesAfterAHugeRetryAfter()
{
    QFETCH(QByteArray, retryAfter);
    StubHttpServer stub;
    QVERIFY(stub.listen());
    int graphCalls = 0;
    stub.setHandler([&](const StubRequest &request) {
        if (request.path().endsWith("/oauth2/v2.0/token"))
            return StubHttpServer::tokenResponse(1);
        if (++graphCalls == 1)
            return StubResponse::json(429,
                                      R"({"error":{"code":"TooManyRequests","message":"wait"}})",
                                      {{"Retry-After", retryAfter}});
        return StubResponse::json(200, R"({"value":[]})");
    });
    TestClock clock;
    QNetworkAccessManager network;
    RateLimiter limiter(150);
    limiter.setClock(&clock);
    TokenProvider provider(&network, stub.url(), QStringLiteral("tenant-1"),
                           QStringLiteral("client-1"), QStringLiteral("secret"), stub.url());
    provider.setClock(&clock);
    GraphClient client(&network, &provider, &limiter, stub.url());
    client.setClock(&clock);
    QSignalSpy backingOff(&client, &GraphClient::backingOff);

    std::optional<Result<QJsonObject>> result;
    client.get(client.url(QStringLiteral("/security/incidents")), this,
               [&result](const Result<QJsonObject> &r) { result = r; });
    QVERIFY(backingOff.wait(5000));
    // What the status bar shows: the call is tried again in 15 minutes, not in years.
    QCOMPARE(backingOff.at(0).at(0).toDateTime(), clock.now().addSecs(qint64(15) * 60));
    clock.advance(15 * 60'000 - 1);
    QTest::qWait(100);
    QCOMPARE(graphCalls, 1);
    clock.advance(1);
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
    QVERIFY2(result->ok(), qPrintable(result->ok() ? QString() : result->error().toString()));
    QCOMPARE(graphCalls, 2);
}

void TestRateLimiter::graphClientStopsOnAWaitBeyondItsLimit()
{
    StubHttpServer stub;
    QVERIFY(stub.listen());
    int graphCalls = 0;
    QByteArray retryAfter = "60";
    stub.setHandler([&](const StubRequest &request) {
        if (request.path().endsWith("/oauth2/v2.0/token"))
            return StubHttpServer::tokenResponse(1);
        ++graphCalls;
        return StubResponse::json(429, R"({"error":{"code":"TooManyRequests","message":"wait"}})",
                                  {{"Retry-After", retryAfter}});
    });
    TestClock clock;
    QNetworkAccessManager network;
    RateLimiter limiter(150);
    limiter.setClock(&clock);
    TokenProvider provider(&network, stub.url(), QStringLiteral("tenant-1"),
                           QStringLiteral("client-1"), QStringLiteral("secret"), stub.url());
    provider.setClock(&clock);
    GraphClient client(&network, &provider, &limiter, stub.url());
    client.setClock(&clock);
    GraphClientOptions options;
    options.maxAttempts = 2;
    options.failRetryWaitAbove = 60s;
    client.setOptions(options);
    QSignalSpy backingOff(&client, &GraphClient::backingOff);

    // Up to the limit the call waits as asked...
    std::optional<Result<QJsonObject>> result;
    client.get(client.url(QStringLiteral("/security/incidents")), this,
               [&result](const Result<QJsonObject> &r) { result = r; });
    QVERIFY(backingOff.wait(5000));
    QCOMPARE(backingOff.at(0).at(0).toDateTime(), clock.now().addSecs(60));
    clock.advance(60'000);
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
    QCOMPARE(graphCalls, 2);

    // ...beyond it, it stops at once and says how long the service asked to wait.
    retryAfter = "2147484";
    graphCalls = 0;
    backingOff.clear();
    result.reset();
    client.get(client.url(QStringLiteral("/security/incidents")), this,
               [&result](const Result<QJsonObject> &r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
    QVERIFY(!result->ok());
    QCOMPARE(result->error().kind, Error::Kind::Throttled);
    QVERIFY2(result->error().message.contains(QLatin1String("2147484 seconds")),
             qPrintable(result->error().message));
    QVERIFY2(result->error().message.contains(QLatin1String("about 24 days")),
             qPrintable(result->error().message));
    QCOMPARE(graphCalls, 1);
    QCOMPARE(backingOff.size(), 0);
}

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
