#include "simserver.h"

#include "simhttp_p.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>

// The Entra side of SimServer: the v2.0 token endpoint (client credentials, device code, refresh
// token), the device-code endpoint, and the admin calls that approve sign-ins or revoke grants.

namespace Vigil::Sim {

namespace {

const QLatin1String DeviceCodeGrant("urn:ietf:params:oauth:grant-type:device_code");
const QLatin1String VerificationUri("https://microsoft.com/devicelogin");

HttpReply entraFailure(const SimServer::Request &request, const EntraFailure &failure)
{
    return request.entraError(failure.status, failure.error, failure.code, failure.description);
}

/** The form of an Entra POST, or the answer to a request that cannot have one. */
struct EntraForm
{
    QUrlQuery form;
    std::optional<HttpReply> error;
    QString tenant;

    QString value(const char *name) const
    {
        return form.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
    }
};

EntraForm readForm(const SimServer::Request &request, const QString &tenantId, bool delegated)
{
    EntraForm result;
    result.tenant = request.path.section(u'/', 1, 1);
    const QString &tenant = result.tenant;
    if (request.method != QLatin1String("POST")) {
        result.error = request.entraError(405, QStringLiteral("invalid_request"), 900561,
                                          QStringLiteral("The endpoint only accepts POST, OPTIONS "
                                                         "requests. Received a %1 request.")
                                                  .arg(request.method));
        return result;
    }
    const bool multiTenant
            = tenant.compare(QLatin1String("organizations"), Qt::CaseInsensitive) == 0
              || tenant.compare(QLatin1String("common"), Qt::CaseInsensitive) == 0;
    if (tenant.compare(tenantId, Qt::CaseInsensitive) != 0
        && tenant.compare(QLatin1String("contoso.onmicrosoft.com"), Qt::CaseInsensitive) != 0
        && !(delegated && multiTenant)) {
        result.error = request.entraError(
                400, QStringLiteral("invalid_request"), 90002,
                QStringLiteral("Tenant '%1' not found. Check to make sure you have the correct "
                               "tenant ID and are signing into the correct cloud. Check with your "
                               "subscription administrator, this may happen if there are no "
                               "active subscriptions for the tenant.")
                        .arg(tenant));
        return result;
    }
    if (request.header("content-type").startsWith("application/x-www-form-urlencoded")) {
        QByteArray body = request.body;
        body.replace('+', "%20"); // form encoding writes spaces as '+'
        result.form.setQuery(QString::fromUtf8(body));
    }
    return result;
}

HttpReply missingParameter(const SimServer::Request &request, const char *name)
{
    return request.entraError(400, QStringLiteral("invalid_request"), 900144,
                              QStringLiteral("The request body must contain the following "
                                             "parameter: '%1'.")
                                      .arg(QLatin1String(name)));
}

HttpReply unknownClient(const SimServer::Request &request, const QString &clientId,
                        const QString &tenant)
{
    return request.entraError(
            400, QStringLiteral("unauthorized_client"), 700016,
            QStringLiteral("Application with identifier '%1' was not found in the directory "
                           "'%2'. This can happen if the application has not been installed "
                           "by the administrator of the tenant or consented to by any user in "
                           "the tenant. You may have sent your authentication request to the "
                           "wrong tenant.")
                    .arg(clientId, tenant));
}

} // namespace

HttpReply SimServer::token(const Request &request)
{
    const QString peekedGrant = [&request] {
        QByteArray body = request.body;
        body.replace('+', "%20");
        return QUrlQuery(QString::fromUtf8(body))
                .queryItemValue(QStringLiteral("grant_type"), QUrl::FullyDecoded);
    }();
    const bool delegated
            = peekedGrant == DeviceCodeGrant || peekedGrant == QLatin1String("refresh_token");
    const EntraForm entra = readForm(request, m_tenant.tenantId(), delegated);
    if (entra.error)
        return *entra.error;
    const QString &tenant = entra.tenant;
    auto missing = [&request](const char *name) { return missingParameter(request, name); };
    auto value = [&entra](const char *name) { return entra.value(name); };
    const QString grantType = value("grant_type");
    if (grantType.isEmpty())
        return missing("grant_type");
    if (delegated) {
        const QString clientId = value("client_id");
        if (clientId.isEmpty())
            return missing("client_id");
        if (clientId.compare(m_tenant.clientId(), Qt::CaseInsensitive) != 0)
            return unknownClient(request, clientId, tenant);
        GrantResult result;
        if (grantType == DeviceCodeGrant) {
            const QString code = value("device_code");
            if (code.isEmpty())
                return missing("device_code");
            result = m_tenant.identity().pollDeviceCode(clientId, code);
        } else {
            const QString refreshToken = value("refresh_token");
            if (refreshToken.isEmpty())
                return missing("refresh_token");
            result = m_tenant.identity().refresh(clientId, refreshToken, value("scope"));
        }
        if (result.failure)
            return entraFailure(request, *result.failure);
        return tokenReply(result.grant);
    }
    if (grantType != QLatin1String("client_credentials")) {
        return request.entraError(400, QStringLiteral("unsupported_grant_type"), 70003,
                                  QStringLiteral("The app requested an unsupported grant type "
                                                 "'%1'.")
                                          .arg(grantType));
    }
    const QString clientId = value("client_id");
    if (clientId.isEmpty())
        return missing("client_id");
    const QString scope = value("scope");
    if (scope.isEmpty())
        return missing("scope");
    if (clientId.compare(m_tenant.clientId(), Qt::CaseInsensitive) != 0) {
        return unknownClient(request, clientId, tenant);
    }
    const QString secret = value("client_secret");
    if (secret.isEmpty()) {
        return request.entraError(401, QStringLiteral("invalid_client"), 7000216,
                                  QStringLiteral("'client_assertion', 'client_secret' or "
                                                 "'request' is required for the "
                                                 "'client_credentials' grant type."));
    }
    if (secret != m_tenant.clientSecret()) {
        return request.entraError(
                401, QStringLiteral("invalid_client"), 7000215,
                QStringLiteral("Invalid client secret provided. Ensure the secret being sent in "
                               "the request is the client secret value, not the client secret "
                               "ID, for a secret added to app '%1'.")
                        .arg(m_tenant.clientId()));
    }
    if (!scope.endsWith(QLatin1String("/.default"))) {
        return request.entraError(
                400, QStringLiteral("invalid_scope"), 1002012,
                QStringLiteral("The provided value for scope %1 is not valid. Client credential "
                               "flows must have a scope value with /.default suffixed to the "
                               "resource identifier (application ID URI).")
                        .arg(scope));
    }
    if (scope != QLatin1String("https://graph.microsoft.com/.default")) {
        return request.entraError(
                400, QStringLiteral("invalid_resource"), 500011,
                QStringLiteral("The resource principal named %1 was not found in the tenant "
                               "named %2.")
                        .arg(scope.chopped(9), tenant));
    }
    const int lifetime = m_tenant.tokenLifetimeSeconds();
    const QString accessToken = m_tenant.issueToken(lifetime * TicksPerSecond);
    HttpReply reply
            = HttpReply::json(QJsonObject{{QLatin1String("token_type"), QStringLiteral("Bearer")},
                                          {QLatin1String("expires_in"), lifetime},
                                          {QLatin1String("ext_expires_in"), lifetime},
                                          {QLatin1String("access_token"), accessToken}},
                              200, PlainJson);
    reply.headers.append({QByteArrayLiteral("Pragma"), QByteArrayLiteral("no-cache")});
    return reply;
}

HttpReply SimServer::tokenReply(const TokenGrant &grant)
{
    QJsonObject json{{QLatin1String("token_type"), QStringLiteral("Bearer")},
                     {QLatin1String("scope"), grant.scope},
                     {QLatin1String("expires_in"), grant.expiresIn},
                     {QLatin1String("ext_expires_in"), grant.expiresIn},
                     {QLatin1String("access_token"), grant.accessToken}};
    if (!grant.refreshToken.isEmpty())
        json.insert(QLatin1String("refresh_token"), grant.refreshToken);
    if (!grant.idToken.isEmpty())
        json.insert(QLatin1String("id_token"), grant.idToken);
    HttpReply reply = HttpReply::json(json, 200, PlainJson);
    reply.headers.append({QByteArrayLiteral("Pragma"), QByteArrayLiteral("no-cache")});
    return reply;
}

HttpReply SimServer::deviceCode(const Request &request)
{
    const EntraForm entra = readForm(request, m_tenant.tenantId(), true);
    if (entra.error)
        return *entra.error;
    const QString clientId = entra.value("client_id");
    if (clientId.isEmpty())
        return missingParameter(request, "client_id");
    if (clientId.compare(m_tenant.clientId(), Qt::CaseInsensitive) != 0)
        return unknownClient(request, clientId, entra.tenant);
    const QString scope = entra.value("scope");
    if (scope.trimmed().isEmpty())
        return missingParameter(request, "scope");
    const DeviceCodeResult result = m_tenant.identity().startDeviceCode(clientId, scope);
    if (result.failure)
        return entraFailure(request, *result.failure);
    return HttpReply::json(
            QJsonObject{{QLatin1String("user_code"), result.code.userCode},
                        {QLatin1String("device_code"), result.code.deviceCode},
                        {QLatin1String("verification_uri"), VerificationUri},
                        {QLatin1String("expires_in"), result.expiresIn},
                        {QLatin1String("interval"), result.code.intervalSeconds},
                        {QLatin1String("message"),
                         QStringLiteral("To sign in, use a web browser to open the page %1 and "
                                        "enter the code %2 to authenticate.")
                                 .arg(VerificationUri, result.code.userCode)}},
            200, PlainJson);
}

HttpReply SimServer::routeAdminAuth(const Request &request, const QStringList &segments,
                                    const QJsonObject &body, bool *handled)
{
    *handled = true;
    auto answer = [](const SimResult &result, const QJsonObject &ok) {
        if (result.ok())
            return HttpReply::json(ok, 200, PlainJson);
        return HttpReply::json(
                QJsonObject{{QLatin1String("error"),
                             QJsonObject{{QLatin1String("code"),
                                          result.httpStatus == 404 ? QStringLiteral("NotFound")
                                                                   : QStringLiteral("BadRequest")},
                                         {QLatin1String("message"), result.message}}}},
                result.httpStatus, PlainJson);
    };
    IdentityProvider &identity = m_tenant.identity();
    const QString userCode = body.value(QLatin1String("user_code")).toString();
    const bool get = request.method == QLatin1String("GET");
    const bool post = request.method == QLatin1String("POST");
    const QString first = segments.value(0);
    const QString second = segments.value(1);
    if (first == QLatin1String("devicecode") && segments.size() == 1 && get)
        return HttpReply::json(
                QJsonObject{{QLatin1String("deviceCodes"), identity.deviceCodesJson()}}, 200,
                PlainJson);
    if (first == QLatin1String("devicecode") && segments.size() == 2 && post) {
        if (second == QLatin1String("approve")) {
            const QString upn = body.value(QLatin1String("upn")).toString();
            return answer(identity.approve(userCode, upn,
                                           body.value(QLatin1String("displayName")).toString()),
                          {{QLatin1String("approved"), true}, {QLatin1String("upn"), upn}});
        }
        if (second == QLatin1String("decline"))
            return answer(identity.decline(userCode), {{QLatin1String("declined"), true}});
        if (second == QLatin1String("expire"))
            return answer(identity.expireDeviceCode(userCode), {{QLatin1String("expired"), true}});
    }
    if (first == QLatin1String("tokens") && second == QLatin1String("revoke-refresh")
        && segments.size() == 2 && post) {
        const QString reason = body.value(QLatin1String("reason")).toString();
        if (!reason.isEmpty() && reason != QLatin1String("inactive")
            && reason != QLatin1String("passwordReset")) {
            return answer(SimResult::failure(400, QStringLiteral("'reason' must be 'inactive' or "
                                                                 "'passwordReset'.")),
                          {});
        }
        const int revoked
                = identity.revokeRefreshTokens(body.value(QLatin1String("upn")).toString(),
                                               reason == QLatin1String("passwordReset"));
        return answer({}, {{QLatin1String("revoked"), revoked}});
    }
    *handled = false;
    return {};
}

} // namespace Vigil::Sim
