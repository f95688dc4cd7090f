#include "sqloutboxrepository.h"

#include "sqlconnection.h"
#include "storerows.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Vigil {

using namespace StoreRows;

namespace {
constexpr auto kOutboxLease = "outbox";
}

SqlOutboxRepository::SqlOutboxRepository(SqlConnection &database)
    : m_database(database)
{ }

Result<void> SqlOutboxRepository::insertRow(const OutboxRow &row)
{
    QSqlQuery q(m_database.db());
    q.prepare(QStringLiteral("INSERT INTO outbox (incident_number, provider_incident_id, field,"
                             " base, local, edit_time, attempts, next_attempt, state, last_error,"
                             " analyst) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(row.number);
    q.addBindValue(row.providerIncidentId);
    q.addBindValue(fieldName(row.edit.field));
    q.addBindValue(fieldValueText(row.edit.base));
    q.addBindValue(fieldValueText(row.edit.local));
    q.addBindValue(timeValue(row.edit.editTime));
    q.addBindValue(row.attempts);
    q.addBindValue(timeValue(row.nextAttempt));
    q.addBindValue(row.state.isEmpty() ? QStringLiteral("queued") : row.state);
    q.addBindValue(row.lastError);
    q.addBindValue(row.analyst.isEmpty() ? m_database.analyst() : row.analyst);
    if (!q.exec())
        return storageError(QStringLiteral("queueing an edit of #%1").arg(row.number),
                            q.lastError());
    return {};
}

Result<QList<OutboxRow>> SqlOutboxRepository::rows() const
{
    QSqlQuery q(m_database.db());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, incident_number, provider_incident_id, field, base,"
                               " local, edit_time, attempts, next_attempt, state, last_error,"
                               " sent_at, analyst FROM outbox ORDER BY id")))
        return storageError(QStringLiteral("reading the outbox"), q.lastError());
    QList<OutboxRow> rows;
    while (q.next()) {
        const std::optional<IncidentField> field = fieldFromName(q.value(3).toString());
        if (!field)
            continue; // written by a newer Vigil: leave it for that version
        OutboxRow row;
        row.id = q.value(0).toLongLong();
        row.number = q.value(1).toLongLong();
        row.providerIncidentId = q.value(2).toString();
        row.edit.field = *field;
        row.edit.base = fieldValueFromText(q.value(4).toString());
        row.edit.local = fieldValueFromText(q.value(5).toString());
        row.edit.editTime = timeFrom(q.value(6));
        row.attempts = q.value(7).toInt();
        row.nextAttempt = timeFrom(q.value(8));
        row.state = q.value(9).toString();
        row.lastError = q.value(10).toString();
        row.sentAt = timeFrom(q.value(11));
        row.analyst = q.value(12).toString();
        rows.append(std::move(row));
    }
    return rows;
}

Result<void> SqlOutboxRepository::updateRow(const OutboxRow &row)
{
    QSqlQuery q(m_database.db());
    q.prepare(QStringLiteral("UPDATE outbox SET base = ?, local = ?, attempts = ?,"
                             " next_attempt = ?, state = ?, last_error = ? WHERE id = ?"));
    q.addBindValue(fieldValueText(row.edit.base));
    q.addBindValue(fieldValueText(row.edit.local));
    q.addBindValue(row.attempts);
    q.addBindValue(timeValue(row.nextAttempt));
    q.addBindValue(row.state.isEmpty() ? QStringLiteral("queued") : row.state);
    q.addBindValue(row.lastError);
    q.addBindValue(row.id);
    if (!q.exec())
        return storageError(QStringLiteral("updating outbox row %1").arg(row.id), q.lastError());
    return m_database.notifyChange(StoreChange::What::Outbox, {row.number});
}

Result<void> SqlOutboxRepository::deleteRows(const QList<qint64> &ids)
{
    QSqlQuery q(m_database.db());
    q.prepare(QStringLiteral("DELETE FROM outbox WHERE id = ?"));
    for (qint64 id : ids) {
        q.addBindValue(id);
        if (!q.exec())
            return storageError(QStringLiteral("removing outbox row %1").arg(id), q.lastError());
    }
    if (ids.isEmpty())
        return {};
    return m_database.notifyChange(StoreChange::What::Outbox, {}, false);
}

Result<void> SqlOutboxRepository::markSent(const QList<qint64> &ids, const QDateTime &at)
{
    if (Result<void> writable = m_database.checkWritable(); !writable)
        return writable;
    QSqlQuery q(m_database.db());
    // One statement: committed on its own (autocommit) before the request leaves.
    q.prepare(QStringLiteral("UPDATE outbox SET sent_at = ? WHERE ")
              + m_database.dialect().inJsonArray(QStringLiteral("id"), true));
    q.addBindValue(timeValue(at));
    q.addBindValue(StoreDialect::jsonArrayParameter(ids));
    if (!q.exec())
        return storageError(QStringLiteral("marking outbox rows as sent"), q.lastError());
    return m_database.notifyChange(StoreChange::What::Outbox, {}, false);
}

Result<QString> SqlOutboxRepository::claimDelivery(
        const QString &owner, const QDateTime &now, const QDateTime &until,
        const std::function<bool(const QString &)> &holderGone)
{
    if (Result<void> writable = m_database.checkWritable(); !writable)
        return writable.error();
    QSqlDatabase db = m_database.db();
    QSqlQuery q(db);
    // Take the write lock before reading the holder: two consoles that both read "free" in
    // deferred transactions would both take it.
    auto rollBack = [&db] { QSqlQuery(db).exec(QStringLiteral("ROLLBACK")); };
    const QStringList begin = m_database.dialect().beginLockedTransaction(QStringLiteral("leases"));
    for (const QString &statement : begin) {
        if (!q.exec(statement)) {
            Error error = storageError(QStringLiteral("claiming the outbox"), q.lastError());
            if (&statement != &begin.constFirst())
                rollBack();
            return error;
        }
    }
    q.prepare(QStringLiteral("SELECT owner, expires FROM leases WHERE name = ?"));
    q.addBindValue(QLatin1String(kOutboxLease));
    if (!q.exec()) {
        Error error = storageError(QStringLiteral("reading the outbox claim"), q.lastError());
        rollBack();
        return error;
    }
    if (q.next()) {
        const QString holder = q.value(0).toString();
        const QDateTime expires = timeFrom(q.value(1));
        q.finish();
        if (holder != owner && expires.isValid() && expires >= now
            && !(holderGone && holderGone(holder))) {
            rollBack();
            return holder;
        }
    }
    q.finish();
    q.prepare(m_database.dialect().upsert(
            QStringLiteral("leases"),
            {QStringLiteral("name"), QStringLiteral("owner"), QStringLiteral("expires")},
            QStringLiteral("?, ?, ?"), QStringLiteral("name")));
    q.addBindValue(QLatin1String(kOutboxLease));
    q.addBindValue(owner);
    q.addBindValue(timeValue(until));
    if (!q.exec()) {
        Error error = storageError(QStringLiteral("claiming the outbox"), q.lastError());
        rollBack();
        return error;
    }
    q.finish();
    if (!q.exec(QStringLiteral("COMMIT"))) {
        Error error = storageError(QStringLiteral("committing the outbox claim"), q.lastError());
        rollBack();
        return error;
    }
    return owner;
}

Result<void> SqlOutboxRepository::releaseDelivery(const QString &owner)
{
    if (Result<void> writable = m_database.checkWritable(); !writable)
        return writable;
    QSqlQuery q(m_database.db());
    q.prepare(QStringLiteral("DELETE FROM leases WHERE name = ? AND owner = ?"));
    q.addBindValue(QLatin1String(kOutboxLease));
    q.addBindValue(owner);
    if (!q.exec())
        return storageError(QStringLiteral("giving up the outbox claim"), q.lastError());
    return {};
}

Result<qint64> SqlOutboxRepository::newestRowId() const
{
    QSqlQuery q(m_database.db());
    if (!q.exec(m_database.dialect().newestIdQuery(QStringLiteral("outbox"))))
        return storageError(QStringLiteral("reading the outbox"), q.lastError());
    return q.next() ? q.value(0).toLongLong() : qint64(0);
}

int SqlOutboxRepository::pendingCount() const
{
    QSqlQuery q(m_database.db());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM outbox")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

} // namespace Vigil
