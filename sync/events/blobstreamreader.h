#pragma once

#include "blobclient.h"
#include "result.h"
#include "storageaccount.h"

#include <QByteArrayList>
#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace Vigil {

class Clock;

/**
 * @brief How far one blob has been consumed: every byte before offset is in the store. A value;
 * any thread.
 */
struct BlobCheckpoint
{
    QString container;
    QString blob;
    QString etag; ///< of the blob when offset was reached
    qint64 offset = 0; ///< the first byte not consumed: always just after a line end
    QDateTime created; ///< the blob's Creation-Time when known (invalid: not kept)
};

/**
 * @brief Complete lines of one blob, to be stored together with the checkpoint they lead to.
 * A value; any thread.
 */
struct BlobChunk
{
    QString table; ///< the Defender table, e.g. DeviceProcessEvents
    QString container;
    QString blob;
    QString etag;
    QDateTime created;
    qint64 startOffset = 0; ///< where the lines begin in the blob (the previous checkpoint)
    qint64 endOffset = 0; ///< just after the last line end: the new checkpoint's offset
    /// The bytes between the offsets as the blob holds them, line ends included, in parts of
    /// whole lines: the blocks of the read as the network code handed them on where it can be
    /// (only a line that spans two blocks is put together), so that a window is not copied on
    /// its way to the store. Lines longer than the limit are left out.
    QByteArrayList parts;
    /// How many of those lines are not blank (blank lines are consumed all the same).
    qsizetype lineCount = 0;
    /// Lines longer than the reader's limit, left out and counted: their offsets in the blob.
    QList<qint64> skippedLongLines;
    /// The blob was replaced under the same name (shorter, or created anew): it is read again
    /// from 0 and its lines may repeat earlier ones.
    bool restarted = false;

    BlobCheckpoint checkpoint() const { return {container, blob, etag, endOffset, created}; }
    /** The lines of parts that are not blank, without their line ends ("\n" or "\r\n"). */
    QByteArrayList lines() const;
};

/**
 * @brief Where the lines go and where the checkpoints come from: the events store.
 *
 * The reader calls these on its own thread; each answers through its callback, from any thread
 * (the reader takes the answer back to its own), exactly once. consume() must keep the lines and
 * the checkpoint in one transaction: on success both are kept, on failure neither.
 */
class BlobChunkSink
{
public:
    using CheckpointsCallback = std::function<void(const Result<QList<BlobCheckpoint>> &)>;
    using ConsumeCallback = std::function<void(const Result<void> &)>;

    virtual ~BlobChunkSink();
    /** The checkpoints kept for the blobs of one table's container. */
    virtual void loadCheckpoints(const QString &table, const QString &container,
                                 CheckpointsCallback done)
            = 0;
    /** Keeps the lines of chunk and chunk.checkpoint(), atomically. */
    virtual void consume(const BlobChunk &chunk, ConsumeCallback done) = 0;
};

/** @brief What one pass did with one table. A value; any thread. */
struct TableReadResult
{
    enum class State {
        Read, ///< listed and read up to the last complete line
        NotStreamed, ///< no container: the streaming API does not send this table
        Failed, ///< see error
        Cancelled,
    };
    QString table;
    QString container;
    State state = State::Read;
    int blobsListed = 0;
    int blobsRead = 0; ///< blobs with new bytes
    int blobsRestarted = 0; ///< replaced under the same name, read again from 0
    qint64 bytesConsumed = 0;
    qint64 linesDelivered = 0;
    int longLinesSkipped = 0;
    std::optional<Error> error;
};

/** @brief What a whole pass did. error is set when it stopped early (credential refused, the
 *  store failing, cancelled). */
struct BlobReadSummary
{
    QList<TableReadResult> tables;
    std::optional<Error> error;
};

/** @brief Where a pass is, for a progress bar. */
struct BlobReadProgress
{
    int tablesDone = 0;
    int tablesTotal = 0;
    QString table; ///< the table being read
    int blobsDone = 0; ///< of the current table
    int blobsToRead = 0;
    qint64 bytesConsumed = 0; ///< in the whole pass
};

/** @brief How a BlobStreamReader reads. Any thread. */
struct BlobStreamOptions
{
    QStringList tables; ///< Defender table names; empty: every table of HuntingSchema::defender()
    QString prefix; ///< only blobs whose names start with it (e.g. "tenantId=.../y=2026")
    int listPageSize = 0; ///< maxresults of List Blobs; 0: the service's default (5000)
    /** Bytes per ranged read: one chunk, so one store transaction, at most. */
    qint64 readWindowBytes = qint64(16) * 1024 * 1024;
    qint64 maxLineBytes = qint64(16) * 1024 * 1024; ///< a longer line is skipped and reported
    BlobClientOptions client;
};

/**
 * What to tell the user when the storage account refuses account's credential (a 403 from
 * container): which credential, what the service said, and the permissions Vigil needs. No part
 * of the secret is in it.
 */
Error storageRefusal(const StorageAccount &account, const QString &container, const Error &error);

/**
 * @brief Reads what is new in the Defender streaming API's Azure Storage destination, table by
 * table, and hands complete lines with their checkpoints to a BlobChunkSink.
 *
 * For each table, the container `insights-logs-advancedhunting-<table in lower case>` is listed
 * and compared with the sink's checkpoints (name, ETag, offset): new and grown blobs are read
 * from their checkpoint with ranged reads, only complete lines are handed on (a partial last
 * line waits for the next pass), and the next read starts only once the sink has kept the
 * previous chunk, so that a crash neither loses nor repeats a line. A blob replaced under the
 * same name (a new Creation-Time, or a new ETag with fewer bytes than the checkpoint) is read
 * again from 0. A missing container means the table is not streamed; a refused credential stops
 * the pass with a message naming the permissions Vigil needs.
 *
 * Lives on the sync thread (never the GUI thread) with the network manager it is given.
 */
class BlobStreamReader : public QObject
{
    Q_OBJECT
public:
    BlobStreamReader(QNetworkAccessManager *network, StorageAccount account, BlobChunkSink *sink,
                     QObject *parent = nullptr);
    ~BlobStreamReader() override;

    void setOptions(const BlobStreamOptions &options);
    const BlobStreamOptions &options() const { return m_options; }
    void setClock(Clock *clock);
    bool isRunning() const { return m_running; }

    /** The container the streaming API writes a table to. */
    static QString containerFor(const QString &table);

    /** Starts one pass over every table; finished() follows. Ignored while one runs. */
    void start();
    /** Stops the pass: finished() follows with a Cancelled error. A chunk the sink is keeping
     *  is kept; nothing after it is read. */
    void cancel();

Q_SIGNALS:
    void progressed(const Vigil::BlobReadProgress &progress);
    void tableFinished(const Vigil::TableReadResult &result);
    void finished(const Vigil::BlobReadSummary &summary);
    /** A transient failure is retried at until. */
    void backingOff(const QDateTime &until, const Vigil::Error &error);

private:
    struct BlobTask
    {
        BlobItem item;
        qint64 consumed = 0; ///< the checkpoint: first byte not consumed
        qint64 readOffset = 0; ///< the first byte not read yet (consumed + carry)
        QByteArray carry; ///< bytes of a line whose end has not been read yet
        bool skipping = false; ///< inside a line longer than maxLineBytes
        qint64 skippingFrom = 0;
        bool restarted = false;
        QString etag;
    };

    void startTable();
    void onCheckpoints(const Result<QList<BlobCheckpoint>> &checkpoints);
    void listPage(const QString &marker);
    void onListed(const Result<BlobListPage> &page);
    void planBlobs();
    void readNext();
    void onRange(Result<BlobRange> &&range);
    /** Takes one piece of a read (the blob's bytes from dataStart) into chunk: its whole lines,
     *  the line begun earlier that it ends, and what it leaves unfinished into the task's carry.
     *  consumed moves to the first byte not consumed. */
    void takePiece(BlobTask &task, BlobChunk &chunk, QByteArray data, qint64 dataStart,
                   qint64 &consumed);
    void deliver(const BlobChunk &chunk, bool blobDone);
    void finishBlob();
    void finishTable(TableReadResult::State state, std::optional<Error> error = std::nullopt);
    void finishPass(std::optional<Error> error);
    void emitProgress();
    /** Runs callback on this object's thread, unless this pass is over by then. */
    std::function<void()> onThisThread(std::function<void()> callback);

    QNetworkAccessManager *m_network;
    StorageAccount m_account;
    BlobChunkSink *m_sink;
    BlobStreamOptions m_options;
    Clock *m_clock = nullptr;
    std::unique_ptr<BlobClient> m_client;

    bool m_running = false;
    bool m_cancelRequested = false;
    bool m_sinkBusy = false;
    quint64 m_pass = 0; ///< answers of an earlier pass are dropped
    QStringList m_tables;
    int m_tableIndex = -1;
    TableReadResult m_current;
    QHash<QString, BlobCheckpoint> m_checkpoints;
    QList<BlobItem> m_listed;
    QSet<QString> m_markers; ///< page markers of the current table's listing so far
    QList<BlobTask> m_tasks;
    int m_taskIndex = 0;
    BlobReadSummary m_summary;
    qint64 m_passBytes = 0;
};

} // namespace Vigil

Q_DECLARE_METATYPE(Vigil::BlobCheckpoint)
Q_DECLARE_METATYPE(Vigil::BlobChunk)
Q_DECLARE_METATYPE(Vigil::TableReadResult)
Q_DECLARE_METATYPE(Vigil::BlobReadSummary)
Q_DECLARE_METATYPE(Vigil::BlobReadProgress)
