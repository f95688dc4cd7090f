#include "graphjson.h"
#include "store/sql/storerows.h"
#include "vocabulary.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace Vigil;

namespace {

QJsonObject loadFixture(const char *name)
{
    QFile file(QStringLiteral(VIGIL_TEST_DATA "/graph/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open fixture %s", name);
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("fixture %s: %s", name, qPrintable(error.errorString()));
    return doc.object();
}

QDateTime utc(int y, int mo, int d, int h, int mi, int s, int ms)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
}

// The keys the mapping reads, from docs/reference: hostile rows set every one of them at once.
const char *const kIncidentKeys[] = {"tenantId",       "displayName",     "description",
                                     "severity",       "status",          "assignedTo",
                                     "classification", "determination",   "redirectIncidentId",
                                     "lastModifiedBy", "incidentWebUrl",  "customTags",
                                     "systemTags",     "createdDateTime", "lastUpdateDateTime"};
const char *const kAlertKeys[] = {"providerAlertId",
                                  "incidentId",
                                  "title",
                                  "description",
                                  "category",
                                  "severity",
                                  "status",
                                  "classification",
                                  "determination",
                                  "serviceSource",
                                  "detectionSource",
                                  "detectorId",
                                  "assignedTo",
                                  "alertWebUrl",
                                  "incidentWebUrl",
                                  "actorDisplayName",
                                  "threatDisplayName",
                                  "threatFamilyName",
                                  "recommendedActions",
                                  "tenantId",
                                  "mitreTechniques",
                                  "systemTags",
                                  "createdDateTime",
                                  "lastUpdateDateTime",
                                  "resolvedDateTime",
                                  "firstActivityDateTime",
                                  "lastActivityDateTime",
                                  "productName"};
const char *const kCommentKeys[]
        = {"comment", "createdByDisplayName", "createdBy", "createdDateTime", "createdTime"};
const char *const kEvidenceKeys[] = {"deviceDnsName",
                                     "mdeDeviceId",
                                     "osPlatform",
                                     "version",
                                     "primaryAddress",
                                     "upn",
                                     "displayName",
                                     "processId",
                                     "processCommandLine",
                                     "ipAddress",
                                     "countryLetterCode",
                                     "url",
                                     "registryHive",
                                     "registryKey",
                                     "registryValueName",
                                     "registryValue",
                                     "subject",
                                     "recipientEmailAddress",
                                     "networkMessageId",
                                     "appId",
                                     "securityGroupId",
                                     "clusterBy",
                                     "clusterByValue",
                                     "name",
                                     "id",
                                     "resourceId",
                                     "verdict",
                                     "remediationStatus",
                                     "roles"};
const char *const kEvidenceTypes[] = {"deviceEvidence",
                                      "userEvidence",
                                      "mailboxEvidence",
                                      "fileEvidence",
                                      "processEvidence",
                                      "ipEvidence",
                                      "urlEvidence",
                                      "registryKeyEvidence",
                                      "registryValueEvidence",
                                      "analyzedMessageEvidence",
                                      "cloudApplicationEvidence",
                                      "mailClusterEvidence",
                                      "oauthApplicationEvidence",
                                      "securityGroupEvidence",
                                      "kubernetesPodEvidence"};

/** A JSON object's text: each of keys set to value (JSON text), then the extra members. */
template<size_t N>
QByteArray objectText(const char *const (&keys)[N], const QByteArray &value,
                      const QList<QByteArray> &extra = {})
{
    QList<QByteArray> members = extra;
    for (const char *key : keys)
        members.append('"' + QByteArray(key) + "\":" + value);
    return '{' + members.join(',') + '}';
}

QByteArray member(const char *key, const QByteArray &value)
{
    return '"' + QByteArray(key) + "\":" + value;
}

/** Evidence of every type, each with every field (nested ones too) set to value. */
QByteArray evidenceText(const QByteArray &value)
{
    QList<QByteArray> items;
    for (const char *type : kEvidenceTypes) {
        const QByteArray odataType = "\"#microsoft.graph.security." + QByteArray(type) + '"';
        items.append(objectText(
                kEvidenceKeys, value,
                {member("@odata.type", odataType),
                 member("userAccount", objectText({"userPrincipalName", "accountName", "domainName",
                                                   "displayName"},
                                                  value)),
                 member("fileDetails", objectText({"fileName", "filePath", "sha256"}, value)),
                 member("imageFile", objectText({"fileName"}, value))}));
        // The nested objects themselves of the wrong type.
        items.append('{' + member("@odata.type", odataType) + ',' + member("userAccount", value)
                     + ',' + member("fileDetails", value) + ',' + member("imageFile", value) + '}');
    }
    items.append(objectText(kEvidenceKeys, value, {member("@odata.type", value)}));
    items.append(value);
    return '[' + items.join(',') + ']';
}

/** An alert's evidence read and its text made comparable, whichever reader it came from. */
Alert withEvidenceRead(Alert alert)
{
    if (!alert.evidenceJson.isEmpty()) {
        alert.evidence = evidenceFromGraphJson(alert.evidenceJson);
        alert.evidenceJson.clear();
    }
    for (Entity &e : alert.evidence)
        e.rawJson = QJsonDocument::fromJson(e.rawJson).toJson(QJsonDocument::Compact);
    return alert;
}

QJsonObject objectOf(const QByteArray &text)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qFatal("test payload is not a JSON object: %s", qPrintable(error.errorString()));
    return document.object();
}

} // namespace

class TestGraphJson : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void dateTimes_data();
    void dateTimes();
    void docSampleIncident();
    void docSampleAlertAndEvidence();
    void canonicalIncidentWithNonAsciiTitle();
    void futureEnumValuesAreKept();
    void redirectedIncident();
    void comments_data();
    void comments();
    void evidenceKinds_data();
    void evidenceKinds();
    void missingIdIsAnError();
    void pageParserMapsLikeTheObjectParser();
    void alertPageParserMapsLikeTheObjectParser();
    void pageParserErrors_data();
    void pageParserErrors();
    void objectAndPageReadersAgree_data();
    void objectAndPageReadersAgree();
    void unpairedSurrogatesBecomeReplacementCharacters();
    void invalidUtf8BecomesReplacementCharacters();
    void lookalikeKeysAreNotTheirNamesakes();
    void escapedKeysAreTheirNames();
    void evidenceNamesComeWithThePage_data();
    void evidenceNamesComeWithThePage();
};

void TestGraphJson::dateTimes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected");
    QTest::newRow("7 fractional digits")
            << "2021-08-13T08:43:35.5533333Z" << utc(2021, 8, 13, 8, 43, 35, 553);
    QTest::newRow("nines do not round into the next second")
            << "2024-05-02T23:59:59.9999999Z" << utc(2024, 5, 2, 23, 59, 59, 999);
    QTest::newRow("3 digits") << "2021-04-26T07:45:50.116Z" << utc(2021, 4, 26, 7, 45, 50, 116);
    QTest::newRow("1 digit") << "2021-04-26T07:45:50.1Z" << utc(2021, 4, 26, 7, 45, 50, 100);
    QTest::newRow("no fraction") << "2024-05-01T10:11:12Z" << utc(2024, 5, 1, 10, 11, 12, 0);
    QTest::newRow("offset") << "2024-05-01T10:11:12+02:00" << utc(2024, 5, 1, 8, 11, 12, 0);
    QTest::newRow("negative offset no colon")
            << "2024-05-01T10:11:12-0130" << utc(2024, 5, 1, 11, 41, 12, 0);
    QTest::newRow("no zone means UTC")
            << "2024-05-01T10:11:12.5" << utc(2024, 5, 1, 10, 11, 12, 500);
    QTest::newRow("empty") << "" << QDateTime();
    QTest::newRow("garbage") << "yesterday" << QDateTime();
    QTest::newRow("bad month") << "2024-13-01T10:11:12Z" << QDateTime();
}

void TestGraphJson::dateTimes()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    const QDateTime parsed = parseGraphDateTime(text);
    QCOMPARE(parsed.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(parsed, expected);
        QCOMPARE(parsed.timeSpec(), Qt::UTC);
    }
}

void TestGraphJson::docSampleIncident()
{
    const QJsonObject json = loadFixture("incident-doc-sample.json");
    const Result<Incident> parsed = incidentFromGraph(json);
    QVERIFY(parsed.ok());
    const Incident &i = parsed.value();
    QCOMPARE(i.providerIncidentId, QStringLiteral("2972395"));
    QCOMPARE(i.provider, QStringLiteral("Microsoft 365 Defender"));
    QCOMPARE(i.tenantId, QStringLiteral("b3c1b5fc-828c-45fa-a1e1-10d74f6d6e9c"));
    // The doc sample's PascalCase enums arrive normalised.
    QCOMPARE(i.classification, QStringLiteral("truePositive"));
    QCOMPARE(i.determination, QStringLiteral("multiStagedAttack"));
    QCOMPARE(i.status, QStringLiteral("active"));
    QCOMPARE(statusLabel(i.status), QStringLiteral("New"));
    QCOMPARE(i.severity, QStringLiteral("medium"));
    QCOMPARE(i.assignedTo, QStringLiteral("KaiC@contoso.onmicrosoft.com"));
    QCOMPARE(i.createdTime, utc(2021, 8, 13, 8, 43, 35, 553));
    QCOMPARE(i.lastUpdateTime, utc(2021, 9, 30, 9, 35, 45, 113));
    QCOMPARE(i.customTags, QStringList{QStringLiteral("Demo")});
    QCOMPARE(i.systemTags, QStringList{QStringLiteral("Defender Experts")});
    QCOMPARE(i.tags(), (QStringList{QStringLiteral("Demo"), QStringLiteral("Defender Experts")}));
    QCOMPARE(i.lastModifiedBy, QStringLiteral("DefenderExperts"));
    QVERIFY(i.redirectIncidentId.isEmpty());
    QVERIFY(!i.isRedirected());
    QCOMPARE(i.alertCount, 1);
    QCOMPARE(i.webUrl, QStringLiteral("https://security.microsoft.com/incidents/2972395?tid="
                                      "12f988bf-16f1-11af-11ab-1d7cd011db47"));
    // Legacy comment shape {comment, createdBy, createdTime}.
    QCOMPARE(i.comments.size(), 1);
    QCOMPARE(i.comments.first().text, QStringLiteral("Demo incident"));
    QCOMPARE(i.comments.first().author, QStringLiteral("DavidS@contoso.onmicrosoft.com"));
    QCOMPARE(i.comments.first().createdTime, utc(2021, 9, 30, 12, 7, 37, 275));
}

void TestGraphJson::docSampleAlertAndEvidence()
{
    const QList<Alert> alerts = alertsOfIncident(loadFixture("incident-doc-sample.json"));
    QCOMPARE(alerts.size(), 1);
    const Alert &a = alerts.first();
    QCOMPARE(a.id, QStringLiteral("da637551227677560813_-961444813"));
    QCOMPARE(a.incidentId, QStringLiteral("2972395"));
    QCOMPARE(a.serviceSource, QStringLiteral("microsoftDefenderForEndpoint"));
    QCOMPARE(productShortName(a.serviceSource), QStringLiteral("MDE"));
    QCOMPARE(a.detectionSource, QStringLiteral("antivirus"));
    QCOMPARE(a.status, QStringLiteral("new"));
    QCOMPARE(a.category, QStringLiteral("DefenseEvasion"));
    QCOMPARE(a.mitreTechniques, QStringList{QStringLiteral("T1564.001")});
    QVERIFY(a.assignedTo.isEmpty());
    QVERIFY(!a.resolvedTime.isValid());
    QCOMPARE(a.createdTime, utc(2021, 4, 27, 12, 19, 27, 721));
    QVERIFY(a.recommendedActions.contains(QChar(0x00B7)));

    QCOMPARE(a.evidence.size(), 6);
    QCOMPARE(a.evidence.at(0).kind, QStringLiteral("device"));
    QCOMPARE(a.evidence.at(0).value, QStringLiteral("tempDns"));
    QCOMPARE(a.evidence.at(0).roles, QStringList{QStringLiteral("compromised")});
    QCOMPARE(a.evidence.at(1).kind, QStringLiteral("file"));
    QCOMPARE(a.evidence.at(1).value, QStringLiteral("MsSense.exe"));
    QVERIFY(a.evidence.at(1).detail.contains(QStringLiteral("8963a19f")));
    QCOMPARE(a.evidence.at(2).kind, QStringLiteral("process"));
    QCOMPARE(a.evidence.at(2).detail, QStringLiteral("\"MsSense.exe\""));
    QCOMPARE(a.evidence.at(3).kind, QStringLiteral("registryKey"));
    QVERIFY(a.evidence.at(3).value.startsWith(QStringLiteral("HKEY_LOCAL_MACHINE\\SYSTEM")));
    QCOMPARE(a.evidence.at(4).kind, QStringLiteral("user"));
    QCOMPARE(a.evidence.at(4).value, QStringLiteral("jonathan.wolcott@contoso.com"));
    QCOMPARE(a.evidence.at(4).verdict, QStringLiteral("suspicious"));

    // An evidence type Vigil does not know is kept generically, with its JSON.
    const Entity &unknown = a.evidence.at(5);
    QCOMPARE(unknown.kind, QStringLiteral("other"));
    QCOMPARE(unknown.odataType, QStringLiteral("#microsoft.graph.security.kubernetesPodEvidence"));
    QCOMPARE(unknown.value, QStringLiteral("crypto-miner-7d9f"));
    QCOMPARE(unknown.verdict, QStringLiteral("malicious"));
    QCOMPARE(unknown.remediationStatus, QStringLiteral("unknownFutureValue"));
    QCOMPARE(unknown.roles,
             (QStringList{QStringLiteral("attacker"), QStringLiteral("someBrandNewRole")}));
    const QJsonObject raw = QJsonDocument::fromJson(unknown.rawJson).object();
    QCOMPARE(raw.value(QLatin1String("namespace"))
                     .toObject()
                     .value(QLatin1String("name"))
                     .toString(),
             QStringLiteral("default"));
}

void TestGraphJson::canonicalIncidentWithNonAsciiTitle()
{
    const Result<Incident> parsed = incidentFromGraph(loadFixture("incident-graph-canonical.json"));
    QVERIFY(parsed.ok());
    const Incident &i = parsed.value();
    QCOMPARE(i.title, QStringLiteral("Verdächtige PowerShell-Aktivität auf ‘FIN-LT-0042’ — 東京"));
    QVERIFY(i.assignedTo.isEmpty()); // null assignedTo
    QCOMPARE(i.determination, QStringLiteral("notMalicious")); // doc spelling "clean"
    QCOMPARE(classificationReasonLabel(i.classification, i.determination),
             QStringLiteral("Incorrect alert logic"));
    QCOMPARE(statusLabel(i.status), QStringLiteral("Closed"));
    QCOMPARE(i.lastUpdateTime, utc(2024, 5, 2, 23, 59, 59, 999));
    QCOMPARE(i.alertCount, 0); // no $expand
    QCOMPARE(i.comments.size(), 1);
    QCOMPARE(i.comments.first().author, QStringLiteral("Ana Ruiz"));
    QCOMPARE(i.comments.first().createdTime, utc(2024, 5, 2, 8, 0, 0, 0));
}

void TestGraphJson::futureEnumValuesAreKept()
{
    const Result<Incident> parsed = incidentFromGraph(loadFixture("incident-future-enums.json"));
    QVERIFY(parsed.ok());
    const Incident &i = parsed.value();
    QCOMPARE(i.status, QStringLiteral("awaitingAction"));
    QCOMPARE(statusLabel(i.status), QStringLiteral("Active · awaiting action"));
    QCOMPARE(i.classification, QStringLiteral("unknownFutureValue"));
    QCOMPARE(i.determination, QStringLiteral("someDeterminationFromTheFuture"));
    QCOMPARE(determinationLabel(i.determination), QStringLiteral("someDeterminationFromTheFuture"));
    QCOMPARE(i.severity, QStringLiteral("critical"));
    QCOMPARE(severityLabel(i.severity), QStringLiteral("critical"));
    QCOMPARE(i.lastUpdateTime, utc(2024, 5, 1, 8, 11, 12, 0));
    QCOMPARE(i.assignedTo, QStringLiteral("ANALYST@Contoso.com"));
}

void TestGraphJson::redirectedIncident()
{
    const Result<Incident> parsed = incidentFromGraph(loadFixture("incident-redirected.json"));
    QVERIFY(parsed.ok());
    const Incident &i = parsed.value();
    QVERIFY(i.isRedirected());
    QCOMPARE(i.redirectIncidentId, QStringLiteral("499"));
    QCOMPARE(statusLabel(i.status), QStringLiteral("Closed"));
    QVERIFY(i.tags().contains(QStringLiteral("Redirected")));
    QCOMPARE(i.alertCount, 0);
}

void TestGraphJson::comments_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("author");
    QTest::addColumn<QDateTime>("created");
    QTest::newRow("v1.0 shape") << QByteArray(
            R"({"comment":"c1","createdByDisplayName":"Kai C","createdDateTime":"2024-01-02T03:04:05.0000000Z"})")
                                << "c1"
                                << "Kai C" << utc(2024, 1, 2, 3, 4, 5, 0);
    QTest::newRow("legacy shape") << QByteArray(
            R"({"comment":"c2","createdBy":"kai@contoso.com","createdTime":"2024-01-02T03:04:05.1234567Z"})")
                                  << "c2"
                                  << "kai@contoso.com" << utc(2024, 1, 2, 3, 4, 5, 123);
    QTest::newRow("missing author")
            << QByteArray(R"({"comment":"c3","createdDateTime":"2024-01-02T03:04:05Z"})") << "c3"
            << "" << utc(2024, 1, 2, 3, 4, 5, 0);
    QTest::newRow("non-ASCII") << QByteArray(R"({"comment":"Überprüft — ok ✓"})")
                               << QString::fromUtf8("Überprüft — ok ✓") << "" << QDateTime();
}

void TestGraphJson::comments()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, text);
    QFETCH(QString, author);
    QFETCH(QDateTime, created);
    const Comment c = commentFromGraph(QJsonDocument::fromJson(json).object());
    QCOMPARE(c.text, text);
    QCOMPARE(c.author, author);
    QCOMPARE(c.createdTime, created);
}

void TestGraphJson::evidenceKinds_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("value");
    QTest::newRow("ip") << QByteArray(
            R"({"@odata.type":"#microsoft.graph.security.ipEvidence","ipAddress":"203.0.113.7","countryLetterCode":"NL"})")
                        << "ip"
                        << "203.0.113.7";
    QTest::newRow("url") << QByteArray(
            R"({"@odata.type":"#microsoft.graph.security.urlEvidence","url":"https://evil.example/x"})")
                         << "url"
                         << "https://evil.example/x";
    QTest::newRow("mailbox") << QByteArray(
            R"({"@odata.type":"#microsoft.graph.security.mailboxEvidence","displayName":"Ana","primaryAddress":"ana@contoso.com"})")
                             << "mailbox"
                             << "ana@contoso.com";
    QTest::newRow("email") << QByteArray(
            R"({"@odata.type":"#microsoft.graph.security.analyzedMessageEvidence","subject":"Invoice","recipientEmailAddress":"ana@contoso.com"})")
                           << "email"
                           << "Invoice";
    QTest::newRow("registry value") << QByteArray(
            R"({"@odata.type":"#microsoft.graph.security.registryValueEvidence","registryHive":"HKEY_CURRENT_USER","registryKey":"Run","registryValueName":"x","registryValue":"y"})")
                                    << "registryValue"
                                    << "HKEY_CURRENT_USER\\Run";
    QTest::newRow("user without UPN") << QByteArray(
            R"({"@odata.type":"#microsoft.graph.security.userEvidence","userAccount":{"accountName":"bob","domainName":"CONTOSO"}})")
                                      << "user"
                                      << "CONTOSO\\bob";
    QTest::newRow("cloud app") << QByteArray(
            R"({"@odata.type":"#microsoft.graph.security.cloudApplicationEvidence","displayName":"Dropbox","appId":123})")
                               << "cloudApplication"
                               << "Dropbox";
    QTest::newRow("oauth app") << QByteArray(
            R"({"@odata.type":"#microsoft.graph.security.oauthApplicationEvidence","displayName":"MailSync","appId":"abc"})")
                               << "oauthApplication"
                               << "MailSync";
    QTest::newRow("security group") << QByteArray(
            R"({"@odata.type":"#microsoft.graph.security.securityGroupEvidence","displayName":"Domain Admins","securityGroupId":"g1"})")
                                    << "securityGroup"
                                    << "Domain Admins";
    QTest::newRow("mail cluster") << QByteArray(
            R"({"@odata.type":"#microsoft.graph.security.mailClusterEvidence","clusterBy":"Subject","clusterByValue":"Invoice"})")
                                  << "mailCluster"
                                  << "Subject";
    QTest::newRow("unknown type without fields")
            << QByteArray(R"({"@odata.type":"#microsoft.graph.security.aiAgentEvidence"})")
            << "other"
            << "aiAgentEvidence";
    QTest::newRow("no type at all") << QByteArray(R"({"verdict":"unknown"})") << "other"
                                    << "";
}

void TestGraphJson::evidenceKinds()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, kind);
    QFETCH(QString, value);
    const Entity e = entityFromEvidence(QJsonDocument::fromJson(json).object());
    QCOMPARE(e.kind, kind);
    QCOMPARE(e.value, value);
    QVERIFY(!entityKindLabel(e.kind).isEmpty());
}

void TestGraphJson::missingIdIsAnError()
{
    const Result<Incident> incident = incidentFromGraph(QJsonObject{});
    QVERIFY(!incident.ok());
    QCOMPARE(incident.error().kind, Error::Kind::Parse);
    const Result<Alert> alert = alertFromGraph(QJsonObject{});
    QVERIFY(!alert.ok());
}

void TestGraphJson::pageParserMapsLikeTheObjectParser()
{
    const QList<QJsonObject> incidents = {
            loadFixture("incident-doc-sample.json"), loadFixture("incident-graph-canonical.json"),
            loadFixture("incident-future-enums.json"), loadFixture("incident-redirected.json")};
    QJsonArray value;
    for (const QJsonObject &incident : incidents)
        value.append(incident);
    value.append(QJsonObject{{QStringLiteral("displayName"), QStringLiteral("no id")}});
    const QString next
            = QStringLiteral("https://graph.microsoft.com/v1.0/security/incidents?$skip=50");
    QByteArray body
            = QJsonDocument(QJsonObject{{QStringLiteral("@odata.context"), QStringLiteral("x")},
                                        {QStringLiteral("value"), value},
                                        {QStringLiteral("@odata.nextLink"), next}})
                      .toJson(QJsonDocument::Indented);
    const Result<IncidentPage> page = incidentPageFromGraph(body);
    QVERIFY(page.ok());
    QCOMPARE(page->nextLink, next);
    QCOMPARE(page->items.size(), incidents.size());
    QCOMPARE(page->skipped.size(), 1);
    for (int i = 0; i < incidents.size(); ++i) {
        const IncidentPayload &item = page->items.at(i);
        QCOMPARE(item.incident, incidentFromGraph(incidents.at(i)).value());
        const bool expanded = incidents.at(i).contains(QLatin1String("alerts"));
        QVERIFY(!item.alerts);
        QCOMPARE(item.alertRows.has_value(), expanded);
        if (!expanded)
            continue;
        const QList<Alert> expected = alertsOfIncident(incidents.at(i));
        QCOMPARE(item.alertRows->size(), expected.size());
        for (int a = 0; a < expected.size(); ++a) {
            Alert got = item.alertRows->alert(a);
            Alert want = expected.at(a);
            // The page parser leaves the evidence as received, to be read when shown.
            QVERIFY(got.evidence.isEmpty());
            QCOMPARE(got.evidenceJson.isEmpty(), want.evidence.isEmpty());
            got.evidence = evidenceFromGraphJson(got.evidenceJson);
            got.evidenceJson.clear();
            QCOMPARE(got.evidence.size(), want.evidence.size());
            for (int e = 0; e < want.evidence.size(); ++e) {
                // The page parser keeps the evidence text as received; same JSON, other spacing.
                QCOMPARE(QJsonDocument::fromJson(got.evidence.at(e).rawJson),
                         QJsonDocument::fromJson(want.evidence.at(e).rawJson));
                got.evidence[e].rawJson.clear();
                want.evidence[e].rawJson.clear();
            }
            QCOMPARE(got, want);
        }
    }
}

void TestGraphJson::alertPageParserMapsLikeTheObjectParser()
{
    // alerts_v2 sends the same alert objects as an incident's expanded alerts, plus productName.
    QJsonArray value;
    QList<QJsonObject> alerts;
    for (const char *fixture : {"incident-doc-sample.json", "incident-graph-canonical.json",
                                "incident-future-enums.json"}) {
        for (const auto &alert : loadFixture(fixture).value(QLatin1String("alerts")).toArray()) {
            QJsonObject json = alert.toObject();
            json.insert(QStringLiteral("productName"),
                        QStringLiteral("Product %1").arg(alerts.size()));
            alerts.append(json);
            value.append(json);
        }
    }
    QVERIFY(!alerts.isEmpty());
    // One more without productName, as older alerts come.
    QJsonObject bare = alerts.constFirst();
    bare.remove(QStringLiteral("productName"));
    bare.insert(QStringLiteral("id"), QStringLiteral("da-bare-1"));
    alerts.append(bare);
    value.append(bare);
    value.append(QJsonObject{{QStringLiteral("title"), QStringLiteral("no id")}});
    const QString next
            = QStringLiteral("https://graph.microsoft.com/v1.0/security/alerts_v2?$skip=1000");
    QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("value"), value},
                                                {QStringLiteral("@odata.nextLink"), next}})
                              .toJson(QJsonDocument::Compact);
    const Result<AlertPage> page = alertPageFromGraph(body);
    QVERIFY(page.ok());
    QCOMPARE(page->nextLink, next);
    QCOMPARE(page->skipped, 1);
    QCOMPARE(page->items.size(), alerts.size());
    for (int a = 0; a < alerts.size(); ++a) {
        Alert got = page->items.at(a).first;
        Alert want = alertFromGraph(alerts.at(a)).value();
        QVERIFY(got.evidence.isEmpty());
        got.evidence = evidenceFromGraphJson(got.evidenceJson);
        got.evidenceJson.clear();
        QCOMPARE(page->items.at(a).second,
                 alerts.at(a).value(QLatin1String("productName")).toString());
        QCOMPARE(got.evidence.size(), want.evidence.size());
        for (int e = 0; e < want.evidence.size(); ++e) {
            QCOMPARE(QJsonDocument::fromJson(got.evidence.at(e).rawJson),
                     QJsonDocument::fromJson(want.evidence.at(e).rawJson));
            got.evidence[e].rawJson.clear();
            want.evidence[e].rawJson.clear();
        }
        QCOMPARE(got, want);
    }
    // The same page in the store's form: the same alerts, product names, skips and link.
    QByteArray rowsBody = QJsonDocument(QJsonObject{{QStringLiteral("value"), value},
                                                    {QStringLiteral("@odata.nextLink"), next}})
                                  .toJson(QJsonDocument::Compact);
    const Result<AlertRowsPage> rowsPage = alertRowsPageFromGraph(rowsBody);
    QVERIFY(rowsPage.ok());
    QCOMPARE(rowsPage->nextLink, next);
    QCOMPARE(rowsPage->skipped, 1);
    QCOMPARE(rowsPage->items.size(), page->items.size());
    QCOMPARE(rowsPage->productNames.size(), page->items.size());
    for (qsizetype a = 0; a < rowsPage->items.size(); ++a) {
        QCOMPARE(rowsPage->productNames.at(a), page->items.at(a).second);
        QCOMPARE(rowsPage->items.alert(a), page->items.at(a).first);
    }
    QByteArray garbled("{\"value\":[{\"id\":\"1\",\"title\":\"cut");
    QVERIFY(!alertPageFromGraph(garbled).ok());
    QByteArray garbledRows = garbled;
    QVERIFY(!alertRowsPageFromGraph(garbledRows).ok());

    // Asked to, the reader leaves out the evidence of alerts an incident holds, when Graph
    // names the incident first (as it does); otherwise the evidence is read.
    const QByteArray evidence(R"([{"@odata.type":"#microsoft.graph.security.ipEvidence",)"
                              R"("ipAddress":"203.0.113.7","verdict":"suspicious"}])");
    QByteArray mixed = R"({"value":[{"id":"held","incidentId":"12","evidence":)" + evidence
                       + R"(},{"id":"alone","incidentId":null,"evidence":)" + evidence
                       + R"(},{"id":"late","evidence":)" + evidence + R"(,"incidentId":"12"}]})";
    QByteArray copy = mixed;
    const Result<AlertPage> skipping = alertPageFromGraph(mixed, true);
    QVERIFY(skipping.ok());
    QCOMPARE(skipping->items.size(), 3);
    QCOMPARE(skipping->items.at(0).first.incidentId, QStringLiteral("12"));
    QVERIFY(skipping->items.at(0).first.evidenceJson.isEmpty());
    QCOMPARE(skipping->items.at(1).first.evidenceJson, evidence);
    QCOMPARE(skipping->items.at(2).first.evidenceJson, evidence);
    QByteArray mixedRows = copy;
    const Result<AlertRowsPage> skippingRows = alertRowsPageFromGraph(mixedRows, true);
    QVERIFY(skippingRows.ok());
    QCOMPARE(skippingRows->items.size(), 3);
    QVERIFY(skippingRows->items.text(0, AlertRows::Evidence).empty());
    QCOMPARE(QByteArray(skippingRows->items.text(1, AlertRows::Evidence).data(),
                        qsizetype(skippingRows->items.text(1, AlertRows::Evidence).size())),
             evidence);
    QCOMPARE(QByteArray(skippingRows->items.text(2, AlertRows::Evidence).data(),
                        qsizetype(skippingRows->items.text(2, AlertRows::Evidence).size())),
             evidence);
    const Result<AlertPage> whole = alertPageFromGraph(copy);
    QVERIFY(whole.ok());
    for (const auto &[alert, productName] : whole->items) {
        QCOMPARE(alert.evidenceJson, evidence);
        const QList<Entity> read = evidenceFromGraphJson(alert.evidenceJson);
        QCOMPARE(read.size(), 1);
        QCOMPARE(read.constFirst().kind, QStringLiteral("ip"));
        QCOMPARE(read.constFirst().value, QStringLiteral("203.0.113.7"));
        QCOMPARE(read.constFirst().verdict, QStringLiteral("suspicious"));
    }
    // An empty list is no evidence; text that is not a valid array reads as none.
    QByteArray empty = R"({"value":[{"id":"e","evidence":[ ]}]})";
    QVERIFY(alertPageFromGraph(empty)->items.constFirst().first.evidenceJson.isEmpty());
    QVERIFY(evidenceFromGraphJson({}).isEmpty());
    QVERIFY(evidenceFromGraphJson("{\"a\":1}").isEmpty());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^evidence that is not")));
    QVERIFY(evidenceFromGraphJson(evidence.left(evidence.size() - 1) + ",{\"@odata.ty").isEmpty());
}

void TestGraphJson::pageParserErrors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("not JSON") << QByteArray("<html>gateway timeout</html>");
    QTest::newRow("truncated") << QByteArray(R"({"value":[{"id":"1","displayName":"cut)");
    QTest::newRow("no value array") << QByteArray(R"({"error":{"code":"x","message":"y"}})");
    QTest::newRow("array at top") << QByteArray(R"([{"id":"1"}])");
}

void TestGraphJson::pageParserErrors()
{
    QFETCH(QByteArray, body);
    const Result<IncidentPage> page = incidentPageFromGraph(body);
    QVERIFY(!page.ok());
    QCOMPARE(page.error().kind, Error::Kind::Parse);
}

void TestGraphJson::objectAndPageReadersAgree_data()
{
    QTest::addColumn<QByteArray>("value");
    const QByteArray longText(30'000, 'x');
    const QList<std::pair<const char *, QByteArray>> values = {
            {"null", "null"},
            {"true", "true"},
            {"false", "false"},
            {"zero", "0"},
            {"negative integer", "-7"},
            {"large integer", "12345678901234"},
            {"largest qint64", "9223372036854775807"},
            {"beyond qint64", "9223372036854775808"},
            {"fraction", "1.5"},
            {"negative zero", "-0.0"},
            {"exponent", "1e15"},
            {"small exponent", "2.5e-3"},
            {"huge exponent", "1e300"},
            {"empty string", R"("")"},
            {"plain string", R"("plain text")"},
            {"PascalCase enum", R"("TruePositive")"},
            {"upper-case enum", R"("HIGH")"},
            {"determination alias", R"("clean")"},
            {"unknown enum", R"("critical")"},
            {"future enum", R"("unknownFutureValue")"},
            {"time, 7 digits", R"("2024-05-01T10:11:12.1234567Z")"},
            {"time, lower case", R"("2024-05-01t10:11:12z")"},
            {"time, offset", R"("2024-05-01T10:11:12+02:00")"},
            {"time, no such day", R"("2024-02-30T10:11:12Z")"},
            {"time, leap day", R"("2024-02-29T23:59:59.9999999Z")"},
            {"time, no leap day", R"("2023-02-29T00:00:00Z")"},
            {"time, leap day of 2000", R"("2000-02-29T12:00:00.5Z")"},
            {"time, no leap day of 1900", R"("1900-02-29T12:00:00Z")"},
            {"time, year 0", R"("0000-01-01T00:00:00Z")"},
            {"time, year 1", R"("0001-01-01T00:00:00.001Z")"},
            {"time, last ms", R"("9999-12-31T23:59:59.999Z")"},
            {"time, before the epoch", R"("1969-12-31T23:59:59.999Z")"},
            {"time, month 13", R"("2024-13-01T00:00:00Z")"},
            {"time, 24 o'clock", R"("2024-05-01T24:00:00Z")"},
            {"time, minute 60", R"("2024-05-01T10:60:00Z")"},
            {"time, leap second", R"("2016-12-31T23:59:60Z")"},
            {"time, day 0", R"("2024-05-00T10:11:12Z")"},
            {"time, 31 April", R"("2024-04-31T10:11:12Z")"},
            {"time, no seconds", R"("2024-05-01 10:11")"},
            {"time, full-width digits", R"("２０２４-05-01T10:11:12Z")"},
            {"odd Unicode", R"("Verdächtig — 東京 😀 e\u0301 ‮rtl‬ zero​width ﷽")"},
            {"escapes", R"("\u00e9\ud83d\ude00\u0000\t\"\\\/")"},
            {"long string", '"' + longText + '"'},
            {"long enum-like string", '"' + QByteArray(100, 'A') + "Positive\""},
            {"empty array", "[]"},
            {"array of strings", R"(["Demo","Defender Experts"])"},
            {"mixed array", R"(["a",1,null,"b",["c"],{"d":1}])"},
            {"array of escapes",
             R"(["tab\there\nline\r","quote\" back\\slash\/","\u0000\u001f\u007f","é 😀 \ud83d\ude00",""])"},
            {"empty object", "{}"},
            {"object", R"({"displayName":"x","fileName":"y","comment":"z"})"},
    };
    for (const auto &[name, value] : values)
        QTest::newRow(name) << value;
}

void TestGraphJson::objectAndPageReadersAgree()
{
    // The same payloads through incidentFromGraph/alertFromGraph (QJsonObject) and through the
    // page readers (simdjson) give the same values, whatever a field holds.
    QFETCH(QByteArray, value);
    const QByteArray comment = objectText(kCommentKeys, value);
    const QByteArray alert = objectText(kAlertKeys, value,
                                        {member("id", R"("alert-1")"),
                                         member("comments", '[' + comment + ',' + value + ']'),
                                         member("evidence", evidenceText(value))});
    const QList<QByteArray> incidents = {
            // Every field holds the value, comments and alerts too.
            objectText(kIncidentKeys, value,
                       {member("id", R"("incident-1")"), member("comments", value),
                        member("alerts", value)}),
            // Every field of the comments, alerts and evidence in it holds the value.
            objectText(kIncidentKeys, value,
                       {member("id", R"("incident-2")"),
                        member("comments", '[' + comment + ',' + value + ']'),
                        member("alerts", '[' + alert + ',' + value + ']')}),
            // The id itself.
            '{' + member("id", value) + ',' + member("displayName", R"("by id")") + '}',
    };
    for (const QByteArray &text : incidents) {
        const QJsonObject json = objectOf(text);
        const Result<Incident> fromObject = incidentFromGraph(json);
        QByteArray body = R"({"value":[)" + text + "]}";
        const Result<IncidentPage> page = incidentPageFromGraph(body);
        QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error().message));
        QCOMPARE(page->items.size(), fromObject.ok() ? 1 : 0);
        if (!fromObject.ok())
            continue;
        const IncidentPayload &item = page->items.constFirst();
        QCOMPARE(item.incident, fromObject.value());
        QCOMPARE(item.alertRows.has_value(), json.contains(QLatin1String("alerts")));
        const QList<Alert> alerts = alertsOfIncident(json);
        QCOMPARE(item.alertRows.value_or(AlertRows()).size(), alerts.size());
        for (qsizetype a = 0; a < alerts.size(); ++a)
            QCOMPARE(withEvidenceRead(item.alertRows->alert(a)), withEvidenceRead(alerts.at(a)));
    }

    // What the store writes of an incident page's alert, byte for byte, is what it writes of
    // the same alert read as a value (the alerts_v2 reader keeps the evidence text too).
    for (const QByteArray &text : {alert, QByteArray('{' + member("id", value) + '}')}) {
        QByteArray incidentBody = R"({"value":[{"id":"i","alerts":[)" + text + "]}]}";
        QByteArray alertBody = R"({"value":[)" + text + "]}";
        const Result<IncidentPage> incidentPage = incidentPageFromGraph(incidentBody);
        const Result<AlertPage> alertPage = alertPageFromGraph(alertBody);
        QVERIFY(incidentPage.ok() && alertPage.ok());
        QByteArray rowsBody = alertBody;
        const Result<AlertRowsPage> rowsPage = alertRowsPageFromGraph(rowsBody);
        QVERIFY(rowsPage.ok());
        QList<Alert> values;
        for (const auto &item : alertPage->items)
            values.append(item.first);
        const AlertRows want = StoreRows::alertRowsOf(values);
        // The incident page's alerts, then the alerts_v2 page's in the store's form.
        for (const AlertRows *rows :
             {&*incidentPage->items.constFirst().alertRows, &rowsPage->items}) {
            const AlertRows &got = *rows;
            QCOMPARE(got.size(), want.size());
            for (qsizetype n = 0; n < got.size(); ++n) {
                for (int f = 0; f < AlertRows::FieldCount; ++f) {
                    const std::string_view g = got.row(n).text[size_t(f)];
                    const std::string_view w = want.row(n).text[size_t(f)];
                    QVERIFY2(!g.data() == !w.data() && g == w,
                             qPrintable(QStringLiteral("field %1: %2 against %3")
                                                .arg(f)
                                                .arg(g.data() ? QString::fromUtf8(
                                                             g.data(), qsizetype(g.size()))
                                                              : QStringLiteral("NULL"),
                                                     w.data() ? QString::fromUtf8(
                                                             w.data(), qsizetype(w.size()))
                                                              : QStringLiteral("NULL"))));
                }
                QCOMPARE(got.row(n).time, want.row(n).time);
            }
        }
    }

    // alerts_v2 pages: the alert as above, and one whose id is the value.
    const QList<QByteArray> alerts
            = {alert, '{' + member("id", value) + ',' + member("title", R"("by id")") + '}'};
    for (const QByteArray &text : alerts) {
        const QJsonObject json = objectOf(text);
        const Result<Alert> fromObject = alertFromGraph(json);
        QByteArray body = R"({"value":[)" + text + "]}";
        const Result<AlertPage> page = alertPageFromGraph(body);
        QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error().message));
        QCOMPARE(page->items.size(), fromObject.ok() ? 1 : 0);
        if (!fromObject.ok())
            continue;
        QCOMPARE(withEvidenceRead(page->items.constFirst().first),
                 withEvidenceRead(fromObject.value()));
    }
}

void TestGraphJson::lookalikeKeysAreNotTheirNamesakes()
{
    // The page readers find a key by its length and a few of its bytes first: keys that agree
    // there with a key they know ("tatle" and "title") are still other keys, and are ignored.
    QByteArray body = R"({"value":[{"id":"1","displayName":"right","dasplayNyme":"wrong",)"
                      R"("stetus":"resolved","alerts":[{"id":"a1","tatle":"wrong","title":"right",)"
                      R"("stetus":"resolved","sevarity":"high","i":"x","":"y"}]}]})";
    const Result<IncidentPage> page = incidentPageFromGraph(body);
    QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error().toString()));
    QCOMPARE(page->items.size(), 1);
    const Incident &incident = page->items.constFirst().incident;
    QCOMPARE(incident.title, QStringLiteral("right"));
    QVERIFY(incident.status.isEmpty());
    const Alert alert = page->items.constFirst().alertRows->alert(0);
    QCOMPARE(alert.id, QStringLiteral("a1"));
    QCOMPARE(alert.title, QStringLiteral("right"));
    QVERIFY(alert.status.isEmpty());
    QVERIFY(alert.severity.isEmpty());
}

void TestGraphJson::escapedKeysAreTheirNames()
{
    // The page readers take a key as the page has it unless it has an escape: "t\u0069tle" is
    // "title", as QJsonDocument reads it, and a later key of the same name wins in both.
    const QByteArray text = R"({"value":[{"\u0069d":"1","displ\u0061yName":"escaped",)"
                            R"("alerts":[{"id":"a1","title":"plain","t\u0069tle":"escaped",)"
                            R"("s\u0065verity":"high","\"quoted\"":"x"}]}]})";
    QByteArray body = text;
    const Result<IncidentPage> page = incidentPageFromGraph(body);
    QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error().toString()));
    QCOMPARE(page->items.size(), 1);
    const Incident &incident = page->items.constFirst().incident;
    QCOMPARE(incident.providerIncidentId, QStringLiteral("1"));
    QCOMPARE(incident.title, QStringLiteral("escaped"));
    const Alert alert = page->items.constFirst().alertRows->alert(0);
    QCOMPARE(alert.title, QStringLiteral("escaped"));
    QCOMPARE(alert.severity, QStringLiteral("high"));
    const QJsonObject object = QJsonDocument::fromJson(text)
                                       .object()
                                       .value(QLatin1String("value"))
                                       .toArray()
                                       .at(0)
                                       .toObject();
    const Result<Incident> fromObject = incidentFromGraph(object);
    QVERIFY(fromObject.ok());
    QCOMPARE(fromObject->title, incident.title);
    const Result<Alert> alertFromObject
            = alertFromGraph(object.value(QLatin1String("alerts")).toArray().at(0).toObject());
    QVERIFY(alertFromObject.ok());
    QCOMPARE(alertFromObject->title, alert.title);
    QCOMPARE(alertFromObject->severity, alert.severity);

    // A bad escape in a key is a bad page, as it was.
    QByteArray bad = R"({"value":[{"id":"1","ti\qle":"x"}]})";
    QVERIFY(!incidentPageFromGraph(bad).ok());
}

void TestGraphJson::evidenceNamesComeWithThePage_data()
{
    // The evidence array as the page has it, and whether the page reader must know its search
    // names itself (true), must leave them to the store (false), or may do either (no row).
    QTest::addColumn<QByteArray>("evidence");
    QTest::addColumn<bool>("known");
    const auto row = [](const char *name, const char *evidence, bool known) {
        QTest::newRow(name) << QByteArray(evidence) << known;
    };
    row("device, user, ip, file",
        R"([{"@odata.type":"#microsoft.graph.security.deviceEvidence","deviceDnsName":"pc1",)"
        R"("roles":[],"tags":["a"],"riskScore":"high","mdeDeviceId":null,"osBuild":19045,)"
        R"("vmMetadata":{"vmId":"x","cloudProvider":"azure"}},)"
        R"({"userAccount":{"accountName":"alice","userPrincipalName":"alice@contoso.com"}},)"
        R"({"ipAddress":"203.0.113.7","countryLetterCode":"NL"},)"
        R"({"fileDetails":{"fileName":"evil.exe","filePath":"C:\\Windows\\Temp","fileSize":-1.5e3}},)"
        R"({"imageFile":{"fileName":"cmd.exe"},"processId":4}])",
        true);
    row("account name only", R"([{"userAccount":{"accountName":"bob","userPrincipalName":null}}])",
        true);
    row("null user, then display name",
        R"([{"userAccount":null,"displayName":"Mail cluster","url":null}])", true);
    row("first of two keys", R"([{"ipAddress":"198.51.100.1","ipAddress":"198.51.100.2"}])", true);
    row("priority over order", R"([{"url":"http://x.example/","deviceDnsName":"pc2"}])", true);
    row("an empty name stops the item", R"([{"deviceDnsName":"","url":"http://y.example/"}])",
        true);
    row("items that are not objects", R"([1,"two",[3,{"url":"u"}],null,true,{"url":"v"}])", true);
    row("spaces and lines", "[ {\n \"url\" : \"w\" ,\r\n\t\"x\":[ ] } ]\n", true);
    row("escaped key", R"([{"\u0075rl":"k"}])", true);
    row("valid escapes elsewhere", R"([{"note":"a\nb\u00e9\"\\\/","url":"z"}])", true);
    row("a name with an escape", R"([{"url":"http://a.example/\u0041"}])", false);
    row("a name that is a number", R"([{"ipAddress":17}])", false);
    row("a bad escape", R"([{"note":"\q","url":"z"}])", false);
    row("a bad hex digit", R"([{"note":"\u12G4","url":"z"}])", false);
    row("a short unicode escape", R"([{"note":"\u12","url":"z"}])", false);
    row("a leading zero", R"([{"n":01,"url":"z"}])", false);
    row("a bare point", R"([{"n":1.,"url":"z"}])", false);
    row("a broken word", R"([{"n":tru,"url":"z"}])", false);
    row("a missing colon", R"([{"url" "z"}])", false);
    row("a missing comma", R"([{"url":"z"} {"url":"y"}])", false);
    QByteArray deep;
    for (int n = 0; n < 100; ++n)
        deep += "[";
    for (int n = 0; n < 100; ++n)
        deep += "]";
    QTest::newRow("deep") << QByteArray("[{\"url\":\"d\",\"x\":" + deep + "}]") << false;
}

void TestGraphJson::evidenceNamesComeWithThePage()
{
    QFETCH(QByteArray, evidence);
    QFETCH(bool, known);
    QByteArray body = R"({"value":[{"id":"i","alerts":[{"id":"a","evidence":)" + evidence
                      + R"(,"title":"after"}]},{"id":"j","displayName":"next"}]})";
    const Result<IncidentPage> page = incidentPageFromGraph(body);
    // Whatever the evidence, the page is read: both incidents, the alert whole.
    QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error().toString()));
    QCOMPARE(page->items.size(), 2);
    const AlertRows &rows = *page->items.constFirst().alertRows;
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.text(0, AlertRows::Title), std::string_view("after"));
    const std::string_view stored = rows.text(0, AlertRows::Evidence);
    QCOMPARE(QByteArray(stored.data(), qsizetype(stored.size())), evidence.trimmed());

    // Known names are the names the store would find in the stored text.
    std::string expected;
    const bool storeReads = appendEvidenceSearchNames(stored, expected);
    const std::string_view names = rows.row(0).evidenceNames;
    if (names.data()) {
        QVERIFY(storeReads);
        QCOMPARE(QByteArray(names.data(), qsizetype(names.size())),
                 QByteArray::fromStdString(expected));
    }
    QCOMPARE(bool(names.data()), known);
}

void TestGraphJson::unpairedSurrogatesBecomeReplacementCharacters()
{
    // One bad string must not cost the page: a lone high or low surrogate escape reads as
    // U+FFFD, a real pair stays the character it makes, and an escaped backslash followed by
    // "ud800" is text, not an escape.
    const QByteArray evidence(R"([{"@odata.type":"#microsoft.graph.security.ipEvidence",)"
                              R"("ipAddress":"203.0.113.7","verdict":"suspicious\udc00"}])");
    const QByteArray original
            = R"({"value":[{"id":"1","displayName":"before"},)"
              R"({"id":"2","displayName":"bad \ud800 title","customTags":["x\uDC00y","\uD800\uD800z"]},)"
              R"({"id":"3","displayName":"smile \ud83d\ude00 and \\ud800 text",)"
              R"("alerts":[{"id":"a1","title":"t\ud800","evidence":)"
              + evidence + R"(}]}]})";
    const QString fffd(QChar::ReplacementCharacter);
    QByteArray body = original;
    const Result<IncidentPage> page = incidentPageFromGraph(body);
    QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error().toString()));
    QCOMPARE(page->items.size(), 3);
    QCOMPARE(page->items.at(0).incident.title, QStringLiteral("before"));
    QCOMPARE(page->items.at(1).incident.title,
             QStringLiteral("bad ") + fffd + QStringLiteral(" title"));
    QCOMPARE(page->items.at(1).incident.customTags,
             QStringList({QStringLiteral("x") + fffd + QStringLiteral("y"),
                          fffd + fffd + QStringLiteral("z")}));
    QCOMPARE(page->items.at(2).incident.title, QStringLiteral("smile ")
                                                       + QString::fromUtf8("\xF0\x9F\x98\x80")
                                                       + QStringLiteral(" and \\ud800 text"));
    const Alert alert = page->items.at(2).alertRows->alert(0);
    QCOMPARE(alert.title, QStringLiteral("t") + fffd);
    const QList<Entity> entities = evidenceFromGraphJson(alert.evidenceJson);
    QCOMPARE(entities.size(), 1);
    QCOMPARE(entities.constFirst().value, QStringLiteral("203.0.113.7"));

    // The object reader (single incidents) reads the same text the same way.
    QByteArray single = R"({"id":"2","displayName":"bad \ud800 title"})";
    QVERIFY(replaceUnpairedSurrogates(single));
    QCOMPARE(incidentFromGraph(QJsonDocument::fromJson(single).object())->title,
             QStringLiteral("bad ") + fffd + QStringLiteral(" title"));
    QByteArray clean = R"({"id":"2","displayName":"smile \ud83d\ude00 \\ud800"})";
    const QByteArray cleanBefore = clean;
    QVERIFY(!replaceUnpairedSurrogates(clean));
    QCOMPARE(clean, cleanBefore);

    // The same for alerts_v2 pages.
    QByteArray alerts = R"({"value":[{"id":"a1","title":"ok"},{"id":"a2","title":"\udfff"},)"
                        R"({"id":"a3","title":"end \ud800"}]})";
    const Result<AlertPage> alertPage = alertPageFromGraph(alerts);
    QVERIFY2(alertPage.ok(), qPrintable(alertPage.ok() ? QString() : alertPage.error().toString()));
    QCOMPARE(alertPage->items.size(), 3);
    QCOMPARE(alertPage->items.at(1).first.title, fffd);
    QCOMPARE(alertPage->items.at(2).first.title, QStringLiteral("end ") + fffd);
}

void TestGraphJson::invalidUtf8BecomesReplacementCharacters()
{
    // Raw bytes that are not UTF-8 (a Latin-1 é, a cut sequence) read as U+FFFD, not as a
    // page that fails on every run.
    QByteArray body = "{\"value\":[{\"id\":\"1\",\"displayName\":\"caf\xE9\"},"
                      "{\"id\":\"2\",\"displayName\":\"ok\"}]}";
    const Result<IncidentPage> page = incidentPageFromGraph(body);
    QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error().toString()));
    QCOMPARE(page->items.size(), 2);
    QCOMPARE(page->items.at(0).incident.title, QStringLiteral("caf") + QChar::ReplacementCharacter);
    QCOMPARE(page->items.at(1).incident.title, QStringLiteral("ok"));
}

QTEST_APPLESS_MAIN(TestGraphJson)
#include "tst_graphjson.moc"
