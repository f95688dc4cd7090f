#include "commandpalette.h"
#include "incidentfilterproxymodel.h"
#include "incidentqueuemodel.h"
#include "mainwindow.h"
#include "themes.h"
#include "triage.h"
#include "triagedialogs.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QIcon>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>

#include <memory>

using namespace Vigil;

namespace {

const QDateTime kBase(QDate(2024, 3, 1), QTime(12, 0), Qt::UTC);
constexpr auto kAnalyst = "kai@contoso.com";
constexpr qint64 kMerged = 7;

/** Forty incidents; the queue sorts by last update, newest first, so row n shows #n+1. #7 was
 *  merged into #1; #9, #10 and #12 are closed. */
QList<Incident> incidents()
{
    QList<Incident> list;
    for (qint64 n = 1; n <= 40; ++n) {
        Incident i;
        i.number = n;
        i.providerIncidentId = QString::number(9000 + n);
        i.title = QStringLiteral("Incident %1 on FIN-LT-%2").arg(n).arg(2000 + n);
        i.severity = n % 2 ? QStringLiteral("high") : QStringLiteral("medium");
        i.status = QStringLiteral("active");
        i.createdTime = kBase.addSecs(-3600 * n);
        i.lastUpdateTime = kBase.addSecs(-60 * n);
        i.alertCount = 1;
        list << i;
    }
    list[2].customTags = {QStringLiteral("phishing-campaign"), QStringLiteral("vip")};
    list[5].customTags = {QStringLiteral("phish-kit")};
    for (int closed : {9, 10, 12}) {
        list[closed - 1].status = QStringLiteral("resolved");
        list[closed - 1].classification = QStringLiteral("falsePositive");
        list[closed - 1].determination = QStringLiteral("notMalicious");
    }
    Incident &merged = list[kMerged - 1];
    merged.status = QStringLiteral("redirected");
    merged.redirectIncidentId = list[0].providerIncidentId;
    merged.redirectedToNumber = 1;
    // A title a spreadsheet would run as a formula.
    list[1].title = QStringLiteral("=HYPERLINK(\"http://evil\") \"quoted\", and more");
    return list;
}

/** RFC 4180 records (quoted cells may hold commas, quotes and line breaks). */
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> records;
    QStringList record;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size()
                && text.at(i + 1) == QLatin1Char('"')) {
                cell += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            record << cell;
            cell.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size()
                   && text.at(i + 1) == QLatin1Char('\n')) {
            record << cell;
            records << record;
            record.clear();
            cell.clear();
            ++i;
        } else {
            cell += c;
        }
    }
    if (!cell.isEmpty() || !record.isEmpty())
        records << (record << cell);
    return records;
}

} // namespace

/** Trusting the queue and learning the window: rows in place, undo, the cheat sheet, the
 *  palette, menus, themes and the view's export, driven by keys and the mouse. */
class TestQueueHabits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void startsWithTheFocusOnTheQueue();
    void assignKeepsTheRowAndJGoesToTheNextOne();
    void syncChangesDoNotMoveRowsUnderTheCursor();
    void undoTakesBackSingleAndBulkEdits();
    void bulkReopenAsksFirstAndSaysHowMany();
    void cheatSheetIsMadeFromTheActions();
    void questionMarkAsTypedOpensTheCheatSheet();
    void paletteFindsAndRunsCommands();
    void topLevelMenusHaveDistinctMnemonics();
    void mergedIncidentGreysTheToolbarButtons();
    void tagDialogCompletesTagsInUse();
    void exportWritesTheViewAsShown();
    void exportDialogSavesWhatTheQueueShows();
    void themesAreChosenAndKept();
    void themesFollowTheDesktopLive();
    void changedAndNewRowsAreMarkedUntilSeen();

private:
    QTreeView *queue() const
    {
        return m_window->findChild<QTreeView *>(QStringLiteral("incidentQueue"));
    }
    template<typename T>
    T *child(const char *name, QObject *parent = nullptr) const
    {
        T *found = (parent ? parent : m_window.get())->findChild<T *>(QLatin1String(name));
        if (!found)
            qWarning("no child %s", name);
        return found;
    }
    void pressOnQueue(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) const
    {
        QTest::keyClick(queue(), Qt::Key(key), modifiers);
    }
    void clickRow(int row) const
    {
        const QRect rect = queue()->visualRect(queue()->model()->index(row, 0));
        QTest::mouseClick(queue()->viewport(), Qt::LeftButton, {}, rect.center());
    }
    qint64 numberAt(int row) const
    {
        return queue()->model()->index(row, 0).data(IncidentQueueModel::NumberRole).toLongLong();
    }
    QList<qint64> shownOrder() const
    {
        QList<qint64> order;
        for (int row = 0; row < queue()->model()->rowCount(); ++row)
            order << numberAt(row);
        return order;
    }
    qint64 currentNumber() const
    {
        return queue()->currentIndex().data(IncidentQueueModel::NumberRole).toLongLong();
    }
    Incident incident(qint64 number) const
    {
        return m_window->queueModel()->incidentAt(m_window->queueModel()->rowOfNumber(number));
    }
    /** What the engine answers to an edit: the incident stored as pending, updated now. */
    void engineApplies(qint64 number, const std::function<void(Incident &)> &change) const
    {
        Incident changed = incident(number);
        change(changed);
        changed.lastUpdateTime = kBase.addSecs(600);
        changed.syncState = SyncState::Pending;
        m_window->applyIncidentChanges({changed});
    }
    void backToWindow() const
    {
        QTRY_VERIFY(!m_window->triageDialog());
        QApplication::setActiveWindow(m_window.get());
        queue()->setFocus();
        QTRY_VERIFY(queue()->hasFocus());
    }
    TriageEdit editAt(int i, QList<qint64> *numbers = nullptr) const
    {
        if (numbers)
            *numbers = m_edits->at(i).at(0).value<QList<qint64>>();
        return m_edits->at(i).at(1).value<TriageEdit>();
    }
    QMessageBox *reopenQuestion() const
    {
        QMessageBox *box = nullptr;
        for (int i = 0; i < 100 && !box; ++i) {
            box = m_window->findChild<QMessageBox *>(QStringLiteral("reopenQuestion"));
            if (!box || !box->isVisible()) {
                box = nullptr;
                QTest::qWait(10);
            }
        }
        return box;
    }

    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QSignalSpy> m_edits;
};

void TestQueueHabits::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("VigilTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_queuehabits"));
    qRegisterMetaType<TriageEdit>();
    // Qt's own file dialog, which the test can type into (what a desktop without a native one
    // shows).
    QCoreApplication::setAttribute(Qt::AA_DontUseNativeDialogs);
}

void TestQueueHabits::init()
{
    QSettings().clear();
    m_window = std::make_unique<MainWindow>(nullptr);
    m_window->resize(1400, 800);
    m_window->setAnalystUpn(QLatin1String(kAnalyst));
    m_window->setIncidents(incidents());
    m_edits = std::make_unique<QSignalSpy>(m_window.get(), &MainWindow::editRequested);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QApplication::setActiveWindow(m_window.get());
    QTRY_VERIFY(QApplication::focusWidget() != nullptr);
}

void TestQueueHabits::cleanup()
{
    if (TriageDialog *dialog = m_window ? m_window->triageDialog() : nullptr)
        dialog->reject();
    m_edits.reset();
    m_window.reset();
    applyTheme(Theme::System);
}

void TestQueueHabits::startsWithTheFocusOnTheQueue()
{
    // The analyst reads "j / k move through the queue" and presses j twice.
    QCOMPARE(QApplication::focusWidget(), queue());
    QCOMPARE(m_window->currentIncidentNumber(), 1); // the first row, in the detail pane
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_J);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_J);
    QCOMPARE(child<QLineEdit>("quickFilter")->text(), QString());
    QCOMPARE(queue()->model()->rowCount(), 40);
    QCOMPARE(currentNumber(), 3);
}

void TestQueueHabits::assignKeepsTheRowAndJGoesToTheNextOne()
{
    clickRow(3);
    QCOMPARE(currentNumber(), 4);
    const QList<qint64> before = shownOrder();
    pressOnQueue(Qt::Key_A);
    QCOMPARE(m_edits->size(), 1);
    // The engine stores it as pending, updated now: in the default sort it belongs at the top.
    engineApplies(4, [](Incident &i) { i.assignedTo = QLatin1String(kAnalyst); });
    QCOMPARE(shownOrder(), before);
    QCOMPARE(currentNumber(), 4);
    QCOMPARE(queue()->currentIndex().row(), 3);
    QVERIFY(queue()->currentIndex().data(IncidentFilterProxyModel::OutOfPlaceRole).toBool());
    QVERIFY(queue()->currentIndex().data(Qt::FontRole).value<QFont>().italic());
    QVERIFY(!queue()->model()->index(2, 0).data(Qt::FontRole).value<QFont>().italic());
    QVERIFY(child<QLabel>("resortHint")->isVisible());
    QCOMPARE(queue()->currentIndex().siblingAtColumn(IncidentQueueModel::OwnerColumn).data(),
             QVariant(QLatin1String(kAnalyst)));

    // j goes to the incident that was below it.
    pressOnQueue(Qt::Key_J);
    QCOMPARE(currentNumber(), 5);

    // Shift+R sorts: #4 goes to the top, the cursor stays on #5, the marks go.
    pressOnQueue(Qt::Key_R, Qt::ShiftModifier);
    QCOMPARE(numberAt(0), 4);
    QCOMPARE(currentNumber(), 5);
    QVERIFY(!child<QLabel>("resortHint")->isVisible());
    QVERIFY(!queue()->model()->index(0, 0).data(Qt::FontRole).value<QFont>().italic());
}

void TestQueueHabits::syncChangesDoNotMoveRowsUnderTheCursor()
{
    m_window->resize(1400, 400);
    QTest::qWait(20);
    QScrollBar *bar = queue()->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0);
    bar->setValue(bar->maximum() / 2);
    const qint64 top
            = queue()->indexAt(QPoint(1, 1)).data(IncidentQueueModel::NumberRole).toLongLong();
    const QModelIndex middle = queue()->indexAt(QPoint(1, queue()->viewport()->height() / 2));
    QTest::mouseClick(queue()->viewport(), Qt::LeftButton, {},
                      queue()->visualRect(middle).center());
    const qint64 picked = currentNumber();
    const int pickedRow = queue()->currentIndex().row();
    const QList<qint64> before = shownOrder();

    // Defender changes a row above, one below and the current one; two new incidents arrive.
    QList<Incident> changes;
    for (qint64 n : {top + 1, picked, picked + 2}) {
        Incident i = incident(n);
        i.lastUpdateTime = kBase.addSecs(900 + n);
        i.assignedTo = QStringLiteral("lee@contoso.com");
        changes << i;
    }
    for (qint64 n : {41, 42}) {
        Incident fresh = incidents().at(0);
        fresh.number = n;
        fresh.providerIncidentId = QString::number(9000 + n);
        fresh.title = QStringLiteral("New incident %1").arg(n);
        fresh.lastUpdateTime = kBase.addSecs(1200 + n);
        changes << fresh;
    }
    m_window->applyIncidentChanges(changes);
    // The rows that were there keep their order; the new ones are at their sorted place (top).
    QList<qint64> expected{42, 41};
    expected.append(before);
    QCOMPARE(shownOrder(), expected);
    QCOMPARE(currentNumber(), picked);
    QCOMPARE(queue()->currentIndex().row(), pickedRow + 2);
    // The view did not scroll: the same incident is at its top.
    QCOMPARE(queue()->indexAt(QPoint(1, 1)).data(IncidentQueueModel::NumberRole).toLongLong(), top);
    // A changed row whose place did not change is not marked.
    Incident owner = incident(30);
    owner.assignedTo = QStringLiteral("lee@contoso.com");
    m_window->applyIncidentChanges({owner});
    const QModelIndex thirty = queue()->model()->index(shownOrder().indexOf(30), 0);
    QVERIFY(!thirty.data(IncidentFilterProxyModel::OutOfPlaceRole).toBool());
    QVERIFY(child<QLabel>("resortHint")->isVisible());
    // The whole queue again (a new start of the engine): in order, nothing marked.
    m_window->setIncidents(incidents());
    QVERIFY(!child<QLabel>("resortHint")->isVisible());
    QCOMPARE(numberAt(0), 1);
    QVERIFY(!queue()->model()->index(0, 0).data(IncidentFilterProxyModel::OutOfPlaceRole).toBool());
}

void TestQueueHabits::undoTakesBackSingleAndBulkEdits()
{
    auto *editMenu = child<QMenu>("editMenu");
    auto *undo = child<QAction>("undoEdit");
    QVERIFY(!undo->isEnabled());

    clickRow(3);
    pressOnQueue(Qt::Key_A);
    QCOMPARE(m_edits->size(), 1);
    QVERIFY(undo->isEnabled());
    QCOMPARE(undo->text(), QStringLiteral("&Undo: assign to kai@contoso.com on #4"));
    engineApplies(4, [](Incident &i) { i.assignedTo = QLatin1String(kAnalyst); });

    // A bulk tag edit over three incidents, one of which has the tag already.
    clickRow(1);
    pressOnQueue(Qt::Key_J, Qt::ShiftModifier);
    pressOnQueue(Qt::Key_J, Qt::ShiftModifier);
    QCOMPARE(m_window->selectedIncidentNumbers(), (QList<qint64>{2, 3, 4}));
    pressOnQueue(Qt::Key_T);
    QTRY_VERIFY(m_window->triageDialog() && m_window->triageDialog()->isVisible());
    auto *input = child<QLineEdit>("tagInput", m_window->triageDialog());
    QTest::keyClicks(input, QStringLiteral("vip"));
    QTRY_VERIFY(input->completer()->popup()->isVisible()); // "vip" is in use on #3
    QTest::keyClick(input->completer()->popup(), Qt::Key_Escape);
    QTRY_VERIFY(!input->completer()->popup()->isVisible());
    QTest::keyClick(input, Qt::Key_Return);
    QTest::keyClick(input, Qt::Key_Return);
    QTRY_COMPARE(m_edits->size(), 2);
    backToWindow();

    // The Edit menu says what Ctrl+Z undoes, then what comes after it.
    QApplication::setActiveWindow(m_window.get());
    QTest::keyClick(m_window.get(), Qt::Key_E, Qt::AltModifier);
    QTRY_VERIFY(editMenu->isVisible());
    QCOMPARE(editMenu->actions().value(0)->text(), QStringLiteral("&Undo: tags on 3 incidents"));
    QStringList later;
    for (QAction *action : editMenu->actions()) {
        if (action->objectName() == QLatin1String("undoLater"))
            later << action->text();
    }
    QCOMPARE(later, QStringList{QStringLiteral("assign to kai@contoso.com on #4")});
    QTest::keyClick(editMenu, Qt::Key_Escape);
    QTRY_VERIFY(!editMenu->isVisible());

    // Ctrl+Z: #2 and #4 lose the tag again; #3 had it before and keeps it.
    queue()->setFocus();
    pressOnQueue(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(m_edits->size(), 4);
    QList<qint64> numbers;
    QSet<qint64> untagged;
    for (int i = 2; i < 4; ++i) {
        const TriageEdit edit = editAt(i, &numbers);
        QCOMPARE(numbers.size(), 1);
        untagged.insert(numbers.constFirst());
        QCOMPARE(edit.tagsToRemove, QStringList{QStringLiteral("vip")});
        QVERIFY(edit.tagsToAdd.isEmpty() && !edit.owner && !edit.status);
        QCOMPARE(edit.analyst, QLatin1String(kAnalyst));
    }
    QCOMPARE(untagged, (QSet<qint64>{2, 4}));

    // Ctrl+Z again, after delivery: a new edit puts #4 back to unassigned.
    Incident delivered = incident(4);
    delivered.syncState = SyncState::Synced;
    m_window->applyIncidentChanges({delivered});
    pressOnQueue(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(m_edits->size(), 5);
    const TriageEdit back = editAt(4, &numbers);
    QCOMPARE(numbers, QList<qint64>{4});
    QCOMPARE(back.owner, std::optional<QString>(QString()));
    QVERIFY(!undo->isEnabled());
    pressOnQueue(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(m_edits->size(), 5);
}

void TestQueueHabits::bulkReopenAsksFirstAndSaysHowMany()
{
    // #8 to #12: #9, #10 and #12 are closed (rows 7 to 11).
    QVERIFY(m_window->selectIncident(8));
    queue()->setFocus();
    for (int i = 0; i < 4; ++i)
        pressOnQueue(Qt::Key_J, Qt::ShiftModifier);
    QCOMPARE(m_window->selectedIncidentNumbers(), (QList<qint64>{8, 9, 10, 11, 12}));
    const auto setActive = [this] {
        pressOnQueue(Qt::Key_S);
        QTRY_VERIFY(m_window->triageDialog() && m_window->triageDialog()->isVisible());
        auto *active = child<QRadioButton>("statusActive", m_window->triageDialog());
        QTest::mouseClick(active, Qt::LeftButton, {},
                          QPoint(active->fontMetrics().height() / 2 + 2, active->height() / 2));
        QTest::mouseClick(child<QPushButton>("triageOk", m_window->triageDialog()), Qt::LeftButton);
    };
    setActive();
    QMessageBox *box = reopenQuestion();
    QVERIFY(box);
    QCOMPARE(box->text(),
             QStringLiteral("3 of the 5 incidents are closed. This edit reopens them."));
    QCOMPARE(m_edits->size(), 0);
    QTest::mouseClick(child<QPushButton>("reopenNo", box), Qt::LeftButton);
    QTRY_VERIFY(!m_window->findChild<QMessageBox *>(QStringLiteral("reopenQuestion")));
    QCOMPARE(m_edits->size(), 0);

    backToWindow();
    setActive();
    box = reopenQuestion();
    QVERIFY(box);
    auto *yes = child<QPushButton>("reopenYes", box);
    QCOMPARE(yes->text(), QStringLiteral("Reopen 3 incidents"));
    QTest::mouseClick(yes, Qt::LeftButton);
    QTRY_COMPARE(m_edits->size(), 1);
    QList<qint64> numbers;
    QCOMPARE(editAt(0, &numbers).status, std::optional<VigilStatus>(VigilStatus::Active));
    QCOMPARE(numbers, (QList<qint64>{8, 9, 10, 11, 12}));

    // Open incidents only: no question.
    backToWindow();
    clickRow(0);
    pressOnQueue(Qt::Key_J, Qt::ShiftModifier);
    pressOnQueue(Qt::Key_S);
    QTRY_VERIFY(m_window->triageDialog() && m_window->triageDialog()->isVisible());
    auto *fresh = child<QRadioButton>("statusNew", m_window->triageDialog());
    QTest::mouseClick(fresh, Qt::LeftButton, {},
                      QPoint(fresh->fontMetrics().height() / 2 + 2, fresh->height() / 2));
    QTest::mouseClick(child<QPushButton>("triageOk", m_window->triageDialog()), Qt::LeftButton);
    QTRY_COMPARE(m_edits->size(), 2);
    QVERIFY(!m_window->findChild<QMessageBox *>(QStringLiteral("reopenQuestion")));
}

void TestQueueHabits::cheatSheetIsMadeFromTheActions()
{
    // F1 opens it too, then '?' (the desktop's key map takes the Shift that makes '?').
    QTest::keyClick(queue(), Qt::Key_F1);
    QTRY_VERIFY(m_window->findChild<QDialog *>(QStringLiteral("cheatSheet")));
    m_window->findChild<QDialog *>(QStringLiteral("cheatSheet"))->close();
    QTRY_VERIFY(!m_window->findChild<QDialog *>(QStringLiteral("cheatSheet")));
    QApplication::setActiveWindow(m_window.get());
    queue()->setFocus();
    pressOnQueue(Qt::Key_Question);
    auto *sheet = m_window->findChild<QDialog *>(QStringLiteral("cheatSheet"));
    QVERIFY(sheet);
    QTRY_VERIFY(sheet->isVisible());
    QHash<QString, QString> shown; // action text -> keys
    const QList<QLabel *> keys = sheet->findChildren<QLabel *>(QStringLiteral("cheatKey"));
    const QList<QLabel *> texts = sheet->findChildren<QLabel *>(QStringLiteral("cheatAction"));
    QCOMPARE(keys.size(), texts.size());
    for (qsizetype i = 0; i < keys.size(); ++i)
        shown.insert(texts.at(i)->text(), keys.at(i)->text());
    QCOMPARE(shown.value(QStringLiteral("Next incident")), QStringLiteral("J"));
    QCOMPARE(shown.value(QStringLiteral("Go to the queue")).isEmpty()
                     ? shown.value(QStringLiteral("Queue"))
                     : shown.value(QStringLiteral("Go to the queue")),
             QKeySequence(Qt::Key_G, Qt::Key_Q).toString(QKeySequence::NativeText));
    QCOMPARE(shown.value(QStringLiteral("Command palette")), QStringLiteral("Ctrl+K"));
    QVERIFY(shown.contains(QStringLiteral("Back to the queue"))); // the detail pane's Esc
    // Every action of the window that has a key is on the sheet, with that key.
    for (QAction *action : m_window->actions()) {
        if (action->shortcuts().isEmpty())
            continue;
        QString text = action->text().remove(QLatin1Char('&'));
        while (text.endsWith(QChar(0x2026)))
            text.chop(1);
        QVERIFY2(shown.contains(text), qPrintable(text));
        QCOMPARE(shown.value(text), keysText(action->shortcuts()));
    }
    QTest::keyClick(sheet, Qt::Key_Escape);
    QTRY_VERIFY(!m_window->findChild<QDialog *>(QStringLiteral("cheatSheet")));

    // A key changed at run time shows the next time: the sheet is not a list kept by hand.
    child<QAction>("nextIncident")->setShortcut(QKeySequence(Qt::Key_N));
    QApplication::setActiveWindow(m_window.get());
    queue()->setFocus();
    pressOnQueue(Qt::Key_Question);
    sheet = m_window->findChild<QDialog *>(QStringLiteral("cheatSheet"));
    QVERIFY(sheet);
    bool found = false;
    const QList<QLabel *> again = sheet->findChildren<QLabel *>(QStringLiteral("cheatAction"));
    const QList<QLabel *> againKeys = sheet->findChildren<QLabel *>(QStringLiteral("cheatKey"));
    for (qsizetype i = 0; i < again.size(); ++i)
        found = found
                || (again.at(i)->text() == QLatin1String("Next incident")
                    && againKeys.at(i)->text() == QLatin1String("N"));
    QVERIFY(found);
}

void TestQueueHabits::questionMarkAsTypedOpensTheCheatSheet()
{
    const auto sheetShown = [this] {
        auto *sheet = m_window->findChild<QDialog *>(QStringLiteral("cheatSheet"));
        return sheet && sheet->isVisible();
    };
    const auto closeSheet = [this] {
        auto *sheet = m_window->findChild<QDialog *>(QStringLiteral("cheatSheet"));
        QVERIFY(sheet);
        // As the desktop does when it shows the sheet (the offscreen platform does not).
        QApplication::setActiveWindow(sheet);
        QTRY_VERIFY(sheet->isActiveWindow());
        QTest::keyClick(sheet, Qt::Key_Escape);
        QTRY_VERIFY(!m_window->findChild<QDialog *>(QStringLiteral("cheatSheet")));
        backToWindow();
    };
    // '?' as a keyboard types it: Shift and the key that has it (Shift+/ on a US layout, Shift+ß
    // on a German one), with the character '?'.
    clickRow(2);
    const qint64 before = currentNumber();
    QVERIFY(queue()->hasFocus());
    pressOnQueue(Qt::Key_Question, Qt::ShiftModifier);
    QTRY_VERIFY(sheetShown());
    // The queue did not take it as the start of a row to jump to.
    QCOMPARE(currentNumber(), before);
    closeSheet();

    // On a list of the detail pane too.
    auto *alerts = child<QTreeView>("alertList");
    QVERIFY(alerts);
    alerts->setFocus();
    QTRY_VERIFY(alerts->hasFocus());
    QTest::keyClick(alerts, Qt::Key_Question, Qt::ShiftModifier);
    QTRY_VERIFY(sheetShown());
    closeSheet();

    // In the quick filter '?' is a character of the filter, with or without the Shift.
    pressOnQueue(Qt::Key_Slash);
    auto *filter = child<QLineEdit>("quickFilter");
    QTRY_VERIFY(filter->hasFocus());
    QTest::keyClick(filter, Qt::Key_Question, Qt::ShiftModifier);
    QTest::keyClicks(filter, QStringLiteral("why?"));
    QCOMPARE(filter->text(), QStringLiteral("?why?"));
    QTest::qWait(50);
    QVERIFY(!sheetShown());
    QTest::keyClick(filter, Qt::Key_Escape); // clears it
    QTest::keyClick(filter, Qt::Key_Escape); // back to the queue
    QTRY_VERIFY(queue()->hasFocus());

    // And in a comment.
    pressOnQueue(Qt::Key_M);
    QTRY_VERIFY(m_window->triageDialog() && m_window->triageDialog()->isVisible());
    auto *text = child<QPlainTextEdit>("commentText", m_window->triageDialog());
    QVERIFY(text);
    QTRY_VERIFY(text->hasFocus());
    QTest::keyClicks(text, QStringLiteral("seen before"));
    QTest::keyClick(text, Qt::Key_Question, Qt::ShiftModifier);
    QCOMPARE(text->toPlainText(), QStringLiteral("seen before?"));
    QTest::qWait(50);
    QVERIFY(!sheetShown());
    m_window->triageDialog()->reject();
    QCOMPARE(m_edits->size(), 0);
}

void TestQueueHabits::paletteFindsAndRunsCommands()
{
    pressOnQueue(Qt::Key_K, Qt::ControlModifier);
    auto *palette = m_window->findChild<CommandPalette *>(QStringLiteral("commandPalette"));
    QVERIFY(palette);
    QTRY_VERIFY(palette->isVisible());
    QTRY_VERIFY(palette->filterEdit()->hasFocus());
    // Every command is there, the triage ones and the pages among them.
    QListWidget *list = palette->list();
    QVERIFY(list->count() >= 20);
    QTest::keyClicks(palette->filterEdit(), QStringLiteral("hunt"));
    QVERIFY(list->count() >= 1);
    QVERIFY(list->currentItem()->text().contains(QStringLiteral("Hunting")));
    QCOMPARE(list->currentItem()->data(Qt::AccessibleDescriptionRole).toString(),
             QKeySequence(Qt::Key_G, Qt::Key_H).toString(QKeySequence::NativeText));
    QTest::keyClick(palette->filterEdit(), Qt::Key_Return);
    QTRY_VERIFY(m_window->isHuntingPageShown());
    QTRY_VERIFY(!m_window->findChild<CommandPalette *>(QStringLiteral("commandPalette")));

    // Back to the queue through the palette, by two words and the arrow keys.
    m_window->showCommandPalette();
    palette = m_window->findChild<CommandPalette *>(QStringLiteral("commandPalette"));
    QTest::keyClicks(palette->filterEdit(), QStringLiteral("view queue"));
    list = palette->list();
    int queueRow = -1;
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->text().startsWith(QStringLiteral("View › Queue")))
            queueRow = row;
    }
    QVERIFY(queueRow >= 0);
    for (int i = list->currentRow(); i < queueRow; ++i)
        QTest::keyClick(palette->filterEdit(), Qt::Key_Down);
    QCOMPARE(list->currentRow(), queueRow);
    QTest::keyClick(palette->filterEdit(), Qt::Key_Enter);
    QTRY_VERIFY(!m_window->isHuntingPageShown());

    // A disabled command is listed greyed and does not run.
    m_window->showCommandPalette();
    palette = m_window->findChild<CommandPalette *>(QStringLiteral("commandPalette"));
    QTest::keyClicks(palette->filterEdit(), QStringLiteral("undo"));
    list = palette->list();
    QCOMPARE(list->count(), 1);
    QVERIFY(!(list->item(0)->flags() & Qt::ItemIsEnabled));
    QTest::keyClick(palette->filterEdit(), Qt::Key_Return);
    QVERIFY(palette->isVisible());
    QCOMPARE(m_edits->size(), 0);
    QTest::keyClick(palette->filterEdit(), Qt::Key_Escape);
    QTRY_VERIFY(!m_window->findChild<CommandPalette *>(QStringLiteral("commandPalette")));
}

void TestQueueHabits::topLevelMenusHaveDistinctMnemonics()
{
    QHash<QChar, QString> taken;
    for (QAction *top : m_window->menuBar()->actions()) {
        const QString text = top->text();
        const qsizetype amp = text.indexOf(QLatin1Char('&'));
        QVERIFY2(amp >= 0 && amp + 1 < text.size(), qPrintable(text));
        const QChar key = text.at(amp + 1).toLower();
        QVERIFY2(!taken.contains(key),
                 qPrintable(text + QStringLiteral(" and ") + taken.value(key)));
        taken.insert(key, text);
    }
    QVERIFY(taken.size() >= 5);
    // Alt+V opens View.
    QTest::keyClick(m_window.get(), Qt::Key_V, Qt::AltModifier);
    QMenu *open = nullptr;
    QTRY_VERIFY((open = qobject_cast<QMenu *>(QApplication::activePopupWidget())) != nullptr);
    QCOMPARE(open->title(), QStringLiteral("&View"));
    QTest::keyClick(open, Qt::Key_Escape);
}

void TestQueueHabits::mergedIncidentGreysTheToolbarButtons()
{
    auto *toolBar = child<QToolBar>("mainToolBar");
    const auto button = [toolBar](const char *name) {
        for (QAction *action : toolBar->actions()) {
            if (action->objectName() == QLatin1String(name))
                return qobject_cast<QToolButton *>(toolBar->widgetForAction(action));
        }
        return static_cast<QToolButton *>(nullptr);
    };
    const QList<const char *> names{"setStatusButton",     "assignToMeButton", "assignToButton",
                                    "closeIncidentButton", "editTagsButton",   "addCommentButton"};
    clickRow(0);
    for (const char *name : names) {
        QVERIFY2(button(name), name);
        QVERIFY2(button(name)->isEnabled(), name);
    }
    clickRow(int(shownOrder().indexOf(kMerged)));
    QCOMPARE(m_window->currentIncidentNumber(), kMerged);
    QVERIFY(!child<QWidget>("detailTriageButtons")->isEnabled());
    for (const char *name : names)
        QVERIFY2(!button(name)->isEnabled(), name);
    // Clicking the greyed button does nothing.
    QTest::mouseClick(button("assignToMeButton"), Qt::LeftButton);
    QCOMPARE(m_edits->size(), 0);
    // Back on an incident that can be edited, the buttons work again.
    pressOnQueue(Qt::Key_J);
    QTest::mouseClick(button("assignToMeButton"), Qt::LeftButton);
    QCOMPARE(m_edits->size(), 1);
}

void TestQueueHabits::tagDialogCompletesTagsInUse()
{
    clickRow(0);
    pressOnQueue(Qt::Key_T);
    QTRY_VERIFY(m_window->triageDialog() && m_window->triageDialog()->isVisible());
    auto *input = child<QLineEdit>("tagInput", m_window->triageDialog());
    QVERIFY(input->completer());
    QTest::keyClicks(input, QStringLiteral("PHI"));
    QAbstractItemView *popup = input->completer()->popup();
    QTRY_VERIFY(popup->isVisible());
    QStringList offered;
    for (int row = 0; row < popup->model()->rowCount(); ++row)
        offered << popup->model()->index(row, 0).data().toString();
    QCOMPARE(offered,
             (QStringList{QStringLiteral("phish-kit"), QStringLiteral("phishing-campaign")}));
    // Down and Enter take the second; Enter adds it to the incident's tags.
    QTest::keyClick(popup, Qt::Key_Down);
    QTest::keyClick(popup, Qt::Key_Down);
    QTest::keyClick(popup, Qt::Key_Return);
    QCOMPARE(input->text(), QStringLiteral("phishing-campaign"));
    QTest::keyClick(input, Qt::Key_Return);
    QTest::keyClick(input, Qt::Key_Return);
    QTRY_COMPARE(m_edits->size(), 1);
    QCOMPARE(editAt(0).tagsToAdd, QStringList{QStringLiteral("phishing-campaign")});
}

void TestQueueHabits::exportWritesTheViewAsShown()
{
    QVERIFY(m_window->findChild<QAction *>(QStringLiteral("exportView")));
    auto *filter = child<QLineEdit>("quickFilter");
    filter->setText(QStringLiteral("severity:medium"));
    queue()->setColumnHidden(IncidentQueueModel::SyncStateColumn, true);
    queue()->setColumnHidden(IncidentQueueModel::TagsColumn, false);
    queue()->header()->moveSection(queue()->header()->visualIndex(IncidentQueueModel::TitleColumn),
                                   0);
    QTest::mouseClick(
            queue()->header()->viewport(), Qt::LeftButton, {},
            QPoint(queue()->header()->sectionViewportPosition(IncidentQueueModel::NumberColumn) + 5,
                   5));
    const QList<qint64> order = shownOrder();
    QCOMPARE(order.size(), 20);

    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("view.csv"));
    QVERIFY(m_window->exportCurrentView(csv));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines
            = QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 21);
    QCOMPARE(lines.at(0), QStringLiteral("title,number,severity,status,owner,provider,alertCount,"
                                         "tags,lastUpdateTime,sla"));
    // Row order is the view's; a title that looks like a formula is written as text.
    QVERIFY(lines.at(1).startsWith(QStringLiteral("\"'=HYPERLINK(\"\"http://evil\"\") "
                                                  "\"\"quoted\"\", and more\",2,")));
    for (qsizetype i = 0; i < order.size(); ++i)
        QVERIFY2(lines.at(i + 1).contains(QStringLiteral(",%1,").arg(order.at(i))),
                 qPrintable(lines.at(i + 1)));

    const QString json = dir.filePath(QStringLiteral("view.json"));
    QVERIFY(m_window->exportCurrentView(json));
    QFile jsonFile(json);
    QVERIFY(jsonFile.open(QIODevice::ReadOnly));
    const QJsonArray rows = QJsonDocument::fromJson(jsonFile.readAll()).array();
    QCOMPARE(rows.size(), 20);
    QCOMPARE(rows.at(0).toObject().value(QStringLiteral("number")).toInteger(), order.at(0));
    QCOMPARE(rows.at(0).toObject().keys().size(), 10);
    QVERIFY(!rows.at(0).toObject().contains(QStringLiteral("syncState")));

    // A place that cannot be written says so.
    QVERIFY(!m_window->exportCurrentView(dir.filePath(QStringLiteral("missing/dir/view.csv"))));
    QVERIFY(child<QWidget>("errorBanner")->isVisible());
}

void TestQueueHabits::exportDialogSavesWhatTheQueueShows()
{
    // Texts as Defender may send them: markup, control characters, line breaks, and cells a
    // spreadsheet would run as formulas.
    const QString markupTitle = QStringLiteral("<b>Bold</b> &amp; <script>x()</script>\n"
                                               "second line\tafter a tab \x1b[2J\u202Eexe.gnp");
    const QString formulaOwner = QStringLiteral("@SUM(A1:A9)@contoso.com");
    const QString plusTitle = QStringLiteral("+cmd|' /C calc'!A0");
    QList<Incident> list = incidents();
    list[2].title = markupTitle;
    list[3].assignedTo = formulaOwner;
    list[3].customTags = {QStringLiteral("-1+1"), QStringLiteral("vip")};
    list[4].title = plusTitle;
    m_window->setIncidents(list);
    queue()->setColumnHidden(IncidentQueueModel::TagsColumn, false);
    backToWindow();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    const auto openDialog = [this] {
        pressOnQueue(Qt::Key_E, Qt::ControlModifier);
        QFileDialog *dialog = nullptr;
        for (int i = 0; i < 200 && !(dialog && dialog->isVisible()); ++i) {
            dialog = m_window->findChild<QFileDialog *>(QStringLiteral("exportViewDialog"));
            if (!(dialog && dialog->isVisible()))
                QTest::qWait(10);
        }
        // As the desktop does when it shows the dialog (the offscreen platform does not).
        if (dialog)
            QApplication::setActiveWindow(dialog);
        return dialog;
    };
    const auto nameEdit = [](QFileDialog *dialog) {
        return dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
    };
    const auto typeCombo = [](QFileDialog *dialog) {
        return dialog->findChild<QComboBox *>(QStringLiteral("fileTypeCombo"));
    };
    const auto readAll = [](const QString &path) {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };

    // Ctrl+E, the JSON format chosen in the dialog by keyboard: the suggested name follows it.
    QFileDialog *dialog = openDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->testOption(QFileDialog::DontUseNativeDialog)
            || QCoreApplication::testAttribute(Qt::AA_DontUseNativeDialogs));
    QLineEdit *name = nameEdit(dialog);
    QComboBox *types = typeCombo(dialog);
    QVERIFY(name && types);
    QVERIFY2(name->text().endsWith(QStringLiteral(".csv")), qPrintable(name->text()));
    types->setFocus();
    QTest::keyClick(types, Qt::Key_Down);
    QCOMPARE(types->currentText(), QStringLiteral("JSON (*.json)"));
    QVERIFY2(name->text().endsWith(QStringLiteral(".json")), qPrintable(name->text()));
    name->setFocus();
    name->selectAll();
    QTest::keyClicks(name, dir.filePath(QStringLiteral("week view")));
    QTest::keyClick(name, Qt::Key_Return);
    const QString jsonPath = dir.filePath(QStringLiteral("week view.json"));
    QTRY_VERIFY(QFile::exists(jsonPath));
    QTRY_VERIFY(!m_window->findChild<QFileDialog *>(QStringLiteral("exportViewDialog")));
    const QJsonArray rows = QJsonDocument::fromJson(readAll(jsonPath)).array();
    QCOMPARE(rows.size(), 40);
    QHash<qint64, QJsonObject> byNumber;
    for (const QJsonValue row : rows)
        byNumber.insert(row.toObject().value(QLatin1String("number")).toInteger(), row.toObject());
    // JSON keeps every character as it came.
    QCOMPARE(byNumber.value(3).value(QLatin1String("title")).toString(), markupTitle);
    QCOMPARE(byNumber.value(4).value(QLatin1String("owner")).toString(), formulaOwner);
    QCOMPARE(byNumber.value(2).value(QLatin1String("title")).toString(), list[1].title);
    QCOMPARE(byNumber.value(1).value(QLatin1String("number")).toInteger(),
             rows.at(0).toObject().value(QLatin1String("number")).toInteger());

    // The next export starts where this one went, as JSON; back to CSV, the name follows.
    backToWindow();
    dialog = openDialog();
    QVERIFY(dialog);
    QCOMPARE(QDir(dialog->directory()).canonicalPath(), QDir(dir.path()).canonicalPath());
    name = nameEdit(dialog);
    types = typeCombo(dialog);
    QCOMPARE(types->currentText(), QStringLiteral("JSON (*.json)"));
    types->setFocus();
    QTest::keyClick(types, Qt::Key_Up);
    QCOMPARE(types->currentText(), QStringLiteral("CSV (*.csv)"));
    QVERIFY2(name->text().endsWith(QStringLiteral(".csv")), qPrintable(name->text()));
    const QString csvPath = dir.filePath(name->text());
    name->setFocus();
    QTest::keyClick(name, Qt::Key_Return);
    QTRY_VERIFY(QFile::exists(csvPath));
    QTRY_VERIFY(!m_window->findChild<QFileDialog *>(QStringLiteral("exportViewDialog")));
    QVERIFY(child<QStatusBar>("statusBar")->currentMessage().contains(csvPath));

    const QList<QStringList> records = parseCsv(QString::fromUtf8(readAll(csvPath)));
    QCOMPARE(records.size(), 41);
    const QStringList &header = records.first();
    const qsizetype number = header.indexOf(QStringLiteral("number"));
    const qsizetype title = header.indexOf(QStringLiteral("title"));
    const qsizetype owner = header.indexOf(QStringLiteral("owner"));
    const qsizetype tags = header.indexOf(QStringLiteral("tags"));
    QVERIFY(number >= 0 && title >= 0 && owner >= 0 && tags >= 0);
    QHash<qint64, QStringList> csvRows;
    for (const QStringList &record : records.mid(1)) {
        QCOMPARE(record.size(), header.size());
        csvRows.insert(record.at(number).toLongLong(), record);
        // No cell a spreadsheet would run.
        for (const QString &cell : record)
            QVERIFY2(cell.isEmpty() || !QStringLiteral("=+-@\t\r").contains(cell.front()),
                     qPrintable(cell));
    }
    // Markup and control characters are the cell's text, its line break kept inside quotes.
    QCOMPARE(csvRows.value(3).at(title), markupTitle);
    QCOMPARE(csvRows.value(2).at(title), QStringLiteral("'") + list[1].title);
    QCOMPARE(csvRows.value(5).at(title), QStringLiteral("'") + plusTitle);
    QCOMPARE(csvRows.value(4).at(owner), QStringLiteral("'") + formulaOwner);
    QCOMPARE(csvRows.value(4).at(tags), QStringLiteral("'-1+1; vip"));
}

void TestQueueHabits::themesAreChosenAndKept()
{
    const QColor desktop = QApplication::palette().color(QPalette::Window);
    auto *dark = child<QAction>("theme-dark");
    auto *contrast = child<QAction>("theme-high-contrast");
    auto *system = child<QAction>("theme-system");
    QVERIFY(system->isChecked());
    dark->trigger();
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 60);
    QVERIFY(QApplication::palette().color(QPalette::Text).lightness() > 200);
    QTRY_VERIFY(queue()->palette().color(QPalette::Base).lightness() < 60);
    contrast->trigger();
    QCOMPARE(QApplication::palette().color(QPalette::Window), QColor(Qt::black));
    QCOMPARE(QApplication::palette().color(QPalette::Highlight), QColor(Qt::yellow));
    QVERIFY(contrast->isChecked() && !dark->isChecked());

    // The next start uses the theme chosen.
    m_window->saveSettings();
    m_edits.reset();
    m_window = std::make_unique<MainWindow>(nullptr);
    QVERIFY(child<QAction>("theme-high-contrast")->isChecked());
    QCOMPARE(QApplication::palette().color(QPalette::Window), QColor(Qt::black));
    child<QAction>("theme-system")->trigger();
    QCOMPARE(QApplication::palette().color(QPalette::Window), desktop);
}

void TestQueueHabits::themesFollowTheDesktopLive()
{
    const QPalette platform = QApplication::palette();
    QVERIFY(!QCoreApplication::testAttribute(Qt::AA_SetPalette));
    const QColor vigilLight(0xf3, 0xf3, 0xf3);
    // What a desktop's platform integration sets when the analyst switches it to dark, and back
    // to a light scheme of its own.
    QPalette night = platform;
    night.setColor(QPalette::Window, QColor(0x10, 0x18, 0x20));
    night.setColor(QPalette::Base, QColor(0x08, 0x0c, 0x10));
    night.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    night.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    QPalette day = platform;
    day.setColor(QPalette::Window, QColor(0xfa, 0xf0, 0xe0));
    day.setColor(QPalette::Base, QColor(0xff, 0xfc, 0xf5));

    // Vigil's Light theme stays when the desktop turns dark.
    child<QAction>("theme-light")->trigger();
    QCOMPARE(QApplication::palette().color(QPalette::Window), vigilLight);
    QApplication::setPalette(night);
    QTRY_COMPARE(QApplication::palette().color(QPalette::Window), vigilLight);
    QTRY_COMPARE(queue()->palette().color(QPalette::Base), QColor(Qt::white));
    QVERIFY(child<QAction>("theme-light")->isChecked());

    // "Follow the desktop" shows the desktop as it is now, not as it was when Vigil started.
    child<QAction>("theme-system")->trigger();
    QCOMPARE(QApplication::palette().color(QPalette::Window), night.color(QPalette::Window));
    QTRY_COMPARE(queue()->palette().color(QPalette::Base), night.color(QPalette::Base));
    // And follows it while it changes.
    QApplication::setPalette(day);
    QTRY_COMPARE(queue()->palette().color(QPalette::Base), day.color(QPalette::Base));
    QEvent themeChange(QEvent::ThemeChange);
    QCoreApplication::sendEvent(m_window.get(), &themeChange);
    QCoreApplication::processEvents();
    QCOMPARE(QApplication::palette().color(QPalette::Window), day.color(QPalette::Window));

    // A platform theme change while Vigil's Dark theme is chosen leaves Dark on screen.
    child<QAction>("theme-dark")->trigger();
    const QColor dark = QApplication::palette().color(QPalette::Window);
    QVERIFY(dark.lightness() < 60);
    QCoreApplication::sendEvent(m_window.get(), &themeChange);
    QApplication::setPalette(night);
    QTRY_COMPARE(QApplication::palette().color(QPalette::Window), dark);
    QTest::qWait(50);
    QCOMPARE(QApplication::palette().color(QPalette::Window), dark);

    // The desktop hands the palette back to the platform theme; with "Follow the desktop" the
    // application keeps no palette of its own, so Qt brings each later change of the platform's
    // colours (QEvent::ThemeChange) to the window.
    QPalette platformAgain = QApplication::palette();
    platformAgain.setResolveMask(0);
    QApplication::setPalette(platformAgain);
    QTRY_COMPARE(QApplication::palette().color(QPalette::Window), dark);
    child<QAction>("theme-system")->trigger();
    QCOMPARE(QApplication::palette().color(QPalette::Window), platform.color(QPalette::Window));
    QTRY_COMPARE(queue()->palette().color(QPalette::Base), platform.color(QPalette::Base));
    QVERIFY(!QCoreApplication::testAttribute(Qt::AA_SetPalette));
}

void TestQueueHabits::changedAndNewRowsAreMarkedUntilSeen()
{
    // As the store gives them: every incident seen at kBase, #5 never opened.
    QList<Incident> list = incidents();
    for (Incident &i : list)
        i.lastSeenTime = kBase;
    list[4].lastSeenTime = QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
    m_window->queueModel()->setTracksSeen(true);
    m_window->setIncidents(list);
    clickRow(0);
    QTest::qWait(150); // #1 is opened: the detail request marks it seen
    const auto markOf = [this](qint64 number) {
        const QModelIndex index = queue()->model()->index(int(shownOrder().indexOf(number)), 0);
        return IncidentQueueModel::ChangeMark(
                index.data(IncidentQueueModel::ChangeMarkRole).toInt());
    };
    const auto cell = [this](qint64 number, int column) {
        return queue()->model()->index(int(shownOrder().indexOf(number)), column);
    };
    QCOMPARE(markOf(5), IncidentQueueModel::ChangeMark::New);
    QVERIFY(cell(5, IncidentQueueModel::TitleColumn).data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(!cell(5, IncidentQueueModel::TitleColumn)
                     .data(Qt::DecorationRole)
                     .value<QIcon>()
                     .isNull());
    QCOMPARE(cell(5, IncidentQueueModel::NumberColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("New since you last looked"));
    QCOMPARE(markOf(8), IncidentQueueModel::ChangeMark::None);
    QVERIFY(!cell(8, IncidentQueueModel::TitleColumn).data(Qt::FontRole).value<QFont>().bold());

    // Defender reassigns #8 (today only the Activity tab would say so); #41 arrives.
    Incident moved = incident(8);
    moved.assignedTo = QStringLiteral("lee@contoso.com");
    moved.lastUpdateTime = kBase.addSecs(300);
    Incident arrived = list.at(0);
    arrived.number = 41;
    arrived.providerIncidentId = QStringLiteral("9041");
    arrived.lastSeenTime = {};
    arrived.lastUpdateTime = kBase.addSecs(400);
    m_window->applyIncidentChanges({moved, arrived});
    QCOMPARE(markOf(8), IncidentQueueModel::ChangeMark::Changed);
    QCOMPARE(cell(8, IncidentQueueModel::NumberColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("Changed in Defender or by a colleague since you last opened it"));
    QVERIFY(cell(8, IncidentQueueModel::OwnerColumn).data(Qt::FontRole).value<QFont>().bold());
    QCOMPARE(markOf(41), IncidentQueueModel::ChangeMark::New);
    QCOMPARE(markOf(1), IncidentQueueModel::ChangeMark::None);

    // Opening #8 takes its mark off; #5 keeps its own.
    clickRow(int(shownOrder().indexOf(8)));
    QTRY_COMPARE(markOf(8), IncidentQueueModel::ChangeMark::None);
    QCOMPARE(markOf(5), IncidentQueueModel::ChangeMark::New);

    // The analyst's own edit, pending and then delivered, is no news to them.
    QVERIFY(m_window->selectIncident(3));
    queue()->setFocus();
    m_window->assignSelectionToMe();
    QCOMPARE(m_edits->size(), 1);
    QVERIFY(m_window->selectIncident(2));
    QTest::qWait(150);
    engineApplies(3, [](Incident &i) { i.assignedTo = QLatin1String(kAnalyst); });
    QCOMPARE(markOf(3), IncidentQueueModel::ChangeMark::None);
    Incident delivered = incident(3);
    delivered.syncState = SyncState::Synced;
    delivered.lastUpdateTime = kBase.addSecs(700);
    m_window->applyIncidentChanges({delivered});
    QCOMPARE(markOf(3), IncidentQueueModel::ChangeMark::None);
    // A colleague's change after that is.
    Incident colleague = incident(3);
    colleague.status = QStringLiteral("resolved");
    colleague.classification = QStringLiteral("truePositive");
    colleague.lastUpdateTime = QDateTime::currentDateTimeUtc().addSecs(60); // Defender's clock
    m_window->applyIncidentChanges({colleague});
    QCOMPARE(markOf(3), IncidentQueueModel::ChangeMark::Changed);

    // Mark all as seen, from the View menu.
    child<QAction>("markAllSeen")->trigger();
    for (qint64 number : {3, 5, 41})
        QCOMPARE(markOf(number), IncidentQueueModel::ChangeMark::None);
}

QTEST_MAIN(TestQueueHabits)
#include "tst_queuehabits.moc"
