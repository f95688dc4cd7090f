// The window's sense of time, driven as an analyst drives it: the SLA column counting down on a
// clock the test moves, overdue rows marked, sla:overdue typed in the filter, notifications
// with do not disturb, the SLA targets dialog and the dashboard (`g d`, Save as PNG).
#include "dashboardpage.h"
#include "incidentfilterproxymodel.h"
#include "incidentqueuemodel.h"
#include "mainwindow.h"
#include "pluralforms.h"
#include "sladialog.h"
#include "testclock.h"
#include "traynotifier.h"

#include <QAction>
#include <QApplication>
#include <QBarSet>
#include <QChartView>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedBarSeries>
#include <QStandardPaths>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace Vigil;

namespace {

const QDateTime kNow(QDate(2026, 12, 6), QTime(12, 0), Qt::UTC);
constexpr qint64 kMinute = 60;

Incident incident(qint64 number, const char *severity, const char *status, qint64 ageMinutes,
                  const QString &title)
{
    Incident i;
    i.number = number;
    i.providerIncidentId = QString::number(7000 + number);
    i.title = title;
    i.severity = QLatin1String(severity);
    i.status = QLatin1String(status);
    i.createdTime = kNow.addSecs(-ageMinutes * kMinute);
    i.lastUpdateTime = i.createdTime.addSecs(5 * kMinute);
    return i;
}

/** #1 High, New, 20 minutes old: 40 minutes left. #2 Medium, New, 3 h: 1 h left. #3 High,
 *  in progress: met. #4 Low, New, 30 h: overdue by 6 h. #5 resolved as a true positive. */
QList<Incident> queue()
{
    QList<Incident> list{
            incident(1, "high", "active", 20, QStringLiteral("Credential theft on FIN-LT-2073")),
            incident(2, "medium", "active", 180, QStringLiteral("Phishing mail delivered")),
            incident(3, "high", "inProgress", 300, QStringLiteral("Ransomware staging")),
            incident(4, "low", "active", 30LL * 60,
                     QStringLiteral("<b>Unwanted</b> software & adware")),
            incident(5, "medium", "resolved", 26LL * 60, QStringLiteral("Mimikatz")),
    };
    list[4].classification = QStringLiteral("truePositive");
    return list;
}

} // namespace

class TestTimeUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void slaColumnCountsDownAndMarksOverdue();
    void sortBySlaPutsTheMostOverdueFirst();
    void slaOverdueInTheFilter();
    void notificationsForNewHighAndBreaches();
    void firstSyncIntoAnEmptyQueueIsNotNews();
    void heldWhileTheFirstSyncRuns();
    void doNotDisturbSilencesEverything();
    void slaTargetsDialogChangesTheCountdown();
    void dashboardByKeys();
    void dashboardSavesAPng();

private:
    QTreeView *queueView() const { return m_window->queueView(); }
    int viewRowOf(qint64 number) const
    {
        QAbstractItemModel *model = queueView()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->index(row, 0).data(IncidentQueueModel::NumberRole).toLongLong() == number)
                return row;
        return -1;
    }
    /** What the queue shows in a column of an incident's row. */
    QString shown(qint64 number, int column) const
    {
        const int row = viewRowOf(number);
        return row < 0 ? QString()
                       : queueView()->model()->index(row, column).data(Qt::DisplayRole).toString();
    }
    QVariant shownRole(qint64 number, int column, int role) const
    {
        return queueView()->model()->index(viewRowOf(number), column).data(role);
    }
    void advanceMinutes(qint64 minutes) { m_clock->advance(minutes * kMinute * 1000); }

    std::unique_ptr<Test::TestClock> m_clock;
    std::unique_ptr<MainWindow> m_window;
};

void TestTimeUi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("VigilTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_timeui"));
    QVERIFY(installPluralForms());
}

void TestTimeUi::init()
{
    QSettings().clear();
    m_clock = std::make_unique<Test::TestClock>(kNow);
    m_window = std::make_unique<MainWindow>(nullptr);
    m_window->setClock(m_clock.get());
    m_window->resize(1500, 860);
    m_window->setIncidents(queue());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QApplication::setActiveWindow(m_window.get());
    queueView()->setFocus();
    QTRY_VERIFY(queueView()->hasFocus());
}

void TestTimeUi::cleanup()
{
    m_window.reset();
    m_clock.reset();
}

void TestTimeUi::slaColumnCountsDownAndMarksOverdue()
{
    QHeaderView *header = queueView()->header();
    QVERIFY(!header->isSectionHidden(IncidentQueueModel::SlaColumn));
    QCOMPARE(queueView()
                     ->model()
                     ->headerData(IncidentQueueModel::SlaColumn, Qt::Horizontal)
                     .toString(),
             QStringLiteral("SLA"));
    QCOMPARE(shown(1, IncidentQueueModel::SlaColumn), QStringLiteral("40m left"));
    QCOMPARE(shown(2, IncidentQueueModel::SlaColumn), QStringLiteral("1h 00m left"));
    QCOMPARE(shown(3, IncidentQueueModel::SlaColumn), QStringLiteral("Met"));
    QCOMPARE(shown(4, IncidentQueueModel::SlaColumn), QStringLiteral("Overdue 6h 00m"));
    QCOMPARE(shown(1, IncidentQueueModel::AgeColumn), QStringLiteral("20m"));
    QCOMPARE(shown(4, IncidentQueueModel::AgeColumn), QStringLiteral("1d 6h"));
    // Overdue is marked: red and bold, not only a word.
    QVERIFY(shownRole(4, IncidentQueueModel::SlaColumn, Qt::ForegroundRole).isValid());
    QVERIFY(shownRole(4, IncidentQueueModel::SlaColumn, Qt::FontRole).value<QFont>().bold());
    QVERIFY(!shownRole(1, IncidentQueueModel::SlaColumn, Qt::ForegroundRole).isValid());
    // The column is drawn wide enough for what it says.
    QVERIFY(header->sectionSize(IncidentQueueModel::SlaColumn)
            >= queueView()->fontMetrics().horizontalAdvance(QStringLiteral("Overdue 6h 00m")));

    // 45 minutes later the window's own tick redraws the column: #1 is now overdue.
    advanceMinutes(45);
    QCOMPARE(shown(1, IncidentQueueModel::SlaColumn), QStringLiteral("Overdue 5m"));
    QCOMPARE(shown(1, IncidentQueueModel::AgeColumn), QStringLiteral("1h 05m"));
    QVERIFY(shownRole(1, IncidentQueueModel::SlaColumn, Qt::FontRole).value<QFont>().bold());

    // An owner set is the first triage: the countdown stops.
    Incident assigned = queue().at(0);
    assigned.assignedTo = QStringLiteral("kai@contoso.com");
    m_window->applyIncidentChanges({assigned});
    QCOMPARE(shown(1, IncidentQueueModel::SlaColumn), QStringLiteral("Met"));
}

void TestTimeUi::sortBySlaPutsTheMostOverdueFirst()
{
    QHeaderView *header = queueView()->header();
    const int x = header->sectionViewportPosition(IncidentQueueModel::SlaColumn)
                  + header->sectionSize(IncidentQueueModel::SlaColumn) / 2;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    if (header->sortIndicatorOrder() != Qt::AscendingOrder)
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    QCOMPARE(header->sortIndicatorSection(), int(IncidentQueueModel::SlaColumn));
    QCOMPARE(viewRowOf(4), 0); // overdue 6 h
    QCOMPARE(viewRowOf(1), 1); // 40 min left
    QCOMPARE(viewRowOf(2), 2); // 1 h left
    QCOMPARE(viewRowOf(3), 3); // met (#5 is met too, after it by number)
    QCOMPARE(viewRowOf(5), 4);
}

void TestTimeUi::slaOverdueInTheFilter()
{
    auto *filter = m_window->findChild<QLineEdit *>(QStringLiteral("quickFilter"));
    QVERIFY(filter);
    QTest::mouseClick(filter, Qt::LeftButton);
    QTest::keyClicks(filter, QStringLiteral("sla:overdue"));
    QTRY_COMPARE(queueView()->model()->rowCount(), 1);
    QCOMPARE(shown(4, IncidentQueueModel::NumberColumn), QStringLiteral("4"));
    // An hour on, #1 (High, 1 h) and #2 (Medium, 4 h) are past theirs too: the window's tick
    // brings them into the filtered queue without a keystroke.
    advanceMinutes(61);
    QTRY_COMPARE(queueView()->model()->rowCount(), 3);
    QVERIFY(viewRowOf(1) >= 0 && viewRowOf(2) >= 0 && viewRowOf(4) >= 0);
}

void TestTimeUi::notificationsForNewHighAndBreaches()
{
    TrayNotifier *notifier = m_window->trayNotifier();
    QVERIFY(notifier);
    // A test platform has no tray: no icon, nothing on the desktop, nothing fails.
    QCOMPARE(notifier->hasTray(), QSystemTrayIcon::isSystemTrayAvailable());
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        QVERIFY(m_window->findChildren<QSystemTrayIcon *>().isEmpty());
    QSignalSpy notices(notifier, &TrayNotifier::noticeReady);

    // #4 was overdue at start: not news. Nothing happens while time stands still.
    m_clock->advance(1000);
    QCOMPARE(notices.size(), 0);
    // #1 passes its hour: one notification, once.
    advanceMinutes(41);
    QCOMPARE(notices.size(), 1);
    QCOMPARE(notices.at(0).at(0).toString(), QStringLiteral("SLA breached: #1 (High)"));
    QCOMPARE(notices.at(0).at(1).toString(), QStringLiteral("Credential theft on FIN-LT-2073"));
    QCOMPARE(notices.at(0).at(2).toLongLong(), 1);
    advanceMinutes(5);
    QCOMPARE(notices.size(), 1);

    // A sync brings a new High incident and a new Low one: only the High one is news.
    Incident high = incident(9, "high", "active", 1, QStringLiteral("Hands-on-keyboard attack"));
    Incident low = incident(10, "low", "active", 1, QStringLiteral("Adware"));
    high.createdTime = m_clock->now().addSecs(-60);
    low.createdTime = high.createdTime;
    m_window->applyIncidentChanges({high, low});
    QCOMPARE(notices.size(), 2);
    QCOMPARE(notices.at(1).at(0).toString(), QStringLiteral("New High incident #9"));
    QCOMPARE(notices.at(1).at(1).toString(), QStringLiteral("Hands-on-keyboard attack"));
    // The status bar says it too (as plain text).
    QTRY_VERIFY(m_window->statusBar()->currentMessage().contains(
            QStringLiteral("New High incident #9")));

    // Clicking the notification would open it: the window selects the incident.
    QMetaObject::invokeMethod(notifier, "incidentActivated", Q_ARG(qint64, 9));
    QCOMPARE(m_window->currentIncidentNumber(), 9);
}

void TestTimeUi::firstSyncIntoAnEmptyQueueIsNotNews()
{
    // A new store: the window starts empty and the first sync adds every incident.
    MainWindow fresh(nullptr);
    fresh.setClock(m_clock.get());
    fresh.setIncidents({});
    QSignalSpy notices(fresh.trayNotifier(), &TrayNotifier::noticeReady);
    fresh.applyIncidentChanges(queue());
    advanceMinutes(1);
    QCOMPARE(notices.size(), 0);
    // What comes after it is news again.
    fresh.applyIncidentChanges({incident(30, "high", "active", 0, QStringLiteral("Fresh"))});
    QCOMPARE(notices.size(), 1);
    QCOMPARE(notices.at(0).at(0).toString(), QStringLiteral("New High incident #30"));
}

void TestTimeUi::heldWhileTheFirstSyncRuns()
{
    // What the window does with a controller: its first sync arrives in pages.
    IncidentQueueModel model;
    model.setClock(m_clock.get());
    model.setIncidents({});
    TrayNotifier notifier(&model);
    notifier.hold();
    QSignalSpy notices(&notifier, &TrayNotifier::noticeReady);
    model.applyChanges(queue().mid(0, 2));
    model.applyChanges({incident(40, "high", "active", 10, QStringLiteral("Page two"))});
    notifier.check();
    QCOMPARE(notices.size(), 0);
    notifier.release();
    QCOMPARE(notices.size(), 0);
    model.applyChanges({incident(41, "high", "active", 0, QStringLiteral("After the sync"))});
    QCOMPARE(notices.size(), 1);
    QCOMPARE(notices.at(0).at(0).toString(), QStringLiteral("New High incident #41"));
}

void TestTimeUi::doNotDisturbSilencesEverything()
{
    TrayNotifier *notifier = m_window->trayNotifier();
    QSignalSpy notices(notifier, &TrayNotifier::noticeReady);
    auto *dnd = m_window->findChild<QAction *>(QStringLiteral("doNotDisturb"));
    QVERIFY(dnd);
    QVERIFY(dnd->isCheckable());
    QVERIFY(!dnd->isChecked());
    // It is in the Vigil menu.
    bool inMenu = false;
    for (QAction *menu : m_window->menuBar()->actions())
        inMenu = inMenu || (menu->menu() && menu->menu()->actions().contains(dnd));
    QVERIFY(inMenu);
    dnd->trigger();
    QVERIFY(notifier->doNotDisturb());
    QCOMPARE(QSettings().value(QStringLiteral("notifications/doNotDisturb")).toBool(), true);

    m_window->applyIncidentChanges(
            {incident(11, "high", "active", 0, QStringLiteral("New and loud"))});
    advanceMinutes(120); // #1, #2 and #11 pass their SLA
    QCOMPARE(notices.size(), 0);
    // Turned off again, what passed meanwhile is not replayed; the next breach notifies.
    dnd->trigger();
    QVERIFY(!notifier->doNotDisturb());
    advanceMinutes(1);
    QCOMPARE(notices.size(), 0);
    Incident almostDue = incident(12, "high", "active", 0, QStringLiteral("Almost due"));
    almostDue.createdTime = m_clock->now().addSecs(-59 * kMinute);
    m_window->applyIncidentChanges({almostDue});
    // #12 is High and new: one notice; two minutes later it is past its hour: another.
    QCOMPARE(notices.size(), 1);
    QCOMPARE(notices.at(0).at(0).toString(), QStringLiteral("New High incident #12"));
    advanceMinutes(2);
    QCOMPARE(notices.size(), 2);
    QCOMPARE(notices.at(1).at(0).toString(), QStringLiteral("SLA breached: #12 (High)"));

    // The setting is kept for the next start.
    dnd->trigger();
    m_window.reset();
    MainWindow again(nullptr);
    QVERIFY(again.trayNotifier()->doNotDisturb());
    QVERIFY(again.findChild<QAction *>(QStringLiteral("doNotDisturb"))->isChecked());
}

void TestTimeUi::slaTargetsDialogChangesTheCountdown()
{
    auto *edit = m_window->findChild<QAction *>(QStringLiteral("editSlaTargets"));
    QVERIFY(edit);
    edit->trigger();
    SlaDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<SlaDialog *>()) && dialog->isVisible());
    auto *high = dialog->findChild<QSpinBox *>(QStringLiteral("slaHigh"));
    QCOMPARE(high->value(), 60);
    high->setFocus();
    QTest::keyClick(high, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(high, QStringLiteral("180"));
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY(!m_window->findChild<SlaDialog *>() || !dialog->isVisible());
    QCOMPARE(m_window->queueModel()->slaTargets().highMs, 180LL * 60 * 1000);
    QCOMPARE(QSettings().value(QStringLiteral("sla/highMinutes")).toInt(), 180);
    QCOMPARE(shown(1, IncidentQueueModel::SlaColumn), QStringLiteral("2h 40m left"));
}

void TestTimeUi::dashboardByKeys()
{
    QTest::keyClick(queueView(), Qt::Key_G);
    QTest::keyClick(queueView(), Qt::Key_D);
    QTRY_VERIFY(m_window->isDashboardPageShown());
    DashboardPage *page = m_window->dashboardPage();
    QVERIFY(page->isVisible());
    const DashboardStats &stats = page->stats();
    QCOMPARE(stats.openCount, 4);
    QCOMPARE(stats.overdueCount, 1);
    auto *summary = page->findChild<QLabel *>(QStringLiteral("dashboardSummary"));
    QVERIFY(summary->text().startsWith(QStringLiteral("4 open · 1 past their SLA · ")));
    QCOMPARE(summary->textFormat(), Qt::PlainText);
    // Closed #5 and triaged #3, each 5 minutes from creation to their last update.
    QVERIFY(summary->text().contains(QStringLiteral("mean time to triage 5m (2 incidents)")));
    QVERIFY(summary->text().contains(QStringLiteral("mean time to close 5m (1 incident)")));

    // The over-time chart: today holds #1, #2, #3 (two High, one Medium); yesterday #4 and #5.
    auto *overTime = page->findChild<QChartView *>(QStringLiteral("dashboardOverTime"));
    QVERIFY(overTime && overTime->isVisible());
    auto *series = qobject_cast<QStackedBarSeries *>(overTime->chart()->series().value(0));
    QVERIFY(series);
    QCOMPARE(series->count(), 4);
    QCOMPARE(series->barSets().at(0)->label(), QStringLiteral("High"));
    QCOMPARE(series->barSets().at(0)->at(13), 2.0);
    QCOMPARE(series->barSets().at(1)->at(13), 1.0);
    QCOMPARE(series->barSets().at(1)->at(12), 1.0);
    QCOMPARE(series->barSets().at(2)->at(12), 1.0);
    // The open queue: one past its SLA in 1-7 days (#4); two within it under 4 h (#1, #2).
    auto *open = page->findChild<QChartView *>(QStringLiteral("dashboardOpenByAge"));
    auto *openSeries = qobject_cast<QStackedBarSeries *>(open->chart()->series().value(0));
    QCOMPARE(openSeries->barSets().at(0)->label(), QStringLiteral("Past SLA"));
    QCOMPARE(openSeries->barSets().at(0)->at(DashboardStats::OneToSevenDays), 1.0);
    QCOMPARE(openSeries->barSets().at(1)->at(DashboardStats::UnderOneHour), 1.0);
    QCOMPARE(openSeries->barSets().at(1)->at(DashboardStats::OneToFourHours), 1.0);

    // A sync while the page is shown updates it.
    m_window->applyIncidentChanges(
            {incident(20, "high", "active", 90, QStringLiteral("Overdue on arrival"))});
    QTRY_COMPARE(page->stats().overdueCount, 2);
    QTRY_VERIFY(summary->text().startsWith(QStringLiteral("5 open · 2 past their SLA")));

    // g q goes back to the queue.
    QTest::keyClick(page, Qt::Key_G);
    QTest::keyClick(page, Qt::Key_Q);
    QTRY_VERIFY(!m_window->isDashboardPageShown());
}

void TestTimeUi::dashboardSavesAPng()
{
    m_window->showDashboardPage();
    DashboardPage *page = m_window->dashboardPage();
    QTemporaryDir dir;
    QString asked;
    QString answer = dir.filePath(QStringLiteral("dashboard"));
    page->setSavePathProvider([&](QWidget *, const QString &suggested) {
        asked = suggested;
        return answer;
    });
    auto *save = page->findChild<QPushButton *>(QStringLiteral("dashboardSavePng"));
    QVERIFY(save && save->isVisible());
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY(asked.endsWith(QStringLiteral("vigil-dashboard-20261206-1200.png")));
    const QImage image(dir.filePath(QStringLiteral("dashboard.png")));
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), page->size() * page->devicePixelRatioF());
    auto *message = page->findChild<QLabel *>(QStringLiteral("dashboardSaveMessage"));
    QVERIFY(message->text().startsWith(QStringLiteral("Saved ")));
    // A place that cannot be written says so.
    answer = dir.filePath(QStringLiteral("no/such/folder/x.png"));
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY(message->text().startsWith(QStringLiteral("Could not write ")));
    // Cancelling the dialog writes nothing and leaves the message.
    answer.clear();
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY(message->text().startsWith(QStringLiteral("Could not write ")));
}

QTEST_MAIN(TestTimeUi)
#include "tst_timeui.moc"
