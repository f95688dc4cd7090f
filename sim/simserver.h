#pragma once

#include "simoptions.h"
#include "simtenant.h"

#include <QHash>
#include <QObject>
#include <QUrl>

#include <map>
#include <memory>

class QHttpServerRequest;
class QHttpServerResponder;
class QTcpSocket;

namespace Vigil::Sim {

class BlobStore;
class HttpFrontend;
class LiveActivity;
struct HttpReply;

/**
 * A simulated Microsoft 365 Defender tenant served over HTTP on 127.0.0.1: the Entra token
 * endpoint, the Graph security API (incidents, alerts_v2) and an admin API under /_sim/ to
 * script portal activity and faults. Lives on, and must be used from, the thread that created it.
 */
class SimServer : public QObject
{
    Q_OBJECT

public:
    explicit SimServer(const SimOptions &options, QObject *parent = nullptr);
    ~SimServer() override;

    bool listen(quint16 port = 0); // 127.0.0.1 only; 0 = free port
    quint16 port() const { return m_port; }
    QUrl baseUrl() const; // http://127.0.0.1:<port>: authority host and Graph endpoint
    QString tenantId() const { return m_tenant.tenantId(); }
    QString clientId() const { return m_tenant.clientId(); }
    QString clientSecret() const { return m_tenant.clientSecret(); }
    SimTenant &tenant() { return m_tenant; }

    /** The storage account the streaming API writes the tenant's hunting events to, served
     *  path-style on the same port: http://127.0.0.1:<port>/<account>. */
    QString storageAccountName() const;
    QUrl blobEndpoint() const;
    /** An account SAS for it (read and list, blob service, every resource type), without '?'. */
    QString blobSas() const;
    int requestCount() const { return m_requestCount; } // Graph + token calls, not admin calls
    int hangingCount() const { return static_cast<int>(m_hanging.size()); } // unanswered, open

    struct Request; // one parsed HTTP request (implementation detail)

Q_SIGNALS:
    /** One line per answered request, for logs; never carries tokens or secrets. */
    void requestServed(const QString &summary);

private:
    void handle(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    HttpReply route(const Request &request);
    HttpReply routeGraph(Request &request);
    HttpReply routeAdmin(const Request &request);
    HttpReply routeAdminAuth(const Request &request, const QStringList &segments,
                             const QJsonObject &body, bool *handled);
    HttpReply token(const Request &request);
    HttpReply deviceCode(const Request &request);
    HttpReply tokenReply(const TokenGrant &grant);
    HttpReply listIncidents(const Request &request);
    HttpReply getIncident(const Request &request, qint64 id);
    HttpReply patchIncident(const Request &request, qint64 id);
    HttpReply postComment(const Request &request, qint64 id);
    HttpReply listAlerts(const Request &request);
    HttpReply getAlert(const Request &request, const QString &id);
    HttpReply patchAlert(const Request &request, const QString &id);
    HttpReply postAlertComment(const Request &request, const QString &id);
    HttpReply runHuntingQuery(const Request &request);
    HttpReply routeBlob(const Request &request);
    QByteArray storageKey() const;
    QByteArray sasSignature(const QString &permissions, const QString &services,
                            const QString &resourceTypes, const QString &start,
                            const QString &expiry, const QString &ip, const QString &protocol,
                            const QString &version) const;
    HttpReply adminIncidentJson(const Request &request, qint64 id, int status = 200);
    HttpReply statsJson() const;
    void send(QHttpServerResponder &responder, const HttpReply &reply, const Request &request,
              qsizetype bodyBytes = -1);
    void keepUnanswered(QHttpServerResponder &&responder);
    void resetConnection(QHttpServerResponder &&responder, const HttpReply &reply,
                         const Request &request, int bodyBytes, int resetAfterMs);

    SimTenant m_tenant;
    std::unique_ptr<HttpFrontend> m_http;
    std::unique_ptr<LiveActivity> m_live;
    std::unique_ptr<BlobStore> m_blobs; // created on the first storage request
    std::map<QTcpSocket *, std::unique_ptr<QHttpServerResponder>> m_hanging;
    quint16 m_port = 0;
    int m_requestCount = 0;
    QHash<QString, int> m_requestsByRoute;
};

} // namespace Vigil::Sim
