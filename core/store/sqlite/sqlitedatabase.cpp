#include "sqlitedatabase.h"

#include "sqlitedialect.h"
#include "sqlitestatement.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>

Q_LOGGING_CATEGORY(lcStore, "vigil.store")

namespace Vigil {

namespace {

QAtomicInteger<quint64> s_connectionCounter;

} // namespace

Error storageError(const QString &what, const QSqlError &error)
{
    const QString text = what + QStringLiteral(": ") + error.text();
    qCWarning(lcStore).noquote() << text;
    return Error{Error::Kind::Storage, 0, error.nativeErrorCode(), text, {}};
}

Error statementError(const QString &what, const SqliteStatement &statement)
{
    const QString text = what + QStringLiteral(": ") + statement.error();
    qCWarning(lcStore).noquote() << text;
    return Error{Error::Kind::Storage, 0, {}, text, {}};
}

SqliteDatabase::~SqliteDatabase()
{
    close();
}

Result<void> SqliteDatabase::open(const QString &path, StoreOpenMode mode,
                                  const Migrations &migrations, const QString &connectionPrefix,
                                  const QStringList &firstPragmas)
{
    close();
    m_path = path;
    m_mode = mode;
    m_connectionName = QStringLiteral("%1.%2.%3")
                               .arg(connectionPrefix)
                               .arg(s_connectionCounter.fetchAndAddRelaxed(1))
                               .arg(mode == StoreOpenMode::ReadOnly ? QLatin1String("ro")
                                                                    : QLatin1String("rw"));
    const bool memory = path == QLatin1String(":memory:");
    if (mode == StoreOpenMode::ReadOnly && !memory && !QFileInfo::exists(path)) {
        return Error{Error::Kind::Storage,
                     0,
                     {},
                     QStringLiteral("database %1 does not exist").arg(path),
                     {}};
    }
    if (!memory && !QDir().mkpath(QFileInfo(path).absolutePath())) {
        return Error{Error::Kind::Storage,
                     0,
                     {},
                     QStringLiteral("cannot create the folder of %1").arg(path),
                     {}};
    }
    {
        QSqlDatabase database
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        database.setDatabaseName(path);
        QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000");
        if (mode == StoreOpenMode::ReadOnly)
            options += QStringLiteral(";QSQLITE_OPEN_READONLY");
        database.setConnectOptions(options);
        if (!database.open()) {
            Error error = storageError(QStringLiteral("cannot open %1").arg(path),
                                       database.lastError());
            database = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_connectionName);
            m_connectionName.clear();
            return error;
        }
    }
    m_open = true;

    if (Result<void> readable = checkReadable(); !readable) {
        close();
        return readable;
    }
    Result<void> ready;
    if (mode == StoreOpenMode::ReadWrite) {
        for (const QString &pragma : firstPragmas + SqliteDialect::writerPragmas()) {
            if (ready)
                ready = exec(pragma);
        }
        if (ready)
            ready = migrate(migrations);
    } else {
        const int version = schemaVersion();
        if (version < 1 || version > migrations.size()) {
            ready = Error{Error::Kind::Storage,
                          0,
                          {},
                          QStringLiteral("database %1 has schema version %2; expected 1..%3")
                                  .arg(path)
                                  .arg(version)
                                  .arg(migrations.size()),
                          {}};
        }
    }
    if (!ready)
        close();
    return ready;
}

Result<void> SqliteDatabase::checkReadable()
{
    // SQLite opens any file and fails at the first statement. A file that is not a database,
    // or a damaged one, gets a message that names it and says what to do, before any pragma or
    // migration: nothing is written to it.
    QSqlQuery probe(db());
    if (probe.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")))
        return {};
    const QString code = probe.lastError().nativeErrorCode();
    if (code != QLatin1String("26") && code != QLatin1String("11")) // NOTADB, CORRUPT
        return storageError(QStringLiteral("cannot read %1").arg(m_path), probe.lastError());
    return Error{Error::Kind::Storage,
                 0,
                 {},
                 QStringLiteral("%1 is not a Vigil database, or it is damaged (SQLite: %2). "
                                "Nothing was written to it: move it aside to start a new one in "
                                "its place, or put back a copy from a backup")
                         .arg(QDir::toNativeSeparators(m_path), probe.lastError().databaseText()),
                 {}};
}

void SqliteDatabase::close()
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

QSqlDatabase SqliteDatabase::db() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Result<void> SqliteDatabase::checkWritable() const
{
    if (!m_open || m_mode != StoreOpenMode::ReadWrite)
        return Error{
                Error::Kind::Storage, 0, {}, QStringLiteral("store is not open for writing"), {}};
    return {};
}

int SqliteDatabase::schemaVersion() const
{
    if (!m_open)
        return 0;
    QSqlQuery q(db());
    if (!q.exec(SqliteDialect::tableExistsQuery(QStringLiteral("schema_version"))) || !q.next())
        return 0;
    if (!q.exec(QStringLiteral("SELECT MAX(version) FROM schema_version")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

QString SqliteDatabase::journalMode() const
{
    QSqlQuery q(db());
    if (!q.exec(SqliteDialect::journalModeQuery()) || !q.next())
        return {};
    return q.value(0).toString().toLower();
}

Result<void> SqliteDatabase::exec(const QString &sql)
{
    QSqlQuery q(db());
    if (!q.exec(sql))
        return storageError(QStringLiteral("SQL failed"), q.lastError());
    return {};
}

Result<void> SqliteDatabase::prepare(std::optional<QSqlQuery> &query, const QString &sql)
{
    query.emplace(db());
    if (!query->prepare(sql))
        return storageError(QStringLiteral("preparing a statement failed"), query->lastError());
    return {};
}

Result<void> SqliteDatabase::prepareRaw(SqliteStatement &statement, const QString &sql)
{
    const QVariant handle = db().driver()->handle();
    sqlite3 *connection = nullptr;
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
        connection = *static_cast<sqlite3 *const *>(handle.constData());
    if (!connection)
        return Error{Error::Kind::Storage,
                     0,
                     {},
                     QStringLiteral("the SQLite driver gives no connection handle"),
                     {}};
    if (!statement.prepare(connection, sql))
        return Error{Error::Kind::Storage,
                     0,
                     {},
                     QStringLiteral("preparing a statement failed: ")
                             + QString::fromUtf8(sqlite3_errmsg(connection)),
                     {}};
    return {};
}

Result<void> SqliteDatabase::migrate(const Migrations &migrations)
{
    if (auto r = exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version ("
                                     " version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"));
        !r)
        return r;
    int current = 0;
    {
        QSqlQuery q(db());
        if (!q.exec(QStringLiteral("SELECT MAX(version) FROM schema_version")))
            return storageError(QStringLiteral("reading the schema version failed"), q.lastError());
        if (q.next())
            current = q.value(0).toInt();
    }
    if (current > migrations.size()) {
        return Error{Error::Kind::Storage,
                     0,
                     {},
                     QStringLiteral("database %1 was written by a newer Vigil (schema %2)")
                             .arg(m_path)
                             .arg(current),
                     {}};
    }
    for (int version = current + 1; version <= migrations.size(); ++version) {
        QSqlDatabase database = db();
        if (!database.transaction())
            return storageError(QStringLiteral("starting a migration failed"),
                                database.lastError());
        for (const QString &statement : migrations.at(version - 1)) {
            if (auto r = exec(statement); !r) {
                database.rollback();
                return r;
            }
        }
        QSqlQuery q(database);
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
        qCInfo(lcStore) << "migrated" << m_path << "to schema version" << version;
    }
    return {};
}

} // namespace Vigil
