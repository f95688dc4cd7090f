#pragma once

#include "result.h"

#include <QObject>
#include <QString>

#include <functional>

namespace Vigil {

/**
 * @brief Secrets (client secrets, refresh tokens) in the OS keychain through QtKeychain.
 *
 * Every call is asynchronous and answers through its callback on the thread that owns this
 * object (the GUI thread in vigil, the main thread in vigilctl: the Secret Service backend needs
 * that thread's event loop). There is no plaintext fallback: when no keychain is reachable the
 * answer is a Config error whose message says how to get one, or how to run without it (the
 * Azure Identity environment variables). Secrets are never logged.
 */
class SecretStore : public QObject
{
    Q_OBJECT
public:
    using ReadCallback = std::function<void(const Result<QString> &secret)>;
    using WriteCallback = std::function<void(const Result<void> &result)>;

    explicit SecretStore(QString service = QStringLiteral("Vigil"), QObject *parent = nullptr);

    /** A missing entry answers a NotFound error. */
    void read(const QString &key, QObject *context, ReadCallback done);
    void write(const QString &key, const QString &secret, QObject *context, WriteCallback done);
    /** Removing an entry that does not exist succeeds. */
    void remove(const QString &key, QObject *context, WriteCallback done);

    QString service() const { return m_service; }

    /** Keys of one connector profile: "<tenant>/<clientId>/client-secret" and ".../refresh-token".
     */
    static QString clientSecretKey(const QString &tenantId, const QString &clientId);
    static QString refreshTokenKey(const QString &tenantId, const QString &clientId);
    /** What to tell a user whose system has no usable keychain. */
    static QString noKeychainAdvice();

private:
    QString m_service;
};

} // namespace Vigil
