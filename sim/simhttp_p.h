#pragma once

// Request and reply types shared by the files that implement SimServer. Not installed.

#include "simserver.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrlQuery>
#include <QUuid>

namespace Vigil::Sim {

inline const QByteArray GraphContentType = QByteArrayLiteral(
        "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;"
        "charset=utf-8");
inline const QByteArray PlainJson = QByteArrayLiteral("application/json; charset=utf-8");
constexpr int IncidentTopLimit = 50;
constexpr int AlertTopLimit = 1000;
constexpr int AlertDefaultPageSize = 100;

inline QString newGuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

inline QString lastSegment(const QString &path)
{
    return path.section(u'/', -1);
}

struct HttpReply
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = GraphContentType;
    QList<std::pair<QByteArray, QByteArray>> headers;
    qint64 declaredLength = -1; // a HEAD answer's Content-Length (the body stays empty)

    static HttpReply json(const QJsonObject &object, int status = 200,
                          const QByteArray &type = GraphContentType)
    {
        return {status, QJsonDocument(object).toJson(QJsonDocument::Compact), type, {}};
    }
};

struct SimServer::Request
{
    QString method;
    QString path;
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QString host;
    QString requestId;
    QString clientRequestId;
    bool includeEvolvable = false;
    QString actor; // a Graph write's author: the app's display name or the signed-in user

    QByteArray header(const char *name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    bool hasOption(const char *name) const { return query.hasQueryItem(QLatin1String(name)); }
    QString option(const char *name) const
    {
        return query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
    }
    QString origin() const { return u"http://" + host; }
    QString link(QLatin1String suffix) const { return origin() + suffix; }

    HttpReply graphError(int status, const QString &code, const QString &message,
                         bool withDetails = true) const
    {
        QJsonObject error{{QLatin1String("code"), code}, {QLatin1String("message"), message}};
        if (withDetails)
            error.insert(QLatin1String("details"), QJsonArray());
        error.insert(
                QLatin1String("innerError"),
                QJsonObject{{QLatin1String("date"), QDateTime::currentDateTimeUtc().toString(
                                                            QStringLiteral("yyyy-MM-ddTHH:mm:ss"))},
                            {QLatin1String("request-id"), requestId},
                            {QLatin1String("client-request-id"), clientRequestId}});
        return HttpReply::json(QJsonObject{{QLatin1String("error"), error}}, status);
    }

    HttpReply entraError(int status, const QString &error, int code,
                         const QString &description) const
    {
        const QString timestamp = QDateTime::currentDateTimeUtc().toString(
                QStringLiteral("yyyy-MM-dd HH:mm:ss'Z'"));
        const QString traceId = newGuid();
        const QString correlationId = newGuid();
        return HttpReply::json(
                QJsonObject{{QLatin1String("error"), error},
                            {QLatin1String("error_description"),
                             QStringLiteral("AADSTS%1: %2\r\nTrace ID: %3\r\nCorrelation ID: "
                                            "%4\r\nTimestamp: %5")
                                     .arg(code)
                                     .arg(description, traceId, correlationId, timestamp)},
                            {QLatin1String("error_codes"), QJsonArray{code}},
                            {QLatin1String("timestamp"), timestamp},
                            {QLatin1String("trace_id"), traceId},
                            {QLatin1String("correlation_id"), correlationId}},
                status, PlainJson);
    }

    HttpReply badQuery(const QString &message) const { return graphError(400, QString(), message); }
};

} // namespace Vigil::Sim
