#pragma once

#include "faultinjector.h"
#include "huntingdata.h"
#include "identity.h"
#include "simoptions.h"
#include "simtypes.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace Vigil::Sim {

/** Who made a change: a Graph API client, the portal (admin API, live activity) or Defender. */
enum class ChangeSource { Api, Portal, System };

/** A change to an incident as the portal or the Graph API makes it; unset fields stay. */
struct IncidentChange
{
    std::optional<IncidentStatus> status;
    std::optional<QString> assignedTo; // a null QString unassigns
    std::optional<Classification> classification;
    std::optional<Determination> determination;
    std::optional<QStringList> customTags;
    std::optional<QString> displayName;
    std::optional<Severity> severity;
    QString modifiedBy;
    ChangeSource source = ChangeSource::Portal;
    QString requestId; // Graph request-id of an API change
};

/** A change to an alert through PATCH /security/alerts_v2/{id}; unset fields stay. */
struct AlertChange
{
    std::optional<AlertStatus> status;
    std::optional<QString> assignedTo; // a null QString unassigns
    std::optional<Classification> classification;
    std::optional<Determination> determination;
    QString modifiedBy;
    ChangeSource source = ChangeSource::Api;
    QString requestId;
};

/** Per-alert state that only writes create; most alerts never have any. */
struct AlertAnnotations
{
    std::optional<QString> assignedTo; // overrides the incident's owner
    QList<Comment> comments;
};

/** runHuntingQuery's result limits: more rows, or a larger answer, fail the query. */
struct HuntingLimits
{
    qint64 rows = 100'000;
    qint64 bytes = 124LL * 1024 * 1024;
};

/** One entry of the change history the admin API shows. */
struct ChangeRecord
{
    qint64 sequence = 0;
    Ticks time = 0;
    qint64 incidentId = 0;
    QString alertId; // empty for incident-level changes
    ChangeSource source = ChangeSource::Portal;
    QString actor;
    QString action; // update, comment, alertUpdate, alertComment, alertsAdded, create, merge
    QJsonObject changes; // property -> {from, to}; comment -> text
    QString requestId;

    QJsonObject toJson() const;
};

/**
 * The in-memory Microsoft 365 Defender tenant: incidents, alerts, issued tokens and scripted
 * faults. Every operation of the admin API has a C++ method here. Not thread-safe: use it on the
 * thread of the SimServer that owns it.
 */
class SimTenant
{
public:
    explicit SimTenant(const SimOptions &options);

    QString tenantId() const { return m_options.tenantId; }
    QString clientId() const { return m_options.clientId; }
    QString clientSecret() const { return m_options.clientSecret; }
    int tokenLifetimeSeconds() const { return m_options.tokenLifetimeSeconds; }
    static QString appDisplayName();

    const std::vector<Incident> &incidents() const { return m_incidents; }
    const std::vector<Alert> &alerts() const { return m_alerts; }
    const Incident *incident(qint64 id) const;
    const Alert *alert(QStringView alertId) const;
    QString alertId(const Alert &alert) const;
    QString incidentWebUrl(qint64 id) const;
    QString alertWebUrl(const QString &alertId) const;

    QList<qint64> incidentIdsWithMoreAlertsThan(int count) const;
    QList<qint64> incidentIdsWithAlertCount(int count) const;
    QList<qint64> redirectedIncidentIds() const;

    SimResult updateIncident(qint64 id, const IncidentChange &change);
    SimResult addComment(qint64 id, const QString &text, const QString &author,
                         ChangeSource source = ChangeSource::Portal,
                         const QString &requestId = QString());
    SimResult updateAlert(const QString &alertId, const AlertChange &change);
    SimResult addAlertComment(const QString &alertId, const QString &text, const QString &author,
                              ChangeSource source = ChangeSource::Api,
                              const QString &requestId = QString());
    const AlertAnnotations *annotations(const Alert &alert) const; // nullptr when none
    QString alertAssignedTo(const Alert &alert) const; // the alert's own owner or the incident's

    /** Every change since the tenant was generated, oldest first; @p incidentId 0 = all. */
    QList<ChangeRecord> history(qint64 incidentId = 0) const;
    static QString sourceName(ChangeSource source);
    SimResult addAlerts(qint64 id, int count);
    /**
     * Adds count alerts of one product (serviceSource) at severity: to incident id, or, with id
     * 0, alerts no incident holds (alert types not onboarded to M365D, such as some Defender for
     * Cloud Apps alerts). Their ids go to *alertIds.
     */
    SimResult addProductAlerts(qint64 id, ServiceSource source, Severity severity, int count,
                               QStringList *alertIds);
    qint64 createIncident(int alertCount, Severity severity, const QString &title);
    SimResult mergeIncidents(qint64 sourceId, qint64 targetId);

    QString issueToken(Ticks lifetime) { return m_identity.issueAppToken(lifetime); }
    TokenState tokenState(const QString &token) const { return m_identity.tokenState(token); }
    void expireTokens() { m_identity.expireAccessTokens(); }
    IdentityProvider &identity() { return m_identity; }

    FaultInjector &faults() { return m_faults; }
    void setFault(const FaultRule &rule) { m_faults.addRule(rule); }
    void clearFaults() { m_faults.clear(); }
    int faultsInjected() const { return m_faults.injectedCount(); }

    /**
     * The advanced-hunting events (demoevents.h), written on first use so that a tenant that is
     * never hunted in starts as fast as before.
     */
    HuntingData &hunting();
    /** The reference time the tenant was generated for. */
    Ticks referenceNow() const { return m_now; }
    /**
     * The hunting clock: events Defender received after it are not there yet (a blob grows as it
     * moves). The real clock with live activity, else the reference time; a test may set it.
     */
    Ticks huntingNow() const;
    void setHuntingClock(std::function<Ticks()> clock) { m_huntingClock = std::move(clock); }
    HuntingLimits huntingLimits() const { return m_huntingLimits; }
    void setHuntingLimits(const HuntingLimits &limits) { m_huntingLimits = limits; }
    const SimOptions &options() const { return m_options; }

    /** A strictly increasing "now", so that every change has its own lastUpdateDateTime. */
    Ticks nextChangeTime();

private:
    friend class TenantGenerator;

    Incident *mutableIncident(qint64 id);
    qint32 appendAlert(Alert alert);
    qint64 appendIncident(Incident incident);
    void addGeneratedAlerts(Incident &incident, int count, Ticks from, Ticks to,
                            QRandomGenerator &random);
    void mergeAt(Incident &source, Incident &target, Ticks when);
    void propagateToAlerts(Incident &incident, Ticks when);
    Alert *mutableAlert(const QString &alertId, qint32 *index);
    void record(ChangeRecord entry);

    SimOptions m_options;
    std::vector<Incident> m_incidents;
    std::vector<Alert> m_alerts;
    QHash<qint64, qint32> m_incidentIndex;
    QHash<quint64, qint32> m_alertIndex; // hash of the rendered alert id -> alert
    IdentityProvider m_identity;
    QHash<qint32, AlertAnnotations> m_annotations; // alert index -> written state
    std::vector<ChangeRecord> m_history;
    FaultInjector m_faults;
    QRandomGenerator m_random; // later activity (new alerts, new incidents), seeded
    Ticks m_lastChange = 0;
    qint64 m_nextIncidentId = 0;
    Ticks m_now = 0;
    std::unique_ptr<HuntingData> m_hunting;
    std::function<Ticks()> m_huntingClock;
    HuntingLimits m_huntingLimits;
};

} // namespace Vigil::Sim
