#include "teampresence.h"

#include "changefeed.h"
#include "teamdatabase.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace Vigil::TeamPresenceBook {

QString kindWord(TeamPresence::Kind kind)
{
    return kind == TeamPresence::Kind::Edited ? QStringLiteral("edited") : QStringLiteral("opened");
}

Result<void> set(const QSqlDatabase &db, const TeamPresence &presence, int ttlSeconds)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
            "INSERT INTO team_presence (incident_number, console_id, analyst, host, kind,"
            " expires_at) VALUES (?, ?, ?, ?, ?, now() + ? * interval '1 second')"
            " ON CONFLICT (incident_number, console_id, kind) DO UPDATE SET"
            " analyst = EXCLUDED.analyst, host = EXCLUDED.host,"
            " expires_at = EXCLUDED.expires_at"));
    query.addBindValue(presence.incidentNumber);
    query.addBindValue(presence.consoleId);
    query.addBindValue(presence.analyst);
    query.addBindValue(presence.host);
    query.addBindValue(kindWord(presence.kind));
    query.addBindValue(std::max(1, ttlSeconds));
    if (!query.exec())
        return Team::queryError(QStringLiteral("presence"), query.lastError().text());
    TeamChange change;
    change.what = QStringLiteral("presence");
    change.numbers = {presence.incidentNumber};
    change.by = presence.analyst;
    return ChangeFeed::notify(db, change);
}

Result<void> clear(const QSqlDatabase &db, const QString &consoleId, qint64 incidentNumber,
                   TeamPresence::Kind kind)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("DELETE FROM team_presence WHERE console_id = ? AND kind = ?")
                  + (incidentNumber > 0 ? QStringLiteral(" AND incident_number = ?") : QString()));
    query.addBindValue(consoleId);
    query.addBindValue(kindWord(kind));
    if (incidentNumber > 0)
        query.addBindValue(incidentNumber);
    if (!query.exec())
        return Team::queryError(QStringLiteral("presence"), query.lastError().text());
    if (query.numRowsAffected() <= 0)
        return {};
    TeamChange change;
    change.what = QStringLiteral("presence");
    if (incidentNumber > 0)
        change.numbers = {incidentNumber};
    return ChangeFeed::notify(db, change);
}

Result<QList<TeamPresence>> list(const QSqlDatabase &db, const QList<qint64> &numbers)
{
    QSqlQuery query(db);
    QString sql = QStringLiteral("SELECT incident_number, console_id, analyst, host, kind,"
                                 " expires_at FROM team_presence WHERE expires_at > now()");
    if (!numbers.isEmpty()) {
        // Numbers are integers: written into the text, the list needs no binding per item.
        QStringList items;
        items.reserve(numbers.size());
        for (qint64 number : numbers)
            items.append(QString::number(number));
        sql += QStringLiteral(" AND incident_number IN (%1)").arg(items.join(QLatin1Char(',')));
    }
    sql += QStringLiteral(" ORDER BY incident_number, expires_at");
    if (!query.exec(sql))
        return Team::queryError(QStringLiteral("presence"), query.lastError().text());
    QList<TeamPresence> rows;
    while (query.next()) {
        TeamPresence row;
        row.incidentNumber = query.value(0).toLongLong();
        row.consoleId = query.value(1).toString();
        row.analyst = query.value(2).toString();
        row.host = query.value(3).toString();
        row.kind = query.value(4).toString() == QLatin1String("edited")
                           ? TeamPresence::Kind::Edited
                           : TeamPresence::Kind::Opened;
        row.expiresAt = query.value(5).toDateTime().toUTC();
        rows.append(row);
    }
    return rows;
}

Result<int> expire(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("DELETE FROM team_presence WHERE expires_at <= now()")))
        return Team::queryError(QStringLiteral("presence"), query.lastError().text());
    return std::max(0, query.numRowsAffected());
}

} // namespace Vigil::TeamPresenceBook
