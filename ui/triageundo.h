#pragma once

#include "incident.h"
#include "triage.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace Vigil {

/**
 * The edit that puts an incident back where it was before `edit`: its previous status, owner,
 * classification and custom tags, dated `now`. nullopt when the edit changed nothing that can be
 * put back (a comment stays written; a classification cannot be taken back to none).
 */
std::optional<TriageEdit> editReverting(const Incident &before, const TriageEdit &edit,
                                        const QDateTime &now);

/** "Assign #12 to kai@contoso.com", "Close 3 incidents", … (translated): what an edit did. */
QString describeTriageEdit(const QList<qint64> &numbers, const TriageEdit &edit);

/**
 * @brief The analyst's triage edits that can be taken back, newest last. GUI thread.
 *
 * Each entry holds, per incident, the edit that restores the values it had when the analyst
 * made the edit (see editReverting()). Undoing sends those edits as new edits, so it works
 * whether the original is still in the outbox or Defender has it already. Holds at most
 * kLimit entries.
 */
class TriageUndoStack
{
    Q_DECLARE_TR_FUNCTIONS(TriageUndoStack)
public:
    static constexpr int kLimit = 50;

    struct Entry
    {
        QString description; ///< what the original edit did
        QList<std::pair<qint64, TriageEdit>> reverts; ///< per incident, the way back
    };

    /** Records an edit made on these incidents (their values before it); false when there is
     *  nothing to undo in it. */
    bool record(const QList<Incident> &before, const TriageEdit &edit, const QDateTime &now);
    bool isEmpty() const { return m_entries.isEmpty(); }
    int size() const { return int(m_entries.size()); }
    /** Entries, the next one to undo first. */
    QList<Entry> entries() const;
    /** Takes the newest entry off; its reverts carry the given analyst and time. */
    std::optional<Entry> take(const QString &analyst, const QDateTime &now);

private:
    QList<Entry> m_entries;
};

} // namespace Vigil
