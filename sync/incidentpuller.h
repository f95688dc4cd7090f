#pragma once

#include "incidentreconciler.h"
#include "pagelinks.h"
#include "result.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include <memory>

class QTimer;

namespace Vigil {

class GraphClient;
class Store;
class SyncContext;
struct IncidentPage;
struct IncidentPayload;
struct PulledPage;

/**
 * @brief The first half of a pull cycle: M365D incidents from Graph into the store.
 *
 * Lists incidents changed since `cursor - overlap` in ascending lastUpdateDateTime order, 50 per
 * page with `$expand=alerts`, follows `@odata.nextLink`, skips overlap duplicates by
 * (id, lastUpdateDateTime), stores each page in one transaction together with the cursor
 * (reconciled with the outbox by IncidentReconciler), and fetches the survivor of a merge at
 * once when it is not local. While pages come one after another (an initial sync), pages of new
 * incidents wait for the next ones, up to kBatchIncidents incidents or kBatchWaitMs, and are
 * stored together in one transaction: one commit for several pages. When `$expand` with a filter
 * answers 5xx it lists without `$expand` for a while and fetches each changed incident with its
 * alerts. A service that ignores
 * `$orderby` moves the cursor only at the end.
 *
 * Only a sync leader runs it; SyncWorker starts it at the beginning of each cycle. Sync thread.
 */
class IncidentPuller : public QObject
{
    Q_OBJECT
public:
    explicit IncidentPuller(SyncContext &context, QObject *parent = nullptr);
    ~IncidentPuller() override;

    /// The most incidents read pages hold before they are stored (ten full pages).
    static constexpr qsizetype kBatchIncidents = 500;
    /// The longest a read page waits for the next ones before it is stored.
    static constexpr int kBatchWaitMs = 1000;

    /** Pulls every page changed since the cursor; finished() when done or failed. Needs the
     *  context's store and Graph client. */
    void start();

Q_SIGNALS:
    /** The last page is stored (ok), or the pull stopped on error. */
    void finished(bool ok, const Vigil::Error &error);

private:
    Store &store() const;
    GraphClient &graph() const;
    QUrl firstPageUrl(bool expand) const;
    void fetchPage(const QUrl &url, bool expand);
    void onPage(bool expand, const Result<IncidentPage> &result);
    void fetchAlertsOneByOne(std::shared_ptr<QList<IncidentPayload>> page, int index,
                             const QDateTime &pageMax, const QString &nextLink);
    void storePage(const QList<IncidentPayload> &page, const QDateTime &pageMax,
                   const QString &nextLink, bool expand);
    /** Whether a stored page may wait for the next ones (see the class). */
    bool mayWait(const QList<IncidentPayload> &page, const QString &nextLink, bool expand) const;
    /** Stores the waiting pages, then reports error: finished(false, error). */
    void fail(const Error &error);
    /** Stores the waiting pages in one transaction (nothing when none wait). */
    Result<void> storePending();
    /** Forgets the waiting pages: their cursor was never stored, so they are read again. */
    void dropPending();
    void fetchSurvivors(const QString &nextLink, bool expand);
    void continueWith(const QString &nextLink, bool expand);

    SyncContext &m_context;
    IncidentReconciler m_reconciler;
    bool m_unordered = false; ///< the service ignored $orderby: move the cursor at the end only
    QDateTime m_cycleMax; ///< latest lastUpdateDateTime seen in this pull
    qint64 m_pageRequestedAfterRow = 0; ///< the outbox's newest row when the page was asked for
    QDateTime m_previousItem; ///< lastUpdateDateTime of the item before, to check the order
    QStringList m_survivorsToFetch;
    qint64 m_expandBlockedUntilMs = -1; ///< on the context clock's elapsedMs()
    PageLinks m_pages; ///< the pages this pull asked for: a nextLink back to one stops it
    QList<PulledPage> m_pending; ///< pages read but not stored yet, in order
    qsizetype m_pendingIncidents = 0;
    qint64 m_pendingRequestedAfterRow = 0; ///< the outbox horizon of the first waiting page
    QTimer *m_pendingTimer = nullptr; ///< stores the waiting pages when the next one is slow
};

} // namespace Vigil
