#include "connectorprofile.h"

#include <QDir>
#include <QFile>
#include <QSettings>

namespace Vigil {

namespace {

Error storageError(const QString &message)
{
    return Error{Error::Kind::Storage, 0, {}, message, {}};
}

} // namespace

QString ConnectorProfile::secretKey() const
{
    return authMode == AuthMode::ClientSecret ? clientSecretKey(tenantId, clientId)
                                              : refreshTokenKey(tenantId, clientId);
}

QString ConnectorProfile::clientSecretKey(const QString &tenantId, const QString &clientId)
{
    return tenantId.toLower() + QLatin1Char('/') + clientId.toLower()
           + QStringLiteral("/client-secret");
}

QString ConnectorProfile::refreshTokenKey(const QString &tenantId, const QString &clientId)
{
    return tenantId.toLower() + QLatin1Char('/') + clientId.toLower()
           + QStringLiteral("/refresh-token");
}

QString ConnectorProfile::authModeName(AuthMode mode)
{
    return mode == AuthMode::ClientSecret ? QStringLiteral("clientSecret")
                                          : QStringLiteral("deviceCode");
}

QString ConnectorProfile::filePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("connector.ini"));
}

ConnectorProfile ConnectorProfile::load(const QString &dataDir)
{
    ConnectorProfile profile;
    if (dataDir.isEmpty() || !QFile::exists(filePath(dataDir)))
        return {};
    const QSettings settings(filePath(dataDir), QSettings::IniFormat);
    profile.tenantId = settings.value(QStringLiteral("connector/tenantId")).toString();
    profile.clientId = settings.value(QStringLiteral("connector/clientId")).toString();
    profile.cloud = settings.value(QStringLiteral("connector/cloud"), profile.cloud).toString();
    profile.authMode = settings.value(QStringLiteral("connector/authMode")).toString()
                                       == QLatin1String("clientSecret")
                               ? AuthMode::ClientSecret
                               : AuthMode::DeviceCode;
    profile.upn = settings.value(QStringLiteral("connector/upn")).toString();
    profile.authorityHost = settings.value(QStringLiteral("connector/authorityHost")).toUrl();
    profile.graphEndpoint = settings.value(QStringLiteral("connector/graphEndpoint")).toUrl();
    return profile;
}

Result<void> ConnectorProfile::save(const QString &dataDir) const
{
    if (dataDir.isEmpty())
        return storageError(QStringLiteral("no data directory to keep the connector profile in"));
    if (!QDir().mkpath(dataDir))
        return storageError(QStringLiteral("cannot create the data directory %1").arg(dataDir));
    QSettings settings(filePath(dataDir), QSettings::IniFormat);
    settings.clear();
    settings.setValue(QStringLiteral("connector/tenantId"), tenantId);
    settings.setValue(QStringLiteral("connector/clientId"), clientId);
    settings.setValue(QStringLiteral("connector/cloud"), cloud);
    settings.setValue(QStringLiteral("connector/authMode"), authModeName(authMode));
    if (!upn.isEmpty())
        settings.setValue(QStringLiteral("connector/upn"), upn);
    if (!authorityHost.isEmpty())
        settings.setValue(QStringLiteral("connector/authorityHost"), authorityHost.toString());
    if (!graphEndpoint.isEmpty())
        settings.setValue(QStringLiteral("connector/graphEndpoint"), graphEndpoint.toString());
    settings.sync();
    if (settings.status() != QSettings::NoError)
        return storageError(
                QStringLiteral("cannot write the connector profile %1").arg(filePath(dataDir)));
    return {};
}

Result<void> ConnectorProfile::remove(const QString &dataDir)
{
    const QString path = filePath(dataDir);
    if (QFile::exists(path) && !QFile::remove(path))
        return storageError(QStringLiteral("cannot remove the connector profile %1").arg(path));
    return {};
}

} // namespace Vigil
