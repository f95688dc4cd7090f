#pragma once

#include <QtGlobal>

#include <string>
#include <string_view>
#include <vector>

/**
 * Text as KQL's string operators see it: UTF-8 decoded into code points (invalid bytes become
 * U+FFFD, as Kusto's UTF-8 decoding does), Unicode simple case folding for the case-insensitive
 * operators, and Kusto's terms (maximal runs of letters and digits) for the has family.
 *
 * Pure functions; any thread.
 */
namespace Vigil::KqlText {

bool isAscii(std::string_view text);
/** The code points of UTF-8 text; each invalid or truncated sequence becomes one U+FFFD. */
std::u32string decode(std::string_view text);
std::string encode(std::u32string_view text);
void appendUtf8(std::string &out, char32_t cp);
/** The number of code points (what strlen() counts). */
qsizetype codePointCount(std::string_view text);

/** Unicode simple case folding of every code point (ASCII fast path). */
std::string fold(std::string_view text);
std::u32string foldDecoded(std::string_view text);
/** Simple (one code point to one) upper and lower case mappings, as .NET's invariant ones. */
std::string toUpper(std::string_view text);
std::string toLower(std::string_view text);

/** A letter or digit: what makes up a term. */
bool isTermChar(char32_t c);

bool equalsIgnoreCase(std::string_view a, std::string_view b);
bool containsIgnoreCase(std::string_view haystack, std::string_view needle);
bool startsWithIgnoreCase(std::string_view haystack, std::string_view needle);
bool endsWithIgnoreCase(std::string_view haystack, std::string_view needle);

enum class TermMatch { Whole, Prefix, Suffix };

/**
 * KQL's has/hasprefix/hassuffix: needle occurs in haystack starting (Whole, Prefix) and ending
 * (Whole, Suffix) on a term boundary. An end of the needle that is itself not a letter or digit
 * is a boundary already, so "x cmd.exe /c" has "cmd.exe" and "C:\temp\a" has @"\temp\".
 */
bool hasTerm(std::string_view haystack, std::string_view needle, TermMatch mode,
             bool caseSensitive);

/**
 * A list of terms for has_any/has_all, folded once and looked up in a hash set where a term is
 * a plain run of letters and digits (the usual IOC list), scanned otherwise.
 */
class TermSet
{
public:
    TermSet(const std::vector<std::string> &terms, bool caseSensitive);
    ~TermSet();
    TermSet(const TermSet &) = delete;
    TermSet &operator=(const TermSet &) = delete;

    bool matchesAny(std::string_view haystack) const;
    bool matchesAll(std::string_view haystack) const;
    bool isEmpty() const { return m_count == 0; }

private:
    struct Index;
    Index *m_index;
    size_t m_count = 0;
};

} // namespace Vigil::KqlText
