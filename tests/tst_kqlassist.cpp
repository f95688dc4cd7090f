// What the hunting editor offers: completion at a cursor, the block Shift+Enter runs, and KQL
// string literals built from hostile values.
#include "binder.h"
#include "huntingformat.h"
#include "huntingrunner.h"
#include "huntingschema.h"
#include "kqlassist.h"
#include "kqllexer.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Vigil;
using namespace Vigil::Kql;

namespace {

/** The candidates' texts at the position of `^` in text (the caret is removed). */
QStringList completeAt(QString text, KqlCompletions *out = nullptr)
{
    const int cursor = int(text.indexOf(u'^'));
    text.remove(cursor, 1);
    const KqlCompletions found = kqlCompletions(text, cursor, HuntingSchema::defender());
    if (out)
        *out = found;
    QStringList texts;
    for (const KqlCompletion &item : found.items)
        texts.append(item.text);
    return texts;
}

const KqlCompletion *find(const KqlCompletions &found, const QString &text)
{
    for (const KqlCompletion &item : found.items) {
        if (item.text == text)
            return &item;
    }
    return nullptr;
}

} // namespace

class TestKqlAssist : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tablesWhereAQueryStarts()
    {
        KqlCompletions found;
        const QStringList texts = completeAt(QStringLiteral("DevicePro^"), &found);
        QCOMPARE(texts, QStringList{QStringLiteral("DeviceProcessEvents")});
        QCOMPARE(found.start, 0);
        QCOMPARE(found.length, 9);
        QCOMPARE(found.items.first().kind, KqlCompletion::Kind::Table);
        // Case-insensitive, as the analyst types.
        QVERIFY(completeAt(QStringLiteral("devicenet^")).contains(u"DeviceNetworkEvents"));
        // After `let x =` and inside a join's parentheses too.
        QVERIFY(completeAt(QStringLiteral("let x = DeviceF^"))
                        .contains(QStringLiteral("DeviceFileEvents")));
        QVERIFY(completeAt(QStringLiteral("DeviceProcessEvents | join kind=inner (DeviceN^"))
                        .contains(QStringLiteral("DeviceNetworkEvents")));
    }

    void operatorsAfterAPipe()
    {
        KqlCompletions found;
        const QStringList texts = completeAt(QStringLiteral("DeviceProcessEvents\n| su^"), &found);
        QCOMPARE(texts, QStringList{QStringLiteral("summarize")});
        QCOMPARE(found.items.first().kind, KqlCompletion::Kind::Operator);
        QVERIFY(completeAt(QStringLiteral("DeviceProcessEvents | ^")).contains(u"where"));
        // A dashed operator is one word.
        KqlCompletions dashed;
        QCOMPARE(completeAt(QStringLiteral("DeviceProcessEvents | project-a^"), &dashed),
                 QStringList{QStringLiteral("project-away")});
        QCOMPARE(dashed.start, int(QStringLiteral("DeviceProcessEvents | ").size()));
        // The operators of the series, scan and text units complete too.
        QCOMPARE(completeAt(QStringLiteral("DeviceProcessEvents | sc^")),
                 QStringList{QStringLiteral("scan")});
        QCOMPARE(completeAt(QStringLiteral("DeviceProcessEvents | parse-k^")),
                 QStringList{QStringLiteral("parse-kv")});
        QCOMPARE(completeAt(QStringLiteral("DeviceProcessEvents | make-s^")),
                 QStringList{QStringLiteral("make-series")});
        QCOMPARE(completeAt(QStringLiteral("DeviceProcessEvents | top-n^")),
                 QStringList{QStringLiteral("top-nested")});
    }

    void columnsOfTheTableInScope()
    {
        KqlCompletions found;
        const QStringList texts
                = completeAt(QStringLiteral("DeviceProcessEvents\n| where Fil^"), &found);
        QVERIFY(texts.contains(QStringLiteral("FileName")));
        QVERIFY(texts.contains(QStringLiteral("FileSize")));
        QVERIFY(!texts.contains(QStringLiteral("RemoteIP")));
        QCOMPARE(find(found, QStringLiteral("FileSize"))->detail, QStringLiteral("long"));
        QCOMPARE(find(found, QStringLiteral("FileName"))->kind, KqlCompletion::Kind::Column);
        // Columns come first, then functions.
        QCOMPARE(texts.first(), QStringLiteral("FileName"));
        // The table in scope is what the operators before the cursor left.
        const QStringList projected = completeAt(QStringLiteral(
                "DeviceNetworkEvents | project RemoteIP, Port = RemotePort | where ^"));
        QVERIFY(projected.contains(QStringLiteral("RemoteIP")));
        QVERIFY(projected.contains(QStringLiteral("Port")));
        QVERIFY(!projected.contains(QStringLiteral("RemotePort")));
        QVERIFY(!projected.contains(QStringLiteral("DeviceName")));
        // An error earlier in the text still gives the first table's columns.
        QVERIFY(completeAt(QStringLiteral("DeviceFileEvents | where nosuch == 1 | where SHA^"))
                        .contains(QStringLiteral("SHA256")));
        // Inside a subquery, that subquery's table.
        const QStringList inner = completeAt(
                QStringLiteral("DeviceProcessEvents | join (DeviceNetworkEvents | where Remote^"));
        QVERIFY(inner.contains(QStringLiteral("RemoteIP")));
        QVERIFY(!inner.contains(QStringLiteral("ProcessCommandLine")));
    }

    void functionsWithSignatures()
    {
        KqlCompletions found;
        completeAt(QStringLiteral("DeviceProcessEvents | extend n = strle^"), &found);
        const KqlCompletion *strlen = find(found, QStringLiteral("strlen"));
        QVERIFY(strlen);
        QCOMPARE(strlen->kind, KqlCompletion::Kind::Function);
        QVERIFY2(strlen->detail.startsWith(QLatin1String("strlen(")), qPrintable(strlen->detail));
        KqlCompletions bin;
        completeAt(QStringLiteral("DeviceProcessEvents | summarize count() by bi^"), &bin);
        QVERIFY(find(bin, QStringLiteral("bin")));
        QCOMPARE(find(bin, QStringLiteral("bin"))->detail.count(u','), 1);
        // Aggregates in summarize's aggregate list, not in where.
        KqlCompletions agg;
        completeAt(QStringLiteral("DeviceProcessEvents | summarize dcou^"), &agg);
        QVERIFY(find(agg, QStringLiteral("dcount")));
        QCOMPARE(find(agg, QStringLiteral("dcount"))->kind, KqlCompletion::Kind::Aggregate);
        QVERIFY(!completeAt(QStringLiteral("DeviceProcessEvents | where dcou^"))
                         .contains(QStringLiteral("dcount")));
        // Operator keywords: by after summarize, asc/desc in sort.
        QVERIFY(completeAt(QStringLiteral("DeviceProcessEvents | sort by Timestamp de^"))
                        .contains(QStringLiteral("desc")));
    }

    void nothingInStringsOrComments()
    {
        QVERIFY(completeAt(QStringLiteral("DeviceProcessEvents | where FileName == \"Fil^"))
                        .isEmpty());
        QVERIFY(completeAt(QStringLiteral("DeviceProcessEvents // Fil^")).isEmpty());
        // After a closed string, completion is back.
        QVERIFY(completeAt(QStringLiteral("DeviceProcessEvents | where FileName == \"a|b\" and "
                                          "Fil^"))
                        .contains(QStringLiteral("FileName")));
    }

    void fast()
    {
        // Called on every key press: it must not take the editor's time.
        const QString text = QStringLiteral("DeviceProcessEvents\n| where Timestamp > ago(1d)\n"
                                            "| extend x = strlen(FileName)\n| where ");
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 100; ++i)
            kqlCompletions(text, int(text.size()), HuntingSchema::defender());
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    }

    void blockAtCursor_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("block");
        QTest::newRow("one block")
                << QStringLiteral("T\n| take 1^") << QStringLiteral("T\n| take 1");
        QTest::newRow("second of two")
                << QStringLiteral("A\n| take 1\n\nB\n| wh^ere x\n| take 2\n\nC")
                << QStringLiteral("B\n| where x\n| take 2");
        QTest::newRow("first of two")
                << QStringLiteral("A^\n| take 1\n\nB") << QStringLiteral("A\n| take 1");
        QTest::newRow("blank line with spaces separates")
                << QStringLiteral("A\n   \nB^") << QStringLiteral("B");
        QTest::newRow("on a blank line") << QStringLiteral("A\n^\nB") << QString();
        QTest::newRow("cursor at the start")
                << QStringLiteral("^A\nB\n\nC") << QStringLiteral("A\nB");
    }

    void blockAtCursor()
    {
        QFETCH(QString, text);
        QFETCH(QString, block);
        const int cursor = int(text.indexOf(u'^'));
        text.remove(cursor, 1);
        const auto [start, end] = kqlBlockAt(text, cursor);
        QCOMPARE(text.mid(start, end - start), block);
    }

    void stringLiteral_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("plain") << QStringLiteral("web-01.contoso.com");
        QTest::newRow("quotes") << QStringLiteral("a\"b'c");
        QTest::newRow("backslashes") << QStringLiteral("CONTOSO\\alice\\");
        QTest::newRow("escape-looking") << QStringLiteral("\\\" | take 1 //");
        QTest::newRow("control") << QStringLiteral("a\nb\rc\td") + QChar(1) + QChar(0x7f);
        QTest::newRow("injection") << QStringLiteral("x\" or 1 == 1 | project-away *; print \"");
        QTest::newRow("unicode") << QStringLiteral("Ünïcødé ✓ \u202e");
        QTest::newRow("empty") << QString();
    }

    void stringLiteral()
    {
        QFETCH(QString, value);
        const QString literal = kqlStringLiteral(value);
        KqlError error;
        const std::optional<QList<Token>> tokens = Lexer::tokenize(literal, &error);
        QVERIFY2(tokens, qPrintable(error.message));
        // One string token whose value is the original, then the end.
        QCOMPARE(tokens->size(), 2);
        QCOMPARE(tokens->at(0).kind, TokenKind::String);
        QCOMPARE(tokens->at(0).value, value);
        // And in a query it stays one value: the query binds with a single where.
        const QueryAnalysis analysis = analyzeQuery(
                QString(QStringLiteral("DeviceNetworkEvents | where RemoteIP == ") + literal),
                HuntingSchema::defender());
        QVERIFY2(analysis.ok(),
                 qPrintable(analysis.ok() ? QString() : analysis.errors.first().message));
    }

    void renderInTheResult()
    {
        const QueryAnalysis analysis = analyzeQuery(
                QStringLiteral("DeviceProcessEvents | summarize count() by bin(Timestamp, 1h) "
                               "| render timechart with (title=\"Per hour\", ytitle=\"n\")"),
                HuntingSchema::defender());
        QVERIFY(analysis.ok());
        const std::optional<RenderSpec> render = HuntingRunner::renderOf(analysis.result);
        QVERIFY(render);
        QCOMPARE(render->kind, QStringLiteral("timechart"));
        QCOMPARE(render->properties.size(), 2);
        QCOMPARE(render->properties.at(0).first, QStringLiteral("title"));
        QCOMPARE(render->properties.at(0).second, QStringLiteral("Per hour"));
        const QueryAnalysis plain = analyzeQuery(QStringLiteral("DeviceProcessEvents | take 1"),
                                                 HuntingSchema::defender());
        QVERIFY(!HuntingRunner::renderOf(plain.result));
    }

    void csvFormulaGuard()
    {
        using namespace HuntingFormat;
        QCOMPARE(csvCell(QStringLiteral("=cmd|' /C calc'!A0"), true),
                 QStringLiteral("'=cmd|' /C calc'!A0"));
        QCOMPARE(csvCell(QStringLiteral("-1"), false), QStringLiteral("-1"));
        QCOMPARE(csvCell(QStringLiteral("a,\"b\""), true), QStringLiteral("\"a,\"\"b\"\"\""));
        const QString csv = toCsv(
                {{QStringLiteral("n"), KqlType::Long}, {QStringLiteral("s"), KqlType::String}},
                {{QVariant(qint64(-5)), QVariant(QStringLiteral("+x"))}});
        QCOMPARE(csv, QStringLiteral("n,s\n-5,'+x\n"));
    }
};

QTEST_GUILESS_MAIN(TestKqlAssist)
#include "tst_kqlassist.moc"
