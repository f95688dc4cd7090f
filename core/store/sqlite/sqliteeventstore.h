#pragma once

#include "store/storeaccess.h"

#include "eventrecordreader.h"
#include "eventrowbuffer.h"
#include "eventstore.h"
#include "sqlitedatabase.h"
#include "sqlitestatement.h"

#include <functional>
#include <memory>
#include <vector>

namespace Vigil {

class Clock;

/**
 * @brief EventStore on a SQLite file: one connection, statements prepared once per table, every
 * ingest one `BEGIN IMMEDIATE` transaction. Used on the thread that opened it.
 */
class SqliteEventStore final : public EventStore
{
public:
    explicit SqliteEventStore(Clock *clock);
    ~SqliteEventStore() override;

    Result<void> open(const QString &path, StoreOpenMode mode);

    Result<EventIngestResult> ingest(const EventBatch &batch) override;
    Result<std::optional<EventCheckpoint>> checkpoint(const QString &container, const QString &blob,
                                                      const QString &source) override;
    Result<QList<EventCheckpoint>> checkpoints(const QString &source) override;
    Result<void> removeCheckpoint(const QString &container, const QString &blob,
                                  const QString &source) override;
    Result<QList<EventTableSettings>> settings() override;
    Result<void> setCollect(const QString &table, bool collect) override;
    Result<void> setRetention(const QString &table, std::optional<int> days) override;
    Result<qint64> clearTable(const QString &table) override;
    Result<QList<EventTableStats>> tableStats(const QString &table) override;
    Result<EventVolumeEstimate> estimate(const QString &table) override;
    Result<RetentionStep> retentionStep(int maxRows) override;
    Result<void> vacuum(int maxPages) override;
    Result<QStringList> fileProfilesToFetch(const QStringList &first, qint64 freshSince,
                                            int max) override;
    Result<void> storeFileProfiles(const QList<FileProfileRecord> &profiles) override;
    Result<QStringList> seenByToFetch(const QStringList &first, qint64 freshSince,
                                      int max) override;
    Result<void> storeSeenBy(const QList<SeenByRecord> &records) override;
    int latestSchemaVersion() const override;
    int schemaVersion() const override;
    QString journalMode() const override;
    QString path() const override;
    void close() override;

private:
    /** What the store keeps per table while open. */
    struct Table
    {
        const HuntingTable *table = nullptr;
        bool deviceKey = false;
        int timestampColumn = -1;
        int reportIdColumn = -1;
        int deviceIdColumn = -1;
        EventTableSettings settings;
        std::unique_ptr<SqliteStatement> insert; // prepared on first use
        qint64 pendingInserted = 0; // during one ingest
        qint64 pendingRejected = 0;
    };

    Result<void> loadSettings();
    Table *findTable(const QString &name);
    Result<void> run(const char *sql);
    /** work inside BEGIN IMMEDIATE … COMMIT; rolled back when it (or the commit) fails. */
    Result<void> inImmediateTransaction(const std::function<Result<void>()> &work);
    /** Of candidates, in their order, at most max whose row in table (keyed by idColumn) was
     *  not fetched at or after freshSince. */
    Result<QStringList> notFetchedSince(const QStringList &candidates, qint64 freshSince, int max,
                                        const char *table, const char *idColumn,
                                        const QString &what) const;
    Result<void> prepareInsert(Table &table);
    /** Binds and inserts row; true when it was new. */
    Result<bool> insertRow(Table &table, const EventRow &row, qint64 ingested);
    /** Inserts the rows the batch read (m_pending), sorted by table and key. */
    std::optional<Error> insertPending(qint64 now, EventIngestResult &result);
    Result<void> writeCounters(qint64 now);
    Result<void> writeCheckpoint(const EventCheckpoint &checkpoint, qint64 now);
    Result<qint64> deleteBatch(const Table &table, std::optional<qint64> cutoff, int maxRows);
    Result<qint64> tableBytes(const QString &table);

    Clock *m_clock;
    SqliteDatabase m_db;
    sqlite3 *m_handle = nullptr;
    EventRecordReader m_reader;
    EventRowBuffer m_pending; // the rows of the batch being ingested
    std::vector<Table> m_tables;
    size_t m_retentionCursor = 0;
};

} // namespace Vigil
