// The simulated tenant's storage account (the streaming API's destination) over real HTTP, as
// Azure Blob Storage documents it: listing with prefixes and markers, ranged reads, properties,
// SAS checks, and an append blob that grows as the tenant's clock moves.

#include "simserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>
#include <QXmlStreamReader>

#include <memory>

using namespace Vigil::Sim;

namespace {

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;

    QByteArray header(const char *name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    /** The text of every element of that name, in order. */
    QStringList elements(const char *name) const
    {
        QStringList values;
        QXmlStreamReader xml(body);
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement
                && xml.name() == QLatin1String(name))
                values.append(xml.readElementText());
        }
        return values;
    }
};

const QDateTime Now(QDate(2026, 11, 20), QTime(14, 30), QTimeZone::utc());
const QString ProcessContainer
        = QStringLiteral("insights-logs-advancedhunting-deviceprocessevents");

} // namespace

class TestSimBlobs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listContainers();
    void listBlobsPagesWithMarkers();
    void blobLinesAreStreamingRecords();
    void rangedReads();
    void blobProperties();
    void credentialsAreChecked_data();
    void credentialsAreChecked();
    void missingContainerAndBlob();
    void currentHourBlobGrows();

private:
    HttpResult get(const QString &path, const QString &query,
                   const QList<std::pair<QByteArray, QByteArray>> &headers = {},
                   const QByteArray &verb = "GET");
    QString lastBlob(const QString &container);

    std::unique_ptr<SimServer> m_server;
    QNetworkAccessManager m_network;
    Ticks m_clock = 0;
};

void TestSimBlobs::initTestCase()
{
    SimOptions options;
    options.seed = 11;
    options.incidents = 80;
    options.now = Now;
    m_server = std::make_unique<SimServer>(options);
    m_clock = m_server->tenant().referenceNow();
    m_server->tenant().setHuntingClock([this] { return m_clock; });
    QVERIFY(m_server->listen());
    QCOMPARE(m_server->blobEndpoint().toString(),
             m_server->baseUrl().toString() + QStringLiteral("/vigildemo"));
}

HttpResult TestSimBlobs::get(const QString &path, const QString &query,
                             const QList<std::pair<QByteArray, QByteArray>> &headers,
                             const QByteArray &verb)
{
    QUrl url(m_server->blobEndpoint().toString() + path);
    url.setQuery(query, QUrl::StrictMode);
    QNetworkRequest request(url);
    request.setRawHeader("x-ms-version", "2021-08-06");
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    // A custom "HEAD" would wait for the body that Content-Length announces.
    std::unique_ptr<QNetworkReply> reply(
            verb == "HEAD" ? m_network.head(request) : m_network.sendCustomRequest(request, verb));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(20000);
    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    return result;
}

QString TestSimBlobs::lastBlob(const QString &container)
{
    const HttpResult list = get(u'/' + container, QStringLiteral("restype=container&comp=list&")
                                                          + m_server->blobSas());
    return list.elements("Name").value(list.elements("Name").size() - 1);
}

void TestSimBlobs::listContainers()
{
    QSignalSpy served(m_server.get(), &SimServer::requestServed);
    const HttpResult result = get(QString(), QStringLiteral("comp=list&") + m_server->blobSas());
    QCOMPARE(result.status, 200);
    // The request log names the call but not the SAS signature, a credential.
    QVERIFY(!served.isEmpty());
    const QString logged = served.last().first().toString();
    QVERIFY2(logged.contains(QStringLiteral("comp=list")), qPrintable(logged));
    QVERIFY2(logged.contains(QStringLiteral("sig=REDACTED")), qPrintable(logged));
    const QString signature = QUrlQuery(m_server->blobSas())
                                      .queryItemValue(QStringLiteral("sig"), QUrl::FullyDecoded);
    QVERIFY(!signature.isEmpty());
    QVERIFY2(!logged.contains(signature), qPrintable(logged));
    QVERIFY(result.header("Content-Type").startsWith("application/xml"));
    const QStringList names = result.elements("Name");
    for (const char *table :
         {"deviceprocessevents", "devicenetworkevents", "devicefileevents", "devicelogonevents",
          "deviceinfo", "emailevents", "identitylogonevents"}) {
        QVERIFY2(names.contains(QStringLiteral("insights-logs-advancedhunting-")
                                + QLatin1String(table)),
                 table);
    }
    // Tables without rows are not streamed: no container.
    QVERIFY(!names.contains(QStringLiteral("insights-logs-advancedhunting-cloudappevents")));
    const HttpResult prefixed
            = get(QString(), QStringLiteral("comp=list&prefix=insights-logs-advancedhunting-email&")
                                     + m_server->blobSas());
    QCOMPARE(prefixed.elements("Name"),
             QStringList{QStringLiteral("insights-logs-advancedhunting-emailevents")});
}

void TestSimBlobs::listBlobsPagesWithMarkers()
{
    const QString path = u'/' + ProcessContainer;
    const HttpResult all
            = get(path, QStringLiteral("restype=container&comp=list&") + m_server->blobSas());
    QCOMPARE(all.status, 200);
    const QStringList names = all.elements("Name");
    // Seven days of hours, one blob each (a quiet hour may have none).
    QVERIFY2(names.size() >= 150 && names.size() <= 170, qPrintable(QString::number(names.size())));
    const QRegularExpression pattern(
            QStringLiteral("^tenantId=%1/y=\\d{4}/m=\\d\\d/d=\\d\\d/h=\\d\\d/m=00/PT1H\\.json$")
                    .arg(m_server->tenantId()));
    for (const QString &name : names)
        QVERIFY2(pattern.match(name).hasMatch(), qPrintable(name));
    QVERIFY(std::is_sorted(names.begin(), names.end()));
    QCOMPARE(all.elements("BlobType").first(), QStringLiteral("AppendBlob"));
    QCOMPARE(all.elements("NextMarker"), QStringList{QString()});

    QStringList paged;
    QString marker;
    int pages = 0;
    do {
        QString query = QStringLiteral("restype=container&comp=list&maxresults=40&");
        if (!marker.isEmpty())
            query += QStringLiteral("marker=")
                     + QString::fromLatin1(QUrl::toPercentEncoding(marker)) + u'&';
        const HttpResult page = get(path, query + m_server->blobSas());
        QCOMPARE(page.status, 200);
        QVERIFY(page.elements("Name").size() <= 40);
        paged += page.elements("Name");
        marker = page.elements("NextMarker").value(0);
        ++pages;
    } while (!marker.isEmpty() && pages < 20);
    QCOMPARE(paged, names);
    QCOMPARE(pages, static_cast<int>((names.size() + 39) / 40));

    // One day through the prefix.
    const QString day = names.first().section(u'/', 0, 3) + u'/';
    const HttpResult oneDay = get(path, QStringLiteral("restype=container&comp=list&prefix=")
                                                + QString::fromLatin1(QUrl::toPercentEncoding(day))
                                                + u'&' + m_server->blobSas());
    QVERIFY(!oneDay.elements("Name").isEmpty());
    for (const QString &name : oneDay.elements("Name"))
        QVERIFY(name.startsWith(day));
    QVERIFY(get(path,
                QStringLiteral("restype=container&comp=list&marker=junk&") + m_server->blobSas())
                    .status
            == 400);
}

void TestSimBlobs::blobLinesAreStreamingRecords()
{
    const QString blob = lastBlob(ProcessContainer);
    const HttpResult result = get(u'/' + ProcessContainer + u'/' + blob, m_server->blobSas());
    QCOMPARE(result.status, 200);
    QVERIFY(result.body.endsWith('\n'));
    const QList<QByteArray> lines = result.body.trimmed().split('\n');
    QVERIFY(!lines.isEmpty());
    const HuntTable *table
            = m_server->tenant().hunting().table(QStringLiteral("DeviceProcessEvents"));
    for (const QByteArray &line : lines) {
        QJsonParseError error{};
        const QJsonObject record = QJsonDocument::fromJson(line, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(record.value(QLatin1String("operationName")).toString(),
                 QStringLiteral("Publish"));
        QCOMPARE(record.value(QLatin1String("category")).toString(),
                 QStringLiteral("AdvancedHunting-DeviceProcessEvents"));
        QCOMPARE(record.value(QLatin1String("tenantId")).toString(), m_server->tenantId());
        QVERIFY(record.contains(QLatin1String("_TimeReceivedBySvc")));
        const QString time = record.value(QLatin1String("time")).toString();
        // The blob's hour is the hour of the records' time.
        QCOMPARE(QStringLiteral("h=") + time.mid(11, 2), blob.section(u'/', 4, 4));
        const QJsonObject properties = record.value(QLatin1String("properties")).toObject();
        QCOMPARE(properties.size(), table->columns.size());
        QVERIFY(properties.value(QLatin1String("ReportId")).isDouble());
        QVERIFY(properties.value(QLatin1String("Timestamp")).toString() <= time);
        QVERIFY(time <= formatTicks(m_clock));
    }
}

void TestSimBlobs::rangedReads()
{
    const QString path = u'/' + ProcessContainer + u'/' + lastBlob(ProcessContainer);
    const QByteArray whole = get(path, m_server->blobSas()).body;
    QVERIFY(whole.size() > 100);
    HttpResult part = get(path, m_server->blobSas(), {{"Range", "bytes=10-59"}});
    QCOMPARE(part.status, 206);
    QCOMPARE(part.body, whole.mid(10, 50));
    QCOMPARE(part.header("Content-Range"), "bytes 10-59/" + QByteArray::number(whole.size()));
    // x-ms-range wins over Range.
    part = get(path, m_server->blobSas(), {{"Range", "bytes=0-4"}, {"x-ms-range", "bytes=20-"}});
    QCOMPARE(part.status, 206);
    QCOMPARE(part.body, whole.mid(20));
    part = get(path, m_server->blobSas(),
               {{"x-ms-range", "bytes=" + QByteArray::number(whole.size()) + '-'}});
    QCOMPARE(part.status, 416);
    QCOMPARE(part.header("Content-Range"), "bytes */" + QByteArray::number(whole.size()));
    QCOMPARE(part.header("x-ms-error-code"), QByteArray("InvalidRange"));
}

void TestSimBlobs::blobProperties()
{
    const QString path = u'/' + ProcessContainer + u'/' + lastBlob(ProcessContainer);
    const HttpResult whole = get(path, m_server->blobSas());
    const HttpResult head = get(path, m_server->blobSas(), {}, "HEAD");
    QCOMPARE(head.status, 200);
    QVERIFY(head.body.isEmpty());
    QCOMPARE(head.header("Content-Length"), QByteArray::number(whole.body.size()));
    QCOMPARE(head.header("x-ms-blob-type"), QByteArray("AppendBlob"));
    QVERIFY(head.header("ETag").startsWith("\"0x8DC"));
    QCOMPARE(head.header("ETag"), whole.header("ETag"));
    QVERIFY(head.header("Last-Modified").endsWith(" GMT"));
    // The list shows the same length and (unquoted) ETag.
    const HttpResult list
            = get(u'/' + ProcessContainer,
                  QStringLiteral("restype=container&comp=list&") + m_server->blobSas());
    QCOMPARE(list.elements("Content-Length").last(), QString::number(whole.body.size()));
    QCOMPARE(u'"' + list.elements("Etag").last() + u'"', QString::fromLatin1(head.header("ETag")));
}

void TestSimBlobs::credentialsAreChecked_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QByteArray>("code");
    const QString sas = m_server ? m_server->blobSas() : QString();
    QTest::newRow("no SAS") << QString() << QByteArray("AuthenticationFailed");
    QString tampered = sas;
    tampered.replace(QStringLiteral("sp=rl"), QStringLiteral("sp=rwdl"));
    QTest::newRow("permissions changed") << tampered << QByteArray("AuthenticationFailed");
    QString badSignature = sas;
    badSignature.replace(QRegularExpression(QStringLiteral("sig=[^&]*")),
                         QStringLiteral("sig=c2lnbmF0dXJl"));
    QTest::newRow("wrong signature") << badSignature << QByteArray("AuthenticationFailed");
    QTest::newRow("markup") << QStringLiteral("sig=%3Cscript%3E&sp=rl")
                            << QByteArray("AuthenticationFailed");
}

void TestSimBlobs::credentialsAreChecked()
{
    QFETCH(QString, query);
    QFETCH(QByteArray, code);
    const HttpResult result
            = get(u'/' + ProcessContainer, QStringLiteral("restype=container&comp=list&") + query);
    QCOMPARE(result.status, 403);
    QCOMPARE(result.header("x-ms-error-code"), code);
    QCOMPARE(result.elements("Code"), QStringList{QString::fromLatin1(code)});
    QVERIFY(result.elements("Message").value(0).startsWith(
            QLatin1String("Server failed to authenticate the request.")));
}

void TestSimBlobs::missingContainerAndBlob()
{
    HttpResult result = get(QStringLiteral("/insights-logs-advancedhunting-cloudappevents"),
                            QStringLiteral("restype=container&comp=list&") + m_server->blobSas());
    QCOMPARE(result.status, 404);
    QCOMPARE(result.header("x-ms-error-code"), QByteArray("ContainerNotFound"));
    result = get(u'/' + ProcessContainer + QStringLiteral("/tenantId=x/y=2001/PT1H.json"),
                 m_server->blobSas());
    QCOMPARE(result.status, 404);
    QCOMPARE(result.elements("Code"), QStringList{QStringLiteral("BlobNotFound")});
}

void TestSimBlobs::currentHourBlobGrows()
{
    const QString path = u'/' + ProcessContainer + u'/' + lastBlob(ProcessContainer);
    const HttpResult before = get(path, m_server->blobSas());
    // Rows of the last minutes arrive a little later: the hour's blob grows, as an append blob.
    m_clock += 4 * TicksPerMinute;
    const HttpResult after = get(path, m_server->blobSas());
    QCOMPARE(after.status, 200);
    QVERIFY2(after.body.size() > before.body.size(),
             qPrintable(QStringLiteral("%1 -> %2").arg(before.body.size()).arg(after.body.size())));
    QVERIFY(after.body.startsWith(before.body));
    QVERIFY(after.header("ETag") != before.header("ETag"));
    // Reading on from the old length gives only the new lines.
    const HttpResult tail
            = get(path, m_server->blobSas(),
                  {{"x-ms-range", "bytes=" + QByteArray::number(before.body.size()) + '-'}});
    QCOMPARE(tail.status, 206);
    QCOMPARE(tail.body, after.body.mid(before.body.size()));
    QVERIFY(tail.body.endsWith('\n'));
    m_clock = m_server->tenant().referenceNow();
}

QTEST_MAIN(TestSimBlobs)
#include "tst_simblobs.moc"
