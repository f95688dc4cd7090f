#pragma once

#include "store/storeaccess.h"

#include "storeconfig.h"

#include <QList>
#include <QStringList>

namespace Vigil {

/** Each entry is one schema version's statements, from version 1; never edit a released one,
 *  append. */
using Migrations = QList<QStringList>;

/** The versions up to which SQLite and PostgreSQL schemas were written apart: SQLite went
 *  through them one by one (sqliteHistory), PostgreSQL starts from their end state at once
 *  (PgDialect's baseline). */
constexpr int kBaselineVersion = 5;

/** SQLite's versions 1..kBaselineVersion. */
const Migrations &sqliteHistory();
/** The versions after kBaselineVersion, the same SQL on both engines but for `{blob}` and
 *  `{now_ms}`, which withEngineTypes() spells for the engine. */
const Migrations &sharedIncidentMigrations();
/** statements with `{blob}` written as engine's type for raw bytes and `{now_ms}` as its
 *  expression for the time now (ms since the epoch). */
QStringList withEngineTypes(QStringList statements, StoreEngine engine);
/** Every version for a SQLite store: sqliteHistory() then sharedIncidentMigrations(). */
const Migrations &incidentMigrations();

} // namespace Vigil
