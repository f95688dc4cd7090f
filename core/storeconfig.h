#pragma once

#include <QString>

namespace Vigil {

/** The database engines a Store can run on. */
enum class StoreEngine {
    SQLite, ///< one file on this machine (location: its path, or ":memory:")
    PostgreSQL, ///< a shared server database (location: its canonical postgresql:// URL)
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
    /** PostgreSQL: the password, in memory only (from the keychain); empty: libpq's own means
     *  (trust, ~/.pgpass, PGPASSWORD). Never written to settings or logs. */
    QString password;
    /** Who edits through the Store: the signed-in UPN or --analyst. Outbox rows, activity
     *  entries and change notifications carry it. */
    QString analyst;

    /** A SQLite database in the file at path. */
    static StoreConfig sqlite(const QString &path) { return {StoreEngine::SQLite, path, {}, {}}; }
    /**
     * A PostgreSQL database at url (postgresql://user@host:port/db?sslmode=…). location is the
     * canonical URL without a password; a password in url is taken when password is empty. A
     * url that does not parse stays as it is, and openStore() says what is wrong with it.
     * Defined with the store (vigil_store).
     */
    static StoreConfig postgres(const QString &url, const QString &password = {});

    /** True while no location is set (no data directory to keep a database in). */
    bool isEmpty() const { return location.isEmpty(); }
};

} // namespace Vigil
