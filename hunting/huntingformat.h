#pragma once

#include "huntingschema.h"

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QVariant>

namespace Vigil::Kql {

/**
 * @brief How hunting results are written out, the same everywhere (vigilctl hunt, the hunting
 * page's grid, copy and export): cells as Kusto prints them, JSON and CSV documents.
 *
 * Values are in the runner's storage encoding (see HuntingRow). Pure functions; any thread.
 */
namespace HuntingFormat {

/** A column of a written result: name and Kusto type. */
struct OutColumn
{
    QString name;
    KqlType type = KqlType::String;
};

/** A cell as Kusto prints it: datetimes ISO 8601 with 7 decimals, timespans d.hh:mm:ss, … */
QString cellText(const QVariant &value, KqlType type);
/** A cell as a JSON value: numbers as numbers, dynamic as its JSON, datetimes as text. */
QJsonValue jsonValue(const QVariant &value, KqlType type);
/**
 * One CSV field: control characters shown as their pictures (a line break stays), RFC 4180
 * quoting, and when guard is set a leading "'" before text a spreadsheet would run as a formula.
 */
QString csvCell(const QString &text, bool guard);
/** Whether a column's cells are text that a spreadsheet could take for a formula. */
bool needsFormulaGuard(KqlType type);

/** `{"columns":[{"name","type"}],"rows":[[…]]}`, compact, as `vigilctl hunt --format json`. */
QByteArray toJson(const QList<OutColumn> &columns, const QList<QList<QVariant>> &rows);
/** A header line and one line per row, each ending in "\n", as `vigilctl hunt --format csv`. */
QString toCsv(const QList<OutColumn> &columns, const QList<QList<QVariant>> &rows);

} // namespace HuntingFormat

} // namespace Vigil::Kql
