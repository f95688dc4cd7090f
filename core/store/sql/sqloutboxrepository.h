#pragma once

#include "store/storeaccess.h"

#include "outboxrepository.h"
#include "sqlstatement.h"

#include <QVariantList>

#include <optional>

namespace Vigil {

class SqlConnection;

/** @brief OutboxRepository in the outbox table of a SqlStore; its thread. */
class SqlOutboxRepository final : public OutboxRepository
{
public:
    explicit SqlOutboxRepository(SqlConnection &database);

    /** Finalizes the statements: before the connection goes. */
    void releaseStatements();

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
    Result<QList<OutboxRow>> claimIncidentRows(
            const QString &owner, qint64 number, const QDateTime &now, const QDateTime &until,
            int limit, const std::function<bool(const QString &)> &holderGone) override;
    Result<void> releaseRows(const QString &owner, const QList<qint64> &keep) override;
    Result<int> settleRows(const QString &owner, const QList<qint64> &delivered,
                           const QList<OutboxRow> &retried) override;

    /** Queues row inside a transaction the caller runs (an edit). */
    Result<void> insertRow(const OutboxRow &row);

private:
    /** The rows of the outbox the WHERE clause where (with its bindings) picks, oldest first. */
    Result<QList<OutboxRow>> select(const QString &where, const QVariantList &values) const;

    /** What a claim takes (claimRows, claimIncidentRows). */
    struct ClaimScope
    {
        QString owner;
        QDateTime now;
        QDateTime until;
        int limit = 0;
        std::optional<qint64> incident; ///< only this incident's rows
        bool dueOnly = true; ///< only rows queued whose back-off has ended
        std::function<bool(const QString &)> holderGone;
    };
    Result<QList<OutboxRow>> claim(const ClaimScope &scope);

    SqlConnection &m_database;
    // Asked after every page a sync reads: prepared once.
    mutable std::unique_ptr<SqlStatement> m_pendingCount; ///< pendingCount()
    mutable std::unique_ptr<SqlStatement> m_newestRowId; ///< newestRowId()
};

} // namespace Vigil
