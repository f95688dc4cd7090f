// How a result becomes a chart: which columns are the x axis, the series and the y values, and
// the Qt Charts objects that draw them (see HuntingChartView for the rules).

#include "huntingchartparts.h"

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

using namespace ChartParts;

namespace {

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
