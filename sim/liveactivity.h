#pragma once

#include <QObject>
#include <QRandomGenerator>
#include <QTimer>

namespace Vigil::Sim {

class SimTenant;

/**
 * Portal-like activity on a timer: analysts change status and owners, products raise alerts and
 * new incidents, Defender merges now and then. Deterministic for a seed. Lives on the thread of
 * the SimServer that owns it.
 */
class LiveActivity : public QObject
{
    Q_OBJECT

public:
    LiveActivity(SimTenant &tenant, quint32 seed, int intervalMs, QObject *parent = nullptr);

    void start();
    void step(); // one round of activity; the timer calls this

Q_SIGNALS:
    void activity(const QString &description);

private:
    qint64 pickIncident(bool openOnly);

    SimTenant &m_tenant;
    QRandomGenerator m_random;
    QTimer m_timer;
};

} // namespace Vigil::Sim
