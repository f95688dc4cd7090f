#include "simkqlbind_p.h"

#include <QSet>

#include <algorithm>
#include <cmath>
#include <functional>

// Binding (names and types, checked once per operator) and evaluation (per row) of the
// simulated tenant's KQL subset.

namespace Vigil::Sim::Kql {

/** A term of `has`: needle found with no letter or digit right before or after it. */
bool hasTerm(const QString &haystack, const QString &needle, Qt::CaseSensitivity cs)
{
    if (needle.isEmpty())
        return true;
    qsizetype from = 0;
    while (true) {
        const qsizetype at = haystack.indexOf(needle, from, cs);
        if (at < 0)
            return false;
        const qsizetype end = at + needle.size();
        const bool startOk = at == 0 || !haystack[at - 1].isLetterOrNumber()
                             || !needle.front().isLetterOrNumber();
        const bool endOk = end >= haystack.size() || !haystack[end].isLetterOrNumber()
                           || !needle.back().isLetterOrNumber();
        if (startOk && endOk)
            return true;
        from = at + 1;
    }
}

/** -1, 0, 1; nullopt when the two cannot be compared. */
std::optional<int> compare(const HuntValue &a, const HuntValue &b)
{
    if (isNumeric(a.type) && isNumeric(b.type)) {
        if (a.type != ColumnType::Real && b.type != ColumnType::Real)
            return a.integer < b.integer ? -1 : a.integer > b.integer ? 1 : 0;
        const double x = asReal(a);
        const double y = asReal(b);
        return x < y ? -1 : x > y ? 1 : 0;
    }
    if (isTextual(a.type) && isTextual(b.type)) {
        const int c = asText(a).compare(asText(b));
        return c < 0 ? -1 : c > 0 ? 1 : 0;
    }
    if (a.type == b.type)
        return a.integer < b.integer ? -1 : a.integer > b.integer ? 1 : 0;
    return std::nullopt;
}

std::optional<Bound> Binder::bind(const ExprPtr &expr)
{
    switch (expr->kind) {
    case Expr::Kind::Literal: {
        const HuntValue value = expr->literal;
        return Bound{[value](const HuntRow &) {
                         HuntValue copy = value;
                         return copy;
                     },
                     value.type,
                     {}};
    }
    case Expr::Kind::Column: {
        for (int i = 0; i < m_columns.size(); ++i) {
            if (m_columns[i].name == expr->name) {
                const auto index = static_cast<std::size_t>(i);
                return Bound{[index](const HuntRow &row) { return row[index]; }, m_columns[i].type,
                             expr->name};
            }
        }
        return fail(
                QStringLiteral("Failed to resolve scalar expression named '%1'.").arg(expr->name));
    }
    case Expr::Kind::Binary:
        return binary(expr);
    case Expr::Kind::In:
        return in(expr);
    case Expr::Kind::Between:
        return between(expr);
    case Expr::Kind::Call:
        return call(expr);
    }
    return std::nullopt;
}

std::nullopt_t Binder::fail(const QString &message, bool unsupported)
{
    if (m_error->message.isEmpty()) {
        m_error->message = message;
        m_error->unsupported = unsupported;
    }
    return std::nullopt;
}

std::optional<Bound> Binder::binary(const ExprPtr &expr)
{
    auto left = bind(expr->args[0]);
    auto right = left ? bind(expr->args[1]) : std::nullopt;
    if (!left || !right)
        return std::nullopt;
    const QString op = expr->name;
    const auto l = left->eval;
    const auto r = right->eval;
    if (op == QLatin1String("and") || op == QLatin1String("or")) {
        if (left->type != ColumnType::Bool || right->type != ColumnType::Bool)
            return fail(QStringLiteral("The operands of '%1' must be bool.").arg(op));
        const bool isAnd = op == QLatin1String("and");
        return Bound{[l, r, isAnd](const HuntRow &row) {
                         const HuntValue a = l(row);
                         const bool x = !a.null && a.integer;
                         if (isAnd && !x)
                             return HuntValue::boolean(false);
                         if (!isAnd && x)
                             return HuntValue::boolean(true);
                         const HuntValue b = r(row);
                         return HuntValue::boolean(!b.null && b.integer);
                     },
                     ColumnType::Bool,
                     {}};
    }
    if (op == QLatin1String("has") || op == QLatin1String("contains")
        || op == QLatin1String("startswith") || op == QLatin1String("endswith")) {
        const Qt::CaseSensitivity cs
                = expr->caseSensitive ? Qt::CaseSensitive : Qt::CaseInsensitive;
        const bool negated = expr->negated;
        const int kind = op == QLatin1String("has")          ? 0
                         : op == QLatin1String("contains")   ? 1
                         : op == QLatin1String("startswith") ? 2
                                                             : 3;
        return Bound{[l, r, cs, negated, kind](const HuntRow &row) {
                         const QString a = asText(l(row));
                         const QString b = asText(r(row));
                         const bool hit = kind == 0   ? hasTerm(a, b, cs)
                                          : kind == 1 ? a.contains(b, cs)
                                          : kind == 2 ? a.startsWith(b, cs)
                                                      : a.endsWith(b, cs);
                         return HuntValue::boolean(hit != negated);
                     },
                     ColumnType::Bool,
                     {}};
    }
    if (op == QLatin1String("=~") || op == QLatin1String("!~")) {
        const bool negated = op == QLatin1String("!~");
        return Bound{[l, r, negated](const HuntRow &row) {
                         const bool equal
                                 = asText(l(row)).compare(asText(r(row)), Qt::CaseInsensitive) == 0;
                         return HuntValue::boolean(equal != negated);
                     },
                     ColumnType::Bool,
                     {}};
    }
    static const QStringList Comparisons{QStringLiteral("=="), QStringLiteral("!="),
                                         QStringLiteral("<"),  QStringLiteral(">"),
                                         QStringLiteral("<="), QStringLiteral(">=")};
    if (Comparisons.contains(op)) {
        if (!comparable(left->type, right->type)) {
            return fail(QStringLiteral("Cannot compare values of types %1 and %2. Try "
                                       "adding explicit casts.")
                                .arg(columnTypeName(left->type), columnTypeName(right->type)));
        }
        const int which = static_cast<int>(Comparisons.indexOf(op));
        const bool textual = isTextual(left->type);
        return Bound{[l, r, which, textual](const HuntRow &row) {
                         const HuntValue a = l(row);
                         const HuntValue b = r(row);
                         if (!textual && (a.null || b.null))
                             return HuntValue::boolean(false);
                         const int c = compare(a, b).value_or(1);
                         const bool result = which == 0   ? c == 0
                                             : which == 1 ? c != 0
                                             : which == 2 ? c < 0
                                             : which == 3 ? c > 0
                                             : which == 4 ? c <= 0
                                                          : c >= 0;
                         return HuntValue::boolean(result);
                     },
                     ColumnType::Bool,
                     {}};
    }
    return arithmetic(op, *left, *right);
}

std::optional<Bound> Binder::arithmetic(const QString &op, const Bound &left, const Bound &right)
{
    const ColumnType a = left.type;
    const ColumnType b = right.type;
    ColumnType result;
    using CT = ColumnType;
    const bool plusOrMinus = op == QLatin1String("+") || op == QLatin1String("-");
    if ((op == QLatin1String("-") && a == CT::DateTime && b == CT::DateTime)
        || (a == CT::TimeSpan && b == CT::TimeSpan && plusOrMinus)
        || (a == CT::TimeSpan && isNumeric(b)
            && (op == QLatin1String("*") || op == QLatin1String("/")))
        || (isNumeric(a) && b == CT::TimeSpan && op == QLatin1String("*"))
        || (a == CT::Long && b == CT::TimeSpan && op == QLatin1String("-"))) // a negated timespan
        result = CT::TimeSpan;
    else if ((plusOrMinus && a == CT::DateTime && b == CT::TimeSpan)
             || (op == QLatin1String("+") && a == CT::TimeSpan && b == CT::DateTime))
        result = CT::DateTime;
    else if (a == CT::TimeSpan && b == CT::TimeSpan && op == QLatin1String("/"))
        result = CT::Real;
    else if (isNumeric(a) && isNumeric(b))
        result = a == CT::Real || b == CT::Real ? CT::Real
                 : a == CT::Int && b == CT::Int ? CT::Int
                                                : CT::Long;
    else
        return fail(QStringLiteral("The operator '%1' does not apply to %2 and %3.")
                            .arg(op, columnTypeName(a), columnTypeName(b)));
    const auto l = left.eval;
    const auto r = right.eval;
    const QChar symbol = op.front();
    return Bound{[l, r, symbol, result](const HuntRow &row) {
                     const HuntValue x = l(row);
                     const HuntValue y = r(row);
                     if (x.null || y.null)
                         return HuntValue::nullOf(result);
                     const bool real = x.type == ColumnType::Real || y.type == ColumnType::Real
                                       || result == ColumnType::Real;
                     if (real) {
                         const double p = asReal(x);
                         const double q = asReal(y);
                         double v = 0;
                         switch (symbol.unicode()) {
                         case u'+':
                             v = p + q;
                             break;
                         case u'-':
                             v = p - q;
                             break;
                         case u'*':
                             v = p * q;
                             break;
                         case u'/':
                             v = q == 0 ? std::nan("") : p / q;
                             break;
                         default:
                             v = std::fmod(p, q);
                             break;
                         }
                         if (result == ColumnType::Real)
                             return HuntValue::realValue(v);
                         HuntValue out = HuntValue::nullOf(result);
                         out.null = false;
                         out.integer = static_cast<qint64>(v);
                         return out;
                     }
                     const qint64 p = x.integer;
                     const qint64 q = y.integer;
                     if ((symbol == u'/' || symbol == u'%') && q == 0)
                         return HuntValue::nullOf(result);
                     qint64 v = 0;
                     switch (symbol.unicode()) {
                     case u'+':
                         v = p + q;
                         break;
                     case u'-':
                         v = p - q;
                         break;
                     case u'*':
                         v = p * q;
                         break;
                     case u'/':
                         v = p / q;
                         break;
                     default:
                         v = p % q;
                         break;
                     }
                     HuntValue out = HuntValue::nullOf(result);
                     out.null = false;
                     out.integer = v;
                     return out;
                 },
                 result,
                 {}};
}

std::optional<Bound> Binder::in(const ExprPtr &expr)
{
    auto subject = bind(expr->args[0]);
    if (!subject)
        return std::nullopt;
    std::vector<HuntValue> items;
    for (std::size_t i = 1; i < expr->args.size(); ++i) {
        auto item = bind(expr->args[i]);
        if (!item)
            return std::nullopt;
        if (expr->args[i]->kind == Expr::Kind::Column)
            return fail(QStringLiteral("columns in an 'in' list"), true);
        items.push_back(item->eval(HuntRow()));
    }
    const auto s = subject->eval;
    const bool negated = expr->negated;
    const Qt::CaseSensitivity cs = expr->caseSensitive ? Qt::CaseSensitive : Qt::CaseInsensitive;
    const bool textual = isTextual(subject->type);
    return Bound{[s, items, negated, cs, textual](const HuntRow &row) {
                     const HuntValue value = s(row);
                     bool found = false;
                     for (const HuntValue &item : items) {
                         if (textual) {
                             found = asText(value).compare(asText(item), cs) == 0;
                         } else if (!value.null && !item.null) {
                             found = compare(value, item) == 0;
                         }
                         if (found)
                             break;
                     }
                     return HuntValue::boolean(found != negated);
                 },
                 ColumnType::Bool,
                 {}};
}

std::optional<Bound> Binder::between(const ExprPtr &expr)
{
    auto subject = bind(expr->args[0]);
    auto low = subject ? bind(expr->args[1]) : std::nullopt;
    auto high = low ? bind(expr->args[2]) : std::nullopt;
    if (!high)
        return std::nullopt;
    // (datetime .. timespan) spans from the start.
    const bool span = low->type == ColumnType::DateTime && high->type == ColumnType::TimeSpan;
    if (!span
        && (!comparable(subject->type, low->type) || !comparable(subject->type, high->type))) {
        return fail(QStringLiteral("The bounds of 'between' do not match the type %1.")
                            .arg(columnTypeName(subject->type)));
    }
    const auto s = subject->eval;
    const auto lo = low->eval;
    const auto hi = high->eval;
    const bool negated = expr->negated;
    return Bound{[s, lo, hi, span, negated](const HuntRow &row) {
                     const HuntValue value = s(row);
                     const HuntValue a = lo(row);
                     HuntValue b = hi(row);
                     if (value.null || a.null || b.null)
                         return HuntValue::boolean(false);
                     if (span)
                         b = HuntValue::dateTime(a.integer + b.integer);
                     const bool inside = compare(value, a).value_or(-1) >= 0
                                         && compare(value, b).value_or(1) <= 0;
                     return HuntValue::boolean(inside != negated);
                 },
                 ColumnType::Bool,
                 {}};
}

} // namespace Vigil::Sim::Kql
