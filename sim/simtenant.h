#pragma once

#include "faultinjector.h"
#include "simoptions.h"
#include "simtypes.h"

#include <QHash>
#include <QRandomGenerator>
#include <QString>

#include <optional>
#include <vector>

namespace Vigil::Sim {

/** The outcome of a tenant operation: empty message = success. */
struct SimResult
{
    int httpStatus = 200;
    QString message;

    bool ok() const { return message.isEmpty(); }
    static SimResult failure(int status, const QString &text) { return {status, text}; }
};

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
};

enum class TokenState { Valid, Expired, Unknown };

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
    SimResult addComment(qint64 id, const QString &text, const QString &author);
    SimResult addAlerts(qint64 id, int count);
    qint64 createIncident(int alertCount, Severity severity, const QString &title);
    SimResult mergeIncidents(qint64 sourceId, qint64 targetId);

    QString issueToken(Ticks lifetime);
    TokenState tokenState(const QString &token) const;
    void expireTokens();

    FaultInjector &faults() { return m_faults; }
    void setFault(const FaultRule &rule) { m_faults.addRule(rule); }
    void clearFaults() { m_faults.clear(); }
    int faultsInjected() const { return m_faults.injectedCount(); }

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

    SimOptions m_options;
    std::vector<Incident> m_incidents;
    std::vector<Alert> m_alerts;
    QHash<qint64, qint32> m_incidentIndex;
    QHash<quint64, qint32> m_alertIndex; // hash of the rendered alert id -> alert
    QHash<QString, Ticks> m_tokens; // token -> expiry
    FaultInjector m_faults;
    QRandomGenerator m_random; // later activity (new alerts, new incidents), seeded
    Ticks m_lastChange = 0;
    qint64 m_nextIncidentId = 0;
};

} // namespace Vigil::Sim
