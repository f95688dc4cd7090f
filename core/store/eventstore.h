#pragma once

#include "store/storeaccess.h"

#include "result.h"
#include "storeconfig.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace Vigil {

class Clock;

/**
 * @brief How far a source has been read: a blob (container, name, ETag, byte offset) or a file.
 * Value type. Written in the same transaction as the rows read up to offset.
 */
struct EventCheckpoint
{
    QString source = QStringLiteral("blob"); ///< "blob" (Azure Storage), "file" (an import)
    QString container; ///< the blob's container; "" for a file
    QString blob; ///< the blob's name, or the file's absolute path
    QString etag; ///< the blob's ETag when read (a file: its size and modification time)
    qint64 offset = 0; ///< bytes consumed: every complete line before it is stored
    QDateTime updated; ///< when the checkpoint was written (UTC)
};

/**
 * @brief A piece of a source to ingest: complete lines (or CSV records) only, and optionally
 * the checkpoint that they take the source to. Value type.
 */
struct EventBatch
{
    enum class Format {
        JsonLines, ///< the streaming format: a record, or {"records": [...]}, per line
        Csv, ///< the portal's CSV export: records of table, fields as csvHeader names them
    };
    Format format = Format::JsonLines;
    QByteArray data; ///< complete lines; a trailing partial line is an error of the caller
    qint64 firstLine = 1; ///< the line number of data's first line, for rejections
    QString table; ///< the table of records that name none (--table, the container); CSV: required
    QList<QByteArray> csvHeader; ///< CSV: the column names of the file's header row
    std::optional<EventCheckpoint> checkpoint; ///< stored with the rows, in one transaction
};

/** @brief A record that was not stored, and why. Value type. */
struct EventRejection
{
    qint64 line = 0;
    QString table; ///< "" when the record names no known table
    QString reason;
};

/** @brief What one ingest stored. Value type; add() sums several. */
struct EventIngestResult
{
    QMap<QString, qint64> inserted; ///< new rows per table
    QMap<QString, qint64> notCollected; ///< rows of tables whose collection is off
    qint64 duplicates = 0; ///< rows that were stored already (same key)
    qint64 rejectedCount = 0; ///< records rejected (every one, also past the kept list)
    QList<EventRejection> rejected; ///< the first maxKeptRejections of them
    qint64 lines = 0; ///< lines (CSV: records) read

    static constexpr qsizetype maxKeptRejections = 1000;

    qint64 totalInserted() const;
    void add(const EventIngestResult &other);
};

/** @brief One hunting table's settings. Value type. */
struct EventTableSettings
{
    QString table;
    bool collect = true;
    std::optional<int> retentionDays = 30; ///< nullopt: kept without limit
};

/** @brief What a hunting table holds, for `tables list` and the connector page. Value type. */
struct EventTableStats
{
    EventTableSettings settings;
    qint64 rows = 0;
    qint64 bytes = 0; ///< on disk: the table and its indexes (SQLite's dbstat)
    std::optional<qint64> oldestTicks; ///< Timestamp of the oldest event
    std::optional<qint64> newestTicks;
    std::optional<qint64> lastIngestTicks; ///< when a row was last stored
    qint64 rejected = 0; ///< records rejected for this table since it was created
};

/** @brief An answer to "how much would N days of this table take". Value type. */
struct EventVolumeEstimate
{
    double bytesPerRow = 0; ///< measured: bytes on disk / rows (a default when empty)
    double rowsPerDay = 0; ///< measured: rows / days between oldest and newest event (≥ 1 day)
    bool measured = false; ///< false: the table is empty, the figures are defaults
    qint64 bytes(int days) const { return qint64(bytesPerRow * rowsPerDay * days); }
};

/** @brief What one retention step deleted. Value type. */
struct RetentionStep
{
    QString table;
    qint64 deleted = 0;
    qint64 elapsedMs = 0; ///< how long the step's write transaction held the lock
    bool more = false; ///< expired rows remain (in this or another table)
};

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
