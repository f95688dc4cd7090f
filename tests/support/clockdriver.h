#pragma once

#include "networkfactory.h"
#include "testclock.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>

namespace Vigil::Test {

/** Counts the calls on the wire of the network managers it makes. Any thread. */
class CallCounter
{
public:
    /** Network managers that count their calls here; for SyncConfig::networkFactory. */
    NetworkFactory networkFactory() const;
    /** Calls on the wire now. */
    int inFlight() const { return m_inFlight->load(); }

private:
    std::shared_ptr<std::atomic<int>> m_inFlight = std::make_shared<std::atomic<int>>(0);
};

/**
 * @brief Moves a TestClock on while a test runs a real sync against the simulator, so that
 * waits (back-off, Retry-After, outbox retries, the request timeout of a call the simulator
 * leaves unanswered) pass at once instead of in real time.
 *
 * Every millisecond of real time it looks at the sync's network: while a call is on the wire
 * (and the simulator is not sitting on it on purpose), time stands still, so a slow machine
 * never turns a real reply into a timeout. Otherwise time moves at the real pace, and jumps to
 * the next timer when that is due within the jump limit or before a target set by moveOn(). Real
 * HTTP replies still take their real time. Lives on the test's thread; make it after the
 * SyncController it drives, so that it stops first (a timer of a finished sync thread cannot
 * fire).
 */
class ClockDriver : public QObject
{
    Q_OBJECT
public:
    /** calls: the sync's network; stalled: how many of its calls on the wire the server leaves
     *  unanswered on purpose; jumpLimitMs: the longest wait skipped without a target. */
    ClockDriver(TestClock &clock, const CallCounter &calls, std::function<int()> stalled,
                qint64 jumpLimitMs);

    /** Moves the clock by ms (at once while the network is quiet) and returns when it has. */
    bool moveOn(qint64 ms, int realTimeoutMs = 60000);

private:
    void tick();

    TestClock &m_clock;
    const CallCounter &m_calls;
    std::function<int()> m_stalled;
    qint64 m_jumpLimitMs;
    qint64 m_targetMs = -1;
    QTimer m_timer;
    QElapsedTimer m_real; ///< real time since the last tick
};

} // namespace Vigil::Test
