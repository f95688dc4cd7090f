#include "simkql.h"

#include <QRegularExpression>

// Tokenizer and recursive-descent parser of the simulated tenant's KQL subset.

namespace Vigil::Sim::Kql {

namespace {

struct Token
{
    enum class Kind { Ident, String, Number, TimeSpan, DateTime, Op, End };
    Kind kind = Kind::End;
    QString text; // identifier, operator, string contents, raw datetime(...) contents
    HuntValue value; // Number, TimeSpan, DateTime
    int offset = 0;
};

// Operators whose names hold a dash (project-away, mv-expand, …): read as one word.
const QStringList DashedStarts{QStringLiteral("project"), QStringLiteral("mv"),
                               QStringLiteral("make"),    QStringLiteral("top"),
                               QStringLiteral("parse"),   QStringLiteral("invoke")};

class Lexer
{
public:
    explicit Lexer(const QString &text)
        : m_text(text)
    { }

    bool run(std::vector<Token> *tokens, QueryError *error)
    {
        const int n = static_cast<int>(m_text.size());
        int i = 0;
        while (i < n) {
            const QChar c = m_text[i];
            if (c.isSpace()) {
                ++i;
                continue;
            }
            if (c == u'/' && i + 1 < n && m_text[i + 1] == u'/') {
                while (i < n && m_text[i] != u'\n')
                    ++i;
                continue;
            }
            Token token;
            token.offset = i;
            if (c.isLetter() || c == u'_') {
                int end = i;
                while (end < n && (m_text[end].isLetterOrNumber() || m_text[end] == u'_'))
                    ++end;
                QString word = m_text.mid(i, end - i);
                if (end + 1 < n && m_text[end] == u'-' && m_text[end + 1].isLetter()
                    && DashedStarts.contains(word)) {
                    int tail = end + 1;
                    while (tail < n && (m_text[tail].isLetterOrNumber() || m_text[tail] == u'_'))
                        ++tail;
                    word = m_text.mid(i, tail - i);
                    end = tail;
                }
                if (word == QLatin1String("datetime")) {
                    int open = end;
                    while (open < n && m_text[open].isSpace())
                        ++open;
                    if (open < n && m_text[open] == u'(') {
                        const int close = static_cast<int>(m_text.indexOf(u')', open));
                        if (close < 0) {
                            error->message = QStringLiteral("datetime( has no closing ')'.");
                            return false;
                        }
                        token.kind = Token::Kind::DateTime;
                        token.text = m_text.mid(open + 1, close - open - 1).trimmed();
                        if (token.text.size() >= 2
                            && (token.text.startsWith(u'"') || token.text.startsWith(u'\''))) {
                            token.text = token.text.mid(1, token.text.size() - 2);
                        }
                        tokens->push_back(token);
                        i = close + 1;
                        continue;
                    }
                }
                token.kind = Token::Kind::Ident;
                token.text = word;
                tokens->push_back(token);
                i = end;
                continue;
            }
            if (c.isDigit() || (c == u'.' && i + 1 < n && m_text[i + 1].isDigit())) {
                int end = i;
                while (end < n && m_text[end].isDigit())
                    ++end;
                bool real = false;
                if (end + 1 < n && m_text[end] == u'.' && m_text[end + 1].isDigit()) {
                    real = true;
                    ++end;
                    while (end < n && m_text[end].isDigit())
                        ++end;
                }
                if (end < n && (m_text[end] == u'e' || m_text[end] == u'E') && end + 1 < n
                    && (m_text[end + 1].isDigit() || m_text[end + 1] == u'-'
                        || m_text[end + 1] == u'+')) {
                    real = true;
                    end += 2;
                    while (end < n && m_text[end].isDigit())
                        ++end;
                }
                int unitEnd = end;
                while (unitEnd < n && m_text[unitEnd].isLetter())
                    ++unitEnd;
                const QString number = m_text.mid(i, end - i);
                if (unitEnd > end) {
                    const auto span = parseTimeSpanLiteral(QStringView(m_text).mid(i, unitEnd - i));
                    if (!span) {
                        error->message = QStringLiteral("'%1' is not a number or a timespan.")
                                                 .arg(m_text.mid(i, unitEnd - i));
                        return false;
                    }
                    token.kind = Token::Kind::TimeSpan;
                    token.value = HuntValue::timeSpan(*span);
                    end = unitEnd;
                } else if (real) {
                    token.kind = Token::Kind::Number;
                    token.value = HuntValue::realValue(number.toDouble());
                } else {
                    bool ok = false;
                    const qint64 value = number.toLongLong(&ok);
                    token.kind = Token::Kind::Number;
                    token.value = ok ? HuntValue::longValue(value)
                                     : HuntValue::realValue(number.toDouble());
                }
                tokens->push_back(token);
                i = end;
                continue;
            }
            if (c == u'"' || c == u'\''
                || (c == u'@' && i + 1 < n && (m_text[i + 1] == u'"' || m_text[i + 1] == u'\''))) {
                const bool verbatim = c == u'@';
                const QChar quote = verbatim ? m_text[i + 1] : c;
                int j = verbatim ? i + 2 : i + 1;
                QString value;
                bool closed = false;
                while (j < n) {
                    const QChar d = m_text[j];
                    if (d == quote) {
                        closed = true;
                        ++j;
                        break;
                    }
                    if (d == u'\\' && !verbatim && j + 1 < n) {
                        const QChar e = m_text[j + 1];
                        value += e == u'n' ? QChar(u'\n') : e == u't' ? QChar(u'\t') : e;
                        j += 2;
                        continue;
                    }
                    value += d;
                    ++j;
                }
                if (!closed) {
                    error->message = QStringLiteral("A string literal is not closed.");
                    return false;
                }
                token.kind = Token::Kind::String;
                token.text = value;
                tokens->push_back(token);
                i = j;
                continue;
            }
            static const char *const TwoChar[] = {"==", "!=", "=~", "!~", "<=", ">=", ".."};
            QString op;
            for (const char *candidate : TwoChar) {
                if (QStringView(m_text).mid(i, 2) == QLatin1String(candidate))
                    op = QLatin1String(candidate);
            }
            if (op.isEmpty()) {
                if (!QStringLiteral("|(),<>=+-*/%![]~.;").contains(c)) {
                    error->message = QStringLiteral("Unexpected character '%1'.").arg(c);
                    return false;
                }
                op = c;
            }
            token.kind = Token::Kind::Op;
            token.text = op;
            tokens->push_back(token);
            i += static_cast<int>(op.size());
        }
        Token end;
        end.offset = n;
        tokens->push_back(end);
        return true;
    }

private:
    const QString &m_text;
};

/** What a failed parse step answers, whatever the step returns. */
struct Failed
{
    operator ExprPtr() const { return nullptr; }
    template<typename T>
    operator std::optional<T>() const
    {
        return std::nullopt;
    }
    explicit operator bool() const { return false; }
};

class Parser
{
public:
    Parser(std::vector<Token> tokens, QueryError *error)
        : m_tokens(std::move(tokens))
        , m_error(error)
    { }

    std::optional<Query> query()
    {
        Query result;
        const Token &first = peek();
        if (first.kind != Token::Kind::Ident)
            return fail(QStringLiteral("A query starts with the name of a table."));
        if (first.text == QLatin1String("let") || first.text == QLatin1String("union")
            || first.text == QLatin1String("search") || first.text == QLatin1String("find")
            || first.text == QLatin1String("print") || first.text == QLatin1String("range")
            || first.text == QLatin1String("datatable") || first.text == QLatin1String("set"))
            return unsupported(QStringLiteral("'%1' statements").arg(first.text));
        result.table = next().text;
        while (true) {
            if (isOp(QStringLiteral(";")) && m_position + 1 < m_tokens.size()
                && m_tokens[m_position + 1].kind == Token::Kind::End) {
                next();
            }
            if (peek().kind == Token::Kind::End)
                break;
            if (!takeOp(QStringLiteral("|"))) {
                if (isOp(QStringLiteral(";")))
                    return unsupported(QStringLiteral("several statements"));
                return fail(QStringLiteral("Expected '|' at '%1'.").arg(describe(peek())));
            }
            if (peek().kind != Token::Kind::Ident)
                return fail(QStringLiteral("Expected an operator after '|' at '%1'.")
                                    .arg(describe(peek())));
            const QString name = next().text;
            std::optional<Stage> stage = this->stage(name);
            if (!stage)
                return std::nullopt;
            if (stage->kind != Stage::Kind::Where || stage->predicate)
                result.stages.push_back(std::move(*stage));
        }
        return result;
    }

private:
    std::optional<Stage> stage(const QString &name)
    {
        Stage stage;
        if (name == QLatin1String("where") || name == QLatin1String("filter")) {
            stage.kind = Stage::Kind::Where;
            stage.predicate = expression();
            return stage.predicate ? std::optional<Stage>(stage) : std::nullopt;
        }
        if (name == QLatin1String("project") || name == QLatin1String("extend")
            || name == QLatin1String("distinct")) {
            stage.kind = name == QLatin1String("project")  ? Stage::Kind::Project
                         : name == QLatin1String("extend") ? Stage::Kind::Extend
                                                           : Stage::Kind::Distinct;
            if (!namedList(&stage.columns))
                return std::nullopt;
            return stage;
        }
        if (name == QLatin1String("project-away")) {
            stage.kind = Stage::Kind::ProjectAway;
            do {
                if (peek().kind != Token::Kind::Ident)
                    return fail(QStringLiteral("project-away takes column names."));
                stage.names.append(next().text);
            } while (takeOp(QStringLiteral(",")));
            return stage;
        }
        if (name == QLatin1String("summarize")) {
            stage.kind = Stage::Kind::Summarize;
            if (!(peek().kind == Token::Kind::Ident && peek().text == QLatin1String("by"))) {
                if (!namedList(&stage.columns))
                    return std::nullopt;
            }
            if (peek().kind == Token::Kind::Ident && peek().text == QLatin1String("by")) {
                next();
                if (!namedList(&stage.by))
                    return std::nullopt;
            }
            if (stage.columns.empty() && stage.by.empty())
                return fail(QStringLiteral("summarize needs an aggregation or a 'by' clause."));
            return stage;
        }
        if (name == QLatin1String("sort") || name == QLatin1String("order")) {
            stage.kind = Stage::Kind::Sort;
            if (!keyword("by"))
                return fail(QStringLiteral("Expected 'by' after '%1'.").arg(name));
            if (!sortKeys(&stage.sort))
                return std::nullopt;
            return stage;
        }
        if (name == QLatin1String("take") || name == QLatin1String("limit")) {
            stage.kind = Stage::Kind::Take;
            if (!count(&stage.limit))
                return std::nullopt;
            return stage;
        }
        if (name == QLatin1String("top")) {
            stage.kind = Stage::Kind::Top;
            if (!count(&stage.limit))
                return std::nullopt;
            if (!keyword("by"))
                return fail(QStringLiteral("Expected 'by' after 'top N'."));
            ExprPtr key = expression();
            if (!key)
                return std::nullopt;
            SortKey sortKey{key, false, {}};
            if (!direction(&sortKey))
                return std::nullopt;
            stage.sort.push_back(sortKey);
            return stage;
        }
        if (name == QLatin1String("count")) {
            stage.kind = Stage::Kind::Count;
            return stage;
        }
        if (name == QLatin1String("render")) {
            // Only the portal draws charts; the API answers the rows.
            while (peek().kind != Token::Kind::End && !isOp(QStringLiteral("|")))
                next();
            Stage nothing;
            nothing.kind = Stage::Kind::Where;
            return nothing;
        }
        return unsupported(QStringLiteral("the '%1' operator").arg(name));
    }

    bool namedList(std::vector<NamedExpr> *out)
    {
        do {
            NamedExpr item;
            if (peek().kind == Token::Kind::Ident && m_position + 1 < m_tokens.size()
                && m_tokens[m_position + 1].kind == Token::Kind::Op
                && m_tokens[m_position + 1].text == QLatin1String("=")) {
                item.name = next().text;
                next();
            }
            item.expr = expression();
            if (!item.expr)
                return false;
            out->push_back(item);
        } while (takeOp(QStringLiteral(",")));
        return true;
    }

    bool sortKeys(std::vector<SortKey> *out)
    {
        do {
            SortKey key;
            key.expr = expression();
            if (!key.expr || !direction(&key))
                return false;
            out->push_back(key);
        } while (takeOp(QStringLiteral(",")));
        return true;
    }

    bool direction(SortKey *key)
    {
        if (keyword("asc"))
            key->ascending = true;
        else if (keyword("desc"))
            key->ascending = false;
        if (keyword("nulls")) {
            if (keyword("first"))
                key->nullsFirst = true;
            else if (keyword("last"))
                key->nullsFirst = false;
            else
                return static_cast<bool>(fail(QStringLiteral("Expected 'first' or 'last'.")));
        }
        return true;
    }

    bool count(qint64 *limit)
    {
        const Token &token = peek();
        if (token.kind != Token::Kind::Number || token.value.type != ColumnType::Long
            || token.value.integer < 0) {
            fail(QStringLiteral("Expected a row count at '%1'.").arg(describe(token)));
            return false;
        }
        *limit = next().value.integer;
        return true;
    }

    // Precedence, lowest first: or, and, comparisons and string operators, + -, * / %, unary.
    // A query may not nest or grow without bound: the binder and the evaluator recurse over the
    // tree, and no query text may exhaust the stack.
    static constexpr int MaxDepth = 64;
    static constexpr int MaxNodes = 4000;

    ExprPtr expression()
    {
        if (m_depth >= MaxDepth)
            return unsupported(QStringLiteral("nesting deeper than %1 levels").arg(MaxDepth));
        ++m_depth;
        ExprPtr result = orExpr();
        --m_depth;
        if (result && ++m_expressions > MaxNodes)
            return unsupported(QStringLiteral("more than %1 expressions").arg(MaxNodes));
        return result;
    }

    ExprPtr orExpr()
    {
        ExprPtr left = andExpr();
        while (left && keyword("or"))
            left = binary(QStringLiteral("or"), left, andExpr());
        return left;
    }

    ExprPtr andExpr()
    {
        ExprPtr left = comparison();
        while (left && keyword("and"))
            left = binary(QStringLiteral("and"), left, comparison());
        return left;
    }

    ExprPtr comparison()
    {
        ExprPtr left = additive();
        if (!left)
            return left;
        const int offset = peek().offset;
        static const QStringList Symbols{QStringLiteral("=="), QStringLiteral("!="),
                                         QStringLiteral("=~"), QStringLiteral("!~"),
                                         QStringLiteral("<"),  QStringLiteral(">"),
                                         QStringLiteral("<="), QStringLiteral(">=")};
        if (peek().kind == Token::Kind::Op && Symbols.contains(peek().text)) {
            const QString op = next().text;
            return binary(op, left, additive());
        }
        bool negated = false;
        if (isOp(QStringLiteral("!")) && m_position + 1 < m_tokens.size()
            && m_tokens[m_position + 1].kind == Token::Kind::Ident) {
            negated = true;
            next();
        }
        if (peek().kind != Token::Kind::Ident) {
            if (negated)
                return fail(QStringLiteral("Expected an operator after '!'."));
            return left;
        }
        static const QStringList StringOps{
                QStringLiteral("has"),        QStringLiteral("has_cs"),
                QStringLiteral("contains"),   QStringLiteral("contains_cs"),
                QStringLiteral("startswith"), QStringLiteral("startswith_cs"),
                QStringLiteral("endswith"),   QStringLiteral("endswith_cs")};
        const QString word = peek().text;
        if (StringOps.contains(word)) {
            next();
            auto node = binary(word.section(u'_', 0, 0), left, additive());
            if (node) {
                node->negated = negated;
                node->caseSensitive = word.endsWith(QLatin1String("_cs"));
            }
            return node;
        }
        if (word == QLatin1String("in")) {
            next();
            auto node = std::make_shared<Expr>();
            node->kind = Expr::Kind::In;
            node->offset = offset;
            node->negated = negated;
            node->caseSensitive = !takeOp(QStringLiteral("~"));
            node->args.push_back(left);
            if (!takeOp(QStringLiteral("(")))
                return fail(QStringLiteral("Expected '(' after 'in'."));
            do {
                ExprPtr item = additive();
                if (!item)
                    return nullptr;
                node->args.push_back(item);
            } while (takeOp(QStringLiteral(",")));
            if (!takeOp(QStringLiteral(")")))
                return fail(QStringLiteral("Expected ')' to close the 'in' list."));
            return node;
        }
        if (word == QLatin1String("between")) {
            next();
            auto node = std::make_shared<Expr>();
            node->kind = Expr::Kind::Between;
            node->offset = offset;
            node->negated = negated;
            node->args.push_back(left);
            if (!takeOp(QStringLiteral("(")))
                return fail(QStringLiteral("Expected '(' after 'between'."));
            ExprPtr low = additive();
            if (!low)
                return nullptr;
            if (!takeOp(QStringLiteral("..")))
                return fail(QStringLiteral("Expected '..' in 'between'."));
            ExprPtr high = additive();
            if (!high)
                return nullptr;
            if (!takeOp(QStringLiteral(")")))
                return fail(QStringLiteral("Expected ')' to close 'between'."));
            node->args.push_back(low);
            node->args.push_back(high);
            return node;
        }
        static const QStringList Unsupported{
                QStringLiteral("matches"),   QStringLiteral("has_any"),
                QStringLiteral("has_all"),   QStringLiteral("hasprefix"),
                QStringLiteral("hassuffix"), QStringLiteral("contains_any")};
        if (Unsupported.contains(word))
            return unsupported(QStringLiteral("the '%1%2' operator")
                                       .arg(negated ? QStringLiteral("!") : QString(), word));
        if (negated)
            return fail(QStringLiteral("Unknown operator '!%1'.").arg(word));
        return left;
    }

    ExprPtr additive()
    {
        ExprPtr left = multiplicative();
        while (left && (isOp(QStringLiteral("+")) || isOp(QStringLiteral("-")))) {
            const QString op = next().text;
            left = binary(op, left, multiplicative());
        }
        return left;
    }

    ExprPtr multiplicative()
    {
        ExprPtr left = unary();
        while (left
               && (isOp(QStringLiteral("*")) || isOp(QStringLiteral("/"))
                   || isOp(QStringLiteral("%")))) {
            const QString op = next().text;
            left = binary(op, left, unary());
        }
        return left;
    }

    ExprPtr unary()
    {
        if (isOp(QStringLiteral("-"))) {
            const int offset = next().offset;
            if (m_depth >= MaxDepth)
                return unsupported(QStringLiteral("nesting deeper than %1 levels").arg(MaxDepth));
            ++m_depth;
            ExprPtr operand = unary();
            --m_depth;
            if (!operand)
                return nullptr;
            if (operand->kind == Expr::Kind::Literal && !operand->literal.null) {
                HuntValue &value = operand->literal;
                if (value.type == ColumnType::Real)
                    value.real = -value.real;
                else
                    value.integer = -value.integer;
                return operand;
            }
            auto zero = std::make_shared<Expr>();
            zero->literal = HuntValue::longValue(0);
            zero->offset = offset;
            return binary(QStringLiteral("-"), zero, operand);
        }
        return primary();
    }

    ExprPtr primary()
    {
        const Token token = peek();
        auto node = std::make_shared<Expr>();
        node->offset = token.offset;
        switch (token.kind) {
        case Token::Kind::Number:
        case Token::Kind::TimeSpan:
            next();
            node->literal = token.value;
            return node;
        case Token::Kind::String:
            next();
            node->literal = HuntValue::string(token.text);
            return node;
        case Token::Kind::DateTime: {
            next();
            const auto ticks = parseDateTime(token.text);
            if (!ticks)
                return fail(QStringLiteral("'%1' is not a datetime.").arg(token.text));
            node->literal = HuntValue::dateTime(*ticks);
            return node;
        }
        case Token::Kind::Ident: {
            next();
            if (token.text == QLatin1String("true") || token.text == QLatin1String("false")) {
                node->literal = HuntValue::boolean(token.text == QLatin1String("true"));
                return node;
            }
            if (isOp(QStringLiteral("("))) {
                next();
                node->kind = Expr::Kind::Call;
                node->name = token.text;
                if (!isOp(QStringLiteral(")"))) {
                    do {
                        ExprPtr argument = expression();
                        if (!argument)
                            return nullptr;
                        node->args.push_back(argument);
                    } while (takeOp(QStringLiteral(",")));
                }
                if (!takeOp(QStringLiteral(")")))
                    return fail(QStringLiteral("Expected ')' after the arguments of %1().")
                                        .arg(token.text));
                return node;
            }
            if (isOp(QStringLiteral(".")) || isOp(QStringLiteral("[")))
                return unsupported(QStringLiteral("member access on '%1'").arg(token.text));
            node->kind = Expr::Kind::Column;
            node->name = token.text;
            return node;
        }
        case Token::Kind::Op:
            if (token.text == QLatin1String("(")) {
                next();
                ExprPtr inner = expression();
                if (!inner)
                    return nullptr;
                if (!takeOp(QStringLiteral(")")))
                    return fail(QStringLiteral("Expected ')'."));
                return inner;
            }
            if (token.text == QLatin1String("["))
                return unsupported(QStringLiteral("bracketed column names"));
            return fail(QStringLiteral("Unexpected '%1'.").arg(token.text));
        case Token::Kind::End:
            return fail(QStringLiteral("The query ends where an expression was expected."));
        }
        return nullptr;
    }

    static std::optional<Ticks> parseDateTime(QString text)
    {
        text.replace(u' ', u'T');
        if (auto ticks = parseTicks(text))
            return ticks;
        return parseTicks(QString(text + u'Z'));
    }

    ExprPtr binary(const QString &op, const ExprPtr &left, const ExprPtr &right)
    {
        if (!left || !right)
            return nullptr;
        if (++m_expressions > MaxNodes)
            return unsupported(QStringLiteral("more than %1 expressions").arg(MaxNodes));
        auto node = std::make_shared<Expr>();
        node->kind = Expr::Kind::Binary;
        node->name = op;
        node->offset = left->offset;
        node->args = {left, right};
        return node;
    }

    const Token &peek() const { return m_tokens[m_position]; }
    const Token &next()
    {
        const Token &token = m_tokens[m_position];
        if (m_position + 1 < m_tokens.size())
            ++m_position;
        return token;
    }
    bool isOp(const QString &op) const
    {
        return peek().kind == Token::Kind::Op && peek().text == op;
    }
    bool takeOp(const QString &op)
    {
        if (!isOp(op))
            return false;
        next();
        return true;
    }
    bool keyword(const char *word)
    {
        if (peek().kind == Token::Kind::Ident && peek().text == QLatin1String(word)) {
            next();
            return true;
        }
        return false;
    }
    static QString describe(const Token &token)
    {
        return token.kind == Token::Kind::End ? QStringLiteral("end of query") : token.text;
    }

    Failed fail(const QString &message)
    {
        if (m_error->message.isEmpty())
            m_error->message = message;
        return {};
    }
    Failed unsupported(const QString &construct)
    {
        if (m_error->message.isEmpty()) {
            m_error->message = construct;
            m_error->unsupported = true;
        }
        return {};
    }

    std::vector<Token> m_tokens;
    std::size_t m_position = 0;
    int m_depth = 0;
    int m_expressions = 0;
    QueryError *m_error;
};

} // namespace

std::optional<Ticks> parseTimeSpanLiteral(QStringView text)
{
    static const QRegularExpression pattern(
            QStringLiteral("^(\\d+(?:\\.\\d+)?)(d|h|m|s|ms|microsecond|microseconds|tick|ticks|"
                           "day|days|hour|hours|minute|minutes|second|seconds|millisecond|"
                           "milliseconds)$"));
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const double amount = match.capturedView(1).toDouble();
    const QStringView unit = match.capturedView(2);
    double ticks = 0;
    if (unit == u"d" || unit.startsWith(u"day"))
        ticks = amount * static_cast<double>(TicksPerDay);
    else if (unit == u"h" || unit.startsWith(u"hour"))
        ticks = amount * static_cast<double>(TicksPerHour);
    else if (unit == u"m" || unit.startsWith(u"minute"))
        ticks = amount * static_cast<double>(TicksPerMinute);
    else if (unit == u"s" || unit.startsWith(u"second"))
        ticks = amount * static_cast<double>(TicksPerSecond);
    else if (unit == u"ms" || unit.startsWith(u"milli"))
        ticks = amount * 10'000.0;
    else if (unit.startsWith(u"micro"))
        ticks = amount * 10.0;
    else
        ticks = amount;
    return static_cast<Ticks>(ticks);
}

std::optional<Query> parse(const QString &text, QueryError *error)
{
    std::vector<Token> tokens;
    if (!Lexer(text).run(&tokens, error))
        return std::nullopt;
    std::optional<Query> query = Parser(std::move(tokens), error).query();
    if (!query && error->message.isEmpty())
        error->message = QStringLiteral("The query could not be parsed.");
    return query;
}

} // namespace Vigil::Sim::Kql
