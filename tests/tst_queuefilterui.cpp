// The queue's filter in the window: the language typed into the box, chips, the empty state,
// completion, Shift+click sort keys and saved views, driven by keyboard and mouse.
#include "filterchips.h"
#include "incidentfilterproxymodel.h"
#include "incidentqueuemodel.h"
#include "mainwindow.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCompleter>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

#include <memory>

using namespace Vigil;

namespace {

QList<Incident> queue()
{
    QList<Incident> list;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int n = 1; n <= 60; ++n) {
        Incident i;
        i.number = n;
        i.providerIncidentId = QString::number(5000 + n);
        i.title = n % 2 ? QStringLiteral("Phishing mail %1").arg(n)
                        : QStringLiteral("Malware on a laptop %1").arg(n);
        i.severity = n % 4 == 0 ? QStringLiteral("high") : QStringLiteral("low");
        i.status = n % 3 == 0 ? QStringLiteral("resolved") : QStringLiteral("active");
        i.createdTime = now.addSecs(qint64(-3600) * n);
        i.lastUpdateTime = now.addSecs(qint64(-60) * n);
        i.alertCount = 1;
        i.alertSources = {n % 2 ? QStringLiteral("microsoftDefenderForOffice365")
                                : QStringLiteral("microsoftDefenderForEndpoint")};
        if (n == 44)
            i.alertText = QStringLiteral("Suspicious PowerShell") + QChar(0x1F)
                          + QStringLiteral("fin-lt-2073.contoso.com");
        list << i;
    }
    return list;
}

} // namespace

class TestQueueFilterUi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void typedFilterShowsChips();
    void removingAChipUpdatesFilterAndRows();
    void hostNameFindsItsIncident();
    void emptyStateSaysWhichTerm();
    void parseErrorIsShownAndRowsStay();
    void hostileTermsArePlainText();
    void completionOffersFieldsAndValues();
    void shiftClickAddsASortKey();
    void savedViewSwitchedByKey();
    void lastViewRestoredAfterRecreatingTheWindow();
    void viewsExportAndImport();

private:
    template<typename T>
    T *child(const char *name) const
    {
        return m_window->findChild<T *>(QLatin1String(name));
    }
    QLineEdit *filter() const { return child<QLineEdit>("quickFilter"); }
    QTreeView *view() const { return child<QTreeView>("incidentQueue"); }
    QList<qint64> shown() const
    {
        QList<qint64> numbers;
        QAbstractItemModel *model = view()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            numbers << model->index(row, 0).data(IncidentQueueModel::NumberRole).toLongLong();
        return numbers;
    }
    void makeWindow()
    {
        m_window = std::make_unique<MainWindow>(nullptr);
        m_window->resize(1280, 720);
        m_window->setIncidents(queue());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    std::unique_ptr<MainWindow> m_window;
};

void TestQueueFilterUi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("VigilTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_queuefilterui"));
}

void TestQueueFilterUi::init()
{
    QSettings().clear();
    makeWindow();
}

void TestQueueFilterUi::cleanup()
{
    m_window.reset();
}

void TestQueueFilterUi::typedFilterShowsChips()
{
    QTest::keyClick(view(), Qt::Key_Slash);
    QTRY_VERIFY(filter()->hasFocus());
    QTest::keyClicks(filter(), QStringLiteral("severity:high status:new phishing"));
    auto *chips = child<FilterChips>("filterChips");
    QVERIFY(chips->isVisible());
    QCOMPARE(chips->chipCount(), 3);
    QStringList texts;
    for (QLabel *label : chips->findChildren<QLabel *>(QStringLiteral("filterChipText")))
        texts << label->text();
    QCOMPARE(texts, (QStringList{QStringLiteral("severity:high"), QStringLiteral("status:new"),
                                 QStringLiteral("phishing")}));
    // high = every 4th (even, so never phishing): nothing; the empty state says why.
    QCOMPARE(shown(), QList<qint64>{});
    filter()->setText(QStringLiteral("severity:high status:new"));
    QCOMPARE(chips->chipCount(), 2);
    for (qint64 number : shown())
        QVERIFY(number % 4 == 0 && number % 3 != 0);
    QCOMPARE(shown().size(), 10);
}

void TestQueueFilterUi::removingAChipUpdatesFilterAndRows()
{
    filter()->setText(QStringLiteral("severity:high  -status:closed  laptop"));
    QCOMPARE(shown().size(), 10);
    auto *chips = child<FilterChips>("filterChips");
    const QList<QToolButton *> removes
            = chips->findChildren<QToolButton *>(QStringLiteral("filterChipRemove"));
    QCOMPARE(removes.size(), 3);
    QCOMPARE(removes.at(1)->accessibleName(), QStringLiteral("Remove -status:closed from the "
                                                             "filter"));
    QTest::mouseClick(removes.at(1), Qt::LeftButton);
    QTRY_COMPARE(filter()->text(), QStringLiteral("severity:high laptop"));
    QCOMPARE(shown().size(), 15);
    QTRY_COMPARE(chips->chipCount(), 2);
    const QList<QToolButton *> left
            = chips->findChildren<QToolButton *>(QStringLiteral("filterChipRemove"));
    QTest::mouseClick(left.at(0), Qt::LeftButton);
    QTRY_COMPARE(filter()->text(), QStringLiteral("laptop"));
    QCOMPARE(shown().size(), 30);
    QTest::mouseClick(chips->findChild<QToolButton *>(QStringLiteral("filterChipRemove")),
                      Qt::LeftButton);
    QTRY_COMPARE(filter()->text(), QString());
    QCOMPARE(shown().size(), 60);
    QTRY_VERIFY(!chips->isVisible());
}

void TestQueueFilterUi::hostNameFindsItsIncident()
{
    filter()->setFocus();
    QTest::keyClicks(filter(), QStringLiteral("FIN-LT-2073"));
    QCOMPARE(shown(), QList<qint64>{44});
    // Enter goes on into the queue, on that incident.
    QTest::keyClick(filter(), Qt::Key_Return);
    QTRY_VERIFY(view()->hasFocus());
    QCOMPARE(m_window->currentIncidentNumber(), 44);
}

void TestQueueFilterUi::emptyStateSaysWhichTerm()
{
    auto *empty = child<QLabel>("queueEmptyState");
    QVERIFY(!empty->isVisible());
    filter()->setText(QStringLiteral("product:MDE status:new phishing"));
    QCOMPARE(shown(), QList<qint64>{});
    QVERIFY(empty->isVisible());
    QVERIFY2(empty->text().startsWith(QStringLiteral("phishing removed the last 20 incidents")),
             qPrintable(empty->text()));
    QCOMPARE(empty->textFormat(), Qt::PlainText);
    filter()->setText(QStringLiteral("product:MDE status:new"));
    QCOMPARE(shown().size(), 20);
    QVERIFY(!empty->isVisible());
}

void TestQueueFilterUi::parseErrorIsShownAndRowsStay()
{
    filter()->setFocus();
    QTest::keyClicks(filter(), QStringLiteral("severity:high"));
    QCOMPARE(shown().size(), 15);
    filter()->setText(QStringLiteral("severity:high severity:hgh"));
    auto *message = child<QLabel>("filterMessage");
    QVERIFY(message->isVisible());
    QCOMPARE(message->text(),
             QStringLiteral("Not applied: severity:hgh — severity is informational, low, medium "
                            "or high"));
    QCOMPARE(shown().size(), 15);
    QTest::keyClick(filter(), Qt::Key_Backspace);
    QTest::keyClick(filter(), Qt::Key_Backspace);
    QTest::keyClicks(filter(), QStringLiteral("igh"));
    QVERIFY(!message->isVisible());
    QCOMPARE(shown().size(), 15);
}

void TestQueueFilterUi::hostileTermsArePlainText()
{
    const QString hostile = QStringLiteral("<b>x</b>\x1b[2J") + QString(500, QLatin1Char('y'));
    filter()->setText(hostile);
    auto *chips = child<FilterChips>("filterChips");
    QLabel *label = chips->findChild<QLabel *>(QStringLiteral("filterChipText"));
    QVERIFY(label);
    QCOMPARE(label->textFormat(), Qt::PlainText);
    QVERIFY(!label->text().contains(QChar(0x1b)));
    QVERIFY(label->text().size() <= 61);
    auto *empty = child<QLabel>("queueEmptyState");
    QCOMPARE(empty->textFormat(), Qt::PlainText);
    QVERIFY(empty->isVisible());
    QVERIFY(!empty->text().contains(QChar(0x1b)));
    filter()->setText(QStringLiteral("\"unclosed <i>"));
    QCOMPARE(child<QLabel>("filterMessage")->textFormat(), Qt::PlainText);
    QVERIFY(child<QLabel>("filterMessage")->text().contains(QStringLiteral("<i>")));
}

void TestQueueFilterUi::completionOffersFieldsAndValues()
{
    auto *completer = filter()->findChild<QCompleter *>(QStringLiteral("filterCompleter"));
    QVERIFY(completer);
    filter()->setFocus();
    QTest::keyClicks(filter(), QStringLiteral("phishing sev"));
    QTRY_VERIFY(completer->popup()->isVisible());
    QCOMPARE(completer->currentCompletion(), QStringLiteral("severity:"));
    // Choosing it completes the term at the cursor and offers the values.
    QTest::keyClick(completer->popup(), Qt::Key_Down);
    QTest::keyClick(completer->popup(), Qt::Key_Return);
    QTRY_COMPARE(filter()->text(), QStringLiteral("phishing severity:"));
    QTRY_VERIFY(completer->popup()->isVisible());
    QTest::keyClicks(filter(), QStringLiteral("hi"));
    QTRY_COMPARE(completer->currentCompletion(), QStringLiteral("severity:high"));
    QTest::keyClick(completer->popup(), Qt::Key_Down);
    QTest::keyClick(completer->popup(), Qt::Key_Return);
    QTRY_COMPARE(filter()->text(), QStringLiteral("phishing severity:high "));
    QCOMPARE(shown(), QList<qint64>{});
    // One letter of a free word opens nothing.
    filter()->clear();
    QTest::keyClicks(filter(), QStringLiteral("p"));
    QVERIFY(!completer->popup()->isVisible());
}

void TestQueueFilterUi::shiftClickAddsASortKey()
{
    QHeaderView *header = view()->header();
    const auto click = [header](int column, Qt::KeyboardModifiers modifiers) {
        const int x = header->sectionViewportPosition(column) + header->sectionSize(column) / 2;
        QTest::mouseClick(header->viewport(), Qt::LeftButton, modifiers,
                          QPoint(x, header->height() / 2));
    };
    click(IncidentQueueModel::SeverityColumn, Qt::NoModifier);
    QCOMPARE(m_window->queueProxy()->sortKeys().size(), 1);
    QCOMPARE(m_window->queueProxy()->sortKeys().first().first,
             int(IncidentQueueModel::SeverityColumn));
    click(IncidentQueueModel::NumberColumn, Qt::ShiftModifier);
    const auto keys = m_window->queueProxy()->sortKeys();
    QCOMPARE(keys.size(), 2);
    QCOMPARE(keys.at(1).first, int(IncidentQueueModel::NumberColumn));
    QCOMPARE(header->sortIndicatorSection(), int(IncidentQueueModel::SeverityColumn));
    QCOMPARE(view()->model()->headerData(IncidentQueueModel::NumberColumn, Qt::Horizontal),
             QVariant(QStringLiteral("# 2") + QChar(0x25B2)));
    // Within one severity the numbers go up.
    const QList<qint64> rows = shown();
    const bool highFirst = rows.first() % 4 == 0;
    QList<qint64> expected;
    for (int pass = 0; pass < 2; ++pass)
        for (qint64 n = 1; n <= 60; ++n)
            if ((n % 4 == 0) == (pass == 0 ? highFirst : !highFirst))
                expected << n;
    QCOMPARE(rows, expected);
    // A plain click starts over with one key.
    click(IncidentQueueModel::TitleColumn, Qt::NoModifier);
    QCOMPARE(m_window->queueProxy()->sortKeys().size(), 1);
}

void TestQueueFilterUi::savedViewSwitchedByKey()
{
    filter()->setText(QStringLiteral("severity:high"));
    m_window->queueProxy()->setSortKeys({{IncidentQueueModel::StatusColumn, Qt::AscendingOrder},
                                         {IncidentQueueModel::NumberColumn, Qt::DescendingOrder}});
    view()->setColumnHidden(IncidentQueueModel::OwnerColumn, true);
    m_window->savedViews().save(m_window->currentView(QStringLiteral("High, by status")));
    m_window->savedViews().store();
    view()->setColumnHidden(IncidentQueueModel::OwnerColumn, false);
    // Start over so that the menu is built from the settings.
    m_window.reset();
    QSettings().remove(QStringLiteral("queue/lastView"));
    makeWindow();
    QCOMPARE(shown().size(), 60);
    auto *menu = child<QMenu>("savedViewsMenu");
    QAction *action = menu->findChild<QAction *>(QStringLiteral("savedView1"));
    QVERIFY(action);
    QCOMPARE(action->text(), QStringLiteral("High, by status"));
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_1));
    // The key works from the queue and from inside the filter box.
    filter()->setFocus();
    QTest::keyClick(filter(), Qt::Key_1, Qt::ControlModifier);
    QTRY_COMPARE(filter()->text(), QStringLiteral("severity:high"));
    QCOMPARE(shown().size(), 15);
    QCOMPARE(m_window->queueProxy()->sortKeys().size(), 2);
    QVERIFY(view()->isColumnHidden(IncidentQueueModel::OwnerColumn));
    // Ctrl+0: the default view.
    QTest::keyClick(view(), Qt::Key_0, Qt::ControlModifier);
    QTRY_COMPARE(filter()->text(), QString());
    QVERIFY(!view()->isColumnHidden(IncidentQueueModel::OwnerColumn));
    QCOMPARE(m_window->queueProxy()->sortKeys().size(), 1);
}

void TestQueueFilterUi::lastViewRestoredAfterRecreatingTheWindow()
{
    filter()->setText(QStringLiteral("status:new laptop"));
    view()->sortByColumn(IncidentQueueModel::SeverityColumn, Qt::DescendingOrder);
    m_window->queueProxy()->addSortKey(IncidentQueueModel::NumberColumn);
    const QList<qint64> before = shown();
    QVERIFY(!before.isEmpty());
    m_window.reset(); // saves the settings
    makeWindow();
    QCOMPARE(filter()->text(), QStringLiteral("status:new laptop"));
    QCOMPARE(m_window->queueProxy()->sortKeys().size(), 2);
    QCOMPARE(shown(), before);
    QCOMPARE(child<FilterChips>("filterChips")->chipCount(), 2);
}

void TestQueueFilterUi::viewsExportAndImport()
{
    QTemporaryDir dir;
    filter()->setText(QStringLiteral("owner:none"));
    m_window->savedViews().save(m_window->currentView(QStringLiteral("Unassigned")));
    const QString path = dir.filePath(QStringLiteral("views.json"));
    QVERIFY(m_window->exportViews(path));
    m_window->savedViews().remove(QStringLiteral("Unassigned"));
    QCOMPARE(m_window->importViews(path), 1);
    QVERIFY(m_window->savedViews().find(QStringLiteral("unassigned")));
    QCOMPARE(m_window->savedViews().find(QStringLiteral("unassigned"))->filter,
             QStringLiteral("owner:none"));
    QVERIFY(child<QMenu>("savedViewsMenu")->findChild<QAction *>(QStringLiteral("savedView1")));

    // A file that is not one: a banner, nothing imported.
    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"views\": 3}");
    file.close();
    QCOMPARE(m_window->importViews(bad), -1);
    QTRY_VERIFY(child<QWidget>("errorBanner")->isVisible());

    // Hostile names are cleaned; unknown columns are dropped; the title always stays.
    QFile hostile(dir.filePath(QStringLiteral("hostile.json")));
    QVERIFY(hostile.open(QIODevice::WriteOnly));
    hostile.write("{\"views\": [{\"name\": \"<b>x</b>\\u001b[2J\", \"filter\": \"severity:high\","
                  " \"sort\": [{\"column\": \"NoSuchColumn\"}], \"columns\": [\"OwnerColumn\","
                  " \"Bogus\"]}, {\"name\": \"\"}]}");
    hostile.close();
    QCOMPARE(m_window->importViews(hostile.fileName()), 1);
    const auto view = m_window->savedViews().find(QStringLiteral("<b>x</b>[2J"));
    QVERIFY(view);
    QCOMPARE(view->columns,
             (QList<int>{IncidentQueueModel::TitleColumn, IncidentQueueModel::OwnerColumn}));
    QVERIFY(view->sort.isEmpty());
}

QTEST_MAIN(TestQueueFilterUi)
#include "tst_queuefilterui.moc"
