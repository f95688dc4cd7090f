// BlobStreamReader against faults a real storage service rarely shows on demand: throttling
// with Retry-After, a connection reset in the middle of a body, a server that never answers,
// and 5xx that do not stop. A small HTTP stand-in on loopback plays the service.

#include "blobstreamreader.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

using namespace Vigil;

namespace {

const QString Table = QStringLiteral("DeviceProcessEvents");
const QString Blob = QStringLiteral("y=2026/m=12/d=06/h=07/m=00/PT1H.json");
const QByteArray Secret = "sv=2021-08-06&sp=rl&sig=TopSecretSignature%3D";
const QByteArray Body = "{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n{\"n\":4}\n";

/** What the stand-in does with one request. */
struct Answer
{
    QByteArray raw; ///< written as it is
    bool close = true; ///< close the connection after raw (mid-body when raw is short)
    bool hang = false; ///< write nothing, keep the connection open
    int dribble = 0; ///< above 0: write raw this many bytes at a time, a few milliseconds apart
};

QByteArray http(int status, const QByteArray &reason, const QByteArray &body,
                const QList<QByteArray> &headers = {})
{
    QByteArray raw = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    for (const QByteArray &header : headers)
        raw += header + "\r\n";
    raw += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    return raw;
}

QByteArray listing(qint64 length = Body.size())
{
    return http(200, "OK",
                "<?xml version=\"1.0\"?><EnumerationResults><Blobs><Blob><Name>" + Blob.toUtf8()
                        + "</Name><Properties><Etag>0x1</Etag><Content-Length>"
                        + QByteArray::number(length)
                        + "</Content-Length><BlobType>AppendBlob</BlobType></Properties></Blob>"
                          "</Blobs><NextMarker/></EnumerationResults>",
                {"Content-Type: application/xml"});
}

/** One page of a blob list: a Blob element per name (each Body long), then next as NextMarker. */
QByteArray listingPage(const QStringList &names, const QByteArray &next)
{
    QByteArray blobs;
    for (const QString &name : names)
        blobs += "<Blob><Name>" + name.toUtf8()
                 + "</Name><Properties><Etag>0x1</Etag>"
                   "<Content-Length>"
                 + QByteArray::number(Body.size())
                 + "</Content-Length><BlobType>AppendBlob</BlobType></Properties></Blob>";
    return http(200, "OK",
                "<?xml version=\"1.0\"?><EnumerationResults><Blobs>" + blobs
                        + "</Blobs><NextMarker>" + next + "</NextMarker></EnumerationResults>",
                {"Content-Type: application/xml"});
}

/** The marker a list request asks for, empty for the first page. */
QByteArray markerOf(const QByteArray &requestLine)
{
    const qsizetype at = requestLine.indexOf("marker=");
    if (at < 0)
        return {};
    const qsizetype end = requestLine.indexOf('&', at);
    const qsizetype space = requestLine.indexOf(' ', at);
    const qsizetype stop = end >= 0 && end < space ? end : space;
    return requestLine.mid(at + 7, stop - at - 7);
}

QByteArray notFound()
{
    return http(404, "The specified container does not exist.",
                "<?xml version=\"1.0\"?><Error><Code>ContainerNotFound</Code><Message>The "
                "specified container does not exist.</Message></Error>",
                {"x-ms-error-code: ContainerNotFound"});
}

QByteArray content(qint64 from, const QByteArray &body = Body)
{
    const QByteArray part = body.mid(from);
    return http(206, "Partial Content", part,
                {"ETag: \"0x2\"", "Content-Range: bytes " + QByteArray::number(from) + '-'
                                          + QByteArray::number(body.size() - 1) + '/'
                                          + QByteArray::number(body.size())});
}

/** A scripted HTTP/1.1 server: handler decides each answer from the request line. */
class StandIn : public QTcpServer
{
public:
    std::function<Answer(const QByteArray &requestLine, int count)> handler;
    QList<QByteArray> requests;

    StandIn()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { serve(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

private:
    void serve(QTcpSocket *socket)
    {
        QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
        qsizetype end = 0;
        while ((end = buffer.indexOf("\r\n\r\n")) >= 0) {
            const QByteArray head = buffer.left(end);
            buffer.remove(0, end + 4);
            const QByteArray line = head.left(head.indexOf("\r\n"));
            requests.append(line);
            const Answer answer = handler(line, int(requests.size()));
            if (answer.hang)
                return;
            if (answer.dribble > 0) {
                dribble(socket, answer);
                return;
            }
            socket->write(answer.raw);
            if (answer.close) {
                socket->flush();
                socket->disconnectFromHost();
                return;
            }
        }
        socket->setProperty("buffer", buffer);
    }

    /** Writes the answer a few bytes at a time, 2 ms apart, so that it arrives in many reads. */
    static void dribble(QTcpSocket *socket, const Answer &answer)
    {
        const auto raw = std::make_shared<const QByteArray>(answer.raw);
        const qsizetype step = answer.dribble;
        int delay = 0;
        for (qsizetype at = 0; at < raw->size(); at += step, delay += 2) {
            const bool last = at + step >= raw->size();
            QTimer::singleShot(delay, socket, [socket, raw, at, step, last, close = answer.close] {
                socket->write(raw->mid(at, step));
                socket->flush();
                if (last && close)
                    socket->disconnectFromHost();
            });
        }
    }
};

/** Stores nothing, remembers the lines. */
class LineSink : public BlobChunkSink
{
public:
    void loadCheckpoints(const QString &, const QString &, CheckpointsCallback done) override
    {
        done(QList<BlobCheckpoint>());
    }
    void consume(const BlobChunk &chunk, ConsumeCallback done) override
    {
        lines += chunk.lines();
        chunks.append(chunk);
        done({});
    }
    QByteArrayList lines;
    QList<BlobChunk> chunks;
};

bool isList(const QByteArray &line)
{
    return line.contains("comp=list");
}

} // namespace

class TestBlobFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void throttlingHonoursRetryAfter();
    void longRetryAfterIsCapped();
    void resetMidBodyIsReadAgain();
    void serverThatNeverAnswersTimesOut();
    void serverErrorsAreRetriedABoundedNumberOfTimes();
    void anAnswerInManySmallReadsGivesTheSameLines();
    void aBlobListThatLeadsBackStops_data();
    void aBlobListThatLeadsBackStops();
    void aBlobListedTwiceIsReadOnce();
    void anAnswerLargerThanAskedIsNotReadFurther();

private:
    BlobReadSummary pass(const QStringList &tables = {Table});

    std::unique_ptr<StandIn> m_server;
    QNetworkAccessManager m_network;
    LineSink m_sink;
    BlobStreamOptions m_options;
    QList<std::pair<QDateTime, Error>> m_backoffs;
    qint64 m_elapsedMs = 0;
};

void TestBlobFaults::init()
{
    m_server = std::make_unique<StandIn>();
    QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
    m_sink = LineSink();
    m_options = BlobStreamOptions();
    m_options.client.backoffBase = std::chrono::milliseconds(50);
    m_options.client.backoffMax = std::chrono::milliseconds(200);
    m_options.client.requestTimeout = std::chrono::milliseconds(10'000);
    m_backoffs.clear();
}

BlobReadSummary TestBlobFaults::pass(const QStringList &tables)
{
    const StorageAccount account
            = StorageAccount::create(
                      QStringLiteral("http://127.0.0.1:%1/acct").arg(m_server->serverPort()),
                      StorageAccount::CredentialKind::Sas, QString::fromLatin1(Secret))
                      .value();
    BlobStreamReader reader(&m_network, account, &m_sink);
    BlobStreamOptions options = m_options;
    options.tables = tables;
    reader.setOptions(options);
    connect(&reader, &BlobStreamReader::backingOff, this,
            [this](const QDateTime &until, const Error &error) {
                m_backoffs.append({until, error});
            });
    QSignalSpy finished(&reader, &BlobStreamReader::finished);
    QElapsedTimer clock;
    clock.start();
    reader.start();
    if (!finished.wait(30'000))
        return BlobReadSummary{{},
                               Error{Error::Kind::Timeout, 0, {}, QStringLiteral("no end"), {}}};
    m_elapsedMs = clock.elapsed();
    return finished.first().first().value<BlobReadSummary>();
}

void TestBlobFaults::throttlingHonoursRetryAfter()
{
    m_server->handler = [](const QByteArray &line, int count) {
        if (count == 1)
            return Answer{http(503, "Server Busy",
                               "<Error><Code>ServerBusy</Code><Message>Egress is over the "
                               "account limit.</Message></Error>",
                               {"Retry-After: 1"})};
        return Answer{isList(line) ? listing() : content(0)};
    };
    const BlobReadSummary summary = pass();
    QVERIFY2(!summary.error, qPrintable(summary.error ? summary.error->toString() : QString()));
    QCOMPARE(m_sink.lines.size(), 4);
    QCOMPARE(m_backoffs.size(), 1);
    QCOMPARE(m_backoffs.first().second.kind, Error::Kind::Server);
    QCOMPARE(m_backoffs.first().second.code, QStringLiteral("ServerBusy"));
    QVERIFY(m_backoffs.first().second.retryAfter.has_value());
    QVERIFY2(m_elapsedMs >= 900, qPrintable(QString::number(m_elapsedMs)));
}

void TestBlobFaults::longRetryAfterIsCapped()
{
    m_options.client.maxRetryWait = std::chrono::milliseconds(500);
    m_server->handler = [](const QByteArray &line, int count) {
        if (count == 1)
            return Answer{http(429, "Too Many Requests", {}, {"Retry-After: 86400"})};
        return Answer{isList(line) ? listing() : content(0)};
    };
    const BlobReadSummary summary = pass();
    QVERIFY(!summary.error);
    QCOMPARE(m_sink.lines.size(), 4);
    QCOMPARE(m_backoffs.size(), 1);
    QCOMPARE(*m_backoffs.first().second.retryAfter, std::chrono::seconds(86400));
    QVERIFY(m_backoffs.first().first <= QDateTime::currentDateTimeUtc().addSecs(1));
    QVERIFY2(m_elapsedMs < 5'000, qPrintable(QString::number(m_elapsedMs)));
}

void TestBlobFaults::resetMidBodyIsReadAgain()
{
    int reads = 0;
    m_server->handler = [&reads](const QByteArray &line, int) {
        if (isList(line))
            return Answer{listing()};
        if (++reads == 1) {
            // The headers promise the whole body; the connection drops after 20 bytes.
            const QByteArray full = content(0);
            return Answer{full.left(full.size() - Body.size() + 20)};
        }
        return Answer{content(0)};
    };
    const BlobReadSummary summary = pass();
    QVERIFY2(!summary.error, qPrintable(summary.error ? summary.error->toString() : QString()));
    QVERIFY(reads >= 2); // Qt itself may send a GET again on a closed connection
    QCOMPARE(m_sink.lines, (QByteArrayList{"{\"n\":1}", "{\"n\":2}", "{\"n\":3}", "{\"n\":4}"}));
    QCOMPARE(m_backoffs.size(), 1);
    QCOMPARE(m_backoffs.first().second.kind, Error::Kind::Network);
    QVERIFY(!m_backoffs.first().second.message.contains(QLatin1String("TopSecret")));
}

void TestBlobFaults::serverThatNeverAnswersTimesOut()
{
    m_options.client.requestTimeout = std::chrono::milliseconds(300);
    m_options.client.maxAttempts = 2;
    m_server->handler = [](const QByteArray &line, int) {
        if (line.contains("deviceprocessevents"))
            return Answer{{}, false, true};
        return Answer{notFound()};
    };
    const BlobReadSummary summary = pass({Table, QStringLiteral("DeviceEvents")});
    QVERIFY2(m_elapsedMs < 10'000, qPrintable(QString::number(m_elapsedMs)));
    QVERIFY(!summary.error); // one table failing does not stop the others
    QCOMPARE(summary.tables.size(), 2);
    QCOMPARE(summary.tables.at(0).state, TableReadResult::State::Failed);
    QVERIFY(summary.tables.at(0).error);
    QCOMPARE(summary.tables.at(0).error->kind, Error::Kind::Timeout);
    QCOMPARE(summary.tables.at(1).state, TableReadResult::State::NotStreamed);
    QCOMPARE(m_server->requests.size(), 3); // two attempts, then the next table
}

void TestBlobFaults::serverErrorsAreRetriedABoundedNumberOfTimes()
{
    m_options.client.maxAttempts = 3;
    m_server->handler = [](const QByteArray &, int) {
        return Answer{http(500, "Internal Server Error",
                           "<Error><Code>InternalError</Code><Message>Oops at "
                           "https://x/?sig=TopSecretSignature</Message></Error>")};
    };
    const BlobReadSummary summary = pass();
    QCOMPARE(m_server->requests.size(), 3);
    QCOMPARE(m_backoffs.size(), 2);
    QCOMPARE(summary.tables.size(), 1);
    QCOMPARE(summary.tables.first().state, TableReadResult::State::Failed);
    const Error error = *summary.tables.first().error;
    QCOMPARE(error.kind, Error::Kind::Server);
    QCOMPARE(error.httpStatus, 500);
    QCOMPARE(error.code, QStringLiteral("InternalError"));
    QVERIFY2(!error.message.contains(QLatin1String("TopSecret")), qPrintable(error.message));
    // The stand-in saw the SAS: it was sent, only never shown.
    QVERIFY(m_server->requests.first().contains("sig=TopSecretSignature"));
}

QTEST_GUILESS_MAIN(TestBlobFaults)
void TestBlobFaults::anAnswerInManySmallReadsGivesTheSameLines()
{
    // The network code hands a read window on in the blocks it received; every line boundary,
    // a CR and its LF, and an over-long line can fall between two of them. What reaches the
    // store is the same as from one block: the blob's bytes, less the over-long line.
    m_options.maxLineBytes = 200;
    const QByteArray tooLong = "{\"x\":\"" + QByteArray(300, 'a') + "\"}\n";
    const QByteArray longButKept = "{\"y\":\"" + QByteArray(150, 'b') + "\"}\r\n";
    const QByteArray before = "{\"n\":1}\r\n\n \r\n";
    const QByteArray after = "{\"n\":2}\n" + longButKept + "{\"n\":3}\n";
    const QByteArray partial = "{\"n\":4";
    const QByteArray text = before + tooLong + after + partial;
    for (const int step : {1, 7, 64}) {
        m_sink = LineSink();
        m_server->requests.clear();
        m_server->handler = [&text, step](const QByteArray &line, int) {
            if (isList(line))
                return Answer{listing(text.size())};
            return Answer{content(0, text), true, false, step};
        };
        const BlobReadSummary summary = pass();
        QVERIFY2(!summary.error, qPrintable(summary.error ? summary.error->toString() : QString()));
        QCOMPARE(m_sink.lines,
                 (QByteArrayList{"{\"n\":1}", "{\"n\":2}", longButKept.chopped(2), "{\"n\":3}"}));
        QByteArray handedOn;
        qsizetype parts = 0;
        for (const BlobChunk &chunk : std::as_const(m_sink.chunks)) {
            handedOn += chunk.parts.join();
            parts += chunk.parts.size();
            for (const QByteArray &part : chunk.parts)
                QVERIFY(part.endsWith('\n'));
        }
        QCOMPARE(handedOn, before + after);
        QVERIFY2(parts > 2, qPrintable(QString::number(parts))); // it did come in many reads
        QCOMPARE(m_sink.chunks.last().endOffset, text.size() - partial.size());
        QCOMPARE(summary.tables.first().longLinesSkipped, 1);
        QCOMPARE(summary.tables.first().linesDelivered, 4);
    }
}

void TestBlobFaults::aBlobListThatLeadsBackStops_data()
{
    QTest::addColumn<QByteArrayList>("next"); // the NextMarker answered for "", A, B, ...
    QTest::newRow("first page to itself") << QByteArrayList{"A", "A"};
    QTest::newRow("two pages in a ring") << QByteArrayList{"A", "B", "A"};
    QTest::newRow("back to an earlier page") << QByteArrayList{"A", "B", "C", "B"};
}

void TestBlobFaults::aBlobListThatLeadsBackStops()
{
    QFETCH(QByteArrayList, next);
    QHash<QByteArray, QByteArray> pages; // marker asked for -> the NextMarker answered
    QByteArray asked;
    for (const QByteArray &marker : next) {
        pages.insert(asked, marker);
        asked = marker;
    }
    int lists = 0;
    m_server->handler = [&pages, &lists](const QByteArray &line, int) {
        if (!isList(line))
            return Answer{content(0)};
        ++lists;
        const QByteArray marker = markerOf(line);
        return Answer{listingPage({QStringLiteral("blob-") + QString::fromLatin1(marker)},
                                  pages.value(marker))};
    };
    const BlobReadSummary summary = pass();
    QCOMPARE(summary.tables.size(), 1);
    QCOMPARE(summary.tables.first().state, TableReadResult::State::Failed);
    QVERIFY(summary.tables.first().error);
    QCOMPARE(summary.tables.first().error->code, QStringLiteral("LoopingMarker"));
    QCOMPARE(lists, int(next.size()));
    QVERIFY(m_sink.lines.isEmpty());
}

void TestBlobFaults::aBlobListedTwiceIsReadOnce()
{
    // The same name twice on one page and once more on the next: one blob, read once.
    int reads = 0;
    m_server->handler = [&reads](const QByteArray &line, int) {
        if (!isList(line)) {
            ++reads;
            return Answer{content(0)};
        }
        return Answer{markerOf(line).isEmpty() ? listingPage({Blob, Blob}, "next")
                                               : listingPage({Blob}, {})};
    };
    const BlobReadSummary summary = pass();
    QVERIFY2(!summary.error, qPrintable(summary.error ? summary.error->toString() : QString()));
    QCOMPARE(m_sink.lines, (QByteArrayList{"{\"n\":1}", "{\"n\":2}", "{\"n\":3}", "{\"n\":4}"}));
    QCOMPARE(reads, 1);
    QCOMPARE(summary.tables.first().blobsListed, 1);
}

void TestBlobFaults::anAnswerLargerThanAskedIsNotReadFurther()
{
    // A range read of 4 KiB answered with 8 MiB (a service that ignores the range on a large
    // blob), then a list page far over its limit: each stops at its limit, with a message.
    m_options.readWindowBytes = 4096;
    m_options.client.maxAnswerBytes = 100'000;
    const QByteArray huge = QByteArray(8 * 1024 * 1024 - 1, 'x') + '\n';
    bool listTooLarge = false;
    m_server->handler = [&huge, &listTooLarge](const QByteArray &line, int) {
        if (!isList(line))
            return Answer{http(200, "OK", huge)};
        if (!listTooLarge)
            return Answer{listing(huge.size())};
        QStringList names;
        for (int i = 0; i < 3000; ++i)
            names.append(QStringLiteral("y=2026/m=12/d=06/h=07/m=00/blob-%1.json").arg(i));
        return Answer{listingPage(names, {})};
    };
    BlobReadSummary summary = pass();
    QCOMPARE(summary.tables.size(), 1);
    QCOMPARE(summary.tables.first().state, TableReadResult::State::Failed);
    QVERIFY(summary.tables.first().error);
    QCOMPARE(summary.tables.first().error->code, QStringLiteral("AnswerTooLarge"));
    QVERIFY2(summary.tables.first().error->message.contains(QLatin1String("4096")),
             qPrintable(summary.tables.first().error->message));
    QVERIFY(m_sink.lines.isEmpty());

    listTooLarge = true;
    summary = pass();
    QCOMPARE(summary.tables.first().state, TableReadResult::State::Failed);
    QCOMPARE(summary.tables.first().error->code, QStringLiteral("AnswerTooLarge"));
    QVERIFY(m_sink.lines.isEmpty());
}

#include "tst_blobfaults.moc"
