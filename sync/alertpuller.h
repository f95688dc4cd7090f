#pragma once

#include "incidentrules.h"
#include "pagelinks.h"
#include "result.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QUrl>

namespace Vigil {

class GraphClient;
class Store;
class SyncContext;
struct AlertRowsPage;

/**
 * @brief The second half of a pull cycle: component alerts (alerts_v2) and the incident-creation
 * rules.
 *
 * Pulls the alerts of the products whose rules run by the incidents' rules (overlap, order,
 * duplicates) with a cursor of its own, 1000 per page, filtered on serviceSource (one source at a
 * time when the service refuses an `or`); lets the enabled rules make one local incident per
 * matching alert when the alert first arrives (in the page's transaction), and at the end links
 * rule incidents to the M365D incidents that hold the same alert. Without permission to read
 * alerts (403), or when the service refuses the query, the rules are skipped and the cycle
 * still succeeds.
 *
 * Only a sync leader runs it; SyncWorker starts it after the incident puller. Sync thread.
 */
class AlertPuller : public QObject
{
    Q_OBJECT
public:
    explicit AlertPuller(SyncContext &context, QObject *parent = nullptr);

    /** Reads the rules and pulls their alerts; finished() when done or failed. Needs the
     *  context's store and Graph client. */
    void start();

Q_SIGNALS:
    /** The alerts are stored and the duplicates linked (ok), or the pull stopped on error. */
    void finished(bool ok, const Vigil::Error &error);

private:
    Store &store() const;
    GraphClient &graph() const;
    /** The first page of alerts_v2 for these serviceSource values, from the alerts cursor. */
    QUrl firstAlertsPageUrl(const QStringList &sources) const;
    /** Plans this pull's queries (one, or one per source) and fetches the first page. */
    void startAlertQueries();
    void fetchAlertsPage(const QUrl &url);
    void onAlertsPage(const Result<AlertRowsPage> &result);
    /** After a whole alerts pull: the cursor to the incident cursor when that is later, and
     *  the products pulled remembered. */
    Result<void> advanceAlertsCursor();
    void finishAlertsPull();

    SyncContext &m_context;
    IncidentRuleSettings m_rules; ///< read from the store at the start of each alerts pull
    bool m_alertsUnordered = false;
    QDateTime m_alertsCycleMax;
    QDateTime m_alertsPreviousItem;
    QStringList m_alertSources; ///< serviceSource values pulled this cycle (the active rules')
    /// The queries of this pull: all sources in one (`or`), or one each where the service
    /// refused the `or`; the cursor moves only at the end when there are several.
    QList<QStringList> m_alertQueries;
    qsizetype m_alertQuery = 0;
    bool m_alertsOneSourcePerQuery = false; ///< the service refused an `or` of serviceSources
    /// Each running rule's start: alerts created up to then create nothing (invalid: all do).
    QHash<RuleProduct, QDateTime> m_activeSince;
    QDateTime m_rulesReadAt; ///< the service's clock when this pull read the rules
    bool m_skipHeldEvidence = false; ///< every running rule skips alerts M365D incidents hold
    PageLinks m_pages; ///< the pages this query asked for: a nextLink back to one stops the pull
};

} // namespace Vigil
