// Expected values come from Microsoft's documentation pages named in each test ("The datetime data
// type", "The timespan data type", "format_datetime()", "format_timespan()"), from .NET's tick
// definition the datetime page states, or are worked out by hand from those definitions.
#include "kqltime.h"

#include <QTest>

using namespace Vigil;
using namespace Vigil::KqlTime;

class TestKqlTime : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ticksOfKnownDates();
    void parsesDocumentedDateTimeForms_data();
    void parsesDocumentedDateTimeForms();
    void rejectsInvalidDateTimes_data();
    void rejectsInvalidDateTimes();
    void readsNumericDatesMonthFirst_data();
    void readsNumericDatesMonthFirst();
    void printsDateTimesWithSevenDigits();
    void parsesTimeSpanLiterals_data();
    void parsesTimeSpanLiterals();
    void printsTimeSpansAsKusto();
    void customFormats();
    void calendarHelpers();
};

static qint64 at(int y, int mo, int d, int h = 0, int mi = 0, int s = 0, int fraction = 0)
{
    return *ticksFromCivil(CivilTime{y, mo, d, h, mi, s, fraction});
}

void TestKqlTime::ticksOfKnownDates()
{
    // "The datetime data type": 31241376000000000 ticks is 0100-01-01 00:00:00.
    QCOMPARE(parseDateTime(u"0100-01-01"), std::optional<qint64>(31241376000000000));
    QCOMPARE(at(1, 1, 1), 0);
    QCOMPARE(at(1970, 1, 1), UnixEpochTicks);
    QCOMPARE(at(9999, 12, 31, 23, 59, 59, 9999999), MaxDateTimeTicks);
    const CivilTime t = civilFromTicks(at(2024, 2, 29, 13, 4, 5, 1234567));
    QCOMPARE(t.year, 2024);
    QCOMPARE(t.month, 2);
    QCOMPARE(t.day, 29);
    QCOMPARE(t.hour, 13);
    QCOMPARE(t.fraction, 1234567);
}

void TestKqlTime::parsesDocumentedDateTimeForms_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("ticks");
    // The forms the "datetime data type" page lists, with its own examples.
    QTest::newRow("iso Z") << u"2014-05-25T08:20:03.123456Z"_qs
                           << at(2014, 5, 25, 8, 20, 3, 1234560);
    QTest::newRow("iso") << u"2014-05-25T08:20:03.123456"_qs << at(2014, 5, 25, 8, 20, 3, 1234560);
    QTest::newRow("iso minutes") << u"2014-05-25T08:20"_qs << at(2014, 5, 25, 8, 20);
    QTest::newRow("space Z") << u"2014-11-08 15:55:55.123456Z"_qs
                             << at(2014, 11, 8, 15, 55, 55, 1234560);
    QTest::newRow("space") << u"2014-11-08 15:55:55"_qs << at(2014, 11, 8, 15, 55, 55);
    QTest::newRow("space minutes") << u"2014-11-08 15:55"_qs << at(2014, 11, 8, 15, 55);
    QTest::newRow("date") << u"2014-11-08"_qs << at(2014, 11, 8);
    QTest::newRow("literal page") << u"2015-12-31 23:59:59.9"_qs
                                  << at(2015, 12, 31, 23, 59, 59, 9000000);
    QTest::newRow("seven digits") << u"2024-01-02T03:04:05.1234567Z"_qs
                                  << at(2024, 1, 2, 3, 4, 5, 1234567);
    QTest::newRow("offset") << u"2024-01-02T03:04:05+02:00"_qs << at(2024, 1, 2, 1, 4, 5);
    QTest::newRow("negative offset") << u"2024-01-02T23:00:00-0130"_qs << at(2024, 1, 3, 0, 30);
    QTest::newRow("rfc822") << u"Sat, 8 Nov 14 15:05:02 GMT"_qs << at(2014, 11, 8, 15, 5, 2);
    QTest::newRow("rfc822 no zone") << u"Sat, 8 Nov 14 15:05:02"_qs << at(2014, 11, 8, 15, 5, 2);
    QTest::newRow("rfc822 minutes") << u"Sat, 8 Nov 14 15:05"_qs << at(2014, 11, 8, 15, 5);
    QTest::newRow("rfc822 minutes zone") << u"Sat, 8 Nov 14 15:05 GMT"_qs << at(2014, 11, 8, 15, 5);
    QTest::newRow("rfc822 no weekday") << u"8 Nov 14 15:05:02 GMT"_qs << at(2014, 11, 8, 15, 5, 2);
    QTest::newRow("rfc822 EST") << u"8 Nov 14 15:05:02 EST"_qs << at(2014, 11, 8, 20, 5, 2);
    QTest::newRow("rfc850") << u"Saturday, 08-Nov-14 15:05:02 GMT"_qs << at(2014, 11, 8, 15, 5, 2);
    QTest::newRow("rfc850 no zone")
            << u"Saturday, 08-Nov-14 15:05:02"_qs << at(2014, 11, 8, 15, 5, 2);
    QTest::newRow("rfc850 no weekday") << u"08-Nov-14 15:05:02 GMT"_qs << at(2014, 11, 8, 15, 5, 2);
    QTest::newRow("sortable single digits")
            << u"2014-11-8 15:05:25"_qs << at(2014, 11, 8, 15, 5, 25);
    QTest::newRow("blanks") << u"  2014-11-08  "_qs << at(2014, 11, 8);
}

void TestKqlTime::parsesDocumentedDateTimeForms()
{
    QFETCH(QString, text);
    QFETCH(qint64, ticks);
    DateTimeForm form = DateTimeForm::Numeric;
    QCOMPARE(parseDateTime(text, &form), std::optional<qint64>(ticks));
    QVERIFY(form != DateTimeForm::Numeric);
}

void TestKqlTime::rejectsInvalidDateTimes_data()
{
    QTest::addColumn<QString>("text");
    for (const char *bad :
         {"", "   ", "2023-02-29", "2024-13-01", "2024-01-01T24:00", "2024-01-01T10:61",
          "10000-01-01", "0000-12-31", "2024-01-01Tjunk", "Sat, 8 Foo 14 15:05:02 GMT",
          "2024-01-01 10:00 XYZ", "0001-01-01T00:00:00+01:00", "\xff\xfe", "2024-01-01\n10:00"})
        QTest::newRow(bad) << QString::fromUtf8(bad);
}

void TestKqlTime::rejectsInvalidDateTimes()
{
    QFETCH(QString, text);
    QCOMPARE(parseDateTime(text), std::nullopt);
}

void TestKqlTime::readsNumericDatesMonthFirst_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("ticks"); // -1: not a datetime
    // Microsoft's todatetime() page compares todatetime('12-02-2022') with datetime('12-02-2022');
    // Microsoft's published hunting queries write datetime("01/16/2022 00:00:00"). Month first,
    // as .NET's invariant culture reads a numeric date.
    QTest::newRow("todatetime page") << u"12-02-2022"_qs << at(2022, 12, 2);
    QTest::newRow("hunting query") << u"01/16/2022 00:00:00"_qs << at(2022, 1, 16);
    QTest::newRow("single digits") << u"1/6/2022"_qs << at(2022, 1, 6);
    QTest::newRow("seconds and fraction")
            << u"1/16/2022 3:04:05.25"_qs << at(2022, 1, 16, 3, 4, 5, 2500000);
    QTest::newRow("T") << u"01/16/2022T10:00"_qs << at(2022, 1, 16, 10, 0);
    QTest::newRow("PM") << u"1/16/2022 3:04 PM"_qs << at(2022, 1, 16, 15, 4);
    QTest::newRow("pm, no blank") << u"1/16/2022 3:04pm"_qs << at(2022, 1, 16, 15, 4);
    QTest::newRow("12 AM is midnight") << u"12/31/2022 12:00 AM"_qs << at(2022, 12, 31);
    QTest::newRow("12 PM is noon") << u"12/31/2022 12:30:00 PM"_qs << at(2022, 12, 31, 12, 30);
    QTest::newRow("zone") << u"1/16/2022 10:00 +02:00"_qs << at(2022, 1, 16, 8, 0);
    QTest::newRow("Z") << u"1/16/2022 10:00Z"_qs << at(2022, 1, 16, 10, 0);
    QTest::newRow("year first, slashes") << u"2022/1/16"_qs << at(2022, 1, 16);
    QTest::newRow("leap day") << u"2/29/2024"_qs << at(2024, 2, 29);
    // Refused rather than guessed: no 13th month, no day first, no two-digit year, no mixed
    // separators, no hour 0 or 13 with AM/PM, no day that does not exist.
    for (const char *bad :
         {"16/01/2022", "13/1/2022", "1/16/22", "1/16-2022", "1-16/2022", "2022/13/01", "2022/1-16",
          "2/29/2023", "1/16/2022 0:30 AM", "1/16/2022 13:00 PM", "1/16/2022 PM",
          "1/16/2022 10:00 XM", "1/16/02022", "001/16/2022", "1/16/2022/", "1//2022"})
        QTest::newRow(bad) << QString::fromUtf8(bad) << qint64(-1);
}

void TestKqlTime::readsNumericDatesMonthFirst()
{
    QFETCH(QString, text);
    QFETCH(qint64, ticks);
    DateTimeForm form = DateTimeForm::Iso;
    const std::optional<qint64> parsed = parseDateTime(text, &form);
    if (ticks < 0) {
        QCOMPARE(parsed, std::nullopt);
        return;
    }
    QCOMPARE(parsed, std::optional<qint64>(ticks));
    QCOMPARE(form, DateTimeForm::Numeric);
}

void TestKqlTime::printsDateTimesWithSevenDigits()
{
    QCOMPARE(formatDateTime(at(2024, 1, 2, 3, 4, 5, 1234567)), u"2024-01-02T03:04:05.1234567Z"_qs);
    QCOMPARE(formatDateTime(at(2015, 12, 31)), u"2015-12-31T00:00:00.0000000Z"_qs);
    QCOMPARE(formatDateTime(0), u"0001-01-01T00:00:00.0000000Z"_qs);
    QCOMPARE(formatDateTime(MaxDateTimeTicks), u"9999-12-31T23:59:59.9999999Z"_qs);
}

void TestKqlTime::parsesTimeSpanLiterals_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("ticks");
    // "The timespan data type": its literal table.
    QTest::newRow("2d") << u"2d"_qs << 2 * TicksPerDay;
    QTest::newRow("1.5h") << u"1.5h"_qs << 90 * TicksPerMinute;
    QTest::newRow("30m") << u"30m"_qs << 30 * TicksPerMinute;
    QTest::newRow("10s") << u"10s"_qs << 10 * TicksPerSecond;
    QTest::newRow("0.1s") << u"0.1s"_qs << TicksPerSecond / 10;
    QTest::newRow("100ms") << u"100ms"_qs << 100 * TicksPerMillisecond;
    QTest::newRow("10microsecond") << u"10microsecond"_qs << 100LL;
    QTest::newRow("1tick") << u"1tick"_qs << 1LL;
    QTest::newRow("15 seconds") << u"15 seconds"_qs << 15 * TicksPerSecond;
    QTest::newRow("bare days") << u"2"_qs << 2 * TicksPerDay;
    QTest::newRow("d.hh:mm:ss.f") << u"0.12:34:56.7"_qs
                                  << 12 * TicksPerHour + 34 * TicksPerMinute + 56 * TicksPerSecond
                                             + 7 * TicksPerSecond / 10;
    QTest::newRow("hh:mm:ss") << u"00:01:00"_qs << TicksPerMinute;
    QTest::newRow("1.02:03:04.5") << u"1.02:03:04.5"_qs
                                  << TicksPerDay + 2 * TicksPerHour + 3 * TicksPerMinute
                                             + 4 * TicksPerSecond + TicksPerSecond / 2;
    QTest::newRow("negative") << u"-1h"_qs << -TicksPerHour;
    QTest::newRow("negative dotnet") << u"-00:00:01"_qs << -TicksPerSecond;
    QTest::newRow("names") << u"3hours"_qs << 3 * TicksPerHour;
    QTest::newRow("min") << u"5min"_qs << 5 * TicksPerMinute;
    QTest::newRow("nanoseconds") << u"300nanoseconds"_qs << 3LL;
}

void TestKqlTime::parsesTimeSpanLiterals()
{
    QFETCH(QString, text);
    QFETCH(qint64, ticks);
    QCOMPARE(parseTimeSpan(text), std::optional<qint64>(ticks));
}

void TestKqlTime::printsTimeSpansAsKusto()
{
    QCOMPARE(formatTimeSpan(0), u"00:00:00"_qs);
    QCOMPARE(*parseTimeSpan(u"1.02:03:04.5"), TicksPerDay + 2 * TicksPerHour + 3 * TicksPerMinute
                                                      + 4 * TicksPerSecond + TicksPerSecond / 2);
    QCOMPARE(formatTimeSpan(*parseTimeSpan(u"1.02:03:04.5")), u"1.02:03:04.5000000"_qs);
    QCOMPARE(formatTimeSpan(-TicksPerHour), u"-01:00:00"_qs);
    QCOMPARE(formatTimeSpan(1), u"00:00:00.0000001"_qs);
    QCOMPARE(formatTimeSpan(std::numeric_limits<qint64>::min()), u"-10675199.02:48:05.4775808"_qs);
    // Overflow and junk are refused, not wrapped.
    QCOMPARE(parseTimeSpan(u"99999999999999999d"), std::nullopt);
    QCOMPARE(parseTimeSpan(u"1w"), std::nullopt); // "weeks are not a supported length"
    QCOMPARE(parseTimeSpan(u"00:60:00"), std::nullopt);
    QCOMPARE(parseTimeSpan(u""), std::nullopt);
    QCOMPARE(parseTimeSpan(u"1d junk"), std::nullopt);
}

void TestKqlTime::customFormats()
{
    // "format_datetime()" examples.
    const qint64 dt = at(2017, 1, 29, 9, 0, 5);
    QCOMPARE(*formatDateTimeCustom(dt, u"yy-MM-dd [HH:mm:ss]"), u"17-01-29 [09:00:05]"_qs);
    QCOMPARE(*formatDateTimeCustom(dt, u"yyyy-M-dd [H:mm:ss]"), u"2017-1-29 [9:00:05]"_qs);
    QCOMPARE(*formatDateTimeCustom(dt, u"yy-MM-dd [hh:mm:ss tt]"), u"17-01-29 [09:00:05 AM]"_qs);
    // "format_timespan()" examples.
    const qint64 t = *parseTimeSpan(u"29.09:00:05.12345");
    QCOMPARE(*formatTimeSpanCustom(t, u"dd.hh:mm:ss:FF"), u"29.09:00:05:12"_qs);
    QCOMPARE(*formatTimeSpanCustom(t, u"ddd.h:mm:ss [fffffff]"), u"029.9:00:05 [1234500]"_qs);
    QCOMPARE(formatDateTimeCustom(dt, u"ffffffff"), std::nullopt);
}

void TestKqlTime::calendarHelpers()
{
    // "startofweek()": weeks start on Sunday; 2017-01-01 was a Sunday.
    QCOMPARE(startOfWeek(at(2017, 1, 1, 10, 10, 17)), at(2017, 1, 1));
    QCOMPARE(startOfWeek(at(2017, 1, 7, 23)), at(2017, 1, 1));
    QCOMPARE(startOfMonth(at(2017, 1, 31, 10)), at(2017, 1, 1));
    QCOMPARE(startOfYear(at(2017, 7, 4)), at(2017, 1, 1));
    // .NET's AddMonths clamps to the month's last day.
    QCOMPARE(addMonths(at(2017, 1, 31), 1), std::optional(at(2017, 2, 28)));
    QCOMPARE(addMonths(at(9999, 12, 1), 1), std::nullopt);
}

QTEST_APPLESS_MAIN(TestKqlTime)
#include "tst_kqltime.moc"
