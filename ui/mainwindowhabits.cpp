#include "mainwindow.h"

#include "cheatsheet.h"
#include "commandpalette.h"
#include "errortext.h"
#include "incidentdetailview.h"
#include "incidentexport.h"
#include "incidentfilterproxymodel.h"
#include "incidentqueuemodel.h"
#include "synccontroller.h"

#include <QAbstractItemView>
#include <QAction>
#include <QActionGroup>
#include <QDate>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QSaveFile>
#include <QSet>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTreeView>

// MainWindow, trusting the queue and learning it: rows kept in place while changes arrive,
// undo of triage edits and the Edit menu that lists them, the question before a bulk edit
// reopens closed incidents, the cheat sheet (`?`), the command palette (Ctrl+K), the themes and
// the export of the current view.

namespace Vigil {

namespace {

constexpr char kThemeKey[] = "appearance/theme";
constexpr char kExportFolderKey[] = "export/folder";
constexpr char kExportFormatKey[] = "export/format";

/** The export's key of a queue column: incidentToJson's where there is one. */
QString exportKey(int column)
{
    switch (column) {
    case IncidentQueueModel::NumberColumn:
        return QStringLiteral("number");
    case IncidentQueueModel::TitleColumn:
        return QStringLiteral("title");
    case IncidentQueueModel::SeverityColumn:
        return QStringLiteral("severity");
    case IncidentQueueModel::StatusColumn:
        return QStringLiteral("status");
    case IncidentQueueModel::OwnerColumn:
        return QStringLiteral("owner");
    case IncidentQueueModel::ClassificationColumn:
        return QStringLiteral("classification");
    case IncidentQueueModel::ProviderColumn:
        return QStringLiteral("provider");
    case IncidentQueueModel::AlertsColumn:
        return QStringLiteral("alertCount");
    case IncidentQueueModel::TagsColumn:
        return QStringLiteral("tags");
    case IncidentQueueModel::CreatedColumn:
        return QStringLiteral("createdTime");
    case IncidentQueueModel::LastUpdatedColumn:
        return QStringLiteral("lastUpdateTime");
    case IncidentQueueModel::AgeColumn:
        return QStringLiteral("age"); // as shown: "3h 20m"
    case IncidentQueueModel::SlaColumn:
        return QStringLiteral("sla"); // as shown: "40m left", "Overdue 12m"
    case IncidentQueueModel::SyncStateColumn:
        return QStringLiteral("syncState");
    default:
        break;
    }
    return {};
}

/** The marks before a title: a dot for new, a diamond for changed (not told by colour alone). */
QIcon changeMarkIcon(IncidentQueueModel::ChangeMark mark)
{
    QIcon icon;
    for (const int size : {16, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        const qreal s = size;
        if (mark == IncidentQueueModel::ChangeMark::New) {
            painter.setBrush(QColor(0x0f, 0x6c, 0xbd));
            painter.drawEllipse(QRectF(s * 0.25, s * 0.25, s * 0.5, s * 0.5));
        } else {
            painter.setBrush(QColor(0xc2, 0x5a, 0x00));
            QPainterPath diamond;
            diamond.moveTo(s * 0.5, s * 0.2);
            diamond.lineTo(s * 0.8, s * 0.5);
            diamond.lineTo(s * 0.5, s * 0.8);
            diamond.lineTo(s * 0.2, s * 0.5);
            diamond.closeSubpath();
            painter.drawPath(diamond);
        }
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace

void MainWindow::createHabitActions()
{
    // Changes from a sync or an edit mark rows instead of moving them under the cursor.
    m_proxy->setKeepRowsInPlace(true);
    // The store knows what the analyst has seen; without it there is nothing to compare with.
    m_model->setChangeMarkIcons(changeMarkIcon(IncidentQueueModel::ChangeMark::New),
                                changeMarkIcon(IncidentQueueModel::ChangeMark::Changed));
    m_model->setTracksSeen(m_controller != nullptr);

    m_markAllSeen = new QAction(tr("&Mark all as seen"), this);
    m_markAllSeen->setObjectName(QStringLiteral("markAllSeen"));
    m_markAllSeen->setToolTip(tr("Take the new and changed marks off every incident"));
    connect(m_markAllSeen, &QAction::triggered, this, &MainWindow::markAllSeen);

    m_undoAction = new QAction(tr("&Undo"), this);
    m_undoAction->setObjectName(QStringLiteral("undoEdit"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setEnabled(false);
    connect(m_undoAction, &QAction::triggered, this, [this] { undoLastEdit(); });

    m_resort = new QAction(tr("&Re-sort the queue"), this);
    m_resort->setObjectName(QStringLiteral("resortQueue"));
    m_resort->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_R));
    m_resort->setToolTip(tr("Put the rows that changed in their place (Shift+R)"));
    connect(m_resort, &QAction::triggered, this, &MainWindow::resortQueue);

    m_cheatSheetAction = new QAction(tr("&Keyboard shortcuts"), this);
    m_cheatSheetAction->setObjectName(QStringLiteral("showCheatSheet"));
    m_cheatSheetAction->setShortcuts(
            {QKeySequence(Qt::Key_Question), QKeySequence(QKeySequence::HelpContents)});
    connect(m_cheatSheetAction, &QAction::triggered, this, [this] { showCheatSheet(); });
    // `?` on the detail pane's lists too (the queue's is watched where it is made).
    for (QAbstractItemView *view : m_detail->findChildren<QAbstractItemView *>())
        view->installEventFilter(this);

    m_paletteAction = new QAction(tr("&Command palette…"), this);
    m_paletteAction->setObjectName(QStringLiteral("showCommandPalette"));
    m_paletteAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    connect(m_paletteAction, &QAction::triggered, this, [this] { showCommandPalette(); });

    m_exportView = new QAction(tr("&Export view…"), this);
    m_exportView->setObjectName(QStringLiteral("exportView"));
    m_exportView->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportView->setToolTip(
            tr("Save the incidents the queue shows, as it shows them, to CSV or JSON"));
    connect(m_exportView, &QAction::triggered, this, &MainWindow::exportCurrentViewAs);

    for (QAction *action :
         {m_undoAction, m_resort, m_cheatSheetAction, m_paletteAction, m_exportView})
        addAction(action);

    m_resortHint = new QLabel(this);
    m_resortHint->setObjectName(QStringLiteral("resortHint"));
    m_resortHint->setTextFormat(Qt::PlainText);
    m_resortHint->setText(tr("Rows in italics have changed place · Shift+R sorts"));
    m_resortHint->setVisible(false);
    connect(m_proxy, &IncidentFilterProxyModel::resortPendingChanged, m_resortHint,
            &QWidget::setVisible);
}

void MainWindow::createHabitMenus(QMenu *vigil, QMenu *view)
{
    m_editMenu = new QMenu(tr("&Edit"), this);
    m_editMenu->setObjectName(QStringLiteral("editMenu"));
    menuBar()->insertMenu(view->menuAction(), m_editMenu);
    rebuildEditMenu();

    vigil->insertAction(vigil->actions().value(1), m_exportView);
    QMenu *theme = new QMenu(tr("T&heme"), vigil);
    theme->setObjectName(QStringLiteral("themeMenu"));
    auto *group = new QActionGroup(theme);
    const Theme chosen = themeFromKey(QSettings().value(QLatin1String(kThemeKey)).toString());
    for (Theme each : {Theme::System, Theme::Light, Theme::Dark, Theme::HighContrast}) {
        QAction *action = theme->addAction(themeLabel(each));
        action->setObjectName(QStringLiteral("theme-") + themeKey(each));
        action->setCheckable(true);
        action->setChecked(each == chosen);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, each] { setTheme(each); });
    }
    vigil->insertMenu(vigil->actions().value(2), theme);
    // "Follow the desktop" follows it while Vigil runs; Vigil's themes stay over its changes.
    followDesktop();
    if (chosen != Theme::System)
        applyTheme(chosen);

    view->addSeparator();
    view->addAction(m_resort);
    view->addAction(m_markAllSeen);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    help->addAction(m_cheatSheetAction);
    help->addAction(m_paletteAction);

    statusBar()->insertPermanentWidget(0, m_resortHint);
}

QAction *MainWindow::toolBarCopy(QAction *action)
{
    // The toolbar's button follows what it would act on (a merged incident cannot be edited,
    // as the detail pane's greyed buttons say); the key stays and explains a refusal.
    auto *copy = new QAction(action->icon(), action->text(), this);
    copy->setObjectName(action->objectName() + QStringLiteral("Button"));
    copy->setToolTip(action->toolTip());
    connect(copy, &QAction::triggered, action, &QAction::trigger);
    m_toolBarCopies.append(std::make_pair(copy, action));
    return copy;
}

void MainWindow::updateHabitActions()
{
    if (!m_undoAction)
        return;
    const bool queue = m_pages->currentWidget() == m_queuePage;
    bool editable = false;
    if (queue) {
        for (const qint64 number : selectedIncidentNumbers()) {
            const Incident *incident = incidentOf(number);
            editable = editable || (incident && !incident->isRedirected());
        }
    }
    for (const auto &[copy, action] : std::as_const(m_toolBarCopies))
        copy->setEnabled(action->isEnabled() && editable);
    m_undoAction->setEnabled(!m_undo.isEmpty());
    m_resort->setEnabled(queue);
    m_exportView->setEnabled(queue);
}

void MainWindow::rebuildEditMenu()
{
    if (!m_editMenu)
        return;
    m_editMenu->clear();
    const QList<TriageUndoStack::Entry> entries = m_undo.entries();
    m_undoAction->setText(entries.isEmpty()
                                  ? tr("&Undo")
                                  : tr("&Undo: %1").arg(entries.constFirst().description));
    m_undoAction->setEnabled(!entries.isEmpty());
    m_editMenu->addAction(m_undoAction);
    if (entries.size() > 1) {
        m_editMenu->addSection(tr("Then, with Ctrl+Z again"));
        for (qsizetype i = 1; i < std::min<qsizetype>(entries.size(), 10); ++i) {
            QAction *later = m_editMenu->addAction(entries.at(i).description);
            later->setObjectName(QStringLiteral("undoLater"));
            later->setEnabled(false);
        }
    }
}

bool MainWindow::undoLastEdit()
{
    std::optional<TriageUndoStack::Entry> entry
            = m_undo.take(m_analystUpn, QDateTime::currentDateTimeUtc());
    rebuildEditMenu();
    if (!entry)
        return false;
    QStringList refused;
    int sent = 0;
    for (const auto &[number, edit] : std::as_const(entry->reverts)) {
        const Incident *incident = incidentOf(number);
        if (!incident)
            continue;
        if (const Result<void> valid = validateEdit(*incident, edit); !valid) {
            refused << tr("#%1: %2").arg(number).arg(valid.error().message);
            continue;
        }
        // A new edit back to the values before: whether the first one is still in the outbox
        // or Defender has it, this one follows it.
        m_ownEdits.insert(number);
        Q_EMIT editRequested({number}, edit);
        ++sent;
    }
    if (!refused.isEmpty()) {
        showBanner(tr("Undo could not put everything back. %1")
                           .arg(refused.join(QStringLiteral("; "))),
                   false);
        m_bannerForSync = false;
    }
    statusBar()->showMessage(tr("Undone: %1").arg(entry->description), 6000);
    return sent > 0;
}

bool MainWindow::confirmReopen(const QList<qint64> &numbers, const TriageEdit &edit)
{
    if (numbers.size() < 2 || !edit.status || *edit.status == VigilStatus::Closed)
        return false;
    int closed = 0;
    for (const Incident &incident : incidentsOf(numbers))
        closed += vigilStatus(incident.status) == VigilStatus::Closed ? 1 : 0;
    if (closed == 0)
        return false;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Reopen closed incidents?"),
                                closed == 1 ? tr("1 of the %1 incidents is closed. This edit "
                                                 "reopens it.")
                                                      .arg(numbers.size())
                                            : tr("%1 of the %2 incidents are closed. This edit "
                                                 "reopens them.")
                                                      .arg(closed)
                                                      .arg(numbers.size()),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("reopenQuestion"));
    box->setTextFormat(Qt::PlainText);
    QPushButton *yes = box->addButton(closed == 1 ? tr("Reopen 1 incident")
                                                  : tr("Reopen %1 incidents").arg(closed),
                                      QMessageBox::AcceptRole);
    yes->setObjectName(QStringLiteral("reopenYes"));
    QPushButton *no = box->addButton(QMessageBox::Cancel);
    no->setObjectName(QStringLiteral("reopenNo"));
    box->setDefaultButton(no);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, yes, numbers, edit](QAbstractButton *b) {
        if (b == yes)
            sendEdit(numbers, edit);
    });
    box->open();
    return true;
}

QStringList MainWindow::knownTags() const
{
    QSet<QString> seen;
    QStringList tags;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        for (const QString &tag : m_model->incidentAt(row).customTags) {
            if (!seen.contains(tag)) {
                seen.insert(tag);
                tags.append(tag);
            }
        }
    }
    tags.sort(Qt::CaseInsensitive);
    return tags;
}

void MainWindow::noteSeen(const QList<qint64> &numbers, const QDateTime &at)
{
    if (!m_model->tracksSeen() || numbers.isEmpty() || !at.isValid())
        return;
    for (const qint64 number : numbers)
        m_model->markSeen(number, at);
    if (m_controller)
        m_controller->markSeen(numbers, at);
}

QList<std::pair<qint64, QDateTime>> MainWindow::seenInChanges(const QList<Incident> &incidents)
{
    QList<std::pair<qint64, QDateTime>> seen;
    if (!m_model->tracksSeen())
        return seen;
    for (const Incident &incident : incidents) {
        if (incident.number == m_detailNumber) {
            // Open in the detail pane: the analyst sees the change as it comes.
            seen.append({incident.number,
                         std::max(QDateTime::currentDateTimeUtc(), incident.lastUpdateTime)});
            continue;
        }
        if (!m_ownEdits.contains(incident.number) || incident.syncState == SyncState::Pending)
            continue;
        // The analyst's own edit came back from Defender: no news, unless there was before.
        m_ownEdits.remove(incident.number);
        const int row = m_model->rowOfNumber(incident.number);
        if (row >= 0 && incident.syncState == SyncState::Synced
            && m_model->changeMarkAt(row) == IncidentQueueModel::ChangeMark::None)
            seen.append({incident.number, incident.lastUpdateTime});
    }
    return seen;
}

void MainWindow::markAllSeen()
{
    QList<qint64> numbers;
    QDateTime at = QDateTime::currentDateTimeUtc();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->changeMarkAt(row) == IncidentQueueModel::ChangeMark::None)
            continue;
        numbers.append(m_model->incidentAt(row).number);
        at = std::max(at, m_model->incidentAt(row).lastUpdateTime);
    }
    noteSeen(numbers, at);
}

void MainWindow::resortQueue()
{
    m_proxy->resort();
    if (m_queue->currentIndex().isValid())
        m_queue->scrollTo(m_queue->currentIndex());
}

QDialog *MainWindow::showCheatSheet()
{
    if (m_cheatSheet)
        m_cheatSheet->close();
    m_cheatSheet = new CheatSheet(this);
    m_cheatSheet->show();
    return m_cheatSheet;
}

QDialog *MainWindow::showCommandPalette()
{
    if (m_palette)
        m_palette->close();
    auto *palette = new CommandPalette(this);
    m_palette = palette;
    palette->show();
    palette->filterEdit()->setFocus(Qt::ShortcutFocusReason);
    return palette;
}

void MainWindow::setTheme(Theme theme)
{
    QSettings().setValue(QLatin1String(kThemeKey), themeKey(theme));
    applyTheme(theme);
    if (auto *menu = findChild<QMenu *>(QStringLiteral("themeMenu"))) {
        for (QAction *action : menu->actions())
            action->setChecked(action->objectName() == QStringLiteral("theme-") + themeKey(theme));
    }
}

void MainWindow::exportCurrentViewAs()
{
    // Where and as what the last export went: the next one starts there.
    QSettings settings;
    const bool json
            = settings.value(QLatin1String(kExportFormatKey)).toString() == QLatin1String("json");
    QString folder = settings.value(QLatin1String(kExportFolderKey)).toString();
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString csvFilter = tr("CSV (*.csv)");
    const QString jsonFilter = tr("JSON (*.json)");

    auto *dialog = new QFileDialog(this, tr("Export view"), folder);
    dialog->setObjectName(QStringLiteral("exportViewDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->setNameFilters({csvFilter, jsonFilter});
    dialog->selectNameFilter(json ? jsonFilter : csvFilter);
    dialog->setDefaultSuffix(json ? QStringLiteral("json") : QStringLiteral("csv"));
    const QString stem = QStringLiteral("incidents-%1")
                                 .arg(QDate::currentDate().toString(QStringLiteral("yyyy-MM-dd")));
    dialog->selectFile(stem + (json ? QStringLiteral(".json") : QStringLiteral(".csv")));
    // The format chosen in the dialog is the file's: the name's ending follows it (a name
    // without one gets it on saving).
    connect(dialog, &QFileDialog::filterSelected, dialog, [dialog, jsonFilter](const QString &f) {
        const bool toJson = f == jsonFilter;
        const QString suffix = toJson ? QStringLiteral("json") : QStringLiteral("csv");
        dialog->setDefaultSuffix(suffix);
        const QString name = QFileInfo(dialog->selectedFiles().value(0)).fileName();
        const QString other = toJson ? QStringLiteral(".csv") : QStringLiteral(".json");
        if (name.endsWith(other, Qt::CaseInsensitive))
            dialog->selectFile(name.chopped(other.size()) + QLatin1Char('.') + suffix);
    });
    connect(dialog, &QFileDialog::fileSelected, this, [this, dialog, jsonFilter](const QString &p) {
        QString target = p;
        const bool asJson = dialog->selectedNameFilter() == jsonFilter;
        if (!target.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)
            && !target.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
            target += asJson ? QStringLiteral(".json") : QStringLiteral(".csv");
        QSettings remember;
        remember.setValue(QLatin1String(kExportFolderKey), QFileInfo(target).absolutePath());
        remember.setValue(QLatin1String(kExportFormatKey),
                          target.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)
                                  ? QStringLiteral("json")
                                  : QStringLiteral("csv"));
        if (exportCurrentView(target))
            statusBar()->showMessage(tr("View saved to %1").arg(target), 6000);
    });
    dialog->open();
}

bool MainWindow::exportCurrentView(const QString &path)
{
    // The visible columns, in the order the header shows them.
    const QHeaderView *header = m_queue->header();
    QList<int> columns;
    QStringList keys;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int column = header->logicalIndex(visual);
        if (header->isSectionHidden(column))
            continue;
        QString key = exportKey(column);
        if (key.isEmpty()) // a column added later: its header names it
            key = m_model->headerData(column, Qt::Horizontal).toString();
        columns.append(column);
        keys.append(key);
    }
    const bool json = path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
    QJsonArray rows;
    QStringList lines;
    if (!json)
        lines.append(incidentToCsvLine(
                [&] {
                    QJsonObject names;
                    for (const QString &key : std::as_const(keys))
                        names.insert(key, key);
                    return names;
                }(),
                keys));
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex first = m_proxy->index(row, 0);
        const Incident incident = first.data(IncidentQueueModel::IncidentRole).value<Incident>();
        const QJsonObject all = incidentToJson(incident, {});
        QJsonObject out;
        for (qsizetype i = 0; i < columns.size(); ++i) {
            const QString &key = keys.at(i);
            if (all.contains(key))
                out.insert(key, all.value(key));
            else
                out.insert(key, m_proxy->index(row, columns.at(i)).data().toString());
            if (key == QLatin1String("classification") && all.contains(key)) {
                out.insert(QStringLiteral("classificationReason"),
                           all.value(QStringLiteral("classificationReason")));
                out.insert(QStringLiteral("determination"),
                           all.value(QStringLiteral("determination")));
            }
        }
        if (json)
            rows.append(out);
        else
            lines.append(incidentToCsvLine(out, keys));
    }
    QSaveFile file(path);
    const QByteArray bytes = json ? QJsonDocument(rows).toJson(QJsonDocument::Indented)
                                  : lines.join(QStringLiteral("\r\n")).toUtf8() + "\r\n";
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        showBanner(tr("The view could not be saved to %1: %2").arg(path, file.errorString()),
                   false);
        m_bannerForSync = false;
        return false;
    }
    return true;
}

} // namespace Vigil
