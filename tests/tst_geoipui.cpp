// The hunting page's GeoIP database: which one answers geo_info_from_ip_address() (the label),
// picking a .mmdb file in the file dialog (used by the next run, kept in the settings), a file
// that is no GeoIP database (refused by name, the old choice kept), and back to the default.
#include "eventstore.h"
#include "huntingpage.h"
#include "huntingresultmodel.h"
#include "huntingresultview.h"
#include "huntingtab.h"
#include "kqleditor.h"
#include "support/mmdbwriter.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Vigil;
using Vigil::TestSupport::MmdbWriter;

class TestGeoIpUi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pickedDatabaseAnswersTheNextRun();

private:
    /** Runs query in the page's current tab: its first cell, or the error. */
    static QString firstCell(HuntingPage &page, const QString &query);
    /** Triggers "GeoIP database…" and picks path in the file dialog. */
    void pick(HuntingPage &page, const QString &path);

    QTemporaryDir m_dir;
    QString m_db;
    QString m_mmdb;
    QString m_bad;
};

void TestGeoIpUi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("VigilTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_geoipui"));
    QSettings().clear();
    qunsetenv("VIGIL_GEOIP_DB");
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath(QStringLiteral("events.sqlite"));
    auto store = openEventStore(m_db);
    QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
    store.value()->close();
    // Sydney for 20.53.203.0/24, as Microsoft's geo_info_from_ip_address page answers.
    MmdbWriter mmdb;
    mmdb.addV4("20.53.203.0", 24,
               {"Australia", "New South Wales", "Sydney", true, -33.8715, 151.2006});
    m_mmdb = m_dir.filePath(QStringLiteral("city.mmdb"));
    QFile file(m_mmdb);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(mmdb.file());
    file.close();
    // Named like one, but a text file.
    m_bad = m_dir.filePath(QStringLiteral("not-geoip.mmdb"));
    QFile bad(m_bad);
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("network,country\n10.0.0.0/8,<b>nowhere</b>\n");
}

QString TestGeoIpUi::firstCell(HuntingPage &page, const QString &query)
{
    HuntingTab *tab = page.currentTab();
    QSignalSpy finished(tab, &HuntingTab::queryFinished);
    tab->run(query);
    if (!finished.wait(20000))
        return QStringLiteral("(no answer)");
    if (!tab->errorText().isEmpty())
        return tab->errorText();
    const HuntingResultModel *model = tab->resultView()->model();
    return model->rowCount() > 0 ? model->index(0, 0).data().toString() : QStringLiteral("(none)");
}

void TestGeoIpUi::pick(HuntingPage &page, const QString &path)
{
    bool picked = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        QCOMPARE(dialog->objectName(), QStringLiteral("geoIpFileDialog"));
        dialog->selectFile(path);
        picked = true;
        static_cast<QDialog *>(dialog)->accept();
    });
    page.geoIpAction()->trigger();
    QVERIFY(picked);
}

void TestGeoIpUi::pickedDatabaseAnswersTheNextRun()
{
    const bool debian = QFile::exists(QStringLiteral("/usr/share/GeoIP/GeoIP.dat"));
    const QString query = QStringLiteral("print c = tostring(geo_info_from_ip_address("
                                         "'20.53.203.50').city)");
    {
        HuntingPage page;
        page.setTabsSaved(false);
        page.setDatabasePath(m_db);
        page.show();
        page.newTab();
        // Nothing chosen: Debian's country database answers, and the page says so.
        QCOMPARE(page.geoIpLabel()->text(),
                 debian ? QStringLiteral("GeoIP: Debian geoip-database (countries)")
                        : QStringLiteral("GeoIP: none (install Debian's geoip-database or "
                                         "choose a file)"));
        if (debian)
            QCOMPARE(firstCell(page, query), QString()); // countries only: no city
        // The MaxMind file: named on the page, saved, and used by the next run.
        pick(page, m_mmdb);
        QCOMPARE(page.geoIpDatabase(), m_mmdb);
        QVERIFY2(page.geoIpLabel()->text().startsWith(QLatin1String("GeoIP: city.mmdb (MaxMind "
                                                                    "DB")),
                 qPrintable(page.geoIpLabel()->text()));
        QCOMPARE(QSettings().value(QStringLiteral("hunting/geoIpDatabase")).toString(), m_mmdb);
        QCOMPARE(firstCell(page, query), QStringLiteral("Sydney"));
        // A file that is no GeoIP database: the message names it and says what is wrong; the
        // choice stays the MaxMind file.
        QString message;
        QTimer::singleShot(0, this, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box) {
                // The file dialog first.
                auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
                QVERIFY(dialog);
                dialog->selectFile(m_bad);
                QTimer::singleShot(0, this, [&] {
                    auto *error = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                    QVERIFY(error);
                    QCOMPARE(error->objectName(), QStringLiteral("geoIpError"));
                    message = error->text();
                    error->accept();
                });
                static_cast<QDialog *>(dialog)->accept();
            }
        });
        page.geoIpAction()->trigger();
        QVERIFY2(message.contains(m_bad), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("neither a MaxMind DB")), qPrintable(message));
        QCOMPARE(page.geoIpDatabase(), m_mmdb);
        QVERIFY(page.geoIpLabel()->text().startsWith(QLatin1String("GeoIP: city.mmdb")));
        QCOMPARE(QSettings().value(QStringLiteral("hunting/geoIpDatabase")).toString(), m_mmdb);
        QCOMPARE(firstCell(page, query), QStringLiteral("Sydney"));
    }
    // A page opened later reads the saved choice.
    HuntingPage page;
    page.setTabsSaved(false);
    page.setDatabasePath(m_db);
    page.show();
    page.newTab();
    QVERIFY(page.geoIpLabel()->text().startsWith(QLatin1String("GeoIP: city.mmdb")));
    QCOMPARE(firstCell(page, query), QStringLiteral("Sydney"));
    // Back to the default.
    page.geoIpDefaultAction()->trigger();
    QCOMPARE(page.geoIpDatabase(), QString());
    QCOMPARE(QSettings().value(QStringLiteral("hunting/geoIpDatabase")).toString(), QString());
    if (debian) {
        QCOMPARE(page.geoIpLabel()->text(), QStringLiteral("GeoIP: Debian geoip-database "
                                                           "(countries)"));
        QCOMPARE(firstCell(page, QStringLiteral("print c = tostring(geo_info_from_ip_address("
                                                "'8.8.8.8').country)")),
                 QStringLiteral("United States"));
    }
}

QTEST_MAIN(TestGeoIpUi)
#include "tst_geoipui.moc"
