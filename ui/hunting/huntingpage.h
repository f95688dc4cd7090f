#pragma once

#include "huntingcontroller.h"
#include "huntingpivot.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QAction;
class QLabel;
class QSplitter;
class QTabWidget;

namespace Vigil {

class EventController;
class HuntingLibraryController;
class HuntingTab;
class QueryLibraryPanel;
class RemoteHuntController;
class SchemaBrowser;
struct RemoteHuntOutcome;
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
    /** The event store's facade: pivots ask it what time range each table holds; the schema
     *  browser (a side panel, added on the first call) shows its tables. */
    void setEventController(EventController *events);
    /** History and saved queries: adds their side panel, records every run (local and in
     *  Defender) and opens a picked query in a new tab. library must outlive the page. */
    void setLibraryController(HuntingLibraryController *library);
    /**
     * "Run in Defender" runs in remote (which must outlive the page) and shows the answer in the
     * tab it was asked from. runInDefenderRequested is emitted first, so that a slot connected to
     * it can hand remote the connection to run with.
     */
    void setRemoteHuntController(RemoteHuntController *remote);
    SchemaBrowser *schemaBrowser() const { return m_schema; }
    QueryLibraryPanel *libraryPanel() const { return m_library; }

    QTabWidget *tabs() const { return m_tabs; }
    int tabCount() const;
    HuntingTab *tab(int index) const;
    HuntingTab *currentTab() const;
    /** The side area (schema browser, history, saved queries); hidden while empty. */
    QTabWidget *sidePanel() const { return m_side; }
    void addSidePanel(QWidget *widget, const QString &title);
    QAction *runInDefenderAction() const { return m_runInDefender; }
    /** Opens the External data dialog (allowed hosts, limits, kept copies). */
    QAction *feedSettingsAction() const { return m_feedSettings; }
    /** "GeoIP database…": picks the file geo_info_from_ip_address() reads. */
    QAction *geoIpAction() const { return m_geoIpChoose; }
    /** Goes back to the default GeoIP database ($VIGIL_GEOIP_DB, else Debian's). */
    QAction *geoIpDefaultAction() const { return m_geoIpDefault; }
    /** The chosen GeoIP database file; empty: the default. */
    QString geoIpDatabase() const { return m_geoIp; }
    /**
     * Makes path (a .mmdb or legacy GeoIP.dat file; empty: the default) the GeoIP database of
     * the next runs and saves it in the settings. A file that does not open as one is refused
     * with a message naming it, and the database stays as it was: false.
     */
    bool setGeoIpDatabase(const QString &path);
    /** Says which database answers geo_info_from_ip_address(). */
    QLabel *geoIpLabel() const { return m_geoIpLabel; }
    /** The window Run in Defender sends (ISO 8601; empty: Defender's default 30 days). */
    QString remoteTimespan() const { return m_remoteTimespan; }
    /** Why timespan is not a window Graph's runHuntingQuery takes; empty when it is. */
    static QString remoteTimespanProblem(const QString &timespan);
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
    void recordRun(const HuntingTab *tab, const QString &query, const HuntRunResult &result,
                   qint64 elapsedMs);
    void updateCurrentQuery();
    void finishRemoteRun(const RemoteHuntOutcome &outcome);
    void buildTimespanMenu();
    void restoreTimespanCheck();
    void setRemoteTimespan(const QString &timespan);
    QString remoteTimespanText() const;

    QString m_path;
    QPointer<EventController> m_events;
    QSplitter *m_splitter = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTabWidget *m_side = nullptr;
    QAction *m_runInDefender = nullptr;
    QAction *m_feedSettings = nullptr;
    void editFeedSettings();
    QAction *m_geoIpChoose = nullptr;
    QAction *m_geoIpDefault = nullptr;
    QLabel *m_geoIpLabel = nullptr;
    QString m_geoIp;
    void chooseGeoIpDatabase();
    void showGeoIpDatabase(const QString &description);
    /** Where feeds.json and the kept copies live: beside events.sqlite. */
    QString feedDirectory() const;
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
    SchemaBrowser *m_schema = nullptr;
    QueryLibraryPanel *m_library = nullptr;
    QPointer<HuntingLibraryController> m_libraryController;
    QPointer<RemoteHuntController> m_remote;
    /// The Defender run in progress: the tab it shows in, its query and what came so far.
    QPointer<HuntingTab> m_remoteTab;
    QString m_remoteQuery;
    QString m_remoteTimespan; ///< empty: Defender's default window
    QAction *m_customTimespan = nullptr;
    QList<HuntColumn> m_remoteColumns;
    QList<HuntRow> m_remoteRows;
};

} // namespace Vigil
