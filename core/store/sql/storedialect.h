#pragma once

#include "store/storeaccess.h"

#include "storeconfig.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Vigil {

/**
 * @brief The SQL of the incident store that differs between engines, in one place per engine
 * (SqliteStoreDialect, PgDialect); the repositories (core/store/sql/) are shared and take their
 * engine-specific pieces from here.
 *
 * Both engines keep times as integer milliseconds since the epoch, booleans as 0/1 integers and
 * lists as JSON text, so the rows read the same everywhere. Stateless; any thread.
 */
class StoreDialect
{
public:
    virtual ~StoreDialect() = default;

    virtual StoreEngine engine() const = 0;

    /** The three filter-fact columns of a single-incident read of `incidents i` (the alerts'
     *  products, their titles and evidence names joined by U+001F, the comment count). */
    virtual QString incidentFilterColumns() const = 0;
    /** The names of the evidence column of the current row of a FROM alerts-like table,
     *  joined by U+001F (NULL or empty when none). */
    virtual QString evidenceNames() const = 0;

    /** `column IN (…)` over a JSON array bound as one parameter (see jsonArrayParameter);
     *  integers: the column holds integers. */
    virtual QString inJsonArray(const QString &column, bool integers) const = 0;
    /** The parameter of inJsonArray: the values as a JSON array. */
    static QString jsonArrayParameter(const QStringList &values);
    static QString jsonArrayParameter(const QList<qint64> &values);

    /** An INSERT of values (the SQL list of parameters) into columns of table that leaves a
     *  row whose key exists already as it is, without using up an id. keyParameter is the
     *  parameter (`?N`) that holds the key. */
    virtual QString insertIfAbsent(const QString &table, const QString &columns,
                                   const QString &values, const QString &key,
                                   const QString &keyParameter) const = 0;
    /** An INSERT that replaces the row with the same key: every column takes the new value. */
    virtual QString upsert(const QString &table, const QStringList &columns, const QString &values,
                           const QString &key) const = 0;
    /** Statements that begin a transaction that holds table's write lock from its start, so
     *  that what it reads stays true until it commits. */
    virtual QStringList beginLockedTransaction(const QString &table) const = 0;
    /** Statements that begin a transaction in which rows are claimed one by one: rows another
     *  claimer is taking at this moment are passed over (rowLockClause()), not waited for. */
    virtual QStringList beginRowClaim() const = 0;
    /** The statement that begins a write transaction: one that waits for the write lock at its
     *  start, so that a first read cannot leave it unable to write later (SQLite gives up at
     *  once when a reading transaction cannot get the lock another connection holds). */
    virtual QString beginWrite() const = 0;
    /** What ends a SELECT that locks the rows it reads until the transaction ends, passing
     *  over those another transaction holds; empty where beginRowClaim() locks everything. */
    virtual QString rowLockClause() const = 0;
    /** A query giving the highest id table's id column ever handed out (0 before the first). */
    virtual QString newestIdQuery(const QString &table) const = 0;
    /** A statement with one parameter (the payload) that tells the other consoles about a
     *  change when the transaction commits; empty when the engine has no notifications. */
    virtual QString notifyStatement() const = 0;

protected:
    StoreDialect() = default;
};

} // namespace Vigil
