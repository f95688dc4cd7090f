#include "huntingtablesbox.h"

#include "displaytext.h"
#include "errortext.h"
#include "eventcontroller.h"
#include "eventrecord.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QSet>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Vigil {

namespace {

QString shownTime(const std::optional<qint64> &ticks)
{
    if (!ticks)
        return QStringLiteral("–");
    return QLocale().toString(dateTimeFromTicks(*ticks).toLocalTime(), QLocale::ShortFormat);
}

QString shownBytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

} // namespace

HuntingTablesBox::HuntingTablesBox(EventController *events, QWidget *parent)
    : QGroupBox(tr("Hunting tables"), parent)
    , m_events(events)
{
    setObjectName(QStringLiteral("huntingTablesBox"));
    auto *layout = new QVBoxLayout(this);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("huntingTablesMessage"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setText(tr("Advanced hunting events kept on this machine, per table. Retention "
                          "counts from when a row arrived; expired rows are deleted in the "
                          "background."));
    layout->addWidget(m_message);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("huntingTables"));
    m_tree->setRootIsDecorated(false);
    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels({tr("Table"), tr("Collect"), tr("Retention"), tr("Rows"),
                             tr("Streaming"), tr("Size"), tr("At this retention"),
                             tr("Oldest event"), tr("Newest event"), tr("Last ingest"),
                             tr("Rejected")});
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->setMinimumHeight(260);
    layout->addWidget(m_tree);
    connect(m_events, &EventController::tablesLoaded, this, &HuntingTablesBox::showTables);
    connect(m_events, &EventController::settingSaved, this, &HuntingTablesBox::saved);
}

void HuntingTablesBox::showEvent(QShowEvent *event)
{
    QGroupBox::showEvent(event);
    if (!m_requested)
        reload();
}

void HuntingTablesBox::reload()
{
    m_requested = true;
    m_events->requestTables();
}

void HuntingTablesBox::saved(const QString &table, const std::optional<Error> &error)
{
    if (error)
        m_message->setText(
                tr("The setting of %1 was not saved: %2").arg(table, errorDescription(*error)));
    reload();
}

void HuntingTablesBox::showStreamState(const QString &table, const QString &text,
                                       const QString &detail)
{
    m_streamStates.insert(table, {text, detail});
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_tree->topLevelItem(i);
        if (item->data(Table, Qt::UserRole).toString() == table) {
            item->setText(Streaming, text);
            item->setToolTip(Streaming, plainToolTip(detail));
        }
    }
}

void HuntingTablesBox::showTables(const EventTablesSnapshot &snapshot)
{
    if (snapshot.error) {
        m_message->setText(
                tr("The hunting tables cannot be read: %1").arg(errorDescription(*snapshot.error)));
        return;
    }
    m_filling = true;
    // Update the rows in place: a pass every few minutes must not scroll the list back to the
    // top, drop the selection or reset a retention the analyst is typing.
    QHash<QString, QTreeWidgetItem *> items;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_tree->topLevelItem(i);
        items.insert(item->data(Table, Qt::UserRole).toString(), item);
    }
    QSet<QString> shown;
    for (const EventTableStats &table : snapshot.tables) {
        const QString name = table.settings.table;
        shown.insert(name);
        QTreeWidgetItem *item = items.value(name);
        if (!item)
            item = addTableRow(name);
        item->setText(Rows, QLocale().toString(table.rows));
        item->setText(Size, shownBytes(table.bytes));
        const EventVolumeEstimate estimate = snapshot.estimates.value(name);
        const int days = table.settings.retentionDays.value_or(365);
        const QString bytes = shownBytes(estimate.bytes(days));
        item->setText(Estimate, !estimate.measured ? QStringLiteral("–")
                                : days == 1        ? tr("about %1 for 1 day").arg(bytes)
                                            : tr("about %1 for %2 days").arg(bytes).arg(days));
        item->setText(Oldest, shownTime(table.oldestTicks));
        item->setText(Newest, shownTime(table.newestTicks));
        item->setText(LastIngest, shownTime(table.lastIngestTicks));
        item->setText(Rejected, QLocale().toString(table.rejected));
        if (const auto state = m_streamStates.constFind(name); state != m_streamStates.cend()) {
            item->setText(Streaming, state->first);
            item->setToolTip(Streaming, plainToolTip(state->second));
        }
        if (auto *collect = qobject_cast<QCheckBox *>(m_tree->itemWidget(item, Collect)))
            collect->setChecked(table.settings.collect);
        auto *retention = qobject_cast<QSpinBox *>(m_tree->itemWidget(item, Retention));
        if (retention && !retention->hasFocus())
            retention->setValue(table.settings.retentionDays.value_or(0));
    }
    for (auto it = items.cbegin(); it != items.cend(); ++it) {
        if (!shown.contains(it.key()))
            delete it.value();
    }
    m_filling = false;
}

QTreeWidgetItem *HuntingTablesBox::addTableRow(const QString &name)
{
    auto *item = new QTreeWidgetItem(m_tree);
    item->setText(Table, name);
    item->setData(Table, Qt::UserRole, name);

    auto *collect = new QCheckBox(m_tree);
    collect->setObjectName(QStringLiteral("collect_") + name);
    m_tree->setItemWidget(item, Collect, collect);
    connect(collect, &QCheckBox::toggled, this, [this, name, collect](bool on) {
        if (m_filling)
            return;
        bool deleteRows = false;
        if (!on) {
            const auto answer = QMessageBox::question(
                    this, tr("Stop collecting %1").arg(name),
                    tr("Stop collecting %1. Also delete the rows it holds now?").arg(name),
                    QMessageBox::Yes | QMessageBox::No | QMessageBox::Cancel, QMessageBox::No);
            if (answer == QMessageBox::Cancel) {
                const QSignalBlocker quiet(collect);
                collect->setChecked(true);
                return;
            }
            deleteRows = answer == QMessageBox::Yes;
        }
        m_events->setCollect(name, on, deleteRows);
    });

    auto *retention = new QSpinBox(m_tree);
    retention->setObjectName(QStringLiteral("retention_") + name);
    retention->setRange(0, 36500);
    retention->setSpecialValueText(tr("unlimited"));
    retention->setSuffix(tr(" days"));
    retention->setKeyboardTracking(false);
    m_tree->setItemWidget(item, Retention, retention);
    connect(retention, &QSpinBox::valueChanged, this, [this, name](int value) {
        if (!m_filling)
            m_events->setRetention(name, value == 0 ? std::nullopt : std::optional<int>(value));
    });
    return item;
}

} // namespace Vigil
