#include "bench/syntheticincidents.h"
#include "cloud.h"
#include "incidentdetailview.h"
#include "incidentfilterproxymodel.h"
#include "incidentqueuemodel.h"
#include "mainwindow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>

#include <memory>

using namespace Vigil;

namespace {

const QDateTime kBase(QDate(2024, 3, 1), QTime(12, 0), Qt::UTC);

/** The Defender-id-only incident with more than 150 alerts that the tests open. */
constexpr qint64 kBigIncident = 997;
constexpr qint64 kSurvivor = 12;
constexpr qint64 kMerged = 13;

QList<Incident> queue()
{
    QList<Incident> incidents = Synthetic::incidents(1200, kBase);
    Incident &big = incidents[kBigIncident - 1];
    big.alertCount = 420;
    // A hostile or stale web URL must never be opened; the link is rebuilt on the portal host.
    big.webUrl = QStringLiteral("https://security.microsoft.com.evil.example/incidents/1");
    Incident &merged = incidents[kMerged - 1];
    merged.status = QStringLiteral("redirected");
    merged.redirectIncidentId = incidents[kSurvivor - 1].providerIncidentId;
    merged.redirectedToNumber = kSurvivor;
    return incidents;
}

} // namespace

/** The main window on synthetic data, fed the way SyncController feeds it. */
class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void bigIncidentShowsCapBannerAndDeepLink();
    void loadAllAlerts();
    void mergedIncidentsLinkBothWays();
    void keyboard();
    void quickFilter();
    void changesKeepSelectionAndScroll();
    void statusBarAndErrorBanner();
    void headerStateIsRemembered();
    void screenshot();

private:
    QTreeView *queueView() const
    {
        return m_window->findChild<QTreeView *>(QStringLiteral("incidentQueue"));
    }
    QModelIndex queueIndexOf(qint64 number, int column) const;

    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QList<Incident> m_incidents;
    QList<QPair<qint64, bool>> m_requests;
    QList<QUrl> m_opened;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("VigilTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
}

void TestMainWindow::init()
{
    QSettings().clear();
    m_requests.clear();
    m_opened.clear();
    m_incidents = queue();
    m_window = std::make_unique<MainWindow>(nullptr);
    m_window->resize(1600, 900);
    m_tester = std::make_unique<QAbstractItemModelTester>(
            m_window->queueProxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_window->setUrlOpener([this](const QUrl &url) {
        m_opened << url;
        return true;
    });
    // Answer detail requests asynchronously, as the sync thread does.
    connect(m_window.get(), &MainWindow::detailRequested, m_window.get(),
            [this](qint64 number, bool allAlerts) {
                m_requests << qMakePair(number, allAlerts);
                QTimer::singleShot(5, m_window.get(), [this, number, allAlerts] {
                    for (const Incident &incident : std::as_const(m_incidents)) {
                        if (incident.number == number) {
                            IncidentDetail detail = Synthetic::detail(
                                    incident, allAlerts ? -1 : kAlertDisplayLimit);
                            if (number == kSurvivor)
                                detail.mergedFrom = {kMerged};
                            m_window->showIncidentDetail(detail);
                        }
                    }
                });
            });
    m_window->setIncidents(m_incidents);
}

void TestMainWindow::cleanup()
{
    m_tester.reset();
    m_window.reset();
}

QModelIndex TestMainWindow::queueIndexOf(qint64 number, int column) const
{
    const IncidentQueueModel *model = m_window->queueModel();
    return m_window->queueProxy()->mapFromSource(model->index(model->rowOfNumber(number), column));
}

void TestMainWindow::bigIncidentShowsCapBannerAndDeepLink()
{
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QSignalSpy shown(m_window.get(), &MainWindow::detailShown);
    // The queue is sorted by last update; the first big one in view order may not be #997.
    QVERIFY(m_window->selectIncident(kBigIncident));
    QTRY_COMPARE(shown.size(), 1);
    QCOMPARE(shown.at(0).at(0).toLongLong(), kBigIncident);
    QCOMPARE(m_requests.last(), qMakePair(kBigIncident, false));

    QCOMPARE(queueIndexOf(kBigIncident, IncidentQueueModel::AlertsColumn).data().toString(),
             QStringLiteral("150+"));
    QVERIFY(queueView()->selectionModel()->isRowSelected(queueIndexOf(kBigIncident, 0).row(), {}));

    auto *alerts = m_window->findChild<QTreeView *>(QStringLiteral("alertList"));
    QVERIFY(alerts);
    QCOMPARE(alerts->model()->rowCount(), kAlertDisplayLimit);
    auto *banner = m_window->findChild<QWidget *>(QStringLiteral("alertCapBanner"));
    QVERIFY(banner);
    QVERIFY(banner->isVisible());
    QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("alertCapText"))
                    ->text()
                    .contains(QStringLiteral("150+ alerts — showing the first 150.")));

    auto *open = m_window->findChild<QAction *>(QStringLiteral("openInDefender"));
    QVERIFY(open);
    QVERIFY(open->isEnabled());
    open->trigger();
    QCOMPARE(m_opened.size(), 1);
    const QUrl url = m_opened.first();
    QVERIFY2(isAllowedPortalUrl(url, Cloud::global()), qPrintable(url.toString()));
    QCOMPARE(url.host(), QStringLiteral("security.microsoft.com"));
    QVERIFY(url.toString().contains(m_incidents[kBigIncident - 1].providerIncidentId));

    // The `o` key does the same, and so does the banner's button.
    queueView()->setFocus();
    QTest::keyClick(queueView(), Qt::Key_O);
    QCOMPARE(m_opened.size(), 2);
    QTest::mouseClick(
            m_window->findChild<QPushButton *>(QStringLiteral("openInDefenderFromBanner")),
            Qt::LeftButton);
    QCOMPARE(m_opened.size(), 3);
    QCOMPARE(m_opened.at(2), url);

    // An incident with at most 150 alerts has no banner.
    QVERIFY(m_window->selectIncident(1));
    QTRY_COMPARE(shown.size(), 2);
    QVERIFY(!banner->isVisible());
    QCOMPARE(alerts->model()->rowCount(), m_incidents.first().alertCount);
}

void TestMainWindow::loadAllAlerts()
{
    m_window->show();
    QSignalSpy shown(m_window.get(), &MainWindow::detailShown);
    QVERIFY(m_window->selectFirstIncidentWithMoreAlertsThan(150));
    QTRY_COMPARE(shown.size(), 1);
    const qint64 number = m_window->currentIncidentNumber();
    QVERIFY(queueIndexOf(number, 0).data(IncidentQueueModel::AlertCountRole).toInt() > 150);
    auto *loadAll = m_window->findChild<QPushButton *>(QStringLiteral("loadAllAlerts"));
    QVERIFY(loadAll && loadAll->isVisible());
    QTest::mouseClick(loadAll, Qt::LeftButton);
    QCOMPARE(m_requests.last(), qMakePair(number, true));
    QTRY_COMPARE(shown.size(), 2);
    auto *alerts = m_window->findChild<QTreeView *>(QStringLiteral("alertList"));
    QCOMPARE(alerts->model()->rowCount(),
             queueIndexOf(number, 0).data(IncidentQueueModel::AlertCountRole).toInt());
    QVERIFY(!m_window->findChild<QWidget *>(QStringLiteral("alertCapBanner"))->isVisible());
}

void TestMainWindow::mergedIncidentsLinkBothWays()
{
    m_window->show();
    QSignalSpy shown(m_window.get(), &MainWindow::detailShown);
    QVERIFY(m_window->selectIncident(kMerged));
    QTRY_COMPARE(shown.size(), 1);
    QCOMPARE(queueIndexOf(kMerged, IncidentQueueModel::StatusColumn).data().toString(),
             QStringLiteral("Closed"));
    QVERIFY(queueIndexOf(kMerged, IncidentQueueModel::TagsColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("Redirected")));
    auto *merge = m_window->findChild<QLabel *>(QStringLiteral("detailMerge"));
    QVERIFY(merge && merge->isVisible());
    QVERIFY(merge->text().contains(QStringLiteral("#%1").arg(kSurvivor)));
    Q_EMIT merge->linkActivated(QStringLiteral("vigil-incident:%1").arg(kSurvivor));
    QCOMPARE(m_window->currentIncidentNumber(), kSurvivor);
    QTRY_COMPARE(shown.size(), 2);
    QVERIFY(merge->isVisible());
    QVERIFY(merge->text().contains(QStringLiteral("Merged from")));
    QVERIFY(merge->text().contains(QStringLiteral("#%1").arg(kMerged)));
    Q_EMIT merge->linkActivated(QStringLiteral("vigil-incident:%1").arg(kMerged));
    QCOMPARE(m_window->currentIncidentNumber(), kMerged);
}

void TestMainWindow::keyboard()
{
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QApplication::setActiveWindow(m_window.get());
    QTreeView *view = queueView();
    view->setFocus();
    QTRY_VERIFY(view->hasFocus());

    view->setCurrentIndex(view->model()->index(0, 0));
    QTest::keyClick(view, Qt::Key_J);
    QCOMPARE(view->currentIndex().row(), 1);
    QTest::keyClick(view, Qt::Key_J);
    QTest::keyClick(view, Qt::Key_J);
    QCOMPARE(view->currentIndex().row(), 3);
    QTest::keyClick(view, Qt::Key_K);
    QCOMPARE(view->currentIndex().row(), 2);
    QTest::keyClick(view, Qt::Key_K);
    QCOMPARE(view->currentIndex().row(), 1);
    QTest::keyClick(view, Qt::Key_K);
    QTest::keyClick(view, Qt::Key_K); // stays on the first row
    QCOMPARE(view->currentIndex().row(), 0);
    QTest::keyClick(view, Qt::Key_J);
    const qint64 selected = m_window->currentIncidentNumber();
    QCOMPARE(selected, view->currentIndex().data(IncidentQueueModel::NumberRole).toLongLong());

    // `/` focuses the quick filter; letters typed there filter, they do not move the queue.
    auto *filter = m_window->findChild<QLineEdit *>(QStringLiteral("quickFilter"));
    QTest::keyClick(view, Qt::Key_Slash);
    QTRY_VERIFY(filter->hasFocus());
    QTest::keyClicks(filter, QStringLiteral("jk"));
    QCOMPARE(filter->text(), QStringLiteral("jk"));
    QCOMPARE(m_window->currentIncidentNumber(), selected);
    QVERIFY(m_opened.isEmpty());
    QTest::keyClick(filter, Qt::Key_O);
    QVERIFY(m_opened.isEmpty());

    // Esc clears the filter, a second Esc goes back to the queue.
    QTest::keyClick(filter, Qt::Key_Escape);
    QCOMPARE(filter->text(), QString());
    QTest::keyClick(filter, Qt::Key_Escape);
    QTRY_VERIFY(view->hasFocus());
    QCOMPARE(m_window->currentIncidentNumber(), selected);

    // Enter opens the detail (focus moves to its alert list).
    QTest::keyClick(view, Qt::Key_Return);
    QTRY_VERIFY(m_window->findChild<QWidget *>(QStringLiteral("alertList"))->hasFocus());
}

void TestMainWindow::quickFilter()
{
    m_window->show();
    auto *filter = m_window->findChild<QLineEdit *>(QStringLiteral("quickFilter"));
    auto *count = m_window->findChild<QLabel *>(QStringLiteral("incidentCount"));
    QCOMPARE(count->text(), QStringLiteral("1,200 incidents"));
    filter->setFocus();
    QTest::keyClicks(filter, QStringLiteral("PHISHING"));
    int expected = 0;
    for (const Incident &incident : std::as_const(m_incidents))
        expected += incident.title.contains(QStringLiteral("phishing"), Qt::CaseInsensitive);
    QVERIFY(expected > 0);
    QCOMPARE(queueView()->model()->rowCount(), expected);
    QCOMPARE(count->text(), QStringLiteral("%1 of 1,200 incidents").arg(expected));

    filter->setText(QStringLiteral("#%1").arg(kBigIncident));
    QCOMPARE(queueView()->model()->rowCount(), 1);
    // Selecting an incident the filter hides clears the filter.
    QVERIFY(m_window->selectIncident(5));
    QCOMPARE(filter->text(), QString());
    QCOMPARE(queueView()->model()->rowCount(), 1200);
}

void TestMainWindow::changesKeepSelectionAndScroll()
{
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTreeView *view = queueView();
    view->verticalScrollBar()->setValue(400);
    const QModelIndex top = view->indexAt(QPoint(1, 1));
    const qint64 topNumber = top.data(IncidentQueueModel::NumberRole).toLongLong();
    const QModelIndex pick = view->indexAt(QPoint(1, view->viewport()->height() / 2));
    const qint64 picked = pick.data(IncidentQueueModel::NumberRole).toLongLong();
    view->selectionModel()->setCurrentIndex(pick, QItemSelectionModel::ClearAndSelect
                                                          | QItemSelectionModel::Rows);
    QCOMPARE(m_window->currentIncidentNumber(), picked);

    // New incidents at the top of the sort order, the selected one changed, others moved.
    QList<Incident> changed;
    for (qint64 n = 1201; n <= 1230; ++n) {
        Incident fresh = Synthetic::incident(n, kBase);
        fresh.lastUpdateTime = kBase.addDays(1);
        changed << fresh;
    }
    Incident selectedIncident = m_incidents[picked - 1];
    selectedIncident.assignedTo = QStringLiteral("new.owner@contoso.com");
    changed << selectedIncident;
    QSignalSpy inserted(m_window->queueModel(), &QAbstractItemModel::rowsInserted);
    m_window->applyIncidentChanges(changed);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(m_window->currentIncidentNumber(), picked);
    QCOMPARE(view->currentIndex().data(IncidentQueueModel::NumberRole).toLongLong(), picked);
    QVERIFY(view->selectionModel()->isRowSelected(view->currentIndex().row(), {}));
    QCOMPARE(view->indexAt(QPoint(1, 1)).data(IncidentQueueModel::NumberRole).toLongLong(),
             topNumber);
    QCOMPARE(m_window->findChild<QLabel *>(QStringLiteral("detailOwner"))->text(),
             QStringLiteral("new.owner@contoso.com"));
}

void TestMainWindow::statusBarAndErrorBanner()
{
    m_window->show();
    SyncStatus status;
    status.state = SyncStatus::State::Idle;
    status.lastSuccess = QDateTime(QDate(2024, 3, 1), QTime(12, 4, 31));
    status.callsLastMinute = 7;
    m_window->showSyncStatus(status);
    auto *label = m_window->findChild<QLabel *>(QStringLiteral("syncStatus"));
    QVERIFY(label->text().contains(QStringLiteral("Last sync 12:04:31")));
    QVERIFY(label->text().contains(QStringLiteral("Up to date")));

    // A wait the service asked for counts down, second by second, and ends with the wait.
    status.state = SyncStatus::State::BackingOff;
    status.backoffUntil = QDateTime::currentDateTimeUtc().addSecs(14 * 60 + 30);
    m_window->showSyncStatus(status);
    const QString waiting = label->text();
    QVERIFY2(waiting.contains(QStringLiteral("Waiting 14:")), qPrintable(waiting));
    QVERIFY(waiting.contains(
            status.backoffUntil.toLocalTime().toString(QStringLiteral("HH:mm:ss"))));
    QTRY_VERIFY_WITH_TIMEOUT(label->text() != waiting, 3000);
    QVERIFY2(label->text().contains(QStringLiteral("Waiting 14:")), qPrintable(label->text()));
    status.state = SyncStatus::State::Idle;
    status.backoffUntil = {};
    m_window->showSyncStatus(status);
    QVERIFY(label->text().contains(QStringLiteral("Up to date")));
    const QString idle = label->text();
    QTest::qWait(1200);
    QCOMPARE(label->text(), idle);

    Error error;
    error.kind = Error::Kind::Network;
    error.message = QStringLiteral("Connection refused");
    status.state = SyncStatus::State::Offline;
    status.lastError = error;
    m_window->showSyncStatus(status);
    QVERIFY(label->text().contains(QStringLiteral("Cannot reach Microsoft Graph")));
    m_window->showSyncResult(false, error);
    auto *banner = m_window->findChild<QWidget *>(QStringLiteral("errorBanner"));
    QVERIFY(banner->isVisible());
    const QString text = m_window->findChild<QLabel *>(QStringLiteral("errorBannerText"))->text();
    QVERIFY(text.contains(QStringLiteral("Connection refused")));
    QVERIFY(text.contains(QStringLiteral("check the network")));
    m_window->showSyncResult(true, {});
    QVERIFY(!banner->isVisible());

    // A detail that fails to load says so in the detail pane, with a way to retry.
    m_window->selectIncident(3);
    Error notFound;
    notFound.kind = Error::Kind::NotFound;
    notFound.httpStatus = 404;
    m_window->showDetailFailure(3, notFound);
    QVERIFY(m_window->findChild<QWidget *>(QStringLiteral("detailErrorBanner"))->isVisible());
    const int before = int(m_requests.size());
    QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("detailRetry")),
                      Qt::LeftButton);
    QCOMPARE(m_requests.size(), before + 1);
}

void TestMainWindow::headerStateIsRemembered()
{
    QTreeView *view = queueView();
    QVERIFY(view->isColumnHidden(IncidentQueueModel::TagsColumn));
    QVERIFY(!view->isColumnHidden(IncidentQueueModel::OwnerColumn));
    view->setColumnHidden(IncidentQueueModel::TagsColumn, false);
    view->setColumnHidden(IncidentQueueModel::OwnerColumn, true);
    view->sortByColumn(IncidentQueueModel::SeverityColumn, Qt::DescendingOrder);
    m_window.reset(); // saves

    MainWindow second(nullptr);
    auto *secondView = second.findChild<QTreeView *>(QStringLiteral("incidentQueue"));
    QVERIFY(!secondView->isColumnHidden(IncidentQueueModel::TagsColumn));
    QVERIFY(secondView->isColumnHidden(IncidentQueueModel::OwnerColumn));
    QCOMPARE(secondView->header()->sortIndicatorSection(), int(IncidentQueueModel::SeverityColumn));
    second.setIncidents(m_incidents);
    QCOMPARE(secondView->model()->index(0, IncidentQueueModel::SeverityColumn).data().toString(),
             QStringLiteral("High"));
}

void TestMainWindow::screenshot()
{
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QSignalSpy shown(m_window.get(), &MainWindow::detailShown);
    QVERIFY(m_window->selectIncident(kBigIncident));
    QTRY_COMPARE(shown.size(), 1);
    SyncStatus status;
    status.lastSuccess = QDateTime::currentDateTime();
    status.callsLastMinute = 12;
    m_window->showSyncStatus(status);

    const QImage image = m_window->renderToImage();
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), m_window->size() * m_window->devicePixelRatio());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(image.save(dir.filePath(QStringLiteral("mainwindow.png"))));
    const QByteArray extra = qgetenv("VIGIL_UI_SCREENSHOT");
    if (!extra.isEmpty())
        QVERIFY(image.save(QString::fromLocal8Bit(extra)));
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 5)
        for (int x = 0; x < image.width(); x += 5)
            colours.insert(image.pixel(x, y));
    QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
