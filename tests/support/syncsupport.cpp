#include "syncsupport.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

namespace Vigil::Test {

StubResponse StubResponse::json(int status, const QByteArray &body,
                                QList<QPair<QByteArray, QByteArray>> headers)
{
    StubResponse response;
    response.status = status;
    response.body = body;
    response.headers = std::move(headers);
    response.headers.append({QByteArrayLiteral("Content-Type"),
                             QByteArrayLiteral("application/json; charset=utf-8")});
    return response;
}

StubResponse StubHttpServer::tokenResponse(int serial, int expiresIn)
{
    return StubResponse::json(200, QByteArrayLiteral("{\"token_type\":\"Bearer\",\"expires_in\":")
                                           + QByteArray::number(expiresIn)
                                           + QByteArrayLiteral(",\"access_token\":\"token-")
                                           + QByteArray::number(serial) + QByteArrayLiteral("\"}"));
}

StubHttpServer::StubHttpServer(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                m_buffers.remove(socket);
                socket->deleteLater();
            });
        }
    });
}

StubHttpServer::~StubHttpServer() = default;

bool StubHttpServer::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

QUrl StubHttpServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server->serverPort()));
}

int StubHttpServer::countRequests(const QByteArray &pathSuffix) const
{
    int count = 0;
    for (const StubRequest &request : m_requests) {
        if (request.path().endsWith(pathSuffix))
            ++count;
    }
    return count;
}

void StubHttpServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    for (;;) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        StubRequest request;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.target = requestLine.value(1);
        for (qsizetype n = 1; n < lines.size(); ++n) {
            const QByteArray line = lines.at(n).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                request.headers.insert(line.left(colon).trimmed().toLower(),
                                       line.mid(colon + 1).trimmed());
        }
        const qsizetype length = request.headers.value("content-length", "0").toLongLong();
        if (buffer.size() < headerEnd + 4 + length)
            return;
        request.body = buffer.mid(headerEnd + 4, length);
        buffer.remove(0, headerEnd + 4 + length);
        m_requests.append(request);
        const StubResponse response
                = m_handler ? m_handler(request) : StubResponse::json(404, "{}");
        Q_EMIT requestReceived();
        if (response.hang)
            return;
        if (response.close) {
            socket->abort();
            return;
        }
        QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + " Stub\r\n";
        for (const auto &[name, value] : response.headers)
            out += name + ": " + value + "\r\n";
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n\r\n";
        out += response.body;
        socket->write(out);
    }
}

} // namespace Vigil::Test
