#pragma once

#include "activity.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Vigil {

/** The provider name Sentinel gives to incidents that come from M365D. */
inline constexpr char16_t kProviderM365d[] = u"Microsoft 365 Defender";
/** The provider name of incidents made by Vigil's own incident-creation rules. */
inline constexpr char16_t kProviderRule[] = u"Incident creation rule";
/** Sentinel shows at most this many alerts of one incident. */
inline constexpr int kAlertDisplayLimit = 150;

/** @brief A comment on an incident or alert, from either comment shape Graph uses. Any thread. */
struct Comment
{
    QString text;
    QString author; ///< createdByDisplayName, or the legacy createdBy
    QDateTime createdTime;

    friend bool operator==(const Comment &, const Comment &) = default;
};

/**
 * @brief One piece of alert evidence, typed by kind, with the original JSON kept. Any thread.
 *
 * kind is one of: device, user, mailbox, file, process, ip, url, registryKey, registryValue,
 * email, cloudApplication, mailCluster, oauthApplication, securityGroup, or "other" for evidence
 * types Vigil does not know (odataType still says what it was).
 */
struct Entity
{
    QString kind;
    QString odataType; ///< e.g. "#microsoft.graph.security.deviceEvidence"
    QString value; ///< what identifies it to an analyst: device name, UPN, IP, sha256, ...
    QString detail; ///< a second line: OS, file path, command line, country, ...
    QString verdict;
    QString remediationStatus;
    QStringList roles;
    QByteArray rawJson; ///< the evidence object as received (compact JSON)

    friend bool operator==(const Entity &, const Entity &) = default;
};

/** @brief A Graph alerts_v2 alert. Enum fields hold the canonical wire value. Any thread. */
struct Alert
{
    QString id;
    QString providerAlertId;
    QString incidentId;
    QString title;
    QString description;
    QString category;
    QString severity;
    QString status;
    QString classification;
    QString determination;
    QString serviceSource;
    QString detectionSource;
    QString detectorId;
    QString assignedTo;
    QString alertWebUrl;
    QString incidentWebUrl;
    QString actorDisplayName;
    QString threatDisplayName;
    QString threatFamilyName;
    QString recommendedActions;
    QString tenantId;
    QString alertPolicyId;
    QStringList mitreTechniques;
    QStringList systemTags;
    QDateTime createdTime;
    QDateTime lastUpdateTime;
    QDateTime resolvedTime;
    QDateTime firstActivityTime;
    QDateTime lastActivityTime;
    QList<Comment> comments;
    QList<Entity> evidence;
    /// The `evidence` array as received, left unread by the fast page readers: most evidence is
    /// stored and never opened, so it is read when shown (evidenceFromGraphJson). Either this or
    /// evidence is set.
    QByteArray evidenceJson;
    /// `customDetails` (the detection's own key/value pairs) and `additionalData` as received
    /// (compact JSON objects), empty when Graph sent none; graphdetails.h turns them into lines.
    QByteArray customDetailsJson;
    QByteArray additionalDataJson;

    friend bool operator==(const Alert &, const Alert &) = default;
};

/** How a local incident stands with the service. */
enum class SyncState { Synced, Pending, Conflict, Error };

/**
 * @brief An incident in Vigil's unified queue. Any thread; passed between threads by value.
 *
 * Enum fields (severity, status, classification, determination) hold the canonical Graph wire
 * value when Vigil knows it and the received text verbatim when it does not; vocabulary.h turns
 * them into what the analyst sees.
 */
struct Incident
{
    qint64 number = 0; ///< local incident number, stable for the life of the store
    QString provider = QString::fromUtf16(kProviderM365d);
    QString providerIncidentId; ///< Graph incident id
    QString tenantId;
    QString title;
    QString description;
    QString summary; ///< Defender's generated summary of the incident
    QString resolvingComment; ///< the comment given when it was resolved
    QString severity;
    QString status;
    QString assignedTo;
    QString classification;
    QString determination;
    QString redirectIncidentId;
    qint64 redirectedToNumber = 0; ///< local number of the survivor, 0 when unknown or none
    QString lastModifiedBy;
    QString webUrl;
    QStringList customTags;
    QStringList systemTags;
    QDateTime createdTime;
    QDateTime lastUpdateTime;
    int alertCount = 0;
    SyncState syncState = SyncState::Synced;
    QList<Comment> comments;
    /// For incidents of Vigil's incident-creation rules: the alerts_v2 id of their only alert.
    QString ruleAlertId;
    /// For rule incidents: local number of the M365D incident that holds the same alert, else 0.
    qint64 duplicateOf = 0;
    /// What the queue's filter reads from the alerts (filled by the store's queue reads, empty
    /// elsewhere): their products as serviceSource values, and their titles and evidence names
    /// (device, account, mailbox, file, IP, URL) separated by U+001F.
    QStringList alertSources;
    QString alertText;
    /// How many comments the incident has (the queue is read without the comments themselves).
    int commentCount = 0;
    /// When the analyst last opened the incident (the store's queue read fills it): the epoch
    /// (0 ms) when they never did, invalid when it is not known (no "changed" marks then).
    QDateTime lastSeenTime;

    /** Whether one of Vigil's incident-creation rules made it (it lives only locally). */
    bool isRuleIncident() const { return !ruleAlertId.isEmpty(); }
    /** Tags as the queue shows them: custom, then system, plus "Redirected" for merged ones. */
    QStringList tags() const;
    bool isRedirected() const;

    friend bool operator==(const Incident &, const Incident &) = default;
};

/** The store key (providerIncidentId) of the rule incident of an alert; never a Graph id. */
QString ruleIncidentKey(const QString &alertId);

/** @brief An incident with its alerts, as the detail view and `incident show` need it. */
struct IncidentDetail
{
    Incident incident;
    QList<Alert> alerts; ///< possibly capped; see totalAlerts
    int totalAlerts = 0; ///< how many alerts the incident has in the store
    QList<Entity> entities; ///< de-duplicated across alerts
    QList<qint64> mergedFrom; ///< local numbers of incidents redirected into this one
    QList<ActivityEntry> activity; ///< the incident's activity log, oldest first
};

} // namespace Vigil

Q_DECLARE_METATYPE(Vigil::Incident)
Q_DECLARE_METATYPE(Vigil::IncidentDetail)
