// SqliteEventStore's file profiles: which files to ask Defender about, and its answers
// (table _vigil_file_profiles, see eventmigrations.cpp).
#include "sqliteeventstore.h"

#include "eventmigrations.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace Vigil {

namespace {

/** A SHA1 or SHA256 as hex digits, lower-cased; "" for anything else. */
QString fileId(const QString &text)
{
    if (text.size() != 40 && text.size() != 64)
        return {};
    for (QChar c : text) {
        const char16_t u = c.unicode();
        const bool hex
                = (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F');
        if (!hex)
            return {};
    }
    return text.toLower();
}

QVariant optionalValue(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<qint64>());
}

QVariant optionalValue(const std::optional<bool> &value)
{
    return value ? QVariant(qint64(*value ? 1 : 0)) : QVariant(QMetaType::fromType<qint64>());
}

QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

} // namespace

Result<QStringList> SqliteEventStore::fileProfilesToFetch(const QStringList &first,
                                                          qint64 freshSince, int max)
{
    // Recent events first: each source reads its latest rows through the ingestion-time index
    // only, so the cost per call stays bounded whatever the tables hold.
    constexpr int rowsPerSource = 2000;
    static const char *const tables[] = {"AlertEvidence", "DeviceProcessEvents", "DeviceFileEvents",
                                         "DeviceImageLoadEvents", "DeviceEvents"};
    // One ID per file: its SHA1, else its SHA256.
    static const char *const prefixes[] = {"", "InitiatingProcess"};
    QStringList candidates;
    QSet<QString> seen;
    const auto add = [&](const QString &value) {
        const QString id = fileId(value);
        if (!id.isEmpty() && !seen.contains(id)) {
            seen.insert(id);
            candidates.append(id);
        }
    };
    for (const QString &value : first)
        add(value);
    for (const char *tableName : tables) {
        const Table *table = findTable(QString::fromLatin1(tableName));
        if (!table)
            continue;
        for (const char *prefix : prefixes) {
            const QString sha1 = QString::fromLatin1(prefix) + QStringLiteral("SHA1");
            const QString sha256 = QString::fromLatin1(prefix) + QStringLiteral("SHA256");
            if (table->table->columnIndex(sha1) < 0 || table->table->columnIndex(sha256) < 0)
                continue;
            QSqlQuery q(m_db.db());
            if (!q.prepare(QStringLiteral("SELECT %1, %2 FROM %3 ORDER BY _vigil_ingested DESC "
                                          "LIMIT %4")
                                   .arg(quotedIdentifier(sha1), quotedIdentifier(sha256),
                                        quotedIdentifier(table->table->name))
                                   .arg(rowsPerSource))
                || !q.exec())
                return storageError(
                        QStringLiteral("reading the files of %1 failed").arg(table->table->name),
                        q.lastError());
            while (q.next()) {
                const QString id = fileId(q.value(0).toString());
                add(id.isEmpty() ? q.value(1).toString() : id);
            }
        }
    }
    // Those without a fresh profile, in that order.
    return notFetchedSince(candidates, freshSince, max, "_vigil_file_profiles", "id",
                           QStringLiteral("reading the file profiles failed"));
}

Result<void> SqliteEventStore::inImmediateTransaction(const std::function<Result<void>()> &work)
{
    if (auto begun = run("BEGIN IMMEDIATE"); !begun)
        return begun;
    // The work's statements are gone when it returns, so nothing holds the rollback back.
    if (Result<void> done = work(); !done) {
        (void)run("ROLLBACK");
        return done;
    }
    if (auto committed = run("COMMIT"); !committed) {
        (void)run("ROLLBACK");
        return committed;
    }
    return {};
}

Result<QStringList> SqliteEventStore::notFetchedSince(const QStringList &candidates,
                                                      qint64 freshSince, int max, const char *table,
                                                      const char *idColumn,
                                                      const QString &what) const
{
    QSet<QString> fresh;
    constexpr qsizetype chunk = 400;
    for (qsizetype at = 0; at < candidates.size(); at += chunk) {
        const QStringList part = candidates.mid(at, chunk);
        QStringList marks;
        for (qsizetype i = 0; i < part.size(); ++i)
            marks.append(QStringLiteral("?"));
        QSqlQuery q(m_db.db());
        q.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE fetched >= ? AND %1 IN (%3)")
                          .arg(QLatin1String(idColumn), QLatin1String(table), marks.join(u',')));
        q.addBindValue(freshSince);
        for (const QString &id : part)
            q.addBindValue(id);
        if (!q.exec())
            return storageError(what, q.lastError());
        while (q.next())
            fresh.insert(q.value(0).toString());
    }
    QStringList due;
    for (const QString &id : std::as_const(candidates)) {
        if (due.size() >= max)
            break;
        if (!fresh.contains(id))
            due.append(id);
    }
    return due;
}

Result<void> SqliteEventStore::storeFileProfiles(const QList<FileProfileRecord> &profiles)
{
    if (auto w = m_db.checkWritable(); !w)
        return w;
    if (profiles.isEmpty())
        return {};
    return inImmediateTransaction([&]() -> Result<void> {
        QSqlQuery q(m_db.db());
        q.prepare(QStringLiteral(
                "INSERT OR REPLACE INTO _vigil_file_profiles (id, available, sha1, sha256, md5, "
                "file_size, global_prevalence, global_first_seen, global_last_seen, signer, "
                "issuer, signer_hash, is_certificate_valid, is_root_signer_microsoft, "
                "signature_state, is_executable, threat_name, publisher, software_name, fetched) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        for (const FileProfileRecord &p : profiles) {
            const QString id = fileId(p.id);
            if (id.isEmpty())
                continue; // never a row under anything but a hash
            q.addBindValue(id);
            q.addBindValue(qint64(p.available ? 1 : 0));
            q.addBindValue(text(p.sha1));
            q.addBindValue(text(p.sha256));
            q.addBindValue(text(p.md5));
            q.addBindValue(optionalValue(p.fileSize));
            q.addBindValue(optionalValue(p.globalPrevalence));
            q.addBindValue(optionalValue(p.globalFirstSeen));
            q.addBindValue(optionalValue(p.globalLastSeen));
            q.addBindValue(text(p.signer));
            q.addBindValue(text(p.issuer));
            q.addBindValue(text(p.signerHash));
            q.addBindValue(optionalValue(p.isCertificateValid));
            q.addBindValue(optionalValue(p.isRootSignerMicrosoft));
            q.addBindValue(text(p.signatureState));
            q.addBindValue(optionalValue(p.isExecutable));
            q.addBindValue(text(p.threatName));
            q.addBindValue(text(p.publisher));
            q.addBindValue(text(p.softwareName));
            q.addBindValue(p.fetched);
            if (!q.exec())
                return storageError(QStringLiteral("storing a file profile failed"), q.lastError());
        }
        return {};
    });
}

} // namespace Vigil
