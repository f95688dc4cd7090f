#include "graphclient.h"
#include "ratelimiter.h"
#include "syncsupport.h"
#include "tokenprovider.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QUrlQuery>

using namespace Vigil;
using namespace Vigil::Test;
using namespace std::chrono_literals;

using Headers = QList<QPair<QByteArray, QByteArray>>;

Q_DECLARE_METATYPE(Vigil::Error::Kind)

namespace {

const QString kTenant = QStringLiteral("tenant-1");

bool isTokenRequest(const StubRequest &request)
{
    return request.path().endsWith("/oauth2/v2.0/token");
}

/** GraphClient with its token provider against one stub that serves both endpoints. */
struct ClientRig
{
    QNetworkAccessManager network;
    RateLimiter limiter{150};
    TokenProvider tokens;
    GraphClient client;

    explicit ClientRig(const QUrl &endpoint)
        : tokens(&network, endpoint, kTenant, QStringLiteral("client-1"),
                 QStringLiteral("s3cret&value"), endpoint)
        , client(&network, &tokens, &limiter, endpoint)
    {
        GraphClientOptions options;
        options.maxAttempts = 3;
        options.backoffBase = 20ms;
        options.requestTimeout = 2s;
        client.setOptions(options);
    }

    /** Runs one GET to the end. */
    Result<QJsonObject> get(const QUrl &url)
    {
        std::optional<Result<QJsonObject>> result;
        QObject context;
        client.get(url, &context, [&result](const Result<QJsonObject> &r) { result = r; });
        if (!QTest::qWaitFor([&result] { return result.has_value(); }, 20000))
            return Error{Error::Kind::Cancelled, 0, {}, QStringLiteral("test timed out"), {}};
        return *result;
    }
};

} // namespace

class TestGraphClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void errorFromReply_data();
    void errorFromReply();
    void errorFromReplyTimeout();
    void errorFromReplyConnectionRefused();
    void parsesRetryAfter_data();
    void parsesRetryAfter();

    void rateLimiterPacesCalls_data();
    void rateLimiterPacesCalls();
    void rateLimiterNeverExceedsBudgetPerMinute();

    void tokenRequestIsClientCredentials();
    void sendsGraphHeadersAndReusesToken();
    void keepsTheServiceClockFromDateHeaders();
    void retriesServerErrorsThenSucceeds();
    void givesUpAfterMaxAttempts();
    void honoursRetryAfterOn429();
    void renewsTokenOnceOn401();
    void badCredentialsAreAnAuthError();
    void refusesLinksToOtherHosts_data();
    void refusesLinksToOtherHosts();
    void relativeLinkIsNamedAsSuch();
    void loneSurrogateInAnObjectReadsAsReplacement();
    void anAnswerOverTheLimitIsNotReadFurther();
    void aTokenAnswerOverTheLimitIsNotReadFurther();

private:
    std::unique_ptr<StubHttpServer> m_stub;
    int m_tokensIssued = 0;
};

void TestGraphClient::init()
{
    m_stub = std::make_unique<StubHttpServer>();
    QVERIFY(m_stub->listen());
    m_tokensIssued = 0;
}

void TestGraphClient::cleanup()
{
    m_stub.reset();
}

void TestGraphClient::errorFromReply_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<Error::Kind>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("retryAfter"); // -1: none

    const QByteArray topExceeded
            = R"({"error":{"code":"","message":"The query specified in the URI is not valid. The limit of '50' for Top query has been exceeded. The value from the incoming request is '100'.","details":[],"innerError":{"date":"2024-05-01T10:00:00","request-id":"r1","client-request-id":"c1"}}})";
    QTest::newRow("400 OData $top")
            << 400 << Headers() << topExceeded << Error::Kind::BadRequest << QString()
            << QStringLiteral("The query specified in the URI is not "
                              "valid. The limit of '50' for Top query has "
                              "been exceeded. The value from the incoming "
                              "request is '100'.")
            << -1;
    QTest::newRow("401 expired token")
            << 401 << Headers()
            << QByteArray(
                       R"({"error":{"code":"InvalidAuthenticationToken","message":"Access token has expired or is not yet valid."}})")
            << Error::Kind::Auth << QStringLiteral("InvalidAuthenticationToken")
            << QStringLiteral("Access token has expired or is not yet valid.") << -1;
    QTest::newRow("403 missing permission")
            << 403 << Headers()
            << QByteArray(
                       R"({"error":{"code":"Forbidden","message":"Missing role SecurityIncident.Read.All"}})")
            << Error::Kind::Forbidden << QStringLiteral("Forbidden")
            << QStringLiteral("Missing role SecurityIncident.Read.All") << -1;
    QTest::newRow("404 unknown incident")
            << 404 << Headers()
            << QByteArray(R"({"error":{"code":"NotFound","message":"Incident 42 was not found"}})")
            << Error::Kind::NotFound << QStringLiteral("NotFound")
            << QStringLiteral("Incident 42 was not found") << -1;
    QTest::newRow("429 with Retry-After")
            << 429 << Headers{{"Retry-After", "17"}}
            << QByteArray(R"({"error":{"code":"TooManyRequests","message":"Too many requests."}})")
            << Error::Kind::Throttled << QStringLiteral("TooManyRequests")
            << QStringLiteral("Too many requests.") << 17;
    QTest::newRow("429 code only in innerError")
            << 429 << Headers()
            << QByteArray(
                       R"({"error":{"code":"","message":"Slow down","innerError":{"code":"throttledRequest"}}})")
            << Error::Kind::Throttled << QStringLiteral("throttledRequest")
            << QStringLiteral("Slow down") << -1;
    QTest::newRow("500 UnknownError")
            << 500 << Headers()
            << QByteArray(
                       R"({"error":{"code":"UnknownError","message":"An unexpected error occurred."}})")
            << Error::Kind::Server << QStringLiteral("UnknownError")
            << QStringLiteral("An unexpected error occurred.") << -1;
    QTest::newRow("503 with Retry-After")
            << 503 << Headers{{"Retry-After", "3"}} << QByteArray("Service Unavailable")
            << Error::Kind::Server << QString() << QStringLiteral("Stub") << 3;
    QTest::newRow("Entra invalid_client")
            << 401 << Headers()
            << QByteArray(
                       R"({"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided.","error_codes":[7000215]})")
            << Error::Kind::Auth << QStringLiteral("invalid_client")
            << QStringLiteral("AADSTS7000215: Invalid client secret provided.") << -1;
    QTest::newRow("Entra unauthorized_client as 400")
            << 400 << Headers()
            << QByteArray(
                       R"({"error":"unauthorized_client","error_description":"AADSTS700016: Application not found in the directory."})")
            << Error::Kind::Auth << QStringLiteral("unauthorized_client")
            << QStringLiteral("AADSTS700016: Application not found in the directory.") << -1;
    QTest::newRow("Entra invalid_request")
            << 400 << Headers()
            << QByteArray(
                       R"({"error":"invalid_request","error_description":"AADSTS90002: Tenant not found."})")
            << Error::Kind::BadRequest << QStringLiteral("invalid_request")
            << QStringLiteral("AADSTS90002: Tenant not found.") << -1;
    QTest::newRow("200 malformed JSON") << 200 << Headers() << QByteArray(R"({"value":[{"id":"1",)")
                                        << Error::Kind::Parse << QString() << QString() << -1;
    QTest::newRow("200 JSON but not an object")
            << 200 << Headers() << QByteArray("[1,2]") << Error::Kind::Parse << QString()
            << QStringLiteral("the response is not a JSON object") << -1;
}

void TestGraphClient::errorFromReply()
{
    QFETCH(int, status);
    QFETCH(Headers, headers);
    QFETCH(QByteArray, body);
    QFETCH(Error::Kind, kind);
    QFETCH(QString, code);
    QFETCH(QString, message);
    QFETCH(int, retryAfter);

    m_stub->setHandler(
            [&](const StubRequest &) { return StubResponse::json(status, body, headers); });
    QNetworkAccessManager network;
    QNetworkReply *reply = network.get(QNetworkRequest(m_stub->url()));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(5000));
    const Error error
            = Vigil::errorFromReply(reply, reply->isOpen() ? reply->readAll() : QByteArray());
    reply->deleteLater();

    QCOMPARE(error.kind, kind);
    QCOMPARE(error.httpStatus, status);
    QCOMPARE(error.code, code);
    if (!message.isEmpty())
        QCOMPARE(error.message, message);
    else
        QVERIFY(error.message.startsWith(QStringLiteral("the response is not valid JSON")));
    if (retryAfter < 0)
        QVERIFY(!error.retryAfter.has_value());
    else
        QCOMPARE(error.retryAfter, std::optional(std::chrono::seconds(retryAfter)));
    QVERIFY(!error.toString().isEmpty());
}

void TestGraphClient::errorFromReplyTimeout()
{
    m_stub->setHandler([](const StubRequest &) {
        StubResponse response;
        response.hang = true;
        return response;
    });
    QNetworkAccessManager network;
    QNetworkRequest request(m_stub->url());
    request.setTransferTimeout(300);
    QNetworkReply *reply = network.get(request);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(5000));
    const Error error
            = Vigil::errorFromReply(reply, reply->isOpen() ? reply->readAll() : QByteArray());
    reply->deleteLater();
    QCOMPARE(error.kind, Error::Kind::Timeout);
    QCOMPARE(error.httpStatus, 0);
    QVERIFY(error.isTransient());
}

void TestGraphClient::errorFromReplyConnectionRefused()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    QNetworkAccessManager network;
    QNetworkReply *reply
            = network.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port))));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(5000));
    const Error error
            = Vigil::errorFromReply(reply, reply->isOpen() ? reply->readAll() : QByteArray());
    reply->deleteLater();
    QCOMPARE(error.kind, Error::Kind::Network);
    QCOMPARE(error.code, QStringLiteral("ConnectionRefusedError"));
    QVERIFY(error.isTransient());
}

void TestGraphClient::parsesRetryAfter_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("seconds"); // -1: none

    QTest::newRow("seconds") << QByteArray("30") << 30;
    QTest::newRow("padded") << QByteArray(" 5 ") << 5;
    QTest::newRow("HTTP date") << QByteArray("Wed, 01 May 2024 10:02:00 GMT") << 120;
    QTest::newRow("date in the past") << QByteArray("Wed, 01 May 2024 09:00:00 GMT") << 0;
    QTest::newRow("garbage") << QByteArray("soon") << -1;
    QTest::newRow("empty") << QByteArray() << -1;
}

void TestGraphClient::parsesRetryAfter()
{
    QFETCH(QByteArray, value);
    QFETCH(int, seconds);
    const QDateTime now(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC);
    const auto parsed = parseRetryAfter(value, now);
    if (seconds < 0)
        QVERIFY(!parsed.has_value());
    else
        QCOMPARE(parsed, std::optional(std::chrono::seconds(seconds)));
}

void TestGraphClient::rateLimiterPacesCalls_data()
{
    QTest::addColumn<int>("perMinute");
    QTest::addColumn<int>("burst");
    QTest::addColumn<qint64>("gapMs"); // between calls once the burst is spent

    QTest::newRow("default 50/min") << 50 << 0 << qint64(1200);
    QTest::newRow("150/min") << 150 << 0 << qint64(400);
    QTest::newRow("60/min burst 1") << 60 << 1 << qint64(1000);
}

void TestGraphClient::rateLimiterPacesCalls()
{
    QFETCH(int, perMinute);
    QFETCH(int, burst);
    QFETCH(qint64, gapMs);

    RateLimiter limiter(perMinute, burst);
    const int expectedBurst = burst > 0 ? burst : std::min(perMinute, 10);
    QCOMPARE(limiter.burst(), expectedBurst);
    qint64 now = 1000;
    for (int n = 0; n < expectedBurst; ++n)
        QVERIFY2(limiter.tryAcquire(now), qPrintable(QString::number(n)));
    QVERIFY(!limiter.tryAcquire(now));
    QCOMPARE(limiter.delayMs(now), gapMs);
    now += gapMs - 1;
    QVERIFY(!limiter.tryAcquire(now));
    now += 1;
    QVERIFY(limiter.tryAcquire(now));
    QCOMPARE(limiter.callsInLastMinute(now), expectedBurst + 1);
    QCOMPARE(limiter.callsInLastMinute(now + 60'000), 0);
}

void TestGraphClient::rateLimiterNeverExceedsBudgetPerMinute()
{
    // Take calls as fast as the limiter allows for 5 minutes: no 60 s window holds more than
    // the budget, and the long-run rate is the budget.
    RateLimiter limiter(50, 50);
    std::vector<qint64> starts;
    for (qint64 now = 0; now < 300'000;) {
        const qint64 wait = limiter.delayMs(now);
        now += wait;
        if (wait == 0) {
            limiter.recordCall(now);
            starts.push_back(now);
        }
    }
    for (size_t i = 0; i < starts.size(); ++i) {
        size_t j = i;
        while (j < starts.size() && starts[j] < starts[i] + 60'000)
            ++j;
        QVERIFY2(j - i <= 50, qPrintable(QStringLiteral("%1 calls in a minute").arg(j - i)));
    }
    QVERIFY(starts.size() >= 245 && starts.size() <= 250);
}

void TestGraphClient::tokenRequestIsClientCredentials()
{
    QCOMPARE(TokenProvider::tokenUrl(QUrl(QStringLiteral("https://login.microsoftonline.com")),
                                     QStringLiteral("contoso.onmicrosoft.com")),
             QUrl(QStringLiteral("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/"
                                 "v2.0/token")));
    const QUrlQuery form(QString::fromLatin1(
            TokenProvider::requestBody(QStringLiteral("client-1"), QStringLiteral("a&b=c+d"),
                                       QUrl(QStringLiteral("https://graph.microsoft.com")))));
    QCOMPARE(form.queryItemValue(QStringLiteral("client_id")), QStringLiteral("client-1"));
    QCOMPARE(form.queryItemValue(QStringLiteral("client_secret"), QUrl::FullyDecoded),
             QStringLiteral("a&b=c+d"));
    QCOMPARE(form.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded),
             QStringLiteral("https://graph.microsoft.com/.default"));
    QCOMPARE(form.queryItemValue(QStringLiteral("grant_type")),
             QStringLiteral("client_credentials"));
}

void TestGraphClient::sendsGraphHeadersAndReusesToken()
{
    m_stub->setHandler([this](const StubRequest &request) {
        if (isTokenRequest(request))
            return StubHttpServer::tokenResponse(++m_tokensIssued);
        return StubResponse::json(200, R"({"value":[]})");
    });
    ClientRig rig(m_stub->url());
    const QUrl url = rig.client.url(QStringLiteral("/security/incidents"));
    QCOMPARE(url.path(), QStringLiteral("/v1.0/security/incidents"));
    QVERIFY(rig.get(url).ok());
    QVERIFY(rig.get(url).ok());

    QCOMPARE(m_stub->requests().size(), 3);
    const StubRequest &token = m_stub->requests().at(0);
    QCOMPARE(token.method, QByteArray("POST"));
    QCOMPARE(token.path(), QByteArray("/tenant-1/oauth2/v2.0/token"));
    QVERIFY(token.headers.value("content-type").startsWith("application/x-www-form-urlencoded"));
    QVERIFY(token.body.contains("grant_type=client_credentials"));
    QVERIFY(token.body.contains("client_secret=s3cret%26value"));
    for (int n = 1; n < 3; ++n) {
        const StubRequest &graph = m_stub->requests().at(n);
        QCOMPARE(graph.method, QByteArray("GET"));
        QCOMPARE(graph.headers.value("authorization"), QByteArray("Bearer token-1"));
        QCOMPARE(graph.headers.value("prefer"), QByteArray("include-unknown-enum-members"));
        QVERIFY(!graph.headers.value("client-request-id").isEmpty());
    }
    QVERIFY(m_stub->requests().at(1).headers.value("client-request-id")
            != m_stub->requests().at(2).headers.value("client-request-id"));
    QCOMPARE(rig.client.requestsSent(), 2);
}

void TestGraphClient::keepsTheServiceClockFromDateHeaders()
{
    int graphCalls = 0;
    m_stub->setHandler([&](const StubRequest &request) {
        if (isTokenRequest(request))
            return StubHttpServer::tokenResponse(++m_tokensIssued);
        ++graphCalls;
        if (graphCalls == 1)
            return StubResponse::json(200, R"({"value":[]})",
                                      {{"Date", "Fri, 27 Nov 2026 03:04:05 GMT"}});
        if (graphCalls == 2) // an error still tells the time
            return StubResponse::json(404, R"({"error":{"code":"NotFound","message":"no"}})",
                                      {{"Date", "Fri, 27 Nov 2026 03:04:09 GMT"}});
        return StubResponse::json(200, R"({"value":[]})", {{"Date", "not a date"}});
    });
    ClientRig rig(m_stub->url());
    QVERIFY(!rig.client.serverTime().isValid());
    const QUrl url = rig.client.url(QStringLiteral("/security/incidents"));
    QVERIFY(rig.get(url).ok());
    QCOMPARE(rig.client.serverTime(), QDateTime(QDate(2026, 11, 27), QTime(3, 4, 5), Qt::UTC));
    QVERIFY(!rig.get(url).ok());
    QCOMPARE(rig.client.serverTime(), QDateTime(QDate(2026, 11, 27), QTime(3, 4, 9), Qt::UTC));
    // A reply whose Date cannot be read leaves the last one.
    QVERIFY(rig.get(url).ok());
    QCOMPARE(rig.client.serverTime(), QDateTime(QDate(2026, 11, 27), QTime(3, 4, 9), Qt::UTC));
    QCOMPARE(parseHttpDate("Sun, 06 Nov 1994 08:49:37 GMT"),
             QDateTime(QDate(1994, 11, 6), QTime(8, 49, 37), Qt::UTC));
    QVERIFY(!parseHttpDate("").isValid());
}

void TestGraphClient::retriesServerErrorsThenSucceeds()
{
    int graphCalls = 0;
    m_stub->setHandler([&](const StubRequest &request) {
        if (isTokenRequest(request))
            return StubHttpServer::tokenResponse(++m_tokensIssued);
        if (++graphCalls <= 2)
            return StubResponse::json(graphCalls == 1 ? 500 : 502,
                                      R"({"error":{"code":"UnknownError","message":"boom"}})");
        return StubResponse::json(200, R"({"value":[{"id":"1"}]})");
    });
    ClientRig rig(m_stub->url());
    QSignalSpy backoff(&rig.client, &GraphClient::backingOff);
    const auto result = rig.get(rig.client.url(QStringLiteral("/security/incidents")));
    QVERIFY(result.ok());
    QCOMPARE(result->value(QLatin1String("value")).toArray().size(), 1);
    QCOMPARE(graphCalls, 3);
    QCOMPARE(backoff.size(), 2);
    QCOMPARE(backoff.at(0).at(1).value<Error>().kind, Error::Kind::Server);
}

void TestGraphClient::givesUpAfterMaxAttempts()
{
    int graphCalls = 0;
    m_stub->setHandler([&](const StubRequest &request) {
        if (isTokenRequest(request))
            return StubHttpServer::tokenResponse(++m_tokensIssued);
        ++graphCalls;
        return StubResponse::json(500, R"({"error":{"code":"UnknownError","message":"down"}})");
    });
    ClientRig rig(m_stub->url());
    const auto result = rig.get(rig.client.url(QStringLiteral("/security/incidents")));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Server);
    QCOMPARE(result.error().message, QStringLiteral("down"));
    QCOMPARE(graphCalls, 3); // maxAttempts

    // 4xx other than 401/429 is not retried at all.
    graphCalls = 0;
    m_stub->setHandler([&](const StubRequest &request) {
        if (isTokenRequest(request))
            return StubHttpServer::tokenResponse(++m_tokensIssued);
        ++graphCalls;
        return StubResponse::json(400, R"({"error":{"code":"","message":"bad filter"}})");
    });
    const auto bad = rig.get(rig.client.url(QStringLiteral("/security/incidents")));
    QCOMPARE(bad.error().kind, Error::Kind::BadRequest);
    QCOMPARE(graphCalls, 1);
}

void TestGraphClient::honoursRetryAfterOn429()
{
    int graphCalls = 0;
    m_stub->setHandler([&](const StubRequest &request) {
        if (isTokenRequest(request))
            return StubHttpServer::tokenResponse(++m_tokensIssued);
        if (++graphCalls == 1)
            return StubResponse::json(429, R"({"error":{"code":"TooManyRequests","message":"x"}})",
                                      {{"Retry-After", "1"}});
        return StubResponse::json(200, R"({"value":[]})");
    });
    ClientRig rig(m_stub->url());
    QSignalSpy backoff(&rig.client, &GraphClient::backingOff);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(rig.get(rig.client.url(QStringLiteral("/security/incidents"))).ok());
    QVERIFY2(timer.elapsed() >= 1000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(graphCalls, 2);
    QCOMPARE(backoff.size(), 1);
    const Error error = backoff.at(0).at(1).value<Error>();
    QCOMPARE(error.kind, Error::Kind::Throttled);
    QVERIFY(backoff.at(0).at(0).toDateTime() > QDateTime::currentDateTimeUtc().addSecs(-5));
}

void TestGraphClient::renewsTokenOnceOn401()
{
    m_stub->setHandler([this](const StubRequest &request) {
        if (isTokenRequest(request))
            return StubHttpServer::tokenResponse(++m_tokensIssued);
        if (request.headers.value("authorization") == "Bearer token-1")
            return StubResponse::json(
                    401, R"({"error":{"code":"InvalidAuthenticationToken","message":"expired"}})");
        return StubResponse::json(200, R"({"value":[]})");
    });
    ClientRig rig(m_stub->url());
    QVERIFY(rig.get(rig.client.url(QStringLiteral("/security/incidents"))).ok());
    QCOMPARE(m_tokensIssued, 2);
    QCOMPARE(m_stub->requests().size(), 4);

    // A token the service keeps rejecting is an Auth error after one renewal, not a loop.
    m_stub->setHandler([this](const StubRequest &request) {
        if (isTokenRequest(request))
            return StubHttpServer::tokenResponse(++m_tokensIssued);
        return StubResponse::json(
                401, R"({"error":{"code":"InvalidAuthenticationToken","message":"no"}})");
    });
    const auto result = rig.get(rig.client.url(QStringLiteral("/security/incidents")));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Auth);
    QCOMPARE(m_tokensIssued, 3);
}

void TestGraphClient::badCredentialsAreAnAuthError()
{
    m_stub->setHandler([](const StubRequest &request) {
        if (isTokenRequest(request))
            return StubResponse::json(
                    401,
                    R"({"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided."})");
        return StubResponse::json(200, R"({"value":[]})");
    });
    ClientRig rig(m_stub->url());
    const auto result = rig.get(rig.client.url(QStringLiteral("/security/incidents")));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Auth);
    QCOMPARE(result.error().code, QStringLiteral("invalid_client"));
    QCOMPARE(m_stub->countRequests("/security/incidents"), 0);
    QCOMPARE(m_stub->countRequests("/token"), 1); // not retried: the secret will not get better
}

void TestGraphClient::refusesLinksToOtherHosts_data()
{
    QTest::addColumn<QString>("link");
    QTest::addColumn<bool>("allowed");

    QTest::newRow("same origin") << QStringLiteral("{stub}/v1.0/security/incidents?$skip=50")
                                 << true;
    QTest::newRow("other port") << QStringLiteral("{other}/v1.0/security/incidents?$skip=50")
                                << false;
    QTest::newRow("other host") << QStringLiteral("http://127.0.0.2:{port}/v1.0/x") << false;
    QTest::newRow("https instead of http")
            << QStringLiteral("https://127.0.0.1:{port}/v1.0/x") << false;
    QTest::newRow("user info") << QStringLiteral("http://a:b@127.0.0.1:{port}/v1.0/x") << false;
}

void TestGraphClient::refusesLinksToOtherHosts()
{
    QFETCH(QString, link);
    QFETCH(bool, allowed);

    StubHttpServer other;
    QVERIFY(other.listen());
    const auto handler = [this](const StubRequest &request) {
        if (isTokenRequest(request))
            return StubHttpServer::tokenResponse(++m_tokensIssued);
        return StubResponse::json(200, R"({"value":[]})");
    };
    m_stub->setHandler(handler);
    other.setHandler(handler);
    link.replace(QStringLiteral("{stub}"), m_stub->url().toString());
    link.replace(QStringLiteral("{other}"), other.url().toString());
    link.replace(QStringLiteral("{port}"), QString::number(m_stub->url().port()));
    ClientRig rig(m_stub->url());
    QCOMPARE(rig.client.isOnEndpoint(QUrl(link)), allowed);
    const auto result = rig.get(QUrl(link));
    QCOMPARE(result.ok(), allowed);
    if (!allowed) {
        QCOMPARE(result.error().code, QStringLiteral("foreignUrl"));
        QCOMPARE(m_stub->requests().size(), 0); // no token fetched, nothing sent
        QCOMPARE(other.requests().size(), 0);
    }
}

void TestGraphClient::relativeLinkIsNamedAsSuch()
{
    m_stub->setHandler([this](const StubRequest &request) {
        if (isTokenRequest(request))
            return StubHttpServer::tokenResponse(++m_tokensIssued);
        return StubResponse::json(200, R"({"value":[]})");
    });
    ClientRig rig(m_stub->url());
    const auto result = rig.get(
            QUrl(QStringLiteral("/v1.0/security/incidents?$skiptoken=abc"), QUrl::StrictMode));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, QStringLiteral("foreignUrl"));
    // Not "a link to : it is not on ...": the message says what is wrong with it.
    QVERIFY2(result.error().message.contains(QLatin1String("relative")),
             qPrintable(result.error().message));
    QVERIFY2(result.error().message.contains(QLatin1String("not a Graph URL")),
             qPrintable(result.error().message));
    QVERIFY2(result.error().message.contains(QLatin1String("/v1.0/security/incidents")),
             qPrintable(result.error().message));
    QCOMPARE(m_stub->requests().size(), 0);
}

void TestGraphClient::loneSurrogateInAnObjectReadsAsReplacement()
{
    m_stub->setHandler([this](const StubRequest &request) {
        if (isTokenRequest(request))
            return StubHttpServer::tokenResponse(++m_tokensIssued);
        return StubResponse::json(200,
                                  R"({"id":"7","displayName":"a \ud800 b","x":"\ud83d\ude00"})");
    });
    ClientRig rig(m_stub->url());
    const auto result = rig.get(rig.client.url(QStringLiteral("/security/incidents/7")));
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QCOMPARE(result->value(QLatin1String("displayName")).toString(),
             QStringLiteral("a ") + QChar(QChar::ReplacementCharacter) + QStringLiteral(" b"));
    QCOMPARE(result->value(QLatin1String("x")).toString(), QString::fromUtf8("\xF0\x9F\x98\x80"));
}

void TestGraphClient::anAnswerOverTheLimitIsNotReadFurther()
{
    const QByteArray huge = R"({"value":[{"id":"1","title":")"
                            + QByteArray(qsizetype(4) * 1024 * 1024, 'x') + R"("}]})";
    int graphCalls = 0;
    m_stub->setHandler([&](const StubRequest &request) {
        if (isTokenRequest(request))
            return StubHttpServer::tokenResponse(++m_tokensIssued);
        ++graphCalls;
        return StubResponse::json(200, huge);
    });
    ClientRig rig(m_stub->url());
    GraphClientOptions options;
    options.maxAttempts = 3;
    options.backoffBase = 20ms;
    options.requestTimeout = 2s;
    options.maxAnswerBytes = 100'000;
    rig.client.setOptions(options);
    const auto result = rig.get(rig.client.url(QStringLiteral("/security/incidents")));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Parse);
    QCOMPARE(result.error().code, QStringLiteral("AnswerTooLarge"));
    QVERIFY2(result.error().message.contains(QLatin1String("100000")),
             qPrintable(result.error().message));
    QCOMPARE(graphCalls, 1); // the same answer would come again: no retry

    // Under the limit the same answer is read whole.
    options.maxAnswerBytes = qint64(8) * 1024 * 1024;
    rig.client.setOptions(options);
    const auto whole = rig.get(rig.client.url(QStringLiteral("/security/incidents")));
    QVERIFY2(whole.ok(), qPrintable(whole.ok() ? QString() : whole.error().toString()));
    QCOMPARE(whole->value(QLatin1String("value"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QLatin1String("title"))
                     .toString()
                     .size(),
             4 * 1024 * 1024);
}

void TestGraphClient::aTokenAnswerOverTheLimitIsNotReadFurther()
{
    // A sign-in service that answers without end (a token answer is a few KB): 1 MiB at most.
    m_stub->setHandler([](const StubRequest &request) {
        if (isTokenRequest(request))
            return StubResponse::json(200, R"({"token_type":"Bearer","access_token":")"
                                                   + QByteArray(qsizetype(4) * 1024 * 1024, 'a')
                                                   + "\"}");
        return StubResponse::json(200, R"({"value":[]})");
    });
    ClientRig rig(m_stub->url());
    const auto result = rig.get(rig.client.url(QStringLiteral("/security/incidents")));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, QStringLiteral("AnswerTooLarge"));
    QVERIFY2(result.error().message.contains(QLatin1String("1048576")),
             qPrintable(result.error().message));
    QCOMPARE(m_stub->countRequests("/security/incidents"), 0);
}

QTEST_GUILESS_MAIN(TestGraphClient)
#include "tst_graphclient.moc"
