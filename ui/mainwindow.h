#pragma once

#include "cloud.h"
#include "incident.h"
#include "result.h"
#include "syncstatus.h"

#include <QImage>
#include <QMainWindow>
#include <QTimer>
#include <QUrl>

#include <functional>

class QAction;
class QFrame;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QTreeView;

namespace Vigil {

class IncidentDetailView;
class IncidentFilterProxyModel;
class IncidentQueueModel;
class SyncController;

/**
 * Vigil's main window: quick filter, the incident queue and the detail pane on a splitter, the
 * sync state in the status bar. It listens to the SyncController's signals and asks it for
 * details; it never starts the controller (main does). With a null controller it shows what
 * is fed into queueModel() (benchmarks, screenshots of synthetic data).
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    /** Opens a URL that passed the deep-link allow-list; returns false when it could not. */
    using UrlOpener = std::function<bool(const QUrl &)>;

    explicit MainWindow(SyncController *controller, QWidget *parent = nullptr);
    ~MainWindow() override;

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

    /** The window as it looks now, for `vigil --screenshot`. */
    QImage renderToImage();

    IncidentQueueModel *queueModel() const { return m_model; }
    IncidentFilterProxyModel *queueProxy() const { return m_proxy; }
    QTreeView *queueView() const { return m_queue; }
    IncidentDetailView *detailView() const { return m_detail; }

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
    void selectNextIncident();
    void selectPreviousIncident();

Q_SIGNALS:
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
    void connectController();

    void onCurrentRowChanged();
    void requestDetail();
    void moveSelection(int delta);
    void showHeaderMenu(const QPoint &pos);
    void showBanner(const QString &text, bool offerRetry);
    void updateCountLabel();
    void updateActions();
    QModelIndex proxyIndexOfNumber(qint64 number) const;
    const Incident *incidentOf(qint64 number) const;

    SyncController *m_controller = nullptr;
    Cloud m_cloud = Cloud::global();
    UrlOpener m_urlOpener;

    IncidentQueueModel *m_model = nullptr;
    IncidentFilterProxyModel *m_proxy = nullptr;
    QTreeView *m_queue = nullptr;
    QLineEdit *m_quickFilter = nullptr;
    QSplitter *m_splitter = nullptr;
    IncidentDetailView *m_detail = nullptr;
    QFrame *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
    QPushButton *m_bannerRetry = nullptr;
    QLabel *m_syncIcon = nullptr;
    QLabel *m_syncStatus = nullptr;
    QLabel *m_incidentCount = nullptr;
    QLabel *m_quota = nullptr;

    QAction *m_openInDefender = nullptr;
    QAction *m_syncNow = nullptr;
    QAction *m_focusFilter = nullptr;
    QAction *m_next = nullptr;
    QAction *m_previous = nullptr;
    QAction *m_quit = nullptr;

    QByteArray m_defaultHeaderState;
    QTimer m_detailTimer; ///< coalesces detail requests while j/k move fast
    qint64 m_detailNumber = 0; ///< incident the detail pane is for
    bool m_detailAllAlerts = false;
    bool m_loaded = false; ///< incidentsLoaded has arrived
    bool m_bannerForSync = false;
    SyncStatus m_lastStatus;
};

} // namespace Vigil
