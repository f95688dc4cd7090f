#include "identity.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Vigil::Sim {

namespace {

const QLatin1String GraphResource("https://graph.microsoft.com/");
const QStringList OidcScopes{QStringLiteral("openid"), QStringLiteral("profile"),
                             QStringLiteral("email"), QStringLiteral("offline_access")};

QString base64Url(const QByteArray &bytes)
{
    return QString::fromLatin1(
            bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString guidFor(const QString &text)
{
    quint64 a = qHash(text, size_t(0x1d)), b = qHash(text, size_t(0x7e11));
    const QString hex = QString::number(a, 16).rightJustified(16, u'0').right(16)
                        + QString::number(b, 16).rightJustified(16, u'0').right(16);
    return hex.mid(0, 8) + u'-' + hex.mid(8, 4) + u'-' + hex.mid(12, 4) + u'-' + hex.mid(16, 4)
           + u'-' + hex.mid(20, 12);
}

EntraFailure failure(int status, const char *error, int code, const QString &description)
{
    return {status, QString::fromLatin1(error), code, description};
}

} // namespace

bool AccessToken::hasAnyScope(std::initializer_list<const char *> names) const
{
    if (isApp())
        return true;
    for (const char *name : names) {
        if (scopes.contains(QLatin1String(name), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

IdentityProvider::IdentityProvider(const SimOptions &options)
    : m_options(options)
    , m_userCodes(options.seed ^ 0xc0deu)
{
    m_clock.start();
    m_startTicks = currentTicks();
    if (m_options.authClockMs)
        m_clockStartMs = m_options.authClockMs();
}

Ticks IdentityProvider::nowTicks() const
{
    if (!m_options.authClockMs)
        return currentTicks();
    return m_startTicks + nowMs() * (TicksPerSecond / 1000);
}

QStringList IdentityProvider::delegatedPermissions()
{
    return {QStringLiteral("SecurityIncident.ReadWrite.All"),
            QStringLiteral("SecurityAlert.ReadWrite.All"), QStringLiteral("ThreatHunting.Read.All"),
            QStringLiteral("User.Read")};
}

QString IdentityProvider::randomToken(int bytes, const char *prefix)
{
    QByteArray data(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(data.data()),
                                          data.size() / 4);
    return QLatin1String(prefix) + base64Url(data);
}

QString IdentityProvider::issueAppToken(Ticks lifetime)
{
    QString token = randomToken(48, "eyJ0eXAiOiJKV1QiLCJ2aWdpbC1zaW0iOnRydWV9.");
    m_accessTokens.insert(token, AccessToken{nowTicks() + lifetime, QString(), {}});
    return token;
}

TokenState IdentityProvider::tokenState(const QString &token) const
{
    const auto it = m_accessTokens.constFind(token);
    if (it == m_accessTokens.cend())
        return TokenState::Unknown;
    return it->expiry > nowTicks() ? TokenState::Valid : TokenState::Expired;
}

const AccessToken *IdentityProvider::accessToken(const QString &token) const
{
    const auto it = m_accessTokens.constFind(token);
    return it == m_accessTokens.cend() ? nullptr : &*it;
}

void IdentityProvider::expireAccessTokens()
{
    for (auto it = m_accessTokens.begin(); it != m_accessTokens.end(); ++it)
        it->expiry = 0;
}

std::optional<EntraFailure> IdentityProvider::parseScopes(const QString &scope,
                                                          QStringList *permissions,
                                                          QStringList *oidc) const
{
    const QStringList known = delegatedPermissions()
                              + QStringList{QStringLiteral("SecurityIncident.Read.All"),
                                            QStringLiteral("SecurityAlert.Read.All")};
    for (const QString &item : scope.split(u' ', Qt::SkipEmptyParts)) {
        if (OidcScopes.contains(item, Qt::CaseInsensitive)) {
            if (!oidc->contains(item.toLower()))
                oidc->append(item.toLower());
            continue;
        }
        QString name = item;
        if (item.startsWith(GraphResource, Qt::CaseInsensitive)) {
            name = item.mid(GraphResource.size());
        } else if (item.contains(u"://") || item.startsWith(QLatin1String("api://"))) {
            return failure(400, "invalid_scope", 70011,
                           QStringLiteral("The provided request must include a 'scope' input "
                                          "parameter. The provided value for the input parameter "
                                          "'scope' is not valid. The scope %1 is not valid. This "
                                          "tenant only serves https://graph.microsoft.com.")
                                   .arg(item));
        }
        if (name == QLatin1String(".default")) {
            for (const QString &permission : delegatedPermissions()) {
                if (!permissions->contains(permission))
                    permissions->append(permission);
            }
            continue;
        }
        const auto match = std::find_if(known.begin(), known.end(), [&name](const QString &k) {
            return k.compare(name, Qt::CaseInsensitive) == 0;
        });
        if (match == known.end()) {
            return failure(400, "invalid_scope", 650053,
                           QStringLiteral("The application '%1' asked for scope '%2' that "
                                          "doesn't exist on the resource "
                                          "'00000003-0000-0000-c000-000000000000'.")
                                   .arg(m_options.clientId, name));
        }
        if (!permissions->contains(*match))
            permissions->append(*match);
    }
    if (permissions->isEmpty() && oidc->isEmpty()) {
        return failure(400, "invalid_scope", 70011,
                       QStringLiteral("The provided value for the input parameter 'scope' is not "
                                      "valid."));
    }
    return std::nullopt;
}

QString IdentityProvider::idToken(const QString &clientId, const QString &upn,
                                  const QString &displayName) const
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QJsonObject header{{QLatin1String("typ"), QStringLiteral("JWT")},
                             {QLatin1String("alg"), QStringLiteral("RS256")},
                             {QLatin1String("kid"), QStringLiteral("vigil-sim")}};
    const QJsonObject payload{
            {QLatin1String("aud"), clientId},
            {QLatin1String("iss"),
             QStringLiteral("https://login.microsoftonline.com/%1/v2.0").arg(m_options.tenantId)},
            {QLatin1String("iat"), now},
            {QLatin1String("nbf"), now},
            {QLatin1String("exp"), now + m_options.tokenLifetimeSeconds},
            {QLatin1String("name"), displayName},
            {QLatin1String("oid"), guidFor(upn.toLower())},
            {QLatin1String("preferred_username"), upn},
            {QLatin1String("sub"), base64Url(QByteArray::number(qHash(upn.toLower())))},
            {QLatin1String("tid"), m_options.tenantId},
            {QLatin1String("ver"), QStringLiteral("2.0")}};
    return base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + u'.'
           + base64Url(QJsonDocument(payload).toJson(QJsonDocument::Compact)) + u'.'
           + base64Url(QByteArrayLiteral("vigil-sim-unsigned-signature"));
}

TokenGrant IdentityProvider::issueUserTokens(const QString &clientId, const QString &upn,
                                             const QString &displayName,
                                             const QStringList &permissions,
                                             const QStringList &oidc)
{
    TokenGrant grant;
    grant.expiresIn = m_options.tokenLifetimeSeconds;
    grant.accessToken = randomToken(48, "eyJ0eXAiOiJKV1QiLCJ2aWdpbC1zaW0iOiJ1c2VyIn0.");
    m_accessTokens.insert(
            grant.accessToken,
            AccessToken{nowTicks() + grant.expiresIn * TicksPerSecond, upn, permissions});
    const bool openId = oidc.contains(QLatin1String("openid"));
    if (oidc.contains(QLatin1String("offline_access"))) {
        grant.refreshToken = randomToken(96, "0.AVIApGIkS-67Wkmg4fI-5SXMnA.");
        m_refreshTokens.insert(
                grant.refreshToken,
                RefreshToken{clientId, upn, displayName, permissions, openId, nowTicks(), 0});
    }
    if (openId)
        grant.idToken = idToken(clientId, upn, displayName);
    QStringList scope = permissions;
    for (const char *name : {"profile", "openid", "email"}) {
        if (oidc.contains(QLatin1String(name)))
            scope.append(QLatin1String(name));
    }
    grant.scope = scope.join(u' ');
    return grant;
}

DeviceCodeResult IdentityProvider::startDeviceCode(const QString &clientId, const QString &scope)
{
    DeviceCodeResult result;
    QStringList permissions, oidc;
    if (auto bad = parseScopes(scope, &permissions, &oidc)) {
        result.failure = *bad;
        return result;
    }
    static const char Alphabet[] = "BCDFGHJKLMNPQRSTVWXZ23456789";
    DeviceCode code;
    do {
        code.userCode.clear();
        for (int i = 0; i < 9; ++i)
            code.userCode.append(QLatin1Char(
                    Alphabet[m_userCodes.bounded(static_cast<int>(sizeof(Alphabet) - 1))]));
    } while (findByUserCode(code.userCode));
    code.deviceCode = randomToken(96, "DAQABAAEAAAB");
    code.clientId = clientId;
    code.scopes = scope.split(u' ', Qt::SkipEmptyParts);
    code.issuedMs = nowMs();
    code.lastPollMs = code.issuedMs;
    code.expiresMs = code.issuedMs + qint64(m_options.deviceCodeLifetimeSeconds) * 1000;
    code.intervalSeconds = m_options.deviceCodeIntervalSeconds;
    m_deviceCodes.insert(code.deviceCode, code);
    m_deviceCodeOrder.append(code.deviceCode);
    result.code = code;
    result.expiresIn = m_options.deviceCodeLifetimeSeconds;
    return result;
}

GrantResult IdentityProvider::pollDeviceCode(const QString &clientId, const QString &deviceCode)
{
    GrantResult result;
    const auto it = m_deviceCodes.find(deviceCode);
    if (it == m_deviceCodes.end() || it->clientId.compare(clientId, Qt::CaseInsensitive) != 0) {
        result.failure = failure(400, "bad_verification_code", 70018,
                                 QStringLiteral("Invalid verification code due to user typing in "
                                                "wrong user code for device code flow."));
        return result;
    }
    DeviceCode &code = *it;
    const qint64 now = nowMs();
    ++code.polls;
    if (now >= code.expiresMs) {
        result.failure = failure(400, "expired_token", 70019,
                                 QStringLiteral("Verification code expired."));
        return result;
    }
    if (code.state == DeviceCodeState::Declined) {
        result.failure = failure(400, "authorization_declined", 70000,
                                 QStringLiteral("The end user declined the authorization "
                                                "request."));
        return result;
    }
    if (code.state == DeviceCodeState::Redeemed) {
        result.failure = failure(400, "invalid_grant", 70000,
                                 QStringLiteral("The provided device code was already "
                                                "redeemed."));
        return result;
    }
    constexpr qint64 ToleranceMs = 100;
    const qint64 since = now - code.lastPollMs;
    code.lastPollMs = now;
    if (since + ToleranceMs < qint64(code.intervalSeconds) * 1000) {
        ++code.slowDowns;
        code.intervalSeconds += m_options.deviceCodeSlowDownSeconds;
        result.failure = failure(400, "slow_down", 70016,
                                 QStringLiteral("OAuth 2.0 device flow error. Polling too "
                                                "frequently; increase the interval by %1 "
                                                "seconds.")
                                         .arg(m_options.deviceCodeSlowDownSeconds));
        return result;
    }
    if (code.state == DeviceCodeState::Pending) {
        result.failure = failure(400, "authorization_pending", 70016,
                                 QStringLiteral("OAuth 2.0 device flow error. Authorization is "
                                                "pending. Continue polling."));
        return result;
    }
    QStringList permissions, oidc;
    parseScopes(code.scopes.join(u' '), &permissions, &oidc);
    code.state = DeviceCodeState::Redeemed;
    result.grant = issueUserTokens(code.clientId, code.upn, code.displayName, permissions, oidc);
    return result;
}

DeviceCode *IdentityProvider::findByUserCode(const QString &userCode)
{
    if (userCode.isEmpty()) { // the newest pending sign-in
        for (auto it = m_deviceCodeOrder.crbegin(); it != m_deviceCodeOrder.crend(); ++it) {
            DeviceCode &code = m_deviceCodes[*it];
            if (code.state == DeviceCodeState::Pending && code.expiresMs > nowMs())
                return &code;
        }
        return nullptr;
    }
    for (DeviceCode &code : m_deviceCodes) {
        if (code.userCode.compare(userCode, Qt::CaseInsensitive) == 0)
            return &code;
    }
    return nullptr;
}

SimResult IdentityProvider::approve(const QString &userCode, const QString &upn,
                                    const QString &displayName)
{
    if (!upn.contains(u'@'))
        return SimResult::failure(400, QStringLiteral("'upn' must be a user principal name."));
    DeviceCode *code = findByUserCode(userCode);
    if (!code)
        return SimResult::failure(404,
                                  QStringLiteral("No sign-in waits for code '%1'.").arg(userCode));
    if (code->state != DeviceCodeState::Pending || code->expiresMs <= nowMs())
        return SimResult::failure(
                409, QStringLiteral("Code '%1' is no longer pending.").arg(code->userCode));
    code->state = DeviceCodeState::Approved;
    code->upn = upn;
    code->displayName = displayName.isEmpty() ? upn.section(u'@', 0, 0) : displayName;
    return {};
}

SimResult IdentityProvider::decline(const QString &userCode)
{
    DeviceCode *code = findByUserCode(userCode);
    if (!code)
        return SimResult::failure(404,
                                  QStringLiteral("No sign-in waits for code '%1'.").arg(userCode));
    if (code->state != DeviceCodeState::Pending)
        return SimResult::failure(
                409, QStringLiteral("Code '%1' is no longer pending.").arg(code->userCode));
    code->state = DeviceCodeState::Declined;
    return {};
}

SimResult IdentityProvider::expireDeviceCode(const QString &userCode)
{
    DeviceCode *code = findByUserCode(userCode);
    if (!code)
        return SimResult::failure(404,
                                  QStringLiteral("No sign-in waits for code '%1'.").arg(userCode));
    code->expiresMs = nowMs();
    return {};
}

QJsonArray IdentityProvider::deviceCodesJson() const
{
    static const char *const States[] = {"pending", "approved", "declined", "redeemed"};
    QJsonArray array;
    const qint64 now = nowMs();
    for (const QString &key : m_deviceCodeOrder) {
        const DeviceCode &code = m_deviceCodes[key];
        QJsonObject entry{
                {QLatin1String("user_code"), code.userCode},
                {QLatin1String("client_id"), code.clientId},
                {QLatin1String("scope"), code.scopes.join(u' ')},
                {QLatin1String("state"), QLatin1String(States[static_cast<int>(code.state)])},
                {QLatin1String("expired"), code.expiresMs <= now},
                {QLatin1String("interval"), code.intervalSeconds},
                {QLatin1String("polls"), code.polls},
                {QLatin1String("slowDowns"), code.slowDowns}};
        if (!code.upn.isEmpty())
            entry.insert(QLatin1String("upn"), code.upn);
        array.append(entry);
    }
    return array;
}

GrantResult IdentityProvider::refresh(const QString &clientId, const QString &refreshToken,
                                      const QString &scope)
{
    GrantResult result;
    const auto it = m_refreshTokens.constFind(refreshToken);
    if (it == m_refreshTokens.cend() || it->clientId.compare(clientId, Qt::CaseInsensitive) != 0) {
        result.failure = failure(400, "invalid_grant", 70000,
                                 QStringLiteral("Provided grant is invalid or malformed."));
        return result;
    }
    // A copy: issuing new tokens below inserts into m_refreshTokens, which moves its entries.
    const RefreshToken stored = *it; // NOLINT(performance-unnecessary-copy-initialization)
    if (stored.revokedReason == 50173) {
        result.failure = failure(
                400, "invalid_grant", 50173,
                QStringLiteral("The provided grant has expired due to it being revoked, a fresh "
                               "auth token is needed. The user might have changed or reset their "
                               "password. The grant was issued on '%1'.")
                        .arg(formatTicks(stored.issued)));
        return result;
    }
    if (stored.revokedReason != 0) {
        result.failure = failure(
                400, "invalid_grant", 700082,
                QStringLiteral("The refresh token has expired due to inactivity. The token was "
                               "issued on %1 and was inactive for 90.00:00:00.")
                        .arg(formatTicks(stored.issued)));
        return result;
    }
    QStringList permissions, oidc;
    if (scope.trimmed().isEmpty()) {
        permissions = stored.scopes;
        oidc = {QStringLiteral("offline_access")};
        if (stored.openId)
            oidc.append(QStringLiteral("openid"));
    } else {
        if (auto bad = parseScopes(scope, &permissions, &oidc)) {
            result.failure = *bad;
            return result;
        }
        for (const QString &permission : std::as_const(permissions)) {
            if (!stored.scopes.contains(permission)) {
                result.failure = failure(
                        400, "invalid_grant", 65001,
                        QStringLiteral("The user or administrator has not consented to use the "
                                       "application with ID '%1'. Send an interactive "
                                       "authorization request for this user and resource.")
                                .arg(clientId));
                return result;
            }
        }
        if (!oidc.contains(QLatin1String("offline_access")))
            oidc.append(QStringLiteral("offline_access")); // Entra always rotates the token
    }
    // As with Entra, the redeemed refresh token stays valid until it expires or is revoked.
    result.grant
            = issueUserTokens(stored.clientId, stored.upn, stored.displayName, permissions, oidc);
    return result;
}

int IdentityProvider::revokeRefreshTokens(const QString &upn, bool passwordReset)
{
    int count = 0;
    for (auto it = m_refreshTokens.begin(); it != m_refreshTokens.end(); ++it) {
        if (it->revokedReason == 0
            && (upn.isEmpty() || it->upn.compare(upn, Qt::CaseInsensitive) == 0)) {
            it->revokedReason = passwordReset ? 50173 : 700082;
            ++count;
        }
    }
    return count;
}

} // namespace Vigil::Sim
