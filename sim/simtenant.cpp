#include "simtenant.h"

#include "catalogue.h"
#include "demoevents.h"
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
    , m_identity(options)
    , m_faults(options.seed)
    , m_random(options.seed ^ 0x11feu)
{
    const Ticks now
            = options.now.isValid() ? options.now.toMSecsSinceEpoch() * 10'000 : currentTicks();
    m_now = now;
    TenantGenerator(*this, options.seed, now).generate(options.incidents);
    for (const Incident &incident : m_incidents)
        m_lastChange = std::max(m_lastChange, incident.lastUpdateDateTime);
    for (const Alert &alert : m_alerts)
        m_lastChange = std::max(m_lastChange, alert.lastUpdateDateTime);
}

HuntingData &SimTenant::hunting()
{
    if (!m_hunting) {
        m_hunting = std::make_unique<HuntingData>();
        // With live activity the tenant's clock runs on: rows up to six hours ahead arrive as it
        // does.
        const Ticks horizon = m_options.live ? m_now + 6 * TicksPerHour : m_now;
        DemoEventGenerator(*this, m_options.seed, m_now).generate(*m_hunting, horizon);
    }
    return *m_hunting;
}

Ticks SimTenant::huntingNow() const
{
    if (m_huntingClock)
        return m_huntingClock();
    return m_options.live ? std::max(m_now, currentTicks()) : m_now;
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
    QJsonObject changes;
    auto note = [&changes](const char *name, const QJsonValue &from, const QJsonValue &to) {
        changes.insert(QLatin1String(name),
                       QJsonObject{{QLatin1String("from"), from}, {QLatin1String("to"), to}});
    };
    auto owner = [](const QString &upn) {
        return upn.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(upn);
    };
    const bool statusChanged = change.status && *change.status != incident->status;
    if (change.status) {
        note("status", wireName(incident->status), wireName(*change.status));
        incident->status = *change.status;
    }
    if (change.assignedTo) {
        note("assignedTo", owner(incident->assignedTo), owner(*change.assignedTo));
        incident->assignedTo = *change.assignedTo;
        // Assigning an incident assigns its alerts.
        for (const qint32 index : std::as_const(incident->alerts)) {
            const auto it = m_annotations.find(index);
            if (it != m_annotations.end())
                it->assignedTo.reset();
        }
    }
    if (change.classification) {
        note("classification", wireName(incident->classification),
             wireName(*change.classification));
        incident->classification = *change.classification;
    }
    if (change.determination) {
        note("determination", wireName(incident->determination), wireName(*change.determination));
        incident->determination = *change.determination;
    }
    if (change.customTags) {
        note("customTags", QJsonArray::fromStringList(incident->customTags),
             QJsonArray::fromStringList(*change.customTags));
        incident->customTags = *change.customTags;
    }
    if (change.displayName) {
        note("displayName", incident->displayName, *change.displayName);
        incident->displayName = *change.displayName;
    }
    if (change.severity) {
        note("severity", wireName(incident->severity), wireName(*change.severity));
        incident->severity = *change.severity;
    }
    incident->lastUpdateDateTime = when;
    if (!change.modifiedBy.isEmpty())
        incident->lastModifiedBy = change.modifiedBy;
    if (statusChanged
        || (incident->status == IncidentStatus::Resolved
            && (change.classification || change.determination)))
        propagateToAlerts(*incident, when);
    record({0, when, id, QString(), change.source, change.modifiedBy, QStringLiteral("update"),
            changes, change.requestId});
    return {};
}

SimResult SimTenant::addComment(qint64 id, const QString &text, const QString &author,
                                ChangeSource source, const QString &requestId)
{
    Incident *incident = mutableIncident(id);
    if (!incident)
        return SimResult::failure(404, QStringLiteral("Incident '%1' was not found.").arg(id));
    const Ticks when = nextChangeTime();
    incident->comments.append({text, author, when});
    incident->lastUpdateDateTime = when;
    record({0, when, id, QString(), source, author, QStringLiteral("comment"),
            QJsonObject{{QLatin1String("comment"), text}}, requestId});
    return {};
}

Alert *SimTenant::mutableAlert(const QString &alertId, qint32 *index)
{
    const Alert *found = alert(alertId);
    if (!found)
        return nullptr;
    *index = static_cast<qint32>(found - m_alerts.data());
    return &m_alerts[static_cast<std::size_t>(*index)];
}

const AlertAnnotations *SimTenant::annotations(const Alert &alert) const
{
    if (m_annotations.isEmpty())
        return nullptr;
    const auto it = m_annotations.constFind(static_cast<qint32>(&alert - m_alerts.data()));
    return it == m_annotations.cend() ? nullptr : &*it;
}

QString SimTenant::alertAssignedTo(const Alert &alert) const
{
    if (const AlertAnnotations *extra = annotations(alert); extra && extra->assignedTo)
        return *extra->assignedTo;
    const Incident *parent = incident(alert.incidentId);
    return parent ? parent->assignedTo : QString();
}

SimResult SimTenant::updateAlert(const QString &alertId, const AlertChange &change)
{
    qint32 index = -1;
    Alert *alert = mutableAlert(alertId, &index);
    if (!alert)
        return SimResult::failure(404, QStringLiteral("Alert '%1' was not found.").arg(alertId));
    if (change.status == AlertStatus::Unknown || change.status == AlertStatus::UnknownFutureValue)
        return SimResult::failure(
                400, QStringLiteral("Status '%1' cannot be set.").arg(wireName(*change.status)));
    const Ticks when = nextChangeTime();
    QJsonObject changes;
    auto note = [&changes](const char *name, const QJsonValue &from, const QJsonValue &to) {
        changes.insert(QLatin1String(name),
                       QJsonObject{{QLatin1String("from"), from}, {QLatin1String("to"), to}});
    };
    auto owner = [](const QString &upn) {
        return upn.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(upn);
    };
    if (change.status) {
        note("status", wireName(alert->status), wireName(*change.status));
        alert->status = *change.status;
        if (alert->status == AlertStatus::Resolved && alert->resolvedDateTime == 0)
            alert->resolvedDateTime = std::max(when, alert->createdDateTime);
        else if (alert->status != AlertStatus::Resolved)
            alert->resolvedDateTime = 0;
    }
    if (change.assignedTo) {
        note("assignedTo", owner(alertAssignedTo(*alert)), owner(*change.assignedTo));
        m_annotations[index].assignedTo = *change.assignedTo;
    }
    if (change.classification) {
        note("classification", wireName(alert->classification), wireName(*change.classification));
        alert->classification = *change.classification;
    }
    if (change.determination) {
        note("determination", wireName(alert->determination), wireName(*change.determination));
        alert->determination = *change.determination;
    }
    alert->lastUpdateDateTime = std::max(when, alert->createdDateTime);
    if (Incident *parent = mutableIncident(alert->incidentId))
        parent->lastUpdateDateTime = std::max(parent->lastUpdateDateTime, when);
    record({0, when, alert->incidentId, alertId, change.source, change.modifiedBy,
            QStringLiteral("alertUpdate"), changes, change.requestId});
    return {};
}

SimResult SimTenant::addAlertComment(const QString &alertId, const QString &text,
                                     const QString &author, ChangeSource source,
                                     const QString &requestId)
{
    qint32 index = -1;
    Alert *alert = mutableAlert(alertId, &index);
    if (!alert)
        return SimResult::failure(404, QStringLiteral("Alert '%1' was not found.").arg(alertId));
    const Ticks when = nextChangeTime();
    m_annotations[index].comments.append({text, author, when});
    alert->lastUpdateDateTime = std::max(when, alert->createdDateTime);
    if (Incident *parent = mutableIncident(alert->incidentId))
        parent->lastUpdateDateTime = std::max(parent->lastUpdateDateTime, when);
    record({0, when, alert->incidentId, alertId, source, author, QStringLiteral("alertComment"),
            QJsonObject{{QLatin1String("comment"), text}}, requestId});
    return {};
}

void SimTenant::record(ChangeRecord entry)
{
    entry.sequence = static_cast<qint64>(m_history.size()) + 1;
    m_history.push_back(std::move(entry));
}

QList<ChangeRecord> SimTenant::history(qint64 incidentId) const
{
    QList<ChangeRecord> result;
    for (const ChangeRecord &entry : m_history) {
        if (incidentId == 0 || entry.incidentId == incidentId)
            result.append(entry);
    }
    return result;
}

QString SimTenant::sourceName(ChangeSource source)
{
    switch (source) {
    case ChangeSource::Api:
        return QStringLiteral("api");
    case ChangeSource::Portal:
        return QStringLiteral("portal");
    case ChangeSource::System:
        break;
    }
    return QStringLiteral("system");
}

QJsonObject ChangeRecord::toJson() const
{
    QJsonObject json{{QLatin1String("sequence"), sequence},
                     {QLatin1String("time"), formatTicks(time)},
                     {QLatin1String("incidentId"), QString::number(incidentId)},
                     {QLatin1String("source"), SimTenant::sourceName(source)},
                     {QLatin1String("actor"), actor},
                     {QLatin1String("action"), action},
                     {QLatin1String("changes"), changes}};
    if (!alertId.isEmpty())
        json.insert(QLatin1String("alertId"), alertId);
    if (!requestId.isEmpty())
        json.insert(QLatin1String("requestId"), requestId);
    return json;
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
    record({0, incident->lastUpdateDateTime, id, QString(), ChangeSource::System,
            QStringLiteral("Microsoft 365 Defender"), QStringLiteral("alertsAdded"),
            QJsonObject{{QLatin1String("count"), count}}, QString()});
    return {};
}

SimResult SimTenant::addProductAlerts(qint64 id, ServiceSource source, Severity severity, int count,
                                      QStringList *alertIds)
{
    Incident *incident = id ? mutableIncident(id) : nullptr;
    if (id && !incident)
        return SimResult::failure(404, QStringLiteral("Incident '%1' was not found.").arg(id));
    if (incident && incident->status == IncidentStatus::Redirected)
        return SimResult::failure(400, QStringLiteral("Incident '%1' is redirected.").arg(id));
    if (count < 1 || count > 5000)
        return SimResult::failure(400, QStringLiteral("'count' must be between 1 and 5000."));
    const auto templates = Catalogue::alertTemplates();
    std::optional<quint16> templateIndex;
    for (std::size_t t = 0; t < templates.size() && !templateIndex; ++t) {
        if (templates[t].serviceSource == source)
            templateIndex = static_cast<quint16>(t);
    }
    if (!templateIndex)
        return SimResult::failure(400, QStringLiteral("No alert kind of that serviceSource."));
    for (int k = 0; k < count; ++k) {
        Alert alert;
        alert.incidentId = id;
        alert.seed = m_random.generate();
        alert.templateIndex = *templateIndex;
        alert.createdDateTime = nextChangeTime();
        alert.lastUpdateDateTime = alert.createdDateTime;
        alert.firstActivityDateTime = alert.createdDateTime - 60 * TicksPerSecond;
        alert.lastActivityDateTime = alert.createdDateTime - TicksPerSecond;
        alert.severity = severity;
        alert.deviceIndex = static_cast<quint16>(m_random.bounded(Catalogue::deviceCount()));
        alert.userIndex = static_cast<quint16>(
                m_random.bounded(static_cast<int>(Catalogue::users().size())));
        const qint32 index = appendAlert(alert);
        if (alertIds)
            alertIds->append(alertId(m_alerts[static_cast<std::size_t>(index)]));
        if (incident) {
            incident->alerts.append(index);
            incident->severity = std::max(incident->severity, severity);
        }
    }
    if (incident) {
        incident->lastUpdateDateTime = nextChangeTime();
        record({0, incident->lastUpdateDateTime, id, QString(), ChangeSource::System,
                QStringLiteral("Microsoft 365 Defender"), QStringLiteral("alertsAdded"),
                QJsonObject{{QLatin1String("count"), count}}, QString()});
    }
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
    record({0, stored.lastUpdateDateTime, id, QString(), ChangeSource::System,
            QStringLiteral("Microsoft 365 Defender"), QStringLiteral("create"),
            QJsonObject{{QLatin1String("alerts"), alertCount}}, QString()});
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
    const Ticks when = nextChangeTime();
    mergeAt(*source, *target, when);
    const QJsonObject changes{{QLatin1String("source"), QString::number(sourceId)},
                              {QLatin1String("target"), QString::number(targetId)}};
    for (const qint64 id : {sourceId, targetId}) {
        record({0, when, id, QString(), ChangeSource::System,
                QStringLiteral("Microsoft 365 Defender"), QStringLiteral("merge"), changes,
                QString()});
    }
    return {};
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
