#pragma once

#include "store/storeaccess.h"

#include "outboxrepository.h"

namespace Vigil {

class SqliteDatabase;

/** @brief OutboxRepository in the outbox table of a SqliteStore; its thread. */
class SqliteOutboxRepository final : public OutboxRepository
{
public:
    explicit SqliteOutboxRepository(SqliteDatabase &database);

    Result<QList<OutboxRow>> rows() const override;
    Result<void> updateRow(const OutboxRow &row) override;
    Result<void> deleteRows(const QList<qint64> &ids) override;
    int pendingCount() const override;

    /** Queues row inside a transaction the caller runs (an edit). */
    Result<void> insertRow(const OutboxRow &row);

private:
    SqliteDatabase &m_database;
};

} // namespace Vigil
