#pragma once

#include "result.h"
#include "team.h"
#include "teamdatabase.h"

#include <QObject>
#include <QSqlDriver>

#include <optional>

class QTimer;

namespace Vigil {

/**
 * @brief Tells this process about every change another one commits to the team database:
 * LISTEN on `vigil_changes` (QSqlDriver notifications) on a connection of its own, no polling.
 *
 * The store's write transactions NOTIFY a compact JSON payload,
 * `{"what":"incidents","numbers":[12,13],"by":"ana@contoso.com"}` ("numbers" left out when
 * many or unknown, empty when none: TeamChange::noIncidents); it is parsed defensively
 * (parsePayload(): a payload that is not such an object is dropped with a log line) and sent on as
 * changed(). A light keep-alive query every interval notices a lost connection; the feed then
 * reconnects, listens again and sends a change with fullRefresh, since what was notified meanwhile
 * is lost.
 *
 * Lives on the thread that calls start(); the connection is used there only.
 */
class ChangeFeed : public QObject
{
    Q_OBJECT
public:
    explicit ChangeFeed(TeamSettings settings, QObject *parent = nullptr);
    ~ChangeFeed() override;

    /** Connects and listens; retries every keep-alive interval while the server is away. */
    void start();
    void stop();
    bool isListening() const { return m_listening; }
    QString applicationName() const { return m_connection.applicationName(); }

    /** The change a payload describes, or nothing when it is not one (then why in *why). */
    static std::optional<TeamChange> parsePayload(const QString &payload, QString *why = nullptr);
    /** The payload for change, as the store writes it. */
    static QString payloadFor(const TeamChange &change);
    /** Sends change on db's session (pg_notify; delivered when its transaction commits). */
    static Result<void> notify(const QSqlDatabase &db, const TeamChange &change);
    /** Sends a raw payload: for tests of hostile ones. */
    static Result<void> notifyRaw(const QSqlDatabase &db, const QString &payload);

Q_SIGNALS:
    void changed(const Vigil::TeamChange &change);
    void listeningChanged(bool listening);

private:
    void keepAlive();
    bool listen();
    void lost(const QString &detail);
    void onNotification(const QString &name, QSqlDriver::NotificationSource source,
                        const QVariant &payload);

    TeamSettings m_settings;
    Team::TeamConnection m_connection;
    QTimer *m_keepAlive;
    bool m_running = false;
    bool m_listening = false;
    bool m_missed = false; ///< the connection was lost: the next listen asks for a full refresh
    qint64 m_ignored = 0;
    QString m_lastError;
};

} // namespace Vigil
