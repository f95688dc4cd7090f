#pragma once

#include "store/storeaccess.h"

#include "sql/incidentmigrations.h"
#include "sql/storedialect.h"

namespace Vigil {

/**
 * @brief The SQL of the incident store only PostgreSQL speaks (see StoreDialect), and its
 * baseline schema. Any thread.
 *
 * The columns keep SQLite's meaning (times as BIGINT milliseconds, booleans as 0/1 INTEGER,
 * lists as JSON text, evidence as BYTEA), ids come from identity columns, and the queue's
 * evidence names come from vigil_evidence_names(), a function the baseline creates.
 */
class PgDialect final : public StoreDialect
{
public:
    StoreEngine engine() const override { return StoreEngine::PostgreSQL; }
    QString incidentFilterColumns() const override;
    QString evidenceNames() const override;
    QString inJsonArray(const QString &column, bool integers) const override;
    QString insertIfAbsent(const QString &table, const QString &columns, const QString &values,
                           const QString &key, const QString &keyParameter) const override;
    QString upsert(const QString &table, const QStringList &columns, const QString &values,
                   const QString &key) const override;
    QStringList beginLockedTransaction(const QString &table) const override;
    QStringList beginRowClaim() const override;
    QString beginWrite() const override;
    QString rowLockClause() const override;
    QString newestIdQuery(const QString &table) const override;
    QString notifyStatement() const override;

    /** The schema at kBaselineVersion, in one step: what SQLite's versions 1..5 add up to. */
    static const QStringList &baseline();
};

} // namespace Vigil
