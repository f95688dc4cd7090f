// Team mode in the window: the status bar names the sync leader and the detail pane says who
// else is on the incident, both as plain text whatever a colleague calls themselves.
#include "bench/syntheticincidents.h"
#include "incidentdetailview.h"
#include "leaderelection.h"
#include "mainwindow.h"
#include "pgserver.h"
#include "teamcontroller.h"

#include <QApplication>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>

#include <memory>

using namespace Vigil;
using Vigil::Test::PgServer;

namespace {

const QDateTime kBase(QDate(2024, 3, 1), QTime(12, 0), Qt::UTC);
const QString kEve = QStringLiteral("<b>eve</b><img src=\"/etc/x.png\">\x01\u202eevil");

} // namespace

class TestTeamUi : public QObject
{
    Q_OBJECT

private:
    PgServer m_server;

    TeamSettings settingsFor(const QString &analyst) const
    {
        TeamSettings settings;
        settings.databaseUrl = m_server.url(QStringLiteral("team"));
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
};

QTEST_MAIN(TestTeamUi)
#include "tst_teamui.moc"
