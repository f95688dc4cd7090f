#pragma once

#include "store/storeaccess.h"

#include "huntinglibrary.h"

#include <memory>

namespace Vigil {

class SqliteDatabase;

/**
 * @brief The hunting library's database (hunting-library.sqlite): every query run, newest
 * first, and the saved queries by name.
 *
 * A file of its own rather than tables in events.sqlite or the incident store: those have their
 * own writers on their own threads (and events.sqlite a read-only hunting connection and
 * retention), while this one is written on every run from the window's side, and the analyst can
 * delete it without losing events or incidents. Keeps the newest MaxHistory runs. Used on one
 * thread, the one that opened it (the library facade's worker).
 */
class HuntingLibraryStore
{
public:
    static constexpr int MaxHistory = 10000;

    HuntingLibraryStore();
    ~HuntingLibraryStore();
    HuntingLibraryStore(const HuntingLibraryStore &) = delete;
    HuntingLibraryStore &operator=(const HuntingLibraryStore &) = delete;

    /** Opens (creating and migrating) the database at path; ":memory:" for tests. */
    Result<void> open(const QString &path);

    /** Records a run; its id. The oldest runs past MaxHistory go. */
    Result<qint64> recordRun(const HuntingRun &run);
    /** The newest limit runs, newest first. */
    Result<QList<HuntingRun>> history(int limit = 1000);
    Result<void> clearHistory();

    /**
     * Saves text under name (cleaned with cleanQueryName()). A name already taken (ignoring case)
     * is a Conflict unless replace, which then replaces that query's text.
     */
    Result<SavedQuery> saveQuery(const QString &name, const QString &text, bool replace = false);
    /** Conflict when another query has that name, NotFound when id is not there. */
    Result<void> renameQuery(qint64 id, const QString &name);
    Result<void> updateQueryText(qint64 id, const QString &text);
    Result<void> deleteQuery(qint64 id);
    /** Every saved query, by name. */
    Result<QList<SavedQuery>> savedQueries();
    Result<SavedQuery> savedQuery(qint64 id);

    /** Saves a `.kql` file's query (readKqlFile()); a name taken gets " (2)", " (3)", … */
    Result<SavedQuery> importKqlFile(const QString &path);

private:
    Result<std::optional<qint64>> idOfName(const QString &name);

    std::unique_ptr<SqliteDatabase> m_db;
};

} // namespace Vigil
