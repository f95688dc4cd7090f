#include "sqlconnection.h"

#include "sqlstatement.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>

#include <algorithm>

namespace Vigil {

// storageError() is defined with the SQLite connection code (sqlitedatabase.cpp), which every
// engine links.

Error statementError(const QString &what, const SqlStatement &statement)
{
    const QString text = what + QStringLiteral(": ") + statement.error();
    qCWarning(lcStore).noquote() << text;
    return Error{Error::Kind::Storage, 0, {}, text, {}};
}

QString StoreDialect::jsonArrayParameter(const QStringList &values)
{
    // Written here rather than through QJsonDocument: a page looks up a thousand ids at once.
    qsizetype size = 2;
    for (const QString &value : values)
        size += value.size() + 3;
    QString out;
    out.reserve(size);
    out += QLatin1Char('[');
    for (qsizetype n = 0; n < values.size(); ++n) {
        if (n > 0)
            out += QLatin1Char(',');
        out += QLatin1Char('"');
        const QString &value = values.at(n);
        const auto escaped = [](QChar c) {
            return c.unicode() == u'"' || c.unicode() == u'\\' || c.unicode() < 0x20;
        };
        if (std::none_of(value.cbegin(), value.cend(), escaped)) {
            out += value;
            out += QLatin1Char('"');
            continue;
        }
        for (const QChar c : value) {
            const char16_t unit = c.unicode();
            if (unit == u'"' || unit == u'\\') {
                out += QLatin1Char('\\');
                out += c;
            } else if (unit < 0x20) {
                out += QStringLiteral("\\u%1").arg(unsigned(unit), 4, 16, QLatin1Char('0'));
            } else {
                out += c;
            }
        }
        out += QLatin1Char('"');
    }
    out += QLatin1Char(']');
    return out;
}

QString StoreDialect::jsonArrayParameter(const QList<qint64> &values)
{
    QJsonArray array;
    for (const qint64 value : values)
        array.append(value);
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

Result<void> SqlConnection::exec(const QString &sql)
{
    QSqlQuery q(db());
    if (!q.exec(sql))
        return storageError(QStringLiteral("SQL failed"), q.lastError());
    return {};
}

Result<SqlStatement *> SqlConnection::preparedOnce(std::unique_ptr<SqlStatement> &statement,
                                                   const QString &sql)
{
    if (!statement) {
        if (Result<void> r = prepareStatement(statement, sql); !r)
            return r.error();
    }
    return statement.get();
}

Result<void> SqlConnection::beginWrite(const QString &what)
{
    QSqlQuery q(db());
    if (!q.exec(dialect().beginWrite()))
        return storageError(what, q.lastError());
    return {};
}

Result<void> SqlConnection::prepare(std::optional<QSqlQuery> &query, const QString &sql)
{
    query.emplace(db());
    if (!query->prepare(sql))
        return storageError(QStringLiteral("preparing a statement failed"), query->lastError());
    return {};
}

Result<void> SqlConnection::notifyChange(StoreChange::What what, const QList<qint64> &numbers,
                                         bool numbersKnown)
{
    const QString sql = dialect().notifyStatement();
    if (sql.isEmpty())
        return {};
    StoreChange change;
    change.what = what;
    change.numbers = numbers;
    change.numbersKnown = numbersKnown;
    change.by = m_analyst;
    QSqlQuery q(db());
    q.prepare(sql);
    q.addBindValue(change.toPayload());
    if (!q.exec())
        return storageError(QStringLiteral("announcing a change"), q.lastError());
    return {};
}

} // namespace Vigil
