#pragma once

#include "store/storeaccess.h"

#include "result.h"
#include "storechange.h"
#include "storeconfig.h"
#include "storedialect.h"

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <memory>
#include <optional>

class QSqlError;

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace Vigil {

class SqlStatement;

/** A Storage error for a failed QtSql call, logged. */
Error storageError(const QString &what, const QSqlError &error);
/** A Storage error for a failed SqlStatement, logged. */
Error statementError(const QString &what, const SqlStatement &statement);

/**
 * @brief The incident store's connection as the shared repositories see it: one QtSql
 * connection, its dialect and its statements, on SQLite (SqliteConnection) or PostgreSQL
 * (PgDatabase).
 *
 * Must be used only on the thread that opened it.
 */
class SqlConnection
{
public:
    virtual ~SqlConnection() = default;
    SqlConnection(const SqlConnection &) = delete;
    SqlConnection &operator=(const SqlConnection &) = delete;

    /** The connection; invalid once closed. */
    virtual QSqlDatabase db() const = 0;
    virtual const StoreDialect &dialect() const = 0;
    /** A Storage error unless the database is open for writing. */
    virtual Result<void> checkWritable() const = 0;
    /** The version the database records, 0 when none. */
    virtual int schemaVersion() const = 0;
    /** The engine's journal mode ("wal" on SQLite, "server" on PostgreSQL). */
    virtual QString journalMode() const = 0;
    /** Prepares statement for sql (see SqlStatement for the parameters). */
    virtual Result<void> prepareStatement(std::unique_ptr<SqlStatement> &statement,
                                          const QString &sql)
            = 0;
    /** statement, prepared for sql on first use (a statement run after every page). */
    Result<SqlStatement *> preparedOnce(std::unique_ptr<SqlStatement> &statement,
                                        const QString &sql);
    /** Closes the connection; every statement prepared on it must be gone first. */
    virtual void close() = 0;

    Result<void> exec(const QString &sql);
    /** Begins a write transaction (StoreDialect::beginWrite()); what names it for an error.
     *  It ends with db().commit() or db().rollback(). */
    Result<void> beginWrite(const QString &what);
    Result<void> prepare(std::optional<QSqlQuery> &query, const QString &sql);

    /** Who makes the edits through this connection (outbox rows, activity, notifications). */
    void setAnalyst(const QString &analyst) { m_analyst = analyst; }
    QString analyst() const { return m_analyst; }
    /** Tells the other consoles on the same database what changed: inside a transaction when
     *  it commits, else at once. Nothing on an engine without notifications. */
    Result<void> notifyChange(StoreChange::What what, const QList<qint64> &numbers = {},
                              bool numbersKnown = true);

protected:
    SqlConnection() = default;

private:
    QString m_analyst;
};

} // namespace Vigil
