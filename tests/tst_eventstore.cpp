// EventStore: the Defender tables, de-duplication, checkpoints, counters, retention, volume.
#include "eventrecord.h"
#include "eventstore.h"
#include "testclock.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Vigil;
using Vigil::Test::TestClock;

namespace {

QByteArray processEvent(int reportId, const QByteArray &device = "dev1",
                        const QByteArray &timestamp = "2024-03-26T09:39:50.7688641Z")
{
    return R"({"time":"2024-03-26T09:40:00Z","category":"AdvancedHunting-DeviceProcessEvents",)"
           R"("properties":{"Timestamp":")"
           + timestamp + R"(","DeviceId":")" + device + R"(","DeviceName":"host.contoso.com",)"
           + R"("FileName":"cmd.exe","ReportId":)" + QByteArray::number(reportId)
           + R"(,"Unknown":[1,2]}})";
}

QByteArray alertInfo(const QByteArray &id)
{
    return R"({"category":"AdvancedHunting-AlertInfo","properties":{"AlertId":")" + id
           + R"(","Timestamp":"2024-03-26T09:00:00Z","Title":"T"}})";
}

QByteArray lines(const QList<QByteArray> &list)
{
    QByteArray data;
    for (const QByteArray &line : list)
        data += line + '\n';
    return data;
}

/** A second, plain QtSql connection to the file, as another reader (the KQL engine) has. */
class Peek
{
public:
    explicit Peek(const QString &path)
        : m_name(QStringLiteral("peek%1").arg(quintptr(this)))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~Peek() { QSqlDatabase::removeDatabase(m_name); }
    QVariant value(const QString &sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name));
        if (!q.exec(sql) || !q.next())
            return {};
        return q.value(0);
    }
    QStringList column(const QString &sql, int index = 0)
    {
        QSqlQuery q(QSqlDatabase::database(m_name));
        QStringList values;
        q.exec(sql);
        while (q.next())
            values.append(q.value(index).toString());
        return values;
    }

private:
    QString m_name;
};

} // namespace

class TestEventStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestClock> m_clock;
    QString m_path;

    std::unique_ptr<EventStore> open()
    {
        Result<std::unique_ptr<EventStore>> store
                = openEventStore(m_path, StoreOpenMode::ReadWrite, m_clock.get());
        if (!store)
            qWarning("%s", qPrintable(store.error().message));
        return store ? std::move(store).value() : nullptr;
    }

private Q_SLOTS:
    void init()
    {
        m_clock = std::make_unique<TestClock>(QDateTime(QDate(2024, 4, 1), QTime(12, 0), Qt::UTC));
        m_path = m_dir.filePath(QStringLiteral("events-%1.sqlite")
                                        .arg(QString::fromLatin1(QTest::currentTestFunction())));
    }

    void schemaHasTheDefenderTables()
    {
        auto store = open();
        QVERIFY(store);
        QCOMPARE(store->journalMode(), QStringLiteral("wal"));
        QCOMPARE(store->schemaVersion(), store->latestSchemaVersion());
        Peek peek(m_path);
        QCOMPARE(peek.value(QStringLiteral("PRAGMA auto_vacuum")).toInt(), 2); // incremental
        for (const HuntingTable &table : HuntingSchema::defender().tables()) {
            QStringList expected;
            for (const HuntingColumn &column : table.columns)
                expected.append(column.name);
            expected << QStringLiteral("_vigil_ingested") << QStringLiteral("_vigil_extra");
            if (!table.hasDeviceReportKey())
                expected << QStringLiteral("_vigil_rowkey");
            QCOMPARE(peek.column(QStringLiteral("PRAGMA table_info(\"%1\")").arg(table.name), 1),
                     expected);
        }
        QCOMPARE(
                eventStorePath(StoreConfig::sqlite(m_dir.filePath(QStringLiteral("vigil.sqlite")))),
                m_dir.filePath(QStringLiteral("events.sqlite")));
    }

    void ingestStoresOnceAndCountsDuplicates()
    {
        auto store = open();
        EventBatch batch;
        batch.data = lines(
                {processEvent(1), processEvent(2), processEvent(1, "dev2"), alertInfo("a1"),
                 alertInfo("a2"), "{broken",
                 R"({"category":"AdvancedHunting-DeviceInfo","properties":{"OSBuild":"x"}})"});
        Result<EventIngestResult> first = store->ingest(batch);
        QVERIFY(first);
        QCOMPARE(first.value().inserted.value(QStringLiteral("DeviceProcessEvents")), 3);
        QCOMPARE(first.value().inserted.value(QStringLiteral("AlertInfo")), 2);
        QCOMPARE(first.value().duplicates, 0);
        QCOMPARE(first.value().rejectedCount, 2);
        QCOMPARE(first.value().rejected.at(0).line, 6);
        QCOMPARE(first.value().rejected.at(1).line, 7);
        QCOMPARE(first.value().rejected.at(1).table, QStringLiteral("DeviceInfo"));

        // The same data again, also as one {"records": [...]} line: nothing new.
        Result<EventIngestResult> again = store->ingest(batch);
        QVERIFY(again);
        QCOMPARE(again.value().totalInserted(), 0);
        QCOMPARE(again.value().duplicates, 5);
        batch.data = "{\"records\":[" + processEvent(2) + "," + alertInfo("a2") + "]}\n";
        QCOMPARE(store->ingest(batch).value().duplicates, 2);

        Peek peek(m_path);
        QCOMPARE(peek.value(QStringLiteral("SELECT COUNT(*) FROM DeviceProcessEvents")).toInt(), 3);
        QCOMPARE(peek.value(QStringLiteral("SELECT Timestamp FROM DeviceProcessEvents LIMIT 1"))
                         .toLongLong(),
                 *parseEventDateTime("2024-03-26T09:39:50.7688641Z"));
        QCOMPARE(peek.value(QStringLiteral("SELECT typeof(SHA1) || ':' || SHA1 FROM "
                                           "DeviceProcessEvents LIMIT 1"))
                         .toString(),
                 QStringLiteral("text:"));
        QCOMPARE(peek.value(QStringLiteral("SELECT _vigil_extra FROM DeviceProcessEvents LIMIT 1"))
                         .toString(),
                 QStringLiteral("{\"Unknown\":[1,2]}"));
        QCOMPARE(peek.value(QStringLiteral("SELECT _vigil_ingested FROM AlertInfo LIMIT 1"))
                         .toLongLong(),
                 ticksFromDateTime(m_clock->now()));

        Result<QList<EventTableStats>> stats = store->tableStats(QStringLiteral("DeviceInfo"));
        QVERIFY(stats);
        QCOMPARE(stats.value().first().rejected, 2); // counted at both ingests
        QCOMPARE(stats.value().first().rows, 0);
    }

    void headLinesComeBeforeData()
    {
        // A stream's read comes in blocks, and a line put together from two of them among them:
        // the head's parts are read first, in order, numbered first, and kept like any other
        // line.
        auto store = open();
        EventBatch batch;
        batch.head = {lines({processEvent(1)}), lines({"{broken"})};
        batch.data = lines({processEvent(1, "dev2"), "[1]", alertInfo("a1")});
        Result<EventIngestResult> stored = store->ingest(batch);
        QVERIFY(stored);
        QCOMPARE(stored.value().lines, 5);
        QCOMPARE(stored.value().inserted.value(QStringLiteral("DeviceProcessEvents")), 2);
        QCOMPARE(stored.value().inserted.value(QStringLiteral("AlertInfo")), 1);
        QCOMPARE(stored.value().rejectedCount, 2);
        QCOMPARE(stored.value().rejected.at(0).line, 2);
        QCOMPARE(stored.value().rejected.at(1).line, 4);
        // A head alone, and a head that repeats a line of data: stored once.
        batch.data = lines({processEvent(1)});
        batch.head = {lines({processEvent(3)})};
        stored = store->ingest(batch);
        QVERIFY(stored);
        QCOMPARE(stored.value().totalInserted(), 1);
        QCOMPARE(stored.value().duplicates, 1);
        Peek peek(m_path);
        QCOMPARE(peek.value(QStringLiteral("SELECT COUNT(*) FROM DeviceProcessEvents")).toInt(), 3);
    }

    void keyTablesNeedTheirKey()
    {
        auto store = open();
        EventBatch batch;
        batch.data
                = R"({"category":"AdvancedHunting-DeviceProcessEvents","properties":{"DeviceId":"d"}})";
        Result<EventIngestResult> result = store->ingest(batch);
        QCOMPARE(result.value().rejectedCount, 1);
        QVERIFY(result.value().rejected.first().reason.contains(QStringLiteral("ReportId")));
    }

    void checkpointIsWrittenWithTheRows()
    {
        auto store = open();
        EventBatch batch;
        batch.data = lines({processEvent(1), processEvent(2)});
        batch.checkpoint = EventCheckpoint{
                QStringLiteral("blob"),
                QStringLiteral("insights-logs-advancedhunting-deviceprocessevents"),
                QStringLiteral("y=2024/m=03/d=26/h=09/m=00/PT1H.json"),
                QStringLiteral("\"0x8DC\""),
                batch.data.size(),
                {},
                QDateTime(QDate(2024, 3, 26), QTime(9, 0, 1, 250), Qt::UTC)};
        QVERIFY(store->ingest(batch));
        auto read = store->checkpoint(batch.checkpoint->container, batch.checkpoint->blob);
        QVERIFY(read && read.value());
        QCOMPARE(read.value()->offset, batch.data.size());
        QCOMPARE(read.value()->etag, QStringLiteral("\"0x8DC\""));
        QCOMPARE(read.value()->updated, m_clock->now());
        // The blob's creation time is kept: a blob replaced by a longer one is known by it.
        QCOMPARE(read.value()->created, batch.checkpoint->created);
        QCOMPARE(store->checkpoints().value().size(), 1);
        QCOMPARE(store->checkpoints().value().at(0).created, batch.checkpoint->created);
        QCOMPARE(store->checkpoints(QStringLiteral("file")).value().size(), 0);

        // An unknown --table fails the batch before anything is written.
        batch.table = QStringLiteral("NoSuchTable");
        batch.checkpoint->offset = 999;
        QVERIFY(!store->ingest(batch));
        QCOMPARE(store->checkpoint(batch.checkpoint->container, batch.checkpoint->blob)
                         .value()
                         ->offset,
                 batch.data.size());
        QVERIFY(store->removeCheckpoint(batch.checkpoint->container, batch.checkpoint->blob));
        QVERIFY(!store->checkpoint(batch.checkpoint->container, batch.checkpoint->blob).value());
    }

    void settingsPersistAndCollectOff()
    {
        {
            auto store = open();
            QVERIFY(store->setRetention(QStringLiteral("DeviceProcessEvents"), 7));
            QVERIFY(store->setRetention(QStringLiteral("alertinfo"), std::nullopt));
            QVERIFY(!store->setRetention(QStringLiteral("AlertInfo"), 0));
            QVERIFY(!store->setCollect(QStringLiteral("Nope"), false));
            QVERIFY(store->setCollect(QStringLiteral("AlertInfo"), false));
        }
        auto store = open();
        const QList<EventTableSettings> settings = store->settings().value();
        QCOMPARE(settings.size(), HuntingSchema::defender().tables().size());
        const auto named = [&settings](const char *name) {
            return std::find_if(settings.begin(), settings.end(),
                                [name](const auto &s) { return s.table == QLatin1String(name); });
        };
        QCOMPARE(named("DeviceProcessEvents")->retentionDays, std::optional<int>(7));
        QCOMPARE(named("DeviceInfo")->retentionDays, std::optional<int>(30)); // the default
        const auto alert = named("AlertInfo");
        QCOMPARE(alert->retentionDays, std::nullopt);
        QVERIFY(!alert->collect);

        EventBatch batch;
        batch.data = lines({alertInfo("a1"), processEvent(1)});
        Result<EventIngestResult> result = store->ingest(batch);
        QCOMPARE(result.value().notCollected.value(QStringLiteral("AlertInfo")), 1);
        QCOMPARE(result.value().totalInserted(), 1);
        QCOMPARE(store->clearTable(QStringLiteral("DeviceProcessEvents")).value(), 1);
        QCOMPARE(store->tableStats(QStringLiteral("DeviceProcessEvents")).value().first().rows, 0);
    }

    void retentionDeletesExpiredRowsInBatches()
    {
        auto store = open();
        QVERIFY(store->setRetention(QStringLiteral("DeviceProcessEvents"), 7));
        QVERIFY(store->setRetention(QStringLiteral("AlertInfo"), std::nullopt));
        EventBatch old;
        QList<QByteArray> oldLines;
        for (int i = 0; i < 250; ++i)
            oldLines.append(processEvent(i));
        oldLines.append(alertInfo("kept"));
        old.data = lines(oldLines);
        QVERIFY(store->ingest(old));
        m_clock->advance(std::chrono::hours(24 * 8));
        EventBatch fresh;
        fresh.data = lines({processEvent(1000), processEvent(1001)});
        QVERIFY(store->ingest(fresh));

        qint64 deleted = 0;
        int steps = 0;
        for (;;) {
            Result<RetentionStep> step = store->retentionStep(100);
            QVERIFY(step);
            QVERIFY(step.value().deleted <= 100);
            deleted += step.value().deleted;
            ++steps;
            if (!step.value().more)
                break;
            QVERIFY(steps < 50);
        }
        QCOMPARE(deleted, 250);
        QVERIFY(steps >= 3);
        QVERIFY(store->vacuum(0));
        const auto stats = store->tableStats(QStringLiteral("DeviceProcessEvents")).value().first();
        QCOMPARE(stats.rows, 2);
        QCOMPARE(stats.settings.retentionDays, std::optional<int>(7));
        QCOMPARE(*stats.lastIngestTicks, ticksFromDateTime(m_clock->now()));
        QCOMPARE(store->tableStats(QStringLiteral("AlertInfo")).value().first().rows, 1);
    }

    void retentionPassAdaptsAndStops()
    {
        auto store = open();
        QVERIFY(store->setRetention(QStringLiteral("DeviceProcessEvents"), 1));
        QList<QByteArray> list;
        for (int i = 0; i < 1200; ++i)
            list.append(processEvent(i));
        EventBatch batch;
        batch.data = lines(list);
        QVERIFY(store->ingest(batch));
        m_clock->advance(std::chrono::hours(25));
        // Asked to stop at once: nothing happens.
        EventRetentionSummary stopped = runRetentionPass(*store, 200, [] { return true; });
        QCOMPARE(stopped.deleted, 0);
        const EventRetentionSummary pass = runRetentionPass(*store, 200);
        QVERIFY(!pass.error);
        QCOMPARE(pass.deleted, 1200);
        QVERIFY(pass.steps >= 2); // at most 1000 rows in the first transaction
        QCOMPARE(store->tableStats(QStringLiteral("DeviceProcessEvents")).value().first().rows, 0);
    }

    void estimateFromMeasuredRows()
    {
        auto store = open();
        QVERIFY(!store->estimate(QStringLiteral("DeviceProcessEvents")).value().measured);
        QList<QByteArray> list;
        for (int day = 0; day < 10; ++day) {
            for (int i = 0; i < 50; ++i)
                list.append(processEvent(day * 100 + i, "dev1",
                                         QStringLiteral("2024-03-%1T10:00:00Z")
                                                 .arg(day + 10, 2, 10, QLatin1Char('0'))
                                                 .toLatin1()));
        }
        EventBatch batch;
        batch.data = lines(list);
        QVERIFY(store->ingest(batch));
        const auto stats = store->tableStats(QStringLiteral("DeviceProcessEvents")).value().first();
        QVERIFY(stats.bytes > 0);
        QCOMPARE(ticksToIso(*stats.oldestTicks), QStringLiteral("2024-03-10T10:00:00.0000000Z"));
        const EventVolumeEstimate estimate
                = store->estimate(QStringLiteral("DeviceProcessEvents")).value();
        QVERIFY(estimate.measured);
        QCOMPARE(qRound(estimate.rowsPerDay), qRound(500.0 / 9));
        QCOMPARE(estimate.bytes(90), qint64(estimate.bytesPerRow * estimate.rowsPerDay * 90));
        QVERIFY(estimate.bytesPerRow > 50);
    }
};

QTEST_GUILESS_MAIN(TestEventStore)
#include "tst_eventstore.moc"
