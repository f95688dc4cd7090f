#include "kqlparser.h"

// Scalar expressions with Kusto's precedence (lowest first): or; and; == != in between …;
// < <= > >=; + -; * / %; string operators (=~, has, contains, …); unary - +; postfix . [] ();
// primaries.
// Also the tabular sources that start an expression: datatable, range, print, union.
namespace Vigil::Kql {

namespace {

using L = QLatin1StringView;

const QStringList &symbolicComparisons()
{
    static const QStringList list
            = {QStringLiteral("=="), QStringLiteral("!="), QStringLiteral("<>"),
               QStringLiteral("<"),  QStringLiteral("<="), QStringLiteral(">"),
               QStringLiteral(">="), QStringLiteral("=~"), QStringLiteral("!~")};
    return list;
}

// Word operators Vigil knows but Kusto does not document for queries.
const QStringList &refusedWordOperators()
{
    static const QStringList list = {QStringLiteral("like"),         QStringLiteral("like_cs"),
                                     QStringLiteral("!like"),        QStringLiteral("!like_cs"),
                                     QStringLiteral("contains_any"), QStringLiteral("has_any_cs"),
                                     QStringLiteral("in_cs"),        QStringLiteral("has_all_cs")};
    return list;
}

} // namespace

NodePtr Parser::expression()
{
    return orExpr();
}

bool Parser::atSeveralNames(int at) const
{
    const bool nameNext = peek(at + 1).kind == TokenKind::Identifier
                          || peek(at + 1).kind == TokenKind::BracketName;
    return isOp(L("("), at) && nameNext
           && (isOp(L(","), at + 2) || (isOp(L(")"), at + 2) && isOp(L("="), at + 3)));
}

NodePtr Parser::severalNames()
{
    // (a, b) = series_fit_line(y): the columns of a function that gives several, named in order.
    NodePtr assign = make(NodeKind::Assign, take());
    do {
        assign->options.append(
                {QStringLiteral("name"), expectName(QStringLiteral("a column name"))});
    } while (acceptOp(L(",")));
    expectOp(L(")"), QStringLiteral("after the names"));
    expectOp(L("="), QStringLiteral("after (names)"));
    assign->kids.push_back(expression());
    return assign;
}

NodePtr Parser::namedOrPlain()
{
    if ((peek().kind == TokenKind::Identifier || peek().kind == TokenKind::BracketName)
        && isOp(L("="), 1)) {
        NodePtr assign = make(NodeKind::Assign, peek());
        assign->text = expectName(QStringLiteral("a column name"));
        take(); // =
        assign->kids.push_back(expression());
        return assign;
    }
    if (isOp(L("("))
        && (peek(1).kind == TokenKind::Identifier || peek(1).kind == TokenKind::BracketName)
        && isOp(L(","), 2)) {
        // Name the function whose columns are asked for (series_decompose_anomalies(), …).
        int k = 3;
        while (peek(k).kind != TokenKind::End && !isOp(L(")"), k) && k < 200)
            ++k;
        if (isOp(L(")"), k) && isOp(L("="), k + 1) && peek(k + 2).kind == TokenKind::Identifier
            && isOp(L("("), k + 3))
            fail(QStringLiteral("assigning to several names '(A, B) = %1(…)' is not supported")
                         .arg(peek(k + 2).text.left(60)),
                 peek().pos);
        fail(QStringLiteral("assigning to several names '(A, B) = …' is not supported"),
             peek().pos);
    }
    return expression();
}

NodePtr Parser::orExpr()
{
    NodePtr left = andExpr();
    while (isWord(L("or"))) {
        NodePtr node = make(NodeKind::Binary, take());
        node->text = QStringLiteral("or");
        node->pos = left->pos;
        node->kids.push_back(std::move(left));
        node->kids.push_back(andExpr());
        left = std::move(node);
    }
    return left;
}

NodePtr Parser::andExpr()
{
    NodePtr left = comparison();
    while (isWord(L("and"))) {
        NodePtr node = make(NodeKind::Binary, take());
        node->text = QStringLiteral("and");
        node->pos = left->pos;
        node->kids.push_back(std::move(left));
        node->kids.push_back(comparison());
        left = std::move(node);
    }
    return left;
}

// Kusto's comparison levels, loosest first (measured on Microsoft's parser): equality (==, !=,
// in, has_any, between, …), relational (<, <=, >, >=), then + -, * / %, and the string operators
// (=~, has, contains, startswith, matches regex, …) binding tighter than arithmetic. No level
// chains: `a == b == c` and `a has b has c` are errors, while `a == b < c` is `a == (b < c)`.
Parser::OperatorLevel Parser::comparisonOperator(QString *op) const
{
    const Token &t = peek();
    QString text;
    if (t.kind == TokenKind::Operator && symbolicComparisons().contains(t.text))
        text = t.text == u"<>" ? QStringLiteral("!=") : t.text;
    else if ((t.kind == TokenKind::Operator && t.text.startsWith(u'!') && t.text.size() > 1
              && t.text[1].isLetter())
             || (t.kind == TokenKind::Identifier
                 && (isNegatableStringOperator(t.text) || t.text == u"matches")))
        text = t.text;
    if (op)
        *op = text;
    if (text.isEmpty())
        return OperatorLevel::None;
    static const QStringList equality
            = {QStringLiteral("=="),         QStringLiteral("!="),
               QStringLiteral("in"),         QStringLiteral("!in"),
               QStringLiteral("in~"),        QStringLiteral("!in~"),
               QStringLiteral("has_any"),    QStringLiteral("has_all"),
               QStringLiteral("!has_any"),   QStringLiteral("!has_all"),
               QStringLiteral("between"),    QStringLiteral("!between"),
               QStringLiteral("in_cs"),      QStringLiteral("has_any_cs"),
               QStringLiteral("has_all_cs"), QStringLiteral("contains_any")};
    if (equality.contains(text))
        return OperatorLevel::Equality;
    if (text == u"<" || text == u"<=" || text == u">" || text == u">=")
        return OperatorLevel::Relational;
    return OperatorLevel::String;
}

QString Parser::takeComparisonOperator()
{
    const Token &t = peek();
    QString op;
    comparisonOperator(&op);
    if (refusedWordOperators().contains(op))
        fail(QStringLiteral("the '%1' operator is not supported by Vigil's local KQL").arg(op),
             t.pos);
    take();
    if (op == u"matches") {
        if (!acceptWord(L("regex")))
            unexpected(QStringLiteral("'regex' after 'matches'"));
        op = QStringLiteral("matches regex");
    }
    return op;
}

void Parser::refuseChainedComparison(const QString &first)
{
    QString second;
    if (comparisonOperator(&second) == OperatorLevel::None)
        return;
    if (second == u"matches")
        second = QStringLiteral("matches regex");
    fail(QStringLiteral("'%1' cannot follow '%2' here: KQL does not chain comparisons; put "
                        "parentheses around one of them")
                 .arg(second, first),
         peek().pos);
}

NodePtr Parser::binaryNode(const Token &at, const QString &op, NodePtr left, NodePtr right)
{
    NodePtr node = make(NodeKind::Binary, at);
    node->text = op;
    node->pos = left->pos;
    node->kids.push_back(std::move(left));
    node->kids.push_back(std::move(right));
    return node;
}

NodePtr Parser::comparison()
{
    NodePtr left = relational();
    if (comparisonOperator(nullptr) != OperatorLevel::Equality)
        return left;
    const Token &t = peek();
    const QString op = takeComparisonOperator();
    if (op == u"between" || op == u"!between") {
        NodePtr node = make(NodeKind::Between, t);
        node->text = op;
        node->pos = left->pos;
        expectOp(L("("), QStringLiteral("after '%1'").arg(op));
        node->kids.push_back(std::move(left));
        node->kids.push_back(additive());
        expectOp(L(".."), QStringLiteral("between the two ends of '%1'").arg(op));
        node->kids.push_back(additive());
        expectOp(L(")"), QStringLiteral("to end '%1'").arg(op));
        refuseChainedComparison(op);
        return node;
    }
    const bool listRight = op != u"==" && op != u"!=";
    NodePtr node = binaryNode(t, op, std::move(left), listRight ? inList() : relational());
    refuseChainedComparison(op);
    return node;
}

NodePtr Parser::singleComparison(OperatorLevel level, NodePtr (Parser::*operand)())
{
    NodePtr left = (this->*operand)();
    if (comparisonOperator(nullptr) != level)
        return left;
    const Token &t = peek();
    const QString op = takeComparisonOperator();
    NodePtr node = binaryNode(t, op, std::move(left), (this->*operand)());
    if (comparisonOperator(nullptr) == level)
        refuseChainedComparison(op);
    return node;
}

NodePtr Parser::relational()
{
    return singleComparison(OperatorLevel::Relational, &Parser::additive);
}

NodePtr Parser::stringComparison()
{
    return singleComparison(OperatorLevel::String, &Parser::unary);
}

NodePtr Parser::inList()
{
    const Token &open = peek();
    if (!isOp(L("(")))
        unexpected(QStringLiteral("'(' and a list of values"));
    DepthGuard guard(*this, open.pos);
    take();
    NodePtr list = make(NodeKind::List, open);
    if (isOp(L(")")))
        fail(QStringLiteral("the list of values is empty"), open.pos);
    do {
        list->kids.push_back(tabular());
    } while (acceptOp(L(",")));
    expectOp(L(")"), QStringLiteral("to end the list of values"));
    return list;
}

NodePtr Parser::additive()
{
    NodePtr left = multiplicative();
    while (isOp(L("+")) || isOp(L("-"))) {
        NodePtr node = make(NodeKind::Binary, peek());
        node->text = take().text;
        node->pos = left->pos;
        node->kids.push_back(std::move(left));
        node->kids.push_back(multiplicative());
        left = std::move(node);
    }
    return left;
}

NodePtr Parser::multiplicative()
{
    NodePtr left = stringComparison();
    while (isOp(L("*")) || isOp(L("/")) || isOp(L("%"))) {
        NodePtr node = make(NodeKind::Binary, peek());
        node->text = take().text;
        node->pos = left->pos;
        node->kids.push_back(std::move(left));
        node->kids.push_back(stringComparison());
        left = std::move(node);
    }
    return left;
}

NodePtr Parser::unary()
{
    if (isOp(L("-")) || isOp(L("+"))) {
        DepthGuard guard(*this, peek().pos);
        NodePtr node = make(NodeKind::Unary, peek());
        node->text = take().text;
        // Kusto's sign applies to a value, not to another sign: `- -1` is an error there.
        if (isOp(L("-")) || isOp(L("+")))
            fail(QStringLiteral("a sign cannot follow another sign; put the second one in "
                                "parentheses, as in -(-1)"),
                 peek().pos);
        node->kids.push_back(postfix());
        return node;
    }
    return postfix();
}

NodePtr Parser::postfix()
{
    NodePtr node = primary();
    while (true) {
        if (isOp(L("."))) {
            const Token &dot = take();
            const Token &t = peek();
            if (t.kind != TokenKind::Identifier && t.kind != TokenKind::BracketName
                && t.kind != TokenKind::TypedLiteral)
                unexpected(QStringLiteral("a property name after '.'"));
            NodePtr member = make(NodeKind::Member, dot);
            member->pos = node->pos;
            member->text = t.kind == TokenKind::BracketName ? t.value : t.text;
            if (t.kind == TokenKind::TypedLiteral)
                fail(QStringLiteral("'%1(…)' after '.' is not a property name").arg(t.text), t.pos);
            take();
            if (isOp(L("(")))
                fail(QStringLiteral("calling '%1' as a method is not supported").arg(member->text),
                     peek().pos);
            member->kids.push_back(std::move(node));
            node = std::move(member);
        } else if (peek().kind == TokenKind::BracketName) {
            // x['k'] right after a value is an index, not a bracketed name.
            const Token &t = take();
            NodePtr index = make(NodeKind::Index, t);
            index->pos = node->pos;
            index->kids.push_back(std::move(node));
            NodePtr key = make(NodeKind::Literal, t);
            key->literal = LiteralKind::String;
            key->value = t.value;
            key->text = t.text.mid(1, t.text.size() - 2).trimmed();
            index->kids.push_back(std::move(key));
            node = std::move(index);
        } else if (isOp(L("["))) {
            const Token &open = take();
            NodePtr index = make(NodeKind::Index, open);
            index->pos = node->pos;
            index->kids.push_back(std::move(node));
            index->kids.push_back(expression());
            expectOp(L("]"), QStringLiteral("to end the index"));
            node = std::move(index);
        } else {
            return node;
        }
    }
}

NodePtr Parser::literal(const Token &t)
{
    NodePtr node = make(NodeKind::Literal, t);
    node->text = t.text;
    switch (t.kind) {
    case TokenKind::Long:
        node->literal = LiteralKind::Long;
        node->value = t.text;
        break;
    case TokenKind::Real:
        node->literal = LiteralKind::Real;
        node->value = t.text;
        break;
    case TokenKind::TimeSpan:
        node->literal = LiteralKind::TimeSpan;
        node->value = t.text;
        break;
    case TokenKind::String:
        node->literal = LiteralKind::String;
        node->value = t.value;
        break;
    case TokenKind::TypedLiteral: {
        const std::optional<KqlType> type
                = kqlTypeFromName(t.text == u"int64"   ? QStringLiteral("long")
                                  : t.text == u"float" ? QStringLiteral("real")
                                                       : t.text);
        if (!type)
            fail(QStringLiteral("'%1(…)' is not a literal Vigil knows").arg(t.text), t.pos);
        node->value = t.value;
        node->text = t.text + QLatin1Char('(') + t.value + QLatin1Char(')');
        static const QList<std::pair<KqlType, LiteralKind>> kinds = {
                {KqlType::Bool, LiteralKind::Bool},
                {KqlType::Int, LiteralKind::Int},
                {KqlType::Long, LiteralKind::Long},
                {KqlType::Real, LiteralKind::Real},
                {KqlType::Decimal, LiteralKind::Decimal},
                {KqlType::DateTime, LiteralKind::DateTime},
                {KqlType::TimeSpan, LiteralKind::TimeSpan},
                {KqlType::Guid, LiteralKind::Guid},
        };
        for (const auto &[kt, lk] : kinds) {
            if (kt == *type)
                node->literal = lk;
        }
        // Microsoft's datetime page also writes the value as a string: datetime("2015-12-31").
        const QString inner = t.value.trimmed();
        if (node->literal == LiteralKind::DateTime && inner.size() >= 2
            && (inner.front() == u'"' || inner.front() == u'\'') && inner.back() == inner.front()
            && !inner.contains(u'\\'))
            node->value = inner.mid(1, inner.size() - 2);
        if (t.value.isEmpty())
            fail(QStringLiteral("%1() needs a value between the parentheses").arg(t.text), t.pos);
        if (t.value == u"null") {
            node->literal = LiteralKind::Null;
            node->value = kqlTypeName(*type);
        }
        break;
    }
    default:
        unexpected(QStringLiteral("a literal"));
    }
    return node;
}

NodePtr Parser::dynamicValue()
{
    DepthGuard guard(*this, peek().pos);
    const Token &t = peek();
    if (t.kind == TokenKind::BracketName) { // ['one'] lexes as a bracketed name
        NodePtr array = make(NodeKind::DynArray, take());
        NodePtr value = make(NodeKind::Literal, t);
        value->literal = LiteralKind::String;
        value->value = t.value;
        value->text = t.text.mid(1, t.text.size() - 2).trimmed();
        array->kids.push_back(std::move(value));
        return array;
    }
    if (t.kind == TokenKind::Identifier && t.text == u"dynamic" && isOp(L("("), 1)) {
        // dynamic(v) inside a dynamic literal is v (Microsoft's dynamic_to_json example).
        take();
        take();
        NodePtr inner = dynamicValue();
        expectOp(L(")"), QStringLiteral("to end dynamic(…)"));
        return inner;
    }
    if (isOp(L("["))) {
        NodePtr array = make(NodeKind::DynArray, take());
        while (!isOp(L("]"))) {
            array->kids.push_back(dynamicValue());
            if (!acceptSeparator(L("]"), QStringLiteral("a value")))
                break;
        }
        expectOp(L("]"), QStringLiteral("to end the array"));
        return array;
    }
    if (isOp(L("{"))) {
        NodePtr object = make(NodeKind::DynObject, take());
        while (!isOp(L("}"))) {
            NodePtr property = make(NodeKind::DynProperty, peek());
            if (peek().kind != TokenKind::String)
                fail(QStringLiteral("a property name in dynamic(…) is a string in quotes, as in "
                                    "{\"name\": 1}"),
                     peek().pos);
            property->text = take().value;
            expectOp(L(":"), QStringLiteral("after the property name"));
            property->kids.push_back(dynamicValue());
            object->kids.push_back(std::move(property));
            if (!acceptSeparator(L("}"), QStringLiteral("a property")))
                break;
        }
        expectOp(L("}"), QStringLiteral("to end the property bag"));
        return object;
    }
    if (t.kind == TokenKind::Identifier && (t.text == u"true" || t.text == u"false")) {
        NodePtr node = make(NodeKind::Literal, take());
        node->literal = LiteralKind::Bool;
        node->text = node->value = t.text;
        return node;
    }
    if (t.kind == TokenKind::Identifier && t.text == u"null") {
        NodePtr node = make(NodeKind::Literal, take());
        node->literal = LiteralKind::Null;
        node->text = t.text;
        node->value = QStringLiteral("dynamic");
        return node;
    }
    // The typed literals Kusto's parser takes inside dynamic(…) (not int(), decimal(), …).
    const auto typedInDynamic = [](const Token &token, bool signed_) {
        static const QStringList any
                = {QStringLiteral("long"),     QStringLiteral("int64"),    QStringLiteral("real"),
                   QStringLiteral("double"),   QStringLiteral("datetime"), QStringLiteral("date"),
                   QStringLiteral("timespan"), QStringLiteral("time"),     QStringLiteral("guid"),
                   QStringLiteral("bool")};
        static const QStringList numbers = {QStringLiteral("long"), QStringLiteral("int64"),
                                            QStringLiteral("real"), QStringLiteral("double")};
        return (signed_ ? numbers : any).contains(token.text);
    };
    if (isOp(L("-"))
        && (peek(1).kind == TokenKind::Long || peek(1).kind == TokenKind::Real
            || (peek(1).kind == TokenKind::TypedLiteral && typedInDynamic(peek(1), true)))) {
        const Token &minus = take();
        NodePtr node = literal(take());
        node->pos = minus.pos;
        node->text.prepend(QLatin1Char('-'));
        node->value.prepend(QLatin1Char('-'));
        return node;
    }
    if (t.kind == TokenKind::TypedLiteral && !typedInDynamic(t, false))
        fail(t.text == u"decimal"
                     ? QStringLiteral("decimal values cannot be held in dynamic(…); write the "
                                      "number as a real")
                     : QStringLiteral("%1(…) cannot be written inside dynamic(…); write the value "
                                      "alone, or long(…), real(…), datetime(…), timespan(…), "
                                      "guid(…) or bool(…)")
                               .arg(t.text),
             t.pos);
    if (t.kind == TokenKind::String) {
        NodePtr node = literal(take());
        while (peek().kind == TokenKind::String)
            node->value += take().value;
        return node;
    }
    if (t.kind == TokenKind::Long || t.kind == TokenKind::Real || t.kind == TokenKind::TimeSpan
        || t.kind == TokenKind::TypedLiteral)
        return literal(take());
    unexpected(QStringLiteral("a value in dynamic(…)"));
}

/** Takes the ',' between two items of a list that `close` ends; false at the end of the list.
 *  A ',' right before `close` is refused, as Kusto refuses it. */
bool Parser::acceptSeparator(QLatin1StringView close, const QString &what)
{
    if (!isOp(L(",")))
        return false;
    const Token &comma = take();
    if (isOp(close))
        fail(QStringLiteral("%1 is missing after this ','; remove the ','").arg(what), comma.pos);
    return true;
}

NodePtr Parser::callArguments(NodePtr call)
{
    expectOp(L("("), QStringLiteral("after the function name"));
    DepthGuard guard(*this, call->pos);
    while (!isOp(L(")"))) {
        if (isOp(L("*")) && (isOp(L(","), 1) || isOp(L(")"), 1))) {
            call->kids.push_back(make(NodeKind::Star, take()));
        } else if (peek().kind == TokenKind::Identifier && isOp(L("="), 1)) {
            NodePtr named = make(NodeKind::NamedArg, peek());
            named->text = take().text;
            take();
            named->kids.push_back(tabular());
            call->kids.push_back(std::move(named));
        } else {
            call->kids.push_back(tabular());
        }
        if (!acceptSeparator(L(")"), QStringLiteral("an argument")))
            break;
    }
    expectOp(L(")"), QStringLiteral("to end the arguments of %1()").arg(call->text));
    return call;
}

NodePtr Parser::primary()
{
    const Token &t = peek();
    if (isOp(L(".")) && (peek(1).kind == TokenKind::Long || peek(1).kind == TokenKind::Real)
        && peek(1).pos.offset == t.end)
        fail(QStringLiteral("a number starts with a digit in KQL: write 0.%1").arg(peek(1).text),
             t.pos);
    switch (t.kind) {
    case TokenKind::Long:
    case TokenKind::Real:
    case TokenKind::TimeSpan:
    case TokenKind::TypedLiteral:
        return literal(take());
    case TokenKind::String: {
        NodePtr node = literal(take());
        while (peek().kind == TokenKind::String) { // "a" "b" is "ab"
            node->value += peek().value;
            node->text += QLatin1Char(' ') + take().text;
        }
        return node;
    }
    case TokenKind::BracketName: {
        NodePtr node = make(NodeKind::Name, take());
        node->text = t.value;
        node->bracketed = true;
        return node;
    }
    case TokenKind::Operator:
        if (t.text == u"(") {
            DepthGuard guard(*this, t.pos);
            take();
            NodePtr inner = tabular();
            if (isOp(L(",")))
                fail(QStringLiteral("a list '(a, b, …)' is only allowed after in, !in, in~, "
                                    "has_any and has_all"),
                     peek().pos);
            expectOp(L(")"), QStringLiteral("to close the parenthesis"));
            inner->parenthesized = true;
            return inner;
        }
        if (t.text == u"*")
            return make(NodeKind::Star, take());
        unexpected(QStringLiteral("a value, a column or a table"));
    case TokenKind::End:
        unexpected(QStringLiteral("a value, a column or a table"));
    case TokenKind::Identifier:
        break;
    }
    const QString word = t.text;
    if (word == u"true" || word == u"false") {
        NodePtr node = make(NodeKind::Literal, take());
        node->literal = LiteralKind::Bool;
        node->text = node->value = word;
        return node;
    }
    if (word == u"dynamic" && isOp(L("("), 1)) {
        NodePtr node = make(NodeKind::DynamicLiteral, take());
        take();
        node->kids.push_back(dynamicValue());
        const Token &close = expectOp(L(")"), QStringLiteral("to end dynamic(…)"));
        node->text = m_source.mid(t.pos.offset, close.end - t.pos.offset);
        return node;
    }
    if (word == u"typeof" && isOp(L("("), 1)) {
        NodePtr node = make(NodeKind::TypeOf, take());
        take();
        node->value = typeName();
        expectOp(L(")"), QStringLiteral("to end typeof(…)"));
        return node;
    }
    if (word == u"datatable" && (isOp(L("("), 1) || peek(1).kind == TokenKind::Identifier)) {
        NodePtr table = make(NodeKind::Datatable, take());
        readOptions(*table, {});
        expectOp(L("("), QStringLiteral("and the columns of datatable"));
        while (!isOp(L(")"))) {
            NodePtr column = make(NodeKind::ColumnDecl, peek());
            column->text = expectName(QStringLiteral("a column name"));
            expectOp(L(":"), QStringLiteral("and a type after the column name"));
            column->value = typeName();
            table->kids.push_back(std::move(column));
            if (!acceptOp(L(",")))
                break;
        }
        expectOp(L(")"), QStringLiteral("to end the columns of datatable"));
        if (peek().kind == TokenKind::BracketName) { // ['one value'] lexes as a bracketed name
            const Token &only = take();
            NodePtr value = make(NodeKind::Literal, only);
            value->literal = LiteralKind::String;
            value->value = only.value;
            value->text = only.text.mid(1, only.text.size() - 2).trimmed();
            table->kids.push_back(std::move(value));
            return table;
        }
        expectOp(L("["), QStringLiteral("and the values of datatable"));
        while (!isOp(L("]"))) {
            if ((isOp(L("-")) || isOp(L("+"))) && peek(1).kind == TokenKind::TypedLiteral)
                fail(QStringLiteral("datatable takes no sign before %1(…); put it inside, as in "
                                    "%1(-2)")
                             .arg(peek(1).text),
                     peek().pos);
            if (isOp(L("(")) || ((isOp(L("-")) || isOp(L("+"))) && isOp(L("("), 1)))
                fail(QStringLiteral("datatable takes values as written, not an expression in "
                                    "parentheses"),
                     peek().pos);
            if ((isOp(L("-")) || isOp(L("+")))
                && (peek(1).pos.line != peek().pos.line
                    || peek(1).pos.column != peek().pos.column + 1))
                fail(QStringLiteral("datatable takes a signed number written as one, as in -1: "
                                    "no space after the sign"),
                     peek().pos);
            table->kids.push_back(expression());
            if (!acceptOp(L(",")))
                break;
        }
        expectOp(L("]"), QStringLiteral("to end the values of datatable"));
        return table;
    }
    if (word == u"range"
        && (peek(1).kind == TokenKind::Identifier || peek(1).kind == TokenKind::BracketName)
        && isWord(L("from"), 2)) {
        NodePtr range = make(NodeKind::Range, take());
        range->text = expectName(QStringLiteral("a column name"));
        take(); // from
        range->kids.push_back(expression());
        if (!acceptWord(L("to")))
            unexpected(QStringLiteral("'to' in range"));
        range->kids.push_back(expression());
        if (!acceptWord(L("step")))
            unexpected(QStringLiteral("'step' in range"));
        range->kids.push_back(expression());
        return range;
    }
    if (word == u"print" && !isOp(L("="), 1)) {
        NodePtr print = make(NodeKind::Print, take());
        if (peek().kind == TokenKind::End || isOp(L(";")) || isOp(L("|")))
            fail(QStringLiteral("print needs at least one expression"), t.pos);
        do {
            print->kids.push_back(atSeveralNames(0) ? severalNames() : namedOrPlain());
        } while (acceptOp(L(",")));
        return print;
    }
    if (word == u"union" && !isOp(L("("), 1) && !isOp(L("="), 1)) {
        NodePtr op = opUnion(NodeKind::UnionSource, take());
        return op;
    }
    if (word == u"union" && isOp(L("("), 1)) {
        return opUnion(NodeKind::UnionSource, take());
    }
    if (word == u"search" && !isOp(L("="), 1) && !isOp(L("("), 1))
        return opSearch(take(), true);
    if (word == u"find" && !isOp(L("="), 1) && !isOp(L("("), 1))
        return findSource(take());
    if ((word == u"externaldata" || word == u"external_data") && !isOp(L("="), 1))
        return externalData(take());
    // cluster(), database(), table(), …: other stores; the words alone are names (a let may
    // be called `cluster`).
    const bool otherStore = word == u"cluster" || word == u"database" || word == u"table"
                            || word == u"external_table" || word == u"materialized_view";
    if (((word == u"externaldata" || word == u"search" || word == u"find" || word == u"evaluate")
         && !isOp(L("="), 1))
        || (otherStore && isOp(L("("), 1))) {
        fail(QStringLiteral("'%1' is not supported by Vigil's local KQL").arg(word), t.pos);
    }
    take();
    if (isOp(L("("))) {
        if (isReservedWord(word) && word != u"toscalar" && word != u"materialize")
            fail(QStringLiteral("'%1' is a KQL keyword, not a function").arg(word), t.pos);
        NodePtr call = make(NodeKind::Call, t);
        call->text = word;
        return callArguments(std::move(call));
    }
    if (isReservedWord(word))
        fail(QStringLiteral("'%1' is a KQL keyword: write it as ['%1'] to use it as a name")
                     .arg(word),
             t.pos);
    NodePtr name = make(NodeKind::Name, t);
    name->text = word;
    return name;
}

NodePtr Parser::externalData(const Token &at)
{
    // externaldata (Name:type, …) [ "url", … ] [with (name = value, …)]
    NodePtr node = make(NodeKind::ExternalData, at);
    expectOp(L("("), QStringLiteral("and the columns of externaldata"));
    do {
        NodePtr column = make(NodeKind::ColumnDecl, peek());
        column->text = expectName(QStringLiteral("a column name"));
        expectOp(L(":"), QStringLiteral("and a type after the column name"));
        column->value = typeName();
        node->kids.push_back(std::move(column));
    } while (acceptOp(L(",")));
    expectOp(L(")"), QStringLiteral("to end the columns of externaldata"));
    if (peek().kind == TokenKind::BracketName) { // ['one url'] lexes as a bracketed name
        const Token &only = take();
        NodePtr url = make(NodeKind::Literal, only);
        url->literal = LiteralKind::String;
        url->value = only.value;
        url->text = only.text.mid(1, only.text.size() - 2).trimmed();
        node->kids.push_back(std::move(url));
    } else {
        expectOp(L("["), QStringLiteral("and the URLs of externaldata"));
        while (!isOp(L("]"))) {
            if (peek().kind != TokenKind::String)
                unexpected(QStringLiteral("a URL as a string literal"));
            NodePtr url = make(NodeKind::Literal, peek());
            url->literal = LiteralKind::String;
            // Adjacent string literals are one string (a URL split over lines, or h@"…").
            while (peek().kind == TokenKind::String) {
                url->text += peek().text;
                url->value += take().value;
            }
            node->kids.push_back(std::move(url));
            if (!acceptOp(L(",")))
                break;
        }
        expectOp(L("]"), QStringLiteral("to end the URLs of externaldata"));
    }
    if (acceptWord(L("with"))) {
        expectOp(L("("), QStringLiteral("after 'with'"));
        while (!isOp(L(")"))) {
            const Token &name = peek();
            if (name.kind != TokenKind::Identifier)
                unexpected(QStringLiteral("a property name"));
            take();
            expectOp(L("="), QStringLiteral("after a property name"));
            const Token &value = peek();
            if (value.kind == TokenKind::End || value.kind == TokenKind::Operator)
                unexpected(QStringLiteral("the value of '%1'").arg(name.text));
            take();
            node->options.append(
                    {name.text, value.kind == TokenKind::String ? value.value : value.text});
            if (!acceptOp(L(",")))
                break;
        }
        expectOp(L(")"), QStringLiteral("to end the properties of externaldata"));
    }
    return node;
}

} // namespace Vigil::Kql
