#pragma once

#include "result.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <chrono>
#include <functional>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;

namespace Vigil {

class Clock;

/**
 * @brief Access tokens for Graph from Entra ID, app-only or on behalf of a signed-in analyst.
 *
 * Client-credentials mode (the default) POSTs `client_id`, `client_secret`,
 * `scope=<graph>/.default` and `grant_type=client_credentials` to
 * `<authority>/<tenant>/oauth2/v2.0/token`. Delegated mode (setRefreshToken()) redeems the
 * refresh token of a device-code sign-in instead (`grant_type=refresh_token`) and hands every
 * rotated refresh token out through refreshTokenRotated(), so that the caller can keep it in the
 * keychain; a refused refresh token (`invalid_grant`) is an Auth error that asks the analyst to
 * sign in again. Either way the token is cached and renewed shortly before it expires (5 minutes,
 * or half its lifetime when shorter). One request is in flight at a time; callers that ask
 * meanwhile wait for it. Lives on the sync thread and uses the network manager it is given.
 * Lifetimes and the request timeout are measured on its Clock (the system clock by default).
 * Never logs the secret or the tokens.
 */
class TokenProvider : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const Result<QString> &token)>;

    /** graphResource is Graph's resource URI for the cloud (https://graph.microsoft.com); the
     *  scope asked for is `<graphResource>/.default`. */
    TokenProvider(QNetworkAccessManager *network, QUrl authorityHost, QString tenantId,
                  QString clientId, QString clientSecret, QUrl graphResource,
                  QObject *parent = nullptr);

    /** Switches to delegated mode: access tokens come from this refresh token. */
    void setRefreshToken(const QString &refreshToken);
    /** Delegated mode: an access token already in hand (from the sign-in itself); ignored when
     *  it is not well formed. */
    void setAccessToken(const QString &accessToken, const QDateTime &expiresAt);
    bool isDelegated() const { return !m_refreshToken.isEmpty(); }

    /** Calls done (on this thread, possibly before returning) with a valid token or an Error;
     *  nothing is called if context is gone by then. */
    void token(QObject *context, Callback done);
    /** Forgets the cached token (after the service rejected it with 401). */
    void invalidate();
    bool hasValidToken() const;
    QDateTime expiresAt() const { return m_expiresAt; }
    int tokenRequests() const { return m_requests; }
    void setRequestTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    /** The clock of lifetimes and timeouts (not owned, must outlive this; null: the system's). */
    void setClock(Clock *clock);

    static QUrl tokenUrl(const QUrl &authorityHost, const QString &tenantId);
    /** True when token fits the bearer token grammar (RFC 6750 b64token:
     *  `[A-Za-z0-9-._~+/]+=*`): nothing else may go into the Authorization header of a request,
     *  least of all a line break that would start a header of its own. */
    static bool isWellFormedToken(const QString &token);
    /** The Auth error for an access token that is not well formed; never shows the token. */
    static Error malformedTokenError();
    /** The form body of a client-credentials token request. */
    static QByteArray requestBody(const QString &clientId, const QString &clientSecret,
                                  const QUrl &graphEndpoint);
    /** The form body of a refresh-token request for Vigil's delegated Graph scopes. */
    static QByteArray refreshRequestBody(const QString &clientId, const QString &refreshToken,
                                         const QUrl &graphEndpoint);

Q_SIGNALS:
    /** Delegated mode: the service issued a new refresh token; the old one may stop working. */
    void refreshTokenRotated(const QString &refreshToken);

private:
    void requestToken();
    void finish(const Result<QString> &result);
    void onReply(QNetworkReply *reply);
    void store(const QString &token, qint64 lifetime);

    QNetworkAccessManager *m_network;
    Clock *m_clock;
    QUrl m_authorityHost;
    QString m_tenantId;
    QString m_clientId;
    QString m_clientSecret;
    QString m_refreshToken;
    QUrl m_graphEndpoint;
    std::chrono::milliseconds m_timeout{60'000};

    QString m_token;
    QDateTime m_expiresAt; ///< when the service says the token expires
    QDateTime m_renewAt; ///< when Vigil stops using it
    bool m_inFlight = false;
    int m_requests = 0;
    std::vector<std::pair<QPointer<QObject>, Callback>> m_waiting;
};

} // namespace Vigil
