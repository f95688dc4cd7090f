#pragma once

#include <QString>
#include <QStringView>

#include <optional>

/**
 * KQL's datetime and timespan values as Kusto keeps them: 100-ns ticks (a datetime counts them
 * from 0001-01-01T00:00:00Z, as .NET does), the text forms Kusto accepts in datetime(),
 * todatetime(), timespan literals and totimespan(), and the text forms Kusto prints.
 *
 * Pure functions over values; any thread. Shared by the front end (literals) and the SQLite
 * runtime (functions), which is why it sits beside both.
 */
namespace Vigil::KqlTime {

constexpr qint64 TicksPerMicrosecond = 10;
constexpr qint64 TicksPerMillisecond = 10'000;
constexpr qint64 TicksPerSecond = 10'000'000;
constexpr qint64 TicksPerMinute = 60 * TicksPerSecond;
constexpr qint64 TicksPerHour = 60 * TicksPerMinute;
constexpr qint64 TicksPerDay = 24 * TicksPerHour;
/** 1970-01-01T00:00:00Z. */
constexpr qint64 UnixEpochTicks = 621'355'968'000'000'000;
/** 9999-12-31T23:59:59.9999999Z, the last datetime Kusto holds. */
constexpr qint64 MaxDateTimeTicks = 3'155'378'975'999'999'999;

/** @brief A datetime broken into its calendar fields (proleptic Gregorian, UTC). Value type. */
struct CivilTime
{
    int year = 1;
    int month = 1;
    int day = 1;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int fraction = 0; ///< ticks within the second, 0..9'999'999
};

/** Days since 0001-01-01 of a calendar date (no range check; month 1..12). */
qint64 daysFromCivil(int year, int month, int day);
/** The ticks of a calendar time, or nullopt when a field is out of range. */
std::optional<qint64> ticksFromCivil(const CivilTime &time);
/** The calendar fields of a datetime (ticks must lie in 0..MaxDateTimeTicks). */
CivilTime civilFromTicks(qint64 ticks);
int daysInMonth(int year, int month);
bool isValidDateTime(qint64 ticks);

/** Which of the forms parseDateTime() accepts a text was written in. */
enum class DateTimeForm {
    Iso, ///< yyyy-M-d[(T| )H:mm[:ss[.f]]][zone]
    Rfc, ///< RFC 822 or RFC 850, with the month's name
    /** A numeric date that is not ISO 8601: M/d/yyyy or M-d-yyyy (month first, as .NET's
     *  invariant culture reads it, and as Microsoft's todatetime() page writes '12-02-2022'),
     *  or yyyy/M/d; then an optional time, with AM/PM or not. */
    Numeric,
};

/**
 * Parses the text of datetime(...) or todatetime(): ISO 8601 (T or space, up to 7 fraction
 * digits, Z or ±hh:mm offsets, date only, minutes only), RFC 822 and RFC 850 forms (with or
 * without weekday, seconds and zone), the sortable forms, and the numeric dates of
 * DateTimeForm::Numeric. Leading and trailing blanks are ignored. nullopt when the text is none
 * of them or the date does not exist. `form`, when given, says which form it was.
 */
std::optional<qint64> parseDateTime(QStringView text, DateTimeForm *form = nullptr);
/** How Kusto prints a datetime: 2024-01-02T03:04:05.1234567Z (always 7 fraction digits). */
QString formatDateTime(qint64 ticks);

/**
 * Parses a timespan: a literal with a unit (2d, 1.5h, 30m, 10s, 100ms, 5microsecond, 1tick,
 * "15 seconds", negative), the .NET form [-][d.]hh:mm[:ss[.fffffff]], or a bare number of days.
 * nullopt when it is none of them or overflows.
 */
std::optional<qint64> parseTimeSpan(QStringView text);
/** How Kusto prints a timespan: [-][d.]hh:mm:ss[.fffffff] (fraction only when non-zero). */
QString formatTimeSpan(qint64 ticks);

/** format_datetime(): the format elements Kusto documents; nullopt when the format is invalid. */
std::optional<QString> formatDateTimeCustom(qint64 ticks, QStringView format);
/** format_timespan(): the format elements Kusto documents; nullopt when the format is invalid. */
std::optional<QString> formatTimeSpanCustom(qint64 ticks, QStringView format);

/** Floors a datetime to the start of its day, week (Sunday), month or year. */
qint64 startOfDay(qint64 ticks);
qint64 startOfWeek(qint64 ticks);
qint64 startOfMonth(qint64 ticks);
qint64 startOfYear(qint64 ticks);
/** Adds calendar months, clamping the day to the month's last (as .NET AddMonths does). */
std::optional<qint64> addMonths(qint64 ticks, qint64 months);

} // namespace Vigil::KqlTime
