// Team mode in the window: the sync leader in the status bar, "Someone else is on this
// incident" in the detail pane, and colleagues' changes reloaded as they are committed.
#include "mainwindow.h"

#include "displaytext.h"
#include "incidentdetailview.h"
#include "synccontroller.h"
#include "teamcontroller.h"

#include <QLabel>
#include <QStatusBar>

namespace Vigil {

void MainWindow::setTeamController(TeamController *team)
{
    Q_ASSERT(!m_team && team);
    m_team = team;
    m_teamLeader = new QLabel(this);
    m_teamLeader->setObjectName(QStringLiteral("teamLeader"));
    m_teamLeader->setTextFormat(Qt::PlainText);
    statusBar()->addPermanentWidget(m_teamLeader);
    showLeader();

    m_teamReload.setSingleShot(true);
    m_teamReload.setInterval(150);
    connect(&m_teamReload, &QTimer::timeout, this, [this] {
        if (!m_controller)
            return;
        // setIncidents keeps the selected incident selected.
        m_controller->requestIncidents();
        if (m_teamReloadDetail && m_detailNumber)
            m_controller->requestDetail(m_detailNumber, m_detailAllAlerts);
        m_teamReloadDetail = false;
    });

    connect(team, &TeamController::leaderChanged, this, &MainWindow::showLeader);
    connect(team, &TeamController::consolesChanged, this, &MainWindow::showLeader);
    connect(team, &TeamController::presenceChanged, this, [this](const QList<qint64> &numbers) {
        if (numbers.isEmpty() || numbers.contains(m_detailNumber))
            showPresence();
    });
    connect(team, &TeamController::changed, this, [this](const TeamChange &change) {
        onTeamChange(change.numbers, change.fullRefresh || change.numbers.isEmpty());
    });
    // The incident shown here is "open" for the others; an accepted edit is "edited".
    connect(this, &MainWindow::detailRequested, this, [this](qint64 number, bool) {
        if (!m_team)
            return;
        m_team->setOpened(number);
        showPresence();
    });
    if (m_controller) {
        connect(m_controller, &SyncController::editAccepted, this, [this](qint64 number, int n) {
            if (n > 0 && m_team)
                m_team->markEdited(number);
        });
    }
}

void MainWindow::showLeader()
{
    if (!m_team || !m_teamLeader)
        return;
    const TeamConsole leader = m_team->leader();
    m_teamLeader->setText(
            elidedText(tr("Sync leader: %1").arg(TeamController::describe(leader)), 120));
    QStringList lines;
    for (const TeamConsole &console : m_team->consoles()) {
        lines.append(console.leader ? tr("%1 (leader)").arg(TeamController::describe(console))
                                    : TeamController::describe(console));
    }
    m_teamLeader->setToolTip(plainToolTip(lines.join(QLatin1Char('\n'))));
}

void MainWindow::showPresence()
{
    if (!m_team || !m_detailNumber)
        return;
    m_detail->setPresence(TeamController::describe(m_team->othersOn(m_detailNumber)));
}

void MainWindow::onTeamChange(const QList<qint64> &numbers, bool everything)
{
    if (everything || numbers.contains(m_detailNumber))
        m_teamReloadDetail = true;
    m_teamReload.start();
}

} // namespace Vigil
