#include "synccontext.h"

#include "clock.h"
#include "graphclient.h"
#include "incidentrepository.h"
#include "outboxrepository.h"
#include "rulerepository.h"
#include "store.h"

namespace Vigil {

Error steppedDownError()
{
    Error error;
    error.kind = Error::Kind::Cancelled;
    error.message = QStringLiteral("this console stopped being the sync leader");
    return error;
}

SyncContext::SyncContext(const SyncConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_clock(config.clock ? config.clock : Clock::system())
{ }

QDateTime SyncContext::cursorLimit() const
{
    // Five minutes: clocks of Defender's back ends and of its front door drift by seconds,
    // and an item stamped a little ahead of the `Date` is still a real change.
    constexpr qint64 kClockSkewSeconds = 300;
    const QDateTime service = m_graph ? m_graph->serverTime() : QDateTime();
    return (service.isValid() ? service : m_clock->now()).addSecs(kClockSkewSeconds);
}

void SyncContext::publishStatus(bool countVolume)
{
    m_status.callsLastMinute = m_graph ? m_graph->callsInLastMinute() : 0;
    m_status.incidentsInStore = int(m_known.size());
    if (m_store)
        m_status.pendingEdits = m_store->outbox().pendingCount();
    // The volume counts scan whole tables: after every page they would make a long first
    // sync quadratic. They are counted at the end of a cycle and at most every few seconds.
    constexpr qint64 kVolumeIntervalMs = 5000;
    if (m_store
        && (countVolume || m_volumeCountedMs < 0
            || m_clock->elapsedMs() - m_volumeCountedMs >= kVolumeIntervalMs)) {
        m_volumeCountedMs = m_clock->elapsedMs();
        m_status.duplicatesInStore = m_store->rules().duplicateCount();
        m_status.alertsInStore = m_store->incidents().alertCount();
        m_status.componentAlertsInStore = m_store->rules().componentAlertCount();
        m_status.ruleIncidentsInStore = m_store->rules().ruleIncidentCount();
    }
    Q_EMIT statusChanged(m_status);
}

void SyncContext::publishPendingCount()
{
    if (!m_store)
        return;
    const int count = m_store->outbox().pendingCount();
    m_status.pendingEdits = count;
    publishStatus();
    Q_EMIT pendingCountChanged(count);
}

void SyncContext::remember(const QList<Incident> &rows)
{
    for (const Incident &row : rows)
        m_known.insert(row.providerIncidentId,
                       row.lastUpdateTime.isValid() ? row.lastUpdateTime.toMSecsSinceEpoch() : -1);
}

} // namespace Vigil
