// evaluate bag_unpack(): the input's columns but the bag, then one column per slot. The binder
// names the slots (the declared columns, or those the first read of the data found, with their
// types); each cell is kql_bag_slot(bag, slot, type).
#include "sqlcompilerimpl.h"

namespace Vigil::Kql {

namespace {

using T = KqlType;

Node bagColumn(const Node &op)
{
    const Node &column = *op.kid(0)->kid(0);
    Node name;
    name.kind = NodeKind::Name;
    name.text = column.value.isEmpty() ? column.text : column.value;
    name.type = T::Dynamic;
    return name;
}

} // namespace

QString SqlCompiler::bagUnpackProbe(const Node &op, const Rel &in)
{
    // Per slot name, the kinds of its values (a null is none): one kind is the column's type,
    // several (or only nulls) make it dynamic.
    Env env;
    env.row = &in.schema;
    const QString bag = asDynamic(bagColumn(op), env);
    return addCte(QStringLiteral(
                          "SELECT s.key AS \"value\", CASE count(DISTINCT nullif(s.value, 'null')) "
                          "WHEN 1 THEN max(nullif(s.value, 'null')) ELSE 'dynamic' END AS "
                          "\"type\" FROM (SELECT %1 AS \"_vigil_b\" FROM %2) AS t, "
                          "json_each(kql_bag_slot_kinds(t.\"_vigil_b\")) AS s GROUP BY s.key")
                          .arg(bag, in.cte));
}

Rel SqlCompiler::bagUnpack(const Node &node, const Rel &in)
{
    if (in.partitioned)
        refuse(QStringLiteral("evaluate bag_unpack() inside mv-apply or partition cannot be "
                              "compiled to SQL yet"),
               node);
    if (node.option(QStringLiteral("open")) == u"true")
        refuse(QStringLiteral("the columns of evaluate bag_unpack() come from the data: they are "
                              "known when the query runs"),
               node);
    Rel out;
    out.schema = *node.schema;
    out.ingest = in.ingest;
    out.ordered = in.ordered;
    if (out.schema.isEmpty())
        refuse(QStringLiteral("evaluate bag_unpack() gives no column here (no other column, and "
                              "no slot in the bags)"),
               node);
    Env env;
    env.row = &in.schema;
    const QString bag = asDynamic(bagColumn(node), env);
    static const QHash<T, QString> slotTypes = {
            {T::Long, QStringLiteral("long")}, {T::Int, QStringLiteral("int")},
            {T::Real, QStringLiteral("real")}, {T::String, QStringLiteral("string")},
            {T::Bool, QStringLiteral("bool")}, {T::Dynamic, QStringLiteral("dynamic")},
    };
    const auto slotCell = [&](const QString &key, T type, const Node &at) {
        const auto name = slotTypes.constFind(type);
        if (name == slotTypes.constEnd())
            refuse(QStringLiteral("a bag_unpack() column of type %1 cannot be compiled")
                           .arg(kqlTypeName(type)),
                   at);
        return QStringLiteral("kql_bag_slot(%1, %2, '%3')").arg(bag, param(key), *name);
    };
    QStringList select;
    qsizetype i = 0;
    for (const auto &[kind, value] : node.options) {
        if (kind != u"input" && kind != u"slot" && kind != u"none" && kind != u"checked")
            continue;
        if (i >= out.schema.size())
            refuse(QStringLiteral("internal error: bag_unpack's columns differ from the query's"),
                   node);
        const Column &c = out.schema[i++];
        QString cell;
        if (kind == u"input") {
            cell = quote(value);
        } else if (kind == u"slot") {
            cell = slotCell(value, c.type, node);
        } else if (kind == u"none") {
            cell = c.type == T::String ? QStringLiteral("''") : nullOf(c.type);
        } else {
            // columnsConflict='error' and a declared column of the input: an error where a bag
            // has the slot too.
            const QString source = value.section(QChar(0x1f), 0, 0);
            const QString key = value.section(QChar(0x1f), 1);
            cell = QStringLiteral("(CASE WHEN kql_bag_slot(%1, %2, 'dynamic') IS NULL THEN %3 "
                                  "ELSE kql_raise_error(%4) END)")
                           .arg(bag, param(key), quote(source),
                                param(QStringLiteral("evaluate bag_unpack(): the slot '%1' is "
                                                     "also a column of the input "
                                                     "(columnsConflict='error')")
                                              .arg(key)));
        }
        select.append(cell + QStringLiteral(" AS ") + quote(c.name));
    }
    if (i != out.schema.size())
        refuse(QStringLiteral("internal error: bag_unpack's columns differ from the query's"),
               node);
    out.cte = addCte(QStringLiteral("SELECT %1%2 FROM %3")
                             .arg(select.join(QLatin1String(", ")), hiddenColumns(in), in.cte));
    return out;
}

} // namespace Vigil::Kql
