#pragma once

#include "store/storeaccess.h"

#include "result.h"
#include "storeconfig.h"

#include <QList>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>

#include <optional>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

class QSqlError;

namespace Vigil {

class SqliteStatement;

/** A Storage error for a failed QtSql call, logged. */
Error storageError(const QString &what, const QSqlError &error);
/** A Storage error for a failed SqliteStatement, logged. */
Error statementError(const QString &what, const SqliteStatement &statement);

/**
 * @brief One named QtSql connection to a SQLite file, migrated to the schema its owner lists.
 *
 * Knows nothing of what the tables hold, so every SQLite database of Vigil can use it: it opens
 * (a writer switches on WAL and the write-path PRAGMAs), runs the owner's migrations in order
 * (each one transaction, recorded in schema_version), prepares statements and closes. Must be
 * used only on the thread that opened it.
 */
class SqliteDatabase
{
public:
    /** Each entry is one schema version's statements; never edit a released one, append. */
    using Migrations = QList<QStringList>;

    SqliteDatabase() = default;
    ~SqliteDatabase();
    SqliteDatabase(const SqliteDatabase &) = delete;
    SqliteDatabase &operator=(const SqliteDatabase &) = delete;

    /**
     * Opens path (creating the file and its folder when missing) and migrates it to the last of
     * migrations. ReadOnly requires an existing database at a version migrations knows and never
     * writes. connectionPrefix names the QtSql connection ("vigil.store"). A writer runs
     * firstPragmas before anything else: settings a file takes only before its first table
     * (auto_vacuum).
     */
    Result<void> open(const QString &path, StoreOpenMode mode, const Migrations &migrations,
                      const QString &connectionPrefix, const QStringList &firstPragmas = {});
    /** Removes the connection; every statement prepared on it must be gone first. */
    void close();
    bool isOpen() const { return m_open; }
    QString path() const { return m_path; }
    /** The connection; invalid once closed. */
    QSqlDatabase db() const;
    /** A Storage error unless the database is open for writing. */
    Result<void> checkWritable() const;

    /** The version recorded in schema_version, 0 when none. */
    int schemaVersion() const;
    /** SQLite's journal mode for this connection ("wal" once open for writing). */
    QString journalMode() const;

    Result<void> exec(const QString &sql);
    Result<void> prepare(std::optional<QSqlQuery> &query, const QString &sql);
    /** Prepares statement on the connection's own sqlite3 handle (see SqliteStatement). */
    Result<void> prepareRaw(SqliteStatement &statement, const QString &sql);

private:
    /** Whether the open file reads as an SQLite database at all (see open()). */
    Result<void> checkReadable();
    Result<void> migrate(const Migrations &migrations);

    QString m_connectionName;
    QString m_path;
    StoreOpenMode m_mode = StoreOpenMode::ReadWrite;
    bool m_open = false;
};

} // namespace Vigil
