#pragma once

#include "store/storeaccess.h"

#include "activityrepository.h"

namespace Vigil {

class SqliteDatabase;

/** @brief ActivityRepository in the activity table of a SqliteStore; its thread. */
class SqliteActivityRepository final : public ActivityRepository
{
public:
    explicit SqliteActivityRepository(SqliteDatabase &database);

    Result<void> append(qint64 number, const QList<ActivityEntry> &entries) override;
    Result<QList<ActivityEntry>> load(qint64 number) const override;

    /** Writes entries inside a transaction the caller runs (an edit). */
    Result<void> insert(qint64 number, const QList<ActivityEntry> &entries);

private:
    SqliteDatabase &m_database;
};

} // namespace Vigil
