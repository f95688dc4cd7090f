#include "sqlcompiler.h"

#include "kqlfunctions.h"
#include "sqlcompilerimpl.h"

#include <sqlite3.h>

// The driver: statements (let), sources (tables, datatable, range, print) and pipelines. Each
// tabular expression becomes one CTE whose columns are the binder's, by name and in order.
namespace Vigil::Kql {

namespace {

constexpr int maxDepth = 200; // nested tabular expressions; the binder bounds the work already

bool isNumberType(KqlType t)
{
    return t == KqlType::Int || t == KqlType::Long || t == KqlType::Real;
}

} // namespace

std::optional<CompiledQuery> compileToSql(const QueryAnalysis &analysis, KqlError *error)
{
    if (!analysis.ok() || !analysis.tree || !analysis.result) {
        if (error)
            *error = analysis.errors.value(
                    0, {QStringLiteral("the query was not checked successfully"), {}});
        return std::nullopt;
    }
    try {
        SqlCompiler compiler;
        return compiler.compile(analysis);
    } catch (const SqlCompiler::Failure &failure) {
        if (error)
            *error = failure.error;
        return std::nullopt;
    }
}

std::optional<CompiledQuery> compilePivotProbe(const QueryAnalysis &analysis, KqlError *error)
{
    if (!analysis.tree || !analysis.pivotProbe) {
        if (error)
            *error = {QStringLiteral("the query has no pivot to read the values of"), {}};
        return std::nullopt;
    }
    try {
        SqlCompiler compiler;
        return compiler.compileProbe(analysis);
    } catch (const SqlCompiler::Failure &failure) {
        if (error)
            *error = failure.error;
        return std::nullopt;
    }
}

CompiledQuery SqlCompiler::compileProbe(const QueryAnalysis &analysis)
{
    m_probe = analysis.pivotProbe;
    try {
        compile(analysis);
    } catch (const ProbeDone &done) {
        // The pivot's input as CTEs; its values, distinct, as the names of its columns (for
        // bag_unpack: the slots of its bags and their kinds, in code-point order of the names).
        QString sql = m_recursive ? QStringLiteral("WITH RECURSIVE ") : QStringLiteral("WITH ");
        for (size_t i = 0; i < m_ctes.size(); ++i)
            sql += (i ? QStringLiteral(",\n") : QString()) + m_ctes[i];
        CompiledQuery compiled;
        compiled.sql
                = sql
                  + QStringLiteral("\nSELECT \"value\"%1 FROM %2 ORDER BY 1")
                            .arg(done.kinds ? QStringLiteral(", \"type\"") : QString(), done.cte);
        compiled.parameters = m_params;
        compiled.columns = {{QStringLiteral("value"), KqlType::String}};
        if (done.kinds)
            compiled.columns.append({QStringLiteral("type"), KqlType::String});
        return compiled;
    }
    refuse(QStringLiteral("internal error: the pivot was not reached"), *analysis.pivotProbe);
}

const QHash<QString, QSet<int>> &SqlCompiler::registeredFunctions()
{
    // Read from a connection with the functions registered, so that the compiler never emits a
    // call the runtime lacks (it refuses the construct instead, with its position).
    static const QHash<QString, QSet<int>> functions = [] {
        QHash<QString, QSet<int>> found;
        sqlite3 *db = nullptr;
        if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK
            && registerKqlFunctions(db) == SQLITE_OK) {
            sqlite3_stmt *stmt = nullptr;
            if (sqlite3_prepare_v2(db, "SELECT name, narg FROM pragma_function_list", -1, &stmt,
                                   nullptr)
                == SQLITE_OK) {
                while (sqlite3_step(stmt) == SQLITE_ROW) {
                    const QString name = QString::fromUtf8(
                            reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
                    if (name.startsWith(QLatin1String("kql_")))
                        found[name].insert(sqlite3_column_int(stmt, 1));
                }
            }
            sqlite3_finalize(stmt);
        }
        sqlite3_close(db);
        return found;
    }();
    return functions;
}

void SqlCompiler::refuse(const QString &what, const Node &at) const
{
    throw Failure{{what, at.pos}};
}

QString SqlCompiler::param(const QVariant &value)
{
    m_params.append(value);
    return QStringLiteral("?%1").arg(m_params.size());
}

QString SqlCompiler::addCte(const QString &select, bool materialized)
{
    QString name = QStringLiteral("_q%1").arg(m_ctes.size() + 1);
    // NOT MATERIALIZED: a CTE read twice (a self-join, a let used twice) is still flattened
    // into its readers, so a table is never copied whole.
    // materialize(): computed once, so that every reader sees the same rows (take, rand()).
    m_ctes.push_back(name
                     + (materialized ? QStringLiteral(" AS MATERIALIZED (")
                                     : QStringLiteral(" AS NOT MATERIALIZED ("))
                     + select + QLatin1Char(')'));
    return name;
}

namespace {

/**
 * The names the events database has (Defender's tables and their columns) that no other of its
 * names equals but for case. `Isp` (IdentityLogonEvents) and `ISP` (IdentityDirectoryEvents) are
 * left out: a union of the two tables has both.
 */
const QSet<QString> &physicalNames()
{
    static const QSet<QString> names = [] {
        QHash<QString, QSet<QString>> byFold;
        for (const HuntingTable &table : HuntingSchema::defender().tables()) {
            byFold[table.name.toLower()].insert(table.name);
            for (const HuntingColumn &column : table.columns)
                byFold[column.name.toLower()].insert(column.name);
        }
        QSet<QString> set;
        for (const QSet<QString> &spellings : std::as_const(byFold)) {
            if (spellings.size() == 1)
                set.unite(spellings);
        }
        return set;
    }();
    return names;
}

/** An identifier as the database spells it (a table's own column). */
QString rawName(const QString &identifier)
{
    QString quoted = identifier;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

QString SqlCompiler::quote(const QString &identifier)
{
    // Kusto's names are case-sensitive and SQLite's are not: `v` and `V` are two columns. A name
    // the events database does not have gets a mark after it that spells its case (one digit per
    // ASCII letter), so names that differ in case only stay apart; the database's own names,
    // which differ in more than case, are written as they are.
    QString quoted = identifier;
    if (!physicalNames().contains(identifier) && !identifier.startsWith(u"_vigil")) {
        QString marks;
        for (const QChar c : identifier) {
            if (c.unicode() < 128 && c.isLetter())
                marks.append(c.isUpper() ? u'1' : u'0');
        }
        quoted += QChar(1) + marks;
    }
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    // SQLite ends an identifier at NUL; the result columns are matched by position, not name.
    quoted.replace(QChar(0), QChar(0xFFFD));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString SqlCompiler::nullOf(KqlType type)
{
    return type == KqlType::String ? QStringLiteral("''") : QStringLiteral("NULL");
}

QString SqlCompiler::hiddenColumns(const Rel &in, const QString &qualifier) const
{
    QString sql;
    if (in.ingest)
        sql += QStringLiteral(", %1\"_vigil_ingested\"").arg(qualifier);
    if (in.ordered)
        sql += QStringLiteral(", %1\"_vigil_ord\"").arg(qualifier);
    if (in.partitioned)
        sql += QStringLiteral(", %1\"_vigil_row\"").arg(qualifier);
    return sql;
}

const Binding *SqlCompiler::findBinding(const QString &name) const
{
    for (auto it = m_scopes.rbegin(); it != m_scopes.rend(); ++it) {
        const auto found = it->constFind(name);
        if (found != it->constEnd())
            return &*found;
    }
    return nullptr;
}

CompiledQuery SqlCompiler::compile(const QueryAnalysis &analysis)
{
    m_scopes.emplace_back();
    // Call sites per name: the binder keeps the annotations of a let function's body from its
    // last call, which are right for every call only when its parameters are all scalars.
    std::vector<const Node *> stack = {analysis.tree.get()};
    while (!stack.empty()) {
        const Node *node = stack.back();
        stack.pop_back();
        if (node->kind == NodeKind::Call || node->kind == NodeKind::Name)
            m_callSites[node->text] += 1;
        for (const NodePtr &kid : node->kids)
            stack.push_back(kid.get());
    }
    for (const NodePtr &statement : analysis.tree->kids) {
        if (statement->kind == NodeKind::Let) {
            const Node &value = *statement->kid(0);
            Binding binding;
            if (value.kind == NodeKind::Lambda) {
                binding.function = true;
                binding.lambda = &value;
                binding.closureDepth = m_scopes.size();
            } else if (value.schema || (m_probe && value.kind == NodeKind::Pipeline)) {
                // (a pipeline the binder left at the pivot whose values are asked has no
                // columns yet: the probe stops inside it)
                binding.tabular = true;
                binding.rel = tabular(value);
            } else {
                Env none;
                binding.sql = expr(value, none);
                binding.type = value.type.value_or(KqlType::Dynamic);
            }
            m_scopes.emplace_back();
            m_scopes.back().insert(statement->text, binding);
        } else if (statement->kind == NodeKind::Query && m_probe) {
            tabular(*statement->kid(0)); // stops at the pivot (ProbeDone)
        } else if (statement->kind == NodeKind::Query && statement->kid(0) == analysis.result) {
            break;
        }
    }
    if (m_probe || !analysis.result)
        refuse(QStringLiteral("internal error: the query stops before its result"), *analysis.tree);
    const Rel result = tabular(*analysis.result);
    // SQLite binds at most 32,766 parameters; every literal of the query is one.
    if (m_params.size() > 32766)
        refuse(QStringLiteral("the query has %1 literals; at most 32,766 can run (put long lists "
                              "in one dynamic([…]) array)")
                       .arg(m_params.size()),
               *analysis.result);
    if (result.schema != analysis.columns)
        refuse(QStringLiteral("internal error: the compiled columns differ from the query's; "
                              "please report this query"),
               *analysis.result);
    QStringList columns;
    for (const Column &c : result.schema)
        columns.append(quote(c.name));
    CompiledQuery compiled;
    QString sql;
    if (!m_ctes.empty()) {
        sql = m_recursive ? QStringLiteral("WITH RECURSIVE ") : QStringLiteral("WITH ");
        for (size_t i = 0; i < m_ctes.size(); ++i)
            sql += (i ? QStringLiteral(",\n") : QString()) + m_ctes[i];
        sql += QLatin1Char('\n');
    }
    sql += QStringLiteral("SELECT %1 FROM %2")
                   .arg(columns.isEmpty() ? QStringLiteral("NULL")
                                          : columns.join(QLatin1String(", ")),
                        result.cte);
    if (result.ordered)
        sql += QStringLiteral(" ORDER BY \"_vigil_ord\"");
    compiled.sql = sql;
    compiled.parameters = m_params;
    compiled.columns = result.schema;
    compiled.externalData = m_external;
    return compiled;
}

Rel SqlCompiler::tabular(const Node &node)
{
    struct Depth
    {
        int &depth;
        explicit Depth(int &d)
            : depth(++d)
        { }
        ~Depth() { --depth; }
    } depth(m_depth);
    if (m_depth > maxDepth)
        refuse(QStringLiteral("the query nests tables too deeply to compile"), node);
    switch (node.kind) {
    case NodeKind::Pipeline:
        return pipeline(node);
    case NodeKind::Datatable:
    case NodeKind::ExternalData:
    case NodeKind::Range:
    case NodeKind::Print:
    case NodeKind::UnionSource:
    case NodeKind::FindSource:
        return source(node);
    case NodeKind::Name: {
        if (const Binding *binding = findBinding(node.text)) {
            if (binding->function)
                return callTabularLambda(node, *binding);
            if (binding->tabular)
                return binding->rel;
        }
        const HuntingTable *table = HuntingSchema::defender().table(node.text);
        if (!table || !node.schema)
            refuse(QStringLiteral("unknown table '%1'").arg(node.text), node);
        QStringList columns;
        Rel rel;
        for (const HuntingColumn &c : table->columns) {
            const QString name = quote(c.name);
            const QString raw = rawName(c.name);
            columns.append(name == raw ? name : raw + QStringLiteral(" AS ") + name);
            rel.schema.append({c.name, c.type});
        }
        if (rel.schema != *node.schema)
            refuse(QStringLiteral("internal error: the table '%1' differs from the query's")
                           .arg(node.text),
                   node);
        rel.cte = addCte(QStringLiteral("SELECT %1, \"_vigil_ingested\" FROM %2")
                                 .arg(columns.join(QLatin1String(", ")), quote(table->name)));
        rel.ingest = true;
        rel.tableName = table->name;
        return rel;
    }
    case NodeKind::Call:
        if (node.text == u"view")
            return tabular(*node.kid(0));
        if (node.text == u"materialize") {
            Rel rel = tabular(*node.kid(0));
            rel.cte = addCte(QStringLiteral("SELECT * FROM %1").arg(rel.cte), true);
            return rel;
        }
        if (const Binding *binding = findBinding(node.text); binding && binding->function)
            return callTabularLambda(node, *binding);
        if (node.text == u"AssignedIPAddresses")
            return assignedIpAddresses(node);
        refuse(QStringLiteral("calling the let function '%1' cannot be compiled to SQL yet")
                       .arg(node.text),
               node);
    default:
        break;
    }
    refuse(QStringLiteral("this tabular expression cannot be compiled to SQL"), node);
}

const Node *SqlCompiler::bindLambdaArguments(const Node &call, const Binding &fn, const Env &env,
                                             const Rel *input)
{
    const Node &lambda = *fn.lambda;
    QList<const Node *> params;
    bool tabularParams = false;
    for (const NodePtr &kid : lambda.kids) {
        if (kid->kind == NodeKind::Param) {
            params.append(kid.get());
            tabularParams = tabularParams || kid->value == u"table";
        }
    }
    // The binder binds each call's own copy of the body (Node::inlined): types and columns per
    // call. Without one, the body's annotations are those of the last call bound.
    if (tabularParams && !call.inlined && m_callSites.value(call.text) > 1)
        refuse(QStringLiteral("the let function '%1' takes a table and is called more than once: "
                              "this cannot be compiled to SQL yet")
                       .arg(call.text),
               call);
    if (m_depth > 64)
        refuse(QStringLiteral("let functions call each other too deeply to compile"), call);
    // Arguments in the caller's scope; the body in the function's own (its closure). Those
    // given by position come first and fill the parameters in order; `name = value` ones fill
    // the parameter of that name (Microsoft's user-defined functions page: f(12, c=7)).
    QList<const Node *> positional;
    QHash<QString, const Node *> named;
    if (call.kind == NodeKind::Call) {
        for (const NodePtr &kid : call.kids) {
            if (kid->kind == NodeKind::NamedArg)
                named.insert(kid->text, kid->kid(0));
            else
                positional.append(kid.get());
        }
    }
    QHash<QString, Binding> arguments;
    for (qsizetype i = 0; i < params.size(); ++i) {
        const Node &param = *params[i];
        // invoke: the input table is the first argument, the call's own ones follow.
        const qsizetype at = input ? i - 1 : i;
        const Node *arg = named.value(param.text, nullptr);
        if (!arg && at >= 0 && at < positional.size())
            arg = positional[at];
        Binding binding;
        if (input && i == 0) {
            binding.tabular = true;
            binding.rel = *input;
        } else if (param.value == u"table") {
            if (!arg)
                refuse(QStringLiteral("the table parameter '%1' has no argument").arg(param.text),
                       call);
            binding.tabular = true;
            binding.rel = tabular(*arg);
        } else if (arg) {
            binding.sql = expr(*arg, env);
            binding.type = arg->type.value_or(KqlType::Dynamic);
        } else {
            const auto saved = m_scopes;
            m_scopes.resize(fn.closureDepth);
            Env none;
            binding.sql = expr(*param.kid(0), none);
            m_scopes = saved;
        }
        arguments.insert(param.text, binding);
    }
    m_scopes.resize(fn.closureDepth);
    m_scopes.push_back(arguments);
    const Node &body = call.inlined ? *call.inlined : *lambda.kids.back();
    const Node *result = nullptr;
    for (const NodePtr &statement : body.kids) {
        if (statement->kind == NodeKind::Let) {
            const Node &value = *statement->kid(0);
            Binding binding;
            if (value.kind == NodeKind::Lambda) {
                binding.function = true;
                binding.lambda = &value;
                binding.closureDepth = m_scopes.size();
            } else if (value.schema || (m_probe && value.kind == NodeKind::Pipeline)) {
                // (a pipeline the binder left at the pivot whose values are asked has no
                // columns yet: the probe stops inside it)
                binding.tabular = true;
                binding.rel = tabular(value);
            } else {
                Env none;
                binding.sql = expr(value, none);
                binding.type = value.type.value_or(KqlType::Dynamic);
            }
            m_scopes.emplace_back();
            m_scopes.back().insert(statement->text, binding);
        } else if (statement->kind == NodeKind::Query) {
            result = statement->kid(0);
        }
    }
    if (!result)
        refuse(QStringLiteral("the let function '%1' has no result").arg(call.text), call);
    return result;
}

Rel SqlCompiler::callTabularLambda(const Node &call, const Binding &fn, const Rel *input)
{
    const auto saved = m_scopes;
    ++m_depth;
    Env none;
    const Node *result = bindLambdaArguments(call, fn, none, input);
    // (A body the binder left at the pivot or bag_unpack whose columns are read has no schema.)
    if (!result->schema && !(m_probe && result->kind == NodeKind::Pipeline))
        refuse(QStringLiteral("the let function '%1' does not return a table").arg(call.text),
               call);
    Rel rel = tabular(*result);
    --m_depth;
    m_scopes = saved;
    return rel;
}

QString SqlCompiler::callScalarLambda(const Node &call, const Binding &fn, const Env &env)
{
    const auto saved = m_scopes;
    ++m_depth;
    const Node *result = bindLambdaArguments(call, fn, env);
    if (result->schema)
        refuse(QStringLiteral("the let function '%1' returns a table").arg(call.text), call);
    Env none;
    const QString sql = expr(*result, none);
    --m_depth;
    m_scopes = saved;
    return QLatin1Char('(') + sql + QLatin1Char(')');
}

namespace {

/** Whether every column the expression reads is one of `left`'s (a subquery's own are not). */
bool readsOnly(const Node &node, const RowSchema &left)
{
    switch (node.kind) {
    case NodeKind::Pipeline:
    case NodeKind::Datatable:
    case NodeKind::Range:
    case NodeKind::Print:
    case NodeKind::UnionSource:
    case NodeKind::ExternalData:
        return true;
    case NodeKind::Name:
        if (!node.resultName.isEmpty()) {
            const bool found = std::any_of(left.cbegin(), left.cend(), [&](const Column &c) {
                return c.name == node.text || (!node.value.isEmpty() && c.name == node.value);
            });
            if (!found)
                return false;
        }
        break;
    default:
        break;
    }
    return std::all_of(node.kids.cbegin(), node.kids.cend(),
                       [&](const NodePtr &kid) { return readsOnly(*kid, left); });
}

} // namespace

void SqlCompiler::leftOnlyConjuncts(const Node &predicate, const RowSchema &left,
                                    QList<const Node *> &out)
{
    if (predicate.kind == NodeKind::Binary && predicate.text == u"and") {
        leftOnlyConjuncts(*predicate.kid(0), left, out);
        leftOnlyConjuncts(*predicate.kid(1), left, out);
        return;
    }
    if (!hasWindowCall(predicate) && readsOnly(predicate, left))
        out.append(&predicate);
}

Rel SqlCompiler::pipeline(const Node &node)
{
    const Node &first = *node.kid(0);
    if (first.kind == NodeKind::ImplicitInput && !m_implicitInput)
        refuse(QStringLiteral("there is no input table here"), first);
    Rel rel = first.kind == NodeKind::ImplicitInput ? *m_implicitInput : tabular(first);
    for (qsizetype i = 1; i < node.count(); ++i) {
        const Node &operation = *node.kid(i);
        if (&operation == m_probe && operation.kid(0)->text == u"bag_unpack")
            throw ProbeDone{bagUnpackProbe(operation, rel), true};
        if (&operation == m_probe) {
            Env env;
            env.row = &rel.schema;
            throw ProbeDone{addCte(QStringLiteral("SELECT DISTINCT coalesce(%1, '') AS \"value\" "
                                                  "FROM %2")
                                           .arg(asString(pivotColumn(operation), env), rel.cte))};
        }
        if (operation.kind == NodeKind::OpJoin) {
            m_leftFilters.clear();
            for (qsizetype j = i + 1; j < node.count() && node.kid(j)->kind == NodeKind::OpWhere;
                 ++j)
                leftOnlyConjuncts(*node.kid(j)->kid(0), rel.schema, m_leftFilters);
        }
        rel = op(operation, rel);
        if (!operation.schema || rel.schema != *operation.schema)
            refuse(QStringLiteral("internal error: the columns after this operator differ from "
                                  "the query's; please report this query"),
                   operation);
    }
    return rel;
}

Rel SqlCompiler::source(const Node &node)
{
    Rel rel;
    rel.schema = *node.schema;
    for (const Column &c : rel.schema) {
        if (c.name.startsWith(QLatin1String("_vigil_")))
            refuse(QStringLiteral("column names starting with _vigil_ are reserved"), node);
    }
    Env none;
    switch (node.kind) {
    case NodeKind::ExternalData:
        return externalData(node);
    case NodeKind::Datatable: {
        const qsizetype width = rel.schema.size();
        QStringList rows;
        QStringList names;
        for (const Column &c : rel.schema)
            names.append(quote(c.name));
        qsizetype values = 0;
        for (const NodePtr &kid : node.kids) {
            if (kid->kind != NodeKind::ColumnDecl)
                ++values;
        }
        for (qsizetype r = 0; r * width < values; ++r) {
            QStringList cells;
            for (qsizetype c = 0; c < width; ++c) {
                const Node &value = *node.kid(width + r * width + c);
                const KqlType want = rel.schema[c].type;
                QString sql = expr(value, none);
                const KqlType got = value.type.value_or(want);
                if (want == KqlType::Real && got != KqlType::Real)
                    sql = QStringLiteral("CAST(%1 AS REAL)").arg(sql);
                else if ((want == KqlType::Long || want == KqlType::Int) && got == KqlType::Real)
                    refuse(QStringLiteral("a real value in a whole-number column of datatable "
                                          "cannot be compiled exactly"),
                           value);
                else if (want == KqlType::Dynamic && got != KqlType::Dynamic)
                    sql = asAny(value, none);
                else if (want != got && !(isNumberType(want) && isNumberType(got))
                         && got != KqlType::Dynamic)
                    refuse(QStringLiteral("this datatable value cannot be compiled exactly"),
                           value);
                else if (want != KqlType::Dynamic && got == KqlType::Dynamic)
                    refuse(QStringLiteral("a dynamic value in a typed datatable column cannot be "
                                          "compiled exactly"),
                           value);
                cells.append(sql + QStringLiteral(" AS ") + names[c]);
            }
            rows.append(QStringLiteral("SELECT ") + cells.join(QLatin1String(", ")));
        }
        if (rows.isEmpty()) {
            QStringList cells;
            for (qsizetype c = 0; c < width; ++c)
                cells.append(QStringLiteral("NULL AS ") + names[c]);
            rows.append(QStringLiteral("SELECT ") + cells.join(QLatin1String(", "))
                        + QStringLiteral(" WHERE 0"));
        }
        rel.cte = addCte(rows.join(QLatin1String(" UNION ALL ")));
        return rel;
    }
    case NodeKind::Range: {
        const KqlType t = rel.schema.first().type;
        if (t == KqlType::Decimal)
            refuse(QStringLiteral("range over decimals cannot be compiled"), node);
        const QString column = quote(rel.schema.first().name);
        QString from = expr(*node.kid(0), none);
        QString to = expr(*node.kid(1), none);
        QString step = expr(*node.kid(2), none);
        if (t == KqlType::Real) {
            from = QStringLiteral("CAST(%1 AS REAL)").arg(from);
            to = QStringLiteral("CAST(%1 AS REAL)").arg(to);
            step = QStringLiteral("CAST(%1 AS REAL)").arg(step);
        }
        // A recursive CTE; a step that is not positive gives the first value only when it is
        // within bounds (Kusto gives no rows for a step of the wrong sign).
        const QString name = QStringLiteral("_q%1").arg(m_ctes.size() + 1);
        m_recursive = true;
        m_ctes.push_back(QStringLiteral("%1(%2) AS (SELECT %3 WHERE %3 <= %4 UNION ALL SELECT "
                                        "%2 + %5 FROM %1 WHERE %5 > 0 AND %2 + %5 <= %4)")
                                 .arg(name, column, from, to, step));
        // range gives a serialized row set, in the order it counts (the step is positive).
        rel.ordered = true;
        rel.serialized = true;
        rel.cte = addCte(QStringLiteral("SELECT %1, row_number() OVER (ORDER BY %1) AS "
                                        "\"_vigil_ord\" FROM %2")
                                 .arg(column, name));
        return rel;
    }
    case NodeKind::Print: {
        QStringList cells;
        for (qsizetype i = 0; i < node.count(); ++i) {
            const Node &item = *node.kid(i);
            const Node &value = item.kind == NodeKind::Assign ? *item.kid(0) : item;
            if (value.kind == NodeKind::Call && !value.inlined && givesSeveralColumns(value.text)) {
                // series_fit_line(y) & co.: the columns the item names (or all of them).
                const QStringList fields = multiColumnSql(value, none);
                for (qsizetype k = 0; k < item.outputColumns.size(); ++k)
                    cells.append(fields.value(k) + QStringLiteral(" AS ")
                                 + quote(item.outputColumns[k]));
                continue;
            }
            cells.append(expr(value, none) + QStringLiteral(" AS ")
                         + quote(item.outputColumns.value(0)));
        }
        rel.cte = addCte(QStringLiteral("SELECT ") + cells.join(QLatin1String(", ")));
        return rel;
    }
    case NodeKind::UnionSource:
        return unionOf(node, nullptr);
    case NodeKind::FindSource:
        return find(node);
    default:
        break;
    }
    refuse(QStringLiteral("this source cannot be compiled to SQL"), node);
}

} // namespace Vigil::Kql
