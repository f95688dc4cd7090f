#pragma once

#include "dynshape.h"
#include "huntingschema.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace Vigil::Kql {

/** Where something is in the query text: offset in UTF-16 code units, line and column from 1. */
struct SourcePos
{
    int offset = 0;
    int line = 1;
    int column = 1;
};

/** An error the user sees: what is wrong and where (line and column from 1). */
struct KqlError
{
    QString message;
    SourcePos pos;
};

/**
 * The literal forms of KQL. Node::text keeps the literal as written (`0x1F`, `1.5h`,
 * `datetime(2024-01-01)`, `@'C:\x'`); Node::value holds what to convert, by kind: the digits
 * of a number (`0x1F`, `1e3`, `-2` inside dynamic), a timespan as `1.5h` or `1.02:03:04` (from
 * `timespan(…)`/`time(…)`), a datetime's or guid's text between the parentheses, a string's
 * decoded characters, `true`/`false`; for Null, the type's name. Converting is the compiler's
 * job (kqltime for datetimes and timespans).
 */
enum class LiteralKind {
    Null, ///< a typed null such as int(null) or dynamic's null: `value` names the type
    Bool,
    Int,
    Long,
    Real,
    Decimal,
    String,
    DateTime, ///< datetime(…)/date(…)
    TimeSpan, ///< 1d, 2.5h, 100ms, 1tick, timespan(…), time(…)
    Guid, ///< guid(…)
};

/** The value of an int or long literal's `value` (`42`, `-2`, `0x1F`, `-0x1F`); nullopt when it
 *  does not fit in 64 bits. */
inline std::optional<qlonglong> integerLiteralValue(QStringView value)
{
    bool ok = false;
    qlonglong n = 0;
    if (value.startsWith(QLatin1String("0x"), Qt::CaseInsensitive))
        n = qlonglong(value.mid(2).toULongLong(&ok, 16));
    else if (value.startsWith(QLatin1String("-0x"), Qt::CaseInsensitive))
        n = -qlonglong(value.mid(3).toULongLong(&ok, 16));
    else
        n = value.toLongLong(&ok, 10);
    return ok ? std::optional<qlonglong>(n) : std::nullopt;
}

/** The kinds of AST node; the comment says what `text`, `value` and `kids` hold for each. */
enum class NodeKind {
    // ---- statements
    Script, ///< kids: statements in order
    Let, ///< text: name; kids[0]: the value (expression, tabular expression or Lambda)
    Set, ///< text: option name; value: the option's value as written
    Query, ///< kids[0]: the tabular expression whose result the script returns
    Lambda, ///< kids: Param…, then a Script (the body; its last statement is an expression)
    Param, ///< text: name; value: type name, or "table" for a tabular (T:(*)) parameter;
    ///< kids[0] (optional): default value
    // ---- tabular expressions
    Pipeline, ///< kids[0]: the source; kids[1…]: the operators applied in order
    ImplicitInput, ///< the input of an mv-apply subquery (`on (…)`)
    Datatable, ///< kids: ColumnDecl…, then the values row by row
    ColumnDecl, ///< text: column name; value: type name
    Range, ///< text: column name; kids: from, to, step
    Print, ///< kids: the expressions (Assign for named ones)
    UnionSource, ///< `union` as the first thing of a query; like OpUnion without an input
    ExternalData, ///< kids: ColumnDecl…, then the URLs (String literals); options: the
    ///< `with (…)` properties as written (bools and bare words as their text)
    // ---- tabular operators (their input is the previous kid of the Pipeline)
    OpWhere, ///< kids[0]: predicate
    OpProject, ///< kids: expressions (Assign for `name = …`)
    OpExtend, ///< kids: expressions (Assign for `name = …`)
    OpProjectAway, ///< kids: Name or NamePattern
    OpProjectKeep, ///< kids: Name or NamePattern
    OpProjectRename, ///< kids: Assign (text: new name, kids[0]: Name of the old column)
    OpProjectReorder, ///< kids: SortKey over Name or NamePattern
    OpSort, ///< kids: SortKey
    OpTop, ///< kids[0]: count; kids[1…]: SortKey
    OpTake, ///< kids[0]: count (`take`, `limit`)
    OpCount, ///< no kids
    OpDistinct, ///< kids: expressions, or one Star
    OpSummarize, ///< kids[0]: List of aggregates; kids[1]: List of group keys (`by`)
    OpJoin, ///< options: kind, hints; kids[0]: right side; kids[1…]: Name or `$left.A == $right.B`
    OpLookup, ///< like OpJoin
    OpUnion, ///< options: kind, withsource, isfuzzy; kids: the other tables
    OpMvExpand, ///< options: bagexpansion, with_itemindex, limit; kids: MvExpandItem
    OpMvApply, ///< options as mv-expand; kids: MvExpandItem…, then the subquery (a Pipeline)
    MvExpandItem, ///< text: name given (or ""); value: `to typeof(T)` type (or ""); kids[0]: expr
    OpParse, ///< text: "parse" or "parse-where"; options: kind, flags; kids[0]: source expr;
    ///< kids[1…]: String literals, ColumnDecl (value "" when untyped) and Star
    OpRender, ///< text: the chart type; options: the `with (…)` properties as written
    OpGetSchema, ///< no kids
    OpInvoke, ///< kids[0]: Call
    OpEvaluate, ///< kids[0]: Call (the plug-in); kids[1…]: ColumnDecl of `: (Name:type, …)`
    OpSerialize, ///< kids: expressions (Assign for `name = …`)
    OpAs, ///< text: the name
    OpSample, ///< kids[0]: count
    OpSampleDistinct, ///< kids[0]: count; kids[1]: column
    OpTopNested, ///< kids: one List per level: options count (or none), order; kids[0]: the
    ///< `of` item (Assign when named), kids[1]: the `by` aggregate (Assign when named)
    OpSearch, ///< `T | search P`: options: kind; kids[0]: the predicate (a bare term is `* has`)
    OpPartition, ///< options: hints; kids[0]: Name of the partition column; kids[1]: the subquery
    ///< (a Pipeline whose source is an ImplicitInput)
    OpMakeSeries, ///< options: kind; kids[0]: List of aggregates; kids[1]: List of their defaults
    ///< (an empty List where none is written); kids[2]: axis; kids[3]: from, kids[4]: to (empty
    ///< Lists when not written); kids[5]: step; kids[6]: List of group keys (`by`)
    OpScan, ///< options: with_match_id; kids[0]: List of ColumnDecl (`declare`; a ColumnDecl's
    ///< kids[0] is its default when written); kids[1…]: the steps, each a List with text: the
    ///< step's name, options: output; kids[0]: condition; kids[1…]: Assign
    FindSource, ///< `find`: options: withsource, project (smart or list); kids[0]: List of Name
    ///< (the tables of `in (…)`, empty: every table); kids[1]: predicate; kids[2]: List of Name
    ///< (`project`'s columns)
    // ---- scalar expressions
    Literal, ///< literal: its kind; text: as written; value: decoded string / inner text
    DynamicLiteral, ///< text: as written; kids[0]: DynArray, DynObject or Literal
    DynArray, ///< kids: values
    DynObject, ///< kids: DynProperty
    DynProperty, ///< text: key; kids[0]: value
    Name, ///< text: the identifier as written (brackets and quotes removed); value: set by the
    ///< binder to the column's real name when an alias resolved it (TimeGenerated →
    ///< Timestamp); resultName: the name itself when it is a column of the row
    NamePattern, ///< text: a wildcard pattern such as `*1` or `Device*`
    Star, ///< `*` as an argument (arg_max(T, *), take_any(*), distinct *)
    Assign, ///< text: the name; kids[0]: the value. summarize's `(a, b) = arg_max(…)`: text is
    ///< empty and the names are the options named "name", in order
    Binary, ///< text: the operator as Kusto spells it ("==", "!has_cs", "in~", "matches regex",
    ///< "and", "+"…); kids[0], kids[1] (for the `in` family: a List)
    Between, ///< text: "between" or "!between"; kids: value, low, high
    Unary, ///< text: "-" or "+"; kids[0]
    Call, ///< text: function name; kids: arguments (NamedArg for `name = value`)
    NamedArg, ///< text: parameter name; kids[0]: value
    Member, ///< text: member name; kids[0]: the value (`x.k`, `x.['k']`, `$left.A`; in a join
    ///< condition the binder sets value to the side's real column name)
    Index, ///< kids[0]: the value; kids[1]: the index (`x[0]`, `x['k']`)
    List, ///< kids: the elements of `( … )` after `in`/`has_any`, or of summarize's lists
    SortKey, ///< kids[0]: expr; options: order = asc|desc, nulls = first|last (when written)
    TypeOf, ///< typeof(T) as an argument; value: the type name
};

struct Column
{
    QString name;
    KqlType type = KqlType::String;
    bool operator==(const Column &other) const = default;
};
using RowSchema = QList<Column>;

/**
 * @brief One node of a parsed KQL query: its kind, position, text, children, and what the
 * binder found out about it (type of a scalar expression, columns of a tabular one).
 *
 * A value tree owned by its parent; built by Parser, annotated by Binder, read by the SQL
 * compiler. Not thread-safe; one query on one thread.
 */
struct Node
{
    Node() = default;
    Node(const Node &) = delete;
    Node &operator=(const Node &) = delete;
    Node(Node &&) = default;
    Node &operator=(Node &&) = default;
    /** Frees the tree below without recursion: a chain of 100,000 `+` is 100,000 levels deep. */
    ~Node();

    NodeKind kind = NodeKind::Name;
    SourcePos pos;
    QString text;
    QString value;
    LiteralKind literal = LiteralKind::Null;
    bool bracketed = false; ///< Name written as ['…'] (never a keyword)
    bool parenthesized = false; ///< written in ( … ) (prev((A)) is no column name to Kusto)
    QList<std::pair<QString, QString>> options; ///< name = value options, as written
    std::vector<std::unique_ptr<Node>> kids;

    // ---- filled in by the binder
    std::optional<KqlType> type; ///< the type of a scalar expression
    std::shared_ptr<const RowSchema> schema; ///< the columns of a tabular expression/operator
    QString resultName; ///< the column name the expression gets when it has no explicit name
    bool scalarVariable = false; ///< a Name that is a let variable or a parameter, not a column
    DynShape shape = DynShape::Unknown; ///< of a dynamic expression, when known (dynshape.h)
    DynShape elementShape = DynShape::Unknown; ///< of an Array's elements, when known
    /** The type of a Single dynamic value, or of an Array's single-valued elements, when known
     *  (dynamic(1.5) and dynamic([1.5]) hold reals, split() strings). */
    std::optional<KqlType> dynType;
    /**
     * The output columns an item of project, extend, summarize (keys and aggregates), print,
     * distinct, serialize, mv-expand or parse becomes, in order: one name, or several for
     * arg_max/arg_min/take_any/any with more than one argument or `*`.
     */
    QStringList outputColumns;
    /**
     * A call of a let function (a Call, `invoke`'s Call, or a view's Name): the function's body (a
     * Script) bound for this call. In it, a parameter's name stands for the call's argument at
     * that parameter's position (or by name; `invoke` passes its input as the first).
     */
    std::unique_ptr<Node> inlined;

    Node *kid(qsizetype i) const
    {
        return i < qsizetype(kids.size()) ? kids[size_t(i)].get() : nullptr;
    }
    qsizetype count() const { return qsizetype(kids.size()); }
    QString option(const QString &name) const
    {
        for (const auto &[key, val] : options) {
            if (key == name)
                return val;
        }
        return {};
    }
};
using NodePtr = std::unique_ptr<Node>;

} // namespace Vigil::Kql
