#include "triagedialogs.h"

#include "displaytext.h"
#include "vocabulary.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHash>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace Vigil {

namespace {

constexpr int kPreviewRows = 6;
/** Item data of a tag row: how many of the dialog's incidents have the tag. */
constexpr int kTagCountRole = Qt::UserRole + 1;

Error inputError(const QString &message)
{
    Error error;
    error.kind = Error::Kind::Config;
    error.message = message;
    return error;
}

bool isSendShortcut(QEvent *event)
{
    if (event->type() != QEvent::KeyPress && event->type() != QEvent::ShortcutOverride)
        return false;
    const auto *key = static_cast<QKeyEvent *>(event);
    return (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
           && (key->modifiers() & Qt::ControlModifier);
}

QString incidentLine(const Incident &incident)
{
    return QStringLiteral("#%1  %2").arg(incident.number).arg(elidedText(incident.title));
}

QPlainTextEdit *commentEdit(QWidget *parent, const char *objectName, int lines)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(QLatin1String(objectName));
    edit->setTabChangesFocus(true);
    const int lineHeight = edit->fontMetrics().lineSpacing();
    edit->setMinimumHeight(lineHeight * lines + 12);
    edit->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    return edit;
}

} // namespace

// ---------------------------------------------------------------------------------------------

TriageDialog::TriageDialog(const QList<Incident> &incidents, const QString &analystUpn,
                           QWidget *parent)
    : QDialog(parent)
    , m_incidents(incidents)
    , m_analystUpn(analystUpn)
{
    setAttribute(Qt::WA_DeleteOnClose);
    // Wide enough for the preview's titles and the longest determination.
    setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('m')) * 40);
    auto *layout = new QVBoxLayout(this);

    m_target = new QLabel(this);
    m_target->setObjectName(QStringLiteral("triageTarget"));
    m_target->setWordWrap(true);
    m_target->setTextFormat(Qt::PlainText);
    QFont bold = m_target->font();
    bold.setBold(true);
    m_target->setFont(bold);
    layout->addWidget(m_target);

    m_preview = new QListWidget(this);
    m_preview->setObjectName(QStringLiteral("triagePreview"));
    m_preview->setAccessibleName(tr("Incidents this change applies to"));
    m_preview->setFocusPolicy(Qt::NoFocus);
    m_preview->setSelectionMode(QAbstractItemView::NoSelection);
    m_preview->setUniformItemSizes(true);
    if (isBulk()) {
        m_target->setText(tr("Apply to %1 incidents:").arg(m_incidents.size()));
        for (const Incident &incident : std::as_const(m_incidents))
            m_preview->addItem(incidentLine(incident));
        const int rows = int(std::min<qsizetype>(m_incidents.size(), kPreviewRows));
        m_preview->setFixedHeight(m_preview->sizeHintForRow(0) * rows + 2 * m_preview->frameWidth()
                                  + 4);
    } else if (!m_incidents.isEmpty()) {
        const Incident &incident = m_incidents.constFirst();
        m_target->setText(tr("Incident #%1 — %2")
                                  .arg(incident.number)
                                  .arg(incident.title.isEmpty() ? tr("(no title)")
                                                                : elidedText(incident.title)));
    }
    m_target->setAccessibleName(m_target->text());
    m_preview->setVisible(isBulk());
    layout->addWidget(m_preview);

    m_content = new QVBoxLayout;
    layout->addLayout(m_content, 1);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("triageError"));
    m_error->setAccessibleName(tr("Problem with this change"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    // Fixed light colours with explicit dark text stay readable on light and dark themes.
    m_error->setStyleSheet(QStringLiteral("QLabel#triageError { background: #fde7e9; border: 1px "
                                          "solid #d13438; border-radius: 4px; padding: 4px; "
                                          "color: #43070a; }"));
    m_error->setVisible(false);
    layout->addWidget(m_error);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("triageButtons"));
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setObjectName(QStringLiteral("triageOk"));
    ok->setDefault(true);
    QPushButton *cancel = m_buttons->button(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("triageCancel"));
    cancel->setAccessibleName(tr("Cancel without changing anything"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &TriageDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &TriageDialog::reject);
    layout->addWidget(m_buttons);
    setOkText(tr("OK"));
}

QList<qint64> TriageDialog::numbers() const
{
    QList<qint64> numbers;
    numbers.reserve(m_incidents.size());
    for (const Incident &incident : m_incidents)
        numbers.append(incident.number);
    return numbers;
}

QPushButton *TriageDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void TriageDialog::setOkText(const QString &singleText)
{
    QPushButton *ok = okButton();
    ok->setText(isBulk() ? tr("Apply to %1 incidents").arg(m_incidents.size()) : singleText);
    ok->setAccessibleName(ok->text().remove(QLatin1Char('&')));
}

void TriageDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(true);
}

void TriageDialog::clearError()
{
    m_error->clear();
    m_error->setVisible(false);
}

void TriageDialog::accept()
{
    Result<TriageEdit> built = editFromControls();
    if (!built) {
        showError(built.error().message);
        return;
    }
    TriageEdit edit = std::move(built).value();
    edit.editTime = QDateTime::currentDateTimeUtc();
    edit.analyst = m_analystUpn;
    // In a bulk edit, name the incidents a problem applies to, unless it applies to all.
    QString problem;
    QStringList refused;
    for (const Incident &incident : std::as_const(m_incidents)) {
        const Result<void> valid = validateEdit(incident, edit);
        if (valid)
            continue;
        if (problem.isEmpty())
            problem = valid.error().message;
        if (valid.error().message == problem)
            refused.append(QStringLiteral("#%1").arg(incident.number));
    }
    if (!problem.isEmpty()) {
        showError(refused.size() == m_incidents.size()
                          ? problem
                          : tr("%1: %2").arg(refused.join(QStringLiteral(", ")), problem));
        return;
    }
    clearError();
    Q_EMIT editChosen(numbers(), edit);
    QDialog::accept();
}

// ---------------------------------------------------------------------------------------------

StatusDialog::StatusDialog(const QList<Incident> &incidents, const QString &analystUpn,
                           QWidget *parent)
    : TriageDialog(incidents, analystUpn, parent)
{
    setObjectName(QStringLiteral("statusDialog"));
    setWindowTitle(tr("Set status"));
    auto *box = new QGroupBox(tr("Status"), this);
    box->setObjectName(QStringLiteral("statusBox"));
    auto *boxLayout = new QVBoxLayout(box);
    m_group = new QButtonGroup(this);
    const auto add = [&](VigilStatus status, const QString &text, const char *objectName,
                         const QString &accessible) {
        auto *button = new QRadioButton(text, box);
        button->setObjectName(QLatin1String(objectName));
        button->setAccessibleName(accessible);
        m_group->addButton(button, int(status));
        boxLayout->addWidget(button);
    };
    add(VigilStatus::New, tr("&New"), "statusNew", tr("Status New"));
    add(VigilStatus::Active, tr("&Active"), "statusActive", tr("Status Active"));
    add(VigilStatus::Closed, tr("&Closed…"), "statusClosed",
        tr("Status Closed, asks for a classification"));
    contentLayout()->addWidget(box);

    // Start on the step that usually comes next: New incidents become Active.
    VigilStatus preset = VigilStatus::Active;
    if (!isBulk() && !incidents.isEmpty()) {
        const VigilStatus current = vigilStatus(incidents.constFirst().status);
        if (current == VigilStatus::Active)
            preset = VigilStatus::Closed;
        else if (current == VigilStatus::Closed)
            preset = VigilStatus::Active;
    }
    m_group->button(int(preset))->setChecked(true);
    m_group->button(int(preset))->setFocus();
    connect(m_group, &QButtonGroup::idToggled, this, [this] { controlsChanged(); });
    setOkText(tr("Set status"));
}

Result<TriageEdit> StatusDialog::editFromControls() const
{
    if (m_group->checkedId() < 0)
        return inputError(tr("Choose a status: New, Active or Closed."));
    TriageEdit edit;
    edit.status = VigilStatus(m_group->checkedId());
    return edit;
}

void StatusDialog::accept()
{
    if (m_group->checkedId() == int(VigilStatus::Closed)) {
        Q_EMIT closeRequested(numbers());
        QDialog::reject();
        return;
    }
    TriageDialog::accept();
}

// ---------------------------------------------------------------------------------------------

CloseDialog::CloseDialog(const QList<Incident> &incidents, const QString &analystUpn,
                         QWidget *parent)
    : TriageDialog(incidents, analystUpn, parent)
{
    setObjectName(QStringLiteral("closeDialog"));
    setWindowTitle(tr("Close with classification"));

    auto *box = new QGroupBox(tr("Classification"), this);
    box->setObjectName(QStringLiteral("closeClassificationBox"));
    auto *boxLayout = new QVBoxLayout(box);
    m_classification = new QButtonGroup(this);
    const auto add = [&](VigilClassification classification, const QString &text,
                         const char *objectName) {
        auto *button = new QRadioButton(text, box);
        button->setObjectName(QLatin1String(objectName));
        button->setAccessibleName(tr("Classification %1").arg(QString(text).remove(u'&')));
        m_classification->addButton(button, int(classification));
        boxLayout->addWidget(button);
    };
    add(VigilClassification::TruePositive, tr("&True positive"), "closeTruePositive");
    add(VigilClassification::BenignPositive, tr("&Benign positive"), "closeBenignPositive");
    add(VigilClassification::FalsePositive, tr("&False positive"), "closeFalsePositive");
    add(VigilClassification::Undetermined, tr("&Undetermined"), "closeUndetermined");
    contentLayout()->addWidget(box);

    auto *form = new QFormLayout;
    m_reason = new QComboBox(this);
    m_reason->setObjectName(QStringLiteral("closeReason"));
    m_reason->setAccessibleName(tr("Closing reason"));
    form->addRow(tr("&Reason:"), m_reason);
    m_determination = new QComboBox(this);
    m_determination->setObjectName(QStringLiteral("closeDetermination"));
    m_determination->setAccessibleName(tr("Determination"));
    form->addRow(tr("&Determination:"), m_determination);
    m_comment = commentEdit(this, "closeComment", 3);
    m_comment->setMaximumHeight(m_comment->fontMetrics().lineSpacing() * 5 + 12);
    m_comment->setAccessibleName(tr("Closing comment (optional)"));
    m_comment->setPlaceholderText(tr("Optional. Ctrl+Enter closes the incident."));
    m_comment->installEventFilter(this);
    form->addRow(tr("Co&mment:"), m_comment);
    contentLayout()->addLayout(form);

    connect(m_classification, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (!checked)
            return;
        fillForClassification();
        controlsChanged();
    });
    connect(m_reason, &QComboBox::activated, this, [this] {
        onReasonChanged();
        controlsChanged();
    });
    connect(m_determination, &QComboBox::activated, this, [this] {
        onDeterminationChanged();
        controlsChanged();
    });

    // One incident that is already classified starts from its classification.
    if (!isBulk() && !incidents.isEmpty()) {
        const Incident &incident = incidents.constFirst();
        const ClassificationChoice choice
                = classificationChoiceFor(incident.classification, incident.determination);
        const bool classified = choice.classification == VigilClassification::TruePositive
                                || choice.classification == VigilClassification::BenignPositive
                                || choice.classification == VigilClassification::FalsePositive;
        if (classified) {
            setClassification(choice.classification);
            const int reason = m_reason->findData(int(choice.reason));
            if (reason >= 0)
                m_reason->setCurrentIndex(reason);
            const int determination = m_determination->findData(
                    canonicalEnumValue(GraphEnum::Determination, incident.determination));
            if (determination >= 0)
                m_determination->setCurrentIndex(determination);
        }
    }
    if (m_classification->checkedId() < 0)
        fillForClassification();
    setOkText(tr("Close incident"));
}

VigilClassification CloseDialog::chosenClassification() const
{
    const int id = m_classification->checkedId();
    return id < 0 ? VigilClassification::None : VigilClassification(id);
}

void CloseDialog::setClassification(VigilClassification classification)
{
    if (QAbstractButton *button = m_classification->button(int(classification)))
        button->setChecked(true);
}

void CloseDialog::fillForClassification()
{
    const VigilClassification classification = chosenClassification();
    m_reason->clear();
    for (ClosingReason reason : closingReasonsFor(classification))
        m_reason->addItem(closingReasonLabel(reason), int(reason));
    // With a placeholder text set, QComboBox no longer selects the first item by itself.
    m_reason->setCurrentIndex(m_reason->count() > 0 ? 0 : -1);
    m_reason->setEnabled(m_reason->count() > 1);

    m_determination->clear();
    for (const QString &determination : determinationsFor(classification))
        m_determination->addItem(determinationLabel(determination), determination);
    m_determination->setEnabled(m_determination->count() > 0);
    const QString placeholder
            = classification == VigilClassification::None
                      ? tr("Choose a classification first")
                      : tr("None for %1").arg(classificationLabel(QStringLiteral("unknown")));
    m_reason->setPlaceholderText(placeholder);
    m_determination->setPlaceholderText(placeholder);
    // Graph's default for a classification without a chosen determination is "other".
    const int other = m_determination->findData(QStringLiteral("other"));
    if (other >= 0 && classification != VigilClassification::FalsePositive)
        m_determination->setCurrentIndex(other);
    onReasonChanged();
}

// For False positive the reason decides the determination (and the other way round); keep the
// two combos in agreement so that the analyst never meets validateEdit's mismatch message.
void CloseDialog::onReasonChanged()
{
    if (chosenClassification() != VigilClassification::FalsePositive)
        return;
    QString determination;
    switch (ClosingReason(m_reason->currentData().toInt())) {
    case ClosingReason::IncorrectAlertLogic:
        determination = QStringLiteral("notMalicious");
        break;
    case ClosingReason::InaccurateData:
        determination = QStringLiteral("notEnoughDataToValidate");
        break;
    default:
        return;
    }
    const int index = m_determination->findData(determination);
    if (index >= 0)
        m_determination->setCurrentIndex(index);
}

void CloseDialog::onDeterminationChanged()
{
    if (chosenClassification() != VigilClassification::FalsePositive)
        return;
    const QString determination = m_determination->currentData().toString();
    ClosingReason reason = ClosingReason::None;
    if (determination == QLatin1String("notMalicious"))
        reason = ClosingReason::IncorrectAlertLogic;
    else if (determination == QLatin1String("notEnoughDataToValidate"))
        reason = ClosingReason::InaccurateData;
    // "Other" has no Sentinel reason: the reason is left empty.
    m_reason->setCurrentIndex(m_reason->findData(int(reason)));
}

Result<TriageEdit> CloseDialog::editFromControls() const
{
    TriageEdit edit;
    edit.status = VigilStatus::Closed;
    const VigilClassification classification = chosenClassification();
    if (classification != VigilClassification::None) {
        ClassificationChoice choice;
        choice.classification = classification;
        if (m_reason->currentIndex() >= 0)
            choice.reason = ClosingReason(m_reason->currentData().toInt());
        if (m_determination->currentIndex() >= 0)
            choice.determination = m_determination->currentData().toString();
        edit.classification = choice;
    }
    const QString comment = m_comment->toPlainText().trimmed();
    if (!comment.isEmpty())
        edit.comment = comment;
    return edit;
}

bool CloseDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_comment && isSendShortcut(event)) {
        if (event->type() == QEvent::KeyPress)
            accept();
        event->accept();
        return true;
    }
    return TriageDialog::eventFilter(watched, event);
}

// ---------------------------------------------------------------------------------------------

AssignDialog::AssignDialog(const QList<Incident> &incidents, const QString &analystUpn, Mode mode,
                           const QStringList &knownOwners, QWidget *parent)
    : TriageDialog(incidents, analystUpn, parent)
    , m_mode(mode)
{
    setObjectName(QStringLiteral("assignDialog"));
    setWindowTitle(mode == Mode::IdentifyMe ? tr("Assign to me") : tr("Assign to…"));

    if (mode == Mode::IdentifyMe) {
        auto *explain = new QLabel(tr("Vigil does not know your account yet. Enter your user "
                                      "principal name once; Vigil remembers it for “Assign to "
                                      "me” (A)."),
                                   this);
        explain->setObjectName(QStringLiteral("assignExplanation"));
        explain->setWordWrap(true);
        contentLayout()->addWidget(explain);
    }

    auto *row = new QHBoxLayout;
    m_assignTo = new QRadioButton(
            mode == Mode::IdentifyMe ? tr("&Your account:") : tr("Assign &to:"), this);
    m_assignTo->setObjectName(QStringLiteral("assignToUser"));
    m_assignTo->setAccessibleName(tr("Assign to the user principal name below"));
    m_assignTo->setChecked(true);
    row->addWidget(m_assignTo);
    m_upn = new QLineEdit(this);
    m_upn->setObjectName(QStringLiteral("assignUpn"));
    m_upn->setAccessibleName(tr("User principal name"));
    m_upn->setPlaceholderText(tr("name@contoso.com"));
    m_upn->setClearButtonEnabled(true);
    m_upn->setMinimumWidth(m_upn->fontMetrics().horizontalAdvance(QLatin1Char('m')) * 28);
    if (!knownOwners.isEmpty()) {
        auto *completer = new QCompleter(knownOwners, m_upn);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        completer->setFilterMode(Qt::MatchContains);
        m_upn->setCompleter(completer);
    }
    row->addWidget(m_upn, 1);
    contentLayout()->addLayout(row);

    m_unassign = new QRadioButton(tr("&Unassign (nobody owns it)"), this);
    m_unassign->setObjectName(QStringLiteral("assignUnassign"));
    m_unassign->setAccessibleName(tr("Unassign"));
    m_unassign->setVisible(mode == Mode::AssignTo);
    contentLayout()->addWidget(m_unassign);

    connect(m_upn, &QLineEdit::textEdited, this, [this] {
        m_assignTo->setChecked(true);
        controlsChanged();
    });
    connect(m_unassign, &QRadioButton::toggled, this, [this](bool on) {
        m_upn->setEnabled(!on);
        controlsChanged();
    });

    if (mode == Mode::AssignTo && !isBulk() && !incidents.isEmpty())
        m_upn->setText(incidents.constFirst().assignedTo);
    else if (mode == Mode::AssignTo)
        m_upn->setText(analystUpn);
    m_upn->selectAll();
    m_upn->setFocus();
    setOkText(mode == Mode::IdentifyMe ? tr("Assign to me") : tr("Assign"));
}

QString AssignDialog::upn() const
{
    return m_upn->text().trimmed();
}

void AssignDialog::setUpn(const QString &upn)
{
    m_upn->setText(upn);
    m_assignTo->setChecked(true);
}

Result<TriageEdit> AssignDialog::editFromControls() const
{
    TriageEdit edit;
    if (m_mode == Mode::AssignTo && m_unassign->isChecked()) {
        edit.owner = QString();
        return edit;
    }
    if (upn().isEmpty())
        return inputError(m_mode == Mode::IdentifyMe
                                  ? tr("Enter your user principal name (for example "
                                       "kai@contoso.com).")
                                  : tr("Enter a user principal name (for example "
                                       "kai@contoso.com), or choose Unassign."));
    edit.owner = upn();
    return edit;
}

// ---------------------------------------------------------------------------------------------

TagsDialog::TagsDialog(const QList<Incident> &incidents, const QString &analystUpn, QWidget *parent)
    : TriageDialog(incidents, analystUpn, parent)
{
    setObjectName(QStringLiteral("tagsDialog"));
    setWindowTitle(tr("Tags"));

    auto *caption = new QLabel(tr("&Custom tags — uncheck a tag to remove it:"), this);
    contentLayout()->addWidget(caption);
    m_tags = new QListWidget(this);
    m_tags->setObjectName(QStringLiteral("tagList"));
    m_tags->setAccessibleName(tr("Custom tags; uncheck a tag to remove it"));
    m_tags->installEventFilter(this);
    caption->setBuddy(m_tags);

    // A tag's count says how many of the incidents have it: all (checked), some (partly
    // checked, left alone unless the analyst decides), none (a tag added here).
    QStringList order;
    QHash<QString, int> counts;
    QStringList systemTags;
    for (const Incident &incident : incidents) {
        for (const QString &tag : incident.customTags) {
            if (!counts.contains(tag))
                order.append(tag);
            counts[tag] += 1;
        }
        for (const QString &tag : incident.systemTags) {
            if (!systemTags.contains(tag))
                systemTags.append(tag);
        }
    }
    const int total = int(incidents.size());
    for (const QString &tag : std::as_const(order)) {
        auto *item = new QListWidgetItem(tag, m_tags);
        const int count = counts.value(tag);
        item->setData(kTagCountRole, count);
        if (count < total) {
            item->setFlags(item->flags() | Qt::ItemIsUserTristate);
            item->setCheckState(Qt::PartiallyChecked);
            item->setToolTip(tr("On %1 of the %2 incidents").arg(count).arg(total));
        } else {
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Checked);
        }
    }
    if (m_tags->count() > 0)
        m_tags->setCurrentRow(0);
    m_tags->setMinimumHeight(m_tags->fontMetrics().lineSpacing() * 5);
    contentLayout()->addWidget(m_tags, 1);
    connect(m_tags, &QListWidget::itemChanged, this, [this] { controlsChanged(); });

    auto *system = new QLabel(this);
    system->setObjectName(QStringLiteral("systemTags"));
    system->setWordWrap(true);
    system->setTextFormat(Qt::PlainText);
    system->setText(tr("System tags (set by Microsoft, read-only): %1")
                            .arg(systemTags.join(QStringLiteral(", "))));
    system->setAccessibleName(system->text());
    system->setVisible(!systemTags.isEmpty());
    contentLayout()->addWidget(system);

    auto *row = new QHBoxLayout;
    m_input = new QLineEdit(this);
    m_input->setObjectName(QStringLiteral("tagInput"));
    m_input->setAccessibleName(tr("New tag"));
    m_input->setPlaceholderText(tr("New tag; Enter adds it"));
    m_input->installEventFilter(this);
    auto *inputCaption = new QLabel(tr("&Add:"), this);
    inputCaption->setBuddy(m_input);
    row->addWidget(inputCaption);
    row->addWidget(m_input, 1);
    auto *add = new QPushButton(tr("Add tag"), this);
    add->setObjectName(QStringLiteral("tagAdd"));
    add->setAccessibleName(tr("Add the typed tag"));
    add->setAutoDefault(false);
    connect(add, &QPushButton::clicked, this, &TagsDialog::addTypedTag);
    row->addWidget(add);
    contentLayout()->addLayout(row);

    m_input->setFocus();
    setOkText(tr("Save tags"));
}

void TagsDialog::setKnownTags(const QStringList &tags)
{
    auto *completer = new QCompleter(tags, m_input);
    completer->setObjectName(QStringLiteral("tagCompleter"));
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    m_input->setCompleter(completer);
}

void TagsDialog::addTypedTag()
{
    const QString tag = m_input->text().trimmed();
    if (tag.isEmpty())
        return;
    // Tags compare case-sensitively, as Graph's customTags do.
    const QList<QListWidgetItem *> existing = m_tags->findItems(tag, Qt::MatchExactly);
    QListWidgetItem *item = existing.isEmpty() ? nullptr : existing.constFirst();
    if (!item) {
        item = new QListWidgetItem(tag, m_tags);
        item->setData(kTagCountRole, 0);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setToolTip(tr("New tag"));
    }
    item->setCheckState(Qt::Checked);
    m_tags->setCurrentItem(item);
    m_input->clear();
    controlsChanged();
}

Result<TriageEdit> TagsDialog::editFromControls() const
{
    TriageEdit edit;
    const int total = int(incidents().size());
    for (int row = 0; row < m_tags->count(); ++row) {
        const QListWidgetItem *item = m_tags->item(row);
        const int count = item->data(kTagCountRole).toInt();
        if (item->checkState() == Qt::Checked && count < total)
            edit.tagsToAdd.append(item->text());
        else if (item->checkState() == Qt::Unchecked && count > 0)
            edit.tagsToRemove.append(item->text());
    }
    // A tag typed but not yet added with Enter is still meant.
    const QString typed = m_input->text().trimmed();
    if (!typed.isEmpty() && !edit.tagsToAdd.contains(typed) && !edit.tagsToRemove.contains(typed)
        && m_tags->findItems(typed, Qt::MatchExactly).isEmpty())
        edit.tagsToAdd.append(typed);
    if (edit.tagsToAdd.isEmpty() && edit.tagsToRemove.isEmpty())
        return inputError(tr("Nothing to change: type a tag to add, or uncheck a tag to remove "
                             "it."));
    return edit;
}

bool TagsDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        // Enter in the tag line adds the tag; only Enter on an empty line saves.
        if (watched == m_input && key->modifiers() == Qt::NoModifier
            && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && !m_input->text().trimmed().isEmpty()) {
            addTypedTag();
            return true;
        }
        if (watched == m_tags
            && (key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace)) {
            if (QListWidgetItem *item = m_tags->currentItem())
                item->setCheckState(Qt::Unchecked);
            return true;
        }
    }
    return TriageDialog::eventFilter(watched, event);
}

// ---------------------------------------------------------------------------------------------

CommentDialog::CommentDialog(const QList<Incident> &incidents, const QString &analystUpn,
                             QWidget *parent)
    : TriageDialog(incidents, analystUpn, parent)
{
    setObjectName(QStringLiteral("commentDialog"));
    setWindowTitle(tr("Comment"));
    auto *caption = new QLabel(tr("&Comment (Ctrl+Enter sends):"), this);
    contentLayout()->addWidget(caption);
    m_text = commentEdit(this, "commentText", 6);
    m_text->setAccessibleName(tr("Comment text"));
    m_text->installEventFilter(this);
    caption->setBuddy(m_text);
    contentLayout()->addWidget(m_text, 1);
    m_text->setFocus();
    setOkText(tr("Add comment"));
}

Result<TriageEdit> CommentDialog::editFromControls() const
{
    const QString text = m_text->toPlainText().trimmed();
    if (text.isEmpty())
        return inputError(tr("The comment is empty; type the comment's text."));
    TriageEdit edit;
    edit.comment = text;
    return edit;
}

bool CommentDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_text && isSendShortcut(event)) {
        if (event->type() == QEvent::KeyPress)
            accept();
        event->accept();
        return true;
    }
    if (watched == m_text && event->type() == QEvent::KeyPress)
        clearError();
    return TriageDialog::eventFilter(watched, event);
}

} // namespace Vigil
