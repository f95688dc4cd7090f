#include "kqlparser.h"

#include <QHash>

#include <algorithm>

#include <utility>

// The pipe operators' own grammar: options, projections, sort keys, summarize, join, union,
// mv-expand/mv-apply and parse. The operator dispatch is in kqlparser.cpp.
namespace Vigil::Kql {

namespace {

using L = QLatin1StringView;

// The values Kusto's parser takes for an option (Microsoft's language service, asked with a
// wrong one); empty: any value.
QStringList optionValues(NodeKind op, const QString &name)
{
    if (name == u"hint.strategy") {
        if (op == NodeKind::OpJoin || op == NodeKind::OpDistinct)
            return {QStringLiteral("auto"), QStringLiteral("broadcast"),
                    QStringLiteral("centralized"), QStringLiteral("shuffle")};
        if (op == NodeKind::OpSummarize)
            return {QStringLiteral("shuffle")};
        if (op == NodeKind::OpSort)
            return {QStringLiteral("splitBlock"), QStringLiteral("multipleBlocks")};
    }
    if (name == u"hint.remote")
        return {QStringLiteral("auto"), QStringLiteral("left"), QStringLiteral("local"),
                QStringLiteral("right"), QStringLiteral("unresolved")};
    if (name == u"kind" && (op == NodeKind::OpMvExpand || op == NodeKind::OpMvApply))
        return {QStringLiteral("bag"), QStringLiteral("array")};
    if (name == u"kind" && op == NodeKind::OpMakeSeries)
        return {QStringLiteral("nonempty")};
    return {};
}

bool isKnownHint(const QString &name)
{
    static const QStringList hints
            = {QStringLiteral("strategy"),       QStringLiteral("shufflekey"),
               QStringLiteral("remote"),         QStringLiteral("num_partitions"),
               QStringLiteral("materialized"),   QStringLiteral("concurrency"),
               QStringLiteral("spread"),         QStringLiteral("distribution"),
               QStringLiteral("pass_filters"),   QStringLiteral("pass_filters_column"),
               QStringLiteral("progressive_top")};
    return hints.contains(name.mid(5));
}

} // namespace

void Parser::readOptions(Node &node, const QStringList &allowed)
{
    // name=value pairs before an operator's arguments: kind=inner, hint.strategy=shuffle, …
    while (peek().kind == TokenKind::Identifier) {
        int n = 1;
        QString name = peek().text;
        while (isOp(L("."), n) && peek(n + 1).kind == TokenKind::Identifier) {
            name += QLatin1Char('.') + peek(n + 1).text;
            n += 2;
        }
        if (!isOp(L("="), n))
            return;
        if (!allowed.contains(name) && !name.startsWith(QLatin1String("hint.")))
            return;
        const Token &at = peek();
        for (int k = 0; k < n + 1; ++k)
            take();
        const Token &value = peek();
        if (value.kind == TokenKind::End || value.kind == TokenKind::Operator)
            fail(QStringLiteral("the option '%1' has no value").arg(name), at.pos);
        if (name.startsWith(QLatin1String("hint.")) && !isKnownHint(name))
            fail(QStringLiteral("'%1' is not a hint KQL knows").arg(name), at.pos);
        const QString text = value.kind == TokenKind::String || value.kind == TokenKind::BracketName
                                     ? value.value
                                     : value.text;
        const QStringList values = optionValues(node.kind, name);
        if (!values.isEmpty() && !values.contains(text))
            fail(QStringLiteral("'%1' is not a value of %2 (values: %3)")
                         .arg(text, name, values.join(QStringLiteral(", "))),
                 value.pos);
        if (name == u"hint.num_partitions" && value.kind != TokenKind::Long)
            fail(QStringLiteral("hint.num_partitions takes a whole number"), value.pos);
        const bool boolean = value.kind == TokenKind::Identifier
                             && (text.compare(u"true", Qt::CaseInsensitive) == 0
                                 || text.compare(u"false", Qt::CaseInsensitive) == 0);
        if (name == u"isfuzzy" && !boolean)
            fail(QStringLiteral("isfuzzy takes true or false, not '%1'").arg(text), value.pos);
        take();
        node.options.append({name, boolean ? text.toLower() : text});
    }
}

// render Visualization [with (Name = Value, …)]: the visualizations, properties and values
// Kusto's parser takes; list properties (ycolumns, series, anomalycolumns) are kept as the
// names joined by ','.
NodePtr Parser::opRender(NodePtr op)
{
    static const QStringList visualizations = {QStringLiteral("table"),
                                               QStringLiteral("list"),
                                               QStringLiteral("barchart"),
                                               QStringLiteral("piechart"),
                                               QStringLiteral("ladderchart"),
                                               QStringLiteral("timechart"),
                                               QStringLiteral("linechart"),
                                               QStringLiteral("anomalychart"),
                                               QStringLiteral("pivotchart"),
                                               QStringLiteral("areachart"),
                                               QStringLiteral("stackedareachart"),
                                               QStringLiteral("scatterchart"),
                                               QStringLiteral("timepivot"),
                                               QStringLiteral("columnchart"),
                                               QStringLiteral("timeline"),
                                               QStringLiteral("3Dchart"),
                                               QStringLiteral("card"),
                                               QStringLiteral("treemap"),
                                               QStringLiteral("plotly"),
                                               QStringLiteral("graph"),
                                               QStringLiteral("sankey")};
    const Token &chart = peek();
    const QString name = chart.text; // 3Dchart lexes as one name, as 2ndLogon does
    if (chart.kind != TokenKind::Identifier)
        unexpected(QStringLiteral("a chart type after 'render'"));
    if (!visualizations.contains(name))
        fail(QStringLiteral("'%1' is not a visualization of render (%2)")
                     .arg(name, visualizations.join(QStringLiteral(", "))),
             chart.pos);
    take();
    op->text = name;
    if (!acceptWord(L("with")))
        return op;
    expectOp(L("("), QStringLiteral("after 'with'"));
    static const QHash<QString, QStringList> choices
            = {{QStringLiteral("kind"),
                {QStringLiteral("default"), QStringLiteral("unstacked"), QStringLiteral("stacked"),
                 QStringLiteral("stacked100"), QStringLiteral("map")}},
               {QStringLiteral("legend"), {QStringLiteral("visible"), QStringLiteral("hidden")}},
               {QStringLiteral("ysplit"),
                {QStringLiteral("none"), QStringLiteral("axes"), QStringLiteral("panels")}},
               {QStringLiteral("xaxis"), {QStringLiteral("linear"), QStringLiteral("log")}},
               {QStringLiteral("yaxis"), {QStringLiteral("linear"), QStringLiteral("log")}}};
    static const QStringList titles
            = {QStringLiteral("title"), QStringLiteral("xtitle"), QStringLiteral("ytitle")};
    static const QStringList limits = {QStringLiteral("ymin"), QStringLiteral("ymax"),
                                       QStringLiteral("xmin"), QStringLiteral("xmax")};
    static const QStringList lists = {QStringLiteral("ycolumns"), QStringLiteral("series"),
                                      QStringLiteral("anomalycolumns")};
    while (!isOp(L(")"))) {
        const Token &key = peek();
        if (key.kind != TokenKind::Identifier)
            unexpected(QStringLiteral("a render property"));
        const QString property = key.text;
        if (!choices.contains(property) && !titles.contains(property) && !limits.contains(property)
            && !lists.contains(property) && property != u"xcolumn" && property != u"accumulate")
            fail(QStringLiteral("'%1' is not a property of render (accumulate, kind, legend, "
                                "series, title, xaxis, xcolumn, xtitle, yaxis, ycolumns, ymin, "
                                "ymax, ysplit, ytitle, …)")
                         .arg(property),
                 key.pos);
        if (std::any_of(op->options.cbegin(), op->options.cend(),
                        [&](const auto &option) { return option.first == property; }))
            fail(QStringLiteral("the render property '%1' is given twice").arg(property), key.pos);
        take();
        expectOp(L("="), QStringLiteral("after a render property"));
        const Token &value = peek();
        QString text;
        if (choices.contains(property)) {
            if (value.kind != TokenKind::Identifier || !choices[property].contains(value.text))
                fail(QStringLiteral("render's %1 is one of %2")
                             .arg(property, choices[property].join(QStringLiteral(", "))),
                     value.pos);
            text = take().text;
        } else if (property == u"accumulate") {
            if (value.kind != TokenKind::Identifier
                || (value.text.compare(u"true", Qt::CaseInsensitive) != 0
                    && value.text.compare(u"false", Qt::CaseInsensitive) != 0))
                fail(QStringLiteral("render's accumulate is true or false"), value.pos);
            text = take().text.toLower();
        } else if (titles.contains(property)) {
            if (value.kind != TokenKind::String)
                fail(QStringLiteral("render's %1 is a string literal").arg(property), value.pos);
            while (peek().kind == TokenKind::String)
                text += take().value;
        } else if (limits.contains(property)) {
            NodePtr number = expression();
            const Node *n = number.get();
            QString sign;
            if (n->kind == NodeKind::Unary && n->kids.size() == 1) {
                sign = n->text == u"-" ? QStringLiteral("-") : QString();
                n = n->kid(0);
            }
            if (n->kind != NodeKind::Literal
                || (n->literal != LiteralKind::Long && n->literal != LiteralKind::Real
                    && n->literal != LiteralKind::Int && n->literal != LiteralKind::Decimal))
                fail(QStringLiteral("render's %1 is a number").arg(property), value.pos);
            text = sign + n->value;
        } else {
            // xcolumn: one column; ycolumns, series, anomalycolumns: columns separated by ','
            // up to the next `name =`.
            const QString what = QStringLiteral("a column name for render's %1").arg(property);
            QStringList names = {expectName(what)};
            while (lists.contains(property) && isOp(L(",")) && !isOp(L("="), 2)
                   && !isOp(L(")"), 1)) {
                take();
                names.append(expectName(what));
            }
            text = names.join(QLatin1Char(','));
        }
        op->options.append({property, text});
        if (!acceptSeparator(L(")"), QStringLiteral("a property")))
            break;
    }
    expectOp(L(")"), QStringLiteral("to end the render properties"));
    return op;
}

NodePtr Parser::opProjectLike(NodeKind kind, const Token &at)
{
    NodePtr op = make(kind, at);
    const bool patterns = kind == NodeKind::OpProjectAway || kind == NodeKind::OpProjectKeep;
    if (kind == NodeKind::OpSerialize
        && (peek().kind == TokenKind::End || isOp(L("|")) || isOp(L(";")) || isOp(L(")"))))
        return op;
    do {
        if ((kind == NodeKind::OpExtend || kind == NodeKind::OpProject) && atSeveralNames(0)) {
            // (anomalies, score, baseline) = series_decompose_anomalies(y): the columns of a
            // function that gives several, named in order (as summarize's arg_max).
            op->kids.push_back(severalNames());
        } else if (patterns)
            op->kids.push_back(namePattern());
        else if (kind == NodeKind::OpProjectReorder) {
            NodePtr key = make(NodeKind::SortKey, peek());
            key->kids.push_back(namePattern());
            if (isWord(L("asc")) || isWord(L("desc")) || isWord(L("granny-asc"))
                || isWord(L("granny-desc")))
                key->options.append({QStringLiteral("order"), take().text});
            op->kids.push_back(std::move(key));
        } else if (kind == NodeKind::OpProjectRename) {
            NodePtr assign = make(NodeKind::Assign, peek());
            assign->text = expectName(QStringLiteral("a new column name"));
            expectOp(L("="), QStringLiteral("in project-rename (NewName = OldName)"));
            NodePtr old = make(NodeKind::Name, peek());
            old->text = expectName(QStringLiteral("the column to rename"));
            assign->kids.push_back(std::move(old));
            op->kids.push_back(std::move(assign));
        } else
            op->kids.push_back(namedOrPlain());
    } while (acceptOp(L(",")));
    return op;
}

NodePtr Parser::namePattern()
{
    // Adjacent identifiers and '*' make one pattern: *1, Device*, *Id*, Initiating*Name.
    const Token &start = peek();
    NodePtr node = make(NodeKind::Name, start);
    if (start.kind == TokenKind::BracketName) {
        node->text = take().value;
        node->bracketed = true;
        return node;
    }
    QString text;
    int end = -1;
    bool wildcard = false;
    while ((peek().kind == TokenKind::Identifier || peek().kind == TokenKind::Long || isOp(L("*")))
           && (end < 0 || peek().pos.offset == end)) {
        wildcard = wildcard || isOp(L("*"));
        text += peek().text;
        end = take().end;
    }
    if (text.isEmpty())
        unexpected(QStringLiteral("a column name"));
    if (!wildcard && isReservedWord(text))
        fail(QStringLiteral("'%1' is a KQL keyword: write it as ['%1'] to use it as a name")
                     .arg(text),
             start.pos);
    node->kind = wildcard ? NodeKind::NamePattern : NodeKind::Name;
    node->text = text;
    return node;
}

NodePtr Parser::sortKey()
{
    NodePtr key = make(NodeKind::SortKey, peek());
    key->kids.push_back(expression());
    if (isWord(L("asc")) || isWord(L("desc")))
        key->options.append({QStringLiteral("order"), take().text});
    if (acceptWord(L("nulls"))) {
        if (!isWord(L("first")) && !isWord(L("last")))
            unexpected(QStringLiteral("'first' or 'last' after 'nulls'"));
        key->options.append({QStringLiteral("nulls"), take().text});
    }
    return key;
}

NodePtr Parser::opSummarize(const Token &at)
{
    NodePtr op = make(NodeKind::OpSummarize, at);
    readOptions(*op, {QStringLiteral("hint.strategy"), QStringLiteral("hint.shufflekey"),
                      QStringLiteral("hint.num_partitions")});
    NodePtr aggregates = make(NodeKind::List, peek());
    NodePtr keys = make(NodeKind::List, peek());
    if (!isWord(L("by"))) {
        do {
            if (atSeveralNames(0)) {
                // (Timestamp, ReportId) = arg_max(Timestamp, ReportId): names the columns in order.
                aggregates->kids.push_back(severalNames());
                continue;
            }
            aggregates->kids.push_back(namedOrPlain());
        } while (acceptOp(L(",")));
    }
    if (acceptWord(L("by"))) {
        do {
            keys->kids.push_back(namedOrPlain());
        } while (acceptOp(L(",")));
    }
    op->kids.push_back(std::move(aggregates));
    op->kids.push_back(std::move(keys));
    return op;
}

NodePtr Parser::opMakeSeries(const Token &at)
{
    // make-series [kind=nonempty] [Name =] Aggregate [default = Value], … on Axis [from Start]
    // [to End] step Step [by [Name =] Key, …]
    NodePtr op = make(NodeKind::OpMakeSeries, at);
    readOptions(*op, {QStringLiteral("kind"), QStringLiteral("hint.shufflekey")});
    NodePtr aggregates = make(NodeKind::List, peek());
    NodePtr defaults = make(NodeKind::List, peek());
    do {
        aggregates->kids.push_back(namedOrPlain());
        NodePtr fill = make(NodeKind::List, peek());
        if (acceptWord(L("default"))) {
            expectOp(L("="), QStringLiteral("after 'default'"));
            fill->kids.push_back(expression());
        }
        defaults->kids.push_back(std::move(fill));
    } while (acceptOp(L(",")));
    if (!acceptWord(L("on")))
        unexpected(QStringLiteral("'on' and the axis column of make-series"));
    op->kids.push_back(std::move(aggregates));
    op->kids.push_back(std::move(defaults));
    // The older form `on Axis in range(start, stop, step)`: the axis is a column or
    // `Name = Column` (an `in` after an expression would read as the in operator).
    const auto isName = [&](int k) {
        return peek(k).kind == TokenKind::Identifier || peek(k).kind == TokenKind::BracketName;
    };
    int inAt = 0;
    if (isName(0) && isWord(L("in"), 1) && isWord(L("range"), 2))
        inAt = 1;
    else if (isName(0) && isOp(L("="), 1) && isName(2) && isWord(L("in"), 3)
             && isWord(L("range"), 4))
        inAt = 3;
    if (inAt > 0) {
        NodePtr axis = make(NodeKind::Name, peek(inAt - 1));
        if (inAt == 3) {
            NodePtr assign = make(NodeKind::Assign, peek());
            assign->text = expectName(QStringLiteral("a column name"));
            take(); // =
            axis->pos = peek().pos;
            axis->text = expectName(QStringLiteral("the axis column"));
            assign->kids.push_back(std::move(axis));
            op->kids.push_back(std::move(assign));
        } else {
            axis->text = expectName(QStringLiteral("the axis column"));
            op->kids.push_back(std::move(axis));
        }
        take(); // in
        take(); // range
        expectOp(L("("), QStringLiteral("after 'range'"));
        // Kusto's make-series page: stop is included and the first bin is bin(start, step).
        op->options.append({QStringLiteral("in range"), QStringLiteral("true")});
        for (const auto after : {L("start"), L("stop")}) {
            NodePtr bound = make(NodeKind::List, peek());
            bound->kids.push_back(expression());
            op->kids.push_back(std::move(bound));
            expectOp(L(","), QStringLiteral("after the %1 of range()").arg(after));
        }
        op->kids.push_back(expression());
        expectOp(L(")"), QStringLiteral("after the step of range()"));
    } else {
        op->kids.push_back(namedOrPlain());
        if (isWord(L("in")))
            fail(QStringLiteral("make-series '… in range(…)' takes the axis column or 'Name = "
                                "Column' before 'in'"),
                 peek().pos);
        for (const auto word : {L("from"), L("to")}) {
            NodePtr bound = make(NodeKind::List, peek());
            if (acceptWord(word))
                bound->kids.push_back(expression());
            op->kids.push_back(std::move(bound));
        }
        if (!acceptWord(L("step")))
            unexpected(QStringLiteral("'step' in make-series"));
        op->kids.push_back(expression());
    }
    NodePtr keys = make(NodeKind::List, peek());
    if (acceptWord(L("by"))) {
        do {
            keys->kids.push_back(namedOrPlain());
        } while (acceptOp(L(",")));
    }
    op->kids.push_back(std::move(keys));
    return op;
}

NodePtr Parser::opTopNested(const Token &at)
{
    // top-nested [N] of [Name =] Expr [with others = V] by [Name =] Aggregate [asc|desc], …
    NodePtr op = make(NodeKind::OpTopNested, at);
    for (bool first = true; first || acceptOp(L(",")); first = false) {
        if (!first && !acceptWord(L("top-nested")))
            unexpected(QStringLiteral("'top-nested' after ','"));
        NodePtr level = make(NodeKind::List, peek());
        if (!isWord(L("of"))) {
            const Token &count = peek();
            if (count.kind != TokenKind::Long)
                unexpected(QStringLiteral("a count or 'of' after 'top-nested'"));
            level->options.append({QStringLiteral("count"), take().text});
        }
        if (!acceptWord(L("of")))
            unexpected(QStringLiteral("'of' in top-nested"));
        level->kids.push_back(namedOrPlain());
        if (isWord(L("with")))
            fail(QStringLiteral("top-nested 'with others' is not supported by Vigil's local KQL"),
                 peek().pos);
        if (!acceptWord(L("by")))
            unexpected(QStringLiteral("'by' and an aggregate in top-nested"));
        level->kids.push_back(namedOrPlain());
        if (isWord(L("asc")) || isWord(L("desc")))
            level->options.append({QStringLiteral("order"), take().text});
        op->kids.push_back(std::move(level));
    }
    return op;
}

NodePtr Parser::opJoin(NodeKind kind, const Token &at)
{
    NodePtr op = make(kind, at);
    readOptions(*op, {QStringLiteral("kind"), QStringLiteral("withsource")});
    op->kids.push_back(expression());
    if (!acceptWord(L("on"))) {
        if (isWord(L("where")))
            fail(QStringLiteral("'join … where' is not supported; use 'on'"), peek().pos);
        unexpected(QStringLiteral("'on' and the join keys"));
    }
    do {
        NodePtr condition = expression();
        // `$left.A == $right.B and $left.C == $right.D` is a list of conditions.
        std::vector<NodePtr> flat;
        std::vector<NodePtr> pending;
        pending.push_back(std::move(condition));
        while (!pending.empty()) {
            NodePtr c = std::move(pending.back());
            pending.pop_back();
            if (c->kind == NodeKind::Binary && c->text == u"and") {
                pending.push_back(std::move(c->kids[1]));
                pending.push_back(std::move(c->kids[0]));
            } else {
                flat.push_back(std::move(c));
            }
        }
        for (NodePtr &c : flat)
            op->kids.push_back(std::move(c));
    } while (acceptOp(L(",")));
    return op;
}

NodePtr Parser::opUnion(NodeKind kind, const Token &at)
{
    NodePtr op = make(kind, at);
    readOptions(*op,
                {QStringLiteral("kind"), QStringLiteral("withsource"), QStringLiteral("isfuzzy")});
    do {
        // A table name may be a wildcard: union Device*Events.
        if ((peek().kind == TokenKind::Identifier && isOp(L("*"), 1)
             && peek(1).pos.offset == peek().end)
            || (isOp(L("*")) && peek(1).kind == TokenKind::Identifier
                && peek(1).pos.offset == peek().end)) {
            op->kids.push_back(namePattern());
            continue;
        }
        op->kids.push_back(expression());
    } while (acceptOp(L(",")));
    return op;
}

NodePtr Parser::opMvExpand(NodeKind kind, const Token &at)
{
    NodePtr op = make(kind, at);
    readOptions(*op, {QStringLiteral("bagexpansion"), QStringLiteral("with_itemindex"),
                      QStringLiteral("kind")});
    do {
        NodePtr item = make(NodeKind::MvExpandItem, peek());
        if ((peek().kind == TokenKind::Identifier || peek().kind == TokenKind::BracketName)
            && isOp(L("="), 1)) {
            item->text = expectName(QStringLiteral("a column name"));
            take();
        }
        item->kids.push_back(expression());
        if (acceptWord(L("to"))) {
            if (!acceptWord(L("typeof")))
                unexpected(QStringLiteral("'typeof' after 'to'"));
            expectOp(L("("), QStringLiteral("after typeof"));
            item->value = typeName();
            expectOp(L(")"), QStringLiteral("after the type"));
        }
        op->kids.push_back(std::move(item));
    } while (acceptOp(L(",")));
    if (acceptWord(L("limit"))) {
        if (peek().kind != TokenKind::Long)
            fail(QStringLiteral("mv-expand limit takes a whole number"), peek().pos);
        op->options.append({QStringLiteral("limit"), take().text});
    } else if (at.text == u"mvexpand") {
        // The legacy spelling's default row limit (Microsoft's mv-expand page).
        op->options.append({QStringLiteral("limit"), QStringLiteral("128")});
    }
    if (kind == NodeKind::OpMvApply) {
        if (!acceptWord(L("on")))
            unexpected(QStringLiteral("'on (subquery)' in mv-apply"));
        op->kids.push_back(operatorSubquery(QStringLiteral("mv-apply")));
    }
    return op;
}

NodePtr Parser::operatorSubquery(const QString &what)
{
    expectOp(L("("), QStringLiteral("to start the %1 subquery").arg(what));
    DepthGuard guard(*this, peek().pos);
    NodePtr sub = make(NodeKind::Pipeline, peek());
    sub->kids.push_back(make(NodeKind::ImplicitInput, peek()));
    // The first operator has no pipe before it: it is read as if it had one.
    Token first = peek();
    first.text = QStringLiteral("|");
    sub->kids.push_back(pipeOperator(first));
    while (isOp(L("|"))) {
        const Token &pipe = take();
        sub->kids.push_back(pipeOperator(pipe));
    }
    expectOp(L(")"), QStringLiteral("to end the %1 subquery").arg(what));
    return sub;
}

NodePtr Parser::opParse(const Token &at)
{
    NodePtr op = make(NodeKind::OpParse, at);
    op->text = at.text;
    if (at.text == u"parse-kv") {
        // parse-kv Expr as (Key:type, …) [with (name = value, …)]: the keys as ColumnDecl, the
        // properties as options in written order (quote and escape may repeat).
        op->kids.push_back(expression());
        if (!acceptWord(L("as")))
            unexpected(QStringLiteral("'as' and the list of keys in 'parse-kv'"));
        expectOp(L("("), QStringLiteral("to start the keys of parse-kv"));
        do {
            NodePtr column = make(NodeKind::ColumnDecl, peek());
            column->text = expectName(QStringLiteral("a key name"));
            expectOp(L(":"), QStringLiteral("and the type of the key '%1'").arg(column->text));
            column->value = typeName();
            op->kids.push_back(std::move(column));
        } while (acceptOp(L(",")));
        expectOp(L(")"), QStringLiteral("to end the keys of parse-kv"));
        if (acceptWord(L("with"))) {
            expectOp(L("("), QStringLiteral("to start the properties of parse-kv"));
            if (!isOp(L(")"))) {
                do {
                    const QString name = expectName(QStringLiteral("a parse-kv property"));
                    expectOp(L("="), QStringLiteral("after the property '%1'").arg(name));
                    const Token &value = peek();
                    // Kusto's names, as written (lower case); greedy takes true or false, the
                    // delimiters, quote and escape a string.
                    static const QStringList known
                            = {QStringLiteral("pair_delimiter"), QStringLiteral("kv_delimiter"),
                               QStringLiteral("quote"),          QStringLiteral("escape"),
                               QStringLiteral("greedy"),         QStringLiteral("regex")};
                    if (!known.contains(name))
                        fail(QStringLiteral("'%1' is not a property of parse-kv (%2)")
                                     .arg(name, known.join(QStringLiteral(", "))),
                             m_tokens[m_i - 2].pos);
                    const bool flag = name == u"greedy";
                    if (flag
                        && (value.kind != TokenKind::Identifier
                            || (value.text.toLower() != u"true"
                                && value.text.toLower() != u"false")))
                        unexpected(QStringLiteral("true or false for '%1'").arg(name));
                    if (!flag && value.kind != TokenKind::String)
                        unexpected(QStringLiteral("a string for '%1'").arg(name));
                    op->options.append({name.toLower(), value.kind == TokenKind::String
                                                                ? value.value
                                                                : value.text.toLower()});
                    take();
                } while (acceptOp(L(",")));
            }
            expectOp(L(")"), QStringLiteral("to end the properties of parse-kv"));
        }
        return op;
    }
    readOptions(*op, {QStringLiteral("kind"), QStringLiteral("flags")});
    op->kids.push_back(expression());
    if (!acceptWord(L("with")))
        unexpected(QStringLiteral("'with' and a pattern in '%1'").arg(at.text));
    bool any = false;
    while (true) {
        const Token &t = peek();
        if (t.kind == TokenKind::String) {
            NodePtr lit = literal(take());
            while (peek().kind == TokenKind::String) { // adjacent strings are one
                lit->value += peek().value;
                take();
            }
            op->kids.push_back(std::move(lit));
        } else if (isOp(L("*"))) {
            if (!op->kids.empty() && op->kids.back()->kind == NodeKind::Star)
                fail(QStringLiteral("a string must come between two '*' of a parse pattern"),
                     t.pos);
            // Where would a string column end before '*'? Kusto refuses it as ambiguous.
            if (any && op->kids.back()->kind == NodeKind::ColumnDecl
                && (op->kids.back()->value.isEmpty() || op->kids.back()->value == u"string"))
                fail(QStringLiteral("'*' right after the string column '%1' is ambiguous; put a "
                                    "string between them")
                             .arg(op->kids.back()->text),
                     t.pos);
            op->kids.push_back(make(NodeKind::Star, take()));
        } else if ((t.kind == TokenKind::Identifier || t.kind == TokenKind::BracketName)
                   && !isOp(L("|"))) {
            NodePtr column = make(NodeKind::ColumnDecl, t);
            column->text = expectName(QStringLiteral("a column name"));
            if (acceptOp(L(":")))
                column->value = typeName();
            op->kids.push_back(std::move(column));
        } else {
            break;
        }
        any = true;
    }
    if (!any)
        unexpected(QStringLiteral("a pattern of strings and columns after 'with'"));
    return op;
}

} // namespace Vigil::Kql
