#include "sqlcompilerimpl.h"

#include <functional>
#include <utility>

// scan as a recursive CTE that walks the serialized input record by record and, for each record,
// its steps from the last to the first, in three phases per step: the two checks of the scan
// operator's page, then the step's assignments, then the new state and the output row. find as
// one SELECT per table, their rows put together.
namespace Vigil::Kql {

namespace {

using T = KqlType;
using L = QLatin1StringView;

/** The SQL that gives a value of type want from one of type got (reals stay reals). */
QString converted(const QString &sql, T want, T got)
{
    if (want == T::Real && got != T::Real)
        return QStringLiteral("CAST(%1 AS REAL)").arg(sql);
    return sql;
}

/** Every node of an expression tree, without recursion. */
QList<const Node *> nodesOf(const Node &root)
{
    QList<const Node *> nodes;
    std::vector<const Node *> stack = {&root};
    while (!stack.empty()) {
        const Node *node = stack.back();
        stack.pop_back();
        nodes.append(node);
        for (const NodePtr &kid : node->kids)
            stack.push_back(kid.get());
    }
    return nodes;
}

} // namespace

Rel SqlCompiler::scan(const Node &op, const Rel &in)
{
    // The scan operator's page: scan goes over the serialized input, record by record.
    if (!in.serialized)
        refuse(QStringLiteral("the input of scan must be serialized: put sort by, order by or "
                              "serialize before it"),
               op);
    Env none;
    const qsizetype steps = op.count() - 1;
    // The record a step's state holds: the input's columns, then the declared ones.
    RowSchema record = in.schema;
    QStringList defaults; // per column of record: its value in an empty state
    for (const Column &c : in.schema)
        defaults.append(nullOf(c.type));
    const Node &declared = *op.kid(0);
    for (const NodePtr &column : declared.kids) {
        const T type = kqlTypeFromName(column->value).value_or(T::Dynamic);
        if (type == T::Decimal)
            refuse(QStringLiteral("a decimal column in scan's declare cannot be compiled"),
                   *column);
        record.append({column->text, type});
        const Node *fill = column->kid(0);
        const bool null
                = !fill || (fill->kind == NodeKind::Literal && fill->literal == LiteralKind::Null);
        defaults.append(
                null ? nullOf(type)
                     : converted(type == T::Dynamic ? asAny(*fill, none) : expr(*fill, none), type,
                                 fill->type.value_or(type)));
    }
    const qsizetype inputWidth = in.schema.size();
    const qsizetype declaredCount = declared.count();
    QStringList stepNames;
    for (qsizetype s = 1; s <= steps; ++s)
        stepNames.append(op.kid(s)->text);
    // The state's values the steps read (StepName.Column), as (step, column) pairs.
    QList<std::pair<qsizetype, qsizetype>> stateSlots;
    QHash<QString, qsizetype> slotOf;
    for (qsizetype s = 1; s <= steps; ++s) {
        for (const Node *node : nodesOf(*op.kid(s))) {
            if (node->kind != NodeKind::Name || slotOf.contains(node->text))
                continue;
            const qsizetype dot = node->text.indexOf(u'.');
            const qsizetype step = dot > 0 ? stepNames.indexOf(node->text.left(dot)) : -1;
            if (step < 0)
                continue;
            qsizetype column = -1;
            for (qsizetype c = 0; c < record.size() && column < 0; ++c) {
                if (record[c].name == node->text.mid(dot + 1))
                    column = c;
            }
            if (column < 0)
                continue;
            slotOf.insert(node->text, stateSlots.size());
            stateSlots.append({step + 1, column});
        }
    }
    const auto slotColumn = [](qsizetype state, qsizetype slot) -> QString {
        return QStringLiteral("\"x%1_%2\"").arg(state).arg(slot);
    };
    // The names a step's expressions read, in the state of step `state` (0: none).
    const auto namesIn = [&](qsizetype state) {
        QHash<QString, QString> names;
        for (auto it = slotOf.cbegin(); it != slotOf.cend(); ++it) {
            const auto [step, column] = stateSlots[it.value()];
            names.insert(it.key(), step <= state
                                           ? QStringLiteral("r.") + slotColumn(state, it.value())
                                           : defaults[column]);
        }
        return names;
    };
    const auto condition = [&](const Node &step, qsizetype state) -> QString {
        const QHash<QString, QString> names = namesIn(state);
        Env env;
        env.row = &in.schema;
        env.qualifier = QStringLiteral("i.");
        env.names = &names;
        return QStringLiteral("(CASE WHEN %1 THEN 1 ELSE 0 END)")
                .arg(expr(*step.kid(0), env, true));
    };
    const auto assignment = [&](const Node &step, qsizetype d, qsizetype state) -> QString {
        const Column &target = record[inputWidth + d];
        for (qsizetype k = 1; k < step.count(); ++k) {
            const Node &assign = *step.kid(k);
            if (assign.text != target.name)
                continue;
            const QHash<QString, QString> names = namesIn(state);
            Env env;
            env.row = &in.schema;
            env.qualifier = QStringLiteral("i.");
            env.names = &names;
            const Node &value = *assign.kid(0);
            return converted(target.type == T::Dynamic ? asAny(value, env) : expr(value, env),
                             target.type, value.type.value_or(target.type));
        }
        return defaults[inputWidth + d];
    };

    // Numbered input, computed once: the walk reads it by number. Inside partition (or
    // mv-apply) each partition is scanned on its own: its rows one after the other, the state
    // emptied and the match ids from 0 again where the next partition starts.
    const bool partitioned = in.partitioned;
    const QString numbered = addCte(
            QStringLiteral("SELECT *, row_number() OVER (ORDER BY %1\"_vigil_ord\") AS "
                           "\"_vigil_sn\" FROM %2")
                    .arg(partitioned ? QStringLiteral("\"_vigil_row\", ") : QString(), in.cte),
            true);
    const QString n = QString::number(steps);
    // Per record: a start phase (3: a new partition empties the state), then per step from the
    // last: evaluate (0: the two checks), assign (1), apply (2: the new state, the output row).
    const QString nextStep
            = QStringLiteral("(CASE WHEN r.ph < 2 THEN r.k WHEN r.ph = 3 THEN %1 WHEN "
                             "r.k > 1 THEN r.k - 1 ELSE %1 END)")
                      .arg(n);
    const QString nextRecord = QStringLiteral("(CASE WHEN r.ph = 2 AND r.k = 1 THEN r.sn + 1 ELSE "
                                              "r.sn END)");
    // One column of the walk: its value in each phase (pass-through where empty).
    QStringList names;
    QStringList seed;
    QStringList next;
    const auto column = [&](const QString &name, const QString &initial, const QString &evaluate,
                            const QString &assign, const QString &apply) {
        names.append(name);
        seed.append(initial);
        const QString same = QStringLiteral("r.") + name;
        const QString start = partitioned ? QStringLiteral("(CASE WHEN i.\"_vigil_row\" IS r.pt "
                                                           "THEN %1 ELSE %2 END)")
                                                    .arg(same, initial)
                                          : same;
        next.append(QStringLiteral("(CASE WHEN r.ph = 2 AND r.k = 1 THEN %1 WHEN r.ph >= 2 THEN %2 "
                                   "WHEN r.ph = 0 THEN %3 ELSE %4 END)")
                            .arg(start, evaluate.isEmpty() ? same : evaluate,
                                 assign.isEmpty() ? same : assign, apply.isEmpty() ? same : apply));
    };
    const auto perStep
            = [&](const std::function<QString(qsizetype)> &value, const QString &other) -> QString {
        QString sql = QStringLiteral("(CASE ") + nextStep;
        for (qsizetype s = 1; s <= steps; ++s)
            sql += QStringLiteral(" WHEN %1 THEN %2").arg(s).arg(value(s));
        return sql + QStringLiteral(" ELSE %1 END)").arg(other);
    };
    names.append(QStringLiteral("sn"));
    seed.append(QStringLiteral("0"));
    next.append(nextRecord);
    names.append(QStringLiteral("k"));
    seed.append(QStringLiteral("1"));
    next.append(nextStep);
    names.append(QStringLiteral("ph"));
    seed.append(QStringLiteral("2"));
    next.append(QStringLiteral("(CASE WHEN r.ph = 2 AND r.k = 1 THEN 3 WHEN r.ph >= 2 THEN 0 ELSE "
                               "r.ph + 1 END)"));
    names.append(QStringLiteral("pt")); // the partition of the record
    seed.append(QStringLiteral("NULL"));
    next.append(partitioned ? QStringLiteral("i.\"_vigil_row\"") : QStringLiteral("NULL"));
    // Check 1: the previous step has an active sequence and the record meets the condition in
    // its state. Check 2: the step has one (or is the first) and the record meets the condition
    // in the step's own state. Check 1 wins.
    column(QStringLiteral("c1"), QStringLiteral("0"),
           perStep(
                   [&](qsizetype s) -> QString {
                       return s == 1 ? QStringLiteral("0")
                                     : QStringLiteral("(r.a%1 AND %2)")
                                               .arg(s - 1)
                                               .arg(condition(*op.kid(s), s - 1));
                   },
                   QStringLiteral("0")),
           {}, {});
    column(QStringLiteral("c2"), QStringLiteral("0"),
           perStep(
                   [&](qsizetype s) -> QString {
                       return s == 1 ? condition(*op.kid(s), s)
                                     : QStringLiteral("(r.a%1 AND %2)")
                                               .arg(s)
                                               .arg(condition(*op.kid(s), s));
                   },
                   QStringLiteral("0")),
           {}, {});
    // The record extended by the step's assignments (the declared columns' defaults otherwise).
    for (qsizetype d = 0; d < declaredCount; ++d) {
        column(QStringLiteral("v%1").arg(d), QStringLiteral("NULL"), {},
               perStep(
                       [&](qsizetype s) -> QString {
                           return QStringLiteral("(CASE WHEN r.c1 THEN %1 WHEN r.c2 THEN %2 ELSE "
                                                 "NULL END)")
                                   .arg(s == 1 ? QStringLiteral("NULL")
                                               : assignment(*op.kid(s), d, s - 1),
                                        assignment(*op.kid(s), d, s));
                       },
                       QStringLiteral("NULL")),
               {});
    }
    const auto newValue = [&](qsizetype c) -> QString {
        return c < inputWidth ? QStringLiteral("i.") + quote(record[c].name)
                              : QStringLiteral("r.v%1").arg(c - inputWidth);
    };
    // The output: check 1 outputs unless the step says none; check 2 when it says all.
    column(QStringLiteral("e"), QStringLiteral("0"), QStringLiteral("0"), QStringLiteral("0"),
           perStep(
                   [&](qsizetype s) -> QString {
                       const QString output = op.kid(s)->option(QStringLiteral("output"));
                       return output == u"none" ? QStringLiteral("0")
                                                : QStringLiteral("(r.c1 OR r.c2)");
                   },
                   QStringLiteral("0")));
    column(QStringLiteral("em"), QStringLiteral("NULL"), {}, {},
           perStep(
                   [&](qsizetype s) -> QString {
                       return s == 1 ? QStringLiteral("(CASE WHEN r.a1 THEN r.m1 ELSE r.nid END)")
                                     : QStringLiteral("(CASE WHEN r.c1 THEN r.m%1 ELSE r.m%2 END)")
                                               .arg(s - 1)
                                               .arg(s);
                   },
                   QStringLiteral("NULL")));
    // A match of the first step without an active sequence starts one: the next match id.
    column(QStringLiteral("nid"), QStringLiteral("0"), {}, {},
           QStringLiteral("(CASE WHEN %1 = 1 AND r.c2 AND NOT r.a1 THEN r.nid + 1 ELSE r.nid END)")
                   .arg(nextStep));
    for (qsizetype x = 1; x <= steps; ++x) {
        // Step x's state: taken over from x - 1 by check 1, kept by check 2, emptied when step
        // x + 1 takes it over.
        const QString cleared
                = x < steps
                          ? QStringLiteral(" WHEN %1 = %2 AND r.c1 THEN 0").arg(nextStep).arg(x + 1)
                          : QString();
        column(QStringLiteral("a%1").arg(x), QStringLiteral("0"), {}, {},
               QStringLiteral("(CASE WHEN %1 = %2 AND (r.c1 OR r.c2) THEN 1%3 ELSE r.a%2 END)")
                       .arg(nextStep)
                       .arg(x)
                       .arg(cleared));
        const QString idCleared = x < steps ? QStringLiteral(" WHEN %1 = %2 AND r.c1 THEN NULL")
                                                      .arg(nextStep)
                                                      .arg(x + 1)
                                            : QString();
        const QString taken = x > 1 ? QStringLiteral(" WHEN %1 = %2 AND r.c1 THEN r.m%3")
                                              .arg(nextStep)
                                              .arg(x)
                                              .arg(x - 1)
                                    : QString();
        const QString started
                = x == 1 ? QStringLiteral(" WHEN %1 = 1 AND r.c2 AND NOT r.a1 THEN r.nid")
                                   .arg(nextStep)
                         : QString();
        column(QStringLiteral("m%1").arg(x), QStringLiteral("NULL"), {}, {},
               QStringLiteral("(CASE%1%2%3 ELSE r.m%4 END)").arg(taken, started, idCleared).arg(x));
        for (qsizetype slot = 0; slot < stateSlots.size(); ++slot) {
            const auto [step, c] = stateSlots[slot];
            if (step > x)
                continue;
            QString apply = QStringLiteral("(CASE");
            if (step == x) {
                apply += QStringLiteral(" WHEN %1 = %2 AND (r.c1 OR r.c2) THEN %3")
                                 .arg(nextStep)
                                 .arg(x)
                                 .arg(newValue(c));
            } else {
                apply += QStringLiteral(" WHEN %1 = %2 AND r.c1 THEN r.%3")
                                 .arg(nextStep)
                                 .arg(x)
                                 .arg(slotColumn(x - 1, slot));
            }
            if (x < steps)
                apply += QStringLiteral(" WHEN %1 = %2 AND r.c1 THEN %3")
                                 .arg(nextStep)
                                 .arg(x + 1)
                                 .arg(defaults[c]);
            apply += QStringLiteral(" ELSE r.%1 END)").arg(slotColumn(x, slot));
            QString name = slotColumn(x, slot);
            name.remove(u'"');
            column(name, defaults[c], {}, {}, apply);
        }
    }
    // SQLite's limit on a table's columns is 2000: refuse early, by name, what would pass it.
    constexpr qsizetype maxStateColumns = 1000;
    if (names.size() > maxStateColumns)
        refuse(QStringLiteral("this scan keeps %1 values per record in its state (steps times the "
                              "step values they read), more than the %2 Vigil's local KQL can "
                              "compile: use fewer steps or read fewer Step.Column values")
                       .arg(names.size())
                       .arg(maxStateColumns),
               op);
    QStringList seedCells;
    for (qsizetype i = 0; i < names.size(); ++i)
        seedCells.append(seed[i] + QStringLiteral(" AS ") + names[i]);
    const QString walk = QStringLiteral("_q%1").arg(m_ctes.size() + 1);
    m_recursive = true;
    m_ctes.push_back(QStringLiteral("%1(%2) AS (SELECT %3 UNION ALL SELECT %4 FROM %1 AS r JOIN %5 "
                                    "AS i ON i.\"_vigil_sn\" = %6)")
                             .arg(walk, names.join(QLatin1String(", ")),
                                  seedCells.join(QLatin1String(", ")),
                                  next.join(QLatin1String(", ")), numbered, nextRecord));
    Rel out;
    out.schema = *op.schema;
    out.ingest = in.ingest;
    out.ordered = true;
    out.serialized = !partitioned;
    out.partitioned = partitioned;
    QStringList cells;
    for (qsizetype c = 0; c < inputWidth; ++c)
        cells.append(QStringLiteral("i.") + quote(record[c].name));
    for (qsizetype d = 0; d < declaredCount; ++d)
        cells.append(QStringLiteral("r.v%1 AS %2").arg(d).arg(quote(record[inputWidth + d].name)));
    if (!op.option(QStringLiteral("with_match_id")).isEmpty())
        cells.append(QStringLiteral("r.em AS ")
                     + quote(op.option(QStringLiteral("with_match_id"))));
    if (in.ingest)
        cells.append(QStringLiteral("i.\"_vigil_ingested\""));
    if (partitioned)
        cells.append(QStringLiteral("i.\"_vigil_row\""));
    out.cte = addCte(QStringLiteral("SELECT %1, row_number() OVER (ORDER BY r.sn, r.k DESC) AS "
                                    "\"_vigil_ord\" FROM %2 AS r JOIN %3 AS i ON i.\"_vigil_sn\" = "
                                    "r.sn WHERE r.ph = 2 AND r.e")
                             .arg(cells.join(QLatin1String(", ")), walk, numbered));
    return out;
}

Rel SqlCompiler::find(const Node &node)
{
    // The find operator's page: each table's rows where the predicate holds (a column the table
    // lacks is null), its name in the source column, the result's columns, and pack_ with the
    // table's other columns.
    const Node &tables = *node.kid(0);
    const Node &predicate = *node.kid(1);
    const RowSchema &schema = *node.schema;
    QList<Rel> rels;
    RowSchema all;
    QSet<QString> seen;
    for (const NodePtr &table : tables.kids) {
        rels.append(tabular(*table));
        for (const Column &c : rels.last().schema) {
            if (!seen.contains(c.name)) {
                seen.insert(c.name);
                all.append(c);
            }
        }
    }
    const bool packed = !schema.isEmpty() && schema.last().name == u"pack_"
                        && schema.last().type == T::Dynamic
                        && node.option(QStringLiteral("project")) != u"list";
    const qsizetype shown = packed ? schema.size() - 1 : schema.size();
    bool ingest = !rels.isEmpty();
    for (const Rel &rel : std::as_const(rels))
        ingest = ingest && rel.ingest;
    QStringList branches;
    for (qsizetype t = 0; t < rels.size(); ++t) {
        const Rel &rel = rels[t];
        QHash<QString, T> has;
        for (const Column &c : rel.schema)
            has.insert(c.name, c.type);
        QStringList widened;
        for (const Column &c : std::as_const(all))
            widened.append((has.contains(c.name) ? quote(c.name) : nullOf(c.type))
                           + QStringLiteral(" AS ") + quote(c.name));
        if (ingest)
            widened.append(QStringLiteral("\"_vigil_ingested\""));
        const QString wide = addCte(QStringLiteral("SELECT %1 FROM %2")
                                            .arg(widened.join(QLatin1String(", ")), rel.cte));
        Env env;
        env.row = &all;
        QStringList cells = {param(tables.kid(t)->text) + QStringLiteral(" AS ")
                             + quote(schema.first().name)};
        QSet<QString> inResult;
        for (qsizetype c = 1; c < shown; ++c) {
            const Column &out = schema[c];
            inResult.insert(out.name);
            QString value = nullOf(out.type);
            if (has.contains(out.name) && out.type == T::Dynamic && has[out.name] != T::Dynamic) {
                // A common column whose types differ between the tables is dynamic.
                Node column;
                column.kind = NodeKind::Name;
                column.text = out.name;
                column.type = has[out.name];
                value = asAny(column, env);
            } else if (has.contains(out.name)) {
                value = quote(out.name);
            }
            cells.append(value + QStringLiteral(" AS ") + quote(out.name));
        }
        if (packed) {
            RowSchema rest;
            for (const Column &c : rel.schema) {
                if (!inResult.contains(c.name))
                    rest.append(c);
            }
            cells.append(packColumns(rest, env) + QStringLiteral(" AS ")
                         + quote(QStringLiteral("pack_")));
        }
        if (ingest)
            cells.append(QStringLiteral("\"_vigil_ingested\""));
        branches.append(
                QStringLiteral("SELECT %1 FROM %2 WHERE %3")
                        .arg(cells.join(QLatin1String(", ")), wide, expr(predicate, env, true)));
    }
    Rel out;
    out.schema = schema;
    out.ingest = ingest;
    if (branches.isEmpty()) {
        QStringList cells;
        for (const Column &c : schema)
            cells.append(QStringLiteral("NULL AS ") + quote(c.name));
        branches.append(QStringLiteral("SELECT %1 WHERE 0").arg(cells.join(QLatin1String(", "))));
    }
    out.cte = addCte(branches.join(QLatin1String(" UNION ALL ")));
    return out;
}

} // namespace Vigil::Kql
