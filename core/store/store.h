#pragma once

#include "store/storeaccess.h"

#include "result.h"
#include "storeconfig.h"

#include <memory>

namespace Vigil {

class ActivityRepository;
class IncidentRepository;
class OutboxRepository;
class RuleRepository;
class SyncStateRepository;

/**
 * @brief One open incident database: hands out its repositories and says what it is.
 *
 * Created by openStore(). The repositories belong to the Store and share its connection, so an
 * operation that spans tables (a page and its cursor, an edit and its outbox rows) is one
 * transaction. A Store must be used only on the thread that opened it: the sync thread for the
 * (only) writing Store; other threads open their own with OpenMode::ReadOnly.
 */
class Store
{
public:
    using OpenMode = StoreOpenMode;

    virtual ~Store() = default;
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    virtual IncidentRepository &incidents() = 0;
    virtual OutboxRepository &outbox() = 0;
    virtual ActivityRepository &activity() = 0;
    virtual RuleRepository &rules() = 0;
    virtual SyncStateRepository &syncState() = 0;

    /** The schema version this build of Vigil migrates to. */
    virtual int latestSchemaVersion() const = 0;
    /** The version the database records, 0 when none. */
    virtual int schemaVersion() const = 0;
    /** The engine's journal mode for this connection (SQLite: "wal" once open for writing). */
    virtual QString journalMode() const = 0;
    /** Closes the connection; the repositories fail from then on. The destructor closes too. */
    virtual void close() = 0;

protected:
    Store() = default;
};

/**
 * Opens the database config names (creating and migrating it for ReadWrite) and returns it as a
 * Store; a Storage error when it cannot be opened, a Config error for an engine this build
 * lacks.
 */
Result<std::unique_ptr<Store>> openStore(const StoreConfig &config,
                                         StoreOpenMode mode = StoreOpenMode::ReadWrite);

/** True when the database config names exists already (opening it would create nothing). */
bool storeExists(const StoreConfig &config);

} // namespace Vigil
