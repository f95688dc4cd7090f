#include "sqlcompilerimpl.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

// externaldata: the declared columns over rows that arrive as one parameter. The runner fetches
// nothing; it fills the parameter from the feeds it is given (externaldata.h), and every value is
// converted here with the engine's own to*() functions, as Kusto converts text to a column's type.
namespace Vigil::Kql {

namespace {

const QStringList &textFormats()
{
    static const QStringList formats
            = {QStringLiteral("csv"), QStringLiteral("tsv"), QStringLiteral("scsv"),
               QStringLiteral("psv"), QStringLiteral("txt")};
    return formats;
}

bool isJsonFormat(const QString &format)
{
    return format == u"json" || format == u"multijson";
}

/** Kusto's default: the format the file name's extension says, CSV otherwise. */
QString formatFromUrl(const QString &url)
{
    const QString path = QUrl(url).path().toLower();
    const qsizetype dot = path.lastIndexOf(QLatin1Char('.'));
    QString extension = dot >= 0 ? path.mid(dot + 1) : QString();
    if (textFormats().contains(extension) || isJsonFormat(extension))
        return extension;
    return QStringLiteral("csv");
}

/** `$.a.b`, `$['a']`, `$.a[0]`: the steps of a mapping's JSON path; nullopt when it is more. */
std::optional<QList<ExternalDataUse::PathStep>> jsonPath(const QString &path)
{
    QList<ExternalDataUse::PathStep> steps;
    if (!path.startsWith(QLatin1Char('$')))
        return std::nullopt;
    qsizetype i = 1;
    while (i < path.size()) {
        if (path[i] == u'.') {
            qsizetype end = i + 1;
            while (end < path.size() && path[end] != u'.' && path[end] != u'[')
                ++end;
            if (end == i + 1)
                return std::nullopt;
            steps.append({path.mid(i + 1, end - i - 1), -1});
            i = end;
        } else if (path[i] == u'[') {
            const qsizetype close = path.indexOf(QLatin1Char(']'), i);
            if (close < 0)
                return std::nullopt;
            const QString inside = path.mid(i + 1, close - i - 1);
            bool number = false;
            const int index = inside.toInt(&number);
            if (number && index >= 0)
                steps.append({QString(), index});
            else if (inside.size() >= 2 && (inside.front() == u'\'' || inside.front() == u'"')
                     && inside.back() == inside.front())
                steps.append({inside.mid(1, inside.size() - 2), -1});
            else
                return std::nullopt;
            i = close + 1;
        } else {
            return std::nullopt;
        }
    }
    return steps;
}

} // namespace

Rel SqlCompiler::externalData(const Node &node)
{
    ExternalDataUse use;
    use.pos = node.pos;
    use.columns = *node.schema;
    for (const NodePtr &kid : node.kids) {
        if (kid->kind == NodeKind::Literal)
            use.urls.append(kid->value);
    }
    if (use.urls.isEmpty())
        refuse(QStringLiteral("externaldata needs at least one URL"), node);
    QString format;
    QString mapping;
    for (const auto &[name, value] : node.options) {
        const QString key = name.toLower();
        if (key == u"format") {
            format = value.toLower();
            if (!textFormats().contains(format) && !isJsonFormat(format))
                refuse(QStringLiteral("the externaldata format '%1' is not supported (csv, tsv, "
                                      "scsv, psv, txt, json and multijson are)")
                               .arg(value),
                       node);
        } else if (key == u"ignorefirstrecord" || key == u"ignorelastrecord") {
            const QString flag = value.toLower();
            const bool first = key == u"ignorefirstrecord";
            if (flag != u"true" && flag != u"false")
                refuse(QStringLiteral("%1 must be true or false, not '%2'")
                               .arg(first ? QStringLiteral("ignoreFirstRecord")
                                          : QStringLiteral("ignoreLastRecord"),
                                    value),
                       node);
            (first ? use.ignoreFirstRecord : use.ignoreLastRecord) = flag == u"true";
        } else if (key == u"ingestionmapping") {
            mapping = value;
        } else {
            refuse(QStringLiteral("the externaldata property '%1' is not supported (format, "
                                  "ignoreFirstRecord, ignoreLastRecord and ingestionMapping are)")
                           .arg(name),
                   node);
        }
    }
    if (format.isEmpty()) {
        format = formatFromUrl(use.urls.first());
        for (const QString &url : std::as_const(use.urls)) {
            if (formatFromUrl(url) != format)
                refuse(QStringLiteral("the URLs of this externaldata have different formats; "
                                      "say which with (format=…)"),
                       node);
        }
    }
    use.format = format;
    const bool json = isJsonFormat(format);
    if (!mapping.isEmpty()) {
        // A JSON mapping: each column from a path in the record. Other kinds of mapping
        // (ordinals of CSV, transformations, constant values) are not read yet.
        if (!json)
            refuse(QStringLiteral("an ingestionMapping is read for the json and multijson formats "
                                  "only"),
                   node);
        const QJsonDocument doc = QJsonDocument::fromJson(mapping.toUtf8());
        if (!doc.isArray())
            refuse(QStringLiteral("the ingestionMapping is not a JSON array of column mappings"),
                   node);
        use.paths.resize(use.columns.size());
        const QJsonArray entries = doc.array();
        for (const auto &item : entries) {
            const QJsonObject entry = item.toObject();
            const QString column = entry.value(QStringLiteral("Column")).toString();
            const QJsonObject properties = entry.value(QStringLiteral("Properties")).toObject();
            qsizetype at = -1;
            for (qsizetype c = 0; c < use.columns.size(); ++c) {
                if (use.columns[c].name == column)
                    at = c;
            }
            if (at < 0)
                refuse(QStringLiteral("the ingestionMapping maps '%1', which is not a column of "
                                      "this externaldata")
                               .arg(column),
                       node);
            for (auto it = entry.begin(); it != entry.end(); ++it) {
                if (it.key() != u"Column" && it.key() != u"Properties" && it.key() != u"Datatype"
                    && it.key() != u"DataType")
                    refuse(QStringLiteral("the ingestionMapping key '%1' is not supported (Column "
                                          "and Properties.Path are)")
                                   .arg(it.key()),
                           node);
            }
            for (auto it = properties.begin(); it != properties.end(); ++it) {
                if (it.key() != u"Path")
                    refuse(QStringLiteral("the ingestionMapping property '%1' is not supported "
                                          "(Path is)")
                                   .arg(it.key()),
                           node);
            }
            const std::optional<QList<ExternalDataUse::PathStep>> steps
                    = jsonPath(properties.value(QStringLiteral("Path")).toString());
            if (!steps)
                refuse(QStringLiteral("the ingestionMapping path of '%1' is not one Vigil reads "
                                      "($.a.b, $['a'], $.a[0])")
                               .arg(column),
                       node);
            use.paths[at] = *steps;
        }
    }
    QStringList cells;
    for (qsizetype i = 0; i < use.columns.size(); ++i) {
        const Column &column = use.columns[i];
        if (column.name.startsWith(QLatin1String("_vigil_")))
            refuse(QStringLiteral("column names starting with _vigil_ are reserved"), node);
        // The cell as a dynamic value: a JSON string of the field's text (text formats), or the
        // property's JSON value (json, multijson); null when the record has no such field.
        const QString cell = QStringLiteral("kql_dyn_get(value, %1)").arg(i);
        QString sql;
        switch (column.type) {
        case KqlType::String:
            sql = QStringLiteral("coalesce(kql_tostring(%1), '')").arg(cell);
            break;
        case KqlType::Long:
            sql = QStringLiteral("kql_tolong(%1)").arg(cell);
            break;
        case KqlType::Int:
            sql = QStringLiteral("kql_toint(%1)").arg(cell);
            break;
        case KqlType::Real:
            sql = QStringLiteral("kql_todouble(%1)").arg(cell);
            break;
        case KqlType::Bool:
            sql = QStringLiteral("kql_tobool(%1)").arg(cell);
            break;
        case KqlType::DateTime:
            sql = QStringLiteral("kql_todatetime(%1)").arg(cell);
            break;
        case KqlType::TimeSpan:
            sql = QStringLiteral("kql_totimespan(%1)").arg(cell);
            break;
        case KqlType::Dynamic:
            // Text holding JSON is that value; other text is a string (as parse_json does).
            sql = json ? cell : QStringLiteral("kql_parse_json(kql_tostring(%1))").arg(cell);
            break;
        default:
            refuse(QStringLiteral("an externaldata column of type %1 cannot be read yet ('%2')")
                           .arg(kqlTypeName(column.type), column.name),
                   node);
        }
        cells.append(sql + QStringLiteral(" AS ") + quote(column.name));
    }
    const QString rows = param(QStringLiteral("[]"));
    use.parameter = int(m_params.size() - 1);
    m_external.append(use);
    Rel rel;
    rel.schema = use.columns;
    rel.cte = addCte(QStringLiteral("SELECT %1 FROM json_each(%2)")
                             .arg(cells.join(QLatin1String(", ")), rows));
    return rel;
}

} // namespace Vigil::Kql
