#include "simserver.h"

#include "simhttp_p.h"

#include "catalogue.h"
#include "graphrenderer.h"
#include "odatafilter.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>

#include <algorithm>
#include <limits>

// The list side of SimServer: GET /security/incidents and /security/alerts_v2 with the OData
// query options Graph accepts on them ($top, $skip, $count, $orderby, $expand, $select, $filter),
// its page size limits, and nextLink paging.

namespace Vigil::Sim {

namespace {

/** $top, $skip, $count, $orderby, $expand, $select and $filter of one list request. */
struct ListQuery
{
    int top = 0;
    int skip = 0;
    bool count = false;
    bool expandAlerts = false;
    bool orderByLastUpdate = false;
    bool descending = true;
    QStringList select;
    ODataFilter filter;
};

struct ListSpec
{
    QString entityType;
    int maxTop = 0;
    int defaultTop = 0;
    bool expandable = false;
    QList<FilterField> fields;
    QStringList properties;
};

enum FieldKey {
    KeyCreated,
    KeyLastUpdate,
    KeyStatus,
    KeySeverity,
    KeyClassification,
    KeyDetermination,
    KeyAssignedTo,
    KeyServiceSource
};

const ListSpec &incidentSpec()
{
    static const ListSpec spec{
            QStringLiteral("microsoft.graph.security.incident"),
            IncidentTopLimit,
            IncidentTopLimit,
            true,
            {{QStringLiteral("createdDateTime"), FilterFieldType::DateTime, nullptr, KeyCreated},
             {QStringLiteral("lastUpdateDateTime"), FilterFieldType::DateTime, nullptr,
              KeyLastUpdate},
             {QStringLiteral("status"), FilterFieldType::Enum, &vocabulary(IncidentStatus{}),
              KeyStatus},
             {QStringLiteral("severity"), FilterFieldType::Enum, &vocabulary(Severity{}),
              KeySeverity},
             {QStringLiteral("classification"), FilterFieldType::Enum,
              &vocabulary(Classification{}), KeyClassification},
             {QStringLiteral("determination"), FilterFieldType::Enum, &vocabulary(Determination{}),
              KeyDetermination},
             {QStringLiteral("assignedTo"), FilterFieldType::String, nullptr, KeyAssignedTo}},
            {QStringLiteral("id"), QStringLiteral("tenantId"), QStringLiteral("status"),
             QStringLiteral("incidentWebUrl"), QStringLiteral("redirectIncidentId"),
             QStringLiteral("displayName"), QStringLiteral("description"),
             QStringLiteral("createdDateTime"), QStringLiteral("lastUpdateDateTime"),
             QStringLiteral("assignedTo"), QStringLiteral("classification"),
             QStringLiteral("determination"), QStringLiteral("severity"),
             QStringLiteral("customTags"), QStringLiteral("systemTags"),
             QStringLiteral("lastModifiedBy"), QStringLiteral("comments"),
             QStringLiteral("alerts")}};
    return spec;
}

const ListSpec &alertSpec()
{
    static const ListSpec spec{
            QStringLiteral("microsoft.graph.security.alert"),
            AlertTopLimit,
            AlertDefaultPageSize,
            false,
            {{QStringLiteral("createdDateTime"), FilterFieldType::DateTime, nullptr, KeyCreated},
             {QStringLiteral("lastUpdateDateTime"), FilterFieldType::DateTime, nullptr,
              KeyLastUpdate},
             {QStringLiteral("status"), FilterFieldType::Enum, &vocabulary(AlertStatus{}),
              KeyStatus},
             {QStringLiteral("severity"), FilterFieldType::Enum, &vocabulary(Severity{}),
              KeySeverity},
             {QStringLiteral("classification"), FilterFieldType::Enum,
              &vocabulary(Classification{}), KeyClassification},
             {QStringLiteral("determination"), FilterFieldType::Enum, &vocabulary(Determination{}),
              KeyDetermination},
             {QStringLiteral("serviceSource"), FilterFieldType::Enum, &vocabulary(ServiceSource{}),
              KeyServiceSource},
             {QStringLiteral("assignedTo"), FilterFieldType::String, nullptr, KeyAssignedTo}},
            {}};
    return spec;
}

class IncidentRow : public FilterRow
{
public:
    explicit IncidentRow(const Incident &incident)
        : m_incident(incident)
    { }
    Ticks dateTime(int key) const override
    {
        return key == KeyCreated ? m_incident.createdDateTime : m_incident.lastUpdateDateTime;
    }
    int enumIndex(int key) const override
    {
        switch (key) {
        case KeyStatus:
            return static_cast<int>(m_incident.status);
        case KeySeverity:
            return static_cast<int>(m_incident.severity);
        case KeyClassification:
            return static_cast<int>(m_incident.classification);
        default:
            return static_cast<int>(m_incident.determination);
        }
    }
    QString string(int) const override { return m_incident.assignedTo; }

private:
    const Incident &m_incident;
};

class AlertRow : public FilterRow
{
public:
    AlertRow(const SimTenant &tenant, const Alert &alert)
        : m_tenant(tenant)
        , m_alert(alert)
    { }
    Ticks dateTime(int key) const override
    {
        return key == KeyCreated ? m_alert.createdDateTime : m_alert.lastUpdateDateTime;
    }
    int enumIndex(int key) const override;
    QString string(int) const override { return m_tenant.alertAssignedTo(m_alert); }

private:
    const SimTenant &m_tenant;
    const Alert &m_alert;
};

int AlertRow::enumIndex(int key) const
{
    switch (key) {
    case KeyStatus:
        return static_cast<int>(m_alert.status);
    case KeySeverity:
        return static_cast<int>(m_alert.severity);
    case KeyClassification:
        return static_cast<int>(m_alert.classification);
    case KeyDetermination:
        return static_cast<int>(m_alert.determination);
    default:
        return static_cast<int>(Catalogue::alertTemplates()[m_alert.templateIndex].serviceSource);
    }
}

bool parseNonNegative(const QString &text, int *value)
{
    bool ok = false;
    const qlonglong parsed = text.toLongLong(&ok);
    if (!ok || parsed < 0 || parsed > std::numeric_limits<int>::max())
        return false;
    *value = static_cast<int>(parsed);
    return true;
}

} // namespace

namespace {

std::optional<ListQuery> parseListQuery(const SimServer::Request &request, const ListSpec &spec,
                                        HttpReply *error)
{
    ListQuery query;
    query.top = spec.defaultTop;
    static const QStringList Known{QStringLiteral("$top"),     QStringLiteral("$skip"),
                                   QStringLiteral("$count"),   QStringLiteral("$filter"),
                                   QStringLiteral("$orderby"), QStringLiteral("$expand"),
                                   QStringLiteral("$select")};
    for (const auto &[key, value] : request.query.queryItems(QUrl::FullyDecoded)) {
        if (key.startsWith(u'$') && !Known.contains(key)) {
            *error = request.badQuery(
                    QStringLiteral("The query parameter '%1' is not supported.").arg(key));
            return std::nullopt;
        }
    }
    if (request.hasOption("$top")) {
        const QString text = request.option("$top");
        if (!parseNonNegative(text, &query.top)) {
            *error = request.badQuery(QStringLiteral("Invalid value '%1' for $top query option "
                                                     "found. The $top query option requires a "
                                                     "non-negative integer value.")
                                              .arg(text));
            return std::nullopt;
        }
        if (query.top > spec.maxTop) {
            *error = request.badQuery(
                    QStringLiteral("The query specified in the URI is not valid. The limit of "
                                   "'%1' for Top query has been exceeded. The value from the "
                                   "incoming request is '%2'.")
                            .arg(spec.maxTop)
                            .arg(text));
            return std::nullopt;
        }
    }
    if (request.hasOption("$skip")) {
        const QString text = request.option("$skip");
        if (!parseNonNegative(text, &query.skip)) {
            *error = request.badQuery(QStringLiteral("Invalid value '%1' for $skip query option "
                                                     "found. The $skip query option requires a "
                                                     "non-negative integer value.")
                                              .arg(text));
            return std::nullopt;
        }
    }
    if (request.hasOption("$count")) {
        const QString text = request.option("$count");
        if (text != QLatin1String("true") && text != QLatin1String("false")) {
            *error = request.badQuery(
                    QStringLiteral("'%1' is not a valid count option.").arg(text));
            return std::nullopt;
        }
        query.count = text == QLatin1String("true");
    }
    if (request.hasOption("$expand")) {
        for (const QString &part : request.option("$expand").split(u',', Qt::SkipEmptyParts)) {
            if (spec.expandable && part.trimmed() == QLatin1String("alerts")) {
                query.expandAlerts = true;
                continue;
            }
            *error = request.badQuery(QStringLiteral("Could not find a property named '%1' on "
                                                     "type '%2'.")
                                              .arg(part.trimmed(), spec.entityType));
            return std::nullopt;
        }
    }
    if (request.hasOption("$orderby")) {
        const QStringList parts
                = request.option("$orderby").simplified().split(u' ', Qt::SkipEmptyParts);
        const QString field = parts.value(0);
        const QString direction = parts.value(1, QStringLiteral("asc"));
        if ((field != QLatin1String("lastUpdateDateTime")
             && field != QLatin1String("createdDateTime"))
            || (direction != QLatin1String("asc") && direction != QLatin1String("desc"))
            || parts.size() > 2) {
            *error = request.badQuery(QStringLiteral("Invalid OrderBy expression: '%1'. Only "
                                                     "createdDateTime and lastUpdateDateTime, "
                                                     "asc or desc, are supported.")
                                              .arg(request.option("$orderby")));
            return std::nullopt;
        }
        query.orderByLastUpdate = field == QLatin1String("lastUpdateDateTime");
        query.descending = direction == QLatin1String("desc");
    }
    if (request.hasOption("$select")) {
        for (const QString &part : request.option("$select").split(u',', Qt::SkipEmptyParts)) {
            const QString name = part.trimmed();
            if (!spec.properties.isEmpty() && !spec.properties.contains(name)) {
                *error = request.badQuery(QStringLiteral("Could not find a property named '%1' "
                                                         "on type '%2'.")
                                                  .arg(name, spec.entityType));
                return std::nullopt;
            }
            query.select.append(name);
        }
    }
    QString filterError;
    auto filter = ODataFilter::parse(request.option("$filter"), spec.fields, spec.entityType,
                                     &filterError);
    if (!filter) {
        *error = request.badQuery(filterError);
        return std::nullopt;
    }
    query.filter = std::move(*filter);
    return query;
}

QJsonObject applySelect(QJsonObject object, const QStringList &select)
{
    if (select.isEmpty())
        return object;
    QJsonObject result;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (select.contains(it.key()) || it.key() == QLatin1String("alerts")
            || it.key().startsWith(u'@'))
            result.insert(it.key(), it.value());
    }
    return result;
}

QString nextLink(const SimServer::Request &request, int nextSkip)
{
    QUrl url(request.origin() + request.path);
    QUrlQuery query;
    for (const auto &[key, value] : request.query.queryItems(QUrl::FullyDecoded)) {
        if (key != QLatin1String("$skip"))
            query.addQueryItem(key, QString(value).replace(u'%', QLatin1String("%25")));
    }
    query.addQueryItem(QStringLiteral("$skip"), QString::number(nextSkip));
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

} // namespace

HttpReply SimServer::listIncidents(const Request &request)
{
    HttpReply error;
    const auto query = parseListQuery(request, incidentSpec(), &error);
    if (!query)
        return error;
    const auto &incidents = m_tenant.incidents();
    std::vector<qint32> matches;
    matches.reserve(incidents.size());
    for (std::size_t i = 0; i < incidents.size(); ++i) {
        if (query->filter.matches(IncidentRow(incidents[i])))
            matches.push_back(static_cast<qint32>(i));
    }
    const bool byLastUpdate = query->orderByLastUpdate;
    const bool descending = query->descending;
    std::sort(matches.begin(), matches.end(), [&](qint32 a, qint32 b) {
        const Incident &x = incidents[static_cast<std::size_t>(a)];
        const Incident &y = incidents[static_cast<std::size_t>(b)];
        const Ticks tx = byLastUpdate ? x.lastUpdateDateTime : x.createdDateTime;
        const Ticks ty = byLastUpdate ? y.lastUpdateDateTime : y.createdDateTime;
        if (tx != ty)
            return descending ? tx > ty : tx < ty;
        return descending ? x.id > y.id : x.id < y.id;
    });

    const GraphRenderer renderer(m_tenant, request.includeEvolvable);
    QJsonArray value;
    const auto total = static_cast<qsizetype>(matches.size());
    const qsizetype begin = std::min<qsizetype>(query->skip, total);
    const qsizetype end = std::min<qsizetype>(begin + query->top, total);
    for (qsizetype i = begin; i < end; ++i) {
        value.append(applySelect(
                renderer.incident(
                        incidents[static_cast<std::size_t>(matches[static_cast<std::size_t>(i)])],
                        query->expandAlerts),
                query->select));
    }
    QJsonObject page{
            {QLatin1String("@odata.context"),
             request.link(query->expandAlerts
                                  ? QLatin1String("/v1.0/$metadata#security/incidents(alerts())")
                                  : QLatin1String("/v1.0/$metadata#security/incidents"))},
            {QLatin1String("value"), value}};
    if (query->count)
        page.insert(QLatin1String("@odata.count"), total);
    if (end < total && query->top > 0)
        page.insert(QLatin1String("@odata.nextLink"), nextLink(request, static_cast<int>(end)));
    return HttpReply::json(page);
}

HttpReply SimServer::listAlerts(const Request &request)
{
    HttpReply error;
    const auto query = parseListQuery(request, alertSpec(), &error);
    if (!query)
        return error;
    const auto &alerts = m_tenant.alerts();
    std::vector<qint32> matches;
    for (std::size_t i = 0; i < alerts.size(); ++i) {
        if (query->filter.matches(AlertRow(m_tenant, alerts[i])))
            matches.push_back(static_cast<qint32>(i));
    }
    const bool byLastUpdate = query->orderByLastUpdate;
    const bool descending = query->descending;
    std::sort(matches.begin(), matches.end(), [&](qint32 a, qint32 b) {
        const Alert &x = alerts[static_cast<std::size_t>(a)];
        const Alert &y = alerts[static_cast<std::size_t>(b)];
        const Ticks tx = byLastUpdate ? x.lastUpdateDateTime : x.createdDateTime;
        const Ticks ty = byLastUpdate ? y.lastUpdateDateTime : y.createdDateTime;
        if (tx != ty)
            return descending ? tx > ty : tx < ty;
        return descending ? a > b : a < b;
    });
    const GraphRenderer renderer(m_tenant, request.includeEvolvable);
    QJsonArray value;
    const auto total = static_cast<qsizetype>(matches.size());
    const qsizetype begin = std::min<qsizetype>(query->skip, total);
    const qsizetype end = std::min<qsizetype>(begin + query->top, total);
    for (qsizetype i = begin; i < end; ++i) {
        value.append(applySelect(
                renderer.alert(
                        alerts[static_cast<std::size_t>(matches[static_cast<std::size_t>(i)])]),
                query->select));
    }
    QJsonObject page{{QLatin1String("@odata.context"),
                      request.link(QLatin1String("/v1.0/$metadata#security/alerts_v2"))},
                     {QLatin1String("value"), value}};
    if (query->count)
        page.insert(QLatin1String("@odata.count"), total);
    if (end < total && query->top > 0)
        page.insert(QLatin1String("@odata.nextLink"), nextLink(request, static_cast<int>(end)));
    return HttpReply::json(page);
}

} // namespace Vigil::Sim
