#include "kqltext.h"

#include <QChar>

#include <algorithm>
#include <unordered_set>

namespace Vigil::KqlText {

namespace {

constexpr char32_t Replacement = 0xFFFD;

/** Decodes the code point at pos and advances pos past it (invalid: one byte, U+FFFD). */
char32_t next(std::string_view s, size_t &pos)
{
    const auto b0 = static_cast<unsigned char>(s[pos]);
    if (b0 < 0x80) {
        ++pos;
        return b0;
    }
    int length = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if ((b0 & 0xE0) == 0xC0) {
        length = 2;
        cp = b0 & 0x1F;
        min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        length = 3;
        cp = b0 & 0x0F;
        min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        length = 4;
        cp = b0 & 0x07;
        min = 0x10000;
    } else {
        ++pos;
        return Replacement;
    }
    if (pos + size_t(length) > s.size()) {
        ++pos;
        return Replacement;
    }
    for (int i = 1; i < length; ++i) {
        const auto b = static_cast<unsigned char>(s[pos + size_t(i)]);
        if ((b & 0xC0) != 0x80) {
            ++pos;
            return Replacement;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp < 0xE000)) {
        ++pos;
        return Replacement;
    }
    pos += size_t(length);
    return cp;
}

/** The code point that ends just before pos. */
char32_t previous(std::string_view s, size_t pos)
{
    size_t start = pos - 1;
    while (start > 0 && pos - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80)
        --start;
    size_t p = start;
    const char32_t cp = next(s, p);
    return p == pos ? cp : Replacement;
}

char32_t lastCodePoint(std::string_view s)
{
    return previous(s, s.size());
}

char32_t firstCodePoint(std::string_view s)
{
    size_t p = 0;
    return next(s, p);
}

char asciiLower(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

template<typename Map>
std::string mapCodePoints(std::string_view text, Map map)
{
    std::string out;
    out.reserve(text.size());
    for (size_t pos = 0; pos < text.size();)
        appendUtf8(out, map(next(text, pos)));
    return out;
}

/** The term-boundary check of hasTerm on text that is already folded when it should be. */
bool hasTermExact(std::string_view hay, std::string_view needle, TermMatch mode)
{
    if (needle.empty())
        return true;
    const bool needleStartsTerm = isTermChar(firstCodePoint(needle));
    const bool needleEndsTerm = isTermChar(lastCodePoint(needle));
    for (size_t from = 0;;) {
        const size_t pos = hay.find(needle, from);
        if (pos == std::string_view::npos)
            return false;
        const size_t end = pos + needle.size();
        const bool startOk = mode == TermMatch::Suffix || !needleStartsTerm || pos == 0
                             || !isTermChar(previous(hay, pos));
        const bool endOk = mode == TermMatch::Prefix || !needleEndsTerm || end == hay.size()
                           || !isTermChar(firstCodePoint(hay.substr(end)));
        if (startOk && endOk)
            return true;
        from = pos + 1;
    }
}

} // namespace

bool isAscii(std::string_view text)
{
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

void appendUtf8(std::string &out, char32_t cp)
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

std::u32string decode(std::string_view text)
{
    std::u32string out;
    out.reserve(text.size());
    for (size_t pos = 0; pos < text.size();)
        out += next(text, pos);
    return out;
}

std::string encode(std::u32string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (const char32_t cp : text)
        appendUtf8(out, cp);
    return out;
}

qsizetype codePointCount(std::string_view text)
{
    qsizetype count = 0;
    for (size_t pos = 0; pos < text.size(); ++count)
        next(text, pos);
    return count;
}

std::string fold(std::string_view text)
{
    if (isAscii(text)) {
        std::string out(text);
        for (char &c : out)
            c = asciiLower(c);
        return out;
    }
    return mapCodePoints(text, [](char32_t cp) { return QChar::toCaseFolded(cp); });
}

std::u32string foldDecoded(std::string_view text)
{
    std::u32string out = decode(text);
    for (char32_t &cp : out)
        cp = QChar::toCaseFolded(cp);
    return out;
}

std::string toUpper(std::string_view text)
{
    return mapCodePoints(text, [](char32_t cp) { return QChar::toUpper(cp); });
}

std::string toLower(std::string_view text)
{
    return mapCodePoints(text, [](char32_t cp) { return QChar::toLower(cp); });
}

bool isTermChar(char32_t c)
{
    if (c < 0x80)
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    return c != Replacement && QChar::isLetterOrNumber(c);
}

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    if (isAscii(a) && isAscii(b)) {
        return a.size() == b.size()
               && std::equal(a.begin(), a.end(), b.begin(),
                             [](char x, char y) { return asciiLower(x) == asciiLower(y); });
    }
    return fold(a) == fold(b);
}

bool containsIgnoreCase(std::string_view haystack, std::string_view needle)
{
    if (isAscii(needle) && isAscii(haystack)) {
        const auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                                    [](char x, char y) { return asciiLower(x) == asciiLower(y); });
        return it != haystack.end() || needle.empty();
    }
    return fold(haystack).find(fold(needle)) != std::string::npos;
}

bool startsWithIgnoreCase(std::string_view haystack, std::string_view needle)
{
    const std::string h = fold(haystack);
    const std::string n = fold(needle);
    return std::string_view(h).substr(0, n.size()) == n;
}

bool endsWithIgnoreCase(std::string_view haystack, std::string_view needle)
{
    const std::string h = fold(haystack);
    const std::string n = fold(needle);
    return h.size() >= n.size() && std::string_view(h).substr(h.size() - n.size()) == n;
}

bool hasTerm(std::string_view haystack, std::string_view needle, TermMatch mode, bool caseSensitive)
{
    if (caseSensitive)
        return hasTermExact(haystack, needle, mode);
    return hasTermExact(fold(haystack), fold(needle), mode);
}

struct TermSet::Index
{
    bool caseSensitive = false;
    std::unordered_set<std::string> plain; ///< terms made only of letters and digits
    std::vector<std::string> other; ///< terms with delimiters: scanned with hasTerm
};

TermSet::TermSet(const std::vector<std::string> &terms, bool caseSensitive)
    : m_index(new Index)
{
    m_index->caseSensitive = caseSensitive;
    for (const std::string &term : terms) {
        std::string key = caseSensitive ? term : fold(term);
        bool plain = !key.empty();
        for (size_t pos = 0; plain && pos < key.size();)
            plain = isTermChar(next(key, pos));
        if (plain) {
            if (m_index->plain.insert(std::move(key)).second)
                ++m_count;
        } else if (std::find(m_index->other.begin(), m_index->other.end(), key)
                   == m_index->other.end()) {
            m_index->other.push_back(std::move(key));
            ++m_count;
        }
    }
}

TermSet::~TermSet()
{
    delete m_index;
}

bool TermSet::matchesAny(std::string_view haystack) const
{
    const std::string folded = m_index->caseSensitive ? std::string() : fold(haystack);
    const std::string_view text = m_index->caseSensitive ? haystack : std::string_view(folded);
    if (!m_index->plain.empty()) {
        std::string term;
        for (size_t pos = 0; pos < text.size();) {
            const size_t start = pos;
            if (!isTermChar(next(text, pos)))
                continue;
            size_t end = pos;
            while (end < text.size()) {
                size_t probe = end;
                if (!isTermChar(next(text, probe)))
                    break;
                end = probe;
            }
            term.assign(text.substr(start, end - start));
            if (m_index->plain.count(term))
                return true;
            pos = end;
        }
    }
    return std::any_of(m_index->other.begin(), m_index->other.end(), [&](const std::string &n) {
        return hasTermExact(text, n, TermMatch::Whole);
    });
}

bool TermSet::matchesAll(std::string_view haystack) const
{
    const std::string folded = m_index->caseSensitive ? std::string() : fold(haystack);
    const std::string_view text = m_index->caseSensitive ? haystack : std::string_view(folded);
    std::unordered_set<std::string> found;
    for (size_t pos = 0; pos < text.size() && found.size() < m_index->plain.size();) {
        const size_t start = pos;
        if (!isTermChar(next(text, pos)))
            continue;
        size_t end = pos;
        while (end < text.size()) {
            size_t probe = end;
            if (!isTermChar(next(text, probe)))
                break;
            end = probe;
        }
        std::string term(text.substr(start, end - start));
        if (m_index->plain.count(term))
            found.insert(std::move(term));
        pos = end;
    }
    if (found.size() < m_index->plain.size())
        return false;
    return std::all_of(m_index->other.begin(), m_index->other.end(), [&](const std::string &n) {
        return hasTermExact(text, n, TermMatch::Whole);
    });
}

} // namespace Vigil::KqlText
