#pragma once

#include "store/storeaccess.h"

#include "huntingschema.h"
#include "sqlitedatabase.h"

namespace Vigil {

/** The event database's schema, one entry per version from 1 (SqliteDatabase::open runs them).
 *  Never edit a released version: append a new one. */
const SqliteDatabase::Migrations &eventMigrations();

/** The PRAGMAs a new event database takes before its first table (16 KiB pages, incremental
 *  auto-vacuum). */
QStringList eventFirstPragmas();

/** A name quoted as an SQL identifier: "DeviceProcessEvents". */
QString quotedIdentifier(const QString &name);

/** True when rows of table are unique on (DeviceId, Timestamp, ReportId); otherwise on the
 *  hidden `_vigil_rowkey`. */
bool usesDeviceReportKey(const HuntingTable &table);

/**
 * The statements that create table's SQL table, its de-duplication key and its indexes.
 * searchIndexes false leaves out the indexes for the hunting shapes (DeviceName, hashes,
 * accounts, RemoteIP, Timestamp): the benchmark measures what they cost.
 */
QStringList eventTableStatements(const HuntingTable &table, bool searchIndexes = true);

/** The columns an index for the hunting shapes covers, where table has them. */
QStringList searchIndexColumns(const HuntingTable &table);

} // namespace Vigil
