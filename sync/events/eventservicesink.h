#pragma once

#include "blobstreamreader.h"
#include "eventtypes.h"

#include <QMap>
#include <QObject>

#include <deque>
#include <optional>

namespace Vigil {

class EventService;

/**
 * @brief What one streaming pass stored, per table: rows, duplicates and rejected lines. A
 * value; any thread.
 */
struct EventPullTotals
{
    EventIngestResult ingested; ///< summed over every chunk of the pass
    QMap<QString, qint64> duplicatesByTable;
    QMap<QString, qint64> rejectedByTable;
};

/**
 * @brief Hands what the streaming reader reads to the hunting event store: each chunk's lines
 * and its checkpoint go to EventService::ingestBatch() (one transaction on the store's writer
 * thread), and the reader's checkpoints come from the same store.
 *
 * Lives on the reader's thread; the service may live on another (its answers are queued back).
 * The reader waits for each answer before it goes on, so at most one request of each kind is in
 * flight; the answers arrive in the order of the requests.
 */
class EventServiceSink : public QObject, public BlobChunkSink
{
    Q_OBJECT
public:
    explicit EventServiceSink(EventService *service, QObject *parent = nullptr);
    ~EventServiceSink() override;

    void loadCheckpoints(const QString &table, const QString &container,
                         CheckpointsCallback done) override;
    void consume(const BlobChunk &chunk, ConsumeCallback done) override;

    /** What the chunks consumed so far stored. */
    const EventPullTotals &totals() const { return m_totals; }
    void resetTotals() { m_totals = {}; }

private:
    void onCheckpoints(const QString &source, const QList<Vigil::EventCheckpoint> &checkpoints,
                       const std::optional<Vigil::Error> &error);
    void onIngested(const Vigil::EventIngestResult &result,
                    const std::optional<Vigil::Error> &error);

    struct CheckpointRequest
    {
        QString container;
        CheckpointsCallback done;
    };
    struct ConsumeRequest
    {
        QString table;
        ConsumeCallback done;
    };

    EventService *m_service = nullptr;
    std::deque<CheckpointRequest> m_checkpointRequests;
    std::deque<ConsumeRequest> m_consumeRequests;
    EventPullTotals m_totals;
};

} // namespace Vigil
