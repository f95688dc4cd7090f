#include "eventstore.h"

#include "sqlite/sqliteeventstore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QStandardPaths>

#include <algorithm>

namespace Vigil {

EventRetentionSummary runRetentionPass(EventStore &store, qint64 targetMs,
                                       const std::function<bool()> &stop)
{
    constexpr int minRows = 100;
    constexpr int maxRows = 5000;
    EventRetentionSummary summary;
    QElapsedTimer elapsed;
    elapsed.start();
    int rows = 1000;
    while (!stop || !stop()) {
        Result<RetentionStep> step = store.retentionStep(rows);
        if (!step) {
            summary.error = step.error();
            break;
        }
        ++summary.steps;
        summary.deleted += step.value().deleted;
        summary.longestStepMs = std::max(summary.longestStepMs, step.value().elapsedMs);
        if (!step.value().more)
            break;
        // Aim the next transaction at targetMs from this one's rows per millisecond.
        if (step.value().deleted == rows) {
            const qint64 ms = std::max<qint64>(1, step.value().elapsedMs);
            rows = int(std::clamp<qint64>(qint64(rows) * targetMs / ms, minRows, maxRows));
        }
    }
    if (!summary.error && summary.deleted > 0) {
        if (auto vacuumed = store.vacuum(0); !vacuumed)
            summary.error = vacuumed.error();
    }
    summary.elapsedMs = elapsed.elapsed();
    return summary;
}

QString eventStorePath(const StoreConfig &incidentStore)
{
    if (incidentStore.isEmpty())
        return {};
    if (incidentStore.location == QLatin1String(":memory:"))
        return incidentStore.location;
    // The hunting tables stay on this machine when the incidents live on a server: in the
    // platform data directory.
    if (incidentStore.engine == StoreEngine::PostgreSQL)
        return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                .filePath(QStringLiteral("events.sqlite"));
    // Beside the incident database, in the same data directory.
    return QFileInfo(incidentStore.location)
            .absoluteDir()
            .filePath(QStringLiteral("events.sqlite"));
}

Result<std::unique_ptr<EventStore>> openEventStore(const QString &path, StoreOpenMode mode,
                                                   Clock *clock)
{
    auto store = std::make_unique<SqliteEventStore>(clock);
    if (auto opened = store->open(path, mode); !opened)
        return opened.error();
    return std::unique_ptr<EventStore>(std::move(store));
}

} // namespace Vigil
