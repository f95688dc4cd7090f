// externaldata end to end: a feed server on loopback started by the test, the fetcher with its
// allow-list, limits and on-disk cache, the runner over the fetched rows, the window's controller
// (fetch off the GUI thread, Cancel) and vigilctl. Result columns are checked against Microsoft's
// analyzer (tools/kql-oracle) where it is installed.
#include "binder.h"
#include "eventstore.h"
#include "externaldata.h"
#include "feedfetcher.h"
#include "feedsettings.h"
#include "huntingcontroller.h"
#include "huntingrunner.h"
#include "huntingschema.h"
#include "kqltime.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Vigil;
using namespace Vigil::Kql;

namespace {

/** How the feed server answers one path. */
struct Route
{
    Route(int code = 200, QByteArray content = {})
        : status(code)
        , body(std::move(content))
    { }
    int status = 200;
    QByteArray body;
    QByteArray raw; ///< written as is instead of an HTTP answer, then the connection closes
    bool hang = false; ///< never answers
    bool closeDelimited = false; ///< no Content-Length: the body ends when the connection closes
    QByteArray location; ///< a redirect's target
    QByteArray contentLength; ///< a Content-Length to claim instead of the body's

    static Route garbage(QByteArray bytes)
    {
        Route r;
        r.raw = std::move(bytes);
        return r;
    }
    static Route never()
    {
        Route r;
        r.hang = true;
        return r;
    }
    static Route streamed(QByteArray content)
    {
        Route r(200, std::move(content));
        r.closeDelimited = true;
        return r;
    }
    static Route claiming(QByteArray length)
    {
        Route r(200, "x");
        r.contentLength = std::move(length);
        return r;
    }
    static Route redirect(int code, QByteArray target)
    {
        Route r(code);
        r.location = std::move(target);
        return r;
    }
};

/** A small HTTP/1.1 server on 127.0.0.1: one answer per connection, from its routes. */
class FeedServer : public QObject
{
public:
    FeedServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    QString url(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path);
    }
    void route(const QString &path, const Route &route) { m_routes.insert(path, route); }
    int hits(const QString &path) const { return m_hits.value(path); }
    void close() { m_server.close(); }

private:
    void serve(QTcpSocket *socket)
    {
        QByteArray request = socket->property("request").toByteArray() + socket->readAll();
        socket->setProperty("request", request);
        if (!request.contains("\r\n\r\n"))
            return;
        const QList<QByteArray> line = request.left(request.indexOf("\r\n")).split(' ');
        const QString path = QString::fromLatin1(line.value(1));
        m_hits[path] += 1;
        const Route route = m_routes.value(path, Route(404, "not found"));
        if (route.hang)
            return;
        if (!route.raw.isEmpty()) {
            socket->write(route.raw);
            socket->disconnectFromHost();
            return;
        }
        QByteArray answer = "HTTP/1.1 " + QByteArray::number(route.status) + " Status\r\n";
        if (!route.location.isEmpty())
            answer += "Location: " + route.location + "\r\n";
        if (!route.closeDelimited)
            answer += "Content-Length: "
                      + (route.contentLength.isEmpty() ? QByteArray::number(route.body.size())
                                                       : route.contentLength)
                      + "\r\n";
        answer += "Connection: close\r\nContent-Type: text/plain\r\n\r\n";
        socket->write(answer);
        if (route.contentLength.isEmpty())
            socket->write(route.body);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QString, Route> m_routes;
    QHash<QString, int> m_hits;
};

QStringList texts(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *item : items)
        out.append(QString::fromUtf8(item));
    return out;
}

struct Outcome
{
    HuntingResult result;
    QList<HuntingRow> rows;
};

} // namespace

Q_DECLARE_METATYPE(Route)

class TestKqlExternalData : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void formats_data();
    void formats();
    void typedColumnsConvertAsKusto();
    void severalUrlsAndLetAndJoin();
    void ignoreLastRecordDropsEachFilesLast();
    void jsonIngestionMappingReadsPaths();
    void hostNotAllowedIsRefusedByName();
    void onlyHttpsOrLoopback();
    void serverErrorsNameTheUrl_data();
    void serverErrorsNameTheUrl();
    void badJsonNamesTheUrl();
    void tooLargeStopsTheFetch();
    void slowServerHitsTheTimeLimit();
    void redirectToAnotherHostIsRefused();
    void failedFetchUsesTheCachedCopyAndSaysHowOld();
    void offlineUsesTheCacheOrNamesTheUrl();
    void controlCharactersAndMarkupStayData();
    void unsupportedPropertiesAreRefusedByName();
    void columnsAreTheOraclesColumns();
    void controllerFetchesOffTheGuiThreadAndCancels();
    void vigilctlAllowListAndOffline();

private:
    /** Fetches the query's feeds with settings, then runs it. */
    Outcome run(const QString &query, const FeedSettings &settings);
    FeedSettings allowLoopback() const;
    QProcess *vigilctl(const QStringList &args);

    QTemporaryDir m_dir;
    QString m_db;
    FeedServer m_server;
};

void TestKqlExternalData::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath(QStringLiteral("events.sqlite"));
    auto store = openEventStore(m_db);
    QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
    store.value()->close();
    QVERIFY(m_server.listen());
}

void TestKqlExternalData::init()
{
    // Every test starts without cached copies or saved settings.
    QDir(FeedSettings::cacheDir(m_dir.path())).removeRecursively();
    QFile::remove(FeedSettings::settingsPath(m_dir.path()));
}

FeedSettings TestKqlExternalData::allowLoopback() const
{
    FeedSettings settings;
    settings.allowedHosts = {QStringLiteral("127.0.0.1")};
    settings.timeoutSeconds = 10;
    return settings;
}

Outcome TestKqlExternalData::run(const QString &query, const FeedSettings &settings)
{
    Outcome outcome;
    const QueryAnalysis analysis = analyzeQuery(query, HuntingSchema::defender());
    if (!analysis.ok()) {
        outcome.result.status = HuntingResult::Status::Refused;
        outcome.result.refusal = analysis.errors.first();
        return outcome;
    }
    KqlError error;
    const std::optional<CompiledQuery> compiled = compileToSql(analysis, &error);
    HuntingOptions options;
    if (compiled) {
        FeedFetcher fetcher(m_dir.path());
        bool done = false;
        ExternalFeeds feeds;
        fetcher.fetch(externalDataUrls(*compiled), settings,
                      [&](const ExternalFeeds &fetched, bool) {
                          feeds = fetched;
                          done = true;
                      });
        if (!QTest::qWaitFor([&] { return done; }, 30000))
            qWarning("the fetch did not finish");
        options.feeds = std::make_shared<const ExternalFeeds>(feeds);
    }
    HuntingRunner runner(m_db);
    outcome.result = runner.run(query, options, [&](const QList<HuntingRow> &page) {
        outcome.rows += page;
        return true;
    });
    return outcome;
}

void TestKqlExternalData::formats_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ignoreFirst");
    QTest::addColumn<QStringList>("expected"); // "a|b" per row

    QTest::newRow("csv quoting") << QStringLiteral("csv")
                                 << QByteArray("x,1\r\n\"a,b\",2\n\"say \"\"hi\"\"\",3\n"
                                               "\"two\nlines\",4\n\nshort\n")
                                 << false
                                 << texts({"x|1", "a,b|2", "say \"hi\"|3", "two\nlines|4",
                                           "short|null"});
    QTest::newRow("csv header skipped")
            << QStringLiteral("csv") << QByteArray("Name,Count\nx,1\ny,2") << true
            << texts({"x|1", "y|2"});
    QTest::newRow("tsv") << QStringLiteral("tsv") << QByteArray("a b\t1\nc,d\t2\n") << false
                         << texts({"a b|1", "c,d|2"});
    QTest::newRow("scsv") << QStringLiteral("scsv") << QByteArray("h;0\na,b;1\n") << true
                          << texts({"a,b|1"});
    QTest::newRow("psv") << QStringLiteral("psv") << QByteArray("a|1\n") << false << texts({"a|1"});
    QTest::newRow("txt") << QStringLiteral("txt")
                         << QByteArray("# list\r\n1.2.3.4\r\n\r\nevil.example, x\n") << true
                         << texts({"1.2.3.4|null", "evil.example, x|null"});
    QTest::newRow("json lines") << QStringLiteral("json")
                                << QByteArray("{\"Name\":\"a\",\"Count\":1}\n\n"
                                              "{\"Count\":\"2\",\"Name\":\"b\",\"x\":[1]}\n")
                                << false << texts({"a|1", "b|2"});
    QTest::newRow("multijson array")
            << "multijson" << QByteArray("[{\"Name\":\"a\",\"Count\":1},\n {\"Name\":\"b\"}]")
            << false << texts({"a|1", "b|null"});
    QTest::newRow("multijson objects")
            << "multijson"
            << QByteArray("{\"Name\":\"h\"}{\"Name\":\"a\",\n\"Count\":5}\n  {\"Name\":\"b}\"}")
            << true << texts({"a|5", "b}|null"});
}

void TestKqlExternalData::formats()
{
    QFETCH(QString, format);
    QFETCH(QByteArray, body);
    QFETCH(bool, ignoreFirst);
    QFETCH(QStringList, expected);
    const QString path = QStringLiteral("/formats/")
                         + QString::fromLatin1(QTest::currentDataTag())
                                   .replace(QLatin1Char(' '), QLatin1Char('-'));
    m_server.route(path, Route(200, body));
    const QString query
            = QStringLiteral("externaldata (Name:string, Count:long) [@'%1'] with (format='%2', "
                             "ignoreFirstRecord=%3)")
                      .arg(m_server.url(path), format,
                           ignoreFirst ? QStringLiteral("true") : QStringLiteral("false"));
    const Outcome outcome = run(query, allowLoopback());
    QVERIFY2(outcome.result.status == HuntingResult::Status::Ok,
             qPrintable(outcome.result.error + outcome.result.refusal.message));
    QStringList got;
    for (const HuntingRow &row : outcome.rows)
        got.append(row.value(0).toString() + QLatin1Char('|')
                   + (row.value(1).isValid() ? row.value(1).toString() : QStringLiteral("null")));
    QCOMPARE(got, expected);
    QCOMPARE(outcome.result.feedAgeMs, qint64(-1)); // fetched now, not a kept copy
    // The fetched copy is kept with its time and size.
    const std::optional<CachedFeed> kept
            = FeedCache(FeedSettings::cacheDir(m_dir.path())).info(m_server.url(path));
    QVERIFY(kept);
    QCOMPARE(kept->bytes, qint64(body.size()));
    QVERIFY(qAbs(kept->fetchedAtMs - QDateTime::currentMSecsSinceEpoch()) < 600000);
}

void TestKqlExternalData::typedColumnsConvertAsKusto()
{
    m_server.route(QStringLiteral("/typed.csv"),
                   {200, "42,1.5,true,2024-01-02T03:04:05Z,01:30:00,\"{\"\"a\"\":1}\",plain,7\n"
                         "x,NaNish,FALSE,not a date,later,[1,\"\"\n"
                         ",,,,,,,\n"});
    const Outcome outcome = run(
            QStringLiteral("externaldata (L:long, R:real, B:bool, D:datetime, T:timespan, "
                           "J:dynamic, S:dynamic, I:int) ['%1'] | extend JA = J.a, ST = gettype(S)")
                    .arg(m_server.url(QStringLiteral("/typed.csv"))),
            allowLoopback());
    QVERIFY2(outcome.result.status == HuntingResult::Status::Ok,
             qPrintable(outcome.result.error + outcome.result.refusal.message));
    QCOMPARE(outcome.rows.size(), 3);
    const HuntingRow &first = outcome.rows[0];
    QCOMPARE(first[0].toLongLong(), 42);
    QCOMPARE(first[1].toDouble(), 1.5);
    QCOMPARE(first[2].toBool(), true);
    QCOMPARE(first[3].toLongLong(),
             *KqlTime::parseDateTime(QStringLiteral("2024-01-02T03:04:05Z")));
    QCOMPARE(first[4].toLongLong(), 90 * KqlTime::TicksPerMinute);
    QCOMPARE(first[5].toString(), QStringLiteral("{\"a\":1}"));
    QCOMPARE(first[6].toString(), QStringLiteral("\"plain\""));
    QCOMPARE(first[7].toLongLong(), 7);
    QCOMPARE(first[8].toString(), QStringLiteral("1"));
    QCOMPARE(first[9].toString(), QStringLiteral("string"));
    // Text that does not convert is null in that cell only, as Kusto's conversions give.
    const HuntingRow &second = outcome.rows[1];
    for (int c : {0, 1, 3, 4})
        QVERIFY2(!second[c].isValid(), qPrintable(QString::number(c)));
    QCOMPARE(second[2].toBool(), false);
    QVERIFY(!second[7].isValid()); // the record ends early
    // Empty fields: null for every typed column.
    for (int c = 0; c < 8; ++c)
        QVERIFY2(!outcome.rows[2][c].isValid(), qPrintable(QString::number(c)));
}

void TestKqlExternalData::severalUrlsAndLetAndJoin()
{
    m_server.route(QStringLiteral("/a.txt"), Route(200, "cmd.exe\n"));
    m_server.route(QStringLiteral("/b.txt"), Route(200, "powershell.exe\n"));
    const QString query
            = QStringLiteral(
                      "let bad = externaldata (FileName:string) ['%1', '%2'] with (format=txt);\n"
                      "bad | join kind=leftouter (datatable(FileName:string, Hits:long) "
                      "['cmd.exe', 3]) on FileName | project FileName, Hits | order by FileName "
                      "asc")
                      .arg(m_server.url(QStringLiteral("/a.txt")),
                           m_server.url(QStringLiteral("/b.txt")));
    const Outcome outcome = run(query, allowLoopback());
    QVERIFY2(outcome.result.status == HuntingResult::Status::Ok,
             qPrintable(outcome.result.error + outcome.result.refusal.message));
    QCOMPARE(outcome.rows.size(), 2);
    QCOMPARE(outcome.rows[0][0].toString(), QStringLiteral("cmd.exe"));
    QCOMPARE(outcome.rows[0][1].toLongLong(), 3);
    QCOMPARE(outcome.rows[1][0].toString(), QStringLiteral("powershell.exe"));
    QVERIFY(!outcome.rows[1][1].isValid());
    // The format comes from the extension when none is given.
    const Outcome byName = run(QStringLiteral("externaldata (FileName:string) ['%1']")
                                       .arg(m_server.url(QStringLiteral("/a.txt"))),
                               allowLoopback());
    QCOMPARE(byName.rows.size(), 1);
}

void TestKqlExternalData::ignoreLastRecordDropsEachFilesLast()
{
    // A feed shaped like Spamhaus' DROP list (JSON lines, a metadata record last), read by the
    // hunting query that uses ignoreLastRecord; the property drops the last record of each file,
    // as ignoreFirstRecord drops the first.
    m_server.route(QStringLiteral("/drop.json"),
                   Route(200, "{\"cidr\":\"1.10.16.0/20\",\"sblid\":\"SBL1\"}\n"
                              "{\"cidr\":\"1.19.0.0/16\",\"sblid\":\"SBL2\"}\n"
                              "{\"type\":\"metadata\",\"records\":2}\n\n"));
    m_server.route(QStringLiteral("/list.csv"), Route(200, "cidr\n10.0.0.0/8\n# 1 entry\n"));
    m_server.route(QStringLiteral("/one.csv"), Route(200, "only\n"));
    m_server.route(QStringLiteral("/empty.csv"), Route(200, ""));
    auto cidrs = [this](const QString &query) {
        const Outcome outcome = run(query, allowLoopback());
        QStringList got;
        if (outcome.result.status != HuntingResult::Status::Ok)
            return QStringList{outcome.result.error + outcome.result.refusal.message};
        for (const HuntingRow &row : outcome.rows)
            got.append(row.value(0).toString());
        return got;
    };
    const QString drop = m_server.url(QStringLiteral("/drop.json"));
    QCOMPARE(cidrs(QStringLiteral("externaldata (cidr:string) [@'%1'] with (format='multijson', "
                                  "ignoreLastRecord=True)")
                           .arg(drop)),
             texts({"1.10.16.0/20", "1.19.0.0/16"}));
    QCOMPARE(cidrs(QStringLiteral("externaldata (cidr:string) [@'%1'] with (format='multijson', "
                                  "ignoreLastRecord=false)")
                           .arg(drop)),
             texts({"1.10.16.0/20", "1.19.0.0/16", ""}));
    // Each file loses its own last record; with ignoreFirstRecord both ends go.
    QCOMPARE(cidrs(QStringLiteral("externaldata (cidr:string) [@'%1', @'%2', @'%3', @'%4'] with "
                                  "(format='csv', ignoreFirstRecord=true, ignoreLastRecord=true)")
                           .arg(m_server.url(QStringLiteral("/list.csv")),
                                m_server.url(QStringLiteral("/one.csv")),
                                m_server.url(QStringLiteral("/empty.csv")),
                                m_server.url(QStringLiteral("/list.csv")))),
             texts({"10.0.0.0/8", "10.0.0.0/8"}));
    QCOMPARE(cidrs(QStringLiteral("externaldata (cidr:string) [@'%1'] with (format='txt', "
                                  "ignoreLastRecord=true)")
                           .arg(m_server.url(QStringLiteral("/one.csv")))),
             QStringList());
    const QString bad = QStringLiteral("externaldata (a:string) ['https://x.example/a'] with "
                                       "(ignoreLastRecord='sometimes')");
    const QueryAnalysis analysis = analyzeQuery(bad, HuntingSchema::defender());
    QVERIFY(analysis.ok());
    KqlError error;
    QVERIFY(!compileToSql(analysis, &error));
    QVERIFY2(error.message.contains(QLatin1String("ignoreLastRecord must be true or false")),
             qPrintable(error.message));
}

void TestKqlExternalData::jsonIngestionMappingReadsPaths()
{
    m_server.route(QStringLiteral("/drivers.json"),
                   Route(200, "[{\"Category\":\"vulnerable\",\"Samples\":[{\"SHA1\":\"ab\"}],"
                              "\"Meta\":{\"Verified\":\"TRUE\"}},"
                              "{\"Category\":\"malicious\",\"Samples\":[]}]"));
    const QString query
            = QStringLiteral(
                      "externaldata (Category:string, FirstSha1:string, Verified:bool, "
                      "Unmapped:string) "
                      "['%1'] with (format='multijson', "
                      "ingestionMapping='[{\"Column\":\"Category\","
                      "\"Properties\":{\"Path\":\"$.Category\"}},{\"Column\":\"FirstSha1\","
                      "\"Properties\":{\"Path\":\"$.Samples[0].SHA1\"}},{\"Column\":\"Verified\","
                      "\"Properties\":{\"Path\":\"$[\\'Meta\\'].Verified\"}}]')")
                      .arg(m_server.url(QStringLiteral("/drivers.json")));
    const Outcome outcome = run(query, allowLoopback());
    QVERIFY2(outcome.result.status == HuntingResult::Status::Ok,
             qPrintable(outcome.result.error + outcome.result.refusal.message));
    QCOMPARE(outcome.rows.size(), 2);
    QCOMPARE(outcome.rows[0][0].toString(), QStringLiteral("vulnerable"));
    QCOMPARE(outcome.rows[0][1].toString(), QStringLiteral("ab"));
    QCOMPARE(outcome.rows[0][2].toBool(), true);
    QCOMPARE(outcome.rows[0][3].toString(), QString()); // not in the mapping: empty
    QCOMPARE(outcome.rows[1][1].toString(), QString()); // the path finds nothing
    QVERIFY(!outcome.rows[1][2].isValid());
    // What the mapping holds beyond paths is refused by name.
    for (const QString &bad :
         {QStringLiteral("[{\"Column\":\"a\",\"Properties\":{\"Transform\":\"x\"}}]"),
          QStringLiteral("[{\"Column\":\"b\",\"Properties\":{\"Path\":\"$.b\"}}]"),
          QStringLiteral("[{\"Column\":\"a\",\"Properties\":{\"Path\":\"$..a\"}}]")}) {
        const QueryAnalysis analysis = analyzeQuery(
                QStringLiteral("externaldata (a:string) ['https://x.example/a.json'] with "
                               "(format='json', ingestionMapping='%1')")
                        .arg(bad),
                HuntingSchema::defender());
        QVERIFY(analysis.ok());
        KqlError error;
        QVERIFY2(!compileToSql(analysis, &error), qPrintable(bad));
        QVERIFY2(error.message.contains(QLatin1String("ingestionMapping")),
                 qPrintable(error.message));
    }
}

void TestKqlExternalData::hostNotAllowedIsRefusedByName()
{
    m_server.route(QStringLiteral("/ioc.csv"), Route(200, "x\n"));
    const QString url = m_server.url(QStringLiteral("/ioc.csv"));
    FeedSettings settings; // nothing allowed: the default
    const Outcome outcome
            = run(QStringLiteral("externaldata (x:string) ['%1']").arg(url), settings);
    QCOMPARE(outcome.result.status, HuntingResult::Status::Failed);
    QVERIFY2(outcome.result.error.contains(url), qPrintable(outcome.result.error));
    QVERIFY2(outcome.result.error.contains(QLatin1String("127.0.0.1 is not on the allow-list")),
             qPrintable(outcome.result.error));
    QCOMPARE(m_server.hits(QStringLiteral("/ioc.csv")), 0); // nothing was asked
    // A kept copy does not bypass the allow-list either.
    QVERIFY(FeedCache(FeedSettings::cacheDir(m_dir.path()))
                    .write(url, "x\n", QDateTime::currentMSecsSinceEpoch(), nullptr));
    QCOMPARE(run(QStringLiteral("externaldata (x:string) ['%1']").arg(url), settings).result.status,
             HuntingResult::Status::Failed);
}

void TestKqlExternalData::onlyHttpsOrLoopback()
{
    FeedSettings settings;
    settings.allowedHosts = {QStringLiteral("feeds.example.org"), QStringLiteral("*.example.net")};
    QString why;
    QVERIFY(!settings.allows(QUrl(QStringLiteral("http://feeds.example.org/x.csv")), &why));
    QVERIFY2(why.contains(QLatin1String("only https")), qPrintable(why));
    QVERIFY(!settings.allows(QUrl(QStringLiteral("ftp://feeds.example.org/x.csv")), &why));
    QVERIFY(!settings.allows(QUrl(QStringLiteral("https://u:p@feeds.example.org/x")), &why));
    QVERIFY(settings.allows(QUrl(QStringLiteral("https://feeds.example.org/x.csv")), &why));
    QVERIFY(settings.allows(QUrl(QStringLiteral("https://a.b.example.net/x")), &why));
    QVERIFY(!settings.allows(QUrl(QStringLiteral("https://example.net/x")), &why));
    QVERIFY(!settings.allows(QUrl(QStringLiteral("https://feeds.example.org.evil.com/x")), &why));
    QCOMPARE(FeedSettings::normalizeHost(QStringLiteral(" Raw.GitHubUserContent.com ")),
             QStringLiteral("raw.githubusercontent.com"));
    QVERIFY(FeedSettings::normalizeHost(QStringLiteral("a/b")).isEmpty());
    QVERIFY(FeedSettings::normalizeHost(QStringLiteral("<b>x</b>")).isEmpty());
    QVERIFY(FeedSettings::offeredHosts().contains(QStringLiteral("raw.githubusercontent.com")));
}

void TestKqlExternalData::serverErrorsNameTheUrl_data()
{
    QTest::addColumn<Route>("route");
    QTest::addColumn<QString>("says");
    QTest::newRow("500") << Route(500, "boom") << QStringLiteral("HTTP 500");
    QTest::newRow("404") << Route(404, "") << QStringLiteral("HTTP 404");
    QTest::newRow("garbage") << Route::garbage("\x01\x02 not http at all \xff\r\n\r\n")
                             << QStringLiteral("cannot fetch");
}

void TestKqlExternalData::serverErrorsNameTheUrl()
{
    QFETCH(Route, route);
    QFETCH(QString, says);
    const QString path = QStringLiteral("/err-") + QString::fromLatin1(QTest::currentDataTag());
    m_server.route(path, route);
    const QString url = m_server.url(path);
    const Outcome outcome
            = run(QStringLiteral("externaldata (x:string) ['%1']").arg(url), allowLoopback());
    QCOMPARE(outcome.result.status, HuntingResult::Status::Failed);
    QVERIFY2(outcome.result.error.contains(url), qPrintable(outcome.result.error));
    QVERIFY2(outcome.result.error.contains(says), qPrintable(outcome.result.error));
    QVERIFY2(outcome.result.error.contains(QLatin1String("no cached copy")),
             qPrintable(outcome.result.error));
}

void TestKqlExternalData::badJsonNamesTheUrl()
{
    m_server.route(QStringLiteral("/bad.json"), Route(200, "{\"a\":1}\n{not json\n"));
    const QString url = m_server.url(QStringLiteral("/bad.json"));
    const Outcome outcome
            = run(QStringLiteral("externaldata (a:long) ['%1'] with (format='json')").arg(url),
                  allowLoopback());
    QCOMPARE(outcome.result.status, HuntingResult::Status::Failed);
    QVERIFY2(outcome.result.error.contains(url), qPrintable(outcome.result.error));
    QVERIFY2(outcome.result.error.contains(QLatin1String("line 2")),
             qPrintable(outcome.result.error));
}

void TestKqlExternalData::tooLargeStopsTheFetch()
{
    FeedSettings settings = allowLoopback();
    settings.maxBytes = 1000;
    // Announced too large, and too large without announcing it.
    m_server.route(QStringLiteral("/big-announced"), Route::claiming("50000000"));
    m_server.route(QStringLiteral("/big-streamed"), Route::streamed(QByteArray(200000, 'y')));
    for (const QString &path :
         {QStringLiteral("/big-announced"), QStringLiteral("/big-streamed")}) {
        const QString url = m_server.url(path);
        const Outcome outcome
                = run(QStringLiteral("externaldata (x:string) ['%1'] with (format=txt)").arg(url),
                      settings);
        QCOMPARE(outcome.result.status, HuntingResult::Status::Failed);
        QVERIFY2(outcome.result.error.contains(url), qPrintable(outcome.result.error));
        QVERIFY2(outcome.result.error.contains(QLatin1String("size limit")),
                 qPrintable(outcome.result.error));
        QVERIFY(!FeedCache(FeedSettings::cacheDir(m_dir.path())).info(url));
    }
}

void TestKqlExternalData::slowServerHitsTheTimeLimit()
{
    FeedSettings settings = allowLoopback();
    settings.timeoutSeconds = 1;
    m_server.route(QStringLiteral("/slow"), Route::never());
    const QString url = m_server.url(QStringLiteral("/slow"));
    const Outcome outcome
            = run(QStringLiteral("externaldata (x:string) ['%1']").arg(url), settings);
    QCOMPARE(outcome.result.status, HuntingResult::Status::Failed);
    QVERIFY2(outcome.result.error.contains(url), qPrintable(outcome.result.error));
    QVERIFY2(outcome.result.error.contains(QLatin1String("time limit of 1 s")),
             qPrintable(outcome.result.error));
}

void TestKqlExternalData::redirectToAnotherHostIsRefused()
{
    m_server.route(QStringLiteral("/moved"),
                   Route::redirect(302, "https://elsewhere.example.com/x.csv"));
    const QString url = m_server.url(QStringLiteral("/moved"));
    const Outcome outcome
            = run(QStringLiteral("externaldata (x:string) ['%1']").arg(url), allowLoopback());
    QCOMPARE(outcome.result.status, HuntingResult::Status::Failed);
    QVERIFY2(outcome.result.error.contains(QLatin1String("redirects to "
                                                         "https://elsewhere.example.com/x.csv")),
             qPrintable(outcome.result.error));
    // Within the allowed host, a redirect is followed.
    m_server.route(QStringLiteral("/here"), Route(200, "ok\n"));
    m_server.route(QStringLiteral("/hop"),
                   Route::redirect(301, m_server.url(QStringLiteral("/here")).toUtf8()));
    const Outcome followed = run(QStringLiteral("externaldata (x:string) ['%1']")
                                         .arg(m_server.url(QStringLiteral("/hop"))),
                                 allowLoopback());
    QCOMPARE(followed.rows.size(), 1);
    QCOMPARE(followed.rows[0][0].toString(), QStringLiteral("ok"));
}

void TestKqlExternalData::failedFetchUsesTheCachedCopyAndSaysHowOld()
{
    const QString url = m_server.url(QStringLiteral("/flaky.csv"));
    m_server.route(QStringLiteral("/flaky.csv"), Route(200, "fresh\n"));
    const QString query = QStringLiteral("externaldata (x:string) ['%1']").arg(url);
    QCOMPARE(run(query, allowLoopback()).rows.value(0).value(0).toString(),
             QStringLiteral("fresh"));
    // The copy is three hours old when the server starts failing.
    const qint64 threeHoursAgo = QDateTime::currentMSecsSinceEpoch() - 3LL * 3600 * 1000;
    QVERIFY(FeedCache(FeedSettings::cacheDir(m_dir.path()))
                    .write(url, "kept\n", threeHoursAgo, nullptr));
    m_server.route(QStringLiteral("/flaky.csv"), Route(503, "down"));
    const Outcome outcome = run(query, allowLoopback());
    QVERIFY2(outcome.result.status == HuntingResult::Status::Ok, qPrintable(outcome.result.error));
    QCOMPARE(outcome.rows.value(0).value(0).toString(), QStringLiteral("kept"));
    QVERIFY(outcome.result.feedAgeMs >= 3LL * 3600 * 1000);
    const QString warning = outcome.result.warnings.join(QLatin1Char('\n'));
    QVERIFY2(warning.contains(url) && warning.contains(QLatin1String("(3 h old, 5 bytes)"))
                     && warning.contains(QLatin1String("HTTP 503")),
             qPrintable(warning));
}

void TestKqlExternalData::offlineUsesTheCacheOrNamesTheUrl()
{
    m_server.route(QStringLiteral("/off.csv"), Route(200, "network\n"));
    const QString url = m_server.url(QStringLiteral("/off.csv"));
    const QString query = QStringLiteral("externaldata (x:string) ['%1']").arg(url);
    FeedSettings offline = allowLoopback();
    offline.offline = true;
    // No copy yet: the error names the URL, and nothing is fetched.
    Outcome outcome = run(query, offline);
    QCOMPARE(outcome.result.status, HuntingResult::Status::Failed);
    QVERIFY2(outcome.result.error.contains(url)
                     && outcome.result.error.contains(QLatin1String("no cached copy")),
             qPrintable(outcome.result.error));
    QCOMPARE(m_server.hits(QStringLiteral("/off.csv")), 0);
    QVERIFY(FeedCache(FeedSettings::cacheDir(m_dir.path()))
                    .write(url, "cached\n", QDateTime::currentMSecsSinceEpoch() - 2 * 86400000LL,
                           nullptr));
    outcome = run(query, offline);
    QVERIFY2(outcome.result.status == HuntingResult::Status::Ok, qPrintable(outcome.result.error));
    QCOMPARE(outcome.rows.value(0).value(0).toString(), QStringLiteral("cached"));
    QVERIFY2(outcome.result.warnings.join(QString()).contains(QLatin1String("2 d old")),
             qPrintable(outcome.result.warnings.join(QString())));
    QCOMPARE(m_server.hits(QStringLiteral("/off.csv")), 0);
    // A server that is gone is offline too: the kept copy answers.
    FeedServer gone;
    QVERIFY(gone.listen());
    const QString goneUrl = gone.url(QStringLiteral("/gone.csv"));
    gone.close();
    QVERIFY(FeedCache(FeedSettings::cacheDir(m_dir.path()))
                    .write(goneUrl, "last\n", QDateTime::currentMSecsSinceEpoch(), nullptr));
    outcome = run(QStringLiteral("externaldata (x:string) ['%1']").arg(goneUrl), allowLoopback());
    QCOMPARE(outcome.rows.value(0).value(0).toString(), QStringLiteral("last"));
    QVERIFY(outcome.result.feedAgeMs >= 0);
}

void TestKqlExternalData::controlCharactersAndMarkupStayData()
{
    const QByteArray hostile = "\x1b[31m<b>red</b>\x07,<script>alert(1)</script>\n"
                               "\"\x1b]0;title\x07\",\xff\xfe bad bytes\n";
    m_server.route(QStringLiteral("/hostile.csv"), Route(200, hostile));
    const Outcome outcome = run(QStringLiteral("externaldata (a:string, b:string) ['%1']")
                                        .arg(m_server.url(QStringLiteral("/hostile.csv"))),
                                allowLoopback());
    QVERIFY2(outcome.result.status == HuntingResult::Status::Ok, qPrintable(outcome.result.error));
    QCOMPARE(outcome.rows.size(), 2);
    QCOMPARE(outcome.rows[0][0].toString(), QStringLiteral("\x1b[31m<b>red</b>\x07"));
    QCOMPARE(outcome.rows[0][1].toString(), QStringLiteral("<script>alert(1)</script>"));
    QCOMPARE(outcome.rows[1][0].toString(), QStringLiteral("\x1b]0;title\x07"));
    QCOMPARE(outcome.rows[1][1].toString(), QStringLiteral("\uFFFD\uFFFD bad bytes"));
}

void TestKqlExternalData::unsupportedPropertiesAreRefusedByName()
{
    const QStringList refused = texts({
            "externaldata (a:string) ['https://x.example/a'] with (format='parquet')",
            "externaldata (a:string) ['https://x.example/a'] with (ingestionMapping='[]')",
            "externaldata (a:string) ['https://x.example/a'] with (ignoreFirstRecord='maybe')",
            "externaldata (a:decimal) ['https://x.example/a']",
            "externaldata (a:string) ['https://x.example/a.csv', 'https://x.example/b.json']",
    });
    const QStringList names = texts({"parquet", "ingestionMapping", "maybe", "decimal", "formats"});
    for (qsizetype i = 0; i < refused.size(); ++i) {
        const QueryAnalysis analysis = analyzeQuery(refused[i], HuntingSchema::defender());
        QVERIFY2(analysis.ok(), qPrintable(refused[i]));
        KqlError error;
        QVERIFY2(!compileToSql(analysis, &error), qPrintable(refused[i]));
        QVERIFY2(error.message.contains(names[i]), qPrintable(error.message));
        QCOMPARE(error.pos.line, 1);
    }
    // A duplicate column is refused by the front end, as Kusto's analyzer does.
    QVERIFY(!analyzeQuery(QStringLiteral("externaldata (a:string, a:long) ['https://x/a']"),
                          HuntingSchema::defender())
                     .ok());
}

void TestKqlExternalData::columnsAreTheOraclesColumns()
{
    const QStringList queries = texts({
            "externaldata (DestIP:string) [@'https://x.example/ips.txt'] with "
            "(format='txt', ignoreFirstRecord=true)",
            "externaldata (a:long, b:datetime, c:dynamic, d:bool, e:real, f:timespan, g:int) "
            "['https://x.example/a.csv', 'https://x.example/b.csv']",
            "externaldata (['my col']:string) ['https://x.example/a.csv'] with (format=csv, "
            "ignoreFirstRecord=True) | where ['my col'] != '' | summarize count() by ['my col']",
            "let iocs = externaldata (SHA1:string) [h@'https://x.example/sha1.txt'] with "
            "(format='txt');\nDeviceProcessEvents | where SHA1 in (iocs) | project Timestamp, "
            "DeviceName, SHA1",
            "externaldata (Name:string, Count:long) ['https://x.example/a.json'] with "
            "(format='multijson') | join kind=inner (DeviceProcessEvents | project "
            "FileName) on $left.Name == $right.FileName",
            "externaldata (cidr:string) [@'https://x.example/drop_v4.json'] with "
            "(format='multijson', ignoreLastRecord=True) | where cidr != ''",
    });
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    const QString oracle = QStringLiteral(VIGIL_KQL_ORACLE);
    const bool haveOracle = !node.isEmpty() && QFileInfo::exists(oracle)
                            && QFileInfo::exists(QStringLiteral(VIGIL_KUSTO_LS_DIR));
    QByteArray input;
    for (qsizetype i = 0; i < queries.size(); ++i)
        input += QJsonDocument(QJsonObject{{QStringLiteral("id"), QString::number(i)},
                                           {QStringLiteral("query"), queries[i]}})
                         .toJson(QJsonDocument::Compact)
                 + '\n';
    QList<QJsonArray> expected;
    if (haveOracle) {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KUSTO_LS_DIR"), QStringLiteral(VIGIL_KUSTO_LS_DIR));
        process.setProcessEnvironment(env);
        process.start(node, {oracle, QStringLiteral("-")});
        QVERIFY(process.waitForStarted());
        process.write(input);
        process.closeWriteChannel();
        QVERIFY(process.waitForFinished(120000));
        for (const QByteArray &line : process.readAllStandardOutput().split('\n')) {
            if (line.trimmed().isEmpty())
                continue;
            const QJsonObject answer = QJsonDocument::fromJson(line).object();
            QVERIFY2(answer.value(QStringLiteral("ok")).toBool(), line.constData());
            expected.append(answer.value(QStringLiteral("columns")).toArray());
        }
        QCOMPARE(expected.size(), queries.size());
    } else if (qEnvironmentVariableIsSet("CI")) {
        QFAIL("the oracle (node and @kusto/language-service-next) is needed in CI");
    }
    for (qsizetype i = 0; i < queries.size(); ++i) {
        const QueryAnalysis analysis = analyzeQuery(queries[i], HuntingSchema::defender());
        QVERIFY2(analysis.ok(), qPrintable(queries[i]));
        KqlError error;
        const std::optional<CompiledQuery> compiled = compileToSql(analysis, &error);
        QVERIFY2(compiled, qPrintable(error.message));
        QCOMPARE(compiled->columns, analysis.columns);
        if (expected.isEmpty())
            continue;
        QJsonArray mine;
        for (const Column &c : analysis.columns)
            mine.append(QJsonArray{c.name, QString(kqlTypeName(c.type))});
        QCOMPARE(mine, expected[i]);
    }
    if (!haveOracle)
        QSKIP("the oracle is not installed: columns checked against the binder only");
}

void TestKqlExternalData::controllerFetchesOffTheGuiThreadAndCancels()
{
    FeedSettings settings = allowLoopback();
    settings.timeoutSeconds = 600;
    QVERIFY(settings.save(m_dir.path(), nullptr));
    m_server.route(QStringLiteral("/ok.csv"), Route(200, "a\nb\n"));
    m_server.route(QStringLiteral("/never.csv"), Route::never());
    HuntingController controller(m_db);
    QSignalSpy finished(&controller, &HuntingController::finished);
    controller.run(QStringLiteral("externaldata (x:string) ['%1'] | count")
                           .arg(m_server.url(QStringLiteral("/ok.csv"))));
    QVERIFY(finished.wait(20000));
    HuntRunResult result = finished.last().at(0).value<HuntRunResult>();
    QVERIFY2(result.status == HuntRunResult::Status::Ok, qPrintable(result.error));
    // A fetch that never ends: the GUI thread keeps turning (this test's event loop serves the
    // feed server) and Cancel stops it.
    controller.run(QStringLiteral("externaldata (x:string) ['%1']")
                           .arg(m_server.url(QStringLiteral("/never.csv"))));
    QTRY_COMPARE_WITH_TIMEOUT(m_server.hits(QStringLiteral("/never.csv")), 1, 10000);
    QVERIFY(controller.isRunning());
    controller.cancel();
    QVERIFY(finished.wait(10000));
    result = finished.last().at(0).value<HuntRunResult>();
    QCOMPARE(result.status, HuntRunResult::Status::Cancelled);
    QVERIFY(!controller.isRunning());
    // A host not allowed: a clear error naming the URL, as in the runner.
    FeedSettings none;
    QVERIFY(none.save(m_dir.path(), nullptr));
    controller.run(QStringLiteral("externaldata (x:string) ['%1']")
                           .arg(m_server.url(QStringLiteral("/ok.csv"))));
    QVERIFY(finished.wait(20000));
    result = finished.last().at(0).value<HuntRunResult>();
    QCOMPARE(result.status, HuntRunResult::Status::Failed);
    QVERIFY2(result.error.contains(m_server.url(QStringLiteral("/ok.csv"))),
             qPrintable(result.error));
}

QProcess *TestKqlExternalData::vigilctl(const QStringList &args)
{
    auto *process = new QProcess(this);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("VIGIL_DATA_DIR"), m_dir.path());
    process->setProcessEnvironment(env);
    process->start(QStringLiteral(VIGILCTL_PATH), args);
    return process;
}

void TestKqlExternalData::vigilctlAllowListAndOffline()
{
    m_server.route(QStringLiteral("/ctl.csv"), Route(200, "\x1b[2Jx<i>y</i>,1\n"));
    const QString url = m_server.url(QStringLiteral("/ctl.csv"));
    const QString query = QStringLiteral("externaldata (a:string, n:long) ['%1']").arg(url);
    // The server is served by this thread's event loop while vigilctl waits for it.
    auto finish = [](QProcess *process) {
        const bool done = QTest::qWaitFor(
                [process] { return process->state() == QProcess::NotRunning; }, 60000);
        return done ? process->exitCode() : -1;
    };
    QProcess *refused = vigilctl({QStringLiteral("hunt"), query});
    QCOMPARE(finish(refused), 1);
    QVERIFY2(refused->readAllStandardError().contains("127.0.0.1 is not on the allow-list"),
             "the refusal names the host");
    QCOMPARE(finish(vigilctl({QStringLiteral("feeds"), QStringLiteral("allow"),
                              QStringLiteral("127.0.0.1")})),
             0);
    QCOMPARE(finish(vigilctl({QStringLiteral("feeds"), QStringLiteral("allow"),
                              QStringLiteral("no/host")})),
             2);
    QProcess *json = vigilctl({QStringLiteral("hunt"), query});
    QCOMPARE(finish(json), 0);
    const QJsonObject answer = QJsonDocument::fromJson(json->readAllStandardOutput()).object();
    const QJsonArray row = answer.value(QStringLiteral("rows")).toArray().at(0).toArray();
    QCOMPARE(row.at(0).toString(), QStringLiteral("\x1b[2Jx<i>y</i>"));
    QCOMPARE(row.at(1).toInteger(), 1);
    // The table a terminal shows carries no control characters from the feed.
    QProcess *table = vigilctl(
            {QStringLiteral("hunt"), QStringLiteral("--format"), QStringLiteral("table"), query});
    QCOMPARE(finish(table), 0);
    const QByteArray text = table->readAllStandardOutput();
    QVERIFY(!text.contains('\x1b'));
    QVERIFY(text.contains("<i>y</i>"));
    // Offline: the copy the last run kept, with its age on standard error.
    m_server.route(QStringLiteral("/ctl.csv"), Route(500, "down"));
    QProcess *offline = vigilctl({QStringLiteral("hunt"), QStringLiteral("--offline"), query});
    QCOMPARE(finish(offline), 0);
    QVERIFY(offline->readAllStandardError().contains("is the cached copy fetched"));
    QProcess *list = vigilctl({QStringLiteral("feeds"), QStringLiteral("list"),
                               QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(finish(list), 0);
    const QJsonObject listed = QJsonDocument::fromJson(list->readAllStandardOutput()).object();
    QCOMPARE(listed.value(QStringLiteral("allowedHosts")).toArray(),
             QJsonArray{QStringLiteral("127.0.0.1")});
    QCOMPARE(listed.value(QStringLiteral("cached"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("url"))
                     .toString(),
             url);
    QProcess *urls = vigilctl({QStringLiteral("feeds"), QStringLiteral("urls"), query});
    QCOMPARE(finish(urls), 0);
    QCOMPARE(urls->readAllStandardOutput().trimmed(), url.toUtf8());
}

QTEST_GUILESS_MAIN(TestKqlExternalData)
#include "tst_kqlexternaldata.moc"
