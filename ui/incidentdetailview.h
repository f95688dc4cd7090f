#pragma once

#include "huntpivot.h"
#include "incident.h"
#include "severityicons.h"
#include "triage.h"
#include "triagedialogs.h"

#include <QWidget>

class QAction;
class QFrame;
class QGridLayout;
class QLabel;
class QLineEdit;
class QModelIndex;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTabWidget;
class QToolButton;
class QTreeView;
class QTreeWidget;

namespace Vigil {

class AlertListModel;
class EntityTreeModel;

/**
 * The detail pane of the queue: summary, alerts (at most 150 unless the analyst loads all),
 * entities grouped by kind, comments and the sync activity log. It only shows what it is given;
 * MainWindow asks the SyncController for the detail and passes it in.
 */
class IncidentDetailView : public QWidget
{
    Q_OBJECT
public:
    explicit IncidentDetailView(QWidget *parent = nullptr);

    void setSeverityIcons(const SeverityIcons &icons);
    void setSyncStateIcons(const SyncStateIcons &icons);
    /** Puts the window's "Open in Microsoft 365 Defender" action on the header. */
    void setOpenInDefenderAction(QAction *action);

    /** Nothing selected. */
    void showEmpty();
    /** The summary of a queue row at once; alerts, entities and comments follow (loading). */
    void showIncident(const Incident &incident);
    /** Updates the summary only (a sync changed the incident while it is shown). */
    void updateIncident(const Incident &incident);
    /** Everything, from SyncController::detailLoaded. */
    void showDetail(const IncidentDetail &detail);
    /** Loading the detail failed: say so and offer to retry. */
    void showError(const QString &message);
    /** Alerts are being loaded again (all of them). */
    void showLoadingAllAlerts();
    /** Team mode: who else is on this incident ("ana, ben (edited it)"); empty hides it. */
    void setPresence(const QString &others);

    qint64 number() const { return m_number; }
    bool isLoading() const { return m_loading; }
    AlertListModel *alertModel() const { return m_alertModel; }
    EntityTreeModel *entityModel() const { return m_entityModel; }

Q_SIGNALS:
    /** A "merged into #N" / "merged from #N" link was clicked. */
    void incidentLinkActivated(qint64 number);
    void openInDefenderRequested();
    void loadAllAlertsRequested(qint64 number);
    void retryRequested(qint64 number);
    /** A triage button was pressed for the incident shown (number()). */
    void triageRequested(Vigil::TriageAction action);
    /** "Apply mine again" on a conflict the analyst's value lost: the edit restoring it. */
    void restoreRequested(qint64 number, const Vigil::TriageEdit &edit);
    /** "Hunt" on an alert or an entity: the query the hunting page opens and runs. */
    void huntRequested(const Vigil::HuntPivot &pivot);
    /** "Open in Microsoft 365 Defender" in an alert's detail: its alertWebUrl, unchecked. */
    void alertLinkRequested(const QString &alertWebUrl);

public:
    /** The pivot "Hunt" would open for the current alert or entity, if it has one. */
    std::optional<HuntPivot> currentHuntPivot() const;
    /** Opens the current alert's or entity's pivot (the Hunt button). */
    void huntCurrent();

private:
    QLabel *addField(QGridLayout *grid, int row, int column, const QString &label,
                     const char *objectName);
    void fillSummary(const Incident &incident);
    void setLoading(bool loading, const QString &text = {});
    void updateTabTitles();
    QWidget *createTriageButtons(QWidget *parent);
    QWidget *createActivityTab(QWidget *parent);
    void fillActivity(const QList<ActivityEntry> &activity);
    /** The edit that restores the selected activity entry, when it is a lost local value. */
    std::optional<TriageEdit> selectedRestoringEdit() const;
    void setUpHunting();
    void updateHuntButton();
    // Reading (incidentdetailreading.cpp): filters, copying, an alert's or an entity's detail.
    void setUpReading();
    void fillTexts(const Incident &incident);

public:
    /** Opens the detail of the alert or entity at index (a row of the alert or entity list). */
    void openAlertDetail(const QModelIndex &index);
    void openEntityDetail(const QModelIndex &index);

private:
    qint64 m_number = 0;
    bool m_loading = false;
    int m_totalAlerts = 0;
    QList<qint64> m_mergedFrom;
    SeverityIcons m_severityIcons;
    SyncStateIcons m_syncStateIcons;

    QStackedWidget *m_pages = nullptr;
    QLabel *m_emptyState = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_presence = nullptr; ///< "Someone else is on this incident: …" (team mode)
    QToolButton *m_openButton = nullptr;
    QLabel *m_severityIcon = nullptr;
    QLabel *m_severity = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_owner = nullptr;
    QLabel *m_numberLabel = nullptr;
    QLabel *m_defenderId = nullptr;
    QLabel *m_classification = nullptr;
    QLabel *m_determination = nullptr;
    QLabel *m_provider = nullptr;
    QLabel *m_created = nullptr;
    QLabel *m_updated = nullptr;
    QLabel *m_tags = nullptr;
    QLabel *m_syncIcon = nullptr;
    QLabel *m_syncState = nullptr;
    QWidget *m_triageButtons = nullptr;
    QLabel *m_merge = nullptr;
    QFrame *m_errorBanner = nullptr;
    QLabel *m_errorText = nullptr;
    QWidget *m_progress = nullptr;
    QLabel *m_progressText = nullptr;
    QFrame *m_capBanner = nullptr;
    QLabel *m_capText = nullptr;
    QPushButton *m_loadAll = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_alertFilter = nullptr; ///< on the tab bar while the alerts are shown
    QTreeView *m_alertView = nullptr;
    QLineEdit *m_entityFilter = nullptr; ///< on the tab bar while the entities are shown
    QTreeView *m_entityView = nullptr;
    QSortFilterProxyModel *m_entityProxy = nullptr;
    QPlainTextEdit *m_texts = nullptr;
    QTreeWidget *m_comments = nullptr;
    QTreeWidget *m_activity = nullptr;
    QPushButton *m_applyMineAgain = nullptr;
    QPushButton *m_hunt = nullptr;
    AlertListModel *m_alertModel = nullptr;
    QSortFilterProxyModel *m_alertProxy = nullptr;
    EntityTreeModel *m_entityModel = nullptr;
};

} // namespace Vigil
