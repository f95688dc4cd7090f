#include "simkqlbind_p.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <cmath>

// The tabular operators of the simulated tenant's KQL subset, run one after the other over the
// rows of one table.

namespace Vigil::Sim::Kql {

namespace {

QString derivedName(const NamedExpr &item, const Bound &bound, int *unnamed)
{
    if (!item.name.isEmpty())
        return item.name;
    if (!bound.suggestedName.isEmpty())
        return bound.suggestedName;
    return QStringLiteral("Column%1").arg(++*unnamed);
}

QString groupKey(const HuntRow &row)
{
    QString key;
    for (const HuntValue &value : row) {
        key += value.null ? QStringLiteral("\x01") : value.toText();
        key += u'\x02';
    }
    return key;
}

/** One aggregation of summarize, bound. */
struct Aggregate
{
    QString function;
    std::optional<Bound> argument;
    ColumnType type = ColumnType::Long;
};

struct Accumulator
{
    qint64 count = 0;
    double sum = 0;
    qint64 integerSum = 0;
    bool real = false;
    HuntValue extreme;
    QSet<QString> distinct;
};

class Runner
{
public:
    Runner(const Scope &scope, QueryError *error)
        : m_scope(scope)
        , m_error(error)
    { }

    bool stage(const Stage &stage, ResultSet &set)
    {
        Binder binder(set.columns, m_scope, m_error);
        switch (stage.kind) {
        case Stage::Kind::Where: {
            auto predicate = binder.bind(stage.predicate);
            if (!predicate)
                return false;
            if (predicate->type != ColumnType::Bool)
                return binder.fail(QStringLiteral("The 'where' predicate must be bool.")), false;
            std::vector<HuntRow> kept;
            for (HuntRow &row : set.rows) {
                const HuntValue keep = predicate->eval(row);
                if (!keep.null && keep.integer)
                    kept.push_back(std::move(row));
            }
            set.rows = std::move(kept);
            return true;
        }
        case Stage::Kind::Project:
        case Stage::Kind::Distinct: {
            QList<HuntColumn> columns;
            std::vector<Bound> bound;
            int unnamed = 0;
            for (const NamedExpr &item : stage.columns) {
                auto expr = binder.bind(item.expr);
                if (!expr)
                    return false;
                columns.append({derivedName(item, *expr, &unnamed), expr->type});
                bound.push_back(*expr);
            }
            std::vector<HuntRow> rows;
            QSet<QString> seen;
            for (const HuntRow &row : set.rows) {
                HuntRow out;
                out.reserve(bound.size());
                for (const Bound &expr : bound)
                    out.push_back(expr.eval(row));
                if (stage.kind == Stage::Kind::Distinct) {
                    const QString key = groupKey(out);
                    if (seen.contains(key))
                        continue;
                    seen.insert(key);
                }
                rows.push_back(std::move(out));
            }
            set.columns = columns;
            set.rows = std::move(rows);
            return true;
        }
        case Stage::Kind::ProjectAway: {
            std::vector<bool> drop(static_cast<std::size_t>(set.columns.size()), false);
            for (const QString &name : stage.names) {
                bool found = false;
                for (int i = 0; i < set.columns.size(); ++i) {
                    if (set.columns[i].name == name) {
                        drop[static_cast<std::size_t>(i)] = true;
                        found = true;
                    }
                }
                if (!found)
                    return binder.fail(QStringLiteral("Failed to resolve scalar expression named "
                                                      "'%1'.")
                                               .arg(name)),
                           false;
            }
            QList<HuntColumn> columns;
            for (int i = 0; i < set.columns.size(); ++i) {
                if (!drop[static_cast<std::size_t>(i)])
                    columns.append(set.columns[i]);
            }
            for (HuntRow &row : set.rows) {
                HuntRow out;
                for (std::size_t i = 0; i < row.size(); ++i) {
                    if (!drop[i])
                        out.push_back(std::move(row[i]));
                }
                row = std::move(out);
            }
            set.columns = columns;
            return true;
        }
        case Stage::Kind::Extend: {
            int unnamed = 0;
            for (const NamedExpr &item : stage.columns) {
                Binder step(set.columns, m_scope, m_error);
                auto expr = step.bind(item.expr);
                if (!expr)
                    return false;
                const QString name = derivedName(item, *expr, &unnamed);
                int target = -1;
                for (int i = 0; i < set.columns.size(); ++i) {
                    if (set.columns[i].name == name)
                        target = i;
                }
                for (HuntRow &row : set.rows) {
                    HuntValue value = expr->eval(row);
                    if (target < 0)
                        row.push_back(std::move(value));
                    else
                        row[static_cast<std::size_t>(target)] = std::move(value);
                }
                if (target < 0)
                    set.columns.append({name, expr->type});
                else
                    set.columns[target].type = expr->type;
            }
            return true;
        }
        case Stage::Kind::Summarize:
            return summarize(stage, set, binder);
        case Stage::Kind::Sort:
        case Stage::Kind::Top: {
            std::vector<std::pair<Bound, SortKey>> keys;
            for (const SortKey &key : stage.sort) {
                auto expr = binder.bind(key.expr);
                if (!expr)
                    return false;
                keys.emplace_back(*expr, key);
            }
            std::vector<std::pair<std::vector<HuntValue>, std::size_t>> decorated;
            decorated.reserve(set.rows.size());
            for (std::size_t i = 0; i < set.rows.size(); ++i) {
                std::vector<HuntValue> values;
                values.reserve(keys.size());
                for (const auto &[expr, key] : keys)
                    values.push_back(expr.eval(set.rows[i]));
                decorated.emplace_back(std::move(values), i);
            }
            std::stable_sort(decorated.begin(), decorated.end(),
                             [&keys](const auto &a, const auto &b) {
                                 for (std::size_t k = 0; k < keys.size(); ++k) {
                                     const SortKey &key = keys[k].second;
                                     const HuntValue &x = a.first[k];
                                     const HuntValue &y = b.first[k];
                                     const bool nullsFirst = key.nullsFirst.value_or(key.ascending);
                                     const bool xNull = x.null && !isTextual(x.type);
                                     const bool yNull = y.null && !isTextual(y.type);
                                     if (xNull != yNull)
                                         return xNull == nullsFirst;
                                     if (xNull)
                                         continue;
                                     const int c = compare(x, y).value_or(0);
                                     if (c != 0)
                                         return key.ascending ? c < 0 : c > 0;
                                 }
                                 return false;
                             });
            std::vector<HuntRow> rows;
            rows.reserve(decorated.size());
            for (auto &[values, index] : decorated)
                rows.push_back(std::move(set.rows[index]));
            set.rows = std::move(rows);
            if (stage.kind == Stage::Kind::Top
                && static_cast<qint64>(set.rows.size()) > stage.limit)
                set.rows.resize(static_cast<std::size_t>(stage.limit));
            return true;
        }
        case Stage::Kind::Take:
            if (static_cast<qint64>(set.rows.size()) > stage.limit)
                set.rows.resize(static_cast<std::size_t>(stage.limit));
            return true;
        case Stage::Kind::Count: {
            const auto count = static_cast<qint64>(set.rows.size());
            set.columns = {{QStringLiteral("Count"), ColumnType::Long}};
            set.rows.clear();
            set.rows.push_back({HuntValue::longValue(count)});
            return true;
        }
        }
        return false;
    }

private:
    bool summarize(const Stage &stage, ResultSet &set, Binder &binder)
    {
        QList<HuntColumn> columns;
        std::vector<Bound> keys;
        int unnamed = 0;
        for (const NamedExpr &item : stage.by) {
            auto expr = binder.bind(item.expr);
            if (!expr)
                return false;
            columns.append({derivedName(item, *expr, &unnamed), expr->type});
            keys.push_back(*expr);
        }
        std::vector<Aggregate> aggregates;
        for (const NamedExpr &item : stage.columns) {
            const ExprPtr &call = item.expr;
            static const QStringList Known{QStringLiteral("count"),  QStringLiteral("countif"),
                                           QStringLiteral("dcount"), QStringLiteral("sum"),
                                           QStringLiteral("avg"),    QStringLiteral("min"),
                                           QStringLiteral("max")};
            if (call->kind != Expr::Kind::Call)
                return binder.fail(QStringLiteral("summarize expects aggregations such as "
                                                  "count().")),
                       false;
            if (!Known.contains(call->name))
                return binder.fail(QStringLiteral("the aggregation '%1()'").arg(call->name), true),
                       false;
            Aggregate aggregate;
            aggregate.function = call->name;
            const bool takesNone = call->name == QLatin1String("count");
            if (call->args.size() != (takesNone ? 0u : 1u))
                return binder.fail(QStringLiteral("%1() was called with the wrong number of "
                                                  "arguments.")
                                           .arg(call->name)),
                       false;
            QString suffix;
            if (!takesNone) {
                aggregate.argument = binder.bind(call->args[0]);
                if (!aggregate.argument)
                    return false;
                suffix = aggregate.argument->suggestedName;
            }
            const QString &f = aggregate.function;
            if (f == QLatin1String("countif") && aggregate.argument->type != ColumnType::Bool)
                return binder.fail(QStringLiteral("countif() takes a bool predicate.")), false;
            if ((f == QLatin1String("sum") || f == QLatin1String("avg"))
                && !isNumeric(aggregate.argument->type)
                && aggregate.argument->type != ColumnType::TimeSpan)
                return binder.fail(QStringLiteral("%1() takes a number.").arg(f)), false;
            aggregate.type = f == QLatin1String("avg") ? ColumnType::Real
                             : (f == QLatin1String("min") || f == QLatin1String("max")
                                || f == QLatin1String("sum"))
                                     ? aggregate.argument->type
                                     : ColumnType::Long;
            if (f == QLatin1String("sum") && aggregate.type == ColumnType::Int)
                aggregate.type = ColumnType::Long;
            QString name = item.name;
            if (name.isEmpty()) {
                name = f + u'_'
                       + (f == QLatin1String("count") || f == QLatin1String("countif") ? QString()
                                                                                       : suffix);
            }
            columns.append({name, aggregate.type});
            aggregates.push_back(aggregate);
        }

        QHash<QString, std::size_t> groups;
        std::vector<HuntRow> groupKeys;
        std::vector<std::vector<Accumulator>> state;
        for (const HuntRow &row : set.rows) {
            HuntRow key;
            for (const Bound &expr : keys)
                key.push_back(expr.eval(row));
            const QString text = groupKey(key);
            auto it = groups.find(text);
            if (it == groups.end()) {
                it = groups.insert(text, groupKeys.size());
                groupKeys.push_back(key);
                state.emplace_back(aggregates.size());
            }
            std::vector<Accumulator> &accumulators = state[*it];
            for (std::size_t a = 0; a < aggregates.size(); ++a) {
                const Aggregate &aggregate = aggregates[a];
                Accumulator &acc = accumulators[a];
                if (aggregate.function == QLatin1String("count")) {
                    ++acc.count;
                    continue;
                }
                const HuntValue value = aggregate.argument->eval(row);
                const QString &f = aggregate.function;
                if (f == QLatin1String("countif")) {
                    acc.count += (!value.null && value.integer) ? 1 : 0;
                } else if (f == QLatin1String("dcount")) {
                    if (!value.null)
                        acc.distinct.insert(value.toText());
                } else if (value.null) {
                    continue;
                } else if (f == QLatin1String("sum") || f == QLatin1String("avg")) {
                    ++acc.count;
                    acc.sum += asReal(value);
                    acc.integerSum += value.integer;
                    acc.real = acc.real || value.type == ColumnType::Real;
                } else if (acc.extreme.null
                           || (f == QLatin1String("min") ? compare(value, acc.extreme) < 0
                                                         : compare(value, acc.extreme) > 0)) {
                    acc.extreme = value;
                }
            }
        }
        // No group key and no rows: one row of zeros, as Kusto answers.
        if (keys.empty() && groupKeys.empty()) {
            groupKeys.emplace_back();
            state.emplace_back(aggregates.size());
        }
        std::vector<HuntRow> rows;
        for (std::size_t g = 0; g < groupKeys.size(); ++g) {
            HuntRow out = groupKeys[g];
            for (std::size_t a = 0; a < aggregates.size(); ++a) {
                const Aggregate &aggregate = aggregates[a];
                const Accumulator &acc = state[g][a];
                const QString &f = aggregate.function;
                if (f == QLatin1String("count") || f == QLatin1String("countif")) {
                    out.push_back(HuntValue::longValue(acc.count));
                } else if (f == QLatin1String("dcount")) {
                    out.push_back(HuntValue::longValue(acc.distinct.size()));
                } else if (f == QLatin1String("avg")) {
                    out.push_back(acc.count ? HuntValue::realValue(acc.sum / acc.count)
                                            : HuntValue::nullOf(ColumnType::Real));
                } else if (f == QLatin1String("sum")) {
                    if (aggregate.type == ColumnType::Real) {
                        out.push_back(HuntValue::realValue(acc.sum));
                    } else {
                        HuntValue sum = HuntValue::nullOf(aggregate.type);
                        sum.null = acc.count == 0;
                        sum.integer = acc.integerSum;
                        out.push_back(sum);
                    }
                } else {
                    HuntValue extreme = acc.extreme;
                    extreme.type = aggregate.type;
                    out.push_back(extreme);
                }
            }
            rows.push_back(std::move(out));
        }
        set.columns = columns;
        set.rows = std::move(rows);
        return true;
    }

    const Scope &m_scope;
    QueryError *m_error;
};

} // namespace

std::optional<ResultSet> run(const Query &query, const HuntingData &data, const Scope &scope,
                             QueryError *error)
{
    const HuntTable *table = data.table(query.table);
    if (!table) {
        error->message = QStringLiteral("Failed to resolve table or column expression named '%1'.")
                                 .arg(query.table);
        return std::nullopt;
    }
    ResultSet set;
    set.columns = table->columns;
    const auto stamp = static_cast<std::size_t>(table->timestampColumn);
    for (std::size_t i = 0; i < table->rows.size(); ++i) {
        if (table->received[i] > scope.now)
            continue; // not received yet
        const HuntRow &row = table->rows[i];
        if (table->timestampColumn >= 0) {
            const HuntValue &at = row[stamp];
            if (at.null || at.integer < scope.from || at.integer > scope.to)
                continue;
        }
        set.rows.push_back(row);
    }
    Runner runner(scope, error);
    for (const Stage &stage : query.stages) {
        if (!runner.stage(stage, set)) {
            if (error->message.isEmpty())
                error->message = QStringLiteral("The query could not be run.");
            return std::nullopt;
        }
    }
    return set;
}

} // namespace Vigil::Sim::Kql
