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

/**
 * @brief App-only access tokens for Graph (OAuth 2.0 client credentials against Entra ID).
 *
 * POSTs `client_id`, `client_secret`, `scope=<graph>/.default` and
 * `grant_type=client_credentials` to `<authority>/<tenant>/oauth2/v2.0/token`, caches the token
 * and renews it shortly before it expires (5 minutes, or half its lifetime when shorter). One
 * request is in flight at a time; callers that ask meanwhile wait for it. Lives on the sync
 * thread and uses the network manager it is given. Never logs the secret or the token.
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

    /** Calls done (on this thread, possibly before returning) with a valid token or an Error;
     *  nothing is called if context is gone by then. */
    void token(QObject *context, Callback done);
    /** Forgets the cached token (after the service rejected it with 401). */
    void invalidate();
    bool hasValidToken() const;
    QDateTime expiresAt() const { return m_expiresAt; }
    int tokenRequests() const { return m_requests; }
    void setRequestTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    static QUrl tokenUrl(const QUrl &authorityHost, const QString &tenantId);
    /** The form body of a client-credentials token request. */
    static QByteArray requestBody(const QString &clientId, const QString &clientSecret,
                                  const QUrl &graphEndpoint);

private:
    void requestToken();
    void finish(const Result<QString> &result);
    void onReply(QNetworkReply *reply);

    QNetworkAccessManager *m_network;
    QUrl m_authorityHost;
    QString m_tenantId;
    QString m_clientId;
    QString m_clientSecret;
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
