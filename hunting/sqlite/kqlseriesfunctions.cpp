// Series and window functions (unit U15 of reference/kql.md): the running state of row_number()
// and row_cumsum() with restart, the arrays make-series builds, and the series analysis
// functions (line fits, outliers, decomposition).
#include "kqlsqlitesupport.h"
#include "kqltime.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
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

// ---- series analysis: series_fit_line(), series_fit_2lines(), series_outliers(),
// series_decompose() and its anomalies and forecast (Microsoft's pages of each function).

/** An element of a series as a number; nullopt for anything else. */
std::optional<double> elementNumber(const KqlJson &item)
{
    if (item.kind == KqlJson::Kind::Long)
        return double(item.integer);
    if (item.kind == KqlJson::Kind::Real)
        return item.real;
    return std::nullopt;
}

/** The elements of a series as numbers, or nullopt when one is not a finite number. */
std::optional<std::vector<double>> finiteNumbers(const KqlJson &series)
{
    if (!series.isArray())
        return std::nullopt;
    std::vector<double> values;
    values.reserve(series.items.size());
    for (const KqlJson &item : series.items) {
        const std::optional<double> v = elementNumber(item);
        if (!v || !std::isfinite(*v))
            return std::nullopt;
        values.push_back(*v);
    }
    return values;
}

KqlJson realArray(const std::vector<double> &values)
{
    KqlJson array = KqlJson::array();
    array.items.reserve(values.size());
    for (const double v : values)
        array.items.push_back(KqlJson::fromReal(v));
    return array;
}

/**
 * A least-squares line over values[first, last) with x = first + 1, …, last (series_fit_line's
 * page: its example's line_fit starts at slope + interception, so x counts from 1).
 */
struct LineFit
{
    double slope = 0;
    double interception = 0;
    double total = 0; ///< sum of squares about the mean
    double residual = 0; ///< sum of squared residuals
    size_t count = 0;
    bool ok = false; ///< at least two points

    double at(size_t index) const { return slope * double(index + 1) + interception; }
};

LineFit fitLine(const std::vector<double> &values, size_t first, size_t last)
{
    LineFit fit;
    fit.count = last - first;
    if (fit.count < 1)
        return fit;
    const double n = double(fit.count);
    double mx = 0;
    double my = 0;
    for (size_t i = first; i < last; ++i) {
        mx += double(i + 1);
        my += values[i];
    }
    mx /= n;
    my /= n;
    double sxx = 0;
    double sxy = 0;
    for (size_t i = first; i < last; ++i) {
        sxx += (double(i + 1) - mx) * (double(i + 1) - mx);
        sxy += (double(i + 1) - mx) * (values[i] - my);
        fit.total += (values[i] - my) * (values[i] - my);
    }
    fit.slope = sxx > 0 ? sxy / sxx : 0.0;
    fit.interception = my - fit.slope * mx;
    for (size_t i = first; i < last; ++i)
        fit.residual += (values[i] - fit.at(i)) * (values[i] - fit.at(i));
    fit.ok = fit.count >= 2;
    return fit;
}

/**
 * series_fit_line's page, checked against its example (y = 2, 5, 6, 8, …, 30 gives variance
 * 98.628 and rvariance 1.686): variance and rvariance divide by n - 1; rsquare is
 * 1 - residual / total. A constant series has no rsquare (0 / 0): null.
 */
double rsquare(double residual, double total)
{
    return total > 0 ? 1.0 - residual / total : std::nan("");
}

double perPoint(double sum, size_t count)
{
    return count >= 2 ? sum / double(count - 1) : std::nan("");
}

/** The field'th member of a function's result bag (one output column of a tuple assignment):
 *  a real, long or null as itself, anything else as dynamic; null past the end. */
void resultBagMember(sqlite3_context *ctx, const KqlJson &bag, sqlite3_value *fieldArg)
{
    const qint64 field = longArg(fieldArg).value_or(-1);
    if (field < 0 || size_t(field) >= bag.members.size())
        return sqlite3_result_null(ctx);
    const KqlJson &value = bag.members[size_t(field)].second;
    if (value.kind == KqlJson::Kind::Real)
        return resultReal(ctx, value.real);
    if (value.kind == KqlJson::Kind::Long)
        return sqlite3_result_int64(ctx, value.integer);
    if (value.kind == KqlJson::Kind::Null)
        return sqlite3_result_null(ctx);
    resultJson(ctx, value);
}

/** kql_series_fit_line(series, field): 0 rsquare, 1 slope, 2 variance, 3 rvariance,
 * 4 interception, 5 line_fit. */
KqlJson lineFitBag(const std::vector<double> &values, const LineFit &fit)
{
    KqlJson bag = KqlJson::object();
    const auto real
            = [](double v) { return std::isfinite(v) ? KqlJson::fromReal(v) : KqlJson::null(); };
    std::vector<double> line;
    for (size_t i = 0; i < values.size(); ++i)
        line.push_back(fit.at(i));
    bag.members.push_back({"rsquare", real(rsquare(fit.residual, fit.total))});
    bag.members.push_back({"slope", real(fit.slope)});
    bag.members.push_back({"variance", real(perPoint(fit.total, fit.count))});
    bag.members.push_back({"rvariance", real(perPoint(fit.residual, fit.count))});
    bag.members.push_back({"interception", real(fit.interception)});
    bag.members.push_back({"line_fit", realArray(line)});
    return bag;
}

void seriesFitLineFn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const auto values = finiteNumbers(dynamicArg(argv[0]));
    if (!values || values->size() < 2)
        return sqlite3_result_null(ctx);
    const LineFit fit = fitLine(*values, 0, values->size());
    const KqlJson bag = lineFitBag(*values, fit);
    if (argc == 1)
        return resultJson(ctx, bag);
    resultBagMember(ctx, bag, argv[1]);
}

/**
 * series_fit_2lines's page: every split in two parts, a line fitted to each, the split with the
 * largest total r-square wins. Where the page is silent, Vigil reads it so: each part has at
 * least two points; split_idx is the first index of the right part; the total r-square is
 * 1 - (left + right residual sums) / the whole series' sum of squares, rvariance those residual
 * sums over n - 1; both lines use the whole series' x (1, 2, …), so line_fit[i] is
 * slope * (i + 1) + interception on either side; the first of equal splits wins.
 */
KqlJson twoLinesBag(const std::vector<double> &values)
{
    const size_t n = values.size();
    const LineFit whole = fitLine(values, 0, n);
    // Running sums make each split's residual O(1), so a series of 2^20 points stays linear.
    struct Sums
    {
        long double x = 0, y = 0, xx = 0, xy = 0, yy = 0;
    };
    std::vector<Sums> sums(n + 1);
    for (size_t i = 0; i < n; ++i) {
        const long double x = i + 1;
        const long double y = values[i];
        sums[i + 1] = {sums[i].x + x, sums[i].y + y, sums[i].xx + x * x, sums[i].xy + x * y,
                       sums[i].yy + y * y};
    }
    const auto residualOf = [&](size_t first, size_t last) {
        const long double m = last - first;
        const long double x = sums[last].x - sums[first].x;
        const long double y = sums[last].y - sums[first].y;
        const long double sxx = sums[last].xx - sums[first].xx - x * x / m;
        const long double sxy = sums[last].xy - sums[first].xy - x * y / m;
        const long double syy = sums[last].yy - sums[first].yy - y * y / m;
        return std::max<long double>(0, syy - (sxx > 0 ? sxy * sxy / sxx : 0));
    };
    // Splits equal but for the sums' rounding count as equal: the first wins.
    const long double tolerance = 1e-12L * static_cast<long double>(whole.total);
    size_t best = 0;
    long double bestSum = 0;
    for (size_t split = 2; split + 2 <= n; ++split) {
        const long double sum = residualOf(0, split) + residualOf(split, n);
        if (best == 0 || sum < bestSum - tolerance) {
            best = split;
            bestSum = sum;
        }
    }
    const LineFit left = fitLine(values, 0, best);
    const LineFit right = fitLine(values, best, n);
    const double bestResidual = left.residual + right.residual;
    const auto real
            = [](double v) { return std::isfinite(v) ? KqlJson::fromReal(v) : KqlJson::null(); };
    std::vector<double> line;
    for (size_t i = 0; i < n; ++i)
        line.push_back(i < best ? left.at(i) : right.at(i));
    KqlJson bag = KqlJson::object();
    bag.members.push_back({"rsquare", real(rsquare(bestResidual, whole.total))});
    bag.members.push_back({"split_idx", KqlJson::fromLong(qint64(best))});
    bag.members.push_back({"variance", real(perPoint(whole.total, n))});
    bag.members.push_back({"rvariance", real(perPoint(bestResidual, n))});
    bag.members.push_back({"line_fit", realArray(line)});
    for (const auto &[side, fit] : {std::pair<const char *, const LineFit *>("right", &right),
                                    std::pair<const char *, const LineFit *>("left", &left)}) {
        const std::string prefix = std::string(side) + "_";
        bag.members.push_back({prefix + "rsquare", real(rsquare(fit->residual, fit->total))});
        bag.members.push_back({prefix + "slope", real(fit->slope)});
        bag.members.push_back({prefix + "interception", real(fit->interception)});
        bag.members.push_back({prefix + "variance", real(perPoint(fit->total, fit->count))});
        bag.members.push_back({prefix + "rvariance", real(perPoint(fit->residual, fit->count))});
    }
    return bag;
}

/** series_fit_2lines_dynamic's page: the bag has right and left as nested bags. */
KqlJson nestTwoLines(const KqlJson &flat)
{
    KqlJson bag = KqlJson::object();
    KqlJson right = KqlJson::object();
    KqlJson left = KqlJson::object();
    for (const KqlJsonMember &m : flat.members) {
        if (m.first.rfind("right_", 0) == 0)
            right.members.push_back({m.first.substr(6), m.second});
        else if (m.first.rfind("left_", 0) == 0)
            left.members.push_back({m.first.substr(5), m.second});
        else
            bag.members.push_back(m);
    }
    bag.members.push_back({"right", right});
    bag.members.push_back({"left", left});
    return bag;
}

void seriesFit2LinesFn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const auto values = finiteNumbers(dynamicArg(argv[0]));
    if (!values || values->size() < 4)
        return sqlite3_result_null(ctx);
    const KqlJson bag = twoLinesBag(*values);
    if (argc == 1)
        return resultJson(ctx, nestTwoLines(bag));
    resultBagMember(ctx, bag, argv[1]);
}

/**
 * The p-th percentile of sorted values by the nearest-rank definition that Kusto's percentile()
 * page gives (the smallest value with at least p percent of the values at or below it); the
 * series_outliers page names the percentiles but not how they are computed.
 */
double nearestRank(const std::vector<double> &sorted, double p)
{
    const double rank = std::ceil(p / 100.0 * double(sorted.size()));
    const size_t index = rank < 1 ? 0 : std::min(sorted.size(), size_t(rank)) - 1;
    return sorted[index];
}

/**
 * series_outliers's page: Tukey's fences over the [low, high] percentiles (25/75 for tukey,
 * 10/90 or the given ones for ctukey), a score above 1.5 a rise anomaly, below -1.5 a decline.
 * The score is the k of the fence the value sits on: (x - Q_high) / (Q_high - Q_low) above
 * Q_high, (x - Q_low) / (Q_high - Q_low) below Q_low, 0 between them; nulls, values that are
 * not numbers and ignore_val score 0 and take no part in the percentiles.
 */
std::optional<std::vector<double>> outlierScores(const KqlJson &series, bool custom,
                                                 std::optional<double> ignore, double low,
                                                 double high, std::string &error)
{
    if (!series.isArray())
        return std::nullopt;
    if (!custom) {
        low = 25;
        high = 75;
    } else if (!(low >= 2 && low <= 98 && high >= 2 && high <= 98 && low < high)) {
        error = "series_outliers(): min_percentile and max_percentile must be in [2, 98], the "
                "first below the second";
        return std::nullopt;
    }
    std::vector<std::optional<double>> values;
    std::vector<double> sorted;
    for (const KqlJson &item : series.items) {
        const bool number = item.kind == KqlJson::Kind::Long || item.kind == KqlJson::Kind::Real;
        const double v = item.kind == KqlJson::Kind::Long ? double(item.integer) : item.real;
        if (!number || std::isnan(v) || (ignore && v == *ignore)) {
            values.emplace_back();
            continue;
        }
        values.emplace_back(v);
        sorted.push_back(v);
    }
    std::vector<double> scores(values.size(), 0.0);
    if (sorted.empty())
        return scores;
    std::sort(sorted.begin(), sorted.end());
    const double qLow = nearestRank(sorted, low);
    const double qHigh = nearestRank(sorted, high);
    const double range = qHigh - qLow;
    for (size_t i = 0; i < values.size(); ++i) {
        if (!values[i])
            continue;
        const double v = *values[i];
        if (v > qHigh)
            scores[i] = (v - qHigh) / range; // +inf when the range is 0
        else if (v < qLow)
            scores[i] = (v - qLow) / range;
    }
    return scores;
}

bool outlierKind(sqlite3_value *v, bool &custom, std::string &error)
{
    const std::string kind(isNull(v) ? std::string_view("ctukey") : text(v));
    custom = kind == "ctukey";
    if (kind != "ctukey" && kind != "tukey") {
        error = "the kind of outlier test is 'tukey' or 'ctukey', not '" + kind + "'";
        return false;
    }
    return true;
}

/** kql_series_outliers(series, kind, ignore_val, min_percentile, max_percentile) */
void seriesOutliersFn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    bool custom = true;
    std::string error;
    if (argc > 1 && !outlierKind(argv[1], custom, error))
        return sqlite3_result_error(ctx, error.c_str(), -1);
    const std::optional<double> ignore = argc > 2 ? realArg(argv[2]) : std::nullopt;
    const double low = argc > 3 ? realArg(argv[3]).value_or(10) : 10;
    const double high = argc > 4 ? realArg(argv[4]).value_or(90) : 90;
    const auto scores = outlierScores(dynamicArg(argv[0]), custom, ignore, low, high, error);
    if (!error.empty())
        return sqlite3_result_error(ctx, error.c_str(), -1);
    if (!scores)
        return sqlite3_result_null(ctx);
    resultJson(ctx, realArray(*scores));
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

struct Decomposition
{
    std::vector<double> baseline, seasonal, trend, residual;
};

/**
 * series_decompose's page, in its order: the seasonal series (the median of the learning
 * points of the same phase, 0 without a period; a phase without a learning point gets 0);
 * the trend of x - seasonal over the learning points (avg: their average; linefit: a line
 * fitted to them, x counting from 1, carried on over the test points; none: 0); baseline =
 * seasonal + trend; residual = x - baseline. The learning points are all but the last
 * test_points. The median of an even count is the mean of the middle two.
 */
std::optional<Decomposition> decompose(const std::vector<double> &x, qint64 period,
                                       std::string_view trend, qint64 testPoints)
{
    const size_t n = x.size();
    if (testPoints < 0 || size_t(testPoints) >= n)
        return std::nullopt;
    const size_t learn = n - size_t(testPoints);
    Decomposition d;
    d.seasonal.assign(n, 0.0);
    if (period > 0) {
        std::vector<double> phase(size_t(std::min<qint64>(period, qint64(n))), 0.0);
        for (size_t p = 0; p < phase.size(); ++p) {
            std::vector<double> same;
            for (size_t i = p; i < learn; i += size_t(period))
                same.push_back(x[i]);
            phase[p] = same.empty() ? 0.0 : median(same);
        }
        for (size_t i = 0; i < n; ++i)
            d.seasonal[i] = phase[i % size_t(period)];
    }
    std::vector<double> deseasoned(n);
    for (size_t i = 0; i < n; ++i)
        deseasoned[i] = x[i] - d.seasonal[i];
    d.trend.assign(n, 0.0);
    if (trend == "avg") {
        double sum = 0;
        for (size_t i = 0; i < learn; ++i)
            sum += deseasoned[i];
        d.trend.assign(n, sum / double(learn));
    } else if (trend == "linefit") {
        const LineFit fit = fitLine(deseasoned, 0, learn);
        for (size_t i = 0; i < n; ++i)
            d.trend[i] = fit.at(i);
    }
    d.baseline.resize(n);
    d.residual.resize(n);
    for (size_t i = 0; i < n; ++i) {
        d.baseline[i] = d.seasonal[i] + d.trend[i];
        d.residual[i] = x[i] - d.baseline[i];
    }
    return d;
}

/** The period and trend arguments, checked; false with the error set. */
bool decomposeOptions(sqlite3_value *periodArg, sqlite3_value *trendArg, qint64 &period,
                      std::string &trend, std::string &error)
{
    period = longArg(periodArg).value_or(-1);
    if (period < 0) {
        error = "series decomposition: a seasonality of -1 (detect the period) is not supported "
                "by Vigil's local KQL; pass the period: 0 for none or, for example, 24 for a "
                "daily cycle of hourly bins";
        return false;
    }
    trend = isNull(trendArg) ? std::string("avg") : std::string(text(trendArg));
    if (trend != "avg" && trend != "linefit" && trend != "none") {
        error = "the trend of a series decomposition is 'avg', 'linefit' or 'none', not '" + trend
                + "'";
        return false;
    }
    return true;
}

/** kql_series_decompose(series, period, trend, test_points, field): 0 baseline, 1 seasonal,
 * 2 trend, 3 residual. */
void seriesDecomposeFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    qint64 period = 0;
    std::string trend;
    std::string error;
    if (!decomposeOptions(argv[1], argv[2], period, trend, error))
        return sqlite3_result_error(ctx, error.c_str(), -1);
    const auto values = finiteNumbers(dynamicArg(argv[0]));
    if (!values)
        return sqlite3_result_null(ctx);
    const auto d = decompose(*values, period, trend, longArg(argv[3]).value_or(0));
    if (!d)
        return sqlite3_result_null(ctx);
    switch (longArg(argv[4]).value_or(-1)) {
    case 0:
        return resultJson(ctx, realArray(d->baseline));
    case 1:
        return resultJson(ctx, realArray(d->seasonal));
    case 2:
        return resultJson(ctx, realArray(d->trend));
    case 3:
        return resultJson(ctx, realArray(d->residual));
    default:
        return sqlite3_result_null(ctx);
    }
}

/**
 * kql_series_decompose_anomalies(series, threshold, period, trend, test_points, method, field):
 * 0 ad_flag, 1 ad_score, 2 baseline. The page's algorithm: decompose, series_outliers() of the
 * residual with the method's default percentiles, then +1 where the score is above the
 * threshold, -1 where it is below -threshold, else 0.
 */
void seriesDecomposeAnomaliesFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    qint64 period = 0;
    std::string trend;
    std::string error;
    if (!decomposeOptions(argv[2], argv[3], period, trend, error))
        return sqlite3_result_error(ctx, error.c_str(), -1);
    bool custom = true;
    if (!outlierKind(argv[5], custom, error))
        return sqlite3_result_error(ctx, error.c_str(), -1);
    const double threshold = realArg(argv[1]).value_or(1.5);
    const auto values = finiteNumbers(dynamicArg(argv[0]));
    if (!values)
        return sqlite3_result_null(ctx);
    const auto d = decompose(*values, period, trend, longArg(argv[4]).value_or(0));
    if (!d)
        return sqlite3_result_null(ctx);
    const qint64 field = longArg(argv[6]).value_or(-1);
    if (field == 2)
        return resultJson(ctx, realArray(d->baseline));
    const auto scores = outlierScores(realArray(d->residual), custom, std::nullopt, 10, 90, error);
    if (!scores)
        return sqlite3_result_null(ctx);
    if (field == 1)
        return resultJson(ctx, realArray(*scores));
    KqlJson flags = KqlJson::array();
    for (const double s : *scores)
        flags.items.push_back(KqlJson::fromLong(s > threshold ? 1 : s < -threshold ? -1 : 0));
    resultJson(ctx, flags);
}

} // namespace

KqlJson finiteReal(double v)
{
    return std::isfinite(v) ? KqlJson::fromReal(v) : KqlJson();
}

enum class SeriesOp {
    Add,
    Subtract,
    Multiply,
    Divide,
    Pow,
    Greater,
    GreaterEquals,
    Less,
    LessEquals,
    Equals,
    NotEquals,
};

/**
 * series_add(a, b) and the other element-wise operations of Microsoft's series pages: two arrays,
 * or an array and a number (applied to every element). An element that is not a number, or
 * missing because the arrays differ in length, gives null. add, subtract and multiply of two
 * longs give a long (wrapping like a long), the rest a real; the comparisons give bools.
 */
template<SeriesOp Op>
void seriesBinaryFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const KqlJson a = dynamicArg(argv[0]);
    const KqlJson b = dynamicArg(argv[1]);
    if ((!a.isArray() && !a.isNumber()) || (!b.isArray() && !b.isNumber())
        || (!a.isArray() && !b.isArray())) {
        sqlite3_result_null(ctx);
        return;
    }
    const size_t size
            = std::max(a.isArray() ? a.items.size() : 0, b.isArray() ? b.items.size() : 0);
    const auto element = [](const KqlJson &side, size_t i) -> const KqlJson * {
        if (!side.isArray())
            return &side;
        return i < side.items.size() ? &side.items[i] : nullptr;
    };
    KqlJson out = KqlJson::array();
    out.items.reserve(size);
    for (size_t i = 0; i < size; ++i) {
        const KqlJson *x = element(a, i);
        const KqlJson *y = element(b, i);
        const std::optional<double> l = x ? elementNumber(*x) : std::nullopt;
        const std::optional<double> r = y ? elementNumber(*y) : std::nullopt;
        if (!l || !r) {
            out.items.emplace_back();
            continue;
        }
        const bool longs = x->kind == KqlJson::Kind::Long && y->kind == KqlJson::Kind::Long;
        const auto wrap = [](quint64 v) { return KqlJson::fromLong(qint64(v)); };
        switch (Op) {
        case SeriesOp::Add:
            out.items.push_back(longs ? wrap(quint64(x->integer) + quint64(y->integer))
                                      : finiteReal(*l + *r));
            break;
        case SeriesOp::Subtract:
            out.items.push_back(longs ? wrap(quint64(x->integer) - quint64(y->integer))
                                      : finiteReal(*l - *r));
            break;
        case SeriesOp::Multiply:
            out.items.push_back(longs ? wrap(quint64(x->integer) * quint64(y->integer))
                                      : finiteReal(*l * *r));
            break;
        case SeriesOp::Divide:
            out.items.push_back(finiteReal(*l / *r));
            break;
        case SeriesOp::Pow:
            out.items.push_back(finiteReal(std::pow(*l, *r)));
            break;
        case SeriesOp::Greater:
            out.items.push_back(KqlJson::fromBool(*l > *r));
            break;
        case SeriesOp::GreaterEquals:
            out.items.push_back(KqlJson::fromBool(*l >= *r));
            break;
        case SeriesOp::Less:
            out.items.push_back(KqlJson::fromBool(*l < *r));
            break;
        case SeriesOp::LessEquals:
            out.items.push_back(KqlJson::fromBool(*l <= *r));
            break;
        case SeriesOp::Equals:
            out.items.push_back(KqlJson::fromBool(*l == *r));
            break;
        case SeriesOp::NotEquals:
            out.items.push_back(KqlJson::fromBool(*l != *r));
            break;
        }
    }
    resultJson(ctx, out);
}

enum class SeriesFn { Abs, Sign, Floor, Ceiling, Exp, Log, Sin, Cos, Tan, Asin, Acos, Atan };

/**
 * series_abs(a) and the other element-wise functions: null for an element that is not a number
 * (or whose result is not finite); abs and sign keep a long a long (the pages print series_abs's
 * 0 and series_sign's -1, 0, 1 so), floor and ceiling give reals (series_ceiling: [-1.0,1.0,3.0]).
 */
/** The function of one element, as a real. */
double realOf(SeriesFn fn, double v)
{
    switch (fn) {
    case SeriesFn::Floor:
        return std::floor(v);
    case SeriesFn::Ceiling:
        return std::ceil(v);
    case SeriesFn::Exp:
        return std::exp(v);
    case SeriesFn::Log:
        return std::log(v);
    case SeriesFn::Sin:
        return std::sin(v);
    case SeriesFn::Cos:
        return std::cos(v);
    case SeriesFn::Tan:
        return std::tan(v);
    case SeriesFn::Asin:
        return std::asin(v);
    case SeriesFn::Acos:
        return std::acos(v);
    case SeriesFn::Atan:
        return std::atan(v);
    case SeriesFn::Abs:
        return std::fabs(v);
    case SeriesFn::Sign:
        break;
    }
    return v > 0 ? 1 : (v < 0 ? -1 : 0);
}

template<SeriesFn Fn>
void seriesUnaryFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const KqlJson a = dynamicArg(argv[0]);
    if (!a.isArray()) {
        sqlite3_result_null(ctx);
        return;
    }
    KqlJson out = KqlJson::array();
    out.items.reserve(a.items.size());
    for (const KqlJson &item : a.items) {
        const std::optional<double> v = elementNumber(item);
        if (!v) {
            out.items.emplace_back();
            continue;
        }
        // A long keeps its kind under abs and sign; everything else gives a real.
        if (item.kind == KqlJson::Kind::Long && Fn == SeriesFn::Abs)
            out.items.push_back(KqlJson::fromLong(
                    qint64(item.integer < 0 ? 0 - quint64(item.integer) : quint64(item.integer))));
        else if (item.kind == KqlJson::Kind::Long && Fn == SeriesFn::Sign)
            out.items.push_back(KqlJson::fromLong(qint64(realOf(Fn, *v))));
        else
            out.items.push_back(finiteReal(realOf(Fn, *v)));
    }
    resultJson(ctx, out);
}

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
    // One column of series_fit_line() and series_fit_2lines() (series, field), or the bag of
    // series_fit_line_dynamic() and series_fit_2lines_dynamic() (series).
    for (const int argc : {1, 2}) {
        if (rc == SQLITE_OK)
            rc = addScalar(db, c, argc == 1 ? "kql_series_fit_line_dynamic" : "kql_series_fit_line",
                           argc, seriesFitLineFn);
        if (rc == SQLITE_OK)
            rc = addScalar(db, c,
                           argc == 1 ? "kql_series_fit_2lines_dynamic" : "kql_series_fit_2lines",
                           argc, seriesFit2LinesFn);
    }
    if (rc == SQLITE_OK)
        rc = addScalar(db, c, "kql_series_outliers", -1, seriesOutliersFn);
    if (rc == SQLITE_OK)
        rc = addScalar(db, c, "kql_series_decompose", 5, seriesDecomposeFn);
    if (rc == SQLITE_OK)
        rc = addScalar(db, c, "kql_series_decompose_anomalies", 7, seriesDecomposeAnomaliesFn);
    const std::pair<const char *, void (*)(sqlite3_context *, int, sqlite3_value **)> binary[] = {
            {"kql_series_add", seriesBinaryFn<SeriesOp::Add>},
            {"kql_series_subtract", seriesBinaryFn<SeriesOp::Subtract>},
            {"kql_series_multiply", seriesBinaryFn<SeriesOp::Multiply>},
            {"kql_series_divide", seriesBinaryFn<SeriesOp::Divide>},
            {"kql_series_pow", seriesBinaryFn<SeriesOp::Pow>},
            {"kql_series_greater", seriesBinaryFn<SeriesOp::Greater>},
            {"kql_series_greater_equals", seriesBinaryFn<SeriesOp::GreaterEquals>},
            {"kql_series_less", seriesBinaryFn<SeriesOp::Less>},
            {"kql_series_less_equals", seriesBinaryFn<SeriesOp::LessEquals>},
            {"kql_series_equals", seriesBinaryFn<SeriesOp::Equals>},
            {"kql_series_not_equals", seriesBinaryFn<SeriesOp::NotEquals>},
    };
    for (const auto &[name, fn] : binary) {
        if (rc == SQLITE_OK)
            rc = addScalar(db, c, name, 2, fn);
    }
    const std::pair<const char *, void (*)(sqlite3_context *, int, sqlite3_value **)> unary[] = {
            {"kql_series_abs", seriesUnaryFn<SeriesFn::Abs>},
            {"kql_series_sign", seriesUnaryFn<SeriesFn::Sign>},
            {"kql_series_floor", seriesUnaryFn<SeriesFn::Floor>},
            {"kql_series_ceiling", seriesUnaryFn<SeriesFn::Ceiling>},
            {"kql_series_exp", seriesUnaryFn<SeriesFn::Exp>},
            {"kql_series_log", seriesUnaryFn<SeriesFn::Log>},
            {"kql_series_sin", seriesUnaryFn<SeriesFn::Sin>},
            {"kql_series_cos", seriesUnaryFn<SeriesFn::Cos>},
            {"kql_series_tan", seriesUnaryFn<SeriesFn::Tan>},
            {"kql_series_asin", seriesUnaryFn<SeriesFn::Asin>},
            {"kql_series_acos", seriesUnaryFn<SeriesFn::Acos>},
            {"kql_series_atan", seriesUnaryFn<SeriesFn::Atan>},
    };
    for (const auto &[name, fn] : unary) {
        if (rc == SQLITE_OK)
            rc = addScalar(db, c, name, 1, fn);
    }
    return rc;
}

} // namespace Vigil::KqlSqlite
