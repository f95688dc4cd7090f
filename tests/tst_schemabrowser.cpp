// The hunting page's schema browser: the Defender tables and their columns, the rows and time
// range held locally (from a real EventController and store), the filter, and the names it
// inserts on double-click and Enter.
#include "eventcontroller.h"
#include "hunting/schemabrowser.h"
#include "huntingschema.h"

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Vigil;

namespace {

constexpr qint64 TicksAtUnixEpoch = 621355968000000000LL;

qint64 ticks(const QDateTime &utc)
{
    return utc.toMSecsSinceEpoch() * 10000 + TicksAtUnixEpoch;
}

QTreeWidgetItem *tableItem(QTreeWidget *tree, const QString &name)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        if (tree->topLevelItem(i)->text(SchemaBrowser::Name) == name)
            return tree->topLevelItem(i);
    return nullptr;
}

QStringList visibleTables(QTreeWidget *tree)
{
    QStringList names;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        if (!tree->topLevelItem(i)->isHidden())
            names.append(tree->topLevelItem(i)->text(SchemaBrowser::Name));
    return names;
}

EventTablesSnapshot snapshot()
{
    EventTablesSnapshot s;
    EventTableStats process;
    process.settings.table = QStringLiteral("DeviceProcessEvents");
    process.rows = 1234;
    process.oldestTicks = ticks(QDateTime(QDate(2024, 3, 1), QTime(8, 5), Qt::UTC));
    process.newestTicks = ticks(QDateTime(QDate(2024, 3, 2), QTime(17, 30), Qt::UTC));
    EventTableStats network;
    network.settings.table = QStringLiteral("DeviceNetworkEvents");
    network.rows = 0;
    s.tables = {network, process};
    return s;
}

} // namespace

class TestSchemaBrowser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tablesAndColumns();
    void localTablesFirst();
    void filter();
    void insertOnDoubleClickAndEnter();
    void insertableNames_data();
    void insertableNames();
    void storeError();
    void rowsFromTheStore();
};

void TestSchemaBrowser::tablesAndColumns()
{
    SchemaBrowser browser;
    auto *tree = browser.findChild<QTreeWidget *>(QStringLiteral("schemaTree"));
    QVERIFY(tree);
    QCOMPARE(tree->topLevelItemCount(), HuntingSchema::defender().tables().size());
    QTreeWidgetItem *process = tableItem(tree, QStringLiteral("DeviceProcessEvents"));
    QVERIFY(process);
    const HuntingTable *schema = HuntingSchema::defender().table(u"DeviceProcessEvents");
    QCOMPARE(process->childCount(), schema->columns.size());
    // Columns in Defender's order with their KQL types.
    QCOMPARE(process->child(0)->text(SchemaBrowser::Name), QStringLiteral("Timestamp"));
    QCOMPARE(process->child(0)->text(SchemaBrowser::Type), QStringLiteral("datetime"));
    const int commandLine = schema->columnIndex(u"ProcessCommandLine");
    QCOMPARE(process->child(commandLine)->text(SchemaBrowser::Type), QStringLiteral("string"));
    const int processId = schema->columnIndex(u"ProcessId");
    QCOMPARE(process->child(processId)->text(SchemaBrowser::Type), QStringLiteral("long"));
}

void TestSchemaBrowser::localTablesFirst()
{
    SchemaBrowser browser;
    auto *tree = browser.findChild<QTreeWidget *>(QStringLiteral("schemaTree"));
    browser.showTables(snapshot());
    QTreeWidgetItem *first = tree->topLevelItem(0);
    QCOMPARE(first->text(SchemaBrowser::Name), QStringLiteral("DeviceProcessEvents"));
    QVERIFY(first->font(SchemaBrowser::Name).bold());
    QCOMPARE(first->text(SchemaBrowser::Rows), QLocale().toString(1234));
    QCOMPARE(first->text(SchemaBrowser::TimeRange),
             QStringLiteral("2024-03-01 08:05 – 2024-03-02 17:30"));
    // The rest by name; an empty table is not marked as held.
    QTreeWidgetItem *network = tableItem(tree, QStringLiteral("DeviceNetworkEvents"));
    QVERIFY(!network->font(SchemaBrowser::Name).bold());
    QCOMPARE(network->text(SchemaBrowser::Rows), QStringLiteral("none"));
    // For looking at: VIGIL_SCHEMA_SCREENSHOT=file.png keeps a picture.
    if (const QString keep = qEnvironmentVariable("VIGIL_SCHEMA_SCREENSHOT"); !keep.isEmpty()) {
        browser.resize(720, 420);
        browser.show();
        tree->topLevelItem(0)->setExpanded(true);
        QVERIFY(browser.grab().save(keep));
    }
    QVERIFY(tree->topLevelItem(1)->text(SchemaBrowser::Name)
            < tree->topLevelItem(2)->text(SchemaBrowser::Name));
}

void TestSchemaBrowser::filter()
{
    SchemaBrowser browser;
    browser.show();
    auto *tree = browser.findChild<QTreeWidget *>(QStringLiteral("schemaTree"));
    auto *box = browser.findChild<QLineEdit *>(QStringLiteral("schemaFilter"));
    QTest::keyClicks(box, QStringLiteral("processev"));
    QCOMPARE(visibleTables(tree), QStringList{QStringLiteral("DeviceProcessEvents")});
    // A table that matches by name shows all its columns, folded.
    QTreeWidgetItem *process = tableItem(tree, QStringLiteral("DeviceProcessEvents"));
    QVERIFY(!process->child(0)->isHidden());
    QVERIFY(!process->isExpanded());

    // A column name: the tables that have it, opened, only the matching columns shown.
    box->clear();
    QTest::keyClicks(box, QStringLiteral("REMOTEIPTYPE"));
    const QStringList tables = visibleTables(tree);
    QVERIFY(tables.contains(QStringLiteral("DeviceNetworkEvents")));
    QVERIFY(!tables.contains(QStringLiteral("DeviceProcessEvents")));
    QTreeWidgetItem *network = tableItem(tree, QStringLiteral("DeviceNetworkEvents"));
    QVERIFY(network->isExpanded());
    int shown = 0;
    for (int c = 0; c < network->childCount(); ++c)
        if (!network->child(c)->isHidden()) {
            ++shown;
            QCOMPARE(network->child(c)->text(SchemaBrowser::Name), QStringLiteral("RemoteIPType"));
        }
    QCOMPARE(shown, 1);

    box->setText(QStringLiteral("<b>no such thing</b>"));
    QVERIFY(visibleTables(tree).isEmpty());
    box->clear();
    QCOMPARE(visibleTables(tree).size(), tree->topLevelItemCount());
}

void TestSchemaBrowser::insertOnDoubleClickAndEnter()
{
    SchemaBrowser browser;
    browser.resize(500, 600);
    browser.show();
    QVERIFY(QTest::qWaitForWindowExposed(&browser));
    auto *tree = browser.findChild<QTreeWidget *>(QStringLiteral("schemaTree"));
    auto *box = browser.findChild<QLineEdit *>(QStringLiteral("schemaFilter"));
    QSignalSpy inserted(&browser, &SchemaBrowser::insertTextRequested);

    // Keyboard: filter, Enter to go to the list, Enter to insert the table.
    QTest::keyClicks(box, QStringLiteral("DeviceLogonEvents"));
    QTest::keyClick(box, Qt::Key_Return);
    QVERIFY(tree->hasFocus());
    QTest::keyClick(tree->viewport(), Qt::Key_Return);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().first().toString(), QStringLiteral("DeviceLogonEvents"));

    // Mouse: double-click a column.
    QTreeWidgetItem *logon = tableItem(tree, QStringLiteral("DeviceLogonEvents"));
    logon->setExpanded(true);
    QTreeWidgetItem *column = logon->child(1);
    const QRect rect = tree->visualItemRect(column);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(inserted.last().first().toString(), column->text(SchemaBrowser::Name));
}

void TestSchemaBrowser::insertableNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("inserted");
    QTest::newRow("plain") << QStringLiteral("DeviceName") << QStringLiteral("DeviceName");
    QTest::newRow("underscore") << QStringLiteral("_x1") << QStringLiteral("_x1");
    QTest::newRow("space") << QStringLiteral("my col") << QStringLiteral("['my col']");
    QTest::newRow("quote") << QStringLiteral("it's\\") << QStringLiteral("['it\\'s\\\\']");
    QTest::newRow("keyword") << QStringLiteral("project") << QStringLiteral("['project']");
    QTest::newRow("digit first") << QStringLiteral("1st") << QStringLiteral("['1st']");
    QTest::newRow("dash") << QStringLiteral("a-b") << QStringLiteral("['a-b']");
    QTest::newRow("newline") << QStringLiteral("a\nb\x01") << QStringLiteral("['a\\nb\\u0001']");
    QTest::newRow("non-ascii") << QStringLiteral("Zähler") << QStringLiteral("['Zähler']");
}

void TestSchemaBrowser::insertableNames()
{
    QFETCH(QString, name);
    QFETCH(QString, inserted);
    QCOMPARE(SchemaBrowser::insertableName(name), inserted);
}

void TestSchemaBrowser::storeError()
{
    SchemaBrowser browser;
    browser.show();
    EventTablesSnapshot failed;
    Error error;
    error.kind = Error::Kind::Storage;
    error.message = QStringLiteral("<b>disk</b> I/O error");
    failed.error = error;
    browser.showTables(failed);
    auto *message = browser.findChild<QLabel *>(QStringLiteral("schemaMessage"));
    QVERIFY(message->isVisible());
    QCOMPARE(message->textFormat(), Qt::PlainText);
    QVERIFY(message->text().contains(QLatin1String("<b>disk</b> I/O error")));
    browser.showTables(snapshot());
    QVERIFY(!message->isVisible());
}

void TestSchemaBrowser::rowsFromTheStore()
{
    QTemporaryDir dir;
    EventController events;
    QSignalSpy opened(&events, &EventController::opened);
    events.start(dir.filePath(QStringLiteral("events.sqlite")));
    QVERIFY(opened.wait());
    QByteArray content;
    for (int i = 0; i < 3; ++i)
        content += "{\"category\":\"AdvancedHunting-DeviceProcessEvents\",\"properties\":{"
                   "\"Timestamp\":\"2024-03-26T09:3"
                   + QByteArray::number(i)
                   + ":00Z\",\"DeviceId\":\"d\",\"ReportId\":" + QByteArray::number(i) + "}}\n";
    const QString path = dir.filePath(QStringLiteral("events.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    QSignalSpy imported(&events, &EventController::importFinished);
    events.importFile(path);
    QVERIFY(imported.wait());

    SchemaBrowser browser(&events);
    auto *tree = browser.findChild<QTreeWidget *>(QStringLiteral("schemaTree"));
    QSignalSpy loaded(&events, &EventController::tablesLoaded);
    browser.show(); // asks on first show
    QVERIFY(loaded.wait());
    QTreeWidgetItem *first = tree->topLevelItem(0);
    QCOMPARE(first->text(SchemaBrowser::Name), QStringLiteral("DeviceProcessEvents"));
    QCOMPARE(first->text(SchemaBrowser::Rows), QStringLiteral("3"));
    QCOMPARE(first->text(SchemaBrowser::TimeRange),
             QStringLiteral("2024-03-26 09:30 – 2024-03-26 09:32"));
}

QTEST_MAIN(TestSchemaBrowser)
#include "tst_schemabrowser.moc"
