#pragma once

#include <QtGlobal>

#include <deque>

namespace Vigil {

/**
 * @brief Token bucket that paces every Graph call, plus a hard cap per sliding minute.
 *
 * Refills callsPerMinute tokens per minute up to a small burst, and never lets more than
 * callsPerMinute calls start in any 60 s window. Times are milliseconds from any monotonic
 * clock, passed in so that the maths can be tested. Lives on the sync thread; not thread-safe.
 */
class RateLimiter
{
public:
    /** burst 0 means min(callsPerMinute, 10). */
    explicit RateLimiter(int callsPerMinute = 50, int burst = 0);

    void setCallsPerMinute(int callsPerMinute, int burst = 0);
    int callsPerMinute() const { return m_callsPerMinute; }
    int burst() const { return m_burst; }

    /** Milliseconds until a call may start at nowMs; 0 when it may start now. */
    qint64 delayMs(qint64 nowMs);
    /** Takes one token for a call starting at nowMs (call after delayMs() returned 0). */
    void recordCall(qint64 nowMs);
    /** delayMs() == 0 then recordCall(): true when the call may start now. */
    bool tryAcquire(qint64 nowMs);
    /** Calls started in the 60 s before nowMs. */
    int callsInLastMinute(qint64 nowMs);

private:
    void refill(qint64 nowMs);
    void prune(qint64 nowMs);

    int m_callsPerMinute = 50;
    int m_burst = 10;
    double m_tokens = 10;
    qint64 m_lastRefillMs = -1;
    std::deque<qint64> m_window;
};

} // namespace Vigil
