// The hunting page's chart tab: what each `render` kind draws from known rows (series, points,
// axes, slices), hostile labels drawn as plain text, results that cannot be drawn, the caps on
// large results and the PNG it saves.
#include "hunting/huntingchartview.h"

#include <QApplication>
#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QElapsedTimer>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QHorizontalBarSeries>
#include <QImage>
#include <QLabel>
#include <QLineSeries>
#include <QPieSeries>
#include <QPieSlice>
#include <QPushButton>
#include <QScatterSeries>
#include <QStackedBarSeries>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

using namespace Vigil;
using Kql::Column;
using Kql::HuntingRow;
using Kql::RowSchema;

namespace {

constexpr qint64 TicksAtUnixEpoch = 621355968000000000LL;
const QDateTime kBase(QDate(2024, 3, 1), QTime(12, 0), Qt::UTC);

qint64 ticks(const QDateTime &utc)
{
    return utc.toMSecsSinceEpoch() * 10000 + TicksAtUnixEpoch;
}

HuntingChartView::Properties props(
        std::initializer_list<std::pair<const char *, const char *>> list)
{
    HuntingChartView::Properties out;
    for (const auto &[name, value] : list)
        out.append({QString::fromUtf8(name), QString::fromUtf8(value)});
    return out;
}

template<typename T>
QList<T *> seriesOf(QChart *chart)
{
    QList<T *> out;
    for (QAbstractSeries *series : chart->series())
        if (auto *typed = qobject_cast<T *>(series))
            out.append(typed);
    return out;
}

/** The text of every label the chart's scene draws, as the analyst reads it. */
QStringList drawnTexts(HuntingChartView &view)
{
    QStringList texts;
    auto *chartView = view.findChild<QChartView *>(QStringLiteral("chartView"));
    for (QGraphicsItem *item : chartView->scene()->items())
        if (auto *text = dynamic_cast<QGraphicsTextItem *>(item))
            texts.append(text->toPlainText());
    return texts;
}

// Three devices, four hours, rows deliberately out of time order.
const RowSchema kTimeColumns = {{QStringLiteral("Timestamp"), KqlType::DateTime},
                                {QStringLiteral("DeviceName"), KqlType::String},
                                {QStringLiteral("Count"), KqlType::Long}};
QList<HuntingRow> timeRows()
{
    QList<HuntingRow> rows;
    const QStringList devices
            = {QStringLiteral("alpha"), QStringLiteral("bravo"), QStringLiteral("charlie")};
    for (int hour : {3, 0, 2, 1})
        for (int d = 0; d < devices.size(); ++d)
            rows.append({ticks(kBase.addSecs(qint64(hour) * 3600)), devices.at(d),
                         qint64((d + 1) * 10 + hour)});
    return rows;
}

} // namespace

class TestHuntingChartView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void timechartOneLinePerSeriesValue();
    void timechartYColumnsAndXColumn();
    void linechartNumericX();
    void makeSeriesArrays();
    void columnAndBarCharts();
    void stackedColumns();
    void seriesInColumnChart();
    void pieSlices();
    void stackedArea();
    void scatter();
    void hostileLabels();
    void refusals_data();
    void refusals();
    void manyRowsAreDecimated();
    void manySeriesAreCapped();
    void savePng();
};

void TestHuntingChartView::timechartOneLinePerSeriesValue()
{
    HuntingChartView view;
    QString error;
    QVERIFY2(view.setResult(QStringLiteral("timechart"),
                            props({{"title", "Events per device"}, {"ytitle", "events"}}),
                            kTimeColumns, timeRows(), &error),
             qPrintable(error));
    QChart *chart = view.chart();
    QVERIFY(chart);
    QCOMPARE(chart->title(), QStringLiteral("Events per device"));
    const QList<QLineSeries *> lines = seriesOf<QLineSeries>(chart);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0)->name(), QStringLiteral("alpha"));
    QCOMPARE(lines.at(2)->name(), QStringLiteral("charlie"));
    // Drawn in time order whatever the row order, x in milliseconds since 1970 UTC.
    const QList<QPointF> bravo = lines.at(1)->points();
    QCOMPARE(bravo.size(), 4);
    for (int hour = 0; hour < 4; ++hour) {
        QCOMPARE(qint64(bravo.at(hour).x()),
                 kBase.addSecs(qint64(hour) * 3600).toMSecsSinceEpoch());
        QCOMPARE(bravo.at(hour).y(), 20.0 + hour);
    }
    // The x axis spans the hours and is labelled in UTC; the y axis holds every value.
    auto *xAxis = qobject_cast<QCategoryAxis *>(chart->axes(Qt::Horizontal).value(0));
    QVERIFY(xAxis);
    QCOMPARE(qint64(xAxis->min()), kBase.toMSecsSinceEpoch());
    QCOMPARE(qint64(xAxis->max()), kBase.addSecs(qint64(3) * 3600).toMSecsSinceEpoch());
    QVERIFY2(xAxis->categoriesLabels().contains(QStringLiteral("13:00")),
             qPrintable(xAxis->categoriesLabels().join(QLatin1Char('|'))));
    QCOMPARE(xAxis->titleText(), QStringLiteral("Timestamp (UTC)"));
    auto *yAxis = qobject_cast<QValueAxis *>(chart->axes(Qt::Vertical).value(0));
    QVERIFY(yAxis);
    QCOMPARE(yAxis->titleText(), QStringLiteral("events"));
    QVERIFY(yAxis->min() <= 0);
    QVERIFY(yAxis->max() >= 33);
    QVERIFY(view.note().isEmpty());
    QVERIFY(view.findChild<QPushButton *>(QStringLiteral("saveChartButton"))->isEnabled());
}

void TestHuntingChartView::timechartYColumnsAndXColumn()
{
    const RowSchema columns = {{QStringLiteral("Start"), KqlType::DateTime},
                               {QStringLiteral("End"), KqlType::DateTime},
                               {QStringLiteral("Sent"), KqlType::Long},
                               {QStringLiteral("Received"), KqlType::Real}};
    QList<HuntingRow> rows;
    for (int i = 0; i < 5; ++i)
        rows.append({ticks(kBase.addDays(i)), ticks(kBase.addDays(10 + i)), qint64(i), 0.5 * i});
    rows.append({ticks(kBase.addDays(9)), ticks(kBase.addDays(20)), QVariant(), QVariant()});
    HuntingChartView view;
    QVERIFY(view.setResult(QStringLiteral("timechart"),
                           props({{"xcolumn", "End"}, {"ycolumns", "Received"}}), columns, rows));
    QList<QLineSeries *> lines = seriesOf<QLineSeries>(view.chart());
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines.first()->name(), QStringLiteral("Received"));
    // The null value leaves no point.
    QCOMPARE(lines.first()->count(), 5);
    QCOMPARE(qint64(lines.first()->at(4).x()), kBase.addDays(14).toMSecsSinceEpoch());
    QCOMPARE(lines.first()->at(4).y(), 2.0);

    // Without properties: the first datetime column and both numeric columns.
    QVERIFY(view.setResult(QStringLiteral("timechart"), {}, columns, rows));
    lines = seriesOf<QLineSeries>(view.chart());
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(0)->name(), QStringLiteral("Sent"));
    QCOMPARE(qint64(lines.at(0)->at(0).x()), kBase.toMSecsSinceEpoch());
    // Four days (the row without values draws nothing): ticks every 12 hours, with their date.
    auto *xAxis = qobject_cast<QCategoryAxis *>(view.chart()->axes(Qt::Horizontal).value(0));
    QCOMPARE(qint64(xAxis->max()), kBase.addDays(4).toMSecsSinceEpoch());
    QVERIFY2(xAxis->categoriesLabels().contains(QStringLiteral("03-03 00:00")),
             qPrintable(xAxis->categoriesLabels().join(QLatin1Char('|'))));
}

void TestHuntingChartView::linechartNumericX()
{
    const RowSchema columns = {{QStringLiteral("Bucket"), KqlType::Long},
                               {QStringLiteral("Score"), KqlType::Decimal}};
    QList<HuntingRow> rows = {{qint64(10), QStringLiteral("1.5")},
                              {qint64(5), QStringLiteral("-2")},
                              {qint64(20), QStringLiteral("4")}};
    HuntingChartView view;
    QVERIFY(view.setResult(QStringLiteral("linechart"), {}, columns, rows));
    const QList<QLineSeries *> lines = seriesOf<QLineSeries>(view.chart());
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines.first()->points(), (QList<QPointF>{{5, -2}, {10, 1.5}, {20, 4}}));
    auto *xAxis = qobject_cast<QValueAxis *>(view.chart()->axes(Qt::Horizontal).value(0));
    QVERIFY(xAxis);
    QCOMPARE(xAxis->min(), 5.0);
    QCOMPARE(xAxis->max(), 20.0);
    auto *yAxis = qobject_cast<QValueAxis *>(view.chart()->axes(Qt::Vertical).value(0));
    QVERIFY(yAxis->min() <= -2);
    QVERIFY(yAxis->max() >= 4);
}

void TestHuntingChartView::makeSeriesArrays()
{
    // make-series: one row per device, its times and counts as arrays.
    const RowSchema columns = {{QStringLiteral("DeviceName"), KqlType::String},
                               {QStringLiteral("count_"), KqlType::Dynamic},
                               {QStringLiteral("Timestamp"), KqlType::Dynamic}};
    const QString times = QStringLiteral("[\"2024-03-01T12:00:00.0000000Z\","
                                         "\"2024-03-01T13:00:00.0000000Z\","
                                         "\"2024-03-01T14:00:00Z\"]");
    const QList<HuntingRow> rows = {{QStringLiteral("alpha"), QStringLiteral("[1,2,3]"), times},
                                    {QStringLiteral("bravo"), QStringLiteral("[0,5.5,0]"), times}};
    HuntingChartView view;
    QString error;
    QVERIFY2(view.setResult(QStringLiteral("timechart"), {}, columns, rows, &error),
             qPrintable(error));
    const QList<QLineSeries *> lines = seriesOf<QLineSeries>(view.chart());
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(1)->name(), QStringLiteral("bravo"));
    QCOMPARE(lines.at(1)->count(), 3);
    QCOMPARE(qint64(lines.at(1)->at(1).x()), kBase.addSecs(3600).toMSecsSinceEpoch());
    QCOMPARE(lines.at(1)->at(1).y(), 5.5);
    QCOMPARE(qint64(lines.at(0)->at(2).x()), kBase.addSecs(7200).toMSecsSinceEpoch());
    QCOMPARE(lines.at(0)->at(2).y(), 3.0);
}

void TestHuntingChartView::columnAndBarCharts()
{
    const RowSchema columns = {{QStringLiteral("Count"), KqlType::Long},
                               {QStringLiteral("ActionType"), KqlType::String}};
    const QList<HuntingRow> rows = {{qint64(7), QStringLiteral("ProcessCreated")},
                                    {qint64(3), QStringLiteral("ConnectionSuccess")},
                                    {qint64(2), QStringLiteral("ProcessCreated")}};
    HuntingChartView view;
    QVERIFY(view.setResult(QStringLiteral("columnchart"), props({{"xtitle", "action"}}), columns,
                           rows));
    const QList<QBarSeries *> columnsDrawn = seriesOf<QBarSeries>(view.chart());
    QCOMPARE(columnsDrawn.size(), 1);
    QCOMPARE(columnsDrawn.first()->count(), 1);
    QBarSet *set = columnsDrawn.first()->barSets().first();
    QCOMPARE(set->label(), QStringLiteral("Count"));
    // The first string column gives the categories; a category seen twice is summed.
    QCOMPARE(set->count(), 2);
    QCOMPARE(set->at(0), 9.0);
    QCOMPARE(set->at(1), 3.0);
    auto *categories
            = qobject_cast<QBarCategoryAxis *>(view.chart()->axes(Qt::Horizontal).value(0));
    QVERIFY(categories);
    QCOMPARE(categories->categories(),
             (QStringList{QStringLiteral("ProcessCreated"), QStringLiteral("ConnectionSuccess")}));
    QCOMPARE(categories->titleText(), QStringLiteral("action"));
    auto *values = qobject_cast<QValueAxis *>(view.chart()->axes(Qt::Vertical).value(0));
    QVERIFY(values->max() >= 9);

    // barchart: the same bars, horizontal, the categories on the vertical axis.
    QVERIFY(view.setResult(QStringLiteral("barchart"), {}, columns, rows));
    QCOMPARE(seriesOf<QHorizontalBarSeries>(view.chart()).size(), 1);
    QVERIFY(qobject_cast<QBarCategoryAxis *>(view.chart()->axes(Qt::Vertical).value(0)));
}

void TestHuntingChartView::stackedColumns()
{
    const RowSchema columns = {{QStringLiteral("Host"), KqlType::String},
                               {QStringLiteral("Ok"), KqlType::Long},
                               {QStringLiteral("Failed"), KqlType::Long}};
    const QList<HuntingRow> rows = {{QStringLiteral("a"), qint64(5), qint64(1)},
                                    {QStringLiteral("b"), qint64(2), qint64(8)}};
    HuntingChartView view;
    QVERIFY(view.setResult(QStringLiteral("columnchart"), props({{"kind", "stacked"}}), columns,
                           rows));
    const QList<QStackedBarSeries *> stacked = seriesOf<QStackedBarSeries>(view.chart());
    QCOMPARE(stacked.size(), 1);
    QCOMPARE(stacked.first()->count(), 2);
    QCOMPARE(stacked.first()->barSets().at(1)->label(), QStringLiteral("Failed"));
    QCOMPARE(stacked.first()->barSets().at(1)->at(1), 8.0);
    // Stacked: the value axis reaches the tallest stack (2 + 8), not only the tallest bar.
    auto *values = qobject_cast<QValueAxis *>(view.chart()->axes(Qt::Vertical).value(0));
    QVERIFY(values->max() >= 10);
    QVERIFY(view.setResult(QStringLiteral("columnchart"), props({{"kind", "stacked100"}}), columns,
                           rows));
    values = qobject_cast<QValueAxis *>(view.chart()->axes(Qt::Vertical).value(0));
    QCOMPARE(values->max(), 100.0);
}

void TestHuntingChartView::seriesInColumnChart()
{
    const RowSchema columns = {{QStringLiteral("Day"), KqlType::String},
                               {QStringLiteral("Severity"), KqlType::String},
                               {QStringLiteral("Alerts"), KqlType::Int}};
    const QList<HuntingRow> rows = {{QStringLiteral("Mon"), QStringLiteral("High"), qint64(1)},
                                    {QStringLiteral("Mon"), QStringLiteral("Low"), qint64(4)},
                                    {QStringLiteral("Tue"), QStringLiteral("Low"), qint64(6)}};
    HuntingChartView view;
    QVERIFY(view.setResult(QStringLiteral("columnchart"), {}, columns, rows));
    const QList<QBarSet *> sets = seriesOf<QBarSeries>(view.chart()).first()->barSets();
    QCOMPARE(sets.size(), 2);
    QCOMPARE(sets.at(0)->label(), QStringLiteral("High"));
    QCOMPARE(sets.at(1)->label(), QStringLiteral("Low"));
    QCOMPARE(sets.at(0)->at(1), 0.0); // no High alert on Tuesday
    QCOMPARE(sets.at(1)->at(1), 6.0);
}

void TestHuntingChartView::pieSlices()
{
    const RowSchema columns
            = {{QStringLiteral("FileName"), KqlType::String}, {QStringLiteral("n"), KqlType::Long}};
    const QList<HuntingRow> rows = {{QStringLiteral("cmd.exe"), qint64(6)},
                                    {QStringLiteral("powershell.exe"), qint64(3)},
                                    {QStringLiteral("cmd.exe"), qint64(1)},
                                    {QStringLiteral("zero.exe"), qint64(0)},
                                    {QStringLiteral("null.exe"), QVariant()}};
    HuntingChartView view;
    QVERIFY(view.setResult(QStringLiteral("piechart"), props({{"title", "'Top files'"}}), columns,
                           rows));
    QCOMPARE(view.chart()->title(), QStringLiteral("Top files"));
    const QList<QPieSeries *> pies = seriesOf<QPieSeries>(view.chart());
    QCOMPARE(pies.size(), 1);
    const QList<QPieSlice *> slices = pies.first()->slices();
    QCOMPARE(slices.size(), 2);
    QCOMPARE(slices.at(0)->label(), QStringLiteral("cmd.exe"));
    QCOMPARE(slices.at(0)->value(), 7.0);
    QCOMPARE(slices.at(1)->value(), 3.0);
    QCOMPARE(pies.first()->sum(), 10.0);
    QVERIFY2(view.note().contains(QLatin1String("1 row with a value of 0")),
             qPrintable(view.note()));

    // Past 50 slices the smallest are drawn as one "Other" slice with their sum.
    QList<HuntingRow> many;
    for (int i = 0; i < 60; ++i)
        many.append({QStringLiteral("file%1").arg(i), qint64(100 - i)});
    QVERIFY(view.setResult(QStringLiteral("piechart"), {}, columns, many));
    const QList<QPieSlice *> capped = seriesOf<QPieSeries>(view.chart()).first()->slices();
    QCOMPARE(capped.size(), HuntingChartView::MaxSlices);
    QCOMPARE(capped.last()->label(), QStringLiteral("Other (11)"));
    double rest = 0;
    for (int i = 49; i < 60; ++i)
        rest += 100 - i;
    QCOMPARE(capped.last()->value(), rest);
    QVERIFY(!view.note().isEmpty());
}

void TestHuntingChartView::stackedArea()
{
    const RowSchema columns = {{QStringLiteral("Timestamp"), KqlType::DateTime},
                               {QStringLiteral("Kind"), KqlType::String},
                               {QStringLiteral("n"), KqlType::Long}};
    const QList<HuntingRow> rows = {{ticks(kBase), QStringLiteral("a"), qint64(2)},
                                    {ticks(kBase), QStringLiteral("b"), qint64(3)},
                                    {ticks(kBase.addSecs(60)), QStringLiteral("a"), qint64(4)},
                                    {ticks(kBase.addSecs(60)), QStringLiteral("b"), qint64(1)}};
    HuntingChartView view;
    QVERIFY(view.setResult(QStringLiteral("areachart"), props({{"kind", "stacked"}}), columns,
                           rows));
    QList<QAreaSeries *> areas = seriesOf<QAreaSeries>(view.chart());
    QCOMPARE(areas.size(), 2);
    QCOMPARE(areas.at(1)->upperSeries()->at(0).y(), 5.0); // 2 + 3
    QCOMPARE(areas.at(1)->lowerSeries()->at(0).y(), 2.0);
    QCOMPARE(areas.at(1)->upperSeries()->at(1).y(), 5.0); // 4 + 1
    QVERIFY(view.setResult(QStringLiteral("areachart"), props({{"kind", "stacked100"}}), columns,
                           rows));
    areas = seriesOf<QAreaSeries>(view.chart());
    QCOMPARE(areas.at(0)->upperSeries()->at(0).y(), 40.0);
    QCOMPARE(areas.at(1)->upperSeries()->at(1).y(), 100.0);
    QVERIFY(view.setResult(QStringLiteral("areachart"), {}, columns, rows));
    areas = seriesOf<QAreaSeries>(view.chart());
    QCOMPARE(areas.at(1)->upperSeries()->at(0).y(), 3.0);
    QVERIFY(!areas.at(1)->lowerSeries());
}

void TestHuntingChartView::scatter()
{
    const RowSchema columns = {{QStringLiteral("Sent"), KqlType::Real},
                               {QStringLiteral("Received"), KqlType::Real}};
    const QList<HuntingRow> rows = {{1.0, 10.0}, {3.0, 1.0}, {2.0, qQNaN()}, {2.0, 5.0}};
    HuntingChartView view;
    QVERIFY(view.setResult(QStringLiteral("scatterchart"), {}, columns, rows));
    const QList<QScatterSeries *> dots = seriesOf<QScatterSeries>(view.chart());
    QCOMPARE(dots.size(), 1);
    // Row order is kept; NaN draws nothing.
    QCOMPARE(dots.first()->points(), (QList<QPointF>{{1, 10}, {3, 1}, {2, 5}}));
}

void TestHuntingChartView::hostileLabels()
{
    const QString markup = QStringLiteral("<b>bold</b><img src=\"/etc/passwd\">");
    const QString control = QStringLiteral("bell\a\x1b[31mred\r\nline\u202Eevil");
    const QString huge = QString(qsizetype(10) * 1024, QLatin1Char('x'));
    const RowSchema columns
            = {{QStringLiteral("Name"), KqlType::String}, {QStringLiteral("n"), KqlType::Long}};
    const QList<HuntingRow> rows = {{markup, qint64(1)},
                                    {control, qint64(2)},
                                    {huge, qint64(3)},
                                    {QString(huge + QLatin1Char('y')), qint64(4)}};
    HuntingChartView view;
    view.resize(900, 600);
    view.show();
    QVERIFY(view.setResult(QStringLiteral("columnchart"),
                           {{QStringLiteral("title"), markup}, {QStringLiteral("ytitle"), control}},
                           columns, rows));
    QApplication::processEvents();
    const QStringList texts = drawnTexts(view);
    // The markup is shown as the characters it is, not as bold text or an image.
    QVERIFY2(texts.contains(markup), qPrintable(texts.join(QLatin1Char('|'))));
    for (const QString &text : texts) {
        QVERIFY2(text.size() <= 200, qPrintable(text.left(80)));
        for (QChar c : text)
            QVERIFY2(c.category() != QChar::Other_Control && c.category() != QChar::Other_Format,
                     qPrintable(text));
    }
    if (const QString keep = qEnvironmentVariable("VIGIL_CHART_SCREENSHOT"); !keep.isEmpty())
        QVERIFY(view.savePng(keep + QStringLiteral("-hostile.png")));
    // Two 10 KB names that elide alike stay two bars.
    auto *categories
            = qobject_cast<QBarCategoryAxis *>(view.chart()->axes(Qt::Horizontal).value(0));
    QCOMPARE(categories->count(), 4);
    QCOMPARE(seriesOf<QBarSeries>(view.chart()).first()->barSets().first()->count(), 4);

    // The same in a legend and pie labels.
    QVERIFY(view.setResult(QStringLiteral("piechart"), {}, columns, rows));
    QApplication::processEvents();
    QVERIFY(drawnTexts(view).contains(markup));
    QCOMPARE(seriesOf<QPieSeries>(view.chart()).first()->count(), 4);
}

void TestHuntingChartView::refusals_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<HuntingChartView::Properties>("properties");
    QTest::addColumn<RowSchema>("columns");
    QTest::addColumn<QString>("expected");

    const RowSchema textOnly = {{QStringLiteral("DeviceName"), KqlType::String},
                                {QStringLiteral("Timestamp"), KqlType::DateTime}};
    const RowSchema noTime = {{QStringLiteral("DeviceName"), KqlType::String},
                              {QStringLiteral("n"), KqlType::Long}};
    QTest::newRow("no numeric column")
            << QStringLiteral("timechart") << HuntingChartView::Properties() << textOnly
            << QStringLiteral("no numeric column");
    QTest::newRow("timechart without datetime")
            << QStringLiteral("timechart") << HuntingChartView::Properties() << noTime
            << QStringLiteral("datetime column");
    QTest::newRow("unknown ycolumn")
            << QStringLiteral("columnchart") << props({{"ycolumns", "Missing<b>"}}) << noTime
            << QStringLiteral("\"Missing<b>\"");
    QTest::newRow("text ycolumn") << QStringLiteral("columnchart")
                                  << props({{"ycolumns", "DeviceName"}}) << noTime
                                  << QStringLiteral("not numeric");
    QTest::newRow("table") << QStringLiteral("table") << HuntingChartView::Properties() << noTime
                           << QStringLiteral("grid");
    QTest::newRow("unknown kind") << QStringLiteral("treemap<i>\n")
                                  << HuntingChartView::Properties() << noTime
                                  << QStringLiteral("\"treemap<i> \"");
    QTest::newRow("no columns") << QStringLiteral("piechart") << HuntingChartView::Properties()
                                << RowSchema() << QStringLiteral("no columns");
}

void TestHuntingChartView::refusals()
{
    QFETCH(QString, kind);
    QFETCH(HuntingChartView::Properties, properties);
    QFETCH(RowSchema, columns);
    QFETCH(QString, expected);
    QList<HuntingRow> rows;
    for (int i = 0; i < 3; ++i) {
        HuntingRow row;
        for (const Column &column : columns)
            row.append(column.type == KqlType::String ? QVariant(QStringLiteral("d%1").arg(i))
                                                      : QVariant(ticks(kBase.addSecs(i))));
        rows.append(row);
    }
    HuntingChartView view;
    view.show();
    // A chart that was drawn before is cleared, not left standing beside the error.
    QVERIFY(view.setResult(QStringLiteral("timechart"), {}, kTimeColumns, timeRows()));
    QString error;
    QVERIFY(!view.setResult(kind, properties, columns, rows, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY(!view.chart());
    auto *label = view.findChild<QLabel *>(QStringLiteral("chartError"));
    QVERIFY(label->isVisible());
    QCOMPARE(label->text(), error);
    QCOMPARE(label->textFormat(), Qt::PlainText);
    QVERIFY(!view.findChild<QPushButton *>(QStringLiteral("saveChartButton"))->isEnabled());
    QString saveError;
    QVERIFY(!view.savePng(QDir::temp().filePath(QStringLiteral("never.png")), &saveError));
    QVERIFY(!saveError.isEmpty());
    // Drawing again after a refusal works.
    QVERIFY(view.setResult(QStringLiteral("timechart"), {}, kTimeColumns, timeRows()));
    QVERIFY(!label->isVisible());
}

void TestHuntingChartView::manyRowsAreDecimated()
{
    QList<HuntingRow> rows;
    const int count = 250000;
    rows.reserve(count);
    for (int i = 0; i < count; ++i)
        rows.append({ticks(kBase.addSecs(i)), QStringLiteral("host"), qint64(i % 97)});
    HuntingChartView view;
    view.resize(800, 500);
    view.show();
    QElapsedTimer timer;
    timer.start();
    QVERIFY(view.setResult(QStringLiteral("timechart"), {}, kTimeColumns, rows));
    QApplication::processEvents();
    qInfo("250000 rows drawn in %lld ms", timer.elapsed());
    const QList<QLineSeries *> lines = seriesOf<QLineSeries>(view.chart());
    QCOMPARE(lines.size(), 1);
    QVERIFY(lines.first()->count() <= HuntingChartView::MaxPoints);
    QVERIFY(lines.first()->count() >= HuntingChartView::MaxPoints / 2);
    // The whole range is still drawn: the last point is near the last row.
    QVERIFY(lines.first()->points().last().x()
            >= double(kBase.addSecs(count - 10).toMSecsSinceEpoch()));
    QVERIFY2(view.note().contains(QLatin1String("250000 rows")), qPrintable(view.note()));
}

void TestHuntingChartView::manySeriesAreCapped()
{
    QList<HuntingRow> rows;
    for (int d = 0; d < 80; ++d)
        for (int h = 0; h < 3; ++h)
            rows.append({ticks(kBase.addSecs(qint64(h) * 3600)), QStringLiteral("device%1").arg(d),
                         qint64(h)});
    HuntingChartView view;
    QVERIFY(view.setResult(QStringLiteral("timechart"), {}, kTimeColumns, rows));
    QCOMPARE(view.chart()->series().size(), HuntingChartView::MaxSeries);
    QVERIFY2(view.note().contains(QLatin1String("30 more")), qPrintable(view.note()));
}

void TestHuntingChartView::savePng()
{
    HuntingChartView view;
    view.resize(800, 520);
    view.show();
    QVERIFY(view.setResult(QStringLiteral("timechart"),
                           props({{"title", "Process events per device"}}), kTimeColumns,
                           timeRows()));
    QApplication::processEvents();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chart.png"));
    QString error;
    QVERIFY2(view.savePng(path, &error), qPrintable(error));
    QImage image(path);
    QVERIFY(!image.isNull());
    auto *chartView = view.findChild<QChartView *>(QStringLiteral("chartView"));
    QCOMPARE(image.size(), chartView->size() * chartView->devicePixelRatio());
    // Something is drawn: more than a handful of colours.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 4)
        for (int x = 0; x < image.width(); x += 4)
            colours.insert(image.pixel(x, y));
    QVERIFY(colours.size() > 10);
    // For looking at: VIGIL_CHART_SCREENSHOT=file.png keeps a copy.
    if (const QString keep = qEnvironmentVariable("VIGIL_CHART_SCREENSHOT"); !keep.isEmpty())
        QVERIFY(view.savePng(keep));
    // A path that cannot be written fails with a message.
    QVERIFY(!view.savePng(dir.filePath(QStringLiteral("missing/dir/chart.png")), &error));
    QVERIFY(error.contains(QLatin1String("chart.png")));
}

QTEST_MAIN(TestHuntingChartView)
#include "tst_huntingchartview.moc"
