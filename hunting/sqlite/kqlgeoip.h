#pragma once

#include "kqljson.h"

#include <QString>

#include <memory>
#include <string_view>

namespace Vigil {

/**
 * @brief A GeoIP database for geo_info_from_ip_address(): a MaxMind DB file (.mmdb: GeoLite2 or
 * GeoIP2 City or Country, DB-IP's lite files) read with libmaxminddb, or the legacy GeoIP.dat
 * format of Debian's geoip-database package (country only, with GeoIPv6.dat beside it for IPv6
 * addresses) read with libGeoIP.
 *
 * lookup() answers Kusto's bag of country, state, city, latitude and longitude, each present
 * only when the database holds it for that address, or null when the address is not valid or
 * the database knows nothing of it. Immutable after open(); lookup() from any thread.
 */
class KqlGeoIp
{
public:
    virtual ~KqlGeoIp() = default;
    KqlGeoIp(const KqlGeoIp &) = delete;
    KqlGeoIp &operator=(const KqlGeoIp &) = delete;

    /** Opens a database file (either format); nullptr and *error when it cannot. */
    static std::unique_ptr<KqlGeoIp> open(const QString &path, QString *error);

    /**
     * The file used when none is configured: $VIGIL_GEOIP_DB when set, else Debian's
     * /usr/share/GeoIP/GeoIP.dat (package geoip-database) when it is there, else empty.
     */
    static QString defaultPath();

    virtual KqlJson lookup(std::string_view address) const = 0;
    /** "MaxMind DB" or "legacy GeoIP", and what the file holds (for messages). */
    virtual QString describe() const = 0;

protected:
    KqlGeoIp() = default;
};

} // namespace Vigil
