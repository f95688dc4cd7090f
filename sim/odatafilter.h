#pragma once

#include "simtypes.h"

#include <QList>
#include <QString>

#include <optional>
#include <vector>

namespace Vigil::Sim {

enum class FilterFieldType { DateTime, Enum, String };

/** A property that $filter may name, and how its values compare. */
struct FilterField
{
    QString name;
    FilterFieldType type;
    const Vocabulary *vocabulary = nullptr; // Enum only
    int key = 0; // handed back to the row accessor
};

/** The values of one entity, as the filter reads them. */
class FilterRow
{
public:
    virtual ~FilterRow() = default;
    virtual Ticks dateTime(int key) const = 0;
    virtual int enumIndex(int key) const = 0;
    virtual QString string(int key) const = 0; // null QString = null
};

/**
 * The subset of OData $filter that Graph accepts on security incidents and alerts: comparisons
 * (eq, ne, gt, ge, lt, le) of a property with a literal, joined by and/or/not and parentheses.
 * No functions, lambdas (any/all) or `in`. Any thread; a parsed filter is immutable.
 */
class ODataFilter
{
public:
    /// Parentheses and `not` nested deeper than this are refused, as OData services refuse them:
    /// the parser and the evaluation recurse, and a URL must not be able to exhaust the stack.
    static constexpr int MaxDepth = 100;
    /// Comparisons and operators together; refused beyond this, for the same reason.
    static constexpr int MaxNodes = 1000;

    static std::optional<ODataFilter> parse(const QString &text, const QList<FilterField> &fields,
                                            const QString &entityType, QString *error);

    bool matches(const FilterRow &row) const;
    bool isEmpty() const { return m_nodes.empty(); }

private:
    enum class Op { And, Or, Not, Eq, Ne, Gt, Ge, Lt, Le };
    struct Node
    {
        Op op = Op::Eq;
        int left = -1;
        int right = -1;
        FilterFieldType type = FilterFieldType::String;
        int key = 0;
        Ticks ticks = 0;
        int enumIndex = 0;
        QString text; // null = null literal
    };
    friend class FilterParser;

    bool evaluate(int node, const FilterRow &row) const;

    std::vector<Node> m_nodes;
    int m_root = -1;
};

} // namespace Vigil::Sim
