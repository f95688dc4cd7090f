#pragma once

#include "result.h"
#include "team.h"

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QString>

// vigil.sync.team: the election, the change feed and presence on a team database.
Q_DECLARE_LOGGING_CATEGORY(lcTeam)

namespace Vigil::Team {

/// The advisory lock space of Vigil ('VIGI') and its two keys. Advisory locks are per
/// database, so there is one sync leader per team database.
constexpr int kLockClass = 0x56494749;
constexpr int kLeaderKey = 1; ///< held for a session by the sync leader
constexpr int kSchemaKey = 2; ///< held for a transaction while the team tables are created

/// The channel the store's write transactions NOTIFY: `{"what","numbers","by"}`.
inline QString changesChannel()
{
    return QStringLiteral("vigil_changes");
}

/**
 * @brief One QPSQL connection of one object, for the team tables (not the store's).
 *
 * Named uniquely, so that several of them live in one process (a window's election, feed and
 * roster); opened and used on one thread only, and closed and removed with the object.
 */
class TeamConnection
{
public:
    /** applicationName shows in pg_stat_activity (no spaces). */
    explicit TeamConnection(QString applicationName);
    ~TeamConnection();
    TeamConnection(const TeamConnection &) = delete;
    TeamConnection &operator=(const TeamConnection &) = delete;

    /** Opens a fresh session to settings.databaseUrl (closing an open one first). */
    Result<void> open(const TeamSettings &settings, int connectTimeoutSeconds = 5);
    void close();
    bool isOpen() const { return m_open; }
    QSqlDatabase database() const;
    QString applicationName() const { return m_applicationName; }

private:
    QString m_applicationName;
    QString m_name;
    bool m_open = false;
};

/** Creates team_consoles and team_presence when missing (idempotent; several processes may do
 *  it at once). */
Result<void> ensureTeamTables(const QSqlDatabase &db);
/** The consoles seen within three of their intervals, the leader first (it is the one whose
 *  session holds the leader lock, whatever the rows say). */
Result<QList<TeamConsole>> readConsoles(const QSqlDatabase &db);
/** This machine's name, as consoles and presence show it. */
QString thisHost();
/** A Storage error from a failed query. */
Error queryError(const QString &what, const QString &detail);

} // namespace Vigil::Team
