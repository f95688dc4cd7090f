#include "pagelinks.h"

#include "synclogging.h"

namespace Vigil {

namespace {

/** One spelling per page: percent-encoding and the like do not make a page another one. */
QString key(const QUrl &url)
{
    return url.adjusted(QUrl::NormalizePathSegments).toString(QUrl::FullyEncoded);
}

} // namespace

void PageLinks::start(const QUrl &first)
{
    m_seen.clear();
    m_seen.insert(key(first));
}

Result<QUrl> PageLinks::follow(const QString &nextLink)
{
    const QUrl url(nextLink, QUrl::StrictMode);
    const QString seen = key(url);
    if (m_seen.contains(seen)) {
        const Error error{Error::Kind::Parse,
                          200,
                          QStringLiteral("nextLinkRepeated"),
                          QStringLiteral("the service's @odata.nextLink points back to a page "
                                         "this pull already read (%1): its pages would repeat "
                                         "forever, so the pull stops here")
                                  .arg(url.toDisplayString()),
                          {}};
        qCWarning(lcSync).noquote() << error.message;
        return error;
    }
    m_seen.insert(seen);
    return url;
}

} // namespace Vigil
