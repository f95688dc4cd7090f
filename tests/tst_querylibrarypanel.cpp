// The hunting page's History and Saved tabs on a real HuntingLibraryController and database:
// runs recorded and searched, the current query saved, renamed through the dialog, opened by
// double-click and Enter, kept across reopening, and .kql import and export with their messages.
#include "hunting/querylibrarypanel.h"
#include "huntinglibrarycontroller.h"
#include "pluralforms.h"

#include <QApplication>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTimer>
#include <QTreeWidget>

using namespace Vigil;

namespace {

HuntingRun run(const QString &query, qint64 rows, HuntingRun::Where where)
{
    HuntingRun r;
    r.query = query;
    r.startedUtc = QDateTime(QDate(2024, 3, 1), QTime(9, 30), Qt::UTC);
    r.rows = rows;
    r.durationMs = 1500;
    r.where = where;
    return r;
}

QStringList visibleTexts(QTreeWidget *list, int column)
{
    QStringList texts;
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        if (!list->topLevelItem(i)->isHidden())
            texts.append(list->topLevelItem(i)->text(column));
    return texts;
}

} // namespace

class TestQueryLibraryPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(installPluralForms()); }
    void historyRecordedAndSearched();
    void saveOpenRenameAndReopen();
    void importAndExport();

private:
    QTemporaryDir m_dir;
    QString path() const { return huntingLibraryPath(m_dir.path()); }
};

void TestQueryLibraryPanel::historyRecordedAndSearched()
{
    QTemporaryDir dir;
    HuntingLibraryController library;
    QSignalSpy opened(&library, &HuntingLibraryController::opened);
    library.start(huntingLibraryPath(dir.path()));
    QVERIFY(opened.wait());
    QueryLibraryPanel panel(&library);
    panel.show();
    auto *history = panel.findChild<QTreeWidget *>(QStringLiteral("historyList"));
    QVERIFY(history);

    panel.recordRun(run(QStringLiteral("DeviceProcessEvents\n| where FileName == \"<b>x</b>\""), 12,
                        HuntingRun::Where::Local));
    panel.recordRun(run(QStringLiteral("EmailEvents | count"), 1, HuntingRun::Where::Remote));
    QTRY_COMPARE(history->topLevelItemCount(), 2);
    QTreeWidgetItem *newest = history->topLevelItem(0);
    QCOMPARE(newest->text(QueryLibraryPanel::HistoryQuery), QStringLiteral("EmailEvents | count"));
    QCOMPARE(newest->text(QueryLibraryPanel::Where), QStringLiteral("Defender"));
    QCOMPARE(newest->text(QueryLibraryPanel::When), QStringLiteral("2024-03-01 09:30:00"));
    QCOMPARE(newest->text(QueryLibraryPanel::Status), QStringLiteral("ok"));
    // A query of several lines is one line in the list; the markup is text.
    QTreeWidgetItem *older = history->topLevelItem(1);
    QCOMPARE(older->text(QueryLibraryPanel::HistoryQuery),
             QStringLiteral("DeviceProcessEvents | where FileName == \"<b>x</b>\""));
    QCOMPARE(older->text(QueryLibraryPanel::Rows), QStringLiteral("12"));
    // The tooltip reads as the query, as Qt would show it (rich text only when it looks so).
    const QString tip = older->toolTip(QueryLibraryPanel::HistoryQuery);
    QTextDocument shown;
    if (Qt::mightBeRichText(tip))
        shown.setHtml(tip);
    else
        shown.setPlainText(tip);
    QVERIFY2(shown.toPlainText().contains(QLatin1String("FileName == \"<b>x</b>\"")),
             qPrintable(shown.toPlainText()));

    // Search over the text, ignoring case.
    auto *search = panel.findChild<QLineEdit *>(QStringLiteral("historySearch"));
    QTest::keyClicks(search, QStringLiteral("FILENAME"));
    QCOMPARE(visibleTexts(history, QueryLibraryPanel::Rows), QStringList{QStringLiteral("12")});
    // Enter goes to the entry, Enter again opens it with its whole text.
    QSignalSpy open(&panel, &QueryLibraryPanel::openQueryRequested);
    QTest::keyClick(search, Qt::Key_Return);
    QVERIFY(history->hasFocus());
    QTest::keyClick(history->viewport(), Qt::Key_Return);
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.first().at(0).toString(),
             QStringLiteral("DeviceProcessEvents\n| where FileName == \"<b>x</b>\""));
    QCOMPARE(open.first().at(1).toString(), QString());
    search->clear();
    QCOMPARE(visibleTexts(history, 0).size(), 2);
    // For looking at: VIGIL_LIBRARY_SCREENSHOT=file.png keeps a picture.
    if (const QString keep = qEnvironmentVariable("VIGIL_LIBRARY_SCREENSHOT"); !keep.isEmpty()) {
        panel.resize(720, 300);
        QVERIFY(panel.grab().save(keep));
    }

    // Clear history asks first; Cancel keeps it, Yes empties it and leaves nothing to clear.
    auto *clear = panel.findChild<QPushButton *>(QStringLiteral("clearHistoryButton"));
    QVERIFY(clear && clear->isEnabled());
    QString asked;
    QTimer::singleShot(0, this, [&asked] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        asked = box->text();
        box->button(QMessageBox::Cancel)->click();
    });
    QTest::mouseClick(clear, Qt::LeftButton);
    QCOMPARE(asked, QStringLiteral("Remove the 2 runs in the history? Saved queries stay."));
    QCOMPARE(history->topLevelItemCount(), 2);
    QTimer::singleShot(0, this, [] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        box->button(QMessageBox::Yes)->click();
    });
    QTest::mouseClick(clear, Qt::LeftButton);
    QTRY_COMPARE(history->topLevelItemCount(), 0);
    QVERIFY(!clear->isEnabled());
}

void TestQueryLibraryPanel::saveOpenRenameAndReopen()
{
    const QString name = QStringLiteral("Encoded <b>PowerShell</b>");
    const QString text
            = QStringLiteral("DeviceProcessEvents\n| where ProcessCommandLine has \"-enc\"");
    {
        HuntingLibraryController library;
        QSignalSpy opened(&library, &HuntingLibraryController::opened);
        library.start(path());
        QVERIFY(opened.wait());
        QueryLibraryPanel panel(&library);
        panel.resize(700, 400);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.findChild<QTabWidget *>(QStringLiteral("libraryTabs"))->setCurrentIndex(1);
        auto *saved = panel.findChild<QTreeWidget *>(QStringLiteral("savedList"));
        auto *save = panel.findChild<QPushButton *>(QStringLiteral("saveQueryButton"));
        auto *message = panel.findChild<QLabel *>(QStringLiteral("libraryMessage"));
        QVERIFY(!save->isEnabled()); // nothing to save yet

        panel.setCurrentQuery(text);
        QVERIFY(save->isEnabled());
        // "Save current query…" asks for the name.
        QTimer::singleShot(0, this, [name] {
            auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->setTextValue(name);
            dialog->accept();
        });
        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_COMPARE(saved->topLevelItemCount(), 1);
        QCOMPARE(saved->topLevelItem(0)->text(QueryLibraryPanel::Name), name);
        QCOMPARE(saved->topLevelItem(0)->text(QueryLibraryPanel::SavedQueryText),
                 QStringLiteral("DeviceProcessEvents | where ProcessCommandLine has \"-enc\""));
        QTRY_VERIFY(message->text().contains(name));
        QCOMPARE(message->textFormat(), Qt::PlainText);

        // The same name again without replacing: refused, in words.
        panel.setCurrentQuery(QStringLiteral("DeviceInfo"));
        panel.saveCurrentQueryAs(QStringLiteral("ENCODED <B>POWERSHELL</B>"));
        QTRY_VERIFY2(message->text().contains(QLatin1String("already named")),
                     qPrintable(message->text()));
        QCOMPARE(saved->topLevelItem(0)->data(0, QueryLibraryPanel::TextRole).toString(), text);

        // Double-click opens it with its name.
        QSignalSpy open(&panel, &QueryLibraryPanel::openQueryRequested);
        const QRect rect = saved->visualItemRect(saved->topLevelItem(0));
        QTest::mouseClick(saved->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(saved->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first().at(0).toString(), text);
        QCOMPARE(open.first().at(1).toString(), name);

        // F2 renames through the dialog.
        QTimer::singleShot(0, this, [] {
            auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->setTextValue(QStringLiteral("Encoded PowerShell, renamed"));
            dialog->accept();
        });
        saved->setFocus();
        QTest::keyClick(saved, Qt::Key_F2);
        QTRY_COMPARE(saved->topLevelItem(0)->text(QueryLibraryPanel::Name),
                     QStringLiteral("Encoded PowerShell, renamed"));

        // A second query; the search keeps the one whose name or text matches.
        panel.setCurrentQuery(QStringLiteral("DeviceLogonEvents | take 5"));
        panel.saveCurrentQueryAs(QStringLiteral("Logons"));
        QTRY_COMPARE(saved->topLevelItemCount(), 2);
        QTest::keyClicks(panel.findChild<QLineEdit *>(QStringLiteral("savedSearch")),
                         QStringLiteral("-ENC"));
        QCOMPARE(visibleTexts(saved, QueryLibraryPanel::Name),
                 QStringList{QStringLiteral("Encoded PowerShell, renamed")});
    }
    // Reopened: the saved queries are still there.
    HuntingLibraryController library;
    QueryLibraryPanel panel(&library);
    QSignalSpy loaded(&library, &HuntingLibraryController::savedQueriesLoaded);
    library.start(path());
    QVERIFY(loaded.wait());
    auto *saved = panel.findChild<QTreeWidget *>(QStringLiteral("savedList"));
    QCOMPARE(
            visibleTexts(saved, QueryLibraryPanel::Name),
            (QStringList{QStringLiteral("Encoded PowerShell, renamed"), QStringLiteral("Logons")}));
    QCOMPARE(saved->topLevelItem(0)->data(0, QueryLibraryPanel::TextRole).toString(), text);

    // Delete asks first.
    saved->setCurrentItem(saved->topLevelItem(1));
    QTimer::singleShot(0, this, [] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        box->button(QMessageBox::Yes)->click();
    });
    panel.deleteSelected();
    QTRY_COMPARE(saved->topLevelItemCount(), 1);
}

void TestQueryLibraryPanel::importAndExport()
{
    QTemporaryDir dir;
    HuntingLibraryController library;
    QSignalSpy opened(&library, &HuntingLibraryController::opened);
    library.start(huntingLibraryPath(dir.path()));
    QVERIFY(opened.wait());
    QueryLibraryPanel panel(&library);
    panel.show();
    auto *saved = panel.findChild<QTreeWidget *>(QStringLiteral("savedList"));
    auto *message = panel.findChild<QLabel *>(QStringLiteral("libraryMessage"));

    const QString good = dir.filePath(QStringLiteral("good.kql"));
    const QString bad = dir.filePath(QStringLiteral("bad.kql"));
    QFile file(good);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("// name: ../Lateral <i>movement</i>\nDeviceLogonEvents | where LogonType == "
               "'Network'\n");
    file.close();
    QFile latin(bad);
    QVERIFY(latin.open(QIODevice::WriteOnly));
    latin.write("DeviceInfo | where DeviceName == \"caf\xE9\"");
    latin.close();
    library.importFiles({good, bad});
    QTRY_COMPARE(saved->topLevelItemCount(), 1);
    QCOMPARE(saved->topLevelItem(0)->text(QueryLibraryPanel::Name),
             QStringLiteral("../Lateral <i>movement</i>"));
    QTRY_VERIFY(message->text().startsWith(QLatin1String("1 query imported.")));
    QVERIFY2(message->text().contains(QLatin1String("bad.kql is not UTF-8 text")),
             qPrintable(message->text()));

    // Exported under a file name without its path separators; read back the same.
    SavedQuery query;
    query.id = saved->topLevelItem(0)->data(0, QueryLibraryPanel::IdRole).toLongLong();
    query.name = saved->topLevelItem(0)->data(0, QueryLibraryPanel::NameRole).toString();
    query.text = saved->topLevelItem(0)->data(0, QueryLibraryPanel::TextRole).toString();
    QCOMPARE(kqlFileName(query.name), QStringLiteral("_Lateral _i_movement__i_.kql"));
    const QString out = dir.filePath(kqlFileName(query.name));
    QSignalSpy exported(&library, &HuntingLibraryController::exportFinished);
    library.exportQuery(query, out);
    QVERIFY(exported.wait());
    QVERIFY(!exported.first().at(1).value<std::optional<Error>>());
    const Result<KqlFile> back = readKqlFile(out);
    QVERIFY(back);
    QCOMPARE(back->name, query.name);
    QCOMPARE(back->text, query.text);
    QTRY_VERIFY(message->text().startsWith(QLatin1String("Exported to")));
}

QTEST_MAIN(TestQueryLibraryPanel)
#include "tst_querylibrarypanel.moc"
