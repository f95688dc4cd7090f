#include "kqljson.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <unordered_map>

namespace Vigil {

KqlJson KqlJson::null()
{
    return {};
}

namespace {

class Parser
{
public:
    explicit Parser(std::string_view text)
        : m_text(text)
    { }

    std::optional<KqlJson> document()
    {
        KqlJson value;
        if (!parseValue(value, 0))
            return std::nullopt;
        skipBlanks();
        if (m_pos != m_text.size())
            return std::nullopt;
        return value;
    }

private:
    void skipBlanks()
    {
        while (m_pos < m_text.size()
               && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t' || m_text[m_pos] == '\n'
                   || m_text[m_pos] == '\r'))
            ++m_pos;
    }
    bool literal(std::string_view word)
    {
        if (m_text.substr(m_pos, word.size()) != word)
            return false;
        m_pos += word.size();
        return true;
    }

    bool parseValue(KqlJson &out, int depth)
    {
        if (depth > KqlJson::MaxDepth)
            return false;
        skipBlanks();
        if (m_pos >= m_text.size())
            return false;
        const char c = m_text[m_pos];
        if (c == '{')
            return parseObject(out, depth);
        if (c == '[')
            return parseArray(out, depth);
        if (c == '"' || c == '\'') {
            out.kind = KqlJson::Kind::String;
            return parseString(out.text);
        }
        if (literal("true")) {
            out = KqlJson::fromBool(true);
            return true;
        }
        if (literal("false")) {
            out = KqlJson::fromBool(false);
            return true;
        }
        if (literal("null")) {
            out = KqlJson::null();
            return true;
        }
        return parseNumber(out);
    }

    bool parseObject(KqlJson &out, int depth)
    {
        out = KqlJson::object();
        std::unordered_map<std::string, size_t> index; // key -> member, once there are many
        ++m_pos;
        skipBlanks();
        if (m_pos < m_text.size() && m_text[m_pos] == '}') {
            ++m_pos;
            return true;
        }
        for (;;) {
            skipBlanks();
            if (m_pos >= m_text.size() || (m_text[m_pos] != '"' && m_text[m_pos] != '\''))
                return false;
            std::string key;
            if (!parseString(key))
                return false;
            skipBlanks();
            if (m_pos >= m_text.size() || m_text[m_pos] != ':')
                return false;
            ++m_pos;
            KqlJson value;
            if (!parseValue(value, depth + 1))
                return false;
            // A repeated key keeps its place and takes the later value. Past a few members the
            // keys are looked up in a hash, so that a bag with many keys stays linear.
            if (out.members.size() < 16) {
                out.setMember(std::move(key), std::move(value));
            } else {
                if (index.empty()) {
                    for (size_t i = 0; i < out.members.size(); ++i)
                        index.emplace(out.members[i].first, i);
                }
                const auto [it, added] = index.try_emplace(key, out.members.size());
                if (added)
                    out.members.push_back({std::move(key), std::move(value)});
                else
                    out.members[it->second].second = std::move(value);
            }
            skipBlanks();
            if (m_pos >= m_text.size())
                return false;
            if (m_text[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_text[m_pos] != '}')
                return false;
            ++m_pos;
            return true;
        }
    }

    bool parseArray(KqlJson &out, int depth)
    {
        out = KqlJson::array();
        ++m_pos;
        skipBlanks();
        if (m_pos < m_text.size() && m_text[m_pos] == ']') {
            ++m_pos;
            return true;
        }
        for (;;) {
            KqlJson value;
            if (!parseValue(value, depth + 1))
                return false;
            out.items.push_back(std::move(value));
            skipBlanks();
            if (m_pos >= m_text.size())
                return false;
            if (m_text[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_text[m_pos] != ']')
                return false;
            ++m_pos;
            return true;
        }
    }

    static void appendUtf8(std::string &out, char32_t cp)
    {
        if (cp < 0x80) {
            out += char(cp);
        } else if (cp < 0x800) {
            out += char(0xC0 | (cp >> 6));
            out += char(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += char(0xE0 | (cp >> 12));
            out += char(0x80 | ((cp >> 6) & 0x3F));
            out += char(0x80 | (cp & 0x3F));
        } else {
            out += char(0xF0 | (cp >> 18));
            out += char(0x80 | ((cp >> 12) & 0x3F));
            out += char(0x80 | ((cp >> 6) & 0x3F));
            out += char(0x80 | (cp & 0x3F));
        }
    }

    bool hex4(char32_t &value)
    {
        if (m_pos + 4 > m_text.size())
            return false;
        value = 0;
        for (int i = 0; i < 4; ++i) {
            const char h = m_text[m_pos++];
            value <<= 4;
            if (h >= '0' && h <= '9')
                value |= char32_t(h - '0');
            else if (h >= 'a' && h <= 'f')
                value |= char32_t(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F')
                value |= char32_t(h - 'A' + 10);
            else
                return false;
        }
        return true;
    }

    bool parseString(std::string &out)
    {
        const char quote = m_text[m_pos++];
        out.clear();
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos++];
            if (c == quote)
                return true;
            if (static_cast<unsigned char>(c) < 0x20)
                return false;
            if (c != '\\') {
                out += c;
                continue;
            }
            if (m_pos >= m_text.size())
                return false;
            const char e = m_text[m_pos++];
            switch (e) {
            case '"':
            case '\\':
            case '/':
            case '\'':
                out += e;
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'u': {
                char32_t cp = 0;
                if (!hex4(cp))
                    return false;
                if (cp >= 0xD800 && cp < 0xDC00 && m_text.substr(m_pos, 2) == "\\u") {
                    const size_t save = m_pos;
                    m_pos += 2;
                    char32_t low = 0;
                    if (hex4(low) && low >= 0xDC00 && low < 0xE000)
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    else
                        m_pos = save;
                }
                if (cp >= 0xD800 && cp < 0xE000)
                    cp = 0xFFFD; // a lone surrogate has no UTF-8 form
                appendUtf8(out, cp);
                break;
            }
            default:
                return false;
            }
        }
        return false;
    }

    bool parseNumber(KqlJson &out)
    {
        const size_t start = m_pos;
        if (m_pos < m_text.size() && m_text[m_pos] == '-')
            ++m_pos;
        const size_t digitsStart = m_pos;
        while (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9')
            ++m_pos;
        if (m_pos == digitsStart)
            return false;
        bool integral = true;
        if (m_pos < m_text.size() && m_text[m_pos] == '.') {
            integral = false;
            ++m_pos;
            const size_t fracStart = m_pos;
            while (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9')
                ++m_pos;
            if (m_pos == fracStart)
                return false;
        }
        if (m_pos < m_text.size() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
            integral = false;
            ++m_pos;
            if (m_pos < m_text.size() && (m_text[m_pos] == '+' || m_text[m_pos] == '-'))
                ++m_pos;
            const size_t expStart = m_pos;
            while (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9')
                ++m_pos;
            if (m_pos == expStart)
                return false;
        }
        const char *first = m_text.data() + start;
        const char *last = m_text.data() + m_pos;
        if (integral) {
            qint64 value = 0;
            const auto [end, error] = std::from_chars(first, last, value);
            if (error == std::errc() && end == last) {
                out = KqlJson::fromLong(value);
                return true;
            }
        }
        double value = 0;
        const auto [end, error] = std::from_chars(first, last, value);
        if (end != last || (error != std::errc() && error != std::errc::result_out_of_range))
            return false;
        if (error == std::errc::result_out_of_range)
            value = std::strtod(std::string(first, last).c_str(), nullptr); // ±inf or 0
        out = KqlJson::fromReal(value);
        return true;
    }

    std::string_view m_text;
    size_t m_pos = 0;
};

} // namespace

KqlJson KqlJson::fromBool(bool value)
{
    KqlJson j;
    j.kind = Kind::Bool;
    j.boolean = value;
    return j;
}

KqlJson KqlJson::fromLong(qint64 value)
{
    KqlJson j;
    j.kind = Kind::Long;
    j.integer = value;
    return j;
}

KqlJson KqlJson::fromReal(double value)
{
    KqlJson j;
    j.kind = Kind::Real;
    j.real = value;
    return j;
}

KqlJson KqlJson::fromString(std::string value)
{
    KqlJson j;
    j.kind = Kind::String;
    j.text = std::move(value);
    return j;
}

KqlJson KqlJson::array()
{
    KqlJson j;
    j.kind = Kind::Array;
    return j;
}

KqlJson KqlJson::object()
{
    KqlJson j;
    j.kind = Kind::Object;
    return j;
}

const KqlJson *KqlJson::member(std::string_view key) const
{
    for (const auto &[name, value] : members) {
        if (name == key)
            return &value;
    }
    return nullptr;
}

void KqlJson::setMember(std::string key, KqlJson value)
{
    for (auto &[name, existing] : members) {
        if (name == key) {
            existing = std::move(value);
            return;
        }
    }
    members.push_back({std::move(key), std::move(value)});
}

std::optional<KqlJson> KqlJson::parse(std::string_view text)
{
    return Parser(text).document();
}

std::string KqlJson::serialize() const
{
    std::string out;
    serializeTo(out);
    return out;
}

void kqlAppendJsonString(std::string &out, std::string_view text)
{
    out += '"';
    for (const char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", unsigned(c));
                out += buffer;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

std::string kqlFormatReal(double value)
{
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "Infinity" : "-Infinity";
    if (value == 0)
        return std::signbit(value) ? "-0" : "0";
    // The shortest digits that round-trip, placed as .NET's "R" format places them: plain
    // notation for exponents -5..14, otherwise d.dddE+XX.
    char buffer[64];
    const auto [end, error]
            = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
    Q_UNUSED(error);
    std::string sci(buffer, end);
    const size_t e = sci.find('e');
    std::string mantissa = sci.substr(0, e);
    const int exponent = std::stoi(sci.substr(e + 1));
    const bool negative = mantissa[0] == '-';
    if (negative)
        mantissa.erase(0, 1);
    std::string digits;
    for (const char c : mantissa) {
        if (c != '.')
            digits += c;
    }
    std::string out = negative ? "-" : "";
    if (exponent >= 15 || exponent < -4) {
        out += digits.substr(0, 1);
        if (digits.size() > 1)
            out += "." + digits.substr(1);
        char exp[16];
        std::snprintf(exp, sizeof exp, "E%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
        return out + exp;
    }
    if (exponent < 0)
        return out + "0." + std::string(size_t(-exponent - 1), '0') + digits;
    const size_t intDigits = size_t(exponent) + 1;
    if (digits.size() <= intDigits)
        return out + digits + std::string(intDigits - digits.size(), '0');
    return out + digits.substr(0, intDigits) + "." + digits.substr(intDigits);
}

void KqlJson::serializeTo(std::string &out) const
{
    switch (kind) {
    case Kind::Null:
        out += "null";
        break;
    case Kind::Bool:
        out += boolean ? "true" : "false";
        break;
    case Kind::Long:
        out += std::to_string(integer);
        break;
    case Kind::Real:
        if (!std::isfinite(real)) {
            // JSON has no NaN or infinity; Kusto prints them as strings.
            kqlAppendJsonString(out, kqlFormatReal(real));
        } else {
            const std::string printed = kqlFormatReal(real);
            out += printed;
            if (printed.find_first_of(".E") == std::string::npos)
                out += ".0";
        }
        break;
    case Kind::String:
        kqlAppendJsonString(out, text);
        break;
    case Kind::Array:
        out += '[';
        for (size_t i = 0; i < items.size(); ++i) {
            if (i > 0)
                out += ',';
            items[i].serializeTo(out);
        }
        out += ']';
        break;
    case Kind::Object:
        out += '{';
        for (size_t i = 0; i < members.size(); ++i) {
            if (i > 0)
                out += ',';
            kqlAppendJsonString(out, members[i].first);
            out += ':';
            members[i].second.serializeTo(out);
        }
        out += '}';
        break;
    }
}

bool operator==(const KqlJson &a, const KqlJson &b)
{
    if (a.isNumber() && b.isNumber()) {
        if (a.kind == KqlJson::Kind::Long && b.kind == KqlJson::Kind::Long)
            return a.integer == b.integer;
        const double x = a.kind == KqlJson::Kind::Long ? double(a.integer) : a.real;
        const double y = b.kind == KqlJson::Kind::Long ? double(b.integer) : b.real;
        return x == y;
    }
    if (a.kind != b.kind)
        return false;
    switch (a.kind) {
    case KqlJson::Kind::Null:
        return true;
    case KqlJson::Kind::Bool:
        return a.boolean == b.boolean;
    case KqlJson::Kind::String:
        return a.text == b.text;
    case KqlJson::Kind::Array:
        return a.items == b.items;
    case KqlJson::Kind::Object:
        return a.members == b.members;
    default:
        return false;
    }
}

} // namespace Vigil
