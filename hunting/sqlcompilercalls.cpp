#include "kqltime.h"
#include "sqlcompilerimpl.h"

#include <optional>

// Calls: aggregates, the functions whose SQL is not a kql_ call of the same name (iff, case,
// coalesce, toscalar, strcat, the conversions, …), and every other function as its kql_
// namesake. Strings a function could leave NULL are made "" (a KQL string is never null).
namespace Vigil::Kql {

namespace {

using T = KqlType;

bool isNumber(T t)
{
    return t == T::Int || t == T::Long || t == T::Real;
}

/** Functions whose dynamic arguments stay dynamic (others get a dynamic value as a string). */
const QSet<QString> &dynamicParamFunctions()
{
    static const QSet<QString> set = {
            QStringLiteral("array_length"),
            QStringLiteral("array_concat"),
            QStringLiteral("array_slice"),
            QStringLiteral("array_reverse"),
            QStringLiteral("array_index_of"),
            QStringLiteral("set_has_element"),
            QStringLiteral("set_union"),
            QStringLiteral("set_intersect"),
            QStringLiteral("set_difference"),
            QStringLiteral("jaccard_index"),
            QStringLiteral("pack_array"),
            QStringLiteral("pack"),
            QStringLiteral("bag_pack"),
            QStringLiteral("bag_merge"),
            QStringLiteral("pack_dictionary"),
            QStringLiteral("ipv4_is_in_any_range"),
            QStringLiteral("bag_keys"),
            QStringLiteral("bag_remove_keys"),
            QStringLiteral("strcat_array"),
            QStringLiteral("tostring"),
            QStringLiteral("tolong"),
            QStringLiteral("toint"),
            QStringLiteral("todouble"),
            QStringLiteral("toreal"),
            QStringLiteral("tobool"),
            QStringLiteral("toboolean"),
            QStringLiteral("todatetime"),
            QStringLiteral("totimespan"),
            QStringLiteral("isnull"),
            QStringLiteral("isnotnull"),
            QStringLiteral("isempty"),
            QStringLiteral("isnotempty"),
            QStringLiteral("make_set"),
            QStringLiteral("make_set_if"),
            QStringLiteral("make_list"),
            QStringLiteral("make_list_if"),
            QStringLiteral("make_bag"),
            QStringLiteral("make_bag_if"),
            QStringLiteral("take_any"),
            QStringLiteral("take_anyif"),
            QStringLiteral("dcount"),
            QStringLiteral("dcountif"),
            QStringLiteral("array_sum"),
            QStringLiteral("array_rotate_left"),
            QStringLiteral("array_rotate_right"),
            QStringLiteral("zip"),
            QStringLiteral("array_sort_asc"),
            QStringLiteral("array_sort_desc"),
            QStringLiteral("replace_strings"),
            QStringLiteral("ipv6_is_in_any_range"),
            QStringLiteral("has_any_ipv4"),
            QStringLiteral("has_any_ipv4_prefix"),
    };
    return set;
}

/** Functions whose value arguments are "any" (a datetime, timespan or bool must be marked). */
const QSet<QString> &anyParamFunctions()
{
    static const QSet<QString> set = {
            QStringLiteral("pack_array"),
            QStringLiteral("pack"),
            QStringLiteral("bag_pack"),
            QStringLiteral("set_has_element"),
            QStringLiteral("pack_dictionary"),
            QStringLiteral("array_index_of"),
            QStringLiteral("tostring"),
            QStringLiteral("tolong"),
            QStringLiteral("toint"),
            QStringLiteral("todouble"),
            QStringLiteral("toreal"),
            QStringLiteral("tobool"),
            QStringLiteral("toboolean"),
            QStringLiteral("make_set"),
            QStringLiteral("make_set_if"),
            QStringLiteral("make_list"),
            QStringLiteral("make_list_if"),
            QStringLiteral("make_bag"),
            QStringLiteral("make_list_with_nulls"),
            QStringLiteral("make_bag_if"),
            QStringLiteral("array_shift_left"),
            QStringLiteral("array_shift_right"),
            QStringLiteral("array_iff"),
            QStringLiteral("array_iif"),
            QStringLiteral("bag_set_key"),
            QStringLiteral("toguid"),
            QStringLiteral("repeat"),
    };
    return set;
}

/** Aggregates that are one kql_ (or SQL) aggregate with the same arguments. */
QString aggregateSqlName(const QString &name)
{
    static const QHash<QString, QString> map = {
            {QStringLiteral("countif"), QStringLiteral("kql_countif")},
            {QStringLiteral("dcount"), QStringLiteral("kql_dcount")},
            {QStringLiteral("dcountif"), QStringLiteral("kql_dcountif")},
            {QStringLiteral("sum"), QStringLiteral("kql_sum")},
            {QStringLiteral("sumif"), QStringLiteral("kql_sumif")},
            {QStringLiteral("avgif"), QStringLiteral("kql_avgif")},
            {QStringLiteral("min"), QStringLiteral("min")},
            {QStringLiteral("max"), QStringLiteral("max")},
            {QStringLiteral("minif"), QStringLiteral("kql_minif")},
            {QStringLiteral("maxif"), QStringLiteral("kql_maxif")},
            {QStringLiteral("take_any"), QStringLiteral("kql_take_any")},
            {QStringLiteral("any"), QStringLiteral("kql_take_any")},
            {QStringLiteral("take_anyif"), QStringLiteral("kql_take_anyif")},
            {QStringLiteral("anyif"), QStringLiteral("kql_take_anyif")},
            {QStringLiteral("make_set"), QStringLiteral("kql_make_set")},
            {QStringLiteral("makeset"), QStringLiteral("kql_make_set")},
            {QStringLiteral("makelist"), QStringLiteral("kql_make_list")},
            {QStringLiteral("count_distinct"), QStringLiteral("kql_dcount")},
            {QStringLiteral("make_set_if"), QStringLiteral("kql_make_set_if")},
            {QStringLiteral("make_list"), QStringLiteral("kql_make_list")},
            {QStringLiteral("make_list_if"), QStringLiteral("kql_make_list_if")},
            {QStringLiteral("make_list_with_nulls"), QStringLiteral("kql_make_list_with_nulls")},
            {QStringLiteral("make_bag"), QStringLiteral("kql_make_bag")},
            {QStringLiteral("make_bag_if"), QStringLiteral("kql_make_bag_if")},
            {QStringLiteral("stdev"), QStringLiteral("kql_stdev")},
            {QStringLiteral("stdevif"), QStringLiteral("kql_stdevif")},
            {QStringLiteral("stdevp"), QStringLiteral("kql_stdevp")},
            {QStringLiteral("variance"), QStringLiteral("kql_variance")},
            {QStringLiteral("varianceif"), QStringLiteral("kql_varianceif")},
            {QStringLiteral("variancep"), QStringLiteral("kql_variancep")},
    };
    return map.value(name);
}

const Node &valueOf(const Node &arg)
{
    return arg.kind == NodeKind::NamedArg ? *arg.kid(0) : arg;
}

T typeOf(const Node &node)
{
    return node.type.value_or(T::Dynamic);
}
} // namespace

std::optional<QString> convertedText(KqlType type, const QString &text)
{
    static const QHash<KqlType, QString> to = {
            {KqlType::Long, QStringLiteral("kql_tolong")},
            {KqlType::Int, QStringLiteral("kql_toint")},
            {KqlType::Real, QStringLiteral("kql_todouble")},
            {KqlType::Bool, QStringLiteral("kql_tobool")},
            {KqlType::DateTime, QStringLiteral("kql_todatetime")},
            {KqlType::TimeSpan, QStringLiteral("kql_totimespan")},
    };
    const auto it = to.constFind(type);
    if (it == to.cend())
        return std::nullopt;
    return QStringLiteral("%1(nullif(%2, ''))").arg(*it, text);
}

QString SqlCompiler::packColumns(const RowSchema &columns, const Env &env)
{
    // SQLite calls take at most 127 arguments: pack 60 columns at a time and merge the bags
    // (their keys differ, so the merge keeps every column, in order).
    QStringList bags;
    QStringList values;
    for (const Column &c : columns) {
        Node column;
        column.kind = NodeKind::Name;
        column.text = c.name;
        column.type = c.type;
        values.append(param(c.name));
        values.append(asAny(column, env));
        if (values.size() == 120) {
            bags.append(QStringLiteral("kql_bag_pack(%1)").arg(values.join(QLatin1String(", "))));
            values.clear();
        }
    }
    if (!values.isEmpty() || bags.isEmpty())
        bags.append(QStringLiteral("kql_bag_pack(%1)").arg(values.join(QLatin1String(", "))));
    return bags.size() == 1
                   ? bags.first()
                   : QStringLiteral("kql_bag_merge(%1)").arg(bags.join(QLatin1String(", ")));
}

void SqlCompiler::refuseDecimals(const Node &node, T result)
{
    // Decimals are parse_version()'s values held as 32 digits: a function may only test them or
    // choose between them, never read the digits as a number or text of its own.
    const QString &name = node.text;
    // Tests of the value, its text (through asString()), or the value handed on as it is.
    const bool tests = name == u"isnull" || name == u"isnotnull" || name == u"gettype"
                       || name == u"strcat" || name == u"strcat_delim" || name == u"toscalar";
    if (tests)
        return;
    const bool chooses = name == u"iff" || name == u"iif" || name == u"case" || name == u"coalesce"
                         || name == u"max_of" || name == u"min_of";
    for (qsizetype i = 0; i < node.count(); ++i) {
        const Node &value = valueOf(*node.kid(i));
        const bool condition = (name == u"iff" || name == u"iif" || name == u"case") && i % 2 == 0
                               && i + 1 < node.count();
        const bool decimal = typeOf(value) == T::Decimal;
        // A choice's values are all decimals or none; anything else takes no decimal and gives
        // none.
        const bool fits = chooses ? (condition ? !decimal : decimal == (result == T::Decimal))
                                  : (!decimal && result != T::Decimal);
        if (fits)
            continue;
        refuse(QStringLiteral("%1() of a decimal (parse_version()'s value) cannot be compiled; a "
                              "decimal can be compared with another, sorted, grouped, shown and "
                              "turned into text with tostring()")
                       .arg(name),
               value);
    }
}

QString SqlCompiler::aggregateCall(const Node &node, const Env &env)
{
    const QString &name = node.text;
    Env inner = env;
    inner.aggregates = false;
    for (const NodePtr &kid : node.kids) {
        if (kid->kind == NodeKind::NamedArg || kid->kind == NodeKind::Star)
            refuse(QStringLiteral("this argument of %1() cannot be compiled").arg(name), *kid);
    }
    QString sql;
    if (name == u"count") {
        if (node.count() != 0)
            refuse(QStringLiteral("count() with an argument cannot be compiled"), node);
        // Inside mv-apply's keyless summarize the rows come through a LEFT JOIN: count the
        // joined rows, not the partition's own.
        sql = m_countJoined ? QStringLiteral("count(_s.\"_vigil_row\")")
                            : QStringLiteral("count(*)");
    } else if (name == u"avg") {
        if (!isNumber(typeOf(*node.kid(0))))
            refuse(QStringLiteral("avg() of a %1 value cannot be compiled")
                           .arg(kqlTypeName(typeOf(*node.kid(0)))),
                   node);
        sql = QStringLiteral("avg(%1)").arg(expr(*node.kid(0), inner));
    } else {
        const QString fn = aggregateSqlName(name);
        if (fn.isEmpty())
            refuse(QStringLiteral("the aggregate %1() cannot be compiled to SQL yet").arg(name),
                   node);
        static const QSet<QString> decimalAggregates = {
                QStringLiteral("min"), QStringLiteral("max"),    QStringLiteral("take_any"),
                QStringLiteral("any"), QStringLiteral("dcount"), QStringLiteral("count_distinct")};
        for (qsizetype i = 0; i < node.count(); ++i) {
            if (typeOf(*node.kid(i)) == T::Decimal && !(i == 0 && decimalAggregates.contains(name)))
                refuse(QStringLiteral("%1() of a decimal (parse_version()'s value) cannot be "
                                      "compiled; min(), max(), take_any() and dcount() can")
                               .arg(name),
                       *node.kid(i));
        }
        if ((name == u"min" || name == u"max" || name == u"minif" || name == u"maxif")
            && typeOf(*node.kid(0)) == T::Dynamic)
            refuse(QStringLiteral("%1() of a dynamic value cannot be compiled").arg(name), node);
        QStringList args;
        const bool any
                = dynamicParamFunctions().contains(name) || name == u"any" || name == u"anyif";
        for (qsizetype i = 0; i < node.count(); ++i) {
            const Node &arg = *node.kid(i);
            // A decimal's 32 digits order and tell values apart as they are.
            const bool decimal = typeOf(arg) == T::Decimal;
            if (i == 0 && !decimal && anyParamFunctions().contains(name))
                args.append(asAny(arg, inner));
            else if (i == 0 && any && !decimal)
                args.append(typeOf(arg) == T::Dynamic ? asDynamic(arg, inner) : expr(arg, inner));
            else
                args.append(expr(arg, inner));
        }
        if (fn.startsWith(QLatin1String("kql_"))
            && !registeredFunctions().value(fn).contains(int(args.size())))
            refuse(QStringLiteral("%1() with %2 arguments cannot be compiled")
                           .arg(name)
                           .arg(args.size()),
                   node);
        sql = QStringLiteral("%1(%2)").arg(fn, args.join(QLatin1String(", ")));
    }
    if (typeOf(node) == T::String)
        sql = QStringLiteral("coalesce(%1, '')").arg(sql);
    return sql;
}

QString SqlCompiler::call(const Node &node, const Env &env)
{
    const QString &name = node.text;
    if (const Binding *binding = findBinding(name); binding && binding->function)
        return callScalarLambda(node, *binding, env);
    if (isWindowFunction(name))
        return windowCall(node, env);
    if (env.aggregates && (name == u"count" || name == u"avg" || !aggregateSqlName(name).isEmpty()))
        return aggregateCall(node, env);
    const T result = typeOf(node);
    auto arg = [&](qsizetype i) -> const Node & { return valueOf(*node.kid(i)); };
    if (name == u"parse_version" && node.count() == 1)
        return QStringLiteral("kql_parse_version_key(%1)").arg(asString(arg(0), env));
    if (name == u"tostring" && node.count() == 1 && typeOf(arg(0)) == T::Decimal)
        return asString(arg(0), env);
    refuseDecimals(node, result);
    if (name == u"iff" || name == u"iif") {
        return QStringLiteral("(CASE WHEN %1 THEN %2 ELSE %3 END)")
                .arg(expr(arg(0), env, true),
                     result == T::Dynamic ? asAny(arg(1), env) : expr(arg(1), env),
                     result == T::Dynamic ? asAny(arg(2), env) : expr(arg(2), env));
    }
    if (name == u"case") {
        QString sql = QStringLiteral("(CASE");
        for (qsizetype i = 0; i + 1 < node.count(); i += 2)
            sql += QStringLiteral(" WHEN %1 THEN %2")
                           .arg(expr(arg(i), env, true), result == T::Dynamic
                                                                 ? asAny(arg(i + 1), env)
                                                                 : expr(arg(i + 1), env));
        return sql
               + QStringLiteral(" ELSE %1 END)")
                         .arg(result == T::Dynamic ? asAny(arg(node.count() - 1), env)
                                                   : expr(arg(node.count() - 1), env));
    }
    if (name == u"coalesce") {
        QStringList values;
        for (qsizetype i = 0; i < node.count(); ++i)
            values.append(result == T::String
                                  ? QStringLiteral("nullif(%1, '')").arg(expr(arg(i), env))
                                  : expr(arg(i), env));
        if (result == T::String)
            values.append(QStringLiteral("''"));
        else
            values.append(QStringLiteral("NULL")); // coalesce() needs two arguments in SQLite
        return QStringLiteral("coalesce(%1)").arg(values.join(QLatin1String(", ")));
    }
    if (name == u"max_of" || name == u"min_of") {
        // Kusto ignores null arguments; SQLite's max(a, b) is null when one is. Each argument
        // falls back to the others, so a null never wins and all-null stays null.
        QStringList values;
        for (qsizetype i = 0; i < node.count(); ++i)
            values.append(expr(arg(i), env));
        if (values.size() == 1)
            return values.first();
        QStringList guarded;
        for (qsizetype i = 0; i < values.size(); ++i) {
            QStringList order = {values[i]};
            for (qsizetype k = 0; k < values.size(); ++k) {
                if (k != i)
                    order.append(values[k]);
            }
            guarded.append(QStringLiteral("coalesce(%1)").arg(order.join(QLatin1String(", "))));
        }
        return QStringLiteral("%1(%2)").arg(name == u"max_of" ? QStringLiteral("max")
                                                              : QStringLiteral("min"),
                                            guarded.join(QLatin1String(", ")));
    }
    if ((name == u"bin" || name == u"floor") && node.count() == 2 && typeOf(arg(0)) == T::DateTime
        && arg(1).kind == NodeKind::Literal && arg(1).literal == LiteralKind::TimeSpan) {
        // A datetime is never negative (ticks from 0001-01-01), so integer division floors:
        // the plain arithmetic a hand-written query uses, without a function call per row.
        const std::optional<qint64> size = KqlTime::parseTimeSpan(arg(1).value);
        if (size && *size > 0) {
            const QString step = param(qlonglong(*size));
            return QStringLiteral("(%1 / %2 * %2)").arg(expr(arg(0), env), step);
        }
    }
    if (name == u"not")
        return QStringLiteral("(NOT %1)").arg(expr(arg(0), env));
    if (name == u"ingestion_time") {
        if (!env.ingest)
            refuse(QStringLiteral("ingestion_time() is only known on a table's own rows (before "
                                  "project, summarize, join or union)"),
                   node);
        return env.qualifier + QStringLiteral("\"_vigil_ingested\"");
    }
    if (name == u"toscalar") {
        const Node &value = arg(0);
        if (!value.schema)
            return expr(value, env);
        const Rel rel = tabular(value);
        const QString sql = QStringLiteral("(SELECT %1 FROM %2%3 LIMIT 1)")
                                    .arg(quote(rel.schema.first().name), rel.cte,
                                         rel.ordered ? QStringLiteral(" ORDER BY \"_vigil_ord\"")
                                                     : QString());
        return result == T::String ? QStringLiteral("coalesce(%1, '')").arg(sql) : sql;
    }
    if (name == u"isnull" || name == u"isnotnull" || name == u"isempty" || name == u"isnotempty") {
        const Node &value = arg(0);
        const T t = typeOf(value);
        const bool isNot = name.startsWith(QLatin1String("isnot"));
        if (t == T::String || t == T::Guid) {
            if (name.endsWith(QLatin1String("null")))
                return isNot ? QStringLiteral("1") : QStringLiteral("0");
            return QStringLiteral("(%1 %2 '')").arg(expr(value, env), isNot ? u"<>" : u"=");
        }
        if (t == T::Dynamic)
            return QStringLiteral("kql_%1(%2)").arg(name, asDynamic(value, env));
        return QStringLiteral("(%1 IS %2NULL)")
                .arg(expr(value, env), isNot ? QStringLiteral("NOT ") : QString());
    }
    if (name == u"gettype") {
        const T t = typeOf(arg(0));
        if (t == T::Dynamic)
            return QStringLiteral("kql_gettype(%1)").arg(asDynamic(arg(0), env));
        return param(kqlTypeName(t));
    }
    if (name == u"strcat" || name == u"strcat_delim") {
        QStringList values;
        for (qsizetype i = 0; i < node.count(); ++i)
            values.append(asString(arg(i), env));
        return QStringLiteral("kql_%1(%2)").arg(name, values.join(QLatin1String(", ")));
    }
    if (name == u"parse_json" || name == u"todynamic") {
        if (typeOf(arg(0)) == T::Dynamic)
            return asDynamic(arg(0), env);
        return QStringLiteral("kql_parse_json(%1)").arg(asString(arg(0), env));
    }
    static const QHash<QString, T> conversions = {
            {QStringLiteral("tostring"), T::String},
            {QStringLiteral("tolong"), T::Long},
            {QStringLiteral("toint"), T::Int},
            {QStringLiteral("todouble"), T::Real},
            {QStringLiteral("toreal"), T::Real},
            {QStringLiteral("tobool"), T::Bool},
            {QStringLiteral("toboolean"), T::Bool},
            {QStringLiteral("todatetime"), T::DateTime},
            {QStringLiteral("totimespan"), T::TimeSpan},
    };
    if (conversions.contains(name) && node.count() == 1) {
        const T from = typeOf(arg(0));
        const T to = conversions.value(name);
        if (from == to || (to == T::Long && from == T::Int))
            return expr(arg(0), env);
        if (to == T::String)
            return QStringLiteral("coalesce(%1, '')").arg(asString(arg(0), env));
        if (to == T::Real && isNumber(from))
            return QStringLiteral("CAST(%1 AS REAL)").arg(expr(arg(0), env));
        if ((to == T::DateTime || to == T::TimeSpan) && from == T::String)
            return QStringLiteral("kql_%1(%2)").arg(name, expr(arg(0), env));
        if (to == T::DateTime || to == T::TimeSpan) {
            if (from != T::Dynamic)
                refuse(QStringLiteral("%1() of a %2 value cannot be compiled exactly")
                               .arg(name, kqlTypeName(from)),
                       node);
        }
        return QStringLiteral("kql_%1(%2)").arg(name, asAny(arg(0), env));
    }
    if (name == u"extract" && node.count() == 4) {
        const Node &target = *node.kid(3);
        QString extracted
                = QStringLiteral("kql_extract(%1, %2, %3)")
                          .arg(asString(arg(0), env), expr(arg(1), env), asString(arg(2), env));
        if (typeOf(target) == T::String)
            return extracted;
        const std::optional<QString> converted = convertedText(typeOf(target), extracted);
        if (!converted)
            refuse(QStringLiteral("extract() to this type cannot be compiled"), target);
        return *converted;
    }
    if ((name == u"extract_json" || name == u"extractjson") && node.count() == 3) {
        // Microsoft's extract_json page: the extracted element (as the two-argument form gives
        // it) converted to the type, as the to*() function of that type converts a string.
        const Node &target = *node.kid(2);
        const QString extracted = QStringLiteral("kql_extract_json(%1, %2)")
                                          .arg(asString(arg(0), env), asString(arg(1), env));
        if (target.kind == NodeKind::TypeOf && typeOf(node) == T::String)
            return QStringLiteral("coalesce(%1, '')").arg(extracted);
        const std::optional<QString> converted = target.kind == NodeKind::TypeOf
                                                         ? convertedText(typeOf(node), extracted)
                                                         : std::nullopt;
        if (!converted)
            refuse(QStringLiteral("extract_json() to %1 cannot be compiled exactly (string, long, "
                                  "int, real, bool, datetime and timespan can)")
                           .arg(kqlTypeName(typeOf(node))),
                   target);
        return *converted;
    }
    if (name == u"tohex" && (node.count() == 1 || node.count() == 2)) {
        // Microsoft's tohex page: a negative int is its 32-bit two's complement, a long its
        // 64-bit one, so the runtime is told which.
        return QStringLiteral("coalesce(kql_tohex(%1, %2, %3), '')")
                .arg(expr(arg(0), env), node.count() == 2 ? expr(arg(1), env) : QStringLiteral("0"),
                     typeOf(arg(0)) == T::Int ? QStringLiteral("32") : QStringLiteral("64"));
    }
    if (name == u"dynamic_to_json" && node.count() == 1) {
        // Microsoft's page: a value of another type than dynamic gives its tostring().
        if (typeOf(arg(0)) != T::Dynamic)
            return QStringLiteral("coalesce(%1, '')").arg(asString(arg(0), env));
        return QStringLiteral("coalesce(kql_dynamic_to_json(%1), '')").arg(asDynamic(arg(0), env));
    }
    if (name == u"range" && (node.count() == 2 || node.count() == 3)) {
        // SQLite sees datetimes and timespans as integers: each has its own function.
        const T t = typeOf(arg(0));
        QString fn;
        if (t == T::DateTime)
            fn = QStringLiteral("kql_range_datetime");
        else if (t == T::TimeSpan)
            fn = QStringLiteral("kql_range_timespan");
        else if (isNumber(t) && t != T::Decimal)
            fn = QStringLiteral("kql_range");
        else
            refuse(QStringLiteral("range() of %1 values cannot be compiled").arg(kqlTypeName(t)),
                   node);
        QStringList args;
        for (qsizetype i = 0; i < node.count(); ++i) {
            const T ti = typeOf(arg(i));
            const bool fits = i < 2 ? (ti == t || (isNumber(ti) && isNumber(t)))
                                    : (t == T::DateTime || t == T::TimeSpan ? ti == T::TimeSpan
                                                                            : isNumber(ti));
            if (!fits || ti == T::Decimal)
                refuse(QStringLiteral("range() with a %1 argument here cannot be compiled exactly")
                               .arg(kqlTypeName(ti)),
                       arg(i));
            args.append(expr(arg(i), env));
        }
        return QStringLiteral("%1(%2)").arg(fn, args.join(QLatin1String(", ")));
    }
    if (name == u"pack_all") {
        if (!env.row || node.count() > 0)
            refuse(QStringLiteral("pack_all() cannot be compiled here"), node);
        return packColumns(*env.row, env);
    }
    // hash() takes the bytes Microsoft's pages show: a string's UTF-8, a long's, datetime's or
    // timespan's eight bytes. Which bytes an int, real, bool or guid gives is not shown.
    if ((name == u"hash" || name == u"hash_xxhash64") && node.count() >= 1
        && !(typeOf(*node.kid(0)) == T::String || typeOf(*node.kid(0)) == T::Long
             || typeOf(*node.kid(0)) == T::DateTime || typeOf(*node.kid(0)) == T::TimeSpan))
        refuse(QStringLiteral("%1() of a %2 value cannot be compiled exactly (Kusto's pages show "
                              "the hash of a string, a long and a datetime); convert it with "
                              "tostring() or tolong()")
                       .arg(name, kqlTypeName(typeOf(*node.kid(0)))),
               *node.kid(0));
    // Every other function is its kql_ namesake, when the runtime has it with this many arguments.
    static const QHash<QString, QString> aliases = {
            {QStringLiteral("hash_xxhash64"), QStringLiteral("hash")},
            {QStringLiteral("extractjson"), QStringLiteral("extract_json")},
            {QStringLiteral("pack_dictionary"), QStringLiteral("bag_pack")},
            {QStringLiteral("unicode_codepoints_to_string"), QStringLiteral("make_string")},
            {QStringLiteral("parsejson"), QStringLiteral("parse_json")},
            {QStringLiteral("notempty"), QStringLiteral("isnotempty")},
            {QStringLiteral("isnotnull"), QStringLiteral("isnotnull")},
            {QStringLiteral("replace"), QStringLiteral("replace_regex")},
            {QStringLiteral("base64_decodestring"), QStringLiteral("base64_decode_tostring")},
            {QStringLiteral("base64_encodestring"), QStringLiteral("base64_encode_tostring")},
    };
    const QString fn = QStringLiteral("kql_") + aliases.value(name, name);
    const auto registered = registeredFunctions().constFind(fn);
    if (registered == registeredFunctions().constEnd()
        || (!registered->contains(-1) && !registered->contains(int(node.count()))))
        refuse(QStringLiteral("the function %1() cannot be compiled to SQL yet").arg(name), node);
    const bool dynamicParams
            = dynamicParamFunctions().contains(name) || name.startsWith(QLatin1String("series_"));
    const bool anyParams = anyParamFunctions().contains(name);
    // Arguments Kusto reads as text whatever their type: a datetime, timespan, bool or real goes
    // in as tostring() writes it (Microsoft's hash_md5 page hashes datetime(2020-01-01) as
    // "2020-01-01T00:00:00.0000000Z"), not as the ticks or 0/1 the store holds.
    static const QHash<QString, QList<int>> textArguments = {
            {QStringLiteral("strrep"), {0, 2}},
            {QStringLiteral("toupper"), {0}},
            {QStringLiteral("tolower"), {0}},
            {QStringLiteral("substring"), {0}},
            {QStringLiteral("reverse"), {0}},
            {QStringLiteral("indexof"), {0, 1}},
            {QStringLiteral("split"), {0}},
            {QStringLiteral("unicode_codepoints_from_string"), {0}},
            {QStringLiteral("hash_md5"), {0}},
            {QStringLiteral("hash_sha1"), {0}},
            {QStringLiteral("hash_sha256"), {0}},
            {QStringLiteral("strcmp"), {0, 1}},
    };
    const QList<int> textPositions = textArguments.value(name);
    QStringList args;
    for (qsizetype i = 0; i < node.count(); ++i) {
        const Node &kid = *node.kid(i);
        if (kid.kind == NodeKind::NamedArg || kid.kind == NodeKind::TypeOf
            || kid.kind == NodeKind::Star)
            refuse(QStringLiteral("this argument of %1() cannot be compiled").arg(name), kid);
        const T t = typeOf(kid);
        if (anyParams)
            args.append(asAny(kid, env));
        else if (t == T::Dynamic)
            args.append(dynamicParams ? asDynamic(kid, env) : asString(kid, env));
        else if (t == T::Decimal)
            refuse(QStringLiteral("decimal values cannot be compiled to SQL"), kid);
        else if (textPositions.contains(int(i)))
            args.append(asString(kid, env));
        else
            args.append(expr(kid, env));
    }
    const QString sql = QStringLiteral("%1(%2)").arg(fn, args.join(QLatin1String(", ")));
    return result == T::String ? QStringLiteral("coalesce(%1, '')").arg(sql) : sql;
}
} // namespace Vigil::Kql
