// `vigilctl import`, `tables list`, `retention set`, `tables collect` as a user runs them: real
// files (JSON lines, gzip, the portal's CSV), hostile lines, and a process killed mid-import.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <zlib.h>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

QByteArray processLine(int i)
{
    return QByteArrayLiteral(R"({"time":"2024-03-26T09:40:00Z","tenantId":"t","operationName":)"
                             R"("Publish","category":"AdvancedHunting-DeviceProcessEvents",)"
                             R"("properties":{"Timestamp":"2024-03-26T09:39:50.)")
           + QByteArray::number(1000000 + i % 9000000) + R"(Z","DeviceId":"dev)"
           + QByteArray::number(i % 97) + R"(","DeviceName":"host.contoso.com","ReportId":)"
           + QByteArray::number(i)
           + R"(,"FileName":"powershell.exe","ProcessCommandLine":"powershell -enc AAAA"}})";
}

/** content in gzip framing, as `gzip` writes it. */
QByteArray gzipped(QByteArray content)
{
    QByteArray packed(int(compressBound(uLong(content.size()))) + 64, Qt::Uninitialized);
    z_stream z{};
    deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    z.next_in = reinterpret_cast<Bytef *>(content.data());
    z.avail_in = uInt(content.size());
    z.next_out = reinterpret_cast<Bytef *>(packed.data());
    z.avail_out = uInt(packed.size());
    const int rc = deflate(&z, Z_FINISH);
    packed.resize(qsizetype(z.total_out));
    deflateEnd(&z);
    return rc == Z_STREAM_END ? packed : QByteArray();
}

/** What zlib itself gets out of gzip data before it ends or breaks. */
QByteArray gunzippedPrefix(QByteArray packed)
{
    QByteArray out;
    z_stream z{};
    inflateInit2(&z, 16 + MAX_WBITS);
    z.next_in = reinterpret_cast<Bytef *>(packed.data());
    z.avail_in = uInt(packed.size());
    int rc = Z_OK;
    while (rc == Z_OK) {
        char buffer[65536];
        z.next_out = reinterpret_cast<Bytef *>(buffer);
        z.avail_out = sizeof buffer;
        rc = inflate(&z, Z_NO_FLUSH);
        out.append(buffer, qsizetype(sizeof buffer - z.avail_out));
    }
    inflateEnd(&z);
    return out;
}

/** Counts rows of the events database directly, as another reader would. */
qint64 countRows(const QString &path, const QString &sql)
{
    qint64 n = -1;
    {
        QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("count"));
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                n = q.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("count"));
    return n;
}

} // namespace

class TestEventImport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_data;

    QString file(const QString &name, const QByteArray &content)
    {
        QString path = m_dir.filePath(name);
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(content);
        return path;
    }
    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("VIGIL_DATA_DIR"), m_data);
        env.remove(QStringLiteral("AZURE_CLIENT_SECRET"));
        return env;
    }
    Run vigilctl(const QStringList &args)
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(QStringLiteral(VIGILCTL_PATH), args);
        process.waitForFinished(120000);
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                process.readAllStandardOutput(), process.readAllStandardError()};
    }
    QString events() const { return QDir(m_data).filePath(QStringLiteral("events.sqlite")); }

private Q_SLOTS:
    void init() { m_data = m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction())); }

    void importsJsonLinesOnce()
    {
        QByteArray content;
        for (int i = 0; i < 500; ++i)
            content += processLine(i) + '\n';
        content += "{not json\n";
        content += R"({"records":[{"category":"AdvancedHunting-AlertInfo","properties":)"
                   "{\"AlertId\":\"a1\",\"Title\":\"\\u001b]0;pwned\\u0007 \\u202e\"}},"
                   "{\"category\":\"AdvancedHunting-DeviceInfo\",\"properties\":{\"OSBuild\":"
                   "\"\\u001b[2J\"}}]}";
        const QString path = file(QStringLiteral("events.json"), content);

        Run first = vigilctl({QStringLiteral("import"), path, QStringLiteral("--format"),
                              QStringLiteral("json")});
        QCOMPARE(first.exitCode, 0);
        const QJsonObject summary = QJsonDocument::fromJson(first.out).object();
        QCOMPARE(summary[QStringLiteral("rows")].toInt(), 501);
        QCOMPARE(summary[QStringLiteral("inserted")][QStringLiteral("DeviceProcessEvents")].toInt(),
                 500);
        QCOMPARE(summary[QStringLiteral("rejected")].toInt(), 2);
        const QJsonArray rejections = summary[QStringLiteral("rejections")].toArray();
        QCOMPARE(rejections.at(0)[QStringLiteral("line")].toInt(), 501);
        QCOMPARE(rejections.at(1)[QStringLiteral("line")].toInt(), 502);
        QCOMPARE(rejections.at(1)[QStringLiteral("table")].toString(),
                 QStringLiteral("DeviceInfo"));
        QVERIFY(summary[QStringLiteral("complete")].toBool());

        // Again, as text: nothing new, and nothing from the file reaches the terminal raw.
        Run again = vigilctl({QStringLiteral("import"), path});
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.contains("Duplicates skipped: 501"), again.out.constData());
        QVERIFY(again.out.contains("Lines rejected: 2"));
        QVERIFY(again.out.contains("line 502: OSBuild: expected long"));
        QVERIFY(!again.out.contains('\x1b'));
        QCOMPARE(countRows(events(), QStringLiteral("SELECT COUNT(*) FROM DeviceProcessEvents")),
                 500);
        QCOMPARE(countRows(events(), QStringLiteral("SELECT COUNT(*) FROM AlertInfo")), 1);
    }

    void hugeLines()
    {
        // A 10 MB field is stored whole; a line over 64 MiB is skipped, named and the rest read.
        QByteArray content = processLine(1) + '\n';
        content += "{\"category\":\"AdvancedHunting-AlertInfo\",\"properties\":{\"AlertId\":"
                   "\"big\",\"Title\":\""
                   + QByteArray(qsizetype(10) * 1000 * 1000, 'x') + "\"}}\n";
        content += "{\"junk\":\"" + QByteArray(qsizetype(65) * 1024 * 1024, 'y') + "\"}\n";
        content += processLine(2) + '\n';
        const QString path = file(QStringLiteral("huge.json"), content);
        content.clear();
        Run run = vigilctl({QStringLiteral("import"), path, QStringLiteral("--format"),
                            QStringLiteral("json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject summary = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(summary[QStringLiteral("rows")].toInt(), 3);
        QCOMPARE(summary[QStringLiteral("rejected")].toInt(), 1);
        const QJsonObject rejection
                = summary[QStringLiteral("rejections")].toArray().first().toObject();
        QCOMPARE(rejection[QStringLiteral("line")].toInt(), 3);
        QVERIFY(rejection[QStringLiteral("reason")].toString().contains(QStringLiteral("64 MiB")));
        QCOMPARE(countRows(events(), QStringLiteral("SELECT length(Title) FROM AlertInfo")),
                 10 * 1000 * 1000);
    }

    void gzipAndCsv()
    {
        QByteArray content;
        for (int i = 0; i < 300; ++i)
            content += processLine(i) + '\n';
        const QByteArray packed = gzipped(content);
        const QString gz = file(QStringLiteral("events.json.gz"), packed);
        Run run = vigilctl(
                {QStringLiteral("import"), gz, QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(run.out).object()[QStringLiteral("rows")].toInt(), 300);
        const QString truncated
                = file(QStringLiteral("cut.json.gz"), packed.left(packed.size() / 2));
        Run cut = vigilctl({QStringLiteral("import"), truncated});
        QCOMPARE(cut.exitCode, 1);
        QVERIFY2(cut.err.contains("truncated"), cut.err.constData());

        const QString csv
                = file(QStringLiteral("export.csv"),
                       "\xEF\xBB\xBFTimestamp,AlertId,Title,Severity,Extra\r\n"
                       "\"3/26/2024 9:39:50 AM\",a1,\"two\nlines, \"\"quoted\"\"\",High,x\r\n"
                       "2024-03-26T09:39:50.1234567Z,a2,=cmd(),Low,\r\n"
                       "yesterday,a3,t,Low,\r\n");
        Run noTable = vigilctl({QStringLiteral("import"), csv});
        QCOMPARE(noTable.exitCode, 1);
        QVERIFY(noTable.err.contains("--table"));
        Run imported = vigilctl({QStringLiteral("import"), csv, QStringLiteral("--table"),
                                 QStringLiteral("AlertInfo")});
        QCOMPARE(imported.exitCode, 0);
        QVERIFY2(imported.out.contains("AlertInfo  2"), imported.out.constData());
        QVERIFY(imported.out.contains("line 5: Timestamp: expected datetime"));
        QCOMPARE(countRows(events(), QStringLiteral("SELECT COUNT(*) FROM AlertInfo WHERE Title "
                                                    "= 'two\nlines, \"quoted\"' AND _vigil_extra "
                                                    "= '{\"Extra\":\"x\"}'")),
                 1);
        Run unknown = vigilctl({QStringLiteral("import"), csv, QStringLiteral("--table"),
                                QStringLiteral("NoSuchTable")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY(unknown.err.contains("NoSuchTable"));

        // Two columns of one name: neither value is guessed, nothing is stored, the message
        // says which. Empty names (a trailing comma) are no such clash.
        const auto alertInfoRows = [this] {
            return countRows(events(), QStringLiteral("SELECT COUNT(*) FROM AlertInfo"));
        };
        const auto importAlertInfo = [this](const QString &name, const QByteArray &text) {
            return vigilctl({QStringLiteral("import"), file(name, text), QStringLiteral("--table"),
                             QStringLiteral("AlertInfo")});
        };
        const qint64 before = alertInfoRows();
        Run clash = importAlertInfo(QStringLiteral("twice.csv"),
                                    "Timestamp,AlertId,Title,AlertId,,\r\n"
                                    "2024-03-26T09:39:50Z,a8,t,a9,,\r\n");
        QCOMPARE(clash.exitCode, 1);
        QVERIFY2(clash.err.contains("names the column AlertId twice (columns 2 and 4)"),
                 clash.err.constData());
        QCOMPARE(alertInfoRows(), before);
        Run kept = importAlertInfo(QStringLiteral("trailing.csv"),
                                   "Timestamp,AlertId,Title,,\r\n2024-03-26T09:39:50Z,a8,t,,\r\n");
        QCOMPARE(kept.exitCode, 0);
        QCOMPARE(alertInfoRows(), before + 1);
    }

    void aCutGzipKeepsTheLinesBeforeTheCut()
    {
        QByteArray content;
        for (int i = 0; i < 3000; ++i)
            content += processLine(5000 + i) + '\n';
        const QByteArray packed = gzipped(content);
        QVERIFY(!packed.isEmpty());
        const QByteArray cut = packed.left(packed.size() * 2 / 3);
        const QByteArray readable = gunzippedPrefix(cut);
        const qint64 complete = readable.count('\n');
        QVERIFY2(complete > 100 && complete < 3000, qPrintable(QString::number(complete)));
        QVERIFY(!readable.endsWith('\n')); // so the cut line is there to be reported

        const QString path = file(QStringLiteral("cut.json.gz"), cut);
        Run run = vigilctl({QStringLiteral("import"), path, QStringLiteral("--format"),
                            QStringLiteral("json")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("stopped after") && run.err.contains("truncated"),
                 run.err.constData());
        const QJsonObject summary = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(summary[QStringLiteral("rows")].toInteger(), complete);
        QCOMPARE(summary[QStringLiteral("complete")].toBool(true), false);
        QVERIFY(summary[QStringLiteral("error")].toString().contains(QStringLiteral("truncated")));
        QCOMPARE(summary[QStringLiteral("rejected")].toInteger(), 1);
        const QJsonObject rejection
                = summary[QStringLiteral("rejections")].toArray().first().toObject();
        QCOMPARE(rejection[QStringLiteral("line")].toInteger(), complete + 1);
        QVERIFY(rejection[QStringLiteral("reason")].toString().contains(
                QStringLiteral("ends inside this line")));
        QCOMPARE(countRows(events(), QStringLiteral("SELECT COUNT(*) FROM DeviceProcessEvents")),
                 complete);
        QCOMPARE(countRows(events(), QStringLiteral("SELECT MAX(ReportId) FROM "
                                                    "DeviceProcessEvents")),
                 5000 + complete - 1);

        // The whole file afterwards adds exactly the rest.
        Run whole
                = vigilctl({QStringLiteral("import"), file(QStringLiteral("whole.json.gz"), packed),
                            QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(whole.exitCode, 0);
        const QJsonObject rest = QJsonDocument::fromJson(whole.out).object();
        QCOMPARE(rest[QStringLiteral("rows")].toInteger(), 3000 - complete);
        QCOMPARE(rest[QStringLiteral("duplicates")].toInteger(), complete);

        // Data that is broken from its first bytes gives nothing and says so, with the place.
        QByteArray broken = packed;
        for (qsizetype i = 10; i < 40; ++i)
            broken[i] = char(0xff);
        Run damaged = vigilctl(
                {QStringLiteral("import"), file(QStringLiteral("broken.json.gz"), broken)});
        QCOMPARE(damaged.exitCode, 1);
        QVERIFY2(damaged.err.contains("damaged near byte"), damaged.err.constData());
        QCOMPARE(countRows(events(), QStringLiteral("SELECT COUNT(*) FROM DeviceProcessEvents")),
                 3000);
    }

    void killedImportRerunsToExactlyOnce()
    {
        constexpr int total = 200000;
        QByteArray content;
        content.reserve(qsizetype(total) * 330);
        for (int i = 0; i < total; ++i)
            content += processLine(i) + '\n';
        const QString path = file(QStringLiteral("big.json"), content);

        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(QStringLiteral(VIGILCTL_PATH), {QStringLiteral("import"), path});
        QVERIFY(process.waitForStarted());
        // Kill it (SIGKILL) once some batches are committed and before the end.
        QTRY_VERIFY_WITH_TIMEOUT(
                countRows(events(), QStringLiteral("SELECT COUNT(*) FROM event_checkpoints")) > 0,
                60000);
        process.kill();
        QVERIFY(process.waitForFinished());
        const qint64 partial
                = countRows(events(), QStringLiteral("SELECT COUNT(*) FROM DeviceProcessEvents"));
        QVERIFY2(partial > 0 && partial < total, qPrintable(QString::number(partial)));
        // The checkpoint says exactly how far the committed rows go.
        const qint64 offset = countRows(events(), QStringLiteral("SELECT \"offset\" FROM "
                                                                 "event_checkpoints"));
        QCOMPARE(qint64(content.left(offset).count('\n')), partial);

        Run rerun = vigilctl({QStringLiteral("import"), path, QStringLiteral("--format"),
                              QStringLiteral("json")});
        QCOMPARE(rerun.exitCode, 0);
        const QJsonObject summary = QJsonDocument::fromJson(rerun.out).object();
        QCOMPARE(summary[QStringLiteral("rows")].toInteger(), total - partial);
        QCOMPARE(summary[QStringLiteral("duplicates")].toInteger(), partial);
        QCOMPARE(countRows(events(), QStringLiteral("SELECT COUNT(*) FROM DeviceProcessEvents")),
                 total);
        QCOMPARE(countRows(events(), QStringLiteral("SELECT COUNT(DISTINCT ReportId) FROM "
                                                    "DeviceProcessEvents")),
                 total);
    }

    void aFileThatIsNotADatabaseIsNamedAndLeftAlone()
    {
        QDir().mkpath(m_data);
        QByteArray junk;
        for (int i = 0; i < 100'000; ++i)
            junk += char((i * 7919 + 13) % 251);
        for (const auto &[name, command] :
             {std::pair{QStringLiteral("events.sqlite"),
                        QStringList{QStringLiteral("tables"), QStringLiteral("list")}},
              std::pair{QStringLiteral("vigil.sqlite"),
                        QStringList{QStringLiteral("incidents"), QStringLiteral("list")}}}) {
            const QString path = QDir(m_data).filePath(name);
            {
                QFile f(path);
                QVERIFY(f.open(QIODevice::WriteOnly));
                f.write(junk);
            }
            const Run run = vigilctl(command);
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.err.contains("is not a Vigil database, or it is damaged")
                             && run.err.contains(name.toUtf8())
                             && run.err.contains("move it aside"),
                     run.err.constData());
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll(), junk);
            QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
        }
    }

    void tablesAndSettings()
    {
        const QString path
                = file(QStringLiteral("few.json"), processLine(1) + '\n' + processLine(2));
        QCOMPARE(vigilctl({QStringLiteral("import"), path}).exitCode, 0);
        QCOMPARE(vigilctl({QStringLiteral("retention"), QStringLiteral("set"),
                           QStringLiteral("DeviceProcessEvents"), QStringLiteral("7")})
                         .exitCode,
                 0);
        QCOMPARE(vigilctl({QStringLiteral("retention"), QStringLiteral("set"),
                           QStringLiteral("AlertInfo"), QStringLiteral("unlimited")})
                         .exitCode,
                 0);
        QCOMPARE(vigilctl({QStringLiteral("retention"), QStringLiteral("set"),
                           QStringLiteral("AlertInfo"), QStringLiteral("0")})
                         .exitCode,
                 2);
        // A negative number of days is judged by the retention command, not taken for an option
        // or an incident number.
        Run negative = vigilctl({QStringLiteral("retention"), QStringLiteral("set"),
                                 QStringLiteral("AlertInfo"), QStringLiteral("-3")});
        QCOMPARE(negative.exitCode, 2);
        QVERIFY2(negative.err.contains("retention is a number of days"), negative.err.constData());
        QVERIFY2(negative.err.contains("'-3'"), negative.err.constData());
        QVERIFY(!negative.err.contains("incident number"));
        Run badTable = vigilctl({QStringLiteral("retention"), QStringLiteral("set"),
                                 QStringLiteral("Nope\x1b[31m"), QStringLiteral("7")});
        QCOMPARE(badTable.exitCode, 1);
        QVERIFY(!badTable.err.contains('\x1b'));
        QCOMPARE(vigilctl({QStringLiteral("tables"), QStringLiteral("collect"),
                           QStringLiteral("EmailEvents"), QStringLiteral("off")})
                         .exitCode,
                 0);

        Run list = vigilctl({QStringLiteral("tables"), QStringLiteral("list"),
                             QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(list.exitCode, 0);
        const QJsonArray tables = QJsonDocument::fromJson(list.out).array();
        QCOMPARE(tables.size(), 23);
        QJsonObject process, alert, email;
        for (const auto &t : tables) {
            const QString name = t[QStringLiteral("table")].toString();
            if (name == QLatin1String("DeviceProcessEvents"))
                process = t.toObject();
            else if (name == QLatin1String("AlertInfo"))
                alert = t.toObject();
            else if (name == QLatin1String("EmailEvents"))
                email = t.toObject();
        }
        QCOMPARE(process[QStringLiteral("rows")].toInt(), 2);
        QVERIFY(process[QStringLiteral("bytes")].toInteger() > 0);
        QCOMPARE(process[QStringLiteral("retentionDays")].toInt(), 7);
        QCOMPARE(process[QStringLiteral("oldest")].toString(),
                 QStringLiteral("2024-03-26T09:39:50.1000001Z"));
        QVERIFY(!process[QStringLiteral("lastIngest")].isNull());
        QVERIFY(alert[QStringLiteral("retentionDays")].isNull());
        QVERIFY(alert[QStringLiteral("oldest")].isNull());
        QCOMPARE(email[QStringLiteral("collect")].toBool(), false);
        for (const char *key : {"table", "rows", "bytes", "collect", "retentionDays", "oldest",
                                "newest", "lastIngest", "rejected"})
            QVERIFY2(process.contains(QLatin1String(key)), key);

        Run text = vigilctl({QStringLiteral("tables"), QStringLiteral("list")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("DeviceProcessEvents"));
        QVERIFY(text.out.contains("7 d ≈"));
        Run ninety = vigilctl({QStringLiteral("tables"), QStringLiteral("list"),
                               QStringLiteral("--format"), QStringLiteral("json"),
                               QStringLiteral("--days"), QStringLiteral("90")});
        QCOMPARE(ninety.exitCode, 0);
        for (const auto &t : QJsonDocument::fromJson(ninety.out).array()) {
            QCOMPARE(t[QStringLiteral("estimateDays")].toInt(), 90);
            if (t[QStringLiteral("table")].toString() == QLatin1String("DeviceProcessEvents")) {
                // Two rows on one day: 90 days of them at the measured bytes per row.
                const double perRow = t[QStringLiteral("bytesPerRow")].toDouble();
                QVERIFY(perRow > 100);
                QCOMPARE(t[QStringLiteral("estimateBytes")].toInteger(), qint64(perRow * 2 * 90));
            }
        }
        QCOMPARE(vigilctl({QStringLiteral("tables"), QStringLiteral("list"),
                           QStringLiteral("--days"), QStringLiteral("x")})
                         .exitCode,
                 2);
        QCOMPARE(vigilctl({QStringLiteral("retention"), QStringLiteral("run")}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestEventImport)
#include "tst_eventimport.moc"
