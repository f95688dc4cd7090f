#include "dashboardstats.h"
#include "incidentfilter.h"
#include "sla.h"
#include "vocabulary.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Vigil;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 12, 6), QTime(12, 0), Qt::UTC);
constexpr qint64 kMinute = 60LL * 1000;
constexpr qint64 kHour = 60 * kMinute;

Incident incident(qint64 number, const char *severity, const char *status, qint64 ageMs)
{
    Incident i;
    i.number = number;
    i.severity = QLatin1String(severity);
    i.status = QLatin1String(status);
    i.createdTime = kNow.addMSecs(-ageMs);
    i.lastUpdateTime = i.createdTime;
    return i;
}

} // namespace

class TestSla : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaultTargets()
    {
        const SlaTargets targets;
        QCOMPARE(targets.targetMs(QStringLiteral("high")), kHour);
        QCOMPARE(targets.targetMs(QStringLiteral("Medium")), 4 * kHour);
        QCOMPARE(targets.targetMs(QStringLiteral("low")), 24 * kHour);
        QCOMPARE(targets.targetMs(QStringLiteral("informational")), 0);
        QCOMPARE(targets.targetMs(QStringLiteral("<b>whatever</b>")), 0);
    }

    void targetsRoundTripThroughSettings()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        QCOMPARE(SlaTargets::load(settings), SlaTargets());
        SlaTargets mine;
        mine.highMs = 30 * kMinute;
        mine.lowMs = 8 * kHour;
        mine.save(settings);
        QCOMPARE(SlaTargets::load(settings), mine);
        // A hand-edited file: nonsense falls back to the default, not to "no target".
        settings.setValue(QStringLiteral("sla/highMinutes"), QStringLiteral("soon"));
        settings.setValue(QStringLiteral("sla/mediumMinutes"), -5);
        const SlaTargets read = SlaTargets::load(settings);
        QCOMPARE(read.highMs, kHour);
        QCOMPARE(read.mediumMs, 4 * kHour);
        QCOMPARE(read.lowMs, 8 * kHour);
    }

    void firstTriageIsStatusOrOwner()
    {
        Incident i = incident(1, "high", "active", 10 * kMinute);
        QVERIFY(!isTriaged(i));
        i.assignedTo = QStringLiteral("priya@contoso.com");
        QVERIFY(isTriaged(i));
        i.assignedTo.clear();
        i.status = QStringLiteral("inProgress");
        QVERIFY(isTriaged(i));
        i.status = QStringLiteral("resolved");
        QVERIFY(isTriaged(i));
    }

    void countdownAndOverdue()
    {
        const SlaTargets targets;
        // High, 20 minutes old, untouched: 40 minutes left.
        SlaStatus s = slaStatus(incident(1, "high", "active", 20 * kMinute), kNow, targets);
        QCOMPARE(s.state, SlaState::Due);
        QCOMPARE(s.remainingMs, 40 * kMinute);
        QCOMPARE(s.deadline, kNow.addMSecs(40 * kMinute));
        QCOMPARE(slaText(s), QStringLiteral("40m left"));
        // High, 75 minutes old: 15 minutes over.
        s = slaStatus(incident(2, "high", "active", 75 * kMinute), kNow, targets);
        QCOMPARE(s.state, SlaState::Overdue);
        QCOMPARE(slaText(s), QStringLiteral("Overdue 15m"));
        // Medium, 75 minutes old: 2 h 45 m left.
        s = slaStatus(incident(3, "medium", "active", 75 * kMinute), kNow, targets);
        QCOMPARE(slaText(s), QStringLiteral("2h 45m left"));
        // Low, three days old and untouched.
        s = slaStatus(incident(4, "low", "active", 72 * kHour), kNow, targets);
        QCOMPARE(slaText(s), QStringLiteral("Overdue 2d 0h"));
        // Triaged late is still Met: the SLA is about the first triage.
        s = slaStatus(incident(5, "high", "inProgress", 5 * kHour), kNow, targets);
        QCOMPARE(s.state, SlaState::Met);
        QCOMPARE(slaText(s), QStringLiteral("Met"));
        // Informational has no target; neither has an incident without a creation time.
        QCOMPARE(slaStatus(incident(6, "informational", "active", 9 * kHour), kNow, targets).state,
                 SlaState::None);
        Incident noTime = incident(7, "high", "active", 0);
        noTime.createdTime = {};
        QCOMPARE(slaStatus(noTime, kNow, targets).state, SlaState::None);
        QCOMPARE(slaText(slaStatus(noTime, kNow, targets)), QString());
        // Exactly at the deadline it is still due.
        QCOMPARE(slaStatus(incident(8, "high", "active", kHour), kNow, targets).state,
                 SlaState::Due);
    }

    void filterLanguage()
    {
        const QList<Incident> queue{incident(1, "high", "active", 2 * kHour),
                                    incident(2, "high", "active", 10 * kMinute),
                                    incident(3, "high", "inProgress", 2 * kHour),
                                    incident(4, "informational", "active", 2 * kHour)};
        IncidentFilterContext context;
        context.now = kNow;
        const auto numbers = [&](const QString &text) {
            const IncidentQuery query = IncidentQuery::parse(text);
            QList<qint64> out;
            for (const Incident &i : query.filter(queue, context))
                out.append(i.number);
            return out;
        };
        QCOMPARE(numbers(QStringLiteral("sla:overdue")), QList<qint64>{1});
        QCOMPARE(numbers(QStringLiteral("SLA:due,overdue")), (QList<qint64>{1, 2}));
        QCOMPARE(numbers(QStringLiteral("sla:met")), QList<qint64>{3});
        QCOMPARE(numbers(QStringLiteral("-sla:none")), (QList<qint64>{1, 2, 3}));
        // The context's targets decide: with a 3 h High target nothing is overdue.
        context.sla.highMs = 3 * kHour;
        QCOMPARE(numbers(QStringLiteral("sla:overdue")), QList<qint64>{});
        const IncidentQuery bad = IncidentQuery::parse(QStringLiteral("sla:late"));
        QVERIFY(!bad.isValid());
        QCOMPARE(bad.errorMessage(), QStringLiteral("sla:late — sla is overdue, due, met or none"));
        QVERIFY(IncidentQuery::fieldNames().contains(QStringLiteral("sla")));
    }

    void durations()
    {
        QCOMPARE(durationText(-5000), QStringLiteral("0s"));
        QCOMPARE(durationText(59LL * 1000), QStringLiteral("59s"));
        QCOMPARE(durationText(61LL * 1000), QStringLiteral("1m"));
        QCOMPARE(durationText(3 * kHour + 5 * kMinute), QStringLiteral("3h 05m"));
        QCOMPARE(durationText(50 * kHour), QStringLiteral("2d 2h"));
        QCOMPARE(incidentAgeMs(incident(1, "low", "active", 90 * kMinute), kNow), 90 * kMinute);
        // A creation time in the future (clock skew) is age 0, not negative.
        QCOMPARE(incidentAgeMs(incident(1, "low", "active", -kHour), kNow), 0);
    }

    void dashboardFigures()
    {
        QList<Incident> queue;
        // Open: high 30 min (due), high 2 h (overdue), medium 5 h (overdue), low 2 d assigned
        // (met, 1-7 d), informational 10 d (no target, > 7 d).
        queue << incident(1, "high", "active", 30 * kMinute);
        queue << incident(2, "high", "active", 2 * kHour);
        queue << incident(3, "medium", "active", 5 * kHour);
        Incident assigned = incident(4, "low", "active", 48 * kHour);
        assigned.assignedTo = QStringLiteral("priya@contoso.com");
        assigned.lastUpdateTime = assigned.createdTime.addSecs(2LL * 3600);
        queue << assigned;
        queue << incident(5, "informational", "active", 10LL * 24 * kHour);
        // Closed: two true positives closed after 1 h and 3 h, one false positive after 8 h.
        Incident tp1 = incident(6, "high", "resolved", 26 * kHour);
        tp1.classification = QStringLiteral("truePositive");
        tp1.lastUpdateTime = tp1.createdTime.addSecs(3600);
        Incident tp2 = incident(7, "medium", "resolved", 30 * kHour);
        tp2.classification = QStringLiteral("truePositive");
        tp2.lastUpdateTime = tp2.createdTime.addSecs(3LL * 3600);
        Incident fp = incident(8, "low", "resolved", 3LL * 24 * kHour);
        fp.classification = QStringLiteral("falsePositive");
        fp.lastUpdateTime = fp.createdTime.addSecs(8LL * 3600);
        queue << tp1 << tp2 << fp;
        // Merged into another: created, but no closure and no triage.
        queue << incident(9, "high", "redirected", 20 * kMinute);
        // Older than the chart.
        queue << incident(10, "high", "resolved", 40LL * 24 * kHour);
        queue.last().classification = QStringLiteral("informationalExpectedActivity");

        const DashboardStats stats = computeDashboardStats(queue, kNow, SlaTargets(), 7);
        QCOMPARE(stats.days.size(), 7);
        QCOMPARE(stats.days.last(), QDate(2026, 12, 6));
        QCOMPARE(stats.days.first(), QDate(2026, 11, 30));
        // Today (12:00): 1, 2, 3, 9 (high, high, medium, high).
        QCOMPARE(stats.createdPerDay.last()[DashboardStats::High], 3);
        QCOMPARE(stats.createdPerDay.last()[DashboardStats::Medium], 1);
        // Yesterday: 6 (26 h ago, high), 7 (30 h ago, medium).
        QCOMPARE(stats.createdPerDay.at(5)[DashboardStats::High], 1);
        QCOMPARE(stats.createdPerDay.at(5)[DashboardStats::Medium], 1);
        // Two days ago: 4 (low); three days ago: 8 (low); ten days ago is off the chart.
        QCOMPARE(stats.createdPerDay.at(4)[DashboardStats::Low], 1);
        QCOMPARE(stats.createdPerDay.at(3)[DashboardStats::Low], 1);
        int charted = 0;
        for (const auto &day : stats.createdPerDay)
            for (int n : day)
                charted += n;
        QCOMPARE(charted, 8);

        QCOMPARE(stats.openCount, 5);
        QCOMPARE(stats.overdueCount, 2);
        using S = SlaState;
        QCOMPARE(stats.openByAge[DashboardStats::UnderOneHour][size_t(S::Due)], 1);
        QCOMPARE(stats.openByAge[DashboardStats::OneToFourHours][size_t(S::Overdue)], 1);
        QCOMPARE(stats.openByAge[DashboardStats::FourToTwentyFourHours][size_t(S::Overdue)], 1);
        QCOMPARE(stats.openByAge[DashboardStats::OneToSevenDays][size_t(S::Met)], 1);
        QCOMPARE(stats.openByAge[DashboardStats::OverSevenDays][size_t(S::None)], 1);

        QCOMPARE(stats.closedByClassification[size_t(VigilClassification::TruePositive)], 2);
        QCOMPARE(stats.closedByClassification[size_t(VigilClassification::FalsePositive)], 1);
        QCOMPARE(stats.closedByClassification[size_t(VigilClassification::BenignPositive)], 1);
        // Closed in 1 h, 3 h, 8 h and (incident 10) 0 h: mean 3 h.
        QCOMPARE(stats.closedCount, 4);
        QCOMPARE(stats.meanCloseMs, 3 * kHour);
        // Triaged: the four closed ones plus the assigned one (2 h): 14 h / 5.
        QCOMPARE(stats.triagedCount, 5);
        QCOMPARE(stats.meanTriageMs, 14 * kHour / 5);

        const DashboardStats empty = computeDashboardStats({}, kNow, SlaTargets(), 14);
        QCOMPARE(empty.days.size(), 14);
        QCOMPARE(empty.meanTriageMs, -1);
        QCOMPARE(empty.meanCloseMs, -1);
    }
};

QTEST_GUILESS_MAIN(TestSla)
#include "tst_sla.moc"
