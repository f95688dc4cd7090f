// vigilctl events connect / disconnect end to end: the real executable, a real Azurite and a
// real Secret Service (tests/support/with-keyring.sh); and which storage account a reader gets
// when the environment names one.

#include "azurite.h"
#include "blobstreamreader.h"
#include "secretstore.h"
#include "storageconnection.h"

#include <QDirIterator>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace Vigil;
using namespace Vigil::Test;

namespace {

QStringList filesContaining(const QString &dir, const QByteArray &needle)
{
    QStringList found;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            found.append(path);
    }
    return found;
}

} // namespace

class TestVigilctlEvents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void connectWithSasKeepsUrlAndSecretApart();
    void refusedSasSavesNothing();
    void urlsThatAreRefused_data();
    void urlsThatAreRefused();
    void environmentWinsOverTheSavedConnection();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run vigilctl(const QStringList &arguments, const QByteArray &input = {});
    Result<std::optional<StorageAccount>> load(const QProcessEnvironment &environment);
    Result<QString> keychainRead(const QString &key);

    Azurite m_azurite;
    std::unique_ptr<QTemporaryDir> m_dataDir;
};

void TestVigilctlEvents::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("VIGIL_KEYRING_HOME"))
        QSKIP("needs a Secret Service: run through tests/support/with-keyring.sh");
    if (Azurite::executable().isEmpty()) {
        if (Azurite::requiredHere())
            QFAIL(qPrintable(Azurite::missingAdvice()));
        QSKIP(qPrintable(Azurite::missingAdvice()));
    }
    QVERIFY2(m_azurite.start(), qPrintable(m_azurite.lastError()));
    QVERIFY(m_azurite.createContainer(
            BlobStreamReader::containerFor(QStringLiteral("DeviceProcessEvents"))));
    QVERIFY(m_azurite.createContainer(
            BlobStreamReader::containerFor(QStringLiteral("EmailEvents"))));
}

void TestVigilctlEvents::init()
{
    m_dataDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dataDir->isValid());
}

TestVigilctlEvents::Run TestVigilctlEvents::vigilctl(const QStringList &arguments,
                                                     const QByteArray &input)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {kStorageUrlVariable, kStorageSasVariable, "VIGIL_DATA_DIR"})
        environment.remove(QString::fromLatin1(name));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(VIGILCTL_PATH),
                  QStringList{QStringLiteral("--data-dir"), m_dataDir->path()} + arguments);
    if (!process.waitForStarted(10'000))
        return {};
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60'000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

Result<std::optional<StorageAccount>> TestVigilctlEvents::load(
        const QProcessEnvironment &environment)
{
    SecretStore store;
    std::optional<Result<std::optional<StorageAccount>>> answer;
    loadStorageAccount(
            &store, m_dataDir->path(), environment, this,
            [&answer](const Result<std::optional<StorageAccount>> &account) { answer = account; });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 20'000))
        return Error{Error::Kind::Timeout, 0, {}, QStringLiteral("no answer"), {}};
    return *answer;
}

Result<QString> TestVigilctlEvents::keychainRead(const QString &key)
{
    SecretStore store;
    std::optional<Result<QString>> answer;
    store.read(key, this, [&answer](const Result<QString> &secret) { answer = secret; });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 20'000))
        return Error{Error::Kind::Timeout, 0, {}, QStringLiteral("no answer"), {}};
    return *answer;
}

void TestVigilctlEvents::connectWithSasKeepsUrlAndSecretApart()
{
    const QString sas = m_azurite.accountSas(QStringLiteral("rl"),
                                             QDateTime::currentDateTimeUtc().addSecs(3600));
    const QString signature = QUrlQuery(sas).queryItemValue(QStringLiteral("sig"));
    const QString url = m_azurite.endpoint().toString();
    const Run run = vigilctl({QStringLiteral("events"), QStringLiteral("connect"),
                              QStringLiteral("--storage-url"), url + QLatin1Char('/'),
                              QStringLiteral("--sas-stdin")},
                             '?' + sas.toLatin1() + '\n');
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QLatin1String("Connected to storage account devstoreaccount1")),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(QLatin1String("Streamed tables (2 of ")), qPrintable(run.out));
    QVERIFY(run.out.contains(QLatin1String("DeviceProcessEvents, EmailEvents")));
    QVERIFY(!run.out.contains(signature));

    // The URL on disk, the secret only in the keychain.
    const StorageConnection saved = StorageConnection::load(m_dataDir->path());
    QCOMPARE(saved.endpoint.toString(), url);
    QCOMPARE(saved.kind, StorageAccount::CredentialKind::Sas);
    QCOMPARE(filesContaining(m_dataDir->path(), signature.toLatin1()), QStringList());
    const Result<QString> kept = keychainRead(saved.secretKey());
    QVERIFY(kept.ok());
    QCOMPARE(kept.value(), sas);

    // What a reader gets: the saved account, with its secret.
    const auto account = load(QProcessEnvironment());
    QVERIFY(account.ok() && account->has_value());
    QCOMPARE((*account)->endpoint.toString(), url);
    QCOMPARE((*account)->secret, sas);

    const Run gone = vigilctl({QStringLiteral("events"), QStringLiteral("disconnect")});
    QCOMPARE(gone.exitCode, 0);
    QVERIFY(!StorageConnection::load(m_dataDir->path()).isValid());
    QCOMPARE(keychainRead(saved.secretKey()).error().kind, Error::Kind::NotFound);
    const auto none = load(QProcessEnvironment());
    QVERIFY(none.ok() && !none->has_value());
    QCOMPARE(vigilctl({QStringLiteral("events"), QStringLiteral("disconnect")}).out.trimmed(),
             QStringLiteral("No storage account is connected."));
}

void TestVigilctlEvents::refusedSasSavesNothing()
{
    const QString readOnly = m_azurite.accountSas(QStringLiteral("r"),
                                                  QDateTime::currentDateTimeUtc().addSecs(3600));
    const Run run = vigilctl({QStringLiteral("events"), QStringLiteral("connect"),
                              QStringLiteral("--storage-url"), m_azurite.endpoint().toString(),
                              QStringLiteral("--sas-stdin")},
                             readOnly.toLatin1() + '\n');
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QLatin1String("lacks a permission")), qPrintable(run.err));
    QVERIFY(run.err.contains(QLatin1String("Read and List")));
    QVERIFY(!run.err.contains(QUrlQuery(readOnly).queryItemValue(QStringLiteral("sig"))));
    QVERIFY(!QFile::exists(StorageConnection::filePath(m_dataDir->path())));

    // A key that is not this account's.
    const Run wrongKey = vigilctl({QStringLiteral("events"), QStringLiteral("connect"),
                                   QStringLiteral("--storage-url"), m_azurite.endpoint().toString(),
                                   QStringLiteral("--account-key-stdin")},
                                  QByteArray(64, 'k').toBase64() + '\n');
    QCOMPARE(wrongKey.exitCode, 1);
    QVERIFY2(wrongKey.err.contains(QLatin1String("refused the account key")),
             qPrintable(wrongKey.err));
    QVERIFY(!wrongKey.err.contains(QString::fromLatin1(QByteArray(64, 'k').toBase64())));
    QVERIFY(!QFile::exists(StorageConnection::filePath(m_dataDir->path())));
}

void TestVigilctlEvents::urlsThatAreRefused_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("says");
    const QStringList connect{QStringLiteral("events"), QStringLiteral("connect")};
    QTest::newRow("plain http elsewhere")
            << connect
                       + QStringList{QStringLiteral("--storage-url"),
                                     QStringLiteral("http://contoso.blob.core.windows.net"),
                                     QStringLiteral("--sas-stdin")}
            << QByteArray("sv=1&sig=x\n") << QStringLiteral("must use https");
    QTest::newRow("sas in the url")
            << connect
                       + QStringList{QStringLiteral("--storage-url"),
                                     QStringLiteral("https://c.blob.core.windows.net/?sig=x"),
                                     QStringLiteral("--sas-stdin")}
            << QByteArray("sv=1&sig=x\n") << QStringLiteral("must not carry a query");
    QTest::newRow("no url") << connect + QStringList{QStringLiteral("--sas-stdin")}
                            << QByteArray("sv=1&sig=x\n") << QStringLiteral("--storage-url");
    QTest::newRow("both secrets")
            << connect
                       + QStringList{QStringLiteral("--storage-url"),
                                     QStringLiteral("https://c.blob.core.windows.net"),
                                     QStringLiteral("--sas-stdin"),
                                     QStringLiteral("--account-key-stdin")}
            << QByteArray("x\n") << QStringLiteral("either --sas-stdin or");
    QTest::newRow("empty secret")
            << connect
                       + QStringList{QStringLiteral("--storage-url"),
                                     QStringLiteral("https://c.blob.core.windows.net"),
                                     QStringLiteral("--sas-stdin")}
            << QByteArray("\n") << QStringLiteral("SAS token is empty");
    // Input without a line break (a file given by mistake) is refused, not read without end.
    QTest::newRow("no line break")
            << connect
                       + QStringList{QStringLiteral("--storage-url"),
                                     QStringLiteral("https://c.blob.core.windows.net"),
                                     QStringLiteral("--account-key-stdin")}
            << QByteArray(qsizetype(8) * 1024 * 1024, 'k')
            << QStringLiteral("no line break within its first 64 KB");
    QTest::newRow("user and password in the url")
            << connect
                       + QStringList{QStringLiteral("--storage-url"),
                                     QStringLiteral("https://me:s3cretPW@c.blob.core.windows.net"),
                                     QStringLiteral("--sas-stdin")}
            << QByteArray("sv=1&sig=x\n") << QStringLiteral("must not carry a user name");
}

void TestVigilctlEvents::urlsThatAreRefused()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, input);
    QFETCH(QString, says);
    const Run run = vigilctl(arguments, input);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(says), qPrintable(run.err));
    QVERIFY(!run.err.contains(QLatin1String("s3cret")));
    QVERIFY(!QFile::exists(StorageConnection::filePath(m_dataDir->path())));
}

void TestVigilctlEvents::environmentWinsOverTheSavedConnection()
{
    const Run run = vigilctl({QStringLiteral("events"), QStringLiteral("connect"),
                              QStringLiteral("--storage-url"), m_azurite.endpoint().toString(),
                              QStringLiteral("--account-key-stdin")},
                             QByteArray(Azurite::kKey) + '\n');
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));

    QProcessEnvironment environment;
    environment.insert(QString::fromLatin1(kStorageSasVariable), QStringLiteral("?sv=1&sig=env"));
    auto account = load(environment);
    QVERIFY(account.ok() && account->has_value());
    QCOMPARE((*account)->kind, StorageAccount::CredentialKind::Sas);
    QCOMPARE((*account)->secret, QStringLiteral("sv=1&sig=env"));
    QCOMPARE((*account)->endpoint, m_azurite.endpoint());

    environment.insert(QString::fromLatin1(kStorageUrlVariable),
                       QStringLiteral("https://other.blob.core.windows.net"));
    account = load(environment);
    QVERIFY(account.ok() && account->has_value());
    QCOMPARE((*account)->accountName, QStringLiteral("other"));

    // A URL of another account without a SAS: the saved key is not sent there.
    environment.remove(QString::fromLatin1(kStorageSasVariable));
    account = load(environment);
    QVERIFY(!account.ok());
    QVERIFY2(account.error().message.contains(QLatin1String("connect it again")),
             qPrintable(account.error().message));

    // Without the environment: the saved account and its key.
    account = load(QProcessEnvironment());
    QVERIFY(account.ok() && account->has_value());
    QCOMPARE((*account)->kind, StorageAccount::CredentialKind::AccountKey);
    QCOMPARE((*account)->secret, QString::fromLatin1(Azurite::kKey));
    QCOMPARE(vigilctl({QStringLiteral("events"), QStringLiteral("disconnect")}).exitCode, 0);
}

QTEST_GUILESS_MAIN(TestVigilctlEvents)
#include "tst_vigilctlevents.moc"
