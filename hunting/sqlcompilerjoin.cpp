#include "sqlcompilerimpl.h"

#include <utility>

// join, lookup, union and mv-expand: the operators that combine or multiply rows.
namespace Vigil::Kql {

namespace {

using T = KqlType;

int indexOf(const RowSchema &row, const QString &name)
{
    for (int i = 0; i < row.size(); ++i) {
        if (row[i].name == name)
            return i;
    }
    return -1;
}

/** A join key written by name: the column of that name, or Sentinel's/Defender's other name. */
int findKey(const RowSchema &row, const QString &name)
{
    int i = indexOf(row, name);
    if (i >= 0)
        return i;
    static const QString sentinel = QStringLiteral("TimeGenerated");
    static const QString defender = QStringLiteral("Timestamp");
    if (name.startsWith(sentinel))
        return indexOf(row, defender + name.mid(sentinel.size()));
    if (name.startsWith(defender))
        return indexOf(row, sentinel + name.mid(defender.size()));
    return -1;
}

} // namespace

Rel SqlCompiler::join(const Node &node, const Rel &left)
{
    const bool lookup = node.kind == NodeKind::OpLookup;
    QString kind = node.option(QStringLiteral("kind"));
    if (kind.isEmpty())
        kind = lookup ? QStringLiteral("leftouter") : QStringLiteral("innerunique");
    const QList<const Node *> leftFilters = std::exchange(m_leftFilters, {});
    const Rel right = tabular(*node.kid(0));
    QStringList conditions;
    QStringList leftKeys;
    QStringList rightKeys;
    for (qsizetype k = 1; k < node.count(); ++k) {
        const Node &condition = *node.kid(k);
        int l = -1;
        int r = -1;
        if (condition.kind == NodeKind::Name) {
            l = findKey(left.schema, condition.text);
            r = findKey(right.schema, condition.text);
        } else {
            l = indexOf(left.schema, condition.kid(0)->value);
            r = indexOf(right.schema, condition.kid(1)->value);
        }
        if (l < 0 || r < 0)
            refuse(QStringLiteral("internal error: the join key is not found"), condition);
        leftKeys.append(quote(left.schema[l].name));
        rightKeys.append(right.schema[r].name);
        conditions.append(QStringLiteral("l.%1 = r.%2")
                                  .arg(quote(left.schema[l].name), quote(right.schema[r].name)));
    }
    const QString on = conditions.join(QLatin1String(" AND "));
    Rel out;
    out.schema = *node.schema;
    auto columnsOf = [](const Rel &rel, const QString &alias) {
        QStringList columns;
        for (const Column &c : rel.schema)
            columns.append(alias + quote(c.name));
        return columns.join(QLatin1String(", "));
    };
    if (kind == u"leftsemi" || kind == u"leftanti" || kind == u"anti" || kind == u"leftantisemi") {
        const bool anti = kind != u"leftsemi";
        out.cte = addCte(QStringLiteral("SELECT %1 FROM %2 AS l WHERE %3EXISTS (SELECT 1 FROM %4 "
                                        "AS r WHERE %5)")
                                 .arg(columnsOf(left, QStringLiteral("l.")), left.cte,
                                      anti ? QStringLiteral("NOT ") : QString(), right.cte, on));
        return out;
    }
    if (kind == u"rightsemi" || kind == u"rightanti" || kind == u"rightantisemi") {
        const bool anti = kind != u"rightsemi";
        out.cte = addCte(QStringLiteral("SELECT %1 FROM %2 AS r WHERE %3EXISTS (SELECT 1 FROM %4 "
                                        "AS l WHERE %5)")
                                 .arg(columnsOf(right, QStringLiteral("r.")), right.cte,
                                      anti ? QStringLiteral("NOT ") : QString(), left.cte, on));
        return out;
    }
    QString leftSource = left.cte;
    if (kind == u"innerunique") {
        // A `where` right after the join that reads only the left's columns filters the left
        // side before one row per key is kept: the "join innerunique" page's `where value ==
        // "val1.2"` "gives the second result and will never give the first". The `where` still
        // runs after the join, where it keeps every row.
        QString filtered = left.cte;
        if (!leftFilters.isEmpty()) {
            Env env;
            env.row = &left.schema;
            env.ingest = left.ingest;
            QStringList tests;
            for (const Node *test : leftFilters)
                tests.append(expr(*test, env, true));
            filtered = addCte(QStringLiteral("SELECT * FROM %1 WHERE %2")
                                      .arg(left.cte, tests.join(QLatin1String(" AND "))));
        }
        // Kusto keeps one (any) left row per key, then joins (the "join innerunique" page).
        leftSource = addCte(
                QStringLiteral("SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY %1) AS "
                               "\"_vigil_rn\" FROM %2) WHERE \"_vigil_rn\" = 1")
                        .arg(leftKeys.join(QLatin1String(", ")), filtered));
    }
    QString sqlJoin;
    bool leftOptional = false;
    bool rightOptional = false;
    if (kind == u"inner" || kind == u"innerunique") {
        sqlJoin = QStringLiteral("JOIN");
    } else if (kind == u"leftouter") {
        sqlJoin = QStringLiteral("LEFT JOIN");
        rightOptional = true;
    } else if (kind == u"rightouter") {
        sqlJoin = QStringLiteral("RIGHT JOIN");
        leftOptional = true;
    } else if (kind == u"fullouter") {
        sqlJoin = QStringLiteral("FULL JOIN");
        leftOptional = rightOptional = true;
    } else {
        refuse(QStringLiteral("join kind=%1 cannot be compiled").arg(kind), node);
    }
    // The output: the left's columns, then the right's (lookup: without its keys), renamed as
    // the binder said. A side that may be missing gives "" for strings (never null), null else.
    QStringList columns;
    qsizetype o = 0;
    auto add = [&](const Rel &rel, const QString &alias, bool optional, bool skipKeys) {
        for (const Column &c : rel.schema) {
            if (skipKeys && rightKeys.contains(c.name))
                continue;
            QString sql = alias + quote(c.name);
            if (optional && c.type == T::String)
                sql = QStringLiteral("coalesce(%1, '')").arg(sql);
            columns.append(sql + QStringLiteral(" AS ") + quote(out.schema.value(o).name));
            ++o;
        }
    };
    add(left, QStringLiteral("l."), leftOptional, false);
    add(right, QStringLiteral("r."), rightOptional, lookup);
    if (o != out.schema.size())
        refuse(QStringLiteral("internal error: the join gives %1 columns, the query %2")
                       .arg(o)
                       .arg(out.schema.size()),
               node);
    out.cte = addCte(
            QStringLiteral("SELECT %1 FROM %2 AS l %3 %4 AS r ON %5")
                    .arg(columns.join(QLatin1String(", ")), leftSource, sqlJoin, right.cte, on));
    return out;
}

Rel SqlCompiler::ipv4Lookup(const Node &node, const Rel &left)
{
    // Each input row with every row of the table whose IPv4 key (a range in IP-prefix notation)
    // holds the input's address, and whose extra keys are equal; return_unmatched keeps the
    // input rows without a match (the table's columns then "" for strings, null else).
    if (left.partitioned)
        refuse(QStringLiteral("evaluate ipv4_lookup() inside mv-apply or partition cannot be "
                              "compiled to SQL yet"),
               node);
    const Node &call = *node.kid(0);
    const Rel right = tabular(*call.kid(0));
    const bool unmatched = node.option(QStringLiteral("return_unmatched")) == u"true";
    QStringList conditions = {QStringLiteral("coalesce(kql_ipv4_is_in_range(l.%1, r.%2), 0)")
                                      .arg(quote(call.kid(1)->value), quote(call.kid(2)->value))};
    QStringList extras;
    for (qsizetype k = 3; k < call.count(); ++k) {
        const Node &extra = *call.kid(k);
        if (extra.kind != NodeKind::Name)
            break; // return_unmatched
        conditions.append(QStringLiteral("l.%1 = r.%2").arg(quote(extra.text), quote(extra.value)));
        extras.append(extra.value);
    }
    Rel out;
    out.schema = *node.schema;
    QStringList columns;
    qsizetype o = 0;
    for (const Column &c : left.schema)
        columns.append(
                QStringLiteral("l.%1 AS %2").arg(quote(c.name), quote(out.schema[o++].name)));
    for (const Column &c : right.schema) {
        if (extras.contains(c.name))
            continue;
        QString sql = QStringLiteral("r.") + quote(c.name);
        if (unmatched && c.type == T::String)
            sql = QStringLiteral("coalesce(%1, '')").arg(sql);
        columns.append(sql + QStringLiteral(" AS ") + quote(out.schema.value(o++).name));
    }
    if (o != out.schema.size())
        refuse(QStringLiteral("internal error: ipv4_lookup gives %1 columns, the query %2")
                       .arg(o)
                       .arg(out.schema.size()),
               node);
    out.cte = addCte(QStringLiteral("SELECT %1 FROM %2 AS l %3 %4 AS r ON %5")
                             .arg(columns.join(QLatin1String(", ")), left.cte,
                                  unmatched ? QStringLiteral("LEFT JOIN") : QStringLiteral("JOIN"),
                                  right.cte, conditions.join(QLatin1String(" AND "))));
    return out;
}

Rel SqlCompiler::unionOf(const Node &node, const Rel *input)
{
    QList<Rel> branches;
    if (input)
        branches.append(*input);
    for (const NodePtr &kid : node.kids)
        branches.append(tabular(*kid));
    const QString source = node.option(QStringLiteral("withsource"));
    // The binder's rule: columns by name in order of first appearance; a name with several
    // types is one column per type.
    QStringList order;
    QHash<QString, QList<T>> types;
    for (const Rel &branch : branches) {
        for (const Column &c : branch.schema) {
            if (!types.contains(c.name))
                order.append(c.name);
            QList<T> &list = types[c.name];
            if (!list.contains(c.type))
                list.append(c.type);
        }
    }
    QList<std::pair<QString, T>> wanted; // (branch column name, type) per output column
    for (const QString &name : order) {
        for (T t : types[name])
            wanted.append({name, t});
    }
    Rel out;
    out.schema = *node.schema;
    const qsizetype offset = source.isEmpty() ? 0 : 1;
    if (wanted.size() + offset != out.schema.size())
        refuse(QStringLiteral("internal error: the union gives other columns than the query"),
               node);
    QStringList selects;
    for (qsizetype b = 0; b < branches.size(); ++b) {
        const Rel &branch = branches[b];
        QStringList cells;
        if (!source.isEmpty()) {
            if (branch.tableName.isEmpty())
                refuse(QStringLiteral("union withsource= cannot be compiled when a branch is not "
                                      "a table name"),
                       node);
            cells.append(param(branch.tableName) + QStringLiteral(" AS ")
                         + quote(out.schema[0].name));
        }
        for (qsizetype i = 0; i < wanted.size(); ++i) {
            const auto &[name, t] = wanted[i];
            bool has = false;
            for (const Column &c : branch.schema)
                has = has || (c.name == name && c.type == t);
            cells.append((has ? quote(name) : nullOf(t)) + QStringLiteral(" AS ")
                         + quote(out.schema[i + offset].name));
        }
        selects.append(QStringLiteral("SELECT %1 FROM %2")
                               .arg(cells.join(QLatin1String(", ")), branch.cte));
    }
    out.cte = addCte(selects.join(QLatin1String(" UNION ALL ")));
    return out;
}

Rel SqlCompiler::mvExpand(const Node &node, const Rel &in, const RowSchema *expandedSchema)
{
    const Node *item = nullptr;
    int items = 0;
    for (const NodePtr &kid : node.kids) {
        if (kid->kind != NodeKind::MvExpandItem)
            continue;
        ++items;
        if (!item)
            item = kid.get();
    }
    if (!item)
        refuse(QStringLiteral("mv-expand needs a column"), node);
    if (items > 1)
        return mvExpandZip(node, in, expandedSchema);
    const Env env{&in.schema, QString(), in.ingest, false};
    const QString value = expr(*item->kid(0), env);
    QString bag = node.option(QStringLiteral("bagexpansion"));
    if (bag.isEmpty())
        bag = node.option(QStringLiteral("kind"));
    // Microsoft's mv-expand page: a null value gives one row (null), an empty array or bag
    // none, and each element one row, in order. json_each of '[null]' gives that one row.
    const QString element = QStringLiteral(
            "(CASE je.type WHEN 'object' THEN je.value WHEN 'array' THEN je.value WHEN 'null' "
            "THEN NULL WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE json_quote(je.value) "
            "END)");
    const QString wrapped = bag == u"array"
                                    ? QStringLiteral("json_array(je.key, json(%1))").arg(element)
                                    : QStringLiteral("json_object(je.key, json(%1))").arg(element);
    QString expanded = QStringLiteral("(CASE WHEN json_type(%1) = 'object' THEN %2 ELSE %3 END)")
                               .arg(QStringLiteral("_e.\"_vigil_v\""), wrapped, element);
    const QString to = item->value;
    if (!to.isEmpty() && to != u"dynamic") {
        // "The operation of applying type is cast-only": an element of another type is null.
        static const QHash<QString, QString> casts = {
                {QStringLiteral("long"),
                 QStringLiteral("(CASE WHEN je.type = 'integer' THEN je.value END)")},
                {QStringLiteral("int"),
                 QStringLiteral("(CASE WHEN je.type = 'integer' THEN je.value END)")},
                {QStringLiteral("real"),
                 QStringLiteral("(CASE WHEN je.type IN ('integer', 'real') THEN CAST(je.value AS "
                                "REAL) END)")},
                {QStringLiteral("double"),
                 QStringLiteral("(CASE WHEN je.type IN ('integer', 'real') THEN CAST(je.value AS "
                                "REAL) END)")},
                {QStringLiteral("bool"),
                 QStringLiteral("(CASE je.type WHEN 'true' THEN 1 WHEN 'false' THEN 0 END)")},
                {QStringLiteral("boolean"),
                 QStringLiteral("(CASE je.type WHEN 'true' THEN 1 WHEN 'false' THEN 0 END)")},
                {QStringLiteral("string"),
                 QStringLiteral("coalesce(kql_tostring(kql_dyn(%1)), '')")},
                // A datetime or timespan in a dynamic value is its text (make-series writes
                // its bins so); an element of another kind is null.
                {QStringLiteral("datetime"),
                 QStringLiteral("(CASE WHEN je.type = 'text' THEN kql_todatetime(je.value) END)")},
                {QStringLiteral("date"),
                 QStringLiteral("(CASE WHEN je.type = 'text' THEN kql_todatetime(je.value) END)")},
                {QStringLiteral("timespan"),
                 QStringLiteral("(CASE WHEN je.type = 'text' THEN kql_totimespan(je.value) END)")},
                {QStringLiteral("time"),
                 QStringLiteral("(CASE WHEN je.type = 'text' THEN kql_totimespan(je.value) END)")},
        };
        if (!casts.contains(to))
            refuse(QStringLiteral("mv-expand to typeof(%1) cannot be compiled to SQL yet").arg(to),
                   *item);
        if (to == u"string")
            expanded = casts.value(to).arg(expanded);
        else
            expanded = QStringLiteral("(CASE WHEN json_type(_e.\"_vigil_v\") = 'object' THEN NULL "
                                      "ELSE %1 END)")
                               .arg(casts.value(to));
    }
    Rel out;
    out.schema = expandedSchema ? *expandedSchema : *node.schema;
    out.ingest = in.ingest;
    out.partitioned = in.partitioned;
    const QString index = node.option(QStringLiteral("with_itemindex"));
    QStringList columns;
    for (const Column &c : out.schema) {
        if (c.name == item->outputColumns.value(0))
            columns.append(expanded + QStringLiteral(" AS ") + quote(c.name));
        else if (!index.isEmpty() && c.name == index)
            columns.append(QStringLiteral("(CASE WHEN json_type(_e.\"_vigil_v\") = 'object' THEN "
                                          "(SELECT count(*) FROM json_each(_e.\"_vigil_v\") AS x "
                                          "WHERE x.id < je.id) ELSE je.key END) AS ")
                           + quote(c.name));
        else
            columns.append(QStringLiteral("_e.") + quote(c.name));
    }
    // Text that is not JSON is a JSON string (the kql_ functions' rule).
    // limit N: the first N elements of each value (their index below N).
    const QString limited
            = rowLimit(node).isEmpty()
                      ? QString()
                      : QStringLiteral(" WHERE coalesce(CASE WHEN json_type(_e.\"_vigil_v\") = "
                                       "'object' THEN (SELECT count(*) FROM json_each(_e."
                                       "\"_vigil_v\") AS x WHERE x.id < je.id) ELSE je.key END, "
                                       "0) < %1")
                                .arg(rowLimit(node));
    out.cte = addCte(
            QStringLiteral("SELECT %1%2 FROM (SELECT *, %3 AS \"_vigil_v\" FROM %4) AS _e, "
                           "json_each(CASE WHEN _e.\"_vigil_v\" IS NULL THEN '[null]' "
                           "WHEN json_valid(_e.\"_vigil_v\") THEN _e.\"_vigil_v\" ELSE "
                           "json_quote(_e.\"_vigil_v\") END) AS je%5")
                    .arg(columns.join(QLatin1String(", ")),
                         QString((in.ingest ? QStringLiteral(", _e.\"_vigil_ingested\"")
                                            : QString())
                                 + (in.partitioned ? QStringLiteral(", _e.\"_vigil_row\"")
                                                   : QString())
                                 + (in.ordered ? QStringLiteral(
                                            ", row_number() OVER (ORDER BY _e.\"_vigil_ord\", "
                                            "je.id) AS \"_vigil_ord\"")
                                               : QString())),
                         value, in.cte, limited));
    // After a sort, the rows of one input row follow it, in the order of its elements.
    out.ordered = in.ordered;
    return out;
}

QString SqlCompiler::rowLimit(const Node &node) const
{
    const QString text = node.option(QStringLiteral("limit"));
    if (text.isEmpty())
        return {};
    bool ok = false;
    const qint64 n = text.toLongLong(&ok, 0);
    if (!ok)
        refuse(QStringLiteral("the limit of mv-expand is not a number Vigil can read"), node);
    return QString::number(std::max<qint64>(n, 0));
}

Rel SqlCompiler::mvExpandZip(const Node &node, const Rel &in, const RowSchema *expandedSchema)
{
    // Several columns expand "in parallel" (Microsoft's mv-expand page): as many rows as the
    // longest, the shorter padded with null; a null counts as one element, an empty array or bag
    // as none. The row index runs over the longest value (the driver); each value gives its
    // element at that index: an array's by position, a bag's as a one-property bag (or
    // [key, value] with kind=array), a null or scalar at index 0 only.
    QString bag = node.option(QStringLiteral("bagexpansion"));
    if (bag.isEmpty())
        bag = node.option(QStringLiteral("kind"));
    const Env env{&in.schema, QString(), in.ingest, false};
    QList<const Node *> items;
    QStringList values;
    for (const NodePtr &kid : node.kids) {
        if (kid->kind != NodeKind::MvExpandItem)
            continue;
        const qsizetype i = items.size() + 1;
        items.append(kid.get());
        values.append(QStringLiteral("(CASE WHEN %1 IS NULL THEN NULL WHEN json_valid(%1) THEN %1 "
                                     "ELSE json_quote(%1) END) AS \"_vigil_v%2\"")
                              .arg(expr(*kid->kid(0), env))
                              .arg(i));
    }
    auto v = [](qsizetype i) { return QStringLiteral("_f.\"_vigil_v%1\"").arg(i + 1); };
    auto count = [](const QString &x) {
        return QStringLiteral("(CASE json_type(%1) WHEN 'array' THEN json_array_length(%1) WHEN "
                              "'object' THEN (SELECT count(*) FROM json_each(%1)) ELSE 1 END)")
                .arg(x);
    };
    QStringList picks;
    for (qsizetype i = 0; i < items.size(); ++i) {
        QStringList longest;
        const QString inner = QStringLiteral("\"_vigil_v%1\"").arg(i + 1);
        for (qsizetype k = 0; k < items.size(); ++k) {
            if (k != i)
                longest.append(QStringLiteral("%1 >= %2")
                                       .arg(count(inner),
                                            count(QStringLiteral("\"_vigil_v%1\"").arg(k + 1))));
        }
        picks.append(
                QStringLiteral("WHEN %1 THEN %2").arg(longest.join(QLatin1String(" AND ")), inner));
    }
    const QString driver = QStringLiteral("_e.\"_vigil_d\"");
    // The index of the row in its driver: an array's key, a bag's position.
    const QString driverIndex
            = QStringLiteral("(CASE WHEN json_type(%1) = 'object' THEN (SELECT count(*) FROM "
                             "json_each(%1) AS x WHERE x.id < je.id) ELSE je.key END)")
                      .arg(driver);
    const QString index = QStringLiteral("_f.\"_vigil_i\"");
    const QString property = bag == u"array" ? QStringLiteral("json_array(x.key, json(%1))")
                                             : QStringLiteral("json_object(x.key, json(%1))");
    const QString propertyValue = QStringLiteral(
            "CASE x.type WHEN 'object' THEN x.value WHEN 'array' THEN x.value WHEN 'null' THEN "
            "'null' WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE json_quote(x.value) "
            "END");
    static const QHash<QString, QString> casts = {
            {QStringLiteral("long"),
             QStringLiteral(
                     "(CASE WHEN json_type(%1) = 'integer' THEN json_extract(%1, '$') END)")},
            {QStringLiteral("int"),
             QStringLiteral(
                     "(CASE WHEN json_type(%1) = 'integer' THEN json_extract(%1, '$') END)")},
            {QStringLiteral("real"),
             QStringLiteral("(CASE WHEN json_type(%1) IN ('integer', 'real') THEN "
                            "CAST(json_extract(%1, '$') AS REAL) END)")},
            {QStringLiteral("double"),
             QStringLiteral("(CASE WHEN json_type(%1) IN ('integer', 'real') THEN "
                            "CAST(json_extract(%1, '$') AS REAL) END)")},
            {QStringLiteral("bool"),
             QStringLiteral("(CASE json_type(%1) WHEN 'true' THEN 1 WHEN 'false' THEN 0 END)")},
            {QStringLiteral("boolean"),
             QStringLiteral("(CASE json_type(%1) WHEN 'true' THEN 1 WHEN 'false' THEN 0 END)")},
            {QStringLiteral("string"), QStringLiteral("coalesce(kql_tostring(kql_dyn(%1)), '')")},
            {QStringLiteral("datetime"),
             QStringLiteral("(CASE WHEN json_type(%1) = 'text' THEN "
                            "kql_todatetime(json_extract(%1, '$')) END)")},
            {QStringLiteral("date"), QStringLiteral("(CASE WHEN json_type(%1) = 'text' THEN "
                                                    "kql_todatetime(json_extract(%1, '$')) END)")},
            {QStringLiteral("timespan"),
             QStringLiteral("(CASE WHEN json_type(%1) = 'text' THEN "
                            "kql_totimespan(json_extract(%1, '$')) END)")},
            {QStringLiteral("time"), QStringLiteral("(CASE WHEN json_type(%1) = 'text' THEN "
                                                    "kql_totimespan(json_extract(%1, '$')) END)")},
    };
    QHash<QString, QString> expanded;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString x = v(i);
        QString element
                = QStringLiteral(
                          "(CASE json_type(%1) WHEN 'array' THEN nullif(%1 -> ('$[' || %2 || "
                          "']'), 'null') WHEN 'object' THEN (SELECT %3 FROM json_each(%1) AS "
                          "x WHERE (SELECT count(*) FROM json_each(%1) AS y WHERE y.id < x.id) "
                          "= %2) ELSE (CASE WHEN %2 = 0 THEN nullif(%1, 'null') END) END)")
                          .arg(x, index, property.arg(propertyValue));
        const QString to = items[i]->value;
        if (!to.isEmpty() && to != u"dynamic") {
            if (!casts.contains(to))
                refuse(QStringLiteral("mv-expand to typeof(%1) cannot be compiled to SQL yet")
                               .arg(to),
                       *items[i]);
            element = casts.value(to).arg(element);
        }
        expanded.insert(items[i]->outputColumns.value(0), element);
    }
    Rel out;
    out.schema = expandedSchema ? *expandedSchema : *node.schema;
    out.ingest = in.ingest;
    out.partitioned = in.partitioned;
    const QString indexName = node.option(QStringLiteral("with_itemindex"));
    QStringList columns;
    for (const Column &c : out.schema) {
        if (expanded.contains(c.name))
            columns.append(expanded.value(c.name) + QStringLiteral(" AS ") + quote(c.name));
        else if (!indexName.isEmpty() && c.name == indexName)
            columns.append(index + QStringLiteral(" AS ") + quote(c.name));
        else
            columns.append(QStringLiteral("_f.") + quote(c.name));
    }
    QString hidden;
    if (in.ingest)
        hidden += QStringLiteral(", _f.\"_vigil_ingested\"");
    if (in.partitioned)
        hidden += QStringLiteral(", _f.\"_vigil_row\"");
    if (in.ordered)
        hidden += QStringLiteral(
                ", row_number() OVER (ORDER BY _f.\"_vigil_ord\", _f.\"_vigil_j\") "
                "AS \"_vigil_ord\"");
    out.ordered = in.ordered;
    out.cte = addCte(
            QStringLiteral(
                    "SELECT %1%2 FROM (SELECT _e.*, %3 AS \"_vigil_i\", je.id AS \"_vigil_j\" "
                    "FROM (SELECT *, (CASE %4 END) AS \"_vigil_d\" FROM (SELECT *, %5 FROM "
                    "%6)) AS _e, json_each(CASE WHEN json_type(%7) IN ('array', 'object') "
                    "THEN %7 ELSE '[null]' END) AS je) AS _f%8")
                    .arg(columns.join(QLatin1String(", ")), hidden, driverIndex,
                         picks.join(QLatin1Char(' ')), values.join(QLatin1String(", ")), in.cte,
                         driver,
                         rowLimit(node).isEmpty() ? QString()
                                                  : QStringLiteral(" WHERE coalesce(%1, 0) < %2")
                                                            .arg(index, rowLimit(node))));
    return out;
}

Rel SqlCompiler::mvApply(const Node &node, const Rel &in)
{
    if (in.partitioned || m_implicitInput)
        refuse(QStringLiteral("mv-apply inside mv-apply cannot be compiled to SQL yet"), node);
    // Each input row is a partition (`_vigil_row`): the subquery's operators work per partition
    // (take, top and summarize included), then its rows join their input row again. An input
    // row whose subquery gives no row is gone, as in Kusto.
    QStringList columns;
    for (const Column &c : in.schema)
        columns.append(quote(c.name));
    Rel numbered;
    numbered.schema = in.schema;
    numbered.partitioned = true;
    numbered.cte = addCte(
            QStringLiteral("SELECT %1, row_number() OVER () AS \"_vigil_row\"%2 FROM %3")
                    .arg(columns.join(QLatin1String(", ")),
                         in.ordered ? QStringLiteral(", \"_vigil_ord\"") : QString(), in.cte));
    m_partitions = addCte(QStringLiteral("SELECT \"_vigil_row\" FROM %1").arg(numbered.cte));
    const Node &sub = *node.kids.back();
    if (!sub.kid(0) || !sub.kid(0)->schema)
        refuse(QStringLiteral("internal error: mv-apply's subquery has no input"), node);
    m_implicitInput = mvExpand(node, numbered, sub.kid(0)->schema.get());
    const Rel result = pipeline(sub);
    m_implicitInput.reset();
    m_partitions.clear();
    Rel out;
    out.schema = *node.schema;
    const qsizetype own = out.schema.size() - result.schema.size();
    if (own < 0)
        refuse(QStringLiteral("internal error: mv-apply's columns differ from the query's"), node);
    QStringList select;
    for (qsizetype i = 0; i < out.schema.size(); ++i) {
        const QString source = i < own ? QStringLiteral("n.") + quote(out.schema[i].name)
                                       : QStringLiteral("s.") + quote(result.schema[i - own].name);
        select.append(source + QStringLiteral(" AS ") + quote(out.schema[i].name));
    }
    if (in.ordered) {
        select.append(
                QStringLiteral("row_number() OVER (ORDER BY n.\"_vigil_ord\"%1) AS "
                               "\"_vigil_ord\"")
                        .arg(result.ordered ? QStringLiteral(", s.\"_vigil_ord\"") : QString()));
        out.ordered = true;
    }
    out.cte = addCte(QStringLiteral("SELECT %1 FROM %2 AS s JOIN %3 AS n ON n.\"_vigil_row\" = "
                                    "s.\"_vigil_row\"")
                             .arg(select.join(QLatin1String(", ")), result.cte, numbered.cte));
    return out;
}

Rel SqlCompiler::partition(const Node &node, const Rel &in)
{
    if (in.partitioned || m_implicitInput)
        refuse(QStringLiteral("partition inside mv-apply or partition cannot be compiled to SQL "
                              "yet"),
               node);
    // The rows of a partition share a `_vigil_row` (the rank of their value; null is one
    // partition too): the subquery's operators then work per partition, as inside mv-apply.
    QStringList columns;
    for (const Column &c : in.schema)
        columns.append(quote(c.name));
    Rel numbered;
    numbered.schema = in.schema;
    numbered.partitioned = true;
    numbered.ordered = in.ordered;
    numbered.cte = addCte(
            QStringLiteral("SELECT %1, dense_rank() OVER (ORDER BY %2) AS \"_vigil_row\"%3 FROM %4")
                    .arg(columns.join(QLatin1String(", ")), quote(node.kid(0)->value),
                         in.ordered ? QStringLiteral(", \"_vigil_ord\"") : QString(), in.cte));
    m_partitions
            = addCte(QStringLiteral("SELECT DISTINCT \"_vigil_row\" FROM %1").arg(numbered.cte));
    m_implicitInput = numbered;
    const Rel result = pipeline(*node.kid(1));
    m_implicitInput.reset();
    m_partitions.clear();
    Rel out;
    out.schema = *node.schema;
    if (out.schema.size() != result.schema.size())
        refuse(QStringLiteral("internal error: partition's columns differ from the query's"), node);
    QStringList select;
    for (qsizetype i = 0; i < out.schema.size(); ++i)
        select.append(quote(result.schema[i].name) + QStringLiteral(" AS ")
                      + quote(out.schema[i].name));
    out.cte = addCte(
            QStringLiteral("SELECT %1 FROM %2").arg(select.join(QLatin1String(", ")), result.cte));
    return out;
}

Node SqlCompiler::pivotColumn(const Node &op)
{
    const Node &column = *op.kid(0)->kid(0);
    Node name;
    name.kind = NodeKind::Name;
    name.text = column.value;
    name.type = column.type;
    return name;
}

Rel SqlCompiler::pivot(const Node &node, const Rel &in)
{
    // The keys of the binder; per value, the aggregate of the key's rows whose pivot value (as
    // text, the column's name) is that value, computed once per (key, value) first; where a key
    // has no row of a value, the aggregate's value over no rows (the binder's comment).
    if (in.partitioned)
        refuse(QStringLiteral("evaluate pivot() inside mv-apply or partition cannot be compiled "
                              "to SQL yet"),
               node);
    if (node.option(QStringLiteral("open")) == u"true")
        refuse(QStringLiteral("the columns of evaluate pivot() come from the data: they are "
                              "known when the query runs"),
               node);
    const Node &call = *node.kid(0);
    Env env;
    env.row = &in.schema;
    const QString value = QStringLiteral("coalesce(%1, '')").arg(asString(pivotColumn(node), env));
    const Node *aggregate
            = call.count() > 1 && call.kid(1)->kind == NodeKind::Call ? call.kid(1) : nullptr;
    QString cell = QStringLiteral("count(*)");
    QString empty = QStringLiteral("0");
    if (aggregate) {
        Env agg = env;
        agg.aggregates = true;
        cell = aggregateCall(*aggregate, agg);
        const QString &name = aggregate->text;
        const T type = aggregate->type.value_or(T::Dynamic);
        if (name.startsWith(QLatin1String("make_")))
            empty = QStringLiteral("'[]'");
        else if (type == T::Real)
            empty = name == u"count" || name == u"dcount" || name == u"sum" || name == u"stdev"
                                    || name == u"variance"
                            ? QStringLiteral("0.0")
                            : QStringLiteral("NULL");
        else if (name != u"count" && name != u"dcount" && name != u"sum")
            empty = type == T::String ? QStringLiteral("''") : QStringLiteral("NULL");
    }
    QStringList keys;
    QStringList values;
    for (const auto &[key, text] : node.options) {
        if (key == u"key")
            keys.append(text);
        else if (key == u"value")
            values.append(text);
    }
    Rel out;
    out.schema = *node.schema;
    if (out.schema.isEmpty())
        refuse(QStringLiteral("evaluate pivot() gives no column here (no other column, and no "
                              "value to pivot)"),
               node);
    if (keys.size() + values.size() != out.schema.size())
        refuse(QStringLiteral("internal error: pivot's columns differ from the query's"), node);
    QStringList groups;
    for (const QString &key : keys)
        groups.append(quote(key));
    // One row per (key, value): the aggregate of its rows.
    const QString cells = addCte(
            QStringLiteral(
                    "SELECT %1%2 AS \"_vigil_pv\", %3 AS \"_vigil_pc\" FROM %4 GROUP BY %1%2")
                    .arg(groups.isEmpty() ? QString()
                                          : groups.join(QLatin1String(", ")) + QStringLiteral(", "),
                         value, cell, in.cte));
    QStringList select;
    qsizetype v = 0;
    for (const Column &c : out.schema) {
        if (keys.contains(c.name)) {
            select.append(quote(c.name));
            continue;
        }
        const QString match = QStringLiteral("\"_vigil_pv\" = %1").arg(param(values.value(v++)));
        // At most one row matches in a group: max() picks its value, whatever its type.
        select.append(QStringLiteral("(CASE WHEN count(CASE WHEN %1 THEN 1 END) = 0 THEN %2 ELSE "
                                     "max(CASE WHEN %1 THEN \"_vigil_pc\" END) END) AS %3")
                              .arg(match, empty, quote(c.name)));
    }
    out.cte = addCte(QStringLiteral("SELECT %1 FROM %2%3")
                             .arg(select.join(QLatin1String(", ")), cells,
                                  groups.isEmpty() ? QString()
                                                   : QStringLiteral(" GROUP BY ")
                                                             + groups.join(QLatin1String(", "))));
    return out;
}

} // namespace Vigil::Kql
