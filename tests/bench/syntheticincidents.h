#pragma once

// Deterministic synthetic incidents for the queue benchmark and the window tests. They look like
// a SOC's queue (titles, owners, tags, a few merged incidents and some above 150 alerts) but
// come from no tenant.

#include "incident.h"

#include <QRandomGenerator>

namespace Vigil::Synthetic {

inline const QStringList &titles()
{
    static const QStringList list = {
            QStringLiteral(
                    "Multi-stage incident involving Initial access & Execution on one endpoint"),
            QStringLiteral("Suspicious PowerShell command line on %1"),
            QStringLiteral("Email messages containing malicious URL removed after delivery"),
            QStringLiteral("Phishing campaign targeting the finance department"),
            QStringLiteral("Ransomware activity on %1"),
            QStringLiteral("Impossible travel activity involving one user"),
            QStringLiteral("Mass download by a single user"),
            QStringLiteral("Suspicious inbox manipulation rule"),
            QStringLiteral("Credential access: LSASS memory read on %1"),
            QStringLiteral("Anonymous IP address sign-in"),
            QStringLiteral("Lateral movement using remote WMI from %1"),
            QStringLiteral("Password spray attack against multiple accounts"),
    };
    return list;
}

inline const QStringList &owners()
{
    static const QStringList list = {
            QString(),
            QStringLiteral("alice.nguyen@contoso.com"),
            QStringLiteral("bob.schmidt@contoso.com"),
            QStringLiteral("carla.dubois@contoso.com"),
            QStringLiteral("dev.patel@contoso.com"),
    };
    return list;
}

/** Incident number n (from 1), stable for a given n. */
inline Incident incident(qint64 number, const QDateTime &base)
{
    QRandomGenerator random(quint32(number * 2654435761u));
    Incident i;
    i.number = number;
    i.providerIncidentId = QString::number(100000 + number);
    i.tenantId = QStringLiteral("4b2462a4-bbee-495a-a0e1-f23ae524cc9c");
    QString title = titles().at(random.bounded(int(titles().size())));
    if (title.contains(QLatin1String("%1")))
        title = title.arg(
                QStringLiteral("FIN-WS-%1").arg(random.bounded(1, 900), 4, 10, QLatin1Char('0')));
    i.title = title;
    static const QStringList severities = {QStringLiteral("informational"), QStringLiteral("low"),
                                           QStringLiteral("medium"), QStringLiteral("high")};
    i.severity = severities.at(random.bounded(4));
    static const QStringList statuses
            = {QStringLiteral("active"), QStringLiteral("active"), QStringLiteral("inProgress"),
               QStringLiteral("awaitingAction"), QStringLiteral("resolved")};
    i.status = statuses.at(random.bounded(int(statuses.size())));
    i.assignedTo = owners().at(random.bounded(int(owners().size())));
    if (i.status == QLatin1String("resolved")) {
        i.classification = random.bounded(2) ? QStringLiteral("truePositive")
                                             : QStringLiteral("falsePositive");
        i.determination = i.classification == QLatin1String("truePositive")
                                  ? QStringLiteral("malware")
                                  : QStringLiteral("notMalicious");
    }
    if (random.bounded(5) == 0)
        i.customTags = {QStringLiteral("VIP")};
    if (random.bounded(7) == 0)
        i.customTags << QStringLiteral("Phish campaign %1").arg(random.bounded(1, 20));
    if (random.bounded(9) == 0)
        i.systemTags = {QStringLiteral("Defender Experts")};
    i.createdTime = base.addSecs(-qint64(random.bounded(60 * 24 * 3600)));
    i.lastUpdateTime = i.createdTime.addSecs(random.bounded(48 * 3600));
    i.alertCount = 1 + random.bounded(12);
    if (number % 997 == 0)
        i.alertCount = 151 + random.bounded(400);
    i.webUrl = QStringLiteral("https://security.microsoft.com/incidents/%1?tid=%2")
                       .arg(i.providerIncidentId, i.tenantId);
    return i;
}

inline QList<Incident> incidents(int count, const QDateTime &base)
{
    QList<Incident> list;
    list.reserve(count);
    for (qint64 n = 1; n <= count; ++n)
        list.append(incident(n, base));
    return list;
}

/** An incident's detail with up to `limit` of its alerts (all when limit < 0). */
inline IncidentDetail detail(const Incident &incident, int limit)
{
    IncidentDetail d;
    d.incident = incident;
    d.totalAlerts = incident.alertCount;
    const int count = limit < 0 ? incident.alertCount : std::min(limit, incident.alertCount);
    static const QStringList sources = {QStringLiteral("microsoftDefenderForEndpoint"),
                                        QStringLiteral("microsoftDefenderForOffice365"),
                                        QStringLiteral("microsoftDefenderForIdentity"),
                                        QStringLiteral("microsoftDefenderForCloudApps")};
    static const QStringList categories
            = {QStringLiteral("Execution"), QStringLiteral("InitialAccess"),
               QStringLiteral("CredentialAccess"), QStringLiteral("LateralMovement")};
    for (int a = 0; a < count; ++a) {
        Alert alert;
        alert.id = QStringLiteral("da%1_%2").arg(incident.number).arg(a);
        alert.incidentId = incident.providerIncidentId;
        alert.title = QStringLiteral("%1 (alert %2)").arg(incident.title).arg(a + 1);
        alert.severity = incident.severity;
        alert.status = a % 3 ? QStringLiteral("new") : QStringLiteral("inProgress");
        alert.serviceSource = sources.at(a % sources.size());
        alert.category = categories.at(a % categories.size());
        alert.createdTime = incident.createdTime.addSecs(a * 17);
        d.alerts.append(alert);
    }
    const auto entity = [](const char *kind, const QString &value, const QString &detailText,
                           const char *verdict) {
        Entity e;
        e.kind = QLatin1String(kind);
        e.value = value;
        e.detail = detailText;
        e.verdict = QLatin1String(verdict);
        e.remediationStatus = QStringLiteral("none");
        e.roles = {QStringLiteral("compromised")};
        return e;
    };
    d.entities = {entity("device", QStringLiteral("FIN-WS-0231"),
                         QStringLiteral("Windows 11 · 10.2.14.31"), "suspicious"),
                  entity("user", QStringLiteral("megan.bowen@contoso.com"),
                         QStringLiteral("Finance"), "suspicious"),
                  entity("ip", QStringLiteral("203.0.113.77"), QStringLiteral("NL"), "malicious"),
                  entity("file", QStringLiteral("invoice_0423.js"),
                         QStringLiteral("C:\\Users\\mbowen\\Downloads"), "malicious"),
                  entity("url", QStringLiteral("https://contoso-billing.example/login"), {},
                         "malicious")};
    Comment comment;
    comment.author = QStringLiteral("alice.nguyen@contoso.com");
    comment.text = QStringLiteral("Isolated the device; waiting for the user's manager.");
    comment.createdTime = incident.lastUpdateTime;
    d.incident.comments = {comment};
    return d;
}

} // namespace Vigil::Synthetic
