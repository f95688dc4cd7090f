// The sync engine against a service that answers what a real tenant should not: dates far in
// the future, pages that link to themselves, text that is not valid UTF-16. A scripted stub on
// loopback plays the tenant; the engine runs as the window runs it, through SyncController.

#include "graphjson.h"
#include "incidentrepository.h"
#include "simfixture.h"
#include "store.h"
#include "synccontroller.h"
#include "syncsupport.h"

#include <QLocale>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <algorithm>

using namespace Vigil;
using namespace Vigil::Test;

namespace {

const QDateTime kYear9999(QDate(9999, 12, 31), QTime(23, 59, 59), Qt::UTC);

/** One incident or alert of the stub tenant: its time and its JSON as sent. */
struct Item
{
    QDateTime updated;
    QByteArray json;
};

QByteArray graphTime(const QDateTime &time)
{
    return formatGraphDateTime(time).toLatin1();
}

/** titleJson goes into the JSON as it is: it may carry escapes. */
Item incident(const char *id, const QByteArray &titleJson, const QDateTime &updated)
{
    return {updated, QByteArray(R"({"id":")") + id + R"(","displayName":")" + titleJson
                             + R"(","status":"active","severity":"medium",)"
                               R"("createdDateTime":"2026-01-01T00:00:00Z",)"
                               R"("lastUpdateDateTime":")"
                             + graphTime(updated) + R"(","alerts":[]})"};
}

Item alert(const char *id, const QDateTime &updated)
{
    return {updated, QByteArray(R"({"id":")") + id
                             + R"(","incidentId":null,"title":"alert","severity":"medium",)"
                               R"("status":"new","serviceSource":"microsoftDefenderForCloudApps",)"
                               R"("detectionSource":"microsoftDefenderForCloudApps",)"
                               R"("createdDateTime":")"
                             + graphTime(updated.addSecs(-60)) + R"(","lastUpdateDateTime":")"
                             + graphTime(updated) + R"(","evidence":[]})"};
}

QByteArray httpDate(const QDateTime &time)
{
    return QLocale::c()
            .toString(time.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
            .toLatin1();
}

QDateTime nowToTheSecond()
{
    QDateTime now = QDateTime::currentDateTimeUtc();
    now.setTime(QTime(now.time().hour(), now.time().minute(), now.time().second()));
    return now;
}

} // namespace

class TestHostileSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void futureIncidentDoesNotFreezeTheCursor();
    void futureAlertDoesNotFreezeTheAlertsCursor();
    void repeatedNextLinkStopsThePull_data();
    void repeatedNextLinkStopsThePull();
    void unpairedSurrogateCostsNoIncident();

private:
    /** The tenant's answer: a list filtered on `lastUpdateDateTime ge`, ascending, as Graph. */
    StubResponse answer(const StubRequest &request);
    StubResponse list(const StubRequest &request, const QList<Item> &items) const;
    std::unique_ptr<SyncController> makeController(bool componentAlerts);
    QList<Incident> storedQueue();

    std::unique_ptr<StubHttpServer> m_stub;
    std::unique_ptr<QTemporaryDir> m_dir;
    QList<Item> m_incidents;
    QList<Item> m_alerts;
    /// Answers list pages instead of the tenant when set (scripted paging).
    std::function<StubResponse(const StubRequest &)> m_pages;
    int m_tokens = 0;
};

void TestHostileSync::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_stub = std::make_unique<StubHttpServer>();
    QVERIFY(m_stub->listen());
    m_stub->setHandler([this](const StubRequest &request) { return answer(request); });
    m_incidents.clear();
    m_alerts.clear();
    m_pages = nullptr;
    m_tokens = 0;
}

void TestHostileSync::cleanup()
{
    m_stub.reset();
    m_dir.reset();
}

StubResponse TestHostileSync::answer(const StubRequest &request)
{
    if (request.path().endsWith("/oauth2/v2.0/token"))
        return StubHttpServer::tokenResponse(++m_tokens);
    if (m_pages && request.path() == "/v1.0/security/incidents")
        return m_pages(request);
    if (request.path() == "/v1.0/security/incidents")
        return list(request, m_incidents);
    if (request.path() == "/v1.0/security/alerts_v2")
        return list(request, m_alerts);
    return StubResponse::json(404, R"({"error":{"code":"NotFound","message":"no such thing"}})",
                              {{"Date", httpDate(QDateTime::currentDateTimeUtc())}});
}

StubResponse TestHostileSync::list(const StubRequest &request, const QList<Item> &items) const
{
    const QUrlQuery query(QUrl::fromEncoded(request.target).query());
    const QString filter = query.queryItemValue(QStringLiteral("$filter"), QUrl::FullyDecoded);
    static const QRegularExpression ge(QStringLiteral("lastUpdateDateTime ge (\\S+)"));
    const QRegularExpressionMatch match = ge.match(filter);
    const QDateTime from = match.hasMatch() ? parseGraphDateTime(match.captured(1)) : QDateTime();
    QList<Item> selected;
    for (const Item &item : items) {
        if (!from.isValid() || item.updated >= from)
            selected.append(item);
    }
    std::stable_sort(selected.begin(), selected.end(),
                     [](const Item &a, const Item &b) { return a.updated < b.updated; });
    QByteArray body = R"({"value":[)";
    for (qsizetype i = 0; i < selected.size(); ++i)
        body += (i ? "," : "") + selected.at(i).json;
    body += "]}";
    return StubResponse::json(200, body, {{"Date", httpDate(QDateTime::currentDateTimeUtc())}});
}

std::unique_ptr<SyncController> TestHostileSync::makeController(bool componentAlerts)
{
    SyncConfig config;
    config.store = StoreConfig::sqlite(m_dir->filePath(QStringLiteral("vigil.db")));
    config.authorityHost = m_stub->url();
    config.graphEndpoint = m_stub->url();
    config.tenantId = QStringLiteral("tenant-1");
    config.clientId = QStringLiteral("client-1");
    config.clientSecret = QStringLiteral("secret");
    config.autoPoll = false;
    config.callsPerMinute = 150;
    config.maxAttempts = 2;
    config.backoffBaseMs = 50;
    config.pullComponentAlerts = componentAlerts;
    auto controller = std::make_unique<SyncController>(config);
    controller->start();
    return controller;
}

QList<Incident> TestHostileSync::storedQueue()
{
    auto opened = openStore(StoreConfig::sqlite(m_dir->filePath(QStringLiteral("vigil.db"))),
                            Store::OpenMode::ReadOnly);
    if (!opened)
        return {};
    const auto queue = opened.value()->incidents().loadQueue();
    return queue ? queue.value() : QList<Incident>();
}

void TestHostileSync::futureIncidentDoesNotFreezeTheCursor()
{
    const QDateTime now = nowToTheSecond();
    m_incidents = {incident("1", "first", now.addSecs(-3600)),
                   incident("2", "from the year 9999", kYear9999)};
    auto controller = makeController(false);
    const SyncRun first = runOneSync(*controller, 20000);
    QVERIFY(first.ok);
    // The odd incident is kept, but the cursor stays within the service's clock.
    QCOMPARE(storedQueue().size(), 2);
    QVERIFY(!first.statuses.isEmpty());
    const QDateTime cursor = first.statuses.constLast().cursor;
    QVERIFY2(cursor.isValid() && cursor <= QDateTime::currentDateTimeUtc().addSecs(300),
             qPrintable(cursor.toString(Qt::ISODate)));

    // A change in the portal after it still arrives.
    m_incidents[0] = incident("1", "changed in the portal", nowToTheSecond());
    const SyncRun second = runOneSync(*controller, 20000);
    QVERIFY(second.ok);
    bool pulled = false;
    for (const Incident &changed : second.changed)
        pulled = pulled
                 || (changed.providerIncidentId == QLatin1String("1")
                     && changed.title == QLatin1String("changed in the portal"));
    QVERIFY2(pulled, "the portal change after the odd incident was not pulled");
    controller.reset();
    const QList<Incident> queue = storedQueue();
    QCOMPARE(queue.size(), 2);
    QVERIFY(std::any_of(queue.cbegin(), queue.cend(), [](const Incident &i) {
        return i.title == QLatin1String("from the year 9999") && i.lastUpdateTime == kYear9999;
    }));
}

void TestHostileSync::futureAlertDoesNotFreezeTheAlertsCursor()
{
    const QDateTime now = nowToTheSecond();
    m_incidents = {incident("1", "first", now.addSecs(-3600))};
    m_alerts = {alert("a1", now.addSecs(-3600)), alert("a2", kYear9999)};
    auto controller = makeController(true);
    const SyncRun first = runOneSync(*controller, 20000);
    QVERIFY(first.ok);
    QVERIFY(!first.statuses.isEmpty());
    QCOMPARE(first.statuses.constLast().alertsThisCycle, 2);

    // An alert that changes later is pulled: the alerts cursor did not jump to the year 9999.
    m_alerts.append(alert("a3", nowToTheSecond()));
    const SyncRun second = runOneSync(*controller, 20000);
    QVERIFY(second.ok);
    QVERIFY(!second.statuses.isEmpty());
    QCOMPARE(second.statuses.constLast().alertsThisCycle, 1);
}

void TestHostileSync::repeatedNextLinkStopsThePull_data()
{
    QTest::addColumn<QStringList>("links"); // the nextLink of the first page, then of each next
    QTest::addColumn<QString>("said");
    QTest::newRow("a page that links to itself")
            << QStringList{QStringLiteral("{base}?$skiptoken=A"),
                           QStringLiteral("{base}?$skiptoken=A")}
            << QStringLiteral("already read");
    QTest::newRow("two pages that link to each other") << QStringList{
            QStringLiteral("{base}?$skiptoken=A"), QStringLiteral("{base}?$skiptoken=B"),
            QStringLiteral("{base}?$skiptoken=A")} << QStringLiteral("already read");
    QTest::newRow("a relative link")
            << QStringList{QStringLiteral("/v1.0/security/incidents?$skiptoken=A")}
            << QStringLiteral("relative");
}

void TestHostileSync::repeatedNextLinkStopsThePull()
{
    QFETCH(QStringList, links);
    QFETCH(QString, said);
    const QString base = m_stub->url().toString() + QStringLiteral("/v1.0/security/incidents");
    for (QString &link : links)
        link.replace(QStringLiteral("{base}"), base);
    int pages = 0;
    m_pages = [&](const StubRequest &request) {
        const QUrlQuery query(QUrl::fromEncoded(request.target).query());
        const QString token = query.queryItemValue(QStringLiteral("$skiptoken"));
        const int index = token.isEmpty() ? 0 : (token == QLatin1String("A") ? 1 : 2);
        ++pages;
        const QByteArray id = QByteArray::number(index + 1);
        const Item item = incident(id.constData(), "page " + id, nowToTheSecond().addSecs(-600));
        QByteArray body = R"({"value":[)" + item.json + "]";
        if (index < links.size())
            body += R"(,"@odata.nextLink":")" + links.at(index).toUtf8() + "\"";
        body += "}";
        return StubResponse::json(200, body);
    };
    auto controller = makeController(false);
    const SyncRun run = runOneSync(*controller, 20000);
    QVERIFY2(run.finished, "the pull never ended");
    QVERIFY(!run.ok);
    QVERIFY2(run.error.message.contains(said), qPrintable(run.error.message));
    QVERIFY2(pages <= links.size(), qPrintable(QString::number(pages)));
    // What came before the bad link is kept.
    controller.reset();
    QVERIFY(!storedQueue().isEmpty());
}

void TestHostileSync::unpairedSurrogateCostsNoIncident()
{
    const QDateTime now = nowToTheSecond();
    m_incidents = {incident("1", "before", now.addSecs(-300)),
                   incident("2", R"(broken \ud800 title)", now.addSecs(-200)),
                   incident("3", "after", now.addSecs(-100))};
    auto controller = makeController(false);
    const SyncRun run = runOneSync(*controller, 20000);
    QVERIFY(run.ok);
    controller.reset();
    const QList<Incident> queue = storedQueue();
    QCOMPARE(queue.size(), 3);
    QStringList titles;
    for (const Incident &i : queue)
        titles.append(i.title);
    QVERIFY2(titles.contains(QStringLiteral("broken ") + QChar(QChar::ReplacementCharacter)
                             + QStringLiteral(" title")),
             qPrintable(titles.join(QLatin1String(" | "))));
    QVERIFY(titles.contains(QStringLiteral("before")));
    QVERIFY(titles.contains(QStringLiteral("after")));
}

QTEST_GUILESS_MAIN(TestHostileSync)
#include "tst_hostilesync.moc"
