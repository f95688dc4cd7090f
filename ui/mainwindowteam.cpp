// Team mode in the window: the sync leader in the status bar, "Someone else is on this
// incident" in the queue and the detail pane, and colleagues' changes read again as they are
// committed: only the incidents they touched, in place, so that the selection and the scroll
// position stay.
#include "mainwindow.h"

#include "displaytext.h"
#include "incidentdetailview.h"
#include "incidentqueuemodel.h"
#include "synccontroller.h"
#include "teamcontroller.h"
#include "uilogging.h"

#include <QHeaderView>
#include <QLabel>
#include <QStatusBar>
#include <QTreeView>

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

    // Who else is on an incident, next to its owner.
    QHeaderView *header = m_queue->header();
    header->setSectionHidden(IncidentQueueModel::PresenceColumn, false);
    header->moveSection(header->visualIndex(IncidentQueueModel::PresenceColumn),
                        header->visualIndex(IncidentQueueModel::OwnerColumn) + 1);

    m_teamReload.setSingleShot(true);
    m_teamReload.setInterval(150);
    connect(&m_teamReload, &QTimer::timeout, this, &MainWindow::reloadTeamChanges);

    connect(team, &TeamController::leaderChanged, this, &MainWindow::showLeader);
    connect(team, &TeamController::consolesChanged, this, &MainWindow::showLeader);
    connect(team, &TeamController::presenceChanged, this,
            [this](const QList<qint64> &numbers) { showPresence(numbers); });
    connect(team, &TeamController::changed, this, &MainWindow::onTeamChange);
    // The incident shown here is "open" for the others; an accepted edit is "edited".
    connect(this, &MainWindow::detailRequested, this, [this](qint64 number, bool) {
        if (!m_team)
            return;
        m_team->setOpened(number);
        showPresence({number});
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

void MainWindow::showPresence(const QList<qint64> &numbers)
{
    if (!m_team)
        return;
    // The row of every incident whose presence changed (empty: any), and the detail pane.
    const QList<qint64> changed = numbers.isEmpty() ? m_team->numbersWithOthers() : numbers;
    for (const qint64 number : changed)
        m_model->setPresence(number, TeamController::describe(m_team->othersOn(number)));
    if (numbers.isEmpty()) {
        // Incidents nobody else is on any more.
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const qint64 number = m_model->incidentAt(row).number;
            if (m_team->othersOn(number).isEmpty())
                m_model->setPresence(number, {});
        }
    }
    if (m_detailNumber && (numbers.isEmpty() || numbers.contains(m_detailNumber)))
        m_detail->setPresence(TeamController::describe(m_team->othersOn(m_detailNumber)));
}

void MainWindow::onTeamChange(const TeamChange &change)
{
    // A pull that found nothing, or the rules: no row of the queue changed.
    if (!change.fullRefresh && change.numbers.isEmpty()
        && (change.noIncidents || change.what == QLatin1String("rules")))
        return;
    if (change.fullRefresh || change.numbers.isEmpty()) {
        // Notifications were missed, or the change did not say which incidents (too many or
        // unknown): everything may have changed.
        m_teamReloadQueue = true;
        m_teamReloadDetail = true;
    } else {
        for (const qint64 number : change.numbers)
            m_teamChanged.insert(number);
        if (change.numbers.contains(m_detailNumber))
            m_teamReloadDetail = true;
    }
    if (!m_teamReload.isActive())
        m_teamReload.start();
}

void MainWindow::reloadTeamChanges()
{
    const QList<qint64> numbers(m_teamChanged.cbegin(), m_teamChanged.cend());
    const bool queue = m_teamReloadQueue;
    const bool detail = m_teamReloadDetail;
    m_teamChanged.clear();
    m_teamReloadQueue = false;
    m_teamReloadDetail = false;
    if (!m_controller)
        return;
    if (queue) {
        // setIncidents keeps the selected incident selected.
        qCDebug(lcUi) << "team change: reading the whole queue again";
        m_controller->requestIncidents();
    } else if (!numbers.isEmpty()) {
        // Only what changed, applied in place (applyIncidentChanges keeps selection and scroll).
        qCDebug(lcUi) << "team change: reading" << numbers.size() << "incidents again";
        m_controller->requestIncidentRows(numbers);
    }
    if (detail && m_detailNumber)
        m_controller->requestDetail(m_detailNumber, m_detailAllAlerts);
}

} // namespace Vigil
