#include "remotehuntclient.h"

#include "cloud.h"
#include "graphclient.h"
#include "ratelimiter.h"
#include "synclogging.h"
#include "tokenprovider.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTimer>
#include <QUuid>

namespace Vigil {

namespace {

constexpr int kDefenderDays = 30;

QString utcTime(const QDateTime &when)
{
    return when.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

/** Defender's own words, quoted after ours when it said something. */
QString saidSuffix(const Error &error)
{
    QString said = error.message.trimmed();
    if (said.size() > 500)
        said = said.left(500) + QStringLiteral("…");
    if (said.isEmpty())
        return {};
    return QStringLiteral(" Defender said: \"%1\"").arg(said);
}

QString statusText(const Error &error)
{
    QString text = error.httpStatus > 0 ? QStringLiteral("HTTP %1").arg(error.httpStatus)
                                        : QStringLiteral("no HTTP answer");
    if (!error.code.isEmpty())
        text += QStringLiteral(", ") + error.code.left(100);
    return text;
}

/** The next quarter hour after now: Defender's CPU quota is counted in 15-minute cycles. */
QDateTime nextQuotaCycle(const QDateTime &now)
{
    const QDateTime utc = now.toUTC();
    const qint64 quarter = qint64(15) * 60;
    const qint64 secs = utc.toSecsSinceEpoch();
    return QDateTime::fromSecsSinceEpoch((secs / quarter + 1) * quarter, Qt::UTC);
}

QString throttleMessage(const Error &error, const QDateTime &now, QDateTime *retryAt)
{
    const QString said = error.message;
    const bool cpu = said.contains(QLatin1String("cpu"), Qt::CaseInsensitive)
                     || said.contains(QLatin1String("resources"), Qt::CaseInsensitive);
    const bool requests = !cpu
                          && (said.contains(QLatin1String("request"), Qt::CaseInsensitive)
                              || said.contains(QLatin1String("call"), Qt::CaseInsensitive)
                              || said.contains(QLatin1String("rate"), Qt::CaseInsensitive));
    if (error.retryAfter)
        *retryAt = now.addSecs(error.retryAfter->count());
    else if (cpu)
        *retryAt = nextQuotaCycle(now);
    else
        *retryAt = now.addSecs(60);
    const QString when = QStringLiteral("Try again after %1").arg(utcTime(*retryAt));
    QString what;
    if (cpu)
        what = QStringLiteral("The tenant's advanced-hunting CPU quota is used up: Defender runs "
                              "no more hunting queries for it until the quota resets in its next "
                              "15-minute cycle. %1; lighter queries (a shorter time range, "
                              "filters first) use less of the quota.")
                       .arg(when);
    else if (requests)
        what = QStringLiteral("Too many hunting queries were sent in a short time (Defender allows "
                              "about 45 a minute per tenant). %1.")
                       .arg(when);
    else
        what = QStringLiteral("Defender is throttling hunting queries (request count or CPU "
                              "quota; it did not say which). %1.")
                       .arg(when);
    return what + saidSuffix(error);
}

} // namespace

Error explainRemoteHuntError(const Error &error, const QDateTime &now)
{
    Error explained = error;
    const QString said = error.message;
    switch (error.kind) {
    case Error::Kind::Throttled: {
        QDateTime retryAt;
        explained.message = throttleMessage(error, now, &retryAt);
        explained.retryAfter = std::chrono::seconds(std::max<qint64>(0, now.secsTo(retryAt)));
        break;
    }
    case Error::Kind::BadRequest:
        if (said.contains(QLatin1String("result size"), Qt::CaseInsensitive)) {
            explained.message = QStringLiteral("The result is larger than Defender returns (about "
                                               "124 MB or 100 000 rows): narrow the query (a "
                                               "shorter time range, a where filter, fewer "
                                               "columns with project) or add '| take 1000'.")
                                + saidSuffix(error);
        } else {
            explained.message = QStringLiteral("Defender refused the query: %1")
                                        .arg(said.isEmpty() ? statusText(error) : said);
            if (said.contains(QLatin1String("timespan"), Qt::CaseInsensitive)
                || said.contains(QLatin1String("time range"), Qt::CaseInsensitive)
                || said.contains(QLatin1String("30 days"), Qt::CaseInsensitive))
                explained.message += QStringLiteral(" (Defender keeps hunting data for %1 days: a "
                                                    "remote run covers at most the last %1 days.)")
                                             .arg(kDefenderDays);
        }
        break;
    case Error::Kind::Forbidden:
        explained.message
                = QStringLiteral("Defender refused access (%1). Running a query in Defender needs "
                                 "the Microsoft Graph permission ThreatHunting.Read.All: in the "
                                 "Microsoft Entra admin center, open App registrations, the app "
                                 "Vigil signs in with, API permissions, add Microsoft Graph "
                                 "ThreatHunting.Read.All (an application permission for a client "
                                 "secret, a delegated one for a signed-in analyst) and grant admin "
                                 "consent.")
                          .arg(statusText(error))
                  + saidSuffix(error);
        break;
    case Error::Kind::Server:
        explained.message = QStringLiteral("Defender failed to run the query, twice (%1). This is "
                                           "usually transient: try again in a few minutes; if it "
                                           "keeps failing, narrow the time range or simplify the "
                                           "query.")
                                    .arg(statusText(error))
                            + saidSuffix(error);
        break;
    case Error::Kind::Timeout:
        explained.message
                = QStringLiteral("Defender did not answer within %1 minutes, the longest a hunting "
                                 "query may run: the remote run is stopped. Narrow the time range, "
                                 "filter earlier in the query or add '| take 1000'.")
                          .arg(3);
        break;
    case Error::Kind::Network:
        explained.message = QStringLiteral("Microsoft Graph could not be reached, twice: %1. Check "
                                           "the network and the Graph endpoint.")
                                    .arg(said);
        break;
    case Error::Kind::Auth:
        explained.message = QStringLiteral("Signing in for the remote run failed: %1").arg(said);
        break;
    case Error::Kind::NotFound:
        explained.message = QStringLiteral("This Graph endpoint does not offer runHuntingQuery "
                                           "(%1): the query cannot run in Defender through it.")
                                    .arg(statusText(error))
                            + saidSuffix(error);
        break;
    default:
        break;
    }
    return explained;
}

struct RemoteHuntClient::Run
{
    QByteArray body;
    QPointer<QObject> context;
    Callback done;
    QPointer<QNetworkReply> reply;
    QTimer *deadline = nullptr; ///< the 3-minute limit of the attempt in flight
    QTimer *retryTimer = nullptr; ///< a wait before the next attempt
    QByteArray received;
    QByteArray requestId;
    bool authRetried = false;
    bool throttleRetried = false;
    bool serverRetried = false;
    bool timedOut = false;
    bool oversize = false;
    bool cancelled = false;
    bool finished = false;
};

RemoteHuntClient::RemoteHuntClient(QNetworkAccessManager *network, TokenProvider *tokens,
                                   RateLimiter *limiter, QUrl graphEndpoint, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_tokens(tokens)
    , m_limiter(limiter)
    , m_endpoint(std::move(graphEndpoint))
{ }

RemoteHuntClient::~RemoteHuntClient()
{
    if (m_run) {
        m_run->cancelled = true;
        m_run->finished = true; // nobody is left to tell
        if (m_run->reply) {
            m_run->reply->disconnect(this);
            m_run->reply->abort();
        }
    }
}

QUrl RemoteHuntClient::url() const
{
    QUrl url = m_endpoint;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + QStringLiteral("/v1.0/security/runHuntingQuery"));
    url.setQuery(QString());
    return url;
}

QByteArray RemoteHuntClient::requestBody(const QString &query, const QString &timespan)
{
    QJsonObject body{{QStringLiteral("Query"), query}};
    if (!timespan.trimmed().isEmpty())
        body.insert(QStringLiteral("Timespan"), timespan.trimmed());
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QStringList RemoteHuntClient::windowWarnings(const QString &query, const QString &timespan,
                                             const QDateTime &now)
{
    QStringList warnings;
    const QDateTime oldest = now.addDays(-kDefenderDays);
    const std::optional<QDateTime> start = huntingTimespanStart(timespan, now);
    bool reachesBack = start && *start < oldest.addSecs(-60);
    // ago(45d) and the like in the query reach past the window as much as a Timespan does.
    static const QRegularExpression agoDays(
            QStringLiteral(R"(\bago\s*\(\s*(\d+(?:\.\d+)?)\s*d\s*\))"),
            QRegularExpression::CaseInsensitiveOption);
    for (auto it = agoDays.globalMatch(query); it.hasNext();) {
        if (it.next().captured(1).toDouble() > kDefenderDays)
            reachesBack = true;
    }
    if (reachesBack)
        warnings.append(QStringLiteral("Defender keeps hunting data for %1 days: the remote run "
                                       "covers at most the last %1 days (from %2).")
                                .arg(kDefenderDays)
                                .arg(utcTime(oldest)));
    return warnings;
}

void RemoteHuntClient::run(const QString &query, const QString &timespan, QObject *context,
                           Callback done)
{
    cancel();
    auto run = std::make_shared<Run>();
    run->body = requestBody(query, timespan);
    run->context = context;
    run->done = std::move(done);
    run->requestId = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    m_run = run;
    const bool allowed = m_endpoint.isValid()
                         && (m_endpoint.scheme() == QLatin1String("https")
                             || (m_endpoint.scheme() == QLatin1String("http")
                                 && isLoopbackHost(m_endpoint.host())))
                         && m_endpoint.userInfo().isEmpty();
    const bool timespanOk = timespan.trimmed().isEmpty()
                            || huntingTimespanStart(timespan, QDateTime::currentDateTimeUtc());
    if (!allowed || !timespanOk) {
        const Error refused
                = !allowed
                          ? Error{Error::Kind::Config,
                                  0,
                                  QStringLiteral("endpoint"),
                                  QStringLiteral(
                                          "the Graph endpoint '%1' is not https (http only on "
                                          "loopback): the query is not sent")
                                          .arg(m_endpoint.toString(QUrl::RemoveUserInfo)),
                                  {}}
                          : Error{Error::Kind::BadRequest,
                                  0,
                                  QStringLiteral("timespan"),
                                  QStringLiteral(
                                          "'%1' is not an ISO 8601 time span: give start/end "
                                          "(2024-02-01T08:00:00Z/2024-02-15T08:00:00Z), a duration "
                                          "(P7D, PT12H), duration/end, start/duration or one "
                                          "start time")
                                          .arg(timespan.left(200)),
                                  {}};
        QTimer::singleShot(0, this, [this, run, refused] { finish(run, refused); });
        return;
    }
    QTimer::singleShot(0, this, [this, run] { schedule(run); });
}

void RemoteHuntClient::cancel()
{
    const std::shared_ptr<Run> run = m_run;
    if (!run || run->finished)
        return;
    run->cancelled = true;
    if (run->retryTimer)
        run->retryTimer->stop();
    if (run->reply) {
        run->reply->abort(); // onFinished reports it
        return;
    }
    finish(run, Error{Error::Kind::Cancelled,
                      0,
                      {},
                      QStringLiteral("the remote run was cancelled"),
                      {}});
}

void RemoteHuntClient::schedule(const std::shared_ptr<Run> &run)
{
    if (run->finished || run->cancelled)
        return;
    const qint64 wait = m_limiter ? m_limiter->delayMs() : 0;
    if (wait > 0) {
        if (!run->retryTimer) {
            run->retryTimer = new QTimer(this);
            run->retryTimer->setSingleShot(true);
        }
        run->retryTimer->disconnect();
        connect(run->retryTimer, &QTimer::timeout, this, [this, run] { schedule(run); });
        run->retryTimer->start(int(wait));
        return;
    }
    if (m_limiter)
        m_limiter->recordCall();
    m_tokens->token(this, [this, run](const Result<QString> &token) {
        if (run->finished || run->cancelled)
            return;
        if (!token) {
            Error error = token.error();
            error.message
                    = QStringLiteral("Signing in for the remote run failed: %1").arg(error.message);
            finish(run, error);
            return;
        }
        send(run, token.value());
    });
}

void RemoteHuntClient::send(const std::shared_ptr<Run> &run, const QString &token)
{
    QNetworkRequest request(url());
    request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("client-request-id", run->requestId);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArray("application/json; charset=utf-8"));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    run->received.clear();
    run->timedOut = false;
    qCInfo(lcGraph).noquote() << "POST" << request.url().path() << "request-id" << run->requestId;
    QNetworkReply *reply = m_network->post(request, run->body);
    run->reply = reply;
    if (!run->deadline) {
        run->deadline = new QTimer(this);
        run->deadline->setSingleShot(true);
    }
    run->deadline->disconnect();
    connect(run->deadline, &QTimer::timeout, reply, [run, reply] {
        run->timedOut = true;
        reply->abort();
    });
    run->deadline->start(int(m_options.timeout.count()));
    connect(reply, &QNetworkReply::readyRead, this, [this, run, reply] {
        if (run->oversize)
            return;
        run->received += reply->readAll();
        if (run->received.size() > m_options.maxBodyBytes) {
            run->oversize = true;
            run->received.clear();
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, run, reply] { onFinished(run, reply); });
}

void RemoteHuntClient::onFinished(const std::shared_ptr<Run> &run, QNetworkReply *reply)
{
    reply->deleteLater();
    if (run->deadline)
        run->deadline->stop();
    run->reply = nullptr;
    if (run->finished)
        return;
    if (run->cancelled) {
        finish(run, Error{Error::Kind::Cancelled,
                          0,
                          {},
                          QStringLiteral("the remote run was cancelled"),
                          {}});
        return;
    }
    if (run->timedOut) {
        finish(run, explainRemoteHuntError(
                            Error{Error::Kind::Timeout, 0, QStringLiteral("timeout"), {}, {}},
                            QDateTime::currentDateTimeUtc()));
        return;
    }
    if (run->oversize) {
        finish(run,
               Error{Error::Kind::Parse,
                     0,
                     QStringLiteral("tooLarge"),
                     QStringLiteral("Defender's answer is larger than %1, more than Vigil reads: "
                                    "narrow the query (a shorter time range, a where filter, "
                                    "fewer columns) or add '| take 1000'.")
                             .arg(m_options.maxBodyBytes >= 1'000'000
                                          ? QStringLiteral("%1 MB").arg(m_options.maxBodyBytes
                                                                        / 1'000'000)
                                          : QStringLiteral("%1 KB").arg(m_options.maxBodyBytes
                                                                        / 1'000)),
                     {}});
        return;
    }
    if (!run->oversize && reply->isOpen())
        run->received += reply->readAll();
    const QByteArray body = std::exchange(run->received, QByteArray());
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() == QNetworkReply::NoError && status / 100 == 2) {
        Result<RemoteHuntResult> read = readHuntingResults(body, m_options.maxRows);
        if (!read) {
            Error error = read.error();
            error.httpStatus = status;
            const QString type = reply->header(QNetworkRequest::ContentTypeHeader).toString();
            error.message += QStringLiteral(" (HTTP %1, %2 bytes%3 from %4): something between "
                                            "Vigil and Graph, such as a proxy or a sign-in "
                                            "portal, may have answered instead.")
                                     .arg(status)
                                     .arg(body.size())
                                     .arg(type.isEmpty() ? QString()
                                                         : QStringLiteral(" of ") + type.left(80))
                                     .arg(url().host());
            finish(run, error);
            return;
        }
        qCInfo(lcGraph) << "runHuntingQuery:" << read->rows.size() << "rows," << body.size()
                        << "bytes";
        finish(run, std::move(read));
        return;
    }
    const Error error = errorFromReply(reply, body, QDateTime::currentDateTimeUtc());
    qCInfo(lcGraph).noquote() << "runHuntingQuery failed:" << error.toString();
    if (error.kind == Error::Kind::Auth && status == 401 && !run->authRetried) {
        run->authRetried = true; // the token expired or was revoked early: one fresh one
        m_tokens->invalidate();
        schedule(run);
        return;
    }
    retryOrFail(run, error);
}

void RemoteHuntClient::retryOrFail(const std::shared_ptr<Run> &run, const Error &error)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    std::chrono::milliseconds delay{-1};
    QString reason;
    if (error.kind == Error::Kind::Throttled && !run->throttleRetried && error.retryAfter
        && *error.retryAfter <= m_options.maxRetryWait) {
        run->throttleRetried = true;
        delay = std::chrono::duration_cast<std::chrono::milliseconds>(*error.retryAfter);
        reason = QStringLiteral("Defender is throttling hunting queries: trying again when it "
                                "asked, in %1")
                         .arg(waitText(*error.retryAfter));
    } else if ((error.kind == Error::Kind::Server || error.kind == Error::Kind::Network)
               && !run->serverRetried) {
        run->serverRetried = true;
        delay = m_options.serverRetryDelay;
        if (honoursRetryAfter(error) && *error.retryAfter <= m_options.maxRetryWait)
            delay = std::chrono::duration_cast<std::chrono::milliseconds>(*error.retryAfter);
        reason = QStringLiteral("Defender failed to run the query (%1): trying once more")
                         .arg(statusText(error));
    }
    if (delay.count() < 0) {
        finish(run, explainRemoteHuntError(error, now));
        return;
    }
    qCInfo(lcGraph).noquote() << "runHuntingQuery: retrying in" << delay.count() << "ms";
    Q_EMIT waiting(now.addMSecs(delay.count()), reason);
    if (!run->retryTimer) {
        run->retryTimer = new QTimer(this);
        run->retryTimer->setSingleShot(true);
    }
    run->retryTimer->disconnect();
    connect(run->retryTimer, &QTimer::timeout, this, [this, run] { schedule(run); });
    run->retryTimer->start(int(delay.count()));
}

void RemoteHuntClient::finish(const std::shared_ptr<Run> &run, Result<RemoteHuntResult> &&result)
{
    if (run->finished)
        return;
    run->finished = true;
    // Later: this may run inside one of their own timeouts.
    if (run->deadline)
        run->deadline->deleteLater();
    run->deadline = nullptr;
    if (run->retryTimer)
        run->retryTimer->deleteLater();
    run->retryTimer = nullptr;
    if (m_run == run)
        m_run.reset();
    if (run->context && run->done)
        run->done(std::move(result));
}

} // namespace Vigil
