// Running a hunting query in Defender (Graph runHuntingQuery): the answer's reading, the client's
// request, retries and errors against a scripted HTTP server, and the window's facade.
#include "huntingresultreader.h"
#include "kqltime.h"
#include "ratelimiter.h"
#include "remotehuntclient.h"
#include "remotehuntcontroller.h"
#include "syncsupport.h"
#include "tokenprovider.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Vigil;
using namespace Vigil::Test;
using namespace std::chrono_literals;

using Headers = QList<QPair<QByteArray, QByteArray>>;

Q_DECLARE_METATYPE(Vigil::Error::Kind)

namespace {

const QString kTenant = QStringLiteral("tenant-1");
const QByteArray kHuntPath = "/v1.0/security/runHuntingQuery";

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QStringList sl(std::initializer_list<const char *> texts)
{
    QStringList list;
    for (const char *text : texts)
        list.append(QString::fromUtf8(text));
    return list;
}

bool isTokenRequest(const StubRequest &request)
{
    return request.path().endsWith("/oauth2/v2.0/token");
}

QByteArray graphError(const QByteArray &code, const QByteArray &message)
{
    return "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message
           + "\",\"innerError\":{\"date\":\"2026-12-06T10:00:00\",\"request-id\":\"r-1\"}}}";
}

const QByteArray kTwoRows = R"({"@odata.context":"x#microsoft.graph.security.huntingQueryResults",
  "schema":[{"name":"Timestamp","type":"DateTime"},{"name":"FileName","type":"String"}],
  "results":[{"FileName":"cmd.exe","Timestamp":"2024-03-26T09:39:50.7688641Z"},
             {"Timestamp":"2024-03-26T09:40:00Z","FileName":"powershell.exe"}]})";

/** RemoteHuntClient with its token provider against one stub that serves both endpoints. */
struct ClientRig
{
    QNetworkAccessManager network;
    RateLimiter limiter{150};
    TokenProvider tokens;
    RemoteHuntClient client;

    explicit ClientRig(const QUrl &endpoint)
        : tokens(&network, endpoint, kTenant, QStringLiteral("client-1"), QStringLiteral("s3cret"),
                 endpoint)
        , client(&network, &tokens, &limiter, endpoint)
    {
        RemoteHuntOptions options;
        options.serverRetryDelay = 20ms;
        options.maxRetryWait = 5s;
        client.setOptions(options);
    }

    Result<RemoteHuntResult> run(const QString &query, const QString &timespan = {})
    {
        std::optional<Result<RemoteHuntResult>> result;
        QObject context;
        client.run(query, timespan, &context,
                   [&result](Result<RemoteHuntResult> &&r) { result = std::move(r); });
        if (!QTest::qWaitFor([&result] { return result.has_value(); }, 20000))
            return Error{Error::Kind::Cancelled, 0, {}, QStringLiteral("test timed out"), {}};
        return *result;
    }
};

} // namespace

class TestRemoteHunt : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    // the answer
    void mapsEveryGraphType_data();
    void mapsEveryGraphType();
    void unknownTypeIsStringWithWarning();
    void rowsFollowTheSchemaOrder();
    void keepsSevenFractionDigits();
    void readsKeysInAnyCase();
    void keepsHostileTextAsData();
    void misfitValuesAreNullWithWarning();
    void refusesWhatIsNotAnAnswer_data();
    void refusesWhatIsNotAnAnswer();
    void capsRows();
    void parsesTimespans_data();
    void parsesTimespans();
    void warnsAboutThirtyDays();

    // the client
    void sendsTheDocumentedRequest();
    void explainsErrors_data();
    void explainsErrors();
    void honoursRetryAfterOnce();
    void retriesTransientFailureOnce();
    void stopsAfterThreeMinutes();
    void explainsNonJsonAnswer();
    void capsHugeAnswer();
    void cancels();
    void refusesForeignEndpoint();

    // the facade
    void controllerStreamsPages();
    void controllerCancels();
    void controllerWithoutConnection();
    void controllerSaysWhenItWaits();
    void controllerRunReplacesTheRunningOne();
    void controllerFollowsAChangedConnection();

private:
    std::unique_ptr<StubHttpServer> m_server;
    int m_tokens = 0;
    std::function<StubResponse(const StubRequest &)> m_hunt;

    void serve(std::function<StubResponse(const StubRequest &)> hunt) { m_hunt = std::move(hunt); }
    SyncConfig connection() const;
};

void TestRemoteHunt::init()
{
    m_server = std::make_unique<StubHttpServer>();
    QVERIFY(m_server->listen());
    m_tokens = 0;
    m_hunt = [](const StubRequest &) { return StubResponse::json(200, kTwoRows); };
    m_server->setHandler([this](const StubRequest &request) {
        if (isTokenRequest(request))
            return StubHttpServer::tokenResponse(++m_tokens);
        if (request.path() == kHuntPath && request.method == "POST")
            return m_hunt(request);
        return StubResponse::json(404, graphError("NotFound", "no such path"));
    });
}

void TestRemoteHunt::cleanup()
{
    m_server.reset();
}

SyncConfig TestRemoteHunt::connection() const
{
    SyncConfig config;
    config.authorityHost = m_server->url();
    config.graphEndpoint = m_server->url();
    config.tenantId = kTenant;
    config.clientId = QStringLiteral("client-1");
    config.clientSecret = QStringLiteral("s3cret");
    return config;
}

void TestRemoteHunt::mapsEveryGraphType_data()
{
    QTest::addColumn<QString>("graphType");
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("kqlType");
    QTest::addColumn<QVariant>("stored");

    const auto t = [](KqlType type) { return int(type); };
    QTest::newRow("String") << s("String") << QByteArray(R"("a<b>")") << t(KqlType::String)
                            << QVariant(QStringLiteral("a<b>"));
    QTest::newRow("DateTime") << s("DateTime") << QByteArray(R"("2024-01-02T03:04:05.1234567Z")")
                              << t(KqlType::DateTime)
                              << QVariant(*KqlTime::parseDateTime(u"2024-01-02T03:04:05.1234567Z"));
    QTest::newRow("Int64") << s("Int64") << QByteArray("9007199254740993") << t(KqlType::Long)
                           << QVariant(qint64(9007199254740993LL));
    QTest::newRow("Int64 as text")
            << s("Int64") << QByteArray(R"("-42")") << t(KqlType::Long) << QVariant(qint64(-42));
    QTest::newRow("Int32") << s("Int32") << QByteArray("7") << t(KqlType::Int)
                           << QVariant(qint64(7));
    QTest::newRow("Double") << s("Double") << QByteArray("2.5") << t(KqlType::Real)
                            << QVariant(2.5);
    QTest::newRow("Boolean") << s("Boolean") << QByteArray("true") << t(KqlType::Bool)
                             << QVariant(true);
    QTest::newRow("Object") << s("Object") << QByteArray(R"({"b": [1, 2], "a": "x"})")
                            << t(KqlType::Dynamic)
                            << QVariant(QStringLiteral(R"({"a":"x","b":[1,2]})"));
    QTest::newRow("Object as JSON text")
            << s("Object") << QByteArray(R"("[1, {\"k\": null}]")") << t(KqlType::Dynamic)
            << QVariant(QStringLiteral(R"([1,{"k":null}])"));
    QTest::newRow("Object, plain text")
            << s("Object") << QByteArray(R"("abc")") << t(KqlType::Dynamic)
            << QVariant(QStringLiteral(R"("abc")"));
    QTest::newRow("Guid") << s("Guid") << QByteArray(R"("0b4e5a6c-1d2e-4f30-8a9b-0c1d2e3f4a5b")")
                          << t(KqlType::Guid)
                          << QVariant(QStringLiteral("0b4e5a6c-1d2e-4f30-8a9b-0c1d2e3f4a5b"));
    QTest::newRow("TimeSpan") << s("TimeSpan") << QByteArray(R"("1.02:03:04.5000000")")
                              << t(KqlType::TimeSpan)
                              << QVariant(qint64(KqlTime::TicksPerDay + 2 * KqlTime::TicksPerHour
                                                 + 3 * KqlTime::TicksPerMinute
                                                 + 45 * KqlTime::TicksPerSecond / 10));
    QTest::newRow("TimeSpan ISO") << s("TimeSpan") << QByteArray(R"("PT1H30M")")
                                  << t(KqlType::TimeSpan)
                                  << QVariant(qint64(90 * KqlTime::TicksPerMinute));
    QTest::newRow("lower-case name")
            << s("int64") << QByteArray("5") << t(KqlType::Long) << QVariant(qint64(5));
    QTest::newRow("null") << s("String") << QByteArray("null") << t(KqlType::String) << QVariant();
}

void TestRemoteHunt::mapsEveryGraphType()
{
    QFETCH(QString, graphType);
    QFETCH(QByteArray, json);
    QFETCH(int, kqlType);
    QFETCH(QVariant, stored);
    const QByteArray body = R"({"schema":[{"name":"C","type":")" + graphType.toUtf8()
                            + R"("}],"results":[{"C":)" + json + "}]}";
    const Result<RemoteHuntResult> read = readHuntingResults(body);
    QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().message));
    QCOMPARE(read->columns.size(), 1);
    QCOMPARE(read->columns.first().name, QStringLiteral("C"));
    QCOMPARE(int(read->columns.first().type), kqlType);
    QVERIFY2(read->warnings.isEmpty(), qPrintable(read->warnings.join(u'\n')));
    QCOMPARE(read->rows.size(), 1);
    const QVariant value = read->rows.first().first();
    QCOMPARE(value.isValid(), stored.isValid());
    if (stored.isValid()) {
        QCOMPARE(value.typeId(), stored.typeId());
        QCOMPARE(value, stored);
    }
}

void TestRemoteHunt::unknownTypeIsStringWithWarning()
{
    const QByteArray body = R"({"schema":[{"name":"S","type":"SByte"},{"name":"N","type":"Int32"}],
        "results":[{"S": 12, "N": 1}, {"S": "x", "N": 2}]})";
    const Result<RemoteHuntResult> read = readHuntingResults(body);
    QVERIFY(read.ok());
    QCOMPARE(read->columns.at(0).type, KqlType::String);
    QCOMPARE(read->rows.at(0).at(0), QVariant(QStringLiteral("12")));
    QCOMPARE(read->rows.at(1).at(0), QVariant(QStringLiteral("x")));
    QCOMPARE(read->warnings.size(), 1);
    QVERIFY(read->warnings.first().contains(QLatin1String("SByte")));
    QVERIFY(read->warnings.first().contains(QLatin1String("shown as string")));
}

void TestRemoteHunt::rowsFollowTheSchemaOrder()
{
    const QByteArray body = R"({"schema":[{"name":"A","type":"Int64"},{"name":"B","type":"String"},
        {"name":"C","type":"Boolean"}],
        "results":[{"C":false,"B":"b1","A":1,"Extra":"ignored"},{"B":"b2"},{}]})";
    const Result<RemoteHuntResult> read = readHuntingResults(body);
    QVERIFY(read.ok());
    QCOMPARE(read->rows.size(), 3);
    QCOMPARE(read->rows.at(0), (Kql::HuntingRow{qint64(1), QStringLiteral("b1"), false}));
    QCOMPARE(read->rows.at(1).size(), 3);
    QVERIFY(!read->rows.at(1).at(0).isValid());
    QCOMPARE(read->rows.at(1).at(1), QVariant(QStringLiteral("b2")));
    QVERIFY(!read->rows.at(1).at(2).isValid());
    for (const QVariant &cell : read->rows.at(2))
        QVERIFY(!cell.isValid());
    QVERIFY(read->warnings.isEmpty());
}

void TestRemoteHunt::keepsSevenFractionDigits()
{
    const Result<RemoteHuntResult> read = readHuntingResults(kTwoRows);
    QVERIFY(read.ok());
    QCOMPARE(KqlTime::formatDateTime(read->rows.at(0).at(0).toLongLong()),
             QStringLiteral("2024-03-26T09:39:50.7688641Z"));
    QCOMPARE(KqlTime::formatDateTime(read->rows.at(1).at(0).toLongLong()),
             QStringLiteral("2024-03-26T09:40:00.0000000Z"));
    // More digits than a tick holds are cut to the tick, not refused.
    const Result<RemoteHuntResult> long_ = readHuntingResults(
            R"({"schema":[{"name":"T","type":"DateTime"}],"results":[{"T":"2024-03-26T09:39:50.768864199Z"}]})");
    QVERIFY(long_.ok());
    QCOMPARE(KqlTime::formatDateTime(long_->rows.at(0).at(0).toLongLong()),
             QStringLiteral("2024-03-26T09:39:50.7688641Z"));
}

void TestRemoteHunt::readsKeysInAnyCase()
{
    const QByteArray body = R"({"Schema":[{"Name":"DeviceName","Type":"String"},
        {"NAME":"ReportId","TYPE":"int64"}],"Results":[{"DeviceName":"pc-1","ReportId":9325}]})";
    const Result<RemoteHuntResult> read = readHuntingResults(body);
    QVERIFY(read.ok());
    QCOMPARE(read->columns, (Kql::RowSchema{{QStringLiteral("DeviceName"), KqlType::String},
                                            {QStringLiteral("ReportId"), KqlType::Long}}));
    QCOMPARE(read->rows.at(0), (Kql::HuntingRow{QStringLiteral("pc-1"), qint64(9325)}));
}

void TestRemoteHunt::keepsHostileTextAsData()
{
    const QString hostile
            = QStringLiteral("<b>bold</b>\x1b]0;pwned\x07\u202e\r\n=cmd|' /C calc'!A0");
    QJsonObject row{{QStringLiteral("<script>"), hostile}};
    QJsonObject answer{
            {QStringLiteral("schema"),
             QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("<script>")},
                                    {QStringLiteral("type"), QStringLiteral("String")}}}},
            {QStringLiteral("results"), QJsonArray{row}}};
    const Result<RemoteHuntResult> read = readHuntingResults(QJsonDocument(answer).toJson());
    QVERIFY(read.ok());
    QCOMPARE(read->columns.first().name, QStringLiteral("<script>"));
    QCOMPARE(read->rows.first().first().toString(), hostile);
}

void TestRemoteHunt::misfitValuesAreNullWithWarning()
{
    const QByteArray body
            = R"({"schema":[{"name":"T","type":"DateTime"},{"name":"N","type":"Int64"}],
        "results":[{"T":"yesterday","N":"many"},{"T":12,"N":1.5},{"T":"2024-01-01T00:00:00Z","N":3}, 7]})";
    const Result<RemoteHuntResult> read = readHuntingResults(body);
    QVERIFY(read.ok());
    QCOMPARE(read->rows.size(), 3);
    QVERIFY(!read->rows.at(0).at(0).isValid());
    QVERIFY(!read->rows.at(1).at(1).isValid());
    QCOMPARE(read->rows.at(2).at(1), QVariant(qint64(3)));
    const QString warnings = read->warnings.join(u'\n');
    QVERIFY2(warnings.contains(QLatin1String("2 values of column T are not a datetime")),
             qPrintable(warnings));
    QVERIFY2(warnings.contains(QLatin1String("2 values of column N are not a long")),
             qPrintable(warnings));
    QVERIFY2(warnings.contains(QLatin1String("1 row of the answer is not a JSON object")),
             qPrintable(warnings));
}

void TestRemoteHunt::refusesWhatIsNotAnAnswer_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("says");
    QTest::newRow("html") << QByteArray("<html><body>Sign in</body></html>") << s("not JSON");
    QTest::newRow("array") << QByteArray("[1,2]") << s("not a JSON object");
    QTest::newRow("no schema") << QByteArray(R"({"results":[]})") << s("no 'schema'");
    QTest::newRow("results not a list")
            << QByteArray(R"({"schema":[],"results":{"a":1}})") << s("not a list");
}

void TestRemoteHunt::refusesWhatIsNotAnAnswer()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, says);
    const Result<RemoteHuntResult> read = readHuntingResults(body);
    QVERIFY(!read.ok());
    QCOMPARE(read.error().kind, Error::Kind::Parse);
    QVERIFY2(read.error().message.contains(says), qPrintable(read.error().message));
}

void TestRemoteHunt::capsRows()
{
    QJsonArray rows;
    for (int i = 0; i < 30; ++i)
        rows.append(QJsonObject{{QStringLiteral("N"), i}});
    const QJsonObject answer{
            {QStringLiteral("schema"),
             QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("N")},
                                    {QStringLiteral("type"), QStringLiteral("Int32")}}}},
            {QStringLiteral("results"), rows}};
    const Result<RemoteHuntResult> read = readHuntingResults(QJsonDocument(answer).toJson(), 10);
    QVERIFY(read.ok());
    QCOMPARE(read->rows.size(), 10);
    QVERIFY(read->truncated);
    QCOMPARE(read->rows.last().first(), QVariant(qint64(9)));
}

void TestRemoteHunt::parsesTimespans_data()
{
    QTest::addColumn<QString>("timespan");
    QTest::addColumn<int>("daysBack"); // -1: refused
    QTest::newRow("duration") << s("P7D") << 7;
    QTest::newRow("time duration") << s("PT48H") << 2;
    QTest::newRow("start/end") << s("2026-11-26T10:00:00Z/2026-12-01T00:00:00Z") << 10;
    QTest::newRow("duration/end") << s("P3D/2026-12-05T10:00:00Z") << 4;
    QTest::newRow("start/duration") << s("2026-12-01T10:00:00Z/P1D") << 5;
    QTest::newRow("start only") << s("2026-11-06T10:00:00Z") << 30;
    QTest::newRow("empty: 30 days") << s("") << 30;
    QTest::newRow("months refused") << s("P1M") << -1;
    QTest::newRow("junk") << s("last week") << -1;
    QTest::newRow("three parts") << s("P1D/P1D/P1D") << -1;
}

void TestRemoteHunt::parsesTimespans()
{
    QFETCH(QString, timespan);
    QFETCH(int, daysBack);
    const QDateTime now(QDate(2026, 12, 6), QTime(10, 0), Qt::UTC);
    const std::optional<QDateTime> start = huntingTimespanStart(timespan, now);
    if (daysBack < 0) {
        QVERIFY(!start);
        return;
    }
    QVERIFY(start);
    QCOMPARE(start->daysTo(now), daysBack);
}

void TestRemoteHunt::warnsAboutThirtyDays()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(RemoteHuntClient::windowWarnings(QStringLiteral("DeviceInfo | take 1"),
                                             QStringLiteral("P7D"), now)
                    .isEmpty());
    QVERIFY(RemoteHuntClient::windowWarnings(QStringLiteral("DeviceInfo"), QString(), now)
                    .isEmpty());
    const QStringList wide = RemoteHuntClient::windowWarnings(QStringLiteral("DeviceInfo"),
                                                              QStringLiteral("P60D"), now);
    QCOMPARE(wide.size(), 1);
    QVERIFY(wide.first().contains(QLatin1String("at most the last 30 days")));
    QCOMPARE(RemoteHuntClient::windowWarnings(
                     QStringLiteral("DeviceInfo | where Timestamp > ago(45d)"), QString(), now)
                     .size(),
             1);
}

void TestRemoteHunt::sendsTheDocumentedRequest()
{
    ClientRig rig(m_server->url());
    const QString query = QStringLiteral("DeviceProcessEvents | where FileName == \"naïve.exe\"");
    const Result<RemoteHuntResult> result = rig.run(query, QStringLiteral("P7D"));
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(result->rows.size(), 2);
    QCOMPARE(m_server->countRequests(kHuntPath), 1);
    const StubRequest &request = m_server->requests().last();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.path(), kHuntPath);
    QCOMPARE(request.headers.value("content-type"), QByteArray("application/json; charset=utf-8"));
    QCOMPARE(request.headers.value("authorization"), QByteArray("Bearer token-1"));
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    QCOMPARE(body.value(QStringLiteral("Query")).toString(), query);
    QCOMPARE(body.value(QStringLiteral("Timespan")).toString(), QStringLiteral("P7D"));
    // Without a timespan the key is left out: Defender's default of 30 days applies.
    QVERIFY(rig.run(query).ok());
    QVERIFY(!QJsonDocument::fromJson(m_server->requests().last().body)
                     .object()
                     .contains(QStringLiteral("Timespan")));
}

void TestRemoteHunt::explainsErrors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<Error::Kind>("kind");
    QTest::addColumn<int>("requests");
    QTest::addColumn<QStringList>("says");

    QTest::newRow("429 CPU quota, long wait")
            << 429
            << graphError("TooManyRequests",
                          "Tenant exceeded the allowed CPU quota for advanced hunting.")
            << QByteArray("900") << Error::Kind::Throttled << 1
            << sl({"CPU quota", "15-minute cycle", "Try again after",
                   "Tenant exceeded the allowed CPU quota"});
    QTest::newRow("429 request count, no Retry-After")
            << 429 << graphError("TooManyRequests", "Too many requests: rate limit reached.")
            << QByteArray() << Error::Kind::Throttled << 1
            << sl({"Too many hunting queries", "45 a minute", "Try again after"});
    QTest::newRow("400 result size")
            << 400
            << graphError("BadRequest", "Query execution has exceeded the allowed result size. "
                                        "Optimize your query by limiting the number of results.")
            << QByteArray() << Error::Kind::BadRequest << 1
            << sl({"larger than Defender returns", "narrow the query", "take",
                   "exceeded the allowed result size"});
    QTest::newRow("400 syntax")
            << 400 << graphError("BadRequest", "Query could not be parsed at 'whre' on line [1,20]")
            << QByteArray() << Error::Kind::BadRequest << 1
            << sl({"Defender refused the query: Query could not be parsed at 'whre' on "
                   "line [1,20]"});
    QTest::newRow("403 permission")
            << 403 << graphError("Forbidden", "Missing role permissions on the request.")
            << QByteArray() << Error::Kind::Forbidden << 1
            << sl({"ThreatHunting.Read.All", "Microsoft Entra admin center", "API permissions",
                   "admin consent", "Missing role permissions on the request."});
    QTest::newRow("500 UnknownError twice")
            << 500 << graphError("UnknownError", "") << QByteArray() << Error::Kind::Server << 2
            << sl({"twice", "HTTP 500, UnknownError", "transient", "try again"});
    QTest::newRow("504 twice") << 504 << QByteArray() << QByteArray() << Error::Kind::Server << 2
                               << sl({"twice", "HTTP 504", "transient"});
}

void TestRemoteHunt::explainsErrors()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, retryAfter);
    QFETCH(Error::Kind, kind);
    QFETCH(int, requests);
    QFETCH(QStringList, says);
    serve([&](const StubRequest &) {
        Headers headers;
        if (!retryAfter.isEmpty())
            headers.append({"Retry-After", retryAfter});
        return StubResponse::json(status, body, headers);
    });
    ClientRig rig(m_server->url());
    const Result<RemoteHuntResult> result = rig.run(QStringLiteral("DeviceInfo | take 1"));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, kind);
    QCOMPARE(result.error().httpStatus, status);
    QCOMPARE(m_server->countRequests(kHuntPath), requests);
    for (const QString &words : says)
        QVERIFY2(result.error().message.contains(words),
                 qPrintable(words + QStringLiteral(" not in: ") + result.error().message));
    if (kind == Error::Kind::Throttled) {
        QVERIFY(result.error().retryAfter);
        // The time to try again is named, and lies within the next quarter hour.
        QVERIFY(result.error().retryAfter->count() > 0);
        QVERIFY(result.error().retryAfter->count() <= 15 * 60L);
    }
}

void TestRemoteHunt::honoursRetryAfterOnce()
{
    int calls = 0;
    serve([&calls](const StubRequest &) {
        if (++calls == 1)
            return StubResponse::json(429, graphError("TooManyRequests", "Too many requests"),
                                      {{"Retry-After", "1"}});
        return StubResponse::json(200, kTwoRows);
    });
    ClientRig rig(m_server->url());
    QSignalSpy waiting(&rig.client, &RemoteHuntClient::waiting);
    QElapsedTimer timer;
    timer.start();
    const Result<RemoteHuntResult> result = rig.run(QStringLiteral("DeviceInfo"));
    QVERIFY(result.ok());
    QCOMPARE(calls, 2);
    QVERIFY2(timer.elapsed() >= 950, "the Retry-After second was not waited out");
    QCOMPARE(waiting.size(), 1);
    QVERIFY(waiting.first().at(1).toString().contains(QLatin1String("throttling")));

    // A second 429 in the same run is not waited for again: the run stops and says when.
    calls = 0;
    serve([&calls](const StubRequest &) {
        ++calls;
        return StubResponse::json(429, graphError("TooManyRequests", "Too many requests"),
                                  {{"Retry-After", "1"}});
    });
    const Result<RemoteHuntResult> again = rig.run(QStringLiteral("DeviceInfo"));
    QVERIFY(!again.ok());
    QCOMPARE(calls, 2);
    QVERIFY(again.error().message.contains(QLatin1String("Try again after")));
}

void TestRemoteHunt::retriesTransientFailureOnce()
{
    int calls = 0;
    serve([&calls](const StubRequest &) {
        if (++calls == 1)
            return StubResponse::json(504, graphError("UnknownError", "Gateway timeout"));
        return StubResponse::json(200, kTwoRows);
    });
    ClientRig rig(m_server->url());
    const Result<RemoteHuntResult> result = rig.run(QStringLiteral("DeviceInfo"));
    QVERIFY(result.ok());
    QCOMPARE(calls, 2);
    QCOMPARE(result->rows.size(), 2);
}

void TestRemoteHunt::stopsAfterThreeMinutes()
{
    serve([](const StubRequest &) {
        StubResponse hang;
        hang.hang = true;
        return hang;
    });
    ClientRig rig(m_server->url());
    RemoteHuntOptions options = rig.client.options();
    QCOMPARE(options.timeout, std::chrono::milliseconds(180'000)); // Defender's own limit
    options.timeout = 300ms; // the same limit, shortened for the test
    rig.client.setOptions(options);
    const Result<RemoteHuntResult> result = rig.run(QStringLiteral("DeviceInfo"));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Timeout);
    QVERIFY2(result.error().message.contains(QLatin1String("within 3 minutes")),
             qPrintable(result.error().message));
    QCOMPARE(m_server->countRequests(kHuntPath), 1); // a query that ran out of time is not rerun
}

void TestRemoteHunt::explainsNonJsonAnswer()
{
    serve([](const StubRequest &) {
        StubResponse html;
        html.body = "<html><title>Proxy sign-in</title></html>";
        html.headers = {{"Content-Type", "text/html"}};
        return html;
    });
    ClientRig rig(m_server->url());
    const Result<RemoteHuntResult> result = rig.run(QStringLiteral("DeviceInfo"));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Parse);
    QVERIFY2(result.error().message.contains(QLatin1String("not JSON")),
             qPrintable(result.error().message));
    QVERIFY(result.error().message.contains(QLatin1String("text/html")));
    QVERIFY(result.error().message.contains(QLatin1String("proxy")));
}

void TestRemoteHunt::capsHugeAnswer()
{
    serve([](const StubRequest &) {
        QByteArray body = R"({"schema":[{"name":"S","type":"String"}],"results":[)";
        for (int i = 0; i < 5000; ++i)
            body += R"({"S":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"},)";
        body += R"({"S":"end"}]})";
        return StubResponse::json(200, body);
    });
    ClientRig rig(m_server->url());
    RemoteHuntOptions options = rig.client.options();
    options.maxBodyBytes = 2'000'000;
    rig.client.setOptions(options);
    QVERIFY(rig.run(QStringLiteral("DeviceInfo")).ok()); // ~300 KB: under the cap
    options.maxBodyBytes = 100'000;
    rig.client.setOptions(options);
    const Result<RemoteHuntResult> result = rig.run(QStringLiteral("DeviceInfo"));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, QStringLiteral("tooLarge"));
    QVERIFY2(result.error().message.contains(QLatin1String("larger than 100 KB, more than Vigil "
                                                           "reads")),
             qPrintable(result.error().message));
    QVERIFY(result.error().message.contains(QLatin1String("take")));
}

void TestRemoteHunt::cancels()
{
    serve([](const StubRequest &) {
        StubResponse hang;
        hang.hang = true;
        return hang;
    });
    ClientRig rig(m_server->url());
    std::optional<Result<RemoteHuntResult>> result;
    QObject context;
    rig.client.run(QStringLiteral("DeviceInfo"), QString(), &context,
                   [&result](Result<RemoteHuntResult> &&r) { result = std::move(r); });
    QTRY_COMPARE(m_server->countRequests(kHuntPath), 1);
    QVERIFY(rig.client.isRunning());
    rig.client.cancel();
    QTRY_VERIFY(result.has_value());
    QVERIFY(!result->ok());
    QCOMPARE(result->error().kind, Error::Kind::Cancelled);
    QVERIFY(!rig.client.isRunning());
}

void TestRemoteHunt::refusesForeignEndpoint()
{
    QNetworkAccessManager network;
    RateLimiter limiter;
    TokenProvider tokens(&network, m_server->url(), kTenant, QStringLiteral("c"),
                         QStringLiteral("s"), m_server->url());
    RemoteHuntClient client(&network, &tokens, &limiter,
                            QUrl(QStringLiteral("http://example.com")));
    std::optional<Result<RemoteHuntResult>> result;
    QObject context;
    client.run(QStringLiteral("DeviceInfo"), QString(), &context,
               [&result](Result<RemoteHuntResult> &&r) { result = std::move(r); });
    QVERIFY(!result.has_value()); // never before returning
    QTRY_VERIFY(result.has_value());
    QCOMPARE(result->error().kind, Error::Kind::Config);
    QCOMPARE(m_server->requests().size(), 0); // not even a token was asked for
}

void TestRemoteHunt::controllerStreamsPages()
{
    QJsonArray rows;
    for (int i = 0; i < 1200; ++i)
        rows.append(
                QJsonObject{{QStringLiteral("N"), i},
                            {QStringLiteral("T"), QStringLiteral("2026-12-01T00:00:00.0000001Z")}});
    const QByteArray body
            = QJsonDocument(
                      QJsonObject{
                              {QStringLiteral("schema"),
                               QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("T")},
                                                      {QStringLiteral("type"),
                                                       QStringLiteral("DateTime")}},
                                          QJsonObject{{QStringLiteral("name"), QStringLiteral("N")},
                                                      {QStringLiteral("type"),
                                                       QStringLiteral("Int64")}}}},
                              {QStringLiteral("results"), rows}})
                      .toJson(QJsonDocument::Compact);
    serve([body](const StubRequest &) { return StubResponse::json(200, body); });
    RemoteHuntController controller;
    controller.setConnection(connection());
    QVERIFY(controller.hasConnection());
    QSignalSpy started(&controller, &RemoteHuntController::started);
    QSignalSpy columns(&controller, &RemoteHuntController::columnsReceived);
    QSignalSpy pages(&controller, &RemoteHuntController::rowsReceived);
    QSignalSpy finished(&controller, &RemoteHuntController::finished);
    controller.run(QStringLiteral("DeviceInfo | take 1200"), QStringLiteral("P1D"));
    QCOMPARE(started.size(), 1);
    QVERIFY(controller.isRunning());
    QVERIFY(finished.wait(20000));
    const auto outcome = finished.first().first().value<RemoteHuntOutcome>();
    QVERIFY2(outcome.status == RemoteHuntOutcome::Status::Ok,
             qPrintable(outcome.error ? outcome.error->message : QString()));
    QCOMPARE(outcome.rows, 1200);
    QVERIFY(outcome.elapsedMs >= 0);
    QCOMPARE(columns.size(), 1);
    const auto schema = columns.first().first().value<Kql::RowSchema>();
    QCOMPARE(schema, (Kql::RowSchema{{QStringLiteral("T"), KqlType::DateTime},
                                     {QStringLiteral("N"), KqlType::Long}}));
    QCOMPARE(pages.size(), 3); // 500 + 500 + 200
    qint64 seen = 0;
    for (const QList<QVariant> &args : std::as_const(pages)) {
        const auto page = args.first().value<QList<Kql::HuntingRow>>();
        for (const Kql::HuntingRow &row : page) {
            QCOMPARE(row.at(1).toLongLong(), seen++);
            QCOMPARE(KqlTime::formatDateTime(row.at(0).toLongLong()),
                     QStringLiteral("2026-12-01T00:00:00.0000001Z"));
        }
    }
    QCOMPARE(seen, 1200);
    QVERIFY(!controller.isRunning());
}

void TestRemoteHunt::controllerCancels()
{
    serve([](const StubRequest &) {
        StubResponse hang;
        hang.hang = true;
        return hang;
    });
    RemoteHuntController controller;
    controller.setConnection(connection());
    QSignalSpy finished(&controller, &RemoteHuntController::finished);
    QSignalSpy pages(&controller, &RemoteHuntController::rowsReceived);
    controller.run(QStringLiteral("DeviceInfo"));
    QTRY_COMPARE(m_server->countRequests(kHuntPath), 1);
    controller.cancel();
    QCOMPARE(finished.size(), 1); // at once
    QCOMPARE(finished.first().first().value<RemoteHuntOutcome>().status,
             RemoteHuntOutcome::Status::Cancelled);
    QVERIFY(!controller.isRunning());

    // The next run goes through; nothing of the cancelled one shows up in it.
    serve([](const StubRequest &) { return StubResponse::json(200, kTwoRows); });
    controller.run(QStringLiteral("DeviceInfo"));
    QTRY_COMPARE(finished.size(), 2);
    const auto outcome = finished.last().first().value<RemoteHuntOutcome>();
    QCOMPARE(outcome.status, RemoteHuntOutcome::Status::Ok);
    QCOMPARE(outcome.rows, 2);
    QCOMPARE(pages.size(), 1);
}

void TestRemoteHunt::controllerWithoutConnection()
{
    SyncConfig config = connection();
    config.clientSecret.clear();
    RemoteHuntController controller;
    controller.setConnection(config);
    QVERIFY(!controller.hasConnection());
    QSignalSpy finished(&controller, &RemoteHuntController::finished);
    controller.run(QStringLiteral("DeviceInfo"));
    QVERIFY(finished.wait(10000));
    const auto outcome = finished.first().first().value<RemoteHuntOutcome>();
    QCOMPARE(outcome.status, RemoteHuntOutcome::Status::Failed);
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->kind, Error::Kind::Config);
    QVERIFY(outcome.error->message.contains(QLatin1String("connector page")));
    QCOMPARE(m_server->requests().size(), 0);
}

void TestRemoteHunt::controllerSaysWhenItWaits()
{
    int calls = 0;
    serve([&calls](const StubRequest &) {
        if (++calls == 1)
            return StubResponse::json(429, graphError("TooManyRequests", "Too many requests"),
                                      {{"Retry-After", "1"}});
        return StubResponse::json(200, kTwoRows);
    });
    RemoteHuntController controller;
    controller.setConnection(connection());
    QSignalSpy waiting(&controller, &RemoteHuntController::waiting);
    QSignalSpy finished(&controller, &RemoteHuntController::finished);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    controller.run(QStringLiteral("DeviceInfo"));
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().first().value<RemoteHuntOutcome>().status,
             RemoteHuntOutcome::Status::Ok);
    QCOMPARE(waiting.size(), 1);
    const QDateTime until = waiting.first().at(0).toDateTime();
    QVERIFY(until > before);
    QVERIFY(until <= before.addSecs(3));
    QVERIFY(waiting.first().at(1).toString().contains(QLatin1String("1 second")));
    QCOMPARE(calls, 2);
}

void TestRemoteHunt::controllerRunReplacesTheRunningOne()
{
    int calls = 0;
    serve([&calls](const StubRequest &) {
        if (++calls == 1) {
            StubResponse hang;
            hang.hang = true;
            return hang;
        }
        return StubResponse::json(200, kTwoRows);
    });
    RemoteHuntController controller;
    controller.setConnection(connection());
    QSignalSpy finished(&controller, &RemoteHuntController::finished);
    QSignalSpy columns(&controller, &RemoteHuntController::columnsReceived);
    controller.run(QStringLiteral("DeviceInfo | where false"));
    QTRY_COMPARE(calls, 1);
    controller.run(QStringLiteral("DeviceInfo"));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().value<RemoteHuntOutcome>().status,
             RemoteHuntOutcome::Status::Cancelled);
    QTRY_COMPARE(finished.size(), 2);
    QCOMPARE(finished.last().first().value<RemoteHuntOutcome>().status,
             RemoteHuntOutcome::Status::Ok);
    QCOMPARE(columns.size(), 1);
    const QJsonObject sent = QJsonDocument::fromJson(m_server->requests().last().body).object();
    QCOMPARE(sent.value(QStringLiteral("Query")).toString(), QStringLiteral("DeviceInfo"));
}

void TestRemoteHunt::controllerFollowsAChangedConnection()
{
    RemoteHuntController controller;
    controller.setConnection(connection());
    QSignalSpy finished(&controller, &RemoteHuntController::finished);
    controller.run(QStringLiteral("DeviceInfo"));
    QVERIFY(finished.wait(20000));
    QCOMPARE(m_server->requests().last().headers.value("authorization"),
             QByteArray("Bearer token-1"));

    // Another secret (say, after signing in again): a new token is asked for with it.
    SyncConfig other = connection();
    other.clientSecret = QStringLiteral("another-secret");
    controller.setConnection(other);
    controller.run(QStringLiteral("DeviceInfo"));
    QTRY_COMPARE(finished.size(), 2);
    QCOMPARE(finished.last().first().value<RemoteHuntOutcome>().status,
             RemoteHuntOutcome::Status::Ok);
    QCOMPARE(m_tokens, 2);
    bool sawNewSecret = false;
    for (const StubRequest &request : m_server->requests())
        sawNewSecret |= isTokenRequest(request) && request.body.contains("another-secret");
    QVERIFY(sawNewSecret);
    QCOMPARE(m_server->requests().last().headers.value("authorization"),
             QByteArray("Bearer token-2"));
}

QTEST_GUILESS_MAIN(TestRemoteHunt)
#include "tst_remotehunt.moc"
