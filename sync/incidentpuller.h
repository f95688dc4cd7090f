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

namespace Vigil {

class GraphClient;
class Store;
class SyncContext;
struct IncidentPage;
struct IncidentPayload;

/**
 * @brief The first half of a pull cycle: M365D incidents from Graph into the store.
 *
 * Lists incidents changed since `cursor - overlap` in ascending lastUpdateDateTime order, 50 per
 * page with `$expand=alerts`, follows `@odata.nextLink`, skips overlap duplicates by
 * (id, lastUpdateDateTime), stores each page in one transaction together with the cursor
 * (reconciled with the outbox by IncidentReconciler), and fetches the survivor of a merge at
 * once when it is not local. When `$expand` with a filter answers 5xx it lists without `$expand`
 * for a while and fetches each changed incident with its alerts. A service that ignores
 * `$orderby` moves the cursor only at the end.
 *
 * Only a sync leader runs it; SyncWorker starts it at the beginning of each cycle. Sync thread.
 */
class IncidentPuller : public QObject
{
    Q_OBJECT
public:
    explicit IncidentPuller(SyncContext &context, QObject *parent = nullptr);

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
};

} // namespace Vigil
