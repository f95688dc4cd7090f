#pragma once

#include "connectorprofile.h"
#include "devicecodeflow.h"
#include "result.h"

#include <QString>

#include <functional>

// Keeping and forgetting a connection: the secret in the keychain, the profile on disk. The
// GUI-thread facade that runs a sign-in and then these is ConnectionController (facade/).

namespace Vigil {

class Clock;
class SecretStore;

/**
 * Keeps a new connection: its secret in the keychain, then the profile; removes the secret of the
 * other sign-in mode of the same app and whatever the previous profile kept under other keys.
 * Runs on the thread of store; done is called there. A keychain failure comes back with the code
 * "keychain" (nothing was saved).
 */
void saveConnection(SecretStore *store, const QString &dataDir, const ConnectorProfile &profile,
                    const QString &secret, const std::function<void(const Result<void> &)> &done);

/**
 * Forgets the saved connection: its secrets in the keychain, then the profile (which goes even
 * when the keychain cannot be reached). done gets the profile that was removed (invalid when
 * there was none), or an error saying what was left behind.
 */
void removeConnection(SecretStore *store, const QString &dataDir,
                      const std::function<void(const Result<ConnectorProfile> &)> &done);

/**
 * The profile a device-code sign-in gives: the tenant and analyst of its id token. Refused when
 * the service sent no refresh token or did not say which tenant it is for.
 */
Result<ConnectorProfile> profileAfterSignIn(ConnectorProfile profile,
                                            const DelegatedSignIn &signIn);

} // namespace Vigil
