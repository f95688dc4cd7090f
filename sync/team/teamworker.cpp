#include "teamworker.h"

#include "changefeed.h"
#include "teampresence.h"

#include <QCoreApplication>
#include <QTimer>

namespace Vigil {

TeamWorker::TeamWorker(TeamSettings settings, QString consoleId, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_consoleId(std::move(consoleId))
    , m_connection(QStringLiteral("vigil-team-%1").arg(QCoreApplication::applicationPid()))
    , m_timer(new QTimer(this))
{
    if (m_settings.pollIntervalMs <= 0)
        m_settings.pollIntervalMs = 10'000;
    m_timer->setInterval(std::clamp(m_settings.pollIntervalMs, 200, 60'000));
    connect(m_timer, &QTimer::timeout, this, &TeamWorker::refresh);
}

TeamWorker::~TeamWorker()
{
    // This console's presence goes with it (expiry would take care of it otherwise).
    if (m_connection.isOpen()) {
        TeamPresenceBook::clear(m_connection.database(), m_consoleId, 0,
                                TeamPresence::Kind::Opened);
    }
}

void TeamWorker::start()
{
    m_feed = new ChangeFeed(m_settings, this);
    connect(m_feed, &ChangeFeed::changed, this, &TeamWorker::onChange);
    connect(m_feed, &ChangeFeed::listeningChanged, this, &TeamWorker::listeningChanged);
    m_feed->start();
    m_timer->start();
    refresh();
}

bool TeamWorker::ensureOpen()
{
    if (m_connection.isOpen())
        return true;
    Result<void> opened = m_connection.open(m_settings);
    if (opened)
        opened = Team::ensureTeamTables(m_connection.database());
    if (!opened) {
        m_connection.close();
        if (m_lastError != opened.error().message) {
            m_lastError = opened.error().message;
            qCWarning(lcTeam).noquote() << m_lastError;
            Q_EMIT failed(opened.error());
        }
        return false;
    }
    m_lastError.clear();
    return true;
}

TeamPresence TeamWorker::presence(qint64 number, TeamPresence::Kind kind) const
{
    TeamPresence row;
    row.incidentNumber = number;
    row.consoleId = m_consoleId;
    row.analyst = m_settings.analyst;
    row.host = Team::thisHost();
    row.kind = kind;
    return row;
}

void TeamWorker::refresh()
{
    if (!ensureOpen())
        return;
    // No copy of the connection outlives a step: a failed one is closed and removed.
    if (m_opened > 0) {
        // Renewed while open, so that it outlives a missed interval but not the console.
        if (!TeamPresenceBook::set(m_connection.database(),
                                   presence(m_opened, TeamPresence::Kind::Opened),
                                   TeamPresenceBook::kOpenedSeconds)) {
            m_connection.close();
            return;
        }
    }
    TeamPresenceBook::expire(m_connection.database());
    const Result<QList<TeamConsole>> consoles = Team::readConsoles(m_connection.database());
    if (!consoles) {
        qCWarning(lcTeam).noquote() << consoles.error().message;
        m_connection.close();
        return;
    }
    TeamConsole leader;
    if (!consoles->isEmpty() && consoles->constFirst().leader)
        leader = consoles->constFirst();
    if (leader.consoleId != m_leader.consoleId || leader.since != m_leader.since
        || leader.analyst != m_leader.analyst) {
        m_leader = leader;
        Q_EMIT leaderChanged(leader);
    }
    m_consoles = *consoles;
    Q_EMIT consolesChanged(m_consoles);
    readPresence();
}

void TeamWorker::readPresence()
{
    const Result<QList<TeamPresence>> rows = TeamPresenceBook::list(m_connection.database());
    if (!rows) {
        qCWarning(lcTeam).noquote() << rows.error().message;
        m_connection.close();
        return;
    }
    if (*rows != m_presence) {
        m_presence = *rows;
        Q_EMIT presenceLoaded(m_presence);
    }
}

void TeamWorker::setOpened(qint64 number)
{
    if (number == m_opened)
        return;
    const qint64 previous = m_opened;
    m_opened = number;
    if (!ensureOpen())
        return;
    if (previous > 0) {
        TeamPresenceBook::clear(m_connection.database(), m_consoleId, previous,
                                TeamPresence::Kind::Opened);
    }
    if (number > 0) {
        TeamPresenceBook::set(m_connection.database(), presence(number, TeamPresence::Kind::Opened),
                              TeamPresenceBook::kOpenedSeconds);
    }
    readPresence();
}

void TeamWorker::markEdited(qint64 number)
{
    if (number <= 0 || !ensureOpen())
        return;
    TeamPresenceBook::set(m_connection.database(), presence(number, TeamPresence::Kind::Edited),
                          TeamPresenceBook::kEditedSeconds);
    readPresence();
}

void TeamWorker::onChange(const TeamChange &change)
{
    if (change.fullRefresh || change.what == QLatin1String("presence")) {
        if (ensureOpen())
            readPresence();
    }
    // Presence is this worker's own business; a full refresh is everyone's.
    if (change.fullRefresh || change.what != QLatin1String("presence"))
        Q_EMIT changed(change);
}

} // namespace Vigil
