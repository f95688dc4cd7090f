#include "tenantgenerator.h"

#include "catalogue.h"
#include "simtenant.h"

#include <QSet>

#include <algorithm>
#include <cmath>
#include <utility>

namespace Vigil::Sim {

namespace {

using C = Classification;
using D = Determination;

// Consistent closing pairs, as the portal offers them (apt and securityPersonnel only on old data).
constexpr std::pair<Classification, Determination> ClosingPairs[] = {
        {C::TruePositive, D::MultiStagedAttack},
        {C::TruePositive, D::MaliciousUserActivity},
        {C::TruePositive, D::CompromisedAccount},
        {C::TruePositive, D::Malware},
        {C::TruePositive, D::Phishing},
        {C::TruePositive, D::UnwantedSoftware},
        {C::TruePositive, D::Other},
        {C::TruePositive, D::Apt},
        {C::InformationalExpectedActivity, D::SecurityTesting},
        {C::InformationalExpectedActivity, D::LineOfBusinessApplication},
        {C::InformationalExpectedActivity, D::ConfirmedActivity},
        {C::InformationalExpectedActivity, D::Other},
        {C::InformationalExpectedActivity, D::SecurityPersonnel},
        {C::FalsePositive, D::NotMalicious},
        {C::FalsePositive, D::NotEnoughDataToValidate},
        {C::FalsePositive, D::Other},
        {C::Unknown, D::Unknown},
};

template<typename T, std::size_t N>
const T &pick(QRandomGenerator &random, const T (&items)[N])
{
    return items[random.bounded(static_cast<quint32>(N))];
}

template<typename T>
const T &pick(QRandomGenerator &random, std::span<const T> items)
{
    return items[random.bounded(static_cast<quint32>(items.size()))];
}

Ticks randomBetween(QRandomGenerator &random, Ticks from, Ticks to)
{
    if (to <= from)
        return from;
    return from + static_cast<Ticks>(random.bounded(1.0) * static_cast<double>(to - from));
}

std::pair<Classification, Determination> randomClosing(QRandomGenerator &random)
{
    const double roll = random.generateDouble();
    // Deprecated apt/securityPersonnel (the last entries of each group) stay rare.
    if (roll < 0.45)
        return ClosingPairs[random.bounded(7)];
    if (roll < 0.65)
        return ClosingPairs[8 + random.bounded(4)];
    if (roll < 0.95)
        return ClosingPairs[13 + random.bounded(3)];
    return ClosingPairs[16];
}

Severity randomSeverity(QRandomGenerator &random)
{
    const double roll = random.generateDouble();
    if (roll < 0.02)
        return Severity::Unknown;
    if (roll < 0.12)
        return Severity::Informational;
    if (roll < 0.37)
        return Severity::Low;
    if (roll < 0.72)
        return Severity::Medium;
    return Severity::High;
}

int normalAlertCount(QRandomGenerator &random)
{
    const double exponential = -std::log(1.0 - random.generateDouble()) * 3.8;
    return std::min(1 + static_cast<int>(exponential), 60);
}

int largeAlertCount(QRandomGenerator &random)
{
    const double exponential = -std::log(1.0 - random.generateDouble()) * 120.0;
    return std::min(151 + static_cast<int>(exponential), 1200);
}

void resolve(Incident &incident, std::pair<Classification, Determination> closing)
{
    incident.status = IncidentStatus::Resolved;
    incident.classification = closing.first;
    incident.determination = closing.second;
}

} // namespace

TenantGenerator::TenantGenerator(SimTenant &tenant, quint32 seed, Ticks now)
    : m_tenant(tenant)
    , m_random(seed)
    , m_now(now)
{ }

Incident TenantGenerator::makeIncident(QRandomGenerator &random, Ticks created, Ticks now)
{
    Incident incident;
    incident.seed = random.generate();
    incident.createdDateTime = created;
    incident.lastUpdateDateTime = created;
    incident.severity = randomSeverity(random);

    const auto users = Catalogue::users();
    const int device = static_cast<int>(random.bounded(Catalogue::deviceCount()));
    const UserIdentity &user = pick(random, users);
    incident.displayName
            = QString::fromUtf8(pick(random, Catalogue::incidentTitles()))
                      .replace(QLatin1String("%1"), Catalogue::deviceName(device))
                      .replace(QLatin1String("%2"), QString::fromUtf8(user.displayName));

    const double age = static_cast<double>(now - created) / static_cast<double>(30 * TicksPerDay);
    const double roll = random.generateDouble();
    const QStringList owners = Catalogue::owners();
    if (roll < 0.25 + 0.55 * age) {
        resolve(incident, randomClosing(random));
    } else if (roll < 0.25 + 0.55 * age + 0.03) {
        incident.status = IncidentStatus::AwaitingAction;
        incident.systemTags.append(QStringLiteral("Defender Experts"));
    } else if (random.generateDouble() < 0.45) {
        incident.status = IncidentStatus::InProgress;
    } else {
        incident.status = IncidentStatus::Active;
    }
    if (incident.status != IncidentStatus::Active || random.generateDouble() < 0.3)
        incident.assignedTo = owners.at(random.bounded(static_cast<int>(owners.size())));
    if (incident.status == IncidentStatus::InProgress && random.generateDouble() < 0.15) {
        const auto closing = randomClosing(random);
        incident.classification = closing.first;
        incident.determination = closing.second;
    }

    if (random.generateDouble() < 0.2) {
        incident.customTags.append(QString::fromUtf8(pick(random, Catalogue::customTags())));
        if (random.generateDouble() < 0.3) {
            const QString second = QString::fromUtf8(pick(random, Catalogue::customTags()));
            if (!incident.customTags.contains(second))
                incident.customTags.append(second);
        }
    }
    if (random.generateDouble() < 0.1) {
        const QString tag = QString::fromUtf8(pick(random, Catalogue::systemTags()));
        if (!incident.systemTags.contains(tag))
            incident.systemTags.append(tag);
    }
    incident.lastModifiedBy = incident.assignedTo.isNull()
                                      ? QStringLiteral("Microsoft 365 Defender")
                                      : incident.assignedTo;
    return incident;
}

void TenantGenerator::generate(int incidentCount)
{
    const int count = std::max(incidentCount, 0);
    const Ticks start = m_now - 30 * TicksPerDay;
    std::vector<Ticks> created(static_cast<std::size_t>(count));
    for (Ticks &t : created)
        t = randomBetween(m_random, start, m_now - 10 * TicksPerMinute);
    std::sort(created.begin(), created.end());

    // Mandatory specials: exactly 150, 180 and 420 alerts, plus 1 % above 150 in big tenants.
    QHash<int, int> fixedCounts;
    if (count >= 3) {
        const int spread = count >= 30 ? count : 3;
        fixedCounts.insert(count - spread / 3 - 1, 150);
        fixedCounts.insert(count - spread / 2 - 1, 180);
        fixedCounts.insert(count - spread * 3 / 4 - 1, 420);
    }
    if (count >= 1000) {
        for (int i = 0; i < count / 100; ++i) {
            const int index = 30 + static_cast<int>(m_random.bounded(count - 30));
            if (!fixedCounts.contains(index))
                fixedCounts.insert(index, largeAlertCount(m_random));
        }
    }

    // The oldest incidents carry every status, severity and closing pair at least once.
    constexpr Severity AllSeverities[] = {Severity::Unknown, Severity::Informational, Severity::Low,
                                          Severity::Medium, Severity::High};
    constexpr IncidentStatus AllStatuses[]
            = {IncidentStatus::Active, IncidentStatus::InProgress, IncidentStatus::Resolved,
               IncidentStatus::AwaitingAction};
    const int coverage = static_cast<int>(std::size(AllSeverities) + std::size(AllStatuses)
                                          + std::size(ClosingPairs));

    qint64 nextId = 2'972'000 + static_cast<qint64>(m_random.bounded(400));
    const auto owners = Catalogue::owners();
    const auto users = Catalogue::users();
    for (int i = 0; i < count; ++i) {
        const Ticks when = created[static_cast<std::size_t>(i)];
        Incident incident = makeIncident(m_random, when, m_now);
        incident.id = nextId;
        nextId += 1 + m_random.bounded(3);

        int slot = i;
        if (slot < static_cast<int>(std::size(AllSeverities))) {
            incident.severity = AllSeverities[slot];
        } else if ((slot -= static_cast<int>(std::size(AllSeverities)))
                   < static_cast<int>(std::size(AllStatuses))) {
            incident.status = AllStatuses[slot];
        } else if ((slot -= static_cast<int>(std::size(AllStatuses)))
                   < static_cast<int>(std::size(ClosingPairs))) {
            resolve(incident, ClosingPairs[slot]);
        }
        if (incident.status != IncidentStatus::Active && incident.assignedTo.isNull())
            incident.assignedTo = owners.at(m_random.bounded(static_cast<int>(owners.size())));
        if (incident.status == IncidentStatus::AwaitingAction
            && !incident.systemTags.contains(QStringLiteral("Defender Experts")))
            incident.systemTags.append(QStringLiteral("Defender Experts"));

        const int alertCount = fixedCounts.value(i, normalAlertCount(m_random));
        const Ticks alertsUntil = std::min(
                m_now, when + TicksPerHour * (1 + m_random.bounded(alertCount > 50 ? 48 : 6)));
        const qint64 id = m_tenant.appendIncident(std::move(incident));
        Incident &stored = *m_tenant.mutableIncident(id);
        m_tenant.addGeneratedAlerts(stored, alertCount, when, alertsUntil, m_random);

        if (stored.status == IncidentStatus::Resolved
            || stored.status == IncidentStatus::InProgress) {
            const Ticks changed
                    = randomBetween(m_random, stored.lastUpdateDateTime,
                                    std::min(m_now, stored.lastUpdateDateTime + 3 * TicksPerDay));
            stored.lastUpdateDateTime = changed;
            m_tenant.propagateToAlerts(stored, changed);
        }

        if (m_random.generateDouble() < 0.25) {
            const int comments = 1 + static_cast<int>(m_random.bounded(3));
            Ticks at = stored.createdDateTime;
            for (int c = 0; c < comments; ++c) {
                at = randomBetween(m_random, at, stored.lastUpdateDateTime);
                const UserIdentity &author = pick(m_random, users);
                stored.comments.append(
                        {QString::fromUtf8(pick(m_random, Catalogue::commentTexts())),
                         QString::fromUtf8(author.displayName), at});
            }
        }
    }

    // Defender correlation merges: newer incidents folded into older ones.
    const int merges = count >= coverage + 16 ? std::max(5, count / 60) : 0;
    QSet<int> used;
    for (auto it = fixedCounts.cbegin(); it != fixedCounts.cend(); ++it)
        used.insert(it.key());
    int done = 0;
    for (int attempt = 0; done < merges && attempt < merges * 20; ++attempt) {
        const int source = coverage + 1 + static_cast<int>(m_random.bounded(count - coverage - 1));
        const int target = coverage + static_cast<int>(m_random.bounded(source - coverage));
        if (used.contains(source) || used.contains(target))
            continue;
        used.insert(source);
        used.insert(target);
        Incident &from = m_tenant.m_incidents[static_cast<std::size_t>(source)];
        Incident &into = m_tenant.m_incidents[static_cast<std::size_t>(target)];
        const Ticks latest = std::max(from.lastUpdateDateTime, into.lastUpdateDateTime);
        m_tenant.mergeAt(from, into, randomBetween(m_random, latest, m_now));
        ++done;
    }
}

} // namespace Vigil::Sim
