// The window's sense of time: the queue's Age and SLA columns ticking, the SLA targets, desktop
// notifications with do-not-disturb, and the dashboard page (`g d`).
#include "mainwindow.h"

#include "clock.h"
#include "dashboardpage.h"
#include "incidentqueuemodel.h"
#include "sladialog.h"
#include "synccontroller.h"
#include "traynotifier.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QTreeView>

namespace Vigil {

namespace {

/** The Age and SLA columns move on by the minute; a tick twice a minute keeps them right. */
constexpr std::chrono::milliseconds kTimeTick{30000};

QString doNotDisturbKey()
{
    return QStringLiteral("notifications/doNotDisturb");
}

/** The menu of the menu bar that holds action. */
QMenu *menuHolding(QMenuBar *bar, QAction *action)
{
    for (QAction *entry : bar->actions())
        if (QMenu *menu = entry->menu(); menu && menu->actions().contains(action))
            return menu;
    return nullptr;
}

} // namespace

void MainWindow::createTimeFeatures()
{
    m_dashboardPage = new DashboardPage(m_model, m_pages);
    m_pages->addWidget(m_dashboardPage);

    m_goDashboard = new QAction(tr("&Dashboard"), this);
    m_goDashboard->setObjectName(QStringLiteral("goToDashboard"));
    m_goDashboard->setShortcut(QKeySequence(Qt::Key_G, Qt::Key_D));
    m_goDashboard->setToolTip(
            tr("Go to the dashboard: incidents over time, the queue by age and SLA, closures, "
               "mean times (G D)"));
    connect(m_goDashboard, &QAction::triggered, this, &MainWindow::showDashboardPage);
    addAction(m_goDashboard);
    if (QMenu *view = menuHolding(menuBar(), m_goHunting))
        view->insertAction(m_goHunting, m_goDashboard);
    if (auto *toolBar = findChild<QToolBar *>(QStringLiteral("mainToolBar")))
        toolBar->insertAction(m_goHunting, m_goDashboard);

    QSettings settings;
    m_model->setSlaTargets(SlaTargets::load(settings));
    m_trayNotifier = new TrayNotifier(m_model, this);
    if (m_controller) {
        // The first sync may fill the queue in many pages: none of that is news.
        m_trayNotifier->hold();
        connect(m_controller, &SyncController::syncFinished, m_trayNotifier, &TrayNotifier::release,
                Qt::SingleShotConnection);
    }
    m_doNotDisturb = new QAction(tr("Do &not disturb"), this);
    m_doNotDisturb->setObjectName(QStringLiteral("doNotDisturb"));
    m_doNotDisturb->setCheckable(true);
    m_doNotDisturb->setToolTip(tr("No desktop notifications for new High incidents and SLA "
                                  "breaches"));
    connect(m_doNotDisturb, &QAction::toggled, m_trayNotifier, &TrayNotifier::setDoNotDisturb);
    connect(m_doNotDisturb, &QAction::toggled, this,
            [](bool on) { QSettings().setValue(doNotDisturbKey(), on); });
    m_doNotDisturb->setChecked(settings.value(doNotDisturbKey(), false).toBool());
    m_editSla = new QAction(tr("&SLA targets…"), this);
    m_editSla->setObjectName(QStringLiteral("editSlaTargets"));
    connect(m_editSla, &QAction::triggered, this, &MainWindow::editSlaTargets);
    if (QMenu *vigil = menuHolding(menuBar(), m_quit)) {
        vigil->insertAction(m_quit, m_editSla);
        vigil->insertAction(m_quit, m_doNotDisturb);
        vigil->insertSeparator(m_quit);
    }
    auto *showWindow = new QAction(tr("Show Vigil"), this);
    connect(showWindow, &QAction::triggered, this, [this] {
        showNormal();
        raise();
        activateWindow();
    });
    m_trayNotifier->setTrayActions({showWindow, m_doNotDisturb});
    connect(m_trayNotifier, &TrayNotifier::noticeReady, this,
            [this](const QString &title, const QString &text) {
                statusBar()->showMessage(title + QStringLiteral(": ") + text, 15000);
            });
    connect(m_trayNotifier, &TrayNotifier::incidentActivated, this, [this](qint64 number) {
        showNormal();
        raise();
        activateWindow();
        showQueue();
        selectIncident(number);
    });
    setClock(Clock::system());
}

void MainWindow::setClock(Clock *clock)
{
    m_clock = clock ? clock : Clock::system();
    m_model->setClock(m_clock);
    delete m_timeTick;
    m_timeTick = m_clock->createTimer(this);
    m_timeTick->setSingleShot(false);
    connect(m_timeTick, &ClockTimer::timeout, this, [this] {
        m_model->refreshTimeColumns();
        m_trayNotifier->check();
    });
    m_timeTick->start(kTimeTick);
}

void MainWindow::setSlaTargets(const SlaTargets &targets)
{
    QSettings settings;
    targets.save(settings);
    m_model->setSlaTargets(targets);
    m_trayNotifier->check();
    if (isDashboardPageShown())
        m_dashboardPage->refresh();
}

void MainWindow::editSlaTargets()
{
    auto *dialog = new SlaDialog(m_model->slaTargets(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { setSlaTargets(dialog->targets()); });
    dialog->open();
}

bool MainWindow::isDashboardPageShown() const
{
    return m_pages->currentWidget() == m_dashboardPage;
}

void MainWindow::showDashboardPage()
{
    m_pages->setCurrentWidget(m_dashboardPage);
    updateActions();
    m_dashboardPage->setFocus(Qt::ShortcutFocusReason);
}

} // namespace Vigil
