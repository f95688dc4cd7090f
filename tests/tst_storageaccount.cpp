// StorageAccount: the account URLs a user may give, the secrets, Shared Key signing as Azure
// documents it, and that no secret leaks into what is shown.

#include "blobclient.h"
#include "storageaccount.h"

#include <QNetworkRequest>
#include <QTest>

using namespace Vigil;

class TestStorageAccount : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void endpoints_data();
    void endpoints();
    void secrets_data();
    void secrets();
    void sasIsAppendedToTheQuery();
    void sharedKeyStringToSign();
    void sharedKeyOfAnEmulatorRequest();
    void redactsSignatures();
    void parsesBlobLists();
    void refusesWhatIsNotABlobList();
};

void TestStorageAccount::endpoints_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("account");
    QTest::newRow("azure") << QStringLiteral("https://contoso.blob.core.windows.net") << true
                           << QStringLiteral("contoso");
    QTest::newRow("trailing slash, spaces")
            << QStringLiteral("  https://Contoso.blob.core.windows.net/ ") << true
            << QStringLiteral("contoso");
    QTest::newRow("us gov") << QStringLiteral("https://gov1.blob.core.usgovcloudapi.net") << true
                            << QStringLiteral("gov1");
    QTest::newRow("azurite") << QStringLiteral("http://127.0.0.1:10000/devstoreaccount1") << true
                             << QStringLiteral("devstoreaccount1");
    QTest::newRow("azurite localhost") << QStringLiteral("http://localhost:10000/devstoreaccount1/")
                                       << true << QStringLiteral("devstoreaccount1");
    QTest::newRow("http elsewhere")
            << QStringLiteral("http://contoso.blob.core.windows.net") << false << QString();
    QTest::newRow("sas in the url")
            << QStringLiteral("https://contoso.blob.core.windows.net?sv=2021&sig=abc") << false
            << QString();
    QTest::newRow("container in the url")
            << QStringLiteral("https://contoso.blob.core.windows.net/insights-logs") << false
            << QString();
    QTest::newRow("emulator without account")
            << QStringLiteral("http://127.0.0.1:10000") << false << QString();
    QTest::newRow("not a url") << QStringLiteral("contoso") << false << QString();
    QTest::newRow("user info") << QStringLiteral(
            "https://me:s3cretPW@contoso.blob.core.windows.net")
                               << false << QString();
    QTest::newRow("user info, emulator")
            << QStringLiteral("http://me:s3cretPW@127.0.0.1:10000/devstoreaccount1") << false
            << QString();
    QTest::newRow("ftp") << QStringLiteral("ftp://contoso.blob.core.windows.net") << false
                         << QString();
    QTest::newRow("markup") << QStringLiteral("https://<b>x</b>.blob.core.windows.net") << false
                            << QString();
}

void TestStorageAccount::endpoints()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, account);
    const Result<StorageAccount> made = StorageAccount::create(
            text, StorageAccount::CredentialKind::Sas, QStringLiteral("sv=2021-08-06&sig=abc"));
    QCOMPARE(made.ok(), valid);
    if (valid) {
        QCOMPARE(made->accountName, account);
        QVERIFY(!made->endpoint.toString().endsWith(QLatin1Char('/')));
    } else {
        QCOMPARE(made.error().kind, Error::Kind::Config);
        QVERIFY(!made.error().message.contains(QLatin1String("sig=abc")));
        // A password given in the URL is never repeated back.
        QVERIFY2(!made.error().message.contains(QLatin1String("s3cret")),
                 qPrintable(made.error().message));
    }
}

void TestStorageAccount::secrets_data()
{
    QTest::addColumn<bool>("isKey");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("kept");
    QTest::newRow("sas") << false << QStringLiteral("sv=2021-08-06&sp=rl&sig=a%2Bb") << true
                         << QStringLiteral("sv=2021-08-06&sp=rl&sig=a%2Bb");
    QTest::newRow("sas with ?") << false << QStringLiteral(" ?sv=2021-08-06&sig=x\n") << true
                                << QStringLiteral("sv=2021-08-06&sig=x");
    QTest::newRow("sas without signature")
            << false << QStringLiteral("sv=2021-08-06&sp=rl") << false << QString();
    QTest::newRow("empty sas") << false << QStringLiteral("?") << false << QString();
    QTest::newRow("a url, not a sas")
            << false << QStringLiteral("https://x.blob.core.windows.net/?sig=1 a") << false
            << QString();
    QTest::newRow("key") << true << QStringLiteral("a2V5a2V5a2V5") << true
                         << QStringLiteral("a2V5a2V5a2V5");
    QTest::newRow("key not base64") << true << QStringLiteral("not base64!") << false << QString();
    QTest::newRow("empty key") << true << QString() << false << QString();
}

void TestStorageAccount::secrets()
{
    QFETCH(bool, isKey);
    QFETCH(QString, secret);
    QFETCH(bool, valid);
    QFETCH(QString, kept);
    const Result<StorageAccount> made
            = StorageAccount::create(QStringLiteral("https://contoso.blob.core.windows.net"),
                                     isKey ? StorageAccount::CredentialKind::AccountKey
                                           : StorageAccount::CredentialKind::Sas,
                                     secret);
    QCOMPARE(made.ok(), valid);
    if (valid)
        QCOMPARE(made->secret, kept);
    else if (secret.size() > 3)
        QVERIFY2(!made.error().message.contains(secret.trimmed()),
                 qPrintable(made.error().message));
}

void TestStorageAccount::sasIsAppendedToTheQuery()
{
    const StorageAccount account
            = StorageAccount::create(QStringLiteral("https://contoso.blob.core.windows.net"),
                                     StorageAccount::CredentialKind::Sas,
                                     QStringLiteral("?sv=2021-08-06&sp=rl&sig=a%2Bb%2F%3D"))
                      .value();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("restype"), QStringLiteral("container"));
    query.addQueryItem(QStringLiteral("comp"), QStringLiteral("list"));
    QNetworkRequest request(account.containerUrl(QStringLiteral("insights-logs-x"), query));
    account.authorize(request, "GET", 0, QDateTime::currentDateTimeUtc());
    QCOMPARE(request.url().toString(QUrl::FullyEncoded),
             QStringLiteral("https://contoso.blob.core.windows.net/insights-logs-x?restype="
                            "container&comp=list&sv=2021-08-06&sp=rl&sig=a%2Bb%2F%3D"));
    QVERIFY(!request.hasRawHeader("Authorization"));
    QCOMPARE(displayUrl(request.url()),
             QStringLiteral("https://contoso.blob.core.windows.net/insights-logs-x"));
}

void TestStorageAccount::sharedKeyStringToSign()
{
    // The layout Azure documents for Shared Key (version 2015-02-21 and later): a GET has an
    // empty Content-Length line; x-ms- headers sorted; query parameters sorted, lower case.
    QNetworkRequest request(QUrl(QStringLiteral(
            "https://myaccount.blob.core.windows.net/mycontainer?restype=container&comp=list"
            "&prefix=y%3D2026&maxresults=2")));
    request.setRawHeader("x-ms-version", "2021-08-06");
    request.setRawHeader("x-ms-date", "Sun, 06 Dec 2026 07:00:00 GMT");
    request.setRawHeader("Range", "bytes=10-");
    const QByteArray expected = "GET\n\n\n\n\n\n\n\n\n\n\nbytes=10-\n"
                                "x-ms-date:Sun, 06 Dec 2026 07:00:00 GMT\n"
                                "x-ms-version:2021-08-06\n"
                                "/myaccount/mycontainer\n"
                                "comp:list\n"
                                "maxresults:2\n"
                                "prefix:y=2026\n"
                                "restype:container";
    QCOMPARE(Vigil::sharedKeyStringToSign(request, "GET", 0, QStringLiteral("myaccount")),
             expected);
    // A body's length is signed; a zero length is an empty line.
    const QByteArray put
            = Vigil::sharedKeyStringToSign(request, "put", 42, QStringLiteral("myaccount"));
    QVERIFY(put.startsWith("PUT\n\n\n42\n"));
}

void TestStorageAccount::sharedKeyOfAnEmulatorRequest()
{
    // Path style: the account is named twice, once as the account and once in the path.
    const StorageAccount account
            = StorageAccount::create(QStringLiteral("http://127.0.0.1:10000/devstoreaccount1"),
                                     StorageAccount::CredentialKind::AccountKey,
                                     QStringLiteral("a2V5"))
                      .value();
    QNetworkRequest request(
            account.blobUrl(QStringLiteral("c"), QStringLiteral("y=2026/PT1H.json")));
    const QDateTime now(QDate(2026, 12, 6), QTime(7, 0), Qt::UTC);
    account.authorize(request, "GET", 0, now);
    QCOMPARE(request.rawHeader("x-ms-date"), QByteArray("Sun, 06 Dec 2026 07:00:00 GMT"));
    const QByteArray toSign = Vigil::sharedKeyStringToSign(request, "GET", 0, account.accountName);
    QVERIFY2(toSign.endsWith("\n/devstoreaccount1/devstoreaccount1/c/y=2026/PT1H.json"),
             toSign.constData());
    QCOMPARE(request.rawHeader("Authorization"),
             "SharedKey devstoreaccount1:" + sharedKeySignature(toSign, "a2V5"));
    // HMAC-SHA256 under the decoded key, base64 (RFC 4231 test case 2: key "Jefe").
    QCOMPARE(sharedKeySignature("what do ya want for nothing?", QByteArray("Jefe").toBase64()),
             QByteArray::fromHex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
                     .toBase64());
}

void TestStorageAccount::redactsSignatures()
{
    const QString text = QStringLiteral(
            "Error transferring https://a.blob.core.windows.net/c?sv=1&sig=AbC%2B%3D&sp=rl - "
            "server replied: Forbidden; key Zm9vYmFyYmF6cXV4");
    const QString redacted = redactSecrets(text, QStringLiteral("Zm9vYmFyYmF6cXV4"));
    QVERIFY(!redacted.contains(QLatin1String("AbC")));
    QVERIFY(!redacted.contains(QLatin1String("Zm9vYmFyYmF6cXV4")));
    QVERIFY(redacted.contains(QLatin1String("sig=REDACTED&sp=rl")));
}

void TestStorageAccount::parsesBlobLists()
{
    const QByteArray xml = R"(<?xml version="1.0" encoding="utf-8"?>
<EnumerationResults ServiceEndpoint="https://a.blob.core.windows.net/" ContainerName="c">
  <MaxResults>2</MaxResults>
  <Blobs>
    <Blob><Name>y=2026/m=12/d=06/h=07/m=00/PT1H.json</Name>
      <Properties><Creation-Time>Sun, 06 Dec 2026 07:00:01 GMT</Creation-Time>
        <Last-Modified>Sun, 06 Dec 2026 07:59:59 GMT</Last-Modified>
        <Etag>0x8DCAFE</Etag><Content-Length>12345</Content-Length>
        <BlobType>AppendBlob</BlobType></Properties></Blob>
    <Blob><Name>&lt;odd&gt; &amp; name</Name>
      <Properties><Etag>"0x1"</Etag><Content-Length>0</Content-Length>
        <BlobType>BlockBlob</BlobType></Properties></Blob>
  </Blobs>
  <NextMarker>2!84!MDAwMDI0</NextMarker>
</EnumerationResults>)";
    const Result<BlobListPage> page = parseBlobList(xml);
    QVERIFY(page.ok());
    QCOMPARE(page->blobs.size(), 2);
    QCOMPARE(page->blobs.at(0).name, QStringLiteral("y=2026/m=12/d=06/h=07/m=00/PT1H.json"));
    QCOMPARE(page->blobs.at(0).length, 12345);
    QCOMPARE(page->blobs.at(0).etag, QStringLiteral("0x8DCAFE"));
    QCOMPARE(page->blobs.at(0).created, QDateTime(QDate(2026, 12, 6), QTime(7, 0, 1), Qt::UTC));
    QCOMPARE(page->blobs.at(0).lastModified,
             QDateTime(QDate(2026, 12, 6), QTime(7, 59, 59), Qt::UTC));
    QCOMPARE(page->blobs.at(0).blobType, QStringLiteral("AppendBlob"));
    QCOMPARE(page->blobs.at(1).name, QStringLiteral("<odd> & name"));
    QCOMPARE(page->nextMarker, QStringLiteral("2!84!MDAwMDI0"));
}

void TestStorageAccount::refusesWhatIsNotABlobList()
{
    QVERIFY(!parseBlobList("{\"value\": []}").ok());
    QVERIFY(!parseBlobList("<EnumerationResults><Blobs><Blob>").ok());
    QVERIFY(!parseBlobList("<html><body>proxy login</body></html>").ok());
    QCOMPARE(parseBlobList("<html/>").error().kind, Error::Kind::Parse);
}

QTEST_GUILESS_MAIN(TestStorageAccount)
#include "tst_storageaccount.moc"
