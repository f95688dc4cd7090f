#include "mainwindow.h"

#include "huntingimport.h"

#include "connectorpage.h"
#include "displaytext.h"
#include "errortext.h"
#include "huntingpage.h"
#include "incidentdetailview.h"
#include "incidentfilterproxymodel.h"
#include "incidentqueuemodel.h"
#include "synccontroller.h"
#include "triagedialogs.h"
#include "uiicons.h"
#include "uilogging.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QScrollBar>
#include <QSet>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace Vigil {

namespace {

// 2: the Sync column is shown by default (version 1 states are migrated, not dropped).
constexpr int kHeaderStateVersion = 2;
constexpr int kDetailDelayMs = 60;

QString settingsKey(const char *key)
{
    return QLatin1String(key);
}

} // namespace

MainWindow::MainWindow(SyncController *controller, QWidget *parent)
    : QMainWindow(parent)
    , m_controller(controller)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Vigil — Microsoft 365 Defender incidents"));
    setWindowIcon(appIcon());
    if (m_controller)
        m_cloud = m_controller->config().cloud;
    m_urlOpener = [](const QUrl &url) { return QDesktopServices::openUrl(url); };

    m_model = new IncidentQueueModel(this);
    m_model->setObjectName(QStringLiteral("incidentQueueModel"));
    m_model->setSeverityIcons(severityIcons());
    m_model->setSyncStateIcons(syncStateIcons());
    m_proxy = new IncidentFilterProxyModel(this);
    m_proxy->setObjectName(QStringLiteral("incidentQueueProxy"));
    m_proxy->setSourceModel(m_model);

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));
    auto *central = new QWidget(m_pages);
    m_queuePage = central;
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(4, 4, 4, 0);
    centralLayout->setSpacing(4);

    m_banner = new QFrame(central);
    m_banner->setObjectName(QStringLiteral("errorBanner"));
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setStyleSheet(
            QStringLiteral("QFrame#errorBanner { background: #fde7e9; border: 1px solid #d13438; "
                           "border-radius: 4px; } QFrame#errorBanner QLabel { color: #43070a; }"));
    auto *bannerLayout = new QHBoxLayout(m_banner);
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setObjectName(QStringLiteral("errorBannerText"));
    // Errors quote the service: never read as markup.
    m_bannerText->setTextFormat(Qt::PlainText);
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bannerLayout->addWidget(m_bannerText, 1);
    m_bannerRetry = new QPushButton(tr("Sync now"), m_banner);
    m_bannerRetry->setObjectName(QStringLiteral("errorBannerRetry"));
    m_bannerRetry->setAccessibleName(tr("Try the sync again now"));
    connect(m_bannerRetry, &QPushButton::clicked, this, &MainWindow::syncNow);
    bannerLayout->addWidget(m_bannerRetry);
    auto *dismiss = new QPushButton(tr("Dismiss"), m_banner);
    dismiss->setObjectName(QStringLiteral("errorBannerDismiss"));
    dismiss->setAccessibleName(tr("Hide this message"));
    connect(dismiss, &QPushButton::clicked, m_banner, &QWidget::hide);
    bannerLayout->addWidget(dismiss);
    m_banner->setVisible(false);
    centralLayout->addWidget(m_banner);

    m_splitter = new QSplitter(Qt::Horizontal, central);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setChildrenCollapsible(false);
    createQueue(m_splitter);
    m_detail = new IncidentDetailView(m_splitter);
    m_detail->setSeverityIcons(severityIcons());
    m_detail->setSyncStateIcons(syncStateIcons());
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    centralLayout->addWidget(m_splitter, 1);
    m_pages->addWidget(central);
    m_connectorPage = new ConnectorPage(m_controller, m_pages);
    if (m_controller) {
        const SyncConfig &config = m_controller->config();
        m_connectorPage->setIdentity({config.tenantId,
                                      config.clientId,
                                      config.cloud.name,
                                      {},
                                      config.refreshToken.isEmpty(),
                                      false});
    }
    m_pages->addWidget(m_connectorPage);
    createHuntingPage();
    createOutboxPage();
    setCentralWidget(m_pages);

    createActions();
    createHabitActions();
    createMenus();
    createTimeFeatures();

    m_syncIcon = new QLabel(this);
    m_syncIcon->setObjectName(QStringLiteral("syncStateIcon"));
    m_syncStatus = new QLabel(
            m_controller ? tr("Opening the incident store…") : tr("Not connected"), this);
    m_syncStatus->setObjectName(QStringLiteral("syncStatus"));
    m_syncStatus->setTextFormat(Qt::PlainText);
    m_syncStatus->setAccessibleName(tr("Sync status"));
    m_quota = new QLabel(this);
    m_quota->setObjectName(QStringLiteral("graphQuota"));
    m_incidentCount = new QLabel(this);
    m_incidentCount->setObjectName(QStringLiteral("incidentCount"));
    m_incidentCount->setAccessibleName(tr("Incidents shown"));
    statusBar()->setObjectName(QStringLiteral("statusBar"));
    statusBar()->addWidget(m_syncIcon);
    statusBar()->addWidget(m_syncStatus, 1);
    m_pendingIcon = new QLabel(this);
    m_pendingIcon->setObjectName(QStringLiteral("pendingChangesIcon"));
    const int statusIconSize = m_syncStatus->fontMetrics().height();
    m_pendingIcon->setPixmap(
            syncStateIcons()[size_t(SyncState::Pending)].pixmap(statusIconSize, statusIconSize));
    m_pendingCount = new QLabel(this);
    m_pendingCount->setObjectName(QStringLiteral("pendingChanges"));
    m_pendingIcon->setVisible(false);
    m_pendingCount->setVisible(false);
    // A click on the count (or its icon) opens the outbox page, as `g o` does.
    for (QLabel *label : {m_pendingIcon, m_pendingCount}) {
        label->setCursor(Qt::PointingHandCursor);
        label->setToolTip(tr("Show the edits waiting to be sent (G O)"));
        label->installEventFilter(this);
    }
    statusBar()->addPermanentWidget(m_pendingIcon);
    statusBar()->addPermanentWidget(m_pendingCount);
    statusBar()->addPermanentWidget(m_quota);
    statusBar()->addPermanentWidget(m_incidentCount);

    connect(m_detail, &IncidentDetailView::incidentLinkActivated, this,
            [this](qint64 number) { selectIncident(number); });
    connect(m_detail, &IncidentDetailView::openInDefenderRequested, this,
            &MainWindow::openCurrentInDefender);
    connect(m_detail, &IncidentDetailView::loadAllAlertsRequested, this, [this](qint64 number) {
        if (number != m_detailNumber)
            return;
        m_detailAllAlerts = true;
        m_detail->showLoadingAllAlerts();
        requestDetail();
    });
    connect(m_detail, &IncidentDetailView::triageRequested, this, [this](TriageAction action) {
        // The detail pane's buttons act on the incident it shows, whatever else is selected.
        if (m_detailNumber)
            triage(action, incidentsOf({m_detailNumber}));
    });
    connect(m_detail, &IncidentDetailView::restoreRequested, this,
            [this](qint64 number, TriageEdit edit) {
                // "Apply mine again" on the activity log: validated like any edit.
                const Incident *incident = incidentOf(number);
                if (!incident || number != m_detailNumber)
                    return;
                if (edit.analyst.isEmpty())
                    edit.analyst = m_analystUpn;
                const Result<void> valid = validateEdit(*incident, edit);
                if (!valid) {
                    showBanner(tr("Your value on incident #%1 was not applied again: %2")
                                       .arg(number)
                                       .arg(valid.error().message),
                               false);
                    m_bannerForSync = false;
                    return;
                }
                submitEdit({number}, edit);
            });
    connect(m_detail, &IncidentDetailView::retryRequested, this, [this](qint64 number) {
        if (number != m_detailNumber)
            return;
        if (const Incident *incident = incidentOf(number))
            m_detail->showIncident(*incident);
        requestDetail();
    });

    m_detailTimer.setSingleShot(true);
    m_detailTimer.setInterval(kDetailDelayMs);
    connect(&m_detailTimer, &QTimer::timeout, this, &MainWindow::requestDetail);
    m_backoffCountdown.setInterval(1000);
    connect(&m_backoffCountdown, &QTimer::timeout, this, [this] { showSyncStatus(m_lastStatus); });

    connectController();
    restoreSettings();
    updateCountLabel();
    updateActions();
    // j/k work from the start: the focus is in the queue, not in the filter.
    m_queue->setFocus(Qt::OtherFocusReason);
}

void MainWindow::setEventController(EventController *events)
{
    if (m_huntingImport || !events)
        return;
    m_huntingImport = new HuntingImport(events, this);
    auto *file = new QMenu(tr("&File"), this);
    file->setObjectName(QStringLiteral("fileMenu"));
    QAction *import = file->addAction(tr("&Import hunting data…"));
    import->setObjectName(QStringLiteral("importHuntingDataAction"));
    connect(import, &QAction::triggered, m_huntingImport, &HuntingImport::chooseAndImport);
    menuBar()->insertMenu(menuBar()->actions().value(0), file);
    m_connectorPage->setEventController(events);
    m_huntingPage->setEventController(events);
}

MainWindow::~MainWindow()
{
    saveSettings();
}

void MainWindow::createActions()
{
    m_openInDefender = new QAction(tr("Open in Microsoft 365 Defender"), this);
    m_openInDefender->setObjectName(QStringLiteral("openInDefender"));
    m_openInDefender->setShortcuts(
            {QKeySequence(Qt::Key_O), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O)});
    m_openInDefender->setToolTip(tr("Open the selected incident in the Defender portal (O)"));
    connect(m_openInDefender, &QAction::triggered, this, &MainWindow::openCurrentInDefender);
    m_detail->setOpenInDefenderAction(m_openInDefender);

    m_syncNow = new QAction(syncEngineIcon(SyncStatus::State::Syncing), tr("Sync now"), this);
    m_syncNow->setObjectName(QStringLiteral("syncNow"));
    m_syncNow->setShortcuts({QKeySequence(Qt::Key_R), QKeySequence(QKeySequence::Refresh)});
    m_syncNow->setToolTip(tr("Pull changes from Microsoft 365 Defender now (R)"));
    m_syncNow->setEnabled(m_controller != nullptr);
    connect(m_syncNow, &QAction::triggered, this, &MainWindow::syncNow);

    m_focusFilter = new QAction(tr("Quick filter"), this);
    m_focusFilter->setObjectName(QStringLiteral("focusQuickFilter"));
    m_focusFilter->setShortcut(QKeySequence(Qt::Key_Slash));
    connect(m_focusFilter, &QAction::triggered, this, &MainWindow::focusQuickFilter);

    m_next = new QAction(tr("Next incident"), this);
    m_next->setObjectName(QStringLiteral("nextIncident"));
    m_next->setShortcut(QKeySequence(Qt::Key_J));
    connect(m_next, &QAction::triggered, this, &MainWindow::selectNextIncident);

    m_previous = new QAction(tr("Previous incident"), this);
    m_previous->setObjectName(QStringLiteral("previousIncident"));
    m_previous->setShortcut(QKeySequence(Qt::Key_K));
    connect(m_previous, &QAction::triggered, this, &MainWindow::selectPreviousIncident);

    m_quit = new QAction(tr("Quit"), this);
    m_quit->setObjectName(QStringLiteral("quit"));
    m_quit->setShortcut(QKeySequence::Quit);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);

    // Esc in the detail pane goes back to the queue.
    auto *backToQueue = new QAction(tr("Back to the queue"), m_detail);
    backToQueue->setObjectName(QStringLiteral("backToQueue"));
    backToQueue->setShortcut(QKeySequence(Qt::Key_Escape));
    backToQueue->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(backToQueue, &QAction::triggered, this,
            [this] { m_queue->setFocus(Qt::ShortcutFocusReason); });
    m_detail->addAction(backToQueue);

    const auto triageAction = [this](const QString &text, const QKeySequence &key,
                                     const QString &tip, const char *objectName,
                                     void (MainWindow::*slot)()) {
        auto *action = new QAction(text, this);
        action->setObjectName(QLatin1String(objectName));
        action->setShortcut(key);
        action->setToolTip(
                QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_setStatus = triageAction(tr("Set &status…"), QKeySequence(Qt::Key_S),
                               tr("Set the status of the selected incidents"), "setStatus",
                               &MainWindow::setStatusOfSelection);
    m_assignToMe = triageAction(tr("&Assign to me"), QKeySequence(Qt::Key_A),
                                tr("Assign the selected incidents to me"), "assignToMe",
                                &MainWindow::assignSelectionToMe);
    m_assignTo = triageAction(tr("Assign &to…"), QKeySequence(Qt::SHIFT | Qt::Key_A),
                              tr("Assign the selected incidents to someone, or unassign them"),
                              "assignTo", &MainWindow::assignSelection);
    m_closeIncident = triageAction(tr("&Close with classification…"), QKeySequence(Qt::Key_C),
                                   tr("Close the selected incidents with a classification"),
                                   "closeIncident", &MainWindow::closeSelection);
    m_editTags = triageAction(tr("Ta&gs…"), QKeySequence(Qt::Key_T),
                              tr("Add or remove tags of the selected incidents"), "editTags",
                              &MainWindow::editTagsOfSelection);
    m_addComment = triageAction(tr("Co&mment…"), QKeySequence(Qt::Key_M),
                                tr("Comment on the selected incidents"), "addComment",
                                &MainWindow::commentOnSelection);
    m_toggleSelection = triageAction(tr("Mark / unmark incident"), QKeySequence(Qt::Key_X),
                                     tr("Add the incident to the selection or take it out"),
                                     "toggleSelection", &MainWindow::toggleCurrentSelection);
    m_extendDown = triageAction(tr("Extend selection down"), QKeySequence(Qt::SHIFT | Qt::Key_J),
                                tr("Select the next incident too"), "extendSelectionDown",
                                &MainWindow::extendSelectionDown);
    m_extendUp = triageAction(tr("Extend selection up"), QKeySequence(Qt::SHIFT | Qt::Key_K),
                              tr("Select the previous incident too"), "extendSelectionUp",
                              &MainWindow::extendSelectionUp);

    m_goQueue = new QAction(tr("&Queue"), this);
    m_goQueue->setObjectName(QStringLiteral("goToQueue"));
    m_goQueue->setShortcut(QKeySequence(Qt::Key_G, Qt::Key_Q));
    m_goQueue->setToolTip(tr("Go to the incident queue (G Q)"));
    connect(m_goQueue, &QAction::triggered, this, &MainWindow::showQueue);
    m_goConnector = new QAction(tr("C&onnector"), this);
    m_goConnector->setObjectName(QStringLiteral("goToConnector"));
    m_goConnector->setShortcut(QKeySequence(Qt::Key_G, Qt::Key_C));
    m_goConnector->setToolTip(
            tr("Go to the connector page: connection, health and incident creation rules (G C)"));
    connect(m_goConnector, &QAction::triggered, this, &MainWindow::showConnectorPage);
    m_goHunting = new QAction(tr("&Hunting"), this);
    m_goHunting->setObjectName(QStringLiteral("goToHunting"));
    m_goHunting->setShortcut(QKeySequence(Qt::Key_G, Qt::Key_H));
    m_goHunting->setToolTip(tr("Go to the hunting page: KQL queries over the local events (G H)"));
    connect(m_goHunting, &QAction::triggered, this, &MainWindow::showHuntingPage);

    for (QAction *action :
         {m_openInDefender, m_syncNow, m_focusFilter, m_next, m_previous, m_setStatus, m_assignToMe,
          m_assignTo, m_closeIncident, m_editTags, m_addComment, m_toggleSelection, m_extendDown,
          m_extendUp, m_goQueue, m_goConnector, m_goHunting})
        addAction(action);
}

void MainWindow::createMenus()
{
    // Alt+V is View's: the application menu takes G.
    QMenu *vigil = menuBar()->addMenu(tr("Vi&gil"));
    vigil->addAction(m_syncNow);
    vigil->addSeparator();
    vigil->addAction(m_quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_goQueue);
    view->addAction(m_goHunting);
    view->addAction(m_goConnector);
    view->addAction(m_goOutbox);
    view->addSeparator();
    view->addAction(m_focusFilter);
    view->addAction(m_next);
    view->addAction(m_previous);
    view->addAction(m_toggleSelection);
    view->addAction(m_extendDown);
    view->addAction(m_extendUp);
    view->addSeparator();
    QAction *columns = view->addAction(tr("Columns…"));
    columns->setObjectName(QStringLiteral("chooseColumns"));
    connect(columns, &QAction::triggered, this, [this] { showHeaderMenu(QPoint(0, 0)); });
    createViewsMenu(view);
    setUpReading(view);

    QMenu *incident = menuBar()->addMenu(tr("&Incident"));
    for (QAction *action :
         {m_setStatus, m_assignToMe, m_assignTo, m_closeIncident, m_editTags, m_addComment})
        incident->addAction(action);
    incident->addSeparator();
    incident->addAction(m_openInDefender);

    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(m_goQueue);
    toolBar->addAction(m_goHunting);
    toolBar->addAction(m_goConnector);
    toolBar->addSeparator();
    toolBar->addAction(m_syncNow);
    toolBar->addAction(m_openInDefender);
    toolBar->addSeparator();
    for (QAction *action :
         {m_setStatus, m_assignToMe, m_assignTo, m_closeIncident, m_editTags, m_addComment})
        toolBar->addAction(toolBarCopy(action));
    createHabitMenus(vigil, view);
}

void MainWindow::connectController()
{
    if (!m_controller)
        return;
    connect(m_controller, &SyncController::incidentsLoaded, this, &MainWindow::setIncidents);
    connect(m_controller, &SyncController::incidentsChanged, this,
            &MainWindow::applyIncidentChanges);
    connect(m_controller, &SyncController::detailLoaded, this, &MainWindow::showIncidentDetail);
    connect(m_controller, &SyncController::detailFailed, this, &MainWindow::showDetailFailure);
    connect(m_controller, &SyncController::statusChanged, this, &MainWindow::showSyncStatus);
    connect(m_controller, &SyncController::syncFinished, this, &MainWindow::showSyncResult);
    connect(m_controller, &SyncController::storeFailed, this, &MainWindow::showStoreFailure);
    connect(m_controller, &SyncController::pendingCountChanged, this,
            &MainWindow::showPendingCount);
}

void MainWindow::setUrlOpener(UrlOpener opener)
{
    m_urlOpener = std::move(opener);
}

QUrl MainWindow::currentIncidentPortalUrl() const
{
    const Incident *incident = incidentOf(m_detailNumber);
    if (!incident || incident->providerIncidentId.isEmpty())
        return {};
    // A rule incident has no Defender incident: its link is its alert's, when allowed.
    if (incident->isRuleIncident())
        return portalAlertUrl(incident->webUrl, m_cloud);
    const QUrl url = portalIncidentUrl(incident->webUrl, incident->providerIncidentId,
                                       incident->tenantId, m_cloud);
    return isAllowedPortalUrl(url, m_cloud) ? url : QUrl();
}

void MainWindow::openCurrentInDefender()
{
    if (!m_detailNumber)
        return;
    const QUrl url = currentIncidentPortalUrl();
    if (url.isEmpty()) {
        qCInfo(lcUi) << "incident" << m_detailNumber << "has no Defender link that may be opened";
        statusBar()->showMessage(tr("Incident #%1 has no Microsoft 365 Defender incident to open.")
                                         .arg(m_detailNumber),
                                 6000);
        return;
    }
    Q_EMIT linkRequested(url);
    if (m_urlOpener && !m_urlOpener(url)) {
        qCWarning(lcUi) << "no web browser could be started for" << url.toDisplayString();
        showBanner(tr("No web browser could be started for %1. Copy the address and open it "
                      "yourself.")
                           .arg(url.toDisplayString()),
                   false);
    }
}

void MainWindow::syncNow()
{
    if (m_controller)
        m_controller->syncNow();
}

void MainWindow::focusQuickFilter()
{
    m_quickFilter->setFocus(Qt::ShortcutFocusReason);
    m_quickFilter->selectAll();
}

void MainWindow::setIncidents(const QList<Incident> &incidents)
{
    const qint64 keep = m_detailNumber;
    m_marking = false;
    m_model->setIncidents(incidents);
    m_loaded = true;
    if (keep) {
        const QModelIndex index = proxyIndexOfNumber(keep);
        if (index.isValid()) {
            m_queue->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect
                                                                      | QItemSelectionModel::Rows);
        } else if (m_model->rowOfNumber(keep) < 0) {
            m_detailNumber = 0;
            m_detail->showEmpty();
        }
    }
    if (m_lastStatus.lastAttempt.isNull())
        m_syncStatus->setText(tr("Incident store opened; waiting for the first sync…"));
    updateCountLabel();
    updateActions();
}

void MainWindow::applyIncidentChanges(const QList<Incident> &incidents)
{
    // Keep what the analyst looks at: the selected incident and the rows at the top of the view
    // (unless the view is at the very top, where new incidents should appear).
    const bool atTop = m_queue->verticalScrollBar()->value() == 0;
    qint64 topNumber = 0;
    if (!atTop) {
        const QModelIndex top = m_queue->indexAt(QPoint(1, 1));
        topNumber = top.isValid() ? top.data(IncidentQueueModel::NumberRole).toLongLong() : 0;
    }

    const QList<std::pair<qint64, QDateTime>> seen = seenInChanges(incidents);
    m_model->applyChanges(incidents);
    for (const auto &[number, at] : seen)
        noteSeen({number}, at);

    if (m_detailNumber) {
        const QModelIndex current = m_queue->currentIndex();
        if (!current.isValid()
            || current.data(IncidentQueueModel::NumberRole).toLongLong() != m_detailNumber) {
            const QModelIndex index = proxyIndexOfNumber(m_detailNumber);
            if (index.isValid())
                m_queue->selectionModel()->setCurrentIndex(
                        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        }
        for (const Incident &incident : incidents) {
            if (incident.number == m_detailNumber) {
                m_detail->updateIncident(incident);
                m_detailTimer.start(); // its alerts may have changed too
                break;
            }
        }
    }
    if (topNumber) {
        const QModelIndex top = proxyIndexOfNumber(topNumber);
        if (top.isValid())
            m_queue->scrollTo(top, QAbstractItemView::PositionAtTop);
    } else if (atTop) {
        m_queue->verticalScrollBar()->setValue(0);
    }
    updateActions();
}

void MainWindow::showIncidentDetail(const IncidentDetail &detail)
{
    if (detail.incident.number != m_detailNumber)
        return;
    m_detail->showDetail(detail);
    noteLoadedAlerts(detail);
    updateActions();
    Q_EMIT detailShown(detail.incident.number);
}

void MainWindow::showDetailFailure(qint64 number, const Error &error)
{
    if (number != m_detailNumber)
        return;
    m_detail->showError(tr("The alerts of incident #%1 could not be loaded. ").arg(number)
                        + errorDescription(error));
}

void MainWindow::showSyncStatus(const SyncStatus &status)
{
    m_lastStatus = status;
    const bool counting = status.state == SyncStatus::State::BackingOff
                          && status.backoffUntil.isValid()
                          && status.backoffUntil > QDateTime::currentDateTimeUtc();
    if (counting && !m_backoffCountdown.isActive())
        m_backoffCountdown.start();
    else if (!counting)
        m_backoffCountdown.stop();
    QStringList parts;
    switch (status.state) {
    case SyncStatus::State::Idle:
        parts << tr("Up to date");
        break;
    case SyncStatus::State::Syncing:
        parts << tr("Syncing…");
        break;
    case SyncStatus::State::BackingOff:
        if (status.backoffUntil.isValid()) {
            // A countdown, redrawn every second, so that a long wait the service asked for
            // (up to 15 minutes) is visibly a wait and not a hang.
            const qint64 left = std::max<qint64>(
                    0, QDateTime::currentDateTimeUtc().secsTo(status.backoffUntil));
            parts << tr("Waiting %1 before the next call (until %2)")
                             .arg(QStringLiteral("%1:%2").arg(left / 60).arg(left % 60, 2, 10,
                                                                             QLatin1Char('0')),
                                  status.backoffUntil.toLocalTime().toString(
                                          QStringLiteral("HH:mm:ss")));
        } else {
            parts << tr("Waiting before the next call");
        }
        break;
    case SyncStatus::State::Offline:
        parts << tr("Offline — showing the local copy");
        break;
    case SyncStatus::State::Error:
        parts << tr("Sync error");
        break;
    }
    if (status.lastSuccess.isValid())
        parts << tr("Last sync %1")
                         .arg(status.lastSuccess.toLocalTime().toString(
                                 QStringLiteral("HH:mm:ss")));
    else if (status.state != SyncStatus::State::Syncing)
        parts << tr("Not synced yet");
    if (status.lastError && status.state != SyncStatus::State::Idle
        && status.state != SyncStatus::State::Syncing)
        parts << errorDescription(*status.lastError);
    m_syncStatus->setText(elidedText(parts.join(QStringLiteral(" · "))));
    m_syncStatus->setToolTip(status.cursor.isValid()
                                     ? tr("Changes pulled up to %1")
                                               .arg(status.cursor.toLocalTime().toString(
                                                       QStringLiteral("yyyy-MM-dd HH:mm:ss")))
                                     : QString());
    const int iconSize = m_syncStatus->fontMetrics().height();
    m_syncIcon->setPixmap(syncEngineIcon(status.state).pixmap(iconSize, iconSize));
    m_quota->setText(tr("Graph calls %1/%2 per min")
                             .arg(status.callsLastMinute)
                             .arg(status.callBudgetPerMinute));
}

void MainWindow::showSyncResult(bool ok, const Error &error)
{
    if (ok) {
        if (m_bannerForSync)
            m_banner->setVisible(false);
        m_bannerForSync = false;
        return;
    }
    showBanner(tr("The last sync failed. ") + errorDescription(error), true);
    m_bannerForSync = true;
}

void MainWindow::showStoreFailure(const Error &error)
{
    showBanner(tr("Vigil cannot show incidents. ") + errorDescription(error), false);
    m_bannerForSync = false;
    m_syncStatus->setText(tr("Incident store unavailable"));
    m_syncNow->setEnabled(false);
}

void MainWindow::showBanner(const QString &text, bool offerRetry)
{
    m_bannerText->setText(elidedText(text));
    m_bannerRetry->setVisible(offerRetry && m_controller);
    m_banner->setVisible(true);
}

void MainWindow::updateCountLabel()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    const QLocale locale;
    // Two messages rather than %n: the English source text must read right without a translator.
    const QString totalText
            = total == 1 ? tr("1 incident") : tr("%1 incidents").arg(locale.toString(total));
    if (shown == total)
        m_incidentCount->setText(totalText);
    else
        m_incidentCount->setText(
                tr("%1 of %2", "shown of total incidents").arg(locale.toString(shown), totalText));
}

void MainWindow::updateActions()
{
    // The queue's keys act on the queue only while it is on screen.
    const bool queue = m_pages->currentWidget() == m_queuePage;
    m_openInDefender->setEnabled(queue && m_detailNumber != 0
                                 && !currentIncidentPortalUrl().isEmpty());
    const bool any
            = queue
              && (m_queue->selectionModel()->hasSelection() || m_queue->currentIndex().isValid());
    for (QAction *action :
         {m_setStatus, m_assignToMe, m_assignTo, m_closeIncident, m_editTags, m_addComment})
        action->setEnabled(any);
    for (QAction *action :
         {m_focusFilter, m_next, m_previous, m_toggleSelection, m_extendDown, m_extendUp})
        action->setEnabled(queue);
    updateHabitActions();
}

bool MainWindow::isConnectorPageShown() const
{
    return m_pages->currentWidget() == m_connectorPage;
}

void MainWindow::showQueue()
{
    m_pages->setCurrentWidget(m_queuePage);
    updateActions();
    m_queue->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::showConnectorPage()
{
    m_pages->setCurrentWidget(m_connectorPage);
    updateActions();
    m_connectorPage->setFocus(Qt::ShortcutFocusReason);
}

QImage MainWindow::renderToImage()
{
    ensurePolished();
    if (QLayout *mainLayout = layout())
        mainLayout->activate();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QImage image = grab().toImage();
    // The cheat sheet or the palette, when open, over the middle of the window.
    for (QDialog *dialog : {m_cheatSheet.data(), m_palette.data()}) {
        if (!dialog || !dialog->isVisible())
            continue;
        const QImage over = dialog->grab().toImage();
        QPainter painter(&image);
        const QPoint at((image.width() - over.width()) / 2, (image.height() - over.height()) / 3);
        painter.fillRect(QRect(at, over.size()).adjusted(-1, -1, 1, 1),
                         palette().color(QPalette::Mid));
        painter.drawImage(at, over);
    }
    return image;
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(settingsKey("mainWindow/geometry"), saveGeometry());
    settings.setValue(settingsKey("mainWindow/state"), saveState());
    settings.setValue(settingsKey("mainWindow/splitter"), m_splitter->saveState());
    settings.setValue(settingsKey("queue/header"), m_queue->header()->saveState());
    settings.setValue(settingsKey("queue/headerVersion"), kHeaderStateVersion);
    settings.setValue(settingsKey("triage/analystUpn"), m_analystUpn);
    savePaneLayout(settings);
    saveQueueView();
}

QString MainWindow::savedAnalystUpn()
{
    return QSettings().value(settingsKey("triage/analystUpn")).toString();
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    if (m_analystUpn.isEmpty())
        m_analystUpn = settings.value(settingsKey("triage/analystUpn")).toString();
    if (!restoreGeometry(settings.value(settingsKey("mainWindow/geometry")).toByteArray()))
        resize(1600, 900);
    restoreState(settings.value(settingsKey("mainWindow/state")).toByteArray());
    if (!m_splitter->restoreState(settings.value(settingsKey("mainWindow/splitter")).toByteArray()))
        m_splitter->setSizes({1000, 600});
    restorePaneLayout(settings);
    QHeaderView *header = m_queue->header();
    const int version = settings.value(settingsKey("queue/headerVersion")).toInt();
    if ((version == 1 || version == kHeaderStateVersion)
        && header->restoreState(settings.value(settingsKey("queue/header")).toByteArray())) {
        // The title column must stay, whatever the saved state says.
        header->setSectionHidden(IncidentQueueModel::TitleColumn, false);
        // Version 1 hid the Sync column by default; edits make it worth seeing.
        if (version == 1)
            header->setSectionHidden(IncidentQueueModel::SyncStateColumn, false);
        m_queue->sortByColumn(header->sortIndicatorSection(), header->sortIndicatorOrder());
    }
    // Only a team database has colleagues to show (setTeamController() shows the column).
    header->setSectionHidden(IncidentQueueModel::PresenceColumn, true);
    restoreQueueView();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::showPendingCount(int count)
{
    m_pendingCount->setText(
            count == 1 ? tr("1 change waiting to be sent")
                       : tr("%1 changes waiting to be sent").arg(QLocale().toString(count)));
    m_pendingCount->setAccessibleName(m_pendingCount->text());
    m_pendingCount->setVisible(count > 0);
    m_pendingIcon->setVisible(count > 0);
}

} // namespace Vigil
