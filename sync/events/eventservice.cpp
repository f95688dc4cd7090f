#include "eventservice.h"

#include "eventworker.h"

#include <QThread>

namespace Vigil {

void EventService::ThreadStopper::operator()(QThread *thread) const
{
    thread->quit();
    thread->wait();
    delete thread;
}

EventService::EventService(const QString &databasePath, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_cancel(std::make_shared<std::atomic_bool>(false))
{
    qRegisterMetaType<EventCheckpoint>();
    qRegisterMetaType<QList<EventCheckpoint>>();
    qRegisterMetaType<EventBatch>();
    qRegisterMetaType<EventIngestResult>();
    qRegisterMetaType<EventImportSummary>();
    qRegisterMetaType<EventTablesSnapshot>();
    qRegisterMetaType<EventRetentionSummary>();
    qRegisterMetaType<std::optional<Error>>();
    m_thread.reset(new QThread);
    m_thread->setObjectName(QStringLiteral("vigil-events"));
    m_worker = new EventWorker(databasePath, clock, m_cancel);
    m_worker->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &EventWorker::opened, this, &EventService::opened);
    connect(m_worker, &EventWorker::importProgress, this, &EventService::importProgress);
    connect(m_worker, &EventWorker::importFinished, this, &EventService::importFinished);
    connect(m_worker, &EventWorker::batchIngested, this, &EventService::batchIngested);
    connect(m_worker, &EventWorker::tablesLoaded, this, &EventService::tablesLoaded);
    connect(m_worker, &EventWorker::checkpointsLoaded, this, &EventService::checkpointsLoaded);
    connect(m_worker, &EventWorker::settingSaved, this, &EventService::settingSaved);
    connect(m_worker, &EventWorker::retentionFinished, this, &EventService::retentionFinished);
}

EventService::~EventService()
{
    // The running import stops after its batch; the thread then ends.
    m_cancel->store(true);
}

void EventService::start()
{
    m_thread->start();
    QMetaObject::invokeMethod(m_worker, &EventWorker::open, Qt::QueuedConnection);
}

void EventService::importFile(const QString &path, const QString &table)
{
    m_cancel->store(false);
    QMetaObject::invokeMethod(
            m_worker, [worker = m_worker, path, table] { worker->importFile(path, table); },
            Qt::QueuedConnection);
}

void EventService::cancelImport()
{
    m_cancel->store(true);
}

void EventService::ingestBatch(const EventBatch &batch)
{
    QMetaObject::invokeMethod(
            m_worker, [worker = m_worker, batch] { worker->ingestBatch(batch); },
            Qt::QueuedConnection);
}

void EventService::requestTables()
{
    QMetaObject::invokeMethod(m_worker, &EventWorker::requestTables, Qt::QueuedConnection);
}

void EventService::requestCheckpoints(const QString &source)
{
    QMetaObject::invokeMethod(
            m_worker, [worker = m_worker, source] { worker->requestCheckpoints(source); },
            Qt::QueuedConnection);
}

void EventService::removeCheckpoint(const QString &container, const QString &blob,
                                    const QString &source)
{
    QMetaObject::invokeMethod(
            m_worker,
            [worker = m_worker, source, container, blob] {
                worker->removeCheckpoint(source, container, blob);
            },
            Qt::QueuedConnection);
}

void EventService::setRetention(const QString &table, std::optional<int> days)
{
    const int value = days ? *days : -1;
    QMetaObject::invokeMethod(
            m_worker, [worker = m_worker, table, value] { worker->setRetention(table, value); },
            Qt::QueuedConnection);
}

void EventService::setCollect(const QString &table, bool collect, bool deleteRows)
{
    QMetaObject::invokeMethod(
            m_worker,
            [worker = m_worker, table, collect, deleteRows] {
                worker->setCollect(table, collect, deleteRows);
            },
            Qt::QueuedConnection);
}

void EventService::runRetention(int targetMs)
{
    QMetaObject::invokeMethod(
            m_worker, [worker = m_worker, targetMs] { worker->runRetention(targetMs); },
            Qt::QueuedConnection);
}

void EventService::setImportBatchBytes(qint64 bytes)
{
    QMetaObject::invokeMethod(
            m_worker, [worker = m_worker, bytes] { worker->setImportBatchBytes(bytes); },
            Qt::QueuedConnection);
}

void EventService::setRetentionInterval(std::chrono::milliseconds interval)
{
    const qint64 ms = interval.count();
    QMetaObject::invokeMethod(
            m_worker, [worker = m_worker, ms] { worker->setRetentionInterval(ms); },
            Qt::QueuedConnection);
}

} // namespace Vigil
