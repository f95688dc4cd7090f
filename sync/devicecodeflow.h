#pragma once

#include "devicecodeprompt.h"
#include "result.h"

#include <QDateTime>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <chrono>

class QNetworkAccessManager;
class QNetworkReply;

namespace Vigil {

class Clock;
class ClockTimer;

/** @brief Tokens and identity from an interactive (delegated) sign-in. Any thread. */
struct DelegatedSignIn
{
    QString accessToken;
    QString refreshToken;
    QDateTime expiresAt; ///< of the access token
    QString scope; ///< granted scopes as the service lists them
    QString upn; ///< id_token `preferred_username`, empty without an id_token
    QString displayName; ///< id_token `name`
    QString tenantId; ///< id_token `tid`
};

/**
 * @brief Interactive sign-in with the OAuth 2.0 device authorization grant (RFC 8628, Entra).
 *
 * start() POSTs `<authority>/<tenant>/oauth2/v2.0/devicecode` with the delegated Graph scopes
 * Vigil needs, reports the code (codeReceived), then polls the token endpoint every `interval`
 * seconds, adding 5 s after each `slow_down`. `authorization_pending` keeps polling; a decline,
 * an expired or unknown code, a refusal or cancel() end it with failed(); success ends it with
 * signedIn(). Transient network failures are retried at the next interval until the code
 * expires. Lives on the thread that creates it and uses the network manager it is given; the
 * interval, the code's lifetime and the request timeout run on its Clock (the system clock by
 * default). Never logs codes or tokens.
 */
class DeviceCodeFlow : public QObject
{
    Q_OBJECT
public:
    /** tenant may be a tenant id, a verified domain or `organizations`. graphResource names
     *  Graph for the cloud (https://graph.microsoft.com), used to build the scopes. */
    DeviceCodeFlow(QNetworkAccessManager *network, QUrl authorityHost, QString tenant,
                   QString clientId, QUrl graphResource, QObject *parent = nullptr);
    ~DeviceCodeFlow() override;

    /** The clock to wait on (not owned, must outlive this; null: the system's); before start(). */
    void setClock(Clock *clock);
    void start();
    /** Polls once now (the analyst says they are done); a server that finds this too early
     *  answers `slow_down`, which lengthens the interval. */
    void pollNow();
    /** Stops polling; failed() reports a Cancelled error. */
    void cancel();
    bool isRunning() const { return m_running; }
    int intervalSeconds() const { return m_intervalSeconds; }
    int polls() const { return m_polls; }

    /** `<graph>/SecurityIncident.ReadWrite.All <graph>/SecurityAlert.ReadWrite.All
     *  offline_access openid profile`. */
    static QString delegatedScopes(const QUrl &graphResource);
    static QUrl endpointUrl(const QUrl &authorityHost, const QString &tenant, const QString &name);
    /** Reads the token answer of a delegated grant (device code or refresh token). */
    static Result<DelegatedSignIn> parseTokenAnswer(const QByteArray &body);
    /** The same, with the access token's expiry counted from now. */
    static Result<DelegatedSignIn> parseTokenAnswer(const QByteArray &body, const QDateTime &now);

Q_SIGNALS:
    void codeReceived(const Vigil::DeviceCodePrompt &prompt);
    /** Each answer of the token endpoint while waiting: `authorization_pending`, `slow_down`. */
    void pollAnswered(const QString &answer, int nextIntervalSeconds);
    void signedIn(const Vigil::DelegatedSignIn &result);
    void failed(const Vigil::Error &error);

private:
    QNetworkReply *post(const QUrl &url, const QByteArray &body);
    void onDeviceCode(QNetworkReply *reply);
    void poll();
    void onPollAnswer(QNetworkReply *reply);
    void scheduleNextPoll();
    void fail(const Error &error);

    QNetworkAccessManager *m_network;
    QUrl m_authorityHost;
    QString m_tenant;
    QString m_clientId;
    QUrl m_graphResource;
    std::chrono::milliseconds m_requestTimeout{30'000};

    Clock *m_clock;
    ClockTimer *m_timer;
    QPointer<QNetworkReply> m_reply;
    QString m_deviceCode;
    QDateTime m_expiresAt;
    int m_intervalSeconds = 5;
    int m_polls = 0;
    bool m_running = false;
};

} // namespace Vigil

Q_DECLARE_METATYPE(Vigil::DelegatedSignIn)
