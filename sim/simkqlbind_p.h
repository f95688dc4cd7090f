#pragma once

// Binding of the simulated tenant's KQL subset: expressions resolved against a row layout once
// per operator (names and types checked), then evaluated per row. Not installed.

#include "simkql.h"

#include <functional>

namespace Vigil::Sim::Kql {

inline bool isNumeric(ColumnType type)
{
    return type == ColumnType::Long || type == ColumnType::Int || type == ColumnType::Real;
}

inline bool isTextual(ColumnType type)
{
    return type == ColumnType::String || type == ColumnType::Guid || type == ColumnType::Dynamic;
}

inline bool comparable(ColumnType a, ColumnType b)
{
    return (isNumeric(a) && isNumeric(b)) || (isTextual(a) && isTextual(b)) || a == b;
}

inline double asReal(const HuntValue &value)
{
    return value.type == ColumnType::Real ? value.real : static_cast<double>(value.integer);
}

/** Kusto strings are never null: a missing string is "". */
inline QString asText(const HuntValue &value)
{
    return value.null ? QString() : value.toText();
}

/** A term of `has`: needle found with no letter or digit right before or after it. */
bool hasTerm(const QString &haystack, const QString &needle, Qt::CaseSensitivity cs);
/** -1, 0, 1; nullopt when the two cannot be compared. */
std::optional<int> compare(const HuntValue &a, const HuntValue &b);

/** An expression bound to a row layout: column positions resolved, result type known. */
struct Bound
{
    std::function<HuntValue(const HuntRow &)> eval;
    ColumnType type = ColumnType::String;
    QString suggestedName; // a column reference's name, for project and summarize by
};

/** Binds expressions to one row layout; the first error goes to *error. */
class Binder
{
public:
    Binder(const QList<HuntColumn> &columns, const Scope &scope, QueryError *error)
        : m_columns(columns)
        , m_scope(scope)
        , m_error(error)
    { }

    std::optional<Bound> bind(const ExprPtr &expr);
    std::nullopt_t fail(const QString &message, bool unsupported = false);

private:
    std::optional<Bound> binary(const ExprPtr &expr);
    std::optional<Bound> arithmetic(const QString &op, const Bound &left, const Bound &right);
    std::optional<Bound> in(const ExprPtr &expr);
    std::optional<Bound> between(const ExprPtr &expr);
    std::optional<Bound> call(const ExprPtr &expr); // simkqlfunctions.cpp

    const QList<HuntColumn> &m_columns;
    const Scope &m_scope;
    QueryError *m_error;
};

} // namespace Vigil::Sim::Kql
