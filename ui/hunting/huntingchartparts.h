#pragma once

// The parts the chart view builds its charts from (huntingchartviewbuild.cpp): reading values
// in the storage encoding, labels made plain, render's properties, the axes. Not for other users.

#include "huntingchartview.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

class QAbstractAxis;
class QCategoryAxis;
class QChart;
class QValueAxis;

namespace Vigil::ChartParts {

inline constexpr qint64 TicksAtUnixEpoch = 621355968000000000LL;
inline constexpr qint64 TicksPerMs = 10000;
inline constexpr int LabelChars = 60;
inline constexpr int TitleChars = 200;
inline constexpr int SliceLabelsShown = 12; ///< more slices than this: names only in the legend

enum class Role { Number, Time, Text, Other };

Role roleOf(KqlType type);

std::optional<double> numberAt(const Kql::HuntingRow &row, int column, KqlType type);

QString utcText(qint64 ms, const QString &format);

QString textAt(const Kql::HuntingRow &row, int column, KqlType type);

/** Text with its control and direction characters replaced by spaces and elided past maxChars. */
QString cleanText(QString text, int maxChars);

/** Text for a chart label: Qt Charts draws labels as rich text, so it is escaped. */
QString plainLabel(const QString &text, int maxChars);

QString unquoted(QString value);

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

Stacking stackingOf(const Spec &spec);

/** The y columns: `ycolumns` (each numeric), else every numeric column not used otherwise. */
bool yColumns(const Spec &spec, const QList<int> &used, QList<int> *ys, QString *error);

/** The series columns: `series`, else every string column not used otherwise. */
bool seriesColumns(const Spec &spec, const QList<int> &used, QList<int> *series, QString *error);

QString seriesKey(const Spec &spec, const Kql::HuntingRow &row, const QList<int> &columns);

QString seriesName(const Spec &spec, const QString &key, int y, bool severalYs);

void applyTitles(QChart *chart, const Spec &spec, QAbstractAxis *xAxis, QAbstractAxis *yAxis,
                 const QString &xDefault, const QString &yDefault);

/** A y axis over [low, high] (0 included), or over ymin/ymax when render sets them. */
QValueAxis *valueAxis(const Spec &spec, double low, double high);

/** An x axis of UTC times: ticks at round steps, labelled in UTC (QDateTimeAxis would use the
 *  local time zone). */
QCategoryAxis *timeAxis(double minMs, double maxMs);

std::optional<qint64> ticksFromText(const QString &text);

/**
 * make-series gives one row per series with arrays: its x values (datetimes) and y values
 * (numbers) in dynamic columns. Such a result is unrolled into one row per point, the arrays
 * becoming datetime and real columns, so the rules for rows apply. False when it is not one.
 */
bool unrollSeriesArrays(Kql::RowSchema *columns, QList<Kql::HuntingRow> *rows);

} // namespace Vigil::ChartParts
