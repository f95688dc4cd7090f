#include "cloud.h"
#include "incidentqueuemodel.h"
#include "mainwindow.h"
#include "simfixture.h"
#include "synccontroller.h"

#include <QAction>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Vigil;

/** The main window on a real SyncController that syncs from the in-process simulated tenant. */
class TestMainWindowSim : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void bigIncidentFromTheSimulator();
};

void TestMainWindowSim::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("VigilTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindowsim"));
    QSettings().clear();
}

void TestMainWindowSim::bigIncidentFromTheSimulator()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Test::SimFixture sim;
    QVERIFY(sim.start(Sim::SimOptions{}));

    SyncConfig config = sim.syncConfig(dir.filePath(QStringLiteral("vigil.db")));
    config.autoPoll = true; // the first sync starts with the controller
    config.callsPerMinute = SyncConfig::kMaxCallsPerMinute;
    SyncController controller(config);

    MainWindow window(&controller);
    QList<QUrl> opened;
    window.setUrlOpener([&opened](const QUrl &url) {
        opened << url;
        return true;
    });
    window.resize(1600, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QSignalSpy finished(&controller, &SyncController::syncFinished);
    controller.start();
    QVERIFY(finished.wait(120000));
    QVERIFY2(finished.first().at(0).toBool(),
             qPrintable(finished.first().at(1).value<Error>().toString()));
    QTRY_VERIFY_WITH_TIMEOUT(window.queueModel()->rowCount() >= 300, 20000);

    // The tenant has an incident with exactly 420 alerts.
    const IncidentQueueModel *model = window.queueModel();
    qint64 number = 0;
    for (int row = 0; row < model->rowCount() && !number; ++row) {
        if (model->incidentAt(row).alertCount == 420)
            number = model->incidentAt(row).number;
    }
    QVERIFY(number > 0);
    const Incident incident = model->incidentAt(model->rowOfNumber(number));

    QSignalSpy shown(&window, &MainWindow::detailShown);
    QVERIFY(window.selectIncident(number));
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 30000);
    QCOMPARE(shown.last().at(0).toLongLong(), number);

    auto *queue = window.findChild<QTreeView *>(QStringLiteral("incidentQueue"));
    const QModelIndex current = queue->currentIndex();
    QCOMPARE(current.data(IncidentQueueModel::NumberRole).toLongLong(), number);
    QCOMPARE(current.siblingAtColumn(IncidentQueueModel::AlertsColumn).data().toString(),
             QStringLiteral("150+"));

    auto *alerts = window.findChild<QTreeView *>(QStringLiteral("alertList"));
    QCOMPARE(alerts->model()->rowCount(), kAlertDisplayLimit);
    QVERIFY(window.findChild<QWidget *>(QStringLiteral("alertCapBanner"))->isVisible());
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("alertCapText"))
                    ->text()
                    .startsWith(QStringLiteral("150+ alerts")));

    window.findChild<QAction *>(QStringLiteral("openInDefender"))->trigger();
    QCOMPARE(opened.size(), 1);
    QVERIFY2(isAllowedPortalUrl(opened.first(), config.cloud),
             qPrintable(opened.first().toString()));
    QVERIFY(opened.first().toString().contains(incident.providerIncidentId));

    const QImage image = window.renderToImage();
    QVERIFY(!image.isNull());
    QVERIFY(image.save(dir.filePath(QStringLiteral("mainwindow-sim.png"))));
    const QByteArray extra = qgetenv("VIGIL_UI_SCREENSHOT");
    if (!extra.isEmpty())
        QVERIFY(image.save(QString::fromLocal8Bit(extra)));

    // "Load all alerts" asks the store for every one of them.
    QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("loadAllAlerts")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(shown.size() >= 2, 30000);
    QCOMPARE(alerts->model()->rowCount(), 420);
    QVERIFY(!window.findChild<QWidget *>(QStringLiteral("alertCapBanner"))->isVisible());

    auto *status = window.findChild<QLabel *>(QStringLiteral("syncStatus"));
    QVERIFY2(status->text().contains(QStringLiteral("Last sync")), qPrintable(status->text()));
}

QTEST_MAIN(TestMainWindowSim)
#include "tst_mainwindowsim.moc"
