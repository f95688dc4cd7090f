#pragma once

#include "store/storeaccess.h"

#include "result.h"

#include <QDateTime>
#include <QString>

namespace Vigil {

/**
 * @brief Where the pulls stand in a Store: the cursors and free key/value sync state.
 *
 * The page writes move their cursor themselves, in the page's transaction. Owned by its Store
 * and used on the Store's thread.
 */
class SyncStateRepository
{
public:
    virtual ~SyncStateRepository() = default;

    /** The lastUpdateDateTime high-water mark of the pulled incidents; invalid before the first
     *  page. */
    virtual QDateTime cursor() const = 0;
    virtual Result<void> setCursor(const QDateTime &cursor) = 0;
    /** The lastUpdateDateTime high-water mark of the pulled alerts_v2 alerts; invalid before the
     *  first page. */
    virtual QDateTime alertsCursor() const = 0;
    /** Free key/value sync state ("lastSuccess", ...); empty when unset. */
    virtual QString value(const QString &key) const = 0;
    virtual Result<void> setValue(const QString &key, const QString &value) = 0;

protected:
    SyncStateRepository() = default;
};

} // namespace Vigil
