#include "huntinglibrarystore.h"

#include "sqlitedatabase.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Vigil {

namespace {

// Each entry is one schema version; never edit a released one, append a new one.
const SqliteDatabase::Migrations &libraryMigrations()
{
    static const SqliteDatabase::Migrations list = {
            // 1: the runs and the saved queries; times are milliseconds since 1970 UTC.
            {QStringLiteral("CREATE TABLE runs ("
                            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                            " query TEXT NOT NULL,"
                            " started INTEGER NOT NULL,"
                            " row_count INTEGER NOT NULL,"
                            " duration_ms INTEGER NOT NULL,"
                            " remote INTEGER NOT NULL,"
                            " status TEXT NOT NULL,"
                            " message TEXT NOT NULL DEFAULT '')"),
             QStringLiteral("CREATE TABLE saved_queries ("
                            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                            " name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
                            " query TEXT NOT NULL,"
                            " created INTEGER NOT NULL,"
                            " updated INTEGER NOT NULL)")},
    };
    return list;
}

Error libraryError(Error::Kind kind, const QString &message)
{
    Error error;
    error.kind = kind;
    error.message = message;
    return error;
}

Error notOpen()
{
    return libraryError(Error::Kind::Storage, QStringLiteral("the hunting library is not open"));
}

QDateTime fromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

SavedQuery savedFrom(const QSqlQuery &q)
{
    SavedQuery saved;
    saved.id = q.value(0).toLongLong();
    saved.name = q.value(1).toString();
    saved.text = q.value(2).toString();
    saved.createdUtc = fromMs(q.value(3).toLongLong());
    saved.updatedUtc = fromMs(q.value(4).toLongLong());
    return saved;
}

/** A null QString binds as NULL; the columns hold text. */
QString textOrEmpty(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

const QString SavedColumns = QStringLiteral("id, name, query, created, updated");

} // namespace

HuntingLibraryStore::HuntingLibraryStore()
    : m_db(std::make_unique<SqliteDatabase>())
{ }

HuntingLibraryStore::~HuntingLibraryStore() = default;

Result<void> HuntingLibraryStore::open(const QString &path)
{
    return m_db->open(path, StoreOpenMode::ReadWrite, libraryMigrations(),
                      QStringLiteral("vigil.huntinglibrary"));
}

Result<qint64> HuntingLibraryStore::recordRun(const HuntingRun &run)
{
    if (!m_db->isOpen())
        return notOpen();
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("INSERT INTO runs (query, started, row_count, duration_ms, remote,"
                             " status, message) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(textOrEmpty(run.query));
    q.addBindValue(run.startedUtc.toMSecsSinceEpoch());
    q.addBindValue(run.rows);
    q.addBindValue(run.durationMs);
    q.addBindValue(run.where == HuntingRun::Where::Remote ? 1 : 0);
    q.addBindValue(HuntingRun::statusName(run.status));
    q.addBindValue(textOrEmpty(run.message));
    if (!q.exec())
        return storageError(QStringLiteral("recording a hunting run failed"), q.lastError());
    const qint64 id = q.lastInsertId().toLongLong();
    QSqlQuery trim(m_db->db());
    trim.prepare(QStringLiteral("DELETE FROM runs WHERE id <= ?"));
    trim.addBindValue(id - MaxHistory);
    if (!trim.exec())
        return storageError(QStringLiteral("trimming the hunting history failed"),
                            trim.lastError());
    return id;
}

Result<QList<HuntingRun>> HuntingLibraryStore::history(int limit)
{
    if (!m_db->isOpen())
        return notOpen();
    QSqlQuery q(m_db->db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, query, started, row_count, duration_ms, remote, status,"
                             " message FROM runs ORDER BY id DESC LIMIT ?"));
    q.addBindValue(limit);
    if (!q.exec())
        return storageError(QStringLiteral("reading the hunting history failed"), q.lastError());
    QList<HuntingRun> runs;
    while (q.next()) {
        HuntingRun run;
        run.id = q.value(0).toLongLong();
        run.query = q.value(1).toString();
        run.startedUtc = fromMs(q.value(2).toLongLong());
        run.rows = q.value(3).toLongLong();
        run.durationMs = q.value(4).toLongLong();
        run.where = q.value(5).toInt() ? HuntingRun::Where::Remote : HuntingRun::Where::Local;
        run.status = HuntingRun::statusFromName(q.value(6).toString());
        run.message = q.value(7).toString();
        runs.append(run);
    }
    return runs;
}

Result<void> HuntingLibraryStore::clearHistory()
{
    if (!m_db->isOpen())
        return notOpen();
    return m_db->exec(QStringLiteral("DELETE FROM runs"));
}

Result<std::optional<qint64>> HuntingLibraryStore::idOfName(const QString &name)
{
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("SELECT id FROM saved_queries WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec())
        return storageError(QStringLiteral("looking up a saved query failed"), q.lastError());
    if (q.next())
        return std::optional<qint64>(q.value(0).toLongLong());
    return std::optional<qint64>();
}

Result<SavedQuery> HuntingLibraryStore::saveQuery(const QString &name, const QString &text,
                                                  bool replace)
{
    if (!m_db->isOpen())
        return notOpen();
    const QString clean = cleanQueryName(name);
    if (clean.isEmpty())
        return libraryError(Error::Kind::BadRequest, QStringLiteral("a saved query needs a name"));
    const Result<std::optional<qint64>> existing = idOfName(clean);
    if (!existing)
        return existing.error();
    if (existing.value()) {
        if (!replace)
            return libraryError(Error::Kind::Conflict,
                                QStringLiteral("a saved query is already named \"%1\"").arg(clean));
        if (Result<void> updated = updateQueryText(*existing.value(), text); !updated)
            return updated.error();
        return savedQuery(*existing.value());
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral(
            "INSERT INTO saved_queries (name, query, created, updated) VALUES (?, ?, ?, ?)"));
    q.addBindValue(clean);
    q.addBindValue(textOrEmpty(text));
    q.addBindValue(now);
    q.addBindValue(now);
    if (!q.exec())
        return storageError(QStringLiteral("saving a query failed"), q.lastError());
    return savedQuery(q.lastInsertId().toLongLong());
}

Result<void> HuntingLibraryStore::renameQuery(qint64 id, const QString &name)
{
    if (!m_db->isOpen())
        return notOpen();
    const QString clean = cleanQueryName(name);
    if (clean.isEmpty())
        return libraryError(Error::Kind::BadRequest, QStringLiteral("a saved query needs a name"));
    const Result<std::optional<qint64>> existing = idOfName(clean);
    if (!existing)
        return existing.error();
    if (existing.value() && *existing.value() != id)
        return libraryError(Error::Kind::Conflict,
                            QStringLiteral("a saved query is already named \"%1\"").arg(clean));
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("UPDATE saved_queries SET name = ?, updated = ? WHERE id = ?"));
    q.addBindValue(clean);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(id);
    if (!q.exec())
        return storageError(QStringLiteral("renaming a saved query failed"), q.lastError());
    if (q.numRowsAffected() == 0)
        return libraryError(Error::Kind::NotFound, QStringLiteral("that saved query is gone"));
    return {};
}

Result<void> HuntingLibraryStore::updateQueryText(qint64 id, const QString &text)
{
    if (!m_db->isOpen())
        return notOpen();
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("UPDATE saved_queries SET query = ?, updated = ? WHERE id = ?"));
    q.addBindValue(textOrEmpty(text));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(id);
    if (!q.exec())
        return storageError(QStringLiteral("updating a saved query failed"), q.lastError());
    if (q.numRowsAffected() == 0)
        return libraryError(Error::Kind::NotFound, QStringLiteral("that saved query is gone"));
    return {};
}

Result<void> HuntingLibraryStore::deleteQuery(qint64 id)
{
    if (!m_db->isOpen())
        return notOpen();
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("DELETE FROM saved_queries WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return storageError(QStringLiteral("deleting a saved query failed"), q.lastError());
    return {};
}

Result<QList<SavedQuery>> HuntingLibraryStore::savedQueries()
{
    if (!m_db->isOpen())
        return notOpen();
    QSqlQuery q(m_db->db());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM saved_queries ORDER BY name").arg(SavedColumns)))
        return storageError(QStringLiteral("reading the saved queries failed"), q.lastError());
    QList<SavedQuery> list;
    while (q.next())
        list.append(savedFrom(q));
    return list;
}

Result<SavedQuery> HuntingLibraryStore::savedQuery(qint64 id)
{
    if (!m_db->isOpen())
        return notOpen();
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("SELECT %1 FROM saved_queries WHERE id = ?").arg(SavedColumns));
    q.addBindValue(id);
    if (!q.exec())
        return storageError(QStringLiteral("reading a saved query failed"), q.lastError());
    if (!q.next())
        return libraryError(Error::Kind::NotFound, QStringLiteral("that saved query is gone"));
    return savedFrom(q);
}

Result<SavedQuery> HuntingLibraryStore::importKqlFile(const QString &path)
{
    if (!m_db->isOpen())
        return notOpen();
    const Result<KqlFile> file = readKqlFile(path);
    if (!file)
        return file.error();
    QString name = file->name;
    for (int n = 2;; ++n) {
        const Result<std::optional<qint64>> existing = idOfName(name);
        if (!existing)
            return existing.error();
        if (!existing.value())
            break;
        name = QStringLiteral("%1 (%2)").arg(file->name.left(190)).arg(n);
    }
    return saveQuery(name, file->text);
}

} // namespace Vigil
