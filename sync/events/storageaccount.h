#pragma once

#include "result.h"

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

class QNetworkRequest;

namespace Vigil {

/**
 * @brief One Azure Storage account that the Defender streaming API writes to: its blob endpoint
 * and the credential Vigil reads it with (a SAS token or the account key). A value; any thread.
 *
 * The endpoint is `https://<account>.blob.core.windows.net` (or another cloud's suffix, or a
 * custom domain), or an emulator's path-style `http://127.0.0.1:<port>/<account>`; plain http
 * only on loopback. The secret is never logged and never part of an error message or of a URL
 * shown to anyone (see redactSecrets()).
 */
struct StorageAccount
{
    enum class CredentialKind { Sas, AccountKey };

    QUrl endpoint; ///< without trailing '/', query or fragment
    QString accountName;
    CredentialKind kind = CredentialKind::Sas;
    QString secret; ///< the SAS query (no leading '?') or the base64 account key

    bool isValid() const { return !endpoint.isEmpty() && !secret.isEmpty(); }
    /** "sas" or "accountKey", as saved and as vigilctl prints it. */
    static QString kindName(CredentialKind kind);

    /**
     * Checks an account URL as a user gives it: https anywhere, http only on loopback, no query
     * (a SAS pasted into the URL is refused: it belongs in the keychain), a path only for a
     * path-style (emulator) endpoint, where it names the account. Answers it normalised.
     */
    static Result<QUrl> validateEndpoint(const QString &text);
    /** The account name: the first path segment of a path-style endpoint, else the host's first
     *  label. */
    static QString accountNameOf(const QUrl &endpoint);
    /** An account from a URL and a secret; a SAS may start with '?', a key must be base64. */
    static Result<StorageAccount> create(const QString &endpointText, CredentialKind kind,
                                         QString secret);

    /** `<endpoint>/<container>?<query>` and `<endpoint>/<container>/<blob>` (unsigned). */
    QUrl containerUrl(const QString &container, const QUrlQuery &query = {}) const;
    QUrl blobUrl(const QString &container, const QString &blob) const;

    /**
     * Makes request (for url, sent with verb and a body of contentLength bytes) carry this
     * account's credential: the SAS appended to its query, or `x-ms-date`, `x-ms-version` and a
     * Shared Key `Authorization` over the canonicalised request. Set every other header first.
     */
    void authorize(QNetworkRequest &request, const QByteArray &verb, qint64 contentLength,
                   const QDateTime &now) const;
};

/** The storage REST version Vigil speaks (`x-ms-version`). */
inline constexpr char kStorageApiVersion[] = "2021-08-06";

/**
 * The Shared Key string to sign of a request, as Azure Storage documents it: the verb, the
 * standard headers in their fixed order (Content-Length empty when 0), the `x-ms-` headers in
 * lower case and sorted, and the canonicalised resource (`/<account><path>` plus the query
 * parameters in lower case, sorted, with their decoded values).
 */
QByteArray sharedKeyStringToSign(const QNetworkRequest &request, const QByteArray &verb,
                                 qint64 contentLength, const QString &accountName);
/** HMAC-SHA256 of stringToSign under the base64 key, base64: the Shared Key signature. */
QByteArray sharedKeySignature(const QByteArray &stringToSign, const QByteArray &base64Key);

/** text with any SAS signature (`sig=...`) and the given secret replaced by "REDACTED". */
QString redactSecrets(QString text, const QString &secret = {});
/** A URL to show or log: scheme, host, port and path only. */
QString displayUrl(const QUrl &url);

} // namespace Vigil

Q_DECLARE_METATYPE(Vigil::StorageAccount)
