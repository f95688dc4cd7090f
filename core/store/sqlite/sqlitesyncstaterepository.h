#pragma once

#include "store/storeaccess.h"

#include "syncstaterepository.h"

namespace Vigil {

class SqliteDatabase;

/** @brief SyncStateRepository in the sync_state table of a SqliteStore; its thread. */
class SqliteSyncStateRepository final : public SyncStateRepository
{
public:
    static constexpr char kCursorKey[] = "cursor";
    static constexpr char kAlertsCursorKey[] = "alertsCursor";

    explicit SqliteSyncStateRepository(SqliteDatabase &database);

    QDateTime cursor() const override;
    Result<void> setCursor(const QDateTime &cursor) override;
    QDateTime alertsCursor() const override;
    QString value(const QString &key) const override;
    Result<void> setValue(const QString &key, const QString &value) override;

    /** setValue() inside a transaction the caller runs (a page and its cursor). */
    Result<void> writeValue(const QString &key, const QString &value);

private:
    SqliteDatabase &m_database;
};

} // namespace Vigil
