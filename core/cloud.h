#pragma once

#include "result.h"

#include <QString>
#include <QStringList>
#include <QUrl>

namespace Vigil {

/** @brief A Microsoft cloud: its authority, Graph and Defender-portal hosts. Any thread. */
struct Cloud
{
    QString name; ///< "global", "usgov" (GCC High), "dod"
    QString authorityHost;
    QString graphEndpoint;
    QStringList portalHosts; ///< the deep-link allow-list; first one builds links
    /// Where the cloud's device-code sign-in sends the analyst (verification_uri): the only
    /// hosts the "open in browser" button opens. "microsoft.com" only with its device-login path.
    QStringList signInHosts;

    static Cloud global();
    static Cloud byName(const QString &name); ///< unknown names give global()
};

/**
 * True when Vigil may open this URL in a browser: https and a Defender portal host of the
 * cloud (exact host match, no user info, default port).
 */
bool isAllowedPortalUrl(const QUrl &url, const Cloud &cloud);
/**
 * The Defender-portal link of an incident: its incidentWebUrl when allowed, otherwise one built
 * from the incident id and tenant id on the cloud's first portal host.
 */
QUrl portalIncidentUrl(const QString &incidentWebUrl, const QString &incidentId,
                       const QString &tenantId, const Cloud &cloud);

/** An alert's alertWebUrl when the allow-list allows it, else an empty URL (nothing is built:
 *  an alert link needs the alert's own id in the portal). */
QUrl portalAlertUrl(const QString &alertWebUrl, const Cloud &cloud);
/**
 * True when Vigil may open this device-code verification address in a browser: https on one of
 * the cloud's sign-in hosts (exact host, no user info, default port; on "microsoft.com" only
 * its /devicelogin pages), or a loopback address (the simulator).
 */
bool isAllowedSignInUrl(const QUrl &url, const Cloud &cloud);
/** True for 127.0.0.0/8, ::1 and "localhost". */
bool isLoopbackHost(const QString &host);
/** Checks an endpoint: https anywhere, http only on loopback; returns it without trailing '/'. */
Result<QUrl> validateEndpoint(const QString &text, const QString &what);

} // namespace Vigil
