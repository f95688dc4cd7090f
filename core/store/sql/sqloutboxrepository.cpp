#include "sqloutboxrepository.h"

#include "sqlconnection.h"
#include "storerows.h"

#include <QHash>
#include <QSet>
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
    return select({}, {});
}

Result<QList<OutboxRow>> SqlOutboxRepository::select(const QString &where,
                                                     const QVariantList &values) const
{
    QSqlQuery q(m_database.db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, incident_number, provider_incident_id, field, base,"
                             " local, edit_time, attempts, next_attempt, state, last_error,"
                             " sent_at, analyst, claimed_by FROM outbox %1 ORDER BY id")
                      .arg(where));
    for (const QVariant &value : values)
        q.addBindValue(value);
    if (!q.exec())
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
        row.claimedBy = q.value(13).toString();
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

void SqlOutboxRepository::releaseStatements()
{
    m_pendingCount.reset();
    m_newestRowId.reset();
}

Result<qint64> SqlOutboxRepository::newestRowId() const
{
    const Result<SqlStatement *> q = m_database.preparedOnce(
            m_newestRowId, m_database.dialect().newestIdQuery(QStringLiteral("outbox")));
    if (!q)
        return q.error();
    SqlStatement &statement = **q;
    const qint64 newest = statement.next() ? statement.integer(0) : 0;
    statement.finish();
    if (!statement.ok())
        return statementError(QStringLiteral("reading the outbox"), statement);
    return newest;
}

int SqlOutboxRepository::pendingCount() const
{
    const Result<SqlStatement *> q = m_database.preparedOnce(
            m_pendingCount, QStringLiteral("SELECT COUNT(*) FROM outbox"));
    if (!q)
        return 0;
    SqlStatement &statement = **q;
    const int count = statement.next() ? int(statement.integer(0)) : 0;
    statement.finish();
    return statement.ok() ? count : 0;
}

Result<QList<OutboxRow>> SqlOutboxRepository::claimRows(const QString &owner, const QDateTime &now,
                                                        const QDateTime &until, int limit)
{
    return claim({owner, now, until, limit, std::nullopt, true, {}});
}

Result<QList<OutboxRow>> SqlOutboxRepository::claimIncidentRows(
        const QString &owner, qint64 number, const QDateTime &now, const QDateTime &until,
        int limit, const std::function<bool(const QString &)> &holderGone)
{
    return claim({owner, now, until, limit, number, false, holderGone});
}

Result<QList<OutboxRow>> SqlOutboxRepository::claim(const ClaimScope &scope)
{
    if (Result<void> writable = m_database.checkWritable(); !writable)
        return writable.error();
    QSqlDatabase db = m_database.db();
    QSqlQuery q(db);
    q.setForwardOnly(true);
    auto rollBack = [&db] { QSqlQuery(db).exec(QStringLiteral("ROLLBACK")); };
    const auto failed = [&](const QString &what, const QSqlError &error) {
        Error failure = storageError(what, error);
        rollBack();
        return failure;
    };
    const QStringList begin = m_database.dialect().beginRowClaim();
    for (const QString &statement : begin) {
        if (!q.exec(statement)) {
            Error error = storageError(QStringLiteral("claiming outbox rows"), q.lastError());
            if (&statement != &begin.constFirst())
                rollBack();
            return error;
        }
    }
    const QString where = scope.incident ? QStringLiteral(" WHERE incident_number = ?") : QString();
    // The rows this transaction may decide about, locked until it ends; on PostgreSQL those
    // another claimer is deciding about right now are passed over and stay its own.
    struct Candidate
    {
        QString state;
        QDateTime nextAttempt;
        QString holder;
        QDateTime holderUntil;
    };
    QHash<qint64, Candidate> lockedRows;
    q.prepare(
            QStringLiteral("SELECT id, state, next_attempt, claimed_by, claim_expires FROM outbox")
            + where + QStringLiteral(" ORDER BY id") + m_database.dialect().rowLockClause());
    if (scope.incident)
        q.addBindValue(*scope.incident);
    if (!q.exec())
        return failed(QStringLiteral("claiming outbox rows"), q.lastError());
    while (q.next()) {
        lockedRows.insert(q.value(0).toLongLong(),
                          Candidate{q.value(1).toString(), timeFrom(q.value(2)),
                                    q.value(3).toString(), timeFrom(q.value(4))});
    }
    q.finish();
    // Every row, the passed-over ones too: a row another claimer is taking holds back the rows
    // of its incident behind it.
    q.prepare(QStringLiteral("SELECT id, incident_number FROM outbox") + where
              + QStringLiteral(" ORDER BY id"));
    if (scope.incident)
        q.addBindValue(*scope.incident);
    if (!q.exec())
        return failed(QStringLiteral("claiming outbox rows"), q.lastError());
    QList<qint64> taken;
    QSet<qint64> heldBack; // incidents whose next row is not this claimer's to take
    while (q.next() && taken.size() < scope.limit) {
        const qint64 id = q.value(0).toLongLong();
        const qint64 number = q.value(1).toLongLong();
        if (heldBack.contains(number))
            continue;
        const auto candidate = lockedRows.constFind(id);
        const bool due = candidate != lockedRows.cend()
                         && (!scope.dueOnly
                             || (candidate->state == QLatin1String("queued")
                                 && (!candidate->nextAttempt.isValid()
                                     || candidate->nextAttempt <= scope.now)));
        const bool free
                = due
                  && (candidate->holder.isEmpty() || candidate->holder == scope.owner
                      || !candidate->holderUntil.isValid() || candidate->holderUntil < scope.now
                      || (scope.holderGone && scope.holderGone(candidate->holder)));
        if (!free) {
            heldBack.insert(number);
            continue;
        }
        taken.append(id);
    }
    q.finish();
    if (taken.isEmpty()) {
        rollBack();
        return QList<OutboxRow>();
    }
    const QString takenIds = StoreDialect::jsonArrayParameter(taken);
    q.prepare(QStringLiteral("UPDATE outbox SET claimed_by = ?, claim_expires = ? WHERE ")
              + m_database.dialect().inJsonArray(QStringLiteral("id"), true));
    q.addBindValue(scope.owner);
    q.addBindValue(timeValue(scope.until));
    q.addBindValue(takenIds);
    if (!q.exec())
        return failed(QStringLiteral("claiming outbox rows"), q.lastError());
    q.finish();
    Result<QList<OutboxRow>> claimed = select(
            QStringLiteral("WHERE ") + m_database.dialect().inJsonArray(QStringLiteral("id"), true),
            {QVariant(takenIds)});
    if (!claimed) {
        rollBack();
        return claimed;
    }
    if (!q.exec(QStringLiteral("COMMIT")))
        return failed(QStringLiteral("committing an outbox claim"), q.lastError());
    return claimed;
}

Result<void> SqlOutboxRepository::releaseRows(const QString &owner, const QList<qint64> &keep)
{
    if (Result<void> writable = m_database.checkWritable(); !writable)
        return writable;
    QSqlQuery q(m_database.db());
    q.prepare(QStringLiteral("UPDATE outbox SET claimed_by = NULL, claim_expires = NULL"
                             " WHERE claimed_by = ? AND NOT (")
              + m_database.dialect().inJsonArray(QStringLiteral("id"), true) + u')');
    q.addBindValue(owner);
    q.addBindValue(StoreDialect::jsonArrayParameter(keep));
    if (!q.exec())
        return storageError(QStringLiteral("giving up outbox claims"), q.lastError());
    return {};
}

Result<int> SqlOutboxRepository::settleRows(const QString &owner, const QList<qint64> &delivered,
                                            const QList<OutboxRow> &retried)
{
    if (Result<void> writable = m_database.checkWritable(); !writable)
        return writable.error();
    QSqlDatabase db = m_database.db();
    if (Result<void> begun = m_database.beginWrite(QStringLiteral("settling outbox rows")); !begun)
        return begun.error();
    const auto fail = [&db](const QString &what, const QSqlError &error) -> Result<int> {
        Error failed = storageError(what, error);
        db.rollback();
        return failed;
    };
    int settled = 0;
    QSqlQuery remove(db);
    remove.prepare(QStringLiteral("DELETE FROM outbox WHERE id = ? AND claimed_by = ?"));
    for (const qint64 id : delivered) {
        remove.addBindValue(id);
        remove.addBindValue(owner);
        if (!remove.exec())
            return fail(QStringLiteral("removing outbox row %1").arg(id), remove.lastError());
        settled += remove.numRowsAffected() > 0 ? 1 : 0;
    }
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE outbox SET attempts = ?, next_attempt = ?, state = ?,"
                                  " last_error = ?, claimed_by = NULL, claim_expires = NULL"
                                  " WHERE id = ? AND claimed_by = ?"));
    QList<qint64> numbers;
    for (const OutboxRow &row : retried) {
        update.addBindValue(row.attempts);
        update.addBindValue(timeValue(row.nextAttempt));
        update.addBindValue(row.state.isEmpty() ? QStringLiteral("queued") : row.state);
        update.addBindValue(row.lastError);
        update.addBindValue(row.id);
        update.addBindValue(owner);
        if (!update.exec())
            return fail(QStringLiteral("updating outbox row %1").arg(row.id), update.lastError());
        settled += update.numRowsAffected() > 0 ? 1 : 0;
        numbers.append(row.number);
    }
    if (auto r = m_database.notifyChange(StoreChange::What::Outbox, numbers, delivered.isEmpty());
        !r) {
        db.rollback();
        return r.error();
    }
    if (!db.commit())
        return fail(QStringLiteral("committing the outbox's answer"), db.lastError());
    return settled;
}

} // namespace Vigil
