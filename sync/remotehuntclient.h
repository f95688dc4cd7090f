#pragma once

#include "huntingresultreader.h"
#include "result.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace Vigil {

class RateLimiter;
class TokenProvider;

/** @brief How RemoteHuntClient waits, retries and caps an answer. Any thread. */
struct RemoteHuntOptions
{
    /// Defender stops a hunting query after 3 minutes; Vigil gives up on an attempt then too.
    std::chrono::milliseconds timeout{180'000};
    /// A 429's `Retry-After` up to this long is waited out once; a longer one ends the run.
    std::chrono::seconds maxRetryWait{60};
    /// The wait before the one retry of a 5xx or a network error.
    std::chrono::milliseconds serverRetryDelay{2'000};
    /// An answer larger than this is not read (Defender's own cap is about 124 MB).
    qint64 maxBodyBytes = 130'000'000;
    /// Rows kept at most (Defender's own cap is 100 000).
    qint64 maxRows = 100'000;
};

/**
 * @brief Runs a KQL query in Microsoft 365 Defender through Graph
 * `POST /v1.0/security/runHuntingQuery` and hands back the rows in the local engine's shape.
 *
 * Sends `{"Query", "Timespan"}` as `application/json; charset=utf-8` with a bearer token from
 * the TokenProvider, after the RateLimiter lets it through, to the configured Graph endpoint
 * only (https, or http on loopback). Retries a little, as a one-off query should: a 401 once
 * with a fresh token, a 429 once when its `Retry-After` is within RemoteHuntOptions::maxRetryWait,
 * a 5xx (Defender's transient `UnknownError`) or a network error once. Every failure comes back
 * as an Error whose message says, in words an analyst can act on, what happened and what to do
 * (quota and when to try again, result too large, the missing permission, the query's own
 * error as Defender words it, the 3-minute limit). One run at a time; cancel() stops it.
 * Lives on the thread of the network manager it is given (not owned), as do the token provider
 * and the limiter.
 */
class RemoteHuntClient : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(Result<RemoteHuntResult> &&result)>;

    RemoteHuntClient(QNetworkAccessManager *network, TokenProvider *tokens, RateLimiter *limiter,
                     QUrl graphEndpoint, QObject *parent = nullptr);
    ~RemoteHuntClient() override;

    void setOptions(const RemoteHuntOptions &options) { m_options = options; }
    const RemoteHuntOptions &options() const { return m_options; }
    /** `<endpoint>/v1.0/security/runHuntingQuery`. */
    QUrl url() const;

    /**
     * Runs query over timespan (ISO 8601, see huntingTimespanStart(); empty: Defender's default
     * of 30 days) and calls done on this thread, never before returning, unless context is gone.
     * A run still going is cancelled first (its callback gets a Cancelled error).
     */
    void run(const QString &query, const QString &timespan, QObject *context, Callback done);
    /** Stops the running query; its callback gets a Cancelled error. */
    void cancel();
    bool isRunning() const { return m_run != nullptr; }

    /** The request body: `{"Query": query}` plus `"Timespan"` when timespan is not empty. */
    static QByteArray requestBody(const QString &query, const QString &timespan);
    /** Warnings before a run: a window that reaches past Defender's 30 days. */
    static QStringList windowWarnings(const QString &query, const QString &timespan,
                                      const QDateTime &now);

Q_SIGNALS:
    /** The run waits until then before trying again, for the reason given (in words). */
    void waiting(const QDateTime &until, const QString &reason);

private:
    struct Run;
    void schedule(const std::shared_ptr<Run> &run);
    void send(const std::shared_ptr<Run> &run, const QString &token);
    void onFinished(const std::shared_ptr<Run> &run, QNetworkReply *reply);
    void retryOrFail(const std::shared_ptr<Run> &run, const Error &error);
    void finish(const std::shared_ptr<Run> &run, Result<RemoteHuntResult> &&result);

    QNetworkAccessManager *m_network;
    TokenProvider *m_tokens;
    RateLimiter *m_limiter;
    QUrl m_endpoint;
    RemoteHuntOptions m_options;
    std::shared_ptr<Run> m_run;
};

/**
 * A failure of runHuntingQuery in words an analyst can act on: the error with its message
 * rewritten (kind, status, code kept; retryAfter set to the wait the message names for a 429).
 * now places "try again after" times. host names the Graph endpoint in network errors.
 */
Error explainRemoteHuntError(const Error &error, const QDateTime &now);

} // namespace Vigil
