// How a result becomes a chart: which columns are the x axis, the series and the y values, and
// the Qt Charts objects that draw them (see HuntingChartView for the rules).

#include "huntingchartview.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QDateTime>
#include <QHash>
#include <QHorizontalBarSeries>
#include <QHorizontalPercentBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLegend>
#include <QLineSeries>
#include <QPercentBarSeries>
#include <QPieSeries>
#include <QPieSlice>
#include <QScatterSeries>
#include <QSet>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace Vigil {

namespace {

constexpr qint64 TicksAtUnixEpoch = 621355968000000000LL;
constexpr qint64 TicksPerMs = 10000;
constexpr int LabelChars = 60;
constexpr int TitleChars = 200;
constexpr int SliceLabelsShown = 12; ///< more slices than this: names only in the legend

enum class Role { Number, Time, Text, Other };

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
        number = double((value.toLongLong(&ok) - TicksAtUnixEpoch) / TicksPerMs);
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

/** The render call's properties, read once; column names found in the result. */
class Spec
{
public:
    Spec(const HuntingChartView::Properties &properties, const Kql::RowSchema &columns)
        : m_columns(columns)
    {
        for (const auto &[name, value] : properties)
            m_values.insert(name.trimmed().toLower(), unquoted(value));
    }

    QString value(const char *name) const { return m_values.value(QLatin1String(name)); }
    bool has(const char *name) const { return m_values.contains(QLatin1String(name)); }

    /** The columns a list property names; false and *error when one is not in the result. */
    bool columnList(const char *name, QList<int> *list, QString *error) const
    {
        const QStringList names = value(name).split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &written : names) {
            const QString column = unquoted(written);
            const int index = indexOf(column);
            if (index < 0) {
                *error = HuntingChartView::tr("render's %1 names the column \"%2\", which the "
                                              "result does not have.")
                                 .arg(QLatin1String(name), column);
                return false;
            }
            list->append(index);
        }
        return true;
    }

    int indexOf(const QString &column) const
    {
        for (int i = 0; i < m_columns.size(); ++i)
            if (m_columns.at(i).name == column)
                return i;
        return -1;
    }

    Role role(int column) const { return roleOf(m_columns.at(column).type); }
    KqlType type(int column) const { return m_columns.at(column).type; }
    QString name(int column) const { return m_columns.at(column).name; }
    int count() const { return int(m_columns.size()); }

    int first(Role wanted, const QList<int> &except = {}) const
    {
        for (int i = 0; i < count(); ++i)
            if (role(i) == wanted && !except.contains(i))
                return i;
        return -1;
    }
    QList<int> all(Role wanted, const QList<int> &except) const
    {
        QList<int> list;
        for (int i = 0; i < count(); ++i)
            if (role(i) == wanted && !except.contains(i))
                list.append(i);
        return list;
    }

private:
    const Kql::RowSchema &m_columns;
    QHash<QString, QString> m_values;
};

enum class Stacking { None, Stacked, Percent };

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
            30 * day,   91 * day,   182 * day,   365 * day,   5 * 365 * day};
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

struct Drawn
{
    QChart *chart = nullptr;
    QStringList notes;
};

QChart *refuse(QString *error, const QString &why)
{
    *error = why;
    return nullptr;
}

QChart *lineChart(const QString &kind, const Spec &spec, const QList<Kql::HuntingRow> &rows,
                  QStringList *notes, QString *error)
{
    const bool timechart = kind == QLatin1String("timechart");
    int x = -1;
    if (spec.has("xcolumn")) {
        QList<int> named;
        if (!spec.columnList("xcolumn", &named, error))
            return nullptr;
        x = named.value(0, -1);
    } else if (timechart) {
        x = spec.first(Role::Time);
    } else if (spec.count() > 0 && spec.role(0) != Role::Text && spec.role(0) != Role::Other) {
        x = 0;
    } else {
        x = spec.first(Role::Time) >= 0 ? spec.first(Role::Time) : spec.first(Role::Number);
    }
    if (x < 0 && timechart)
        return refuse(error, HuntingChartView::tr(
                                     "A timechart needs a datetime column for its x axis, and this "
                                     "result has none."));
    if (x < 0 || (spec.role(x) != Role::Time && spec.role(x) != Role::Number))
        return refuse(error, HuntingChartView::tr(
                                     "A %1 needs a datetime or numeric column for its x axis.")
                                     .arg(kind));
    const bool timeX = spec.role(x) == Role::Time;
    QList<int> series, ys;
    if (!seriesColumns(spec, {x}, &series, error)
        || !yColumns(spec, QList<int>(series) << x, &ys, error))
        return nullptr;

    // Past MaxPoints, every stride-th row is drawn: the whole x range keeps its shape.
    const qsizetype points = rows.size() * ys.size();
    const qsizetype stride = std::max<qsizetype>(1, (points + HuntingChartView::MaxPoints - 1)
                                                            / HuntingChartView::MaxPoints);
    if (stride > 1)
        notes->append(HuntingChartView::tr("%1 rows: one row in %2 is drawn.")
                              .arg(rows.size())
                              .arg(stride));

    QHash<QString, int> keyIndex;
    QStringList keys;
    QSet<QString> leftOut;
    QList<QList<QList<QPointF>>> lines; // [key][y]
    for (qsizetype r = 0; r < rows.size(); r += stride) {
        const Kql::HuntingRow &row = rows.at(r);
        const std::optional<double> xValue = numberAt(row, x, spec.type(x));
        if (!xValue)
            continue;
        const QString key = series.isEmpty() ? QString() : seriesKey(spec, row, series);
        auto found = keyIndex.constFind(key);
        if (found == keyIndex.constEnd()) {
            if (keys.size() >= HuntingChartView::MaxSeries) {
                leftOut.insert(key);
                continue;
            }
            found = keyIndex.insert(key, int(keys.size()));
            keys.append(key);
            lines.append(QList<QList<QPointF>>(ys.size()));
        }
        for (int j = 0; j < ys.size(); ++j)
            if (const std::optional<double> y = numberAt(row, ys.at(j), spec.type(ys.at(j))))
                lines[*found][j].append(QPointF(*xValue, *y));
    }
    if (!leftOut.isEmpty())
        notes->append(HuntingChartView::tr("Only the first %1 series are drawn; %2 more are not.")
                              .arg(HuntingChartView::MaxSeries)
                              .arg(leftOut.size()));

    const bool scatter = kind == QLatin1String("scatterchart");
    const bool area = kind == QLatin1String("areachart");
    const Stacking stacking = area ? stackingOf(spec) : Stacking::None;
    double minX = std::numeric_limits<double>::max(), maxX = std::numeric_limits<double>::lowest();
    double minY = 0, maxY = 0;
    QList<std::pair<QString, QList<QPointF>>> drawn;
    for (int k = 0; k < keys.size(); ++k)
        for (int j = 0; j < ys.size(); ++j) {
            QList<QPointF> line = lines.at(k).at(j);
            if (line.isEmpty())
                continue;
            if (!scatter)
                std::stable_sort(line.begin(), line.end(),
                                 [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); });
            drawn.append({seriesName(spec, series.isEmpty() ? QString() : keys.at(k), ys.at(j),
                                     ys.size() > 1),
                          line});
        }
    if (drawn.isEmpty())
        return refuse(error, HuntingChartView::tr(
                                     "There is nothing to draw: every x or y value is empty."));

    // Stacked areas: each line is drawn on top of the ones before it, over every x any of them
    // has (a missing value counts as 0); stacked100 scales each x to 100.
    QList<QList<QPointF>> lowers(drawn.size());
    if (stacking != Stacking::None) {
        QList<double> xs;
        for (const auto &line : drawn)
            for (const QPointF &p : line.second)
                xs.append(p.x());
        std::sort(xs.begin(), xs.end());
        xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
        QList<QList<double>> values(drawn.size(), QList<double>(xs.size(), 0.0));
        for (int s = 0; s < drawn.size(); ++s)
            for (const QPointF &p : drawn.at(s).second)
                values[s][std::lower_bound(xs.begin(), xs.end(), p.x()) - xs.begin()] += p.y();
        QList<double> totals(xs.size(), 0.0);
        for (const QList<double> &v : values)
            for (int i = 0; i < xs.size(); ++i)
                totals[i] += v.at(i);
        QList<double> base(xs.size(), 0.0);
        for (int s = 0; s < drawn.size(); ++s) {
            QList<QPointF> upper, lower;
            for (int i = 0; i < xs.size(); ++i) {
                double v = values.at(s).at(i);
                if (stacking == Stacking::Percent)
                    v = totals.at(i) != 0 ? 100.0 * v / totals.at(i) : 0;
                lower.append(QPointF(xs.at(i), base.at(i)));
                base[i] += v;
                upper.append(QPointF(xs.at(i), base.at(i)));
            }
            drawn[s].second = upper;
            lowers[s] = lower;
        }
    }

    auto *chart = new QChart;
    for (int s = 0; s < drawn.size(); ++s) {
        const auto &[name, line] = drawn.at(s);
        for (const QPointF &p : line) {
            minX = std::min(minX, p.x());
            maxX = std::max(maxX, p.x());
            minY = std::min(minY, p.y());
            maxY = std::max(maxY, p.y());
        }
        QAbstractSeries *shown = nullptr;
        if (scatter) {
            auto *dots = new QScatterSeries;
            dots->setMarkerSize(7);
            dots->replace(line);
            shown = dots;
        } else if (area) {
            auto *upper = new QLineSeries;
            upper->replace(line);
            QLineSeries *lower = nullptr;
            if (!lowers.at(s).isEmpty()) {
                lower = new QLineSeries;
                lower->replace(lowers.at(s));
            }
            auto *filled = new QAreaSeries(upper, lower);
            upper->setParent(filled); // the area series does not own its lines
            if (lower)
                lower->setParent(filled);
            shown = filled;
        } else {
            auto *plain = new QLineSeries;
            plain->replace(line);
            shown = plain;
        }
        shown->setName(plainLabel(name, LabelChars));
        chart->addSeries(shown);
    }
    QAbstractAxis *xAxis = nullptr;
    if (timeX) {
        xAxis = timeAxis(minX, maxX);
    } else {
        auto *numbers = new QValueAxis;
        numbers->setRange(minX, maxX > minX ? maxX : minX + 1);
        xAxis = numbers;
    }
    QValueAxis *yAxis
            = stacking == Stacking::Percent ? new QValueAxis : valueAxis(spec, minY, maxY);
    if (stacking == Stacking::Percent)
        yAxis->setRange(0, 100);
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);
    for (QAbstractSeries *shown : chart->series()) {
        shown->attachAxis(xAxis);
        shown->attachAxis(yAxis);
    }
    const QString xDefault = timeX ? spec.name(x) + HuntingChartView::tr(" (UTC)") : spec.name(x);
    applyTitles(chart, spec, xAxis, yAxis, xDefault,
                ys.size() == 1 ? spec.name(ys.first()) : QString());
    return chart;
}

QChart *barChart(bool horizontal, const Spec &spec, const QList<Kql::HuntingRow> &rows,
                 QStringList *notes, QString *error)
{
    int x = -1;
    if (spec.has("xcolumn")) {
        QList<int> named;
        if (!spec.columnList("xcolumn", &named, error))
            return nullptr;
        x = named.value(0, -1);
    } else {
        x = spec.first(Role::Text);
        if (x < 0 && spec.count() > 0)
            x = 0;
    }
    if (x < 0)
        return refuse(error, HuntingChartView::tr("The result has no column to draw."));
    QList<int> series, ys;
    if (!seriesColumns(spec, {x}, &series, error)
        || !yColumns(spec, QList<int>(series) << x, &ys, error))
        return nullptr;

    QHash<QString, int> categoryIndex, setIndex;
    QStringList categories;
    QList<std::pair<QString, QList<double>>> sets; // name, one value per category
    qsizetype skippedCategories = 0;
    QSet<QString> skippedSets;
    for (const Kql::HuntingRow &row : rows) {
        const QString category = textAt(row, x, spec.type(x));
        auto c = categoryIndex.constFind(category);
        if (c == categoryIndex.constEnd()) {
            if (categories.size() >= HuntingChartView::MaxCategories) {
                ++skippedCategories;
                continue;
            }
            c = categoryIndex.insert(category, int(categories.size()));
            categories.append(category);
            for (auto &set : sets)
                set.second.append(0);
        }
        const QString key = series.isEmpty() ? QString() : seriesKey(spec, row, series);
        for (int y : ys) {
            const QString name = seriesName(spec, key, y, ys.size() > 1);
            auto s = setIndex.constFind(name);
            if (s == setIndex.constEnd()) {
                if (sets.size() >= HuntingChartView::MaxSeries) {
                    skippedSets.insert(name);
                    continue;
                }
                s = setIndex.insert(name, int(sets.size()));
                sets.append({name, QList<double>(categories.size(), 0.0)});
            }
            if (const std::optional<double> value = numberAt(row, y, spec.type(y)))
                sets[*s].second[*c] += *value;
        }
    }
    if (categories.isEmpty() || sets.isEmpty())
        return refuse(error,
                      HuntingChartView::tr("There is nothing to draw: the result has no rows."));
    if (skippedCategories > 0)
        notes->append(HuntingChartView::tr("Only the first %1 categories are drawn.")
                              .arg(HuntingChartView::MaxCategories));
    if (!skippedSets.isEmpty())
        notes->append(HuntingChartView::tr("Only the first %1 series are drawn; %2 more are not.")
                              .arg(HuntingChartView::MaxSeries)
                              .arg(skippedSets.size()));

    const Stacking stacking = stackingOf(spec);
    QAbstractBarSeries *bars = nullptr;
    if (horizontal && stacking == Stacking::Stacked)
        bars = new QHorizontalStackedBarSeries;
    else if (horizontal && stacking == Stacking::Percent)
        bars = new QHorizontalPercentBarSeries;
    else if (horizontal)
        bars = new QHorizontalBarSeries;
    else if (stacking == Stacking::Stacked)
        bars = new QStackedBarSeries;
    else if (stacking == Stacking::Percent)
        bars = new QPercentBarSeries;
    else
        bars = new QBarSeries;
    double low = 0, high = 0;
    QList<double> positive(categories.size(), 0.0), negative(categories.size(), 0.0);
    for (const auto &[name, values] : sets) {
        auto *set = new QBarSet(plainLabel(name, LabelChars));
        set->append(values);
        bars->append(set);
        for (int i = 0; i < values.size(); ++i) {
            (values.at(i) >= 0 ? positive[i] : negative[i]) += values.at(i);
            low = std::min(low, values.at(i));
            high = std::max(high, values.at(i));
        }
    }
    if (stacking == Stacking::Stacked) {
        low = *std::min_element(negative.cbegin(), negative.cend());
        high = *std::max_element(positive.cbegin(), positive.cend());
    }
    // QBarCategoryAxis drops a label it already has: elided or empty names are made distinct.
    QStringList labels;
    QSet<QString> seen;
    for (const QString &category : categories) {
        const QString base = plainLabel(
                category.isEmpty() ? HuntingChartView::tr("(empty)") : category, LabelChars);
        QString label = base;
        for (int n = 2; seen.contains(label); ++n)
            label = base + QStringLiteral(" (%1)").arg(n);
        seen.insert(label);
        labels.append(label);
    }
    auto *chart = new QChart;
    chart->addSeries(bars);
    auto *categoryAxis = new QBarCategoryAxis;
    categoryAxis->append(labels);
    QValueAxis *valuesAxis
            = stacking == Stacking::Percent ? new QValueAxis : valueAxis(spec, low, high);
    if (stacking == Stacking::Percent)
        valuesAxis->setRange(0, 100);
    chart->addAxis(categoryAxis, horizontal ? Qt::AlignLeft : Qt::AlignBottom);
    chart->addAxis(valuesAxis, horizontal ? Qt::AlignBottom : Qt::AlignLeft);
    bars->attachAxis(categoryAxis);
    bars->attachAxis(valuesAxis);
    applyTitles(chart, spec, categoryAxis, valuesAxis, spec.name(x),
                ys.size() == 1 ? spec.name(ys.first()) : QString());
    return chart;
}

QChart *pieChart(const Spec &spec, const QList<Kql::HuntingRow> &rows, QStringList *notes,
                 QString *error)
{
    int names = -1;
    if (spec.has("xcolumn")) {
        QList<int> named;
        if (!spec.columnList("xcolumn", &named, error))
            return nullptr;
        names = named.value(0, -1);
    } else {
        names = spec.first(Role::Text);
    }
    QList<int> ys;
    if (!yColumns(spec, {names}, &ys, error))
        return nullptr;
    const int values = ys.first();
    if (names < 0)
        names = values == 0 && spec.count() > 1 ? 1 : 0;
    QHash<QString, int> index;
    QList<std::pair<QString, double>> slices;
    qsizetype notPositive = 0;
    for (const Kql::HuntingRow &row : rows) {
        const std::optional<double> value = numberAt(row, values, spec.type(values));
        if (!value || *value <= 0) {
            notPositive += value.has_value();
            continue;
        }
        const QString name = textAt(row, names, spec.type(names));
        auto found = index.constFind(name);
        if (found == index.constEnd()) {
            found = index.insert(name, int(slices.size()));
            slices.append({name, 0.0});
        }
        slices[*found].second += *value;
    }
    if (slices.isEmpty())
        return refuse(error, HuntingChartView::tr(
                                     "There is nothing to draw: a piechart needs values above 0 in "
                                     "\"%1\".")
                                     .arg(spec.name(values)));
    if (notPositive > 0)
        notes->append(
                notPositive == 1
                        ? HuntingChartView::tr("1 row with a value of 0 or less is not drawn.")
                        : HuntingChartView::tr("%1 rows with a value of 0 or less are not drawn.")
                                  .arg(notPositive));
    if (slices.size() > HuntingChartView::MaxSlices) {
        std::stable_sort(slices.begin(), slices.end(),
                         [](const auto &a, const auto &b) { return a.second > b.second; });
        double rest = 0;
        for (qsizetype i = HuntingChartView::MaxSlices - 1; i < slices.size(); ++i)
            rest += slices.at(i).second;
        const qsizetype others = slices.size() - (HuntingChartView::MaxSlices - 1);
        slices.resize(HuntingChartView::MaxSlices - 1);
        slices.append({HuntingChartView::tr("Other (%1)").arg(others), rest});
        notes->append(HuntingChartView::tr("The %1 smallest slices are drawn as one, \"Other\".")
                              .arg(others));
    }
    auto *pie = new QPieSeries;
    for (const auto &[name, value] : slices) {
        QPieSlice *slice = pie->append(
                plainLabel(name.isEmpty() ? HuntingChartView::tr("(empty)") : name, LabelChars),
                value);
        slice->setLabelVisible(slices.size() <= SliceLabelsShown);
    }
    auto *chart = new QChart;
    chart->addSeries(pie);
    applyTitles(chart, spec, nullptr, nullptr, {}, {});
    chart->legend()->setAlignment(Qt::AlignRight);
    return chart;
}

/** Kusto's datetime text ("2024-03-01T00:00:00.0000000Z") as ticks, or nullopt. */
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

} // namespace

bool HuntingChartView::isChartKind(const QString &kind)
{
    static const QStringList kinds
            = {QStringLiteral("timechart"),    QStringLiteral("linechart"),
               QStringLiteral("areachart"),    QStringLiteral("stackedareachart"),
               QStringLiteral("scatterchart"), QStringLiteral("anomalychart"),
               QStringLiteral("barchart"),     QStringLiteral("columnchart"),
               QStringLiteral("piechart")};
    return kinds.contains(kind.toLower());
}

QChart *HuntingChartView::buildChart(const QString &kind, const Properties &properties,
                                     const Kql::RowSchema &columns,
                                     const QList<Kql::HuntingRow> &rows, QString *note,
                                     QString *error)
{
    QString visual = kind.trimmed().toLower();
    Properties written = properties;
    if (visual == QLatin1String("anomalychart"))
        visual = QStringLiteral("timechart");
    if (visual == QLatin1String("stackedareachart")) {
        visual = QStringLiteral("areachart");
        written.append({QStringLiteral("kind"), QStringLiteral("stacked")});
    }
    if (!isChartKind(visual))
        return refuse(error, visual == QLatin1String("table") || visual.isEmpty()
                                     ? HuntingChartView::tr("This result is a table: see the grid.")
                                     : HuntingChartView::tr(
                                               "Vigil does not draw \"%1\" charts; the rows are in "
                                               "the grid.")
                                               .arg(cleanText(kind, LabelChars)));
    if (columns.isEmpty())
        return refuse(error,
                      HuntingChartView::tr("There is nothing to draw: the result has no columns."));
    if (rows.isEmpty())
        return refuse(error,
                      HuntingChartView::tr("There is nothing to draw: the result has no rows."));
    // make-series arrays: one row per point.
    Kql::RowSchema unrolledColumns = columns;
    QList<Kql::HuntingRow> unrolledRows;
    const bool lineLike = visual != QLatin1String("barchart")
                          && visual != QLatin1String("columnchart")
                          && visual != QLatin1String("piechart");
    if (lineLike) {
        unrolledRows = rows;
        if (!unrollSeriesArrays(&unrolledColumns, &unrolledRows))
            unrolledRows.clear();
    }
    const bool unrolled = !unrolledRows.isEmpty();
    const Spec spec(written, unrolled ? unrolledColumns : columns);
    const QList<Kql::HuntingRow> &points = unrolled ? unrolledRows : rows;
    QStringList notes;
    QChart *chart = nullptr;
    if (visual == QLatin1String("barchart") || visual == QLatin1String("columnchart"))
        chart = barChart(visual == QLatin1String("barchart"), spec, rows, &notes, error);
    else if (visual == QLatin1String("piechart"))
        chart = pieChart(spec, rows, &notes, error);
    else
        chart = lineChart(visual, spec, points, &notes, error);
    if (chart)
        *note = notes.join(QLatin1Char(' '));
    return chart;
}

} // namespace Vigil
