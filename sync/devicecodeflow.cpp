#include "devicecodeflow.h"

#include "clock.h"
#include "graphclient.h"
#include "networkaccess.h"
#include "synclogging.h"
#include "tokenprovider.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>

namespace Vigil {

namespace {

constexpr int kSlowDownStepSeconds = 5; // RFC 8628 §3.5
constexpr int kDefaultIntervalSeconds = 5;
constexpr qint64 kMaxAnswerBytes = qint64(1024) * 1024; // a sign-in answer is a few KB
constexpr const char *kDeviceCodeGrant = "urn:ietf:params:oauth:grant-type:device_code";

QByteArray formBody(const QList<std::pair<const char *, QString>> &fields)
{
    QByteArray body;
    for (const auto &[name, value] : fields) {
        if (!body.isEmpty())
            body += '&';
        body += QByteArray(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

qint64 secondsValue(const QJsonValue &value, qint64 fallback)
{
    const qint64 seconds = value.isString() ? value.toString().toLongLong() : value.toInteger();
    return seconds > 0 ? seconds : fallback;
}

QJsonObject jwtClaims(const QString &jwt)
{
    const QByteArray payload = jwt.section(QLatin1Char('.'), 1, 1).toLatin1();
    if (payload.isEmpty())
        return {};
    const auto decoded = QByteArray::fromBase64Encoding(
            payload, QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    if (!decoded)
        return {};
    return QJsonDocument::fromJson(*decoded).object();
}

Error signInError(const Error &answer)
{
    Error error = answer;
    const QString code = answer.code;
    if (code == QLatin1String("authorization_declined") || code == QLatin1String("access_denied")) {
        error.kind = Error::Kind::Auth;
        error.message = QStringLiteral("The sign-in was declined (%1). Start it again and accept "
                                       "the request, or ask an administrator to grant consent.")
                                .arg(answer.message);
    } else if (code == QLatin1String("expired_token")) {
        error.kind = Error::Kind::Auth;
        error.message = QStringLiteral("The sign-in code expired before it was used (%1). Start "
                                       "the sign-in again and enter the new code in time.")
                                .arg(answer.message);
    } else if (code == QLatin1String("bad_verification_code")) {
        error.kind = Error::Kind::Auth;
        error.message = QStringLiteral("The service does not know this sign-in code (%1). Start "
                                       "the sign-in again.")
                                .arg(answer.message);
    } else if (code == QLatin1String("invalid_grant")) {
        error.kind = Error::Kind::Auth;
        error.message = QStringLiteral("The sign-in code can no longer be used (%1). Start the "
                                       "sign-in again.")
                                .arg(answer.message);
    }
    return error;
}

} // namespace

DeviceCodeFlow::DeviceCodeFlow(QNetworkAccessManager *network, QUrl authorityHost, QString tenant,
                               QString clientId, QUrl graphResource, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_authorityHost(std::move(authorityHost))
    , m_tenant(std::move(tenant))
    , m_clientId(std::move(clientId))
    , m_graphResource(std::move(graphResource))
    , m_clock(nullptr)
    , m_timer(nullptr)
{
    setClock(nullptr);
}

DeviceCodeFlow::~DeviceCodeFlow()
{
    if (m_reply)
        m_reply->abort();
}

void DeviceCodeFlow::setClock(Clock *clock)
{
    Q_ASSERT(!m_running);
    delete m_timer;
    m_clock = clock ? clock : Clock::system();
    m_timer = m_clock->createTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &ClockTimer::timeout, this, &DeviceCodeFlow::poll);
}

QString DeviceCodeFlow::delegatedScopes(const QUrl &graphResource)
{
    QString graph = graphResource.toString(QUrl::StripTrailingSlash);
    while (graph.endsWith(QLatin1Char('/'))) // StripTrailingSlash keeps a root path's '/'
        graph.chop(1);
    return graph + QStringLiteral("/SecurityIncident.ReadWrite.All ") + graph
           + QStringLiteral("/SecurityAlert.ReadWrite.All ") + graph
           + QStringLiteral("/ThreatHunting.Read.All offline_access openid profile");
}

QUrl DeviceCodeFlow::endpointUrl(const QUrl &authorityHost, const QString &tenant,
                                 const QString &name)
{
    QUrl url = TokenProvider::tokenUrl(authorityHost, tenant);
    QString path = url.path();
    path.chop(int(qstrlen("token")));
    url.setPath(path + name);
    return url;
}

Result<DelegatedSignIn> DeviceCodeFlow::parseTokenAnswer(const QByteArray &body)
{
    return parseTokenAnswer(body, QDateTime::currentDateTimeUtc());
}

Result<DelegatedSignIn> DeviceCodeFlow::parseTokenAnswer(const QByteArray &body,
                                                         const QDateTime &now)
{
    QJsonParseError parseError;
    const QJsonObject json = QJsonDocument::fromJson(body, &parseError).object();
    DelegatedSignIn result;
    result.accessToken = json.value(QLatin1String("access_token")).toString();
    if (parseError.error != QJsonParseError::NoError || result.accessToken.isEmpty()) {
        return Error{Error::Kind::Parse,
                     200,
                     {},
                     QStringLiteral("the token endpoint answered without an access_token"),
                     {}};
    }
    if (!TokenProvider::isWellFormedToken(result.accessToken))
        return TokenProvider::malformedTokenError();
    result.refreshToken = json.value(QLatin1String("refresh_token")).toString();
    result.scope = json.value(QLatin1String("scope")).toString();
    result.expiresAt = now.addSecs(secondsValue(json.value(QLatin1String("expires_in")), 3600));
    const QJsonObject claims = jwtClaims(json.value(QLatin1String("id_token")).toString());
    result.upn = claims.value(QLatin1String("preferred_username")).toString();
    if (result.upn.isEmpty())
        result.upn = claims.value(QLatin1String("upn")).toString();
    result.displayName = claims.value(QLatin1String("name")).toString();
    result.tenantId = claims.value(QLatin1String("tid")).toString();
    return result;
}

QNetworkReply *DeviceCodeFlow::post(const QUrl &url, const QByteArray &body)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Accept", "application/json");
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    prepareTransferTimeout(request, m_clock, m_requestTimeout);
    QNetworkReply *reply = m_network->post(request, body);
    watchTransfer(reply, m_clock, m_requestTimeout);
    limitAnswer(reply, kMaxAnswerBytes);
    return reply;
}

void DeviceCodeFlow::start()
{
    if (m_running)
        return;
    if (m_clientId.isEmpty() || m_tenant.isEmpty()) {
        Q_EMIT failed(Error{Error::Kind::Config,
                            0,
                            {},
                            QStringLiteral("a client id and a tenant (or 'organizations') are "
                                           "needed to sign in"),
                            {}});
        return;
    }
    m_running = true;
    m_polls = 0;
    qCInfo(lcGraph) << "starting a device-code sign-in at" << m_authorityHost.host();
    m_reply = post(
            endpointUrl(m_authorityHost, m_tenant, QStringLiteral("devicecode")),
            formBody({{"client_id", m_clientId}, {"scope", delegatedScopes(m_graphResource)}}));
    QNetworkReply *reply = m_reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onDeviceCode(reply); });
}

void DeviceCodeFlow::onDeviceCode(QNetworkReply *reply)
{
    reply->deleteLater();
    m_reply = nullptr;
    if (!m_running)
        return;
    const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const std::optional<Error> tooLarge = answerTooLarge(reply); // even if all of it came at once
    if (tooLarge || reply->error() != QNetworkReply::NoError || status / 100 != 2) {
        Error error = tooLarge.value_or(errorFromReply(reply, body, m_clock->now()));
        if (!error.isTransient() && error.kind != Error::Kind::Cancelled) {
            error.kind = Error::Kind::Auth;
            error.message = QStringLiteral("The sign-in service refused to start a sign-in (%1). "
                                           "Check the tenant, the client id and that the app "
                                           "registration allows public client flows.")
                                    .arg(error.message);
        }
        fail(error);
        return;
    }
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    DeviceCodePrompt prompt;
    m_deviceCode = json.value(QLatin1String("device_code")).toString();
    prompt.userCode = json.value(QLatin1String("user_code")).toString();
    prompt.verificationUri = QUrl(json.value(QLatin1String("verification_uri")).toString());
    prompt.message = json.value(QLatin1String("message")).toString();
    if (m_deviceCode.isEmpty() || prompt.userCode.isEmpty() || !prompt.verificationUri.isValid()) {
        fail(Error{Error::Kind::Parse,
                   status,
                   {},
                   QStringLiteral("the device-code answer lacks device_code, user_code or "
                                  "verification_uri"),
                   {}});
        return;
    }
    m_intervalSeconds
            = int(secondsValue(json.value(QLatin1String("interval")), kDefaultIntervalSeconds));
    m_expiresAt
            = m_clock->now().addSecs(secondsValue(json.value(QLatin1String("expires_in")), 900));
    prompt.expiresAt = m_expiresAt;
    prompt.intervalSeconds = m_intervalSeconds;
    if (prompt.message.isEmpty()) {
        prompt.message = QStringLiteral("To sign in, use a web browser to open the page %1 and "
                                        "enter the code %2 to authenticate.")
                                 .arg(prompt.verificationUri.toString(), prompt.userCode);
    }
    scheduleNextPoll();
    Q_EMIT codeReceived(prompt);
}

void DeviceCodeFlow::scheduleNextPoll()
{
    m_timer->start(std::chrono::seconds(m_intervalSeconds));
}

void DeviceCodeFlow::pollNow()
{
    if (!m_running || m_deviceCode.isEmpty() || m_reply)
        return;
    m_timer->stop();
    poll();
}

void DeviceCodeFlow::poll()
{
    if (!m_running || m_reply)
        return;
    if (m_clock->now() >= m_expiresAt) {
        fail(signInError(Error{Error::Kind::Auth,
                               0,
                               QStringLiteral("expired_token"),
                               QStringLiteral("no approval before the code's lifetime ended"),
                               {}}));
        return;
    }
    ++m_polls;
    m_reply = post(TokenProvider::tokenUrl(m_authorityHost, m_tenant),
                   formBody({{"grant_type", QString::fromLatin1(kDeviceCodeGrant)},
                             {"client_id", m_clientId},
                             {"device_code", m_deviceCode}}));
    QNetworkReply *reply = m_reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onPollAnswer(reply); });
}

void DeviceCodeFlow::onPollAnswer(QNetworkReply *reply)
{
    reply->deleteLater();
    m_reply = nullptr;
    if (!m_running)
        return;
    const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const std::optional<Error> tooLarge = answerTooLarge(reply); // even if all of it came at once
    if (!tooLarge && reply->error() == QNetworkReply::NoError && status / 100 == 2) {
        Result<DelegatedSignIn> result = parseTokenAnswer(body, m_clock->now());
        if (!result) {
            fail(result.error());
            return;
        }
        m_running = false;
        qCInfo(lcGraph) << "device-code sign-in completed after" << m_polls << "polls";
        Q_EMIT signedIn(result.value());
        return;
    }
    const Error error = tooLarge.value_or(errorFromReply(reply, body, m_clock->now()));
    if (error.code == QLatin1String("authorization_pending")) {
        scheduleNextPoll();
        Q_EMIT pollAnswered(error.code, m_intervalSeconds);
        return;
    }
    if (error.code == QLatin1String("slow_down")) {
        m_intervalSeconds += kSlowDownStepSeconds;
        qCInfo(lcGraph) << "sign-in polling slowed down to every" << m_intervalSeconds << "s";
        scheduleNextPoll();
        Q_EMIT pollAnswered(error.code, m_intervalSeconds);
        return;
    }
    if (error.isTransient()) {
        // A lost poll costs nothing: the code stays valid until it expires.
        qCWarning(lcGraph).noquote() << "sign-in poll failed, trying again:" << error.toString();
        scheduleNextPoll();
        Q_EMIT pollAnswered(error.code, m_intervalSeconds);
        return;
    }
    fail(signInError(error));
}

void DeviceCodeFlow::cancel()
{
    if (!m_running)
        return;
    fail(Error{Error::Kind::Cancelled, 0, {}, QStringLiteral("the sign-in was cancelled"), {}});
}

void DeviceCodeFlow::fail(const Error &error)
{
    m_running = false;
    m_timer->stop();
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    qCWarning(lcGraph).noquote() << "device-code sign-in ended:" << error.toString();
    Q_EMIT failed(error);
}

} // namespace Vigil
