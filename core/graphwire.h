#pragma once

// How a Graph wire value becomes a Vigil value: the conversions, and the tables of keys that the
// object readers (QJsonObject) and the page readers (simdjson on-demand) both follow. Private to
// graphjson.cpp and graphevidence.cpp; any thread.

#include "graphjson.h"
#include "vocabulary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <simdjson.h>

#include <cmath>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace Vigil::GraphWire {

// The shape Graph always sends, `2024-05-01T10:11:12.1234567Z`, read without the regular
// expression; anything else (offsets, no seconds, spaces, non-ASCII digits) takes the full path.
// Returns nullopt when the text is not of that shape, an invalid QDateTime when it is but names
// no real time, exactly as the full path would.
inline unsigned unit(QChar c)
{
    return c.unicode();
}

inline unsigned unit(char c)
{
    return static_cast<unsigned char>(c);
}

/** The fields of a time of the shape Graph always sends; not yet checked as a date. */
struct GraphTimeFields
{
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, msec = 0;
};

template<typename Chars>
inline std::optional<GraphTimeFields> graphTimeFields(Chars text)
{
    const qsizetype size = text.size();
    if (size < 20)
        return std::nullopt;
    const auto at = [&text](qsizetype i) { return unit(text[i]); };
    const auto digit = [&at](qsizetype i) { return at(i) >= '0' && at(i) <= '9'; };
    const auto number = [&at](qsizetype i, int count) {
        int n = 0;
        for (int k = 0; k < count; ++k)
            n = n * 10 + int(at(i + k) - '0');
        return n;
    };
    for (const qsizetype i : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18}) {
        if (!digit(i))
            return std::nullopt;
    }
    if (at(4) != '-' || at(7) != '-' || (at(10) != 'T' && at(10) != 't') || at(13) != ':'
        || at(16) != ':' || (at(size - 1) != 'Z' && at(size - 1) != 'z'))
        return std::nullopt;
    int msec = 0;
    if (size > 20) {
        if (at(19) != '.' || size == 21)
            return std::nullopt;
        for (qsizetype i = 20; i < size - 1; ++i) {
            if (!digit(i))
                return std::nullopt;
        }
        const qsizetype digits = size - 21;
        msec = number(20, int(std::min<qsizetype>(digits, 3)));
        for (qsizetype k = digits; k < 3; ++k)
            msec *= 10;
    }
    return GraphTimeFields{number(0, 4),  number(5, 2),  number(8, 2), number(11, 2),
                           number(14, 2), number(17, 2), msec};
}

template<typename Chars>
inline std::optional<QDateTime> quickGraphDateTime(Chars text)
{
    const std::optional<GraphTimeFields> f = graphTimeFields(text);
    if (!f)
        return std::nullopt;
    const QDate date(f->year, f->month, f->day);
    const QTime clock(f->hour, f->minute, f->second, f->msec);
    if (!date.isValid() || !clock.isValid())
        return QDateTime();
    return QDateTime(date, clock, Qt::UTC);
}

/**
 * quickGraphDateTime() as ms since the epoch, without a QDateTime: nullopt when the text is not
 * of that shape; an inner nullopt when it is but names no real time (QDate's and QTime's rules:
 * no year 0, the Gregorian leap years, no 24:00 or leap second).
 */
inline std::optional<std::optional<qint64>> quickGraphMs(std::string_view text)
{
    const std::optional<GraphTimeFields> f = graphTimeFields(text);
    if (!f)
        return std::nullopt;
    const bool leap = (f->year % 4 == 0 && f->year % 100 != 0) || f->year % 400 == 0;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (f->year == 0 || f->month < 1 || f->month > 12 || f->day < 1
        || f->day > kDays[f->month - 1] + (f->month == 2 && leap ? 1 : 0) || f->hour > 23
        || f->minute > 59 || f->second > 59)
        return std::optional<qint64>();
    // Days from 1970-01-01 in the proleptic Gregorian calendar.
    const int y = f->year - (f->month <= 2 ? 1 : 0);
    const int era = y / 400;
    const int yearOfEra = y - era * 400;
    const int dayOfYear = (153 * (f->month + (f->month > 2 ? -3 : 9)) + 2) / 5 + f->day - 1;
    const int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    const qint64 days = qint64(era) * 146097 + dayOfEra - 719468;
    return ((days * 24 + f->hour) * 60 + f->minute) * 60'000 + qint64(f->second) * 1000 + f->msec;
}

namespace od = simdjson::ondemand;

inline QString fromUtf8(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

inline QLatin1String latin1(std::string_view key)
{
    return QLatin1String(key.data(), qsizetype(key.size()));
}

/**
 * A field's key: a view into the page when the key has no escape, else its unescaped copy
 * (which checks the escapes and throws on a bad one, as unescaped_key() does). The page's keys
 * are plain; unescaping each one (a copy through the parser's string buffer) was a tenth of
 * reading an alert.
 */
template<typename Field> // od::field, or the simdjson_result of one an object's loop gives
std::string_view keyOf(Field &field)
{
    // The key is a string token stage 1 found whole: an unescaped quote ends it.
    const char *const key = field.key().raw();
    size_t n = 0;
    while (key[n] != '"' && key[n] != '\\')
        ++n;
    if (key[n] == '"')
        return std::string_view(key, n);
    return field.unescaped_key();
}

/** The value's token as the page has it, without the whitespace after it. */
inline std::string_view tokenOf(od::value &value)
{
    std::string_view token = value.raw_json_token();
    while (!token.empty()
           && (token.back() == ' ' || token.back() == '\n' || token.back() == '\r'
               || token.back() == '\t'))
        token.remove_suffix(1);
    return token;
}

/** A string value's text when it has no escape: a view into the page; else nullopt. */
inline std::optional<std::string_view> plainString(od::value &value)
{
    const std::string_view token = tokenOf(value);
    if (token.size() < 2 || token.front() != '"' || token.back() != '"')
        return std::nullopt;
    const std::string_view inner = token.substr(1, token.size() - 2);
    if (inner.find('\\') != std::string_view::npos)
        return std::nullopt;
    return inner;
}

/**
 * A string value's text (value is a string): a view into the page when it has no escape, else
 * get_string()'s unescaped copy in the parser's buffer.
 */
inline std::string_view stringOf(od::value &value)
{
    if (const std::optional<std::string_view> plain = plainString(value))
        return *plain;
    return value.get_string();
}

/** QJsonValue::toInteger() of a number: integral values that fit, else 0. */
inline qint64 integerOf(od::value &value)
{
    od::number number = value.get_number();
    switch (number.get_number_type()) {
    case od::number_type::signed_integer:
        return number.get_int64();
    case od::number_type::unsigned_integer:
        return 0; // beyond qint64
    case od::number_type::floating_point_number:
        break;
    }
    const double d = number.get_double();
    if (std::trunc(d) == d && d >= -9223372036854775808.0 && d < 9223372036854775808.0)
        return qint64(d);
    return 0;
}

/** A text field of a page kept as the parser left it, converted only when used: Text's rules. */
struct Scalar
{
    enum class Kind : quint8 { Absent, Text, Integer };
    Kind kind = Kind::Absent;
    std::string_view text;
    qint64 integer = 0;

    void read(od::value &value)
    {
        switch (value.type()) {
        case od::json_type::string:
            kind = Kind::Text;
            text = stringOf(value);
            break;
        case od::json_type::number:
            kind = Kind::Integer;
            integer = integerOf(value);
            break;
        default:
            kind = Kind::Absent;
        }
    }
    bool isEmpty() const { return kind == Kind::Absent || (kind == Kind::Text && text.empty()); }
    QString toString() const
    {
        switch (kind) {
        case Kind::Text:
            return fromUtf8(text);
        case Kind::Integer:
            return QString::number(integer);
        case Kind::Absent:
            break;
        }
        return {};
    }
};

// The conversions of wire values. Each reads a value the same way from either source: a
// QJsonValue (the object readers: incidentFromGraph, alertFromGraph, ...) or a simdjson value
// (the page readers), so the two paths cannot map a field differently.

/** A string, or an integral number as its digits (ids may come as numbers); else empty. */
struct Text
{
    static QString read(const QJsonValue &value)
    {
        if (value.isString())
            return value.toString();
        if (value.isDouble())
            return QString::number(value.toInteger());
        return {};
    }
    static QString read(od::value &value)
    {
        Scalar scalar;
        scalar.read(value);
        return scalar.toString();
    }
};

/** The strings of an array; items of other types are left out. */
struct TextList
{
    static QStringList read(const QJsonValue &value)
    {
        QStringList list;
        const QJsonArray array = value.toArray();
        list.reserve(array.size());
        for (const auto &item : array) {
            if (item.isString())
                list.append(item.toString());
        }
        return list;
    }
    static QStringList read(od::value &value)
    {
        QStringList list;
        if (value.type() != od::json_type::array)
            return list;
        for (auto item : value.get_array()) {
            od::value v = item.value();
            if (v.type() == od::json_type::string)
                list.append(fromUtf8(v.get_string()));
        }
        return list;
    }
};

/** parseGraphDateTime() of a string; anything else is no time. */
struct Time
{
    static QDateTime read(const QJsonValue &value) { return parseGraphDateTime(value.toString()); }
    static QDateTime read(od::value &value)
    {
        if (value.type() != od::json_type::string)
            return {};
        const std::string_view text = value.get_string();
        if (text.empty())
            return {};
        if (const std::optional<QDateTime> quick = quickGraphDateTime(text))
            return *quick;
        return parseGraphDateTime(fromUtf8(text));
    }
};

/** An object or array as its compact JSON text; empty for anything else and for `{}`, `[]`. */
struct RawJson
{
    static QByteArray read(const QJsonValue &value)
    {
        QByteArray text;
        if (value.isObject() && !value.toObject().isEmpty())
            text = QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
        else if (value.isArray() && !value.toArray().isEmpty())
            text = QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
        return text;
    }
    /** An object or array as a view of its text as sent; an empty view (null data) for `{}`,
     *  `[]` and anything else. */
    static std::string_view view(od::value &value)
    {
        std::string_view raw;
        const od::json_type type = value.type();
        if (type == od::json_type::object) {
            od::object object = value.get_object();
            raw = object.raw_json();
        } else if (type == od::json_type::array) {
            od::array array = value.get_array();
            raw = array.raw_json();
        } else {
            return {};
        }
        if (raw.size() <= 16) {
            std::string bare;
            for (const char c : raw) {
                if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v')
                    bare += c;
            }
            if (bare == "{}" || bare == "[]")
                return {};
        }
        return raw;
    }
    static QByteArray read(od::value &value)
    {
        // The text as sent (parsed again only when shown); an empty object or array is no data.
        const std::string_view raw = view(value);
        if (!raw.data())
            return {};
        return QByteArray(raw.data(), qsizetype(raw.size()));
    }
};

/** canonicalEnumValue() of Text: known spellings and aliases normalised, others verbatim. */
template<GraphEnum Which>
struct Enum
{
    static QString read(const QJsonValue &value)
    {
        return canonicalEnumValue(Which, Text::read(value));
    }
    /** Remembers its answers per thread: a page repeats the same few spellings many times. */
    static QString read(od::value &value)
    {
        Scalar scalar;
        scalar.read(value);
        if (scalar.kind != Scalar::Kind::Text || scalar.text.size() > 64)
            return canonicalEnumValue(Which, scalar.toString());
        thread_local std::map<std::string, QString, std::less<>> known;
        const auto it = known.find(scalar.text);
        if (it != known.end())
            return it->second;
        QString canonical = canonicalEnumValue(Which, scalar.toString());
        if (known.size() < 256)
            known.emplace(std::string(scalar.text), canonical);
        return canonical;
    }
};

/** Enum of each string of an array; items of other types are left out. */
template<GraphEnum Which>
struct EnumList
{
    static QStringList read(const QJsonValue &value)
    {
        QStringList list = TextList::read(value);
        for (QString &item : list)
            item = canonicalEnumValue(Which, item);
        return list;
    }
    static QStringList read(od::value &value)
    {
        QStringList list;
        if (value.type() != od::json_type::array)
            return list;
        for (auto item : value.get_array()) {
            od::value v = item.value();
            if (v.type() == od::json_type::string)
                list.append(Enum<Which>::read(v));
        }
        return list;
    }
};

/** How one wire key is read into a Record, from either source. */
/**
 * @brief A fixed set of object keys and what each stands for, looked up once per field of a page.
 *
 * Open addressing over a few bytes of the key (its length, first, middle and last byte): the
 * keys of a Graph object differ there, so a look-up is one compare, where a std::hash of the
 * whole key cost a page's reading a tenth of its time. A key it does not hold is told apart by
 * that compare. Built once; read from any thread.
 */
template<typename Value>
class KeyIndex
{
public:
    /** Room for count keys. */
    explicit KeyIndex(size_t count)
    {
        size_t size = 16;
        while (size < count * 4)
            size *= 2;
        m_slots.resize(size);
    }
    KeyIndex(std::initializer_list<std::pair<std::string_view, Value>> entries)
        : KeyIndex(entries.size())
    {
        for (const auto &[key, value] : entries)
            insert(key, value);
    }
    /** Adds key (not there yet; within the room asked for). */
    void insert(std::string_view key, Value value)
    {
        size_t slot = hash(key) & (m_slots.size() - 1);
        while (m_slots[slot].used)
            slot = (slot + 1) & (m_slots.size() - 1);
        m_slots[slot] = Slot{key, std::move(value), true};
    }

    /** The value of key, or nullptr. */
    const Value *find(std::string_view key) const
    {
        size_t slot = hash(key) & (m_slots.size() - 1);
        while (m_slots[slot].used) {
            if (m_slots[slot].key == key)
                return &m_slots[slot].value;
            slot = (slot + 1) & (m_slots.size() - 1);
        }
        return nullptr;
    }

private:
    struct Slot
    {
        std::string_view key;
        Value value{};
        bool used = false;
    };
    static size_t hash(std::string_view key)
    {
        if (key.empty())
            return 0;
        const auto byte = [&key](size_t at) { return size_t(static_cast<unsigned char>(key[at])); };
        return (key.size() * 131) ^ (byte(0) * 7) ^ (byte(key.size() / 2) * 31)
               ^ (byte(key.size() - 1) * 61);
    }
    std::vector<Slot> m_slots;
};

template<typename Record>
struct FieldRule
{
    std::string_view key;
    void (*fromObject)(Record &, const QJsonValue &);
    void (*fromPage)(Record &, od::value &);
};

template<typename Member>
struct MemberOf;
template<typename Record, typename Type>
struct MemberOf<Type Record::*>
{
    using Class = Record;
};

/** The rule that reads key into Member with Conversion. */
template<auto Member, typename Conversion>
constexpr auto rule(std::string_view key)
{
    using Record = typename MemberOf<decltype(Member)>::Class;
    return FieldRule<Record>{
            key,
            [](Record &record, const QJsonValue &value) {
                record.*Member = Conversion::read(value);
            },
            [](Record &record, od::value &value) { record.*Member = Conversion::read(value); }};
}

/**
 * The wire keys of one record type, each with its member and conversion: the one mapping both
 * readers follow. Built once (function statics); read from any thread.
 */
template<typename Record>
class FieldTable
{
public:
    FieldTable(std::initializer_list<FieldRule<Record>> rules)
        : m_rules(rules)
        , m_byKey(m_rules.size())
    {
        for (const FieldRule<Record> &entry : m_rules)
            m_byKey.insert(entry.key, &entry);
    }

    /** Reads every key the table names from json; absent keys leave their member as it is. */
    void read(Record &record, const QJsonObject &json) const
    {
        for (const FieldRule<Record> &entry : m_rules) {
            const QJsonValue value = json.value(latin1(entry.key));
            if (!value.isUndefined())
                entry.fromObject(record, value);
        }
    }

    /** Reads the fields of a page's object; the keys the table does not name go to
     *  other(key, field), in the order they come. */
    template<typename Other>
    void read(Record &record, od::object object, Other other) const
    {
        for (auto field : object) {
            const std::string_view key = keyOf(field);
            if (const FieldRule<Record> *const *rule = m_byKey.find(key)) {
                od::value value = field.value();
                (*rule)->fromPage(record, value);
            } else {
                other(key, field);
            }
        }
    }
    void read(Record &record, od::object object) const
    {
        read(record, object, [](std::string_view, auto &) {});
    }

private:
    std::vector<FieldRule<Record>> m_rules;
    KeyIndex<const FieldRule<Record> *> m_byKey;
};

} // namespace Vigil::GraphWire
