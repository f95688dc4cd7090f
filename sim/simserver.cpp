#include "simserver.h"

#include "simhttp_p.h"

#include "catalogue.h"
#include "graphrenderer.h"
#include "liveactivity.h"
#include "odatafilter.h"

#include <QAbstractHttpServer>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMetaEnum>
#include <QPointer>
#include <QTcpSocket>
#include <QTimeZone>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

#include <algorithm>
#include <functional>
#include <limits>

#if defined(Q_OS_WIN)
#include <winsock2.h>
#else
#include <sys/socket.h>
#endif

namespace Vigil::Sim {

/** QtHttpServer's HTTP/1.1 layer; every request goes to SimServer, which owns all routing. */
class HttpFrontend : public QAbstractHttpServer
{
public:
    using Handler = std::function<void(const QHttpServerRequest &, QHttpServerResponder &&)>;
    HttpFrontend(Handler handler, QObject *parent)
        : QAbstractHttpServer(parent)
        , m_handler(std::move(handler))
    { }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        m_handler(request, makeResponder(request, socket));
        return true;
    }
    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override { }

private:
    Handler m_handler;
};

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

SimServer::SimServer(const SimOptions &options, QObject *parent)
    : QObject(parent)
    , m_tenant(options)
{
    m_http = std::make_unique<HttpFrontend>(
            [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                handle(request, std::move(responder));
            },
            this);
    if (options.live) {
        m_live = std::make_unique<LiveActivity>(m_tenant, options.seed, options.liveIntervalMs,
                                                this);
        connect(m_live.get(), &LiveActivity::activity, this,
                [this](const QString &what) { Q_EMIT requestServed(u"live: " + what); });
    }
}

SimServer::~SimServer() = default;

bool SimServer::listen(quint16 port)
{
    m_port = m_http->listen(QHostAddress::LocalHost, port);
    if (m_port != 0 && m_live)
        m_live->start();
    return m_port != 0;
}

QUrl SimServer::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    return url;
}

void SimServer::handle(const QHttpServerRequest &httpRequest, QHttpServerResponder &&responder)
{
    QElapsedTimer timer;
    timer.start();
    Request request;
    request.method
            = QString::fromLatin1(QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(
                                          static_cast<int>(httpRequest.method())))
                      .toUpper();
    request.path = httpRequest.url().path(QUrl::FullyDecoded);
    request.query = httpRequest.query();
    request.headers = httpRequest.headers();
    request.body = httpRequest.body();
    request.host = QString::fromLatin1(request.header("host"));
    if (request.host.isEmpty())
        request.host = QStringLiteral("127.0.0.1:%1").arg(m_port);
    request.requestId = newGuid();
    request.clientRequestId = QString::fromLatin1(request.header("client-request-id"));
    if (request.clientRequestId.isEmpty())
        request.clientRequestId = request.requestId;
    request.includeEvolvable = request.header("prefer").contains("include-unknown-enum-members");

    const bool admin = request.path == QLatin1String("/_sim")
                       || request.path.startsWith(QLatin1String("/_sim/"));
    HttpReply reply;
    int delayMs = 0;
    if (admin) {
        reply = routeAdmin(request);
    } else {
        ++m_requestCount;
        const bool isToken = request.path.endsWith(QLatin1String("/oauth2/v2.0/token"))
                             || request.path.endsWith(QLatin1String("/oauth2/v2.0/devicecode"));
        const bool expandWithFilter = request.option("$expand").contains(QLatin1String("alerts"))
                                      && !request.option("$filter").trimmed().isEmpty();
        const FaultDecision fault = m_tenant.faults().decide(
                request.method, request.path, request.option("$filter"), isToken, expandWithFilter);
        if (fault.expireTokens)
            m_tenant.expireTokens();
        delayMs = fault.delayMs;
        const FaultKind kind = fault.answer ? fault.answer->kind : FaultKind::Slow;
        if (fault.answer && (kind == FaultKind::Hang || kind == FaultKind::Timeout)) {
            if (fault.answer->apply)
                routeGraph(request); // the service did the work; the answer never comes
            Q_EMIT requestServed(request.method + u' ' + request.path
                                 + (kind == FaultKind::Hang ? u" -> (hang)" : u" -> (timeout)"));
            keepUnanswered(std::move(responder));
            return;
        }
        if (fault.answer && kind == FaultKind::Reset) {
            reply = routeGraph(request);
            const int bytes = fault.answer->bytes;
            Q_EMIT requestServed(request.method + u' ' + request.path + u" -> "
                                 + QString::number(reply.status) + u" (reset)");
            resetConnection(std::move(responder), reply, request,
                            bytes < 0 ? static_cast<int>(reply.body.size() / 2) : bytes,
                            fault.answer->delayMs);
            return;
        }
        if (fault.answer && kind == FaultKind::Throttle) {
            const int retryAfter = fault.answer->effectiveRetryAfter();
            reply = request.graphError(
                    429, QStringLiteral("TooManyRequests"),
                    QStringLiteral("Too many requests. Retry after %1 seconds.").arg(retryAfter),
                    false);
            reply.headers.append(
                    {QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfter)});
        } else if (fault.answer && kind == FaultKind::ServerError) {
            const int status = fault.answer->status;
            const QString code = status == 503   ? QStringLiteral("serviceNotAvailable")
                                 : status == 504 ? QStringLiteral("gatewayTimeout")
                                 : status == 502 ? QStringLiteral("badGateway")
                                                 : QStringLiteral("generalException");
            reply = request.graphError(status, code,
                                       QStringLiteral("The service encountered an error "
                                                      "processing the request."));
            if (fault.answer->retryAfterSeconds >= 0) {
                reply.headers.append({QByteArrayLiteral("Retry-After"),
                                      QByteArray::number(fault.answer->retryAfterSeconds)});
            }
        } else if (fault.answer && kind == FaultKind::Forbidden) {
            reply = request.graphError(403, QStringLiteral("Forbidden"),
                                       QStringLiteral("Missing role permissions on the request. "
                                                      "API requires one of "
                                                      "'SecurityAlert.Read.All, "
                                                      "SecurityAlert.ReadWrite.All'. Roles on the "
                                                      "request ''."));
        } else if (fault.answer && kind == FaultKind::BadRequest) {
            reply = request.graphError(400, QStringLiteral("BadRequest"),
                                       QStringLiteral("Invalid filter clause: the query is not "
                                                      "supported."));
        } else if (fault.answer && kind == FaultKind::ExpandWithFilter) {
            reply = request.graphError(500, QStringLiteral("UnknownError"),
                                       QStringLiteral("An internal server error occurred while "
                                                      "expanding alerts."));
        } else {
            reply = routeGraph(request);
            if (fault.answer && kind == FaultKind::Malformed) {
                reply.status = 200;
                reply.body.truncate(std::max<qsizetype>(1, reply.body.size() / 2));
            }
        }
    }

    const QString summary
            = request.method + u' ' + request.path
              + (request.query.isEmpty() ? QString()
                                         : u'?' + request.query.toString(QUrl::FullyDecoded))
              + u" -> " + QString::number(reply.status);
    if (delayMs <= 0) {
        send(responder, reply, request);
        Q_EMIT requestServed(summary + QStringLiteral(" (%1 ms)").arg(timer.elapsed()));
        return;
    }
    auto pending = std::make_shared<QHttpServerResponder>(std::move(responder));
    QPointer<QTcpSocket> socket = pending->socket();
    QTimer::singleShot(delayMs, this, [this, pending, socket, reply, request, summary, delayMs] {
        if (!socket || socket->state() != QAbstractSocket::ConnectedState)
            return;
        send(*pending, reply, request);
        Q_EMIT requestServed(summary + QStringLiteral(" (delayed %1 ms)").arg(delayMs));
    });
}

void SimServer::send(QHttpServerResponder &responder, const HttpReply &reply,
                     const Request &request, qsizetype bodyBytes)
{
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(reply.status));
    responder.writeHeader(QByteArrayLiteral("Content-Type"), reply.contentType);
    responder.writeHeader(QByteArrayLiteral("request-id"), request.requestId.toLatin1());
    responder.writeHeader(QByteArrayLiteral("client-request-id"),
                          request.clientRequestId.toLatin1());
    responder.writeHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    // As every HTTP server should (RFC 9110 §6.6.1), in IMF-fixdate form.
    responder.writeHeader(QByteArrayLiteral("Date"),
                          QLocale::c()
                                  .toString(QDateTime::currentDateTimeUtc(),
                                            QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
                                  .toLatin1());
    if (reply.contentType == GraphContentType)
        responder.writeHeader(QByteArrayLiteral("OData-Version"), QByteArrayLiteral("4.0"));
    for (const auto &[name, value] : reply.headers)
        responder.writeHeader(name, value);
    responder.writeHeader(QByteArrayLiteral("Content-Length"),
                          QByteArray::number(reply.body.size()));
    if (bodyBytes < 0)
        responder.writeBody(reply.body);
    else
        responder.writeBody(reply.body.left(std::min(bodyBytes, reply.body.size())));
}

void SimServer::keepUnanswered(QHttpServerResponder &&responder)
{
    QTcpSocket *socket = responder.socket();
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return;
    m_hanging[socket] = std::make_unique<QHttpServerResponder>(std::move(responder));
    // When the client gives up and closes the connection, forget the request; QtHttpServer then
    // deletes the socket.
    auto forget = [this, socket] { m_hanging.erase(socket); };
    connect(socket, &QAbstractSocket::disconnected, this, forget);
    connect(socket, &QObject::destroyed, this, forget);
}

void SimServer::resetConnection(QHttpServerResponder &&responder, const HttpReply &reply,
                                const Request &request, int bodyBytes, int resetAfterMs)
{
    QPointer<QTcpSocket> socket = responder.socket();
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return;
    send(responder, reply, request, std::min<qsizetype>(bodyBytes, reply.body.size() - 1));
    socket->flush();
    // Abort once the partial answer has left: with SO_LINGER 0 the close sends a TCP RST. Without a
    // delay the data and the RST reach the client together.
    QTimer::singleShot(resetAfterMs, this, [socket] {
        if (!socket)
            return;
        socket->flush();
        const qintptr descriptor = socket->socketDescriptor();
        if (descriptor >= 0) {
            linger option{};
            option.l_onoff = 1;
            option.l_linger = 0;
#if defined(Q_OS_WIN)
            ::setsockopt(static_cast<SOCKET>(descriptor), SOL_SOCKET, SO_LINGER,
                         reinterpret_cast<const char *>(&option), sizeof option);
#else
            ::setsockopt(static_cast<int>(descriptor), SOL_SOCKET, SO_LINGER, &option,
                         sizeof option);
#endif
        }
        socket->abort();
    });
}

HttpReply SimServer::routeGraph(Request &request)
{
    const QStringList segments = request.path.split(u'/', Qt::SkipEmptyParts);
    const QString &method = request.method;
    auto count
            = [this, &method](const QString &route) { ++m_requestsByRoute[method + u' ' + route]; };

    if (segments.size() == 4 && segments[1] == QLatin1String("oauth2")
        && segments[2] == QLatin1String("v2.0") && segments[3] == QLatin1String("token")) {
        count(QStringLiteral("/{tenant}/oauth2/v2.0/token"));
        return token(request);
    }
    if (segments.size() == 4 && segments[1] == QLatin1String("oauth2")
        && segments[2] == QLatin1String("v2.0") && segments[3] == QLatin1String("devicecode")) {
        count(QStringLiteral("/{tenant}/oauth2/v2.0/devicecode"));
        return deviceCode(request);
    }
    if (segments.value(0) != QLatin1String("v1.0")) {
        count(QStringLiteral("(unknown)"));
        return request.graphError(
                404, QStringLiteral("NotFound"),
                QStringLiteral("Resource not found for the segment '%1'.").arg(segments.value(0)));
    }

    const QByteArray authorization = request.header("authorization");
    const QString bearer = QString::fromLatin1(authorization).trimmed();
    const QString tokenText = bearer.startsWith(QLatin1String("Bearer "), Qt::CaseInsensitive)
                                      ? bearer.mid(7).trimmed()
                                      : QString();
    if (tokenText.isEmpty()) {
        count(QStringLiteral("(unauthenticated)"));
        return request.graphError(401, QStringLiteral("InvalidAuthenticationToken"),
                                  QStringLiteral("Access token is empty."), false);
    }
    switch (m_tenant.tokenState(tokenText)) {
    case TokenState::Valid:
        break;
    case TokenState::Expired:
        count(QStringLiteral("(unauthenticated)"));
        return request.graphError(401, QStringLiteral("InvalidAuthenticationToken"),
                                  QStringLiteral("Access token has expired or is not yet valid."),
                                  false);
    case TokenState::Unknown:
        count(QStringLiteral("(unauthenticated)"));
        return request.graphError(401, QStringLiteral("InvalidAuthenticationToken"),
                                  QStringLiteral("IDX14100: JWT is not well formed, there are no "
                                                 "dots (.) or the token is not recognised."),
                                  false);
    }

    const AccessToken *principal = m_tenant.identity().accessToken(tokenText);
    request.actor = principal->isApp() ? SimTenant::appDisplayName() : principal->upn;
    const bool security = segments.size() >= 3 && segments[1] == QLatin1String("security");
    const QString collection = security ? segments[2] : QString();
    auto methodNotAllowed = [&request] {
        return request.graphError(405, QStringLiteral("Request_BadRequest"),
                                  QStringLiteral("The HTTP method '%1' is not allowed for this "
                                                 "resource.")
                                          .arg(request.method));
    };
    // Delegated tokens carry only the scopes the user consented to.
    auto missingScope = [&request, principal](bool write, const char *read,
                                              const char *readWrite) -> std::optional<HttpReply> {
        if (write ? principal->hasAnyScope({readWrite}) : principal->hasAnyScope({read, readWrite}))
            return std::nullopt;
        const QString required
                = write ? QString(QLatin1String(readWrite))
                        : QString(QLatin1String(read) + u", " + QLatin1String(readWrite));
        return request.graphError(403, QStringLiteral("Forbidden"),
                                  QStringLiteral("Missing scope permissions on the request. API "
                                                 "requires one of '%1'. Scopes on the request "
                                                 "'%2'")
                                          .arg(required, principal->scopes.join(u", ")));
    };
    const bool write = method != QLatin1String("GET");
    if (collection == QLatin1String("incidents")) {
        if (auto forbidden
            = missingScope(write, "SecurityIncident.Read.All", "SecurityIncident.ReadWrite.All")) {
            count(QStringLiteral("(forbidden)"));
            return *forbidden;
        }
        if (segments.size() == 3) {
            count(QStringLiteral("/v1.0/security/incidents"));
            return method == QLatin1String("GET") ? listIncidents(request) : methodNotAllowed();
        }
        bool numeric = false;
        const qint64 id = segments[3].toLongLong(&numeric);
        if (segments.size() == 4) {
            count(QStringLiteral("/v1.0/security/incidents/{id}"));
            if (method == QLatin1String("GET"))
                return getIncident(request, numeric ? id : -1);
            if (method == QLatin1String("PATCH"))
                return patchIncident(request, numeric ? id : -1);
            return methodNotAllowed();
        }
        if (segments.size() == 5 && segments[4] == QLatin1String("comments")) {
            count(QStringLiteral("/v1.0/security/incidents/{id}/comments"));
            return method == QLatin1String("POST") ? postComment(request, numeric ? id : -1)
                                                   : methodNotAllowed();
        }
    }
    if (collection == QLatin1String("alerts_v2")) {
        if (auto forbidden
            = missingScope(write, "SecurityAlert.Read.All", "SecurityAlert.ReadWrite.All")) {
            count(QStringLiteral("(forbidden)"));
            return *forbidden;
        }
        if (segments.size() == 3) {
            count(QStringLiteral("/v1.0/security/alerts_v2"));
            return method == QLatin1String("GET") ? listAlerts(request) : methodNotAllowed();
        }
        if (segments.size() == 4) {
            count(QStringLiteral("/v1.0/security/alerts_v2/{id}"));
            if (method == QLatin1String("GET"))
                return getAlert(request, segments[3]);
            if (method == QLatin1String("PATCH"))
                return patchAlert(request, segments[3]);
            return methodNotAllowed();
        }
        if (segments.size() == 5 && segments[4] == QLatin1String("comments")) {
            count(QStringLiteral("/v1.0/security/alerts_v2/{id}/comments"));
            return method == QLatin1String("POST") ? postAlertComment(request, segments[3])
                                                   : methodNotAllowed();
        }
    }
    count(QStringLiteral("(unknown)"));
    return request.graphError(
            404, QStringLiteral("NotFound"),
            QStringLiteral("Resource not found for the segment '%1'.")
                    .arg(segments.value(std::min<qsizetype>(segments.size() - 1, 2))));
}

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
