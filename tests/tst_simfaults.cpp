// Fault injection of the simulated tenant, seen from a client over real HTTP.

#include "simserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>

#include <memory>

using namespace Vigil::Sim;

namespace {

struct HttpResult
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QJsonObject json;
    QList<QNetworkReply::RawHeaderPair> headers;

    QByteArray header(const char *name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
};

using Headers = QList<std::pair<QByteArray, QByteArray>>;

} // namespace

class TestSimFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void resetAbortsMidBody();
    void resetSendsTheGivenBytes();
    void resetStillCarriesOutTheWrite();
    void timeoutIsFreedWhenTheClientCloses_data();
    void timeoutIsFreedWhenTheClientCloses();
    void serverGoesWithRequestsStillHanging();
    void timeoutCanCarryOutTheWrite();
    void serverErrorStatuses_data();
    void serverErrorStatuses();
    void malformedGarblesOnlyASuccess();
    void probabilityIsSeededAndRepeatable();
    void defaultSeedComesFromTheTenantSeed();
    void faultListShowsHowOftenRulesFired();
    void methodLimitsARule();
    void filterLimitsARule();
    void badRulesAreRejected_data();
    void badRulesAreRejected();

private:
    HttpResult request(const QByteArray &verb, const QString &path, const QByteArray &body = {},
                       const Headers &headers = {}, int transferTimeoutMs = 0);
    HttpResult graph(const QByteArray &verb, const QString &path, const QByteArray &body = {},
                     int transferTimeoutMs = 0);
    HttpResult admin(const QByteArray &verb, const QString &path, const QJsonObject &body = {});
    QString fetchToken();
    QString firesOf(int calls); // one character per call: 'x' = fault, '.' = answered

    std::unique_ptr<SimServer> m_server;
    QNetworkAccessManager m_network;
    QString m_token;
    QString m_incidentId;
};

HttpResult TestSimFaults::request(const QByteArray &verb, const QString &path,
                                  const QByteArray &body, const Headers &headers,
                                  int transferTimeoutMs)
{
    QNetworkRequest networkRequest(QUrl(m_server->baseUrl().toString() + path));
    for (const auto &[name, value] : headers)
        networkRequest.setRawHeader(name, value);
    if (transferTimeoutMs > 0)
        networkRequest.setTransferTimeout(transferTimeoutMs);
    std::unique_ptr<QNetworkReply> reply(m_network.sendCustomRequest(networkRequest, verb, body));
    QByteArray received;
    connect(reply.get(), &QIODevice::readyRead, this,
            [&received, r = reply.get()] { received += r->readAll(); });
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(15000);
    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    if (reply->isOpen())
        received += reply->readAll();
    result.body = received;
    result.json = QJsonDocument::fromJson(result.body).object();
    result.headers = reply->rawHeaderPairs();
    return result;
}

HttpResult TestSimFaults::graph(const QByteArray &verb, const QString &path, const QByteArray &body,
                                int transferTimeoutMs)
{
    return request(verb, path, body,
                   {{QByteArrayLiteral("Authorization"), "Bearer " + m_token.toLatin1()},
                    {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}},
                   transferTimeoutMs);
}

HttpResult TestSimFaults::admin(const QByteArray &verb, const QString &path,
                                const QJsonObject &body)
{
    return request(verb, path, QJsonDocument(body).toJson(QJsonDocument::Compact),
                   {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}});
}

QString TestSimFaults::fetchToken()
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("client_id"), m_server->clientId());
    form.addQueryItem(QStringLiteral("client_secret"), m_server->clientSecret());
    form.addQueryItem(QStringLiteral("scope"),
                      QStringLiteral("https://graph.microsoft.com/.default"));
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
    const HttpResult result
            = request("POST", u'/' + m_server->tenantId() + QLatin1String("/oauth2/v2.0/token"),
                      form.toString(QUrl::FullyEncoded).toLatin1(),
                      {{QByteArrayLiteral("Content-Type"),
                        QByteArrayLiteral("application/x-www-form-urlencoded")}});
    return result.json.value(QLatin1String("access_token")).toString();
}

QString TestSimFaults::firesOf(int calls)
{
    QString pattern;
    for (int i = 0; i < calls; ++i) {
        const int status = graph("GET", QStringLiteral("/v1.0/security/alerts_v2?$top=1")).status;
        pattern.append(status == 200 ? u'.' : u'x');
    }
    return pattern;
}

void TestSimFaults::initTestCase()
{
    SimOptions options;
    options.seed = 11;
    options.incidents = 40;
    options.now = QDateTime(QDate(2024, 5, 1), QTime(12, 0), QTimeZone::utc());
    m_server = std::make_unique<SimServer>(options);
    QVERIFY(m_server->listen());
    m_token = fetchToken();
    QVERIFY(!m_token.isEmpty());
    m_incidentId = QString::number(
            m_server->tenant().createIncident(3, Severity::High, QStringLiteral("Faults")));
}

void TestSimFaults::init()
{
    QCOMPARE(admin("DELETE", QStringLiteral("/_sim/faults")).status, 200);
}

void TestSimFaults::resetAbortsMidBody()
{
    QCOMPARE(admin("POST", QStringLiteral("/_sim/faults"),
                   {{QLatin1String("kind"), QStringLiteral("reset")},
                    {QLatin1String("path"), QStringLiteral("/security/incidents")}})
                     .status,
             201);
    admin("POST", QStringLiteral("/_sim/stats/reset"));
    const HttpResult broken = graph("GET", QStringLiteral("/v1.0/security/incidents?$top=10"));
    QCOMPARE(broken.status, 200); // the status line and headers arrived
    QCOMPARE(broken.error, QNetworkReply::RemoteHostClosedError);
    const qsizetype announced = broken.header("Content-Length").toLongLong();
    QVERIFY(announced > 1000);
    QVERIFY2(!broken.body.isEmpty() && broken.body.size() < announced,
             qPrintable(QStringLiteral("%1 of %2").arg(broken.body.size()).arg(announced)));
    QVERIFY(broken.body.startsWith("{\"@odata.context\""));
    // One request reached the server: the client did not silently retry.
    QCOMPARE(admin("GET", QStringLiteral("/_sim/stats"))
                     .json.value(QLatin1String("requests"))
                     .toInt(),
             1);
    const HttpResult next = graph("GET", QStringLiteral("/v1.0/security/incidents?$top=10"));
    QCOMPARE(next.status, 200);
    QCOMPARE(next.error, QNetworkReply::NoError);
    QCOMPARE(next.body.size(), announced);
}

void TestSimFaults::resetSendsTheGivenBytes()
{
    admin("POST", QStringLiteral("/_sim/faults"),
          {{QLatin1String("kind"), QStringLiteral("reset")}, {QLatin1String("bytes"), 17}});
    const HttpResult broken = graph("GET", u"/v1.0/security/incidents/" + m_incidentId);
    QCOMPARE(broken.error, QNetworkReply::RemoteHostClosedError);
    QCOMPARE(broken.body.size(), 17);
}

void TestSimFaults::resetStillCarriesOutTheWrite()
{
    admin("POST", QStringLiteral("/_sim/faults"),
          {{QLatin1String("kind"), QStringLiteral("reset")},
           {QLatin1String("path"), QStringLiteral("/comments")}});
    const auto before = m_server->tenant().history(m_incidentId.toLongLong()).size();
    const HttpResult broken
            = graph("POST", u"/v1.0/security/incidents/" + m_incidentId + u"/comments",
                    R"({"comment":"sent once, answer lost"})");
    QCOMPARE(broken.error, QNetworkReply::RemoteHostClosedError);
    const HttpResult history = admin("GET", u"/_sim/incidents/" + m_incidentId + u"/history");
    const QJsonArray entries = history.json.value(QLatin1String("history")).toArray();
    QCOMPARE(entries.size(), before + 1);
    const QJsonObject last = entries.last().toObject();
    QCOMPARE(last.value(QLatin1String("action")).toString(), QStringLiteral("comment"));
    QCOMPARE(last.value(QLatin1String("source")).toString(), QStringLiteral("api"));
}

void TestSimFaults::timeoutIsFreedWhenTheClientCloses_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("timeout") << QStringLiteral("timeout");
    QTest::newRow("hang") << QStringLiteral("hang");
}

void TestSimFaults::timeoutIsFreedWhenTheClientCloses()
{
    QFETCH(QString, kind);
    admin("POST", QStringLiteral("/_sim/faults"),
          {{QLatin1String("kind"), kind}, {QLatin1String("count"), 3}});
    QCOMPARE(m_server->hangingCount(), 0);
    QNetworkRequest networkRequest(QUrl(m_server->baseUrl().toString()
                                        + QLatin1String("/v1.0/security/incidents?$top=1")));
    networkRequest.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    std::unique_ptr<QNetworkReply> first(m_network.get(networkRequest));
    std::unique_ptr<QNetworkReply> second(m_network.get(networkRequest));
    QTRY_COMPARE(m_server->hangingCount(), 2);
    QTest::qWait(200);
    QVERIFY(!first->isFinished());
    QCOMPARE(admin("GET", QStringLiteral("/_sim/stats"))
                     .json.value(QLatin1String("hanging"))
                     .toInt(),
             2);
    first->abort();
    QTRY_COMPARE(m_server->hangingCount(), 1);
    second->abort();
    QTRY_COMPARE(m_server->hangingCount(), 0);

    const HttpResult timedOut
            = graph("GET", QStringLiteral("/v1.0/security/incidents?$top=1"), {}, 300);
    QCOMPARE(timedOut.status, 0);
    QCOMPARE(timedOut.error, QNetworkReply::OperationCanceledError);
    QTRY_COMPARE(m_server->hangingCount(), 0);
    QCOMPARE(graph("GET", QStringLiteral("/v1.0/security/incidents?$top=1")).status, 200);
}

// A test's cleanup deletes the simulator while a client still waits on a hanging request: the
// sockets go with the HTTP frontend and say they disconnected as they go. That must not reach a
// request list the server has already destroyed (it crashed a test run now and then).
void TestSimFaults::serverGoesWithRequestsStillHanging()
{
    admin("POST", QStringLiteral("/_sim/faults"),
          {{QLatin1String("kind"), QStringLiteral("hang")}, {QLatin1String("count"), 3}});
    QNetworkRequest networkRequest(QUrl(m_server->baseUrl().toString()
                                        + QLatin1String("/v1.0/security/incidents?$top=1")));
    networkRequest.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    std::vector<std::unique_ptr<QNetworkReply>> waiting;
    waiting.reserve(3);
    for (int i = 0; i < 3; ++i)
        waiting.emplace_back(m_network.get(networkRequest));
    QTRY_COMPARE(m_server->hangingCount(), 3);
    m_server.reset();
    for (const auto &reply : waiting)
        QTRY_VERIFY(reply->isFinished());
    initTestCase(); // a new simulator for the tests after this one
}

void TestSimFaults::timeoutCanCarryOutTheWrite()
{
    admin("POST", QStringLiteral("/_sim/faults"),
          {{QLatin1String("kind"), QStringLiteral("timeout")},
           {QLatin1String("apply"), true},
           {QLatin1String("path"), QString(u"/incidents/" + m_incidentId)}});
    const HttpResult timedOut = graph("PATCH", u"/v1.0/security/incidents/" + m_incidentId,
                                      R"({"status":"inProgress"})", 300);
    QCOMPARE(timedOut.error, QNetworkReply::OperationCanceledError);
    QCOMPARE(m_server->tenant().incident(m_incidentId.toLongLong())->status,
             IncidentStatus::InProgress);
    QTRY_COMPARE(m_server->hangingCount(), 0);

    admin("POST", QStringLiteral("/_sim/faults"),
          {{QLatin1String("kind"), QStringLiteral("timeout")},
           {QLatin1String("path"), QString(u"/incidents/" + m_incidentId)}});
    graph("PATCH", u"/v1.0/security/incidents/" + m_incidentId, R"({"status":"active"})", 300);
    QCOMPARE(m_server->tenant().incident(m_incidentId.toLongLong())->status,
             IncidentStatus::InProgress);
}

void TestSimFaults::serverErrorStatuses_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("retryAfter");
    QTest::addColumn<QString>("code");
    QTest::newRow("500") << 500 << -1 << QStringLiteral("generalException");
    QTest::newRow("502") << 502 << -1 << QStringLiteral("badGateway");
    QTest::newRow("503") << 503 << -1 << QStringLiteral("serviceNotAvailable");
    QTest::newRow("503 with Retry-After") << 503 << 3 << QStringLiteral("serviceNotAvailable");
    QTest::newRow("504") << 504 << -1 << QStringLiteral("gatewayTimeout");
}

void TestSimFaults::serverErrorStatuses()
{
    QFETCH(int, status);
    QFETCH(int, retryAfter);
    QFETCH(QString, code);
    QJsonObject rule{{QLatin1String("kind"), QStringLiteral("serverError")},
                     {QLatin1String("status"), status}};
    if (retryAfter >= 0)
        rule.insert(QLatin1String("retryAfter"), retryAfter);
    QCOMPARE(admin("POST", QStringLiteral("/_sim/faults"), rule).status, 201);
    const HttpResult failed = graph("GET", QStringLiteral("/v1.0/security/incidents?$top=1"));
    QCOMPARE(failed.status, status);
    const QJsonObject error = failed.json.value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("code")).toString(), code);
    QVERIFY(error.value(QLatin1String("innerError"))
                    .toObject()
                    .contains(QLatin1String("request-id")));
    QCOMPARE(failed.header("Retry-After"),
             retryAfter >= 0 ? QByteArray::number(retryAfter) : QByteArray());
}

void TestSimFaults::malformedGarblesOnlyASuccess()
{
    QCOMPARE(admin("POST", QStringLiteral("/_sim/faults"),
                   {{QLatin1String("kind"), QStringLiteral("malformed")},
                    {QLatin1String("count"), 2}})
                     .status,
             201);
    // A success is cut short and no longer parses.
    const HttpResult garbled = graph("GET", QStringLiteral("/v1.0/security/incidents?$top=1"));
    QCOMPARE(garbled.status, 200);
    QVERIFY(!garbled.body.isEmpty());
    QJsonParseError parseError;
    QJsonDocument::fromJson(garbled.body, &parseError);
    QVERIFY(parseError.error != QJsonParseError::NoError);

    // A write refused for its expired token stays a 401: garbling it into a 200 would tell the
    // client that a comment landed when the service never took it.
    const QString path = QStringLiteral("/v1.0/security/incidents/%1/comments").arg(m_incidentId);
    const qsizetype before = admin("GET", u"/_sim/incidents/" + m_incidentId)
                                     .json.value(QLatin1String("comments"))
                                     .toArray()
                                     .size();
    QCOMPARE(admin("POST", QStringLiteral("/_sim/tokens/expire")).status / 100, 2);
    const HttpResult refused = graph("POST", path, R"({"comment":"never taken"})");
    QCOMPARE(refused.status, 401);
    QCOMPARE(refused.json.value(QLatin1String("error"))
                     .toObject()
                     .value(QLatin1String("code"))
                     .toString()
                     .isEmpty(),
             false);
    QCOMPARE(admin("GET", u"/_sim/incidents/" + m_incidentId)
                     .json.value(QLatin1String("comments"))
                     .toArray()
                     .size(),
             before);
    m_token = fetchToken();
}

void TestSimFaults::probabilityIsSeededAndRepeatable()
{
    const QJsonObject rule{{QLatin1String("kind"), QStringLiteral("serverError")},
                           {QLatin1String("status"), 503},
                           {QLatin1String("count"), -1},
                           {QLatin1String("probability"), 0.2},
                           {QLatin1String("seed"), 7},
                           {QLatin1String("path"), QStringLiteral("/alerts_v2")}};
    admin("POST", QStringLiteral("/_sim/faults"), rule);
    const QString first = firesOf(200);
    const auto fired = first.count(u'x');
    QVERIFY2(fired >= 25 && fired <= 55, qPrintable(QString::number(fired)));
    // Calls the rule does not match neither fire nor move its sequence.
    QCOMPARE(graph("GET", QStringLiteral("/v1.0/security/incidents?$top=1")).status, 200);

    admin("DELETE", QStringLiteral("/_sim/faults"));
    admin("POST", QStringLiteral("/_sim/faults"), rule);
    QCOMPARE(firesOf(200), first);

    admin("DELETE", QStringLiteral("/_sim/faults"));
    QJsonObject other = rule;
    other.insert(QLatin1String("seed"), 8);
    admin("POST", QStringLiteral("/_sim/faults"), other);
    QVERIFY(firesOf(200) != first);
}

void TestSimFaults::defaultSeedComesFromTheTenantSeed()
{
    const QJsonObject rule{{QLatin1String("kind"), QStringLiteral("throttle")},
                           {QLatin1String("retryAfter"), 0},
                           {QLatin1String("count"), -1},
                           {QLatin1String("probability"), 0.3}};
    admin("POST", QStringLiteral("/_sim/faults"), rule);
    const QString first = firesOf(100);
    const auto fired = first.count(u'x');
    QVERIFY2(fired >= 15 && fired <= 45, qPrintable(QString::number(fired)));

    // A second tenant with the same seed injects the same sequence.
    SimOptions options;
    options.seed = 11;
    options.incidents = 5;
    auto twin = std::make_unique<SimServer>(options);
    QVERIFY(twin->listen());
    std::swap(twin, m_server);
    m_token = fetchToken();
    admin("POST", QStringLiteral("/_sim/faults"), rule);
    const QString again = firesOf(100);
    std::swap(twin, m_server);
    m_token = fetchToken();
    QCOMPARE(again, first);
}

void TestSimFaults::faultListShowsHowOftenRulesFired()
{
    admin("POST", QStringLiteral("/_sim/faults"),
          {{QLatin1String("kind"), QStringLiteral("throttle")},
           {QLatin1String("count"), -1},
           {QLatin1String("probability"), 0.25},
           {QLatin1String("retryAfter"), 0},
           {QLatin1String("path"), QStringLiteral("/alerts_v2")}});
    admin("POST", QStringLiteral("/_sim/faults"),
          {{QLatin1String("kind"), QStringLiteral("reset")},
           {QLatin1String("count"), 2},
           {QLatin1String("path"), QStringLiteral("/nothing-matches")}});
    const QString pattern = firesOf(40);
    const QJsonArray rules = admin("GET", QStringLiteral("/_sim/faults"))
                                     .json.value(QLatin1String("faults"))
                                     .toArray();
    QCOMPARE(rules.size(), 2);
    const QJsonObject throttle = rules.at(0).toObject();
    QCOMPARE(throttle.value(QLatin1String("kind")).toString(), QStringLiteral("throttle"));
    QCOMPARE(throttle.value(QLatin1String("matched")).toInt(), 40);
    QCOMPARE(throttle.value(QLatin1String("fired")).toInt(), pattern.count(u'x'));
    QCOMPARE(throttle.value(QLatin1String("count")).toInt(), -1);
    QVERIFY(throttle.contains(QLatin1String("seed")));
    QVERIFY(throttle.value(QLatin1String("id")).toInt() > 0);
    const QJsonObject reset = rules.at(1).toObject();
    QCOMPARE(reset.value(QLatin1String("matched")).toInt(), 0);
    QCOMPARE(reset.value(QLatin1String("fired")).toInt(), 0);
    QCOMPARE(reset.value(QLatin1String("count")).toInt(), 2);
}

void TestSimFaults::methodLimitsARule()
{
    admin("POST", QStringLiteral("/_sim/faults"),
          {{QLatin1String("kind"), QStringLiteral("serverError")},
           {QLatin1String("status"), 503},
           {QLatin1String("count"), -1},
           {QLatin1String("method"), QStringLiteral("patch")},
           {QLatin1String("path"), QString(u"/incidents/" + m_incidentId)}});
    QCOMPARE(graph("GET", u"/v1.0/security/incidents/" + m_incidentId).status, 200);
    QCOMPARE(graph("PATCH", u"/v1.0/security/incidents/" + m_incidentId,
                   R"({"status":"inProgress"})")
                     .status,
             503);
    const QJsonObject rule = admin("GET", QStringLiteral("/_sim/faults"))
                                     .json.value(QLatin1String("faults"))
                                     .toArray()
                                     .at(0)
                                     .toObject();
    QCOMPARE(rule.value(QLatin1String("method")).toString(), QStringLiteral("PATCH"));
    QCOMPARE(rule.value(QLatin1String("matched")).toInt(), 1);
    QCOMPARE(rule.value(QLatin1String("fired")).toInt(), 1);
}

void TestSimFaults::filterLimitsARule()
{
    admin("POST", QStringLiteral("/_sim/faults"),
          {{QLatin1String("kind"), QStringLiteral("badRequest")},
           {QLatin1String("count"), -1},
           {QLatin1String("filter"), QStringLiteral(" or ")},
           {QLatin1String("path"), QStringLiteral("/security/alerts_v2")}});
    const QString one = QStringLiteral("/v1.0/security/alerts_v2?$filter=serviceSource%20eq%20"
                                       "'microsoftDefenderForCloudApps'");
    QCOMPARE(graph("GET", one).status, 200);
    QCOMPARE(graph("GET", QStringLiteral("/v1.0/security/alerts_v2")).status, 200);
    const HttpResult either = graph(
            "GET", QStringLiteral("/v1.0/security/alerts_v2?$filter=(serviceSource%20eq%20'unknown'"
                                  "%20or%20serviceSource%20eq%20'microsoftDefenderForCloudApps')"));
    QCOMPARE(either.status, 400);
    QCOMPARE(either.json.value(QLatin1String("error")).toObject().value(QLatin1String("code")),
             QJsonValue(QStringLiteral("BadRequest")));
    const QJsonObject rule = admin("GET", QStringLiteral("/_sim/faults"))
                                     .json.value(QLatin1String("faults"))
                                     .toArray()
                                     .at(0)
                                     .toObject();
    QCOMPARE(rule.value(QLatin1String("filter")).toString(), QStringLiteral(" or "));
    QCOMPARE(rule.value(QLatin1String("matched")).toInt(), 1);
}

void TestSimFaults::badRulesAreRejected_data()
{
    QTest::addColumn<QByteArray>("rule");
    QTest::newRow("kind") << QByteArrayLiteral(R"({"kind":"explode"})");
    QTest::newRow("status") << QByteArrayLiteral(R"({"kind":"serverError","status":501})");
    QTest::newRow("probability") << QByteArrayLiteral(R"({"kind":"reset","probability":1.5})");
    QTest::newRow("count") << QByteArrayLiteral(R"({"kind":"reset","count":0})");
    QTest::newRow("seed") << QByteArrayLiteral(R"({"kind":"reset","seed":-3})");
    QTest::newRow("method") << QByteArrayLiteral(R"({"kind":"reset","method":"PUT"})");
    QTest::newRow("unknown property") << QByteArrayLiteral(R"({"kind":"reset","often":true})");
}

void TestSimFaults::badRulesAreRejected()
{
    QFETCH(QByteArray, rule);
    const HttpResult result
            = request("POST", QStringLiteral("/_sim/faults"), rule,
                      {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}});
    QCOMPARE(result.status, 400);
    QVERIFY(admin("GET", QStringLiteral("/_sim/faults"))
                    .json.value(QLatin1String("faults"))
                    .toArray()
                    .isEmpty());
}

QTEST_MAIN(TestSimFaults)
#include "tst_simfaults.moc"
