// SecretStore against a real Secret Service (run through tests/support/with-keyring.sh), and
// without any session bus at all (tst_secretstore_nokeychain).

#include "secretstore.h"

#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <optional>

using namespace Vigil;

namespace {

/** Files under dir whose bytes contain needle. */
QStringList filesContaining(const QString &dir, const QByteArray &needle)
{
    QStringList found;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            found.append(path);
    }
    return found;
}

} // namespace

class TestSecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void keysArePerProfile();
    void writeReadOverwriteRemove();
    void missingEntryIsNotFound();
    void storesAreSeparatedByService();
    void secretIsNotInPlaintextOnDisk();
    void noKeychainGivesClearError();

private:
    Result<QString> read(SecretStore &store, const QString &key);
    Result<void> write(SecretStore &store, const QString &key, const QString &secret);
    Result<void> remove(SecretStore &store, const QString &key);
    void requireKeyring();

    QString m_prefix; // keeps runs apart even in a shared keyring
};

void TestSecretStore::initTestCase()
{
    m_prefix = QUuid::createUuid().toString(QUuid::WithoutBraces);
}

void TestSecretStore::requireKeyring()
{
    if (qEnvironmentVariableIsEmpty("VIGIL_KEYRING_HOME"))
        QSKIP("needs a Secret Service: run through tests/support/with-keyring.sh");
}

Result<QString> TestSecretStore::read(SecretStore &store, const QString &key)
{
    std::optional<Result<QString>> answer;
    store.read(key, this, [&answer](const Result<QString> &result) { answer = result; });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 20000))
        return Error{
                Error::Kind::Timeout, 0, {}, QStringLiteral("no answer from the keychain"), {}};
    return *answer;
}

Result<void> TestSecretStore::write(SecretStore &store, const QString &key, const QString &secret)
{
    std::optional<Result<void>> answer;
    store.write(key, secret, this, [&answer](const Result<void> &result) { answer = result; });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 20000))
        return Error{
                Error::Kind::Timeout, 0, {}, QStringLiteral("no answer from the keychain"), {}};
    return *answer;
}

Result<void> TestSecretStore::remove(SecretStore &store, const QString &key)
{
    std::optional<Result<void>> answer;
    store.remove(key, this, [&answer](const Result<void> &result) { answer = result; });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 20000))
        return Error{
                Error::Kind::Timeout, 0, {}, QStringLiteral("no answer from the keychain"), {}};
    return *answer;
}

void TestSecretStore::keysArePerProfile()
{
    QCOMPARE(SecretStore::clientSecretKey(QStringLiteral("Tenant-A"), QStringLiteral("App-1")),
             QStringLiteral("tenant-a/app-1/client-secret"));
    QCOMPARE(SecretStore::refreshTokenKey(QStringLiteral("tenant-a"), QStringLiteral("app-1")),
             QStringLiteral("tenant-a/app-1/refresh-token"));
    QVERIFY(SecretStore::clientSecretKey(QStringLiteral("t"), QStringLiteral("a"))
            != SecretStore::clientSecretKey(QStringLiteral("t"), QStringLiteral("b")));
}

void TestSecretStore::writeReadOverwriteRemove()
{
    requireKeyring();
    SecretStore store(QStringLiteral("Vigil test"));
    const QString key = SecretStore::refreshTokenKey(m_prefix, QStringLiteral("app"));
    const QString first = QStringLiteral("0.refresh-token-é-") + m_prefix;

    const Result<void> written = write(store, key, first);
    QVERIFY2(written.ok(), qPrintable(written ? QString() : written.error().message));
    Result<QString> back = read(store, key);
    QVERIFY2(back.ok(), qPrintable(back ? QString() : back.error().message));
    QCOMPARE(back.value(), first);

    // A rotated token replaces the old one under the same key.
    const QString second = QStringLiteral("0.rotated-") + m_prefix;
    QVERIFY(write(store, key, second).ok());
    back = read(store, key);
    QVERIFY(back.ok());
    QCOMPARE(back.value(), second);

    // A new store object (another run of the app) sees the same entry.
    SecretStore again(QStringLiteral("Vigil test"));
    back = read(again, key);
    QVERIFY(back.ok());
    QCOMPARE(back.value(), second);

    QVERIFY(remove(store, key).ok());
    back = read(store, key);
    QVERIFY(!back.ok());
    QCOMPARE(back.error().kind, Error::Kind::NotFound);
    // Removing what is gone is not an error (disconnect twice).
    QVERIFY(remove(store, key).ok());
}

void TestSecretStore::missingEntryIsNotFound()
{
    requireKeyring();
    SecretStore store(QStringLiteral("Vigil test"));
    const Result<QString> missing
            = read(store, SecretStore::clientSecretKey(m_prefix, QStringLiteral("never-written")));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().kind, Error::Kind::NotFound);
}

void TestSecretStore::storesAreSeparatedByService()
{
    requireKeyring();
    SecretStore vigil(QStringLiteral("Vigil test"));
    SecretStore other(QStringLiteral("Vigil test other"));
    const QString key = SecretStore::clientSecretKey(m_prefix, QStringLiteral("app"));
    QVERIFY(write(vigil, key, QStringLiteral("one")).ok());
    QVERIFY(write(other, key, QStringLiteral("two")).ok());
    QCOMPARE(read(vigil, key).value(), QStringLiteral("one"));
    QCOMPARE(read(other, key).value(), QStringLiteral("two"));
    QVERIFY(remove(vigil, key).ok());
    QCOMPARE(read(vigil, key).error().kind, Error::Kind::NotFound);
    QCOMPARE(read(other, key).value(), QStringLiteral("two"));
    QVERIFY(remove(other, key).ok());
}

void TestSecretStore::secretIsNotInPlaintextOnDisk()
{
    requireKeyring();
    const QString home = qEnvironmentVariable("VIGIL_KEYRING_HOME");
    SecretStore store(QStringLiteral("Vigil test"));
    const QString key = SecretStore::clientSecretKey(m_prefix, QStringLiteral("disk"));
    const QByteArray secret = "plain-secret-" + m_prefix.toLatin1();
    QVERIFY(write(store, key, QString::fromLatin1(secret)).ok());
    QCOMPARE(read(store, key).value(), QString::fromLatin1(secret));
    // The login collection is a file on disk; it holds the secret encrypted only.
    QVERIFY(QFile::exists(home + QStringLiteral("/.local/share/keyrings/login.keyring")));
    QCOMPARE(filesContaining(home, secret), QStringList());
    QVERIFY(remove(store, key).ok());
}

void TestSecretStore::noKeychainGivesClearError()
{
    if (qEnvironmentVariableIsEmpty("VIGIL_EXPECT_NO_KEYCHAIN"))
        QSKIP("runs as tst_secretstore_nokeychain, without a session bus");
    QVERIFY(qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"));
    // Where a plaintext fallback (QSettings) would write.
    QTemporaryDir home;
    QVERIFY(home.isValid());
    qputenv("HOME", home.path().toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", (home.path() + QStringLiteral("/.config")).toLocal8Bit());
    qputenv("XDG_DATA_HOME", (home.path() + QStringLiteral("/.local/share")).toLocal8Bit());

    SecretStore store(QStringLiteral("Vigil test"));
    const QString key = SecretStore::clientSecretKey(m_prefix, QStringLiteral("app"));
    const QByteArray secret = "no-keychain-secret-" + m_prefix.toLatin1();
    const Result<void> written = write(store, key, QString::fromLatin1(secret));
    QVERIFY(!written.ok());
    QCOMPARE(written.error().kind, Error::Kind::Config);
    QCOMPARE(written.error().code, QStringLiteral("NoKeychain"));
    const QString message = written.error().message;
    QVERIFY2(message.contains(QLatin1String("gnome-keyring")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("AZURE_CLIENT_SECRET")), qPrintable(message));
    // The backend's own words (e.g. "Cannot autolaunch D-Bus") are kept for the analyst.
    QVERIFY2(message.contains(QLatin1String("D-Bus"), Qt::CaseInsensitive), qPrintable(message));

    const Result<QString> back = read(store, key);
    QVERIFY(!back.ok());
    QCOMPARE(back.error().kind, Error::Kind::Config);
    QCOMPARE(filesContaining(home.path(), secret), QStringList());
}

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
