#include "mainwindow.h"

#include "errortext.h"
#include "incidentqueuemodel.h"
#include "triagedialogs.h"

#include <QItemSelectionModel>
#include <QSet>
#include <QStatusBar>
#include <QTreeView>

// MainWindow, triage: the actions on the selected incidents, their dialogs, and the edits that
// leave the window as editRequested().

namespace Vigil {

void MainWindow::setAnalystUpn(const QString &upn)
{
    m_analystUpn = upn.trimmed();
}

QList<Incident> MainWindow::incidentsOf(const QList<qint64> &numbers) const
{
    QList<Incident> incidents;
    incidents.reserve(numbers.size());
    for (const qint64 number : numbers) {
        if (const Incident *incident = incidentOf(number))
            incidents.append(*incident);
    }
    return incidents;
}

QList<qint64> MainWindow::selectedIncidentNumbers() const
{
    QModelIndexList rows = m_queue->selectionModel()->selectedRows();
    if (rows.isEmpty() && m_queue->currentIndex().isValid())
        rows.append(m_queue->currentIndex());
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<qint64> numbers;
    numbers.reserve(rows.size());
    for (const QModelIndex &index : std::as_const(rows))
        numbers.append(index.data(IncidentQueueModel::NumberRole).toLongLong());
    return numbers;
}

QList<Incident> MainWindow::selectedIncidents() const
{
    return incidentsOf(selectedIncidentNumbers());
}

QStringList MainWindow::knownOwners() const
{
    QSet<QString> seen;
    QStringList owners;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QString &owner = m_model->incidentAt(row).assignedTo;
        if (!owner.isEmpty() && !seen.contains(owner.toLower())) {
            seen.insert(owner.toLower());
            owners.append(owner);
        }
    }
    owners.sort(Qt::CaseInsensitive);
    return owners;
}

void MainWindow::setStatusOfSelection()
{
    triage(TriageAction::SetStatus, selectedIncidents());
}

void MainWindow::assignSelectionToMe()
{
    triage(TriageAction::AssignToMe, selectedIncidents());
}

void MainWindow::assignSelection()
{
    triage(TriageAction::AssignTo, selectedIncidents());
}

void MainWindow::closeSelection()
{
    triage(TriageAction::Close, selectedIncidents());
}

void MainWindow::editTagsOfSelection()
{
    triage(TriageAction::Tags, selectedIncidents());
}

void MainWindow::commentOnSelection()
{
    triage(TriageAction::Comment, selectedIncidents());
}

void MainWindow::triage(TriageAction action, const QList<Incident> &targets)
{
    if (targets.isEmpty())
        return;
    switch (action) {
    case TriageAction::SetStatus: {
        auto *dialog = new StatusDialog(targets, m_analystUpn, this);
        connect(dialog, &TriageDialog::editChosen, this, &MainWindow::submitEdit);
        connect(dialog, &StatusDialog::closeRequested, this, [this](const QList<qint64> &numbers) {
            // After the status dialog has gone: one triage dialog at a time.
            QTimer::singleShot(0, this, [this, numbers] {
                triage(TriageAction::Close, incidentsOf(numbers));
            });
        });
        openTriageDialog(dialog);
        return;
    }
    case TriageAction::AssignToMe:
        if (m_analystUpn.isEmpty()) {
            auto *dialog = new AssignDialog(targets, m_analystUpn, AssignDialog::Mode::IdentifyMe,
                                            knownOwners(), this);
            connect(dialog, &TriageDialog::editChosen, this,
                    [this](const QList<qint64> &numbers, const TriageEdit &chosen) {
                        setAnalystUpn(chosen.owner.value_or(QString()));
                        Q_EMIT analystUpnChanged(m_analystUpn);
                        TriageEdit edit = chosen;
                        edit.analyst = m_analystUpn;
                        submitEdit(numbers, edit);
                    });
            openTriageDialog(dialog);
            return;
        }
        if (targets.size() > 1) {
            // Several incidents at once: the same preview as every bulk edit.
            auto *dialog = new AssignDialog(targets, m_analystUpn, AssignDialog::Mode::AssignTo,
                                            knownOwners(), this);
            dialog->setWindowTitle(tr("Assign to me"));
            dialog->setUpn(m_analystUpn);
            connect(dialog, &TriageDialog::editChosen, this, &MainWindow::submitEdit);
            openTriageDialog(dialog);
            return;
        }
        {
            TriageEdit edit;
            edit.owner = m_analystUpn;
            edit.analyst = m_analystUpn;
            edit.editTime = QDateTime::currentDateTimeUtc();
            const Incident &incident = targets.constFirst();
            const Result<void> valid = validateEdit(incident, edit);
            if (!valid) {
                showBanner(tr("Incident #%1 was not assigned to you: %2")
                                   .arg(incident.number)
                                   .arg(valid.error().message),
                           false);
                m_bannerForSync = false;
                return;
            }
            submitEdit({incident.number}, edit);
        }
        return;
    case TriageAction::AssignTo: {
        auto *dialog = new AssignDialog(targets, m_analystUpn, AssignDialog::Mode::AssignTo,
                                        knownOwners(), this);
        connect(dialog, &TriageDialog::editChosen, this, &MainWindow::submitEdit);
        openTriageDialog(dialog);
        return;
    }
    case TriageAction::Close: {
        auto *dialog = new CloseDialog(targets, m_analystUpn, this);
        connect(dialog, &TriageDialog::editChosen, this, &MainWindow::submitEdit);
        openTriageDialog(dialog);
        return;
    }
    case TriageAction::Tags: {
        auto *dialog = new TagsDialog(targets, m_analystUpn, this);
        dialog->setKnownTags(knownTags());
        connect(dialog, &TriageDialog::editChosen, this, &MainWindow::submitEdit);
        openTriageDialog(dialog);
        return;
    }
    case TriageAction::Comment: {
        auto *dialog = new CommentDialog(targets, m_analystUpn, this);
        connect(dialog, &TriageDialog::editChosen, this, &MainWindow::submitEdit);
        openTriageDialog(dialog);
        return;
    }
    }
}

void MainWindow::openTriageDialog(TriageDialog *dialog)
{
    if (m_triageDialog)
        m_triageDialog->reject();
    m_triageDialog = dialog;
    // Window-modal and without a nested event loop; the dialog deletes itself when closed.
    dialog->open();
}

void MainWindow::submitEdit(const QList<qint64> &numbers, const TriageEdit &edit)
{
    if (numbers.isEmpty() || confirmReopen(numbers, edit))
        return;
    sendEdit(numbers, edit);
}

void MainWindow::sendEdit(const QList<qint64> &numbers, const TriageEdit &edit)
{
    if (numbers.isEmpty())
        return;
    // What the incidents are now is the way back (undo); the window never changed them itself.
    if (m_undo.record(incidentsOf(numbers), edit, QDateTime::currentDateTimeUtc()))
        rebuildEditMenu();
    for (const qint64 number : numbers)
        m_ownEdits.insert(number);
    Q_EMIT editRequested(numbers, edit);
    statusBar()->showMessage(numbers.size() == 1
                                     ? tr("Change to #%1 queued for Microsoft 365 Defender.")
                                               .arg(numbers.constFirst())
                                     : tr("Change to %1 incidents queued for Microsoft 365 "
                                          "Defender.")
                                               .arg(numbers.size()),
                             6000);
}

void MainWindow::showEditRejected(qint64 number, const Error &error)
{
    QString message = error.message.trimmed();
    if (message.isEmpty())
        message = errorDescription(error);
    while (message.endsWith(QLatin1Char('.')))
        message.chop(1);
    showBanner(tr("Defender refused the change to #%1: %2. The incident shows its previous "
                  "values again.")
                       .arg(number)
                       .arg(message),
               false);
    m_bannerForSync = false;
}

} // namespace Vigil
