// Interactive sign-in against the simulated tenant: device code, polling, refresh tokens.
// Vigil and the simulated tenant share a test clock: intervals and lifetimes pass when the test
// moves the clock on, not in real time.

#include "devicecodeflow.h"
#include "simserver.h"
#include "synccontroller.h"
#include "syncsupport.h"
#include "testclock.h"
#include "tokenprovider.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Vigil;

namespace {

const QString Upn = QStringLiteral("ann.analyst@contoso.com");
const QUrl GraphResource(QStringLiteral("https://graph.microsoft.com"));

} // namespace

class TestDeviceCodeFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void scopesAndEndpoints();
    void tokenOutsideTheGrammarEndsTheSignIn();
    void approvedSignInGivesTokensAndIdentity();
    void declinedSignInEndsWithClearError();
    void expiredCodeEndsWithClearError();
    void slowDownLengthensTheInterval();
    void cancelStopsPolling();
    void unknownClientIsRefusedAtOnce();
    void anEndlessAnswerIsNotReadFurther();
    void refreshRenewsBeforeExpiryAndRotates();
    void revokedRefreshTokenAsksToSignInAgain_data();
    void revokedRefreshTokenAsksToSignInAgain();
    void syncRunsOnASignIn();

private:
    std::unique_ptr<DeviceCodeFlow> newFlow(const QString &clientId = {});
    QJsonObject simCode(const QString &userCode) const;
    DelegatedSignIn signIn();
    int graphStatus(const QString &token);
    /** Moves the clock on and lets a request it started reach the tenant, or not. */
    void settle(qint64 ms);

    std::unique_ptr<Test::TestClock> m_clock;
    std::unique_ptr<Sim::SimServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

void TestDeviceCodeFlow::init()
{
    m_clock = std::make_unique<Test::TestClock>();
    Sim::SimOptions options;
    options.authClockMs = [clock = m_clock.get()] { return clock->elapsedMs(); };
    options.incidents = 20;
    options.deviceCodeIntervalSeconds = 1;
    options.tokenLifetimeSeconds = 4; // renewal margin 2 s: renewals happen within a test
    m_server = std::make_unique<Sim::SimServer>(options);
    QVERIFY(m_server->listen(0));
    m_network = std::make_unique<QNetworkAccessManager>();
}

void TestDeviceCodeFlow::cleanup()
{
    m_network.reset();
    m_server.reset();
    m_clock.reset();
}

void TestDeviceCodeFlow::settle(qint64 ms)
{
    m_clock->advance(ms);
    QTest::qWait(100);
}

std::unique_ptr<DeviceCodeFlow> TestDeviceCodeFlow::newFlow(const QString &clientId)
{
    auto flow = std::make_unique<DeviceCodeFlow>(
            m_network.get(), m_server->baseUrl(), m_server->tenantId(),
            clientId.isEmpty() ? m_server->clientId() : clientId, GraphResource);
    flow->setClock(m_clock.get());
    return flow;
}

QJsonObject TestDeviceCodeFlow::simCode(const QString &userCode) const
{
    const QJsonArray codes = m_server->tenant().identity().deviceCodesJson();
    for (const auto &code : codes) {
        if (code[QLatin1String("user_code")].toString() == userCode)
            return code.toObject();
    }
    return {};
}

DelegatedSignIn TestDeviceCodeFlow::signIn()
{
    auto flow = newFlow();
    QSignalSpy code(flow.get(), &DeviceCodeFlow::codeReceived);
    QSignalSpy done(flow.get(), &DeviceCodeFlow::signedIn);
    flow->start();
    if (!code.wait(5000))
        return {};
    const auto prompt = code.at(0).at(0).value<DeviceCodePrompt>();
    m_server->tenant().identity().approve(prompt.userCode, Upn, QStringLiteral("Ann Analyst"));
    m_clock->advance(1000); // the interval
    if (!done.wait(10000))
        return {};
    return done.at(0).at(0).value<DelegatedSignIn>();
}

int TestDeviceCodeFlow::graphStatus(const QString &token)
{
    QNetworkRequest request(QUrl(m_server->baseUrl().toString()
                                 + QStringLiteral("/v1.0/security/incidents?$top=1")));
    request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    std::unique_ptr<QNetworkReply> reply(m_network->get(request));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(10000))
        return 0;
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

void TestDeviceCodeFlow::scopesAndEndpoints()
{
    QCOMPARE(DeviceCodeFlow::delegatedScopes(QUrl(QStringLiteral("https://graph.microsoft.us/"))),
             QStringLiteral("https://graph.microsoft.us/SecurityIncident.ReadWrite.All "
                            "https://graph.microsoft.us/SecurityAlert.ReadWrite.All "
                            "https://graph.microsoft.us/ThreatHunting.Read.All "
                            "offline_access openid profile"));
    QCOMPARE(DeviceCodeFlow::endpointUrl(QUrl(QStringLiteral("https://login.microsoftonline.us")),
                                         QStringLiteral("organizations"),
                                         QStringLiteral("devicecode")),
             QUrl(QStringLiteral(
                     "https://login.microsoftonline.us/organizations/oauth2/v2.0/devicecode")));
}

void TestDeviceCodeFlow::tokenOutsideTheGrammarEndsTheSignIn()
{
    // The sign-in's own answer must not put a header into every Graph request either.
    const Result<DelegatedSignIn> injected = DeviceCodeFlow::parseTokenAnswer(
            R"({"access_token":"abc\r\nX-Injected: yes","refresh_token":"r","expires_in":3600})");
    QVERIFY(!injected.ok());
    QCOMPARE(injected.error().kind, Error::Kind::Auth);
    QVERIFY2(injected.error().message.contains(QLatin1String("not a valid access token")),
             qPrintable(injected.error().message));
    const Result<DelegatedSignIn> good = DeviceCodeFlow::parseTokenAnswer(
            R"({"access_token":"eyJ0.eyJh.c2ln","refresh_token":"r","expires_in":3600})");
    QVERIFY(good.ok());
    QCOMPARE(good->accessToken, QStringLiteral("eyJ0.eyJh.c2ln"));
}

void TestDeviceCodeFlow::approvedSignInGivesTokensAndIdentity()
{
    auto flow = newFlow();
    QSignalSpy code(flow.get(), &DeviceCodeFlow::codeReceived);
    QSignalSpy polled(flow.get(), &DeviceCodeFlow::pollAnswered);
    QSignalSpy done(flow.get(), &DeviceCodeFlow::signedIn);
    QSignalSpy failed(flow.get(), &DeviceCodeFlow::failed);
    flow->start();
    QVERIFY(code.wait(5000));
    const auto prompt = code.at(0).at(0).value<DeviceCodePrompt>();
    QCOMPARE(prompt.userCode.size(), 9);
    QCOMPARE(prompt.verificationUri, QUrl(QStringLiteral("https://microsoft.com/devicelogin")));
    QVERIFY(prompt.message.contains(prompt.userCode));
    QCOMPARE(prompt.intervalSeconds, 1);
    QVERIFY(prompt.expiresAt > m_clock->now().addSecs(800));

    const QJsonObject requested = simCode(prompt.userCode);
    QVERIFY(requested[QLatin1String("scope")].toString().contains(
            QLatin1String("SecurityIncident.ReadWrite.All")));
    QVERIFY(requested[QLatin1String("scope")].toString().contains(QLatin1String("offline_access")));

    // The flow keeps polling while the analyst has not approved yet.
    m_clock->advance(1000);
    QVERIFY(polled.wait(5000));
    QCOMPARE(polled.at(0).at(0).toString(), QStringLiteral("authorization_pending"));
    QVERIFY(done.isEmpty());
    QVERIFY(m_server->tenant()
                    .identity()
                    .approve(prompt.userCode, Upn, QStringLiteral("Ann"))
                    .ok());
    m_clock->advance(1000);
    QVERIFY(done.wait(10000));
    QVERIFY(failed.isEmpty());
    QVERIFY(!flow->isRunning());

    const auto result = done.at(0).at(0).value<DelegatedSignIn>();
    QCOMPARE(result.upn, Upn);
    QCOMPARE(result.displayName, QStringLiteral("Ann"));
    QCOMPARE(result.tenantId, m_server->tenantId());
    QVERIFY(!result.refreshToken.isEmpty());
    QVERIFY(result.expiresAt > m_clock->now());
    QCOMPARE(graphStatus(result.accessToken), 200);

    const QJsonObject redeemed = simCode(prompt.userCode);
    QCOMPARE(redeemed[QLatin1String("state")].toString(), QStringLiteral("redeemed"));
    QCOMPARE(redeemed[QLatin1String("upn")].toString(), Upn);
    // Polling at the interval handed out never provoked slow_down.
    QCOMPARE(redeemed[QLatin1String("slowDowns")].toInt(), 0);
    QCOMPARE(redeemed[QLatin1String("polls")].toInt(), flow->polls());
}

void TestDeviceCodeFlow::declinedSignInEndsWithClearError()
{
    auto flow = newFlow();
    QSignalSpy code(flow.get(), &DeviceCodeFlow::codeReceived);
    QSignalSpy polled(flow.get(), &DeviceCodeFlow::pollAnswered);
    QSignalSpy failed(flow.get(), &DeviceCodeFlow::failed);
    QSignalSpy done(flow.get(), &DeviceCodeFlow::signedIn);
    flow->start();
    QVERIFY(code.wait(5000));
    m_clock->advance(1000);
    QVERIFY(polled.wait(5000));
    const auto prompt = code.at(0).at(0).value<DeviceCodePrompt>();
    QVERIFY(m_server->tenant().identity().decline(prompt.userCode).ok());
    m_clock->advance(1000);
    QVERIFY(failed.wait(10000));
    const auto error = failed.at(0).at(0).value<Error>();
    QCOMPARE(error.kind, Error::Kind::Auth);
    QCOMPARE(error.code, QStringLiteral("authorization_declined"));
    QVERIFY2(error.message.contains(QLatin1String("declined")), qPrintable(error.message));
    QVERIFY2(error.message.contains(QLatin1String("Start it again")), qPrintable(error.message));
    QVERIFY(done.isEmpty());
    QVERIFY(!flow->isRunning());
    // No poll after the terminal answer.
    const int polls = simCode(prompt.userCode)[QLatin1String("polls")].toInt();
    settle(2500);
    QCOMPARE(simCode(prompt.userCode)[QLatin1String("polls")].toInt(), polls);
}

void TestDeviceCodeFlow::expiredCodeEndsWithClearError()
{
    auto flow = newFlow();
    QSignalSpy code(flow.get(), &DeviceCodeFlow::codeReceived);
    QSignalSpy failed(flow.get(), &DeviceCodeFlow::failed);
    flow->start();
    QVERIFY(code.wait(5000));
    const auto prompt = code.at(0).at(0).value<DeviceCodePrompt>();
    QVERIFY(m_server->tenant().identity().expireDeviceCode(prompt.userCode).ok());
    m_clock->advance(1000);
    QVERIFY(failed.wait(10000));
    const auto error = failed.at(0).at(0).value<Error>();
    QCOMPARE(error.kind, Error::Kind::Auth);
    QCOMPARE(error.code, QStringLiteral("expired_token"));
    QVERIFY2(error.message.contains(QLatin1String("expired")), qPrintable(error.message));
    QVERIFY2(error.message.contains(QLatin1String("again")), qPrintable(error.message));
}

void TestDeviceCodeFlow::slowDownLengthensTheInterval()
{
    auto flow = newFlow();
    QSignalSpy code(flow.get(), &DeviceCodeFlow::codeReceived);
    QSignalSpy polled(flow.get(), &DeviceCodeFlow::pollAnswered);
    QSignalSpy done(flow.get(), &DeviceCodeFlow::signedIn);
    flow->start();
    QVERIFY(code.wait(5000));
    const auto prompt = code.at(0).at(0).value<DeviceCodePrompt>();

    // Polling at once, sooner than the 1 s interval, is answered with slow_down.
    flow->pollNow();
    QVERIFY(polled.wait(5000));
    QCOMPARE(polled.at(0).at(0).toString(), QStringLiteral("slow_down"));
    QCOMPARE(polled.at(0).at(1).toInt(), 6);
    QCOMPARE(flow->intervalSeconds(), 6);
    const qint64 slowDownAt = m_clock->elapsedMs();

    // The next poll comes 6 s later, not 1 s: the server sees no second slow_down.
    while (flow->polls() == 1 && m_clock->elapsedMs() - slowDownAt < 10000)
        m_clock->advance(100);
    const qint64 gapMs = m_clock->elapsedMs() - slowDownAt;
    QVERIFY(polled.wait(10000));
    QCOMPARE(polled.at(1).at(0).toString(), QStringLiteral("authorization_pending"));
    QVERIFY2(gapMs >= 5900, qPrintable(QString::number(gapMs)));
    QJsonObject seen = simCode(prompt.userCode);
    QCOMPARE(seen[QLatin1String("slowDowns")].toInt(), 1);
    QCOMPARE(seen[QLatin1String("polls")].toInt(), 2);
    QCOMPARE(seen[QLatin1String("interval")].toInt(), 6);

    QVERIFY(m_server->tenant().identity().approve(prompt.userCode, Upn, {}).ok());
    m_clock->advance(6000);
    QVERIFY(done.wait(10000));
    seen = simCode(prompt.userCode);
    QCOMPARE(seen[QLatin1String("slowDowns")].toInt(), 1);
    QCOMPARE(seen[QLatin1String("state")].toString(), QStringLiteral("redeemed"));
}

void TestDeviceCodeFlow::cancelStopsPolling()
{
    auto flow = newFlow();
    QSignalSpy code(flow.get(), &DeviceCodeFlow::codeReceived);
    QSignalSpy polled(flow.get(), &DeviceCodeFlow::pollAnswered);
    QSignalSpy failed(flow.get(), &DeviceCodeFlow::failed);
    flow->start();
    QVERIFY(code.wait(5000));
    m_clock->advance(1000);
    QVERIFY(polled.wait(5000));
    flow->cancel();
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.at(0).at(0).value<Error>().kind, Error::Kind::Cancelled);
    const auto prompt = code.at(0).at(0).value<DeviceCodePrompt>();
    const int polls = simCode(prompt.userCode)[QLatin1String("polls")].toInt();
    // Approving after the cancel changes nothing: nobody polls any more.
    QVERIFY(m_server->tenant().identity().approve(prompt.userCode, Upn, {}).ok());
    settle(2500);
    QCOMPARE(simCode(prompt.userCode)[QLatin1String("polls")].toInt(), polls);
    QCOMPARE(simCode(prompt.userCode)[QLatin1String("state")].toString(),
             QStringLiteral("approved"));
    QCOMPARE(failed.size(), 1);
}

void TestDeviceCodeFlow::unknownClientIsRefusedAtOnce()
{
    auto flow = newFlow(QStringLiteral("00000000-0000-0000-0000-00000000beef"));
    QSignalSpy code(flow.get(), &DeviceCodeFlow::codeReceived);
    QSignalSpy failed(flow.get(), &DeviceCodeFlow::failed);
    flow->start();
    QVERIFY(failed.wait(5000));
    QVERIFY(code.isEmpty());
    const auto error = failed.at(0).at(0).value<Error>();
    QCOMPARE(error.kind, Error::Kind::Auth);
    QCOMPARE(error.code, QStringLiteral("unauthorized_client"));
    QVERIFY2(error.message.contains(QLatin1String("client id")), qPrintable(error.message));
}

void TestDeviceCodeFlow::anEndlessAnswerIsNotReadFurther()
{
    // A sign-in service whose answer does not end (a device-code answer is a few hundred
    // bytes): the flow stops reading at 1 MiB and says so.
    Test::StubHttpServer stub;
    QVERIFY(stub.listen());
    stub.setHandler([](const Test::StubRequest &) {
        return Test::StubResponse::json(200, R"({"device_code":")" + QByteArray(4 << 20, 'd')
                                                     + R"(","user_code":"ABCD"})");
    });
    DeviceCodeFlow flow(m_network.get(), stub.url(), m_server->tenantId(), m_server->clientId(),
                        GraphResource);
    flow.setClock(m_clock.get());
    QSignalSpy code(&flow, &DeviceCodeFlow::codeReceived);
    QSignalSpy failed(&flow, &DeviceCodeFlow::failed);
    flow.start();
    QVERIFY(failed.wait(10000));
    QVERIFY(code.isEmpty());
    const auto error = failed.at(0).at(0).value<Error>();
    QCOMPARE(error.code, QStringLiteral("AnswerTooLarge"));
    QVERIFY2(error.message.contains(QLatin1String("1048576")), qPrintable(error.message));
}

void TestDeviceCodeFlow::refreshRenewsBeforeExpiryAndRotates()
{
    const DelegatedSignIn first = signIn();
    QVERIFY(!first.refreshToken.isEmpty());

    TokenProvider tokens(m_network.get(), m_server->baseUrl(), m_server->tenantId(),
                         m_server->clientId(), QString(), GraphResource);
    tokens.setClock(m_clock.get());
    tokens.setRefreshToken(first.refreshToken);
    tokens.setAccessToken(first.accessToken, first.expiresAt);
    QVERIFY(tokens.isDelegated());
    QSignalSpy rotated(&tokens, &TokenProvider::refreshTokenRotated);

    // The sign-in's own access token is used while it is fresh: no token request.
    std::optional<Result<QString>> answer;
    tokens.token(this, [&answer](const Result<QString> &token) { answer = token; });
    QVERIFY(answer && answer->ok());
    QCOMPARE(answer->value(), first.accessToken);
    QCOMPARE(tokens.tokenRequests(), 0);

    // Lifetime 4 s, margin 2 s: it is renewed before it expires, with the refresh token.
    for (int waited = 0; tokens.hasValidToken() && waited < 5000; waited += 100)
        m_clock->advance(100);
    QVERIFY(!tokens.hasValidToken());
    QVERIFY(m_clock->now() < tokens.expiresAt());
    QCOMPARE(graphStatus(first.accessToken), 200); // still valid: renewal came early
    answer.reset();
    tokens.token(this, [&answer](const Result<QString> &token) { answer = token; });
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10000);
    QVERIFY2(answer->ok(), qPrintable(answer->ok() ? QString() : answer->error().message));
    const QString second = answer->value();
    QVERIFY(second != first.accessToken);
    QCOMPARE(tokens.tokenRequests(), 1);
    QCOMPARE(graphStatus(second), 200);

    // The service rotated the refresh token; the caller is handed the new one to keep.
    QCOMPARE(rotated.size(), 1);
    const QString newRefresh = rotated.at(0).at(0).toString();
    QVERIFY(!newRefresh.isEmpty());
    QVERIFY(newRefresh != first.refreshToken);

    // A 401 (invalidate) makes the next call renew at once, with the rotated token.
    tokens.invalidate();
    answer.reset();
    tokens.token(this, [&answer](const Result<QString> &token) { answer = token; });
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10000);
    QVERIFY(answer->ok());
    QCOMPARE(tokens.tokenRequests(), 2);
    QCOMPARE(rotated.size(), 2);
    QVERIFY(rotated.at(1).at(0).toString() != newRefresh);
}

void TestDeviceCodeFlow::revokedRefreshTokenAsksToSignInAgain_data()
{
    QTest::addColumn<bool>("passwordReset");
    QTest::addColumn<QString>("aadsts");
    QTest::newRow("inactive") << false << QStringLiteral("AADSTS700082");
    QTest::newRow("password reset") << true << QStringLiteral("AADSTS50173");
}

void TestDeviceCodeFlow::revokedRefreshTokenAsksToSignInAgain()
{
    QFETCH(bool, passwordReset);
    QFETCH(QString, aadsts);
    const DelegatedSignIn first = signIn();
    QVERIFY(!first.refreshToken.isEmpty());
    QCOMPARE(m_server->tenant().identity().revokeRefreshTokens(Upn, passwordReset), 1);

    TokenProvider tokens(m_network.get(), m_server->baseUrl(), m_server->tenantId(),
                         m_server->clientId(), QString(), GraphResource);
    tokens.setRefreshToken(first.refreshToken);
    QSignalSpy rotated(&tokens, &TokenProvider::refreshTokenRotated);
    std::optional<Result<QString>> answer;
    tokens.token(this, [&answer](const Result<QString> &token) { answer = token; });
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10000);
    QVERIFY(!answer->ok());
    const Error error = answer->error();
    QCOMPARE(error.kind, Error::Kind::Auth);
    QCOMPARE(error.code, QStringLiteral("invalid_grant"));
    QVERIFY2(error.message.contains(QLatin1String("Sign in again")), qPrintable(error.message));
    QVERIFY2(error.message.contains(aadsts), qPrintable(error.message));
    QVERIFY(!error.isTransient());
    QVERIFY(rotated.isEmpty());
}

void TestDeviceCodeFlow::syncRunsOnASignIn()
{
    const DelegatedSignIn first = signIn();
    QVERIFY(!first.refreshToken.isEmpty());
    QTemporaryDir dir;
    SyncConfig config;
    config.store = StoreConfig::sqlite(dir.filePath(QStringLiteral("vigil.sqlite")));
    config.authorityHost = m_server->baseUrl();
    config.graphEndpoint = m_server->baseUrl();
    config.tenantId = m_server->tenantId();
    config.clientId = m_server->clientId();
    config.autoPoll = false;
    SyncController controller(config);
    controller.setCredentials(QString(), first.refreshToken);
    QSignalSpy loaded(&controller, &SyncController::incidentsLoaded);
    QSignalSpy finished(&controller, &SyncController::syncFinished);
    QSignalSpy rotated(&controller, &SyncController::refreshTokenRotated);
    QSignalSpy status(&controller, &SyncController::statusChanged);
    controller.start();
    QVERIFY(loaded.wait(10000));
    controller.syncNow();
    QVERIFY(finished.wait(30000));
    QVERIFY2(finished.at(0).at(0).toBool(),
             qPrintable(finished.at(0).at(1).value<Error>().toString()));
    QCOMPARE(status.last().at(0).value<SyncStatus>().incidentsInStore,
             int(m_server->tenant().incidents().size()));
    // The access token came from the refresh token, which the service rotated.
    QCOMPARE(rotated.size(), 1);
    QVERIFY(rotated.at(0).at(0).toString() != first.refreshToken);
}

QTEST_GUILESS_MAIN(TestDeviceCodeFlow)
#include "tst_devicecodeflow.moc"
