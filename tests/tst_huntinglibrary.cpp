// The hunting library: runs and saved queries kept across reopening, the search, renames and
// name conflicts, and `.kql` export and import with hostile names and files that are not text.
#include "huntinglibrary.h"
#include "store/huntinglibrarystore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Vigil;

namespace {

HuntingRun run(const QString &query, int minute, qint64 rows, HuntingRun::Where where,
               HuntingRun::Status status, const QString &message = {})
{
    HuntingRun r;
    r.query = query;
    r.startedUtc = QDateTime(QDate(2024, 3, 1), QTime(9, minute, 30, 250), Qt::UTC);
    r.rows = rows;
    r.durationMs = 1000 + minute;
    r.where = where;
    r.status = status;
    r.message = message;
    return r;
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), bytes.size());
}

} // namespace

class TestHuntingLibrary : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keptAcrossReopening();
    void search_data();
    void search();
    void namesAreUnique();
    void renameUpdateDelete();
    void exportImportRoundTrip_data();
    void exportImportRoundTrip();
    void importNamesAndRefusals();

private:
    QTemporaryDir m_dir;
};

void TestHuntingLibrary::keptAcrossReopening()
{
    const QString path = huntingLibraryPath(m_dir.filePath(QStringLiteral("data")));
    QCOMPARE(QFileInfo(path).fileName(), QStringLiteral("hunting-library.sqlite"));
    {
        HuntingLibraryStore store;
        QVERIFY(store.open(path));
        QVERIFY(store.recordRun(run(QStringLiteral("DeviceProcessEvents | take 10"), 1, 10,
                                    HuntingRun::Where::Local, HuntingRun::Status::Ok)));
        QVERIFY(store.recordRun(run(QStringLiteral("DeviceInfo | bad"), 2, 0,
                                    HuntingRun::Where::Local, HuntingRun::Status::Refused,
                                    QStringLiteral("1:14: unknown operator"))));
        QVERIFY(store.recordRun(run(QStringLiteral("EmailEvents | count"), 3, 1,
                                    HuntingRun::Where::Remote, HuntingRun::Status::TimedOut)));
        QVERIFY(store.saveQuery(QStringLiteral("Zeta"), QStringLiteral("DeviceInfo")));
        QVERIFY(store.saveQuery(QStringLiteral("alpha"), QStringLiteral("DeviceLogonEvents")));
    }
    HuntingLibraryStore store;
    QVERIFY(store.open(path));
    const Result<QList<HuntingRun>> history = store.history();
    QVERIFY(history);
    QCOMPARE(history->size(), 3);
    // Newest first, every field as recorded.
    const HuntingRun &newest = history->at(0);
    QCOMPARE(newest.query, QStringLiteral("EmailEvents | count"));
    QCOMPARE(newest.where, HuntingRun::Where::Remote);
    QCOMPARE(newest.status, HuntingRun::Status::TimedOut);
    QCOMPARE(newest.rows, 1);
    QCOMPARE(newest.durationMs, 1003);
    QCOMPARE(newest.startedUtc, QDateTime(QDate(2024, 3, 1), QTime(9, 3, 30, 250), Qt::UTC));
    QCOMPARE(history->at(1).status, HuntingRun::Status::Refused);
    QCOMPARE(history->at(1).message, QStringLiteral("1:14: unknown operator"));
    QCOMPARE(history->at(2).where, HuntingRun::Where::Local);
    QCOMPARE(store.history(2)->size(), 2);

    const Result<QList<SavedQuery>> saved = store.savedQueries();
    QVERIFY(saved);
    QCOMPARE(saved->size(), 2);
    QCOMPARE(saved->at(0).name, QStringLiteral("alpha")); // by name, ignoring case
    QCOMPARE(saved->at(1).text, QStringLiteral("DeviceInfo"));
    QVERIFY(saved->at(1).createdUtc.isValid());

    QVERIFY(store.clearHistory());
    QVERIFY(store.history()->isEmpty());
}

void TestHuntingLibrary::search_data()
{
    QTest::addColumn<QString>("needle");
    QTest::addColumn<bool>("matches");
    QTest::newRow("empty") << QString() << true;
    QTest::newRow("name, other case") << QStringLiteral("powershell") << true;
    QTest::newRow("text, other case") << QStringLiteral("deviceprocess") << true;
    QTest::newRow("non-ascii case") << QStringLiteral("ÄNDERUNG") << true;
    QTest::newRow("markup as text") << QStringLiteral("<b>") << true;
    QTest::newRow("absent") << QStringLiteral("EmailEvents") << false;
}

void TestHuntingLibrary::search()
{
    QFETCH(QString, needle);
    QFETCH(bool, matches);
    QCOMPARE(huntingLibraryMatches(needle, QStringLiteral("Encoded PowerShell <b>änderung</b>"),
                                   QStringLiteral("DeviceProcessEvents | where FileName has 'x'")),
             matches);
}

void TestHuntingLibrary::namesAreUnique()
{
    HuntingLibraryStore store;
    QVERIFY(store.open(QStringLiteral(":memory:")));
    const Result<SavedQuery> first
            = store.saveQuery(QStringLiteral("  Logons\n"), QStringLiteral("a"));
    QVERIFY(first);
    QCOMPARE(first->name, QStringLiteral("Logons")); // trimmed, control characters gone
    // The same name in another case is taken.
    const Result<SavedQuery> again = store.saveQuery(QStringLiteral("LOGONS"), QStringLiteral("b"));
    QVERIFY(!again);
    QCOMPARE(again.error().kind, Error::Kind::Conflict);
    // replace: the text of the query of that name.
    const Result<SavedQuery> replaced
            = store.saveQuery(QStringLiteral("LOGONS"), QStringLiteral("b"), true);
    QVERIFY(replaced);
    QCOMPARE(replaced->id, first->id);
    QCOMPARE(replaced->name, QStringLiteral("Logons"));
    QCOMPARE(replaced->text, QStringLiteral("b"));
    QCOMPARE(store.savedQueries()->size(), 1);
    QCOMPARE(store.saveQuery(QStringLiteral(" \t "), QStringLiteral("c")).error().kind,
             Error::Kind::BadRequest);
}

void TestHuntingLibrary::renameUpdateDelete()
{
    HuntingLibraryStore store;
    QVERIFY(store.open(QStringLiteral(":memory:")));
    const qint64 a = store.saveQuery(QStringLiteral("A"), QStringLiteral("one"))->id;
    const qint64 b = store.saveQuery(QStringLiteral("B"), QStringLiteral("two"))->id;
    QVERIFY(store.renameQuery(a, QStringLiteral("Renamed <i>A</i>")));
    QCOMPARE(store.savedQuery(a)->name, QStringLiteral("Renamed <i>A</i>"));
    QCOMPARE(store.renameQuery(b, QStringLiteral("renamed <I>a</I>")).error().kind,
             Error::Kind::Conflict);
    QVERIFY(store.renameQuery(a, QStringLiteral("RENAMED <i>A</i>"))); // its own name, recased
    QCOMPARE(store.renameQuery(999, QStringLiteral("x")).error().kind, Error::Kind::NotFound);
    QVERIFY(store.updateQueryText(b, QStringLiteral("three")));
    QCOMPARE(store.savedQuery(b)->text, QStringLiteral("three"));
    QCOMPARE(store.updateQueryText(999, QStringLiteral("x")).error().kind, Error::Kind::NotFound);
    QVERIFY(store.deleteQuery(a));
    const QList<SavedQuery> left = store.savedQueries().value();
    QCOMPARE(left.size(), 1);
    QCOMPARE(left.first().id, b);
}

void TestHuntingLibrary::exportImportRoundTrip_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expectedName");
    QTest::newRow("plain") << QStringLiteral("Encoded PowerShell")
                           << QStringLiteral("Encoded PowerShell");
    QTest::newRow("separators") << QStringLiteral("a/b\\c:d") << QStringLiteral("a/b\\c:d");
    QTest::newRow("dot dot") << QStringLiteral("../../etc/passwd")
                             << QStringLiteral("../../etc/passwd");
    QTest::newRow("only dots") << QStringLiteral("..") << QStringLiteral("..");
    QTest::newRow("markup") << QStringLiteral("<b>bold</b> & <script>")
                            << QStringLiteral("<b>bold</b> & <script>");
    QTest::newRow("newline") << QStringLiteral("first\nDeviceInfo | take 1")
                             << QStringLiteral("first DeviceInfo | take 1");
    QTest::newRow("non-ascii") << QStringLiteral("Anmeldungen über VPN ✓")
                               << QStringLiteral("Anmeldungen über VPN ✓");
}

void TestHuntingLibrary::exportImportRoundTrip()
{
    QFETCH(QString, name);
    QFETCH(QString, expectedName);
    QTemporaryDir dir;
    SavedQuery query;
    query.name = name;
    query.text = QStringLiteral("// hunts\nDeviceProcessEvents\n| where FileName =~ \"ü.exe\"\n");
    const QString fileName = kqlFileName(name);
    QVERIFY(fileName.endsWith(QLatin1String(".kql")));
    QVERIFY2(!fileName.contains(QLatin1Char('/')) && !fileName.contains(QLatin1Char('\\'))
                     && !fileName.startsWith(QLatin1Char('.')),
             qPrintable(fileName));
    const QString path = dir.filePath(fileName);
    // The file lands in the chosen folder, not above it.
    QCOMPARE(QFileInfo(path).absolutePath(), QFileInfo(dir.path()).absoluteFilePath());
    QVERIFY(writeKqlFile(path, query));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{fileName});

    const Result<KqlFile> read = readKqlFile(path);
    QVERIFY2(read, qPrintable(read ? QString() : read.error().message));
    QCOMPARE(read->name, expectedName);
    QCOMPARE(read->text, query.text);

    HuntingLibraryStore store;
    QVERIFY(store.open(QStringLiteral(":memory:")));
    const Result<SavedQuery> imported = store.importKqlFile(path);
    QVERIFY(imported);
    QCOMPARE(imported->name, expectedName);
    QCOMPARE(imported->text, query.text);
}

void TestHuntingLibrary::importNamesAndRefusals()
{
    QTemporaryDir dir;
    HuntingLibraryStore store;
    QVERIFY(store.open(QStringLiteral(":memory:")));

    // No name line: the file's name; a BOM is not part of the query.
    const QString plain = dir.filePath(QStringLiteral("Rare parents.kql"));
    writeFile(plain, "\xEF\xBB\xBF"
                     "DeviceProcessEvents | take 5");
    Result<SavedQuery> imported = store.importKqlFile(plain);
    QVERIFY(imported);
    QCOMPARE(imported->name, QStringLiteral("Rare parents"));
    QCOMPARE(imported->text, QStringLiteral("DeviceProcessEvents | take 5"));
    // Again: the name is taken, the copy gets a number.
    imported = store.importKqlFile(plain);
    QVERIFY(imported);
    QCOMPARE(imported->name, QStringLiteral("Rare parents (2)"));

    // Latin-1 bytes: not UTF-8, refused with the reason.
    const QString latin1 = dir.filePath(QStringLiteral("latin1.kql"));
    writeFile(latin1, "DeviceInfo | where DeviceName == \"M\xFCller\"");
    Result<SavedQuery> refused = store.importKqlFile(latin1);
    QVERIFY(!refused);
    QCOMPARE(refused.error().kind, Error::Kind::Parse);
    QVERIFY2(refused.error().message.contains(QLatin1String("not UTF-8")),
             qPrintable(refused.error().message));
    QVERIFY(refused.error().message.contains(QLatin1String("latin1.kql")));

    // Binary with NUL bytes is not text either.
    const QString binary = dir.filePath(QStringLiteral("image.kql"));
    writeFile(binary, QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    QVERIFY(!store.importKqlFile(binary));

    // Over 1 MB.
    const QString big = dir.filePath(QStringLiteral("big.kql"));
    writeFile(big, QByteArray(MaxKqlFileBytes + 1, 'a'));
    refused = store.importKqlFile(big);
    QVERIFY(!refused);
    QVERIFY(refused.error().message.contains(QLatin1String("larger than 1 MB")));
    // Exactly 1 MB is still a query.
    writeFile(big, QByteArray(MaxKqlFileBytes, 'a'));
    QVERIFY(store.importKqlFile(big));

    refused = store.importKqlFile(dir.filePath(QStringLiteral("missing.kql")));
    QVERIFY(!refused);
    QCOMPARE(refused.error().kind, Error::Kind::Storage);
    QCOMPARE(store.savedQueries()->size(), 3);
}

QTEST_GUILESS_MAIN(TestHuntingLibrary)
#include "tst_huntinglibrary.moc"
