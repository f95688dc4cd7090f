#include "huntingresultview.h"

#include "huntingresultmodel.h"

#include "displaytext.h"
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMenu>
#include <QMouseEvent>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Vigil {

namespace {

constexpr int kMaxTreeItems = 5000;

QString scalarText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 17);
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array:
        return HuntingResultView::tr("[%n item(s)]", nullptr, int(value.toArray().size()));
    case QJsonValue::Object:
        return HuntingResultView::tr("{%n propert(y/ies)}", nullptr, int(value.toObject().size()));
    default:
        return {};
    }
}

void addJson(QTreeWidgetItem *parent, const QString &key, const QJsonValue &value, int *budget)
{
    if (--*budget < 0)
        return;
    auto *item = new QTreeWidgetItem(parent, {key, scalarText(value)});
    item->setToolTip(1, value.isString() ? plainToolTip(value.toString()) : QString());
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            addJson(item, it.key(), it.value(), budget);
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            addJson(item, QStringLiteral("[%1]").arg(i), array[i], budget);
    }
}

} // namespace

HuntingResultView::HuntingResultView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("huntingResultView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    auto *bar = new QHBoxLayout;
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("resultFilter"));
    m_filter->setPlaceholderText(tr("Filter the rows shown…"));
    m_filter->setAccessibleName(tr("Filter the result rows"));
    m_filter->setClearButtonEnabled(true);
    bar->addWidget(m_filter, 1);
    m_exportCsv = new QAction(tr("Export CSV…"), this);
    m_exportCsv->setObjectName(QStringLiteral("exportCsv"));
    m_exportCsv->setToolTip(tr("Save the rows shown as CSV"));
    m_exportJson = new QAction(tr("Export JSON…"), this);
    m_exportJson->setObjectName(QStringLiteral("exportJson"));
    m_exportJson->setToolTip(tr("Save the rows shown as JSON (columns with their types, rows)"));
    for (QAction *action : {m_exportCsv, m_exportJson}) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        bar->addWidget(button);
    }
    connect(m_exportCsv, &QAction::triggered, this, [this] { exportAs(ExportFormat::Csv); });
    connect(m_exportJson, &QAction::triggered, this, [this] { exportAs(ExportFormat::Json); });
    layout->addLayout(bar);

    m_model = new HuntingResultModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setObjectName(QStringLiteral("huntingResultProxy"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(HuntingResultModel::SortRole);
    m_proxy->setFilterRole(HuntingResultModel::FullTextRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_grid = new QTableView(m_splitter);
    m_grid->setObjectName(QStringLiteral("huntingResultGrid"));
    m_grid->setAccessibleName(tr("Query results"));
    m_grid->setModel(m_proxy);
    m_grid->setSortingEnabled(true);
    m_grid->sortByColumn(-1, Qt::AscendingOrder); // the engine's order until a header is clicked
    m_grid->setAlternatingRowColors(true);
    m_grid->setWordWrap(false);
    m_grid->setTextElideMode(Qt::ElideRight);
    m_grid->verticalHeader()->setDefaultSectionSize(m_grid->fontMetrics().height() + 6);
    m_grid->horizontalHeader()->setHighlightSections(false);
    m_grid->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_grid, &QWidget::customContextMenuRequested, this,
            &HuntingResultView::showContextMenu);
    // A double click on a cell holding JSON unfolds it (the grid's cells are not editable).
    m_grid->viewport()->installEventFilter(this);
    auto *copy = new QAction(tr("Copy"), m_grid);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &HuntingResultView::copySelection);
    m_grid->addAction(copy);

    m_tree = new QTreeWidget(m_splitter);
    m_tree->setObjectName(QStringLiteral("dynamicTree"));
    m_tree->setAccessibleName(tr("The selected value as a tree"));
    m_tree->setHeaderLabels({tr("Key"), tr("Value")});
    m_tree->setColumnWidth(0, 160);
    m_tree->setVisible(false);
    m_splitter->addWidget(m_grid);
    m_splitter->addWidget(m_tree);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    layout->addWidget(m_splitter, 1);
    connect(m_grid->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        if (m_tree->isVisible())
            showCurrentAsTree();
    });

    m_chooser = [this](ExportFormat format) {
        return QFileDialog::getSaveFileName(
                this, format == ExportFormat::Csv ? tr("Export as CSV") : tr("Export as JSON"),
                QString(),
                format == ExportFormat::Csv ? tr("CSV files (*.csv)") : tr("JSON files (*.json)"));
    };
}

bool HuntingResultView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_grid->viewport() && event->type() == QEvent::MouseButtonDblClick) {
        const QModelIndex index
                = m_grid->indexAt(static_cast<QMouseEvent *>(event)->position().toPoint());
        if (index.isValid()) {
            m_grid->setCurrentIndex(index);
            if (showCurrentAsTree())
                return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void HuntingResultView::setSaveFileChooser(SaveFileChooser chooser)
{
    m_chooser = std::move(chooser);
}

QList<HuntRow> HuntingResultView::visibleRows() const
{
    QList<HuntRow> rows;
    rows.reserve(m_proxy->rowCount());
    for (int r = 0; r < m_proxy->rowCount(); ++r)
        rows.append(m_model->rows().at(m_proxy->mapToSource(m_proxy->index(r, 0)).row()));
    return rows;
}

bool HuntingResultView::exportTo(const QString &path, ExportFormat format, QString *error) const
{
    const QList<HuntRow> rows = visibleRows();
    const QByteArray bytes = format == ExportFormat::Json
                                     ? HuntingController::toJson(m_model->columns(), rows) + '\n'
                                     : HuntingController::toCsv(m_model->columns(), rows).toUtf8();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void HuntingResultView::exportAs(ExportFormat format)
{
    const QString path = m_chooser ? m_chooser(format) : QString();
    if (path.isEmpty())
        return;
    QString error;
    if (exportTo(path, format, &error))
        Q_EMIT exported(path);
    else
        Q_EMIT exportFailed(tr("The results could not be saved to %1: %2").arg(path, error));
}

void HuntingResultView::fitColumns()
{
    m_grid->horizontalHeader()->setResizeContentsPrecision(200);
    m_grid->resizeColumnsToContents();
    const int cap = m_grid->fontMetrics().horizontalAdvance(QLatin1Char('M')) * 28;
    for (int c = 0; c < m_proxy->columnCount(); ++c) {
        if (m_grid->columnWidth(c) > cap)
            m_grid->setColumnWidth(c, cap);
    }
}

void HuntingResultView::copyCell()
{
    const QModelIndex index = m_grid->currentIndex();
    if (index.isValid())
        QApplication::clipboard()->setText(index.data(HuntingResultModel::FullTextRole).toString());
}

void HuntingResultView::copyRow()
{
    const QModelIndex index = m_grid->currentIndex();
    if (!index.isValid())
        return;
    QStringList cells;
    for (int c = 0; c < m_proxy->columnCount(); ++c)
        cells.append(
                m_proxy->index(index.row(), c).data(HuntingResultModel::FullTextRole).toString());
    QApplication::clipboard()->setText(cells.join(QLatin1Char('\t')));
}

void HuntingResultView::copyColumn()
{
    const QModelIndex index = m_grid->currentIndex();
    if (!index.isValid())
        return;
    QStringList cells;
    for (int r = 0; r < m_proxy->rowCount(); ++r)
        cells.append(m_proxy->index(r, index.column())
                             .data(HuntingResultModel::FullTextRole)
                             .toString());
    QApplication::clipboard()->setText(cells.join(QLatin1Char('\n')));
}

void HuntingResultView::copySelection()
{
    const QModelIndexList selected = m_grid->selectionModel()->selectedIndexes();
    if (selected.size() <= 1) {
        copyCell();
        return;
    }
    // A rectangle of cells: tab-separated, one line per row, in the view's order.
    int top = INT_MAX, bottom = -1, left = INT_MAX, right = -1;
    for (const QModelIndex &i : selected) {
        top = std::min(top, i.row());
        bottom = std::max(bottom, i.row());
        left = std::min(left, i.column());
        right = std::max(right, i.column());
    }
    QStringList lines;
    for (int r = top; r <= bottom; ++r) {
        QStringList cells;
        for (int c = left; c <= right; ++c) {
            const QModelIndex i = m_proxy->index(r, c);
            cells.append(m_grid->selectionModel()->isSelected(i)
                                 ? i.data(HuntingResultModel::FullTextRole).toString()
                                 : QString());
        }
        lines.append(cells.join(QLatin1Char('\t')));
    }
    QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')));
}

bool HuntingResultView::showCurrentAsTree()
{
    const QModelIndex index = m_grid->currentIndex();
    if (!index.isValid())
        return false;
    const QModelIndex source = m_proxy->mapToSource(index);
    const QVariant raw = m_model->rows().at(source.row()).value(source.column());
    const QString text = raw.toString().trimmed();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (doc.isNull())
        return false; // not an object or array: nothing to unfold
    m_tree->clear();
    int budget = kMaxTreeItems;
    auto *root = new QTreeWidgetItem(
            m_tree,
            {m_model->columns().at(source.column()).name,
             scalarText(doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array()))});
    if (doc.isObject()) {
        const QJsonObject object = doc.object();
        for (auto it = object.begin(); it != object.end(); ++it)
            addJson(root, it.key(), it.value(), &budget);
    } else {
        const QJsonArray array = doc.array();
        for (qsizetype i = 0; i < array.size(); ++i)
            addJson(root, QStringLiteral("[%1]").arg(i), array[i], &budget);
    }
    m_tree->expandToDepth(1);
    m_tree->setVisible(true);
    return true;
}

void HuntingResultView::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_grid->indexAt(pos);
    if (!index.isValid())
        return;
    m_grid->setCurrentIndex(index);
    QMenu menu(this);
    menu.addAction(tr("Copy cell"), this, &HuntingResultView::copyCell);
    menu.addAction(tr("Copy row"), this, &HuntingResultView::copyRow);
    menu.addAction(tr("Copy column"), this, &HuntingResultView::copyColumn);
    menu.addSeparator();
    QAction *tree = menu.addAction(tr("Show as tree"), this, [this] { showCurrentAsTree(); });
    const QString text = index.data(HuntingResultModel::FullTextRole).toString().trimmed();
    tree->setEnabled(text.startsWith(QLatin1Char('{')) || text.startsWith(QLatin1Char('[')));
    if (m_tree->isVisible())
        menu.addAction(tr("Hide the tree"), m_tree, &QWidget::hide);
    menu.addSeparator();
    menu.addAction(m_exportCsv);
    menu.addAction(m_exportJson);
    menu.exec(m_grid->viewport()->mapToGlobal(pos));
}

} // namespace Vigil
