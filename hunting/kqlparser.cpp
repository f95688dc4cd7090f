#include "kqlparser.h"

#include <QSet>

#include <utility>

// Statements, tabular sources and the pipe operators. Scalar expressions: kqlparserexpr.cpp.
namespace Vigil::Kql {

namespace {

using L = QLatin1StringView;

// Operators Kusto has that Vigil does not run: named in the refusal instead of "unexpected".
const QStringList &knownUnsupportedOperators()
{
    static const QStringList list = {
            QStringLiteral("make-series"),
            QStringLiteral("top-nested"),
            QStringLiteral("top-hitters"),
            QStringLiteral("partition"),
            QStringLiteral("scan"),
            QStringLiteral("search"),
            QStringLiteral("find"),
            QStringLiteral("facet"),
            QStringLiteral("fork"),
            QStringLiteral("reduce"),
            QStringLiteral("parse-kv"),
            QStringLiteral("project-smart"),
            QStringLiteral("externaldata"),
            QStringLiteral("make-graph"),
            QStringLiteral("graph-match"),
            QStringLiteral("macro-expand"),
            QStringLiteral("consume"),
            QStringLiteral("lookup-kv"),
            QStringLiteral("execute-and-cache"),
            QStringLiteral("scan-pattern"),
    };
    return list;
}

} // namespace

/** Kusto's keywords that a name must bracket (['last']); the KQL language service's list. */
bool isReservedWord(QStringView word)
{
    static const QSet<QString> words = {
            QStringLiteral("__id"),
            QStringLiteral("accumulate"),
            QStringLiteral("and"),
            QStringLiteral("anomalychart"),
            QStringLiteral("areachart"),
            QStringLiteral("as"),
            QStringLiteral("asc"),
            QStringLiteral("bagexpansion"),
            QStringLiteral("barchart"),
            QStringLiteral("between"),
            QStringLiteral("by"),
            QStringLiteral("cachingpolicy"),
            QStringLiteral("callout"),
            QStringLiteral("cancel"),
            QStringLiteral("card"),
            QStringLiteral("columnchart"),
            QStringLiteral("contains"),
            QStringLiteral("containscs"),
            QStringLiteral("contains_cs"),
            QStringLiteral("__contextual_datatable"),
            QStringLiteral("cycles"),
            QStringLiteral("dataexport"),
            QStringLiteral("datascope"),
            QStringLiteral("datatable"),
            QStringLiteral("decodeblocks"),
            QStringLiteral("desc"),
            QStringLiteral("earliest"),
            QStringLiteral("encodingpolicy"),
            QStringLiteral("endswith"),
            QStringLiteral("endswith_cs"),
            QStringLiteral("expandoutput"),
            QStringLiteral("extent_tags_retention"),
            QStringLiteral("externaldata"),
            QStringLiteral("external_data"),
            QStringLiteral("find"),
            QStringLiteral("first"),
            QStringLiteral("flags"),
            QStringLiteral("harddelete"),
            QStringLiteral("hardretention"),
            QStringLiteral("has"),
            QStringLiteral("has_any"),
            QStringLiteral("has_all"),
            QStringLiteral("has_cs"),
            QStringLiteral("hasprefix"),
            QStringLiteral("hasprefix_cs"),
            QStringLiteral("hassuffix"),
            QStringLiteral("hassuffix_cs"),
            QStringLiteral("hotcache"),
            QStringLiteral("in"),
            QStringLiteral("invoke"),
            QStringLiteral("isfuzzy"),
            QStringLiteral("force_remote"),
            QStringLiteral("journal"),
            QStringLiteral("kind"),
            QStringLiteral("ladderchart"),
            QStringLiteral("last"),
            QStringLiteral("latest"),
            QStringLiteral("like"),
            QStringLiteral("likecs"),
            QStringLiteral("linechart"),
            QStringLiteral("materialize"),
            QStringLiteral("mdm"),
            QStringLiteral("missing"),
            QStringLiteral("nooptimization"),
            QStringLiteral("notcontains"),
            QStringLiteral("notcontainscs"),
            QStringLiteral("notlike"),
            QStringLiteral("notlikecs"),
            QStringLiteral("of"),
            QStringLiteral("or"),
            QStringLiteral("others"),
            QStringLiteral("pathformat"),
            QStringLiteral("piechart"),
            QStringLiteral("pivotchart"),
            QStringLiteral("print"),
            QStringLiteral("project"),
            QStringLiteral("queries"),
            QStringLiteral("query_results"),
            QStringLiteral("relaxed"),
            QStringLiteral("restricted_view_access"),
            QStringLiteral("row_level_security"),
            QStringLiteral("rowstore"),
            QStringLiteral("rowstore_references"),
            QStringLiteral("rowstore_sealinfo"),
            QStringLiteral("rowstorepolicy"),
            QStringLiteral("rowstores"),
            QStringLiteral("sample"),
            QStringLiteral("scatterchart"),
            QStringLiteral("seal"),
            QStringLiteral("seals"),
            QStringLiteral("search"),
            QStringLiteral("set"),
            QStringLiteral("shards"),
            QStringLiteral("simple"),
            QStringLiteral("softdelete"),
            QStringLiteral("softretention"),
            QStringLiteral("sql"),
            QStringLiteral("stackedareachart"),
            QStringLiteral("startswith"),
            QStringLiteral("startswith_cs"),
            QStringLiteral("statistics"),
            QStringLiteral("storedqueryresultcontainers"),
            QStringLiteral("tablepurge"),
            QStringLiteral("timechart"),
            QStringLiteral("timeline"),
            QStringLiteral("timepivot"),
            QStringLiteral("title"),
            QStringLiteral("to"),
            QStringLiteral("toscalar"),
            QStringLiteral("totable"),
            QStringLiteral("treemap"),
            QStringLiteral("union"),
            QStringLiteral("unrestrictedviewers"),
            QStringLiteral("verbose"),
            QStringLiteral("viewers"),
            QStringLiteral("views"),
            QStringLiteral("where"),
            QStringLiteral("with_itemindex"),
            QStringLiteral("with_match_id"),
            QStringLiteral("with_source"),
            QStringLiteral("with_step_name"),
            QStringLiteral("withsource"),
            QStringLiteral("writeaheadlog"),
            QStringLiteral("boolean"),
            QStringLiteral("int8"),
            QStringLiteral("char"),
            QStringLiteral("uint8"),
            QStringLiteral("byte"),
            QStringLiteral("int16"),
            QStringLiteral("uint16"),
            QStringLiteral("int"),
            QStringLiteral("int32"),
            QStringLiteral("uint"),
            QStringLiteral("uint32"),
            QStringLiteral("long"),
            QStringLiteral("int64"),
            QStringLiteral("ulong"),
            QStringLiteral("uint64"),
            QStringLiteral("float"),
            QStringLiteral("real"),
            QStringLiteral("decimal"),
            QStringLiteral("double"),
            QStringLiteral("string"),
            QStringLiteral("time"),
            QStringLiteral("timespan"),
            QStringLiteral("date"),
            QStringLiteral("datetime"),
            QStringLiteral("uniqueid"),
            QStringLiteral("dynamic"),
    };
    return words.contains(word.toString());
}

namespace {

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
        if (isReservedWord(t.text))
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
        while (acceptOp(L(";"))) { }
        if (peek().kind == TokenKind::End || (lambdaBody && isOp(L("}"))))
            break;
        root->kids.push_back(statement());
        if (peek().kind == TokenKind::End || (lambdaBody && isOp(L("}"))))
            break;
        if (!isOp(L(";")))
            unexpected(QStringLiteral("';' or '|' after the statement"));
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
            QStringList value;
            while (peek().kind != TokenKind::End && !isOp(L(";")))
                value.append(take().text);
            set->value = value.join(QLatin1Char(' '));
        }
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
        param->value = typeName();
        if (acceptOp(L("=")))
            param->kids.push_back(expression());
        fn->kids.push_back(std::move(param));
        if (!acceptOp(L(",")))
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

QString Parser::typeName()
{
    if (isOp(L("("))) { // tabular parameter: (*) or (Name:type, …)
        take();
        int open = 1;
        while (open > 0 && peek().kind != TokenKind::End) {
            if (isOp(L("(")))
                ++open;
            else if (isOp(L(")")))
                --open;
            take();
        }
        return QStringLiteral("table");
    }
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
    if (word == u"join")
        return opJoin(NodeKind::OpJoin, take());
    if (word == u"lookup")
        return opJoin(NodeKind::OpLookup, take());
    if (word == u"union")
        return opUnion(NodeKind::OpUnion, take());
    if (word == u"mv-expand")
        return opMvExpand(NodeKind::OpMvExpand, take());
    if (word == u"mv-apply")
        return opMvExpand(NodeKind::OpMvApply, take());
    if (word == u"parse" || word == u"parse-where")
        return opParse(take());
    if (word == u"render") {
        NodePtr op = simple(NodeKind::OpRender);
        if (peek().kind != TokenKind::Identifier) // chart types are keywords (timechart, …)
            unexpected(QStringLiteral("a chart type after 'render'"));
        op->text = take().text;
        // `with (title="…", kind=stacked, …)`: kept as written, for the chart view.
        if (acceptWord(L("with"))) {
            expectOp(L("("), QStringLiteral("after 'with'"));
            while (!isOp(L(")")) && peek().kind != TokenKind::End) {
                if (peek().kind != TokenKind::Identifier)
                    unexpected(QStringLiteral("a render property"));
                const QString key = take().text;
                expectOp(L("="), QStringLiteral("after a render property"));
                QStringList value;
                int open = 0;
                while (peek().kind != TokenKind::End
                       && (open > 0 || (!isOp(L(",")) && !isOp(L(")"))))) {
                    if (isOp(L("(")))
                        ++open;
                    else if (isOp(L(")")))
                        --open;
                    value.append(peek().kind == TokenKind::String ? peek().value : peek().text);
                    take();
                }
                op->options.append({key, value.join(QString())});
                if (!acceptOp(L(",")))
                    break;
            }
            expectOp(L(")"), QStringLiteral("to end the render properties"));
        }
        return op;
    }
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
        take();
        node.options.append(
                {name, value.kind == TokenKind::String || value.kind == TokenKind::BracketName
                               ? value.value
                               : value.text});
    }
}

NodePtr Parser::opProjectLike(NodeKind kind, const Token &at)
{
    NodePtr op = make(kind, at);
    const bool patterns = kind == NodeKind::OpProjectAway || kind == NodeKind::OpProjectKeep;
    if (kind == NodeKind::OpSerialize
        && (peek().kind == TokenKind::End || isOp(L("|")) || isOp(L(";")) || isOp(L(")"))))
        return op;
    do {
        if (patterns)
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
            if (isOp(L("(")) && peek(1).kind == TokenKind::Identifier && isOp(L(","), 2))
                fail(QStringLiteral("assigning an aggregate to several names '(A, B) = …' is not "
                                    "supported"),
                     peek().pos);
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
    if (acceptWord(L("limit")))
        op->options.append({QStringLiteral("limit"), take().text});
    if (kind == NodeKind::OpMvApply) {
        if (!acceptWord(L("on")))
            unexpected(QStringLiteral("'on (subquery)' in mv-apply"));
        expectOp(L("("), QStringLiteral("to start the mv-apply subquery"));
        DepthGuard guard(*this, peek().pos);
        NodePtr sub = make(NodeKind::Pipeline, peek());
        sub->kids.push_back(make(NodeKind::ImplicitInput, peek()));
        Token first = peek();
        first.text = QStringLiteral("|");
        sub->kids.push_back(pipeOperator(first));
        while (isOp(L("|"))) {
            const Token &pipe = take();
            sub->kids.push_back(pipeOperator(pipe));
        }
        expectOp(L(")"), QStringLiteral("to end the mv-apply subquery"));
        op->kids.push_back(std::move(sub));
    }
    return op;
}

NodePtr Parser::opParse(const Token &at)
{
    NodePtr op = make(NodeKind::OpParse, at);
    op->text = at.text;
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
