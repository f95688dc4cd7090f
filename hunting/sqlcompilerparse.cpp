#include "sqlcompilerimpl.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

// parse and parse-where: the pattern becomes one RE2 regular expression (a bound parameter, never
// SQL text); kql_matches_regex tests it and kql_extract reads each capture. The rules follow the
// behaviour measured on Kusto and Microsoft's parse-operator page: in kind=simple (and relaxed)
// the literals are text, `*` and string columns are lazy, and the whole pattern must reach the
// end of the input; in kind=regex the literals are regular expressions, string columns greedy,
// nothing is anchored. A typed column converts its capture; in simple and regex a row whose match
// or any conversion fails gets "" in its string columns and null in the others (parse-where drops
// it); in relaxed only a failed match does, and a failed conversion nulls its own column.
namespace Vigil::Kql {

namespace {

using T = KqlType;

/** RE2's QuoteMeta for ASCII: every character but letters, digits and '_' escaped. */
/**
 * A regular expression with its capturing groups made non-capturing: `(` not followed by `?`,
 * and the named `(?P<n>` and `(?<n>`, become `(?:`; escapes and character classes are left as
 * they are.
 */
QString nonCapturing(const QString &text)
{
    QString out;
    out.reserve(text.size() + 8);
    bool inClass = false;
    for (qsizetype k = 0; k < text.size(); ++k) {
        const QChar c = text[k];
        if (c == u'\\' && k + 1 < text.size()) {
            out += c;
            out += text[++k];
            continue;
        }
        if (inClass) {
            if (c == u']')
                inClass = false;
            out += c;
            continue;
        }
        if (c == u'[') {
            inClass = true;
            out += c;
            // A ']' first in the class (or after '^') is one of its characters.
            if (k + 1 < text.size() && text[k + 1] == u'^')
                out += text[++k];
            if (k + 1 < text.size() && text[k + 1] == u']')
                out += text[++k];
            continue;
        }
        if (c != u'(') {
            out += c;
            continue;
        }
        const QStringView rest = QStringView(text).mid(k + 1);
        qsizetype skip = -1;
        if (!rest.startsWith(u'?'))
            skip = 0;
        else if (rest.startsWith(u"?P<")
                 || (rest.startsWith(u"?<") && !rest.startsWith(u"?<=")
                     && !rest.startsWith(u"?<!")))
            skip = rest.indexOf(u'>') + 1; // the name and its '>'
        if (skip < 0) {
            out += c;
            continue;
        }
        out += QStringLiteral("(?:");
        k += skip;
    }
    return out;
}

QString escapeRegex(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool plain = u >= 0x80 || (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z')
                           || (u >= u'0' && u <= u'9') || u == u'_';
        if (u == 0)
            out += QStringLiteral("\\x00");
        else if (plain)
            out += c;
        else
            out += QLatin1Char('\\') + c;
    }
    return out;
}

/** The text a typed column takes where nothing but a `*` follows it (kind=simple). */
QString simpleShape(T type)
{
    switch (type) {
    case T::Int:
    case T::Long:
        return QStringLiteral("\\s*[-+]?\\d+");
    case T::Real:
        return QStringLiteral("\\s*[-+]?(?:\\d+\\.?\\d*|\\.\\d+)");
    case T::Bool:
        return QStringLiteral("\\s*(?:[tT][rR][uU][eE]|[fF][aA][lL][sS][eE]|[-+]?\\d+)");
    default:
        return {};
    }
}

/** The text a typed column takes in kind=regex. */
QString regexShape(T type)
{
    switch (type) {
    case T::Int:
    case T::Long:
        return QStringLiteral("\\s*[-+]?\\d+");
    case T::Real:
        return QStringLiteral("\\s*[-+]?\\d+(?:\\.\\d+)?");
    case T::Bool:
        return QStringLiteral("\\s*(?i:true|false)");
    default:
        return {};
    }
}

} // namespace

Rel SqlCompiler::parse(const Node &node, const Rel &in)
{
    if (node.text == u"parse-kv")
        return parseKv(node, in);
    const QString kind = node.option(QStringLiteral("kind")).isEmpty()
                                 ? QStringLiteral("simple")
                                 : node.option(QStringLiteral("kind"));
    const bool regexMode = kind == u"regex";
    const bool relaxed = kind == u"relaxed";
    if (kind != u"simple" && !regexMode && !relaxed)
        refuse(QStringLiteral("parse kind=%1 cannot be compiled to SQL yet").arg(kind), node);
    if (relaxed && node.text == u"parse-where")
        refuse(QStringLiteral("parse-where kind=relaxed is refused (Kusto refuses it too)"), node);
    // The regular expression, element by element, and the columns it captures, in order.
    QString re;
    QList<const Node *> columns;
    for (qsizetype i = 1; i < node.count(); ++i) {
        const Node &element = *node.kid(i);
        const Node *next = node.kid(i + 1);
        if (element.kind == NodeKind::Star) {
            re += QStringLiteral(".*?");
        } else if (element.kind == NodeKind::Literal) {
            if (element.value.isEmpty())
                refuse(QStringLiteral("an empty string in a parse pattern is refused (Kusto "
                                      "refuses it too)"),
                       element);
            if (regexMode) {
                // The pattern's own groups would shift the columns' captures: they become
                // non-capturing, which matches the same text (Microsoft's parse page writes
                // "(.*?)[a-zA-Z]*=" and ".*?(previous)?lockTime=" around its columns).
                re += nonCapturing(element.value);
            } else {
                re += escapeRegex(element.value);
            }
        } else if (element.kind == NodeKind::ColumnDecl) {
            const T type = element.type.value_or(T::String);
            const bool starNext = next && next->kind == NodeKind::Star;
            QString capture;
            if (regexMode) {
                capture = type == T::String ? QStringLiteral(".*") : regexShape(type);
            } else if (!starNext) {
                capture = QStringLiteral(".*?"); // the next string or the end stops it
            } else {
                if (type == T::String)
                    refuse(QStringLiteral("'*' after the string column '%1' is ambiguous (Kusto "
                                          "refuses it too); give it a type or a string after it")
                                   .arg(element.text),
                           element);
                capture = simpleShape(type);
                // kind=relaxed: before a trailing '*' the typed text may be missing (the column
                // is then null, the others keep their values).
                if (relaxed && !capture.isEmpty() && !node.kid(i + 2))
                    capture = QStringLiteral("(?:%1)?").arg(capture);
            }
            if (capture.isEmpty())
                refuse(QStringLiteral("a %1 column in this place of a parse pattern cannot be "
                                      "compiled exactly")
                               .arg(kqlTypeName(type)),
                       element);
            re += QLatin1Char('(') + capture + QLatin1Char(')');
            columns.append(&element);
        }
    }
    if (!regexMode)
        re += QLatin1Char('$');
    const Env env{&in.schema, QString(), in.ingest, false};
    const QString source = asString(*node.kid(0), env);
    const QString pattern = param(re);
    // One layer reads the source once; the next extracts and converts each capture.
    QStringList inner;
    for (const Column &c : in.schema)
        inner.append(quote(c.name));
    const QString sourceCte = addCte(
            QStringLiteral("SELECT %1%2, %3 AS \"_vigil_s\" FROM %4")
                    .arg(inner.join(QLatin1String(", ")), hiddenColumns(in), source, in.cte));
    QStringList converted;
    QStringList tests = {QStringLiteral("kql_matches_regex(\"_vigil_s\", %1)").arg(pattern)};
    for (qsizetype k = 0; k < columns.size(); ++k) {
        const QString captured
                = QStringLiteral("kql_extract(%1, %2, \"_vigil_s\")").arg(pattern).arg(k + 1);
        QString value;
        switch (columns[k]->type.value_or(T::String)) {
        case T::String:
            value = captured;
            break;
        case T::Int:
        case T::Long:
            // Only whole-number text converts (tolong('1.5') is null).
            value = QStringLiteral("(CASE WHEN kql_matches_regex(%1, '^\\s*[-+]?\\d+\\s*$') THEN "
                                   "kql_tolong(%1) END)")
                            .arg(captured);
            break;
        case T::Real:
            value = QStringLiteral("kql_todouble(nullif(%1, ''))").arg(captured);
            break;
        case T::Bool:
            value = QStringLiteral("(CASE WHEN kql_matches_regex(%1, '^\\s*[-+]?\\d+\\s*$') THEN "
                                   "kql_tolong(%1) <> 0 WHEN kql_matches_regex(%1, "
                                   "'(?i)^\\s*(true|false)\\s*$') THEN kql_tobool(kql_trim('\\s', "
                                   "%1)) END)")
                            .arg(captured);
            break;
        case T::DateTime:
            value = QStringLiteral("kql_todatetime(nullif(%1, ''))").arg(captured);
            break;
        case T::TimeSpan:
            value = QStringLiteral("kql_totimespan(nullif(%1, ''))").arg(captured);
            break;
        default:
            refuse(QStringLiteral("parse into this type cannot be compiled yet"), *columns[k]);
        }
        converted.append(value);
        // kind=simple and regex are all-or-nothing; relaxed converts each column on its own.
        if (columns[k]->type.value_or(T::String) != T::String && !relaxed)
            tests.append(value + QStringLiteral(" IS NOT NULL"));
    }
    const QString ok = QLatin1Char('(') + tests.join(QLatin1String(" AND ")) + QLatin1Char(')');
    QStringList select = inner;
    for (qsizetype k = 0; k < columns.size(); ++k) {
        const bool text = columns[k]->type.value_or(T::String) == T::String;
        select.append(QStringLiteral("(CASE WHEN %1 THEN %2 ELSE %3 END) AS %4")
                              .arg(ok, converted[k],
                                   text ? QStringLiteral("''") : QStringLiteral("NULL"),
                                   quote(columns[k]->text)));
    }
    Rel out;
    out.schema = *node.schema;
    out.ingest = in.ingest;
    out.ordered = in.ordered;
    out.partitioned = in.partitioned;
    out.cte = addCte(
            QStringLiteral("SELECT %1%2 FROM %3%4")
                    .arg(select.join(QLatin1String(", ")), hiddenColumns(in), sourceCte,
                         node.text == u"parse-where" ? QStringLiteral(" WHERE ") + ok : QString()));
    return out;
}

/**
 * parse-kv: kql_parse_kv reads the text once into a bag of the listed keys (the operator's
 * properties go to it as one JSON parameter); each column takes its key's text, converted as the
 * to*() function of its type converts a string. A key the text lacks is "" for a string column
 * and null for the others (Microsoft's parse-kv page).
 */
Rel SqlCompiler::parseKv(const Node &node, const Rel &in)
{
    QJsonObject spec;
    QJsonArray keys;
    QJsonArray quotes;
    QJsonArray escapes;
    for (qsizetype i = 1; i < node.count(); ++i)
        keys.append(node.kid(i)->text);
    for (const auto &[name, value] : node.options) {
        if (name == u"pair_delimiter")
            spec.insert(QStringLiteral("pair"), value);
        else if (name == u"kv_delimiter")
            spec.insert(QStringLiteral("kv"), value);
        else if (name == u"quote")
            quotes.append(value);
        else if (name == u"escape")
            escapes.append(value);
        else if (name == u"greedy")
            spec.insert(QStringLiteral("greedy"), value == u"true");
        else if (name == u"regex")
            spec.insert(QStringLiteral("regex"), value);
    }
    spec.insert(QStringLiteral("keys"), keys);
    spec.insert(QStringLiteral("quotes"), quotes);
    spec.insert(QStringLiteral("escapes"), escapes);
    spec.insert(QStringLiteral("mode"),
                spec.contains(QStringLiteral("regex"))  ? QStringLiteral("regex")
                : spec.contains(QStringLiteral("pair")) ? QStringLiteral("delimited")
                                                        : QStringLiteral("words"));
    const Env env{&in.schema, QString(), in.ingest, false};
    const QString source = asString(*node.kid(0), env);
    QStringList inner;
    for (const Column &c : in.schema)
        inner.append(quote(c.name));
    const QString bagCte
            = addCte(QStringLiteral("SELECT %1%2, kql_parse_kv(%3, %4) AS \"_vigil_kv\" FROM %5")
                             .arg(inner.join(QLatin1String(", ")), hiddenColumns(in), source,
                                  param(QString::fromUtf8(
                                          QJsonDocument(spec).toJson(QJsonDocument::Compact))),
                                  in.cte));
    QStringList select = inner;
    for (qsizetype i = 1; i < node.count(); ++i) {
        const Node &key = *node.kid(i);
        const T type = key.type.value_or(T::String);
        const QString text = QStringLiteral("kql_tostring(kql_dyn_get(\"_vigil_kv\", %1))")
                                     .arg(param(key.text));
        QString value;
        if (type == T::String)
            value = QStringLiteral("coalesce(%1, '')").arg(text);
        else if (const std::optional<QString> converted = convertedText(type, text))
            value = *converted;
        else
            refuse(QStringLiteral("parse-kv into a %1 column cannot be compiled exactly (string, "
                                  "long, int, real, bool, datetime and timespan can)")
                           .arg(kqlTypeName(type)),
                   key);
        select.append(QStringLiteral("%1 AS %2").arg(value, quote(key.text)));
    }
    Rel out;
    out.schema = *node.schema;
    out.ingest = in.ingest;
    out.ordered = in.ordered;
    out.partitioned = in.partitioned;
    out.cte = addCte(QStringLiteral("SELECT %1%2 FROM %3")
                             .arg(select.join(QLatin1String(", ")), hiddenColumns(in), bagCte));
    return out;
}

} // namespace Vigil::Kql
