#include "incidentexport.h"

#include <QJsonArray>
#include <QTest>
#include <QUrl>

using namespace Vigil;

namespace {

Incident sample()
{
    Incident i;
    i.number = 7;
    i.providerIncidentId = QStringLiteral("2972395");
    i.tenantId = QStringLiteral("t1");
    i.title = QStringLiteral("Ransomware, \"staged\" on FIN-LT-0042");
    i.severity = QStringLiteral("high");
    i.status = QStringLiteral("resolved");
    i.assignedTo = QStringLiteral("kai@contoso.com");
    i.classification = QStringLiteral("falsePositive");
    i.determination = QStringLiteral("notEnoughDataToValidate");
    i.alertCount = 420;
    i.customTags = {QStringLiteral("VIP"), QStringLiteral("Finance")};
    i.createdTime = QDateTime(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC);
    i.lastUpdateTime = QDateTime(QDate(2024, 5, 2), QTime(11, 30, 0, 250), Qt::UTC);
    return i;
}

} // namespace

class TestIncidentExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void jsonFields();
    void redirectedIncident();
    void unknownValuesVerbatim();
    void csvQuoting();
};

void TestIncidentExport::jsonFields()
{
    const QUrl link(QStringLiteral("https://security.microsoft.com/incidents/2972395?tid=t1"));
    const QJsonObject json = incidentToJson(sample(), link);
    QCOMPARE(json.value(QLatin1String("number")).toInteger(), 7);
    QCOMPARE(json.value(QLatin1String("provider")).toString(),
             QStringLiteral("Microsoft 365 Defender"));
    QCOMPARE(json.value(QLatin1String("providerIncidentId")).toString(), QStringLiteral("2972395"));
    QCOMPARE(json.value(QLatin1String("severity")).toString(), QStringLiteral("High"));
    QCOMPARE(json.value(QLatin1String("status")).toString(), QStringLiteral("Closed"));
    QCOMPARE(json.value(QLatin1String("owner")).toString(), QStringLiteral("kai@contoso.com"));
    QCOMPARE(json.value(QLatin1String("classification")).toString(),
             QStringLiteral("FalsePositive"));
    QCOMPARE(json.value(QLatin1String("classificationReason")).toString(),
             QStringLiteral("InaccurateData"));
    QCOMPARE(json.value(QLatin1String("determination")).toString(),
             QStringLiteral("notEnoughDataToValidate"));
    QCOMPARE(json.value(QLatin1String("alertCount")).toInt(), 420);
    QCOMPARE(json.value(QLatin1String("alertCountLabel")).toString(), QStringLiteral("150+"));
    QCOMPARE(json.value(QLatin1String("tags")).toArray().size(), 2);
    QCOMPARE(json.value(QLatin1String("webUrl")).toString(), link.toString());
    QCOMPARE(json.value(QLatin1String("createdTime")).toString(),
             QStringLiteral("2024-05-01T10:00:00.000Z"));
    QCOMPARE(json.value(QLatin1String("lastUpdateTime")).toString(),
             QStringLiteral("2024-05-02T11:30:00.250Z"));
    QVERIFY(json.value(QLatin1String("redirectedTo")).isNull());
}

void TestIncidentExport::redirectedIncident()
{
    Incident i = sample();
    i.status = QStringLiteral("redirected");
    i.redirectIncidentId = QStringLiteral("2972399");
    i.redirectedToNumber = 12;
    i.assignedTo.clear();
    const QJsonObject json = incidentToJson(i, QUrl());
    QCOMPARE(json.value(QLatin1String("status")).toString(), QStringLiteral("Closed"));
    QCOMPARE(json.value(QLatin1String("redirectedTo")).toInteger(), 12);
    QVERIFY(json.value(QLatin1String("tags")).toArray().contains(QStringLiteral("Redirected")));
    QVERIFY(json.value(QLatin1String("owner")).isNull());
    QVERIFY(json.value(QLatin1String("webUrl")).isNull());
}

void TestIncidentExport::unknownValuesVerbatim()
{
    Incident i = sample();
    i.status = QStringLiteral("escalated");
    i.classification = QStringLiteral("unknownFutureValue");
    i.severity = QStringLiteral("critical");
    const QJsonObject json = incidentToJson(i, QUrl());
    QCOMPARE(json.value(QLatin1String("status")).toString(), QStringLiteral("escalated"));
    QCOMPARE(json.value(QLatin1String("classification")).toString(),
             QStringLiteral("unknownFutureValue"));
    QCOMPARE(json.value(QLatin1String("severity")).toString(), QStringLiteral("critical"));
    i.status = QStringLiteral("awaitingAction");
    QCOMPARE(incidentToJson(i, QUrl()).value(QLatin1String("status")).toString(),
             QStringLiteral("Active"));
    QCOMPARE(incidentToJson(i, QUrl()).value(QLatin1String("statusDetail")).toString(),
             QStringLiteral("Active · awaiting action"));
}

void TestIncidentExport::csvQuoting()
{
    const QString line = incidentToCsvLine(incidentToJson(sample(), QUrl()));
    QVERIFY2(line.startsWith(QStringLiteral("7,Microsoft 365 Defender,2972395,"
                                            "\"Ransomware, \"\"staged\"\" on FIN-LT-0042\",High,")),
             qPrintable(line));
    QVERIFY(line.contains(QStringLiteral(",420,150+,VIP; Finance,,")));
    QCOMPARE(line.count(QLatin1Char(',')) - 1 /* inside the quoted title */,
             incidentCsvColumns().size() - 1);
}

QTEST_APPLESS_MAIN(TestIncidentExport)
#include "tst_incidentexport.moc"
