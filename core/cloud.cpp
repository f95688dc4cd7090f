#include "cloud.h"

#include <QRegularExpression>

namespace Vigil {

Cloud Cloud::global()
{
    return {QStringLiteral("global"),
            QStringLiteral("https://login.microsoftonline.com"),
            QStringLiteral("https://graph.microsoft.com"),
            {QStringLiteral("security.microsoft.com")},
            {QStringLiteral("microsoft.com"), QStringLiteral("www.microsoft.com"),
             QStringLiteral("login.microsoftonline.com"), QStringLiteral("login.microsoft.com")}};
}

Cloud Cloud::byName(const QString &name)
{
    const QString n = name.toLower();
    if (n == QLatin1String("usgov") || n == QLatin1String("gcchigh")) {
        return {QStringLiteral("usgov"),
                QStringLiteral("https://login.microsoftonline.us"),
                QStringLiteral("https://graph.microsoft.us"),
                {QStringLiteral("security.microsoft.us")},
                {QStringLiteral("microsoft.com"), QStringLiteral("www.microsoft.com"),
                 QStringLiteral("login.microsoftonline.us")}};
    }
    if (n == QLatin1String("dod")) {
        return {QStringLiteral("dod"),
                QStringLiteral("https://login.microsoftonline.us"),
                QStringLiteral("https://dod-graph.microsoft.us"),
                {QStringLiteral("security.apps.mil")},
                {QStringLiteral("microsoft.com"), QStringLiteral("www.microsoft.com"),
                 QStringLiteral("login.microsoftonline.us")}};
    }
    return global();
}

bool isAllowedPortalUrl(const QUrl &url, const Cloud &cloud)
{
    if (!url.isValid() || url.scheme() != QLatin1String("https") || !url.userInfo().isEmpty())
        return false;
    if (url.port(443) != 443)
        return false;
    return cloud.portalHosts.contains(url.host().toLower());
}

bool isAllowedSignInUrl(const QUrl &url, const Cloud &cloud)
{
    if (!url.isValid() || !url.userInfo().isEmpty())
        return false;
    const QString host = url.host().toLower();
    // The simulator signs in on loopback, over http.
    if ((url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))
        && isLoopbackHost(host))
        return true;
    if (url.scheme() != QLatin1String("https") || url.port(443) != 443
        || !cloud.signInHosts.contains(host))
        return false;
    // microsoft.com is far more than sign-in: only its device-login pages
    // (/devicelogin, /deviceloginus for US Government).
    if (host == QLatin1String("microsoft.com") || host == QLatin1String("www.microsoft.com"))
        return url.path().startsWith(QLatin1String("/devicelogin"), Qt::CaseInsensitive);
    return true;
}

QUrl portalAlertUrl(const QString &alertWebUrl, const Cloud &cloud)
{
    const QUrl given(alertWebUrl, QUrl::StrictMode);
    return isAllowedPortalUrl(given, cloud) ? given : QUrl();
}

QUrl portalIncidentUrl(const QString &incidentWebUrl, const QString &incidentId,
                       const QString &tenantId, const Cloud &cloud)
{
    QUrl given(incidentWebUrl, QUrl::StrictMode);
    if (isAllowedPortalUrl(given, cloud))
        return given;
    if (incidentId.isEmpty() || cloud.portalHosts.isEmpty())
        return {};
    QUrl built;
    built.setScheme(QStringLiteral("https"));
    built.setHost(cloud.portalHosts.first());
    built.setPath(QStringLiteral("/incidents/")
                  + QString::fromLatin1(QUrl::toPercentEncoding(incidentId)));
    if (!tenantId.isEmpty())
        built.setQuery(QStringLiteral("tid=")
                       + QString::fromLatin1(QUrl::toPercentEncoding(tenantId)));
    return built;
}

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    // QtCore only here: recognise 127.0.0.0/8 and ::1 by their text.
    static const QRegularExpression v4(QStringLiteral(
            R"(^127\.(25[0-5]|2[0-4]\d|1?\d?\d)\.(25[0-5]|2[0-4]\d|1?\d?\d)\.(25[0-5]|2[0-4]\d|1?\d?\d)$)"));
    QString h = host;
    if (h.startsWith(QLatin1Char('[')) && h.endsWith(QLatin1Char(']')))
        h = h.mid(1, h.size() - 2);
    if (h == QLatin1String("::1") || h == QLatin1String("0:0:0:0:0:0:0:1"))
        return true;
    return v4.match(h).hasMatch();
}

Result<QUrl> validateEndpoint(const QString &text, const QString &what)
{
    QString trimmed = text.trimmed();
    while (trimmed.endsWith(QLatin1Char('/')))
        trimmed.chop(1);
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()) {
        return Error{Error::Kind::Config,
                     0,
                     {},
                     QStringLiteral("%1 '%2' is not a valid URL; give it as https://host")
                             .arg(what, text),
                     {}};
    }
    if (!url.userInfo().isEmpty()) {
        // Not echoed: what stands before the @ may well be a password.
        return Error{Error::Kind::Config,
                     0,
                     {},
                     QStringLiteral("%1 must not carry a user name or password (the part before "
                                    "@); give it as https://host")
                             .arg(what),
                     {}};
    }
    if (url.scheme() == QLatin1String("https"))
        return url;
    if (url.scheme() == QLatin1String("http") && isLoopbackHost(url.host()))
        return url;
    return Error{Error::Kind::Config,
                 0,
                 {},
                 QStringLiteral("%1 '%2' must use https (http is accepted only for loopback hosts)")
                         .arg(what, text),
                 {}};
}

} // namespace Vigil
