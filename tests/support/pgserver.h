#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>

class QProcess;

namespace Vigil::Test {

/**
 * @brief A real, throwaway PostgreSQL server for a test: `initdb` into a temporary folder, the
 * postmaster on a free loopback port, stopped (and its folder removed) with this object.
 *
 * Trust authentication for one superuser (user()), no TLS: the tests reach it with
 * `sslmode=disable`. PostgreSQL refuses to run as root; as root the server runs as the
 * `postgres` user (setpriv), which owns the folder. The postmaster is this process's child and
 * gets a fast-shutdown signal when this process dies, so a killed test leaves no server behind.
 * Lives on the test's thread.
 *
 * The server's binaries are found through $VIGIL_PG_BIN, else the newest
 * /usr/lib/postgresql/<version>/bin (Debian's postgresql package; scripts/install-deps.sh
 * installs it).
 */
class PgServer
{
public:
    PgServer();
    ~PgServer();
    PgServer(const PgServer &) = delete;
    PgServer &operator=(const PgServer &) = delete;

    /** The folder holding initdb and postgres; empty when PostgreSQL is not installed. */
    static QString binDir();
    /** What to do when it is missing. */
    static QString missingAdvice();
    /** True on CI (CI=true): a missing PostgreSQL fails the test instead of skipping it. */
    static bool requiredHere();

    /** Creates the cluster, starts it and waits until it accepts connections; false with
     * lastError() when it does not. */
    bool start();
    /** Fast shutdown; the folder goes with it. */
    void stop();
    bool isRunning() const;
    /** The postmaster's process id (its backends are its children), 0 when stopped. */
    qint64 pid() const;

    int port() const { return m_port; }
    static QString host() { return QStringLiteral("127.0.0.1"); }
    /** The superuser the tests connect as (no password). */
    static QString user() { return QStringLiteral("vigil"); }
    /** postgresql://vigil@127.0.0.1:<port>/<database>?sslmode=disable */
    QString url(const QString &database) const;

    /** CREATE DATABASE name (a fresh, empty database per test case keeps them apart). */
    bool createDatabase(const QString &name);
    /** A login role that must give password (scram-sha-256, over TCP) and owns database (it
     *  may create the store's tables there); the other users keep trust. Returns once the
     *  server refuses the role without its password; false with lastError() otherwise. */
    bool addPasswordRole(const QString &role, const QString &password, const QString &database);
    /** Runs one statement as the superuser in database; false with lastError() on failure. */
    bool exec(const QString &database, const QString &sql);
    /** Terminates every backend serving database except this fixture's own (what an
     * administrator's pg_terminate_backend does to a client). Returns how many, -1 on error. */
    int terminateBackends(const QString &database, const QString &applicationName = {});

    QString lastError() const { return m_lastError; }

private:
    bool runInitdb(const QString &bin);
    QStringList asServerUser(const QString &program, const QStringList &arguments) const;

    std::unique_ptr<QTemporaryDir> m_folder;
    std::unique_ptr<QProcess> m_process;
    int m_port = 0;
    QString m_lastError;
};

} // namespace Vigil::Test
