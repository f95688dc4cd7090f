#include "kqleditor.h"

#include "huntingcontroller.h"
#include "kqlhighlighter.h"

#include "displaytext.h"
#include <QAbstractItemView>
#include <QCompleter>
#include <QFontDatabase>
#include <QHeaderView>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QScrollBar>
#include <QStandardItemModel>
#include <QTextBlock>
#include <QToolTip>
#include <QTreeView>

namespace Vigil {

namespace {

constexpr int kCheckDelayMs = 400;

QString kindText(HuntCompletion::Kind kind)
{
    switch (kind) {
    case HuntCompletion::Kind::Table:
        return KqlEditor::tr("table");
    case HuntCompletion::Kind::Column:
        return KqlEditor::tr("column");
    case HuntCompletion::Kind::Operator:
        return KqlEditor::tr("operator");
    case HuntCompletion::Kind::Function:
        return KqlEditor::tr("function");
    case HuntCompletion::Kind::Aggregate:
        return KqlEditor::tr("aggregate");
    case HuntCompletion::Kind::Keyword:
        break;
    }
    return KqlEditor::tr("keyword");
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'-';
}

} // namespace

KqlEditor::KqlEditor(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setObjectName(QStringLiteral("kqlEditor"));
    setAccessibleName(tr("KQL query"));
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabChangesFocus(false);
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 4);
    setPlaceholderText(tr("DeviceProcessEvents\n| where Timestamp > ago(1d)\n| take 100\n\n"
                          "Ctrl+Enter runs the query (or the selection), Shift+Enter the block "
                          "at the cursor, Esc cancels, Ctrl+Space completes."));
    m_highlighter = new KqlHighlighter(document());

    m_completionModel = new QStandardItemModel(this);
    m_completer = new QCompleter(m_completionModel, this);
    m_completer->setObjectName(QStringLiteral("kqlCompleter"));
    m_completer->setWidget(this);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setModelSorting(QCompleter::UnsortedModel);
    m_completer->setFilterMode(Qt::MatchStartsWith);
    m_completer->setMaxVisibleItems(12);
    // A two-column popup: the name, then its type or signature.
    auto *popup = new QTreeView;
    popup->setObjectName(QStringLiteral("kqlCompletionPopup"));
    popup->setRootIsDecorated(false);
    popup->setHeaderHidden(true);
    popup->setUniformRowHeights(true);
    popup->setAllColumnsShowFocus(true);
    popup->header()->setStretchLastSection(true);
    m_completer->setPopup(popup);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            &KqlEditor::insertCompletion);

    m_checkTimer.setSingleShot(true);
    m_checkTimer.setInterval(kCheckDelayMs);
    connect(&m_checkTimer, &QTimer::timeout, this, &KqlEditor::checkNow);
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        // The old underline would point at the wrong place while the text changes.
        if (m_problem) {
            m_problem.reset();
            applyProblem();
        }
        m_checkTimer.start();
    });
}

void KqlEditor::checkNow()
{
    m_checkTimer.stop();
    const QString text = toPlainText();
    if (text.trimmed().isEmpty()) {
        m_problem.reset();
        applyProblem();
        return;
    }
    // Several blocks (Shift+Enter runs one) are not one query: check the block at the cursor.
    int offset = 0;
    QString query = text;
    if (text.contains(QLatin1String("\n\n")) || text.contains(QLatin1String("\n \n"))) {
        query = blockToRun(&offset);
        if (query.trimmed().isEmpty()) {
            m_problem.reset();
            applyProblem();
            return;
        }
    }
    const QList<HuntProblem> problems = HuntingController::check(query);
    if (problems.isEmpty()) {
        m_problem.reset();
        applyProblem();
        return;
    }
    showProblem(offset + problems.first().offset, problems.first().length,
                problems.first().message);
}

void KqlEditor::showProblem(int offset, int length, const QString &message)
{
    const QString text = toPlainText();
    Problem problem;
    problem.offset = std::clamp(offset, 0, int(text.size()));
    problem.length = std::max(1, length);
    problem.message = message;
    const QTextBlock block = document()->findBlock(problem.offset);
    problem.line = block.blockNumber() + 1;
    problem.column = problem.offset - block.position() + 1;
    m_problem = problem;
    applyProblem();
}

void KqlEditor::applyProblem()
{
    QList<QTextEdit::ExtraSelection> selections;
    if (m_problem) {
        QTextEdit::ExtraSelection selection;
        selection.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        selection.format.setUnderlineColor(QColor(0xd1, 0x34, 0x38));
        selection.format.setToolTip(plainToolTip(m_problem->message));
        selection.cursor = QTextCursor(document());
        const int end
                = std::min(m_problem->offset + m_problem->length, document()->characterCount() - 1);
        int start = m_problem->offset;
        // At the very end of the text (a missing token): underline the last character.
        if (start >= end && start > 0)
            start = end - 1;
        selection.cursor.setPosition(start);
        selection.cursor.setPosition(std::max(start, end), QTextCursor::KeepAnchor);
        selections.append(selection);
        Q_EMIT problemChanged(tr("Line %1, column %2: %3")
                                      .arg(m_problem->line)
                                      .arg(m_problem->column)
                                      .arg(m_problem->message));
    } else {
        Q_EMIT problemChanged(QString());
    }
    setExtraSelections(selections);
}

bool KqlEditor::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && m_problem) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QTextCursor at = cursorForPosition(viewport()->mapFromParent(help->pos()));
        const int pos = at.position();
        if (pos >= m_problem->offset && pos <= m_problem->offset + m_problem->length) {
            QToolTip::showText(help->globalPos(), plainToolTip(m_problem->message), this);
            return true;
        }
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    if (event->type() == QEvent::ShortcutOverride) {
        // The editor's own keys win over the window's shortcuts while it has focus.
        auto *key = static_cast<QKeyEvent *>(event);
        const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        if (key->key() == Qt::Key_Escape
            || (enter && (key->modifiers() & (Qt::ControlModifier | Qt::ShiftModifier)))) {
            event->accept();
            return true;
        }
    }
    return QPlainTextEdit::event(event);
}

QString KqlEditor::queryToRun(int *offset) const
{
    const QTextCursor cursor = textCursor();
    if (cursor.hasSelection()) {
        *offset = cursor.selectionStart();
        // The selection's paragraph separators are U+2029: give the engine line breaks.
        return cursor.selectedText().replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
    }
    *offset = 0;
    return toPlainText();
}

QString KqlEditor::blockToRun(int *offset) const
{
    const QString text = toPlainText();
    const auto [start, end] = HuntingController::blockAt(text, textCursor().position());
    *offset = start;
    return text.mid(start, end - start);
}

void KqlEditor::keyPressEvent(QKeyEvent *event)
{
    QAbstractItemView *popup = m_completer->popup();
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    const bool modified = event->modifiers() & (Qt::ControlModifier | Qt::ShiftModifier);
    if (popup->isVisible()) {
        // The completer's popup takes these; Ctrl+Enter and Shift+Enter still run.
        if ((enter && !modified) || event->key() == Qt::Key_Tab || event->key() == Qt::Key_Escape
            || event->key() == Qt::Key_Backtab) {
            event->ignore();
            return;
        }
        if (enter)
            popup->hide();
    }
    if (enter && (event->modifiers() & Qt::ControlModifier)) {
        int offset = 0;
        const QString query = queryToRun(&offset);
        Q_EMIT runRequested(query, offset);
        return;
    }
    if (enter && (event->modifiers() & Qt::ShiftModifier)) {
        int offset = 0;
        const QString query = blockToRun(&offset);
        Q_EMIT runRequested(query, offset);
        return;
    }
    if (event->key() == Qt::Key_Escape) {
        Q_EMIT cancelRequested();
        return;
    }
    if (event->key() == Qt::Key_Space && (event->modifiers() & Qt::ControlModifier)) {
        updateCompletions(true);
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
    const QString typed = event->text();
    if (typed.isEmpty() || (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier))) {
        popup->hide();
        return;
    }
    const QChar last = typed.back();
    if (isWordChar(last) || event->key() == Qt::Key_Backspace) {
        updateCompletions(false);
    } else {
        const QString before = toPlainText().left(textCursor().position());
        if (before.trimmed().endsWith(QLatin1Char('|')) && last.isSpace())
            updateCompletions(true);
        else
            popup->hide();
    }
}

void KqlEditor::complete()
{
    updateCompletions(true);
}

void KqlEditor::updateCompletions(bool explicitRequest)
{
    const QString text = toPlainText();
    const int cursor = textCursor().position();
    const HuntCompletions found = HuntingController::completions(text, cursor);
    QAbstractItemView *popup = m_completer->popup();
    if (found.items.isEmpty() || (!explicitRequest && found.length == 0)) {
        popup->hide();
        return;
    }
    const QString prefix = text.mid(found.start, found.length);
    // Nothing to offer when the word is already complete and is the only candidate.
    if (found.items.size() == 1 && found.items.first().text == prefix) {
        popup->hide();
        return;
    }
    m_completionStart = found.start;
    m_completionCalls.clear();
    m_completionModel->clear();
    m_completionModel->setColumnCount(2);
    for (const HuntCompletion &item : found.items) {
        if (item.kind == HuntCompletion::Kind::Function
            || item.kind == HuntCompletion::Kind::Aggregate)
            m_completionCalls.insert(item.text);
        auto *name = new QStandardItem(item.text);
        name->setToolTip(plainToolTip(item.detail));
        auto *detail = new QStandardItem(item.detail.isEmpty() ? kindText(item.kind) : item.detail);
        detail->setForeground(palette().color(QPalette::PlaceholderText));
        m_completionModel->appendRow({name, detail});
    }
    m_completer->setCompletionPrefix(prefix);
    QRect rect = cursorRect();
    auto *tree = qobject_cast<QTreeView *>(popup);
    if (tree)
        tree->resizeColumnToContents(0);
    rect.setWidth(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 48);
    m_completer->complete(rect);
    popup->setCurrentIndex(m_completer->completionModel()->index(0, 0));
}

void KqlEditor::insertCompletion(const QString &text)
{
    QTextCursor cursor = textCursor();
    cursor.setPosition(m_completionStart);
    cursor.setPosition(textCursor().position(), QTextCursor::KeepAnchor);
    cursor.insertText(text);
    // A function comes with its parentheses, the cursor between them, unless they are typed
    // already.
    const QString after = toPlainText().mid(cursor.position(), 1);
    if (m_completionCalls.contains(text) && after != QLatin1String("(")) {
        cursor.insertText(QStringLiteral("()"));
        cursor.movePosition(QTextCursor::Left);
    }
    setTextCursor(cursor);
}

void KqlEditor::insertText(const QString &text)
{
    textCursor().insertText(text);
    setFocus(Qt::OtherFocusReason);
}

} // namespace Vigil
