#pragma once

#include <QDateTime>
#include <QObject>

#include <chrono>
#include <functional>

namespace Vigil {

class ClockTimer;

/**
 * @brief Where Vigil's time comes from: the current UTC time, a monotonic count of milliseconds
 * and timers.
 *
 * Code that waits (poll intervals, token lifetimes, back-off, rate limits) asks a Clock instead
 * of QDateTime, QElapsedTimer and QTimer, so that a test can move time on instead of waiting
 * for it. Clock::system() is the real clock and the default everywhere; it is shared and lives
 * as long as the program. Implementations are thread-safe: one clock may serve objects on
 * several threads, and each timer delivers on its own thread.
 */
class Clock
{
public:
    virtual ~Clock();

    /** The current time, UTC. */
    virtual QDateTime now() const = 0;
    /** Milliseconds on a monotonic clock: only differences mean something. */
    virtual qint64 elapsedMs() const = 0;
    /** A stopped timer owned by parent (on parent's thread, or the calling thread without one). */
    virtual ClockTimer *createTimer(QObject *parent) = 0;
    /** Calls callback on context's thread once delay has passed, unless context is gone by
     *  then. Call it from context's thread. A zero delay waits for the event loop, like
     *  QTimer::singleShot(0, ...), whatever the clock. */
    virtual void singleShot(std::chrono::milliseconds delay, QObject *context,
                            std::function<void()> callback);

    /** The real clock: QDateTime, QElapsedTimer and QTimer. */
    static Clock *system();

protected:
    Clock() = default;
    Q_DISABLE_COPY_MOVE(Clock)
};

/**
 * @brief A timer of a Clock, used like QTimer: start(), stop(), timeout() on the thread it
 * lives on. Made by Clock::createTimer().
 */
class ClockTimer : public QObject
{
    Q_OBJECT
public:
    /** Single-shot by default. */
    void setSingleShot(bool singleShot) { m_singleShot = singleShot; }
    bool isSingleShot() const { return m_singleShot; }
    /** (Re)starts the timer: timeout() after interval, then every interval unless single-shot. */
    virtual void start(std::chrono::milliseconds interval) = 0;
    virtual void stop() = 0;
    virtual bool isActive() const = 0;

Q_SIGNALS:
    void timeout();

protected:
    explicit ClockTimer(QObject *parent)
        : QObject(parent)
    { }
    void fire() { Q_EMIT timeout(); }

private:
    bool m_singleShot = true;
};

} // namespace Vigil
