#include "binderimpl.h"

#include <QSet>

// Tabular sources and operators: each computes its output columns with Kusto's naming rules.
namespace Vigil::Kql {

namespace {

using T = KqlType;

SchemaPtr share(RowSchema row)
{
    return std::make_shared<const RowSchema>(std::move(row));
}

/**
 * The name of the next unnamed expression: Kusto numbers them Column1, Column2, … and then
 * makes the name unique like any other (an explicit Column1 before it makes it Column11).
 */
QString nextColumnName(RowBuilder &row, int &counter)
{
    return row.unique(QStringLiteral("Column%1").arg(++counter));
}

/** extend numbers unnamed expressions with the first ColumnN its input does not have. */
QString nextFreeColumnName(const RowBuilder &row, int &counter)
{
    QString name;
    do {
        name = QStringLiteral("Column%1").arg(++counter);
    } while (row.contains(name));
    return name;
}

/** The names of `x = …` or `(a, b) = …` (summarize), in order; none for a plain item. */
QStringList assignedNames(const Node &item)
{
    if (item.kind != NodeKind::Assign)
        return {};
    if (!item.text.isEmpty())
        return {item.text};
    QStringList names;
    for (const auto &[key, value] : item.options) {
        if (key == u"name")
            names.append(value);
    }
    return names;
}

/** A column referred to by its bare name twice is an error; a computed name gets a suffix. */
bool isColumnReference(const Node &value)
{
    return value.kind == NodeKind::Name && !value.resultName.isEmpty();
}

/** True when the expression calls an aggregate (count(), sum(), …) somewhere. */
bool containsAggregate(const Node &root)
{
    std::vector<const Node *> stack = {&root};
    while (!stack.empty()) {
        const Node *node = stack.back();
        stack.pop_back();
        if (node->kind == NodeKind::Call) {
            const FunctionSymbol *fn = FunctionSymbols::instance().find(node->text, true);
            if (fn && fn->aggregate)
                return true;
        }
        for (const NodePtr &kid : node->kids)
            stack.push_back(kid.get());
    }
    return false;
}

} // namespace

/** Kusto's wildcard: '*' matches any run of characters; everything else literally. */
bool wildcardMatch(QStringView pattern, QStringView name)
{
    qsizetype p = 0;
    qsizetype n = 0;
    qsizetype star = -1; // the last '*' seen, and where in name it started matching
    qsizetype resume = 0;
    while (n < name.size()) {
        if (p < pattern.size() && pattern[p] == u'*') {
            star = p++;
            resume = n;
        } else if (p < pattern.size() && pattern[p] == name[n]) {
            ++p;
            ++n;
        } else if (star >= 0) {
            p = star + 1;
            n = ++resume;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == u'*')
        ++p;
    return p == pattern.size();
}

SchemaPtr Binder::bindTabular(Node &node, const Context &ctx)
{
    count(node);
    switch (node.kind) {
    case NodeKind::Pipeline:
    case NodeKind::Datatable:
    case NodeKind::ExternalData:
    case NodeKind::Range:
    case NodeKind::Print:
    case NodeKind::UnionSource:
    case NodeKind::FindSource:
        return bindSource(node, ctx);
    default:
        break;
    }
    bind(node, ctx);
    if (!node.schema) {
        if (node.kind == NodeKind::Name)
            fail(QStringLiteral("unknown table '%1' (table names are case-sensitive)")
                         .arg(node.text),
                 node);
        fail(QStringLiteral("a table is expected here, but this is a scalar value"), node);
    }
    return node.schema;
}

SchemaPtr Binder::bindPipeline(Node &node, const Context &ctx, const SchemaPtr &implicitInput)
{
    Node &source = *node.kid(0);
    SchemaPtr current;
    if (source.kind == NodeKind::ImplicitInput) {
        current = implicitInput;
        source.schema = current;
    } else {
        current = bindSource(source, ctx);
    }
    for (qsizetype i = 1; i < node.count(); ++i) {
        Node &op = *node.kid(i);
        count(op);
        current = bindOperator(op, current, ctx);
        op.schema = current;
    }
    node.schema = current;
    return current;
}

SchemaPtr Binder::bindSource(Node &node, const Context &ctx)
{
    Context outer;
    outer.scope = ctx.scope;
    switch (node.kind) {
    case NodeKind::Datatable: {
        RowSchema row;
        QList<const Node *> values;
        for (const NodePtr &kid : node.kids) {
            if (kid->kind == NodeKind::ColumnDecl)
                row.append({kid->text, kqlTypeFromName(kid->value).value_or(T::Dynamic)});
            else
                values.append(kid.get());
        }
        if (row.isEmpty())
            fail(QStringLiteral("datatable needs at least one column"), node);
        if (values.size() % row.size() != 0)
            fail(QStringLiteral("datatable has %1 values for %2 columns: the count must be a "
                                "multiple of the columns")
                         .arg(values.size())
                         .arg(row.size()),
                 node);
        for (qsizetype i = 0; i < values.size(); ++i) {
            Node &value = *node.kid(row.size() + i);
            const bool literal
                    = value.kind == NodeKind::Literal || value.kind == NodeKind::DynamicLiteral
                      || (value.kind == NodeKind::Unary && value.kid(0)->kind == NodeKind::Literal);
            if (!literal)
                fail(QStringLiteral("the values of datatable must be literals (use print or extend "
                                    "for computed values)"),
                     value);
            const T t = bindScalar(value, outer);
            const T want = row[i % row.size()].type;
            if (t != want && !(isNumber(t) && isNumber(want)) && t != T::Dynamic
                && want != T::Dynamic) {
                // Microsoft's analyzer takes any literal in any column; a value written as one
                // of the column's type (6 in a string column, "6" in a long one) is read as
                // that, as a constant compared with a column is, and the query says so.
                QString written;
                QString read;
                if (!readConstantAs(value, t, want, outer, &written, &read))
                    fail(QStringLiteral("the column '%1' of datatable is %2, but this value is "
                                        "%3: write a %2 value, or declare the column %3 and "
                                        "convert it with extend")
                                 .arg(row[i % row.size()].name, kqlTypeName(want), kqlTypeName(t)),
                         value);
                const QString warning
                        = QStringLiteral("line %1: the column '%2' of datatable is %3: %4 is read "
                                         "as the %3 %5 (write the column's type to say so)")
                                  .arg(QString::number(value.pos.line), row[i % row.size()].name,
                                       kqlTypeName(want), written, read);
                if (!warnings.contains(warning))
                    warnings.append(warning);
            }
        }
        node.schema = share(row);
        return node.schema;
    }
    case NodeKind::ExternalData: {
        // The declared columns are the result, whatever the feed holds (Kusto converts each
        // value to its column's type).
        RowSchema row;
        for (const NodePtr &kid : node.kids) {
            if (kid->kind != NodeKind::ColumnDecl)
                continue;
            for (const Column &c : std::as_const(row)) {
                if (c.name == kid->text)
                    fail(QStringLiteral("A column with the name '%1' is already declared.")
                                 .arg(kid->text),
                         *kid);
            }
            row.append({kid->text, kqlTypeFromName(kid->value).value_or(T::Dynamic)});
        }
        node.schema = share(row);
        return node.schema;
    }
    case NodeKind::Range: {
        T types[3];
        for (int i = 0; i < 3; ++i)
            types[i] = bindScalar(*node.kid(i), outer);
        T t = T::Long;
        if (types[0] == T::DateTime && types[1] == T::DateTime && types[2] == T::TimeSpan)
            t = T::DateTime;
        else if (types[0] == T::TimeSpan && types[1] == T::TimeSpan && types[2] == T::TimeSpan)
            t = T::TimeSpan;
        else if (isNumber(types[0]) && isNumber(types[1]) && isNumber(types[2]))
            t = widest(widest(types[0], types[1]).value_or(T::Long), types[2]).value_or(T::Long);
        else
            fail(QStringLiteral("range needs numbers, or datetimes with a timespan step"), node);
        node.schema = share({{node.text, t}});
        return node.schema;
    }
    case NodeKind::Print: {
        RowBuilder row;
        QSet<QString> named; // the names the query gives; a default name is made unique instead
        for (qsizetype i = 0; i < node.count(); ++i) {
            Node &item = *node.kid(i);
            Node &value = item.kind == NodeKind::Assign ? *item.kid(0) : item;
            if (value.kind == NodeKind::Call && !(outer.scope && outer.scope->find(value.text))
                && multiColumnFields(value.text)) {
                bindPrintedColumns(item, value, row, named, outer);
                continue;
            }
            if (item.kind == NodeKind::Assign && item.text.isEmpty())
                fail(QStringLiteral("'(A, B) = …' names the columns of a function that gives "
                                    "several (series_fit_line(), series_stats(), …); this "
                                    "expression gives one value"),
                     item);
            const T t = bindScalar(value, outer);
            // print has no input columns, and an item it does not name is print_N: a variable
            // (c, c.a, c[0]) or a call (tostring(c), bin(X = 1, 1)) lends no name here.
            QString name = item.kind == NodeKind::Assign ? item.text : QString();
            if (name.isEmpty())
                name = QStringLiteral("print_%1").arg(i);
            if (item.kind == NodeKind::Assign && named.contains(name))
                fail(QStringLiteral("the column '%1' is named twice").arg(name), item);
            if (item.kind == NodeKind::Assign)
                named.insert(name);
            item.outputColumns.append(row.appendUnique(name, t));
        }
        node.schema = share(row.columns());
        return node.schema;
    }
    case NodeKind::UnionSource:
        node.schema = bindUnion(node, nullptr, ctx);
        return node.schema;
    case NodeKind::FindSource:
        node.schema = bindFind(node, ctx);
        return node.schema;
    case NodeKind::Pipeline:
        node.schema = bindPipeline(node, ctx, nullptr);
        return node.schema;
    default:
        bind(node, ctx);
        if (!node.schema) {
            if (node.kind == NodeKind::Name)
                fail(QStringLiteral("unknown table '%1' (table names are case-sensitive)")
                             .arg(node.text),
                     node);
            fail(QStringLiteral("a table is expected here, but this is a scalar value"), node);
        }
        return node.schema;
    }
}

SchemaPtr Binder::bindOperator(Node &op, const SchemaPtr &inputPtr, const Context &outer)
{
    const RowSchema &input = *inputPtr;
    Context ctx;
    ctx.row = &input;
    ctx.scope = outer.scope;
    switch (op.kind) {
    case NodeKind::OpWhere: {
        const T t = bindScalar(*op.kid(0), ctx);
        if (t != T::Bool)
            fail(QStringLiteral("the condition of 'where' must be bool, not %1 (compare it, or "
                                "convert it with tobool())")
                         .arg(kqlTypeName(t)),
                 *op.kid(0));
        return inputPtr;
    }
    case NodeKind::OpProject:
    case NodeKind::OpExtend:
    case NodeKind::OpSerialize:
    case NodeKind::OpDistinct:
        return bindProjection(op, input, ctx);
    case NodeKind::OpProjectAway:
    case NodeKind::OpProjectKeep: {
        QList<bool> matched(input.size(), false);
        for (const NodePtr &pattern : op.kids) {
            bool any = false;
            for (int i = 0; i < input.size(); ++i) {
                const bool hit = pattern->kind == NodeKind::NamePattern
                                         ? wildcardMatch(pattern->text, input[i].name)
                                         : false;
                if (hit)
                    matched[i] = any = true;
            }
            if (pattern->kind == NodeKind::Name) {
                const int i = findColumn(input, *pattern);
                if (i < 0)
                    fail(QStringLiteral("unknown column '%1'").arg(pattern->text), *pattern);
                matched[i] = any = true;
            }
            // Kusto's analyzer refuses a pattern that matches no column (unless columns come
            // from the data, as bag_unpack's do).
            if (!any && !open && !unpacked)
                fail(QStringLiteral("'%1' matches no column").arg(pattern->text), *pattern);
        }
        RowSchema row;
        for (int i = 0; i < input.size(); ++i) {
            if (matched[i] == (op.kind == NodeKind::OpProjectKeep))
                row.append(input[i]);
        }
        return share(row);
    }
    case NodeKind::OpProjectRename: {
        RowSchema row = input;
        for (const NodePtr &assign : op.kids) {
            const int i = findColumn(row, *assign->kid(0));
            if (i < 0)
                fail(QStringLiteral("unknown column '%1'").arg(assign->kid(0)->text),
                     *assign->kid(0));
            row[i].name = assign->text;
        }
        QStringList seen;
        for (const Column &c : row) {
            if (seen.contains(c.name))
                fail(QStringLiteral("project-rename makes two columns named '%1'").arg(c.name), op);
            seen.append(c.name);
        }
        return share(row);
    }
    case NodeKind::OpProjectReorder: {
        RowSchema first;
        QList<bool> used(input.size(), false);
        for (const NodePtr &key : op.kids) {
            Node &pattern = *key->kid(0);
            RowSchema group;
            for (int i = 0; i < input.size(); ++i) {
                const bool hit = pattern.kind == NodeKind::NamePattern
                                         ? wildcardMatch(pattern.text, input[i].name)
                                         : i == findColumn(input, pattern);
                if (hit && !used[i]) {
                    used[i] = true;
                    group.append(input[i]);
                }
            }
            if (pattern.kind == NodeKind::Name && findColumn(input, pattern) < 0)
                fail(QStringLiteral("unknown column '%1'").arg(pattern.text), pattern);
            if (pattern.kind == NodeKind::NamePattern && !open && !unpacked
                && std::none_of(input.cbegin(), input.cend(), [&](const Column &c) {
                       return wildcardMatch(pattern.text, c.name);
                   }))
                fail(QStringLiteral("'%1' matches no column").arg(pattern.text), pattern);
            const QString order = key->option(QStringLiteral("order"));
            if (!order.isEmpty())
                std::stable_sort(group.begin(), group.end(), [&](const Column &a, const Column &b) {
                    return order.endsWith(QLatin1String("desc")) ? a.name > b.name
                                                                 : a.name < b.name;
                });
            first.append(group);
        }
        for (int i = 0; i < input.size(); ++i) {
            if (!used[i])
                first.append(input[i]);
        }
        return share(first);
    }
    case NodeKind::OpSort:
    case NodeKind::OpTop: {
        for (qsizetype i = 0; i < op.count(); ++i) {
            Node &kid = *op.kid(i);
            if (kid.kind == NodeKind::SortKey) {
                const T t = bindScalar(*kid.kid(0), ctx);
                if (t == T::Dynamic)
                    fail(QStringLiteral("cannot sort by a dynamic value; convert it first "
                                        "(tostring(), tolong(), …)"),
                         kid);
            } else {
                Context none;
                none.scope = ctx.scope;
                const T t = bindScalar(kid, none);
                if (t != T::Long && t != T::Int)
                    fail(QStringLiteral("the count of 'top' must be a whole number"), kid);
            }
        }
        return inputPtr;
    }
    case NodeKind::OpTake:
    case NodeKind::OpSample: {
        Context none;
        none.scope = ctx.scope;
        const T t = bindScalar(*op.kid(0), none);
        if (t != T::Long && t != T::Int)
            fail(QStringLiteral("the count of '%1' must be a whole number, not %2")
                         .arg(op.kind == NodeKind::OpSample ? QStringLiteral("sample") : op.text,
                              kqlTypeName(t)),
                 *op.kid(0));
        return inputPtr;
    }
    case NodeKind::OpSampleDistinct:
        fail(QStringLiteral("the 'sample-distinct' operator is not supported by Vigil's local KQL"),
             op);
    case NodeKind::OpCount:
        return share({{QStringLiteral("Count"), T::Long}});
    case NodeKind::OpGetSchema:
        return share({{QStringLiteral("ColumnName"), T::String},
                      {QStringLiteral("ColumnOrdinal"), T::Long},
                      {QStringLiteral("DataType"), T::String},
                      {QStringLiteral("ColumnType"), T::String}});
    case NodeKind::OpSummarize:
        return bindSummarize(op, input, ctx);
    case NodeKind::OpMakeSeries:
        return bindMakeSeries(op, input, ctx);
    case NodeKind::OpTopNested: {
        // Per level: the value's column, then its aggregate (aggregated_<value> unless named).
        RowBuilder row;
        Context agg = ctx;
        agg.aggregates = true;
        for (const NodePtr &level : op.kids) {
            Node &of = *level->kid(0);
            Node &value = of.kind == NodeKind::Assign ? *of.kid(0) : of;
            const T t = bindScalar(value, ctx);
            if (t == T::Dynamic)
                fail(QStringLiteral("top-nested cannot group by a dynamic value; convert it first"),
                     value);
            const QString name = of.kind == NodeKind::Assign ? of.text : expressionName(value);
            if (name.isEmpty())
                fail(QStringLiteral("name this value of top-nested: of Name = …"), value);
            if (row.contains(name))
                fail(QStringLiteral("A column with the name '%1' is already declared.").arg(name),
                     of);
            of.outputColumns.append(row.appendUnique(name, t));
            Node &by = *level->kid(1);
            Node &aggregate = by.kind == NodeKind::Assign ? *by.kid(0) : by;
            const T at = bindScalar(aggregate, agg);
            if (aggregate.kind != NodeKind::Call || !containsAggregate(aggregate))
                fail(QStringLiteral("top-nested ranks by an aggregate function (count(), sum(), "
                                    "…)"),
                     aggregate);
            const QString aggName
                    = by.kind == NodeKind::Assign ? by.text : QStringLiteral("aggregated_") + name;
            if (row.contains(aggName))
                fail(QStringLiteral("A column with the name '%1' is already declared.")
                             .arg(aggName),
                     by);
            by.outputColumns.append(row.appendUnique(aggName, at));
        }
        return share(row.columns());
    }
    case NodeKind::OpSearch: {
        // The input's rows where the predicate holds, after the table each came from.
        if (bindScalar(*op.kid(0), ctx) != T::Bool)
            fail(QStringLiteral("the predicate of search must be bool"), *op.kid(0));
        RowBuilder row;
        row.append({QStringLiteral("$table"), T::String});
        for (const Column &c : input)
            row.appendUnique(c.name, c.type);
        return share(row.columns());
    }
    case NodeKind::OpScan:
        return bindScan(op, input, ctx);
    case NodeKind::OpJoin:
    case NodeKind::OpLookup:
        return bindJoin(op, input, ctx);
    case NodeKind::OpUnion:
        return bindUnion(op, &input, ctx);
    case NodeKind::OpMvExpand:
    case NodeKind::OpMvApply:
        return bindMvExpand(op, input, ctx);
    case NodeKind::OpParse:
        return bindParse(op, input, ctx);
    case NodeKind::OpPartition: {
        // Kusto's partition page: the subquery runs on each partition's rows (one per value of
        // the column); the result is its rows of every partition.
        Node &column = *op.kid(0);
        const int i = findColumn(input, column);
        if (i < 0)
            fail(QStringLiteral("unknown column '%1'").arg(column.text), column);
        if (input[i].type == T::Dynamic)
            fail(QStringLiteral("cannot partition by a dynamic value; convert it first"), column);
        column.type = input[i].type;
        column.value = input[i].name;
        return bindPipeline(*op.kid(1), ctx, inputPtr);
    }
    case NodeKind::OpRender:
        // The columns render's properties name are the result's (Kusto refuses others).
        for (const auto &[property, value] : op.options) {
            if (property != u"xcolumn" && property != u"ycolumns" && property != u"series"
                && property != u"anomalycolumns")
                continue;
            for (const QString &column : value.split(QLatin1Char(','))) {
                Node name;
                name.text = column;
                if (findColumn(input, name) < 0)
                    fail(QStringLiteral("render's %1 names '%2', which is not a column of the "
                                        "result")
                                 .arg(property, column),
                         op);
            }
        }
        return inputPtr;
    case NodeKind::OpAs: {
        Symbol symbol;
        symbol.kind = Symbol::Tabular;
        symbol.schema = inputPtr;
        outer.scope->names.insert(op.text, symbol);
        return inputPtr;
    }
    case NodeKind::OpInvoke: {
        Node &call = *op.kid(0);
        const Symbol *fn = outer.scope ? outer.scope->find(call.text) : nullptr;
        if (!fn || fn->kind != Symbol::Function) {
            for (const HuntingFunction &defender : m_schema.functions()) {
                if (defender.name == call.text)
                    return bindDefenderInvoke(op, inputPtr, defender, outer);
            }
            fail(QStringLiteral("unknown function '%1' after invoke").arg(call.text), call);
        }
        // The input becomes the function's first (tabular) argument.
        auto input0 = std::make_unique<Node>();
        input0->kind = NodeKind::ImplicitInput;
        input0->pos = op.pos;
        input0->schema = inputPtr;
        call.kids.insert(call.kids.begin(), std::move(input0));
        bindLambdaCall(call, *fn, outer);
        call.kids.erase(call.kids.begin());
        if (!call.schema)
            fail(QStringLiteral("the function '%1' does not return a table").arg(call.text), call);
        return call.schema;
    }
    case NodeKind::OpEvaluate: {
        Node &call = *op.kid(0);
        if (op.count() > 1 && op.kid(1)->kind == NodeKind::Star && call.text != u"bag_unpack")
            fail(QStringLiteral("'*' in the declared columns of %1() is not supported by Vigil's "
                                "local KQL (only bag_unpack's)")
                         .arg(call.text),
                 *op.kid(1));
        if (call.text == u"ipv4_lookup")
            return bindIpv4Lookup(op, input, outer);
        if (call.text == u"pivot")
            return bindPivot(op, input, ctx);
        if (call.text != u"bag_unpack")
            fail(QStringLiteral("'evaluate %1()' is not supported by Vigil's local KQL (only "
                                "bag_unpack, ipv4_lookup and pivot)")
                         .arg(call.text),
                 call);
        return bindBagUnpack(op, input, ctx);
    }
    default:
        fail(QStringLiteral("this operator is not supported here"), op);
    }
}

void Binder::bindPrintedColumns(Node &item, Node &call, RowBuilder &row, QSet<QString> &named,
                                const Context &ctx)
{
    // print series_fit_line(y) gives all six columns (series_fit_line_y_rsquare, …); named, it
    // gives only the columns it names: `s = …` the first, `(a, b) = …` the first two.
    const QList<MultiColumnField> &fields = *multiColumnFields(call.text);
    bindMultiColumnCall(call, ctx);
    call.type = T::Dynamic;
    QStringList names;
    for (const auto &[key, name] : item.options) {
        if (key == u"name")
            names.append(name);
    }
    if (item.kind == NodeKind::Assign && !item.text.isEmpty())
        names = {item.text};
    if (names.size() > fields.size())
        fail(QStringLiteral("%1() gives %2 columns, not %3")
                     .arg(call.text)
                     .arg(fields.size())
                     .arg(names.size()),
             item);
    if (names.isEmpty()) {
        const QString series = expressionName(*call.kid(0));
        for (const MultiColumnField &field : fields)
            item.outputColumns.append(row.appendUnique(
                    QStringLiteral("%1_%2_%3").arg(call.text, series, QLatin1String(field.name)),
                    field.type));
        return;
    }
    for (qsizetype k = 0; k < names.size(); ++k) {
        if (named.contains(names[k]))
            fail(QStringLiteral("the column '%1' is named twice").arg(names[k]), item);
        named.insert(names[k]);
        item.outputColumns.append(row.appendUnique(names[k], fields[k].type));
    }
}

SchemaPtr Binder::bindProjection(Node &op, const RowSchema &input, const Context &ctx)
{
    const bool extend = op.kind == NodeKind::OpExtend || op.kind == NodeKind::OpSerialize;
    if (op.kind == NodeKind::OpDistinct && op.count() == 1 && op.kid(0)->kind == NodeKind::Star)
        return share(input);
    RowBuilder row = extend ? RowBuilder(input) : RowBuilder();
    QSet<QString> explicitNames;
    QSet<QString> references; // names given by a bare column reference
    int &counter = m_columnCounter;
    for (const NodePtr &item : op.kids) {
        Node &value = item->kind == NodeKind::Assign ? *item->kid(0) : *item;
        const QList<MultiColumnField> *fields
                = value.kind == NodeKind::Call && !(ctx.scope && ctx.scope->find(value.text))
                          ? multiColumnFields(value.text)
                          : nullptr;
        QStringList names; // `(A, B) = f(…)`: the names of the first columns
        for (const auto &[key, name] : item->options) {
            if (key == u"name")
                names.append(name);
        }
        if (item->kind == NodeKind::Assign && item->text.isEmpty() && !fields)
            fail(QStringLiteral("'(A, B) = …' names the columns of a function that gives several "
                                "(series_fit_line(), series_decompose_anomalies(), …); this "
                                "expression gives one value"),
                 *item);
        if (fields) {
            // series_stats(x) gives seven columns, series_stats_x_min & co., series_fit_line(x)
            // six, …; `s = …` renames the first, `(a, b) = …` the first ones.
            bindMultiColumnCall(value, ctx);
            if (names.size() > fields->size())
                fail(QStringLiteral("%1() gives %2 columns, not %3")
                             .arg(value.text)
                             .arg(fields->size())
                             .arg(names.size()),
                     *item);
            if (item->kind == NodeKind::Assign && !item->text.isEmpty())
                names = {item->text};
            for (qsizetype k = 0; k < names.size(); ++k) {
                if (names.indexOf(names[k]) != k || (!extend && explicitNames.contains(names[k])))
                    fail(QStringLiteral("the column '%1' is named twice").arg(names[k]), *item);
                explicitNames.insert(names[k]);
            }
            const QString series = expressionName(*value.kid(0));
            value.type = T::Dynamic;
            for (qsizetype k = 0; k < fields->size(); ++k) {
                const MultiColumnField &field = fields->at(k);
                QString name = k < names.size() ? names[k]
                                                : QStringLiteral("%1_%2_%3")
                                                          .arg(value.text, series,
                                                               QLatin1String(field.name));
                // extend replaces a column the query names; a default name already taken is
                // made unique (series_stats_x_min1), as the language service does.
                const qsizetype existing = row.indexOf(name);
                if (extend && existing >= 0 && k < names.size()) {
                    row.setType(existing, field.type);
                    item->outputColumns.append(name);
                } else {
                    item->outputColumns.append(row.appendUnique(name, field.type));
                }
            }
            continue;
        }
        const T t = bindScalar(value, ctx);
        if (op.kind == NodeKind::OpDistinct && t == T::Dynamic)
            fail(QStringLiteral("distinct cannot take a dynamic value; convert it first "
                                "(tostring(), tolong(), …)"),
                 value);
        QString name = item->kind == NodeKind::Assign ? item->text : expressionName(value);
        if (item->kind == NodeKind::Assign) {
            if (explicitNames.contains(name) && !extend)
                fail(QStringLiteral("the column '%1' is named twice").arg(name), *item);
            explicitNames.insert(name);
        }
        if (name.isEmpty())
            name = extend ? nextFreeColumnName(row, counter) : nextColumnName(row, counter);
        const qsizetype existing = row.indexOf(name);
        if (extend && existing >= 0) {
            row.setType(existing, t); // extend replaces a column of that name in place
            item->outputColumns.append(name);
            continue;
        }
        // A name given twice, or a column referred to twice, is an error; a name that only a
        // computed column took before is made unique (project x, tostring(x), x1 = 2 gives
        // x, x1, x11).
        const bool reference = isColumnReference(value);
        if (!extend && existing >= 0
            && ((item->kind == NodeKind::Assign && references.contains(name))
                || (reference && (references.contains(name) || explicitNames.contains(name)))))
            fail(QStringLiteral("the column '%1' is named twice").arg(name), *item);
        if (isColumnReference(value))
            references.insert(name);
        item->outputColumns.append(row.appendUnique(name, t));
    }
    return share(row.columns());
}

int Binder::standsForColumn(const RowSchema &row, Node &value, const Context &ctx) const
{
    if (value.kind == NodeKind::Name)
        return findColumn(row, value);
    // tobool() … totimespan(): a conversion that changes nothing is still the column.
    static const QSet<QString> conversions = {
            QStringLiteral("tobool"),    QStringLiteral("toboolean"), QStringLiteral("todatetime"),
            QStringLiteral("todecimal"), QStringLiteral("todouble"),  QStringLiteral("toreal"),
            QStringLiteral("todynamic"), QStringLiteral("toguid"),    QStringLiteral("toint"),
            QStringLiteral("tolong"),    QStringLiteral("tostring"),  QStringLiteral("totime"),
            QStringLiteral("totimespan")};
    if (value.kind != NodeKind::Call || value.count() != 1 || !conversions.contains(value.text)
        || (ctx.scope && ctx.scope->find(value.text)) || value.kid(0)->kind != NodeKind::Name)
        return -1;
    const int column = findColumn(row, *value.kid(0));
    return column >= 0 && value.type == row[column].type ? column : -1;
}

SchemaPtr Binder::bindSummarize(Node &op, const RowSchema &input, const Context &ctx)
{
    Node &aggregates = *op.kid(0);
    Node &keys = *op.kid(1);
    RowBuilder row;
    int &counter = m_columnCounter;
    QSet<QString> keyNames;
    QSet<QString> references; // names given by a bare column reference
    for (const NodePtr &item : keys.kids) {
        Node &value = item->kind == NodeKind::Assign ? *item->kid(0) : *item;
        const T t = bindScalar(value, ctx);
        if (t == T::Dynamic)
            fail(QStringLiteral("cannot group by a dynamic value; convert it first (tostring(), "
                                "tolong(), …)"),
                 value);
        QString name = item->kind == NodeKind::Assign ? item->text : expressionName(value);
        if (name.isEmpty())
            name = nextColumnName(row, counter);
        else if ((item->kind == NodeKind::Assign
                  || (isColumnReference(value) && references.contains(name)))
                 && row.contains(name))
            fail(QStringLiteral("the column '%1' is named twice").arg(name), *item);
        if (const int column = standsForColumn(input, value, ctx); column >= 0)
            keyNames.insert(input[column].name);
        if (isColumnReference(value))
            references.insert(name);
        item->outputColumns.append(row.appendUnique(name, t));
    }
    Context agg = ctx;
    agg.aggregates = true;
    QSet<QString> fixedNames; // the keys' and the explicitly named aggregates' names
    for (const Column &c : row.columns())
        fixedNames.insert(c.name);
    for (const NodePtr &item : aggregates.kids) {
        Node &value = item->kind == NodeKind::Assign ? *item->kid(0) : *item;
        const bool multi = value.kind == NodeKind::Call
                           && (value.text == u"arg_max" || value.text == u"arg_min"
                               || value.text == u"take_any" || value.text == u"any"
                               || value.text == u"argmax" || value.text == u"argmin")
                           && !(ctx.scope && ctx.scope->find(value.text));
        if (multi
            && ((value.text != u"take_any" && value.text != u"any") || value.count() > 1
                || (value.count() == 1 && value.kid(0)->kind == NodeKind::Star))) {
            if (value.count() < 1)
                fail(QStringLiteral("%1() needs the column to maximize and the columns to return")
                             .arg(value.text),
                     value);
            const Context &inner = ctx;
            QList<Column> produced; // an empty name: numbered ColumnN when appended
            // argmax/argmin, the old spellings, name their columns max_T and max_T_X.
            const bool old = value.text == u"argmax" || value.text == u"argmin";
            const QString oldPrefix = value.text.mid(3) + QLatin1Char('_');
            QString first; // argument 0's name, known once it is bound
            // With a `*` among the arguments every input column comes once: a column that is a
            // key, or that an earlier argument (arg_max's first, a bare column, `X = C`, a
            // conversion of C to its own type) or `*` already gave, is left out, as the
            // analyzer does. Each argument's outputColumns tells the compiler what it gives:
            // the star its input columns, any other argument its one name or nothing.
            bool anyStar = false;
            for (const NodePtr &arg : value.kids)
                anyStar = anyStar || arg->kind == NodeKind::Star;
            const bool argPick = value.text.startsWith(QLatin1String("arg_"));
            QSet<QString> given;
            for (qsizetype k = 0; k < value.count(); ++k) {
                Node &arg = *value.kid(k);
                arg.outputColumns.clear();
                if (arg.kind == NodeKind::Star && old)
                    fail(QStringLiteral("%1(…, *) is not supported; use arg_%2(…, *)")
                                 .arg(value.text, value.text.mid(3)),
                         arg);
                if (arg.kind == NodeKind::Star && value.text == u"any" && value.count() > 1)
                    fail(QStringLiteral("any() takes '*' only alone; use take_any(…, *)"), arg);
                if (arg.kind == NodeKind::Star) {
                    for (const Column &c : input) {
                        if (given.contains(c.name) || keyNames.contains(c.name))
                            continue;
                        given.insert(c.name);
                        arg.outputColumns.append(c.name);
                        // any(*) names each column any_X; take_any(*) and arg_max(…, *) keep X.
                        const QString name
                                = value.text == u"any" ? QStringLiteral("any_") + c.name : c.name;
                        produced.append({name, c.type});
                    }
                    continue;
                }
                const bool named = arg.kind == NodeKind::Assign || arg.kind == NodeKind::NamedArg;
                Node &expr = named ? *arg.kid(0) : arg;
                const T t = bindScalar(expr, inner);
                if (k == 0 && value.text != u"take_any"
                    && (t == T::Dynamic || t == T::Bool || t == T::Guid))
                    fail(QStringLiteral("%1() cannot order by a %2 value")
                                 .arg(value.text, kqlTypeName(t)),
                         expr);
                QString name = named ? arg.text : expressionName(expr);
                if (k == 0)
                    first = name;
                if (const int column = standsForColumn(input, expr, ctx); column >= 0) {
                    const QString &source = input[column].name;
                    if (anyStar && !(argPick && k == 0)
                        && (given.contains(source) || keyNames.contains(source)))
                        continue;
                    given.insert(source);
                }
                // An argument without a name of its own: arg_max(tolower(x), …) is max_, a later
                // one max_T_argK (T the first argument's name); take_any's and any's any_argK.
                const QString unnamed = QStringLiteral("_arg") + QString::number(k);
                if (old && !named)
                    name = k == 0 ? QString(oldPrefix + name)
                                  : QString(oldPrefix + first + QLatin1Char('_')
                                            + (name.isEmpty() ? unnamed.mid(1) : name));
                if (!named && value.text == u"any" && !name.isEmpty())
                    name = QStringLiteral("any_") + name;
                if (name.isEmpty() && argPick)
                    name = k == 0 ? QString(value.text.mid(4) + QLatin1Char('_'))
                                  : QString(value.text.mid(4) + QLatin1Char('_') + first + unnamed);
                if (name.isEmpty() && !argPick && !old)
                    name = QStringLiteral("any") + unnamed;
                arg.outputColumns.append(name);
                produced.append({name, t});
            }
            // `x = arg_max(…)` and `(a, b) = arg_max(…)` rename the first columns, in order.
            const QStringList names = assignedNames(*item);
            if (names.size() > produced.size())
                fail(QStringLiteral("%1 names for the %2 columns of %3()")
                             .arg(names.size())
                             .arg(produced.size())
                             .arg(value.text),
                     *item);
            for (qsizetype k = 0; k < names.size(); ++k) {
                if (names.indexOf(names[k]) != k || fixedNames.contains(names[k]))
                    fail(QStringLiteral("A column with the name '%1' is already declared.")
                                 .arg(names[k]),
                         *item);
                fixedNames.insert(names[k]);
                produced[k].name = names[k];
            }
            for (const Column &c : std::as_const(produced))
                item->outputColumns.append(row.appendUnique(
                        c.name.isEmpty() ? nextColumnName(row, counter) : c.name, c.type));
            value.type = T::Dynamic;
            continue;
        }
        if (item->kind == NodeKind::Assign && item->text.isEmpty())
            fail(QStringLiteral("several names '(A, B) = …' need an aggregate that gives several "
                                "columns (arg_max, arg_min, take_any)"),
                 *item);
        const T t = bindScalar(value, agg);
        if (!containsAggregate(value))
            fail(QStringLiteral("each expression before 'by' in summarize must use an aggregate "
                                "function (count(), sum(), …)"),
                 value);
        QString name = item->kind == NodeKind::Assign ? item->text : expressionName(value);
        if (name.isEmpty() && value.kind == NodeKind::Call && value.text == u"take_any"
            && !(ctx.scope && ctx.scope->find(value.text)))
            name = QStringLiteral("any_arg0"); // take_any(tolower(x)), as the analyzer names it
        if (name.isEmpty())
            name = nextColumnName(row, counter);
        else if (item->kind == NodeKind::Assign && fixedNames.contains(name))
            fail(QStringLiteral("the column '%1' is named twice").arg(name), *item);
        if (item->kind == NodeKind::Assign)
            fixedNames.insert(name);
        // A name only a computed aggregate took before is made unique (count(), count_ = …).
        item->outputColumns.append(row.appendUnique(name, t));
    }
    return share(row.columns());
}

SchemaPtr Binder::bindMakeSeries(Node &op, const RowSchema &, const Context &ctx)
{
    // make-series: the keys as summarize names them, each aggregate an array (dynamic), then the
    // axis as an array under its own name.
    Node &aggregates = *op.kid(0);
    Node &defaults = *op.kid(1);
    Node &axisItem = *op.kid(2);
    Node &keys = *op.kid(6);
    RowBuilder row;
    int &counter = m_columnCounter;
    for (const NodePtr &item : keys.kids) {
        Node &value = item->kind == NodeKind::Assign ? *item->kid(0) : *item;
        const T t = bindScalar(value, ctx);
        if (t == T::Dynamic)
            fail(QStringLiteral("cannot group by a dynamic value; convert it first (tostring(), "
                                "tolong(), …)"),
                 value);
        QString name = item->kind == NodeKind::Assign ? item->text : expressionName(value);
        if (name.isEmpty())
            name = nextColumnName(row, counter);
        else if (item->kind == NodeKind::Assign && row.contains(name))
            fail(QStringLiteral("A column with the name '%1' is already declared.").arg(name),
                 *item);
        item->outputColumns.append(row.appendUnique(name, t));
    }
    Context agg = ctx;
    agg.aggregates = true;
    for (qsizetype i = 0; i < aggregates.count(); ++i) {
        Node &item = *aggregates.kid(i);
        Node &value = item.kind == NodeKind::Assign ? *item.kid(0) : item;
        bindScalar(value, agg);
        if (!containsAggregate(value))
            fail(QStringLiteral("each expression of make-series must use an aggregate function "
                                "(count(), sum(), …)"),
                 value);
        Node &fill = *defaults.kid(i);
        if (fill.count() > 0) {
            Context none;
            none.scope = ctx.scope;
            bindScalar(*fill.kid(0), none);
        }
        QString name = item.kind == NodeKind::Assign ? item.text : expressionName(value);
        if (name.isEmpty())
            name = nextColumnName(row, counter);
        else if (item.kind == NodeKind::Assign && row.contains(name))
            fail(QStringLiteral("A column with the name '%1' is already declared.").arg(name),
                 item);
        item.outputColumns.append(row.appendUnique(name, T::Dynamic));
    }
    Node &axis = axisItem.kind == NodeKind::Assign ? *axisItem.kid(0) : axisItem;
    const T axisType = bindScalar(axis, ctx);
    if (!isNumber(axisType) && axisType != T::DateTime && axisType != T::TimeSpan)
        fail(QStringLiteral("the axis of make-series must be a number, datetime or timespan"),
             axis);
    Context none;
    none.scope = ctx.scope;
    // The ends have the axis's type and the step its interval's, as Kusto's analyzer requires
    // (a long axis takes int ends too; a real axis any number).
    const bool wholeAxis = axisType == T::Long || axisType == T::Int;
    const auto endFits = [&](T t) {
        if (wholeAxis)
            return t == T::Long || t == T::Int;
        if (isNumber(axisType))
            return isNumber(t);
        return t == axisType;
    };
    const auto stepFits = [&](T t) {
        if (axisType == T::DateTime || axisType == T::TimeSpan)
            return t == T::TimeSpan;
        return wholeAxis ? t == T::Long || t == T::Int : isNumber(t);
    };
    for (Node *end : {op.kid(3)->kid(0), op.kid(4)->kid(0)}) {
        if (end && !endFits(bindScalar(*end, none)))
            fail(QStringLiteral("this end of the make-series axis is %1, but the axis is %2")
                         .arg(kqlTypeName(*end->type), kqlTypeName(axisType)),
                 *end);
    }
    if (Node *step = op.kid(5); step && !stepFits(bindScalar(*step, none)))
        fail(QStringLiteral("the step of a %1 axis is %2, not %3")
                     .arg(kqlTypeName(axisType),
                          axisType == T::DateTime || axisType == T::TimeSpan
                                  ? QStringLiteral("a timespan")
                          : wholeAxis ? QStringLiteral("a whole number")
                                      : QStringLiteral("a number"),
                          kqlTypeName(*step->type)),
             *step);
    const QString axisName
            = axisItem.kind == NodeKind::Assign ? axisItem.text : expressionName(axis);
    if (axisName.isEmpty() || row.contains(axisName))
        fail(axisName.isEmpty()
                     ? QStringLiteral("the axis of make-series must be a column or be named")
                     : QStringLiteral("A column with the name '%1' is already declared.")
                               .arg(axisName),
             axisItem);
    axisItem.outputColumns.append(row.appendUnique(axisName, T::Dynamic));
    return share(row.columns());
}

} // namespace Vigil::Kql
