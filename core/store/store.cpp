#include "store.h"

#include "sqlite/sqlitestore.h"

#include <QFile>

namespace Vigil {

Result<std::unique_ptr<Store>> openStore(const StoreConfig &config, StoreOpenMode mode)
{
    switch (config.engine) {
    case StoreEngine::SQLite: {
        auto store = std::make_unique<SqliteStore>();
        if (Result<void> opened = store->open(config.location, mode); !opened)
            return opened.error();
        return std::unique_ptr<Store>(std::move(store));
    }
    }
    return Error{Error::Kind::Config, 0, {}, QStringLiteral("unknown store engine"), {}};
}

bool storeExists(const StoreConfig &config)
{
    switch (config.engine) {
    case StoreEngine::SQLite:
        return !config.location.isEmpty() && QFile::exists(config.location);
    }
    return false;
}

} // namespace Vigil
