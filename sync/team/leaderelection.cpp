#include "leaderelection.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

namespace Vigil {

LeaderElection::LeaderElection(TeamSettings settings, QObject *parent)
    : SyncGate(parent)
    , m_settings(std::move(settings))
    , m_consoleId(QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_connection(QStringLiteral("vigil-election-%1").arg(QCoreApplication::applicationPid()))
    , m_timer(new QTimer(this))
{
    if (m_settings.pollIntervalMs <= 0)
        m_settings.pollIntervalMs = 10'000;
    m_settings.pollIntervalMs = std::clamp(m_settings.pollIntervalMs, 200, 300'000);
    m_timer->setInterval(m_settings.pollIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &LeaderElection::tick);
}

LeaderElection::~LeaderElection()
{
    // No signals from a destructor: the worker that listens goes with it.
    blockSignals(true);
    stop();
}

void LeaderElection::start()
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (m_running)
        return;
    m_running = true;
    m_timer->start();
    tick();
}

void LeaderElection::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_timer->stop();
    const bool wasLeader = m_leader;
    m_leader = false;
    if (m_connection.isOpen()) {
        QSqlQuery query(m_connection.database());
        if (wasLeader) {
            query.exec(QStringLiteral("SELECT pg_advisory_unlock(%1, %2)")
                               .arg(Team::kLockClass)
                               .arg(Team::kLeaderKey));
        }
        query.prepare(QStringLiteral("DELETE FROM team_consoles WHERE console_id = ?"));
        query.addBindValue(m_consoleId);
        query.exec();
        m_connection.close();
    }
    if (wasLeader) {
        qCInfo(lcTeam) << "left the election; no longer the sync leader";
        Q_EMIT leadershipChanged(false);
    }
}

bool LeaderElection::connectNow()
{
    const Result<void> opened = m_connection.open(m_settings);
    if (!opened) {
        if (m_lastError != opened.error().message)
            qCWarning(lcTeam).noquote() << opened.error().message;
        m_lastError = opened.error().message;
        return false;
    }
    m_tablesReady = false;
    {
        // A leader whose network is cut must lose the lock within about one interval: the
        // server probes an idle session and gives up on unacknowledged data that soon, then
        // ends the backend and with it the lock. (Best effort: a server may refuse these.)
        const int seconds = std::max(1, m_settings.pollIntervalMs / 1000);
        QSqlQuery query(m_connection.database());
        query.exec(
                QStringLiteral("SET tcp_keepalives_idle = %1").arg(std::max(1, seconds * 2 / 5)));
        query.exec(
                QStringLiteral("SET tcp_keepalives_interval = %1").arg(std::max(1, seconds / 5)));
        query.exec(QStringLiteral("SET tcp_keepalives_count = 3"));
        query.exec(QStringLiteral("SET tcp_user_timeout = %1").arg(m_settings.pollIntervalMs));
    }
    if (const Result<void> tables = Team::ensureTeamTables(m_connection.database()); !tables) {
        connectionFailed(QStringLiteral("team tables"), tables.error().message);
        return false;
    }
    m_tablesReady = true;
    qCInfo(lcTeam) << "joined the election as" << m_consoleId;
    return true;
}

void LeaderElection::connectionFailed(const QString &what, const QString &detail)
{
    // Stop syncing first: the lock may already be someone else's.
    if (m_leader) {
        m_leader = false;
        qCWarning(lcTeam).noquote() << "stepping down as the sync leader:" << what << detail;
        Q_EMIT leadershipChanged(false);
        m_holdOffTicks = 1;
    }
    m_lastError = Team::queryError(what, detail).message;
    qCWarning(lcTeam).noquote() << m_lastError;
    m_connection.close();
}

void LeaderElection::tick()
{
    if (!m_running)
        return;
    if (!m_connection.isOpen()) {
        if (!connectNow())
            return;
        // Reconnected after a failure: this tick only rejoins, the lock is the others' turn.
        if (m_holdOffTicks > 0) {
            --m_holdOffTicks;
            heartbeat();
            readLeader();
            return;
        }
    }
    QSqlQuery query(m_connection.database());
    bool becameLeader = false;
    if (!m_leader) {
        if (m_holdOffTicks > 0) {
            --m_holdOffTicks;
        } else {
            if (!query.exec(QStringLiteral("SELECT pg_try_advisory_lock(%1, %2)")
                                    .arg(Team::kLockClass)
                                    .arg(Team::kLeaderKey))
                || !query.next()) {
                connectionFailed(QStringLiteral("trying the leader lock"),
                                 query.lastError().text());
                return;
            }
            becameLeader = query.value(0).toBool();
            m_leader = becameLeader;
        }
    }
    if (!heartbeat())
        return;
    m_lastError.clear();
    if (becameLeader) {
        qCInfo(lcTeam) << "this console is now the sync leader";
        Q_EMIT leadershipChanged(true);
    }
    readLeader();
}

bool LeaderElection::heartbeat()
{
    QSqlQuery query(m_connection.database());
    // The role's since moves only when the role changes; the server's clock dates everything.
    query.prepare(QStringLiteral(
            "INSERT INTO team_consoles (console_id, host, pid, analyst, kind, role, since,"
            " last_seen, interval_ms, backend_pid)"
            " VALUES (?, ?, ?, ?, ?, ?, now(), now(), ?, pg_backend_pid())"
            " ON CONFLICT (console_id) DO UPDATE SET host = EXCLUDED.host, pid = EXCLUDED.pid,"
            " analyst = EXCLUDED.analyst, kind = EXCLUDED.kind, role = EXCLUDED.role,"
            " since = CASE WHEN team_consoles.role = EXCLUDED.role THEN team_consoles.since"
            "         ELSE now() END,"
            " last_seen = now(), interval_ms = EXCLUDED.interval_ms,"
            " backend_pid = EXCLUDED.backend_pid"));
    query.addBindValue(m_consoleId);
    query.addBindValue(Team::thisHost());
    query.addBindValue(QCoreApplication::applicationPid());
    query.addBindValue(m_settings.analyst);
    query.addBindValue(m_settings.kind);
    query.addBindValue(m_leader ? QStringLiteral("leader") : QStringLiteral("reader"));
    query.addBindValue(m_settings.pollIntervalMs);
    if (!query.exec()) {
        connectionFailed(QStringLiteral("heartbeat"), query.lastError().text());
        return false;
    }
    if (!query.exec(QStringLiteral("DELETE FROM team_consoles WHERE last_seen + interval_ms * 3 *"
                                   " interval '1 millisecond' < now()"))) {
        connectionFailed(QStringLiteral("expiring consoles"), query.lastError().text());
        return false;
    }
    return true;
}

void LeaderElection::readLeader()
{
    const Result<QList<TeamConsole>> consoles = Team::readConsoles(m_connection.database());
    if (!consoles) {
        connectionFailed(QStringLiteral("reading the consoles"), consoles.error().message);
        return;
    }
    TeamConsole leader;
    if (!consoles->isEmpty() && consoles->constFirst().leader)
        leader = consoles->constFirst();
    // lastSeen moves at every heartbeat: only who leads and since when is news.
    const auto key = [](const TeamConsole &c) { return std::pair(c.consoleId, c.since); };
    if (key(leader) != key(m_leaderInfo)) {
        m_leaderInfo = leader;
        Q_EMIT leaderChanged(leader);
    }
    m_leaderInfo = leader;
    const auto sameRoles = [](QList<TeamConsole> a, QList<TeamConsole> b) {
        for (TeamConsole &c : a)
            c.lastSeen = {};
        for (TeamConsole &c : b)
            c.lastSeen = {};
        return a == b;
    };
    if (!sameRoles(*consoles, m_consoles)) {
        m_consoles = *consoles;
        Q_EMIT consolesChanged(m_consoles);
    }
}

} // namespace Vigil
