// KQL's arithmetic (integer division and modulo as Kusto does them), math, binary, IP address
// and hash functions (unit U8 of reference/kql.md).
#include "kqlsqlitesupport.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QUuid>

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <climits>
#include <cmath>
#include <cstring>
#include <numbers>
#include <vector>

namespace Vigil::KqlSqlite {

namespace {

bool bothIntegers(sqlite3_value **argv)
{
    return sqlite3_value_type(argv[0]) == SQLITE_INTEGER
           && sqlite3_value_type(argv[1]) == SQLITE_INTEGER;
}

bool anyNull(int argc, sqlite3_value **argv)
{
    for (int i = 0; i < argc; ++i) {
        if (isNull(argv[i]))
            return true;
    }
    return false;
}

enum class Op { Add, Sub, Mul, Div, Mod };

/** Kusto's arithmetic: longs wrap around (two's complement), any real makes a real. */
template<Op O>
void arithmeticFn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    if (anyNull(argc, argv)) {
        sqlite3_result_null(ctx);
        return;
    }
    if (bothIntegers(argv)) {
        const qint64 a = sqlite3_value_int64(argv[0]);
        const qint64 b = sqlite3_value_int64(argv[1]);
        const auto ua = quint64(a);
        const auto ub = quint64(b);
        switch (O) {
        case Op::Add:
            sqlite3_result_int64(ctx, qint64(ua + ub));
            return;
        case Op::Sub:
            sqlite3_result_int64(ctx, qint64(ua - ub));
            return;
        case Op::Mul:
            sqlite3_result_int64(ctx, qint64(ua * ub));
            return;
        case Op::Div:
            if (b == 0)
                sqlite3_result_null(ctx);
            else
                sqlite3_result_int64(ctx, b == -1 ? qint64(quint64(0) - ua) : a / b);
            return;
        case Op::Mod: {
            if (b == 0) {
                sqlite3_result_null(ctx);
                return;
            }
            // Kusto's modulo is never negative: 0 <= N % D < abs(D) ("-14 % 12" is 10).
            const qint64 r = b == -1 ? 0 : a % b;
            sqlite3_result_int64(ctx, r < 0 ? (b < 0 ? r - b : r + b) : r);
            return;
        }
        }
    }
    const auto a = realArg(argv[0]);
    const auto b = realArg(argv[1]);
    if (!a || !b) {
        sqlite3_result_null(ctx);
        return;
    }
    switch (O) {
    case Op::Add:
        resultReal(ctx, *a + *b);
        return;
    case Op::Sub:
        resultReal(ctx, *a - *b);
        return;
    case Op::Mul:
        resultReal(ctx, *a * *b);
        return;
    case Op::Div:
        resultReal(ctx, *a / *b);
        return;
    case Op::Mod: {
        const double r = std::fmod(*a, *b);
        resultReal(ctx, r < 0 ? r + std::fabs(*b) : r);
        return;
    }
    }
}

template<double (*F)(double)>
void realFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const auto v = realArg(argv[0]);
    if (v)
        resultReal(ctx, F(*v));
    else
        sqlite3_result_null(ctx);
}

/** A function whose page gives null outside its domain (sqrt, log and asin of what they do not
 * take): no NaN there, so none is noted for the runner's warning. */
template<double (*F)(double)>
void domainFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const auto v = realArg(argv[0]);
    const double r = v ? F(*v) : 0.0;
    if (v && !std::isnan(r))
        resultReal(ctx, r);
    else
        sqlite3_result_null(ctx);
}

double exp10Of(double x)
{
    return std::pow(10.0, x);
}

double signOf(double x)
{
    return x > 0 ? 1 : x < 0 ? -1 : 0;
}

double degreesOf(double radians)
{
    return radians * 180.0 / std::numbers::pi;
}

double radiansOf(double degrees)
{
    return degrees * std::numbers::pi / 180.0;
}

double cotOf(double x)
{
    return 1.0 / std::tan(x);
}

double gammaOf(double x)
{
    return std::tgamma(x);
}

double logGammaOf(double x)
{
    return std::lgamma(x);
}

/** XXH64 with seed 0 (the xxHash specification). */
quint64 xxHash64(std::string_view bytes)
{
    constexpr quint64 p1 = 11400714785074694791ULL;
    constexpr quint64 p2 = 14029467366897019727ULL;
    constexpr quint64 p3 = 1609587929392839161ULL;
    constexpr quint64 p4 = 9650029242287828579ULL;
    constexpr quint64 p5 = 2870177450012600261ULL;
    const auto rotl = [](quint64 x, int r) { return (x << r) | (x >> (64 - r)); };
    const auto read64 = [&](size_t i) {
        quint64 v = 0;
        for (int k = 7; k >= 0; --k)
            v = (v << 8) | static_cast<unsigned char>(bytes[i + size_t(k)]);
        return v;
    };
    const auto read32 = [&](size_t i) {
        quint64 v = 0;
        for (int k = 3; k >= 0; --k)
            v = (v << 8) | static_cast<unsigned char>(bytes[i + size_t(k)]);
        return v;
    };
    const auto round = [&](quint64 acc, quint64 input) { return rotl(acc + input * p2, 31) * p1; };
    const auto merge = [&](quint64 acc, quint64 v) { return (acc ^ round(0, v)) * p1 + p4; };
    const size_t n = bytes.size();
    size_t i = 0;
    quint64 h = 0;
    if (n >= 32) {
        quint64 v1 = p1 + p2;
        quint64 v2 = p2;
        quint64 v3 = 0;
        quint64 v4 = quint64(0) - p1;
        for (; i + 32 <= n; i += 32) {
            v1 = round(v1, read64(i));
            v2 = round(v2, read64(i + 8));
            v3 = round(v3, read64(i + 16));
            v4 = round(v4, read64(i + 24));
        }
        h = rotl(v1, 1) + rotl(v2, 7) + rotl(v3, 12) + rotl(v4, 18);
        h = merge(merge(merge(merge(h, v1), v2), v3), v4);
    } else {
        h = p5;
    }
    h += quint64(n);
    for (; i + 8 <= n; i += 8)
        h = rotl(h ^ round(0, read64(i)), 27) * p1 + p4;
    if (i + 4 <= n) {
        h = rotl(h ^ (read32(i) * p1), 23) * p2 + p3;
        i += 4;
    }
    for (; i < n; ++i)
        h = rotl(h ^ (static_cast<unsigned char>(bytes[i]) * p5), 11) * p1;
    h ^= h >> 33;
    h *= p2;
    h ^= h >> 29;
    h *= p3;
    h ^= h >> 32;
    return h;
}

/**
 * hash(source[, mod]) and hash_xxhash64(): XXH64 of a string's UTF-8 bytes, or of a long's,
 * datetime's or timespan's 8 bytes (ticks for the last two), little-endian, as Microsoft's pages'
 * examples give them ("World" and datetime(2015-01-01)); with mod, the unsigned hash modulo mod.
 * The compiler refuses the other types, whose bytes the pages do not show.
 */
void hashFn64(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    quint64 h = 0;
    switch (sqlite3_value_type(argv[0])) {
    case SQLITE_NULL:
        sqlite3_result_null(ctx);
        return;
    case SQLITE_INTEGER: {
        const auto v = quint64(sqlite3_value_int64(argv[0]));
        char bytes[8];
        for (int k = 0; k < 8; ++k)
            bytes[k] = char((v >> (8 * k)) & 0xFF);
        h = xxHash64(std::string_view(bytes, 8));
        break;
    }
    default:
        h = xxHash64(text(argv[0]));
        break;
    }
    if (argc > 1) {
        const auto mod = longArg(argv[1]);
        if (!mod || *mod <= 0) {
            sqlite3_result_null(ctx);
            return;
        }
        sqlite3_result_int64(ctx, qint64(h % quint64(*mod)));
        return;
    }
    sqlite3_result_int64(ctx, qint64(h));
}

void piFn(sqlite3_context *ctx, int, sqlite3_value **)
{
    resultReal(ctx, std::numbers::pi);
}

double atan2Of(double y, double x)
{
    return std::atan2(y, x);
}

// isinf(): true for an infinite real. NaN has no value of its own in the store (SQLite keeps it
// as NULL), which is why isnan() and isfinite() are not offered.
void isInfFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    if (const auto v = realArg(argv[0]))
        resultBool(ctx, std::isinf(*v));
    else
        sqlite3_result_null(ctx);
}

void absFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    if (sqlite3_value_type(argv[0]) == SQLITE_INTEGER) {
        const qint64 v = sqlite3_value_int64(argv[0]);
        sqlite3_result_int64(ctx, v < 0 ? qint64(quint64(0) - quint64(v)) : v);
        return;
    }
    realFn<std::fabs>(ctx, 1, argv);
}

/** round(x[, precision]): half away from zero; a negative precision rounds left of the point. */
void roundFn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const auto precision = argc > 1 ? longArg(argv[1]) : std::optional<qint64>(0);
    if (!precision || isNull(argv[0])) {
        sqlite3_result_null(ctx);
        return;
    }
    const qint64 p = std::clamp<qint64>(*precision, -18, 15);
    if (sqlite3_value_type(argv[0]) == SQLITE_INTEGER && p >= 0) {
        sqlite3_result_int64(ctx, sqlite3_value_int64(argv[0]));
        return;
    }
    const auto v = realArg(argv[0]);
    if (!v) {
        sqlite3_result_null(ctx);
        return;
    }
    const double scale = std::pow(10.0, double(std::llabs(p)));
    const double r = p >= 0 ? std::round(*v * scale) / scale : std::round(*v / scale) * scale;
    if (sqlite3_value_type(argv[0]) == SQLITE_INTEGER && std::fabs(r) < 9.2e18)
        sqlite3_result_int64(ctx, qint64(r));
    else
        resultReal(ctx, r);
}

void ceilingFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    if (sqlite3_value_type(argv[0]) == SQLITE_INTEGER)
        sqlite3_result_int64(ctx, sqlite3_value_int64(argv[0]));
    else
        realFn<std::ceil>(ctx, 1, argv);
}

double powOf(double a, double b)
{
    return std::pow(a, b);
}

/** A function of two reals (pow, atan2): null when either is null. */
template<double (*F)(double, double)>
void real2Fn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const auto a = realArg(argv[0]);
    const auto b = realArg(argv[1]);
    if (a && b)
        resultReal(ctx, F(*a, *b));
    else
        sqlite3_result_null(ctx);
}

void randFn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    if (argc == 0) {
        sqlite3_result_double(ctx, QRandomGenerator::global()->generateDouble());
        return;
    }
    const auto n = longArg(argv[0]);
    if (!n || *n <= 0)
        sqlite3_result_null(ctx);
    else
        sqlite3_result_int64(ctx, qint64(QRandomGenerator::global()->bounded(quint64(*n))));
}

void newGuidFn(sqlite3_context *ctx, int, sqlite3_value **)
{
    resultText(ctx, QUuid::createUuid().toString(QUuid::WithoutBraces).toLower().toStdString());
}

enum class Bin { And, Or, Xor, ShiftLeft, ShiftRight };

template<Bin B>
void binaryFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const auto a = longArg(argv[0]);
    const auto b = longArg(argv[1]);
    if (!a || !b) {
        sqlite3_result_null(ctx);
        return;
    }
    const auto ua = quint64(*a);
    switch (B) {
    case Bin::And:
        sqlite3_result_int64(ctx, *a & *b);
        return;
    case Bin::Or:
        sqlite3_result_int64(ctx, *a | *b);
        return;
    case Bin::Xor:
        sqlite3_result_int64(ctx, *a ^ *b);
        return;
    case Bin::ShiftLeft:
        // .NET masks a long's shift count to its low six bits.
        sqlite3_result_int64(ctx, qint64(ua << (*b & 63)));
        return;
    case Bin::ShiftRight:
        sqlite3_result_int64(ctx, *a >> (*b & 63));
        return;
    }
}

void binaryNotFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const auto a = longArg(argv[0]);
    if (a)
        sqlite3_result_int64(ctx, ~*a);
    else
        sqlite3_result_null(ctx);
}

/** An IPv4 address with an optional /prefix: the address and the prefix (32 when absent). */
struct Ipv4
{
    quint32 address = 0;
    int prefix = 32;
};

std::optional<Ipv4> parseIpv4(std::string_view s)
{
    Ipv4 ip;
    if (const size_t slash = s.find('/'); slash != std::string_view::npos) {
        const std::string_view p = s.substr(slash + 1);
        if (p.empty() || p.size() > 2)
            return std::nullopt;
        ip.prefix = 0;
        for (const char c : p) {
            if (c < '0' || c > '9')
                return std::nullopt;
            ip.prefix = ip.prefix * 10 + (c - '0');
        }
        if (ip.prefix > 32)
            return std::nullopt;
        s = s.substr(0, slash);
    }
    int parts = 0;
    size_t pos = 0;
    while (parts < 4) {
        int value = 0;
        int digits = 0;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9' && digits < 4) {
            value = value * 10 + (s[pos++] - '0');
            ++digits;
        }
        if (digits == 0 || value > 255)
            return std::nullopt;
        ip.address = (ip.address << 8) | quint32(value);
        if (++parts < 4) {
            if (pos >= s.size() || s[pos] != '.')
                return std::nullopt;
            ++pos;
        }
    }
    if (pos != s.size())
        return std::nullopt;
    return ip;
}

quint32 mask(int prefix)
{
    return prefix == 0 ? 0 : ~quint32(0) << (32 - prefix);
}

/** ipv4_netmask_suffix(ip): the /prefix of an IPv4 address, 32 without one; null if not one. */
void ipv4NetmaskSuffixFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    if (const auto ip = parseIpv4(text(argv[0])))
        sqlite3_result_int64(ctx, ip->prefix);
    else
        sqlite3_result_null(ctx);
}

/**
 * kql_tohex(value, minLength, bits): Microsoft's tohex page: lower-case hexadecimal, a negative
 * value as its two's complement in `bits` (32 for an int, 64 for a long), padded with zeros to
 * minLength (a longer result ignores it).
 */
void tohexFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const auto value = longArg(argv[0]);
    if (!value) {
        sqlite3_result_null(ctx);
        return;
    }
    quint64 bits = quint64(*value);
    if (sqlite3_value_int64(argv[2]) == 32)
        bits &= 0xffffffffULL;
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    do {
        out.insert(out.begin(), digits[bits & 0xf]);
        bits >>= 4;
    } while (bits != 0);
    const qint64 minLength = std::clamp<qint64>(sqlite3_value_int64(argv[1]), 0, 64);
    if (qint64(out.size()) < minLength)
        out.insert(0, size_t(minLength) - out.size(), '0');
    resultText(ctx, out);
}

void parseIpv4Fn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const auto ip = parseIpv4(text(argv[0]));
    if (ip)
        sqlite3_result_int64(ctx, qint64(ip->address & mask(ip->prefix)));
    else
        sqlite3_result_null(ctx);
}

/** parse_ipv4_mask(ip, prefix): the address masked by the smaller of its own /prefix and the
 *  argument (0..32), as a long; null when either is not valid (Microsoft's page). */
void parseIpv4MaskFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const auto ip = parseIpv4(text(argv[0]));
    const auto prefix = longArg(argv[1]);
    if (!ip || !prefix || *prefix < 0 || *prefix > 32) {
        sqlite3_result_null(ctx);
        return;
    }
    const int bits = std::min(ip->prefix, int(*prefix));
    sqlite3_result_int64(ctx, qint64(ip->address & mask(bits)));
}

/**
 * format_ipv4(ip[, prefix]) and format_ipv4_mask(ip, prefix): the address masked by the smaller
 * of its own /prefix and the argument, as text (with "/prefix" for the mask form); "" when the
 * input is not an address or the prefix is outside 0..32 (Microsoft's format_ipv4 page). A
 * number is the address in big-endian order.
 */
template<bool WithMask>
void formatIpv4Fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    std::optional<Ipv4> ip;
    if (sqlite3_value_type(argv[0]) == SQLITE_INTEGER) {
        const qint64 n = sqlite3_value_int64(argv[0]);
        if (n >= 0 && n <= qint64(0xFFFFFFFFu))
            ip = Ipv4{quint32(n), 32};
    } else {
        ip = parseIpv4(text(argv[0]));
    }
    const std::optional<qint64> prefix = argc > 1 ? longArg(argv[1]) : std::optional<qint64>(32);
    if (!ip || !prefix || *prefix < 0 || *prefix > 32) {
        resultText(ctx, "");
        return;
    }
    const int bits = std::min(ip->prefix, int(*prefix));
    const quint32 a = ip->address & mask(bits);
    std::string out = std::to_string(a >> 24) + '.' + std::to_string((a >> 16) & 255) + '.'
                      + std::to_string((a >> 8) & 255) + '.' + std::to_string(a & 255);
    if (WithMask)
        out += '/' + std::to_string(bits);
    resultText(ctx, out);
}

void ipv4IsPrivateFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const auto ip = parseIpv4(text(argv[0]));
    if (!ip) {
        sqlite3_result_null(ctx);
        return;
    }
    // RFC 1918: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16.
    const quint32 a = ip->address;
    resultBool(ctx, (a >> 24) == 10 || (a >> 20) == ((172u << 4) | 1u)
                            || (a >> 16) == ((192u << 8) | 168u));
}

/** ipv4_compare(a, b[, prefix]): -1, 0 or 1, comparing the masked addresses. */
std::optional<int> compareIpv4(int argc, sqlite3_value **argv)
{
    const auto a = parseIpv4(text(argv[0]));
    const auto b = parseIpv4(text(argv[1]));
    if (!a || !b)
        return std::nullopt;
    int prefix = std::min(a->prefix, b->prefix);
    if (argc > 2) {
        const auto p = longArg(argv[2]);
        if (!p || *p < 0 || *p > 32)
            return std::nullopt;
        prefix = std::min(prefix, int(*p));
    }
    const quint32 x = a->address & mask(prefix);
    const quint32 y = b->address & mask(prefix);
    return x < y ? -1 : x > y ? 1 : 0;
}

void ipv4CompareFn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const auto c = compareIpv4(argc, argv);
    if (c)
        sqlite3_result_int(ctx, *c);
    else
        sqlite3_result_null(ctx);
}

void ipv4IsMatchFn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const auto c = compareIpv4(argc, argv);
    if (c)
        resultBool(ctx, *c == 0);
    else
        sqlite3_result_null(ctx);
}

void ipv4IsInRangeFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const auto ip = parseIpv4(text(argv[0]));
    const auto range = parseIpv4(text(argv[1]));
    if (!ip || !range) {
        sqlite3_result_null(ctx);
        return;
    }
    const quint32 m = mask(range->prefix);
    resultBool(ctx, (ip->address & m) == (range->address & m));
}

/**
 * The ranges of ipv4_is_in_any_range() and ipv6_is_in_any_range(): arguments 1… as written, or
 * the elements of a dynamic array among them, each parsed; an element that is not a string, or
 * that does not parse, is nullopt.
 */
template<typename Range, typename Parse>
std::vector<std::optional<Range>> rangeArguments(int argc, sqlite3_value **argv, Parse parse)
{
    std::vector<std::optional<Range>> ranges;
    for (int i = 1; i < argc; ++i) {
        if (isJson(argv[i])) {
            const KqlJson list = dynamicArg(argv[i]);
            for (const KqlJson &item : list.isArray() ? list.items : std::vector<KqlJson>{list})
                ranges.push_back(item.isString() ? parse(item.text) : std::nullopt);
        } else {
            ranges.push_back(parse(text(argv[i])));
        }
    }
    return ranges;
}

/**
 * ipv4_is_in_any_range(ip, range, ...) or (ip, dynamic array of ranges): ipv4_is_in_range
 * against each; null when the address or a range does not convert (Microsoft's page).
 */
void ipv4IsInAnyRangeFn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const auto ip = parseIpv4(text(argv[0]));
    const auto ranges = rangeArguments<Ipv4>(argc, argv, parseIpv4);
    if (!ip || std::any_of(ranges.begin(), ranges.end(), [](const auto &r) { return !r; })) {
        sqlite3_result_null(ctx);
        return;
    }
    resultBool(ctx, std::any_of(ranges.begin(), ranges.end(), [&](const auto &r) {
                   const quint32 m = mask(r->prefix);
                   return (ip->address & m) == (r->address & m);
               }));
}

/** An IPv6 (or IPv4, mapped) address with an optional /prefix, as 16 bytes. */
std::optional<std::pair<std::array<quint8, 16>, int>> parseIpv6(std::string_view s)
{
    int prefix = 128;
    if (const size_t slash = s.find('/'); slash != std::string_view::npos) {
        const std::string p(s.substr(slash + 1));
        if (p.empty() || p.size() > 3 || p.find_first_not_of("0123456789") != std::string::npos)
            return std::nullopt;
        prefix = std::stoi(p);
        s = s.substr(0, slash);
    }
    std::array<quint8, 16> bytes{};
    std::string address(s);
    // "::a.b.c.d" is read as the IPv4 address a.b.c.d, its prefix in IPv4 bits, as Microsoft's
    // parse_ipv6_mask and ipv6_is_match pages show ('::192.168.255.255/24' is ffff:c0a8:ff00).
    if (address.size() > 2 && address.starts_with("::") && parseIpv4(address.substr(2)))
        address = address.substr(2);
    if (const auto v4 = parseIpv4(address)) {
        bytes[10] = bytes[11] = 0xFF;
        for (int i = 0; i < 4; ++i)
            bytes[size_t(12) + size_t(i)] = quint8(v4->address >> (24 - 8 * i));
        if (s.find('/') == std::string_view::npos && prefix <= 32)
            prefix += 96;
    } else if (inet_pton(AF_INET6, address.c_str(), bytes.data()) != 1) {
        return std::nullopt;
    }
    if (prefix > 128)
        return std::nullopt;
    return std::make_pair(bytes, prefix);
}

void ipv6CompareFn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const auto a = parseIpv6(text(argv[0]));
    const auto b = parseIpv6(text(argv[1]));
    std::optional<qint64> p = argc > 2 ? longArg(argv[2]) : std::optional<qint64>(128);
    if (!a || !b || !p || *p < 0 || *p > 128) {
        sqlite3_result_null(ctx);
        return;
    }
    const int prefix = std::min({a->second, b->second, int(*p)});
    for (int bit = 0; bit < prefix; ++bit) {
        const int x = (a->first[size_t(bit / 8)] >> (7 - bit % 8)) & 1;
        const int y = (b->first[size_t(bit / 8)] >> (7 - bit % 8)) & 1;
        if (x != y) {
            sqlite3_result_int(ctx, x < y ? -1 : 1);
            return;
        }
    }
    sqlite3_result_int(ctx, 0);
}

/** The octets of a dotted IPv4 address or prefix ("10.0.0.1", "10.0."): 1-3 digits each, at
 *  most 255; a prefix ends with its dot. Nullopt when the text is neither. */
std::optional<std::vector<int>> ipv4Octets(std::string_view s, bool prefix)
{
    std::vector<int> octets;
    size_t i = 0;
    while (i < s.size()) {
        size_t j = i;
        int value = 0;
        while (j < s.size() && j - i < 4 && s[j] >= '0' && s[j] <= '9')
            value = value * 10 + (s[j++] - '0');
        if (j == i || j - i > 3 || value > 255)
            return std::nullopt;
        octets.push_back(value);
        if (j == s.size())
            break;
        if (s[j] != '.' || octets.size() == 4)
            return std::nullopt;
        i = j + 1;
        if (i == s.size()) // a trailing dot: a prefix
            return prefix && octets.size() < 4 ? std::optional(octets) : std::nullopt;
    }
    if (octets.size() != 4)
        return std::nullopt;
    return octets;
}

/** The IPv4 addresses in text that non-alphanumeric characters set apart (a run of letters,
 *  digits and dots, its outer dots left out, that is a whole address). */
std::vector<std::vector<int>> ipv4InText(std::string_view text)
{
    const auto word = [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u >= 0x80 || std::isalnum(u) || c == '.';
    };
    std::vector<std::vector<int>> found;
    size_t i = 0;
    while (i < text.size()) {
        if (!word(text[i])) {
            ++i;
            continue;
        }
        size_t j = i;
        while (j < text.size() && word(text[j]))
            ++j;
        std::string_view run = text.substr(i, j - i);
        while (!run.empty() && run.front() == '.')
            run.remove_prefix(1);
        while (!run.empty() && run.back() == '.')
            run.remove_suffix(1);
        if (const auto octets = ipv4Octets(run, false))
            found.push_back(*octets);
        i = j;
    }
    return found;
}

/**
 * has_ipv4(text, ip), has_ipv4_prefix(text, prefix), has_any_ipv4(text, ip, … | array) and
 * has_any_ipv4_prefix: whether an address set apart in the text (ipv4InText) is one of the
 * addresses, or starts with one of the prefixes ("127.0."; a prefix ends with a dot or is a
 * whole address). An argument that is not a valid address or prefix matches nothing
 * (Microsoft's pages: '127.0.0.256' and '127.0' give false).
 */
template<bool Prefix>
void hasIpv4Fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    std::vector<std::vector<int>> wanted;
    const auto parse = [](std::string_view item) { return ipv4Octets(item, Prefix); };
    for (const auto &octets : rangeArguments<std::vector<int>>(argc, argv, parse)) {
        if (octets)
            wanted.push_back(*octets);
    }
    bool hit = false;
    if (!wanted.empty()) {
        for (const std::vector<int> &address : ipv4InText(text(argv[0]))) {
            hit = std::any_of(wanted.begin(), wanted.end(), [&](const std::vector<int> &w) {
                return std::equal(w.begin(), w.end(), address.begin());
            });
            if (hit)
                break;
        }
    }
    resultBool(ctx, hit);
}

/** The address masked to its first prefix bits. */
std::array<quint8, 16> masked(std::array<quint8, 16> bytes, int prefix)
{
    for (int bit = std::max(prefix, 0); bit < 128; ++bit)
        bytes[size_t(bit / 8)] &= quint8(~(0x80 >> (bit % 8)));
    return bytes;
}

/** The canonical form Microsoft's parse_ipv6 page prints: eight groups of four hex digits. */
std::string canonicalIpv6(const std::array<quint8, 16> &bytes)
{
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    for (size_t i = 0; i < 16; ++i) {
        if (i > 0 && i % 2 == 0)
            out += ':';
        out += hex[bytes[i] >> 4];
        out += hex[bytes[i] & 15];
    }
    return out;
}

/** parse_ipv6(ip) and parse_ipv6_mask(ip, prefix): the canonical address, masked by its own
 *  /prefix (and the argument, 0-128); "" when either is not valid. */
void parseIpv6Fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const auto ip = parseIpv6(text(argv[0]));
    const std::optional<qint64> p = argc > 1 ? longArg(argv[1]) : std::optional<qint64>(128);
    if (!ip || !p || *p < 0 || *p > 128) {
        resultText(ctx, {});
        return;
    }
    resultText(ctx, canonicalIpv6(masked(ip->first, std::min(ip->second, int(*p)))));
}

/** Whether two parsed addresses agree on their first bits (the smaller prefix, and limit). */
bool samePrefix(const std::pair<std::array<quint8, 16>, int> &a,
                const std::pair<std::array<quint8, 16>, int> &b, int limit)
{
    const int prefix = std::min({a.second, b.second, limit});
    return masked(a.first, prefix) == masked(b.first, prefix);
}

/** ipv6_is_match(a, b[, prefix]) and ipv6_is_in_range(address, range): null when an address
 *  (or the prefix) is not valid. */
void ipv6IsMatchFn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const auto a = parseIpv6(text(argv[0]));
    const auto b = parseIpv6(text(argv[1]));
    const std::optional<qint64> p = argc > 2 ? longArg(argv[2]) : std::optional<qint64>(128);
    if (!a || !b || !p || *p < 0 || *p > 128) {
        sqlite3_result_null(ctx);
        return;
    }
    resultBool(ctx, samePrefix(*a, *b, int(*p)));
}

/** ipv6_is_in_any_range(address, range, …) or (address, dynamic array of ranges). */
void ipv6IsInAnyRangeFn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const auto ip = parseIpv6(text(argv[0]));
    const auto ranges
            = rangeArguments<std::pair<std::array<quint8, 16>, int>>(argc, argv, parseIpv6);
    if (!ip || std::any_of(ranges.begin(), ranges.end(), [](const auto &r) { return !r; })) {
        sqlite3_result_null(ctx);
        return;
    }
    resultBool(ctx, std::any_of(ranges.begin(), ranges.end(),
                                [&](const auto &r) { return samePrefix(*ip, *r, 128); }));
}

template<QCryptographicHash::Algorithm A>
void hashFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    if (isNull(argv[0])) {
        sqlite3_result_null(ctx);
        return;
    }
    const std::string_view s = text(argv[0]);
    const QByteArray digest
            = QCryptographicHash::hash(QByteArrayView(s.data(), qsizetype(s.size())), A);
    resultText(ctx, digest.toHex().toStdString());
}

/** format_bytes(size[, precision[, unit[, base]]]): "564 Bytes", "19.08 MB". */
void formatBytesFn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const auto size = realArg(argv[0]);
    const qint64 precision = argc > 1 ? longArg(argv[1]).value_or(0) : 0;
    const std::string unit = argc > 2 ? std::string(text(argv[2])) : std::string();
    const qint64 base = argc > 3 ? longArg(argv[3]).value_or(1024) : 1024;
    if (!size || !std::isfinite(*size) || precision < 0 || precision > 15
        || (base != 1024 && base != 1000)) {
        resultText(ctx, "");
        return;
    }
    static constexpr std::array<const char *, 7> units
            = {"Bytes", "KB", "MB", "GB", "TB", "PB", "EB"};
    size_t chosen = 0;
    if (!unit.empty()) {
        const auto it = std::find_if(units.begin(), units.end(), [&](const char *u) {
            return QByteArray(u).compare(QByteArray::fromStdString(unit), Qt::CaseInsensitive) == 0;
        });
        if (it == units.end()) {
            resultText(ctx, "");
            return;
        }
        chosen = size_t(it - units.begin());
    } else {
        double v = std::fabs(*size);
        while (v >= double(base) && chosen + 1 < units.size()) {
            v /= double(base);
            ++chosen;
        }
    }
    const double value = *size / std::pow(double(base), double(chosen));
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f %s", int(precision), value, units[chosen]);
    resultText(ctx, buffer);
}

} // namespace

int registerMathFunctions(sqlite3 *db, Context *c)
{
    struct Entry
    {
        const char *name;
        int argc;
        ScalarFn fn;
        bool deterministic;
    };
    static constexpr Entry entries[] = {
            {"kql_add", 2, arithmeticFn<Op::Add>, true},
            {"kql_subtract", 2, arithmeticFn<Op::Sub>, true},
            {"kql_multiply", 2, arithmeticFn<Op::Mul>, true},
            {"kql_divide", 2, arithmeticFn<Op::Div>, true},
            {"kql_modulo", 2, arithmeticFn<Op::Mod>, true},
            {"kql_abs", 1, absFn, true},
            {"kql_round", 1, roundFn, true},
            {"kql_round", 2, roundFn, true},
            {"kql_ceiling", 1, ceilingFn, true},
            {"kql_pow", 2, real2Fn<powOf>, true},
            {"kql_sqrt", 1, domainFn<std::sqrt>, true},
            {"kql_exp", 1, realFn<std::exp>, true},
            {"kql_exp2", 1, realFn<std::exp2>, true},
            {"kql_exp10", 1, realFn<exp10Of>, true},
            {"kql_log", 1, domainFn<std::log>, true},
            {"kql_log2", 1, domainFn<std::log2>, true},
            {"kql_log10", 1, domainFn<std::log10>, true},
            {"kql_sign", 1, realFn<signOf>, true},
            {"kql_sin", 1, realFn<std::sin>, true},
            {"kql_cos", 1, realFn<std::cos>, true},
            {"kql_tan", 1, realFn<std::tan>, true},
            {"kql_asin", 1, domainFn<std::asin>, true},
            {"kql_acos", 1, domainFn<std::acos>, true},
            {"kql_atan", 1, realFn<std::atan>, true},
            {"kql_atan2", 2, real2Fn<atan2Of>, true},
            {"kql_cot", 1, realFn<cotOf>, true},
            {"kql_degrees", 1, realFn<degreesOf>, true},
            {"kql_radians", 1, realFn<radiansOf>, true},
            {"kql_pi", 0, piFn, true},
            {"kql_gamma", 1, realFn<gammaOf>, true},
            {"kql_loggamma", 1, realFn<logGammaOf>, true},
            {"kql_isinf", 1, isInfFn, true},
            {"kql_hash", 1, hashFn64, true},
            {"kql_hash", 2, hashFn64, true},
            {"kql_rand", 0, randFn, false},
            {"kql_rand", 1, randFn, false},
            {"kql_new_guid", 0, newGuidFn, false},
            {"kql_binary_and", 2, binaryFn<Bin::And>, true},
            {"kql_binary_or", 2, binaryFn<Bin::Or>, true},
            {"kql_binary_xor", 2, binaryFn<Bin::Xor>, true},
            {"kql_binary_shift_left", 2, binaryFn<Bin::ShiftLeft>, true},
            {"kql_binary_shift_right", 2, binaryFn<Bin::ShiftRight>, true},
            {"kql_binary_not", 1, binaryNotFn, true},
            {"kql_parse_ipv4", 1, parseIpv4Fn, true},
            {"kql_parse_ipv4_mask", 2, parseIpv4MaskFn, true},
            {"kql_ipv4_is_private", 1, ipv4IsPrivateFn, true},
            {"kql_ipv4_compare", -1, ipv4CompareFn, true},
            {"kql_ipv4_is_match", -1, ipv4IsMatchFn, true},
            {"kql_ipv4_netmask_suffix", 1, ipv4NetmaskSuffixFn, true},
            {"kql_tohex", 3, tohexFn, true},
            {"kql_ipv4_is_in_range", 2, ipv4IsInRangeFn, true},
            {"kql_ipv4_is_in_any_range", -1, ipv4IsInAnyRangeFn, true},
            {"kql_format_ipv4", 1, formatIpv4Fn<false>, true},
            {"kql_format_ipv4", 2, formatIpv4Fn<false>, true},
            {"kql_format_ipv4_mask", 2, formatIpv4Fn<true>, true},
            {"kql_ipv6_compare", -1, ipv6CompareFn, true},
            {"kql_parse_ipv6", 1, parseIpv6Fn, true},
            {"kql_has_ipv4", 2, hasIpv4Fn<false>, true},
            {"kql_has_ipv4_prefix", 2, hasIpv4Fn<true>, true},
            {"kql_has_any_ipv4", -1, hasIpv4Fn<false>, true},
            {"kql_has_any_ipv4_prefix", -1, hasIpv4Fn<true>, true},
            {"kql_parse_ipv6_mask", 2, parseIpv6Fn, true},
            {"kql_ipv6_is_match", 2, ipv6IsMatchFn, true},
            {"kql_ipv6_is_match", 3, ipv6IsMatchFn, true},
            {"kql_ipv6_is_in_range", 2, ipv6IsMatchFn, true},
            {"kql_ipv6_is_in_any_range", -1, ipv6IsInAnyRangeFn, true},
            {"kql_hash_sha256", 1, hashFn<QCryptographicHash::Sha256>, true},
            {"kql_hash_sha1", 1, hashFn<QCryptographicHash::Sha1>, true},
            {"kql_hash_md5", 1, hashFn<QCryptographicHash::Md5>, true},
            {"kql_format_bytes", -1, formatBytesFn, true},
    };
    for (const Entry &e : entries) {
        if (const int rc = addScalar(db, c, e.name, e.argc, e.fn, e.deterministic); rc != SQLITE_OK)
            return rc;
    }
    return SQLITE_OK;
}

} // namespace Vigil::KqlSqlite
