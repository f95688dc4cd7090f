#pragma once

#include "result.h"
#include "syncconfig.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QProcessEnvironment>
#include <QString>

#include <chrono>
#include <memory>
#include <optional>

class QThread;
class QTimer;

namespace Vigil {

class EventController;
class EventStreamWorker;
class SecretStore;

/** @brief Where a streaming pass is, for a progress bar. A value; any thread. */
struct EventStreamProgress
{
    int tablesDone = 0;
    int tablesTotal = 0;
    QString table; ///< the table being read
    int blobsDone = 0; ///< of the current table
    int blobsToRead = 0;
    qint64 bytesRead = 0; ///< in the whole pass
};

/** @brief What one streaming pass did with one table. A value; any thread. */
struct EventStreamTableResult
{
    enum class State {
        Read, ///< read up to the last complete line
        NotStreamed, ///< the account has no container for it: not an error
        Failed, ///< see error
        Cancelled,
    };
    QString table;
    State state = State::Read;
    qint64 rows = 0; ///< stored
    qint64 duplicates = 0; ///< already there, skipped
    qint64 rejected = 0; ///< lines that are not a record of the table
    int blobsRead = 0;
    qint64 bytesRead = 0;
    std::optional<Error> error;

    /** "read", "not streamed", "failed", "cancelled" (as `vigilctl events status` says). */
    static QString stateName(State state);
};

/** @brief What a whole streaming pass did. error is set when it stopped early. */
struct EventStreamPass
{
    QDateTime started;
    QDateTime finished;
    QList<EventStreamTableResult> tables;
    qint64 rows = 0;
    qint64 duplicates = 0;
    qint64 rejected = 0;
    std::optional<Error> error;
    bool cancelled = false;
};

/**
 * @brief The window's streaming from the Azure Storage account that the Defender streaming API
 * writes to: which account (saved, or from the environment), connecting and disconnecting it,
 * and passes of the blob reader into the hunting tables, every few minutes and on demand.
 *
 * Lives on the GUI thread. The keychain is read and written here (QtKeychain's jobs belong to
 * one thread); the network and the reader run on the controller's own thread
 * ("vigil-stream"), and what they stored goes through EventController's store thread. At most
 * one pass runs at a time; the destructor cancels it and waits for the thread.
 */
class EventStreamController : public QObject
{
    Q_OBJECT
public:
    enum class Credential { Sas, AccountKey };

    /** events must be started and outlive this controller. */
    explicit EventStreamController(EventController *events, QObject *parent = nullptr);
    ~EventStreamController() override;

    /**
     * Loads the account (environment's VIGIL_STORAGE_URL / VIGIL_STORAGE_SAS win over the saved
     * connection in dataDir) and, when there is one, runs a pass now and then every interval.
     */
    void start(const SyncConfig &config, const QString &dataDir,
               const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
    /** 5 minutes unless set; 0 stops the timer (passes only on demand). */
    void setInterval(std::chrono::milliseconds interval);

    /** The account read (scheme, host, port, path; no secret); empty when none. */
    QString accountUrl() const { return m_accountUrl; }
    /** The account comes from VIGIL_STORAGE_URL, which wins over a saved one. */
    bool accountFromEnvironment() const { return m_fromEnvironment; }
    bool isPassRunning() const { return m_passRunning; }
    bool isConnecting() const { return m_connecting; }
    std::optional<EventStreamPass> lastPass() const { return m_lastPass; }

    /** Starts a pass now, unless one runs or no account is set up (passSkipped says why). */
    void pullNow();
    /** Stops the running pass; what was stored stays (passFinished follows, cancelled). */
    void cancelPass();
    /**
     * Checks the account (lists its containers with the credential), then keeps it: the URL in
     * storage.ini, the secret in the keychain. connectFinished answers; nothing is kept when the
     * check or the keychain fails.
     */
    void connectAccount(const QString &url, Credential credential, const QString &secret);
    /** Forgets the saved account and its secret; connectFinished answers. */
    void disconnectAccount();

Q_SIGNALS:
    /** The account to read changed (empty url: none); error when it cannot be loaded. */
    void accountChanged(const QString &url, const std::optional<Vigil::Error> &error);
    void connectFinished(const std::optional<Vigil::Error> &error);
    void passStarted();
    void passSkipped(const QString &reason);
    void progressed(const Vigil::EventStreamProgress &progress);
    void tableFinished(const Vigil::EventStreamTableResult &result);
    void passFinished(const Vigil::EventStreamPass &pass);

private:
    void loadAccount();
    void startPass(const QStringList &tables);
    void onTableFinished(const EventStreamTableResult &result);
    void onPassFinished(EventStreamPass pass);
    void keepStatus(const EventStreamPass &pass);

    EventController *m_events = nullptr;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<QThread> m_thread;
    EventStreamWorker *m_worker = nullptr; ///< lives on m_thread
    QTimer *m_timer = nullptr;
    SyncConfig m_config;
    QString m_dataDir;
    QProcessEnvironment m_environment;
    bool m_started = false;
    bool m_hasAccount = false;
    bool m_fromEnvironment = false;
    QString m_accountUrl;
    quint64 m_accountGeneration = 0; ///< answers for an earlier account are dropped
    bool m_passRunning = false;
    bool m_awaitingTables = false;
    bool m_connecting = false;
    bool m_pullAfterLoad = false;
    bool m_pullWhenDone = false; ///< a new account came while a pass ran: read it next
    std::optional<EventStreamPass> m_lastPass;
    QDateTime m_passStarted;
};

} // namespace Vigil

Q_DECLARE_METATYPE(Vigil::EventStreamProgress)
Q_DECLARE_METATYPE(Vigil::EventStreamTableResult)
Q_DECLARE_METATYPE(Vigil::EventStreamPass)
