#include "incidentdetailview.h"

#include "alertlistmodel.h"
#include "displaytext.h"
#include "entitytreemodel.h"
#include "incidentqueuemodel.h"
#include "titlecolumnfitter.h"
#include "vocabulary.h"

#include <QAction>
#include <QFrame>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTabWidget>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace Vigil {

namespace {

constexpr auto kIncidentLinkScheme = "vigil-incident";

QString formatTime(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                          : QString();
}

/** An activity entry's field value as the analyst reads it. */
QString activityValueText(IncidentField field, const FieldValue &value)
{
    switch (field) {
    case IncidentField::Status:
        return statusLabel(value.text);
    case IncidentField::Owner:
        return value.text.isEmpty() ? IncidentDetailView::tr("Unassigned") : value.text;
    case IncidentField::Classification: {
        QString classification = classificationLabel(value.text);
        const QString determination = determinationLabel(value.determination);
        if (determination.isEmpty())
            return classification;
        return IncidentDetailView::tr("%1 (%2)").arg(classification, determination);
    }
    case IncidentField::Tags:
        return value.tags.isEmpty() ? IncidentDetailView::tr("None")
                                    : value.tags.join(QStringLiteral(", "));
    case IncidentField::Severity:
        return severityLabel(value.text);
    case IncidentField::Comment:
    case IncidentField::Title:
        break;
    }
    return value.text;
}

enum ActivityColumn {
    ActivityTimeColumn,
    ActivitySideColumn,
    ActivityByColumn,
    ActivityFieldColumn,
    ActivityFromColumn,
    ActivityToColumn,
    ActivityConflictColumn
};
constexpr int kActivityEntryRole = Qt::UserRole + 1;

QString incidentLink(qint64 number)
{
    return QStringLiteral("<a href=\"%1:%2\">#%2</a>")
            .arg(QLatin1String(kIncidentLinkScheme))
            .arg(number);
}

QFrame *makeBanner(const char *objectName, QWidget *parent)
{
    auto *banner = new QFrame(parent);
    banner->setObjectName(QLatin1String(objectName));
    banner->setFrameShape(QFrame::StyledPanel);
    // Fixed light colours with explicit dark text stay readable on light and dark themes.
    banner->setStyleSheet(QStringLiteral("QFrame#%1 { background: #fff4ce; border: 1px solid "
                                         "#d9b44a; border-radius: 4px; } QFrame#%1 QLabel { "
                                         "color: #3b2e00; }")
                                  .arg(QLatin1String(objectName)));
    return banner;
}

} // namespace

IncidentDetailView::IncidentDetailView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("incidentDetail"));
    setAccessibleName(tr("Incident detail"));

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_pages = new QStackedWidget(this);
    outer->addWidget(m_pages);

    m_emptyState = new QLabel(tr("Select an incident to see its alerts, entities and comments.\n"
                                 "j / k move through the queue, / filters it."),
                              m_pages);
    m_emptyState->setObjectName(QStringLiteral("detailEmptyState"));
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    m_emptyState->setEnabled(false);
    m_pages->addWidget(m_emptyState);

    auto *content = new QWidget(m_pages);
    m_pages->addWidget(content);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(8, 6, 8, 6);

    auto *header = new QHBoxLayout;
    m_title = new QLabel(content);
    m_title->setObjectName(QStringLiteral("detailTitle"));
    // Server text is never markup: a title must not draw headings, links or load images.
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    m_title->setFont(titleFont);
    header->addWidget(m_title, 1);
    m_openButton = new QToolButton(content);
    m_openButton->setObjectName(QStringLiteral("detailOpenInDefender"));
    m_openButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_openButton->setVisible(false);
    header->addWidget(m_openButton, 0, Qt::AlignTop);
    layout->addLayout(header);
    m_triageButtons = createTriageButtons(content);
    layout->addWidget(m_triageButtons);

    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(3);
    auto *severityBox = new QWidget(content);
    auto *severityLayout = new QHBoxLayout(severityBox);
    severityLayout->setContentsMargins(0, 0, 0, 0);
    severityLayout->setSpacing(4);
    m_severityIcon = new QLabel(severityBox);
    m_severity = new QLabel(severityBox);
    m_severity->setObjectName(QStringLiteral("detailSeverity"));
    m_severity->setTextFormat(Qt::PlainText);
    severityLayout->addWidget(m_severityIcon);
    severityLayout->addWidget(m_severity, 1);
    auto *severityLabel = new QLabel(tr("Severity:"), content);
    severityLabel->setBuddy(m_severity);
    grid->addWidget(severityLabel, 0, 0);
    grid->addWidget(severityBox, 0, 1);
    m_status = addField(grid, 0, 2, tr("Status:"), "detailStatus");
    m_numberLabel = addField(grid, 1, 0, tr("Incident:"), "detailNumber");
    m_defenderId = addField(grid, 1, 2, tr("Defender id:"), "detailDefenderId");
    m_owner = addField(grid, 2, 0, tr("Owner:"), "detailOwner");
    m_provider = addField(grid, 2, 2, tr("Provider:"), "detailProvider");
    m_classification = addField(grid, 3, 0, tr("Classification:"), "detailClassification");
    m_determination = addField(grid, 3, 2, tr("Determination:"), "detailDetermination");
    m_created = addField(grid, 4, 0, tr("Created:"), "detailCreated");
    m_updated = addField(grid, 4, 2, tr("Last updated:"), "detailUpdated");
    // The sync state in words next to its icon: colour is never the only cue.
    auto *syncBox = new QWidget(content);
    auto *syncLayout = new QHBoxLayout(syncBox);
    syncLayout->setContentsMargins(0, 0, 0, 0);
    syncLayout->setSpacing(4);
    m_syncIcon = new QLabel(syncBox);
    m_syncIcon->setObjectName(QStringLiteral("detailSyncIcon"));
    m_syncState = new QLabel(syncBox);
    m_syncState->setObjectName(QStringLiteral("detailSyncState"));
    m_syncState->setTextFormat(Qt::PlainText);
    m_syncState->setWordWrap(true);
    syncLayout->addWidget(m_syncIcon);
    syncLayout->addWidget(m_syncState, 1);
    auto *syncLabel = new QLabel(tr("Sync:"), content);
    syncLabel->setBuddy(m_syncState);
    QPalette captionPalette = syncLabel->palette();
    captionPalette.setColor(QPalette::WindowText, captionPalette.color(QPalette::PlaceholderText));
    syncLabel->setPalette(captionPalette);
    grid->addWidget(syncLabel, 5, 0);
    grid->addWidget(syncBox, 5, 1, 1, 3);
    m_tags = addField(grid, 6, 0, tr("Tags:"), "detailTags");
    grid->addWidget(m_tags, 6, 1, 1, 3);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    layout->addLayout(grid);

    // Defender's summary, the description and the resolving comment: plain text that can run
    // to paragraphs, so a few lines high and scrolled rather than pushing the tabs away.
    m_texts = new QPlainTextEdit(content);
    m_texts->setObjectName(QStringLiteral("detailTexts"));
    m_texts->setAccessibleName(tr("Summary, description and resolving comment"));
    m_texts->setReadOnly(true);
    m_texts->setFrameShape(QFrame::NoFrame);
    m_texts->setMaximumHeight(m_texts->fontMetrics().lineSpacing() * 4 + 8);
    m_texts->setVisible(false);
    layout->addWidget(m_texts);

    m_merge = new QLabel(content);
    m_merge->setObjectName(QStringLiteral("detailMerge"));
    m_merge->setTextFormat(Qt::RichText);
    m_merge->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_merge->setWordWrap(true);
    m_merge->setVisible(false);
    connect(m_merge, &QLabel::linkActivated, this, [this](const QString &link) {
        const QUrl url(link);
        if (url.scheme() != QLatin1String(kIncidentLinkScheme))
            return;
        bool ok = false;
        const qint64 target = url.path().toLongLong(&ok);
        if (ok && target > 0)
            Q_EMIT incidentLinkActivated(target);
    });
    layout->addWidget(m_merge);

    // Team mode: colleagues' names are their own text, shown as plain text.
    m_presence = new QLabel(content);
    m_presence->setObjectName(QStringLiteral("detailPresence"));
    m_presence->setTextFormat(Qt::PlainText);
    m_presence->setWordWrap(true);
    m_presence->setVisible(false);
    layout->addWidget(m_presence);

    m_errorBanner = makeBanner("detailErrorBanner", content);
    auto *errorLayout = new QHBoxLayout(m_errorBanner);
    m_errorText = new QLabel(m_errorBanner);
    m_errorText->setTextFormat(Qt::PlainText);
    m_errorText->setWordWrap(true);
    errorLayout->addWidget(m_errorText, 1);
    auto *retry = new QPushButton(tr("Try again"), m_errorBanner);
    retry->setObjectName(QStringLiteral("detailRetry"));
    retry->setAccessibleName(tr("Load the incident detail again"));
    connect(retry, &QPushButton::clicked, this, [this] { Q_EMIT retryRequested(m_number); });
    errorLayout->addWidget(retry);
    m_errorBanner->setVisible(false);
    layout->addWidget(m_errorBanner);

    m_progress = new QWidget(content);
    m_progress->setObjectName(QStringLiteral("detailProgress"));
    auto *progressLayout = new QHBoxLayout(m_progress);
    progressLayout->setContentsMargins(0, 0, 0, 0);
    m_progressText = new QLabel(m_progress);
    m_progressText->setTextFormat(Qt::PlainText);
    auto *bar = new QProgressBar(m_progress);
    bar->setRange(0, 0);
    bar->setMaximumWidth(160);
    bar->setAccessibleName(tr("Loading"));
    progressLayout->addWidget(m_progressText);
    progressLayout->addWidget(bar);
    progressLayout->addStretch(1);
    m_progress->setVisible(false);
    layout->addWidget(m_progress);

    m_capBanner = makeBanner("alertCapBanner", content);
    auto *capLayout = new QHBoxLayout(m_capBanner);
    m_capText = new QLabel(m_capBanner);
    m_capText->setObjectName(QStringLiteral("alertCapText"));
    m_capText->setTextFormat(Qt::PlainText);
    m_capText->setWordWrap(true);
    capLayout->addWidget(m_capText, 1);
    auto *openFull
            = new QPushButton(tr("Open the full incident in Microsoft 365 Defender"), m_capBanner);
    openFull->setObjectName(QStringLiteral("openInDefenderFromBanner"));
    openFull->setAccessibleName(openFull->text());
    connect(openFull, &QPushButton::clicked, this, &IncidentDetailView::openInDefenderRequested);
    capLayout->addWidget(openFull);
    m_loadAll = new QPushButton(tr("Load all alerts"), m_capBanner);
    m_loadAll->setObjectName(QStringLiteral("loadAllAlerts"));
    m_loadAll->setAccessibleName(tr("Load all alerts of this incident"));
    connect(m_loadAll, &QPushButton::clicked, this,
            [this] { Q_EMIT loadAllAlertsRequested(m_number); });
    capLayout->addWidget(m_loadAll);
    m_capBanner->setVisible(false);
    layout->addWidget(m_capBanner);

    m_tabs = new QTabWidget(content);
    m_tabs->setObjectName(QStringLiteral("detailTabs"));
    m_tabs->setDocumentMode(true);

    m_alertModel = new AlertListModel(this);
    m_alertProxy = new QSortFilterProxyModel(this);
    m_alertProxy->setSourceModel(m_alertModel);
    m_alertProxy->setSortRole(AlertListModel::SortRole);
    m_alertView = new QTreeView(m_tabs);
    m_alertView->setObjectName(QStringLiteral("alertList"));
    m_alertView->setAccessibleName(tr("Alerts of the incident"));
    m_alertView->setModel(m_alertProxy);
    m_alertView->setRootIsDecorated(false);
    m_alertView->setUniformRowHeights(true);
    m_alertView->setAlternatingRowColors(true);
    m_alertView->setAllColumnsShowFocus(true);
    m_alertView->setSortingEnabled(true);
    m_alertView->sortByColumn(AlertListModel::CreatedColumn, Qt::AscendingOrder);
    const int em = m_alertView->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    const int digit = m_alertView->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    const QFontMetrics metrics = m_alertView->fontMetrics();
    m_alertView->setColumnWidth(AlertListModel::SeverityColumn,
                                metrics.horizontalAdvance(QStringLiteral("Informational"))
                                        + metrics.height() + 20);
    m_alertView->setColumnWidth(AlertListModel::StatusColumn, em * 7);
    m_alertView->setColumnWidth(AlertListModel::ProductColumn, em * 5);
    m_alertView->setColumnWidth(AlertListModel::CategoryColumn, em * 10);
    m_alertView->setColumnWidth(AlertListModel::MitreColumn, em * 8);
    m_alertView->setColumnWidth(AlertListModel::CreatedColumn, digit * 16 + 16);
    m_alertView->setColumnHidden(AlertListModel::AlertIdColumn, true);
    new TitleColumnFitter(m_alertView, AlertListModel::TitleColumn);
    m_tabs->addTab(m_alertView, QString());

    m_entityModel = new EntityTreeModel(this);
    m_entityProxy = new QSortFilterProxyModel(this);
    m_entityProxy->setSourceModel(m_entityModel);
    m_entityProxy->setRecursiveFilteringEnabled(true);
    m_entityProxy->setFilterRole(EntityTreeModel::FilterTextRole);
    m_entityProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_entityView = new QTreeView(m_tabs);
    m_entityView->setObjectName(QStringLiteral("entityView"));
    m_entityView->setAccessibleName(tr("Entities of the incident, grouped by kind"));
    m_entityView->setModel(m_entityProxy);
    m_entityView->setUniformRowHeights(true);
    m_entityView->setAllColumnsShowFocus(true);
    m_entityView->setColumnWidth(EntityTreeModel::ValueColumn, 240);
    m_entityView->setColumnWidth(EntityTreeModel::DetailColumn, 220);
    m_tabs->addTab(m_entityView, QString());

    m_comments = new QTreeWidget(m_tabs);
    m_comments->setObjectName(QStringLiteral("commentList"));
    m_comments->setAccessibleName(tr("Comments on the incident"));
    m_comments->setRootIsDecorated(false);
    m_comments->setWordWrap(true);
    m_comments->setHeaderLabels({tr("Time"), tr("Author"), tr("Comment")});
    m_comments->setColumnWidth(0, 140);
    m_comments->setColumnWidth(1, 170);
    m_tabs->addTab(m_comments, QString());
    m_tabs->addTab(createActivityTab(m_tabs), QString());
    setUpHunting();
    setUpReading();
    layout->addWidget(m_tabs, 1);

    updateTabTitles();
    showEmpty();
}

QLabel *IncidentDetailView::addField(QGridLayout *grid, int row, int column, const QString &label,
                                     const char *objectName)
{
    auto *value = new QLabel(grid->parentWidget());
    value->setObjectName(QLatin1String(objectName));
    value->setTextFormat(Qt::PlainText);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setWordWrap(true);
    auto *caption = new QLabel(label, grid->parentWidget());
    caption->setBuddy(value);
    QPalette palette = caption->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    caption->setPalette(palette);
    grid->addWidget(caption, row, column);
    grid->addWidget(value, row, column + 1);
    return value;
}

void IncidentDetailView::setSeverityIcons(const SeverityIcons &icons)
{
    m_severityIcons = icons;
    m_alertModel->setSeverityIcons(icons);
}

void IncidentDetailView::setSyncStateIcons(const SyncStateIcons &icons)
{
    m_syncStateIcons = icons;
}

QWidget *IncidentDetailView::createTriageButtons(QWidget *parent)
{
    auto *bar = new QWidget(parent);
    bar->setObjectName(QStringLiteral("detailTriageButtons"));
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(4);
    const auto add = [&](TriageAction action, const QString &text, const QString &tip,
                         const char *objectName) {
        auto *button = new QToolButton(bar);
        button->setObjectName(QLatin1String(objectName));
        button->setText(text);
        button->setToolTip(tip);
        button->setAccessibleName(tip);
        button->setAutoRaise(false);
        connect(button, &QToolButton::clicked, this,
                [this, action] { Q_EMIT triageRequested(action); });
        row->addWidget(button);
    };
    add(TriageAction::SetStatus, tr("Status…"), tr("Set the status of this incident (S)"),
        "detailSetStatus");
    add(TriageAction::AssignToMe, tr("Assign to me"), tr("Assign this incident to me (A)"),
        "detailAssignToMe");
    add(TriageAction::AssignTo, tr("Assign…"), tr("Assign this incident to someone (Shift+A)"),
        "detailAssignTo");
    add(TriageAction::Close, tr("Close…"), tr("Close this incident with a classification (C)"),
        "detailClose");
    add(TriageAction::Tags, tr("Tags…"), tr("Add or remove tags of this incident (T)"),
        "detailEditTags");
    add(TriageAction::Comment, tr("Comment…"), tr("Comment on this incident (M)"), "detailComment");
    row->addStretch(1);
    return bar;
}

QWidget *IncidentDetailView::createActivityTab(QWidget *parent)
{
    auto *page = new QWidget(parent);
    auto *pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    m_activity = new QTreeWidget(page);
    m_activity->setObjectName(QStringLiteral("activityList"));
    m_activity->setAccessibleName(tr("Sync activity of the incident, newest first"));
    m_activity->setRootIsDecorated(false);
    m_activity->setUniformRowHeights(true);
    m_activity->setAllColumnsShowFocus(true);
    m_activity->setSelectionMode(QAbstractItemView::SingleSelection);
    m_activity->setHeaderLabels(
            {tr("Time"), tr("Side"), tr("By"), tr("Field"), tr("From"), tr("To"), tr("Conflict")});
    m_activity->setColumnWidth(ActivityTimeColumn, 140);
    m_activity->setColumnWidth(ActivitySideColumn, 80);
    m_activity->setColumnWidth(ActivityByColumn, 150);
    m_activity->setColumnWidth(ActivityFieldColumn, 110);
    m_activity->setColumnWidth(ActivityFromColumn, 170);
    m_activity->setColumnWidth(ActivityToColumn, 170);
    pageLayout->addWidget(m_activity, 1);

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(4, 0, 4, 4);
    buttons->addStretch(1);
    m_applyMineAgain = new QPushButton(tr("Apply mine again"), page);
    m_applyMineAgain->setObjectName(QStringLiteral("applyMineAgain"));
    m_applyMineAgain->setToolTip(tr("Send the value Defender overwrote in this conflict again"));
    m_applyMineAgain->setAccessibleName(m_applyMineAgain->toolTip());
    m_applyMineAgain->setEnabled(false);
    buttons->addWidget(m_applyMineAgain);
    pageLayout->addLayout(buttons);

    connect(m_activity, &QTreeWidget::itemSelectionChanged, this,
            [this] { m_applyMineAgain->setEnabled(selectedRestoringEdit().has_value()); });
    connect(m_applyMineAgain, &QPushButton::clicked, this, [this] {
        if (const std::optional<TriageEdit> edit = selectedRestoringEdit())
            Q_EMIT restoreRequested(m_number, *edit);
    });
    return page;
}

std::optional<TriageEdit> IncidentDetailView::selectedRestoringEdit() const
{
    const QList<QTreeWidgetItem *> selected = m_activity->selectedItems();
    if (selected.size() != 1)
        return std::nullopt;
    const auto entry = selected.constFirst()->data(0, kActivityEntryRole).value<ActivityEntry>();
    if (!entry.conflict || entry.side != ActivitySide::Local)
        return std::nullopt;
    return editRestoring(entry, QDateTime::currentDateTimeUtc());
}

void IncidentDetailView::fillActivity(const QList<ActivityEntry> &activity)
{
    m_activity->clear();
    const QIcon conflictIcon = m_syncStateIcons[size_t(SyncState::Conflict)];
    QList<QTreeWidgetItem *> items;
    // The log is kept oldest first; the newest is shown on top.
    for (auto it = activity.crbegin(); it != activity.crend(); ++it) {
        const ActivityEntry &entry = *it;
        auto *item = new QTreeWidgetItem;
        item->setData(0, kActivityEntryRole, QVariant::fromValue(entry));
        item->setText(ActivityTimeColumn, formatTime(entry.time));
        item->setText(ActivitySideColumn,
                      entry.side == ActivitySide::Local ? tr("Vigil") : tr("Defender"));
        // Who: the analyst whose console made a change here (a colleague's, on a team database).
        if (entry.side == ActivitySide::Local && !entry.analyst.isEmpty()) {
            item->setText(ActivityByColumn, elidedText(entry.analyst));
            item->setToolTip(ActivityByColumn, plainToolTip(entry.analyst));
        }
        item->setText(ActivityFieldColumn, fieldLabel(entry.field));
        const QString from = activityValueText(entry.field, entry.oldValue);
        const QString to = activityValueText(entry.field, entry.newValue);
        item->setText(ActivityFromColumn, elidedText(from));
        item->setToolTip(ActivityFromColumn, plainToolTip(from));
        item->setText(ActivityToColumn, elidedText(to));
        item->setToolTip(ActivityToColumn, plainToolTip(to));
        if (entry.conflict) {
            item->setText(ActivityConflictColumn, tr("Conflict"));
            item->setIcon(ActivityConflictColumn, conflictIcon);
        }
        if (!entry.note.isEmpty()) {
            for (int column = 0; column <= ActivityConflictColumn; ++column) {
                if (column != ActivityFromColumn && column != ActivityToColumn
                    && column != ActivityByColumn)
                    item->setToolTip(column, plainToolTip(entry.note));
            }
        }
        items << item;
    }
    m_activity->addTopLevelItems(items);
    m_applyMineAgain->setEnabled(false);
}

void IncidentDetailView::setOpenInDefenderAction(QAction *action)
{
    m_openButton->setDefaultAction(action);
    m_openButton->setVisible(action != nullptr);
}

void IncidentDetailView::showEmpty()
{
    setPresence({});
    m_number = 0;
    m_totalAlerts = 0;
    m_mergedFrom.clear();
    m_alertModel->clear();
    m_entityModel->clear();
    m_comments->clear();
    fillTexts({});
    fillActivity({});
    setLoading(false);
    m_errorBanner->setVisible(false);
    m_capBanner->setVisible(false);
    m_pages->setCurrentWidget(m_emptyState);
}

void IncidentDetailView::fillSummary(const Incident &incident)
{
    // Server text is capped where it is shown (a 10 MB title would hold the GUI thread); a
    // title cut short is whole, up to the tooltip's own cap, in the tooltip.
    m_title->setText(incident.title.isEmpty() ? tr("(no title)") : elidedText(incident.title));
    m_title->setToolTip(incident.title.size() > kDisplayTextLimit ? plainToolTip(incident.title)
                                                                  : QString());
    const int rank = severityRank(incident.severity);
    const QIcon &icon = m_severityIcons[size_t(rank)];
    const int iconSize = fontMetrics().height();
    m_severityIcon->setPixmap(icon.isNull() ? QPixmap() : icon.pixmap(iconSize, iconSize));
    m_severity->setText(severityLabel(incident.severity));
    m_status->setText(statusLabel(incident.status));
    m_owner->setText(incident.assignedTo.isEmpty() ? tr("Unassigned")
                                                   : elidedText(incident.assignedTo));
    m_numberLabel->setText(QStringLiteral("#%1").arg(incident.number));
    // A rule incident exists only in Vigil: its store key is no Defender id.
    m_defenderId->setText(incident.providerIncidentId.isEmpty() || incident.isRuleIncident()
                                  ? tr("none")
                                  : elidedText(incident.providerIncidentId));
    const QString classification = IncidentQueueModel::classificationText(incident);
    m_classification->setText(classification.isEmpty() ? tr("Not classified")
                                                       : elidedText(classification));
    const QString determination = determinationLabel(incident.determination);
    m_determination->setText(determination.isEmpty() ? tr("None") : elidedText(determination));
    m_provider->setText(elidedText(incident.provider));
    m_created->setText(formatTime(incident.createdTime));
    m_updated->setText(incident.lastModifiedBy.isEmpty()
                               ? formatTime(incident.lastUpdateTime)
                               : tr("%1 by %2")
                                         .arg(formatTime(incident.lastUpdateTime),
                                              elidedText(incident.lastModifiedBy, 200)));
    const QStringList tags = incident.tags();
    m_tags->setText(tags.isEmpty() ? tr("None") : elidedText(tags.join(QStringLiteral(", "))));
    const QIcon &syncIcon = m_syncStateIcons[size_t(incident.syncState)];
    m_syncIcon->setPixmap(syncIcon.isNull() ? QPixmap() : syncIcon.pixmap(iconSize, iconSize));
    switch (incident.syncState) {
    case SyncState::Synced:
        m_syncState->setText(tr("Synced"));
        break;
    case SyncState::Pending:
        m_syncState->setText(tr("Pending — a change is waiting to be sent to Defender"));
        break;
    case SyncState::Conflict:
        m_syncState->setText(tr("Conflict — changed here and in Defender at the same time"));
        break;
    case SyncState::Error:
        m_syncState->setText(tr("Error — a change could not be delivered"));
        break;
    }
    m_syncState->setAccessibleName(tr("Sync state: %1").arg(m_syncState->text()));
    // A merged incident is edited through its survivor.
    m_triageButtons->setEnabled(!incident.isRedirected());

    QStringList merge;
    if (incident.isRedirected()) {
        if (incident.redirectedToNumber > 0)
            merge << tr("Merged into %1 — its alerts are there.")
                             .arg(incidentLink(incident.redirectedToNumber));
        else if (!incident.redirectIncidentId.isEmpty())
            merge << tr("Merged into Defender incident %1, which is not in the queue yet.")
                             .arg(elidedText(incident.redirectIncidentId).toHtmlEscaped());
        else
            merge << tr("Merged into another incident.");
    }
    if (incident.duplicateOf > 0)
        merge << tr("Duplicate of %1 — that Microsoft 365 Defender incident holds the same alert.")
                         .arg(incidentLink(incident.duplicateOf));
    if (!m_mergedFrom.isEmpty()) {
        QStringList links;
        for (const qint64 from : std::as_const(m_mergedFrom))
            links << incidentLink(from);
        merge << tr("Merged from %1.").arg(links.join(QStringLiteral(", ")));
    }
    m_merge->setText(merge.join(QStringLiteral("<br>")));
    m_merge->setVisible(!merge.isEmpty());
}

void IncidentDetailView::showIncident(const Incident &incident)
{
    const bool same = incident.number == m_number;
    m_number = incident.number;
    if (!same) {
        fillTexts({});
        setPresence({}); // another incident: the window says who else is on it
        m_mergedFrom.clear();
        m_totalAlerts = 0;
        m_alertModel->clear();
        m_entityModel->clear();
        m_comments->clear();
        fillActivity({});
        m_capBanner->setVisible(false);
    }
    m_errorBanner->setVisible(false);
    fillSummary(incident);
    setLoading(true, tr("Loading alerts, entities and comments…"));
    updateTabTitles();
    m_pages->setCurrentIndex(1);
}

void IncidentDetailView::updateIncident(const Incident &incident)
{
    if (incident.number == m_number)
        fillSummary(incident);
}

void IncidentDetailView::showDetail(const IncidentDetail &detail)
{
    m_number = detail.incident.number;
    m_mergedFrom = detail.mergedFrom;
    m_totalAlerts = std::max(detail.totalAlerts, int(detail.alerts.size()));
    fillSummary(detail.incident);
    fillTexts(detail.incident);
    m_alertModel->setAlerts(detail.alerts);
    m_entityModel->setEntities(detail.entities);
    m_entityView->expandAll();

    m_comments->clear();
    QList<QTreeWidgetItem *> items;
    for (const Comment &comment : detail.incident.comments) {
        auto *item = new QTreeWidgetItem;
        item->setText(0, formatTime(comment.createdTime));
        item->setText(1, comment.author.isEmpty() ? tr("unknown") : elidedText(comment.author));
        item->setToolTip(1, plainToolTip(comment.author));
        item->setText(2, elidedText(comment.text));
        item->setToolTip(2, plainToolTip(comment.text));
        items << item;
    }
    m_comments->addTopLevelItems(items);
    fillActivity(detail.activity);

    const int shown = int(detail.alerts.size());
    const bool capped = m_totalAlerts > shown;
    if (capped) {
        m_capText->setText(m_totalAlerts > kAlertDisplayLimit && shown >= kAlertDisplayLimit
                                   ? tr("150+ alerts — showing the first 150.")
                                   : tr("%1 of %2 alerts shown.").arg(shown).arg(m_totalAlerts));
        m_capText->setToolTip(tr("This incident has %n alerts.", nullptr, m_totalAlerts));
    }
    m_capBanner->setVisible(capped);
    m_loadAll->setEnabled(capped);
    m_errorBanner->setVisible(false);
    setLoading(false);
    updateTabTitles();
    m_pages->setCurrentIndex(1);
}

void IncidentDetailView::showError(const QString &message)
{
    setLoading(false);
    m_errorText->setText(message);
    m_errorBanner->setVisible(true);
}

void IncidentDetailView::setPresence(const QString &others)
{
    m_presence->setVisible(!others.isEmpty());
    m_presence->setText(
            others.isEmpty() ? QString()
                             : tr("Someone else is on this incident: %1").arg(elidedText(others)));
    m_presence->setToolTip(others.size() > kDisplayTextLimit ? plainToolTip(others) : QString());
}

void IncidentDetailView::showLoadingAllAlerts()
{
    m_loadAll->setEnabled(false);
    setLoading(true, tr("Loading all %n alerts…", nullptr, m_totalAlerts));
}

void IncidentDetailView::setLoading(bool loading, const QString &text)
{
    m_loading = loading;
    m_progressText->setText(text);
    m_progress->setVisible(loading);
}

void IncidentDetailView::updateTabTitles()
{
    const int alerts = m_alertModel->rowCount();
    m_tabs->setTabText(0, m_totalAlerts > alerts
                                  ? tr("Alerts (%1 of %2)").arg(alerts).arg(m_totalAlerts)
                                  : tr("Alerts (%1)").arg(alerts));
    m_tabs->setTabText(1, tr("Entities (%1)").arg(m_entityModel->entityCount()));
    m_tabs->setTabText(2, tr("Comments (%1)").arg(m_comments->topLevelItemCount()));
    m_tabs->setTabText(3, tr("Activity (%1)").arg(m_activity->topLevelItemCount()));
}

} // namespace Vigil
