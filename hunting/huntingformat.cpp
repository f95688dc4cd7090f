#include "huntingformat.h"

#include "kqltime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <cmath>

namespace Vigil::Kql::HuntingFormat {

QJsonValue jsonValue(const QVariant &value, KqlType type)
{
    if (!value.isValid())
        return QJsonValue(QJsonValue::Null);
    switch (type) {
    case KqlType::Bool:
        return value.toBool();
    case KqlType::Int:
    case KqlType::Long:
        return QJsonValue(value.toLongLong());
    case KqlType::Real: {
        const double d = value.toDouble();
        if (std::isnan(d))
            return QStringLiteral("NaN");
        if (std::isinf(d))
            return d > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
        return d;
    }
    case KqlType::DateTime:
        return KqlTime::formatDateTime(value.toLongLong());
    case KqlType::TimeSpan:
        return KqlTime::formatTimeSpan(value.toLongLong());
    case KqlType::Dynamic: {
        // A top-level JSON scalar is not a document for Qt: parse it inside an array.
        const QJsonDocument doc = QJsonDocument::fromJson(
                QByteArray("[") + value.toString().toUtf8() + QByteArray("]"));
        if (doc.isArray() && doc.array().size() == 1)
            return doc.array().first();
        return value.toString(); // not JSON: a dynamic string, as the kql_ functions read it
    }
    default:
        return value.toString();
    }
}

QString cellText(const QVariant &value, KqlType type)
{
    if (!value.isValid())
        return {};
    switch (type) {
    case KqlType::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case KqlType::Real:
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    case KqlType::DateTime:
        return KqlTime::formatDateTime(value.toLongLong());
    case KqlType::TimeSpan:
        return KqlTime::formatTimeSpan(value.toLongLong());
    default:
        return value.toString();
    }
}

QString csvCell(const QString &text, bool guard)
{
    QString cell = text;
    for (QChar &c : cell) {
        const char16_t u = c.unicode();
        if (u == u'\n')
            continue;
        if (u < 0x20)
            c = QChar(char16_t(0x2400 + u)); // U+2400..U+241F, the control pictures
        else if (u == 0x7F)
            c = QChar(char16_t(0x2421));
        else if ((u >= 0x80 && u <= 0x9F) || (u >= 0x202A && u <= 0x202E)
                 || (u >= 0x2066 && u <= 0x2069))
            c = QChar::ReplacementCharacter;
    }
    if (guard && !cell.isEmpty() && QStringLiteral("=+-@\t\r").contains(cell.front()))
        cell.prepend(QLatin1Char('\''));
    if (cell.contains(QLatin1Char(',')) || cell.contains(QLatin1Char('"'))
        || cell.contains(QLatin1Char('\n')) || cell.contains(QLatin1Char('\r'))) {
        cell.replace(QLatin1String("\""), QLatin1String("\"\""));
        cell = QLatin1Char('"') + cell + QLatin1Char('"');
    }
    return cell;
}

bool needsFormulaGuard(KqlType type)
{
    return type == KqlType::String || type == KqlType::Dynamic;
}

QByteArray toJson(const QList<OutColumn> &columns, const QList<QList<QVariant>> &rows)
{
    QJsonArray columnArray;
    for (const OutColumn &c : columns)
        columnArray.append(QJsonObject{{QStringLiteral("name"), c.name},
                                       {QStringLiteral("type"), kqlTypeName(c.type)}});
    QJsonArray rowArray;
    for (const QList<QVariant> &row : rows) {
        QJsonArray cells;
        for (qsizetype i = 0; i < columns.size(); ++i)
            cells.append(jsonValue(row.value(i), columns[i].type));
        rowArray.append(cells);
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("columns"), columnArray},
                                     {QStringLiteral("rows"), rowArray}})
            .toJson(QJsonDocument::Compact);
}

QString toCsv(const QList<OutColumn> &columns, const QList<QList<QVariant>> &rows)
{
    QString out;
    QStringList header;
    for (const OutColumn &c : columns)
        header.append(csvCell(c.name, true));
    out += header.join(QLatin1Char(',')) + QLatin1Char('\n');
    for (const QList<QVariant> &row : rows) {
        QStringList cells;
        for (qsizetype i = 0; i < columns.size(); ++i) {
            const KqlType t = columns[i].type;
            cells.append(csvCell(cellText(row.value(i), t), needsFormulaGuard(t)));
        }
        out += cells.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return out;
}

} // namespace Vigil::Kql::HuntingFormat
