#pragma once

#include "store/storeaccess.h"

#include "pgdialect.h"
#include "pglocation.h"
#include "sql/sqlconnection.h"

namespace Vigil {

/**
 * @brief The incident store's connection to a PostgreSQL database (Qt's QPSQL driver):
 * migrates it under an advisory lock, so that consoles starting together migrate it once, and
 * hands out statements over QSqlQuery.
 *
 * Used only on the thread that opened it.
 */
class PgDatabase final : public SqlConnection
{
public:
    /** Error::code of a Storage error for a server that could not be reached or verified. */
    static constexpr char kConnectErrorCode[] = "pg-connect";

    PgDatabase() = default;
    ~PgDatabase() override { close(); }

    /** Connects (password empty: libpq's own means) and, for ReadWrite, migrates to the
     *  baseline and the shared migrations; ReadOnly requires a migrated database. */
    Result<void> open(const PgLocation &where, const QString &password, StoreOpenMode mode);

    QSqlDatabase db() const override;
    const StoreDialect &dialect() const override { return m_dialect; }
    Result<void> checkWritable() const override;
    int schemaVersion() const override;
    QString journalMode() const override { return QStringLiteral("server"); }
    Result<void> prepareStatement(std::unique_ptr<SqlStatement> &statement,
                                  const QString &sql) override;
    void close() override;

private:
    Result<void> migrate();

    QString m_connectionName;
    QString m_displayName;
    StoreOpenMode m_mode = StoreOpenMode::ReadWrite;
    bool m_open = false;
    PgDialect m_dialect;
};

} // namespace Vigil
