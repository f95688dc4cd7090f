#include "kqlfunctions.h"

#include "kqlgeoip.h"
#include "kqlsqlitesupport.h"
#include "kqltime.h"

#include <QDateTime>

#include <re2/re2.h>

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace Vigil {

namespace KqlSqlite {

KqlJson dynamicArg(sqlite3_value *v)
{
    switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER:
        return KqlJson::fromLong(sqlite3_value_int64(v));
    case SQLITE_FLOAT:
        return KqlJson::fromReal(sqlite3_value_double(v));
    case SQLITE_TEXT: {
        const std::string_view s = text(v);
        if (auto parsed = KqlJson::parse(s))
            return std::move(*parsed);
        return KqlJson::fromString(std::string(s));
    }
    default:
        return KqlJson::null();
    }
}

KqlJson anyArg(sqlite3_value *v)
{
    if (sqlite3_value_type(v) == SQLITE_TEXT && !isJson(v))
        return KqlJson::fromString(std::string(text(v)));
    return dynamicArg(v);
}

std::optional<double> realArg(sqlite3_value *v)
{
    switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER:
        return double(sqlite3_value_int64(v));
    case SQLITE_FLOAT:
        return sqlite3_value_double(v);
    case SQLITE_TEXT: {
        const std::string_view s = text(v);
        double value = 0;
        const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value);
        if (end != s.data() + s.size() || s.empty())
            return std::nullopt;
        if (error == std::errc::result_out_of_range)
            return std::strtod(std::string(s).c_str(), nullptr);
        return error == std::errc() ? std::optional(value) : std::nullopt;
    }
    default:
        return std::nullopt;
    }
}

std::optional<qint64> longArg(sqlite3_value *v)
{
    switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER:
        return sqlite3_value_int64(v);
    case SQLITE_FLOAT: {
        const double d = sqlite3_value_double(v);
        if (!std::isfinite(d) || d >= 9.2233720368547758e18 || d < -9.2233720368547758e18)
            return std::nullopt;
        return qint64(d);
    }
    case SQLITE_TEXT: {
        const std::string_view s = text(v);
        qint64 value = 0;
        const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value);
        if (error == std::errc() && end == s.data() + s.size() && !s.empty())
            return value;
        return std::nullopt;
    }
    default:
        return std::nullopt;
    }
}

void resultText(sqlite3_context *ctx, std::string_view value)
{
    sqlite3_result_text64(ctx, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}

void resultJson(sqlite3_context *ctx, const KqlJson &value)
{
    if (value.isNull()) {
        sqlite3_result_null(ctx);
        return;
    }
    const std::string text = value.serialize();
    sqlite3_result_text64(ctx, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    sqlite3_result_subtype(ctx, JsonSubtype);
}

void resultReal(sqlite3_context *ctx, double value)
{
    // SQLite turns NaN into NULL on its own; say so explicitly, and note it for the warning.
    if (std::isnan(value)) {
        if (Context *c = context(ctx))
            c->producedNaN = true;
        sqlite3_result_null(ctx);
    } else
        sqlite3_result_double(ctx, value);
}

void resultBool(sqlite3_context *ctx, bool value)
{
    sqlite3_result_int(ctx, value ? 1 : 0);
}

RegexArg::RegexArg(sqlite3_context *ctx, sqlite3_value **argv, int i)
    : m_ctx(ctx)
    , m_index(i)
{
    m_regex = static_cast<const re2::RE2 *>(sqlite3_get_auxdata(ctx, i));
    if (m_regex)
        return;
    const std::string_view pattern = text(argv[i]);
    re2::RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(int64_t(64) << 20);
    m_owned = new re2::RE2(re2::StringPiece(pattern.data(), pattern.size()), options);
    if (!m_owned->ok()) {
        const std::string message = "invalid regular expression (RE2 syntax): " + m_owned->error();
        sqlite3_result_error(ctx, message.c_str(), int(message.size()));
        delete m_owned;
        m_owned = nullptr;
        return;
    }
    m_regex = m_owned;
}

RegexArg::~RegexArg()
{
    // Handed to SQLite only after use: it may free it at once (see SQLite's own regexp.c).
    if (m_owned)
        sqlite3_set_auxdata(m_ctx, m_index, m_owned,
                            [](void *p) { delete static_cast<re2::RE2 *>(p); });
}

int addScalar(sqlite3 *db, Context *c, const char *name, int argc, ScalarFn fn, bool deterministic)
{
    const int flags = SQLITE_UTF8 | SQLITE_INNOCUOUS | (deterministic ? SQLITE_DETERMINISTIC : 0)
                      | SQLITE_SUBTYPE;
    return sqlite3_create_function_v2(db, name, argc, flags, c, fn, nullptr, nullptr, nullptr);
}

} // namespace KqlSqlite

namespace {

using namespace KqlSqlite;

/** kql_raise_error(message): fails the statement with the message (the compiler's runtime
 * checks; no KQL function has this name). */
void raiseError(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const std::string_view message = text(argv[0]);
    sqlite3_result_error(ctx, message.data(), int(message.size()));
}

void setNow(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    if (auto v = longArg(argv[0]))
        context(ctx)->nowTicks = *v;
    sqlite3_result_null(ctx);
}

/** kql_take_nan(): whether a result was NaN since the last call (then forgets it). */
void takeNaN(sqlite3_context *ctx, int, sqlite3_value **)
{
    Context *c = context(ctx);
    sqlite3_result_int(ctx, c->producedNaN ? 1 : 0);
    c->producedNaN = false;
}

} // namespace

int registerKqlFunctions(sqlite3 *db, const KqlFunctionOptions &options)
{
    auto *c = new Context;
    c->geoIpPath = options.geoIpDatabase;
    const qint64 msecs = QDateTime::currentMSecsSinceEpoch();
    c->nowTicks = KqlTime::UnixEpochTicks + msecs * KqlTime::TicksPerMillisecond;
    // The context lives as long as this function: SQLite frees it when the connection closes.
    int rc = sqlite3_create_function_v2(db, "kql_set_now", 1, SQLITE_UTF8 | SQLITE_DIRECTONLY, c,
                                        setNow, nullptr, nullptr,
                                        [](void *p) { delete static_cast<Context *>(p); });
    if (rc != SQLITE_OK)
        return rc;
    rc = sqlite3_create_function_v2(db, "kql_take_nan", 0, SQLITE_UTF8 | SQLITE_DIRECTONLY, c,
                                    takeNaN, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        return rc;
    rc = addScalar(db, c, "kql_raise_error", 1, raiseError);
    if (rc != SQLITE_OK)
        return rc;
    for (auto reg : {registerStringFunctions, registerTimeFunctions, registerDynamicFunctions,
                     registerMathFunctions, registerParseFunctions, registerAggregates,
                     registerSeriesFunctions, registerGeoFunctions, registerParseTextFunctions}) {
        rc = reg(db, c);
        if (rc != SQLITE_OK)
            return rc;
    }
    return SQLITE_OK;
}

bool takeKqlNaN(sqlite3 *db)
{
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT kql_take_nan()", -1, &stmt, nullptr) != SQLITE_OK)
        return false;
    const bool produced = sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_int(stmt, 0) != 0;
    sqlite3_finalize(stmt);
    return produced;
}

bool setKqlNow(sqlite3 *db, qint64 ticks)
{
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT kql_set_now(?)", -1, &stmt, nullptr) != SQLITE_OK)
        return false;
    sqlite3_bind_int64(stmt, 1, ticks);
    const bool ok = sqlite3_step(stmt) == SQLITE_ROW;
    sqlite3_finalize(stmt);
    return ok;
}

} // namespace Vigil
