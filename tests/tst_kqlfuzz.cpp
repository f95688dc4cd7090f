// The KQL front end (lexer, parser, binder) on random and mutated queries: it must answer every
// one with columns or an error, quickly, without crashing and without growing without bound.
// VIGIL_KQL_FUZZ_SECONDS sets how long it runs (default 3); VIGIL_KQL_FUZZ_SEED replays a run.
#include "binder.h"
#include "huntingschema.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>
#include <QThread>

using namespace Vigil;

namespace {

qint64 residentKiB()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toLongLong() * 4 : 0;
}

const QStringList &fragments()
{
    static const QStringList list = {
            QStringLiteral(" | "),
            QStringLiteral("("),
            QStringLiteral(")"),
            QStringLiteral("["),
            QStringLiteral("]"),
            QStringLiteral("{"),
            QStringLiteral("}"),
            QStringLiteral(","),
            QStringLiteral(";"),
            QStringLiteral("'"),
            QStringLiteral("\""),
            QStringLiteral("@'"),
            QStringLiteral("```"),
            QStringLiteral(" let x = "),
            QStringLiteral(" where "),
            QStringLiteral(" summarize "),
            QStringLiteral(" by "),
            QStringLiteral(" join "),
            QStringLiteral(" on "),
            QStringLiteral("$left."),
            QStringLiteral("$right."),
            QStringLiteral(" == "),
            QStringLiteral(" has_any "),
            QStringLiteral(" in~ "),
            QStringLiteral(" between "),
            QStringLiteral(" .. "),
            QStringLiteral("datetime("),
            QStringLiteral("dynamic("),
            QStringLiteral("1d"),
            QStringLiteral("0x"),
            QStringLiteral("1e"),
            QStringLiteral("arg_max(Timestamp, *)"),
            QStringLiteral("count()"),
            QStringLiteral("['a b']"),
            QStringLiteral("mv-expand "),
            QStringLiteral("mv-apply x on ("),
            QStringLiteral(" project-away *1"),
            QStringLiteral("\\"),
            QStringLiteral("\n"),
            QStringLiteral("//"),
            QStringLiteral("\u0000"),
            QStringLiteral("\u202e"),
            QStringLiteral("\U0001F600"),
            QStringLiteral("\x1b[31m"),
            QStringLiteral("<script>"),
            QStringLiteral("toscalar("),
            QStringLiteral("materialize("),
            QStringLiteral("(x:long) { x }"),
            QStringLiteral("invoke f()"),
            QStringLiteral("TimeGenerated"),
    };
    return list;
}

QString mutate(QString query, QRandomGenerator &random)
{
    const int steps = 1 + random.bounded(4);
    for (int s = 0; s < steps; ++s) {
        const int size = int(query.size());
        const int at = size ? random.bounded(size + 1) : 0;
        switch (random.bounded(7)) {
        case 0: // delete a span
            query.remove(at, random.bounded(1 + std::min(20, size - at)));
            break;
        case 1: // insert a fragment
            query.insert(at, fragments()[random.bounded(int(fragments().size()))]);
            break;
        case 2: // duplicate a span
            query.insert(at, query.mid(random.bounded(size + 1), random.bounded(40)));
            break;
        case 3: // a random character, control characters included
            query.insert(at, QChar(char16_t(random.bounded(0x3000))));
            break;
        case 4: // truncate
            query.truncate(at);
            break;
        case 5: // replace a character by a quote or bracket
            if (at < size)
                query[at] = QStringLiteral("'\"()[]|")[random.bounded(7)];
            break;
        default: // splice two halves
            query = query.mid(at) + query.left(at);
            break;
        }
    }
    return query;
}

} // namespace

class TestKqlFuzz : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void deepNestingIsRefusedNotOverflowed_data();
    void deepNestingIsRefusedNotOverflowed();
    void deepestAcceptedQueriesFitASmallStack();
    void wideQueriesStayFast_data();
    void wideQueriesStayFast();
    void mutatedAndRandomQueries();
};

void TestKqlFuzz::deepNestingIsRefusedNotOverflowed_data()
{
    QTest::addColumn<QString>("query");
    const int n = 100000;
    QTest::newRow("parentheses") << QStringLiteral("print x = ") + QString(n, u'(')
                                            + QStringLiteral("1") + QString(n, u')');
    // Kusto takes no sign right after a sign: the signs are nested with parentheses.
    QTest::newRow("unary minus") << QStringLiteral("print x = ") + QStringLiteral("-(").repeated(n)
                                            + QStringLiteral("1") + QString(n, u')');
    QTest::newRow("long chain") << QStringLiteral("print x = 1")
                                           + QStringLiteral(" + 1").repeated(n);
    QTest::newRow("and chain") << QStringLiteral("print x = true")
                                          + QStringLiteral(" and true").repeated(n);
    QTest::newRow("dynamic arrays") << QStringLiteral("print x = dynamic(") + QString(n, u'[')
                                               + QString(n, u']') + QStringLiteral(")");
    QTest::newRow("pipes") << QStringLiteral("DeviceProcessEvents")
                                      + QStringLiteral(" | where true").repeated(n);
    QTest::newRow("unclosed") << QStringLiteral("DeviceProcessEvents | where ") + QString(n, u'(');
    QTest::newRow("let chain") << QStringLiteral("let a0 = (x:long) { x };") + [] {
        QString lets;
        for (int i = 1; i < 40; ++i)
            lets += QStringLiteral("let a%1 = (x:long) { a%2(x) + a%2(x) };").arg(i).arg(i - 1);
        return lets;
    }() + QStringLiteral("print a39(1)");
}

void TestKqlFuzz::deepNestingIsRefusedNotOverflowed()
{
    QFETCH(QString, query);
    QElapsedTimer timer;
    timer.start();
    const Kql::QueryAnalysis analysis = Kql::analyzeQuery(query, HuntingSchema::defender());
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QStringLiteral("took %1 ms").arg(timer.elapsed())));
    if (QByteArray(QTest::currentDataTag()) == "pipes") {
        // 100,000 where operators are long but not deep: accepted.
        QVERIFY2(analysis.ok(), analysis.ok() ? "" : qPrintable(analysis.errors.first().message));
        return;
    }
    QVERIFY(!analysis.ok());
    const Kql::KqlError &error = analysis.errors.first();
    QVERIFY2(error.message.contains(QLatin1String("deep"))
                     || error.message.contains(QLatin1String("nested"))
                     || error.message.contains(QLatin1String("complex"))
                     || error.message.contains(QLatin1String("expected")),
             qPrintable(error.message));
    QVERIFY(error.pos.line >= 1 && error.pos.column >= 1);
}

void TestKqlFuzz::deepestAcceptedQueriesFitASmallStack()
{
    // The deepest trees the parser lets through (each parenthesis takes two of the 200 levels
    // of recursion), bound on a thread with a 1 MiB stack: a worker thread may have less than
    // the main thread's 8 MiB.
    const QStringList queries = {
            QStringLiteral("print x = 1") + QStringLiteral(" + 1").repeated(990),
            QStringLiteral("print x = ") + QString(95, u'(') + QStringLiteral("1")
                    + QString(95, u')'),
            QStringLiteral("print x = true") + QStringLiteral(" and 1 + 1 > 2").repeated(240),
            QStringLiteral("print x = ") + QStringLiteral("strcat(").repeated(95)
                    + QStringLiteral("'a'") + QString(95, u')'),
            QStringLiteral("print d = dynamic({}) | project d")
                    + QStringLiteral(".a").repeated(990),
    };
    QList<bool> accepted;
    QThread *thread = QThread::create([&] {
        for (const QString &query : queries)
            accepted.append(Kql::analyzeQuery(query, HuntingSchema::defender()).ok());
    });
    thread->setStackSize(1024 * 1024);
    thread->start();
    QVERIFY(thread->wait(60000));
    delete thread;
    QCOMPARE(accepted, QList<bool>(queries.size(), true));
}

void TestKqlFuzz::wideQueriesStayFast_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("columns"); // -1: refused
    QStringList ones(20000, QStringLiteral("1"));
    QTest::newRow("20,000 print columns")
            << QStringLiteral("print ") + ones.join(QLatin1String(", ")) << 20000;
    QStringList counts(5000, QStringLiteral("count()"));
    QTest::newRow("5,000 count() named count_N")
            << QStringLiteral("DeviceInfo | summarize ") + counts.join(QLatin1String(", ")) << 5000;
    QStringList hosts;
    for (int i = 0; i < 200000; ++i)
        hosts.append(QStringLiteral("'h%1'").arg(i));
    QTest::newRow("200,000 values after in")
            << QStringLiteral("DeviceInfo | where DeviceName in (")
                       + hosts.join(QLatin1String(", ")) + QLatin1Char(')')
            << int(HuntingSchema::defender().table(u"DeviceInfo")->columns.size());
    QTest::newRow("5 MB of text") << QStringLiteral("print x = '")
                                             + QString(qsizetype(5) * 1024 * 1024, u'a')
                                             + QStringLiteral("'")
                                  << -1;
}

void TestKqlFuzz::wideQueriesStayFast()
{
    QFETCH(QString, query);
    QFETCH(int, columns);
    QElapsedTimer timer;
    timer.start();
    const Kql::QueryAnalysis analysis = Kql::analyzeQuery(query, HuntingSchema::defender());
    QVERIFY2(timer.elapsed() < 3000, qPrintable(QStringLiteral("took %1 ms").arg(timer.elapsed())));
    if (columns < 0) {
        QVERIFY(!analysis.ok());
        QVERIFY2(analysis.errors.first().message.contains(QLatin1String("limit")),
                 qPrintable(analysis.errors.first().message));
        return;
    }
    QVERIFY2(analysis.ok(), analysis.ok() ? "" : qPrintable(analysis.errors.first().message));
    QCOMPARE(analysis.columns.size(), columns);
    if (columns == 5000)
        QCOMPARE(analysis.columns.last().name, QStringLiteral("count_4999"));
}

void TestKqlFuzz::mutatedAndRandomQueries()
{
    QFile file(QStringLiteral(VIGIL_TEST_DATA "/kql/conformance.jsonl"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QStringList seeds;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (!line.trimmed().isEmpty())
            seeds.append(QJsonDocument::fromJson(line)
                                 .object()
                                 .value(QStringLiteral("query"))
                                 .toString());
    }
    QVERIFY(seeds.size() > 100);
    const int seconds = qEnvironmentVariableIsSet("VIGIL_KQL_FUZZ_SECONDS")
                                ? qEnvironmentVariableIntValue("VIGIL_KQL_FUZZ_SECONDS")
                                : 3;
    const quint32 seed = qEnvironmentVariableIsSet("VIGIL_KQL_FUZZ_SEED")
                                 ? quint32(qEnvironmentVariableIntValue("VIGIL_KQL_FUZZ_SEED"))
                                 : QRandomGenerator::global()->generate();
    qInfo("fuzzing for %d s with VIGIL_KQL_FUZZ_SEED=%u", seconds, seed);
    QRandomGenerator random(seed);
    // Warm up (the function table and schema are built once), then watch memory.
    for (const QString &query : std::as_const(seeds))
        Kql::analyzeQuery(query, HuntingSchema::defender());
    const qint64 baseline = residentKiB();
    QElapsedTimer total;
    total.start();
    qint64 runs = 0;
    qint64 accepted = 0;
    qint64 slowest = 0;
    while (total.elapsed() < seconds * 1000LL) {
        QString query;
        if (random.bounded(10) == 0) { // pure noise from fragments
            for (int k = random.bounded(30); k > 0; --k)
                query += fragments()[random.bounded(int(fragments().size()))];
        } else {
            query = mutate(seeds[random.bounded(int(seeds.size()))], random);
        }
        QElapsedTimer one;
        one.start();
        const Kql::QueryAnalysis analysis = Kql::analyzeQuery(query, HuntingSchema::defender());
        slowest = std::max(slowest, one.elapsed());
        QVERIFY2(one.elapsed() < 2000,
                 qPrintable(
                         QStringLiteral("%1 ms for: %2").arg(one.elapsed()).arg(query.left(300))));
        if (analysis.ok()) {
            ++accepted;
            QVERIFY(analysis.result);
        } else {
            const Kql::KqlError &error = analysis.errors.first();
            QVERIFY2(!error.message.isEmpty(), qPrintable(query.left(300)));
            QVERIFY2(error.pos.line >= 1 && error.pos.column >= 1 && error.pos.offset >= 0
                             && error.pos.offset <= query.size(),
                     qPrintable(QStringLiteral("bad position %1:%2 for: %3")
                                        .arg(error.pos.line)
                                        .arg(error.pos.column)
                                        .arg(query.left(300))));
        }
        ++runs;
    }
    const qint64 grown = residentKiB() - baseline;
    qInfo("%lld queries (%lld accepted), slowest %lld ms, resident memory grew %lld KiB", runs,
          accepted, slowest, grown);
    QVERIFY(runs > 100);
    QVERIFY2(grown < 256LL * 1024, qPrintable(QStringLiteral("memory grew by %1 KiB").arg(grown)));
}

QTEST_GUILESS_MAIN(TestKqlFuzz)
#include "tst_kqlfuzz.moc"
