#pragma once

#include "kqlast.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <QHash>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

struct sqlite3;

namespace Vigil::Kql {

struct ExternalFeed;
struct CompiledQuery;

/** How one hunting query runs. */
struct HuntingOptions
{
    /** now()/ago() pinned to this instant (ticks); the wall clock at the start when empty. */
    std::optional<qint64> asOfTicks;
    qint64 rowLimit = 10000; ///< rows handed back at most; the result says when there were more
    int timeoutMs = 60000; ///< the query is stopped after this long
    int pageSize = 500; ///< rows per page handed to the caller
    /**
     * The data of every externaldata URL the query reads, fetched (or taken from the cache)
     * beforehand by the caller (FeedFetcher); the runner itself never touches the network. A URL
     * missing here fails the run with an error that names it.
     */
    std::shared_ptr<const QHash<QString, ExternalFeed>> feeds;
};

/**
 * One row of a result, one value per column in the storage encoding of core/huntingschema.h:
 * string and guid QString (never null), long/int/datetime/timespan qint64 (ticks for the last
 * two), bool bool, real double, dynamic its compact JSON as QString; an invalid QVariant is null.
 */
using HuntingRow = QList<QVariant>;

/** The query's `render` operator: how its result is drawn (Defender's charts). */
struct RenderSpec
{
    QString kind; ///< timechart, barchart, columnchart, piechart, areachart, scatterchart, …
    QList<std::pair<QString, QString>> properties; ///< `with (title="…", …)` as written
};

/** What a run gave: its columns, how many rows, or why it stopped. */
struct HuntingResult
{
    enum class Status { Ok, Refused, Failed, Cancelled, TimedOut };
    Status status = Status::Ok;
    RowSchema columns;
    qint64 rows = 0;
    bool truncated = false; ///< more rows than rowLimit: the rest were not read
    KqlError refusal; ///< Refused: what the front end or the compiler refused, and where
    QString error; ///< Failed, Cancelled, TimedOut: what happened, in words
    QStringList warnings;
    std::optional<RenderSpec> render; ///< the query ends with `render`: draw it so
    QString sql; ///< the compiled statement (for --explain and bug reports)
    /** The oldest cached externaldata copy the query read instead of the network's, in ms
     *  (its URL, time and size are in warnings); -1 when every feed was fetched now. */
    qint64 feedAgeMs = -1;
    qint64 compileMicros = 0;
};

/**
 * @brief Runs KQL hunting queries on events.sqlite: checks and compiles each query, runs the
 * SQL on a read-only connection whose authorizer denies every write, ATTACH and PRAGMA, with a
 * pinned now(), a row cap and a time limit, and hands the rows back in pages.
 *
 * Lives on one thread (the hunting worker's, or vigilctl's main thread): open() and run() there.
 * cancel() may be called from any thread and stops the running query soon after.
 */
class HuntingRunner
{
public:
    explicit HuntingRunner(QString databasePath);
    ~HuntingRunner();
    HuntingRunner(const HuntingRunner &) = delete;
    HuntingRunner &operator=(const HuntingRunner &) = delete;

    /**
     * The GeoIP database of geo_info_from_ip_address() (a .mmdb file or a legacy GeoIP.dat);
     * empty (the default): $VIGIL_GEOIP_DB, else Debian's geoip-database. Call before open().
     */
    void setGeoIpDatabase(const QString &path) { m_geoIpDatabase = path; }
    QString geoIpDatabase() const { return m_geoIpDatabase; }

    /** Opens the database read-only; false (and *error) when it cannot. */
    bool open(QString *error);

    /** Called with each page of rows; answer false to stop reading. */
    using PageHandler = std::function<bool(const QList<HuntingRow> &page)>;

    HuntingResult run(QStringView query, const HuntingOptions &options, const PageHandler &onPage);

    /** Stops the running query (any thread); the run answers Cancelled. */
    void cancel();

    /** The `render` operator of an analysed query's result (its last operator), if any. */
    static std::optional<RenderSpec> renderOf(const Node *result);

    /** The wall clock as Kusto ticks (100 ns since 0001-01-01Z). */
    static qint64 nowTicks();

private:
    static int progress(void *self);
    /** Runs evaluate pivot()'s query of values; its error in words, or empty. */
    QString runProbe(const CompiledQuery &probe, const HuntingOptions &options, qint64 now,
                     qint64 deadlineMs, QStringList *values, QStringList *types = nullptr);

    QString m_path;
    QString m_geoIpDatabase;
    std::atomic<sqlite3 *> m_db{nullptr}; // read by cancel() on another thread
    std::atomic<bool> m_cancel{false};
    qint64 m_deadlineMs = 0;
    bool m_timedOut = false;
};

} // namespace Vigil::Kql
