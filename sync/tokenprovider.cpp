#include "tokenprovider.h"

#include "clock.h"
#include "devicecodeflow.h"
#include "graphclient.h"
#include "networkaccess.h"
#include "synclogging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>

#include <algorithm>

namespace Vigil {

TokenProvider::TokenProvider(QNetworkAccessManager *network, QUrl authorityHost, QString tenantId,
                             QString clientId, QString clientSecret, QUrl graphEndpoint,
                             QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_clock(Clock::system())
    , m_authorityHost(std::move(authorityHost))
    , m_tenantId(std::move(tenantId))
    , m_clientId(std::move(clientId))
    , m_clientSecret(std::move(clientSecret))
    , m_graphEndpoint(std::move(graphEndpoint))
{ }

void TokenProvider::setClock(Clock *clock)
{
    m_clock = clock ? clock : Clock::system();
}

QUrl TokenProvider::tokenUrl(const QUrl &authorityHost, const QString &tenantId)
{
    QUrl url = authorityHost;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(tenantId))
                        + QStringLiteral("/oauth2/v2.0/token"),
                QUrl::StrictMode);
    return url;
}

QByteArray TokenProvider::requestBody(const QString &clientId, const QString &clientSecret,
                                      const QUrl &graphEndpoint)
{
    QString scope = graphEndpoint.toString(QUrl::StripTrailingSlash);
    scope += QStringLiteral("/.default");
    const auto pair = [](const char *key, const QString &value) -> QByteArray {
        return QByteArray(key) + '=' + QUrl::toPercentEncoding(value);
    };
    return pair("client_id", clientId) + '&' + pair("client_secret", clientSecret) + '&'
           + pair("scope", scope) + '&' + pair("grant_type", QStringLiteral("client_credentials"));
}

QByteArray TokenProvider::refreshRequestBody(const QString &clientId, const QString &refreshToken,
                                             const QUrl &graphEndpoint)
{
    const auto pair = [](const char *key, const QString &value) -> QByteArray {
        return QByteArray(key) + '=' + QUrl::toPercentEncoding(value);
    };
    return pair("client_id", clientId) + '&' + pair("grant_type", QStringLiteral("refresh_token"))
           + '&' + pair("refresh_token", refreshToken) + '&'
           + pair("scope", DeviceCodeFlow::delegatedScopes(graphEndpoint));
}

void TokenProvider::setRefreshToken(const QString &refreshToken)
{
    m_refreshToken = refreshToken;
}

void TokenProvider::setAccessToken(const QString &accessToken, const QDateTime &expiresAt)
{
    const qint64 lifetime = m_clock->now().secsTo(expiresAt);
    if (isWellFormedToken(accessToken) && lifetime > 0)
        store(accessToken, lifetime);
}

bool TokenProvider::isWellFormedToken(const QString &token)
{
    qsizetype i = 0;
    const qsizetype size = token.size();
    const auto isTokenChar = [](char16_t c) {
        return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9')
               || c == u'-' || c == u'.' || c == u'_' || c == u'~' || c == u'+' || c == u'/';
    };
    while (i < size && isTokenChar(token.at(i).unicode()))
        ++i;
    if (i == 0)
        return false;
    while (i < size && token.at(i) == QLatin1Char('='))
        ++i;
    return i == size;
}

Error TokenProvider::malformedTokenError()
{
    return Error{
            Error::Kind::Auth,
            200,
            QStringLiteral("malformed_token"),
            QStringLiteral("the token endpoint sent an access_token that is not a valid access "
                           "token: it has characters outside the bearer token grammar (such as "
                           "a line break), so it is not used; check that the authority host is "
                           "the cloud's sign-in service"),
            {}};
}

void TokenProvider::store(const QString &token, qint64 lifetime)
{
    const qint64 margin = std::min<qint64>(300, lifetime / 2);
    const QDateTime now = m_clock->now();
    m_token = token;
    m_expiresAt = now.addSecs(lifetime);
    m_renewAt = now.addSecs(lifetime - margin);
}

bool TokenProvider::hasValidToken() const
{
    return !m_token.isEmpty() && m_clock->now() < m_renewAt;
}

void TokenProvider::invalidate()
{
    if (!m_token.isEmpty())
        qCInfo(lcGraph) << "access token dropped; a new one will be requested";
    m_token.clear();
    m_expiresAt = {};
    m_renewAt = {};
}

void TokenProvider::token(QObject *context, Callback done)
{
    if (hasValidToken()) {
        done(m_token);
        return;
    }
    m_waiting.emplace_back(context, std::move(done));
    if (!m_inFlight)
        requestToken();
}

void TokenProvider::requestToken()
{
    const bool delegated = isDelegated();
    if (delegated && (m_clientId.isEmpty() || m_tenantId.isEmpty())) {
        m_inFlight = true; // finish() runs callbacks that may ask again
        finish(Error{Error::Kind::Config,
                     0,
                     {},
                     QStringLiteral("tenant id and client id are required to use a sign-in"),
                     {}});
        return;
    }
    if (!delegated && (m_clientId.isEmpty() || m_clientSecret.isEmpty() || m_tenantId.isEmpty())) {
        m_inFlight = true; // finish() runs callbacks that may ask again
        finish(Error{Error::Kind::Config,
                     0,
                     {},
                     QStringLiteral("tenant id, client id and client secret are all required"),
                     {}});
        return;
    }
    m_inFlight = true;
    ++m_requests;
    QNetworkRequest request(tokenUrl(m_authorityHost, m_tenantId));
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Accept", "application/json");
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    prepareTransferTimeout(request, m_clock, m_timeout);
    qCDebug(lcGraph) << "requesting an access token from" << request.url().host()
                     << (delegated ? "with the saved sign-in" : "with the client secret");
    QNetworkReply *reply = m_network->post(
            request, delegated ? refreshRequestBody(m_clientId, m_refreshToken, m_graphEndpoint)
                               : requestBody(m_clientId, m_clientSecret, m_graphEndpoint));
    watchTransfer(reply, m_clock, m_timeout);
    limitAnswer(reply, qint64(1024) * 1024); // a token answer is a few KB
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onReply(reply); });
}

void TokenProvider::onReply(QNetworkReply *reply)
{
    reply->deleteLater();
    const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const std::optional<Error> tooLarge = answerTooLarge(reply); // even if all of it came at once
    if (tooLarge || reply->error() != QNetworkReply::NoError || status / 100 != 2) {
        Error error = tooLarge.value_or(errorFromReply(reply, body, m_clock->now()));
        qCWarning(lcGraph).noquote() << "token request failed:" << error.toString();
        if (isDelegated() && error.code == QLatin1String("invalid_grant")) {
            // Revoked, expired after inactivity, password reset, consent withdrawn: only a new
            // interactive sign-in helps.
            error.kind = Error::Kind::Auth;
            error.message = QStringLiteral("The saved sign-in is no longer accepted (%1). Sign in "
                                           "again: 'vigilctl connect --device-code' or Connect on "
                                           "the connector page.")
                                    .arg(error.message);
        }
        finish(error);
        return;
    }
    QJsonParseError parseError;
    const QJsonObject json = QJsonDocument::fromJson(body, &parseError).object();
    const QString token = json.value(QLatin1String("access_token")).toString();
    if (parseError.error != QJsonParseError::NoError || token.isEmpty()) {
        finish(Error{Error::Kind::Parse,
                     status,
                     {},
                     QStringLiteral("the token endpoint answered without an access_token"),
                     {}});
        return;
    }
    if (!isWellFormedToken(token)) {
        // A token with a line break in it would add headers of the endpoint's choosing to every
        // Graph request.
        const Error malformed = malformedTokenError();
        qCWarning(lcGraph).noquote() << "token request failed:" << malformed.toString();
        finish(malformed);
        return;
    }
    // expires_in is a number, though some proxies and older endpoints send it as a string.
    const QJsonValue expiresValue = json.value(QLatin1String("expires_in"));
    qint64 lifetime = expiresValue.isString() ? expiresValue.toString().toLongLong()
                                              : expiresValue.toInteger();
    if (lifetime <= 0)
        lifetime = 3600;
    store(token, lifetime);
    qCInfo(lcGraph) << "access token acquired, valid for" << lifetime << "s";
    const QString rotated = json.value(QLatin1String("refresh_token")).toString();
    if (isDelegated() && !rotated.isEmpty() && rotated != m_refreshToken) {
        m_refreshToken = rotated;
        Q_EMIT refreshTokenRotated(rotated);
    }
    finish(m_token);
}

void TokenProvider::finish(const Result<QString> &result)
{
    m_inFlight = false;
    auto waiting = std::move(m_waiting);
    m_waiting.clear();
    for (auto &[context, done] : waiting) {
        if (context)
            done(result);
    }
}

} // namespace Vigil
