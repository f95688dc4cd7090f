#pragma once

#include "eventtypes.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace Vigil {

class Clock;
class ClockTimer;
class EventStore;

/**
 * @brief The hunting event store's writer: owns the EventStore and runs every ingest, import
 * and retention pass on its thread (`vigil-events`), never on the GUI or the incident sync
 * thread.
 *
 * Made and moved to its thread by EventService; the store is opened in open(), on that thread.
 * Answers with signals carrying values. An import checks the shared cancel flag between its
 * batches (each one transaction), so a cancelled import keeps what was committed and says how
 * far it got.
 */
class EventWorker : public QObject
{
    Q_OBJECT
public:
    EventWorker(const QString &databasePath, Clock *clock,
                std::shared_ptr<std::atomic_bool> cancel);
    ~EventWorker() override;

public Q_SLOTS:
    void open();
    void importFile(const QString &path, const QString &table);
    void ingestBatch(const Vigil::EventBatch &batch);
    void requestTables();
    /** Every checkpoint of source ("" = all); checkpointsLoaded() answers. */
    void requestCheckpoints(const QString &source);
    /** Forgets a checkpoint (a blob replaced under its name); checkpointsLoaded() answers with
     *  the source's checkpoints after it. */
    void removeCheckpoint(const QString &source, const QString &container, const QString &blob);
    /** days < 0: unlimited. */
    void setRetention(const QString &table, int days);
    void setCollect(const QString &table, bool collect, bool deleteRows);
    /** Deletes expired rows in short transactions (each aimed at targetMs), then gives the
     *  space back. */
    void runRetention(int targetMs);
    /** Runs retention every interval (0: never) on the clock. */
    void setRetentionInterval(qint64 intervalMs);
    /** Bytes of lines per import transaction (32 MiB unless set). */
    void setImportBatchBytes(qint64 bytes) { m_batchBytes = bytes; }

Q_SIGNALS:
    void opened(const std::optional<Vigil::Error> &error);
    void importProgress(const Vigil::EventImportSummary &progress);
    void importFinished(const Vigil::EventImportSummary &summary);
    void batchIngested(const Vigil::EventIngestResult &result,
                       const std::optional<Vigil::Error> &error);
    void tablesLoaded(const Vigil::EventTablesSnapshot &snapshot);
    void checkpointsLoaded(const QString &source, const QList<Vigil::EventCheckpoint> &checkpoints,
                           const std::optional<Vigil::Error> &error);
    void settingSaved(const QString &table, const std::optional<Vigil::Error> &error);
    void retentionFinished(const Vigil::EventRetentionSummary &summary);

private:
    std::optional<Error> notOpen() const;

    QString m_path;
    Clock *m_clock;
    std::shared_ptr<std::atomic_bool> m_cancel;
    std::unique_ptr<EventStore> m_store;
    ClockTimer *m_retentionTimer = nullptr;
    // About 10,000 streaming lines: the index pages an ingest rewrites are written to the WAL
    // once per transaction, so larger ones store faster (docs/BENCHMARKS.md), and this still
    // reports progress and notices Cancel about every second.
    qint64 m_batchBytes = qint64(32) * 1024 * 1024;
};

} // namespace Vigil
