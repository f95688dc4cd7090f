#include "huntingrunner.h"

#include "binder.h"
#include "externaldata.h"
#include "huntingschema.h"
#include "kqlfunctions.h"
#include "kqltime.h"
#include "sqlcompiler.h"

#include <QDateTime>
#include <QElapsedTimer>

#include <sqlite3.h>

namespace Vigil::Kql {

namespace {

/** Every statement a hunting query may run only reads: deny anything else. */
int authorize(void *, int action, const char *table, const char *, const char *, const char *)
{
    switch (action) {
    case SQLITE_SELECT:
    case SQLITE_READ:
    case SQLITE_FUNCTION:
    case SQLITE_RECURSIVE:
        return SQLITE_OK;
    case SQLITE_UPDATE:
        // SQLite asks this when it sets up json_each (an eponymous virtual table) for a
        // statement; nothing is written, and the connection is read-only anyway.
        return table && qstrcmp(table, "sqlite_master") == 0 ? SQLITE_OK : SQLITE_DENY;
    default:
        return SQLITE_DENY;
    }
}

/** `set query_now = datetime(…)`: the value as written, datetime(…) or the bare text. */
std::optional<qint64> queryNow(const QList<std::pair<QString, QString>> &options)
{
    std::optional<qint64> ticks;
    for (const auto &[name, value] : options) {
        if (name != u"query_now")
            continue;
        QString text = value.trimmed();
        if (text.startsWith(QLatin1String("datetime("), Qt::CaseInsensitive)
            && text.endsWith(QLatin1Char(')')))
            text = text.mid(9, text.size() - 10);
        ticks = KqlTime::parseDateTime(text);
    }
    return ticks;
}

/** A result cell. A datetime outside Kusto's range (0001-01-01 to 9999-12-31, reached by
 *  arithmetic such as datetime(9999-12-31) + 1d) is null, and outOfRange says so. */
QVariant valueOf(sqlite3_stmt *stmt, int i, KqlType type, bool *outOfRange)
{
    const int kind = sqlite3_column_type(stmt, i);
    if (type == KqlType::DateTime && (kind == SQLITE_INTEGER || kind == SQLITE_FLOAT)) {
        // Integers compare exactly (a double would round the last ticks of 9999-12-31 away).
        bool outside = false;
        if (kind == SQLITE_FLOAT) {
            const double ticks = sqlite3_column_double(stmt, i);
            outside = !(ticks >= 0 && ticks <= double(KqlTime::MaxDateTimeTicks));
        } else {
            const qint64 ticks = sqlite3_column_int64(stmt, i);
            outside = ticks < 0 || ticks > KqlTime::MaxDateTimeTicks;
        }
        if (outside) {
            *outOfRange = true;
            return QVariant();
        }
    }
    if (kind == SQLITE_NULL)
        return type == KqlType::String || type == KqlType::Guid ? QVariant(QString()) : QVariant();
    switch (type) {
    case KqlType::Bool:
        return QVariant(sqlite3_column_int64(stmt, i) != 0);
    case KqlType::Int:
    case KqlType::Long:
    case KqlType::DateTime:
    case KqlType::TimeSpan:
        if (kind == SQLITE_FLOAT) // a value that does not fit (the kql_ functions wrap longs)
            return QVariant(qint64(sqlite3_column_double(stmt, i)));
        return QVariant(qint64(sqlite3_column_int64(stmt, i)));
    case KqlType::Real:
        return QVariant(sqlite3_column_double(stmt, i));
    case KqlType::Decimal: {
        // parse_version()'s value, held as 32 digits: the number they write.
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(stmt, i));
        QString digits = QString::fromUtf8(text, sqlite3_column_bytes(stmt, i));
        qsizetype zeros = 0;
        while (zeros + 1 < digits.size() && digits[zeros] == u'0')
            ++zeros;
        return QVariant(digits.mid(zeros));
    }
    default: {
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(stmt, i));
        return QVariant(QString::fromUtf8(text, sqlite3_column_bytes(stmt, i)));
    }
    }
}

void bindParameters(sqlite3_stmt *stmt, const QList<QVariant> &parameters)
{
    for (int i = 0; i < parameters.size(); ++i) {
        const QVariant &value = parameters[i];
        switch (value.typeId()) {
        case QMetaType::QByteArray: { // an externaldata feed's rows, as JSON
            const QByteArray bytes = value.toByteArray();
            sqlite3_bind_text64(stmt, i + 1, bytes.constData(), sqlite3_uint64(bytes.size()),
                                SQLITE_TRANSIENT, SQLITE_UTF8);
            break;
        }
        case QMetaType::LongLong:
        case QMetaType::Int:
            sqlite3_bind_int64(stmt, i + 1, value.toLongLong());
            break;
        case QMetaType::Double:
            sqlite3_bind_double(stmt, i + 1, value.toDouble());
            break;
        default: {
            const QByteArray text = value.toString().toUtf8();
            sqlite3_bind_text(stmt, i + 1, text.constData(), int(text.size()), SQLITE_TRANSIENT);
            break;
        }
        }
    }
}

/** The query's parameters with each externaldata feed's rows in its slot; nullopt and *error when
 *  a feed is missing. */
std::optional<QList<QVariant>> withFeeds(const CompiledQuery &compiled,
                                         const HuntingOptions &options, QString *error)
{
    QList<QVariant> parameters = compiled.parameters;
    if (compiled.externalData.isEmpty())
        return parameters;
    const ExternalFeeds none;
    const ExternalFeeds &feeds = options.feeds ? *options.feeds : none;
    for (const ExternalDataUse &use : compiled.externalData) {
        std::optional<QByteArray> rows = externalDataRows(use, feeds, error);
        if (!rows)
            return std::nullopt;
        parameters[use.parameter] = QVariant(*rows);
    }
    return parameters;
}

} // namespace

QString HuntingRunner::runProbe(const CompiledQuery &probe, const HuntingOptions &options,
                                qint64 now, qint64 deadlineMs, QStringList *values,
                                QStringList *types)
{
    QString error;
    if (!open(&error))
        return error;
    setKqlNow(m_db.load(), now);
    m_cancel = false;
    m_timedOut = false;
    m_deadlineMs = deadlineMs;
    sqlite3 *db = m_db.load();
    sqlite3_stmt *stmt = nullptr;
    const QByteArray sql = probe.sql.toUtf8();
    int rc = sqlite3_prepare_v3(db, sql.constData(), int(sql.size()), 0, &stmt, nullptr);
    const std::optional<QList<QVariant>> parameters = withFeeds(probe, options, &error);
    if (!parameters) {
        sqlite3_finalize(stmt);
        m_deadlineMs = 0;
        return error;
    }
    if (rc == SQLITE_OK) {
        bindParameters(stmt, *parameters);
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW && values->size() <= 100000) {
            const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0));
            values->append(QString::fromUtf8(text, sqlite3_column_bytes(stmt, 0)));
            if (types) {
                const auto *type = reinterpret_cast<const char *>(sqlite3_column_text(stmt, 1));
                types->append(QString::fromUtf8(type, sqlite3_column_bytes(stmt, 1)));
            }
        }
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        if (m_cancel)
            error = QStringLiteral("the query was cancelled");
        else if (m_timedOut || rc == SQLITE_INTERRUPT)
            error = QStringLiteral("the query ran longer than %1 s and was stopped")
                            .arg(options.timeoutMs / 1000.0);
        else
            error = QStringLiteral("reading the %1 failed: %2")
                            .arg(types ? QStringLiteral("slots of evaluate bag_unpack()")
                                       : QStringLiteral("values of evaluate pivot()"),
                                 QString::fromUtf8(sqlite3_errmsg(db)));
    }
    sqlite3_finalize(stmt);
    m_deadlineMs = 0;
    return error;
}

HuntingRunner::HuntingRunner(QString databasePath)
    : m_path(std::move(databasePath))
{ }

HuntingRunner::~HuntingRunner()
{
    sqlite3_close(m_db.load());
}

std::optional<RenderSpec> HuntingRunner::renderOf(const Node *result)
{
    if (!result || result->kind != NodeKind::Pipeline || result->count() < 2)
        return std::nullopt;
    const Node *last = result->kid(result->count() - 1);
    if (last->kind != NodeKind::OpRender)
        return std::nullopt;
    return RenderSpec{last->text, last->options};
}

qint64 HuntingRunner::nowTicks()
{
    constexpr qint64 unixEpochTicks = 621355968000000000LL;
    return unixEpochTicks + QDateTime::currentMSecsSinceEpoch() * 10000;
}

bool HuntingRunner::open(QString *error)
{
    if (m_db.load())
        return true;
    const QByteArray path = m_path.toUtf8();
    sqlite3 *db = nullptr;
    // FULLMUTEX: cancel() calls sqlite3_interrupt from another thread.
    const int rc = sqlite3_open_v2(path.constData(), &db,
                                   SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        if (error)
            *error = QStringLiteral("cannot open %1 for hunting: %2")
                             .arg(m_path,
                                  QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
        sqlite3_close(db);
        return false;
    }
    sqlite3_busy_timeout(db, 5000);
    // A name in double quotes is a name: SQLite would otherwise read one it does not know as a
    // string, turning a compiler slip into a wrong value instead of an error.
    sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DML, 0, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DDL, 0, nullptr);
    KqlFunctionOptions functions;
    functions.geoIpDatabase = m_geoIpDatabase;
    if (registerKqlFunctions(db, functions) != SQLITE_OK) {
        if (error)
            *error = QStringLiteral("cannot register the KQL functions: %1")
                             .arg(QString::fromUtf8(sqlite3_errmsg(db)));
        sqlite3_close(db);
        return false;
    }
    // Writes are impossible on a read-only connection already; the authorizer also refuses
    // ATTACH, PRAGMA and anything else that is not a read, whatever SQL reaches it.
    sqlite3_set_authorizer(db, authorize, nullptr);
    sqlite3_progress_handler(db, 10000, progress, this);
    m_db = db;
    return true;
}

void HuntingRunner::cancel()
{
    m_cancel = true;
    if (sqlite3 *db = m_db.load())
        sqlite3_interrupt(db);
}

int HuntingRunner::progress(void *self)
{
    auto *runner = static_cast<HuntingRunner *>(self);
    if (runner->m_cancel)
        return 1;
    if (runner->m_deadlineMs > 0 && QDateTime::currentMSecsSinceEpoch() > runner->m_deadlineMs) {
        runner->m_timedOut = true;
        return 1;
    }
    return 0;
}

HuntingResult HuntingRunner::run(QStringView query, const HuntingOptions &options,
                                 const PageHandler &onPage)
{
    HuntingResult result;
    QElapsedTimer timer;
    timer.start();
    const qint64 deadlineMs
            = options.timeoutMs > 0 ? QDateTime::currentMSecsSinceEpoch() + options.timeoutMs : 0;
    const qint64 wallClock = nowTicks(); // now() is one instant for the whole query
    AnalyzeOptions analyzeOptions;
    analyzeOptions.pivotProbe = true;
    QueryAnalysis analysis = analyzeQuery(query, HuntingSchema::defender(), analyzeOptions);
    // evaluate pivot(): its columns are the values of its column, read with a first query;
    // evaluate bag_unpack() without declared columns: the slots of its bags and their types.
    for (int probes = 0; analysis.ok() && analysis.pivotProbe; ++probes) {
        constexpr int maxPivots = 16;
        constexpr qsizetype maxPivotColumns = 1000;
        const Node *pivot = analysis.pivotProbe;
        const bool bag = pivot->kid(0)->text == u"bag_unpack";
        KqlError error;
        const std::optional<CompiledQuery> probe = probes < maxPivots
                                                           ? compilePivotProbe(analysis, &error)
                                                           : std::optional<CompiledQuery>();
        if (!probe) {
            result.status = HuntingResult::Status::Refused;
            result.refusal = probes < maxPivots
                                     ? error
                                     : KqlError{QStringLiteral("the query has more than %1 "
                                                               "pivots and bag_unpacks without "
                                                               "declared columns")
                                                        .arg(maxPivots),
                                                pivot->pos};
            return result;
        }
        QStringList values;
        QStringList types;
        const std::optional<qint64> pinned = queryNow(analysis.setOptions);
        const QString failed
                = runProbe(*probe, options,
                           options.asOfTicks ? *options.asOfTicks : pinned.value_or(wallClock),
                           deadlineMs, &values, bag ? &types : nullptr);
        if (!failed.isEmpty()) {
            result.status = m_cancel ? HuntingResult::Status::Cancelled
                                     : (m_timedOut ? HuntingResult::Status::TimedOut
                                                   : HuntingResult::Status::Failed);
            result.error = failed;
            return result;
        }
        if (values.size() > maxPivotColumns) {
            result.status = HuntingResult::Status::Refused;
            result.refusal = {bag ? QStringLiteral("evaluate bag_unpack() would make %1 columns; "
                                                   "at most %2 can run (filter the rows first, "
                                                   "or declare the columns: bag_unpack(x) : "
                                                   "(Name:type, …))")
                                              .arg(values.size())
                                              .arg(maxPivotColumns)
                                  : QStringLiteral("evaluate pivot() would make %1 columns; at "
                                                   "most %2 can run (filter the rows first)")
                                              .arg(values.size())
                                              .arg(maxPivotColumns),
                              pivot->pos};
            return result;
        }
        if (bag) {
            // gettype()'s names; a bag or an array (or values of several kinds) is dynamic.
            RowSchema found;
            for (qsizetype i = 0; i < values.size(); ++i) {
                const QString &type = types.value(i);
                const KqlType t = type == u"long"     ? KqlType::Long
                                  : type == u"real"   ? KqlType::Real
                                  : type == u"string" ? KqlType::String
                                  : type == u"bool"   ? KqlType::Bool
                                                      : KqlType::Dynamic;
                found.append({values[i], t});
            }
            analyzeOptions.bagColumns.insert(pivot->pos.offset, found);
        } else {
            analyzeOptions.pivotValues.insert(pivot->pos.offset, values);
        }
        analysis = analyzeQuery(query, HuntingSchema::defender(), analyzeOptions);
    }
    if (!analysis.ok()) {
        result.status = HuntingResult::Status::Refused;
        result.refusal = analysis.errors.first();
        return result;
    }
    result.warnings = analysis.warnings;
    result.render = renderOf(analysis.result);
    if (analysis.open) {
        result.status = HuntingResult::Status::Refused;
        // Not reached: the first reads above give every such operator its columns.
        result.refusal = {QStringLiteral("internal error: the columns of a bag_unpack or pivot "
                                         "were not read from the data; please report this query"),
                          analysis.result ? analysis.result->pos : SourcePos()};
        return result;
    }
    KqlError error;
    const std::optional<CompiledQuery> compiled = compileToSql(analysis, &error);
    result.compileMicros = timer.nsecsElapsed() / 1000;
    if (!compiled) {
        result.status = HuntingResult::Status::Refused;
        result.refusal = error;
        return result;
    }
    result.columns = compiled->columns;
    result.sql = compiled->sql;
    QString openError;
    if (!open(&openError)) {
        result.status = HuntingResult::Status::Failed;
        result.error = openError;
        return result;
    }
    const std::optional<qint64> pinned = queryNow(analysis.setOptions);
    setKqlNow(m_db.load(), options.asOfTicks ? *options.asOfTicks : pinned.value_or(wallClock));
    m_cancel = false;
    m_timedOut = false;
    m_deadlineMs = deadlineMs;
    sqlite3_stmt *stmt = nullptr;
    const QByteArray sql = compiled->sql.toUtf8();
    sqlite3 *db = m_db.load();
    int rc = sqlite3_prepare_v3(db, sql.constData(), int(sql.size()), 0, &stmt, nullptr);
    auto failure = [&](int code) {
        if (m_cancel) {
            result.status = HuntingResult::Status::Cancelled;
            result.error = QStringLiteral("the query was cancelled");
        } else if (m_timedOut || code == SQLITE_INTERRUPT) {
            result.status = HuntingResult::Status::TimedOut;
            result.error = QStringLiteral("the query ran longer than %1 s and was stopped; raise "
                                          "the time limit or narrow the query (a time filter "
                                          "first)")
                                   .arg(options.timeoutMs / 1000.0);
        } else {
            result.status = HuntingResult::Status::Failed;
            const QString message = QString::fromUtf8(sqlite3_errmsg(db));
            if (message.contains(QLatin1String("stack overflow"))
                || message.contains(QLatin1String("too large")))
                result.error = QStringLiteral("the query is nested too deeply to run (%1): split "
                                              "long expressions, e.g. a chain of + into "
                                              "several extend steps, or a list into in (…)")
                                       .arg(message);
            else
                result.error = QStringLiteral("the query failed: %1").arg(message);
        }
    };
    if (rc != SQLITE_OK) {
        failure(rc);
        sqlite3_finalize(stmt);
        m_deadlineMs = 0;
        return result;
    }
    QString feedError;
    const std::optional<QList<QVariant>> parameters = withFeeds(*compiled, options, &feedError);
    if (!parameters) {
        result.status = HuntingResult::Status::Failed;
        result.error = feedError;
        sqlite3_finalize(stmt);
        m_deadlineMs = 0;
        return result;
    }
    if (!compiled->externalData.isEmpty()) {
        const ExternalFeeds none;
        const ExternalFeeds &feeds = options.feeds ? *options.feeds : none;
        const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
        for (const QString &url : externalDataUrls(*compiled)) {
            const ExternalFeed feed = feeds.value(url);
            if (!feed.fromCache)
                continue;
            result.warnings.append(
                    QStringLiteral("externaldata: %1 is the cached copy fetched %2 UTC (%3 old, "
                                   "%4 bytes)%5")
                            .arg(url,
                                 QDateTime::fromMSecsSinceEpoch(feed.fetchedAtMs, Qt::UTC)
                                         .toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                 feedAgeText(nowMs - feed.fetchedAtMs))
                            .arg(feed.data.size())
                            .arg(feed.problem.isEmpty() ? QString()
                                                        : QStringLiteral(": ") + feed.problem));
            result.feedAgeMs = std::max(result.feedAgeMs, nowMs - feed.fetchedAtMs);
        }
    }
    bindParameters(stmt, *parameters);
    takeKqlNaN(db); // what an earlier query left
    QList<HuntingRow> page;
    const int pageSize = std::max(1, options.pageSize);
    const int width = int(compiled->columns.size());
    bool stopped = false;
    bool datetimeOutOfRange = false;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (result.rows >= options.rowLimit) {
            result.truncated = true;
            break;
        }
        HuntingRow row;
        row.reserve(width);
        for (int c = 0; c < width; ++c)
            row.append(valueOf(stmt, c, compiled->columns[c].type, &datetimeOutOfRange));
        page.append(std::move(row));
        ++result.rows;
        if (page.size() >= pageSize) {
            if (onPage && !onPage(page)) {
                stopped = true;
                page.clear();
                break;
            }
            page.clear();
        }
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        failure(rc);
    } else if (!page.isEmpty() && onPage && !stopped) {
        onPage(page);
    }
    sqlite3_finalize(stmt);
    m_deadlineMs = 0;
    if (datetimeOutOfRange)
        result.warnings.append(QStringLiteral(
                "a datetime in the result is outside Kusto's range (0001-01-01 to 9999-12-31), "
                "reached by arithmetic such as datetime(9999-12-31) + 1d: it is shown as null"));
    if (takeKqlNaN(db))
        result.warnings.append(QStringLiteral(
                "the query computed a real that Kusto gives as NaN (such as 0.0/0.0 or "
                "todouble(\"NaN\")): the store holds no NaN, so it is null here (isnull() is "
                "true for it, and it shows empty)"));
    return result;
}

} // namespace Vigil::Kql
