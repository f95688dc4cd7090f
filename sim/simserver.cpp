#include "simserver.h"

#include "simhttp_p.h"

#include "blobstore.h"
#include "liveactivity.h"
#include "simlogging.h"

#include <QAbstractHttpServer>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QLocale>
#include <QMetaEnum>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <functional>

#if defined(Q_OS_WIN)
#include <winsock2.h>
#else
#include <sys/socket.h>
#endif

// SimServer's front door: the HTTP layer, fault injection, sending (and not sending) answers,
// and routing to the Entra (simauth.cpp), list (simlists.cpp), single-entity (simentities.cpp)
// and admin (simadmin.cpp) sides.

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

SimServer::SimServer(const SimOptions &options, QObject *parent)
    : QObject(parent)
    , m_tenant(options)
{
    connect(this, &SimServer::requestServed, this,
            [](const QString &summary) { qCDebug(lcSim).noquote() << summary; });
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

SimServer::~SimServer()
{
    // Requests kept unanswered hold sockets that the HTTP frontend deletes. The map is a member
    // destroyed before the frontend, and a socket says it disconnected while it is deleted: let
    // go of the requests now, while the map and the sockets exist, and stop hearing from them.
    for (const auto &[socket, responder] : m_hanging)
        disconnect(socket, nullptr, this, nullptr);
    m_hanging.clear();
    m_http.reset();
}

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
    const QString account = u'/' + storageAccountName();
    const bool storage = request.path == account || request.path.startsWith(account + u'/');
    HttpReply reply;
    int delayMs = 0;
    if (admin) {
        reply = routeAdmin(request);
    } else if (storage) {
        ++m_requestsByRoute[request.method + QStringLiteral(" /{account}/…")];
        reply = routeBlob(request);
    } else {
        ++m_requestCount;
        const bool isToken = request.path.endsWith(QLatin1String("/oauth2/v2.0/token"))
                             || request.path.endsWith(QLatin1String("/oauth2/v2.0/devicecode"));
        const bool expandWithFilter = request.option("$expand").contains(QLatin1String("alerts"))
                                      && !request.option("$filter").trimmed().isEmpty();
        const bool hunting = request.path.endsWith(QLatin1String("/security/runHuntingQuery"));
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
            QString message = QStringLiteral("Too many requests. Retry after %1 seconds.");
            if (hunting && fault.answer->quota == QLatin1String("cpu")) {
                message = QStringLiteral("The tenant has used up its advanced hunting CPU quota "
                                         "for this 15-minute cycle. Retry after %1 seconds.");
            } else if (hunting) {
                message = QStringLiteral("The tenant has exceeded the advanced hunting request "
                                         "quota (calls per minute). Retry after %1 seconds.");
            }
            reply = request.graphError(429, QStringLiteral("TooManyRequests"),
                                       message.arg(retryAfter), false);
            reply.headers.append(
                    {QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfter)});
        } else if (fault.answer && kind == FaultKind::ServerError) {
            const int status = fault.answer->status;
            // runHuntingQuery's transient failures carry UnknownError.
            const QString code = hunting         ? QStringLiteral("UnknownError")
                                 : status == 503 ? QStringLiteral("serviceNotAvailable")
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
            reply = request.graphError(
                    403, QStringLiteral("Forbidden"),
                    hunting ? QStringLiteral("Missing role permissions on the request. API "
                                             "requires one of 'ThreatHunting.Read.All'. Roles "
                                             "on the request ''.")
                            : QStringLiteral("Missing role permissions on the request. API "
                                             "requires one of 'SecurityAlert.Read.All, "
                                             "SecurityAlert.ReadWrite.All'. Roles on the "
                                             "request ''."));
        } else if (fault.answer && kind == FaultKind::BadRequest) {
            reply = request.graphError(400, QStringLiteral("BadRequest"),
                                       QStringLiteral("Invalid filter clause: the query is not "
                                                      "supported."));
        } else if (fault.answer && kind == FaultKind::Conflict) {
            reply = request.graphError(409, QStringLiteral("Conflict"),
                                       QStringLiteral("The incident was changed by another "
                                                      "request while this one ran."));
        } else if (fault.answer && kind == FaultKind::ExpandWithFilter) {
            reply = request.graphError(500, QStringLiteral("UnknownError"),
                                       QStringLiteral("An internal server error occurred while "
                                                      "expanding alerts."));
        } else {
            reply = routeGraph(request);
            // A garbled body stands for a success whose answer broke on the way: an answer that
            // was already an error (say a 401 for a token that has just expired) stays what it is.
            // Turning it into a 200 told the client a write had landed that never did.
            if (fault.answer && kind == FaultKind::Malformed && reply.status / 100 == 2)
                reply.body.truncate(std::max<qsizetype>(1, reply.body.size() / 2));
        }
    }

    // A SAS signature in the query is a credential: the log names the request without it.
    QUrlQuery shownQuery = request.query;
    if (shownQuery.hasQueryItem(QStringLiteral("sig"))) {
        shownQuery.removeAllQueryItems(QStringLiteral("sig"));
        shownQuery.addQueryItem(QStringLiteral("sig"), QStringLiteral("REDACTED"));
    }
    const QString summary
            = request.method + u' ' + request.path
              + (shownQuery.isEmpty() ? QString() : u'?' + shownQuery.toString(QUrl::FullyDecoded))
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
                          QByteArray::number(reply.declaredLength >= 0 ? reply.declaredLength
                                                                       : reply.body.size()));
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
    if (collection == QLatin1String("runHuntingQuery") && segments.size() == 3) {
        count(QStringLiteral("/v1.0/security/runHuntingQuery"));
        if (!principal->hasAnyScope({"ThreatHunting.Read.All"})) {
            return request.graphError(403, QStringLiteral("Forbidden"),
                                      QStringLiteral("Missing scope permissions on the request. "
                                                     "API requires one of "
                                                     "'ThreatHunting.Read.All'. Scopes on the "
                                                     "request '%1'")
                                              .arg(principal->scopes.join(u", ")));
        }
        return method == QLatin1String("POST") ? runHuntingQuery(request) : methodNotAllowed();
    }
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

} // namespace Vigil::Sim
