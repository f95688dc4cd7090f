#pragma once

#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

class QAction;
class QSystemTrayIcon;

namespace Vigil {

class IncidentQueueModel;

/**
 * @brief Desktop notifications through the system tray: a new High incident, an incident
 * whose first-triage SLA has just passed. GUI thread.
 *
 * It watches an IncidentQueueModel: incidents present at a load, or filling an empty queue (the
 * first sync), are known and do not notify; rows added later do (High, not closed); check() (called
 * by the window's minute tick and after every sync) notifies each incident once when it turns
 * overdue. Do not disturb suppresses every notification; what passes while it is on is not shown
 * later. Where the platform has no system tray (a test platform, some desktops) no tray icon is
 * made and nothing is shown; noticeReady() still says what would have been, for the tests and the
 * status bar.
 */
class TrayNotifier : public QObject
{
    Q_OBJECT
public:
    explicit TrayNotifier(IncidentQueueModel *model, QObject *parent = nullptr);

    bool doNotDisturb() const { return m_doNotDisturb; }
    /** Whether messages reach the desktop (a system tray exists). */
    bool hasTray() const { return m_tray != nullptr; }
    /** The icon's context menu gets these (Do not disturb, Show Vigil); call once. */
    void setTrayActions(const QList<QAction *> &actions);

    /** While held, everything that arrives is known, not news (the first sync, which may bring
     *  its incidents in many pages); release() starts watching from what the queue holds. */
    void hold() { m_holding = true; }
    void release();

public Q_SLOTS:
    void setDoNotDisturb(bool on);
    /** Looks for incidents that turned overdue since the last check. */
    void check();

Q_SIGNALS:
    /** A notification was due (and shown, where there is a tray): number 0 for a summary. */
    void noticeReady(const QString &title, const QString &text, qint64 number);
    /** The analyst clicked a notification about one incident. */
    void incidentActivated(qint64 number);

private:
    void notify(const QString &title, const QString &text, qint64 number);
    void prime();
    void onRowsInserted(int first, int last);

    IncidentQueueModel *m_model = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    QSet<qint64> m_overdue; ///< incidents already notified (or known at start) as overdue
    bool m_doNotDisturb = false;
    bool m_primed = false;
    bool m_holding = false;
    QTimer m_checkTimer; ///< coalesces the checks after a sync's changes
    qint64 m_lastNumber = 0; ///< what the last notification was about, for a click
};

} // namespace Vigil
