#include "storageconnection.h"

#include "secretstore.h"
#include "storagelogging.h"
#include "syncconfig.h"

#include <QDir>
#include <QFile>
#include <QSettings>

namespace Vigil {

namespace {

Error storageError(const QString &message)
{
    return Error{Error::Kind::Storage, 0, {}, message, {}};
}

StorageAccount::CredentialKind otherKind(StorageAccount::CredentialKind kind)
{
    return kind == StorageAccount::CredentialKind::Sas ? StorageAccount::CredentialKind::AccountKey
                                                       : StorageAccount::CredentialKind::Sas;
}

} // namespace

QString StorageConnection::secretKey() const
{
    return secretKey(endpoint, kind);
}

QString StorageConnection::secretKey(const QUrl &endpoint, StorageAccount::CredentialKind kind)
{
    return QStringLiteral("storage/") + endpoint.toString().toLower()
           + (kind == StorageAccount::CredentialKind::AccountKey ? QStringLiteral("/account-key")
                                                                 : QStringLiteral("/sas"));
}

QString StorageConnection::filePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("storage.ini"));
}

StorageConnection StorageConnection::load(const QString &dataDir)
{
    if (dataDir.isEmpty() || !QFile::exists(filePath(dataDir)))
        return {};
    const QSettings settings(filePath(dataDir), QSettings::IniFormat);
    const Result<QUrl> endpoint = StorageAccount::validateEndpoint(
            settings.value(QStringLiteral("storage/accountUrl")).toString());
    if (!endpoint) {
        qCWarning(lcStorage).noquote()
                << "ignoring" << filePath(dataDir) << ":" << endpoint.error().message;
        return {};
    }
    StorageConnection connection;
    connection.endpoint = endpoint.value();
    connection.kind = settings.value(QStringLiteral("storage/secretKind")).toString()
                                      == StorageAccount::kindName(
                                              StorageAccount::CredentialKind::AccountKey)
                              ? StorageAccount::CredentialKind::AccountKey
                              : StorageAccount::CredentialKind::Sas;
    return connection;
}

Result<void> StorageConnection::save(const QString &dataDir) const
{
    if (dataDir.isEmpty())
        return storageError(QStringLiteral("no data directory to keep the storage connection in"));
    if (!QDir().mkpath(dataDir))
        return storageError(QStringLiteral("cannot create the data directory %1").arg(dataDir));
    QSettings settings(filePath(dataDir), QSettings::IniFormat);
    settings.clear();
    settings.setValue(QStringLiteral("storage/accountUrl"), endpoint.toString());
    settings.setValue(QStringLiteral("storage/secretKind"), StorageAccount::kindName(kind));
    settings.sync();
    if (settings.status() != QSettings::NoError)
        return storageError(
                QStringLiteral("cannot write the storage connection %1").arg(filePath(dataDir)));
    return {};
}

Result<void> StorageConnection::remove(const QString &dataDir)
{
    const QString path = filePath(dataDir);
    if (QFile::exists(path) && !QFile::remove(path))
        return storageError(QStringLiteral("cannot remove the storage connection %1").arg(path));
    return {};
}

void saveStorageConnection(SecretStore *store, const QString &dataDir,
                           const StorageAccount &account,
                           const std::function<void(const Result<void> &)> &done)
{
    const StorageConnection previous = StorageConnection::load(dataDir);
    const StorageConnection connection{account.endpoint, account.kind};
    store->write(connection.secretKey(), account.secret, store, [=](const Result<void> &written) {
        if (!written) {
            Error error = written.error();
            error.code = QStringLiteral("keychain");
            done(error);
            return;
        }
        if (const Result<void> saved = connection.save(dataDir); !saved) {
            done(saved);
            return;
        }
        // A secret of another kind, or of the previous account, is stale now.
        QStringList stale{StorageConnection::secretKey(account.endpoint, otherKind(account.kind))};
        if (previous.isValid() && previous.secretKey() != connection.secretKey())
            stale.append(previous.secretKey());
        for (const QString &key : std::as_const(stale))
            store->remove(key, store, [](const Result<void> &) {});
        done({});
    });
}

void removeStorageConnection(SecretStore *store, const QString &dataDir,
                             const std::function<void(const Result<StorageConnection> &)> &done)
{
    const StorageConnection connection = StorageConnection::load(dataDir);
    if (!connection.isValid()) {
        const Result<void> removed = StorageConnection::remove(dataDir);
        if (!removed)
            done(removed.error());
        else
            done(StorageConnection{});
        return;
    }
    store->remove(connection.secretKey(), store, [=](const Result<void> &secretRemoved) {
        // The settings go even when the keychain cannot be reached: the URL alone reads nothing.
        const Result<void> removed = StorageConnection::remove(dataDir);
        if (!removed) {
            done(removed.error());
            return;
        }
        if (!secretRemoved) {
            Error error = secretRemoved.error();
            error.message = QStringLiteral("the storage connection was removed, but its secret "
                                           "is still in the keychain: %1")
                                    .arg(error.message);
            done(error);
            return;
        }
        done(connection);
    });
}

void loadStorageAccount(
        SecretStore *store, const QString &dataDir, const QProcessEnvironment &environment,
        QObject *context,
        const std::function<void(const Result<std::optional<StorageAccount>> &)> &done)
{
    const QString urlFromEnvironment
            = environment.value(QString::fromLatin1(kStorageUrlVariable)).trimmed();
    const QString sasFromEnvironment
            = environment.value(QString::fromLatin1(kStorageSasVariable)).trimmed();
    const StorageConnection saved = StorageConnection::load(dataDir);
    const QString url
            = !urlFromEnvironment.isEmpty() ? urlFromEnvironment : saved.endpoint.toString();
    const auto answer = [done](const Result<StorageAccount> &account) {
        if (!account)
            done(account.error());
        else
            done(std::optional<StorageAccount>(account.value()));
    };
    if (url.isEmpty() && sasFromEnvironment.isEmpty()) {
        done(std::optional<StorageAccount>());
        return;
    }
    if (url.isEmpty()) {
        done(Error{Error::Kind::Config,
                   0,
                   {},
                   QStringLiteral("%1 is set but no storage account URL is: set %2 as well, or "
                                  "connect one with 'vigilctl events connect'")
                           .arg(QLatin1String(kStorageSasVariable),
                                QLatin1String(kStorageUrlVariable)),
                   {}});
        return;
    }
    if (!sasFromEnvironment.isEmpty()) {
        answer(StorageAccount::create(url, StorageAccount::CredentialKind::Sas,
                                      sasFromEnvironment));
        return;
    }
    const Result<QUrl> endpoint = StorageAccount::validateEndpoint(url);
    if (!endpoint) {
        done(endpoint.error());
        return;
    }
    // The URL from the environment with the secret saved for that same account.
    const StorageAccount::CredentialKind kind
            = saved.isValid() && saved.endpoint == endpoint.value()
                      ? saved.kind
                      : StorageAccount::CredentialKind::Sas;
    const QString key = StorageConnection::secretKey(endpoint.value(), kind);
    store->read(key, context, [=](const Result<QString> &secret) {
        if (!secret) {
            Error error = secret.error();
            if (error.kind == Error::Kind::NotFound)
                error.message
                        = QStringLiteral("the keychain holds no secret for the storage account %1: "
                                         "connect it "
                                         "again with 'vigilctl events connect' or on the connector "
                                         "page, or set "
                                         "%2")
                                  .arg(endpoint->toString(), QLatin1String(kStorageSasVariable));
            done(error);
            return;
        }
        answer(StorageAccount::create(url, kind, secret.value()));
    });
}

void probeStorageAccount(QNetworkAccessManager *network, const StorageAccount &account,
                         const QStringList &tables, const BlobClientOptions &options,
                         QObject *context,
                         const std::function<void(const Result<QStringList> &)> &done)
{
    auto *client = new BlobClient(network, account, context);
    client->setOptions(options);
    auto streamed = std::make_shared<QStringList>();
    auto next = std::make_shared<std::function<void(int)>>();
    // The function holds itself only through this weak link, so that it goes with the last call.
    std::weak_ptr<std::function<void(int)>> weakNext = next;
    *next = [=](int index) {
        if (index >= tables.size()) {
            client->deleteLater();
            done(*streamed);
            return;
        }
        const QString container = BlobStreamReader::containerFor(tables.at(index));
        client->listBlobs(container, {}, {}, 1, client,
                          [=, keep = weakNext.lock()](const Result<BlobListPage> &page) {
                              if (!page && page.error().kind != Error::Kind::NotFound) {
                                  client->deleteLater();
                                  const Error &error = page.error();
                                  done(error.kind == Error::Kind::Forbidden
                                                       || error.kind == Error::Kind::Auth
                                               ? storageRefusal(account, container, error)
                                               : error);
                                  return;
                              }
                              if (page)
                                  streamed->append(tables.at(index));
                              (*keep)(index + 1);
                          });
    };
    (*next)(0);
}

BlobStreamOptions blobStreamOptionsFor(const SyncConfig &config)
{
    BlobStreamOptions options;
    options.client.maxAttempts = std::max(1, config.maxAttempts);
    options.client.requestTimeout = std::chrono::seconds(std::max(1, config.requestTimeoutSeconds));
    options.client.backoffBase = std::chrono::milliseconds(std::max(1, config.backoffBaseMs));
    options.client.maxRetryWait = std::chrono::seconds(std::max(0, config.maxRetryWaitSeconds));
    return options;
}

std::unique_ptr<BlobStreamReader> createBlobStreamReader(QNetworkAccessManager *network,
                                                         const StorageAccount &account,
                                                         BlobChunkSink *sink,
                                                         const SyncConfig &config, QObject *parent)
{
    auto reader = std::make_unique<BlobStreamReader>(network, account, sink, parent);
    reader->setOptions(blobStreamOptionsFor(config));
    reader->setClock(config.clock);
    return reader;
}

QString tableReadStateName(TableReadResult::State state)
{
    switch (state) {
    case TableReadResult::State::Read:
        return QStringLiteral("read");
    case TableReadResult::State::NotStreamed:
        return QStringLiteral("not streamed");
    case TableReadResult::State::Failed:
        return QStringLiteral("failed");
    case TableReadResult::State::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("failed");
}

namespace {

QString pullStatusFile(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("storage-status.ini"));
}

} // namespace

void keepTablePulls(const QString &dataDir, const QList<TablePullRecord> &tables)
{
    if (dataDir.isEmpty() || tables.isEmpty())
        return;
    QSettings status(pullStatusFile(dataDir), QSettings::IniFormat);
    for (const TablePullRecord &table : tables) {
        status.beginGroup(table.table);
        status.setValue(QStringLiteral("lastPull"), table.lastPull);
        status.setValue(QStringLiteral("state"), table.state);
        status.setValue(QStringLiteral("error"), table.error);
        status.endGroup();
    }
    status.sync();
}

QHash<QString, TablePullRecord> keptTablePulls(const QString &dataDir)
{
    QHash<QString, TablePullRecord> kept;
    QSettings status(pullStatusFile(dataDir), QSettings::IniFormat);
    for (const QString &table : status.childGroups()) {
        status.beginGroup(table);
        kept.insert(table, {table, status.value(QStringLiteral("lastPull")).toString(),
                            status.value(QStringLiteral("state")).toString(),
                            status.value(QStringLiteral("error")).toString()});
        status.endGroup();
    }
    return kept;
}

} // namespace Vigil
