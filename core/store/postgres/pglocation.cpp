#include "pglocation.h"

#include "pgdatabase.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>

namespace Vigil {

namespace {

Error configError(const QString &message)
{
    Error error;
    error.kind = Error::Kind::Config;
    error.message = message;
    return error;
}

const QStringList &sslModes()
{
    static const QStringList modes = {
            QStringLiteral("disable"), QStringLiteral("allow"),     QStringLiteral("prefer"),
            QStringLiteral("require"), QStringLiteral("verify-ca"), QStringLiteral("verify-full"),
    };
    return modes;
}

constexpr auto kExample = "postgresql://analyst@db.example.org:5432/vigil?sslmode=verify-full";

} // namespace

bool PgLocation::isLoopbackHost(const QString &host)
{
    // Without QtNetwork here: localhost, 127.0.0.0/8 in dotted form, ::1.
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0
        || host == QLatin1String("::1") || host == QLatin1String("0:0:0:0:0:0:0:1"))
        return true;
    const QStringList parts = host.split(QLatin1Char('.'));
    if (parts.size() != 4 || parts.constFirst() != QLatin1String("127"))
        return false;
    return std::all_of(parts.cbegin(), parts.cend(), [](const QString &part) {
        bool ok = false;
        const int value = part.toInt(&ok);
        return ok && part.size() <= 3 && value >= 0 && value <= 255
               && std::all_of(part.cbegin(), part.cend(),
                              [](QChar c) { return c >= u'0' && c <= u'9'; });
    });
}

bool PgLocation::looksLikeUrl(const QString &text)
{
    const QString trimmed = text.trimmed();
    return trimmed.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive)
           || trimmed.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive);
}

Result<PgLocation> PgLocation::parse(const QString &url, QString *password)
{
    if (password)
        password->clear();
    if (!looksLikeUrl(url))
        // The text is not echoed: it may hold a password.
        return configError(QStringLiteral("that is not a PostgreSQL URL: write it as %1")
                                   .arg(QLatin1String(kExample)));
    const QUrl parsed(url.trimmed(), QUrl::StrictMode);
    if (!parsed.isValid())
        // QUrl's reason quotes the whole URL, password included: not shown.
        return configError(QStringLiteral("the PostgreSQL URL is malformed (a port is a number up "
                                          "to 65535; characters such as "
                                          "'<', spaces or '%' must be percent-encoded): write it "
                                          "as %1")
                                   .arg(QLatin1String(kExample)));
    PgLocation location;
    location.host = parsed.host(QUrl::FullyDecoded);
    if (location.host.isEmpty())
        return configError(QStringLiteral("the PostgreSQL URL names no server: write it as %1")
                                   .arg(QLatin1String(kExample)));
    // TLS is verified against the server's name unless the server is this machine, where the
    // traffic never leaves it and a local server rarely has a certificate: there libpq's own
    // default (TLS when offered) applies. The URL's sslmode wins either way.
    location.sslMode = isLoopbackHost(location.host) ? QStringLiteral("prefer")
                                                     : QStringLiteral("verify-full");
    location.port = parsed.port(5432);
    if (location.port <= 0 || location.port > 65535)
        return configError(QStringLiteral("the PostgreSQL URL's port is not a port number"));
    location.user = parsed.userName(QUrl::FullyDecoded);
    if (location.user.isEmpty())
        return configError(QStringLiteral("the PostgreSQL URL names no user: write it as %1")
                                   .arg(QLatin1String(kExample)));
    location.database = parsed.path(QUrl::FullyDecoded).mid(1);
    if (location.database.isEmpty() || location.database.contains(QLatin1Char('/')))
        return configError(QStringLiteral("the PostgreSQL URL names no database (the path after "
                                          "the port): write it as %1")
                                   .arg(QLatin1String(kExample)));
    if (password)
        *password = parsed.password(QUrl::FullyDecoded);

    const QUrlQuery query(parsed);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("sslmode")) {
            if (!sslModes().contains(value))
                return configError(
                        QStringLiteral("sslmode '%1' is not one PostgreSQL knows: "
                                       "use one of %2")
                                .arg(value.left(40), sslModes().join(QLatin1String(", "))));
            location.sslMode = value;
        } else if (key == QLatin1String("sslrootcert")) {
            location.sslRootCert = value;
        } else {
            return configError(QStringLiteral("the PostgreSQL URL's option '%1' is not one Vigil "
                                              "reads (sslmode, sslrootcert)")
                                       .arg(key.left(60)));
        }
    }
    return location;
}

QString PgLocation::toUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setUserName(user);
    url.setHost(host);
    url.setPort(port);
    url.setPath(QLatin1Char('/') + database);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("sslmode"), sslMode);
    if (!sslRootCert.isEmpty())
        query.addQueryItem(QStringLiteral("sslrootcert"), sslRootCert);
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

QString PgLocation::displayName() const
{
    return QStringLiteral("%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

QString PgLocation::secretKey() const
{
    return QStringLiteral("postgresql/%1").arg(displayName());
}

Result<void> openPgConnection(const PgLocation &where, const QString &password,
                              const QString &connectionName, const QString &applicationName,
                              int connectTimeoutSeconds)
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return configError(QStringLiteral("Qt's PostgreSQL driver (QPSQL) is not installed: "
                                          "install libqt6sql6-psql"));
    QString failure;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
        db.setHostName(where.host);
        db.setPort(where.port);
        db.setUserName(where.user);
        db.setDatabaseName(where.database);
        if (!password.isEmpty())
            db.setPassword(password);
        // libpq's options; values with spaces or quotes are not expected here (the URL parser
        // decoded them), and an application name is Vigil's own.
        QStringList options = {QStringLiteral("sslmode=%1").arg(where.sslMode),
                               QStringLiteral("connect_timeout=%1").arg(connectTimeoutSeconds)};
        if (!where.sslRootCert.isEmpty())
            options << QStringLiteral("sslrootcert=%1").arg(where.sslRootCert);
        if (!applicationName.isEmpty())
            options << QStringLiteral("application_name=%1").arg(applicationName);
        db.setConnectOptions(options.join(QLatin1Char(';')));
        if (db.open())
            return {};
        failure = db.lastError().text();
    }
    QSqlDatabase::removeDatabase(connectionName);
    Error error;
    error.kind = Error::Kind::Storage;
    // The server, the network or TLS: whoever shows it says which setting to check.
    error.code = QLatin1String(PgDatabase::kConnectErrorCode);
    error.message = QStringLiteral("cannot connect to PostgreSQL at %1: %2")
                            .arg(where.displayName(), failure.trimmed().left(500));
    return error;
}

} // namespace Vigil
