#pragma once

#include "result.h"
#include "team.h"

#include <QHash>
#include <QObject>

#include <memory>

class QThread;

namespace Vigil {

class TeamWorker;

/**
 * @brief GUI-thread facade of team mode: who leads the sync, which consoles share the team
 * database, who else is on an incident, and the changes colleagues commit.
 *
 * Lives on the thread that creates it (the GUI thread in vigil, the main thread in vigilctl).
 * It owns the `vigil-team` thread and its TeamWorker, which holds the connection for the team
 * tables and the change feed (LISTEN vigil_changes); calls are queued there and answers come
 * back as signals carrying values, kept here for the window to read. The election itself runs
 * with the sync worker (SyncController::setTeam()); this facade only reads its result, so a
 * window shows the leader whichever process it is.
 */
class TeamController : public QObject
{
    Q_OBJECT
public:
    explicit TeamController(TeamSettings settings, QObject *parent = nullptr);
    ~TeamController() override;

    const TeamSettings &settings() const { return m_settings; }
    /** This console's id in the presence rows (its own presence is not "someone else"). */
    QString consoleId() const { return m_consoleId; }

    /** The team database's password, when it comes from the keychain after construction; only
     *  before start(). */
    void setPassword(const QString &password);
    /** Starts the team thread: the first consoles, leader and presence follow. */
    void start();
    /** Reads the consoles, the leader and the presence again now. */
    void refresh();

    TeamConsole leader() const { return m_leader; }
    QList<TeamConsole> consoles() const { return m_consoles; }
    bool isListening() const { return m_listening; }
    /** Who else (other consoles) has incident number open or edited it lately; one entry per
     *  analyst and host, the editors first. */
    QList<TeamPresence> othersOn(qint64 number) const;
    /** The incidents someone else is on. */
    QList<qint64> numbersWithOthers() const { return m_others.keys(); }

    /** This console has number open (0: none); renewed while it stays open. */
    void setOpened(qint64 number);
    /** This console edited number: shown to the others for a few minutes. */
    void markEdited(qint64 number);

    /** "ana@contoso.com on host-1", for the status bar and lists (plain text). */
    static QString describe(const TeamConsole &console);
    /** "ana@contoso.com, ben@contoso.com (editing)" for the detail view (plain text). */
    static QString describe(const QList<TeamPresence> &presence);

Q_SIGNALS:
    void leaderChanged(const Vigil::TeamConsole &leader);
    void consolesChanged(const QList<Vigil::TeamConsole> &consoles);
    /** The presence changed on these incidents (empty: it may have changed on any). */
    void presenceChanged(const QList<qint64> &numbers);
    /** A colleague's (or the leader's) change; fullRefresh: notifications were missed. */
    void changed(const Vigil::TeamChange &change);
    void listeningChanged(bool listening);
    void failed(const Vigil::Error &error);

private:
    void onPresence(const QList<TeamPresence> &presence);

    struct ThreadDeleter
    {
        void operator()(QThread *thread) const;
    };

    TeamSettings m_settings;
    QString m_consoleId;
    std::unique_ptr<QThread, ThreadDeleter> m_thread;
    TeamWorker *m_worker = nullptr; ///< lives on m_thread; deleted by its finished signal
    TeamConsole m_leader;
    QList<TeamConsole> m_consoles;
    QHash<qint64, QList<TeamPresence>> m_others;
    bool m_listening = false;
};

} // namespace Vigil
