// vigilctl events pull --once / events status end to end: the real executable reads a real
// Azurite (as the Defender streaming API fills it) into the hunting tables, incrementally.
#include "azurite.h"
#include "blobstreamreader.h"
#include "storageconnection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Vigil;
using namespace Vigil::Test;

namespace {

const QString kTable = QStringLiteral("DeviceProcessEvents");
const QString kBlob = QStringLiteral(
        "tenantId=00000000-0000-0000-0000-000000000001/y=2026/m=12/d=06/h=07/m=00/PT1H.json");

/** One streaming record of DeviceProcessEvents, as the streaming API writes it. */
QByteArray record(int n, const QString &fileName = QStringLiteral("cmd.exe"))
{
    const QJsonObject properties{
            {QStringLiteral("Timestamp"),
             QStringLiteral("2026-12-06T07:%1:00.1234567Z").arg(n % 60, 2, 10, QLatin1Char('0'))},
            {QStringLiteral("DeviceId"), QStringLiteral("device-%1").arg(n % 3)},
            {QStringLiteral("DeviceName"), QStringLiteral("host%1.contoso.com").arg(n % 3)},
            {QStringLiteral("ActionType"), QStringLiteral("ProcessCreated")},
            {QStringLiteral("FileName"), fileName},
            {QStringLiteral("ProcessCommandLine"),
             QStringLiteral("%1 /c echo %2").arg(fileName).arg(n)},
            {QStringLiteral("ReportId"), n},
    };
    const QJsonObject line{
            {QStringLiteral("time"), QStringLiteral("2026-12-06T07:00:01Z")},
            {QStringLiteral("tenantId"), QStringLiteral("00000000-0000-0000-0000-000000000001")},
            {QStringLiteral("operationName"), QStringLiteral("Publish")},
            {QStringLiteral("category"), QStringLiteral("AdvancedHunting-DeviceProcessEvents")},
            {QStringLiteral("properties"), properties}};
    return QJsonDocument(line).toJson(QJsonDocument::Compact);
}

} // namespace

class TestVigilctlEventPull : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void pullsOnlyWhatIsNew();
    void withoutAnAccountSaysWhatToDo();
    void refusedCredentialFailsAndStoresNothing();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run vigilctl(const QStringList &arguments, const QString &sas = {});
    QJsonObject pull(const QString &sas);

    Azurite m_azurite;
    QTemporaryDir m_dataDir;
    QString m_container;
};

void TestVigilctlEventPull::initTestCase()
{
    if (Azurite::executable().isEmpty()) {
        if (Azurite::requiredHere())
            QFAIL(qPrintable(Azurite::missingAdvice()));
        QSKIP(qPrintable(Azurite::missingAdvice()));
    }
    QVERIFY(m_dataDir.isValid());
    QVERIFY2(m_azurite.start(), qPrintable(m_azurite.lastError()));
    m_container = BlobStreamReader::containerFor(kTable);
    QVERIFY(m_azurite.createContainer(m_container));
}

TestVigilctlEventPull::Run TestVigilctlEventPull::vigilctl(const QStringList &arguments,
                                                           const QString &sas)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("VIGIL_DATA_DIR"));
    environment.remove(QString::fromLatin1(kStorageUrlVariable));
    environment.remove(QString::fromLatin1(kStorageSasVariable));
    if (!sas.isNull()) {
        environment.insert(QString::fromLatin1(kStorageUrlVariable),
                           m_azurite.endpoint().toString());
        environment.insert(QString::fromLatin1(kStorageSasVariable), sas);
    }
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(VIGILCTL_PATH),
                  QStringList{QStringLiteral("--data-dir"), m_dataDir.path()} + arguments);
    if (!process.waitForStarted(10'000) || !process.waitForFinished(120'000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QJsonObject TestVigilctlEventPull::pull(const QString &sas)
{
    const Run run
            = vigilctl({QStringLiteral("events"), QStringLiteral("pull"), QStringLiteral("--once"),
                        QStringLiteral("--format"), QStringLiteral("json")},
                       sas);
    if (run.exitCode != 0)
        qWarning("events pull exited %d: %s", run.exitCode, qPrintable(run.err));
    for (const auto &table : QJsonDocument::fromJson(run.out.toUtf8())
                                     .object()
                                     .value(QLatin1String("tables"))
                                     .toArray()) {
        if (table.toObject().value(QLatin1String("table")).toString() == kTable)
            return table.toObject();
    }
    return {};
}

void TestVigilctlEventPull::pullsOnlyWhatIsNew()
{
    const QString sas = m_azurite.accountSas(QStringLiteral("rl"),
                                             QDateTime::currentDateTimeUtc().addDays(1));
    QVERIFY(m_azurite.createAppendBlob(m_container, kBlob));
    QVERIFY(m_azurite.appendBlock(m_container, kBlob,
                                  record(1) + '\n' + record(2) + '\n' + record(3) + '\n'));

    QJsonObject first = pull(sas);
    QCOMPARE(first.value(QLatin1String("state")).toString(), QStringLiteral("read"));
    QCOMPARE(first.value(QLatin1String("rows")).toInteger(), 3);
    QCOMPARE(first.value(QLatin1String("duplicates")).toInteger(), 0);

    // Nothing new: nothing read, nothing stored.
    QJsonObject again = pull(sas);
    QCOMPARE(again.value(QLatin1String("rows")).toInteger(), 0);
    QCOMPARE(again.value(QLatin1String("blobsRead")).toInteger(), 0);

    // The blob grows by one line and the first half of another: only the complete one is stored,
    // the other once its second half arrives.
    const QByteArray fifth = record(5, QStringLiteral("power\"shell.exe"));
    QVERIFY(m_azurite.appendBlock(m_container, kBlob, record(4) + '\n' + fifth.left(40)));
    QCOMPARE(pull(sas).value(QLatin1String("rows")).toInteger(), 1);
    QVERIFY(m_azurite.appendBlock(m_container, kBlob, fifth.mid(40) + '\n'));
    QCOMPARE(pull(sas).value(QLatin1String("rows")).toInteger(), 1);

    // tables list and events status agree: five rows, the checkpoint at the end of the blob.
    const Run tables = vigilctl({QStringLiteral("tables"), QStringLiteral("list"),
                                 QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(tables.exitCode, 0);
    qint64 rows = -1;
    for (const auto &table : QJsonDocument::fromJson(tables.out.toUtf8()).array()) {
        if (table.toObject().value(QLatin1String("table")).toString() == kTable)
            rows = table.toObject().value(QLatin1String("rows")).toInteger();
    }
    QCOMPARE(rows, 5);
    const Run status = vigilctl({QStringLiteral("events"), QStringLiteral("status"),
                                 QStringLiteral("--format"), QStringLiteral("json")},
                                sas);
    QCOMPARE(status.exitCode, 0);
    const QJsonObject document = QJsonDocument::fromJson(status.out.toUtf8()).object();
    QCOMPARE(document.value(QLatin1String("storageAccount")).toString(),
             m_azurite.endpoint().toString());
    const qint64 blobBytes = record(1).size() + record(2).size() + record(3).size()
                             + record(4).size() + fifth.size() + 5;
    bool seen = false;
    for (const auto &table : document.value(QLatin1String("tables")).toArray()) {
        const QJsonObject entry = table.toObject();
        if (entry.value(QLatin1String("table")).toString() != kTable)
            continue;
        seen = true;
        QCOMPARE(entry.value(QLatin1String("rows")).toInteger(), 5);
        QCOMPARE(entry.value(QLatin1String("state")).toString(), QStringLiteral("read"));
        const QJsonArray checkpoints = entry.value(QLatin1String("checkpoints")).toArray();
        QCOMPARE(checkpoints.size(), 1);
        QCOMPARE(checkpoints.at(0).toObject().value(QLatin1String("blob")).toString(), kBlob);
        QCOMPARE(checkpoints.at(0).toObject().value(QLatin1String("offset")).toInteger(),
                 blobBytes);
    }
    QVERIFY(seen);
}

void TestVigilctlEventPull::withoutAnAccountSaysWhatToDo()
{
    const Run run = vigilctl(
            {QStringLiteral("events"), QStringLiteral("pull"), QStringLiteral("--once")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QLatin1String("events connect")), qPrintable(run.err));
    const Run usage = vigilctl({QStringLiteral("events"), QStringLiteral("pull")});
    QCOMPARE(usage.exitCode, 2);
    QVERIFY2(usage.err.contains(QLatin1String("--once")), qPrintable(usage.err));
}

void TestVigilctlEventPull::refusedCredentialFailsAndStoresNothing()
{
    // A SAS signed with the wrong key: the account refuses it; the message names what is needed
    // and holds no part of the secret.
    const QString good = m_azurite.accountSas(QStringLiteral("rl"),
                                              QDateTime::currentDateTimeUtc().addDays(1));
    QString forged = good;
    const qsizetype sig = forged.indexOf(QLatin1String("sig="));
    QVERIFY(sig >= 0);
    forged = forged.left(sig) + QStringLiteral("sig=AAAAsecretlookingAAAA%3D");
    const Run run = vigilctl(
            {QStringLiteral("events"), QStringLiteral("pull"), QStringLiteral("--once")}, forged);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QLatin1String("List")), qPrintable(run.err));
    QVERIFY2(!run.err.contains(QLatin1String("secretlooking")), qPrintable(run.err));
    QVERIFY2(!run.out.contains(QLatin1String("secretlooking")), qPrintable(run.out));
}

QTEST_GUILESS_MAIN(TestVigilctlEventPull)
#include "tst_vigilctleventpull.moc"
