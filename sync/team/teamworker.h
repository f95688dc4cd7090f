#pragma once

#include "team.h"
#include "teamdatabase.h"

#include <QObject>

class QTimer;

namespace Vigil {

class ChangeFeed;

/**
 * @brief The team thread's side of TeamController: reads who takes part and who leads, keeps
 * this console's presence and passes the change feed on.
 *
 * Constructed anywhere, moved to the team thread (`vigil-team`); start() (run there) opens its
 * connection and the ChangeFeed. The consoles and the presence are read again every interval
 * and whenever a "presence" change arrives; an open incident's presence is renewed every
 * interval so that it lasts while the incident stays open and expires when the console goes.
 * Everything leaves as queued signals carrying values.
 */
class TeamWorker : public QObject
{
    Q_OBJECT
public:
    TeamWorker(TeamSettings settings, QString consoleId, QObject *parent = nullptr);
    ~TeamWorker() override;

public Q_SLOTS:
    void start();
    /** This console has incident number open (0: none any more). */
    void setOpened(qint64 number);
    /** This console edited incident number. */
    void markEdited(qint64 number);
    void refresh();

Q_SIGNALS:
    void consolesChanged(const QList<Vigil::TeamConsole> &consoles);
    void leaderChanged(const Vigil::TeamConsole &leader);
    /** Every presence not yet expired, this console's included. */
    void presenceLoaded(const QList<Vigil::TeamPresence> &presence);
    void changed(const Vigil::TeamChange &change);
    void listeningChanged(bool listening);
    void failed(const Vigil::Error &error);

private:
    bool ensureOpen();
    void onChange(const TeamChange &change);
    void readPresence();
    TeamPresence presence(qint64 number, TeamPresence::Kind kind) const;

    TeamSettings m_settings;
    QString m_consoleId;
    Team::TeamConnection m_connection;
    ChangeFeed *m_feed = nullptr;
    QTimer *m_timer;
    QList<TeamConsole> m_consoles;
    TeamConsole m_leader;
    QList<TeamPresence> m_presence;
    qint64 m_opened = 0;
    QString m_lastError;
};

} // namespace Vigil
