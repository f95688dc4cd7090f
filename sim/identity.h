#pragma once

#include "simoptions.h"
#include "simtypes.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

#include <optional>

namespace Vigil::Sim {

enum class TokenState { Valid, Expired, Unknown };

/** Who an access token speaks for: the app itself (client credentials) or a signed-in user. */
struct AccessToken
{
    Ticks expiry = 0;
    QString upn; // empty = the app
    QStringList scopes; // Graph permissions, short form; empty for the app (it has every role)

    bool isApp() const { return upn.isEmpty(); }
    bool hasAnyScope(std::initializer_list<const char *> names) const;
};

/** An Entra error answer: HTTP status, `error`, AADSTS number and text. */
struct EntraFailure
{
    int status = 400;
    QString error;
    int code = 0;
    QString description;
};

/** What a successful delegated grant returns. */
struct TokenGrant
{
    QString accessToken;
    QString refreshToken; // only with offline_access
    QString idToken; // only with openid
    QString scope; // granted scopes, space-separated (Graph permissions in short form)
    int expiresIn = 0;
};

struct GrantResult
{
    std::optional<EntraFailure> failure;
    TokenGrant grant;
};

enum class DeviceCodeState { Pending, Approved, Declined, Redeemed };

struct DeviceCode
{
    QString deviceCode;
    QString userCode;
    QString clientId;
    QStringList scopes; // as requested
    qint64 issuedMs = 0; // on the provider's monotonic clock
    qint64 expiresMs = 0;
    qint64 lastPollMs = 0;
    int intervalSeconds = 5;
    int polls = 0;
    int slowDowns = 0;
    DeviceCodeState state = DeviceCodeState::Pending;
    QString upn;
    QString displayName;
};

struct DeviceCodeResult
{
    std::optional<EntraFailure> failure;
    DeviceCode code;
    int expiresIn = 0;
};

/**
 * The tenant's Entra side: access tokens for the app and for users, refresh tokens, and pending
 * device-code sign-ins that the admin API approves or declines. Not thread-safe.
 */
class IdentityProvider
{
public:
    IdentityProvider(const SimOptions &options);

    // Client credentials.
    QString issueAppToken(Ticks lifetime);
    TokenState tokenState(const QString &token) const;
    const AccessToken *accessToken(const QString &token) const; // nullptr when unknown
    void expireAccessTokens();

    // Device code.
    DeviceCodeResult startDeviceCode(const QString &clientId, const QString &scope);
    GrantResult pollDeviceCode(const QString &clientId, const QString &deviceCode);
    SimResult approve(const QString &userCode, const QString &upn, const QString &displayName);
    SimResult decline(const QString &userCode);
    SimResult expireDeviceCode(const QString &userCode);
    QJsonArray deviceCodesJson() const;

    // Refresh tokens.
    GrantResult refresh(const QString &clientId, const QString &refreshToken, const QString &scope);
    int revokeRefreshTokens(const QString &upn, bool passwordReset); // empty upn = everyone's

    static QStringList delegatedPermissions(); // what the app registration may ask users for

private:
    struct RefreshToken
    {
        QString clientId;
        QString upn;
        QString displayName;
        QStringList scopes; // Graph permissions, short form
        bool openId = false;
        Ticks issued = 0;
        int revokedReason = 0; // 0 = valid, else the AADSTS code to answer with
    };

    std::optional<EntraFailure> parseScopes(const QString &scope, QStringList *permissions,
                                            QStringList *oidc) const;
    TokenGrant issueUserTokens(const QString &clientId, const QString &upn,
                               const QString &displayName, const QStringList &permissions,
                               const QStringList &oidc);
    QString randomToken(int bytes, const char *prefix);
    QString idToken(const QString &clientId, const QString &upn, const QString &displayName) const;
    DeviceCode *findByUserCode(const QString &userCode);
    qint64 nowMs() const
    {
        return m_options.authClockMs ? m_options.authClockMs() - m_clockStartMs : m_clock.elapsed();
    }
    Ticks nowTicks() const; // for token expiry: the wall clock, or the start plus nowMs()

    SimOptions m_options;
    QElapsedTimer m_clock;
    qint64 m_clockStartMs = 0; // authClockMs() at construction
    Ticks m_startTicks = 0;
    QRandomGenerator m_userCodes; // seeded: the same run hands out the same user codes
    QHash<QString, AccessToken> m_accessTokens;
    QHash<QString, RefreshToken> m_refreshTokens;
    QHash<QString, DeviceCode> m_deviceCodes; // by device_code
    QList<QString> m_deviceCodeOrder; // oldest first
};

} // namespace Vigil::Sim
