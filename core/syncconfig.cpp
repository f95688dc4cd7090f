#include "syncconfig.h"

namespace Vigil {

Result<SyncConfig> configForProfile(SyncConfig base, const ConnectorProfile &profile,
                                    const QString &secret)
{
    base.tenantId = profile.tenantId;
    base.clientId = profile.clientId;
    base.clientSecret.clear();
    base.refreshToken.clear();
    if (profile.authMode == ConnectorProfile::AuthMode::ClientSecret)
        base.clientSecret = secret;
    else
        base.refreshToken = secret;
    base.cloud = Cloud::byName(profile.cloud);
    const QString authority = profile.authorityHost.isEmpty() ? base.cloud.authorityHost
                                                              : profile.authorityHost.toString();
    const Result<QUrl> authorityUrl = validateEndpoint(authority, QStringLiteral("Authority host"));
    if (!authorityUrl)
        return authorityUrl.error();
    base.authorityHost = authorityUrl.value();
    const QString graph = profile.graphEndpoint.isEmpty() ? base.cloud.graphEndpoint
                                                          : profile.graphEndpoint.toString();
    const Result<QUrl> graphUrl = validateEndpoint(graph, QStringLiteral("Graph endpoint"));
    if (!graphUrl)
        return graphUrl.error();
    base.graphEndpoint = graphUrl.value();
    return base;
}

} // namespace Vigil
