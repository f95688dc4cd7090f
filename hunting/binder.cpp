#include "binder.h"

#include "binderimpl.h"
#include "kqlparser.h"
#include "kqltime.h"

#include <QRegularExpression>

#include <cmath>
#include <limits>

// Statements, names, scalar expressions and calls. Tabular sources and operators:
// binderoperators.cpp.
namespace Vigil::Kql {

namespace {

const QStringList &stringOperators()
{
    static const QStringList list = {
            QStringLiteral("=~"),
            QStringLiteral("!~"),
            QStringLiteral("contains"),
            QStringLiteral("!contains"),
            QStringLiteral("contains_cs"),
            QStringLiteral("!contains_cs"),
            QStringLiteral("startswith"),
            QStringLiteral("!startswith"),
            QStringLiteral("startswith_cs"),
            QStringLiteral("!startswith_cs"),
            QStringLiteral("endswith"),
            QStringLiteral("!endswith"),
            QStringLiteral("endswith_cs"),
            QStringLiteral("!endswith_cs"),
            QStringLiteral("matches regex"),
    };
    return list;
}

const QStringList &termOperators()
{
    static const QStringList list = {
            QStringLiteral("has"),          QStringLiteral("!has"),
            QStringLiteral("has_cs"),       QStringLiteral("!has_cs"),
            QStringLiteral("hasprefix"),    QStringLiteral("!hasprefix"),
            QStringLiteral("hasprefix_cs"), QStringLiteral("!hasprefix_cs"),
            QStringLiteral("hassuffix"),    QStringLiteral("!hassuffix"),
            QStringLiteral("hassuffix_cs"), QStringLiteral("!hassuffix_cs"),
    };
    return list;
}

QString typeName(KqlType t)
{
    return kqlTypeName(t);
}

} // namespace

QString uniqueName(const QString &name, const QStringList &taken)
{
    if (!taken.contains(name))
        return name;
    for (int n = 1;; ++n) {
        QString candidate = name + QString::number(n);
        if (!taken.contains(candidate))
            return candidate;
    }
}

namespace {

/**
 * message with every run of more than 200 non-space characters cut to its first 100 and last 10
 * with its length between: a name or literal of megabytes, quoted back in an error, would flood a
 * terminal and stall the label that shows it.
 */
QString elideLongRuns(const QString &message)
{
    constexpr qsizetype longest = 200;
    constexpr qsizetype kept = 100;
    QString out;
    qsizetype start = 0;
    while (start < message.size()) {
        qsizetype end = start;
        while (end < message.size() && !message.at(end).isSpace())
            ++end;
        const qsizetype length = end - start;
        if (length > longest) {
            qsizetype head = kept;
            if (message.at(start + head - 1).isHighSurrogate())
                --head;
            qsizetype tail = 10; // the closing quote and what follows it stay
            if (message.at(end - tail).isLowSurrogate())
                --tail;
            out += message.mid(start, head);
            out += QStringLiteral("…[%1 characters]…").arg(length);
            out += message.mid(end - tail, tail);
        } else {
            out += message.mid(start, length);
        }
        while (end < message.size() && message.at(end).isSpace())
            out += message.at(end++);
        start = end;
    }
    return out;
}

QueryAnalysis analyzeWhole(QStringView text, const HuntingSchema &schema,
                           const AnalyzeOptions &options);

} // namespace

QueryAnalysis analyzeQuery(QStringView text, const HuntingSchema &schema,
                           const AnalyzeOptions &options)
{
    QueryAnalysis analysis = analyzeWhole(text, schema, options);
    for (KqlError &error : analysis.errors)
        error.message = elideLongRuns(error.message);
    for (QString &warning : analysis.warnings)
        warning = elideLongRuns(warning);
    return analysis;
}

namespace {

QueryAnalysis analyzeWhole(QStringView text, const HuntingSchema &schema,
                           const AnalyzeOptions &options)
{
    QueryAnalysis analysis;
    if (text.size() > kMaxQueryLength) {
        analysis.errors.append({QStringLiteral("the query is %1 characters long; the limit is %2")
                                        .arg(text.size())
                                        .arg(kMaxQueryLength),
                                {}});
        return analysis;
    }
    KqlError error;
    NodePtr tree = Parser::parse(text, &error);
    if (!tree) {
        analysis.errors.append(error);
        return analysis;
    }
    Binder binder(schema, options);
    try {
        const Node *result = binder.bindScript(*tree, std::make_shared<Scope>());
        if (!result || !result->schema)
            throw Binder::Failure{{QStringLiteral("the query returns no table: it ends with a let "
                                                  "statement or a scalar"),
                                   tree->pos}};
        analysis.columns = *result->schema;
        analysis.result = result;
    } catch (const Binder::Failure &failure) {
        analysis.errors.append(failure.error);
        return analysis;
    } catch (const Binder::PivotProbe &probe) {
        // The tree is bound up to the pivot's input: enough to read its values.
        analysis.pivotProbe = probe.op;
    }
    analysis.warnings = binder.warnings;
    for (const NodePtr &statement : analysis.tree ? analysis.tree->kids : tree->kids) {
        if (statement->kind == NodeKind::Set)
            analysis.setOptions.append({statement->text, statement->value});
    }
    analysis.open = binder.open;
    analysis.tree = std::move(tree);
    return analysis;
}

} // namespace

// ---- helpers ----------------------------------------------------------------------------------

void Binder::fail(const QString &message, const Node &at) const
{
    throw Failure{{message, at.pos}};
}

void Binder::count(const Node &at)
{
    // Let functions are bound once per call; nested calls could multiply that without end.
    constexpr int maxWork = 500000;
    if (++m_work > maxWork)
        fail(QStringLiteral("the query is too complex to check (its functions expand to too many "
                            "expressions)"),
             at);
}

bool Binder::typeIn(KqlType t, std::initializer_list<KqlType> set)
{
    for (KqlType s : set) {
        if (s == t)
            return true;
    }
    return false;
}

bool Binder::isNumber(KqlType t)
{
    return typeIn(t, {KqlType::Int, KqlType::Long, KqlType::Real, KqlType::Decimal});
}

std::optional<KqlType> Binder::widest(KqlType a, KqlType b)
{
    if (!isNumber(a) || !isNumber(b))
        return std::nullopt;
    if (a == KqlType::Decimal || b == KqlType::Decimal)
        return KqlType::Decimal;
    if (a == KqlType::Real || b == KqlType::Real)
        return KqlType::Real;
    return KqlType::Long; // int op int is long in Kusto
}

int Binder::findColumn(const RowSchema &row, Node &name) const
{
    for (int i = 0; i < row.size(); ++i) {
        if (row[i].name == name.text)
            return i;
    }
    // Sentinel's name of the Defender time column, both ways and with the suffix a join gives
    // (TimeGenerated1 is Timestamp1): a query may use one name, the row carry the other.
    if (!m_options.timeGeneratedAlias)
        return -1;
    static const QString sentinel = QStringLiteral("TimeGenerated");
    static const QString defender = QStringLiteral("Timestamp");
    QString other;
    if (name.text.startsWith(sentinel))
        other = defender + name.text.mid(sentinel.size());
    else if (name.text.startsWith(defender))
        other = sentinel + name.text.mid(defender.size());
    else
        return -1;
    for (int i = 0; i < row.size(); ++i) {
        if (row[i].name == other) {
            name.value = other;
            return i;
        }
    }
    return -1;
}

QString Binder::expressionName(const Node &node)
{
    switch (node.kind) {
    case NodeKind::Name:
        // A column's name, or a variable's: Kusto names `project c` after a let c too.
        return node.scalarVariable && node.resultName.isEmpty() ? node.text : node.resultName;
    case NodeKind::Member: {
        const QString base = expressionName(*node.kid(0));
        return base.isEmpty() ? QString() : base + QLatin1Char('_') + node.text;
    }
    case NodeKind::Index: {
        const QString base = expressionName(*node.kid(0));
        const Node *index = node.kid(1);
        if (base.isEmpty() || index->kind != NodeKind::Literal)
            return {};
        return base + QLatin1Char('_') + index->value; // d[int(2)] is d_2, as d[2]
    }
    case NodeKind::Call:
        return node.resultName;
    default:
        return {};
    }
}

// ---- statements -------------------------------------------------------------------------------

const Node *Binder::bindScript(Node &script, ScopePtr scope, QSet<QString> declared)
{
    const Node *result = nullptr;
    for (const NodePtr &statement : script.kids) {
        count(*statement);
        switch (statement->kind) {
        case NodeKind::Set:
            if (statement->text != u"query_now") {
                warnings.append(QStringLiteral("set %1 is ignored").arg(statement->text));
            } else if (!statement->value.startsWith(QLatin1String("datetime("))
                       || !KqlTime::parseDateTime(
                               statement->value.mid(9, statement->value.size() - 10))) {
                // A value Vigil could not read would leave now() the clock's: refuse it.
                fail(QStringLiteral("set query_now takes a datetime literal, as in "
                                    "datetime(2024-01-01 12:00)"),
                     *statement);
            }
            break;
        case NodeKind::Let: {
            // Kusto refuses a second let of one name in a block (a let function's body holds its
            // parameters too); an inner block may hide an outer name.
            if (declared.contains(statement->text))
                fail(QStringLiteral("a variable with the name '%1' has already been declared in "
                                    "this block; give the second one another name")
                             .arg(statement->text),
                     *statement);
            declared.insert(statement->text);
            Node &value = *statement->kid(0);
            Symbol symbol;
            if (value.kind == NodeKind::Lambda) {
                symbol.kind = Symbol::Function;
                symbol.lambda = &value;
                symbol.closure = scope;
                checkParameterDefaults(value, scope);
                checkFunctionBody(value, scope);
            } else {
                Context ctx;
                ctx.scope = scope;
                bind(value, ctx);
                if (value.schema) {
                    symbol.kind = Symbol::Tabular;
                    symbol.schema = value.schema;
                } else {
                    symbol.kind = Symbol::Scalar;
                    symbol.type = *value.type;
                    if (value.kind == NodeKind::Literal)
                        symbol.constant = &value;
                }
            }
            auto next = std::make_shared<Scope>();
            next->parent = scope;
            next->names.insert(statement->text, symbol);
            scope = next;
            break;
        }
        case NodeKind::Query: {
            Context ctx;
            ctx.scope = scope;
            Node &expr = *statement->kid(0);
            bind(expr, ctx);
            statement->schema = expr.schema;
            statement->type = expr.type;
            result = &expr;
            break;
        }
        default:
            fail(QStringLiteral("this statement is not supported"), *statement);
        }
    }
    return result;
}

// ---- expressions ------------------------------------------------------------------------------

void Binder::bind(Node &node, const Context &ctx)
{
    count(node);
    switch (node.kind) {
    case NodeKind::Pipeline:
    case NodeKind::Datatable:
    case NodeKind::ExternalData:
    case NodeKind::Range:
    case NodeKind::Print:
    case NodeKind::UnionSource:
    case NodeKind::FindSource:
        node.schema = bindSource(node, ctx);
        return;
    case NodeKind::ImplicitInput:
        if (!node.schema)
            fail(QStringLiteral("there is no input table here"), node);
        return;
    case NodeKind::Name:
        if (ctx.row && findColumn(*ctx.row, node) >= 0)
            break;
        // A view (a let function without parameters) is used by its name alone.
        if (const Symbol *symbol = ctx.scope ? ctx.scope->find(node.text) : nullptr;
            symbol && symbol->kind == Symbol::Function) {
            const auto params = std::count_if(
                    symbol->lambda->kids.begin(), symbol->lambda->kids.end(),
                    [](const NodePtr &kid) { return kid->kind == NodeKind::Param; });
            if (params == 0) {
                bindLambdaCall(node, *symbol, ctx);
                return;
            }
        }
        if (const Symbol *symbol = ctx.scope ? ctx.scope->find(node.text) : nullptr;
            symbol && symbol->kind == Symbol::Tabular) {
            node.schema = symbol->schema;
            return;
        }
        if (!ctx.scope || !ctx.scope->find(node.text)) {
            if (const HuntingTable *table = m_schema.table(node.text)) {
                auto schema = std::make_shared<RowSchema>();
                for (const HuntingColumn &column : table->columns)
                    schema->append({column.name, column.type});
                node.schema = schema;
                return;
            }
        }
        break;
    case NodeKind::Call:
        if (node.text == u"materialize" || node.text == u"view") {
            if (node.count() != 1)
                fail(QStringLiteral("%1() takes one tabular argument").arg(node.text), node);
            Node &arg = *node.kid(0);
            bind(arg, ctx);
            if (!arg.schema)
                fail(QStringLiteral("%1() needs a tabular argument").arg(node.text), arg);
            node.schema = arg.schema;
            return;
        }
        if (const Symbol *symbol = ctx.scope ? ctx.scope->find(node.text) : nullptr;
            symbol && symbol->kind == Symbol::Function) {
            bindLambdaCall(node, *symbol, ctx);
            return;
        }
        if (node.text == u"AssignedIPAddresses" && !(ctx.scope && ctx.scope->find(node.text))) {
            node.schema = bindAssignedIpAddresses(node, ctx);
            return;
        }
        break;
    default:
        break;
    }
    node.type = bindScalar(node, ctx);
}

KqlType Binder::bindScalar(Node &node, const Context &ctx)
{
    if (node.type)
        return *node.type;
    // Every scalar node keeps its type: the SQL compiler reads the type of each operand.
    const KqlType type = bindScalarNode(node, ctx);
    node.type = type;
    return type;
}

KqlType Binder::bindScalarNode(Node &node, const Context &ctx)
{
    switch (node.kind) {
    case NodeKind::Literal:
        switch (node.literal) {
        case LiteralKind::Null:
            return kqlTypeFromName(node.value).value_or(KqlType::Dynamic);
        case LiteralKind::Bool:
            return KqlType::Bool;
        case LiteralKind::Int:
            return KqlType::Int;
        case LiteralKind::Long:
            return KqlType::Long;
        case LiteralKind::Real:
            return KqlType::Real;
        case LiteralKind::Decimal:
            return KqlType::Decimal;
        case LiteralKind::String:
            return KqlType::String;
        case LiteralKind::DateTime:
            warnNumericDate(node);
            return KqlType::DateTime;
        case LiteralKind::TimeSpan:
            return KqlType::TimeSpan;
        case LiteralKind::Guid:
            return KqlType::Guid;
        }
        return KqlType::Dynamic;
    case NodeKind::DynamicLiteral:
        shapeLiteral(node);
        return KqlType::Dynamic;
    case NodeKind::Name:
        return bindName(node, ctx);
    case NodeKind::Unary: {
        const KqlType t = bindScalar(*node.kid(0), ctx);
        if (!isNumber(t) && !typeIn(t, {KqlType::TimeSpan, KqlType::Dynamic}))
            fail(QStringLiteral("the operator '%1' is not defined for a %2 value")
                         .arg(node.text, typeName(t)),
                 node);
        return t;
    }
    case NodeKind::Binary:
        return bindBinary(node, ctx);
    case NodeKind::Between:
        return bindBetween(node, ctx);
    case NodeKind::Call:
        return bindCall(node, ctx);
    case NodeKind::Member:
    case NodeKind::Index: {
        Node &target = *node.kid(0);
        if (node.kind == NodeKind::Member && target.kind == NodeKind::Name
            && (target.text == u"$left" || target.text == u"$right"))
            fail(QStringLiteral("%1 can only be used in the 'on' clause of a join or lookup")
                         .arg(target.text),
                 target);
        const KqlType t = bindScalar(target, ctx);
        if (t != KqlType::Dynamic)
            fail(QStringLiteral("a %1 value has no properties or elements: only dynamic values "
                                "(parse_json(…)) do")
                         .arg(typeName(t)),
                 node);
        if (node.kind == NodeKind::Index) {
            checkIndexShape(node, ctx);
            const KqlType i = bindScalar(*node.kid(1), ctx);
            if (!typeIn(i, {KqlType::Int, KqlType::Long, KqlType::String, KqlType::Dynamic}))
                fail(QStringLiteral("an index must be a number or a string, not %1")
                             .arg(typeName(i)),
                     *node.kid(1));
        }
        return KqlType::Dynamic;
    }
    default:
        break;
    }
    QString why;
    switch (node.kind) {
    case NodeKind::Star:
        why = QStringLiteral("'*' is not allowed here");
        break;
    case NodeKind::Assign:
        why = QStringLiteral("'%1 = …' is not allowed here").arg(node.text);
        break;
    case NodeKind::List:
        why = QStringLiteral("a list is only allowed after in, has_any and has_all");
        break;
    case NodeKind::Pipeline:
    case NodeKind::Datatable:
    case NodeKind::ExternalData:
    case NodeKind::Range:
    case NodeKind::Print:
    case NodeKind::UnionSource:
    case NodeKind::FindSource:
        why = QStringLiteral("a table is used where a scalar value is expected (use toscalar(…) "
                             "for a single value)");
        break;
    case NodeKind::TypeOf:
        why = QStringLiteral(
                "typeof(…) is only allowed as an argument of a function that takes a type");
        break;
    default:
        why = QStringLiteral("this expression is not supported here");
        break;
    }
    fail(why, node);
}

KqlType Binder::bindName(Node &node, const Context &ctx)
{
    if (ctx.row) {
        const int i = findColumn(*ctx.row, node);
        // summarize count() == FileSize: whose FileSize? Among the aggregates Kusto sees no
        // column outside an aggregate function, only let variables (of any name).
        const Symbol *variable = ctx.scope ? ctx.scope->find(node.text) : nullptr;
        if (i >= 0 && ctx.aggregates && !(variable && variable->kind == Symbol::Scalar))
            fail(QStringLiteral("'%1' is a column of the rows: among summarize's aggregates it "
                                "goes inside an aggregate function (max(%1), take_any(%1), …), "
                                "or after 'by'")
                         .arg(node.text),
                 node);
        if (i >= 0 && !ctx.aggregates) {
            node.resultName = node.text;
            return (*ctx.row)[i].type;
        }
    }
    if (const Symbol *symbol = ctx.scope ? ctx.scope->find(node.text) : nullptr) {
        if (symbol->kind == Symbol::Scalar) {
            node.scalarVariable = true;
            return symbol->type;
        }
        if (symbol->kind == Symbol::Tabular)
            fail(QStringLiteral("'%1' is a table; a scalar value is expected here").arg(node.text),
                 node);
        fail(QStringLiteral("'%1' is a function: call it as %1(…)").arg(node.text), node);
    }
    if (m_schema.table(node.text))
        fail(QStringLiteral("'%1' is a table; a scalar value is expected here").arg(node.text),
             node);
    if (node.text == u"$left" || node.text == u"$right")
        fail(QStringLiteral("%1 can only be used in the 'on' clause of a join or lookup")
                     .arg(node.text),
             node);
    if (!ctx.row)
        fail(QStringLiteral(
                     "unknown name '%1': there is no such variable here (and no input columns)")
                     .arg(node.text),
             node);
    if (open)
        fail(QStringLiteral("unknown name '%1': it may be a column that bag_unpack or pivot "
                            "adds; those come from the data and are known when the query runs "
                            "over the events (declare them to check the query without data: "
                            "bag_unpack(x) : (Name:type, …))")
                     .arg(node.text),
             node);
    if (unpacked)
        fail(QStringLiteral("unknown name '%1': no column has that name, and no bag that "
                            "evaluate bag_unpack() unpacks here has that slot in the data read "
                            "(Kusto fails the same way; declare the columns to read a slot that "
                            "may be missing: bag_unpack(x) : (Name:type, …))")
                     .arg(node.text),
             node);
    fail(QStringLiteral("unknown name '%1': no column, variable or table has that name (names are "
                        "case-sensitive)")
                 .arg(node.text),
         node);
}

KqlType Binder::bindBinary(Node &node, const Context &ctx)
{
    const QString &op = node.text;
    Node &leftNode = *node.kid(0);
    if (leftNode.kind == NodeKind::Star) {
        // `* has "x"` (search's bare term): true when any column of the row matches.
        static const QStringList searchOps = {
                QStringLiteral("has"),       QStringLiteral("has_cs"),
                QStringLiteral("hasprefix"), QStringLiteral("hasprefix_cs"),
                QStringLiteral("hassuffix"), QStringLiteral("hassuffix_cs"),
                QStringLiteral("contains"),  QStringLiteral("contains_cs"),
        };
        if (!searchOps.contains(op) || !ctx.row)
            fail(QStringLiteral("'* %1 …' (searching every column) is not supported by Vigil's "
                                "local KQL; name the columns")
                         .arg(op),
                 leftNode);
        if (bindScalar(*node.kid(1), ctx) != KqlType::String)
            fail(QStringLiteral("'* %1' searches for a string").arg(op), *node.kid(1));
        return KqlType::Bool;
    }
    const KqlType l = bindScalar(leftNode, ctx);
    auto bad = [&](KqlType r) {
        fail(QStringLiteral("the operator '%1' is not defined for %2 and %3 operands")
                     .arg(op, typeName(l), typeName(r)),
             node);
    };
    if (node.kid(1)->kind == NodeKind::List) {
        const bool caseless = op.endsWith(u'~');
        const bool terms = op.contains(QLatin1String("has_"));
        if ((caseless || terms) && !typeIn(l, {KqlType::String, KqlType::Dynamic}))
            fail(QStringLiteral("the operator '%1' needs a string on its left, not %2")
                         .arg(op, typeName(l)),
                 node);
        bindListRight(*node.kid(1), ctx);
        if (op == u"in" || op == u"!in") {
            QStringList written;
            QStringList read;
            KqlType from = KqlType::String;
            for (const NodePtr &element : node.kid(1)->kids) {
                if (element->schema || !element->type)
                    continue;
                const KqlType t = *element->type;
                QString w;
                QString r;
                if (readConstantAs(*element, t, l, ctx, &w, &r)) {
                    written.append(w);
                    read.append(r);
                    from = t;
                }
            }
            if (!written.isEmpty())
                warnReadAs(node, l, from, written, read);
        }
        return KqlType::Bool;
    }
    const KqlType r = bindScalar(*node.kid(1), ctx);
    const bool dyn = l == KqlType::Dynamic || r == KqlType::Dynamic;
    if (op == u"and" || op == u"or") {
        if (!typeIn(l, {KqlType::Bool, KqlType::Dynamic})
            || !typeIn(r, {KqlType::Bool, KqlType::Dynamic}))
            bad(r);
        return KqlType::Bool;
    }
    if (op == u"==" || op == u"!=") {
        QString written;
        QString read;
        if (readConstantAs(*node.kid(1), r, l, ctx, &written, &read))
            warnReadAs(node, l, r, {written}, {read});
        else if (readConstantAs(leftNode, l, r, ctx, &written, &read))
            warnReadAs(node, r, l, {written}, {read});
        return KqlType::Bool;
    }
    if (op == u"<" || op == u"<=" || op == u">" || op == u">=") {
        const bool ok
                = (l == KqlType::Bool && (isNumber(r) || r == KqlType::Bool))
                  || (isNumber(l) && (isNumber(r) || r == KqlType::Bool))
                  || (l == r && typeIn(l, {KqlType::TimeSpan, KqlType::DateTime, KqlType::Dynamic}))
                  || (dyn && (isNumber(l) || isNumber(r)));
        if (!ok)
            bad(r);
        return KqlType::Bool;
    }
    if (stringOperators().contains(op)) {
        if (!typeIn(l, {KqlType::String, KqlType::Dynamic})
            || !typeIn(r, {KqlType::String, KqlType::Dynamic}))
            bad(r);
        return KqlType::Bool;
    }
    if (termOperators().contains(op)) {
        if (!typeIn(l, {KqlType::String, KqlType::Dynamic}) || r != KqlType::String)
            bad(r);
        return KqlType::Bool;
    }
    // Arithmetic, with Kusto's operator table.
    const QChar a = op.size() == 1 ? op[0] : QChar();
    if (a != u'+' && a != u'-' && a != u'*' && a != u'/' && a != u'%')
        fail(QStringLiteral("the operator '%1' is not supported").arg(op), node);
    if (const std::optional<KqlType> w = widest(l, r))
        return *w;
    using T = KqlType;
    if (l == T::Dynamic && r == T::Dynamic)
        return T::Dynamic;
    if (dyn) {
        const KqlType other = l == T::Dynamic ? r : l;
        if (other == T::Int)
            return T::Long;
        if (isNumber(other)
            || ((a == u'+' || a == u'-') && typeIn(other, {T::TimeSpan, T::DateTime})))
            return (a == u'-' && other == T::DateTime) ? T::TimeSpan : other;
        bad(r);
    }
    switch (a.unicode()) {
    case '+':
        if (l == T::TimeSpan && r == T::TimeSpan)
            return T::TimeSpan;
        if (typeIn(l, {T::DateTime, T::TimeSpan}) && typeIn(r, {T::DateTime, T::TimeSpan})
            && l != r)
            return T::DateTime;
        break;
    case '-':
        if (l == T::TimeSpan && r == T::TimeSpan)
            return T::TimeSpan;
        if (l == T::DateTime && r == T::DateTime)
            return T::TimeSpan;
        if (typeIn(l, {T::DateTime, T::TimeSpan}) && typeIn(r, {T::DateTime, T::TimeSpan}))
            return T::DateTime;
        break;
    case '*':
        if ((l == T::TimeSpan && (isNumber(r) || r == T::TimeSpan))
            || (isNumber(l) && r == T::TimeSpan))
            return T::TimeSpan;
        if ((l == T::DateTime && isNumber(r)) || (isNumber(l) && r == T::DateTime))
            return T::DateTime;
        break;
    case '/':
        if (l == T::TimeSpan && r == T::TimeSpan)
            return T::Real;
        if (l == T::TimeSpan && isNumber(r))
            return T::TimeSpan;
        if (l == T::DateTime && typeIn(r, {T::DateTime, T::TimeSpan}))
            return T::Real;
        if (l == T::DateTime && isNumber(r))
            return T::DateTime;
        break;
    case '%':
        if (l == T::TimeSpan && (r == T::TimeSpan || isNumber(r)))
            return T::TimeSpan;
        if (l == T::DateTime && typeIn(r, {T::DateTime, T::TimeSpan}))
            return T::TimeSpan;
        if (l == T::DateTime && isNumber(r))
            return T::DateTime;
        break;
    default:
        break;
    }
    bad(r);
    return T::Bool; // not reached: bad() throws
}

void Binder::warnNumericDate(const Node &literal)
{
    KqlTime::DateTimeForm form = KqlTime::DateTimeForm::Iso;
    const std::optional<qint64> ticks = KqlTime::parseDateTime(literal.value, &form);
    if (!ticks || form != KqlTime::DateTimeForm::Numeric)
        return;
    const QString iso = KqlTime::formatDateTime(*ticks);
    const QString warning
            = QStringLiteral("line %1: %2 is read with the month first, as %3 (write %4 to say "
                             "which date you mean)")
                      .arg(QString::number(literal.pos.line), literal.text, iso,
                           QStringLiteral("datetime(%1)").arg(iso));
    if (!warnings.contains(warning))
        warnings.append(warning);
}

void Binder::warnReadAs(const Node &comparison, KqlType as, KqlType from,
                        const QStringList &written, const QStringList &read)
{
    const QString warning
            = QStringLiteral("line %1: '%2' between %3 and %4: %5 %6 read as the %3 %7 (write "
                             "%3 constants, or convert the other side, to say which comparison "
                             "you mean)")
                      .arg(QString::number(comparison.pos.line), comparison.text, typeName(as),
                           typeName(from), written.join(QLatin1String(", ")),
                           written.size() == 1 ? QStringLiteral("is") : QStringLiteral("are"),
                           read.join(QLatin1String(", ")));
    if (!warnings.contains(warning))
        warnings.append(warning);
}

bool Binder::readConstantAs(Node &constant, KqlType constantType, KqlType otherType,
                            const Context &ctx, QString *writtenAs, QString *readAs)
{
    using T = KqlType;
    const bool toNumber
            = constantType == T::String && typeIn(otherType, {T::Int, T::Long, T::Real, T::Bool});
    const bool toString
            = otherType == T::String && typeIn(constantType, {T::Int, T::Long, T::Bool});
    if (!toNumber && !toString)
        return false;
    const Node *literal = nullptr;
    if (constant.kind == NodeKind::Literal) {
        literal = &constant;
    } else if (constant.kind == NodeKind::Name
               && !(ctx.row && findColumn(*ctx.row, constant) >= 0)) {
        const Symbol *symbol = ctx.scope ? ctx.scope->find(constant.text) : nullptr;
        if (symbol && symbol->kind == Symbol::Scalar)
            literal = symbol->constant;
    }
    if (!literal || literal->literal == LiteralKind::Null)
        return false;
    const QString &text = literal->value;
    LiteralKind kind = LiteralKind::String;
    QString value;
    if (toNumber && otherType == T::Bool) {
        // As tobool() reads text: true or false in any case; and "1" and "0", the values the
        // bool page gives true and false (https://learn.microsoft.com/kusto/query/
        // scalar-data-types/bool), which Defender's hunting queries compare bool columns with.
        if (text.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0 || text == u"1")
            value = QStringLiteral("true");
        else if (text.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0 || text == u"0")
            value = QStringLiteral("false");
        else
            return false;
        kind = LiteralKind::Bool;
    } else if (toNumber && otherType == T::Real) {
        static const QRegularExpression decimal(
                QStringLiteral(R"(^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$)"));
        bool ok = false;
        const double d = text.toDouble(&ok);
        if (!decimal.match(text).hasMatch() || !ok || !std::isfinite(d))
            return false;
        value = text;
        kind = LiteralKind::Real;
    } else if (toNumber) {
        // Digits only: text that needs trimming or rounding is not a constant of that type.
        static const QRegularExpression digits(QStringLiteral(R"(^[+-]?[0-9]+$)"));
        bool ok = false;
        const qlonglong n = QStringView(text).mid(text.startsWith(u'+') ? 1 : 0).toLongLong(&ok);
        if (!digits.match(text).hasMatch() || !ok
            || (otherType == T::Int
                && (n < std::numeric_limits<qint32>::min()
                    || n > std::numeric_limits<qint32>::max())))
            return false;
        value = QString::number(n);
        kind = otherType == T::Int ? LiteralKind::Int : LiteralKind::Long;
    } else if (literal->literal == LiteralKind::Bool) {
        value = text.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0
                        ? QStringLiteral("true")
                        : QStringLiteral("false");
    } else {
        // tostring() of an int or long: its decimal digits (0x1F is "31").
        const std::optional<qlonglong> n = integerLiteralValue(text);
        if (!n)
            return false;
        value = QString::number(*n);
    }
    *writtenAs = literal->text;
    *readAs = kind == LiteralKind::String ? QLatin1Char('"') + value + QLatin1Char('"') : value;
    constant.kind = NodeKind::Literal;
    constant.literal = kind;
    constant.value = value;
    constant.kids.clear();
    constant.type = otherType;
    return true;
}

void Binder::bindListRight(Node &list, const Context &ctx)
{
    for (const NodePtr &element : list.kids) {
        bind(*element, ctx);
        if (element->schema && element->schema->isEmpty())
            fail(QStringLiteral("the table on the right of 'in' has no columns"), *element);
    }
    list.type = KqlType::Dynamic;
}

KqlType Binder::bindBetween(Node &node, const Context &ctx)
{
    const KqlType v = bindScalar(*node.kid(0), ctx);
    const KqlType lo = bindScalar(*node.kid(1), ctx);
    const KqlType hi = bindScalar(*node.kid(2), ctx);
    using T = KqlType;
    // A dynamic value may be compared with numbers; Kusto's analyzer takes no dynamic bound.
    const bool numbers = (isNumber(v) || v == T::Dynamic) && isNumber(lo) && isNumber(hi);
    const bool same = typeIn(v, {T::DateTime, T::TimeSpan}) && lo == v && hi == v;
    const bool window
            = v == T::DateTime && lo == T::DateTime && hi == T::TimeSpan; // dt between (t0 .. 3d)
    if (!numbers && !same && !window)
        fail(QStringLiteral("'%1' is not defined for a %2 value between %3 and %4")
                     .arg(node.text, typeName(v), typeName(lo), typeName(hi)),
             node);
    return T::Bool;
}

} // namespace Vigil::Kql
