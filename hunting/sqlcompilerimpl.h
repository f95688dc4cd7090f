#pragma once

#include "sqlcompiler.h"

#include <QHash>
#include <QSet>

#include <optional>

#include <vector>

// The SQL compiler's own declarations, shared by sqlcompiler.cpp (statements, sources, driver),
// sqlcompilerexpr.cpp (scalar expressions and calls), sqlcompilerops.cpp (row operators,
// summarize) and sqlcompilerjoin.cpp (join, lookup, union, mv-expand). Not part of the API.
namespace Vigil::Kql {

/**
 * A compiled tabular expression: a CTE whose columns are `schema`, by name, in order, plus the
 * hidden columns it carries: `_vigil_ingested` (ingestion_time() of the row) and `_vigil_ord`
 * (the row order a sort gave, for the operators that keep it).
 */
struct Rel
{
    QString cte; ///< the CTE's name (generated, never from the query)
    RowSchema schema;
    bool ingest = false;
    bool ordered = false;
    /**
     * Kusto's "serialized" row set (sort, top, serialize, range; kept by the operators that do
     * not reorder): window functions may read it. Always ordered as well.
     */
    bool serialized = false;
    /** Inside mv-apply's subquery: `_vigil_row` names the input row each row belongs to. */
    bool partitioned = false;
    /** Straight out of a sort: the sort's input and keys (take N then uses a top-N sort). */
    QString sortSource;
    QString sortKeys;
    QString tableName; ///< the Defender table when this is one, unchanged (union withsource)
};

/** series_stats, series_fit_line, … : a built-in function that gives several columns. */
bool givesSeveralColumns(const QString &function);

/** SQL converting text (a string that may be empty) to type as its to*() function does, empty
 *  text being null; nothing for a type without one (string, dynamic, guid, decimal). */
std::optional<QString> convertedText(KqlType type, const QString &text);

/** Where a scalar expression is compiled: the row its names refer to. */
struct Env
{
    const RowSchema *row = nullptr;
    QString qualifier; ///< prefix of column references ("l." in a join), or ""
    bool ingest = false;
    bool aggregates = false; ///< summarize's aggregate list: aggregate calls are allowed
    const QHash<QString, QString> *names = nullptr; ///< scan: the SQL of its state's names
};

/**
 * Window functions (prev, next, row_number, row_cumsum) met while one operator's expressions
 * compile. SQLite nests no window function inside another's arguments, so each argument is
 * computed one CTE earlier: stages[k] holds the columns (`expr AS "_vigil_wN"`) of nesting level
 * k, computed before level k - 1.
 */
struct WindowScope
{
    bool serialized = false;
    int level = 0;
    std::vector<QStringList> stages;
};

/** A value bound by let (or `as`): a scalar's SQL, or a table's compiled CTE. */
struct Binding
{
    bool tabular = false;
    bool function = false; ///< a let function (lambda), compiled at each call
    const Node *lambda = nullptr;
    size_t closureDepth = 0; ///< the scopes it sees: m_scopes[0, closureDepth)
    QString sql;
    KqlType type = KqlType::Dynamic;
    Rel rel;
};

class SqlCompiler
{
public:
    struct Failure
    {
        KqlError error;
    };

    /** Thrown when the compilation reaches the pivot whose values are asked (m_probe). */
    struct ProbeDone
    {
        QString cte; ///< one column "value": the pivot's values as column names
        bool kinds = false; ///< bag_unpack: a second column "type", each slot's type name
    };

    CompiledQuery compile(const QueryAnalysis &analysis);
    CompiledQuery compileProbe(const QueryAnalysis &analysis);

    // ---- sqlcompiler.cpp
    [[noreturn]] void refuse(const QString &what, const Node &at) const;
    QString param(const QVariant &value);
    QString addCte(const QString &select, bool materialized = false);
    Rel tabular(const Node &node);
    Rel pipeline(const Node &node);
    Rel source(const Node &node);
    const Binding *findBinding(const QString &name) const;
    static QString quote(const QString &identifier);
    static QString nullOf(KqlType type);
    QString hiddenColumns(const Rel &in, const QString &qualifier = {}) const;

    /** A call of a let function: its result's SQL (scalar) or CTE (tabular). */
    QString callScalarLambda(const Node &call, const Binding &fn, const Env &env);
    Rel callTabularLambda(const Node &call, const Binding &fn, const Rel *input = nullptr);
    const Node *bindLambdaArguments(const Node &call, const Binding &fn, const Env &env,
                                    const Rel *input = nullptr);

    // ---- sqlcompilerexpr.cpp
    /** SQL for a scalar expression; truthy: where NULL counts as false (a where condition). */
    QString expr(const Node &node, const Env &env, bool truthy = false);
    QString literal(const Node &node);
    QString dynamicLiteralJson(const Node &node);
    QString columnName(const Node &name) const;
    QString binary(const Node &node, const Env &env, bool truthy);
    QString inList(const Node &node, const Env &env);
    QString termList(const Node &node, const Env &env);
    QString between(const Node &node, const Env &env, bool truthy);
    QString call(const Node &node, const Env &env);
    QString aggregateCall(const Node &node, const Env &env);
    /** Refuses a scalar call that would read a decimal's digits as something else. */
    void refuseDecimals(const Node &node, KqlType result);
    QString memberAccess(const Node &node, const Env &env);
    QString asString(const Node &node, const Env &env);
    QString asAny(const Node &node, const Env &env);
    /** A property bag of these columns of the row (pack_all(), find's pack_). */
    QString packColumns(const RowSchema &columns, const Env &env);
    QString asDynamic(const Node &node, const Env &env);
    QString arithmetic(const Node &node, const Env &env);

    // ---- sqlcompilerops.cpp
    Rel op(const Node &op, const Rel &in);
    Rel applyOperator(const Node &op, const Rel &in);
    Rel projection(const Node &op, const Rel &in);
    Rel summarize(const Node &op, const Rel &in);
    Rel sort(const Node &op, const Rel &in);
    QString sortKeys(const Node &op, const Rel &in);
    Rel take(const Node &op, const Rel &in, const QString &count);
    Rel reshape(const Node &op, const Rel &in);

    // ---- sqlcompilerwindow.cpp
    /** prev(), next(), row_number(), row_cumsum(): SQL window functions over `_vigil_ord`. */
    QString windowCall(const Node &node, const Env &env);
    /** The CTE an operator's expressions read: in's, or the staged window arguments over it. */
    QString windowSource(const Rel &in, const WindowScope &scope);
    /** The where operator when its condition uses window functions. */
    Rel windowWhere(const Node &op, const Rel &in);
    /** make-series: one row per group, each aggregate an array over the axis's bins. */
    Rel makeSeries(const Node &op, const Rel &in);
    /** top-nested: each level's top values by an aggregate, within the previous level's. */
    Rel topNested(const Node &op, const Rel &in);
    /** The SQL of each column of a function that gives several (series_fit_line(), …). */
    QStringList multiColumnSql(const Node &call, const Env &env);
    static bool isWindowFunction(const QString &name);
    static bool hasWindowCall(const Node &node);

    // ---- sqlcompilerjoin.cpp
    Rel join(const Node &op, const Rel &left);
    /** The top-level `and` terms of a `where` after a join that read only the left's columns. */
    static void leftOnlyConjuncts(const Node &predicate, const RowSchema &left,
                                  QList<const Node *> &out);
    /** evaluate ipv4_lookup(): lookup's columns, matched by ipv4_is_in_range(). */
    Rel ipv4Lookup(const Node &op, const Rel &left);
    Rel unionOf(const Node &op, const Rel *input);
    Rel mvExpand(const Node &op, const Rel &in, const RowSchema *expanded = nullptr);
    Rel mvExpandZip(const Node &op, const Rel &in, const RowSchema *expanded);
    /** mv-expand's and mv-apply's `limit N` as SQL text (at least 0), or "" without one. */
    QString rowLimit(const Node &op) const;
    Rel mvApply(const Node &op, const Rel &in);
    /** evaluate pivot(): one row per key, one count() column per value of the pivot column. */
    Rel pivot(const Node &op, const Rel &in);
    /** evaluate bag_unpack() (sqlcompilerbagunpack.cpp): one column per slot the binder found. */
    Rel bagUnpack(const Node &op, const Rel &in);
    /** The CTE of bag_unpack's slots and their types over its input (the first read). */
    QString bagUnpackProbe(const Node &op, const Rel &in);
    /** The pivot column of an evaluate pivot() as a Name node (typed, the real column name). */
    static Node pivotColumn(const Node &op);
    /** partition by C (subquery): the subquery with each value of C as a partition. */
    Rel partition(const Node &op, const Rel &in);

    // ---- sqlcompilerdefender.cpp
    /** invoke FileProfile(): the input left-joined with the files' profiles from local tables. */
    Rel fileProfile(const Node &op, const Rel &in);
    /** invoke SeenBy(): the input left-joined with Defender's answers the sync fetched. */
    Rel seenBy(const Node &op, const Rel &in);
    /** The addresses DeviceNetworkInfo gives each device at `at` (SQL; "" for the latest). */
    QString deviceAddresses(const QString &at, const QString &devices);
    /** AssignedIPAddresses(x, y): the device's addresses. */
    Rel assignedIpAddresses(const Node &call);
    /** invoke DeviceFromIP(): the devices that held the input's addresses. */
    Rel deviceFromIp(const Node &op, const Rel &in);

    // ---- sqlcompilerscan.cpp
    /** scan: a recursive walk over the serialized input, its steps' state in columns. */
    Rel scan(const Node &op, const Rel &in);
    /** find: each table's matching rows, with the source column and pack_. */
    Rel find(const Node &node);

    // ---- sqlcompilerparse.cpp
    Rel parse(const Node &op, const Rel &in);
    Rel parseKv(const Node &op, const Rel &in);

    // ---- sqlcompilerexternal.cpp
    /** externaldata: the rows of a parameter the runner fills, converted to the columns. */
    Rel externalData(const Node &node);
    QList<ExternalDataUse> m_external;

    /** The kql_* functions registered on a connection, with their argument counts (-1: any). */
    static const QHash<QString, QSet<int>> &registeredFunctions();

private:
    std::vector<QString> m_ctes;
    QList<QVariant> m_params;
    std::vector<QHash<QString, Binding>> m_scopes;
    std::optional<Rel> m_implicitInput; ///< mv-apply's expanded rows, for its subquery
    QString m_partitions; ///< mv-apply: the CTE of its numbered input rows
    bool m_countJoined = false; ///< count() counts _s rows (mv-apply's keyless summarize)
    QHash<QString, int> m_callSites; ///< how often each name is called or used as a view
    bool m_recursive = false;
    WindowScope *m_window = nullptr; ///< the operator being compiled, where windows are allowed
    int m_depth = 0;
    const Node *m_probe = nullptr; ///< compilePivotProbe(): the pivot whose values are asked
    /** The conjuncts of the `where`s right after a join that read only its left side's columns:
     *  an innerunique join filters its left side with them before it keeps one row per key. */
    QList<const Node *> m_leftFilters;
};

} // namespace Vigil::Kql
