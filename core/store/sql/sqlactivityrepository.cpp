#include "sqlactivityrepository.h"

#include "sqlconnection.h"
#include "storerows.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Vigil {

using namespace StoreRows;

SqlActivityRepository::SqlActivityRepository(SqlConnection &database)
    : m_database(database)
{ }

Result<void> SqlActivityRepository::insert(qint64 number, const QList<ActivityEntry> &entries)
{
    QSqlQuery q(m_database.db());
    q.prepare(QStringLiteral("INSERT INTO activity (incident_number, time, side, field, old, new,"
                             " conflict, note, analyst) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const ActivityEntry &entry : entries) {
        q.addBindValue(number);
        q.addBindValue(timeValue(entry.time));
        q.addBindValue(entry.side == ActivitySide::Local ? QStringLiteral("local")
                                                         : QStringLiteral("remote"));
        q.addBindValue(fieldName(entry.field));
        q.addBindValue(fieldValueText(entry.oldValue));
        q.addBindValue(fieldValueText(entry.newValue));
        q.addBindValue(entry.conflict ? 1 : 0);
        q.addBindValue(entry.note);
        // Defender's side has no analyst of ours; a local change is the one its entry names (a
        // colleague's queued edit, settled here) or else the Store's analyst's.
        q.addBindValue(entry.side != ActivitySide::Local ? QString()
                       : entry.analyst.isEmpty()         ? m_database.analyst()
                                                         : entry.analyst);
        if (!q.exec())
            return storageError(QStringLiteral("logging activity of #%1").arg(number),
                                q.lastError());
    }
    return {};
}

Result<void> SqlActivityRepository::append(qint64 number, const QList<ActivityEntry> &entries)
{
    if (entries.isEmpty())
        return {};
    if (Result<void> r = insert(number, entries); !r)
        return r;
    return m_database.notifyChange(StoreChange::What::Activity, {number});
}

Result<QList<ActivityEntry>> SqlActivityRepository::load(qint64 number) const
{
    QSqlQuery q(m_database.db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT time, side, field, old, new, conflict, note, analyst FROM"
                             " activity"
                             " WHERE incident_number = ? ORDER BY time, id"));
    q.addBindValue(number);
    if (!q.exec())
        return storageError(QStringLiteral("loading activity of #%1").arg(number), q.lastError());
    QList<ActivityEntry> entries;
    while (q.next()) {
        const std::optional<IncidentField> field = fieldFromName(q.value(2).toString());
        if (!field)
            continue;
        ActivityEntry entry;
        entry.time = timeFrom(q.value(0));
        entry.side = q.value(1).toString() == QLatin1String("local") ? ActivitySide::Local
                                                                     : ActivitySide::Remote;
        entry.field = *field;
        entry.oldValue = fieldValueFromText(q.value(3).toString());
        entry.newValue = fieldValueFromText(q.value(4).toString());
        entry.conflict = q.value(5).toBool();
        entry.note = q.value(6).toString();
        entry.analyst = q.value(7).toString();
        entries.append(std::move(entry));
    }
    return entries;
}

} // namespace Vigil
