#include "sqlcompilerimpl.h"

#include <utility>

// Kusto's window functions (unit U15 of reference/kql.md): prev(), next(), row_number() and
// row_cumsum() over a serialized row set, as SQL window functions ordered by `_vigil_ord`.
namespace Vigil::Kql {

namespace {

using T = KqlType;

const Node &valueOf(const Node &node)
{
    return node.kind == NodeKind::NamedArg ? *node.kid(0) : node;
}

} // namespace

bool SqlCompiler::hasWindowCall(const Node &node)
{
    std::vector<const Node *> stack = {&node};
    while (!stack.empty()) {
        const Node *n = stack.back();
        stack.pop_back();
        if (n->kind == NodeKind::Call && isWindowFunction(n->text))
            return true;
        for (const NodePtr &kid : n->kids)
            stack.push_back(kid.get());
    }
    return false;
}

bool SqlCompiler::isWindowFunction(const QString &name)
{
    return name == u"prev" || name == u"next" || name == u"row_number" || name == u"row_cumsum"
           || name == u"row_rank" || name == u"row_rank_dense" || name == u"row_rank_min"
           || name == u"row_window_session";
}

QString SqlCompiler::windowCall(const Node &node, const Env &env)
{
    const QString &name = node.text;
    if (!m_window)
        refuse(QStringLiteral("%1() can only be used in extend, project, serialize or where")
                       .arg(name),
               node);
    // Kusto's own runtime error, for the same reason: without an order, "previous" means nothing.
    if (!m_window->serialized)
        refuse(QStringLiteral("Function '%1' cannot be invoked in current context: the row set "
                              "must be serialized (put serialize, sort, order or top before it)")
                       .arg(name),
               node);
    if (name != u"prev" && name != u"next" && name != u"row_number" && name != u"row_cumsum")
        refuse(QStringLiteral("the function %1() cannot be compiled to SQL yet").arg(name), node);
    const int level = m_window->level;
    // Each argument becomes a column of the stage below this level.
    auto staged = [&](const Node &arg) {
        ++m_window->level;
        const QString sql = expr(valueOf(arg), env);
        --m_window->level;
        auto &stages = m_window->stages;
        if (stages.size() < size_t(level) + 2)
            stages.resize(size_t(level) + 2);
        int count = 0;
        for (const QStringList &stage : stages)
            count += int(stage.size());
        QString column = QStringLiteral("\"_vigil_w%1\"").arg(count + 1);
        stages[size_t(level) + 1].append(sql + QStringLiteral(" AS ") + column);
        return column;
    };
    const QString over = QStringLiteral(" OVER (ORDER BY \"_vigil_ord\" ROWS BETWEEN UNBOUNDED "
                                        "PRECEDING AND CURRENT ROW)");
    if (name == u"prev" || name == u"next") {
        const T t = node.type.value_or(T::Dynamic);
        if (t == T::Decimal)
            refuse(QStringLiteral("decimal values cannot be compiled to SQL"), node);
        QStringList args = {staged(*node.kid(0))};
        args.append(node.count() > 1 ? staged(*node.kid(1)) : QStringLiteral("1"));
        if (node.count() > 2)
            args.append(staged(*node.kid(2)));
        const QString sql
                = QStringLiteral("%1(%2) OVER (ORDER BY \"_vigil_ord\")")
                          .arg(name == u"prev" ? QStringLiteral("lag") : QStringLiteral("lead"),
                               args.join(QLatin1String(", ")));
        // Past the first or last row: the default, else null ("" for a string).
        return t == T::String ? QStringLiteral("coalesce(%1, '')").arg(sql) : sql;
    }
    if (name == u"row_number") {
        const QString start = node.count() > 0 ? staged(*node.kid(0)) : QStringLiteral("1");
        if (node.count() < 2)
            return QStringLiteral("(row_number() OVER (ORDER BY \"_vigil_ord\") - 1 + %1)")
                    .arg(start);
        return QStringLiteral("kql_row_number(%1, %2)").arg(start, staged(*node.kid(1))) + over;
    }
    // row_cumsum
    if (node.type == T::Decimal)
        refuse(QStringLiteral("decimal values cannot be compiled to SQL"), node);
    const QString term = staged(*node.kid(0));
    const QString restart = node.count() > 1 ? staged(*node.kid(1)) : QStringLiteral("0");
    return QStringLiteral("kql_row_cumsum(%1, %2)").arg(term, restart) + over;
}

QString SqlCompiler::windowSource(const Rel &in, const WindowScope &scope)
{
    QString source = in.cte;
    for (size_t k = scope.stages.size(); k-- > 1;) {
        if (!scope.stages[k].isEmpty())
            source = addCte(QStringLiteral("SELECT *, %1 FROM %2")
                                    .arg(scope.stages[k].join(QLatin1String(", ")), source));
    }
    return source;
}

Rel SqlCompiler::windowWhere(const Node &node, const Rel &in)
{
    // SQL computes no window function in WHERE: the condition is a column of the first stage,
    // so its own window functions' arguments go one stage further down.
    WindowScope scope;
    scope.serialized = in.serialized;
    scope.level = 1;
    WindowScope *outer = std::exchange(m_window, &scope);
    Env env;
    env.row = &in.schema;
    env.ingest = in.ingest;
    const QString condition = expr(*node.kid(0), env, true);
    m_window = outer;
    if (scope.stages.size() < 2)
        scope.stages.resize(2);
    scope.stages[1].append(condition + QStringLiteral(" AS \"_vigil_keep\""));
    const QString source = windowSource(in, scope);
    QStringList columns;
    for (const Column &c : in.schema)
        columns.append(quote(c.name));
    Rel out = in;
    out.tableName.clear();
    out.cte = addCte(QStringLiteral("SELECT %1%2 FROM %3 WHERE \"_vigil_keep\"")
                             .arg(columns.join(QLatin1String(", ")), hiddenColumns(in), source));
    return out;
}

} // namespace Vigil::Kql
