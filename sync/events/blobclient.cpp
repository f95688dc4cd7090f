#include "blobclient.h"

#include "clock.h"
#include "graphclient.h"
#include "networkaccess.h"
#include "storagelogging.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimer>
#include <QXmlStreamReader>

namespace Vigil {

namespace {

/** The XML `<Error><Code>…</Code><Message>…</Message></Error>` of a failed call. */
std::pair<QString, QString> storageErrorBody(const QByteArray &body)
{
    QXmlStreamReader xml(body);
    QString code;
    QString message;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("Code"))
            code = xml.readElementText();
        else if (xml.name() == QLatin1String("Message"))
            message = xml.readElementText();
    }
    // The service appends its request id and time on further lines: the first says it.
    return {code.left(200), message.section(QLatin1Char('\n'), 0, 0).trimmed().left(500)};
}

QDateTime parseBlobTime(const QString &text)
{
    return parseHttpDate(text.toLatin1());
}

qint64 parseContentRangeTotal(const QByteArray &value)
{
    // "bytes 0-99/1234" or "bytes */1234" (416)
    const qsizetype slash = value.lastIndexOf('/');
    if (slash < 0)
        return -1;
    bool ok = false;
    const qint64 total = value.mid(slash + 1).trimmed().toLongLong(&ok);
    return ok ? total : -1;
}

/** The body length the headers promise: the Content-Range span of a 206, else Content-Length;
 *  -1 when they say nothing. */
qint64 promisedLength(QNetworkReply *reply, int status)
{
    if (status == 206) {
        // "bytes 100-199/1234"
        const QByteArray range = reply->rawHeader("Content-Range");
        const qsizetype space = range.indexOf(' ');
        const qsizetype dash = range.indexOf('-');
        const qsizetype slash = range.indexOf('/');
        bool firstOk = false;
        bool lastOk = false;
        if (space >= 0 && dash > space && slash > dash) {
            const qint64 first = range.mid(space + 1, dash - space - 1).toLongLong(&firstOk);
            const qint64 last = range.mid(dash + 1, slash - dash - 1).toLongLong(&lastOk);
            if (firstOk && lastOk && last >= first)
                return last - first + 1;
        }
    }
    const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
    return length.isValid() ? length.toLongLong() : -1;
}

} // namespace

Error storageErrorFromReply(QNetworkReply *reply, const QByteArray &body, const QDateTime &now,
                            const QString &secret)
{
    Error error = errorFromReply(reply, body, now);
    if (error.httpStatus / 100 == 2 && reply->error() != QNetworkReply::NoError) {
        // The answer began but broke off (a reset, a transfer timeout): worth another try.
        const bool timedOut = reply->error() == QNetworkReply::TimeoutError
                              || (reply->error() == QNetworkReply::OperationCanceledError
                                  && !reply->property("vigil.cancelled").toBool());
        error.kind = timedOut ? Error::Kind::Timeout : Error::Kind::Network;
        error.code = QStringLiteral("IncompleteAnswer");
        error.message = timedOut ? QStringLiteral("the answer from %1 stopped coming in")
                                           .arg(reply->url().host())
                                 : QStringLiteral("the answer from %1 broke off: %2")
                                           .arg(reply->url().host(), reply->errorString());
    } else if (error.httpStatus != 0) {
        // errorFromReply reads Graph's JSON: Azure Storage answers in XML and a header.
        auto [code, message] = storageErrorBody(body);
        if (code.isEmpty())
            code = QString::fromLatin1(reply->rawHeader("x-ms-error-code")).left(200);
        error.code = code;
        if (!message.isEmpty())
            error.message = message;
        if (error.message.isEmpty())
            error.message = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    } else if (error.kind != Error::Kind::Timeout) {
        // Qt's error text names the URL, and with it the SAS.
        error.message = reply->errorString();
    }
    error.message = redactSecrets(error.message, secret);
    error.code = redactSecrets(error.code, secret);
    return error;
}

Result<BlobListPage> parseBlobList(const QByteArray &xml)
{
    QXmlStreamReader reader(xml);
    BlobListPage page;
    bool sawRoot = false;
    BlobItem item;
    bool inBlob = false;
    while (!reader.atEnd()) {
        const QXmlStreamReader::TokenType token = reader.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const auto name = reader.name();
            if (name == QLatin1String("EnumerationResults")) {
                sawRoot = true;
            } else if (name == QLatin1String("Blob")) {
                inBlob = true;
                item = BlobItem{};
            } else if (name == QLatin1String("NextMarker")) {
                page.nextMarker = reader.readElementText();
            } else if (inBlob && name == QLatin1String("Name")) {
                item.name = reader.readElementText();
            } else if (inBlob && name == QLatin1String("Etag")) {
                item.etag = reader.readElementText();
            } else if (inBlob && name == QLatin1String("Content-Length")) {
                item.length = reader.readElementText().toLongLong();
            } else if (inBlob && name == QLatin1String("Last-Modified")) {
                item.lastModified = parseBlobTime(reader.readElementText());
            } else if (inBlob && name == QLatin1String("Creation-Time")) {
                item.created = parseBlobTime(reader.readElementText());
            } else if (inBlob && name == QLatin1String("BlobType")) {
                item.blobType = reader.readElementText();
            }
        } else if (token == QXmlStreamReader::EndElement
                   && reader.name() == QLatin1String("Blob")) {
            inBlob = false;
            if (!item.name.isEmpty())
                page.blobs.append(item);
        }
    }
    if (reader.hasError() || !sawRoot) {
        return Error{Error::Kind::Parse,
                     0,
                     {},
                     QStringLiteral("the blob list is not the XML Azure Storage sends: %1")
                             .arg(reader.hasError() ? reader.errorString()
                                                    : QStringLiteral("no EnumerationResults")),
                     {}};
    }
    return page;
}

struct BlobClient::Call
{
    QUrl url; ///< unsigned
    QByteArray range; ///< the Range header, empty for none
    QPointer<QObject> context;
    ListCallback listDone;
    RangeCallback rangeDone;
    qint64 offset = 0;
    int attempt = 0;
    QPointer<QNetworkReply> reply;
    bool cancelled = false;
    QByteArrayList pieces; ///< the answer's body so far, as Qt handed it on
    qint64 received = 0; ///< bytes in pieces
    qint64 length = 0; ///< the bytes a range read asks for; 0: to the blob's end (or a list)
};

namespace {

/**
 * Takes what the reply holds into pieces. Reading exactly what is buffered takes Qt's own block
 * when there is one (QIODevice::read() hands it over instead of copying), so a read window of
 * many megabytes is not copied into one array on its way to the store (docs/BENCHMARKS.md).
 */
void takeAvailable(QNetworkReply *reply, QByteArrayList &pieces, qint64 &received)
{
    for (qint64 available = reply->bytesAvailable(); available > 0;
         available = reply->bytesAvailable()) {
        QByteArray piece = reply->read(available);
        if (piece.isEmpty())
            break;
        received += piece.size();
        pieces.append(std::move(piece));
    }
}

} // namespace

qint64 BlobRange::size() const
{
    qint64 total = 0;
    for (const QByteArray &piece : pieces)
        total += piece.size();
    return total;
}

BlobClient::BlobClient(QNetworkAccessManager *network, StorageAccount account, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_account(std::move(account))
    , m_clock(Clock::system())
{ }

BlobClient::~BlobClient()
{
    for (const auto &call : std::as_const(m_calls)) {
        call->cancelled = true;
        if (call->reply) {
            call->reply->disconnect(this);
            call->reply->abort();
        }
    }
}

void BlobClient::setClock(Clock *clock)
{
    m_clock = clock ? clock : Clock::system();
}

void BlobClient::listBlobs(const QString &container, const QString &prefix, const QString &marker,
                           int maxResults, QObject *context, ListCallback done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("restype"), QStringLiteral("container"));
    query.addQueryItem(QStringLiteral("comp"), QStringLiteral("list"));
    if (!prefix.isEmpty())
        query.addQueryItem(QStringLiteral("prefix"),
                           QString::fromLatin1(QUrl::toPercentEncoding(prefix)));
    if (!marker.isEmpty())
        query.addQueryItem(QStringLiteral("marker"),
                           QString::fromLatin1(QUrl::toPercentEncoding(marker)));
    if (maxResults > 0)
        query.addQueryItem(QStringLiteral("maxresults"), QString::number(maxResults));
    auto call = std::make_shared<Call>();
    call->url = m_account.containerUrl(container, query);
    call->context = context;
    call->listDone = std::move(done);
    m_calls.append(call);
    QTimer::singleShot(0, this, [this, call] { send(call); });
}

void BlobClient::readRange(const QString &container, const QString &blob, qint64 offset,
                           qint64 length, QObject *context, RangeCallback done)
{
    auto call = std::make_shared<Call>();
    call->url = m_account.blobUrl(container, blob);
    call->offset = offset;
    call->length = length;
    call->range = "bytes=" + QByteArray::number(offset) + '-'
                  + (length > 0 ? QByteArray::number(offset + length - 1) : QByteArray());
    call->context = context;
    call->rangeDone = std::move(done);
    m_calls.append(call);
    QTimer::singleShot(0, this, [this, call] { send(call); });
}

void BlobClient::cancelAll()
{
    const QList<std::shared_ptr<Call>> calls = m_calls;
    for (const auto &call : calls) {
        call->cancelled = true;
        if (call->reply) {
            call->reply->setProperty("vigil.cancelled", true);
            call->reply->abort(); // finishes it: onFinished reports the cancel
        } else {
            finish(call, Error{Error::Kind::Cancelled, 0, {}, QStringLiteral("cancelled"), {}},
                   nullptr);
        }
    }
}

void BlobClient::send(const std::shared_ptr<Call> &call)
{
    if (call->cancelled || !m_calls.contains(call))
        return;
    if (!call->context) {
        m_calls.removeOne(call);
        return;
    }
    ++call->attempt;
    QNetworkRequest request(call->url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    // Ranges count bytes as stored: no transparent decompression in between.
    request.setRawHeader("Accept-Encoding", "identity");
    if (!call->range.isEmpty())
        request.setRawHeader("Range", call->range);
    m_account.authorize(request, "GET", 0, m_clock->now());
    prepareTransferTimeout(request, m_clock, m_options.requestTimeout);
    qCDebug(lcStorage).noquote() << "GET" << displayUrl(call->url) << call->range << "attempt"
                                 << call->attempt;
    QNetworkReply *reply = m_network->get(request);
    call->reply = reply;
    call->pieces.clear();
    call->received = 0;
    watchTransfer(reply, m_clock, m_options.requestTimeout);
    // A service that sends more than asked for (a range ignored on a large blob, an endless
    // body) would fill the memory: stop at what was asked for and a little more.
    limitAnswer(reply, answerLimit(*call));
    connect(reply, &QNetworkReply::readyRead, this, [call, reply] {
        if (call->reply == reply)
            takeAvailable(reply, call->pieces, call->received);
    });
    connect(reply, &QNetworkReply::finished, this,
            [this, call, reply] { onFinished(call, reply); });
}

void BlobClient::onFinished(const std::shared_ptr<Call> &call, QNetworkReply *reply)
{
    reply->deleteLater();
    call->reply = nullptr;
    if (reply->isOpen())
        takeAvailable(reply, call->pieces, call->received);
    QByteArrayList pieces = std::exchange(call->pieces, {});
    const qint64 received = std::exchange(call->received, 0);
    m_bytesReceived += received;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (call->cancelled) {
        finish(call, Error{Error::Kind::Cancelled, 0, {}, QStringLiteral("cancelled"), {}},
               nullptr);
        return;
    }
    if (std::optional<Error> tooLarge = answerTooLarge(reply)) {
        if (call->rangeDone && call->length > 0)
            tooLarge->message = QStringLiteral("the answer from %1 to a read of %2 bytes went on "
                                               "past %3 bytes; it was not read further")
                                        .arg(call->url.host())
                                        .arg(call->length)
                                        .arg(answerLimit(*call));
        qCWarning(lcStorage).noquote() << "GET" << displayUrl(call->url) << tooLarge->message;
        finish(call, *tooLarge, nullptr);
        return;
    }
    if (reply->error() == QNetworkReply::NoError && status / 100 == 2) {
        const qint64 promised = promisedLength(reply, status);
        if (promised < 0 || promised == received) {
            finish(call, std::move(pieces), reply); // moved: the reader keeps the one copy
            return;
        }
        // The connection closed early and Qt did not notice: the lines would end mid-way.
        const Error cut{Error::Kind::Network,
                        0,
                        QStringLiteral("IncompleteAnswer"),
                        QStringLiteral("the answer from %1 broke off after %2 of %3 bytes")
                                .arg(call->url.host())
                                .arg(received)
                                .arg(promised),
                        {}};
        qCInfo(lcStorage).noquote() << "GET" << displayUrl(call->url) << cut.message;
        retryOrFail(call, cut);
        return;
    }
    if (call->rangeDone && status == 416) {
        finish(call, QByteArrayList(), reply);
        return;
    }
    const Error error
            = storageErrorFromReply(reply, pieces.join(), m_clock->now(), m_account.secret);
    qCInfo(lcStorage).noquote() << "GET" << displayUrl(call->url) << "failed:" << error.toString();
    retryOrFail(call, error);
}

qint64 BlobClient::answerLimit(const Call &call) const
{
    return call.rangeDone && call.length > 0 ? call.length + BlobClientOptions::kAnswerSlack
                                             : m_options.maxAnswerBytes;
}

void BlobClient::retryOrFail(const std::shared_ptr<Call> &call, const Error &error)
{
    if (!error.isTransient() || call->attempt >= std::max(1, m_options.maxAttempts)) {
        finish(call, error, nullptr);
        return;
    }
    const std::chrono::milliseconds delay
            = retryDelay(error, call->attempt, m_options.backoffBase, m_options.backoffMax,
                         QRandomGenerator::global()->generateDouble(), m_options.maxRetryWait);
    const QDateTime until = m_clock->now().addMSecs(delay.count());
    qCInfo(lcStorage).noquote() << "retrying" << displayUrl(call->url) << "in" << delay.count()
                                << "ms after" << error.toString();
    Q_EMIT backingOff(until, error);
    m_clock->singleShot(delay, this, [this, call] { send(call); });
}

void BlobClient::finish(const std::shared_ptr<Call> &call, Result<QByteArrayList> body,
                        QNetworkReply *reply)
{
    if (!m_calls.removeOne(call) || !call->context)
        return;
    if (call->listDone) {
        if (!body) {
            call->listDone(body.error());
            return;
        }
        call->listDone(parseBlobList(body.value().join()));
        return;
    }
    if (!body) {
        call->rangeDone(Result<BlobRange>(body.error()));
        return;
    }
    BlobRange range;
    range.offset = call->offset;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    range.etag = QString::fromLatin1(reply->rawHeader("ETag"));
    if (status == 416) {
        range.beyondEnd = true;
        range.blobLength = parseContentRangeTotal(reply->rawHeader("Content-Range"));
    } else if (status == 206) {
        range.pieces = std::move(body).value();
        range.blobLength = parseContentRangeTotal(reply->rawHeader("Content-Range"));
    } else {
        // A 200 is the whole blob: the service ignored the range (or it began at 0).
        const QByteArray whole = body.value().join();
        range.blobLength = whole.size();
        if (call->offset < whole.size())
            range.pieces.append(whole.mid(call->offset));
        if (call->offset > whole.size())
            range.beyondEnd = true;
    }
    call->rangeDone(std::move(range));
}

} // namespace Vigil
