#pragma once

#include "team.h"

#include <QObject>

namespace Vigil {

/**
 * @brief Decides whether this process is the one that syncs with Graph: the SyncWorker pulls
 * and delivers the outbox only while isLeader() is true.
 *
 * A worker without a gate is always the leader (one analyst on a SQLite store: nothing to
 * elect); on a team database the gate is a LeaderElection. Lives on the sync thread with the
 * worker, which calls start() from its initialize().
 */
class SyncGate : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual bool isLeader() const = 0;
    /** Begins taking part (on the thread the gate lives on). */
    virtual void start() = 0;

Q_SIGNALS:
    /** This process became the leader (true) or stopped being it (false). On false the
     *  worker stops syncing before doing anything else. */
    void leadershipChanged(bool leader);
    /** Who leads now (invalid: nobody is known to). */
    void leaderChanged(const Vigil::TeamConsole &leader);
    /** The consoles taking part, the leader first. */
    void consolesChanged(const QList<Vigil::TeamConsole> &consoles);
};

} // namespace Vigil
