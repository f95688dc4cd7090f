#include "ratelimiter.h"

#include "clock.h"

#include <algorithm>
#include <cmath>

namespace Vigil {

namespace {
constexpr qint64 kWindowMs = 60'000;
}

RateLimiter::RateLimiter(int callsPerMinute, int burst)
    : m_clock(Clock::system())
{
    setCallsPerMinute(callsPerMinute, burst);
}

void RateLimiter::setCallsPerMinute(int callsPerMinute, int burst)
{
    m_callsPerMinute = std::max(1, callsPerMinute);
    m_burst = burst > 0 ? std::min(burst, m_callsPerMinute) : std::min(m_callsPerMinute, 10);
    m_tokens = std::min(m_tokens, double(m_burst));
    if (m_lastRefillMs < 0)
        m_tokens = m_burst;
}

void RateLimiter::setClock(const Clock *clock)
{
    m_clock = clock ? clock : Clock::system();
}

void RateLimiter::refill(qint64 nowMs)
{
    if (m_lastRefillMs < 0) {
        m_lastRefillMs = nowMs;
        m_tokens = m_burst;
        return;
    }
    if (nowMs <= m_lastRefillMs)
        return;
    const double perMs = double(m_callsPerMinute) / double(kWindowMs);
    m_tokens = std::min(double(m_burst), m_tokens + double(nowMs - m_lastRefillMs) * perMs);
    m_lastRefillMs = nowMs;
}

void RateLimiter::prune(qint64 nowMs)
{
    while (!m_window.empty() && m_window.front() <= nowMs - kWindowMs)
        m_window.pop_front();
}

qint64 RateLimiter::delayMs(qint64 nowMs)
{
    refill(nowMs);
    prune(nowMs);
    qint64 delay = 0;
    if (m_tokens < 1.0) {
        const double perMs = double(m_callsPerMinute) / double(kWindowMs);
        delay = qint64(std::ceil((1.0 - m_tokens) / perMs));
    }
    if (int(m_window.size()) >= m_callsPerMinute)
        delay = std::max(delay, m_window.front() + kWindowMs - nowMs);
    return std::max<qint64>(0, delay);
}

void RateLimiter::recordCall(qint64 nowMs)
{
    refill(nowMs);
    m_tokens = std::max(0.0, m_tokens - 1.0);
    m_window.push_back(nowMs);
    prune(nowMs);
}

bool RateLimiter::tryAcquire(qint64 nowMs)
{
    if (delayMs(nowMs) > 0)
        return false;
    recordCall(nowMs);
    return true;
}

int RateLimiter::callsInLastMinute(qint64 nowMs)
{
    prune(nowMs);
    return int(m_window.size());
}

qint64 RateLimiter::delayMs()
{
    return delayMs(m_clock->elapsedMs());
}

void RateLimiter::recordCall()
{
    recordCall(m_clock->elapsedMs());
}

bool RateLimiter::tryAcquire()
{
    return tryAcquire(m_clock->elapsedMs());
}

int RateLimiter::callsInLastMinute()
{
    return callsInLastMinute(m_clock->elapsedMs());
}

std::chrono::milliseconds retryAfterDelay(std::chrono::seconds retryAfter,
                                          std::chrono::milliseconds max)
{
    // Compared in seconds first: any number of seconds a header can carry fits, while its
    // milliseconds might not; and the timers that run the wait take an int of milliseconds.
    if (retryAfter > std::chrono::duration_cast<std::chrono::seconds>(max))
        return max;
    return std::min(std::chrono::duration_cast<std::chrono::milliseconds>(retryAfter), max);
}

bool honoursRetryAfter(const Error &error)
{
    return error.retryAfter && (error.kind == Error::Kind::Throttled || error.httpStatus == 503);
}

std::chrono::milliseconds retryDelay(const Error &error, int attempt,
                                     std::chrono::milliseconds base, std::chrono::milliseconds max,
                                     double jitter, std::chrono::milliseconds maxRetryAfter)
{
    if (honoursRetryAfter(error))
        return retryAfterDelay(*error.retryAfter, maxRetryAfter);
    const int exponent = std::min(std::max(attempt - 1, 0), 16);
    const qint64 delay = std::min<qint64>(base.count() << exponent, max.count());
    return std::chrono::milliseconds(qint64(double(delay) * (0.75 + 0.5 * jitter)));
}

QString waitText(std::chrono::seconds wait)
{
    constexpr qint64 kHour = 3600;
    constexpr qint64 kDay = 86400;
    const qint64 seconds = wait.count();
    if (seconds < 120)
        return QStringLiteral("%1 seconds").arg(seconds);
    QString about;
    if (seconds < 2 * kHour)
        about = QStringLiteral("%1 minutes").arg(seconds / 60);
    else if (seconds < 2 * kDay)
        about = QStringLiteral("%1 hours").arg(seconds / kHour);
    else
        about = QStringLiteral("%1 days").arg(seconds / kDay);
    return QStringLiteral("%1 seconds (about %2)").arg(seconds).arg(about);
}

} // namespace Vigil
