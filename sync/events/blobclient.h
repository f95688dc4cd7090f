#pragma once

#include "ratelimiter.h"
#include "result.h"
#include "storageaccount.h"

#include <QDateTime>
#include <QList>
#include <QObject>

#include <chrono>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace Vigil {

class Clock;

/** @brief One blob as List Blobs describes it. A value; any thread. */
struct BlobItem
{
    QString name;
    QString etag;
    qint64 length = 0;
    QDateTime lastModified;
    QDateTime created; ///< Creation-Time: a blob replaced under the same name gets a new one
    QString blobType; ///< AppendBlob, BlockBlob or PageBlob
};

/** @brief One page of List Blobs: the blobs and the marker of the next page (empty: last). */
struct BlobListPage
{
    QList<BlobItem> blobs;
    QString nextMarker;
};

/** @brief Bytes of a blob from offset on, with what the service said about the whole blob. */
struct BlobRange
{
    qint64 offset = 0;
    /// The bytes from offset on, in the blocks Qt's network code received them in: they reach
    /// the reader as they came, without being copied into one array.
    QByteArrayList pieces;
    qint64 blobLength = -1; ///< from Content-Range (or Content-Length); -1 when not given
    QString etag;
    bool beyondEnd = false; ///< 416: the blob has no byte at offset (nothing new)

    qint64 size() const; ///< the bytes in pieces
};

/** @brief How BlobClient retries and times out. Any thread. */
struct BlobClientOptions
{
    int maxAttempts = 5; ///< for network errors, timeouts, 5xx and 429
    std::chrono::milliseconds requestTimeout{60'000}; ///< no bytes for this long: Timeout
    std::chrono::milliseconds backoffBase{1'000}; ///< first retry delay, doubled each time
    std::chrono::milliseconds backoffMax{60'000};
    /// The longest wait on a `Retry-After` (SyncConfig::maxRetryWaitSeconds); longer is cut.
    std::chrono::milliseconds maxRetryWait = kMaxRetryWait;
    /// The most a list page or an error answer may hold; a range read may hold what it asked
    /// for and kAnswerSlack more. A larger answer is not read further (AnswerTooLarge).
    qint64 maxAnswerBytes = qint64(64) * 1024 * 1024;
    static constexpr qint64 kAnswerSlack = qint64(64) * 1024;
};

/**
 * Turns a failed Azure Storage reply into an Error: the kind from the HTTP status or network
 * error, `Retry-After`, and the service's error code (`x-ms-error-code` or the XML `<Code>`) and
 * message. Nothing of the credential is in it (see redactSecrets()).
 */
Error storageErrorFromReply(QNetworkReply *reply, const QByteArray &body, const QDateTime &now,
                            const QString &secret);

/**
 * @brief The Azure Blob Storage calls Vigil needs to read the streaming API's destination: List
 * Blobs (with paging) and ranged Get Blob, authorised by SAS or Shared Key.
 *
 * Retries network errors, timeouts and 5xx with exponential back-off and jitter, honours
 * `Retry-After` on 429 and 503 up to BlobClientOptions::maxRetryWait, and fails everything else
 * at once. Lives on the sync thread with the network manager it is given (not owned); callbacks
 * run on that thread, never before the call returns, and not at all once their context is gone.
 */
class BlobClient : public QObject
{
    Q_OBJECT
public:
    using ListCallback = std::function<void(const Result<BlobListPage> &page)>;
    using RangeCallback = std::function<void(Result<BlobRange> &&range)>;

    BlobClient(QNetworkAccessManager *network, StorageAccount account, QObject *parent = nullptr);
    ~BlobClient() override;

    void setOptions(const BlobClientOptions &options) { m_options = options; }
    const BlobClientOptions &options() const { return m_options; }
    /** The clock of every wait (not owned; null: the system clock). */
    void setClock(Clock *clock);
    const StorageAccount &account() const { return m_account; }

    /** One page of the blobs in container whose names start with prefix, from marker on;
     *  maxResults 0 lets the service choose (up to 5000). */
    void listBlobs(const QString &container, const QString &prefix, const QString &marker,
                   int maxResults, QObject *context, ListCallback done);
    /** Up to length bytes of a blob from offset (`Range: bytes=offset-`, bounded by length when
     *  it is above 0). */
    void readRange(const QString &container, const QString &blob, qint64 offset, qint64 length,
                   QObject *context, RangeCallback done);
    /** Fails every call in flight or waiting with a Cancelled error. */
    void cancelAll();

    qint64 bytesReceived() const { return m_bytesReceived; }

Q_SIGNALS:
    /** A transient failure is retried at until (Retry-After or back-off). */
    void backingOff(const QDateTime &until, const Vigil::Error &error);

private:
    struct Call;
    void send(const std::shared_ptr<Call> &call);
    void onFinished(const std::shared_ptr<Call> &call, QNetworkReply *reply);
    void retryOrFail(const std::shared_ptr<Call> &call, const Error &error);
    /** The most bytes call's answer may hold (BlobClientOptions::maxAnswerBytes). */
    qint64 answerLimit(const Call &call) const;
    void finish(const std::shared_ptr<Call> &call, Result<QByteArrayList> body,
                QNetworkReply *reply);

    QNetworkAccessManager *m_network;
    StorageAccount m_account;
    BlobClientOptions m_options;
    Clock *m_clock;
    QList<std::shared_ptr<Call>> m_calls; ///< in flight or waiting to be sent again
    qint64 m_bytesReceived = 0;
};

/** Parses a List Blobs answer (EnumerationResults XML). */
Result<BlobListPage> parseBlobList(const QByteArray &xml);

} // namespace Vigil

Q_DECLARE_METATYPE(Vigil::BlobItem)
