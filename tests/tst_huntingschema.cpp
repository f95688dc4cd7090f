#include "huntingschema.h"

#include <QTest>

using namespace Vigil;

class TestHuntingSchema : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void builtInSchemaHasEveryTable();
    void columnsKeepDefenderOrderAndTypes();
    void jsonTextColumnsAreMarked();
    void deviceReportKey();
    void typeNames();
    void functions();
    void rejectsMalformedDocuments();
};

void TestHuntingSchema::builtInSchemaHasEveryTable()
{
    const HuntingSchema &schema = HuntingSchema::defender();
    QCOMPARE(schema.tables().size(), 23);
    for (const char *name :
         {"DeviceProcessEvents", "DeviceNetworkEvents", "DeviceEvents", "AlertInfo", "EmailEvents",
          "IdentityLogonEvents", "CloudAppEvents", "DeviceTvmSoftwareVulnerabilities"}) {
        QVERIFY2(schema.table(QString::fromLatin1(name)), name);
    }
    QVERIFY(!schema.table(u"deviceprocessevents"));
    QVERIFY(schema.tableIgnoringCase(u"deviceprocessevents"));
    QCOMPARE(schema.tableIgnoringCase(u"deviceprocessevents")->name,
             QStringLiteral("DeviceProcessEvents"));
    QVERIFY(!schema.table(u"SecurityAlert"));
}

void TestHuntingSchema::columnsKeepDefenderOrderAndTypes()
{
    const HuntingTable *table = HuntingSchema::defender().table(u"DeviceProcessEvents");
    QVERIFY(table);
    QCOMPARE(table->columns.at(0).name, QStringLiteral("Timestamp"));
    QCOMPARE(table->columns.at(0).type, KqlType::DateTime);
    QCOMPARE(table->columns.at(1).name, QStringLiteral("DeviceId"));
    QCOMPARE(table->columns.at(9).name, QStringLiteral("FileSize"));
    QCOMPARE(table->columns.at(9).type, KqlType::Long);
    QCOMPARE(table->columnIndex(u"ProcessCommandLine"), 17);
    QCOMPARE(table->columnIndex(u"processcommandline"), -1);
    QCOMPARE(table->columnIndex(u"NoSuchColumn"), -1);
}

void TestHuntingSchema::jsonTextColumnsAreMarked()
{
    const HuntingTable *info = HuntingSchema::defender().table(u"DeviceInfo");
    QVERIFY(info);
    const HuntingColumn &users = info->columns.at(info->columnIndex(u"LoggedOnUsers"));
    QCOMPARE(users.type, KqlType::String);
    QVERIFY(users.jsonText);
    QVERIFY(!info->columns.at(info->columnIndex(u"DeviceName")).jsonText);
}

void TestHuntingSchema::deviceReportKey()
{
    QVERIFY(HuntingSchema::defender().table(u"DeviceProcessEvents")->hasDeviceReportKey());
    QVERIFY(!HuntingSchema::defender().table(u"EmailEvents")->hasDeviceReportKey());
}

void TestHuntingSchema::typeNames()
{
    for (KqlType type :
         {KqlType::Bool, KqlType::Int, KqlType::Long, KqlType::Real, KqlType::Decimal,
          KqlType::DateTime, KqlType::TimeSpan, KqlType::String, KqlType::Guid, KqlType::Dynamic}) {
        QCOMPARE(kqlTypeFromName(kqlTypeName(type)), std::optional<KqlType>(type));
    }
    QCOMPARE(kqlTypeFromName(u"boolean"), std::optional<KqlType>(KqlType::Bool));
    QCOMPARE(kqlTypeFromName(u"double"), std::optional<KqlType>(KqlType::Real));
    QCOMPARE(kqlTypeFromName(u"varchar"), std::nullopt);
}

void TestHuntingSchema::functions()
{
    const QList<HuntingFunction> &functions = HuntingSchema::defender().functions();
    const auto fileProfile
            = std::find_if(functions.begin(), functions.end(),
                           [](const HuntingFunction &f) { return f.name == u"FileProfile"; });
    QVERIFY(fileProfile != functions.end());
    QCOMPARE(fileProfile->form, QStringLiteral("invoke"));
    QVERIFY(std::any_of(fileProfile->columns.begin(), fileProfile->columns.end(),
                        [](const HuntingColumn &c) { return c.name == u"GlobalPrevalence"; }));
}

void TestHuntingSchema::rejectsMalformedDocuments()
{
    QString error;
    QVERIFY(!HuntingSchema::fromJson("[]", &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!HuntingSchema::fromJson(R"({"tables": {}})", &error));
    QVERIFY(!HuntingSchema::fromJson(R"({"tables": {"T": [["A", "varchar"]]}})", &error));
    QVERIFY2(error.contains(QLatin1String("T")), qPrintable(error));
    const auto ok = HuntingSchema::fromJson(
            R"({"tables": {"T": [["A", "long"], ["B", "string"]]}})", &error);
    QVERIFY(ok);
    QCOMPARE(ok->tables().at(0).columns.size(), 2);
}

QTEST_GUILESS_MAIN(TestHuntingSchema)
#include "tst_huntingschema.moc"
