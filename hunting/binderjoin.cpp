#include "binderimpl.h"

#include <QSet>

// join, lookup, union, mv-expand, mv-apply, parse: the operators that combine or reshape rows.
namespace Vigil::Kql {

namespace {

using T = KqlType;

QStringList namesOf(const RowSchema &row)
{
    QStringList names;
    for (const Column &c : row)
        names.append(c.name);
    return names;
}

SchemaPtr share(RowSchema row)
{
    return std::make_shared<const RowSchema>(std::move(row));
}

/**
 * A join's columns: the left's, then the right's. A name met a second time gets the first
 * numeric suffix that no column of either side has (Kusto reserves the names to come: a right
 * side with a and a1 makes its a into a2, not a1).
 */
RowSchema joined(const RowSchema &left, const RowSchema &right)
{
    QSet<QString> reserved;
    for (const RowSchema *side : {&left, &right}) {
        for (const Column &c : *side)
            reserved.insert(c.name);
    }
    RowSchema row;
    QSet<QString> used;
    for (const RowSchema *side : {&left, &right}) {
        for (const Column &c : *side) {
            QString name = c.name;
            for (int n = 1; used.contains(name); ++n) {
                name = c.name + QString::number(n);
                if (reserved.contains(name) && !used.contains(name))
                    name = c.name; // taken by a column still to come: keep looking
            }
            used.insert(name);
            row.append({name, c.type});
        }
    }
    return row;
}

// Kusto's analyzer wants one type on both sides of `on Name`, and takes an int and a long
// (but no other two types) on the sides of `$left.A == $right.B`.
bool keyTypesMatch(T a, T b, bool oneName)
{
    const bool whole = (a == T::Int || a == T::Long) && (b == T::Int || b == T::Long);
    return a == b || (!oneName && whole);
}

} // namespace

SchemaPtr Binder::bindJoin(Node &op, const RowSchema &left, const Context &ctx)
{
    const bool lookup = op.kind == NodeKind::OpLookup;
    QString kind = op.option(QStringLiteral("kind"));
    if (kind.isEmpty())
        kind = lookup ? QStringLiteral("leftouter") : QStringLiteral("innerunique");
    static const QStringList joinKinds = {
            QStringLiteral("inner"),        QStringLiteral("innerunique"),
            QStringLiteral("leftouter"),    QStringLiteral("rightouter"),
            QStringLiteral("fullouter"),    QStringLiteral("leftsemi"),
            QStringLiteral("leftanti"),     QStringLiteral("anti"),
            QStringLiteral("leftantisemi"), QStringLiteral("rightsemi"),
            QStringLiteral("rightanti"),    QStringLiteral("rightantisemi"),
    };
    if (lookup ? (kind != u"leftouter" && kind != u"inner") : !joinKinds.contains(kind))
        fail(QStringLiteral("'%1' is not a kind of %2 (kinds: %3)")
                     .arg(kind, lookup ? QStringLiteral("lookup") : QStringLiteral("join"),
                          lookup ? QStringLiteral("leftouter, inner")
                                 : joinKinds.join(QLatin1String(", "))),
             op);
    Context outer;
    outer.scope = ctx.scope;
    Node &rightNode = *op.kid(0);
    SchemaPtr rightPtr = bindTabular(rightNode, outer);
    const RowSchema &right = *rightPtr;
    QStringList rightKeys;
    if (op.count() < 2)
        fail(QStringLiteral("the %1 has no keys after 'on'")
                     .arg(lookup ? QStringLiteral("lookup") : QStringLiteral("join")),
             op);
    for (qsizetype k = 1; k < op.count(); ++k) {
        Node &condition = *op.kid(k);
        if (condition.kind == NodeKind::Name) {
            const int l = findColumn(left, condition);
            Node copy = Node();
            copy.text = condition.text;
            const int r = findColumn(right, copy);
            if (l < 0 || r < 0)
                fail(QStringLiteral("the join key '%1' is not a column of the %2 side")
                             .arg(condition.text,
                                  l < 0 ? QStringLiteral("left") : QStringLiteral("right")),
                     condition);
            if (!keyTypesMatch(left[l].type, right[r].type, true))
                fail(QStringLiteral("the join key '%1' is %2 on the left and %3 on the right")
                             .arg(condition.text, kqlTypeName(left[l].type),
                                  kqlTypeName(right[r].type)),
                     condition);
            if (left[l].type == T::Dynamic)
                fail(QStringLiteral(
                             "a join key cannot be dynamic: convert '%1' first (tostring(), …)")
                             .arg(condition.text),
                     condition);
            condition.type = left[l].type;
            rightKeys.append(right[r].name);
            continue;
        }
        const bool equality = condition.kind == NodeKind::Binary && condition.text == u"==";
        Node *a = equality ? condition.kid(0) : nullptr;
        Node *b = equality ? condition.kid(1) : nullptr;
        auto side = [](const Node *n) {
            return n && n->kind == NodeKind::Member && n->kid(0)->kind == NodeKind::Name
                           ? n->kid(0)->text
                           : QString();
        };
        if (!equality || side(a) != u"$left" || side(b) != u"$right")
            fail(QStringLiteral(
                         "a join condition is a column name or '$left.Column == $right.Column'"),
                 condition);
        Node leftName;
        leftName.text = a->text;
        Node rightName;
        rightName.text = b->text;
        const int l = findColumn(left, leftName);
        const int r = findColumn(right, rightName);
        if (l < 0)
            fail(QStringLiteral("'%1' is not a column of the left side").arg(a->text), *a);
        if (r < 0)
            fail(QStringLiteral("'%1' is not a column of the right side").arg(b->text), *b);
        if (!keyTypesMatch(left[l].type, right[r].type, false))
            fail(QStringLiteral("the join keys are %1 on the left and %2 on the right")
                         .arg(kqlTypeName(left[l].type), kqlTypeName(right[r].type)),
                 condition);
        if (left[l].type == T::Dynamic)
            fail(QStringLiteral("a join key cannot be dynamic: convert it first (tostring(), …)"),
                 condition);
        a->value = leftName.value.isEmpty() ? left[l].name : leftName.value;
        b->value = rightName.value.isEmpty() ? right[r].name : rightName.value;
        a->type = left[l].type;
        b->type = right[r].type;
        condition.type = T::Bool;
        rightKeys.append(right[r].name);
    }
    if (kind == u"leftsemi" || kind == u"leftanti" || kind == u"anti" || kind == u"leftantisemi")
        return share(left);
    if (kind == u"rightsemi" || kind == u"rightanti" || kind == u"rightantisemi")
        return rightPtr;
    if (!lookup)
        return share(joined(left, right));
    RowSchema rest;
    for (const Column &c : right) {
        if (!rightKeys.contains(c.name))
            rest.append(c);
    }
    return share(joined(left, rest));
}

SchemaPtr Binder::bindIpv4Lookup(Node &op, const RowSchema &left, const Context &ctx)
{
    // Microsoft's ipv4_lookup page: evaluate ipv4_lookup(LookupTable, SourceIPv4Key,
    // IPv4LookupKey [, ExtraKey…] [, return_unmatched]); the result is lookup's: the input's
    // columns, then the table's without the extra keys.
    Node &call = *op.kid(0);
    Context outer;
    outer.scope = ctx.scope;
    qsizetype n = call.count();
    bool unmatched = false;
    if (n > 0) {
        Node &last = *call.kid(n - 1);
        Node &flag = last.kind == NodeKind::NamedArg ? *last.kid(0) : last;
        if (last.kind == NodeKind::NamedArg || flag.kind == NodeKind::Literal) {
            if (last.kind == NodeKind::NamedArg && last.text != u"return_unmatched")
                fail(QStringLiteral("ipv4_lookup() has no parameter '%1'").arg(last.text), last);
            if (flag.kind != NodeKind::Literal || flag.literal != LiteralKind::Bool)
                fail(QStringLiteral("return_unmatched of ipv4_lookup() is true or false"), flag);
            flag.type = T::Bool;
            unmatched = flag.value == u"true";
            --n;
        }
    }
    if (n < 3)
        fail(QStringLiteral("ipv4_lookup() takes a lookup table, the input's IPv4 column and the "
                            "table's IPv4 column"),
             call);
    Node &tableNode = *call.kid(0);
    const SchemaPtr rightPtr = bindTabular(tableNode, outer);
    const RowSchema &right = *rightPtr;
    auto column = [&](Node &name, const RowSchema &row, const QString &side) {
        if (name.kind != NodeKind::Name)
            fail(QStringLiteral("ipv4_lookup() needs a column name here"), name);
        Node copy;
        copy.text = name.text;
        const int i = findColumn(row, copy);
        if (i < 0)
            fail(QStringLiteral("'%1' is not a column of the %2").arg(name.text, side), name);
        return i;
    };
    const int source = column(*call.kid(1), left, QStringLiteral("input"));
    const int key = column(*call.kid(2), right, QStringLiteral("lookup table"));
    if (left[source].type != T::String || right[key].type != T::String)
        fail(QStringLiteral("the IPv4 columns of ipv4_lookup() are strings"), call);
    call.kid(1)->value = left[source].name;
    call.kid(1)->type = T::String;
    call.kid(2)->value = right[key].name;
    call.kid(2)->type = T::String;
    QStringList extras;
    for (qsizetype k = 3; k < n; ++k) {
        Node &extra = *call.kid(k);
        const int l = column(extra, left, QStringLiteral("input"));
        const int r = column(extra, right, QStringLiteral("lookup table"));
        if (!keyTypesMatch(left[l].type, right[r].type, false) || left[l].type == T::Dynamic)
            fail(QStringLiteral("the key '%1' is %2 in the input and %3 in the lookup table")
                         .arg(extra.text, kqlTypeName(left[l].type), kqlTypeName(right[r].type)),
                 extra);
        extra.value = right[r].name;
        extra.type = left[l].type;
        extras.append(right[r].name);
    }
    op.options.append({QStringLiteral("return_unmatched"),
                       unmatched ? QStringLiteral("true") : QStringLiteral("false")});
    RowSchema rest;
    for (const Column &c : right) {
        if (!extras.contains(c.name))
            rest.append(c);
    }
    return share(joined(left, rest));
}

SchemaPtr Binder::bindPivot(Node &op, const RowSchema &input, const Context &ctx)
{
    // Microsoft's pivot page: evaluate pivot(pivotColumn [, aggregationFunction] [, column1, …])
    // [: (OutputSchema)]: one row per value of the columns (by default every column but the
    // pivot column and the aggregated one), one column per value of the pivot column, each cell
    // the aggregate of its rows; the page's examples give 0 where a pair has no row, for count()
    // and sum(). With an output schema, its value columns are the only ones (other values are
    // left out: the page's last example).
    Node &call = *op.kid(0);
    if (call.count() < 1 || call.kid(0)->kind != NodeKind::Name)
        fail(QStringLiteral("pivot() needs the column to pivot"), call);
    Node &pivot = *call.kid(0);
    const int p = findColumn(input, pivot);
    if (p < 0)
        fail(QStringLiteral("unknown column '%1'").arg(pivot.text), pivot);
    if (input[p].type == T::Dynamic)
        fail(QStringLiteral("cannot pivot a dynamic value; convert it first"), pivot);
    pivot.type = input[p].type;
    pivot.value = input[p].name;
    qsizetype k = 1;
    T cellType = T::Long;
    QString aggregated; // the column the aggregate reads, left out of the default keys
    if (call.count() > 1 && call.kid(1)->kind != NodeKind::Call)
        fail(QStringLiteral("the second argument of pivot() is the aggregate (count(), sum(x), "
                            "…); the columns to keep come after it"),
             *call.kid(1));
    if (call.count() > 1) {
        // The page lists min(), max(), take_any(), sum(), dcount(), avg(), stdev(), variance(),
        // make_list(), make_bag(), make_set() and count() (any() is take_any()'s old name). A
        // cell whose key has no row of its value is the aggregate over no rows: summarize's
        // "default values of aggregations" (0 for count, dcount, sum, stdev, variance; [] for
        // the make_ ones; null for the others), which is what the page's examples show for
        // count() and sum(). avg() over no rows is NaN (summarize's example), which SQLite
        // cannot hold: refused.
        Node &aggregate = *call.kid(1);
        static const QHash<QString, std::pair<int, int>> allowed = {
                {QStringLiteral("count"), {0, 0}},    {QStringLiteral("sum"), {1, 1}},
                {QStringLiteral("min"), {1, 1}},      {QStringLiteral("max"), {1, 1}},
                {QStringLiteral("take_any"), {1, 1}}, {QStringLiteral("any"), {1, 1}},
                {QStringLiteral("dcount"), {1, 2}},   {QStringLiteral("stdev"), {1, 1}},
                {QStringLiteral("variance"), {1, 1}}, {QStringLiteral("make_list"), {1, 2}},
                {QStringLiteral("make_set"), {1, 2}}, {QStringLiteral("make_bag"), {1, 2}},
        };
        if (aggregate.text == u"avg")
            fail(QStringLiteral("evaluate pivot() with avg() is not supported by Vigil's local "
                                "KQL: Kusto gives NaN where a key has no row of a value, and "
                                "Vigil's store cannot hold NaN (pivot sum() and count() and "
                                "divide, or summarize avg() by both columns)"),
                 aggregate);
        const auto shape = allowed.constFind(aggregate.text);
        if (shape == allowed.constEnd())
            fail(QStringLiteral("evaluate pivot() does not take %1(): Kusto's pivot page allows "
                                "min, max, take_any, sum, dcount, avg, stdev, variance, "
                                "make_list, make_bag, make_set and count")
                         .arg(aggregate.text),
                 aggregate);
        if (aggregate.count() < shape->first || aggregate.count() > shape->second)
            fail(QStringLiteral("%1() in pivot() takes %2")
                         .arg(aggregate.text, shape->second == 0 ? QStringLiteral("no argument")
                                              : shape->second == 1
                                                      ? QStringLiteral("one argument")
                                                      : QStringLiteral("one or two arguments")),
                 aggregate);
        Context agg = ctx;
        agg.aggregates = true;
        cellType = bindScalar(aggregate, agg);
        if (aggregate.text == u"sum" && (!isNumber(cellType) || cellType == T::Decimal))
            fail(QStringLiteral("sum() in pivot() needs numbers"), aggregate);
        if (cellType == T::Decimal)
            fail(QStringLiteral("%1() of a decimal in pivot() cannot be compiled")
                         .arg(aggregate.text),
                 aggregate);
        // The aggregated column is left out of the default keys.
        if (aggregate.count() >= 1 && aggregate.kid(0)->kind == NodeKind::Name)
            aggregated = aggregate.kid(0)->value.isEmpty() ? aggregate.kid(0)->text
                                                           : aggregate.kid(0)->value;
        k = 2;
    }
    RowBuilder row;
    const bool keysGiven = k < call.count();
    for (; k < call.count(); ++k) {
        Node &key = *call.kid(k);
        if (key.kind != NodeKind::Name)
            fail(QStringLiteral("the other arguments of pivot() are column names"), key);
        const int i = findColumn(input, key);
        if (i < 0)
            fail(QStringLiteral("unknown column '%1'").arg(key.text), key);
        if (row.contains(input[i].name))
            fail(QStringLiteral("the column '%1' is named twice").arg(key.text), key);
        key.value = input[i].name;
        key.type = input[i].type;
        row.append(input[i]);
    }
    if (!keysGiven) {
        for (qsizetype i = 0; i < input.size(); ++i) {
            if (i != p && input[i].name != aggregated)
                row.append(input[i]);
        }
    }
    const RowSchema keys = row.columns();
    op.options.clear();
    for (const Column &c : keys) {
        if (c.type == T::Dynamic)
            fail(QStringLiteral("pivot() groups by '%1', a dynamic value; convert it first")
                         .arg(c.name),
                 call);
        op.options.append({QStringLiteral("key"), c.name});
    }
    if (op.count() > 1) {
        // The declared columns: the keys (each once, with its type) and the value columns.
        RowBuilder declared;
        for (qsizetype d = 1; d < op.count(); ++d) {
            const Node &decl = *op.kid(d);
            const T t = kqlTypeFromName(decl.value).value_or(T::Dynamic);
            if (declared.contains(decl.text))
                fail(QStringLiteral("the column '%1' is declared twice").arg(decl.text), decl);
            bool isKey = false;
            for (const Column &c : keys)
                isKey = isKey || c.name == decl.text;
            if (isKey) {
                for (const Column &c : keys) {
                    if (c.name == decl.text && c.type != t)
                        fail(QStringLiteral("the key '%1' of pivot() is %2, not %3")
                                     .arg(c.name, kqlTypeName(c.type), kqlTypeName(t)),
                             decl);
                }
            } else {
                if (t != cellType)
                    fail(QStringLiteral("the pivot's cells are %1, not %2")
                                 .arg(kqlTypeName(cellType), kqlTypeName(t)),
                         decl);
                op.options.append({QStringLiteral("value"), decl.text});
            }
            declared.append({decl.text, t});
        }
        for (const Column &c : keys) {
            if (!declared.contains(c.name))
                fail(QStringLiteral("the declared columns of pivot() lack its key '%1'")
                             .arg(c.name),
                     *op.kid(1));
        }
        return share(declared.columns());
    }
    const auto values = m_options.pivotValues.constFind(op.pos.offset);
    if (values == m_options.pivotValues.constEnd()) {
        if (m_options.pivotProbe)
            throw PivotProbe{&op};
        open = true; // the columns the values give are known when the query runs
        op.options.append({QStringLiteral("open"), QStringLiteral("true")});
        return share(keys);
    }
    takeDataColumns(op);
    for (const QString &value : *values) {
        if (value.isEmpty())
            fail(QStringLiteral("the pivot column '%1' holds an empty value: Kusto's name for its "
                                "column is not documented, so Vigil does not run it (filter it "
                                "out first)")
                         .arg(pivot.text),
                 pivot);
        // A value that is also a column name is made unique (Kusto's rule for every name).
        op.options.append({QStringLiteral("value"), value});
        row.appendUnique(value, cellType);
    }
    return share(row.columns());
}

SchemaPtr Binder::bindUnion(Node &op, const RowSchema *input, const Context &ctx)
{
    const QString kind = op.option(QStringLiteral("kind"));
    if (!kind.isEmpty() && kind != u"inner" && kind != u"outer")
        fail(QStringLiteral("'%1' is not a kind of union (inner, outer)").arg(kind), op);
    // Kusto keeps only the common columns; the language service (the tests' oracle) keeps all.
    // Until the two agree, refuse rather than guess.
    if (kind == u"inner")
        fail(QStringLiteral("'union kind=inner' is not supported by Vigil's local KQL; project the "
                            "common columns and use a plain union"),
             op);
    const QString fuzzy = op.option(QStringLiteral("isfuzzy"));
    if (!fuzzy.isEmpty() && fuzzy != u"true" && fuzzy != u"false")
        fail(QStringLiteral("isfuzzy must be true or false"), op);
    Context outer;
    outer.scope = ctx.scope;
    // A wildcard names the tables it matches, and search without 'in' every table, in the
    // order of Defender's schema, which decides the order of the columns (Microsoft's analyzer
    // keeps the same order). A let name is not matched: Kusto's wildcard reads the database.
    const auto tableNamed = [](const QString &name, const Node &at) {
        auto node = std::make_unique<Node>();
        node->kind = NodeKind::Name;
        node->pos = at.pos;
        node->text = name;
        return node;
    };
    std::vector<NodePtr> named;
    if (!input && op.kids.empty() && op.option(QStringLiteral("_vigil_every_table")) == u"true") {
        for (const HuntingTable *table : m_schema.tablesInDocumentOrder())
            named.push_back(tableNamed(table->name, op));
    }
    for (NodePtr &kid : op.kids) {
        if (kid->kind != NodeKind::NamePattern) {
            named.push_back(std::move(kid));
            continue;
        }
        bool any = false;
        for (const HuntingTable *table : m_schema.tablesInDocumentOrder()) {
            if (wildcardMatch(kid->text, table->name)) {
                named.push_back(tableNamed(table->name, *kid));
                any = true;
            }
        }
        if (!any)
            fail(QStringLiteral("no table's name matches '%1'").arg(kid->text), *kid);
    }
    op.kids = std::move(named);
    QList<RowSchema> branches;
    if (input)
        branches.append(*input);
    for (const NodePtr &kid : op.kids)
        branches.append(*bindTabular(*kid, outer));
    RowBuilder row;
    const QString source = op.option(QStringLiteral("withsource"));
    if (!source.isEmpty())
        row.append({source, T::String});
    // Columns by name, in order of first appearance; one name with several types becomes one
    // column per type, named Name_type (Kusto's rule).
    QStringList order;
    QHash<QString, QList<T>> types;
    QHash<QString, int> seenIn;
    for (const RowSchema &branch : branches) {
        for (const Column &c : branch) {
            if (!types.contains(c.name))
                order.append(c.name);
            QList<T> &list = types[c.name];
            if (!list.contains(c.type))
                list.append(c.type);
            seenIn[c.name] += 1;
        }
    }
    for (const QString &name : order) {
        const QList<T> &list = types[name];
        if (kind == u"inner" && (seenIn[name] != branches.size() || list.size() != 1))
            continue;
        if (list.size() == 1) {
            row.appendUnique(name, list.first());
        } else {
            for (T t : list)
                row.appendUnique(name + QLatin1Char('_') + kqlTypeName(t), t);
        }
    }
    return share(row.columns());
}

SchemaPtr Binder::bindMvExpand(Node &op, const RowSchema &input, const Context &ctx)
{
    RowBuilder row(input);
    int &counter = m_columnCounter;
    for (const NodePtr &item : op.kids) {
        if (item->kind != NodeKind::MvExpandItem)
            continue;
        Node &expr = *item->kid(0);
        const T t = bindScalar(expr, ctx);
        if (t != T::Dynamic)
            fail(QStringLiteral(
                         "%1 needs a dynamic value (an array or a property bag); this one is %2")
                         .arg(op.kind == NodeKind::OpMvApply ? QStringLiteral("mv-apply")
                                                             : QStringLiteral("mv-expand"),
                              kqlTypeName(t)),
                 expr);
        const T to = item->value.isEmpty() ? T::Dynamic
                                           : kqlTypeFromName(item->value).value_or(T::Dynamic);
        QString name = item->text.isEmpty() ? expressionName(expr) : item->text;
        if (name.isEmpty()) {
            do {
                name = QStringLiteral("Column%1").arg(++counter);
            } while (row.contains(name));
        }
        item->resultName = name;
        const qsizetype existing = row.indexOf(name);
        if (existing >= 0)
            row.setType(existing, to);
        else
            row.append({name, to});
        item->outputColumns.append(name);
    }
    const QString index = op.option(QStringLiteral("with_itemindex"));
    if (!index.isEmpty()) {
        if (row.contains(index))
            fail(QStringLiteral("with_itemindex names an existing column '%1'").arg(index), op);
        row.append({index, T::Long});
    }
    const QString bag = op.option(QStringLiteral("bagexpansion"));
    if (!bag.isEmpty() && bag != u"bag" && bag != u"array")
        fail(QStringLiteral("bagexpansion is bag or array, not '%1'").arg(bag), op);
    if (op.kind == NodeKind::OpMvExpand)
        return share(row.columns());
    // mv-apply: the subquery runs on each row's expansion; its columns follow the input's others.
    Node &sub = *op.kids.back();
    const SchemaPtr result = bindPipeline(sub, ctx, share(row.columns()));
    // The columns mv-apply expanded in place are the subquery's to return; the input's other
    // columns come first, then the subquery's.
    QStringList expanded;
    for (const NodePtr &item : op.kids) {
        if (item->kind == NodeKind::MvExpandItem && namesOf(input).contains(item->resultName))
            expanded.append(item->resultName);
    }
    RowSchema out;
    QSet<QString> subNames;
    for (const Column &c : *result)
        subNames.insert(c.name);
    for (const Column &c : input) {
        if (!subNames.contains(c.name) && !expanded.contains(c.name))
            out.append(c);
    }
    for (const Column &c : *result)
        out.append(c);
    return share(out);
}

SchemaPtr Binder::bindParse(Node &op, const RowSchema &input, const Context &ctx)
{
    if (op.text == u"parse-kv") {
        // Microsoft's parse-kv page: pair_delimiter with kv_delimiter, or regex, or neither
        // (any character but a letter or digit delimits); quote and escape may repeat.
        bool pair = false, kv = false, regex = false, other = false;
        for (const auto &[name, value] : op.options) {
            if (name == u"pair_delimiter" || name == u"kv_delimiter") {
                if (value.isEmpty())
                    fail(QStringLiteral("parse-kv: %1 must not be empty").arg(name), op);
                (name == u"pair_delimiter" ? pair : kv) = true;
            } else if (name == u"regex") {
                regex = true;
            } else if (name == u"quote") {
                other = true;
                if (value.toUcs4().size() != 1 && value.toUcs4().size() != 2)
                    fail(QStringLiteral("parse-kv: quote is one character, or two (opening and "
                                        "closing)"),
                         op);
            } else if (name == u"escape") {
                other = true;
                if (value.toUcs4().size() != 1)
                    fail(QStringLiteral("parse-kv: escape is one character"), op);
            } else if (name == u"greedy") { // the parser knows only these names
                if (value != u"true" && value != u"false")
                    fail(QStringLiteral("parse-kv: greedy is true or false"), op);
            }
        }
        if (pair != kv)
            fail(QStringLiteral("parse-kv needs both pair_delimiter and kv_delimiter, or neither"),
                 op);
        if (regex && (pair || other || !op.option(QStringLiteral("greedy")).isEmpty()))
            fail(QStringLiteral("parse-kv with regex takes no other property"), op);
        if (!pair && op.option(QStringLiteral("greedy")) == u"true")
            fail(QStringLiteral("parse-kv greedy=true needs pair_delimiter and kv_delimiter"), op);
        const T t = bindScalar(*op.kid(0), ctx);
        if (t != T::String && t != T::Dynamic)
            fail(QStringLiteral("parse-kv needs a string, not %1").arg(kqlTypeName(t)), *op.kid(0));
        RowBuilder row(input);
        for (qsizetype i = 1; i < op.count(); ++i) {
            Node &key = *op.kid(i);
            const T type = key.value.isEmpty() ? T::String
                                               : kqlTypeFromName(key.value).value_or(T::String);
            key.type = type;
            if (row.contains(key.text))
                fail(QStringLiteral("parse-kv would make a second column named '%1'; choose "
                                    "another name")
                             .arg(key.text),
                     key);
            row.append({key.text, type});
            key.outputColumns.append(key.text);
        }
        return share(row.columns());
    }
    const QString kind = op.option(QStringLiteral("kind"));
    if (!kind.isEmpty() && kind != u"simple" && kind != u"regex" && kind != u"relaxed")
        fail(QStringLiteral("'%1' is not a kind of parse (simple, regex, relaxed)").arg(kind), op);
    // Kusto documents flags= for kind=regex, but its own analyzer rejects it: refuse too.
    if (!op.option(QStringLiteral("flags")).isEmpty())
        fail(QStringLiteral(
                     "parse flags= is not supported; put the flags in the pattern, e.g. (?i)"),
             op);
    const T t = bindScalar(*op.kid(0), ctx);
    if (t != T::String && t != T::Dynamic)
        fail(QStringLiteral("%1 needs a string to parse, not %2").arg(op.text, kqlTypeName(t)),
             *op.kid(0));
    RowBuilder row(input);
    for (qsizetype i = 1; i < op.count(); ++i) {
        Node &element = *op.kid(i);
        if (element.kind != NodeKind::ColumnDecl)
            continue;
        if (i > 1 && op.kid(i - 1)->kind != NodeKind::Literal)
            fail(QStringLiteral("in a parse pattern a column must follow a string: '%1' has none "
                                "before it")
                         .arg(element.text),
                 element);
        const T type = element.value.isEmpty() ? T::String
                                               : kqlTypeFromName(element.value).value_or(T::String);
        element.type = type;
        if (row.contains(element.text))
            fail(QStringLiteral("%1 would make a second column named '%2'; choose another name")
                         .arg(op.text, element.text),
                 element);
        row.append({element.text, type});
        element.outputColumns.append(element.text);
    }
    return share(row.columns());
}

} // namespace Vigil::Kql
