#include "triageundo.h"

#include "vocabulary.h"

#include <algorithm>

namespace Vigil {

namespace {

bool restorable(const ClassificationChoice &choice)
{
    return choice.classification != VigilClassification::None
           && choice.classification != VigilClassification::Unknown;
}

} // namespace

std::optional<TriageEdit> editReverting(const Incident &before, const TriageEdit &edit,
                                        const QDateTime &now)
{
    TriageEdit back;
    back.analyst = edit.analyst;
    back.editTime = now;
    bool any = false;
    const VigilStatus was = vigilStatus(before.status);
    const ClassificationChoice wasClassified
            = classificationChoiceFor(before.classification, before.determination);
    if (edit.status && *edit.status != was && was != VigilStatus::Unknown) {
        back.status = was;
        any = true;
        // Closing again needs the classification it had (Sentinel's rule).
        if (was == VigilStatus::Closed && restorable(wasClassified))
            back.classification = wasClassified;
    }
    if (edit.owner && edit.owner->compare(before.assignedTo, Qt::CaseInsensitive) != 0) {
        back.owner = before.assignedTo;
        any = true;
    }
    if (edit.classification && !(*edit.classification == wasClassified)
        && restorable(wasClassified)) {
        back.classification = wasClassified;
        any = true;
    }
    for (const QString &tag : edit.tagsToAdd) {
        if (!before.customTags.contains(tag, Qt::CaseInsensitive)) {
            back.tagsToRemove.append(tag);
            any = true;
        }
    }
    for (const QString &tag : edit.tagsToRemove) {
        if (before.customTags.contains(tag, Qt::CaseInsensitive)) {
            back.tagsToAdd.append(tag);
            any = true;
        }
    }
    if (!any)
        return std::nullopt;
    return back;
}

QString describeTriageEdit(const QList<qint64> &numbers, const TriageEdit &edit)
{
    const QString which = numbers.size() == 1
                                  ? TriageUndoStack::tr("#%1").arg(numbers.constFirst())
                                  : TriageUndoStack::tr("%1 incidents").arg(numbers.size());
    QStringList parts;
    if (edit.status) {
        switch (*edit.status) {
        case VigilStatus::New:
            parts << TriageUndoStack::tr("status New");
            break;
        case VigilStatus::Active:
            parts << TriageUndoStack::tr("status Active");
            break;
        case VigilStatus::Closed:
            parts << TriageUndoStack::tr("close");
            break;
        case VigilStatus::Unknown:
            break;
        }
    }
    if (edit.owner)
        parts << (edit.owner->isEmpty() ? TriageUndoStack::tr("unassign")
                                        : TriageUndoStack::tr("assign to %1").arg(*edit.owner));
    if (edit.classification && !(edit.status && *edit.status == VigilStatus::Closed))
        parts << TriageUndoStack::tr("classification");
    if (!edit.tagsToAdd.isEmpty() || !edit.tagsToRemove.isEmpty())
        parts << TriageUndoStack::tr("tags");
    if (edit.comment)
        parts << TriageUndoStack::tr("comment");
    return TriageUndoStack::tr("%1 on %2", "what an edit changed, on which incidents")
            .arg(parts.join(QStringLiteral(", ")), which);
}

bool TriageUndoStack::record(const QList<Incident> &before, const TriageEdit &edit,
                             const QDateTime &now)
{
    Entry entry;
    QList<qint64> numbers;
    for (const Incident &incident : before) {
        numbers.append(incident.number);
        if (std::optional<TriageEdit> back = editReverting(incident, edit, now))
            entry.reverts.append({incident.number, *back});
    }
    if (entry.reverts.isEmpty())
        return false;
    entry.description = describeTriageEdit(numbers, edit);
    m_entries.append(entry);
    while (m_entries.size() > kLimit)
        m_entries.removeFirst();
    return true;
}

QList<TriageUndoStack::Entry> TriageUndoStack::entries() const
{
    QList<Entry> newestFirst = m_entries;
    std::reverse(newestFirst.begin(), newestFirst.end());
    return newestFirst;
}

std::optional<TriageUndoStack::Entry> TriageUndoStack::take(const QString &analyst,
                                                            const QDateTime &now)
{
    if (m_entries.isEmpty())
        return std::nullopt;
    Entry entry = m_entries.takeLast();
    for (auto &[number, edit] : entry.reverts) {
        if (!analyst.isEmpty())
            edit.analyst = analyst;
        edit.editTime = now;
    }
    return entry;
}

} // namespace Vigil
