// evaluate bag_unpack() run by the local engine: the columns are read from the data first (the
// slots of the bags, typed by their values), then the query runs with them. Expected rows are
// worked out by hand from Microsoft's bag_unpack page
// (https://learn.microsoft.com/kusto/query/bag-unpack-plugin) and from the events each test
// imports; what the page leaves open is pinned in docs/KQL.md.
#include "huntingcontroller.h"
#include "huntingrunner.h"
#include "support/kqlrun.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Vigil;
using namespace Vigil::Kql;

namespace {

using Rows = QList<QByteArrayList>;

const QString people
        = QStringLiteral("datatable(d:dynamic) [dynamic({\"Name\": \"John\", \"Age\":20}), "
                         "dynamic({\"Name\": \"Dave\", \"Age\":40}), dynamic({\"Name\": "
                         "\"Jasmine\", \"Age\":30})] ");

} // namespace

class TestKqlBagUnpack : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void followsTheDocsExamples();
    void typesSlotsByTheirValues();
    void readsTheSlotsOfStoredEvents();
    void declaredColumnsRunWithoutAFirstRead();
    void insideAFunction();
    void hostileKeys();
    void manyKeysAreBounded();
    void theEditorDoesNotFlagWhatRuns();

private:
    KqlRunResult run(const QString &query);

    QTemporaryDir m_dir;
    QString m_db;
};

KqlRunResult TestKqlBagUnpack::run(const QString &query)
{
    HuntingRunner runner(m_db);
    return runKql(runner, query);
}

void TestKqlBagUnpack::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Antivirus reports whose AdditionalFields name the signer (values made up for the test),
    // one without the slot, one whose AdditionalFields is not JSON, and a tampering attempt.
    const QString file = m_dir.filePath(QStringLiteral("events.jsonl"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    auto event = [&out](const char *time, const char *device, int report, const char *action,
                        const QByteArray &additional) {
        QJsonObject properties{{QStringLiteral("Timestamp"), QString::fromLatin1(time)},
                               {QStringLiteral("DeviceId"), QStringLiteral("d1")},
                               {QStringLiteral("DeviceName"), QString::fromLatin1(device)},
                               {QStringLiteral("ReportId"), report},
                               {QStringLiteral("ActionType"), QString::fromLatin1(action)},
                               {QStringLiteral("AdditionalFields"), QString::fromUtf8(additional)}};
        QJsonObject line{
                {QStringLiteral("time"), QString::fromLatin1(time)},
                {QStringLiteral("tenantId"), QStringLiteral("t")},
                {QStringLiteral("operationName"), QStringLiteral("Publish")},
                {QStringLiteral("category"), QStringLiteral("AdvancedHunting-DeviceEvents")},
                {QStringLiteral("properties"), properties}};
        out.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
    };
    event("2024-03-01T10:00:00Z", "ws-1", 1, "AntivirusReport",
          R"({"Signer":"INVALID: <b>Contoso</b>","ThreatName":"EICAR"})");
    event("2024-03-01T10:01:00Z", "ws-2", 2, "AntivirusReport",
          R"({"Signer":"Fabrikam","ThreatName":"Other","Score":7})");
    event("2024-03-01T10:02:00Z", "ws-3", 3, "AntivirusReport", R"({"ThreatName":"None"})");
    event("2024-03-01T10:03:00Z", "ws-4", 4, "AntivirusReport", "not json");
    event("2024-03-01T10:04:00Z", "ws-5", 5, "TamperingAttempt",
          R"({"Status":"Blocked","TamperingAction":2,"Target":"HKLM\\x"})");
    out.close();
    QString error;
    m_db = importEvents(QStringLiteral(VIGILCTL_PATH), m_dir.path(), file, &error);
    QVERIFY2(!m_db.isEmpty(), qPrintable(error));
}

// The page's examples, with its outputs: the slots in code-point order of their names (Age
// before Name, Height between), typed by their values; the prefix; the conflict options (the
// conflicting column takes the slot's place); ignored properties (refused, as Microsoft's analyzer
// rejects them); a slot some bags lack.
void TestKqlBagUnpack::followsTheDocsExamples()
{
    KqlRunResult r = run(people + QStringLiteral("| evaluate bag_unpack(d)"));
    QVERIFY2(r.failure.isEmpty(), qPrintable(r.failure));
    QCOMPARE(r.columns, (QStringList{QStringLiteral("Age:long"), QStringLiteral("Name:string")}));
    QCOMPARE(r.rows, (Rows{{"20", "John"}, {"40", "Dave"}, {"30", "Jasmine"}}));

    r = run(people + QStringLiteral("| evaluate bag_unpack(d, 'Property_')"));
    QVERIFY2(r.failure.isEmpty(), qPrintable(r.failure));
    QCOMPARE(r.columns, (QStringList{QStringLiteral("Property_Age:long"),
                                     QStringLiteral("Property_Name:string")}));
    QCOMPARE(r.rows, (Rows{{"20", "John"}, {"40", "Dave"}, {"30", "Jasmine"}}));

    // The page's columnsConflict examples (as of October 2025; an earlier version put the input
    // column among the slots): the column keeps its place, with the slot's value or its own.
    r = run(QStringLiteral("datatable(Name:string, d:dynamic) ['James', dynamic({\"Name\": "
                           "\"John\", \"Age\":20}), 'David', dynamic({ \"Age\":40}), 'Emily', "
                           "dynamic({\"Name\": \"Jasmine\", \"Age\":30}),] | evaluate "
                           "bag_unpack(d, columnsConflict='replace_source')"));
    QVERIFY2(r.failure.isEmpty(), qPrintable(r.failure));
    QCOMPARE(r.columns, (QStringList{QStringLiteral("Name:string"), QStringLiteral("Age:long")}));
    QCOMPARE(r.rows, (Rows{{"John", "20"}, {"", "40"}, {"Jasmine", "30"}}));
    const QString named = QStringLiteral(
            "datatable(Name:string, d:dynamic) ['James', dynamic({\"Name\": \"John\", "
            "\"Age\":20}), 'David', dynamic({\"Name\": \"Dave\", \"Age\":40}), 'Emily', "
            "dynamic({\"Name\": \"Jasmine\", \"Age\":30}),] ");
    r = run(named + QStringLiteral("| evaluate bag_unpack(d, columnsConflict='keep_source')"));
    QVERIFY2(r.failure.isEmpty(), qPrintable(r.failure));
    QCOMPARE(r.columns, (QStringList{QStringLiteral("Name:string"), QStringLiteral("Age:long")}));
    QCOMPARE(r.rows, (Rows{{"James", "20"}, {"David", "40"}, {"Emily", "30"}}));
    // The default is an error, named with the slot.
    CHECK_REFUSED(named + QStringLiteral("| evaluate bag_unpack(d)"),
                  "the slot 'Name' of bag_unpack() is also a column of its input");

    // The page's ignoredProperties example: Microsoft's analyzer rejects it, so Vigil refuses it.
    CHECK_REFUSED(QStringLiteral("datatable(d:dynamic) [dynamic({\"Name\": \"John\", \"Age\":20, "
                                 "\"Address\": \"Address-1\" })] | evaluate bag_unpack(d, "
                                 "ignoredProperties=dynamic(['Address', 'Age']))"),
                  "ignoredProperties of bag_unpack() is not supported");

    r = run(QStringLiteral("datatable(d:dynamic) [dynamic({\"Name\": \"John\", \"Age\":20}), "
                           "dynamic({ \"Name\": \"Dave\", \"Height\": 170, \"Age\":40}), "
                           "dynamic({\"Name\": \"Jasmine\", \"Age\":30})] | evaluate "
                           "bag_unpack(d)"));
    QVERIFY2(r.failure.isEmpty(), qPrintable(r.failure));
    QCOMPARE(r.columns, (QStringList{QStringLiteral("Age:long"), QStringLiteral("Height:long"),
                                     QStringLiteral("Name:string")}));
    QCOMPARE(r.rows,
             (Rows{{"20", "null", "John"}, {"40", "170", "Dave"}, {"30", "null", "Jasmine"}}));

    // The wildcard: the input's columns, then the declared ones.
    r = run(QStringLiteral("datatable(d:dynamic, Description: string) [dynamic({\"Name\": "
                           "\"John\", \"Age\":20, \"height\":180}), 'Student', "
                           "dynamic({\"Name\": \"Dave\", \"Age\":40, \"height\":160}), "
                           "'Teacher', dynamic({\"Name\": \"Jasmine\", \"Age\":30, "
                           "\"height\":172}), 'Student'] | evaluate bag_unpack(d) : (*, "
                           "Name:string, Age:long)"));
    QVERIFY2(r.failure.isEmpty(), qPrintable(r.failure));
    QCOMPARE(r.columns, (QStringList{QStringLiteral("Description:string"),
                                     QStringLiteral("Name:string"), QStringLiteral("Age:long")}));
    QCOMPARE(r.rows, (Rows{{"Student", "John", "20"},
                           {"Teacher", "Dave", "40"},
                           {"Student", "Jasmine", "30"}}));

    // The columns are real columns: filtered, projected and summarized by name.
    CHECK_ROWS(people
                       + QStringLiteral("| evaluate bag_unpack(d) | where Age > 25 | summarize "
                                        "n = count(), oldest = max(Age) | project n, oldest"),
               (Rows{{"2", "40"}}));
}

// The page: a column has the slot's type when all its values have one type, else dynamic; the
// plugin ignores null values. A row whose value is not a bag adds no slot and gets nulls.
void TestKqlBagUnpack::typesSlotsByTheirValues()
{
    const KqlRunResult r = run(QStringLiteral(
            "datatable(k:long, d:dynamic) [1, dynamic({\"a\": 1, \"b\": null, \"c\": true, \"e\": "
            "1.5}), 2, dynamic({\"a\": \"x\", \"b\": null, \"c\": false, \"f\": [1]}), 3, "
            "dynamic([1, 2]), 4, dynamic(null), 5, dynamic('text'), 6, dynamic({\"e\": null})] | "
            "evaluate bag_unpack(d) | order by k asc"));
    QVERIFY2(r.failure.isEmpty(), qPrintable(r.failure));
    QCOMPARE(r.columns, (QStringList{QStringLiteral("k:long"), QStringLiteral("a:dynamic"),
                                     QStringLiteral("b:dynamic"), QStringLiteral("c:bool"),
                                     QStringLiteral("e:real"), QStringLiteral("f:dynamic")}));
    QCOMPARE(r.rows, (Rows{{"1", "1", "null", "true", "1.5", "null"},
                           {"2", "\"x\"", "null", "false", "null", "[1]"},
                           {"3", "null", "null", "null", "null", "null"},
                           {"4", "null", "null", "null", "null", "null"},
                           {"5", "null", "null", "null", "null", "null"},
                           {"6", "null", "null", "null", "null", "null"}}));
    // No bag at all: no slot, only the other columns.
    const KqlRunResult none = run(QStringLiteral(
            "datatable(k:long, d:dynamic) [1, dynamic([1])] | evaluate bag_unpack(d)"));
    QVERIFY2(none.failure.isEmpty(), qPrintable(none.failure));
    QCOMPARE(none.columns, (QStringList{QStringLiteral("k:long")}));
    QCOMPARE(none.rows, (Rows{{"1"}}));
}

// The queries of the corpus have this shape: AdditionalFields parsed, unpacked, a slot read by
// name. A slot no event has is an unknown name, as in Kusto.
void TestKqlBagUnpack::readsTheSlotsOfStoredEvents()
{
    KqlRunResult r = run(QStringLiteral(
            "DeviceEvents | where ActionType == 'AntivirusReport' | extend P = "
            "parse_json(AdditionalFields) | evaluate bag_unpack(P) | where Signer startswith "
            "'INVALID' | project DeviceName, Signer, ThreatName"));
    QVERIFY2(r.failure.isEmpty(), qPrintable(r.failure));
    QCOMPARE(r.rows, (Rows{{"ws-1", "INVALID: <b>Contoso</b>", "EICAR"}}));
    r = run(QStringLiteral("DeviceEvents | where ActionType == 'AntivirusReport' | extend P = "
                           "parse_json(AdditionalFields) | evaluate bag_unpack(P, 'af_') | "
                           "project DeviceName, af_Score, af_Signer | order by DeviceName asc"));
    QVERIFY2(r.failure.isEmpty(), qPrintable(r.failure));
    QCOMPARE(r.columns,
             (QStringList{QStringLiteral("DeviceName:string"), QStringLiteral("af_Score:long"),
                          QStringLiteral("af_Signer:string")}));
    QCOMPARE(r.rows, (Rows{{"ws-1", "null", "INVALID: <b>Contoso</b>"},
                           {"ws-2", "7", "Fabrikam"},
                           {"ws-3", "null", ""},
                           {"ws-4", "null", ""}}));
    // The slots come from the rows that reach the plugin: the tampering event's are not there.
    CHECK_REFUSED(QStringLiteral("DeviceEvents | where ActionType == 'AntivirusReport' | extend "
                                 "P = parse_json(AdditionalFields) | evaluate bag_unpack(P) | "
                                 "project Target"),
                  "unknown name 'Target': no column has that name, and no bag");
    // Inside a let, and twice in one query.
    CHECK_ROWS(QStringLiteral("let t = DeviceEvents | extend P = parse_json(AdditionalFields) | "
                              "project DeviceName, P | evaluate bag_unpack(P); t | where "
                              "isnotempty(Target) | extend Q = bag_pack('x', Status) | evaluate "
                              "bag_unpack(Q) | project DeviceName, TamperingAction, x"),
               (Rows{{"ws-5", "2", "Blocked"}}));
}

// With declared columns nothing is read first: exactly those columns, a declared input column
// from the input (keep_source), a slot whose value has another type is an error that names it.
void TestKqlBagUnpack::declaredColumnsRunWithoutAFirstRead()
{
    const QString tampering
            = QStringLiteral("DeviceEvents | where ActionType == @'TamperingAttempt' | extend AF = "
                             "parse_json(AdditionalFields) ");
    KqlRunResult r
            = run(tampering
                  + QStringLiteral("| evaluate bag_unpack(AF, columnsConflict='keep_source') "
                                   ": (DeviceName:string, TimeGenerated:datetime, "
                                   "ActionType:string, Status:string, "
                                   "TamperingAction:long, Target:string, Other:dynamic)"));
    QVERIFY2(r.failure.isEmpty(), qPrintable(r.failure));
    QCOMPARE(r.columns,
             (QStringList{QStringLiteral("DeviceName:string"),
                          QStringLiteral("TimeGenerated:datetime"),
                          QStringLiteral("ActionType:string"), QStringLiteral("Status:string"),
                          QStringLiteral("TamperingAction:long"), QStringLiteral("Target:string"),
                          QStringLiteral("Other:dynamic")}));
    QCOMPARE(r.rows, (Rows{{"ws-5", "2024-03-01T10:04:00.0000000Z", "TamperingAttempt", "Blocked",
                            "2", "HKLM\\x", "null"}}));
    r = run(tampering
            + QStringLiteral("| evaluate bag_unpack(AF) : (Status:long, TamperingAction:long)"));
    QVERIFY(r.failure.contains(QLatin1String("the slot 'Status' holds a string, not a long")));
    // columnsConflict='error' with a declared input column: an error where a bag has the slot.
    r = run(QStringLiteral("datatable(Name:string, d:dynamic) ['a', dynamic({\"Name\": \"b\"})] "
                           "| evaluate bag_unpack(d) : (Name:string)"));
    QVERIFY(r.failure.contains(QLatin1String("the slot 'Name' is also a column of the input")));
    CHECK_ROWS(QStringLiteral("datatable(Name:string, d:dynamic) ['a', dynamic({\"Age\": 1})] | "
                              "evaluate bag_unpack(d) : (Name:string, Age:long)"),
               (Rows{{"a", "1"}}));
    // How Kusto turns a slot into a datetime is not documented: refused by name.
    CHECK_REFUSED(tampering + QStringLiteral("| evaluate bag_unpack(AF) : (When:datetime)"),
                  "the slot 'When' of bag_unpack() is declared datetime");
}

// The first read reaches into a let function's body; a function called twice would need a read
// per call (one operator of the text, two sets of columns), so it is refused by name.
void TestKqlBagUnpack::insideAFunction()
{
    const QString f = QStringLiteral(
            "let f = (x:string) { DeviceEvents | where ActionType == x | extend P = "
            "parse_json(AdditionalFields) | project DeviceName, P | evaluate bag_unpack(P) }; ");
    const KqlRunResult r = run(f + QStringLiteral("f('TamperingAttempt')"));
    QVERIFY2(r.failure.isEmpty(), qPrintable(r.failure));
    QCOMPARE(
            r.columns,
            (QStringList{QStringLiteral("DeviceName:string"), QStringLiteral("Status:string"),
                         QStringLiteral("TamperingAction:long"), QStringLiteral("Target:string")}));
    QCOMPARE(r.rows, (Rows{{"ws-5", "Blocked", "2", "HKLM\\x"}}));
    CHECK_REFUSED(f + QStringLiteral("f('TamperingAttempt') | union f('AntivirusReport')"),
                  "evaluate bag_unpack() in a function called more than once is not supported");
    // evaluate pivot() likewise.
    CHECK_ROWS(QStringLiteral("let g = (n:long) { datatable(k:string, v:long) ['a', 1, 'b', 2] "
                              "| where v == n | evaluate pivot(k) }; g(1)"),
               (Rows{{"1", "1"}}));
    CHECK_REFUSED(QStringLiteral("let g = (n:long) { datatable(k:string, v:long) ['a', 1, 'b', "
                                 "2] | where v == n | evaluate pivot(k) }; g(1) | union g(2)"),
                  "evaluate pivot() in a function called more than once is not supported");
}

// Keys are column names: markup stays text, a name clash is Kusto's error; keys Kusto's naming
// rules do not allow are refused with the column's position.
void TestKqlBagUnpack::hostileKeys()
{
    KqlRunResult r = run(QStringLiteral(
            "print d = dynamic({\"<script>x</script>\": 1, \"a b\": \"' OR 1=1 --\", \"\\\"q\": 2})"
            " | evaluate bag_unpack(d)"));
    QVERIFY2(r.failure.isEmpty(), qPrintable(r.failure));
    QCOMPARE(r.columns,
             (QStringList{QStringLiteral("\"q:long"), QStringLiteral("<script>x</script>:long"),
                          QStringLiteral("a b:string")}));
    QCOMPARE(r.rows, (Rows{{"2", "1", "' OR 1=1 --"}}));
    CHECK_REFUSED(QStringLiteral("print d = dynamic({\"\": 1}) | evaluate bag_unpack(d)"),
                  "holds a bag with an empty key");
    CHECK_REFUSED(QStringLiteral("print d = parse_json('{\"a\\\\u0001b\": 1}') | evaluate "
                                 "bag_unpack(d)"),
                  "whose key has a control character");
    CHECK_REFUSED(QStringLiteral("print a = 1, d = dynamic({\"a\": 2}) | evaluate bag_unpack(d)"),
                  "the slot 'a' of bag_unpack() is also a column of its input");
    // The bag column's own name is free for a slot.
    CHECK_ROWS(QStringLiteral("print d = dynamic({\"d\": 5}) | evaluate bag_unpack(d)"),
               (Rows{{"5"}}));
    CHECK_REFUSED(QStringLiteral("print d = dynamic({\"a\": 1}) | evaluate bag_unpack(d, "
                                 "columnsConflict='merge')"),
                  "columnsConflict of bag_unpack() is 'error', 'replace_source' or "
                  "'keep_source', not 'merge'");
    CHECK_REFUSED(QStringLiteral("print d = dynamic({\"a\": 1}), s = 'p' | evaluate "
                                 "bag_unpack(d, s)"),
                  "OutputColumnPrefix of bag_unpack() is a constant string");
}

// 10,000 distinct keys would make 10,000 columns: refused with the count, before the query runs.
// A thousand still run.
void TestKqlBagUnpack::manyKeysAreBounded()
{
    CHECK_REFUSED(QStringLiteral("range i from 1 to 10000 step 1 | extend d = bag_pack(strcat('k', "
                                 "i), i) | project d | evaluate bag_unpack(d)"),
                  "evaluate bag_unpack() would make 10000 columns; at most 1000 can run");
    const KqlRunResult r = run(QStringLiteral(
            "range i from 1 to 1000 step 1 | extend d = bag_pack(strcat('k', i), i) | project d "
            "| evaluate bag_unpack(d) | where isnotnull(k1000) | project k1, k999, k1000"));
    QVERIFY2(r.failure.isEmpty(), qPrintable(r.failure));
    QCOMPARE(r.rows, (Rows{{"null", "null", "1000"}}));
}

// The hunting editor checks a query as it is typed, without data: a bag_unpack or pivot whose
// columns the run reads first is not flagged as a problem.
void TestKqlBagUnpack::theEditorDoesNotFlagWhatRuns()
{
    QVERIFY(HuntingController::check(people + QStringLiteral("| evaluate bag_unpack(d)"))
                    .isEmpty());
    QVERIFY(HuntingController::check(
                    QStringLiteral("datatable(k:string, v:long) ['a', 1] | evaluate pivot(k)"))
                    .isEmpty());
    // Declared columns are checked through to SQL.
    QVERIFY(HuntingController::check(people
                                     + QStringLiteral("| evaluate bag_unpack(d) : (Age:long)"))
                    .isEmpty());
    const QList<HuntProblem> problems = HuntingController::check(
            people + QStringLiteral("| evaluate bag_unpack(d) : (When:datetime)"));
    QCOMPARE(problems.size(), 1);
    QVERIFY(problems.first().message.contains(QLatin1String("is declared datetime")));
}

QTEST_GUILESS_MAIN(TestKqlBagUnpack)
#include "tst_kqlbagunpack.moc"
