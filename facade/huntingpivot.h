#pragma once

#include "huntpivot.h"
#include "incident.h"

#include <QList>

#include <optional>

namespace Vigil {

/** Whether "Hunt" is offered on an entity of this kind (device, user, file, ip). */
bool canHunt(const Entity &entity);

/**
 * The query for an entity, over one hour before the first of alerts that show it (all alerts
 * when none does) to one hour after the last: a device's DeviceProcessEvents, a user's logons
 * (DeviceLogonEvents by AccountName, IdentityLogonEvents by AccountUpn), a file's events by
 * SHA256/SHA1, an IP's DeviceNetworkEvents by RemoteIP. nullopt when the entity has nothing to
 * hunt for. Values are quoted as KQL string literals.
 */
std::optional<HuntPivot> huntPivotForEntity(const Entity &entity, const QList<Alert> &alerts);

/** The events of the alert's device (processes, network, files) around the alert. */
std::optional<HuntPivot> huntPivotForAlert(const Alert &alert);

} // namespace Vigil
