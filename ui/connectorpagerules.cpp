#include "connectorpage.h"

#include "errortext.h"
#include "synccontroller.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

// ConnectorPage, the incident-creation rules: the table, the "turn off Microsoft incident creation
// rules" checkbox and the editor, read and saved through the SyncController.

namespace Vigil {

namespace {

enum RuleColumn { RuleNameColumn, RuleStateColumn, RuleFilterColumn, RuleColumnCount };

constexpr int kProductRole = Qt::UserRole + 1;

const QStringList &severityNames()
{
    static const QStringList names = {QStringLiteral("High"), QStringLiteral("Medium"),
                                      QStringLiteral("Low"), QStringLiteral("Informational")};
    return names;
}

QStringList splitTitleParts(const QString &text)
{
    QStringList parts;
    for (const QString &part : text.split(QLatin1Char(',')))
        parts.append(part.trimmed());
    if (parts.size() == 1 && parts.constFirst().isEmpty())
        return {};
    return parts;
}

} // namespace

QWidget *ConnectorPage::createRulesBox()
{
    auto *box = new QGroupBox(tr("Incident creation rules"));
    box->setObjectName(QStringLiteral("connectorRules"));
    auto *layout = new QVBoxLayout(box);

    m_turnOff = new QCheckBox(
            tr("Turn off all Microsoft incident creation rules for these products (recommended)"),
            box);
    m_turnOff->setObjectName(QStringLiteral("turnOffMicrosoftRules"));
    m_turnOff->setToolTip(tr("Microsoft Defender for Endpoint, for Identity and for Office 365: "
                             "Microsoft 365 Defender already makes incidents of their alerts."));
    m_turnOff->setEnabled(false);
    connect(m_turnOff, &QCheckBox::toggled, this, &ConnectorPage::applyTurnOff);
    layout->addWidget(m_turnOff);
    auto *covered = new QLabel(tr("Covers MDE, MDI and MDO. With the rules on beside the "
                                  "connector, each rule incident whose alert an M365D incident "
                                  "also holds is marked as its duplicate."),
                               box);
    covered->setWordWrap(true);
    covered->setIndent(20);
    layout->addWidget(covered);
    auto *mcasNote
            = new QLabel(tr("The MCAS rule stays on. %1").arg(reasonText(RuleProduct::Mcas)), box);
    mcasNote->setObjectName(QStringLiteral("mcasRuleReason"));
    mcasNote->setWordWrap(true);
    mcasNote->setIndent(20);
    layout->addWidget(mcasNote);

    m_rules = new QTreeWidget(box);
    m_rules->setObjectName(QStringLiteral("incidentRules"));
    m_rules->setAccessibleName(tr("Incident creation rules"));
    m_rules->setRootIsDecorated(false);
    m_rules->setColumnCount(RuleColumnCount);
    m_rules->setHeaderLabels({tr("Rule"), tr("Creates incidents"), tr("Filters")});
    m_rules->header()->setSectionResizeMode(RuleNameColumn, QHeaderView::ResizeToContents);
    m_rules->header()->setSectionResizeMode(RuleStateColumn, QHeaderView::ResizeToContents);
    m_rules->header()->setStretchLastSection(true);
    m_rules->setSelectionMode(QAbstractItemView::SingleSelection);
    for (const RuleProduct product : allRuleProducts()) {
        auto *item = new QTreeWidgetItem(m_rules);
        item->setData(RuleNameColumn, kProductRole, int(product));
        item->setText(RuleNameColumn, ruleProductName(product));
        item->setToolTip(RuleNameColumn, ruleDisplayName(product));
    }
    m_rules->setCurrentItem(m_rules->topLevelItem(0));
    m_rules->setEnabled(false);
    connect(m_rules, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem *item, int column) {
        if (column == RuleStateColumn)
            applyRuleCheck(item);
    });
    connect(m_rules, &QTreeWidget::currentItemChanged, this, &ConnectorPage::currentRuleChanged);
    layout->addWidget(m_rules, 1);

    auto *editor = new QGroupBox(tr("Edit rule"), box);
    editor->setObjectName(QStringLiteral("ruleEditor"));
    auto *form = new QFormLayout(editor);
    m_ruleTitle = new QLabel(editor);
    m_ruleTitle->setObjectName(QStringLiteral("ruleEditorTitle"));
    m_ruleTitle->setWordWrap(true);
    QFont bold = m_ruleTitle->font();
    bold.setBold(true);
    m_ruleTitle->setFont(bold);
    form->addRow(m_ruleTitle);
    m_ruleEnabled = new QCheckBox(tr("Create incidents from these alerts"), editor);
    m_ruleEnabled->setObjectName(QStringLiteral("ruleEnabled"));
    form->addRow(m_ruleEnabled);

    auto *severities = new QWidget(editor);
    auto *severityLayout = new QHBoxLayout(severities);
    severityLayout->setContentsMargins(0, 0, 0, 0);
    const QStringList severityLabels = {tr("High"), tr("Medium"), tr("Low"), tr("Informational")};
    for (int i = 0; i < severityNames().size(); ++i) {
        auto *check = new QCheckBox(severityLabels.at(i), severities);
        check->setObjectName(QStringLiteral("ruleSeverity") + severityNames().at(i));
        severityLayout->addWidget(check);
        m_severities.append(check);
    }
    severityLayout->addStretch(1);
    form->addRow(tr("Severities:"), severities);
    m_include = new QLineEdit(editor);
    m_include->setObjectName(QStringLiteral("ruleTitleInclude"));
    m_include->setPlaceholderText(tr("every title; or parts separated by commas"));
    m_include->setAccessibleName(tr("Title contains one of"));
    form->addRow(tr("Title contains:"), m_include);
    m_exclude = new QLineEdit(editor);
    m_exclude->setObjectName(QStringLiteral("ruleTitleExclude"));
    m_exclude->setPlaceholderText(tr("nothing excluded; or parts separated by commas"));
    m_exclude->setAccessibleName(tr("Title does not contain any of"));
    form->addRow(tr("Title excludes:"), m_exclude);
    m_skipHeld = new QCheckBox(tr("Skip alerts that an M365D incident already holds"), editor);
    m_skipHeld->setObjectName(QStringLiteral("ruleSkipHeld"));
    form->addRow(m_skipHeld);
    m_ruleReason = new QLabel(editor);
    m_ruleReason->setObjectName(QStringLiteral("ruleReason"));
    m_ruleReason->setWordWrap(true);
    QPalette captionPalette = m_ruleReason->palette();
    captionPalette.setColor(QPalette::WindowText, captionPalette.color(QPalette::PlaceholderText));
    m_ruleReason->setPalette(captionPalette);
    form->addRow(m_ruleReason);
    m_ruleMessage = new QLabel(editor);
    m_ruleMessage->setObjectName(QStringLiteral("ruleMessage"));
    m_ruleMessage->setWordWrap(true);
    m_ruleMessage->setVisible(false);
    form->addRow(m_ruleMessage);
    m_saveRule = new QPushButton(tr("Save rule"), editor);
    m_saveRule->setObjectName(QStringLiteral("saveRule"));
    connect(m_saveRule, &QPushButton::clicked, this, &ConnectorPage::saveEditedRule);
    connect(m_include, &QLineEdit::returnPressed, this, &ConnectorPage::saveEditedRule);
    connect(m_exclude, &QLineEdit::returnPressed, this, &ConnectorPage::saveEditedRule);
    form->addRow(QString(), m_saveRule);
    editor->setEnabled(false);
    layout->addWidget(editor);
    return box;
}

void ConnectorPage::reloadRules()
{
    if (!m_controller)
        return;
    m_requestedRules = true;
    m_controller->requestRuleSettings();
}

void ConnectorPage::showRuleSettings(const IncidentRuleSettings &settings)
{
    // The answer to an older save would undo a newer change on screen: wait for the last one.
    if (m_savesInFlight > 0 && --m_savesInFlight > 0)
        return;
    // What the analyst typed and has not saved stays in the editor (a reload after a sync or a
    // change in the table would otherwise wipe it without a word).
    const bool keepEditor = editorHasUnsavedChanges();
    m_settings = settings;
    // Why the editor's text was refused stays beside that text until the editor is refilled.
    if (!keepEditor)
        m_ruleMessage->setVisible(false);
    m_filling = true;
    m_turnOff->setEnabled(true);
    m_turnOff->setChecked(settings.turnOffMicrosoftRules);
    m_filling = false;
    m_rules->setEnabled(true);
    fillRulesTable();
    if (!keepEditor)
        fillEditor();
}

void ConnectorPage::showRuleSettingsFailure(const Error &error)
{
    m_askingImpact = false;
    if (m_savesInFlight > 0)
        --m_savesInFlight;
    m_ruleMessage->setText(
            tr("The rules could not be saved or read: %1").arg(errorDescription(error)));
    m_ruleMessage->setVisible(true);
}

QString ConnectorPage::ruleStateText(RuleProduct product) const
{
    if (!m_settings)
        return {};
    if (m_settings->turnOffMicrosoftRules && isCoveredByTurnOffSetting(product))
        return tr("Off — turned off above");
    return m_settings->isActive(product) ? tr("On") : tr("Off");
}

QString ConnectorPage::filterSummary(const IncidentRule &rule) const
{
    QStringList parts;
    parts << (rule.severities.isEmpty()
                      ? tr("every severity")
                      : QLocale().createSeparatedList([&rule] {
                            const QStringList labels
                                    = {tr("High"), tr("Medium"), tr("Low"), tr("Informational")};
                            QStringList shown;
                            for (const QString &severity : rule.severities) {
                                const qsizetype index = severityNames().indexOf(severity);
                                shown << (index >= 0 ? labels.at(index) : severity);
                            }
                            return shown;
                        }()));
    if (!rule.titleInclude.isEmpty())
        parts << tr("title contains %1").arg(rule.titleInclude.join(QStringLiteral(", ")));
    if (!rule.titleExclude.isEmpty())
        parts << tr("title excludes %1").arg(rule.titleExclude.join(QStringLiteral(", ")));
    if (rule.skipAlertsInM365dIncidents)
        parts << tr("skips alerts in M365D incidents");
    return parts.join(QStringLiteral("; "));
}

void ConnectorPage::fillRulesTable()
{
    if (!m_settings)
        return;
    m_filling = true;
    for (int row = 0; row < m_rules->topLevelItemCount(); ++row) {
        QTreeWidgetItem *item = m_rules->topLevelItem(row);
        const auto product = RuleProduct(item->data(RuleNameColumn, kProductRole).toInt());
        const IncidentRule rule = m_settings->rule(product);
        const bool lockedOff
                = m_settings->turnOffMicrosoftRules && isCoveredByTurnOffSetting(product);
        Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
        if (!lockedOff)
            flags |= Qt::ItemIsUserCheckable;
        item->setFlags(flags);
        item->setCheckState(RuleStateColumn,
                            m_settings->isActive(product) ? Qt::Checked : Qt::Unchecked);
        item->setText(RuleStateColumn, ruleStateText(product));
        item->setText(RuleFilterColumn, filterSummary(rule));
        item->setToolTip(RuleFilterColumn, reasonText(product));
        QFont font = item->font(RuleNameColumn);
        font.setItalic(lockedOff);
        for (int column = 0; column < RuleColumnCount; ++column)
            item->setFont(column, font);
    }
    m_filling = false;
}

RuleProduct ConnectorPage::currentProduct() const
{
    const QTreeWidgetItem *item = m_rules->currentItem();
    return item ? RuleProduct(item->data(RuleNameColumn, kProductRole).toInt())
                : allRuleProducts().constFirst();
}

void ConnectorPage::fillEditor()
{
    auto *editor = findChild<QGroupBox *>(QStringLiteral("ruleEditor"));
    if (!m_settings) {
        editor->setEnabled(false);
        return;
    }
    editor->setEnabled(true);
    const RuleProduct product = currentProduct();
    const IncidentRule rule = m_settings->rule(product);
    const bool lockedOff = m_settings->turnOffMicrosoftRules && isCoveredByTurnOffSetting(product);
    m_ruleTitle->setText(
            QStringLiteral("%1 — %2").arg(ruleProductName(product), productFilter(product)));
    m_ruleEnabled->setChecked(rule.enabled && !lockedOff);
    m_ruleEnabled->setEnabled(!lockedOff);
    m_ruleEnabled->setToolTip(lockedOff ? tr("Turned off by \"Turn off all Microsoft incident "
                                             "creation rules\"; clear that box to turn it on.")
                                        : QString());
    for (int i = 0; i < m_severities.size(); ++i)
        m_severities.at(i)->setChecked(rule.severities.isEmpty()
                                       || rule.severities.contains(severityNames().at(i)));
    m_include->setText(rule.titleInclude.join(QStringLiteral(", ")));
    m_exclude->setText(rule.titleExclude.join(QStringLiteral(", ")));
    m_skipHeld->setChecked(rule.skipAlertsInM365dIncidents);
    QString reason = reasonText(product);
    if (lockedOff)
        reason = tr("Off while \"Turn off all Microsoft incident creation rules\" is checked. %1")
                         .arg(reason);
    m_ruleReason->setText(reason);
    m_ruleMessage->setVisible(false);
}

QString ConnectorPage::reasonText(RuleProduct product)
{
    // One text with vigilctl's, translated here.
    return QCoreApplication::translate("Vigil::ConnectorPage", ruleDefaultReasonText(product));
}

QString ConnectorPage::validateRule(const IncidentRule &rule)
{
    if (rule.severities.isEmpty())
        return tr("Choose at least one severity; a rule without severities would create "
                  "nothing.");
    for (const QStringList *parts : {&rule.titleInclude, &rule.titleExclude}) {
        for (const QString &part : *parts) {
            if (part.isEmpty())
                return tr("A title part is empty: remove the extra comma.");
        }
    }
    for (const QString &part : rule.titleInclude) {
        if (rule.titleExclude.contains(part, Qt::CaseInsensitive))
            return tr("\"%1\" is both included and excluded: an alert with it in its title "
                      "would never match.")
                    .arg(part);
    }
    return {};
}

bool ConnectorPage::saveEditedRule()
{
    if (!m_settings)
        return false;
    const RuleProduct product = currentProduct();
    IncidentRule rule = m_settings->rule(product);
    if (m_ruleEnabled->isEnabled())
        rule.enabled = m_ruleEnabled->isChecked();
    QStringList severities;
    for (int i = 0; i < m_severities.size(); ++i) {
        if (m_severities.at(i)->isChecked())
            severities << severityNames().at(i);
    }
    const QString problemWithSeverities
            = severities.isEmpty() ? validateRule(IncidentRule{}) : QString();
    // Every severity checked is the same as no filter: keep it empty, as `vigilctl` shows it.
    rule.severities = severities.size() == severityNames().size() ? QStringList() : severities;
    rule.titleInclude = splitTitleParts(m_include->text());
    rule.titleExclude = splitTitleParts(m_exclude->text());
    rule.skipAlertsInM365dIncidents = m_skipHeld->isChecked();
    QString problem = problemWithSeverities;
    if (problem.isEmpty()) {
        IncidentRule check = rule;
        if (check.severities.isEmpty())
            check.severities = severityNames();
        problem = validateRule(check);
    }
    if (!problem.isEmpty()) {
        m_ruleMessage->setText(problem);
        m_ruleMessage->setVisible(true);
        return false;
    }
    IncidentRuleSettings settings = *m_settings;
    settings.setRule(rule);
    submit(settings);
    return true;
}

void ConnectorPage::applyTurnOff(bool on)
{
    if (m_filling || !m_settings || on == m_settings->turnOffMicrosoftRules)
        return;
    IncidentRuleSettings settings = *m_settings;
    settings.turnOffMicrosoftRules = on;
    if (!on) {
        // Unchecked, the three rules run with their own switch and filters (on by default):
        // the box stays checked until the analyst has read what that will do.
        m_filling = true;
        m_turnOff->setChecked(true);
        m_filling = false;
        if (m_controller) {
            m_askingImpact = true;
            m_controller->requestRuleImpact(settings);
        } else {
            askBeforeTurningOn(settings, std::nullopt);
        }
        return;
    }
    submit(settings);
    offerToCloseDuplicates();
}

void ConnectorPage::applyRuleCheck(QTreeWidgetItem *item)
{
    if (m_filling || !m_settings)
        return;
    const auto product = RuleProduct(item->data(RuleNameColumn, kProductRole).toInt());
    IncidentRule rule = m_settings->rule(product);
    rule.enabled = item->checkState(RuleStateColumn) == Qt::Checked;
    IncidentRuleSettings settings = *m_settings;
    settings.setRule(rule);
    submit(settings);
}

void ConnectorPage::submit(const IncidentRuleSettings &settings)
{
    // Shown at once; the store's answer (ruleSettingsLoaded) confirms or corrects it.
    m_settings = settings;
    fillRulesTable();
    fillEditor();
    if (m_controller) {
        ++m_savesInFlight;
        m_controller->saveRuleSettings(settings);
    }
    Q_EMIT ruleSettingsEdited(settings);
}

} // namespace Vigil
