#include "simtenant.h"

#include "catalogue.h"
#include "tenantgenerator.h"

#include <QByteArray>

#include <algorithm>

namespace Vigil::Sim {

namespace {

constexpr qint64 DotNetEpochTicks = 621'355'968'000'000'000;

quint64 splitMix(quint64 &state)
{
    quint64 z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

QString guidFrom(quint64 state)
{
    const QString hex = QString::number(splitMix(state), 16).rightJustified(16, u'0')
                        + QString::number(splitMix(state), 16).rightJustified(16, u'0');
    return hex.mid(0, 8) + u'-' + hex.mid(8, 4) + u'-' + hex.mid(12, 4) + u'-' + hex.mid(16, 4)
           + u'-' + hex.mid(20, 12);
}

quint64 idHash(QStringView id)
{
    return static_cast<quint64>(qHash(id, size_t(0x5157)));
}

void sortAlertsByCreation(QList<qint32> &alerts, const std::vector<Alert> &table)
{
    std::stable_sort(alerts.begin(), alerts.end(), [&table](qint32 a, qint32 b) {
        const Ticks ta = table[static_cast<std::size_t>(a)].createdDateTime;
        const Ticks tb = table[static_cast<std::size_t>(b)].createdDateTime;
        return ta != tb ? ta < tb : a < b;
    });
}

} // namespace

SimTenant::SimTenant(const SimOptions &options)
    : m_options(options)
    , m_faults(options.seed)
    , m_random(options.seed ^ 0x11feu)
{
    const Ticks now
            = options.now.isValid() ? options.now.toMSecsSinceEpoch() * 10'000 : currentTicks();
    TenantGenerator(*this, options.seed, now).generate(options.incidents);
    for (const Incident &incident : m_incidents)
        m_lastChange = std::max(m_lastChange, incident.lastUpdateDateTime);
    for (const Alert &alert : m_alerts)
        m_lastChange = std::max(m_lastChange, alert.lastUpdateDateTime);
}

QString SimTenant::appDisplayName()
{
    return QStringLiteral("Vigil SOC Console");
}

const Incident *SimTenant::incident(qint64 id) const
{
    const auto it = m_incidentIndex.constFind(id);
    return it == m_incidentIndex.cend() ? nullptr : &m_incidents[static_cast<std::size_t>(*it)];
}

Incident *SimTenant::mutableIncident(qint64 id)
{
    const auto it = m_incidentIndex.constFind(id);
    return it == m_incidentIndex.cend() ? nullptr : &m_incidents[static_cast<std::size_t>(*it)];
}

const Alert *SimTenant::alert(QStringView alertId) const
{
    const auto it = m_alertIndex.constFind(idHash(alertId));
    if (it == m_alertIndex.cend())
        return nullptr;
    const Alert &candidate = m_alerts[static_cast<std::size_t>(*it)];
    return this->alertId(candidate) == alertId ? &candidate : nullptr;
}

QString SimTenant::alertId(const Alert &alert) const
{
    const AlertTemplate &kind = Catalogue::alertTemplates()[alert.templateIndex];
    const quint64 state = (static_cast<quint64>(alert.seed) << 32)
                          ^ static_cast<quint64>(alert.createdDateTime);
    switch (kind.serviceSource) {
    case ServiceSource::MicrosoftDefenderForEndpoint:
        return u"da" + QString::number(alert.createdDateTime + DotNetEpochTicks) + u'_'
               + QString::number(static_cast<qint32>(alert.seed));
    case ServiceSource::MicrosoftDefenderForOffice365:
        return u"fa" + guidFrom(state);
    case ServiceSource::MicrosoftDefenderForIdentity:
        return u"aa" + guidFrom(state);
    case ServiceSource::MicrosoftDefenderForCloudApps:
        return u"ca" + guidFrom(state).remove(u'-').left(24);
    case ServiceSource::Microsoft365Defender:
        return u"ed" + QString::number(alert.createdDateTime + DotNetEpochTicks) + u'_'
               + QString::number(alert.seed);
    default:
        return guidFrom(state);
    }
}

QString SimTenant::incidentWebUrl(qint64 id) const
{
    return u"https://security.microsoft.com/incidents/" + QString::number(id) + u"?tid="
           + m_options.tenantId;
}

QString SimTenant::alertWebUrl(const QString &alertId) const
{
    return u"https://security.microsoft.com/alerts/" + alertId + u"?tid=" + m_options.tenantId;
}

QList<qint64> SimTenant::incidentIdsWithMoreAlertsThan(int count) const
{
    QList<qint64> ids;
    for (const Incident &incident : m_incidents) {
        if (incident.alerts.size() > count)
            ids.append(incident.id);
    }
    return ids;
}

QList<qint64> SimTenant::incidentIdsWithAlertCount(int count) const
{
    QList<qint64> ids;
    for (const Incident &incident : m_incidents) {
        if (incident.alerts.size() == count)
            ids.append(incident.id);
    }
    return ids;
}

QList<qint64> SimTenant::redirectedIncidentIds() const
{
    QList<qint64> ids;
    for (const Incident &incident : m_incidents) {
        if (incident.status == IncidentStatus::Redirected)
            ids.append(incident.id);
    }
    return ids;
}

Ticks SimTenant::nextChangeTime()
{
    m_lastChange = std::max(currentTicks(), m_lastChange + 1);
    return m_lastChange;
}

SimResult SimTenant::updateIncident(qint64 id, const IncidentChange &change)
{
    Incident *incident = mutableIncident(id);
    if (!incident)
        return SimResult::failure(404, QStringLiteral("Incident '%1' was not found.").arg(id));
    if (change.status == IncidentStatus::Redirected
        || change.status == IncidentStatus::UnknownFutureValue) {
        return SimResult::failure(
                400, QStringLiteral("Status '%1' cannot be set; merge incidents instead.")
                             .arg(wireName(*change.status)));
    }
    const Ticks when = nextChangeTime();
    const bool statusChanged = change.status && *change.status != incident->status;
    if (change.status)
        incident->status = *change.status;
    if (change.assignedTo)
        incident->assignedTo = *change.assignedTo;
    if (change.classification)
        incident->classification = *change.classification;
    if (change.determination)
        incident->determination = *change.determination;
    if (change.customTags)
        incident->customTags = *change.customTags;
    if (change.displayName)
        incident->displayName = *change.displayName;
    if (change.severity)
        incident->severity = *change.severity;
    incident->lastUpdateDateTime = when;
    if (!change.modifiedBy.isEmpty())
        incident->lastModifiedBy = change.modifiedBy;
    if (statusChanged
        || (incident->status == IncidentStatus::Resolved
            && (change.classification || change.determination)))
        propagateToAlerts(*incident, when);
    return {};
}

SimResult SimTenant::addComment(qint64 id, const QString &text, const QString &author)
{
    Incident *incident = mutableIncident(id);
    if (!incident)
        return SimResult::failure(404, QStringLiteral("Incident '%1' was not found.").arg(id));
    const Ticks when = nextChangeTime();
    incident->comments.append({text, author, when});
    incident->lastUpdateDateTime = when;
    return {};
}

SimResult SimTenant::addAlerts(qint64 id, int count)
{
    Incident *incident = mutableIncident(id);
    if (!incident)
        return SimResult::failure(404, QStringLiteral("Incident '%1' was not found.").arg(id));
    if (count < 1 || count > 5000)
        return SimResult::failure(400, QStringLiteral("'count' must be between 1 and 5000."));
    if (incident->status == IncidentStatus::Redirected) {
        return SimResult::failure(400,
                                  QStringLiteral("Incident '%1' is redirected; add alerts to '%2'.")
                                          .arg(id)
                                          .arg(incident->redirectIncidentId));
    }
    const Ticks from = nextChangeTime();
    addGeneratedAlerts(*incident, count, from, from, m_random);
    for (const qint32 index : std::as_const(incident->alerts))
        incident->severity
                = std::max(incident->severity, m_alerts[static_cast<std::size_t>(index)].severity);
    incident->lastUpdateDateTime = nextChangeTime();
    return {};
}

qint64 SimTenant::createIncident(int alertCount, Severity severity, const QString &title)
{
    const Ticks created = nextChangeTime();
    Incident incident = TenantGenerator::makeIncident(m_random, created, created);
    incident.id = m_nextIncidentId;
    incident.status = IncidentStatus::Active;
    incident.assignedTo = QString();
    incident.classification = Classification::Unknown;
    incident.determination = Determination::Unknown;
    incident.severity = severity;
    incident.lastModifiedBy = QStringLiteral("Microsoft 365 Defender");
    if (!title.isEmpty())
        incident.displayName = title;
    const qint64 id = appendIncident(std::move(incident));
    Incident &stored = *mutableIncident(id);
    addGeneratedAlerts(stored, std::max(alertCount, 0), created, created, m_random);
    stored.lastUpdateDateTime = nextChangeTime();
    return id;
}

SimResult SimTenant::mergeIncidents(qint64 sourceId, qint64 targetId)
{
    Incident *source = mutableIncident(sourceId);
    Incident *target = mutableIncident(targetId);
    if (!source || !target) {
        return SimResult::failure(
                404,
                QStringLiteral("Incident '%1' was not found.").arg(source ? targetId : sourceId));
    }
    if (sourceId == targetId)
        return SimResult::failure(400, QStringLiteral("An incident cannot be merged into itself."));
    if (source->status == IncidentStatus::Redirected
        || target->status == IncidentStatus::Redirected) {
        return SimResult::failure(
                400, QStringLiteral("Redirected incidents cannot take part in a merge."));
    }
    mergeAt(*source, *target, nextChangeTime());
    return {};
}

QString SimTenant::issueToken(Ticks lifetime)
{
    QByteArray bytes(48, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()),
                                          bytes.size() / 4);
    const QString token = QLatin1String("eyJ0eXAiOiJKV1QiLCJ2aWdpbC1zaW0iOnRydWV9.")
                          + QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding
                                                               | QByteArray::OmitTrailingEquals));
    m_tokens.insert(token, currentTicks() + lifetime);
    return token;
}

TokenState SimTenant::tokenState(const QString &token) const
{
    const auto it = m_tokens.constFind(token);
    if (it == m_tokens.cend())
        return TokenState::Unknown;
    return *it > currentTicks() ? TokenState::Valid : TokenState::Expired;
}

void SimTenant::expireTokens()
{
    for (auto it = m_tokens.begin(); it != m_tokens.end(); ++it)
        *it = 0;
}

qint32 SimTenant::appendAlert(Alert alert)
{
    // Ids are derived from the seed; on the (rare) hash collision pick another seed so that
    // every rendered id stays unique and can be looked up.
    while (m_alertIndex.contains(idHash(alertId(alert))))
        ++alert.seed;
    const auto index = static_cast<qint32>(m_alerts.size());
    m_alertIndex.insert(idHash(alertId(alert)), index);
    m_alerts.push_back(alert);
    return index;
}

qint64 SimTenant::appendIncident(Incident incident)
{
    const qint64 id = incident.id;
    m_incidentIndex.insert(id, static_cast<qint32>(m_incidents.size()));
    m_incidents.push_back(std::move(incident));
    m_nextIncidentId = std::max(m_nextIncidentId, id + 1);
    return id;
}

void SimTenant::addGeneratedAlerts(Incident &incident, int count, Ticks from, Ticks to,
                                   QRandomGenerator &random)
{
    const auto templates = Catalogue::alertTemplates();
    const auto templateCount = static_cast<quint32>(templates.size());
    const auto primaryTemplate = static_cast<quint16>(incident.seed % templateCount);
    const auto primaryDevice = static_cast<quint16>(
            (incident.seed >> 4) % static_cast<quint32>(Catalogue::deviceCount()));
    const auto primaryUser = static_cast<quint16>(
            (incident.seed >> 12) % static_cast<quint32>(Catalogue::users().size()));
    const int maxSeverity = static_cast<int>(incident.severity);
    for (int k = 0; k < count; ++k) {
        Alert alert;
        alert.incidentId = incident.id;
        alert.seed = random.generate();
        alert.templateIndex = (k == 0 || random.generateDouble() < 0.5)
                                      ? primaryTemplate
                                      : static_cast<quint16>(random.bounded(templateCount));
        alert.createdDateTime
                = k == 0 ? from
                         : from
                                   + static_cast<Ticks>(random.generateDouble()
                                                        * static_cast<double>(to - from));
        alert.firstActivityDateTime
                = alert.createdDateTime
                  - static_cast<Ticks>(random.bounded(2 * 3600)) * TicksPerSecond
                  - random.bounded(TicksPerSecond);
        alert.lastActivityDateTime
                = alert.firstActivityDateTime
                  + static_cast<Ticks>(random.generateDouble()
                                       * static_cast<double>(alert.createdDateTime
                                                             - alert.firstActivityDateTime));
        alert.lastUpdateDateTime = std::min(
                alert.createdDateTime + static_cast<Ticks>(random.bounded(1800)) * TicksPerSecond,
                std::max(to, alert.createdDateTime));
        if (maxSeverity <= static_cast<int>(Severity::Informational) || k == 0)
            alert.severity = incident.severity;
        else
            alert.severity = static_cast<Severity>(1 + random.bounded(maxSeverity));
        alert.deviceIndex
                = random.generateDouble() < 0.7
                          ? primaryDevice
                          : static_cast<quint16>(random.bounded(Catalogue::deviceCount()));
        alert.userIndex = random.generateDouble() < 0.7
                                  ? primaryUser
                                  : static_cast<quint16>(random.bounded(
                                          static_cast<int>(Catalogue::users().size())));
        incident.alerts.append(appendAlert(alert));
        incident.lastUpdateDateTime
                = std::max(incident.lastUpdateDateTime, alert.lastUpdateDateTime);
    }
    sortAlertsByCreation(incident.alerts, m_alerts);
}

void SimTenant::mergeAt(Incident &source, Incident &target, Ticks when)
{
    for (const qint32 index : std::as_const(source.alerts)) {
        Alert &alert = m_alerts[static_cast<std::size_t>(index)];
        alert.incidentId = target.id;
        alert.lastUpdateDateTime = std::max(alert.lastUpdateDateTime, when);
        target.severity = std::max(target.severity, alert.severity);
    }
    target.alerts.append(source.alerts);
    sortAlertsByCreation(target.alerts, m_alerts);
    source.alerts.clear();
    for (const QString &tag : std::as_const(source.customTags)) {
        if (!target.customTags.contains(tag))
            target.customTags.append(tag);
    }
    source.customTags.clear();
    source.status = IncidentStatus::Redirected;
    source.redirectIncidentId = target.id;
    source.lastUpdateDateTime = std::max(source.lastUpdateDateTime, when);
    target.lastUpdateDateTime = std::max(target.lastUpdateDateTime, when);
}

void SimTenant::propagateToAlerts(Incident &incident, Ticks when)
{
    for (const qint32 index : std::as_const(incident.alerts)) {
        Alert &alert = m_alerts[static_cast<std::size_t>(index)];
        switch (incident.status) {
        case IncidentStatus::Resolved:
            alert.status = AlertStatus::Resolved;
            if (alert.resolvedDateTime == 0)
                alert.resolvedDateTime = std::max(when, alert.createdDateTime);
            alert.classification = incident.classification;
            alert.determination = incident.determination;
            break;
        case IncidentStatus::Active:
            alert.status = AlertStatus::New;
            alert.resolvedDateTime = 0;
            break;
        default:
            if (alert.status == AlertStatus::Resolved)
                alert.resolvedDateTime = 0;
            alert.status = AlertStatus::InProgress;
            break;
        }
        alert.lastUpdateDateTime
                = std::max({alert.lastUpdateDateTime, when, alert.createdDateTime});
    }
}

} // namespace Vigil::Sim
