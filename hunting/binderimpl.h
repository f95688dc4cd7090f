#pragma once

#include "binder.h"
#include "functionsymbols.h"
#include "huntingschema.h"

#include <QHash>
#include <QSet>

#include <memory>

// The binder's own declarations, shared by binder.cpp (statements, scalar expressions, calls)
// and binderoperators.cpp (tabular sources and operators). Not part of the library's API.
namespace Vigil::Kql {

using SchemaPtr = std::shared_ptr<const RowSchema>;

struct Scope;
using ScopePtr = std::shared_ptr<Scope>;

/** A name bound by `let`, a lambda parameter, or `as`. */
struct Symbol
{
    enum Kind { Scalar, Tabular, Function };
    Kind kind = Scalar;
    KqlType type = KqlType::Dynamic;
    SchemaPtr schema;
    Node *lambda = nullptr;
    ScopePtr closure;
    /** A scalar let bound to a literal (`let port = "3389";`): that literal. */
    const Node *constant = nullptr;
};

struct Scope
{
    QHash<QString, Symbol> names;
    ScopePtr parent;
    const Symbol *find(const QString &name) const
    {
        for (const Scope *s = this; s; s = s->parent.get()) {
            const auto it = s->names.constFind(name);
            if (it != s->names.constEnd())
                return &*it;
        }
        return nullptr;
    }
};

/**
 * @brief A result row under construction: its columns, and Kusto's unique-name rule over them
 * (UniqueNameTable: a taken name gets the first free numeric suffix) in constant time per name,
 * so that thousands of columns stay fast.
 */
class RowBuilder
{
public:
    RowBuilder() = default;
    explicit RowBuilder(const RowSchema &row)
    {
        for (const Column &c : row)
            append(c);
    }
    bool contains(const QString &name) const { return m_index.contains(name); }
    qsizetype indexOf(const QString &name) const { return m_index.value(name, -1); }
    /** name, or name with the first free numeric suffix when it is taken. */
    QString unique(const QString &name)
    {
        if (!contains(name))
            return name;
        int &n = m_next[name]; // suffixes below n are taken for good: names are never removed
        for (n = std::max(n, 1); contains(name + QString::number(n)); ++n) { }
        return name + QString::number(n);
    }
    /** Appends the column under unique(name); answers the name it got. */
    QString appendUnique(const QString &name, KqlType type)
    {
        QString given = unique(name);
        append({given, type});
        return given;
    }
    void append(const Column &column)
    {
        m_index.insert(column.name, m_columns.size());
        m_columns.append(column);
    }
    void setType(qsizetype i, KqlType type) { m_columns[i].type = type; }
    const RowSchema &columns() const { return m_columns; }

private:
    RowSchema m_columns;
    QHash<QString, qsizetype> m_index;
    QHash<QString, int> m_next;
};

/** One column of a function that gives several (series_fit_line(), series_decompose(), …). */
struct MultiColumnField
{
    const char *name; ///< the suffix of its default name (rsquare, ad_flag, …)
    KqlType type;
};

/** The columns of a function that gives several, in Kusto's order, or null for other names. */
const QList<MultiColumnField> *multiColumnFields(const QString &function);

/** Where a scalar expression is bound: its row (columns) and names; what it may contain. */
struct Context
{
    const RowSchema *row = nullptr;
    ScopePtr scope;
    bool aggregates = false; ///< inside summarize's aggregate list (not inside an aggregate)
    const RowSchema *left = nullptr; ///< join conditions: $left and $right
    const RowSchema *right = nullptr;
};

class Binder
{
public:
    struct Failure
    {
        KqlError error;
    };
    /** Thrown at a pivot or bag_unpack whose columns the data gives (AnalyzeOptions::pivotProbe).
     */
    struct PivotProbe
    {
        const Node *op;
    };

    Binder(const HuntingSchema &schema, const AnalyzeOptions &options)
        : m_schema(schema)
        , m_options(options)
    { }

    /** Binds a script; answers the node of the returned tabular expression. */
    /** declared: names the block has already (a let function's parameters). */
    const Node *bindScript(Node &script, ScopePtr scope, QSet<QString> declared = {});

    // ---- scalar (binder.cpp)
    /** Binds any expression; a tabular one gets node.schema, a scalar one node.type. */
    void bind(Node &node, const Context &ctx);
    KqlType bindScalar(Node &node, const Context &ctx);
    KqlType bindScalarNode(Node &node, const Context &ctx);
    KqlType bindBinary(Node &node, const Context &ctx);
    KqlType bindBetween(Node &node, const Context &ctx);
    KqlType bindCall(Node &node, const Context &ctx);
    KqlType bindName(Node &node, const Context &ctx);
    KqlType bindFunctionCall(Node &node, const FunctionSymbol &fn, const Context &ctx);
    void bindLambdaCall(Node &node, const Symbol &fn, const Context &ctx);
    /** A parameter's default has the parameter's type (Kusto checks it where the function is
     *  declared, called or not). */
    void checkParameterDefaults(Node &lambda, const ScopePtr &scope);
    /** Binds a copy of a let function's body with its declared parameters, where it is
     *  declared: Kusto refuses a body that does not bind even when nothing calls it. A table
     *  parameter declared (*) reads whatever it is given: such a body waits for its calls. */
    void checkFunctionBody(Node &lambda, const ScopePtr &closure);
    void bindListRight(Node &list, const Context &ctx);
    /**
     * `==`, `!=`, `in`, `!in` between a number or bool and a string, one side a constant (a
     * literal or a let bound to one): the constant is read as the other side's type, with a
     * warning (warnReadAs); answers whether it was. Anything else is left for the compiler to
     * refuse.
     */
    bool readConstantAs(Node &constant, KqlType constantType, KqlType otherType, const Context &ctx,
                        QString *writtenAs, QString *readAs);
    /** The warning that a datetime literal was a numeric date read with the month first. */
    void warnNumericDate(const Node &literal);
    /** The warning that constants of a comparison were read as another type. */
    void warnReadAs(const Node &comparison, KqlType as, KqlType from, const QStringList &written,
                    const QStringList &read);

    // ---- shapes of dynamic values (bindershape.cpp)
    /** A dynamic(…) literal's shape: an array (and its elements'), a bag or a single value. */
    static void shapeLiteral(Node &literal);
    /** Whether a dynamic argument may go to param: a known bag or single value is no array. */
    static bool shapeFits(const ParamSymbol &param, const Node &arg, KqlType type);
    static QString shapeMismatch(const ParamSymbol &param, const Node &arg);
    /** "an array", "a property bag", "a single value". */
    static QString shapeWords(DynShape shape);
    /** shapeWords() with the type when it is known: "a real", "an array of string values". */
    static QString dynamicWords(const Node &value);
    /** The shape of a call's dynamic result, from its signature and its arguments. */
    static void shapeCall(Node &call, const FunctionSymbol &fn, const SignatureSymbol &sig,
                          const QList<int> &mapping, const QList<Node *> &args,
                          const QList<KqlType> &types);
    /** `V[i]`: an array by position, a bag by name, a single value not at all. */
    void checkIndexShape(Node &index, const Context &ctx);

    // ---- tabular (binderoperators.cpp)
    SchemaPtr bindTabular(Node &node, const Context &ctx);
    SchemaPtr bindPipeline(Node &node, const Context &ctx, const SchemaPtr &implicitInput);
    SchemaPtr bindOperator(Node &op, const SchemaPtr &input, const Context &ctx);
    SchemaPtr bindProjection(Node &op, const RowSchema &input, const Context &ctx);
    SchemaPtr bindSummarize(Node &op, const RowSchema &input, const Context &ctx);
    SchemaPtr bindMakeSeries(Node &op, const RowSchema &input, const Context &ctx);
    SchemaPtr bindJoin(Node &op, const RowSchema &left, const Context &ctx);
    SchemaPtr bindUnion(Node &op, const RowSchema *input, const Context &ctx);
    SchemaPtr bindIpv4Lookup(Node &op, const RowSchema &left, const Context &ctx);
    SchemaPtr bindPivot(Node &op, const RowSchema &input, const Context &ctx);
    /** evaluate bag_unpack() (binderbagunpack.cpp). */
    SchemaPtr bindBagUnpack(Node &op, const RowSchema &input, const Context &ctx);
    SchemaPtr bindDefenderInvoke(Node &op, const SchemaPtr &input, const HuntingFunction &fn,
                                 const Context &outer);
    SchemaPtr bindSeenBy(Node &op, const RowSchema &input, const HuntingFunction &fn);
    SchemaPtr bindDeviceFromIp(Node &op, const RowSchema &input, const HuntingFunction &fn,
                               const Context &outer);
    SchemaPtr bindAssignedIpAddresses(Node &call, const Context &ctx);
    void bindAddressTime(Node &arg, const QString &function, const RowSchema *input,
                         const Context &outer);
    SchemaPtr bindMvExpand(Node &op, const RowSchema &input, const Context &ctx);
    SchemaPtr bindParse(Node &op, const RowSchema &input, const Context &ctx);
    /** The arguments of a function that gives several columns (binderseries.cpp). */
    void bindMultiColumnCall(Node &call, const Context &ctx);
    /** An item of print that calls a function giving several columns: its columns into row. */
    void bindPrintedColumns(Node &item, Node &call, RowBuilder &row, QSet<QString> &named,
                            const Context &ctx);
    SchemaPtr bindSource(Node &node, const Context &ctx);
    // ---- scan and find (binderscan.cpp)
    SchemaPtr bindScan(Node &op, const RowSchema &input, const Context &ctx);
    SchemaPtr bindFind(Node &find, const Context &ctx);

    // ---- helpers
    [[noreturn]] void fail(const QString &message, const Node &at) const;
    void count(const Node &at);
    int findColumn(const RowSchema &row, Node &name) const;
    /** The input column a bound expression stands for when summarize's `*` leaves columns out
     *  (Microsoft's analyzer's rule): the column itself, or a conversion of it to its own type
     *  (tostring() of a string column). -1 for anything else. */
    int standsForColumn(const RowSchema &row, Node &value, const Context &ctx) const;
    static QString expressionName(const Node &node);
    static bool typeIn(KqlType t, std::initializer_list<KqlType> set);
    static bool isNumber(KqlType t);
    static std::optional<KqlType> widest(KqlType a, KqlType b);

    QStringList warnings;
    bool open = false;
    /** A bag_unpack took its columns from the data: an unknown name may be a missing slot. */
    bool unpacked = false;
    /**
     * The pivots and bag_unpacks (their offsets) whose columns came from the data: one read per
     * operator of the text, so a function that holds one is refused when called twice.
     */
    void takeDataColumns(const Node &op);

private:
    const HuntingSchema &m_schema;
    AnalyzeOptions m_options;
    int m_work = 0;
    int m_lambdaDepth = 0;
    /** Microsoft's analyzer numbers unnamed columns (Column1, Column2, …) across the whole
     * query, in the order it binds them, not per operator. */
    int m_columnCounter = 0;
    QSet<int> m_dataColumns;
};

/** Kusto's wildcard: '*' matches any run of characters; everything else literally. */
bool wildcardMatch(QStringView pattern, QStringView name);

} // namespace Vigil::Kql
