#include "huntingenrichment.h"

#include "clock.h"
#include "eventrecord.h"
#include "eventstore.h"
#include "incidentrepository.h"
#include "remotehuntclient.h"
#include "store.h"
#include "synccontext.h"
#include "synclogging.h"

#include <QFileInfo>

#include <algorithm>

namespace Vigil {

HuntingEnrichment::HuntingEnrichment(SyncContext &context, const char *name,
                                     StatusError statusError, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_name(name)
    , m_statusError(statusError)
{ }

HuntingEnrichment::~HuntingEnrichment() = default;

QString HuntingEnrichment::label() const
{
    return QString::fromLatin1(m_name) + QLatin1Char(':');
}

void HuntingEnrichment::configure(QNetworkAccessManager *network, TokenProvider *tokens,
                                  RateLimiter *limiter, const QUrl &graphEndpoint,
                                  const QString &eventsPath)
{
    if (eventsPath.isEmpty() || eventsPath == u":memory:")
        return;
    m_eventsPath = eventsPath;
    m_client = new RemoteHuntClient(network, tokens, limiter, graphEndpoint, this);
}

QList<QByteArray> HuntingEnrichment::latestEvidence() const
{
    QList<QByteArray> evidence;
    Store *store = m_context.store();
    if (!store)
        return evidence;
    Result<QList<Incident>> queue = store->incidents().loadQueue();
    if (!queue)
        return evidence;
    QList<Incident> incidents = std::move(queue).value();
    std::sort(incidents.begin(), incidents.end(), [](const Incident &a, const Incident &b) {
        return a.lastUpdateTime > b.lastUpdateTime;
    });
    for (qsizetype i = 0; i < incidents.size() && i < kEvidenceIncidents; ++i) {
        const Result<IncidentDetail> detail = store->incidents().loadDetail(incidents[i].number);
        if (!detail)
            continue;
        for (const Alert &alert : detail->alerts) {
            for (const Entity &entity : alert.evidence)
                evidence.append(entity.rawJson);
        }
    }
    return evidence;
}

bool HuntingEnrichment::start()
{
    if (m_running || !m_client || m_denied)
        return false;
    const QDateTime now = m_context.clock()->now();
    if (m_notBefore.isValid() && now < m_notBefore)
        return false;
    if (!m_events) {
        // The event store's writer creates the database; without one there is nothing to hunt.
        if (!QFileInfo::exists(m_eventsPath)) {
            m_notBefore = now.addSecs(kIdleSeconds);
            return false;
        }
        Result<std::unique_ptr<EventStore>> opened
                = openEventStore(m_eventsPath, StoreOpenMode::ReadWrite, m_context.clock());
        if (!opened) {
            qCWarning(lcSync).noquote()
                    << label() << "the event database did not open:" << opened.error().message;
            m_notBefore = now.addSecs(kIdleSeconds);
            return false;
        }
        m_events = std::move(opened).value();
    }
    const Result<int> due = prepare(*m_events, now);
    if (!due) {
        qCWarning(lcSync).noquote() << label() << due.error().message;
        m_notBefore = now.addSecs(kIdleSeconds);
        return false;
    }
    if (*due == 0) {
        m_notBefore = now.addSecs(kIdleSeconds);
        // Nothing left to ask: an earlier wait or failure is over.
        std::optional<Error> &error = m_context.status().*m_statusError;
        if (error) {
            error.reset();
            m_context.publishStatus();
        }
        return false;
    }
    m_stored = 0;
    m_running = true;
    qCInfo(lcSync).noquote() << label() << "asking Defender about" << *due;
    next();
    return true;
}

void HuntingEnrichment::next()
{
    const std::optional<QString> query = nextQuery();
    if (!query) {
        finish(std::nullopt);
        return;
    }
    m_client->run(*query, QString(), this,
                  [this](Result<RemoteHuntResult> &&answer) { onAnswer(std::move(answer)); });
}

void HuntingEnrichment::onAnswer(Result<RemoteHuntResult> &&answer)
{
    if (!answer) {
        finish(answer.error());
        return;
    }
    const qint64 fetched = ticksFromDateTime(m_context.clock()->now());
    const Result<int> stored = store(*m_events, answer.value(), fetched);
    if (!stored) {
        finish(stored.error());
        return;
    }
    m_stored += *stored;
    next();
}

void HuntingEnrichment::finish(const std::optional<Error> &error)
{
    m_running = false;
    clear();
    const QDateTime now = m_context.clock()->now();
    std::optional<Error> &statusError = m_context.status().*m_statusError;
    if (!error) {
        qCInfo(lcSync).noquote() << label() << "stored" << m_stored;
        statusError.reset();
    } else if (error->kind == Error::Kind::Forbidden) {
        // Without ThreatHunting.Read.All: asked again only with another connection.
        m_denied = true;
        statusError = *error;
        qCWarning(lcSync).noquote() << label() << "not fetched:" << error->message;
    } else {
        const qint64 wait = error->kind == Error::Kind::Throttled && error->retryAfter
                                    ? std::max<qint64>(1, error->retryAfter->count())
                                    : kIdleSeconds;
        m_notBefore = now.addSecs(wait);
        statusError = *error;
        qCWarning(lcSync).noquote() << label() << "not fetched:" << error->message;
    }
    m_context.publishStatus();
    Q_EMIT finished(m_stored, error);
}

} // namespace Vigil
