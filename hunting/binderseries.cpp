#include "binderimpl.h"

// The series functions that give several columns (series_stats, series_fit_line,
// series_fit_2lines, series_decompose and its anomalies and forecast): their columns, in the
// order and with the types of Microsoft's language service, and their arguments.
namespace Vigil::Kql {

namespace {

using T = KqlType;

/** An integer literal (`24`, `-1`), or nullopt for anything else. */
std::optional<qint64> integerLiteral(const Node &node)
{
    if (node.kind == NodeKind::Unary && node.count() == 1) {
        const std::optional<qint64> inner = integerLiteral(*node.kid(0));
        if (!inner)
            return std::nullopt;
        return node.text == u"-" ? -*inner : *inner;
    }
    if (node.kind != NodeKind::Literal
        || (node.literal != LiteralKind::Long && node.literal != LiteralKind::Int))
        return std::nullopt;
    bool ok = false;
    const qint64 value = node.value.toLongLong(&ok);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

struct Parameter
{
    const char *name;
    QList<T> types; ///< empty for the series (a dynamic array)
};

} // namespace

const QList<MultiColumnField> *multiColumnFields(const QString &function)
{
    static const QHash<QString, QList<MultiColumnField>> table = {
            {QStringLiteral("series_stats"),
             {{"min", T::Real},
              {"min_idx", T::Long},
              {"max", T::Real},
              {"max_idx", T::Long},
              {"avg", T::Real},
              {"stdev", T::Real},
              {"variance", T::Real}}},
            {QStringLiteral("series_fit_line"),
             {{"rsquare", T::Real},
              {"slope", T::Real},
              {"variance", T::Real},
              {"rvariance", T::Real},
              {"interception", T::Real},
              {"line_fit", T::Dynamic}}},
            {QStringLiteral("series_fit_2lines"),
             {{"rsquare", T::Real},
              {"split_idx", T::Long},
              {"variance", T::Real},
              {"rvariance", T::Real},
              {"line_fit", T::Dynamic},
              {"right_rsquare", T::Real},
              {"right_slope", T::Real},
              {"right_interception", T::Real},
              {"right_variance", T::Real},
              {"right_rvariance", T::Real},
              {"left_rsquare", T::Real},
              {"left_slope", T::Real},
              {"left_interception", T::Real},
              {"left_variance", T::Real},
              {"left_rvariance", T::Real}}},
            {QStringLiteral("series_decompose"),
             {{"baseline", T::Dynamic},
              {"seasonal", T::Dynamic},
              {"trend", T::Dynamic},
              {"residual", T::Dynamic}}},
            {QStringLiteral("series_decompose_forecast"),
             {{"baseline", T::Dynamic},
              {"seasonal", T::Dynamic},
              {"trend", T::Dynamic},
              {"residual", T::Dynamic}}},
            {QStringLiteral("series_decompose_anomalies"),
             {{"ad_flag", T::Dynamic}, {"ad_score", T::Dynamic}, {"baseline", T::Dynamic}}},
    };
    const auto it = table.constFind(function);
    return it == table.constEnd() ? nullptr : &*it;
}

void Binder::bindMultiColumnCall(Node &call, const Context &ctx)
{
    const QList<T> integer = {T::Int, T::Long};
    const QList<T> number = {T::Int, T::Long, T::Real};
    const QList<T> string = {T::String};
    const QHash<QString, QList<Parameter>> parameters = {
            {QStringLiteral("series_stats"), {{"series", {}}, {"ignore_nonfinite", {T::Bool}}}},
            {QStringLiteral("series_fit_line"), {{"series", {}}}},
            {QStringLiteral("series_fit_2lines"), {{"series", {}}}},
            {QStringLiteral("series_decompose"),
             {{"series", {}},
              {"seasonality", integer},
              {"trend", string},
              {"test_points", integer},
              {"seasonality_threshold", number}}},
            {QStringLiteral("series_decompose_anomalies"),
             {{"series", {}},
              {"threshold", number},
              {"seasonality", integer},
              {"trend", string},
              {"test_points", integer},
              {"ad_method", string},
              {"seasonality_threshold", number}}},
            {QStringLiteral("series_decompose_forecast"),
             {{"series", {}},
              {"points", integer},
              {"seasonality", integer},
              {"trend", string},
              {"seasonality_threshold", number}}},
    };
    const QList<Parameter> params = parameters.value(call.text);
    const qsizetype required = call.text == u"series_decompose_forecast" ? 2 : 1;
    if (call.count() < required || call.count() > params.size())
        fail(QStringLiteral("%1() takes %2 to %3 arguments, not %4")
                     .arg(call.text)
                     .arg(required)
                     .arg(params.size())
                     .arg(call.count()),
             call);
    for (qsizetype i = 0; i < call.count(); ++i) {
        Node &arg = *call.kid(i);
        if (arg.kind == NodeKind::NamedArg)
            fail(QStringLiteral("the arguments of %1() are given by position").arg(call.text), arg);
        const T t = bindScalar(arg, ctx);
        const Parameter &p = params[i];
        if (i == 0 ? t != T::Dynamic : !p.types.contains(t))
            fail(QStringLiteral("%1 of %2() must be %3, not %4")
                         .arg(QLatin1String(p.name), call.text,
                              i == 0 ? QStringLiteral("a dynamic array")
                                     : QStringLiteral("a ") + kqlTypeName(p.types.first()),
                              kqlTypeName(t)),
                 arg);
        if (i == 0 && (arg.shape == DynShape::Bag || arg.shape == DynShape::Single))
            fail(QStringLiteral("%1 of %2() must be a dynamic array, and this one is %3")
                         .arg(QLatin1String(p.name), call.text,
                              arg.shape == DynShape::Bag ? QStringLiteral("a property bag")
                                                         : QStringLiteral("a single value")),
                 arg);
    }
    // Seasonality -1, the default, detects the period with series_periods_detect(), whose
    // algorithm Microsoft's pages do not give precisely enough to reproduce: refused by name.
    qsizetype seasonality = -1;
    for (qsizetype i = 0; i < params.size(); ++i) {
        if (qstrcmp(params[i].name, "seasonality") == 0)
            seasonality = i;
    }
    if (seasonality < 0)
        return;
    const Node *given = call.kid(seasonality);
    const std::optional<qint64> literal = given ? integerLiteral(*given) : std::nullopt;
    const bool isLiteral = literal.has_value();
    const qint64 period = literal.value_or(0);
    if (given && !(isLiteral && period < 0))
        return; // a period, 0, or a computed value (checked when the query runs)
    const QString series = expressionName(*call.kid(0)).isEmpty() ? QStringLiteral("y")
                                                                  : expressionName(*call.kid(0));
    QString before = series;
    if (call.text == u"series_decompose_anomalies")
        before += QStringLiteral(", 1.5");
    else if (call.text == u"series_decompose_forecast")
        before += QStringLiteral(", ")
                  + (call.kid(1)->kind == NodeKind::Literal ? call.kid(1)->text
                                                            : QStringLiteral("points"));
    if (given && period != -1)
        fail(QStringLiteral("the seasonality of %1() is -1, 0 or a period in bins, not %2")
                     .arg(call.text)
                     .arg(period),
             *given);
    fail(QStringLiteral("%1() without a period detects one with series_periods_detect(), which "
                        "Vigil's local KQL cannot reproduce exactly; pass the period: "
                        "%1(%2, 0) for no seasonality or %1(%2, 24) for a daily cycle of hourly "
                        "bins")
                 .arg(call.text, before),
         given ? *given : call);
}

} // namespace Vigil::Kql
