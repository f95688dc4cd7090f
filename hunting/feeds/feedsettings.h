#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QUrl;

namespace Vigil {

/**
 * @brief Where `externaldata` may fetch from, and how much: the hosts the analyst allowed, the
 * size and time limits, and whether to stay offline (cached copies only). Kept as feeds.json in
 * the data directory, beside the cache (feeds/), so the window and vigilctl share it.
 *
 * Nothing is allowed until the analyst allows it (DESIGN.md: externaldata is off unless the
 * analyst allows the host); offeredHosts() are only suggestions. Value type; any thread.
 */
struct FeedSettings
{
    QStringList allowedHosts; ///< lower case; `*.example.com` allows its subdomains
    qint64 maxBytes = 100LL * 1024 * 1024; ///< Kusto's own limit for externaldata
    int timeoutSeconds = 30;
    bool offline = false;

    /** GitHub's raw files and Microsoft's hosts of published lists, offered to the analyst. */
    static QStringList offeredHosts();

    static QString settingsPath(const QString &dataDir);
    static QString cacheDir(const QString &dataDir);
    /** The saved settings, or the defaults (no host) when there are none or they are damaged. */
    static FeedSettings load(const QString &dataDir);
    bool save(const QString &dataDir, QString *error) const;

    /** A host as kept: trimmed, lower case; empty when it is not a host name or address. */
    static QString normalizeHost(const QString &host);
    /** Allowed: https to an allowed host, or http to an allowed loopback host; else why not. */
    bool allows(const QUrl &url, QString *why) const;
};

/** @brief One cached copy of a feed: its URL, when it was fetched and its size. Value type. */
struct CachedFeed
{
    QString url;
    qint64 fetchedAtMs = 0;
    qint64 bytes = 0;
};

/**
 * @brief The on-disk cache of externaldata feeds: one data file and one small JSON file (URL,
 * fetch time, size) per URL, named by the URL's SHA-256, written atomically.
 *
 * Pure file access; any thread, one writer at a time per data directory is enough (a copy is
 * replaced whole).
 */
class FeedCache
{
public:
    explicit FeedCache(QString directory);

    std::optional<CachedFeed> info(const QString &url) const;
    /** The cached bytes and their record; nullopt when there is no (intact) copy. */
    std::optional<std::pair<CachedFeed, QByteArray>> read(const QString &url) const;
    bool write(const QString &url, const QByteArray &data, qint64 fetchedAtMs,
               QString *error) const;
    bool remove(const QString &url) const;
    QList<CachedFeed> list() const;

private:
    QString pathOf(const QString &url, const char *suffix) const;
    QString m_dir;
};

} // namespace Vigil
