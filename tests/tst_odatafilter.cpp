#include "odatafilter.h"
#include "simtypes.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Vigil::Sim;

namespace {

enum Key { KeyCreated, KeyStatus, KeySeverity, KeyAssignedTo };

const QString IncidentType = QStringLiteral("microsoft.graph.security.incident");

/** The incident properties Graph filters on, as the simulator's incident list declares them. */
const QList<FilterField> &fields()
{
    static const QList<FilterField> list{
            {QStringLiteral("createdDateTime"), FilterFieldType::DateTime, nullptr, KeyCreated},
            {QStringLiteral("status"), FilterFieldType::Enum, &vocabulary(IncidentStatus{}),
             KeyStatus},
            {QStringLiteral("severity"), FilterFieldType::Enum, &vocabulary(Severity{}),
             KeySeverity},
            {QStringLiteral("assignedTo"), FilterFieldType::String, nullptr, KeyAssignedTo}};
    return list;
}

/** One incident as the filter reads it. */
class Row : public FilterRow
{
public:
    Ticks created = *parseTicks(u"2024-05-01T10:00:00Z");
    IncidentStatus status = IncidentStatus::Active;
    Severity severity = Severity::High;
    QString assignedTo = QStringLiteral("Ann.Analyst@Contoso.com");

    Ticks dateTime(int) const override { return created; }
    int enumIndex(int key) const override
    {
        return key == KeyStatus ? static_cast<int>(status) : static_cast<int>(severity);
    }
    QString string(int) const override { return assignedTo; }
};

QString syntaxError(const QString &text, qsizetype position)
{
    return QStringLiteral("Invalid filter clause: Syntax error at position %1 in '%2'.")
            .arg(position)
            .arg(text);
}

QString incompatible(const char *property, const char *literal, const char *op)
{
    return QStringLiteral("A binary operator with incompatible types was detected. Found operand "
                          "types '%1' and '%2' for operator kind '%3'.")
            .arg(QLatin1String(property), QLatin1String(literal), QLatin1String(op));
}

QString noProperty(const QString &name)
{
    return QStringLiteral("Could not find a property named '%1' on type '%2'.")
            .arg(name, IncidentType);
}

QString repeated(const QString &part, int times, const QString &separator = {})
{
    QStringList parts;
    for (int n = 0; n < times; ++n)
        parts.append(part);
    return parts.join(separator);
}

} // namespace

/**
 * The $filter grammar of the simulated tenant, directly: what it accepts and how it matches, what
 * it refuses with which OData error, and that hostile filters (a URL anyone can send) end in an
 * error rather than a crash or a hang.
 */
class TestODataFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accepted_data();
    void accepted();
    void nullAndQuotedStrings();
    void refused_data();
    void refused();
    void limits();
    void hostileInputEndsInAnError_data();
    void hostileInputEndsInAnError();
};

void TestODataFilter::accepted_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<bool>("matches");

    QTest::newRow("empty") << QString() << true;
    QTest::newRow("blank") << QStringLiteral("   ") << true;
    QTest::newRow("enum eq") << QStringLiteral("status eq 'active'") << true;
    QTest::newRow("enum eq other") << QStringLiteral("status eq 'resolved'") << false;
    QTest::newRow("enum ne") << QStringLiteral("status ne 'redirected'") << true;
    QTest::newRow("enum ne same") << QStringLiteral("severity ne 'high'") << false;
    QTest::newRow("datetime ge") << QStringLiteral("createdDateTime ge 2024-05-01T00:00:00Z")
                                 << true;
    QTest::newRow("datetime gt same")
            << QStringLiteral("createdDateTime gt 2024-05-01T10:00:00Z") << false;
    QTest::newRow("datetime le same")
            << QStringLiteral("createdDateTime le 2024-05-01T10:00:00Z") << true;
    QTest::newRow("datetime lt same")
            << QStringLiteral("createdDateTime lt 2024-05-01T10:00:00Z") << false;
    QTest::newRow("datetime 100 ns later")
            << QStringLiteral("createdDateTime lt 2024-05-01T10:00:00.0000001Z") << true;
    QTest::newRow("datetime with offset")
            << QStringLiteral("createdDateTime eq 2024-05-01T12:00:00+02:00") << true;
    QTest::newRow("datetime lower-case z")
            << QStringLiteral("createdDateTime eq 2024-05-01T10:00:00z") << true;
    QTest::newRow("bare date is midnight UTC")
            << QStringLiteral("createdDateTime gt 2024-05-01") << true;
    QTest::newRow("string ignores case")
            << QStringLiteral("assignedTo eq 'ann.analyst@contoso.com'") << true;
    QTest::newRow("string ne") << QStringLiteral("assignedTo ne 'ben@contoso.com'") << true;
    QTest::newRow("string eq null") << QStringLiteral("assignedTo eq null") << false;
    QTest::newRow("string ne null") << QStringLiteral("assignedTo ne null") << true;
    QTest::newRow("and") << QStringLiteral("status eq 'active' and severity eq 'high'") << true;
    QTest::newRow("and one false")
            << QStringLiteral("status eq 'active' and severity eq 'low'") << false;
    QTest::newRow("or") << QStringLiteral("status eq 'resolved' or severity eq 'high'") << true;
    QTest::newRow("not") << QStringLiteral("not status eq 'active'") << false;
    QTest::newRow("not parenthesised") << QStringLiteral("not (status eq 'resolved')") << true;
    QTest::newRow("not not") << QStringLiteral("not not status eq 'active'") << true;
    // (F and F) or T: "and" binds tighter than "or".
    QTest::newRow("and before or")
            << QStringLiteral("status eq 'resolved' and severity eq 'low' or status eq 'active'")
            << true;
    QTest::newRow("parentheses first")
            << QStringLiteral("status eq 'resolved' and (severity eq 'low' or status eq 'active')")
            << false;
    // (not F) and F: "not" takes only the comparison after it.
    QTest::newRow("not before and")
            << QStringLiteral("not status eq 'resolved' and severity eq 'low'") << false;
    QTest::newRow("nested parentheses") << QStringLiteral("((status eq 'active'))") << true;
    QTest::newRow("spaces around") << QStringLiteral("  status   eq   'active'  ") << true;
    QTest::newRow("no space around parentheses")
            << QStringLiteral("(status eq 'active')and(severity eq 'high')") << true;
    // What Vigil's alert pull sends: a cursor and the products whose rules run.
    QTest::newRow("vigil's alert query")
            << QStringLiteral("createdDateTime ge 2024-04-30T23:58:00Z and (severity eq 'low' or "
                              "severity eq 'high')")
            << true;
}

void TestODataFilter::accepted()
{
    QFETCH(QString, filter);
    QFETCH(bool, matches);
    QString error;
    const auto parsed = ODataFilter::parse(filter, fields(), IncidentType, &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(parsed->isEmpty(), filter.trimmed().isEmpty());
    QCOMPARE(parsed->matches(Row()), matches);
}

void TestODataFilter::nullAndQuotedStrings()
{
    Row unassigned;
    unassigned.assignedTo = QString();
    Row quoted;
    quoted.assignedTo = QStringLiteral("o'brien@contoso.com");
    QString error;

    const auto isNull = ODataFilter::parse(QStringLiteral("assignedTo eq null"), fields(),
                                           IncidentType, &error);
    QVERIFY2(isNull, qPrintable(error));
    QVERIFY(isNull->matches(unassigned));
    QVERIFY(!isNull->matches(quoted));

    // '' is a quote inside a string literal; an empty literal is not null.
    const auto obrien = ODataFilter::parse(QStringLiteral("assignedTo eq 'O''Brien@contoso.com'"),
                                           fields(), IncidentType, &error);
    QVERIFY2(obrien, qPrintable(error));
    QVERIFY(obrien->matches(quoted));
    QVERIFY(!obrien->matches(unassigned));
    const auto empty = ODataFilter::parse(QStringLiteral("assignedTo eq ''"), fields(),
                                          IncidentType, &error);
    QVERIFY2(empty, qPrintable(error));
    QVERIFY(!empty->matches(unassigned));
    QVERIFY(!empty->matches(quoted));
}

void TestODataFilter::refused_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("error");

    QTest::newRow("unknown property")
            << QStringLiteral("title eq 'x'") << noProperty(QStringLiteral("title"));
    QTest::newRow("property names are case-sensitive")
            << QStringLiteral("Status eq 'active'") << noProperty(QStringLiteral("Status"));
    QTest::newRow("function") << QStringLiteral("tolower(assignedTo) eq 'ann'")
                              << noProperty(QStringLiteral("tolower"));
    // A comma is no token of the grammar.
    QTest::newRow("function of two")
            << QStringLiteral("contains(assignedTo,'ann')")
            << syntaxError(QStringLiteral("contains(assignedTo,'ann')"), 19);
    QTest::newRow("any lambda") << QStringLiteral("alerts/any(a: a/severity eq 'high')")
                                << syntaxError(
                                           QStringLiteral("alerts/any(a: a/severity eq 'high')"),
                                           12);
    QTest::newRow("in") << QStringLiteral("status in ('active')")
                        << syntaxError(QStringLiteral("status in ('active')"), 7);
    QTest::newRow("in list") << QStringLiteral("status in ('active','resolved')")
                             << syntaxError(QStringLiteral("status in ('active','resolved')"), 19);
    QTest::newRow("enum member unknown")
            << QStringLiteral("status eq 'open'")
            << QStringLiteral("The string 'open' is not a valid enumeration type constant.");
    QTest::newRow("enum members are case-sensitive")
            << QStringLiteral("status eq 'Active'")
            << QStringLiteral("The string 'Active' is not a valid enumeration type constant.");
    QTest::newRow("enum ordered") << QStringLiteral("severity gt 'low'")
                                  << incompatible("Edm.Enum", "Edm.String", "GreaterThan");
    QTest::newRow("enum unquoted") << QStringLiteral("status eq active")
                                   << incompatible("Edm.Enum", "Edm.Untyped", "Equal");
    QTest::newRow("enum null") << QStringLiteral("status eq null")
                               << incompatible("Edm.Enum", "Edm.Untyped", "Equal");
    QTest::newRow("datetime quoted")
            << QStringLiteral("createdDateTime ge '2024-05-01T00:00:00Z'")
            << incompatible("Edm.DateTimeOffset", "Edm.String", "GreaterThanOrEqual");
    QTest::newRow("datetime without zone")
            << QStringLiteral("createdDateTime ge 2024-05-01T00:00:00")
            << incompatible("Edm.DateTimeOffset", "Edm.Int32", "GreaterThanOrEqual");
    QTest::newRow("datetime not a date")
            << QStringLiteral("createdDateTime lt 2024-13-01T00:00:00Z")
            << incompatible("Edm.DateTimeOffset", "Edm.Int32", "LessThan");
    QTest::newRow("string ordered") << QStringLiteral("assignedTo gt 'a'")
                                    << incompatible("Edm.String", "Edm.String", "GreaterThan");
    QTest::newRow("string number") << QStringLiteral("assignedTo eq 42")
                                   << incompatible("Edm.String", "Edm.Int32", "Equal");
    QTest::newRow("operator missing") << QStringLiteral("status 'active'")
                                      << syntaxError(QStringLiteral("status 'active'"), 7);
    QTest::newRow("operator symbol") << QStringLiteral("status == 'active'")
                                     << syntaxError(QStringLiteral("status == 'active'"), 7);
    QTest::newRow("operator unknown") << QStringLiteral("status has 'active'")
                                      << syntaxError(QStringLiteral("status has 'active'"), 7);
    QTest::newRow("literal missing")
            << QStringLiteral("status eq") << syntaxError(QStringLiteral("status eq"), 9);
    QTest::newRow("property alone")
            << QStringLiteral("status") << syntaxError(QStringLiteral("status"), 6);
    QTest::newRow("literal first") << QStringLiteral("'active' eq status")
                                   << syntaxError(QStringLiteral("'active' eq status"), 0);
    QTest::newRow("dangling and") << QStringLiteral("status eq 'active' and")
                                  << syntaxError(QStringLiteral("status eq 'active' and"), 22);
    QTest::newRow("dangling not") << QStringLiteral("not") << syntaxError(QStringLiteral("not"), 3);
    QTest::newRow("two comparisons, no operator")
            << QStringLiteral("status eq 'active' severity eq 'high'")
            << syntaxError(QStringLiteral("status eq 'active' severity eq 'high'"), 19);
    QTest::newRow("unclosed parenthesis") << QStringLiteral("(status eq 'active'")
                                          << syntaxError(QStringLiteral("(status eq 'active'"), 19);
    QTest::newRow("stray closing parenthesis")
            << QStringLiteral("status eq 'active')")
            << syntaxError(QStringLiteral("status eq 'active')"), 18);
    QTest::newRow("empty parentheses")
            << QStringLiteral("()") << syntaxError(QStringLiteral("()"), 1);
    QTest::newRow("unterminated string")
            << QStringLiteral("assignedTo eq 'ann")
            << QStringLiteral("Invalid filter clause: There is an unterminated string literal at "
                              "position 14 in 'assignedTo eq 'ann'.");
    QTest::newRow("unterminated after a doubled quote")
            << QStringLiteral("assignedTo eq 'o''brien")
            << QStringLiteral("Invalid filter clause: There is an unterminated string literal at "
                              "position 14 in 'assignedTo eq 'o''brien'.");
}

void TestODataFilter::refused()
{
    QFETCH(QString, filter);
    QFETCH(QString, error);
    QString message;
    QVERIFY(!ODataFilter::parse(filter, fields(), IncidentType, &message));
    QCOMPARE(message, error);
}

void TestODataFilter::limits()
{
    const QString comparison = QStringLiteral("status eq 'active'");
    QString error;
    // As deep as allowed: parentheses, then "not".
    const QString deepest = repeated(QStringLiteral("("), ODataFilter::MaxDepth) + comparison
                            + repeated(QStringLiteral(")"), ODataFilter::MaxDepth);
    const auto deep = ODataFilter::parse(deepest, fields(), IncidentType, &error);
    QVERIFY2(deep, qPrintable(error));
    QVERIFY(deep->matches(Row()));
    const QString nots = repeated(QStringLiteral("not "), ODataFilter::MaxDepth) + comparison;
    const auto negated = ODataFilter::parse(nots, fields(), IncidentType, &error);
    QVERIFY2(negated, qPrintable(error));
    QVERIFY(negated->matches(Row())); // an even number of "not"

    // One level more is refused.
    QVERIFY(!ODataFilter::parse(u'(' + deepest + u')', fields(), IncidentType, &error));
    QCOMPARE(error, QStringLiteral("The recursion limit has been exceeded."));
    error.clear();
    QVERIFY(!ODataFilter::parse(QStringLiteral("not ") + nots, fields(), IncidentType, &error));
    QCOMPARE(error, QStringLiteral("The recursion limit has been exceeded."));

    // n comparisons joined by "or" are 2n - 1 nodes.
    const int most = (ODataFilter::MaxNodes + 1) / 2;
    const auto widest = ODataFilter::parse(
            repeated(QStringLiteral("status eq 'resolved'"), most - 1, QStringLiteral(" or "))
                    + QStringLiteral(" or ") + comparison,
            fields(), IncidentType, &error);
    QVERIFY2(widest, qPrintable(error));
    QVERIFY(widest->matches(Row()));
    error.clear();
    QVERIFY(!ODataFilter::parse(repeated(comparison, most + 1, QStringLiteral(" or ")), fields(),
                                IncidentType, &error));
    QCOMPARE(error, QStringLiteral("The node count limit of '%1' has been exceeded.")
                            .arg(ODataFilter::MaxNodes));
}

void TestODataFilter::hostileInputEndsInAnError_data()
{
    QTest::addColumn<QString>("filter");

    const QString comparison = QStringLiteral("status eq 'active'");
    constexpr int Many = 200'000;
    QTest::newRow("deep parentheses") << repeated(QStringLiteral("("), Many) + comparison
                                                 + repeated(QStringLiteral(")"), Many);
    QTest::newRow("deep parentheses, never closed") << repeated(QStringLiteral("("), Many);
    QTest::newRow("deep not") << repeated(QStringLiteral("not "), Many) + comparison;
    QTest::newRow("deep not and parentheses")
            << repeated(QStringLiteral("not ("), Many) + comparison;
    QTest::newRow("long or chain") << repeated(comparison, Many, QStringLiteral(" or "));
    QTest::newRow("long and chain") << repeated(comparison, Many, QStringLiteral(" and "));
    QTest::newRow("huge unterminated string")
            << QStringLiteral("assignedTo eq '") + QString(4'000'000, u'x');
    QTest::newRow("huge property name") << QString(4'000'000, u'a') + QStringLiteral(" eq 'x'");
    QTest::newRow("huge literal") << QStringLiteral("createdDateTime ge ")
                                             + QString(4'000'000, u'9');
    QTest::newRow("only quotes") << QString(1'000'001, u'\'');
    QTest::newRow("control characters")
            << QStringLiteral("status eq 'active'") + QChar(0) + QChar(1);
}

void TestODataFilter::hostileInputEndsInAnError()
{
    QFETCH(QString, filter);
    QElapsedTimer timer;
    timer.start();
    QString error;
    const auto parsed = ODataFilter::parse(filter, fields(), IncidentType, &error);
    QVERIFY(!parsed);
    QVERIFY(!error.isEmpty());
    // Linear work: well under a second even on a slow machine; a hang would be far beyond.
    QVERIFY2(timer.elapsed() < 10'000, qPrintable(QString::number(timer.elapsed())));
}

QTEST_APPLESS_MAIN(TestODataFilter)
#include "tst_odatafilter.moc"
