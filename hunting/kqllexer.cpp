#include "kqllexer.h"

#include <QSet>

#include <array>

namespace Vigil::Kql {

namespace {

// Keywords that Kusto spells with a dash; they lex as one identifier so `a-b` stays a subtraction.
constexpr std::array<QLatin1StringView, 17> dashedKeywords = {
        QLatin1StringView("project-away"),    QLatin1StringView("project-keep"),
        QLatin1StringView("project-rename"),  QLatin1StringView("project-reorder"),
        QLatin1StringView("project-smart"),   QLatin1StringView("mv-expand"),
        QLatin1StringView("mv-apply"),        QLatin1StringView("parse-where"),
        QLatin1StringView("parse-kv"),        QLatin1StringView("make-series"),
        QLatin1StringView("top-nested"),      QLatin1StringView("top-hitters"),
        QLatin1StringView("sample-distinct"), QLatin1StringView("make-graph"),
        QLatin1StringView("graph-match"),     QLatin1StringView("macro-expand"),
        QLatin1StringView("scan-pattern"),
};

constexpr std::array<QLatin1StringView, 24> stringOperators = {
        QLatin1StringView("contains"),     QLatin1StringView("contains_cs"),
        QLatin1StringView("has"),          QLatin1StringView("has_cs"),
        QLatin1StringView("hasprefix"),    QLatin1StringView("hasprefix_cs"),
        QLatin1StringView("hassuffix"),    QLatin1StringView("hassuffix_cs"),
        QLatin1StringView("startswith"),   QLatin1StringView("startswith_cs"),
        QLatin1StringView("endswith"),     QLatin1StringView("endswith_cs"),
        QLatin1StringView("in"),           QLatin1StringView("in~"),
        QLatin1StringView("between"),      QLatin1StringView("has_any"),
        QLatin1StringView("has_all"),      QLatin1StringView("like"),
        QLatin1StringView("like_cs"),      QLatin1StringView("matches"),
        QLatin1StringView("contains_any"), QLatin1StringView("has_any_cs"),
        QLatin1StringView("in_cs"),        QLatin1StringView("has_all_cs"),
};

// Typed literal keywords: `kw(` starts a literal whose inside is kept as text.
constexpr std::array<QLatin1StringView, 16> typedLiteralKeywords = {
        QLatin1StringView("datetime"), QLatin1StringView("date"),    QLatin1StringView("timespan"),
        QLatin1StringView("time"),     QLatin1StringView("guid"),    QLatin1StringView("uuid"),
        QLatin1StringView("uniqueid"), QLatin1StringView("bool"),    QLatin1StringView("boolean"),
        QLatin1StringView("int"),      QLatin1StringView("long"),    QLatin1StringView("real"),
        QLatin1StringView("double"),   QLatin1StringView("decimal"), QLatin1StringView("int64"),
        QLatin1StringView("float"),
};

// Longest first, so that "!~" wins over "!" and "..", "=>" over ".", "=".
constexpr std::array<QLatin1StringView, 29> symbols = {
        QLatin1StringView("!~"), QLatin1StringView("=~"), QLatin1StringView("=="),
        QLatin1StringView("!="), QLatin1StringView("<>"), QLatin1StringView("<="),
        QLatin1StringView(">="), QLatin1StringView(".."), QLatin1StringView("=>"),
        QLatin1StringView("<|"), QLatin1StringView("|"),  QLatin1StringView("("),
        QLatin1StringView(")"),  QLatin1StringView("["),  QLatin1StringView("]"),
        QLatin1StringView("{"),  QLatin1StringView("}"),  QLatin1StringView(","),
        QLatin1StringView(";"),  QLatin1StringView("."),  QLatin1StringView("="),
        QLatin1StringView("<"),  QLatin1StringView(">"),  QLatin1StringView("+"),
        QLatin1StringView("-"),  QLatin1StringView("*"),  QLatin1StringView("/"),
        QLatin1StringView("%"),  QLatin1StringView(":"),
};

bool isIdentStart(QChar c)
{
    return c.isLetter() || c == u'_' || c == u'$';
}
bool isIdentPart(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

bool isTimespanUnit(QStringView unit)
{
    static const QStringList units = {
            QStringLiteral("d"),
            QStringLiteral("day"),
            QStringLiteral("days"),
            QStringLiteral("h"),
            QStringLiteral("hr"),
            QStringLiteral("hrs"),
            QStringLiteral("hour"),
            QStringLiteral("hours"),
            QStringLiteral("m"),
            QStringLiteral("min"),
            QStringLiteral("minute"),
            QStringLiteral("minutes"),
            QStringLiteral("s"),
            QStringLiteral("sec"),
            QStringLiteral("second"),
            QStringLiteral("seconds"),
            QStringLiteral("ms"),
            QStringLiteral("milli"),
            QStringLiteral("millis"),
            QStringLiteral("millisecond"),
            QStringLiteral("milliseconds"),
            QStringLiteral("micro"),
            QStringLiteral("micros"),
            QStringLiteral("microsecond"),
            QStringLiteral("microseconds"),
            QStringLiteral("nano"),
            QStringLiteral("nanos"),
            QStringLiteral("nanosecond"),
            QStringLiteral("nanoseconds"),
            QStringLiteral("tick"),
            QStringLiteral("ticks"),
    };
    return units.contains(unit.toString());
}

class Scanner
{
public:
    explicit Scanner(QStringView text)
        : m_text(text)
    { }

    std::optional<QList<Token>> run(KqlError *error)
    {
        QList<Token> tokens;
        while (true) {
            skipSpace();
            Token token;
            token.pos = here();
            if (m_i >= m_text.size()) {
                token.end = int(m_i);
                tokens.append(token);
                return tokens;
            }
            if (!next(token)) {
                if (error)
                    *error = m_error;
                return std::nullopt;
            }
            token.end = int(m_i);
            tokens.append(token);
        }
    }

private:
    QChar at(qsizetype i) const { return i < m_text.size() ? m_text[i] : QChar(); }
    SourcePos here() const { return {int(m_i), m_line, int(m_i - m_lineStart) + 1}; }

    void advance(qsizetype n = 1)
    {
        for (qsizetype k = 0; k < n && m_i < m_text.size(); ++k) {
            if (m_text[m_i] == u'\n') {
                ++m_line;
                m_lineStart = m_i + 1;
            }
            ++m_i;
        }
    }

    bool fail(const QString &message, SourcePos pos)
    {
        m_error = {message, pos};
        return false;
    }

    void skipSpace()
    {
        while (m_i < m_text.size()) {
            const QChar c = m_text[m_i];
            // Zero-width spaces and byte-order marks come with text pasted from web pages.
            if (c.isSpace() || c == QChar(0x200B) || c == QChar(0xFEFF) || c == QChar(0x2060)) {
                advance();
            } else if (c == u'/' && at(m_i + 1) == u'/') {
                while (m_i < m_text.size() && m_text[m_i] != u'\n')
                    advance();
            } else {
                return;
            }
        }
    }

    bool next(Token &token)
    {
        const QChar c = m_text[m_i];
        const QChar c1 = at(m_i + 1);
        // Strings, with their prefixes: @ (verbatim), h/H (obfuscated), h@.
        if (c == u'\'' || c == u'"' || c == u'`')
            return string(token, false);
        if (c == u'@' && (c1 == u'\'' || c1 == u'"')) {
            advance();
            return string(token, true);
        }
        if ((c == u'h' || c == u'H') && (c1 == u'\'' || c1 == u'"' || c1 == u'@')) {
            const QChar c2 = at(m_i + 2);
            if (c1 != u'@' || c2 == u'\'' || c2 == u'"') {
                advance();
                const bool verbatim = at(m_i) == u'@';
                if (verbatim)
                    advance();
                return string(token, verbatim);
            }
        }
        if (c.isDigit()) // Kusto reads no number that starts with a dot (.5 is an error there)
            return number(token);
        if (c == u'['
            && (c1 == u'\'' || c1 == u'"'
                || (c1 == u'@' && (at(m_i + 2) == u'\'' || at(m_i + 2) == u'"')))) {
            // ['name'] is a name; ['a', 'b'] (datatable values, dynamic arrays) is not.
            const qsizetype i = m_i;
            const int line = m_line;
            const qsizetype lineStart = m_lineStart;
            if (bracketName(token))
                return true;
            m_i = i;
            m_line = line;
            m_lineStart = lineStart;
            token = Token();
            token.pos = here();
            token.kind = TokenKind::Operator;
            token.text = QStringLiteral("[");
            advance();
            return true;
        }
        if (isIdentStart(c))
            return identifier(token);
        if (c == u'!' && c1.isLetter()) {
            qsizetype j = m_i + 1;
            while (j < m_text.size() && isIdentPart(m_text[j]))
                ++j;
            if (j < m_text.size() && m_text[j] == u'~' && m_text.mid(m_i + 1, j - m_i - 1) == u"in")
                ++j;
            const QStringView word = m_text.mid(m_i + 1, j - m_i - 1);
            if (isNegatableStringOperator(word) && word != u"has_any" && word != u"has_all"
                && word != u"matches") {
                token.kind = TokenKind::Operator;
                token.text = QLatin1Char('!') + word.toString();
                advance(j - m_i);
                return true;
            }
        }
        for (QLatin1StringView symbol : symbols) {
            if (m_text.mid(m_i).startsWith(symbol)) {
                token.kind = TokenKind::Operator;
                token.text = QString(symbol);
                advance(symbol.size());
                return true;
            }
        }
        // The whole character: a surrogate pair is one (an emoji, say), not its first half.
        const char32_t point = c.isHighSurrogate() && m_i + 1 < m_text.size()
                                               && m_text.at(m_i + 1).isLowSurrogate()
                                       ? QChar::surrogateToUcs4(c, m_text.at(m_i + 1))
                                       : char32_t(c.unicode());
        const QString shown = QString::fromUcs4(&point, 1);
        return fail(QStringLiteral("unexpected character '%1'")
                            .arg(QChar::isPrint(point)
                                         ? shown
                                         : QStringLiteral("U+%1").arg(uint(point), 4, 16,
                                                                      QLatin1Char('0'))),
                    here());
    }

    bool string(Token &token, bool verbatim)
    {
        const SourcePos start = token.pos;
        const QChar quote = m_text[m_i];
        token.kind = TokenKind::String;
        // Multi-line strings: ``` … ``` and ''' … ''' (no escapes).
        if ((quote == u'`' || quote == u'\'') && at(m_i + 1) == quote && at(m_i + 2) == quote) {
            const QString fence(3, quote);
            const qsizetype close = m_text.indexOf(fence, m_i + 3);
            if (close < 0)
                return fail(QStringLiteral(
                                    "the multi-line string that starts here is not closed with %1")
                                    .arg(fence),
                            start);
            token.value = m_text.mid(m_i + 3, close - m_i - 3).toString();
            advance(close + 3 - m_i);
            token.text = m_text.mid(start.offset, m_i - start.offset).toString();
            return true;
        }
        if (quote == u'`')
            return fail(QStringLiteral(
                                "unexpected character '`' (a multi-line string starts with ```)"),
                        start);
        advance();
        QString value;
        while (true) {
            if (m_i >= m_text.size() || m_text[m_i] == u'\n')
                return fail(QStringLiteral("the string that starts here is not closed (missing %1)")
                                    .arg(quote),
                            start);
            const QChar c = m_text[m_i];
            if (c == quote) {
                if (verbatim && at(m_i + 1) == quote) {
                    value += quote;
                    advance(2);
                    continue;
                }
                advance();
                break;
            }
            if (c == u'\\' && !verbatim) {
                const QChar e = at(m_i + 1);
                switch (e.unicode()) {
                case 'n':
                    value += u'\n';
                    break;
                case 't':
                    value += u'\t';
                    break;
                case 'r':
                    value += u'\r';
                    break;
                case '\\':
                    value += u'\\';
                    break;
                case '\'':
                    value += u'\'';
                    break;
                case '"':
                    value += u'"';
                    break;
                case '0':
                    value += QChar(0);
                    break;
                case 'a':
                    value += QChar(7);
                    break;
                case 'b':
                    value += QChar(8);
                    break;
                case 'f':
                    value += QChar(12);
                    break;
                case 'v':
                    value += QChar(11);
                    break;
                case 'u':
                case 'x':
                case 'U': {
                    const int digits = e == u'u' ? 4 : e == u'U' ? 8 : 2;
                    bool ok = false;
                    const uint code = m_text.mid(m_i + 2, digits).toUInt(&ok, 16);
                    if (!ok || m_i + 2 + digits > m_text.size() || code > 0x10FFFF)
                        return fail(QStringLiteral("bad escape sequence \\%1 in a string").arg(e),
                                    here());
                    const char32_t cp = code;
                    value += QString::fromUcs4(&cp, 1);
                    advance(digits);
                    break;
                }
                default:
                    return fail(QStringLiteral("bad escape sequence \\%1 in a string (write @\"…\" "
                                               "for a verbatim string)")
                                        .arg(e.isPrint() ? QString(e) : QString()),
                                here());
                }
                advance(2);
                continue;
            }
            value += c;
            advance();
        }
        token.value = value;
        token.text = m_text.mid(start.offset, m_i - start.offset).toString();
        return true;
    }

    bool bracketName(Token &token)
    {
        const SourcePos start = token.pos;
        advance(); // [
        Token inner;
        inner.pos = here();
        const bool verbatim = at(m_i) == u'@';
        if (verbatim)
            advance();
        if (!string(inner, verbatim))
            return false;
        skipSpace();
        if (at(m_i) != u']')
            return fail(QStringLiteral("a bracketed name ['…'] is not closed with ]"), start);
        advance();
        token.kind = TokenKind::BracketName;
        token.value = inner.value;
        token.text = m_text.mid(start.offset, m_i - start.offset).toString();
        return true;
    }

    /** A GUID written bare (8-4-4-4-12 hex digits): Kusto refuses it outside guid(…). */
    bool rawGuidAt(qsizetype i) const
    {
        static constexpr std::array<int, 5> groups = {8, 4, 4, 4, 12};
        const auto hex = [](QChar c) {
            return c.isDigit() || (c.toLower() >= u'a' && c.toLower() <= u'f');
        };
        for (std::size_t g = 0; g < groups.size(); ++g) {
            for (int k = 0; k < groups[g]; ++k, ++i) {
                if (!hex(at(i)))
                    return false;
            }
            if (g + 1 < groups.size() && at(i++) != u'-')
                return false;
        }
        return !isIdentPart(at(i)) && at(i) != u'-';
    }

    bool refuseRawGuid(const Token &token)
    {
        return fail(QStringLiteral("a GUID is written guid(%1) in KQL").arg(m_text.mid(m_i, 36)),
                    token.pos);
    }

    bool number(Token &token)
    {
        if (rawGuidAt(m_i))
            return refuseRawGuid(token);
        const qsizetype start = m_i;
        bool real = false;
        bool exponent = false;
        if (m_text[m_i] == u'0' && (at(m_i + 1) == u'x' || at(m_i + 1) == u'X')) {
            advance(2);
            while (at(m_i).isDigit() || (at(m_i).toLower() >= u'a' && at(m_i).toLower() <= u'f'))
                advance();
            if (m_i - start == 2)
                return fail(QStringLiteral("'0x' needs hexadecimal digits after it, as in 0x1F"),
                            token.pos);
        } else {
            while (at(m_i).isDigit())
                advance();
            if (at(m_i) == u'.' && at(m_i + 1) != u'.') {
                real = true;
                advance();
                while (at(m_i).isDigit())
                    advance();
            }
            if ((at(m_i) == u'e' || at(m_i) == u'E')
                && (at(m_i + 1).isDigit()
                    || ((at(m_i + 1) == u'+' || at(m_i + 1) == u'-') && at(m_i + 2).isDigit()))) {
                real = true;
                exponent = true;
                advance(2);
                while (at(m_i).isDigit())
                    advance();
            }
        }
        token.kind = real ? TokenKind::Real : TokenKind::Long;
        if (isIdentStart(at(m_i))) {
            qsizetype j = m_i;
            while (j < m_text.size() && isIdentPart(m_text[j]))
                ++j;
            const QStringView unit = m_text.mid(m_i, j - m_i);
            const bool hex
                    = m_i - start > 1 && (m_text[start + 1] == u'x' || m_text[start + 1] == u'X');
            if ((!isTimespanUnit(unit) && !real) || hex || exponent) {
                // Kusto lets a name begin with digits (2ndLogon, 5MinuteBin); a hexadecimal or
                // exponent number with letters after it is such a name too (0x1h, 1e3h), not a
                // timespan, as Microsoft's analyzer reads them.
                advance(j - m_i);
                token.kind = TokenKind::Identifier;
                token.text = m_text.mid(start, m_i - start).toString();
                return true;
            }
            if (!isTimespanUnit(unit))
                return fail(QStringLiteral("'%1' is not a number or a timespan (units: d, h, m, s, "
                                           "ms, microsecond, tick, …)")
                                    .arg(m_text.mid(start, j - start)),
                            token.pos);
            advance(j - m_i);
            token.kind = TokenKind::TimeSpan;
        }
        token.text = m_text.mid(start, m_i - start).toString();
        return true;
    }

    bool identifier(Token &token)
    {
        if (rawGuidAt(m_i))
            return refuseRawGuid(token);
        const qsizetype start = m_i;
        advance();
        while (m_i < m_text.size() && isIdentPart(m_text[m_i]))
            advance();
        // A dashed keyword is one identifier: project-away, mv-expand, parse-where, …
        if (at(m_i) == u'-' && isIdentStart(at(m_i + 1))) {
            qsizetype j = m_i + 1;
            while (j < m_text.size() && isIdentPart(m_text[j]))
                ++j;
            const QStringView word = m_text.mid(start, j - start);
            for (QLatin1StringView dashed : dashedKeywords) {
                if (word == dashed) {
                    advance(j - m_i);
                    break;
                }
            }
        }
        QStringView word = m_text.mid(start, m_i - start);
        if (word == u"in" && at(m_i) == u'~') {
            advance();
            word = m_text.mid(start, m_i - start);
        }
        token.kind = TokenKind::Identifier;
        token.text = word.toString();
        // Typed literals: datetime(2024-01-01), timespan(1.02:00:00), guid(…), int(null), …
        qsizetype j = m_i;
        while (j < m_text.size() && (m_text[j] == u' ' || m_text[j] == u'\t'))
            ++j;
        if (at(j) == u'(') {
            for (QLatin1StringView keyword : typedLiteralKeywords) {
                if (word == keyword)
                    return typedLiteral(token, j);
            }
        }
        return true;
    }

    bool typedLiteral(Token &token, qsizetype open)
    {
        const qsizetype close = m_text.indexOf(u')', open);
        const qsizetype newline = m_text.indexOf(u'\n', open);
        if (close < 0 || (newline >= 0 && newline < close))
            return fail(QStringLiteral("%1(…) is not closed with )").arg(token.text), token.pos);
        token.kind = TokenKind::TypedLiteral;
        token.value = m_text.mid(open + 1, close - open - 1).trimmed().toString();
        advance(close + 1 - m_i);
        return true;
    }

    QStringView m_text;
    qsizetype m_i = 0;
    int m_line = 1;
    qsizetype m_lineStart = 0;
    KqlError m_error;
};

} // namespace

bool isNegatableStringOperator(QStringView word)
{
    for (QLatin1StringView op : stringOperators) {
        if (word == op)
            return true;
    }
    return false;
}

std::optional<QList<Token>> Lexer::tokenize(QStringView text, KqlError *error)
{
    return Scanner(text).run(error);
}

/** Kusto's keywords that a name must bracket (['last']); the KQL language service's list. */
bool isReservedWord(QStringView word)
{
    static const QSet<QString> words = {
            QStringLiteral("__id"),
            QStringLiteral("accumulate"),
            QStringLiteral("and"),
            QStringLiteral("anomalychart"),
            QStringLiteral("areachart"),
            QStringLiteral("as"),
            QStringLiteral("asc"),
            QStringLiteral("bagexpansion"),
            QStringLiteral("barchart"),
            QStringLiteral("between"),
            QStringLiteral("by"),
            QStringLiteral("cachingpolicy"),
            QStringLiteral("callout"),
            QStringLiteral("cancel"),
            QStringLiteral("card"),
            QStringLiteral("columnchart"),
            QStringLiteral("contains"),
            QStringLiteral("containscs"),
            QStringLiteral("contains_cs"),
            QStringLiteral("__contextual_datatable"),
            QStringLiteral("cycles"),
            QStringLiteral("dataexport"),
            QStringLiteral("datascope"),
            QStringLiteral("datatable"),
            QStringLiteral("decodeblocks"),
            QStringLiteral("desc"),
            QStringLiteral("earliest"),
            QStringLiteral("encodingpolicy"),
            QStringLiteral("endswith"),
            QStringLiteral("endswith_cs"),
            QStringLiteral("expandoutput"),
            QStringLiteral("extent_tags_retention"),
            QStringLiteral("externaldata"),
            QStringLiteral("external_data"),
            QStringLiteral("find"),
            QStringLiteral("first"),
            QStringLiteral("flags"),
            QStringLiteral("harddelete"),
            QStringLiteral("hardretention"),
            QStringLiteral("has"),
            QStringLiteral("has_any"),
            QStringLiteral("has_all"),
            QStringLiteral("has_cs"),
            QStringLiteral("hasprefix"),
            QStringLiteral("hasprefix_cs"),
            QStringLiteral("hassuffix"),
            QStringLiteral("hassuffix_cs"),
            QStringLiteral("hotcache"),
            QStringLiteral("in"),
            QStringLiteral("invoke"),
            QStringLiteral("isfuzzy"),
            QStringLiteral("force_remote"),
            QStringLiteral("journal"),
            QStringLiteral("kind"),
            QStringLiteral("ladderchart"),
            QStringLiteral("last"),
            QStringLiteral("latest"),
            QStringLiteral("like"),
            QStringLiteral("likecs"),
            QStringLiteral("linechart"),
            QStringLiteral("materialize"),
            QStringLiteral("mdm"),
            QStringLiteral("missing"),
            QStringLiteral("nooptimization"),
            QStringLiteral("notcontains"),
            QStringLiteral("notcontainscs"),
            QStringLiteral("notlike"),
            QStringLiteral("notlikecs"),
            QStringLiteral("of"),
            QStringLiteral("or"),
            QStringLiteral("others"),
            QStringLiteral("pathformat"),
            QStringLiteral("piechart"),
            QStringLiteral("pivotchart"),
            QStringLiteral("print"),
            QStringLiteral("project"),
            QStringLiteral("queries"),
            QStringLiteral("query_results"),
            QStringLiteral("relaxed"),
            QStringLiteral("restricted_view_access"),
            QStringLiteral("row_level_security"),
            QStringLiteral("rowstore"),
            QStringLiteral("rowstore_references"),
            QStringLiteral("rowstore_sealinfo"),
            QStringLiteral("rowstorepolicy"),
            QStringLiteral("rowstores"),
            QStringLiteral("sample"),
            QStringLiteral("scatterchart"),
            QStringLiteral("seal"),
            QStringLiteral("seals"),
            QStringLiteral("search"),
            QStringLiteral("set"),
            QStringLiteral("shards"),
            QStringLiteral("simple"),
            QStringLiteral("softdelete"),
            QStringLiteral("softretention"),
            QStringLiteral("sql"),
            QStringLiteral("stackedareachart"),
            QStringLiteral("startswith"),
            QStringLiteral("startswith_cs"),
            QStringLiteral("statistics"),
            QStringLiteral("storedqueryresultcontainers"),
            QStringLiteral("tablepurge"),
            QStringLiteral("timechart"),
            QStringLiteral("timeline"),
            QStringLiteral("timepivot"),
            QStringLiteral("title"),
            QStringLiteral("to"),
            QStringLiteral("toscalar"),
            QStringLiteral("totable"),
            QStringLiteral("treemap"),
            QStringLiteral("union"),
            QStringLiteral("unrestrictedviewers"),
            QStringLiteral("verbose"),
            QStringLiteral("viewers"),
            QStringLiteral("views"),
            QStringLiteral("where"),
            QStringLiteral("with_itemindex"),
            QStringLiteral("with_match_id"),
            QStringLiteral("with_source"),
            QStringLiteral("with_step_name"),
            QStringLiteral("withsource"),
            QStringLiteral("writeaheadlog"),
            QStringLiteral("boolean"),
            QStringLiteral("int8"),
            QStringLiteral("char"),
            QStringLiteral("uint8"),
            QStringLiteral("byte"),
            QStringLiteral("int16"),
            QStringLiteral("uint16"),
            QStringLiteral("int"),
            QStringLiteral("int32"),
            QStringLiteral("uint"),
            QStringLiteral("uint32"),
            QStringLiteral("long"),
            QStringLiteral("int64"),
            QStringLiteral("ulong"),
            QStringLiteral("uint64"),
            QStringLiteral("float"),
            QStringLiteral("real"),
            QStringLiteral("decimal"),
            QStringLiteral("double"),
            QStringLiteral("string"),
            QStringLiteral("time"),
            QStringLiteral("timespan"),
            QStringLiteral("date"),
            QStringLiteral("datetime"),
            QStringLiteral("uniqueid"),
            QStringLiteral("dynamic"),
    };
    return words.contains(word.toString());
}

} // namespace Vigil::Kql
