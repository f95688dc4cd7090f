#pragma once

#include "ratelimiter.h"
#include "result.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace Vigil {

class Clock;
class TokenProvider;

/**
 * Turns a failed (or unusable) reply into an Error: HTTP status and network errors into kinds,
 * `Retry-After` (seconds or HTTP date) into retryAfter, and the Graph `error.code` /
 * `error.message` or the Entra `error` / `error_description` into code and message. A 2xx reply
 * gets here only when its body is not a JSON object: that is a Parse error.
 */
Error errorFromReply(QNetworkReply *reply, const QByteArray &body);
/** The same, with an HTTP-date `Retry-After` read relative to now. */
Error errorFromReply(QNetworkReply *reply, const QByteArray &body, const QDateTime &now);

/** An HTTP date (`Fri, 27 Nov 2026 03:00:00 GMT`) in UTC; invalid when it is none. */
QDateTime parseHttpDate(const QByteArray &value);

/** Graph's `Retry-After`: delay seconds or an HTTP date, relative to now; nullopt if absent. */
std::optional<std::chrono::seconds> parseRetryAfter(const QByteArray &value, const QDateTime &now);

/** @brief How GraphClient retries and times out. Any thread. */
struct GraphClientOptions
{
    int maxAttempts = 5; ///< for network errors, timeouts, 5xx and 429
    std::chrono::milliseconds requestTimeout{60'000}; ///< no bytes for this long: Timeout
    std::chrono::milliseconds backoffBase{1'000}; ///< first retry delay, doubled each time
    std::chrono::milliseconds backoffMax{60'000};
    /// The longest wait on a `Retry-After`; a longer one is cut to this.
    std::chrono::milliseconds maxRetryWait = kMaxRetryWait;
    /// A `Retry-After` longer than this fails the call instead of waiting, with a message that
    /// names the wait (a one-off run should not sit out a long throttle); 0: never.
    std::chrono::seconds failRetryWaitAbove{0};
    /// The most one answer may hold. A page of 50 incidents with their alerts is a few MB and an
    /// advanced hunting result at most about 124 MB; a larger answer is not read further
    /// (AnswerTooLarge), so that a broken or hostile service cannot fill the memory.
    qint64 maxAnswerBytes = qint64(512) * 1024 * 1024;
};

/**
 * @brief Graph security API calls with paging, budget, retries and token handling.
 *
 * Every call waits for the RateLimiter, takes a token from the TokenProvider, sends
 * `Authorization: Bearer`, `Prefer: include-unknown-enum-members` and a `client-request-id`,
 * retries network errors, timeouts and 5xx with exponential back-off and jitter, honours
 * `Retry-After` on 429 and 503 (up to GraphClientOptions::maxRetryWait), and on a 401 drops the
 * token and retries once with a fresh one.
 * It refuses URLs (e.g. `@odata.nextLink`) that are not on the configured endpoint. It owns no
 * network manager: the one it is given lives on the sync thread, as does this object. Waits
 * (rate limit, back-off, `Retry-After`, request timeout) run on its Clock, the system clock
 * unless setClock() says otherwise.
 */
class GraphClient : public QObject
{
    Q_OBJECT
public:
    using JsonCallback = std::function<void(const Result<QJsonObject> &result)>;
    using BodyCallback = std::function<void(Result<QByteArray> &&body)>;

    GraphClient(QNetworkAccessManager *network, TokenProvider *tokens, RateLimiter *limiter,
                QUrl graphEndpoint, QObject *parent = nullptr);
    ~GraphClient() override;

    void setOptions(const GraphClientOptions &options) { m_options = options; }
    const GraphClientOptions &options() const { return m_options; }
    /** The clock of every wait (not owned, must outlive this; null: the system clock). */
    void setClock(Clock *clock);
    QUrl endpoint() const { return m_endpoint; }

    /** `<endpoint>/v1.0<path>?<query>`, e.g. path "/security/incidents". */
    QUrl url(const QString &path, const QUrlQuery &query = {}) const;
    /** True when url has the endpoint's scheme, host and port (nextLinks must). */
    bool isOnEndpoint(const QUrl &url) const;

    /** GETs url and calls done with the JSON object (on this thread, never before returning),
     *  unless context is gone. maxAttempts 0 uses the options' value. */
    void get(const QUrl &url, QObject *context, JsonCallback done, int maxAttempts = 0);
    /** PATCHes url with a JSON body (Content-Type application/json), with get()'s retries,
     *  errors and callback rules; done gets the JSON object of the answer. A caller that must
     *  look again before repeating a write passes maxAttempts 1. */
    void patch(const QUrl &url, const QJsonObject &body, QObject *context, JsonCallback done,
               int maxAttempts = 0);
    /** POSTs a JSON body to url, like patch(). */
    void post(const QUrl &url, const QJsonObject &body, QObject *context, JsonCallback done,
              int maxAttempts = 0);
    /** Like get(), with the same retries and errors, but hands over the body of a successful
     *  reply unparsed, for callers that read it with a faster parser of their own. */
    void getBody(const QUrl &url, QObject *context, BodyCallback done, int maxAttempts = 0);

    /** Calls the rate limiter let through in the last 60 s. */
    int callsInLastMinute() { return m_limiter ? m_limiter->callsInLastMinute(nowMs()) : 0; }
    /** Requests sent to Graph (retries included) since construction. */
    qint64 requestsSent() const { return m_requestsSent; }
    /** Time spent waiting for Graph replies (request sent to reply finished), ns. */
    qint64 networkWaitNs() const { return m_networkWaitNs; }
    /** CPU time spent parsing reply bodies as JSON, ns. */
    qint64 jsonParseNs() const { return m_jsonParseNs; }
    qint64 bytesReceived() const { return m_bytesReceived; }
    /** The service's clock: the `Date` header of the latest reply that had one, to the
     *  second; invalid before. */
    QDateTime serverTime() const { return m_serverTime; }

Q_SIGNALS:
    /** A transient failure is retried at until (Retry-After or back-off). */
    void backingOff(const QDateTime &until, const Vigil::Error &error);
    /** A request left for Graph (for the calls-per-minute display). */
    void requestSent();

private:
    struct Call;
    qint64 nowMs() const;
    void schedule(const std::shared_ptr<Call> &call);
    void send(const std::shared_ptr<Call> &call, const QString &token);
    void onFinished(const std::shared_ptr<Call> &call, QNetworkReply *reply, qint64 sentNs);
    void retryOrFail(const std::shared_ptr<Call> &call, const Error &error);
    void complete(const std::shared_ptr<Call> &call, const Result<QJsonObject> &result);
    void fail(const std::shared_ptr<Call> &call, const Error &error);
    void start(const std::shared_ptr<Call> &call, const QUrl &url, QObject *context,
               int maxAttempts);

    QNetworkAccessManager *m_network;
    TokenProvider *m_tokens;
    RateLimiter *m_limiter;
    QUrl m_endpoint;
    GraphClientOptions m_options;
    Clock *m_clock;
    QElapsedTimer m_stopwatch; ///< measures network waits, whatever the clock
    qint64 m_requestsSent = 0;
    qint64 m_networkWaitNs = 0;
    qint64 m_jsonParseNs = 0;
    qint64 m_bytesReceived = 0;
    QDateTime m_serverTime;
};

} // namespace Vigil
