#include "feedsettings.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QUrl>

#include <algorithm>
#include <utility>

namespace Vigil {

namespace {

constexpr qint64 maxSettingsBytes = 1024LL * 1024;

bool isLoopback(const QString &host)
{
    if (host == u"localhost")
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

QStringList FeedSettings::offeredHosts()
{
    return {QStringLiteral("raw.githubusercontent.com"), QStringLiteral("download.microsoft.com"),
            QStringLiteral("endpoints.office.com"), QStringLiteral("www.microsoft.com")};
}

QString FeedSettings::settingsPath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("feeds.json"));
}

QString FeedSettings::cacheDir(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("feeds"));
}

FeedSettings FeedSettings::load(const QString &dataDir)
{
    FeedSettings settings;
    QFile file(settingsPath(dataDir));
    if (!file.open(QIODevice::ReadOnly) || file.size() > maxSettingsBytes)
        return settings;
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    for (const auto &host : o.value(QStringLiteral("allowedHosts")).toArray()) {
        const QString normal = normalizeHost(host.toString());
        if (!normal.isEmpty() && !settings.allowedHosts.contains(normal))
            settings.allowedHosts.append(normal);
    }
    const qint64 maxBytes = o.value(QStringLiteral("maxBytes")).toInteger(settings.maxBytes);
    if (maxBytes > 0)
        settings.maxBytes = maxBytes;
    const int timeout = o.value(QStringLiteral("timeoutSeconds")).toInt(settings.timeoutSeconds);
    if (timeout > 0 && timeout <= 3600)
        settings.timeoutSeconds = timeout;
    settings.offline = o.value(QStringLiteral("offline")).toBool(false);
    return settings;
}

bool FeedSettings::save(const QString &dataDir, QString *error) const
{
    if (!QDir().mkpath(dataDir)) {
        if (error)
            *error = QStringLiteral("cannot create %1").arg(dataDir);
        return false;
    }
    QJsonObject o;
    o.insert(QStringLiteral("allowedHosts"), QJsonArray::fromStringList(allowedHosts));
    o.insert(QStringLiteral("maxBytes"), maxBytes);
    o.insert(QStringLiteral("timeoutSeconds"), timeoutSeconds);
    o.insert(QStringLiteral("offline"), offline);
    QSaveFile file(settingsPath(dataDir));
    if (!file.open(QIODevice::WriteOnly)
        || file.write(QJsonDocument(o).toJson(QJsonDocument::Indented)) < 0 || !file.commit()) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    return true;
}

QString FeedSettings::normalizeHost(const QString &host)
{
    QString h = host.trimmed().toLower();
    const bool wildcard = h.startsWith(QLatin1String("*."));
    if (wildcard)
        h = h.mid(2);
    if (h.startsWith(QLatin1Char('[')) && h.endsWith(QLatin1Char(']')))
        h = h.mid(1, h.size() - 2);
    if (!QHostAddress(h).isNull())
        return wildcard ? QString() : h;
    static const QRegularExpression name(QStringLiteral(
            "^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$"));
    if (h.isEmpty() || h.size() > 253 || !name.match(h).hasMatch())
        return {};
    return wildcard ? QStringLiteral("*.") + h : h;
}

bool FeedSettings::allows(const QUrl &url, QString *why) const
{
    auto refuse = [&](const QString &reason) {
        if (why)
            *why = reason;
        return false;
    };
    if (!url.isValid() || url.host().isEmpty())
        return refuse(QStringLiteral("it is not a URL Vigil can fetch"));
    const QString scheme = url.scheme().toLower();
    const QString host = url.host().toLower();
    if (!url.userInfo().isEmpty())
        return refuse(QStringLiteral("it holds a user name or password; Vigil sends none"));
    if (scheme == u"http") {
        if (!isLoopback(host))
            return refuse(QStringLiteral("only https is fetched (plain http only from this "
                                         "machine's loopback address)"));
    } else if (scheme != u"https") {
        return refuse(QStringLiteral("only https URLs are fetched, not %1").arg(scheme));
    }
    for (const QString &allowed : allowedHosts) {
        if (allowed == host)
            return true;
        if (allowed.startsWith(QLatin1String("*.")) && host.endsWith(QStringView(allowed).mid(1)))
            return true;
    }
    return refuse(QStringLiteral("the host %1 is not on the allow-list; allow it in the hunting "
                                 "page's External data settings or with 'vigilctl feeds allow "
                                 "%1'")
                          .arg(host));
}

// ---- cache ------------------------------------------------------------------------------------

FeedCache::FeedCache(QString directory)
    : m_dir(std::move(directory))
{ }

QString FeedCache::pathOf(const QString &url, const char *suffix) const
{
    const QByteArray key
            = QCryptographicHash::hash(url.toUtf8(), QCryptographicHash::Sha256).toHex();
    return QDir(m_dir).filePath(QString::fromLatin1(key) + QLatin1String(suffix));
}

std::optional<CachedFeed> FeedCache::info(const QString &url) const
{
    QFile file(pathOf(url, ".json"));
    if (!file.open(QIODevice::ReadOnly) || file.size() > maxSettingsBytes)
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    if (o.value(QStringLiteral("url")).toString() != url)
        return std::nullopt;
    CachedFeed feed;
    feed.url = url;
    feed.fetchedAtMs = o.value(QStringLiteral("fetchedAtMs")).toInteger();
    feed.bytes = o.value(QStringLiteral("bytes")).toInteger(-1);
    return feed;
}

std::optional<std::pair<CachedFeed, QByteArray>> FeedCache::read(const QString &url) const
{
    const std::optional<CachedFeed> feed = info(url);
    if (!feed)
        return std::nullopt;
    QFile file(pathOf(url, ".data"));
    if (!file.open(QIODevice::ReadOnly) || file.size() != feed->bytes)
        return std::nullopt;
    QByteArray data = file.readAll();
    if (data.size() != feed->bytes)
        return std::nullopt;
    return std::make_pair(*feed, std::move(data));
}

bool FeedCache::write(const QString &url, const QByteArray &data, qint64 fetchedAtMs,
                      QString *error) const
{
    if (!QDir().mkpath(m_dir)) {
        if (error)
            *error = QStringLiteral("cannot create %1").arg(m_dir);
        return false;
    }
    QSaveFile body(pathOf(url, ".data"));
    if (!body.open(QIODevice::WriteOnly) || body.write(data) != data.size() || !body.commit()) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(body.fileName(), body.errorString());
        return false;
    }
    QJsonObject o;
    o.insert(QStringLiteral("url"), url);
    o.insert(QStringLiteral("fetchedAtMs"), fetchedAtMs);
    o.insert(QStringLiteral("bytes"), qint64(data.size()));
    QSaveFile meta(pathOf(url, ".json"));
    if (!meta.open(QIODevice::WriteOnly)
        || meta.write(QJsonDocument(o).toJson(QJsonDocument::Compact)) < 0 || !meta.commit()) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(meta.fileName(), meta.errorString());
        return false;
    }
    return true;
}

bool FeedCache::remove(const QString &url) const
{
    const bool meta = QFile::remove(pathOf(url, ".json"));
    const bool body = QFile::remove(pathOf(url, ".data"));
    return meta || body;
}

QList<CachedFeed> FeedCache::list() const
{
    QList<CachedFeed> feeds;
    const QDir dir(m_dir);
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly) || file.size() > maxSettingsBytes)
            continue;
        const QString url = QJsonDocument::fromJson(file.readAll())
                                    .object()
                                    .value(QStringLiteral("url"))
                                    .toString();
        if (const std::optional<CachedFeed> feed = url.isEmpty() ? std::nullopt : info(url))
            feeds.append(*feed);
    }
    std::sort(feeds.begin(), feeds.end(),
              [](const CachedFeed &a, const CachedFeed &b) { return a.url < b.url; });
    return feeds;
}

} // namespace Vigil
