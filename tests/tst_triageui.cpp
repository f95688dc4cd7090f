#include "incidentdetailview.h"
#include "incidentqueuemodel.h"
#include "mainwindow.h"
#include "triage.h"
#include "triagedialogs.h"
#include "vocabulary.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>

#include <memory>

using namespace Vigil;

Q_DECLARE_METATYPE(Vigil::VigilClassification)

namespace {

const QDateTime kBase(QDate(2024, 3, 1), QTime(12, 0), Qt::UTC);
constexpr auto kAnalyst = "kai@contoso.com";
/** An incident that was merged into #1; it cannot be edited. */
constexpr qint64 kMerged = 7;
constexpr qint64 kTagged = 3;

/** Eight incidents; the queue sorts by last update, newest first, so row n shows #n+1. */
QList<Incident> incidents()
{
    static const QStringList titles = {
            QStringLiteral("Multi-stage incident involving Initial access & Execution on one "
                           "endpoint"),
            QStringLiteral("Suspicious PowerShell download on FIN-LT-0231"),
            QStringLiteral("Phishing emails delivered to 14 mailboxes"),
            QStringLiteral("Impossible travel activity for a finance user"),
            QStringLiteral("Ransomware behaviour detected on SRV-FS-02"),
            QStringLiteral("Credential dumping with Mimikatz"),
            QStringLiteral("Merged: suspicious sign-ins"),
            QStringLiteral("Anomalous OAuth app consent"),
    };
    QList<Incident> list;
    for (qint64 n = 1; n <= titles.size(); ++n) {
        Incident i;
        i.number = n;
        i.providerIncidentId = QString::number(9000 + n);
        i.tenantId = QStringLiteral("4a2c59b1-4bf3-4c4a-9c39-8d0e5b7a1f2e");
        i.title = titles.at(n - 1);
        i.severity = n % 2 ? QStringLiteral("high") : QStringLiteral("medium");
        i.status = n % 3 ? QStringLiteral("active") : QStringLiteral("inProgress");
        i.assignedTo = n == 2 ? QStringLiteral("lee@contoso.com") : QString();
        i.createdTime = kBase.addSecs(-3600 * n);
        i.lastUpdateTime = kBase.addSecs(-60 * n);
        i.alertCount = int(n) + 1;
        list << i;
    }
    list[kTagged - 1].customTags = {QStringLiteral("phishing-campaign"), QStringLiteral("vip")};
    list[kTagged - 1].systemTags = {QStringLiteral("Defender Experts")};
    list[1].syncState = SyncState::Pending;
    list[3].syncState = SyncState::Conflict;
    list[4].syncState = SyncState::Error;
    Incident &merged = list[kMerged - 1];
    merged.status = QStringLiteral("redirected");
    merged.redirectIncidentId = list[0].providerIncidentId;
    merged.redirectedToNumber = 1;
    return list;
}

} // namespace

/** The triage side of the main window, driven the way an analyst drives it. */
class TestTriageUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void assignToMeSendsTheAnalystUpn();
    void assignToMeAsksOnceForTheUpn();
    void setStatusActive();
    void statusClosedOpensTheCloseDialog();
    void closeAsFalsePositive();
    void closeNeedsAClassification();
    void determinationsPerClassification_data();
    void determinationsPerClassification();
    void assignToRejectsABadUpn();
    void assignToCanUnassign();
    void tagsAddAndRemove();
    void commentWithCtrlEnter();
    void bulkEditOfThreeIncidents();
    void markWithXAndCtrlClick();
    void detailButtonsActOnTheShownIncident();
    void mergedIncidentIsRefusedInline();
    void singleLettersIgnoredInTheQuickFilter();
    void editRejectedShowsTheBanner();
    void syncStateIsVisible();
    void syncColumnShownForOldSettings();
    void activityTabListsEntriesNewestFirst();
    void applyMineAgainSendsTheLostValue();
    void applyMineAgainDisabledForOtherEntries();
    void everyDialogControlIsNamed_data();
    void everyDialogControlIsNamed();
    void screenshotWithCloseDialog();

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
    /** The visible triage dialog of type T, once it is there. */
    template<typename T>
    T *openDialog() const
    {
        T *dialog = nullptr;
        for (int i = 0; i < 100 && !dialog; ++i) {
            dialog = qobject_cast<T *>(m_window->triageDialog());
            if (dialog && !dialog->isVisible())
                dialog = nullptr;
            if (!dialog)
                QTest::qWait(10);
        }
        if (dialog && !QTest::qWaitForWindowExposed(dialog))
            return nullptr;
        return dialog;
    }
    void clickOk(QDialog *dialog) const
    {
        QTest::mouseClick(child<QPushButton>("triageOk", dialog), Qt::LeftButton);
    }
    void selectRow(int row) const;
    /** After a dialog: the window manager would activate the window again; offscreen does not. */
    void backToWindow() const
    {
        QTRY_VERIFY(!m_window->triageDialog());
        QApplication::setActiveWindow(m_window.get());
        queue()->setFocus();
        QTRY_VERIFY(queue()->hasFocus());
    }
    /** Clicks a radio button on its indicator (its centre may be empty space in a wide row). */
    static void clickRadio(QRadioButton *button)
    {
        QTest::mouseClick(button, Qt::LeftButton, {},
                          QPoint(button->fontMetrics().height() / 2 + 2, button->height() / 2));
    }
    void pressOnQueue(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) const
    {
        QTest::keyClick(queue(), Qt::Key(key), modifiers);
    }
    TriageEdit onlyEdit(QList<qint64> *numbers = nullptr) const;
    /** Shows incident #1 with an activity log: a remote status change, a local owner that lost
     *  to Defender's, and a remote tag change that lost to the analyst's. */
    QTreeWidget *showActivity() const;
    /** Selects the activity row whose Field column says field. */
    void selectActivity(QTreeWidget *list, const QString &field) const;
    /** The window with the dialog painted where it is, as the analyst sees both. */
    QImage windowWithDialog(QDialog *dialog) const;

    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QSignalSpy> m_edits;
};

void TestTriageUi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("VigilTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_triageui"));
    qRegisterMetaType<TriageEdit>();
}

void TestTriageUi::init()
{
    QSettings().clear();
    m_window = std::make_unique<MainWindow>(nullptr);
    m_window->resize(1500, 860);
    m_window->setAnalystUpn(QLatin1String(kAnalyst));
    m_window->setIncidents(incidents());
    m_edits = std::make_unique<QSignalSpy>(m_window.get(), &MainWindow::editRequested);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QApplication::setActiveWindow(m_window.get());
    queue()->setFocus();
    QTRY_VERIFY(queue()->hasFocus());
    selectRow(0);
}

void TestTriageUi::cleanup()
{
    if (TriageDialog *dialog = m_window ? m_window->triageDialog() : nullptr)
        dialog->reject();
    m_edits.reset();
    m_window.reset();
}

void TestTriageUi::selectRow(int row) const
{
    const QRect rect = queue()->visualRect(queue()->model()->index(row, 0));
    QTest::mouseClick(queue()->viewport(), Qt::LeftButton, {}, rect.center());
}

TriageEdit TestTriageUi::onlyEdit(QList<qint64> *numbers) const
{
    if (m_edits->size() != 1) {
        qWarning("expected one editRequested, got %d", int(m_edits->size()));
        return {};
    }
    if (numbers)
        *numbers = m_edits->at(0).at(0).value<QList<qint64>>();
    return m_edits->at(0).at(1).value<TriageEdit>();
}

QTreeWidget *TestTriageUi::showActivity() const
{
    QList<Incident> all = incidents();
    IncidentDetail detail;
    detail.incident = all.at(0);
    detail.incident.assignedTo = QStringLiteral("lee@contoso.com");
    ActivityEntry status;
    status.time = kBase.addSecs(-300);
    status.side = ActivitySide::Remote;
    status.field = IncidentField::Status;
    status.oldValue.text = QStringLiteral("new");
    status.newValue.text = QStringLiteral("active");
    ActivityEntry owner;
    owner.time = kBase.addSecs(-200);
    owner.side = ActivitySide::Local;
    owner.field = IncidentField::Owner;
    owner.oldValue.text = QString();
    owner.newValue.text = QLatin1String(kAnalyst);
    owner.conflict = true;
    owner.note = QStringLiteral("Defender assigned it to lee@contoso.com later");
    owner.analyst = QStringLiteral("<b>kim</b>@contoso.com");
    ActivityEntry tags;
    tags.time = kBase.addSecs(-100);
    tags.side = ActivitySide::Remote;
    tags.field = IncidentField::Tags;
    tags.oldValue.tags = {QStringLiteral("vip")};
    tags.newValue.tags = {QStringLiteral("vip"), QStringLiteral("portal")};
    tags.conflict = true;
    detail.activity = {status, owner, tags};
    m_window->showIncidentDetail(detail);
    auto *list = child<QTreeWidget>("activityList");
    if (list) {
        auto *tabs = child<QTabWidget>("detailTabs");
        tabs->setCurrentWidget(list->parentWidget());
    }
    return list;
}

void TestTriageUi::selectActivity(QTreeWidget *list, const QString &field) const
{
    for (int row = 0; row < list->topLevelItemCount(); ++row) {
        QTreeWidgetItem *item = list->topLevelItem(row);
        if (item->text(3) == field) {
            const QRect rect = list->visualItemRect(item);
            QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
            return;
        }
    }
    qWarning("no activity row for %s", qPrintable(field));
}

void TestTriageUi::assignToMeSendsTheAnalystUpn()
{
    selectRow(3);
    QCOMPARE(m_window->currentIncidentNumber(), 4);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    pressOnQueue(Qt::Key_A);
    QCOMPARE(m_window->triageDialog(), nullptr); // one incident, UPN known: no dialog
    QList<qint64> numbers;
    const TriageEdit edit = onlyEdit(&numbers);
    QCOMPARE(numbers, QList<qint64>{4});
    QCOMPARE(edit.owner, std::optional<QString>(QLatin1String(kAnalyst)));
    QCOMPARE(edit.analyst, QLatin1String(kAnalyst));
    QVERIFY(!edit.status && !edit.classification && !edit.comment);
    QVERIFY(edit.tagsToAdd.isEmpty() && edit.tagsToRemove.isEmpty());
    QCOMPARE(edit.editTime.timeSpec(), Qt::UTC);
    QVERIFY(edit.editTime >= before && edit.editTime <= QDateTime::currentDateTimeUtc());
}

void TestTriageUi::assignToMeAsksOnceForTheUpn()
{
    m_window->setAnalystUpn({});
    QSignalSpy told(m_window.get(), &MainWindow::analystUpnChanged);
    pressOnQueue(Qt::Key_A);
    auto *dialog = openDialog<AssignDialog>();
    QVERIFY(dialog);
    QCOMPARE(dialog->mode(), AssignDialog::Mode::IdentifyMe);
    QVERIFY(child<QLabel>("assignExplanation", dialog)->isVisible());
    QVERIFY(!child<QRadioButton>("assignUnassign", dialog)->isVisible());
    auto *upn = child<QLineEdit>("assignUpn", dialog);
    QTRY_VERIFY(upn->hasFocus());
    QTest::keyClicks(upn, QStringLiteral("Sam.Rivera@contoso.com"));
    QTest::keyClick(upn, Qt::Key_Return);
    QTRY_VERIFY(!dialog->isVisible());
    QCOMPARE(onlyEdit().owner, std::optional<QString>(QStringLiteral("Sam.Rivera@contoso.com")));
    QCOMPARE(onlyEdit().analyst, QStringLiteral("Sam.Rivera@contoso.com"));
    QCOMPARE(m_window->analystUpn(), QStringLiteral("Sam.Rivera@contoso.com"));
    QCOMPARE(told.size(), 1);

    // Known now: the next `a` does not ask.
    m_edits->clear();
    backToWindow();
    selectRow(1);
    pressOnQueue(Qt::Key_A);
    QCOMPARE(m_window->triageDialog(), nullptr);
    QCOMPARE(m_edits->size(), 1);

    // And it is remembered for the next start.
    m_window.reset();
    MainWindow second(nullptr);
    QCOMPARE(second.analystUpn(), QStringLiteral("Sam.Rivera@contoso.com"));
}

void TestTriageUi::setStatusActive()
{
    selectRow(0); // #1 is New
    pressOnQueue(Qt::Key_S);
    auto *dialog = openDialog<StatusDialog>();
    QVERIFY(dialog);
    QCOMPARE(child<QLabel>("triageTarget", dialog)->text(),
             QStringLiteral("Incident #1 — ") + incidents().at(0).title);
    QVERIFY(!child<QListWidget>("triagePreview", dialog)->isVisible());
    clickRadio(child<QRadioButton>("statusNew", dialog));
    clickRadio(child<QRadioButton>("statusActive", dialog));
    clickOk(dialog);
    QTRY_VERIFY(!dialog->isVisible());
    QList<qint64> numbers;
    const TriageEdit edit = onlyEdit(&numbers);
    QCOMPARE(numbers, QList<qint64>{1});
    QCOMPARE(edit.status, std::optional<VigilStatus>(VigilStatus::Active));
    QVERIFY(!edit.owner && !edit.classification && !edit.comment);
    QCOMPARE(edit.analyst, QLatin1String(kAnalyst));
    QVERIFY(edit.editTime.isValid());
}

void TestTriageUi::statusClosedOpensTheCloseDialog()
{
    pressOnQueue(Qt::Key_S);
    auto *status = openDialog<StatusDialog>();
    QVERIFY(status);
    // Keyboard only: the Closed choice, then Enter.
    clickRadio(child<QRadioButton>("statusClosed", status));
    QTest::keyClick(child<QRadioButton>("statusClosed", status), Qt::Key_Return);
    auto *close = openDialog<CloseDialog>();
    QVERIFY(close);
    QCOMPARE(m_edits->size(), 0);
    QCOMPARE(close->numbers(), QList<qint64>{1});
}

void TestTriageUi::closeAsFalsePositive()
{
    selectRow(1);
    pressOnQueue(Qt::Key_C);
    auto *dialog = openDialog<CloseDialog>();
    QVERIFY(dialog);
    clickRadio(child<QRadioButton>("closeFalsePositive", dialog));
    auto *reason = child<QComboBox>("closeReason", dialog);
    auto *determination = child<QComboBox>("closeDetermination", dialog);
    QCOMPARE(reason->count(), 2);
    QVERIFY(reason->isEnabled());
    // The reason decides the determination: Inaccurate data, then back to Incorrect alert logic.
    reason->setFocus();
    QTest::keyClick(reason, Qt::Key_Down);
    QCOMPARE(reason->currentText(), QStringLiteral("Inaccurate data"));
    QCOMPARE(determination->currentData().toString(), QStringLiteral("notEnoughDataToValidate"));
    QTest::keyClick(reason, Qt::Key_Up);
    QCOMPARE(reason->currentText(), QStringLiteral("Incorrect alert logic"));
    QCOMPARE(determination->currentText(), determinationLabel(QStringLiteral("notMalicious")));
    QTest::keyClicks(child<QPlainTextEdit>("closeComment", dialog),
                     QStringLiteral("Detection fired on the backup agent."));
    clickOk(dialog);
    QTRY_VERIFY(!dialog->isVisible());

    QList<qint64> numbers;
    const TriageEdit edit = onlyEdit(&numbers);
    QCOMPARE(numbers, QList<qint64>{2});
    QCOMPARE(edit.status, std::optional<VigilStatus>(VigilStatus::Closed));
    QVERIFY(edit.classification);
    QCOMPARE(edit.classification->classification, VigilClassification::FalsePositive);
    QCOMPARE(edit.classification->reason, ClosingReason::IncorrectAlertLogic);
    const Result<GraphClassification> graph = graphClassificationFor(*edit.classification);
    QVERIFY(graph);
    QCOMPARE(graph->classification, QStringLiteral("falsePositive"));
    QCOMPARE(graph->determination, QStringLiteral("notMalicious"));
    QCOMPARE(edit.comment, std::optional<QString>(QStringLiteral("Detection fired on the backup "
                                                                 "agent.")));
}

void TestTriageUi::closeNeedsAClassification()
{
    pressOnQueue(Qt::Key_C);
    auto *dialog = openDialog<CloseDialog>();
    QVERIFY(dialog);
    auto *error = child<QLabel>("triageError", dialog);
    QVERIFY(!error->isVisible());
    clickOk(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("Choose a classification")),
             qPrintable(error->text()));
    QCOMPARE(m_edits->size(), 0);
    // Choosing one clears the message; Undetermined takes neither reason nor determination.
    clickRadio(child<QRadioButton>("closeUndetermined", dialog));
    QVERIFY(!error->isVisible());
    QVERIFY(!child<QComboBox>("closeReason", dialog)->isEnabled());
    QVERIFY(!child<QComboBox>("closeDetermination", dialog)->isEnabled());
    clickOk(dialog);
    QTRY_COMPARE(m_edits->size(), 1);
    QCOMPARE(onlyEdit().classification->classification, VigilClassification::Undetermined);
}

void TestTriageUi::determinationsPerClassification_data()
{
    QTest::addColumn<QString>("button");
    QTest::addColumn<VigilClassification>("classification");
    QTest::addColumn<QStringList>("reasons");
    QTest::newRow("true positive") << "closeTruePositive" << VigilClassification::TruePositive
                                   << QStringList{QStringLiteral("Suspicious activity")};
    QTest::newRow("benign positive") << "closeBenignPositive" << VigilClassification::BenignPositive
                                     << QStringList{QStringLiteral("Suspicious but expected")};
    QTest::newRow("false positive") << "closeFalsePositive" << VigilClassification::FalsePositive
                                    << QStringList{QStringLiteral("Incorrect alert logic"),
                                                   QStringLiteral("Inaccurate data")};
    QTest::newRow("undetermined") << "closeUndetermined" << VigilClassification::Undetermined
                                  << QStringList{};
}

void TestTriageUi::determinationsPerClassification()
{
    QFETCH(QString, button);
    QFETCH(VigilClassification, classification);
    QFETCH(QStringList, reasons);
    pressOnQueue(Qt::Key_C);
    auto *dialog = openDialog<CloseDialog>();
    QVERIFY(dialog);
    clickRadio(child<QRadioButton>(qPrintable(button), dialog));
    auto *reason = child<QComboBox>("closeReason", dialog);
    QStringList offeredReasons;
    for (int i = 0; i < reason->count(); ++i)
        offeredReasons << reason->itemText(i);
    QCOMPARE(offeredReasons, reasons);
    QCOMPARE(reason->currentIndex(), reasons.isEmpty() ? -1 : 0);

    auto *determination = child<QComboBox>("closeDetermination", dialog);
    QStringList values;
    QStringList labels;
    for (int i = 0; i < determination->count(); ++i) {
        values << determination->itemData(i).toString();
        labels << determination->itemText(i);
    }
    QCOMPARE(values, determinationsFor(classification));
    QStringList expectedLabels;
    for (const QString &value : determinationsFor(classification))
        expectedLabels << determinationLabel(value);
    QCOMPARE(labels, expectedLabels);
    // Human words, not wire values.
    QVERIFY(!labels.contains(QStringLiteral("multiStagedAttack")));
    if (classification == VigilClassification::TruePositive) {
        QVERIFY(labels.contains(QStringLiteral("Multi-staged attack")));
        QCOMPARE(determination->currentData().toString(), QStringLiteral("other"));
    }

    // Whatever is offered passes validation and arrives as chosen.
    if (determination->count() > 1) {
        determination->setFocus();
        QTest::keyClick(determination, Qt::Key_Home);
    }
    const QString chosen = determination->currentData().toString();
    clickOk(dialog);
    QTRY_COMPARE(m_edits->size(), 1);
    const TriageEdit edit = onlyEdit();
    QCOMPARE(edit.classification->classification, classification);
    QCOMPARE(edit.classification->determination, chosen);
}

void TestTriageUi::assignToRejectsABadUpn()
{
    selectRow(1); // owned by lee@contoso.com
    pressOnQueue(Qt::Key_A, Qt::ShiftModifier);
    auto *dialog = openDialog<AssignDialog>();
    QVERIFY(dialog);
    QCOMPARE(dialog->mode(), AssignDialog::Mode::AssignTo);
    auto *upn = child<QLineEdit>("assignUpn", dialog);
    QCOMPARE(upn->text(), QStringLiteral("lee@contoso.com"));
    QTRY_VERIFY(upn->hasFocus());
    upn->selectAll();
    QTest::keyClicks(upn, QStringLiteral("kai at contoso"));
    clickOk(dialog);
    auto *error = child<QLabel>("triageError", dialog);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("is not a user principal name")),
             qPrintable(error->text()));
    QVERIFY(dialog->isVisible());
    QCOMPARE(m_edits->size(), 0);

    // An empty name is not "unassign" by accident.
    upn->selectAll();
    QTest::keyClick(upn, Qt::Key_Backspace);
    clickOk(dialog);
    QVERIFY(error->text().contains(QStringLiteral("Enter a user principal name")));
    QCOMPARE(m_edits->size(), 0);

    QTest::keyClicks(upn, QStringLiteral("kai@contoso.com"));
    QVERIFY(!error->isVisible());
    QTest::keyClick(upn, Qt::Key_Return);
    QTRY_COMPARE(m_edits->size(), 1);
    QCOMPARE(onlyEdit().owner, std::optional<QString>(QStringLiteral("kai@contoso.com")));
}

void TestTriageUi::assignToCanUnassign()
{
    selectRow(1);
    pressOnQueue(Qt::Key_A, Qt::ShiftModifier);
    auto *dialog = openDialog<AssignDialog>();
    QVERIFY(dialog);
    auto *unassign = child<QRadioButton>("assignUnassign", dialog);
    QVERIFY(unassign->isVisible());
    clickRadio(unassign);
    QVERIFY(!child<QLineEdit>("assignUpn", dialog)->isEnabled());
    clickOk(dialog);
    QTRY_COMPARE(m_edits->size(), 1);
    QCOMPARE(onlyEdit().owner, std::optional<QString>(QString()));
}

void TestTriageUi::tagsAddAndRemove()
{
    QVERIFY(m_window->selectIncident(kTagged));
    queue()->setFocus();
    pressOnQueue(Qt::Key_T);
    auto *dialog = openDialog<TagsDialog>();
    QVERIFY(dialog);
    auto *list = child<QListWidget>("tagList", dialog);
    QCOMPARE(list->count(), 2);
    QCOMPARE(list->item(0)->text(), QStringLiteral("phishing-campaign"));
    QCOMPARE(list->item(1)->text(), QStringLiteral("vip"));
    QCOMPARE(list->item(0)->checkState(), Qt::Checked);
    QCOMPARE(list->item(1)->checkState(), Qt::Checked);
    // System tags are shown, and cannot be removed.
    auto *system = child<QLabel>("systemTags", dialog);
    QVERIFY(system->isVisible());
    QVERIFY(system->text().contains(QStringLiteral("Defender Experts")));
    QVERIFY(list->findItems(QStringLiteral("Defender Experts"), Qt::MatchExactly).isEmpty());

    // Remove "vip" from the keyboard, add "needs-review" with Enter.
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Down);
    QCOMPARE(list->currentItem()->text(), QStringLiteral("vip"));
    QTest::keyClick(list, Qt::Key_Delete);
    QCOMPARE(list->item(1)->checkState(), Qt::Unchecked);
    auto *input = child<QLineEdit>("tagInput", dialog);
    input->setFocus();
    QTest::keyClicks(input, QStringLiteral("needs-review"));
    QTest::keyClick(input, Qt::Key_Return);
    QVERIFY(dialog->isVisible()); // Enter added the tag; it did not save yet
    QCOMPARE(list->count(), 3);
    QCOMPARE(list->item(2)->text(), QStringLiteral("needs-review"));
    QCOMPARE(list->item(2)->checkState(), Qt::Checked);
    QCOMPARE(input->text(), QString());
    QCOMPARE(m_edits->size(), 0);
    // Enter on the empty line saves.
    QTest::keyClick(input, Qt::Key_Return);
    QTRY_COMPARE(m_edits->size(), 1);
    QList<qint64> numbers;
    const TriageEdit edit = onlyEdit(&numbers);
    QCOMPARE(numbers, QList<qint64>{kTagged});
    QCOMPARE(edit.tagsToAdd, QStringList{QStringLiteral("needs-review")});
    QCOMPARE(edit.tagsToRemove, QStringList{QStringLiteral("vip")});
    QVERIFY(!edit.status && !edit.owner);
}

void TestTriageUi::commentWithCtrlEnter()
{
    pressOnQueue(Qt::Key_M);
    auto *dialog = openDialog<CommentDialog>();
    QVERIFY(dialog);
    auto *text = child<QPlainTextEdit>("commentText", dialog);
    QTRY_VERIFY(text->hasFocus());
    // An empty comment is refused inline.
    QTest::keyClick(text, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(dialog->isVisible());
    QVERIFY(child<QLabel>("triageError", dialog)->isVisible());
    QCOMPARE(m_edits->size(), 0);
    text->clear();
    QTest::keyClicks(text, QStringLiteral("Isolated the host."));
    QTest::keyClick(text, Qt::Key_Return); // a new line, not "send"
    QTest::keyClicks(text, QStringLiteral("Called the user."));
    QCOMPARE(m_edits->size(), 0);
    QVERIFY(!child<QLabel>("triageError", dialog)->isVisible());
    QTest::keyClick(text, Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE(m_edits->size(), 1);
    QTRY_VERIFY(!dialog->isVisible());
    QCOMPARE(onlyEdit().comment,
             std::optional<QString>(QStringLiteral("Isolated the host.\nCalled the user.")));
}

void TestTriageUi::bulkEditOfThreeIncidents()
{
    selectRow(0);
    pressOnQueue(Qt::Key_J, Qt::ShiftModifier);
    pressOnQueue(Qt::Key_J, Qt::ShiftModifier);
    QCOMPARE(m_window->selectedIncidentNumbers(), (QList<qint64>{1, 2, 3}));
    pressOnQueue(Qt::Key_K, Qt::ShiftModifier); // shrinks back
    QCOMPARE(m_window->selectedIncidentNumbers(), (QList<qint64>{1, 2}));
    pressOnQueue(Qt::Key_J, Qt::ShiftModifier);

    pressOnQueue(Qt::Key_S);
    auto *dialog = openDialog<StatusDialog>();
    QVERIFY(dialog);
    QCOMPARE(child<QLabel>("triageTarget", dialog)->text(),
             QStringLiteral("Apply to 3 incidents:"));
    auto *preview = child<QListWidget>("triagePreview", dialog);
    QVERIFY(preview->isVisible());
    QCOMPARE(preview->count(), 3);
    const QList<Incident> all = incidents();
    for (int i = 0; i < 3; ++i)
        QCOMPARE(preview->item(i)->text(),
                 QStringLiteral("#%1  %2").arg(i + 1).arg(all.at(i).title));
    auto *ok = child<QPushButton>("triageOk", dialog);
    QCOMPARE(ok->text(), QStringLiteral("Apply to 3 incidents"));
    clickRadio(child<QRadioButton>("statusActive", dialog));
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_COMPARE(m_edits->size(), 1);
    QList<qint64> numbers;
    const TriageEdit edit = onlyEdit(&numbers);
    QCOMPARE(numbers, (QList<qint64>{1, 2, 3}));
    QCOMPARE(edit.status, std::optional<VigilStatus>(VigilStatus::Active));
}

void TestTriageUi::markWithXAndCtrlClick()
{
    // x marks, j/k move without losing the marks.
    selectRow(0);
    pressOnQueue(Qt::Key_X);
    pressOnQueue(Qt::Key_J);
    pressOnQueue(Qt::Key_J);
    pressOnQueue(Qt::Key_X);
    pressOnQueue(Qt::Key_J);
    pressOnQueue(Qt::Key_X);
    QCOMPARE(m_window->currentIncidentNumber(), 4);
    QCOMPARE(m_window->selectedIncidentNumbers(), (QList<qint64>{1, 3, 4}));
    pressOnQueue(Qt::Key_X); // unmarks #4
    QCOMPARE(m_window->selectedIncidentNumbers(), (QList<qint64>{1, 3}));
    pressOnQueue(Qt::Key_X);

    // A bulk "assign to me" shows its preview before anything is sent.
    pressOnQueue(Qt::Key_A);
    auto *dialog = openDialog<AssignDialog>();
    QVERIFY(dialog);
    QCOMPARE(child<QListWidget>("triagePreview", dialog)->count(), 3);
    QCOMPARE(dialog->upn(), QLatin1String(kAnalyst));
    QCOMPARE(m_edits->size(), 0);
    clickOk(dialog);
    QTRY_COMPARE(m_edits->size(), 1);
    QList<qint64> numbers;
    QCOMPARE(onlyEdit(&numbers).owner, std::optional<QString>(QLatin1String(kAnalyst)));
    QCOMPARE(numbers, (QList<qint64>{1, 3, 4}));
    backToWindow();

    // A plain click starts over; Ctrl+click adds.
    selectRow(5);
    QCOMPARE(m_window->selectedIncidentNumbers(), QList<qint64>{6});
    const QRect rect = queue()->visualRect(queue()->model()->index(1, 0));
    QTest::mouseClick(queue()->viewport(), Qt::LeftButton, Qt::ControlModifier, rect.center());
    QCOMPARE(m_window->selectedIncidentNumbers(), (QList<qint64>{2, 6}));
    pressOnQueue(Qt::Key_J); // back to single selection
    QCOMPARE(m_window->selectedIncidentNumbers().size(), 1);
}

void TestTriageUi::detailButtonsActOnTheShownIncident()
{
    selectRow(0);
    pressOnQueue(Qt::Key_J, Qt::ShiftModifier); // #1 and #2 selected, #2 in the detail pane
    QCOMPARE(m_window->currentIncidentNumber(), 2);
    auto *assign = child<QToolButton>("detailAssignToMe");
    QVERIFY(assign->isVisible());
    QTest::mouseClick(assign, Qt::LeftButton);
    QList<qint64> numbers;
    QCOMPARE(onlyEdit(&numbers).owner, std::optional<QString>(QLatin1String(kAnalyst)));
    QCOMPARE(numbers, QList<qint64>{2});

    QTest::mouseClick(child<QToolButton>("detailComment"), Qt::LeftButton);
    auto *dialog = openDialog<CommentDialog>();
    QVERIFY(dialog);
    QCOMPARE(dialog->numbers(), QList<qint64>{2});

    // The same actions are in the Incident menu and on the toolbar, with their keys.
    for (const char *name :
         {"setStatus", "assignToMe", "assignTo", "closeIncident", "editTags", "addComment"}) {
        auto *action = child<QAction>(name);
        QVERIFY(action);
        QVERIFY(!action->shortcut().isEmpty());
        QVERIFY(action->toolTip().contains(action->shortcut().toString(QKeySequence::NativeText)));
        QVERIFY(!action->associatedObjects().isEmpty());
    }
}

void TestTriageUi::mergedIncidentIsRefusedInline()
{
    QVERIFY(m_window->selectIncident(kMerged));
    queue()->setFocus();
    pressOnQueue(Qt::Key_A);
    QCOMPARE(m_edits->size(), 0);
    auto *banner = child<QWidget>("errorBanner");
    QVERIFY(banner->isVisible());
    QVERIFY(child<QLabel>("errorBannerText")->text().contains(QStringLiteral("merged")));
    QVERIFY(!child<QWidget>("detailTriageButtons")->isEnabled());

    pressOnQueue(Qt::Key_S);
    auto *dialog = openDialog<StatusDialog>();
    QVERIFY(dialog);
    clickOk(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(child<QLabel>("triageError", dialog)->text().contains(QStringLiteral("merged")));
    QCOMPARE(m_edits->size(), 0);
}

void TestTriageUi::singleLettersIgnoredInTheQuickFilter()
{
    selectRow(2);
    pressOnQueue(Qt::Key_Slash);
    auto *filter = child<QLineEdit>("quickFilter");
    QTRY_VERIFY(filter->hasFocus());
    QTest::keyClicks(filter, QStringLiteral("asctmx"));
    QTest::keyClick(filter, 'A', Qt::ShiftModifier);
    QTest::keyClick(filter, 'J', Qt::ShiftModifier);
    QCOMPARE(filter->text(), QStringLiteral("asctmxAJ"));
    QCOMPARE(m_window->triageDialog(), nullptr);
    QCOMPARE(m_edits->size(), 0);
    filter->clear();
    QCOMPARE(m_window->currentIncidentNumber(), 3);
    QCOMPARE(m_window->selectedIncidentNumbers(), QList<qint64>{3});
}

void TestTriageUi::editRejectedShowsTheBanner()
{
    Error error;
    error.kind = Error::Kind::BadRequest;
    error.httpStatus = 400;
    error.code = QStringLiteral("BadRequest");
    error.message = QStringLiteral("Invalid value for assignedTo.");
    auto *banner = child<QWidget>("errorBanner");
    QVERIFY(!banner->isVisible());
    m_window->showEditRejected(5, error);
    QVERIFY(banner->isVisible());
    QCOMPARE(child<QLabel>("errorBannerText")->text(),
             QStringLiteral("Defender refused the change to #5: Invalid value for assignedTo. "
                            "The incident shows its previous values again."));
    QVERIFY(!child<QPushButton>("errorBannerRetry")->isVisible());
    // A later successful sync does not hide it: the analyst has not read it yet.
    m_window->showSyncResult(true, {});
    QVERIFY(banner->isVisible());
}

void TestTriageUi::syncStateIsVisible()
{
    QTreeView *view = queue();
    QVERIFY(!view->isColumnHidden(IncidentQueueModel::SyncStateColumn));
    const auto syncCell = [view](int row) {
        return view->model()->index(row, IncidentQueueModel::SyncStateColumn);
    };
    QCOMPARE(syncCell(0).data().toString(), QStringLiteral("Synced"));
    QCOMPARE(syncCell(1).data().toString(), QStringLiteral("Pending"));
    QCOMPARE(syncCell(3).data().toString(), QStringLiteral("Conflict"));
    QCOMPARE(syncCell(4).data().toString(), QStringLiteral("Error"));
    for (int row : {0, 1, 3, 4})
        QVERIFY(!syncCell(row).data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(view->visualRect(syncCell(1)).width() > 0);

    selectRow(1);
    auto *detailSync = child<QLabel>("detailSyncState");
    QVERIFY(detailSync->isVisible());
    QVERIFY(detailSync->text().startsWith(QStringLiteral("Pending")));
    QVERIFY(!child<QLabel>("detailSyncIcon")->pixmap().isNull());
    // After the engine's answer the row and the detail say so.
    Incident synced = incidents().at(1);
    synced.syncState = SyncState::Synced;
    m_window->applyIncidentChanges({synced});
    QCOMPARE(syncCell(1).data().toString(), QStringLiteral("Synced"));
    QCOMPARE(detailSync->text(), QStringLiteral("Synced"));

    auto *pending = child<QLabel>("pendingChanges");
    QVERIFY(!pending->isVisible());
    m_window->showPendingCount(3);
    QVERIFY(pending->isVisible());
    QCOMPARE(pending->text(), QStringLiteral("3 changes waiting to be sent"));
    m_window->showPendingCount(1);
    QCOMPARE(pending->text(), QStringLiteral("1 change waiting to be sent"));
    m_window->showPendingCount(0);
    QVERIFY(!pending->isVisible());
}

void TestTriageUi::syncColumnShownForOldSettings()
{
    // A header saved before the Sync column was shown by default keeps its other choices.
    QTreeView *view = queue();
    view->setColumnHidden(IncidentQueueModel::SyncStateColumn, true);
    view->setColumnHidden(IncidentQueueModel::TagsColumn, false);
    m_window.reset();
    QSettings().setValue(QStringLiteral("queue/headerVersion"), 1);
    MainWindow second(nullptr);
    auto *secondView = second.findChild<QTreeView *>(QStringLiteral("incidentQueue"));
    QVERIFY(!secondView->isColumnHidden(IncidentQueueModel::SyncStateColumn));
    QVERIFY(!secondView->isColumnHidden(IncidentQueueModel::TagsColumn));
}

void TestTriageUi::everyDialogControlIsNamed_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<int>("modifiers");
    QTest::newRow("status") << int(Qt::Key_S) << int(Qt::NoModifier);
    QTest::newRow("close") << int(Qt::Key_C) << int(Qt::NoModifier);
    QTest::newRow("assign to") << int(Qt::Key_A) << int(Qt::ShiftModifier);
    QTest::newRow("tags") << int(Qt::Key_T) << int(Qt::NoModifier);
    QTest::newRow("comment") << int(Qt::Key_M) << int(Qt::NoModifier);
}

void TestTriageUi::everyDialogControlIsNamed()
{
    QFETCH(int, key);
    QFETCH(int, modifiers);
    QVERIFY(m_window->selectIncident(kTagged));
    queue()->setFocus();
    pressOnQueue(key, Qt::KeyboardModifiers(modifiers));
    auto *dialog = openDialog<TriageDialog>();
    QVERIFY(dialog);
    int controls = 0;
    const QList<QWidget *> children = dialog->findChildren<QWidget *>();
    for (QWidget *widget : children) {
        const bool control
                = qobject_cast<QAbstractButton *>(widget) || qobject_cast<QComboBox *>(widget)
                  || qobject_cast<QLineEdit *>(widget) || qobject_cast<QPlainTextEdit *>(widget)
                  || qobject_cast<QListWidget *>(widget);
        // The combo boxes', line edits' and list views' own internals are not the dialog's
        // controls.
        if (!control || !widget->parentWidget() || widget->parentWidget()->inherits("QComboBox")
            || widget->parentWidget()->inherits("QLineEdit")
            || widget->parentWidget()->inherits("QAbstractScrollArea"))
            continue;
        ++controls;
        QVERIFY2(!widget->objectName().isEmpty(), widget->metaObject()->className());
        QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(widget->objectName()));
    }
    QVERIFY(controls >= 3);
}

void TestTriageUi::screenshotWithCloseDialog()
{
    selectRow(0);
    pressOnQueue(Qt::Key_J, Qt::ShiftModifier);
    pressOnQueue(Qt::Key_J, Qt::ShiftModifier);
    m_window->showPendingCount(2);
    pressOnQueue(Qt::Key_C);
    auto *dialog = openDialog<CloseDialog>();
    QVERIFY(dialog);
    // First the inline error (no classification chosen), then a filled-in dialog.
    clickOk(dialog);
    QVERIFY(child<QLabel>("triageError", dialog)->isVisible());
    const QImage withError = windowWithDialog(dialog);
    clickRadio(child<QRadioButton>("closeFalsePositive", dialog));
    QTest::keyClicks(child<QPlainTextEdit>("closeComment", dialog),
                     QStringLiteral("Backup agent; the rule is being tuned."));
    const QImage filled = windowWithDialog(dialog);
    QVERIFY(!withError.isNull() && !filled.isNull());
    QVERIFY(withError != filled);

    QTemporaryDir dir;
    QVERIFY(filled.save(dir.filePath(QStringLiteral("triage.png"))));
    const QString extra = qEnvironmentVariable("VIGIL_TRIAGE_SCREENSHOT");
    if (!extra.isEmpty()) {
        QVERIFY(filled.save(extra));
        QVERIFY(withError.save(
                QString(extra).replace(QStringLiteral(".png"), QStringLiteral("-error.png"))));
    }
    QCOMPARE(m_edits->size(), 0);
}

void TestTriageUi::activityTabListsEntriesNewestFirst()
{
    QCOMPARE(m_window->currentIncidentNumber(), 1);
    QTreeWidget *list = showActivity();
    QVERIFY(list);
    QVERIFY(list->isVisible());
    auto *tabs = child<QTabWidget>("detailTabs");
    QCOMPARE(tabs->tabText(tabs->indexOf(list->parentWidget())), QStringLiteral("Activity (3)"));
    QCOMPARE(list->topLevelItemCount(), 3);
    QStringList headers;
    for (int column = 0; column < list->columnCount(); ++column)
        headers << list->headerItem()->text(column);
    QCOMPARE(headers.mid(0, 6),
             (QStringList{QStringLiteral("Time"), QStringLiteral("Side"), QStringLiteral("By"),
                          QStringLiteral("Field"), QStringLiteral("From"), QStringLiteral("To")}));

    // Newest first.
    QTreeWidgetItem *tags = list->topLevelItem(0);
    QTreeWidgetItem *owner = list->topLevelItem(1);
    QTreeWidgetItem *status = list->topLevelItem(2);
    QCOMPARE(tags->text(3), QStringLiteral("Tags"));
    QCOMPARE(owner->text(3), QStringLiteral("Owner"));
    QCOMPARE(status->text(3), QStringLiteral("Status"));
    // Who: the analyst of a change made in Vigil, as plain text; Defender's side names nobody.
    QCOMPARE(owner->text(2), QStringLiteral("<b>kim</b>@contoso.com"));
    QCOMPARE(status->text(2), QString());
    QCOMPARE(status->text(0),
             kBase.addSecs(-300).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));

    QCOMPARE(tags->text(1), QStringLiteral("Defender"));
    QCOMPARE(owner->text(1), QStringLiteral("Vigil"));
    QCOMPARE(status->text(1), QStringLiteral("Defender"));
    QCOMPARE(owner->text(4), QStringLiteral("Unassigned"));
    QCOMPARE(owner->text(5), QLatin1String(kAnalyst));
    QCOMPARE(tags->text(4), QStringLiteral("vip"));
    QCOMPARE(tags->text(5), QStringLiteral("vip, portal"));

    // A conflict says so in words, with an icon; the note is the tooltip.
    const int conflictColumn = 6;
    QCOMPARE(owner->text(conflictColumn), QStringLiteral("Conflict"));
    QCOMPARE(tags->text(conflictColumn), QStringLiteral("Conflict"));
    QVERIFY(status->text(conflictColumn).isEmpty());
    QVERIFY(!owner->icon(conflictColumn).isNull());
    QCOMPARE(owner->toolTip(conflictColumn),
             QStringLiteral("Defender assigned it to lee@contoso.com later"));
}

void TestTriageUi::applyMineAgainSendsTheLostValue()
{
    QTreeWidget *list = showActivity();
    QVERIFY(list);
    auto *button = child<QPushButton>("applyMineAgain");
    QVERIFY(button);
    QVERIFY(button->isVisible());
    QVERIFY(!button->isEnabled());

    const QDateTime before = QDateTime::currentDateTimeUtc();
    selectActivity(list, QStringLiteral("Owner"));
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QList<qint64> numbers;
    const TriageEdit edit = onlyEdit(&numbers);
    QCOMPARE(numbers, QList<qint64>{1});
    QCOMPARE(edit.owner, std::optional<QString>(QLatin1String(kAnalyst)));
    QVERIFY(!edit.status && !edit.classification && !edit.comment);
    QVERIFY(edit.tagsToAdd.isEmpty() && edit.tagsToRemove.isEmpty());
    QCOMPARE(edit.analyst, QLatin1String(kAnalyst));
    QVERIFY(edit.editTime >= before);
}

void TestTriageUi::applyMineAgainDisabledForOtherEntries()
{
    QTreeWidget *list = showActivity();
    QVERIFY(list);
    auto *button = child<QPushButton>("applyMineAgain");
    QVERIFY(button);
    selectActivity(list, QStringLiteral("Owner"));
    QVERIFY(button->isEnabled());
    // Not a conflict.
    selectActivity(list, QStringLiteral("Status"));
    QCOMPARE(list->selectedItems().size(), 1);
    QCOMPARE(list->selectedItems().constFirst()->text(3), QStringLiteral("Status"));
    QVERIFY(!button->isEnabled());
    // A conflict Defender's value lost: nothing of the analyst's to apply again.
    selectActivity(list, QStringLiteral("Tags"));
    QVERIFY(!button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(m_edits->size(), 0);
}

QImage TestTriageUi::windowWithDialog(QDialog *dialog) const
{
    QImage image = m_window->renderToImage();
    const QImage dialogImage = dialog->grab().toImage();
    QPainter painter(&image);
    // Where the dialog is over the window, in the window's logical coordinates.
    const QPoint at = dialog->frameGeometry().topLeft() - m_window->frameGeometry().topLeft();
    painter.fillRect(QRect(at + QPoint(6, 6), dialog->size()), QColor(0, 0, 0, 60));
    painter.drawImage(QRect(at, dialog->size()), dialogImage);
    return image;
}

QTEST_MAIN(TestTriageUi)
#include "tst_triageui.moc"
