#include "simserver.h"

#include "simhttp_p.h"

#include "catalogue.h"
#include "graphrenderer.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

// The admin side of SimServer under /_sim/: what a test or a demo scripts in the tenant (portal
// edits, merges, new incidents and alerts, faults, expired tokens) and what it reads back
// (info, stats, history). Sign-in approvals are in simauth.cpp.

namespace Vigil::Sim {

HttpReply SimServer::adminIncidentJson(const Request &request, qint64 id, int status)
{
    Q_UNUSED(request)
    const GraphRenderer renderer(m_tenant, true);
    return HttpReply::json(renderer.incident(*m_tenant.incident(id), false), status, PlainJson);
}

HttpReply SimServer::statsJson() const
{
    QJsonObject byRoute;
    for (auto it = m_requestsByRoute.cbegin(); it != m_requestsByRoute.cend(); ++it)
        byRoute.insert(it.key(), it.value());
    return HttpReply::json(QJsonObject{{QLatin1String("requests"), m_requestCount},
                                       {QLatin1String("byRoute"), byRoute},
                                       {QLatin1String("faultsInjected"), m_tenant.faultsInjected()},
                                       {QLatin1String("hanging"), hangingCount()}},
                           200, PlainJson);
}

HttpReply SimServer::routeAdmin(const Request &request)
{
    auto adminError = [](int status, const QString &message) {
        return HttpReply::json(
                QJsonObject{{QLatin1String("error"),
                             QJsonObject{{QLatin1String("code"),
                                          status == 404 ? QStringLiteral("NotFound")
                                                        : QStringLiteral("BadRequest")},
                                         {QLatin1String("message"), message}}}},
                status, PlainJson);
    };
    const QStringList segments = request.path.split(u'/', Qt::SkipEmptyParts).mid(1);
    const QString &method = request.method;
    QJsonParseError parseError{};
    const QJsonDocument document = request.body.trimmed().isEmpty()
                                           ? QJsonDocument(QJsonObject())
                                           : QJsonDocument::fromJson(request.body, &parseError);
    if (method != QLatin1String("GET") && method != QLatin1String("DELETE")
        && (parseError.error != QJsonParseError::NoError || !document.isObject()))
        return adminError(400, QStringLiteral("The body must be a JSON object."));
    const QJsonObject body = document.object();
    auto idOf = [](const QJsonValue &value) -> qint64 {
        return value.isString() ? value.toString().toLongLong() : value.toInteger();
    };
    auto is = [&](const char *verb, std::initializer_list<const char *> path) {
        if (method != QLatin1String(verb) || segments.size() != static_cast<qsizetype>(path.size()))
            return false;
        qsizetype i = 0;
        for (const char *part : path) {
            if (QLatin1String(part) != QLatin1String("*") && segments[i] != QLatin1String(part))
                return false;
            ++i;
        }
        return true;
    };

    if (is("GET", {"hunting"}) || is("POST", {"hunting"})) {
        if (method == QLatin1String("POST")) {
            HuntingLimits limits = m_tenant.huntingLimits();
            for (auto it = body.begin(); it != body.end(); ++it) {
                const qint64 value = it.value().toInteger(-1);
                if (it.key() == QLatin1String("rowLimit") && value > 0)
                    limits.rows = value;
                else if (it.key() == QLatin1String("byteLimit") && value > 0)
                    limits.bytes = value;
                else
                    return adminError(400, QStringLiteral("Only 'rowLimit' and 'byteLimit' "
                                                          "(positive integers) can be set."));
            }
            m_tenant.setHuntingLimits(limits);
        }
        QJsonObject tables;
        HuntingData &data = m_tenant.hunting();
        for (const QString &name : data.populatedTables())
            tables.insert(name, static_cast<qint64>(data.table(name)->rows.size()));
        return HttpReply::json(
                QJsonObject{{QLatin1String("rowLimit"), m_tenant.huntingLimits().rows},
                            {QLatin1String("byteLimit"), m_tenant.huntingLimits().bytes},
                            {QLatin1String("now"), formatTicks(m_tenant.huntingNow())},
                            {QLatin1String("tables"), tables}},
                200, PlainJson);
    }
    if (is("GET", {"info"})) {
        auto ids = [](const QList<qint64> &list) {
            QJsonArray array;
            for (const qint64 id : list)
                array.append(QString::number(id));
            return array;
        };
        QHash<QString, qint64> bySource;
        for (const Alert &alert : m_tenant.alerts())
            ++bySource[wireName(Catalogue::alertTemplates()[alert.templateIndex].serviceSource)];
        QJsonObject sources;
        for (auto it = bySource.cbegin(); it != bySource.cend(); ++it)
            sources.insert(it.key(), it.value());
        return HttpReply::json(
                QJsonObject{
                        {QLatin1String("tenantId"), m_tenant.tenantId()},
                        {QLatin1String("clientId"), m_tenant.clientId()},
                        {QLatin1String("clientSecret"), m_tenant.clientSecret()},
                        {QLatin1String("appDisplayName"), SimTenant::appDisplayName()},
                        {QLatin1String("incidents"),
                         static_cast<qint64>(m_tenant.incidents().size())},
                        {QLatin1String("alerts"), static_cast<qint64>(m_tenant.alerts().size())},
                        {QLatin1String("alertsByServiceSource"), sources},
                        {QLatin1String("over150"),
                         ids(m_tenant.incidentIdsWithMoreAlertsThan(150))},
                        {QLatin1String("exactly150"), ids(m_tenant.incidentIdsWithAlertCount(150))},
                        {QLatin1String("redirected"), ids(m_tenant.redirectedIncidentIds())}},
                200, PlainJson);
    }
    if (is("GET", {"stats"}))
        return statsJson();
    if (segments.value(0) == QLatin1String("devicecode")
        || (segments.value(0) == QLatin1String("tokens")
            && segments.value(1) == QLatin1String("revoke-refresh"))) {
        bool handled = false;
        HttpReply reply = routeAdminAuth(request, segments, body, &handled);
        if (handled)
            return reply;
    }
    if (is("GET", {"history"})) {
        const qint64 since = request.option("since").toLongLong();
        QJsonArray entries;
        for (const ChangeRecord &entry : m_tenant.history()) {
            if (entry.sequence > since)
                entries.append(entry.toJson());
        }
        return HttpReply::json(QJsonObject{{QLatin1String("history"), entries}}, 200, PlainJson);
    }
    if (is("POST", {"stats", "reset"})) {
        m_requestCount = 0;
        m_requestsByRoute.clear();
        m_tenant.faults().resetCount();
        return statsJson();
    }
    if (is("POST", {"tokens", "expire"})) {
        m_tenant.expireTokens();
        return HttpReply::json(QJsonObject{{QLatin1String("expired"), true}}, 200, PlainJson);
    }
    if (is("GET", {"faults"}) || is("POST", {"faults"}) || is("DELETE", {"faults"})) {
        if (method == QLatin1String("DELETE")) {
            m_tenant.clearFaults();
        } else if (method == QLatin1String("POST")) {
            QString error;
            const auto rule = FaultRule::fromJson(body, &error);
            if (!rule)
                return adminError(400, error);
            m_tenant.setFault(*rule);
        }
        QJsonArray rules;
        for (const FaultRule &rule : m_tenant.faults().rules())
            rules.append(rule.toJson());
        return HttpReply::json(QJsonObject{{QLatin1String("faults"), rules}},
                               method == QLatin1String("POST") ? 201 : 200, PlainJson);
    }
    if (is("POST", {"merge"})) {
        const qint64 source = idOf(body.value(QLatin1String("source")));
        const qint64 target = idOf(body.value(QLatin1String("target")));
        const SimResult result = m_tenant.mergeIncidents(source, target);
        if (!result.ok())
            return adminError(result.httpStatus, result.message);
        const GraphRenderer renderer(m_tenant, true);
        return HttpReply::json(QJsonObject{{QLatin1String("source"),
                                            renderer.incident(*m_tenant.incident(source), false)},
                                           {QLatin1String("target"),
                                            renderer.incident(*m_tenant.incident(target), false)}},
                               200, PlainJson);
    }
    // {"serviceSource", "severity"?, "count"?}: alerts of one product, in an incident or alone.
    const auto addProductAlerts = [&](qint64 incidentId, const QJsonObject &spec,
                                      QStringList *ids) {
        const QString sourceText = spec.value(QLatin1String("serviceSource")).toString();
        const auto source = fromWire<ServiceSource>(sourceText);
        if (!source)
            return adminError(400, QStringLiteral("Unknown serviceSource '%1'.").arg(sourceText));
        const QString severityText
                = spec.value(QLatin1String("severity")).toString(QStringLiteral("medium"));
        const auto severity = fromWire<Severity>(severityText);
        if (!severity)
            return adminError(400, QStringLiteral("Unknown severity '%1'.").arg(severityText));
        const SimResult result = m_tenant.addProductAlerts(
                incidentId, *source, *severity, spec.value(QLatin1String("count")).toInt(1), ids);
        if (!result.ok())
            return adminError(result.httpStatus, result.message);
        return HttpReply::json(QJsonObject(), 200, PlainJson);
    };
    if (is("POST", {"alerts"})) {
        QStringList ids;
        HttpReply reply = addProductAlerts(0, body, &ids);
        if (reply.status != 200)
            return reply;
        return HttpReply::json(
                QJsonObject{{QLatin1String("alerts"), QJsonArray::fromStringList(ids)}}, 201,
                PlainJson);
    }
    if (is("POST", {"incidents"})) {
        const QString severityText
                = body.value(QLatin1String("severity")).toString(QStringLiteral("medium"));
        const auto severity = fromWire<Severity>(severityText);
        if (!severity)
            return adminError(400, QStringLiteral("Unknown severity '%1'.").arg(severityText));
        const int alerts = body.value(QLatin1String("alerts")).toInt(1);
        if (alerts < 0 || alerts > 5000)
            return adminError(400, QStringLiteral("'alerts' must be between 0 and 5000."));
        const qint64 id = m_tenant.createIncident(alerts, *severity,
                                                  body.value(QLatin1String("title")).toString());
        return adminIncidentJson(request, id, 201);
    }
    if (segments.size() >= 2 && segments[0] == QLatin1String("incidents")) {
        bool numeric = false;
        const qint64 id = segments[1].toLongLong(&numeric);
        if (!numeric || !m_tenant.incident(id))
            return adminError(404, QStringLiteral("Incident '%1' was not found.").arg(segments[1]));
        if (is("GET", {"incidents", "*", "history"})) {
            QJsonArray entries;
            for (const ChangeRecord &entry : m_tenant.history(id))
                entries.append(entry.toJson());
            return HttpReply::json(QJsonObject{{QLatin1String("incidentId"), segments[1]},
                                               {QLatin1String("history"), entries}},
                                   200, PlainJson);
        }
        if (is("GET", {"incidents", "*"})) {
            const GraphRenderer renderer(m_tenant, true);
            return HttpReply::json(renderer.incident(*m_tenant.incident(id), true), 200, PlainJson);
        }
        if (is("POST", {"incidents", "*", "alerts"})) {
            if (body.contains(QLatin1String("serviceSource"))) {
                QStringList ids;
                HttpReply reply = addProductAlerts(id, body, &ids);
                if (reply.status != 200)
                    return reply;
                return adminIncidentJson(request, id);
            }
            const SimResult result
                    = m_tenant.addAlerts(id, body.value(QLatin1String("count")).toInt(1));
            if (!result.ok())
                return adminError(result.httpStatus, result.message);
            return adminIncidentJson(request, id);
        }
        if (is("POST", {"incidents", "*"})) {
            IncidentChange change;
            change.modifiedBy = QStringLiteral("soc-lead@contoso.onmicrosoft.com");
            for (auto it = body.begin(); it != body.end(); ++it) {
                const QString key = it.key();
                const QJsonValue v = it.value();
                bool valid = true;
                if (key == QLatin1String("status")) {
                    change.status = fromWire<IncidentStatus>(v.toString());
                    valid = change.status.has_value();
                } else if (key == QLatin1String("classification")) {
                    change.classification = fromWire<Classification>(v.toString());
                    valid = change.classification.has_value();
                } else if (key == QLatin1String("determination")) {
                    change.determination = fromWire<Determination>(v.toString());
                    valid = change.determination.has_value();
                } else if (key == QLatin1String("severity")) {
                    change.severity = fromWire<Severity>(v.toString());
                    valid = change.severity.has_value();
                } else if (key == QLatin1String("assignedTo")) {
                    change.assignedTo
                            = v.isNull() || v.toString().isEmpty() ? QString() : v.toString();
                } else if (key == QLatin1String("displayName")) {
                    change.displayName = v.toString();
                    valid = v.isString() && !v.toString().isEmpty();
                } else if (key == QLatin1String("modifiedBy")) {
                    change.modifiedBy = v.toString();
                    valid = v.isString() && !v.toString().isEmpty();
                } else if (key == QLatin1String("customTags")) {
                    QStringList tags;
                    for (const QJsonValue tag : v.toArray())
                        tags.append(tag.toString());
                    change.customTags = tags;
                    valid = v.isArray();
                } else {
                    return adminError(400, QStringLiteral("Unknown property '%1'.").arg(key));
                }
                if (!valid)
                    return adminError(400, QStringLiteral("Invalid value for '%1'.").arg(key));
            }
            const SimResult result = m_tenant.updateIncident(id, change);
            if (!result.ok())
                return adminError(result.httpStatus, result.message);
            return adminIncidentJson(request, id);
        }
    }
    return adminError(404, QStringLiteral("No admin route %1 %2.").arg(method, request.path));
}

} // namespace Vigil::Sim
