#pragma once

#include "huntingdata.h"

#include <QString>

#include <memory>
#include <optional>
#include <vector>

// The simulated tenant's own small KQL interpreter: the query shapes analysts send from a pivot
// (a table, where, project, extend, summarize, sort, take, top, count, render), evaluated over
// HuntingData for runHuntingQuery. Written from the Kusto documentation, independently of
// Vigil's KQL engine; anything outside the subset is refused with the construct named (see
// sim/README.md).

namespace Vigil::Sim::Kql {

struct Expr;
using ExprPtr = std::shared_ptr<Expr>;

/** One node of a scalar expression. */
struct Expr
{
    enum class Kind { Column, Literal, Call, Binary, In, Between };
    Kind kind = Kind::Literal;
    QString name; // column, function or operator ("==", "has", "and", "+", …)
    HuntValue literal;
    std::vector<ExprPtr> args;
    bool negated = false; // !in, !between, !has, …
    bool caseSensitive = true; // for in / in~, has / has_cs, …
    int offset = 0; // where it starts in the query text
};

struct NamedExpr
{
    QString name; // empty = derived from the expression
    ExprPtr expr;
};

struct SortKey
{
    ExprPtr expr;
    bool ascending = false;
    std::optional<bool> nullsFirst;
};

/** One tabular operator after a pipe. */
struct Stage
{
    enum class Kind {
        Where,
        Project,
        ProjectAway,
        Extend,
        Summarize,
        Sort,
        Take,
        Top,
        Count,
        Distinct
    };
    Kind kind = Kind::Where;
    ExprPtr predicate; // Where
    std::vector<NamedExpr> columns; // Project, Extend, Summarize (aggregates), Distinct
    std::vector<NamedExpr> by; // Summarize
    QStringList names; // ProjectAway
    std::vector<SortKey> sort; // Sort, Top
    qint64 limit = 0; // Take, Top
};

struct Query
{
    QString table;
    std::vector<Stage> stages;
};

/** A refused query: what the service would say. */
struct QueryError
{
    QString message;
    bool unsupported = false; // outside the simulated subset (rather than wrong KQL)
};

/** Parses query text; nullopt with *error set when it is not in the subset or not KQL. */
std::optional<Query> parse(const QString &text, QueryError *error);

/** The rows a query returns, with their schema. */
struct ResultSet
{
    QList<HuntColumn> columns;
    std::vector<HuntRow> rows;
};

/** What the query sees of a table: rows whose Timestamp is in [from, to] and that Defender had
 *  received by `now`; ago() and now() count from `now`. */
struct Scope
{
    Ticks now = 0;
    Ticks from = 0;
    Ticks to = 0;
};

std::optional<ResultSet> run(const Query &query, const HuntingData &data, const Scope &scope,
                             QueryError *error);

/** Parses a KQL timespan literal such as 30m, 1.5h, 7d, 100ms; nullopt when it is not one. */
std::optional<Ticks> parseTimeSpanLiteral(QStringView text);

} // namespace Vigil::Sim::Kql
