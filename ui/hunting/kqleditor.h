#pragma once

#include <QList>
#include <QPlainTextEdit>
#include <QSet>
#include <QTimer>

class QCompleter;
class QStandardItemModel;

namespace Vigil {

class KqlHighlighter;

/**
 * The KQL editor of the hunting page: highlighting, completion (tables, columns of the table in
 * scope, operators, functions with their signatures) in a popup, and the engine's first error
 * underlined where it is, re-checked when typing pauses.
 *
 * Ctrl+Enter runs the selection, or the whole text; Shift+Enter the block at the cursor (the
 * lines between blank lines); Esc asks to cancel a running query; Ctrl+Space completes.
 * GUI thread.
 */
class KqlEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    /** A checked error: where in the document, and the engine's words. */
    struct Problem
    {
        int offset = 0;
        int length = 1;
        int line = 1;
        int column = 1;
        QString message;
    };

    explicit KqlEditor(QWidget *parent = nullptr);

    /** The error the last check found, if any. */
    std::optional<Problem> problem() const { return m_problem; }
    /** Shows an error of text run from offset (a selection, a block): underlined in place. */
    void showProblem(int offset, int length, const QString &message);
    /** Checks now instead of when typing pauses. */
    void checkNow();
    QCompleter *completer() const { return m_completer; }
    /** Opens the completion popup for the cursor position (Ctrl+Space). */
    void complete();
    /** The text a run takes: the selection, or everything; *offset is where it starts. */
    QString queryToRun(int *offset) const;
    /** The block at the cursor (Shift+Enter); *offset is where it starts. */
    QString blockToRun(int *offset) const;

public Q_SLOTS:
    /** Inserts text at the cursor (the schema browser, history). */
    void insertText(const QString &text);

Q_SIGNALS:
    /** Run query, which starts at offset of the document. */
    void runRequested(const QString &query, int offset);
    void cancelRequested();
    /** The status line's text: the error at its line and column, or empty. */
    void problemChanged(const QString &text);

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void insertCompletion(const QString &text);
    void updateCompletions(bool explicitRequest);
    void applyProblem();

    KqlHighlighter *m_highlighter = nullptr;
    QCompleter *m_completer = nullptr;
    QStandardItemModel *m_completionModel = nullptr;
    QTimer m_checkTimer;
    std::optional<Problem> m_problem;
    QSet<QString> m_completionCalls; ///< candidates that are functions: inserted with ()
    int m_completionStart = 0;
};

} // namespace Vigil
