#pragma once

#include "result.h"

#include <QDateTime>
#include <QMetaType>

#include <optional>

namespace Vigil {

/** @brief What the sync engine is doing, for the status bar and the connector page. Any thread;
 *  sent by value from the sync thread. */
struct SyncStatus
{
    enum class State { Idle, Syncing, BackingOff, Offline, Error };

    State state = State::Idle;
    QDateTime lastAttempt; ///< start of the latest pull cycle
    QDateTime lastSuccess; ///< end of the latest cycle that completed
    QDateTime cursor; ///< lastUpdateDateTime high-water mark in the store
    std::optional<Error> lastError;
    QDateTime backoffUntil; ///< set while BackingOff
    int callsLastMinute = 0; ///< Graph calls made in the last 60 s
    int callBudgetPerMinute = 50; ///< the limiter's budget
    int incidentsInStore = 0;
    int pagesThisCycle = 0;
    int incidentsThisCycle = 0;
    int pendingEdits = 0; ///< outbox rows not yet accepted by Graph
    int alertsThisCycle = 0; ///< component alerts (alerts_v2) new or changed in this cycle
    int ruleIncidentsThisCycle = 0; ///< incidents the incident-creation rules created
    int duplicatesThisCycle = 0; ///< rule incidents newly linked to an M365D incident
    int duplicatesInStore = 0; ///< rule incidents whose alert an M365D incident also holds
    /// Why the latest cycle pulled no component alerts although its incidents came (403: the app
    /// lacks SecurityAlert.Read.All); the incident-creation rules then did not run.
    std::optional<Error> componentAlertsError;
    /// Why Defender's file profiles (FileProfile(), for the local hunts) were not fetched: 403
    /// without ThreatHunting.Read.All (not asked again), 429 (asked again after the wait), ...
    std::optional<Error> fileProfilesError;
    /// Why Defender's SeenBy() answers (for the local hunts) were not fetched; as above.
    std::optional<Error> seenByError;
    QDateTime outboxRetryAt; ///< when the next outbox attempt is due after a failure
    QDateTime lastPush; ///< when Graph last accepted an analyst's edit
    int alertsInStore = 0; ///< alerts of the stored incidents
    int componentAlertsInStore = 0; ///< alerts_v2 alerts pulled for the incident-creation rules
    int ruleIncidentsInStore = 0; ///< incidents the incident-creation rules created
};

} // namespace Vigil

Q_DECLARE_METATYPE(Vigil::SyncStatus)
