#include "testclock.h"

#include <QMutexLocker>
#include <QThread>

#include <algorithm>

namespace Vigil::Test {

class TestTimer final : public ClockTimer
{
public:
    TestTimer(TestClock *clock, QObject *parent)
        : ClockTimer(parent)
        , m_clock(clock)
    { }
    ~TestTimer() override
    {
        if (m_clock)
            m_clock->forget(this);
    }

    void start(std::chrono::milliseconds interval) override
    {
        m_interval = std::max<qint64>(0, interval.count());
        if (m_clock)
            m_clock->arm(this, m_interval);
    }
    void stop() override
    {
        if (m_clock)
            m_clock->disarm(this);
    }
    bool isActive() const override
    {
        if (!m_clock)
            return false;
        QMutexLocker lock(&m_clock->m_mutex);
        return std::any_of(m_clock->m_armed.begin(), m_clock->m_armed.end(),
                           [this](const TestClock::Entry &entry) { return entry.timer == this; });
    }

    qint64 interval() const { return m_interval; }
    void deliver() { fire(); }

    TestClock *m_clock; ///< null once the clock is gone
    qint64 m_interval = 0;
};

TestClock::TestClock(const QDateTime &start)
    : m_start(start.isValid() ? start.toUTC() : QDateTime::currentDateTimeUtc())
{
    if (!start.isValid())
        m_start.setTime(
                QTime(m_start.time().hour(), m_start.time().minute(), m_start.time().second()));
}

TestClock::~TestClock()
{
    QMutexLocker lock(&m_mutex);
    for (TestTimer *timer : m_timers)
        timer->m_clock = nullptr;
}

QDateTime TestClock::now() const
{
    QMutexLocker lock(&m_mutex);
    return m_start.addMSecs(m_elapsed);
}

qint64 TestClock::elapsedMs() const
{
    QMutexLocker lock(&m_mutex);
    return m_elapsed;
}

ClockTimer *TestClock::createTimer(QObject *parent)
{
    auto *timer = new TestTimer(this, parent);
    QMutexLocker lock(&m_mutex);
    m_timers.push_back(timer);
    return timer;
}

void TestClock::arm(TestTimer *timer, qint64 interval)
{
    QMutexLocker lock(&m_mutex);
    std::erase_if(m_armed, [timer](const Entry &entry) { return entry.timer == timer; });
    m_armed.push_back({timer, m_elapsed + interval, m_order++});
}

void TestClock::disarm(TestTimer *timer)
{
    QMutexLocker lock(&m_mutex);
    std::erase_if(m_armed, [timer](const Entry &entry) { return entry.timer == timer; });
}

void TestClock::forget(TestTimer *timer)
{
    QMutexLocker lock(&m_mutex);
    std::erase_if(m_armed, [timer](const Entry &entry) { return entry.timer == timer; });
    std::erase(m_timers, timer);
}

int TestClock::activeTimers() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_armed.size());
}

qint64 TestClock::nextDue() const
{
    QMutexLocker lock(&m_mutex);
    const auto next
            = std::min_element(m_armed.begin(), m_armed.end(),
                               [](const Entry &a, const Entry &b) { return a.due < b.due; });
    return next == m_armed.end() ? -1 : next->due;
}

void TestClock::advance(qint64 ms)
{
    QMutexLocker lock(&m_mutex);
    const qint64 target = m_elapsed + std::max<qint64>(0, ms);
    for (;;) {
        const auto next = std::min_element(
                m_armed.begin(), m_armed.end(), [](const Entry &a, const Entry &b) {
                    return a.due != b.due ? a.due < b.due : a.order < b.order;
                });
        if (next == m_armed.end() || next->due > target)
            break;
        TestTimer *timer = next->timer;
        m_elapsed = std::max(m_elapsed, next->due);
        if (timer->isSingleShot() || timer->interval() <= 0)
            m_armed.erase(next);
        else
            *next = {timer, next->due + timer->interval(), m_order++};
        lock.unlock();
        // Delivered where the timer lives, as a QTimer would be; the callback may start, stop or
        // delete timers, so the list is read again afterwards.
        if (timer->thread() == QThread::currentThread())
            timer->deliver();
        else
            QMetaObject::invokeMethod(
                    timer, [timer] { timer->deliver(); }, Qt::BlockingQueuedConnection);
        lock.relock();
    }
    m_elapsed = target;
}

} // namespace Vigil::Test
