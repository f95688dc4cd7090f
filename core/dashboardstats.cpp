#include "dashboardstats.h"

#include "vocabulary.h"

#include <QCoreApplication>

namespace Vigil {

namespace {

constexpr qint64 kHourMs = 60LL * 60 * 1000;

int severityBucket(const QString &severity)
{
    switch (severityRank(severity)) {
    case 4:
        return DashboardStats::High;
    case 3:
        return DashboardStats::Medium;
    case 2:
        return DashboardStats::Low;
    default:
        return DashboardStats::Informational;
    }
}

} // namespace

QString DashboardStats::ageBucketLabel(int bucket)
{
    switch (bucket) {
    case UnderOneHour:
        return QCoreApplication::translate("Vigil::DashboardStats", "< 1 h");
    case OneToFourHours:
        return QCoreApplication::translate("Vigil::DashboardStats", "1–4 h");
    case FourToTwentyFourHours:
        return QCoreApplication::translate("Vigil::DashboardStats", "4–24 h");
    case OneToSevenDays:
        return QCoreApplication::translate("Vigil::DashboardStats", "1–7 d");
    case OverSevenDays:
        return QCoreApplication::translate("Vigil::DashboardStats", "> 7 d");
    default:
        return {};
    }
}

DashboardStats::AgeBucket DashboardStats::ageBucketOf(qint64 ageMs)
{
    if (ageMs < kHourMs)
        return UnderOneHour;
    if (ageMs < 4 * kHourMs)
        return OneToFourHours;
    if (ageMs < 24 * kHourMs)
        return FourToTwentyFourHours;
    if (ageMs < 7LL * 24 * kHourMs)
        return OneToSevenDays;
    return OverSevenDays;
}

DashboardStats computeDashboardStats(const QList<Incident> &incidents, const QDateTime &now,
                                     const SlaTargets &targets, int days)
{
    DashboardStats stats;
    const QDate today = now.toUTC().date();
    const int dayCount = std::max(1, days);
    for (int i = dayCount - 1; i >= 0; --i)
        stats.days.append(today.addDays(-i));
    stats.createdPerDay.fill({}, dayCount);
    const QDate first = stats.days.constFirst();

    qint64 triageSum = 0;
    qint64 closeSum = 0;
    for (const Incident &incident : incidents) {
        if (incident.createdTime.isValid()) {
            const qint64 day = first.daysTo(incident.createdTime.toUTC().date());
            if (day >= 0 && day < dayCount)
                ++stats.createdPerDay[day][size_t(severityBucket(incident.severity))];
        }
        if (incident.isRedirected())
            continue;
        const VigilStatus status = vigilStatus(incident.status);
        const qint64 handled
                = incident.createdTime.isValid() && incident.lastUpdateTime.isValid()
                          ? std::max<qint64>(0,
                                             incident.createdTime.msecsTo(incident.lastUpdateTime))
                          : -1;
        if (status == VigilStatus::Closed) {
            const auto classification = size_t(vigilClassification(incident.classification));
            if (classification < stats.closedByClassification.size())
                ++stats.closedByClassification[classification];
            if (handled >= 0) {
                ++stats.closedCount;
                closeSum += handled;
            }
        } else if (status == VigilStatus::New || status == VigilStatus::Active) {
            ++stats.openCount;
            const SlaStatus sla = slaStatus(incident, now, targets);
            if (sla.state == SlaState::Overdue)
                ++stats.overdueCount;
            const auto bucket = size_t(DashboardStats::ageBucketOf(incidentAgeMs(incident, now)));
            ++stats.openByAge[bucket][size_t(sla.state)];
        }
        if (isTriaged(incident) && handled >= 0) {
            ++stats.triagedCount;
            triageSum += handled;
        }
    }
    if (stats.triagedCount > 0)
        stats.meanTriageMs = triageSum / stats.triagedCount;
    if (stats.closedCount > 0)
        stats.meanCloseMs = closeSum / stats.closedCount;
    return stats;
}

} // namespace Vigil
