#include "graphrenderer.h"
#include "simserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>

#include <functional>
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
    QJsonObject graphError() const { return json.value(QLatin1String("error")).toObject(); }
    QJsonArray value() const { return json.value(QLatin1String("value")).toArray(); }
};

using IncidentPredicate = std::function<bool(const QJsonObject &)>;

QString text(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

} // namespace

class TestSimServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void tokenIsIssuedForClientCredentials();
    void tokenErrorsAreEntraShaped_data();
    void tokenErrorsAreEntraShaped();
    void graphRejectsMissingOrBadToken_data();
    void graphRejectsMissingOrBadToken();
    void expiredTokenIsRejected();

    void topAboveFiftyIsRejectedLikeGraph_data();
    void topAboveFiftyIsRejectedLikeGraph();
    void nextLinkVisitsEveryIncidentOnce();
    void filterSelectsExactlyTheMatchingIncidents_data();
    void filterSelectsExactlyTheMatchingIncidents();
    void badFilterIsAnODataError_data();
    void badFilterIsAnODataError();
    void orderBySortsPages_data();
    void orderBySortsPages();
    void defaultOrderIsMostRecentFirst();
    void countReportsTotalMatches();
    void expandAlertsInlinesAlertsWithEvidence();
    void evolvableEnumsNeedPreferHeader();
    void getOneIncidentAnd404();
    void patchUpdatesIncident();
    void patchRejectsInvalidValues_data();
    void patchRejectsInvalidValues();
    void commentsReturnTheWholeList();
    void writesAreAttributedAndRecorded();
    void lastWriteWinsWithoutIfMatch();
    void patchAlertUpdatesTheAlert();
    void patchAlertRejectsInvalidValues_data();
    void patchAlertRejectsInvalidValues();
    void alertCommentsReturnTheWholeList();
    void alertsPageThroughEveryAlert();
    void alertsTopLimitIsThousand();
    void getOneAlert();

    void adminMergeMovesAlertsAndTags();
    void adminUpdateAndAddAlertsBumpLastUpdate();
    void throttleFaultAnswers429WithRetryAfter();
    void serverErrorFault_data();
    void serverErrorFault();
    void expandWithFilterFaultPersistsUntilCleared();
    void malformedFaultTruncatesBody();
    void hangFaultNeverAnswers();
    void slowFaultDelaysAnswer();
    void tokenExpiryFaultInvalidatesTokens();
    void statsCountGraphCallsByRoute();

    void generatorHasMandatorySpecials();
    void generatorCoversEveryVocabularyValue();
    void generatorIsDeterministicForSeed();
    void tenThousandIncidentsGenerateQuickly();

private:
    HttpResult request(const QByteArray &verb, const QUrl &url, const QByteArray &body = {},
                       const QList<std::pair<QByteArray, QByteArray>> &headers = {},
                       int transferTimeoutMs = 0);
    HttpResult graphGet(const QString &pathAndQuery, bool preferUnknownMembers = true);
    HttpResult admin(const QByteArray &verb, const QString &path, const QJsonObject &body = {});
    QUrl url(const QString &pathAndQuery) const;
    QString fetchToken();
    QList<QJsonObject> listAll(const QString &pathAndQuery, int *pages = nullptr);
    QByteArray tokenForm(const QString &secret = QString()) const;

    std::unique_ptr<SimServer> m_server;
    QNetworkAccessManager m_network;
    QString m_token;
    QList<QJsonObject> m_allIncidents; // as generated, before any test changed them
    QHash<QString, IncidentPredicate> m_predicates;
};

QUrl TestSimServer::url(const QString &pathAndQuery) const
{
    return QUrl(m_server->baseUrl().toString() + pathAndQuery);
}

HttpResult TestSimServer::request(const QByteArray &verb, const QUrl &target,
                                  const QByteArray &body,
                                  const QList<std::pair<QByteArray, QByteArray>> &headers,
                                  int transferTimeoutMs)
{
    QNetworkRequest networkRequest(target);
    for (const auto &[name, value] : headers)
        networkRequest.setRawHeader(name, value);
    if (transferTimeoutMs > 0)
        networkRequest.setTransferTimeout(transferTimeoutMs);
    std::unique_ptr<QNetworkReply> reply(m_network.sendCustomRequest(networkRequest, verb, body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(15000);
    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    if (reply->isOpen())
        result.body = reply->readAll();
    result.json = QJsonDocument::fromJson(result.body).object();
    result.headers = reply->rawHeaderPairs();
    return result;
}

HttpResult TestSimServer::graphGet(const QString &pathAndQuery, bool preferUnknownMembers)
{
    QList<std::pair<QByteArray, QByteArray>> headers{
            {QByteArrayLiteral("Authorization"), "Bearer " + m_token.toLatin1()}};
    if (preferUnknownMembers)
        headers.append(
                {QByteArrayLiteral("Prefer"), QByteArrayLiteral("include-unknown-enum-members")});
    const QUrl target = pathAndQuery.startsWith(QLatin1String("http")) ? QUrl(pathAndQuery)
                                                                       : url(pathAndQuery);
    return request("GET", target, {}, headers);
}

HttpResult TestSimServer::admin(const QByteArray &verb, const QString &path,
                                const QJsonObject &body)
{
    return request(verb, url(path), QJsonDocument(body).toJson(QJsonDocument::Compact),
                   {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}});
}

QByteArray TestSimServer::tokenForm(const QString &secret) const
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("client_id"), m_server->clientId());
    form.addQueryItem(QStringLiteral("client_secret"),
                      secret.isNull() ? m_server->clientSecret() : secret);
    form.addQueryItem(QStringLiteral("scope"),
                      QStringLiteral("https://graph.microsoft.com/.default"));
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
    return form.toString(QUrl::FullyEncoded).toLatin1();
}

QString TestSimServer::fetchToken()
{
    const HttpResult result = request(
            "POST", url(u'/' + m_server->tenantId() + QLatin1String("/oauth2/v2.0/token")),
            tokenForm(),
            {{QByteArrayLiteral("Content-Type"),
              QByteArrayLiteral("application/x-www-form-urlencoded")}});
    return text(result.json, "access_token");
}

QList<QJsonObject> TestSimServer::listAll(const QString &pathAndQuery, int *pages)
{
    QList<QJsonObject> items;
    QString next = pathAndQuery;
    int pageCount = 0;
    while (!next.isEmpty() && pageCount < 5000) {
        const HttpResult page = graphGet(next);
        if (page.status != 200) {
            qWarning() << "page failed" << page.status << page.body.left(300);
            return {};
        }
        for (const QJsonValue item : page.value())
            items.append(item.toObject());
        next = text(page.json, "@odata.nextLink");
        ++pageCount;
    }
    if (pages)
        *pages = pageCount;
    return items;
}

void TestSimServer::initTestCase()
{
    SimOptions options;
    options.seed = 42;
    options.incidents = 300;
    options.now = QDateTime(QDate(2024, 5, 1), QTime(12, 0), QTimeZone::utc());
    m_server = std::make_unique<SimServer>(options);
    QVERIFY(m_server->listen());
    QVERIFY(m_server->port() != 0);
    QCOMPARE(m_server->baseUrl().host(), QStringLiteral("127.0.0.1"));
    m_token = fetchToken();
    QVERIFY(!m_token.isEmpty());
    m_allIncidents = listAll(QStringLiteral("/v1.0/security/incidents?$top=50"));
    QCOMPARE(m_allIncidents.size(), 300);
}

void TestSimServer::tokenIsIssuedForClientCredentials()
{
    const HttpResult result = request(
            "POST", url(u'/' + m_server->tenantId() + QLatin1String("/oauth2/v2.0/token")),
            tokenForm(),
            {{QByteArrayLiteral("Content-Type"),
              QByteArrayLiteral("application/x-www-form-urlencoded")}});
    QCOMPARE(result.status, 200);
    QCOMPARE(text(result.json, "token_type"), QStringLiteral("Bearer"));
    QCOMPARE(result.json.value(QLatin1String("expires_in")).toInt(), 3600);
    QCOMPARE(result.json.value(QLatin1String("ext_expires_in")).toInt(), 3600);
    const QString token = text(result.json, "access_token");
    QVERIFY(token.size() > 40);
    QVERIFY(token != m_token); // every call issues a fresh token
}

void TestSimServer::tokenErrorsAreEntraShaped_data()
{
    QTest::addColumn<QString>("tenant");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");
    QTest::addColumn<int>("code");

    const QString tenant = m_server->tenantId();
    const QByteArray form = QByteArrayLiteral("application/x-www-form-urlencoded");
    QTest::newRow("wrong secret") << tenant << tokenForm(QStringLiteral("nope")) << form << 401
                                  << QStringLiteral("invalid_client") << 7000215;
    QByteArray noSecret = tokenForm();
    noSecret.replace("client_secret=demo-secret&", "");
    QTest::newRow("missing secret")
            << tenant << noSecret << form << 401 << QStringLiteral("invalid_client") << 7000216;
    QByteArray unknownClient = tokenForm();
    unknownClient.replace(m_server->clientId().toLatin1(), "00000000-0000-0000-0000-000000000001");
    QTest::newRow("unknown client") << tenant << unknownClient << form << 400
                                    << QStringLiteral("unauthorized_client") << 700016;
    QByteArray password = tokenForm();
    password.replace("client_credentials", "password");
    QTest::newRow("unsupported grant") << tenant << password << form << 400
                                       << QStringLiteral("unsupported_grant_type") << 70003;
    QByteArray noScope = tokenForm();
    noScope.replace("scope=", "scopes=");
    QTest::newRow("missing scope")
            << tenant << noScope << form << 400 << QStringLiteral("invalid_request") << 900144;
    QTest::newRow("json body") << tenant
                               << QByteArrayLiteral("{\"grant_type\":\"client_credentials\"}")
                               << QByteArrayLiteral("application/json") << 400
                               << QStringLiteral("invalid_request") << 900144;
    QTest::newRow("unknown tenant")
            << QStringLiteral("11111111-2222-3333-4444-555555555555") << tokenForm() << form << 400
            << QStringLiteral("invalid_request") << 90002;
    QByteArray badScope = tokenForm();
    badScope.replace(".default", "SecurityIncident.Read.All");
    QTest::newRow("non-default scope")
            << tenant << badScope << form << 400 << QStringLiteral("invalid_scope") << 1002012;
}

void TestSimServer::tokenErrorsAreEntraShaped()
{
    QFETCH(QString, tenant);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(int, status);
    QFETCH(QString, error);
    QFETCH(int, code);

    const HttpResult result
            = request("POST", url(u'/' + tenant + QLatin1String("/oauth2/v2.0/token")), body,
                      {{QByteArrayLiteral("Content-Type"), contentType}});
    QCOMPARE(result.status, status);
    QCOMPARE(text(result.json, "error"), error);
    QVERIFY(text(result.json, "error_description")
                    .startsWith(QStringLiteral("AADSTS%1: ").arg(code)));
    QCOMPARE(result.json.value(QLatin1String("error_codes")).toArray(), QJsonArray{code});
    QVERIFY(!QUuid::fromString(text(result.json, "trace_id")).isNull());
    QVERIFY(!QUuid::fromString(text(result.json, "correlation_id")).isNull());
    QVERIFY(!text(result.json, "timestamp").isEmpty());
    QVERIFY(!result.json.contains(QLatin1String("access_token")));
}

void TestSimServer::graphRejectsMissingOrBadToken_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<QString>("message");
    QTest::newRow("no header") << QByteArray() << QStringLiteral("Access token is empty.");
    QTest::newRow("empty bearer") << QByteArrayLiteral("Bearer ")
                                  << QStringLiteral("Access token is empty.");
    QTest::newRow("unknown token") << QByteArrayLiteral("Bearer not-a-token") << QString();
}

void TestSimServer::graphRejectsMissingOrBadToken()
{
    QFETCH(QByteArray, authorization);
    QFETCH(QString, message);
    QList<std::pair<QByteArray, QByteArray>> headers;
    if (!authorization.isNull())
        headers.append({QByteArrayLiteral("Authorization"), authorization});
    const HttpResult result
            = request("GET", url(QStringLiteral("/v1.0/security/incidents")), {}, headers);
    QCOMPARE(result.status, 401);
    QCOMPARE(text(result.graphError(), "code"), QStringLiteral("InvalidAuthenticationToken"));
    if (!message.isEmpty())
        QCOMPARE(text(result.graphError(), "message"), message);
    QVERIFY(result.graphError()
                    .value(QLatin1String("innerError"))
                    .toObject()
                    .contains(QLatin1String("request-id")));
    QVERIFY(!result.header("request-id").isEmpty());
}

void TestSimServer::expiredTokenIsRejected()
{
    QCOMPARE(admin("POST", QStringLiteral("/_sim/tokens/expire")).status, 200);
    const HttpResult result = graphGet(QStringLiteral("/v1.0/security/incidents?$top=1"));
    QCOMPARE(result.status, 401);
    QCOMPARE(text(result.graphError(), "message"),
             QStringLiteral("Access token has expired or is not yet valid."));
    m_token = fetchToken();
    QCOMPARE(graphGet(QStringLiteral("/v1.0/security/incidents?$top=1")).status, 200);
}

void TestSimServer::topAboveFiftyIsRejectedLikeGraph_data()
{
    QTest::addColumn<QString>("top");
    QTest::newRow("51") << QStringLiteral("51");
    QTest::newRow("100") << QStringLiteral("100");
}

void TestSimServer::topAboveFiftyIsRejectedLikeGraph()
{
    QFETCH(QString, top);
    const HttpResult result
            = request("GET", url(u"/v1.0/security/incidents?$top=" + top), {},
                      {{QByteArrayLiteral("Authorization"), "Bearer " + m_token.toLatin1()},
                       {QByteArrayLiteral("client-request-id"),
                        QByteArrayLiteral("6f1b0a8e-1111-4222-8333-944445555666")}});
    QCOMPARE(result.status, 400);
    const QJsonObject error = result.graphError();
    QCOMPARE(text(error, "code"), QString());
    QCOMPARE(text(error, "message"),
             QStringLiteral("The query specified in the URI is not valid. The limit of '50' for "
                            "Top query has been exceeded. The value from the incoming request is "
                            "'%1'.")
                     .arg(top));
    QCOMPARE(error.value(QLatin1String("details")).toArray(), QJsonArray());
    const QJsonObject inner = error.value(QLatin1String("innerError")).toObject();
    QCOMPARE(text(inner, "client-request-id"),
             QStringLiteral("6f1b0a8e-1111-4222-8333-944445555666"));
    QVERIFY(!QUuid::fromString(text(inner, "request-id")).isNull());
    QVERIFY(QDateTime::fromString(text(inner, "date"), Qt::ISODate).isValid());
    QVERIFY(result.header("Content-Type").startsWith("application/json"));
}

void TestSimServer::nextLinkVisitsEveryIncidentOnce()
{
    int pages = 0;
    const QList<QJsonObject> all
            = listAll(QStringLiteral("/v1.0/security/incidents?$top=50"), &pages);
    QCOMPARE(pages, 6);
    QSet<QString> ids;
    for (const QJsonObject &incident : all)
        ids.insert(text(incident, "id"));
    QCOMPARE(ids.size(), all.size());
    QCOMPARE(ids.size(), static_cast<qsizetype>(m_server->tenant().incidents().size()));

    // Without $top the default page size of 50 applies and paging still covers everything.
    const HttpResult first = graphGet(QStringLiteral("/v1.0/security/incidents"));
    QCOMPARE(first.value().size(), 50);
    const QUrl next(text(first.json, "@odata.nextLink"));
    QCOMPARE(next.scheme(), QStringLiteral("http"));
    QCOMPARE(next.port(), static_cast<int>(m_server->port()));
    QCOMPARE(listAll(QStringLiteral("/v1.0/security/incidents")).size(), all.size());
}

void TestSimServer::filterSelectsExactlyTheMatchingIncidents_data()
{
    QTest::addColumn<QString>("filter");
    m_predicates.clear();
    QList<QString> updates;
    for (const QJsonObject &incident : std::as_const(m_allIncidents))
        updates.append(text(incident, "lastUpdateDateTime"));
    std::sort(updates.begin(), updates.end());
    const QString pivot = updates.at(updates.size() / 2);
    QList<QString> created;
    for (const QJsonObject &incident : std::as_const(m_allIncidents))
        created.append(text(incident, "createdDateTime"));
    std::sort(created.begin(), created.end());
    const QString createdPivot = created.at(created.size() / 3);

    auto add = [this](const char *tag, const QString &filter, const IncidentPredicate &predicate) {
        QTest::newRow(tag) << filter;
        m_predicates.insert(QString::fromLatin1(tag), predicate);
    };
    add("lastUpdate ge", u"lastUpdateDateTime ge " + pivot,
        [pivot](const QJsonObject &i) { return text(i, "lastUpdateDateTime") >= pivot; });
    add("lastUpdate gt", u"lastUpdateDateTime gt " + pivot,
        [pivot](const QJsonObject &i) { return text(i, "lastUpdateDateTime") > pivot; });
    add("created lt", u"createdDateTime lt " + createdPivot,
        [createdPivot](const QJsonObject &i) { return text(i, "createdDateTime") < createdPivot; });
    add("status eq", QStringLiteral("status eq 'active'"),
        [](const QJsonObject &i) { return text(i, "status") == QLatin1String("active"); });
    add("status ne", QStringLiteral("status ne 'redirected'"),
        [](const QJsonObject &i) { return text(i, "status") != QLatin1String("redirected"); });
    add("severity eq", QStringLiteral("severity eq 'high'"),
        [](const QJsonObject &i) { return text(i, "severity") == QLatin1String("high"); });
    add("classification eq", QStringLiteral("classification eq 'falsePositive'"),
        [](const QJsonObject &i) {
            return text(i, "classification") == QLatin1String("falsePositive");
        });
    add("determination eq", QStringLiteral("determination eq 'phishing'"),
        [](const QJsonObject &i) { return text(i, "determination") == QLatin1String("phishing"); });
    add("assignedTo null", QStringLiteral("assignedTo eq null"),
        [](const QJsonObject &i) { return i.value(QLatin1String("assignedTo")).isNull(); });
    add("assignedTo upn", QStringLiteral("assignedTo eq 'KaiC@contoso.onmicrosoft.com'"),
        [](const QJsonObject &i) {
            return text(i, "assignedTo")
                           .compare(QLatin1String("KaiC@contoso.onmicrosoft.com"),
                                    Qt::CaseInsensitive)
                   == 0;
        });
    add("and", u"lastUpdateDateTime ge " + pivot + u" and status ne 'resolved'",
        [pivot](const QJsonObject &i) {
            return text(i, "lastUpdateDateTime") >= pivot
                   && text(i, "status") != QLatin1String("resolved");
        });
    add("or with parentheses",
        QStringLiteral("(severity eq 'high' or severity eq 'medium') and status eq 'inProgress'"),
        [](const QJsonObject &i) {
            return (text(i, "severity") == QLatin1String("high")
                    || text(i, "severity") == QLatin1String("medium"))
                   && text(i, "status") == QLatin1String("inProgress");
        });
}

void TestSimServer::filterSelectsExactlyTheMatchingIncidents()
{
    QFETCH(QString, filter);
    const IncidentPredicate predicate
            = m_predicates.value(QString::fromLatin1(QTest::currentDataTag()));
    QVERIFY(predicate);
    qsizetype expected = 0;
    for (const QJsonObject &incident : std::as_const(m_allIncidents))
        expected += predicate(incident) ? 1 : 0;
    QVERIFY2(expected > 0, "the generated tenant should have matches for every filter");

    QUrlQuery query;
    query.addQueryItem(QStringLiteral("$filter"), filter);
    query.addQueryItem(QStringLiteral("$top"), QStringLiteral("50"));
    const QList<QJsonObject> found
            = listAll(u"/v1.0/security/incidents?" + query.toString(QUrl::FullyEncoded));
    for (const QJsonObject &incident : found)
        QVERIFY2(predicate(incident), qPrintable(text(incident, "id")));
    QCOMPARE(found.size(), expected);
}

void TestSimServer::badFilterIsAnODataError_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("messageStart");
    QTest::newRow("unknown property") << QStringLiteral("colour eq 'red'")
                                      << QStringLiteral("Could not find a property named 'colour'");
    QTest::newRow("syntax") << QStringLiteral("status eq")
                            << QStringLiteral("Invalid filter clause");
    QTest::newRow("bad enum") << QStringLiteral("status eq 'open'")
                              << QStringLiteral("The string 'open' is not a valid enumeration");
    QTest::newRow("quoted datetime")
            << QStringLiteral("lastUpdateDateTime ge '2024-05-01T00:00:00Z'")
            << QStringLiteral("A binary operator with incompatible types");
}

void TestSimServer::badFilterIsAnODataError()
{
    QFETCH(QString, filter);
    QFETCH(QString, messageStart);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("$filter"), filter);
    const HttpResult result
            = graphGet(u"/v1.0/security/incidents?" + query.toString(QUrl::FullyEncoded));
    QCOMPARE(result.status, 400);
    QVERIFY2(text(result.graphError(), "message").startsWith(messageStart),
             qPrintable(text(result.graphError(), "message")));
}

void TestSimServer::orderBySortsPages_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<bool>("descending");
    QTest::newRow("lastUpdate asc") << QStringLiteral("lastUpdateDateTime") << false;
    QTest::newRow("lastUpdate desc") << QStringLiteral("lastUpdateDateTime") << true;
    QTest::newRow("created asc") << QStringLiteral("createdDateTime") << false;
    QTest::newRow("created desc") << QStringLiteral("createdDateTime") << true;
}

void TestSimServer::orderBySortsPages()
{
    QFETCH(QString, field);
    QFETCH(bool, descending);
    const QList<QJsonObject> all
            = listAll(u"/v1.0/security/incidents?$top=50&$orderby=" + field
                      + (descending ? QLatin1String("%20desc") : QLatin1String("%20asc")));
    QCOMPARE(all.size(), static_cast<qsizetype>(m_server->tenant().incidents().size()));
    for (qsizetype i = 1; i < all.size(); ++i) {
        const QString previous = text(all[i - 1], field.toLatin1().constData());
        const QString current = text(all[i], field.toLatin1().constData());
        QVERIFY2(descending ? previous >= current : previous <= current,
                 qPrintable(previous + u' ' + current));
    }
}

void TestSimServer::defaultOrderIsMostRecentFirst()
{
    const HttpResult page = graphGet(QStringLiteral("/v1.0/security/incidents?$top=10"));
    QCOMPARE(page.value().size(), 10);
    for (qsizetype i = 1; i < page.value().size(); ++i) {
        QVERIFY(text(page.value()[i - 1].toObject(), "createdDateTime")
                >= text(page.value()[i].toObject(), "createdDateTime"));
    }
}

void TestSimServer::countReportsTotalMatches()
{
    const HttpResult page = graphGet(QStringLiteral("/v1.0/security/incidents?$top=5&$count=true"));
    QCOMPARE(page.value().size(), 5);
    QCOMPARE(page.json.value(QLatin1String("@odata.count")).toInteger(),
             static_cast<qint64>(m_server->tenant().incidents().size()));
    const HttpResult without = graphGet(QStringLiteral("/v1.0/security/incidents?$top=5"));
    QVERIFY(!without.json.contains(QLatin1String("@odata.count")));
    QVERIFY(page.json.contains(QLatin1String("@odata.context")));
}

void TestSimServer::expandAlertsInlinesAlertsWithEvidence()
{
    const HttpResult page
            = graphGet(QStringLiteral("/v1.0/security/incidents?$top=20&$expand=alerts"));
    QCOMPARE(page.status, 200);
    QSet<QString> evidenceTypes;
    for (const QJsonValue value : page.value()) {
        const QJsonObject incident = value.toObject();
        const QJsonArray alerts = incident.value(QLatin1String("alerts")).toArray();
        const Incident *stored = m_server->tenant().incident(text(incident, "id").toLongLong());
        QVERIFY(stored);
        QCOMPARE(alerts.size(), stored->alerts.size());
        for (const QJsonValue alertValue : alerts) {
            const QJsonObject alert = alertValue.toObject();
            QCOMPARE(text(alert, "incidentId"), text(incident, "id"));
            QVERIFY(text(alert, "alertWebUrl")
                            .startsWith(QLatin1String("https://security.microsoft.com/alerts/")));
            QVERIFY(!text(alert, "serviceSource").isEmpty());
            QVERIFY(QRegularExpression(
                            QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$)"))
                            .match(text(alert, "createdDateTime"))
                            .hasMatch());
            for (const QJsonValue evidence : alert.value(QLatin1String("evidence")).toArray()) {
                const QJsonObject item = evidence.toObject();
                evidenceTypes.insert(text(item, "@odata.type"));
                QVERIFY(item.contains(QLatin1String("verdict")));
                QVERIFY(item.contains(QLatin1String("roles")));
                QVERIFY(item.contains(QLatin1String("remediationStatus")));
            }
        }
    }
    QVERIFY(evidenceTypes.contains(QStringLiteral("#microsoft.graph.security.userEvidence")));
    const HttpResult plain = graphGet(QStringLiteral("/v1.0/security/incidents?$top=1"));
    QVERIFY(!plain.value().first().toObject().contains(QLatin1String("alerts")));
}

void TestSimServer::evolvableEnumsNeedPreferHeader()
{
    const auto filter
            = QStringLiteral("/v1.0/security/incidents?$filter=status%20eq%20'awaitingAction'");
    const HttpResult with = graphGet(filter, true);
    QVERIFY(!with.value().isEmpty());
    const QString id = text(with.value().first().toObject(), "id");
    QCOMPARE(text(with.value().first().toObject(), "status"), QStringLiteral("awaitingAction"));

    const HttpResult without = graphGet(u"/v1.0/security/incidents/" + id, false);
    QCOMPARE(without.status, 200);
    QCOMPARE(text(without.json, "status"), QStringLiteral("unknownFutureValue"));

    // Defender for Cloud alerts carry a serviceSource newer than unknownFutureValue.
    const auto alertsFilter = QStringLiteral(
            "/v1.0/security/"
            "alerts_v2?$top=5&$filter=serviceSource%20eq%20'microsoftDefenderForCloud'");
    const HttpResult newer = graphGet(alertsFilter, true);
    QVERIFY(!newer.value().isEmpty());
    QCOMPARE(text(newer.value().first().toObject(), "serviceSource"),
             QStringLiteral("microsoftDefenderForCloud"));
    const HttpResult hidden = graphGet(alertsFilter, false);
    QCOMPARE(text(hidden.value().first().toObject(), "serviceSource"),
             QStringLiteral("unknownFutureValue"));
    QCOMPARE(text(hidden.value().first().toObject(), "detectionSource"),
             QStringLiteral("unknownFutureValue"));
}

void TestSimServer::getOneIncidentAnd404()
{
    const QJsonObject known = m_allIncidents.first();
    const HttpResult one = graphGet(u"/v1.0/security/incidents/" + text(known, "id"));
    QCOMPARE(one.status, 200);
    QCOMPARE(text(one.json, "displayName"), text(known, "displayName"));
    QCOMPARE(text(one.json, "incidentWebUrl"), u"https://security.microsoft.com/incidents/"
                                                       + text(known, "id") + u"?tid="
                                                       + m_server->tenantId());
    QCOMPARE(text(one.json, "tenantId"), m_server->tenantId());

    const HttpResult missing = graphGet(QStringLiteral("/v1.0/security/incidents/1"));
    QCOMPARE(missing.status, 404);
    QVERIFY(!text(missing.graphError(), "message").isEmpty());
    const HttpResult route = graphGet(QStringLiteral("/v1.0/security/nothingHere"));
    QCOMPARE(route.status, 404);
    QVERIFY(route.json.contains(QLatin1String("error")));
}

void TestSimServer::patchUpdatesIncident()
{
    const qint64 id
            = m_server->tenant().createIncident(2, Severity::Low, QStringLiteral("Patch me"));
    const QString before = formatTicks(m_server->tenant().incident(id)->lastUpdateDateTime);
    const QJsonObject change{
            {QLatin1String("status"), QStringLiteral("resolved")},
            {QLatin1String("assignedTo"), QStringLiteral("analyst@contoso.onmicrosoft.com")},
            {QLatin1String("classification"), QStringLiteral("truePositive")},
            {QLatin1String("determination"), QStringLiteral("malware")},
            {QLatin1String("customTags"), QJsonArray{QStringLiteral("Vigil")}}};
    const HttpResult result
            = request("PATCH", url(u"/v1.0/security/incidents/" + QString::number(id)),
                      QJsonDocument(change).toJson(),
                      {{QByteArrayLiteral("Authorization"), "Bearer " + m_token.toLatin1()},
                       {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}});
    QCOMPARE(result.status, 200);
    QCOMPARE(text(result.json, "status"), QStringLiteral("resolved"));
    QCOMPARE(text(result.json, "assignedTo"), QStringLiteral("analyst@contoso.onmicrosoft.com"));
    QCOMPARE(text(result.json, "determination"), QStringLiteral("malware"));
    QCOMPARE(result.json.value(QLatin1String("customTags")).toArray(),
             QJsonArray{QStringLiteral("Vigil")});
    QVERIFY(text(result.json, "lastUpdateDateTime") > before);

    const HttpResult after = graphGet(u"/v1.0/security/incidents/" + QString::number(id)
                                      + QLatin1String("?$expand=alerts"));
    QCOMPARE(text(after.json, "status"), QStringLiteral("resolved"));
    for (const QJsonValue alert : after.json.value(QLatin1String("alerts")).toArray())
        QCOMPARE(text(alert.toObject(), "status"), QStringLiteral("resolved"));

    const HttpResult unassign
            = request("PATCH", url(u"/v1.0/security/incidents/" + QString::number(id)),
                      R"({"assignedTo":null})",
                      {{QByteArrayLiteral("Authorization"), "Bearer " + m_token.toLatin1()},
                       {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}});
    QCOMPARE(unassign.status, 200);
    QVERIFY(unassign.json.value(QLatin1String("assignedTo")).isNull());
}

void TestSimServer::patchRejectsInvalidValues_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("redirected") << QByteArrayLiteral(R"({"status":"redirected"})");
    QTest::newRow("awaitingAction") << QByteArrayLiteral(R"({"status":"awaitingAction"})");
    QTest::newRow("unknown status") << QByteArrayLiteral(R"({"status":"closed"})");
    QTest::newRow("doc-page alias") << QByteArrayLiteral(R"({"determination":"clean"})");
    QTest::newRow("apt") << QByteArrayLiteral(R"({"determination":"apt"})");
    QTest::newRow("securityPersonnel")
            << QByteArrayLiteral(R"({"determination":"securityPersonnel"})");
    QTest::newRow("read-only") << QByteArrayLiteral(R"({"lastModifiedBy":"me"})");
    QTest::newRow("severity") << QByteArrayLiteral(R"({"severity":"high"})");
    QTest::newRow("tags not strings") << QByteArrayLiteral(R"({"customTags":[1]})");
    QTest::newRow("unknown property") << QByteArrayLiteral(R"({"owner":"x"})");
    QTest::newRow("not json") << QByteArrayLiteral("status=resolved");
}

void TestSimServer::patchRejectsInvalidValues()
{
    QFETCH(QByteArray, body);
    const QString id = text(m_allIncidents.at(10), "id");
    const QString before
            = formatTicks(m_server->tenant().incident(id.toLongLong())->lastUpdateDateTime);
    const HttpResult result
            = request("PATCH", url(u"/v1.0/security/incidents/" + id), body,
                      {{QByteArrayLiteral("Authorization"), "Bearer " + m_token.toLatin1()},
                       {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}});
    QCOMPARE(result.status, 400);
    QVERIFY(!text(result.graphError(), "message").isEmpty());
    QCOMPARE(formatTicks(m_server->tenant().incident(id.toLongLong())->lastUpdateDateTime), before);
}

void TestSimServer::commentsReturnTheWholeList()
{
    const qint64 id = m_server->tenant().createIncident(1, Severity::Medium, QString());
    const QString path = u"/v1.0/security/incidents/" + QString::number(id) + u"/comments";
    const QList<std::pair<QByteArray, QByteArray>> headers{
            {QByteArrayLiteral("Authorization"), "Bearer " + m_token.toLatin1()},
            {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}};
    const HttpResult first = request(
            "POST", url(path),
            R"({"@odata.type":"microsoft.graph.security.alertComment","comment":"Erster Kommentar – geprüft"})",
            headers);
    QCOMPARE(first.status, 200);
    QCOMPARE(first.value().size(), 1);
    const HttpResult second = request("POST", url(path), R"({"comment":"second"})", headers);
    QCOMPARE(second.status, 200);
    QCOMPARE(second.value().size(), 2);
    const QJsonObject firstComment = second.value().at(0).toObject();
    QCOMPARE(text(firstComment, "comment"), QStringLiteral("Erster Kommentar – geprüft"));
    QCOMPARE(text(firstComment, "createdByDisplayName"), SimTenant::appDisplayName());
    QVERIFY(!text(firstComment, "createdDateTime").isEmpty());
    QCOMPARE(text(second.value().at(1).toObject(), "comment"), QStringLiteral("second"));

    const HttpResult empty = request("POST", url(path), R"({"comment":""})", headers);
    QCOMPARE(empty.status, 400);
}

void TestSimServer::writesAreAttributedAndRecorded()
{
    const qint64 id = m_server->tenant().createIncident(2, Severity::Low, QStringLiteral("Audit"));
    const QString path = u"/v1.0/security/incidents/" + QString::number(id);
    const QList<std::pair<QByteArray, QByteArray>> headers{
            {QByteArrayLiteral("Authorization"), "Bearer " + m_token.toLatin1()},
            {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}};
    const QString created = text(graphGet(path).json, "lastUpdateDateTime");
    const HttpResult patched
            = request("PATCH", url(path),
                      R"({"status":"inProgress","assignedTo":"kai@contoso.com"})", headers);
    QCOMPARE(patched.status, 200);
    QCOMPARE(text(patched.json, "lastModifiedBy"), SimTenant::appDisplayName());
    QVERIFY(text(patched.json, "lastUpdateDateTime") > created);
    const HttpResult portal = admin("POST", u"/_sim/incidents/" + QString::number(id),
                                    {{QLatin1String("status"), QStringLiteral("resolved")}});
    QCOMPARE(portal.status, 200);
    QCOMPARE(text(portal.json, "lastModifiedBy"),
             QStringLiteral("soc-lead@contoso.onmicrosoft.com"));
    QVERIFY(text(portal.json, "lastUpdateDateTime") > text(patched.json, "lastUpdateDateTime"));
    const HttpResult named
            = admin("POST", u"/_sim/incidents/" + QString::number(id),
                    {{QLatin1String("assignedTo"), QStringLiteral("lea@contoso.com")},
                     {QLatin1String("modifiedBy"), QStringLiteral("lea@contoso.com")}});
    QCOMPARE(text(named.json, "lastModifiedBy"), QStringLiteral("lea@contoso.com"));
    QCOMPARE(request("POST", url(path + u"/comments"), R"({"comment":"api note"})", headers).status,
             200);

    const HttpResult history
            = admin("GET", u"/_sim/incidents/" + QString::number(id) + u"/history");
    QCOMPARE(history.status, 200);
    const QJsonArray entries = history.json.value(QLatin1String("history")).toArray();
    QStringList summary;
    QString previousTime;
    for (const QJsonValue value : entries) {
        const QJsonObject entry = value.toObject();
        summary.append(text(entry, "action") + u'/' + text(entry, "source"));
        QVERIFY(text(entry, "time") > previousTime);
        previousTime = text(entry, "time");
        QCOMPARE(text(entry, "incidentId"), QString::number(id));
    }
    QCOMPARE(summary, (QStringList{QStringLiteral("create/system"), QStringLiteral("update/api"),
                                   QStringLiteral("update/portal"), QStringLiteral("update/portal"),
                                   QStringLiteral("comment/api")}));
    const QJsonObject apiUpdate = entries.at(1).toObject();
    QCOMPARE(text(apiUpdate, "actor"), SimTenant::appDisplayName());
    QCOMPARE(apiUpdate.value(QLatin1String("requestId")).toString().toLatin1(),
             patched.header("request-id"));
    const QJsonObject changes = apiUpdate.value(QLatin1String("changes")).toObject();
    QCOMPARE(changes.value(QLatin1String("status")).toObject(),
             (QJsonObject{{QLatin1String("from"), QStringLiteral("active")},
                          {QLatin1String("to"), QStringLiteral("inProgress")}}));
    QCOMPARE(changes.value(QLatin1String("assignedTo")).toObject().value(QLatin1String("from")),
             QJsonValue(QJsonValue::Null));
    QCOMPARE(text(entries.at(2).toObject(), "actor"),
             QStringLiteral("soc-lead@contoso.onmicrosoft.com"));
    QCOMPARE(entries.at(4).toObject().value(QLatin1String("changes")).toObject(),
             (QJsonObject{{QLatin1String("comment"), QStringLiteral("api note")}}));

    // The tenant-wide history pages with ?since=.
    const qint64 last = entries.last().toObject().value(QLatin1String("sequence")).toInteger();
    QVERIFY(admin("GET", QStringLiteral("/_sim/history?since=%1").arg(last))
                    .json.value(QLatin1String("history"))
                    .toArray()
                    .isEmpty());
    QCOMPARE(admin("GET", QStringLiteral("/_sim/history?since=%1").arg(last - 1))
                     .json.value(QLatin1String("history"))
                     .toArray()
                     .size(),
             1);
    QCOMPARE(admin("GET", QStringLiteral("/_sim/incidents/1/history")).status, 404);
}

void TestSimServer::lastWriteWinsWithoutIfMatch()
{
    const qint64 id = m_server->tenant().createIncident(1, Severity::Low, QStringLiteral("Race"));
    const QString path = u"/v1.0/security/incidents/" + QString::number(id);
    const HttpResult before = graphGet(path);
    const QList<std::pair<QByteArray, QByteArray>> headers{
            {QByteArrayLiteral("Authorization"), "Bearer " + m_token.toLatin1()},
            {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")},
            {QByteArrayLiteral("If-Match"), QByteArrayLiteral("W/\"stale\"")}};
    admin("POST", u"/_sim/incidents/" + QString::number(id),
          {{QLatin1String("assignedTo"), QStringLiteral("portal@contoso.com")}});
    const HttpResult mine
            = request("PATCH", url(path), R"({"assignedTo":"vigil@contoso.com"})", headers);
    QCOMPARE(mine.status, 200);
    QCOMPARE(text(mine.json, "assignedTo"), QStringLiteral("vigil@contoso.com"));
    QVERIFY(text(mine.json, "lastUpdateDateTime") > text(before.json, "lastUpdateDateTime"));
    QVERIFY(!mine.json.contains(QLatin1String("@odata.etag")));
    QCOMPARE(m_server->tenant().history(id).size(), 3); // create, portal, api: nothing merged
}

void TestSimServer::patchAlertUpdatesTheAlert()
{
    const qint64 id
            = m_server->tenant().createIncident(3, Severity::High, QStringLiteral("Alerts"));
    const Incident *incident = m_server->tenant().incident(id);
    const QString alertId = m_server->tenant().alertId(
            m_server->tenant().alerts()[static_cast<std::size_t>(incident->alerts.first())]);
    const QString incidentBefore = formatTicks(incident->lastUpdateDateTime);
    const QString path = u"/v1.0/security/alerts_v2/" + alertId;
    const QString alertBefore = text(graphGet(path).json, "lastUpdateDateTime");
    const HttpResult patched = request(
            "PATCH", url(path),
            R"({"status":"resolved","classification":"falsePositive","determination":"notMalicious","assignedTo":"tier2@contoso.com"})",
            {{QByteArrayLiteral("Authorization"), "Bearer " + m_token.toLatin1()},
             {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}});
    QCOMPARE(patched.status, 200);
    QCOMPARE(text(patched.json, "id"), alertId);
    QCOMPARE(text(patched.json, "status"), QStringLiteral("resolved"));
    QCOMPARE(text(patched.json, "classification"), QStringLiteral("falsePositive"));
    QCOMPARE(text(patched.json, "determination"), QStringLiteral("notMalicious"));
    QCOMPARE(text(patched.json, "assignedTo"), QStringLiteral("tier2@contoso.com"));
    QVERIFY(!patched.json.value(QLatin1String("resolvedDateTime")).isNull());
    QVERIFY(text(patched.json, "lastUpdateDateTime") > alertBefore);
    QVERIFY(formatTicks(m_server->tenant().incident(id)->lastUpdateDateTime) > incidentBefore);

    const HttpResult fetched = graphGet(path);
    QCOMPARE(text(fetched.json, "assignedTo"), QStringLiteral("tier2@contoso.com"));
    const HttpResult filtered = graphGet(QStringLiteral(
            "/v1.0/security/alerts_v2?$filter=assignedTo%20eq%20'tier2@contoso.com'"));
    QCOMPARE(filtered.value().size(), 1);
    QCOMPARE(text(filtered.value().first().toObject(), "id"), alertId);

    const QList<ChangeRecord> history = m_server->tenant().history(id);
    QCOMPARE(history.last().action, QStringLiteral("alertUpdate"));
    QCOMPARE(history.last().alertId, alertId);
    QCOMPARE(history.last().source, ChangeSource::Api);

    // Assigning the incident assigns its alerts again.
    admin("POST", u"/_sim/incidents/" + QString::number(id),
          {{QLatin1String("assignedTo"), QStringLiteral("owner@contoso.com")}});
    QCOMPARE(text(graphGet(path).json, "assignedTo"), QStringLiteral("owner@contoso.com"));

    const HttpResult reopened
            = request("PATCH", url(path), R"({"status":"inProgress","assignedTo":null})",
                      {{QByteArrayLiteral("Authorization"), "Bearer " + m_token.toLatin1()},
                       {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}});
    QCOMPARE(reopened.status, 200);
    QVERIFY(reopened.json.value(QLatin1String("resolvedDateTime")).isNull());
    QVERIFY(reopened.json.value(QLatin1String("assignedTo")).isNull());
}

void TestSimServer::patchAlertRejectsInvalidValues_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::newRow("incident status") << QByteArrayLiteral(R"({"status":"active"})") << 400;
    QTest::newRow("unknown status") << QByteArrayLiteral(R"({"status":"unknown"})") << 400;
    QTest::newRow("apt") << QByteArrayLiteral(R"({"determination":"apt"})") << 400;
    QTest::newRow("read-only") << QByteArrayLiteral(R"({"severity":"low"})") << 400;
    QTest::newRow("unknown property") << QByteArrayLiteral(R"({"owner":"x"})") << 400;
    QTest::newRow("not json") << QByteArrayLiteral("status=new") << 400;
    QTest::newRow("unknown alert") << QByteArray() << 404;
}

void TestSimServer::patchAlertRejectsInvalidValues()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    const Alert &alert = m_server->tenant().alerts().front();
    const QString alertId
            = status == 404 ? QStringLiteral("da000_0") : m_server->tenant().alertId(alert);
    const Ticks before = alert.lastUpdateDateTime;
    const HttpResult result
            = request("PATCH", url(u"/v1.0/security/alerts_v2/" + alertId),
                      body.isEmpty() ? QByteArrayLiteral(R"({"status":"new"})") : body,
                      {{QByteArrayLiteral("Authorization"), "Bearer " + m_token.toLatin1()},
                       {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}});
    QCOMPARE(result.status, status);
    QVERIFY(!text(result.graphError(), "message").isEmpty());
    QVERIFY(result.graphError().contains(QLatin1String("innerError")));
    QCOMPARE(m_server->tenant().alerts().front().lastUpdateDateTime, before);
}

void TestSimServer::alertCommentsReturnTheWholeList()
{
    const qint64 id = m_server->tenant().createIncident(1, Severity::Low, QString());
    const Incident *incident = m_server->tenant().incident(id);
    const QString alertId = m_server->tenant().alertId(
            m_server->tenant().alerts()[static_cast<std::size_t>(incident->alerts.first())]);
    const QString path = u"/v1.0/security/alerts_v2/" + alertId + u"/comments";
    const QList<std::pair<QByteArray, QByteArray>> headers{
            {QByteArrayLiteral("Authorization"), "Bearer " + m_token.toLatin1()},
            {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}};
    const HttpResult first = request(
            "POST", url(path),
            R"({"@odata.type":"microsoft.graph.security.alertComment","comment":"first"})",
            headers);
    QCOMPARE(first.status, 200);
    QVERIFY(text(first.json, "@odata.context").contains(QLatin1String("alertComment")));
    QCOMPARE(first.value().size(), 1);
    const HttpResult second = request("POST", url(path), R"({"comment":"second"})", headers);
    QCOMPARE(second.value().size(), 2);
    QCOMPARE(text(second.value().at(1).toObject(), "createdByDisplayName"),
             SimTenant::appDisplayName());
    const HttpResult alert = graphGet(u"/v1.0/security/alerts_v2/" + alertId);
    QCOMPARE(alert.json.value(QLatin1String("comments")).toArray().size(), 2);
    // Alert comments are not incident comments.
    QVERIFY(graphGet(u"/v1.0/security/incidents/" + QString::number(id))
                    .json.value(QLatin1String("comments"))
                    .toArray()
                    .isEmpty());
    QCOMPARE(request("POST", url(path), R"({"comment":"  "})", headers).status, 400);
    QCOMPARE(request("POST", url(path), R"({"comment":"x","author":"me"})", headers).status, 400);
    QCOMPARE(request("POST", url(QStringLiteral("/v1.0/security/alerts_v2/nope/comments")),
                     R"({"comment":"x"})", headers)
                     .status,
             404);
    QCOMPARE(m_server->tenant().history(id).last().action, QStringLiteral("alertComment"));
}

void TestSimServer::alertsPageThroughEveryAlert()
{
    int pages = 0;
    const QList<QJsonObject> all
            = listAll(QStringLiteral("/v1.0/security/alerts_v2?$top=500"), &pages);
    QCOMPARE(all.size(), static_cast<qsizetype>(m_server->tenant().alerts().size()));
    QVERIFY(pages > 1);
    QSet<QString> ids;
    for (const QJsonObject &alert : all)
        ids.insert(text(alert, "id"));
    QCOMPARE(ids.size(), all.size());

    const HttpResult filtered
            = graphGet(QStringLiteral("/v1.0/security/"
                                      "alerts_v2?$count=true&$top=10&$filter=serviceSource%20eq%20'"
                                      "microsoftDefenderForEndpoint'"));
    QCOMPARE(filtered.status, 200);
    QVERIFY(filtered.json.value(QLatin1String("@odata.count")).toInteger() > 10);
    for (const QJsonValue alert : filtered.value())
        QCOMPARE(text(alert.toObject(), "serviceSource"),
                 QStringLiteral("microsoftDefenderForEndpoint"));
}

void TestSimServer::alertsTopLimitIsThousand()
{
    QCOMPARE(graphGet(QStringLiteral("/v1.0/security/alerts_v2?$top=1000")).status, 200);
    const HttpResult tooMany = graphGet(QStringLiteral("/v1.0/security/alerts_v2?$top=1001"));
    QCOMPARE(tooMany.status, 400);
    QVERIFY(text(tooMany.graphError(), "message")
                    .contains(QLatin1String("The limit of '1000' for Top query")));
}

void TestSimServer::getOneAlert()
{
    const HttpResult page = graphGet(QStringLiteral("/v1.0/security/alerts_v2?$top=3"));
    const QJsonObject first = page.value().first().toObject();
    const HttpResult one = graphGet(u"/v1.0/security/alerts_v2/" + text(first, "id"));
    QCOMPARE(one.status, 200);
    QCOMPARE(text(one.json, "id"), text(first, "id"));
    QCOMPARE(text(one.json, "title"), text(first, "title"));
    QCOMPARE(graphGet(QStringLiteral("/v1.0/security/alerts_v2/da000_1")).status, 404);
}

void TestSimServer::adminMergeMovesAlertsAndTags()
{
    const HttpResult source = admin("POST", QStringLiteral("/_sim/incidents"),
                                    {{QLatin1String("alerts"), 3},
                                     {QLatin1String("severity"), QStringLiteral("high")},
                                     {QLatin1String("title"), QStringLiteral("Merge source")}});
    QCOMPARE(source.status, 201);
    const HttpResult target = admin(
            "POST", QStringLiteral("/_sim/incidents"),
            {{QLatin1String("alerts"), 2}, {QLatin1String("severity"), QStringLiteral("low")}});
    const QString sourceId = text(source.json, "id");
    const QString targetId = text(target.json, "id");
    QCOMPARE(admin("POST", u"/_sim/incidents/" + sourceId,
                   {{QLatin1String("customTags"), QJsonArray{QStringLiteral("Campaign X")}}})
                     .status,
             200);
    const HttpResult before = graphGet(u"/v1.0/security/incidents/" + targetId);
    const HttpResult merged
            = admin("POST", QStringLiteral("/_sim/merge"),
                    {{QLatin1String("source"), sourceId}, {QLatin1String("target"), targetId}});
    QCOMPARE(merged.status, 200);

    const HttpResult gone = graphGet(u"/v1.0/security/incidents/" + sourceId + u"?$expand=alerts");
    QCOMPARE(text(gone.json, "status"), QStringLiteral("redirected"));
    QCOMPARE(text(gone.json, "redirectIncidentId"), targetId);
    QCOMPARE(gone.json.value(QLatin1String("alerts")).toArray().size(), 0);
    QCOMPARE(gone.json.value(QLatin1String("customTags")).toArray().size(), 0);

    const HttpResult survivor
            = graphGet(u"/v1.0/security/incidents/" + targetId + u"?$expand=alerts");
    const QJsonArray alerts = survivor.json.value(QLatin1String("alerts")).toArray();
    QCOMPARE(alerts.size(), 5);
    for (const QJsonValue alert : alerts) {
        QCOMPARE(text(alert.toObject(), "incidentId"), targetId);
        QVERIFY(text(alert.toObject(), "incidentWebUrl").contains(u"/incidents/" + targetId));
    }
    QVERIFY(survivor.json.value(QLatin1String("customTags"))
                    .toArray()
                    .contains(QStringLiteral("Campaign X")));
    QVERIFY(text(survivor.json, "lastUpdateDateTime") > text(before.json, "lastUpdateDateTime"));
    QCOMPARE(text(survivor.json, "severity"), QStringLiteral("high"));

    QCOMPARE(admin("POST", QStringLiteral("/_sim/merge"),
                   {{QLatin1String("source"), sourceId}, {QLatin1String("target"), targetId}})
                     .status,
             400);
}

void TestSimServer::adminUpdateAndAddAlertsBumpLastUpdate()
{
    const QString id = text(m_allIncidents.at(20), "id");
    const QString before
            = formatTicks(m_server->tenant().incident(id.toLongLong())->lastUpdateDateTime);
    const HttpResult updated
            = admin("POST", u"/_sim/incidents/" + id,
                    {{QLatin1String("status"), QStringLiteral("awaitingAction")},
                     {QLatin1String("displayName"), QStringLiteral("Renamed in portal")}});
    QCOMPARE(updated.status, 200);
    QCOMPARE(text(updated.json, "status"), QStringLiteral("awaitingAction"));
    QVERIFY(text(updated.json, "lastUpdateDateTime") > before);
    const int alertsBefore = m_server->tenant().incident(id.toLongLong())->alerts.size();
    const HttpResult grown
            = admin("POST", u"/_sim/incidents/" + id + u"/alerts", {{QLatin1String("count"), 4}});
    QCOMPARE(grown.status, 200);
    QVERIFY(text(grown.json, "lastUpdateDateTime") > text(updated.json, "lastUpdateDateTime"));
    QCOMPARE(m_server->tenant().incident(id.toLongLong())->alerts.size(), alertsBefore + 4);

    // The cursor a client keeps sees the change.
    const HttpResult changed
            = graphGet(u"/v1.0/security/incidents?$filter=lastUpdateDateTime%20gt%20"
                       + text(updated.json, "lastUpdateDateTime"));
    bool seen = false;
    for (const QJsonValue incident : changed.value())
        seen = seen || text(incident.toObject(), "id") == id;
    QVERIFY(seen);
}

void TestSimServer::throttleFaultAnswers429WithRetryAfter()
{
    QCOMPARE(admin("POST", QStringLiteral("/_sim/faults"),
                   {{QLatin1String("kind"), QStringLiteral("throttle")},
                    {QLatin1String("count"), 1},
                    {QLatin1String("retryAfter"), 7}})
                     .status,
             201);
    const HttpResult throttled = graphGet(QStringLiteral("/v1.0/security/incidents?$top=1"));
    QCOMPARE(throttled.status, 429);
    QCOMPARE(throttled.header("Retry-After"), QByteArrayLiteral("7"));
    QCOMPARE(text(throttled.graphError(), "code"), QStringLiteral("TooManyRequests"));
    QCOMPARE(graphGet(QStringLiteral("/v1.0/security/incidents?$top=1")).status, 200);
}

void TestSimServer::serverErrorFault_data()
{
    QTest::addColumn<int>("status");
    QTest::newRow("500") << 500;
    QTest::newRow("503") << 503;
    QTest::newRow("504") << 504;
}

void TestSimServer::serverErrorFault()
{
    QFETCH(int, status);
    admin("POST", QStringLiteral("/_sim/faults"),
          {{QLatin1String("kind"), QStringLiteral("serverError")},
           {QLatin1String("status"), status},
           {QLatin1String("path"), QStringLiteral("/alerts_v2")}});
    QCOMPARE(graphGet(QStringLiteral("/v1.0/security/incidents?$top=1")).status, 200);
    const HttpResult failed = graphGet(QStringLiteral("/v1.0/security/alerts_v2?$top=1"));
    QCOMPARE(failed.status, status);
    QVERIFY(!text(failed.graphError(), "code").isEmpty());
    QCOMPARE(graphGet(QStringLiteral("/v1.0/security/alerts_v2?$top=1")).status, 200);
}

void TestSimServer::expandWithFilterFaultPersistsUntilCleared()
{
    admin("POST", QStringLiteral("/_sim/faults"),
          {{QLatin1String("kind"), QStringLiteral("expandWithFilter")}});
    const QString both = QStringLiteral(
            "/v1.0/security/"
            "incidents?$expand=alerts&$filter=lastUpdateDateTime%20ge%202024-01-01T00:00:00Z");
    for (int attempt = 0; attempt < 2; ++attempt) {
        const HttpResult failed = graphGet(both);
        QCOMPARE(failed.status, 500);
        QVERIFY(failed.json.value(QLatin1String("error")).isObject());
    }
    QCOMPARE(graphGet(QStringLiteral("/v1.0/security/incidents?$expand=alerts&$top=2")).status,
             200);
    QCOMPARE(graphGet(QStringLiteral(
                              "/v1.0/security/"
                              "incidents?$filter=lastUpdateDateTime%20ge%202024-01-01T00:00:00Z"))
                     .status,
             200);
    QCOMPARE(admin("DELETE", QStringLiteral("/_sim/faults")).status, 200);
    QCOMPARE(graphGet(both).status, 200);
}

void TestSimServer::malformedFaultTruncatesBody()
{
    admin("POST", QStringLiteral("/_sim/faults"),
          {{QLatin1String("kind"), QStringLiteral("malformed")}});
    const HttpResult broken = graphGet(QStringLiteral("/v1.0/security/incidents?$top=3"));
    QCOMPARE(broken.status, 200);
    QJsonParseError error{};
    QJsonDocument::fromJson(broken.body, &error);
    QVERIFY(error.error != QJsonParseError::NoError);
    QVERIFY(!broken.body.isEmpty());
}

void TestSimServer::hangFaultNeverAnswers()
{
    admin("POST", QStringLiteral("/_sim/faults"),
          {{QLatin1String("kind"), QStringLiteral("hang")}});
    const HttpResult hung
            = request("GET", url(QStringLiteral("/v1.0/security/incidents?$top=1")), {},
                      {{QByteArrayLiteral("Authorization"), "Bearer " + m_token.toLatin1()}}, 500);
    QCOMPARE(hung.status, 0);
    QCOMPARE(hung.error, QNetworkReply::OperationCanceledError);
    QCOMPARE(graphGet(QStringLiteral("/v1.0/security/incidents?$top=1")).status, 200);
}

void TestSimServer::slowFaultDelaysAnswer()
{
    admin("POST", QStringLiteral("/_sim/faults"),
          {{QLatin1String("kind"), QStringLiteral("slow")}, {QLatin1String("delayMs"), 400}});
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(graphGet(QStringLiteral("/v1.0/security/incidents?$top=1")).status, 200);
    QVERIFY(timer.elapsed() >= 390);
}

void TestSimServer::tokenExpiryFaultInvalidatesTokens()
{
    admin("POST", QStringLiteral("/_sim/faults"),
          {{QLatin1String("kind"), QStringLiteral("tokenExpiry")}});
    const HttpResult rejected = graphGet(QStringLiteral("/v1.0/security/incidents?$top=1"));
    QCOMPARE(rejected.status, 401);
    QCOMPARE(text(rejected.graphError(), "code"), QStringLiteral("InvalidAuthenticationToken"));
    m_token = fetchToken();
    QCOMPARE(graphGet(QStringLiteral("/v1.0/security/incidents?$top=1")).status, 200);
}

void TestSimServer::statsCountGraphCallsByRoute()
{
    QCOMPARE(admin("POST", QStringLiteral("/_sim/stats/reset")).status, 200);
    QCOMPARE(m_server->requestCount(), 0);
    graphGet(QStringLiteral("/v1.0/security/incidents?$top=1"));
    graphGet(QStringLiteral("/v1.0/security/incidents?$top=1"));
    graphGet(u"/v1.0/security/incidents/" + text(m_allIncidents.first(), "id"));
    const HttpResult stats = admin("GET", QStringLiteral("/_sim/stats"));
    QCOMPARE(stats.json.value(QLatin1String("requests")).toInt(), 3);
    const QJsonObject byRoute = stats.json.value(QLatin1String("byRoute")).toObject();
    QCOMPARE(byRoute.value(QLatin1String("GET /v1.0/security/incidents")).toInt(), 2);
    QCOMPARE(byRoute.value(QLatin1String("GET /v1.0/security/incidents/{id}")).toInt(), 1);
    QCOMPARE(m_server->requestCount(), 3);
}

void TestSimServer::generatorHasMandatorySpecials()
{
    const HttpResult info = admin("GET", QStringLiteral("/_sim/info"));
    QCOMPARE(text(info.json, "tenantId"), m_server->tenantId());
    QVERIFY(!info.json.value(QLatin1String("exactly150")).toArray().isEmpty());
    SimTenant &tenant = m_server->tenant();
    QVERIFY(!tenant.incidentIdsWithAlertCount(180).isEmpty());
    QVERIFY(!tenant.incidentIdsWithAlertCount(420).isEmpty());
    QVERIFY(!tenant.incidentIdsWithAlertCount(150).isEmpty());

    const QString big = QString::number(tenant.incidentIdsWithAlertCount(420).first());
    const HttpResult expanded = graphGet(u"/v1.0/security/incidents/" + big + u"?$expand=alerts");
    QCOMPARE(expanded.json.value(QLatin1String("alerts")).toArray().size(), 420);

    const QList<qint64> redirected = tenant.redirectedIncidentIds();
    QVERIFY(redirected.size() >= 5);
    for (const qint64 id : redirected) {
        const Incident *source = tenant.incident(id);
        QCOMPARE(source->alerts.size(), 0);
        const Incident *target = tenant.incident(source->redirectIncidentId);
        QVERIFY(target);
        QVERIFY(target->status != IncidentStatus::Redirected);
        QVERIFY(!target->alerts.isEmpty());
    }
}

void TestSimServer::generatorCoversEveryVocabularyValue()
{
    QSet<QString> statuses, severities, pairs;
    for (const QJsonObject &incident : std::as_const(m_allIncidents)) {
        statuses.insert(text(incident, "status"));
        severities.insert(text(incident, "severity"));
        pairs.insert(text(incident, "classification") + u'/' + text(incident, "determination"));
    }
    for (const char *status : {"active", "inProgress", "resolved", "awaitingAction", "redirected"})
        QVERIFY2(statuses.contains(QLatin1String(status)), status);
    for (const char *severity : {"informational", "low", "medium", "high"})
        QVERIFY2(severities.contains(QLatin1String(severity)), severity);
    for (const char *pair :
         {"truePositive/malware", "truePositive/phishing", "truePositive/compromisedAccount",
          "truePositive/multiStagedAttack", "informationalExpectedActivity/securityTesting",
          "informationalExpectedActivity/lineOfBusinessApplication", "falsePositive/notMalicious",
          "falsePositive/notEnoughDataToValidate", "unknown/unknown"})
        QVERIFY2(pairs.contains(QLatin1String(pair)), pair);
    // Closing pairs are consistent: a false positive is never "malware".
    QVERIFY(!pairs.contains(QStringLiteral("falsePositive/malware")));
    bool nonAscii = false;
    for (const QJsonObject &incident : std::as_const(m_allIncidents))
        nonAscii = nonAscii || text(incident, "displayName").contains(QChar(0x2018));
    QVERIFY(nonAscii);
}

void TestSimServer::generatorIsDeterministicForSeed()
{
    SimOptions options;
    options.seed = 7;
    options.incidents = 120;
    options.now = QDateTime(QDate(2024, 6, 1), QTime(8, 0), QTimeZone::utc());
    auto render = [](const SimOptions &o) {
        const SimTenant tenant(o);
        const GraphRenderer renderer(tenant, true);
        QJsonArray all;
        for (const Incident &incident : tenant.incidents())
            all.append(renderer.incident(incident, true));
        return QJsonDocument(all).toJson(QJsonDocument::Compact);
    };
    const QByteArray first = render(options);
    QCOMPARE(render(options), first);
    options.seed = 8;
    QVERIFY(render(options) != first);
}

void TestSimServer::tenThousandIncidentsGenerateQuickly()
{
    SimOptions options;
    options.incidents = 10000;
    QElapsedTimer timer;
    timer.start();
    const SimTenant tenant(options);
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(tenant.incidents().size(), std::size_t(10000));
    QVERIFY(tenant.alerts().size() > 50000);
    const auto over150 = tenant.incidentIdsWithMoreAlertsThan(150).size();
    QVERIFY2(over150 >= 80 && over150 <= 120, qPrintable(QString::number(over150)));
    QVERIFY(tenant.redirectedIncidentIds().size() >= 5);
}

QTEST_MAIN(TestSimServer)
#include "tst_simserver.moc"
