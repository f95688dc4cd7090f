#pragma once

#include "eventtypes.h"

#include <QObject>
#include <QPointer>
#include <QProgressDialog>

class QWidget;

namespace Vigil {

class EventController;

/**
 * File → Import hunting data: asks for a file (and, for a portal CSV export, its table), runs
 * the import on the event store's thread through the EventController with a progress dialog
 * whose Cancel stops it after the current batch, and shows what was stored. GUI thread.
 */
class HuntingImport : public QObject
{
    Q_OBJECT
public:
    HuntingImport(EventController *events, QWidget *window);

    /** Asks for a file, then imports it. */
    void chooseAndImport();
    /** Imports path; table names the records' table (required for CSV, asked when empty). */
    void importFile(const QString &path, const QString &table = {});
    QProgressDialog *progressDialog() const { return m_progress; }
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void finished(const Vigil::EventImportSummary &summary);

private:
    void showProgress(const Vigil::EventImportSummary &progress);
    void showFinished(const Vigil::EventImportSummary &summary);

    EventController *m_events;
    QWidget *m_window;
    QPointer<QProgressDialog> m_progress;
    bool m_running = false;
};

} // namespace Vigil
