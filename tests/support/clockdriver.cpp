#include "clockdriver.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

#include <algorithm>

namespace Vigil::Test {

namespace {

/** A network manager that counts its replies until they finish. */
class CountingNetworkAccessManager final : public QNetworkAccessManager
{
public:
    CountingNetworkAccessManager(std::shared_ptr<std::atomic<int>> inFlight, QObject *parent)
        : QNetworkAccessManager(parent)
        , m_inFlight(std::move(inFlight))
    { }

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override
    {
        QNetworkReply *reply = QNetworkAccessManager::createRequest(op, request, outgoingData);
        ++*m_inFlight;
        connect(reply, &QNetworkReply::finished, reply, [inFlight = m_inFlight] { --*inFlight; });
        return reply;
    }

private:
    std::shared_ptr<std::atomic<int>> m_inFlight;
};

} // namespace

NetworkFactory CallCounter::networkFactory() const
{
    return [inFlight = m_inFlight](QObject *parent) -> QNetworkAccessManager * {
        return new CountingNetworkAccessManager(inFlight, parent);
    };
}

ClockDriver::ClockDriver(TestClock &clock, const CallCounter &calls, std::function<int()> stalled,
                         qint64 jumpLimitMs)
    : m_clock(clock)
    , m_calls(calls)
    , m_stalled(std::move(stalled))
    , m_jumpLimitMs(jumpLimitMs)
{
    m_real.start();
    m_timer.setInterval(1);
    connect(&m_timer, &QTimer::timeout, this, &ClockDriver::tick);
    m_timer.start();
}

bool ClockDriver::moveOn(qint64 ms, int realTimeoutMs)
{
    const qint64 target = m_clock.elapsedMs() + ms;
    m_targetMs = std::max(m_targetMs, target);
    return QTest::qWaitFor([&] { return m_clock.elapsedMs() >= target; }, realTimeoutMs);
}

void ClockDriver::tick()
{
    const qint64 real = m_real.restart();
    if (m_calls.inFlight() > m_stalled())
        return;
    const qint64 now = m_clock.elapsedMs();
    qint64 step = real;
    const qint64 next = m_clock.nextDue();
    if (next >= 0 && next - now <= m_jumpLimitMs)
        step = std::max(step, next - now);
    if (m_targetMs > now)
        step = std::max(step, (next >= 0 ? std::min(next, m_targetMs) : m_targetMs) - now);
    if (step > 0)
        m_clock.advance(step);
}

} // namespace Vigil::Test
