#include "binderimpl.h"

// Calls: Kusto's functions and aggregates (from the function symbol table) and let functions.
namespace Vigil::Kql {

namespace {

/**
 * What keeps an argument from being a constant as Microsoft's analyzer counts one: a column, or
 * an element or a property read from a value (which the analyzer never counts as constant,
 * even of a literal). Literals, let variables, lambda parameters and calls and operators over
 * them (now(), strcat('a', 'b'), toscalar(…)) are constants. Null when there is none.
 */
const Node *rowDependency(const Node &node)
{
    switch (node.kind) {
    case NodeKind::Literal:
    case NodeKind::DynamicLiteral:
    case NodeKind::TypeOf:
        return nullptr;
    case NodeKind::Name:
        return node.scalarVariable ? nullptr : &node;
    case NodeKind::Member:
    case NodeKind::Index:
        return &node;
    case NodeKind::Call:
        if (node.text == u"toscalar")
            return nullptr;
        [[fallthrough]];
    case NodeKind::NamedArg:
    case NodeKind::Binary:
    case NodeKind::Unary:
    case NodeKind::Between:
    case NodeKind::List:
        for (const NodePtr &kid : node.kids) {
            if (const Node *reads = rowDependency(*kid))
                return reads;
        }
        return nullptr;
    default:
        return nullptr; // nothing else reads the row
    }
}

using T = KqlType;

/** A copy of the parsed tree (no binder annotations), for binding a let function per call. */
NodePtr cloneParsed(const Node &source)
{
    auto copy = std::make_unique<Node>();
    copy->kind = source.kind;
    copy->pos = source.pos;
    copy->text = source.text;
    copy->value = source.kind == NodeKind::Name ? QString() : source.value;
    copy->literal = source.literal;
    copy->bracketed = source.bracketed;
    copy->options = source.options;
    copy->kids.reserve(source.kids.size());
    for (const NodePtr &kid : source.kids)
        copy->kids.push_back(cloneParsed(*kid)); // depth is bounded by the parser
    return copy;
}

bool promotable(T from, T to)
{
    if (from == to)
        return true;
    switch (from) {
    case T::Int:
        return to == T::Long || to == T::Real || to == T::Decimal;
    case T::Long:
        return to == T::Int || to == T::Real || to == T::Decimal;
    case T::Real:
        return to == T::Decimal;
    default:
        return false;
    }
}

bool accepts(const ParamSymbol &param, T arg, const QList<T> &args)
{
    const bool number = Binder::isNumber(arg);
    switch (param.kind) {
    case ParamKind::Declared:
        // Kusto converts a dynamic argument to a string parameter, not to other types.
        if (arg == T::Dynamic && param.types.contains(T::String))
            return true;
        for (T t : param.types) {
            if (promotable(arg, t))
                return true;
        }
        return param.types.isEmpty();
    case ParamKind::Scalar:
    case ParamKind::Any:
        return true;
    case ParamKind::Tabular:
        return false;
    case ParamKind::Integer:
        return arg == T::Int || arg == T::Long;
    case ParamKind::RealOrDecimal:
        return arg == T::Real || arg == T::Decimal;
    case ParamKind::StringOrDynamic:
    case ParamKind::StringOrArray:
        return arg == T::String || arg == T::Dynamic;
    case ParamKind::IntegerOrArray:
        return arg == T::Int || arg == T::Long || arg == T::Dynamic;
    case ParamKind::DynamicArray:
    case ParamKind::DynamicBag:
        return arg == T::Dynamic;
    case ParamKind::Number:
    case ParamKind::CommonNumber:
        return number;
    case ParamKind::NumberOrBool:
        return number || arg == T::Bool;
    case ParamKind::Summable:
    case ParamKind::CommonSummable:
        return number || arg == T::TimeSpan || arg == T::DateTime;
    case ParamKind::Orderable:
    case ParamKind::CommonOrderable:
        return arg != T::Dynamic;
    case ParamKind::NotRealOrBool:
        return arg != T::Real && arg != T::Bool;
    case ParamKind::NotDynamic:
        return arg != T::Dynamic;
    case ParamKind::NotBool:
        return arg != T::Bool;
    case ParamKind::Parameter0:
    case ParamKind::Parameter1:
    case ParamKind::Parameter2: {
        const int i = param.kind == ParamKind::Parameter0   ? 0
                      : param.kind == ParamKind::Parameter1 ? 1
                                                            : 2;
        return i < args.size()
               && (promotable(arg, args[i]) || args[i] == T::Dynamic || arg == T::Dynamic);
    }
    case ParamKind::CommonScalar:
    case ParamKind::CommonScalarOrDynamic:
        return true;
    }
    return false;
}

bool isCommon(ParamKind kind)
{
    return kind == ParamKind::CommonScalar || kind == ParamKind::CommonNumber
           || kind == ParamKind::CommonSummable || kind == ParamKind::CommonOrderable
           || kind == ParamKind::CommonScalarOrDynamic;
}

/**
 * Which parameter each argument goes to, every way the count allows: consecutive repeatable
 * parameters repeat as a group (case's predicate/then pairs, bag_pack's key/value pairs), as
 * many times as they can first; optional ones are filled in order. array_sort_asc(a, false)
 * is one array and nulls_last, the second way after two arrays.
 */
QList<QList<int>> assignments(const SignatureSymbol &sig, int argc)
{
    QList<QList<int>> all;
    const QList<ParamSymbol> &params = sig.params;
    qsizetype groupStart = -1;
    qsizetype groupEnd = -1; // one past
    for (qsizetype p = 0; p < params.size(); ++p) {
        if (params[p].maxOccurring > 1) {
            if (groupStart < 0)
                groupStart = p;
            if (groupEnd >= 0 && groupEnd != p)
                return all; // two repeating runs: no Kusto function has them
            groupEnd = p + 1;
        }
    }
    int singlesMin = 0;
    int singlesMax = 0;
    for (qsizetype p = 0; p < params.size(); ++p) {
        if (p >= groupStart && p < groupEnd)
            continue;
        singlesMin += params[p].minOccurring;
        singlesMax += params[p].maxOccurring;
    }
    const int group = groupStart < 0 ? 0 : int(groupEnd - groupStart);
    const int lo = group ? params[groupStart].minOccurring : 0;
    const int hi = group ? params[groupStart].maxOccurring : 0;
    for (int k = hi; k >= lo; --k) {
        int budget = argc - k * group - singlesMin; // arguments left for optional parameters
        if (budget < 0 || budget > singlesMax - singlesMin)
            continue;
        QList<int> which;
        for (qsizetype p = 0; p < params.size(); ++p) {
            if (p == groupStart) {
                for (int r = 0; r < k; ++r) {
                    for (qsizetype g = groupStart; g < groupEnd; ++g)
                        which.append(int(g));
                }
                p = groupEnd - 1;
                continue;
            }
            if (params[p].minOccurring > 0) {
                which.append(int(p));
            } else if (budget > 0) {
                which.append(int(p));
                --budget;
            }
        }
        if (which.size() == argc)
            all.append(which);
    }
    return all;
}

std::optional<QList<int>> assign(const SignatureSymbol &sig, int argc)
{
    const QList<QList<int>> all = assignments(sig, argc);
    return all.isEmpty() ? std::nullopt : std::optional<QList<int>>(all.first());
}

QString typeList(const QList<T> &types)
{
    QStringList names;
    for (T t : types)
        names.append(kqlTypeName(t));
    return names.join(QLatin1String(", "));
}

} // namespace

KqlType Binder::bindCall(Node &node, const Context &ctx)
{
    if (node.text == u"toscalar") {
        if (node.count() != 1)
            fail(QStringLiteral("toscalar() takes one argument"), node);
        Node &arg = *node.kid(0);
        Context outer = ctx;
        outer.aggregates = false;
        bind(arg, outer);
        if (arg.schema) {
            if (arg.schema->isEmpty())
                fail(QStringLiteral("toscalar() needs a table with at least one column"), arg);
            return arg.schema->first().type;
        }
        return *arg.type;
    }
    if (const Symbol *symbol = ctx.scope ? ctx.scope->find(node.text) : nullptr) {
        if (symbol->kind != Symbol::Function)
            fail(QStringLiteral("'%1' is not a function").arg(node.text), node);
        bindLambdaCall(node, *symbol, ctx);
        if (node.schema)
            fail(QStringLiteral(
                         "the function '%1' returns a table; a scalar value is expected here")
                         .arg(node.text),
                 node);
        return *node.type;
    }
    const FunctionSymbol *fn = FunctionSymbols::instance().find(node.text, ctx.aggregates);
    if (!fn) {
        if (m_schema.table(node.text))
            fail(QStringLiteral("'%1' is a table, not a function").arg(node.text), node);
        for (const HuntingFunction &defender : m_schema.functions()) {
            if (defender.name == node.text)
                fail(QStringLiteral(
                             "the Defender function '%1' is not supported by Vigil's local KQL yet")
                             .arg(node.text),
                     node);
        }
        fail(QStringLiteral("unknown function '%1' (function names are case-sensitive)")
                     .arg(node.text),
             node);
    }
    return bindFunctionCall(node, *fn, ctx);
}

KqlType Binder::bindFunctionCall(Node &node, const FunctionSymbol &fn, const Context &ctx)
{
    if (fn.aggregate && !ctx.aggregates)
        fail(QStringLiteral("the aggregate function %1() can only be used in summarize (not inside "
                            "another aggregate)")
                     .arg(fn.name),
             node);
    if (!fn.supported && multiColumnFields(fn.name))
        fail(QStringLiteral("%1() gives several columns: use it alone in extend, project or print "
                            "(x = %1(…) or (A, B) = %1(…))")
                     .arg(fn.name),
             node);
    if (fn.name == u"series_periods_detect" || fn.name == u"series_periods_validate")
        fail(QStringLiteral("%1() is not supported by Vigil's local KQL: Microsoft's pages do not "
                            "give its scores precisely enough to reproduce their examples")
                     .arg(fn.name),
             node);
    if (!fn.supported)
        fail(QStringLiteral("the function %1() is not supported by Vigil's local KQL").arg(fn.name),
             node);
    // An aggregate's arguments are per row; a scalar function's may hold aggregates
    // (summarize tostring(make_set(x))).
    Context inner = ctx;
    inner.aggregates = ctx.aggregates && !fn.aggregate;
    QList<T> types;
    QList<Node *> args;
    for (const NodePtr &kid : node.kids) {
        Node *arg = kid->kind == NodeKind::NamedArg ? kid->kid(0) : kid.get();
        args.append(arg);
        if (arg->kind == NodeKind::Star) {
            types.append(T::Dynamic);
        } else if (arg->kind == NodeKind::TypeOf) {
            const std::optional<T> t = kqlTypeFromName(arg->value);
            arg->type = t.value_or(T::Dynamic);
            types.append(*arg->type);
        } else {
            types.append(bindScalar(*arg, inner));
        }
    }
    // The part of datetime_part(), datetime_diff() and datetime_add() is one of Kusto's words,
    // written as a string literal (any case).
    if ((fn.name == u"datetime_part" || fn.name == u"datetime_diff" || fn.name == u"datetime_add")
        && !args.isEmpty()) {
        static const QStringList common
                = {QStringLiteral("year"),        QStringLiteral("quarter"),
                   QStringLiteral("month"),       QStringLiteral("day"),
                   QStringLiteral("hour"),        QStringLiteral("minute"),
                   QStringLiteral("second"),      QStringLiteral("millisecond"),
                   QStringLiteral("microsecond"), QStringLiteral("nanosecond")};
        QStringList parts = common;
        if (fn.name == u"datetime_part")
            parts << QStringLiteral("week_of_year") << QStringLiteral("dayofyear");
        else
            parts << QStringLiteral("week");
        const Node &part = *args[0];
        if (part.kind != NodeKind::Literal || part.literal != LiteralKind::String)
            fail(QStringLiteral("the part of %1() is written as a string literal, as in "
                                "%1('day', …)")
                         .arg(fn.name),
                 part);
        if (!parts.contains(part.value.toLower()))
            fail(QStringLiteral("'%1' is not a part %2() knows (%3)")
                         .arg(part.value, fn.name, parts.join(QStringLiteral(", "))),
                 part);
    }
    if (fn.name.startsWith(QLatin1String("array_sort_"))
        && std::count(types.begin(), types.end(), T::Dynamic) > 1)
        fail(QStringLiteral("%1() of several arrays gives a column per array, which Vigil's local "
                            "KQL does not support: sort one array")
                     .arg(fn.name),
             node);
    // countof()'s kind is one of two words, as written.
    if (fn.name == u"countof" && args.size() == 3
        && !(args[2]->kind == NodeKind::Literal && args[2]->literal == LiteralKind::String
             && (args[2]->value == u"normal" || args[2]->value == u"regex")))
        fail(QStringLiteral("the kind of countof() is 'normal' or 'regex'"), *args[2]);
    if (fn.name == u"pack_all" && !args.isEmpty() && args[0]->kind != NodeKind::Literal)
        fail(QStringLiteral("pack_all() takes true or false as written, not an expression"),
             *args[0]);
    if (fn.name == u"format_datetime" && args.size() == 2 && args[1]->kind == NodeKind::Literal
        && args[1]->literal == LiteralKind::String && args[1]->value.isEmpty())
        fail(QStringLiteral("the format of format_datetime() is empty"), *args[1]);
    // Kusto's analyzer takes only a column as the value of prev() and next().
    if ((fn.name == u"prev" || fn.name == u"next") && !args.isEmpty()
        && !(args[0]->kind == NodeKind::Name && !args[0]->resultName.isEmpty()
             && !args[0]->parenthesized))
        fail(QStringLiteral("%1() takes a column name first, as in %1(Timestamp); compute the "
                            "value with extend before serialize")
                     .arg(fn.name),
             *args[0]);
    const SignatureSymbol *chosen = nullptr;
    QList<int> mapping;
    QString why;
    QString shapeWhy; // a dynamic argument of the type asked for but of another shape
    const Node *shapeAt = nullptr;
    for (const SignatureSymbol &sig : fn.signatures) {
        for (const QList<int> &which : assignments(sig, int(args.size()))) {
            bool ok = true;
            for (int i = 0; i < args.size() && ok; ++i) {
                const ParamSymbol &param = sig.params[which[i]];
                // Kusto converts a dynamic value to a string parameter, but not a dynamic literal
                // nor a value whose shape it knows (split(…)[0], an element of an array of
                // strings).
                const bool dynamicLiteral = param.kind == ParamKind::Declared
                                            && (args[i]->kind == NodeKind::DynamicLiteral
                                                || args[i]->shape != DynShape::Unknown)
                                            && !param.types.contains(T::Dynamic);
                if (args[i]->kind == NodeKind::Star)
                    ok = param.starAllowed;
                else
                    ok = param.typeLiteral == (args[i]->kind == NodeKind::TypeOf)
                         && accepts(param, types[i], types) && !dynamicLiteral;
                if (!ok && shapeWhy.isEmpty() && dynamicLiteral && param.types.contains(T::String)
                    && accepts(param, types[i], types)) {
                    shapeWhy
                            = QStringLiteral("argument %1 (%2) is %3, which Kusto does not read as "
                                             "a string; convert it with tostring(…)")
                                      .arg(i + 1)
                                      .arg(param.name, args[i]->kind == NodeKind::DynamicLiteral
                                                               ? QStringLiteral("a dynamic literal")
                                                               : shapeWords(args[i]->shape));
                    shapeAt = args[i];
                }
                if (!ok && why.isEmpty())
                    why = QStringLiteral("argument %1 (%2) has type %3")
                                  .arg(i + 1)
                                  .arg(param.name, kqlTypeName(types[i]));
                if (ok && args[i]->kind != NodeKind::Star
                    && !shapeFits(param, *args[i], types[i])) {
                    ok = false;
                    if (shapeWhy.isEmpty()) {
                        shapeWhy = shapeMismatch(param, *args[i]);
                        shapeAt = args[i];
                    }
                }
            }
            if (ok) {
                chosen = &sig;
                mapping = which;
                break;
            }
        }
        if (chosen)
            break;
    }
    if (!chosen) {
        bool countFits = false;
        int lo = 1000;
        int hi = 0;
        for (const SignatureSymbol &sig : fn.signatures) {
            lo = std::min(lo, sig.minArgs());
            hi = std::max(hi, sig.maxArgs());
            countFits = countFits || assign(sig, int(args.size())).has_value();
        }
        if (!countFits)
            fail(QStringLiteral("%1() takes %2 arguments, not %3")
                         .arg(fn.name, lo == hi ? QString::number(lo)
                                                : QStringLiteral("%1 to %2").arg(lo).arg(hi))
                         .arg(args.size()),
                 node);
        if (!shapeWhy.isEmpty())
            fail(QStringLiteral("%1(): %2").arg(fn.name, shapeWhy), *shapeAt);
        fail(QStringLiteral("%1(): %2, which it does not accept (arguments: %3)")
                     .arg(fn.name, why, typeList(types)),
             node);
    }
    // Arguments the analyzer wants constant (extract()'s and replace()'s regular expressions,
    // round()'s precision, prev()'s default, …): nothing read from the row.
    for (qsizetype i = 0; i < args.size(); ++i) {
        const ParamSymbol &param = chosen->params[mapping[i]];
        if (!param.constant || param.typeLiteral || args[i]->kind == NodeKind::Star)
            continue;
        if (const Node *reads = rowDependency(*args[i]))
            fail(QStringLiteral("%1(): argument %2 (%3) must be a constant (a literal, a let "
                                "variable or an expression of them), and this one reads %4")
                         .arg(fn.name)
                         .arg(i + 1)
                         .arg(param.name,
                              reads->kind == NodeKind::Name
                                      ? QStringLiteral("the column %1").arg(reads->text)
                                      : QStringLiteral("an element of a value (x[…] or x.k)")),
                 *reads);
    }
    // The common type of the Common* arguments (iff's branches, coalesce's values, max_of, …).
    std::optional<T> common;
    bool sawDynamic = false;
    bool sawOther = false;
    for (int i = 0; i < args.size(); ++i) {
        const ParamSymbol &param = chosen->params[mapping[i]];
        if (param.kind == ParamKind::CommonScalar) {
            (types[i] == T::Dynamic ? sawDynamic : sawOther) = true;
            if (sawDynamic && sawOther) // coalesce(dynamic, long): Kusto wants one kind
                fail(QStringLiteral("%1(): the arguments must all be dynamic or all not dynamic")
                             .arg(fn.name),
                     *args[i]);
        }
        if (!isCommon(param.kind) || types[i] == T::Dynamic)
            continue;
        if (!common || *common == types[i])
            common = types[i];
        else if (const std::optional<T> w = widest(*common, types[i]))
            common = *w;
        else
            fail(QStringLiteral("%1(): the arguments must have one type, but there are %2 and %3")
                         .arg(fn.name, kqlTypeName(*common), kqlTypeName(types[i])),
                 *args[i]);
    }
    T result = T::Dynamic;
    auto literalAt = [&](int i) -> T {
        if (i < 0 || i >= args.size() || args[i]->kind != NodeKind::TypeOf)
            fail(QStringLiteral("%1() needs typeof(…) here").arg(fn.name), node);
        return types[i];
    };
    switch (chosen->returnKind) {
    case ReturnKind::Declared:
        result = chosen->declaredReturn.value_or(T::Dynamic);
        break;
    case ReturnKind::Parameter0:
    case ReturnKind::Parameter1:
    case ReturnKind::Parameter2: {
        const int i = chosen->returnKind == ReturnKind::Parameter0   ? 0
                      : chosen->returnKind == ReturnKind::Parameter1 ? 1
                                                                     : 2;
        result = i < types.size() ? types[i] : T::Dynamic;
        break;
    }
    case ReturnKind::ParameterN:
        result = types.isEmpty() ? T::Dynamic : types.last();
        break;
    case ReturnKind::Parameter0Literal:
        result = literalAt(0);
        break;
    case ReturnKind::Parameter1Literal:
        result = literalAt(1);
        break;
    case ReturnKind::ParameterNLiteral:
        result = literalAt(int(args.size()) - 1);
        break;
    case ReturnKind::Parameter0Promoted:
        result = types.value(0, T::Dynamic) == T::Int ? T::Long : types.value(0, T::Dynamic);
        break;
    case ReturnKind::Parameter0Array:
        result = T::Dynamic;
        break;
    case ReturnKind::Common:
    case ReturnKind::CommonNonDynamic:
        result = common.value_or(T::Dynamic);
        break;
    case ReturnKind::Widest: {
        std::optional<T> w;
        for (T t : types) {
            if (isNumber(t))
                w = w ? widest(*w, t) : std::optional<T>(t == T::Int ? T::Long : t);
        }
        result = w.value_or(types.value(0, T::Dynamic));
        break;
    }
    case ReturnKind::Custom:
        // take_any(x) is x's type; the pack/array/set/bag family builds dynamic values.
        result = fn.name.startsWith(QLatin1String("take_any")) && args.size() >= 1
                                 && args[0]->kind != NodeKind::Star
                         ? types[0]
                         : T::Dynamic;
        if (fn.name == u"arg_max" || fn.name == u"arg_min" || fn.name == u"argmax"
            || fn.name == u"argmin"
            || (fn.name.startsWith(QLatin1String("take_any")) && args.size() > 1))
            fail(QStringLiteral("%1() gives several columns: use it directly in summarize")
                         .arg(fn.name),
                 node);
        if (fn.name.startsWith(QLatin1String("percentile")))
            fail(QStringLiteral("the function %1() is not supported by Vigil's local KQL")
                         .arg(fn.name),
                 node);
        break;
    case ReturnKind::Other:
        fail(QStringLiteral("the function %1() is not supported by Vigil's local KQL").arg(fn.name),
             node);
    }
    // The column name the call gets when the query gives none. A first argument written
    // `Name = value` lends its name as a column would (Microsoft's analyzer names
    // bin(X = Timestamp, 1h) X and max(X = Timestamp) max_X).
    const QString first = args.isEmpty()                            ? QString()
                          : node.kid(0)->kind == NodeKind::NamedArg ? node.kid(0)->text
                                                                    : expressionName(*args[0]);
    switch (fn.resultName) {
    case ResultNameKind::None:
        if (fn.name.startsWith(QLatin1String("take_any")) && args.size() == 1)
            node.resultName = first;
        break;
    case ResultNameKind::FirstArgument:
    case ResultNameKind::FirstArgumentValueIfColumn:
        node.resultName = first;
        break;
    case ResultNameKind::OnlyArgument:
        if (args.size() == 1)
            node.resultName = first;
        break;
    case ResultNameKind::NameAndFirstArgument:
        node.resultName = first.isEmpty() ? QString() : fn.name + QLatin1Char('_') + first;
        break;
    case ResultNameKind::NameAndOnlyArgument:
        node.resultName = first.isEmpty() || args.size() != 1 ? QString()
                                                              : fn.name + QLatin1Char('_') + first;
        break;
    case ResultNameKind::PrefixAndFirstArgument:
        // Aggregates always get prefix_ (count() is count_, countif(p) countif_); a scalar
        // function only when its argument has a name (gettype(1) gets none).
        if (fn.aggregate || !first.isEmpty())
            node.resultName = fn.resultPrefix + QLatin1Char('_') + first;
        break;
    case ResultNameKind::PrefixAndOnlyArgument:
        node.resultName
                = fn.resultPrefix + QLatin1Char('_') + (args.size() == 1 ? first : QString());
        break;
    case ResultNameKind::PrefixOnly:
        node.resultName = fn.resultPrefix;
        break;
    }
    if (result == T::Dynamic)
        shapeCall(node, fn, *chosen, mapping, args, types);
    return result;
}

void Binder::checkParameterDefaults(Node &lambda, const ScopePtr &scope)
{
    for (const NodePtr &param : lambda.kids) {
        if (param->kind != NodeKind::Param || param->count() == 0 || param->value == u"table")
            continue;
        Context defaults;
        defaults.scope = scope;
        const T given = bindScalar(*param->kid(0), defaults);
        const T declared = kqlTypeFromName(param->value).value_or(T::Dynamic);
        if (!promotable(given, declared) && declared != T::Dynamic)
            fail(QStringLiteral("the default of the parameter '%1' is %2, but the parameter is %3")
                         .arg(param->text, kqlTypeName(given), param->value),
                 *param->kid(0));
    }
}

void Binder::checkFunctionBody(Node &lambda, const ScopePtr &closure)
{
    auto scope = std::make_shared<Scope>();
    scope->parent = closure;
    QSet<QString> names;
    for (const NodePtr &param : lambda.kids) {
        if (param->kind != NodeKind::Param)
            continue;
        Symbol symbol;
        if (param->value == u"table") {
            RowSchema declared;
            for (const auto &[key, column] : param->options) {
                if (key == u"column")
                    declared.append({column.section(QLatin1Char(':'), 0, 0),
                                     kqlTypeFromName(column.section(QLatin1Char(':'), 1))
                                             .value_or(T::Dynamic)});
            }
            if (declared.isEmpty())
                return;
            symbol.kind = Symbol::Tabular;
            symbol.schema = std::make_shared<const RowSchema>(std::move(declared));
        } else {
            symbol.kind = Symbol::Scalar;
            symbol.type = kqlTypeFromName(param->value).value_or(T::Dynamic);
        }
        scope->names.insert(param->text, symbol);
        names.insert(param->text);
    }
    // The check leaves no trace: names numbered, warnings, columns read from the data.
    const QStringList savedWarnings = warnings;
    const bool savedOpen = open;
    const bool savedUnpacked = unpacked;
    const int savedCounter = m_columnCounter;
    const QSet<int> savedDataColumns = m_dataColumns;
    NodePtr copy = cloneParsed(*lambda.kids.back());
    ++m_lambdaDepth;
    try {
        bindScript(*copy, scope, names);
    } catch (const PivotProbe &) {
        // Columns that come from the data: the calls bind them.
    }
    --m_lambdaDepth;
    warnings = savedWarnings;
    open = savedOpen;
    unpacked = savedUnpacked;
    m_columnCounter = savedCounter;
    m_dataColumns = savedDataColumns;
}

void Binder::bindLambdaCall(Node &node, const Symbol &fn, const Context &ctx)
{
    constexpr int maxLambdaDepth = 32;
    if (m_lambdaDepth >= maxLambdaDepth)
        fail(QStringLiteral("functions call each other too deeply (more than %1 levels)")
                     .arg(maxLambdaDepth),
             node);
    Node &lambda = *fn.lambda;
    QList<Node *> params;
    for (const NodePtr &kid : lambda.kids) {
        if (kid->kind == NodeKind::Param)
            params.append(kid.get());
    }
    Node &body = *lambda.kids.back();
    if (node.count() > params.size())
        fail(QStringLiteral("the function '%1' takes %2 arguments, not %3")
                     .arg(node.text)
                     .arg(params.size())
                     .arg(node.count()),
             node);
    auto scope = std::make_shared<Scope>();
    scope->parent = fn.closure;
    Context argCtx = ctx;
    argCtx.aggregates = false;
    // Arguments by position, then by name (f('a', b = 'c')).
    QList<Node *> byParam(params.size(), nullptr);
    bool named = false;
    for (qsizetype i = 0; i < node.count(); ++i) {
        Node *arg = node.kid(i);
        if (arg->kind != NodeKind::NamedArg) {
            if (named)
                fail(QStringLiteral("an argument by position cannot follow one by name"), *arg);
            byParam[i] = arg;
            continue;
        }
        named = true;
        const auto it = std::find_if(params.begin(), params.end(),
                                     [&](const Node *p) { return p->text == arg->text; });
        if (it == params.end())
            fail(QStringLiteral("the function '%1' has no parameter '%2'")
                         .arg(node.text, arg->text),
                 *arg);
        if (byParam[it - params.begin()])
            fail(QStringLiteral("the parameter '%1' is given twice").arg(arg->text), *arg);
        byParam[it - params.begin()] = arg->kid(0);
    }
    for (int i = 0; i < params.size(); ++i) {
        Node &param = *params[i];
        Node *arg = byParam[i];
        Symbol symbol;
        if (param.value == u"table") {
            if (!arg)
                fail(QStringLiteral("the function '%1' needs a table for its parameter '%2'")
                             .arg(node.text, param.text),
                     node);
            bind(*arg, argCtx);
            if (!arg->schema)
                fail(QStringLiteral(
                             "the parameter '%1' of '%2' is a table, but a scalar value is given")
                             .arg(param.text, node.text),
                     *arg);
            // (T:(Name:type, …)): the table needs these columns, of these types.
            for (const auto &[key, declared] : param.options) {
                if (key != u"column")
                    continue;
                const QString name = declared.section(QLatin1Char(':'), 0, 0);
                const std::optional<T> type
                        = kqlTypeFromName(declared.section(QLatin1Char(':'), 1));
                const bool found = std::any_of(
                        arg->schema->cbegin(), arg->schema->cend(),
                        [&](const Column &c) { return c.name == name && type && c.type == *type; });
                if (!found)
                    fail(QStringLiteral("the table given for '%1' of '%2' has no column %3")
                                 .arg(param.text, node.text, declared),
                         *arg);
            }
            symbol.kind = Symbol::Tabular;
            symbol.schema = arg->schema;
        } else {
            const T declared = kqlTypeFromName(param.value).value_or(T::Dynamic);
            if (arg) {
                const T given = bindScalar(*arg, argCtx);
                if (!promotable(given, declared) && given != T::Dynamic && declared != T::Dynamic)
                    fail(QStringLiteral("the parameter '%1' of '%2' is %3, but a %4 value is given")
                                 .arg(param.text, node.text, param.value, kqlTypeName(given)),
                         *arg);
            } else if (param.count() == 0) {
                fail(QStringLiteral("the function '%1' needs a value for its parameter '%2'")
                             .arg(node.text, param.text),
                     node);
            } else {
                Context defaults;
                defaults.scope = fn.closure;
                bindScalar(*param.kid(0), defaults);
            }
            symbol.kind = Symbol::Scalar;
            symbol.type = declared;
        }
        scope->names.insert(param.text, symbol);
    }
    // Each call binds its own copy of the body: calls with different argument types or tables
    // give different types and columns, and the compiler reads them from Node::inlined.
    NodePtr copy = cloneParsed(body);
    QSet<QString> parameterNames;
    for (const Node *param : params)
        parameterNames.insert(param->text);
    ++m_lambdaDepth;
    const Node *result = nullptr;
    try {
        result = bindScript(*copy, scope, std::move(parameterNames));
    } catch (const PivotProbe &) {
        // The probe points into this copy: the tree keeps it.
        --m_lambdaDepth;
        node.inlined = std::move(copy);
        throw;
    }
    --m_lambdaDepth;
    node.inlined = std::move(copy);
    if (!result)
        fail(QStringLiteral("the function '%1' has no result expression").arg(node.text), lambda);
    if (result->schema)
        node.schema = result->schema;
    else
        node.type = result->type;
}

} // namespace Vigil::Kql
