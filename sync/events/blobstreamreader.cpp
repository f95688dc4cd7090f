#include "blobstreamreader.h"

#include "clock.h"
#include "huntingschema.h"
#include "storagelogging.h"

#include <QMetaObject>
#include <QThread>
#include <QTimer>

#include <algorithm>

namespace Vigil {

namespace {

Error cancelledError()
{
    return Error{Error::Kind::Cancelled, 0, {}, QStringLiteral("the read was cancelled"), {}};
}

bool isRefusal(const Error &error)
{
    return error.kind == Error::Kind::Forbidden || error.kind == Error::Kind::Auth;
}

/** True when bytes[begin, end) is only white space (QByteArrayView::trimmed's). */
bool isBlank(const char *begin, const char *end)
{
    for (; begin != end; ++begin) {
        const char c = *begin;
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\v' && c != '\f')
            return false;
    }
    return true;
}

} // namespace

QByteArrayList BlobChunk::lines() const
{
    QByteArrayList lines;
    for (const QByteArray &part : parts) {
        qsizetype begin = 0;
        while (begin < part.size()) {
            qsizetype end = part.indexOf('\n', begin);
            if (end < 0)
                end = part.size();
            qsizetype stop = end;
            if (stop > begin && part.at(stop - 1) == '\r')
                --stop;
            if (!isBlank(part.constData() + begin, part.constData() + stop))
                lines.append(part.sliced(begin, stop - begin));
            begin = end + 1;
        }
    }
    return lines;
}

BlobChunkSink::~BlobChunkSink() = default;

BlobStreamReader::BlobStreamReader(QNetworkAccessManager *network, StorageAccount account,
                                   BlobChunkSink *sink, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_account(std::move(account))
    , m_sink(sink)
    , m_clock(Clock::system())
{
    qRegisterMetaType<Vigil::BlobReadProgress>();
    qRegisterMetaType<Vigil::TableReadResult>();
    qRegisterMetaType<Vigil::BlobReadSummary>();
}

BlobStreamReader::~BlobStreamReader() = default;

void BlobStreamReader::setOptions(const BlobStreamOptions &options)
{
    m_options = options;
    m_options.readWindowBytes = std::max<qint64>(1, m_options.readWindowBytes);
    m_options.maxLineBytes = std::max<qint64>(1, m_options.maxLineBytes);
    if (m_client)
        m_client->setOptions(m_options.client);
}

void BlobStreamReader::setClock(Clock *clock)
{
    m_clock = clock ? clock : Clock::system();
    if (m_client)
        m_client->setClock(m_clock);
}

QString BlobStreamReader::containerFor(const QString &table)
{
    return QStringLiteral("insights-logs-advancedhunting-") + table.toLower();
}

void BlobStreamReader::start()
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (m_running)
        return;
    if (!m_client) {
        m_client = std::make_unique<BlobClient>(m_network, m_account);
        m_client->setOptions(m_options.client);
        m_client->setClock(m_clock);
        connect(m_client.get(), &BlobClient::backingOff, this, &BlobStreamReader::backingOff);
    }
    m_running = true;
    m_cancelRequested = false;
    m_sinkBusy = false;
    ++m_pass;
    m_tables = m_options.tables;
    if (m_tables.isEmpty()) {
        for (const HuntingTable &table : HuntingSchema::defender().tables())
            m_tables.append(table.name);
    }
    m_tableIndex = -1;
    m_summary = {};
    m_passBytes = 0;
    qCInfo(lcStorage).noquote() << "reading" << m_tables.size() << "tables from"
                                << displayUrl(m_account.endpoint);
    QTimer::singleShot(0, this, [this, pass = m_pass] {
        if (m_running && pass == m_pass)
            startTable();
    });
}

void BlobStreamReader::cancel()
{
    if (!m_running || m_cancelRequested)
        return;
    m_cancelRequested = true;
    // A chunk the sink is keeping finishes first: its answer ends the pass.
    if (!m_sinkBusy)
        finishPass(cancelledError());
}

std::function<void()> BlobStreamReader::onThisThread(std::function<void()> callback)
{
    QPointer<BlobStreamReader> self(this);
    return [self, pass = m_pass, callback = std::move(callback)] {
        BlobStreamReader *reader = self.data();
        if (!reader)
            return;
        QMetaObject::invokeMethod(
                reader,
                [self, pass, callback] {
                    if (self && self->m_running && self->m_pass == pass)
                        callback();
                },
                Qt::QueuedConnection);
    };
}

void BlobStreamReader::startTable()
{
    ++m_tableIndex;
    if (m_cancelRequested) {
        finishPass(cancelledError());
        return;
    }
    if (m_tableIndex >= m_tables.size()) {
        finishPass(std::nullopt);
        return;
    }
    m_current = TableReadResult{};
    m_current.table = m_tables.at(m_tableIndex);
    m_current.container = containerFor(m_current.table);
    m_checkpoints.clear();
    m_listed.clear();
    m_markers.clear();
    m_tasks.clear();
    m_taskIndex = 0;
    emitProgress();
    auto result = std::make_shared<Result<QList<BlobCheckpoint>>>(QList<BlobCheckpoint>());
    const std::function<void()> resume = onThisThread([this, result] { onCheckpoints(*result); });
    m_sink->loadCheckpoints(m_current.table, m_current.container,
                            [result, resume](const Result<QList<BlobCheckpoint>> &answer) {
                                *result = answer;
                                resume();
                            });
}

void BlobStreamReader::onCheckpoints(const Result<QList<BlobCheckpoint>> &checkpoints)
{
    if (!checkpoints) {
        Error error = checkpoints.error();
        error.message = QStringLiteral("the checkpoints of %1 could not be read: %2")
                                .arg(m_current.table, error.message);
        finishTable(TableReadResult::State::Failed, error);
        finishPass(error);
        return;
    }
    for (const BlobCheckpoint &checkpoint : checkpoints.value())
        m_checkpoints.insert(checkpoint.blob, checkpoint);
    listPage(QString());
}

void BlobStreamReader::listPage(const QString &marker)
{
    m_client->listBlobs(
            m_current.container, m_options.prefix, marker, m_options.listPageSize, this,
            [this, marker](const Result<BlobListPage> &page) {
                if (!m_running)
                    return;
                if (page && !page->nextMarker.isEmpty()
                    && (page->nextMarker == marker || m_markers.contains(page->nextMarker))) {
                    // A marker that leads back to a page already listed would list
                    // forever, the same blobs again and again.
                    onListed(Error{Error::Kind::Parse,
                                   0,
                                   QStringLiteral("LoopingMarker"),
                                   QStringLiteral("the blob list of %1 repeats its "
                                                  "page marker")
                                           .arg(m_current.container),
                                   {}});
                    return;
                }
                if (page && !page->nextMarker.isEmpty())
                    m_markers.insert(page->nextMarker);
                onListed(page);
            });
}

void BlobStreamReader::onListed(const Result<BlobListPage> &page)
{
    if (!page) {
        const Error &error = page.error();
        if (error.kind == Error::Kind::Cancelled) {
            finishPass(cancelledError());
        } else if (error.kind == Error::Kind::NotFound
                   && (error.code.isEmpty() || error.code == QLatin1String("ContainerNotFound"))) {
            qCInfo(lcStorage).noquote()
                    << m_current.table << "is not streamed: no container" << m_current.container;
            finishTable(TableReadResult::State::NotStreamed);
        } else if (isRefusal(error)) {
            const Error refused = storageRefusal(m_account, m_current.container, error);
            finishTable(TableReadResult::State::Failed, refused);
            finishPass(refused);
        } else {
            qCWarning(lcStorage).noquote()
                    << "listing" << m_current.container << "failed:" << error.toString();
            finishTable(TableReadResult::State::Failed, error);
        }
        return;
    }
    m_listed += page->blobs;
    if (!page->nextMarker.isEmpty()) {
        listPage(page->nextMarker);
        return;
    }
    planBlobs();
}

void BlobStreamReader::planBlobs()
{
    std::stable_sort(m_listed.begin(), m_listed.end(),
                     [](const BlobItem &a, const BlobItem &b) { return a.name < b.name; });
    // A name listed twice is one blob: read it once, as its first listing describes it.
    m_listed.erase(
            std::unique(m_listed.begin(), m_listed.end(),
                        [](const BlobItem &a, const BlobItem &b) { return a.name == b.name; }),
            m_listed.end());
    m_current.blobsListed = int(m_listed.size());
    for (const BlobItem &item : std::as_const(m_listed)) {
        BlobTask task;
        task.item = item;
        task.etag = item.etag;
        const auto found = m_checkpoints.constFind(item.name);
        if (found != m_checkpoints.constEnd()) {
            const BlobCheckpoint &checkpoint = found.value();
            const bool recreated = checkpoint.created.isValid() && item.created.isValid()
                                   && checkpoint.created != item.created;
            const bool shrunk = checkpoint.etag != item.etag && item.length < checkpoint.offset;
            if (recreated || shrunk) {
                qCInfo(lcStorage).noquote() << item.name << "was replaced: reading it again";
                task.restarted = true;
            } else {
                task.consumed = checkpoint.offset;
            }
        }
        if (item.length <= task.consumed)
            continue;
        task.readOffset = task.consumed;
        m_tasks.append(task);
    }
    m_taskIndex = 0;
    emitProgress();
    readNext();
}

void BlobStreamReader::readNext()
{
    if (m_cancelRequested) {
        finishPass(cancelledError());
        return;
    }
    if (m_taskIndex >= m_tasks.size()) {
        finishTable(TableReadResult::State::Read);
        return;
    }
    const BlobTask &task = m_tasks.at(m_taskIndex);
    m_client->readRange(m_current.container, task.item.name, task.readOffset,
                        m_options.readWindowBytes, this, [this](Result<BlobRange> &&range) {
                            if (m_running)
                                onRange(std::move(range));
                        });
}

void BlobStreamReader::onRange(Result<BlobRange> &&range)
{
    BlobTask &task = m_tasks[m_taskIndex];
    if (!range) {
        const Error &error = range.error();
        if (error.kind == Error::Kind::Cancelled) {
            finishPass(cancelledError());
        } else if (error.kind == Error::Kind::NotFound) {
            // Deleted since the listing (retention on the account): nothing more to read.
            qCInfo(lcStorage).noquote() << task.item.name << "is gone:" << error.toString();
            finishBlob();
        } else if (isRefusal(error)) {
            const Error refused = storageRefusal(m_account, m_current.container, error);
            finishTable(TableReadResult::State::Failed, refused);
            finishPass(refused);
        } else {
            qCWarning(lcStorage).noquote()
                    << "reading" << task.item.name << "failed:" << error.toString();
            finishTable(TableReadResult::State::Failed, error);
        }
        return;
    }
    BlobRange answer = std::move(range).value();
    if (!answer.etag.isEmpty())
        task.etag = answer.etag;
    const qint64 dataStart = task.readOffset;
    const qint64 size = answer.size();
    task.readOffset += size;
    const bool blobDone = answer.beyondEnd || size < m_options.readWindowBytes
                          || (answer.blobLength >= 0 && task.readOffset >= answer.blobLength);

    BlobChunk chunk;
    chunk.table = m_current.table;
    chunk.container = m_current.container;
    chunk.blob = task.item.name;
    chunk.created = task.item.created;
    chunk.startOffset = task.consumed;
    chunk.restarted = task.restarted && task.consumed == 0;

    // The blob offset of the first byte not consumed: where the carried partial line begins.
    qint64 consumed = task.consumed;
    qint64 pieceStart = dataStart;
    for (QByteArray &piece : answer.pieces) {
        const qint64 pieceSize = piece.size();
        takePiece(task, chunk, std::move(piece), pieceStart, consumed);
        pieceStart += pieceSize;
    }
    chunk.endOffset = consumed;
    chunk.etag = task.etag;
    if (chunk.endOffset > chunk.startOffset || !chunk.skippedLongLines.isEmpty()) {
        deliver(chunk, blobDone);
        return;
    }
    if (blobDone)
        finishBlob();
    else
        readNext();
}

void BlobStreamReader::takePiece(BlobTask &task, BlobChunk &chunk, QByteArray data,
                                 qint64 dataStart, qint64 &consumed)
{
    qsizetype from = 0;
    if (task.skipping) {
        const qsizetype end = data.indexOf('\n');
        if (end >= 0) {
            chunk.skippedLongLines.append(task.skippingFrom);
            task.skipping = false;
            from = end + 1;
        } else {
            from = data.size();
        }
    }
    if (!task.skipping)
        consumed = dataStart + from - task.carry.size();
    if (!task.skipping && !task.carry.isEmpty()) {
        // A line begun in an earlier read: only that line is put together from the two.
        const qsizetype end = data.indexOf('\n', from);
        if (end < 0) {
            task.carry += QByteArrayView(data).sliced(from);
            from = data.size();
        } else {
            const qint64 length = task.carry.size() + (end - from);
            if (length > m_options.maxLineBytes) {
                chunk.skippedLongLines.append(consumed);
            } else {
                QByteArray line = task.carry + QByteArrayView(data).sliced(from, end + 1 - from);
                if (!isBlank(line.constData(), line.constData() + line.size()))
                    ++chunk.lineCount;
                chunk.parts.append(std::move(line));
            }
            consumed += length + 1;
            task.carry.clear();
            from = end + 1;
        }
    }
    if (!task.skipping && task.carry.isEmpty()) {
        // The whole lines after from: one part, the piece itself, unless a line is too long.
        const qsizetype lastEnd = data.lastIndexOf('\n');
        QList<std::pair<qsizetype, qsizetype>> kept;
        qsizetype partBegin = from;
        qsizetype begin = from;
        while (begin <= lastEnd) {
            const qsizetype end = data.indexOf('\n', begin);
            if (end - begin > m_options.maxLineBytes) {
                chunk.skippedLongLines.append(consumed + (begin - from));
                if (begin > partBegin)
                    kept.append({partBegin, begin});
                partBegin = end + 1;
            } else if (!isBlank(data.constData() + begin, data.constData() + end)) {
                ++chunk.lineCount;
            }
            begin = end + 1;
        }
        if (begin > partBegin)
            kept.append({partBegin, begin});
        task.carry = QByteArrayView(data).sliced(begin).toByteArray();
        consumed += begin - from;
        if (kept.size() == 1) {
            data.truncate(kept.first().second);
            data.remove(0, kept.first().first); // moves the start: no bytes are copied
            chunk.parts.append(std::move(data));
        } else {
            for (const auto &[partFrom, partTo] : std::as_const(kept))
                chunk.parts.append(data.sliced(partFrom, partTo - partFrom));
        }
    }
    if (task.carry.size() > m_options.maxLineBytes) {
        // No line end in sight: stop keeping the bytes, find the end, skip the line.
        task.skipping = true;
        task.skippingFrom = consumed;
        task.carry.clear();
        task.carry.squeeze();
        qCWarning(lcStorage).noquote()
                << "a line longer than" << m_options.maxLineBytes << "bytes at offset" << consumed
                << "of" << task.item.name << "is skipped";
    }
}

void BlobStreamReader::deliver(const BlobChunk &chunk, bool blobDone)
{
    m_sinkBusy = true;
    const qint64 endOffset = chunk.endOffset;
    const qint64 bytes = chunk.endOffset - chunk.startOffset;
    const qsizetype lines = chunk.lineCount;
    const int skipped = int(chunk.skippedLongLines.size());
    const QString blob = chunk.blob;
    auto result = std::make_shared<Result<void>>();
    const std::function<void()> resume = onThisThread([=, this] {
        m_sinkBusy = false;
        if (!result->ok()) {
            Error error = result->error();
            error.message = QStringLiteral("the lines of %1 could not be kept: %2")
                                    .arg(blob, error.message);
            finishTable(TableReadResult::State::Failed, error);
            finishPass(error);
            return;
        }
        m_tasks[m_taskIndex].consumed = endOffset;
        m_current.bytesConsumed += bytes;
        m_current.linesDelivered += lines;
        m_current.longLinesSkipped += skipped;
        m_passBytes += bytes;
        emitProgress();
        if (m_cancelRequested)
            finishPass(cancelledError());
        else if (blobDone)
            finishBlob();
        else
            readNext();
    });
    m_sink->consume(chunk, [result, resume](const Result<void> &answer) {
        *result = answer;
        resume();
    });
}

void BlobStreamReader::finishBlob()
{
    const BlobTask &task = m_tasks.at(m_taskIndex);
    ++m_current.blobsRead;
    if (task.restarted)
        ++m_current.blobsRestarted;
    ++m_taskIndex;
    emitProgress();
    readNext();
}

void BlobStreamReader::finishTable(TableReadResult::State state, std::optional<Error> error)
{
    m_current.state = state;
    m_current.error = std::move(error);
    m_summary.tables.append(m_current);
    Q_EMIT tableFinished(m_current);
    m_current.table.clear();
    QTimer::singleShot(0, this, [this, pass = m_pass] {
        if (m_running && pass == m_pass)
            startTable();
    });
}

void BlobStreamReader::finishPass(std::optional<Error> error)
{
    if (!m_running)
        return;
    if (error && error->kind == Error::Kind::Cancelled && !m_current.table.isEmpty()) {
        m_current.state = TableReadResult::State::Cancelled;
        m_summary.tables.append(m_current);
        Q_EMIT tableFinished(m_current);
        m_current.table.clear();
    }
    m_running = false;
    ++m_pass; // answers still on their way belong to this pass: they are dropped
    if (m_client)
        m_client->cancelAll();
    m_summary.error = std::move(error);
    qCInfo(lcStorage).noquote() << "pass over" << m_summary.tables.size() << "tables done"
                                << (m_summary.error ? m_summary.error->toString() : QString());
    Q_EMIT finished(m_summary);
}

void BlobStreamReader::emitProgress()
{
    BlobReadProgress progress;
    progress.tablesTotal = int(m_tables.size());
    progress.tablesDone = int(m_summary.tables.size());
    progress.table = m_current.table;
    progress.blobsDone = m_taskIndex;
    progress.blobsToRead = int(m_tasks.size());
    progress.bytesConsumed = m_passBytes;
    Q_EMIT progressed(progress);
}

Error storageRefusal(const StorageAccount &account, const QString &container, const Error &error)
{
    static const QString needs = QStringLiteral(
            "Vigil needs Read and List permission on the containers "
            "insights-logs-advancedhunting-* (for an account SAS: the Blob service, resource "
            "types Container and Object).");
    const QString said = error.code.isEmpty()
                                 ? error.message
                                 : QStringLiteral("%1: %2").arg(error.code, error.message);
    Error refused = error;
    const bool missingPermission = error.code.startsWith(QLatin1String("AuthorizationPermission"))
                                   || error.code.startsWith(QLatin1String("AuthorizationResource"))
                                   || error.code.startsWith(QLatin1String("AuthorizationService"));
    if (account.kind == StorageAccount::CredentialKind::AccountKey) {
        refused.message = QStringLiteral("The storage account %1 refused the account key (%2). "
                                         "Give key1 or key2 of this account, and check that the "
                                         "account allows access with a key; or use a SAS "
                                         "token. %3")
                                  .arg(account.accountName, said, needs);
    } else if (missingPermission) {
        refused.message = QStringLiteral("The SAS token lacks a permission on %1 (%2). %3 Make a "
                                         "new SAS and save it with 'vigilctl events connect' or "
                                         "on the connector page.")
                                  .arg(container, said, needs);
    } else {
        refused.message = QStringLiteral("The storage account %1 refused the SAS token (%2): it "
                                         "may have expired or been revoked, or be for another "
                                         "account. %3 Make a new SAS and save it with 'vigilctl "
                                         "events connect' or on the connector page.")
                                  .arg(account.accountName, said, needs);
    }
    refused.message = redactSecrets(refused.message, account.secret);
    return refused;
}

} // namespace Vigil
