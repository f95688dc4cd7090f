#include "storageaccount.h"

#include "cloud.h"
#include "storagelogging.h"

#include <QCryptographicHash>
#include <QLocale>
#include <QMessageAuthenticationCode>
#include <QNetworkRequest>
#include <QRegularExpression>

#include <algorithm>
#include <utility>

Q_LOGGING_CATEGORY(lcStorage, "vigil.sync.storage")

namespace Vigil {

namespace {

Error configError(const QString &message)
{
    return Error{Error::Kind::Config, 0, {}, message, {}};
}

/** An emulator serves every account on one host and names it in the path. */
bool isPathStyle(const QUrl &endpoint)
{
    return isLoopbackHost(endpoint.host());
}

QByteArray headerToSign(const QNetworkRequest &request, const QByteArray &name)
{
    return request.rawHeader(name).trimmed();
}

} // namespace

QString StorageAccount::kindName(CredentialKind kind)
{
    return kind == CredentialKind::AccountKey ? QStringLiteral("accountKey")
                                              : QStringLiteral("sas");
}

Result<QUrl> StorageAccount::validateEndpoint(const QString &text)
{
    QString trimmed = text.trimmed();
    if (trimmed.contains(QLatin1Char('?')))
        return configError(QStringLiteral(
                "the storage account URL must not carry a query: give the SAS token on its own "
                "(--sas-stdin), so that it is kept in the keychain and not with the URL"));
    while (trimmed.endsWith(QLatin1Char('/')))
        trimmed.chop(1);
    const QUrl url(trimmed, QUrl::StrictMode);
    if (url.isValid() && !url.userInfo().isEmpty()) {
        // Not echoed: what stands before the @ may well be a password.
        return configError(QStringLiteral(
                "the storage account URL must not carry a user name or password (the part "
                "before @): give the account's blob endpoint, https://<account>.blob.core."
                "windows.net, and the secret on its own (--sas-stdin or --account-key-stdin)"));
    }
    if (!url.isValid() || url.host().isEmpty() || url.hasFragment()) {
        return configError(QStringLiteral("the storage account URL '%1' is not valid; give it as "
                                          "https://<account>.blob.core.windows.net")
                                   .arg(text.left(200)));
    }
    const bool loopback = isLoopbackHost(url.host());
    if (url.scheme() != QLatin1String("https")
        && !(url.scheme() == QLatin1String("http") && loopback)) {
        return configError(QStringLiteral("the storage account URL '%1' must use https (http is "
                                          "accepted only for an emulator on a loopback address)")
                                   .arg(url.toString()));
    }
    const QStringList segments = url.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (loopback ? segments.size() != 1 : !segments.isEmpty()) {
        return configError(
                loopback ? QStringLiteral("the emulator URL '%1' must name the account in its "
                                          "path, as in http://127.0.0.1:10000/devstoreaccount1")
                                   .arg(url.toString())
                         : QStringLiteral("the storage account URL '%1' must be the account's "
                                          "blob endpoint, without a container or path: "
                                          "https://<account>.blob.core.windows.net")
                                   .arg(url.toString()));
    }
    return url;
}

QString StorageAccount::accountNameOf(const QUrl &endpoint)
{
    if (isPathStyle(endpoint))
        return endpoint.path().split(QLatin1Char('/'), Qt::SkipEmptyParts).value(0);
    return endpoint.host().section(QLatin1Char('.'), 0, 0).toLower();
}

Result<StorageAccount> StorageAccount::create(const QString &endpointText, CredentialKind kind,
                                              QString secret)
{
    const Result<QUrl> endpoint = validateEndpoint(endpointText);
    if (!endpoint)
        return endpoint.error();
    secret = secret.trimmed();
    if (kind == CredentialKind::Sas && secret.startsWith(QLatin1Char('?')))
        secret.remove(0, 1);
    if (secret.isEmpty())
        return configError(kind == CredentialKind::Sas
                                   ? QStringLiteral("the SAS token is empty")
                                   : QStringLiteral("the account key is empty"));
    if (kind == CredentialKind::Sas) {
        // A SAS is a query string with a signature; anything else was pasted by mistake.
        if (!QUrlQuery(secret).hasQueryItem(QStringLiteral("sig"))
            || secret.contains(QLatin1Char(' ')) || secret.contains(QLatin1Char('#')))
            return configError(QStringLiteral(
                    "this is not a SAS token: it must be the query part of a SAS URL (sv=...&"
                    "sig=...), as the portal's 'Generate SAS' shows it"));
    } else {
        const auto decoded = QByteArray::fromBase64Encoding(
                secret.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || decoded.decoded.isEmpty())
            return configError(QStringLiteral("the account key is not valid base64: copy key1 or "
                                              "key2 from the storage account's Access keys"));
    }
    StorageAccount account;
    account.endpoint = endpoint.value();
    account.accountName = accountNameOf(account.endpoint);
    account.kind = kind;
    account.secret = std::move(secret);
    if (account.accountName.isEmpty())
        return configError(QStringLiteral("the storage account URL names no account"));
    return account;
}

QUrl StorageAccount::containerUrl(const QString &container, const QUrlQuery &query) const
{
    QUrl url = endpoint;
    url.setPath(endpoint.path() + QLatin1Char('/') + container);
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

QUrl StorageAccount::blobUrl(const QString &container, const QString &blob) const
{
    QUrl url = endpoint;
    url.setPath(endpoint.path() + QLatin1Char('/') + container + QLatin1Char('/') + blob);
    return url;
}

void StorageAccount::authorize(QNetworkRequest &request, const QByteArray &verb,
                               qint64 contentLength, const QDateTime &now) const
{
    if (kind == CredentialKind::Sas) {
        QUrl url = request.url();
        const QString query = url.query(QUrl::FullyEncoded);
        url.setQuery(query.isEmpty() ? secret : query + QLatin1Char('&') + secret,
                     QUrl::StrictMode);
        request.setUrl(url);
        request.setRawHeader("x-ms-version", kStorageApiVersion);
        return;
    }
    const QString date
            = QLocale::c().toString(now.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss"))
              + QStringLiteral(" GMT");
    request.setRawHeader("x-ms-date", date.toLatin1());
    request.setRawHeader("x-ms-version", kStorageApiVersion);
    const QByteArray signature = sharedKeySignature(
            sharedKeyStringToSign(request, verb, contentLength, accountName), secret.toLatin1());
    request.setRawHeader("Authorization", "SharedKey " + accountName.toUtf8() + ':' + signature);
}

QByteArray sharedKeyStringToSign(const QNetworkRequest &request, const QByteArray &verb,
                                 qint64 contentLength, const QString &accountName)
{
    QByteArray text = verb.toUpper() + '\n';
    text += headerToSign(request, "Content-Encoding") + '\n';
    text += headerToSign(request, "Content-Language") + '\n';
    text += (contentLength > 0 ? QByteArray::number(contentLength) : QByteArray()) + '\n';
    text += headerToSign(request, "Content-MD5") + '\n';
    text += headerToSign(request, "Content-Type") + '\n';
    text += headerToSign(request, "Date") + '\n';
    text += headerToSign(request, "If-Modified-Since") + '\n';
    text += headerToSign(request, "If-Match") + '\n';
    text += headerToSign(request, "If-None-Match") + '\n';
    text += headerToSign(request, "If-Unmodified-Since") + '\n';
    text += headerToSign(request, "Range") + '\n';

    QList<std::pair<QByteArray, QByteArray>> msHeaders;
    for (const QByteArray &name : request.rawHeaderList()) {
        const QByteArray lower = name.toLower();
        if (lower.startsWith("x-ms-"))
            msHeaders.append({lower, request.rawHeader(name).simplified()});
    }
    std::sort(msHeaders.begin(), msHeaders.end());
    for (const auto &[name, value] : msHeaders)
        text += name + ':' + value + '\n';

    const QUrl url = request.url();
    QString path = url.path(QUrl::FullyEncoded);
    if (path.isEmpty())
        path = QStringLiteral("/");
    text += '/' + accountName.toUtf8() + path.toUtf8();
    QMap<QString, QStringList> parameters;
    for (const auto &[name, value] : QUrlQuery(url).queryItems(QUrl::FullyDecoded))
        parameters[name.toLower()].append(value);
    for (auto it = parameters.begin(); it != parameters.end(); ++it) {
        QStringList values = it.value();
        values.sort();
        text += '\n' + it.key().toUtf8() + ':' + values.join(QLatin1Char(',')).toUtf8();
    }
    return text;
}

QByteArray sharedKeySignature(const QByteArray &stringToSign, const QByteArray &base64Key)
{
    return QMessageAuthenticationCode::hash(stringToSign, QByteArray::fromBase64(base64Key),
                                            QCryptographicHash::Sha256)
            .toBase64();
}

QString redactSecrets(QString text, const QString &secret)
{
    static const QRegularExpression signature(QStringLiteral("(sig=)[^&\\s\"'<>]*"),
                                              QRegularExpression::CaseInsensitiveOption);
    text.replace(signature, QStringLiteral("\\1REDACTED"));
    if (secret.size() >= 8)
        text.replace(secret, QStringLiteral("REDACTED"));
    return text;
}

QString displayUrl(const QUrl &url)
{
    return url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

} // namespace Vigil
