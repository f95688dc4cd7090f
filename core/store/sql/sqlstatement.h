#pragma once

#include "store/storeaccess.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <string_view>

namespace Vigil {

/**
 * @brief A prepared statement of the incident store, whatever the engine: SQLite's raw sqlite3
 * statement on the page-write path, a QSqlQuery on PostgreSQL.
 *
 * Parameters are numbered from 1; `?N` in the SQL names parameter N and plain `?` the next one,
 * on both engines. Used on the thread of its connection (SqlConnection::prepareStatement).
 */
class SqlStatement
{
public:
    virtual ~SqlStatement() = default;
    SqlStatement(const SqlStatement &) = delete;
    SqlStatement &operator=(const SqlStatement &) = delete;

    virtual void bind(int column, const QString &text) = 0; ///< a null string binds NULL
    virtual void bind(int column, const QByteArray &blob) = 0; ///< a null array binds NULL
    virtual void bind(int column, qint64 value) = 0;
    virtual void bind(int column, const QDateTime &time) = 0; ///< ms since epoch; invalid: NULL
    /** Text given as UTF-8, which must stay valid until the statement has run; a view whose
     *  data() is null binds NULL. */
    virtual void bindUtf8(int column, std::string_view text)
    {
        bind(column,
             text.data() ? QString::fromUtf8(text.data(), qsizetype(text.size())) : QString());
    }
    /** Bytes as a blob, with bindUtf8()'s rules. */
    virtual void bindBytes(int column, std::string_view bytes)
    {
        bind(column,
             bytes.data() ? QByteArray(bytes.data(), qsizetype(bytes.size())) : QByteArray());
    }
    /** Runs the statement to completion; false on error (see error()). */
    virtual bool exec() = 0;
    /** Rows the last exec() inserted, updated or deleted. */
    virtual int changes() const = 0;
    /** The rowid of the row the last exec() inserted, where the engine tells it; 0 when not. */
    virtual qint64 lastInsertId() const { return 0; }
    virtual QString error() const = 0;

    /** Steps a query: true while it gives a row; false when done or failed (see ok()). */
    virtual bool next() = 0;
    virtual bool ok() const = 0;
    /** Ends a query started with next(); the bindings may go. */
    virtual void finish() = 0;
    // Columns of the current row, from 0; NULL reads as a null string or 0.
    virtual bool isNull(int column) const = 0;
    virtual QString text(int column) const = 0;
    virtual qint64 integer(int column) const = 0;
    QDateTime time(int column) const
    {
        return isNull(column) ? QDateTime()
                              : QDateTime::fromMSecsSinceEpoch(integer(column), Qt::UTC);
    }

protected:
    SqlStatement() = default;
};

} // namespace Vigil
