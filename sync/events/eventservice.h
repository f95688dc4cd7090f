#pragma once

#include "eventtypes.h"

#include <QObject>

#include <atomic>
#include <memory>

class QThread;

namespace Vigil {

class Clock;
class EventWorker;

/**
 * @brief Owns the hunting event store's writer thread (`vigil-events`) and its EventWorker;
 * the calls are queued to that thread and the answers come back as signals on the thread that
 * made the service.
 *
 * Lives on the thread that creates it (the GUI thread's facade, vigilctl's main thread). The
 * destructor asks the worker to finish its current batch, quits the thread and waits.
 */
class EventService : public QObject
{
    Q_OBJECT
public:
    /** databasePath: events.sqlite (see eventStorePath()). clock: Clock::system() when null. */
    explicit EventService(const QString &databasePath, Clock *clock = nullptr,
                          QObject *parent = nullptr);
    ~EventService() override;

    /** Starts the thread and opens the store there; opened() answers. */
    void start();
    void importFile(const QString &path, const QString &table = {});
    /** Stops the running import after its current batch (what was committed stays). */
    void cancelImport();
    /** Stores one batch (the streaming reader's lines and checkpoint); batchIngested() answers. */
    void ingestBatch(const EventBatch &batch);
    void requestTables();
    /** Every checkpoint of source ("blob", "file"; "" = all); checkpointsLoaded() answers. */
    void requestCheckpoints(const QString &source = QStringLiteral("blob"));
    /** Forgets a checkpoint, so that the blob is read again from its start (de-duplicated). */
    void removeCheckpoint(const QString &container, const QString &blob,
                          const QString &source = QStringLiteral("blob"));
    /** days: nullopt for unlimited. */
    void setRetention(const QString &table, std::optional<int> days);
    void setCollect(const QString &table, bool collect, bool deleteRows = false);
    /** Deletes expired rows now, each write transaction aimed at about targetMs. */
    void runRetention(int targetMs = 200);
    /** Runs retention in the background every interval (0: never). */
    void setRetentionInterval(std::chrono::milliseconds interval);
    /** Bytes of lines per import transaction (32 MiB unless set): smaller ones report
     *  progress and notice Cancel more often. */
    void setImportBatchBytes(qint64 bytes);

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
    struct ThreadStopper
    {
        void operator()(QThread *thread) const;
    };

    std::shared_ptr<std::atomic_bool> m_cancel;
    std::unique_ptr<QThread, ThreadStopper> m_thread;
    EventWorker *m_worker = nullptr;
};

} // namespace Vigil
