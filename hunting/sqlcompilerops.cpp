#include "sqlcompilerimpl.h"

#include <utility>

// The operators that keep one input: where, project & co., extend, sort, top, take, count,
// distinct, summarize, render, as.
namespace Vigil::Kql {

namespace {

using T = KqlType;

Env envOf(const Rel &rel)
{
    Env env;
    env.row = &rel.schema;
    env.ingest = rel.ingest;
    return env;
}

} // namespace

Rel SqlCompiler::op(const Node &node, const Rel &in)
{
    Rel out = applyOperator(node, in);
    // Kusto's serialize operator page: sort, top and serialize give a serialized row set; these
    // operators take it away; every other operator keeps it (Vigil: when it kept the order).
    switch (node.kind) {
    case NodeKind::OpSort:
    case NodeKind::OpTop:
    case NodeKind::OpSerialize:
        out.serialized = out.ordered;
        break;
    case NodeKind::OpCount:
    case NodeKind::OpDistinct:
    case NodeKind::OpEvaluate:
    case NodeKind::OpJoin:
    case NodeKind::OpMvExpand:
    case NodeKind::OpPartition:
    case NodeKind::OpSample:
    case NodeKind::OpSummarize:
    case NodeKind::OpMakeSeries:
    case NodeKind::OpTopNested:
        out.serialized = false;
        break;
    default:
        out.serialized = in.serialized && out.ordered && !out.partitioned;
        break;
    }
    if (node.kind != NodeKind::OpSort) {
        out.sortSource.clear(); // only take right after a sort may skip it
        out.sortKeys.clear();
    }
    return out;
}

Rel SqlCompiler::applyOperator(const Node &node, const Rel &in)
{
    for (const Column &c : *node.schema) {
        if (c.name.startsWith(QLatin1String("_vigil_")))
            refuse(QStringLiteral("column names starting with _vigil_ are reserved"), node);
    }
    if (in.partitioned) {
        switch (node.kind) {
        case NodeKind::OpWhere:
        case NodeKind::OpProject:
        case NodeKind::OpExtend:
        case NodeKind::OpSerialize:
        case NodeKind::OpDistinct:
        case NodeKind::OpProjectAway:
        case NodeKind::OpProjectKeep:
        case NodeKind::OpProjectReorder:
        case NodeKind::OpProjectRename:
        case NodeKind::OpSort:
        case NodeKind::OpTop:
        case NodeKind::OpTake:
        case NodeKind::OpCount:
        case NodeKind::OpSummarize:
        case NodeKind::OpParse:
        case NodeKind::OpScan:
            break;
        default:
            refuse(QStringLiteral("this operator inside mv-apply's subquery cannot be compiled to "
                                  "SQL yet"),
                   node);
        }
    }
    switch (node.kind) {
    case NodeKind::OpWhere: {
        if (hasWindowCall(*node.kid(0)))
            return windowWhere(node, in);
        Rel out = in;
        out.tableName.clear();
        out.cte = addCte(QStringLiteral("SELECT * FROM %1 WHERE %2")
                                 .arg(in.cte, expr(*node.kid(0), envOf(in), true)));
        return out;
    }
    case NodeKind::OpSerialize:
        if (!in.ordered && !in.partitioned) {
            // Serialized: the rows keep the order they come in, numbered for the window functions.
            Rel numbered = in;
            numbered.tableName.clear();
            numbered.ordered = true;
            numbered.serialized = true;
            numbered.cte = addCte(QStringLiteral("SELECT *, row_number() OVER () AS \"_vigil_ord\" "
                                                 "FROM %1")
                                          .arg(in.cte));
            return projection(node, numbered);
        }
        return projection(node, in);
    case NodeKind::OpProject:
    case NodeKind::OpExtend:
    case NodeKind::OpDistinct:
        return projection(node, in);
    case NodeKind::OpMakeSeries:
        return makeSeries(node, in);
    case NodeKind::OpTopNested:
        return topNested(node, in);
    case NodeKind::OpSearch: {
        // $table names the table the rows come from: known when the input is one.
        if (in.tableName.isEmpty())
            refuse(QStringLiteral("search over a query's result cannot be compiled to SQL yet "
                                  "($table is known for a table only): write search in (Table) "
                                  "…"),
                   node);
        QStringList columns
                = {param(in.tableName) + QStringLiteral(" AS ") + quote(QStringLiteral("$table"))};
        for (qsizetype i = 0; i < in.schema.size(); ++i)
            columns.append(quote(in.schema[i].name) + QStringLiteral(" AS ")
                           + quote(node.schema->at(i + 1).name));
        Rel out = in;
        out.tableName.clear();
        out.schema = *node.schema;
        out.cte = addCte(QStringLiteral("SELECT %1%2 FROM %3 WHERE %4")
                                 .arg(columns.join(QLatin1String(", ")), hiddenColumns(in), in.cte,
                                      expr(*node.kid(0), envOf(in), true)));
        return out;
    }
    case NodeKind::OpProjectAway:
    case NodeKind::OpProjectKeep:
    case NodeKind::OpProjectReorder:
    case NodeKind::OpProjectRename:
        return reshape(node, in);
    case NodeKind::OpSort:
        return sort(node, in);
    case NodeKind::OpTop: {
        Env none;
        const QString count = expr(*node.kid(0), none);
        return take(node, sort(node, in), count);
    }
    case NodeKind::OpTake: {
        Env none;
        return take(node, in, expr(*node.kid(0), none));
    }
    case NodeKind::OpCount: {
        Rel out;
        out.schema = *node.schema;
        if (in.partitioned) {
            // Per input row of mv-apply, a row with 0 too (every input row is a partition).
            out.partitioned = true;
            out.cte = addCte(QStringLiteral("SELECT count(s.\"_vigil_row\") AS %3, "
                                            "p.\"_vigil_row\" FROM %1 AS p LEFT JOIN %2 AS s ON "
                                            "s.\"_vigil_row\" = p.\"_vigil_row\" GROUP BY "
                                            "p.\"_vigil_row\"")
                                     .arg(m_partitions, in.cte, quote(QStringLiteral("Count"))));
            return out;
        }
        out.cte = addCte(QStringLiteral("SELECT count(*) AS %2 FROM %1")
                                 .arg(in.cte, quote(QStringLiteral("Count"))));
        return out;
    }
    case NodeKind::OpSummarize:
        return summarize(node, in);
    case NodeKind::OpJoin:
    case NodeKind::OpLookup:
        return join(node, in);
    case NodeKind::OpUnion:
        return unionOf(node, &in);
    case NodeKind::OpMvExpand:
        return mvExpand(node, in);
    case NodeKind::OpRender:
        return in;
    case NodeKind::OpAs: {
        Binding binding;
        binding.tabular = true;
        binding.rel = in;
        m_scopes.back().insert(node.text, binding);
        return in;
    }
    case NodeKind::OpScan:
        return scan(node, in);
    case NodeKind::OpParse:
        return parse(node, in);
    case NodeKind::OpMvApply:
        return mvApply(node, in);
    case NodeKind::OpPartition:
        return partition(node, in);
    case NodeKind::OpInvoke: {
        // `T | invoke f(a)` is f(T, a).
        const Node &call = *node.kid(0);
        const Binding *fn = findBinding(call.text);
        if ((!fn || !fn->function) && call.text == u"FileProfile")
            return fileProfile(node, in);
        if ((!fn || !fn->function) && call.text == u"SeenBy")
            return seenBy(node, in);
        if ((!fn || !fn->function) && call.text == u"DeviceFromIP")
            return deviceFromIp(node, in);
        if (!fn || !fn->function)
            refuse(QStringLiteral("'invoke %1()' cannot be compiled to SQL").arg(call.text), call);
        Rel input = in;
        input.tableName.clear();
        return callTabularLambda(call, *fn, &input);
    }
    case NodeKind::OpEvaluate:
        if (node.kid(0)->text == u"ipv4_lookup")
            return ipv4Lookup(node, in);
        if (node.kid(0)->text == u"pivot")
            return pivot(node, in);
        if (node.kid(0)->text == u"bag_unpack")
            return bagUnpack(node, in);
        refuse(QStringLiteral("'evaluate %1()' cannot be compiled to SQL yet")
                       .arg(node.kid(0)->text),
               node);
    case NodeKind::OpSample: {
        // Up to N rows drawn at random, in no order (Kusto's sample).
        if (in.partitioned)
            refuse(QStringLiteral("'sample' inside mv-apply's subquery cannot be compiled to SQL"),
                   node);
        Env none;
        QStringList columns;
        for (const Column &c : in.schema)
            columns.append(quote(c.name));
        if (in.ingest)
            columns.append(QStringLiteral("\"_vigil_ingested\""));
        Rel out = in;
        out.tableName.clear();
        out.sortSource.clear();
        out.sortKeys.clear();
        out.ordered = false;
        out.cte = addCte(
                QStringLiteral("SELECT %1 FROM %2 ORDER BY random() LIMIT max(%3, 0)")
                        .arg(columns.join(QLatin1String(", ")), in.cte, expr(*node.kid(0), none)));
        return out;
    }
    case NodeKind::OpGetSchema: {
        // One row per input column: its name, position, .NET type and KQL type.
        static const QHash<KqlType, QString> dataTypes = {
                {T::String, QStringLiteral("System.String")},
                {T::Long, QStringLiteral("System.Int64")},
                {T::Int, QStringLiteral("System.Int32")},
                {T::Real, QStringLiteral("System.Double")},
                {T::Bool, QStringLiteral("System.SByte")},
                {T::DateTime, QStringLiteral("System.DateTime")},
                {T::TimeSpan, QStringLiteral("System.TimeSpan")},
                {T::Dynamic, QStringLiteral("System.Object")},
                {T::Guid, QStringLiteral("System.Guid")},
                {T::Decimal, QStringLiteral("System.Data.SqlTypes.SqlDecimal")},
        };
        QStringList rows;
        const QString names = QStringLiteral("%1 AS %2, %3 AS %4, %5 AS %6, %7 AS %8");
        const QString columnName = quote(QStringLiteral("ColumnName"));
        const QString columnOrdinal = quote(QStringLiteral("ColumnOrdinal"));
        const QString dataType = quote(QStringLiteral("DataType"));
        const QString columnType = quote(QStringLiteral("ColumnType"));
        for (qsizetype i = 0; i < in.schema.size(); ++i) {
            const Column &c = in.schema[i];
            rows.append(QStringLiteral("SELECT ")
                        + names.arg(param(c.name), columnName, param(qlonglong(i)), columnOrdinal,
                                    param(dataTypes.value(c.type)), dataType,
                                    param(kqlTypeName(c.type)), columnType));
        }
        if (rows.isEmpty())
            rows.append(QStringLiteral("SELECT ")
                        + names.arg(QStringLiteral("''"), columnName, QStringLiteral("0"),
                                    columnOrdinal, QStringLiteral("''"), dataType,
                                    QStringLiteral("''"), columnType)
                        + QStringLiteral(" WHERE 0"));
        Rel out;
        out.schema = *node.schema;
        out.cte = addCte(rows.join(QLatin1String(" UNION ALL ")));
        return out;
    }
    default:
        break;
    }
    refuse(QStringLiteral("this operator cannot be compiled to SQL yet"), node);
}

Rel SqlCompiler::projection(const Node &node, const Rel &in)
{
    const Env env = envOf(in);
    Rel out;
    out.schema = *node.schema;
    const bool extend = node.kind == NodeKind::OpExtend || node.kind == NodeKind::OpSerialize;
    if (node.kind == NodeKind::OpDistinct) {
        QStringList columns;
        if (node.count() == 1 && node.kid(0)->kind == NodeKind::Star) {
            for (const Column &c : in.schema)
                columns.append(quote(c.name));
        } else {
            for (const NodePtr &item : node.kids) {
                const Node &value = item->kind == NodeKind::Assign ? *item->kid(0) : *item;
                columns.append(expr(value, env) + QStringLiteral(" AS ")
                               + quote(item->outputColumns.value(0)));
            }
        }
        if (in.partitioned)
            columns.append(QStringLiteral("\"_vigil_row\""));
        out.partitioned = in.partitioned;
        out.cte = addCte(QStringLiteral("SELECT DISTINCT %1 FROM %2")
                                 .arg(columns.join(QLatin1String(", ")), in.cte));
        return out;
    }
    QHash<QString, QString> computed;
    QStringList columns;
    WindowScope scope;
    scope.serialized = in.serialized || node.kind == NodeKind::OpSerialize;
    struct Restore
    {
        WindowScope *&slot;
        WindowScope *saved;
        ~Restore() { slot = saved; }
    } restore{m_window, std::exchange(m_window, in.partitioned ? nullptr : &scope)};
    for (const NodePtr &item : node.kids) {
        const Node &value = item->kind == NodeKind::Assign ? *item->kid(0) : *item;
        const QString name = item->outputColumns.value(0);
        if (name.isEmpty())
            refuse(QStringLiteral("internal error: this column has no name"), *item);
        if (item->outputColumns.size() > 1 && value.kind == NodeKind::Call) {
            // A function that gives several columns: one kql_ call per column, answering its
            // field (series_stats, series_fit_line, series_decompose, …).
            const QStringList fields = multiColumnSql(value, env);
            for (qsizetype k = 0; k < item->outputColumns.size(); ++k) {
                if (extend)
                    computed.insert(item->outputColumns[k], fields.value(k));
                else
                    columns.append(fields.value(k) + QStringLiteral(" AS ")
                                   + quote(item->outputColumns[k]));
            }
            continue;
        }
        const QString sql = expr(value, env);
        if (extend)
            computed.insert(name, sql);
        else
            columns.append(sql + QStringLiteral(" AS ") + quote(name));
    }
    if (extend) {
        for (const Column &c : out.schema) {
            const auto it = computed.constFind(c.name);
            columns.append(it == computed.constEnd()
                                   ? quote(c.name)
                                   : *it + QStringLiteral(" AS ") + quote(c.name));
        }
    }
    // Row-for-row operators keep the input's order and ingestion times.
    out.ingest = in.ingest;
    out.ordered = in.ordered;
    out.partitioned = in.partitioned;
    out.cte = addCte(QStringLiteral("SELECT %1%2 FROM %3")
                             .arg(columns.join(QLatin1String(", ")), hiddenColumns(in),
                                  windowSource(in, scope)));
    return out;
}

Rel SqlCompiler::reshape(const Node &node, const Rel &in)
{
    // SQL has no row without columns; a pattern that keeps or leaves none is refused.
    if (node.schema->isEmpty())
        refuse(QStringLiteral("this leaves no column: name at least one column to keep"), node);
    Rel out;
    out.schema = *node.schema;
    out.ingest = in.ingest;
    out.ordered = in.ordered;
    out.partitioned = in.partitioned;
    QStringList columns;
    if (node.kind == NodeKind::OpProjectRename) {
        // Same columns in the same places, some renamed.
        for (qsizetype i = 0; i < out.schema.size(); ++i)
            columns.append(quote(in.schema[i].name) + QStringLiteral(" AS ")
                           + quote(out.schema[i].name));
    } else {
        for (const Column &c : out.schema)
            columns.append(quote(c.name));
    }
    out.cte = addCte(QStringLiteral("SELECT %1%2 FROM %3")
                             .arg(columns.join(QLatin1String(", ")), hiddenColumns(in), in.cte));
    return out;
}

QString SqlCompiler::sortKeys(const Node &node, const Rel &in)
{
    const Env env = envOf(in);
    QStringList keys;
    for (const NodePtr &kid : node.kids) {
        if (kid->kind != NodeKind::SortKey)
            continue;
        // Kusto sorts descending unless told; nulls come last for desc and first for asc.
        const bool asc = kid->option(QStringLiteral("order")) == u"asc";
        QString nulls = kid->option(QStringLiteral("nulls"));
        if (nulls.isEmpty())
            nulls = asc ? QStringLiteral("first") : QStringLiteral("last");
        const Node &key = *kid->kid(0);
        if (key.type == T::Dynamic)
            refuse(QStringLiteral("sorting by this value cannot be compiled"), key);
        keys.append(
                QStringLiteral("%1 %2 NULLS %3")
                        .arg(expr(key, env), asc ? QStringLiteral("ASC") : QStringLiteral("DESC"),
                             nulls == u"first" ? QStringLiteral("FIRST") : QStringLiteral("LAST")));
    }
    return keys.join(QLatin1String(", "));
}

Rel SqlCompiler::sort(const Node &node, const Rel &in)
{
    const QString keys = sortKeys(node, in);
    Rel out = in;
    out.tableName.clear();
    out.ordered = true;
    out.sortSource = in.cte;
    out.sortKeys = keys;
    QStringList columns;
    for (const Column &c : in.schema)
        columns.append(quote(c.name));
    if (in.ingest)
        columns.append(QStringLiteral("\"_vigil_ingested\""));
    if (in.partitioned)
        columns.append(QStringLiteral("\"_vigil_row\""));
    out.cte = addCte(QStringLiteral("SELECT %1, row_number() OVER (ORDER BY %2) AS \"_vigil_ord\" "
                                    "FROM %3")
                             .arg(columns.join(QLatin1String(", ")), keys, in.cte));
    return out;
}

Rel SqlCompiler::take(const Node &node, const Rel &in, const QString &count)
{
    Q_UNUSED(node)
    Rel out = in;
    out.tableName.clear();
    if (!in.sortSource.isEmpty() && !in.partitioned) {
        // sort | take N (and top N): ORDER BY … LIMIT N on the sort's input, which SQLite runs
        // with a top-N sorter instead of sorting everything, then number the N rows for the
        // order the rest of the query keeps.
        QStringList columns;
        for (const Column &c : in.schema)
            columns.append(quote(c.name));
        if (in.ingest)
            columns.append(QStringLiteral("\"_vigil_ingested\""));
        const QString top = addCte(QStringLiteral("SELECT * FROM %1 ORDER BY %2 LIMIT max(%3, 0)")
                                           .arg(in.sortSource, in.sortKeys, count));
        out.cte = addCte(QStringLiteral("SELECT %1, row_number() OVER (ORDER BY %2) AS "
                                        "\"_vigil_ord\" FROM %3")
                                 .arg(columns.join(QLatin1String(", ")), in.sortKeys, top));
        return out;
    }
    if (in.partitioned) {
        // Inside mv-apply: the first rows of each input row's expansion.
        QStringList columns;
        for (const Column &c : in.schema)
            columns.append(quote(c.name));
        out.cte = addCte(
                QStringLiteral("SELECT %1%2 FROM (SELECT *, row_number() OVER (PARTITION "
                               "BY \"_vigil_row\"%3) AS \"_vigil_n\" FROM %4) WHERE "
                               "\"_vigil_n\" <= %5")
                        .arg(columns.join(QLatin1String(", ")), hiddenColumns(in),
                             in.ordered ? QStringLiteral(" ORDER BY \"_vigil_ord\"") : QString(),
                             in.cte, count));
        return out;
    }
    // Without a sort, Kusto takes any rows: SQLite's first ones are as good.
    out.cte = addCte(
            QStringLiteral("SELECT * FROM %1%2 LIMIT max(%3, 0)")
                    .arg(in.cte,
                         in.ordered ? QStringLiteral(" ORDER BY \"_vigil_ord\"") : QString(),
                         count));
    return out;
}

Rel SqlCompiler::summarize(const Node &node, const Rel &in)
{
    const Env rowEnv = envOf(in);
    Env aggEnv = rowEnv;
    aggEnv.aggregates = true;
    const Node &aggregates = *node.kid(0);
    const Node &keys = *node.kid(1);
    Rel out;
    out.schema = *node.schema;
    QStringList columns;
    for (const NodePtr &item : keys.kids) {
        const Node &value = item->kind == NodeKind::Assign ? *item->kid(0) : *item;
        if (value.type == T::Dynamic)
            refuse(QStringLiteral("grouping by this value cannot be compiled"), value);
        columns.append(expr(value, rowEnv) + QStringLiteral(" AS ")
                       + quote(item->outputColumns.value(0)));
    }
    const qsizetype keyCount = columns.size();
    m_countJoined = in.partitioned && keyCount == 0;
    for (const NodePtr &item : aggregates.kids) {
        const Node &value = item->kind == NodeKind::Assign ? *item->kid(0) : *item;
        const bool multi = value.kind == NodeKind::Call && value.type == T::Dynamic
                           && item->outputColumns.size() != 1;
        const bool argPick = value.kind == NodeKind::Call
                             && (value.text == u"arg_max" || value.text == u"arg_min"
                                 || value.text == u"argmax" || value.text == u"argmin");
        const bool anyPick = value.kind == NodeKind::Call
                             && (value.text == u"take_any" || value.text == u"any")
                             && (value.count() > 1
                                 || (value.count() == 1 && value.kid(0)->kind == NodeKind::Star));
        if (argPick || anyPick || multi) {
            if (!argPick && !anyPick)
                refuse(QStringLiteral("this aggregate cannot be compiled"), value);
            // One pick per output column; every kql_arg_max(by, …) of one group sees the rows in
            // the same order and keeps the first greatest, so they all come from one row.
            // take_any(a, b) picks "the first row" the same way (a constant `by`).
            // argmax/argmin, the old spellings, pick the same row (only their names differ).
            const bool least = value.text == u"arg_min" || value.text == u"argmin";
            const QString pick
                    = least ? QStringLiteral("kql_arg_min") : QStringLiteral("kql_arg_max");
            QString by;
            qsizetype first = 0;
            if (argPick) {
                const Node &t = *value.kid(0);
                by = expr(t, rowEnv);
                first = 1;
            } else {
                by = QStringLiteral("1");
            }
            // Alone in its summarize and returning plain columns, arg_max is SQLite's documented
            // bare-column rule: with one max() (min()) in an aggregate query, the bare columns
            // come from the row that holds it. One pass, and the index on the keys helps.
            // A group whose keys are all null gives its first row (Microsoft's arg_max page, the
            // Banana group): the key goes into max() as -infinity (min(): a blob, above every
            // value), so that those rows tie and the first stays, and the key column shows the
            // row's own value. A real key could itself be -infinity: kql_arg_max keeps it apart.
            bool bare = argPick && aggregates.count() == 1
                        && value.kid(0)->type.value_or(T::Dynamic) != T::Real;
            for (qsizetype k = 1; bare && k < value.count(); ++k)
                bare = value.kid(k)->kind == NodeKind::Star || value.kid(k)->kind == NodeKind::Name;
            QList<QString> produced;
            if (bare)
                produced.append(
                        QStringLiteral("(CASE WHEN %1(coalesce(%2, %3)) IS NOT NULL THEN %2 END)")
                                .arg(least ? QStringLiteral("min") : QStringLiteral("max"), by,
                                     least ? QStringLiteral("x'00'") : QStringLiteral("-9e999")));
            else if (argPick)
                produced.append(QStringLiteral("%1(%2, %2)").arg(pick, by));
            for (qsizetype k = first; k < value.count(); ++k) {
                const Node &arg = *value.kid(k);
                if (arg.kind == NodeKind::Star) {
                    // The input columns the binder chose for `*`.
                    for (const QString &name : arg.outputColumns) {
                        produced.append(
                                bare ? quote(name)
                                     : QStringLiteral("%1(%2, %3)").arg(pick, by, quote(name)));
                    }
                    continue;
                }
                if (arg.outputColumns.isEmpty())
                    continue; // a column `*` or an earlier argument gave already
                const Node &e = (arg.kind == NodeKind::Assign || arg.kind == NodeKind::NamedArg)
                                        ? *arg.kid(0)
                                        : arg;
                produced.append(bare ? expr(e, rowEnv)
                                     : QStringLiteral("%1(%2, %3)").arg(pick, by, expr(e, rowEnv)));
            }
            if (produced.size() != item->outputColumns.size())
                refuse(QStringLiteral("internal error: %1() gives %2 columns, the query %3")
                               .arg(value.text)
                               .arg(produced.size())
                               .arg(item->outputColumns.size()),
                       value);
            for (qsizetype k = 0; k < produced.size(); ++k) {
                const QString name = item->outputColumns[k];
                QString sql = produced[k];
                for (const Column &c : out.schema) {
                    if (c.name == name && c.type == T::String)
                        sql = QStringLiteral("coalesce(%1, '')").arg(sql);
                }
                columns.append(sql + QStringLiteral(" AS ") + quote(name));
            }
            continue;
        }
        columns.append(expr(value, aggEnv) + QStringLiteral(" AS ")
                       + quote(item->outputColumns.value(0)));
    }
    m_countJoined = false;
    QString groupBy;
    QString from = in.cte;
    if (in.partitioned) {
        out.partitioned = true;
        if (keyCount == 0) {
            // Inside mv-apply, a summarize without keys gives a row for every input row, even
            // one whose expansion is empty (count() is then 0): every partition joins in.
            from = QStringLiteral("%1 AS _p LEFT JOIN %2 AS _s ON _s.\"_vigil_row\" = "
                                  "_p.\"_vigil_row\"")
                           .arg(m_partitions, in.cte);
            columns.append(QStringLiteral("_p.\"_vigil_row\" AS \"_vigil_row\""));
            groupBy = QStringLiteral(" GROUP BY _p.\"_vigil_row\"");
        } else {
            columns.append(QStringLiteral("\"_vigil_row\""));
        }
    }
    if (keyCount > 0) {
        QStringList ordinals;
        for (qsizetype i = 1; i <= keyCount; ++i)
            ordinals.append(QString::number(i));
        if (in.partitioned)
            ordinals.append(QStringLiteral("\"_vigil_row\""));
        groupBy = QStringLiteral(" GROUP BY ") + ordinals.join(QLatin1String(", "));
    }
    out.cte = addCte(QStringLiteral("SELECT %1 FROM %2%3")
                             .arg(columns.join(QLatin1String(", ")), from, groupBy));
    return out;
}

} // namespace Vigil::Kql
