// Series and window functions (unit U15 of reference/kql.md): the running state of row_number()
// and row_cumsum() with restart, and the arrays make-series builds.
#include "kqlsqlitesupport.h"
#include "kqltime.h"

#include <cmath>
#include <limits>
#include <vector>

namespace Vigil::KqlSqlite {

namespace {

/** Kusto's make-series page: arrays hold at most 2^20 values; more is an error. */
constexpr qint64 MaxSeriesBins = 1 << 20;

template<typename State>
State *windowState(sqlite3_context *ctx, bool create)
{
    auto **slot
            = static_cast<State **>(sqlite3_aggregate_context(ctx, create ? sizeof(State *) : 0));
    if (!slot)
        return nullptr;
    if (!*slot && create)
        *slot = new State;
    return *slot;
}

template<typename State>
void windowFinal(sqlite3_context *ctx, void (*value)(sqlite3_context *))
{
    value(ctx);
    auto **slot = static_cast<State **>(sqlite3_aggregate_context(ctx, 0));
    if (slot && *slot) {
        delete *slot;
        *slot = nullptr;
    }
}

bool truthy(sqlite3_value *v)
{
    return !isNull(v) && sqlite3_value_int64(v) != 0;
}

void noInverse(sqlite3_context *ctx, int, sqlite3_value **)
{
    // The compiler frames these from the first row: SQLite never removes a row from them.
    sqlite3_result_error(ctx, "a running KQL window cannot drop rows", -1);
}

// ---- row_number(start, restart)

struct RowNumberState
{
    bool started = false;
    qint64 number = 0;
};

void rowNumberStep(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    auto *s = windowState<RowNumberState>(ctx, true);
    if (!s)
        return sqlite3_result_error_nomem(ctx);
    const qint64 start = longArg(argv[0]).value_or(1);
    if (!s->started || truthy(argv[1])) {
        s->started = true;
        s->number = start;
    } else {
        s->number = qint64(quint64(s->number) + 1);
    }
}

void rowNumberValue(sqlite3_context *ctx)
{
    const auto *s = windowState<RowNumberState>(ctx, false);
    if (s && s->started)
        sqlite3_result_int64(ctx, s->number);
    else
        sqlite3_result_null(ctx);
}

void rowNumberFinal(sqlite3_context *ctx)
{
    windowFinal<RowNumberState>(ctx, rowNumberValue);
}

// ---- row_cumsum(term, restart)

struct CumSumState
{
    bool any = false; ///< a value was added since the last restart
    bool real = false;
    qint64 integer = 0;
    double sum = 0;
};

void cumSumStep(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    auto *s = windowState<CumSumState>(ctx, true);
    if (!s)
        return sqlite3_result_error_nomem(ctx);
    if (truthy(argv[1]))
        *s = CumSumState();
    sqlite3_value *term = argv[0];
    switch (sqlite3_value_type(term)) {
    case SQLITE_INTEGER:
        // longs wrap, as Kusto's arithmetic does
        s->integer = qint64(quint64(s->integer) + quint64(sqlite3_value_int64(term)));
        s->sum += double(sqlite3_value_int64(term));
        s->any = true;
        break;
    case SQLITE_FLOAT:
        s->real = true;
        s->sum += sqlite3_value_double(term);
        s->any = true;
        break;
    default:
        break; // a null adds nothing
    }
}

void cumSumValue(sqlite3_context *ctx)
{
    const auto *s = windowState<CumSumState>(ctx, false);
    if (!s || !s->any)
        sqlite3_result_null(ctx);
    else if (s->real)
        resultReal(ctx, s->sum);
    else
        sqlite3_result_int64(ctx, s->integer);
}

void cumSumFinal(sqlite3_context *ctx)
{
    windowFinal<CumSumState>(ctx, cumSumValue);
}

// ---- make-series: kql_series_fill(bins, index, value, default) and kql_series_axis(...)

struct SeriesState
{
    KqlJson array;
    bool ok = false;
};

void seriesFillStep(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    auto *s = windowState<SeriesState>(ctx, true);
    if (!s)
        return sqlite3_result_error_nomem(ctx);
    if (!s->ok) {
        const qint64 bins = longArg(argv[0]).value_or(0);
        if (bins > MaxSeriesBins)
            return sqlite3_result_error(ctx, "make-series: too many bins", -1);
        s->array = KqlJson::array();
        s->array.items.assign(size_t(std::max<qint64>(bins, 0)), anyArg(argv[3]));
        s->ok = true;
    }
    const auto index = longArg(argv[1]);
    if (index && *index >= 0 && size_t(*index) < s->array.items.size())
        s->array.items[size_t(*index)] = anyArg(argv[2]);
}

void seriesFillFinal(sqlite3_context *ctx)
{
    auto **slot = static_cast<SeriesState **>(sqlite3_aggregate_context(ctx, 0));
    if (!slot || !*slot) {
        resultJson(ctx, KqlJson::array());
        return;
    }
    resultJson(ctx, (*slot)->array);
    delete *slot;
    *slot = nullptr;
}

/** kql_series_axis(start, step, bins, kind): the axis values; kind 0 number, 1 datetime. */
void seriesAxisFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const qint64 bins = longArg(argv[2]).value_or(0);
    if (bins > MaxSeriesBins)
        return sqlite3_result_error(ctx, "make-series: too many bins", -1);
    const qint64 kind = longArg(argv[3]).value_or(0);
    KqlJson axis = KqlJson::array();
    const bool real = sqlite3_value_type(argv[0]) == SQLITE_FLOAT
                      || sqlite3_value_type(argv[1]) == SQLITE_FLOAT;
    for (qint64 i = 0; i < bins; ++i) {
        if (real) {
            axis.items.push_back(KqlJson::fromReal(realArg(argv[0]).value_or(0)
                                                   + double(i) * realArg(argv[1]).value_or(0)));
            continue;
        }
        const qint64 value = qint64(quint64(longArg(argv[0]).value_or(0))
                                    + quint64(i) * quint64(longArg(argv[1]).value_or(0)));
        if (kind == 1)
            axis.items.push_back(KqlTime::isValidDateTime(value) ? KqlJson::fromString(
                                         KqlTime::formatDateTime(value).toStdString())
                                                                 : KqlJson::null());
        else if (kind == 2)
            axis.items.push_back(KqlJson::fromString(KqlTime::formatTimeSpan(value).toStdString()));
        else
            axis.items.push_back(KqlJson::fromLong(value));
    }
    resultJson(ctx, axis);
}

bool isReal(sqlite3_value *v)
{
    return sqlite3_value_type(v) == SQLITE_FLOAT;
}

/** floor(a / b) for integers (C++ division truncates toward zero). */
qint64 floorDivide(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

/** kql_series_start(min, step): the bin the smallest axis value falls in, as bin() gives it. */
void seriesStartFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    if (isNull(argv[0]) || isNull(argv[1]))
        return sqlite3_result_null(ctx);
    if (isReal(argv[0]) || isReal(argv[1])) {
        const double step = realArg(argv[1]).value_or(0);
        if (!(step > 0))
            return sqlite3_result_error(ctx, "the step of make-series must be positive", -1);
        const double v = realArg(argv[0]).value_or(0);
        return resultReal(ctx, std::floor(v / step) * step);
    }
    const qint64 step = longArg(argv[1]).value_or(0);
    if (step <= 0)
        return sqlite3_result_error(ctx, "the step of make-series must be positive", -1);
    sqlite3_result_int64(ctx, floorDivide(longArg(argv[0]).value_or(0), step) * step);
}

/** kql_series_index(axis, start, step): the bin of an axis value, or null. */
void seriesIndexFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    if (isNull(argv[0]) || isNull(argv[1]) || isNull(argv[2]))
        return sqlite3_result_null(ctx);
    if (isReal(argv[0]) || isReal(argv[1]) || isReal(argv[2])) {
        const double step = realArg(argv[2]).value_or(0);
        if (!(step > 0))
            return sqlite3_result_error(ctx, "the step of make-series must be positive", -1);
        const double index
                = std::floor((realArg(argv[0]).value_or(0) - realArg(argv[1]).value_or(0)) / step);
        if (!std::isfinite(index) || std::fabs(index) > 9e18)
            return sqlite3_result_null(ctx);
        return sqlite3_result_int64(ctx, qint64(index));
    }
    const qint64 step = longArg(argv[2]).value_or(0);
    if (step <= 0)
        return sqlite3_result_error(ctx, "the step of make-series must be positive", -1);
    const qint64 a = longArg(argv[0]).value_or(0);
    const qint64 b = longArg(argv[1]).value_or(0);
    if ((b > 0 && a < std::numeric_limits<qint64>::min() + b)
        || (b < 0 && a > std::numeric_limits<qint64>::max() + b))
        return sqlite3_result_null(ctx);
    sqlite3_result_int64(ctx, floorDivide(a - b, step));
}

/**
 * kql_series_bins(start, end, step, last): how many bins the axis has. With last = 0, end is
 * make-series's `to` (excluded); with last = 1, end is the largest axis value (its bin included).
 */
void seriesBinsFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    if (isNull(argv[0]) || isNull(argv[1]) || isNull(argv[2]))
        return sqlite3_result_int64(ctx, 0);
    const bool last = longArg(argv[3]).value_or(0) != 0;
    double bins = 0;
    if (isReal(argv[0]) || isReal(argv[1]) || isReal(argv[2])) {
        const double step = realArg(argv[2]).value_or(0);
        if (!(step > 0))
            return sqlite3_result_error(ctx, "the step of make-series must be positive", -1);
        const double span = realArg(argv[1]).value_or(0) - realArg(argv[0]).value_or(0);
        bins = last ? std::floor(span / step) + 1 : std::ceil(span / step);
    } else {
        const qint64 step = longArg(argv[2]).value_or(0);
        if (step <= 0)
            return sqlite3_result_error(ctx, "the step of make-series must be positive", -1);
        const double span
                = double(longArg(argv[1]).value_or(0)) - double(longArg(argv[0]).value_or(0));
        if (std::fabs(span) < 9e15) {
            const qint64 s = longArg(argv[1]).value_or(0) - longArg(argv[0]).value_or(0);
            bins = double(last ? floorDivide(s, step) + 1 : -floorDivide(-s, step));
        } else {
            bins = last ? std::floor(span / double(step)) + 1 : std::ceil(span / double(step));
        }
    }
    if (!(bins > 0))
        return sqlite3_result_int64(ctx, 0);
    if (bins > double(MaxSeriesBins)) {
        const std::string message = "make-series would make " + kqlFormatReal(bins)
                                    + " bins; at most " + std::to_string(MaxSeriesBins)
                                    + " are allowed (a larger step makes fewer)";
        return sqlite3_result_error(ctx, message.c_str(), -1);
    }
    sqlite3_result_int64(ctx, qint64(bins));
}

/**
 * kql_series_stats(series, ignore_nonfinite, field): one of series_stats()'s columns (0 min,
 * 1 min_idx, 2 max, 3 max_idx, 4 avg, 5 stdev, 6 variance; sample stdev and variance). Kusto's
 * page: with ignore_nonfinite false, an element that is not a finite number makes them null.
 */
void seriesStatsFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const KqlJson series = dynamicArg(argv[0]);
    const bool ignore = longArg(argv[1]).value_or(0) != 0;
    const qint64 field = longArg(argv[2]).value_or(-1);
    if (!series.isArray())
        return sqlite3_result_null(ctx);
    double min = 0;
    double max = 0;
    qint64 minIndex = -1;
    qint64 maxIndex = -1;
    double sum = 0;
    qint64 n = 0;
    std::vector<double> values;
    for (size_t i = 0; i < series.items.size(); ++i) {
        const KqlJson &item = series.items[i];
        const bool number = item.kind == KqlJson::Kind::Long || item.kind == KqlJson::Kind::Real;
        const double v = item.kind == KqlJson::Kind::Long ? double(item.integer) : item.real;
        if (!number || !std::isfinite(v)) {
            if (ignore)
                continue;
            return sqlite3_result_null(ctx);
        }
        if (minIndex < 0 || v < min) {
            min = v;
            minIndex = qint64(i);
        }
        if (maxIndex < 0 || v > max) {
            max = v;
            maxIndex = qint64(i);
        }
        sum += v;
        ++n;
        values.push_back(v);
    }
    if (n == 0)
        return sqlite3_result_null(ctx);
    const double avg = sum / double(n);
    double squares = 0;
    for (const double v : values)
        squares += (v - avg) * (v - avg);
    const double variance = n > 1 ? squares / double(n - 1) : 0.0;
    switch (field) {
    case 0:
        return resultReal(ctx, min);
    case 1:
        return sqlite3_result_int64(ctx, minIndex);
    case 2:
        return resultReal(ctx, max);
    case 3:
        return sqlite3_result_int64(ctx, maxIndex);
    case 4:
        return resultReal(ctx, avg);
    case 5:
        return resultReal(ctx, std::sqrt(variance));
    case 6:
        return resultReal(ctx, variance);
    default:
        return sqlite3_result_null(ctx);
    }
}

} // namespace

int registerSeriesFunctions(sqlite3 *db, Context *c)
{
    const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS | SQLITE_SUBTYPE;
    int rc = sqlite3_create_window_function(db, "kql_row_number", 2, flags, c, rowNumberStep,
                                            rowNumberFinal, rowNumberValue, noInverse, nullptr);
    if (rc == SQLITE_OK)
        rc = sqlite3_create_window_function(db, "kql_row_cumsum", 2, flags, c, cumSumStep,
                                            cumSumFinal, cumSumValue, noInverse, nullptr);
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function_v2(db, "kql_series_fill", 4, flags, c, nullptr, seriesFillStep,
                                        seriesFillFinal, nullptr);
    if (rc == SQLITE_OK)
        rc = addScalar(db, c, "kql_series_axis", 4, seriesAxisFn);
    if (rc == SQLITE_OK)
        rc = addScalar(db, c, "kql_series_start", 2, seriesStartFn);
    if (rc == SQLITE_OK)
        rc = addScalar(db, c, "kql_series_index", 3, seriesIndexFn);
    if (rc == SQLITE_OK)
        rc = addScalar(db, c, "kql_series_bins", 4, seriesBinsFn);
    if (rc == SQLITE_OK)
        rc = addScalar(db, c, "kql_series_stats", 3, seriesStatsFn);
    return rc;
}

} // namespace Vigil::KqlSqlite
