#include "mainwindow.h"

#include "filterchips.h"
#include "incidentdetailview.h"
#include "incidentfilterproxymodel.h"
#include "incidentqueuemodel.h"
#include "synccontroller.h"
#include "titlecolumnfitter.h"

#include <QAction>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMouseEvent>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

// MainWindow, the queue: its view, the selection and the keys that move and extend it, the
// header menu, and the detail requests that follow the current row.

namespace Vigil {

namespace {

/**
 * The queue's list: it moves through rows, so following the current row scrolls up and down
 * only. Scrolled sideways to the columns right of the title (a narrow window shows the title
 * readable and the rest by scrolling), j/k, the arrows and a click keep those columns in view
 * instead of jumping back to the left edge.
 */
class QueueView : public QTreeView
{
public:
    using QTreeView::QTreeView;

    void scrollTo(const QModelIndex &index, ScrollHint hint = EnsureVisible) override
    {
        QScrollBar *sideways = horizontalScrollBar();
        const int x = sideways->value();
        QTreeView::scrollTo(index, hint);
        sideways->setValue(x);
    }
};

} // namespace

void MainWindow::createQueue(QWidget *parent)
{
    auto *pane = new QWidget(parent);
    pane->setObjectName(QStringLiteral("queuePane"));
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    m_quickFilter = new QLineEdit(pane);
    m_quickFilter->setObjectName(QStringLiteral("quickFilter"));
    m_quickFilter->setAccessibleName(tr("Quick filter"));
    m_quickFilter->setPlaceholderText(
            tr("Filter: words, host names, severity:high status:new,active owner:me age:<4h  "
               "( / )"));
    m_quickFilter->setToolTip(
            tr("Words match the number, title, owner, tags, alert titles and evidence names.\n"
               "Fields: severity, status, classification, owner (me, none), tag, provider (m365d, "
               "rule), product (MDE, MDI, MDO, MCAS, …), age and updated (<4h, >2d), has "
               "(duplicate, comment, conflict, pending, error, merged).\n"
               "Terms combine with AND; a comma is OR within a field; -term excludes; "
               "\"quotes\" keep a phrase together."));
    m_quickFilter->setClearButtonEnabled(true);
    m_quickFilter->installEventFilter(this);
    new FilterCompleter(m_quickFilter);
    connect(m_quickFilter, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_proxy->setQuickFilterText(text); });
    layout->addWidget(m_quickFilter);

    m_filterChips = new FilterChips(pane);
    connect(m_filterChips, &FilterChips::removeRequested, this,
            [this](int term) { m_quickFilter->setText(m_proxy->query().textWithoutTerm(term)); });
    layout->addWidget(m_filterChips);
    m_filterMessage = new QLabel(pane);
    m_filterMessage->setObjectName(QStringLiteral("filterMessage"));
    m_filterMessage->setTextFormat(Qt::PlainText);
    m_filterMessage->setWordWrap(true);
    m_filterMessage->setForegroundRole(QPalette::PlaceholderText);
    m_filterMessage->setVisible(false);
    layout->addWidget(m_filterMessage);

    m_queue = new QueueView(pane);
    m_queue->setObjectName(QStringLiteral("incidentQueue"));
    m_queue->setAccessibleName(tr("Incident queue"));
    m_queue->setModel(m_proxy);
    m_queue->setRootIsDecorated(false);
    m_queue->setItemsExpandable(false);
    m_queue->setUniformRowHeights(true);
    m_queue->setAllColumnsShowFocus(true);
    m_queue->setAlternatingRowColors(true);
    m_queue->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_queue->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_queue->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_queue->setTextElideMode(Qt::ElideRight);
    m_queue->setSortingEnabled(true);

    QHeaderView *header = m_queue->header();
    header->setSectionsMovable(true);
    header->setStretchLastSection(false);
    header->setHighlightSections(false);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, &MainWindow::showHeaderMenu);
    const int em = m_queue->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    const int digit = m_queue->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    const auto width = [this](int column, int pixels) { m_queue->setColumnWidth(column, pixels); };
    width(IncidentQueueModel::NumberColumn, digit * 6 + 16);
    width(IncidentQueueModel::TitleColumn, em * 24);
    // Wide enough for the longest labels, with the severity icon.
    const QFontMetrics metrics = m_queue->fontMetrics();
    width(IncidentQueueModel::SeverityColumn,
          metrics.horizontalAdvance(QStringLiteral("Informational")) + metrics.height() + 20);
    // "Active · awaiting action" is rare; it is elided and its tooltip has the whole text.
    width(IncidentQueueModel::StatusColumn,
          metrics.horizontalAdvance(QStringLiteral("Active")) * 2);
    width(IncidentQueueModel::OwnerColumn, em * 10);
    width(IncidentQueueModel::ClassificationColumn, em * 14);
    width(IncidentQueueModel::ProviderColumn,
          metrics.horizontalAdvance(QStringLiteral("Microsoft 365 Defender")) + 16);
    // Wide enough for "150+" and for the translated header.
    width(IncidentQueueModel::AlertsColumn,
          std::max(digit * 5,
                   metrics.horizontalAdvance(
                           m_model->headerData(IncidentQueueModel::AlertsColumn, Qt::Horizontal)
                                   .toString()))
                  + 24);
    width(IncidentQueueModel::TagsColumn, em * 10);
    width(IncidentQueueModel::CreatedColumn, digit * 16 + 16);
    width(IncidentQueueModel::LastUpdatedColumn, digit * 16 + 16);
    // Icon and word: the state is never shown by colour alone.
    int syncWidth = 0;
    for (SyncState state :
         {SyncState::Synced, SyncState::Pending, SyncState::Conflict, SyncState::Error})
        syncWidth = std::max(syncWidth,
                             metrics.horizontalAdvance(IncidentQueueModel::syncStateLabel(state)));
    width(IncidentQueueModel::SyncStateColumn, syncWidth + metrics.height() + 24);
    width(IncidentQueueModel::AgeColumn, digit * 6 + 16);
    {
        // Overdue is written in bold.
        QFont bold = m_queue->font();
        bold.setBold(true);
        width(IncidentQueueModel::SlaColumn,
              QFontMetrics(bold).horizontalAdvance(QStringLiteral("Overdue 99d 23h")) + 16);
    }
    width(IncidentQueueModel::PresenceColumn, em * 14);
    new TitleColumnFitter(m_queue, IncidentQueueModel::TitleColumn);
    header->setMinimumSectionSize(digit * 4);
    // Less-used columns start hidden; the header's context menu shows them.
    m_queue->setColumnHidden(IncidentQueueModel::ClassificationColumn, true);
    m_queue->setColumnHidden(IncidentQueueModel::CreatedColumn, true);
    m_queue->setColumnHidden(IncidentQueueModel::TagsColumn, true);
    m_queue->setColumnHidden(IncidentQueueModel::AgeColumn, true);
    // Who else is on an incident: a team database's column (setTeamController() shows it).
    m_queue->setColumnHidden(IncidentQueueModel::PresenceColumn, true);
    m_queue->sortByColumn(IncidentQueueModel::LastUpdatedColumn, Qt::DescendingOrder);
    m_defaultHeaderState = header->saveState();

    connect(m_queue->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { onCurrentRowChanged(); });
    connect(m_queue->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { updateActions(); });
    // A plain click starts over: the marks made with x are gone, j/k select again.
    m_queue->viewport()->installEventFilter(this);
    // `?` as the keyboard types it (see isCheatSheetKey()).
    m_queue->installEventFilter(this);
    connect(m_queue, &QAbstractItemView::activated, this, [this] {
        if (auto *alerts = m_detail->findChild<QWidget *>(QStringLiteral("alertList")))
            alerts->setFocus(Qt::OtherFocusReason);
    });
    layout->addWidget(m_queue, 1);

    // Shift+click on a header adds a further sort key (see IncidentFilterProxyModel).
    header->viewport()->installEventFilter(this);
    m_emptyState = new QLabel(m_queue->viewport());
    m_emptyState->setObjectName(QStringLiteral("queueEmptyState"));
    m_emptyState->setTextFormat(Qt::PlainText);
    m_emptyState->setWordWrap(true);
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setForegroundRole(QPalette::PlaceholderText);
    m_emptyState->setVisible(false);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, [this] { updateFilterFeedback(); });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] { updateFilterFeedback(); });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] { updateFilterFeedback(); });
    connect(this, &MainWindow::analystUpnChanged, m_proxy, &IncidentFilterProxyModel::setAnalyst);

    // The count follows every change of what the proxy shows.
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] { updateCountLabel(); });
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, [this] { updateCountLabel(); });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] { updateCountLabel(); });
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, [this] { updateCountLabel(); });
    connect(m_proxy, &IncidentFilterProxyModel::filterChanged, this, [this] {
        updateFilterFeedback();
        // Keep the incident in the detail pane selected when it is still shown.
        if (m_detailNumber && !m_queue->currentIndex().isValid()) {
            const QModelIndex index = proxyIndexOfNumber(m_detailNumber);
            if (index.isValid())
                m_queue->selectionModel()->setCurrentIndex(
                        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        }
    });

    if (auto *splitter = qobject_cast<QSplitter *>(parent))
        splitter->addWidget(pane);
}

void MainWindow::updateFilterFeedback()
{
    m_filterChips->setQuery(m_proxy->query());
    const QString &error = m_proxy->filterError();
    m_filterMessage->setText(error.isEmpty() ? QString() : tr("Not applied: %1").arg(error));
    m_filterMessage->setVisible(!error.isEmpty());
    // The empty state says why nothing shows: which term removed the last incidents.
    const bool empty = m_proxy->rowCount() == 0 && m_model->rowCount() > 0;
    if (empty) {
        const QString why = m_proxy->emptyExplanation();
        m_emptyState->setText(why.isEmpty() ? tr("No incident matches the filter.")
                                            : why + QLatin1Char('\n')
                                                      + tr("Remove that term, or press Esc in "
                                                           "the filter to clear it."));
        m_emptyState->setGeometry(m_queue->viewport()->rect().adjusted(16, 16, -16, -16));
    }
    m_emptyState->setVisible(empty);
}

QModelIndex MainWindow::proxyIndexOfNumber(qint64 number) const
{
    const int row = m_model->rowOfNumber(number);
    if (row < 0)
        return {};
    return m_proxy->mapFromSource(m_model->index(row, 0));
}

const Incident *MainWindow::incidentOf(qint64 number) const
{
    const int row = m_model->rowOfNumber(number);
    return row < 0 ? nullptr : &m_model->incidentAt(row);
}

qint64 MainWindow::currentIncidentNumber() const
{
    return m_detailNumber;
}

bool MainWindow::selectIncident(qint64 number)
{
    if (m_model->rowOfNumber(number) < 0)
        return false;
    QModelIndex index = proxyIndexOfNumber(number);
    if (!index.isValid()) {
        m_quickFilter->clear();
        index = proxyIndexOfNumber(number);
    }
    if (!index.isValid())
        return false;
    m_queue->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect
                                                              | QItemSelectionModel::Rows);
    m_queue->scrollTo(index, QAbstractItemView::PositionAtCenter);
    return true;
}

bool MainWindow::selectFirstIncidentWithMoreAlertsThan(int n)
{
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        if (index.data(IncidentQueueModel::AlertCountRole).toInt() > n)
            return selectIncident(index.data(IncidentQueueModel::NumberRole).toLongLong());
    }
    return false;
}

void MainWindow::selectNextIncident()
{
    moveSelection(1);
}

void MainWindow::selectPreviousIncident()
{
    moveSelection(-1);
}

void MainWindow::moveSelection(int delta)
{
    const int rows = m_proxy->rowCount();
    if (rows == 0)
        return;
    const QModelIndex current = m_queue->currentIndex();
    int row = current.isValid() ? current.row() + delta : (delta > 0 ? 0 : rows - 1);
    row = std::clamp(row, 0, rows - 1);
    const QModelIndex index = m_proxy->index(row, 0);
    m_queue->selectionModel()->setCurrentIndex(
            index, m_marking ? QItemSelectionModel::NoUpdate
                             : QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_queue->scrollTo(index);
}

void MainWindow::onCurrentRowChanged()
{
    const QModelIndex current = m_queue->currentIndex();
    const qint64 number
            = current.isValid() ? current.data(IncidentQueueModel::NumberRole).toLongLong() : 0;
    if (number == 0 || number == m_detailNumber) {
        updateActions();
        return;
    }
    m_detailNumber = number;
    m_detailAllAlerts = false;
    if (const Incident *incident = incidentOf(number))
        m_detail->showIncident(*incident);
    m_detailTimer.start();
    updateActions();
}

void MainWindow::requestDetail()
{
    if (!m_detailNumber)
        return;
    // Opened: what it shows now is seen.
    if (const Incident *incident = incidentOf(m_detailNumber))
        noteSeen({m_detailNumber},
                 std::max(QDateTime::currentDateTimeUtc(), incident->lastUpdateTime));
    Q_EMIT detailRequested(m_detailNumber, m_detailAllAlerts);
    if (m_controller)
        m_controller->requestDetail(m_detailNumber, m_detailAllAlerts);
}

void MainWindow::showHeaderMenu(const QPoint &pos)
{
    QHeaderView *header = m_queue->header();
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("columnChooser"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    int visible = 0;
    for (int column = 0; column < IncidentQueueModel::ColumnCount; ++column)
        visible += header->isSectionHidden(column) ? 0 : 1;
    for (int column = 0; column < IncidentQueueModel::ColumnCount; ++column) {
        const QString name
                = m_model->headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty()
                          ? m_model->headerData(column, Qt::Horizontal).toString()
                          : m_model->headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString();
        QAction *action = menu->addAction(name);
        action->setObjectName(QStringLiteral("column%1").arg(column));
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        // The title always stays, and so does the last visible column.
        action->setEnabled(column != IncidentQueueModel::TitleColumn
                           && !(visible == 1 && action->isChecked()));
        connect(action, &QAction::toggled, this,
                [this, column](bool on) { m_queue->setColumnHidden(column, !on); });
    }
    menu->addSeparator();
    QAction *reset = menu->addAction(tr("Reset columns"));
    reset->setObjectName(QStringLiteral("resetColumns"));
    connect(reset, &QAction::triggered, this, [this] {
        m_queue->header()->restoreState(m_defaultHeaderState);
        m_queue->sortByColumn(m_queue->header()->sortIndicatorSection(),
                              m_queue->header()->sortIndicatorOrder());
    });
    menu->popup(header->viewport()->mapToGlobal(pos));
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    // The filter box's completer is made before the queue view.
    if (!m_queue)
        return QMainWindow::eventFilter(watched, event);
    if (event->type() == QEvent::KeyPress && isCheatSheetKey(watched, event)) {
        m_cheatSheetAction->trigger();
        return true;
    }
    if ((watched == m_pendingCount || watched == m_pendingIcon)
        && event->type() == QEvent::MouseButtonRelease
        && static_cast<QMouseEvent *>(event)->button() == Qt::LeftButton) {
        showOutboxPage();
        return true;
    }
    if (watched == m_queue->viewport() && event->type() == QEvent::MouseButtonPress) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (!(mouse->modifiers() & (Qt::ControlModifier | Qt::ShiftModifier)))
            m_marking = false;
        return false;
    }
    if (watched == m_queue->viewport() && event->type() == QEvent::Resize && m_emptyState)
        m_emptyState->setGeometry(m_queue->viewport()->rect().adjusted(16, 16, -16, -16));
    if (watched == m_queue->header()->viewport() && event->type() == QEvent::MouseButtonPress) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton && (mouse->modifiers() & Qt::ShiftModifier)) {
            const int column = m_queue->header()->logicalIndexAt(mouse->position().toPoint());
            if (column >= 0) {
                m_proxy->addSortKey(column);
                const QList<IncidentFilterProxyModel::SortKey> keys = m_proxy->sortKeys();
                // The indicator shows the first key; its signal would sort by it alone.
                const QSignalBlocker blocker(m_queue->header());
                m_queue->header()->setSortIndicator(keys.value(0).first, keys.value(0).second);
                m_queue->header()->viewport()->update();
                return true;
            }
        }
        return false;
    }
    if (watched == m_quickFilter
        && (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape && key->modifiers() == Qt::NoModifier) {
            if (event->type() == QEvent::ShortcutOverride) {
                event->accept();
                return true;
            }
            if (!m_quickFilter->text().isEmpty())
                m_quickFilter->clear();
            else
                m_queue->setFocus(Qt::ShortcutFocusReason);
            return true;
        }
        if (event->type() == QEvent::KeyPress
            && (key->key() == Qt::Key_Down || key->key() == Qt::Key_Return
                || key->key() == Qt::Key_Enter)) {
            // Down or Enter in the filter continue in the (filtered) queue.
            m_queue->setFocus(Qt::ShortcutFocusReason);
            if (!m_queue->currentIndex().isValid())
                moveSelection(1);
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

bool MainWindow::isCheatSheetKey(QObject *watched, QEvent *event) const
{
    // A `?` typed on a list: the shortcut `?` matches it only where the platform's key map takes
    // off the Shift that makes the character (Shift+/ on US keyboards, Shift+ß on German ones,
    // Shift+, on French ones). Elsewhere the key arrives as Shift+? and the list would search
    // for a row starting with "?". Text fields never get here: they are not watched.
    if (!m_cheatSheetAction || !m_cheatSheetAction->isEnabled())
        return false;
    const auto *view = qobject_cast<QAbstractItemView *>(watched);
    if (!view || (view != m_queue && !m_detail->isAncestorOf(view)))
        return false;
    const auto *key = static_cast<QKeyEvent *>(event);
    return key->text() == QLatin1String("?")
           && !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier));
}

void MainWindow::toggleCurrentSelection()
{
    const QModelIndex current = m_queue->currentIndex();
    if (!current.isValid())
        return;
    QItemSelectionModel *selection = m_queue->selectionModel();
    const bool onlyCursor = selection->selectedRows().size() == 1
                            && selection->isRowSelected(current.row(), current.parent());
    if (!m_marking && onlyCursor) {
        // The row is highlighted only because the cursor is on it: x marks it, so that it stays
        // selected while j/k move on.
        m_marking = true;
        return;
    }
    m_marking = true;
    selection->select(current, QItemSelectionModel::Toggle | QItemSelectionModel::Rows);
}

void MainWindow::extendSelectionDown()
{
    extendSelection(1);
}

void MainWindow::extendSelectionUp()
{
    extendSelection(-1);
}

void MainWindow::extendSelection(int delta)
{
    const QModelIndex current = m_queue->currentIndex();
    if (!current.isValid()) {
        moveSelection(delta);
        return;
    }
    QItemSelectionModel *selection = m_queue->selectionModel();
    // A new extension starts at the cursor and keeps what was selected before it.
    if (!m_extendAnchor.isValid() || m_extendEnd != QPersistentModelIndex(current)) {
        m_extendAnchor = current;
        m_extendBase = selection->selection();
        if (!selection->isRowSelected(current.row(), current.parent()))
            m_extendBase.select(current, current);
    }
    const int row = std::clamp(current.row() + delta, 0, m_proxy->rowCount() - 1);
    const QModelIndex next = m_proxy->index(row, 0);
    QItemSelection extended = m_extendBase;
    const int first = std::min(m_extendAnchor.row(), row);
    const int last = std::max(m_extendAnchor.row(), row);
    extended.merge(QItemSelection(m_proxy->index(first, 0), m_proxy->index(last, 0)),
                   QItemSelectionModel::Select);
    selection->setCurrentIndex(next, QItemSelectionModel::NoUpdate);
    selection->select(extended, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_extendEnd = next;
    m_queue->scrollTo(next);
}

} // namespace Vigil
