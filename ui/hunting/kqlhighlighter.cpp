#include "kqlhighlighter.h"

#include "huntingschema.h"

#include <QPalette>

namespace Vigil {

namespace {

QTextCharFormat charFormat(const QColor &colour, bool bold = false, bool italic = false)
{
    QTextCharFormat f;
    f.setForeground(colour);
    if (bold)
        f.setFontWeight(QFont::Bold);
    f.setFontItalic(italic);
    return f;
}

/** Colours that read on light and dark backgrounds alike. */
bool darkBackground()
{
    return QPalette().color(QPalette::Base).lightness() < 128;
}

} // namespace

KqlHighlighter::KqlHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    const bool dark = darkBackground();
    const QColor keyword = dark ? QColor(0x56, 0x9c, 0xd6) : QColor(0x00, 0x33, 0xb3);
    const QColor table = dark ? QColor(0x4e, 0xc9, 0xb0) : QColor(0x26, 0x7f, 0x99);
    const QColor number = dark ? QColor(0xb5, 0xce, 0xa8) : QColor(0x09, 0x86, 0x58);
    const QColor op = dark ? QColor(0xd4, 0xd4, 0xd4) : QColor(0x79, 0x5e, 0x26);
    m_string = charFormat(dark ? QColor(0xce, 0x91, 0x78) : QColor(0xa3, 0x15, 0x15));
    m_comment = charFormat(dark ? QColor(0x6a, 0x99, 0x55) : QColor(0x00, 0x80, 0x00), false, true);

    static const char *const keywords[] = {
            "where",
            "project",
            "project-away",
            "project-keep",
            "project-rename",
            "project-reorder",
            "extend",
            "summarize",
            "sort",
            "order",
            "by",
            "top",
            "take",
            "limit",
            "count",
            "distinct",
            "join",
            "lookup",
            "union",
            "mv-expand",
            "mv-apply",
            "parse",
            "parse-where",
            "render",
            "getschema",
            "invoke",
            "evaluate",
            "serialize",
            "as",
            "sample",
            "sample-distinct",
            "let",
            "set",
            "datatable",
            "range",
            "print",
            "on",
            "kind",
            "with",
            "and",
            "or",
            "not",
            "asc",
            "desc",
            "between",
            "in",
            "has",
            "has_any",
            "has_all",
            "has_cs",
            "contains",
            "contains_cs",
            "startswith",
            "startswith_cs",
            "endswith",
            "endswith_cs",
            "hasprefix",
            "hassuffix",
            "matches",
            "regex",
            "true",
            "false",
            "nulls",
            "first",
            "last",
            "inner",
            "leftouter",
            "leftanti",
            "leftsemi",
            "rightouter",
            "fullouter",
            "innerunique",
            "withsource",
            "timechart",
            "barchart",
            "columnchart",
            "piechart",
            "areachart",
            "scatterchart",
            "linechart",
    };
    QStringList words;
    for (const char *word : keywords)
        words.append(QRegularExpression::escape(QLatin1String(word)));
    m_rules.append(
            {QRegularExpression(
                     QStringLiteral("(?<![\\w-])(%1)(?![\\w-])").arg(words.join(QLatin1Char('|')))),
             charFormat(keyword, true)});
    QStringList tables;
    for (const HuntingTable &t : HuntingSchema::defender().tables())
        tables.append(QRegularExpression::escape(t.name));
    m_rules.append(
            {QRegularExpression(QStringLiteral("\\b(%1)\\b").arg(tables.join(QLatin1Char('|')))),
             charFormat(table, true)});
    m_rules.append({QRegularExpression(QStringLiteral(
                            "\\b(0x[0-9a-fA-F]+|\\d+(\\.\\d+)?([eE][+-]?\\d+)?"
                            "(d|h|m|s|ms|microsecond|tick|days?|hours?|minutes?|seconds?)?)\\b")),
                    charFormat(number)});
    m_rules.append({QRegularExpression(QStringLiteral("\\||==|!=|=~|!~|<=|>=|\\.\\.")),
                    charFormat(op, true)});
}

void KqlHighlighter::highlightBlock(const QString &text)
{
    for (const Rule &rule : std::as_const(m_rules)) {
        auto it = rule.pattern.globalMatch(text);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            setFormat(int(m.capturedStart()), int(m.capturedLength()), rule.format);
        }
    }
    // Strings and comments last: they win over what looks like a keyword inside them.
    int i = 0;
    while (i < text.size()) {
        const QChar c = text[i];
        if (c == u'/' && i + 1 < text.size() && text[i + 1] == u'/') {
            setFormat(i, int(text.size()) - i, m_comment);
            return;
        }
        if (c == u'"' || c == u'\'') {
            const bool verbatim = i > 0 && text[i - 1] == u'@';
            int j = i + 1;
            while (j < text.size() && text[j] != c) {
                if (text[j] == u'\\' && !verbatim)
                    ++j;
                ++j;
            }
            const int start = verbatim ? i - 1 : i;
            setFormat(start, std::min(int(text.size()), j + 1) - start, m_string);
            i = j + 1;
            continue;
        }
        ++i;
    }
}

} // namespace Vigil
