#include "kqlgeoip.h"

#include "kqlsqlitesupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <GeoIP.h>
#include <GeoIPCity.h>
#include <arpa/inet.h>
#include <maxminddb.h>
#include <netinet/in.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <mutex>

namespace Vigil {

namespace {

/** The address as a socket address, only for the strict textual forms (no "127.1"). */
bool parseAddress(std::string_view text, sockaddr_storage *out)
{
    if (text.empty() || text.size() > 64)
        return false;
    const std::string s(text);
    std::memset(out, 0, sizeof(*out));
    auto *v4 = reinterpret_cast<sockaddr_in *>(out);
    if (inet_pton(AF_INET, s.c_str(), &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        return true;
    }
    auto *v6 = reinterpret_cast<sockaddr_in6 *>(out);
    if (inet_pton(AF_INET6, s.c_str(), &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        return true;
    }
    return false;
}

/** Kusto's bag: country, state, city, latitude, longitude, each only when known. */
KqlJson makeBag(const std::string &country, const std::string &state, const std::string &city,
                std::optional<double> latitude, std::optional<double> longitude)
{
    KqlJson bag = KqlJson::object();
    if (!country.empty())
        bag.setMember("country", KqlJson::fromString(country));
    if (!state.empty())
        bag.setMember("state", KqlJson::fromString(state));
    if (!city.empty())
        bag.setMember("city", KqlJson::fromString(city));
    if (latitude && longitude) {
        bag.setMember("latitude", KqlJson::fromReal(*latitude));
        bag.setMember("longitude", KqlJson::fromReal(*longitude));
    }
    if (bag.members.empty())
        return KqlJson::null();
    return bag;
}

class MaxMindDb final : public KqlGeoIp
{
public:
    ~MaxMindDb() override { MMDB_close(&m_db); }

    static std::unique_ptr<KqlGeoIp> open(const QByteArray &path, int *status)
    {
        MMDB_s opened{};
        *status = MMDB_open(path.constData(), MMDB_MODE_MMAP, &opened);
        if (*status != MMDB_SUCCESS)
            return nullptr; // MMDB_open has freed what it took
        auto db = std::unique_ptr<MaxMindDb>(new MaxMindDb);
        db->m_db = opened;
        return db;
    }

    KqlJson lookup(std::string_view address) const override
    {
        sockaddr_storage sa{};
        if (!parseAddress(address, &sa))
            return KqlJson::null();
        int error = MMDB_SUCCESS;
        MMDB_lookup_result_s found
                = MMDB_lookup_sockaddr(&m_db, reinterpret_cast<const sockaddr *>(&sa), &error);
        if (error != MMDB_SUCCESS || !found.found_entry)
            return KqlJson::null();
        return makeBag(text(found.entry, {"country", "names", "en"}),
                       text(found.entry, {"subdivisions", "0", "names", "en"}),
                       text(found.entry, {"city", "names", "en"}),
                       number(found.entry, {"location", "latitude"}),
                       number(found.entry, {"location", "longitude"}));
    }

    QString describe() const override
    {
        return QStringLiteral("MaxMind DB (%1)")
                .arg(QString::fromUtf8(m_db.metadata.database_type ? m_db.metadata.database_type
                                                                   : "unknown type"));
    }

private:
    MaxMindDb() = default;

    static bool value(MMDB_entry_s entry, std::initializer_list<const char *> path,
                      MMDB_entry_data_s *data)
    {
        const char *p[8] = {};
        size_t i = 0;
        for (const char *part : path)
            p[i++] = part;
        return MMDB_aget_value(&entry, data, p) == MMDB_SUCCESS && data->has_data;
    }
    static std::string text(MMDB_entry_s entry, std::initializer_list<const char *> path)
    {
        MMDB_entry_data_s data{};
        if (!value(entry, path, &data) || data.type != MMDB_DATA_TYPE_UTF8_STRING)
            return {};
        return std::string(data.utf8_string, data.data_size);
    }
    static std::optional<double> number(MMDB_entry_s entry,
                                        std::initializer_list<const char *> path)
    {
        MMDB_entry_data_s data{};
        if (!value(entry, path, &data))
            return std::nullopt;
        if (data.type == MMDB_DATA_TYPE_DOUBLE)
            return data.double_value;
        if (data.type == MMDB_DATA_TYPE_FLOAT)
            return double(data.float_value);
        return std::nullopt;
    }

    MMDB_s m_db{};
};

/** Debian's geoip-database: GeoIP.dat (IPv4) and GeoIPv6.dat (IPv6), country or city edition. */
class LegacyGeoIp final : public KqlGeoIp
{
public:
    ~LegacyGeoIp() override
    {
        if (m_v4)
            GeoIP_delete(m_v4);
        if (m_v6)
            GeoIP_delete(m_v6);
    }

    static std::unique_ptr<KqlGeoIp> open(const QString &path)
    {
        auto db = std::unique_ptr<LegacyGeoIp>(new LegacyGeoIp);
        GeoIP *first = openFile(path);
        if (!first)
            return nullptr;
        if (isV6(GeoIP_database_edition(first))) {
            db->m_v6 = first;
        } else {
            db->m_v4 = first;
            // GeoIPv6.dat beside GeoIP.dat (GeoIPCityv6.dat beside GeoIPCity.dat) answers IPv6.
            const QFileInfo info(path);
            const QString v6 = info.dir().filePath(info.completeBaseName() + QStringLiteral("v6.")
                                                   + info.suffix());
            if (QFileInfo::exists(v6))
                db->m_v6 = openFile(v6);
        }
        if (!known(db->m_v4) || !known(db->m_v6))
            return nullptr;
        return db;
    }

    KqlJson lookup(std::string_view address) const override
    {
        sockaddr_storage sa{};
        if (!parseAddress(address, &sa))
            return KqlJson::null();
        const bool v6 = sa.ss_family == AF_INET6;
        GeoIP *db = v6 ? m_v6 : m_v4;
        if (!db)
            return KqlJson::null();
        const std::string text(address);
        const std::lock_guard lock(m_mutex);
        const unsigned char edition = GeoIP_database_edition(db);
        if (isCity(edition)) {
            GeoIPRecord *r = v6 ? GeoIP_record_by_addr_v6(db, text.c_str())
                                : GeoIP_record_by_addr(db, text.c_str());
            if (!r)
                return KqlJson::null();
            const char *region = r->country_code && r->region
                                         ? GeoIP_region_name_by_code(r->country_code, r->region)
                                         : nullptr;
            // The format stores degrees as integers of 1/10000 that libGeoIP hands back as
            // floats: rounding to four decimals gives back the stored value.
            KqlJson bag
                    = makeBag(r->country_name && isCountry(r->country_code) ? r->country_name : "",
                              region ? region : "", r->city ? r->city : "",
                              std::round(double(r->latitude) * 10000) / 10000,
                              std::round(double(r->longitude) * 10000) / 10000);
            GeoIPRecord_delete(r);
            return bag;
        }
        const int id
                = v6 ? GeoIP_id_by_addr_v6(db, text.c_str()) : GeoIP_id_by_addr(db, text.c_str());
        if (id <= 0 || !isCountry(GeoIP_code_by_id(id)))
            return KqlJson::null();
        const char *name = GeoIP_country_name_by_id(db, id);
        return makeBag(name ? name : "", {}, {}, std::nullopt, std::nullopt);
    }

    QString describe() const override
    {
        const unsigned char edition = GeoIP_database_edition(m_v4 ? m_v4 : m_v6);
        return isCity(edition) ? QStringLiteral("legacy GeoIP (city)")
                               : QStringLiteral("legacy GeoIP (country)");
    }

private:
    LegacyGeoIp() = default;

    static GeoIP *openFile(const QString &path)
    {
        GeoIP *db
                = GeoIP_open(QFile::encodeName(path).constData(), GEOIP_MMAP_CACHE | GEOIP_SILENCE);
        if (!db)
            return nullptr;
        // The format has no magic number: libGeoIP takes any file for a country database. A
        // real one carries its description ("GEO-106FREE …") near its end.
        char *info = GeoIP_database_info(db);
        const bool described = info && std::strncmp(info, "GEO-", 4) == 0;
        std::free(info);
        if (!described) {
            GeoIP_delete(db);
            return nullptr;
        }
        GeoIP_set_charset(db, GEOIP_CHARSET_UTF8);
        return db;
    }
    static bool isV6(unsigned char edition)
    {
        return edition == GEOIP_COUNTRY_EDITION_V6 || edition == GEOIP_CITY_EDITION_REV1_V6
               || edition == GEOIP_CITY_EDITION_REV0_V6;
    }
    static bool isCity(unsigned char edition)
    {
        return edition == GEOIP_CITY_EDITION_REV0 || edition == GEOIP_CITY_EDITION_REV1
               || edition == GEOIP_CITY_EDITION_REV0_V6 || edition == GEOIP_CITY_EDITION_REV1_V6;
    }
    /** A country or city edition (the format has ISP, ASN and other editions too). */
    static bool known(GeoIP *db)
    {
        if (!db)
            return true;
        const unsigned char edition = GeoIP_database_edition(db);
        return isCity(edition) || edition == GEOIP_COUNTRY_EDITION
               || edition == GEOIP_COUNTRY_EDITION_V6;
    }
    /** The format's pseudo-countries (anonymous proxy, satellite, "Europe", …) are no country. */
    static bool isCountry(const char *code)
    {
        if (!code || std::strlen(code) != 2)
            return false;
        for (const char *pseudo : {"--", "A1", "A2", "O1", "AP", "EU"}) {
            if (std::strcmp(code, pseudo) == 0)
                return false;
        }
        return true;
    }

    GeoIP *m_v4 = nullptr;
    GeoIP *m_v6 = nullptr;
    mutable std::mutex m_mutex;
};

} // namespace

std::unique_ptr<KqlGeoIp> KqlGeoIp::open(const QString &path, QString *error)
{
    if (path.isEmpty()) {
        if (error)
            *error = QStringLiteral("no GeoIP database: install Debian's geoip-database (country), "
                                    "or point VIGIL_GEOIP_DB or --geoip at a MaxMind or DB-IP "
                                    ".mmdb file (city, latitude, longitude)");
        return nullptr;
    }
    if (!QFileInfo(path).isFile()) {
        if (error)
            *error = QStringLiteral("the GeoIP database %1 does not exist").arg(path);
        return nullptr;
    }
    int status = MMDB_SUCCESS;
    if (auto db = MaxMindDb::open(QFile::encodeName(path), &status))
        return db;
    if (status == MMDB_INVALID_METADATA_ERROR) { // not a MaxMind DB file: the legacy format?
        if (auto db = LegacyGeoIp::open(path))
            return db;
        if (error)
            *error = QStringLiteral("%1 is neither a MaxMind DB (.mmdb) file nor a legacy GeoIP "
                                    "country or city file")
                             .arg(path);
        return nullptr;
    }
    if (error)
        *error = QStringLiteral("cannot read the GeoIP database %1: %2")
                         .arg(path, QString::fromUtf8(MMDB_strerror(status)));
    return nullptr;
}

QString KqlGeoIp::defaultPath()
{
    QString configured = qEnvironmentVariable("VIGIL_GEOIP_DB");
    if (!configured.isEmpty())
        return configured;
    const QString debian = QStringLiteral("/usr/share/GeoIP/GeoIP.dat");
    return QFileInfo::exists(debian) ? debian : QString();
}

namespace KqlSqlite {

namespace {

void geoInfoFromIpAddress(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    Context *c = context(ctx);
    if (!c->geoOpened) {
        c->geoOpened = true;
        QString error;
        const QString path = c->geoIpPath.isEmpty() ? KqlGeoIp::defaultPath() : c->geoIpPath;
        c->geo = KqlGeoIp::open(path, &error);
        if (!c->geo)
            c->geoError = QStringLiteral("geo_info_from_ip_address() cannot run: %1")
                                  .arg(error)
                                  .toStdString();
    }
    if (!c->geo) {
        sqlite3_result_error(ctx, c->geoError.c_str(), int(c->geoError.size()));
        return;
    }
    if (isNull(argv[0])) {
        sqlite3_result_null(ctx);
        return;
    }
    resultJson(ctx, c->geo->lookup(text(argv[0])));
}

} // namespace

int registerGeoFunctions(sqlite3 *db, Context *c)
{
    return addScalar(db, c, "kql_geo_info_from_ip_address", 1, geoInfoFromIpAddress);
}

} // namespace KqlSqlite

} // namespace Vigil
