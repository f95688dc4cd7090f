#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace Vigil {
class HuntingSchema;
}

namespace Vigil::Kql {

/** @brief One completion candidate: what is inserted, what it is, and a hint. Value type. */
struct KqlCompletion
{
    enum class Kind { Table, Column, Operator, Function, Aggregate, Keyword };
    QString text; ///< inserted in place of the word being typed
    Kind kind = Kind::Keyword;
    QString detail; ///< a column's type, a function's signature, an operator's use
};

/** @brief The candidates at a cursor and the span of text they replace. Value type. */
struct KqlCompletions
{
    int start = 0; ///< where the word being typed starts (UTF-16 offset)
    int length = 0; ///< how much of it is before the cursor
    QList<KqlCompletion> items;
};

/**
 * What may be typed at cursor: table names where a query starts, operators after `|`, the
 * columns of the table in scope (the front end binds the text up to the last `|` before the
 * cursor), functions with their signatures (aggregates in summarize) and the operator's
 * keywords. Only candidates starting with the word before the cursor (ignoring case). Nothing
 * inside a string or a comment. Pure function; any thread.
 */
KqlCompletions kqlCompletions(QStringView text, int cursor, const HuntingSchema &schema);

/** A function's signature as shown to the analyst: `bin(value, roundTo)`, `[x]` optional. */
QString kqlSignatureText(const QString &name, bool aggregate);

/**
 * The block at cursor, as Defender runs with Shift+Enter: the lines between the blank lines
 * around the cursor. Returns [start, end) offsets; start == end when the cursor is on a blank line
 * between blocks.
 */
std::pair<int, int> kqlBlockAt(QStringView text, int cursor);

/** value as a KQL string literal: double quotes, with `\`, `"` and control characters escaped. */
QString kqlStringLiteral(QStringView value);

} // namespace Vigil::Kql
