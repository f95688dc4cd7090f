#include "simserver.h"

#include "simhttp_p.h"

#include "simfileprofile_p.h"
#include "simkql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

// POST /v1.0/security/runHuntingQuery: the tenant's advanced-hunting events through the
// simulator's own KQL subset, with the service's 30-day window and result limits. The admin
// side (/_sim/hunting) reads and sets the limits.

namespace Vigil::Sim {

namespace {

constexpr Ticks HuntingWindow = 30 * TicksPerDay;

/** An ISO-8601 duration (PnW, PnDTnHnMnS); nullopt when it is not one. */
std::optional<Ticks> parseDuration(const QString &text)
{
    static const QRegularExpression pattern(
            QStringLiteral(
                    R"(^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$)"),
            QRegularExpression::CaseInsensitiveOption);
    const auto match = pattern.match(text);
    if (!match.hasMatch() || text.size() < 3 || text.endsWith(u'T', Qt::CaseInsensitive))
        return std::nullopt;
    const Ticks units[]
            = {7 * TicksPerDay, TicksPerDay, TicksPerHour, TicksPerMinute, TicksPerSecond};
    double ticks = 0;
    for (int i = 0; i < 5; ++i)
        ticks += match.capturedView(i + 1).toDouble() * static_cast<double>(units[i]);
    return static_cast<Ticks>(ticks);
}

/** The Timespan property: start/end, duration/end, start/duration, duration, or a start. */
std::optional<std::pair<Ticks, Ticks>> parseTimespan(const QString &text, Ticks now)
{
    const QStringList parts = text.trimmed().split(u'/');
    if (parts.size() == 1) {
        if (const auto duration = parseDuration(parts[0]))
            return std::pair{now - *duration, now};
        if (const auto start = parseTicks(parts[0]))
            return std::pair{*start, now};
        return std::nullopt;
    }
    if (parts.size() != 2)
        return std::nullopt;
    const auto firstTime = parseTicks(parts[0]);
    const auto secondTime = parseTicks(parts[1]);
    const auto firstSpan = parseDuration(parts[0]);
    const auto secondSpan = parseDuration(parts[1]);
    if (firstTime && secondTime)
        return std::pair{*firstTime, *secondTime};
    if (firstSpan && secondTime)
        return std::pair{*secondTime - *firstSpan, *secondTime};
    if (firstTime && secondSpan)
        return std::pair{*firstTime, *firstTime + *secondSpan};
    return std::nullopt;
}

/** One JSON value as text (QJsonDocument takes only arrays and objects). */
QByteArray jsonText(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

} // namespace

HttpReply SimServer::runHuntingQuery(const Request &request)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return request.graphError(400, QStringLiteral("BadRequest"),
                                  QStringLiteral("The request body must be a JSON object with a "
                                                 "'Query'."));
    // The documentation capitalises the properties; the service takes any case.
    QJsonValue queryValue;
    QJsonValue timespanValue;
    const QJsonObject body = document.object();
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (it.key().compare(QLatin1String("Query"), Qt::CaseInsensitive) == 0)
            queryValue = it.value();
        else if (it.key().compare(QLatin1String("Timespan"), Qt::CaseInsensitive) == 0)
            timespanValue = it.value();
    }
    if (!queryValue.isString() || queryValue.toString().trimmed().isEmpty())
        return request.graphError(400, QStringLiteral("BadRequest"),
                                  QStringLiteral("The 'Query' property is missing or empty."));

    const Ticks now = m_tenant.huntingNow();
    Kql::Scope scope{now, now - HuntingWindow, now};
    if (!timespanValue.isNull() && !timespanValue.isUndefined()) {
        const auto span = timespanValue.isString() ? parseTimespan(timespanValue.toString(), now)
                                                   : std::nullopt;
        if (!span || span->first > span->second)
            return request.graphError(400, QStringLiteral("BadRequest"),
                                      QStringLiteral("The Timespan '%1' is not an ISO-8601 "
                                                     "interval or duration.")
                                              .arg(timespanValue.toVariant().toString()));
        // Advanced hunting keeps 30 days: a longer span sees no more.
        scope.from = std::max(scope.from, span->first);
        scope.to = std::min(scope.to, span->second);
    }

    Kql::QueryError error;
    std::optional<Kql::ResultSet> result;
    Kql::ResultSet profiles;
    if (answerFileProfile(queryValue.toString(), m_tenant.hunting(), now, &profiles, &error.message)
        || answerSeenBy(queryValue.toString(), m_tenant.hunting(), now, &profiles,
                        &error.message)) {
        if (error.message.isEmpty())
            result = std::move(profiles);
    } else if (const std::optional<Kql::Query> query = Kql::parse(queryValue.toString(), &error)) {
        result = Kql::run(*query, m_tenant.hunting(), scope, &error);
    }
    if (!result) {
        const QString message
                = error.unsupported
                          ? QStringLiteral("The query could not be understood by the simulated "
                                           "tenant: %1 is not supported (see the simulator's "
                                           "README for the KQL it answers).")
                                    .arg(error.message)
                          : QStringLiteral("The query could not be understood by the simulated "
                                           "tenant: %1")
                                    .arg(error.message);
        return request.graphError(400, QStringLiteral("BadRequest"), message);
    }

    const HuntingLimits limits = m_tenant.huntingLimits();
    const QString tooLarge = QStringLiteral("Query execution has exceeded the allowed result "
                                            "size. Optimize your query by taking fewer results "
                                            "and try again.");
    if (static_cast<qint64>(result->rows.size()) > limits.rows)
        return request.graphError(400, QStringLiteral("BadRequest"), tooLarge);

    // Written by hand: rows keep the schema's column order, which QJsonObject would sort.
    QJsonArray schema;
    QList<QByteArray> names;
    for (const HuntColumn &column : result->columns) {
        schema.append(QJsonObject{{QLatin1String("name"), column.name},
                                  {QLatin1String("type"), graphTypeName(column.type)}});
        names.append(jsonText(column.name) + ':');
    }
    QByteArray text = "{\"@odata.context\":"
                      + jsonText(QString(request.origin()
                                         + QLatin1String("/v1.0/$metadata#microsoft.graph.security."
                                                         "huntingQueryResults")))
                      + ",\"schema\":" + QJsonDocument(schema).toJson(QJsonDocument::Compact)
                      + ",\"results\":[";
    bool firstRow = true;
    for (const HuntRow &row : result->rows) {
        text += firstRow ? "{" : ",{";
        firstRow = false;
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i > 0)
                text += ',';
            text += names[static_cast<qsizetype>(i)];
            const HuntValue &value = row[i];
            // Kusto strings are never null.
            if (value.null && value.type == ColumnType::String)
                text += "\"\"";
            else
                text += jsonText(value.toJson());
        }
        text += '}';
        if (text.size() > limits.bytes)
            return request.graphError(400, QStringLiteral("BadRequest"), tooLarge);
    }
    text += "]}";
    return HttpReply{200, text, GraphContentType, {}};
}

} // namespace Vigil::Sim
