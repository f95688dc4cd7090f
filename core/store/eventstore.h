#pragma once

#include "store/storeaccess.h"

#include "eventtypes.h"
#include "fileprofilerecord.h"
#include "result.h"
#include "seenbyrecord.h"
#include "storeconfig.h"

#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace Vigil {

class Clock;

/**
 * @brief The local advanced hunting tables: one SQL table per Defender table (exact names and
 * columns, see HuntingSchema), their settings and counters, and the read checkpoints.
 *
 * Its own database file (eventStorePath()), its own writer: open it on the thread that writes
 * events (EventWorker's) and use it only there. De-duplication: a table with (DeviceId,
 * Timestamp, ReportId) has them as a unique key; any other table keeps a 64-bit hash of the
 * row's values (EventRow::rowKey) in the hidden column `_vigil_rowkey`, unique, so re-reading
 * the same data adds nothing either way.
 */
class EventStore
{
public:
    virtual ~EventStore() = default;
    EventStore(const EventStore &) = delete;
    EventStore &operator=(const EventStore &) = delete;

    /**
     * Parses batch and stores its rows and its checkpoint in ONE transaction: after a crash
     * either both are there or neither. A bad record is rejected (with its line and reason, and
     * counted for its table), never the batch; a Storage error rolls everything back.
     */
    virtual Result<EventIngestResult> ingest(const EventBatch &batch) = 0;

    /** The checkpoint of a blob (source "blob") or file, or nullopt when none. */
    virtual Result<std::optional<EventCheckpoint>> checkpoint(const QString &container,
                                                              const QString &blob,
                                                              const QString &source
                                                              = QStringLiteral("blob"))
            = 0;
    /** Every checkpoint of source ("" = all), by container and name. */
    virtual Result<QList<EventCheckpoint>> checkpoints(const QString &source = {}) = 0;
    /** Forgets a checkpoint (a blob replaced under its name is read again from the start). */
    virtual Result<void> removeCheckpoint(const QString &container, const QString &blob,
                                          const QString &source = QStringLiteral("blob"))
            = 0;

    /** Settings of every table, in HuntingSchema's order. */
    virtual Result<QList<EventTableSettings>> settings() = 0;
    /** Turns collection of table on or off; a Config error for a table that does not exist. */
    virtual Result<void> setCollect(const QString &table, bool collect) = 0;
    /** Sets how many days rows of table are kept (nullopt: unlimited; at least 1). */
    virtual Result<void> setRetention(const QString &table, std::optional<int> days) = 0;
    /** Deletes every row of table in small transactions; answers how many. */
    virtual Result<qint64> clearTable(const QString &table) = 0;

    /** Rows, size, time span, last ingest and rejections of every table (or one). */
    virtual Result<QList<EventTableStats>> tableStats(const QString &table = {}) = 0;
    /** How much `days` days of table would take, from what it holds now. */
    virtual Result<EventVolumeEstimate> estimate(const QString &table) = 0;

    /**
     * Deletes up to maxRows rows whose ingestion is older than their table's retention, in one
     * short write transaction (the first table that has some). Call again while more is true;
     * then vacuum().
     */
    virtual Result<RetentionStep> retentionStep(int maxRows = 5000) = 0;
    /** Gives free pages back to the file system (incremental vacuum), maxPages at a time. */
    virtual Result<void> vacuum(int maxPages = 0) = 0;

    /**
     * File IDs (lower-case SHA1 or SHA256) to ask Defender's FileProfile() about: those of first,
     * then those of the most recently ingested events and alert evidence, that have no profile
     * fetched at or after freshSince (ticks); at most max. Only 40 or 64 hex digits count.
     */
    virtual Result<QStringList> fileProfilesToFetch(const QStringList &first, qint64 freshSince,
                                                    int max)
            = 0;
    /** Stores (replaces) these profiles in one transaction. */
    virtual Result<void> storeFileProfiles(const QList<FileProfileRecord> &profiles) = 0;
    /**
     * DeviceIds to ask Defender's SeenBy() about: those of first, then those of the most recently
     * ingested DeviceInfo, DeviceNetworkInfo and AlertEvidence rows, that have no answer fetched
     * at or after freshSince (ticks); at most max. Only ids of 1 to 64 letters, digits and '-'
     * count (what Defender's DeviceIds are; nothing else reaches a query).
     */
    virtual Result<QStringList> seenByToFetch(const QStringList &first, qint64 freshSince, int max)
            = 0;
    /** Stores (replaces) these answers in one transaction. */
    virtual Result<void> storeSeenBy(const QList<SeenByRecord> &records) = 0;
    virtual int latestSchemaVersion() const = 0;
    virtual int schemaVersion() const = 0;
    virtual QString journalMode() const = 0;
    /** The database file. */
    virtual QString path() const = 0;
    /** Closes the connection; the destructor closes too. */
    virtual void close() = 0;

protected:
    EventStore() = default;
};

/**
 * Runs retention steps until nothing has expired, then gives the space back. Each step is one
 * write transaction whose size adapts (100 to 5,000 rows) so that it holds the write lock for
 * about targetMs: tables with many indexes on a busy disk take smaller steps. stop is asked
 * between steps (a pass stopped early keeps what it deleted).
 */
EventRetentionSummary runRetentionPass(EventStore &store, qint64 targetMs = 200,
                                       const std::function<bool()> &stop = {});

/** events.sqlite in the folder of the incident database config names ("" when it has none). */
QString eventStorePath(const StoreConfig &incidentStore);

/**
 * Opens (creating and migrating for ReadWrite) the event database at path. clock gives the
 * ingestion time and the ages retention compares (Clock::system() when null).
 */
Result<std::unique_ptr<EventStore>> openEventStore(const QString &path,
                                                   StoreOpenMode mode = StoreOpenMode::ReadWrite,
                                                   Clock *clock = nullptr);

} // namespace Vigil
