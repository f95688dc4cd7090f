#pragma once

#include <QtGlobal>

struct sqlite3;

namespace Vigil {

/**
 * Registers KQL's scalar and aggregate functions on an SQLite connection, under the names
 * kql_<name> (see hunting/sqlite/README.md for the list, argument and result encodings and NULL
 * rules; they follow core/huntingschema.h's storage encoding). The connection gets its own "as
 * of" clock for now() and ago(), set to the wall clock at registration; setKqlNow() pins it.
 *
 * Call on the thread that owns the connection, before preparing statements that use them.
 * Returns SQLITE_OK or the first SQLite error code.
 */
int registerKqlFunctions(sqlite3 *db);

/**
 * Pins now() for the statements run afterwards on this connection (ticks since 0001-01-01Z).
 * The query runner sets it once per query, so now() is the same in every row, as in Kusto.
 * Returns false when the connection has no KQL functions registered.
 */
bool setKqlNow(sqlite3 *db, qint64 ticks);

} // namespace Vigil
