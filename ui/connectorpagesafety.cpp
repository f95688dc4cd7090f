#include "connectorpage.h"

#include "synccontroller.h"
#include "triage.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>

#include <cmath>

// ConnectorPage, asking first: turning the Microsoft incident creation rules on says what will
// happen and how many incidents a day to expect; turning them off again offers to close the
// duplicates they made; leaving a rule with unsaved edits asks to save or discard them.

namespace Vigil {

namespace {

constexpr int kProductRole = Qt::UserRole + 1; // as in connectorpagerules.cpp

/** A non-blocking question over the page; it deletes itself when answered. */
QMessageBox *question(QWidget *parent, const QString &objectName, const QString &title,
                      const QString &text)
{
    // The question in the text as well as the title: not every desktop shows a dialog's title.
    auto *box = new QMessageBox(QMessageBox::Question, title, title, QMessageBox::NoButton, parent);
    box->setObjectName(objectName);
    box->setTextFormat(Qt::PlainText);
    box->setInformativeText(text);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    return box;
}

} // namespace

void ConnectorPage::askBeforeTurningOn(const IncidentRuleSettings &after,
                                       const std::optional<RuleImpact> &impact)
{
    if (!m_settings || !m_settings->turnOffMicrosoftRules)
        return;
    QString expect;
    if (!impact) {
        expect = tr("How many incidents to expect is not known here.");
    } else if (impact->alerts == 0) {
        expect = tr("None of the alerts of the last %n day(s) would have made one, so expect "
                    "few or none.",
                    nullptr, impact->days);
    } else {
        const int perDay = std::max(1, int(std::lround(impact->perDay)));
        expect = tr("From the %n alert(s) they would have matched ", nullptr, impact->alerts)
                 + tr("in the last %n day(s), ", nullptr, impact->days)
                 + tr("expect about %n incident(s) a day", nullptr, perDay)
                 + (impact->duplicates > 0
                            ? tr("; %n of those alerts are already in M365D incidents, so their "
                                 "incidents would be duplicates.",
                                 nullptr, impact->duplicates)
                            : QStringLiteral("."));
    }
    QMessageBox *box = question(
            this, QStringLiteral("turnOnRulesQuestion"),
            tr("Turn on the Microsoft incident creation rules?"),
            tr("Vigil will make an incident of its own for every new MDE, MDI and MDO alert "
               "that the rules below match, at the next pull and from then on, beside the "
               "incidents Microsoft 365 Defender already makes of the same alerts.")
                    + QStringLiteral("\n\n") + expect);
    QPushButton *turnOn = box->addButton(tr("Turn the rules on"), QMessageBox::AcceptRole);
    turnOn->setObjectName(QStringLiteral("turnOnRules"));
    QPushButton *keep = box->addButton(tr("Keep them off"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepRulesOff"));
    box->setDefaultButton(keep);
    box->setEscapeButton(keep);
    connect(box, &QMessageBox::finished, this, [this, box, turnOn, after] {
        if (box->clickedButton() != turnOn || !m_settings)
            return;
        IncidentRuleSettings settings = *m_settings;
        settings.turnOffMicrosoftRules = after.turnOffMicrosoftRules;
        m_rulesOnSince = QDateTime::currentDateTimeUtc();
        m_ruleIncidentsSince.clear();
        m_filling = true;
        m_turnOff->setChecked(settings.turnOffMicrosoftRules);
        m_filling = false;
        submit(settings);
    });
    box->open();
}

void ConnectorPage::noteRuleIncidents(const QList<Incident> &incidents)
{
    if (!m_rulesOnSince.isValid())
        return;
    for (const Incident &incident : incidents) {
        if (!incident.isRuleIncident())
            continue;
        const auto product = ruleProductForAlert(incident.alertSources.value(0), {});
        if (product && !isCoveredByTurnOffSetting(*product))
            continue;
        // New ones, and later news of those (a duplicate link, a close).
        if (m_ruleIncidentsSince.contains(incident.number) || !incident.createdTime.isValid()
            || incident.createdTime >= m_rulesOnSince.addSecs(-600))
            m_ruleIncidentsSince.insert(incident.number, incident);
    }
}

void ConnectorPage::offerToCloseDuplicates()
{
    if (!m_rulesOnSince.isValid())
        return;
    QList<qint64> duplicates;
    for (const Incident &incident : std::as_const(m_ruleIncidentsSince))
        if (incident.duplicateOf > 0 && vigilStatus(incident.status) != VigilStatus::Closed)
            duplicates.append(incident.number);
    const QDateTime since = m_rulesOnSince;
    m_rulesOnSince = {};
    m_ruleIncidentsSince.clear();
    if (duplicates.isEmpty() || !m_controller)
        return;
    std::sort(duplicates.begin(), duplicates.end());
    QMessageBox *box = question(
            this, QStringLiteral("closeDuplicatesQuestion"), tr("Close the duplicates?"),
            tr("While the rules were on (since %1) they made %n incident(s) of alerts that an "
               "M365D incident already holds.",
               nullptr, int(duplicates.size()))
                            .arg(QLocale().toString(since.toLocalTime(), QLocale::ShortFormat))
                    + QStringLiteral("\n\n")
                    + tr("Close them as Undetermined, with a comment that they are duplicates? "
                         "The M365D incidents stay as they are."));
    QPushButton *close = box->addButton(
            tr("Close %n duplicate(s)", nullptr, int(duplicates.size())), QMessageBox::AcceptRole);
    close->setObjectName(QStringLiteral("closeDuplicates"));
    QPushButton *keep = box->addButton(tr("Keep them"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepDuplicates"));
    box->setDefaultButton(close);
    box->setEscapeButton(keep);
    connect(box, &QMessageBox::finished, this, [this, box, close, duplicates] {
        if (box->clickedButton() != close || !m_controller)
            return;
        TriageEdit edit;
        edit.status = VigilStatus::Closed;
        edit.classification = ClassificationChoice{VigilClassification::Undetermined, {}, {}};
        edit.comment = tr("Duplicate of the M365D incident that holds the same alert: made "
                          "while the Microsoft incident creation rules were on.");
        edit.editTime = QDateTime::currentDateTimeUtc();
        m_controller->requestEdit(duplicates, edit);
    });
    box->open();
}

IncidentRule ConnectorPage::ruleInEditor() const
{
    IncidentRule rule = m_settings ? m_settings->rule(currentProduct()) : IncidentRule{};
    if (m_ruleEnabled->isEnabled())
        rule.enabled = m_ruleEnabled->isChecked();
    static const QStringList names = {QStringLiteral("High"), QStringLiteral("Medium"),
                                      QStringLiteral("Low"), QStringLiteral("Informational")};
    QStringList severities;
    for (int i = 0; i < m_severities.size(); ++i)
        if (m_severities.at(i)->isChecked())
            severities << names.value(i);
    rule.severities = severities.size() == names.size() ? QStringList() : severities;
    const auto parts = [](const QString &text) {
        QStringList list;
        for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
            if (!part.trimmed().isEmpty())
                list.append(part.trimmed());
        return list;
    };
    rule.titleInclude = parts(m_include->text());
    rule.titleExclude = parts(m_exclude->text());
    rule.skipAlertsInM365dIncidents = m_skipHeld->isChecked();
    return rule;
}

bool ConnectorPage::editorHasUnsavedChanges() const
{
    if (!m_settings)
        return false;
    // Compared as the save would store them: severities in one spelling and order, all four
    // the same as none.
    const auto normalized = [](IncidentRule rule) {
        QStringList severities;
        for (const QString &severity : std::as_const(rule.severities))
            severities.append(ruleSeverityName(severity));
        severities.removeDuplicates();
        severities.sort();
        rule.severities = severities.size() == 4 ? QStringList() : severities;
        return rule;
    };
    const IncidentRule stored = normalized(m_settings->rule(currentProduct()));
    const IncidentRule shown = normalized(ruleInEditor());
    // An empty title part ("a,,b") is a change the save would refuse: still unsaved.
    const auto raw = [](const QLineEdit *edit) {
        return edit->text().split(QLatin1Char(','), Qt::SkipEmptyParts).size();
    };
    return !(shown == stored) || raw(m_include) != stored.titleInclude.size()
           || raw(m_exclude) != stored.titleExclude.size();
}

void ConnectorPage::currentRuleChanged(QTreeWidgetItem *current, QTreeWidgetItem *previous)
{
    if (m_selectingBack)
        return;
    if (!previous || !current || !m_settings) {
        fillEditor();
        return;
    }
    // The editor still shows previous's rule: is anything in it unsaved?
    m_selectingBack = true;
    m_rules->setCurrentItem(previous);
    const bool unsaved = editorHasUnsavedChanges();
    if (!unsaved)
        m_rules->setCurrentItem(current);
    m_selectingBack = false;
    if (!unsaved) {
        fillEditor();
        return;
    }
    const QString name = previous->text(0);
    QMessageBox *box = question(this, QStringLiteral("unsavedRuleQuestion"),
                                tr("Save the changes to the %1 rule?").arg(name),
                                tr("The %1 rule has changes that are not saved. Save them before "
                                   "opening another rule, or discard them?")
                                        .arg(name));
    box->setStandardButtons(QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Save);
    box->setEscapeButton(QMessageBox::Cancel);
    const auto target = current->data(0, kProductRole).toInt();
    connect(box, &QMessageBox::finished, this, [this, box, target] {
        const QMessageBox::StandardButton answer = box->standardButton(box->clickedButton());
        if (answer == QMessageBox::Cancel || answer == QMessageBox::NoButton)
            return;
        if (answer == QMessageBox::Save && !saveEditedRule())
            return; // the reason is shown; the analyst stays on the rule
        for (int row = 0; row < m_rules->topLevelItemCount(); ++row) {
            QTreeWidgetItem *item = m_rules->topLevelItem(row);
            if (item->data(0, kProductRole).toInt() != target)
                continue;
            m_selectingBack = true;
            m_rules->setCurrentItem(item);
            m_selectingBack = false;
            fillEditor();
        }
    });
    box->open();
}

} // namespace Vigil
