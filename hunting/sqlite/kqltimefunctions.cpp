// KQL's datetime and timespan functions (unit U2 of reference/kql.md). Datetimes and timespans
// are INTEGER ticks (core/huntingschema.h); a result outside 0001..9999 is null, as in Kusto.
#include "kqlsqlitesupport.h"
#include "kqltime.h"

#include <QDateTime>
#include <QHash>
#include <QString>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace Vigil::KqlSqlite {

namespace {

using namespace KqlTime;

__extension__ typedef __int128 Int128;

std::optional<qint64> ticksArg(sqlite3_value *v)
{
    if (sqlite3_value_type(v) != SQLITE_INTEGER)
        return std::nullopt;
    return sqlite3_value_int64(v);
}

void resultDateTime(sqlite3_context *ctx, std::optional<qint64> ticks)
{
    if (ticks && isValidDateTime(*ticks))
        sqlite3_result_int64(ctx, *ticks);
    else
        sqlite3_result_null(ctx);
}

void nowFn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    qint64 offset = 0;
    if (argc > 0) {
        const auto o = ticksArg(argv[0]);
        if (!o) {
            sqlite3_result_null(ctx);
            return;
        }
        offset = *o;
    }
    resultDateTime(ctx, context(ctx)->nowTicks + offset);
}

void agoFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const auto span = ticksArg(argv[0]);
    resultDateTime(ctx, span ? std::optional(context(ctx)->nowTicks - *span) : std::nullopt);
}

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

/** bin(value, size) on long, real, datetime and timespan: floor to a multiple of size. */
void binFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    if (isNull(argv[0]) || isNull(argv[1])) {
        sqlite3_result_null(ctx);
        return;
    }
    if (sqlite3_value_type(argv[0]) == SQLITE_INTEGER
        && sqlite3_value_type(argv[1]) == SQLITE_INTEGER) {
        const qint64 v = sqlite3_value_int64(argv[0]);
        const qint64 size = sqlite3_value_int64(argv[1]);
        if (size <= 0) {
            sqlite3_result_null(ctx);
            return;
        }
        const Int128 bin = Int128(floorDiv(v, size)) * size;
        if (bin < Int128(std::numeric_limits<qint64>::min()))
            sqlite3_result_null(ctx);
        else
            sqlite3_result_int64(ctx, qint64(bin));
        return;
    }
    const auto v = realArg(argv[0]);
    const auto size = realArg(argv[1]);
    if (!v || !size || !(*size > 0)) {
        sqlite3_result_null(ctx);
        return;
    }
    resultReal(ctx, std::floor(*v / *size) * *size);
}

void binAtFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    if (isNull(argv[0]) || isNull(argv[1]) || isNull(argv[2])) {
        sqlite3_result_null(ctx);
        return;
    }
    if (sqlite3_value_type(argv[0]) == SQLITE_INTEGER
        && sqlite3_value_type(argv[1]) == SQLITE_INTEGER
        && sqlite3_value_type(argv[2]) == SQLITE_INTEGER) {
        const qint64 v = sqlite3_value_int64(argv[0]);
        const qint64 size = sqlite3_value_int64(argv[1]);
        const qint64 at = sqlite3_value_int64(argv[2]);
        if (size <= 0) {
            sqlite3_result_null(ctx);
            return;
        }
        const Int128 bin = Int128(floorDiv(qint64(quint64(v) - quint64(at)), size)) * size + at;
        if (bin < Int128(std::numeric_limits<qint64>::min())
            || bin > Int128(std::numeric_limits<qint64>::max()))
            sqlite3_result_null(ctx);
        else
            sqlite3_result_int64(ctx, qint64(bin));
        return;
    }
    const auto v = realArg(argv[0]);
    const auto size = realArg(argv[1]);
    const auto at = realArg(argv[2]);
    if (!v || !size || !at || !(*size > 0)) {
        sqlite3_result_null(ctx);
        return;
    }
    resultReal(ctx, std::floor((*v - *at) / *size) * *size + *at);
}

enum class Unit { Day, Week, Month, Year };

std::optional<qint64> shiftStart(Unit unit, qint64 ticks, qint64 offset)
{
    switch (unit) {
    case Unit::Day:
        return startOfDay(ticks) + offset * TicksPerDay;
    case Unit::Week:
        return startOfWeek(ticks) + offset * 7 * TicksPerDay;
    case Unit::Month:
        return addMonths(startOfMonth(ticks), offset);
    case Unit::Year:
        return addMonths(startOfYear(ticks), offset * 12);
    }
    return std::nullopt;
}

/** startofX(date[, offset]) and endofX(date[, offset]) (the last tick of the period). */
template<Unit U, bool End>
void periodFn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const auto t = ticksArg(argv[0]);
    const auto offset = argc > 1 ? longArg(argv[1]) : std::optional<qint64>(0);
    if (!t || !offset || !isValidDateTime(*t) || std::llabs(*offset) > 4'000'000) {
        sqlite3_result_null(ctx);
        return;
    }
    auto start = shiftStart(U, *t, *offset + (End ? 1 : 0));
    if (End && start)
        *start -= 1;
    resultDateTime(ctx, start);
}

int isoWeek(qint64 ticks)
{
    const CivilTime t = civilFromTicks(ticks);
    const qint64 days = ticks / TicksPerDay;
    const int weekday = int((days % 7) + 1); // 1 = Monday (0001-01-01 was a Monday)
    const int dayOfYear = int(days - daysFromCivil(t.year, 1, 1)) + 1;
    int week = (dayOfYear - weekday + 10) / 7;
    if (week < 1) {
        const int prev = t.year - 1;
        const bool longYear = [&] {
            const int jan1 = int((daysFromCivil(prev, 1, 1) % 7) + 1);
            const bool leap = (prev % 4 == 0 && prev % 100 != 0) || prev % 400 == 0;
            return jan1 == 4 || (leap && jan1 == 3);
        }();
        return longYear ? 53 : 52;
    }
    const int jan1 = int((daysFromCivil(t.year, 1, 1) % 7) + 1);
    const bool leap = (t.year % 4 == 0 && t.year % 100 != 0) || t.year % 400 == 0;
    const bool longYear = jan1 == 4 || (leap && jan1 == 3);
    if (week == 53 && !longYear)
        return 1;
    return week;
}

std::optional<qint64> partOf(const QString &part, qint64 ticks)
{
    const CivilTime t = civilFromTicks(ticks);
    if (part == u"year")
        return t.year;
    if (part == u"quarter")
        return (t.month - 1) / 3 + 1;
    if (part == u"month")
        return t.month;
    if (part == u"week_of_year" || part == u"weekofyear" || part == u"week")
        return isoWeek(ticks);
    if (part == u"day")
        return t.day;
    if (part == u"dayofyear")
        return ticks / TicksPerDay - daysFromCivil(t.year, 1, 1) + 1;
    if (part == u"hour")
        return t.hour;
    if (part == u"minute")
        return t.minute;
    if (part == u"second")
        return t.second;
    if (part == u"millisecond")
        return t.fraction / TicksPerMillisecond;
    if (part == u"microsecond")
        return t.fraction / TicksPerMicrosecond;
    if (part == u"nanosecond")
        return qint64(t.fraction) * 100;
    return std::nullopt;
}

QString partName(sqlite3_value *v)
{
    const std::string_view s = text(v);
    return QString::fromUtf8(s.data(), qsizetype(s.size())).trimmed().toLower();
}

void datetimePartFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const auto t = ticksArg(argv[1]);
    if (!t || !isValidDateTime(*t)) {
        sqlite3_result_null(ctx);
        return;
    }
    const auto value = partOf(partName(argv[0]), *t);
    if (!value) {
        sqlite3_result_error(ctx, "datetime_part: unknown part", -1);
        return;
    }
    sqlite3_result_int64(ctx, *value);
}

/** The length of a fixed-length part in ticks (0 for calendar parts). */
qint64 fixedPart(const QString &part)
{
    if (part == u"week")
        return 7 * TicksPerDay;
    if (part == u"day")
        return TicksPerDay;
    if (part == u"hour")
        return TicksPerHour;
    if (part == u"minute")
        return TicksPerMinute;
    if (part == u"second")
        return TicksPerSecond;
    if (part == u"millisecond")
        return TicksPerMillisecond;
    if (part == u"microsecond")
        return TicksPerMicrosecond;
    return 0;
}

void datetimeAddFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const QString part = partName(argv[0]);
    const auto amount = longArg(argv[1]);
    const auto t = ticksArg(argv[2]);
    if (!amount || !t || !isValidDateTime(*t)) {
        sqlite3_result_null(ctx);
        return;
    }
    if (part == u"year" || part == u"quarter" || part == u"month") {
        const qint64 months = *amount * (part == u"year" ? 12 : part == u"quarter" ? 3 : 1);
        resultDateTime(ctx, addMonths(*t, months));
        return;
    }
    if (part == u"nanosecond") {
        resultDateTime(ctx, *t + *amount / 100);
        return;
    }
    const qint64 unit = fixedPart(part);
    if (unit == 0) {
        sqlite3_result_error(ctx, "datetime_add: unknown part", -1);
        return;
    }
    if (std::llabs(*amount) > MaxDateTimeTicks / unit) {
        sqlite3_result_null(ctx);
        return;
    }
    resultDateTime(ctx, *t + *amount * unit);
}

/** datetime_diff(part, a, b): the number of part boundaries crossed from b to a. */
void datetimeDiffFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const QString part = partName(argv[0]);
    const auto a = ticksArg(argv[1]);
    const auto b = ticksArg(argv[2]);
    if (!a || !b || !isValidDateTime(*a) || !isValidDateTime(*b)) {
        sqlite3_result_null(ctx);
        return;
    }
    const CivilTime x = civilFromTicks(*a);
    const CivilTime y = civilFromTicks(*b);
    if (part == u"year") {
        sqlite3_result_int64(ctx, x.year - y.year);
    } else if (part == u"quarter") {
        sqlite3_result_int64(ctx,
                             (x.year * 4 + (x.month - 1) / 3) - (y.year * 4 + (y.month - 1) / 3));
    } else if (part == u"month") {
        sqlite3_result_int64(ctx, (x.year * 12 + x.month) - (y.year * 12 + y.month));
    } else if (part == u"week") {
        sqlite3_result_int64(ctx, (startOfWeek(*a) - startOfWeek(*b)) / (7 * TicksPerDay));
    } else if (part == u"nanosecond") {
        sqlite3_result_int64(ctx, (*a - *b) * 100);
    } else if (const qint64 unit = fixedPart(part)) {
        sqlite3_result_int64(ctx, *a / unit - *b / unit);
    } else {
        sqlite3_result_error(ctx, "datetime_diff: unknown part", -1);
    }
}

template<typename F>
void onDateTime(sqlite3_context *ctx, sqlite3_value *v, F f)
{
    const auto t = ticksArg(v);
    if (!t || !isValidDateTime(*t))
        sqlite3_result_null(ctx);
    else
        sqlite3_result_int64(ctx, f(*t));
}

void dayOfWeekFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    // A timespan: the days since the last Sunday (0001-01-01 was a Monday).
    onDateTime(ctx, argv[0], [](qint64 t) { return ((t / TicksPerDay + 1) % 7) * TicksPerDay; });
}

void dayOfMonthFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    onDateTime(ctx, argv[0], [](qint64 t) { return qint64(civilFromTicks(t).day); });
}

void dayOfYearFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    onDateTime(ctx, argv[0], [](qint64 t) { return *partOf(QStringLiteral("dayofyear"), t); });
}

void hourOfDayFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    onDateTime(ctx, argv[0], [](qint64 t) { return qint64(civilFromTicks(t).hour); });
}

void monthFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    onDateTime(ctx, argv[0], [](qint64 t) { return qint64(civilFromTicks(t).month); });
}

void yearFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    onDateTime(ctx, argv[0], [](qint64 t) { return qint64(civilFromTicks(t).year); });
}

void weekOfYearFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    onDateTime(ctx, argv[0], [](qint64 t) { return qint64(isoWeek(t)); });
}

QString qtext(sqlite3_value *v)
{
    const std::string_view s = text(v);
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

void formatDateTimeFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const auto t = ticksArg(argv[0]);
    const auto out = t ? formatDateTimeCustom(*t, qtext(argv[1])) : std::nullopt;
    resultText(ctx, out ? out->toStdString() : std::string());
}

void formatTimeSpanFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const auto t = ticksArg(argv[0]);
    const auto out = t ? formatTimeSpanCustom(*t, qtext(argv[1])) : std::nullopt;
    resultText(ctx, out ? out->toStdString() : std::string());
}

void toStringDateTimeFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const auto t = ticksArg(argv[0]);
    resultText(ctx, t && isValidDateTime(*t) ? formatDateTime(*t).toStdString() : std::string());
}

void toStringTimeSpanFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const auto t = ticksArg(argv[0]);
    resultText(ctx, t ? formatTimeSpan(*t).toStdString() : std::string());
}

/** A datetime or timespan as it sits inside a dynamic value: a JSON string (kql_dyn subtype). */
void dateTimeJsonFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const auto t = ticksArg(argv[0]);
    resultJson(ctx, t && isValidDateTime(*t) ? KqlJson::fromString(formatDateTime(*t).toStdString())
                                             : KqlJson::null());
}

void timeSpanJsonFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const auto t = ticksArg(argv[0]);
    resultJson(ctx, t ? KqlJson::fromString(formatTimeSpan(*t).toStdString()) : KqlJson::null());
}

/** todatetime(x): text is parsed; a datetime (INTEGER) stays; a dynamic string is parsed. */
void toDateTimeFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    if (sqlite3_value_type(argv[0]) == SQLITE_INTEGER) {
        resultDateTime(ctx, sqlite3_value_int64(argv[0]));
        return;
    }
    if (sqlite3_value_type(argv[0]) != SQLITE_TEXT) {
        sqlite3_result_null(ctx);
        return;
    }
    const KqlJson j = anyArg(argv[0]);
    resultDateTime(ctx,
                   j.isString() ? parseDateTime(QString::fromStdString(j.text)) : std::nullopt);
}

void toTimeSpanFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    if (sqlite3_value_type(argv[0]) == SQLITE_INTEGER) {
        sqlite3_result_int64(ctx, sqlite3_value_int64(argv[0]));
        return;
    }
    if (sqlite3_value_type(argv[0]) != SQLITE_TEXT) {
        sqlite3_result_null(ctx);
        return;
    }
    const KqlJson j = anyArg(argv[0]);
    const auto t = j.isString() ? parseTimeSpan(QString::fromStdString(j.text)) : std::nullopt;
    if (t)
        sqlite3_result_int64(ctx, *t);
    else
        sqlite3_result_null(ctx);
}

/**
 * make_timespan(hour, minute[, second]) and make_timespan(day, hour, minute, second): null when a
 * part is missing or outside its range (hour 0-23, minute 0-59, second 0 to under 60, a day not
 * negative), as Microsoft's page gives the ranges; the second may have a fraction.
 */
void makeTimeSpanFn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const int first = argc == 4 ? 1 : 0; // where the hour is
    const std::optional<qint64> day = argc == 4 ? longArg(argv[0]) : std::optional<qint64>(0);
    const auto hour = longArg(argv[first]);
    const auto minute = longArg(argv[first + 1]);
    const std::optional<double> second
            = argc > first + 2 ? realArg(argv[first + 2]) : std::optional<double>(0.0);
    if (argc < 2 || argc > 4 || !day || !hour || !minute || !second || *day < 0 || *day > 10675199
        || *hour < 0 || *hour > 23 || *minute < 0 || *minute > 59
        || !(*second >= 0 && *second < 60)) {
        sqlite3_result_null(ctx);
        return;
    }
    const qint64 whole = ((*day * 24 + *hour) * 60 + *minute) * 60;
    qint64 ticks = 0;
    if (__builtin_mul_overflow(whole, TicksPerSecond, &ticks)
        || __builtin_add_overflow(ticks, std::llround(*second * double(TicksPerSecond)),
                                  &ticks)) { // beyond the longest timespan
        sqlite3_result_null(ctx);
        return;
    }
    sqlite3_result_int64(ctx, ticks);
}

/** The time zone of an IANA name (Kusto's timezone page lists those), kept per thread; an
 *  invalid zone for a name the system does not have. */
const QTimeZone &timeZoneNamed(std::string_view name)
{
    thread_local QHash<QByteArray, QTimeZone> zones;
    const QByteArray key(name.data(), qsizetype(name.size()));
    auto it = zones.find(key);
    if (it == zones.end()) {
        if (zones.size() > 1000)
            zones.clear();
        // Names as the tz database writes them (US/Pacific, Etc/GMT+5), never a path.
        const bool plain = !key.isEmpty() && !key.startsWith('/') && !key.contains("..")
                           && std::all_of(key.begin(), key.end(), [](char c) {
                                  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                                         || (c >= '0' && c <= '9') || c == '_' || c == '-'
                                         || c == '+' || c == '/';
                              });
        it = zones.insert(key, plain ? QTimeZone(key) : QTimeZone());
    }
    return *it;
}

/** The zone's offset from UTC, in ticks, at the UTC instant `utc` (ticks). */
qint64 offsetAt(const QTimeZone &zone, qint64 utc)
{
    const qint64 seconds = (utc - UnixEpochTicks) / TicksPerSecond;
    return qint64(zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc())))
           * TicksPerSecond;
}

/**
 * datetime_utc_to_local(utc, zone) and datetime_local_to_utc(local, zone): the wall-clock time
 * of a UTC instant in an IANA zone, and back. A local time the clocks skip (the spring gap)
 * takes the offset after the change, as Microsoft's page shows for Europe/Brussels (02:00 on
 * 2022-03-27 is 00:00 UTC); a local time that happens twice takes the earlier instant. Null for
 * a zone the system does not know.
 */
template<bool ToLocal>
void timeZoneFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const auto ticks = longArg(argv[0]);
    const QTimeZone &zone = timeZoneNamed(text(argv[1]));
    if (!ticks || !zone.isValid() || *ticks < 0 || *ticks > MaxDateTimeTicks) {
        sqlite3_result_null(ctx);
        return;
    }
    qint64 result = 0;
    if (ToLocal) {
        result = *ticks + offsetAt(zone, *ticks);
    } else {
        // The offsets in force a day before and a day after: one of them, or both, agree with
        // the instant they give.
        const qint64 day = TicksPerDay;
        const qint64 before = offsetAt(zone, *ticks - day);
        const qint64 after = offsetAt(zone, *ticks + day);
        const bool beforeFits = offsetAt(zone, *ticks - before) == before;
        const bool afterFits = offsetAt(zone, *ticks - after) == after;
        // Both fit (the autumn hour that happens twice: the earlier instant, the larger
        // offset), or neither (the spring gap: the offset after the change, also the larger).
        if (beforeFits != afterFits)
            result = *ticks - (beforeFits ? before : after);
        else
            result = *ticks - std::max(before, after);
    }
    if (result < 0 || result > MaxDateTimeTicks)
        sqlite3_result_null(ctx);
    else
        sqlite3_result_int64(ctx, result);
}

template<qint64 PerUnitNumerator, qint64 PerUnitDenominator>
void unixTimeFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    if (sqlite3_value_type(argv[0]) == SQLITE_INTEGER) {
        const qint64 v = sqlite3_value_int64(argv[0]);
        const Int128 ticks = Int128(v) * PerUnitNumerator / PerUnitDenominator + UnixEpochTicks;
        resultDateTime(ctx, ticks >= 0 && ticks <= MaxDateTimeTicks ? std::optional(qint64(ticks))
                                                                    : std::nullopt);
        return;
    }
    const auto v = realArg(argv[0]);
    if (!v || !std::isfinite(*v)) {
        sqlite3_result_null(ctx);
        return;
    }
    const double ticks
            = *v * double(PerUnitNumerator) / double(PerUnitDenominator) + double(UnixEpochTicks);
    resultDateTime(ctx, ticks >= 0 && ticks <= double(MaxDateTimeTicks)
                                ? std::optional(qint64(ticks))
                                : std::nullopt);
}

void makeDateTimeFn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    CivilTime t;
    int *fields[] = {&t.year, &t.month, &t.day, &t.hour, &t.minute};
    for (int i = 0; i < std::min(argc, 5); ++i) {
        const auto v = longArg(argv[i]);
        if (!v || *v < -1 || *v > 9999) {
            sqlite3_result_null(ctx);
            return;
        }
        *fields[i] = int(*v);
    }
    if (argc > 5) {
        const auto s = realArg(argv[5]);
        if (!s || !(*s >= 0) || *s >= 60) {
            sqlite3_result_null(ctx);
            return;
        }
        const auto ticks = qint64(std::llround(*s * double(TicksPerSecond)));
        t.second = int(ticks / TicksPerSecond);
        t.fraction = int(ticks % TicksPerSecond);
    }
    resultDateTime(ctx, ticksFromCivil(t));
}

} // namespace

int registerTimeFunctions(sqlite3 *db, Context *c)
{
    struct Entry
    {
        const char *name;
        int argc;
        ScalarFn fn;
        bool deterministic;
    };
    static constexpr Entry entries[] = {
            {"kql_now", 0, nowFn, false},
            {"kql_now", 1, nowFn, false},
            {"kql_ago", 1, agoFn, false},
            {"kql_bin", 2, binFn, true},
            {"kql_floor", 2, binFn, true},
            {"kql_bin_at", 3, binAtFn, true},
            {"kql_startofday", -1, periodFn<Unit::Day, false>, true},
            {"kql_startofweek", -1, periodFn<Unit::Week, false>, true},
            {"kql_startofmonth", -1, periodFn<Unit::Month, false>, true},
            {"kql_startofyear", -1, periodFn<Unit::Year, false>, true},
            {"kql_endofday", -1, periodFn<Unit::Day, true>, true},
            {"kql_endofweek", -1, periodFn<Unit::Week, true>, true},
            {"kql_endofmonth", -1, periodFn<Unit::Month, true>, true},
            {"kql_endofyear", -1, periodFn<Unit::Year, true>, true},
            {"kql_datetime_part", 2, datetimePartFn, true},
            {"kql_datetime_add", 3, datetimeAddFn, true},
            {"kql_datetime_diff", 3, datetimeDiffFn, true},
            {"kql_dayofweek", 1, dayOfWeekFn, true},
            {"kql_dayofmonth", 1, dayOfMonthFn, true},
            {"kql_dayofyear", 1, dayOfYearFn, true},
            {"kql_hourofday", 1, hourOfDayFn, true},
            {"kql_getmonth", 1, monthFn, true},
            {"kql_monthofyear", 1, monthFn, true},
            {"kql_getyear", 1, yearFn, true},
            {"kql_weekofyear", 1, weekOfYearFn, true},
            {"kql_week_of_year", 1, weekOfYearFn, true},
            {"kql_format_datetime", 2, formatDateTimeFn, true},
            {"kql_format_timespan", 2, formatTimeSpanFn, true},
            {"kql_tostring_datetime", 1, toStringDateTimeFn, true},
            {"kql_tostring_timespan", 1, toStringTimeSpanFn, true},
            {"kql_datetime_json", 1, dateTimeJsonFn, true},
            {"kql_timespan_json", 1, timeSpanJsonFn, true},
            {"kql_todatetime", 1, toDateTimeFn, true},
            {"kql_totimespan", 1, toTimeSpanFn, true},
            {"kql_unixtime_seconds_todatetime", 1, unixTimeFn<TicksPerSecond, 1>, true},
            {"kql_datetime_utc_to_local", 2, timeZoneFn<true>, true},
            {"kql_datetime_local_to_utc", 2, timeZoneFn<false>, true},
            {"kql_make_timespan", 2, makeTimeSpanFn, true},
            {"kql_make_timespan", 3, makeTimeSpanFn, true},
            {"kql_make_timespan", 4, makeTimeSpanFn, true},
            {"kql_unixtime_milliseconds_todatetime", 1, unixTimeFn<TicksPerMillisecond, 1>, true},
            {"kql_unixtime_microseconds_todatetime", 1, unixTimeFn<TicksPerMicrosecond, 1>, true},
            {"kql_unixtime_nanoseconds_todatetime", 1, unixTimeFn<1, 100>, true},
            {"kql_make_datetime", -1, makeDateTimeFn, true},
    };
    for (const Entry &e : entries) {
        if (const int rc = addScalar(db, c, e.name, e.argc, e.fn, e.deterministic); rc != SQLITE_OK)
            return rc;
    }
    return SQLITE_OK;
}

} // namespace Vigil::KqlSqlite
