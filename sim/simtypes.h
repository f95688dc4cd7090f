#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <cstddef>
#include <optional>

namespace Vigil::Sim {

// Enumerations in Graph's wire order. Members after UnknownFutureValue are "evolvable": Graph
// replaces them by unknownFutureValue unless the request says Prefer: include-unknown-enum-members.

enum class IncidentStatus : quint8 {
    Active,
    Resolved,
    InProgress,
    Redirected,
    UnknownFutureValue,
    AwaitingAction
};

enum class AlertStatus : quint8 { Unknown, New, InProgress, Resolved, UnknownFutureValue };

enum class Severity : quint8 { Unknown, Informational, Low, Medium, High, UnknownFutureValue };

enum class Classification : quint8 {
    Unknown,
    FalsePositive,
    TruePositive,
    InformationalExpectedActivity,
    UnknownFutureValue
};

enum class Determination : quint8 {
    Unknown,
    Apt,
    Malware,
    SecurityPersonnel,
    SecurityTesting,
    UnwantedSoftware,
    Other,
    MultiStagedAttack,
    CompromisedAccount,
    Phishing,
    MaliciousUserActivity,
    NotMalicious,
    NotEnoughDataToValidate,
    ConfirmedActivity,
    LineOfBusinessApplication,
    UnknownFutureValue
};

enum class ServiceSource : quint8 {
    Unknown,
    MicrosoftDefenderForEndpoint,
    MicrosoftDefenderForIdentity,
    MicrosoftDefenderForCloudApps,
    MicrosoftDefenderForOffice365,
    Microsoft365Defender,
    AzureAdIdentityProtection,
    MicrosoftAppGovernance,
    DataLossPrevention,
    UnknownFutureValue,
    MicrosoftDefenderForCloud
};

enum class DetectionSource : quint8 {
    Unknown,
    MicrosoftDefenderForEndpoint,
    Antivirus,
    SmartScreen,
    CustomTi,
    MicrosoftDefenderForOffice365,
    AutomatedInvestigation,
    MicrosoftThreatExperts,
    CustomDetection,
    MicrosoftDefenderForIdentity,
    CloudAppSecurity,
    Microsoft365Defender,
    AzureAdIdentityProtection,
    Manual,
    MicrosoftDataLossPrevention,
    AppGovernancePolicy,
    AppGovernanceDetection,
    UnknownFutureValue,
    MicrosoftDefenderForCloud,
    MicrosoftDefenderForIoT,
    MicrosoftDefenderForServers,
    MicrosoftDefenderForStorage,
    MicrosoftDefenderForDNS,
    MicrosoftDefenderForDatabases,
    MicrosoftDefenderForContainers,
    MicrosoftDefenderForNetwork,
    MicrosoftDefenderForAppService,
    MicrosoftDefenderForKeyVault,
    MicrosoftDefenderForResourceManager,
    MicrosoftDefenderForApiManagement
};

/** The wire spellings of one enumeration, in declaration order. */
struct Vocabulary
{
    const char *const *names;
    std::size_t count;
    std::size_t unknownFutureValue;

    QString name(std::size_t index, bool includeEvolvable = true) const;
    std::optional<std::size_t> indexOf(QStringView wire) const;
    QStringList all() const;
};

const Vocabulary &vocabulary(IncidentStatus);
const Vocabulary &vocabulary(AlertStatus);
const Vocabulary &vocabulary(Severity);
const Vocabulary &vocabulary(Classification);
const Vocabulary &vocabulary(Determination);
const Vocabulary &vocabulary(ServiceSource);
const Vocabulary &vocabulary(DetectionSource);

template<typename E>
QString wireName(E value, bool includeEvolvable = true)
{
    return vocabulary(E{}).name(static_cast<std::size_t>(value), includeEvolvable);
}

template<typename E>
std::optional<E> fromWire(QStringView wire)
{
    const auto index = vocabulary(E{}).indexOf(wire);
    if (!index)
        return std::nullopt;
    return static_cast<E>(*index);
}

/** The outcome of a tenant operation: empty message = success. */
struct SimResult
{
    int httpStatus = 200;
    QString message;

    bool ok() const { return message.isEmpty(); }
    static SimResult failure(int status, const QString &text) { return {status, text}; }
};

/** Time as Graph carries it: 100 ns ticks since the Unix epoch, UTC (7 fractional digits). */
using Ticks = qint64;
constexpr Ticks TicksPerSecond = 10'000'000;
constexpr Ticks TicksPerMinute = 60 * TicksPerSecond;
constexpr Ticks TicksPerHour = 60 * TicksPerMinute;
constexpr Ticks TicksPerDay = 24 * TicksPerHour;

QString formatTicks(Ticks ticks); // 2024-05-01T10:11:12.1234567Z
std::optional<Ticks> parseTicks(QStringView text);
Ticks currentTicks();

struct Comment
{
    QString comment;
    QString createdByDisplayName;
    Ticks createdDateTime = 0;
};

/** One incident, stored compactly; rendered to Graph JSON on demand. */
struct Incident
{
    qint64 id = 0;
    Ticks createdDateTime = 0;
    Ticks lastUpdateDateTime = 0;
    qint64 redirectIncidentId = 0; // 0 = not redirected
    QString displayName;
    QString assignedTo; // null = unassigned
    QString lastModifiedBy;
    QStringList customTags;
    QStringList systemTags;
    QList<Comment> comments;
    QList<qint32> alerts; // indexes into SimTenant's alert table, oldest first
    quint32 seed = 0;
    IncidentStatus status = IncidentStatus::Active;
    Severity severity = Severity::Medium;
    Classification classification = Classification::Unknown;
    Determination determination = Determination::Unknown;
};

/**
 * One alert. Title, category, techniques and sources come from a template; evidence and ids are
 * derived from the seed when rendered, which keeps 100,000-incident tenants small in memory.
 */
struct Alert
{
    Ticks createdDateTime = 0;
    Ticks lastUpdateDateTime = 0;
    Ticks firstActivityDateTime = 0;
    Ticks lastActivityDateTime = 0;
    Ticks resolvedDateTime = 0; // 0 = null
    qint64 incidentId = 0;
    quint32 seed = 0;
    quint16 templateIndex = 0;
    quint16 deviceIndex = 0;
    quint16 userIndex = 0;
    AlertStatus status = AlertStatus::New;
    Severity severity = Severity::Medium;
    Classification classification = Classification::Unknown;
    Determination determination = Determination::Unknown;
};

} // namespace Vigil::Sim
