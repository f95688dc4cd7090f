#include "incidentfilter.h"

#include <QTest>

using namespace Vigil;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 12, 6), QTime(12, 0), Qt::UTC);

Incident incident(qint64 number, const QString &title)
{
    Incident i;
    i.number = number;
    i.providerIncidentId = QString::number(1000 + number);
    i.title = title;
    i.severity = QStringLiteral("medium");
    i.status = QStringLiteral("inProgress");
    i.createdTime = kNow.addDays(-3);
    i.lastUpdateTime = kNow.addDays(-1);
    return i;
}

/** A small queue with one incident for every field the language reads. */
QList<Incident> queue()
{
    Incident a = incident(1, QStringLiteral("Phishing: priya needs a reset"));
    a.severity = QStringLiteral("high");
    a.status = QStringLiteral("active");
    a.assignedTo = QStringLiteral("Analyst@Contoso.com");
    a.customTags = {QStringLiteral("VIP")};
    a.alertSources = {QStringLiteral("microsoftDefenderForOffice365")};
    a.createdTime = kNow.addSecs(-3600);
    a.lastUpdateTime = kNow.addSecs(-600);
    a.commentCount = 2;

    Incident b = incident(2, QStringLiteral("Ransomware on a laptop"));
    b.severity = QStringLiteral("high");
    b.status = QStringLiteral("resolved");
    b.classification = QStringLiteral("truePositive");
    b.assignedTo = QStringLiteral("bob@contoso.com");
    b.alertSources = {QStringLiteral("microsoftDefenderForEndpoint")};
    b.alertText = QStringLiteral("Ransomware behaviour detected") + QChar(0x1F)
                  + QStringLiteral("fin-lt-2073.contoso.com");

    Incident c = incident(3, QStringLiteral("Suspicious sign-in"));
    c.severity = QStringLiteral("low");
    c.ruleAlertId = QStringLiteral("da123");
    c.provider = QString::fromUtf16(kProviderRule);
    c.duplicateOf = 2;
    c.alertSources = {QStringLiteral("microsoftDefenderForIdentity")};
    c.syncState = SyncState::Conflict;

    Incident d = incident(4, QStringLiteral("Informational notice"));
    d.severity = QStringLiteral("informational");
    d.status = QStringLiteral("inProgress");
    d.classification = QStringLiteral("falsePositive");
    d.systemTags = {QStringLiteral("Defender Experts")};
    d.createdTime = kNow.addDays(-20);
    return {a, b, c, d};
}

QList<qint64> numbersOf(const QList<Incident> &incidents)
{
    QList<qint64> numbers;
    for (const Incident &i : incidents)
        numbers.append(i.number);
    return numbers;
}

IncidentFilterContext context()
{
    IncidentFilterContext c;
    c.me = QStringLiteral("analyst@contoso.com");
    c.now = kNow;
    return c;
}

} // namespace

class TestIncidentFilter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void matches_data();
    void matches();
    void errors_data();
    void errors();
    void hostileText_data();
    void hostileText();
    void emptyExplanation();
    void textWithoutTerm();
    void completionLists();
};

void TestIncidentFilter::matches_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<qint64>>("numbers");
    using L = QList<qint64>;
    QTest::newRow("empty") << QString() << L{1, 2, 3, 4};
    QTest::newRow("free word in title") << QStringLiteral("ransom") << L{2};
    QTest::newRow("two words, AND, in different fields")
            << QStringLiteral("priya analyst@") << L{1};
    QTest::newRow("words apart in the title") << QStringLiteral("priya reset") << L{1};
    QTest::newRow("quoted phrase") << QStringLiteral("\"priya needs\"") << L{1};
    QTest::newRow("quoted phrase not in that order") << QStringLiteral("\"needs priya\"") << L{};
    QTest::newRow("host name from the evidence") << QStringLiteral("fin-lt-2073") << L{2};
    QTest::newRow("alert title") << QStringLiteral("behaviour") << L{2};
    QTest::newRow("tag as a word") << QStringLiteral("vip") << L{1};
    QTest::newRow("number") << QStringLiteral("#3") << L{3};
    QTest::newRow("severity") << QStringLiteral("severity:high") << L{1, 2};
    QTest::newRow("severity upper case") << QStringLiteral("SEVERITY:High") << L{1, 2};
    QTest::newRow("severity OR") << QStringLiteral("severity:low,informational") << L{3, 4};
    QTest::newRow("severity info alias") << QStringLiteral("severity:info") << L{4};
    QTest::newRow("status new") << QStringLiteral("status:new") << L{1};
    QTest::newRow("status active covers in progress") << QStringLiteral("status:active") << L{3, 4};
    QTest::newRow("status resolved = closed") << QStringLiteral("status:resolved") << L{2};
    QTest::newRow("status closed") << QStringLiteral("status:closed") << L{2};
    QTest::newRow("status new,active") << QStringLiteral("status:new,active") << L{1, 3, 4};
    QTest::newRow("negated status") << QStringLiteral("-status:closed") << L{1, 3, 4};
    QTest::newRow("not: status") << QStringLiteral("not:status:closed") << L{1, 3, 4};
    QTest::newRow("negated word") << QStringLiteral("-ransomware") << L{1, 3, 4};
    QTest::newRow("classification") << QStringLiteral("classification:truepositive") << L{2};
    QTest::newRow("classification quoted words")
            << QStringLiteral("classification:\"false positive\"") << L{4};
    QTest::newRow("classification none") << QStringLiteral("classification:none") << L{1, 3};
    QTest::newRow("owner me") << QStringLiteral("owner:me") << L{1};
    QTest::newRow("owner none") << QStringLiteral("owner:none") << L{3, 4};
    QTest::newRow("owner part") << QStringLiteral("owner:bob") << L{2};
    QTest::newRow("tag exact") << QStringLiteral("tag:vip") << L{1};
    QTest::newRow("system tag quoted") << QStringLiteral("tag:\"defender experts\"") << L{4};
    QTest::newRow("provider rule") << QStringLiteral("provider:rule") << L{3};
    QTest::newRow("provider m365d") << QStringLiteral("provider:m365d") << L{1, 2, 4};
    QTest::newRow("product MDE") << QStringLiteral("product:MDE") << L{2};
    QTest::newRow("product OR") << QStringLiteral("product:mdo,mdi") << L{1, 3};
    QTest::newRow("age newer") << QStringLiteral("age:<4h") << L{1};
    QTest::newRow("age older") << QStringLiteral("age:>2d") << L{2, 3, 4};
    QTest::newRow("age weeks") << QStringLiteral("age:>2w") << L{4};
    QTest::newRow("updated") << QStringLiteral("updated:<1h") << L{1};
    QTest::newRow("has duplicate") << QStringLiteral("has:duplicate") << L{3};
    QTest::newRow("has comment") << QStringLiteral("has:comment") << L{1};
    QTest::newRow("has conflict") << QStringLiteral("has:conflict") << L{3};
    QTest::newRow("everything at once")
            << QStringLiteral("severity:high status:new,active owner:me tag:VIP provider:m365d "
                              "age:<4h product:MDO priya")
            << L{1};
    QTest::newRow("colon in a free word") << QStringLiteral("https://example") << L{};
    QTest::newRow("empty quotes are nothing") << QStringLiteral("\"\" ransom") << L{2};
}

void TestIncidentFilter::matches()
{
    QFETCH(QString, text);
    QFETCH(QList<qint64>, numbers);
    const IncidentQuery query = IncidentQuery::parse(text);
    QVERIFY2(query.isValid(), qPrintable(query.errorMessage()));
    QCOMPARE(numbersOf(query.filter(queue(), context())), numbers);
}

void TestIncidentFilter::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("severity typo")
            << QStringLiteral("status:new severity:hgh")
            << QStringLiteral("severity:hgh — severity is informational, low, medium or high");
    QTest::newRow("status") << QStringLiteral("status:open")
                            << QStringLiteral("status:open — status is new, active or closed");
    QTest::newRow("no value") << QStringLiteral("has:")
                              << QStringLiteral("has: — has is duplicate, comment, conflict, "
                                                "pending, error or merged");
    QTest::newRow("age") << QStringLiteral("age:soon")
                         << QStringLiteral("age:soon — age is <N or >N with m, h, d or w "
                                           "(minutes, hours, days, weeks), e.g. age:<4h");
    QTest::newRow("unknown field")
            << QStringLiteral("sevrity:high")
            << QStringLiteral("sevrity:high — sevrity is not a field; the fields are severity, "
                              "status, classification, owner, tag, provider, product, age, "
                              "updated, has or sla (quote the term to search for it as text)");
    QTest::newRow("unbalanced quote") << QStringLiteral("\"priya needs")
                                      << QStringLiteral("\"priya needs — the quote is not closed");
    QTest::newRow("product") << QStringLiteral("product:XYZ")
                             << QStringLiteral("product:XYZ — product is ");
}

void TestIncidentFilter::errors()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    const IncidentQuery query = IncidentQuery::parse(text);
    QVERIFY(!query.isValid());
    QVERIFY2(query.errorMessage().startsWith(message), qPrintable(query.errorMessage()));
    QVERIFY(query.terms().isEmpty());
    QVERIFY(query.filter(queue(), context()).isEmpty());
}

void TestIncidentFilter::hostileText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("markup") << QStringLiteral("<b>bold</b> <img src=x>") << true;
    QTest::newRow("markup in a field") << QStringLiteral("severity:<b>high</b>") << false;
    QTest::newRow("control characters") << QStringLiteral("a\x01\x1f\x1e b") << true;
    QTest::newRow("control characters in a field")
            << QStringLiteral("status:\x07\x1b[31m") << false;
    QTest::newRow("very long word") << QString(100000, QLatin1Char('x')) << true;
    QTest::newRow("very long field value")
            << QStringLiteral("severity:") + QString(100000, QLatin1Char('h')) << false;
    QTest::newRow("many terms") << QStringLiteral("a ").repeated(5000) << true;
    QTest::newRow("only quotes") << QStringLiteral("\"\"\"") << false;
    QTest::newRow("lone dash") << QStringLiteral("-") << true;
    QTest::newRow("colons") << QStringLiteral(":::") << true;
    QTest::newRow("huge age") << QStringLiteral("age:<99999999999999w") << false;
    QTest::newRow("not: alone") << QStringLiteral("not:") << true;
}

void TestIncidentFilter::hostileText()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    const IncidentQuery query = IncidentQuery::parse(text);
    QCOMPARE(query.isValid(), valid);
    if (!valid) {
        // The message names the term shown safely: no control characters, at most 60 of it.
        const QString &message = query.errorMessage();
        const QString shown = message.left(message.indexOf(QStringLiteral(" — ")));
        QVERIFY(shown.size() <= 61);
        for (QChar c : shown)
            QVERIFY(c.category() != QChar::Other_Control);
    }
    // Matching never crashes and a text nobody has finds nothing.
    const QList<Incident> found = query.filter(queue(), context());
    QVERIFY(found.size() <= 4);
    if (valid && text.contains(QLatin1Char('x')))
        QVERIFY(found.isEmpty());
}

void TestIncidentFilter::emptyExplanation()
{
    const QList<Incident> all = queue();
    // severity:high leaves 1 and 2; status:new leaves 1; owner:bob removes it.
    IncidentQuery query
            = IncidentQuery::parse(QStringLiteral("severity:high status:new owner:bob"));
    QVERIFY(query.filter(all, context()).isEmpty());
    const auto [term, left] = query.emptyingTerm(all, context());
    QCOMPARE(term, 2);
    QCOMPARE(left, 1);
    QCOMPARE(query.emptyExplanation(term, left),
             QStringLiteral("owner:bob removed the last incident that the terms before it left."));

    query = IncidentQuery::parse(QStringLiteral("nosuchthing severity:high"));
    const auto [first, all4] = query.emptyingTerm(all, context());
    QCOMPARE(first, 0);
    QCOMPARE(all4, 4);
    QCOMPARE(query.emptyExplanation(first, all4),
             QStringLiteral("No incident matches nosuchthing."));

    // Something left: no explanation.
    query = IncidentQuery::parse(QStringLiteral("severity:high"));
    QCOMPARE(query.emptyingTerm(all, context()).first, -1);

    // A hostile term is shown without its control characters.
    query = IncidentQuery::parse(QStringLiteral("\"a\x1b[2Jb\""));
    QVERIFY(query.isValid());
    const auto [hostile, before] = query.emptyingTerm(all, context());
    QCOMPARE(hostile, 0);
    QVERIFY(!query.emptyExplanation(hostile, before).contains(QChar(0x1b)));
}

void TestIncidentFilter::textWithoutTerm()
{
    const IncidentQuery query
            = IncidentQuery::parse(QStringLiteral("severity:high  \"priya needs\" -tag:VIP"));
    QCOMPARE(query.terms().size(), 3);
    QCOMPARE(query.terms().at(1).text, QStringLiteral("\"priya needs\""));
    QCOMPARE(query.textWithoutTerm(0), QStringLiteral("\"priya needs\" -tag:VIP"));
    QCOMPARE(query.textWithoutTerm(1), QStringLiteral("severity:high -tag:VIP"));
    QCOMPARE(query.textWithoutTerm(2), QStringLiteral("severity:high  \"priya needs\""));
    QVERIFY(query.terms().at(2).negated);
}

void TestIncidentFilter::completionLists()
{
    QVERIFY(IncidentQuery::fieldNames().contains(QStringLiteral("severity")));
    QCOMPARE(IncidentQuery::fieldValues(QStringLiteral("severity")),
             (QStringList{QStringLiteral("informational"), QStringLiteral("low"),
                          QStringLiteral("medium"), QStringLiteral("high")}));
    QVERIFY(IncidentQuery::fieldValues(QStringLiteral("product")).contains(QStringLiteral("mde")));
    // Every listed value parses.
    for (const QString &field : IncidentQuery::fieldNames()) {
        for (const QString &value : IncidentQuery::fieldValues(field)) {
            const IncidentQuery query = IncidentQuery::parse(field + QLatin1Char(':') + value);
            QVERIFY2(query.isValid(), qPrintable(query.errorMessage()));
        }
    }
}

QTEST_GUILESS_MAIN(TestIncidentFilter)
#include "tst_incidentfilter.moc"
