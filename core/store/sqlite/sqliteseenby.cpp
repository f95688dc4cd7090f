// SqliteEventStore's SeenBy() answers: which devices to ask Defender about, and what it said
// (table _vigil_seen_by, see eventmigrations.cpp).
#include "sqliteeventstore.h"

#include "eventmigrations.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace Vigil {

Result<QStringList> SqliteEventStore::seenByToFetch(const QStringList &first, qint64 freshSince,
                                                    int max)
{
    // Recent rows first: each source reads its latest rows through the ingestion-time index
    // only, so the cost per call stays bounded whatever the tables hold.
    constexpr int rowsPerSource = 2000;
    static const char *const tables[] = {"AlertEvidence", "DeviceInfo", "DeviceNetworkInfo"};
    QStringList candidates;
    QSet<QString> seen;
    const auto add = [&](const QString &id) {
        if (isSeenByDeviceId(id) && !seen.contains(id)) {
            seen.insert(id);
            candidates.append(id);
        }
    };
    for (const QString &value : first)
        add(value);
    for (const char *tableName : tables) {
        const Table *table = findTable(QString::fromLatin1(tableName));
        if (!table || table->table->columnIndex(u"DeviceId") < 0)
            continue;
        QSqlQuery q(m_db.db());
        if (!q.prepare(QStringLiteral("SELECT \"DeviceId\" FROM %1 ORDER BY _vigil_ingested DESC "
                                      "LIMIT %2")
                               .arg(quotedIdentifier(table->table->name))
                               .arg(rowsPerSource))
            || !q.exec())
            return storageError(
                    QStringLiteral("reading the devices of %1 failed").arg(table->table->name),
                    q.lastError());
        while (q.next())
            add(q.value(0).toString());
    }
    // Those without a fresh answer, in that order.
    return notFetchedSince(candidates, freshSince, max, "_vigil_seen_by", "device_id",
                           QStringLiteral("reading the SeenBy() answers failed"));
}

Result<void> SqliteEventStore::storeSeenBy(const QList<SeenByRecord> &records)
{
    if (auto w = m_db.checkWritable(); !w)
        return w;
    if (records.isEmpty())
        return {};
    return inImmediateTransaction([&]() -> Result<void> {
        QSqlQuery q(m_db.db());
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO _vigil_seen_by (device_id, seen_by, "
                                 "fetched) VALUES (?, ?, ?)"));
        for (const SeenByRecord &r : records) {
            if (!isSeenByDeviceId(r.deviceId))
                continue; // never a row under anything a query could not have named
            q.addBindValue(r.deviceId);
            q.addBindValue(r.seenBy ? QVariant(*r.seenBy)
                                    : QVariant(QMetaType::fromType<QString>()));
            q.addBindValue(r.fetched);
            if (!q.exec())
                return storageError(QStringLiteral("storing a SeenBy() answer failed"),
                                    q.lastError());
        }
        return {};
    });
}

} // namespace Vigil
