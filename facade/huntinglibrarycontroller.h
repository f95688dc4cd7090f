#pragma once

#include "huntinglibrary.h"

#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>

class QThread;

namespace Vigil {

/**
 * @brief The window's way to the hunting library (history and saved queries): every call is
 * queued to the library's own thread (`vigil-huntinglibrary`), which owns its database
 * (HuntingLibraryStore); the answers come back as signals carrying values.
 *
 * After each change the list it changed comes back whole (historyLoaded, savedQueriesLoaded), so
 * a view only shows the last list. A call that fails answers operationFailed with the reason.
 * GUI thread; the destructor waits for the call in progress.
 */
class HuntingLibraryController : public QObject
{
    Q_OBJECT
public:
    explicit HuntingLibraryController(QObject *parent = nullptr);
    ~HuntingLibraryController() override;

    /** Opens databasePath (huntingLibraryPath(dataDir)) on the library's thread; opened()
     *  answers, then both lists. */
    void start(const QString &databasePath);
    bool isStarted() const { return bool(m_thread); }

    void recordRun(const Vigil::HuntingRun &run);
    void requestHistory();
    void clearHistory();
    void requestSavedQueries();
    /** replace: a query of that name gets this text instead of a Conflict. */
    void saveQuery(const QString &name, const QString &text, bool replace = false);
    void renameQuery(qint64 id, const QString &name);
    void updateQueryText(qint64 id, const QString &text);
    void deleteQuery(qint64 id);
    /** Imports `.kql` files; importFinished says what came in and what was refused. */
    void importFiles(const QStringList &paths);
    void exportQuery(const Vigil::SavedQuery &query, const QString &path);

    /** The history lists at most this many runs (the library keeps more). */
    static constexpr int HistoryShown = 1000;

Q_SIGNALS:
    void opened(const std::optional<Vigil::Error> &error);
    void historyLoaded(const QList<Vigil::HuntingRun> &runs);
    void savedQueriesLoaded(const QList<Vigil::SavedQuery> &queries);
    /** A query was saved (or its text replaced) under query.name. */
    void querySaved(const Vigil::SavedQuery &query);
    void operationFailed(const Vigil::Error &error);
    /** errors: one line per refused file, saying which and why. */
    void importFinished(const QList<Vigil::SavedQuery> &imported, const QStringList &errors);
    void exportFinished(const QString &path, const std::optional<Vigil::Error> &error);

private:
    class Worker;
    struct ThreadStopper
    {
        void operator()(QThread *thread) const;
    };

    /** Runs work on the library's thread. */
    template<typename Work>
    void post(Work work);

    std::unique_ptr<QThread, ThreadStopper> m_thread;
    Worker *m_worker = nullptr;
};

} // namespace Vigil
