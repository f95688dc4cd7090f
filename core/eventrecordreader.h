#pragma once

#include "eventrecord.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <string_view>

namespace Vigil {

/**
 * @brief Turns advanced hunting records, as the streaming API and the portal's CSV export write
 * them, into EventRows of the Defender tables.
 *
 * A JSON line is one record `{time, tenantId, operationName, category: "AdvancedHunting-<Table>",
 * properties: {...}}` or `{"records": [...]}`. The table comes from `category`; a record without
 * one goes to the fallback table (`--table`, the blob's container), and a record without
 * `properties` is then read as the row itself. Properties are mapped by exact column name; one
 * that names no column goes into EventRow::extra as sent; a missing one is "" (string) or NULL.
 * A repeated property keeps its last value, as JSON readers commonly do. Values are coerced as
 * Kusto ingests them (numbers sent as text, "true"/"false", datetimes to the tick, objects and
 * arrays in string columns kept as their JSON text, dynamic kept compact); a value that cannot
 * be coerced rejects its record with a reason. Text that is not UTF-8 reads as U+FFFD.
 *
 * Not thread-safe; one reader per thread (the event store's writer thread).
 */
class EventRecordReader
{
public:
    /** Called for each accepted record; the row is valid during the call only. */
    using RowSink = std::function<void(const EventRow &row)>;
    /** Called for each rejected record: the table when known (nullptr otherwise), the reason. */
    using RejectSink = std::function<void(const HuntingTable *table, const QString &reason)>;

    explicit EventRecordReader(const HuntingSchema &schema = HuntingSchema::defender());
    ~EventRecordReader();
    EventRecordReader(const EventRecordReader &) = delete;
    EventRecordReader &operator=(const EventRecordReader &) = delete;

    /**
     * Reads one line (without its line break; blank lines give nothing). readableAfter: how many
     * bytes after the line's end belong to the caller's buffer and may be read (never changed);
     * with enough of them the parser reads the line where it lies instead of a copy.
     */
    void readJsonLine(std::string_view line, const HuntingTable *fallbackTable,
                      const RowSink &onRow, const RejectSink &onReject, size_t readableAfter = 0);

    /**
     * Reads one CSV record of table whose fields line up with header (the export's first row:
     * column names). A header name that is no column goes to extra; a column the header lacks
     * is missing. Empty fields are missing values.
     */
    void readCsvRecord(const HuntingTable &table, const QList<QByteArray> &header,
                       const QList<QByteArray> &fields, const RowSink &onRow,
                       const RejectSink &onReject);

    /** The longest line or CSV record accepted (64 MiB): longer ones are rejected, unread. */
    static constexpr qsizetype maxRecordBytes = qsizetype(64) * 1024 * 1024;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

/**
 * @brief Splits CSV text (RFC 4180: commas, double quotes, "" inside quotes, CRLF or LF) into
 * records, counting physical lines so that a rejected record can be named by its first line.
 * Any thread.
 */
class CsvSplitter
{
public:
    /**
     * The length of the longest prefix of data that holds only complete records (ends after a
     * line break outside quotes); 0 when not even one record is complete.
     */
    static qsizetype completePrefix(std::string_view data);

    /**
     * Reads the next record from data at position *pos (moved past it); fields unquoted. Adds
     * the line breaks it passes to *line. False at the end of data.
     */
    static bool next(std::string_view data, qsizetype *pos, QList<QByteArray> *fields,
                     qint64 *line);
};

} // namespace Vigil
