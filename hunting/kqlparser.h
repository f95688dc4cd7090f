#pragma once

#include "kqlast.h"
#include "kqllexer.h"

#include <QStringView>

namespace Vigil::Kql {

/**
 * @brief Recursive-descent parser from KQL text to an AST (a Script node) with positions.
 *
 * Every construct it does not know is an error naming it, with its line and column; nesting is
 * bounded (maxDepth) so hostile input cannot exhaust the stack. One parse per object; any thread.
 */
class Parser
{
public:
    static constexpr int maxDepth = 200;

    /** The Script node, or nullptr and *error. */
    static NodePtr parse(QStringView text, KqlError *error);

    // The rest is the parser's own (public for the two files that implement it).
    struct Failure
    {
        KqlError error;
    };
    explicit Parser(QList<Token> tokens)
        : m_tokens(std::move(tokens))
    { }

    NodePtr script(bool lambdaBody);
    NodePtr statement();
    NodePtr tabular(); ///< pipe expression: expr { | operator }
    NodePtr pipeOperator(const Token &pipe);
    /** `( | op | op … )`: the operators of a subquery over the rows it is given (partition,
     *  mv-apply); what names the subquery in the errors. */
    NodePtr operatorSubquery(const QString &what);
    NodePtr expression(); ///< scalar or tabular operand, without pipes at the top
    NodePtr lambda(const Token &start);

    // expressions (kqlparserexpr.cpp)
    NodePtr orExpr();
    NodePtr andExpr();
    enum class OperatorLevel { None, Equality, Relational, String };
    OperatorLevel comparisonOperator(QString *op) const;
    QString takeComparisonOperator();
    void refuseChainedComparison(const QString &first);
    NodePtr binaryNode(const Token &at, const QString &op, NodePtr left, NodePtr right);
    NodePtr comparison();
    /** One `operand op operand` of a level that does not chain, or the operand alone. */
    NodePtr singleComparison(OperatorLevel level, NodePtr (Parser::*operand)());
    NodePtr relational();
    NodePtr stringComparison();
    NodePtr additive();
    NodePtr multiplicative();
    NodePtr unary();
    NodePtr postfix();
    NodePtr primary();
    NodePtr callArguments(NodePtr call);
    void tableParameter(Node &param);
    NodePtr opRender(NodePtr op);
    bool acceptSeparator(QLatin1StringView close, const QString &what);
    NodePtr inList();
    NodePtr dynamicValue();
    NodePtr literal(const Token &token);
    NodePtr namedOrPlain(); ///< `name = expr` or expr (project/extend/summarize items)
    bool atSeveralNames(int at) const; ///< `(a, b) =` or `(a) =` starts at token `at`
    NodePtr severalNames(); ///< `(a, b) = expr`: an Assign whose options name the columns
    NodePtr externalData(const Token &at); ///< the externaldata source

    // operators (kqlparser.cpp)
    NodePtr opProjectLike(NodeKind kind, const Token &at);
    NodePtr opSummarize(const Token &at);
    NodePtr opMakeSeries(const Token &at);
    NodePtr opTopNested(const Token &at);
    // search (kqlparsersearch.cpp): a pipe operator, or a source over the tables it names
    NodePtr opSearch(const Token &at, bool source);
    NodePtr searchOr(bool cs);
    NodePtr searchAnd(bool cs);
    NodePtr searchTerm(bool cs);
    // scan and find (kqlparserscan.cpp)
    NodePtr opScan(const Token &at);
    NodePtr findSource(const Token &at);
    NodePtr opJoin(NodeKind kind, const Token &at);
    NodePtr opUnion(NodeKind kind, const Token &at);
    NodePtr opMvExpand(NodeKind kind, const Token &at);
    NodePtr opParse(const Token &at);
    NodePtr sortKey();
    NodePtr namePattern();
    QString typeName();
    void readOptions(Node &node, const QStringList &allowed);

    // tokens
    const Token &peek(int ahead = 0) const;
    const Token &take();
    bool isOp(QLatin1StringView op, int ahead = 0) const;
    bool isWord(QLatin1StringView word, int ahead = 0) const;
    bool acceptOp(QLatin1StringView op);
    bool acceptWord(QLatin1StringView word);
    const Token &expectOp(QLatin1StringView op, const QString &what);
    QString expectName(const QString &what);
    [[noreturn]] void fail(const QString &message, SourcePos pos) const;
    [[noreturn]] void unexpected(const QString &expected) const;
    static NodePtr make(NodeKind kind, const Token &at);

    struct DepthGuard
    {
        DepthGuard(Parser &parser, SourcePos pos);
        ~DepthGuard() { --m_parser.m_depth; }
        DepthGuard(const DepthGuard &) = delete;
        DepthGuard &operator=(const DepthGuard &) = delete;
        Parser &m_parser;
    };

private:
    QList<Token> m_tokens;
    QString m_source;
    qsizetype m_i = 0;
    int m_depth = 0;
};

} // namespace Vigil::Kql
