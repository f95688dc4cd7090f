// The hunting page driven by keyboard against a store with known rows: completion, run, the
// block at the cursor, cancel, the grid (types, sort, filter, copy, tree), export in the shape of
// `vigilctl hunt`, the error underline, tabs across restarts, and Hunt from the incident detail.
#include "entitytreemodel.h"
#include "eventcontroller.h"
#include "eventstore.h"
#include "huntingcontroller.h"
#include "huntingpage.h"
#include "huntingpivot.h"
#include "huntingresultmodel.h"
#include "huntingresultview.h"
#include "huntingtab.h"
#include "incidentdetailview.h"
#include "kqleditor.h"
#include "mainwindow.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCompleter>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>

using namespace Vigil;

namespace {

QByteArray processLine(const QString &time, const QString &deviceId, const QString &device,
                       int report, const QString &file, const QString &commandLine, int size)
{
    const QJsonObject properties{
            {QStringLiteral("Timestamp"), time},
            {QStringLiteral("DeviceId"), deviceId},
            {QStringLiteral("DeviceName"), device},
            {QStringLiteral("ReportId"), report},
            {QStringLiteral("FileName"), file},
            {QStringLiteral("ProcessCommandLine"), commandLine},
            {QStringLiteral("FileSize"), size},
            {QStringLiteral("AccountName"), QStringLiteral("alice")},
            {QStringLiteral("AdditionalFields"), QStringLiteral("{\"k\":{\"a\":[1,2]},\"n\":3}")},
    };
    return QJsonDocument(QJsonObject{{QStringLiteral("category"),
                                      QStringLiteral("AdvancedHunting-DeviceProcessEvents")},
                                     {QStringLiteral("properties"), properties}})
                   .toJson(QJsonDocument::Compact)
           + '\n';
}

QStringList columnTexts(HuntingResultView *view, int column)
{
    QStringList texts;
    QSortFilterProxyModel *proxy = view->proxy();
    for (int r = 0; r < proxy->rowCount(); ++r)
        texts.append(proxy->index(r, column).data().toString());
    return texts;
}

QStringList headerNames(HuntingResultModel *model)
{
    QStringList names;
    for (int c = 0; c < model->columnCount(); ++c)
        names.append(model->headerData(c, Qt::Horizontal).toString());
    return names;
}

Alert alertAt(const QString &first, const QString &last, const QList<Entity> &evidence)
{
    Alert alert;
    alert.id = QStringLiteral("da1");
    alert.title = QStringLiteral("Suspicious <b>process</b>");
    alert.severity = QStringLiteral("high");
    alert.createdTime = QDateTime::fromString(first, Qt::ISODate);
    alert.firstActivityTime = QDateTime::fromString(first, Qt::ISODate);
    alert.lastActivityTime = QDateTime::fromString(last, Qt::ISODate);
    alert.evidence = evidence;
    return alert;
}

Entity entity(const QString &kind, const QString &value, const QJsonObject &raw)
{
    Entity e;
    e.kind = kind;
    e.value = value;
    e.rawJson = QJsonDocument(raw).toJson(QJsonDocument::Compact);
    return e;
}

} // namespace

class TestHuntingPage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;
    std::unique_ptr<EventController> m_events;
    const QString m_hostileDevice = QStringLiteral("we\"b\\02 | take 100 //");

    /** Runs the current tab's query with Ctrl+Enter and waits for it to finish. */
    HuntRunResult runWithKeys(HuntingTab *tab)
    {
        QSignalSpy finished(tab, &HuntingTab::queryFinished);
        QTest::keyClick(tab->editor(), Qt::Key_Return, Qt::ControlModifier);
        if (!finished.wait(20000))
            return HuntRunResult{HuntRunResult::Status::Failed, {}, 0, false, 0, {},
                                 QStringLiteral("no result"),   {}, {}};
        return finished.first().at(1).value<HuntRunResult>();
    }

    void type(KqlEditor *editor, const QStringList &lines)
    {
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (i > 0) {
                editor->completer()->popup()->hide();
                QTest::keyClick(editor, Qt::Key_Return);
            }
            QTest::keyClicks(editor, lines[i]);
        }
        editor->completer()->popup()->hide();
    }

    std::unique_ptr<HuntingPage> newPage()
    {
        auto page = std::make_unique<HuntingPage>();
        page->setDatabasePath(m_db);
        page->resize(1400, 900);
        page->show();
        return page;
    }

    QString vigilctl(const QStringList &args)
    {
        QProcess process;
        process.start(QStringLiteral(VIGILCTL_PATH),
                      QStringList{QStringLiteral("--data-dir"), m_dir.path()} + args);
        if (!process.waitForFinished(60000))
            return {};
        return QString::fromUtf8(process.readAllStandardOutput());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("VigilTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_huntingpage"));
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("events.sqlite"));
        QByteArray lines;
        lines += processLine(QStringLiteral("2024-03-26T09:00:00Z"), QStringLiteral("d1"),
                             QStringLiteral("web-01"), 1, QStringLiteral("cmd.exe"),
                             QStringLiteral("=cmd|' /C calc'!A0"), 9);
        lines += processLine(QStringLiteral("2024-03-26T09:10:00.1234567Z"), QStringLiteral("d1"),
                             QStringLiteral("web-01"), 2, QStringLiteral("powershell.exe"),
                             QStringLiteral("powershell -enc <b>x</b>, \"quoted\""), 100);
        lines += processLine(QStringLiteral("2024-03-26T09:20:00Z"), QStringLiteral("d2"),
                             m_hostileDevice, 3, QStringLiteral("cmd.exe"),
                             QStringLiteral("cmd /c whoami"), 10);
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
        QCOMPARE(imported.first().first().value<EventImportSummary>().result.totalInserted(), 3);
    }

    void cleanupTestCase() { m_events.reset(); }

    void init() { QSettings().clear(); }

    void functionCompletionComesWithParentheses()
    {
        auto page = newPage();
        KqlEditor *editor = page->currentTab()->editor();
        editor->setFocus();
        QAbstractItemView *popup = editor->completer()->popup();
        QTest::keyClicks(editor, QStringLiteral("DeviceProcessEvents | extend l = tolowe"));
        QTRY_VERIFY(popup->isVisible());
        QCOMPARE(popup->currentIndex().data().toString(), QStringLiteral("tolower"));
        QTest::keyClick(popup, Qt::Key_Return);
        QCOMPARE(editor->toPlainText(),
                 QStringLiteral("DeviceProcessEvents | extend l = tolower()"));
        // The cursor waits between the parentheses for the argument.
        QTest::keyClicks(editor, QStringLiteral("FileName"));
        editor->completer()->popup()->hide();
        QCOMPARE(editor->toPlainText(),
                 QStringLiteral("DeviceProcessEvents | extend l = tolower(FileName)"));

        // Parentheses typed already are not doubled; a column gets none.
        editor->setPlainText(QStringLiteral("DeviceProcessEvents | extend l = tolowe(FileName)"));
        QTextCursor cursor = editor->textCursor();
        cursor.setPosition(int(QStringLiteral("DeviceProcessEvents | extend l = tolowe").size()));
        editor->setTextCursor(cursor);
        editor->complete();
        QTRY_VERIFY(popup->isVisible());
        QTest::keyClick(popup, Qt::Key_Return);
        QCOMPARE(editor->toPlainText(),
                 QStringLiteral("DeviceProcessEvents | extend l = tolower(FileName)"));
    }

    void typeWithCompletionAndRun()
    {
        auto page = newPage();
        HuntingTab *tab = page->currentTab();
        QVERIFY(tab);
        KqlEditor *editor = tab->editor();
        editor->setFocus();
        QAbstractItemView *popup = editor->completer()->popup();

        QTest::keyClicks(editor, QStringLiteral("DeviceProc"));
        QTRY_VERIFY(popup->isVisible());
        QCOMPARE(popup->currentIndex().data().toString(), QStringLiteral("DeviceProcessEvents"));
        QTest::keyClick(popup, Qt::Key_Return);
        QVERIFY(!popup->isVisible());
        QCOMPARE(editor->toPlainText(), QStringLiteral("DeviceProcessEvents"));

        QTest::keyClick(editor, Qt::Key_Return);
        QTest::keyClicks(editor, QStringLiteral("| where FileN"));
        QTRY_VERIFY(popup->isVisible());
        QCOMPARE(popup->currentIndex().data().toString(), QStringLiteral("FileName"));
        // The type is shown beside the column; a function beside it shows its signature.
        QCOMPARE(popup->currentIndex().siblingAtColumn(1).data().toString(),
                 QStringLiteral("string"));
        QTest::keyClick(popup, Qt::Key_Return);
        QCOMPARE(editor->toPlainText(), QStringLiteral("DeviceProcessEvents\n| where FileName"));

        type(editor, {QStringLiteral(" == \"cmd.exe\""),
                      QStringLiteral("| project FileName, FileSize, DeviceName, Timestamp"),
                      QStringLiteral("| sort by FileSize asc")});
        const HuntRunResult result = runWithKeys(tab);
        QCOMPARE(result.status, HuntRunResult::Status::Ok);
        HuntingResultModel *model = tab->resultView()->model();
        QCOMPARE(headerNames(model),
                 (QStringList{QStringLiteral("FileName"), QStringLiteral("FileSize"),
                              QStringLiteral("DeviceName"), QStringLiteral("Timestamp")}));
        QCOMPARE(model->headerData(1, Qt::Horizontal, Qt::ToolTipRole).toString(),
                 QStringLiteral("FileSize (long)"));
        QCOMPARE(model->headerData(3, Qt::Horizontal, Qt::ToolTipRole).toString(),
                 QStringLiteral("Timestamp (datetime)"));
        QCOMPARE(columnTexts(tab->resultView(), 1),
                 (QStringList{QStringLiteral("9"), QStringLiteral("10")}));
        QCOMPARE(columnTexts(tab->resultView(), 2),
                 (QStringList{QStringLiteral("web-01"), m_hostileDevice}));
        // Datetimes as Kusto prints them.
        QCOMPARE(columnTexts(tab->resultView(), 3).first(),
                 QStringLiteral("2024-03-26T09:00:00.0000000Z"));
        QVERIFY2(tab->statusText().startsWith(QStringLiteral("2 rows · ")),
                 qPrintable(tab->statusText()));
        QVERIFY(tab->errorText().isEmpty());
    }

    // invoke SeenBy(): the list Defender answered shows as its JSON; a device Vigil was not told
    // about shows as null (not known), which is not the empty list (nobody saw it).
    void seenByShowsWhatDefenderAnswered()
    {
        {
            auto events = openEventStore(m_db);
            QVERIFY(events);
            SeenByRecord d1;
            d1.deviceId = QStringLiteral("d1");
            d1.seenBy = QStringLiteral(
                    R"([{"DeviceId":"d2","LastEncountered":"2024-03-26T08:55:00.0000000Z"}])");
            d1.fetched = 1;
            QVERIFY(events.value()->storeSeenBy({d1}));
        }
        auto page = newPage();
        HuntingTab *tab = page->currentTab();
        tab->editor()->setPlainText(QStringLiteral(
                "DeviceProcessEvents\n| summarize arg_max(Timestamp, DeviceName) by DeviceId\n"
                "| invoke SeenBy()\n| order by DeviceId asc"));
        tab->editor()->setFocus();
        const HuntRunResult result = runWithKeys(tab);
        QCOMPARE(result.status, HuntRunResult::Status::Ok);
        QCOMPARE(headerNames(tab->resultView()->model()),
                 (QStringList{QStringLiteral("DeviceId"), QStringLiteral("Timestamp"),
                              QStringLiteral("DeviceName"), QStringLiteral("SeenBy")}));
        QCOMPARE(tab->resultView()->model()->headerData(3, Qt::Horizontal, Qt::ToolTipRole),
                 QVariant(QStringLiteral("SeenBy (dynamic)")));
        const QStringList seenBy = columnTexts(tab->resultView(), 3);
        QCOMPARE(seenBy.size(), 2);
        QCOMPARE(
                seenBy[0],
                QStringLiteral(
                        R"([{"DeviceId":"d2","LastEncountered":"2024-03-26T08:55:00.0000000Z"}])"));
        QCOMPARE(seenBy[1], QString());
    }

    // A constant read as another type is run and said so; parse_version()'s decimals show as
    // the number they are.
    void warningsAndDecimalsAreShown()
    {
        auto page = newPage();
        HuntingTab *tab = page->currentTab();
        tab->editor()->setPlainText(
                QStringLiteral("DeviceProcessEvents\n| where FileSize == '9'\n| extend V = "
                               "parse_version('8.8.10')\n| project FileName, V"));
        tab->editor()->setFocus();
        const HuntRunResult result = runWithKeys(tab);
        QCOMPARE(result.status, HuntRunResult::Status::Ok);
        QCOMPARE(columnTexts(tab->resultView(), 0), QStringList{QStringLiteral("cmd.exe")});
        QCOMPARE(columnTexts(tab->resultView(), 1),
                 QStringList{QStringLiteral("8000000080000001000000000")});
        // Sorted as numbers: 10.0 above 8.8.10, and 1.2.3.5 above 1.2.3.4, which a double
        // would not tell apart.
        tab->editor()->setPlainText(QStringLiteral(
                "datatable(v:string) ['10.0', '8.8.10', '1.2.3.5', '1.2.3.4'] | extend V = "
                "parse_version(v)"));
        QCOMPARE(runWithKeys(tab).status, HuntRunResult::Status::Ok);
        HuntingResultModel *model = tab->resultView()->model();
        QStringList keys;
        for (int row = 0; row < model->rowCount(); ++row)
            keys.append(model->index(row, 1).data(HuntingResultModel::SortRole).toString());
        QStringList sorted = keys;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(sorted, (QStringList{keys[3], keys[2], keys[1], keys[0]}));
        tab->editor()->setPlainText(
                QStringLiteral("DeviceProcessEvents\n| where FileSize == '9'\n| project FileName"));
        QCOMPARE(runWithKeys(tab).status, HuntRunResult::Status::Ok);
        QVERIFY2(tab->statusText().contains(QStringLiteral("1 warning, hover to read")),
                 qPrintable(tab->statusText()));
        QVERIFY2(
                tab->statusToolTip().contains(QStringLiteral("&#x27;9&#x27; is read as the long 9"))
                        || tab->statusToolTip().contains(
                                QStringLiteral("'9' is read as the long 9")),
                qPrintable(tab->statusToolTip()));
        // A NaN is null in the grid, and the status line says why.
        tab->editor()->setPlainText(QStringLiteral("print ratio = 0.0 / 0, n = 1"));
        QCOMPARE(runWithKeys(tab).status, HuntRunResult::Status::Ok);
        QCOMPARE(columnTexts(tab->resultView(), 1), QStringList{QStringLiteral("1")});
        QVERIFY2(tab->statusText().contains(QStringLiteral("1 warning, hover to read")),
                 qPrintable(tab->statusText()));
        QVERIFY2(tab->statusToolTip().contains(QStringLiteral("Kusto gives as NaN")),
                 qPrintable(tab->statusToolTip()));
    }

    void shiftEnterRunsTheBlockAtTheCursor()
    {
        auto page = newPage();
        HuntingTab *tab = page->currentTab();
        KqlEditor *editor = tab->editor();
        editor->setPlainText(QStringLiteral("DeviceProcessEvents\n| take 3\n\nDeviceProcessEvents\n"
                                            "| where ReportId == 2\n| project FileName\n\n"
                                            "print x = 1"));
        QTextCursor cursor = editor->textCursor();
        cursor.setPosition(int(editor->toPlainText().indexOf(QLatin1String("ReportId"))));
        editor->setTextCursor(cursor);
        editor->setFocus();
        QSignalSpy finished(tab, &HuntingTab::queryFinished);
        QTest::keyClick(editor, Qt::Key_Return, Qt::ShiftModifier);
        QVERIFY(finished.wait(20000));
        QCOMPARE(tab->lastQuery(),
                 QStringLiteral("DeviceProcessEvents\n| where ReportId == 2\n| project FileName"));
        QCOMPARE(columnTexts(tab->resultView(), 0), QStringList{QStringLiteral("powershell.exe")});
        // Shift+Enter inserted no line break.
        QCOMPARE(editor->toPlainText().count(u'\n'), 7);

        // A selection runs just the selection.
        cursor.setPosition(int(editor->toPlainText().indexOf(QLatin1String("print"))));
        cursor.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
        editor->setTextCursor(cursor);
        QCOMPARE(runWithKeys(tab).status, HuntRunResult::Status::Ok);
        QCOMPARE(tab->lastQuery(), QStringLiteral("print x = 1"));
        QCOMPARE(headerNames(tab->resultView()->model()), QStringList{QStringLiteral("x")});
    }

    void gridSortsByTypedValuesAndFilters()
    {
        auto page = newPage();
        HuntingTab *tab = page->currentTab();
        tab->editor()->setPlainText(QStringLiteral(
                "datatable(n:long, s:string, t:timespan)[9, \"nine\", 2d, 100, \"hundred\", 3h, "
                "10, \"ten\", 1d]"));
        tab->editor()->setFocus();
        QCOMPARE(runWithKeys(tab).status, HuntRunResult::Status::Ok);
        HuntingResultView *view = tab->resultView();
        // The engine's order first.
        QCOMPARE(columnTexts(view, 0),
                 (QStringList{QStringLiteral("9"), QStringLiteral("100"), QStringLiteral("10")}));
        // A click on the header sorts by the number, not its text ("10" < "100" < "9").
        QHeaderView *header = view->grid()->horizontalHeader();
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                          QPoint(header->sectionViewportPosition(0) + 5, header->height() / 2));
        QCOMPARE(columnTexts(view, 0),
                 (QStringList{QStringLiteral("9"), QStringLiteral("10"), QStringLiteral("100")}));
        view->grid()->sortByColumn(2, Qt::AscendingOrder);
        QCOMPARE(columnTexts(view, 2),
                 (QStringList{QStringLiteral("03:00:00"), QStringLiteral("1.00:00:00"),
                              QStringLiteral("2.00:00:00")}));
        auto *filter = view->findChild<QLineEdit *>(QStringLiteral("resultFilter"));
        QVERIFY(filter);
        QTest::keyClicks(filter, QStringLiteral("HUND"));
        QCOMPARE(columnTexts(view, 1), QStringList{QStringLiteral("hundred")});
        QVERIFY2(tab->statusText().contains(QStringLiteral("3 rows")),
                 qPrintable(tab->statusText()));
    }

    void copyExportAndTree()
    {
        auto page = newPage();
        HuntingTab *tab = page->currentTab();
        const QString query = QStringLiteral(
                "DeviceProcessEvents | where DeviceId == \"d1\" | sort by ReportId asc "
                "| project Timestamp, FileName, ProcessCommandLine, FileSize, "
                "Extra = parse_json(AdditionalFields)");
        tab->editor()->setPlainText(query);
        tab->editor()->setFocus();
        QCOMPARE(runWithKeys(tab).status, HuntRunResult::Status::Ok);
        HuntingResultView *view = tab->resultView();
        QCOMPARE(view->proxy()->rowCount(), 2);

        // Copy a cell with Ctrl+C: the whole value, as text.
        QTableView *grid = view->grid();
        grid->setFocus();
        grid->setCurrentIndex(view->proxy()->index(1, 2));
        QTest::keyClick(grid, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(),
                 QStringLiteral("powershell -enc <b>x</b>, \"quoted\""));
        view->copyColumn();
        QCOMPARE(QApplication::clipboard()->text(),
                 QStringLiteral("=cmd|' /C calc'!A0\npowershell -enc <b>x</b>, \"quoted\""));

        // Export both formats through the actions: the same bytes as vigilctl hunt.
        QString target;
        view->setSaveFileChooser([&target](HuntingResultView::ExportFormat) { return target; });
        target = m_dir.filePath(QStringLiteral("out.csv"));
        view->findChild<QAction *>(QStringLiteral("exportCsv"))->trigger();
        QFile csv(target);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QString csvText = QString::fromUtf8(csv.readAll());
        QVERIFY2(csvText.contains(QStringLiteral("\n2024-03-26T09:00:00.0000000Z,cmd.exe,'=cmd|' "
                                                 "/C calc'!A0,9,")),
                 qPrintable(csvText));
        QCOMPARE(csvText, vigilctl({QStringLiteral("hunt"), query, QStringLiteral("--format"),
                                    QStringLiteral("csv")}));
        target = m_dir.filePath(QStringLiteral("out.json"));
        view->findChild<QAction *>(QStringLiteral("exportJson"))->trigger();
        QFile json(target);
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QByteArray jsonBytes = json.readAll();
        QCOMPARE(QString::fromUtf8(jsonBytes),
                 vigilctl({QStringLiteral("hunt"), query, QStringLiteral("--format"),
                           QStringLiteral("json")}));
        const QJsonObject doc = QJsonDocument::fromJson(jsonBytes).object();
        QCOMPARE(doc.value(QLatin1String("columns"))
                         .toArray()
                         .at(4)
                         .toObject()
                         .value(QLatin1String("type")),
                 QJsonValue(QStringLiteral("dynamic")));
        QCOMPARE(doc.value(QLatin1String("rows")).toArray().at(1).toArray().at(3), QJsonValue(100));

        // A dynamic cell unfolds as a tree on double-click.
        const QModelIndex extra = view->proxy()->index(0, 4);
        grid->scrollTo(extra);
        grid->setCurrentIndex(extra);
        QTest::mouseDClick(grid->viewport(), Qt::LeftButton, {}, grid->visualRect(extra).center());
        QTreeWidget *tree = view->dynamicTree();
        QTRY_VERIFY(tree->isVisible());
        QTreeWidgetItem *root = tree->topLevelItem(0);
        QCOMPARE(root->text(0), QStringLiteral("Extra"));
        QCOMPARE(root->childCount(), 2);
        QCOMPARE(root->child(0)->text(0), QStringLiteral("k"));
        QCOMPARE(root->child(0)->child(0)->text(0), QStringLiteral("a"));
        QCOMPARE(root->child(0)->child(0)->child(1)->text(1), QStringLiteral("2"));
    }

    void escCancelsALongQuery()
    {
        auto page = newPage();
        HuntingTab *tab = page->currentTab();
        KqlEditor *editor = tab->editor();
        editor->setPlainText(
                QStringLiteral("range x from 1 to 100000000000 step 1 | summarize count()"));
        editor->setFocus();
        QSignalSpy finished(tab, &HuntingTab::queryFinished);
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(tab->isRunning());
        QTRY_VERIFY(tab->statusText().startsWith(QStringLiteral("Running")));
        QTest::qWait(300);
        QVERIFY(finished.isEmpty());
        QElapsedTimer timer;
        timer.start();
        QTest::keyClick(editor, Qt::Key_Escape);
        QVERIFY(finished.wait(10000));
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(finished.first().at(1).value<HuntRunResult>().status,
                 HuntRunResult::Status::Cancelled);
        QCOMPARE(tab->errorText(), QStringLiteral("The query was cancelled."));
        QVERIFY(!tab->isRunning());
        // The tab runs the next query normally.
        editor->setPlainText(QStringLiteral("print y = 2"));
        QCOMPARE(runWithKeys(tab).status, HuntRunResult::Status::Ok);
        QCOMPARE(columnTexts(tab->resultView(), 0), QStringList{QStringLiteral("2")});
    }

    void errorsAreUnderlinedWhereTheyAre()
    {
        auto page = newPage();
        HuntingTab *tab = page->currentTab();
        KqlEditor *editor = tab->editor();
        editor->setFocus();
        // Typed, then checked when typing pauses.
        type(editor, {QStringLiteral("DeviceProcessEvents"), QStringLiteral("| whre x")});
        QTRY_VERIFY(editor->problem().has_value());
        const int at = int(editor->toPlainText().indexOf(QLatin1String("whre")));
        QCOMPARE(editor->problem()->offset, at);
        QCOMPARE(editor->problem()->length, 4);
        QCOMPARE(editor->problem()->line, 2);
        QCOMPARE(editor->problem()->column, 3);
        const QList<QTextEdit::ExtraSelection> marks = editor->extraSelections();
        QCOMPARE(marks.size(), 1);
        QCOMPARE(marks.first().format.underlineStyle(), QTextCharFormat::WaveUnderline);
        QCOMPARE(marks.first().cursor.selectionStart(), at);
        QCOMPARE(marks.first().cursor.selectedText(), QStringLiteral("whre"));
        QCOMPARE(marks.first().format.toolTip(), editor->problem()->message);
        auto *status = page->findChild<QLabel *>(QStringLiteral("queryProblem"));
        QVERIFY(status);
        QVERIFY2(status->text().startsWith(QStringLiteral("Line 2, column 3: 'whre'")),
                 qPrintable(status->text()));
        // Fixing it clears the mark.
        editor->setPlainText(QStringLiteral("DeviceProcessEvents | where FileName == \"x\""));
        editor->checkNow();
        QVERIFY(!editor->problem());
        QVERIFY(editor->extraSelections().isEmpty());
        QVERIFY(status->text().isEmpty());

        // A refusal of a block run from the middle of the text points into the document.
        editor->setPlainText(QStringLiteral("print a = 1\n\nDeviceProcessEvents\n| where "
                                            "FileNam == \"x\""));
        QTextCursor cursor = editor->textCursor();
        cursor.movePosition(QTextCursor::End);
        editor->setTextCursor(cursor);
        QSignalSpy finished(tab, &HuntingTab::queryFinished);
        QTest::keyClick(editor, Qt::Key_Return, Qt::ShiftModifier);
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().at(1).value<HuntRunResult>().status,
                 HuntRunResult::Status::Refused);
        QCOMPARE(editor->problem()->offset,
                 int(editor->toPlainText().indexOf(QLatin1String("FileNam "))));
        QCOMPARE(editor->problem()->line, 4);
        QVERIFY2(tab->errorText().startsWith(
                         QStringLiteral("The query is refused at line 4, column 9: unknown name "
                                        "'FileNam'")),
                 qPrintable(tab->errorText()));
    }

    void tabsAreKeptAcrossRestarts()
    {
        {
            auto page = newPage();
            QCOMPARE(page->tabCount(), 1);
            page->currentTab()->editor()->setPlainText(QStringLiteral("DeviceInfo | take 1"));
            page->findChild<QAction *>(QStringLiteral("newQueryTab"))->trigger();
            QCOMPARE(page->tabCount(), 2);
            page->currentTab()->editor()->setPlainText(
                    QStringLiteral("DeviceNetworkEvents\n| where RemoteIP == \"10.0.0.1\""));
            page->renameTab(1, QStringLiteral("Lateral <b>movement</b>"));
            page->newTab(QStringLiteral("Scratch"), QStringLiteral("print 1"));
            page->closeTab(2);
            page->tabs()->setCurrentIndex(1);
        }
        auto page = newPage();
        QCOMPARE(page->tabCount(), 2);
        QCOMPARE(page->tabs()->tabText(0), QStringLiteral("Query 1"));
        QCOMPARE(page->tabs()->tabText(1), QStringLiteral("Lateral <b>movement</b>"));
        // Shown literally: the tooltip is escaped, not rendered as markup.
        QVERIFY2(page->tabs()->tabToolTip(1).contains(QStringLiteral("&lt;b&gt;movement")),
                 qPrintable(page->tabs()->tabToolTip(1)));
        QCOMPARE(page->tab(0)->editor()->toPlainText(), QStringLiteral("DeviceInfo | take 1"));
        QCOMPARE(page->tab(1)->editor()->toPlainText(),
                 QStringLiteral("DeviceNetworkEvents\n| where RemoteIP == \"10.0.0.1\""));
        QCOMPARE(page->tabs()->currentIndex(), 1);
        // A new tab does not reuse a number already given.
        page->newTab();
        QCOMPARE(page->tabs()->tabText(2), QStringLiteral("Query 3"));
    }

    void huntFromTheIncidentDetail()
    {
        MainWindow window(nullptr);
        window.huntingPage()->setDatabasePath(m_db);
        window.setEventController(m_events.get());
        window.resize(1600, 1000);
        window.show();
        const Entity device = entity(QStringLiteral("device"), QStringLiteral("web-01"),
                                     {{QStringLiteral("deviceDnsName"), QStringLiteral("web-01")},
                                      {QStringLiteral("mdeDeviceId"), QStringLiteral("d1")}});
        const Entity hostile = entity(QStringLiteral("device"), m_hostileDevice,
                                      {{QStringLiteral("deviceDnsName"), m_hostileDevice}});
        const Entity ip = entity(QStringLiteral("ip"), QStringLiteral("10.1.2.3"),
                                 {{QStringLiteral("ipAddress"), QStringLiteral("10.1.2.3")}});
        IncidentDetail detail;
        detail.incident.number = 7;
        detail.incident.title = QStringLiteral("Multi-stage incident");
        detail.alerts = {alertAt(QStringLiteral("2024-03-26T09:05:00Z"),
                                 QStringLiteral("2024-03-26T09:15:00Z"), {device, ip}),
                         alertAt(QStringLiteral("2024-03-26T09:30:00Z"),
                                 QStringLiteral("2024-03-26T09:30:00Z"), {hostile})};
        detail.alerts[1].id = QStringLiteral("da2");
        detail.entities = {device, hostile, ip};
        detail.totalAlerts = 2;
        IncidentDetailView *view = window.detailView();
        view->showDetail(detail);
        auto *tabs = view->findChild<QTabWidget *>(QStringLiteral("detailTabs"));
        auto *entities = view->findChild<QTreeView *>(QStringLiteral("entityView"));
        auto *hunt = view->findChild<QPushButton *>(QStringLiteral("huntButton"));
        QVERIFY(tabs && entities && hunt);
        tabs->setCurrentWidget(entities);
        const auto select = [&](const QString &value) {
            QAbstractItemModel *model = entities->model();
            for (int g = 0; g < model->rowCount(); ++g) {
                const QModelIndex group = model->index(g, 0);
                for (int r = 0; r < model->rowCount(group); ++r) {
                    const QModelIndex item = model->index(r, 0, group);
                    if (item.data(EntityTreeModel::EntityRole).value<Entity>().value == value) {
                        entities->setCurrentIndex(item);
                        return true;
                    }
                }
            }
            return false;
        };
        QVERIFY(select(QStringLiteral("web-01")));
        QVERIFY(hunt->isEnabled());
        HuntingPage *page = window.huntingPage();
        const int before = page->tabCount();
        hunt->click();
        QVERIFY(window.isHuntingPageShown());
        QCOMPARE(page->tabCount(), before + 1);
        HuntingTab *tab = page->currentTab();
        QCOMPARE(page->tabs()->tabText(page->tabs()->currentIndex()),
                 QStringLiteral("Device web-01"));
        // One hour before the first alert that shows the device to one hour after its last.
        QCOMPARE(tab->editor()->toPlainText(),
                 QStringLiteral("DeviceProcessEvents\n| where Timestamp between "
                                "(datetime(2024-03-26T08:05:00.0000000Z) .. "
                                "datetime(2024-03-26T10:15:00.0000000Z))\n| where DeviceId == "
                                "\"d1\" or DeviceName =~ \"web-01\"\n| sort by Timestamp asc"));
        QTRY_VERIFY_WITH_TIMEOUT(
                tab->lastQuery() == tab->editor()->toPlainText() && !tab->isRunning(), 20000);
        QCOMPARE(tab->lastResult().status, HuntRunResult::Status::Ok);
        HuntingResultModel *model = tab->resultView()->model();
        QCOMPARE(model->rowCount(), 2);
        const int fileName = int(headerNames(model).indexOf(QStringLiteral("FileName")));
        QCOMPARE(columnTexts(tab->resultView(), fileName),
                 (QStringList{QStringLiteral("cmd.exe"), QStringLiteral("powershell.exe")}));
        // The local table holds 09:00 to 09:20 only: the page says so and offers Defender.
        QTRY_VERIFY(tab->rangeBanner()->isVisible());
        auto *bannerText
                = tab->rangeBanner()->findChild<QLabel *>(QStringLiteral("rangeBannerText"));
        QCOMPARE(bannerText->textFormat(), Qt::PlainText);
        QVERIFY2(bannerText->text().contains(
                         QStringLiteral("DeviceProcessEvents holds 2024-03-26T09:00:00Z to "
                                        "2024-03-26T09:20:00Z")),
                 qPrintable(bannerText->text()));
        QAction *remote = page->runInDefenderAction();
        QVERIFY(!remote->isEnabled());
        QVERIFY(!remote->toolTip().isEmpty());
        QSignalSpy remoteRuns(page, &HuntingPage::runInDefenderRequested);
        page->setRemoteRunAvailable(true);
        tab->rangeBanner()
                ->findChild<QToolButton *>(QStringLiteral("rangeBannerRunInDefender"))
                ->click();
        QCOMPARE(remoteRuns.size(), 1);
        QCOMPARE(remoteRuns.first().first().toString(), tab->editor()->toPlainText());

        // A hostile device name stays one quoted value and finds exactly its own row.
        window.showQueue();
        QVERIFY(select(m_hostileDevice));
        view->huntCurrent();
        HuntingTab *hostileTab = page->currentTab();
        QVERIFY(hostileTab != tab);
        QVERIFY2(hostileTab->editor()->toPlainText().contains(
                         QStringLiteral("DeviceName =~ \"we\\\"b\\\\02 | take 100 //\"")),
                 qPrintable(hostileTab->editor()->toPlainText()));
        QTRY_VERIFY_WITH_TIMEOUT(hostileTab->lastQuery() == hostileTab->editor()->toPlainText()
                                         && !hostileTab->isRunning(),
                                 20000);
        QCOMPARE(hostileTab->lastResult().status, HuntRunResult::Status::Ok);
        QCOMPARE(hostileTab->resultView()->model()->rowCount(), 1);

        // The alert's pivot reads its device's process, network and file events.
        tabs->setCurrentIndex(0);
        auto *alerts = view->findChild<QTreeView *>(QStringLiteral("alertList"));
        alerts->setCurrentIndex(alerts->model()->index(0, 0));
        const std::optional<HuntPivot> alertPivot = view->currentHuntPivot();
        QVERIFY(alertPivot);
        QCOMPARE(alertPivot->tables.size(), 3);
        QVERIFY(HuntingController::check(alertPivot->query).isEmpty());
        // A timeline of the columns that tell the story, not the hundred of the three tables.
        hunt->click();
        HuntingTab *alertTab = page->currentTab();
        QTRY_VERIFY_WITH_TIMEOUT(alertTab->lastQuery() == alertTab->editor()->toPlainText()
                                         && !alertTab->isRunning(),
                                 20000);
        QCOMPARE(alertTab->lastResult().status, HuntRunResult::Status::Ok);
        const QStringList timeline = headerNames(alertTab->resultView()->model());
        QCOMPARE(timeline.size(), 15);
        QCOMPARE(timeline.mid(0, 4),
                 (QStringList{QStringLiteral("Timestamp"), QStringLiteral("SourceTable"),
                              QStringLiteral("DeviceName"), QStringLiteral("ActionType")}));
        QVERIFY(timeline.contains(QStringLiteral("RemoteIP")));
        QVERIFY(timeline.contains(QStringLiteral("ProcessCommandLine")));
        QCOMPARE(alertTab->resultView()->model()->rowCount(), 2);
        window.showQueue();
        // The IP entity: DeviceNetworkEvents by RemoteIP.
        const std::optional<HuntPivot> ipPivot = huntPivotForEntity(ip, detail.alerts);
        QVERIFY(ipPivot);
        QVERIFY(ipPivot->query.contains(QStringLiteral("| where RemoteIP == \"10.1.2.3\"")));
        QVERIFY(HuntingController::check(ipPivot->query).isEmpty());
    }

    void truncatedAtTheRowLimit()
    {
        auto page = newPage();
        HuntingTab *tab = page->currentTab();
        tab->editor()->setPlainText(QStringLiteral("range x from 1 to 25000 step 1"));
        tab->editor()->setFocus();
        const HuntRunResult result = runWithKeys(tab);
        QCOMPARE(result.status, HuntRunResult::Status::Ok);
        QVERIFY(result.truncated);
        QCOMPARE(tab->resultView()->model()->rowCount(), 10000);
        QVERIFY2(tab->statusText().startsWith(QStringLiteral("10,000 rows · "))
                         || tab->statusText().startsWith(QStringLiteral("10000 rows · ")),
                 qPrintable(tab->statusText()));
        QVERIFY2(tab->statusText().endsWith(QStringLiteral("truncated at 10,000 rows"))
                         || tab->statusText().endsWith(QStringLiteral("truncated at 10000 rows")),
                 qPrintable(tab->statusText()));
    }

    void resultFromElsewhereInTheSameGrid()
    {
        // What Run in Defender hands back is shown like a local run.
        auto page = newPage();
        HuntingTab *tab = page->currentTab();
        HuntRunResult result;
        result.columns = {{QStringLiteral("Timestamp"), KqlType::DateTime},
                          {QStringLiteral("DeviceName"), KqlType::String},
                          {QStringLiteral("Count"), KqlType::Long}};
        result.rows = 2;
        const qint64 ticks = HuntingController::ticksOf(
                QDateTime::fromString(QStringLiteral("2024-05-01T12:00:00Z"), Qt::ISODate));
        tab->showResult(
                QStringLiteral("DeviceInfo | take 2"), result,
                {{QVariant(ticks), QVariant(QStringLiteral("<b>a</b>")), QVariant(qint64(100))},
                 {QVariant(ticks), QVariant(QStringLiteral("b")), QVariant(qint64(9))}},
                1500);
        QCOMPARE(headerNames(tab->resultView()->model()),
                 (QStringList{QStringLiteral("Timestamp"), QStringLiteral("DeviceName"),
                              QStringLiteral("Count")}));
        QCOMPARE(columnTexts(tab->resultView(), 0).first(),
                 QStringLiteral("2024-05-01T12:00:00.0000000Z"));
        QCOMPARE(columnTexts(tab->resultView(), 1).first(), QStringLiteral("<b>a</b>"));
        QVERIFY2(tab->statusText().startsWith(QStringLiteral("2 rows · 1")),
                 qPrintable(tab->statusText()));
        tab->resultView()->grid()->sortByColumn(2, Qt::AscendingOrder);
        QCOMPARE(columnTexts(tab->resultView(), 2),
                 (QStringList{QStringLiteral("9"), QStringLiteral("100")}));
    }

    void goHuntingFromTheWindow()
    {
        MainWindow window(nullptr);
        window.huntingPage()->setDatabasePath(m_db);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto *queue = window.queueView();
        queue->setFocus();
        QVERIFY(!window.isHuntingPageShown());
        QTest::keyClick(queue, Qt::Key_G);
        QTest::keyClick(queue, Qt::Key_H);
        QVERIFY(window.isHuntingPageShown());
        // View → Hunting and the toolbar carry the same action.
        auto *go = window.findChild<QAction *>(QStringLiteral("goToHunting"));
        QVERIFY(go);
        QCOMPARE(go->shortcut(), QKeySequence(Qt::Key_G, Qt::Key_H));
        QVERIFY(go->associatedObjects().size() >= 3); // the window, View, the toolbar
        // In the editor, letters are text: neither g q nor a triage key fires.
        KqlEditor *editor = window.huntingPage()->currentTab()->editor();
        QTRY_VERIFY(editor->hasFocus());
        editor->clear();
        QTest::keyClicks(editor, QStringLiteral("gq sa"));
        editor->completer()->popup()->hide();
        QVERIFY(window.isHuntingPageShown());
        QCOMPARE(editor->toPlainText(), QStringLiteral("gq sa"));
        QVERIFY(!window.triageDialog());
    }

    void pivotQueriesQuoteHostileValues_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QString>("needle");
        QTest::newRow("user upn")
                << QStringLiteral("user")
                << QByteArray("{\"userAccount\":{\"accountName\":\"a\\\"b\",\"userPrincipalName\":"
                              "\"x\\\\\\\"@y\"}}")
                << QStringLiteral("AccountName =~ \"a\\\"b\" or AccountUpn =~ \"x\\\\\\\"@y\"");
        QTest::newRow("file hashes")
                << QStringLiteral("file")
                << QByteArray("{\"fileDetails\":{\"sha256\":\"ab\\\") or true "
                              "//\",\"sha1\":\"c\\\\d\"}}")
                << QStringLiteral("SHA256 == \"ab\\\") or true //\" or SHA1 == \"c\\\\d\"");
        QTest::newRow("ip with a line break")
                << QStringLiteral("ip") << QByteArray("{\"ipAddress\":\"1.2.3.4\\n| take 1\"}")
                << QStringLiteral("RemoteIP == \"1.2.3.4\\n| take 1\"");
    }

    void pivotQueriesQuoteHostileValues()
    {
        QFETCH(QString, kind);
        QFETCH(QByteArray, raw);
        QFETCH(QString, needle);
        Entity e;
        e.kind = kind;
        e.value = QStringLiteral("shown");
        e.rawJson = raw;
        const std::optional<HuntPivot> pivot
                = huntPivotForEntity(e, {alertAt(QStringLiteral("2024-03-26T09:05:00Z"),
                                                 QStringLiteral("2024-03-26T09:15:00Z"), {e})});
        QVERIFY(pivot);
        QVERIFY2(pivot->query.contains(needle), qPrintable(pivot->query));
        const QList<HuntProblem> problems = HuntingController::check(pivot->query);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.value(0).message));
    }
};

QTEST_MAIN(TestHuntingPage)
#include "tst_huntingpage.moc"
