#include "azurite.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QTimer>

#if defined(Q_OS_LINUX)
#include <csignal>
#include <sys/prctl.h>
#endif

namespace Vigil::Test {

namespace {

constexpr int kStartTimeoutMs = 60'000;
constexpr int kCallTimeoutMs = 30'000;

} // namespace

Azurite::Azurite() = default;

Azurite::~Azurite()
{
    stop();
}

QString Azurite::executable()
{
    QString path = qEnvironmentVariable("VIGIL_AZURITE_BLOB");
#ifdef VIGIL_AZURITE_BLOB_PATH
    if (path.isEmpty())
        path = QStringLiteral(VIGIL_AZURITE_BLOB_PATH);
#endif
    if (path.isEmpty() || path.endsWith(QLatin1String("-NOTFOUND")))
        return {};
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable() ? info.absoluteFilePath() : QString();
}

QString Azurite::missingAdvice()
{
    return QStringLiteral("Azurite (azurite-blob) is not installed: run scripts/install-deps.sh, "
                          "which puts it in the npm cache ($VIGIL_NPM_CACHE, by default "
                          "/var/cache/vigil-npm or ~/.cache/vigil-npm), then configure again; "
                          "or point $VIGIL_AZURITE_BLOB at azurite-blob");
}

bool Azurite::requiredHere()
{
    return qEnvironmentVariable("CI").compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
}

bool Azurite::start()
{
    stop();
    const QString program = executable();
    if (program.isEmpty()) {
        m_lastError = missingAdvice();
        return false;
    }
    m_folder = std::make_unique<QTemporaryDir>();
    if (!m_folder->isValid()) {
        m_lastError = QStringLiteral("no temporary folder for Azurite");
        return false;
    }
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
#if defined(Q_OS_LINUX)
    // Azurite goes with the test even when the test is killed.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
    // Port 0: the system picks a free one, and Azurite says which.
    m_process->start(program, {QStringLiteral("--blobHost"), QStringLiteral("127.0.0.1"),
                               QStringLiteral("--blobPort"), QStringLiteral("0"),
                               QStringLiteral("--location"), m_folder->path(),
                               QStringLiteral("--silent"), QStringLiteral("--skipApiVersionCheck"),
                               QStringLiteral("--disableTelemetry")});
    if (!m_process->waitForStarted(kStartTimeoutMs)) {
        m_lastError = QStringLiteral("%1 did not start: %2").arg(program, m_process->errorString());
        m_process.reset();
        return false;
    }
    static const QRegularExpression listening(
            QStringLiteral("listens on http://127\\.0\\.0\\.1:(\\d+)"));
    QByteArray output;
    const QDeadlineTimer deadline(kStartTimeoutMs);
    while (!deadline.hasExpired() && m_process->state() == QProcess::Running) {
        m_process->waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())));
        output += m_process->readAll();
        const QRegularExpressionMatch match = listening.match(QString::fromUtf8(output));
        if (match.hasMatch()) {
            m_port = match.captured(1).toInt();
            return true;
        }
    }
    output += m_process->readAll();
    m_lastError = QStringLiteral("Azurite did not start listening: %1")
                          .arg(QString::fromUtf8(output.right(2000)));
    stop();
    return false;
}

void Azurite::stop()
{
    if (m_process) {
        m_process->terminate();
        if (!m_process->waitForFinished(10'000)) {
            m_process->kill();
            m_process->waitForFinished(5'000);
        }
        m_process.reset();
    }
    m_folder.reset();
    m_port = 0;
}

bool Azurite::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QUrl Azurite::endpoint() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/%2").arg(m_port).arg(QLatin1String(kAccount)));
}

StorageAccount Azurite::keyAccount() const
{
    return StorageAccount::create(endpoint().toString(), StorageAccount::CredentialKind::AccountKey,
                                  QString::fromLatin1(kKey))
            .value();
}

StorageAccount Azurite::sasAccount(const QString &permissions, const QDateTime &expiry,
                                   const QString &resourceTypes) const
{
    return StorageAccount::create(endpoint().toString(), StorageAccount::CredentialKind::Sas,
                                  accountSas(permissions, expiry, resourceTypes))
            .value();
}

QString Azurite::accountSas(const QString &permissions, const QDateTime &expiry,
                            const QString &resourceTypes) const
{
    const QString version = QString::fromLatin1(kStorageApiVersion);
    const QString expires = expiry.toUTC().toString(QStringLiteral("yyyy-MM-ddThh:mm:ssZ"));
    const QString protocol = QStringLiteral("https,http");
    // Account SAS, version 2020-12-06 and later: the fields in this order, each with '\n'.
    const QStringList fields = {QLatin1String(kAccount),
                                permissions,
                                QStringLiteral("b"),
                                resourceTypes,
                                QString(),
                                expires,
                                QString(),
                                protocol,
                                version,
                                QString(),
                                QString()};
    const QByteArray signature
            = sharedKeySignature(fields.join(QLatin1Char('\n')).toUtf8(), QByteArray(kKey));
    const auto encode = [](const QString &value) {
        return QString::fromLatin1(QUrl::toPercentEncoding(value));
    };
    return QStringLiteral("sv=%1&ss=b&srt=%2&sp=%3&se=%4&spr=%5&sig=%6")
            .arg(version, resourceTypes, permissions, encode(expires), encode(protocol),
                 encode(QString::fromLatin1(signature)));
}

bool Azurite::send(const QByteArray &verb, const QUrl &url, const QByteArray &body,
                   const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(url);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    if (!body.isEmpty())
        request.setRawHeader("Content-Type", "application/octet-stream");
    keyAccount().authorize(request, verb, body.size(), QDateTime::currentDateTimeUtc());
    QNetworkReply *reply = m_network.sendCustomRequest(request, verb, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(kCallTimeoutMs, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    m_lastStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray answer = reply->readAll();
    const bool ok = reply->isFinished() && m_lastStatus / 100 == 2;
    m_lastError = ok ? QString()
                     : QStringLiteral("%1 %2: HTTP %3 %4 %5")
                                  .arg(QString::fromLatin1(verb), displayUrl(url))
                                  .arg(m_lastStatus)
                                  .arg(reply->errorString(), QString::fromUtf8(answer.left(1000)));
    reply->abort();
    reply->deleteLater();
    return ok;
}

bool Azurite::createContainer(const QString &container)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("restype"), QStringLiteral("container"));
    return send("PUT", keyAccount().containerUrl(container, query), {}, {});
}

bool Azurite::deleteContainer(const QString &container)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("restype"), QStringLiteral("container"));
    return send("DELETE", keyAccount().containerUrl(container, query), {}, {});
}

bool Azurite::createAppendBlob(const QString &container, const QString &blob)
{
    return send("PUT", keyAccount().blobUrl(container, blob), {},
                {{"x-ms-blob-type", "AppendBlob"}, {"x-ms-blob-content-type", "application/json"}});
}

bool Azurite::appendBlock(const QString &container, const QString &blob, const QByteArray &data)
{
    QUrl url = keyAccount().blobUrl(container, blob);
    url.setQuery(QStringLiteral("comp=appendblock"));
    return send("PUT", url, data, {});
}

bool Azurite::writeAppendBlob(const QString &container, const QString &blob, const QByteArray &data)
{
    return createAppendBlob(container, blob)
           && (data.isEmpty() || appendBlock(container, blob, data));
}

bool Azurite::deleteBlob(const QString &container, const QString &blob)
{
    return send("DELETE", keyAccount().blobUrl(container, blob), {}, {});
}

} // namespace Vigil::Test
