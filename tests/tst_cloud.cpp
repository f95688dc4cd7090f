#include "cloud.h"

#include <QTest>

using namespace Vigil;

class TestCloud : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void allowList_data();
    void allowList();
    void builtLinks();
    void signInPages_data();
    void signInPages();
    void endpoints_data();
    void endpoints();
    void hosts_data();
    void hosts();
};

void TestCloud::allowList_data()
{
    QTest::addColumn<QString>("cloud");
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("global incident") << "global"
                                     << "https://security.microsoft.com/incidents/1?tid=t" << true;
    QTest::newRow("global new page")
            << "global"
            << "https://security.microsoft.com/incident2/1/overview?tid=t" << true;
    QTest::newRow("http refused") << "global"
                                  << "http://security.microsoft.com/incidents/1" << false;
    QTest::newRow("look-alike host")
            << "global"
            << "https://security.microsoft.com.evil.example/incidents/1" << false;
    QTest::newRow("sub-domain") << "global"
                                << "https://x.security.microsoft.com/incidents/1" << false;
    QTest::newRow("user info") << "global"
                               << "https://a@security.microsoft.com/incidents/1" << false;
    QTest::newRow("other port") << "global"
                                << "https://security.microsoft.com:8443/incidents/1" << false;
    QTest::newRow("javascript") << "global"
                                << "javascript:alert(1)" << false;
    QTest::newRow("gov host on global") << "global"
                                        << "https://security.microsoft.us/incidents/1" << false;
    QTest::newRow("gov host on usgov") << "usgov"
                                       << "https://security.microsoft.us/incidents/1" << true;
    QTest::newRow("global host on usgov") << "usgov"
                                          << "https://security.microsoft.com/incidents/1" << false;
    QTest::newRow("dod host on dod") << "dod"
                                     << "https://security.apps.mil/incidents/1" << true;
    QTest::newRow("gov host on dod") << "dod"
                                     << "https://security.microsoft.us/incidents/1" << false;
    QTest::newRow("dod host on usgov") << "usgov"
                                       << "https://security.apps.mil/incidents/1" << false;
}

void TestCloud::allowList()
{
    QFETCH(QString, cloud);
    QFETCH(QString, url);
    QFETCH(bool, allowed);
    QCOMPARE(isAllowedPortalUrl(QUrl(url), Cloud::byName(cloud)), allowed);
}

void TestCloud::signInPages_data()
{
    QTest::addColumn<QString>("cloud");
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("device login") << "global"
                                  << "https://microsoft.com/devicelogin" << true;
    QTest::newRow("entra device auth")
            << "global"
            << "https://login.microsoftonline.com/common/oauth2/deviceauth" << true;
    QTest::newRow("login.microsoft.com") << "global"
                                         << "https://login.microsoft.com/device" << true;
    QTest::newRow("simulator") << "global"
                               << "http://127.0.0.1:8080/devicelogin" << true;
    QTest::newRow("other microsoft.com page") << "global"
                                              << "https://microsoft.com/en-us/store" << false;
    QTest::newRow("look-alike") << "global"
                                << "https://microsoft.com.evil.example/devicelogin" << false;
    QTest::newRow("any https") << "global"
                               << "https://evil.example/devicelogin" << false;
    QTest::newRow("plain http") << "global"
                                << "http://microsoft.com/devicelogin" << false;
    QTest::newRow("user info") << "global"
                               << "https://a@login.microsoftonline.com/" << false;
    QTest::newRow("other port") << "global"
                                << "https://login.microsoftonline.com:444/" << false;
    QTest::newRow("gov login on global") << "global"
                                         << "https://login.microsoftonline.us/" << false;
    QTest::newRow("gov device login") << "usgov"
                                      << "https://microsoft.com/deviceloginus" << true;
    QTest::newRow("gov login") << "usgov"
                               << "https://login.microsoftonline.us/common/oauth2/deviceauth"
                               << true;
    QTest::newRow("global login on gov") << "usgov"
                                         << "https://login.microsoftonline.com/" << false;
    QTest::newRow("dod login") << "dod"
                               << "https://login.microsoftonline.us/common/oauth2/deviceauth"
                               << true;
}

void TestCloud::signInPages()
{
    QFETCH(QString, cloud);
    QFETCH(QString, url);
    QFETCH(bool, allowed);
    QCOMPARE(isAllowedSignInUrl(QUrl(url), Cloud::byName(cloud)), allowed);
}

void TestCloud::builtLinks()
{
    const Cloud global = Cloud::global();
    const QString given = QStringLiteral("https://security.microsoft.com/incidents/42?tid=t1");
    QCOMPARE(portalIncidentUrl(given, QStringLiteral("42"), QStringLiteral("t1"), global),
             QUrl(given));
    // A missing or foreign incidentWebUrl is replaced by one built from the ids.
    const QUrl expected(QStringLiteral("https://security.microsoft.com/incidents/42?tid=t1"));
    QCOMPARE(portalIncidentUrl(QString(), QStringLiteral("42"), QStringLiteral("t1"), global),
             expected);
    QCOMPARE(portalIncidentUrl(QStringLiteral("https://evil.example/incidents/42"),
                               QStringLiteral("42"), QStringLiteral("t1"), global),
             expected);
    QCOMPARE(portalIncidentUrl(QString(), QStringLiteral("42"), QStringLiteral("t1"),
                               Cloud::byName(QStringLiteral("usgov")))
                     .host(),
             QStringLiteral("security.microsoft.us"));
    QVERIFY(portalIncidentUrl(QString(), QString(), QString(), global).isEmpty());
}

void TestCloud::endpoints_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("normalised");
    QTest::newRow("https") << "https://graph.microsoft.com/" << true
                           << "https://graph.microsoft.com";
    QTest::newRow("http loopback v4") << "http://127.0.0.1:8080" << true << "http://127.0.0.1:8080";
    QTest::newRow("http 127/8") << "http://127.2.3.4:1" << true << "http://127.2.3.4:1";
    QTest::newRow("http localhost") << "http://localhost:9" << true << "http://localhost:9";
    QTest::newRow("http ::1") << "http://[::1]:9" << true << "http://[::1]:9";
    QTest::newRow("http remote refused") << "http://graph.microsoft.com" << false << "";
    QTest::newRow("http private refused") << "http://10.0.0.1" << false << "";
    QTest::newRow("http 127 look-alike") << "http://127.0.0.1.evil.example" << false << "";
    QTest::newRow("ftp refused") << "ftp://127.0.0.1" << false << "";
    QTest::newRow("garbage") << "not a url" << false << "";
    QTest::newRow("user and password refused")
            << "https://me:s3cretPW@graph.microsoft.com" << false << "";
    QTest::newRow("user and password on loopback refused")
            << "http://me:s3cretPW@127.0.0.1:8080" << false << "";
}

void TestCloud::endpoints()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(QString, normalised);
    const Result<QUrl> url = validateEndpoint(text, QStringLiteral("Graph endpoint"));
    QCOMPARE(url.ok(), ok);
    if (ok)
        QCOMPARE(url.value().toString(), normalised);
    else
        QVERIFY(url.error().message.contains(QStringLiteral("Graph endpoint")));
    // A password given in the URL is never repeated back.
    if (!ok)
        QVERIFY2(!url.error().message.contains(QStringLiteral("s3cret")),
                 qPrintable(url.error().message));
}

void TestCloud::hosts_data()
{
    QTest::addColumn<QString>("given");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("authority");
    QTest::addColumn<QString>("graph");
    QTest::addColumn<QString>("portal");
    QTest::newRow("global") << "global"
                            << "global"
                            << "https://login.microsoftonline.com"
                            << "https://graph.microsoft.com"
                            << "security.microsoft.com";
    QTest::newRow("usgov (GCC High)") << "usgov"
                                      << "usgov"
                                      << "https://login.microsoftonline.us"
                                      << "https://graph.microsoft.us"
                                      << "security.microsoft.us";
    QTest::newRow("gcchigh alias") << "GCCHigh"
                                   << "usgov"
                                   << "https://login.microsoftonline.us"
                                   << "https://graph.microsoft.us"
                                   << "security.microsoft.us";
    QTest::newRow("dod") << "DoD"
                         << "dod"
                         << "https://login.microsoftonline.us"
                         << "https://dod-graph.microsoft.us"
                         << "security.apps.mil";
    QTest::newRow("unknown is global") << "moon"
                                       << "global"
                                       << "https://login.microsoftonline.com"
                                       << "https://graph.microsoft.com"
                                       << "security.microsoft.com";
}

void TestCloud::hosts()
{
    QFETCH(QString, given);
    QFETCH(QString, name);
    QFETCH(QString, authority);
    QFETCH(QString, graph);
    QFETCH(QString, portal);
    const Cloud cloud = Cloud::byName(given);
    QCOMPARE(cloud.name, name);
    QCOMPARE(cloud.authorityHost, authority);
    QCOMPARE(cloud.graphEndpoint, graph);
    QCOMPARE(cloud.portalHosts.value(0), portal);
    // The built deep link uses the cloud's portal host.
    QCOMPARE(portalIncidentUrl(QString(), QStringLiteral("7"), QStringLiteral("t"), cloud).host(),
             portal);
}

QTEST_APPLESS_MAIN(TestCloud)
#include "tst_cloud.moc"
