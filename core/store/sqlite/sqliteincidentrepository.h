#pragma once

#include "store/storeaccess.h"

#include "incidentrepository.h"
#include "sqlitestatement.h"
#include "storeconfig.h"

#include <QSet>
#include <QSqlQuery>

#include <optional>

namespace Vigil {

class SqliteActivityRepository;
class SqliteDatabase;
class SqliteOutboxRepository;
class SqliteSyncStateRepository;

/**
 * @brief IncidentRepository in the incidents, alerts, entities and comments tables of a
 * SqliteStore; its thread.
 *
 * Holds the page-write statements, prepared once per connection; SqliteRuleRepository stores its
 * rule incidents through them, in its own transaction.
 */
class SqliteIncidentRepository final : public IncidentRepository
{
public:
    SqliteIncidentRepository(SqliteDatabase &database, SqliteSyncStateRepository &syncState,
                             SqliteOutboxRepository &outbox, SqliteActivityRepository &activity);

    /** Prepares the statements the mode needs, once the database is open. */
    Result<void> prepareStatements(StoreOpenMode mode);
    /** Finalizes them: before the connection goes. */
    void releaseStatements();

    Result<QList<Incident>> upsertIncidentPage(const QList<IncidentPayload> &page,
                                               const QDateTime &newCursor = {}) override;
    Result<QList<Incident>> loadQueue() const override;
    Result<IncidentDetail> loadDetail(qint64 number, bool allAlerts = false) const override;
    Result<Incident> loadIncident(qint64 number) const override;
    qint64 incidentNumberForProviderId(const QString &providerIncidentId) const override;
    Result<QHash<QString, qint64>> lastUpdateTimes() const override;
    int incidentCount() const override;
    int alertCount() const override;
    Result<Incident> storeEdit(const Incident &incident, const QList<OutboxEdit> &changes,
                               const QList<ActivityEntry> &activity) override;
    Result<void> markSeen(const QList<qint64> &numbers, const QDateTime &at) override;

    /** Inserts or updates one incident (and its alerts, when the payload has them) inside a
     *  transaction the caller runs; touched gains every Graph id whose queue row changed. */
    Result<void> storeIncident(const IncidentPayload &payload, QSet<QString> &touched);
    /** Appends the stored queue row of a Graph incident id to rows (nothing when unknown). On
     *  failure the error says failure with %1 = subject (default: the id). */
    Result<void> appendStoredRow(const QString &providerIncidentId, QList<Incident> &rows,
                                 const QString &failure, const QString &subject = {});

private:
    /** Fills alertSources, alertText and commentCount of a whole queue at once. */
    Result<void> loadFilterFacts(QList<Incident> &list) const;
    /** Fills lastSeenTime of a whole queue (see markSeen()). */
    Result<void> loadSeenTimes(QList<Incident> &list) const;
    Result<void> storeAlert(const Alert &alert, const QString &incidentId, bool &inserted);

    SqliteDatabase &m_database;
    SqliteSyncStateRepository &m_syncState;
    SqliteOutboxRepository &m_outbox;
    SqliteActivityRepository &m_activity;

    // Prepared once per connection and reused for every page.
    SqliteStatement m_insertIncident;
    SqliteStatement m_updateIncident;
    SqliteStatement m_deleteComments;
    SqliteStatement m_insertComment;
    SqliteStatement m_alertIdsOfIncident;
    std::optional<QSqlQuery> m_deleteAlert;
    std::optional<QSqlQuery> m_moveAlerts;
    SqliteStatement m_insertAlert;
    SqliteStatement m_updateAlert;
    SqliteStatement m_deleteEntities;
    SqliteStatement m_countAlerts;
    SqliteStatement m_storedIncident; ///< m_incidentByProviderId for the page-write path
    SqliteStatement m_redirectedInto;
    std::optional<QSqlQuery> m_incidentByProviderId;
};

} // namespace Vigil
