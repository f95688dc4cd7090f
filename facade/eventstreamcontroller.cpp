#include "eventstreamcontroller.h"

#include "blobstreamreader.h"
#include "eventcontroller.h"
#include "eventservice.h"
#include "eventservicesink.h"
#include "huntingschema.h"
#include "secretstore.h"
#include "storageconnection.h"

#include <QNetworkAccessManager>
#include <QPointer>
#include <QThread>
#include <QTimer>

#include <functional>

namespace Vigil {

namespace {

constexpr std::chrono::minutes kDefaultInterval(5);

EventStreamTableResult::State stateOf(TableReadResult::State state)
{
    switch (state) {
    case TableReadResult::State::Read:
        return EventStreamTableResult::State::Read;
    case TableReadResult::State::NotStreamed:
        return EventStreamTableResult::State::NotStreamed;
    case TableReadResult::State::Failed:
        return EventStreamTableResult::State::Failed;
    case TableReadResult::State::Cancelled:
        return EventStreamTableResult::State::Cancelled;
    }
    return EventStreamTableResult::State::Failed;
}

Error streamError(Error::Kind kind, const QString &message)
{
    return Error{kind, 0, {}, message, {}};
}

} // namespace

QString EventStreamTableResult::stateName(State state)
{
    switch (state) {
    case State::Read:
        return tableReadStateName(TableReadResult::State::Read);
    case State::NotStreamed:
        return tableReadStateName(TableReadResult::State::NotStreamed);
    case State::Failed:
        return tableReadStateName(TableReadResult::State::Failed);
    case State::Cancelled:
        return tableReadStateName(TableReadResult::State::Cancelled);
    }
    return tableReadStateName(TableReadResult::State::Failed);
}

/**
 * @brief The streaming side of EventStreamController: the network manager, the reader and the
 * sink over the event store. Lives on the controller's "vigil-stream" thread; everything it
 * reports goes back through the callbacks it is given, which queue to the GUI thread.
 */
class EventStreamWorker : public QObject
{
public:
    struct PassCallbacks
    {
        std::function<void(const EventStreamProgress &)> progressed;
        std::function<void(const EventStreamTableResult &)> tableFinished;
        std::function<void(const EventStreamPass &)> finished;
    };

    explicit EventStreamWorker(EventService *service)
        : m_service(service)
    { }

    void setAccount(const std::optional<StorageAccount> &account) { m_account = account; }

    void runPass(const SyncConfig &config, const QStringList &tables,
                 const PassCallbacks &callbacks)
    {
        // The controller starts a pass only once the previous one has finished.
        if (m_reader && m_reader->isRunning())
            return;
        m_reader.reset();
        if (!m_account) {
            EventStreamPass pass;
            pass.error = streamError(Error::Kind::Config,
                                     QStringLiteral("no storage account is connected"));
            callbacks.finished(pass);
            return;
        }
        if (!m_sink)
            m_sink = std::make_unique<EventServiceSink>(m_service);
        m_sink->resetTotals();
        m_tables.clear();
        m_reader = createBlobStreamReader(network(), *m_account, m_sink.get(), config);
        BlobStreamOptions options = blobStreamOptionsFor(config);
        options.tables = tables;
        m_reader->setOptions(options);
        BlobStreamReader *reader = m_reader.get();
        connect(reader, &BlobStreamReader::progressed, this,
                [progressed = callbacks.progressed](const BlobReadProgress &progress) {
                    progressed({progress.tablesDone, progress.tablesTotal, progress.table,
                                progress.blobsDone, progress.blobsToRead, progress.bytesConsumed});
                });
        connect(reader, &BlobStreamReader::tableFinished, this,
                [this, tableFinished = callbacks.tableFinished](const TableReadResult &table) {
                    // The reader waits for the sink's answer to every chunk: the totals of this
                    // table are complete when it is finished.
                    const EventPullTotals &totals = m_sink->totals();
                    EventStreamTableResult result;
                    result.table = table.table;
                    result.state = stateOf(table.state);
                    result.rows = totals.ingested.inserted.value(table.table);
                    result.duplicates = totals.duplicatesByTable.value(table.table);
                    result.rejected = totals.rejectedByTable.value(table.table);
                    result.blobsRead = table.blobsRead;
                    result.bytesRead = table.bytesConsumed;
                    result.error = redacted(table.error);
                    m_tables.append(result);
                    tableFinished(result);
                });
        connect(reader, &BlobStreamReader::finished, this,
                [this, finished = callbacks.finished](const BlobReadSummary &summary) {
                    const EventPullTotals &totals = m_sink->totals();
                    EventStreamPass pass;
                    pass.tables = m_tables;
                    pass.rows = totals.ingested.totalInserted();
                    pass.duplicates = totals.ingested.duplicates;
                    pass.rejected = totals.ingested.rejectedCount;
                    pass.error = redacted(summary.error);
                    pass.cancelled = summary.error && summary.error->kind == Error::Kind::Cancelled;
                    finished(pass);
                });
        reader->start();
    }

    void cancel()
    {
        if (m_reader)
            m_reader->cancel();
    }

    void probe(const StorageAccount &account, const QStringList &tables,
               const BlobClientOptions &options,
               const std::function<void(const Result<QStringList> &)> &done)
    {
        probeStorageAccount(network(), account, tables, options, this, done);
    }

    /** Ends the pass and frees the network objects on this thread, before it stops. The reader
     *  goes first: the sink answers what is still waiting, and the reader is gone to hear it. */
    void shutdown()
    {
        if (m_reader)
            m_reader->cancel();
        m_reader.reset();
        m_sink.reset();
        m_network.reset();
    }

private:
    /** The reader redacts already; the window shows these, so once more with this secret. */
    std::optional<Error> redacted(std::optional<Error> error) const
    {
        if (error && m_account)
            error->message = redactSecrets(error->message, m_account->secret);
        return error;
    }

    QNetworkAccessManager *network()
    {
        // Made on this thread: a QNetworkAccessManager works on the thread it was made on.
        if (!m_network)
            m_network = std::make_unique<QNetworkAccessManager>();
        return m_network.get();
    }

    EventService *m_service = nullptr;
    std::optional<StorageAccount> m_account;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<EventServiceSink> m_sink;
    std::unique_ptr<BlobStreamReader> m_reader;
    QList<EventStreamTableResult> m_tables;
};

EventStreamController::EventStreamController(EventController *events, QObject *parent)
    : QObject(parent)
    , m_events(events)
    , m_secrets(std::make_unique<SecretStore>())
    , m_thread(std::make_unique<QThread>())
    , m_environment(QProcessEnvironment::systemEnvironment())
{
    qRegisterMetaType<EventStreamProgress>();
    qRegisterMetaType<EventStreamTableResult>();
    qRegisterMetaType<EventStreamPass>();
    qRegisterMetaType<std::optional<Error>>();
    m_thread->setObjectName(QStringLiteral("vigil-stream"));
    m_worker = new EventStreamWorker(m_events ? m_events->service() : nullptr);
    m_worker->moveToThread(m_thread.get());
    m_thread->start();

    m_timer = new QTimer(this);
    m_timer->setInterval(kDefaultInterval);
    connect(m_timer, &QTimer::timeout, this, &EventStreamController::pullNow);

    if (m_events) {
        connect(m_events, &EventController::tablesLoaded, this,
                [this](const EventTablesSnapshot &snapshot) {
                    if (!m_awaitingTables)
                        return;
                    m_awaitingTables = false;
                    if (snapshot.error) {
                        EventStreamPass pass;
                        pass.error = snapshot.error;
                        onPassFinished(pass);
                        return;
                    }
                    QStringList tables;
                    for (const EventTableStats &table : snapshot.tables) {
                        if (table.settings.collect)
                            tables.append(table.settings.table);
                    }
                    if (tables.isEmpty()) {
                        EventStreamPass pass;
                        pass.error = streamError(
                                Error::Kind::Config,
                                tr("No hunting table is collected: turn one on in the Hunting "
                                   "tables list."));
                        onPassFinished(pass);
                        return;
                    }
                    startPass(tables);
                });
    }
}

EventStreamController::~EventStreamController()
{
    m_timer->stop();
    // The pass stops where it is (what was stored stays) and the thread ends before the event
    // store it writes through goes away.
    QMetaObject::invokeMethod(
            m_worker, [worker = m_worker] { worker->shutdown(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_worker;
}

void EventStreamController::start(const SyncConfig &config, const QString &dataDir,
                                  const QProcessEnvironment &environment)
{
    m_config = config;
    m_dataDir = dataDir;
    m_environment = environment;
    m_started = true;
    m_pullAfterLoad = true;
    loadAccount();
}

void EventStreamController::setInterval(std::chrono::milliseconds interval)
{
    if (interval.count() <= 0) {
        m_timer->stop();
        m_timer->setInterval(kDefaultInterval);
        m_timer->setProperty("off", true);
        return;
    }
    m_timer->setProperty("off", false);
    m_timer->setInterval(interval);
    if (m_hasAccount && m_started)
        m_timer->start();
}

void EventStreamController::loadAccount()
{
    const quint64 generation = ++m_accountGeneration;
    loadStorageAccount(
            m_secrets.get(), m_dataDir, m_environment, this,
            [this, generation](const Result<std::optional<StorageAccount>> &loaded) {
                if (generation != m_accountGeneration)
                    return;
                std::optional<StorageAccount> account;
                std::optional<Error> error;
                if (!loaded)
                    error = loaded.error();
                else
                    account = loaded.value();
                m_hasAccount = account.has_value();
                m_accountUrl = account ? displayUrl(account->endpoint) : QString();
                m_fromEnvironment
                        = !m_environment.value(QLatin1String(kStorageUrlVariable)).isEmpty();
                QMetaObject::invokeMethod(
                        m_worker, [worker = m_worker, account] { worker->setAccount(account); },
                        Qt::QueuedConnection);
                Q_EMIT accountChanged(m_accountUrl, error);
                if (!m_hasAccount) {
                    m_timer->stop();
                    return;
                }
                if (!m_timer->property("off").toBool())
                    m_timer->start();
                if (m_pullAfterLoad) {
                    m_pullAfterLoad = false;
                    // A pass of the previous account may still be winding down.
                    if (m_passRunning)
                        m_pullWhenDone = true;
                    else
                        pullNow();
                }
            });
}

void EventStreamController::pullNow()
{
    if (m_passRunning)
        return;
    if (!m_hasAccount) {
        Q_EMIT passSkipped(tr("No storage account is connected: connect the one the Defender "
                              "streaming API writes to."));
        return;
    }
    if (!m_events || !m_events->service()) {
        Q_EMIT passSkipped(tr("The hunting tables are not open."));
        return;
    }
    m_passRunning = true;
    m_awaitingTables = true;
    m_passStarted = QDateTime::currentDateTimeUtc();
    Q_EMIT passStarted();
    // Only the tables being collected are read: ask the store which they are.
    m_events->requestTables();
}

void EventStreamController::startPass(const QStringList &tables)
{
    EventStreamWorker::PassCallbacks callbacks;
    const QPointer<EventStreamController> self(this);
    callbacks.progressed = [self](const EventStreamProgress &progress) {
        QMetaObject::invokeMethod(
                self, [self, progress] { Q_EMIT self->progressed(progress); },
                Qt::QueuedConnection);
    };
    callbacks.tableFinished = [self](const EventStreamTableResult &result) {
        QMetaObject::invokeMethod(
                self, [self, result] { self->onTableFinished(result); }, Qt::QueuedConnection);
    };
    callbacks.finished = [self](const EventStreamPass &pass) {
        QMetaObject::invokeMethod(
                self, [self, pass] { self->onPassFinished(pass); }, Qt::QueuedConnection);
    };
    QMetaObject::invokeMethod(
            m_worker,
            [worker = m_worker, config = m_config, tables, callbacks] {
                worker->runPass(config, tables, callbacks);
            },
            Qt::QueuedConnection);
}

void EventStreamController::onTableFinished(const EventStreamTableResult &result)
{
    Q_EMIT tableFinished(result);
}

void EventStreamController::onPassFinished(EventStreamPass pass)
{
    pass.started = m_passStarted;
    pass.finished = QDateTime::currentDateTimeUtc();
    m_passRunning = false;
    m_lastPass = pass;
    keepStatus(pass);
    Q_EMIT passFinished(pass);
    // The connector page's counts move with what the pass stored.
    if (m_events)
        m_events->requestTables();
    if (m_pullWhenDone) {
        m_pullWhenDone = false;
        QTimer::singleShot(0, this, &EventStreamController::pullNow);
    }
}

void EventStreamController::keepStatus(const EventStreamPass &pass)
{
    // The same file `vigilctl events status` reads: the last pass of each table.
    QList<TablePullRecord> records;
    const QString finished = pass.finished.toString(Qt::ISODate);
    for (const EventStreamTableResult &table : pass.tables)
        records.append({table.table, finished, EventStreamTableResult::stateName(table.state),
                        table.error ? table.error->message : QString()});
    keepTablePulls(m_dataDir, records);
}

void EventStreamController::cancelPass()
{
    if (m_awaitingTables) {
        m_awaitingTables = false;
        EventStreamPass pass;
        pass.cancelled = true;
        pass.error = streamError(Error::Kind::Cancelled, tr("the pass was stopped"));
        onPassFinished(pass);
        return;
    }
    if (m_passRunning)
        QMetaObject::invokeMethod(
                m_worker, [worker = m_worker] { worker->cancel(); }, Qt::QueuedConnection);
}

void EventStreamController::connectAccount(const QString &url, Credential credential,
                                           const QString &secret)
{
    if (m_connecting)
        return;
    const Result<StorageAccount> account = StorageAccount::create(
            url.trimmed(),
            credential == Credential::Sas ? StorageAccount::CredentialKind::Sas
                                          : StorageAccount::CredentialKind::AccountKey,
            secret.trimmed());
    if (!account) {
        Error error = account.error();
        error.message = redactSecrets(error.message, secret.trimmed());
        Q_EMIT connectFinished(error);
        return;
    }
    m_connecting = true;
    BlobClientOptions options = blobStreamOptionsFor(m_config).client;
    options.maxAttempts = std::min(options.maxAttempts, 2);
    QStringList tables;
    for (const HuntingTable &table : HuntingSchema::defender().tables())
        tables.append(table.name);
    const QPointer<EventStreamController> self(this);
    const StorageAccount &checked = account.value();
    auto probed = [self, checked](const Result<QStringList> &streamed) {
        QMetaObject::invokeMethod(
                self,
                [self, checked, streamed] {
                    if (!self)
                        return;
                    if (!streamed) {
                        self->m_connecting = false;
                        Error error = streamed.error();
                        error.message = redactSecrets(error.message, checked.secret);
                        Q_EMIT self->connectFinished(error);
                        return;
                    }
                    // Checked: now the keychain (on this thread) and storage.ini.
                    saveStorageConnection(self->m_secrets.get(), self->m_dataDir, checked,
                                          [self](const Result<void> &saved) {
                                              if (!self)
                                                  return;
                                              self->m_connecting = false;
                                              if (!saved) {
                                                  Q_EMIT self->connectFinished(saved.error());
                                                  return;
                                              }
                                              Q_EMIT self->connectFinished(std::nullopt);
                                              self->cancelPass();
                                              self->m_pullAfterLoad = true;
                                              self->loadAccount();
                                          });
                },
                Qt::QueuedConnection);
    };
    QMetaObject::invokeMethod(
            m_worker,
            [worker = m_worker, checked, tables, options, probed] {
                worker->probe(checked, tables, options, probed);
            },
            Qt::QueuedConnection);
}

void EventStreamController::disconnectAccount()
{
    if (m_connecting)
        return;
    m_connecting = true;
    const QPointer<EventStreamController> self(this);
    removeStorageConnection(m_secrets.get(), m_dataDir,
                            [self](const Result<StorageConnection> &removed) {
                                if (!self)
                                    return;
                                self->m_connecting = false;
                                if (!removed) {
                                    Q_EMIT self->connectFinished(removed.error());
                                    return;
                                }
                                self->cancelPass();
                                Q_EMIT self->connectFinished(std::nullopt);
                                self->loadAccount();
                            });
}

} // namespace Vigil
