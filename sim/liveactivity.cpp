#include "liveactivity.h"

#include "catalogue.h"
#include "simtenant.h"

namespace Vigil::Sim {

LiveActivity::LiveActivity(SimTenant &tenant, quint32 seed, int intervalMs, QObject *parent)
    : QObject(parent)
    , m_tenant(tenant)
    , m_random(seed ^ 0x11feau)
    , m_timer(this) // a child, so that moveToThread takes the timer along
{
    m_timer.setInterval(std::max(intervalMs, 100));
    connect(&m_timer, &QTimer::timeout, this, &LiveActivity::step);
}

void LiveActivity::start()
{
    m_timer.start();
}

qint64 LiveActivity::pickIncident(bool openOnly)
{
    const auto &incidents = m_tenant.incidents();
    if (incidents.empty())
        return -1;
    // Recent incidents are the ones analysts work on.
    for (int attempt = 0; attempt < 20; ++attempt) {
        const auto window = std::min<std::size_t>(incidents.size(), 200);
        const std::size_t index
                = incidents.size() - 1 - m_random.bounded(static_cast<quint32>(window));
        const Incident &incident = incidents[index];
        if (incident.status == IncidentStatus::Redirected)
            continue;
        if (openOnly && incident.status == IncidentStatus::Resolved)
            continue;
        return incident.id;
    }
    return -1;
}

void LiveActivity::step()
{
    const double roll = m_random.generateDouble();
    const QStringList owners = Catalogue::owners();
    if (roll < 0.35) {
        const qint64 id = pickIncident(true);
        if (id < 0)
            return;
        IncidentChange change;
        change.modifiedBy = QStringLiteral("soc-lead@contoso.onmicrosoft.com");
        const Incident *incident = m_tenant.incident(id);
        if (incident->status == IncidentStatus::Active) {
            change.status = IncidentStatus::InProgress;
        } else {
            change.status = IncidentStatus::Resolved;
            change.classification = Classification::TruePositive;
            change.determination = Determination::MultiStagedAttack;
        }
        if (incident->assignedTo.isNull())
            change.assignedTo = owners.at(m_random.bounded(static_cast<int>(owners.size())));
        m_tenant.updateIncident(id, change);
        Q_EMIT activity(QStringLiteral("incident %1 -> %2").arg(id).arg(wireName(*change.status)));
    } else if (roll < 0.55) {
        const qint64 id = pickIncident(false);
        if (id < 0)
            return;
        IncidentChange change;
        change.assignedTo = owners.at(m_random.bounded(static_cast<int>(owners.size())));
        change.modifiedBy = *change.assignedTo;
        m_tenant.updateIncident(id, change);
        Q_EMIT activity(
                QStringLiteral("incident %1 assigned to %2").arg(id).arg(*change.assignedTo));
    } else if (roll < 0.75) {
        const qint64 id = pickIncident(true);
        if (id < 0)
            return;
        const int count = 1 + static_cast<int>(m_random.bounded(3));
        m_tenant.addAlerts(id, count);
        Q_EMIT activity(QStringLiteral("incident %1 got %2 new alerts").arg(id).arg(count));
    } else if (roll < 0.95) {
        const auto severity = static_cast<Severity>(1 + m_random.bounded(4));
        const qint64 id = m_tenant.createIncident(1 + static_cast<int>(m_random.bounded(6)),
                                                  severity, QString());
        Q_EMIT activity(QStringLiteral("new incident %1").arg(id));
    } else {
        const qint64 source = pickIncident(true);
        const qint64 target = pickIncident(true);
        if (source < 0 || target < 0 || source == target)
            return;
        if (m_tenant.mergeIncidents(source, target).ok())
            Q_EMIT activity(QStringLiteral("incident %1 merged into %2").arg(source).arg(target));
    }
}

} // namespace Vigil::Sim
