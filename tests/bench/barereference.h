#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace Vigil::Bench {

/** The calling thread's CPU time in the kernel (system time), in ns. */
qint64 threadSystemNs();

/** @brief The Graph pages of one pull, as raw bytes, in the order they were read. */
struct FetchedPages
{
    QList<QByteArray> incidentPages; ///< `/security/incidents?$expand=alerts`, page by page
    QList<QByteArray> alertPages; ///< `/security/alerts_v2`, page by page
    QStringList requests; ///< "GET path?query" of each page, as the service saw it
    qint64 bytes = 0;
    QString error; ///< empty when every page arrived
};

/**
 * Fetches the pages a sync read, again: a token by client credentials (for Graph's resource,
 * as the sync asks for it), then each list from the
 * first page the sync asked for (`GET path?query` as the service logged it, decoded), following
 * `@odata.nextLink`. Blocks the calling thread (its own event loop) until done.
 */
FetchedPages fetchPages(const QUrl &endpoint, const QUrl &resource, const QString &tenantId,
                        const QString &clientId, const QString &clientSecret,
                        const QString &firstIncidentPage, const QString &firstAlertPage);

/** @brief What the bare reference stored, and the CPU time it took. */
struct BareFigures
{
    QString error; ///< empty when every page was stored
    qint64 cpuNs = 0; ///< CPU time of the calling thread: parsing and storing, commits included
    qint64 systemNs = 0; ///< of which in the kernel
    qint64 incidents = 0;
    qint64 alerts = 0;
    qint64 componentAlerts = 0;
};

/**
 * The bare reference for an initial sync: what a page costs when written by hand. Each page is
 * read by simdjson's on-demand parser straight from its bytes, and its rows are inserted with
 * raw prepared sqlite3 statements into path, a new database made by Vigil's own migrations, one
 * transaction per page with the page's cursor, under the store's pragmas. It stores the same
 * rows the store keeps (incidents with their comments, each alert with its evidence as
 * received, the component alerts with the evidence of those no incident holds), but does none
 * of the sync's bookkeeping (no look-ups of stored rows, no rows read back, no rules).
 * Runs on the calling thread; cpuNs is that thread's CPU time over the pages.
 */
BareFigures runBareReference(const QString &path, FetchedPages &pages);

/**
 * Rows of the incidents (but their numbers and rule columns), alerts, comments and
 * component_alerts tables that one database has and the other has not, both ways: 0 when the
 * reference stored exactly what the sync stored. -1 (and error) when the comparison failed.
 */
qint64 differingRows(const QString &syncDatabase, const QString &referenceDatabase, QString *error);

} // namespace Vigil::Bench
