#include "ratelimiter.h"

#include <algorithm>
#include <cmath>

namespace Vigil {

namespace {
constexpr qint64 kWindowMs = 60'000;
}

RateLimiter::RateLimiter(int callsPerMinute, int burst)
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

} // namespace Vigil
