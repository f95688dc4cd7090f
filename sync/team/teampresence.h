#pragma once

#include "result.h"
#include "team.h"

#include <QSqlDatabase>

namespace Vigil::TeamPresenceBook {

/// How long a presence lasts unless renewed: an open incident is renewed while it stays open.
constexpr int kOpenedSeconds = 120;
/// "Edited in the last minutes".
constexpr int kEditedSeconds = 10 * 60;

/**
 * Records that presence.consoleId (presence.analyst at presence.host) has the incident open
 * or edited it, until ttlSeconds from now on the server's clock (renewing an earlier one),
 * and tells the others (a "presence" change on vigil_changes). On db's thread.
 */
Result<void> set(const QSqlDatabase &db, const TeamPresence &presence, int ttlSeconds);
/** Removes consoleId's presence of one kind on incidentNumber (0: on every incident). */
Result<void> clear(const QSqlDatabase &db, const QString &consoleId, qint64 incidentNumber,
                   TeamPresence::Kind kind);
/** The presence not yet expired on these incidents (empty: on all of them), oldest first. */
Result<QList<TeamPresence>> list(const QSqlDatabase &db, const QList<qint64> &numbers = {});
/** Deletes expired rows; answers how many. */
Result<int> expire(const QSqlDatabase &db);

QString kindWord(TeamPresence::Kind kind);

} // namespace Vigil::TeamPresenceBook
