#include "secretstore.h"

#include "connectorprofile.h"
#include "synclogging.h"

#include <QPointer>

#include <qt6keychain/keychain.h>

namespace Vigil {

namespace {

Error keychainError(const QKeychain::Job &job, const QString &key)
{
    if (job.error() == QKeychain::EntryNotFound) {
        return Error{Error::Kind::NotFound,
                     0,
                     QStringLiteral("EntryNotFound"),
                     QStringLiteral("the keychain holds no entry '%1'").arg(key),
                     {}};
    }
    // Everything else means the keychain cannot be used right now: no Secret Service on the
    // session bus, no session bus at all, a locked or refused collection.
    return Error{Error::Kind::Config,
                 0,
                 QStringLiteral("NoKeychain"),
                 QStringLiteral("The OS keychain is not available (%1). %2")
                         .arg(job.errorString(), SecretStore::noKeychainAdvice()),
                 {}};
}

template<typename JobType>
JobType *newJob(const QString &service, const QString &key)
{
    auto *job = new JobType(service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

} // namespace

SecretStore::SecretStore(QString service, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
{ }

QString SecretStore::clientSecretKey(const QString &tenantId, const QString &clientId)
{
    return ConnectorProfile::clientSecretKey(tenantId, clientId);
}

QString SecretStore::refreshTokenKey(const QString &tenantId, const QString &clientId)
{
    return ConnectorProfile::refreshTokenKey(tenantId, clientId);
}

QString SecretStore::noKeychainAdvice()
{
    return QStringLiteral(
            "Vigil keeps secrets only in the OS keychain: install and unlock gnome-keyring "
            "(or KWallet) in your desktop session, or run Vigil inside one. For headless use set "
            "AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET instead.");
}

void SecretStore::read(const QString &key, QObject *context, ReadCallback done)
{
    auto *job = newJob<QKeychain::ReadPasswordJob>(m_service, key);
    connect(job, &QKeychain::Job::finished, context,
            [job, key, done = std::move(done)](QKeychain::Job *) {
                if (job->error() != QKeychain::NoError) {
                    const Error error = keychainError(*job, key);
                    if (error.kind != Error::Kind::NotFound)
                        qCWarning(lcSync).noquote()
                                << "keychain read failed:" << job->errorString();
                    done(error);
                    return;
                }
                done(job->textData());
            });
    job->start();
}

void SecretStore::write(const QString &key, const QString &secret, QObject *context,
                        WriteCallback done)
{
    auto *job = newJob<QKeychain::WritePasswordJob>(m_service, key);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, context,
            [job, key, done = std::move(done)](QKeychain::Job *) {
                if (job->error() != QKeychain::NoError) {
                    qCWarning(lcSync).noquote() << "keychain write failed:" << job->errorString();
                    done(keychainError(*job, key));
                    return;
                }
                done({});
            });
    job->start();
}

void SecretStore::remove(const QString &key, QObject *context, WriteCallback done)
{
    auto *job = newJob<QKeychain::DeletePasswordJob>(m_service, key);
    connect(job, &QKeychain::Job::finished, context,
            [job, key, done = std::move(done)](QKeychain::Job *) {
                if (job->error() != QKeychain::NoError
                    && job->error() != QKeychain::EntryNotFound) {
                    qCWarning(lcSync).noquote() << "keychain delete failed:" << job->errorString();
                    done(keychainError(*job, key));
                    return;
                }
                done({});
            });
    job->start();
}

} // namespace Vigil
