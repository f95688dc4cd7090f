#include "alertdetaildialog.h"

#include "alertlistmodel.h"
#include "copysupport.h"
#include "displaytext.h"
#include "entitytreemodel.h"
#include "graphdetails.h"
#include "graphjson.h"
#include "vocabulary.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Vigil {

namespace {

QString formatTime(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                          : QString();
}

/** A row of a two-column tree; server text is whole in the tooltip, capped in the cell. */
QTreeWidgetItem *addLine(QTreeWidget *tree, QTreeWidgetItem *parent, const QString &label,
                         const QString &value)
{
    auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(tree);
    item->setText(0, label);
    item->setText(1, elidedText(value));
    item->setToolTip(1, plainToolTip(value));
    item->setData(1, kCopyTextRole, value);
    return item;
}

QTreeWidget *makeTree(const char *objectName, const QString &accessibleName, QWidget *parent)
{
    auto *tree = new QTreeWidget(parent);
    tree->setObjectName(QLatin1String(objectName));
    tree->setAccessibleName(accessibleName);
    tree->setColumnCount(2);
    tree->setHeaderLabels({AlertDetailDialog::tr("Field"), AlertDetailDialog::tr("Value")});
    tree->setUniformRowHeights(true);
    tree->setAllColumnsShowFocus(true);
    tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    tree->setTextElideMode(Qt::ElideRight);
    tree->header()->setStretchLastSection(true);
    tree->setColumnWidth(0, tree->fontMetrics().horizontalAdvance(QLatin1Char('M')) * 13);
    CopySupport::install(tree);
    return tree;
}

} // namespace

AlertDetailDialog::AlertDetailDialog(const Alert &alert, QWidget *parent)
    : QDialog(parent)
    , m_alert(alert)
{
    setObjectName(QStringLiteral("alertDetailDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Alert: %1").arg(elidedText(alert.title, 120)));
    resize(900, 640);

    auto *layout = new QVBoxLayout(this);
    auto *title
            = new QLabel(alert.title.isEmpty() ? tr("(no title)") : elidedText(alert.title), this);
    title->setObjectName(QStringLiteral("alertDetailTitle"));
    title->setTextFormat(Qt::PlainText);
    title->setWordWrap(true);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    title->setFont(titleFont);
    CopySupport::install(title);
    layout->addWidget(title);

    // The Defender link as text (to copy), and a button that opens it through the window.
    auto *linkRow = new QHBoxLayout;
    auto *link = new QLabel(alert.alertWebUrl.isEmpty() ? tr("No Defender link")
                                                        : elidedText(alert.alertWebUrl, 500),
                            this);
    link->setObjectName(QStringLiteral("alertDefenderLink"));
    link->setTextFormat(Qt::PlainText);
    link->setWordWrap(true);
    CopySupport::install(link);
    linkRow->addWidget(link, 1);
    auto *open = new QPushButton(tr("Open in Microsoft 365 Defender"), this);
    open->setObjectName(QStringLiteral("openAlertInDefender"));
    open->setEnabled(!alert.alertWebUrl.isEmpty());
    connect(open, &QPushButton::clicked, this,
            [this] { Q_EMIT openInDefenderRequested(m_alert.alertWebUrl); });
    linkRow->addWidget(open);
    layout->addLayout(linkRow);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    auto *fields = makeTree("alertDetailFields", tr("Fields of the alert"), splitter);
    const auto add = [fields](const QString &label, const QString &value) {
        if (!value.isEmpty())
            addLine(fields, nullptr, label, value);
    };
    add(tr("Severity"), severityLabel(alert.severity));
    add(tr("Status"), AlertListModel::alertStatusLabel(alert.status));
    add(tr("Product"), productDisplayName(alert.serviceSource));
    add(tr("Detection source"), EntityTreeModel::readableEnumValue(alert.detectionSource));
    add(tr("Category (tactic)"), alert.category);
    add(tr("MITRE techniques"), alert.mitreTechniques.join(QStringLiteral(", ")));
    add(tr("Description"), alert.description);
    add(tr("Recommended actions"), alert.recommendedActions);
    add(tr("Threat"), alert.threatDisplayName);
    add(tr("Threat family"), alert.threatFamilyName);
    add(tr("Actor"), alert.actorDisplayName);
    add(tr("Assigned to"), alert.assignedTo);
    add(tr("Classification"), classificationLabel(alert.classification));
    add(tr("Determination"), determinationLabel(alert.determination));
    add(tr("Created"), formatTime(alert.createdTime));
    add(tr("First activity"), formatTime(alert.firstActivityTime));
    add(tr("Last activity"), formatTime(alert.lastActivityTime));
    add(tr("Last updated"), formatTime(alert.lastUpdateTime));
    add(tr("Resolved"), formatTime(alert.resolvedTime));
    add(tr("System tags"), alert.systemTags.join(QStringLiteral(", ")));
    add(tr("Alert id"), alert.id);
    add(tr("Provider alert id"), alert.providerAlertId);
    add(tr("Incident id"), alert.incidentId);
    add(tr("Detector id"), alert.detectorId);
    add(tr("Alert policy id"), alert.alertPolicyId);
    add(tr("Tenant"), alert.tenantId);
    add(tr("Incident link"), alert.incidentWebUrl);
    for (const Comment &comment : alert.comments)
        add(tr("Comment"),
            tr("%1 (%2, %3)").arg(comment.text, comment.author, formatTime(comment.createdTime)));
    // Key/value pairs of the detection: each under a group row, keys as Graph sent them.
    const auto addGroup = [fields](const QString &label, const char *objectName,
                                   const QList<DetailLine> &lines) {
        if (lines.isEmpty())
            return;
        auto *group = new QTreeWidgetItem(fields);
        group->setText(0, label);
        group->setData(0, Qt::UserRole, QLatin1String(objectName));
        for (const DetailLine &line : lines)
            addLine(fields, group, line.label, line.value);
        group->setExpanded(true);
        group->setFirstColumnSpanned(true);
    };
    addGroup(tr("Custom details"), "customDetails", jsonObjectLines(alert.customDetailsJson));
    addGroup(tr("Additional data"), "additionalData", jsonObjectLines(alert.additionalDataJson));

    QList<Entity> evidence = alert.evidence;
    if (evidence.isEmpty() && !alert.evidenceJson.isEmpty())
        evidence = evidenceFromGraphJson(alert.evidenceJson);
    auto *evidenceTree = makeTree("alertEvidence", tr("Evidence of the alert"), splitter);
    fillEvidence(evidenceTree, evidence);
    splitter->addWidget(fields);
    splitter->addWidget(evidenceTree);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    layout->addWidget(buttons);
}

void AlertDetailDialog::fillEvidence(QTreeWidget *tree, const QList<Entity> &evidence)
{
    tree->clear();
    if (evidence.isEmpty()) {
        auto *none = new QTreeWidgetItem(tree);
        none->setText(0, tr("No evidence"));
        return;
    }
    for (const Entity &entity : evidence) {
        auto *top = addLine(tree, nullptr, entityKindLabel(entity.kind), entity.value);
        top->setData(0, Qt::UserRole, QVariant::fromValue(entity.kind));
        QList<DetailLine> lines = evidenceDetailLines(entity);
        if (lines.isEmpty()) {
            // Evidence kept without its JSON (older stores): what the entity itself holds.
            lines = {{tr("Detail"), entity.detail},
                     {tr("Verdict"), EntityTreeModel::readableEnumValue(entity.verdict)},
                     {tr("Remediation status"),
                      EntityTreeModel::readableEnumValue(entity.remediationStatus)}};
        }
        for (const DetailLine &line : std::as_const(lines)) {
            if (!line.value.isEmpty())
                addLine(tree, top, line.label, line.value);
        }
        top->setExpanded(evidence.size() <= 12);
    }
}

QDialog *AlertDetailDialog::evidenceDialog(const Entity &entity, QWidget *parent)
{
    auto *dialog = new QDialog(parent);
    dialog->setObjectName(QStringLiteral("evidenceDetailDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(
            tr("%1: %2").arg(entityKindLabel(entity.kind), elidedText(entity.value, 120)));
    dialog->resize(760, 480);
    auto *layout = new QVBoxLayout(dialog);
    auto *tree = makeTree("evidenceDetailFields", tr("Properties of the evidence"), dialog);
    fillEvidence(tree, {entity});
    tree->expandAll();
    layout->addWidget(tree, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    layout->addWidget(buttons);
    return dialog;
}

} // namespace Vigil
