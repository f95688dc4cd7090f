#include "simfixture.h"

#include <QDebug>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>

namespace Vigil::Test {

QJsonDocument simAdmin(QNetworkAccessManager &network, const QUrl &base, const QByteArray &verb,
                       const QString &path, const QJsonObject &body, int timeoutMs)
{
    QUrl url = base;
    const qsizetype query = path.indexOf(u'?');
    url.setPath(path.left(query));
    if (query >= 0)
        url.setQuery(path.mid(query + 1));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = network.sendCustomRequest(
            request, verb, verb == "GET" ? QByteArray() : QJsonDocument(body).toJson());
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(timeoutMs))
        qWarning() << "admin call" << verb << path << "timed out";
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status / 100 != 2)
        qWarning() << "admin call" << verb << path << "answered" << status;
    return QJsonDocument::fromJson(reply->readAll());
}

SyncRun runOneSync(SyncController &controller, int timeoutMs)
{
    SyncRun run;
    QSignalSpy finished(&controller, &SyncController::syncFinished);
    QSignalSpy changes(&controller, &SyncController::incidentsChanged);
    QSignalSpy statuses(&controller, &SyncController::statusChanged);
    controller.syncNow();
    run.finished = finished.wait(timeoutMs);
    if (!run.finished) {
        qWarning() << "no sync finished within" << timeoutMs << "ms";
        return run;
    }
    run.ok = finished.at(0).at(0).toBool();
    run.error = finished.at(0).at(1).value<Error>();
    if (!run.ok)
        qWarning() << run.error.toString();
    for (const QList<QVariant> &signal : std::as_const(changes))
        run.changed.append(signal.at(0).value<QList<Incident>>());
    for (const QList<QVariant> &signal : std::as_const(statuses))
        run.statuses.append(signal.at(0).value<SyncStatus>());
    return run;
}

SimFixture::SimFixture() = default;

int SimFixture::requestsServed(QLatin1StringView routePart)
{
    const QJsonObject byRoute = admin("GET", QStringLiteral("/_sim/stats"))
                                        .value(QLatin1String("byRoute"))
                                        .toObject();
    int calls = 0;
    for (auto it = byRoute.begin(); it != byRoute.end(); ++it) {
        if (it.key().contains(routePart))
            calls += it.value().toInt();
    }
    return calls;
}

SimFixture::~SimFixture() = default;

bool SimFixture::start(const Sim::SimOptions &options)
{
    m_server = std::make_unique<Sim::SimServer>(options);
    return m_server->listen();
}

void SimFixture::stop()
{
    m_server.reset();
}

QJsonDocument SimFixture::adminDocument(const QByteArray &verb, const QString &path,
                                        const QJsonObject &body)
{
    return simAdmin(m_network, m_server->baseUrl(), verb, path, body);
}

SyncConfig SimFixture::syncConfig(const QString &databasePath) const
{
    SyncConfig config;
    config.store = StoreConfig::sqlite(databasePath);
    config.authorityHost = m_server->baseUrl();
    config.graphEndpoint = m_server->baseUrl();
    config.tenantId = m_server->tenantId();
    config.clientId = m_server->clientId();
    config.clientSecret = m_server->clientSecret();
    config.autoPoll = false;
    return config;
}

} // namespace Vigil::Test
