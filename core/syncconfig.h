#pragma once

#include "cloud.h"
#include "connectorprofile.h"
#include "networkfactory.h"
#include "result.h"
#include "storeconfig.h"

#include <QString>
#include <QUrl>

namespace Vigil {

class Clock;

/** @brief Everything the sync engine needs to run against one tenant. Any thread. */
struct SyncConfig
{
    StoreConfig store; ///< the incident database; created (SQLite: with its folder) when missing
    QUrl authorityHost; ///< e.g. https://login.microsoftonline.com (http only on loopback)
    QUrl graphEndpoint; ///< e.g. https://graph.microsoft.com (http only on loopback)
    QString tenantId;
    QString clientId;
    QString clientSecret;
    /// Delegated sign-in (device code): used instead of clientSecret when set.
    QString refreshToken;
    Cloud cloud = Cloud::global();
    int pollIntervalSeconds = 10; ///< 5..300
    int overlapSeconds = 120;
    int callsPerMinute = 50; ///< token-bucket budget for all Graph calls, up to 150
    bool autoPoll = true; ///< false: pull only when syncNow() is called (vigilctl)
    int maxAttempts = 5; ///< per Graph call, for network errors, timeouts, 5xx, 429
    int requestTimeoutSeconds = 60; ///< a call that receives nothing this long fails (Timeout)
    int backoffBaseMs = 1000; ///< first retry delay after a transient failure, then doubled
    /// The longest a Graph call waits on a `Retry-After` (429, 503); a longer one is cut to this.
    int maxRetryWaitSeconds = 15 * 60;
    /// A `Retry-After` longer than this fails the call (and the cycle) with a message naming the
    /// wait, instead of waiting (vigilctl: 60); 0: never, waits are cut to maxRetryWaitSeconds.
    int failRetryWaitAboveSeconds = 0;
    /// Benchmarks and tests against the simulated tenant only: keep a callsPerMinute above
    /// the product's cap of 150.
    bool benchmarkBudgetOverride = false;
    int outboxRetryFirstMs = 2'000; ///< first delay before an undelivered edit is sent again
    int outboxRetryMaxMs = 300'000; ///< the longest such delay
    /// Also pull component alerts (alerts_v2) and apply the incident-creation rules each cycle.
    bool pullComponentAlerts = true;
    /// Where the sync thread's network manager comes from; empty: a plain one.
    NetworkFactory networkFactory;
    /// The clock of the sync's waits (not owned, must outlive the sync); null: the system clock.
    Clock *clock = nullptr;

    static constexpr int kMaxCallsPerMinute = 150;
};

/**
 * base pointed at a saved connection: its tenant, app, cloud and endpoints, and its secret as
 * the client secret or the refresh token, by the profile's sign-in mode. The store, poll interval
 * and budget of base stay. Any thread.
 */
Result<SyncConfig> configForProfile(SyncConfig base, const ConnectorProfile &profile,
                                    const QString &secret);

} // namespace Vigil
