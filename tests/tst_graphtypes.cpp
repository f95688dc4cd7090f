// Graph properties against what the window shows: every property of the security namespace's
// Incident, Alert and evidence types in Microsoft's published Graph types is either shown
// (core/graphdetails.cpp) or listed as deliberately ignored, with a reason
// (tests/data/graph/ignored-properties.tsv). A property Graph adds is noticed here.
#include "graphdetails.h"
#include "graphjson.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Vigil;

namespace {

struct Interface
{
    QString base;
    QStringList properties;
};

/** The interfaces of one namespace of microsoft-graph.d.ts, with their own properties. */
QMap<QString, Interface> interfacesOf(const QString &typings, const QString &ns)
{
    QMap<QString, Interface> result;
    const qsizetype start = typings.indexOf(QStringLiteral("export namespace %1 {").arg(ns));
    if (start < 0)
        return result;
    qsizetype end = typings.indexOf(QStringLiteral("\nexport namespace "), start + 1);
    if (end < 0)
        end = typings.size();
    const QStringList lines = typings.mid(start, end - start).split(QLatin1Char('\n'));
    static const QRegularExpression header(
            QStringLiteral(R"(^    (?:export )?interface (\w+)(?: extends ([\w.]+))? \{\s*$)"));
    static const QRegularExpression property(QStringLiteral(R"(^        (\w+)\??:)"));
    QString current;
    for (const QString &line : lines) {
        if (const QRegularExpressionMatch m = header.match(line); m.hasMatch()) {
            current = m.captured(1);
            result[current].base = m.captured(2);
            continue;
        }
        if (line.startsWith(QLatin1String("    }"))) {
            current.clear();
            continue;
        }
        if (current.isEmpty())
            continue;
        if (const QRegularExpressionMatch m = property.match(line); m.hasMatch())
            result[current].properties << m.captured(1);
    }
    return result;
}

struct Ignored
{
    QString type;
    QString property;
    QString reason;
    int line = 0;
};

QList<Ignored> ignoredProperties()
{
    QList<Ignored> list;
    QFile file(QStringLiteral(VIGIL_TEST_DATA "/graph/ignored-properties.tsv"));
    if (!file.open(QIODevice::ReadOnly))
        return list;
    int number = 0;
    for (const QByteArray &raw : file.readAll().split('\n')) {
        ++number;
        const QString line = QString::fromUtf8(raw);
        if (line.trimmed().isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList fields = line.split(QLatin1Char('\t'));
        list.append({fields.value(0), fields.value(1), fields.value(2).trimmed(), number});
    }
    return list;
}

} // namespace

class TestGraphTypes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyPropertyIsShownOrIgnored();
    void ignoredListIsCurrent();
    void evidencePropertiesAreShown();
    void incidentAndAlertTextsAreRead();
    void hostileDetails();

private:
    QMap<QString, Interface> m_types;
};

void TestGraphTypes::initTestCase()
{
    const QString dir = QStringLiteral(VIGIL_GRAPH_TYPES_DIR);
    QFile typings(dir + QStringLiteral("/microsoft-graph.d.ts"));
    if (dir.isEmpty() || dir.endsWith(QLatin1String("NOTFOUND")) || !typings.exists()) {
        if (qEnvironmentVariable("CI") == QLatin1String("true"))
            QFAIL("@microsoft/microsoft-graph-types is not installed (scripts/install-deps.sh)");
        QSKIP("@microsoft/microsoft-graph-types is not installed: run scripts/install-deps.sh");
    }
    QFile package(dir + QStringLiteral("/package.json"));
    QVERIFY(package.open(QIODevice::ReadOnly));
    // The pinned version: a newer one is taken on purpose, with this test's verdict.
    QCOMPARE(QJsonDocument::fromJson(package.readAll()).object().value(u"version").toString(),
             QStringLiteral(VIGIL_GRAPH_TYPES_VERSION));
    QVERIFY(typings.open(QIODevice::ReadOnly));
    m_types = interfacesOf(QString::fromUtf8(typings.readAll()),
                           QStringLiteral("SecurityNamespace"));
    QVERIFY2(m_types.contains(QStringLiteral("Incident")), "no SecurityNamespace.Incident");
    QVERIFY(m_types.contains(QStringLiteral("Alert")));
    QVERIFY(m_types.contains(QStringLiteral("AlertEvidence")));
    // The parser found what the types say: the fields the queue is built on are there.
    QVERIFY(m_types[QStringLiteral("Incident")].properties.contains(u"displayName"_qs));
    QVERIFY(m_types[QStringLiteral("Alert")].properties.contains(u"mitreTechniques"_qs));
    QVERIFY(m_types[QStringLiteral("ProcessEvidence")].properties.contains(
            u"parentProcessImageFile"_qs));
}

void TestGraphTypes::everyPropertyIsShownOrIgnored()
{
    QSet<QString> shown;
    for (const GraphPropertyShown &p : graphPropertiesShown())
        shown.insert(QLatin1String(p.type) + QLatin1Char('.') + QLatin1String(p.property));
    QSet<QString> ignored;
    for (const Ignored &entry : ignoredProperties()) {
        QVERIFY2(!entry.reason.isEmpty(),
                 qPrintable(QStringLiteral("ignored-properties.tsv line %1 gives no reason")
                                    .arg(entry.line)));
        ignored.insert(entry.type + QLatin1Char('.') + entry.property);
    }

    QStringList checked = {QStringLiteral("Incident"), QStringLiteral("Alert"),
                           QStringLiteral("AlertEvidence")};
    for (auto it = m_types.cbegin(); it != m_types.cend(); ++it) {
        if (it->base == QLatin1String("AlertEvidence"))
            checked << it.key();
    }
    QVERIFY(checked.size() > 20);
    QStringList missing;
    int properties = 0;
    for (const QString &type : std::as_const(checked)) {
        if (ignored.contains(type + QStringLiteral(".*")))
            continue;
        for (const QString &property : m_types.value(type).properties) {
            ++properties;
            const QString key = type + QLatin1Char('.') + property;
            if (!shown.contains(key) && !ignored.contains(key))
                missing << key;
        }
    }
    QVERIFY(properties > 100);
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("Graph properties neither shown (core/graphdetails.cpp) "
                                       "nor listed in tests/data/graph/ignored-properties.tsv: ")
                        + missing.join(QStringLiteral(", "))));
}

void TestGraphTypes::ignoredListIsCurrent()
{
    // A line for a property or type the types no longer have is a stale reason, and a shown
    // property the types do not have is a typo: both would hide a real gap.
    QStringList stale;
    for (const Ignored &entry : ignoredProperties()) {
        if (!m_types.contains(entry.type)
            || (entry.property != QLatin1String("*")
                && !m_types[entry.type].properties.contains(entry.property)))
            stale << entry.type + QLatin1Char('.') + entry.property;
    }
    for (const GraphPropertyShown &p : graphPropertiesShown()) {
        const QString type = QLatin1String(p.type);
        const QString property = QLatin1String(p.property);
        // Every Graph entity has its id from the base type.
        if (property == QLatin1String("id"))
            continue;
        if (!m_types.value(type).properties.contains(property))
            stale << type + QLatin1Char('.') + property;
    }
    QVERIFY2(stale.isEmpty(), qPrintable(stale.join(QStringLiteral(", "))));
}

void TestGraphTypes::evidencePropertiesAreShown()
{
    // Each property an evidence type shows comes out as a line with its label and the value.
    int checked = 0;
    for (const GraphPropertyShown &p : graphPropertiesShown()) {
        const QString type = QLatin1String(p.type);
        if (!type.endsWith(QLatin1String("Evidence")) || type == QLatin1String("AlertEvidence"))
            continue;
        QJsonObject json;
        QString odataType = type;
        odataType[0] = odataType.at(0).toLower();
        json.insert(u"@odata.type"_qs, QString(u"#microsoft.graph.security."_qs + odataType));
        const QString value = QStringLiteral("value-of-%1").arg(QLatin1String(p.property));
        json.insert(QLatin1String(p.property), value);
        json.insert(u"verdict"_qs, u"malicious"_qs);
        const Entity entity = entityFromEvidence(json);
        const QList<DetailLine> lines = evidenceDetailLines(entity);
        QVERIFY2(lines.contains(DetailLine{QLatin1String(p.shownAs), value}),
                 qPrintable(type + QLatin1Char('.') + QLatin1String(p.property)));
        QVERIFY(lines.contains(DetailLine{u"Verdict"_qs, u"malicious"_qs}));
        ++checked;
    }
    QVERIFY(checked > 80);

    // Nested objects and lists come out as one line; a property no table names keeps its name.
    const QJsonObject process = QJsonDocument::fromJson(R"({
        "@odata.type": "#microsoft.graph.security.processEvidence",
        "processId": 4242, "processCreationDateTime": "2024-03-26T09:05:00Z",
        "parentProcessId": 811,
        "parentProcessImageFile": {"fileName": "winword.exe", "filePath": "C:\\Program Files",
                                   "sha256": null},
        "remediationStatus": "prevented", "roles": ["contextual"],
        "newPropertyFromGraph": {"answer": 42}})")
                                        .object();
    const QList<DetailLine> lines = evidenceDetailLines(entityFromEvidence(process));
    QVERIFY(lines.contains(DetailLine{u"Parent process id"_qs, u"811"_qs}));
    QVERIFY(lines.contains(DetailLine{u"Parent image file"_qs,
                                      u"fileName: winword.exe, filePath: C:\\Program Files"_qs}));
    QVERIFY(lines.contains(DetailLine{u"Remediation status"_qs, u"prevented"_qs}));
    QVERIFY(lines.contains(DetailLine{u"newPropertyFromGraph"_qs, u"answer: 42"_qs}));
    QVERIFY(lines.contains(DetailLine{u"Process id"_qs, u"4242"_qs}));
}

void TestGraphTypes::incidentAndAlertTextsAreRead()
{
    const QJsonObject incident = QJsonDocument::fromJson(R"({
        "id": "42", "displayName": "Ransomware", "summary": "Three devices encrypted.",
        "resolvingComment": "Reimaged.", "status": "resolved"})")
                                         .object();
    const Result<Incident> read = incidentFromGraph(incident);
    QVERIFY(read);
    QCOMPARE(read->summary, u"Three devices encrypted."_qs);
    QCOMPARE(read->resolvingComment, u"Reimaged."_qs);

    const QJsonObject alert = QJsonDocument::fromJson(R"({
        "id": "da1", "title": "Suspicious sign-in", "alertPolicyId": "policy-7",
        "customDetails": {"Location": "NL", "Attempts": 12, "Users": ["a", "b"]},
        "additionalData": {"ThreatIntel": {"feed": "x"}}, "evidence": []})")
                                      .object();
    const Result<Alert> a = alertFromGraph(alert);
    QVERIFY(a);
    QCOMPARE(a->alertPolicyId, u"policy-7"_qs);
    const QList<DetailLine> custom = jsonObjectLines(a->customDetailsJson);
    QVERIFY(custom.contains(DetailLine{u"Location"_qs, u"NL"_qs}));
    QVERIFY(custom.contains(DetailLine{u"Attempts"_qs, u"12"_qs}));
    QVERIFY(custom.contains(DetailLine{u"Users"_qs, u"a; b"_qs}));
    QVERIFY(jsonObjectLines(a->additionalDataJson)
                    .contains(DetailLine{u"ThreatIntel"_qs, u"feed: x"_qs}));

    // The page reader (the sync's path) reads the same.
    QByteArray page = R"({"value": [{"id": "da2", "incidentId": "42", "title": "t",
        "customDetails": {"Location": "NL"}, "additionalData": {}, "alertPolicyId": "p"}]})";
    const Result<AlertPage> alerts = alertPageFromGraph(page);
    QVERIFY(alerts);
    QCOMPARE(alerts->items.size(), 1);
    const Alert &paged = alerts->items.first().first;
    QCOMPARE(jsonObjectLines(paged.customDetailsJson),
             (QList<DetailLine>{DetailLine{u"Location"_qs, u"NL"_qs}}));
    QVERIFY(paged.additionalDataJson.isEmpty());
    QCOMPARE(paged.alertPolicyId, u"p"_qs);
}

void TestGraphTypes::hostileDetails()
{
    // Not objects, markup, deep nesting: lines of plain text or none, never a crash.
    QVERIFY(jsonObjectLines("not json").isEmpty());
    QVERIFY(jsonObjectLines("[1, 2]").isEmpty());
    const QList<DetailLine> markup = jsonObjectLines(R"({"<b>key</b>": "<img src=x>"})");
    QCOMPARE(markup, (QList<DetailLine>{DetailLine{u"<b>key</b>"_qs, u"<img src=x>"_qs}}));
    QByteArray deep;
    for (int i = 0; i < 200; ++i)
        deep += "{\"a\":";
    deep += "1";
    deep += QByteArray(200, '}');
    const QList<DetailLine> nested = jsonObjectLines(deep);
    QVERIFY(nested.size() <= 1);
    Entity broken;
    broken.rawJson = "{\"@odata.type\": 12, \"deviceDnsName\": [null, {}, \"x\"]}";
    broken.odataType = u"#microsoft.graph.security.deviceEvidence"_qs;
    QVERIFY(evidenceDetailLines(broken).contains(DetailLine{u"Device name"_qs, u"x"_qs}));
}

QTEST_GUILESS_MAIN(TestGraphTypes)
#include "tst_graphtypes.moc"
