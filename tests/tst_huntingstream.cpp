// The connector page's "Storage account" part end to end: a real Azurite filled the way the
// Defender streaming API fills it, read by the window's EventStreamController on its own thread
// into a real event store, with the counts shown in the Hunting tables box.
#include "azurite.h"
#include "blobstreamreader.h"
#include "connectorpage.h"
#include "eventcontroller.h"
#include "eventstreamcontroller.h"
#include "huntingtablesbox.h"
#include "pluralforms.h"
#include "storageaccountbox.h"
#include "storageconnection.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUrlQuery>

#include <memory>

using namespace Vigil;
using namespace Vigil::Test;

namespace {

const QString kTable = QStringLiteral("DeviceProcessEvents");
const QString kBlob = QStringLiteral(
        "tenantId=00000000-0000-0000-0000-000000000001/y=2026/m=12/d=06/h=07/m=00/PT1H.json");

/** One streaming record of DeviceProcessEvents, as the streaming API writes it, with a line
 *  end. The file name carries markup, which the window must show as text. */
QByteArray record(int n)
{
    const QJsonObject properties{
            {QStringLiteral("Timestamp"),
             QStringLiteral("2026-12-06T07:%1:00.1234567Z").arg(n % 60, 2, 10, QLatin1Char('0'))},
            {QStringLiteral("DeviceId"), QStringLiteral("device-%1").arg(n % 3)},
            {QStringLiteral("DeviceName"), QStringLiteral("host%1.contoso.com").arg(n % 3)},
            {QStringLiteral("ActionType"), QStringLiteral("ProcessCreated")},
            {QStringLiteral("FileName"), QStringLiteral("<b>cmd</b>.exe")},
            {QStringLiteral("ReportId"), n},
    };
    const QJsonObject line{
            {QStringLiteral("time"), QStringLiteral("2026-12-06T07:00:01Z")},
            {QStringLiteral("tenantId"), QStringLiteral("00000000-0000-0000-0000-000000000001")},
            {QStringLiteral("operationName"), QStringLiteral("Publish")},
            {QStringLiteral("category"), QStringLiteral("AdvancedHunting-DeviceProcessEvents")},
            {QStringLiteral("properties"), properties}};
    return QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
}

QByteArray records(int from, int to)
{
    QByteArray data;
    for (int n = from; n < to; ++n)
        data += record(n);
    return data;
}

QTreeWidgetItem *tableRow(HuntingTablesBox *box, const QString &table)
{
    auto *tree = box->findChild<QTreeWidget *>(QStringLiteral("huntingTables"));
    for (int i = 0; tree && i < tree->topLevelItemCount(); ++i) {
        if (tree->topLevelItem(i)->text(HuntingTablesBox::Table) == table)
            return tree->topLevelItem(i);
    }
    return nullptr;
}

QString rowText(HuntingTablesBox *box, const QString &table, int column)
{
    QTreeWidgetItem *item = tableRow(box, table);
    return item ? item->text(column) : QStringLiteral("<no row for %1>").arg(table);
}

template<typename T>
T *child(QWidget *parent, const char *name)
{
    return parent->findChild<T *>(QLatin1String(name));
}

/** The window's hunting part: a store, its streaming controller and the connector page. */
struct Window
{
    explicit Window(const QString &dir)
    {
        QSignalSpy opened(&events, &EventController::opened);
        events.start(QDir(dir).filePath(QStringLiteral("events.sqlite")));
        if (!opened.wait(10'000) || opened.first().first().value<std::optional<Error>>())
            qWarning("the event store did not open");
        stream = std::make_unique<EventStreamController>(&events);
        stream->setInterval(std::chrono::milliseconds(0));
        page.setEventController(&events);
        page.setEventStreamController(stream.get());
        page.resize(1400, 900);
        page.show();
    }
    ~Window() { stream.reset(); }

    EventController events;
    ConnectorPage page{nullptr};
    std::unique_ptr<EventStreamController> stream;
};

} // namespace

class TestHuntingStream : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void pullShowsRowsAndOnlyNewOnes();
    void refusedSasInTheEnvironmentSaysWhatIsMissing();
    void refusedSasOnConnectSavesNothing();
    void connectKeepsTheAccountAndPulls();
    void onePassAtATimeStopAndTimer();
    void quitDuringAPassStopsAtOnce();

private:
    QProcessEnvironment environmentWith(const QString &sas) const
    {
        QProcessEnvironment environment;
        environment.insert(QString::fromLatin1(kStorageUrlVariable),
                           m_azurite.endpoint().toString());
        environment.insert(QString::fromLatin1(kStorageSasVariable), sas);
        return environment;
    }
    QString readListSas() const
    {
        return m_azurite.accountSas(QStringLiteral("rl"),
                                    QDateTime::currentDateTimeUtc().addDays(1));
    }

    Azurite m_azurite;
};

void TestHuntingStream::initTestCase()
{
    // The window's counted strings in English, as the application installs them.
    QVERIFY(installPluralForms());
    if (Azurite::executable().isEmpty()) {
        if (Azurite::requiredHere())
            QFAIL(qPrintable(Azurite::missingAdvice()));
        QSKIP(qPrintable(Azurite::missingAdvice()));
    }
    QVERIFY2(m_azurite.start(), qPrintable(m_azurite.lastError()));
    QVERIFY(m_azurite.createContainer(BlobStreamReader::containerFor(kTable)));
}

void TestHuntingStream::pullShowsRowsAndOnlyNewOnes()
{
    const QString container = BlobStreamReader::containerFor(kTable);
    QVERIFY2(m_azurite.writeAppendBlob(container, kBlob, records(0, 5)),
             qPrintable(m_azurite.lastError()));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Window window(dir.path());
    auto *box = window.page.storageAccount();
    QVERIFY(box);
    HuntingTablesBox *tables = window.page.huntingTables();
    QVERIFY(tables);
    auto *account = child<QLabel>(box, "storageAccountUrl");
    auto *lastPass = child<QLabel>(box, "storageLastPass");
    auto *pullNow = child<QPushButton>(box, "storagePullNowButton");
    auto *message = child<QLabel>(box, "storageMessage");
    QVERIFY(account && lastPass && pullNow && message);
    for (QLabel *label : box->findChildren<QLabel *>())
        QCOMPARE(label->textFormat(), Qt::PlainText);
    QCOMPARE(account->text(), QStringLiteral("not connected"));
    QVERIFY(!pullNow->isEnabled());

    // The environment's account: a first pass starts by itself.
    QSignalSpy finished(window.stream.get(), &EventStreamController::passFinished);
    window.stream->start(SyncConfig(), dir.path(), environmentWith(readListSas()));
    QVERIFY(finished.wait(60'000));
    QVERIFY2(account->text().startsWith(m_azurite.endpoint().toString()),
             qPrintable(account->text()));
    QTRY_COMPARE(rowText(tables, kTable, HuntingTablesBox::Rows), QStringLiteral("5"));
    QCOMPARE(rowText(tables, kTable, HuntingTablesBox::Streaming), QStringLiteral("read, 5 new"));
    // Tables without a container are not streamed: said so, not an error.
    QCOMPARE(rowText(tables, QStringLiteral("DeviceInfo"), HuntingTablesBox::Streaming),
             QStringLiteral("not streamed"));
    QVERIFY2(lastPass->text().contains(
                     QLatin1String("5 rows stored, 0 duplicates skipped, 0 lines rejected")),
             qPrintable(lastPass->text()));
    QVERIFY2(message->isHidden(), qPrintable(message->text()));
    QVERIFY(pullNow->isEnabled());

    // The blob grows: two new records, one already read (its dedupe key repeats), half a line.
    const QByteArray next = record(5) + record(6) + record(2);
    const QByteArray split = record(7);
    QVERIFY(m_azurite.appendBlock(container, kBlob, next + split.left(20)));
    QTest::mouseClick(pullNow, Qt::LeftButton);
    QVERIFY(!pullNow->isEnabled());
    QVERIFY(finished.wait(60'000));
    QTRY_COMPARE(rowText(tables, kTable, HuntingTablesBox::Rows), QStringLiteral("7"));
    QVERIFY2(lastPass->text().contains(
                     QLatin1String("2 rows stored, 1 duplicate skipped, 0 lines rejected")),
             qPrintable(lastPass->text()));

    // The rest of the split line, and a line that is not a record.
    QVERIFY(m_azurite.appendBlock(container, kBlob, split.mid(20) + "{not json\n"));
    QTest::mouseClick(pullNow, Qt::LeftButton);
    QVERIFY(finished.wait(60'000));
    QTRY_COMPARE(rowText(tables, kTable, HuntingTablesBox::Rows), QStringLiteral("8"));
    QCOMPARE(rowText(tables, kTable, HuntingTablesBox::Streaming), QStringLiteral("read, 1 new"));
    QVERIFY2(lastPass->text().contains(
                     QLatin1String("1 row stored, 0 duplicates skipped, 1 line rejected")),
             qPrintable(lastPass->text()));

    // Nothing new: nothing added.
    QTest::mouseClick(pullNow, Qt::LeftButton);
    QVERIFY(finished.wait(60'000));
    QVERIFY2(lastPass->text().contains(QLatin1String("0 rows stored")),
             qPrintable(lastPass->text()));
    QTRY_COMPARE(rowText(tables, kTable, HuntingTablesBox::Rows), QStringLiteral("8"));

    // `vigilctl events status` reads the window's last pass from the same file.
    QVERIFY(QFile::exists(QDir(dir.path()).filePath(QStringLiteral("storage-status.ini"))));

    const QString screenshot = qEnvironmentVariable("VIGIL_STREAM_SCREENSHOT");
    if (!screenshot.isEmpty())
        QVERIFY(window.page.grab().toImage().save(screenshot, "PNG"));
}

void TestHuntingStream::refusedSasInTheEnvironmentSaysWhatIsMissing()
{
    // A SAS signed with the wrong key: the pass stops, the message names the permissions Vigil
    // needs and holds no part of the secret.
    QString forged = readListSas();
    const qsizetype sig = forged.indexOf(QLatin1String("sig="));
    QVERIFY(sig >= 0);
    forged = forged.left(sig) + QStringLiteral("sig=AAAAsecretlookingAAAA%3D");
    QTemporaryDir dir;
    Window window(dir.path());
    QSignalSpy finished(window.stream.get(), &EventStreamController::passFinished);
    window.stream->start(SyncConfig(), dir.path(), environmentWith(forged));
    QVERIFY(finished.wait(60'000));
    auto *message = child<QLabel>(window.page.storageAccount(), "storageMessage");
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(QLatin1String("Read and List")), qPrintable(message->text()));
    for (QLabel *label : window.page.findChildren<QLabel *>())
        QVERIFY2(!label->text().contains(QLatin1String("secretlooking")),
                 qPrintable(label->text()));
}

void TestHuntingStream::refusedSasOnConnectSavesNothing()
{
    QTemporaryDir dir;
    Window window(dir.path());
    QSignalSpy accountLoaded(window.stream.get(), &EventStreamController::accountChanged);
    window.stream->start(SyncConfig(), dir.path(), QProcessEnvironment());
    QTRY_COMPARE(accountLoaded.size(), 1);
    StorageAccountBox *box = window.page.storageAccount();
    auto *connectButton = child<QPushButton>(box, "storageConnectButton");
    auto *form = child<QWidget>(box, "storageConnectForm");
    QVERIFY(form->isHidden());
    QTest::mouseClick(connectButton, Qt::LeftButton);
    QVERIFY(form->isVisible());
    auto *secret = child<QLineEdit>(box, "storageSecretEdit");
    QCOMPARE(secret->echoMode(), QLineEdit::Password);

    // A read-only SAS cannot list: refused, with the permission it lacks; nothing is kept.
    const QString readOnly
            = m_azurite.accountSas(QStringLiteral("r"), QDateTime::currentDateTimeUtc().addDays(1));
    const QString signature = QUrlQuery(readOnly).queryItemValue(QStringLiteral("sig"));
    child<QLineEdit>(box, "storageUrlEdit")->setText(m_azurite.endpoint().toString());
    secret->setText(QLatin1Char('?') + readOnly);
    QSignalSpy connected(window.stream.get(), &EventStreamController::connectFinished);
    QTest::mouseClick(child<QPushButton>(box, "storageConnectConfirm"), Qt::LeftButton);
    QVERIFY(connected.wait(60'000));
    QVERIFY(connected.first().first().value<std::optional<Error>>().has_value());
    auto *message = child<QLabel>(box, "storageMessage");
    QVERIFY2(message->text().startsWith(QLatin1String("Not connected:")),
             qPrintable(message->text()));
    QVERIFY2(message->text().contains(QLatin1String("List")), qPrintable(message->text()));
    for (QLabel *label : window.page.findChildren<QLabel *>()) {
        QVERIFY2(!label->text().contains(signature), qPrintable(label->text()));
        QVERIFY2(!label->text().contains(QLatin1String("sig=")), qPrintable(label->text()));
    }
    QVERIFY(!QFile::exists(StorageConnection::filePath(dir.path())));
    QCOMPARE(child<QLabel>(box, "storageAccountUrl")->text(), QStringLiteral("not connected"));

    // Markup in the URL is refused as a URL and shown as text.
    child<QLineEdit>(box, "storageUrlEdit")->setText(QStringLiteral("<b>bold</b>"));
    QTest::mouseClick(child<QPushButton>(box, "storageConnectConfirm"), Qt::LeftButton);
    QVERIFY(connected.size() >= 2 || connected.wait(10'000));
    QCOMPARE(message->textFormat(), Qt::PlainText);
    QVERIFY(!QFile::exists(StorageConnection::filePath(dir.path())));
}

void TestHuntingStream::connectKeepsTheAccountAndPulls()
{
    // Needs a Secret Service (tests/support/with-keyring.sh gives the test one).
    if (qEnvironmentVariableIsEmpty("VIGIL_KEYRING_HOME"))
        QSKIP("no keyring session: run under tests/support/with-keyring.sh");
    QTemporaryDir dir;
    Window window(dir.path());
    window.stream->start(SyncConfig(), dir.path(), QProcessEnvironment());
    StorageAccountBox *box = window.page.storageAccount();
    QTest::mouseClick(child<QPushButton>(box, "storageConnectButton"), Qt::LeftButton);
    child<QLineEdit>(box, "storageUrlEdit")->setText(m_azurite.endpoint().toString());
    child<QLineEdit>(box, "storageSecretEdit")->setText(readListSas());
    QSignalSpy connected(window.stream.get(), &EventStreamController::connectFinished);
    QSignalSpy finished(window.stream.get(), &EventStreamController::passFinished);
    QTest::mouseClick(child<QPushButton>(box, "storageConnectConfirm"), Qt::LeftButton);
    QVERIFY(connected.wait(60'000));
    const auto error = connected.first().first().value<std::optional<Error>>();
    QVERIFY2(!error, qPrintable(error ? error->message : QString()));
    QVERIFY(StorageConnection::load(dir.path()).isValid());
    QVERIFY(child<QWidget>(box, "storageConnectForm")->isHidden());
    QVERIFY(child<QLineEdit>(box, "storageSecretEdit")->text().isEmpty());
    // The first pass starts by itself and reads what the blob holds (the first test's rows).
    QVERIFY(finished.wait(60'000));
    QTRY_COMPARE(rowText(window.page.huntingTables(), kTable, HuntingTablesBox::Rows),
                 QStringLiteral("8"));
    QVERIFY(child<QLabel>(box, "storageAccountUrl")
                    ->text()
                    .startsWith(m_azurite.endpoint().toString()));

    // Disconnect forgets it.
    QTest::mouseClick(child<QPushButton>(box, "storageDisconnectButton"), Qt::LeftButton);
    QVERIFY(connected.wait(30'000));
    QTRY_COMPARE(child<QLabel>(box, "storageAccountUrl")->text(), QStringLiteral("not connected"));
    QVERIFY(!StorageConnection::load(dir.path()).isValid());
}

void TestHuntingStream::onePassAtATimeStopAndTimer()
{
    QTemporaryDir dir;
    Window window(dir.path());
    QSignalSpy started(window.stream.get(), &EventStreamController::passStarted);
    QSignalSpy finished(window.stream.get(), &EventStreamController::passFinished);
    window.stream->start(SyncConfig(), dir.path(), environmentWith(readListSas()));
    QTRY_COMPARE(started.size(), 1);
    StorageAccountBox *box = window.page.storageAccount();
    auto *stop = child<QPushButton>(box, "storageStopButton");
    auto *pullNow = child<QPushButton>(box, "storagePullNowButton");
    QVERIFY(stop->isEnabled());
    QVERIFY(!pullNow->isEnabled());
    // Asked again while it runs: still one pass.
    window.stream->pullNow();
    window.stream->pullNow();
    QVERIFY(finished.wait(60'000));
    QTest::qWait(200);
    QCOMPARE(started.size(), 1);
    QCOMPARE(finished.size(), 1);
    QVERIFY(!stop->isEnabled());
    QVERIFY(pullNow->isEnabled());

    // Stop: the pass ends as stopped, which is not an error, and the next one works.
    QTest::mouseClick(pullNow, Qt::LeftButton);
    QTest::mouseClick(stop, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 60'000);
    const auto stopped = finished.last().first().value<EventStreamPass>();
    QVERIFY(stopped.cancelled);
    QVERIFY(child<QLabel>(box, "storageMessage")->isHidden());
    QVERIFY(pullNow->isEnabled());

    // The timer starts passes by itself.
    const qsizetype before = finished.size();
    window.stream->setInterval(std::chrono::milliseconds(300));
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= before + 2, 60'000);
    const auto timed = finished.last().first().value<EventStreamPass>();
    QVERIFY(!timed.error);
    QCOMPARE(timed.rows, 0); // the blob was read by the first pass
}

void TestHuntingStream::quitDuringAPassStopsAtOnce()
{
    // Many blobs, so that the pass is still running when the window goes.
    const QString container = BlobStreamReader::containerFor(QStringLiteral("DeviceFileEvents"));
    QVERIFY(m_azurite.createContainer(container));
    for (int i = 0; i < 40; ++i)
        QVERIFY(m_azurite.writeAppendBlob(
                container, QStringLiteral("y=2026/m=12/d=06/h=%1/m=00/PT1H.json").arg(i),
                QByteArray("{\"category\":\"AdvancedHunting-DeviceFileEvents\",\"properties\":"
                           "{\"DeviceId\":\"d\",\"ReportId\":")
                        + QByteArray::number(i) + "}}\n"));
    QTemporaryDir dir;
    auto window = std::make_unique<Window>(dir.path());
    QSignalSpy progressed(window->stream.get(), &EventStreamController::progressed);
    QSignalSpy finished(window->stream.get(), &EventStreamController::passFinished);
    window->stream->start(SyncConfig(), dir.path(), environmentWith(readListSas()));
    QVERIFY(progressed.wait(60'000));
    const bool stillRunning = finished.isEmpty();
    QElapsedTimer timer;
    timer.start();
    window.reset();
    QVERIFY2(timer.elapsed() < 5'000, qPrintable(QString::number(timer.elapsed())));
    if (!stillRunning)
        qInfo("the pass was over before the window closed");
    QVERIFY(m_azurite.deleteContainer(container));
}

QTEST_MAIN(TestHuntingStream)
#include "tst_huntingstream.moc"
