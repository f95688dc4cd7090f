#include "binderimpl.h"

#include <QSet>

// scan and find: their output columns, as Microsoft's pages for the two operators give them.
namespace Vigil::Kql {

namespace {

using T = KqlType;

SchemaPtr share(RowSchema row)
{
    return std::make_shared<const RowSchema>(std::move(row));
}

bool compatible(T want, T got)
{
    const auto number
            = [](T t) { return t == T::Int || t == T::Long || t == T::Real || t == T::Decimal; };
    return want == got || (number(want) && number(got)) || want == T::Dynamic;
}

/** The Name nodes of an expression tree (not calls' names), without recursion. */
QList<Node *> namesIn(Node &root)
{
    QList<Node *> names;
    std::vector<Node *> stack = {&root};
    while (!stack.empty()) {
        Node *node = stack.back();
        stack.pop_back();
        if (node->kind == NodeKind::Name)
            names.append(node);
        for (auto kid = node->kids.rbegin(); kid != node->kids.rend(); ++kid)
            stack.push_back(kid->get()); // left to right: the order the query names them
    }
    return names;
}

bool hasStar(const Node &root)
{
    std::vector<const Node *> stack = {&root};
    while (!stack.empty()) {
        const Node *node = stack.back();
        stack.pop_back();
        if (node->kind == NodeKind::Star)
            return true;
        for (const NodePtr &kid : node->kids)
            stack.push_back(kid.get());
    }
    return false;
}

} // namespace

SchemaPtr Binder::bindScan(Node &op, const RowSchema &input, const Context &ctx)
{
    // The output is the input's columns, then the declared ones, then the match id (when
    // with_match_id names it): the scan operator's page, "Returns".
    RowBuilder row(input);
    Context none;
    none.scope = ctx.scope;
    Node &declared = *op.kid(0);
    QSet<QString> declaredNames;
    for (const NodePtr &column : declared.kids) {
        if (row.contains(column->text))
            fail(QStringLiteral("the declared column '%1' is a column of scan's input already; "
                                "give it another name")
                         .arg(column->text),
                 *column);
        const T type = kqlTypeFromName(column->value).value_or(T::Dynamic);
        if (Node *fill = column->kid(0)) {
            const T got = bindScalar(*fill, none);
            const bool null = fill->kind == NodeKind::Literal && fill->literal == LiteralKind::Null;
            if (!null && !compatible(type, got))
                fail(QStringLiteral("the default of '%1' is %2, but the column is %3")
                             .arg(column->text, kqlTypeName(got), kqlTypeName(type)),
                     *fill);
        }
        row.append({column->text, type});
        declaredNames.insert(column->text);
    }
    const QString matchId = op.option(QStringLiteral("with_match_id"));
    if (!matchId.isEmpty()) {
        if (row.contains(matchId))
            fail(QStringLiteral("with_match_id names '%1', a column scan's output has already; "
                                "give the match id another name")
                         .arg(matchId),
                 op);
        row.append({matchId, T::Long});
    }
    // The state: StepName.Column for every step and every column of the record it holds.
    QStringList steps;
    for (qsizetype i = 1; i < op.count(); ++i) {
        Node &step = *op.kid(i);
        if (steps.contains(step.text))
            fail(QStringLiteral("the step name '%1' is used twice; the step names of scan must be "
                                "unique")
                         .arg(step.text),
                 step);
        steps.append(step.text);
        const QString output = step.option(QStringLiteral("output"));
        if (!output.isEmpty() && output != u"all" && output != u"none" && output != u"last")
            fail(QStringLiteral("'%1' is not an output of a scan step (all, last, none)")
                         .arg(output.left(40)),
                 step);
        if (output == u"last")
            fail(QStringLiteral("scan's output=last is not supported by Vigil's local KQL; use "
                                "output=all with with_match_id and keep each match's last row "
                                "(summarize arg_max(…) by the match id)"),
                 step);
    }
    RowSchema record = input;
    for (const NodePtr &column : declared.kids)
        record.append({column->text, kqlTypeFromName(column->value).value_or(T::Dynamic)});
    RowSchema scope = input; // what a condition or an assignment sees
    for (const QString &step : std::as_const(steps)) {
        for (const Column &c : std::as_const(record))
            scope.append({step + QLatin1Char('.') + c.name, c.type});
    }
    Context inner;
    inner.row = &scope;
    inner.scope = ctx.scope;
    const auto rewrite = [&](Node &root) {
        // StepName.Column becomes one name of the state; a bare declared column is refused.
        std::vector<Node *> stack = {&root};
        while (!stack.empty()) {
            Node *node = stack.back();
            stack.pop_back();
            if (node->kind == NodeKind::Member && node->kid(0)->kind == NodeKind::Name
                && !node->kid(0)->bracketed && steps.contains(node->kid(0)->text)) {
                const QString step = node->kid(0)->text;
                Node column;
                column.text = node->text;
                const bool known = findColumn(record, column) >= 0; // TimeGenerated too
                if (known && !column.value.isEmpty())
                    node->text = column.value;
                if (!known)
                    fail(QStringLiteral("the step '%1' has no column '%2'").arg(step, node->text),
                         *node);
                node->kind = NodeKind::Name;
                node->text = step + QLatin1Char('.') + node->text;
                node->kids.clear();
                continue;
            }
            if (node->kind == NodeKind::Name && declaredNames.contains(node->text))
                fail(QStringLiteral("a declared column of scan is read through a step's state in "
                                    "Vigil's local KQL: write StepName.%1")
                             .arg(node->text),
                     *node);
            for (const NodePtr &kid : node->kids)
                stack.push_back(kid.get());
        }
    };
    for (qsizetype i = 1; i < op.count(); ++i) {
        Node &step = *op.kid(i);
        for (const NodePtr &kid : step.kids) {
            if (kid->kind == NodeKind::Assign)
                rewrite(*kid->kid(0));
            else
                rewrite(*kid);
        }
        const T t = bindScalar(*step.kid(0), inner);
        if (t != T::Bool)
            fail(QStringLiteral("the condition of a scan step must be bool, not %1")
                         .arg(kqlTypeName(t)),
                 *step.kid(0));
        QSet<QString> assigned;
        for (qsizetype k = 1; k < step.count(); ++k) {
            Node &assign = *step.kid(k);
            if (!declaredNames.contains(assign.text))
                fail(QStringLiteral("scan assigns declared columns only in Vigil's local KQL; "
                                    "declare '%1' in declare (…) under another name")
                             .arg(assign.text),
                     assign);
            if (assigned.contains(assign.text))
                fail(QStringLiteral("the column '%1' is assigned twice in one step")
                             .arg(assign.text),
                     assign);
            assigned.insert(assign.text);
            const T want = row.columns().at(row.indexOf(assign.text)).type;
            const T got = bindScalar(*assign.kid(0), inner);
            if (!compatible(want, got))
                fail(QStringLiteral("'%1' is %2, but this value is %3")
                             .arg(assign.text, kqlTypeName(want), kqlTypeName(got)),
                     *assign.kid(0));
        }
    }
    return share(row.columns());
}

SchemaPtr Binder::bindFind(Node &find, const Context &ctx)
{
    // The find operator's page, "Output schema": tables without any column the predicate uses are
    // left out; project-smart gives the source column, the columns common to all the tables left
    // (in the first one's order), the predicate's other columns, and pack_ with the rest.
    Node &tables = *find.kid(0);
    Node &predicate = *find.kid(1);
    Node &project = *find.kid(2);
    Context outer;
    outer.scope = ctx.scope;
    if (tables.count() == 0) {
        for (const HuntingTable *table : m_schema.tablesInDocumentOrder()) {
            auto name = std::make_unique<Node>();
            name->kind = NodeKind::Name;
            name->pos = find.pos;
            name->text = table->name;
            tables.kids.push_back(std::move(name));
        }
    }
    QList<RowSchema> schemas;
    for (const NodePtr &table : tables.kids)
        schemas.append(*bindTabular(*table, outer));
    // The columns the predicate names (a name of no table is left to the binding below).
    QStringList used;
    for (Node *name : namesIn(predicate)) {
        if (!used.contains(name->text))
            used.append(name->text);
    }
    const bool everyColumn = hasStar(predicate);
    // project's columns may come from any table named, kept or not.
    QHash<QString, T> anyTable;
    for (const RowSchema &schema : std::as_const(schemas)) {
        for (const Column &c : schema) {
            if (!anyTable.contains(c.name))
                anyTable.insert(c.name, c.type);
        }
    }
    std::vector<NodePtr> kept;
    QList<RowSchema> keptSchemas;
    for (qsizetype i = 0; i < schemas.size(); ++i) {
        bool any = everyColumn;
        for (const Column &c : std::as_const(schemas[i]))
            any = any || used.contains(c.name);
        if (any) {
            kept.push_back(std::move(tables.kids[size_t(i)]));
            keptSchemas.append(schemas[i]);
        }
    }
    tables.kids = std::move(kept);
    // The predicate sees every column of the tables left; one with two types is refused.
    RowSchema all;
    QHash<QString, T> types;
    for (const RowSchema &schema : std::as_const(keptSchemas)) {
        for (const Column &c : schema) {
            const auto it = types.constFind(c.name);
            if (it == types.constEnd()) {
                types.insert(c.name, c.type);
                all.append(c);
            } else if (*it != c.type && used.contains(c.name)) {
                fail(QStringLiteral("'%1' is %2 in one table of find and %3 in another; Vigil's "
                                    "local KQL does not split it by type: name the tables with "
                                    "in (…)")
                             .arg(c.name, kqlTypeName(*it), kqlTypeName(c.type)),
                     find);
            }
        }
    }
    Context inner;
    inner.row = &all;
    inner.scope = ctx.scope;
    if (bindScalar(predicate, inner) != T::Bool)
        fail(QStringLiteral("the predicate of find must be bool"), predicate);
    const QString source = find.option(QStringLiteral("withsource")).isEmpty()
                                   ? QStringLiteral("source_")
                                   : find.option(QStringLiteral("withsource"));
    RowBuilder row;
    row.append({source, T::String});
    const auto add = [&](const Column &c, const Node &at) {
        if (row.contains(c.name))
            fail(QStringLiteral("find gives two columns named '%1'; choose another withsource")
                         .arg(c.name),
                 at);
        row.append(c);
    };
    if (find.option(QStringLiteral("project")) == u"list") {
        for (const NodePtr &name : project.kids) {
            const auto it = anyTable.constFind(name->text);
            if (it == anyTable.constEnd())
                fail(QStringLiteral("unknown column '%1' in find's project").arg(name->text),
                     *name);
            add({name->text, *it}, *name);
        }
        return share(row.columns());
    }
    // Common: in every table left; dynamic where the tables' types differ (as Microsoft's
    // analyzer types it).
    QList<Column> common;
    if (!keptSchemas.isEmpty()) {
        for (const Column &c : std::as_const(keptSchemas.first())) {
            bool everywhere = true;
            bool oneType = true;
            for (const RowSchema &schema : std::as_const(keptSchemas)) {
                bool here = false;
                for (const Column &other : schema) {
                    if (other.name == c.name) {
                        here = true;
                        oneType = oneType && other.type == c.type;
                    }
                }
                everywhere = everywhere && here;
            }
            if (everywhere)
                common.append({c.name, oneType ? c.type : T::Dynamic});
        }
    }
    for (const Column &c : std::as_const(common))
        add(c, find);
    for (const QString &name : std::as_const(used)) {
        const auto it = types.constFind(name);
        if (it != types.constEnd() && !row.contains(name))
            add({name, *it}, find);
    }
    bool rest = false;
    for (const RowSchema &schema : std::as_const(keptSchemas)) {
        for (const Column &c : schema)
            rest = rest || !row.contains(c.name);
    }
    if (rest)
        add({QStringLiteral("pack_"), T::Dynamic}, find);
    return share(row.columns());
}

} // namespace Vigil::Kql
