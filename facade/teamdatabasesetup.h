#pragma once

#include "result.h"

#include <QObject>

#include <functional>
#include <optional>

namespace Vigil {

class SecretStore;
struct StoreConfig;

/**
 * @brief Where the team database is and its password: the URL kept in the settings without a
 * password, the password in the OS keychain, never in settings or logs.
 *
 * A URL given with a password (--db, VIGIL_DB or the connector page) is accepted once: the
 * password moves to the keychain under the location's key (PgLocation::secretKey()) and the
 * URL is kept and shown without it; a URL without one finds it there. Lives on the thread that
 * creates it (the GUI thread in vigil, the main thread in vigilctl), where the keychain
 * answers; every answer comes on that thread.
 */
class TeamDatabaseSetup : public QObject
{
    Q_OBJECT
public:
    explicit TeamDatabaseSetup(QObject *parent = nullptr);
    ~TeamDatabaseSetup() override;

    /** password: what the store is opened with (empty: libpq's own means, such as trust,
     *  ~/.pgpass or PGPASSWORD); problem: a password given with the URL could not be kept in
     *  the keychain, in words that say what to do (it is used all the same). A keychain that
     *  cannot be read is no problem: libpq's own means apply (a server has no keychain). */
    using PasswordCallback
            = std::function<void(const QString &password, const std::optional<Error> &problem)>;
    /**
     * The password of a PostgreSQL store: store.password when it has one (it came with the URL:
     * saved in the keychain first, so that the URL is not needed with it again), else the
     * keychain's entry for its location. For any other store, at once, an empty password. done
     * is not called once context is gone.
     */
    void findPassword(const StoreConfig &store, QObject *context, const PasswordCallback &done);

    /** The team database the connector page saved (a URL without a password); empty: none. */
    static QString savedUrl();
    /**
     * Checks url and keeps it: its password (or else password, when given) in the keychain, the
     * URL without it in the settings; then saved() with that URL, or saveFailed() with what
     * is wrong (nothing is kept then). An empty url goes back to the local database: the saved
     * URL is removed (its keychain entry stays for a later use).
     */
    void save(const QString &url, const QString &password = {});

Q_SIGNALS:
    void saved(const QString &url);
    void saveFailed(const Vigil::Error &error);

private:
    SecretStore *m_secrets;
};

} // namespace Vigil
