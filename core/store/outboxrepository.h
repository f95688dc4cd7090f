#pragma once

#include "store/storeaccess.h"

#include "activity.h"
#include "result.h"

#include <QList>

namespace Vigil {

/**
 * @brief The outbox of a Store: the analyst's edits until Graph accepted them, in the order they
 * were made.
 *
 * Rows are added with their edit (IncidentRepository::storeEdit). Owned by its Store and used on
 * the Store's thread.
 */
class OutboxRepository
{
public:
    virtual ~OutboxRepository() = default;

    /** Every outbox row, oldest first (the order they are delivered in). */
    virtual Result<QList<OutboxRow>> rows() const = 0;
    /** Writes a row's base, local, attempts, next attempt, state and last error. */
    virtual Result<void> updateRow(const OutboxRow &row) = 0;
    virtual Result<void> deleteRows(const QList<qint64> &ids) = 0;
    /** Outbox rows waiting for delivery. */
    virtual int pendingCount() const = 0;

protected:
    OutboxRepository() = default;
};

} // namespace Vigil
