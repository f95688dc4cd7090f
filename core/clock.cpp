#include "clock.h"

#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <limits>

namespace Vigil {

namespace {

/** QTimer counts in an int of milliseconds: a longer wait would wrap to a negative one and
 *  never fire, so it fires after 24.8 days instead. */
std::chrono::milliseconds timerInterval(std::chrono::milliseconds interval)
{
    return std::min(interval, std::chrono::milliseconds(std::numeric_limits<int>::max()));
}

/** A QTimer behind the ClockTimer interface: precise, since callers ask for exact intervals. */
class SystemTimer final : public ClockTimer
{
public:
    explicit SystemTimer(QObject *parent)
        : ClockTimer(parent)
        , m_timer(new QTimer(this))
    {
        m_timer->setTimerType(Qt::PreciseTimer);
        connect(m_timer, &QTimer::timeout, this, [this] { fire(); });
    }

    void start(std::chrono::milliseconds interval) override
    {
        m_timer->setSingleShot(isSingleShot());
        m_timer->start(timerInterval(interval));
    }
    void stop() override { m_timer->stop(); }
    bool isActive() const override { return m_timer->isActive(); }

private:
    QTimer *m_timer;
};

class SystemClock final : public Clock
{
public:
    SystemClock() { m_elapsed.start(); }

    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
    qint64 elapsedMs() const override { return m_elapsed.elapsed(); }
    ClockTimer *createTimer(QObject *parent) override { return new SystemTimer(parent); }
    void singleShot(std::chrono::milliseconds delay, QObject *context,
                    std::function<void()> callback) override
    {
        QTimer::singleShot(timerInterval(delay), context, std::move(callback));
    }

private:
    QElapsedTimer m_elapsed; // read-only after construction: safe from any thread
};

} // namespace

Clock::~Clock() = default;

void Clock::singleShot(std::chrono::milliseconds delay, QObject *context,
                       std::function<void()> callback)
{
    if (delay.count() <= 0) {
        QTimer::singleShot(0, context, std::move(callback));
        return;
    }
    ClockTimer *timer = createTimer(context);
    QObject::connect(timer, &ClockTimer::timeout, timer, [timer, callback = std::move(callback)] {
        timer->deleteLater();
        const std::function<void()> call = callback; // the callback may delete context
        call();
    });
    timer->start(delay);
}

Clock *Clock::system()
{
    static SystemClock clock;
    return &clock;
}

} // namespace Vigil
