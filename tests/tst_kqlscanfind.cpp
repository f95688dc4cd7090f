// The scan operator and the find source run by the local engine, over datatables and two
// imported events. Every expected row below is worked out by hand from the rules on Microsoft's
// scan operator and find operator pages (cited above each test), never copied from Vigil's output.
// Timespans are shown as cellText() gives them: ticks (1m is 600000000); nulls as "null".
#include "huntingrunner.h"
#include "support/kqlrun.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Vigil;
using namespace Vigil::Kql;

namespace {

using Rows = QList<QByteArrayList>;

/** Column names and types as the test writes them: "Name:type". */
QStringList columns(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *name : list)
        out.append(QString::fromUtf8(name));
    return out;
}

const char *const startStop = "let Events = datatable (Ts: timespan, Event: string) [0m, 'A', 1m, "
                              "'Start', 2m, 'B', 3m, 'D', 4m, 'Stop', 6m, 'C', 8m, 'Start', 11m, "
                              "'E', 12m, 'Stop']; Events | sort by Ts asc ";

} // namespace

class TestKqlScanFind : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cumulativeSums();
    void fillForward();
    void sessionsWithMatchIds();
    void eventsBetweenStartAndStop();
    void loginLogoutPairs();
    void funnelByState();
    void hostileScans();
    void scanRefusals();
    void findOverNamedTables();
    void findOverEveryTable();
    void findRefusals();

private:
    KqlRunResult run(const QString &query);

    QTemporaryDir m_dir;
    QString m_db;
};

KqlRunResult TestKqlScanFind::run(const QString &query)
{
    HuntingRunner runner(m_db);
    return runKql(runner, query);
}

void TestKqlScanFind::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString file = m_dir.filePath(QStringLiteral("events.jsonl"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(R"({"time":"2024-03-05T00:00:00Z","tenantId":"t","operationName":"Publish",)"
              R"("category":"AdvancedHunting-DeviceProcessEvents","properties":{"Timestamp":)"
              R"("2024-03-01T10:00:00Z","DeviceId":"d1","DeviceName":"ws-1","ReportId":1,)"
              R"("FileName":"ntds.dit","ActionType":"FileModified","ProcessCommandLine":)"
              R"("copy x"}})"
              "\n"
              R"({"time":"2024-03-05T00:00:00Z","tenantId":"t","operationName":"Publish",)"
              R"("category":"AdvancedHunting-DeviceNetworkEvents","properties":{"Timestamp":)"
              R"("2024-03-01T10:01:00Z","DeviceId":"d2","DeviceName":"ws-2","ReportId":2,)"
              R"("RemoteIP":"10.0.0.1","RemotePort":443,"ActionType":"ConnectionSuccess",)"
              R"("Protocol":"Tcp"}})"
              "\n");
    out.close();
    QString error;
    m_db = importEvents(QStringLiteral(VIGILCTL_PATH), m_dir.path(), file, &error);
    QVERIFY2(!m_db.isEmpty(), qPrintable(error));
}

// https://learn.microsoft.com/kusto/query/scan-operator, "Cumulative sum": one step that is always
// true adds x to the state's sum (its default 0 in the empty state): 1, 3, 6, 10, 15. "With a
// reset condition": a sum that reached 10 starts again at the record's value.
void TestKqlScanFind::cumulativeSums()
{
    const KqlRunResult got = run(QStringLiteral("range x from 1 to 5 step 1 | scan declare "
                                                "(cumulative_x:long=0) with (step s1: true => "
                                                "cumulative_x = x + s1.cumulative_x;)"));
    QVERIFY2(got.failure.isEmpty(), qPrintable(got.failure));
    QCOMPARE(got.columns, (columns({"x:long", "cumulative_x:long"})));
    QCOMPARE(got.rows, (Rows{{"1", "1"}, {"2", "3"}, {"3", "6"}, {"4", "10"}, {"5", "15"}}));
    CHECK_ROWS(QStringLiteral("range x from 1 to 5 step 1 | extend y = 2 * x | scan declare "
                              "(cumulative_x:long=0, cumulative_y:long=0) with (step s1: true => "
                              "cumulative_x = iff(s1.cumulative_x >= 10, x, x + s1.cumulative_x), "
                              "cumulative_y = iff(s1.cumulative_y >= 10, y, y + "
                              "s1.cumulative_y);)"),
               (Rows{{"1", "2", "1", "2"},
                     {"2", "4", "3", "6"},
                     {"3", "6", "6", "12"},
                     {"4", "8", "10", "8"},
                     {"5", "10", "5", "18"}}));
}

// "Fill forward a column": an empty Event takes the state's last filled value.
void TestKqlScanFind::fillForward()
{
    CHECK_ROWS(
            QStringLiteral("let Events = datatable (Ts: timespan, Event: string) [0m, 'A', 1m, "
                           "'', 2m, 'B', 3m, '', 4m, '', 6m, 'C', 8m, '', 11m, 'D', 12m, '']; "
                           "Events | sort by Ts asc | scan declare (Event_filled: string='') with "
                           "(step s1: true => Event_filled = iff(isempty(Event), "
                           "s1.Event_filled, Event);)"),
            (Rows{{"0", "A", "A"},
                  {"600000000", "", "A"},
                  {"1200000000", "B", "B"},
                  {"1800000000", "", "B"},
                  {"2400000000", "", "B"},
                  {"3600000000", "C", "C"},
                  {"4800000000", "", "C"},
                  {"6600000000", "D", "D"},
                  {"7200000000", "", "D"}}));
}

// "Sessions tagging": endSession (output=none) takes the sequence over from inSession once a
// record is more than 30m after the session's start, so inSession starts a new one (match id + 1)
// on the same record: sessions 0 (0m–3m), 1 (32m–41m) and 2 (75m).
void TestKqlScanFind::sessionsWithMatchIds()
{
    const KqlRunResult got = run(QStringLiteral(
            "let Events = datatable (Ts: timespan, Event: string) [0m, 'A', 1m, 'A', 2m, 'B', 3m, "
            "'D', 32m, 'B', 36m, 'C', 38m, 'D', 41m, 'E', 75m, 'A']; Events | sort by Ts asc | "
            "scan "
            "with_match_id=session_id declare (sessionStart: timespan) with (step inSession: true "
            "=> sessionStart = iff(isnull(inSession.sessionStart), Ts, inSession.sessionStart); "
            "step endSession output=none: Ts - inSession.sessionStart > 30m;)"));
    QVERIFY2(got.failure.isEmpty(), qPrintable(got.failure));
    QCOMPARE(got.columns, (columns({"Ts:timespan", "Event:string", "sessionStart:timespan",
                                    "session_id:long"})));
    QCOMPARE(got.rows, (Rows{{"0", "A", "0", "0"},
                             {"600000000", "A", "0", "0"},
                             {"1200000000", "B", "0", "0"},
                             {"1800000000", "D", "0", "0"},
                             {"19200000000", "B", "19200000000", "1"},
                             {"21600000000", "C", "19200000000", "1"},
                             {"22800000000", "D", "19200000000", "1"},
                             {"24600000000", "E", "19200000000", "1"},
                             {"45000000000", "A", "45000000000", "2"}}));
}

// "Events between Start and Stop" and its walkthrough: A is discarded, Start opens match 0, B is
// promoted to s2, D repeats s2 (check 2), Stop promotes to s3; C matches nothing; the second
// Start opens match 1, E and Stop follow. A Stop more than 5m after its Start ends nothing.
void TestKqlScanFind::eventsBetweenStartAndStop()
{
    const QString steps = QStringLiteral(
            "| scan with_match_id=m_id with (step s1: Event == 'Start'; step s2: Event != 'Start' "
            "and Event != 'Stop' and Ts - s1.Ts <= 5m; step s3: Event == 'Stop' and Ts - s1.Ts <= "
            "5m;)");
    CHECK_ROWS(QLatin1String(startStop) + steps, (Rows{{"600000000", "Start", "0"},
                                                       {"1200000000", "B", "0"},
                                                       {"1800000000", "D", "0"},
                                                       {"2400000000", "Stop", "0"},
                                                       {"4800000000", "Start", "1"},
                                                       {"6600000000", "E", "1"},
                                                       {"7200000000", "Stop", "1"}}));
    // The funnel: only the last step outputs; a Stop 9m after its Start is not in the funnel.
    CHECK_ROWS(QStringLiteral("datatable (Ts: timespan, Event: string) [1m, 'Start', 2m, 'B', 4m, "
                              "'Stop', 8m, 'Start', 9m, 'B', 17m, 'Stop'] | sort by Ts asc | scan "
                              "with_match_id=m with (step s1 output=none: Event == 'Start'; step "
                              "s2 output=none: Event == 'B'; step s3: Event == 'Stop' and Ts - "
                              "s1.Ts <= 5m;)"),
               (Rows{{"2400000000", "Stop", "0"}}));
}

// "Calculating Session Length per User": per user (partition), s1 keeps the login
// (output=none), s2 outputs the logout with the login's time and the duration. The page lists
// the users in the order its partitions came; sorted here.
void TestKqlScanFind::loginLogoutPairs()
{
    CHECK_ROWS(QStringLiteral(
                       "let LogsEvents = datatable(Timestamp:datetime, userID:int, "
                       "EventType:string) [datetime(2024-05-28 08:15:23), 1, 'login', "
                       "datetime(2024-05-28 08:30:15), 2, 'login', datetime(2024-05-28 09:10:27), "
                       "3, 'login', datetime(2024-05-28 12:30:45), 1, 'logout', "
                       "datetime(2024-05-28 11:45:32), 2, 'logout', datetime(2024-05-28 "
                       "13:25:19), 3, 'logout']; LogsEvents | sort by userID, Timestamp | "
                       "partition hint.strategy=native by userID (sort by Timestamp asc | scan "
                       "declare (start: datetime, end: datetime, sessionDuration: timespan) with "
                       "(step s1 output=none: EventType == 'login' => start = Timestamp; step s2 "
                       "output=all: EventType == 'logout' => start = s1.start, end = Timestamp, "
                       "sessionDuration = Timestamp - s1.start;)) | project start, end, userID, "
                       "sessionDuration | order by userID asc"),
               (Rows{{"2024-05-28T08:15:23.0000000Z", "2024-05-28T12:30:45.0000000Z", "1",
                      "153220000000"},
                     {"2024-05-28T08:30:15.0000000Z", "2024-05-28T11:45:32.0000000Z", "2",
                      "117170000000"},
                     {"2024-05-28T09:10:27.0000000Z", "2024-05-28T13:25:19.0000000Z", "3",
                      "152920000000"}}));
    // A second logout repeats s2 (check 2) in s2's state, where s1.start is the login's still.
    CHECK_ROWS(QStringLiteral(
                       "datatable(Timestamp:datetime, EventType:string) [datetime(2024-05-28 "
                       "08:15:23), 'login', datetime(2024-05-28 12:30:45), 'logout', "
                       "datetime(2024-05-28 13:00:00), 'logout'] | sort by Timestamp asc | scan "
                       "declare (start: datetime, sessionDuration: timespan) with (step s1 "
                       "output=none: EventType == 'login' => start = Timestamp; step s2: EventType "
                       "== 'logout' => start = s1.start, sessionDuration = Timestamp - s1.start;) "
                       "| project start, sessionDuration"),
               (Rows{{"2024-05-28T08:15:23.0000000Z", "153220000000"},
                     {"2024-05-28T08:15:23.0000000Z", "170770000000"}}));
}

// "Calculate a custom funnel of events", by State: A completes Hail -> Tornado (within 1h) ->
// Thunderstorm Wind (within 2h of the tornado); B's tornado comes 2h after its hail; C's wind
// 2.5h after its tornado. Hail 3 states, Tornado 2, Thunderstorm Wind 1.
void TestKqlScanFind::funnelByState()
{
    CHECK_ROWS(QStringLiteral(
                       "datatable (State:string, StartTime:datetime, EventType:string) ['A', "
                       "datetime(2024-01-01 00:00), 'Hail', 'A', datetime(2024-01-01 00:30), "
                       "'Tornado', 'A', datetime(2024-01-01 02:00), 'Thunderstorm Wind', 'B', "
                       "datetime(2024-01-01 00:00), 'Hail', 'B', datetime(2024-01-01 02:00), "
                       "'Tornado', 'C', datetime(2024-01-01 00:00), 'Hail', 'C', "
                       "datetime(2024-01-01 00:30), 'Tornado', 'C', datetime(2024-01-01 03:00), "
                       "'Thunderstorm Wind'] | partition hint.strategy=native by State (sort by "
                       "StartTime asc | scan with (step hail: EventType == 'Hail'; step tornado: "
                       "EventType == 'Tornado' and StartTime - hail.StartTime <= 1h; step "
                       "thunderstormWind: EventType == 'Thunderstorm Wind' and StartTime - "
                       "tornado.StartTime <= 2h;)) | summarize dcount(State) by EventType | order "
                       "by EventType asc"),
               (Rows{{"Hail", "3"}, {"Thunderstorm Wind", "1"}, {"Tornado", "2"}}));
    // Match ids start at 0 again in each partition.
    CHECK_ROWS(QStringLiteral("datatable(g:string, x:long) ['a', 1, 'b', 10, 'a', 2, 'b', 20, 'a', "
                              "3] | partition by g (sort by x asc | scan with_match_id=m declare "
                              "(c:long=0) with (step s1: x != 2 => c = s1.c + x; step s2: x == "
                              "2;)) | order by g asc, x asc"),
               (Rows{{"a", "1", "1", "0"},
                     {"a", "2", "0", "0"},
                     {"a", "3", "3", "1"},
                     {"b", "10", "10", "0"},
                     {"b", "20", "30", "0"}}));
}

void TestKqlScanFind::hostileScans()
{
    // A stored table, read through Sentinel's name of its time column, in a step's state too.
    CHECK_ROWS(QStringLiteral("DeviceProcessEvents | sort by TimeGenerated asc | scan "
                              "with_match_id=m with (step s1: FileName == 'ntds.dit'; step s2: "
                              "TimeGenerated > s1.TimeGenerated;) | project FileName, m"),
               (Rows{{"ntds.dit", "0"}}));
    // No rows: nothing to scan.
    const KqlRunResult empty = run(QStringLiteral(
            "datatable (x:long) [] | serialize | scan with_match_id=m with (step s1: true;)"));
    QVERIFY2(empty.failure.isEmpty(), qPrintable(empty.failure));
    QCOMPARE(empty.columns, (columns({"x:long", "m:long"})));
    QCOMPARE(empty.rows, Rows());
    // No step matches: no rows.
    CHECK_ROWS(QLatin1String(startStop)
                       + QStringLiteral("| scan with (step s1: Event == 'Nothing'; step s2: "
                                        "true;)"),
               Rows());
    // Nulls: a null never meets a condition; the empty state's values are the defaults.
    CHECK_ROWS(QStringLiteral("datatable (x:long) [1, long(null), 3] | serialize | scan declare "
                              "(s:long = 100) with (step s1: x > 0 => s = s1.s + x;)"),
               (Rows{{"1", "101"}, {"3", "104"}}));
    // A step reading a later step's state: that part of its state is empty (the default).
    CHECK_ROWS(QStringLiteral("range x from 1 to 3 step 1 | scan declare (v:long = 7, w:long) with "
                              "(step s1: true => w = s2.v; step s2: x == 3 => v = x;)"),
               (Rows{{"1", "7", "7"}, {"2", "7", "7"}, {"3", "3", "null"}, {"3", "7", "7"}}));
}

void TestKqlScanFind::scanRefusals()
{
    // 60 steps, each reading the one before: 60 * 61 / 2 state values, refused before SQLite's
    // column limit.
    QString steps;
    for (int i = 1; i <= 60; ++i)
        steps += i == 1 ? QStringLiteral("step s1: true;")
                        : QStringLiteral(" step s%1: x > s%2.x;").arg(i).arg(i - 1);
    CHECK_REFUSED(QStringLiteral("range x from 1 to 3 step 1 | scan with (%1)").arg(steps),
                  "values per record in its state");
    CHECK_REFUSED(QStringLiteral("datatable (x:long) [1, 2] | scan with (step s1: true;)"),
                  "the input of scan must be serialized");
    CHECK_REFUSED(QStringLiteral("range x from 1 to 3 step 1 | scan with (step s1 output=last: "
                                 "true;)"),
                  "output=last is not supported");
    CHECK_REFUSED(QStringLiteral("range x from 1 to 3 step 1 | scan with (step s1: true; step s1: "
                                 "true;)"),
                  "used twice");
    CHECK_REFUSED(QStringLiteral("range x from 1 to 3 step 1 | scan declare (y:long) with (step "
                                 "s1: y > 1;)"),
                  "write StepName.y");
    CHECK_REFUSED(QStringLiteral("range x from 1 to 3 step 1 | scan with (step s1: true => x = "
                                 "1;)"),
                  "assigns declared columns only");
    CHECK_REFUSED(QStringLiteral("range x from 1 to 3 step 1 | scan declare (y:long) with (step "
                                 "s1: true => y = 'a';)"),
                  "'y' is long, but this value is string");
    CHECK_REFUSED(QStringLiteral("range x from 1 to 3 step 1 | scan with (step s1: s2.x > 1;)"),
                  "'s2'");
    CHECK_REFUSED(QStringLiteral("range x from 1 to 3 step 1 | scan declare (x:long) with (step "
                                 "s1: true;)"),
                  "a column of scan's input already");
    CHECK_REFUSED(QStringLiteral("range x from 1 to 3 step 1 | scan with_match_id=x with (step "
                                 "s1: true;)"),
                  "with_match_id names 'x'");
    CHECK_REFUSED(QStringLiteral("range x from 1 to 3 step 1 | scan with (step s1: x;)"),
                  "must be bool");
}

// https://learn.microsoft.com/kusto/query/find-operator, "Output schema": tables without a
// column of the predicate are left out; the source column names the table; project-smart gives
// the columns common to the tables left, the predicate's others, and pack_ with the rest.
void TestKqlScanFind::findOverNamedTables()
{
    const KqlRunResult got = run(QStringLiteral(
            "find in (DeviceProcessEvents, DeviceNetworkEvents) where RemotePort == 443 or "
            "FileName == 'ntds.dit' | project source_, DeviceName, RemotePort, FileName, "
            "tostring(pack_.ProcessCommandLine), tostring(pack_.RemoteIP)"));
    QVERIFY2(got.failure.isEmpty(), qPrintable(got.failure));
    QCOMPARE(got.rows, (Rows{{"DeviceProcessEvents", "ws-1", "null", "ntds.dit", "copy x", ""},
                             {"DeviceNetworkEvents", "ws-2", "443", "", "", "10.0.0.1"}}));
    // project: the columns named, null where the table lacks one; withsource renames source_.
    const KqlRunResult projected = run(QStringLiteral(
            "find withsource=Table in (DeviceProcessEvents, DeviceNetworkEvents) where "
            "DeviceName startswith 'ws' project DeviceName, RemotePort"));
    QVERIFY2(projected.failure.isEmpty(), qPrintable(projected.failure));
    QCOMPARE(projected.columns, (columns({"Table:string", "DeviceName:string", "RemotePort:int"})));
    QCOMPARE(projected.rows, (Rows{{"DeviceProcessEvents", "ws-1", "null"},
                                   {"DeviceNetworkEvents", "ws-2", "443"}}));
    // One table: every column is its own, so there is no pack_.
    const KqlRunResult one = run(QStringLiteral("find in (DeviceNetworkEvents) where RemoteIP == "
                                                "'10.0.0.1'"));
    QVERIFY2(one.failure.isEmpty(), qPrintable(one.failure));
    QVERIFY(!one.columns.contains(QStringLiteral("pack_:dynamic")));
    QCOMPARE(one.rows.size(), 1);
}

void TestKqlScanFind::findOverEveryTable()
{
    // Every local table: the bare term is `* has`; only the network event holds "ws-2".
    const KqlRunResult term
            = run(QStringLiteral("find 'ws-2' | project source_, tostring(pack_.DeviceId)"));
    QVERIFY2(term.failure.isEmpty(), qPrintable(term.failure));
    QCOMPARE(term.rows, (Rows{{"DeviceNetworkEvents", "d2"}}));
    // Tables with FileName: their common columns are Timestamp, FileName, SHA256, FileSize.
    const KqlRunResult files = run(QStringLiteral("find where FileName == 'ntds.dit'"));
    QVERIFY2(files.failure.isEmpty(), qPrintable(files.failure));
    QCOMPARE(files.columns, (columns({"source_:string", "Timestamp:datetime", "FileName:string",
                                      "SHA256:string", "FileSize:long", "pack_:dynamic"})));
    QCOMPARE(files.rows.size(), 1);
    QCOMPARE(files.rows.first().first(), QByteArray("DeviceProcessEvents"));
    // A predicate that names no column leaves no table: only the source column, no rows.
    const KqlRunResult none = run(QStringLiteral("find in (DeviceProcessEvents) where 1 == 1"));
    QVERIFY2(none.failure.isEmpty(), qPrintable(none.failure));
    QCOMPARE(none.columns, (columns({"source_:string"})));
    QCOMPARE(none.rows, Rows());
}

void TestKqlScanFind::findRefusals()
{
    CHECK_REFUSED(QStringLiteral("find in (Device*) where FileName == 'x'"), "list the tables");
    CHECK_REFUSED(QStringLiteral("find where FileName == 'x' project FileName, pack_all()"),
                  "pack_all() is not supported");
    CHECK_REFUSED(QStringLiteral("find where FileName == 'x' project FileName:string"),
                  "Column:type is not supported");
    CHECK_REFUSED(QStringLiteral("find withsource=FileName in (DeviceProcessEvents) where "
                                 "FileName == 'x'"),
                  "two columns named 'FileName'");
    CHECK_REFUSED(QStringLiteral("find where FileName == 'x' project Nope"), "unknown column");
}

QTEST_GUILESS_MAIN(TestKqlScanFind)
#include "tst_kqlscanfind.moc"
