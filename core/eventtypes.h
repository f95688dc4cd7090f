#pragma once

#include "result.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>

#include <optional>

// The values the hunting event store takes and gives: plain types, so that they cross threads
// (queued signals) and reach the window through its facade.
namespace Vigil {

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
    /// The blob's Creation-Time when it was read (invalid: not known). A blob replaced under its
    /// name by a longer one keeps growing ETags but not its creation time.
    QDateTime created;
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
    /// JSON lines: complete lines read before data, in order, each part of whole lines (a
    /// stream's read as it came in blocks, and its lines that spanned two blocks), so that the
    /// reads reach the store as the network code handed them on, not copied into one array.
    QByteArrayList head;
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
    /** The estimate from what a table holds now. */
    static EventVolumeEstimate from(const EventTableStats &stats);
};

/** @brief What one retention step deleted. Value type. */
struct RetentionStep
{
    QString table;
    qint64 deleted = 0;
    qint64 elapsedMs = 0; ///< how long the step's write transaction held the lock
    bool more = false; ///< expired rows remain (in this or another table)
};

/** @brief How a file import ended (or how far it is). Value type. */
struct EventImportSummary
{
    QString path;
    EventIngestResult result;
    qint64 bytesDone = 0; ///< bytes of the file read (compressed bytes for gzip)
    qint64 bytesTotal = 0; ///< the file's size
    qint64 linesDone = 0; ///< lines (CSV: records) committed
    bool cancelled = false; ///< stopped by the caller: what was committed stays
    std::optional<Error> error; ///< why the import stopped early
};

/** @brief Every hunting table with its size and settings, and the volume estimates. */
struct EventTablesSnapshot
{
    QList<EventTableStats> tables;
    QMap<QString, EventVolumeEstimate> estimates;
    std::optional<Error> error;
};

/** @brief What one retention pass did. Value type. */
struct EventRetentionSummary
{
    qint64 deleted = 0;
    qint64 steps = 0; ///< write transactions
    qint64 longestStepMs = 0; ///< the longest time one of them held the write lock
    qint64 elapsedMs = 0;
    std::optional<Error> error;
};

} // namespace Vigil

Q_DECLARE_METATYPE(Vigil::EventCheckpoint)
Q_DECLARE_METATYPE(Vigil::EventBatch)
Q_DECLARE_METATYPE(Vigil::EventIngestResult)
Q_DECLARE_METATYPE(Vigil::EventImportSummary)
Q_DECLARE_METATYPE(Vigil::EventTablesSnapshot)
Q_DECLARE_METATYPE(Vigil::EventRetentionSummary)
