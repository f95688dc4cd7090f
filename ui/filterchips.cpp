#include "filterchips.h"

#include "incidentfilter.h"

#include <QAbstractItemView>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStringListModel>
#include <QToolButton>

namespace Vigil {

namespace {

/** Chips beyond this many are summed up as "+N more": the row stays one line high. */
constexpr int kMaxChips = 8;

} // namespace

FilterChips::FilterChips(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("filterChips"));
    setAccessibleName(tr("Filter terms"));
    m_layout = new QHBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(4);
    m_layout->addStretch(1);
    setVisible(false);
}

void FilterChips::setQuery(const IncidentQuery &query)
{
    while (m_layout->count() > 1) {
        QLayoutItem *item = m_layout->takeAt(0);
        delete item->widget();
        delete item;
    }
    const QList<IncidentFilterTerm> &terms = query.terms();
    m_chipCount = int(std::min<qsizetype>(terms.size(), kMaxChips));
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    for (int i = 0; i < m_chipCount; ++i) {
        const QString shown = IncidentQuery::displayTerm(terms.at(i).text);
        auto *chip = new QFrame(this);
        chip->setObjectName(QStringLiteral("filterChip"));
        chip->setFrameShape(QFrame::StyledPanel);
        chip->setStyleSheet(QStringLiteral(
                "QFrame#filterChip { border: 1px solid palette(mid); border-radius: 8px;"
                " background: palette(alternate-base); }"));
        auto *row = new QHBoxLayout(chip);
        row->setContentsMargins(6, 0, 0, 0);
        row->setSpacing(0);
        auto *label = new QLabel(chip);
        label->setObjectName(QStringLiteral("filterChipText"));
        label->setTextFormat(Qt::PlainText);
        label->setText(fontMetrics().elidedText(shown, Qt::ElideRight, em * 16));
        label->setToolTip(shown);
        row->addWidget(label);
        auto *remove = new QToolButton(chip);
        remove->setObjectName(QStringLiteral("filterChipRemove"));
        remove->setText(QStringLiteral("×"));
        remove->setAutoRaise(true);
        remove->setAccessibleName(tr("Remove %1 from the filter").arg(shown));
        remove->setToolTip(remove->accessibleName());
        // The filter box keeps the keyboard; the chips are a mouse shortcut for editing the text.
        remove->setFocusPolicy(Qt::NoFocus);
        connect(remove, &QToolButton::clicked, this, [this, i] { Q_EMIT removeRequested(i); });
        row->addWidget(remove);
        m_layout->insertWidget(i, chip);
    }
    if (terms.size() > kMaxChips) {
        auto *more = new QLabel(tr("+%n more", nullptr, int(terms.size() - kMaxChips)), this);
        more->setObjectName(QStringLiteral("filterChipsMore"));
        m_layout->insertWidget(m_chipCount, more);
    }
    setVisible(!terms.isEmpty());
}

FilterCompleter::FilterCompleter(QLineEdit *edit)
    : QCompleter(edit)
    , m_edit(edit)
{
    setObjectName(QStringLiteral("filterCompleter"));
    QStringList words;
    for (const QString &field : IncidentQuery::fieldNames()) {
        words.append(field + QLatin1Char(':'));
        for (const QString &value : IncidentQuery::fieldValues(field))
            words.append(field + QLatin1Char(':') + value);
    }
    m_words = new QStringListModel(words, this);
    setModel(m_words);
    setCaseSensitivity(Qt::CaseInsensitive);
    setCompletionMode(QCompleter::PopupCompletion);
    setModelSorting(QCompleter::UnsortedModel);
    setMaxVisibleItems(10);
    setWidget(edit);
    connect(edit, &QLineEdit::textEdited, this, &FilterCompleter::onTextEdited);
    connect(this, qOverload<const QString &>(&QCompleter::activated), this,
            &FilterCompleter::insertCompletion);
}

std::pair<qsizetype, qsizetype> FilterCompleter::currentTerm() const
{
    const QString text = m_edit->text();
    const qsizetype cursor = m_edit->cursorPosition();
    qsizetype start = cursor;
    while (start > 0 && !text.at(start - 1).isSpace())
        --start;
    // A leading "-" negates the term: complete what follows it.
    if (start < cursor && text.at(start) == QLatin1Char('-'))
        ++start;
    return {start, cursor - start};
}

void FilterCompleter::onTextEdited()
{
    const auto [start, length] = currentTerm();
    const QString term = m_edit->text().mid(start, length);
    // Free words are not completed: only a term that starts like a field name (two letters at
    // least, so that typing a word does not open a popup on every first letter) or has its colon.
    if (term.size() < 2 || term.contains(QLatin1Char('"'))) {
        popup()->hide();
        return;
    }
    setCompletionPrefix(term);
    if (completionCount() == 0
        || (completionCount() == 1
            && currentCompletion().compare(term, Qt::CaseInsensitive) == 0)) {
        popup()->hide();
        return;
    }
    complete();
}

void FilterCompleter::insertCompletion(const QString &completion)
{
    const auto [start, length] = currentTerm();
    const QString text = m_edit->text();
    const bool open = completion.endsWith(QLatin1Char(':'));
    QString insert = completion;
    qsizetype cursor = start + insert.size();
    if (!open) {
        // A finished term: continue with the next one.
        if (start + length >= text.size() || !text.at(start + length).isSpace())
            insert += QLatin1Char(' ');
        cursor = start + insert.size();
    }
    // Through the edit's own insert, so that Ctrl+Z takes the completion back.
    m_edit->setSelection(int(start), int(length));
    m_edit->insert(insert);
    m_edit->setCursorPosition(int(cursor));
    if (open) {
        // Offer the field's values at once.
        setCompletionPrefix(completion);
        complete();
    }
}

} // namespace Vigil
