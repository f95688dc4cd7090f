#include "eventtypes.h"

#include "eventrecord.h"

#include <algorithm>

namespace Vigil {

qint64 EventIngestResult::totalInserted() const
{
    qint64 total = 0;
    for (const qint64 n : inserted)
        total += n;
    return total;
}

void EventIngestResult::add(const EventIngestResult &other)
{
    for (auto it = other.inserted.cbegin(); it != other.inserted.cend(); ++it)
        inserted[it.key()] += it.value();
    for (auto it = other.notCollected.cbegin(); it != other.notCollected.cend(); ++it)
        notCollected[it.key()] += it.value();
    duplicates += other.duplicates;
    rejectedCount += other.rejectedCount;
    lines += other.lines;
    for (const EventRejection &rejection : other.rejected) {
        if (rejected.size() >= maxKeptRejections)
            break;
        rejected.append(rejection);
    }
}

EventVolumeEstimate EventVolumeEstimate::from(const EventTableStats &table)
{
    EventVolumeEstimate estimate;
    if (table.rows == 0) {
        // Defender's own sizing guidance assumes about 1 KB per event.
        estimate.bytesPerRow = 1024;
        return estimate;
    }
    estimate.measured = true;
    estimate.bytesPerRow = double(table.bytes) / double(table.rows);
    double days = 1;
    if (table.oldestTicks && table.newestTicks)
        days = std::max(1.0, double(*table.newestTicks - *table.oldestTicks) / kTicksPerDay);
    estimate.rowsPerDay = double(table.rows) / days;
    return estimate;
}

} // namespace Vigil
