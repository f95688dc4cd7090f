// BlobStreamReader against a real Azure Storage blob service (Azurite): blobs written the way the
// Defender streaming API writes them, read incrementally into an in-memory store.

#include "azurite.h"
#include "blobclient.h"
#include "blobstreamreader.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <memory>
#include <optional>

using namespace Vigil;
using namespace Vigil::Test;

namespace {

const QString Table = QStringLiteral("DeviceProcessEvents");
const QString Container = QStringLiteral("insights-logs-advancedhunting-deviceprocessevents");

/** A blob name as the streaming API makes them. */
QString hourBlob(int hour, int day = 6)
{
    return QStringLiteral("tenantId=4b2462a4-bbee-495a-a0e1-f23ae524cc9c/y=2026/m=12/d=%1/h=%2/"
                          "m=00/PT1H.json")
            .arg(day, 2, 10, QLatin1Char('0'))
            .arg(hour, 2, 10, QLatin1Char('0'));
}

QByteArray record(int n)
{
    // Markup, quotes and an escaped control character in a field, as Defender may send them.
    return QStringLiteral("{\"time\":\"2026-12-06T07:00:%1.1234567Z\",\"tenantId\":\"4b2462a4\","
                          "\"operationName\":\"Publish\",\"category\":\"AdvancedHunting-"
                          "DeviceProcessEvents\",\"properties\":{\"ReportId\":%2,\"FileName\":"
                          "\"a<b>&\\\"c\\u0001.exe\"}}")
            .arg(n % 60, 2, 10, QLatin1Char('0'))
            .arg(n)
            .toUtf8();
}

QByteArray records(int from, int count)
{
    QByteArray text;
    for (int i = from; i < from + count; ++i)
        text += record(i) + '\n';
    return text;
}

/** The events store as the reader sees it: chunks and checkpoints, in memory. */
class MemorySink : public BlobChunkSink
{
public:
    void loadCheckpoints(const QString &, const QString &container,
                         CheckpointsCallback done) override
    {
        ++checkpointLoads;
        QList<BlobCheckpoint> list;
        for (const BlobCheckpoint &checkpoint : std::as_const(checkpoints)) {
            if (checkpoint.container == container)
                list.append(checkpoint);
        }
        done(list);
    }
    void consume(const BlobChunk &chunk, ConsumeCallback done) override
    {
        if (failNextConsume) {
            failNextConsume = false;
            // Answers later, as the store's writer thread would.
            QTimer::singleShot(0, [done] {
                done(Error{Error::Kind::Storage, 0, {}, QStringLiteral("disk full"), {}});
            });
            return;
        }
        chunks.append(chunk);
        lines += chunk.lines();
        checkpoints.insert(chunk.container + QLatin1Char('/') + chunk.blob, chunk.checkpoint());
        QTimer::singleShot(0, [done] { done({}); });
    }
    BlobCheckpoint checkpoint(const QString &blob, const QString &container = Container) const
    {
        return checkpoints.value(container + QLatin1Char('/') + blob);
    }

    QHash<QString, BlobCheckpoint> checkpoints;
    QList<BlobChunk> chunks;
    QByteArrayList lines;
    int checkpointLoads = 0;
    bool failNextConsume = false;
};

} // namespace

class TestBlobStreamReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void listsEveryPage();
    void readsOnlyWhatIsNew();
    void lineSplitAcrossTwoAppends();
    void finalLineWaitsForItsEnd();
    void crlfLineEnds();
    void emptyBlobAndBlankLines();
    void replacedBlobIsReadAgain();
    void restartRepeatsNothing();
    void containerMissingMeansNotStreamed();
    void sasWithReadAndListReads();
    void refusedCredentialSaysWhatIsNeeded_data();
    void refusedCredentialSaysWhatIsNeeded();
    void longLineIsSkippedAndReported();
    void partsAreTheBlobsOwnBytes_data();
    void partsAreTheBlobsOwnBytes();
    void storeFailureKeepsTheCheckpoint();
    void cancelStopsReading();

private:
    std::unique_ptr<BlobStreamReader> reader(const StorageAccount &account,
                                             const QStringList &tables = {Table});
    /** One pass; the summary it finished with. */
    BlobReadSummary pass(BlobStreamReader &reader);
    BlobReadSummary pass(const QStringList &tables = {Table});

    Azurite m_azurite;
    QNetworkAccessManager m_network;
    MemorySink m_sink;
    BlobStreamOptions m_options;
};

void TestBlobStreamReader::initTestCase()
{
    if (Azurite::executable().isEmpty()) {
        if (Azurite::requiredHere())
            QFAIL(qPrintable(Azurite::missingAdvice()));
        QSKIP(qPrintable(Azurite::missingAdvice()));
    }
    QVERIFY2(m_azurite.start(), qPrintable(m_azurite.lastError()));
}

void TestBlobStreamReader::init()
{
    // Every test starts from an empty account and an empty store.
    m_azurite.deleteContainer(Container);
    m_sink = MemorySink();
    m_options = BlobStreamOptions();
    m_options.client.backoffBase = std::chrono::milliseconds(50);
    m_options.client.requestTimeout = std::chrono::milliseconds(20'000);
}

void TestBlobStreamReader::cleanupTestCase()
{
    m_azurite.stop();
}

std::unique_ptr<BlobStreamReader> TestBlobStreamReader::reader(const StorageAccount &account,
                                                               const QStringList &tables)
{
    auto made = std::make_unique<BlobStreamReader>(&m_network, account, &m_sink);
    BlobStreamOptions options = m_options;
    options.tables = tables;
    made->setOptions(options);
    return made;
}

BlobReadSummary TestBlobStreamReader::pass(BlobStreamReader &reader)
{
    QSignalSpy finished(&reader, &BlobStreamReader::finished);
    reader.start();
    if (!finished.wait(60'000))
        return BlobReadSummary{{},
                               Error{Error::Kind::Timeout, 0, {}, QStringLiteral("no end"), {}}};
    return finished.first().first().value<BlobReadSummary>();
}

BlobReadSummary TestBlobStreamReader::pass(const QStringList &tables)
{
    const auto made = reader(m_azurite.keyAccount(), tables);
    return pass(*made);
}

void TestBlobStreamReader::listsEveryPage()
{
    QVERIFY2(m_azurite.createContainer(Container), qPrintable(m_azurite.lastError()));
    for (int hour = 0; hour < 7; ++hour)
        QVERIFY2(m_azurite.writeAppendBlob(Container, hourBlob(hour), records(hour * 10, 3)),
                 qPrintable(m_azurite.lastError()));

    // The client: pages of two, linked by their markers.
    BlobClient client(&m_network, m_azurite.keyAccount());
    QStringList names;
    QString marker;
    int pages = 0;
    do {
        std::optional<Result<BlobListPage>> page;
        client.listBlobs(Container, {}, marker, 2, this,
                         [&page](const Result<BlobListPage> &answer) { page = answer; });
        QTRY_VERIFY_WITH_TIMEOUT(page.has_value(), 20'000);
        QVERIFY2(page->ok(), qPrintable(page->ok() ? QString() : page->error().toString()));
        QVERIFY((*page)->blobs.size() <= 2);
        for (const BlobItem &item : (*page)->blobs) {
            names.append(item.name);
            QCOMPARE(item.blobType, QStringLiteral("AppendBlob"));
            QCOMPARE(item.length, records(int(names.size() - 1) * 10, 3).size());
            QVERIFY(!item.etag.isEmpty());
            QVERIFY(item.lastModified.isValid());
        }
        marker = (*page)->nextMarker;
        ++pages;
    } while (!marker.isEmpty() && pages < 20);
    QCOMPARE(pages, 4);
    QCOMPARE(names.size(), 7);
    QCOMPARE(names.first(), hourBlob(0));

    // The reader with the same page size: every blob, every line.
    m_options.listPageSize = 2;
    const BlobReadSummary summary = pass();
    QVERIFY2(!summary.error, qPrintable(summary.error ? summary.error->toString() : QString()));
    QCOMPARE(summary.tables.size(), 1);
    QCOMPARE(summary.tables.first().state, TableReadResult::State::Read);
    QCOMPARE(summary.tables.first().blobsListed, 7);
    QCOMPARE(summary.tables.first().blobsRead, 7);
    QCOMPARE(summary.tables.first().linesDelivered, 21);
    QCOMPARE(m_sink.lines.size(), 21);
    QCOMPARE(m_sink.lines.first(), record(0));
    QCOMPARE(m_sink.lines.last(), record(62));
}

void TestBlobStreamReader::readsOnlyWhatIsNew()
{
    QVERIFY(m_azurite.createContainer(Container));
    const QString blob = hourBlob(7);
    QVERIFY2(m_azurite.writeAppendBlob(Container, blob, records(0, 3)),
             qPrintable(m_azurite.lastError()));
    BlobReadSummary summary = pass();
    QVERIFY(!summary.error);
    QCOMPARE(m_sink.lines, (QByteArrayList{record(0), record(1), record(2)}));
    QCOMPARE(m_sink.checkpoint(blob).offset, records(0, 3).size());

    // The hour goes on: two more appends.
    QVERIFY(m_azurite.appendBlock(Container, blob, records(3, 1)));
    QVERIFY(m_azurite.appendBlock(Container, blob, records(4, 1)));
    m_sink.lines.clear();
    m_sink.chunks.clear();
    summary = pass();
    QVERIFY(!summary.error);
    QCOMPARE(m_sink.lines, (QByteArrayList{record(3), record(4)}));
    QCOMPARE(m_sink.chunks.size(), 1);
    QCOMPARE(m_sink.chunks.first().startOffset, records(0, 3).size());
    QCOMPARE(m_sink.chunks.first().endOffset, records(0, 5).size());
    QVERIFY(!m_sink.chunks.first().restarted);
    QCOMPARE(summary.tables.first().bytesConsumed, records(3, 2).size());

    // Nothing new: nothing read, nothing handed on.
    m_sink.chunks.clear();
    summary = pass();
    QVERIFY(!summary.error);
    QCOMPARE(m_sink.chunks.size(), 0);
    QCOMPARE(summary.tables.first().blobsRead, 0);
}

void TestBlobStreamReader::lineSplitAcrossTwoAppends()
{
    QVERIFY(m_azurite.createContainer(Container));
    const QString blob = hourBlob(8);
    const QByteArray split = record(2);
    QVERIFY(m_azurite.writeAppendBlob(Container, blob, records(0, 2) + split.left(40)));
    pass();
    QCOMPARE(m_sink.lines, (QByteArrayList{record(0), record(1)}));
    QCOMPARE(m_sink.checkpoint(blob).offset, records(0, 2).size());

    QVERIFY(m_azurite.appendBlock(Container, blob, split.mid(40) + '\n' + records(3, 1)));
    m_sink.lines.clear();
    pass();
    QCOMPARE(m_sink.lines, (QByteArrayList{record(2), record(3)}));
    QCOMPARE(m_sink.checkpoint(blob).offset, records(0, 4).size());
}

void TestBlobStreamReader::finalLineWaitsForItsEnd()
{
    QVERIFY(m_azurite.createContainer(Container));
    const QString blob = hourBlob(9);
    QVERIFY(m_azurite.writeAppendBlob(Container, blob, records(0, 1) + record(1)));
    pass();
    QCOMPARE(m_sink.lines, QByteArrayList{record(0)});
    // Read again and again: the unfinished line is never handed on.
    m_sink.lines.clear();
    pass();
    QCOMPARE(m_sink.lines.size(), 0);
    QCOMPARE(m_sink.checkpoint(blob).offset, records(0, 1).size());

    QVERIFY(m_azurite.appendBlock(Container, blob, "\n"));
    pass();
    QCOMPARE(m_sink.lines, QByteArrayList{record(1)});
}

void TestBlobStreamReader::crlfLineEnds()
{
    QVERIFY(m_azurite.createContainer(Container));
    const QString blob = hourBlob(10);
    const QByteArray text = record(0) + "\r\n" + record(1) + "\r\n" + record(2) + '\r';
    QVERIFY(m_azurite.writeAppendBlob(Container, blob, text));
    pass();
    QCOMPARE(m_sink.lines, (QByteArrayList{record(0), record(1)}));
    // The '\r' of a line whose '\n' has not come yet stays with it.
    QVERIFY(m_azurite.appendBlock(Container, blob, "\n"));
    pass();
    QCOMPARE(m_sink.lines, (QByteArrayList{record(0), record(1), record(2)}));
    QCOMPARE(m_sink.checkpoint(blob).offset, text.size() + 1);
}

void TestBlobStreamReader::emptyBlobAndBlankLines()
{
    QVERIFY(m_azurite.createContainer(Container));
    QVERIFY(m_azurite.writeAppendBlob(Container, hourBlob(11), {}));
    QVERIFY(m_azurite.writeAppendBlob(Container, hourBlob(12), "\n\r\n  \n" + records(0, 1)));
    const BlobReadSummary summary = pass();
    QVERIFY(!summary.error);
    QCOMPARE(summary.tables.first().blobsListed, 2);
    QCOMPARE(m_sink.lines, QByteArrayList{record(0)});
    QVERIFY(!m_sink.checkpoints.contains(Container + QLatin1Char('/') + hourBlob(11)));
    QCOMPARE(m_sink.checkpoint(hourBlob(12)).offset, 6 + records(0, 1).size());

    // The empty blob gets its first lines.
    QVERIFY(m_azurite.appendBlock(Container, hourBlob(11), records(5, 2)));
    m_sink.lines.clear();
    pass();
    QCOMPARE(m_sink.lines, (QByteArrayList{record(5), record(6)}));
}

void TestBlobStreamReader::replacedBlobIsReadAgain()
{
    QVERIFY(m_azurite.createContainer(Container));
    const QString blob = hourBlob(13);
    QVERIFY(m_azurite.writeAppendBlob(Container, blob, records(0, 5)));
    pass();
    QCOMPARE(m_sink.lines.size(), 5);
    const BlobCheckpoint before = m_sink.checkpoint(blob);

    // Replaced by a shorter blob of the same name.
    QVERIFY(m_azurite.deleteBlob(Container, blob));
    QVERIFY(m_azurite.writeAppendBlob(Container, blob, records(100, 2)));
    m_sink.lines.clear();
    m_sink.chunks.clear();
    const BlobReadSummary summary = pass();
    QVERIFY(!summary.error);
    QCOMPARE(m_sink.lines, (QByteArrayList{record(100), record(101)}));
    QCOMPARE(m_sink.chunks.size(), 1);
    QVERIFY(m_sink.chunks.first().restarted);
    QCOMPARE(m_sink.chunks.first().startOffset, 0);
    QCOMPARE(summary.tables.first().blobsRestarted, 1);
    QVERIFY(m_sink.checkpoint(blob).etag != before.etag);
    QCOMPARE(m_sink.checkpoint(blob).offset, records(100, 2).size());

    // Replaced by a longer one: its new Creation-Time gives it away.
    QVERIFY(m_azurite.deleteBlob(Container, blob));
    QTest::qWait(1100); // Creation-Time has whole seconds
    QVERIFY(m_azurite.writeAppendBlob(Container, blob, records(200, 4)));
    m_sink.lines.clear();
    pass();
    QCOMPARE(m_sink.lines, (QByteArrayList{record(200), record(201), record(202), record(203)}));
}

void TestBlobStreamReader::restartRepeatsNothing()
{
    QVERIFY(m_azurite.createContainer(Container));
    QVERIFY(m_azurite.writeAppendBlob(Container, hourBlob(14), records(0, 4)));
    QVERIFY(m_azurite.writeAppendBlob(Container, hourBlob(15), records(4, 4) + "{\"partial"));
    pass();
    QCOMPARE(m_sink.lines.size(), 8);

    // Vigil restarts: a new reader, a new network manager, the checkpoints of the store.
    QNetworkAccessManager network;
    m_sink.lines.clear();
    m_sink.chunks.clear();
    BlobStreamReader again(&network, m_azurite.keyAccount(), &m_sink);
    again.setOptions(m_options);
    BlobReadSummary summary = pass(again);
    QVERIFY(!summary.error);
    QCOMPARE(m_sink.chunks.size(), 0);

    QVERIFY(m_azurite.appendBlock(Container, hourBlob(15), "\":1}\n"));
    summary = pass(again);
    QCOMPARE(m_sink.lines, QByteArrayList{QByteArray("{\"partial\":1}")});
}

void TestBlobStreamReader::containerMissingMeansNotStreamed()
{
    QVERIFY(m_azurite.createContainer(Container));
    QVERIFY(m_azurite.writeAppendBlob(Container, hourBlob(1), records(0, 1)));
    const BlobReadSummary summary
            = pass({QStringLiteral("DeviceLogonEvents"), Table, QStringLiteral("EmailEvents")});
    QVERIFY(!summary.error);
    QCOMPARE(summary.tables.size(), 3);
    QCOMPARE(summary.tables.at(0).state, TableReadResult::State::NotStreamed);
    QCOMPARE(summary.tables.at(0).container,
             QStringLiteral("insights-logs-advancedhunting-devicelogonevents"));
    QVERIFY(!summary.tables.at(0).error);
    QCOMPARE(summary.tables.at(1).state, TableReadResult::State::Read);
    QCOMPARE(summary.tables.at(2).state, TableReadResult::State::NotStreamed);
    QCOMPARE(m_sink.lines.size(), 1);
}

void TestBlobStreamReader::sasWithReadAndListReads()
{
    QVERIFY(m_azurite.createContainer(Container));
    QVERIFY(m_azurite.writeAppendBlob(Container, hourBlob(2), records(0, 3)));
    const StorageAccount account = m_azurite.sasAccount(
            QStringLiteral("rl"), QDateTime::currentDateTimeUtc().addSecs(3600));
    const auto made = reader(account);
    const BlobReadSummary summary = pass(*made);
    QVERIFY2(!summary.error, qPrintable(summary.error ? summary.error->toString() : QString()));
    QCOMPARE(m_sink.lines.size(), 3);
}

void TestBlobStreamReader::refusedCredentialSaysWhatIsNeeded_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("says");
    QTest::newRow("wrong key") << QStringLiteral("key")
                               << QStringLiteral("refused the account key");
    QTest::newRow("expired SAS") << QStringLiteral("expired")
                                 << QStringLiteral("refused the SAS token");
    QTest::newRow("read-only SAS")
            << QStringLiteral("readonly") << QStringLiteral("lacks a permission");
}

void TestBlobStreamReader::refusedCredentialSaysWhatIsNeeded()
{
    QFETCH(QString, kind);
    QFETCH(QString, says);
    QVERIFY(m_azurite.createContainer(Container));
    QVERIFY(m_azurite.writeAppendBlob(Container, hourBlob(3), records(0, 3)));
    StorageAccount account;
    if (kind == QLatin1String("key")) {
        account = m_azurite.keyAccount();
        account.secret = QString::fromLatin1(QByteArray(64, 'k').toBase64());
    } else if (kind == QLatin1String("expired")) {
        account = m_azurite.sasAccount(QStringLiteral("rl"),
                                       QDateTime::currentDateTimeUtc().addSecs(-3600));
    } else {
        account = m_azurite.sasAccount(QStringLiteral("r"),
                                       QDateTime::currentDateTimeUtc().addSecs(3600));
    }
    const auto made = reader(account, {Table, QStringLiteral("DeviceEvents")});
    const BlobReadSummary summary = pass(*made);
    QVERIFY(summary.error);
    QCOMPARE(summary.error->kind, Error::Kind::Forbidden);
    QCOMPARE(summary.error->httpStatus, 403);
    const QString message = summary.error->message;
    QVERIFY2(message.contains(says), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("Read and List")), qPrintable(message));
    // The secret is nowhere in what the user sees.
    QVERIFY2(!message.contains(account.secret), qPrintable(message));
    if (account.kind == StorageAccount::CredentialKind::Sas) {
        const QString signature = QUrlQuery(account.secret).queryItemValue(QStringLiteral("sig"));
        QVERIFY(!message.contains(signature));
        QVERIFY(!message.contains(QUrl::fromPercentEncoding(signature.toLatin1())));
    }
    // The pass stops at the first refusal instead of failing every table the same way.
    QCOMPARE(summary.tables.size(), 1);
    QCOMPARE(summary.tables.first().state, TableReadResult::State::Failed);
    QCOMPARE(m_sink.lines.size(), 0);
}

void TestBlobStreamReader::longLineIsSkippedAndReported()
{
    QVERIFY(m_azurite.createContainer(Container));
    const QString blob = hourBlob(16);
    m_options.maxLineBytes = 1000;
    m_options.readWindowBytes = 256;
    const QByteArray huge = "{\"x\":\"" + QByteArray(5000, 'a') + "\"}";
    // The long line arrives in pieces, as appends of a growing blob.
    QVERIFY(m_azurite.writeAppendBlob(Container, blob, records(0, 1) + huge.left(3000)));
    BlobReadSummary summary = pass();
    QVERIFY(!summary.error);
    QCOMPARE(m_sink.lines, QByteArrayList{record(0)});
    QCOMPARE(summary.tables.first().longLinesSkipped, 0); // not complete yet
    QCOMPARE(m_sink.checkpoint(blob).offset, records(0, 1).size());

    QVERIFY(m_azurite.appendBlock(Container, blob, huge.mid(3000) + '\n' + records(1, 2)));
    summary = pass();
    QVERIFY(!summary.error);
    QCOMPARE(m_sink.lines, (QByteArrayList{record(0), record(1), record(2)}));
    QCOMPARE(summary.tables.first().longLinesSkipped, 1);
    QList<qint64> skipped;
    for (const BlobChunk &chunk : std::as_const(m_sink.chunks))
        skipped += chunk.skippedLongLines;
    QCOMPARE(skipped, QList<qint64>{records(0, 1).size()});
    QCOMPARE(m_sink.checkpoint(blob).offset,
             records(0, 1).size() + huge.size() + 1 + records(1, 2).size());
    // Lines are handed on a window at a time, never more than the window and a carried line.
    for (const BlobChunk &chunk : std::as_const(m_sink.chunks))
        QVERIFY(chunk.endOffset - chunk.startOffset <= 256 + 1000
                || !chunk.skippedLongLines.isEmpty());
}

void TestBlobStreamReader::partsAreTheBlobsOwnBytes_data()
{
    QTest::addColumn<int>("window");
    QTest::addColumn<int>("maxLine");
    // Windows smaller than a line: lines are put together from several reads.
    QTest::newRow("small windows") << 256 << 1000;
    // Windows larger than the limit: an over-long line can lie inside one window.
    QTest::newRow("large windows") << 4096 << 1000;
    QTest::newRow("one window") << 1024 * 1024 << 1000;
}

void TestBlobStreamReader::partsAreTheBlobsOwnBytes()
{
    // What a chunk hands on is the blob's bytes between its offsets, less the over-long lines:
    // nothing added, nothing lost, line ends and blank lines as they were.
    QFETCH(int, window);
    QFETCH(int, maxLine);
    QVERIFY(m_azurite.createContainer(Container));
    const QString blob = hourBlob(17);
    m_options.readWindowBytes = window;
    m_options.maxLineBytes = maxLine;
    const QByteArray tooLong = "{\"x\":\"" + QByteArray(1500, 'a') + "\"}\n";
    const QByteArray longButKept = "{\"y\":\"" + QByteArray(900, 'b') + "\"}\r\n";
    const QByteArrayList pieces
            = {records(0, 3),      "\n \r\n", tooLong,        longButKept,   records(3, 2),
               record(5) + "\r\n", tooLong,   records(6, 10), records(16, 2)};
    const QByteArray text = pieces.join();
    QByteArray kept;
    for (const QByteArray &piece : pieces)
        kept += piece == tooLong ? QByteArray() : piece;
    const QByteArray partial = record(18).left(50);
    QVERIFY(m_azurite.writeAppendBlob(Container, blob, text + partial));
    const BlobReadSummary summary = pass();
    QVERIFY(!summary.error);

    QByteArray handedOn;
    qint64 lineCount = 0;
    qint64 expectedStart = 0;
    for (const BlobChunk &chunk : std::as_const(m_sink.chunks)) {
        QCOMPARE(chunk.startOffset, expectedStart);
        expectedStart = chunk.endOffset;
        handedOn += chunk.parts.join();
        lineCount += chunk.lineCount;
        QCOMPARE(chunk.lineCount, chunk.lines().size());
        // Parts of whole lines: the blocks of the read, and the lines put together from two.
        for (const QByteArray &part : chunk.parts)
            QVERIFY(part.endsWith('\n'));
    }
    QCOMPARE(handedOn, kept);
    QCOMPARE(m_sink.checkpoint(blob).offset, text.size());
    QCOMPARE(lineCount, 18 + 1); // records 0-17 and the long line kept; no blank ones
    QCOMPARE(m_sink.lines.size(), 19);
    QCOMPARE(m_sink.lines.at(3), longButKept.chopped(2));
    QCOMPARE(summary.tables.first().longLinesSkipped, 2);
    QCOMPARE(summary.tables.first().linesDelivered, 19);
}

void TestBlobStreamReader::storeFailureKeepsTheCheckpoint()
{
    QVERIFY(m_azurite.createContainer(Container));
    const QString blob = hourBlob(17);
    QVERIFY(m_azurite.writeAppendBlob(Container, blob, records(0, 3)));
    m_sink.failNextConsume = true;
    BlobReadSummary summary = pass();
    QVERIFY(summary.error);
    QCOMPARE(summary.error->kind, Error::Kind::Storage);
    QVERIFY2(summary.error->message.contains(QLatin1String("disk full")),
             qPrintable(summary.error->message));
    QCOMPARE(m_sink.lines.size(), 0);
    QVERIFY(!m_sink.checkpoints.contains(Container + QLatin1Char('/') + blob));

    summary = pass();
    QVERIFY(!summary.error);
    QCOMPARE(m_sink.lines, (QByteArrayList{record(0), record(1), record(2)}));
}

void TestBlobStreamReader::cancelStopsReading()
{
    QVERIFY(m_azurite.createContainer(Container));
    for (int hour = 0; hour < 6; ++hour)
        QVERIFY(m_azurite.writeAppendBlob(Container, hourBlob(hour, 7), records(hour * 10, 2)));
    const auto made = reader(m_azurite.keyAccount());
    QSignalSpy finished(made.get(), &BlobStreamReader::finished);
    // Cancel as soon as the first chunk is in the store.
    connect(made.get(), &BlobStreamReader::progressed, this,
            [&made](const BlobReadProgress &progress) {
                if (progress.bytesConsumed > 0)
                    made->cancel();
            });
    made->start();
    QVERIFY(finished.wait(30'000));
    const auto summary = finished.first().first().value<BlobReadSummary>();
    QVERIFY(summary.error);
    QCOMPARE(summary.error->kind, Error::Kind::Cancelled);
    QCOMPARE(m_sink.lines.size(), 2);
    QCOMPARE(summary.tables.size(), 1);
    QCOMPARE(summary.tables.first().state, TableReadResult::State::Cancelled);
    QVERIFY(!made->isRunning());

    // The next pass takes up where the cancelled one stopped.
    made->disconnect(this);
    const BlobReadSummary next = pass(*made);
    QVERIFY(!next.error);
    QCOMPARE(m_sink.lines.size(), 12);
    QCOMPARE(m_sink.lines.first(), record(0));
    QCOMPARE(m_sink.lines.last(), record(51));
}

QTEST_GUILESS_MAIN(TestBlobStreamReader)
#include "tst_blobstreamreader.moc"
