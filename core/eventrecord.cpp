#include "eventrecord.h"

#include <array>
#include <QtEndian>

#include <bit>
#include <cstring>

namespace Vigil {

namespace {

constexpr std::array<int, 12> kDaysBeforeMonth
        = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};

bool isLeapYear(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(int year, int month)
{
    static constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeapYear(year) ? 29 : days[size_t(month - 1)];
}

/** Days from 0001-01-01 to the date (proleptic Gregorian, as .NET counts). */
qint64 daysSinceYearOne(int year, int month, int day)
{
    const qint64 y = year - 1;
    qint64 days
            = 365 * y + y / 4 - y / 100 + y / 400 + kDaysBeforeMonth[size_t(month - 1)] + day - 1;
    if (month > 2 && isLeapYear(year))
        ++days;
    return days;
}

/** A small cursor over ASCII text for the datetime forms. */
struct Cursor
{
    std::string_view text;
    size_t pos = 0;

    bool atEnd() const { return pos >= text.size(); }
    char peek() const { return atEnd() ? '\0' : text[pos]; }
    bool take(char c)
    {
        if (peek() != c)
            return false;
        ++pos;
        return true;
    }
    /** Reads between min and max digits; -1 when fewer than min. */
    int digits(int min, int max, int *count = nullptr)
    {
        int value = 0;
        int n = 0;
        while (n < max && !atEnd() && text[pos] >= '0' && text[pos] <= '9') {
            value = value * 10 + (text[pos] - '0');
            ++pos;
            ++n;
        }
        if (count)
            *count = n;
        return n < min ? -1 : value;
    }
    void skipSpaces()
    {
        while (peek() == ' ')
            ++pos;
    }
};

std::optional<qint64> composeTicks(int year, int month, int day, int hour, int minute, int second,
                                   qint64 fraction)
{
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1
        || day > daysInMonth(year, month) || hour < 0 || hour > 23 || minute < 0 || minute > 59
        || second < 0 || second > 59)
        return std::nullopt;
    return daysSinceYearOne(year, month, day) * kTicksPerDay
           + ((hour * 60LL + minute) * 60 + second) * kTicksPerSecond + fraction;
}

/** Reads ".fffffff": up to seven digits are kept as ticks, further digits dropped. */
bool readFraction(Cursor &c, qint64 *fraction)
{
    *fraction = 0;
    if (!c.take('.'))
        return true;
    int n = 0;
    while (!c.atEnd() && c.peek() >= '0' && c.peek() <= '9') {
        if (n < 7)
            *fraction = *fraction * 10 + (c.peek() - '0');
        ++n;
        ++c.pos;
    }
    if (n == 0)
        return false;
    for (int i = n; i < 7; ++i)
        *fraction *= 10;
    return true;
}

std::optional<qint64> parseIso(Cursor c)
{
    const int year = c.digits(4, 4);
    if (year < 0 || !c.take('-'))
        return std::nullopt;
    const int month = c.digits(2, 2);
    if (month < 0 || !c.take('-'))
        return std::nullopt;
    const int day = c.digits(2, 2);
    if (day < 0)
        return std::nullopt;
    int hour = 0, minute = 0, second = 0;
    qint64 fraction = 0;
    if (!c.atEnd()) {
        if (!c.take('T') && !c.take('t') && !c.take(' '))
            return std::nullopt;
        hour = c.digits(2, 2);
        if (hour < 0 || !c.take(':'))
            return std::nullopt;
        minute = c.digits(2, 2);
        if (minute < 0)
            return std::nullopt;
        if (c.take(':')) {
            second = c.digits(2, 2);
            if (second < 0 || !readFraction(c, &fraction))
                return std::nullopt;
        }
    }
    qint64 offsetTicks = 0;
    if (c.take('Z') || c.take('z')) {
    } else if (c.peek() == '+' || c.peek() == '-') {
        const bool negative = c.peek() == '-';
        ++c.pos;
        const int offsetHours = c.digits(2, 2);
        c.take(':');
        const int offsetMinutes = c.atEnd() ? 0 : c.digits(2, 2);
        if (offsetHours < 0 || offsetHours > 14 || offsetMinutes < 0 || offsetMinutes > 59)
            return std::nullopt;
        offsetTicks = (offsetHours * 60LL + offsetMinutes) * 60 * kTicksPerSecond;
        if (negative)
            offsetTicks = -offsetTicks;
    }
    if (!c.atEnd())
        return std::nullopt;
    const auto local = composeTicks(year, month, day, hour, minute, second, fraction);
    if (!local)
        return std::nullopt;
    const qint64 utc = *local - offsetTicks;
    if (utc < 0 || utc >= daysSinceYearOne(10000 - 1, 12, 31) * kTicksPerDay + kTicksPerDay)
        return std::nullopt;
    return utc;
}

/** "h:mm:ss[.fff] AM|PM" (or 24-hour without the marker) after a portal date. */
std::optional<qint64> parseClock(Cursor &c, int year, int month, int day)
{
    c.skipSpaces();
    int hour = 0, minute = 0, second = 0;
    qint64 fraction = 0;
    if (!c.atEnd()) {
        hour = c.digits(1, 2);
        if (hour < 0 || !c.take(':'))
            return std::nullopt;
        minute = c.digits(2, 2);
        if (minute < 0)
            return std::nullopt;
        if (c.take(':')) {
            second = c.digits(2, 2);
            if (second < 0 || !readFraction(c, &fraction))
                return std::nullopt;
        }
        c.skipSpaces();
        const std::string_view rest = c.text.substr(c.pos);
        if (rest == "AM" || rest == "am" || rest == "PM" || rest == "pm") {
            if (hour < 1 || hour > 12)
                return std::nullopt;
            const bool pm = rest[0] == 'P' || rest[0] == 'p';
            hour = hour % 12 + (pm ? 12 : 0);
            c.pos = c.text.size();
        }
    }
    if (!c.atEnd())
        return std::nullopt;
    return composeTicks(year, month, day, hour, minute, second, fraction);
}

std::optional<qint64> parsePortal(Cursor c)
{
    static constexpr std::array<std::string_view, 12> months
            = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (c.peek() >= '0' && c.peek() <= '9') {
        // 3/26/2024 9:39:50 AM
        const int month = c.digits(1, 2);
        if (month < 0 || !c.take('/'))
            return std::nullopt;
        const int day = c.digits(1, 2);
        if (day < 0 || !c.take('/'))
            return std::nullopt;
        const int year = c.digits(4, 4);
        if (year < 0)
            return std::nullopt;
        return parseClock(c, year, month, day);
    }
    // Mar 26, 2024 9:39:50 AM
    const std::string_view name = c.text.substr(c.pos, 3);
    int month = 0;
    for (size_t i = 0; i < months.size(); ++i) {
        if (name == months[i])
            month = int(i) + 1;
    }
    if (month == 0)
        return std::nullopt;
    c.pos += 3;
    c.skipSpaces();
    const int day = c.digits(1, 2);
    if (day < 0)
        return std::nullopt;
    c.take(',');
    c.skipSpaces();
    const int year = c.digits(4, 4);
    if (year < 0)
        return std::nullopt;
    return parseClock(c, year, month, day);
}

/** Mixes 64-bit words into one hash; a fixed algorithm, so stored keys never change meaning. */
struct RowHasher
{
    quint64 h = 0x243F6A8885A308D3ULL;

    void word(quint64 w)
    {
        h ^= w;
        h *= 0x9E3779B97F4A7C15ULL;
        h ^= h >> 29;
    }
    void bytes(std::string_view text)
    {
        word(text.size());
        size_t i = 0;
        for (; i + 8 <= text.size(); i += 8) {
            quint64 w;
            std::memcpy(&w, text.data() + i, 8);
            word(qFromLittleEndian(w));
        }
        quint64 tail = 0;
        for (size_t j = 0; i + j < text.size(); ++j)
            tail |= quint64(quint8(text[i + j])) << (8 * j);
        word(tail);
    }
    quint64 finish() const
    {
        quint64 x = h;
        x ^= x >> 33;
        x *= 0xFF51AFD7ED558CCDULL;
        x ^= x >> 33;
        x *= 0xC4CEB9FE1A85EC53ULL;
        x ^= x >> 33;
        return x;
    }
};

} // namespace

qint64 ticksFromDateTime(const QDateTime &time)
{
    if (!time.isValid())
        return 0;
    return kUnixEpochTicks + time.toMSecsSinceEpoch() * 10'000;
}

QDateTime dateTimeFromTicks(qint64 ticks)
{
    const qint64 sinceEpoch = ticks - kUnixEpochTicks;
    qint64 ms = sinceEpoch / 10'000;
    if (sinceEpoch % 10'000 < 0)
        --ms;
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

QString ticksToIso(qint64 ticks)
{
    const qint64 sinceEpoch = ticks - kUnixEpochTicks;
    qint64 seconds = sinceEpoch / kTicksPerSecond;
    qint64 fraction = sinceEpoch % kTicksPerSecond;
    if (fraction < 0) {
        fraction += kTicksPerSecond;
        --seconds;
    }
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC)
                   .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"))
           + QLatin1Char('.') + QStringLiteral("%1").arg(fraction, 7, 10, QLatin1Char('0'))
           + QLatin1Char('Z');
}

std::optional<qint64> parseEventDateTime(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    if (text.size() < 8 || text.size() > 64)
        return std::nullopt;
    if (text.size() >= 10 && text[4] == '-')
        return parseIso(Cursor{text});
    return parsePortal(Cursor{text});
}

quint64 EventRow::rowKey() const
{
    RowHasher hasher;
    for (const EventValue &value : values) {
        hasher.word(quint64(value.kind));
        switch (value.kind) {
        case EventValue::Kind::Null:
            break;
        case EventValue::Kind::Integer:
            hasher.word(quint64(value.integer));
            break;
        case EventValue::Kind::Real:
            hasher.word(std::bit_cast<quint64>(value.real));
            break;
        case EventValue::Kind::Text:
            hasher.bytes(value.text);
            break;
        }
    }
    hasher.bytes(extra);
    return hasher.finish();
}

} // namespace Vigil
