#include "odatafilter.h"

namespace Vigil::Sim {

namespace {

enum class TokenKind { Identifier, String, Literal, Open, Close, End };

struct Token
{
    TokenKind kind = TokenKind::End;
    QString text;
    qsizetype position = 0;
};

QString syntaxError(const QString &text, qsizetype position)
{
    return QStringLiteral("Invalid filter clause: Syntax error at position %1 in '%2'.")
            .arg(position)
            .arg(text);
}

} // namespace

class FilterParser
{
public:
    FilterParser(const QString &text, const QList<FilterField> &fields, const QString &entityType,
                 ODataFilter &filter)
        : m_text(text)
        , m_fields(fields)
        , m_entityType(entityType)
        , m_filter(filter)
    { }

    bool run(QString *error)
    {
        if (!tokenize(error))
            return false;
        const int root = parseOr(error);
        if (root < 0)
            return false;
        if (peek().kind != TokenKind::End) {
            *error = syntaxError(m_text, peek().position);
            return false;
        }
        m_filter.m_root = root;
        return true;
    }

private:
    using Op = ODataFilter::Op;

    bool tokenize(QString *error)
    {
        qsizetype i = 0;
        const qsizetype n = m_text.size();
        while (i < n) {
            const QChar c = m_text.at(i);
            if (c.isSpace()) {
                ++i;
            } else if (c == u'(') {
                m_tokens.push_back({TokenKind::Open, QString(c), i++});
            } else if (c == u')') {
                m_tokens.push_back({TokenKind::Close, QString(c), i++});
            } else if (c == u'\'') {
                const qsizetype start = i++;
                QString value;
                bool closed = false;
                while (i < n) {
                    if (m_text.at(i) == u'\'') {
                        if (i + 1 < n && m_text.at(i + 1) == u'\'') {
                            value.append(u'\'');
                            i += 2;
                            continue;
                        }
                        ++i;
                        closed = true;
                        break;
                    }
                    value.append(m_text.at(i++));
                }
                if (!closed) {
                    *error = QStringLiteral("Invalid filter clause: There is an unterminated "
                                            "string literal at position %1 in '%2'.")
                                     .arg(start)
                                     .arg(m_text);
                    return false;
                }
                m_tokens.push_back({TokenKind::String, value, start});
            } else if (c.isLetter() || c == u'_') {
                const qsizetype start = i;
                while (i < n
                       && (m_text.at(i).isLetterOrNumber() || m_text.at(i) == u'_'
                           || m_text.at(i) == u'/' || m_text.at(i) == u'.'))
                    ++i;
                m_tokens.push_back({TokenKind::Identifier, m_text.mid(start, i - start), start});
            } else if (c.isDigit() || c == u'-') {
                const qsizetype start = i;
                while (i < n
                       && (m_text.at(i).isLetterOrNumber() || m_text.at(i) == u':'
                           || m_text.at(i) == u'.' || m_text.at(i) == u'-' || m_text.at(i) == u'+'))
                    ++i;
                m_tokens.push_back({TokenKind::Literal, m_text.mid(start, i - start), start});
            } else {
                *error = syntaxError(m_text, i);
                return false;
            }
        }
        m_tokens.push_back({TokenKind::End, QString(), n});
        return true;
    }

    const Token &peek() const { return m_tokens[m_position]; }
    const Token &next() { return m_tokens[m_position++]; }
    bool peekKeyword(QLatin1String keyword) const
    {
        return peek().kind == TokenKind::Identifier && peek().text == keyword;
    }

    int add(ODataFilter::Node node, QString *error)
    {
        if (m_filter.m_nodes.size() >= static_cast<std::size_t>(ODataFilter::MaxNodes)) {
            *error = QStringLiteral("The node count limit of '%1' has been exceeded.")
                             .arg(ODataFilter::MaxNodes);
            return -1;
        }
        m_filter.m_nodes.push_back(std::move(node));
        return static_cast<int>(m_filter.m_nodes.size()) - 1;
    }

    /** One level deeper for `not` or a parenthesis; false (and the error) past MaxDepth. */
    bool enter(QString *error)
    {
        if (++m_depth <= ODataFilter::MaxDepth)
            return true;
        *error = QStringLiteral("The recursion limit has been exceeded.");
        return false;
    }

    int parseOr(QString *error)
    {
        int left = parseAnd(error);
        while (left >= 0 && peekKeyword(QLatin1String("or"))) {
            next();
            const int right = parseAnd(error);
            if (right < 0)
                return -1;
            ODataFilter::Node node;
            node.op = Op::Or;
            node.left = left;
            node.right = right;
            left = add(node, error);
        }
        return left;
    }

    int parseAnd(QString *error)
    {
        int left = parseUnary(error);
        while (left >= 0 && peekKeyword(QLatin1String("and"))) {
            next();
            const int right = parseUnary(error);
            if (right < 0)
                return -1;
            ODataFilter::Node node;
            node.op = Op::And;
            node.left = left;
            node.right = right;
            left = add(node, error);
        }
        return left;
    }

    int parseUnary(QString *error)
    {
        if (peekKeyword(QLatin1String("not"))) {
            next();
            if (!enter(error))
                return -1;
            const int operand = parseUnary(error);
            --m_depth;
            if (operand < 0)
                return -1;
            ODataFilter::Node node;
            node.op = Op::Not;
            node.left = operand;
            return add(node, error);
        }
        if (peek().kind == TokenKind::Open) {
            next();
            if (!enter(error))
                return -1;
            const int inner = parseOr(error);
            --m_depth;
            if (inner < 0)
                return -1;
            if (peek().kind != TokenKind::Close) {
                *error = syntaxError(m_text, peek().position);
                return -1;
            }
            next();
            return inner;
        }
        return parseComparison(error);
    }

    int parseComparison(QString *error)
    {
        const Token property = next();
        if (property.kind != TokenKind::Identifier) {
            *error = syntaxError(m_text, property.position);
            return -1;
        }
        const FilterField *field = nullptr;
        for (const FilterField &candidate : m_fields) {
            if (candidate.name == property.text)
                field = &candidate;
        }
        if (!field) {
            *error = QStringLiteral("Could not find a property named '%1' on type '%2'.")
                             .arg(property.text, m_entityType);
            return -1;
        }
        const Token opToken = next();
        static const std::pair<const char *, Op> Ops[]
                = {{"eq", Op::Eq}, {"ne", Op::Ne}, {"gt", Op::Gt},
                   {"ge", Op::Ge}, {"lt", Op::Lt}, {"le", Op::Le}};
        std::optional<Op> op;
        for (const auto &[name, value] : Ops) {
            if (opToken.kind == TokenKind::Identifier && opToken.text == QLatin1String(name))
                op = value;
        }
        if (!op) {
            *error = syntaxError(m_text, opToken.position);
            return -1;
        }
        const Token literal = next();
        if (literal.kind == TokenKind::End || literal.kind == TokenKind::Open
            || literal.kind == TokenKind::Close) {
            *error = syntaxError(m_text, literal.position);
            return -1;
        }
        ODataFilter::Node node;
        node.op = *op;
        node.type = field->type;
        node.key = field->key;
        const bool isNull
                = literal.kind == TokenKind::Identifier && literal.text == QLatin1String("null");
        const bool ordering = *op != Op::Eq && *op != Op::Ne;
        switch (field->type) {
        case FilterFieldType::DateTime: {
            const auto ticks
                    = literal.kind == TokenKind::Literal ? parseTicks(literal.text) : std::nullopt;
            if (!ticks) {
                *error = incompatible(QStringLiteral("Edm.DateTimeOffset"), literal, *op);
                return -1;
            }
            node.ticks = *ticks;
            break;
        }
        case FilterFieldType::Enum: {
            if (literal.kind != TokenKind::String || ordering) {
                *error = incompatible(QStringLiteral("Edm.Enum"), literal, *op);
                return -1;
            }
            const auto index = field->vocabulary->indexOf(literal.text);
            if (!index) {
                *error = QStringLiteral("The string '%1' is not a valid enumeration type constant.")
                                 .arg(literal.text);
                return -1;
            }
            node.enumIndex = static_cast<int>(*index);
            break;
        }
        case FilterFieldType::String:
            if ((literal.kind != TokenKind::String && !isNull) || ordering) {
                *error = incompatible(QStringLiteral("Edm.String"), literal, *op);
                return -1;
            }
            node.text = isNull ? QString() : literal.text;
            if (!isNull && node.text.isNull())
                node.text = QLatin1String("");
            break;
        }
        return add(node, error);
    }

    static QString incompatible(const QString &propertyType, const Token &literal, Op op)
    {
        QString literalType = QStringLiteral("Edm.String");
        if (literal.kind == TokenKind::Literal)
            literalType = parseTicks(literal.text) ? QStringLiteral("Edm.DateTimeOffset")
                                                   : QStringLiteral("Edm.Int32");
        else if (literal.kind != TokenKind::String)
            literalType = QStringLiteral("Edm.Untyped");
        static const char *const OpNames[] = {"And",
                                              "Or",
                                              "Not",
                                              "Equal",
                                              "NotEqual",
                                              "GreaterThan",
                                              "GreaterThanOrEqual",
                                              "LessThan",
                                              "LessThanOrEqual"};
        return QStringLiteral("A binary operator with incompatible types was detected. Found "
                              "operand types '%1' and '%2' for operator kind '%3'.")
                .arg(propertyType, literalType, QLatin1String(OpNames[static_cast<int>(op)]));
    }

    const QString &m_text;
    const QList<FilterField> &m_fields;
    const QString &m_entityType;
    ODataFilter &m_filter;
    std::vector<Token> m_tokens;
    std::size_t m_position = 0;
    int m_depth = 0;
};

std::optional<ODataFilter> ODataFilter::parse(const QString &text, const QList<FilterField> &fields,
                                              const QString &entityType, QString *error)
{
    ODataFilter filter;
    if (text.trimmed().isEmpty())
        return filter;
    FilterParser parser(text, fields, entityType, filter);
    if (!parser.run(error))
        return std::nullopt;
    return filter;
}

bool ODataFilter::matches(const FilterRow &row) const
{
    return m_root < 0 || evaluate(m_root, row);
}

bool ODataFilter::evaluate(int index, const FilterRow &row) const
{
    const Node &node = m_nodes[static_cast<std::size_t>(index)];
    switch (node.op) {
    case Op::And:
        return evaluate(node.left, row) && evaluate(node.right, row);
    case Op::Or:
        return evaluate(node.left, row) || evaluate(node.right, row);
    case Op::Not:
        return !evaluate(node.left, row);
    default:
        break;
    }
    int comparison = 0;
    switch (node.type) {
    case FilterFieldType::DateTime: {
        const Ticks value = row.dateTime(node.key);
        comparison = value < node.ticks ? -1 : (value > node.ticks ? 1 : 0);
        break;
    }
    case FilterFieldType::Enum:
        comparison = row.enumIndex(node.key) == node.enumIndex ? 0 : 1;
        break;
    case FilterFieldType::String: {
        const QString value = row.string(node.key);
        if (value.isNull() || node.text.isNull())
            comparison = value.isNull() == node.text.isNull() ? 0 : 1;
        else
            comparison = value.compare(node.text, Qt::CaseInsensitive) == 0 ? 0 : 1;
        break;
    }
    }
    switch (node.op) {
    case Op::Eq:
        return comparison == 0;
    case Op::Ne:
        return comparison != 0;
    case Op::Gt:
        return comparison > 0;
    case Op::Ge:
        return comparison >= 0;
    case Op::Lt:
        return comparison < 0;
    case Op::Le:
        return comparison <= 0;
    default:
        return false;
    }
}

} // namespace Vigil::Sim
