// Every function is called through real SQL on an in-memory connection. Expected values are the
// examples of Microsoft's documentation page named beside each group (the KQL function's page
// unless said otherwise) or the semantic pitfalls of reference/kql.md ("pitfall N"), never
// Vigil's own output.
#include "kqlfunctions.h"
#include "kqltime.h"

#include <QElapsedTimer>
#include <QTest>

#include <sqlite3.h>

using namespace Vigil;

namespace {

/** A value bound as a datetime or timespan (INTEGER ticks). */
struct Ticks
{
    qint64 value;
};

class Db
{
public:
    Db()
    {
        sqlite3_open(":memory:", &m_db);
        m_rc = registerKqlFunctions(m_db);
    }
    ~Db() { sqlite3_close(m_db); }
    int registration() const { return m_rc; }
    sqlite3 *handle() const { return m_db; }

    /** Runs "SELECT <expr>" with the arguments bound, returning the value or an error text. */
    template<typename... Args>
    QVariant eval(const char *expr, Args... args)
    {
        sqlite3_stmt *stmt = nullptr;
        const QByteArray sql = QByteArray("SELECT ") + expr;
        if (sqlite3_prepare_v2(m_db, sql.constData(), -1, &stmt, nullptr) != SQLITE_OK)
            return QVariant(QStringLiteral("prepare error: ")
                            + QString::fromUtf8(sqlite3_errmsg(m_db)));
        int i = 0;
        (bind(stmt, ++i, args), ...);
        QVariant out;
        const int rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW) {
            switch (sqlite3_column_type(stmt, 0)) {
            case SQLITE_INTEGER:
                out = QVariant(qlonglong(sqlite3_column_int64(stmt, 0)));
                break;
            case SQLITE_FLOAT:
                out = QVariant(sqlite3_column_double(stmt, 0));
                break;
            case SQLITE_TEXT:
                out = QVariant(QString::fromUtf8(
                        reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)),
                        sqlite3_column_bytes(stmt, 0)));
                break;
            default:
                break;
            }
        } else {
            out = QVariant(QStringLiteral("error: ") + QString::fromUtf8(sqlite3_errmsg(m_db)));
        }
        sqlite3_finalize(stmt);
        return out;
    }

    void exec(const char *sql) { sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr); }

private:
    static void bind(sqlite3_stmt *s, int i, const char *v)
    {
        sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
    }
    static void bind(sqlite3_stmt *s, int i, const QByteArray &v)
    {
        sqlite3_bind_text(s, i, v.constData(), int(v.size()), SQLITE_TRANSIENT);
    }
    static void bind(sqlite3_stmt *s, int i, int v) { sqlite3_bind_int64(s, i, v); }
    static void bind(sqlite3_stmt *s, int i, qint64 v) { sqlite3_bind_int64(s, i, v); }
    static void bind(sqlite3_stmt *s, int i, double v) { sqlite3_bind_double(s, i, v); }
    static void bind(sqlite3_stmt *s, int i, Ticks v) { sqlite3_bind_int64(s, i, v.value); }
    static void bind(sqlite3_stmt *s, int i, std::nullptr_t) { sqlite3_bind_null(s, i); }

    sqlite3 *m_db = nullptr;
    int m_rc = SQLITE_ERROR;
};

Ticks dt(const char *text)
{
    return Ticks{*KqlTime::parseDateTime(QString::fromLatin1(text))};
}

Ticks ts(const char *text)
{
    return Ticks{*KqlTime::parseTimeSpan(QString::fromLatin1(text))};
}

QVariant T(const char *text)
{
    return QVariant(QString::fromUtf8(text));
}

QVariant L(qint64 v)
{
    return QVariant(qlonglong(v));
}

QVariant dtv(const char *text)
{
    return L(dt(text).value);
}

const QVariant Null;

} // namespace

class TestKqlFunctions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void registers();
    void hasFamily();
    void caseInsensitiveOperators();
    void nullStringsAreEmpty();
    void regexFunctions();
    void stringFunctions();
    void timeFunctions();
    void asOfClock();
    void dynamicFunctions();
    void conversions();
    void mathAndArithmetic();
    void ipFunctions();
    void encodersAndParsers();
    void aggregates();
    void hostileInputs();
    void parseXml();
    void parseXmlHostile();
    void dynamicToJson();
    void parseKv();
    void parseKvHostile();
};

void TestKqlFunctions::registers()
{
    Db db;
    QCOMPARE(db.registration(), SQLITE_OK);
}

void TestKqlFunctions::hasFamily()
{
    Db db;
    // "String operators" page: its examples that yield true.
    QCOMPARE(db.eval("kql_has(?, ?)", "North America", "america"), L(1));
    QCOMPARE(db.eval("kql_has_cs(?, ?)", "North America", "America"), L(1));
    QCOMPARE(db.eval("kql_has_cs(?, ?)", "North America", "america"), L(0));
    QCOMPARE(db.eval("kql_hasprefix(?, ?)", "North America", "ame"), L(1));
    QCOMPARE(db.eval("kql_hassuffix(?, ?)", "North America", "ica"), L(1));
    QCOMPARE(db.eval("kql_hasprefix(?, ?)", "North America", "mer"), L(0));
    // Pitfall 2: whole terms, not substrings; delimiters at the ends of the right side.
    QCOMPARE(db.eval("kql_has(?, ?)", "error", "err"), L(0));
    QCOMPARE(db.eval("kql_has(?, ?)", "x cmd.exe /c", "cmd.exe"), L(1));
    QCOMPARE(db.eval("kql_has(?, ?)", "x xcmd.exe /c", "cmd.exe"), L(0));
    QCOMPARE(db.eval("kql_has(?, ?)", "C:\\Users\\a\\AppData\\Local\\Temp\\x.exe", "\\temp\\"),
             L(1));
    QCOMPARE(db.eval("kql_has(?, ?)", "powershell -enc AAAA", "-enc"), L(1));
    QCOMPARE(db.eval("kql_has(?, ?)", "powershell -encodedcommand AAAA", "-enc"), L(0));
    // A term shorter than three characters still matches (Kusto scans instead of the index).
    QCOMPARE(db.eval("kql_has(?, ?)", "run /c whoami", "c"), L(1));
    // "Understanding string terms": the terms of a GUID-like value.
    const char *sample = "Kusto: ad67d136-c1db-4f9f-88ef-d94f3b6b0b5a;KustoExplorerQueryRun";
    QCOMPARE(db.eval("kql_has(?, ?)", sample, "c1db"), L(1));
    QCOMPARE(db.eval("kql_has(?, ?)", sample, "kustoexplorerqueryrun"), L(1));
    QCOMPARE(db.eval("kql_has(?, ?)", sample, "Explorer"), L(0));
    // Non-ASCII letters are term characters and fold.
    QCOMPARE(db.eval("kql_has(?, ?)", "C:\\Users\\JÖRG\\file.txt", "jörg"), L(1));
    QCOMPARE(db.eval("kql_has(?, ?)", "C:\\Users\\JÖRGEN\\file.txt", "jörg"), L(0));
    // has_any / has_all over a dynamic array (pitfall 2), and the list-argument form.
    QCOMPARE(db.eval("kql_has_any(?, ?)", "cmd.exe /c whoami", "[\"net\",\"WHOAMI\"]"), L(1));
    QCOMPARE(db.eval("kql_has_any(?, ?)", "cmd.exe /c whoami", "[\"who\",\"ami\"]"), L(0));
    QCOMPARE(db.eval("kql_has_any(?, ?)", "C:\\temp\\x", "[\"\\\\temp\\\\\"]"), L(1));
    QCOMPARE(db.eval("kql_has_any(?, ?, ?)", "a b c", "x", "b"), L(1));
    QCOMPARE(db.eval("kql_has_any(?, ?)", "anything", "[]"), L(0));
    QCOMPARE(db.eval("kql_has_all(?, ?)", "cmd.exe /c whoami", "[\"CMD\",\"whoami\"]"), L(1));
    QCOMPARE(db.eval("kql_has_all(?, ?)", "cmd.exe /c whoami", "[\"cmd\",\"net\"]"), L(0));
}

void TestKqlFunctions::caseInsensitiveOperators()
{
    Db db;
    // "String operators" examples.
    QCOMPARE(db.eval("kql_contains(?, ?)", "FabriKam", "BRik"), L(1));
    QCOMPARE(db.eval("kql_contains_cs(?, ?)", "FabriKam", "Kam"), L(1));
    QCOMPARE(db.eval("kql_contains_cs(?, ?)", "Fabrikam", "Kam"), L(0));
    QCOMPARE(db.eval("kql_endswith(?, ?)", "Fabrikam", "Kam"), L(1));
    QCOMPARE(db.eval("kql_endswith_cs(?, ?)", "Fabrikam", "kam"), L(1));
    QCOMPARE(db.eval("kql_startswith(?, ?)", "Fabrikam", "fab"), L(1));
    QCOMPARE(db.eval("kql_startswith_cs(?, ?)", "Fabrikam", "fab"), L(0));
    QCOMPARE(db.eval("kql_equals_ci(?, ?)", "abc", "ABC"), L(1));
    QCOMPARE(db.eval("kql_in_ci(?, ?, ?)", "abc", "x", "ABC"), L(1));
    QCOMPARE(db.eval("kql_in_ci(?, ?)", "abc", "[\"x\",\"ABC\"]"), L(1));
    // Pitfall 1: Unicode case folding, not ASCII-only (SQLite's LIKE and lower()).
    QCOMPARE(db.eval("kql_equals_ci(?, ?)", "STRASSE ÄÖÜ", "strasse äöü"), L(1));
    QCOMPARE(db.eval("kql_contains(?, ?)", "ΑΘΗΝΑ", "θην"), L(1));
    QCOMPARE(db.eval("kql_endswith(?, ?)", "ДОКУМЕНТ.DOCX", "мент.docx"), L(1));
    // Pitfall 1: LIKE wildcards in user text are plain characters here.
    QCOMPARE(db.eval("kql_contains(?, ?)", "abc", "a%c"), L(0));
    QCOMPARE(db.eval("kql_contains(?, ?)", "a_c", "_"), L(1));
    // in with a dynamic array (pitfall 4): numbers by value, text exactly.
    QCOMPARE(db.eval("kql_in(?, ?)", 443, "[80,443]"), L(1));
    QCOMPARE(db.eval("kql_in(?, ?)", "ABC", "[\"abc\"]"), L(0));
}

void TestKqlFunctions::nullStringsAreEmpty()
{
    Db db;
    // Pitfall 5: a null operand makes the predicates false (never null), so their negations
    // in SQL (NOT ...) are true.
    QCOMPARE(db.eval("kql_has(?, ?)", nullptr, "x"), L(0));
    QCOMPARE(db.eval("NOT kql_contains(?, ?)", nullptr, "x"), L(1));
    QCOMPARE(db.eval("kql_isempty(?)", ""), L(1));
    QCOMPARE(db.eval("kql_isempty(?)", nullptr), L(1));
    QCOMPARE(db.eval("kql_isnotempty(?)", "a"), L(1));
    QCOMPARE(db.eval("kql_isnull(?)", ""), L(0));
    QCOMPARE(db.eval("kql_strlen(?)", nullptr), L(0));
    QCOMPARE(db.eval("kql_strcat(?, ?, ?)", "a", nullptr, 1), T("a1"));
}

void TestKqlFunctions::regexFunctions()
{
    Db db;
    // Pitfall 12: not anchored, case-sensitive unless (?i).
    QCOMPARE(db.eval("kql_matches_regex(?, ?)", "xxABCyy", "AB."), L(1));
    QCOMPARE(db.eval("kql_matches_regex(?, ?)", "xxabcyy", "AB."), L(0));
    QCOMPARE(db.eval("kql_matches_regex(?, ?)", "xxabcyy", "(?i)AB."), L(1));
    // RE2 has no back-references: the pattern is refused with an error, not approximated.
    QVERIFY(db.eval("kql_matches_regex(?, ?)", "aa", "(a)\\1")
                    .toString()
                    .startsWith(u"error: invalid regular expression"));
    // "extract()": the group of the first match; "" when nothing matches.
    QCOMPARE(db.eval("kql_extract(?, ?, ?)", "x=([0-9.]+)", 1, "hello x=45.6|wo"), T("45.6"));
    QCOMPARE(db.eval("kql_extract(?, ?, ?)", "x=([0-9.]+)", 0, "hello x=45.6|wo"), T("x=45.6"));
    QCOMPARE(db.eval("kql_extract(?, ?, ?)", "y=([0-9.]+)", 1, "hello x=45.6|wo"), T(""));
    QCOMPARE(db.eval("kql_extract(?, ?, ?)", "x=([0-9.]+)", 2, "hello x=45.6|wo"), T(""));
    // "extract_all()": one group gives strings, several give arrays.
    QCOMPARE(db.eval("kql_extract_all(?, ?)", "(\\d+)", "a1b22c333"), T("[\"1\",\"22\",\"333\"]"));
    QCOMPARE(db.eval("kql_extract_all(?, ?)", "(\\w)(\\d)", "a1b2"),
             T("[[\"a\",\"1\"],[\"b\",\"2\"]]"));
    QCOMPARE(db.eval("kql_extract_all(?, ?, ?)", "(\\w)(\\d)", "[2]", "a1b2"), T("[\"1\",\"2\"]"));
    QCOMPARE(db.eval("kql_extract_all(?, ?)", "(\\d+)", "none"), Null);
    // The page's named groups: (?P<first>…) chosen by name beside numbers; an unknown name: null.
    QCOMPARE(db.eval("kql_extract_all(?, ?, ?)", "(?P<first>\\w)(?P<middle>\\w+)(?P<last>\\w)",
                     "[\"first\",2,\"last\"]", "82b8be2d-dfa7-4bd1-8f63-24ad26d31449"),
             T("[[\"8\",\"2b8be2\",\"d\"],[\"d\",\"fa\",\"7\"],[\"4\",\"bd\",\"1\"],[\"8\","
               "\"f6\",\"3\"],[\"2\",\"4ad26d3144\",\"9\"]]"));
    QCOMPARE(db.eval("kql_extract_all(?, ?, ?)", "(?P<first>\\w)", "[\"other\"]", "ab"), Null);
    // "replace_regex()".
    QCOMPARE(db.eval("kql_replace_regex(?, ?, ?)", "A magic trick can turn a cat into a dog", "cat",
                     "hamster"),
             T("A magic trick can turn a hamster into a dog"));
    QCOMPARE(db.eval("kql_replace_regex(?, ?, ?)", "Number is 12", "is (\\d+)", "was: \\1"),
             T("Number was: 12"));
    // "trim()": "--https://bing.com--" trimmed of "--".
    QCOMPARE(db.eval("kql_trim(?, ?)", "--", "--https://bing.com--"), T("https://bing.com"));
    QCOMPARE(db.eval("kql_trim_start(?, ?)", "--", "--https://bing.com--"),
             T("https://bing.com--"));
    QCOMPARE(db.eval("kql_trim_end(?, ?)", "--", "--https://bing.com--"), T("--https://bing.com"));
    QCOMPARE(db.eval("kql_trim(?, ?)", "[^\\w]+", "  --abc.. "), T("abc"));
    // "countof()": normal counts overlapping matches, regex does not.
    QCOMPARE(db.eval("kql_countof(?, ?)", "The cat sat on the mat", "at"), L(3));
    QCOMPARE(db.eval("kql_countof(?, ?, ?)", "The cat sat on the mat", "\\b.at\\b", "regex"), L(3));
    QCOMPARE(db.eval("kql_countof(?, ?)", "aaa", "a"), L(3));
    QCOMPARE(db.eval("kql_countof(?, ?)", "aaaa", "aa"), L(3));
    QCOMPARE(db.eval("kql_countof(?, ?, ?)", "ababa", "ab", "normal"), L(2));
    QCOMPARE(db.eval("kql_countof(?, ?)", "ababa", "aba"), L(2));
    QCOMPARE(db.eval("kql_countof(?, ?, ?)", "ababa", "aba", "regex"), L(1));
    QCOMPARE(db.eval("kql_countof(?, ?, ?)", "abcabc", "a.c", "regex"), L(2));
}

void TestKqlFunctions::stringFunctions()
{
    Db db;
    // "strlen()": code points.
    QCOMPARE(db.eval("kql_strlen(?)", "hello"), L(5));
    QCOMPARE(db.eval("kql_strlen(?)", "⒦⒰⒮⒯⒪"), L(5));
    QCOMPARE(db.eval("kql_string_size(?)", "⒦⒰⒮⒯⒪"), L(15));
    // "substring()": 0-based (pitfall 12), negative start from the end, clamped.
    QCOMPARE(db.eval("kql_substring(?, ?)", "123456", 1), T("23456"));
    QCOMPARE(db.eval("kql_substring(?, ?, ?)", "123456", 2, 2), T("34"));
    QCOMPARE(db.eval("kql_substring(?, ?, ?)", "ABCD", 0, 2), T("AB"));
    QCOMPARE(db.eval("kql_substring(?, ?, ?)", "123456", -2, 2), T("56"));
    QCOMPARE(db.eval("kql_substring(?, ?, ?)", "123456", 10, 2), T(""));
    QCOMPARE(db.eval("kql_substring(?, ?, ?)", "⒦⒰⒮⒯⒪", 1, 2), T("⒰⒮"));
    // "indexof()" examples.
    QCOMPARE(db.eval("kql_indexof(?, ?)", "abcdefg", "cde"), L(2));
    QCOMPARE(db.eval("kql_indexof(?, ?, ?, ?)", "abcdefg", "cde", 1, 4), L(2));
    QCOMPARE(db.eval("kql_indexof(?, ?, ?, ?)", "abcdefg", "cde", 1, 2), L(-1));
    QCOMPARE(db.eval("kql_indexof(?, ?, ?, ?)", "abcdefg", "cde", 3, 4), L(-1));
    QCOMPARE(db.eval("kql_indexof(?, ?, ?, ?, ?)", "abcdefgabcdefg", "cde", 1, 10, 2), L(9));
    QCOMPARE(db.eval("kql_indexof(?, ?, ?)", "abcdefg", "cde", -5), L(2));
    QCOMPARE(db.eval("kql_indexof(?, ?, ?, ?)", 1234567, 5, 1, 4), L(4));
    QCOMPARE(db.eval("kql_indexof(?, ?, ?, ?)", "abcdefg", "cde", 2, -1), L(2));
    QCOMPARE(db.eval("kql_indexof(?, ?, ?, ?, ?)", "abcdefgabcdefg", "cde", 1, -1, 3), L(-1));
    QCOMPARE(db.eval("kql_indexof(?, ?, ?, ?, ?)", "abcdefgabcdefg", "cde", 1, -1, 2), L(9));
    // "split()" examples.
    QCOMPARE(db.eval("kql_split(?, ?)", "aa_bb", "_"), T("[\"aa\",\"bb\"]"));
    QCOMPARE(db.eval("kql_split(?, ?, ?)", "aaa_bbb_ccc", "_", 1), T("[\"bbb\"]"));
    QCOMPARE(db.eval("kql_split(?, ?)", "", "_"), T("[\"\"]"));
    QCOMPARE(db.eval("kql_split(?, ?)", "a__b", "_"), T("[\"a\",\"\",\"b\"]"));
    QCOMPARE(db.eval("kql_split(?, ?)", "aabbcc", "bb"), T("[\"aa\",\"cc\"]"));
    // "strcat_delim()", "replace_string()", "toupper()".
    QCOMPARE(db.eval("kql_strcat_delim(?, ?, ?, ?)", "-", "yyy", "xxx", "zzz"), T("yyy-xxx-zzz"));
    QCOMPARE(db.eval("kql_replace_string(?, ?, ?)", "A magic trick can turn a cat into a dog",
                     "cat", "hamster"),
             T("A magic trick can turn a hamster into a dog"));
    QCOMPARE(db.eval("kql_toupper(?)", "hello äß"), T("HELLO Äß"));
    QCOMPARE(db.eval("kql_tolower(?)", "HELLO ÄÖ"), T("hello äö"));
    // "make_string()" and "unicode_codepoints_from_string()".
    QCOMPARE(db.eval("kql_make_string(?, ?, ?, ?, ?)", 75, 117, 115, 116, 111), T("Kusto"));
    QCOMPARE(db.eval("kql_make_string(?)", "[75,117,115,116,111]"), T("Kusto"));
    QCOMPARE(db.eval("kql_unicode_codepoints_from_string(?)", "⒦"), T("[9382]"));
    QCOMPARE(db.eval("kql_make_string(?)", -1), Null);
}

void TestKqlFunctions::timeFunctions()
{
    Db db;
    // "bin()" examples.
    QCOMPARE(db.eval("kql_bin(?, ?)", 4.5, 1), QVariant(4.0));
    QCOMPARE(db.eval("kql_bin(?, ?)", ts("16d"), ts("7d")), L(ts("14d").value));
    QCOMPARE(db.eval("kql_bin(?, ?)", dt("1970-05-11 13:45:07"), ts("1d")), dtv("1970-05-11"));
    QCOMPARE(db.eval("kql_bin(?, ?)", 7, 0), Null);
    // "bin_at()" examples.
    QCOMPARE(db.eval("kql_bin_at(?, ?, ?)", 6.5, 2.5, 7), QVariant(4.5));
    QCOMPARE(db.eval("kql_bin_at(?, ?, ?)", ts("1h"), ts("1d"), ts("12h")), L(-ts("12h").value));
    QCOMPARE(db.eval("kql_bin_at(?, ?, ?)", dt("2017-05-15 10:20:00"), ts("1d"),
                     dt("1970-01-01 12:00:00")),
             dtv("2017-05-14 12:00:00"));
    // "dayofweek()": a timespan since Sunday.
    QCOMPARE(db.eval("kql_dayofweek(?)", dt("1947-11-30 10:00:05")), L(0));
    QCOMPARE(db.eval("kql_dayofweek(?)", dt("1970-05-11")), L(ts("1d").value));
    // "startofweek()", "startofmonth()", "startofyear()", "endofday()" with offsets.
    const Ticks d = dt("2017-01-01 10:10:17");
    QCOMPARE(db.eval("kql_startofweek(?, ?)", d, -1), dtv("2016-12-25"));
    QCOMPARE(db.eval("kql_startofweek(?)", d), dtv("2017-01-01"));
    QCOMPARE(db.eval("kql_startofmonth(?, ?)", d, -1), dtv("2016-12-01"));
    QCOMPARE(db.eval("kql_startofyear(?, ?)", d, -1), dtv("2016-01-01"));
    QCOMPARE(db.eval("kql_startofday(?)", d), dtv("2017-01-01"));
    QCOMPARE(db.eval("kql_endofday(?, ?)", d, -1), dtv("2016-12-31T23:59:59.9999999Z"));
    QCOMPARE(db.eval("kql_endofday(?, ?)", d, 1), dtv("2017-01-02T23:59:59.9999999Z"));
    QCOMPARE(db.eval("kql_endofmonth(?)", d), dtv("2017-01-31T23:59:59.9999999Z"));
    QCOMPARE(db.eval("kql_endofyear(?)", d), dtv("2017-12-31T23:59:59.9999999Z"));
    // "datetime_diff()" examples: calendar boundaries crossed (pitfall 10).
    QCOMPARE(db.eval("kql_datetime_diff('year', ?, ?)", dt("2017-01-01"), dt("2000-12-31")), L(17));
    QCOMPARE(db.eval("kql_datetime_diff('quarter', ?, ?)", dt("2017-07-01"), dt("2017-03-30")),
             L(2));
    QCOMPARE(db.eval("kql_datetime_diff('month', ?, ?)", dt("2017-01-01"), dt("2015-12-30")),
             L(13));
    QCOMPARE(db.eval("kql_datetime_diff('week', ?, ?)", dt("2017-10-29 00:00"),
                     dt("2017-09-30 23:59")),
             L(5));
    QCOMPARE(db.eval("kql_datetime_diff('day', ?, ?)", dt("2017-10-29 00:00"),
                     dt("2017-09-30 23:59")),
             L(29));
    QCOMPARE(db.eval("kql_datetime_diff('hour', ?, ?)", dt("2017-10-31 01:00"),
                     dt("2017-10-30 23:59")),
             L(2));
    QCOMPARE(db.eval("kql_datetime_diff('minute', ?, ?)", dt("2017-10-30 23:05:01"),
                     dt("2017-10-30 23:00:59")),
             L(5));
    QCOMPARE(db.eval("kql_datetime_diff('second', ?, ?)", dt("2017-10-30 23:00:10.100"),
                     dt("2017-10-30 23:00:00.900")),
             L(10));
    QCOMPARE(db.eval("kql_datetime_diff('millisecond', ?, ?)", dt("2017-10-30 23:00:00.200100"),
                     dt("2017-10-30 23:00:00.100900")),
             L(100));
    QCOMPARE(db.eval("kql_datetime_diff('microsecond', ?, ?)", dt("2017-10-30 23:00:00.1009001"),
                     dt("2017-10-30 23:00:00.1008009")),
             L(100));
    QCOMPARE(db.eval("kql_datetime_diff('nanosecond', ?, ?)", dt("2017-10-30 23:00:00.0000000"),
                     dt("2017-10-30 23:00:00.0000007")),
             L(-700));
    // "datetime_add()" examples.
    QCOMPARE(db.eval("kql_datetime_add('year', 1, ?)", dt("2017-01-01")), dtv("2018-01-01"));
    QCOMPARE(db.eval("kql_datetime_add('quarter', 1, ?)", dt("2017-01-01")), dtv("2017-04-01"));
    QCOMPARE(db.eval("kql_datetime_add('month', 1, ?)", dt("2017-01-01")), dtv("2017-02-01"));
    QCOMPARE(db.eval("kql_datetime_add('week', 1, ?)", dt("2017-01-01")), dtv("2017-01-08"));
    QCOMPARE(db.eval("kql_datetime_add('day', 1, ?)", dt("2017-01-01")), dtv("2017-01-02"));
    QCOMPARE(db.eval("kql_datetime_add('hour', 1, ?)", dt("2017-01-01")), dtv("2017-01-01 01:00"));
    QCOMPARE(db.eval("kql_datetime_add('year', 9000, ?)", dt("2017-01-01")), Null);
    // "datetime_part()" examples.
    const Ticks p = dt("2017-10-30 01:02:03.7654321");
    QCOMPARE(db.eval("kql_datetime_part('year', ?)", p), L(2017));
    QCOMPARE(db.eval("kql_datetime_part('quarter', ?)", p), L(4));
    QCOMPARE(db.eval("kql_datetime_part('month', ?)", p), L(10));
    QCOMPARE(db.eval("kql_datetime_part('weekOfYear', ?)", p), L(44));
    QCOMPARE(db.eval("kql_datetime_part('day', ?)", p), L(30));
    QCOMPARE(db.eval("kql_datetime_part('dayOfYear', ?)", p), L(303));
    QCOMPARE(db.eval("kql_datetime_part('hour', ?)", p), L(1));
    QCOMPARE(db.eval("kql_datetime_part('minute', ?)", p), L(2));
    QCOMPARE(db.eval("kql_datetime_part('second', ?)", p), L(3));
    QCOMPARE(db.eval("kql_datetime_part('millisecond', ?)", p), L(765));
    QCOMPARE(db.eval("kql_datetime_part('microsecond', ?)", p), L(765432));
    QCOMPARE(db.eval("kql_datetime_part('nanosecond', ?)", p), L(765432100));
    QCOMPARE(db.eval("kql_hourofday(?)", p), L(1));
    QCOMPARE(db.eval("kql_getmonth(?)", p), L(10));
    QCOMPARE(db.eval("kql_getyear(?)", p), L(2017));
    QCOMPARE(db.eval("kql_dayofmonth(?)", p), L(30));
    // Printing and parsing through SQL.
    QCOMPARE(db.eval("kql_format_datetime(?, ?)", dt("2017-01-29 09:00:05"), "yy-MM-dd [HH:mm:ss]"),
             T("17-01-29 [09:00:05]"));
    QCOMPARE(db.eval("kql_format_timespan(?, ?)", ts("29.09:00:05.12345"), "dd.hh:mm:ss:FF"),
             T("29.09:00:05:12"));
    QCOMPARE(db.eval("kql_tostring_datetime(?)", dt("2024-01-02 03:04:05.1234567")),
             T("2024-01-02T03:04:05.1234567Z"));
    QCOMPARE(db.eval("kql_tostring_timespan(?)", ts("1.02:03:04.5")), T("1.02:03:04.5000000"));
    QCOMPARE(db.eval("kql_todatetime(?)", "2015-12-31 23:59:59.9"), dtv("2015-12-31 23:59:59.9"));
    QCOMPARE(db.eval("kql_todatetime(?)", "not a date"), Null);
    QCOMPARE(db.eval("kql_totimespan(?)", "1.02:03:04.5"), L(ts("1.02:03:04.5").value));
    QCOMPARE(db.eval("kql_unixtime_seconds_todatetime(?)", 1546300800), dtv("2019-01-01"));
    QCOMPARE(db.eval("kql_unixtime_milliseconds_todatetime(?)", 1546300800123LL),
             dtv("2019-01-01 00:00:00.123"));
    QCOMPARE(db.eval("kql_make_datetime(2017, 10, 1, 12, 10)"), dtv("2017-10-01 12:10"));
}

void TestKqlFunctions::asOfClock()
{
    Db db;
    // Pitfall 10: now() comes from the connection's as-of clock, once per query.
    QVERIFY(setKqlNow(db.handle(), dt("2024-06-01 12:00").value));
    QCOMPARE(db.eval("kql_now()"), dtv("2024-06-01 12:00"));
    QCOMPARE(db.eval("kql_ago(?)", ts("7d")), dtv("2024-05-25 12:00"));
    QCOMPARE(db.eval("kql_now(?)", ts("-1h")), dtv("2024-06-01 11:00"));
    db.exec("CREATE TABLE t(x); WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM r WHERE "
            "i < 1000) INSERT INTO t SELECT i FROM r;");
    QCOMPARE(db.eval("count(DISTINCT kql_now()) FROM t"), L(1));
    QVERIFY(!setKqlNow(nullptr == db.handle() ? nullptr : [] {
        sqlite3 *bare = nullptr;
        sqlite3_open(":memory:", &bare);
        return bare;
    }(), 0));
}

void TestKqlFunctions::dynamicFunctions()
{
    Db db;
    // Pitfall 11: parse_json does not fail; invalid JSON is a dynamic string.
    QCOMPARE(db.eval("kql_parse_json(?)", "{ \"a\" : 1, \"b\":[true,null] }"),
             T("{\"a\":1,\"b\":[true,null]}"));
    QCOMPARE(db.eval("kql_parse_json(?)", "not json"), T("\"not json\""));
    QCOMPARE(db.eval("kql_tostring(kql_parse_json(?))", "not json"), T("not json"));
    QCOMPARE(db.eval("kql_parse_json(?)", "{\"b\":1,\"a\":2}"), T("{\"b\":1,\"a\":2}"));
    QCOMPARE(db.eval("kql_parse_json(?)", "12345678901234567"), T("12345678901234567"));
    // Pitfall 11: x.k, x['k'], x[i] never fail; a missing path is null; tostring drops quotes.
    const char *doc = "{\"User\":{\"Name\":\"alice\",\"Groups\":[\"a\",\"b\"]},\"Port\":443}";
    QCOMPARE(db.eval("kql_dyn_get(?, 'User', 'Name')", doc), T("\"alice\""));
    QCOMPARE(db.eval("kql_tostring(kql_dyn_get(?, 'User', 'Name'))", doc), T("alice"));
    QCOMPARE(db.eval("kql_dyn_get(?, 'User', 'Groups', 1)", doc), T("\"b\""));
    QCOMPARE(db.eval("kql_dyn_get(?, 'User', 'Groups', -1)", doc), T("\"b\""));
    QCOMPARE(db.eval("kql_dyn_get(?, 'User')", doc),
             T("{\"Name\":\"alice\",\"Groups\":[\"a\",\"b\"]}"));
    QCOMPARE(db.eval("kql_dyn_get(?, 'Nope', 'Name')", doc), Null);
    QCOMPARE(db.eval("kql_dyn_get(?, 'Port', 0)", doc), Null);
    QCOMPARE(db.eval("kql_tostring(?)", nullptr), T(""));
    QCOMPARE(db.eval("kql_toint(kql_dyn_get(?, 'Port'))", doc), L(443));
    QCOMPARE(db.eval("kql_gettype(kql_dyn_get(?, 'User'))", doc), T("dictionary"));
    QCOMPARE(db.eval("kql_gettype(kql_dyn_get(?, 'Port'))", doc), T("long"));
    QCOMPARE(db.eval("kql_gettype(kql_dyn_get(?, 'x'))", doc), T("null"));
    // Arrays: "array_length()", "array_slice()", "array_index_of()", "array_concat()".
    QCOMPARE(db.eval("kql_array_length(?)", "[1,2,3]"), L(3));
    QCOMPARE(db.eval("kql_array_length(?)", "{}"), Null);
    QCOMPARE(db.eval("kql_array_slice(?, 1, 2)", "[1,2,3]"), T("[2,3]"));
    QCOMPARE(db.eval("kql_array_slice(?, -3, -2)", "[1,2,3,4,5]"), T("[3,4]"));
    QCOMPARE(db.eval("kql_array_slice(?, 2, 10)", "[1,2,3,4,5]"), T("[3,4,5]"));
    QCOMPARE(db.eval("kql_array_index_of(?, ?)", "[1,2,3]", 2), L(1));
    QCOMPARE(db.eval("kql_array_index_of(?, ?)", "[\"a\",\"b\"]", "c"), L(-1));
    QCOMPARE(db.eval("kql_array_concat(?, ?)", "[1,2]", "[3]"), T("[1,2,3]"));
    // Sets: "set_union()", "set_intersect()", "set_difference()", "set_has_element()".
    QCOMPARE(db.eval("kql_set_union(?, ?)", "[1,2,3]", "[2,3,4]"), T("[1,2,3,4]"));
    QCOMPARE(db.eval("kql_set_intersect(?, ?)", "[1,2,3]", "[2,3,4]"), T("[2,3]"));
    QCOMPARE(db.eval("kql_set_difference(?, ?)", "[1,2,3]", "[2,3,4]"), T("[1]"));
    QCOMPARE(db.eval("kql_set_has_element(?, ?)", "[\"this\",\"is\"]", "is"), L(1));
    // "jaccard_index()" example.
    QCOMPARE(db.eval("kql_jaccard_index(?, ?)", "[1,1,2,2,3,3]", "[1,2,3,4,4,4]"), QVariant(0.75));
    // Bags: "bag_merge()" keeps the leftmost value of a repeated key; "bag_pack()", "bag_keys()".
    QCOMPARE(db.eval("kql_bag_merge(?, ?)", "{\"A1\":12,\"B1\":2,\"C1\":3}",
                     "{\"A2\":81,\"B2\":82,\"A1\":1}"),
             T("{\"A1\":12,\"B1\":2,\"C1\":3,\"A2\":81,\"B2\":82}"));
    QCOMPARE(db.eval("kql_bag_pack('Level', 'Information', 'ProcessID', 1234, 'Data', kql_dyn(?))",
                     "[1,2]"),
             T("{\"Level\":\"Information\",\"ProcessID\":1234,\"Data\":[1,2]}"));
    QCOMPARE(db.eval("kql_bag_keys(?)", "{\"a\":1,\"b\":{\"c\":2}}"), T("[\"a\",\"b\"]"));
    // "pack_array()" with typed values: a datetime and a bool go in as Kusto puts them.
    QCOMPARE(db.eval("kql_pack_array(1, 'x', kql_datetime_json(?), kql_bool_json(1), NULL)",
                     dt("2024-01-02")),
             T("[1,\"x\",\"2024-01-02T00:00:00.0000000Z\",true,null]"));
    // "strcat_array()", "extract_json()".
    QCOMPARE(db.eval("kql_strcat_array(?, ?)", "[1,2,3]", "->"), T("1->2->3"));
    QCOMPARE(db.eval("kql_extract_json(?, ?)", "$.hosts[1].AvailableMB",
                     "{\"hosts\":[{\"AvailableMB\":5},{\"AvailableMB\":7}]}"),
             T("7"));
    QCOMPARE(db.eval("kql_extract_json(?, ?)", "$['a']", "{\"a\":\"text\"}"), T("text"));
}

void TestKqlFunctions::conversions()
{
    Db db;
    // Pitfall 17: failed conversions are null, not errors.
    QCOMPARE(db.eval("kql_toint(?)", "123"), L(123));
    QCOMPARE(db.eval("kql_toint(?)", "abc"), Null);
    QCOMPARE(db.eval("kql_toint(?)", 2.9), L(2));
    QCOMPARE(db.eval("kql_tolong(?)", " 42 "), L(42));
    QCOMPARE(db.eval("kql_todouble(?)", "1.5"), QVariant(1.5));
    QCOMPARE(db.eval("kql_todouble(?)", "x1"), Null);
    QCOMPARE(db.eval("kql_tobool(?)", "TRUE"), L(1));
    QCOMPARE(db.eval("kql_tobool(?)", "false"), L(0));
    QCOMPARE(db.eval("kql_tobool(?)", "yes"), Null);
    QCOMPARE(db.eval("kql_tobool(?)", 123), L(1));
    QCOMPARE(db.eval("kql_tostring(?)", 1.0), T("1"));
    QCOMPARE(db.eval("kql_tostring(?)", 1.5), T("1.5"));
    QCOMPARE(db.eval("kql_tostring(?)", 1e20), T("1E+20"));
    QCOMPARE(db.eval("kql_tostring(?)", 0.00001), T("1E-05"));
    QCOMPARE(db.eval("kql_tostring(?)", 0.0001), T("0.0001"));
    QCOMPARE(db.eval("kql_tostring(?)", 123), T("123"));
    QCOMPARE(db.eval("kql_tostring(kql_dyn(?))", "{\"a\":[1, 2]}"), T("{\"a\":[1,2]}"));
}

void TestKqlFunctions::mathAndArithmetic()
{
    Db db;
    // "Numerical operators": modulo is never negative.
    QCOMPARE(db.eval("kql_modulo(14, 12)"), L(2));
    QCOMPARE(db.eval("kql_modulo(-14, 12)"), L(10));
    QCOMPARE(db.eval("kql_modulo(14, -12)"), L(2));
    QCOMPARE(db.eval("kql_modulo(-14, -12)"), L(10));
    // Integer division truncates (pitfall 17); "1 / 2" is 0, "1.0 / 2" is 0.5.
    QCOMPARE(db.eval("kql_divide(1, 2)"), L(0));
    QCOMPARE(db.eval("kql_divide(-7, 2)"), L(-3));
    QCOMPARE(db.eval("kql_divide(1.0, 2)"), QVariant(0.5));
    QCOMPARE(db.eval("kql_divide(1.0, 0)"), QVariant(std::numeric_limits<double>::infinity()));
    QCOMPARE(db.eval("kql_divide(1, 0)"), Null);
    // Longs wrap around instead of turning into reals as SQLite's + does.
    QCOMPARE(db.eval("kql_add(9223372036854775807, 1)"), L(std::numeric_limits<qint64>::min()));
    QCOMPARE(db.eval("kql_divide(-9223372036854775808, -1)"),
             L(std::numeric_limits<qint64>::min()));
    // "round()" examples: half away from zero, negative precision.
    QCOMPARE(db.eval("kql_round(2.98765, 3)"), QVariant(2.988));
    QCOMPARE(db.eval("kql_round(2.15, 1)"), QVariant(2.2));
    QCOMPARE(db.eval("kql_round(2.15)"), QVariant(2.0));
    QCOMPARE(db.eval("kql_round(-50.55, -2)"), QVariant(-100.0));
    QCOMPARE(db.eval("kql_round(21.5, -1)"), QVariant(20.0));
    QCOMPARE(db.eval("kql_abs(-5)"), L(5));
    QCOMPARE(db.eval("kql_ceiling(1.1)"), QVariant(2.0));
    QCOMPARE(db.eval("kql_pow(2, 10)"), QVariant(1024.0));
    QCOMPARE(db.eval("kql_log10(1000)"), QVariant(3.0));
    QCOMPARE(db.eval("kql_sqrt(-1)"), Null); // NaN: SQLite keeps it as NULL
    QCOMPARE(db.eval("kql_binary_and(6, 3)"), L(2));
    QCOMPARE(db.eval("kql_binary_or(6, 3)"), L(7));
    QCOMPARE(db.eval("kql_binary_xor(6, 3)"), L(5));
    QCOMPARE(db.eval("kql_binary_not(0)"), L(-1));
    QCOMPARE(db.eval("kql_binary_shift_left(1, 2)"), L(4));
    QCOMPARE(db.eval("kql_binary_shift_right(16, 2)"), L(4));
    const double r = db.eval("kql_rand()").toDouble();
    QVERIFY(r >= 0 && r < 1);
    QCOMPARE(db.eval("kql_new_guid()").toString().size(), 36);
    // "format_bytes()" examples.
    QCOMPARE(db.eval("kql_format_bytes(564)"), T("564 Bytes"));
    QCOMPARE(db.eval("kql_format_bytes(10332, 1)"), T("10.1 KB"));
    QCOMPARE(db.eval("kql_format_bytes(20010332)"), T("19 MB"));
    QCOMPARE(db.eval("kql_format_bytes(20010332, 2)"), T("19.08 MB"));
    QCOMPARE(db.eval("kql_format_bytes(20010332, 0, 'KB')"), T("19541 KB"));
    // "hash_sha256()", "hash_md5()" examples (the digests of "World").
    QCOMPARE(db.eval("kql_hash_sha256('World')"),
             T("78ae647dc5544d227130a0682a51e30bc7777fbb6d8a8f17007463a3ecd1d524"));
    QCOMPARE(db.eval("kql_hash_md5('World')"), T("f5a7924e621e84c9280a9a27e1bcb7f6"));
}

void TestKqlFunctions::ipFunctions()
{
    Db db;
    // "ipv4_is_private()", "ipv4_is_in_range()", "ipv4_compare()", "parse_ipv4()",
    // "ipv6_compare()" examples.
    QCOMPARE(db.eval("kql_ipv4_is_private('192.168.1.1/24')"), L(1));
    QCOMPARE(db.eval("kql_ipv4_is_private('10.1.2.3/24')"), L(1));
    QCOMPARE(db.eval("kql_ipv4_is_private('172.16.0.1')"), L(1));
    QCOMPARE(db.eval("kql_ipv4_is_private('202.1.2.3')"), L(0));
    QCOMPARE(db.eval("kql_ipv4_is_private('127.0.0.1')"), L(0));
    QCOMPARE(db.eval("kql_ipv4_is_private('not an ip')"), Null);
    QCOMPARE(db.eval("kql_ipv4_is_in_range('192.168.1.1', '192.168.2.1/16')"), L(1));
    QCOMPARE(db.eval("kql_ipv4_is_in_range('192.168.1.1', '192.168.2.1/24')"), L(0));
    QCOMPARE(db.eval("kql_ipv4_compare('127.0.0.1', '127.0.0.1')"), L(0));
    QCOMPARE(db.eval("kql_ipv4_compare('192.168.1.1', '192.168.1.255')"), L(-1));
    QCOMPARE(db.eval("kql_ipv4_compare('192.168.1.1/24', '192.168.1.255/24')"), L(0));
    QCOMPARE(db.eval("kql_ipv4_compare('192.168.1.1', '192.168.1.255', 24)"), L(0));
    QCOMPARE(db.eval("kql_ipv4_is_match('192.168.1.1', '192.168.1.255', 24)"), L(1));
    QCOMPARE(db.eval("kql_parse_ipv4('127.0.0.1')"), L(2130706433));
    QCOMPARE(db.eval("kql_parse_ipv4('192.1.168.1')"), L(3221334017));
    QCOMPARE(db.eval("kql_parse_ipv4('192.1.168.1/24')"), L(3221334016));
    QCOMPARE(db.eval("kql_parse_ipv4('256.1.1.1')"), Null);
    QCOMPARE(db.eval("kql_ipv6_compare('::ffff:7f00:1', '127.0.0.1')"), L(0));
    QCOMPARE(db.eval("kql_ipv6_compare('fe80::85d:e82c:9446:7994', 'fe80::85d:e82c:9446:7995')"),
             L(-1));
    QCOMPARE(db.eval("kql_ipv6_compare('fe80::85d:e82c:9446:7994/127', "
                     "'fe80::85d:e82c:9446:7995/127')"),
             L(0));
    QCOMPARE(db.eval("kql_ipv6_compare('fe80::85d:e82c:9446:7994', 'fe80::85d:e82c:9446:7995', "
                     "127)"),
             L(0));
}

void TestKqlFunctions::encodersAndParsers()
{
    Db db;
    // "url_encode()", "url_decode()", "base64_encode_tostring()", "base64_decode_tostring()".
    QCOMPARE(db.eval("kql_url_encode(?)", "https://www.bing.com/"),
             T("https%3a%2f%2fwww.bing.com%2f"));
    QCOMPARE(db.eval("kql_url_decode(?)", "https%3a%2f%2fwww.bing.com%2f"),
             T("https://www.bing.com/"));
    QCOMPARE(db.eval("kql_base64_encode_tostring(?)", "Kusto"), T("S3VzdG8="));
    QCOMPARE(db.eval("kql_base64_decode_tostring(?)", "S3VzdG8="), T("Kusto"));
    // "StringСтрочка" in UTF-8, base64-encoded by RFC 4648.
    QCOMPARE(db.eval("kql_base64_decode_tostring(?)", "U3RyaW5n0KHRgtGA0L7Rh9C60LA="),
             T("String\xd0\xa1\xd1\x82\xd1\x80\xd0\xbe\xd1\x87\xd0\xba\xd0\xb0"));
    QCOMPARE(db.eval("kql_base64_decode_tostring(?)", "//79"), Null); // not UTF-8
    QCOMPARE(db.eval("kql_base64_decode_tostring(?)", "***"), Null);
    // "parse_url()" example.
    QCOMPARE(db.eval("kql_parse_url(?)",
                     "scheme://username:password@host:1234/this/is/a/path?k1=v1&k2=v2#fragment"),
             T("{\"Scheme\":\"scheme\",\"Host\":\"host\",\"Port\":\"1234\",\"Path\":\"/this/is/a/"
               "path\","
               "\"Username\":\"username\",\"Password\":\"password\",\"Query "
               "Parameters\":{\"k1\":\"v1\",\"k2\":\"v2\"},"
               "\"Fragment\":\"fragment\"}"));
    // "parse_path()" examples.
    QCOMPARE(
            db.eval("kql_parse_path(?)", "C:\\temp\\file.txt"),
            T("{\"Scheme\":\"\",\"RootPath\":\"C:\",\"DirectoryPath\":\"C:\\\\temp\","
              "\"DirectoryName\":\"temp\","
              "\"Filename\":\"file.txt\",\"Extension\":\"txt\",\"AlternateDataStreamName\":\"\"}"));
    QCOMPARE(db.eval("kql_parse_path(?)", "\\\\shared\\users\\temp\\file.txt.gz"),
             T("{\"Scheme\":\"\",\"RootPath\":\"\",\"DirectoryPath\":"
               "\"\\\\\\\\shared\\\\users\\\\temp\",\"DirectoryName\":\"temp\","
               "\"Filename\":\"file.txt.gz\",\"Extension\":\"gz\",\"AlternateDataStreamName\":"
               "\"\"}"));
    QCOMPARE(
            db.eval("kql_parse_path(?)", "/usr/lib/temp/file.txt"),
            T("{\"Scheme\":\"\",\"RootPath\":\"\",\"DirectoryPath\":\"/usr/lib/"
              "temp\",\"DirectoryName\":\"temp\","
              "\"Filename\":\"file.txt\",\"Extension\":\"txt\",\"AlternateDataStreamName\":\"\"}"));
    QCOMPARE(db.eval("kql_parse_path(?)", "file://C:/temp/file.txt:some_stream"),
             T("{\"Scheme\":\"file\",\"RootPath\":\"C:\",\"DirectoryPath\":\"C:/"
               "temp\",\"DirectoryName\":\"temp\","
               "\"Filename\":\"file.txt\",\"Extension\":\"txt\",\"AlternateDataStreamName\":\"some_"
               "stream\"}"));
    // "parse_command_line()": Windows (CommandLineToArgvW) rules.
    QCOMPARE(db.eval("kql_parse_command_line(?, 'windows')", "echo \"hello world!\""),
             T("[\"echo\",\"hello world!\"]"));
    QCOMPARE(db.eval("kql_parse_command_line(?, 'windows')",
                     "\"C:\\Program Files\\a.exe\" -x \"a\\\"b\" c\\\\\"d e\""),
             T("[\"C:\\\\Program Files\\\\a.exe\",\"-x\",\"a\\\"b\",\"c\\\\d e\"]"));
    QVERIFY(db.eval("kql_parse_command_line('a', 'linux')").toString().startsWith(u"error:"));
    // "parse_csv()" example: quotes, escaped quotes and a quoted line break.
    QCOMPARE(db.eval("kql_parse_csv(?)",
                     "aa,\"b,b,b\",cc,\"Escaping quotes: \"\"Title\"\"\",\"line1\nline2\""),
             T("[\"aa\",\"b,b,b\",\"cc\",\"Escaping quotes: \\\"Title\\\"\",\"line1\\nline2\"]"));
}

void TestKqlFunctions::aggregates()
{
    Db db;
    db.exec("CREATE TABLE e(k TEXT, v, s TEXT, d TEXT);"
            "INSERT INTO e VALUES ('a', 1, 'x', '{\"p\":1}'), ('a', 5, 'y', '{\"q\":2}'), ('a', 3, "
            "'x', '{\"p\":9}'),"
            "('b', NULL, 'z', NULL), ('b', 7, '', '[1]'), ('a', 5, 'w', NULL);");
    QCOMPARE(db.eval("kql_countif(v > 2) FROM e"), L(4));
    QCOMPARE(db.eval("kql_countif(v > 100) FROM e"), L(0));
    QCOMPARE(db.eval("kql_dcount(s) FROM e"), L(5));
    QCOMPARE(db.eval("kql_dcount(v) FROM e"), L(4));
    QCOMPARE(db.eval("kql_dcountif(s, k = 'a') FROM e"), L(3));
    QCOMPARE(db.eval("kql_sumif(v, k = 'a') FROM e"), L(14));
    QCOMPARE(db.eval("kql_sum(v) FROM e WHERE 0"), Null);
    QCOMPARE(db.eval("kql_avgif(v, k = 'a') FROM e"), QVariant(3.5));
    QCOMPARE(db.eval("kql_minif(v, k = 'a') FROM e"), L(1));
    QCOMPARE(db.eval("kql_maxif(s, k = 'a') FROM e"), T("y"));
    // arg_max: the row of the greatest key; the first of tied rows, the same for each call.
    QCOMPARE(db.eval("kql_arg_max(v, s) FROM e WHERE k = 'a'"), T("y"));
    QCOMPARE(db.eval("kql_arg_min(v, s) FROM e WHERE k = 'a'"), T("x"));
    QCOMPARE(db.eval("kql_arg_max(v, kql_pack_array(s, v)) FROM e WHERE k = 'a'"), T("[\"y\",5]"));
    // Keys all null: the first row (Microsoft's arg_max page, its Banana group).
    QCOMPARE(db.eval("kql_arg_max(v, s) FROM e WHERE v IS NULL"), T("z"));
    QCOMPARE(db.eval("kql_arg_min(v, s) FROM e WHERE v IS NULL"), T("z"));
    QCOMPARE(db.eval("kql_arg_max(v, s) FROM e WHERE 0"), Null);
    QCOMPARE(db.eval("kql_take_any(v) FROM e WHERE k = 'b'"), L(7));
    // make_set (pitfall 18): distinct, no nulls, first appearance order, a maximum size.
    QCOMPARE(db.eval("kql_make_set(s) FROM e"), T("[\"x\",\"y\",\"z\",\"\",\"w\"]"));
    QCOMPARE(db.eval("kql_make_set(v, 2) FROM e"), T("[1,5]"));
    QCOMPARE(db.eval("kql_make_set_if(s, k = 'b') FROM e"), T("[\"z\",\"\"]"));
    QCOMPARE(db.eval("kql_make_list(v) FROM e"), T("[1,5,3,7,5]"));
    QCOMPARE(db.eval("kql_make_list_if(s, v > 4) FROM e"), T("[\"y\",\"\",\"w\"]"));
    QCOMPARE(db.eval("kql_make_list(v) FROM e WHERE 0"), T("[]"));
    QCOMPARE(db.eval("kql_make_bag(d) FROM e"), T("{\"p\":1,\"q\":2}"));
    QCOMPARE(db.eval("kql_make_set(kql_dyn(d)) FROM e WHERE d LIKE '[%'"), T("[1]"));
    // Nearest-rank percentile over the exact values.
    db.exec("CREATE TABLE n(x); WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM r WHERE "
            "i < 10) INSERT INTO n SELECT i FROM r;");
    QCOMPARE(db.eval("kql_percentile(x, 50) FROM n"), L(5));
    QCOMPARE(db.eval("kql_percentile(x, 95) FROM n"), L(10));
    QCOMPARE(db.eval("kql_percentile(x, 0) FROM n"), L(1));
    QCOMPARE(db.eval("kql_percentiles_array(x, 10, 50, 100) FROM n"), T("[1,5,10]"));
    // Sample and population variance of 1..10: 9.1666… and 8.25.
    QCOMPARE(db.eval("round(kql_variance(x), 6) FROM n"), QVariant(9.166667));
    QCOMPARE(db.eval("kql_variancep(x) FROM n"), QVariant(8.25));
    QCOMPARE(db.eval("round(kql_stdev(x) * kql_stdev(x), 6) FROM n"), QVariant(9.166667));
    QCOMPARE(db.eval("kql_stdev(x) FROM n WHERE x = 3"), QVariant(0.0));
    // With GROUP BY, as the compiler uses them.
    QCOMPARE(db.eval("group_concat(c, ',') FROM (SELECT k || ':' || kql_countif(v >= 5) AS c FROM "
                     "e GROUP BY k ORDER BY k)"),
             T("a:2,b:1"));
}

void TestKqlFunctions::hostileInputs()
{
    Db db;
    // Invalid UTF-8 never crashes and reads as U+FFFD.
    const QByteArray bad("abc\xff\xfe\xc3", 6);
    QCOMPARE(db.eval("kql_strlen(?)", bad), L(6));
    QCOMPARE(db.eval("kql_has(?, ?)", bad, "abc"), L(1));
    QCOMPARE(db.eval("kql_toupper(?)", bad), T("ABC\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"));
    QCOMPARE(db.eval("kql_parse_json(?)", bad).toString().startsWith(u'"'), true);
    // Control characters round-trip through JSON escapes.
    QCOMPARE(db.eval("kql_pack_array(?)", QByteArray("a\x01\"\n", 4)), T("[\"a\\u0001\\\"\\n\"]"));
    // A 10 MB string.
    const QByteArray big(qsizetype(10) * 1024 * 1024, 'a');
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(db.eval("kql_strlen(?)", big), L(big.size()));
    QCOMPARE(db.eval("kql_has(?, ?)", big + " needle", "needle"), L(1));
    QCOMPARE(db.eval("kql_contains(?, ?)", big, "b"), L(0));
    QCOMPARE(db.eval("kql_matches_regex(?, ?)", big, "a+b"), L(0));
    QCOMPARE(db.eval("length(kql_toupper(?))", big), L(big.size()));
    QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
    // Catastrophic backtracking in a backtracking engine; RE2 is linear, so this is instant.
    const QByteArray evil = QByteArray(100000, 'a') + '!';
    timer.restart();
    QCOMPARE(db.eval("kql_matches_regex(?, ?)", evil, "^(a+)+$"), L(0));
    QCOMPARE(db.eval("kql_matches_regex(?, ?)", evil, "(a|aa)*b"), L(0));
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    // Deep JSON: past the nesting limit it is not JSON (a string), never a stack overflow.
    const QByteArray deep = QByteArray(100000, '[') + QByteArray(100000, ']');
    QCOMPARE(db.eval("kql_array_length(?)", deep), Null);
    QCOMPARE(db.eval("kql_gettype(kql_parse_json(?))", deep), T("string"));
    const QByteArray fine = QByteArray(200, '[') + QByteArray(200, ']');
    QCOMPARE(db.eval("kql_array_length(?)", fine), L(1));
    // NaN, infinities and huge numbers.
    QCOMPARE(db.eval("kql_tolong(?)", 1e300), Null);
    QCOMPARE(db.eval("kql_toint(?)", "99999999999"), Null);
    QCOMPARE(db.eval("kql_tolong(?)", "99999999999999999999"), Null);
    QCOMPARE(db.eval("kql_todouble(?)", "1e999"),
             QVariant(std::numeric_limits<double>::infinity()));
    QCOMPARE(db.eval("kql_parse_json(?)", "1e999"), T("\"Infinity\""));
    QCOMPARE(db.eval("kql_bin(?, ?)", 1e300, 1.0), QVariant(1e300));
    // The bin below the smallest long does not exist: null, not a wrapped value.
    QCOMPARE(db.eval("kql_bin(?, ?)", std::numeric_limits<qint64>::min(), 7), Null);
    QCOMPARE(db.eval("kql_datetime_add('day', ?, ?)", std::numeric_limits<qint64>::max(),
                     dt("2024-01-01")),
             Null);
    QCOMPARE(db.eval("kql_startofday(?)", -5), Null);
    QCOMPARE(db.eval("kql_tostring_datetime(?)", std::numeric_limits<qint64>::max()), T(""));
    QCOMPARE(db.eval("kql_format_datetime(?, ?)", -1, "yyyy"), T(""));
    QCOMPARE(db.eval("kql_strrep('ab', 1000000000)").toString().size(), 2048);
    // Markup and SQL-looking text are plain data.
    QCOMPARE(db.eval("kql_has(?, ?)", "<script>alert('x')</script>", "script"), L(1));
    QCOMPARE(db.eval("kql_strcat(?, ?)", "'; DROP TABLE e; --", "x"), T("'; DROP TABLE e; --x"));
}

void TestKqlFunctions::parseXml()
{
    Db db;
    // Microsoft's parse_xml page, its conversion table row by row.
    QCOMPARE(db.eval("kql_parse_xml(?)", "<e/>"), T("{\"e\":null}"));
    QCOMPARE(db.eval("kql_parse_xml(?)", "<e>text</e>"), T("{\"e\":\"text\"}"));
    QCOMPARE(db.eval("kql_parse_xml(?)", "<e name=\"value\" />"),
             T("{\"e\":{\"@name\":\"value\"}}"));
    QCOMPARE(db.eval("kql_parse_xml(?)", "<e name=\"value\">text</e>"),
             T("{\"e\":{\"@name\":\"value\",\"#text\":\"text\"}}"));
    QCOMPARE(db.eval("kql_parse_xml(?)", "<e> <a>text</a> <b>text</b> </e>"),
             T("{\"e\":{\"a\":\"text\",\"b\":\"text\"}}"));
    QCOMPARE(db.eval("kql_parse_xml(?)", "<e> <a>text</a> <a>text</a> </e>"),
             T("{\"e\":{\"a\":[\"text\",\"text\"]}}"));
    QCOMPARE(db.eval("kql_parse_xml(?)", "<e> text <a>text</a> </e>"),
             T("{\"e\":{\"#text\":\"text\",\"a\":\"text\"}}"));
    // The page's example: the declaration is skipped, the numbers are numbers.
    const char *metrics = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<duration>\n"
                          "    <value>118.0</value>\n    <count>5.0</count>\n"
                          "    <min>100.0</min>\n    <max>150.0</max>\n    <stdDev>0.0</stdDev>\n"
                          "    <sampledValue>118.0</sampledValue>\n    <sum>118.0</sum>\n"
                          "</duration>";
    QCOMPARE(db.eval("kql_parse_xml(?)", metrics),
             T("{\"duration\":{\"value\":118.0,\"count\":5.0,\"min\":100.0,\"max\":150.0,"
               "\"stdDev\":0.0,\"sampledValue\":118.0,\"sum\":118.0}}"));
    QCOMPARE(db.eval("kql_gettype(kql_dyn_get(kql_parse_xml(?), 'duration', 'value'))", metrics),
             T("real"));
    // A repeated element between others becomes an array where it first appears; texts that
    // are not exactly JSON numbers stay strings; attributes stay strings.
    QCOMPARE(db.eval("kql_parse_xml(?)",
                     "<r id=\"7\"><a>1</a><b>0123</b><a>x</a><c>-1.5e3</c><a/></r>"),
             T("{\"r\":{\"@id\":\"7\",\"a\":[1,\"x\",null],\"b\":\"0123\",\"c\":-1500.0}}"));
    // Entities of XML itself, names and xmlns attributes as written, comments and processing
    // instructions skipped, CDATA sections skipped (not text nodes).
    QCOMPARE(db.eval("kql_parse_xml(?)", "<x:a xmlns:x=\"urn:v\">a &amp; b&#65;</x:a>"),
             T("{\"x:a\":{\"@xmlns:x\":\"urn:v\",\"#text\":\"a & bA\"}}"));
    QCOMPARE(db.eval("kql_parse_xml(?)", "<a><!-- c --><?pi x?>t</a>"), T("{\"a\":\"t\"}"));
    QCOMPARE(db.eval("kql_parse_xml(?)", "<a><![CDATA[<b>]]></a>"), T("{\"a\":null}"));
    // Windows' event XML, as hunting queries read it.
    QCOMPARE(db.eval("kql_parse_xml(?)", "<EventData><Data Name=\"LogonType\">3</Data>"
                                         "<Data Name=\"TargetUserName\">bob</Data></EventData>"),
             T("{\"EventData\":{\"Data\":[{\"@Name\":\"LogonType\",\"#text\":3},"
               "{\"@Name\":\"TargetUserName\",\"#text\":\"bob\"}]}}"));
}

void TestKqlFunctions::parseXmlHostile()
{
    Db db;
    // Invalid XML gives null (the page), never an error.
    for (const char *bad : {"", "<a>", "<a></b>", "<a/><b/>", "text", "<a>\x01</a>", "<a b=1/>",
                            "<a>&undeclared;</a>"})
        QCOMPARE(db.eval("kql_parse_xml(?)", bad), Null);
    // Invalid UTF-8 reads as U+FFFD, as everywhere in the engine.
    QCOMPARE(db.eval("kql_parse_xml(?)", "<a>\xff</a>"), T("{\"a\":\"\xef\xbf\xbd\"}"));
    QCOMPARE(db.eval("kql_parse_xml(NULL)"), Null);
    // A document type declaration is refused: no entity is expanded (billion laughs), no
    // external entity is read.
    const char *laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                         "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                         "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
                         "<lolz>&lol3;</lolz>";
    QCOMPARE(db.eval("kql_parse_xml(?)", laughs), Null);
    QCOMPARE(db.eval("kql_parse_xml(?)",
                     "<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>"),
             Null);
    QCOMPARE(db.eval("kql_parse_xml(?)", "<!DOCTYPE a><a/>"), Null);
    // 1 MB (1,048,576 bytes) is the page's limit: at it the document is read, past it null.
    QByteArray atLimit = "<a>" + QByteArray(1048576 - 7, 'x') + "</a>";
    QCOMPARE(atLimit.size(), 1048576);
    QCOMPARE(db.eval("length(kql_parse_xml(?))", atLimit), L(1048576 - 7 + 8));
    QCOMPARE(db.eval("kql_parse_xml(?)", atLimit.insert(3, 'x')), Null);
    // Deep nesting: 100 levels are read, deeper is null (never a stack overflow).
    auto nested = [](int depth) -> QByteArray {
        QByteArray open, close;
        for (int i = 0; i < depth; ++i) {
            open += "<n>";
            close += "</n>";
        }
        return open + close;
    };
    QVERIFY(!db.eval("kql_parse_xml(?)", nested(100)).isNull());
    QCOMPARE(db.eval("kql_parse_xml(?)", nested(101)), Null);
    QCOMPARE(db.eval("kql_parse_xml(?)", nested(200000).left(1048576)), Null);
    // Many siblings of one name: one array.
    QByteArray many = "<r>";
    for (int i = 0; i < 20000; ++i)
        many += "<i>1</i>";
    many += "</r>";
    QCOMPARE(db.eval("kql_array_length(kql_dyn_get(kql_parse_xml(?), 'r', 'i'))", many), L(20000));
    // As many differently named children as fit in 1 MB: one bag member each.
    QByteArray names = "<r>";
    for (int i = 0; names.size() < 1048576 - 16; ++i)
        names += "<a" + QByteArray::number(i) + "/>";
    names += "</r>";
    const int count = int(names.count("/>"));
    QCOMPARE(db.eval("kql_array_length(kql_bag_keys(kql_dyn_get(kql_parse_xml(?), 'r')))", names),
             L(count));
    // Quotes and control characters that XML allows come out escaped in the JSON.
    QCOMPARE(db.eval("kql_parse_xml(?)", "<a q='\"'>x&#9;\\y</a>"),
             T("{\"a\":{\"@q\":\"\\\"\",\"#text\":\"x\\t\\\\y\"}}"));
}

void TestKqlFunctions::dynamicToJson()
{
    Db db;
    // Microsoft's dynamic_to_json page: its two bags give the same text, keys sorted at every
    // level.
    const char *bag1 = "{\"Y10\":{},\"X8\":{\"c3\":1,\"d8\":5,\"a4\":6},\"D1\":114,\"A1\":12,"
                       "\"B1\":2,\"C1\":3,\"A14\":[15,13,18]}";
    const char *bag2 = "{\"X8\":{\"a4\":6,\"c3\":1,\"d8\":5},\"A14\":[15,13,18],\"C1\":3,"
                       "\"B1\":2,\"Y10\":{},\"A1\":12,\"D1\":114}";
    const QVariant expected = T("{\"A1\":12,\"A14\":[15,13,18],\"B1\":2,\"C1\":3,\"D1\":114,"
                                "\"X8\":{\"a4\":6,\"c3\":1,\"d8\":5},\"Y10\":{}}");
    QCOMPARE(db.eval("kql_dynamic_to_json(kql_parse_json(?))", bag1), expected);
    QCOMPARE(db.eval("kql_dynamic_to_json(kql_parse_json(?))", bag2), expected);
    // Arrays keep their order; bags inside arrays are sorted too; strings are JSON strings.
    QCOMPARE(db.eval("kql_dynamic_to_json(kql_parse_json(?))",
                     "[\"b\",{\"y\":1.5,\"x\":\"q\\\"r\",\"B\":null},[true,2]]"),
             T("[\"b\",{\"B\":null,\"x\":\"q\\\"r\",\"y\":1.5},[true,2]]"));
    // Ordinal order: upper case before lower case, by code point.
    QCOMPARE(db.eval("kql_dynamic_to_json(kql_parse_json(?))", "{\"b\":1,\"a\":2,\"B\":3,\"é\":4}"),
             T("{\"B\":3,\"a\":2,\"b\":1,\"é\":4}"));
    // A scalar: as tostring() writes it.
    QCOMPARE(db.eval("kql_dynamic_to_json(kql_parse_json(?))", "\"text\""), T("text"));
    QCOMPARE(db.eval("kql_dynamic_to_json(kql_parse_json(?))", "12"), T("12"));
    QCOMPARE(db.eval("kql_dynamic_to_json(NULL)"), T(""));
    // A repeated key keeps its first place and takes the later value, in a small bag and in a
    // large one (looked up by hash); 200,000 keys parse in one pass.
    QCOMPARE(db.eval("kql_parse_json(?)", "{\"a\":1,\"b\":2,\"a\":3}"), T("{\"a\":3,\"b\":2}"));
    QByteArray bag = "{";
    for (int i = 0; i < 20; ++i)
        bag += "\"k" + QByteArray::number(i) + "\":" + QByteArray::number(i) + ",";
    bag += "\"k3\":\"x\",\"k19\":null}";
    QCOMPARE(db.eval("kql_dyn_get(kql_parse_json(?), 'k3')", bag), T("\"x\""));
    QCOMPARE(db.eval("kql_array_index_of(kql_bag_keys(kql_parse_json(?)), 'k3')", bag), L(3));
    QCOMPARE(db.eval("kql_array_length(kql_bag_keys(kql_parse_json(?)))", bag), L(20));
    QByteArray wide = "{";
    for (int i = 0; i < 200000; ++i)
        wide += "\"k" + QByteArray::number(i) + "\":1,";
    wide += "\"k0\":2}";
    QCOMPARE(db.eval("kql_array_length(kql_bag_keys(kql_parse_json(?)))", wide), L(200000));
}

void TestKqlFunctions::parseKv()
{
    Db db;
    auto kv = [&db](const char *text, const char *spec) {
        return db.eval("kql_parse_kv(?, ?)", text, spec);
    };
    // Microsoft's parse-kv page, example by example (values as the page's outputs show them).
    QCOMPARE(kv("ThreadId:458745723, Machine:Node001, Text: The service is up, Level: Info",
                R"({"mode":"delimited","pair":",","kv":":","keys":["Text","ThreadId","Machine"]})"),
             T(R"({"ThreadId":"458745723","Machine":"Node001","Text":"The service is up"})"));
    const char *quoted = R"({"mode":"delimited","pair":" ","kv":"=","quotes":["\""],)"
                         R"("keys":["event time","src","dst","bytes","failure"]})";
    QCOMPARE(kv("src=10.1.1.123 dst=10.1.1.124 bytes=125 failure=\"connection aborted\" \"event "
                "time\"=2021-01-01T10:00:54",
                quoted),
             T(R"({"src":"10.1.1.123","dst":"10.1.1.124","bytes":"125",)"
               R"("failure":"connection aborted","event time":"2021-01-01T10:00:54"})"));
    QCOMPARE(kv("src=10.1.1.123 dst=10.1.1.124 bytes=125 failure=(connection aborted) (event "
                "time)=(2021-01-01 10:00:54)",
                R"x({"mode":"delimited","pair":" ","kv":"=","quotes":["()"],)x"
                R"("keys":["event time","src","dst","bytes","failure"]})"),
             T(R"({"src":"10.1.1.123","dst":"10.1.1.124","bytes":"125",)"
               R"("failure":"connection aborted","event time":"2021-01-01 10:00:54"})"));
    QCOMPARE(
            kv(R"(src=10.1.1.123 dst=10.1.1.124 bytes=125 failure="the remote host sent \"bye!\"" time=2021-01-01T10:00:54)",
               R"({"mode":"delimited","pair":" ","kv":"=","quotes":["\""],"escapes":["\\"],)"
               R"("keys":["time","src","dst","bytes","failure"]})"),
            T(R"({"src":"10.1.1.123","dst":"10.1.1.124","bytes":"125",)"
              R"("failure":"the remote host sent \"bye!\"","time":"2021-01-01T10:00:54"})"));
    const char *greedyText = "name=John Doe phone=555 5555 city=New York";
    QCOMPARE(kv(greedyText,
                R"({"mode":"delimited","pair":" ","kv":"=","keys":["name","phone","city"]})"),
             T(R"({"name":"John","phone":"555","city":"New"})"));
    QCOMPARE(kv(greedyText, R"({"mode":"delimited","pair":" ","kv":"=","greedy":true,)"
                            R"("keys":["name","phone","city"]})"),
             T(R"({"name":"John Doe","phone":"555 5555","city":"New York"})"));
    QCOMPARE(kv("2021-01-01T10:00:34 [INFO] ThreadId:458745723, Machine:Node001, Text: Started",
                R"({"mode":"words","keys":["Text","ThreadId","Machine"]})"),
             T(R"({"ThreadId":"458745723","Machine":"Node001","Text":"Started"})"));
    QCOMPARE(
            kv(R"(2021-01-01T10:00:34 [INFO] ThreadId:458745723, Machine:Node001, Text: 'The service \' is up')",
               R"({"mode":"words","quotes":["'"],"escapes":["\\"],)"
               R"("keys":["Text","ThreadId","Machine"]})"),
            T(R"({"ThreadId":"458745723","Machine":"Node001","Text":"The service ' is up"})"));
    QCOMPARE(
            kv(R"(["referer url: https://hostname.com/redirect?dest=/?h=1234", "request url: https://hostname.com/?h=1234", "advertiser id: 24fefbca-cf27-4d62-a623-249c2ad30c73"])",
               R"({"mode":"regex","regex":"\"([\\w ]+)\\s*:\\s*([^\"]*)\"",)"
               R"("keys":["referer url","request url","advertiser id"]})"),
            T(R"({"referer url":"https://hostname.com/redirect?dest=/?h=1234",)"
              R"("request url":"https://hostname.com/?h=1234",)"
              R"("advertiser id":"24fefbca-cf27-4d62-a623-249c2ad30c73"})"));
    // Only the listed keys; the first appearance wins; blanks around keys and values ignored;
    // multi-character delimiters.
    QCOMPARE(kv(" a = 1 ;; b=2;; a=3;;c = 4 ",
                R"({"mode":"delimited","pair":";;","kv":"=","keys":["a","c"]})"),
             T(R"({"a":"1","c":"4"})"));
    QCOMPARE(kv("", R"({"mode":"words","keys":["a"]})"), T("{}"));
    // The regex must have exactly two groups: an error that says so.
    QVERIFY(kv("a=1", R"({"mode":"regex","regex":"(a)=1","keys":["a"]})")
                    .toString()
                    .contains(QLatin1String("exactly two capturing groups")));
}

void TestKqlFunctions::parseKvHostile()
{
    Db db;
    const char *delimited = R"({"mode":"delimited","pair":" ","kv":"=","quotes":["\""],)"
                            R"("escapes":["\\"],"keys":["a","b"]})";
    // An unterminated quote, a dangling escape, a key without a value, control characters,
    // invalid UTF-8: no error, the pairs that are there.
    QCOMPARE(db.eval("kql_parse_kv(?, ?)", "a=\"open b=2", delimited), T(R"({"a":"open b=2"})"));
    QCOMPARE(db.eval("kql_parse_kv(?, ?)", "a=\"x\\", delimited), T(R"({"a":"x\\"})"));
    QCOMPARE(db.eval("kql_parse_kv(?, ?)", "a= b=", delimited), T(R"({"a":"","b":""})"));
    QCOMPARE(db.eval("kql_parse_kv(?, ?)", QByteArray("a=\x01\xff b=2", 8), delimited),
             T("{\"a\":\"\\u0001\xef\xbf\xbd\",\"b\":\"2\"}"));
    // 4 MB without a kv_delimiter (and with a million pair delimiters), and as many pairs, in
    // every mode: one pass over the text, each.
    const QByteArray words = QByteArray("x ").repeated(qsizetype(2) * 1024 * 1024);
    QCOMPARE(db.eval("kql_parse_kv(?, ?)", words, delimited), T("{}"));
    QCOMPARE(db.eval("kql_parse_kv(?, ?)", words + "b=1",
                     R"({"mode":"delimited","pair":" ","kv":"=","greedy":true,"keys":["b"]})"),
             T(R"({"b":"1"})"));
    QCOMPARE(db.eval("kql_parse_kv(?, ?)", "a=" + words + "b=1",
                     R"({"mode":"delimited","pair":" ","kv":"=","greedy":true,"keys":["a"]})")
                     .toString()
                     .size(),
             qsizetype(words.size() - 1 + 8));
    QCOMPARE(db.eval("kql_parse_kv(?, ?)", words + "b 1", R"({"mode":"words","keys":["b"]})"),
             T(R"({"b":"1"})"));
    QCOMPARE(db.eval("kql_parse_kv(?, ?)",
                     QByteArray("k=v ").repeated(qsizetype(1024) * 1024) + "a=1", delimited),
             T(R"({"a":"1"})"));
}

QTEST_APPLESS_MAIN(TestKqlFunctions)
#include "tst_kqlfunctions.moc"
