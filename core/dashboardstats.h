#pragma once

#include "incident.h"
#include "sla.h"

#include <QDate>
#include <QDateTime>
#include <QList>

#include <array>

namespace Vigil {

/**
 * @brief The dashboard's figures, computed from the queue's incidents at one moment. A value;
 * any thread (computeDashboardStats() is pure, so tests check it with known numbers).
 *
 * Graph keeps no triage or closing time for an incident, only its last update, so both means
 * are measured from createdTime to lastUpdateTime: for a closed incident that is when it was
 * closed (unless it changed afterwards), for a triaged open one it is an upper bound of its
 * first triage. Merged (redirected) incidents count as created but neither as closures nor in
 * the means: nobody triaged them.
 */
struct DashboardStats
{
    /** Severities in the order the charts stack them. */
    enum SeverityBucket { High, Medium, Low, Informational, SeverityBuckets };
    /** Open incidents' age, split at the default SLA targets. */
    enum AgeBucket {
        UnderOneHour,
        OneToFourHours,
        FourToTwentyFourHours,
        OneToSevenDays,
        OverSevenDays,
        AgeBuckets
    };
    static constexpr int kSlaStates = 4; ///< indexed by SlaState

    QList<QDate> days; ///< UTC days, oldest first, the last one today
    /** Incidents created on each of days, per SeverityBucket (unknown counts as Informational). */
    QList<std::array<int, SeverityBuckets>> createdPerDay;
    /** Open incidents (New or Active) per AgeBucket and SlaState. */
    std::array<std::array<int, kSlaStates>, AgeBuckets> openByAge{};
    /** Closed (resolved, not merged) incidents per VigilClassification. */
    std::array<int, 6> closedByClassification{};
    int openCount = 0;
    int overdueCount = 0;
    int triagedCount = 0; ///< incidents behind meanTriageMs
    qint64 meanTriageMs = -1; ///< -1 when none was triaged
    int closedCount = 0; ///< incidents behind meanCloseMs
    qint64 meanCloseMs = -1; ///< -1 when none was closed

    /** "< 1 h", "1–4 h", ... (translated). */
    static QString ageBucketLabel(int bucket);
    /** The bucket of an age in ms. */
    static AgeBucket ageBucketOf(qint64 ageMs);
};

/** The dashboard's figures for incidents at now; the over-time chart covers the last days days. */
DashboardStats computeDashboardStats(const QList<Incident> &incidents, const QDateTime &now,
                                     const SlaTargets &targets, int days = 14);

} // namespace Vigil
