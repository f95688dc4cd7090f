#include "kqltime.h"
#include "sqlcompilerimpl.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

// Scalar expressions and calls: every value keeps the storage encoding of core/huntingschema.h;
// strings are never NULL; comparisons and predicates are two-valued where Kusto's are.
namespace Vigil::Kql {

namespace {

using T = KqlType;

bool isNumber(T t)
{
    return t == T::Int || t == T::Long || t == T::Real;
}

/** Types whose SQL value is never NULL (a KQL string is never null). */
bool neverNull(T t)
{
    return t == T::String;
}

/** A literal other than T(null): its SQL value is never NULL. */
bool isNonNullLiteral(const Node &node)
{
    return node.kind == NodeKind::Literal && node.literal != LiteralKind::Null;
}

QString jsonString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

/** A real in a dynamic literal: JSON's number, with ".0" when whole, so that it stays a real
 *  (Microsoft's pages print dynamic({'key3': 42.0}) as 42.0). */
QString jsonReal(double value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    QString text = QString::fromUtf8(array.mid(1, array.size() - 2));
    if (!text.contains(u'.') && !text.contains(u'e') && !text.contains(u'E'))
        text += QStringLiteral(".0");
    return text;
}

T typeOf(const Node &node)
{
    return node.type.value_or(T::Dynamic);
}

} // namespace

QString SqlCompiler::columnName(const Node &name) const
{
    return name.value.isEmpty() ? name.text : name.value;
}

QString SqlCompiler::expr(const Node &node, const Env &env, bool truthy)
{
    switch (node.kind) {
    case NodeKind::Literal:
        return literal(node);
    case NodeKind::DynamicLiteral: {
        const Node *inner = node.kid(0);
        if (inner && inner->kind == NodeKind::Literal && inner->literal == LiteralKind::Null)
            return QStringLiteral("NULL");
        return QStringLiteral("kql_dyn(%1)").arg(param(dynamicLiteralJson(node)));
    }
    case NodeKind::Name: {
        if (env.names) {
            if (const auto it = env.names->constFind(columnName(node)); it != env.names->constEnd())
                return *it;
        }
        // A name the binder read as a let variable stays one, even where the row has a column
        // of that name (among summarize's aggregates, where Kusto sees no column).
        if (env.row && !node.scalarVariable) {
            const QString name = columnName(node);
            for (const Column &c : *env.row) {
                if (c.name == name)
                    return env.qualifier + quote(name);
            }
        }
        if (const Binding *binding = findBinding(node.text)) {
            if (binding->function)
                return callScalarLambda(node, *binding, env);
            if (!binding->tabular)
                return QLatin1Char('(') + binding->sql + QLatin1Char(')');
        }
        refuse(QStringLiteral("'%1' cannot be compiled here").arg(node.text), node);
    }
    case NodeKind::Unary: {
        const QString inner = expr(*node.kid(0), env);
        if (typeOf(*node.kid(0)) == T::Dynamic || typeOf(*node.kid(0)) == T::Decimal)
            refuse(QStringLiteral("'%1' of a %2 value cannot be compiled; convert it first")
                           .arg(node.text, kqlTypeName(typeOf(*node.kid(0)))),
                   node);
        return node.text == u"-" ? QStringLiteral("kql_subtract(0, %1)").arg(inner) : inner;
    }
    case NodeKind::Binary:
        return binary(node, env, truthy);
    case NodeKind::Between:
        return between(node, env, truthy);
    case NodeKind::Call:
        return call(node, env);
    case NodeKind::Member:
    case NodeKind::Index:
        return memberAccess(node, env);
    default:
        break;
    }
    refuse(QStringLiteral("this expression cannot be compiled to SQL"), node);
}

QString SqlCompiler::literal(const Node &node)
{
    const QString &v = node.value;
    bool ok = false;
    switch (node.literal) {
    case LiteralKind::Null:
        return nullOf(kqlTypeFromName(v).value_or(T::Dynamic));
    case LiteralKind::Bool:
        return v.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0 ? QStringLiteral("1")
                                                                          : QStringLiteral("0");
    case LiteralKind::Int:
    case LiteralKind::Long: {
        const std::optional<qlonglong> n = integerLiteralValue(v);
        if (!n)
            refuse(QStringLiteral("the number %1 cannot be compiled").arg(node.text), node);
        return param(*n);
    }
    case LiteralKind::Real: {
        const double d = v.toDouble(&ok);
        if (!ok || std::isnan(d))
            refuse(QStringLiteral("the real %1 cannot be compiled (the store holds no NaN)")
                           .arg(node.text),
                   node);
        return param(d);
    }
    case LiteralKind::Decimal:
        refuse(QStringLiteral("decimal values cannot be compiled to SQL"), node);
    case LiteralKind::String:
        return param(v);
    case LiteralKind::DateTime: {
        const std::optional<qint64> ticks = KqlTime::parseDateTime(v);
        if (!ticks)
            refuse(QStringLiteral("'%1' is not a datetime").arg(node.text), node);
        return param(qlonglong(*ticks));
    }
    case LiteralKind::TimeSpan: {
        const std::optional<qint64> ticks = KqlTime::parseTimeSpan(v);
        if (!ticks)
            refuse(QStringLiteral("'%1' is not a timespan").arg(node.text), node);
        return param(qlonglong(*ticks));
    }
    case LiteralKind::Guid:
        return param(v.toLower());
    }
    refuse(QStringLiteral("this literal cannot be compiled"), node);
}

QString SqlCompiler::dynamicLiteralJson(const Node &node)
{
    switch (node.kind) {
    case NodeKind::DynamicLiteral:
        return dynamicLiteralJson(*node.kid(0));
    case NodeKind::DynArray: {
        QStringList items;
        for (const NodePtr &kid : node.kids)
            items.append(dynamicLiteralJson(*kid));
        return QLatin1Char('[') + items.join(QLatin1Char(',')) + QLatin1Char(']');
    }
    case NodeKind::DynObject: {
        QStringList items;
        for (const NodePtr &kid : node.kids)
            items.append(jsonString(kid->text) + QLatin1Char(':')
                         + dynamicLiteralJson(*kid->kid(0)));
        return QLatin1Char('{') + items.join(QLatin1Char(',')) + QLatin1Char('}');
    }
    case NodeKind::Unary:
        if (node.text == u"-" && node.kid(0)->kind == NodeKind::Literal) {
            const QString inner = dynamicLiteralJson(*node.kid(0));
            return inner.startsWith(QLatin1Char('-')) ? inner.mid(1) : QLatin1Char('-') + inner;
        }
        break;
    case NodeKind::Literal: {
        const QString &v = node.value;
        bool ok = false;
        switch (node.literal) {
        case LiteralKind::Null:
            return QStringLiteral("null");
        case LiteralKind::Bool:
            return v.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0
                           ? QStringLiteral("true")
                           : QStringLiteral("false");
        case LiteralKind::Int:
        case LiteralKind::Long: {
            qlonglong n = 0;
            if (v.startsWith(QLatin1String("0x"), Qt::CaseInsensitive))
                n = qlonglong(v.mid(2).toULongLong(&ok, 16));
            else
                n = v.toLongLong(&ok, 10);
            if (ok)
                return QString::number(n);
            break;
        }
        case LiteralKind::Real: {
            const double d = v.toDouble(&ok);
            if (ok && std::isfinite(d))
                return jsonReal(d);
            break;
        }
        case LiteralKind::String:
        case LiteralKind::Guid:
            return jsonString(node.literal == LiteralKind::Guid ? v.toLower() : v);
        case LiteralKind::DateTime:
            if (const std::optional<qint64> t = KqlTime::parseDateTime(v))
                return jsonString(KqlTime::formatDateTime(*t));
            break;
        case LiteralKind::TimeSpan:
            if (const std::optional<qint64> t = KqlTime::parseTimeSpan(v))
                return jsonString(KqlTime::formatTimeSpan(*t));
            break;
        case LiteralKind::Decimal:
            break;
        }
        break;
    }
    default:
        break;
    }
    refuse(QStringLiteral("this value inside dynamic(…) cannot be compiled"), node);
}

QString SqlCompiler::asDynamic(const Node &node, const Env &env)
{
    QString sql = expr(node, env);
    if (sql.startsWith(QLatin1String("kql_")) || sql.startsWith(QLatin1String("(kql_"))
        || sql == u"NULL")
        return sql; // a kql_ function's dynamic result is marked JSON already
    return QStringLiteral("kql_dyn(%1)").arg(sql);
}

QString SqlCompiler::asAny(const Node &node, const Env &env)
{
    switch (typeOf(node)) {
    case T::Dynamic:
        return asDynamic(node, env);
    case T::DateTime:
        return QStringLiteral("kql_datetime_json(%1)").arg(expr(node, env));
    case T::TimeSpan:
        return QStringLiteral("kql_timespan_json(%1)").arg(expr(node, env));
    case T::Bool:
        return QStringLiteral("kql_bool_json(%1)").arg(expr(node, env));
    case T::Decimal:
        refuse(QStringLiteral("decimal values cannot be compiled to SQL"), node);
    default:
        return expr(node, env);
    }
}

QString SqlCompiler::asString(const Node &node, const Env &env)
{
    switch (typeOf(node)) {
    case T::String:
    case T::Guid:
        return expr(node, env);
    case T::Dynamic:
        return QStringLiteral("kql_tostring(%1)").arg(asDynamic(node, env));
    case T::DateTime:
        return QStringLiteral("kql_tostring_datetime(%1)").arg(expr(node, env));
    case T::TimeSpan:
        return QStringLiteral("kql_tostring_timespan(%1)").arg(expr(node, env));
    case T::Bool:
        return QStringLiteral("(CASE %1 WHEN 1 THEN 'true' WHEN 0 THEN 'false' ELSE '' END)")
                .arg(expr(node, env));
    case T::Decimal:
        // parse_version()'s value, held as its 32 digits: the number they write.
        return QStringLiteral("kql_decimal_tostring(%1)").arg(expr(node, env));
    default:
        return QStringLiteral("kql_tostring(%1)").arg(expr(node, env));
    }
}

QString SqlCompiler::binary(const Node &node, const Env &env, bool truthy)
{
    const QString &op = node.text;
    const Node &a = *node.kid(0);
    const Node &b = *node.kid(1);
    if (op == u"and" || op == u"or") {
        if (typeOf(a) != T::Bool || typeOf(b) != T::Bool)
            refuse(QStringLiteral("'%1' of a dynamic value cannot be compiled; convert it with "
                                  "tobool()")
                           .arg(op),
                   node);
        // A chain (`x == 1 or x == 2 or …`, an IOC list written out) becomes one flat list:
        // nested parentheses would overflow SQLite's parser after about a hundred terms.
        QStringList terms;
        std::vector<const Node *> stack = {&b, &a};
        while (!stack.empty()) {
            const Node *n = stack.back();
            stack.pop_back();
            if (n->kind == NodeKind::Binary && n->text == op && n->kid(1)->kind != NodeKind::List
                && typeOf(*n->kid(0)) == T::Bool && typeOf(*n->kid(1)) == T::Bool) {
                stack.push_back(n->kid(1));
                stack.push_back(n->kid(0));
                continue;
            }
            terms.append(expr(*n, env, truthy));
        }
        return QLatin1Char('(')
               + terms.join(op == u"and" ? QStringLiteral(" AND ") : QStringLiteral(" OR "))
               + QLatin1Char(')');
    }
    if (b.kind == NodeKind::List)
        return inList(node, env);
    if (a.kind == NodeKind::Star) {
        // search's bare term: any string or dynamic column of the row matches.
        if (!env.row)
            refuse(QStringLiteral("'* %1' cannot be compiled here").arg(op), node);
        const QString term = expr(b, env);
        QStringList tests;
        for (const Column &c : *env.row) {
            if (c.type != T::String && c.type != T::Dynamic)
                continue;
            const QString column = env.qualifier + quote(c.name);
            tests.append(QStringLiteral("kql_%1(%2, %3)")
                                 .arg(op,
                                      c.type == T::Dynamic
                                              ? QStringLiteral("kql_tostring(%1)").arg(column)
                                              : column,
                                      term));
        }
        return tests.isEmpty()
                       ? QStringLiteral("0")
                       : QLatin1Char('(') + tests.join(QLatin1String(" OR ")) + QLatin1Char(')');
    }
    const T l = typeOf(a);
    const T r = typeOf(b);
    const bool negated = op.startsWith(u'!') && op != u"!=";
    const QString base = negated ? op.mid(1) : op;
    static const QSet<QString> stringOps = {
            QStringLiteral("contains"),   QStringLiteral("contains_cs"),
            QStringLiteral("startswith"), QStringLiteral("startswith_cs"),
            QStringLiteral("endswith"),   QStringLiteral("endswith_cs"),
            QStringLiteral("has"),        QStringLiteral("has_cs"),
            QStringLiteral("hasprefix"),  QStringLiteral("hasprefix_cs"),
            QStringLiteral("hassuffix"),  QStringLiteral("hassuffix_cs"),
    };
    if (stringOps.contains(base) || base == u"~" || op == u"=~" || op == u"matches regex") {
        QString fn;
        bool not_ = negated;
        if (op == u"=~")
            fn = QStringLiteral("kql_equals_ci");
        else if (op == u"!~")
            fn = QStringLiteral("kql_equals_ci"), not_ = true;
        else if (op == u"matches regex")
            fn = QStringLiteral("kql_matches_regex");
        else
            fn = QStringLiteral("kql_") + base;
        const QString call
                = QStringLiteral("%1(%2, %3)").arg(fn, asString(a, env), asString(b, env));
        return not_ ? QStringLiteral("(NOT %1)").arg(call) : call;
    }
    if (op == u"==" || op == u"!=" || op == u"<" || op == u"<=" || op == u">" || op == u">=") {
        QString left;
        QString right;
        const bool ordering = op != u"==" && op != u"!=";
        auto convert = [&](const Node &dyn, T other) -> QString {
            const QString value = asDynamic(dyn, env);
            if (ordering && isNumber(other))
                return QStringLiteral("kql_todouble(%1)").arg(value);
            switch (other) {
            case T::String:
            case T::Guid:
                return QStringLiteral("kql_tostring(%1)").arg(value);
            case T::Int:
            case T::Long:
                return QStringLiteral("kql_tolong(%1)").arg(value);
            case T::Real:
                return QStringLiteral("kql_todouble(%1)").arg(value);
            case T::Bool:
                return QStringLiteral("kql_tobool(%1)").arg(value);
            case T::DateTime:
                return QStringLiteral("kql_todatetime(%1)").arg(value);
            case T::TimeSpan:
                return QStringLiteral("kql_totimespan(%1)").arg(value);
            default:
                refuse(QStringLiteral("comparing two dynamic values cannot be compiled; convert "
                                      "them first (tostring(), tolong(), …)"),
                       node);
            }
        };
        if (l == T::Dynamic && r == T::Dynamic) {
            convert(a, T::Dynamic);
        } else if (l == T::Dynamic) {
            left = convert(a, r);
            right = expr(b, env);
        } else if (r == T::Dynamic) {
            left = expr(a, env);
            right = convert(b, l);
        } else {
            const bool numbers = isNumber(l) && isNumber(r);
            const bool stringish
                    = (l == T::String || l == T::Guid) && (r == T::String || r == T::Guid);
            const bool boolNumber = (l == T::Bool && (isNumber(r) || r == T::Bool))
                                    || (isNumber(l) && r == T::Bool);
            // Decimals are parse_version()'s values, held as 32 digits: text that sorts like
            // the decimal. They compare with each other only.
            if (l == T::Decimal && r == T::Decimal) {
                left = expr(a, env);
                right = expr(b, env);
            } else if (l == T::Decimal || r == T::Decimal) {
                refuse(QStringLiteral("a decimal (parse_version()'s value) compares only with "
                                      "another; compare parse_version(…) with parse_version(…)"),
                       node);
            }
            const bool textInteger = (l == T::String && (r == T::Int || r == T::Long))
                                     || ((l == T::Int || l == T::Long) && r == T::String);
            if (textInteger && !ordering && a.kind != NodeKind::Literal
                && b.kind != NodeKind::Literal) {
                // Two columns or expressions (a literal the binder could read as the other
                // side's type was read so; one it could not is refused below): answered where
                // reading them as text and as numbers agree.
                const bool textLeft = l == T::String;
                return QStringLiteral("kql_text_long_cmp(%1, %2, %3, %4)")
                        .arg(expr(textLeft ? a : b, env), expr(textLeft ? b : a, env),
                             op == u"!=" ? QStringLiteral("1") : QStringLiteral("0"),
                             truthy ? QStringLiteral("1") : QStringLiteral("0"));
            }
            if (!numbers && !stringish && !boolNumber && l != r)
                refuse(QStringLiteral("comparing a %1 with a %2 cannot be compiled exactly; "
                                      "convert one side (a constant is read as the other "
                                      "side's type only when it is written as one: digits for "
                                      "a number, true or false for a bool)")
                               .arg(kqlTypeName(l), kqlTypeName(r)),
                       node);
            if (left.isEmpty()) {
                left = expr(a, env);
                right = expr(b, env);
            }
        }
        const QString sqlOp = op == u"=="   ? QStringLiteral("=")
                              : op == u"!=" ? QStringLiteral("<>")
                                            : op;
        QString cmp = QStringLiteral("(%1 %2 %3)").arg(left, sqlOp, right);
        // Microsoft's null-values page: with a null operand, == gives false and != true when the
        // other operand is not null, both give null when both are; an ordering gives null
        // (`val > 3` is null for a null val in the page's example), which SQL's comparison does.
        // A side converted from dynamic has the other side's type.
        const T leftType = l == T::Dynamic ? r : l;
        const T rightType = r == T::Dynamic ? l : r;
        const bool leftNullable = !neverNull(leftType) && !isNonNullLiteral(a);
        const bool rightNullable = !neverNull(rightType) && !isNonNullLiteral(b);
        if (ordering || (!leftNullable && !rightNullable))
            return cmp;
        if (leftNullable && rightNullable) {
            // In a where condition null and false both drop the row, so == needs nothing more.
            if (truthy && op == u"==")
                return cmp;
            return QStringLiteral("(CASE WHEN %1 IS NULL AND %2 IS NULL THEN NULL ELSE "
                                  "coalesce(%3, %4) END)")
                    .arg(left, right, cmp, op == u"!=" ? QStringLiteral("1") : QStringLiteral("0"));
        }
        if (op == u"!=")
            return QStringLiteral("coalesce(%1, 1)").arg(cmp);
        return truthy ? cmp : QStringLiteral("coalesce(%1, 0)").arg(cmp);
    }
    return arithmetic(node, env);
}

QString SqlCompiler::arithmetic(const Node &node, const Env &env)
{
    const QString &op = node.text;
    const Node &a = *node.kid(0);
    const Node &b = *node.kid(1);
    const T l = typeOf(a);
    const T r = typeOf(b);
    const T result = typeOf(node);
    if (l == T::Dynamic || r == T::Dynamic)
        refuse(QStringLiteral("arithmetic on a dynamic value cannot be compiled exactly; convert "
                              "it first (tolong(), todouble(), totimespan())"),
               node);
    if (l == T::Decimal || r == T::Decimal)
        refuse(QStringLiteral("decimal values cannot be compiled to SQL"), node);
    static const QHash<QString, QString> fns = {
            {QStringLiteral("+"), QStringLiteral("kql_add")},
            {QStringLiteral("-"), QStringLiteral("kql_subtract")},
            {QStringLiteral("*"), QStringLiteral("kql_multiply")},
            {QStringLiteral("/"), QStringLiteral("kql_divide")},
            {QStringLiteral("%"), QStringLiteral("kql_modulo")},
    };
    const QString fn = fns.value(op);
    if (fn.isEmpty())
        refuse(QStringLiteral("the operator '%1' cannot be compiled").arg(op), node);
    QString left = expr(a, env);
    QString right = expr(b, env);
    const bool time = l == T::DateTime || l == T::TimeSpan || r == T::DateTime || r == T::TimeSpan;
    if (!time) {
        if ((l == T::Bool || r == T::Bool))
            refuse(QStringLiteral("arithmetic on bool values cannot be compiled"), node);
        return QStringLiteral("%1(%2, %3)").arg(fn, left, right);
    }
    if (op == u"+" || op == u"-") {
        if (isNumber(l) || isNumber(r))
            refuse(QStringLiteral("adding a number to a %1 cannot be compiled exactly; use a "
                                  "timespan")
                           .arg(kqlTypeName(isNumber(l) ? r : l)),
                   node);
        return QStringLiteral("%1(%2, %3)").arg(fn, left, right);
    }
    if (op == u"*" && result == T::TimeSpan && (isNumber(l) || isNumber(r))) {
        const QString product = QStringLiteral("kql_multiply(%1, %2)").arg(left, right);
        return (l == T::Real || r == T::Real) ? QStringLiteral("CAST(%1 AS INTEGER)").arg(product)
                                              : product;
    }
    if (op == u"/" && l == T::TimeSpan && r == T::TimeSpan)
        return QStringLiteral("kql_divide(CAST(%1 AS REAL), %2)").arg(left, right);
    if (op == u"/" && l == T::TimeSpan && isNumber(r))
        return r == T::Real ? QStringLiteral("CAST(kql_divide(CAST(%1 AS REAL), %2) AS INTEGER)")
                                      .arg(left, right)
                            : QStringLiteral("kql_divide(%1, %2)").arg(left, right);
    if (op == u"%" && l == T::TimeSpan && r == T::TimeSpan)
        return QStringLiteral("kql_modulo(%1, %2)").arg(left, right);
    refuse(QStringLiteral("'%1' between a %2 and a %3 cannot be compiled exactly")
                   .arg(op, kqlTypeName(l), kqlTypeName(r)),
           node);
}

QString SqlCompiler::between(const Node &node, const Env &env, bool truthy)
{
    const Node &v = *node.kid(0);
    const Node &lo = *node.kid(1);
    const Node &hi = *node.kid(2);
    auto number = [&](const Node &n) {
        if (typeOf(n) == T::Decimal)
            refuse(QStringLiteral("decimal values cannot be compiled to SQL"), n);
        return typeOf(n) == T::Dynamic ? QStringLiteral("kql_todouble(%1)").arg(asDynamic(n, env))
                                       : expr(n, env);
    };
    const QString value = number(v);
    const QString low = number(lo);
    QString high = number(hi);
    if (typeOf(v) == T::DateTime && typeOf(hi) == T::TimeSpan)
        high = QStringLiteral("kql_add(%1, %2)").arg(low, high); // dt between (t0 .. 3d)
    const QString test = QStringLiteral("(%1 BETWEEN %2 AND %3)").arg(value, low, high);
    if (node.text == u"!between")
        return QStringLiteral("(NOT coalesce(%1, 0))").arg(test);
    return truthy ? test : QStringLiteral("coalesce(%1, 0)").arg(test);
}

QString SqlCompiler::memberAccess(const Node &node, const Env &env)
{
    QStringList steps;
    const Node *at = &node;
    while (at->kind == NodeKind::Member || at->kind == NodeKind::Index) {
        if (at->kind == NodeKind::Member) {
            steps.prepend(param(at->text));
        } else {
            const Node &index = *at->kid(1);
            switch (typeOf(index)) {
            case T::String:
            case T::Int:
            case T::Long:
                steps.prepend(expr(index, env));
                break;
            default:
                refuse(QStringLiteral("an index of this type cannot be compiled; use a number or "
                                      "a string"),
                       index);
            }
        }
        at = at->kid(0);
    }
    return QStringLiteral("kql_dyn_get(%1, %2)")
            .arg(asDynamic(*at, env), steps.join(QLatin1String(", ")));
}

QString SqlCompiler::termList(const Node &node, const Env &env)
{
    // A literal list (dynamic([...]) or a let holding one) goes in as the bare parameter: its
    // JSON text is read as the array, and a bare parameter is a constant to SQLite, so the
    // function builds its term set once per statement instead of once per row.
    static const QRegularExpression literal(QStringLiteral("^\\(?kql_dyn\\((\\?\\d+)\\)\\)?$"));
    const QString sql = asDynamic(node, env);
    const QRegularExpressionMatch match = literal.match(sql);
    return match.hasMatch() ? match.captured(1) : sql;
}

QString SqlCompiler::inList(const Node &node, const Env &env)
{
    const QString &op = node.text;
    const Node &left = *node.kid(0);
    const Node &list = *node.kid(1);
    const bool negated = op.startsWith(u'!');
    const QString base = negated ? op.mid(1) : op;
    QStringList scalars;
    QStringList parts;
    const T l = typeOf(left);
    // The values of a table on the right: its first column. A dynamic first column (a let
    // holding `summarize make_set(x)`) gives the elements of its arrays, as a dynamic array
    // written in the list does: Microsoft's "in" page takes "a tabular expression that produces
    // a set of values". A dynamic value that is not an array is one element; text that is not
    // JSON a string (the kql_ functions' rule).
    struct Values
    {
        T type;
        QString from;
    };
    auto firstColumn = [&](const Node &table) {
        const Rel rel = tabular(table);
        const Column &first = rel.schema.first();
        if (first.type != T::Dynamic)
            return Values{first.type, QStringLiteral("(SELECT %1 AS \"_vigil_v\" FROM %2)")
                                              .arg(quote(first.name), rel.cte)};
        const QString v = QStringLiteral("_t.") + quote(first.name);
        return Values{T::Dynamic,
                      QStringLiteral("(SELECT _je.type AS \"_vigil_t\", _je.value AS \"_vigil_v\" "
                                     "FROM %1 AS _t, json_each(CASE WHEN %2 IS NULL THEN '[]' WHEN "
                                     "NOT json_valid(%2) THEN json_array(%2) WHEN json_type(%2) = "
                                     "'array' THEN %2 ELSE json_array(json(%2)) END) AS _je)")
                              .arg(rel.cte, v)};
    };
    if (base == u"has_any" || base == u"has_all" || base == u"in~") {
        const QString fn = base == u"has_any"   ? QStringLiteral("kql_has_any")
                           : base == u"has_all" ? QStringLiteral("kql_has_all")
                                                : QStringLiteral("kql_in_ci");
        const QString value = asString(left, env);
        QString result;
        if (list.count() == 1 && list.kid(0)->schema) {
            const Values values = firstColumn(*list.kid(0));
            // An element of a dynamic column is a term as an element of an array literal is:
            // strings as they are, the rest as JSON text (true, 12, {"a":1}).
            const QString term = values.type == T::Dynamic
                                         ? QStringLiteral("(CASE \"_vigil_t\" WHEN 'true' THEN "
                                                          "'true' WHEN 'false' THEN 'false' WHEN "
                                                          "'null' THEN NULL ELSE \"_vigil_v\" END)")
                                         : QStringLiteral("\"_vigil_v\"");
            result = QStringLiteral("%1(%2, (SELECT kql_make_list(%3) FROM %4))")
                             .arg(fn, value, term, values.from);
        } else if (list.count() == 1 && typeOf(*list.kid(0)) == T::Dynamic) {
            result = QStringLiteral("%1(%2, %3)").arg(fn, value, termList(*list.kid(0), env));
        } else {
            for (const NodePtr &element : list.kids) {
                if (element->schema || typeOf(*element) == T::Dynamic)
                    refuse(QStringLiteral("a list that mixes values with arrays or tables cannot "
                                          "be compiled; use one array or one table"),
                           *element);
                scalars.append(asString(*element, env));
            }
            if (scalars.isEmpty())
                result = base == u"has_all" ? QStringLiteral("1") : QStringLiteral("0");
            else
                result = QStringLiteral("%1(%2, %3)")
                                 .arg(fn, value,
                                      scalars.size() == 1
                                              ? QStringLiteral("kql_pack_array(%1)").arg(scalars[0])
                                              : scalars.join(QLatin1String(", ")));
        }
        return negated ? QStringLiteral("(NOT %1)").arg(result) : result;
    }
    if (base != u"in")
        refuse(QStringLiteral("the operator '%1' cannot be compiled").arg(op), node);
    if (l == T::Decimal)
        refuse(QStringLiteral("decimal values cannot be compiled to SQL"), left);
    if (l == T::Dynamic) {
        QStringList values;
        for (const NodePtr &element : list.kids) {
            if (element->schema)
                refuse(QStringLiteral("a dynamic value 'in' a table cannot be compiled; convert "
                                      "it first"),
                       *element);
            values.append(asAny(*element, env));
        }
        const QString test = QStringLiteral("kql_in(%1, kql_pack_array(%2))")
                                     .arg(asDynamic(left, env), values.join(QLatin1String(", ")));
        return negated ? QStringLiteral("(NOT %1)").arg(test) : test;
    }
    const QString value = expr(left, env);
    for (const NodePtr &element : list.kids) {
        if (element->schema) {
            const Values values = firstColumn(*element);
            const T t = values.type;
            if (t == T::Dynamic) {
                // The elements that can equal a value of the left's type, as kql_in compares
                // a value with an array: numbers by value, strings exactly, bools as bools.
                QString typed;
                if (l == T::String || l == T::Guid)
                    typed = QStringLiteral("CASE WHEN \"_vigil_t\" = 'text' THEN \"_vigil_v\" END");
                else if (isNumber(l))
                    typed = QStringLiteral("CASE WHEN \"_vigil_t\" IN ('integer', 'real') THEN "
                                           "\"_vigil_v\" END");
                else if (l == T::Bool)
                    typed = QStringLiteral(
                            "CASE \"_vigil_t\" WHEN 'true' THEN 1 WHEN 'false' THEN 0 END");
                else
                    refuse(QStringLiteral("'in' compares a %1 with the elements of a dynamic "
                                          "column; this cannot be compiled exactly")
                                   .arg(kqlTypeName(l)),
                           *element);
                parts.append(
                        QStringLiteral("%1 IN (SELECT %2 FROM %3)").arg(value, typed, values.from));
                continue;
            }
            if (t != l && !(isNumber(t) && isNumber(l)))
                refuse(QStringLiteral("'in' compares a %1 with a table of %2 values; this cannot "
                                      "be compiled exactly")
                               .arg(kqlTypeName(l), kqlTypeName(t)),
                       *element);
            parts.append(
                    QStringLiteral("%1 IN (SELECT \"_vigil_v\" FROM %2)").arg(value, values.from));
            continue;
        }
        const T t = typeOf(*element);
        if (t == T::Dynamic) {
            QString any = value;
            if (l == T::DateTime)
                any = QStringLiteral("kql_datetime_json(%1)").arg(value);
            else if (l == T::TimeSpan)
                any = QStringLiteral("kql_timespan_json(%1)").arg(value);
            else if (l == T::Bool)
                any = QStringLiteral("kql_bool_json(%1)").arg(value);
            parts.append(QStringLiteral("kql_in(%1, %2)").arg(any, asDynamic(*element, env)));
            continue;
        }
        const bool compatible
                = t == l || (isNumber(t) && isNumber(l))
                  || ((t == T::String || t == T::Guid) && (l == T::String || l == T::Guid));
        if (!compatible)
            refuse(QStringLiteral("'in' compares a %1 with a %2 value; this cannot be compiled "
                                  "exactly (a constant is read as the other side's type only "
                                  "when it is written as one: digits for a number, true or "
                                  "false for a bool); convert one side")
                           .arg(kqlTypeName(l), kqlTypeName(t)),
                   *element);
        scalars.append(expr(*element, env));
    }
    if (!scalars.isEmpty())
        parts.prepend(QStringLiteral("%1 IN (%2)").arg(value, scalars.join(QLatin1String(", "))));
    if (parts.isEmpty())
        return negated ? QStringLiteral("1") : QStringLiteral("0");
    const QString test = QStringLiteral("coalesce((%1), 0)").arg(parts.join(QLatin1String(" OR ")));
    return negated ? QStringLiteral("(NOT %1)").arg(test) : test;
}

} // namespace Vigil::Kql
