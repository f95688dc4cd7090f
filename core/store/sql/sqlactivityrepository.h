#pragma once

#include "store/storeaccess.h"

#include "activityrepository.h"

namespace Vigil {

class SqlConnection;

/** @brief ActivityRepository in the activity table of a SqlStore; its thread. */
class SqlActivityRepository final : public ActivityRepository
{
public:
    explicit SqlActivityRepository(SqlConnection &database);

    Result<void> append(qint64 number, const QList<ActivityEntry> &entries) override;
    Result<QList<ActivityEntry>> load(qint64 number) const override;

    /** Writes entries inside a transaction the caller runs (an edit). */
    Result<void> insert(qint64 number, const QList<ActivityEntry> &entries);

private:
    SqlConnection &m_database;
};

} // namespace Vigil
