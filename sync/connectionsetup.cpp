#include "connectionsetup.h"

#include "secretstore.h"

#include <memory>
#include <optional>
#include <utility>

namespace Vigil {

void saveConnection(SecretStore *store, const QString &dataDir, const ConnectorProfile &profile,
                    const QString &secret, const std::function<void(const Result<void> &)> &done)
{
    const ConnectorProfile previous = ConnectorProfile::load(dataDir);
    store->write(profile.secretKey(), secret, store, [=](const Result<void> &written) {
        if (!written) {
            Error error = written.error();
            error.code = QStringLiteral("keychain");
            done(error);
            return;
        }
        if (const Result<void> saved = profile.save(dataDir); !saved) {
            done(saved.error());
            return;
        }
        QStringList stale = {SecretStore::clientSecretKey(profile.tenantId, profile.clientId),
                             SecretStore::refreshTokenKey(profile.tenantId, profile.clientId)};
        if (previous.isValid()) {
            stale << SecretStore::clientSecretKey(previous.tenantId, previous.clientId)
                  << SecretStore::refreshTokenKey(previous.tenantId, previous.clientId);
        }
        stale.removeDuplicates();
        stale.removeAll(profile.secretKey());
        auto left = std::make_shared<int>(int(stale.size()));
        for (const QString &key : std::as_const(stale)) {
            store->remove(key, store, [left, done](const Result<void> &) {
                if (--*left == 0)
                    done({});
            });
        }
    });
}

void removeConnection(SecretStore *store, const QString &dataDir,
                      const std::function<void(const Result<ConnectorProfile> &)> &done)
{
    const ConnectorProfile profile = ConnectorProfile::load(dataDir);
    if (!profile.isValid()) {
        done(profile);
        return;
    }
    const QStringList keys = {SecretStore::clientSecretKey(profile.tenantId, profile.clientId),
                              SecretStore::refreshTokenKey(profile.tenantId, profile.clientId)};
    auto left = std::make_shared<int>(int(keys.size()));
    auto firstError = std::make_shared<std::optional<Error>>();
    for (const QString &key : keys) {
        store->remove(key, store, [=](const Result<void> &removed) {
            if (!removed && !*firstError)
                *firstError = removed.error();
            if (--*left > 0)
                return;
            // The profile goes either way: without a keychain there is no secret of it anywhere.
            if (const Result<void> gone = ConnectorProfile::remove(dataDir); !gone) {
                done(gone.error());
            } else if (*firstError) {
                Error error = **firstError;
                error.message = QStringLiteral("the connection was removed, but its secrets could "
                                               "not be removed from the keychain: ")
                                + error.message;
                done(error);
            } else {
                done(profile);
            }
        });
    }
}

Result<ConnectorProfile> profileAfterSignIn(ConnectorProfile profile, const DelegatedSignIn &signIn)
{
    if (!signIn.tenantId.isEmpty())
        profile.tenantId = signIn.tenantId;
    profile.upn = signIn.upn;
    profile.authMode = ConnectorProfile::AuthMode::DeviceCode;
    if (signIn.refreshToken.isEmpty())
        return Error{Error::Kind::Auth,
                     0,
                     QStringLiteral("no_refresh_token"),
                     QStringLiteral("the sign-in gave no refresh token, so Vigil could not stay "
                                    "signed in; the app registration must allow offline_access."),
                     {}};
    if (profile.tenantId.compare(QLatin1String("organizations"), Qt::CaseInsensitive) == 0
        || profile.tenantId.compare(QLatin1String("common"), Qt::CaseInsensitive) == 0)
        return Error{Error::Kind::Config,
                     0,
                     QStringLiteral("no_tenant"),
                     QStringLiteral("the sign-in did not say which tenant it is for; give the "
                                    "tenant id."),
                     {}};
    return profile;
}

} // namespace Vigil
