#pragma once

#include "storageaccount.h"

#include <QByteArray>
#include <QDateTime>
#include <QNetworkAccessManager>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

class QProcess;

namespace Vigil::Test {

/**
 * @brief A real Azure Storage blob service for a test: Azurite's `azurite-blob` on a free
 * loopback port with a throwaway folder, stopped (and its folder removed) with this object.
 *
 * Also writes blobs the way the Defender streaming API does (append blobs: Put Blob with
 * `x-ms-blob-type: AppendBlob`, then Append Block), authorised by Shared Key with Azurite's
 * published development account, and makes account SAS tokens. Its helpers wait for their
 * answer (the test thread's event loop keeps running meanwhile). Lives on the test's thread.
 *
 * azurite-blob is found through $VIGIL_AZURITE_BLOB, else where CMake found it at configure time
 * (scripts/install-deps.sh installs it in an npm cache outside the repository).
 */
class Azurite
{
public:
    static constexpr char kAccount[] = "devstoreaccount1";
    /** Azurite's published development key: not a secret. */
    static constexpr char kKey[]
            = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/"
              "KBHBeksoGMGw==";

    Azurite();
    ~Azurite();
    Azurite(const Azurite &) = delete;
    Azurite &operator=(const Azurite &) = delete;

    /** The azurite-blob to run; empty when none is installed. */
    static QString executable();
    /** What to do when it is missing. */
    static QString missingAdvice();
    /** True on CI (CI=true): a missing Azurite fails the test instead of skipping it. */
    static bool requiredHere();

    /** Starts it and waits until it listens; false with lastError() when it does not. */
    bool start();
    void stop();
    bool isRunning() const;

    /** http://127.0.0.1:<port>/devstoreaccount1 */
    QUrl endpoint() const;
    /** The development account with its key (Shared Key). */
    StorageAccount keyAccount() const;
    /** The development account with an account SAS for the blob service. */
    StorageAccount sasAccount(const QString &permissions, const QDateTime &expiry,
                              const QString &resourceTypes = QStringLiteral("co")) const;
    /** An account SAS query (sv=...&sig=...), signed with the development key. */
    QString accountSas(const QString &permissions, const QDateTime &expiry,
                       const QString &resourceTypes = QStringLiteral("co")) const;

    bool createContainer(const QString &container);
    bool deleteContainer(const QString &container);
    /** Put Blob, x-ms-blob-type: AppendBlob: an empty append blob (replaces one of that name). */
    bool createAppendBlob(const QString &container, const QString &blob);
    /** Append Block: data at the end of an append blob. */
    bool appendBlock(const QString &container, const QString &blob, const QByteArray &data);
    /** createAppendBlob, then appendBlock when data is not empty. */
    bool writeAppendBlob(const QString &container, const QString &blob, const QByteArray &data);
    bool deleteBlob(const QString &container, const QString &blob);

    /** Why the last call failed (status and the service's answer). */
    QString lastError() const { return m_lastError; }
    int lastStatus() const { return m_lastStatus; }

private:
    bool send(const QByteArray &verb, const QUrl &url, const QByteArray &body,
              const QList<std::pair<QByteArray, QByteArray>> &headers);

    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<QTemporaryDir> m_folder;
    QNetworkAccessManager m_network;
    int m_port = 0;
    QString m_lastError;
    int m_lastStatus = 0;
};

} // namespace Vigil::Test
