#pragma once

#include "store/storeaccess.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringEncoder>

#include <sqlite3.h>

#include <algorithm>
#include <string_view>
#include <vector>

namespace Vigil {

/**
 * @brief A prepared statement on a connection's own sqlite3 handle, for the per-alert hot path of a
 * page write: binding UTF-8 directly costs a fraction of QSqlQuery's QVariant round trip.
 *
 * Used on the thread of its connection (SqliteDatabase::prepareRaw gives the handle). Inline on
 * purpose: it is bound once per column of every alert stored.
 */
class SqliteStatement
{
public:
    SqliteStatement() = default;
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;
    ~SqliteStatement() { finalize(); }

    bool prepare(sqlite3 *db, const QString &sql)
    {
        finalize();
        m_db = db;
        const QByteArray text = sql.toUtf8();
        return sqlite3_prepare_v3(db, text.constData(), int(text.size()), SQLITE_PREPARE_PERSISTENT,
                                  &m_statement, nullptr)
               == SQLITE_OK;
    }
    void finalize()
    {
        sqlite3_finalize(m_statement);
        m_statement = nullptr;
    }
    bool isValid() const { return m_statement != nullptr; }
    sqlite3 *connection() const { return m_db; }
    /** Rows the last statement run on this connection inserted, updated or deleted. */
    int changes() const { return sqlite3_changes(m_db); }

    void bind(int column, const QString &text)
    {
        if (text.isNull()) {
            sqlite3_bind_null(m_statement, column);
            return;
        }
        // The UTF-8 bytes must outlive the step: they stay in the arena until reset.
        char *out = space(m_encoder.requiredSpace(text.size()));
        char *end = m_encoder.appendToBuffer(out, text);
        m_used += end - out;
        sqlite3_bind_text(m_statement, column, out, int(end - out),
                          static_cast<sqlite3_destructor_type>(nullptr));
    }
    void bind(int column, const QByteArray &blob)
    {
        if (blob.isNull())
            sqlite3_bind_null(m_statement, column);
        else
            sqlite3_bind_blob(m_statement, column, blob.constData(), int(blob.size()),
                              static_cast<sqlite3_destructor_type>(nullptr));
    }
    void bind(int column, qint64 value) { sqlite3_bind_int64(m_statement, column, value); }
    /** Binds UTF-8 text the caller keeps alive until the statement has run ("" when empty). */
    void bindStatic(int column, std::string_view utf8)
    {
        sqlite3_bind_text(m_statement, column, utf8.data() ? utf8.data() : "", int(utf8.size()),
                          static_cast<sqlite3_destructor_type>(nullptr));
    }
    /** Binds bytes the caller keeps alive until the statement has run, as a blob. */
    void bindStaticBlob(int column, std::string_view bytes)
    {
        sqlite3_bind_blob(m_statement, column, bytes.data() ? bytes.data() : "", int(bytes.size()),
                          static_cast<sqlite3_destructor_type>(nullptr));
    }
    void bindReal(int column, double value) { sqlite3_bind_double(m_statement, column, value); }
    void bindNull(int column) { sqlite3_bind_null(m_statement, column); }
    void bind(int column, const QDateTime &time)
    {
        if (time.isValid())
            sqlite3_bind_int64(m_statement, column, time.toMSecsSinceEpoch());
        else
            sqlite3_bind_null(m_statement, column);
    }
    /** Runs the statement to completion; false on error (see error()). */
    bool exec()
    {
        int rc = sqlite3_step(m_statement);
        while (rc == SQLITE_ROW)
            rc = sqlite3_step(m_statement);
        sqlite3_reset(m_statement);
        m_chunk = 0;
        m_used = 0;
        return rc == SQLITE_DONE;
    }
    QString error() const { return QString::fromUtf8(sqlite3_errmsg(m_db)); }

    /** Steps a query: true while it gives a row; false when done or failed (see ok()). */
    bool next()
    {
        const int rc = sqlite3_step(m_statement);
        m_failed = rc != SQLITE_ROW && rc != SQLITE_DONE;
        return rc == SQLITE_ROW;
    }
    bool ok() const { return !m_failed; }
    /** Ends a query started with next(); the bindings' text may go. */
    void finish()
    {
        sqlite3_reset(m_statement);
        m_chunk = 0;
        m_used = 0;
    }
    // Columns of the current row, from 0; NULL reads as a null string or 0.
    bool isNull(int column) const
    {
        return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
    }
    QString text(int column) const
    {
        const auto *utf8 = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
        if (!utf8)
            return {};
        return QString::fromUtf8(utf8, sqlite3_column_bytes(m_statement, column));
    }
    qint64 integer(int column) const { return sqlite3_column_int64(m_statement, column); }
    QDateTime time(int column) const
    {
        return isNull(column) ? QDateTime()
                              : QDateTime::fromMSecsSinceEpoch(integer(column), Qt::UTC);
    }

private:
    /** Room for bytes in the arena of bound text, reused from one step to the next. */
    char *space(qsizetype bytes)
    {
        while (m_chunk < m_chunks.size() && m_chunks[m_chunk].size() - m_used < bytes) {
            ++m_chunk;
            m_used = 0;
        }
        if (m_chunk == m_chunks.size()) {
            m_chunks.emplace_back(std::max<qsizetype>(bytes, 256 * 1024), Qt::Uninitialized);
            m_used = 0;
        }
        return m_chunks[m_chunk].data() + m_used;
    }

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    bool m_failed = false;
    QStringEncoder m_encoder{QStringEncoder::Utf8, QStringEncoder::Flag::Stateless};
    std::vector<QByteArray> m_chunks;
    size_t m_chunk = 0;
    qsizetype m_used = 0;
};

} // namespace Vigil
