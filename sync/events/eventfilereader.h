#pragma once

#include "eventtypes.h"
#include "result.h"

#include <QFile>

#include <memory>
#include <optional>

namespace Vigil {

/**
 * @brief Reads a hunting data file (the streaming format as JSON lines, or the portal's CSV
 * export; either may be gzip-compressed) in batches of complete lines for EventStore::ingest.
 *
 * Each batch carries the file's checkpoint (source "file", the absolute path, its size and
 * modification time as ETag, the uncompressed bytes consumed). A line longer than
 * EventRecordReader::maxRecordBytes is skipped unread and reported in rejected(). Used on one
 * thread (the event writer's).
 */
class EventFileReader
{
public:
    enum class Format { Auto, JsonLines, Csv };

    EventFileReader();
    ~EventFileReader();
    EventFileReader(const EventFileReader &) = delete;
    EventFileReader &operator=(const EventFileReader &) = delete;

    /**
     * Opens path. table names the records' table when they do not (required for CSV).
     * Format Auto: CSV for a name ending in .csv or .csv.gz, else by the first character.
     */
    Result<void> open(const QString &path, const QString &table, Format format = Format::Auto);
    /**
     * The next batch of about batchBytes of complete lines; nullopt at the end of the file.
     * When the file cannot be read to its end (truncated or damaged gzip, a read error), the
     * complete lines before the damage still come in batches, the line it cut off is reported
     * in rejected(), and then the error comes instead of the end.
     */
    Result<std::optional<EventBatch>> next(qsizetype batchBytes = qsizetype(32) * 1024 * 1024);

    Format format() const { return m_format; }
    /** Bytes of the file read so far (compressed bytes for gzip), for progress. */
    qint64 bytesRead() const;
    qint64 fileSize() const { return m_fileSize; }
    /** Lines skipped because they were too long, with their line numbers. */
    QList<EventRejection> takeRejected();

private:
    /** Reads until wanted bytes are pending or the file ends (or stops: stopReading). */
    void fill(qsizetype wanted);
    void stopReading(const QString &why);
    Result<void> readHeader();

    QFile m_file;
    struct Inflater;
    std::unique_ptr<Inflater> m_inflater; // set for gzip
    QString m_table;
    Format m_format = Format::Auto;
    QByteArray m_pending; // uncompressed bytes not yet handed out
    qint64 m_offset = 0; // uncompressed bytes handed out
    qint64 m_line = 1;
    qint64 m_fileSize = 0;
    bool m_eof = false;
    bool m_skipping = false; // inside a line too long to keep
    QString m_etag;
    QString m_path;
    QList<QByteArray> m_header;
    QList<EventRejection> m_rejected;
    std::optional<Error> m_stopped; // why reading stopped early, until next() reports it
};

} // namespace Vigil
