// EventService: the event store on its own writer thread, as the streaming reader and the
// window use it: batches with their checkpoints, checkpoints read back and forgotten, retention.
#include "eventservice.h"
#include "testclock.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Vigil;
using Vigil::Test::TestClock;

namespace {

QByteArray lines(int from, int to)
{
    QByteArray data;
    for (int i = from; i < to; ++i)
        data += R"({"category":"AdvancedHunting-DeviceNetworkEvents","properties":{"Timestamp":)"
                R"("2024-03-26T09:39:50Z","DeviceId":"d","ReportId":)"
                + QByteArray::number(i) + R"(,"RemoteIP":"10.0.0.1"}})" + '\n';
    return data;
}

} // namespace

class TestEventService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void batchesCheckpointsAndRetention()
    {
        QTemporaryDir dir;
        TestClock clock(QDateTime(QDate(2024, 4, 1), QTime(0, 0), Qt::UTC));
        EventService service(dir.filePath(QStringLiteral("events.sqlite")), &clock);
        QSignalSpy opened(&service, &EventService::opened);
        service.start();
        QVERIFY(opened.wait());
        QVERIFY(!opened.first().first().value<std::optional<Error>>());

        const QString container
                = QStringLiteral("insights-logs-advancedhunting-devicenetworkevents");
        const QString blob = QStringLiteral("tenantId=t/y=2024/m=04/d=01/h=00/m=00/PT1H.json");
        QSignalSpy ingested(&service, &EventService::batchIngested);
        EventBatch first;
        first.data = lines(0, 10);
        first.checkpoint = EventCheckpoint{
                QStringLiteral("blob"), container, blob, QStringLiteral("\"0x1\""),
                first.data.size(),      {},        {}};
        service.ingestBatch(first);
        // The blob grew: the next read starts at the checkpoint and repeats one line.
        EventBatch second;
        second.data = lines(9, 15);
        second.checkpoint = first.checkpoint;
        second.checkpoint->etag = QStringLiteral("\"0x2\"");
        second.checkpoint->offset += second.data.size();
        service.ingestBatch(second);
        QTRY_COMPARE(ingested.size(), 2);
        const auto a = ingested.at(0).at(0).value<EventIngestResult>();
        const auto b = ingested.at(1).at(0).value<EventIngestResult>();
        QCOMPARE(a.inserted.value(QStringLiteral("DeviceNetworkEvents")), 10);
        QCOMPARE(b.inserted.value(QStringLiteral("DeviceNetworkEvents")), 5);
        QCOMPARE(b.duplicates, 1);

        QSignalSpy checkpoints(&service, &EventService::checkpointsLoaded);
        service.requestCheckpoints();
        QVERIFY(checkpoints.wait());
        auto list = checkpoints.first().at(1).value<QList<EventCheckpoint>>();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().offset, first.data.size() + second.data.size());
        QCOMPARE(list.first().etag, QStringLiteral("\"0x2\""));
        service.removeCheckpoint(container, blob);
        QVERIFY(checkpoints.wait());
        QVERIFY(checkpoints.last().at(1).value<QList<EventCheckpoint>>().isEmpty());

        // A table that is not known fails the batch, not the service.
        EventBatch wrong;
        wrong.data = lines(0, 1);
        wrong.table = QStringLiteral("NoSuchTable");
        service.ingestBatch(wrong);
        QTRY_COMPARE(ingested.size(), 3);
        QVERIFY(ingested.at(2).at(1).value<std::optional<Error>>());

        // 31 days on, the default retention (30 days) takes every row.
        clock.advance(std::chrono::hours(24 * 31));
        QSignalSpy retention(&service, &EventService::retentionFinished);
        service.runRetention();
        QVERIFY(retention.wait());
        const auto summary = retention.first().first().value<EventRetentionSummary>();
        QVERIFY(!summary.error);
        QCOMPARE(summary.deleted, 15);
    }
};

QTEST_GUILESS_MAIN(TestEventService)
#include "tst_eventservice.moc"
