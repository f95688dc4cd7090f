// Team mode in the window: the status bar names the sync leader and the detail pane says who
// else is on the incident, both as plain text whatever a colleague calls themselves; two
// windows (and vigilctl) on one database see each other's edits live, in place, naming who made
// them, and who else is on an incident.
#include "bench/syntheticincidents.h"
#include "incidentdetailview.h"
#include "incidentqueuemodel.h"
#include "incidentrepository.h"
#include "leaderelection.h"
#include "mainwindow.h"
#include "pgserver.h"
#include "store.h"
#include "synccontroller.h"
#include "teamcontroller.h"

#include <QApplication>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProcess>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

#include <memory>

using namespace Vigil;
using Vigil::Test::PgServer;

namespace {

const QDateTime kBase(QDate(2024, 3, 1), QTime(12, 0), Qt::UTC);
const QString kEve = QStringLiteral("<b>eve</b><img src=\"/etc/x.png\">\x01\u202eevil");

const QString kAna = QStringLiteral("ana.lee@fabrikam.com");
const QString kBen = QStringLiteral("ben.ng@fabrikam.com");
const QString kCai = QStringLiteral("cai.ro@fabrikam.com");

/** One analyst's window on the team database, wired as vigil wires it. */
struct Console
{
    Console(const SyncConfig &config, const TeamSettings &team)
        : controller(config)
        , window(&controller)
        , presence(team)
    {
        controller.setTeam(team);
        window.setAnalystUpn(team.analyst);
        QObject::connect(&window, &MainWindow::editRequested, &controller,
                         &SyncController::requestEdit);
        window.setTeamController(&presence);
        window.resize(1100, 650);
        controller.start();
        presence.start();
        window.show();
    }

    SyncController controller;
    MainWindow window;
    TeamController presence;
};

/** The activity entries shown in a window's detail pane: "by|field" per line. */
QStringList activityShown(MainWindow &window)
{
    QStringList lines;
    auto *list = window.detailView()->findChild<QTreeWidget *>(QStringLiteral("activityList"));
    if (!list)
        return lines;
    for (int row = 0; row < list->topLevelItemCount(); ++row)
        lines.append(list->topLevelItem(row)->text(2) + QLatin1Char('|')
                     + list->topLevelItem(row)->text(3));
    return lines;
}

/** The text a queue row shows in column, found by incident number through the view's model. */
QString cellShown(MainWindow &window, qint64 number, int column)
{
    const QAbstractItemModel *model = window.queueView()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, column);
        if (index.data(IncidentQueueModel::NumberRole).toLongLong() == number)
            return index.data().toString();
    }
    return QStringLiteral("(no row)");
}

} // namespace

class TestTeamUi : public QObject
{
    Q_OBJECT

private:
    PgServer m_server;

    TeamSettings settingsFor(const QString &analyst,
                             const QString &database = QStringLiteral("team")) const
    {
        TeamSettings settings;
        settings.databaseUrl = m_server.url(database);
        settings.pollIntervalMs = 300;
        settings.analyst = analyst;
        return settings;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("VigilTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_teamui"));
        QSettings().clear();
        if (PgServer::binDir().isEmpty()) {
            if (PgServer::requiredHere())
                QFAIL(qPrintable(PgServer::missingAdvice()));
            QSKIP(qPrintable(PgServer::missingAdvice()));
        }
        QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
        QVERIFY(m_server.createDatabase(QStringLiteral("team")));
    }

    void leaderAndPresenceAreShownAsPlainText()
    {
        MainWindow window(nullptr);
        window.resize(1400, 800);
        const QList<Incident> incidents = Synthetic::incidents(20, kBase);
        window.setIncidents(incidents);
        TeamController mine(settingsFor(QStringLiteral("me@contoso.com")));
        window.setTeamController(&mine);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *leaderLabel = window.statusBar()->findChild<QLabel *>(QStringLiteral("teamLeader"));
        QVERIFY(leaderLabel);
        QCOMPARE(leaderLabel->textFormat(), Qt::PlainText);
        QCOMPARE(leaderLabel->text(), QStringLiteral("Sync leader: nobody"));
        mine.start();

        // A colleague's console leads the sync and has incident 3 open.
        LeaderElection election(settingsFor(kEve));
        election.start();
        QVERIFY(election.isLeader());
        TeamController theirs(settingsFor(kEve));
        theirs.start();
        theirs.setOpened(3);
        QTRY_VERIFY(leaderLabel->text().startsWith(QStringLiteral("Sync leader: ") + kEve));
        QVERIFY(leaderLabel->isVisible());

        auto *presence = window.detailView()->findChild<QLabel *>(QStringLiteral("detailPresence"));
        QVERIFY(presence);
        QCOMPARE(presence->textFormat(), Qt::PlainText);
        QVERIFY(window.selectIncident(3));
        QTRY_VERIFY(presence->isVisible());
        QCOMPARE(presence->text(), QStringLiteral("Someone else is on this incident: ") + kEve);
        // Another incident: nobody else is there.
        QVERIFY(window.selectIncident(4));
        QTRY_VERIFY(!presence->isVisible());
        // The colleague edits incident 4 while it is shown here.
        theirs.markEdited(4);
        QTRY_VERIFY(presence->isVisible());
        QCOMPARE(presence->text(),
                 QStringLiteral("Someone else is on this incident: %1 (edited it)").arg(kEve));
        // And the colleague sees this console on incident 4.
        QTRY_COMPARE(theirs.othersOn(4).size(), 1);
        QCOMPARE(theirs.othersOn(4).at(0).analyst, QStringLiteral("me@contoso.com"));

        // The leader leaves: nobody leads until another console takes over.
        election.stop();
        QTRY_COMPARE(leaderLabel->text(), QStringLiteral("Sync leader: nobody"));
    }

    void twoWindowsAndVigilctlSeeEachOtherLive()
    {
        // The team's queue, as a sync would have stored it: enough rows for the view to scroll.
        const QString database = QStringLiteral("live");
        QVERIFY(m_server.createDatabase(database));
        {
            auto store = openStore(StoreConfig::postgres(m_server.url(database)));
            QVERIFY2(store.ok(), store.ok() ? "" : qPrintable(store.error().message));
            QList<IncidentPayload> page;
            for (const Incident &incident : Synthetic::incidents(300, kBase))
                page.append(IncidentPayload{incident, std::nullopt});
            const auto stored = store.value()->incidents().upsertIncidentPage(page);
            QVERIFY2(stored.ok(), stored.ok() ? "" : qPrintable(stored.error().message));
        }
        const auto configFor = [this, &database](const QString &analyst) {
            SyncConfig config;
            config.store = StoreConfig::postgres(m_server.url(database));
            config.store.analyst = analyst;
            return config;
        };
        Console ana(configFor(kAna), settingsFor(kAna, database));
        Console ben(configFor(kBen), settingsFor(kBen, database));
        QTRY_COMPARE_WITH_TIMEOUT(ana.window.queueModel()->rowCount(), 300, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(ben.window.queueModel()->rowCount(), 300, 30000);
        QVERIFY(QTest::qWaitForWindowExposed(&ben.window));

        // Ben scrolls half-way down and selects the incident in the middle of his view.
        QTreeView *benQueue = ben.window.queueView();
        QScrollBar *scroll = benQueue->verticalScrollBar();
        QVERIFY(scroll->maximum() > 0);
        scroll->setValue(scroll->maximum() / 2);
        const QModelIndex middle = benQueue->indexAt(benQueue->viewport()->rect().center());
        QVERIFY(middle.isValid());
        const qint64 number = middle.data(IncidentQueueModel::NumberRole).toLongLong();
        QVERIFY(ben.window.selectIncident(number));
        const int scrolledTo = scroll->value();
        QVERIFY(scrolledTo > 0);
        QVERIFY(!benQueue->header()->isSectionHidden(IncidentQueueModel::PresenceColumn));
        QCOMPARE(cellShown(ben.window, number, IncidentQueueModel::PresenceColumn), QString());

        QSignalSpy resets(ben.window.queueModel(), &QAbstractItemModel::modelReset);
        QSignalSpy wholeQueue(&ben.controller, &SyncController::incidentsLoaded);
        QSignalSpy rowsRead(&ben.controller, &SyncController::incidentsChanged);

        // Ana opens the same incident and assigns it to herself, with the keyboard.
        QVERIFY(ana.window.selectIncident(number));
        ana.window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&ana.window));
        ana.window.queueView()->setFocus();
        QTest::keyClick(ana.window.queueView(), Qt::Key_A);

        // Ben's row shows it, and who is on the incident, without a reload of his queue.
        QTRY_COMPARE_WITH_TIMEOUT(cellShown(ben.window, number, IncidentQueueModel::OwnerColumn),
                                  kAna, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(cellShown(ben.window, number, IncidentQueueModel::PresenceColumn),
                                  QStringLiteral("%1 (edited it)").arg(kAna), 10000);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(wholeQueue.count(), 0);
        QVERIFY(!rowsRead.isEmpty());
        for (const QList<QVariant> &emitted : std::as_const(rowsRead)) {
            for (const Incident &row : emitted.at(0).value<QList<Incident>>())
                QCOMPARE(row.number, number);
        }
        // Where Ben was: the same incident selected, the view scrolled as he left it.
        QCOMPARE(benQueue->currentIndex().data(IncidentQueueModel::NumberRole).toLongLong(),
                 number);
        QCOMPARE(benQueue->selectionModel()->selectedRows().size(), 1);
        QCOMPARE(scroll->value(), scrolledTo);

        // His detail pane names Ana: who else is on it, and who changed the owner.
        auto *presence
                = ben.window.detailView()->findChild<QLabel *>(QStringLiteral("detailPresence"));
        QVERIFY(presence);
        QTRY_COMPARE(presence->text(),
                     QStringLiteral("Someone else is on this incident: %1 (edited it)").arg(kAna));
        QTRY_VERIFY2(activityShown(ben.window).contains(kAna + QStringLiteral("|Owner")),
                     qPrintable(activityShown(ben.window).join(QLatin1Char(' '))));

        // A third analyst comments from vigilctl, another process: both windows name her.
        QProcess vigilctl;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const char *key : {"AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET",
                                "VIGIL_DATA_DIR", "VIGIL_DB", "VIGIL_ANALYST_UPN"})
            environment.remove(QLatin1String(key));
        vigilctl.setProcessEnvironment(environment);
        vigilctl.start(QStringLiteral(VIGILCTL_PATH),
                       {QStringLiteral("incident"), QStringLiteral("update"),
                        QString::number(number), QStringLiteral("--comment"),
                        QStringLiteral("Checked the device"), QStringLiteral("--analyst"), kCai,
                        QStringLiteral("--db"), m_server.url(database)});
        QVERIFY(vigilctl.waitForFinished(60000));
        QVERIFY2(vigilctl.exitCode() == 0, vigilctl.readAllStandardError().constData());
        QTRY_VERIFY_WITH_TIMEOUT(
                activityShown(ben.window).contains(kCai + QStringLiteral("|Comment")), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(
                activityShown(ana.window).contains(kCai + QStringLiteral("|Comment")), 10000);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(scroll->value(), scrolledTo);

        // And vigilctl reads who did what back.
        vigilctl.start(QStringLiteral(VIGILCTL_PATH),
                       {QStringLiteral("incident"), QStringLiteral("show"), QString::number(number),
                        QStringLiteral("--db"), m_server.url(database)});
        QVERIFY(vigilctl.waitForFinished(60000));
        QCOMPARE(vigilctl.exitCode(), 0);
        QStringList who;
        const QJsonArray activity = QJsonDocument::fromJson(vigilctl.readAllStandardOutput())
                                            .object()
                                            .value(QLatin1String("activity"))
                                            .toArray();
        for (const auto &entry : activity) {
            who.append(entry.toObject().value(QLatin1String("analyst")).toString()
                       + QLatin1Char('|')
                       + entry.toObject().value(QLatin1String("field")).toString());
        }
        QVERIFY2(who.contains(kAna + QStringLiteral("|assignedTo")),
                 qPrintable(who.join(QLatin1Char(' '))));
        QVERIFY2(who.contains(kCai + QStringLiteral("|comments")),
                 qPrintable(who.join(QLatin1Char(' '))));
    }
};

QTEST_MAIN(TestTeamUi)
#include "tst_teamui.moc"
