#include "mainwindow.h"

#include "incidentfilterproxymodel.h"
#include "incidentqueuemodel.h"

#include <QAction>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>
#include <QSaveFile>
#include <QSettings>
#include <QSignalBlocker>
#include <QStatusBar>
#include <QTreeView>

// MainWindow, saved views: name + filter + sort keys + visible columns, switched with Ctrl+1..9
// from the View menu, exported to and imported from JSON files, and the queue as it was left
// restored at the next start.

namespace Vigil {

namespace {

constexpr char kLastViewKey[] = "queue/lastView";
/** Views past the ninth are in the menu without a key. */
constexpr int kViewKeys = 9;

} // namespace

SavedView MainWindow::currentView(const QString &name) const
{
    SavedView view;
    view.name = name;
    view.filter = m_quickFilter->text();
    view.sort = m_proxy->sortKeys();
    const QHeaderView *header = m_queue->header();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int column = header->logicalIndex(visual);
        if (!header->isSectionHidden(column))
            view.columns.append(column);
    }
    return view;
}

void MainWindow::applyView(const SavedView &view)
{
    QHeaderView *header = m_queue->header();
    if (!view.columns.isEmpty()) {
        // Visible columns in the view's order, then the hidden ones where they were.
        for (int column = 0; column < IncidentQueueModel::ColumnCount; ++column)
            header->setSectionHidden(column, !view.columns.contains(column));
        for (qsizetype i = 0; i < view.columns.size(); ++i)
            header->moveSection(header->visualIndex(view.columns.at(i)), int(i));
    }
    if (!view.sort.isEmpty()) {
        {
            // The header's indicator follows the first key; its signal would sort by that key
            // alone.
            const QSignalBlocker blocker(header);
            header->setSortIndicator(view.sort.first().first, view.sort.first().second);
        }
        m_proxy->setSortKeys(view.sort);
        header->viewport()->update();
    }
    m_quickFilter->setText(view.filter);
    if (!view.name.isEmpty())
        statusBar()->showMessage(tr("View: %1").arg(view.name), 4000);
}

void MainWindow::createViewsMenu(QMenu *menu)
{
    // Further sort keys from the keyboard (the mouse has Shift+click on a header).
    QMenu *thenBy = menu->addMenu(tr("&Then sort by"));
    thenBy->setObjectName(QStringLiteral("thenSortByMenu"));
    for (int column = 0; column < IncidentQueueModel::ColumnCount; ++column) {
        const QString tip = m_model->headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString();
        QAction *action = thenBy->addAction(
                tip.isEmpty() ? m_model->headerData(column, Qt::Horizontal).toString() : tip);
        action->setObjectName(QStringLiteral("thenSortBy%1").arg(column));
        connect(action, &QAction::triggered, this, [this, column] {
            m_proxy->addSortKey(column);
            const QList<IncidentFilterProxyModel::SortKey> keys = m_proxy->sortKeys();
            const QSignalBlocker blocker(m_queue->header());
            m_queue->header()->setSortIndicator(keys.value(0).first, keys.value(0).second);
        });
    }
    m_views.load();
    m_viewsMenu = menu->addMenu(tr("Saved vie&ws"));
    m_viewsMenu->setObjectName(QStringLiteral("savedViewsMenu"));
    rebuildViewsMenu();
}

void MainWindow::rebuildViewsMenu()
{
    if (!m_viewsMenu)
        return;
    // The key actions live on the window so that Ctrl+N works with the menu closed.
    for (QAction *old : m_viewsMenu->actions()) {
        removeAction(old);
        old->deleteLater();
    }
    m_viewsMenu->clear();
    const auto add
            = [this](const QString &text, const char *name, const QKeySequence &key, auto slot) {
                  QAction *action = m_viewsMenu->addAction(text);
                  action->setObjectName(QLatin1String(name));
                  action->setShortcut(key);
                  connect(action, &QAction::triggered, this, slot);
                  addAction(action);
                  return action;
              };
    add(tr("&Save current view…"), "saveView", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
        [this] { saveViewAs(); });
    add(tr("&Default view"), "defaultView", QKeySequence(Qt::CTRL | Qt::Key_0), [this] {
        SavedView view;
        QHeaderView *header = m_queue->header();
        header->restoreState(m_defaultHeaderState);
        view.sort = {{header->sortIndicatorSection(), header->sortIndicatorOrder()}};
        applyView(view);
    });
    const QList<SavedView> &views = m_views.views();
    if (!views.isEmpty())
        m_viewsMenu->addSeparator();
    for (qsizetype i = 0; i < views.size(); ++i) {
        const SavedView view = views.at(i);
        QAction *action = m_viewsMenu->addAction(view.name);
        action->setObjectName(QStringLiteral("savedView%1").arg(i + 1));
        action->setToolTip(view.filter);
        if (i < kViewKeys)
            action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + int(i))));
        connect(action, &QAction::triggered, this, [this, view] { applyView(view); });
        addAction(action);
    }
    m_viewsMenu->addSeparator();
    QAction *rename = add(tr("&Rename view…"), "renameView", {}, [this] { renameView(); });
    QAction *remove = add(tr("D&elete view…"), "deleteView", {}, [this] { deleteView(); });
    QAction *exportAll = add(tr("E&xport views…"), "exportViews", {}, [this] {
        const QString path = QFileDialog::getSaveFileName(
                this, tr("Export views"), tr("vigil-views.json"), tr("Vigil views (*.json)"));
        if (!path.isEmpty() && exportViews(path))
            statusBar()->showMessage(tr("Views exported to %1").arg(path), 6000);
    });
    add(tr("&Import views…"), "importViews", {}, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import views"), {},
                                                          tr("Vigil views (*.json)"));
        if (path.isEmpty())
            return;
        const int count = importViews(path);
        if (count >= 0)
            statusBar()->showMessage(tr("%n view(s) imported", nullptr, count), 6000);
    });
    for (QAction *action : {rename, remove, exportAll})
        action->setEnabled(!views.isEmpty());
}

void MainWindow::saveViewAs()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save view"),
                                               tr("Name of the view (an existing name is "
                                                  "replaced):"),
                                               QLineEdit::Normal, {}, &ok)
                                 .trimmed();
    if (!ok || name.isEmpty())
        return;
    m_views.save(currentView(name));
    m_views.store();
    rebuildViewsMenu();
}

void MainWindow::renameView()
{
    QStringList names;
    for (const SavedView &view : m_views.views())
        names.append(view.name);
    bool ok = false;
    const QString from
            = QInputDialog::getItem(this, tr("Rename view"), tr("View:"), names, 0, false, &ok);
    if (!ok || from.isEmpty())
        return;
    const QString to = QInputDialog::getText(this, tr("Rename view"), tr("New name:"),
                                             QLineEdit::Normal, from, &ok);
    if (!ok)
        return;
    if (!m_views.rename(from, to)) {
        showBanner(tr("The view could not be renamed: the new name is empty or taken."), false);
        return;
    }
    m_views.store();
    rebuildViewsMenu();
}

void MainWindow::deleteView()
{
    QStringList names;
    for (const SavedView &view : m_views.views())
        names.append(view.name);
    bool ok = false;
    const QString name = QInputDialog::getItem(this, tr("Delete view"), tr("View to delete:"),
                                               names, 0, false, &ok);
    if (!ok || !m_views.remove(name))
        return;
    m_views.store();
    rebuildViewsMenu();
}

bool MainWindow::exportViews(const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_views.toJson()) < 0 || !file.commit()) {
        showBanner(tr("The views could not be written to %1: %2").arg(path, file.errorString()),
                   false);
        return false;
    }
    return true;
}

int MainWindow::importViews(const QString &path)
{
    QFile file(path);
    // A views file is small; anything much larger is not one.
    if (!file.open(QIODevice::ReadOnly) || file.size() > qint64(4) * 1024 * 1024) {
        showBanner(tr("%1 could not be read as a views file.").arg(path), false);
        return -1;
    }
    QString error;
    const auto views = SavedViews::fromJson(file.readAll(), &error);
    if (!views) {
        showBanner(tr("%1: %2").arg(path, error), false);
        return -1;
    }
    const int count = m_views.merge(*views);
    m_views.store();
    rebuildViewsMenu();
    return count;
}

void MainWindow::saveQueueView() const
{
    QSettings settings;
    settings.setValue(QLatin1String(kLastViewKey),
                      SavedViews::viewToJson(currentView(QStringLiteral("last"))));
}

void MainWindow::restoreQueueView()
{
    m_proxy->setAnalyst(m_analystUpn);
    QSettings settings;
    const auto view
            = SavedViews::viewFromJson(settings.value(QLatin1String(kLastViewKey)).toByteArray());
    if (!view)
        return;
    SavedView last = *view;
    last.name.clear();
    // Columns come from the header state restored before; the filter and the sort keys here.
    last.columns.clear();
    applyView(last);
}

} // namespace Vigil
