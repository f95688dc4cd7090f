#pragma once

#include <QString>

struct sqlite3;

namespace Vigil {

/** How the functions of a connection behave where a host setting matters. */
struct KqlFunctionOptions
{
    /**
     * The GeoIP database of geo_info_from_ip_address(): a .mmdb file or a legacy GeoIP.dat;
     * empty: KqlGeoIp::defaultPath() ($VIGIL_GEOIP_DB, else Debian's geoip-database).
     */
    QString geoIpDatabase;
};

/**
 * Registers KQL's scalar and aggregate functions on an SQLite connection, under the names
 * kql_<name> (see hunting/sqlite/README.md for the list, argument and result encodings and NULL
 * rules; they follow core/huntingschema.h's storage encoding). The connection gets its own "as
 * of" clock for now() and ago(), set to the wall clock at registration; setKqlNow() pins it.
 *
 * Call on the thread that owns the connection, before preparing statements that use them.
 * Returns SQLITE_OK or the first SQLite error code.
 */
int registerKqlFunctions(sqlite3 *db, const KqlFunctionOptions &options = {});

/**
 * Pins now() for the statements run afterwards on this connection (ticks since 0001-01-01Z).
 * The query runner sets it once per query, so now() is the same in every row, as in Kusto.
 * Returns false when the connection has no KQL functions registered.
 */
bool setKqlNow(sqlite3 *db, qint64 ticks);

/**
 * Whether a function computed NaN since the last call (0.0/0.0, todouble("NaN"), sin() of an
 * infinity, …) and forgets it. The store holds no NaN: such a value is null, which the query runner
 * says in a warning. False when the connection has no KQL functions registered.
 */
bool takeKqlNaN(sqlite3 *db);

} // namespace Vigil
