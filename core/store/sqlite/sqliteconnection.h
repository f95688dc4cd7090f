#pragma once

#include "store/storeaccess.h"

#include "sql/sqlconnection.h"
#include "sqlitedatabase.h"

namespace Vigil {

/** @brief The SQL of the incident store only SQLite speaks (see StoreDialect). Any thread. */
class SqliteStoreDialect final : public StoreDialect
{
public:
    StoreEngine engine() const override { return StoreEngine::SQLite; }
    QString incidentFilterColumns() const override;
    QString evidenceNames() const override;
    QString inJsonArray(const QString &column, bool integers) const override;
    QString insertIfAbsent(const QString &table, const QString &columns, const QString &values,
                           const QString &key, const QString &keyParameter) const override;
    QString upsert(const QString &table, const QStringList &columns, const QString &values,
                   const QString &key) const override;
    QStringList beginLockedTransaction(const QString &table) const override;
    QStringList beginRowClaim() const override;
    QString beginWrite() const override;
    QString rowLockClause() const override { return {}; }
    QString newestIdQuery(const QString &table) const override;
    QString notifyStatement() const override { return {}; }
};

/**
 * @brief The incident store's connection to one SQLite file (SqliteDatabase, WAL), with the
 * page-write statements on the raw sqlite3 handle.
 *
 * Used only on the thread that opened it.
 */
class SqliteConnection final : public SqlConnection
{
public:
    SqliteConnection() = default;
    ~SqliteConnection() override { close(); }

    /** Opens (creating the file and its folder) and migrates to migrations' last version. */
    Result<void> open(const QString &path, StoreOpenMode mode,
                      const SqliteDatabase::Migrations &migrations);

    QSqlDatabase db() const override { return m_database.db(); }
    const StoreDialect &dialect() const override { return m_dialect; }
    Result<void> checkWritable() const override { return m_database.checkWritable(); }
    int schemaVersion() const override { return m_database.schemaVersion(); }
    QString journalMode() const override { return m_database.journalMode(); }
    Result<void> prepareStatement(std::unique_ptr<SqlStatement> &statement,
                                  const QString &sql) override;
    void close() override { m_database.close(); }

private:
    SqliteDatabase m_database;
    SqliteStoreDialect m_dialect;
};

} // namespace Vigil
