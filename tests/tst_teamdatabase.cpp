// The team database's password in the keychain: a real Secret Service (run through
// tests/support/with-keyring.sh) and a real PostgreSQL role that needs its password. A URL with
// the password is accepted once and the password moved to the keychain; a URL without one finds
// it there; neither the settings nor the log nor any file holds it in plain text. Through
// TeamDatabaseSetup, the connector page's "Team database" box and vigilctl.
#include "connectorpage.h"
#include "pgserver.h"
#include "secretstore.h"
#include "store.h"
#include "teamdatabasesetup.h"

#include <QApplication>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <optional>

using namespace Vigil;
using Vigil::Test::PgServer;

namespace {

// Characters a URL must encode, and a quote for the SQL that creates the role.
const QString kPassword = QStringLiteral("s3cr3t pa'ss/w@rd");
const QByteArray kPasswordBytes = kPassword.toUtf8();

QStringList s_log;

void keepLog(QtMsgType, const QMessageLogContext &, const QString &message)
{
    s_log.append(message);
}

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

QString secretOr(const Result<QString> &secret)
{
    return secret.ok() ? secret.value() : QStringLiteral("(%1)").arg(secret.error().message);
}

struct Found
{
    QString password;
    std::optional<Error> problem;
};

} // namespace

class TestTeamDatabase : public QObject
{
    Q_OBJECT

private:
    PgServer m_server;

    /** postgresql://<role>[:password]@127.0.0.1:<port>/<database>?sslmode=disable */
    QString url(const char *role, const char *database, bool withPassword) const
    {
        // Put together, not with arg(): the encoded password holds '%2F' and such.
        QString text = QStringLiteral("postgresql://") + QLatin1String(role);
        if (withPassword)
            text += QLatin1Char(':') + QString::fromLatin1(QUrl::toPercentEncoding(kPassword));
        text += QStringLiteral("@127.0.0.1:") + QString::number(m_server.port()) + QLatin1Char('/')
                + QLatin1String(database) + QStringLiteral("?sslmode=disable");
        return text;
    }

    Found findPassword(TeamDatabaseSetup &setup, const StoreConfig &store)
    {
        std::optional<Found> found;
        setup.findPassword(store, this,
                           [&found](const QString &password, const std::optional<Error> &problem) {
                               found = Found{password, problem};
                           });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(found.has_value(), 20000); }();
        return found.value_or(Found{});
    }

    Result<QString> readKeychain(const QString &key)
    {
        SecretStore secrets;
        std::optional<Result<QString>> answer;
        secrets.read(key, this, [&answer](const Result<QString> &secret) { answer = secret; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 20000); }();
        return answer.value_or(Error{Error::Kind::Timeout, 0, {}, QStringLiteral("no answer"), {}});
    }

    void requireKeyring()
    {
        if (qEnvironmentVariableIsEmpty("VIGIL_KEYRING_HOME"))
            QSKIP("needs tests/support/with-keyring.sh (a private Secret Service)");
    }

    void verifyNowhereInPlainText()
    {
        for (const QString &line : std::as_const(s_log))
            QVERIFY2(!line.contains(kPassword), qPrintable(line));
        const QString settings = QSettings().fileName();
        QFile file(settings);
        if (file.open(QIODevice::ReadOnly))
            QVERIFY2(!file.readAll().contains(kPasswordBytes), qPrintable(settings));
        const QStringList leaked
                = filesContaining(qEnvironmentVariable("VIGIL_KEYRING_HOME"), kPasswordBytes);
        QVERIFY2(leaked.isEmpty(), qPrintable(leaked.join(QLatin1Char(' '))));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("VigilTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_teamdatabase"));
        QSettings().clear();
        if (PgServer::binDir().isEmpty()) {
            if (PgServer::requiredHere())
                QFAIL(qPrintable(PgServer::missingAdvice()));
            QSKIP(qPrintable(PgServer::missingAdvice()));
        }
        QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
        qInstallMessageHandler(keepLog);
    }

    void cleanupTestCase() { qInstallMessageHandler(nullptr); }

    void urlPasswordMovesToTheKeychain()
    {
        requireKeyring();
        QVERIFY(m_server.createDatabase(QStringLiteral("keyed")));
        QVERIFY2(
                m_server.addPasswordRole(QStringLiteral("ana"), kPassword, QStringLiteral("keyed")),
                qPrintable(m_server.lastError()));
        const StoreConfig without = StoreConfig::postgres(url("ana", "keyed", false));
        // The server wants the password: without it the store does not open.
        QVERIFY(!openStore(without).ok());

        // Given once with the URL: used, and kept in the keychain.
        TeamDatabaseSetup setup;
        const StoreConfig with = StoreConfig::postgres(url("ana", "keyed", true));
        QCOMPARE(with.password, kPassword);
        QVERIFY2(!with.location.contains(QLatin1String("s3cr3t")), qPrintable(with.location));
        const Found given = findPassword(setup, with);
        QVERIFY2(!given.problem, given.problem ? qPrintable(given.problem->message) : "");
        QCOMPARE(given.password, kPassword);
        const Result<QString> kept = readKeychain(
                QStringLiteral("postgresql/ana@127.0.0.1:%1/keyed").arg(m_server.port()));
        QVERIFY2(kept.ok(), kept.ok() ? "" : qPrintable(kept.error().message));
        QCOMPARE(kept.value(), kPassword);

        // Then the URL without it finds it there, and the store opens with it.
        const Found later = findPassword(setup, without);
        QVERIFY(!later.problem);
        QCOMPARE(later.password, kPassword);
        StoreConfig opened = without;
        opened.password = later.password;
        const auto store = openStore(opened);
        QVERIFY2(store.ok(), store.ok() ? "" : qPrintable(store.error().message));

        // Another database has no entry: no password, no problem (libpq's own means apply).
        const Found other = findPassword(setup, StoreConfig::postgres(url("ana", "other", false)));
        QVERIFY(!other.problem);
        QVERIFY(other.password.isEmpty());
        verifyNowhereInPlainText();
    }

    void connectorPageKeepsTheUrlWithoutThePassword()
    {
        requireKeyring();
        QVERIFY(m_server.createDatabase(QStringLiteral("paged")));
        QVERIFY2(
                m_server.addPasswordRole(QStringLiteral("ben"), kPassword, QStringLiteral("paged")),
                qPrintable(m_server.lastError()));
        TeamDatabaseSetup setup;
        ConnectorPage page(nullptr);
        page.setTeamDatabaseSetup(&setup, {});
        page.resize(1200, 900);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto *box = page.findChild<QWidget *>(QStringLiteral("teamDatabaseBox"));
        QVERIFY(box);
        auto *inUse = box->findChild<QLabel *>(QStringLiteral("teamDatabaseInUse"));
        auto *urlField = box->findChild<QLineEdit *>(QStringLiteral("teamDatabaseUrl"));
        auto *passwordField = box->findChild<QLineEdit *>(QStringLiteral("teamDatabasePassword"));
        auto *save = box->findChild<QPushButton *>(QStringLiteral("teamDatabaseSave"));
        auto *message = box->findChild<QLabel *>(QStringLiteral("teamDatabaseMessage"));
        QVERIFY(inUse && urlField && passwordField && save && message);
        QCOMPARE(inUse->text(), QStringLiteral("this machine's own"));
        QCOMPARE(passwordField->echoMode(), QLineEdit::Password);

        // A malformed URL with a password in it: refused, the password not repeated.
        urlField->setText(QStringLiteral("postgresql://ben:")
                          + QString::fromLatin1(QUrl::toPercentEncoding(kPassword))
                          + QStringLiteral("@127.0.0.1:99999/paged"));
        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_VERIFY(message->isVisible());
        QVERIFY2(!message->text().contains(QLatin1String("s3cr3t")), qPrintable(message->text()));
        QVERIFY(TeamDatabaseSetup::savedUrl().isEmpty());

        // The URL with the password, typed: kept without it, the password in the keychain.
        urlField->clear();
        QTest::keyClicks(urlField, url("ben", "paged", true));
        QTest::mouseClick(save, Qt::LeftButton);
        const QString canonical = StoreConfig::postgres(url("ben", "paged", false)).location;
        QTRY_COMPARE(urlField->text(), canonical);
        QCOMPARE(TeamDatabaseSetup::savedUrl(), canonical);
        QVERIFY(message->text().startsWith(QLatin1String("Saved.")));
        QVERIFY(message->text().contains(QLatin1String("keychain")));
        const QString key
                = QStringLiteral("postgresql/ben@127.0.0.1:%1/paged").arg(m_server.port());
        QCOMPARE(secretOr(readKeychain(key)), kPassword);

        // A new password in its own field replaces the kept one; the field is emptied.
        const QString newer = QStringLiteral("an0ther one");
        QTest::keyClicks(passwordField, newer);
        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_VERIFY(passwordField->text().isEmpty());
        QCOMPARE(secretOr(readKeychain(key)), newer);

        // Back to this machine's database: the URL goes from the settings.
        QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("teamDatabaseLocal")),
                          Qt::LeftButton);
        QTRY_VERIFY(TeamDatabaseSetup::savedUrl().isEmpty());
        QVERIFY(urlField->text().isEmpty());
        verifyNowhereInPlainText();
    }

    void vigilctlFindsThePasswordInTheKeychain()
    {
        requireKeyring();
        QVERIFY(m_server.createDatabase(QStringLiteral("ctl")));
        QVERIFY2(m_server.addPasswordRole(QStringLiteral("cai"), kPassword, QStringLiteral("ctl")),
                 qPrintable(m_server.lastError()));
        struct Run
        {
            int exitCode = -1;
            QByteArray out;
            QByteArray err;
        };
        const auto run = [](const QString &db) {
            QProcess process;
            process.start(QStringLiteral(VIGILCTL_PATH),
                          {QStringLiteral("team"), QStringLiteral("status"), QStringLiteral("--db"),
                           db, QStringLiteral("--format"), QStringLiteral("json")});
            if (!process.waitForFinished(60000))
                process.kill();
            return Run{process.exitCode(), process.readAllStandardOutput(),
                       process.readAllStandardError()};
        };
        // Nothing in the keychain yet: the server refuses.
        const Run refused = run(url("cai", "ctl", false));
        QVERIFY2(refused.exitCode != 0, refused.out.constData());
        QVERIFY2(refused.err.contains("password"), refused.err.constData());
        // With the password in the URL, once: it works and moves the password to the keychain.
        const Run once = run(url("cai", "ctl", true));
        QVERIFY2(once.exitCode == 0, once.err.constData());
        QVERIFY(QJsonDocument::fromJson(once.out).isObject());
        QVERIFY(!once.out.contains(kPasswordBytes) && !once.err.contains(kPasswordBytes));
        // From then on the URL without it.
        const Run later = run(url("cai", "ctl", false));
        QVERIFY2(later.exitCode == 0, later.err.constData());
        QVERIFY(QJsonDocument::fromJson(later.out).object().contains(QLatin1String("consoles")));
        verifyNowhereInPlainText();
    }
};

QTEST_MAIN(TestTeamDatabase)
#include "tst_teamdatabase.moc"
