#pragma once

#include <QDateTime>
#include <QString>

#include <functional>

namespace Vigil::Sim {

/** How a simulated tenant is generated and how it authenticates its one app registration. */
struct SimOptions
{
    quint32 seed = 1;
    int incidents = 300; // scales to 100000
    bool live = false; // portal-like activity every few seconds
    int liveIntervalMs = 3000;
    QString tenantId = QStringLiteral("4b2462a4-bbee-495a-a0e1-f23ae524cc9c");
    QString clientId = QStringLiteral("8f3d0f3e-5c6a-4a0b-9b1e-0000f1c1de70");
    QString clientSecret = QStringLiteral("demo-secret");
    int tokenLifetimeSeconds = 3600;
    QDateTime now; // reference "now" for generation; invalid = current UTC time

    // Device-code sign-in (RFC 8628 as Entra implements it).
    int deviceCodeIntervalSeconds = 5; // "interval" handed out; polling sooner gets slow_down
    int deviceCodeSlowDownSeconds = 5; // added to the interval after each slow_down
    int deviceCodeLifetimeSeconds = 900; // "expires_in"
    // The Entra side's clock in monotonic milliseconds: device-code intervals and lifetimes,
    // access-token expiry. Empty = the real clock; a test sets it to move time instead of waiting.
    std::function<qint64()> authClockMs;
};

} // namespace Vigil::Sim
