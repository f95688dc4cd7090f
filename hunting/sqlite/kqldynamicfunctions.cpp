// KQL's dynamic (JSON) values and conversions (unit U5 of reference/kql.md). A dynamic value is
// compact JSON TEXT, NULL when missing (core/huntingschema.h); results carry JsonSubtype so that
// a function reading them directly knows they are JSON and not a string.
#include "kqlsqlitesupport.h"
#include "kqltime.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace Vigil::KqlSqlite {

namespace {

/** tostring() of a dynamic value: a string without quotes, anything else as compact JSON. */
std::string jsonToString(const KqlJson &j)
{
    switch (j.kind) {
    case KqlJson::Kind::Null:
        return {};
    case KqlJson::Kind::String:
        return j.text;
    case KqlJson::Kind::Real:
        return kqlFormatReal(j.real);
    default:
        return j.serialize();
    }
}

std::string_view trimmed(std::string_view s)
{
    while (!s.empty()
           && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty()
           && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

std::optional<qint64> parseLong(std::string_view s)
{
    s = trimmed(s);
    if (!s.empty() && s.front() == '+')
        s.remove_prefix(1);
    qint64 value = 0;
    const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (s.empty() || error != std::errc() || end != s.data() + s.size())
        return std::nullopt;
    return value;
}

std::optional<double> parseReal(std::string_view s)
{
    s = trimmed(s);
    if (!s.empty() && s.front() == '+')
        s.remove_prefix(1);
    double value = 0;
    const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (s.empty() || end != s.data() + s.size()
        || (error != std::errc() && error != std::errc::result_out_of_range))
        return std::nullopt;
    if (error == std::errc::result_out_of_range)
        value = std::strtod(std::string(s).c_str(), nullptr); // ±inf or 0, as .NET parses
    return value;
}

std::optional<qint64> realToLong(double d)
{
    if (!std::isfinite(d) || d >= 9.2233720368547758e18 || d < -9.2233720368547758e18)
        return std::nullopt;
    return qint64(d);
}

/** The value a to*() conversion starts from: dynamic text is opened, plain text stays text. */
KqlJson conversionSource(sqlite3_value *v)
{
    return anyArg(v);
}

std::optional<qint64> toLong(const KqlJson &j)
{
    switch (j.kind) {
    case KqlJson::Kind::Long:
        return j.integer;
    case KqlJson::Kind::Real:
        return realToLong(j.real);
    case KqlJson::Kind::Bool:
        return j.boolean ? 1 : 0;
    case KqlJson::Kind::String:
        if (auto v = parseLong(j.text))
            return v;
        return std::nullopt;
    default:
        return std::nullopt;
    }
}

std::optional<double> toReal(const KqlJson &j)
{
    switch (j.kind) {
    case KqlJson::Kind::Long:
        return double(j.integer);
    case KqlJson::Kind::Real:
        return j.real;
    case KqlJson::Kind::Bool:
        return j.boolean ? 1.0 : 0.0;
    case KqlJson::Kind::String:
        return parseReal(j.text);
    default:
        return std::nullopt;
    }
}

void dynFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    sqlite3_result_value(ctx, argv[0]);
    if (sqlite3_value_type(argv[0]) == SQLITE_TEXT)
        sqlite3_result_subtype(ctx, JsonSubtype);
}

void boolJsonFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    if (isNull(argv[0]))
        sqlite3_result_null(ctx);
    else
        resultJson(ctx, KqlJson::fromBool(sqlite3_value_int64(argv[0]) != 0));
}

/** parse_json/todynamic: JSON text to a dynamic value; text that is not JSON is a string. */
void parseJsonFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    switch (sqlite3_value_type(argv[0])) {
    case SQLITE_TEXT: {
        if (sqlite3_value_bytes(argv[0]) == 0) {
            sqlite3_result_null(ctx);
            return;
        }
        resultJson(ctx, dynamicArg(argv[0]));
        return;
    }
    case SQLITE_INTEGER:
    case SQLITE_FLOAT:
        resultJson(ctx, dynamicArg(argv[0]));
        return;
    default:
        sqlite3_result_null(ctx);
    }
}

/** kql_dyn_get(value, step, ...): x.k, x['k'], x[i] (negative i from the end); null if absent. */
void dynGetFn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    if (isNull(argv[0])) {
        sqlite3_result_null(ctx);
        return;
    }
    const KqlJson root = dynamicArg(argv[0]);
    const KqlJson *node = &root;
    for (int i = 1; i < argc && node; ++i) {
        if (sqlite3_value_type(argv[i]) == SQLITE_INTEGER) {
            const qint64 index = sqlite3_value_int64(argv[i]);
            if (!node->isArray()) {
                node = nullptr;
                break;
            }
            const qint64 size = qint64(node->items.size());
            const qint64 at = index < 0 ? size + index : index;
            node = at >= 0 && at < size ? &node->items[size_t(at)] : nullptr;
        } else {
            node = node->isObject() ? node->member(text(argv[i])) : nullptr;
        }
    }
    if (node)
        resultJson(ctx, *node);
    else
        sqlite3_result_null(ctx);
}

void toStringFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    resultText(ctx, jsonToString(conversionSource(argv[0])));
}

void toLongFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const auto v = toLong(conversionSource(argv[0]));
    if (v)
        sqlite3_result_int64(ctx, *v);
    else
        sqlite3_result_null(ctx);
}

void toIntFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const auto v = toLong(conversionSource(argv[0]));
    if (v && *v >= std::numeric_limits<qint32>::min() && *v <= std::numeric_limits<qint32>::max())
        sqlite3_result_int64(ctx, *v);
    else
        sqlite3_result_null(ctx);
}

void toRealFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const auto v = toReal(conversionSource(argv[0]));
    if (v)
        resultReal(ctx, *v);
    else
        sqlite3_result_null(ctx);
}

void toBoolFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const KqlJson j = conversionSource(argv[0]);
    switch (j.kind) {
    case KqlJson::Kind::Bool:
        resultBool(ctx, j.boolean);
        return;
    case KqlJson::Kind::Long:
        resultBool(ctx, j.integer != 0);
        return;
    case KqlJson::Kind::Real:
        resultBool(ctx, j.real != 0);
        return;
    case KqlJson::Kind::String: {
        std::string s(trimmed(j.text));
        std::transform(s.begin(), s.end(), s.begin(),
                       [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; });
        if (s == "true" || s == "false") {
            resultBool(ctx, s == "true");
            return;
        }
        break;
    }
    default:
        break;
    }
    sqlite3_result_null(ctx);
}

/**
 * kql_text_long_cmp(s, n, notEqual, inWhere): `s == n` or `s != n` of a string and an int or
 * long that are not constants. Kusto's pages do not say which side such a comparison converts,
 * so the answer is given where both readings agree: the text of n (tostring(), "" for null)
 * against s, and tolong(s) against n with the null rules of ==. In a where condition null and
 * false are alike. Where the readings differ ("0123" against 123, "" against null) the query
 * stops with the value, so that no answer depends on a guess.
 */
void textLongCmpFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const std::string_view s = text(argv[0]);
    const bool nNull = isNull(argv[1]);
    const qint64 n = nNull ? 0 : sqlite3_value_int64(argv[1]);
    const bool notEqual = sqlite3_value_int64(argv[2]) != 0;
    const bool inWhere = sqlite3_value_int64(argv[3]) != 0;
    const std::string nText = nNull ? std::string() : std::to_string(n);
    const bool asText = (s == nText) != notEqual;
    const std::optional<qint64> sNumber = parseLong(s);
    std::optional<bool> asNumber; // empty: null
    if (sNumber && !nNull)
        asNumber = (*sNumber == n) != notEqual;
    else if (sNumber || !nNull)
        asNumber = notEqual;
    const bool agree = inWhere ? asText == asNumber.value_or(false) : asNumber == asText;
    if (!agree) {
        size_t cut = std::min<size_t>(s.size(), 64);
        while (cut > 0 && cut < s.size() && (uchar(s[cut]) & 0xC0) == 0x80)
            --cut; // not inside a character
        const std::string message
                = "comparing the string \"" + std::string(s.substr(0, cut))
                  + (cut < s.size() ? "…" : "") + "\" with the number "
                  + (nNull ? std::string("null") : nText)
                  + " gives one answer as text and another as numbers, and Kusto's pages do not "
                    "say which it compares; convert one side (tolong() of the string, or "
                    "tostring() of the number)";
        sqlite3_result_error(ctx, message.data(), int(message.size()));
        return;
    }
    resultBool(ctx, asText);
}

/** gettype() of a dynamic value. */
void getTypeFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    static constexpr const char *names[]
            = {"null", "bool", "long", "real", "string", "array", "dictionary"};
    const KqlJson j = isNull(argv[0]) ? KqlJson::null() : dynamicArg(argv[0]);
    resultText(ctx, names[int(j.kind)]);
}

/** gettype()'s names of the kinds of a dynamic value. */
constexpr const char *kindNames[]
        = {"null", "bool", "long", "real", "string", "array", "dictionary"};

/**
 * evaluate bag_unpack()'s first read: a bag's slots as a bag of their kinds' names
 * ({"a": "long", "b": "string"}); NULL when the value is not a bag.
 */
void bagSlotKindsFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const KqlJson bag = isNull(argv[0]) ? KqlJson::null() : dynamicArg(argv[0]);
    if (!bag.isObject()) {
        sqlite3_result_null(ctx);
        return;
    }
    KqlJson out = KqlJson::object();
    for (const auto &[key, value] : bag.members)
        out.members.push_back({key, KqlJson::fromString(kindNames[int(value.kind)])});
    resultJson(ctx, out);
}

/**
 * kql_bag_slot(bag, key, type): the slot `key` of a bag as a cell of an evaluate bag_unpack()
 * column of that type (long, int, real, string, bool or dynamic). A missing slot, a null one or
 * a value that is not a bag gives the type's null ('' for a string); a slot of another kind is
 * an error (Kusto: the data does not match the output schema).
 */
void bagSlotFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const std::string_view type = text(argv[2]);
    const KqlJson bag = isNull(argv[0]) ? KqlJson::null() : dynamicArg(argv[0]);
    const KqlJson *slot = bag.isObject() ? bag.member(text(argv[1])) : nullptr;
    if (!slot || slot->isNull()) {
        if (type == "string")
            resultText(ctx, {});
        else
            sqlite3_result_null(ctx);
        return;
    }
    if (type == "dynamic") {
        resultJson(ctx, *slot);
        return;
    }
    using K = KqlJson::Kind;
    if ((type == "long" || type == "int") && slot->kind == K::Long
        && (type == "long"
            || (slot->integer >= std::numeric_limits<qint32>::min()
                && slot->integer <= std::numeric_limits<qint32>::max()))) {
        sqlite3_result_int64(ctx, slot->integer);
        return;
    }
    if (type == "real" && slot->kind == K::Real) {
        sqlite3_result_double(ctx, slot->real);
        return;
    }
    if (type == "string" && slot->kind == K::String) {
        resultText(ctx, slot->text);
        return;
    }
    if (type == "bool" && slot->kind == K::Bool) {
        sqlite3_result_int(ctx, slot->boolean ? 1 : 0);
        return;
    }
    const std::string message = "evaluate bag_unpack(): the slot '" + std::string(text(argv[1]))
                                + "' holds a " + kindNames[int(slot->kind)] + ", not a "
                                + std::string(type)
                                + (slot->kind == K::Long && type == "int" ? " (out of range)" : "");
    sqlite3_result_error(ctx, message.data(), int(message.size()));
}

void arrayLengthFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const KqlJson j = dynamicArg(argv[0]);
    if (j.isArray())
        sqlite3_result_int64(ctx, qint64(j.items.size()));
    else
        sqlite3_result_null(ctx);
}

void arrayConcatFn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    KqlJson out = KqlJson::array();
    for (int i = 0; i < argc; ++i) {
        KqlJson j = dynamicArg(argv[i]);
        if (!j.isArray()) {
            sqlite3_result_null(ctx);
            return;
        }
        for (KqlJson &item : j.items)
            out.items.push_back(std::move(item));
    }
    resultJson(ctx, out);
}

/** array_slice(array, start, end): end inclusive, negative indexes count from the end. */
void arraySliceFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const KqlJson j = dynamicArg(argv[0]);
    const auto start = longArg(argv[1]);
    const auto end = longArg(argv[2]);
    if (!j.isArray() || !start || !end) {
        sqlite3_result_null(ctx);
        return;
    }
    const qint64 size = qint64(j.items.size());
    const qint64 from = std::max<qint64>(0, *start < 0 ? size + *start : *start);
    const qint64 to = std::min<qint64>(size - 1, *end < 0 ? size + *end : *end);
    KqlJson out = KqlJson::array();
    for (qint64 i = from; i <= to; ++i)
        out.items.push_back(j.items[size_t(i)]);
    resultJson(ctx, out);
}

void arrayReverseFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    KqlJson j = dynamicArg(argv[0]);
    if (!j.isArray()) {
        sqlite3_result_null(ctx);
        return;
    }
    std::reverse(j.items.begin(), j.items.end());
    resultJson(ctx, j);
}

/**
 * toguid(value): the first 32 hexadecimal digits of the text, with hyphens allowed only where a
 * GUID has them (after the 8th, 12th, 16th and 20th digit); what follows them is ignored; null
 * when there are not 32 such digits (Microsoft's page). Written in lower case with hyphens.
 */
void toGuidFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const KqlJson value = anyArg(argv[0]);
    if (!value.isString()) {
        sqlite3_result_null(ctx);
        return;
    }
    std::string digits;
    for (const char c : value.text) {
        if (digits.size() == 32)
            break;
        if (c == '-') {
            const size_t n = digits.size();
            if (n == 8 || n == 12 || n == 16 || n == 20)
                continue;
            sqlite3_result_null(ctx);
            return;
        }
        const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (!hex) {
            sqlite3_result_null(ctx);
            return;
        }
        digits += char(c >= 'A' && c <= 'F' ? c - 'A' + 'a' : c);
    }
    if (digits.size() != 32) {
        sqlite3_result_null(ctx);
        return;
    }
    const std::string guid = digits.substr(0, 8) + '-' + digits.substr(8, 4) + '-'
                             + digits.substr(12, 4) + '-' + digits.substr(16, 4) + '-'
                             + digits.substr(20);
    resultText(ctx, guid);
}

/** array_sum(array): the sum of its numbers as a real; null when an element is not a number
 *  (Microsoft's page), 0 for an empty array. */
void arraySumFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const KqlJson j = dynamicArg(argv[0]);
    if (!j.isArray()) {
        sqlite3_result_null(ctx);
        return;
    }
    double sum = 0;
    for (const KqlJson &item : j.items) {
        if (!item.isNumber()) {
            sqlite3_result_null(ctx);
            return;
        }
        sum += item.kind == KqlJson::Kind::Long ? double(item.integer) : item.real;
    }
    resultReal(ctx, sum);
}

/** array_rotate_left(array, n) and array_rotate_right: a negative n turns the other way. */
template<bool Left>
void arrayRotateFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    KqlJson j = dynamicArg(argv[0]);
    const auto n = longArg(argv[1]);
    if (!j.isArray() || !n) {
        sqlite3_result_null(ctx);
        return;
    }
    const qint64 size = qint64(j.items.size());
    if (size > 0) {
        qint64 by = *n % size; // |by| < size, so negating it cannot overflow
        if (!Left)
            by = -by;
        if (by < 0)
            by += size;
        std::rotate(j.items.begin(), j.items.begin() + by, j.items.end());
    }
    resultJson(ctx, j);
}

/**
 * array_shift_left(array, n[, default]) and array_shift_right: the elements move n places (a
 * negative n the other way) and the places left empty take default: null, or "" when every
 * element is a string (Microsoft's page: "null or an empty string depending on the type of
 * elements").
 */
template<bool Left>
void arrayShiftFn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const KqlJson j = dynamicArg(argv[0]);
    const auto n = longArg(argv[1]);
    if (!j.isArray() || !n) {
        sqlite3_result_null(ctx);
        return;
    }
    KqlJson fill;
    if (argc > 2) {
        fill = anyArg(argv[2]);
    } else if (!j.items.empty()
               && std::all_of(j.items.begin(), j.items.end(),
                              [](const KqlJson &item) { return item.isString(); })) {
        fill = KqlJson::fromString({});
    }
    const qint64 size = qint64(j.items.size());
    const qint64 clamped = std::clamp(*n, -size, size); // beyond the size all is fill
    const qint64 by = Left ? clamped : -clamped;
    KqlJson out = KqlJson::array();
    out.items.reserve(size_t(size));
    for (qint64 i = 0; i < size; ++i) {
        const qint64 from = i + by;
        out.items.push_back(from >= 0 && from < size ? j.items[size_t(from)] : fill);
    }
    resultJson(ctx, out);
}

/**
 * array_iff(conditions, when_true, when_false): per condition (a bool, or a number: true when
 * not 0; anything else gives null) the element at that place of when_true or when_false, or
 * the value itself when it is not an array; a missing element is null (Microsoft's page).
 */
void arrayIffFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const KqlJson conditions = dynamicArg(argv[0]);
    if (!conditions.isArray()) {
        sqlite3_result_null(ctx);
        return;
    }
    const KqlJson whenTrue = anyArg(argv[1]);
    const KqlJson whenFalse = anyArg(argv[2]);
    const auto pick = [](const KqlJson &from, size_t i) {
        if (!from.isArray())
            return from;
        return i < from.items.size() ? from.items[i] : KqlJson::null();
    };
    KqlJson out = KqlJson::array();
    for (size_t i = 0; i < conditions.items.size(); ++i) {
        const KqlJson &c = conditions.items[i];
        std::optional<bool> truth;
        if (c.kind == KqlJson::Kind::Bool)
            truth = c.boolean;
        else if (c.kind == KqlJson::Kind::Long)
            truth = c.integer != 0;
        else if (c.kind == KqlJson::Kind::Real)
            truth = c.real != 0;
        out.items.push_back(!truth ? KqlJson::null() : pick(*truth ? whenTrue : whenFalse, i));
    }
    resultJson(ctx, out);
}

/** zip(a, b, …): one array per position, as long as the longest; a missing element is null. */
void zipFn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    std::vector<KqlJson> arrays;
    size_t longest = 0;
    for (int i = 0; i < argc; ++i) {
        arrays.push_back(dynamicArg(argv[i]));
        if (!arrays.back().isArray()) {
            sqlite3_result_null(ctx);
            return;
        }
        longest = std::max(longest, arrays.back().items.size());
    }
    KqlJson out = KqlJson::array();
    for (size_t k = 0; k < longest; ++k) {
        KqlJson row = KqlJson::array();
        for (const KqlJson &a : arrays)
            row.items.push_back(k < a.items.size() ? a.items[k] : KqlJson::null());
        out.items.push_back(std::move(row));
    }
    resultJson(ctx, out);
}

/** The order of array_sort_asc(): numbers, then strings (ordinal), then bools, then the rest,
 *  each kept in its place among equals. */
int sortRank(const KqlJson &v)
{
    switch (v.kind) {
    case KqlJson::Kind::Long:
    case KqlJson::Kind::Real:
        return 0;
    case KqlJson::Kind::String:
        return 1;
    case KqlJson::Kind::Bool:
        return 2;
    default:
        return 3;
    }
}

bool sortsBefore(const KqlJson &a, const KqlJson &b)
{
    const int ra = sortRank(a);
    const int rb = sortRank(b);
    if (ra != rb)
        return ra < rb;
    if (ra == 0) {
        if (a.kind == KqlJson::Kind::Long && b.kind == KqlJson::Kind::Long)
            return a.integer < b.integer;
        const double x = a.kind == KqlJson::Kind::Long ? double(a.integer) : a.real;
        const double y = b.kind == KqlJson::Kind::Long ? double(b.integer) : b.real;
        return x < y;
    }
    if (ra == 1)
        return a.text < b.text;
    if (ra == 2)
        return !a.boolean && b.boolean;
    return false;
}

/**
 * array_sort_asc(array[, nulls_last]) and array_sort_desc: one array (the binder refuses
 * several); nulls last unless nulls_last is false. Mixed types sort as Microsoft's page lists
 * them: numbers first, then strings, then the rest (descending reverses the order of values,
 * not of the kinds).
 */
template<bool Ascending>
void arraySortFn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    KqlJson j = dynamicArg(argv[0]);
    if (!j.isArray()) {
        sqlite3_result_null(ctx);
        return;
    }
    const bool nullsLast = argc < 2 || isNull(argv[1]) || sqlite3_value_int(argv[1]) != 0;
    std::vector<KqlJson> nulls;
    std::vector<KqlJson> values;
    for (KqlJson &item : j.items)
        (item.isNull() ? nulls : values).push_back(std::move(item));
    std::stable_sort(values.begin(), values.end(), [](const KqlJson &a, const KqlJson &b) {
        if (!Ascending && sortRank(a) == sortRank(b))
            return sortsBefore(b, a);
        return sortsBefore(a, b);
    });
    j.items.clear();
    if (!nullsLast)
        j.items = nulls;
    j.items.insert(j.items.end(), values.begin(), values.end());
    if (nullsLast)
        j.items.insert(j.items.end(), nulls.begin(), nulls.end());
    resultJson(ctx, j);
}

/** array_index_of(array, value[, start[, length[, occurrence]]]): index or -1. */
void arrayIndexOfFn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const KqlJson j = dynamicArg(argv[0]);
    if (!j.isArray() || isNull(argv[1])) {
        sqlite3_result_null(ctx);
        return;
    }
    const KqlJson value = anyArg(argv[1]);
    const qint64 size = qint64(j.items.size());
    qint64 start = argc > 2 ? longArg(argv[2]).value_or(0) : 0;
    const qint64 length = argc > 3 ? longArg(argv[3]).value_or(-1) : -1;
    const qint64 occurrence = argc > 4 ? longArg(argv[4]).value_or(1) : 1;
    if (start < 0)
        start = std::max<qint64>(0, size + start);
    if (start > size || length < -1 || occurrence < 1) {
        sqlite3_result_null(ctx);
        return;
    }
    const qint64 end = length == -1 ? size : std::min(size, start + length);
    qint64 seen = 0;
    for (qint64 i = start; i < end; ++i) {
        if (j.items[size_t(i)] == value && ++seen == occurrence) {
            sqlite3_result_int64(ctx, i);
            return;
        }
    }
    sqlite3_result_int64(ctx, -1);
}

bool containsValue(const std::vector<KqlJson> &items, const KqlJson &v)
{
    return std::find(items.begin(), items.end(), v) != items.end();
}

void setHasElementFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const KqlJson j = dynamicArg(argv[0]);
    if (!j.isArray()) {
        sqlite3_result_null(ctx);
        return;
    }
    resultBool(ctx, containsValue(j.items, anyArg(argv[1])));
}

enum class SetOp { Union, Intersect, Difference };

template<SetOp Op>
void setFn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    std::vector<KqlJson> sets;
    for (int i = 0; i < argc; ++i) {
        sets.push_back(dynamicArg(argv[i]));
        if (!sets.back().isArray()) {
            sqlite3_result_null(ctx);
            return;
        }
    }
    KqlJson out = KqlJson::array();
    const auto add = [&](const KqlJson &v) {
        if (!containsValue(out.items, v))
            out.items.push_back(v);
    };
    if (Op == SetOp::Union) {
        for (const KqlJson &s : sets)
            std::for_each(s.items.begin(), s.items.end(), add);
    } else {
        for (const KqlJson &v : sets.front().items) {
            bool keep = true;
            for (size_t i = 1; i < sets.size() && keep; ++i) {
                const bool in = containsValue(sets[i].items, v);
                keep = Op == SetOp::Intersect ? in : !in;
            }
            if (keep)
                add(v);
        }
    }
    resultJson(ctx, out);
}

void jaccardFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const KqlJson a = dynamicArg(argv[0]);
    const KqlJson b = dynamicArg(argv[1]);
    if (!a.isArray() || !b.isArray()) {
        sqlite3_result_null(ctx);
        return;
    }
    std::vector<KqlJson> all;
    std::vector<KqlJson> distinctA;
    for (const KqlJson &v : a.items) {
        if (!containsValue(distinctA, v))
            distinctA.push_back(v);
    }
    all = distinctA;
    qint64 common = 0;
    std::vector<KqlJson> distinctB;
    for (const KqlJson &v : b.items) {
        if (containsValue(distinctB, v))
            continue;
        distinctB.push_back(v);
        if (containsValue(distinctA, v))
            ++common;
        else
            all.push_back(v);
    }
    resultReal(ctx, all.empty() ? std::nan("") : double(common) / double(all.size()));
}

void packArrayFn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    KqlJson out = KqlJson::array();
    for (int i = 0; i < argc; ++i)
        out.items.push_back(anyArg(argv[i]));
    resultJson(ctx, out);
}

void bagPackFn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    if (argc % 2 != 0) {
        sqlite3_result_error(ctx, "bag_pack needs key and value pairs", -1);
        return;
    }
    KqlJson out = KqlJson::object();
    for (int i = 0; i < argc; i += 2)
        out.setMember(std::string(text(argv[i])), anyArg(argv[i + 1]));
    resultJson(ctx, out);
}

/** bag_merge(bag, ...): the keys of every bag; the leftmost bag wins a duplicate key. */
void bagMergeFn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    KqlJson out = KqlJson::object();
    for (int i = 0; i < argc; ++i) {
        const KqlJson bag = dynamicArg(argv[i]);
        if (!bag.isObject())
            continue;
        for (const auto &[key, value] : bag.members) {
            if (!out.member(key))
                out.members.push_back({key, value});
        }
    }
    resultJson(ctx, out);
}

void bagKeysFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const KqlJson bag = dynamicArg(argv[0]);
    if (!bag.isObject()) {
        sqlite3_result_null(ctx);
        return;
    }
    KqlJson out = KqlJson::array();
    for (const auto &member : bag.members)
        out.items.push_back(KqlJson::fromString(member.first));
    resultJson(ctx, out);
}

/** The member names of a JSONPath of members only ($.a.b, $['a']["b"]); nullopt otherwise. */
std::optional<std::vector<std::string>> memberPath(std::string_view path)
{
    if (path.size() < 2 || path[0] != '$')
        return std::nullopt;
    std::vector<std::string> names;
    size_t pos = 1;
    while (pos < path.size()) {
        if (path[pos] == '.') {
            const size_t start = ++pos;
            while (pos < path.size() && path[pos] != '.' && path[pos] != '[')
                ++pos;
            if (pos == start)
                return std::nullopt;
            names.emplace_back(path.substr(start, pos - start));
        } else if (path[pos] == '[') {
            const size_t close = path.find(']', pos);
            if (close == std::string_view::npos)
                return std::nullopt;
            const std::string_view inner = path.substr(pos + 1, close - pos - 1);
            if (inner.size() < 2 || (inner.front() != '\'' && inner.front() != '"')
                || inner.back() != inner.front())
                return std::nullopt; // an index: "array indexing isn't supported"
            names.emplace_back(inner.substr(1, inner.size() - 2));
            pos = close + 1;
        } else {
            return std::nullopt;
        }
    }
    if (names.empty())
        return std::nullopt;
    return names;
}

void removeMemberPath(KqlJson &bag, const std::vector<std::string> &names, size_t at)
{
    if (!bag.isObject())
        return;
    if (at + 1 == names.size()) {
        std::erase_if(bag.members, [&](const auto &m) { return m.first == names[at]; });
        return;
    }
    for (KqlJsonMember &m : bag.members) {
        if (m.first == names[at])
            removeMemberPath(m.second, names, at + 1);
    }
}

/** bag_has_key(bag, key): a key of the first level, or of a nested one in JSONPath notation. */
void bagHasKeyFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const KqlJson bag = dynamicArg(argv[0]);
    if (!bag.isObject()) {
        sqlite3_result_null(ctx);
        return;
    }
    const std::string_view key = text(argv[1]);
    std::vector<std::string> names;
    if (!key.empty() && key.front() == '$') {
        const auto path = memberPath(key);
        if (!path) {
            sqlite3_result_int(ctx, 0);
            return;
        }
        names = *path;
    } else {
        names.emplace_back(key);
    }
    const KqlJson *node = &bag;
    for (const std::string &name : names)
        node = node && node->isObject() ? node->member(name) : nullptr;
    sqlite3_result_int(ctx, node ? 1 : 0);
}

/**
 * bag_set_key(bag, key, value): sets a key of the first level, or a nested one in JSONPath
 * notation ($.key2.prop1), making the levels that are missing; null when bag is not a property
 * bag, or when a level on the way holds something else than a bag (the page does not say).
 */
void bagSetKeyFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    KqlJson bag = dynamicArg(argv[0]);
    const std::string_view key = text(argv[1]);
    if (!bag.isObject()) {
        sqlite3_result_null(ctx);
        return;
    }
    std::vector<std::string> names;
    if (!key.empty() && key.front() == '$') {
        const auto path = memberPath(key);
        if (!path || path->empty()) {
            sqlite3_result_null(ctx);
            return;
        }
        names = *path;
    } else {
        names.emplace_back(key);
    }
    KqlJson *node = &bag;
    for (size_t i = 0; i + 1 < names.size(); ++i) {
        if (!node->member(names[i]))
            node->setMember(names[i], KqlJson::object());
        auto it = std::find_if(node->members.begin(), node->members.end(),
                               [&](const auto &m) { return m.first == names[i]; });
        if (!it->second.isObject()) {
            sqlite3_result_null(ctx);
            return;
        }
        node = &it->second;
    }
    node->setMember(names.back(), anyArg(argv[2]));
    resultJson(ctx, bag);
}

/**
 * bag_remove_keys(bag, keys): Microsoft's page: keys of the first level, or of a nested level
 * written in JSONPath notation ($.key2.prop1); array indexing is not supported (such a key
 * removes nothing).
 */
void bagRemoveKeysFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    KqlJson bag = dynamicArg(argv[0]);
    const KqlJson keys = dynamicArg(argv[1]);
    if (!bag.isObject() || !keys.isArray()) {
        sqlite3_result_null(ctx);
        return;
    }
    std::vector<KqlJson> plain;
    for (const KqlJson &key : keys.items) {
        if (key.isString() && !key.text.empty() && key.text.front() == '$') {
            if (const auto names = memberPath(key.text))
                removeMemberPath(bag, *names, 0);
        } else {
            plain.push_back(key);
        }
    }
    std::erase_if(bag.members, [&](const auto &m) {
        return containsValue(plain, KqlJson::fromString(m.first));
    });
    resultJson(ctx, bag);
}

void strcatArrayFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const KqlJson j = dynamicArg(argv[0]);
    const std::string_view delimiter = text(argv[1]);
    if (!j.isArray()) {
        resultText(ctx, "");
        return;
    }
    std::string out;
    for (size_t i = 0; i < j.items.size(); ++i) {
        if (i > 0)
            out += delimiter;
        out += jsonToString(j.items[i]);
    }
    resultText(ctx, out);
}

/**
 * extract_json(path, json): the element a JSONPath selects ($, .name, ['name'], [index]), as a
 * string ("" when the path selects nothing).
 */
void extractJsonFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const std::string_view path = text(argv[0]);
    const KqlJson root = dynamicArg(argv[1]);
    const KqlJson *node = &root;
    size_t pos = 0;
    if (path.empty() || path[0] != '$') {
        sqlite3_result_error(ctx, "extract_json: the path must start with $", -1);
        return;
    }
    ++pos;
    while (node && pos < path.size()) {
        if (path[pos] == '.') {
            const size_t start = ++pos;
            while (pos < path.size() && path[pos] != '.' && path[pos] != '[')
                ++pos;
            node = node->isObject() ? node->member(path.substr(start, pos - start)) : nullptr;
        } else if (path[pos] == '[') {
            const size_t close = path.find(']', pos);
            if (close == std::string_view::npos) {
                node = nullptr;
                break;
            }
            std::string_view inner = path.substr(pos + 1, close - pos - 1);
            pos = close + 1;
            if (inner.size() >= 2 && (inner.front() == '\'' || inner.front() == '"')) {
                inner = inner.substr(1, inner.size() - 2);
                node = node->isObject() ? node->member(inner) : nullptr;
            } else if (const auto index = parseLong(inner);
                       index && node->isArray() && *index >= 0
                       && size_t(*index) < node->items.size()) {
                node = &node->items[size_t(*index)];
            } else {
                node = nullptr;
            }
        } else {
            node = nullptr;
        }
    }
    resultText(ctx, node ? jsonToString(*node) : std::string());
}

/** A dynamic value as dynamic_to_json() writes it inside an array or bag: keys sorted. */
void canonicalJsonTo(std::string &out, const KqlJson &j)
{
    if (j.isArray()) {
        out += '[';
        for (size_t i = 0; i < j.items.size(); ++i) {
            if (i > 0)
                out += ',';
            canonicalJsonTo(out, j.items[i]);
        }
        out += ']';
    } else if (j.isObject()) {
        std::vector<const KqlJsonMember *> sorted;
        sorted.reserve(j.members.size());
        for (const KqlJsonMember &m : j.members)
            sorted.push_back(&m);
        std::sort(sorted.begin(), sorted.end(), [](const auto *a, const auto *b) {
            return a->first < b->first; // ordinal, by UTF-8 bytes
        });
        out += '{';
        for (size_t i = 0; i < sorted.size(); ++i) {
            if (i > 0)
                out += ',';
            kqlAppendJsonString(out, sorted[i]->first);
            out += ':';
            canonicalJsonTo(out, sorted[i]->second);
        }
        out += '}';
    } else {
        j.serializeTo(out);
    }
}

/**
 * dynamic_to_json(x): Microsoft's page: an array or a bag as compact JSON with every bag's
 * properties sorted by name; a scalar value as tostring() writes it.
 */
void dynamicToJsonFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const KqlJson j = dynamicArg(argv[0]);
    if (!j.isArray() && !j.isObject()) {
        resultText(ctx, jsonToString(j));
        return;
    }
    std::string out;
    canonicalJsonTo(out, j);
    resultText(ctx, out);
}

/**
 * range(start, stop[, step]): start, start + step, ... up to and including stop, at most 2^20
 * values (Microsoft's range() page); a step of 0 or a null argument gives null. Longs unless an
 * argument is real; the datetime and timespan forms (default step 1h) are separate functions
 * because SQLite sees their ticks as plain integers.
 */
enum class RangeOf { Number, DateTime, TimeSpan };

/** The most values range() gives (its page), and so the most repeat() builds. */
constexpr qint64 MaxArrayValues = qint64(1) << 20;

template<RangeOf Of>
void rangeFn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    for (int i = 0; i < argc; ++i) {
        if (isNull(argv[i])) {
            sqlite3_result_null(ctx);
            return;
        }
    }
    KqlJson out = KqlJson::array();
    const bool real = Of == RangeOf::Number && std::any_of(argv, argv + argc, [](sqlite3_value *v) {
                          return sqlite3_value_type(v) == SQLITE_FLOAT;
                      });
    if (real) {
        const double start = sqlite3_value_double(argv[0]);
        const double stop = sqlite3_value_double(argv[1]);
        const double step = argc > 2 ? sqlite3_value_double(argv[2]) : 1.0;
        if (step == 0 || !std::isfinite(step)) {
            sqlite3_result_null(ctx);
            return;
        }
        for (qint64 n = 0; n < MaxArrayValues; ++n) {
            const double v = start + double(n) * step;
            if (step > 0 ? v > stop : v < stop)
                break;
            out.items.push_back(KqlJson::fromReal(v));
        }
        resultJson(ctx, out);
        return;
    }
    const qint64 start = sqlite3_value_int64(argv[0]);
    const qint64 stop = sqlite3_value_int64(argv[1]);
    const qint64 step = argc > 2 ? sqlite3_value_int64(argv[2])
                                 : (Of == RangeOf::Number ? 1 : qint64(36000000000));
    if (step == 0) {
        sqlite3_result_null(ctx);
        return;
    }
    qint64 v = start;
    for (qint64 n = 0; n < MaxArrayValues && (step > 0 ? v <= stop : v >= stop); ++n) {
        if constexpr (Of == RangeOf::DateTime)
            out.items.push_back(KqlJson::fromString(KqlTime::formatDateTime(v).toStdString()));
        else if constexpr (Of == RangeOf::TimeSpan)
            out.items.push_back(KqlJson::fromString(KqlTime::formatTimeSpan(v).toStdString()));
        else
            out.items.push_back(KqlJson::fromLong(v));
        if (__builtin_add_overflow(v, step, &v))
            break;
    }
    resultJson(ctx, out);
}

/**
 * repeat(value, count): an array of count copies of value (Microsoft's repeat() page): empty for
 * 0, null for a negative or null count. More than range()'s 2^20 values stops the query rather
 * than building an array that size.
 */
void repeatFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    if (isNull(argv[1]) || sqlite3_value_int64(argv[1]) < 0) {
        sqlite3_result_null(ctx);
        return;
    }
    const qint64 count = sqlite3_value_int64(argv[1]);
    if (count > MaxArrayValues) {
        const std::string message = "repeat(): " + std::to_string(count)
                                    + " copies are more than the " + std::to_string(MaxArrayValues)
                                    + " values an array may hold here (as range() gives at most)";
        sqlite3_result_error(ctx, message.data(), int(message.size()));
        return;
    }
    KqlJson out = KqlJson::array();
    const KqlJson value = anyArg(argv[0]);
    out.items.assign(size_t(count), value);
    resultJson(ctx, out);
}

} // namespace

int registerDynamicFunctions(sqlite3 *db, Context *c)
{
    struct Entry
    {
        const char *name;
        int argc;
        ScalarFn fn;
    };
    static constexpr Entry entries[] = {
            {"kql_dyn", 1, dynFn},
            {"kql_bool_json", 1, boolJsonFn},
            {"kql_parse_json", 1, parseJsonFn},
            {"kql_todynamic", 1, parseJsonFn},
            {"kql_dyn_get", -1, dynGetFn},
            {"kql_tostring", 1, toStringFn},
            {"kql_tolong", 1, toLongFn},
            {"kql_toint", 1, toIntFn},
            {"kql_todouble", 1, toRealFn},
            {"kql_toreal", 1, toRealFn},
            {"kql_tobool", 1, toBoolFn},
            {"kql_text_long_cmp", 4, textLongCmpFn},
            {"kql_toboolean", 1, toBoolFn},
            {"kql_gettype", 1, getTypeFn},
            {"kql_bag_slot_kinds", 1, bagSlotKindsFn},
            {"kql_bag_slot", 3, bagSlotFn},
            {"kql_array_length", 1, arrayLengthFn},
            {"kql_array_concat", -1, arrayConcatFn},
            {"kql_array_slice", 3, arraySliceFn},
            {"kql_array_reverse", 1, arrayReverseFn},
            {"kql_array_sum", 1, arraySumFn},
            {"kql_toguid", 1, toGuidFn},
            {"kql_array_rotate_left", 2, arrayRotateFn<true>},
            {"kql_array_rotate_right", 2, arrayRotateFn<false>},
            {"kql_array_shift_left", 2, arrayShiftFn<true>},
            {"kql_array_shift_left", 3, arrayShiftFn<true>},
            {"kql_array_shift_right", 2, arrayShiftFn<false>},
            {"kql_array_shift_right", 3, arrayShiftFn<false>},
            {"kql_array_iff", 3, arrayIffFn},
            {"kql_array_iif", 3, arrayIffFn},
            {"kql_zip", -1, zipFn},
            {"kql_array_sort_asc", 1, arraySortFn<true>},
            {"kql_array_sort_asc", 2, arraySortFn<true>},
            {"kql_array_sort_desc", 1, arraySortFn<false>},
            {"kql_array_sort_desc", 2, arraySortFn<false>},
            {"kql_bag_set_key", 3, bagSetKeyFn},
            {"kql_array_index_of", -1, arrayIndexOfFn},
            {"kql_set_has_element", 2, setHasElementFn},
            {"kql_set_union", -1, setFn<SetOp::Union>},
            {"kql_set_intersect", -1, setFn<SetOp::Intersect>},
            {"kql_set_difference", -1, setFn<SetOp::Difference>},
            {"kql_jaccard_index", 2, jaccardFn},
            {"kql_pack_array", -1, packArrayFn},
            {"kql_pack", -1, bagPackFn},
            {"kql_bag_pack", -1, bagPackFn},
            {"kql_bag_merge", -1, bagMergeFn},
            {"kql_bag_keys", 1, bagKeysFn},
            {"kql_bag_has_key", 2, bagHasKeyFn},
            {"kql_bag_remove_keys", 2, bagRemoveKeysFn},
            {"kql_strcat_array", 2, strcatArrayFn},
            {"kql_extract_json", 2, extractJsonFn},
            {"kql_extractjson", 2, extractJsonFn},
            {"kql_dynamic_to_json", 1, dynamicToJsonFn},
            {"kql_repeat", 2, repeatFn},
            {"kql_range", 2, rangeFn<RangeOf::Number>},
            {"kql_range", 3, rangeFn<RangeOf::Number>},
            {"kql_range_datetime", 2, rangeFn<RangeOf::DateTime>},
            {"kql_range_datetime", 3, rangeFn<RangeOf::DateTime>},
            {"kql_range_timespan", 2, rangeFn<RangeOf::TimeSpan>},
            {"kql_range_timespan", 3, rangeFn<RangeOf::TimeSpan>},
    };
    for (const Entry &e : entries) {
        if (const int rc = addScalar(db, c, e.name, e.argc, e.fn); rc != SQLITE_OK)
            return rc;
    }
    return SQLITE_OK;
}

} // namespace Vigil::KqlSqlite
