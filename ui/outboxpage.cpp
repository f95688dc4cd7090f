#include "outboxpage.h"

#include "synccontroller.h"
#include "vocabulary.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Vigil {

namespace {

enum Column {
    IncidentColumn,
    TitleColumn,
    FieldColumn,
    ValueColumn,
    StateColumn,
    AttemptsColumn,
    NextColumn,
    ErrorColumn,
    ColumnCount
};

constexpr int kNumberRole = Qt::UserRole + 1;
constexpr qsizetype kMaxCellLength = 500;

/** Server or analyst text for one table cell: one line, no control or direction characters
 *  (a value cannot break the row or reverse its neighbours), cut where it is very long. */
QString oneLine(const QString &text)
{
    QString line;
    line.reserve(std::min(text.size(), kMaxCellLength + 1));
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool direction = (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069);
        const QChar::Category category = c.category();
        if (direction || category == QChar::Other_Control || category == QChar::Separator_Line
            || category == QChar::Separator_Paragraph)
            line.append(u' ');
        else
            line.append(c);
        if (line.size() > kMaxCellLength) {
            line.append(u'…');
            break;
        }
    }
    return line.simplified();
}

QString fieldLabel(IncidentField field)
{
    switch (field) {
    case IncidentField::Status:
        return OutboxPage::tr("Status");
    case IncidentField::Owner:
        return OutboxPage::tr("Owner");
    case IncidentField::Classification:
        return OutboxPage::tr("Classification");
    case IncidentField::Tags:
        return OutboxPage::tr("Tags");
    case IncidentField::Comment:
        return OutboxPage::tr("Comment");
    case IncidentField::Severity:
        return OutboxPage::tr("Severity");
    case IncidentField::Title:
        return OutboxPage::tr("Title");
    }
    return fieldName(field);
}

QString valueText(IncidentField field, const FieldValue &value)
{
    switch (field) {
    case IncidentField::Status:
        return statusLabel(value.text);
    case IncidentField::Owner:
        return value.text.isEmpty() ? OutboxPage::tr("(unassigned)") : value.text;
    case IncidentField::Classification:
        if (value.determination.isEmpty())
            return classificationLabel(value.text);
        return classificationLabel(value.text) + QStringLiteral(" · ")
               + determinationLabel(value.determination);
    case IncidentField::Tags:
        return value.tags.isEmpty() ? OutboxPage::tr("(no tags)")
                                    : value.tags.join(QStringLiteral(", "));
    case IncidentField::Severity:
        return severityLabel(value.text);
    case IncidentField::Comment:
    case IncidentField::Title:
        return value.text;
    }
    return value.text;
}

QString countOf(qsizetype n, const QString &one, const QString &many)
{
    return n == 1 ? one : many.arg(n);
}

} // namespace

OutboxPage::OutboxPage(SyncController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
{
    setObjectName(QStringLiteral("outboxPage"));
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("Outbox: edits Microsoft 365 Defender has not accepted yet"), this);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    title->setFont(titleFont);
    layout->addWidget(title);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("outboxSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    layout->addWidget(m_summary);

    m_table = new QTreeWidget(this);
    m_table->setObjectName(QStringLiteral("outboxTable"));
    m_table->setColumnCount(ColumnCount);
    m_table->setHeaderLabels({tr("Incident"), tr("Title"), tr("Field"), tr("Value"), tr("State"),
                              tr("Attempts"), tr("Next attempt"), tr("Error")});
    m_table->setRootIsDecorated(false);
    m_table->setUniformRowHeights(true);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setWordWrap(false);
    QHeaderView *header = m_table->header();
    header->setStretchLastSection(true);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->resizeSection(IncidentColumn, 80);
    header->resizeSection(TitleColumn, 280);
    header->resizeSection(FieldColumn, 110);
    header->resizeSection(ValueColumn, 240);
    header->resizeSection(StateColumn, 200);
    header->resizeSection(AttemptsColumn, 80);
    header->resizeSection(NextColumn, 130);
    layout->addWidget(m_table, 1);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("outboxMessage"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->hide();
    layout->addWidget(m_message);

    auto *buttons = new QHBoxLayout;
    m_retry = new QPushButton(tr("&Retry now"), this);
    m_retry->setObjectName(QStringLiteral("retryOutbox"));
    m_retry->setToolTip(tr("Send the selected incident's edits to Microsoft 365 Defender now"));
    m_discard = new QPushButton(tr("&Discard…"), this);
    m_discard->setObjectName(QStringLiteral("discardOutbox"));
    m_discard->setToolTip(tr("Drop the selected incident's edits unsent; it shows Microsoft 365 "
                             "Defender's values again"));
    buttons->addWidget(m_retry);
    buttons->addWidget(m_discard);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    connect(m_retry, &QPushButton::clicked, this, &OutboxPage::retrySelected);
    connect(m_discard, &QPushButton::clicked, this, &OutboxPage::discardSelected);
    connect(m_table, &QTreeWidget::itemSelectionChanged, this, &OutboxPage::updateButtons);
    connect(m_table, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        Q_EMIT incidentActivated(item->data(IncidentColumn, kNumberRole).toLongLong());
    });

    if (m_controller) {
        connect(m_controller, &SyncController::outboxLoaded, this, &OutboxPage::setRows);
        const auto refreshIfShown = [this] {
            if (isVisible())
                refresh();
        };
        connect(m_controller, &SyncController::pendingCountChanged, this, refreshIfShown);
        connect(m_controller, &SyncController::outboxFlushed, this, refreshIfShown);
        connect(m_controller, &SyncController::outboxDiscarded, this,
                [this](qint64 number, int edits) {
                    showMessage(edits == 1 ? tr("Discarded the edit of incident #%1; it shows "
                                                "Microsoft 365 Defender's values again.")
                                                     .arg(number)
                                           : tr("Discarded %1 edits of incident #%2; it shows "
                                                "Microsoft 365 Defender's values again.")
                                                     .arg(edits)
                                                     .arg(number));
                    refresh();
                });
        connect(m_controller, &SyncController::outboxDiscardFailed, this,
                [this](qint64 number, const Error &error) {
                    showMessage(tr("The edits of incident #%1 were not discarded: %2")
                                        .arg(number)
                                        .arg(error.message));
                    refresh();
                });
    }
    setRows({});
}

qint64 OutboxPage::selectedIncident() const
{
    const QList<QTreeWidgetItem *> selected = m_table->selectedItems();
    if (selected.isEmpty())
        return 0;
    return selected.constFirst()->data(IncidentColumn, kNumberRole).toLongLong();
}

void OutboxPage::setRows(const QList<OutboxRow> &rows)
{
    const qint64 keep = selectedIncident();
    m_rows = rows;
    m_table->clear();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QLocale locale;
    QSet<qint64> incidents;
    QSet<qint64> failing;
    QTreeWidgetItem *reselect = nullptr;
    // An incident's rows go out in order: the state and the next attempt of its oldest row
    // hold for the rows behind it.
    QHash<qint64, const OutboxRow *> oldest;
    for (const OutboxRow &row : rows) {
        if (!oldest.contains(row.number))
            oldest.insert(row.number, &row);
        const OutboxRow &leading = *oldest.value(row.number);
        incidents.insert(row.number);
        const bool held = leading.state == QLatin1String("held");
        const bool failed = held || leading.attempts > 0;
        QString state;
        if (&leading != &row && failed)
            state = tr("Waiting behind a failed edit");
        else if (held)
            state = tr("Waiting for sign-in");
        else if (row.attempts > 0)
            state = tr("Failed, retrying");
        else
            state = tr("Pending");
        if (failed)
            failing.insert(row.number);
        QString next;
        if (held) {
            next = tr("after sign-in");
        } else if (leading.nextAttempt.isValid() && leading.nextAttempt > now) {
            const QDateTime local = leading.nextAttempt.toLocalTime();
            next = local.date() == QDate::currentDate()
                           ? local.time().toString(QStringLiteral("HH:mm:ss"))
                           : locale.toString(local, QLocale::ShortFormat);
        } else {
            next = tr("now");
        }
        auto *item = new QTreeWidgetItem(m_table);
        item->setText(IncidentColumn, QStringLiteral("#%1").arg(row.number));
        item->setData(IncidentColumn, kNumberRole, row.number);
        if (m_titleOf)
            item->setText(TitleColumn, oneLine(m_titleOf(row.number)));
        item->setText(FieldColumn, fieldLabel(row.edit.field));
        item->setText(ValueColumn, oneLine(valueText(row.edit.field, row.edit.local)));
        item->setText(StateColumn, state);
        item->setText(AttemptsColumn, locale.toString(row.attempts));
        item->setText(NextColumn, next);
        item->setText(ErrorColumn, oneLine(row.lastError));
        // Tooltips read markup: the full text goes in escaped.
        if (!row.lastError.isEmpty())
            item->setToolTip(ErrorColumn, QStringLiteral("<p style='white-space:pre-wrap'>%1</p>")
                                                  .arg(row.lastError.left(4000).toHtmlEscaped()));
        if (!reselect && row.number == keep)
            reselect = item;
    }
    if (rows.isEmpty()) {
        m_summary->setText(tr("No edits wait: Microsoft 365 Defender has every change."));
    } else {
        const QString edits = countOf(rows.size(), tr("1 edit"), tr("%1 edits"));
        const QString of = countOf(incidents.size(), tr("1 incident"), tr("%1 incidents"));
        const QString waiting = tr("%1 of %2 waiting to be sent.").arg(edits, of);
        m_summary->setText(
                failing.isEmpty()
                        ? waiting
                        : waiting + QLatin1Char(' ')
                                  + tr("Failed: %1 (each retried on its own back-off, without "
                                       "holding back the others).")
                                            .arg(countOf(failing.size(), tr("1 incident"),
                                                         tr("%1 incidents"))));
    }
    if (reselect)
        m_table->setCurrentItem(reselect);
    else if (m_table->topLevelItemCount() > 0)
        m_table->setCurrentItem(m_table->topLevelItem(0));
    updateButtons();
}

void OutboxPage::refresh()
{
    if (m_controller)
        m_controller->requestOutbox();
}

void OutboxPage::retrySelected()
{
    const qint64 number = selectedIncident();
    if (number == 0)
        return;
    showMessage(tr("Sending the edits of incident #%1 now…").arg(number));
    Q_EMIT retryRequested(number);
    if (m_controller)
        m_controller->retryOutbox(number);
}

void OutboxPage::discardSelected()
{
    const qint64 number = selectedIncident();
    if (number == 0 || m_question)
        return;
    qsizetype edits = 0;
    for (const OutboxRow &row : std::as_const(m_rows))
        edits += row.number == number ? 1 : 0;
    // Not modal in the event-loop sense: the answer arrives through finished().
    m_question = new QMessageBox(
            QMessageBox::Question, tr("Discard edits"),
            (edits == 1 ? tr("Discard the unsent edit of incident #%1?").arg(number)
                        : tr("Discard the %1 unsent edits of incident #%2?").arg(edits).arg(number))
                    + QStringLiteral("\n\n")
                    + tr("They are never sent, and the incident shows Microsoft 365 Defender's "
                         "values again. This cannot be undone."),
            QMessageBox::Discard | QMessageBox::Cancel, this);
    m_question->setObjectName(QStringLiteral("discardQuestion"));
    m_question->setTextFormat(Qt::PlainText);
    m_question->setDefaultButton(QMessageBox::Cancel);
    m_question->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_question, &QMessageBox::finished, this, [this, number](int) {
        const bool discard
                = m_question
                  && m_question->clickedButton() == m_question->button(QMessageBox::Discard);
        m_question = nullptr;
        if (!discard)
            return;
        Q_EMIT discardRequested(number);
        if (m_controller)
            m_controller->discardOutbox(number);
    });
    m_question->open();
}

void OutboxPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void OutboxPage::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void OutboxPage::updateButtons()
{
    const bool any = selectedIncident() != 0;
    m_retry->setEnabled(any && m_controller);
    m_discard->setEnabled(any && m_controller);
}

} // namespace Vigil
