// EventRecordReader: the streaming envelope, the portal CSV, Kusto's coercions and hostile lines.
#include "eventrecordreader.h"

#include <QTest>

using namespace Vigil;

namespace {

/** What one line gave: rows as text per column name, and rejections. */
struct Outcome
{
    QList<QMap<QString, QString>> rows;
    QStringList tables;
    QStringList extras;
    QStringList rejections;
};

QString shown(const EventValue &value)
{
    switch (value.kind) {
    case EventValue::Kind::Null:
        return QStringLiteral("<null>");
    case EventValue::Kind::Integer:
        return QString::number(value.integer);
    case EventValue::Kind::Real:
        return QString::number(value.real);
    case EventValue::Kind::Text:
        return QStringLiteral("'")
               + QString::fromUtf8(value.text.data(), qsizetype(value.text.size()))
               + QStringLiteral("'");
    }
    return {};
}

Outcome readLineFrom(EventRecordReader &reader, std::string_view line, size_t readableAfter,
                     const QString &fallback)
{
    Outcome outcome;
    const HuntingTable *table
            = fallback.isEmpty() ? nullptr : HuntingSchema::defender().table(fallback);
    reader.readJsonLine(
            line, table,
            [&](const EventRow &row) {
                QMap<QString, QString> values;
                for (qsizetype c = 0; c < row.table->columns.size(); ++c)
                    values.insert(row.table->columns[c].name, shown(row.values[size_t(c)]));
                outcome.rows.append(values);
                outcome.tables.append(row.table->name);
                outcome.extras.append(
                        QString::fromUtf8(row.extra.data(), qsizetype(row.extra.size())));
            },
            [&](const HuntingTable *, const QString &reason) { outcome.rejections.append(reason); },
            readableAfter);
    return outcome;
}

/**
 * Reads line on its own, and again where it lies in a buffer with more bytes after it (the next
 * line: text that would change the answer if it were read as part of this one), which the
 * reader may parse in place. Both readings must give the same, and leave the buffer as it was.
 */
Outcome readLine(EventRecordReader &reader, const QByteArray &line, const QString &fallback = {})
{
    Outcome alone = readLineFrom(reader, std::string_view(line.constData(), size_t(line.size())), 0,
                                 fallback);
    const QByteArray next = "\n\"}],\xff\xfe\\ud800 " + QByteArray(200, '}') + "{\"Title\":1}";
    const QByteArray buffer = line + next;
    const QByteArray before(buffer.constData(), buffer.size()); // a deep copy to compare with
    const Outcome inPlace
            = readLineFrom(reader, std::string_view(buffer.constData(), size_t(line.size())),
                           size_t(next.size()), fallback);
    if (buffer != before)
        qFatal("the reader changed the bytes it was given");
    if (inPlace.rows != alone.rows || inPlace.tables != alone.tables
        || inPlace.extras != alone.extras || inPlace.rejections != alone.rejections)
        qFatal("a line read in place gave another answer than the line alone: %s",
               line.left(200).constData());
    return alone;
}

QByteArray record(const QByteArray &table, const QByteArray &properties)
{
    return "{\"time\":\"2024-03-26T09:40:01.1234567Z\",\"tenantId\":\"t\",\"operationName\":"
           "\"Publish\",\"category\":\"AdvancedHunting-"
           + table + "\",\"properties\":" + properties + "}";
}

} // namespace

class TestEventRecordReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void datetimes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("iso"); // "" when it must be refused
        QTest::newRow("7 digits") << "2024-03-26T09:39:50.7688641Z"
                                  << "2024-03-26T09:39:50.7688641Z";
        QTest::newRow("3 digits") << "2024-03-26T09:39:50.768Z"
                                  << "2024-03-26T09:39:50.7680000Z";
        QTest::newRow("9 digits cut") << "2024-03-26T09:39:50.768864199Z"
                                      << "2024-03-26T09:39:50.7688641Z";
        QTest::newRow("offset") << "2024-03-26T11:39:50.5+02:00"
                                << "2024-03-26T09:39:50.5000000Z";
        QTest::newRow("negative offset") << "2024-03-25T23:00:00-0130"
                                         << "2024-03-26T00:30:00.0000000Z";
        QTest::newRow("no zone") << "2024-03-26 09:39:50"
                                 << "2024-03-26T09:39:50.0000000Z";
        QTest::newRow("date") << "2024-02-29"
                              << "2024-02-29T00:00:00.0000000Z";
        QTest::newRow("portal US") << "3/26/2024 9:39:50.123 PM"
                                   << "2024-03-26T21:39:50.1230000Z";
        QTest::newRow("portal long") << "Mar 26, 2024 12:05:00 AM"
                                     << "2024-03-26T00:05:00.0000000Z";
        QTest::newRow("no Feb 30") << "2024-02-30T00:00:00Z"
                                   << "";
        QTest::newRow("no leap") << "2023-02-29T00:00:00Z"
                                 << "";
        QTest::newRow("hour 24") << "2024-03-26T24:00:00Z"
                                 << "";
        QTest::newRow("words") << "yesterday"
                               << "";
        QTest::newRow("trailing") << "2024-03-26T09:39:50Zjunk"
                                  << "";
    }
    void datetimes()
    {
        QFETCH(QString, text);
        QFETCH(QString, iso);
        const QByteArray utf8 = text.toUtf8();
        const auto ticks
                = parseEventDateTime(std::string_view(utf8.constData(), size_t(utf8.size())));
        if (iso.isEmpty()) {
            QVERIFY2(!ticks, qPrintable(text));
            return;
        }
        QVERIFY2(ticks, qPrintable(text));
        QCOMPARE(ticksToIso(*ticks), iso);
    }
    void ticksAreKustos()
    {
        // Kusto: tolong(datetime(2024-01-01)) == 638396640000000000
        const auto ticks = parseEventDateTime("2024-01-01T00:00:00Z");
        QCOMPARE(*ticks, 638396640000000000LL);
        QCOMPARE(*parseEventDateTime("0001-01-01T00:00:00Z"), 0LL);
    }

    void envelopeMapsColumns()
    {
        EventRecordReader reader;
        const Outcome o = readLine(
                reader,
                record("DeviceProcessEvents",
                       R"({"Timestamp":"2024-03-26T09:39:50.7688641Z","DeviceId":"d1","ReportId":9325,)"
                       R"("FileSize":"4096","IsProcessRemoteSession":"true","ProcessId":12.0,)"
                       R"("AdditionalFields":{"a": [1, 2]},"NewColumn":{"x":1},"FileName":null})"));
        QCOMPARE(o.rejections, QStringList());
        QCOMPARE(o.rows.size(), 1);
        QCOMPARE(o.tables.first(), QStringLiteral("DeviceProcessEvents"));
        const auto &row = o.rows.first();
        QCOMPARE(row[QStringLiteral("Timestamp")],
                 QString::number(*parseEventDateTime("2024-03-26T09:39:50.7688641Z")));
        QCOMPARE(row[QStringLiteral("ReportId")], QStringLiteral("9325"));
        QCOMPARE(row[QStringLiteral("FileSize")], QStringLiteral("4096"));
        QCOMPARE(row[QStringLiteral("IsProcessRemoteSession")], QStringLiteral("1"));
        QCOMPARE(row[QStringLiteral("ProcessId")], QStringLiteral("12"));
        QCOMPARE(row[QStringLiteral("AdditionalFields")], QStringLiteral("'{\"a\":[1,2]}'"));
        QCOMPARE(row[QStringLiteral("FileName")], QStringLiteral("''")); // null string = ""
        QCOMPARE(row[QStringLiteral("SHA1")], QStringLiteral("''")); // missing string = ""
        QCOMPARE(row[QStringLiteral("LogonId")], QStringLiteral("<null>")); // missing long
        QCOMPARE(o.extras.first(), QStringLiteral("{\"NewColumn\":{\"x\":1}}"));
    }

    void jsonStringColumnKeptAsSent()
    {
        EventRecordReader reader;
        const Outcome o
                = readLine(reader, record("DeviceNetworkInfo",
                                          R"({"DeviceId":"d","Timestamp":"2024-01-01T00:00:00Z",)"
                                          "\"ReportId\":1,\"IPAddresses\":\"[{\\\"IPAddress\\\": "
                                          "\\\"10.0.0.1\\\"}]\"}"));
        QCOMPARE(o.rows.size(), 1);
        QCOMPARE(o.rows.first()[QStringLiteral("IPAddresses")],
                 QStringLiteral("'[{\"IPAddress\": \"10.0.0.1\"}]'"));
    }

    void dynamicIsCompact()
    {
        EventRecordReader reader;
        const Outcome o = readLine(
                reader, record("IdentityInfo",
                               R"({"Timestamp":"2024-01-01T00:00:00Z","Tags":[ "a" , "b" ],)"
                               "\"AssignedRoles\":\"[ \\\"Global Admin\\\" "
                               "]\",\"SourceProviders\":\"AD\"}"));
        QCOMPARE(o.rejections, QStringList());
        QCOMPARE(o.rows.first()[QStringLiteral("Tags")], QStringLiteral("'[\"a\",\"b\"]'"));
        QCOMPARE(o.rows.first()[QStringLiteral("AssignedRoles")],
                 QStringLiteral("'[\"Global Admin\"]'"));
        QCOMPARE(o.rows.first()[QStringLiteral("SourceProviders")], QStringLiteral("'\"AD\"'"));
        QCOMPARE(o.rows.first()[QStringLiteral("GroupMembership")], QStringLiteral("<null>"));
    }

    void recordsBatchAndFallback()
    {
        EventRecordReader reader;
        const QByteArray line
                = "{\"records\":[" + record("AlertInfo", R"({"AlertId":"a1"})") + ","
                  + record("DeviceInfo",
                           R"({"DeviceId":"d","Timestamp":"2024-01-01T00:00:00Z","ReportId":2})")
                  + ", 7]}";
        const Outcome o = readLine(reader, line);
        QCOMPARE(o.tables,
                 (QStringList{QStringLiteral("AlertInfo"), QStringLiteral("DeviceInfo")}));
        QCOMPARE(o.rejections.size(), 1);
        // A bare row with --table, and an envelope without category.
        const Outcome bare = readLine(reader, R"({"AlertId":"a2","Severity":"High"})",
                                      QStringLiteral("AlertInfo"));
        QCOMPARE(bare.rows.size(), 1);
        QCOMPARE(bare.rows.first()[QStringLiteral("Severity")], QStringLiteral("'High'"));
        const Outcome none = readLine(reader, R"({"AlertId":"a2"})");
        QCOMPARE(none.rows.size(), 0);
        QVERIFY(none.rejections.first().contains(QStringLiteral("--table")));
        const Outcome unknown = readLine(reader, record("NoSuchTable", "{}"));
        QVERIFY(unknown.rejections.first().contains(QStringLiteral("NoSuchTable")));
        // Lower-case category still finds its table.
        QCOMPARE(readLine(reader, record("alertinfo", R"({"AlertId":"x"})")).rows.size(), 1);
    }

    void hostileLines_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("reasonContains"); // "" = accepted
        QTest::newRow("not json") << QByteArray("{\"category\": ") << "not valid JSON";
        QTest::newRow("array") << QByteArray("[1,2]") << "not a JSON object";
        QTest::newRow("NaN literal")
                << record("DeviceInfo", R"({"OSBuild": NaN})") << "not valid JSON";
        QTest::newRow("long as word")
                << record("DeviceInfo", R"({"OSBuild":"abc"})") << "OSBuild: expected long";
        QTest::newRow("long as fraction")
                << record("DeviceInfo", R"({"OSBuild":1.5})") << "OSBuild";
        QTest::newRow("long too big")
                << record("DeviceInfo", R"({"OSBuild":18446744073709551615})") << "OSBuild";
        QTest::newRow("int too big")
                << record("EmailEvents", R"({"AttachmentCount":3000000000})") << "AttachmentCount";
        QTest::newRow("bool as word")
                << record("DeviceInfo", R"({"IsAzureADJoined":"maybe"})") << "IsAzureADJoined";
        QTest::newRow("datetime as number")
                << record("DeviceInfo", R"({"Timestamp":12})") << "Timestamp";
        QTest::newRow("properties string") << record("DeviceInfo", R"("x")") << "properties";
        QTest::newRow("deep nesting")
                << record("DeviceInfo", QByteArray(5000, '[') + QByteArray(5000, ']'))
                << "not valid JSON";
        QTest::newRow("control characters kept")
                << record("AlertInfo", "{\"Title\":\"a\\u0000b\\u001b[31m\\r\\n\"}") << "";
        QTest::newRow("lone surrogate") << record("AlertInfo", "{\"Title\":\"x\\ud800y\"}") << "";
    }
    void hostileLines()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, reasonContains);
        EventRecordReader reader;
        const Outcome o = readLine(reader, line);
        if (reasonContains.isEmpty()) {
            QCOMPARE(o.rejections, QStringList());
            QCOMPARE(o.rows.size(), 1);
        } else {
            QCOMPARE(o.rows.size(), 0);
            QCOMPARE(o.rejections.size(), 1);
            QVERIFY2(o.rejections.first().contains(reasonContains),
                     qPrintable(o.rejections.first()));
        }
    }

    void duplicateKeysKeepTheLast()
    {
        EventRecordReader reader;
        const Outcome o
                = readLine(reader, record("AlertInfo", R"({"Title":"first","Title":"last"})"));
        QCOMPARE(o.rows.first()[QStringLiteral("Title")], QStringLiteral("'last'"));
    }

    void invalidUtf8ReadsAsReplacement()
    {
        EventRecordReader reader;
        const Outcome o = readLine(reader, record("AlertInfo", "{\"Title\":\"a\xff\xfe"
                                                               "b\"}"));
        QCOMPARE(o.rejections, QStringList());
        QCOMPARE(o.rows.first()[QStringLiteral("Title")],
                 QStringLiteral("'a") + QChar(0xFFFD) + QChar(0xFFFD) + QStringLiteral("b'"));
    }

    void tenMegabyteField()
    {
        EventRecordReader reader;
        const QByteArray big(qsizetype(10) * 1024 * 1024, 'x');
        const Outcome o = readLine(reader, record("AlertInfo", "{\"Title\":\"" + big + "\"}"));
        QCOMPARE(o.rows.size(), 1);
        QCOMPARE(o.rows.first()[QStringLiteral("Title")].size(), big.size() + 2);
    }

    void csvRecords()
    {
        const QByteArray csv = "Timestamp,AlertId,Title,Severity,Extra\r\n"
                               "3/26/2024 9:39:50 AM,a1,\"multi\nline, \"\"quoted\"\"\",High,x\r\n"
                               "2024-03-26T09:39:50.1234567Z,a2,plain,Low,\n"
                               "not a date,a3,t,Low,\n";
        QCOMPARE(CsvSplitter::completePrefix("a,\"b\nc"), 0);
        QCOMPARE(CsvSplitter::completePrefix("a,b\nc"), 4);
        const std::string_view data(csv.constData(), size_t(csv.size()));
        qsizetype pos = 0;
        qint64 line = 1;
        QList<QByteArray> header;
        QVERIFY(CsvSplitter::next(data, &pos, &header, &line));
        QCOMPARE(header.size(), 5);
        EventRecordReader reader;
        const HuntingTable &table = *HuntingSchema::defender().table(u"AlertInfo");
        QStringList titles, extras, rejections;
        QList<qint64> lines;
        QList<QByteArray> fields;
        for (qint64 first = line; CsvSplitter::next(data, &pos, &fields, &line); first = line) {
            reader.readCsvRecord(
                    table, header, fields,
                    [&](const EventRow &row) {
                        const EventValue &title = row.values[size_t(table.columnIndex(u"Title"))];
                        titles.append(
                                QString::fromUtf8(title.text.data(), qsizetype(title.text.size())));
                        extras.append(
                                QString::fromUtf8(row.extra.data(), qsizetype(row.extra.size())));
                    },
                    [&](const HuntingTable *, const QString &reason) {
                        rejections.append(reason);
                        lines.append(first);
                    });
        }
        QCOMPARE(titles,
                 (QStringList{QStringLiteral("multi\nline, \"quoted\""), QStringLiteral("plain")}));
        QCOMPARE(extras.first(), QStringLiteral("{\"Extra\":\"x\"}"));
        QCOMPARE(extras.last(), QString());
        QCOMPARE(rejections.size(), 1);
        QVERIFY(rejections.first().contains(QStringLiteral("Timestamp")));
        QCOMPARE(lines.first(), 5); // the header is line 1, the quoted record spans 2 and 3
    }

    void rowKeyIsStable()
    {
        EventRecordReader reader;
        quint64 first = 0, second = 0, other = 0;
        reader.readJsonLine(
                record("AlertInfo", R"({"AlertId":"a","Title":"t"})").toStdString(), nullptr,
                [&](const EventRow &row) { first = row.rowKey(); }, [](auto, auto) {});
        reader.readJsonLine(
                record("AlertInfo", R"({"Title":"t","AlertId":"a"})").toStdString(), nullptr,
                [&](const EventRow &row) { second = row.rowKey(); }, [](auto, auto) {});
        reader.readJsonLine(
                record("AlertInfo", R"({"AlertId":"a","Title":"u"})").toStdString(), nullptr,
                [&](const EventRow &row) { other = row.rowKey(); }, [](auto, auto) {});
        QCOMPARE(first, second); // the same values in another order: the same event
        QVERIFY(first != other);
        QVERIFY(first != 0);
    }
};

QTEST_GUILESS_MAIN(TestEventRecordReader)
#include "tst_eventrecordreader.moc"
