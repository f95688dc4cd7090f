#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QUrl>

#include <functional>

class QTcpServer;
class QTcpSocket;

namespace Vigil::Test {

/** One HTTP request as the stub received it; header names lower-case. */
struct StubRequest
{
    QByteArray method;
    QByteArray target; ///< path and query, as sent
    QHash<QByteArray, QByteArray> headers;
    QByteArray body;

    QByteArray path() const
    {
        const qsizetype query = target.indexOf('?');
        return query < 0 ? target : target.left(query);
    }
};

/** What the stub answers; hang keeps the connection open without a word, close drops it. */
struct StubResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool hang = false;
    bool close = false;

    static StubResponse json(int status, const QByteArray &body,
                             QList<QPair<QByteArray, QByteArray>> headers = {});
};

/**
 * @brief A tiny HTTP/1.1 server on 127.0.0.1 for what a real tenant cannot easily produce:
 * scripted statuses, error bodies, malformed JSON, replies that never come.
 *
 * Lives on the test's thread. Handles keep-alive connections, one request at a time each.
 */
class StubHttpServer : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<StubResponse(const StubRequest &request)>;

    explicit StubHttpServer(QObject *parent = nullptr);
    ~StubHttpServer() override;

    bool listen();
    QUrl url() const;
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    const QList<StubRequest> &requests() const { return m_requests; }
    /** Requests whose path ends with suffix. */
    int countRequests(const QByteArray &pathSuffix) const;

    /** A handler for the Entra token endpoint that issues "token-1", "token-2", ... */
    static StubResponse tokenResponse(int serial, int expiresIn = 3600);

Q_SIGNALS:
    void requestReceived();

private:
    void onReadyRead(QTcpSocket *socket);

    QTcpServer *m_server;
    Handler m_handler;
    QList<StubRequest> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace Vigil::Test
