#include "huntingimport.h"

#include "displaytext.h"
#include "errortext.h"
#include "eventcontroller.h"
#include "huntingschema.h"

#include <QFileDialog>
#include <QInputDialog>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>

namespace Vigil {

HuntingImport::HuntingImport(EventController *events, QWidget *window)
    : QObject(window)
    , m_events(events)
    , m_window(window)
{
    connect(m_events, &EventController::importProgress, this, &HuntingImport::showProgress);
    connect(m_events, &EventController::importFinished, this, &HuntingImport::showFinished);
}

void HuntingImport::chooseAndImport()
{
    const QString path = QFileDialog::getOpenFileName(
            m_window, tr("Import hunting data"), QString(),
            tr("Hunting data (*.json *.jsonl *.log *.csv *.gz);;All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

void HuntingImport::importFile(const QString &path, const QString &givenTable)
{
    if (m_running)
        return;
    QString table = givenTable;
    const QString lower = path.toLower();
    if (table.isEmpty() && (lower.endsWith(u".csv") || lower.endsWith(u".csv.gz"))) {
        QStringList names;
        for (const HuntingTable &t : HuntingSchema::defender().tables())
            names.append(t.name);
        bool ok = false;
        table = QInputDialog::getItem(m_window, tr("Import hunting data"),
                                      tr("A portal CSV export does not say its table. Which "
                                         "table is it?"),
                                      names, 0, false, &ok);
        if (!ok)
            return;
    }
    m_running = true;
    m_progress = new QProgressDialog(tr("Importing %1…").arg(elidedText(path, 200)), tr("Cancel"),
                                     0, 1000, m_window);
    m_progress->setObjectName(QStringLiteral("huntingImportProgress"));
    m_progress->setWindowTitle(tr("Import hunting data"));
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->setMinimumDuration(0);
    m_progress->setValue(0);
    connect(m_progress, &QProgressDialog::canceled, m_events, &EventController::cancelImport);
    m_events->importFile(path, table);
}

void HuntingImport::showProgress(const EventImportSummary &progress)
{
    if (!m_progress)
        return;
    if (progress.bytesTotal > 0)
        m_progress->setValue(
                int(qMin<qint64>(999, progress.bytesDone * 1000 / progress.bytesTotal)));
    m_progress->setLabelText(
            tr("%1, %2, %3")
                    .arg(tr("%Ln row(s) stored", nullptr, int(progress.result.totalInserted())),
                         tr("%Ln duplicate(s)", nullptr, int(progress.result.duplicates)),
                         tr("%Ln rejected", nullptr, int(progress.result.rejectedCount))));
}

void HuntingImport::showFinished(const EventImportSummary &summary)
{
    m_running = false;
    if (m_progress) {
        m_progress->hide();
        m_progress->deleteLater();
    }
    QStringList lines;
    for (auto it = summary.result.inserted.cbegin(); it != summary.result.inserted.cend(); ++it)
        lines.append(tr("%1: %Ln row(s)", nullptr, int(it.value())).arg(it.key()));
    if (lines.isEmpty())
        lines.append(tr("No new rows."));
    lines.append(tr("Duplicates skipped: %1").arg(QLocale().toString(summary.result.duplicates)));
    lines.append(tr("Lines rejected: %1").arg(QLocale().toString(summary.result.rejectedCount)));
    for (qsizetype i = 0; i < summary.result.rejected.size() && i < 10; ++i) {
        const EventRejection &r = summary.result.rejected.at(i);
        lines.append(tr("  line %1: %2").arg(r.line).arg(elidedText(r.reason, 300)));
    }
    QString title = tr("Import finished");
    if (summary.cancelled)
        title = tr("Import cancelled: the rows stored before it stopped are kept");
    else if (summary.error)
        lines.prepend(tr("The import stopped: %1").arg(errorDescription(*summary.error)));
    // Plain text: the reasons quote the file's content.
    auto *box = new QMessageBox(QMessageBox::Information, tr("Import hunting data"),
                                title + QStringLiteral("\n\n") + lines.join(u'\n'), QMessageBox::Ok,
                                m_window);
    box->setObjectName(QStringLiteral("huntingImportSummary"));
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    Q_EMIT finished(summary);
}

} // namespace Vigil
