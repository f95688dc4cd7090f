#pragma once

#include "store/storeaccess.h"

#include "sqlstatement.h"
#include "syncstaterepository.h"

namespace Vigil {

class SqlConnection;

/** @brief SyncStateRepository in the sync_state table of a SqlStore; its thread. */
class SqlSyncStateRepository final : public SyncStateRepository
{
public:
    static constexpr char kCursorKey[] = "cursor";
    static constexpr char kAlertsCursorKey[] = "alertsCursor";

    explicit SqlSyncStateRepository(SqlConnection &database);

    /** Finalizes the statements: before the connection goes. */
    void releaseStatements();

    QDateTime cursor() const override;
    Result<void> setCursor(const QDateTime &cursor) override;
    QDateTime alertsCursor() const override;
    QString value(const QString &key) const override;
    Result<void> setValue(const QString &key, const QString &value) override;

    /** setValue() inside a transaction the caller runs (a page and its cursor). */
    Result<void> writeValue(const QString &key, const QString &value);

private:
    SqlConnection &m_database;
    // Every page writes its cursor: prepared once.
    std::unique_ptr<SqlStatement> m_write; ///< writeValue()
};

} // namespace Vigil
