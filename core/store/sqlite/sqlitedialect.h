#pragma once

#include "store/storeaccess.h"

#include <QList>
#include <QString>
#include <QStringList>

/**
 * The SQL only SQLite speaks, in one place: the repositories' statements take these pieces, so a
 * second engine knows what it has to say its own way.
 */
namespace Vigil::SqliteDialect {

/** The PRAGMAs a writing connection runs, in order, before migrating. */
const QStringList &writerPragmas();
/** Reads the journal mode ("wal"). */
QString journalModeQuery();
/** A row when the table exists. */
QString tableExistsQuery(const QString &table);

/** `column IN (…)` over a JSON array bound as one parameter (see jsonArrayParameter). */
QString inJsonArray(const QString &column);
/** The parameter of inJsonArray: the values as a JSON array. */
QString jsonArrayParameter(const QStringList &values);
QString jsonArrayParameter(const QList<qint64> &values);

/** Appended to an INSERT: a row whose key exists already is left as it is. */
QString onConflictDoNothing(const QString &key);
/** Appended to an INSERT: a row whose key exists already takes the new column value. */
QString onConflictUpdate(const QString &key, const QString &column);
/** Starts an INSERT that replaces the row with the same key. */
QString insertOrReplaceInto(const QString &table);
/** Begins a transaction that holds the write lock from its start (waiting for it like any
 *  write), so that what it reads stays true until it commits. */
QString beginWriteTransaction();

} // namespace Vigil::SqliteDialect
