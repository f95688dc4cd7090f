#include "eventservicesink.h"

#include "eventservice.h"

namespace Vigil {

EventServiceSink::EventServiceSink(EventService *service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{
    connect(service, &EventService::checkpointsLoaded, this, &EventServiceSink::onCheckpoints);
    connect(service, &EventService::batchIngested, this, &EventServiceSink::onIngested);
}

EventServiceSink::~EventServiceSink()
{
    // A request still waiting is answered, so that its reader is not left waiting forever.
    const Error gone{
            Error::Kind::Cancelled, 0, {}, QStringLiteral("the event store was closed"), {}};
    for (CheckpointRequest &request : m_checkpointRequests)
        request.done(gone);
    for (ConsumeRequest &request : m_consumeRequests)
        request.done(gone);
}

void EventServiceSink::loadCheckpoints(const QString &, const QString &container,
                                       CheckpointsCallback done)
{
    m_checkpointRequests.push_back({container, std::move(done)});
    m_service->requestCheckpoints(QStringLiteral("blob"));
}

void EventServiceSink::consume(const BlobChunk &chunk, ConsumeCallback done)
{
    EventBatch batch;
    batch.format = EventBatch::Format::JsonLines;
    batch.table = chunk.table;
    // The reader's parts as they are (the blocks of its read, and the lines that spanned two):
    // shared, not copied.
    batch.head = chunk.parts;
    EventCheckpoint checkpoint;
    checkpoint.source = QStringLiteral("blob");
    checkpoint.container = chunk.container;
    checkpoint.blob = chunk.blob;
    checkpoint.etag = chunk.etag;
    checkpoint.offset = chunk.endOffset;
    checkpoint.created = chunk.created;
    batch.checkpoint = checkpoint;
    m_consumeRequests.push_back({chunk.table, std::move(done)});
    m_service->ingestBatch(batch);
}

void EventServiceSink::onCheckpoints(const QString &source,
                                     const QList<EventCheckpoint> &checkpoints,
                                     const std::optional<Error> &error)
{
    if (source != QLatin1String("blob") || m_checkpointRequests.empty())
        return;
    CheckpointRequest request = std::move(m_checkpointRequests.front());
    m_checkpointRequests.pop_front();
    if (error) {
        request.done(*error);
        return;
    }
    QList<BlobCheckpoint> kept;
    for (const EventCheckpoint &checkpoint : checkpoints) {
        if (checkpoint.container == request.container)
            kept.append({checkpoint.container, checkpoint.blob, checkpoint.etag, checkpoint.offset,
                         checkpoint.created});
    }
    request.done(kept);
}

void EventServiceSink::onIngested(const EventIngestResult &result,
                                  const std::optional<Error> &error)
{
    if (m_consumeRequests.empty())
        return; // an import or another caller's batch
    ConsumeRequest request = std::move(m_consumeRequests.front());
    m_consumeRequests.pop_front();
    if (error) {
        request.done(*error);
        return;
    }
    m_totals.ingested.add(result);
    m_totals.duplicatesByTable[request.table] += result.duplicates;
    m_totals.rejectedByTable[request.table] += result.rejectedCount;
    request.done(Result<void>());
}

} // namespace Vigil
