#pragma once

#include "huntingcontroller.h"
#include "huntingpivot.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QAction;
class QSplitter;
class QTabWidget;

namespace Vigil {

class EventController;
class HuntingTab;
struct EventTablesSnapshot;

/**
 * The hunting page (`g h`): query tabs (new, close, rename; their text kept across restarts),
 * each with the KQL editor and the results, a side area for the schema browser and history, and
 * "Run in Defender", which stays disabled until setRemoteRunAvailable(true) (its signal goes to
 * whoever runs queries in Defender). Pivots from the incident detail open in a new tab, run, and
 * say when the local tables do not hold their time range. GUI thread.
 */
class HuntingPage : public QWidget
{
    Q_OBJECT
public:
    explicit HuntingPage(QWidget *parent = nullptr);
    ~HuntingPage() override;

    /** events.sqlite, where the tabs run their queries. */
    void setDatabasePath(const QString &path);
    QString databasePath() const { return m_path; }
    /** The event store's facade: pivots ask it what time range each table holds. */
    void setEventController(EventController *events);

    QTabWidget *tabs() const { return m_tabs; }
    int tabCount() const;
    HuntingTab *tab(int index) const;
    HuntingTab *currentTab() const;
    /** The side area (schema browser, history, saved queries); hidden while empty. */
    QTabWidget *sidePanel() const { return m_side; }
    void addSidePanel(QWidget *widget, const QString &title);
    QAction *runInDefenderAction() const { return m_runInDefender; }
    /** Enables "Run in Defender" once something handles runInDefenderRequested. */
    void setRemoteRunAvailable(bool available);

    /** A new tab with text; returns it. */
    HuntingTab *newTab(const QString &title = {}, const QString &text = {});
    void closeTab(int index);
    /** Asks for a new name (a dialog unless name is given). */
    void renameTab(int index, const QString &name = {});
    /** Opens the pivot in a new tab and runs it. */
    void openPivot(const Vigil::HuntPivot &pivot);
    /** Puts text into the current tab's editor at its cursor (schema browser, history). */
    void insertText(const QString &text);

    void saveTabs() const;
    void restoreTabs();
    /** Whether tabs are written to the settings (off for screenshots). */
    void setTabsSaved(bool saved) { m_tabsSaved = saved; }

Q_SIGNALS:
    /** "Run in Defender" on the current tab's query (its selection, or all of it). */
    void runInDefenderRequested(const QString &query);
    /** A query of any tab finished (for the history). */
    void queryFinished(const QString &query, const Vigil::HuntRunResult &result, qint64 elapsedMs);

private:
    void checkPivotRanges(const EventTablesSnapshot &snapshot);
    void scheduleSave();

    QString m_path;
    QPointer<EventController> m_events;
    QSplitter *m_splitter = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTabWidget *m_side = nullptr;
    QAction *m_runInDefender = nullptr;
    QAction *m_newTab = nullptr;
    QAction *m_closeTab = nullptr;
    QAction *m_renameTab = nullptr;
    QTimer m_saveTimer;
    int m_nextNumber = 1;
    bool m_restoring = false;
    bool m_tabsSaved = true;
    struct PendingPivot
    {
        QPointer<HuntingTab> tab;
        HuntPivot pivot;
    };
    QList<PendingPivot> m_pendingPivots;
};

} // namespace Vigil
