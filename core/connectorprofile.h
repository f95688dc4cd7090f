#pragma once

#include "result.h"

#include <QMetaType>
#include <QString>
#include <QUrl>

namespace Vigil {

/**
 * @brief The connector's non-secret settings: which tenant, app and cloud, how Vigil signs in and
 * as whom. Any thread.
 *
 * Kept with QSettings in `connector.ini` in Vigil's data directory. The secret that goes with it
 * (client secret or refresh token) is only ever in the keychain, under keys derived from tenant
 * and client id (clientSecretKey() / refreshTokenKey()).
 */
struct ConnectorProfile
{
    enum class AuthMode { DeviceCode, ClientSecret };

    QString tenantId;
    QString clientId;
    QString cloud = QStringLiteral("global");
    AuthMode authMode = AuthMode::DeviceCode;
    QString upn; ///< the signed-in analyst (device code); empty for a client secret
    QUrl authorityHost; ///< only when it differs from the cloud's (a proxy, the simulator)
    QUrl graphEndpoint; ///< likewise

    bool isValid() const { return !tenantId.isEmpty() && !clientId.isEmpty(); }
    /** The keychain key of this profile's secret (depends on authMode). */
    QString secretKey() const;
    /** Keychain keys of one app in one tenant: "<tenant>/<clientId>/client-secret" and
     *  ".../refresh-token", lower case. */
    static QString clientSecretKey(const QString &tenantId, const QString &clientId);
    static QString refreshTokenKey(const QString &tenantId, const QString &clientId);

    static QString authModeName(AuthMode mode); ///< "deviceCode" or "clientSecret"
    static QString filePath(const QString &dataDir);
    /** The saved profile; an invalid (empty) one when none is saved. */
    static ConnectorProfile load(const QString &dataDir);
    Result<void> save(const QString &dataDir) const;
    static Result<void> remove(const QString &dataDir);
};

} // namespace Vigil

Q_DECLARE_METATYPE(Vigil::ConnectorProfile)
