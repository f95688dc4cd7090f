// KQL's aggregates where SQL's differ or do not exist (unit U4 of reference/kql.md). Each keeps a
// C++ state object behind the pointer SQLite's aggregate context holds.
#include "kqlsqlitesupport.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

namespace Vigil::KqlSqlite {

namespace {

template<typename State>
State *stateOf(sqlite3_context *ctx, bool create)
{
    auto **slot
            = static_cast<State **>(sqlite3_aggregate_context(ctx, create ? sizeof(State *) : 0));
    if (!slot)
        return nullptr;
    if (!*slot && create)
        *slot = new State;
    return *slot;
}

/** Takes the state for a final step; the caller deletes it. */
template<typename State>
std::unique_ptr<State> takeState(sqlite3_context *ctx)
{
    auto **slot = static_cast<State **>(sqlite3_aggregate_context(ctx, 0));
    if (!slot || !*slot)
        return nullptr;
    std::unique_ptr<State> state(*slot);
    *slot = nullptr;
    return state;
}

bool truthy(sqlite3_value *v)
{
    return !isNull(v) && sqlite3_value_int64(v) != 0;
}

/** A key that tells values of different storage classes and contents apart. */
std::string distinctKey(sqlite3_value *v)
{
    switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER:
        return 'i' + std::to_string(sqlite3_value_int64(v));
    case SQLITE_FLOAT: {
        const double d = sqlite3_value_double(v);
        if (d == std::floor(d) && std::fabs(d) < 9e18)
            return 'i' + std::to_string(qint64(d));
        return 'r' + kqlFormatReal(d);
    }
    default:
        return 't' + std::string(text(v));
    }
}

struct CountState
{
    qint64 count = 0;
};

void countIfStep(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    auto *s = stateOf<CountState>(ctx, true);
    if (s && truthy(argv[0]))
        ++s->count;
}

void countFinal(sqlite3_context *ctx)
{
    const auto s = takeState<CountState>(ctx);
    sqlite3_result_int64(ctx, s ? s->count : 0);
}

struct DistinctState
{
    std::unordered_set<std::string> seen;
};

/** dcount(x[, accuracy]) and dcountif(x, predicate[, accuracy]): exact distinct non-null count. */
template<bool If>
void dcountStep(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    auto *s = stateOf<DistinctState>(ctx, true);
    if (!s || isNull(argv[0]) || (If && !truthy(argv[1])))
        return;
    s->seen.insert(distinctKey(argv[0]));
}

void dcountFinal(sqlite3_context *ctx)
{
    const auto s = takeState<DistinctState>(ctx);
    sqlite3_result_int64(ctx, s ? qint64(s->seen.size()) : 0);
}

struct SumState
{
    bool any = false;
    bool real = false;
    qint64 integer = 0;
    double sum = 0;
    qint64 count = 0;
};

/** sum/sumif/avgif: longs wrap as Kusto's do; a real turns the sum real. */
template<bool If>
void sumStep(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    auto *s = stateOf<SumState>(ctx, true);
    if (!s || isNull(argv[0]) || (If && !truthy(argv[1])))
        return;
    s->any = true;
    ++s->count;
    if (sqlite3_value_type(argv[0]) == SQLITE_INTEGER && !s->real) {
        s->integer = qint64(quint64(s->integer) + quint64(sqlite3_value_int64(argv[0])));
        return;
    }
    if (!s->real) {
        s->real = true;
        s->sum = double(s->integer);
    }
    s->sum += realArg(argv[0]).value_or(0);
}

void sumFinal(sqlite3_context *ctx)
{
    const auto s = takeState<SumState>(ctx);
    if (!s || !s->any)
        sqlite3_result_null(ctx);
    else if (s->real)
        resultReal(ctx, s->sum);
    else
        sqlite3_result_int64(ctx, s->integer);
}

void avgFinal(sqlite3_context *ctx)
{
    const auto s = takeState<SumState>(ctx);
    if (!s || !s->any)
        sqlite3_result_null(ctx);
    else
        resultReal(ctx, (s->real ? s->sum : double(s->integer)) / double(s->count));
}

/** A kept SQLite value (the best so far of min/max/arg_max, the one of take_any). */
struct PickState
{
    sqlite3_value *key = nullptr;
    sqlite3_value *value = nullptr;
    /** arg_max/arg_min: a row was seen (its value is kept while no key is non-null). */
    bool seen = false;
    ~PickState()
    {
        sqlite3_value_free(key);
        sqlite3_value_free(value);
    }
};

int compareValues(sqlite3_value *a, sqlite3_value *b)
{
    const int ta = sqlite3_value_type(a);
    const int tb = sqlite3_value_type(b);
    if ((ta == SQLITE_INTEGER || ta == SQLITE_FLOAT)
        && (tb == SQLITE_INTEGER || tb == SQLITE_FLOAT)) {
        if (ta == SQLITE_INTEGER && tb == SQLITE_INTEGER) {
            const qint64 x = sqlite3_value_int64(a);
            const qint64 y = sqlite3_value_int64(b);
            return x < y ? -1 : x > y ? 1 : 0;
        }
        const double x = sqlite3_value_double(a);
        const double y = sqlite3_value_double(b);
        return x < y ? -1 : x > y ? 1 : 0;
    }
    if (ta != tb)
        return ta < tb ? -1 : 1;
    return text(a).compare(text(b));
}

/**
 * minif/maxif(x, predicate) and arg_max/arg_min(by, value): the row with the greatest/least
 * non-null key; the first such row wins a tie, so several arg_max calls over the same rows in
 * one query pick the same row. Where every key of the group is null, arg_max/arg_min pick the
 * group's first row (Microsoft's arg_max page: its Banana group, Version null in both rows,
 * gives the first row's Color).
 */
template<bool Max, bool If, bool Arg>
void pickStep(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    auto *s = stateOf<PickState>(ctx, true);
    if (!s || (If && !truthy(argv[1])))
        return;
    const bool first = !s->seen;
    s->seen = true;
    if (isNull(argv[0])) {
        if (Arg && first)
            s->value = sqlite3_value_dup(argv[1]);
        return;
    }
    if (s->key) {
        const int c = compareValues(argv[0], s->key);
        if (Max ? c <= 0 : c >= 0)
            return;
    }
    sqlite3_value_free(s->key);
    s->key = sqlite3_value_dup(argv[0]);
    if (Arg) {
        sqlite3_value_free(s->value);
        s->value = sqlite3_value_dup(argv[1]);
    }
}

template<bool Arg>
void pickFinal(sqlite3_context *ctx)
{
    const auto s = takeState<PickState>(ctx);
    sqlite3_value *v = s ? (Arg ? s->value : s->key) : nullptr;
    if (v)
        sqlite3_result_value(ctx, v);
    else
        sqlite3_result_null(ctx);
}

/** take_any(x) and take_anyif(x, predicate): the first non-null value. */
template<bool If>
void takeAnyStep(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    auto *s = stateOf<PickState>(ctx, true);
    if (!s || s->key || isNull(argv[0]) || (If && !truthy(argv[1])))
        return;
    s->key = sqlite3_value_dup(argv[0]);
}

struct CollectState
{
    KqlJson array = KqlJson::array();
    std::unordered_set<std::string> seen;
    KqlJson bag = KqlJson::object();
    qint64 maxSize = 1048576;
};

enum class Collect { Set, List, Bag };

/** make_set/make_list/make_bag(x[, maxSize]) and their _if forms (x, predicate[, maxSize]). */
template<Collect C, bool If>
void collectStep(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    auto *s = stateOf<CollectState>(ctx, true);
    if (!s)
        return;
    const int sizeArg = If ? 2 : 1;
    if (argc > sizeArg) {
        if (const auto m = longArg(argv[sizeArg]); m && *m > 0)
            s->maxSize = std::min<qint64>(*m, 1048576);
    }
    if (isNull(argv[0]) || (If && !truthy(argv[1])))
        return;
    if (C == Collect::Bag) {
        KqlJson bag = dynamicArg(argv[0]);
        if (!bag.isObject())
            return;
        for (auto &[key, value] : bag.members) {
            if (qint64(s->bag.members.size()) >= s->maxSize)
                break;
            if (!s->bag.member(key))
                s->bag.members.push_back({key, std::move(value)});
        }
        return;
    }
    KqlJson value = anyArg(argv[0]);
    if (C == Collect::List) {
        if (qint64(s->array.items.size()) < s->maxSize)
            s->array.items.push_back(std::move(value));
        return;
    }
    // make_set takes the elements of an array value into the set.
    std::vector<KqlJson> values;
    if (value.isArray())
        values = std::move(value.items);
    else
        values.push_back(std::move(value));
    for (KqlJson &v : values) {
        if (v.isNull() || qint64(s->array.items.size()) >= s->maxSize)
            continue;
        if (s->seen.insert(v.serialize()).second)
            s->array.items.push_back(std::move(v));
    }
}

/** make_list_with_nulls(x): every value, nulls included (Microsoft's page), up to 1,048,576. */
void listWithNullsStep(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    auto *s = stateOf<CollectState>(ctx, true);
    if (s && qint64(s->array.items.size()) < s->maxSize)
        s->array.items.push_back(isNull(argv[0]) ? KqlJson() : anyArg(argv[0]));
}

template<Collect C>
void collectFinal(sqlite3_context *ctx)
{
    const auto s = takeState<CollectState>(ctx);
    if (!s) {
        resultJson(ctx, C == Collect::Bag ? KqlJson::object() : KqlJson::array());
        return;
    }
    resultJson(ctx, C == Collect::Bag ? s->bag : s->array);
}

struct ValuesState
{
    std::vector<double> values;
    std::vector<double> percents;
    bool integral = true;
};

/** percentile(x, p) / percentiles_array(x, p, ...): nearest rank over the exact values. */
template<bool Array>
void percentileStep(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    auto *s = stateOf<ValuesState>(ctx, true);
    if (!s)
        return;
    if (s->percents.empty()) {
        for (int i = 1; i < argc; ++i) {
            if (const auto p = realArg(argv[i]); p && *p >= 0 && *p <= 100)
                s->percents.push_back(*p);
        }
    }
    const auto v = realArg(argv[0]);
    if (!v || isNull(argv[0]) || sqlite3_value_type(argv[0]) == SQLITE_TEXT)
        return;
    s->integral = s->integral && sqlite3_value_type(argv[0]) == SQLITE_INTEGER;
    s->values.push_back(*v);
}

double nearestRank(const std::vector<double> &sorted, double percent)
{
    // The smallest value with at least percent% of the values at or below it.
    const double rank = std::ceil(percent / 100.0 * double(sorted.size()));
    const size_t index = size_t(std::clamp(rank, 1.0, double(sorted.size()))) - 1;
    return sorted[index];
}

template<bool Array>
void percentileFinal(sqlite3_context *ctx)
{
    const auto s = takeState<ValuesState>(ctx);
    if (!s || s->values.empty() || s->percents.empty()) {
        sqlite3_result_null(ctx);
        return;
    }
    std::sort(s->values.begin(), s->values.end());
    if (!Array) {
        const double r = nearestRank(s->values, s->percents.front());
        if (s->integral)
            sqlite3_result_int64(ctx, qint64(r));
        else
            resultReal(ctx, r);
        return;
    }
    KqlJson out = KqlJson::array();
    for (const double p : s->percents) {
        const double r = nearestRank(s->values, p);
        out.items.push_back(s->integral ? KqlJson::fromLong(qint64(r)) : KqlJson::fromReal(r));
    }
    resultJson(ctx, out);
}

struct MomentState
{
    qint64 n = 0;
    double mean = 0;
    double m2 = 0;
};

/** stdev/variance (sample) and stdevp/variancep (population); Welford's running moments. */
template<bool If>
void momentStep(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    auto *s = stateOf<MomentState>(ctx, true);
    const auto v = realArg(argv[0]);
    if (!s || !v || sqlite3_value_type(argv[0]) == SQLITE_TEXT || (If && !truthy(argv[1])))
        return;
    ++s->n;
    const double delta = *v - s->mean;
    s->mean += delta / double(s->n);
    s->m2 += delta * (*v - s->mean);
}

template<bool Sample, bool Root>
void momentFinal(sqlite3_context *ctx)
{
    const auto s = takeState<MomentState>(ctx);
    if (!s || s->n == 0) {
        sqlite3_result_null(ctx);
        return;
    }
    // One value: Kusto's sample variance is 0, not a division by zero.
    const double variance
            = Sample ? (s->n > 1 ? s->m2 / double(s->n - 1) : 0.0) : s->m2 / double(s->n);
    resultReal(ctx, Root ? std::sqrt(variance) : variance);
}

} // namespace

int registerAggregates(sqlite3 *db, Context *c)
{
    using StepFn = void (*)(sqlite3_context *, int, sqlite3_value **);
    using FinalFn = void (*)(sqlite3_context *);
    struct Entry
    {
        const char *name;
        int argc;
        StepFn step;
        FinalFn final;
    };
    static constexpr Entry entries[] = {
            {"kql_countif", 1, countIfStep, countFinal},
            {"kql_dcount", 1, dcountStep<false>, dcountFinal},
            {"kql_dcount", 2, dcountStep<false>, dcountFinal},
            {"kql_dcountif", 2, dcountStep<true>, dcountFinal},
            {"kql_dcountif", 3, dcountStep<true>, dcountFinal},
            {"kql_sum", 1, sumStep<false>, sumFinal},
            {"kql_sumif", 2, sumStep<true>, sumFinal},
            {"kql_avgif", 2, sumStep<true>, avgFinal},
            {"kql_minif", 2, pickStep<false, true, false>, pickFinal<false>},
            {"kql_maxif", 2, pickStep<true, true, false>, pickFinal<false>},
            {"kql_arg_max", 2, pickStep<true, false, true>, pickFinal<true>},
            {"kql_arg_min", 2, pickStep<false, false, true>, pickFinal<true>},
            {"kql_take_any", 1, takeAnyStep<false>, pickFinal<false>},
            {"kql_take_anyif", 2, takeAnyStep<true>, pickFinal<false>},
            {"kql_make_set", 1, collectStep<Collect::Set, false>, collectFinal<Collect::Set>},
            {"kql_make_set", 2, collectStep<Collect::Set, false>, collectFinal<Collect::Set>},
            {"kql_make_set_if", 2, collectStep<Collect::Set, true>, collectFinal<Collect::Set>},
            {"kql_make_set_if", 3, collectStep<Collect::Set, true>, collectFinal<Collect::Set>},
            {"kql_make_list", 1, collectStep<Collect::List, false>, collectFinal<Collect::List>},
            {"kql_make_list", 2, collectStep<Collect::List, false>, collectFinal<Collect::List>},
            {"kql_make_list_if", 2, collectStep<Collect::List, true>, collectFinal<Collect::List>},
            {"kql_make_list_with_nulls", 1, listWithNullsStep, collectFinal<Collect::List>},
            {"kql_make_list_if", 3, collectStep<Collect::List, true>, collectFinal<Collect::List>},
            {"kql_make_bag", 1, collectStep<Collect::Bag, false>, collectFinal<Collect::Bag>},
            {"kql_make_bag", 2, collectStep<Collect::Bag, false>, collectFinal<Collect::Bag>},
            {"kql_make_bag_if", 2, collectStep<Collect::Bag, true>, collectFinal<Collect::Bag>},
            {"kql_make_bag_if", 3, collectStep<Collect::Bag, true>, collectFinal<Collect::Bag>},
            {"kql_percentile", 2, percentileStep<false>, percentileFinal<false>},
            {"kql_percentiles_array", -1, percentileStep<true>, percentileFinal<true>},
            {"kql_stdev", 1, momentStep<false>, momentFinal<true, true>},
            {"kql_stdevif", 2, momentStep<true>, momentFinal<true, true>},
            {"kql_stdevp", 1, momentStep<false>, momentFinal<false, true>},
            {"kql_variance", 1, momentStep<false>, momentFinal<true, false>},
            {"kql_varianceif", 2, momentStep<true>, momentFinal<true, false>},
            {"kql_variancep", 1, momentStep<false>, momentFinal<false, false>},
            {"kql_variancepif", 2, momentStep<true>, momentFinal<false, false>},
    };
    for (const Entry &e : entries) {
        const int rc = sqlite3_create_function_v2(db, e.name, e.argc,
                                                  SQLITE_UTF8 | SQLITE_DETERMINISTIC
                                                          | SQLITE_INNOCUOUS | SQLITE_SUBTYPE,
                                                  c, nullptr, e.step, e.final, nullptr);
        if (rc != SQLITE_OK)
            return rc;
    }
    return SQLITE_OK;
}

} // namespace Vigil::KqlSqlite
