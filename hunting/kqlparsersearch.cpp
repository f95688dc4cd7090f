#include "kqlparser.h"

// The search operator (unit U16 of reference/kql.md): its predicate language rewritten into
// ordinary expressions. A bare term searches every column (`* has "term"`), `Column:"term"` one
// column; the term's asterisks choose the operator, as on Kusto's search operator page.
namespace Vigil::Kql {

namespace {

using L = QLatin1StringView;

} // namespace

NodePtr Parser::opSearch(const Token &at, bool source)
{
    NodePtr options = make(NodeKind::OpSearch, at);
    readOptions(*options, {QStringLiteral("kind")});
    const QString kind = options->option(QStringLiteral("kind"));
    if (!kind.isEmpty() && kind != u"default" && kind != u"case_insensitive"
        && kind != u"case_sensitive")
        fail(QStringLiteral("'%1' is not a kind of search (default, case_insensitive, "
                            "case_sensitive)")
                     .arg(kind.left(40)),
             at.pos);
    const bool cs = kind == u"case_sensitive";
    if (!source) {
        if (isWord(L("in")))
            fail(QStringLiteral("'search in (…)' after '|' is not valid: search either reads its "
                                "input or the tables it names"),
                 peek().pos);
        options->kids.push_back(searchOr(cs));
        return options;
    }
    // search [in (A, B*)] P is union withsource=$table A, B* | where P; without 'in', every
    // table (the binder names them, in the schema's order, as Microsoft's analyzer does).
    NodePtr tables = make(NodeKind::UnionSource, at);
    tables->options.append({QStringLiteral("withsource"), QStringLiteral("$table")});
    if (acceptWord(L("in"))) {
        expectOp(L("("), QStringLiteral("after 'search in'"));
        do {
            const Token &t = peek();
            if ((t.kind == TokenKind::Identifier && isOp(L("*"), 1) && peek(1).pos.offset == t.end)
                || (isOp(L("*")) && peek(1).kind == TokenKind::Identifier
                    && peek(1).pos.offset == t.end)) {
                tables->kids.push_back(namePattern());
                continue;
            }
            if (t.kind != TokenKind::Identifier && t.kind != TokenKind::BracketName)
                unexpected(QStringLiteral("a table name"));
            NodePtr name = make(NodeKind::Name, take());
            name->text = t.kind == TokenKind::BracketName ? t.value : t.text;
            name->bracketed = t.kind == TokenKind::BracketName;
            tables->kids.push_back(std::move(name));
        } while (acceptOp(L(",")));
        expectOp(L(")"), QStringLiteral("after the tables of search"));
    } else {
        tables->options.append({QStringLiteral("_vigil_every_table"), QStringLiteral("true")});
    }
    NodePtr where = make(NodeKind::OpWhere, at);
    where->kids.push_back(searchOr(cs));
    NodePtr pipeline = make(NodeKind::Pipeline, at);
    pipeline->kids.push_back(std::move(tables));
    pipeline->kids.push_back(std::move(where));
    return pipeline;
}

NodePtr Parser::searchOr(bool cs)
{
    DepthGuard guard(*this, peek().pos);
    NodePtr left = searchAnd(cs);
    while (isWord(L("or"))) {
        NodePtr node = make(NodeKind::Binary, take());
        node->text = QStringLiteral("or");
        node->pos = left->pos;
        node->kids.push_back(std::move(left));
        node->kids.push_back(searchAnd(cs));
        left = std::move(node);
    }
    return left;
}

NodePtr Parser::searchAnd(bool cs)
{
    NodePtr left = searchTerm(cs);
    while (isWord(L("and"))) {
        NodePtr node = make(NodeKind::Binary, take());
        node->text = QStringLiteral("and");
        node->pos = left->pos;
        node->kids.push_back(std::move(left));
        node->kids.push_back(searchTerm(cs));
        left = std::move(node);
    }
    return left;
}

NodePtr Parser::searchTerm(bool cs)
{
    if (isWord(L("not")) && isOp(L("("), 1)) {
        NodePtr call = make(NodeKind::Call, take());
        call->text = QStringLiteral("not");
        take(); // (
        call->kids.push_back(searchOr(cs));
        expectOp(L(")"), QStringLiteral("after the condition of not("));
        return call;
    }
    if (isOp(L("(")) && (peek(1).kind == TokenKind::String || isWord(L("not"), 1))) {
        take();
        NodePtr inner = searchOr(cs);
        expectOp(L(")"), QStringLiteral("to close '('"));
        return inner;
    }
    // A lone '*' matches every record (search * lists whole tables).
    if (isOp(L("*")) && peek(1).kind != TokenKind::Identifier) {
        NodePtr all = make(NodeKind::Literal, take());
        all->literal = LiteralKind::Bool;
        all->text = all->value = QStringLiteral("true");
        return all;
    }
    NodePtr target;
    if (peek().kind == TokenKind::String) {
        target = make(NodeKind::Star, peek());
    } else if ((peek().kind == TokenKind::Identifier || peek().kind == TokenKind::BracketName)
               && isOp(L(":"), 1) && peek(2).kind == TokenKind::String) {
        const Token &t = take();
        target = make(NodeKind::Name, t);
        target->text = t.kind == TokenKind::BracketName ? t.value : t.text;
        target->bracketed = t.kind == TokenKind::BracketName;
        take(); // :
    } else {
        return comparison();
    }
    const Token &term = peek();
    NodePtr value = literal(take());
    QString text = value->value;
    const bool leading = text.startsWith(u'*');
    const bool trailing = text.size() > 1 && text.endsWith(u'*');
    text = text.mid(leading ? 1 : 0);
    text.chop(trailing ? 1 : 0);
    if (text.contains(u'*') || text.isEmpty())
        fail(QStringLiteral("the search term '%1' is not supported by Vigil's local KQL (only "
                            "'*' at its start or end)")
                     .arg(value->value.left(60)),
             term.pos);
    value->value = text;
    NodePtr node = make(NodeKind::Binary, term);
    node->text = leading && trailing ? QStringLiteral("contains")
                 : leading           ? QStringLiteral("hassuffix")
                 : trailing          ? QStringLiteral("hasprefix")
                                     : QStringLiteral("has");
    if (cs)
        node->text += QStringLiteral("_cs");
    node->pos = target->pos;
    node->kids.push_back(std::move(target));
    node->kids.push_back(std::move(value));
    return node;
}

} // namespace Vigil::Kql
