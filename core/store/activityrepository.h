#pragma once

#include "store/storeaccess.h"

#include "activity.h"
#include "result.h"

#include <QList>

namespace Vigil {

/**
 * @brief Each incident's activity log in a Store: who changed which field, here or in Defender.
 *
 * Owned by its Store and used on the Store's thread.
 */
class ActivityRepository
{
public:
    virtual ~ActivityRepository() = default;

    virtual Result<void> append(qint64 number, const QList<ActivityEntry> &entries) = 0;
    /** An incident's activity log, oldest first. */
    virtual Result<QList<ActivityEntry>> load(qint64 number) const = 0;

protected:
    ActivityRepository() = default;
};

} // namespace Vigil
