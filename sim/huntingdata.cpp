#include "huntingdata.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <numeric>

namespace Vigil::Sim {

QByteArray huntingSchemaText(); // generated from sim/data/advanced-hunting.json

namespace {

struct TypeName
{
    ColumnType type;
    const char *kusto;
    const char *graph;
};

constexpr TypeName TypeNames[] = {
        {ColumnType::String, "string", "String"},
        {ColumnType::Long, "long", "Int64"},
        {ColumnType::Int, "int", "Int32"},
        {ColumnType::Real, "real", "Double"},
        {ColumnType::Bool, "bool", "Boolean"},
        {ColumnType::DateTime, "datetime", "DateTime"},
        {ColumnType::TimeSpan, "timespan", "TimeSpan"},
        {ColumnType::Dynamic, "dynamic", "Object"},
        {ColumnType::Guid, "guid", "Guid"},
};

} // namespace

QString columnTypeName(ColumnType type)
{
    for (const TypeName &entry : TypeNames) {
        if (entry.type == type)
            return QLatin1String(entry.kusto);
    }
    return QStringLiteral("string");
}

QString graphTypeName(ColumnType type)
{
    for (const TypeName &entry : TypeNames) {
        if (entry.type == type)
            return QLatin1String(entry.graph);
    }
    return QStringLiteral("String");
}

ColumnType HuntingData::parseType(const QString &name, bool *ok)
{
    for (const TypeName &entry : TypeNames) {
        if (name == QLatin1String(entry.kusto)) {
            if (ok)
                *ok = true;
            return entry.type;
        }
    }
    if (ok)
        *ok = name == QLatin1String("boolean") || name == QLatin1String("double")
              || name == QLatin1String("int64");
    if (name == QLatin1String("boolean"))
        return ColumnType::Bool;
    if (name == QLatin1String("double"))
        return ColumnType::Real;
    if (name == QLatin1String("int64"))
        return ColumnType::Long;
    return ColumnType::String;
}

QString formatTimeSpan(Ticks ticks)
{
    const bool negative = ticks < 0;
    quint64 rest = negative ? static_cast<quint64>(-ticks) : static_cast<quint64>(ticks);
    const quint64 fraction = rest % TicksPerSecond;
    rest /= TicksPerSecond;
    const quint64 seconds = rest % 60;
    rest /= 60;
    const quint64 minutes = rest % 60;
    rest /= 60;
    const quint64 hours = rest % 24;
    const quint64 days = rest / 24;
    QString text = negative ? QStringLiteral("-") : QString();
    if (days > 0)
        text += QString::number(days) + u'.';
    text += QStringLiteral("%1:%2:%3")
                    .arg(hours, 2, 10, QLatin1Char('0'))
                    .arg(minutes, 2, 10, QLatin1Char('0'))
                    .arg(seconds, 2, 10, QLatin1Char('0'));
    if (fraction > 0)
        text += u'.' + QStringLiteral("%1").arg(fraction, 7, 10, QLatin1Char('0'));
    return text;
}

QJsonValue HuntValue::toJson() const
{
    if (null)
        return QJsonValue(QJsonValue::Null);
    switch (type) {
    case ColumnType::Long:
    case ColumnType::Int:
        return QJsonValue(integer);
    case ColumnType::Real:
        return QJsonValue(real);
    case ColumnType::Bool:
        return QJsonValue(integer != 0);
    case ColumnType::DateTime:
        return QJsonValue(formatTicks(integer));
    case ColumnType::TimeSpan:
        return QJsonValue(formatTimeSpan(integer));
    case ColumnType::Dynamic: {
        QJsonParseError error{};
        const QByteArray utf8 = text.toUtf8();
        const QJsonDocument document = QJsonDocument::fromJson(utf8, &error);
        if (error.error == QJsonParseError::NoError) {
            if (document.isObject())
                return document.object();
            if (document.isArray())
                return document.array();
        }
        // A scalar in a dynamic column: wrap and unwrap to keep its JSON type.
        const QJsonDocument wrapped = QJsonDocument::fromJson("[" + utf8 + "]");
        if (wrapped.isArray() && wrapped.array().size() == 1)
            return wrapped.array().first();
        return QJsonValue(text);
    }
    case ColumnType::String:
    case ColumnType::Guid:
        return QJsonValue(text);
    }
    return QJsonValue(text);
}

QString HuntValue::toText() const
{
    if (null)
        return QString();
    switch (type) {
    case ColumnType::Long:
    case ColumnType::Int:
        return QString::number(integer);
    case ColumnType::Real:
        return QString::number(real, 'g', 17);
    case ColumnType::Bool:
        return integer ? QStringLiteral("true") : QStringLiteral("false");
    case ColumnType::DateTime:
        return formatTicks(integer);
    case ColumnType::TimeSpan:
        return formatTimeSpan(integer);
    default:
        return text;
    }
}

HuntRow HuntTable::emptyRow() const
{
    HuntRow row;
    row.reserve(static_cast<std::size_t>(columns.size()));
    for (const HuntColumn &column : columns)
        row.push_back(HuntValue::nullOf(column.type));
    return row;
}

void HuntTable::append(HuntRow row, Ticks receivedAt)
{
    rows.push_back(std::move(row));
    received.push_back(receivedAt);
}

void HuntTable::sortByReceived()
{
    std::vector<std::size_t> order(rows.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    const auto stamp = [this](std::size_t i) {
        return timestampColumn >= 0 ? rows[i][static_cast<std::size_t>(timestampColumn)].integer
                                    : 0;
    };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (received[a] != received[b])
            return received[a] < received[b];
        return stamp(a) < stamp(b);
    });
    std::vector<HuntRow> sortedRows;
    std::vector<Ticks> sortedReceived;
    sortedRows.reserve(rows.size());
    sortedReceived.reserve(rows.size());
    for (const std::size_t i : order) {
        sortedRows.push_back(std::move(rows[i]));
        sortedReceived.push_back(received[i]);
    }
    rows = std::move(sortedRows);
    received = std::move(sortedReceived);
}

HuntingData::HuntingData()
{
    const QJsonObject tables = QJsonDocument::fromJson(huntingSchemaText())
                                       .object()
                                       .value(QLatin1String("tables"))
                                       .toObject();
    // QJsonObject sorts its keys, so tables come in alphabetical order; columns keep theirs.
    for (auto it = tables.begin(); it != tables.end(); ++it) {
        HuntTable table;
        table.name = it.key();
        for (const auto &column : it.value().toArray()) {
            const QJsonArray pair = column.toArray();
            HuntColumn entry{pair.at(0).toString(), parseType(pair.at(1).toString())};
            table.index.insert(entry.name, static_cast<int>(table.columns.size()));
            table.columns.append(entry);
        }
        table.timestampColumn = table.column(QStringLiteral("Timestamp"));
        m_order.append(table.name);
        m_tables.emplace(table.name, std::move(table));
    }
}

HuntTable *HuntingData::table(const QString &name)
{
    const auto it = m_tables.find(name);
    return it == m_tables.end() ? nullptr : &it->second;
}

const HuntTable *HuntingData::table(const QString &name) const
{
    const auto it = m_tables.find(name);
    return it == m_tables.end() ? nullptr : &it->second;
}

QStringList HuntingData::populatedTables() const
{
    QStringList names;
    for (const QString &name : m_order) {
        if (!m_tables.at(name).rows.empty())
            names.append(name);
    }
    return names;
}

qint64 HuntingData::rowCount() const
{
    qint64 count = 0;
    for (const auto &[name, table] : m_tables)
        count += static_cast<qint64>(table.rows.size());
    return count;
}

bool HuntingData::addRow(const QString &tableName, const QJsonObject &properties, Ticks received)
{
    HuntTable *target = table(tableName);
    if (!target)
        return false;
    HuntRow row = target->emptyRow();
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        const int column = target->column(it.key());
        if (column < 0 || it.value().isNull())
            continue;
        HuntValue &cell = row[static_cast<std::size_t>(column)];
        const QJsonValue value = it.value();
        switch (cell.type) {
        case ColumnType::DateTime: {
            const auto ticks = parseTicks(value.toString());
            if (!ticks)
                return false;
            cell = HuntValue::dateTime(*ticks);
            break;
        }
        case ColumnType::Long:
        case ColumnType::Int:
        case ColumnType::TimeSpan:
            cell.null = false;
            cell.integer = value.toInteger();
            break;
        case ColumnType::Real:
            cell = HuntValue::realValue(value.toDouble());
            break;
        case ColumnType::Bool:
            cell = HuntValue::boolean(value.toBool());
            break;
        case ColumnType::Dynamic: {
            const QJsonDocument document = value.isArray() ? QJsonDocument(value.toArray())
                                                           : QJsonDocument(value.toObject());
            cell = HuntValue::dynamic(
                    value.isString() ? value.toString()
                                     : QString::fromUtf8(document.toJson(QJsonDocument::Compact)));
            break;
        }
        case ColumnType::String:
        case ColumnType::Guid:
            cell.null = false;
            cell.text = value.toString();
            break;
        }
    }
    const int stamp = target->timestampColumn;
    if (received == 0 && stamp >= 0)
        received = row[static_cast<std::size_t>(stamp)].integer;
    target->append(std::move(row), received);
    target->sortByReceived();
    return true;
}

} // namespace Vigil::Sim
