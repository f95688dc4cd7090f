#include "simserver.h"

#include "simhttp_p.h"

#include "blobstore.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QLocale>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimeZone>
#include <QXmlStreamWriter>

#include <functional>

// The Azure Blob service of the storage account the streaming API writes to, under
// /<account>/ on the simulator's own port (the path-style addressing of emulators): List
// Containers, List Blobs, Get Container Properties, Get Blob (with ranges) and Get Blob
// Properties, authorised by an account SAS as Azure Storage documents them.

namespace Vigil::Sim {

namespace {

constexpr char StorageVersion[] = "2021-08-06";
constexpr int MaxResults = 5000;

QByteArray httpDate(Ticks ticks)
{
    return QLocale::c()
            .toString(QDateTime::fromMSecsSinceEpoch(ticks / 10'000, QTimeZone::utc()),
                      QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
            .toLatin1();
}

HttpReply storageError(const QString &requestId, int status, const char *code,
                       const QString &message, const QString &detail = {})
{
    QByteArray body;
    QXmlStreamWriter xml(&body);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("Error"));
    xml.writeTextElement(QStringLiteral("Code"), QLatin1String(code));
    xml.writeTextElement(QStringLiteral("Message"), message + QStringLiteral("\nRequestId:")
                                                            + requestId + QStringLiteral("\nTime:")
                                                            + formatTicks(currentTicks()));
    if (!detail.isEmpty())
        xml.writeTextElement(QStringLiteral("AuthenticationErrorDetail"), detail);
    xml.writeEndElement();
    xml.writeEndDocument();
    HttpReply reply{status, body, QByteArrayLiteral("application/xml"), {}};
    reply.headers.append({QByteArrayLiteral("x-ms-error-code"), QByteArray(code)});
    return reply;
}

/** A marker is opaque to the client: the name to go on from, encoded. */
QString encodeMarker(const QString &name)
{
    return QStringLiteral("2!")
           + QString::fromLatin1(name.toUtf8().toBase64(QByteArray::Base64UrlEncoding
                                                        | QByteArray::OmitTrailingEquals));
}

std::optional<QString> decodeMarker(const QString &marker)
{
    if (marker.isEmpty())
        return QString();
    if (!marker.startsWith(QLatin1String("2!")))
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(
            marker.mid(2).toLatin1(),
            QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return QString::fromUtf8(*decoded);
}

} // namespace

QString SimServer::storageAccountName() const
{
    return QStringLiteral("vigildemo");
}

QUrl SimServer::blobEndpoint() const
{
    QUrl url = baseUrl();
    url.setPath(u'/' + storageAccountName());
    return url;
}

QByteArray SimServer::storageKey() const
{
    QRandomGenerator random(m_tenant.options().seed ^ 0x57a9e5u);
    QByteArray key(64, Qt::Uninitialized);
    for (char &byte : key)
        byte = static_cast<char>(random.bounded(256));
    return key;
}

QByteArray SimServer::sasSignature(const QString &permissions, const QString &services,
                                   const QString &resourceTypes, const QString &start,
                                   const QString &expiry, const QString &ip,
                                   const QString &protocol, const QString &version) const
{
    // The account SAS string to sign (versions 2020-12-06 and later end with the encryption
    // scope, empty here).
    const QString toSign = storageAccountName() + u'\n' + permissions + u'\n' + services + u'\n'
                           + resourceTypes + u'\n' + start + u'\n' + expiry + u'\n' + ip + u'\n'
                           + protocol + u'\n' + version + u'\n' + u'\n';
    return QMessageAuthenticationCode::hash(toSign.toUtf8(), storageKey(),
                                            QCryptographicHash::Sha256)
            .toBase64();
}

QString SimServer::blobSas() const
{
    const QString start = QStringLiteral("2024-01-01T00:00:00Z");
    const QString expiry = QStringLiteral("2099-12-31T23:59:59Z");
    const QByteArray signature = sasSignature(
            QStringLiteral("rl"), QStringLiteral("b"), QStringLiteral("sco"), start, expiry,
            QString(), QStringLiteral("https,http"), QLatin1String(StorageVersion));
    return QStringLiteral("sv=%1&ss=b&srt=sco&sp=rl&se=%2&st=%3&spr=https,http&sig=%4")
            .arg(QLatin1String(StorageVersion), expiry, start,
                 QString::fromLatin1(QUrl::toPercentEncoding(QString::fromLatin1(signature))));
}

HttpReply SimServer::routeBlob(const Request &request)
{
    if (!m_blobs)
        m_blobs = std::make_unique<BlobStore>(m_tenant);
    const QString &requestId = request.requestId;
    const QStringList segments = request.path.split(u'/', Qt::SkipEmptyParts).mid(1);
    const QString container = segments.value(0);
    const QString blob = segments.mid(1).join(u'/');
    const bool listing = request.option("comp") == QLatin1String("list");
    const bool containerCall = request.option("restype") == QLatin1String("container");

    // What the operation needs of the SAS: the resource type and the permission.
    QChar resourceType = u'o';
    QChar permission = u'r';
    if (container.isEmpty()) {
        resourceType = u's';
        permission = u'l';
    } else if (containerCall) {
        resourceType = u'c';
        permission = listing ? u'l' : u'r';
    }
    if (request.method != QLatin1String("GET") && request.method != QLatin1String("HEAD"))
        permission = request.method == QLatin1String("DELETE") ? u'd' : u'w';

    // An account SAS, checked as the service checks it.
    const QString signature = request.option("sig");
    if (signature.isEmpty()) {
        return storageError(
                requestId, 403, "AuthenticationFailed",
                QStringLiteral("Server failed to authenticate the request. Make sure "
                               "the value of Authorization header is formed correctly "
                               "including the signature."),
                QStringLiteral("No shared access signature was given with the request."));
    }
    const QString permissions = request.option("sp");
    const QString services = request.option("ss");
    const QString resourceTypes = request.option("srt");
    const QString start = request.option("st");
    const QString expiry = request.option("se");
    const QByteArray expected
            = sasSignature(permissions, services, resourceTypes, start, expiry,
                           request.option("sip"), request.option("spr"), request.option("sv"));
    if (signature.toLatin1() != expected) {
        return storageError(requestId, 403, "AuthenticationFailed",
                            QStringLiteral("Server failed to authenticate the request. Make sure "
                                           "the value of Authorization header is formed correctly "
                                           "including the signature."),
                            QStringLiteral("Signature did not match. String to sign used was %1")
                                    .arg(permissions + u'\n' + services + u'\n' + resourceTypes));
    }
    const auto startTicks = start.isEmpty() ? std::optional<Ticks>(0) : parseTicks(start);
    const auto expiryTicks = parseTicks(expiry);
    const Ticks now = currentTicks();
    if (!startTicks || !expiryTicks || now < *startTicks || now > *expiryTicks) {
        return storageError(requestId, 403, "AuthenticationFailed",
                            QStringLiteral("Server failed to authenticate the request. Make sure "
                                           "the value of Authorization header is formed correctly "
                                           "including the signature."),
                            QStringLiteral("Signature not valid in the specified time frame: Start "
                                           "[%1] - Expiry [%2] - Current [%3]")
                                    .arg(start, expiry, QString::fromLatin1(httpDate(now))));
    }
    if (!services.contains(u'b')) {
        return storageError(requestId, 403, "AuthorizationServiceMismatch",
                            QStringLiteral("This request is not authorized to perform this "
                                           "operation using this service."));
    }
    if (!resourceTypes.contains(resourceType)) {
        return storageError(requestId, 403, "AuthorizationResourceTypeMismatch",
                            QStringLiteral("This request is not authorized to perform this "
                                           "operation using this resource type."));
    }
    if (!permissions.contains(permission)) {
        return storageError(requestId, 403, "AuthorizationPermissionMismatch",
                            QStringLiteral("This request is not authorized to perform this "
                                           "operation using this permission."));
    }
    if (permission == u'w' || permission == u'd') {
        return storageError(requestId, 403, "AuthorizationPermissionMismatch",
                            QStringLiteral("This request is not authorized to perform this "
                                           "operation using this permission."));
    }

    const auto common = [&](HttpReply reply) {
        reply.headers.append({QByteArrayLiteral("x-ms-request-id"), requestId.toLatin1()});
        reply.headers.append({QByteArrayLiteral("x-ms-version"), QByteArray(StorageVersion)});
        return reply;
    };
    const QString prefix = request.option("prefix");
    const std::optional<QString> marker = decodeMarker(request.option("marker"));
    bool numberOk = true;
    const int maxResults = request.hasOption("maxresults")
                                   ? request.option("maxresults").toInt(&numberOk)
                                   : MaxResults;
    if (!marker || !numberOk || maxResults < 1) {
        return common(storageError(requestId, 400, "InvalidQueryParameterValue",
                                   QStringLiteral("Value for one of the query parameters "
                                                  "specified in the request URI is invalid.")));
    }
    const int pageSize = std::min(maxResults, MaxResults);

    QByteArray xmlBody;
    QXmlStreamWriter xml(&xmlBody);
    const auto page = [&](const QStringList &names, const std::function<void(int)> &writeItem,
                          const char *itemsName, const QString &containerName) {
        xml.writeStartDocument();
        xml.writeStartElement(QStringLiteral("EnumerationResults"));
        xml.writeAttribute(QStringLiteral("ServiceEndpoint"),
                           request.origin() + u'/' + storageAccountName() + u'/');
        if (!containerName.isEmpty())
            xml.writeAttribute(QStringLiteral("ContainerName"), containerName);
        if (!prefix.isEmpty())
            xml.writeTextElement(QStringLiteral("Prefix"), prefix);
        if (!marker->isEmpty())
            xml.writeTextElement(QStringLiteral("Marker"), request.option("marker"));
        if (request.hasOption("maxresults"))
            xml.writeTextElement(QStringLiteral("MaxResults"), QString::number(maxResults));
        xml.writeStartElement(QLatin1String(itemsName));
        int written = 0;
        QString next;
        for (int i = 0; i < names.size(); ++i) {
            if (!names[i].startsWith(prefix) || names[i] < *marker)
                continue;
            if (written == pageSize) {
                next = encodeMarker(names[i]);
                break;
            }
            writeItem(i);
            ++written;
        }
        xml.writeEndElement();
        xml.writeTextElement(QStringLiteral("NextMarker"), next);
        xml.writeEndElement();
        xml.writeEndDocument();
        return common(HttpReply{200, xmlBody, QByteArrayLiteral("application/xml"), {}});
    };

    if (container.isEmpty()) {
        if (!listing)
            return common(storageError(requestId, 400, "InvalidQueryParameterValue",
                                       QStringLiteral("Value for one of the query parameters "
                                                      "specified in the request URI is invalid.")));
        const QStringList names = m_blobs->containers();
        const Ticks created = m_tenant.referenceNow() - 7 * TicksPerDay;
        return page(
                names,
                [&](int i) {
                    xml.writeStartElement(QStringLiteral("Container"));
                    xml.writeTextElement(QStringLiteral("Name"), names[i]);
                    xml.writeStartElement(QStringLiteral("Properties"));
                    xml.writeTextElement(QStringLiteral("Last-Modified"),
                                         QString::fromLatin1(httpDate(created)));
                    xml.writeTextElement(QStringLiteral("Etag"),
                                         QStringLiteral("\"0x8DC0A1B2C3D4E5F\""));
                    xml.writeTextElement(QStringLiteral("LeaseStatus"), QStringLiteral("unlocked"));
                    xml.writeTextElement(QStringLiteral("LeaseState"), QStringLiteral("available"));
                    xml.writeEndElement();
                    xml.writeEndElement();
                },
                "Containers", QString());
    }

    const std::optional<QList<BlobInfo>> blobs = m_blobs->blobs(container);
    if (!blobs) {
        return common(storageError(requestId, 404, "ContainerNotFound",
                                   QStringLiteral("The specified container does not exist.")));
    }
    if (containerCall && !listing) {
        HttpReply reply
                = common(HttpReply{200, {}, QByteArrayLiteral("application/octet-stream"), {}});
        reply.headers.append(
                {QByteArrayLiteral("ETag"), QByteArrayLiteral("\"0x8DC0A1B2C3D4E5F\"")});
        reply.headers.append(
                {QByteArrayLiteral("x-ms-lease-status"), QByteArrayLiteral("unlocked")});
        return reply;
    }
    if (containerCall) {
        QStringList names;
        for (const BlobInfo &info : *blobs)
            names.append(info.name);
        return page(
                names,
                [&](int i) {
                    const BlobInfo &info = blobs->at(i);
                    xml.writeStartElement(QStringLiteral("Blob"));
                    xml.writeTextElement(QStringLiteral("Name"), info.name);
                    xml.writeStartElement(QStringLiteral("Properties"));
                    xml.writeTextElement(QStringLiteral("Creation-Time"),
                                         QString::fromLatin1(httpDate(info.created)));
                    xml.writeTextElement(QStringLiteral("Last-Modified"),
                                         QString::fromLatin1(httpDate(info.modified)));
                    xml.writeTextElement(QStringLiteral("Etag"), info.etag);
                    xml.writeTextElement(QStringLiteral("Content-Length"),
                                         QString::number(info.length));
                    xml.writeTextElement(QStringLiteral("Content-Type"),
                                         QStringLiteral("application/json"));
                    xml.writeTextElement(QStringLiteral("BlobType"), QStringLiteral("AppendBlob"));
                    xml.writeTextElement(QStringLiteral("LeaseStatus"), QStringLiteral("unlocked"));
                    xml.writeTextElement(QStringLiteral("LeaseState"), QStringLiteral("available"));
                    xml.writeTextElement(QStringLiteral("ServerEncrypted"), QStringLiteral("true"));
                    xml.writeEndElement();
                    xml.writeEndElement();
                },
                "Blobs", container);
    }
    if (request.hasOption("comp") || request.hasOption("restype")) {
        return common(storageError(requestId, 400, "InvalidQueryParameterValue",
                                   QStringLiteral("Value for one of the query parameters "
                                                  "specified in the request URI is invalid.")));
    }

    BlobInfo info;
    const std::optional<QByteArray> content = m_blobs->content(container, blob, &info);
    if (!content) {
        return common(storageError(requestId, 404, "BlobNotFound",
                                   QStringLiteral("The specified blob does not exist.")));
    }
    const auto blobHeaders = [&](HttpReply reply) {
        reply = common(std::move(reply));
        reply.headers.append({QByteArrayLiteral("ETag"), '"' + info.etag.toLatin1() + '"'});
        reply.headers.append({QByteArrayLiteral("Last-Modified"), httpDate(info.modified)});
        reply.headers.append({QByteArrayLiteral("x-ms-creation-time"), httpDate(info.created)});
        reply.headers.append(
                {QByteArrayLiteral("x-ms-blob-type"), QByteArrayLiteral("AppendBlob")});
        reply.headers.append({QByteArrayLiteral("x-ms-blob-committed-block-count"),
                              QByteArray::number(std::max<qint64>(1, info.length / 4096))});
        reply.headers.append(
                {QByteArrayLiteral("x-ms-server-encrypted"), QByteArrayLiteral("true")});
        reply.headers.append({QByteArrayLiteral("Accept-Ranges"), QByteArrayLiteral("bytes")});
        return reply;
    };
    if (request.method == QLatin1String("HEAD")) {
        HttpReply reply
                = blobHeaders(HttpReply{200, {}, QByteArrayLiteral("application/json"), {}});
        reply.declaredLength = info.length;
        return reply;
    }

    // x-ms-range wins over Range; "bytes=start-[end]".
    QByteArray range = request.header("x-ms-range");
    if (range.isEmpty())
        range = request.header("range");
    if (range.isEmpty())
        return blobHeaders(HttpReply{200, *content, QByteArrayLiteral("application/json"), {}});
    static const QRegularExpression pattern(QStringLiteral(R"(^bytes=(\d+)-(\d*)$)"));
    const auto match = pattern.match(QString::fromLatin1(range.trimmed()));
    if (!match.hasMatch()) // an unusable Range header is ignored, as HTTP says
        return blobHeaders(HttpReply{200, *content, QByteArrayLiteral("application/json"), {}});
    const qint64 first = match.capturedView(1).toLongLong();
    const qint64 last = match.capturedView(2).isEmpty()
                                ? info.length - 1
                                : std::min(match.capturedView(2).toLongLong(), info.length - 1);
    if (first >= info.length || last < first) {
        HttpReply reply = blobHeaders(storageError(requestId, 416, "InvalidRange",
                                                   QStringLiteral("The range specified is "
                                                                  "invalid for the current size "
                                                                  "of the resource.")));
        reply.headers.append(
                {QByteArrayLiteral("Content-Range"), "bytes */" + QByteArray::number(info.length)});
        return reply;
    }
    HttpReply reply = blobHeaders(HttpReply{
            206, content->mid(first, last - first + 1), QByteArrayLiteral("application/json"), {}});
    reply.headers.append({QByteArrayLiteral("Content-Range"),
                          "bytes " + QByteArray::number(first) + '-' + QByteArray::number(last)
                                  + '/' + QByteArray::number(info.length)});
    return reply;
}

} // namespace Vigil::Sim
