// Access tokens from a scripted token endpoint: caching, renewal on the clock, rotation of the
// refresh token, and every way the endpoint can fail or lie.

#include "clock.h"
#include "syncsupport.h"
#include "testclock.h"
#include "tokenprovider.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include <optional>

using namespace Vigil;
using namespace Vigil::Test;
using namespace std::chrono_literals;

namespace {

const QString kTenant = QStringLiteral("tenant-1");
const QString kClient = QStringLiteral("client-1");
const QString kSecret = QStringLiteral("s3cret&value");

QString formValue(const StubRequest &request, const char *name)
{
    QByteArray body = request.body;
    body.replace('+', "%20");
    return QUrlQuery(QString::fromLatin1(body))
            .queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
}

} // namespace

class TestTokenProvider : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void asksWithClientCredentials();
    void cachesUntilFiveMinutesBeforeExpiry();
    void shortLifetimeRenewsAtHalfTime();
    void callersWaitingMeanwhileShareOneRequest();
    void invalidateAsksAgainAtOnce();
    void delegatedRotatesTheRefreshToken();
    void refusedRefreshTokenAsksToSignInAgain();
    void refusedClientSecretIsAnAuthError();
    void networkErrorIsTransient();
    void malformedAnswersAreParseErrors_data();
    void malformedAnswersAreParseErrors();
    void oddExpiryFallsBackToAnHour_data();
    void oddExpiryFallsBackToAnHour();
    void redirectIsNotFollowed();
    void silentEndpointTimesOutOnTheClock();
    void missingCredentialsNeedNoRequest();
    void tokenOutsideTheGrammarIsRefused_data();
    void tokenOutsideTheGrammarIsRefused();

private:
    TokenProvider *provider(const QString &secret = kSecret);
    /** Asks for a token and waits for the answer. */
    Result<QString> token();

    std::unique_ptr<StubHttpServer> m_stub;
    std::unique_ptr<TestClock> m_clock;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<TokenProvider> m_tokens;
    int m_issued = 0;
};

void TestTokenProvider::init()
{
    m_stub = std::make_unique<StubHttpServer>();
    QVERIFY(m_stub->listen());
    m_issued = 0;
    m_stub->setHandler(
            [this](const StubRequest &) { return StubHttpServer::tokenResponse(++m_issued); });
    m_clock = std::make_unique<TestClock>();
    m_network = std::make_unique<QNetworkAccessManager>();
}

void TestTokenProvider::cleanup()
{
    m_tokens.reset();
    m_network.reset();
    m_clock.reset();
    m_stub.reset();
}

TokenProvider *TestTokenProvider::provider(const QString &secret)
{
    m_tokens = std::make_unique<TokenProvider>(m_network.get(), m_stub->url(), kTenant, kClient,
                                               secret, QUrl(QStringLiteral("https://graph.test")));
    m_tokens->setClock(m_clock.get());
    m_tokens->setRequestTimeout(30s);
    return m_tokens.get();
}

Result<QString> TestTokenProvider::token()
{
    std::optional<Result<QString>> answer;
    m_tokens->token(this, [&answer](const Result<QString> &result) { answer = result; });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 10000))
        return Error{Error::Kind::Cancelled, 0, {}, QStringLiteral("test timed out"), {}};
    return *answer;
}

void TestTokenProvider::asksWithClientCredentials()
{
    provider();
    const Result<QString> first = token();
    QVERIFY(first.ok());
    QCOMPARE(first.value(), QStringLiteral("token-1"));
    QCOMPARE(m_stub->requests().size(), 1);
    const StubRequest &request = m_stub->requests().at(0);
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.path(), QByteArray("/tenant-1/oauth2/v2.0/token"));
    QCOMPARE(formValue(request, "grant_type"), QStringLiteral("client_credentials"));
    QCOMPARE(formValue(request, "client_id"), kClient);
    QCOMPARE(formValue(request, "client_secret"), kSecret);
    QCOMPARE(formValue(request, "scope"), QStringLiteral("https://graph.test/.default"));
    // The secret travels in the body only.
    QVERIFY(!request.target.contains("s3cret"));
}

void TestTokenProvider::cachesUntilFiveMinutesBeforeExpiry()
{
    TokenProvider *tokens = provider();
    QCOMPARE(token().value(), QStringLiteral("token-1"));
    QCOMPARE(tokens->expiresAt(), m_clock->now().addSecs(3600));
    m_clock->advance(3300'000 - 1'000);
    QVERIFY(tokens->hasValidToken());
    QCOMPARE(token().value(), QStringLiteral("token-1"));
    QCOMPARE(tokens->tokenRequests(), 1);
    // Five minutes before it expires it is no longer used.
    m_clock->advance(1'000);
    QVERIFY(!tokens->hasValidToken());
    QCOMPARE(token().value(), QStringLiteral("token-2"));
    QCOMPARE(tokens->tokenRequests(), 2);
    QCOMPARE(m_stub->requests().size(), 2);
}

void TestTokenProvider::shortLifetimeRenewsAtHalfTime()
{
    m_stub->setHandler(
            [this](const StubRequest &) { return StubHttpServer::tokenResponse(++m_issued, 60); });
    TokenProvider *tokens = provider();
    QCOMPARE(token().value(), QStringLiteral("token-1"));
    m_clock->advance(29'999);
    QVERIFY(tokens->hasValidToken());
    m_clock->advance(1);
    QVERIFY(!tokens->hasValidToken());
    QCOMPARE(token().value(), QStringLiteral("token-2"));
}

void TestTokenProvider::callersWaitingMeanwhileShareOneRequest()
{
    TokenProvider *tokens = provider();
    QStringList answers;
    for (int n = 0; n < 3; ++n)
        tokens->token(this, [&answers](const Result<QString> &t) { answers << t.value(); });
    // A caller that is gone by then is not called.
    {
        QObject gone;
        tokens->token(&gone, [&answers](const Result<QString> &) { answers << QString(); });
    }
    QTRY_COMPARE_WITH_TIMEOUT(answers.size(), 3, 10000);
    QTest::qWait(50);
    QCOMPARE(answers, QStringList(3, QStringLiteral("token-1")));
    QCOMPARE(m_stub->requests().size(), 1);
}

void TestTokenProvider::invalidateAsksAgainAtOnce()
{
    TokenProvider *tokens = provider();
    QCOMPARE(token().value(), QStringLiteral("token-1"));
    tokens->invalidate();
    QVERIFY(!tokens->hasValidToken());
    QCOMPARE(token().value(), QStringLiteral("token-2"));
}

void TestTokenProvider::delegatedRotatesTheRefreshToken()
{
    m_stub->setHandler([this](const StubRequest &request) {
        ++m_issued;
        const QString refresh = formValue(request, "refresh_token");
        // The second answer hands the same refresh token back: nothing to keep then.
        const QByteArray next
                = m_issued == 2 ? refresh.toLatin1() : "rt-" + QByteArray::number(m_issued + 1);
        return StubResponse::json(200,
                                  R"({"token_type":"Bearer","expires_in":3600,"access_token":"at-)"
                                          + QByteArray::number(m_issued) + R"(","refresh_token":")"
                                          + next + R"("})");
    });
    TokenProvider *tokens = provider(QString());
    tokens->setRefreshToken(QStringLiteral("rt-1"));
    QVERIFY(tokens->isDelegated());
    QSignalSpy rotated(tokens, &TokenProvider::refreshTokenRotated);

    QCOMPARE(token().value(), QStringLiteral("at-1"));
    const StubRequest first = m_stub->requests().at(0);
    QCOMPARE(formValue(first, "grant_type"), QStringLiteral("refresh_token"));
    QCOMPARE(formValue(first, "refresh_token"), QStringLiteral("rt-1"));
    QVERIFY(formValue(first, "scope").contains(QLatin1String("offline_access")));
    QVERIFY(formValue(first, "client_secret").isEmpty());
    QCOMPARE(rotated.size(), 1);
    QCOMPARE(rotated.at(0).at(0).toString(), QStringLiteral("rt-2"));

    // The next renewal (on expiry) redeems the rotated token; the same one back is no rotation.
    m_clock->advance(3300'000);
    QCOMPARE(token().value(), QStringLiteral("at-2"));
    QCOMPARE(formValue(m_stub->requests().at(1), "refresh_token"), QStringLiteral("rt-2"));
    QCOMPARE(rotated.size(), 1);

    tokens->invalidate();
    QCOMPARE(token().value(), QStringLiteral("at-3"));
    QCOMPARE(formValue(m_stub->requests().at(2), "refresh_token"), QStringLiteral("rt-2"));
    QCOMPARE(rotated.size(), 2);
    QCOMPARE(rotated.at(1).at(0).toString(), QStringLiteral("rt-4"));
}

void TestTokenProvider::refusedRefreshTokenAsksToSignInAgain()
{
    m_stub->setHandler([](const StubRequest &) {
        return StubResponse::json(
                400,
                R"({"error":"invalid_grant","error_description":"AADSTS700082: The refresh token has expired due to inactivity.","error_codes":[700082]})");
    });
    TokenProvider *tokens = provider(QString());
    tokens->setRefreshToken(QStringLiteral("rt-old"));
    QSignalSpy rotated(tokens, &TokenProvider::refreshTokenRotated);
    const Result<QString> answer = token();
    QVERIFY(!answer.ok());
    QCOMPARE(answer.error().kind, Error::Kind::Auth);
    QCOMPARE(answer.error().code, QStringLiteral("invalid_grant"));
    QCOMPARE(answer.error().httpStatus, 400);
    QVERIFY2(answer.error().message.contains(QLatin1String("Sign in again")),
             qPrintable(answer.error().message));
    QVERIFY2(answer.error().message.contains(QLatin1String("AADSTS700082")),
             qPrintable(answer.error().message));
    QVERIFY(!answer.error().isTransient());
    QVERIFY(rotated.isEmpty());
    QVERIFY(!tokens->hasValidToken());
}

void TestTokenProvider::refusedClientSecretIsAnAuthError()
{
    m_stub->setHandler([](const StubRequest &) {
        return StubResponse::json(
                401,
                R"({"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided."})");
    });
    provider();
    const Result<QString> answer = token();
    QVERIFY(!answer.ok());
    QCOMPARE(answer.error().kind, Error::Kind::Auth);
    QCOMPARE(answer.error().httpStatus, 401);
    QCOMPARE(answer.error().code, QStringLiteral("invalid_client"));
    QVERIFY2(answer.error().message.contains(QLatin1String("Invalid client secret")),
             qPrintable(answer.error().message));
    QVERIFY(!answer.error().isTransient());
    // Asking again asks the service again: a failure is not cached.
    QVERIFY(!token().ok());
    QCOMPARE(m_stub->requests().size(), 2);
}

void TestTokenProvider::networkErrorIsTransient()
{
    m_stub->setHandler([](const StubRequest &) {
        StubResponse dropped;
        dropped.close = true;
        return dropped;
    });
    provider();
    const Result<QString> answer = token();
    QVERIFY(!answer.ok());
    QCOMPARE(answer.error().kind, Error::Kind::Network);
    QVERIFY(answer.error().isTransient());
    // Nothing listening at all is the same kind of failure.
    const QUrl nowhere = m_stub->url();
    m_stub.reset();
    m_tokens = std::make_unique<TokenProvider>(m_network.get(), nowhere, kTenant, kClient, kSecret,
                                               QUrl(QStringLiteral("https://graph.test")));
    m_tokens->setClock(m_clock.get());
    const Result<QString> refused = token();
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, Error::Kind::Network);
    QCOMPARE(refused.error().code, QStringLiteral("ConnectionRefusedError"));
    m_stub = std::make_unique<StubHttpServer>(); // for cleanup()
}

void TestTokenProvider::malformedAnswersAreParseErrors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("not JSON") << QByteArray("<html>Sign in</html>");
    QTest::newRow("truncated") << QByteArray(R"({"token_type":"Bearer","access_tok)");
    QTest::newRow("no token") << QByteArray(R"({"token_type":"Bearer","expires_in":3600})");
    QTest::newRow("empty token") << QByteArray(R"({"access_token":"","expires_in":3600})");
    QTest::newRow("token not a string") << QByteArray(R"({"access_token":42,"expires_in":3600})");
    QTest::newRow("array") << QByteArray(R"([{"access_token":"x"}])");
    QTest::newRow("empty") << QByteArray();
}

void TestTokenProvider::malformedAnswersAreParseErrors()
{
    QFETCH(QByteArray, body);
    m_stub->setHandler([body](const StubRequest &) { return StubResponse::json(200, body); });
    TokenProvider *tokens = provider();
    const Result<QString> answer = token();
    QVERIFY(!answer.ok());
    QCOMPARE(answer.error().kind, Error::Kind::Parse);
    QVERIFY2(answer.error().message.contains(QLatin1String("without an access_token")),
             qPrintable(answer.error().message));
    QVERIFY(!tokens->hasValidToken());
}

void TestTokenProvider::oddExpiryFallsBackToAnHour_data()
{
    QTest::addColumn<QByteArray>("expiresIn");
    QTest::addColumn<int>("lifetime");
    QTest::newRow("string") << QByteArray(R"("120")") << 120;
    QTest::newRow("missing") << QByteArray() << 3600;
    QTest::newRow("zero") << QByteArray("0") << 3600;
    QTest::newRow("negative") << QByteArray("-5") << 3600;
    QTest::newRow("words") << QByteArray(R"("soon")") << 3600;
}

void TestTokenProvider::oddExpiryFallsBackToAnHour()
{
    QFETCH(QByteArray, expiresIn);
    QFETCH(int, lifetime);
    m_stub->setHandler([expiresIn](const StubRequest &) {
        return StubResponse::json(
                200, R"({"access_token":"odd")"
                             + (expiresIn.isEmpty() ? QByteArray() : ",\"expires_in\":" + expiresIn)
                             + "}");
    });
    TokenProvider *tokens = provider();
    QCOMPARE(token().value(), QStringLiteral("odd"));
    QCOMPARE(tokens->expiresAt(), m_clock->now().addSecs(lifetime));
}

void TestTokenProvider::redirectIsNotFollowed()
{
    StubHttpServer elsewhere;
    QVERIFY(elsewhere.listen());
    elsewhere.setHandler([](const StubRequest &) { return StubHttpServer::tokenResponse(99); });
    const QByteArray location = elsewhere.url().toEncoded() + "/steal";
    m_stub->setHandler([location](const StubRequest &) {
        return StubResponse::json(307, "{}", {{"Location", location}});
    });
    provider();
    const Result<QString> answer = token();
    QVERIFY(!answer.ok());
    QCOMPARE(answer.error().kind, Error::Kind::Network);
    QTest::qWait(50);
    // The secret never went to the other host.
    QVERIFY(elsewhere.requests().isEmpty());
}

void TestTokenProvider::silentEndpointTimesOutOnTheClock()
{
    m_stub->setHandler([](const StubRequest &) {
        StubResponse silent;
        silent.hang = true;
        return silent;
    });
    provider();
    std::optional<Result<QString>> answer;
    m_tokens->token(this, [&answer](const Result<QString> &result) { answer = result; });
    QTRY_COMPARE_WITH_TIMEOUT(m_stub->requests().size(), 1, 5000);
    m_clock->advance(29'000);
    QTest::qWait(50);
    QVERIFY(!answer);
    m_clock->advance(1'000);
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 5000);
    QVERIFY(!answer->ok());
    QCOMPARE(answer->error().kind, Error::Kind::Timeout);
    QVERIFY(answer->error().isTransient());
}

void TestTokenProvider::missingCredentialsNeedNoRequest()
{
    provider(QString());
    const Result<QString> answer = token();
    QVERIFY(!answer.ok());
    QCOMPARE(answer.error().kind, Error::Kind::Config);
    QVERIFY2(answer.error().message.contains(QLatin1String("client secret")),
             qPrintable(answer.error().message));
    QVERIFY(m_stub->requests().isEmpty());
}

void TestTokenProvider::tokenOutsideTheGrammarIsRefused_data()
{
    QTest::addColumn<QByteArray>("accessToken"); // as JSON string content
    QTest::newRow("CRLF and a header") << QByteArray(R"(abc\r\nX-Injected: yes)");
    QTest::newRow("bare LF") << QByteArray(R"(abc\nHost: evil.test)");
    QTest::newRow("space") << QByteArray("abc def");
    QTest::newRow("NUL") << QByteArray(R"(abc\u0000def)");
    QTest::newRow("non-ASCII") << QByteArray("abc\u00e9def");
    QTest::newRow("padding in the middle") << QByteArray("abc=def");
}

void TestTokenProvider::tokenOutsideTheGrammarIsRefused()
{
    QFETCH(QByteArray, accessToken);
    m_stub->setHandler([accessToken](const StubRequest &) {
        return StubResponse::json(200, R"({"token_type":"Bearer","expires_in":3600,)"
                                       R"("access_token":")"
                                               + accessToken + R"("})");
    });
    TokenProvider *tokens = provider();
    const Result<QString> answer = token();
    // A token that would put a line break (or anything else) into the Authorization header is
    // not used: an Auth error that says why, and no token kept.
    QVERIFY(!answer.ok());
    QCOMPARE(answer.error().kind, Error::Kind::Auth);
    QVERIFY2(answer.error().message.contains(QLatin1String("not a valid access token")),
             qPrintable(answer.error().message));
    QVERIFY(!tokens->hasValidToken());

    // A well-formed one (a JWT: base64url parts and dots, maybe padded) is taken.
    m_stub->setHandler([](const StubRequest &) {
        return StubResponse::json(
                200,
                R"({"token_type":"Bearer","expires_in":3600,"access_token":"eyJ0eXAi.eyJh-_b~+/.c2ln=="})");
    });
    const Result<QString> good = token();
    QVERIFY(good.ok());
    QCOMPARE(good.value(), QStringLiteral("eyJ0eXAi.eyJh-_b~+/.c2ln=="));
}

QTEST_GUILESS_MAIN(TestTokenProvider)
#include "tst_tokenprovider.moc"
