#pragma once

#include "sqlcompiler.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace Vigil::Kql {

/**
 * @brief What one externaldata URL gave the query: its bytes and where they came from (the
 * network now, or the on-disk cache with the time they were fetched), or why there are none.
 * Value type; any thread.
 */
struct ExternalFeed
{
    bool available = false; ///< data holds the feed (possibly empty)
    QByteArray data;
    qint64 fetchedAtMs = 0; ///< when data was fetched (ms since the Unix epoch, UTC)
    bool fromCache = false; ///< the cached copy: the network was not asked or did not answer
    QString problem; ///< why the network's copy is not used, or why there is no data at all
};

/** The feeds of one run, by URL as the query writes it. */
using ExternalFeeds = QHash<QString, ExternalFeed>;

/** The URLs a compiled query reads, each once, in the order they appear. */
QStringList externalDataUrls(const CompiledQuery &compiled);

/**
 * The rows of one externaldata use as its parameter takes them: a JSON array with one array per
 * record, its cells in the declared column order — the field's text as a JSON string for csv,
 * tsv, scsv, psv and txt (null when the record is shorter), the property of the column's name for
 * json and multijson. Records: RFC 4180 quoting for the delimited formats, `\n` or `\r\n` ends a
 * record, empty lines are skipped, `ignoreFirstRecord` skips each file's first record and
 * `ignoreLastRecord` its last one, a UTF-8
 * byte order mark is dropped and invalid UTF-8 becomes U+FFFD. nullopt and *error (naming the URL)
 * when a feed is missing or is not the format's JSON.
 */
std::optional<QByteArray> externalDataRows(const ExternalDataUse &use, const ExternalFeeds &feeds,
                                           QString *error);

/** "3 h", "2 d", "40 s": a feed's age as the result reports it. */
QString feedAgeText(qint64 ageMs);

} // namespace Vigil::Kql
