#include "huntingcontroller.h"

#include "binder.h"
#include "externaldata.h"
#include "feedfetcher.h"
#include "huntingformat.h"
#include "huntingrunner.h"
#include "kqlassist.h"
#include "kqlgeoip.h"
#include "kqltime.h"
#include "sqlcompiler.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QThread>

namespace Vigil {

namespace {

QList<Kql::HuntingFormat::OutColumn> outColumns(const QList<HuntColumn> &columns)
{
    QList<Kql::HuntingFormat::OutColumn> out;
    out.reserve(columns.size());
    for (const HuntColumn &c : columns)
        out.append({c.name, c.type});
    return out;
}

/** An error at a position, with the length of the word there (at least one character). */
HuntProblem problemOf(const QString &query, const Kql::KqlError &error)
{
    HuntProblem problem;
    problem.message = error.message;
    problem.line = error.pos.line;
    problem.column = error.pos.column;
    problem.offset = std::clamp(error.pos.offset, 0, int(query.size()));
    int end = problem.offset;
    while (end < query.size() && (query[end].isLetterOrNumber() || query[end] == u'_'))
        ++end;
    problem.length = std::max(1, end - problem.offset);
    return problem;
}

HuntRunResult resultOf(const QString &query, const Kql::HuntingResult &r, qint64 rowLimit)
{
    HuntRunResult out;
    out.status = HuntRunResult::Status(int(r.status));
    for (const Kql::Column &c : r.columns)
        out.columns.append({c.name, c.type});
    out.rows = r.rows;
    out.truncated = r.truncated;
    out.rowLimit = rowLimit;
    if (r.status == Kql::HuntingResult::Status::Refused)
        out.refusal = problemOf(query, r.refusal);
    out.error = r.error;
    out.warnings = r.warnings;
    out.feedAgeMs = r.feedAgeMs;
    if (r.render)
        out.render = HuntRender{r.render->kind, r.render->properties};
    return out;
}

} // namespace

/** The worker thread's feed fetcher: a child of the worker object, used on that thread only. */
struct HuntingController::WorkerFeeds
{
    FeedFetcher *fetcher = nullptr;
};

HuntingController::HuntingController(QString databasePath, QObject *parent)
    : QObject(parent)
    , m_path(std::move(databasePath))
    , m_latest(std::make_shared<std::atomic<quint64>>(0))
    , m_feeds(std::make_shared<WorkerFeeds>())
{
    qRegisterMetaType<Vigil::HuntRow>();
    qRegisterMetaType<QList<Vigil::HuntColumn>>();
    qRegisterMetaType<QList<Vigil::HuntRow>>();
    qRegisterMetaType<Vigil::HuntRunResult>();
}

HuntingController::~HuntingController()
{
    if (m_thread) {
        *m_latest = 0;
        if (m_runner)
            m_runner->cancel();
        m_thread->quit();
        m_thread->wait();
        // The runner's connection is closed here, after its thread has stopped using it.
        m_runner.reset();
    }
}

QString HuntingController::describeGeoIpDatabase(const QString &path, QString *error)
{
    const std::unique_ptr<KqlGeoIp> db = KqlGeoIp::open(path, error);
    return db ? db->describe() : QString();
}

QString HuntingController::defaultGeoIpDatabase()
{
    return KqlGeoIp::defaultPath();
}

void HuntingController::run(const QString &query, const HuntRunOptions &options)
{
    if (!m_thread) {
        m_thread = std::make_unique<QThread>();
        m_thread->setObjectName(QStringLiteral("hunting"));
        m_worker = new QObject;
        m_worker->moveToThread(m_thread.get());
        connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
        m_runner = std::make_shared<Kql::HuntingRunner>(m_path);
        m_thread->start();
    } else if (m_running && m_runner) {
        m_runner->cancel();
        cancelFetch();
    }
    // A runner opens its GeoIP database once: another database needs another runner (a run
    // still holding the old one keeps it until it ends).
    if (m_runner->geoIpDatabase() != options.geoIpDatabase) {
        m_runner = std::make_shared<Kql::HuntingRunner>(m_path);
        m_runner->setGeoIpDatabase(options.geoIpDatabase);
    }
    const quint64 id = ++m_runId;
    *m_latest = id;
    m_running = true;
    Q_EMIT started();
    Kql::HuntingOptions runOptions;
    runOptions.asOfTicks = options.asOfTicks;
    runOptions.rowLimit = options.rowLimit;
    runOptions.timeoutMs = options.timeoutMs;
    runOptions.pageSize = options.pageSize;
    const std::shared_ptr<Kql::HuntingRunner> runner = m_runner;
    const std::shared_ptr<std::atomic<quint64>> latest = m_latest;
    const QString path = m_path;
    const std::shared_ptr<WorkerFeeds> feeds = m_feeds;
    QMetaObject::invokeMethod(m_worker, [this, runner, latest, id, query, runOptions, path, feeds] {
        if (*latest != id)
            return; // a newer run replaced this one before it started
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        auto report = [this, id, query, runOptions, timer](const Kql::HuntingResult &result) {
            const HuntRunResult out = resultOf(query, result, runOptions.rowLimit);
            const qint64 elapsed = timer->elapsed();
            QMetaObject::invokeMethod(
                    this,
                    [this, id, out, elapsed] {
                        if (id != m_runId)
                            return;
                        m_running = false;
                        Q_EMIT finished(out, elapsed);
                    },
                    Qt::QueuedConnection);
        };
        auto execute = [this, runner, latest, id, query, runOptions,
                        report](std::shared_ptr<const Kql::ExternalFeeds> fetched) {
            Kql::HuntingOptions withFeeds = runOptions;
            withFeeds.feeds = std::move(fetched);
            report(runner->run(query, withFeeds,
                               [this, latest, id](const QList<Kql::HuntingRow> &page) {
                                   if (*latest != id)
                                       return false;
                                   QMetaObject::invokeMethod(
                                           this,
                                           [this, id, page] {
                                               if (id == m_runId)
                                                   Q_EMIT pageReady(page);
                                           },
                                           Qt::QueuedConnection);
                                   return true;
                               }));
        };
        if (!QFileInfo::exists(path)) {
            // Checked before the data: a refusal says so even without data.
            Kql::HuntingResult result;
            const QList<HuntProblem> problems = check(query);
            if (!problems.isEmpty()) {
                result.status = Kql::HuntingResult::Status::Refused;
                result.refusal = {
                        problems.first().message,
                        {problems.first().offset, problems.first().line, problems.first().column}};
            } else {
                result.status = Kql::HuntingResult::Status::Failed;
                result.error = QStringLiteral("there are no hunting events yet: import a file "
                                              "(File → Import hunting data) or connect the "
                                              "storage account on the connector page");
            }
            report(result);
            return;
        }
        // The grid needs the columns before the first page: the front end gives them at
        // once (the runner checks the query again, which costs far less than its rows).
        const Kql::QueryAnalysis analysis = Kql::analyzeQuery(query, HuntingSchema::defender());
        Kql::KqlError error;
        const auto compiled = analysis.ok() && !analysis.open ? Kql::compileToSql(analysis, &error)
                                                              : std::nullopt;
        if (compiled) {
            QList<HuntColumn> columns;
            for (const Kql::Column &c : compiled->columns)
                columns.append({c.name, c.type});
            QMetaObject::invokeMethod(
                    this,
                    [this, id, columns] {
                        if (id == m_runId)
                            Q_EMIT columnsReady(columns);
                    },
                    Qt::QueuedConnection);
        }
        const QStringList urls = compiled ? Kql::externalDataUrls(*compiled) : QStringList();
        if (urls.isEmpty()) {
            execute(nullptr);
            return;
        }
        // externaldata: its feeds first, fetched on this thread without blocking it (Cancel
        // reaches the fetch through the event loop), then the query over them.
        const QString dataDir = QFileInfo(path).absolutePath();
        if (!feeds->fetcher)
            feeds->fetcher = new FeedFetcher(dataDir, m_worker);
        feeds->fetcher->fetch(
                urls, FeedSettings::load(dataDir),
                [latest, id, execute, report](const Kql::ExternalFeeds &fetched, bool cancelled) {
                    if (*latest != id)
                        return;
                    if (cancelled) {
                        Kql::HuntingResult result;
                        result.status = Kql::HuntingResult::Status::Cancelled;
                        result.error = QStringLiteral("the query was cancelled while its "
                                                      "externaldata was fetched");
                        report(result);
                        return;
                    }
                    execute(std::make_shared<const Kql::ExternalFeeds>(fetched));
                });
    });
}

void HuntingController::cancel()
{
    if (m_running && m_runner) {
        m_runner->cancel();
        cancelFetch();
    }
}

void HuntingController::cancelFetch()
{
    const std::shared_ptr<WorkerFeeds> feeds = m_feeds;
    QMetaObject::invokeMethod(m_worker, [feeds] {
        if (feeds->fetcher)
            feeds->fetcher->cancel();
    });
}

QList<HuntProblem> HuntingController::check(const QString &query)
{
    const Kql::QueryAnalysis analysis = Kql::analyzeQuery(query, HuntingSchema::defender());
    if (!analysis.ok())
        return {problemOf(query, analysis.errors.first())};
    // bag_unpack or pivot without declared columns: their columns come from the data, which the
    // run reads first; without it the rest cannot be compiled here.
    if (analysis.open)
        return {};
    Kql::KqlError error;
    if (!Kql::compileToSql(analysis, &error))
        return {problemOf(query, error)};
    return {};
}

HuntCompletions HuntingController::completions(const QString &query, int cursor)
{
    const Kql::KqlCompletions found = Kql::kqlCompletions(query, cursor, HuntingSchema::defender());
    HuntCompletions out;
    out.start = found.start;
    out.length = found.length;
    out.items.reserve(found.items.size());
    for (const Kql::KqlCompletion &item : found.items)
        out.items.append({item.text, HuntCompletion::Kind(int(item.kind)), item.detail});
    return out;
}

std::pair<int, int> HuntingController::blockAt(const QString &text, int cursor)
{
    return Kql::kqlBlockAt(text, cursor);
}

QString HuntingController::signatureOf(const QString &function)
{
    return Kql::kqlSignatureText(function, false);
}

QString HuntingController::stringLiteral(const QString &value)
{
    return Kql::kqlStringLiteral(value);
}

QString HuntingController::dateTimeLiteral(qint64 ticks)
{
    return QStringLiteral("datetime(%1)").arg(KqlTime::formatDateTime(ticks));
}

qint64 HuntingController::ticksOf(const QDateTime &time)
{
    constexpr qint64 unixEpochTicks = 621355968000000000LL;
    return unixEpochTicks + time.toMSecsSinceEpoch() * 10000;
}

QString HuntingController::cellText(const QVariant &value, KqlType type)
{
    return Kql::HuntingFormat::cellText(value, type);
}

QString HuntingController::csvField(const QString &text, KqlType type)
{
    return Kql::HuntingFormat::csvCell(text, Kql::HuntingFormat::needsFormulaGuard(type));
}

QByteArray HuntingController::toJson(const QList<HuntColumn> &columns, const QList<HuntRow> &rows)
{
    return Kql::HuntingFormat::toJson(outColumns(columns), rows);
}

QString HuntingController::toCsv(const QList<HuntColumn> &columns, const QList<HuntRow> &rows)
{
    return Kql::HuntingFormat::toCsv(outColumns(columns), rows);
}

} // namespace Vigil
