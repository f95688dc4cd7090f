#include "eventtypes.h"

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

} // namespace Vigil
