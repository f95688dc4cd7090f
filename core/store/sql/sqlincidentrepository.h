#pragma once

#include "store/storeaccess.h"

#include "incidentrepository.h"
#include "sqlstatement.h"
#include "storeconfig.h"

#include <QHash>
#include <QSet>
#include <QSqlQuery>

#include <optional>

namespace Vigil {

class SqlActivityRepository;
class SqlConnection;
class SqlOutboxRepository;
class SqlSyncStateRepository;

/**
 * @brief IncidentRepository in the incidents, alerts, entities and comments tables of a
 * SqlStore; its thread.
 *
 * Holds the page-write statements, prepared once per connection; SqlRuleRepository stores its
 * rule incidents through them, in its own transaction.
 */
class SqlIncidentRepository final : public IncidentRepository
{
public:
    SqlIncidentRepository(SqlConnection &database, SqlSyncStateRepository &syncState,
                          SqlOutboxRepository &outbox, SqlActivityRepository &activity);

    /** Prepares the statements the mode needs, once the database is open. */
    Result<void> prepareStatements(StoreOpenMode mode);
    /** Finalizes them: before the connection goes. */
    void releaseStatements();

    Result<QList<Incident>> upsertIncidentPages(const QList<PulledPage> &pages) override;
    Result<QList<Incident>> loadQueue() const override;
    Result<QList<Incident>> loadQueueRows(const QList<qint64> &numbers) const override;
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
    /** appendStoredRow() without the seen time; with payload and its alerts (in the store's
     *  form), the filter facts come from the payload just stored instead of a read of its
     *  alerts (see storePage()); with freshNumber (PageFacts::fresh) the whole row
     *  does. */
    Result<void> appendPageRow(const QString &providerIncidentId, QList<Incident> &rows,
                               const IncidentPayload *payload, const AlertRows *alerts,
                               const qint64 *freshNumber = nullptr);

private:
    /** Appends the row q (a read of incidentFromStatement()'s columns by Graph id) finds;
     *  failure is the error's text. */
    Result<void> appendRowFrom(SqlStatement &q, const QString &providerIncidentId,
                               QList<Incident> &rows, const QString &failure);
    /** Fills alertSources, alertText and commentCount of a whole queue at once. */
    Result<void> loadFilterFacts(QList<Incident> &list) const;
    /** Fills lastSeenTime of a whole queue with the Store's analyst's times (see markSeen()). */
    Result<void> loadSeenTimes(QList<Incident> &list) const;
    /** Whose seen times this connection reads and writes: the analyst, lower case. */
    QString seenKey() const;
    /** Records when the analyst's seen times start, on their first writing connection. */
    Result<void> startSeenTimes();
    /** One page of upsertIncidentPages(), inside its transaction; appends the page's rows to
     *  out. */
    Result<void> storePage(const QList<IncidentPayload> &page, const QDateTime &newCursor,
                           QList<Incident> &out);
    /** What a page write knows of all its incidents at once (see storePage()). */
    struct PageFacts
    {
        QSet<QString> heldAlerts; ///< the page's incidents that held alerts before it
        bool movedAlerts = false; ///< the page moved alerts from one incident to another
        /// Incidents the page inserted with exactly the alerts it listed and nothing a merge
        /// moved, by number (their queue row is what was bound).
        QHash<QString, qint64> fresh;
    };
    /** storeIncident() with the payload's alerts in the store's form (nullptr: not listed). With
     *  page, the merges into it are left to the page (readMergesInto()). */
    Result<void> storeIncident(const IncidentPayload &payload, const AlertRows *alerts,
                               QSet<QString> &touched, PageFacts *page = nullptr);
    /** Stores the listed alerts of i, after moving or removing those it no longer lists;
     *  inserted: how many were not stored yet. */
    Result<void> storeAlerts(const Incident &i, const AlertRows &alerts, QSet<QString> &touched,
                             PageFacts *page, int &inserted);
    /** Runs q with parameter 1 and adds its rows' first column to into; failure names it. */
    static Result<void> readTexts(SqlStatement &q, const QString &parameter, QSet<QString> &into,
                                  const QString &failure);
    /** Adds to held the incidents of ids that hold alerts. */
    Result<void> readHeldAlerts(const QStringList &ids, QSet<QString> &held);
    /** Adds to touched the incidents redirected into any of ids. */
    Result<void> readMergesInto(const QStringList &ids, QSet<QString> &touched);
    /** Stores alert n of alerts under incidentId (UTF-8); inserted: it was not stored yet. */
    Result<void> storeAlert(const AlertRows &alerts, qsizetype n, std::string_view incidentId,
                            bool &inserted);

    SqlConnection &m_database;
    SqlSyncStateRepository &m_syncState;
    SqlOutboxRepository &m_outbox;
    SqlActivityRepository &m_activity;

    // Prepared once per connection and reused for every page.
    std::unique_ptr<SqlStatement> m_insertIncident;
    std::unique_ptr<SqlStatement> m_updateIncident;
    std::unique_ptr<SqlStatement> m_deleteComments;
    std::unique_ptr<SqlStatement> m_insertComment;
    std::unique_ptr<SqlStatement> m_alertIdsOfIncident;
    std::optional<QSqlQuery> m_deleteAlert;
    std::optional<QSqlQuery> m_moveAlerts;
    std::unique_ptr<SqlStatement> m_insertAlert;
    std::unique_ptr<SqlStatement> m_updateAlert;
    std::unique_ptr<SqlStatement> m_deleteEntities;
    std::unique_ptr<SqlStatement> m_countAlerts;
    std::unique_ptr<SqlStatement>
            m_storedIncident; ///< m_incidentByProviderId for the page-write path
    std::unique_ptr<SqlStatement>
            m_storedIncidentRow; ///< m_storedIncident without the filter facts
    std::unique_ptr<SqlStatement> m_redirectedInto;
    std::unique_ptr<SqlStatement> m_heldAlerts; ///< readHeldAlerts()
    mutable std::unique_ptr<SqlStatement> m_seenSince; ///< loadSeenTimes()
    mutable std::unique_ptr<SqlStatement> m_seenTimes; ///< loadSeenTimes(), a page's rows
    std::unique_ptr<SqlStatement> m_mergesIntoAny; ///< readMergesInto() of several incidents
    std::optional<QSqlQuery> m_incidentByProviderId;
};

} // namespace Vigil
