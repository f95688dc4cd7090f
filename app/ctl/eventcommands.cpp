// `events connect` and `events disconnect`: the Azure Storage account that the Defender
// streaming API writes the advanced hunting events to; its URL in the data directory, its SAS
// token or account key in the keychain.
#include "appoptions.h"
#include "ctlcommands.h"
#include "ctloutput.h"
#include "huntingschema.h"
#include "secretstore.h"
#include "storageconnection.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QTimer>

#include <cstdio>

namespace Vigil::Ctl {

namespace {

QStringList defenderTables()
{
    QStringList tables;
    for (const HuntingTable &table : HuntingSchema::defender().tables())
        tables.append(table.name);
    return tables;
}

} // namespace

void addEventOptions(QCommandLineParser &parser)
{
    parser.addOptions({
            {QStringLiteral("storage-url"),
             QStringLiteral("events connect: the storage account's blob endpoint, "
                            "https://<account>.blob.core.windows.net."),
             QStringLiteral("url")},
            {QStringLiteral("sas-stdin"),
             QStringLiteral("events connect: read a SAS token (Read and List) from one line of "
                            "standard input.")},
            {QStringLiteral("account-key-stdin"),
             QStringLiteral("events connect: read the storage account key from one line of "
                            "standard input.")},
    });
}

int runEventsConnect(const QCommandLineParser &parser, const QStringList &)
{
    const bool sas = parser.isSet(QStringLiteral("sas-stdin"));
    const bool key = parser.isSet(QStringLiteral("account-key-stdin"));
    if (sas == key)
        return fail(QStringLiteral("events connect needs either --sas-stdin or "
                                   "--account-key-stdin (the secret is read from standard input, "
                                   "never from the command line)."),
                    Usage);
    const QString url = parser.value(QStringLiteral("storage-url"));
    if (url.isEmpty())
        return fail(QStringLiteral("events connect needs --storage-url "
                                   "https://<account>.blob.core.windows.net: the storage account "
                                   "the Defender streaming API writes to."),
                    Usage);
    Result<AppOptions> options = AppOptions::fromParser(parser);
    if (!options)
        return fail(options.error().message, Usage);
    if (options->demo())
        return fail(QStringLiteral("events connect does not apply to --demo."), Usage);
    if (const Result<QUrl> endpoint = StorageAccount::validateEndpoint(url); !endpoint)
        return fail(endpoint.error().message + QLatin1Char('.'), Usage);

    const Result<QString> secret = readSecretLine();
    if (!secret)
        return fail(secret.error().message + QLatin1Char('.'), Usage);
    const StorageAccount::CredentialKind kind = sas ? StorageAccount::CredentialKind::Sas
                                                    : StorageAccount::CredentialKind::AccountKey;
    const Result<StorageAccount> account = StorageAccount::create(url, kind, secret.value());
    if (!account)
        return fail(account.error().message + QLatin1Char('.'), Usage);

    QNetworkAccessManager network;
    SecretStore store;
    int exitCode = Ok;
    const auto finish = [&exitCode](int code) {
        exitCode = code;
        QCoreApplication::exit(code);
    };
    BlobClientOptions probeOptions = blobStreamOptionsFor(options->syncConfig()).client;
    probeOptions.maxAttempts = std::min(probeOptions.maxAttempts, 2);
    const QStringList tables = defenderTables();
    QTimer::singleShot(0, &store, [&] {
        probeStorageAccount(
                &network, account.value(), tables, probeOptions, &store,
                [&](const Result<QStringList> &streamed) {
                    if (!streamed) {
                        // The message names the permissions a storage credential needs.
                        finish(fail(QStringLiteral("not connected: ") + streamed.error().message));
                        return;
                    }
                    saveStorageConnection(
                            &store, options->dataDir(), account.value(),
                            [&, streamed = streamed.value()](const Result<void> &saved) {
                                if (!saved) {
                                    finish(fail(QStringLiteral("not connected: ")
                                                + saved.error().message));
                                    return;
                                }
                                out() << QStringLiteral("Connected to storage account %1 with %2 "
                                                        "(kept in the keychain).")
                                                 .arg(account->accountName,
                                                      sas ? QStringLiteral("a SAS token")
                                                          : QStringLiteral("the account key"))
                                      << '\n';
                                if (streamed.isEmpty())
                                    out() << "No table is streamed to it yet: in the Defender "
                                             "portal, add this account as a destination of the "
                                             "streaming API and pick the tables to send."
                                          << '\n';
                                else
                                    out() << QStringLiteral("Streamed tables (%1 of %2): %3")
                                                     .arg(streamed.size())
                                                     .arg(tables.size())
                                                     .arg(streamed.join(QStringLiteral(", ")))
                                          << '\n';
                                out().flush();
                                finish(Ok);
                            });
                });
    });
    QCoreApplication::exec();
    return exitCode;
}

int runEventsDisconnect(const QCommandLineParser &parser, const QStringList &)
{
    Result<AppOptions> options = AppOptions::fromParser(parser);
    if (!options)
        return fail(options.error().message, Usage);
    if (!StorageConnection::load(options->dataDir()).isValid()) {
        out() << "No storage account is connected." << Qt::endl;
        return Ok;
    }
    SecretStore store;
    int exitCode = Ok;
    QTimer::singleShot(0, &store, [&] {
        removeStorageConnection(&store, options->dataDir(),
                                [&exitCode](const Result<StorageConnection> &removed) {
                                    if (!removed)
                                        exitCode = fail(removed.error().message);
                                    else
                                        out() << QStringLiteral("Disconnected from the storage "
                                                                "account %1; its secret was "
                                                                "removed from the keychain.")
                                                         .arg(removed->endpoint.toString())
                                              << Qt::endl;
                                    QCoreApplication::exit(exitCode);
                                });
    });
    QCoreApplication::exec();
    return exitCode;
}

} // namespace Vigil::Ctl
