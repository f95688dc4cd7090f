// Interactive sign-in against the simulated tenant: device code, refresh tokens, delegated scopes.

#include "simserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace Vigil::Sim;

namespace {

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QJsonObject json;

    QString text(const char *key) const { return json.value(QLatin1String(key)).toString(); }
    int entraCode() const
    {
        return json.value(QLatin1String("error_codes")).toArray().at(0).toInt();
    }
};

using Form = QList<std::pair<const char *, QString>>;

const QString Upn = QStringLiteral("analyst@contoso.com");
const QString FullScope = QStringLiteral(
        "https://graph.microsoft.com/SecurityIncident.ReadWrite.All "
        "https://graph.microsoft.com/SecurityAlert.ReadWrite.All offline_access openid profile");

QJsonObject jwtPayload(const QString &jwt)
{
    const QByteArray part = jwt.section(u'.', 1, 1).toLatin1();
    return QJsonDocument::fromJson(QByteArray::fromBase64(part, QByteArray::Base64UrlEncoding))
            .object();
}

} // namespace

class TestSimAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void deviceCodeIsIssued();
    void pendingSlowDownApproveTokens();
    void tokensIssuedToAUserCarryThatUser();
    void declinedExpiredAndBadCodes();
    void deviceCodeRequestErrors_data();
    void deviceCodeRequestErrors();
    void refreshRotatesTokens();
    void revokedRefreshTokenIsInvalidGrant();
    void delegatedScopesLimitWhatATokenMayDo();

private:
    HttpResult send(const QByteArray &verb, const QString &path, const QByteArray &body,
                    const QList<std::pair<QByteArray, QByteArray>> &headers);
    HttpResult form(const QString &endpoint, const Form &fields, const QString &tenant = {});
    HttpResult admin(const QByteArray &verb, const QString &path, const QJsonObject &body = {});
    HttpResult graph(const QByteArray &verb, const QString &path, const QString &token,
                     const QByteArray &body = {});
    HttpResult startDeviceCode(const QString &scope = FullScope);
    HttpResult poll(const QString &deviceCode);
    QJsonObject signIn(const QString &scope, const QString &upn); // the token response
    /** Moves the simulated tenant's clock on instead of waiting for the interval. */
    void elapse(qint64 ms) { m_nowMs += ms; }

    std::unique_ptr<SimServer> m_server;
    QNetworkAccessManager m_network;
    qint64 m_incident = 0;
    qint64 m_nowMs = 0; // the tenant's sign-in clock
};

HttpResult TestSimAuth::send(const QByteArray &verb, const QString &path, const QByteArray &body,
                             const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(QUrl(m_server->baseUrl().toString() + path));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    std::unique_ptr<QNetworkReply> reply(m_network.sendCustomRequest(request, verb, body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(15000);
    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.json = QJsonDocument::fromJson(result.body).object();
    return result;
}

HttpResult TestSimAuth::form(const QString &endpoint, const Form &fields, const QString &tenant)
{
    QUrlQuery query;
    for (const auto &[name, value] : fields)
        query.addQueryItem(QLatin1String(name), value);
    return send("POST",
                u'/' + (tenant.isEmpty() ? m_server->tenantId() : tenant) + u"/oauth2/v2.0/"
                        + endpoint,
                query.toString(QUrl::FullyEncoded).toLatin1(),
                {{QByteArrayLiteral("Content-Type"),
                  QByteArrayLiteral("application/x-www-form-urlencoded")}});
}

HttpResult TestSimAuth::admin(const QByteArray &verb, const QString &path, const QJsonObject &body)
{
    return send(verb, path, QJsonDocument(body).toJson(QJsonDocument::Compact),
                {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}});
}

HttpResult TestSimAuth::graph(const QByteArray &verb, const QString &path, const QString &token,
                              const QByteArray &body)
{
    return send(verb, path, body,
                {{QByteArrayLiteral("Authorization"), "Bearer " + token.toLatin1()},
                 {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}});
}

HttpResult TestSimAuth::startDeviceCode(const QString &scope)
{
    return form(QStringLiteral("devicecode"),
                {{"client_id", m_server->clientId()}, {"scope", scope}});
}

HttpResult TestSimAuth::poll(const QString &deviceCode)
{
    return form(QStringLiteral("token"),
                {{"grant_type", QStringLiteral("urn:ietf:params:oauth:grant-type:device_code")},
                 {"client_id", m_server->clientId()},
                 {"device_code", deviceCode}});
}

QJsonObject TestSimAuth::signIn(const QString &scope, const QString &upn)
{
    const HttpResult code = startDeviceCode(scope);
    if (code.status != 200)
        return {};
    admin("POST", QStringLiteral("/_sim/devicecode/approve"),
          {{QLatin1String("user_code"), code.text("user_code")}, {QLatin1String("upn"), upn}});
    elapse(1050);
    return poll(code.text("device_code")).json;
}

void TestSimAuth::initTestCase()
{
    SimOptions options;
    options.seed = 5;
    options.incidents = 20;
    options.deviceCodeIntervalSeconds = 1;
    options.deviceCodeSlowDownSeconds = 1;
    options.authClockMs = [this] { return m_nowMs; };
    m_server = std::make_unique<SimServer>(options);
    QVERIFY(m_server->listen());
    m_incident = m_server->tenant().createIncident(2, Severity::Medium, QStringLiteral("Sign-in"));
}

void TestSimAuth::deviceCodeIsIssued()
{
    const HttpResult code = startDeviceCode();
    QCOMPARE(code.status, 200);
    const QString userCode = code.text("user_code");
    QCOMPARE(userCode.size(), 9);
    QCOMPARE(userCode, userCode.toUpper());
    QVERIFY(code.text("device_code").size() > 40);
    QCOMPARE(code.text("verification_uri"), QStringLiteral("https://microsoft.com/devicelogin"));
    QCOMPARE(code.json.value(QLatin1String("expires_in")).toInt(), 900);
    QCOMPARE(code.json.value(QLatin1String("interval")).toInt(), 1);
    QVERIFY(code.text("message").contains(userCode));
    QVERIFY(code.text("message").contains(code.text("verification_uri")));

    const QJsonArray listed = admin("GET", QStringLiteral("/_sim/devicecode"))
                                      .json.value(QLatin1String("deviceCodes"))
                                      .toArray();
    QVERIFY(!listed.isEmpty());
    const QJsonObject last = listed.last().toObject();
    QCOMPARE(last.value(QLatin1String("user_code")).toString(), userCode);
    QCOMPARE(last.value(QLatin1String("state")).toString(), QStringLiteral("pending"));
}

void TestSimAuth::pendingSlowDownApproveTokens()
{
    const HttpResult code = startDeviceCode();
    const QString deviceCode = code.text("device_code");
    elapse(1050);
    const HttpResult pending = poll(deviceCode);
    QCOMPARE(pending.status, 400);
    QCOMPARE(pending.text("error"), QStringLiteral("authorization_pending"));
    QCOMPARE(pending.entraCode(), 70016);
    QVERIFY(pending.text("error_description").startsWith(QLatin1String("AADSTS70016:")));
    for (const char *key : {"timestamp", "trace_id", "correlation_id"})
        QVERIFY2(!pending.text(key).isEmpty(), key);

    const HttpResult tooFast = poll(deviceCode);
    QCOMPARE(tooFast.status, 400);
    QCOMPARE(tooFast.text("error"), QStringLiteral("slow_down"));

    QCOMPARE(admin("POST", QStringLiteral("/_sim/devicecode/approve"),
                   {{QLatin1String("user_code"), code.text("user_code")},
                    {QLatin1String("upn"), Upn}})
                     .status,
             200);
    // After slow_down the interval is a second longer (RFC 8628 says five; the test tenant one).
    elapse(2050);
    const HttpResult tokens = poll(deviceCode);
    QCOMPARE(tokens.status, 200);
    QCOMPARE(tokens.text("token_type"), QStringLiteral("Bearer"));
    QVERIFY(!tokens.text("access_token").isEmpty());
    QVERIFY(!tokens.text("refresh_token").isEmpty());
    QVERIFY(!tokens.text("id_token").isEmpty());
    QCOMPARE(tokens.json.value(QLatin1String("expires_in")).toInt(), 3600);
    const QStringList scope = tokens.text("scope").split(u' ');
    QVERIFY(scope.contains(QStringLiteral("SecurityIncident.ReadWrite.All")));
    QVERIFY(scope.contains(QStringLiteral("openid")));

    const QJsonObject claims = jwtPayload(tokens.text("id_token"));
    QCOMPARE(claims.value(QLatin1String("preferred_username")).toString(), Upn);
    QCOMPARE(claims.value(QLatin1String("aud")).toString(), m_server->clientId());
    QCOMPARE(claims.value(QLatin1String("tid")).toString(), m_server->tenantId());

    // A device code is redeemed once.
    elapse(2050);
    const HttpResult again = poll(deviceCode);
    QCOMPARE(again.status, 400);
    QCOMPARE(again.text("error"), QStringLiteral("invalid_grant"));
}

void TestSimAuth::tokensIssuedToAUserCarryThatUser()
{
    const QJsonObject tokens = signIn(FullScope, Upn);
    const QString token = tokens.value(QLatin1String("access_token")).toString();
    QVERIFY(!token.isEmpty());
    const QString path = u"/v1.0/security/incidents/" + QString::number(m_incident);
    const HttpResult patched = graph("PATCH", path, token, R"({"status":"inProgress"})");
    QCOMPARE(patched.status, 200);
    QCOMPARE(patched.text("lastModifiedBy"), Upn);
    const HttpResult comments = graph("POST", path + u"/comments", token, R"({"comment":"mine"})");
    QCOMPARE(comments.status, 200);
    const QJsonArray list = comments.json.value(QLatin1String("value")).toArray();
    QCOMPARE(list.last().toObject().value(QLatin1String("createdByDisplayName")).toString(), Upn);

    const QJsonArray history
            = admin("GET", u"/_sim/incidents/" + QString::number(m_incident) + u"/history")
                      .json.value(QLatin1String("history"))
                      .toArray();
    const QJsonObject update = history.at(history.size() - 2).toObject();
    QCOMPARE(update.value(QLatin1String("source")).toString(), QStringLiteral("api"));
    QCOMPARE(update.value(QLatin1String("actor")).toString(), Upn);
    QCOMPARE(update.value(QLatin1String("action")).toString(), QStringLiteral("update"));
}

void TestSimAuth::declinedExpiredAndBadCodes()
{
    const HttpResult declined = startDeviceCode();
    QCOMPARE(admin("POST", QStringLiteral("/_sim/devicecode/decline"),
                   {{QLatin1String("user_code"), declined.text("user_code")}})
                     .status,
             200);
    const HttpResult expired = startDeviceCode();
    QCOMPARE(admin("POST", QStringLiteral("/_sim/devicecode/expire"),
                   {{QLatin1String("user_code"), expired.text("user_code")}})
                     .status,
             200);
    elapse(1050);
    const HttpResult no = poll(declined.text("device_code"));
    QCOMPARE(no.status, 400);
    QCOMPARE(no.text("error"), QStringLiteral("authorization_declined"));
    const HttpResult late = poll(expired.text("device_code"));
    QCOMPARE(late.status, 400);
    QCOMPARE(late.text("error"), QStringLiteral("expired_token"));
    const HttpResult bad = poll(QStringLiteral("DAQABAAEAAABnotacode"));
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.text("error"), QStringLiteral("bad_verification_code"));
    // Approving a code that is gone is an admin error, not a grant.
    QCOMPARE(admin("POST", QStringLiteral("/_sim/devicecode/approve"),
                   {{QLatin1String("user_code"), expired.text("user_code")},
                    {QLatin1String("upn"), Upn}})
                     .status,
             409);
    QCOMPARE(admin("POST", QStringLiteral("/_sim/devicecode/approve"),
                   {{QLatin1String("user_code"), QStringLiteral("NOSUCHONE")},
                    {QLatin1String("upn"), Upn}})
                     .status,
             404);
}

void TestSimAuth::deviceCodeRequestErrors_data()
{
    QTest::addColumn<QString>("tenant");
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("scope");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");
    QTest::addColumn<int>("code");
    const QString client = QStringLiteral("8f3d0f3e-5c6a-4a0b-9b1e-0000f1c1de70");
    QTest::newRow("organizations")
            << QStringLiteral("organizations") << client << FullScope << 200 << QString() << 0;
    QTest::newRow("unknown tenant")
            << QStringLiteral("fabrikam.onmicrosoft.com") << client << FullScope << 400
            << QStringLiteral("invalid_request") << 90002;
    QTest::newRow("no scope") << QString() << client << QString() << 400
                              << QStringLiteral("invalid_request") << 900144;
    QTest::newRow("no client") << QString() << QString() << FullScope << 400
                               << QStringLiteral("invalid_request") << 900144;
    QTest::newRow("unknown client")
            << QString() << QStringLiteral("00000000-0000-0000-0000-1") << FullScope << 400
            << QStringLiteral("unauthorized_client") << 700016;
    QTest::newRow("other resource")
            << QString() << client << QStringLiteral("https://management.azure.com/.default") << 400
            << QStringLiteral("invalid_scope") << 70011;
    QTest::newRow("unknown permission")
            << QString() << client << QStringLiteral("https://graph.microsoft.com/Mail.Send") << 400
            << QStringLiteral("invalid_scope") << 650053;
}

void TestSimAuth::deviceCodeRequestErrors()
{
    QFETCH(QString, tenant);
    QFETCH(QString, clientId);
    QFETCH(QString, scope);
    QFETCH(int, status);
    QFETCH(QString, error);
    QFETCH(int, code);
    Form fields;
    if (!clientId.isEmpty())
        fields.append({"client_id", clientId});
    if (!scope.isEmpty())
        fields.append({"scope", scope});
    const HttpResult result = form(QStringLiteral("devicecode"), fields, tenant);
    QCOMPARE(result.status, status);
    if (status != 200) {
        QCOMPARE(result.text("error"), error);
        QCOMPARE(result.entraCode(), code);
        QVERIFY(result.text("error_description").startsWith(u"AADSTS" + QString::number(code)));
    }
}

void TestSimAuth::refreshRotatesTokens()
{
    const QJsonObject first = signIn(FullScope, Upn);
    const QString refreshToken = first.value(QLatin1String("refresh_token")).toString();
    QVERIFY(!refreshToken.isEmpty());
    const HttpResult refreshed = form(
            QStringLiteral("token"),
            {{"grant_type", QStringLiteral("refresh_token")},
             {"client_id", m_server->clientId()},
             {"refresh_token", refreshToken},
             {"scope", QStringLiteral("https://graph.microsoft.com/SecurityIncident.ReadWrite.All "
                                      "offline_access")}});
    QCOMPARE(refreshed.status, 200);
    const QString access = refreshed.text("access_token");
    const QString rotated = refreshed.text("refresh_token");
    QVERIFY(!access.isEmpty());
    QVERIFY(access != first.value(QLatin1String("access_token")).toString());
    QVERIFY(!rotated.isEmpty());
    QVERIFY(rotated != refreshToken);
    QCOMPARE(refreshed.text("scope"), QStringLiteral("SecurityIncident.ReadWrite.All"));
    QCOMPARE(graph("GET", QStringLiteral("/v1.0/security/incidents?$top=1"), access).status, 200);

    // The rotated token works, and, as with Entra, so does the one it replaced.
    for (const QString &token : {rotated, refreshToken}) {
        const HttpResult again
                = form(QStringLiteral("token"), {{"grant_type", QStringLiteral("refresh_token")},
                                                 {"client_id", m_server->clientId()},
                                                 {"refresh_token", token}});
        QCOMPARE(again.status, 200);
    }
    // Asking for more than the user consented to needs a new sign-in.
    const HttpResult wider
            = form(QStringLiteral("token"),
                   {{"grant_type", QStringLiteral("refresh_token")},
                    {"client_id", m_server->clientId()},
                    {"refresh_token", rotated},
                    {"scope", QStringLiteral("https://graph.microsoft.com/User.Read")}});
    QCOMPARE(wider.status, 400);
    QCOMPARE(wider.text("error"), QStringLiteral("invalid_grant"));
    QCOMPARE(wider.entraCode(), 65001);
}

void TestSimAuth::revokedRefreshTokenIsInvalidGrant()
{
    const QString other = QStringLiteral("lead@contoso.com");
    const QString mine = signIn(FullScope, Upn).value(QLatin1String("refresh_token")).toString();
    const QString theirs
            = signIn(FullScope, other).value(QLatin1String("refresh_token")).toString();
    auto refresh = [this](const QString &token) {
        return form(QStringLiteral("token"), {{"grant_type", QStringLiteral("refresh_token")},
                                              {"client_id", m_server->clientId()},
                                              {"refresh_token", token}});
    };
    const HttpResult garbage = refresh(QStringLiteral("0.AVIA-not-a-token"));
    QCOMPARE(garbage.status, 400);
    QCOMPARE(garbage.text("error"), QStringLiteral("invalid_grant"));
    QCOMPARE(garbage.entraCode(), 70000);

    const HttpResult revoked = admin("POST", QStringLiteral("/_sim/tokens/revoke-refresh"),
                                     {{QLatin1String("upn"), Upn}});
    QCOMPARE(revoked.status, 200);
    QVERIFY(revoked.json.value(QLatin1String("revoked")).toInt() >= 1);
    const HttpResult dead = refresh(mine);
    QCOMPARE(dead.status, 400);
    QCOMPARE(dead.text("error"), QStringLiteral("invalid_grant"));
    QCOMPARE(dead.entraCode(), 700082);
    QVERIFY(dead.text("error_description").startsWith(QLatin1String("AADSTS700082:")));
    QCOMPARE(refresh(theirs).status, 200);

    admin("POST", QStringLiteral("/_sim/tokens/revoke-refresh"),
          {{QLatin1String("reason"), QStringLiteral("passwordReset")}});
    const HttpResult reset = refresh(theirs);
    QCOMPARE(reset.status, 400);
    QCOMPARE(reset.entraCode(), 50173);
}

void TestSimAuth::delegatedScopesLimitWhatATokenMayDo()
{
    const QJsonObject tokens
            = signIn(QStringLiteral("https://graph.microsoft.com/SecurityIncident.Read.All"), Upn);
    const QString token = tokens.value(QLatin1String("access_token")).toString();
    QVERIFY(!token.isEmpty());
    QVERIFY(!tokens.contains(QLatin1String("refresh_token"))); // no offline_access
    QVERIFY(!tokens.contains(QLatin1String("id_token"))); // no openid
    QCOMPARE(graph("GET", QStringLiteral("/v1.0/security/incidents?$top=1"), token).status, 200);
    const HttpResult write
            = graph("PATCH", u"/v1.0/security/incidents/" + QString::number(m_incident), token,
                    R"({"status":"active"})");
    QCOMPARE(write.status, 403);
    QCOMPARE(write.json.value(QLatin1String("error"))
                     .toObject()
                     .value(QLatin1String("code"))
                     .toString(),
             QStringLiteral("Forbidden"));
    QCOMPARE(graph("GET", QStringLiteral("/v1.0/security/alerts_v2?$top=1"), token).status, 403);

    // Expiring tokens expires users' access tokens too.
    admin("POST", QStringLiteral("/_sim/tokens/expire"));
    QCOMPARE(graph("GET", QStringLiteral("/v1.0/security/incidents?$top=1"), token).status, 401);
}

QTEST_MAIN(TestSimAuth)
#include "tst_simauth.moc"
