#include "pgdatabase.h"

#include "sql/sqlstatement.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QSqlError>

#include <vector>

namespace Vigil {

namespace {

QAtomicInteger<quint64> s_connectionCounter;

// pg_advisory_xact_lock key for migrations: "VIGL" as an integer.
constexpr qint64 kMigrationLock = 0x5649474c;

/**
 * SqlStatement over a QSqlQuery. `?N` and `?` are rewritten to positional `?` (a parameter used
 * twice is bound twice), which QPSQL turns into a server-side prepared statement.
 */
class PgStatement final : public SqlStatement
{
public:
    explicit PgStatement(const QSqlDatabase &db)
        : m_query(db)
    { }

    bool prepare(const QString &sql)
    {
        QString rewritten;
        rewritten.reserve(sql.size());
        int highest = 0;
        QChar quote;
        for (qsizetype n = 0; n < sql.size(); ++n) {
            const QChar c = sql.at(n);
            if (!quote.isNull()) {
                if (c == quote)
                    quote = QChar();
                rewritten += c;
                continue;
            }
            if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
                quote = c;
                rewritten += c;
                continue;
            }
            if (c != QLatin1Char('?')) {
                rewritten += c;
                continue;
            }
            qsizetype end = n + 1;
            while (end < sql.size() && sql.at(end).isDigit())
                ++end;
            const int index = end > n + 1 ? sql.mid(n + 1, end - n - 1).toInt() : highest + 1;
            highest = std::max(highest, index);
            m_order.push_back(index);
            rewritten += QLatin1Char('?');
            n = end - 1;
        }
        m_values.assign(size_t(highest), QVariant());
        m_query.setForwardOnly(true);
        return m_query.prepare(rewritten);
    }

    void bind(int column, const QString &text) override
    {
        set(column, text.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text));
    }
    void bind(int column, const QByteArray &blob) override
    {
        set(column, blob.isNull() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(blob));
    }
    void bind(int column, qint64 value) override { set(column, QVariant(value)); }
    void bind(int column, const QDateTime &time) override
    {
        set(column, time.isValid() ? QVariant(time.toMSecsSinceEpoch())
                                   : QVariant(QMetaType::fromType<qint64>()));
    }
    bool exec() override
    {
        const bool done = run();
        m_changes = done ? m_query.numRowsAffected() : 0;
        m_query.finish();
        m_active = false;
        return done;
    }
    int changes() const override { return m_changes; }
    QString error() const override { return m_query.lastError().text(); }
    bool next() override
    {
        if (!m_active) {
            m_active = true;
            if (!run()) {
                m_failed = true;
                return false;
            }
        }
        return m_query.next();
    }
    bool ok() const override { return !m_failed; }
    void finish() override
    {
        m_query.finish();
        m_active = false;
    }
    bool isNull(int column) const override { return m_query.isNull(column); }
    QString text(int column) const override { return m_query.value(column).toString(); }
    qint64 integer(int column) const override { return m_query.value(column).toLongLong(); }

private:
    void set(int column, QVariant value)
    {
        if (column >= 1 && size_t(column) <= m_values.size())
            m_values[size_t(column) - 1] = std::move(value);
    }
    bool run()
    {
        m_failed = false;
        for (size_t n = 0; n < m_order.size(); ++n)
            m_query.bindValue(int(n), m_values[size_t(m_order[n]) - 1]);
        return m_query.exec();
    }

    QSqlQuery m_query;
    std::vector<int> m_order;
    std::vector<QVariant> m_values;
    int m_changes = 0;
    bool m_active = false;
    bool m_failed = false;
};

} // namespace

Result<void> PgDatabase::open(const PgLocation &where, const QString &password, StoreOpenMode mode)
{
    close();
    m_mode = mode;
    m_displayName = where.displayName();
    m_connectionName = QStringLiteral("vigil.store.pg.%1.%2")
                               .arg(s_connectionCounter.fetchAndAddRelaxed(1))
                               .arg(mode == StoreOpenMode::ReadOnly ? QLatin1String("ro")
                                                                    : QLatin1String("rw"));
    if (Result<void> opened
        = openPgConnection(where, password, m_connectionName, QStringLiteral("vigil"));
        !opened) {
        m_connectionName.clear();
        Error error = opened.error();
        if (error.code == QLatin1String(kConnectErrorCode))
            error.message += QStringLiteral(" (with sslmode=%1)").arg(where.sslMode);
        return error;
    }
    m_open = true;
    // The server's NOTICEs (an IF NOT EXISTS that found the table) would go to stderr.
    Result<void> ready = exec(QStringLiteral("SET client_min_messages TO warning"));
    if (!ready) {
        close();
        return ready;
    }
    if (mode == StoreOpenMode::ReadWrite) {
        ready = migrate();
    } else {
        const int version = schemaVersion();
        const int latest = kBaselineVersion + int(sharedIncidentMigrations().size());
        if (version < kBaselineVersion || version > latest)
            ready = Error{Error::Kind::Storage,
                          0,
                          {},
                          QStringLiteral("database %1 has schema version %2; expected %3..%4")
                                  .arg(m_displayName)
                                  .arg(version)
                                  .arg(kBaselineVersion)
                                  .arg(latest),
                          {}};
    }
    if (!ready)
        close();
    return ready;
}

QSqlDatabase PgDatabase::db() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Result<void> PgDatabase::checkWritable() const
{
    if (!m_open || m_mode != StoreOpenMode::ReadWrite)
        return Error{
                Error::Kind::Storage, 0, {}, QStringLiteral("store is not open for writing"), {}};
    return {};
}

int PgDatabase::schemaVersion() const
{
    if (!m_open)
        return 0;
    QSqlQuery q(db());
    if (!q.exec(QStringLiteral("SELECT to_regclass('schema_version') IS NOT NULL")) || !q.next()
        || !q.value(0).toBool())
        return 0;
    if (!q.exec(QStringLiteral("SELECT MAX(version) FROM schema_version")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

Result<void> PgDatabase::prepareStatement(std::unique_ptr<SqlStatement> &statement,
                                          const QString &sql)
{
    auto prepared = std::make_unique<PgStatement>(db());
    if (!prepared->prepare(sql))
        return statementError(QStringLiteral("preparing a statement failed"), *prepared);
    statement = std::move(prepared);
    return {};
}

void PgDatabase::close()
{
    if (m_connectionName.isEmpty())
        return;
    {
        QSqlDatabase database = QSqlDatabase::database(m_connectionName, false);
        if (database.isOpen())
            database.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
    m_open = false;
}

Result<void> PgDatabase::migrate()
{
    QSqlDatabase database = db();
    // Every step runs in one transaction that holds the migration lock: consoles that start
    // together wait for the first one and then find the schema done.
    const auto step = [&](int version, const QStringList &statements) -> Result<void> {
        if (!database.transaction())
            return storageError(QStringLiteral("starting a migration"), database.lastError());
        QSqlQuery q(database);
        if (!q.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kMigrationLock))
            || !q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version ("
                                      " version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"))
            || !q.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_version"))
            || !q.next()) {
            Error error = storageError(QStringLiteral("reading the schema version"), q.lastError());
            database.rollback();
            return error;
        }
        const int current = q.value(0).toInt();
        q.finish();
        if (current >= version) { // another console was first
            database.rollback();
            return {};
        }
        for (const QString &statement : statements) {
            if (!q.exec(statement)) {
                Error error = storageError(
                        QStringLiteral("migrating %1 to schema %2").arg(m_displayName).arg(version),
                        q.lastError());
                database.rollback();
                return error;
            }
        }
        q.prepare(QStringLiteral("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)"));
        q.addBindValue(version);
        q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        if (!q.exec()) {
            Error error = storageError(QStringLiteral("recording migration %1").arg(version),
                                       q.lastError());
            database.rollback();
            return error;
        }
        if (!database.commit())
            return storageError(QStringLiteral("committing migration %1").arg(version),
                                database.lastError());
        qCInfo(lcStore).noquote() << "migrated" << m_displayName << "to schema version" << version;
        return {};
    };
    const int latest = kBaselineVersion + int(sharedIncidentMigrations().size());
    const int current = schemaVersion();
    if (current > latest)
        return Error{Error::Kind::Storage,
                     0,
                     {},
                     QStringLiteral("database %1 was written by a newer Vigil (schema %2)")
                             .arg(m_displayName)
                             .arg(current),
                     {}};
    if (current < kBaselineVersion) {
        if (Result<void> r = step(kBaselineVersion, PgDialect::baseline()); !r)
            return r;
    }
    for (int version = kBaselineVersion + 1; version <= latest; ++version) {
        if (Result<void> r
            = step(version,
                   withEngineTypes(sharedIncidentMigrations().at(version - kBaselineVersion - 1),
                                   StoreEngine::PostgreSQL));
            !r)
            return r;
    }
    return {};
}

} // namespace Vigil
