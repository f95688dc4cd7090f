// parse_xml() and the parse-kv operator's extraction: text in a structured form turned into a
// dynamic bag. Both read untrusted text (event fields, feeds): sizes and depths are bounded, and
// XML's document type declarations (entities, external references) are refused, never expanded.
#include "graphjson.h"
#include "kqlsqlitesupport.h"

#include <QString>
#include <QXmlStreamReader>

#include <re2/re2.h>

#include <algorithm>
#include <memory>
#include <unordered_map>

namespace Vigil::KqlSqlite {

namespace {

// ---- parse_xml

/** Microsoft's parse_xml page: a longer input gives null. */
constexpr qsizetype MaxXmlBytes = 1048576;
/** Elements nested deeper give null: the bag stays well within KqlJson::MaxDepth. */
constexpr int MaxXmlDepth = 100;

bool isXmlSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string_view trimXml(std::string_view s)
{
    while (!s.empty() && isXmlSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isXmlSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

/** The value of an element's text: a number when it reads as one, a string otherwise. */
KqlJson textValue(std::string_view text)
{
    if (isJsonNumber(text)) {
        if (auto number = KqlJson::parse(text); number && number->isNumber())
            return *number;
    }
    return KqlJson::fromString(std::string(text));
}

/** One open element: its attributes, then its children and texts in document order. */
struct XmlFrame
{
    std::string name;
    std::vector<KqlJsonMember> attributes;
    std::vector<KqlJsonMember> content; ///< child elements by name, texts as "#text"
    bool hasElements = false;
    std::string pendingText; ///< character data not yet ended by markup
};

void flushText(XmlFrame &frame)
{
    const std::string_view text = trimXml(frame.pendingText);
    if (!text.empty())
        frame.content.push_back({"#text", textValue(text)});
    frame.pendingText.clear();
}

/** The page's mapping: <e/> null, text alone a value, otherwise a bag (@attributes first). */
KqlJson elementValue(XmlFrame &frame)
{
    if (frame.attributes.empty() && !frame.hasElements) {
        if (frame.content.empty())
            return KqlJson::null();
        if (frame.content.size() == 1)
            return std::move(frame.content.front().second);
    }
    // A repeated name becomes an array at its first position (a hash of the names seen keeps
    // an element with many differently named children linear).
    KqlJson bag = KqlJson::object();
    std::unordered_map<std::string, std::pair<size_t, bool>> seen; // position, is an array
    auto add = [&](KqlJsonMember &&member) {
        const auto [it, added] = seen.try_emplace(member.first, bag.members.size(), false);
        if (added) {
            bag.members.push_back(std::move(member));
            return;
        }
        KqlJson &existing = bag.members[it->second.first].second;
        if (!it->second.second) {
            KqlJson items = KqlJson::array();
            items.items.push_back(std::move(existing));
            existing = std::move(items);
            it->second.second = true;
        }
        existing.items.push_back(std::move(member.second));
    };
    for (KqlJsonMember &attribute : frame.attributes)
        add(std::move(attribute));
    for (KqlJsonMember &child : frame.content)
        add(std::move(child));
    return bag;
}

/** The XML document as Kusto's bag, or nullopt for text that is not one accepted document. */
std::optional<KqlJson> xmlToJson(std::string_view text)
{
    if (text.empty() || qsizetype(text.size()) > MaxXmlBytes)
        return std::nullopt;
    // Text already decoded: an encoding named by the XML declaration does not apply.
    QXmlStreamReader reader(QString::fromUtf8(text.data(), qsizetype(text.size())));
    reader.setNamespaceProcessing(false); // names and xmlns attributes as written
    reader.setEntityExpansionLimit(0);
    std::vector<XmlFrame> stack;
    std::optional<KqlJson> root;
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::DTD:
        case QXmlStreamReader::EntityReference:
            return std::nullopt; // no entity is ever expanded
        case QXmlStreamReader::StartElement: {
            if (root || stack.size() >= size_t(MaxXmlDepth))
                return std::nullopt;
            if (!stack.empty()) {
                flushText(stack.back());
                stack.back().hasElements = true;
            }
            XmlFrame frame;
            frame.name = reader.qualifiedName().toString().toStdString();
            const QXmlStreamAttributes attributes = reader.attributes();
            for (const QXmlStreamAttribute &a : attributes)
                frame.attributes.push_back(
                        {"@" + a.qualifiedName().toString().toStdString(),
                         KqlJson::fromString(a.value().toString().toStdString())});
            stack.push_back(std::move(frame));
            break;
        }
        case QXmlStreamReader::EndElement: {
            if (stack.empty())
                return std::nullopt;
            XmlFrame frame = std::move(stack.back());
            stack.pop_back();
            flushText(frame);
            KqlJsonMember member{frame.name, elementValue(frame)};
            if (stack.empty()) {
                root = KqlJson::object();
                root->members.push_back(std::move(member));
            } else {
                stack.back().content.push_back(std::move(member));
            }
            break;
        }
        case QXmlStreamReader::Characters:
            // CDATA sections are not text nodes: the page skips everything but elements,
            // attributes and text.
            if (!stack.empty() && !reader.isCDATA())
                stack.back().pendingText += reader.text().toString().toStdString();
            break;
        case QXmlStreamReader::Comment:
        case QXmlStreamReader::ProcessingInstruction:
            if (!stack.empty())
                flushText(stack.back());
            break;
        default:
            break;
        }
    }
    if (reader.hasError() || !root)
        return std::nullopt;
    return root;
}

void parseXmlFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    if (isNull(argv[0])) {
        sqlite3_result_null(ctx);
        return;
    }
    const std::optional<KqlJson> json = xmlToJson(text(argv[0]));
    if (!json) {
        sqlite3_result_null(ctx);
        return;
    }
    resultJson(ctx, *json);
}

// ---- parse-kv

/** How parse-kv reads its text: the operator's `with (…)` properties, from the compiler. */
struct KvSpec
{
    enum class Mode { Delimited, Words, Regex };
    Mode mode = Mode::Words;
    std::vector<std::string> keys;
    std::string pairDelimiter;
    std::string kvDelimiter;
    std::vector<std::pair<char32_t, char32_t>> quotes; ///< opening, closing
    std::vector<char32_t> escapes;
    bool greedy = false;
    std::unique_ptr<re2::RE2> regex;
    std::string error;
};

std::unique_ptr<KvSpec> readSpec(std::string_view json)
{
    auto spec = std::make_unique<KvSpec>();
    const std::optional<KqlJson> j = KqlJson::parse(json);
    if (!j || !j->isObject()) {
        spec->error = "parse-kv: invalid specification";
        return spec;
    }
    auto str = [&](const char *name) -> std::string {
        const KqlJson *v = j->member(name);
        return v && v->isString() ? v->text : std::string();
    };
    if (const KqlJson *keys = j->member("keys"); keys && keys->isArray()) {
        for (const KqlJson &k : keys->items)
            spec->keys.push_back(k.text);
    }
    const std::string mode = str("mode");
    spec->mode = mode == "delimited" ? KvSpec::Mode::Delimited
                 : mode == "regex"   ? KvSpec::Mode::Regex
                                     : KvSpec::Mode::Words;
    spec->pairDelimiter = str("pair");
    spec->kvDelimiter = str("kv");
    if (const KqlJson *quotes = j->member("quotes"); quotes && quotes->isArray()) {
        for (const KqlJson &q : quotes->items) {
            const QList<uint> points = QString::fromStdString(q.text).toUcs4();
            if (!points.isEmpty())
                spec->quotes.emplace_back(points.front(), points.back());
        }
    }
    if (const KqlJson *escapes = j->member("escapes"); escapes && escapes->isArray()) {
        for (const KqlJson &e : escapes->items) {
            const QList<uint> points = QString::fromStdString(e.text).toUcs4();
            if (!points.isEmpty())
                spec->escapes.push_back(points.front());
        }
    }
    const KqlJson *greedy = j->member("greedy");
    spec->greedy = greedy && greedy->kind == KqlJson::Kind::Bool && greedy->boolean;
    if (spec->mode == KvSpec::Mode::Regex) {
        spec->regex = std::make_unique<re2::RE2>(str("regex"));
        if (!spec->regex->ok())
            spec->error = "parse-kv: invalid regex: " + spec->regex->error();
        else if (spec->regex->NumberOfCapturingGroups() != 2)
            spec->error = "parse-kv: the regex must have exactly two capturing groups";
    }
    if (spec->mode == KvSpec::Mode::Delimited
        && (spec->pairDelimiter.empty() || spec->kvDelimiter.empty()))
        spec->error = "parse-kv: pair_delimiter and kv_delimiter must not be empty";
    return spec;
}

bool isBlank(char32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/** The text as code points, so that quotes and escapes may be any character. */
class KvReader
{
public:
    KvReader(const KvSpec &spec, std::string_view text)
        : m_spec(spec)
        , m_text(QString::fromUtf8(text.data(), qsizetype(text.size())).toUcs4())
        , m_pair(QString::fromStdString(spec.pairDelimiter).toUcs4())
        , m_kv(QString::fromStdString(spec.kvDelimiter).toUcs4())
    { }

    KqlJson run()
    {
        if (m_spec.mode == KvSpec::Mode::Delimited)
            delimited();
        else
            words();
        return std::move(m_out);
    }

private:
    qsizetype size() const { return m_text.size(); }

    bool startsWith(qsizetype pos, const QList<uint> &what) const
    {
        if (what.isEmpty() || pos + what.size() > size())
            return false;
        return std::equal(what.begin(), what.end(), m_text.begin() + pos);
    }

    qsizetype find(qsizetype from, const QList<uint> &what) const
    {
        for (qsizetype i = from; i < size(); ++i) {
            if (startsWith(i, what))
                return i;
        }
        return -1;
    }

    /** The first occurrence starting in [from, before), or -1. */
    qsizetype findBefore(qsizetype from, const QList<uint> &what, qsizetype before) const
    {
        for (qsizetype i = from; i < before; ++i) {
            if (startsWith(i, what))
                return i;
        }
        return -1;
    }

    std::optional<char32_t> closingQuote(qsizetype pos) const
    {
        if (pos >= size())
            return std::nullopt;
        for (const auto &[open, close] : m_spec.quotes) {
            if (m_text[pos] == open)
                return close;
        }
        return std::nullopt;
    }

    bool isEscape(char32_t c) const
    {
        return std::find(m_spec.escapes.begin(), m_spec.escapes.end(), c) != m_spec.escapes.end();
    }

    /** A quoted text from its opening quote at *pos; *pos ends after the closing one. */
    QList<uint> quoted(qsizetype *pos, char32_t close) const
    {
        QList<uint> out;
        qsizetype i = *pos + 1;
        for (; i < size(); ++i) {
            if (isEscape(m_text[i]) && i + 1 < size()) {
                out.append(m_text[++i]);
                continue;
            }
            if (m_text[i] == close)
                break;
            out.append(m_text[i]);
        }
        *pos = std::min(i + 1, size());
        return out;
    }

    qsizetype skipBlanks(qsizetype pos) const
    {
        while (pos < size() && isBlank(m_text[pos]))
            ++pos;
        return pos;
    }

    QList<uint> trimmed(qsizetype from, qsizetype to) const
    {
        while (from < to && isBlank(m_text[from]))
            ++from;
        while (to > from && isBlank(m_text[to - 1]))
            --to;
        return m_text.mid(from, to - from);
    }

    void record(const QList<uint> &key, const QList<uint> &value)
    {
        const std::string k
                = QString::fromUcs4(reinterpret_cast<const char32_t *>(key.data()), key.size())
                          .toStdString();
        if (std::find(m_spec.keys.begin(), m_spec.keys.end(), k) == m_spec.keys.end()
            || m_out.member(k))
            return; // only the listed keys, the first appearance of each
        m_out.members.push_back(
                {k, KqlJson::fromString(
                            QString::fromUcs4(reinterpret_cast<const char32_t *>(value.data()),
                                              value.size())
                                    .toStdString())});
    }

    /**
     * Greedy: the value runs to the last pair delimiter before the next key, i.e. before the
     * next kv_delimiter that has a pair delimiter ahead of it (or to the end). One pass.
     */
    qsizetype greedyEnd(qsizetype from) const
    {
        qsizetype lastPair = -1;
        for (qsizetype i = from; i < size(); ++i) {
            if (lastPair >= 0 && lastPair + m_pair.size() <= i && startsWith(i, m_kv))
                return lastPair;
            if (startsWith(i, m_pair))
                lastPair = i;
        }
        return size();
    }

    /** The next kv_delimiter at or after from: each search goes on from where the last ended. */
    qsizetype nextKv(qsizetype from)
    {
        if (m_kvSearchedFrom < 0 || from < m_kvSearchedFrom
            || (m_kvFound >= 0 && m_kvFound < from)) {
            m_kvFound = find(from, m_kv);
            m_kvSearchedFrom = from;
        }
        return m_kvFound;
    }

    /** pair_delimiter and kv_delimiter given: pairs split by the one, key from value by the other.
     */
    void delimited()
    {
        qsizetype pos = 0;
        while (pos < size()) {
            pos = skipBlanks(pos);
            if (pos >= size())
                break;
            QList<uint> key;
            if (const auto close = closingQuote(pos)) {
                key = quoted(&pos, *close);
                pos = skipBlanks(pos);
                if (!startsWith(pos, m_kv)) { // not a pair: on to the next one
                    const qsizetype next = find(pos, m_pair);
                    pos = next < 0 ? size() : next + m_pair.size();
                    continue;
                }
                pos += m_kv.size();
            } else {
                // Delimiters are searched for only as far as needed: text without any stays
                // linear.
                const qsizetype kv = nextKv(pos);
                const qsizetype pair = kv < 0 ? find(pos, m_pair) : findBefore(pos, m_pair, kv);
                if (kv < 0 || pair >= 0) { // a part without a key
                    pos = pair < 0 ? size() : pair + m_pair.size();
                    continue;
                }
                key = trimmed(pos, kv);
                pos = kv + m_kv.size();
            }
            // The value runs from the kv_delimiter (blanks skipped only to find a quote: a
            // blank pair delimiter right after it ends an empty value).
            QList<uint> value;
            if (qsizetype q = skipBlanks(pos); closingQuote(q)) {
                pos = q;
                value = quoted(&pos, *closingQuote(q));
                const qsizetype next = find(pos, m_pair);
                pos = next < 0 ? size() : next + m_pair.size();
            } else {
                qsizetype end = m_spec.greedy ? greedyEnd(pos) : find(pos, m_pair);
                if (end < 0)
                    end = size();
                value = trimmed(pos, end);
                pos = end >= size() ? size() : end + m_pair.size();
            }
            if (!key.isEmpty())
                record(key, value);
        }
    }

    /**
     * No delimiters given: every character that is not a letter or a digit delimits; a key is a
     * word (or a quoted text) and its value the word (or quoted text) after it.
     */
    void words()
    {
        std::vector<QList<uint>> tokens;
        qsizetype pos = 0;
        while (pos < size()) {
            if (const auto close = closingQuote(pos)) {
                tokens.push_back(quoted(&pos, *close));
                continue;
            }
            const char32_t c = m_text[pos];
            if (!QChar::isLetterOrNumber(c)) {
                ++pos;
                continue;
            }
            const qsizetype start = pos;
            while (pos < size() && QChar::isLetterOrNumber(m_text[pos]) && !closingQuote(pos))
                ++pos;
            tokens.push_back(m_text.mid(start, pos - start));
        }
        for (size_t i = 0; i + 1 < tokens.size();) {
            const std::string k
                    = QString::fromUcs4(reinterpret_cast<const char32_t *>(tokens[i].data()),
                                        tokens[i].size())
                              .toStdString();
            if (std::find(m_spec.keys.begin(), m_spec.keys.end(), k) != m_spec.keys.end()) {
                record(tokens[i], tokens[i + 1]);
                i += 2;
            } else {
                ++i;
            }
        }
    }

    const KvSpec &m_spec;
    QList<uint> m_text;
    QList<uint> m_pair;
    QList<uint> m_kv;
    qsizetype m_kvSearchedFrom = -1;
    qsizetype m_kvFound = -1;
    KqlJson m_out = KqlJson::object();
};

std::string_view trimBlanks(std::string_view s)
{
    while (!s.empty() && isBlank(char32_t(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && isBlank(char32_t(s.back())))
        s.remove_suffix(1);
    return s;
}

/** regex=: every match's first group is a key, its second the value. */
KqlJson regexPairs(const KvSpec &spec, std::string_view text)
{
    KqlJson out = KqlJson::object();
    re2::StringPiece groups[3];
    size_t pos = 0;
    while (pos <= text.size()
           && spec.regex->Match(re2::StringPiece(text.data(), text.size()), pos, text.size(),
                                re2::RE2::UNANCHORED, groups, 3)) {
        const std::string key(trimBlanks(std::string_view(groups[1].data(), groups[1].size())));
        if (std::find(spec.keys.begin(), spec.keys.end(), key) != spec.keys.end()
            && !out.member(key))
            out.members.push_back({key, KqlJson::fromString(std::string(trimBlanks(std::string_view(
                                                groups[2].data(), groups[2].size()))))});
        const size_t end = size_t(groups[0].data() - text.data()) + groups[0].size();
        pos = groups[0].empty() ? end + 1 : end;
    }
    return out;
}

/**
 * kql_parse_kv(text, spec): a bag of the listed keys found in the text, each with its value as a
 * string. spec is the JSON the compiler writes from the operator (a constant per statement).
 */
void parseKvFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    std::unique_ptr<KvSpec> uncached;
    const KvSpec *spec = auxCached<KvSpec>(
            ctx, 1, [&] { return readSpec(KqlSqlite::text(argv[1])).release(); });
    if (!spec) { // not a constant: read for this row only
        uncached = readSpec(KqlSqlite::text(argv[1]));
        spec = uncached.get();
    }
    if (!spec->error.empty()) {
        sqlite3_result_error(ctx, spec->error.c_str(), int(spec->error.size()));
        return;
    }
    const std::string_view input = KqlSqlite::text(argv[0]);
    if (spec->mode == KvSpec::Mode::Regex) {
        resultJson(ctx, regexPairs(*spec, input));
        return;
    }
    resultJson(ctx, KvReader(*spec, input).run());
}

} // namespace

int registerParseTextFunctions(sqlite3 *db, Context *c)
{
    if (int rc = addScalar(db, c, "kql_parse_xml", 1, parseXmlFn); rc != SQLITE_OK)
        return rc;
    return addScalar(db, c, "kql_parse_kv", 2, parseKvFn);
}

} // namespace Vigil::KqlSqlite
