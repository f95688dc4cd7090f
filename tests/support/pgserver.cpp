#include "pgserver.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QThread>
#include <QUuid>

#include <pwd.h>
#include <unistd.h>

#if defined(Q_OS_LINUX)
#include <csignal>
#include <sys/prctl.h>
#endif

namespace Vigil::Test {

namespace {

constexpr int kStartTimeoutMs = 60'000;
constexpr auto kServerUser = "postgres";

bool runningAsRoot()
{
    return ::geteuid() == 0;
}

/** A loopback port nobody listens on right now (the server may still lose a race for it: start()
 * tries again then). */
int freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

/** One connection for one statement, closed and removed again. */
class Session
{
public:
    Session(int port, const QString &database)
        : m_name(QStringLiteral("pgserver-%1").arg(QUuid::createUuid().toString(QUuid::Id128)))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
        db.setHostName(PgServer::host());
        db.setPort(port);
        db.setUserName(PgServer::user());
        db.setDatabaseName(database);
        db.setConnectOptions(QStringLiteral("sslmode=disable;connect_timeout=10"));
        m_open = db.open();
        if (!m_open)
            m_error = db.lastError().text();
    }
    ~Session()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    Session(const Session &) = delete;
    Session &operator=(const Session &) = delete;

    bool isOpen() const { return m_open; }
    QString error() const { return m_error; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
    bool m_open = false;
    QString m_error;
};

} // namespace

PgServer::PgServer() = default;

PgServer::~PgServer()
{
    stop();
}

QString PgServer::binDir()
{
    const QString configured = qEnvironmentVariable("VIGIL_PG_BIN");
    if (!configured.isEmpty())
        return QFileInfo(configured + QStringLiteral("/postgres")).isExecutable() ? configured
                                                                                  : QString();
    // Debian installs each major version beside the others; the newest one wins.
    QDir versions(QStringLiteral("/usr/lib/postgresql"));
    QStringList entries = versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(entries.begin(), entries.end(),
              [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
    for (const QString &version : entries) {
        QString bin = versions.filePath(version + QStringLiteral("/bin"));
        if (QFileInfo(bin + QStringLiteral("/postgres")).isExecutable()
            && QFileInfo(bin + QStringLiteral("/initdb")).isExecutable())
            return bin;
    }
    return {};
}

QString PgServer::missingAdvice()
{
    return QStringLiteral("PostgreSQL is not installed: run scripts/install-deps.sh (Debian's "
                          "postgresql package), or point $VIGIL_PG_BIN at the folder holding "
                          "initdb and postgres");
}

bool PgServer::requiredHere()
{
    return qEnvironmentVariable("CI").compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
}

QStringList PgServer::asServerUser(const QString &program, const QStringList &arguments) const
{
    if (!runningAsRoot())
        return QStringList{program} + arguments;
    // setpriv execs in place (no extra process) and sets the parent-death signal after changing
    // user, which a prctl before the exec would lose.
    return QStringList{QStringLiteral("setpriv"),
                       QStringLiteral("--reuid=%1").arg(QLatin1String(kServerUser)),
                       QStringLiteral("--regid=%1").arg(QLatin1String(kServerUser)),
                       QStringLiteral("--clear-groups"),
                       QStringLiteral("--pdeathsig=INT"),
                       QStringLiteral("--"),
                       program}
           + arguments;
}

bool PgServer::runInitdb(const QString &bin)
{
    QProcess initdb;
    initdb.setProcessChannelMode(QProcess::MergedChannels);
    const QStringList command = asServerUser(
            bin + QStringLiteral("/initdb"),
            {QStringLiteral("--pgdata=%1").arg(m_folder->filePath(QStringLiteral("data"))),
             QStringLiteral("--username=%1").arg(user()), QStringLiteral("--auth=trust"),
             QStringLiteral("--encoding=UTF8"), QStringLiteral("--locale=C"),
             QStringLiteral("--no-sync")});
    initdb.setWorkingDirectory(m_folder->path());
    initdb.start(command.first(), command.mid(1));
    if (!initdb.waitForFinished(kStartTimeoutMs) || initdb.exitStatus() != QProcess::NormalExit
        || initdb.exitCode() != 0) {
        m_lastError = QStringLiteral("initdb failed: %1")
                              .arg(QString::fromUtf8(initdb.readAll().right(2000)));
        return false;
    }
    return true;
}

bool PgServer::start()
{
    stop();
    const QString bin = binDir();
    if (bin.isEmpty()) {
        m_lastError = missingAdvice();
        return false;
    }
    m_folder = std::make_unique<QTemporaryDir>();
    if (!m_folder->isValid()) {
        m_lastError = QStringLiteral("no temporary folder for PostgreSQL");
        return false;
    }
    if (runningAsRoot()) {
        const passwd *account = ::getpwnam(kServerUser);
        if (!account
            || ::chown(QFile::encodeName(m_folder->path()).constData(), account->pw_uid,
                       account->pw_gid)
                       != 0) {
            m_lastError = QStringLiteral("PostgreSQL refuses to run as root, and there is no "
                                         "'postgres' user to run it as: install Debian's "
                                         "postgresql package (scripts/install-deps.sh)");
            return false;
        }
    }
    if (!runInitdb(bin))
        return false;

    for (int attempt = 0; attempt < 3; ++attempt) {
        m_port = freePort();
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::MergedChannels);
#if defined(Q_OS_LINUX)
        if (!runningAsRoot())
            m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGINT); });
#endif
        const QStringList command
                = asServerUser(bin + QStringLiteral("/postgres"),
                               {QStringLiteral("-D"), m_folder->filePath(QStringLiteral("data")),
                                QStringLiteral("-p"), QString::number(m_port), QStringLiteral("-k"),
                                m_folder->path(), QStringLiteral("-c"),
                                QStringLiteral("listen_addresses=%1").arg(host()),
                                QStringLiteral("-c"), QStringLiteral("fsync=off"),
                                QStringLiteral("-c"), QStringLiteral("max_connections=200")});
        m_process->setWorkingDirectory(m_folder->path());
        m_process->start(command.first(), command.mid(1));
        if (!m_process->waitForStarted(kStartTimeoutMs)) {
            m_lastError
                    = QStringLiteral("postgres did not start: %1").arg(m_process->errorString());
            m_process.reset();
            return false;
        }
        QByteArray output;
        const QDeadlineTimer deadline(kStartTimeoutMs);
        while (!deadline.hasExpired() && m_process->state() == QProcess::Running) {
            m_process->waitForReadyRead(100);
            output += m_process->readAll();
            if (output.contains("ready to accept connections"))
                return true;
        }
        m_process->waitForFinished(1000);
        output += m_process->readAll();
        m_lastError = QStringLiteral("PostgreSQL did not start: %1")
                              .arg(QString::fromUtf8(output.right(2000)));
        m_process.reset();
        if (!output.contains("could not bind") && !output.contains("already in use"))
            break;
    }
    stop();
    return false;
}

void PgServer::stop()
{
    if (m_process) {
        // SIGINT: fast shutdown (open sessions are ended), the right thing for a throwaway server.
        ::kill(pid_t(m_process->processId()), SIGINT);
        if (!m_process->waitForFinished(20'000)) {
            m_process->kill();
            m_process->waitForFinished(5'000);
        }
        m_process.reset();
    }
    m_folder.reset();
    m_port = 0;
}

bool PgServer::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

qint64 PgServer::pid() const
{
    return isRunning() ? m_process->processId() : 0;
}

QString PgServer::url(const QString &database) const
{
    return QStringLiteral("postgresql://%1@%2:%3/%4?sslmode=disable")
            .arg(user(), host())
            .arg(m_port)
            .arg(database);
}

bool PgServer::exec(const QString &database, const QString &sql)
{
    const Session session(m_port, database);
    if (!session.isOpen()) {
        m_lastError = QStringLiteral("cannot connect to %1: %2").arg(database, session.error());
        return false;
    }
    QSqlQuery query(session.db());
    if (!query.exec(sql)) {
        m_lastError = QStringLiteral("%1: %2").arg(sql, query.lastError().text());
        return false;
    }
    return true;
}

bool PgServer::addPasswordRole(const QString &role, const QString &password,
                               const QString &database)
{
    const auto quoted = [](QString text, QChar quote) -> QString {
        return quote + text.replace(quote, QString(2, quote)) + quote;
    };
    if (!exec(QStringLiteral("postgres"),
              QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD %2")
                      .arg(quoted(role, u'"'), quoted(password, u'\''))))
        return false;
    if (!exec(QStringLiteral("postgres"), QStringLiteral("ALTER DATABASE %1 OWNER TO %2")
                                                  .arg(quoted(database, u'"'), quoted(role, u'"'))))
        return false;
    // The first matching line of pg_hba.conf wins: the role's lines go first.
    QFile hba(m_folder->filePath(QStringLiteral("data/pg_hba.conf")));
    if (!hba.open(QIODevice::ReadOnly)) {
        m_lastError = hba.errorString();
        return false;
    }
    const QByteArray rest = hba.readAll();
    hba.close();
    const QByteArray lines = QStringLiteral("host all %1 127.0.0.1/32 scram-sha-256\n"
                                            "host all %1 ::1/128 scram-sha-256\n")
                                     .arg(quoted(role, u'"'))
                                     .toUtf8();
    if (!hba.open(QIODevice::WriteOnly | QIODevice::Truncate) || hba.write(lines + rest) < 0) {
        m_lastError = hba.errorString();
        return false;
    }
    hba.close();
    if (!exec(QStringLiteral("postgres"), QStringLiteral("SELECT pg_reload_conf()")))
        return false;
    // The postmaster reads the file when it handles the reload signal: wait until it refuses
    // the role without a password.
    const QDeadlineTimer deadline(10'000);
    while (!deadline.hasExpired()) {
        const QString name = QStringLiteral("pgserver-probe-%1")
                                     .arg(QUuid::createUuid().toString(QUuid::Id128));
        bool refused = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            db.setHostName(host());
            db.setPort(m_port);
            db.setUserName(role);
            db.setDatabaseName(database);
            db.setConnectOptions(QStringLiteral("sslmode=disable;connect_timeout=10"));
            refused = !db.open();
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        if (refused)
            return true;
        QThread::msleep(20);
    }
    m_lastError = QStringLiteral("the server still lets %1 in without a password").arg(role);
    return false;
}

bool PgServer::createDatabase(const QString &name)
{
    return exec(
            QStringLiteral("postgres"),
            QStringLiteral("CREATE DATABASE \"%1\"").arg(QString(name).remove(QLatin1Char('"'))));
}

int PgServer::terminateBackends(const QString &database, const QString &applicationName)
{
    const Session session(m_port, QStringLiteral("postgres"));
    if (!session.isOpen()) {
        m_lastError = session.error();
        return -1;
    }
    QSqlQuery query(session.db());
    query.prepare(QStringLiteral("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM "
                                 "pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")
                  + (applicationName.isEmpty() ? QString()
                                               : QStringLiteral(" AND application_name = ?")));
    query.addBindValue(database);
    if (!applicationName.isEmpty())
        query.addBindValue(applicationName);
    if (!query.exec() || !query.next()) {
        m_lastError = query.lastError().text();
        return -1;
    }
    return query.value(0).toInt();
}

} // namespace Vigil::Test
