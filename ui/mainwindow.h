#pragma once

#include "cloud.h"
#include "incident.h"
#include "result.h"
#include "savedviews.h"
#include "syncstatus.h"
#include "themes.h"
#include "triage.h"
#include "triagedialogs.h"
#include "triageundo.h"

#include <QImage>
#include <QItemSelection>
#include <QMainWindow>
#include <QPersistentModelIndex>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QUrl>

#include <functional>

class QAction;
class QFrame;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QSettings;
class QSplitter;
class QStackedWidget;
class QTreeView;

namespace Vigil {

class Clock;
class ClockTimer;
class ConnectorPage;
class DashboardPage;
class EventController;
class FilterChips;
class HuntingImport;
class HuntingPage;
class IncidentDetailView;
class IncidentFilterProxyModel;
class IncidentQueueModel;
class OutboxPage;
class SyncController;
class TrayNotifier;
struct SlaTargets;
class TeamController;
struct TeamChange;

/**
 * Vigil's main window: quick filter, the incident queue and the detail pane on a splitter, the
 * sync state in the status bar. It listens to the SyncController's signals and asks it for
 * details; it never starts the controller (main does). With a null controller it shows what
 * is fed into queueModel() (benchmarks, screenshots of synthetic data).
 *
 * Triage (status, owner, classification, tags, comments) happens in small dialogs over the
 * selected incidents; a valid edit leaves the window as editRequested(), which the app connects
 * to SyncController::requestEdit. The window never changes an incident itself: the engine's
 * answer (pending, then synced, or refused) comes back through applyIncidentChanges() and
 * showEditRejected().
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    /** Opens a URL that passed the deep-link allow-list; returns false when it could not. */
    using UrlOpener = std::function<bool(const QUrl &)>;

    explicit MainWindow(SyncController *controller, QWidget *parent = nullptr);
    ~MainWindow() override;

    /** Adds File → Import hunting data and the connector page's hunting tables (events). */
    void setEventController(EventController *events);
    HuntingImport *huntingImport() const { return m_huntingImport; }

    /** Replaces QDesktopServices::openUrl (tests capture the URL instead of starting a browser). */
    void setUrlOpener(UrlOpener opener);

    /** Selects an incident in the queue (clearing the quick filter if it hides it). */
    bool selectIncident(qint64 number);
    /** Selects the first queue row (in view order) whose incident has more than n alerts. */
    bool selectFirstIncidentWithMoreAlertsThan(int n);
    /** Number of the selected incident, or 0. */
    qint64 currentIncidentNumber() const;
    /** The deep link of the selected incident, already checked against the allow-list; empty
     *  when there is none. */
    QUrl currentIncidentPortalUrl() const;

    /** The analyst's own UPN, used by "assign to me" and as the author of edits. When it is
     *  empty, "assign to me" asks for it once (and remembers the answer). */
    void setAnalystUpn(const QString &upn);
    QString analystUpn() const { return m_analystUpn; }
    /** The UPN a window kept in the settings (empty when it was never told one). */
    static QString savedAnalystUpn();
    /** Numbers of the incidents a triage action applies to, in view order: the selected rows,
     *  or the current row when none is selected. */
    QList<qint64> selectedIncidentNumbers() const;
    /** The open triage dialog, if any. */
    TriageDialog *triageDialog() const { return m_triageDialog; }

    /** The window as it looks now, for `vigil --screenshot`. */
    QImage renderToImage();

    IncidentQueueModel *queueModel() const { return m_model; }
    IncidentFilterProxyModel *queueProxy() const { return m_proxy; }
    QTreeView *queueView() const { return m_queue; }
    IncidentDetailView *detailView() const { return m_detail; }
    ConnectorPage *connectorPage() const { return m_connectorPage; }
    /** Whether the connector page (not the queue) fills the window. */
    bool isConnectorPageShown() const;
    HuntingPage *huntingPage() const { return m_huntingPage; }
    bool isHuntingPageShown() const;
    OutboxPage *outboxPage() const { return m_outboxPage; }
    bool isOutboxPageShown() const;

    void saveSettings() const;
    void restoreSettings();

public Q_SLOTS:
    // What the SyncController's signals deliver; public so that a window without a controller
    // (benchmarks, tests on synthetic data) can be fed the same way.
    /** The whole queue (model reset); the selected incident stays selected. */
    void setIncidents(const QList<Incident> &incidents);
    /** Rows a sync changed or added; keeps selection and scroll position. */
    void applyIncidentChanges(const QList<Incident> &incidents);
    void showIncidentDetail(const IncidentDetail &detail);
    void showDetailFailure(qint64 number, const Error &error);
    void showSyncStatus(const SyncStatus &status);
    void showSyncResult(bool ok, const Error &error);
    void showStoreFailure(const Error &error);

    void openCurrentInDefender();
    void syncNow();
    void focusQuickFilter();
    /** `g q`: the queue and the detail pane. */
    void showQueue();
    /** `g c`: the connector page. */
    void showConnectorPage();
    /** `g h`: the hunting page. */
    void showHuntingPage();
    /** `g o`: the outbox page. */
    void showOutboxPage();
    void selectNextIncident();
    void selectPreviousIncident();

    /** The engine refused an edit (a 4xx from Defender) and reverted it: say so in the banner. */
    void showEditRejected(qint64 number, const Vigil::Error &error);
    /** How many outbox rows wait to be sent; the status bar shows it when it is not zero. */
    void showPendingCount(int count);

    // The triage actions, on the selected incidents (see selectedIncidentNumbers()).
    void setStatusOfSelection();
    void assignSelectionToMe();
    void assignSelection();
    void closeSelection();
    void editTagsOfSelection();
    void commentOnSelection();
    /** `x`: marks or unmarks the current row; j/k then move without changing the marks. */
    void toggleCurrentSelection();
    /** `Shift+j` / `Shift+k`: extends the selection from where the extension started. */
    void extendSelectionDown();
    void extendSelectionUp();

Q_SIGNALS:
    /** The analyst made a valid triage edit of these incidents (validated with validateEdit()
     *  against each; editTime is now in UTC, analyst is analystUpn()). */
    void editRequested(const QList<qint64> &numbers, const Vigil::TriageEdit &edit);
    /** The analyst told Vigil their UPN (the first "assign to me"). */
    void analystUpnChanged(const QString &upn);
    /** A deep link that passed the allow-list is being opened. */
    void linkRequested(const QUrl &url);
    /** The window needs the detail of an incident (also sent to the controller, if any). */
    void detailRequested(qint64 number, bool allAlerts);
    /** The detail pane shows a loaded IncidentDetail (alerts, entities, comments). */
    void detailShown(qint64 number);

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createQueue(QWidget *parent);
    void createHuntingPage();
    void createOutboxPage();
    void connectController();

    void onCurrentRowChanged();
    void requestDetail();
    void moveSelection(int delta);
    void extendSelection(int delta);
    QList<Incident> selectedIncidents() const;
    QList<Incident> incidentsOf(const QList<qint64> &numbers) const;
    void triage(TriageAction action, const QList<Incident> &targets);
    void openTriageDialog(TriageDialog *dialog);
    void submitEdit(const QList<qint64> &numbers, const TriageEdit &edit);
    QStringList knownOwners() const;
    void showHeaderMenu(const QPoint &pos);
    void showBanner(const QString &text, bool offerRetry);
    void updateCountLabel();
    void updateActions();
    QModelIndex proxyIndexOfNumber(qint64 number) const;
    const Incident *incidentOf(qint64 number) const;

    SyncController *m_controller = nullptr;
    HuntingImport *m_huntingImport = nullptr;
    Cloud m_cloud = Cloud::global();
    UrlOpener m_urlOpener;

    IncidentQueueModel *m_model = nullptr;
    IncidentFilterProxyModel *m_proxy = nullptr;
    QTreeView *m_queue = nullptr;
    QLineEdit *m_quickFilter = nullptr;
    QSplitter *m_splitter = nullptr;
    QStackedWidget *m_pages = nullptr;
    QWidget *m_queuePage = nullptr;
    ConnectorPage *m_connectorPage = nullptr;
    HuntingPage *m_huntingPage = nullptr;
    OutboxPage *m_outboxPage = nullptr;
    IncidentDetailView *m_detail = nullptr;
    QFrame *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
    QPushButton *m_bannerRetry = nullptr;
    QLabel *m_syncIcon = nullptr;
    QLabel *m_syncStatus = nullptr;
    QLabel *m_incidentCount = nullptr;
    QLabel *m_quota = nullptr;
    QLabel *m_pendingIcon = nullptr;
    QLabel *m_pendingCount = nullptr;

    QAction *m_openInDefender = nullptr;
    QAction *m_syncNow = nullptr;
    QAction *m_focusFilter = nullptr;
    QAction *m_next = nullptr;
    QAction *m_previous = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_setStatus = nullptr;
    QAction *m_assignToMe = nullptr;
    QAction *m_assignTo = nullptr;
    QAction *m_closeIncident = nullptr;
    QAction *m_editTags = nullptr;
    QAction *m_addComment = nullptr;
    QAction *m_toggleSelection = nullptr;
    QAction *m_extendDown = nullptr;
    QAction *m_extendUp = nullptr;
    QAction *m_goQueue = nullptr;
    QAction *m_goConnector = nullptr;
    QAction *m_goHunting = nullptr;
    QAction *m_goOutbox = nullptr;

    QString m_analystUpn;
    QPointer<TriageDialog> m_triageDialog;
    bool m_marking = false; ///< `x` was used: j/k move the cursor and keep the marked rows
    QPersistentModelIndex m_extendAnchor; ///< where the current Shift+j/k extension started
    QPersistentModelIndex m_extendEnd; ///< where it is now
    QItemSelection m_extendBase; ///< the selection before the extension started

    QByteArray m_defaultHeaderState;
    QTimer m_detailTimer; ///< coalesces detail requests while j/k move fast
    QTimer m_backoffCountdown; ///< redraws the status bar every second while the sync waits
    qint64 m_detailNumber = 0; ///< incident the detail pane is for
    bool m_detailAllAlerts = false;
    bool m_loaded = false; ///< incidentsLoaded has arrived
    bool m_bannerForSync = false;
    SyncStatus m_lastStatus;

    // Saved views, the filter's chips and messages, further sort keys (mainwindowviews.cpp,
    // mainwindowqueue.cpp).
public:
    SavedViews &savedViews() { return m_views; }
    /** The queue as it is now: filter, sort keys and visible columns (named `name`). */
    SavedView currentView(const QString &name = {}) const;
    void applyView(const SavedView &view);
    /** Writes the saved views to a JSON file; false and a banner when it cannot. */
    bool exportViews(const QString &path);
    /** Adds the views of a JSON file; how many, or -1 and a banner when it is not one. */
    int importViews(const QString &path);

private:
    void createViewsMenu(QMenu *menu);
    void rebuildViewsMenu();
    void saveViewAs();
    void renameView();
    void deleteView();
    void updateFilterFeedback();
    void saveQueueView() const;
    void restoreQueueView();

    SavedViews m_views;
    FilterChips *m_filterChips = nullptr;
    QLabel *m_filterMessage = nullptr; ///< why the filter text does not parse
    QLabel *m_emptyState = nullptr; ///< over the queue when the filter leaves nothing
    QMenu *m_viewsMenu = nullptr;

    // Where the detail pane is and whether it is shown (mainwindowpanes.cpp).
public:
    /** View > Detail pane below the queue: the splitter turns vertical. */
    void setDetailPaneBelow(bool below);
    /** View > Show the detail pane: hidden, the queue takes the whole width. */
    void setDetailPaneShown(bool shown);
    QSplitter *paneSplitter() const { return m_splitter; }

private:
    void setUpReading(QMenu *menu);
    void openAlertInDefender(const QString &alertWebUrl);
    void noteLoadedAlerts(const IncidentDetail &detail);
    void savePaneLayout(QSettings &settings) const;
    void restorePaneLayout(QSettings &settings);

    QAction *m_detailBelow = nullptr;
    QAction *m_showDetail = nullptr;
    // Time: the Age and SLA columns, notifications, the dashboard (mainwindowtime.cpp).
public:
    /** Where the queue's Age and SLA columns, the SLA checks and the dashboard take the time
     *  from (default Clock::system(); tests hand in a clock they move). Not owned. */
    void setClock(Clock *clock);
    /** Saves the targets and shows the queue, notifications and dashboard against them. */
    void setSlaTargets(const SlaTargets &targets);
    DashboardPage *dashboardPage() const { return m_dashboardPage; }
    bool isDashboardPageShown() const;
    TrayNotifier *trayNotifier() const { return m_trayNotifier; }
public Q_SLOTS:
    /** `g d`: the dashboard page. */
    void showDashboardPage();
    /** Vigil → SLA targets…: a dialog over the window. */
    void editSlaTargets();

private:
    void createTimeFeatures();
    Clock *m_clock = nullptr;
    ClockTimer *m_timeTick = nullptr; ///< redraws Age and SLA, looks for new breaches
    DashboardPage *m_dashboardPage = nullptr;
    TrayNotifier *m_trayNotifier = nullptr;
    QAction *m_goDashboard = nullptr;
    QAction *m_doNotDisturb = nullptr;
    QAction *m_editSla = nullptr;
    // Team mode (mainwindowteam.cpp): the sync leader in the status bar, who else is on the
    // shown incident, colleagues' changes reloaded as they are committed.
public:
    /** Shows what team (not owned, must outlive the window) says; null: one analyst. */
    void setTeamController(TeamController *team);

private:
    void showLeader();
    /** Who else is on these incidents (empty: on any), in their rows and the detail pane. */
    void showPresence(const QList<qint64> &numbers);
    void onTeamChange(const Vigil::TeamChange &change);
    void reloadTeamChanges();

    QPointer<TeamController> m_team;
    QLabel *m_teamLeader = nullptr;
    QTimer m_teamReload; ///< coalesces the reloads a burst of colleagues' changes asks for
    QSet<qint64> m_teamChanged; ///< incidents colleagues changed since the last reload
    bool m_teamReloadQueue = false; ///< a change that did not say which incidents
    bool m_teamReloadDetail = false;
    // Trusting the queue and learning it (mainwindowhabits.cpp): undo and the Edit menu, rows
    // kept in place, the cheat sheet, the command palette, themes, the view's export.
public:
    /** Ctrl+Z: sends the edits that put the incidents of the last triage edit back; false when
     *  there is nothing to undo. */
    bool undoLastEdit();
    const TriageUndoStack &undoStack() const { return m_undo; }
    /** `?`: the keyboard cheat sheet, made from the window's actions. */
    QDialog *showCheatSheet();
    /** Ctrl+K: the command palette. */
    QDialog *showCommandPalette();
    /** Puts the queue in order again after changes kept rows in place (Shift+R). */
    void resortQueue();
    /**
     * Writes what the queue shows (the filtered rows, in their order, with the visible columns
     * in their order) as CSV, or as JSON when the path ends in ".json". False and a banner when
     * it cannot be written.
     */
    bool exportCurrentView(const QString &path);
    void setTheme(Theme theme);
    /** Takes the new and changed marks off every incident of the queue. */
    void markAllSeen();

private:
    void createHabitActions();
    /** A key press on the queue or a list of the detail pane that types `?`. */
    bool isCheatSheetKey(QObject *watched, QEvent *event) const;
    /** The analyst has seen an incident as it is at `at`: the model's mark goes, the store
     *  keeps the time. */
    void noteSeen(const QList<qint64> &numbers, const QDateTime &at);
    /** Before a sync's rows are applied: which incidents the analyst sees change (the one open
     *  in the detail pane, their own delivered edits) and when. */
    QList<std::pair<qint64, QDateTime>> seenInChanges(const QList<Incident> &incidents);
    void createHabitMenus(QMenu *vigil, QMenu *view);
    QAction *toolBarCopy(QAction *action);
    void updateHabitActions();
    void rebuildEditMenu();
    void exportCurrentViewAs();
    /** Asks before a bulk edit reopens closed incidents; true when it asked (the edit is sent
     *  if the analyst agrees). */
    bool confirmReopen(const QList<qint64> &numbers, const TriageEdit &edit);
    /** Records the edit for undo and sends it. */
    void sendEdit(const QList<qint64> &numbers, const TriageEdit &edit);
    QStringList knownTags() const;

    TriageUndoStack m_undo;
    QMenu *m_editMenu = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_resort = nullptr;
    QAction *m_cheatSheetAction = nullptr;
    QAction *m_paletteAction = nullptr;
    QAction *m_exportView = nullptr;
    QAction *m_markAllSeen = nullptr;
    QSet<qint64> m_ownEdits; ///< incidents with an edit of the analyst not yet delivered
    QList<std::pair<QAction *, QAction *>> m_toolBarCopies; ///< (copy, the action it runs)
    QLabel *m_resortHint = nullptr;
    QPointer<QDialog> m_cheatSheet;
    QPointer<QDialog> m_palette;
};

} // namespace Vigil
