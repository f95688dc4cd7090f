#include "teamdatabase.h"

#include "postgres/pglocation.h"

#include <QAtomicInteger>
#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>

Q_LOGGING_CATEGORY(lcTeam, "vigil.sync.team")

namespace Vigil::Team {

namespace {

QAtomicInteger<quint64> s_connections;

} // namespace

TeamConnection::TeamConnection(QString applicationName)
    : m_applicationName(std::move(applicationName))
    , m_name(QStringLiteral("vigil-team-%1").arg(s_connections.fetchAndAddRelaxed(1)))
{ }

TeamConnection::~TeamConnection()
{
    close();
}

Result<void> TeamConnection::open(const TeamSettings &settings, int connectTimeoutSeconds)
{
    close();
    QString urlPassword;
    const Result<PgLocation> where = PgLocation::parse(settings.databaseUrl, &urlPassword);
    if (!where)
        return where.error();
    const QString password = settings.password.isEmpty() ? urlPassword : settings.password;
    Result<void> opened
            = openPgConnection(*where, password, m_name, m_applicationName, connectTimeoutSeconds);
    m_open = bool(opened);
    return opened;
}

void TeamConnection::close()
{
    if (!m_open)
        return;
    m_open = false;
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

QSqlDatabase TeamConnection::database() const
{
    return QSqlDatabase::database(m_name, false);
}

Error queryError(const QString &what, const QString &detail)
{
    Error error;
    error.kind = Error::Kind::Storage;
    error.message = QStringLiteral("team database: %1: %2").arg(what, detail.trimmed().left(500));
    return error;
}

Result<void> ensureTeamTables(const QSqlDatabase &db)
{
    // CREATE TABLE IF NOT EXISTS is not safe against a concurrent twin (a unique violation in the
    // catalog), so the creators queue on a transaction lock.
    static const char *const statements[] = {
            "SELECT pg_advisory_xact_lock(%1, %2)",
            // "already exists, skipping" is no news, and libpq would print it on stderr.
            "SET LOCAL client_min_messages = warning",
            "CREATE TABLE IF NOT EXISTS team_consoles ("
            " console_id text PRIMARY KEY,"
            " host text NOT NULL DEFAULT '',"
            " pid bigint NOT NULL DEFAULT 0,"
            " analyst text NOT NULL DEFAULT '',"
            " kind text NOT NULL DEFAULT 'console',"
            " role text NOT NULL DEFAULT 'reader' CHECK (role IN ('leader', 'reader')),"
            " since timestamptz NOT NULL DEFAULT now(),"
            " last_seen timestamptz NOT NULL DEFAULT now(),"
            " interval_ms integer NOT NULL DEFAULT 10000,"
            " backend_pid integer NOT NULL DEFAULT 0)",
            "CREATE TABLE IF NOT EXISTS team_presence ("
            " incident_number bigint NOT NULL,"
            " console_id text NOT NULL,"
            " analyst text NOT NULL DEFAULT '',"
            " host text NOT NULL DEFAULT '',"
            " kind text NOT NULL CHECK (kind IN ('opened', 'edited')),"
            " expires_at timestamptz NOT NULL,"
            " PRIMARY KEY (incident_number, console_id, kind))",
            "CREATE INDEX IF NOT EXISTS team_presence_expires ON team_presence (expires_at)",
    };
    QSqlDatabase connection = db;
    if (!connection.transaction())
        return queryError(QStringLiteral("begin"), connection.lastError().text());
    QSqlQuery query(connection);
    for (const char *statement : statements) {
        QString sql = QString::fromLatin1(statement);
        if (sql.contains(QLatin1String("%1")))
            sql = sql.arg(kLockClass).arg(kSchemaKey);
        if (!query.exec(sql)) {
            const QString detail = query.lastError().text();
            connection.rollback();
            return queryError(QStringLiteral("creating the team tables"), detail);
        }
    }
    if (!connection.commit())
        return queryError(QStringLiteral("commit"), connection.lastError().text());
    return {};
}

Result<QList<TeamConsole>> readConsoles(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    const QString sql
            = QStringLiteral(
                      "SELECT c.console_id, c.host, c.pid, c.analyst, c.kind, c.since, c.last_seen,"
                      " EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory' AND "
                      "l.granted"
                      "  AND l.classid = %1 AND l.objid = %2 AND l.objsubid = 2 AND l.pid = "
                      "c.backend_pid"
                      "  AND l.database = (SELECT oid FROM pg_database"
                      "                    WHERE datname = current_database())) AS is_leader"
                      " FROM team_consoles c"
                      " WHERE c.last_seen + c.interval_ms * 3 * interval '1 millisecond' >= now()"
                      " ORDER BY is_leader DESC, c.since, c.console_id")
                      .arg(kLockClass)
                      .arg(kLeaderKey);
    if (!query.exec(sql))
        return queryError(QStringLiteral("reading the consoles"), query.lastError().text());
    QList<TeamConsole> consoles;
    while (query.next()) {
        TeamConsole console;
        console.consoleId = query.value(0).toString();
        console.host = query.value(1).toString();
        console.pid = query.value(2).toLongLong();
        console.analyst = query.value(3).toString();
        console.kind = query.value(4).toString();
        console.since = query.value(5).toDateTime().toUTC();
        console.lastSeen = query.value(6).toDateTime().toUTC();
        console.leader = query.value(7).toBool();
        consoles.append(console);
    }
    return consoles;
}

QString thisHost()
{
    const QString host = QSysInfo::machineHostName();
    return host.isEmpty() ? QStringLiteral("localhost") : host;
}

} // namespace Vigil::Team
