#include "simserver.h"

#include "simhttp_p.h"

#include "graphrenderer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

// The single-entity side of SimServer: GET and PATCH of one incident or alert, and the comments
// posted to them, with the 400s and 404s Graph answers for what it refuses.

namespace Vigil::Sim {

HttpReply SimServer::getIncident(const Request &request, qint64 id)
{
    const Incident *incident = m_tenant.incident(id);
    if (!incident) {
        return request.graphError(
                404, QStringLiteral("NotFound"),
                QStringLiteral("Incident '%1' was not found.").arg(lastSegment(request.path)));
    }
    const QString expand = request.option("$expand");
    if (!expand.isEmpty() && expand != QLatin1String("alerts")) {
        return request.badQuery(QStringLiteral("Could not find a property named '%1' on type "
                                               "'microsoft.graph.security.incident'.")
                                        .arg(expand));
    }
    const GraphRenderer renderer(m_tenant, request.includeEvolvable);
    QJsonObject json = renderer.incident(*incident, expand == QLatin1String("alerts"));
    json.insert(QLatin1String("@odata.context"),
                request.link(QLatin1String("/v1.0/$metadata#security/incidents/$entity")));
    return HttpReply::json(json);
}

namespace {

/** Graph's 400 for a value that is not a member of the property's enum type. */
HttpReply invalidEnumReply(const SimServer::Request &request, const QString &property,
                           const QJsonValue &value, const QString &type)
{
    return request.graphError(
            400, QStringLiteral("BadRequest"),
            QStringLiteral("Cannot convert the literal '%1' to the expected type '%2' of "
                           "property '%3'.")
                    .arg(value.isString()
                                 ? value.toString()
                                 : QString::fromUtf8(QJsonDocument(QJsonArray{value})
                                                             .toJson(QJsonDocument::Compact)),
                         type, property));
}

/**
 * Reads a PATCH property that incidents and alerts share (classification, determination,
 * assignedTo) into change. Returns false for other properties; *refused is set to Graph's 400
 * when the value is not acceptable.
 */
template<typename Change>
bool readSharedTriageField(const SimServer::Request &request, const QString &key,
                           const QJsonValue &v, Change &change, std::optional<HttpReply> *refused)
{
    if (key == QLatin1String("classification")) {
        const auto value = fromWire<Classification>(v.toString());
        if (!v.isString() || !value || *value == Classification::UnknownFutureValue) {
            *refused = invalidEnumReply(
                    request, key, v,
                    QStringLiteral("microsoft.graph.security.alertClassification"));
            return true;
        }
        change.classification = value;
        return true;
    }
    if (key == QLatin1String("determination")) {
        const auto value = fromWire<Determination>(v.toString());
        if (!v.isString() || !value || *value == Determination::UnknownFutureValue) {
            *refused = invalidEnumReply(
                    request, key, v, QStringLiteral("microsoft.graph.security.alertDetermination"));
            return true;
        }
        if (*value == Determination::Apt || *value == Determination::SecurityPersonnel) {
            *refused = request.graphError(400, QStringLiteral("BadRequest"),
                                          QStringLiteral("The determination '%1' is deprecated "
                                                         "and can no longer be set.")
                                                  .arg(v.toString()));
            return true;
        }
        change.determination = value;
        return true;
    }
    if (key == QLatin1String("assignedTo")) {
        if (!v.isNull() && !v.isString()) {
            *refused = request.graphError(400, QStringLiteral("BadRequest"),
                                          QStringLiteral("'assignedTo' must be a string or null."));
            return true;
        }
        const QString owner = v.toString();
        change.assignedTo = owner.isEmpty() ? QString() : owner;
        return true;
    }
    return false;
}

} // namespace

HttpReply SimServer::patchIncident(const Request &request, qint64 id)
{
    if (!m_tenant.incident(id)) {
        return request.graphError(
                404, QStringLiteral("NotFound"),
                QStringLiteral("Incident '%1' was not found.").arg(lastSegment(request.path)));
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return request.graphError(400, QStringLiteral("BadRequest"),
                                  QStringLiteral("Invalid request body: a JSON object is "
                                                 "expected."));
    }
    const QJsonObject body = document.object();
    IncidentChange change;
    change.modifiedBy = request.actor;
    change.source = ChangeSource::Api;
    change.requestId = request.requestId;
    static const QStringList ReadOnly{QStringLiteral("id"),
                                      QStringLiteral("tenantId"),
                                      QStringLiteral("displayName"),
                                      QStringLiteral("description"),
                                      QStringLiteral("severity"),
                                      QStringLiteral("createdDateTime"),
                                      QStringLiteral("lastUpdateDateTime"),
                                      QStringLiteral("incidentWebUrl"),
                                      QStringLiteral("redirectIncidentId"),
                                      QStringLiteral("systemTags"),
                                      QStringLiteral("comments"),
                                      QStringLiteral("lastModifiedBy"),
                                      QStringLiteral("alerts")};
    for (auto it = body.begin(); it != body.end(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        if (key.startsWith(u'@'))
            continue;
        if (key == QLatin1String("status")) {
            const auto status = fromWire<IncidentStatus>(v.toString());
            if (!v.isString() || !status)
                return invalidEnumReply(request, key, v,
                                        QStringLiteral("microsoft.graph.security.incidentStatus"));
            if (*status != IncidentStatus::Active && *status != IncidentStatus::InProgress
                && *status != IncidentStatus::Resolved) {
                return request.graphError(400, QStringLiteral("BadRequest"),
                                          QStringLiteral("The status '%1' cannot be set through "
                                                         "the API.")
                                                  .arg(v.toString()));
            }
            change.status = status;
        } else if (std::optional<HttpReply> refused;
                   readSharedTriageField(request, key, v, change, &refused)) {
            if (refused)
                return *refused;
        } else if (key == QLatin1String("customTags")) {
            if (!v.isArray()) {
                return request.graphError(400, QStringLiteral("BadRequest"),
                                          QStringLiteral("'customTags' must be an array of "
                                                         "strings."));
            }
            QStringList tags;
            for (const QJsonValue tag : v.toArray()) {
                if (!tag.isString()) {
                    return request.graphError(400, QStringLiteral("BadRequest"),
                                              QStringLiteral("'customTags' must be an array of "
                                                             "strings."));
                }
                tags.append(tag.toString());
            }
            change.customTags = tags;
        } else if (ReadOnly.contains(key)) {
            return request.graphError(400, QStringLiteral("BadRequest"),
                                      QStringLiteral("The property '%1' is read-only and cannot "
                                                     "be updated.")
                                              .arg(key));
        } else {
            return request.graphError(
                    400, QStringLiteral("BadRequest"),
                    QStringLiteral("The property '%1' does not exist on type "
                                   "'microsoft.graph.security.incident'. Make sure to only use "
                                   "property names that are defined by the type.")
                            .arg(key));
        }
    }
    const SimResult result = m_tenant.updateIncident(id, change);
    if (!result.ok())
        return request.graphError(result.httpStatus, QStringLiteral("BadRequest"), result.message);
    const GraphRenderer renderer(m_tenant, request.includeEvolvable);
    QJsonObject json = renderer.incident(*m_tenant.incident(id), false);
    json.insert(QLatin1String("@odata.context"),
                request.link(QLatin1String("/v1.0/$metadata#security/incidents/$entity")));
    return HttpReply::json(json);
}

namespace {

/** The text of a POST …/comments body, or the 400 Graph answers. */
std::optional<HttpReply> parseComment(const SimServer::Request &request, QString *text)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return request.graphError(400, QStringLiteral("BadRequest"),
                                  QStringLiteral("Invalid request body: a JSON object is "
                                                 "expected."));
    }
    const QJsonObject body = document.object();
    const QString type = body.value(QLatin1String("@odata.type")).toString();
    if (!type.isEmpty() && type != QLatin1String("microsoft.graph.security.alertComment")
        && type != QLatin1String("#microsoft.graph.security.alertComment")) {
        return request.graphError(400, QStringLiteral("BadRequest"),
                                  QStringLiteral("A type named '%1' could not be resolved by the "
                                                 "model.")
                                          .arg(type));
    }
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (it.key() != QLatin1String("comment") && !it.key().startsWith(u'@')) {
            return request.graphError(
                    400, QStringLiteral("BadRequest"),
                    QStringLiteral("The property '%1' does not exist on type "
                                   "'microsoft.graph.security.alertComment'. Make sure to only "
                                   "use property names that are defined by the type.")
                            .arg(it.key()));
        }
    }
    *text = body.value(QLatin1String("comment")).toString();
    if (text->trimmed().isEmpty()) {
        return request.graphError(400, QStringLiteral("BadRequest"),
                                  QStringLiteral("The comment must not be empty."));
    }
    return std::nullopt;
}

} // namespace

HttpReply SimServer::postComment(const Request &request, qint64 id)
{
    if (!m_tenant.incident(id)) {
        return request.graphError(404, QStringLiteral("NotFound"),
                                  QStringLiteral("Incident '%1' was not found.")
                                          .arg(request.path.section(u'/', -2, -2)));
    }
    QString text;
    if (auto bad = parseComment(request, &text))
        return *bad;
    m_tenant.addComment(id, text, request.actor, ChangeSource::Api, request.requestId);
    const GraphRenderer renderer(m_tenant, request.includeEvolvable);
    return HttpReply::json(QJsonObject{
            {QLatin1String("@odata.context"),
             request.link(QLatin1String(
                     "/v1.0/$metadata#Collection(microsoft.graph.security.alertComment)"))},
            {QLatin1String("value"), renderer.comments(m_tenant.incident(id)->comments)}});
}

HttpReply SimServer::getAlert(const Request &request, const QString &id)
{
    const Alert *alert = m_tenant.alert(id);
    if (!alert) {
        return request.graphError(404, QStringLiteral("NotFound"),
                                  QStringLiteral("Alert '%1' was not found.").arg(id));
    }
    const GraphRenderer renderer(m_tenant, request.includeEvolvable);
    QJsonObject json = renderer.alert(*alert);
    json.insert(QLatin1String("@odata.context"),
                request.link(QLatin1String("/v1.0/$metadata#security/alerts_v2/$entity")));
    return HttpReply::json(json);
}

HttpReply SimServer::patchAlert(const Request &request, const QString &id)
{
    if (!m_tenant.alert(id)) {
        return request.graphError(404, QStringLiteral("NotFound"),
                                  QStringLiteral("Alert '%1' was not found.").arg(id));
    }
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return request.graphError(400, QStringLiteral("BadRequest"),
                                  QStringLiteral("Invalid request body: a JSON object is "
                                                 "expected."));
    }
    const QJsonObject body = document.object();
    AlertChange change;
    change.modifiedBy = request.actor;
    change.source = ChangeSource::Api;
    change.requestId = request.requestId;
    for (auto it = body.begin(); it != body.end(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        if (key.startsWith(u'@'))
            continue;
        if (key == QLatin1String("status")) {
            const auto status = fromWire<AlertStatus>(v.toString());
            if (!v.isString() || !status)
                return invalidEnumReply(request, key, v,
                                        QStringLiteral("microsoft.graph.security.alertStatus"));
            if (*status != AlertStatus::New && *status != AlertStatus::InProgress
                && *status != AlertStatus::Resolved) {
                return request.graphError(400, QStringLiteral("BadRequest"),
                                          QStringLiteral("The status '%1' cannot be set through "
                                                         "the API.")
                                                  .arg(v.toString()));
            }
            change.status = status;
        } else if (std::optional<HttpReply> refused;
                   readSharedTriageField(request, key, v, change, &refused)) {
            if (refused)
                return *refused;
        } else {
            const GraphRenderer probe(m_tenant, true);
            const bool known = probe.alert(*m_tenant.alert(id)).contains(key);
            return request.graphError(
                    400, QStringLiteral("BadRequest"),
                    known ? QStringLiteral("The property '%1' is read-only and cannot be "
                                           "updated.")
                                    .arg(key)
                          : QStringLiteral("The property '%1' does not exist on type "
                                           "'microsoft.graph.security.alert'. Make sure to only "
                                           "use property names that are defined by the type.")
                                    .arg(key));
        }
    }
    const SimResult result = m_tenant.updateAlert(id, change);
    if (!result.ok())
        return request.graphError(result.httpStatus, QStringLiteral("BadRequest"), result.message);
    const GraphRenderer renderer(m_tenant, request.includeEvolvable);
    QJsonObject json = renderer.alert(*m_tenant.alert(id));
    json.insert(QLatin1String("@odata.context"),
                request.link(QLatin1String("/v1.0/$metadata#security/alerts_v2/$entity")));
    return HttpReply::json(json);
}

HttpReply SimServer::postAlertComment(const Request &request, const QString &id)
{
    if (!m_tenant.alert(id)) {
        return request.graphError(404, QStringLiteral("NotFound"),
                                  QStringLiteral("Alert '%1' was not found.").arg(id));
    }
    QString text;
    if (auto bad = parseComment(request, &text))
        return *bad;
    m_tenant.addAlertComment(id, text, request.actor, ChangeSource::Api, request.requestId);
    const AlertAnnotations *extra = m_tenant.annotations(*m_tenant.alert(id));
    const GraphRenderer renderer(m_tenant, request.includeEvolvable);
    return HttpReply::json(QJsonObject{
            {QLatin1String("@odata.context"),
             request.link(QLatin1String(
                     "/v1.0/$metadata#Collection(microsoft.graph.security.alertComment)"))},
            {QLatin1String("value"),
             renderer.comments(extra ? extra->comments : QList<Comment>())}});
}

} // namespace Vigil::Sim
