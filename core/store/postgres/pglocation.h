#pragma once

#include "store/storeaccess.h"

#include "result.h"

#include <QString>

class QSqlDatabase;

namespace Vigil {

/**
 * @brief Where a PostgreSQL database is and how to reach it, parsed from the
 * `postgresql://user@host:port/dbname?sslmode=verify-full` form that `--db` and VIGIL_DB take.
 *
 * TLS is verified by default (sslmode=verify-full) for every server but this machine's own
 * (localhost, 127.0.0.0/8, ::1), which gets libpq's default, prefer; another mode must be asked
 * for in the URL.
 * A password never stays in the location: parse() hands it out separately so that the caller
 * puts it in the keychain, and toUrl() never writes one. A value type, any thread.
 */
struct PgLocation
{
    QString host;
    int port = 5432;
    QString user;
    QString database;
    QString sslMode = QStringLiteral("verify-full"); ///< parse(): prefer on a loopback host
    QString sslRootCert; ///< CA file for verify-ca/verify-full; libpq's default when empty

    /**
     * Parses url (scheme postgresql:// or postgres://). A password in it goes to *password
     * (cleared when none). A Config error says what is wrong and what to write instead.
     */
    static Result<PgLocation> parse(const QString &url, QString *password = nullptr);
    /** True for localhost and loopback addresses: sslmode defaults to prefer there. */
    static bool isLoopbackHost(const QString &host);
    /** True for a URL parse() would read as PostgreSQL (its scheme), valid or not. */
    static bool looksLikeUrl(const QString &text);

    /** The canonical URL, without any password: what settings keep. */
    QString toUrl() const;
    /** user@host:port/database, for status lines and logs. */
    QString displayName() const;
    /** The keychain entry's name for this location's password. */
    QString secretKey() const;

    friend bool operator==(const PgLocation &, const PgLocation &) = default;
};

/**
 * Adds and opens a QPSQL connection named connectionName to where (password empty: libpq's own
 * means, trust or ~/.pgpass). applicationName shows in pg_stat_activity. A Config error when
 * Qt's PostgreSQL driver is missing, a Storage error (with the server's reason) when the
 * connection fails; on failure the connection is removed again. Use the connection on the
 * calling thread only.
 */
Result<void> openPgConnection(const PgLocation &where, const QString &password,
                              const QString &connectionName, const QString &applicationName,
                              int connectTimeoutSeconds = 10);

} // namespace Vigil
