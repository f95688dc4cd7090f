#pragma once

#include <QString>

namespace Vigil {

/** The database engines a Store can run on. */
enum class StoreEngine {
    SQLite, ///< one file on this machine (location: its path, or ":memory:")
};

/** Whether a Store may write. */
enum class StoreOpenMode {
    ReadWrite, ///< creates and migrates the database when needed; one writer per database
    ReadOnly, ///< requires an existing, migrated database and never writes
};

/**
 * @brief Which database holds Vigil's incidents: the engine and where it is.
 *
 * A value type, copied across threads with SyncConfig; openStore() turns it into a Store.
 */
struct StoreConfig
{
    StoreEngine engine = StoreEngine::SQLite;
    QString location; ///< SQLite: the file; created with its folder when missing

    /** A SQLite database in the file at path. */
    static StoreConfig sqlite(const QString &path) { return {StoreEngine::SQLite, path}; }

    /** True while no location is set (no data directory to keep a database in). */
    bool isEmpty() const { return location.isEmpty(); }
};

} // namespace Vigil
