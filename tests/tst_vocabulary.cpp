#include "vocabulary.h"

#include <QTest>

using namespace Vigil;

class TestVocabulary : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void canonicalSpellings_data();
    void canonicalSpellings();
    void status_data();
    void status();
    void classification_data();
    void classification();
    void severity_data();
    void severity();
    void alertCountLabel_data();
    void alertCountLabel();
    void products();
};

void TestVocabulary::canonicalSpellings_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<QString>("wire");
    QTest::addColumn<QString>("canonical");
    QTest::addColumn<bool>("known");

    const int det = int(GraphEnum::Determination);
    const int st = int(GraphEnum::IncidentStatus);
    const int cls = int(GraphEnum::Classification);
    const int sev = int(GraphEnum::Severity);
    QTest::newRow("camelCase") << st << "inProgress"
                               << "inProgress" << true;
    QTest::newRow("PascalCase doc sample") << st << "InProgress"
                                           << "inProgress" << true;
    QTest::newRow("upper case") << st << "RESOLVED"
                                << "resolved" << true;
    QTest::newRow("evolvable member") << st << "awaitingAction"
                                      << "awaitingAction" << true;
    QTest::newRow("unknownFutureValue") << st << "unknownFutureValue"
                                        << "unknownFutureValue" << true;
    QTest::newRow("unknown status kept") << st << "triaged"
                                         << "triaged" << false;
    QTest::newRow("empty stays empty") << st << ""
                                       << "" << false;
    QTest::newRow("doc compromisedUser") << det << "compromisedUser"
                                         << "compromisedAccount" << true;
    QTest::newRow("doc clean") << det << "clean"
                               << "notMalicious" << true;
    QTest::newRow("doc insufficientData") << det << "insufficientData"
                                          << "notEnoughDataToValidate" << true;
    QTest::newRow("doc confirmedUserActivity") << det << "confirmedUserActivity"
                                               << "confirmedActivity" << true;
    QTest::newRow("legacy NoEnoughDataToValidate") << det << "NoEnoughDataToValidate"
                                                   << "notEnoughDataToValidate" << true;
    QTest::newRow("SDK notMalicious") << det << "notMalicious"
                                      << "notMalicious" << true;
    QTest::newRow("PascalCase MultiStagedAttack") << det << "MultiStagedAttack"
                                                  << "multiStagedAttack" << true;
    QTest::newRow("PascalCase TruePositive") << cls << "TruePositive"
                                             << "truePositive" << true;
    QTest::newRow("legacy UnSpecified severity") << sev << "UnSpecified"
                                                 << "unknown" << true;
}

void TestVocabulary::canonicalSpellings()
{
    QFETCH(int, which);
    QFETCH(QString, wire);
    QFETCH(QString, canonical);
    QFETCH(bool, known);
    QCOMPARE(canonicalEnumValue(GraphEnum(which), wire), canonical);
    QCOMPARE(isKnownEnumValue(GraphEnum(which), wire), known);
}

void TestVocabulary::status_data()
{
    QTest::addColumn<QString>("graph");
    QTest::addColumn<int>("vigil");
    QTest::addColumn<QString>("label");
    QTest::newRow("active is New") << "active" << int(VigilStatus::New) << "New";
    QTest::newRow("inProgress is Active") << "inProgress" << int(VigilStatus::Active) << "Active";
    QTest::newRow("awaitingAction")
            << "awaitingAction" << int(VigilStatus::Active) << "Active · awaiting action";
    QTest::newRow("resolved is Closed") << "resolved" << int(VigilStatus::Closed) << "Closed";
    QTest::newRow("redirected is Closed") << "redirected" << int(VigilStatus::Closed) << "Closed";
    QTest::newRow("legacy Active") << "Active" << int(VigilStatus::New) << "New";
    QTest::newRow("unknownFutureValue")
            << "unknownFutureValue" << int(VigilStatus::Unknown) << "unknownFutureValue";
    QTest::newRow("unknown shown verbatim")
            << "escalated" << int(VigilStatus::Unknown) << "escalated";
}

void TestVocabulary::status()
{
    QFETCH(QString, graph);
    QFETCH(int, vigil);
    QFETCH(QString, label);
    QCOMPARE(int(vigilStatus(graph)), vigil);
    QCOMPARE(statusLabel(graph), label);
}

void TestVocabulary::classification_data()
{
    QTest::addColumn<QString>("classification");
    QTest::addColumn<QString>("determination");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("reason");
    QTest::newRow("TP") << "truePositive"
                        << "malware"
                        << "True positive"
                        << "Suspicious activity";
    QTest::newRow("BP") << "informationalExpectedActivity"
                        << "securityTesting"
                        << "Benign positive"
                        << "Suspicious but expected";
    QTest::newRow("FP incorrect logic") << "falsePositive"
                                        << "notMalicious"
                                        << "False positive"
                                        << "Incorrect alert logic";
    QTest::newRow("FP doc clean") << "falsePositive"
                                  << "clean"
                                  << "False positive"
                                  << "Incorrect alert logic";
    QTest::newRow("FP inaccurate data") << "falsePositive"
                                        << "notEnoughDataToValidate"
                                        << "False positive"
                                        << "Inaccurate data";
    QTest::newRow("FP doc insufficientData") << "falsePositive"
                                             << "insufficientData"
                                             << "False positive"
                                             << "Inaccurate data";
    QTest::newRow("FP other") << "falsePositive"
                              << "other"
                              << "False positive"
                              << "";
    QTest::newRow("undetermined") << "unknown"
                                  << "unknown"
                                  << "Undetermined"
                                  << "";
    QTest::newRow("not classified") << ""
                                    << ""
                                    << ""
                                    << "";
    QTest::newRow("future value verbatim") << "unknownFutureValue"
                                           << ""
                                           << "unknownFutureValue"
                                           << "";
}

void TestVocabulary::classification()
{
    QFETCH(QString, classification);
    QFETCH(QString, determination);
    QFETCH(QString, label);
    QFETCH(QString, reason);
    QCOMPARE(classificationLabel(classification), label);
    QCOMPARE(classificationReasonLabel(classification, determination), reason);
}

void TestVocabulary::severity_data()
{
    QTest::addColumn<QString>("graph");
    QTest::addColumn<int>("rank");
    QTest::addColumn<QString>("label");
    QTest::newRow("high") << "high" << 4 << "High";
    QTest::newRow("Medium doc sample") << "Medium" << 3 << "Medium";
    QTest::newRow("low") << "low" << 2 << "Low";
    QTest::newRow("informational") << "informational" << 1 << "Informational";
    QTest::newRow("unknown") << "unknown" << 0 << "Unknown";
    QTest::newRow("legacy UnSpecified") << "UnSpecified" << 0 << "Unknown";
    QTest::newRow("future value kept") << "critical" << 0 << "critical";
}

void TestVocabulary::severity()
{
    QFETCH(QString, graph);
    QFETCH(int, rank);
    QFETCH(QString, label);
    QCOMPARE(severityRank(graph), rank);
    QCOMPARE(severityLabel(graph), label);
}

void TestVocabulary::alertCountLabel_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("label");
    QTest::newRow("0") << 0 << "0";
    QTest::newRow("12") << 12 << "12";
    QTest::newRow("150") << 150 << "150";
    QTest::newRow("151") << 151 << "150+";
    QTest::newRow("420") << 420 << "150+";
}

void TestVocabulary::alertCountLabel()
{
    QFETCH(int, count);
    QFETCH(QString, label);
    QCOMPARE(Vigil::alertCountLabel(count), label);
}

void TestVocabulary::products()
{
    QCOMPARE(productShortName(QStringLiteral("microsoftDefenderForEndpoint")),
             QStringLiteral("MDE"));
    QCOMPARE(productShortName(QStringLiteral("MicrosoftDefenderForIdentity")),
             QStringLiteral("MDI"));
    QCOMPARE(productShortName(QStringLiteral("microsoftDefenderForOffice365")),
             QStringLiteral("MDO"));
    QCOMPARE(productShortName(QStringLiteral("microsoftDefenderForCloudApps")),
             QStringLiteral("MCAS"));
    QCOMPARE(productShortName(QStringLiteral("microsoft365Defender")), QStringLiteral("M365D"));
    QCOMPARE(productShortName(QStringLiteral("brandNewProduct")),
             QStringLiteral("brandNewProduct"));
}

QTEST_APPLESS_MAIN(TestVocabulary)
#include "tst_vocabulary.moc"
