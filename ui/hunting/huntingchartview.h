#pragma once

#include "huntingrunner.h"
#include "kqlast.h"

#include <QList>
#include <QString>
#include <QWidget>

#include <utility>

class QChart;
class QChartView;
class QLabel;
class QPushButton;

namespace Vigil {

/**
 * @brief The hunting page's chart tab: draws a result the way `render` asks, as Defender and
 * Azure Data Explorer draw it.
 *
 * - timechart, linechart, areachart, scatterchart (and anomalychart, drawn as a timechart): the
 *   x axis is `xcolumn`, else the first datetime column (a timechart needs one), else the first
 *   numeric column; the y values are `ycolumns`, else every other numeric column; one line per
 *   distinct value of the `series` columns, else of the string columns. Lines and areas are drawn
 *   in x order; datetimes are shown in UTC.
 * - barchart (horizontal bars), columnchart (vertical): the categories are `xcolumn`, else the
 * first string column, else the first column; the same category and series seen twice is summed.
 * - piechart: slices from `xcolumn` or the first string column, sized by the first numeric column
 *   (or `ycolumns`' first); slices past the 50th are drawn as one "Other" slice.
 * - `kind=stacked`, `stacked100`, `unstacked` for bar, column and area charts; `title`, `xtitle`,
 *   `ytitle`, `legend=hidden`, `ymin`, `ymax`.
 *
 * At most MaxSeries lines and MaxPoints points are drawn (every n-th row past that) and
 * MaxCategories bars; note() says what was left out. Every label is drawn as plain text, with
 * control characters replaced and long text elided. GUI thread.
 */
class HuntingChartView : public QWidget
{
    Q_OBJECT
public:
    /** The `with (...)` properties of `render`, names and values as written. */
    using Properties = QList<std::pair<QString, QString>>;

    static constexpr qsizetype MaxPoints = 100000;
    static constexpr int MaxSeries = 50;
    static constexpr int MaxCategories = 500;
    static constexpr int MaxSlices = 50;

    explicit HuntingChartView(QWidget *parent = nullptr);
    ~HuntingChartView() override;

    /**
     * Draws rows (in the storage encoding of HuntingRow) as a chart of kind. False when that
     * result cannot be drawn: *error says why in the analyst's words, and the view shows it
     * instead of a chart.
     */
    bool setResult(const QString &kind, const Properties &properties, const Kql::RowSchema &columns,
                   const QList<Kql::HuntingRow> &rows, QString *error = nullptr);
    /** Removes the chart (an empty view). */
    void clear();

    /** True for the kinds setResult() draws (`table` and unknown kinds are not). */
    static bool isChartKind(const QString &kind);

    /** The chart drawn, or nullptr. */
    QChart *chart() const;
    /** What the chart leaves out (capped rows, series or categories), empty when nothing. */
    QString note() const;
    /** The error of the last setResult() that failed, empty after one that drew. */
    QString errorText() const;

    /** Writes the chart as it is shown to a PNG file; false (and *error) when it cannot. */
    bool savePng(const QString &path, QString *error = nullptr);

public Q_SLOTS:
    /** Asks for a file name and saves the chart there ("Save as PNG…"). */
    void saveAsPng();

Q_SIGNALS:
    /** A chart was drawn (drawn true) or cleared / refused (false). */
    void chartChanged(bool drawn);

private:
    /** The chart for a result (huntingchartviewbuild.cpp), or nullptr and *error. */
    static QChart *buildChart(const QString &kind, const Properties &properties,
                              const Kql::RowSchema &columns, const QList<Kql::HuntingRow> &rows,
                              QString *note, QString *error);
    void showChart(QChart *chart, const QString &note);
    void showError(const QString &error);

    QChartView *m_view = nullptr;
    QLabel *m_noteLabel = nullptr;
    QLabel *m_errorLabel = nullptr;
    QPushButton *m_saveButton = nullptr;
    QString m_error;
    bool m_drawn = false;
};

} // namespace Vigil
