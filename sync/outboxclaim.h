#pragma once

#include "activity.h"
#include "result.h"

#include <QList>
#include <QString>

#include <chrono>

namespace Vigil {

class Store;

/**
 * @brief This console's claims on outbox rows: an edit is delivered by one console only, so two
 * consoles (or a console and a headless leader) on one database never send it twice.
 *
 * The claims are written on the rows in the database (OutboxRepository::claimIncidentRows()),
 * one incident's leading rows at a time, right before they are read for and sent to Graph, and
 * the answer is recorded in the same transaction that gives them up
 * (OutboxRepository::settleRows()). The holder is named "<host> <pid> <random>"; a claim holds
 * for the lease unless renewed. A holder whose process ended (same host, the process is gone)
 * loses its rows at once, any other when its claim runs out, which is longer than a request
 * can take: a console cut off from the database while its request is on its way keeps the
 * rows until its answer could have come. Sync thread.
 */
class OutboxClaim
{
public:
    /** lease: how long a claim holds without being renewed. */
    explicit OutboxClaim(std::chrono::seconds lease);

    QString owner() const { return m_owner; }
    /** Who held the first row of the incident when take() last found it held elsewhere;
     *  empty when take() found the rows changed instead. */
    QString lastHolder() const { return m_lastHolder; }
    /** Claims, or renews, the rows of batch (one incident's leading rows, oldest first) and
     *  answers those now held, as the store has them: the leading part of batch, empty when
     *  another live console holds its first row (lastHolder()) or the rows changed. */
    Result<QList<OutboxRow>> take(Store &store, const QList<OutboxRow> &batch);
    /** Gives up every claim held except those on the rows keep and on the rows sent. */
    void release(Store &store, const QList<qint64> &keep = {});
    /** The rows whose write is on its way (empty once answered): their claims are given up
     *  only by the transaction that records the answer (OutboxRepository::settleRows()). */
    void setSent(const QList<qint64> &ids) { m_sent = ids; }

    /** True when holder names a process on this host that is no longer running. */
    static bool holderGone(const QString &holder);

private:
    QString m_owner;
    std::chrono::seconds m_lease;
    QString m_lastHolder;
    QList<qint64> m_sent;
};

} // namespace Vigil
