#include "binderimpl.h"

// The shapes of dynamic values (dynshape.h) and the checks Microsoft's analyzer makes with them:
// an array is indexed by a number, a property bag by a name, a single value not at all, and a
// function that takes an array (or a bag) refuses what is known to be something else.
namespace Vigil::Kql {

namespace {

using T = KqlType;

DynShape valueShape(const Node &value)
{
    if (value.kind == NodeKind::DynArray)
        return DynShape::Array;
    if (value.kind == NodeKind::DynObject)
        return DynShape::Bag;
    // null is unknown; a typed null (long(null)) is a single value, as any other literal.
    if (value.kind != NodeKind::Literal
        || (value.literal == LiteralKind::Null && value.value == u"dynamic"))
        return DynShape::Unknown;
    return DynShape::Single;
}

/** The type of a single value in a dynamic literal: long(null) is a long, as 2 is. */
std::optional<KqlType> literalType(const Node &literal)
{
    switch (literal.literal) {
    case LiteralKind::Null:
        return kqlTypeFromName(literal.value);
    case LiteralKind::Bool:
        return T::Bool;
    case LiteralKind::Int:
        return T::Int;
    case LiteralKind::Long:
        return T::Long;
    case LiteralKind::Real:
        return T::Real;
    case LiteralKind::Decimal:
        return T::Decimal;
    case LiteralKind::String:
        return T::String;
    case LiteralKind::DateTime:
        return T::DateTime;
    case LiteralKind::TimeSpan:
        return T::TimeSpan;
    case LiteralKind::Guid:
        return T::Guid;
    }
    return std::nullopt;
}

/**
 * The elements' shape of an array literal: known when every element has the same kind (all
 * arrays, all bags, or single values of one type: [1, 2] but not [1, 1.5] or [1, 'a']).
 */
DynShape elementShape(const Node &array)
{
    if (array.kids.empty())
        return DynShape::Unknown;
    const Node &first = *array.kid(0);
    const DynShape shape = valueShape(first);
    if (shape == DynShape::Unknown)
        return DynShape::Unknown;
    for (const NodePtr &element : array.kids) {
        if (valueShape(*element) != shape
            || (shape == DynShape::Single && literalType(*element) != literalType(first)))
            return DynShape::Unknown;
    }
    return shape;
}

} // namespace

QString Binder::shapeWords(DynShape shape)
{
    switch (shape) {
    case DynShape::Array:
        return QStringLiteral("an array");
    case DynShape::Bag:
        return QStringLiteral("a property bag");
    case DynShape::Single:
        return QStringLiteral("a single value");
    case DynShape::Unknown:
        break;
    }
    return QStringLiteral("a dynamic value");
}

namespace {

/** The functions that always give a property bag, whatever their arguments (Kusto's analyzer
 *  computes their type rather than declaring it). */
bool givesBag(const QString &name)
{
    static const QSet<QString> names = {QStringLiteral("pack"),
                                        QStringLiteral("bag_pack"),
                                        QStringLiteral("pack_dictionary"),
                                        QStringLiteral("pack_all"),
                                        QStringLiteral("bag_merge"),
                                        QStringLiteral("bag_remove_keys"),
                                        QStringLiteral("bag_set_key"),
                                        QStringLiteral("series_stats_dynamic"),
                                        QStringLiteral("series_fit_line_dynamic")};
    return names.contains(name);
}

} // namespace

void Binder::shapeLiteral(Node &literal)
{
    const Node &value = *literal.kid(0);
    literal.shape = valueShape(value);
    if (literal.shape == DynShape::Single)
        literal.dynType = literalType(value);
    if (literal.shape == DynShape::Array) {
        literal.elementShape = elementShape(value);
        if (literal.elementShape == DynShape::Single)
            literal.dynType = literalType(*value.kid(0));
    }
}

bool Binder::shapeFits(const ParamSymbol &param, const Node &arg, KqlType type)
{
    if (type != T::Dynamic)
        return true;
    if (param.kind == ParamKind::DynamicArray)
        return arg.shape != DynShape::Bag && arg.shape != DynShape::Single;
    if (param.kind == ParamKind::DynamicBag)
        return arg.shape != DynShape::Array && arg.shape != DynShape::Single;
    if (param.kind == ParamKind::IntegerOrArray) {
        // make_string(dynamic({…})), make_string(dynamic([1.5])), make_string(split(…)); the
        // analyzer takes decimals as it takes integers (make_string(repeat(decimal(1.5), 2))).
        const bool integer = !arg.dynType || *arg.dynType == T::Int || *arg.dynType == T::Long
                             || *arg.dynType == T::Decimal;
        if (arg.shape == DynShape::Single)
            return integer;
        if (arg.shape == DynShape::Array)
            return arg.elementShape == DynShape::Unknown
                   || (arg.elementShape == DynShape::Single && integer);
        return arg.shape != DynShape::Bag;
    }
    if (param.kind == ParamKind::StringOrArray)
        return arg.shape != DynShape::Bag;
    return true;
}

QString Binder::dynamicWords(const Node &value)
{
    const QString type = value.dynType ? kqlTypeName(*value.dynType) : QString();
    switch (value.shape) {
    case DynShape::Single:
        return type.isEmpty() ? shapeWords(value.shape) : QStringLiteral("a %1").arg(type);
    case DynShape::Array:
        if (value.elementShape == DynShape::Single && !type.isEmpty())
            return QStringLiteral("an array of %1 values").arg(type);
        if (value.elementShape == DynShape::Array || value.elementShape == DynShape::Bag)
            return QStringLiteral("an array of %1")
                    .arg(value.elementShape == DynShape::Array ? QStringLiteral("arrays")
                                                               : QStringLiteral("bags"));
        break;
    default:
        break;
    }
    return shapeWords(value.shape);
}

QString Binder::shapeMismatch(const ParamSymbol &param, const Node &arg)
{
    if (param.kind == ParamKind::IntegerOrArray)
        return QStringLiteral("argument %1 must be an integer or a dynamic array of integers, "
                              "and this one is %2")
                .arg(param.name, dynamicWords(arg));
    if (param.kind == ParamKind::StringOrArray)
        return QStringLiteral("argument %1 must be a string or a dynamic array, and this one is "
                              "a property bag")
                .arg(param.name);
    return QStringLiteral("argument %1 must be a dynamic %2, and this one is %3")
            .arg(param.name,
                 param.kind == ParamKind::DynamicArray ? QStringLiteral("array")
                                                       : QStringLiteral("property bag"),
                 shapeWords(arg.shape));
}

void Binder::shapeCall(Node &call, const FunctionSymbol &fn, const SignatureSymbol &sig,
                       const QList<int> &mapping, const QList<Node *> &args,
                       const QList<KqlType> &types)
{
    switch (sig.returnKind) {
    case ReturnKind::Declared:
        call.shape = sig.returnShape;
        call.elementShape = sig.returnElementShape;
        if (fn.name == u"split")
            call.dynType = T::String;
        return;
    case ReturnKind::Parameter0:
        // array_reverse(A), array_slice(A, …), max(A): what A is (its elements are left
        // unknown: array_split() gives arrays of A's elements).
        if (!args.isEmpty() && types[0] == T::Dynamic) {
            call.shape = args[0]->shape;
            if (call.shape == DynShape::Single)
                call.dynType = args[0]->dynType;
        }
        return;
    case ReturnKind::Parameter0Array: // make_list(x), range(…), repeat(x, n)
        call.shape = DynShape::Array;
        if (!args.isEmpty() && args[0]->kind != NodeKind::Star) {
            call.elementShape = types[0] == T::Dynamic ? args[0]->shape : DynShape::Single;
            if (types[0] != T::Dynamic)
                call.dynType = types[0];
            else if (args[0]->shape == DynShape::Single)
                call.dynType = args[0]->dynType;
        }
        return;
    case ReturnKind::Common:
    case ReturnKind::CommonNonDynamic: {
        // iff(p, A, B), case(…), coalesce(A, B): the shape the values share.
        std::optional<std::tuple<DynShape, DynShape, std::optional<KqlType>>> common;
        for (qsizetype i = 0; i < args.size(); ++i) {
            const ParamKind kind = sig.params[mapping[i]].kind;
            if (kind != ParamKind::CommonScalar && kind != ParamKind::CommonScalarOrDynamic
                && kind != ParamKind::CommonNumber && kind != ParamKind::CommonSummable
                && kind != ParamKind::CommonOrderable)
                continue;
            const std::tuple<DynShape, DynShape, std::optional<KqlType>> shape{
                    args[i]->shape, args[i]->elementShape, args[i]->dynType};
            if (types[i] != T::Dynamic)
                return;
            if (common && std::get<0>(*common) == std::get<0>(shape)
                && std::get<1>(*common) == std::get<1>(shape)
                && std::get<2>(*common) != std::get<2>(shape)) {
                std::get<2>(*common).reset(); // one shape, element types that differ
                continue;
            }
            if (common && *common != shape)
                return;
            common = shape;
        }
        if (common) {
            call.shape = std::get<0>(*common);
            call.elementShape = std::get<1>(*common);
            call.dynType = std::get<2>(*common);
        }
        return;
    }
    case ReturnKind::Custom:
        break;
    default:
        return;
    }
    if (givesBag(fn.name)) {
        call.shape = DynShape::Bag;
    } else if (fn.name == u"set_union" || fn.name == u"set_intersect"
               || fn.name == u"set_difference") {
        call.shape = DynShape::Array;
    } else if (fn.name == u"array_concat" || fn.name.startsWith(QLatin1String("array_sort_"))
               || fn.name == u"array_iff" || fn.name == u"array_iif") {
        // An array when the arrays it is given are known to be arrays.
        bool arrays = true;
        for (qsizetype i = 0; i < args.size(); ++i) {
            if (sig.params[mapping[i]].kind == ParamKind::DynamicArray)
                arrays = arrays && args[i]->shape == DynShape::Array;
        }
        if (arrays)
            call.shape = DynShape::Array;
    } else if (fn.name == u"pack_array") {
        // Its elements are single values when every argument has the same scalar type (or
        // every one is a number: they share the widest), or the shape every (dynamic)
        // argument shares.
        call.shape = DynShape::Array;
        std::optional<std::pair<T, DynShape>> common;
        std::optional<T> widest; // of the numbers: int, long, real
        bool numbers = true;
        for (qsizetype i = 0; i < args.size(); ++i) {
            if (args[i]->kind == NodeKind::Star)
                return;
            const bool number = isNumber(types[i]) && types[i] != T::Decimal;
            numbers = numbers && number;
            if (number
                && (!widest || types[i] == T::Real || (types[i] == T::Long && *widest == T::Int)))
                widest = types[i];
            const T type = number ? T::Real : types[i];
            const std::pair<T, DynShape> element{type, type == T::Dynamic ? args[i]->shape
                                                                          : DynShape::Single};
            if (common && *common != element)
                return;
            common = element;
        }
        if (common) {
            call.elementShape = common->second;
            if (common->first != T::Dynamic)
                call.dynType = numbers ? widest : std::optional<T>(common->first);
        }
    }
}

void Binder::checkIndexShape(Node &index, const Context &ctx)
{
    const Node &target = *index.kid(0);
    Node &at = *index.kid(1);
    const KqlType type = bindScalar(at, ctx);
    switch (target.shape) {
    case DynShape::Single:
        fail(QStringLiteral("[…] reads an element of an array or a property of a bag, and this "
                            "value is a single value"),
             index);
    case DynShape::Array:
        if (type == T::String || type == T::Bool || type == T::DateTime || type == T::TimeSpan
            || type == T::Guid || type == T::Real || type == T::Decimal
            || (type == T::Dynamic && (at.shape == DynShape::Array || at.shape == DynShape::Bag)))
            fail(QStringLiteral("an element of an array is read by its position, an int or a "
                                "long (this index is %1)")
                         .arg(type == T::Dynamic ? shapeWords(at.shape) : kqlTypeName(type)),
                 at);
        index.shape = target.elementShape;
        if (index.shape == DynShape::Single)
            index.dynType = target.dynType;
        break;
    case DynShape::Bag:
        if (type != T::String && type != T::Dynamic)
            fail(QStringLiteral("a property of a bag is read by its name, a string (this index "
                                "is %1)")
                         .arg(kqlTypeName(type)),
                 at);
        break;
    case DynShape::Unknown:
        break;
    }
}

} // namespace Vigil::Kql
