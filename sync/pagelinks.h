#pragma once

#include "result.h"

#include <QSet>
#include <QString>
#include <QUrl>

namespace Vigil {

/**
 * @brief The pages one pull has asked for, so that a service whose `@odata.nextLink` points back
 * at a page already read (itself, or one before) stops the pull with an error instead of paging
 * forever.
 *
 * A puller calls start() with the first page of each pull and follow() with each nextLink. Lives
 * with its puller on the sync thread.
 */
class PageLinks
{
public:
    /** Forgets the last pull's pages; first is the first page of this one. */
    void start(const QUrl &first);
    /** The page nextLink names, or a Parse error when this pull has asked for it already. */
    Result<QUrl> follow(const QString &nextLink);

private:
    QSet<QString> m_seen;
};

} // namespace Vigil
