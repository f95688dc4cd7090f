#include "simkqlbind_p.h"

#include <algorithm>
#include <cmath>

// The scalar functions of the simulated tenant's KQL subset.

namespace Vigil::Sim::Kql {

namespace {

const QStringList Aggregations{QStringLiteral("count"),  QStringLiteral("countif"),
                               QStringLiteral("dcount"), QStringLiteral("sum"),
                               QStringLiteral("avg"),    QStringLiteral("min"),
                               QStringLiteral("max")};

Ticks floorTo(Ticks value, Ticks size)
{
    if (size <= 0)
        return value;
    Ticks result = value / size * size;
    if (value < 0 && result != value)
        result -= size;
    return result;
}

} // namespace

std::optional<Bound> Binder::call(const ExprPtr &expr)
{
    const QString name = expr->name;
    if (Aggregations.contains(name))
        return fail(QStringLiteral("%1() is an aggregation: use it in summarize.").arg(name));
    std::vector<Bound> args;
    for (const ExprPtr &argument : expr->args) {
        auto bound = bind(argument);
        if (!bound)
            return std::nullopt;
        args.push_back(*bound);
    }
    const auto arity = [&](std::size_t low, std::size_t high) {
        return args.size() >= low && args.size() <= high;
    };
    const auto wrong = [&]() {
        return fail(QStringLiteral("%1() was called with the wrong number or types of arguments.")
                            .arg(name));
    };
    using CT = ColumnType;
    const Ticks now = m_scope.now;

    if (name == QLatin1String("now")) {
        if (!arity(0, 1))
            return wrong();
        const auto offset = args.empty() ? nullptr : args[0].eval;
        return Bound{[now, offset](const HuntRow &row) {
                         return HuntValue::dateTime(now + (offset ? offset(row).integer : 0));
                     },
                     CT::DateTime,
                     {}};
    }
    if (name == QLatin1String("ago")) {
        if (!arity(1, 1) || args[0].type != CT::TimeSpan)
            return wrong();
        const auto span = args[0].eval;
        return Bound{[now, span](const HuntRow &row) {
                         return HuntValue::dateTime(now - span(row).integer);
                     },
                     CT::DateTime,
                     {}};
    }
    if (name == QLatin1String("bin") || name == QLatin1String("floor")) {
        if (!arity(2, 2))
            return wrong();
        const auto value = args[0].eval;
        const auto size = args[1].eval;
        const CT type = args[0].type;
        if (type == CT::DateTime || type == CT::TimeSpan) {
            if (args[1].type != CT::TimeSpan)
                return wrong();
            return Bound{[value, size, type](const HuntRow &row) {
                             const HuntValue v = value(row);
                             if (v.null)
                                 return HuntValue::nullOf(type);
                             HuntValue out = v;
                             out.integer = floorTo(v.integer, size(row).integer);
                             return out;
                         },
                         type, args[0].suggestedName};
        }
        if (!isNumeric(type) || !isNumeric(args[1].type))
            return wrong();
        return Bound{[value, size, type](const HuntRow &row) {
                         const HuntValue v = value(row);
                         const HuntValue s = size(row);
                         if (v.null || s.null)
                             return HuntValue::nullOf(type);
                         if (type == CT::Real || s.type == CT::Real) {
                             const double step = asReal(s);
                             HuntValue out = HuntValue::realValue(
                                     step == 0 ? asReal(v) : std::floor(asReal(v) / step) * step);
                             out.type = CT::Real;
                             return out;
                         }
                         HuntValue out = v;
                         out.integer = floorTo(v.integer, s.integer);
                         return out;
                     },
                     type == CT::Real || args[1].type == CT::Real ? CT::Real : type,
                     args[0].suggestedName};
    }
    if (name == QLatin1String("startofday")) {
        if (!arity(1, 1) || args[0].type != CT::DateTime)
            return wrong();
        const auto value = args[0].eval;
        return Bound{[value](const HuntRow &row) {
                         HuntValue v = value(row);
                         if (!v.null)
                             v.integer = floorTo(v.integer, TicksPerDay);
                         return v;
                     },
                     CT::DateTime,
                     {}};
    }
    if (name == QLatin1String("todatetime")) {
        if (!arity(1, 1))
            return wrong();
        const auto value = args[0].eval;
        return Bound{[value](const HuntRow &row) {
                         HuntValue v = value(row);
                         if (v.type == CT::DateTime)
                             return v;
                         const auto ticks = parseTicks(asText(v));
                         return ticks ? HuntValue::dateTime(*ticks)
                                      : HuntValue::nullOf(CT::DateTime);
                     },
                     CT::DateTime,
                     {}};
    }
    if (name == QLatin1String("timespan") || name == QLatin1String("time")) {
        if (!arity(1, 1) || args[0].type != CT::TimeSpan)
            return wrong();
        return args[0];
    }
    if (name == QLatin1String("tolower") || name == QLatin1String("toupper")
        || name == QLatin1String("tostring")) {
        if (!arity(1, 1))
            return wrong();
        const auto value = args[0].eval;
        const int which = name == QLatin1String("tolower")   ? 0
                          : name == QLatin1String("toupper") ? 1
                                                             : 2;
        return Bound{[value, which](const HuntRow &row) {
                         const QString text = asText(value(row));
                         return HuntValue::string(which == 0   ? text.toLower()
                                                  : which == 1 ? text.toUpper()
                                                               : text);
                     },
                     CT::String,
                     {}};
    }
    if (name == QLatin1String("strlen")) {
        if (!arity(1, 1))
            return wrong();
        const auto value = args[0].eval;
        return Bound{[value](const HuntRow &row) {
                         return HuntValue::longValue(asText(value(row)).size());
                     },
                     CT::Long,
                     {}};
    }
    if (name == QLatin1String("strcat")) {
        if (args.empty())
            return wrong();
        return Bound{[args](const HuntRow &row) {
                         QString text;
                         for (const Bound &part : args)
                             text += asText(part.eval(row));
                         return HuntValue::string(text);
                     },
                     CT::String,
                     {}};
    }
    if (name == QLatin1String("substring")) {
        if (!arity(2, 3) || !isNumeric(args[1].type)
            || (args.size() == 3 && !isNumeric(args[2].type)))
            return wrong();
        return Bound{[args](const HuntRow &row) {
                         const QString text = asText(args[0].eval(row));
                         const qint64 start
                                 = std::clamp<qint64>(args[1].eval(row).integer, 0, text.size());
                         const qint64 length = args.size() == 3 ? args[2].eval(row).integer : -1;
                         return HuntValue::string(text.mid(start, length < 0 ? -1 : length));
                     },
                     CT::String,
                     {}};
    }
    if (name == QLatin1String("isempty") || name == QLatin1String("isnotempty")
        || name == QLatin1String("isnull") || name == QLatin1String("isnotnull")) {
        if (!arity(1, 1))
            return wrong();
        const auto value = args[0].eval;
        const bool empty = name.endsWith(QLatin1String("empty"));
        const bool negated = name.startsWith(QLatin1String("isnot"));
        const bool textual = isTextual(args[0].type);
        return Bound{[value, empty, negated, textual](const HuntRow &row) {
                         const HuntValue v = value(row);
                         const bool yes = (empty && textual) ? asText(v).isEmpty() : v.null;
                         return HuntValue::boolean(yes != negated);
                     },
                     CT::Bool,
                     {}};
    }
    if (name == QLatin1String("not")) {
        if (!arity(1, 1) || args[0].type != CT::Bool)
            return wrong();
        const auto value = args[0].eval;
        return Bound{[value](const HuntRow &row) {
                         const HuntValue v = value(row);
                         return HuntValue::boolean(v.null || !v.integer);
                     },
                     CT::Bool,
                     {}};
    }
    if (name == QLatin1String("tolong") || name == QLatin1String("toint")
        || name == QLatin1String("toreal") || name == QLatin1String("todouble")) {
        if (!arity(1, 1))
            return wrong();
        const auto value = args[0].eval;
        const CT type = name == QLatin1String("tolong")  ? CT::Long
                        : name == QLatin1String("toint") ? CT::Int
                                                         : CT::Real;
        return Bound{[value, type](const HuntRow &row) {
                         const HuntValue v = value(row);
                         if (v.null)
                             return HuntValue::nullOf(type);
                         bool ok = true;
                         double number = asReal(v);
                         if (isTextual(v.type))
                             number = asText(v).toDouble(&ok);
                         if (!ok)
                             return HuntValue::nullOf(type);
                         if (type == CT::Real)
                             return HuntValue::realValue(number);
                         HuntValue out = HuntValue::longValue(static_cast<qint64>(number));
                         out.type = type;
                         return out;
                     },
                     type,
                     {}};
    }
    if (name == QLatin1String("iff") || name == QLatin1String("iif")) {
        if (!arity(3, 3) || args[0].type != CT::Bool || !comparable(args[1].type, args[2].type))
            return wrong();
        return Bound{[args](const HuntRow &row) {
                         const HuntValue condition = args[0].eval(row);
                         return (!condition.null && condition.integer) ? args[1].eval(row)
                                                                       : args[2].eval(row);
                     },
                     args[1].type,
                     {}};
    }
    if (name == QLatin1String("coalesce")) {
        if (args.empty())
            return wrong();
        return Bound{[args](const HuntRow &row) {
                         HuntValue last;
                         for (const Bound &item : args) {
                             last = item.eval(row);
                             if (!last.null && !(isTextual(last.type) && last.text.isEmpty()))
                                 return last;
                         }
                         return last;
                     },
                     args[0].type,
                     {}};
    }
    return fail(QStringLiteral("the function '%1()'").arg(name), true);
}

} // namespace Vigil::Sim::Kql
