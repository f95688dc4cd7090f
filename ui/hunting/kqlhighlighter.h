#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace Vigil {

/**
 * KQL syntax colours for the hunting editor: keywords and operators, strings, comments,
 * numbers and timespans, and the names of the hunting tables. GUI thread.
 */
class KqlHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit KqlHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;

private:
    struct Rule
    {
        QRegularExpression pattern;
        QTextCharFormat format;
    };
    QList<Rule> m_rules;
    QTextCharFormat m_string;
    QTextCharFormat m_comment;
};

} // namespace Vigil
