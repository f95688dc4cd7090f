#include "kqlassist.h"

#include "binder.h"
#include "functionsymbols.h"
#include "huntingschema.h"

#include <QSet>

#include <algorithm>
#include <array>
#include <optional>

namespace Vigil::Kql {

namespace {

struct OperatorInfo
{
    const char *name;
    const char *detail;
};

constexpr std::array<OperatorInfo, 36> kOperators = {{
        {"where", "where Predicate"},
        {"project", "project Column, Name = Expression, …"},
        {"project-away", "project-away Column, …"},
        {"project-keep", "project-keep Column, …"},
        {"project-rename", "project-rename NewName = Column, …"},
        {"project-reorder", "project-reorder Column, …"},
        {"extend", "extend Name = Expression, …"},
        {"summarize", "summarize Aggregate, … by Column, …"},
        {"sort", "sort by Column [asc | desc], …"},
        {"order", "order by Column [asc | desc], …"},
        {"top", "top N by Column [asc | desc]"},
        {"take", "take N"},
        {"limit", "limit N"},
        {"count", "count"},
        {"distinct", "distinct Column, …"},
        {"join", "join kind=inner (Table) on Column"},
        {"lookup", "lookup (Table) on Column"},
        {"union", "union Table, …"},
        {"mv-expand", "mv-expand Column"},
        {"mv-apply", "mv-apply Column on (…)"},
        {"parse", "parse Column with \"text\" Name:type …"},
        {"parse-where", "parse-where Column with \"text\" Name:type …"},
        {"render", "render timechart | barchart | columnchart | piechart | …"},
        {"getschema", "getschema"},
        {"invoke", "invoke Function()"},
        {"evaluate", "evaluate Plugin(…)"},
        {"serialize", "serialize [Name = Expression, …]"},
        {"as", "as Name"},
        {"sample", "sample N"},
        {"sample-distinct", "sample-distinct N of Column"},
        {"make-series", "make-series Aggregate, … on Column from … to … step … by Column, …"},
        {"top-nested", "top-nested N of Column by Aggregate, …"},
        {"partition", "partition by Column (Operators)"},
        {"search", "search \"term\""},
        {"scan", "scan declare (Name:type) with (step S: Condition => Name = Expression;)"},
        {"parse-kv", "parse-kv Column as (Key:type, …) with (pair_delimiter=…, kv_delimiter=…)"},
}};

const QStringList &predicateKeywords()
{
    static const QStringList words = {
            QStringLiteral("and"),         QStringLiteral("or"),
            QStringLiteral("not"),         QStringLiteral("has"),
            QStringLiteral("has_any"),     QStringLiteral("has_all"),
            QStringLiteral("has_cs"),      QStringLiteral("contains"),
            QStringLiteral("contains_cs"), QStringLiteral("startswith"),
            QStringLiteral("endswith"),    QStringLiteral("in"),
            QStringLiteral("in~"),         QStringLiteral("between"),
            QStringLiteral("matches"),     QStringLiteral("hasprefix"),
            QStringLiteral("hassuffix"),   QStringLiteral("ago"),
    };
    return words;
}

QStringList operatorKeywords(const QString &op)
{
    if (op == u"summarize")
        return {QStringLiteral("by")};
    if (op == u"sort" || op == u"order" || op == u"top")
        return {QStringLiteral("by"), QStringLiteral("asc"), QStringLiteral("desc"),
                QStringLiteral("nulls first"), QStringLiteral("nulls last")};
    if (op == u"join" || op == u"lookup")
        return {QStringLiteral("kind"),      QStringLiteral("inner"),
                QStringLiteral("leftouter"), QStringLiteral("leftanti"),
                QStringLiteral("leftsemi"),  QStringLiteral("rightouter"),
                QStringLiteral("fullouter"), QStringLiteral("on")};
    if (op == u"render")
        return {QStringLiteral("timechart"),   QStringLiteral("barchart"),
                QStringLiteral("columnchart"), QStringLiteral("piechart"),
                QStringLiteral("areachart"),   QStringLiteral("scatterchart"),
                QStringLiteral("linechart"),   QStringLiteral("with")};
    if (op == u"where" || op == u"extend" || op == u"project")
        return predicateKeywords();
    return {};
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

/** One open parenthesis level of the text before the cursor. */
struct Frame
{
    int start = 0; ///< just after the `(` (or the statement's start)
    int lastPipe = -1; ///< the last `|` at this level, or -1
};

/** Scans text[0, end): the open levels, or nothing when end is in a string or a comment. */
std::optional<QList<Frame>> scanFrames(QStringView text, int end)
{
    QList<Frame> frames{Frame{}};
    int i = 0;
    while (i < end) {
        const QChar c = text[i];
        if (c == u'/' && i + 1 < text.size() && text[i + 1] == u'/') {
            const int nl = int(text.indexOf(u'\n', i));
            if (nl < 0 || nl >= end)
                return std::nullopt;
            i = nl + 1;
            continue;
        }
        if (c == u'`' && text.mid(i).startsWith(u"```")) {
            const int close = int(text.indexOf(u"```", i + 3));
            if (close < 0 || close + 3 > end)
                return std::nullopt;
            i = close + 3;
            continue;
        }
        if (c == u'"' || c == u'\'') {
            const bool verbatim = i > 0 && text[i - 1] == u'@';
            int j = i + 1;
            bool closed = false;
            while (j < end) {
                if (!verbatim && text[j] == u'\\') {
                    j += 2;
                    continue;
                }
                if (text[j] == c) {
                    if (verbatim && j + 1 < end && text[j + 1] == c) {
                        j += 2;
                        continue;
                    }
                    closed = true;
                    break;
                }
                if (text[j] == u'\n' && !verbatim)
                    break;
                ++j;
            }
            if (!closed)
                return std::nullopt;
            i = j + 1;
            continue;
        }
        if (c == u'(') {
            frames.append(Frame{i + 1, -1});
        } else if (c == u')') {
            if (frames.size() > 1)
                frames.removeLast();
        } else if (c == u'|') {
            frames.last().lastPipe = i;
        } else if (c == u';' && frames.size() == 1) {
            frames.last() = Frame{i + 1, -1};
        }
        ++i;
    }
    return frames;
}

/** The first word of text (after `let Name =` when it starts so). */
QString firstWord(QStringView text)
{
    int i = 0;
    const auto word = [&]() {
        while (i < text.size() && text[i].isSpace())
            ++i;
        const int s = i;
        while (i < text.size() && (isWordChar(text[i]) || text[i] == u'-'))
            ++i;
        return text.mid(s, i - s).toString();
    };
    QString w = word();
    if (w == u"let") {
        const int eq = int(text.indexOf(u'=', i));
        if (eq < 0)
            return {};
        i = eq + 1;
        w = word();
    }
    return w;
}

/** The columns of the tabular expression text, or of its first table when it does not bind. */
QList<std::pair<QString, KqlType>> columnsOf(QStringView text, const HuntingSchema &schema)
{
    QList<std::pair<QString, KqlType>> out;
    const QueryAnalysis analysis = analyzeQuery(text, schema);
    if (analysis.ok()) {
        for (const Column &c : analysis.columns)
            out.append({c.name, c.type});
        return out;
    }
    if (const HuntingTable *table = schema.table(firstWord(text))) {
        for (const HuntingColumn &c : table->columns)
            out.append({c.name, c.type});
    }
    return out;
}

bool matches(const QString &candidate, QStringView prefix)
{
    return candidate.startsWith(prefix, Qt::CaseInsensitive);
}

void addFunctions(QList<KqlCompletion> &items, QStringView prefix, bool aggregates)
{
    const FunctionSymbols &symbols = FunctionSymbols::instance();
    const QHash<QString, FunctionSymbol> &table
            = aggregates ? symbols.aggregates() : symbols.functions();
    QStringList names;
    for (auto it = table.cbegin(); it != table.cend(); ++it) {
        if (it->supported && !it.key().startsWith(u'_') && matches(it.key(), prefix))
            names.append(it.key());
    }
    names.sort();
    for (const QString &name : std::as_const(names))
        items.append({name,
                      aggregates ? KqlCompletion::Kind::Aggregate : KqlCompletion::Kind::Function,
                      kqlSignatureText(name, aggregates)});
}

} // namespace

QString kqlSignatureText(const QString &name, bool aggregate)
{
    const FunctionSymbol *symbol = FunctionSymbols::instance().find(name, aggregate);
    if (!symbol || symbol->signatures.isEmpty())
        return name + QStringLiteral("()");
    // The overload with the most parameters shows every optional one.
    const SignatureSymbol *widest = &symbol->signatures.first();
    for (const SignatureSymbol &s : symbol->signatures) {
        if (s.params.size() > widest->params.size())
            widest = &s;
    }
    QStringList params;
    for (const ParamSymbol &p : widest->params) {
        QString text = p.name;
        if (p.maxOccurring > 1)
            text += QStringLiteral(", …");
        if (p.minOccurring == 0)
            text = QLatin1Char('[') + text + QLatin1Char(']');
        params.append(text);
    }
    return name + QLatin1Char('(') + params.join(QStringLiteral(", ")) + QLatin1Char(')');
}

KqlCompletions kqlCompletions(QStringView text, int cursor, const HuntingSchema &schema)
{
    KqlCompletions result;
    cursor = std::clamp(cursor, 0, int(text.size()));
    int start = cursor;
    while (start > 0 && isWordChar(text[start - 1]))
        --start;
    // Dashed operators (project-away) are typed as one word right after a pipe.
    if (start > 0 && text[start - 1] == u'-') {
        int s = start - 1;
        while (s > 0 && isWordChar(text[s - 1]))
            --s;
        if (s < start - 1 && text.left(s).trimmed().endsWith(u'|'))
            start = s;
    }
    result.start = start;
    result.length = cursor - start;
    const QStringView prefix = text.mid(start, cursor - start);
    const std::optional<QList<Frame>> frames = scanFrames(text, start);
    if (!frames)
        return result;
    const Frame frame = frames->last();
    const int segmentStart = frame.lastPipe >= 0 ? frame.lastPipe + 1 : frame.start;
    const QStringView before = text.mid(segmentStart, start - segmentStart).trimmed();
    QList<KqlCompletion> &items = result.items;

    const auto addTables = [&] {
        for (const HuntingTable &table : schema.tables()) {
            if (matches(table.name, prefix))
                items.append({table.name, KqlCompletion::Kind::Table,
                              QStringLiteral("table, %1 columns").arg(table.columns.size())});
        }
    };
    if (frame.lastPipe < 0) {
        // Where a query starts: a table (also after `let Name =`, `union`, `join (`).
        if (before.isEmpty() || (before.startsWith(u"let ") && before.endsWith(u'='))
            || before.endsWith(u',') || before == u"union")
            addTables();
        return result;
    }
    if (before.isEmpty()) {
        for (const OperatorInfo &op : kOperators) {
            const QString name = QLatin1String(op.name);
            if (matches(name, prefix))
                items.append({name, KqlCompletion::Kind::Operator, QString::fromUtf8(op.detail)});
        }
        return result;
    }
    const QString op = firstWord(before);
    if ((op == u"union" || op == u"join" || op == u"lookup")
        && (before == op || before.endsWith(u',') || before.endsWith(u'('))) {
        addTables();
        return result;
    }
    // The table in scope: what the text up to this level's last pipe binds to.
    const int sourceStart = frames->size() == 1 ? 0 : frame.start;
    const QList<std::pair<QString, KqlType>> columns
            = columnsOf(text.mid(sourceStart, frame.lastPipe - sourceStart), schema);
    QSet<QString> seen;
    for (const auto &[name, type] : columns) {
        if (matches(name, prefix) && !seen.contains(name)) {
            seen.insert(name);
            items.append({name, KqlCompletion::Kind::Column, kqlTypeName(type)});
        }
    }
    if (op == u"summarize" && !before.contains(QLatin1String(" by ")))
        addFunctions(items, prefix, true);
    addFunctions(items, prefix, false);
    for (const QString &word : operatorKeywords(op)) {
        if (matches(word, prefix) && word != prefix)
            items.append({word, KqlCompletion::Kind::Keyword, QString()});
    }
    return result;
}

std::pair<int, int> kqlBlockAt(QStringView text, int cursor)
{
    cursor = std::clamp(cursor, 0, int(text.size()));
    const auto lineStart = [&](int pos) {
        const qsizetype nl = pos > 0 ? text.lastIndexOf(u'\n', pos - 1) : -1;
        return int(nl + 1);
    };
    const auto lineEnd = [&](int pos) {
        const qsizetype nl = text.indexOf(u'\n', pos);
        return nl < 0 ? int(text.size()) : int(nl);
    };
    const auto blank
            = [&](int from) { return text.mid(from, lineEnd(from) - from).trimmed().isEmpty(); };
    int start = lineStart(cursor);
    if (blank(start))
        return {cursor, cursor};
    while (start > 0) {
        const int previous = lineStart(start - 1);
        if (blank(previous))
            break;
        start = previous;
    }
    int end = lineEnd(cursor);
    while (end < text.size()) {
        const int next = end + 1;
        if (blank(next))
            break;
        end = lineEnd(next);
    }
    return {start, end};
}

QString kqlStringLiteral(QStringView value)
{
    QString out;
    out.reserve(value.size() + 2);
    out += u'"';
    for (const QChar c : value) {
        switch (c.unicode()) {
        case u'\\':
            out += QStringLiteral("\\\\");
            break;
        case u'"':
            out += QStringLiteral("\\\"");
            break;
        case u'\n':
            out += QStringLiteral("\\n");
            break;
        case u'\r':
            out += QStringLiteral("\\r");
            break;
        case u'\t':
            out += QStringLiteral("\\t");
            break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7F)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += u'"';
    return out;
}

} // namespace Vigil::Kql
