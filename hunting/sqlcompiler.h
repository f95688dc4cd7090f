#pragma once

#include "binder.h"

#include <QList>
#include <QString>
#include <QVariant>

#include <optional>

namespace Vigil::Kql {

/**
 * @brief One KQL query as one SQLite SELECT: its text, its bound parameters (`?1`, `?2`, …
 * numbered; every literal of the query is one) and the result columns in KQL's order and types.
 *
 * The SQL calls the kql_* functions of hunting/sqlite (registerKqlFunctions() must be done on
 * the connection that runs it). Its result columns are exactly `columns`, in order, each value in
 * the storage encoding of core/huntingschema.h. Value type; any thread.
 */
/**
 * @brief One `externaldata` source of a compiled query: where its data comes from and how it
 * is read. Its rows reach the statement as one parameter (a JSON array of rows, each an array
 * of cells in the declared column order; externalDataRows() in externaldata.h makes it), which
 * the compiler sets to no rows. Value type; any thread.
 */
struct ExternalDataUse
{
    /** One step of an ingestion mapping's JSON path: a property, or an array index (>= 0). */
    struct PathStep
    {
        QString key;
        int index = -1;
    };
    int parameter = 0; ///< index into CompiledQuery::parameters
    QStringList urls;
    QString format; ///< csv, tsv, scsv, psv, txt, json or multijson
    bool ignoreFirstRecord = false;
    bool ignoreLastRecord = false;
    RowSchema columns;
    SourcePos pos;
    /**
     * json and multijson with an `ingestionMapping`: each column's path into the record (none
     * for a column the mapping leaves out: null). Empty without a mapping: a column
     * takes the property of its name.
     */
    QList<std::optional<QList<PathStep>>> paths;
};

struct CompiledQuery
{
    QString sql;
    QList<QVariant> parameters;
    RowSchema columns;
    QList<ExternalDataUse> externalData;
};

/**
 * Compiles a query the binder accepted into SQL for SQLite, with Kusto's semantics. A construct
 * that cannot be compiled exactly is refused: the answer is empty and *error says which
 * construct, and where (line and column), never an approximation.
 */
std::optional<CompiledQuery> compileToSql(const QueryAnalysis &analysis, KqlError *error);

/**
 * For an analysis stopped at a pivot (QueryAnalysis::pivotProbe): the query of that pivot's
 * values as the names of its columns (one string column, distinct, sorted). The values go into
 * AnalyzeOptions::pivotValues for the next analysis.
 */
std::optional<CompiledQuery> compilePivotProbe(const QueryAnalysis &analysis, KqlError *error);

} // namespace Vigil::Kql
