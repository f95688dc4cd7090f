#pragma once

#include "blobstreamreader.h"
#include "result.h"
#include "storageaccount.h"

#include <QHash>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

// Keeping, finding and forgetting the storage account that the Defender streaming API writes to:
// its URL and credential kind in the data directory, its secret in the keychain (as the Graph
// secrets are kept), and the environment for headless use.

namespace Vigil {

class SecretStore;
struct SyncConfig;

/**
 * @brief The non-secret half of a saved storage connection: the account URL and which kind of
 * secret goes with it. Kept with QSettings in `storage.ini` in Vigil's data directory, beside the
 * connector profile; the secret is only ever in the keychain, under secretKey(). Any thread.
 */
struct StorageConnection
{
    QUrl endpoint;
    StorageAccount::CredentialKind kind = StorageAccount::CredentialKind::Sas;

    bool isValid() const { return !endpoint.isEmpty(); }
    /** "storage/<endpoint in lower case>/sas" or ".../account-key". */
    QString secretKey() const;
    static QString secretKey(const QUrl &endpoint, StorageAccount::CredentialKind kind);

    static QString filePath(const QString &dataDir);
    /** The saved connection; an invalid one when none is saved (or the file is not usable). */
    static StorageConnection load(const QString &dataDir);
    Result<void> save(const QString &dataDir) const;
    static Result<void> remove(const QString &dataDir);
};

/** `VIGIL_STORAGE_URL` and `VIGIL_STORAGE_SAS`: they win over the saved connection. */
inline constexpr char kStorageUrlVariable[] = "VIGIL_STORAGE_URL";
inline constexpr char kStorageSasVariable[] = "VIGIL_STORAGE_SAS";

/**
 * Keeps a storage connection: the secret in the keychain first, then storage.ini, then the
 * secrets a previous connection kept under other keys are removed. Runs on store's thread; done
 * is called there. A keychain failure comes back with the code "keychain" (nothing was saved).
 */
void saveStorageConnection(SecretStore *store, const QString &dataDir,
                           const StorageAccount &account,
                           const std::function<void(const Result<void> &)> &done);

/** Forgets the saved storage connection and its secret; done gets the connection that was
 *  removed (invalid when there was none), or what was left behind. */
void removeStorageConnection(SecretStore *store, const QString &dataDir,
                             const std::function<void(const Result<StorageConnection> &)> &done);

/**
 * The storage account to read, on store's thread: the environment's URL and SAS when given
 * (either one wins over its saved counterpart), else the saved connection with its secret from
 * the keychain. nullopt when no storage account is set up at all; an error says what to fix
 * (an invalid URL, a secret missing from the keychain, no keychain).
 */
void loadStorageAccount(
        SecretStore *store, const QString &dataDir, const QProcessEnvironment &environment,
        QObject *context,
        const std::function<void(const Result<std::optional<StorageAccount>> &)> &done);

/**
 * Checks a storage account before it is kept: lists each table's container (one blob) and
 * answers the tables that are streamed to it. A refused credential, or a network failure, fails
 * with what to do. Runs on context's thread with network; done is called there.
 */
void probeStorageAccount(QNetworkAccessManager *network, const StorageAccount &account,
                         const QStringList &tables, const BlobClientOptions &options,
                         QObject *context,
                         const std::function<void(const Result<QStringList> &)> &done);

/** BlobStreamReader's options from the sync's settings: its request timeout, back-off and the
 *  cap on `Retry-After` waits. */
BlobStreamOptions blobStreamOptionsFor(const SyncConfig &config);

/**
 * The seam `vigilctl events pull`, `sync --once` and the sync thread use: a reader of account
 * that hands its lines to sink, with the sync's timeouts and waits. Call it on the thread that
 * owns network (the sync thread); the reader lives there.
 */
std::unique_ptr<BlobStreamReader> createBlobStreamReader(QNetworkAccessManager *network,
                                                         const StorageAccount &account,
                                                         BlobChunkSink *sink,
                                                         const SyncConfig &config,
                                                         QObject *parent = nullptr);

/** How a table's pass ended, as `events pull` and `events status` say it: "read", "not
 *  streamed", "failed" or "cancelled". */
QString tableReadStateName(TableReadResult::State state);

/** @brief The last streaming pass of one table, as kept in `storage-status.ini`. A value. */
struct TablePullRecord
{
    QString table;
    QString lastPull; ///< ISO-8601 UTC; empty when the table was never read
    QString state; ///< tableReadStateName()
    QString error;
};

/** Keeps the last pass of each of tables in `storage-status.ini` in dataDir, beside
 *  storage.ini: the window's passes and `vigilctl events pull` write it, `events status` reads it.
 */
void keepTablePulls(const QString &dataDir, const QList<TablePullRecord> &tables);
/** The last pass kept for each table that has one, by table name. */
QHash<QString, TablePullRecord> keptTablePulls(const QString &dataDir);

} // namespace Vigil
