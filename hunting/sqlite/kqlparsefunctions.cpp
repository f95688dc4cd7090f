// KQL's encoders and parsers of structured text: url_encode/decode, base64, parse_url,
// parse_path, parse_command_line, parse_csv (unit U8 of reference/kql.md).
#include "kqlsqlitesupport.h"
#include "kqltext.h"

#include <QByteArray>

namespace Vigil::KqlSqlite {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/** url_encode: .NET's HttpUtility.UrlEncode (lower-case hex, space as '+');
 *  url_encode_component: the same with a space as %20 (Microsoft's page). */
template<bool Component>
void urlEncodeFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    for (const char ch : text(argv[0])) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
            || c == '_' || c == '.' || c == '!' || c == '*' || c == '(' || c == ')') {
            out += char(c);
        } else if (c == ' ') {
            out += Component ? "%20" : "+";
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    resultText(ctx, out);
}

void urlDecodeFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const std::string_view s = text(argv[0]);
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+') {
            out += ' ';
        } else if (s[i] == '%' && i + 2 < s.size() && hexValue(s[i + 1]) >= 0
                   && hexValue(s[i + 2]) >= 0) {
            out += char(hexValue(s[i + 1]) * 16 + hexValue(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    resultText(ctx, KqlText::encode(KqlText::decode(out)));
}

void base64EncodeFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const std::string_view s = text(argv[0]);
    resultText(ctx, QByteArray(s.data(), qsizetype(s.size())).toBase64().toStdString());
}

void base64DecodeFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const std::string_view s = text(argv[0]);
    const auto decoded = QByteArray::fromBase64Encoding(QByteArray(s.data(), qsizetype(s.size())),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        sqlite3_result_null(ctx);
        return;
    }
    const std::string bytes = decoded.decoded.toStdString();
    // Bytes that are not UTF-8 have no string form: null, as Kusto gives.
    if (KqlText::encode(KqlText::decode(bytes)) != bytes
        || bytes.find("\xEF\xBF\xBD") != std::string::npos) {
        sqlite3_result_null(ctx);
        return;
    }
    resultText(ctx, bytes);
}

/** base64_decode_toarray: the decoded bytes as an array of longs; null when not base64. */
void base64DecodeToArrayFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const std::string_view s = text(argv[0]);
    const auto decoded = QByteArray::fromBase64Encoding(QByteArray(s.data(), qsizetype(s.size())),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        sqlite3_result_null(ctx);
        return;
    }
    KqlJson out = KqlJson::array();
    for (const char byte : decoded.decoded)
        out.items.push_back(KqlJson::fromLong(static_cast<unsigned char>(byte)));
    resultJson(ctx, out);
}

KqlJson str(std::string_view s)
{
    return KqlJson::fromString(std::string(s));
}

std::string percentDecoded(std::string_view s)
{
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && hexValue(s[i + 1]) >= 0 && hexValue(s[i + 2]) >= 0) {
            out += char(hexValue(s[i + 1]) * 16 + hexValue(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

/** parse_url: scheme://user:password@host:port/path?query#fragment into Kusto's bag. */
void parseUrlFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    std::string_view s = text(argv[0]);
    std::string_view scheme, user, password, host, port, path, fragment;
    KqlJson query = KqlJson::object();
    const size_t schemeEnd = s.find("://");
    bool ok = schemeEnd != std::string_view::npos && schemeEnd > 0;
    for (size_t i = 0; ok && i < schemeEnd; ++i) {
        const char c = s[i];
        ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
             || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
    }
    if (ok) {
        scheme = s.substr(0, schemeEnd);
        s.remove_prefix(schemeEnd + 3);
        if (const size_t hash = s.find('#'); hash != std::string_view::npos) {
            fragment = s.substr(hash + 1);
            s = s.substr(0, hash);
        }
        std::string_view queryText;
        if (const size_t q = s.find('?'); q != std::string_view::npos) {
            queryText = s.substr(q + 1);
            s = s.substr(0, q);
        }
        const size_t slash = s.find('/');
        std::string_view authority = s.substr(0, slash);
        path = slash == std::string_view::npos ? std::string_view() : s.substr(slash);
        if (const size_t at = authority.rfind('@'); at != std::string_view::npos) {
            const std::string_view info = authority.substr(0, at);
            const size_t colon = info.find(':');
            user = info.substr(0, colon);
            if (colon != std::string_view::npos)
                password = info.substr(colon + 1);
            authority.remove_prefix(at + 1);
        }
        const size_t bracket = authority.rfind(']');
        const size_t colon = authority.rfind(':');
        if (colon != std::string_view::npos
            && (bracket == std::string_view::npos || colon > bracket)) {
            port = authority.substr(colon + 1);
            authority = authority.substr(0, colon);
        }
        host = authority;
        while (!queryText.empty()) {
            const size_t amp = queryText.find('&');
            const std::string_view pair = queryText.substr(0, amp);
            const size_t eq = pair.find('=');
            if (!pair.empty()) {
                query.setMember(percentDecoded(pair.substr(0, eq)),
                                str(eq == std::string_view::npos ? std::string_view()
                                                                 : std::string_view(percentDecoded(
                                                                         pair.substr(eq + 1)))));
            }
            if (amp == std::string_view::npos)
                break;
            queryText.remove_prefix(amp + 1);
        }
    }
    KqlJson out = KqlJson::object();
    out.setMember("Scheme", str(scheme));
    out.setMember("Host", str(host));
    out.setMember("Port", str(port));
    out.setMember("Path", str(path));
    out.setMember("Username", str(user));
    out.setMember("Password", str(password));
    out.setMember("Query Parameters", query);
    out.setMember("Fragment", str(fragment));
    resultJson(ctx, out);
}

/** parse_path: a Windows, UNC, POSIX or file:// path into Kusto's bag. */
void parsePathFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    std::string_view s = text(argv[0]);
    std::string_view scheme;
    if (const size_t p = s.find("://"); p != std::string_view::npos && p > 1) {
        scheme = s.substr(0, p);
        s.remove_prefix(p + 3);
    }
    // A drive letter is a root; a UNC path's server is not (Microsoft's parse_path page gives
    // \\shared\users\temp\file.txt.gz the RootPath "").
    std::string_view root;
    if (s.size() >= 2 && s[1] == ':'
        && ((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
        root = s.substr(0, 2);
    const size_t lastSep = s.find_last_of("\\/");
    std::string_view directory
            = lastSep == std::string_view::npos ? std::string_view() : s.substr(0, lastSep);
    std::string_view file = lastSep == std::string_view::npos ? s : s.substr(lastSep + 1);
    if (lastSep == std::string_view::npos && !root.empty()) {
        directory = root;
        file = s.substr(root.size());
    }
    std::string_view stream;
    if (const size_t colon = file.find(':'); colon != std::string_view::npos) {
        stream = file.substr(colon + 1);
        file = file.substr(0, colon);
    }
    const size_t dot = file.rfind('.');
    const std::string_view extension
            = dot == std::string_view::npos ? std::string_view() : file.substr(dot + 1);
    const size_t dirSep = directory.find_last_of("\\/");
    const std::string_view directoryName
            = dirSep == std::string_view::npos ? directory : directory.substr(dirSep + 1);
    KqlJson out = KqlJson::object();
    out.setMember("Scheme", str(scheme));
    out.setMember("RootPath", str(root));
    out.setMember("DirectoryPath", str(directory));
    out.setMember("DirectoryName", str(directoryName));
    out.setMember("Filename", str(file));
    out.setMember("Extension", str(extension));
    out.setMember("AlternateDataStreamName", str(stream));
    resultJson(ctx, out);
}

/**
 * parse_command_line(cmd, "windows"): the arguments as CommandLineToArgvW splits them. The first
 * one (the program) ends at the closing quote or the first blank, with no escapes; later ones
 * follow the backslash-before-quote rules, and "" inside quotes is one quote.
 */
void parseCommandLineFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    std::string kind(text(argv[1]));
    for (char &c : kind)
        c = (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
    if (kind != "windows") {
        sqlite3_result_error(ctx, "parse_command_line: only the \"windows\" parser exists", -1);
        return;
    }
    const std::string_view s = text(argv[0]);
    KqlJson out = KqlJson::array();
    size_t i = 0;
    const auto blank = [](char c) { return c == ' ' || c == '\t'; };
    while (i < s.size() && blank(s[i]))
        ++i;
    if (i < s.size()) {
        std::string program;
        if (s[i] == '"') {
            const size_t close = s.find('"', i + 1);
            program = s.substr(i + 1, close == std::string_view::npos ? std::string_view::npos
                                                                      : close - i - 1);
            i = close == std::string_view::npos ? s.size() : close + 1;
        } else {
            while (i < s.size() && !blank(s[i]))
                program += s[i++];
        }
        out.items.push_back(KqlJson::fromString(program));
    }
    for (;;) {
        while (i < s.size() && blank(s[i]))
            ++i;
        if (i >= s.size())
            break;
        std::string arg;
        bool quoted = false;
        while (i < s.size() && (quoted || !blank(s[i]))) {
            if (s[i] == '\\') {
                size_t n = 0;
                while (i < s.size() && s[i] == '\\') {
                    ++n;
                    ++i;
                }
                if (i < s.size() && s[i] == '"') {
                    arg.append(n / 2, '\\');
                    if (n % 2 == 1) {
                        arg += '"';
                        ++i;
                    }
                } else {
                    arg.append(n, '\\');
                }
            } else if (s[i] == '"') {
                if (quoted && i + 1 < s.size() && s[i + 1] == '"') {
                    arg += '"';
                    i += 2;
                } else {
                    quoted = !quoted;
                    ++i;
                }
            } else {
                arg += s[i++];
            }
        }
        out.items.push_back(KqlJson::fromString(arg));
    }
    resultJson(ctx, out);
}

/** parse_csv: the fields of the first record; "" in a quoted field is a quote. */
void parseCsvFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const std::string_view s = text(argv[0]);
    KqlJson out = KqlJson::array();
    std::string field;
    bool quoted = false;
    size_t i = 0;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (quoted) {
            if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            out.items.push_back(KqlJson::fromString(std::move(field)));
            field.clear();
        } else if (c == '\n' || c == '\r') {
            break;
        } else {
            field += c;
        }
    }
    out.items.push_back(KqlJson::fromString(std::move(field)));
    resultJson(ctx, out);
}

} // namespace

/**
 * parse_version(v) as text that sorts like Kusto's decimal: Microsoft's page takes one to four
 * parts of up to eight digits each, separated by dots, missing parts trailing zeros; the value
 * is the parts as eight-digit groups (1.2.3.4 is 1,00000002,00000003,00000004). Written here as
 * the 32 digits with leading zeros, so that comparing two of them as text compares the values.
 * Anything else (an empty part, a sign, a space, a fifth part, a ninth digit) is null.
 */
void parseVersionKeyFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    if (sqlite3_value_type(argv[0]) != SQLITE_TEXT) {
        sqlite3_result_null(ctx);
        return;
    }
    const std::string_view v = text(argv[0]);
    std::string key;
    size_t start = 0;
    for (int part = 0; part < 4; ++part) {
        size_t end = start;
        while (end < v.size() && v[end] >= '0' && v[end] <= '9')
            ++end;
        const size_t digits = end - start;
        const bool last = end == v.size();
        if (digits == 0 || digits > 8 || (!last && v[end] != '.') || (!last && part == 3)) {
            sqlite3_result_null(ctx);
            return;
        }
        key += std::string(8 - digits, '0');
        key += v.substr(start, digits);
        if (last) {
            key += std::string(size_t(8 * (3 - part)), '0');
            resultText(ctx, key);
            return;
        }
        start = end + 1;
    }
    sqlite3_result_null(ctx); // not reached: the fourth part ends the text or is refused
}

/** tostring() of a decimal held as parse_version_key's digits: the number they write. */
void decimalToStringFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    if (sqlite3_value_type(argv[0]) != SQLITE_TEXT) {
        resultText(ctx, std::string_view());
        return;
    }
    const std::string_view v = text(argv[0]);
    const size_t first = v.find_first_not_of('0');
    resultText(ctx, first == std::string_view::npos ? std::string_view("0") : v.substr(first));
}

int registerParseFunctions(sqlite3 *db, Context *c)
{
    struct Entry
    {
        const char *name;
        int argc;
        ScalarFn fn;
    };
    static constexpr Entry entries[] = {
            {"kql_url_encode", 1, urlEncodeFn<false>},
            {"kql_url_encode_component", 1, urlEncodeFn<true>},
            {"kql_parse_version_key", 1, parseVersionKeyFn},
            {"kql_decimal_tostring", 1, decimalToStringFn},
            {"kql_url_decode", 1, urlDecodeFn},
            {"kql_base64_encode_tostring", 1, base64EncodeFn},
            {"kql_base64_decode_tostring", 1, base64DecodeFn},
            {"kql_base64_decode_toarray", 1, base64DecodeToArrayFn},
            {"kql_parse_url", 1, parseUrlFn},
            {"kql_parse_path", 1, parsePathFn},
            {"kql_parse_command_line", 2, parseCommandLineFn},
            {"kql_parse_csv", 1, parseCsvFn},
    };
    for (const Entry &e : entries) {
        if (const int rc = addScalar(db, c, e.name, e.argc, e.fn); rc != SQLITE_OK)
            return rc;
    }
    return SQLITE_OK;
}

} // namespace Vigil::KqlSqlite
