#pragma once

#include "syncgate.h"
#include "teamdatabase.h"

#include <QTimer>

namespace Vigil {

/**
 * @brief Elects one sync leader per team database with a PostgreSQL session advisory lock.
 *
 * Holds a connection of its own: the session that holds the lock is the leader, so the lock
 * goes when the leader's process dies, its backend is terminated or its connection is cut,
 * without anything to clean up. Every poll interval a reader tries the lock
 * (pg_try_advisory_lock), which hands a released lock over within one interval, and every
 * console writes its heartbeat into `team_consoles` (created when missing), removing the rows
 * not seen for three of their intervals. A leader whose connection fails steps down at once
 * (leadershipChanged(false) before anything else), reconnects at the next tick and, to let
 * the others take over, tries the lock only at the tick after that.
 *
 * Lives on the thread that calls start() (the sync thread in a window, the main thread in
 * vigilctl); stop() or the destructor give the lock back and remove the console's row.
 */
class LeaderElection : public SyncGate
{
    Q_OBJECT
public:
    explicit LeaderElection(TeamSettings settings, QObject *parent = nullptr);
    ~LeaderElection() override;

    bool isLeader() const override { return m_leader; }
    void start() override;
    /** Leaves the election: the lock and the console's row go at once. */
    void stop();

    QString consoleId() const { return m_consoleId; }
    /** The application name of the election's session (pg_stat_activity). */
    QString applicationName() const { return m_connection.applicationName(); }
    TeamConsole leader() const { return m_leaderInfo; }
    QList<TeamConsole> consoles() const { return m_consoles; }
    /** The last connection or query failure; empty once a tick went through. */
    QString lastError() const { return m_lastError; }

    /** One round now: (re)connect, try the lock, heartbeat, read the consoles. */
    void tick();

private:
    bool connectNow();
    void connectionFailed(const QString &what, const QString &detail);
    bool heartbeat();
    void readLeader();

    TeamSettings m_settings;
    QString m_consoleId;
    Team::TeamConnection m_connection;
    QTimer *m_timer; ///< a child, so that it moves with the election
    TeamConsole m_leaderInfo;
    QList<TeamConsole> m_consoles;
    QString m_lastError;
    bool m_leader = false;
    bool m_running = false;
    bool m_tablesReady = false;
    int m_holdOffTicks = 0; ///< ticks to leave the lock to the others after a failure
};

} // namespace Vigil
