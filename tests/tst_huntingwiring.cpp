// The hunting page as the window wires it: a `render` run draws its chart in a tab beside the
// grid, every run lands in the History, the schema browser inserts into the editor, and Run in
// Defender against the demo tenant shows its rows in the same grid with the local run's columns.
#include "appoptions.h"
#include "eventcontroller.h"
#include "huntingchartview.h"
#include "huntinglibrarycontroller.h"
#include "huntingpage.h"
#include "huntingresultmodel.h"
#include "huntingresultview.h"
#include "huntingtab.h"
#include "kqleditor.h"
#include "pluralforms.h"
#include "querylibrarypanel.h"
#include "remotehuntcontroller.h"
#include "schemabrowser.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QXYSeries>
#include <QtCharts/QChart>

using namespace Vigil;

namespace {

QByteArray processLine(const QString &time, const QString &device, int report, const QString &file)
{
    const QJsonObject properties{
            {QStringLiteral("Timestamp"), time},
            {QStringLiteral("DeviceId"), QStringLiteral("d1")},
            {QStringLiteral("DeviceName"), device},
            {QStringLiteral("ReportId"), report},
            {QStringLiteral("FileName"), file},
            {QStringLiteral("AccountName"), QStringLiteral("alice")},
    };
    return QJsonDocument(QJsonObject{{QStringLiteral("category"),
                                      QStringLiteral("AdvancedHunting-DeviceProcessEvents")},
                                     {QStringLiteral("properties"), properties}})
                   .toJson(QJsonDocument::Compact)
           + '\n';
}

QStringList headerNames(HuntingResultModel *model)
{
    QStringList names;
    for (int c = 0; c < model->columnCount(); ++c)
        names.append(model->headerData(c, Qt::Horizontal).toString());
    return names;
}

QTreeWidgetItem *findItem(QTreeWidget *tree, int column, const QString &text)
{
    const QList<QTreeWidgetItem *> items
            = tree->findItems(text, Qt::MatchExactly | Qt::MatchRecursive, column);
    return items.isEmpty() ? nullptr : items.first();
}

} // namespace

class TestHuntingWiring : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;
    std::unique_ptr<EventController> m_events;
    std::unique_ptr<HuntingLibraryController> m_library;

    std::unique_ptr<HuntingPage> newPage()
    {
        auto page = std::make_unique<HuntingPage>();
        page->setTabsSaved(false);
        page->setDatabasePath(m_db);
        page->setEventController(m_events.get());
        page->setLibraryController(m_library.get());
        page->resize(1400, 900);
        page->show();
        return page;
    }

    /** Puts text in the current tab, runs it with Ctrl+Enter and waits for the end. */
    HuntRunResult run(HuntingPage *page, const QString &text)
    {
        HuntingTab *tab = page->currentTab();
        tab->editor()->setPlainText(text);
        QSignalSpy finished(tab, &HuntingTab::queryFinished);
        QTest::keyClick(tab->editor(), Qt::Key_Return, Qt::ControlModifier);
        if (!finished.wait(30000))
            return HuntRunResult{HuntRunResult::Status::Failed, {}, 0, false, 0, {},
                                 QStringLiteral("no result"),   {}, {}};
        return finished.first().at(1).value<HuntRunResult>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(installPluralForms());
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("VigilTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_huntingwiring"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("events.sqlite"));
        // Six events over three hours: 09:xx (three), 10:xx (one), 12:xx (two); no 11:xx.
        QByteArray lines;
        const QStringList times{
                QStringLiteral("2024-03-26T09:00:00Z"), QStringLiteral("2024-03-26T09:10:00Z"),
                QStringLiteral("2024-03-26T09:59:59Z"), QStringLiteral("2024-03-26T10:30:00Z"),
                QStringLiteral("2024-03-26T12:00:00Z"), QStringLiteral("2024-03-26T12:45:00Z")};
        for (int i = 0; i < times.size(); ++i)
            lines += processLine(times[i], QStringLiteral("web-<b>01</b>"), i + 1,
                                 QStringLiteral("cmd.exe"));
        const QString path = m_dir.filePath(QStringLiteral("events.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(lines);
        file.close();
        m_events = std::make_unique<EventController>();
        QSignalSpy opened(m_events.get(), &EventController::opened);
        m_events->start(m_db);
        QVERIFY(opened.wait());
        QSignalSpy imported(m_events.get(), &EventController::importFinished);
        m_events->importFile(path);
        QVERIFY(imported.wait(30000));
        QCOMPARE(imported.first().first().value<EventImportSummary>().result.totalInserted(), 6);

        m_library = std::make_unique<HuntingLibraryController>();
        QSignalSpy libraryOpened(m_library.get(), &HuntingLibraryController::opened);
        m_library->start(m_dir.filePath(QStringLiteral("hunting-library.sqlite")));
        QVERIFY(libraryOpened.wait());
        QVERIFY(!libraryOpened.first().first().value<std::optional<Error>>());
    }

    void cleanupTestCase()
    {
        m_library.reset();
        m_events.reset();
    }

    void renderTimechartShowsTheChartTab()
    {
        auto page = newPage();
        HuntingTab *tab = page->currentTab();
        QCOMPARE(tab->resultTabs()->count(), 1);
        const HuntRunResult result
                = run(page.get(), QStringLiteral("DeviceProcessEvents | summarize count() by "
                                                 "bin(Timestamp, 1h) | render timechart"));
        QCOMPARE(result.status, HuntRunResult::Status::Ok);
        QCOMPARE(tab->resultView()->model()->rowCount(), 3);
        // The chart sits beside the grid and is shown, as Defender does.
        QCOMPARE(tab->resultTabs()->count(), 2);
        QCOMPARE(tab->resultTabs()->tabText(1), QStringLiteral("Chart"));
        QVERIFY(tab->chartView());
        QCOMPARE(tab->resultTabs()->currentWidget(), tab->chartView());
        QChart *chart = tab->chartView()->chart();
        QVERIFY(chart);
        QCOMPARE(chart->series().size(), 1);
        auto *series = qobject_cast<QXYSeries *>(chart->series().first());
        QVERIFY(series);
        QCOMPARE(series->count(), 3);
        QList<double> counts;
        for (const QPointF &point : series->points())
            counts.append(point.y());
        std::sort(counts.begin(), counts.end());
        QCOMPARE(counts, (QList<double>{1, 2, 3}));

        // A chart that cannot be drawn says why in its tab.
        QCOMPARE(run(page.get(),
                     QStringLiteral("DeviceProcessEvents | project FileName | render piechart"))
                         .status,
                 HuntRunResult::Status::Ok);
        QVERIFY(tab->chartView());
        QVERIFY(!tab->chartView()->chart());
        QVERIFY(!tab->chartView()->errorText().isEmpty());

        // Without render, no chart tab is left behind.
        QCOMPARE(run(page.get(), QStringLiteral("DeviceProcessEvents | take 2")).status,
                 HuntRunResult::Status::Ok);
        QCOMPARE(tab->resultTabs()->count(), 1);
        QVERIFY(!tab->chartView());
        QCOMPARE(tab->resultTabs()->currentWidget(), tab->resultView());
    }

    void runsGoToTheHistoryAndOpenInANewTab()
    {
        auto page = newPage();
        QVERIFY(page->libraryPanel());
        QCOMPARE(page->sidePanel()->indexOf(page->libraryPanel()) >= 0, true);
        const QString query = QStringLiteral("DeviceProcessEvents | where ReportId > 4");
        QCOMPARE(run(page.get(), query).status, HuntRunResult::Status::Ok);
        // "Save current query…" gets the editor's text.
        QCOMPARE(page->libraryPanel()->currentQuery(), query);
        auto *history
                = page->libraryPanel()->findChild<QTreeWidget *>(QStringLiteral("historyList"));
        QVERIFY(history);
        QTRY_VERIFY(findItem(history, QueryLibraryPanel::HistoryQuery, query));
        QTreeWidgetItem *item = findItem(history, QueryLibraryPanel::HistoryQuery, query);
        QCOMPARE(item->text(QueryLibraryPanel::Rows), QStringLiteral("2"));
        QCOMPARE(item->text(QueryLibraryPanel::Where), QStringLiteral("this machine"));
        QCOMPARE(item->text(QueryLibraryPanel::Status), QStringLiteral("ok"));

        // Picking it opens a new tab with its text.
        const int tabs = page->tabCount();
        history->setCurrentItem(item);
        Q_EMIT history->itemActivated(item, 0);
        QCOMPARE(page->tabCount(), tabs + 1);
        QCOMPARE(page->currentTab()->editor()->toPlainText(), query);
        page->currentTab()->editor()->setPlainText(QStringLiteral("DeviceInfo"));
        QCOMPARE(page->libraryPanel()->currentQuery(), QStringLiteral("DeviceInfo"));
        page->tabs()->setCurrentIndex(0);
        QCOMPARE(page->libraryPanel()->currentQuery(), query);
    }

    void schemaDoubleClickInsertsTheName()
    {
        auto page = newPage();
        SchemaBrowser *schema = page->schemaBrowser();
        QVERIFY(schema);
        page->sidePanel()->setCurrentWidget(schema);
        auto *tree = schema->findChild<QTreeWidget *>(QStringLiteral("schemaTree"));
        QVERIFY(tree);
        QTRY_VERIFY(findItem(tree, SchemaBrowser::Name, QStringLiteral("DeviceProcessEvents")));
        // The local rows are counted once the store answers (the tree is filled again then).
        const auto rowsShown = [tree] {
            QTreeWidgetItem *found
                    = findItem(tree, SchemaBrowser::Name, QStringLiteral("DeviceProcessEvents"));
            return found ? found->text(SchemaBrowser::Rows) : QString();
        };
        QTRY_COMPARE(rowsShown(), QStringLiteral("6"));
        QTreeWidgetItem *item
                = findItem(tree, SchemaBrowser::Name, QStringLiteral("DeviceProcessEvents"));
        page->currentTab()->editor()->setPlainText(QString());
        tree->scrollToItem(item);
        const QPoint at = tree->visualItemRect(item).center();
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(page->currentTab()->editor()->toPlainText(),
                 QStringLiteral("DeviceProcessEvents"));
    }

    void runInDefenderSearchesTheChosenWindow()
    {
        DemoTenant demo;
        const Result<void> started = demo.start(false);
        QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
        SyncConfig config;
        demo.configure(config);
        RemoteHuntController remote;
        remote.setConnection(config);
        QSettings().remove(QStringLiteral("hunting/defenderTimespan"));

        auto page = newPage();
        page->setRemoteHuntController(&remote);
        page->setRemoteRunAvailable(true);
        HuntingTab *tab = page->currentTab();
        // The tab's button carries the window menu behind its arrow.
        QToolButton *button = nullptr;
        for (auto *candidate : tab->findChildren<QToolButton *>())
            if (candidate->defaultAction() == page->runInDefenderAction() && candidate->isVisible())
                button = candidate;
        QVERIFY(button);
        QCOMPARE(button->popupMode(), QToolButton::MenuButtonPopup);
        QMenu *menu = page->runInDefenderAction()->menu();
        QVERIFY(menu);
        const auto choice = [menu](const char *name) {
            for (QAction *action : menu->actions())
                if (action->objectName() == QLatin1String(name))
                    return action;
            return static_cast<QAction *>(nullptr);
        };
        QVERIFY(choice("defenderTimespan_default")->isChecked());
        QVERIFY(page->remoteTimespan().isEmpty());
        QVERIFY(page->runInDefenderAction()->toolTip().contains(
                QStringLiteral("Defender's last 30 days")));

        const auto defenderCount = [&]() -> qint64 {
            tab->editor()->setPlainText(QStringLiteral("DeviceProcessEvents | count"));
            QSignalSpy finished(tab, &HuntingTab::queryFinished);
            page->runInDefenderAction()->trigger();
            if (!finished.wait(60000))
                return -1;
            if (finished.first().at(1).value<HuntRunResult>().status != HuntRunResult::Status::Ok)
                return -2;
            const QModelIndex cell = tab->resultView()->model()->index(0, 0);
            return cell.data(Qt::DisplayRole).toString().remove(QLatin1Char(',')).toLongLong();
        };
        const qint64 everything = defenderCount();
        QVERIFY2(everything > 0, qPrintable(tab->errorText()));

        // Text that is no time window is refused with a message, and the choice stays.
        QTimer::singleShot(0, this, [] {
            auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->setTextValue(QStringLiteral("<b>soon</b>"));
            QTimer::singleShot(0, [] {
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                QVERIFY(box);
                QVERIFY(box->text().contains(QStringLiteral("\"<b>soon</b>\" is not an ISO 8601")));
                QCOMPARE(box->textFormat(), Qt::AutoText);
                box->accept();
            });
            dialog->accept();
        });
        choice("defenderTimespan_custom")->trigger();
        QVERIFY(page->remoteTimespan().isEmpty());
        QVERIFY(choice("defenderTimespan_default")->isChecked());

        // A window before Defender's 30 days holds nothing.
        QTimer::singleShot(0, this, [] {
            auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->setTextValue(QStringLiteral("2000-01-01T00:00:00Z/2000-01-02T00:00:00Z"));
            dialog->accept();
        });
        choice("defenderTimespan_custom")->trigger();
        QCOMPARE(page->remoteTimespan(),
                 QStringLiteral("2000-01-01T00:00:00Z/2000-01-02T00:00:00Z"));
        QVERIFY(choice("defenderTimespan_custom")->isChecked());
        QVERIFY(choice("defenderTimespan_custom")->text().contains(QStringLiteral("2000-01-01")));
        QCOMPARE(defenderCount(), 0);

        // Back to all of it: the count comes back; the choice outlives the page.
        choice("defenderTimespan_P7D")->trigger();
        QCOMPARE(page->remoteTimespan(), QStringLiteral("P7D"));
        QVERIFY(page->runInDefenderAction()->toolTip().contains(QStringLiteral("last 7 days")));
        choice("defenderTimespan_default")->trigger();
        QCOMPARE(defenderCount(), everything);
        choice("defenderTimespan_PT1H")->trigger();
        page.reset();
        auto again = newPage();
        QCOMPARE(again->remoteTimespan(), QStringLiteral("PT1H"));
        QVERIFY(again->runInDefenderAction()->menu()->actions().first()->isChecked());
    }

    void runInDefenderSaysWhyItWaits()
    {
        DemoTenant demo;
        const Result<void> started = demo.start(false);
        QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
        SyncConfig config;
        demo.configure(config);
        RemoteHuntController remote;
        remote.setConnection(config);
        auto page = newPage();
        page->setRemoteHuntController(&remote);
        page->setRemoteRunAvailable(true);
        HuntingTab *tab = page->currentTab();
        tab->editor()->setPlainText(QStringLiteral("DeviceProcessEvents | take 1"));
        QSignalSpy finished(tab, &HuntingTab::queryFinished);
        page->runInDefenderAction()->trigger();
        // What the controller says when Defender answers 429 with Retry-After.
        Q_EMIT remote.waiting(QDateTime::currentDateTimeUtc().addSecs(42),
                              QStringLiteral("<b>throttling</b>\nslow down"));
        const QString status = tab->statusText();
        QVERIFY2(status.startsWith(QStringLiteral("Waiting for Defender (<b>throttling</b> slow "
                                                  "down): trying again in ")),
                 qPrintable(status));
        QVERIFY2(status.endsWith(QStringLiteral(" seconds")), qPrintable(status));
        auto *label = tab->findChild<QLabel *>(QStringLiteral("huntingStatus"));
        QCOMPARE(label->textFormat(), Qt::PlainText);
        QVERIFY(finished.wait(60000));
        QVERIFY(!tab->statusText().startsWith(QStringLiteral("Waiting")));
    }

    void runInDefenderShowsTheDemoTenantsRows()
    {
        DemoTenant demo;
        const Result<void> started = demo.start(false);
        QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
        SyncConfig config;
        demo.configure(config);
        RemoteHuntController remote;
        remote.setConnection(config);
        QVERIFY(remote.hasConnection());

        auto page = newPage();
        auto *history
                = page->libraryPanel()->findChild<QTreeWidget *>(QStringLiteral("historyList"));
        const auto defenderRuns = [history] {
            return history
                    ->findItems(QStringLiteral("Defender"), Qt::MatchExactly,
                                QueryLibraryPanel::Where)
                    .size();
        };
        // The runs of the tests before this one are in the library too.
        QSignalSpy loaded(m_library.get(), &HuntingLibraryController::historyLoaded);
        m_library->requestHistory();
        QVERIFY(loaded.wait());
        const auto runsBefore = defenderRuns();
        QVERIFY(!page->runInDefenderAction()->isEnabled());
        page->setRemoteHuntController(&remote);
        page->setRemoteRunAvailable(true);
        QVERIFY(page->runInDefenderAction()->isEnabled());

        const QString query = QStringLiteral(
                "DeviceProcessEvents | project Timestamp, DeviceName, FileName, ReportId "
                "| take 5");
        HuntingTab *tab = page->currentTab();
        QCOMPARE(run(page.get(), query).status, HuntRunResult::Status::Ok);
        const QStringList localColumns = headerNames(tab->resultView()->model());
        QCOMPARE(localColumns.size(), 4);

        QSignalSpy finished(tab, &HuntingTab::queryFinished);
        page->runInDefenderAction()->trigger();
        QVERIFY(!page->runInDefenderAction()->isEnabled()); // one run at a time
        QVERIFY(finished.wait(60000));
        const auto result = finished.first().at(1).value<HuntRunResult>();
        QVERIFY2(result.status == HuntRunResult::Status::Ok, qPrintable(tab->errorText()));
        QVERIFY(page->runInDefenderAction()->isEnabled());
        QCOMPARE(headerNames(tab->resultView()->model()), localColumns);
        QCOMPARE(tab->resultView()->model()->rowCount(), 5);
        QCOMPARE(tab->resultOrigin(), QStringLiteral("Ran in Microsoft 365 Defender"));
        QVERIFY2(tab->statusText().startsWith(QStringLiteral("Ran in Microsoft 365 Defender · 5 "
                                                             "rows · ")),
                 qPrintable(tab->statusText()));
        QCOMPARE(tab->editor()->toPlainText(), query);

        // Esc stops a run in Defender; the tab says it was cancelled.
        finished.clear();
        page->runInDefenderAction()->trigger();
        QTest::keyClick(tab->editor(), Qt::Key_Escape);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(1).value<HuntRunResult>().status,
                 HuntRunResult::Status::Cancelled);
        QCOMPARE(tab->errorText(), QStringLiteral("The query was cancelled."));
        QVERIFY(page->runInDefenderAction()->isEnabled());

        // So does the Cancel button, which stays available while Defender runs.
        auto *cancelAction = tab->findChild<QAction *>(QStringLiteral("cancelQuery"));
        QVERIFY(cancelAction);
        QVERIFY(!cancelAction->isEnabled());
        finished.clear();
        page->runInDefenderAction()->trigger();
        QVERIFY(cancelAction->isEnabled());
        cancelAction->trigger();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(1).value<HuntRunResult>().status,
                 HuntRunResult::Status::Cancelled);
        QVERIFY(!cancelAction->isEnabled());
        QVERIFY(page->runInDefenderAction()->isEnabled());

        // Recorded as Defender runs.
        QTRY_COMPARE(defenderRuns(), runsBefore + 3);

        // Defender's refusal in its own words, as plain text; a local run afterwards is local.
        finished.clear();
        tab->editor()->setPlainText(QStringLiteral("NoSuchTable | where X == \"<b>x</b>\""));
        page->runInDefenderAction()->trigger();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().at(1).value<HuntRunResult>().status,
                 HuntRunResult::Status::Failed);
        QVERIFY2(tab->errorText().contains(QStringLiteral("NoSuchTable")),
                 qPrintable(tab->errorText()));
        QCOMPARE(run(page.get(), query).status, HuntRunResult::Status::Ok);
        QVERIFY(tab->resultOrigin().isEmpty());
        QVERIFY(!tab->statusText().contains(QStringLiteral("Defender")));
    }
};

QTEST_MAIN(TestHuntingWiring)
#include "tst_huntingwiring.moc"
