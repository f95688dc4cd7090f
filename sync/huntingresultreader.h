#pragma once

#include "huntingrunner.h"
#include "kqlast.h"
#include "result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Vigil {

/** @brief The rows Defender's `runHuntingQuery` answered, in the local engine's shape. A value. */
struct RemoteHuntResult
{
    Kql::RowSchema columns; ///< in the order of the answer's `schema`, with Kusto's types
    QList<Kql::HuntingRow> rows; ///< in the storage encoding of core/huntingschema.h
    QStringList warnings; ///< unknown types, values that did not fit their column, a cut
    bool truncated = false; ///< more rows than the reader keeps (Defender's own cap is 100 000)
};

/**
 * The Kusto type of a Graph `schema` type name (`String`, `DateTime`, `Int64`, `Int32`,
 * `Double`, `Boolean`, `Object`, `Guid`, `TimeSpan`; case-insensitive, with or without a
 * `System.` prefix; Kusto's own names are understood too). nullopt for a name it does not know.
 */
std::optional<KqlType> kqlTypeFromGraphType(QStringView graphType);

/**
 * Reads the body of a `runHuntingQuery` answer: `schema` (`name`/`type` keys in any case) and
 * `results` (one object per row, keys in any order). Each row comes out in the schema's column
 * order; a missing key or a JSON null is null. Values are converted to the column's type: a
 * datetime keeps all seven fraction digits as ticks, a dynamic value is kept as compact JSON, a
 * value that does not fit its column is null (with a warning that counts them). A column of an
 * unknown type is kept as a string, with a warning. Text is kept as it came (markup and control
 * characters are data). Only a body that is not JSON, or has no `schema` array, is an error
 * (Parse). At most maxRows rows are kept (truncated says so). Pure; any thread.
 */
Result<RemoteHuntResult> readHuntingResults(const QByteArray &body, qint64 maxRows = 100'000);

/**
 * An ISO 8601 duration (`P30D`, `PT1H30M`, `P1DT2H`, `PT0.5S`) in ticks; nullopt when the text is
 * not one. Years and months are refused (their length depends on the date).
 */
std::optional<qint64> parseIsoDuration(QStringView text);

/**
 * Where a `runHuntingQuery` Timespan starts, given now: `start/end`, `duration/end`,
 * `start/duration`, a bare duration (back from now) or a single datetime (from then to now).
 * nullopt when the text is none of these; an empty text is Defender's default, 30 days back.
 */
std::optional<QDateTime> huntingTimespanStart(const QString &timespan, const QDateTime &now);

} // namespace Vigil
