#pragma once

#include "store/storeaccess.h"

#include "result.h"
#include "storeconfig.h"

#include <QList>
#include <QString>

namespace Vigil {

/** One table of a store copy: its rows in the source and, after the copy, in the target. */
struct StoreCopyCount
{
    QString table;
    qint64 source = 0;
    qint64 target = 0;
};

/** What copySqliteStoreToPostgres() did; verified when every table's counts agree. */
struct StoreCopyReport
{
    QList<StoreCopyCount> tables;
    qint64 replacedIncidents = 0; ///< incidents the target held before (only with force)
    bool verified = false;
};

/**
 * Copies one analyst's SQLite store (from, read only: it is left as it is) into a PostgreSQL
 * store (to, created and migrated when new): incidents with their alerts, evidence and
 * comments, the outbox, the activity log, component alerts, the rules and the sync state, with
 * their numbers and ids. One transaction: on failure the target is as before. A target that
 * already holds incidents, alerts, outbox rows or activity is refused with a Conflict error
 * unless force, which replaces everything in it. Afterwards the rows of every table are
 * counted on both sides. Runs on the calling thread.
 */
Result<StoreCopyReport> copySqliteStoreToPostgres(const StoreConfig &from, const StoreConfig &to,
                                                  bool force);

} // namespace Vigil
