#include "graphclient.h"

#include "clock.h"
#include "graphjson.h"
#include "networkaccess.h"
#include "synclogging.h"
#include "tokenprovider.h"

#include <QJsonDocument>
#include <QMetaEnum>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>
#include <QUuid>

#include <algorithm>

Q_LOGGING_CATEGORY(lcSync, "vigil.sync")
Q_LOGGING_CATEGORY(lcGraph, "vigil.sync.graph")

namespace {

constexpr qint64 kBodyPadding = 64; // simdjson::SIMDJSON_PADDING

} // namespace

namespace Vigil {

namespace {

/** Entra error codes that mean the app's credentials or consent are wrong. */
bool isEntraCredentialError(const QString &code)
{
    static const QStringList codes = {
            QStringLiteral("invalid_client"),   QStringLiteral("unauthorized_client"),
            QStringLiteral("invalid_grant"),    QStringLiteral("access_denied"),
            QStringLiteral("consent_required"), QStringLiteral("interaction_required"),
    };
    return codes.contains(code, Qt::CaseInsensitive);
}

Error::Kind kindForStatus(int status)
{
    switch (status) {
    case 400:
        return Error::Kind::BadRequest;
    case 401:
        return Error::Kind::Auth;
    case 403:
        return Error::Kind::Forbidden;
    case 404:
    case 410:
        return Error::Kind::NotFound;
    case 408:
        return Error::Kind::Timeout;
    case 409:
    case 412:
        return Error::Kind::Conflict;
    case 429:
        return Error::Kind::Throttled;
    default:
        break;
    }
    if (status >= 500)
        return Error::Kind::Server;
    if (status >= 300 && status < 400)
        return Error::Kind::Network; // redirects are not followed: something sits in between
    return Error::Kind::BadRequest;
}

} // namespace

QDateTime parseHttpDate(const QByteArray &value)
{
    // HTTP dates are always GMT; Qt's RFC 2822 parser wants a numeric zone.
    QString text = QString::fromLatin1(value.trimmed());
    if (text.isEmpty())
        return {};
    if (text.endsWith(QLatin1String(" GMT")))
        text = text.left(text.size() - 4) + QStringLiteral(" +0000");
    return QDateTime::fromString(text, Qt::RFC2822Date).toUTC();
}

std::optional<std::chrono::seconds> parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const qlonglong seconds = trimmed.toLongLong(&isNumber);
    if (isNumber)
        return std::chrono::seconds(std::max<qlonglong>(0, seconds));
    const QDateTime when = parseHttpDate(trimmed);
    if (!when.isValid())
        return std::nullopt;
    return std::chrono::seconds(std::max<qint64>(0, now.secsTo(when)));
}

Error errorFromReply(QNetworkReply *reply, const QByteArray &body)
{
    return errorFromReply(reply, body, QDateTime::currentDateTimeUtc());
}

Error errorFromReply(QNetworkReply *reply, const QByteArray &body, const QDateTime &now)
{
    Error error;
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    error.httpStatus = statusAttribute.isValid() ? statusAttribute.toInt() : 0;
    if (reply->hasRawHeader("Retry-After"))
        error.retryAfter = parseRetryAfter(reply->rawHeader("Retry-After"), now);

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject json = document.object();
    bool entraCredentials = false;
    const QJsonValue errorValue = json.value(QLatin1String("error"));
    if (errorValue.isObject()) {
        // Graph / OData: {"error": {"code", "message", "innerError": {...}}}
        const QJsonObject graphError = errorValue.toObject();
        error.code = graphError.value(QLatin1String("code")).toString();
        error.message = graphError.value(QLatin1String("message")).toString();
        if (error.code.isEmpty()) {
            const QJsonObject inner = graphError.value(QLatin1String("innerError")).toObject();
            error.code = inner.value(QLatin1String("code")).toString();
        }
    } else if (errorValue.isString()) {
        // Entra ID: {"error": "invalid_client", "error_description": "AADSTS7000215: ..."}
        error.code = errorValue.toString();
        error.message = json.value(QLatin1String("error_description")).toString();
        entraCredentials = isEntraCredentialError(error.code);
    }

    if (error.httpStatus == 0) {
        const QNetworkReply::NetworkError networkError = reply->error();
        switch (networkError) {
        case QNetworkReply::TimeoutError:
            error.kind = Error::Kind::Timeout;
            break;
        case QNetworkReply::OperationCanceledError:
            // Transfer timeouts abort the reply; an abort Vigil asked for is marked.
            error.kind = reply->property("vigil.cancelled").toBool() ? Error::Kind::Cancelled
                                                                     : Error::Kind::Timeout;
            break;
        default:
            error.kind = Error::Kind::Network;
            break;
        }
        error.code = QString::fromLatin1(
                QMetaEnum::fromType<QNetworkReply::NetworkError>().valueToKey(networkError));
        error.message
                = error.kind == Error::Kind::Timeout
                          ? QStringLiteral("no answer from %1 in time").arg(reply->url().host())
                          : reply->errorString();
        return error;
    }

    if (error.httpStatus / 100 == 2) {
        error.kind = Error::Kind::Parse;
        error.code.clear();
        error.message = parseError.error != QJsonParseError::NoError
                                ? QStringLiteral("the response is not valid JSON: %1 at offset %2")
                                          .arg(parseError.errorString())
                                          .arg(parseError.offset)
                                : QStringLiteral("the response is not a JSON object");
        return error;
    }

    error.kind = kindForStatus(error.httpStatus);
    if (entraCredentials && error.httpStatus < 500)
        error.kind = Error::Kind::Auth;
    if (error.message.isEmpty()) {
        const QString reason
                = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        error.message = reason.isEmpty() ? reply->errorString() : reason;
    }
    return error;
}

struct GraphClient::Call
{
    QUrl url;
    QPointer<QObject> context;
    JsonCallback done;
    BodyCallback bodyDone; ///< set instead of done by getBody()
    QByteArray verb = "GET"; ///< GET, PATCH or POST
    QByteArray body; ///< JSON for PATCH and POST
    int maxAttempts = 5;
    int attempt = 0; ///< attempts sent so far (a 401 retry is not counted)
    bool authRetried = false;
    QByteArray requestId;
};

GraphClient::GraphClient(QNetworkAccessManager *network, TokenProvider *tokens,
                         RateLimiter *limiter, QUrl graphEndpoint, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_tokens(tokens)
    , m_limiter(limiter)
    , m_endpoint(std::move(graphEndpoint))
    , m_clock(Clock::system())
{
    m_stopwatch.start();
}

GraphClient::~GraphClient() = default;

void GraphClient::setClock(Clock *clock)
{
    m_clock = clock ? clock : Clock::system();
}

qint64 GraphClient::nowMs() const
{
    return m_clock->elapsedMs();
}

QUrl GraphClient::url(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_endpoint;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + QStringLiteral("/v1.0") + path);
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

bool GraphClient::isOnEndpoint(const QUrl &url) const
{
    const auto defaultPort
            = [](const QUrl &u) { return u.port(u.scheme() == QLatin1String("https") ? 443 : 80); };
    return url.isValid() && url.userInfo().isEmpty()
           && url.scheme().compare(m_endpoint.scheme(), Qt::CaseInsensitive) == 0
           && url.host().compare(m_endpoint.host(), Qt::CaseInsensitive) == 0
           && defaultPort(url) == defaultPort(m_endpoint);
}

void GraphClient::get(const QUrl &url, QObject *context, JsonCallback done, int maxAttempts)
{
    auto call = std::make_shared<Call>();
    call->done = std::move(done);
    start(call, url, context, maxAttempts);
}

void GraphClient::patch(const QUrl &url, const QJsonObject &body, QObject *context,
                        JsonCallback done, int maxAttempts)
{
    auto call = std::make_shared<Call>();
    call->done = std::move(done);
    call->verb = "PATCH";
    call->body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    start(call, url, context, maxAttempts);
}

void GraphClient::post(const QUrl &url, const QJsonObject &body, QObject *context,
                       JsonCallback done, int maxAttempts)
{
    auto call = std::make_shared<Call>();
    call->done = std::move(done);
    call->verb = "POST";
    call->body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    start(call, url, context, maxAttempts);
}

void GraphClient::getBody(const QUrl &url, QObject *context, BodyCallback done, int maxAttempts)
{
    auto call = std::make_shared<Call>();
    call->bodyDone = std::move(done);
    start(call, url, context, maxAttempts);
}

void GraphClient::start(const std::shared_ptr<Call> &call, const QUrl &url, QObject *context,
                        int maxAttempts)
{
    call->url = url;
    call->context = context;
    call->maxAttempts = maxAttempts > 0 ? maxAttempts : std::max(1, m_options.maxAttempts);
    call->requestId = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    if (!isOnEndpoint(url)) {
        // A relative link has no host to name: say what it is instead ("a link to : ...").
        const QString message
                = url.isRelative() || url.host().isEmpty()
                          ? QStringLiteral("refusing to follow the link '%1': it is relative, not "
                                           "a Graph URL on %2")
                                    .arg(url.toDisplayString(QUrl::RemoveUserInfo),
                                         m_endpoint.toString(QUrl::RemovePath))
                          : QStringLiteral("refusing to follow a link to %1: it is not on %2")
                                    .arg(url.toString(QUrl::RemoveUserInfo | QUrl::RemovePath
                                                      | QUrl::RemoveQuery),
                                         m_endpoint.toString(QUrl::RemovePath));
        const Error refused{Error::Kind::Parse, 0, QStringLiteral("foreignUrl"), message, {}};
        qCWarning(lcGraph).noquote() << refused.message;
        QTimer::singleShot(0, this, [this, call, refused] { fail(call, refused); });
        return;
    }
    QTimer::singleShot(0, this, [this, call] { schedule(call); });
}

void GraphClient::schedule(const std::shared_ptr<Call> &call)
{
    if (!call->context)
        return;
    const qint64 now = nowMs();
    const qint64 wait = m_limiter ? m_limiter->delayMs(now) : 0;
    if (wait > 0) {
        m_clock->singleShot(std::chrono::milliseconds(wait), this,
                            [this, call] { schedule(call); });
        return;
    }
    if (m_limiter)
        m_limiter->recordCall(now);
    m_tokens->token(this, [this, call](const Result<QString> &token) {
        if (!token) {
            ++call->attempt; // a failed token request counts as an attempt of the call
            Error error = token.error();
            // A token answer that broke on the way is not this call's answer: a parse error
            // with a 2xx status would tell the caller that its own request landed (a comment
            // posted, a change made) when it never left.
            if (error.kind == Error::Kind::Parse)
                error.httpStatus = 0;
            retryOrFail(call, error);
            return;
        }
        send(call, token.value());
    });
}

void GraphClient::send(const std::shared_ptr<Call> &call, const QString &token)
{
    ++call->attempt;
    QNetworkRequest request(call->url);
    request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("Prefer", "include-unknown-enum-members");
    request.setRawHeader("client-request-id", call->requestId);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    prepareTransferTimeout(request, m_clock, m_options.requestTimeout);
    ++m_requestsSent;
    Q_EMIT requestSent();
    const qint64 sentNs = m_stopwatch.nsecsElapsed();
    qCDebug(lcGraph).noquote() << call->verb << call->url.toDisplayString() << "attempt"
                               << call->attempt << "request-id" << call->requestId;
    QNetworkReply *reply = nullptr;
    if (call->verb == "GET") {
        reply = m_network->get(request);
    } else {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        reply = m_network->sendCustomRequest(request, call->verb, call->body);
    }
    watchTransfer(reply, m_clock, m_options.requestTimeout);
    limitAnswer(reply, m_options.maxAnswerBytes);
    connect(reply, &QNetworkReply::finished, this,
            [this, call, reply, sentNs] { onFinished(call, reply, sentNs); });
}

void GraphClient::onFinished(const std::shared_ptr<Call> &call, QNetworkReply *reply, qint64 sentNs)
{
    m_networkWaitNs += m_stopwatch.nsecsElapsed() - sentNs;
    reply->deleteLater();
    if (const std::optional<Error> tooLarge = answerTooLarge(reply)) {
        qCWarning(lcGraph).noquote() << call->verb << call->url.path() << tooLarge->message;
        fail(call, *tooLarge);
        return;
    }
    QByteArray body;
    if (reply->isOpen()) {
        // Room for the padding a SIMD parser reads past the end, so that it need not copy.
        const qint64 available = reply->bytesAvailable();
        body.reserve(available + kBodyPadding);
        body.resize(available);
        body.resize(std::max<qint64>(0, reply->read(body.data(), available)));
        body += reply->readAll();
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (const QDateTime date = parseHttpDate(reply->rawHeader("Date")); date.isValid())
        m_serverTime = date;
    if (reply->error() == QNetworkReply::NoError && status / 100 == 2 && call->bodyDone) {
        m_bytesReceived += body.size();
        qCDebug(lcGraph) << "HTTP" << status << body.size() << "bytes";
        if (call->context)
            call->bodyDone(std::move(body));
        return;
    }
    if (reply->error() == QNetworkReply::NoError && status / 100 == 2) {
        QJsonParseError parseError;
        const qint64 parseStart = threadCpuTimeNs();
        // QJsonDocument keeps a lone surrogate as invalid UTF-16: read it as U+FFFD, as the
        // page reader does.
        replaceUnpairedSurrogates(body);
        const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
        m_jsonParseNs += threadCpuTimeNs() - parseStart;
        m_bytesReceived += body.size();
        if (parseError.error == QJsonParseError::NoError && document.isObject()) {
            qCDebug(lcGraph) << "HTTP" << status << body.size() << "bytes";
            complete(call, document.object());
            return;
        }
    }
    const Error error = errorFromReply(reply, body, m_clock->now());
    qCInfo(lcGraph).noquote() << call->verb << call->url.path() << "failed:" << error.toString();
    if (error.kind == Error::Kind::Auth && status == 401 && !call->authRetried) {
        // The token expired or was revoked early: one more try with a fresh one.
        call->authRetried = true;
        m_tokens->invalidate();
        schedule(call);
        return;
    }
    retryOrFail(call, error);
}

void GraphClient::retryOrFail(const std::shared_ptr<Call> &call, const Error &error)
{
    if (!error.isTransient() || call->attempt >= call->maxAttempts) {
        fail(call, error);
        return;
    }
    if (m_options.failRetryWaitAbove.count() > 0 && honoursRetryAfter(error)
        && *error.retryAfter > m_options.failRetryWaitAbove) {
        Error refused = error;
        refused.message
                = QStringLiteral("the service asked to wait %1 before the next call "
                                 "(Retry-After), longer than the %2 this run waits")
                          .arg(waitText(*error.retryAfter), waitText(m_options.failRetryWaitAbove));
        if (!error.message.isEmpty())
            refused.message += QStringLiteral(" (it said: %1)").arg(error.message);
        qCWarning(lcGraph).noquote() << call->verb << call->url.path() << refused.message;
        fail(call, refused);
        return;
    }
    const std::chrono::milliseconds delay
            = retryDelay(error, call->attempt, m_options.backoffBase, m_options.backoffMax,
                         QRandomGenerator::global()->generateDouble(), m_options.maxRetryWait);
    const QDateTime until = m_clock->now().addMSecs(delay.count());
    qCInfo(lcGraph).noquote() << "retrying" << call->url.path() << "in" << delay.count() << "ms"
                              << "after" << error.toString();
    Q_EMIT backingOff(until, error);
    m_clock->singleShot(delay, this, [this, call] { schedule(call); });
}

void GraphClient::fail(const std::shared_ptr<Call> &call, const Error &error)
{
    if (call->bodyDone) {
        if (call->context)
            call->bodyDone(Result<QByteArray>(error));
        return;
    }
    complete(call, error);
}

void GraphClient::complete(const std::shared_ptr<Call> &call, const Result<QJsonObject> &result)
{
    if (call->context)
        call->done(result);
}

} // namespace Vigil
