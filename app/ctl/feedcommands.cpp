// `feeds …`: where externaldata may fetch from (the allow-list), its limits, offline use and the
// cache of fetched copies, shared with the window's hunting page (feeds.json in the directory of
// events.sqlite).
#include "appoptions.h"
#include "binder.h"
#include "ctlcommands.h"
#include "ctloutput.h"
#include "eventstore.h"
#include "externaldata.h"
#include "feedfetcher.h"
#include "feedsettings.h"
#include "huntingschema.h"
#include "sqlcompiler.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Vigil::Ctl {

namespace {

/** The directory of feeds.json and the cache: the hunting data's (events.sqlite's). */
Result<QString> feedDir(const QCommandLineParser &parser)
{
    Result<AppOptions> options = AppOptions::fromParser(parser);
    if (!options)
        return options.error();
    const QString path = eventStorePath(options.value().syncConfig().store);
    if (path.isEmpty() || path == u":memory:")
        return Error{Error::Kind::Config,
                     0,
                     {},
                     QStringLiteral("no data directory: give one with --data-dir or "
                                    "VIGIL_DATA_DIR"),
                     {}};
    return QFileInfo(path).absolutePath();
}

QString timeText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

int saveSettings(const FeedSettings &settings, const QString &dir)
{
    QString error;
    if (!settings.save(dir, &error))
        return fail(error);
    return Ok;
}

} // namespace

std::optional<Kql::ExternalFeeds> fetchFeeds(const QString &dataDir, const QStringList &urls,
                                             bool offline)
{
    FeedSettings settings = FeedSettings::load(dataDir);
    settings.offline = settings.offline || offline;
    FeedFetcher fetcher(dataDir);
    QEventLoop loop;
    std::optional<Kql::ExternalFeeds> feeds;
    fetcher.fetch(urls, settings, [&](const Kql::ExternalFeeds &fetched, bool cancelled) {
        if (!cancelled)
            feeds = fetched;
        loop.quit();
    });
    loop.exec();
    return feeds;
}

void addFeedOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("offline"),
                      QStringLiteral("hunt: read externaldata from the cached copies only.")});
}

int runFeeds(const QCommandLineParser &parser, const QStringList &args)
{
    const Result<QString> dir = feedDir(parser);
    if (!dir)
        return fail(dir.error().message, Usage);
    FeedSettings settings = FeedSettings::load(dir.value());
    const QString verb = args.value(1);
    if (verb == u"list") {
        const QList<CachedFeed> cached = FeedCache(FeedSettings::cacheDir(dir.value())).list();
        if (parser.value(QStringLiteral("format")) == u"json") {
            QJsonArray copies;
            for (const CachedFeed &feed : cached)
                copies.append(QJsonObject{{QStringLiteral("url"), feed.url},
                                          {QStringLiteral("fetchedAt"), timeText(feed.fetchedAtMs)},
                                          {QStringLiteral("bytes"), feed.bytes}});
            out() << QJsonDocument(QJsonObject{{QStringLiteral("allowedHosts"),
                                                QJsonArray::fromStringList(settings.allowedHosts)},
                                               {QStringLiteral("maxBytes"), settings.maxBytes},
                                               {QStringLiteral("timeoutSeconds"),
                                                settings.timeoutSeconds},
                                               {QStringLiteral("offline"), settings.offline},
                                               {QStringLiteral("cached"), copies}})
                             .toJson(QJsonDocument::Compact)
                  << '\n';
            out().flush();
            return Ok;
        }
        out() << "allowed hosts: "
              << (settings.allowedHosts.isEmpty()
                          ? QStringLiteral("none (externaldata fetches nothing)")
                          : settings.allowedHosts.join(QStringLiteral(", ")))
              << '\n'
              << "offered: " << FeedSettings::offeredHosts().join(QStringLiteral(", ")) << '\n'
              << "size limit: " << settings.maxBytes
              << " bytes; time limit: " << settings.timeoutSeconds
              << " s; offline: " << (settings.offline ? "yes" : "no") << '\n';
        QList<QStringList> rows;
        for (const CachedFeed &feed : cached)
            rows.append({terminalSafe(feed.url), timeText(feed.fetchedAtMs),
                         QString::number(feed.bytes)});
        out().flush();
        if (!rows.isEmpty())
            writeTable({QStringLiteral("cached URL"), QStringLiteral("fetched"),
                        QStringLiteral("bytes")},
                       rows);
        return Ok;
    }
    if (verb == u"allow" || verb == u"deny") {
        const QString host = FeedSettings::normalizeHost(args.value(2));
        if (host.isEmpty())
            return fail(QStringLiteral("'%1' is not a host name (e.g. raw.githubusercontent.com "
                                       "or *.example.com)")
                                .arg(terminalSafe(args.value(2))),
                        Usage);
        if (verb == u"allow" && !settings.allowedHosts.contains(host))
            settings.allowedHosts.append(host);
        if (verb == u"deny")
            settings.allowedHosts.removeAll(host);
        return saveSettings(settings, dir.value());
    }
    if (verb == u"offline") {
        const QString value = args.value(2);
        if (value != u"on" && value != u"off")
            return fail(QStringLiteral("feeds offline takes on or off"), Usage);
        settings.offline = value == u"on";
        return saveSettings(settings, dir.value());
    }
    if (verb == u"limit") {
        bool sizeOk = false;
        bool timeOk = false;
        const double megabytes = args.value(2).toDouble(&sizeOk);
        const int seconds = args.value(3).toInt(&timeOk);
        if (!sizeOk || megabytes <= 0 || megabytes > 4096 || !timeOk || seconds < 1
            || seconds > 3600)
            return fail(QStringLiteral("feeds limit takes a size in MB (up to 4096) and a time "
                                       "in seconds (1 to 3600)"),
                        Usage);
        settings.maxBytes = qint64(megabytes * 1024 * 1024);
        settings.timeoutSeconds = seconds;
        return saveSettings(settings, dir.value());
    }
    if (verb == u"import") {
        // A copy brought by hand (an air-gapped machine): used as if fetched now.
        const QString url = args.value(2);
        QFile file(args.value(3));
        const bool opened = args.value(3) == u"-" ? file.open(stdin, QIODevice::ReadOnly)
                                                  : file.open(QIODevice::ReadOnly);
        if (!opened)
            return fail(QStringLiteral("cannot read %1: %2")
                                .arg(terminalSafe(args.value(3)), file.errorString()),
                        Usage);
        const QByteArray data = file.read(settings.maxBytes + 1);
        if (data.size() > settings.maxBytes)
            return fail(QStringLiteral("%1 is larger than the size limit (%2 bytes)")
                                .arg(terminalSafe(args.value(3)))
                                .arg(settings.maxBytes));
        QString error;
        if (!FeedCache(FeedSettings::cacheDir(dir.value()))
                     .write(url, data, QDateTime::currentMSecsSinceEpoch(), &error))
            return fail(error);
        return Ok;
    }
    if (verb == u"forget") {
        if (!FeedCache(FeedSettings::cacheDir(dir.value())).remove(args.value(2)))
            return fail(QStringLiteral("there is no cached copy of %1")
                                .arg(terminalSafe(args.value(2))));
        return Ok;
    }
    return fail(QStringLiteral("unknown command. Try 'vigilctl --help'."), Usage);
}

int runFeedUrls(const QCommandLineParser &parser, const QStringList &args)
{
    QString query;
    if (parser.isSet(QStringLiteral("file"))) {
        Result<QString> read = readQueryFile(parser.value(QStringLiteral("file")));
        if (!read)
            return fail(read.error().message, Usage);
        query = std::move(read).value();
    } else if (args.size() == 3) {
        query = args.last();
    } else {
        return fail(QStringLiteral("feeds urls needs the query as one argument or --file FILE"),
                    Usage);
    }
    const Kql::QueryAnalysis analysis = Kql::analyzeQuery(query, HuntingSchema::defender());
    if (!analysis.ok())
        return refusedQuery(analysis.errors.first(), false);
    Kql::KqlError error;
    const std::optional<Kql::CompiledQuery> compiled = Kql::compileToSql(analysis, &error);
    if (!compiled)
        return refusedQuery(error, false);
    for (const QString &url : Kql::externalDataUrls(*compiled))
        out() << terminalSafe(url) << '\n';
    out().flush();
    return Ok;
}

} // namespace Vigil::Ctl
