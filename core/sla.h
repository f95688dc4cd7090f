#pragma once

#include "incident.h"

#include <QDateTime>
#include <QString>

class QSettings;

namespace Vigil {

/**
 * @brief How long each severity may wait for its first triage. A value; any thread.
 *
 * "First triage" is the moment an analyst first touches an incident: its status leaves New
 * (Graph's `active`) or an owner is set, whichever comes first. Closing a New incident is a
 * triage too. A target of 0 means no target (Informational and unknown severities by default).
 */
struct SlaTargets
{
    qint64 highMs = 60LL * 60 * 1000; ///< 1 hour
    qint64 mediumMs = 4LL * 60 * 60 * 1000; ///< 4 hours
    qint64 lowMs = 24LL * 60 * 60 * 1000; ///< 24 hours
    qint64 informationalMs = 0; ///< none

    /** The target of a Graph severity; 0 when it has none. */
    qint64 targetMs(const QString &graphSeverity) const;

    /** The targets saved under "sla/" (in minutes), the defaults where nothing is saved. */
    static SlaTargets load(const QSettings &settings);
    void save(QSettings &settings) const;

    friend bool operator==(const SlaTargets &, const SlaTargets &) = default;
};

/** Where an incident stands with its SLA. */
enum class SlaState {
    None, ///< no target for its severity, or no creation time
    Met, ///< triaged (status no longer New, or an owner set)
    Due, ///< not triaged yet, the deadline still ahead
    Overdue, ///< not triaged yet, the deadline passed
};

/** @brief An incident's SLA at a moment. A value; any thread. */
struct SlaStatus
{
    SlaState state = SlaState::None;
    QDateTime deadline; ///< createdTime + target; invalid for None
    qint64 remainingMs = 0; ///< deadline − now: negative when overdue; 0 unless Due or Overdue
};

/** Whether the incident had its first triage: status not New, or an owner set. */
bool isTriaged(const Incident &incident);
/** The incident's SLA at now. */
SlaStatus slaStatus(const Incident &incident, const QDateTime &now, const SlaTargets &targets);
/** now − createdTime in ms, 0 when either is unknown or the creation is in the future. */
qint64 incidentAgeMs(const Incident &incident, const QDateTime &now);

/** A duration as the queue shows it: "45s", "12m", "3h 05m", "2d 4h" (never negative). */
QString durationText(qint64 ms);
/** What the queue's SLA column says: "45m left", "Overdue 12m", "Met", or empty for None. */
QString slaText(const SlaStatus &status);

} // namespace Vigil
