// The KQL front end piece by piece: tokens and their positions, literals kept as written,
// the AST, name resolution and Kusto's column naming, refusals with line and column, and
// `vigilctl kql schema` as a user runs it. Expected values are worked out from Kusto's
// documentation, not from Vigil's output.
#include "binder.h"
#include "functionsymbols.h"
#include "huntingschema.h"
#include "kqllexer.h"
#include "kqlparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryFile>
#include <QTest>

using namespace Vigil;
using namespace Vigil::Kql;

namespace {

QList<Token> lex(const QString &text)
{
    KqlError error;
    const std::optional<QList<Token>> tokens = Lexer::tokenize(text, &error);
    if (!tokens)
        qWarning("lex error: %s", qPrintable(error.message));
    return tokens.value_or(QList<Token>());
}

QStringList columns(const QString &query)
{
    const QueryAnalysis analysis = analyzeQuery(query, HuntingSchema::defender());
    if (!analysis.ok())
        return {QStringLiteral("error: ") + analysis.errors.first().message};
    QStringList out;
    for (const Column &c : analysis.columns)
        out.append(c.name + QLatin1Char(':') + kqlTypeName(c.type));
    return out;
}

KqlError refusal(const QString &query)
{
    const QueryAnalysis analysis = analyzeQuery(query, HuntingSchema::defender());
    return analysis.ok() ? KqlError{} : analysis.errors.first();
}

const Node *findKind(const Node &root, NodeKind kind, const QString &text = {})
{
    if (root.kind == kind && (text.isEmpty() || root.text == text))
        return &root;
    for (const NodePtr &kid : root.kids) {
        if (const Node *hit = findKind(*kid, kind, text))
            return hit;
    }
    return nullptr;
}

} // namespace

class TestKqlFrontend : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tokensKeepLineColumnAndOffset();
    void stringLiterals();
    void numbersTimespansAndTypedLiterals();
    void operatorsAndDashedKeywords();
    void lexerErrorsHavePositions();
    void literalsKeptAsWrittenInTheTree();
    void parserRefusesByName_data();
    void parserRefusesByName();
    void typesAndPromotion_data();
    void typesAndPromotion();
    void kustoColumnNames_data();
    void kustoColumnNames();
    void namesResolveThroughScopes();
    void letFunctionsAreBoundPerCall();
    void timeGeneratedIsTimestamp();
    void itemsKnowTheirOutputColumns();
    void setStatementsAreKept();
    void binderRefusalsPointAtTheName();
    void functionSymbolTable();
    void uniqueNames();
    void vigilctlKqlSchema();
    void longNamesAreCutInErrors();
};

void TestKqlFrontend::tokensKeepLineColumnAndOffset()
{
    const QList<Token> t = lex(QStringLiteral("T\n  | where x // note\n\t== 'a'"));
    QCOMPARE(t.size(), 7); // T | where x == 'a' End
    QCOMPARE(t[0].text, QStringLiteral("T"));
    QCOMPARE(t[1].pos.line, 2);
    QCOMPARE(t[1].pos.column, 3);
    QCOMPARE(t[1].pos.offset, 4);
    QCOMPARE(t[2].text, QStringLiteral("where"));
    QCOMPARE(t[2].pos.column, 5);
    QCOMPARE(t[4].text, QStringLiteral("=="));
    QCOMPARE(t[4].pos.line, 3);
    QCOMPARE(t[4].pos.column, 2);
    QCOMPARE(t[5].kind, TokenKind::String);
    QCOMPARE(t[6].kind, TokenKind::End);
}

void TestKqlFrontend::stringLiterals()
{
    const QList<Token> t
            = lex(QStringLiteral(R"('a\tb' "q\"x" @"C:\dir\""y" h'hidden' H@'C:\x' ```line1
line2``` '''x''' '\u00e9\x41')"));
    QCOMPARE(t[0].value, QStringLiteral("a\tb"));
    QCOMPARE(t[1].value, QStringLiteral("q\"x"));
    QCOMPARE(t[2].value, QStringLiteral("C:\\dir\\\"y"));
    QCOMPARE(t[2].text, QStringLiteral(R"(@"C:\dir\""y")"));
    QCOMPARE(t[3].value, QStringLiteral("hidden"));
    QCOMPARE(t[4].value, QStringLiteral("C:\\x"));
    QCOMPARE(t[5].value, QStringLiteral("line1\nline2"));
    QCOMPARE(t[6].value, QStringLiteral("x"));
    QCOMPARE(t[7].value, QStringLiteral("\u00e9A"));
    // Adjacent strings are one value; the bracketed name is a name.
    const QueryAnalysis a = analyzeQuery(QStringLiteral("print ['my col'] = 'a' \"b\" @'c'"),
                                         HuntingSchema::defender());
    QVERIFY(a.ok());
    QCOMPARE(a.columns.first().name, QStringLiteral("my col"));
    const Node *literal = findKind(*a.tree, NodeKind::Literal);
    QVERIFY(literal);
    QCOMPARE(literal->value, QStringLiteral("abc"));
}

void TestKqlFrontend::numbersTimespansAndTypedLiterals()
{
    const QList<Token> t = lex(QStringLiteral(
            "42 0x1F 1.5 2e3 1d 1.5h 30m 10s 100ms 1tick 3days datetime(2024-01-02 03:04) "
            "timespan(1.02:03:04) guid(12345678-aaaa-bbbb-cccc-1234567890ab) int(null)"));
    QCOMPARE(t[0].kind, TokenKind::Long);
    QCOMPARE(t[1].kind, TokenKind::Long);
    QCOMPARE(t[1].text, QStringLiteral("0x1F"));
    QCOMPARE(t[2].kind, TokenKind::Real);
    QCOMPARE(t[3].kind, TokenKind::Real);
    for (int i = 4; i <= 10; ++i)
        QCOMPARE(t[i].kind, TokenKind::TimeSpan);
    QCOMPARE(t[8].text, QStringLiteral("100ms"));
    QCOMPARE(t[11].kind, TokenKind::TypedLiteral);
    QCOMPARE(t[11].text, QStringLiteral("datetime"));
    QCOMPARE(t[11].value, QStringLiteral("2024-01-02 03:04"));
    QCOMPARE(t[12].value, QStringLiteral("1.02:03:04"));
    QCOMPARE(t[13].text, QStringLiteral("guid"));
    QCOMPARE(t[14].value, QStringLiteral("null"));
    // A name may begin with digits; a real number may not run into letters.
    QCOMPARE(lex(QStringLiteral("2ndLogon")).first().kind, TokenKind::Identifier);
    QCOMPARE(columns(QStringLiteral("DeviceInfo | extend 2ndName = DeviceName | project 2ndName")),
             QStringList{QStringLiteral("2ndName:string")});
    // Hexadecimal and exponent numbers run into letters make names too, never timespans, as
    // Microsoft's analyzer reads 0x1h and 1e3h ("does not refer to any known column").
    for (const char *text : {"0x1h", "1e3h", "0x1g"}) {
        const QList<Token> name = lex(QString::fromLatin1(text));
        QCOMPARE(name.first().kind, TokenKind::Identifier);
        QCOMPARE(name.first().text, QString::fromLatin1(text));
    }
    QCOMPARE(lex(QStringLiteral("0x10d")).first().kind, TokenKind::Long);
    QCOMPARE(lex(QStringLiteral("1.5h")).first().kind, TokenKind::TimeSpan);
    KqlError error;
    QVERIFY(!Lexer::tokenize(u"print 1.5q", &error));
    QVERIFY2(error.message.contains(QLatin1String("1.5q")), qPrintable(error.message));
}

void TestKqlFrontend::operatorsAndDashedKeywords()
{
    const QList<Token> t = lex(QStringLiteral("a !contains_cs b !in~ c in~ d =~ e !~ f <> g .. h "
                                              "=> | project-away mv-expand parse-where x-y"));
    QStringList texts;
    for (const Token &token : t)
        texts.append(token.text);
    QCOMPARE(texts.mid(0, 14),
             (QStringList{QStringLiteral("a"), QStringLiteral("!contains_cs"), QStringLiteral("b"),
                          QStringLiteral("!in~"), QStringLiteral("c"), QStringLiteral("in~"),
                          QStringLiteral("d"), QStringLiteral("=~"), QStringLiteral("e"),
                          QStringLiteral("!~"), QStringLiteral("f"), QStringLiteral("<>"),
                          QStringLiteral("g"), QStringLiteral("..")}));
    QVERIFY(texts.contains(QStringLiteral("project-away")));
    QVERIFY(texts.contains(QStringLiteral("mv-expand")));
    QVERIFY(texts.contains(QStringLiteral("parse-where")));
    // x-y is a subtraction, not a name.
    QCOMPARE(texts.mid(texts.size() - 4), (QStringList{QStringLiteral("x"), QStringLiteral("-"),
                                                       QStringLiteral("y"), QString()}));
}

void TestKqlFrontend::lexerErrorsHavePositions()
{
    KqlError error = refusal(QStringLiteral("DeviceInfo\n| where DeviceName == 'abc"));
    QCOMPARE(error.pos.line, 2);
    QCOMPARE(error.pos.column, 23);
    QVERIFY(error.message.contains(QLatin1String("not closed")));
    error = refusal(QStringLiteral("print x = 1 # 2"));
    QCOMPARE(error.pos.column, 13);
    error = refusal(QStringLiteral("print x = ```never closed"));
    QVERIFY(error.message.contains(QLatin1String("```")));
}

void TestKqlFrontend::literalsKeptAsWrittenInTheTree()
{
    const QueryAnalysis a = analyzeQuery(
            QStringLiteral("print a = 1.50, b = 90m, c = datetime(2024-01-01T00:00:00Z), d = "
                           "dynamic({\"k\": [1, 'x']}), e = -3"),
            HuntingSchema::defender());
    QVERIFY(a.ok());
    QStringList texts;
    const Node *print = findKind(*a.tree, NodeKind::Print);
    QVERIFY(print);
    for (const NodePtr &item : print->kids)
        texts.append(item->kid(0)->text);
    QCOMPARE(texts.mid(0, 4), (QStringList{QStringLiteral("1.50"), QStringLiteral("90m"),
                                           QStringLiteral("datetime(2024-01-01T00:00:00Z)"),
                                           QStringLiteral("dynamic({\"k\": [1, 'x']})")}));
    QStringList values;
    for (const NodePtr &item : print->kids)
        values.append(item->kid(0)->value);
    QCOMPARE(values.mid(0, 3), (QStringList{QStringLiteral("1.50"), QStringLiteral("90m"),
                                            QStringLiteral("2024-01-01T00:00:00Z")}));
    const Node *c = print->kid(2)->kid(0);
    QCOMPARE(c->literal, LiteralKind::DateTime);
    QCOMPARE(c->value, QStringLiteral("2024-01-01T00:00:00Z"));
    QCOMPARE(c->pos.column, 30);
    QCOMPARE(print->kid(4)->kid(0)->kind, NodeKind::Unary);
    QCOMPARE(a.columns, (RowSchema{{QStringLiteral("a"), KqlType::Real},
                                   {QStringLiteral("b"), KqlType::TimeSpan},
                                   {QStringLiteral("c"), KqlType::DateTime},
                                   {QStringLiteral("d"), KqlType::Dynamic},
                                   {QStringLiteral("e"), KqlType::Long}}));
}

void TestKqlFrontend::parserRefusesByName_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("words");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("partition") << "DeviceInfo\n| partition by DeviceName { take 1 }"
                               << "partition" << 2 << 27;
    QTest::newRow("externaldata") << "externaldata(a:string)[42]"
                                  << "a URL as a string literal" << 1 << 24;
    QTest::newRow("unknown operator") << "DeviceInfo | frobnicate"
                                      << "frobnicate" << 1 << 14;
    QTest::newRow("search term") << "search 'a*b'"
                                 << "the search term 'a*b'" << 1 << 8;
    QTest::newRow("scan output=last") << "DeviceInfo | scan with (step s output=last: true;)"
                                      << "output=last" << 1 << 30;
    QTest::newRow("like") << "DeviceInfo | where DeviceName like 'a'"
                          << "like" << 1 << 31;
    QTest::newRow("keyword as name") << "DeviceInfo | extend last = 1"
                                     << "['last']" << 1 << 21;
    QTest::newRow("tuple") << "DeviceInfo | extend (a, b) = 1"
                           << "names the columns of a function that gives several" << 1 << 21;
    QTest::newRow("missing by") << "DeviceInfo | sort DeviceName"
                                << "'by'" << 1 << 19;
    // Found by comparing mutated queries with Microsoft's analyzer, which rejects each of these.
    QTest::newRow("sign after sign") << "print x = - -1"
                                     << "a sign cannot follow another sign" << 1 << 13;
    QTest::newRow("comma before )") << "print strcat('a', )"
                                    << "an argument is missing after this ','" << 1 << 17;
    QTest::newRow("comma before ]") << "print dynamic([1, ])"
                                    << "a value is missing after this ','" << 1 << 17;
    QTest::newRow("comma before }") << "print dynamic({'a': 1, })"
                                    << "a property is missing after this ','" << 1 << 22;
    QTest::newRow("comma after a parameter") << "let f = (a:long, ) { a }; print f(1)"
                                             << "a parameter is missing" << 1 << 16;
    QTest::newRow("empty statement") << "let a = 1;;\nprint a"
                                     << "there is no statement before this ';'" << 1 << 11;
    QTest::newRow("leading ;") << "; print 1"
                               << "there is no statement before this ';'" << 1 << 1;
    QTest::newRow("find in without where") << "find in (DeviceInfo) 'x'"
                                           << "'where'" << 1 << 22;
    QTest::newRow("unknown hint") << "DeviceInfo | summarize hint.zz=1 count()"
                                  << "'hint.zz' is not a hint" << 1 << 24;
    QTest::newRow("join strategy")
            << "DeviceInfo | join hint.strategy=native (DeviceInfo) on DeviceId"
            << "'native' is not a value of hint.strategy" << 1 << 33;
    QTest::newRow("summarize strategy") << "DeviceInfo | summarize hint.strategy=broadcast count()"
                                        << "(values: shuffle)" << 1 << 38;
    QTest::newRow("mv-expand kind") << "DeviceInfo | mv-expand kind=arrays x = dynamic([1])"
                                    << "'arrays' is not a value of kind" << 1 << 29;
    QTest::newRow("make-series kind")
            << "DeviceInfo | make-series kind=empty count() on Timestamp step 1h"
            << "(values: nonempty)" << 1 << 31;
    QTest::newRow("num_partitions")
            << "DeviceInfo | summarize hint.num_partitions=x count() by DeviceId"
            << "whole number" << 1 << 44;
    QTest::newRow("visualization") << "DeviceInfo | render timechartx"
                                   << "'timechartx' is not a visualization" << 1 << 21;
    QTest::newRow("render property") << "DeviceInfo | render timechart with (colour=1)"
                                     << "'colour' is not a property of render" << 1 << 37;
    QTest::newRow("render kind") << "DeviceInfo | render timechart with (kind=Stacked)"
                                 << "render's kind is one of" << 1 << 42;
    QTest::newRow("render twice") << "DeviceInfo | render timechart with (title='a', title='b')"
                                  << "given twice" << 1 << 48;
    QTest::newRow("render column") << "DeviceInfo | render timechart with (ycolumns=DeviceId, zz)"
                                   << "names 'zz', which is not a column" << 1 << 14;
    QTest::newRow("pattern matching nothing") << "DeviceInfo | project-away Initiating*"
                                              << "'Initiating*' matches no column" << 1 << 27;
    QTest::newRow("distinct dynamic") << "DeviceInfo | distinct d = parse_json(LoggedOnUsers)"
                                      << "distinct cannot take a dynamic value" << 1 << 27;
    QTest::newRow("join keys int and long") << "print a = 1 | join (print a = int(2)) on a"
                                            << "long on the left and int on the right" << 1 << 42;
    QTest::newRow("default of another type")
            << "let f = (a:string, b:long = 'x') { a }; print 1"
            << "the default of the parameter 'b' is string" << 1 << 29;
    QTest::newRow("two names alike")
            << "DeviceInfo | summarize (OSBuild, OSBuild) = arg_max(Timestamp, OSBuild) by DeviceId"
            << "'OSBuild' is already declared" << 1 << 24;
    QTest::newRow("set value expression") << "set query_now = ago(1d); print now()"
                                          << "a constant or a name" << 1 << 20;
    QTest::newRow("set query_now string") << "set query_now = '2024-01-01'; print now()"
                                          << "takes a datetime literal" << 1 << 1;
    QTest::newRow("make-series step") << "DeviceInfo | make-series count() on Timestamp step 60"
                                      << "the step of a datetime axis is a timespan" << 1 << 52;
    QTest::newRow("between dynamic bound") << "print 1 between (dynamic(0) .. 2)"
                                           << "between dynamic and long" << 1 << 7;
    QTest::newRow("int() in dynamic") << "print dynamic([int(1)])"
                                      << "int(…) cannot be written inside dynamic(…)" << 1 << 16;
    QTest::newRow("bare property name") << "print dynamic({a: 1})"
                                        << "a property name in dynamic(…) is a string" << 1 << 16;
    QTest::newRow("0x alone") << "print x = 0x"
                              << "'0x' needs hexadecimal digits" << 1 << 11;
    QTest::newRow("leading dot") << "print x = .5"
                                 << "write 0.5" << 1 << 11;
    QTest::newRow("mv-expand limit") << "DeviceEvents | mv-expand x = parse_json(AdditionalFields) "
                                        "limit 1.5"
                                     << "mv-expand limit takes a whole number" << 1 << 65;
    QTest::newRow("prev of an expression") << "DeviceInfo | serialize | extend p = "
                                              "prev(tolower(DeviceName))"
                                           << "prev() takes a column name first" << 1 << 42;
    QTest::newRow("raw guid") << "print x = new_guid() == (00000000-0000-0000-0000-000000000000)"
                              << "a GUID is written guid(" << 1 << 26;
    QTest::newRow("datetime part") << "print datetime_part('hourhour', now())"
                                   << "'hourhour' is not a part datetime_part() knows" << 1 << 21;
    QTest::newRow("datetime part not a literal")
            << "let p = 'day'; print datetime_diff(p, now(), now())"
            << "the part of datetime_diff() is written as a string literal" << 1 << 36;
    QTest::newRow("two stars") << "DeviceInfo | parse DeviceName with * 'a' ** 'b' x"
                               << "a string must come between two '*'" << 1 << 43;
    QTest::newRow("table parameter columns")
            << "let f = (T:(:string)) { T | take 1 }; f(DeviceInfo)"
            << "a column name (or '*' alone)" << 1 << 13;
    QTest::newRow("table parameter needs its columns")
            << "let f = (T:(Foo:string)) { T | take 1 }; f(DeviceInfo)"
            << "has no column Foo:string" << 1 << 44;
    QTest::newRow("body of a function nobody calls")
            << "let f = (x:long) { x !contains_cs 1 }; print 2"
            << "'!contains_cs' is not defined for long and long" << 1 << 20;
    QTest::newRow("arg_max of a guid") << "DeviceInfo | summarize arg_max(toguid(DeviceId), *) by "
                                          "OSBuild"
                                       << "cannot order by a guid" << 1 << 32;
    QTest::newRow("pivot's aggregate")
            << "DeviceInfo | evaluate pivot(OSPlatform, OSBuild)"
            << "the second argument of pivot() is the aggregate" << 1 << 41;
    QTest::newRow("string column before a star")
            << "DeviceProcessEvents | parse ProcessCommandLine with * '-File ' Script *"
            << "right after the string column 'Script' is ambiguous" << 1 << 71;
    QTest::newRow("pack_all of an expression") << "DeviceInfo | project x = pack_all(1 == 1)"
                                               << "pack_all() takes true or false" << 1 << 35;
    QTest::newRow("isfuzzy as a string") << "union isfuzzy='true' DeviceInfo, DeviceEvents"
                                         << "isfuzzy takes true or false" << 1 << 15;
    QTest::newRow("render title") << "DeviceInfo | render timechart with (title=DeviceName)"
                                  << "a string literal" << 1 << 43;
    QTest::newRow("scan's last step without ;")
            << "DeviceInfo | sort by Timestamp asc | scan with (step a: true; step b: false)"
            << "every step of scan ends with ';'" << 1 << 76;
    QTest::newRow("array read by a name")
            << "print x = split('a,b', ',')['x']"
            << "an element of an array is read by its position" << 1 << 28;
    QTest::newRow("element of split is no array")
            << "print a = array_length(split('a,b', ',')[0])"
            << "array_length(): argument array must be a dynamic array, and this one is a single "
               "value"
            << 1 << 24;
    QTest::newRow("bag read by a number") << "print x = dynamic({'a': 1})[0]"
                                          << "a property of a bag is read by its name" << 1 << 29;
    QTest::newRow("bag_keys of an array")
            << "print k = bag_keys(pack_array(1, 2))"
            << "must be a dynamic property bag, and this one is an array" << 1 << 20;
    // make_string() takes integers: Microsoft's analyzer knows the types of a literal's
    // values, of pack_array()'s and range()'s elements, of split()'s strings.
    QTest::newRow("make_string of reals")
            << "print make_string(dynamic([1.5, real(null)]))"
            << "an integer or a dynamic array of integers, and this one is an array of real "
               "values"
            << 1 << 19;
    QTest::newRow("make_string of split") << "print s = make_string(split('a', ','))"
                                          << "this one is an array of string values" << 1 << 23;
    QTest::newRow("make_string of pack_array's widest")
            << "print make_string(pack_array(int(1), 2, 0.5))"
            << "this one is an array of real values" << 1 << 19;
    QTest::newRow("make_string of an element") << "print make_string(dynamic(['a'])[0])"
                                               << "this one is a string" << 1 << 19;
    QTest::newRow("make_string of arrays") << "print make_string(pack_array(dynamic([65])))"
                                           << "this one is an array of arrays" << 1 << 19;
    QTest::newRow("make_string of repeat") << "print make_string(repeat(true, 2))"
                                           << "this one is an array of bool values" << 1 << 19;
    // Arguments Microsoft's analyzer wants constant: a column, or an element read from a value,
    // is not one; a let variable, a lambda parameter and calls over literals are.
    QTest::newRow("replace's rewrite from a column")
            << "DeviceProcessEvents | extend s = replace(',', DeviceName, FileName)"
            << "argument 2 (rewrite) must be a constant (a literal, a let variable or an "
               "expression of them), and this one reads the column DeviceName"
            << 1 << 47;
    QTest::newRow("extract's regex from a column")
            << "DeviceProcessEvents | extend s = extract(strcat('(', FileName, ')'), 1, FileName)"
            << "argument 1 (regex) must be a constant" << 1 << 54;
    QTest::newRow("prev's default from a column")
            << "DeviceProcessEvents | serialize | extend p = prev(FileName, 1, FileName)"
            << "argument 3 (default_value) must be a constant" << 1 << 64;
    QTest::newRow("round's precision from an element")
            << "print round(1.25, tolong(dynamic([1])[0]))"
            << "an element of a value (x[…] or x.k)" << 1 << 26;
    QTest::newRow("prev of a column in parentheses")
            << "DeviceProcessEvents | serialize | extend p = next((FileName), 2)"
            << "next() takes a column name first" << 1 << 52;
    QTest::newRow("datatable sign apart from its number") << "datatable(a:long)[1, - 2]"
                                                          << "no space after the sign" << 1 << 22;
    QTest::newRow("countof's kind") << "print countof('aaa', 'a', 'Normal')"
                                    << "the kind of countof() is 'normal' or 'regex'" << 1 << 27;
    QTest::newRow("datatable value in parentheses")
            << "datatable(a:long)[-2, -(2)]"
            << "not an expression in parentheses" << 1 << 23;
    QTest::newRow("parse-kv flag as a string")
            << "print s = 'a=1' | parse-kv s as (a:long) with (kv_delimiter=true)"
            << "a string for 'kv_delimiter'" << 1 << 61;
    QTest::newRow("parse-kv property in capitals")
            << "print s = 'a=1' | parse-kv s as (a:long) with (Greedy=true)"
            << "'Greedy' is not a property of parse-kv" << 1 << 48;
    QTest::newRow("argmin in an expression")
            << "DeviceInfo | summarize y = argmin(OSBuild) * 100 by DeviceName"
            << "argmin() gives several columns" << 1 << 28;
    QTest::newRow("empty bag_unpack prefix")
            << "print d = dynamic({'a': 1}) | evaluate bag_unpack(d, OutputColumnPrefix = '')"
            << "OutputColumnPrefix of bag_unpack() must not be empty" << 1 << 75;
    QTest::newRow("in~ as a parse column") << "DeviceInfo | parse DeviceName with in~ 'a' x"
                                           << "'in~' is a KQL keyword" << 1 << 36;
}

void TestKqlFrontend::parserRefusesByName()
{
    QFETCH(QString, query);
    QFETCH(QString, words);
    QFETCH(int, line);
    QFETCH(int, column);
    const KqlError error = refusal(query);
    QVERIFY2(error.message.contains(words), qPrintable(error.message));
    QCOMPARE(error.pos.line, line);
    QCOMPARE(error.pos.column, column);
}

void TestKqlFrontend::typesAndPromotion_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("type");
    QTest::newRow("int+int is long") << "int(1) + int(2)"
                                     << "long";
    QTest::newRow("long/real") << "7 / 2.0"
                               << "real";
    QTest::newRow("long/long") << "7 / 2"
                               << "long";
    QTest::newRow("datetime-datetime") << "now() - datetime(2024-01-01)"
                                       << "timespan";
    QTest::newRow("datetime+timespan") << "datetime(2024-01-01) + 1d"
                                       << "datetime";
    QTest::newRow("timespan/timespan") << "1d / 1h"
                                       << "real";
    QTest::newRow("timespan*long") << "2 * 1h"
                                   << "timespan";
    QTest::newRow("unary int") << "-int(3)"
                               << "int";
    QTest::newRow("iff common") << "iff(true, 1, 2.5)"
                                << "real";
    QTest::newRow("case") << "case(false, 'a', 'b')"
                          << "string";
    QTest::newRow("bin datetime") << "bin(now(), 1h)"
                                  << "datetime";
    QTest::newRow("bin long") << "bin(17, 5)"
                              << "long";
    QTest::newRow("extract typed") << "extract('(\\\\d+)', 1, 'a1', typeof(long))"
                                   << "long";
    QTest::newRow("dynamic member") << "dynamic({'a': 1}).a"
                                    << "dynamic";
    QTest::newRow("dynamic+int") << "dynamic(1) + int(1)"
                                 << "long";
    QTest::newRow("toscalar") << "toscalar(DeviceInfo | summarize max(OSBuild))"
                              << "long";
    QTest::newRow("between") << "now() between (ago(1d) .. 1h)"
                             << "bool";
    QTest::newRow("has_any") << "'a b' has_any ('a')"
                             << "bool";
}

void TestKqlFrontend::typesAndPromotion()
{
    QFETCH(QString, expression);
    QFETCH(QString, type);
    QCOMPARE(columns(QStringLiteral("print x = ") + expression),
             QStringList{QStringLiteral("x:") + type});
}

void TestKqlFrontend::kustoColumnNames_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("expected");
    QTest::newRow("automatic aggregate names")
            << "DeviceInfo | summarize count(), countif(true), dcount(DeviceName), "
               "make_set(OSPlatform), make_list(OSPlatform), any(OSBuild), "
               "take_any(PublicIP), max(OSBuild) by OSPlatform"
            << "OSPlatform:string count_:long countif_:long dcount_DeviceName:long "
               "set_OSPlatform:dynamic list_OSPlatform:dynamic "
               "any_OSBuild:long PublicIP:string max_OSBuild:long";
    QTest::newRow("bin keeps the name") << "DeviceInfo | summarize count() by bin(Timestamp, 1h)"
                                        << "Timestamp:datetime count_:long";
    QTest::newRow("duplicates get 1")
            << "DeviceInfo | summarize count(), count(), max(OSBuild), max(OSBuild)"
            << "count_:long count_1:long max_OSBuild:long max_OSBuild1:long";
    QTest::newRow("unnamed expressions")
            << "DeviceInfo | project OSBuild * 2, x = 1, strlen(DeviceName), tolower(DeviceName)"
            << "Column1:long x:long strlen_DeviceName:long Column2:string";
    QTest::newRow("print names") << "print 1, x = 2, 3"
                                 << "print_0:long x:long print_2:long";
    // Microsoft's analyzer names a column after the let variable or parameter it shows (but
    // print keeps print_N).
    QTest::newRow("let variables name columns")
            << "let c = 1; DeviceInfo | project c, c, d = c, e = c + 1"
            << "c:long c1:long d:long e:long";
    QTest::newRow("let variables in aggregates")
            << "let c = 1; DeviceInfo | summarize max(c), arg_min(c, OSBuild) by c"
            << "c:long max_c:long c1:long OSBuild:long";
    QTest::newRow("let variables in print") << "let c = 1; print c, c + 1"
                                            << "print_0:long print_1:long";
    QTest::newRow("calls in print") << "let c = 1; print tostring(c), bin(X = 1, 1), rand(a = 1)"
                                    << "print_0:string print_1:long print_2:real";
    QTest::newRow("typed index") << "DeviceInfo | project d = parse_json(LoggedOnUsers) | "
                                    "project d[int(2)], d[2]"
                                 << "d_2:dynamic d_21:dynamic";
    QTest::newRow("print with a parenthesis first") << "print(1), (2) + 1, y = (3)"
                                                    << "print_0:long print_1:long y:long";
    QTest::newRow("extend replaces in place")
            << "datatable(a:string, b:long)['x', 1] | extend a = 5, c = 1"
            << "a:long b:long c:long";
    QTest::newRow("arg_max star") << "datatable(k:string, t:datetime, v:long)['a', "
                                     "datetime(2024-01-01), 1] | summarize arg_max(t, *) by k"
                                  << "k:string t:datetime v:long";
    QTest::newRow("arg_max named")
            << "datatable(k:string, t:datetime, v:long, w:real)['a', datetime(2024-01-01), "
               "1, 1.0] | summarize arg_min(v, w, t) by k"
            << "k:string v:long w:real t:datetime";
    QTest::newRow("join duplicates") << "datatable(a:string, b:long)['x', 1] | join "
                                        "(datatable(a:string, b:long)['x', 1]) on a"
                                     << "a:string b:long a1:string b1:long";
    QTest::newRow("leftsemi keeps left")
            << "datatable(a:string, b:long)['x', 1] | join kind=leftsemi (datatable(a:string, "
               "c:long)['x', 1]) on a"
            << "a:string b:long";
    QTest::newRow("lookup drops right key") << "datatable(a:string, b:long)['x', 1] | lookup "
                                               "(datatable(a:string, c:real)['x', 1.0]) on a"
                                            << "a:string b:long c:real";
    QTest::newRow("union by name")
            << "union (datatable(a:string, b:long)['x', 1]), (datatable(b:long, c:bool)[1, true])"
            << "a:string b:long c:bool";
    QTest::newRow("union type clash")
            << "union withsource=S (datatable(a:string)['x']), (datatable(a:long)[1])"
            << "S:string a_string:string a_long:long";
    QTest::newRow("mv-expand typed") << "datatable(d:dynamic)[dynamic([1])] | mv-expand "
                                        "with_itemindex=i v = d to typeof(long)"
                                     << "d:dynamic v:long i:long";
    QTest::newRow("parse") << "datatable(s:string)['a=1'] | parse s with k '=' v:long"
                           << "s:string k:string v:long";
    QTest::newRow("dynamic path names")
            << "print d = dynamic({}) | project d.a.b, d['x'], d[0], tostring(d.a)"
            << "d_a_b:dynamic d_x:dynamic d_0:dynamic d_a:string";
    QTest::newRow("count and getschema") << "DeviceInfo | count"
                                         << "Count:long";
    QTest::newRow("project-reorder")
            << "datatable(a:long, b:long, c:long)[1, 2, 3] | project-reorder c, b"
            << "c:long b:long a:long";
    QTest::newRow("project-away wildcard")
            << "datatable(a:long, a1:long, b1:long, c:long)[1, 2, 3, 4] | project-away *1"
            << "a:long c:long";
}

void TestKqlFrontend::kustoColumnNames()
{
    QFETCH(QString, query);
    QFETCH(QString, expected);
    QCOMPARE(columns(query).join(QLatin1Char(' ')), expected);
}

void TestKqlFrontend::namesResolveThroughScopes()
{
    // A let inside a function's body hides an outer one; a second let of one name in the same
    // block is refused, as Kusto's analyzer does; a column wins over a variable of the same name.
    QCOMPARE(columns(QStringLiteral("let x = 1; let f = () { let x = 'a'; x }; print y = f()")),
             QStringList{QStringLiteral("y:string")});
    QVERIFY(columns(QStringLiteral("let x = 1; let x = 'a'; print y = x"))
                    .join(QLatin1Char(' '))
                    .contains(QLatin1String("'x' has already been declared")));
    QCOMPARE(columns(QStringLiteral("let OSBuild = 'a'; DeviceInfo | project v = OSBuild")),
             QStringList{QStringLiteral("v:long")});
    QCOMPARE(columns(QStringLiteral(
                     "let f = (n:long, s:string = 'z') { strcat(s, n) }; print v = f(1)")),
             QStringList{QStringLiteral("v:string")});
    QCOMPARE(columns(QStringLiteral(
                     "let T = (k:long) { range x from 1 to k step 1 }; T(3) | extend y = x")),
             (QStringList{QStringLiteral("x:long"), QStringLiteral("y:long")}));
    // A function's parameter is not visible outside it.
    QVERIFY(refusal(QStringLiteral("let f = (n:long) { n }; print n"))
                    .message.contains(QLatin1String("'n'")));
    // cluster(), table(), … reach other stores; the words alone are names like any other.
    QCOMPARE(columns(QStringLiteral("let cluster = 'x'; let table = 2; print c = cluster, t = "
                                    "table")),
             (QStringList{QStringLiteral("c:string"), QStringLiteral("t:long")}));
    QCOMPARE(columns(QStringLiteral("DeviceInfo | extend database = 1 | project database")),
             QStringList{QStringLiteral("database:long")});
    QVERIFY(refusal(QStringLiteral("cluster('c').database('d').DeviceInfo"))
                    .message.contains(QLatin1String("'cluster' is not supported")));
    QVERIFY(refusal(QStringLiteral("print cluster")).message.contains(QLatin1String("'cluster'")));
}

void TestKqlFrontend::letFunctionsAreBoundPerCall()
{
    const QueryAnalysis a = analyzeQuery(QStringLiteral("let f = (T:(*)) { T | project-away *Id }; "
                                                        "union (f(DeviceInfo)), (f(AlertInfo))"),
                                         HuntingSchema::defender());
    QVERIFY2(a.ok(), a.ok() ? "" : qPrintable(a.errors.first().message));
    QList<const Node *> calls;
    std::vector<const Node *> stack = {a.tree.get()};
    while (!stack.empty()) {
        const Node *n = stack.back();
        stack.pop_back();
        if (n->kind == NodeKind::Call && n->text == u"f")
            calls.append(n);
        for (const NodePtr &kid : n->kids)
            stack.push_back(kid.get());
    }
    QCOMPARE(calls.size(), 2);
    for (const Node *call : calls) {
        QVERIFY(call->inlined);
        QCOMPARE(call->inlined->kind, NodeKind::Script);
        // Each body has the columns of its own argument, without the *Id ones.
        const RowSchema &columns = *call->schema;
        QVERIFY(!columns.isEmpty());
        for (const Column &c : columns)
            QVERIFY2(!c.name.endsWith(QLatin1String("Id")), qPrintable(c.name));
    }
    QVERIFY(*calls[0]->schema != *calls[1]->schema);
}

void TestKqlFrontend::timeGeneratedIsTimestamp()
{
    const QueryAnalysis a
            = analyzeQuery(QStringLiteral("DeviceInfo | where TimeGenerated > ago(1d) | project "
                                          "TimeGenerated, DeviceName"),
                           HuntingSchema::defender());
    QVERIFY(a.ok());
    QCOMPARE(a.columns, (RowSchema{{QStringLiteral("TimeGenerated"), KqlType::DateTime},
                                   {QStringLiteral("DeviceName"), KqlType::String}}));
    const Node *name = findKind(*a.tree, NodeKind::Name, QStringLiteral("TimeGenerated"));
    QVERIFY(name);
    QCOMPARE(name->value, QStringLiteral("Timestamp")); // the column the compiler reads
    // Both ways, and with the suffix a join gives.
    QCOMPARE(columns(QStringLiteral("DeviceInfo | summarize arg_max(TimeGenerated, *) by DeviceId "
                                    "| project Timestamp")),
             QStringList{QStringLiteral("Timestamp:datetime")});
    QCOMPARE(columns(QStringLiteral(
                     "DeviceInfo | join (DeviceInfo) on DeviceId | project TimeGenerated1")),
             QStringList{QStringLiteral("TimeGenerated1:datetime")});
    AnalyzeOptions defenderOnly;
    defenderOnly.timeGeneratedAlias = false;
    QVERIFY(!analyzeQuery(QStringLiteral("DeviceInfo | where TimeGenerated > ago(1d)"),
                          HuntingSchema::defender(), defenderOnly)
                     .ok());
}

void TestKqlFrontend::itemsKnowTheirOutputColumns()
{
    const QueryAnalysis a
            = analyzeQuery(QStringLiteral("datatable(k:string, t:datetime, v:long)['a', "
                                          "datetime(2024-01-01), 1] | summarize n = "
                                          "count(), arg_max(t, *), count() by bin(t, 1h), k"),
                           HuntingSchema::defender());
    QVERIFY(a.ok());
    const Node *summarize = findKind(*a.tree, NodeKind::OpSummarize);
    QVERIFY(summarize);
    const Node &aggregates = *summarize->kid(0);
    const Node &keys = *summarize->kid(1);
    QCOMPARE(keys.kid(0)->outputColumns, QStringList{QStringLiteral("t")});
    QCOMPARE(keys.kid(1)->outputColumns, QStringList{QStringLiteral("k")});
    QCOMPARE(aggregates.kid(0)->outputColumns, QStringList{QStringLiteral("n")});
    // arg_max(t, *) by t, k returns t (as t1: the key took t) and every column not a key.
    QCOMPARE(aggregates.kid(1)->outputColumns,
             (QStringList{QStringLiteral("t1"), QStringLiteral("v")}));
    QCOMPARE(aggregates.kid(2)->outputColumns, QStringList{QStringLiteral("count_")});
    QCOMPARE(summarize->schema->size(), 6);
}

void TestKqlFrontend::setStatementsAreKept()
{
    const QueryAnalysis a = analyzeQuery(
            QStringLiteral("set notruncation;\nset query_now = datetime(2024-01-01);\nprint now()"),
            HuntingSchema::defender());
    QVERIFY(a.ok());
    QCOMPARE(a.setOptions.size(), 2);
    QCOMPARE(a.setOptions[1].first, QStringLiteral("query_now"));
    QCOMPARE(a.setOptions[1].second, QStringLiteral("datetime(2024-01-01)"));
    QCOMPARE(a.warnings, QStringList{QStringLiteral("set notruncation is ignored")});
}

void TestKqlFrontend::binderRefusalsPointAtTheName()
{
    KqlError error
            = refusal(QStringLiteral("DeviceInfo\n| where OSBuild > 1 and devicename == 'x'"));
    QCOMPARE(error.pos.line, 2);
    QCOMPARE(error.pos.column, 25);
    QVERIFY(error.message.contains(QLatin1String("'devicename'")));
    error = refusal(QStringLiteral("DeviceInfos | take 1"));
    QCOMPARE(error.pos.column, 1);
    QVERIFY(error.message.contains(QLatin1String("DeviceInfos")));
    error = refusal(QStringLiteral("DeviceInfo | extend x = nosuch(1)"));
    QVERIFY(error.message.contains(QLatin1String("unknown function 'nosuch'")));
    QCOMPARE(error.pos.column, 25);
    error = refusal(QStringLiteral("DeviceInfo | extend x = percentile(OSBuild, 50)"));
    QVERIFY2(error.message.contains(QLatin1String("summarize")), qPrintable(error.message));
    error = refusal(QStringLiteral("DeviceInfo | summarize percentile(OSBuild, 50)"));
    QVERIFY2(error.message.contains(QLatin1String("not supported")), qPrintable(error.message));
    error = refusal(QStringLiteral("DeviceInfo | where OSBuild has 'x'"));
    QVERIFY2(error.message.contains(QLatin1String("has")), qPrintable(error.message));
    error = refusal(QStringLiteral("DeviceInfo | invoke FileProfile()"));
    QVERIFY2(error.message.contains(QLatin1String("FileProfile")), qPrintable(error.message));
    error = refusal(QStringLiteral("let x = 1;"));
    QVERIFY2(error.message.contains(QLatin1String("returns no table")), qPrintable(error.message));
}

void TestKqlFrontend::functionSymbolTable()
{
    const FunctionSymbols &symbols = FunctionSymbols::instance();
    const FunctionSymbol *countIf = symbols.find(u"countif", true);
    QVERIFY(countIf && countIf->aggregate && countIf->supported);
    QCOMPARE(countIf->resultName, ResultNameKind::PrefixAndFirstArgument);
    QCOMPARE(countIf->resultPrefix, QStringLiteral("countif"));
    const FunctionSymbol *makeSet = symbols.find(u"make_set", true);
    QVERIFY(makeSet);
    QCOMPARE(makeSet->resultPrefix, QStringLiteral("set"));
    // Siblings are there, and marked by unit.
    for (const char *name : {"strcat_delim", "hash_md5", "endofday", "extract_all",
                             "ingestion_time", "parse_command_line"}) {
        const FunctionSymbol *fn = symbols.find(QString::fromLatin1(name));
        QVERIFY2(fn && fn->supported, name);
    }
    QCOMPARE(symbols.find(u"ingestion_time")->unit, QStringLiteral("U14"));
    // Known to Kusto but not run by Vigil: refused by name.
    QCOMPARE(symbols.find(u"geo_info_from_ip_address")->unit, QStringLiteral("U13"));
    const FunctionSymbol *fit = symbols.find(u"series_fit_2lines");
    QVERIFY(fit && !fit->supported);
    const FunctionSymbol *anyScalar = symbols.find(u"any", false);
    const FunctionSymbol *anyAggregate = symbols.find(u"any", true);
    QVERIFY(anyScalar && anyAggregate && anyScalar != anyAggregate && anyAggregate->aggregate);
}

void TestKqlFrontend::uniqueNames()
{
    QCOMPARE(uniqueName(QStringLiteral("a"), {}), QStringLiteral("a"));
    QCOMPARE(uniqueName(QStringLiteral("a"), {QStringLiteral("a")}), QStringLiteral("a1"));
    QCOMPARE(uniqueName(QStringLiteral("a"),
                        {QStringLiteral("a"), QStringLiteral("a1"), QStringLiteral("a3")}),
             QStringLiteral("a2"));
}

void TestKqlFrontend::vigilctlKqlSchema()
{
    auto run = [](const QStringList &args, const QByteArray &input = {}) {
        QProcess p;
        p.start(QStringLiteral(VIGILCTL_PATH), args);
        p.write(input);
        p.closeWriteChannel();
        p.waitForFinished(30000);
        return std::tuple{p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    };
    auto [code, out, err] = run({QStringLiteral("kql"), QStringLiteral("schema"),
                                 QStringLiteral("DeviceInfo | summarize count() by OSPlatform")});
    QCOMPARE(code, 0);
    QCOMPARE(QJsonDocument::fromJson(out).object().value(QStringLiteral("columns")).toArray(),
             (QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("OSPlatform")},
                                     {QStringLiteral("type"), QStringLiteral("string")}},
                         QJsonObject{{QStringLiteral("name"), QStringLiteral("count_")},
                                     {QStringLiteral("type"), QStringLiteral("long")}}}));

    // Refused: exit 2, the error as JSON on stdout, a plain message on stderr; markup and
    // control characters in the query do not reach the terminal raw.
    std::tie(code, out, err) = run({QStringLiteral("kql"), QStringLiteral("schema"),
                                    QStringLiteral("DeviceInfo\n| where \x1b[31mx == 1")});
    QCOMPARE(code, 2);
    const QJsonObject error = QJsonDocument::fromJson(out).object();
    QCOMPARE(error.value(QStringLiteral("line")).toInt(), 2);
    QCOMPARE(error.value(QStringLiteral("column")).toInt(), 9);
    QVERIFY(!error.value(QStringLiteral("error")).toString().isEmpty());
    QVERIFY(err.contains("line 2, column 9"));
    QVERIFY(!err.contains('\x1b'));

    QTemporaryFile file;
    QVERIFY(file.open());
    file.write("// a hunting query\nDeviceInfo\n| project DeviceName, OSBuild\n");
    file.close();
    std::tie(code, out, err) = run({QStringLiteral("kql"), QStringLiteral("schema"),
                                    QStringLiteral("--file"), file.fileName()});
    QCOMPARE(code, 0);
    QCOMPARE(
            QJsonDocument::fromJson(out).object().value(QStringLiteral("columns")).toArray().size(),
            2);
    std::tie(code, out, err) = run({QStringLiteral("kql"), QStringLiteral("schema"),
                                    QStringLiteral("--file"), QStringLiteral("-")},
                                   "print x = 1");
    QCOMPARE(code, 0);
    std::tie(code, out, err)
            = run({QStringLiteral("kql"), QStringLiteral("schema"), QStringLiteral("--file"),
                   file.fileName(), QStringLiteral("print 1")});
    QCOMPARE(code, 2);
    std::tie(code, out, err)
            = run({QStringLiteral("kql"), QStringLiteral("schema"), QStringLiteral("--file"),
                   QStringLiteral("/nonexistent/q.kql")});
    QCOMPARE(code, 2);
    QVERIFY(err.contains("/nonexistent/q.kql"));

    // A file that does not end (a device given by mistake) is refused at once, not read
    // into memory without end; so are the other commands that take --file.
    for (const QStringList &command :
         {QStringList{QStringLiteral("kql"), QStringLiteral("schema")},
          QStringList{QStringLiteral("hunt"), QStringLiteral("--offline")},
          QStringList{QStringLiteral("feeds"), QStringLiteral("urls")}}) {
        std::tie(code, out, err)
                = run(command + QStringList{QStringLiteral("--file"), QStringLiteral("/dev/zero")});
        QCOMPARE(code, 2);
        QVERIFY2(err.contains("/dev/zero holds more than 12 MB"), err.constData());
    }
    // The same through a pipe, which hands its bytes on in pieces.
    std::tie(code, out, err) = run({QStringLiteral("kql"), QStringLiteral("schema"),
                                    QStringLiteral("--file"), QStringLiteral("-")},
                                   QByteArray(qsizetype(13) * 1024 * 1024, 'a'));
    QCOMPARE(code, 2);
    QVERIFY2(err.contains("standard input holds more than 12 MB"), err.left(300).constData());
}

void TestKqlFrontend::longNamesAreCutInErrors()
{
    // A name of 300,000 characters quoted back whole would flood a terminal and stall a label.
    const QString name = QString(150'000, QLatin1Char('b')) + QString(150'000, QLatin1Char('c'));
    const KqlError error = refusal(QStringLiteral("print x = ") + name);
    QVERIFY2(error.message.size() < 400, qPrintable(error.message.left(400)));
    QVERIFY2(error.message.startsWith(QStringLiteral("unknown name 'bbbb")),
             qPrintable(error.message));
    QVERIFY2(error.message.contains(QStringLiteral("cccc'")), qPrintable(error.message));
    QVERIFY2(error.message.contains(QStringLiteral("[300003 characters]")),
             qPrintable(error.message));
    // Short names are left alone.
    QCOMPARE(refusal(QStringLiteral("print x = nosuchname")).message.left(26),
             QStringLiteral("unknown name 'nosuchname':"));
    // A character outside the language is named whole, not by the first half of its pair.
    QCOMPARE(refusal(QStringLiteral("print x = 1 ") + QString::fromUtf8("\U0001F600")).message,
             QStringLiteral("unexpected character '") + QString::fromUtf8("\U0001F600")
                     + QLatin1Char('\''));
}

QTEST_GUILESS_MAIN(TestKqlFrontend)
#include "tst_kqlfrontend.moc"
