#pragma once

#include "huntingschema.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <atomic>
#include <memory>
#include <optional>

class QThread;

namespace Vigil {

namespace Kql {
class HuntingRunner;
}

/** A result column: Kusto's name and type. */
struct HuntColumn
{
    QString name;
    KqlType type = KqlType::String;
};

/** One result row in the runner's encoding (see Kql::HuntingRow): ticks for datetimes, … */
using HuntRow = QList<QVariant>;

/** How one hunting query runs. */
struct HuntRunOptions
{
    std::optional<qint64> asOfTicks; ///< now() pinned here; the wall clock when empty
    qint64 rowLimit = 10000;
    int timeoutMs = 60000;
    int pageSize = 500;
    /** geo_info_from_ip_address()'s database file; empty: defaultGeoIpDatabase(). */
    QString geoIpDatabase;
};

/** What is wrong in a query and where: line and column from 1, offset and length in UTF-16. */
struct HuntProblem
{
    QString message;
    int line = 1;
    int column = 1;
    int offset = 0;
    int length = 1;
};

/** The query's `render`: chart kind and its `with (…)` properties as written. */
struct HuntRender
{
    QString kind;
    QList<std::pair<QString, QString>> properties;
};

/** @brief How a run ended. Value type. */
struct HuntRunResult
{
    enum class Status { Ok, Refused, Failed, Cancelled, TimedOut };
    Status status = Status::Ok;
    QList<HuntColumn> columns;
    qint64 rows = 0;
    bool truncated = false; ///< stopped at the row limit
    qint64 rowLimit = 0;
    HuntProblem refusal; ///< Refused: where and why
    QString error; ///< Failed, Cancelled, TimedOut: in words
    QStringList warnings;
    std::optional<HuntRender> render;
    /** externaldata read a kept copy instead of the network's: the oldest one's age in ms (its
     *  URL, time and size are among warnings); -1 when every list was fetched now. */
    qint64 feedAgeMs = -1;
};

/** @brief A completion candidate (see Kql::kqlCompletions). Value type. */
struct HuntCompletion
{
    enum class Kind { Table, Column, Operator, Function, Aggregate, Keyword };
    QString text;
    Kind kind = Kind::Keyword;
    QString detail; ///< a column's type, a function's signature
};

/** @brief Candidates at a cursor and the text they replace. Value type. */
struct HuntCompletions
{
    int start = 0;
    int length = 0;
    QList<HuntCompletion> items;
};

/**
 * @brief The window's way to run KQL hunting queries on events.sqlite: one query at a time on
 * its own worker thread with a read-only connection, its rows streamed back page by page, and
 * Cancel. Starting a query while one runs cancels the running one; only the newest run reports.
 *
 * Also the editor's fast helpers (check, completion, the block at the cursor) and the shared
 * result formatting (cells, CSV, JSON as `vigilctl hunt` writes them), as GUI-thread functions
 * that never touch the database.
 *
 * Lives on the GUI thread; shows only core value types.
 */
class HuntingController : public QObject
{
    Q_OBJECT
public:
    explicit HuntingController(QString databasePath, QObject *parent = nullptr);
    ~HuntingController() override;

    QString databasePath() const { return m_path; }
    bool isRunning() const { return m_running; }

    /** Runs query (cancelling the one running): started, pageReady…, finished follow. */
    void run(const QString &query, const HuntRunOptions &options = {});
    /** Stops the running query; finished() reports Cancelled. */
    void cancel();

    /** The first error of query with its position (empty when it compiles). Fast; no I/O. */
    static QList<HuntProblem> check(const QString &query);
    static HuntCompletions completions(const QString &query, int cursor);
    /** The paragraph around cursor (between blank lines): [start, end). */
    static std::pair<int, int> blockAt(const QString &text, int cursor);
    /** A function's signature as shown: `bin(value, roundTo)`. */
    static QString signatureOf(const QString &function);
    /** value as a KQL string literal, quotes and backslashes escaped. */
    static QString stringLiteral(const QString &value);
    /**
     * What a GeoIP database file is ("MaxMind DB (GeoLite2-City)", "legacy GeoIP (country)"),
     * read by opening it as a run would; empty and *error (naming the file) when it cannot be.
     */
    static QString describeGeoIpDatabase(const QString &path, QString *error);
    /** The file used when none is chosen: $VIGIL_GEOIP_DB, else Debian's; empty without. */
    static QString defaultGeoIpDatabase();

    /** datetime(…) literal for ticks. */
    static QString dateTimeLiteral(qint64 ticks);
    /** Ticks of a QDateTime (Kusto's 100 ns since 0001-01-01Z). */
    static qint64 ticksOf(const QDateTime &time);

    /** A cell as Kusto prints it (datetimes with 7 decimals, …). */
    static QString cellText(const QVariant &value, KqlType type);
    /** One CSV field with the formula guard where the type needs it. */
    static QString csvField(const QString &text, KqlType type);
    /** The JSON document of `vigilctl hunt --format json`. */
    static QByteArray toJson(const QList<HuntColumn> &columns, const QList<HuntRow> &rows);
    /** The CSV of `vigilctl hunt --format csv`. */
    static QString toCsv(const QList<HuntColumn> &columns, const QList<HuntRow> &rows);

Q_SIGNALS:
    void started();
    /** The columns of the running query, before its first rows. */
    void columnsReady(const QList<Vigil::HuntColumn> &columns);
    /** Rows of the running query, in order, while it runs. */
    void pageReady(const QList<Vigil::HuntRow> &rows);
    void finished(const Vigil::HuntRunResult &result, qint64 elapsedMs);

private:
    QString m_path;
    std::unique_ptr<QThread> m_thread;
    QObject *m_worker = nullptr; ///< context object living on m_thread
    std::shared_ptr<Kql::HuntingRunner> m_runner; ///< used only on m_thread, but cancel()
    std::shared_ptr<std::atomic<quint64>> m_latest; ///< the run that may report
    struct WorkerFeeds;
    std::shared_ptr<WorkerFeeds> m_feeds; ///< externaldata's fetcher, used on m_thread only
    void cancelFetch();
    quint64 m_runId = 0;
    bool m_running = false;
};

} // namespace Vigil

Q_DECLARE_METATYPE(Vigil::HuntRow)
Q_DECLARE_METATYPE(Vigil::HuntColumn)
Q_DECLARE_METATYPE(Vigil::HuntRunResult)
