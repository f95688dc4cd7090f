#pragma once

#include "store/storeaccess.h"

#include "sqlitedatabase.h"

namespace Vigil {

/** The incident database's schema, one entry per version from 1 (SqliteDatabase::open runs
 *  them). Never edit a released version: append a new one. */
const SqliteDatabase::Migrations &incidentMigrations();

} // namespace Vigil
