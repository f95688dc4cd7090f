#pragma once

#include "kqlast.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringView>

namespace Vigil {
class HuntingSchema;
}

namespace Vigil::Kql {

/** How a query is checked. */
struct AnalyzeOptions
{
    /** Accept Sentinel's `TimeGenerated` as another name of a table's `Timestamp` column. */
    bool timeGeneratedAlias = true;
    /**
     * The columns of `evaluate pivot()` and of `evaluate bag_unpack()` without declared columns
     * come from the data. With pivotProbe, the first such operator whose columns are not in
     * pivotValues or bagColumns stops the analysis: QueryAnalysis::pivotProbe names it
     * (compilePivotProbe() gives the query that reads them). pivotValues: per pivot (the
     * operator's offset in the text), its values in the order of its columns. bagColumns: per
     * bag_unpack, the slots of its bags (name and type) in the order of its columns.
     */
    bool pivotProbe = false;
    QHash<int, QStringList> pivotValues;
    QHash<int, RowSchema> bagColumns;
};

/**
 * @brief What the front end found in a query: its bound tree and result columns, or why not.
 *
 * On success `tree` is the Script node with every scalar expression typed (Node::type) and every
 * tabular expression and operator given its columns (Node::schema); `result` points at the
 * tabular expression the query returns (inside `tree`). On refusal `errors` holds the first
 * error with its position; nothing else is meaningful. Value type (move-only); any thread.
 */
struct QueryAnalysis
{
    RowSchema columns;
    NodePtr tree;
    const Node *result = nullptr;
    QList<KqlError> errors;
    QStringList warnings; ///< accepted but ignored: `set` options, render properties, …
    /**
     * The `set` statements, name and value as written, in order. The runner honours
     * `query_now` (it pins now() and ago(), like the "as of" time); the others change nothing.
     */
    QList<std::pair<QString, QString>> setOptions;
    /** The result has data-dependent columns (evaluate bag_unpack): `columns` lists the known ones.
     */
    bool open = false;
    /**
     * With AnalyzeOptions::pivotProbe: the pivot or bag_unpack whose columns must be read from
     * the data first, else null.
     */
    const Node *pivotProbe = nullptr;

    bool ok() const { return errors.isEmpty(); }
};

/**
 * The longest query analyzeQuery() takes, in UTF-16 units. Real hunting queries, IOC lists
 * included, are well under a megabyte; the bound keeps a pasted log file from taking the memory of
 * a hundred thousand tokens per megabyte.
 */
inline constexpr qsizetype kMaxQueryLength = qsizetype(4) * 1024 * 1024;

/** Lexes, parses and binds a query against the tables of schema (at most kMaxQueryLength). */
QueryAnalysis analyzeQuery(QStringView text, const HuntingSchema &schema,
                           const AnalyzeOptions &options = {});

/** Kusto's rule for a name that is taken: the first free numeric suffix (Name1, Name2, …). */
QString uniqueName(const QString &name, const QStringList &taken);

} // namespace Vigil::Kql
