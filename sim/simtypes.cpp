#include "simtypes.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

namespace Vigil::Sim {

namespace {

constexpr const char *IncidentStatusNames[] = {
        "active", "resolved", "inProgress", "redirected", "unknownFutureValue", "awaitingAction"};
constexpr const char *AlertStatusNames[]
        = {"unknown", "new", "inProgress", "resolved", "unknownFutureValue"};
constexpr const char *SeverityNames[]
        = {"unknown", "informational", "low", "medium", "high", "unknownFutureValue"};
constexpr const char *ClassificationNames[]
        = {"unknown", "falsePositive", "truePositive", "informationalExpectedActivity",
           "unknownFutureValue"};
constexpr const char *DeterminationNames[] = {"unknown",
                                              "apt",
                                              "malware",
                                              "securityPersonnel",
                                              "securityTesting",
                                              "unwantedSoftware",
                                              "other",
                                              "multiStagedAttack",
                                              "compromisedAccount",
                                              "phishing",
                                              "maliciousUserActivity",
                                              "notMalicious",
                                              "notEnoughDataToValidate",
                                              "confirmedActivity",
                                              "lineOfBusinessApplication",
                                              "unknownFutureValue"};
constexpr const char *ServiceSourceNames[] = {"unknown",
                                              "microsoftDefenderForEndpoint",
                                              "microsoftDefenderForIdentity",
                                              "microsoftDefenderForCloudApps",
                                              "microsoftDefenderForOffice365",
                                              "microsoft365Defender",
                                              "azureAdIdentityProtection",
                                              "microsoftAppGovernance",
                                              "dataLossPrevention",
                                              "unknownFutureValue",
                                              "microsoftDefenderForCloud"};
constexpr const char *DetectionSourceNames[] = {"unknown",
                                                "microsoftDefenderForEndpoint",
                                                "antivirus",
                                                "smartScreen",
                                                "customTi",
                                                "microsoftDefenderForOffice365",
                                                "automatedInvestigation",
                                                "microsoftThreatExperts",
                                                "customDetection",
                                                "microsoftDefenderForIdentity",
                                                "cloudAppSecurity",
                                                "microsoft365Defender",
                                                "azureAdIdentityProtection",
                                                "manual",
                                                "microsoftDataLossPrevention",
                                                "appGovernancePolicy",
                                                "appGovernanceDetection",
                                                "unknownFutureValue",
                                                "microsoftDefenderForCloud",
                                                "microsoftDefenderForIoT",
                                                "microsoftDefenderForServers",
                                                "microsoftDefenderForStorage",
                                                "microsoftDefenderForDNS",
                                                "microsoftDefenderForDatabases",
                                                "microsoftDefenderForContainers",
                                                "microsoftDefenderForNetwork",
                                                "microsoftDefenderForAppService",
                                                "microsoftDefenderForKeyVault",
                                                "microsoftDefenderForResourceManager",
                                                "microsoftDefenderForApiManagement"};

template<std::size_t N>
constexpr Vocabulary makeVocabulary(const char *const (&names)[N], std::size_t unknownFuture)
{
    return Vocabulary{names, N, unknownFuture};
}

constexpr Vocabulary IncidentStatusVocabulary = makeVocabulary(IncidentStatusNames, 4);
constexpr Vocabulary AlertStatusVocabulary = makeVocabulary(AlertStatusNames, 4);
constexpr Vocabulary SeverityVocabulary = makeVocabulary(SeverityNames, 5);
constexpr Vocabulary ClassificationVocabulary = makeVocabulary(ClassificationNames, 4);
constexpr Vocabulary DeterminationVocabulary = makeVocabulary(DeterminationNames, 15);
constexpr Vocabulary ServiceSourceVocabulary = makeVocabulary(ServiceSourceNames, 9);
constexpr Vocabulary DetectionSourceVocabulary = makeVocabulary(DetectionSourceNames, 17);

} // namespace

QString Vocabulary::name(std::size_t index, bool includeEvolvable) const
{
    if (index >= count)
        return QString::fromLatin1(names[unknownFutureValue]);
    if (!includeEvolvable && index > unknownFutureValue)
        return QString::fromLatin1(names[unknownFutureValue]);
    return QString::fromLatin1(names[index]);
}

std::optional<std::size_t> Vocabulary::indexOf(QStringView wire) const
{
    // Graph's enum parsing is exact; the client must send the camelCase wire values.
    for (std::size_t i = 0; i < count; ++i) {
        if (wire == QLatin1String(names[i]))
            return i;
    }
    return std::nullopt;
}

QStringList Vocabulary::all() const
{
    QStringList result;
    for (std::size_t i = 0; i < count; ++i)
        result.append(QString::fromLatin1(names[i]));
    return result;
}

const Vocabulary &vocabulary(IncidentStatus)
{
    return IncidentStatusVocabulary;
}
const Vocabulary &vocabulary(AlertStatus)
{
    return AlertStatusVocabulary;
}
const Vocabulary &vocabulary(Severity)
{
    return SeverityVocabulary;
}
const Vocabulary &vocabulary(Classification)
{
    return ClassificationVocabulary;
}
const Vocabulary &vocabulary(Determination)
{
    return DeterminationVocabulary;
}
const Vocabulary &vocabulary(ServiceSource)
{
    return ServiceSourceVocabulary;
}
const Vocabulary &vocabulary(DetectionSource)
{
    return DetectionSourceVocabulary;
}

QString formatTicks(Ticks ticks)
{
    const qint64 seconds = ticks / TicksPerSecond;
    const qint64 fraction = ticks % TicksPerSecond;
    const QDateTime dt = QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc());
    return dt.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + u'.'
           + QStringLiteral("%1").arg(fraction, 7, 10, QLatin1Char('0')) + u'Z';
}

std::optional<Ticks> parseTicks(QStringView text)
{
    static const QRegularExpression pattern(QStringLiteral(
            R"(^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?)"
            R"((Z|z|[+-]\d{2}:\d{2})?$)"));
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const QDate date(match.capturedView(1).toInt(), match.capturedView(2).toInt(),
                     match.capturedView(3).toInt());
    const QTime time(match.capturedView(4).toInt(), match.capturedView(5).toInt(),
                     match.capturedView(6).toInt());
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    const bool hasTime = match.capturedLength(4) > 0;
    const QStringView zone = match.capturedView(8);
    // A time without a zone is ambiguous; OData requires one, a bare date means midnight UTC.
    if (hasTime && zone.isEmpty())
        return std::nullopt;
    qint64 offsetSeconds = 0;
    if (zone.size() == 6) {
        offsetSeconds
                = (qint64(zone.mid(1, 2).toInt()) * 3600 + qint64(zone.mid(4, 2).toInt()) * 60)
                  * (zone.front() == u'-' ? -1 : 1);
    }
    QString fraction = match.captured(7);
    while (fraction.size() < 7)
        fraction.append(u'0');
    const qint64 seconds = QDateTime(date, time, QTimeZone::utc()).toSecsSinceEpoch();
    return (seconds - offsetSeconds) * TicksPerSecond + fraction.toLongLong();
}

Ticks currentTicks()
{
    return QDateTime::currentMSecsSinceEpoch() * 10'000;
}

} // namespace Vigil::Sim
