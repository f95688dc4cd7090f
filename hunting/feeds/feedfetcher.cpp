#include "feedfetcher.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <chrono>

Q_LOGGING_CATEGORY(lcFeeds, "vigil.hunting.feeds")

namespace Vigil {

namespace {

constexpr const char *bufferProperty = "vigilFeedBuffer";

QString sizeText(qint64 bytes)
{
    if (bytes >= 1024LL * 1024)
        return QStringLiteral("%1 MB").arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 1);
    if (bytes >= 1024)
        return QStringLiteral("%1 KB").arg(double(bytes) / 1024.0, 0, 'f', 1);
    return QStringLiteral("%1 bytes").arg(bytes);
}

} // namespace

FeedFetcher::FeedFetcher(QString dataDir, QObject *parent)
    : QObject(parent)
    , m_dataDir(std::move(dataDir))
{ }

FeedFetcher::~FeedFetcher()
{
    m_done = nullptr;
    const QList<QNetworkReply *> replies = m_pending.keys();
    m_pending.clear();
    for (QNetworkReply *reply : replies) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void FeedFetcher::fetch(const QStringList &urls, const FeedSettings &settings, Done done)
{
    if (isFetching() || m_done)
        cancel();
    m_settings = settings;
    m_feeds.clear();
    m_done = std::move(done);
    for (const QString &url : urls) {
        if (m_feeds.contains(url))
            continue;
        QString why;
        if (!settings.allows(QUrl(url), &why)) {
            // Not even a cached copy: the analyst has not allowed (or has withdrawn) the host.
            Kql::ExternalFeed refused;
            refused.problem = QStringLiteral("externaldata: %1 is not fetched: %2").arg(url, why);
            m_feeds.insert(url, refused);
        } else if (settings.offline) {
            m_feeds.insert(url, fallback(url, QStringLiteral("Vigil is set to work offline")));
        } else {
            m_feeds.insert(url, {});
            start(url);
        }
    }
    if (m_pending.isEmpty()) {
        // done is always called later, never from inside fetch().
        QPointer<FeedFetcher> self(this);
        QTimer::singleShot(0, this, [self] {
            if (self && self->m_done && !self->isFetching())
                self->complete(false);
        });
    }
}

void FeedFetcher::start(const QString &url)
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    QNetworkRequest request{QUrl(url)};
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::UserVerifiedRedirectPolicy);
    request.setMaximumRedirectsAllowed(5);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("Vigil externaldata"));
    QNetworkReply *reply = m_network->get(request);
    m_pending.insert(reply, url);
    auto stop = [this, reply](const QString &reason) {
        if (!m_pending.contains(reply) || m_abortReasons.contains(reply))
            return;
        m_abortReasons.insert(reply, reason);
        // Not from inside the reply's own signal: QNetworkReply reports its error once.
        QMetaObject::invokeMethod(reply, &QNetworkReply::abort, Qt::QueuedConnection);
    };
    auto *timer = new QTimer(reply);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [stop, this] {
        stop(QStringLiteral("it took longer than the time limit of %1 s")
                     .arg(m_settings.timeoutSeconds));
    });
    timer->start(std::chrono::seconds(m_settings.timeoutSeconds));
    connect(reply, &QNetworkReply::redirected, this, [this, reply, stop](const QUrl &target) {
        QString why;
        if (m_settings.allows(target, &why))
            Q_EMIT reply->redirectAllowed();
        else
            stop(QStringLiteral("it redirects to %1, which is not fetched: %2")
                         .arg(target.toString(QUrl::RemoveUserInfo), why));
    });
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, reply, stop] {
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > m_settings.maxBytes)
            stop(QStringLiteral("it is %1, more than the size limit of %2")
                         .arg(sizeText(length.toLongLong()), sizeText(m_settings.maxBytes)));
    });
    connect(reply, &QNetworkReply::readyRead, this, [this, reply, stop] {
        if (m_abortReasons.contains(reply))
            return;
        QByteArray buffer = reply->property(bufferProperty).toByteArray();
        buffer += reply->readAll();
        if (buffer.size() > m_settings.maxBytes) {
            reply->setProperty(bufferProperty, QByteArray());
            stop(QStringLiteral("it is more than the size limit of %1")
                         .arg(sizeText(m_settings.maxBytes)));
            return;
        }
        reply->setProperty(bufferProperty, buffer);
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { finish(reply); });
}

void FeedFetcher::finish(QNetworkReply *reply)
{
    reply->deleteLater();
    if (!m_pending.contains(reply))
        return;
    const QString url = m_pending.take(reply);
    const QString stopped = m_abortReasons.take(reply);
    QString problem = stopped;
    QByteArray data;
    if (problem.isEmpty()) {
        data = reply->property(bufferProperty).toByteArray() + reply->readAll();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError || status < 200 || status >= 300) {
            problem = status >= 300
                              ? QStringLiteral("the server answered HTTP %1 %2")
                                        .arg(status)
                                        .arg(reply->attribute(QNetworkRequest::
                                                                      HttpReasonPhraseAttribute)
                                                     .toString()
                                                     .left(80))
                                        .trimmed()
                              : reply->errorString();
        } else if (data.size() > m_settings.maxBytes) {
            problem = QStringLiteral("it is more than the size limit of %1")
                              .arg(sizeText(m_settings.maxBytes));
        }
    }
    if (problem.isEmpty()) {
        Kql::ExternalFeed feed;
        feed.available = true;
        feed.data = data;
        feed.fetchedAtMs = QDateTime::currentMSecsSinceEpoch();
        QString error;
        if (!FeedCache(FeedSettings::cacheDir(m_dataDir))
                     .write(url, data, feed.fetchedAtMs, &error))
            qCWarning(lcFeeds) << "externaldata: the copy is not cached:" << error;
        m_feeds.insert(url, feed);
    } else {
        qCInfo(lcFeeds) << "externaldata: fetching failed:" << problem;
        m_feeds.insert(url, fallback(url, problem));
    }
    if (m_pending.isEmpty() && m_done)
        complete(false);
}

Kql::ExternalFeed FeedFetcher::fallback(const QString &url, const QString &problem) const
{
    Kql::ExternalFeed feed;
    if (auto cached = FeedCache(FeedSettings::cacheDir(m_dataDir)).read(url)) {
        feed.available = true;
        feed.fromCache = true;
        feed.fetchedAtMs = cached->first.fetchedAtMs;
        feed.data = std::move(cached->second);
        feed.problem = problem;
        return feed;
    }
    feed.problem = QStringLiteral("externaldata: cannot fetch %1 (%2), and there is no cached "
                                  "copy of it")
                           .arg(url, problem);
    return feed;
}

void FeedFetcher::cancel()
{
    const QList<QNetworkReply *> replies = m_pending.keys();
    m_pending.clear();
    m_abortReasons.clear();
    for (QNetworkReply *reply : replies) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    if (m_done)
        complete(true);
}

void FeedFetcher::complete(bool cancelled)
{
    const Done done = std::move(m_done);
    m_done = nullptr;
    const Kql::ExternalFeeds feeds = std::move(m_feeds);
    m_feeds.clear();
    if (done)
        done(feeds, cancelled);
}

} // namespace Vigil
