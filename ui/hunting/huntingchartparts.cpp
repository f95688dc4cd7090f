// The parts the chart view builds its charts from: see huntingchartparts.h.

#include "huntingchartparts.h"

#include <QCategoryAxis>
#include <QChart>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLegend>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace Vigil::ChartParts {

Role roleOf(KqlType type)
{
    switch (type) {
    case KqlType::Int:
    case KqlType::Long:
    case KqlType::Real:
    case KqlType::Decimal:
        return Role::Number;
    case KqlType::DateTime:
        return Role::Time;
    case KqlType::String:
    case KqlType::Guid:
    case KqlType::Bool:
        return Role::Text;
    case KqlType::TimeSpan:
    case KqlType::Dynamic:
        break;
    }
    return Role::Other;
}

std::optional<double> numberAt(const Kql::HuntingRow &row, int column, KqlType type)
{
    if (column >= row.size() || !row.at(column).isValid() || row.at(column).isNull())
        return std::nullopt;
    const QVariant &value = row.at(column);
    double number = 0;
    bool ok = true;
    switch (type) {
    case KqlType::Real:
        number = value.toDouble(&ok);
        break;
    case KqlType::Decimal:
        number = value.toString().toDouble(&ok);
        break;
    case KqlType::DateTime:
        number = double(value.toLongLong(&ok) - TicksAtUnixEpoch) / double(TicksPerMs);
        break;
    default:
        number = double(value.toLongLong(&ok));
        break;
    }
    if (!ok || !std::isfinite(number))
        return std::nullopt;
    return number;
}

QString utcText(qint64 ms, const QString &format)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(format);
}

QString textAt(const Kql::HuntingRow &row, int column, KqlType type)
{
    if (column >= row.size() || !row.at(column).isValid() || row.at(column).isNull())
        return {};
    const QVariant &value = row.at(column);
    switch (type) {
    case KqlType::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case KqlType::DateTime:
        return utcText((value.toLongLong() - TicksAtUnixEpoch) / TicksPerMs,
                       QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case KqlType::Real:
        return QString::number(value.toDouble(), 'g', 15);
    default:
        return value.toString();
    }
}

/** Text with its control and direction characters replaced by spaces and elided past maxChars. */
QString cleanText(QString text, int maxChars)
{
    for (QChar &c : text) {
        const QChar::Category category = c.category();
        if (category == QChar::Other_Control || category == QChar::Other_Format
            || category == QChar::Separator_Line || category == QChar::Separator_Paragraph)
            c = QLatin1Char(' ');
    }
    if (text.size() > maxChars) {
        text.truncate(maxChars - 1);
        if (!text.isEmpty() && text.back().isHighSurrogate())
            text.chop(1);
        text += QChar(0x2026);
    }
    return text;
}

/** Text for a chart label: Qt Charts draws labels as rich text, so it is escaped. */
QString plainLabel(const QString &text, int maxChars)
{
    return cleanText(text, maxChars).toHtmlEscaped();
}

QString unquoted(QString value)
{
    value = value.trimmed();
    if (value.startsWith(QLatin1Char('[')) && value.endsWith(QLatin1Char(']')))
        value = value.mid(1, value.size() - 2).trimmed();
    if (value.size() >= 2
        && (value.front() == QLatin1Char('"') || value.front() == QLatin1Char('\''))
        && value.back() == value.front())
        value = value.mid(1, value.size() - 2);
    return value;
}

Stacking stackingOf(const Spec &spec)
{
    const QString kind = spec.value("kind").toLower();
    if (kind == QLatin1String("stacked"))
        return Stacking::Stacked;
    if (kind == QLatin1String("stacked100"))
        return Stacking::Percent;
    return Stacking::None;
}

/** The y columns: `ycolumns` (each numeric), else every numeric column not used otherwise. */
bool yColumns(const Spec &spec, const QList<int> &used, QList<int> *ys, QString *error)
{
    if (spec.has("ycolumns")) {
        if (!spec.columnList("ycolumns", ys, error))
            return false;
        for (int y : *ys)
            if (spec.role(y) != Role::Number) {
                *error = HuntingChartView::tr("The column \"%1\" is not numeric, so it cannot be "
                                              "drawn as a value.")
                                 .arg(spec.name(y));
                return false;
            }
    } else {
        *ys = spec.all(Role::Number, used);
    }
    if (ys->isEmpty()) {
        *error = HuntingChartView::tr(
                "The result has no numeric column to draw. A chart needs one, for example "
                "from summarize count() by …");
        return false;
    }
    return true;
}

/** The series columns: `series`, else every string column not used otherwise. */
bool seriesColumns(const Spec &spec, const QList<int> &used, QList<int> *series, QString *error)
{
    if (spec.has("series"))
        return spec.columnList("series", series, error);
    *series = spec.all(Role::Text, used);
    return true;
}

QString seriesKey(const Spec &spec, const Kql::HuntingRow &row, const QList<int> &columns)
{
    QStringList parts;
    for (int column : columns)
        parts.append(textAt(row, column, spec.type(column)));
    return parts.join(QStringLiteral(", "));
}

QString seriesName(const Spec &spec, const QString &key, int y, bool severalYs)
{
    if (key.isNull())
        return spec.name(y);
    const QString shownKey = key.isEmpty() ? HuntingChartView::tr("(empty)") : key;
    return severalYs ? shownKey + QStringLiteral(", ") + spec.name(y) : shownKey;
}

void applyTitles(QChart *chart, const Spec &spec, QAbstractAxis *xAxis, QAbstractAxis *yAxis,
                 const QString &xDefault, const QString &yDefault)
{
    if (spec.has("title"))
        chart->setTitle(plainLabel(spec.value("title"), TitleChars));
    if (xAxis)
        xAxis->setTitleText(
                plainLabel(spec.has("xtitle") ? spec.value("xtitle") : xDefault, TitleChars));
    if (yAxis)
        yAxis->setTitleText(
                plainLabel(spec.has("ytitle") ? spec.value("ytitle") : yDefault, TitleChars));
    const QString legend = spec.value("legend").toLower();
    chart->legend()->setVisible(legend != QLatin1String("hidden"));
}

/** A y axis over [low, high] (0 included), or over ymin/ymax when render sets them. */
QValueAxis *valueAxis(const Spec &spec, double low, double high)
{
    auto *axis = new QValueAxis;
    axis->setLabelFormat(QStringLiteral("%g"));
    low = std::min(low, 0.0);
    high = std::max(high, 0.0);
    if (high <= low)
        high = low + 1;
    axis->setRange(low, high);
    axis->applyNiceNumbers();
    bool ok = false;
    if (const double min = spec.value("ymin").toDouble(&ok); ok && std::isfinite(min))
        axis->setMin(min);
    if (const double max = spec.value("ymax").toDouble(&ok); ok && std::isfinite(max))
        axis->setMax(max);
    return axis;
}

/** An x axis of UTC times: ticks at round steps, labelled in UTC (QDateTimeAxis would use the
 *  local time zone). */
QCategoryAxis *timeAxis(double minMs, double maxMs)
{
    static constexpr qint64 second = 1000, minute = 60 * second, hour = 60 * minute,
                            day = 24 * hour;
    static constexpr qint64 steps[] = {
            second,     2 * second, 5 * second,  10 * second, 15 * second,  30 * second, minute,
            2 * minute, 5 * minute, 10 * minute, 15 * minute, 30 * minute,  hour,        2 * hour,
            3 * hour,   6 * hour,   12 * hour,   day,         2 * day,      7 * day,     14 * day,
            30 * day,   91 * day,   182 * day,   365 * day,   day * 365 * 5};
    if (maxMs <= minMs) {
        minMs -= minute;
        maxMs += minute;
    }
    const double range = maxMs - minMs;
    qint64 step = steps[std::size(steps) - 1];
    for (qint64 candidate : steps)
        if (range / double(candidate) <= 8) {
            step = candidate;
            break;
        }
    QString format = QStringLiteral("yyyy-MM-dd");
    if (step < minute)
        format = QStringLiteral("HH:mm:ss");
    else if (step < day)
        format = range > double(day) ? QStringLiteral("MM-dd HH:mm") : QStringLiteral("HH:mm");
    auto *axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setStartValue(minMs);
    const qint64 firstTick = qint64(std::ceil(minMs / double(step))) * step;
    for (qint64 tick = firstTick; double(tick) <= maxMs; tick += step)
        axis->append(utcText(tick, format), double(tick));
    axis->setRange(minMs, maxMs);
    return axis;
}

std::optional<qint64> ticksFromText(const QString &text)
{
    QString iso = text.trimmed();
    // Qt reads at most milliseconds: the 100-ns digits past them are dropped.
    const qsizetype dot = iso.indexOf(QLatin1Char('.'));
    if (dot > 0) {
        qsizetype end = dot + 1;
        while (end < iso.size() && iso.at(end).isDigit())
            ++end;
        if (end - dot > 4)
            iso.remove(dot + 4, end - dot - 4);
    }
    QDateTime when = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!when.isValid())
        return std::nullopt;
    if (when.timeSpec() == Qt::LocalTime)
        when.setTimeSpec(Qt::UTC); // Kusto's datetimes without a zone are UTC
    return when.toMSecsSinceEpoch() * TicksPerMs + TicksAtUnixEpoch;
}

/**
 * make-series gives one row per series with arrays: its x values (datetimes) and y values
 * (numbers) in dynamic columns. Such a result is unrolled into one row per point, the arrays
 * becoming datetime and real columns, so the rules for rows apply. False when it is not one.
 */
bool unrollSeriesArrays(Kql::RowSchema *columns, QList<Kql::HuntingRow> *rows)
{
    QList<int> arrays;
    QList<KqlType> arrayTypes;
    for (int c = 0; c < columns->size(); ++c) {
        if (columns->at(c).type != KqlType::Dynamic)
            continue;
        const QJsonArray first
                = QJsonDocument::fromJson(rows->value(0).value(c).toString().toUtf8()).array();
        if (first.isEmpty())
            continue;
        const bool numbers = std::all_of(first.begin(), first.end(),
                                         [](const QJsonValue &v) { return v.isDouble(); });
        const bool times
                = !numbers && std::all_of(first.begin(), first.end(), [](const QJsonValue &v) {
                      return v.isString() && ticksFromText(v.toString());
                  });
        if (numbers || times) {
            arrays.append(c);
            arrayTypes.append(numbers ? KqlType::Real : KqlType::DateTime);
        }
    }
    if (!arrayTypes.contains(KqlType::DateTime) || !arrayTypes.contains(KqlType::Real))
        return false;
    QList<Kql::HuntingRow> unrolled;
    for (const Kql::HuntingRow &row : std::as_const(*rows)) {
        QList<QJsonArray> values;
        qsizetype length = 0;
        for (int c : std::as_const(arrays)) {
            values.append(QJsonDocument::fromJson(row.value(c).toString().toUtf8()).array());
            length = std::max(length, values.last().size());
        }
        for (qsizetype i = 0; i < length && unrolled.size() < HuntingChartView::MaxPoints; ++i) {
            Kql::HuntingRow point = row;
            for (int a = 0; a < arrays.size(); ++a) {
                const QJsonValue v = values.at(a).at(i);
                QVariant value;
                if (arrayTypes.at(a) == KqlType::Real && v.isDouble())
                    value = v.toDouble();
                else if (arrayTypes.at(a) == KqlType::DateTime && v.isString())
                    if (const std::optional<qint64> t = ticksFromText(v.toString()))
                        value = *t;
                point[arrays.at(a)] = value;
            }
            unrolled.append(point);
        }
    }
    for (int a = 0; a < arrays.size(); ++a)
        (*columns)[arrays.at(a)].type = arrayTypes.at(a);
    *rows = unrolled;
    return true;
}

} // namespace Vigil::ChartParts
