// vigilctl on the embedded demo tenant: its hunting events stream from the tenant's own storage
// account into the hunting tables, and a hunt on the device of a demo incident finds that
// device's process events.

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestVigilctlDemoHunt : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void eventsPullFillsTheTables();
    void syncOnceReadsOnWithoutRejects();
    void huntFindsTheIncidentDevice();
    void seenByShowsTheTenantsDeviceDiscovery();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Run vigilctl(const QStringList &arguments, const QProcessEnvironment &extra = {});
    QStringList demo(const QStringList &arguments) const
    {
        return QStringList{QStringLiteral("--demo"), QStringLiteral("--data-dir"), m_dataDir.path()}
               + arguments;
    }

    QTemporaryDir m_dataDir;
    int m_pullHour = -1; // the demo tenant is generated for the top of the hour
};

TestVigilctlDemoHunt::Run TestVigilctlDemoHunt::vigilctl(const QStringList &arguments,
                                                         const QProcessEnvironment &extra)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *key : {"AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET",
                            "VIGIL_DATA_DIR", "VIGIL_STORAGE_URL", "VIGIL_STORAGE_SAS"})
        environment.remove(QLatin1String(key));
    for (const QString &key : extra.keys())
        environment.insert(key, extra.value(key));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(VIGILCTL_PATH), arguments);
    if (!process.waitForFinished(240000)) {
        process.kill();
        process.waitForFinished();
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

void TestVigilctlDemoHunt::initTestCase()
{
    QVERIFY(m_dataDir.isValid());
}

void TestVigilctlDemoHunt::eventsPullFillsTheTables()
{
    m_pullHour = QDateTime::currentDateTimeUtc().time().hour();
    const Run pull = vigilctl(
            demo({QStringLiteral("events"), QStringLiteral("pull"), QStringLiteral("--once"),
                  QStringLiteral("--format"), QStringLiteral("json")}));
    QVERIFY2(pull.exitCode == 0, pull.err.constData());
    const QJsonArray passes
            = QJsonDocument::fromJson(pull.out).object().value(QLatin1String("tables")).toArray();
    QHash<QString, QJsonObject> byTable;
    for (const auto &table : passes)
        byTable.insert(table[QLatin1String("table")].toString(), table.toObject());
    const QStringList streamed{
            QStringLiteral("DeviceProcessEvents"), QStringLiteral("DeviceNetworkEvents"),
            QStringLiteral("DeviceFileEvents"),    QStringLiteral("DeviceLogonEvents"),
            QStringLiteral("DeviceInfo"),          QStringLiteral("EmailEvents"),
            QStringLiteral("IdentityLogonEvents")};
    for (const QString &name : streamed) {
        const QJsonObject table = byTable.value(name);
        QCOMPARE(table.value(QLatin1String("state")).toString(), QStringLiteral("read"));
        QVERIFY2(table.value(QLatin1String("rows")).toInteger() >= 1000, qPrintable(name));
        QCOMPARE(table.value(QLatin1String("rejected")).toInteger(), 0);
    }
    QCOMPARE(byTable.value(QStringLiteral("CloudAppEvents"))
                     .value(QLatin1String("state"))
                     .toString(),
             QStringLiteral("not streamed"));

    const Run tables = vigilctl({QStringLiteral("--data-dir"), m_dataDir.path(),
                                 QStringLiteral("tables"), QStringLiteral("list"),
                                 QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(tables.exitCode == 0, tables.err.constData());
    int filled = 0;
    for (const auto &table : QJsonDocument::fromJson(tables.out).array()) {
        const QString name = table[QLatin1String("table")].toString();
        const qint64 rows = table[QLatin1String("rows")].toInteger();
        if (streamed.contains(name)) {
            QCOMPARE(rows, byTable.value(name).value(QLatin1String("rows")).toInteger());
            QVERIFY(!table[QLatin1String("newest")].toString().isEmpty());
            ++filled;
        }
    }
    QCOMPARE(filled, static_cast<int>(streamed.size()));
}

void TestVigilctlDemoHunt::syncOnceReadsOnWithoutRejects()
{
    // sync --once brings the incidents and reads what is new in the demo's storage account: the
    // same tenant within the hour, so nothing is read twice or cut in the middle of a line.
    const Run sync = vigilctl(demo({QStringLiteral("sync"), QStringLiteral("--once")}));
    QVERIFY2(sync.exitCode == 0, sync.err.constData());
    QVERIFY2(sync.out.contains("Synced"), sync.out.constData());
    QVERIFY2(sync.out.contains("Hunting events:"), sync.out.constData());
    // One cycle also fetches Defender's functions for what the events and incidents name.
    QVERIFY2(sync.out.contains("For local hunts: 200 file profiles and "), sync.out.constData());
    QVERIFY2(!sync.out.contains(" and 0 SeenBy() answers"), sync.out.constData());
    if (QDateTime::currentDateTimeUtc().time().hour() != m_pullHour)
        QSKIP("A new hour began between the two runs: the demo tenant is another one.");
    QVERIFY2(sync.out.contains(" 0 lines rejected."), sync.out.constData());
}

void TestVigilctlDemoHunt::huntFindsTheIncidentDevice()
{
    const Run list = vigilctl({QStringLiteral("--data-dir"), m_dataDir.path(),
                               QStringLiteral("incidents"), QStringLiteral("list"),
                               QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(list.exitCode == 0, list.err.constData());
    const QDateTime recent = QDateTime::currentDateTimeUtc().addDays(-5);
    QString device;
    int shown = 0;
    for (const auto &value : QJsonDocument::fromJson(list.out).array()) {
        const QJsonObject incident = value.toObject();
        // A recent incident, small enough that every alert has its story in the events.
        const QDateTime created = QDateTime::fromString(
                incident[QLatin1String("createdTime")].toString(), Qt::ISODateWithMs);
        if (created < recent || incident[QLatin1String("alertCount")].toInt() > 8
            || incident[QLatin1String("status")].toString() == QLatin1String("Closed"))
            continue;
        if (++shown > 25)
            break;
        const Run show = vigilctl({QStringLiteral("--data-dir"), m_dataDir.path(),
                                   QStringLiteral("incident"), QStringLiteral("show"),
                                   QString::number(incident[QLatin1String("number")].toInteger()),
                                   QStringLiteral("--format"), QStringLiteral("json")});
        const QByteArray text = show.out;
        const qsizetype kind = text.indexOf("\"kind\": \"device\"");
        if (kind < 0)
            continue;
        const qsizetype valueAt = text.indexOf("\"value\": \"", kind);
        device = QString::fromUtf8(
                text.mid(valueAt + 10, text.indexOf('"', valueAt + 10) - valueAt - 10));
        break;
    }
    QVERIFY2(device.endsWith(QLatin1String(".contoso.local")), qPrintable(device));

    const Run hunt = vigilctl(
            {QStringLiteral("--data-dir"), m_dataDir.path(), QStringLiteral("hunt"),
             QStringLiteral("DeviceProcessEvents | where DeviceName == \"%1\" | count").arg(device),
             QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(hunt.exitCode == 0, hunt.err.constData());
    const QJsonArray rows
            = QJsonDocument::fromJson(hunt.out).object().value(QLatin1String("rows")).toArray();
    QCOMPARE(rows.size(), 1);
    QVERIFY2(rows.first().toArray().first().toInteger() > 0, hunt.out.constData());
}

// What `sync --once` fetched from the demo tenant's SeenBy(): every device of DeviceInfo has an
// answer, most were seen by another device, some by none ([]).
void TestVigilctlDemoHunt::seenByShowsTheTenantsDeviceDiscovery()
{
    const Run hunt
            = vigilctl({QStringLiteral("--data-dir"), m_dataDir.path(), QStringLiteral("hunt"),
                        QStringLiteral("DeviceInfo | distinct DeviceId | invoke SeenBy() | "
                                       "summarize devices = count(), known = "
                                       "countif(isnotnull(SeenBy)), seen = "
                                       "countif(array_length(SeenBy) > 0)"),
                        QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(hunt.exitCode == 0, hunt.err.constData());
    const QJsonArray row = QJsonDocument::fromJson(hunt.out)
                                   .object()
                                   .value(QLatin1String("rows"))
                                   .toArray()
                                   .first()
                                   .toArray();
    QCOMPARE(row.size(), 3);
    const qint64 devices = row[0].toInteger();
    QVERIFY2(devices > 10, hunt.out.constData());
    QCOMPARE(row[1].toInteger(), devices);
    QVERIFY2(row[2].toInteger() > 0 && row[2].toInteger() < devices, hunt.out.constData());
}

QTEST_MAIN(TestVigilctlDemoHunt)
#include "tst_vigilctldemohunt.moc"
