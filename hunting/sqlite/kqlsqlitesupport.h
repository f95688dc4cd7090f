#pragma once

#include "kqljson.h"

#include <QString>

#include <sqlite3.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace re2 {
class RE2;
}

namespace Vigil {
class KqlGeoIp;
}

/**
 * What the kql_* SQLite functions share: reading arguments in the storage encoding of
 * core/huntingschema.h, returning results in it, and caching per-statement state (compiled
 * regular expressions, term sets) with sqlite3_get_auxdata. Internal to vigil_kqlsqlite.
 */
namespace Vigil::KqlSqlite {

/** The subtype that marks a TEXT argument as JSON (a dynamic value), the one SQLite's JSON1 uses.
 */
constexpr unsigned int JsonSubtype = 74; // 'J'

/** Per-connection state, the user data of every function. */
struct Context
{
    qint64 nowTicks = 0;
    /** A result was NaN and became null (the store holds no NaN); takeKqlNaN() reads it. */
    bool producedNaN = false;
    /** geo_info_from_ip_address()'s database: opened at its first call (KqlGeoIp::open). */
    QString geoIpPath; ///< empty: KqlGeoIp::defaultPath()
    bool geoOpened = false;
    std::shared_ptr<const KqlGeoIp> geo;
    std::string geoError;
};

inline Context *context(sqlite3_context *ctx)
{
    return static_cast<Context *>(sqlite3_user_data(ctx));
}

/** A string argument: NULL reads as "" (a KQL string is never null). */
inline std::string_view text(sqlite3_value *v)
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_value_text(v));
    return p ? std::string_view(p, size_t(sqlite3_value_bytes(v))) : std::string_view();
}

inline bool isNull(sqlite3_value *v)
{
    return sqlite3_value_type(v) == SQLITE_NULL;
}

inline bool isJson(sqlite3_value *v)
{
    return sqlite3_value_type(v) == SQLITE_TEXT && sqlite3_value_subtype(v) == JsonSubtype;
}

/** An argument of type dynamic: JSON text (text that is not JSON is a JSON string), or null. */
KqlJson dynamicArg(sqlite3_value *v);
/**
 * An argument of any KQL type, as it goes into a dynamic value: TEXT is a string unless it is
 * marked JSON (kql_dyn()), INTEGER a long, REAL a real, NULL null.
 */
KqlJson anyArg(sqlite3_value *v);
/** A number argument as a real (TEXT parsed as a number), or nullopt. */
std::optional<double> realArg(sqlite3_value *v);
/** An integer argument (REAL truncated, TEXT parsed), or nullopt. */
std::optional<qint64> longArg(sqlite3_value *v);

void resultText(sqlite3_context *ctx, std::string_view value);
/** A dynamic result: compact JSON marked with JsonSubtype; a JSON null is SQL NULL. */
void resultJson(sqlite3_context *ctx, const KqlJson &value);
void resultReal(sqlite3_context *ctx, double value);
void resultBool(sqlite3_context *ctx, bool value);

/**
 * The compiled RE2 of the pattern in argument i, cached for the statement when the pattern is
 * constant. Reports an SQL error and returns nullptr when the pattern is not valid RE2.
 */
class RegexArg
{
public:
    RegexArg(sqlite3_context *ctx, sqlite3_value **argv, int i);
    ~RegexArg();
    RegexArg(const RegexArg &) = delete;
    RegexArg &operator=(const RegexArg &) = delete;

    const re2::RE2 *get() const { return m_regex; }

private:
    sqlite3_context *m_ctx;
    int m_index;
    const re2::RE2 *m_regex = nullptr;
    re2::RE2 *m_owned = nullptr;
};

/** A per-statement cache of a value built from argument i (a term set, a parsed list). */
template<typename T, typename Build>
T *auxCached(sqlite3_context *ctx, int i, Build build)
{
    if (auto *cached = static_cast<T *>(sqlite3_get_auxdata(ctx, i)))
        return cached;
    T *made = build();
    sqlite3_set_auxdata(ctx, i, made, [](void *p) { delete static_cast<T *>(p); });
    // SQLite may refuse to keep it (and deletes it at once): ask again.
    return static_cast<T *>(sqlite3_get_auxdata(ctx, i));
}

/** Registration helpers (flags: SQLITE_UTF8, deterministic where true, innocuous). */
using ScalarFn = void (*)(sqlite3_context *, int, sqlite3_value **);
int addScalar(sqlite3 *db, Context *c, const char *name, int argc, ScalarFn fn,
              bool deterministic = true);

int registerStringFunctions(sqlite3 *db, Context *c);
int registerTimeFunctions(sqlite3 *db, Context *c);
int registerDynamicFunctions(sqlite3 *db, Context *c);
int registerMathFunctions(sqlite3 *db, Context *c);
int registerParseFunctions(sqlite3 *db, Context *c);
int registerAggregates(sqlite3 *db, Context *c);
int registerSeriesFunctions(sqlite3 *db, Context *c);
int registerGeoFunctions(sqlite3 *db, Context *c);
int registerParseTextFunctions(sqlite3 *db, Context *c);

} // namespace Vigil::KqlSqlite
