#pragma once

#include "externaldata.h"
#include "feedsettings.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace Vigil {

/**
 * @brief Fetches the feeds of `externaldata` before a hunting query runs: only from allowed
 * hosts over https (http only on loopback), within a size and a time limit, storing each copy in
 * the on-disk cache with its fetch time and size. When a fetch fails, or when the settings say
 * offline, the cached copy is used and marked as such (the runner reports its age); without one,
 * the feed carries an error that names the URL.
 *
 * Asynchronous: fetch() returns at once and calls done later, on this object's thread, once per
 * fetch(). Lives on the thread that creates it (the hunting worker's, or vigilctl's main thread),
 * which must run an event loop; cancel() there too.
 */
class FeedFetcher : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const Kql::ExternalFeeds &feeds, bool cancelled)>;

    explicit FeedFetcher(QString dataDir, QObject *parent = nullptr);
    ~FeedFetcher() override;

    /** Fetches urls with settings (one fetch at a time: a new one cancels the running one). */
    void fetch(const QStringList &urls, const FeedSettings &settings, Done done);
    /** Stops the running fetch: its done is called with cancelled = true. */
    void cancel();
    bool isFetching() const { return !m_pending.isEmpty(); }

private:
    void start(const QString &url);
    void finish(QNetworkReply *reply);
    /** The cached copy for url, or an error that names it and says why it is not fetched. */
    Kql::ExternalFeed fallback(const QString &url, const QString &problem) const;
    void complete(bool cancelled);

    QString m_dataDir;
    FeedSettings m_settings;
    QNetworkAccessManager *m_network = nullptr;
    QHash<QNetworkReply *, QString> m_pending; ///< running replies and their URLs
    QHash<QNetworkReply *, QString> m_abortReasons; ///< replies this object stopped, and why
    Kql::ExternalFeeds m_feeds;
    Done m_done;
};

} // namespace Vigil
