#include "huntinglibrarycontroller.h"

#include "store/huntinglibrarystore.h"

#include <QThread>

namespace Vigil {

/** Lives on the library's thread and owns the store there; deleted there when it finishes. */
class HuntingLibraryController::Worker : public QObject
{
public:
    HuntingLibraryStore store;
};

void HuntingLibraryController::ThreadStopper::operator()(QThread *thread) const
{
    thread->quit();
    thread->wait();
    delete thread;
}

HuntingLibraryController::HuntingLibraryController(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<HuntingRun>();
    qRegisterMetaType<SavedQuery>();
    qRegisterMetaType<QList<HuntingRun>>();
    qRegisterMetaType<QList<SavedQuery>>();
    qRegisterMetaType<std::optional<Error>>();
}

HuntingLibraryController::~HuntingLibraryController() = default;

template<typename Work>
void HuntingLibraryController::post(Work work)
{
    if (!m_worker)
        return;
    // The answers are posted back to this object; it outlives the thread (the destructor quits
    // and waits for it), so they cannot reach a deleted controller.
    QMetaObject::invokeMethod(
            m_worker, [worker = m_worker, self = this, work] { work(worker, self); },
            Qt::QueuedConnection);
}

namespace {

/** Emits on the GUI thread what the library's thread found. */
template<typename Emit>
void answer(HuntingLibraryController *self, Emit emitSignal)
{
    QMetaObject::invokeMethod(self, emitSignal, Qt::QueuedConnection);
}

template<typename Store>
void sendSaved(Store &store, HuntingLibraryController *self)
{
    auto list = store.savedQueries();
    if (list)
        answer(self, [self, queries = list.value()] { Q_EMIT self->savedQueriesLoaded(queries); });
    else
        answer(self, [self, error = list.error()] { Q_EMIT self->operationFailed(error); });
}

template<typename Store>
void sendHistory(Store &store, HuntingLibraryController *self)
{
    auto list = store.history(HuntingLibraryController::HistoryShown);
    if (list)
        answer(self, [self, runs = list.value()] { Q_EMIT self->historyLoaded(runs); });
    else
        answer(self, [self, error = list.error()] { Q_EMIT self->operationFailed(error); });
}

/** After a change: the saved queries again, or why the change failed. */
template<typename Store>
void afterChange(Store &store, HuntingLibraryController *self, const Result<void> &changed)
{
    if (!changed)
        answer(self, [self, error = changed.error()] { Q_EMIT self->operationFailed(error); });
    sendSaved(store, self);
}

} // namespace

void HuntingLibraryController::start(const QString &databasePath)
{
    if (m_thread)
        return;
    m_thread.reset(new QThread);
    m_thread->setObjectName(QStringLiteral("vigil-huntinglibrary"));
    m_worker = new Worker;
    m_worker->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
    post([databasePath](Worker *worker, HuntingLibraryController *self) {
        Q_ASSERT(QThread::currentThread() == worker->thread());
        const Result<void> opened = worker->store.open(databasePath);
        const std::optional<Error> error
                = opened ? std::nullopt : std::optional<Error>(opened.error());
        answer(self, [self, error] { Q_EMIT self->opened(error); });
        if (opened) {
            sendHistory(worker->store, self);
            sendSaved(worker->store, self);
        }
    });
}

void HuntingLibraryController::recordRun(const HuntingRun &run)
{
    post([run](Worker *worker, HuntingLibraryController *self) {
        const Result<qint64> recorded = worker->store.recordRun(run);
        if (!recorded)
            answer(self, [self, error = recorded.error()] { Q_EMIT self->operationFailed(error); });
        sendHistory(worker->store, self);
    });
}

void HuntingLibraryController::requestHistory()
{
    post([](Worker *worker, HuntingLibraryController *self) { sendHistory(worker->store, self); });
}

void HuntingLibraryController::clearHistory()
{
    post([](Worker *worker, HuntingLibraryController *self) {
        const Result<void> cleared = worker->store.clearHistory();
        if (!cleared)
            answer(self, [self, error = cleared.error()] { Q_EMIT self->operationFailed(error); });
        sendHistory(worker->store, self);
    });
}

void HuntingLibraryController::requestSavedQueries()
{
    post([](Worker *worker, HuntingLibraryController *self) { sendSaved(worker->store, self); });
}

void HuntingLibraryController::saveQuery(const QString &name, const QString &text, bool replace)
{
    post([name, text, replace](Worker *worker, HuntingLibraryController *self) {
        const Result<SavedQuery> saved = worker->store.saveQuery(name, text, replace);
        if (saved)
            answer(self, [self, query = saved.value()] { Q_EMIT self->querySaved(query); });
        else
            answer(self, [self, error = saved.error()] { Q_EMIT self->operationFailed(error); });
        sendSaved(worker->store, self);
    });
}

void HuntingLibraryController::renameQuery(qint64 id, const QString &name)
{
    post([id, name](Worker *worker, HuntingLibraryController *self) {
        afterChange(worker->store, self, worker->store.renameQuery(id, name));
    });
}

void HuntingLibraryController::updateQueryText(qint64 id, const QString &text)
{
    post([id, text](Worker *worker, HuntingLibraryController *self) {
        afterChange(worker->store, self, worker->store.updateQueryText(id, text));
    });
}

void HuntingLibraryController::deleteQuery(qint64 id)
{
    post([id](Worker *worker, HuntingLibraryController *self) {
        afterChange(worker->store, self, worker->store.deleteQuery(id));
    });
}

void HuntingLibraryController::importFiles(const QStringList &paths)
{
    post([paths](Worker *worker, HuntingLibraryController *self) {
        QList<SavedQuery> imported;
        QStringList errors;
        for (const QString &path : paths) {
            const Result<SavedQuery> saved = worker->store.importKqlFile(path);
            if (saved)
                imported.append(saved.value());
            else
                errors.append(saved.error().message);
        }
        answer(self, [self, imported, errors] { Q_EMIT self->importFinished(imported, errors); });
        sendSaved(worker->store, self);
    });
}

void HuntingLibraryController::exportQuery(const SavedQuery &query, const QString &path)
{
    post([query, path](Worker *, HuntingLibraryController *self) {
        const Result<void> written = writeKqlFile(path, query);
        const std::optional<Error> error
                = written ? std::nullopt : std::optional<Error>(written.error());
        answer(self, [self, path, error] { Q_EMIT self->exportFinished(path, error); });
    });
}

} // namespace Vigil
