#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace Vigil {

/**
 * @brief One console (a window or a `vigilctl sync --follow`) sharing a team database, as its
 * row in `team_consoles` says. A value type, any thread.
 */
struct TeamConsole
{
    QString consoleId; ///< unique per running process
    QString host;
    qint64 pid = 0;
    QString analyst; ///< the signed-in UPN or --analyst; may be empty
    QString kind; ///< "console" or "vigilctl"
    bool leader = false;
    QDateTime since; ///< when it took its present role (UTC)
    QDateTime lastSeen; ///< its last heartbeat (UTC, the server's clock)

    bool isValid() const { return !consoleId.isEmpty(); }
    friend bool operator==(const TeamConsole &, const TeamConsole &) = default;
};

/**
 * @brief "Someone else is on this incident": an analyst who has an incident open or edited it
 * recently, kept in `team_presence` until it expires. A value type, any thread.
 */
struct TeamPresence
{
    enum class Kind { Opened, Edited };

    qint64 incidentNumber = 0;
    QString analyst;
    QString host;
    QString consoleId;
    Kind kind = Kind::Opened;
    QDateTime expiresAt; ///< UTC, the server's clock

    friend bool operator==(const TeamPresence &, const TeamPresence &) = default;
};

/**
 * @brief A change another process made to the shared database, as its NOTIFY on
 * `vigil_changes` describes it. A value type, any thread.
 */
struct TeamChange
{
    QString what; ///< "incidents", "outbox", "activity", "rules", "presence"
    QList<qint64> numbers; ///< the incidents it touched; empty: many or unknown, unless noIncidents
    /// The change names its incidents and there are none (`"numbers":[]`, e.g. a pull that
    /// found nothing new): nothing of the queue to read again.
    bool noIncidents = false;
    QString by; ///< the analyst who made it; may be empty
    /// Notifications may have been missed (the feed reconnected): reload everything.
    bool fullRefresh = false;

    friend bool operator==(const TeamChange &, const TeamChange &) = default;
};

/**
 * @brief How a process joins a team database: where it is and who is at the keyboard.
 * Any thread.
 */
struct TeamSettings
{
    QString databaseUrl; ///< postgresql://user@host:port/db?sslmode=…; empty: no team
    QString password; ///< from the keychain or the URL; never kept in settings
    QString analyst;
    QString kind = QStringLiteral("console");
    /// Election retries and heartbeats; 0: the sync's poll interval (10 s without one).
    int pollIntervalMs = 0;

    bool isEnabled() const { return !databaseUrl.isEmpty(); }
};

} // namespace Vigil

Q_DECLARE_METATYPE(Vigil::TeamConsole)
Q_DECLARE_METATYPE(Vigil::TeamPresence)
Q_DECLARE_METATYPE(Vigil::TeamChange)
