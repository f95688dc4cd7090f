#include "eventworker.h"

#include "clock.h"
#include "eventfilereader.h"
#include "eventstore.h"
#include "synclogging.h"

#include <QElapsedTimer>
#include <QThread>

namespace Vigil {

EventWorker::EventWorker(const QString &databasePath, Clock *clock,
                         std::shared_ptr<std::atomic_bool> cancel)
    : m_path(databasePath)
    , m_clock(clock ? clock : Clock::system())
    , m_cancel(std::move(cancel))
{ }

EventWorker::~EventWorker() = default;

std::optional<Error> EventWorker::notOpen() const
{
    if (m_store)
        return std::nullopt;
    return Error{Error::Kind::Storage,
                 0,
                 {},
                 QStringLiteral("the hunting event store %1 is not open").arg(m_path),
                 {}};
}

void EventWorker::open()
{
    Q_ASSERT(QThread::currentThread() == thread());
    Result<std::unique_ptr<EventStore>> store
            = openEventStore(m_path, StoreOpenMode::ReadWrite, m_clock);
    if (!store) {
        Q_EMIT opened(store.error());
        return;
    }
    m_store = std::move(store).value();
    Q_EMIT opened(std::nullopt);
}

void EventWorker::importFile(const QString &path, const QString &table)
{
    Q_ASSERT(QThread::currentThread() == thread());
    EventImportSummary summary;
    summary.path = path;
    if ((summary.error = notOpen())) {
        Q_EMIT importFinished(summary);
        return;
    }
    EventFileReader reader;
    if (auto opened = reader.open(path, table); !opened) {
        summary.error = opened.error();
        Q_EMIT importFinished(summary);
        return;
    }
    summary.bytesTotal = reader.fileSize();
    qCInfo(lcSync).noquote() << "importing hunting data from" << path;
    for (;;) {
        if (m_cancel->load()) {
            summary.cancelled = true;
            break;
        }
        Result<std::optional<EventBatch>> batch = reader.next(m_batchBytes);
        EventIngestResult skipped;
        for (const EventRejection &rejection : reader.takeRejected()) {
            ++skipped.rejectedCount;
            skipped.rejected.append(rejection);
        }
        summary.result.add(skipped);
        if (!batch) {
            summary.error = batch.error();
            break;
        }
        if (!batch.value())
            break;
        Result<EventIngestResult> stored = m_store->ingest(*batch.value());
        if (!stored) {
            summary.error = stored.error();
            break;
        }
        summary.result.add(stored.value());
        summary.linesDone += stored.value().lines;
        summary.bytesDone = reader.bytesRead();
        Q_EMIT importProgress(summary);
    }
    summary.bytesDone = reader.bytesRead();
    m_cancel->store(false);
    Q_EMIT importFinished(summary);
}

void EventWorker::ingestBatch(const EventBatch &batch)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (const auto error = notOpen()) {
        Q_EMIT batchIngested({}, error);
        return;
    }
    Result<EventIngestResult> stored = m_store->ingest(batch);
    if (stored)
        Q_EMIT batchIngested(stored.value(), std::nullopt);
    else
        Q_EMIT batchIngested({}, stored.error());
}

void EventWorker::requestTables()
{
    Q_ASSERT(QThread::currentThread() == thread());
    EventTablesSnapshot snapshot;
    if ((snapshot.error = notOpen())) {
        Q_EMIT tablesLoaded(snapshot);
        return;
    }
    Result<QList<EventTableStats>> stats = m_store->tableStats();
    if (!stats) {
        snapshot.error = stats.error();
        Q_EMIT tablesLoaded(snapshot);
        return;
    }
    snapshot.tables = stats.value();
    for (const EventTableStats &table : snapshot.tables)
        snapshot.estimates.insert(table.settings.table, EventVolumeEstimate::from(table));
    Q_EMIT tablesLoaded(snapshot);
}

void EventWorker::requestCheckpoints(const QString &source)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (const auto error = notOpen()) {
        Q_EMIT checkpointsLoaded(source, {}, error);
        return;
    }
    Result<QList<EventCheckpoint>> list = m_store->checkpoints(source);
    if (list)
        Q_EMIT checkpointsLoaded(source, list.value(), std::nullopt);
    else
        Q_EMIT checkpointsLoaded(source, {}, list.error());
}

void EventWorker::removeCheckpoint(const QString &source, const QString &container,
                                   const QString &blob)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (const auto error = notOpen()) {
        Q_EMIT checkpointsLoaded(source, {}, error);
        return;
    }
    if (Result<void> removed = m_store->removeCheckpoint(container, blob, source); !removed) {
        Q_EMIT checkpointsLoaded(source, {}, removed.error());
        return;
    }
    requestCheckpoints(source);
}

void EventWorker::setRetention(const QString &table, int days)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (const auto error = notOpen()) {
        Q_EMIT settingSaved(table, error);
        return;
    }
    Result<void> saved
            = m_store->setRetention(table, days < 0 ? std::nullopt : std::optional<int>(days));
    Q_EMIT settingSaved(table, saved ? std::nullopt : std::optional<Error>(saved.error()));
}

void EventWorker::setCollect(const QString &table, bool collect, bool deleteRows)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (const auto error = notOpen()) {
        Q_EMIT settingSaved(table, error);
        return;
    }
    Result<void> saved = m_store->setCollect(table, collect);
    if (saved && deleteRows) {
        Result<qint64> deleted = m_store->clearTable(table);
        if (!deleted)
            saved = deleted.error();
        else
            saved = m_store->vacuum(0);
    }
    Q_EMIT settingSaved(table, saved ? std::nullopt : std::optional<Error>(saved.error()));
}

void EventWorker::runRetention(int targetMs)
{
    Q_ASSERT(QThread::currentThread() == thread());
    EventRetentionSummary summary;
    if ((summary.error = notOpen())) {
        Q_EMIT retentionFinished(summary);
        return;
    }
    summary = runRetentionPass(*m_store, targetMs);
    if (summary.deleted > 0)
        qCInfo(lcSync) << "retention deleted" << summary.deleted << "hunting rows in"
                       << summary.steps << "steps, the longest" << summary.longestStepMs << "ms";
    Q_EMIT retentionFinished(summary);
}

void EventWorker::setRetentionInterval(qint64 intervalMs)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (!m_retentionTimer) {
        m_retentionTimer = m_clock->createTimer(this);
        m_retentionTimer->setSingleShot(false);
        connect(m_retentionTimer, &ClockTimer::timeout, this, [this] { runRetention(200); });
    }
    if (intervalMs > 0)
        m_retentionTimer->start(std::chrono::milliseconds(intervalMs));
    else
        m_retentionTimer->stop();
}

} // namespace Vigil
