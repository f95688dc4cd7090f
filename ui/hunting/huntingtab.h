#pragma once

#include "huntingcontroller.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QAction;
class QFrame;
class QLabel;
class QPushButton;
class QTabWidget;

namespace Vigil {

class HuntingChartView;
class HuntingResultView;
class KqlEditor;

/**
 * One query tab of the hunting page: the editor above, the results below (a tab widget whose
 * first tab is the grid; a chart can sit beside it), a status line with rows, elapsed time and
 * truncation, the engine's error with its line and column, and a banner for pivots whose time
 * range the local tables do not hold. Runs its queries on its own HuntingController. GUI thread.
 */
class HuntingTab : public QWidget
{
    Q_OBJECT
public:
    explicit HuntingTab(const QString &databasePath, QAction *runInDefender,
                        QWidget *parent = nullptr);

    KqlEditor *editor() const { return m_editor; }
    HuntingResultView *resultView() const { return m_results; }
    /** The results area: "Results" (the grid) first; the page may add a chart tab. */
    QTabWidget *resultTabs() const { return m_resultTabs; }
    /** The "Chart" tab of the last run that asked for one with `render`, else nullptr. */
    HuntingChartView *chartView() const { return m_chart; }
    HuntingController *controller() const { return m_controller; }
    bool isRunning() const { return m_controller && m_controller->isRunning(); }
    /** The last run's query text and result (render, columns, …). */
    QString lastQuery() const { return m_lastQuery; }
    const HuntRunResult &lastResult() const { return m_lastResult; }
    QString statusText() const;
    QString statusToolTip() const;
    QString errorText() const;

    void setDatabasePath(const QString &path);
    /** geo_info_from_ip_address()'s database for the next runs (empty: the default). */
    void setGeoIpDatabase(const QString &path) { m_geoIpDatabase = path; }
    QString geoIpDatabase() const { return m_geoIpDatabase; }
    /** Runs query, which starts at offset of the editor's text (for the error's position). */
    void run(const QString &query, int offset = 0);
    /** Ctrl+Enter: the selection or the whole text. */
    void runQuery();
    /** Cancel or Esc: stops this tab's local run, and asks (cancelRequested) to stop a run
     *  in Defender that this tab started. */
    void cancel();
    /** A run in Defender for this tab is under way: Cancel stays available for it. */
    void setRemoteRunning(bool running);
    /** While a run in Defender waits (Retry-After, or before its retry): says why and counts
     *  down to until in the status line. */
    void showRemoteWaiting(const QDateTime &until, const QString &reason);
    /**
     * Shows a result that ran elsewhere (Run in Defender) in this tab's grid, as if it had run
     * here: its columns and rows, status line and error. The tab's query text is not changed.
     * origin, when given, opens the status line ("Ran in Microsoft 365 Defender").
     */
    void showResult(const QString &query, const Vigil::HuntRunResult &result,
                    const QList<Vigil::HuntRow> &rows, qint64 elapsedMs,
                    const QString &origin = {});
    /** Where the last result came from: empty for this machine's tables, else showResult's. */
    QString resultOrigin() const { return m_origin; }
    /** A warning above the results with "Run in Defender"; empty text hides it. */
    void showRangeBanner(const QString &text);
    QFrame *rangeBanner() const { return m_banner; }

Q_SIGNALS:
    void queryStarted(const QString &query);
    /** Cancel or Esc was pressed in this tab. */
    void cancelRequested();
    void queryFinished(const QString &query, const Vigil::HuntRunResult &result, qint64 elapsedMs);

private:
    void onFinished(const HuntRunResult &result, qint64 elapsedMs);
    void updateStatus();
    void updateRemoteWaiting();
    void updateChart();

    QString m_path;
    QString m_geoIpDatabase;
    QDateTime m_waitUntil;
    QString m_waitReason;
    QTimer m_waitTick;
    HuntingController *m_controller = nullptr;
    KqlEditor *m_editor = nullptr;
    HuntingResultView *m_results = nullptr;
    QTabWidget *m_resultTabs = nullptr;
    HuntingChartView *m_chart = nullptr;
    QString m_origin;
    QAction *m_run = nullptr;
    QAction *m_cancel = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_problem = nullptr;
    QLabel *m_error = nullptr;
    QFrame *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
    QElapsedTimer m_clock;
    QTimer m_tick; ///< redraws "Running… 3 s" while a query runs
    QString m_lastQuery;
    HuntRunResult m_lastResult;
    int m_runOffset = 0;
    bool m_hasResult = false;
    bool m_remoteRunning = false;
    qint64 m_elapsedMs = 0;
};

} // namespace Vigil
