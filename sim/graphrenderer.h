#pragma once

#include "simtypes.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Vigil::Sim {

class SimTenant;

/**
 * Renders tenant state as Microsoft Graph security v1.0 JSON (camelCase enums, 7-digit UTC
 * timestamps, evidence derived from each alert's seed). Cheap to create per request.
 */
class GraphRenderer
{
public:
    GraphRenderer(const SimTenant &tenant, bool includeEvolvableMembers);

    QJsonObject incident(const Incident &incident, bool withAlerts) const;
    QJsonObject alert(const Alert &alert) const;
    QJsonArray comments(const QList<Comment> &comments) const;
    QJsonArray evidence(const Alert &alert) const;

    /** The MDE device id of a catalogue device, as evidence carries it. */
    static QString mdeDeviceId(int deviceIndex);
    /** A catalogue user as evidence's userAccount (accountName, azureAdUserId, userSid, …). */
    static QJsonObject userAccountOf(int userIndex);

private:
    const SimTenant &m_tenant;
    bool m_includeEvolvable;
};

} // namespace Vigil::Sim
