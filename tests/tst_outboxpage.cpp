#include "incidentqueuemodel.h"
#include "mainwindow.h"
#include "outboxpage.h"
#include "simfixture.h"
#include "synccontroller.h"
#include "triage.h"

#include <QAction>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Vigil;

namespace {

constexpr int kTimeoutMs = 60000;

TriageEdit assign(const QString &upn)
{
    TriageEdit edit;
    edit.owner = upn;
    edit.analyst = QStringLiteral("analyst@contoso.com");
    edit.editTime = QDateTime::currentDateTimeUtc();
    return edit;
}

TriageEdit addTag(const QString &tag)
{
    TriageEdit edit;
    edit.tagsToAdd = {tag};
    edit.analyst = QStringLiteral("analyst@contoso.com");
    edit.editTime = QDateTime::currentDateTimeUtc();
    return edit;
}

} // namespace

/** The window's outbox page on a real SyncController and the simulated tenant: reached by its
 *  keys, it shows a failing incident's edits as the analyst would read them, Retry sends them
 *  once the service is well, Discard asks and then puts Defender's values back. */
class TestOutboxPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void retryAndDiscardFromThePage();

private:
    void failWrites(const QString &incidentId);
    Incident queued(const MainWindow &window, qint64 number) const;

    Test::SimFixture m_sim;
};

void TestOutboxPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("VigilTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_outboxpage"));
    QSettings().clear();
}

void TestOutboxPage::failWrites(const QString &incidentId)
{
    m_sim.admin("POST", QStringLiteral("/_sim/faults"),
                {{QStringLiteral("kind"), QStringLiteral("serverError")},
                 {QStringLiteral("status"), 503},
                 {QStringLiteral("count"), -1},
                 {QStringLiteral("path"),
                  QString(QStringLiteral("/v1.0/security/incidents/") + incidentId)}});
}

Incident TestOutboxPage::queued(const MainWindow &window, qint64 number) const
{
    const IncidentQueueModel *model = window.queueModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->incidentAt(row).number == number)
            return model->incidentAt(row);
    }
    return {};
}

void TestOutboxPage::retryAndDiscardFromThePage()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Sim::SimOptions options;
    options.seed = 7;
    options.incidents = 30;
    QVERIFY(m_sim.start(options));
    SyncConfig config = m_sim.syncConfig(dir.filePath(QStringLiteral("vigil.db")));
    config.callsPerMinute = SyncConfig::kMaxCallsPerMinute;
    config.maxAttempts = 1;
    config.outboxRetryFirstMs = 120000; // no retry on its own during the test
    config.outboxRetryMaxMs = 120000;
    SyncController controller(config);
    MainWindow window(&controller);
    window.resize(1400, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    controller.start();
    QVERIFY(Test::runOneSync(controller, kTimeoutMs).ok);
    QTRY_VERIFY(window.queueModel()->rowCount() > 0);

    QList<Incident> open;
    for (int row = 0; row < window.queueModel()->rowCount() && open.size() < 3; ++row) {
        const Incident &incident = window.queueModel()->incidentAt(row);
        if (incident.status != QLatin1String("resolved") && !incident.isRedirected()
            && !incident.isRuleIncident())
            open.append(incident);
    }
    QCOMPARE(open.size(), 3);
    const Incident failing = open.at(0);
    const Incident fine = open.at(1);
    const Incident discarded = open.at(2);
    failWrites(failing.providerIncidentId);

    QSignalSpy flushed(&controller, &SyncController::outboxFlushed);
    controller.requestEdit({failing.number}, assign(QStringLiteral("mallory@contoso.com")));
    controller.requestEdit({failing.number}, addTag(QStringLiteral("<b>VIP</b>\n\u202Eevil")));
    controller.requestEdit({fine.number}, assign(QStringLiteral("bob@contoso.com")));
    QTRY_VERIFY_WITH_TIMEOUT(flushed.size() >= 1, kTimeoutMs);

    // The status bar counts what waits; a click on the count opens the outbox page.
    auto *pending = window.findChild<QLabel *>(QStringLiteral("pendingChanges"));
    QVERIFY(pending);
    QTRY_VERIFY_WITH_TIMEOUT(pending->isVisible(), kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(pending->text(), QStringLiteral("2 changes waiting to be sent"),
                              kTimeoutMs);
    QVERIFY(!window.isOutboxPageShown());
    QTest::mouseClick(pending, Qt::LeftButton);
    QVERIFY(window.isOutboxPageShown());
    QVERIFY(window.outboxPage()->table()->hasFocus());
    // Its icon is part of it.
    window.showQueue();
    auto *pendingIcon = window.findChild<QLabel *>(QStringLiteral("pendingChangesIcon"));
    QVERIFY(pendingIcon && pendingIcon->isVisible());
    QTest::mouseClick(pendingIcon, Qt::LeftButton);
    QVERIFY(window.isOutboxPageShown());
    window.showQueue();
    QVERIFY(!window.isOutboxPageShown());

    // `g o` from the queue.
    window.queueView()->setFocus();
    QTest::keyClick(&window, Qt::Key_G);
    QTest::keyClick(&window, Qt::Key_O);
    QVERIFY(window.isOutboxPageShown());
    OutboxPage *page = window.outboxPage();
    QTreeWidget *table = page->table();
    QVERIFY(table->hasFocus());
    QTRY_COMPARE_WITH_TIMEOUT(table->topLevelItemCount(), 2, kTimeoutMs);
    const auto cell
            = [table](int row, int column) { return table->topLevelItem(row)->text(column); };
    // Incident, title, field, value, state, attempts, next attempt, error.
    QCOMPARE(cell(0, 0), QStringLiteral("#%1").arg(failing.number));
    QCOMPARE(cell(0, 1), failing.title.simplified());
    QCOMPARE(cell(0, 2), QStringLiteral("Owner"));
    QCOMPARE(cell(0, 3), QStringLiteral("mallory@contoso.com"));
    QCOMPARE(cell(0, 4), QStringLiteral("Failed, retrying"));
    QCOMPARE(cell(0, 5), QStringLiteral("1"));
    QVERIFY2(cell(0, 6).contains(u':'), qPrintable(cell(0, 6))); // a time of day
    QCOMPARE(cell(0, 7),
             QStringLiteral("The service encountered an error processing the request."));
    QCOMPARE(cell(1, 2), QStringLiteral("Tags"));
    // Markup stays text; a line break or a direction override cannot reshape the row.
    QVERIFY2(cell(1, 3).contains(QStringLiteral("<b>VIP</b> evil")), qPrintable(cell(1, 3)));
    QVERIFY(!cell(1, 3).contains(u'\n') && !cell(1, 3).contains(QChar(0x202E)));
    QCOMPARE(cell(1, 4), QStringLiteral("Waiting behind a failed edit"));
    QCOMPARE(cell(1, 6), cell(0, 6));
    const auto *summary = page->findChild<QLabel *>(QStringLiteral("outboxSummary"));
    QVERIFY(summary);
    QCOMPARE(summary->textFormat(), Qt::PlainText);
    QVERIFY2(summary->text().startsWith(QStringLiteral("2 edits of 1 incident waiting to be "
                                                       "sent.")),
             qPrintable(summary->text()));
    // The other incident's edit was not held back by it.
    QTRY_COMPARE_WITH_TIMEOUT(queued(window, fine.number).assignedTo,
                              QStringLiteral("bob@contoso.com"), kTimeoutMs);
    QCOMPARE(queued(window, fine.number).syncState, SyncState::Synced);

    // The service is well again: Retry (clicked) sends the edits at once.
    m_sim.admin("DELETE", QStringLiteral("/_sim/faults"));
    auto *retry = page->findChild<QPushButton *>(QStringLiteral("retryOutbox"));
    QVERIFY(retry && retry->isEnabled());
    QTest::mouseClick(retry, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(table->topLevelItemCount(), 0, kTimeoutMs);
    QCOMPARE(summary->text(),
             QStringLiteral("No edits wait: Microsoft 365 Defender has every change."));
    QTRY_COMPARE_WITH_TIMEOUT(queued(window, failing.number).assignedTo,
                              QStringLiteral("mallory@contoso.com"), kTimeoutMs);
    QVERIFY(!retry->isEnabled());

    // Discard, by keyboard: Alt+D asks first; Cancel keeps the edit.
    failWrites(discarded.providerIncidentId);
    controller.requestEdit({discarded.number}, assign(QStringLiteral("eve@contoso.com")));
    QTRY_COMPARE_WITH_TIMEOUT(table->topLevelItemCount(), 1, kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(cell(0, 5), QStringLiteral("1"), kTimeoutMs);
    QCOMPARE(queued(window, discarded.number).assignedTo, QStringLiteral("eve@contoso.com"));
    table->setFocus();
    QCOMPARE(page->selectedIncident(), discarded.number);
    QTest::keyClick(page, Qt::Key_D, Qt::AltModifier);
    QTRY_VERIFY(page->discardQuestion() && page->discardQuestion()->isVisible());
    QVERIFY2(page->discardQuestion()->text().contains(QStringLiteral("#%1").arg(discarded.number)),
             qPrintable(page->discardQuestion()->text()));
    QTest::mouseClick(page->discardQuestion()->button(QMessageBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(!page->discardQuestion());
    QTest::qWait(200);
    QCOMPARE(table->topLevelItemCount(), 1);

    auto *discard = page->findChild<QPushButton *>(QStringLiteral("discardOutbox"));
    QVERIFY(discard);
    QTest::mouseClick(discard, Qt::LeftButton);
    QTRY_VERIFY(page->discardQuestion() && page->discardQuestion()->isVisible());
    QTest::mouseClick(page->discardQuestion()->button(QMessageBox::Discard), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(table->topLevelItemCount(), 0, kTimeoutMs);
    const auto *message = page->findChild<QLabel *>(QStringLiteral("outboxMessage"));
    QVERIFY(message && message->isVisible());
    QCOMPARE(message->textFormat(), Qt::PlainText);
    QCOMPARE(message->text(), QStringLiteral("Discarded the edit of incident #%1; it shows "
                                             "Microsoft 365 Defender's values again.")
                                      .arg(discarded.number));
    // The queue shows Defender's owner again, and nothing was written to the tenant.
    QTRY_COMPARE_WITH_TIMEOUT(queued(window, discarded.number).assignedTo, discarded.assignedTo,
                              kTimeoutMs);
    QCOMPARE(queued(window, discarded.number).syncState, SyncState::Synced);
    m_sim.admin("DELETE", QStringLiteral("/_sim/faults"));
    QVERIFY(Test::runOneSync(controller, kTimeoutMs).ok);
    QCOMPARE(queued(window, discarded.number).assignedTo, discarded.assignedTo);

    // Enter on a row shows its incident in the queue.
    failWrites(discarded.providerIncidentId);
    controller.requestEdit({discarded.number}, addTag(QStringLiteral("Reviewed")));
    QTRY_COMPARE_WITH_TIMEOUT(table->topLevelItemCount(), 1, kTimeoutMs);
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Return);
    QTRY_VERIFY(!window.isOutboxPageShown());
    QCOMPARE(window.currentIncidentNumber(), discarded.number);
}

QTEST_MAIN(TestOutboxPage)
#include "tst_outboxpage.moc"
