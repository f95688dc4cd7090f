#pragma once

#include "store/storeaccess.h"

#include "outboxrepository.h"

#include <QVariantList>

namespace Vigil {

class SqlConnection;

/** @brief OutboxRepository in the outbox table of a SqlStore; its thread. */
class SqlOutboxRepository final : public OutboxRepository
{
public:
    explicit SqlOutboxRepository(SqlConnection &database);

    Result<QList<OutboxRow>> rows() const override;
    Result<void> updateRow(const OutboxRow &row) override;
    Result<void> deleteRows(const QList<qint64> &ids) override;
    int pendingCount() const override;
    Result<qint64> newestRowId() const override;
    Result<void> markSent(const QList<qint64> &ids, const QDateTime &at) override;
    Result<QString> claimDelivery(const QString &owner, const QDateTime &now,
                                  const QDateTime &until,
                                  const std::function<bool(const QString &)> &holderGone) override;
    Result<void> releaseDelivery(const QString &owner) override;
    Result<QList<OutboxRow>> claimRows(const QString &owner, const QDateTime &now,
                                       const QDateTime &until, int limit) override;
    Result<int> settleRows(const QString &owner, const QList<qint64> &delivered,
                           const QList<OutboxRow> &retried) override;

    /** Queues row inside a transaction the caller runs (an edit). */
    Result<void> insertRow(const OutboxRow &row);

private:
    /** The rows of the outbox the WHERE clause where (with its bindings) picks, oldest first. */
    Result<QList<OutboxRow>> select(const QString &where, const QVariantList &values) const;

    SqlConnection &m_database;
};

} // namespace Vigil
