// KQL's string predicates and string functions (units U3 and U8 of reference/kql.md).
#include "kqlsqlitesupport.h"
#include "kqltext.h"

#include <re2/re2.h>

#include <algorithm>
#include <climits>
#include <map>

namespace Vigil::KqlSqlite {

namespace {

using KqlText::TermMatch;

/** The text of a value as a string operator sees it: numbers print as tostring() prints them. */
std::string operandText(sqlite3_value *v)
{
    switch (sqlite3_value_type(v)) {
    case SQLITE_FLOAT:
        return kqlFormatReal(sqlite3_value_double(v));
    case SQLITE_TEXT:
        if (isJson(v)) {
            const KqlJson j = dynamicArg(v);
            return j.isString() ? j.text : j.serialize();
        }
        return std::string(text(v));
    case SQLITE_INTEGER:
        return std::to_string(sqlite3_value_int64(v));
    default:
        return {};
    }
}

template<bool CaseSensitive, TermMatch Mode>
void hasFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    resultBool(ctx, KqlText::hasTerm(text(argv[0]), text(argv[1]), Mode, CaseSensitive));
}

std::vector<std::string> listTerms(sqlite3_value *v)
{
    std::vector<std::string> terms;
    const KqlJson list = dynamicArg(v);
    if (list.isArray()) {
        for (const KqlJson &item : list.items) {
            if (!item.isNull())
                terms.push_back(item.isString() ? item.text : item.serialize());
        }
    } else if (!list.isNull()) {
        terms.push_back(list.isString() ? list.text : list.serialize());
    }
    return terms;
}

template<bool All>
void hasAnyFn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    // kql_has_any(s, dynamic array); more arguments: each one a term.
    if (argc > 2) {
        std::vector<std::string> terms;
        for (int i = 1; i < argc; ++i)
            terms.push_back(operandText(argv[i]));
        const KqlText::TermSet set(terms, false);
        resultBool(ctx, All ? set.matchesAll(text(argv[0])) : set.matchesAny(text(argv[0])));
        return;
    }
    const auto *set = auxCached<KqlText::TermSet>(
            ctx, 1, [&] { return new KqlText::TermSet(listTerms(argv[1]), false); });
    if (!set) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    if (set->isEmpty()) {
        resultBool(ctx, false);
        return;
    }
    resultBool(ctx, All ? set->matchesAll(text(argv[0])) : set->matchesAny(text(argv[0])));
}

void containsFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    resultBool(ctx, KqlText::containsIgnoreCase(text(argv[0]), text(argv[1])));
}

void containsCsFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    resultBool(ctx, text(argv[0]).find(text(argv[1])) != std::string_view::npos);
}

void startsWithFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    resultBool(ctx, KqlText::startsWithIgnoreCase(text(argv[0]), text(argv[1])));
}

void startsWithCsFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const std::string_view s = text(argv[0]);
    const std::string_view p = text(argv[1]);
    resultBool(ctx, s.substr(0, p.size()) == p);
}

void endsWithFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    resultBool(ctx, KqlText::endsWithIgnoreCase(text(argv[0]), text(argv[1])));
}

void endsWithCsFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const std::string_view s = text(argv[0]);
    const std::string_view p = text(argv[1]);
    resultBool(ctx, s.size() >= p.size() && s.substr(s.size() - p.size()) == p);
}

void equalsCiFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    resultBool(ctx, KqlText::equalsIgnoreCase(text(argv[0]), text(argv[1])));
}

/** kql_in_ci(x, dynamic array) or kql_in_ci(x, v1, v2, ...): in~. */
void inCiFn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const std::string_view x = text(argv[0]);
    if (argc > 2) {
        for (int i = 1; i < argc; ++i) {
            if (KqlText::equalsIgnoreCase(x, operandText(argv[i]))) {
                resultBool(ctx, true);
                return;
            }
        }
        resultBool(ctx, false);
        return;
    }
    const auto terms = listTerms(argv[1]);
    resultBool(ctx, std::any_of(terms.begin(), terms.end(), [&](const std::string &t) {
                   return KqlText::equalsIgnoreCase(x, t);
               }));
}

/** kql_in(x, dynamic array): in with an array on the right (numbers by value, text exactly). */
void inArrayFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    if (isNull(argv[0])) {
        resultBool(ctx, false);
        return;
    }
    const KqlJson x = anyArg(argv[0]);
    const KqlJson list = dynamicArg(argv[1]);
    const auto matches = [&](const KqlJson &item) { return item == x; };
    resultBool(ctx, list.isArray() ? std::any_of(list.items.begin(), list.items.end(), matches)
                                   : matches(list));
}

void matchesRegexFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const RegexArg re(ctx, argv, 1);
    if (!re.get())
        return;
    const std::string_view s = text(argv[0]);
    resultBool(ctx, re2::RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), *re.get()));
}

/** indexof_regex(s, re): the character index of the first RE2 match, -1 when none. */
void indexOfRegexFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const RegexArg re(ctx, argv, 1);
    if (!re.get())
        return;
    const std::string_view s = text(argv[0]);
    re2::StringPiece match;
    if (!re.get()->Match(re2::StringPiece(s.data(), s.size()), 0, s.size(), re2::RE2::UNANCHORED,
                         &match, 1)) {
        sqlite3_result_int64(ctx, -1);
        return;
    }
    sqlite3_result_int64(ctx,
                         KqlText::codePointCount(s.substr(0, size_t(match.data() - s.data()))));
}

void toLowerFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    resultText(ctx, KqlText::toLower(text(argv[0])));
}

void toUpperFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    resultText(ctx, KqlText::toUpper(text(argv[0])));
}

void strlenFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    sqlite3_result_int64(ctx, KqlText::codePointCount(text(argv[0])));
}

void stringSizeFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    sqlite3_result_int64(ctx, qint64(text(argv[0]).size()));
}

void substringFn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const auto start = longArg(argv[1]);
    const auto length = argc > 2 ? longArg(argv[2]) : std::optional<qint64>(LLONG_MAX);
    if (!start || !length) {
        sqlite3_result_null(ctx);
        return;
    }
    const std::u32string s = KqlText::decode(text(argv[0]));
    const qint64 size = qint64(s.size());
    // A negative start counts from the end ("substring("123456", -2, 2)" is "56").
    qint64 from = *start < 0 ? std::max<qint64>(0, size + *start) : std::min(*start, size);
    const qint64 count = std::clamp<qint64>(*length, 0, size - from);
    resultText(ctx, KqlText::encode(std::u32string_view(s).substr(size_t(from), size_t(count))));
}

void indexOfFn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const std::u32string s = KqlText::decode(operandText(argv[0]));
    const std::u32string lookup = KqlText::decode(operandText(argv[1]));
    const qint64 size = qint64(s.size());
    qint64 start = argc > 2 ? longArg(argv[2]).value_or(0) : 0;
    const qint64 length = argc > 3 ? longArg(argv[3]).value_or(-1) : -1;
    const qint64 occurrence = argc > 4 ? longArg(argv[4]).value_or(1) : 1;
    if (start < 0)
        start = std::max<qint64>(0, size + start);
    if (start > size || length < -1 || occurrence <= 0) {
        sqlite3_result_null(ctx);
        return;
    }
    // The documented examples ("abcdefg", "cde", 1, 2 gives -1; 1, 4 gives 2; the second "cde"
    // of "abcdefgabcdefg" from 1 with length 10 is 9) take length + 1 characters from start.
    const qint64 end = length == -1 ? size : std::min(size, start + length + 1);
    const std::u32string_view window = std::u32string_view(s).substr(0, size_t(end));
    size_t from = size_t(start);
    for (qint64 n = 1;; ++n) {
        const size_t pos = window.find(lookup, from);
        if (pos == std::u32string_view::npos) {
            sqlite3_result_int64(ctx, -1);
            return;
        }
        if (n == occurrence) {
            sqlite3_result_int64(ctx, qint64(pos));
            return;
        }
        from = pos + 1;
    }
}

void strcatFn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    std::string out;
    for (int i = 0; i < argc; ++i)
        out += operandText(argv[i]);
    resultText(ctx, out);
}

void strcatDelimFn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const std::string delimiter = operandText(argv[0]);
    std::string out;
    for (int i = 1; i < argc; ++i) {
        if (i > 1)
            out += delimiter;
        out += operandText(argv[i]);
    }
    resultText(ctx, out);
}

void strrepFn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const std::string value = operandText(argv[0]);
    const qint64 times = std::clamp<qint64>(longArg(argv[1]).value_or(0), 0, 1024);
    const std::string delimiter = argc > 2 ? operandText(argv[2]) : std::string();
    std::string out;
    for (qint64 i = 0; i < times; ++i) {
        if (i > 0)
            out += delimiter;
        out += value;
        if (out.size() > (size_t(1) << 26)) {
            sqlite3_result_error_toobig(ctx);
            return;
        }
    }
    resultText(ctx, out);
}

void reverseFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    std::u32string s = KqlText::decode(operandText(argv[0]));
    std::reverse(s.begin(), s.end());
    resultText(ctx, KqlText::encode(s));
}

/** isascii(): every byte of the text below 0x80. */
void isAsciiFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    if (isNull(argv[0])) {
        sqlite3_result_null(ctx);
        return;
    }
    const std::string s = operandText(argv[0]);
    resultBool(ctx, std::all_of(s.begin(), s.end(),
                                [](char c) { return static_cast<unsigned char>(c) < 0x80; }));
}

/** isutf8(): the text is well-formed UTF-8 (no stray continuation byte, no overlong form, no
 *  surrogate, nothing above U+10FFFF). */
void isUtf8Fn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    if (isNull(argv[0])) {
        sqlite3_result_null(ctx);
        return;
    }
    const std::string s = operandText(argv[0]);
    static constexpr char32_t least[] = {0, 0x80, 0x800, 0x10000};
    bool ok = true;
    size_t i = 0;
    while (ok && i < s.size()) {
        const auto lead = static_cast<unsigned char>(s[i]);
        const int extra = lead < 0x80             ? 0
                          : (lead & 0xE0) == 0xC0 ? 1
                          : (lead & 0xF0) == 0xE0 ? 2
                          : (lead & 0xF8) == 0xF0 ? 3
                                                  : -1;
        if (extra < 0 || i + size_t(extra) >= s.size()) {
            ok = false;
            break;
        }
        char32_t cp = extra == 0 ? lead : char32_t(lead & (0x7F >> (extra + 1)));
        for (int k = 1; ok && k <= extra; ++k) {
            const auto next = static_cast<unsigned char>(s[i + size_t(k)]);
            ok = (next & 0xC0) == 0x80;
            cp = (cp << 6) | (next & 0x3F);
        }
        ok = ok && cp >= least[extra] && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
        i += size_t(extra) + 1;
    }
    resultBool(ctx, ok);
}

/** regex_quote(): the characters .NET's Regex.Escape escapes (\ * + ? | { [ ( ) ^ $ . # and
 *  white space), each behind a backslash (a tab as \t, a newline as \n, …). */
void regexQuoteFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    std::string out;
    for (const char c : operandText(argv[0])) {
        switch (c) {
        case '\\':
        case '*':
        case '+':
        case '?':
        case '|':
        case '{':
        case '[':
        case '(':
        case ')':
        case '^':
        case '$':
        case '.':
        case '#':
        case ' ':
            out += '\\';
            out += c;
            break;
        case '\t':
            out += "\\t";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\f':
            out += "\\f";
            break;
        default:
            out += c;
        }
    }
    resultText(ctx, out);
}

/**
 * translate(searchList, replacementList, source): each character of source found in searchList
 * (its first place there) becomes the character at that place in replacementList, or the last
 * one when replacementList is shorter; an empty replacementList removes them (Microsoft's page).
 */
void translateFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const std::u32string search = KqlText::decode(text(argv[0]));
    const std::u32string replacement = KqlText::decode(text(argv[1]));
    std::u32string source = KqlText::decode(text(argv[2]));
    std::u32string out;
    out.reserve(source.size());
    for (const char32_t c : source) {
        const size_t at = search.find(c);
        if (at == std::u32string::npos)
            out += c;
        else if (!replacement.empty())
            out += replacement[std::min(at, replacement.size() - 1)];
    }
    resultText(ctx, KqlText::encode(out));
}

/**
 * replace_strings(text, lookups, rewrites): the earlier lookup wins, over the whole text: the
 * matches of the first lookup are taken first, then those of the second in what is left, and so
 * on, none overlapping. A lookup that is not a string (or empty) is ignored; a match whose
 * rewrite is not a string stays as it is, and its text is taken (Microsoft's page).
 */
void replaceStringsFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const std::string_view s = text(argv[0]);
    const KqlJson lookups = dynamicArg(argv[1]);
    const KqlJson rewrites = dynamicArg(argv[2]);
    if (!lookups.isArray() || !rewrites.isArray()) {
        resultText(ctx, s);
        return;
    }
    std::vector<bool> taken(s.size(), false);
    std::map<size_t, std::pair<size_t, const KqlJson *>> matches; // start: (length, rewrite)
    for (size_t i = 0; i < lookups.items.size(); ++i) {
        const KqlJson &lookup = lookups.items[i];
        if (!lookup.isString() || lookup.text.empty())
            continue;
        const KqlJson *rewrite = i < rewrites.items.size() ? &rewrites.items[i] : nullptr;
        const size_t n = lookup.text.size();
        for (size_t pos = s.find(lookup.text); pos != std::string_view::npos;
             pos = s.find(lookup.text, pos + 1)) {
            if (std::any_of(taken.begin() + qsizetype(pos), taken.begin() + qsizetype(pos + n),
                            [](bool t) { return t; }))
                continue;
            std::fill(taken.begin() + qsizetype(pos), taken.begin() + qsizetype(pos + n), true);
            matches[pos] = {n, rewrite};
            pos += n - 1;
        }
    }
    std::string out;
    size_t from = 0;
    for (const auto &[start, match] : matches) {
        out.append(s.substr(from, start - from));
        const KqlJson *rewrite = match.second;
        if (rewrite && rewrite->isString())
            out.append(rewrite->text);
        else
            out.append(s.substr(start, match.first));
        from = start + match.first;
    }
    out.append(s.substr(from));
    resultText(ctx, out);
}

void replaceStringFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const std::string_view s = text(argv[0]);
    const std::string_view lookup = text(argv[1]);
    const std::string_view rewrite = text(argv[2]);
    if (lookup.empty()) {
        resultText(ctx, s);
        return;
    }
    std::string out;
    size_t from = 0;
    for (size_t pos; (pos = s.find(lookup, from)) != std::string_view::npos;) {
        out.append(s.substr(from, pos - from)).append(rewrite);
        from = pos + lookup.size();
    }
    out.append(s.substr(from));
    resultText(ctx, out);
}

void replaceRegexFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const RegexArg re(ctx, argv, 1);
    if (!re.get())
        return;
    std::string s(text(argv[0]));
    const std::string_view rewrite = text(argv[2]);
    std::string error;
    if (!re.get()->CheckRewriteString(re2::StringPiece(rewrite.data(), rewrite.size()), &error)) {
        const std::string message = "invalid replacement for replace_regex: " + error;
        sqlite3_result_error(ctx, message.c_str(), int(message.size()));
        return;
    }
    re2::RE2::GlobalReplace(&s, *re.get(), re2::StringPiece(rewrite.data(), rewrite.size()));
    resultText(ctx, s);
}

/** kql_extract(regex, group, source): the group of the first match, "" when none. */
void extractFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const RegexArg re(ctx, argv, 0);
    if (!re.get())
        return;
    const auto group = longArg(argv[1]);
    const std::string_view s = text(argv[2]);
    const int groups = re.get()->NumberOfCapturingGroups();
    if (!group || *group < 0 || *group > groups) {
        resultText(ctx, "");
        return;
    }
    std::vector<re2::StringPiece> match(size_t(groups) + 1);
    if (!re.get()->Match(re2::StringPiece(s.data(), s.size()), 0, s.size(), re2::RE2::UNANCHORED,
                         match.data(), groups + 1)) {
        resultText(ctx, "");
        return;
    }
    const re2::StringPiece &m = match[size_t(*group)];
    resultText(ctx, std::string_view(m.data() ? m.data() : "", m.size()));
}

/** kql_extract_all(regex, source) or (regex, dynamic array of groups, source). */
void extractAllFn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const RegexArg re(ctx, argv, 0);
    if (!re.get())
        return;
    const std::string_view s = text(argv[argc - 1]);
    const int groups = re.get()->NumberOfCapturingGroups();
    std::vector<int> wanted;
    if (argc == 3) {
        // Groups by number or, as Microsoft's page shows with (?P<first>…), by name.
        const KqlJson list = dynamicArg(argv[1]);
        const std::map<std::string, int> &named = re.get()->NamedCapturingGroups();
        for (const KqlJson &g : list.items) {
            if (g.isString()) {
                const auto found = named.find(g.text);
                if (found == named.end()) {
                    sqlite3_result_null(ctx);
                    return;
                }
                wanted.push_back(found->second);
                continue;
            }
            if (g.kind != KqlJson::Kind::Long || g.integer < 0 || g.integer > groups) {
                sqlite3_result_null(ctx);
                return;
            }
            wanted.push_back(int(g.integer));
        }
    } else if (groups == 0) {
        wanted.push_back(0);
    } else {
        for (int g = 1; g <= groups; ++g)
            wanted.push_back(g);
    }
    std::vector<re2::StringPiece> match(size_t(groups) + 1);
    KqlJson result = KqlJson::array();
    const re2::StringPiece input(s.data(), s.size());
    for (size_t pos = 0; pos <= s.size();) {
        if (!re.get()->Match(input, pos, s.size(), re2::RE2::UNANCHORED, match.data(), groups + 1))
            break;
        const auto piece = [&](int g) {
            const re2::StringPiece &m = match[size_t(g)];
            return KqlJson::fromString(std::string(m.data() ? m.data() : "", m.size()));
        };
        if (wanted.size() == 1) {
            result.items.push_back(piece(wanted[0]));
        } else {
            KqlJson row = KqlJson::array();
            for (const int g : wanted)
                row.items.push_back(piece(g));
            result.items.push_back(std::move(row));
        }
        const size_t end = size_t(match[0].data() - s.data()) + match[0].size();
        pos = match[0].empty() ? end + 1 : end;
    }
    if (result.items.empty())
        sqlite3_result_null(ctx);
    else
        resultJson(ctx, result);
}

/** strcmp(a, b): -1, 0 or 1 as a sorts before, with or after b, ordinally (UTF-16 units, as
 *  .NET compares). */
void strcmpFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const std::string_view a = text(argv[0]);
    const std::string_view b = text(argv[1]);
    const int c
            = QString::fromUtf8(a.data(), qsizetype(a.size()))
                      .compare(QString::fromUtf8(b.data(), qsizetype(b.size())), Qt::CaseSensitive);
    sqlite3_result_int(ctx, c < 0 ? -1 : (c > 0 ? 1 : 0));
}

/** trim/trim_start/trim_end(regex, source): drops the matches at the start and/or end. */
template<bool Start, bool End>
void trimFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const std::string_view pattern = text(argv[0]);
    std::string_view s = text(argv[1]);
    re2::RE2::Options options;
    options.set_log_errors(false);
    if (Start) {
        const re2::RE2 re("\\A(?:" + std::string(pattern) + ")+", options);
        re2::StringPiece m;
        if (!re.ok()) {
            sqlite3_result_error(ctx, "invalid regular expression (RE2 syntax) in trim", -1);
            return;
        }
        if (re.Match(re2::StringPiece(s.data(), s.size()), 0, s.size(), re2::RE2::ANCHOR_START, &m,
                     1))
            s.remove_prefix(m.size());
    }
    if (End) {
        const re2::RE2 re("(?:" + std::string(pattern) + ")+\\z", options);
        re2::StringPiece m;
        if (!re.ok()) {
            sqlite3_result_error(ctx, "invalid regular expression (RE2 syntax) in trim", -1);
            return;
        }
        if (re.Match(re2::StringPiece(s.data(), s.size()), 0, s.size(), re2::RE2::UNANCHORED, &m,
                     1))
            s.remove_suffix(m.size());
    }
    resultText(ctx, s);
}

/** countof(source, search[, kind]): "normal" counts overlapping matches, "regex" matches. */
void countOfFn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const std::string_view s = text(argv[0]);
    const std::string_view kind = argc > 2 ? text(argv[2]) : std::string_view("normal");
    qint64 count = 0;
    if (kind == "regex") {
        const RegexArg re(ctx, argv, 1);
        if (!re.get())
            return;
        re2::StringPiece m;
        for (size_t pos = 0; pos <= s.size();) {
            if (!re.get()->Match(re2::StringPiece(s.data(), s.size()), pos, s.size(),
                                 re2::RE2::UNANCHORED, &m, 1))
                break;
            ++count;
            const size_t end = size_t(m.data() - s.data()) + m.size();
            pos = m.empty() ? end + 1 : end;
        }
    } else if (kind == "normal") {
        const std::string_view search = text(argv[1]);
        if (!search.empty()) {
            for (size_t pos = s.find(search); pos != std::string_view::npos;
                 pos = s.find(search, pos + 1))
                ++count;
        }
    } else {
        sqlite3_result_error(ctx, "countof: the kind must be \"normal\" or \"regex\"", -1);
        return;
    }
    sqlite3_result_int64(ctx, count);
}

void isEmptyFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    resultBool(ctx, isNull(argv[0])
                            || (sqlite3_value_type(argv[0]) == SQLITE_TEXT
                                && sqlite3_value_bytes(argv[0]) == 0));
}

void isNotEmptyFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    resultBool(ctx, !(isNull(argv[0])
                      || (sqlite3_value_type(argv[0]) == SQLITE_TEXT
                          && sqlite3_value_bytes(argv[0]) == 0)));
}

void isNullFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    resultBool(ctx, isNull(argv[0]));
}

void isNotNullFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    resultBool(ctx, !isNull(argv[0]));
}

void makeStringFn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    std::string out;
    const auto add = [&](qint64 cp) {
        if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp < 0xE000))
            return false;
        KqlText::appendUtf8(out, char32_t(cp));
        return true;
    };
    for (int i = 0; i < argc; ++i) {
        bool ok = true;
        if (sqlite3_value_type(argv[i]) == SQLITE_TEXT) {
            const KqlJson list = dynamicArg(argv[i]);
            for (const KqlJson &item : list.items)
                ok = ok && item.kind == KqlJson::Kind::Long && add(item.integer);
            ok = ok && list.isArray();
        } else {
            const auto cp = longArg(argv[i]);
            ok = cp && add(*cp);
        }
        if (!ok) {
            sqlite3_result_null(ctx);
            return;
        }
    }
    resultText(ctx, out);
}

void codePointsFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    KqlJson out = KqlJson::array();
    for (const char32_t cp : KqlText::decode(text(argv[0])))
        out.items.push_back(KqlJson::fromLong(qint64(cp)));
    resultJson(ctx, out);
}

/** split(source, delimiter[, index]): an array of the parts, or the one part at index. */
void splitFn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const std::string_view s = text(argv[0]);
    const std::string_view delimiter = text(argv[1]);
    KqlJson parts = KqlJson::array();
    if (delimiter.empty()) {
        parts.items.push_back(KqlJson::fromString(std::string(s)));
    } else {
        size_t from = 0;
        for (size_t pos; (pos = s.find(delimiter, from)) != std::string_view::npos;) {
            parts.items.push_back(KqlJson::fromString(std::string(s.substr(from, pos - from))));
            from = pos + delimiter.size();
        }
        parts.items.push_back(KqlJson::fromString(std::string(s.substr(from))));
    }
    if (argc > 2) {
        const auto index = longArg(argv[2]);
        if (!index || *index < 0) {
            sqlite3_result_null(ctx);
            return;
        }
        KqlJson one = KqlJson::array();
        if (size_t(*index) < parts.items.size())
            one.items.push_back(parts.items[size_t(*index)]);
        resultJson(ctx, one);
        return;
    }
    resultJson(ctx, parts);
}

} // namespace

int registerStringFunctions(sqlite3 *db, Context *c)
{
    struct Entry
    {
        const char *name;
        int argc;
        ScalarFn fn;
    };
    static constexpr Entry entries[] = {
            {"kql_has", 2, hasFn<false, TermMatch::Whole>},
            {"kql_has_cs", 2, hasFn<true, TermMatch::Whole>},
            {"kql_hasprefix", 2, hasFn<false, TermMatch::Prefix>},
            {"kql_hasprefix_cs", 2, hasFn<true, TermMatch::Prefix>},
            {"kql_hassuffix", 2, hasFn<false, TermMatch::Suffix>},
            {"kql_hassuffix_cs", 2, hasFn<true, TermMatch::Suffix>},
            {"kql_has_any", -1, hasAnyFn<false>},
            {"kql_has_all", -1, hasAnyFn<true>},
            {"kql_contains", 2, containsFn},
            {"kql_contains_cs", 2, containsCsFn},
            {"kql_startswith", 2, startsWithFn},
            {"kql_startswith_cs", 2, startsWithCsFn},
            {"kql_endswith", 2, endsWithFn},
            {"kql_endswith_cs", 2, endsWithCsFn},
            {"kql_equals_ci", 2, equalsCiFn},
            {"kql_in_ci", -1, inCiFn},
            {"kql_in", 2, inArrayFn},
            {"kql_matches_regex", 2, matchesRegexFn},
            {"kql_tolower", 1, toLowerFn},
            {"kql_toupper", 1, toUpperFn},
            {"kql_strlen", 1, strlenFn},
            {"kql_strcmp", 2, strcmpFn},
            {"kql_string_size", 1, stringSizeFn},
            {"kql_substring", 2, substringFn},
            {"kql_substring", 3, substringFn},
            {"kql_indexof", -1, indexOfFn},
            {"kql_indexof_regex", 2, indexOfRegexFn},
            {"kql_strcat", -1, strcatFn},
            {"kql_strcat_delim", -1, strcatDelimFn},
            {"kql_strrep", -1, strrepFn},
            {"kql_reverse", 1, reverseFn},
            {"kql_isascii", 1, isAsciiFn},
            {"kql_isutf8", 1, isUtf8Fn},
            {"kql_regex_quote", 1, regexQuoteFn},
            {"kql_translate", 3, translateFn},
            {"kql_replace_strings", 3, replaceStringsFn},
            {"kql_replace_string", 3, replaceStringFn},
            {"kql_replace_regex", 3, replaceRegexFn},
            {"kql_extract", 3, extractFn},
            {"kql_extract_all", 2, extractAllFn},
            {"kql_extract_all", 3, extractAllFn},
            {"kql_trim", 2, trimFn<true, true>},
            {"kql_trim_start", 2, trimFn<true, false>},
            {"kql_trim_end", 2, trimFn<false, true>},
            {"kql_countof", 2, countOfFn},
            {"kql_countof", 3, countOfFn},
            {"kql_isempty", 1, isEmptyFn},
            {"kql_isnotempty", 1, isNotEmptyFn},
            {"kql_isnull", 1, isNullFn},
            {"kql_isnotnull", 1, isNotNullFn},
            {"kql_make_string", -1, makeStringFn},
            {"kql_unicode_codepoints_from_string", 1, codePointsFn},
            {"kql_split", 2, splitFn},
            {"kql_split", 3, splitFn},
    };
    for (const Entry &e : entries) {
        if (const int rc = addScalar(db, c, e.name, e.argc, e.fn); rc != SQLITE_OK)
            return rc;
    }
    return SQLITE_OK;
}

} // namespace Vigil::KqlSqlite
