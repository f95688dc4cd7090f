#pragma once

#include "clock.h"

#include <QMutex>

#include <vector>

namespace Vigil::Test {

class TestTimer;

/**
 * @brief A Clock whose time moves only when the test says so.
 *
 * advance() fires every timer that falls due on the way, earliest first (timers due at the same
 * moment in the order they were started), including timers that those timers' callbacks start.
 * A timer fires on its own thread: directly when that is the caller's, otherwise by a blocking
 * queued call, so advance() returns only after everything due has run. Any thread.
 */
class TestClock final : public Clock
{
public:
    /** start: the UTC time at elapsedMs() 0 (default: now, to the second). */
    explicit TestClock(const QDateTime &start = {});
    ~TestClock() override;

    QDateTime now() const override;
    qint64 elapsedMs() const override;
    ClockTimer *createTimer(QObject *parent) override;

    /** Moves time on by ms, firing what falls due. */
    void advance(qint64 ms);
    void advance(std::chrono::milliseconds ms) { advance(qint64(ms.count())); }
    /** Running timers. */
    int activeTimers() const;
    /** When the next running timer falls due, in elapsedMs(); -1 when none runs. */
    qint64 nextDue() const;

private:
    friend class TestTimer;
    struct Entry
    {
        TestTimer *timer;
        qint64 due;
        quint64 order;
    };
    void arm(TestTimer *timer, qint64 interval);
    void disarm(TestTimer *timer);
    void forget(TestTimer *timer);

    mutable QMutex m_mutex;
    QDateTime m_start;
    qint64 m_elapsed = 0;
    quint64 m_order = 0;
    std::vector<Entry> m_armed;
    std::vector<TestTimer *> m_timers;
};

} // namespace Vigil::Test
