#pragma once

#include "kqlast.h"

#include <QList>
#include <QString>
#include <QStringView>

namespace Vigil::Kql {

enum class TokenKind {
    End,
    Identifier, ///< name or keyword, including dashed keywords (project-away, mv-expand, …)
    BracketName, ///< ['name'] or ["name"]: value holds the name
    String, ///< value holds the decoded text
    Long, ///< integer literal (decimal or 0x hex)
    Real, ///< 1.5, 1e3
    TimeSpan, ///< 1d, 2.5h, 100ms, 1tick
    TypedLiteral, ///< datetime(…), timespan(…), guid(…), int(…), …: text = keyword, value = inside
    Operator, ///< punctuation and symbolic/negated operators: text holds it ("==", "!has_cs",
              ///< "in~")
};

/** @brief One token: its kind, the source text it covers and where it starts. Value type. */
struct Token
{
    TokenKind kind = TokenKind::End;
    QString text; ///< the token as written (for TypedLiteral: the keyword)
    QString value; ///< decoded string / bracketed name / inside of a typed literal
    SourcePos pos;
    int end = 0; ///< offset just after the token
};

/**
 * @brief Splits KQL text into tokens with positions; comments and white space are dropped.
 *
 * A lexing error (unterminated string, stray character) is reported once with its position and
 * stops the scan. Pure function object; any thread.
 */
class Lexer
{
public:
    /** The tokens, ending with one End token; on error, nullopt and *error says what and where. */
    static std::optional<QList<Token>> tokenize(QStringView text, KqlError *error);
};

/** True for Kusto's keywords that a name must bracket (['last'], ['project']). */
bool isReservedWord(QStringView word);

/** True when word is a string operator that can be negated with `!` (has, contains_cs, in, …). */
bool isNegatableStringOperator(QStringView word);

} // namespace Vigil::Kql
