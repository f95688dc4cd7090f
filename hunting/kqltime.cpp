#include "kqltime.h"

#include <QList>

#include <algorithm>
#include <array>
#include <limits>

namespace Vigil::KqlTime {

namespace {

// Exact arithmetic for a literal's digits times its unit before the range check.
__extension__ typedef __int128 Int128;

constexpr std::array<const char *, 12> s_monthNames
        = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr std::array<const char *, 7> s_weekdayNames
        = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};

bool isLeap(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

/** A forward reader over the text of a literal. */
class Cursor
{
public:
    explicit Cursor(QStringView text)
        : m_text(text)
    { }

    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar peek(qsizetype ahead = 0) const
    {
        return m_pos + ahead < m_text.size() ? m_text[m_pos + ahead] : QChar();
    }
    void skipBlanks()
    {
        while (!atEnd() && peek().isSpace())
            ++m_pos;
    }
    bool accept(QChar c)
    {
        if (peek() != c)
            return false;
        ++m_pos;
        return true;
    }
    /** Between min and max digits as a number; nullopt (nothing consumed) when fewer than min. */
    std::optional<qint64> digits(int min, int max, int *count = nullptr)
    {
        qint64 value = 0;
        int n = 0;
        while (n < max && isDigit(peek(n))) {
            value = value * 10 + (peek(n).unicode() - u'0');
            ++n;
        }
        if (n < min)
            return std::nullopt;
        m_pos += n;
        if (count)
            *count = n;
        return value;
    }
    QString word()
    {
        const qsizetype start = m_pos;
        while (!atEnd() && isAsciiLetter(peek()))
            ++m_pos;
        return m_text.mid(start, m_pos - start).toString().toLower();
    }
    qsizetype pos() const { return m_pos; }
    void setPos(qsizetype pos) { m_pos = pos; }

private:
    QStringView m_text;
    qsizetype m_pos = 0;
};

/** Up to 7 fraction digits as ticks (extra digits are dropped, as they are below a tick). */
std::optional<int> fraction(Cursor &in)
{
    int count = 0;
    const qsizetype start = in.pos();
    if (!in.digits(1, 64, &count))
        return std::nullopt;
    in.setPos(start);
    int value = 0;
    for (int i = 0; i < 7; ++i)
        value = value * 10 + (i < count ? in.peek(i).unicode() - u'0' : 0);
    in.setPos(start + count);
    return value;
}

/** hh:mm[:ss[.fffffff]] into the time fields; false when it is not there. */
bool clockTime(Cursor &in, CivilTime &t)
{
    const auto h = in.digits(1, 2);
    if (!h || !in.accept(u':'))
        return false;
    const auto m = in.digits(2, 2);
    if (!m)
        return false;
    t.hour = int(*h);
    t.minute = int(*m);
    if (in.accept(u':')) {
        const auto s = in.digits(2, 2);
        if (!s)
            return false;
        t.second = int(*s);
        if (in.peek() == u'.' && isDigit(in.peek(1))) {
            in.accept(u'.');
            const auto f = fraction(in);
            if (!f)
                return false;
            t.fraction = *f;
        }
    }
    return true;
}

/** A zone after the time: Z, ±hh[:mm], ±hhmm, GMT/UT/UTC or a North American zone, in minutes. */
std::optional<int> zone(Cursor &in)
{
    if (in.accept(u'+') || in.peek() == u'-') {
        const int sign = in.accept(u'-') ? -1 : 1;
        int count = 0;
        const auto first = in.digits(1, 4, &count);
        if (!first)
            return std::nullopt;
        int hours = 0;
        int minutes = 0;
        if (count > 2) {
            hours = int(*first / 100);
            minutes = int(*first % 100);
        } else {
            hours = int(*first);
            if (in.accept(u':')) {
                const auto m = in.digits(2, 2);
                if (!m)
                    return std::nullopt;
                minutes = int(*m);
            }
        }
        if (hours > 14 || minutes > 59)
            return std::nullopt;
        return sign * (hours * 60 + minutes);
    }
    const QString name = in.word();
    static const QList<std::pair<const char *, int>> zones
            = {{"z", 0},      {"gmt", 0},    {"ut", 0},     {"utc", 0},
               {"est", -300}, {"edt", -240}, {"cst", -360}, {"cdt", -300},
               {"mst", -420}, {"mdt", -360}, {"pst", -480}, {"pdt", -420}};
    for (const auto &[zoneName, offset] : zones) {
        if (name == QLatin1String(zoneName))
            return offset;
    }
    return std::nullopt;
}

/** After a date: T or a blank, then a clock time; false (nothing read) when there is none. */
bool timeAfterDate(Cursor &in, CivilTime &t)
{
    const qsizetype afterDate = in.pos();
    if (!in.accept(u'T') && !in.accept(u't') && !in.accept(u' '))
        return false;
    in.skipBlanks();
    if (clockTime(in, t))
        return true;
    in.setPos(afterDate);
    t.hour = t.minute = t.second = t.fraction = 0;
    return false;
}

std::optional<qint64> finish(Cursor &in, CivilTime t)
{
    int offsetMinutes = 0;
    in.skipBlanks();
    if (!in.atEnd()) {
        const auto z = zone(in);
        if (!z)
            return std::nullopt;
        offsetMinutes = *z;
        in.skipBlanks();
    }
    if (!in.atEnd())
        return std::nullopt;
    const auto ticks = ticksFromCivil(t);
    if (!ticks)
        return std::nullopt;
    const qint64 utc = *ticks - qint64(offsetMinutes) * TicksPerMinute;
    if (!isValidDateTime(utc))
        return std::nullopt;
    return utc;
}

/** yyyy-M-d[(T| )H:mm[:ss[.f]]][zone] */
std::optional<qint64> parseIso(Cursor &in)
{
    CivilTime t;
    const auto y = in.digits(4, 4);
    if (!y || !in.accept(u'-'))
        return std::nullopt;
    const auto mo = in.digits(1, 2);
    if (!mo || !in.accept(u'-'))
        return std::nullopt;
    const auto d = in.digits(1, 2);
    if (!d)
        return std::nullopt;
    t.year = int(*y);
    t.month = int(*mo);
    t.day = int(*d);
    timeAfterDate(in, t);
    return finish(in, t);
}

int monthFromName(const QString &name)
{
    for (int i = 0; i < 12; ++i) {
        if (name.size() >= 3 && QLatin1String(s_monthNames[size_t(i)]) == name.left(3))
            return i + 1;
    }
    return 0;
}

int expandYear(qint64 year, int digitCount)
{
    if (digitCount > 2)
        return int(year);
    // .NET's two-digit year window (TwoDigitYearMax 2049).
    return int(year < 50 ? 2000 + year : 1900 + year);
}

/** [Weekday, ]d Mon yy H:mm[:ss][ zone] (RFC 822) or [Weekday, ]dd-Mon-yy ... (RFC 850). */
std::optional<qint64> parseRfc(Cursor &in)
{
    const qsizetype start = in.pos();
    const QString first = in.word();
    if (!first.isEmpty()) {
        bool weekday = false;
        for (const char *name : s_weekdayNames) {
            const QLatin1String full(name);
            if (first == full || (first.size() == 3 && full.startsWith(first)))
                weekday = true;
        }
        if (!weekday || !in.accept(u','))
            return std::nullopt;
        in.skipBlanks();
    } else {
        in.setPos(start);
    }
    CivilTime t;
    const auto d = in.digits(1, 2);
    if (!d)
        return std::nullopt;
    const bool dashed = in.accept(u'-');
    if (!dashed && !in.accept(u' '))
        return std::nullopt;
    t.month = monthFromName(in.word());
    if (t.month == 0)
        return std::nullopt;
    if (dashed ? !in.accept(u'-') : !in.accept(u' '))
        return std::nullopt;
    int yearDigits = 0;
    const auto y = in.digits(2, 4, &yearDigits);
    if (!y || yearDigits == 3)
        return std::nullopt;
    t.year = expandYear(*y, yearDigits);
    t.day = int(*d);
    if (!in.accept(u' '))
        return std::nullopt;
    in.skipBlanks();
    if (!clockTime(in, t))
        return std::nullopt;
    return finish(in, t);
}

/** M/d/yyyy, M-d-yyyy or yyyy/M/d, then [(T| )H:mm[:ss[.f]][ AM| PM]][zone]. */
std::optional<qint64> parseNumericDate(Cursor &in)
{
    CivilTime t;
    int firstDigits = 0;
    const auto first = in.digits(1, 4, &firstDigits);
    if (!first || firstDigits == 3)
        return std::nullopt;
    const QChar separator = in.peek();
    if (separator != u'/' && separator != u'-')
        return std::nullopt;
    in.accept(separator);
    const auto second = in.digits(1, 2);
    if (!second || !in.accept(separator))
        return std::nullopt;
    if (firstDigits == 4) {
        // yyyy-M-d is ISO 8601's; only the slashed form is left here.
        if (separator != u'/')
            return std::nullopt;
        const auto third = in.digits(1, 2);
        if (!third)
            return std::nullopt;
        t.year = int(*first);
        t.month = int(*second);
        t.day = int(*third);
    } else {
        const auto year = in.digits(4, 4);
        if (!year)
            return std::nullopt;
        t.month = int(*first);
        t.day = int(*second);
        t.year = int(*year);
    }
    if (timeAfterDate(in, t)) {
        // A 12-hour clock: 12 AM is midnight, 12 PM noon; 0 or 13 and above with either is not
        // a time.
        const qsizetype afterTime = in.pos();
        in.skipBlanks();
        const QString half = in.word();
        if (half == u"am" || half == u"pm") {
            if (t.hour < 1 || t.hour > 12)
                return std::nullopt;
            t.hour = t.hour % 12 + (half == u"pm" ? 12 : 0);
        } else {
            in.setPos(afterTime);
        }
    }
    return finish(in, t);
}

QString pad(qint64 value, int width)
{
    return QString::number(value).rightJustified(width, u'0');
}

/** The length of the run of the same character starting at i. */
qsizetype runLength(QStringView s, qsizetype i)
{
    qsizetype n = 1;
    while (i + n < s.size() && s[i + n] == s[i])
        ++n;
    return n;
}

/** The f/F elements: n digits of the fraction; F drops trailing zeros. */
void appendFraction(QString &out, int fractionTicks, qsizetype n, bool trim)
{
    QString digits = pad(fractionTicks, 7).left(n);
    if (trim) {
        while (digits.endsWith(u'0'))
            digits.chop(1);
        if (digits.isEmpty() && out.endsWith(u'.'))
            out.chop(1);
    }
    out += digits;
}

} // namespace

qint64 daysFromCivil(int year, int month, int day)
{
    // Howard Hinnant's days_from_civil, shifted to count from 0001-01-01.
    const qint64 y = qint64(year) - (month <= 2 ? 1 : 0);
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const qint64 yoe = y - era * 400;
    const qint64 doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const qint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 306;
}

int daysInMonth(int year, int month)
{
    static constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeap(year) ? 29 : days[size_t(month - 1)];
}

bool isValidDateTime(qint64 ticks)
{
    return ticks >= 0 && ticks <= MaxDateTimeTicks;
}

std::optional<qint64> ticksFromCivil(const CivilTime &t)
{
    if (t.year < 1 || t.year > 9999 || t.month < 1 || t.month > 12 || t.day < 1
        || t.day > daysInMonth(t.year, t.month) || t.hour < 0 || t.hour > 23 || t.minute < 0
        || t.minute > 59 || t.second < 0 || t.second > 59 || t.fraction < 0
        || t.fraction >= TicksPerSecond)
        return std::nullopt;
    return daysFromCivil(t.year, t.month, t.day) * TicksPerDay + t.hour * TicksPerHour
           + t.minute * TicksPerMinute + t.second * TicksPerSecond + t.fraction;
}

CivilTime civilFromTicks(qint64 ticks)
{
    CivilTime t;
    const qint64 days = ticks / TicksPerDay + 306; // days since 0000-03-01
    const qint64 era = days / 146097;
    const qint64 doe = days - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    t.day = int(doy - (153 * mp + 2) / 5 + 1);
    t.month = int(mp < 10 ? mp + 3 : mp - 9);
    t.year = int(yoe + era * 400 + (t.month <= 2 ? 1 : 0));
    qint64 rest = ticks % TicksPerDay;
    t.hour = int(rest / TicksPerHour);
    rest %= TicksPerHour;
    t.minute = int(rest / TicksPerMinute);
    rest %= TicksPerMinute;
    t.second = int(rest / TicksPerSecond);
    t.fraction = int(rest % TicksPerSecond);
    return t;
}

std::optional<qint64> parseDateTime(QStringView text, DateTimeForm *form)
{
    text = text.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    const auto answer = [form](std::optional<qint64> ticks, DateTimeForm which) {
        if (ticks && form)
            *form = which;
        return ticks;
    };
    Cursor iso(text);
    if (const auto ticks = parseIso(iso))
        return answer(ticks, DateTimeForm::Iso);
    Cursor rfc(text);
    if (const auto ticks = parseRfc(rfc))
        return answer(ticks, DateTimeForm::Rfc);
    Cursor numeric(text);
    return answer(parseNumericDate(numeric), DateTimeForm::Numeric);
}

QString formatDateTime(qint64 ticks)
{
    const CivilTime t = civilFromTicks(ticks);
    return pad(t.year, 4) + u'-' + pad(t.month, 2) + u'-' + pad(t.day, 2) + u'T' + pad(t.hour, 2)
           + u':' + pad(t.minute, 2) + u':' + pad(t.second, 2) + u'.' + pad(t.fraction, 7) + u'Z';
}

std::optional<qint64> parseTimeSpan(QStringView text)
{
    text = text.trimmed();
    Cursor in(text);
    const bool negative = in.accept(u'-');
    if (!negative)
        in.accept(u'+');
    int intDigits = 0;
    const auto whole = in.digits(1, 18, &intDigits);
    if (!whole)
        return std::nullopt;
    const qsizetype afterWhole = in.pos();
    const auto sign = [negative](Int128 v) -> std::optional<qint64> {
        if (v > Int128(std::numeric_limits<qint64>::max()))
            return std::nullopt;
        return qint64(negative ? -v : v);
    };

    // The .NET form: [d.]hh:mm[:ss[.fffffff]].
    {
        Cursor c = in;
        qint64 days = 0;
        std::optional<qint64> hours = *whole;
        if (c.peek() == u'.' && isDigit(c.peek(1))) {
            Cursor probe = c;
            probe.accept(u'.');
            const auto h = probe.digits(1, 2);
            if (h && probe.peek() == u':') {
                days = *whole;
                hours = h;
                c = probe;
            }
        }
        if (c.accept(u':')) {
            const auto minutes = c.digits(2, 2);
            qint64 seconds = 0;
            int frac = 0;
            bool ok = minutes.has_value() && *hours < 24 && *minutes < 60;
            if (ok && c.accept(u':')) {
                const auto s = c.digits(2, 2);
                ok = s && *s < 60;
                seconds = s.value_or(0);
                if (ok && c.accept(u'.')) {
                    const auto f = fraction(c);
                    ok = f.has_value();
                    frac = f.value_or(0);
                }
            }
            if (!ok || !c.atEnd())
                return std::nullopt;
            return sign(Int128(days) * TicksPerDay + Int128(*hours) * TicksPerHour
                        + Int128(*minutes) * TicksPerMinute + Int128(seconds) * TicksPerSecond
                        + frac);
        }
    }

    // A number with a unit (days when there is none).
    in.setPos(afterWhole);
    qint64 fractionValue = 0;
    int fractionDigits = 0;
    if (in.accept(u'.')) {
        int count = 0;
        const auto f = in.digits(1, 18, &count);
        if (!f)
            return std::nullopt;
        fractionValue = *f;
        fractionDigits = count;
    }
    in.skipBlanks();
    const QString unit = in.word();
    in.skipBlanks();
    if (!in.atEnd())
        return std::nullopt;
    struct Unit
    {
        const char *names;
        qint64 numerator;
        qint64 denominator;
    };
    static constexpr std::array<Unit, 9> units = {{
            {"|d|day|days|", TicksPerDay, 1},
            {"|h|hr|hrs|hour|hours|", TicksPerHour, 1},
            {"|m|min|mins|minute|minutes|", TicksPerMinute, 1},
            {"|s|sec|secs|second|seconds|", TicksPerSecond, 1},
            {"|ms|milli|millis|millisec|millisecond|milliseconds|", TicksPerMillisecond, 1},
            {"|micro|micros|microsec|microsecond|microseconds|", TicksPerMicrosecond, 1},
            {"|nano|nanos|nanosec|nanosecond|nanoseconds|", 1, 100},
            {"|tick|ticks|", 1, 1},
            {"||", TicksPerDay, 1},
    }};
    for (const Unit &u : units) {
        if (!QString::fromLatin1(u.names).contains(QString(u'|' + unit + u'|')))
            continue;
        Int128 scale = 1;
        for (int i = 0; i < fractionDigits; ++i)
            scale *= 10;
        const Int128 value = (Int128(*whole) * scale + fractionValue) * u.numerator;
        return sign(value / (scale * u.denominator));
    }
    return std::nullopt;
}

QString formatTimeSpan(qint64 ticks)
{
    const bool negative = ticks < 0;
    const quint64 magnitude = negative ? quint64(0) - quint64(ticks) : quint64(ticks);
    const quint64 days = magnitude / quint64(TicksPerDay);
    quint64 rest = magnitude % quint64(TicksPerDay);
    QString out;
    if (negative)
        out += u'-';
    if (days > 0)
        out += QString::number(days) + u'.';
    out += pad(qint64(rest / quint64(TicksPerHour)), 2) + u':';
    rest %= quint64(TicksPerHour);
    out += pad(qint64(rest / quint64(TicksPerMinute)), 2) + u':';
    rest %= quint64(TicksPerMinute);
    out += pad(qint64(rest / quint64(TicksPerSecond)), 2);
    if (const quint64 frac = rest % quint64(TicksPerSecond))
        out += u'.' + pad(qint64(frac), 7);
    return out;
}

std::optional<QString> formatDateTimeCustom(qint64 ticks, QStringView format)
{
    if (!isValidDateTime(ticks))
        return std::nullopt;
    const CivilTime t = civilFromTicks(ticks);
    QString out;
    for (qsizetype i = 0; i < format.size();) {
        const QChar c = format[i];
        const qsizetype n = runLength(format, i);
        i += n;
        switch (c.unicode()) {
        case u'd':
            if (n > 2)
                return std::nullopt;
            out += pad(t.day, int(n));
            break;
        case u'M':
            if (n > 2)
                return std::nullopt;
            out += pad(t.month, int(n));
            break;
        case u'y':
            if (n > 5)
                return std::nullopt;
            out += n <= 2 ? pad(t.year % 100, int(n)) : pad(t.year, int(n));
            break;
        case u'H':
            if (n > 2)
                return std::nullopt;
            out += pad(t.hour, int(n));
            break;
        case u'h':
            if (n > 2)
                return std::nullopt;
            out += pad(t.hour % 12 == 0 ? 12 : t.hour % 12, int(n));
            break;
        case u'm':
            if (n > 2)
                return std::nullopt;
            out += pad(t.minute, int(n));
            break;
        case u's':
            if (n > 2)
                return std::nullopt;
            out += pad(t.second, int(n));
            break;
        case u'f':
        case u'F':
            if (n > 7)
                return std::nullopt;
            appendFraction(out, t.fraction, n, c == u'F');
            break;
        case u't':
            out += QLatin1String(t.hour < 12 ? "AM" : "PM").left(n > 1 ? 2 : 1);
            break;
        default:
            out += format.mid(i - n, n);
        }
    }
    return out;
}

std::optional<QString> formatTimeSpanCustom(qint64 ticks, QStringView format)
{
    const bool negative = ticks < 0;
    const quint64 magnitude = negative ? quint64(0) - quint64(ticks) : quint64(ticks);
    const quint64 days = magnitude / quint64(TicksPerDay);
    const quint64 rest = magnitude % quint64(TicksPerDay);
    const qint64 hours = qint64(rest / quint64(TicksPerHour));
    const qint64 minutes = qint64(rest % quint64(TicksPerHour) / quint64(TicksPerMinute));
    const qint64 seconds = qint64(rest % quint64(TicksPerMinute) / quint64(TicksPerSecond));
    const int frac = int(rest % quint64(TicksPerSecond));
    QString out;
    if (negative)
        out += u'-';
    for (qsizetype i = 0; i < format.size();) {
        const QChar c = format[i];
        const qsizetype n = runLength(format, i);
        i += n;
        switch (c.unicode()) {
        case u'd':
            if (n > 8)
                return std::nullopt;
            out += QString::number(days).rightJustified(n, u'0');
            break;
        case u'h':
        case u'H':
            if (n > 2)
                return std::nullopt;
            out += pad(hours, int(n));
            break;
        case u'm':
            if (n > 2)
                return std::nullopt;
            out += pad(minutes, int(n));
            break;
        case u's':
            if (n > 2)
                return std::nullopt;
            out += pad(seconds, int(n));
            break;
        case u'f':
        case u'F':
            if (n > 7)
                return std::nullopt;
            appendFraction(out, frac, n, c == u'F');
            break;
        default:
            out += format.mid(i - n, n);
        }
    }
    return out;
}

qint64 startOfDay(qint64 ticks)
{
    return ticks - ticks % TicksPerDay;
}

qint64 startOfWeek(qint64 ticks)
{
    // 0001-01-01 was a Monday; Kusto's weeks start on Sunday.
    const qint64 days = ticks / TicksPerDay;
    const qint64 sinceSunday = (days + 1) % 7;
    return (days - sinceSunday) * TicksPerDay;
}

qint64 startOfMonth(qint64 ticks)
{
    const CivilTime t = civilFromTicks(ticks);
    return daysFromCivil(t.year, t.month, 1) * TicksPerDay;
}

qint64 startOfYear(qint64 ticks)
{
    return daysFromCivil(civilFromTicks(ticks).year, 1, 1) * TicksPerDay;
}

std::optional<qint64> addMonths(qint64 ticks, qint64 months)
{
    if (!isValidDateTime(ticks) || months > 120000 || months < -120000)
        return std::nullopt;
    CivilTime t = civilFromTicks(ticks);
    const qint64 total = qint64(t.year) * 12 + (t.month - 1) + months;
    if (total < 12 || total >= qint64(10000) * 12)
        return std::nullopt;
    t.year = int(total / 12);
    t.month = int(total % 12) + 1;
    t.day = std::min(t.day, daysInMonth(t.year, t.month));
    return ticksFromCivil(t);
}

} // namespace Vigil::KqlTime
