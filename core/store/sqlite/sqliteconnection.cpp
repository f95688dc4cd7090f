#include "sqliteconnection.h"

#include "sql/sqlstatement.h"
#include "sqlitedialect.h"
#include "sqlitestatement.h"

namespace Vigil {

namespace {

/** SqlStatement over a raw SqliteStatement: the shared repositories' page writes bind
 *  straight into sqlite3. */
class SqliteStoreStatement final : public SqlStatement
{
public:
    SqliteStatement raw;

    void bind(int column, const QString &text) override { raw.bind(column, text); }
    void bind(int column, const QByteArray &blob) override { raw.bind(column, blob); }
    void bind(int column, qint64 value) override { raw.bind(column, value); }
    void bind(int column, const QDateTime &time) override { raw.bind(column, time); }
    void bindUtf8(int column, std::string_view text) override
    {
        if (text.data())
            raw.bindStatic(column, text);
        else
            raw.bind(column, QString());
    }
    void bindBytes(int column, std::string_view bytes) override
    {
        if (bytes.data())
            raw.bindStaticBlob(column, bytes);
        else
            raw.bind(column, QByteArray());
    }
    bool exec() override { return raw.exec(); }
    int changes() const override { return raw.changes(); }
    qint64 lastInsertId() const override { return sqlite3_last_insert_rowid(raw.connection()); }
    QString error() const override { return raw.error(); }
    bool next() override { return raw.next(); }
    bool ok() const override { return raw.ok(); }
    void finish() override { raw.finish(); }
    bool isNull(int column) const override { return raw.isNull(column); }
    QString text(int column) const override { return raw.text(column); }
    qint64 integer(int column) const override { return raw.integer(column); }
};

} // namespace

QString SqliteStoreDialect::incidentFilterColumns() const
{
    // For the queue's filter: the alerts' products, their titles and evidence names, and the
    // number of comments. The names come from evidence kept as Graph sent it (JSON); older
    // data-stream evidence is left out, and so are items that are not objects (json_extract
    // would read a text item as JSON and fail the whole read).
    return QStringLiteral(
            " (SELECT group_concat(s, ',') FROM (SELECT service_source AS s FROM alerts"
            "  WHERE incident_id = i.provider_incident_id UNION SELECT service_source"
            "  FROM component_alerts WHERE id = i.rule_alert_id)),"
            " (SELECT group_concat(v, char(31)) FROM ("
            "  SELECT x.title AS v FROM (SELECT title FROM alerts"
            "   WHERE incident_id = i.provider_incident_id UNION ALL SELECT title"
            "   FROM component_alerts WHERE id = i.rule_alert_id) x"
            "  UNION ALL SELECT nullif(coalesce(json_extract(j.value, '$.deviceDnsName'),"
            "   json_extract(j.value, '$.userAccount.userPrincipalName'),"
            "   json_extract(j.value, '$.userAccount.accountName'),"
            "   json_extract(j.value, '$.primaryAddress'),"
            "   json_extract(j.value, '$.fileDetails.fileName'),"
            "   json_extract(j.value, '$.imageFile.fileName'), json_extract(j.value, "
            "'$.ipAddress'),"
            "   json_extract(j.value, '$.url'), json_extract(j.value, '$.displayName'), ''), '')"
            "  FROM (SELECT CAST(evidence AS TEXT) AS e FROM alerts"
            "   WHERE incident_id = i.provider_incident_id UNION ALL SELECT CAST(evidence AS TEXT)"
            "   FROM component_alerts WHERE id = i.rule_alert_id) y,"
            "  json_each(CASE WHEN json_valid(y.e) THEN y.e ELSE '[]' END) j"
            "  WHERE j.type = 'object')),"
            " (SELECT COUNT(*) FROM comments WHERE incident_id = i.provider_incident_id)");
}

QString SqliteStoreDialect::evidenceNames() const
{
    return QStringLiteral(
            "(SELECT group_concat(nullif(coalesce(json_extract(j.value, '$.deviceDnsName'),"
            " json_extract(j.value, '$.userAccount.userPrincipalName'),"
            " json_extract(j.value, '$.userAccount.accountName'),"
            " json_extract(j.value, '$.primaryAddress'),"
            " json_extract(j.value, '$.fileDetails.fileName'),"
            " json_extract(j.value, '$.imageFile.fileName'), json_extract(j.value, '$.ipAddress'),"
            " json_extract(j.value, '$.url'), json_extract(j.value, '$.displayName'), ''), ''),"
            " char(31)) FROM json_each(CASE WHEN json_valid(CAST(evidence AS TEXT))"
            " THEN CAST(evidence AS TEXT) ELSE '[]' END) j WHERE j.type = 'object')");
}

QString SqliteStoreDialect::inJsonArray(const QString &column, bool integers) const
{
    Q_UNUSED(integers) // json_each gives each value its own type
    return SqliteDialect::inJsonArray(column);
}

QString SqliteStoreDialect::insertIfAbsent(const QString &table, const QString &columns,
                                           const QString &values, const QString &key,
                                           const QString &keyParameter) const
{
    Q_UNUSED(keyParameter)
    // A single-row insert without DO UPDATE needs no statement journal: the cheapest way on
    // the page-write path. Its rowid is taken only when a row goes in.
    return QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)").arg(table, columns, values)
           + SqliteDialect::onConflictDoNothing(key);
}

QString SqliteStoreDialect::upsert(const QString &table, const QStringList &columns,
                                   const QString &values, const QString &key) const
{
    Q_UNUSED(key)
    return SqliteDialect::insertOrReplaceInto(table)
           + QStringLiteral(" (%1) VALUES (%2)").arg(columns.join(QStringLiteral(", ")), values);
}

QStringList SqliteStoreDialect::beginLockedTransaction(const QString &table) const
{
    Q_UNUSED(table) // SQLite locks the whole file
    return {SqliteDialect::beginWriteTransaction()};
}

QStringList SqliteStoreDialect::beginRowClaim() const
{
    // SQLite has no row locks: the write lock, taken at once, keeps every other claimer out.
    return {SqliteDialect::beginWriteTransaction()};
}

QString SqliteStoreDialect::beginWrite() const
{
    return SqliteDialect::beginWriteTransaction();
}

QString SqliteStoreDialect::newestIdQuery(const QString &table) const
{
    // AUTOINCREMENT keeps the highest id ever handed out, even once its row is gone.
    return QStringLiteral("SELECT seq FROM sqlite_sequence WHERE name = '%1'").arg(table);
}

Result<void> SqliteConnection::open(const QString &path, StoreOpenMode mode,
                                    const SqliteDatabase::Migrations &migrations)
{
    return m_database.open(path, mode, migrations, QStringLiteral("vigil.store"));
}

Result<void> SqliteConnection::prepareStatement(std::unique_ptr<SqlStatement> &statement,
                                                const QString &sql)
{
    auto prepared = std::make_unique<SqliteStoreStatement>();
    if (Result<void> r = m_database.prepareRaw(prepared->raw, sql); !r)
        return r;
    statement = std::move(prepared);
    return {};
}

} // namespace Vigil
