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
    if (literal.shape == DynShape::Array)
        literal.elementShape = elementShape(value);
}

bool Binder::shapeFits(const ParamSymbol &param, const Node &arg, KqlType type)
{
    if (type != T::Dynamic)
        return true;
    if (param.kind == ParamKind::DynamicArray)
        return arg.shape != DynShape::Bag && arg.shape != DynShape::Single;
    if (param.kind == ParamKind::DynamicBag)
        return arg.shape != DynShape::Array && arg.shape != DynShape::Single;
    if (param.kind == ParamKind::IntegerOrArray || param.kind == ParamKind::StringOrArray)
        return arg.shape != DynShape::Bag; // make_string(dynamic({…}))
    return true;
}

QString Binder::shapeMismatch(const ParamSymbol &param, const Node &arg)
{
    if (param.kind == ParamKind::IntegerOrArray || param.kind == ParamKind::StringOrArray)
        return QStringLiteral("argument %1 must be %2 or a dynamic array, and this one is a "
                              "property bag")
                .arg(param.name, param.kind == ParamKind::IntegerOrArray
                                         ? QStringLiteral("an integer")
                                         : QStringLiteral("a string"));
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
        return;
    case ReturnKind::Parameter0:
        // array_reverse(A), array_slice(A, …), max(A): what A is (its elements are left
        // unknown: array_split() gives arrays of A's elements).
        if (!args.isEmpty() && types[0] == T::Dynamic)
            call.shape = args[0]->shape;
        return;
    case ReturnKind::Parameter0Array: // make_list(x), range(…), repeat(x, n)
        call.shape = DynShape::Array;
        if (!args.isEmpty() && args[0]->kind != NodeKind::Star)
            call.elementShape = types[0] == T::Dynamic ? args[0]->shape : DynShape::Single;
        return;
    case ReturnKind::Common:
    case ReturnKind::CommonNonDynamic: {
        // iff(p, A, B), case(…), coalesce(A, B): the shape the values share.
        std::optional<std::pair<DynShape, DynShape>> common;
        for (qsizetype i = 0; i < args.size(); ++i) {
            const ParamKind kind = sig.params[mapping[i]].kind;
            if (kind != ParamKind::CommonScalar && kind != ParamKind::CommonScalarOrDynamic
                && kind != ParamKind::CommonNumber && kind != ParamKind::CommonSummable
                && kind != ParamKind::CommonOrderable)
                continue;
            const std::pair<DynShape, DynShape> shape{args[i]->shape, args[i]->elementShape};
            if (types[i] != T::Dynamic || (common && *common != shape))
                return;
            common = shape;
        }
        if (common) {
            call.shape = common->first;
            call.elementShape = common->second;
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
        for (qsizetype i = 0; i < args.size(); ++i) {
            if (args[i]->kind == NodeKind::Star)
                return;
            const T type = isNumber(types[i]) && types[i] != T::Decimal ? T::Real : types[i];
            const std::pair<T, DynShape> element{type, type == T::Dynamic ? args[i]->shape
                                                                          : DynShape::Single};
            if (common && *common != element)
                return;
            common = element;
        }
        if (common)
            call.elementShape = common->second;
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
