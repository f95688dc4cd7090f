#include "eventstore.h"

#include "sqlite/sqliteeventstore.h"

#include <QDir>
#include <QFileInfo>

namespace Vigil {

QString eventStorePath(const StoreConfig &incidentStore)
{
    if (incidentStore.isEmpty())
        return {};
    if (incidentStore.location == QLatin1String(":memory:"))
        return incidentStore.location;
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
