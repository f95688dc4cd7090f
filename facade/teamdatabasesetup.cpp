#include "teamdatabasesetup.h"

#include "postgres/pglocation.h"
#include "secretstore.h"
#include "storeconfig.h"
#include "teamdatabase.h"

#include <QCoreApplication>
#include <QSettings>

namespace Vigil {

namespace {

constexpr char kUrlKey[] = "team/databaseUrl";

/** A password given with the URL that the keychain could not keep, in words that say what to
 *  do. */
Error notKept(const Error &cause, const QString &location)
{
    Error error = cause;
    error.message = QCoreApplication::translate("TeamDatabaseSetup",
                                                "The team database's password could not be kept "
                                                "in the keychain (%1): %2 Give it with the URL "
                                                "again next time, or through ~/.pgpass.")
                            .arg(location, cause.message);
    return error;
}

} // namespace

TeamDatabaseSetup::TeamDatabaseSetup(QObject *parent)
    : QObject(parent)
    , m_secrets(new SecretStore(QStringLiteral("Vigil"), this))
{ }

TeamDatabaseSetup::~TeamDatabaseSetup() = default;

void TeamDatabaseSetup::findPassword(const StoreConfig &store, QObject *context,
                                     const PasswordCallback &done)
{
    if (store.engine != StoreEngine::PostgreSQL) {
        done({}, std::nullopt);
        return;
    }
    QString ignored;
    const Result<PgLocation> where = PgLocation::parse(store.location, &ignored);
    if (!where) {
        // Opening the store says what is wrong with the URL.
        done(store.password, std::nullopt);
        return;
    }
    const QString name = where->displayName();
    if (!store.password.isEmpty()) {
        qCInfo(lcTeam).noquote() << "keeping the password given for" << name << "in the keychain";
        m_secrets->write(where->secretKey(), store.password, context,
                         [done, password = store.password, name](const Result<void> &written) {
                             if (written)
                                 done(password, std::nullopt);
                             else
                                 done(password, notKept(written.error(), name));
                         });
        return;
    }
#ifdef Q_OS_LINUX
    // A server without a session bus has no keychain to ask (and asking would only log that):
    // libpq's own means (PGPASSWORD, ~/.pgpass, trust) are the usual ones there.
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")
        && qEnvironmentVariableIsEmpty("DISPLAY")) {
        done({}, std::nullopt);
        return;
    }
#endif
    m_secrets->read(where->secretKey(), context, [done, name](const Result<QString> &secret) {
        if (secret) {
            qCInfo(lcTeam).noquote() << "the password for" << name << "comes from the keychain";
            done(secret.value(), std::nullopt);
        } else if (secret.error().kind == Error::Kind::NotFound) {
            done({}, std::nullopt);
        } else {
            // No usable keychain: libpq's own means apply, and its refusal says what is missing.
            qCInfo(lcTeam).noquote()
                    << "no password for" << name << "from the keychain:" << secret.error().message
                    << "(libpq's own means apply)";
            done({}, std::nullopt);
        }
    });
}

QString TeamDatabaseSetup::savedUrl()
{
    return QSettings().value(QLatin1String(kUrlKey)).toString();
}

void TeamDatabaseSetup::save(const QString &url, const QString &password)
{
    if (url.trimmed().isEmpty()) {
        QSettings().remove(QLatin1String(kUrlKey));
        Q_EMIT saved({});
        return;
    }
    QString inUrl;
    const Result<PgLocation> where = PgLocation::parse(url, &inUrl);
    if (!where) {
        Q_EMIT saveFailed(where.error());
        return;
    }
    const QString secret = inUrl.isEmpty() ? password : inUrl;
    const QString kept = where->toUrl();
    const auto keep = [this, kept] {
        QSettings().setValue(QLatin1String(kUrlKey), kept);
        Q_EMIT saved(kept);
    };
    if (secret.isEmpty()) {
        // A password saved before stays in use.
        keep();
        return;
    }
    m_secrets->write(where->secretKey(), secret, this, [this, keep](const Result<void> &written) {
        if (written)
            keep();
        else
            Q_EMIT saveFailed(written.error());
    });
}

} // namespace Vigil
