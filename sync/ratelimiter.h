#pragma once

#include "result.h"

#include <QString>
#include <QtGlobal>

#include <chrono>
#include <deque>

namespace Vigil {

class Clock;

/**
 * @brief Token bucket that paces every Graph call, plus a hard cap per sliding minute.
 *
 * Refills callsPerMinute tokens per minute up to a small burst, and never lets more than
 * callsPerMinute calls start in any 60 s window. Times are milliseconds from a monotonic
 * clock: passed in, or read from the Clock it is given (the system clock by default). Lives on
 * the sync thread; not thread-safe.
 */
class RateLimiter
{
public:
    /** burst 0 means min(callsPerMinute, 10). */
    explicit RateLimiter(int callsPerMinute = 50, int burst = 0);

    void setCallsPerMinute(int callsPerMinute, int burst = 0);
    int callsPerMinute() const { return m_callsPerMinute; }
    int burst() const { return m_burst; }
    /** The clock the overloads without a time read; not owned, must outlive this. */
    void setClock(const Clock *clock);
    const Clock *clock() const { return m_clock; }

    /** Milliseconds until a call may start at nowMs; 0 when it may start now. */
    qint64 delayMs(qint64 nowMs);
    /** Takes one token for a call starting at nowMs (call after delayMs() returned 0). */
    void recordCall(qint64 nowMs);
    /** delayMs() == 0 then recordCall(): true when the call may start now. */
    bool tryAcquire(qint64 nowMs);
    /** Calls started in the 60 s before nowMs. */
    int callsInLastMinute(qint64 nowMs);

    /** The same, at the clock's current time. */
    qint64 delayMs();
    void recordCall();
    bool tryAcquire();
    int callsInLastMinute();

private:
    void refill(qint64 nowMs);
    void prune(qint64 nowMs);

    int m_callsPerMinute = 50;
    int m_burst = 10;
    double m_tokens = 10;
    qint64 m_lastRefillMs = -1;
    std::deque<qint64> m_window;
    const Clock *m_clock;
};

/// The longest a running sync waits on a `Retry-After`: a service that asks for days (or a date
/// in the year 9999) gets its calls again after this, not never.
inline constexpr std::chrono::milliseconds kMaxRetryWait{15 * 60 * 1000};

/** A `Retry-After` as a timer's wait, cut to max. */
std::chrono::milliseconds retryAfterDelay(std::chrono::seconds retryAfter,
                                          std::chrono::milliseconds max = kMaxRetryWait);

/** True when error carries a `Retry-After` that a retry honours: on 429 and 503. */
bool honoursRetryAfter(const Error &error);

/**
 * How long to wait before trying a failed call again (attempt: the attempts made so far, from
 * 1). A `Retry-After` is honoured on 429 and 503, up to maxRetryAfter; otherwise the wait is
 * exponential back-off, base doubled per attempt up to max, with +-25% jitter (jitter in [0, 1)
 * picks where in that range) so that many clients do not retry in step.
 */
std::chrono::milliseconds retryDelay(const Error &error, int attempt,
                                     std::chrono::milliseconds base, std::chrono::milliseconds max,
                                     double jitter,
                                     std::chrono::milliseconds maxRetryAfter = kMaxRetryWait);

/** A wait in words for messages: "45 seconds", "2147484 seconds (about 24855 days)". */
QString waitText(std::chrono::seconds wait);

} // namespace Vigil
