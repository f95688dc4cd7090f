#include "sqlcompilerimpl.h"

// make-series (unit U15 of reference/kql.md): summarize by the keys and the axis's bin, then
// one array per aggregate over every bin, the bins without rows taking the default.
namespace Vigil::Kql {

namespace {

using T = KqlType;

} // namespace

Rel SqlCompiler::makeSeries(const Node &node, const Rel &in)
{
    if (in.partitioned)
        refuse(QStringLiteral("make-series inside mv-apply's subquery cannot be compiled to SQL "
                              "yet"),
               node);
    const Node &aggregates = *node.kid(0);
    const Node &defaults = *node.kid(1);
    const Node &axisItem = *node.kid(2);
    const Node &axis = axisItem.kind == NodeKind::Assign ? *axisItem.kid(0) : axisItem;
    const Node &keys = *node.kid(6);
    Env env;
    env.row = &in.schema;
    env.ingest = in.ingest;
    Env none;
    const T axisType = axis.type.value_or(T::Dynamic);
    if (axisType == T::Decimal)
        refuse(QStringLiteral("decimal values cannot be compiled to SQL"), axis);
    const QString axisSql = expr(axis, env);
    const QString step = expr(*node.kid(5), none);
    // The bounds, once: `from` or the bin of the smallest value; the number of bins from `to`
    // (excluded) or up to the bin of the largest value.
    const Node *from = node.kid(3)->kid(0);
    const Node *to = node.kid(4)->kid(0);
    // `in range(start, stop, step)` (Kusto's make-series page): the bins are bin()'s, from
    // bin(start, step) up to the bin of stop, included.
    const bool inRange = node.option(QStringLiteral("in range")) == u"true";
    QString start = from ? expr(*from, none)
                         : QStringLiteral("(SELECT kql_series_start(min(%1), %2) FROM %3)")
                                    .arg(axisSql, step, in.cte);
    if (inRange)
        start = QStringLiteral("kql_series_start(%1, %2)").arg(start, step);
    const QString bins
            = to ? QStringLiteral("kql_series_bins(%1, %2, %3, %4)")
                              .arg(QStringLiteral("\"_vigil_s\""), expr(*to, none), step,
                                   inRange ? QStringLiteral("1") : QStringLiteral("0"))
                 : QStringLiteral("kql_series_bins(\"_vigil_s\", (SELECT max(%1) FROM %2), %3, 1)")
                              .arg(axisSql, in.cte, step);
    const QString bounds = addCte(
            QStringLiteral(
                    "SELECT \"_vigil_s\", %1 AS \"_vigil_n\" FROM (SELECT %2 AS \"_vigil_s\")")
                    .arg(bins, start));

    QStringList keyColumns;
    QStringList keyNames;
    for (const NodePtr &item : keys.kids) {
        const Node &value = item->kind == NodeKind::Assign ? *item->kid(0) : *item;
        const QString name = quote(item->outputColumns.value(0));
        keyColumns.append(expr(value, env) + QStringLiteral(" AS ") + name);
        keyNames.append(name);
    }
    Env aggregateEnv = env;
    aggregateEnv.aggregates = true;
    QStringList aggregateColumns;
    QStringList arrays;
    for (qsizetype i = 0; i < aggregates.count(); ++i) {
        const Node &item = *aggregates.kid(i);
        const Node &value = item.kind == NodeKind::Assign ? *item.kid(0) : item;
        // Kusto's make-series page: only aggregates with numeric results.
        const T type = value.type.value_or(T::Dynamic);
        if (type != T::Long && type != T::Int && type != T::Real)
            refuse(QStringLiteral("make-series takes only aggregates with a numeric result, not "
                                  "%1")
                           .arg(kqlTypeName(type)),
                   value);
        const QString column = QStringLiteral("_vigil_a%1").arg(i + 1);
        aggregateColumns.append(expr(value, aggregateEnv) + QStringLiteral(" AS ") + quote(column));
        // The aggregate's value as it goes into an array (a datetime as its text, …).
        Node ref;
        ref.kind = NodeKind::Name;
        ref.text = column;
        ref.type = value.type;
        RowSchema one = {{column, value.type.value_or(T::Dynamic)}};
        Env refEnv;
        refEnv.row = &one;
        const Node *fill = defaults.kid(i)->kid(0);
        arrays.append(QStringLiteral("kql_series_fill(\"_vigil_n\", \"_vigil_bin\", %1, %2) AS %3")
                              .arg(asAny(ref, refEnv),
                                   fill ? asAny(*fill, none) : QStringLiteral("0"),
                                   quote(item.outputColumns.value(0))));
    }
    const int axisKind = axisType == T::DateTime ? 1 : axisType == T::TimeSpan ? 2 : 0;
    const QString index
            = QStringLiteral("kql_series_index(%1, \"_vigil_s\", %2)").arg(axisSql, step);
    QStringList groupBy = keyNames;
    groupBy.append(QStringLiteral("\"_vigil_bin\""));
    const QString binned = addCte(
            QStringLiteral("SELECT %1%2 AS \"_vigil_bin\", %3 FROM %4, %5 WHERE %2 >= 0 AND %2 < "
                           "\"_vigil_n\" GROUP BY %6")
                    .arg(keyColumns.isEmpty()
                                 ? QString()
                                 : keyColumns.join(QLatin1String(", ")) + QStringLiteral(", "),
                         index, aggregateColumns.join(QLatin1String(", ")), in.cte, bounds,
                         groupBy.join(QLatin1String(", "))));
    QStringList columns = keyNames;
    columns.append(arrays);
    columns.append(
            QStringLiteral("kql_series_axis(\"_vigil_s\", %1, \"_vigil_n\", %2) AS %3")
                    .arg(step, QString::number(axisKind), quote(axisItem.outputColumns.value(0))));
    // A group without a row has no series; without keys, an empty input gives no row either,
    // unless kind=nonempty asks for the defaults.
    QString tail;
    if (!keyNames.isEmpty())
        tail = QStringLiteral(" GROUP BY ") + keyNames.join(QLatin1String(", "));
    else if (node.option(QStringLiteral("kind")) != u"nonempty")
        tail = QStringLiteral(" HAVING count(\"_vigil_bin\") > 0");
    Rel out;
    out.schema = *node.schema;
    if (keyNames.isEmpty()) {
        out.cte = addCte(QStringLiteral("SELECT %1 FROM %2 LEFT JOIN %3 ON 1%4")
                                 .arg(columns.join(QLatin1String(", ")), bounds, binned, tail));
    } else {
        out.cte = addCte(QStringLiteral("SELECT %1 FROM %2, %3%4")
                                 .arg(columns.join(QLatin1String(", ")), binned, bounds, tail));
    }
    return out;
}

bool givesSeveralColumns(const QString &function)
{
    static const QSet<QString> names = {
            QStringLiteral("series_stats"),
            QStringLiteral("series_fit_line"),
            QStringLiteral("series_fit_2lines"),
            QStringLiteral("series_decompose"),
            QStringLiteral("series_decompose_forecast"),
            QStringLiteral("series_decompose_anomalies"),
    };
    return names.contains(function);
}

QStringList SqlCompiler::multiColumnSql(const Node &call, const Env &env)
{
    // The arguments in the order of the kql_ function; a missing one is NULL, which the runtime
    // reads as the default Kusto's page gives (trend avg, test points 0, threshold 1.5, …).
    const auto arg = [&](qsizetype i) {
        if (i >= call.count())
            return QStringLiteral("NULL");
        return i == 0 ? asDynamic(*call.kid(0), env) : expr(*call.kid(i), env);
    };
    QString function;
    QList<qsizetype> order;
    int fields = 0;
    if (call.text == u"series_stats") {
        function = QStringLiteral("kql_series_stats");
        order = {0, 1};
        fields = 7;
    } else if (call.text == u"series_fit_line") {
        function = QStringLiteral("kql_series_fit_line");
        order = {0};
        fields = 6;
    } else if (call.text == u"series_fit_2lines") {
        function = QStringLiteral("kql_series_fit_2lines");
        order = {0};
        fields = 15;
    } else if (call.text == u"series_decompose") {
        function = QStringLiteral("kql_series_decompose");
        order = {0, 1, 2, 3};
        fields = 4;
    } else if (call.text == u"series_decompose_forecast") {
        // (series, points, seasonality, trend, …): series_decompose() with test points.
        function = QStringLiteral("kql_series_decompose");
        order = {0, 2, 3, 1};
        fields = 4;
    } else if (call.text == u"series_decompose_anomalies") {
        function = QStringLiteral("kql_series_decompose_anomalies");
        order = {0, 1, 2, 3, 4, 5};
        fields = 3;
    } else {
        refuse(QStringLiteral("%1() cannot be compiled to SQL").arg(call.text), call);
    }
    QStringList args;
    for (const qsizetype i : order) {
        QString sql = arg(i);
        if (call.text == u"series_stats" && i == 1 && sql == u"NULL")
            sql = QStringLiteral("0");
        args.append(sql);
    }
    QStringList out;
    for (int k = 0; k < fields; ++k)
        out.append(QStringLiteral("%1(%2, %3)")
                           .arg(function, args.join(QLatin1String(", ")), QString::number(k)));
    return out;
}

Rel SqlCompiler::topNested(const Node &node, const Rel &in)
{
    if (in.partitioned)
        refuse(QStringLiteral("top-nested inside mv-apply's subquery cannot be compiled to SQL "
                              "yet"),
               node);
    Env env;
    env.row = &in.schema;
    env.ingest = in.ingest;
    Env aggregateEnv = env;
    aggregateEnv.aggregates = true;
    QStringList values; // each level's value, as SQL over the input
    QStringList keys; // their output names, quoted
    QStringList kept; // the output columns of the levels so far, quoted
    QString previous;
    for (const NodePtr &level : node.kids) {
        const Node &of = *level->kid(0);
        const Node &by = *level->kid(1);
        const Node &value = of.kind == NodeKind::Assign ? *of.kid(0) : of;
        const Node &aggregate = by.kind == NodeKind::Assign ? *by.kid(0) : by;
        const QString key = quote(of.outputColumns.value(0));
        const QString ranked = quote(by.outputColumns.value(0));
        const QStringList partition = keys;
        values.append(expr(value, env));
        keys.append(key);
        // Group by this level's value within the previous levels' values.
        QStringList columns;
        for (qsizetype i = 0; i < values.size(); ++i)
            columns.append(values[i] + QStringLiteral(" AS ") + keys[i]);
        const QString grouped = addCte(QStringLiteral("SELECT %1, %2 AS %3 FROM %4 GROUP BY %5")
                                               .arg(columns.join(QLatin1String(", ")),
                                                    expr(aggregate, aggregateEnv), ranked, in.cte,
                                                    values.join(QLatin1String(", "))));
        const bool asc = level->option(QStringLiteral("order")) == u"asc";
        const QString order
                = QStringLiteral("%1 %2").arg(ranked, asc ? QStringLiteral("ASC NULLS FIRST")
                                                          : QStringLiteral("DESC NULLS LAST"));
        const QString numbered = addCte(
                QStringLiteral(
                        "SELECT *, row_number() OVER (%1ORDER BY %2) AS \"_vigil_r\" FROM %3")
                        .arg(partition.isEmpty() ? QString()
                                                 : QStringLiteral("PARTITION BY ")
                                                           + partition.join(QLatin1String(", "))
                                                           + QLatin1Char(' '),
                             order, grouped));
        const QString count = level->option(QStringLiteral("count"));
        const QString limit
                = count.isEmpty()
                          ? QStringLiteral("1")
                          : QStringLiteral("r.\"_vigil_r\" <= %1").arg(param(count.toLongLong()));
        if (previous.isEmpty()) {
            previous = addCte(QStringLiteral("SELECT r.%1, r.%2 FROM %3 AS r WHERE %4")
                                      .arg(key, ranked, numbered, limit));
        } else {
            // Only the values inside a kept value of the level above (null keys match).
            QStringList on;
            QStringList outer;
            for (const QString &name : partition)
                on.append(QStringLiteral("p.%1 IS r.%1").arg(name));
            for (const QString &name : std::as_const(kept))
                outer.append(QStringLiteral("p.") + name);
            previous = addCte(QStringLiteral("SELECT %1, r.%2, r.%3 FROM %4 AS p JOIN %5 AS r ON "
                                             "%6 WHERE %7")
                                      .arg(outer.join(QLatin1String(", ")), key, ranked, previous,
                                           numbered, on.join(QLatin1String(" AND ")), limit));
        }
        kept.append(key);
        kept.append(ranked);
    }
    Rel out;
    out.schema = *node.schema;
    out.cte = previous;
    return out;
}

} // namespace Vigil::Kql
