// The hunting page's External data dialog (the allow-list the analyst edits, limits, offline, the
// kept copies) and what a run over a kept copy shows: the age on the status line, the server's
// words as text.
#include "eventstore.h"
#include "feedsettings.h"
#include "feedsettingsdialog.h"
#include "huntingcontroller.h"
#include "huntingpage.h"
#include "huntingtab.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace Vigil;

class TestFeedSettingsUi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void dialogEditsTheAllowList();
    void keptCopiesAreListedAsText();
    void statusLineSaysHowOldTheKeptCopyIs();

private:
    QTemporaryDir m_dir;
    QString m_db;
};

void TestFeedSettingsUi::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath(QStringLiteral("events.sqlite"));
    auto store = openEventStore(m_db);
    QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
    store.value()->close();
}

void TestFeedSettingsUi::dialogEditsTheAllowList()
{
    HuntingPage page;
    page.setDatabasePath(m_db);
    page.show();
    QVERIFY(page.feedSettingsAction());
    bool edited = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        QCOMPARE(dialog->objectName(), QStringLiteral("feedSettingsDialog"));
        auto *hosts = dialog->findChild<QListWidget *>(QStringLiteral("allowedHosts"));
        QCOMPARE(hosts->count(), 0); // nothing is allowed until the analyst says so
        auto *github = dialog->findChild<QCheckBox *>(
                QStringLiteral("offered:raw.githubusercontent.com"));
        QVERIFY(github);
        QVERIFY(!github->isChecked());
        github->click();
        QCOMPARE(hosts->count(), 1);
        auto *host = dialog->findChild<QLineEdit *>(QStringLiteral("newHost"));
        auto *problem = dialog->findChild<QLabel *>(QStringLiteral("hostProblem"));
        QTest::keyClicks(host, QStringLiteral("not a host/<b>"));
        QTest::keyClick(host, Qt::Key_Return);
        QVERIFY(problem->isVisibleTo(dialog));
        QCOMPARE(problem->textFormat(), Qt::PlainText);
        QCOMPARE(hosts->count(), 1);
        host->clear();
        QTest::keyClicks(host, QStringLiteral("Feeds.Example.ORG"));
        dialog->findChild<QPushButton *>(QStringLiteral("allowHost"))->click();
        QVERIFY(!problem->isVisibleTo(dialog));
        QCOMPARE(hosts->item(1)->text(), QStringLiteral("feeds.example.org"));
        dialog->findChild<QSpinBox *>(QStringLiteral("feedTimeout"))->setValue(12);
        dialog->findChild<QCheckBox *>(QStringLiteral("feedOffline"))->setChecked(true);
        edited = true;
        dialog->accept();
    });
    page.feedSettingsAction()->trigger();
    QVERIFY(edited);
    const FeedSettings saved = FeedSettings::load(m_dir.path());
    QCOMPARE(saved.allowedHosts, (QStringList{QStringLiteral("raw.githubusercontent.com"),
                                              QStringLiteral("feeds.example.org")}));
    QCOMPARE(saved.timeoutSeconds, 12);
    QVERIFY(saved.offline);
    // Withdrawing an offered host unticks it.
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        auto *github = dialog->findChild<QCheckBox *>(
                QStringLiteral("offered:raw.githubusercontent.com"));
        QVERIFY(github->isChecked());
        github->click();
        dialog->accept();
    });
    page.feedSettingsAction()->trigger();
    QCOMPARE(FeedSettings::load(m_dir.path()).allowedHosts,
             QStringList{QStringLiteral("feeds.example.org")});
}

void TestFeedSettingsUi::keptCopiesAreListedAsText()
{
    CachedFeed feed;
    feed.url = QStringLiteral("https://feeds.example.org/<b>list</b>.txt");
    feed.fetchedAtMs = QDateTime::currentMSecsSinceEpoch();
    feed.bytes = 2048;
    FeedSettingsDialog dialog(FeedSettings(), {feed});
    auto *cached = dialog.findChild<QTreeWidget *>(QStringLiteral("cachedFeeds"));
    QVERIFY(cached);
    QCOMPARE(cached->topLevelItemCount(), 1);
    QCOMPARE(cached->topLevelItem(0)->text(0), feed.url);
    QVERIFY(!cached->topLevelItem(0)->text(2).isEmpty());
}

void TestFeedSettingsUi::statusLineSaysHowOldTheKeptCopyIs()
{
    const QString url = QStringLiteral("http://127.0.0.1:9/list.txt");
    FeedSettings settings;
    settings.allowedHosts = {QStringLiteral("127.0.0.1")};
    settings.offline = true;
    QVERIFY(settings.save(m_dir.path(), nullptr));
    QVERIFY(FeedCache(FeedSettings::cacheDir(m_dir.path()))
                    .write(url, "a\nb\n", QDateTime::currentMSecsSinceEpoch() - 5LL * 3600 * 1000,
                           nullptr));
    HuntingTab tab(m_db, nullptr);
    tab.show();
    QSignalSpy finished(&tab, &HuntingTab::queryFinished);
    tab.run(QStringLiteral("externaldata (x:string) ['%1'] with (format=txt)").arg(url));
    QVERIFY(finished.wait(20000));
    QVERIFY2(tab.errorText().isEmpty(), qPrintable(tab.errorText()));
    QVERIFY2(tab.statusText().contains(QLatin1String("2 rows")), qPrintable(tab.statusText()));
    QVERIFY2(tab.statusText().contains(QLatin1String("external data from a kept copy, 5 h old")),
             qPrintable(tab.statusText()));
    // Without a kept copy the error names the URL.
    const QString missing = QStringLiteral("http://127.0.0.1:9/none.txt");
    tab.run(QStringLiteral("externaldata (x:string) ['%1']").arg(missing));
    QVERIFY(finished.wait(20000));
    QVERIFY2(tab.errorText().contains(missing), qPrintable(tab.errorText()));
}

QTEST_MAIN(TestFeedSettingsUi)
#include "tst_feedsettingsui.moc"
