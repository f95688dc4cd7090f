#pragma once

#include "result.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace Vigil {

/** @brief One hunting query as it was run: the history's entry. Value type. */
struct HuntingRun
{
    enum class Where { Local, Remote }; ///< this machine's tables, or Defender (runHuntingQuery)
    enum class Status { Ok, Refused, Failed, Cancelled, TimedOut };

    qint64 id = 0; ///< given by the library
    QString query;
    QDateTime startedUtc;
    qint64 rows = 0;
    qint64 durationMs = 0;
    Where where = Where::Local;
    Status status = Status::Ok;
    QString message; ///< why it did not finish (Refused, Failed, …), in words

    /** "ok", "refused", "failed", "cancelled", "timed out": how the library stores it. */
    static QString statusName(Status status);
    static Status statusFromName(const QString &name);
};

/** @brief A query the analyst saved under a name. Value type. */
struct SavedQuery
{
    qint64 id = 0; ///< given by the library
    QString name;
    QString text;
    QDateTime createdUtc;
    QDateTime updatedUtc;
};

/** @brief A `.kql` file read for import: the name it gives the query and the query. */
struct KqlFile
{
    QString name;
    QString text;
};

/** The biggest `.kql` file imported: a query, not a data set. */
inline constexpr qint64 MaxKqlFileBytes = qint64(1024) * 1024;

/** The library's database file in dataDir: hunting-library.sqlite beside the stores. */
QString huntingLibraryPath(const QString &dataDir);

/** True when needle is empty or is in name or text, ignoring case (the library's search). */
bool huntingLibraryMatches(const QString &needle, const QString &name, const QString &text);

/** A saved query's name made usable: trimmed, control characters replaced, at most 200
 *  characters; empty when nothing is left. */
QString cleanQueryName(const QString &name);

/**
 * Reads a `.kql` file for import. Its name is the one a first line `// name: …` gives, else the
 * file's name without `.kql`; that line is not part of the query. A file over MaxKqlFileBytes,
 * one that is not UTF-8 text (or holds NUL bytes) or one that cannot be read is refused with a
 * Parse (or Storage) error that says so.
 */
Result<KqlFile> readKqlFile(const QString &path);

/** What exportKqlFile() writes: `// name: <name>` on the first line, then the query. */
QByteArray kqlFileContent(const SavedQuery &query);

/** A file name for query's export: its name with path separators, `..` and characters that
 *  file systems refuse replaced, then `.kql`. */
QString kqlFileName(const QString &name);

/** Writes query to path (whole or not at all). */
Result<void> writeKqlFile(const QString &path, const SavedQuery &query);

} // namespace Vigil

Q_DECLARE_METATYPE(Vigil::HuntingRun)
Q_DECLARE_METATYPE(Vigil::SavedQuery)
