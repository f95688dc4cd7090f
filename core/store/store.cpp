#include "store.h"

#include "postgres/pgdatabase.h"
#include "postgres/pglocation.h"
#include "sql/incidentmigrations.h"
#include "sql/sqlstore.h"
#include "sqlite/sqliteconnection.h"

#include <QFile>

namespace Vigil {

StoreConfig StoreConfig::postgres(const QString &url, const QString &password)
{
    StoreConfig config{StoreEngine::PostgreSQL, url, password, {}};
    QString inUrl;
    if (Result<PgLocation> where = PgLocation::parse(url, &inUrl); where) {
        config.location = where.value().toUrl();
        if (config.password.isEmpty())
            config.password = inUrl;
    }
    return config;
}

Result<std::unique_ptr<Store>> openStore(const StoreConfig &config, StoreOpenMode mode)
{
    std::unique_ptr<SqlConnection> connection;
    switch (config.engine) {
    case StoreEngine::SQLite: {
        auto sqlite = std::make_unique<SqliteConnection>();
        if (Result<void> opened = sqlite->open(config.location, mode, incidentMigrations());
            !opened)
            return opened.error();
        connection = std::move(sqlite);
        break;
    }
    case StoreEngine::PostgreSQL: {
        Result<PgLocation> where = PgLocation::parse(config.location);
        if (!where)
            return where.error();
        auto pg = std::make_unique<PgDatabase>();
        if (Result<void> opened = pg->open(where.value(), config.password, mode); !opened)
            return opened.error();
        connection = std::move(pg);
        break;
    }
    }
    if (!connection)
        return Error{Error::Kind::Config, 0, {}, QStringLiteral("unknown store engine"), {}};
    connection->setAnalyst(config.analyst);
    auto store = std::make_unique<SqlStore>(std::move(connection));
    if (Result<void> prepared = store->prepare(mode); !prepared)
        return prepared.error();
    return std::unique_ptr<Store>(std::move(store));
}

bool storeExists(const StoreConfig &config)
{
    switch (config.engine) {
    case StoreEngine::SQLite:
        return !config.location.isEmpty() && QFile::exists(config.location);
    case StoreEngine::PostgreSQL:
        // A server database is there for whoever may reach it; opening it creates the schema.
        return !config.location.isEmpty();
    }
    return false;
}

} // namespace Vigil
