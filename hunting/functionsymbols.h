#pragma once

#include "dynshape.h"
#include "huntingschema.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace Vigil::Kql {

/** What a parameter accepts (Kusto's ParameterTypeKind). */
enum class ParamKind {
    Declared, ///< one of `types`
    Scalar, ///< any scalar
    Any,
    Tabular,
    Integer, ///< int or long
    RealOrDecimal,
    StringOrDynamic,
    StringOrArray,
    IntegerOrArray,
    DynamicArray,
    DynamicBag,
    Number, ///< int, long, real, decimal
    NumberOrBool,
    Summable, ///< number, timespan, datetime
    Orderable, ///< anything but dynamic and bool (bool is orderable in Kusto too)
    NotRealOrBool,
    NotDynamic,
    NotBool,
    Parameter0, ///< same type as argument 0
    Parameter1,
    Parameter2,
    CommonScalar, ///< all such arguments share one (promoted) type
    CommonNumber,
    CommonSummable,
    CommonOrderable,
    CommonScalarOrDynamic,
};

/** How a call's type follows from its arguments (Kusto's ReturnTypeKind). */
enum class ReturnKind {
    Declared,
    Parameter0,
    Parameter1,
    Parameter2,
    ParameterN,
    Parameter0Literal, ///< the type named by typeof(…) in argument 0
    Parameter1Literal,
    ParameterNLiteral, ///< the type named by typeof(…) in the last argument
    Parameter0Promoted, ///< argument 0's type, int widened to long (sum)
    Parameter0Array, ///< dynamic (an array of argument 0)
    Common,
    CommonNonDynamic,
    Widest,
    Custom, ///< the binder's own rule for this function (arg_max, take_any, pack_array, …)
    Other, ///< a rule for clusters, databases, graphs: not used by local hunting
};

/** The column name a call gets when the query gives none (Kusto's ResultNameKind). */
enum class ResultNameKind {
    None, ///< Column1, Column2, … (print_0 for print)
    FirstArgument, ///< the name of argument 0 when it has one (bin(Timestamp, 1h) → Timestamp)
    OnlyArgument, ///< the name of the only argument
    FirstArgumentValueIfColumn,
    NameAndFirstArgument, ///< function_argument0 (strlen(FileName) → strlen_FileName)
    NameAndOnlyArgument,
    PrefixAndFirstArgument, ///< prefix_argument0, or prefix_ without one (count() → count_)
    PrefixAndOnlyArgument,
    PrefixOnly,
};

/** @brief One parameter of a signature. Value type. */
struct ParamSymbol
{
    QString name;
    ParamKind kind = ParamKind::Scalar;
    QList<KqlType> types; ///< for Declared
    bool typeLiteral = false; ///< the argument is typeof(T)
    int minOccurring = 1;
    int maxOccurring = 1; ///< >1 for repeated parameters (strcat's up to 64)
    bool constant = false; ///< must be a constant (extract's regex, format strings, …)
    bool starAllowed = false; ///< `*` accepted (arg_max, take_any)
};

/** @brief One overload: its parameters and how its type is computed. Value type. */
struct SignatureSymbol
{
    ReturnKind returnKind = ReturnKind::Declared;
    std::optional<KqlType> declaredReturn;
    DynShape returnShape = DynShape::Unknown; ///< a declared dynamic result's shape
    DynShape returnElementShape = DynShape::Unknown; ///< of its elements, for an array
    QList<ParamSymbol> params;
    int minArgs() const;
    int maxArgs() const;
};

/**
 * @brief A KQL scalar function or aggregate: overloads, result-name rule and whether Vigil runs it.
 *
 * The table comes from Kusto's own symbol tables (generated functiontable.cpp), so names,
 * arities and types are Kusto's; `supported` marks the functions of units U2–U5, U8 and U14 that
 * Vigil's runtime implements. Immutable; any thread.
 */
struct FunctionSymbol
{
    QString name;
    bool aggregate = false;
    ResultNameKind resultName = ResultNameKind::None;
    QString resultPrefix;
    QList<SignatureSymbol> signatures;
    bool supported = false;
    QString unit; ///< "U2", "U4", … for supported functions
};

/** @brief Every scalar function and aggregate Kusto has, by name (case-sensitive). */
class FunctionSymbols
{
public:
    static const FunctionSymbols &instance();

    /**
     * The function or aggregate of that name, or nullptr. A few names are both (any): in
     * summarize's aggregate list the aggregate wins, elsewhere the scalar function.
     */
    const FunctionSymbol *find(QStringView name, bool preferAggregate = false) const;
    const QHash<QString, FunctionSymbol> &functions() const { return m_functions; }
    const QHash<QString, FunctionSymbol> &aggregates() const { return m_aggregates; }

private:
    FunctionSymbols();
    QHash<QString, FunctionSymbol> m_functions;
    QHash<QString, FunctionSymbol> m_aggregates;
};

/** The generated table (functiontable.cpp). */
const char *kqlFunctionTable();

} // namespace Vigil::Kql
