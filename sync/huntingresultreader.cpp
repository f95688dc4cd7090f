#include "huntingresultreader.h"

#include "kqltime.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <cmath>
#include <limits>

namespace Vigil {

namespace {

/** A JSON value's compact text: objects and arrays as documents, scalars as JSON writes them. */
QString compactJson(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    // A scalar is not a document for Qt: write it inside an array and take the brackets off.
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

/** A JSON value as a string column shows it: text as it is, anything else as its JSON. */
QString plainText(const QJsonValue &value)
{
    return value.isString() ? value.toString() : compactJson(value);
}

std::optional<qint64> toLong(const QJsonValue &value)
{
    if (value.isDouble()) {
        const QVariant number = value.toVariant();
        if (number.typeId() == QMetaType::LongLong)
            return number.toLongLong();
        const double d = value.toDouble();
        // 2^63 is exactly representable; anything from there on does not fit.
        if (std::isfinite(d) && std::trunc(d) == d && d >= -9223372036854775808.0
            && d < 9223372036854775808.0)
            return qint64(d);
        return std::nullopt;
    }
    if (value.isString()) {
        bool ok = false;
        const qint64 n = value.toString().trimmed().toLongLong(&ok);
        if (ok)
            return n;
    }
    return std::nullopt;
}

std::optional<double> toReal(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble();
    if (!value.isString())
        return std::nullopt;
    const QString text = value.toString().trimmed();
    if (text == u"NaN")
        return std::numeric_limits<double>::quiet_NaN();
    if (text == u"Infinity" || text == u"INF")
        return std::numeric_limits<double>::infinity();
    if (text == u"-Infinity" || text == u"-INF")
        return -std::numeric_limits<double>::infinity();
    bool ok = false;
    const double d = text.toDouble(&ok);
    return ok ? std::optional<double>(d) : std::nullopt;
}

std::optional<bool> toBool(const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool();
    if (const std::optional<qint64> n = toLong(value); n && (*n == 0 || *n == 1))
        return *n == 1;
    if (value.isString()) {
        const QString text = value.toString().trimmed();
        if (text.compare(u"true", Qt::CaseInsensitive) == 0)
            return true;
        if (text.compare(u"false", Qt::CaseInsensitive) == 0)
            return false;
    }
    return std::nullopt;
}

std::optional<qint64> toDateTime(const QJsonValue &value)
{
    if (!value.isString())
        return std::nullopt;
    const QString text = value.toString();
    if (const std::optional<qint64> ticks = KqlTime::parseDateTime(text))
        return ticks;
    // .NET writes at most 7 fraction digits; a longer fraction is cut to the tick.
    const qsizetype dot = text.indexOf(QLatin1Char('.'));
    if (dot < 0)
        return std::nullopt;
    qsizetype end = dot + 1;
    while (end < text.size() && text.at(end).isDigit())
        ++end;
    if (end - dot - 1 <= 7)
        return std::nullopt;
    return KqlTime::parseDateTime(QString(text.left(dot + 8) + text.mid(end)));
}

std::optional<qint64> toTimeSpan(const QJsonValue &value)
{
    if (!value.isString())
        return std::nullopt;
    const QString text = value.toString().trimmed();
    const bool negative = text.startsWith(QLatin1Char('-'));
    if (text.startsWith(QLatin1Char('P')) || text.startsWith(QLatin1String("-P"))) {
        const std::optional<qint64> ticks = parseIsoDuration(negative ? text.mid(1) : text);
        if (ticks)
            return negative ? -*ticks : *ticks;
        return std::nullopt;
    }
    return KqlTime::parseTimeSpan(text);
}

/** The value of a dynamic cell: objects and arrays as compact JSON; a string that holds an
 *  object or an array (as Defender sends JSON columns) as that JSON; other text as a string. */
QString toDynamic(const QJsonValue &value)
{
    if (value.isString()) {
        const QString text = value.toString();
        const QString trimmed = text.trimmed();
        if (trimmed.startsWith(QLatin1Char('{')) || trimmed.startsWith(QLatin1Char('['))) {
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(trimmed.toUtf8(), &error);
            if (error.error == QJsonParseError::NoError)
                return QString::fromUtf8(document.toJson(QJsonDocument::Compact));
        }
    }
    return compactJson(value);
}

/** A cell in the storage encoding of its column's type; nullopt when it does not fit. */
std::optional<QVariant> cellValue(const QJsonValue &value, KqlType type)
{
    if (value.isNull() || value.isUndefined())
        return QVariant();
    switch (type) {
    case KqlType::Bool:
        if (const std::optional<bool> b = toBool(value))
            return QVariant(*b);
        return std::nullopt;
    case KqlType::Int:
    case KqlType::Long:
        if (const std::optional<qint64> n = toLong(value))
            return QVariant(*n);
        return std::nullopt;
    case KqlType::Real:
    case KqlType::Decimal:
        if (const std::optional<double> d = toReal(value))
            return QVariant(*d);
        return std::nullopt;
    case KqlType::DateTime:
        if (const std::optional<qint64> ticks = toDateTime(value))
            return QVariant(*ticks);
        return std::nullopt;
    case KqlType::TimeSpan:
        if (const std::optional<qint64> ticks = toTimeSpan(value))
            return QVariant(*ticks);
        return std::nullopt;
    case KqlType::Dynamic:
        return QVariant(toDynamic(value));
    case KqlType::String:
    case KqlType::Guid:
        break;
    }
    return QVariant(plainText(value));
}

/** The value of key in object, whatever the key's case. */
QJsonValue valueOfKey(const QJsonObject &object, QLatin1String key)
{
    QJsonValue exact = object.value(key);
    if (!exact.isUndefined())
        return exact;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key().compare(key, Qt::CaseInsensitive) == 0)
            return it.value();
    }
    return QJsonValue(QJsonValue::Undefined);
}

Error parseError(const QString &message)
{
    return Error{Error::Kind::Parse, 0, {}, message, {}};
}

} // namespace

std::optional<KqlType> kqlTypeFromGraphType(QStringView graphType)
{
    QStringView name = graphType.trimmed();
    if (name.startsWith(u"System.", Qt::CaseInsensitive))
        name = name.mid(7);
    static const QHash<QString, KqlType> graphTypes = {
            {QStringLiteral("string"), KqlType::String},
            {QStringLiteral("datetime"), KqlType::DateTime},
            {QStringLiteral("int64"), KqlType::Long},
            {QStringLiteral("int32"), KqlType::Int},
            {QStringLiteral("double"), KqlType::Real},
            {QStringLiteral("boolean"), KqlType::Bool},
            {QStringLiteral("object"), KqlType::Dynamic},
            {QStringLiteral("guid"), KqlType::Guid},
            {QStringLiteral("timespan"), KqlType::TimeSpan},
    };
    const auto it = graphTypes.constFind(name.toString().toLower());
    if (it != graphTypes.cend())
        return *it;
    return kqlTypeFromName(name.toString().toLower());
}

Result<RemoteHuntResult> readHuntingResults(const QByteArray &body, qint64 maxRows)
{
    QJsonParseError jsonError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &jsonError);
    if (jsonError.error != QJsonParseError::NoError)
        return parseError(QStringLiteral("Defender's answer is not JSON (%1 at byte %2)")
                                  .arg(jsonError.errorString())
                                  .arg(jsonError.offset));
    if (!document.isObject())
        return parseError(QStringLiteral("Defender's answer is not a JSON object"));
    const QJsonObject answer = document.object();
    const QJsonValue schemaValue = valueOfKey(answer, QLatin1String("schema"));
    if (!schemaValue.isArray())
        return parseError(QStringLiteral("Defender's answer has no 'schema' list of columns"));

    RemoteHuntResult result;
    const QJsonArray schema = schemaValue.toArray();
    for (qsizetype i = 0; i < schema.size(); ++i) {
        const QJsonObject entry = schema.at(i).toObject();
        Kql::Column column;
        column.name = valueOfKey(entry, QLatin1String("name")).toString();
        if (column.name.isEmpty()) {
            column.name = QStringLiteral("Column%1").arg(i + 1);
            result.warnings.append(
                    QStringLiteral("column %1 of the answer has no name: it is shown as %2")
                            .arg(i + 1)
                            .arg(column.name));
        }
        const QString typeName = valueOfKey(entry, QLatin1String("type")).toString();
        if (const std::optional<KqlType> type = kqlTypeFromGraphType(typeName)) {
            column.type = *type;
        } else {
            column.type = KqlType::String;
            result.warnings.append(QStringLiteral("column %1 has the type '%2', which Vigil does "
                                                  "not know: it is shown as string")
                                           .arg(column.name, typeName.left(100)));
        }
        result.columns.append(column);
    }

    const QJsonValue resultsValue = valueOfKey(answer, QLatin1String("results"));
    if (!resultsValue.isArray() && !resultsValue.isUndefined() && !resultsValue.isNull())
        return parseError(QStringLiteral("Defender's answer has a 'results' that is not a list"));
    const QJsonArray rows = resultsValue.toArray();
    const qsizetype columnCount = result.columns.size();
    QList<qint64> misfits(columnCount, 0);
    qint64 notObjects = 0;
    const qint64 keep = std::max<qint64>(0, maxRows);
    result.rows.reserve(std::min<qint64>(rows.size(), keep));
    for (const auto &rowValue : rows) {
        if (!rowValue.isObject()) {
            ++notObjects;
            continue;
        }
        if (result.rows.size() >= keep) {
            result.truncated = true;
            break;
        }
        const QJsonObject object = rowValue.toObject();
        Kql::HuntingRow row;
        row.reserve(columnCount);
        for (qsizetype c = 0; c < columnCount; ++c) {
            const std::optional<QVariant> cell
                    = cellValue(object.value(result.columns.at(c).name), result.columns.at(c).type);
            if (!cell)
                ++misfits[c];
            row.append(cell.value_or(QVariant()));
        }
        result.rows.append(std::move(row));
    }
    for (qsizetype c = 0; c < columnCount; ++c) {
        if (misfits.at(c) == 0)
            continue;
        const Kql::Column &column = result.columns.at(c);
        result.warnings.append(misfits.at(c) == 1
                                       ? QStringLiteral("1 value of column %1 is not a %2: it is "
                                                        "shown as null")
                                                 .arg(column.name, kqlTypeName(column.type))
                                       : QStringLiteral("%1 values of column %2 are not a %3: "
                                                        "they are shown as null")
                                                 .arg(misfits.at(c))
                                                 .arg(column.name, kqlTypeName(column.type)));
    }
    if (notObjects > 0)
        result.warnings.append(notObjects == 1
                                       ? QStringLiteral("1 row of the answer is not a JSON object: "
                                                        "it is left out")
                                       : QStringLiteral("%1 rows of the answer are not JSON "
                                                        "objects: they are left out")
                                                 .arg(notObjects));
    if (result.truncated)
        result.warnings.append(QStringLiteral("only the first %1 rows are kept").arg(keep));
    return result;
}

std::optional<qint64> parseIsoDuration(QStringView text)
{
    if (text.size() < 3 || (text.front() != u'P' && text.front() != u'p'))
        return std::nullopt;
    double ticks = 0;
    bool inTime = false;
    bool anyPart = false;
    qsizetype i = 1;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == u'T' || c == u't') {
            if (inTime)
                return std::nullopt;
            inTime = true;
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < text.size()
               && (text.at(end).isDigit() || text.at(end) == u'.' || text.at(end) == u','))
            ++end;
        if (end == i || end >= text.size())
            return std::nullopt;
        bool ok = false;
        const double number = text.mid(i, end - i).toString().replace(u',', u'.').toDouble(&ok);
        if (!ok)
            return std::nullopt;
        const QChar unit = text.at(end).toUpper();
        double unitTicks = 0;
        if (!inTime && unit == u'W')
            unitTicks = 7.0 * double(KqlTime::TicksPerDay);
        else if (!inTime && unit == u'D')
            unitTicks = double(KqlTime::TicksPerDay);
        else if (inTime && unit == u'H')
            unitTicks = double(KqlTime::TicksPerHour);
        else if (inTime && unit == u'M')
            unitTicks = double(KqlTime::TicksPerMinute);
        else if (inTime && unit == u'S')
            unitTicks = double(KqlTime::TicksPerSecond);
        else
            return std::nullopt; // years, months, or a unit out of place
        ticks += number * unitTicks;
        anyPart = true;
        i = end + 1;
    }
    if (!anyPart || ticks > 9.2e18)
        return std::nullopt;
    return qint64(std::llround(ticks));
}

std::optional<QDateTime> huntingTimespanStart(const QString &timespan, const QDateTime &now)
{
    const auto fromTicks = [](qint64 ticks) {
        return QDateTime::fromMSecsSinceEpoch(
                (ticks - KqlTime::UnixEpochTicks) / KqlTime::TicksPerMillisecond, Qt::UTC);
    };
    const qint64 nowTicks
            = KqlTime::UnixEpochTicks + now.toMSecsSinceEpoch() * KqlTime::TicksPerMillisecond;
    const QString text = timespan.trimmed();
    if (text.isEmpty())
        return now.addDays(-30);
    const QStringList parts = text.split(QLatin1Char('/'));
    if (parts.size() > 2)
        return std::nullopt;
    const std::optional<qint64> firstTime = KqlTime::parseDateTime(parts.first());
    const std::optional<qint64> firstSpan = parseIsoDuration(parts.first().trimmed());
    if (parts.size() == 1) {
        if (firstSpan)
            return fromTicks(nowTicks - *firstSpan);
        if (firstTime)
            return fromTicks(*firstTime);
        return std::nullopt;
    }
    const std::optional<qint64> secondTime = KqlTime::parseDateTime(parts.last());
    const std::optional<qint64> secondSpan = parseIsoDuration(parts.last().trimmed());
    if (firstTime && (secondTime || secondSpan))
        return fromTicks(*firstTime);
    if (firstSpan && secondTime)
        return fromTicks(*secondTime - *firstSpan);
    return std::nullopt;
}

} // namespace Vigil
