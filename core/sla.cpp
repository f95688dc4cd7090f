#include "sla.h"

#include "vocabulary.h"

#include <QCoreApplication>
#include <QSettings>

namespace Vigil {

namespace {

constexpr qint64 kMinuteMs = 60LL * 1000;

qint64 minutesSetting(const QSettings &settings, const char *key, qint64 fallbackMs)
{
    bool ok = false;
    const qint64 minutes
            = settings.value(QLatin1String(key), fallbackMs / kMinuteMs).toLongLong(&ok);
    // A hand-edited file with a negative or absurd value falls back to the default.
    if (!ok || minutes < 0 || minutes > 366LL * 24 * 60)
        return fallbackMs;
    return minutes * kMinuteMs;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("Vigil::Sla", text);
}

} // namespace

qint64 SlaTargets::targetMs(const QString &graphSeverity) const
{
    switch (severityRank(graphSeverity)) {
    case 4:
        return highMs;
    case 3:
        return mediumMs;
    case 2:
        return lowMs;
    case 1:
        return informationalMs;
    default:
        return 0;
    }
}

SlaTargets SlaTargets::load(const QSettings &settings)
{
    const SlaTargets defaults;
    SlaTargets targets;
    targets.highMs = minutesSetting(settings, "sla/highMinutes", defaults.highMs);
    targets.mediumMs = minutesSetting(settings, "sla/mediumMinutes", defaults.mediumMs);
    targets.lowMs = minutesSetting(settings, "sla/lowMinutes", defaults.lowMs);
    targets.informationalMs
            = minutesSetting(settings, "sla/informationalMinutes", defaults.informationalMs);
    return targets;
}

void SlaTargets::save(QSettings &settings) const
{
    settings.setValue(QStringLiteral("sla/highMinutes"), highMs / kMinuteMs);
    settings.setValue(QStringLiteral("sla/mediumMinutes"), mediumMs / kMinuteMs);
    settings.setValue(QStringLiteral("sla/lowMinutes"), lowMs / kMinuteMs);
    settings.setValue(QStringLiteral("sla/informationalMinutes"), informationalMs / kMinuteMs);
}

bool isTriaged(const Incident &incident)
{
    return vigilStatus(incident.status) != VigilStatus::New || !incident.assignedTo.isEmpty();
}

SlaStatus slaStatus(const Incident &incident, const QDateTime &now, const SlaTargets &targets)
{
    SlaStatus status;
    const qint64 target = targets.targetMs(incident.severity);
    if (target <= 0 || !incident.createdTime.isValid())
        return status;
    status.deadline = incident.createdTime.addMSecs(target);
    if (isTriaged(incident)) {
        status.state = SlaState::Met;
        return status;
    }
    status.remainingMs = now.msecsTo(status.deadline);
    status.state = status.remainingMs < 0 ? SlaState::Overdue : SlaState::Due;
    return status;
}

qint64 incidentAgeMs(const Incident &incident, const QDateTime &now)
{
    if (!incident.createdTime.isValid() || !now.isValid())
        return 0;
    return std::max<qint64>(0, incident.createdTime.msecsTo(now));
}

QString durationText(qint64 ms)
{
    const qint64 seconds = std::max<qint64>(0, ms) / 1000;
    if (seconds < 60)
        return tr("%1s").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return tr("%1m").arg(minutes);
    const qint64 hours = minutes / 60;
    if (hours < 24)
        return tr("%1h %2m").arg(hours).arg(minutes % 60, 2, 10, QLatin1Char('0'));
    return tr("%1d %2h").arg(hours / 24).arg(hours % 24);
}

QString slaText(const SlaStatus &status)
{
    switch (status.state) {
    case SlaState::None:
        break;
    case SlaState::Met:
        return tr("Met");
    case SlaState::Due:
        return tr("%1 left").arg(durationText(status.remainingMs));
    case SlaState::Overdue:
        return tr("Overdue %1").arg(durationText(-status.remainingMs));
    }
    return {};
}

} // namespace Vigil
