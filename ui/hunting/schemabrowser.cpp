#include "schemabrowser.h"

#include "eventcontroller.h"
#include "huntingschema.h"
#include "kqllexer.h"

#include <QDateTime>
#include <QHash>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace Vigil {

namespace {

constexpr qint64 TicksAtUnixEpoch = 621355968000000000LL;
constexpr qint64 TicksPerMs = 10000;

QString utcMinute(qint64 ticks)
{
    return QDateTime::fromMSecsSinceEpoch((ticks - TicksAtUnixEpoch) / TicksPerMs, Qt::UTC)
            .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

bool isPlainIdentifier(const QString &name)
{
    if (name.isEmpty() || !(name.front().isLetter() || name.front() == QLatin1Char('_')))
        return false;
    return std::all_of(name.cbegin(), name.cend(), [](QChar c) {
        return (c.unicode() < 128 && c.isLetterOrNumber()) || c == QLatin1Char('_');
    });
}

} // namespace

SchemaBrowser::SchemaBrowser(EventController *events, QWidget *parent)
    : QWidget(parent)
    , m_events(events)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("schemaFilter"));
    m_filter->setPlaceholderText(tr("Filter tables and columns"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, &SchemaBrowser::setFilter);
    // Down from the filter goes to the list, so a table is picked without the mouse.
    connect(m_filter, &QLineEdit::returnPressed, this, [this] {
        m_tree->setFocus();
        for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
            if (!m_tree->topLevelItem(i)->isHidden()) {
                m_tree->setCurrentItem(m_tree->topLevelItem(i));
                break;
            }
    });
    layout->addWidget(m_filter);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("schemaMessage"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->hide();
    layout->addWidget(m_message);

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("schemaTree"));
    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels({tr("Name"), tr("Type"), tr("Local rows"), tr("Time range (UTC)")});
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setSectionResizeMode(Name, QHeaderView::ResizeToContents);
    // itemActivated: double-click, and Enter on the current item.
    connect(m_tree, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item) { activate(item); });
    layout->addWidget(m_tree, 1);

    if (m_events)
        connect(m_events, &EventController::tablesLoaded, this, &SchemaBrowser::showTables);
    fill();
}

QString SchemaBrowser::insertableName(const QString &name)
{
    if (isPlainIdentifier(name) && !Kql::isReservedWord(name))
        return name;
    QString quoted;
    quoted.reserve(name.size() + 4);
    for (QChar c : name) {
        if (c == QLatin1Char('\'') || c == QLatin1Char('\\'))
            quoted += QLatin1Char('\\') + c;
        else if (c == QLatin1Char('\n'))
            quoted += QStringLiteral("\\n");
        else if (c == QLatin1Char('\r'))
            quoted += QStringLiteral("\\r");
        else if (c == QLatin1Char('\t'))
            quoted += QStringLiteral("\\t");
        else if (c.category() == QChar::Other_Control)
            quoted += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            quoted += c;
    }
    return QStringLiteral("['") + quoted + QStringLiteral("']");
}

void SchemaBrowser::reload()
{
    if (m_events)
        m_events->requestTables();
    m_requested = true;
}

void SchemaBrowser::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_requested)
        reload();
}

void SchemaBrowser::showTables(const EventTablesSnapshot &snapshot)
{
    m_snapshot = snapshot;
    if (snapshot.error) {
        m_message->setText(
                tr("The local row counts could not be read: %1").arg(snapshot.error->message));
        m_message->show();
    } else {
        m_message->hide();
    }
    fill();
}

void SchemaBrowser::fill()
{
    QHash<QString, const EventTableStats *> stats;
    for (const EventTableStats &table : m_snapshot.tables)
        stats.insert(table.settings.table, &table);
    QList<const HuntingTable *> tables;
    for (const HuntingTable &table : HuntingSchema::defender().tables())
        tables.append(&table);
    auto rowsOf = [&stats](const HuntingTable *table) {
        const EventTableStats *held = stats.value(table->name);
        return held ? held->rows : 0;
    };
    // Tables with local rows first, then by name.
    std::stable_sort(tables.begin(), tables.end(),
                     [&](const HuntingTable *a, const HuntingTable *b) {
                         const bool aHeld = rowsOf(a) > 0, bHeld = rowsOf(b) > 0;
                         return aHeld != bHeld ? aHeld : a->name < b->name;
                     });

    const QString current = m_tree->currentItem()
                                    ? m_tree->currentItem()->data(Name, NameRole).toString()
                                    : QString();
    m_tree->clear();
    const QLocale locale;
    QList<QTreeWidgetItem *> items;
    for (const HuntingTable *table : tables) {
        auto *item = new QTreeWidgetItem;
        item->setText(Name, table->name);
        item->setData(Name, NameRole, table->name);
        item->setText(Type, tr("table"));
        const EventTableStats *held = stats.value(table->name);
        if (held && held->rows > 0) {
            QFont bold = item->font(Name);
            bold.setBold(true);
            item->setFont(Name, bold);
            item->setText(Rows, locale.toString(held->rows));
            item->setTextAlignment(Rows, Qt::AlignRight | Qt::AlignVCenter);
            if (held->oldestTicks && held->newestTicks)
                item->setText(TimeRange, tr("%1 – %2").arg(utcMinute(*held->oldestTicks),
                                                           utcMinute(*held->newestTicks)));
            item->setToolTip(Name, tr("%1: %2 rows held on this machine")
                                           .arg(table->name, locale.toString(held->rows)));
        } else {
            item->setText(Rows, held ? tr("none") : QString());
            item->setForeground(Name, palette().brush(QPalette::Disabled, QPalette::Text));
            item->setToolTip(
                    Name, tr("%1: no rows on this machine; run it in Defender").arg(table->name));
        }
        for (const HuntingColumn &column : table->columns) {
            auto *child = new QTreeWidgetItem(item);
            child->setText(Name, column.name);
            child->setData(Name, NameRole, column.name);
            child->setText(Type, column.jsonText
                                         ? tr("%1 (JSON text)").arg(kqlTypeName(column.type))
                                         : kqlTypeName(column.type));
        }
        items.append(item);
    }
    m_tree->addTopLevelItems(items);
    setFilter(m_filter->text());
    if (!current.isEmpty()) {
        const QList<QTreeWidgetItem *> found
                = m_tree->findItems(current, Qt::MatchExactly | Qt::MatchRecursive, Name);
        if (!found.isEmpty())
            m_tree->setCurrentItem(found.first());
    }
}

void SchemaBrowser::setFilter(const QString &text)
{
    if (m_filter->text() != text)
        m_filter->setText(text); // comes back here through textChanged
    const QString needle = text.trimmed();
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *table = m_tree->topLevelItem(i);
        const bool tableMatches = table->text(Name).contains(needle, Qt::CaseInsensitive);
        bool anyColumn = false;
        for (int c = 0; c < table->childCount(); ++c) {
            QTreeWidgetItem *column = table->child(c);
            const bool matches
                    = needle.isEmpty() || column->text(Name).contains(needle, Qt::CaseInsensitive);
            column->setHidden(!tableMatches && !matches);
            anyColumn = anyColumn || matches;
        }
        table->setHidden(!tableMatches && !anyColumn);
        // A match in the columns opens the table to show them.
        table->setExpanded(!needle.isEmpty() && !tableMatches && anyColumn);
    }
}

void SchemaBrowser::activate(QTreeWidgetItem *item)
{
    if (!item)
        return;
    const QString name = item->data(Name, NameRole).toString();
    if (!name.isEmpty())
        Q_EMIT insertTextRequested(insertableName(name));
}

} // namespace Vigil
