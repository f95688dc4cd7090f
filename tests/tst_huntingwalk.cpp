// The hunting page as an analyst meets it, in one walk on the demo tenant: open an incident,
// "Hunt" on its device, see that device's process events, change the query with completion,
// render a timechart, save the query, and run it in (simulated) Defender with the same columns.
// Everything is real: the simulator over HTTP, the sync into a store, the streamed hunting
// events, the library database, the window.
#include "appoptions.h"
#include "entitytreemodel.h"
#include "eventcontroller.h"
#include "eventstore.h"
#include "eventstreamcontroller.h"
#include "huntingchartview.h"
#include "huntinglibrary.h"
#include "huntinglibrarycontroller.h"
#include "huntingpage.h"
#include "huntingresultmodel.h"
#include "huntingresultview.h"
#include "huntingtab.h"
#include "incidentdetailview.h"
#include "incidentqueuemodel.h"
#include "kqleditor.h"
#include "mainwindow.h"
#include "pluralforms.h"
#include "querylibrarypanel.h"
#include "remotehuntcontroller.h"
#include "synccontroller.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCompleter>
#include <QInputDialog>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>

using namespace Vigil;

namespace {

QStringList headerNames(const HuntingResultModel *model)
{
    QStringList names;
    for (int c = 0; c < model->columnCount(); ++c)
        names.append(model->headerData(c, Qt::Horizontal).toString());
    return names;
}

/** Waits until tab has run what its editor holds. */
bool waitForRun(HuntingTab *tab, int timeoutMs = 30000)
{
    return QTest::qWaitFor(
            [tab] {
                return tab->lastQuery() == tab->editor()->toPlainText() && !tab->isRunning()
                       && !tab->statusText().startsWith(QLatin1String("Running"));
            },
            timeoutMs);
}

} // namespace

class TestHuntingWalk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(installPluralForms());
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("VigilTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_huntingwalk"));
        QSettings().clear();
    }

    void fromAnIncidentToDefender()
    {
        DemoTenant demo;
        const Result<void> started = demo.start(false);
        QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
        SyncConfig config;
        demo.configure(config);
        config.callsPerMinute = SyncConfig::kMaxCallsPerMinute;

        // The hunting tables, filled from the demo tenant's storage account as vigil --demo does.
        EventController events;
        QSignalSpy eventsOpened(&events, &EventController::opened);
        events.start(eventStorePath(config.store));
        QVERIFY(eventsOpened.wait(30000));
        EventStreamController stream(&events);
        QSignalSpy streamed(&stream, &EventStreamController::passFinished);
        stream.start(config, demo.dataDir(), demo.storageEnvironment());
        QVERIFY(streamed.wait(120000));

        HuntingLibraryController library;
        QSignalSpy libraryOpened(&library, &HuntingLibraryController::opened);
        library.start(huntingLibraryPath(demo.dataDir()));
        QVERIFY(libraryOpened.wait());
        RemoteHuntController remote;

        SyncController controller(config);
        MainWindow window(&controller);
        HuntingPage *page = window.huntingPage();
        page->setTabsSaved(false);
        page->setDatabasePath(eventStorePath(config.store));
        window.setEventController(&events);
        page->setLibraryController(&library);
        page->setRemoteHuntController(&remote);
        connect(page, &HuntingPage::runInDefenderRequested, &remote,
                [&remote, &controller] { remote.setConnection(controller.config()); });
        page->setRemoteRunAvailable(true);
        window.resize(1600, 1000);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QSignalSpy synced(&controller, &SyncController::syncFinished);
        controller.start();
        QVERIFY(synced.wait(120000));
        QVERIFY2(synced.first().at(0).toBool(),
                 qPrintable(synced.first().at(1).value<Error>().toString()));
        QTRY_VERIFY_WITH_TIMEOUT(window.queueModel()->rowCount() > 0, 20000);

        // 1. Open an incident, select one of its devices in the Entities tab and click "Hunt".
        // The demo tenant has events of its last seven days, around the alerts it tells a story
        // for: the walk takes the first device whose pivot finds events, as an analyst would
        // try the next device after an empty answer (each try is checked on the way).
        IncidentDetailView *detail = window.detailView();
        auto *tabs = detail->findChild<QTabWidget *>(QStringLiteral("detailTabs"));
        auto *entities = detail->findChild<QTreeView *>(QStringLiteral("entityView"));
        auto *hunt = detail->findChild<QPushButton *>(QStringLiteral("huntButton"));
        QVERIFY(tabs && entities && hunt);
        QString device;
        HuntingTab *tab = nullptr;
        int tries = 0;
        const IncidentQueueModel *queue = window.queueModel();
        const QDateTime recent = QDateTime::currentDateTimeUtc().addDays(-6);
        QList<qint64> numbers;
        for (int row = 0; row < queue->rowCount(); ++row)
            if (queue->incidentAt(row).createdTime >= recent)
                numbers.append(queue->incidentAt(row).number);
        for (const qint64 number : numbers) {
            if (tab || tries >= 40)
                break;
            window.showQueue();
            QSignalSpy shown(&window, &MainWindow::detailShown);
            QVERIFY(window.selectIncident(number));
            QVERIFY(QTest::qWaitFor([&shown, number] {
                return !shown.isEmpty() && shown.last().at(0).toLongLong() == number;
            }));
            tabs->setCurrentWidget(entities);
            QAbstractItemModel *entityModel = entities->model();
            QList<QPersistentModelIndex> devices;
            for (int g = 0; g < entityModel->rowCount(); ++g) {
                const QModelIndex group = entityModel->index(g, 0);
                for (int r = 0; r < entityModel->rowCount(group); ++r) {
                    const QModelIndex item = entityModel->index(r, 0, group);
                    if (item.data(EntityTreeModel::EntityRole).value<Entity>().kind
                        == QLatin1String("device"))
                        devices.append(item);
                }
            }
            for (const QPersistentModelIndex &item : devices) {
                if (tab || tries >= 40)
                    break;
                ++tries;
                window.showQueue();
                tabs->setCurrentWidget(entities);
                entities->setCurrentIndex(item);
                QVERIFY(hunt->isVisible() && hunt->isEnabled());
                QTest::mouseClick(hunt, Qt::LeftButton);
                QVERIFY(window.isHuntingPageShown());
                HuntingTab *tried = page->currentTab();
                QVERIFY2(tried->editor()->toPlainText().startsWith(
                                 QStringLiteral("DeviceProcessEvents\n")),
                         qPrintable(tried->editor()->toPlainText()));
                QVERIFY(waitForRun(tried));
                QCOMPARE(tried->lastResult().status, HuntRunResult::Status::Ok);
                if (tried->resultView()->model()->rowCount() > 0) {
                    tab = tried;
                    device = item.data(EntityTreeModel::EntityRole).value<Entity>().value;
                }
            }
        }
        QVERIFY2(tab,
                 qPrintable(QStringLiteral("no device pivot found events in %1 tries").arg(tries)));
        qInfo("the pivot on %s found events after %d tries", qPrintable(device), tries);

        // 2. The grid holds that device's process events.
        HuntingResultModel *model = tab->resultView()->model();
        const int deviceColumn = int(headerNames(model).indexOf(QStringLiteral("DeviceName")));
        QVERIFY(deviceColumn >= 0);
        // Defender names a device by its DNS name; the entity may carry the short one.
        const auto sameDevice = [&device](const QString &name) {
            const QString a = name.toLower();
            const QString b = device.toLower();
            return a == b || a.startsWith(b + QLatin1Char('.'))
                   || b.startsWith(a + QLatin1Char('.'));
        };
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString name = model->index(row, deviceColumn).data().toString();
            QVERIFY2(sameDevice(name), qPrintable(name));
        }

        // 3. Change the query with completion: a column picked from the popup.
        KqlEditor *editor = tab->editor();
        editor->setFocus();
        editor->moveCursor(QTextCursor::End);
        QTest::keyClick(editor, Qt::Key_Return);
        QTest::keyClicks(editor, QStringLiteral("| where FileN"));
        QAbstractItemView *popup = editor->completer()->popup();
        QTRY_VERIFY(popup->isVisible());
        QCOMPARE(popup->currentIndex().data().toString(), QStringLiteral("FileName"));
        QTest::keyClick(popup, Qt::Key_Return);
        QTest::keyClicks(editor, QStringLiteral(" != \"\""));
        QTest::keyClick(editor, Qt::Key_Return);
        QTest::keyClicks(editor, QStringLiteral("| project Timestamp, DeviceName, FileName"));
        popup->hide();
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(waitForRun(tab));
        QCOMPARE(tab->lastResult().status, HuntRunResult::Status::Ok);
        const QStringList localColumns = headerNames(model);
        QCOMPARE(localColumns,
                 (QStringList{QStringLiteral("Timestamp"), QStringLiteral("DeviceName"),
                              QStringLiteral("FileName")}));
        const int localRows = model->rowCount();
        QVERIFY(localRows > 0);

        // 4. Render a timechart of it in a second tab (Ctrl+T), as an analyst tries a view.
        const QString listQuery = editor->toPlainText();
        QTest::keyClick(editor, Qt::Key_T, Qt::ControlModifier);
        HuntingTab *chartTab = page->currentTab();
        QVERIFY(chartTab != tab);
        chartTab->editor()->setPlainText(
                listQuery
                + QStringLiteral("\n| summarize Events = count() by bin(Timestamp, 1h)\n"
                                 "| render timechart"));
        QTest::keyClick(chartTab->editor(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(waitForRun(chartTab));
        QCOMPARE(chartTab->lastResult().status, HuntRunResult::Status::Ok);
        QVERIFY(chartTab->chartView());
        QCOMPARE(chartTab->resultTabs()->currentWidget(), chartTab->chartView());

        // 5. Save the first query under a name (with markup in it: it is only text).
        page->tabs()->setCurrentWidget(tab);
        QueryLibraryPanel *panel = page->libraryPanel();
        auto *save = panel->findChild<QPushButton *>(QStringLiteral("saveQueryButton"));
        auto *saved = panel->findChild<QTreeWidget *>(QStringLiteral("savedList"));
        QVERIFY(save && saved);
        QTRY_VERIFY(save->isEnabled());
        const QString name = QStringLiteral("Processes on <b>%1</b>").arg(device);
        QTimer::singleShot(0, this, [name] {
            auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->setTextValue(name);
            dialog->accept();
        });
        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_COMPARE(saved->topLevelItemCount(), 1);
        QCOMPARE(saved->topLevelItem(0)->text(QueryLibraryPanel::Name), name);

        // 6. Run it in Defender: the same columns, marked as Defender's answer.
        QSignalSpy finished(tab, &HuntingTab::queryFinished);
        page->runInDefenderAction()->trigger();
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.first().at(1).value<HuntRunResult>().status == HuntRunResult::Status::Ok,
                 qPrintable(tab->errorText()));
        QCOMPARE(tab->resultOrigin(), QStringLiteral("Ran in Microsoft 365 Defender"));
        QCOMPARE(headerNames(model), localColumns);
        // Defender keeps 30 days, the demo tables 7: it has at least what is stored here.
        QVERIFY2(model->rowCount() >= localRows,
                 qPrintable(QStringLiteral("%1 < %2").arg(model->rowCount()).arg(localRows)));
    }
};

QTEST_MAIN(TestHuntingWalk)
#include "tst_huntingwalk.moc"
