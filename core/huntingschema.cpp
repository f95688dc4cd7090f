#include "huntingschema.h"

#include "corelogging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <simdjson.h>

namespace Vigil {

QByteArray huntingSchemaJson(); // huntingschemadata.cpp, generated

QString kqlTypeName(KqlType type)
{
    switch (type) {
    case KqlType::Bool:
        return QStringLiteral("bool");
    case KqlType::Int:
        return QStringLiteral("int");
    case KqlType::Long:
        return QStringLiteral("long");
    case KqlType::Real:
        return QStringLiteral("real");
    case KqlType::Decimal:
        return QStringLiteral("decimal");
    case KqlType::DateTime:
        return QStringLiteral("datetime");
    case KqlType::TimeSpan:
        return QStringLiteral("timespan");
    case KqlType::String:
        return QStringLiteral("string");
    case KqlType::Guid:
        return QStringLiteral("guid");
    case KqlType::Dynamic:
        return QStringLiteral("dynamic");
    }
    return QStringLiteral("string");
}

std::optional<KqlType> kqlTypeFromName(QStringView name)
{
    static const struct
    {
        const char *name;
        KqlType type;
    } names[] = {
            {"bool", KqlType::Bool},       {"boolean", KqlType::Bool},
            {"int", KqlType::Int},         {"long", KqlType::Long},
            {"real", KqlType::Real},       {"double", KqlType::Real},
            {"decimal", KqlType::Decimal}, {"datetime", KqlType::DateTime},
            {"date", KqlType::DateTime},   {"timespan", KqlType::TimeSpan},
            {"time", KqlType::TimeSpan},   {"string", KqlType::String},
            {"guid", KqlType::Guid},       {"uuid", KqlType::Guid},
            {"uniqueid", KqlType::Guid},   {"dynamic", KqlType::Dynamic},
    };
    for (const auto &entry : names) {
        if (name.compare(QLatin1String(entry.name), Qt::CaseInsensitive) == 0)
            return entry.type;
    }
    return std::nullopt;
}

int HuntingTable::columnIndex(QStringView column) const
{
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (columns.at(i).name == column)
            return static_cast<int>(i);
    }
    return -1;
}

bool HuntingTable::hasDeviceReportKey() const
{
    return columnIndex(u"DeviceId") >= 0 && columnIndex(u"Timestamp") >= 0
           && columnIndex(u"ReportId") >= 0;
}

namespace {

std::optional<QList<HuntingColumn>> parseColumns(const QJsonArray &array,
                                                 const QSet<QString> &jsonText, QString *error,
                                                 const QString &owner)
{
    QList<HuntingColumn> columns;
    for (const auto &entry : array) {
        const QJsonArray pair = entry.toArray();
        const QString name = pair.at(0).toString();
        const std::optional<KqlType> type = kqlTypeFromName(pair.at(1).toString());
        if (pair.size() != 2 || name.isEmpty() || !type) {
            if (error)
                *error = QStringLiteral("%1: a column is not a [name, type] pair of known type")
                                 .arg(owner);
            return std::nullopt;
        }
        columns.append({name, *type, jsonText.contains(name)});
    }
    return columns;
}

QSet<QString> namesIn(const QJsonValue &value)
{
    QSet<QString> names;
    for (const auto &name : value.toArray())
        names.insert(name.toString());
    return names;
}

} // namespace

std::optional<HuntingSchema> HuntingSchema::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject()) {
        if (error)
            *error = QStringLiteral("not a JSON object: %1").arg(parseError.errorString());
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    const QJsonObject tables = root.value(QLatin1String("tables")).toObject();
    const QJsonObject sentinelDynamic = root.value(QLatin1String("sentinel_dynamic")).toObject();
    if (tables.isEmpty()) {
        if (error)
            *error = QStringLiteral("no tables");
        return std::nullopt;
    }
    HuntingSchema schema;
    // QJsonObject iterates its keys sorted; the tables are kept in that (stable) order.
    for (auto it = tables.begin(); it != tables.end(); ++it) {
        const auto columns = parseColumns(
                it.value().toArray(), namesIn(sentinelDynamic.value(it.key())), error, it.key());
        if (!columns)
            return std::nullopt;
        schema.m_tables.append({it.key(), *columns});
    }
    // QJsonObject forgets the order of the keys; simdjson reads them as written.
    simdjson::dom::parser parser;
    simdjson::dom::object ordered;
    if (parser.parse(json.constData(), size_t(json.size()))["tables"].get(ordered)
        == simdjson::SUCCESS) {
        for (const auto field : ordered)
            schema.m_documentOrder.append(
                    QString::fromUtf8(field.key.data(), qsizetype(field.key.size())));
    }
    const QJsonObject functions = root.value(QLatin1String("functions")).toObject();
    for (auto it = functions.begin(); it != functions.end(); ++it) {
        const QJsonObject function = it.value().toObject();
        const QString form = function.value(QLatin1String("form")).toString();
        // An invoked function adds columns to its input (FileProfile) or returns a table of its
        // own (DeviceFromIP): "adds" or "returns".
        const bool adds
                = form == QLatin1String("invoke") && function.contains(QLatin1String("adds"));
        const QJsonArray columns
                = function.value(adds ? QLatin1String("adds") : QLatin1String("returns")).toArray();
        const auto parsed = parseColumns(columns, {}, error, it.key());
        if (!parsed)
            return std::nullopt;
        schema.m_functions.append({it.key(), form, *parsed});
    }
    return schema;
}

const HuntingSchema &HuntingSchema::defender()
{
    static const HuntingSchema schema = [] {
        QString error;
        std::optional<HuntingSchema> parsed = fromJson(huntingSchemaJson(), &error);
        if (!parsed) {
            // The document is compiled in and checked by tst_huntingschema: this cannot happen in a
            // released build, but an empty schema is safer than a crash.
            qCCritical(lcCore) << "the built-in hunting schema does not parse:" << error;
            return HuntingSchema();
        }
        return *parsed;
    }();
    return schema;
}

QList<const HuntingTable *> HuntingSchema::tablesInDocumentOrder() const
{
    QList<const HuntingTable *> ordered;
    ordered.reserve(m_tables.size());
    for (const QString &name : m_documentOrder) {
        if (const HuntingTable *t = table(name); t && !ordered.contains(t))
            ordered.append(t);
    }
    // Whatever the order did not name (a document simdjson could not read) follows by name.
    for (const HuntingTable &t : m_tables) {
        if (!ordered.contains(&t))
            ordered.append(&t);
    }
    return ordered;
}

const HuntingTable *HuntingSchema::table(QStringView name) const
{
    for (const HuntingTable &candidate : m_tables) {
        if (candidate.name == name)
            return &candidate;
    }
    return nullptr;
}

const HuntingTable *HuntingSchema::tableIgnoringCase(QStringView name) const
{
    for (const HuntingTable &candidate : m_tables) {
        if (candidate.name.compare(name, Qt::CaseInsensitive) == 0)
            return &candidate;
    }
    return nullptr;
}

} // namespace Vigil
