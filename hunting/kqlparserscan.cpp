#include "kqlparser.h"

// The scan operator and the find source, as their pages on Microsoft's Kusto documentation
// write them. scan: `scan [with_match_id = Id] [declare (Name:type [= default], …)] with (step
// Name [output = all|last|none]: Condition [=> Column = Value, …]; …)`. find: `find
// [withsource = Name] [in (Table, …)] where Predicate [project-smart | project Column, …]`.
namespace Vigil::Kql {

namespace {

using L = QLatin1StringView;

} // namespace

NodePtr Parser::opScan(const Token &at)
{
    NodePtr op = make(NodeKind::OpScan, at);
    readOptions(*op, {QStringLiteral("with_match_id")});
    NodePtr declared = make(NodeKind::List, peek());
    if (acceptWord(L("declare"))) {
        expectOp(L("("), QStringLiteral("after 'declare'"));
        do {
            NodePtr column = make(NodeKind::ColumnDecl, peek());
            column->text = expectName(QStringLiteral("a column name"));
            expectOp(L(":"), QStringLiteral("and a type after the column name"));
            column->value = typeName();
            if (column->value == u"table")
                fail(QStringLiteral("a column of scan's declare needs a scalar type"), column->pos);
            if (acceptOp(L("=")))
                column->kids.push_back(expression());
            declared->kids.push_back(std::move(column));
        } while (acceptOp(L(",")));
        expectOp(L(")"), QStringLiteral("to end the declared columns"));
    }
    op->kids.push_back(std::move(declared));
    if (!acceptWord(L("with")))
        unexpected(QStringLiteral("'with' and the steps of scan"));
    expectOp(L("("), QStringLiteral("to start the steps of scan"));
    while (!isOp(L(")"))) {
        if (!acceptWord(L("step")))
            unexpected(QStringLiteral("'step' in scan"));
        NodePtr step = make(NodeKind::List, peek());
        step->text = expectName(QStringLiteral("the name of the step"));
        if (acceptWord(L("output"))) {
            expectOp(L("="), QStringLiteral("after 'output'"));
            const Token &mode = peek();
            if (mode.kind != TokenKind::Identifier)
                unexpected(QStringLiteral("all, last or none after 'output ='"));
            step->options.append({QStringLiteral("output"), take().text});
        }
        expectOp(L(":"), QStringLiteral("and the condition of the step"));
        step->kids.push_back(expression());
        if (acceptOp(L("=>"))) {
            do {
                NodePtr assign = make(NodeKind::Assign, peek());
                assign->text = expectName(QStringLiteral("a declared column"));
                expectOp(L("="), QStringLiteral("in the step's assignment (Column = Value)"));
                assign->kids.push_back(expression());
                step->kids.push_back(std::move(assign));
            } while (acceptOp(L(",")));
        }
        op->kids.push_back(std::move(step));
        expectOp(L(";"), QStringLiteral("to end the step (every step of scan ends with ';')"));
    }
    expectOp(L(")"), QStringLiteral("to end the steps of scan"));
    if (op->count() < 2)
        fail(QStringLiteral("scan needs at least one step"), at.pos);
    return op;
}

NodePtr Parser::findSource(const Token &at)
{
    NodePtr find = make(NodeKind::FindSource, at);
    readOptions(*find, {QStringLiteral("withsource")});
    NodePtr tables = make(NodeKind::List, peek());
    if (acceptWord(L("in"))) {
        expectOp(L("("), QStringLiteral("after 'find in'"));
        do {
            const Token &t = peek();
            if (t.kind != TokenKind::Identifier && t.kind != TokenKind::BracketName)
                fail(QStringLiteral("find in (…) takes table names in Vigil's local KQL; for a "
                                    "query, write union withsource=source_ (…) | where …"),
                     t.pos);
            if (isOp(L("*"), 1) || t.text.contains(u'*') || isOp(L("."), 1) || isOp(L("("), 1))
                fail(QStringLiteral("find in (…) takes plain table names in Vigil's local KQL; "
                                    "list the tables"),
                     t.pos);
            NodePtr name = make(NodeKind::Name, take());
            name->text = t.kind == TokenKind::BracketName ? t.value : t.text;
            name->bracketed = t.kind == TokenKind::BracketName;
            tables->kids.push_back(std::move(name));
        } while (acceptOp(L(",")));
        expectOp(L(")"), QStringLiteral("after the tables of find"));
    }
    // `find Predicate` is the short form of `find where Predicate`, when nothing comes before it
    // (Kusto's parser wants the `where` after options or `in (…)`).
    const bool shortForm = find->options.isEmpty() && tables->kids.empty();
    find->kids.push_back(std::move(tables));
    if (!acceptWord(L("where")) && !shortForm)
        unexpected(QStringLiteral("'where' and the predicate of find"));
    find->kids.push_back(searchOr(false));
    NodePtr columns = make(NodeKind::List, peek());
    if (acceptWord(L("project-smart"))) {
        find->options.append({QStringLiteral("project"), QStringLiteral("smart")});
    } else if (isWord(L("project"))) {
        find->options.append({QStringLiteral("project"), QStringLiteral("list")});
        take();
        do {
            const Token &t = peek();
            if (isWord(L("pack_all")) && isOp(L("("), 1))
                fail(QStringLiteral("find's project pack_all() is not supported by Vigil's local "
                                    "KQL; use project-smart, whose pack_ holds the other columns"),
                     t.pos);
            NodePtr name = make(NodeKind::Name, t);
            name->text = expectName(QStringLiteral("a column name"));
            name->bracketed = t.kind == TokenKind::BracketName;
            if (isOp(L(":")))
                fail(QStringLiteral("find's project Column:type is not supported by Vigil's local "
                                    "KQL; convert the column after find (| extend …)"),
                     peek().pos);
            columns->kids.push_back(std::move(name));
        } while (acceptOp(L(",")));
    }
    find->kids.push_back(std::move(columns));
    return find;
}

} // namespace Vigil::Kql
