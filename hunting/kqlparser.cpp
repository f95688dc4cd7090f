#include "kqlparser.h"

#include <utility>

// Statements, tabular sources and the pipe operator dispatch. Each operator's own grammar:
// kqlparserops.cpp; scalar expressions: kqlparserexpr.cpp.
namespace Vigil::Kql {

namespace {

using L = QLatin1StringView;

// Operators Kusto has that Vigil does not run: named in the refusal instead of "unexpected".
const QStringList &knownUnsupportedOperators()
{
    static const QStringList list = {
            QStringLiteral("top-nested"),    QStringLiteral("top-hitters"),
            QStringLiteral("partition"),     QStringLiteral("scan"),
            QStringLiteral("search"),        QStringLiteral("find"),
            QStringLiteral("facet"),         QStringLiteral("fork"),
            QStringLiteral("reduce"),        QStringLiteral("parse-kv"),
            QStringLiteral("project-smart"), QStringLiteral("externaldata"),
            QStringLiteral("make-graph"),    QStringLiteral("graph-match"),
            QStringLiteral("macro-expand"),  QStringLiteral("consume"),
            QStringLiteral("lookup-kv"),     QStringLiteral("execute-and-cache"),
            QStringLiteral("scan-pattern"),
    };
    return list;
}

/** The deepest path from node to a leaf, without recursion (the tree may be hostile). */
int treeDepth(const Node &root)
{
    int deepest = 0;
    std::vector<std::pair<const Node *, int>> stack = {{&root, 1}};
    while (!stack.empty()) {
        const auto [node, depth] = stack.back();
        stack.pop_back();
        deepest = std::max(deepest, depth);
        for (const NodePtr &kid : node->kids)
            stack.emplace_back(kid.get(), depth + 1);
    }
    return deepest;
}

} // namespace

Parser::DepthGuard::DepthGuard(Parser &parser, SourcePos pos)
    : m_parser(parser)
{
    if (++m_parser.m_depth > maxDepth) {
        --m_parser.m_depth;
        m_parser.fail(QStringLiteral("the query is nested too deeply (more than %1 levels)")
                              .arg(maxDepth),
                      pos);
    }
}

NodePtr Parser::parse(QStringView text, KqlError *error)
{
    std::optional<QList<Token>> tokens = Lexer::tokenize(text, error);
    if (!tokens)
        return nullptr;
    Parser parser(std::move(*tokens));
    parser.m_source = text.toString();
    try {
        NodePtr root = parser.script(false);
        // Long operator chains make deep trees without deep recursion here; the binder and the
        // compiler recurse, so bound the depth they will see.
        constexpr int maxTreeDepth = 1000;
        if (treeDepth(*root) > maxTreeDepth)
            parser.fail(QStringLiteral("the query is too deeply nested or chained (more than %1 "
                                       "levels); split it with let statements")
                                .arg(maxTreeDepth),
                        root->pos);
        return root;
    } catch (const Failure &failure) {
        if (error)
            *error = failure.error;
        return nullptr;
    }
}

// ---- tokens ---------------------------------------------------------------------------------

const Token &Parser::peek(int ahead) const
{
    const qsizetype i = std::min(m_i + ahead, m_tokens.size() - 1);
    return m_tokens[i];
}

const Token &Parser::take()
{
    const Token &token = m_tokens[m_i];
    if (m_i < m_tokens.size() - 1)
        ++m_i;
    return token;
}

bool Parser::isOp(L op, int ahead) const
{
    const Token &t = peek(ahead);
    return t.kind == TokenKind::Operator && t.text == op;
}

bool Parser::isWord(L word, int ahead) const
{
    const Token &t = peek(ahead);
    return t.kind == TokenKind::Identifier && t.text == word;
}

bool Parser::acceptOp(L op)
{
    if (!isOp(op))
        return false;
    take();
    return true;
}

bool Parser::acceptWord(L word)
{
    if (!isWord(word))
        return false;
    take();
    return true;
}

const Token &Parser::expectOp(L op, const QString &what)
{
    if (!isOp(op))
        unexpected(QStringLiteral("'%1' %2").arg(op, what));
    return take();
}

QString Parser::expectName(const QString &what)
{
    const Token &t = peek();
    if (t.kind == TokenKind::Identifier || t.kind == TokenKind::TypedLiteral) {
        if (isReservedWord(t.text) || t.text.endsWith(u'~'))
            fail(QStringLiteral("'%1' is a KQL keyword: write it as ['%1'] to use it as a name")
                         .arg(t.text),
                 t.pos);
        return take().text;
    }
    if (t.kind == TokenKind::BracketName)
        return take().value;
    unexpected(what);
}

void Parser::fail(const QString &message, SourcePos pos) const
{
    throw Failure{{message, pos}};
}

void Parser::unexpected(const QString &expected) const
{
    const Token &t = peek();
    const QString found = t.kind == TokenKind::End ? QStringLiteral("the end of the query")
                                                   : QStringLiteral("'%1'").arg(t.text.left(40));
    fail(QStringLiteral("expected %1 but found %2").arg(expected, found), t.pos);
}

NodePtr Parser::make(NodeKind kind, const Token &at)
{
    auto node = std::make_unique<Node>();
    node->kind = kind;
    node->pos = at.pos;
    return node;
}

// ---- statements -------------------------------------------------------------------------------

NodePtr Parser::script(bool lambdaBody)
{
    NodePtr root = make(NodeKind::Script, peek());
    while (true) {
        // One ';' ends a statement (the last one may have its own); Kusto refuses an empty one.
        if (isOp(L(";")))
            fail(QStringLiteral("there is no statement before this ';'; remove it"), peek().pos);
        if (peek().kind == TokenKind::End || (lambdaBody && isOp(L("}"))))
            break;
        root->kids.push_back(statement());
        if (peek().kind == TokenKind::End || (lambdaBody && isOp(L("}"))))
            break;
        if (!isOp(L(";")))
            unexpected(QStringLiteral("';' or '|' after the statement"));
        take();
    }
    if (root->kids.empty() && !lambdaBody)
        fail(QStringLiteral("the query is empty"), peek().pos);
    return root;
}

NodePtr Parser::statement()
{
    const Token &start = peek();
    if (isWord(L("let"))) {
        take();
        NodePtr let = make(NodeKind::Let, start);
        let->text = expectName(QStringLiteral("a name after 'let'"));
        expectOp(L("="), QStringLiteral("after the name of a let statement"));
        const bool view = isWord(L("view")) && isOp(L("("), 1);
        if (view)
            take();
        const bool isLambda = isOp(L("("))
                              && ((isOp(L(")"), 1) && isOp(L("{"), 2))
                                  || ((peek(1).kind == TokenKind::Identifier
                                       || peek(1).kind == TokenKind::BracketName)
                                      && isOp(L(":"), 2)));
        if (isLambda || view)
            let->kids.push_back(lambda(peek()));
        else
            let->kids.push_back(tabular());
        return let;
    }
    if (isWord(L("set"))) {
        take();
        NodePtr set = make(NodeKind::Set, start);
        set->text = expectName(QStringLiteral("an option name after 'set'"));
        // Dotted option names (query_results_cache_max_age, notruncation, …).
        while (isOp(L("."))) {
            take();
            set->text += QLatin1Char('.') + expectName(QStringLiteral("an option name"));
        }
        if (acceptOp(L("="))) {
            // One constant or name, kept as written (datetime(2024-01-01) for query_now).
            const Token &value = peek();
            const bool constant
                    = value.kind == TokenKind::TypedLiteral || value.kind == TokenKind::String
                      || value.kind == TokenKind::Long || value.kind == TokenKind::Real
                      || value.kind == TokenKind::TimeSpan || value.kind == TokenKind::Identifier;
            if (!constant)
                fail(QStringLiteral("the value of set %1 is a constant or a name").arg(set->text),
                     value.pos);
            take();
            set->value = m_source.mid(value.pos.offset, value.end - value.pos.offset);
        }
        if (peek().kind != TokenKind::End && !isOp(L(";")))
            fail(QStringLiteral("the value of set %1 is a constant or a name; end the statement "
                                "with ';'")
                         .arg(set->text),
                 peek().pos);
        return set;
    }
    if (isWord(L("declare")) || isWord(L("alias")) || isWord(L("pattern")) || isWord(L("restrict")))
        fail(QStringLiteral("the '%1' statement is not supported").arg(start.text), start.pos);
    NodePtr query = make(NodeKind::Query, start);
    query->kids.push_back(tabular());
    return query;
}

NodePtr Parser::lambda(const Token &start)
{
    DepthGuard guard(*this, start.pos);
    NodePtr fn = make(NodeKind::Lambda, start);
    expectOp(L("("), QStringLiteral("to start the parameters"));
    while (!isOp(L(")"))) {
        NodePtr param = make(NodeKind::Param, peek());
        param->text = expectName(QStringLiteral("a parameter name"));
        expectOp(L(":"), QStringLiteral("and a type after the parameter name"));
        if (isOp(L("(")))
            tableParameter(*param);
        else
            param->value = typeName();
        if (acceptOp(L("=")))
            param->kids.push_back(expression());
        fn->kids.push_back(std::move(param));
        if (!acceptSeparator(L(")"), QStringLiteral("a parameter")))
            break;
    }
    expectOp(L(")"), QStringLiteral("after the parameters"));
    expectOp(L("{"), QStringLiteral("to start the function body"));
    fn->kids.push_back(script(true));
    if (fn->kids.back()->kids.empty())
        fail(QStringLiteral("the function body is empty"), start.pos);
    expectOp(L("}"), QStringLiteral("to end the function body"));
    return fn;
}

void Parser::tableParameter(Node &param)
{
    // (*): any table; (Name:type, …): a table with at least these columns (kept as options).
    expectOp(L("("), QStringLiteral("to start the columns of a table parameter"));
    param.value = QStringLiteral("table");
    if (isOp(L("*")) && isOp(L(")"), 1)) {
        take();
        take();
        return;
    }
    do {
        const QString name = expectName(QStringLiteral("a column name (or '*' alone)"));
        expectOp(L(":"), QStringLiteral("and a type after the column name"));
        param.options.append({QStringLiteral("column"), name + QLatin1Char(':') + typeName()});
    } while (acceptSeparator(L(")"), QStringLiteral("a column")));
    expectOp(L(")"), QStringLiteral("to end the columns of a table parameter"));
}

QString Parser::typeName()
{
    const Token &t = peek();
    if (t.kind != TokenKind::Identifier && t.kind != TokenKind::TypedLiteral)
        unexpected(QStringLiteral("a type name"));
    QString name = take().text;
    if (!kqlTypeFromName(name))
        fail(QStringLiteral("'%1' is not a KQL type").arg(name), t.pos);
    return name;
}

// ---- tabular expressions ----------------------------------------------------------------------

NodePtr Parser::tabular()
{
    DepthGuard guard(*this, peek().pos);
    NodePtr source = expression();
    if (!isOp(L("|")))
        return source;
    NodePtr pipeline = make(NodeKind::Pipeline, peek());
    pipeline->pos = source->pos;
    pipeline->kids.push_back(std::move(source));
    while (isOp(L("|"))) {
        const Token &pipe = take();
        pipeline->kids.push_back(pipeOperator(pipe));
    }
    return pipeline;
}

NodePtr Parser::pipeOperator(const Token &pipe)
{
    const Token &at = peek();
    if (at.kind != TokenKind::Identifier)
        fail(QStringLiteral("expected an operator after '|'"), pipe.pos);
    const QString word = at.text;
    auto simple = [&](NodeKind kind) {
        take();
        return make(kind, at);
    };
    if (word == u"where" || word == u"filter") {
        NodePtr op = simple(NodeKind::OpWhere);
        op->kids.push_back(expression());
        return op;
    }
    if (word == u"project")
        return opProjectLike(NodeKind::OpProject, take());
    if (word == u"extend")
        return opProjectLike(NodeKind::OpExtend, take());
    if (word == u"project-away")
        return opProjectLike(NodeKind::OpProjectAway, take());
    if (word == u"project-keep")
        return opProjectLike(NodeKind::OpProjectKeep, take());
    if (word == u"project-rename")
        return opProjectLike(NodeKind::OpProjectRename, take());
    if (word == u"project-reorder")
        return opProjectLike(NodeKind::OpProjectReorder, take());
    if (word == u"serialize")
        return opProjectLike(NodeKind::OpSerialize, take());
    if (word == u"sort" || word == u"order") {
        NodePtr op = simple(NodeKind::OpSort);
        readOptions(*op, {QStringLiteral("hint.strategy")});
        if (!acceptWord(L("by")))
            unexpected(QStringLiteral("'by' after '%1'").arg(word));
        do {
            op->kids.push_back(sortKey());
        } while (acceptOp(L(",")));
        return op;
    }
    if (word == u"top") {
        NodePtr op = simple(NodeKind::OpTop);
        op->kids.push_back(expression());
        if (!acceptWord(L("by")))
            unexpected(QStringLiteral("'by' after the count of 'top'"));
        do {
            op->kids.push_back(sortKey());
        } while (acceptOp(L(",")));
        return op;
    }
    if (word == u"take" || word == u"limit") {
        NodePtr op = simple(NodeKind::OpTake);
        op->text = word;
        readOptions(*op, {});
        op->kids.push_back(expression());
        return op;
    }
    if (word == u"count") {
        NodePtr op = simple(NodeKind::OpCount);
        if (isWord(L("as")))
            fail(QStringLiteral("'count as' is not supported; use 'summarize Name = count()'"),
                 peek().pos);
        return op;
    }
    if (word == u"distinct") {
        NodePtr op = simple(NodeKind::OpDistinct);
        readOptions(*op, {QStringLiteral("hint.strategy"), QStringLiteral("hint.shufflekey")});
        if (isOp(L("*")))
            op->kids.push_back(make(NodeKind::Star, take()));
        else {
            do {
                op->kids.push_back(namedOrPlain());
            } while (acceptOp(L(",")));
        }
        return op;
    }
    if (word == u"summarize")
        return opSummarize(take());
    if (word == u"make-series")
        return opMakeSeries(take());
    if (word == u"search")
        return opSearch(take(), false);
    if (word == u"top-nested")
        return opTopNested(take());
    if (word == u"scan")
        return opScan(take());
    if (word == u"join")
        return opJoin(NodeKind::OpJoin, take());
    if (word == u"lookup")
        return opJoin(NodeKind::OpLookup, take());
    if (word == u"union")
        return opUnion(NodeKind::OpUnion, take());
    if (word == u"mv-expand" || word == u"mvexpand") // mvexpand: the old spelling
        return opMvExpand(NodeKind::OpMvExpand, take());
    if (word == u"mv-apply")
        return opMvExpand(NodeKind::OpMvApply, take());
    if (word == u"parse" || word == u"parse-where" || word == u"parse-kv")
        return opParse(take());
    if (word == u"partition") {
        // partition [hint.…] by Column ( subquery ): the subquery's operators per partition.
        NodePtr op = simple(NodeKind::OpPartition);
        readOptions(*op, {});
        if (!acceptWord(L("by")))
            unexpected(QStringLiteral("'by' after 'partition'"));
        NodePtr column = make(NodeKind::Name, peek());
        column->text = expectName(QStringLiteral("the partition column"));
        op->kids.push_back(std::move(column));
        if (isOp(L("{")))
            fail(QStringLiteral("partition with a { … } subquery is not supported by Vigil's local "
                                "KQL; write ( … ) with the operators to apply"),
                 peek().pos);
        op->kids.push_back(operatorSubquery(QStringLiteral("partition")));
        return op;
    }
    if (word == u"render")
        return opRender(simple(NodeKind::OpRender));
    if (word == u"getschema")
        return simple(NodeKind::OpGetSchema);
    if (word == u"invoke" || word == u"evaluate") {
        NodePtr op = simple(word == u"invoke" ? NodeKind::OpInvoke : NodeKind::OpEvaluate);
        readOptions(*op, {QStringLiteral("hint.distribution"), QStringLiteral("hint.remote"),
                          QStringLiteral("hint.pass_filters"),
                          QStringLiteral("hint.pass_filters_column")});
        const Token &name = peek();
        if (name.kind != TokenKind::Identifier || !isOp(L("("), 1))
            unexpected(QStringLiteral("a function call after '%1'").arg(word));
        NodePtr call = make(NodeKind::Call, take());
        call->text = name.text;
        op->kids.push_back(callArguments(std::move(call)));
        // evaluate plugin(…) : (Name:type, …) declares the plug-in's output columns.
        if (word == u"evaluate" && acceptOp(L(":"))) {
            expectOp(L("("), QStringLiteral("and the output columns after ':'"));
            // `(*, Name:type, …)`: the input's columns, then the declared ones.
            if (isOp(L("*")) && (isOp(L(","), 1) || isOp(L(")"), 1))) {
                op->kids.push_back(make(NodeKind::Star, take()));
                if (!acceptOp(L(","))) {
                    expectOp(L(")"), QStringLiteral("to end the output columns"));
                    return op;
                }
            }
            do {
                NodePtr column = make(NodeKind::ColumnDecl, peek());
                column->text = expectName(QStringLiteral("a column name"));
                expectOp(L(":"), QStringLiteral("and a type after the column name"));
                column->value = typeName();
                op->kids.push_back(std::move(column));
            } while (acceptOp(L(",")));
            expectOp(L(")"), QStringLiteral("to end the output columns"));
        }
        return op;
    }
    if (word == u"as") {
        NodePtr op = simple(NodeKind::OpAs);
        readOptions(*op, {QStringLiteral("hint.materialized")});
        op->text = expectName(QStringLiteral("a name after 'as'"));
        return op;
    }
    if (word == u"sample") {
        NodePtr op = simple(NodeKind::OpSample);
        op->kids.push_back(expression());
        return op;
    }
    if (word == u"sample-distinct") {
        NodePtr op = simple(NodeKind::OpSampleDistinct);
        op->kids.push_back(expression());
        if (!acceptWord(L("of")))
            unexpected(QStringLiteral("'of' in sample-distinct"));
        op->kids.push_back(expression());
        return op;
    }
    if (knownUnsupportedOperators().contains(word))
        fail(QStringLiteral("the '%1' operator is not supported by Vigil's local KQL").arg(word),
             at.pos);
    fail(QStringLiteral("'%1' is not a KQL tabular operator").arg(word.left(40)), at.pos);
}

} // namespace Vigil::Kql
