#pragma once
// What the hunting event benchmarks share: the DeviceProcessEvents records they ingest and the
// bare SQLite baseline they compare Vigil with (see docs/BENCHMARKS.md).

#include "eventrecord.h"
#include "eventrecordreader.h"
#include "sqlite/eventmigrations.h"
#include "sqlite/sqlitedialect.h"

#include <QByteArray>
#include <QFile>
#include <QStringList>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <string>
#include <tuple>
#include <variant>
#include <vector>

namespace Vigil::Bench {

/** Hex digits that look like a hash of (i, salt): every value distinct, no shared prefix. */
inline QByteArray hexHash(qint64 i, quint64 salt, int length)
{
    QByteArray hex;
    quint64 x = quint64(i) * 0x9E3779B97F4A7C15ULL + salt;
    while (hex.size() < length) {
        x ^= x >> 31;
        x *= 0xBF58476D1CE4E5B9ULL;
        x ^= x >> 29;
        hex += QByteArray::number(x | (1ULL << 60), 16);
    }
    return hex.left(length);
}

/** A realistic DeviceProcessEvents record: every column filled, about 1 KB as a JSON line. */
inline QByteArray processRecord(qint64 i)
{
    const QByteArray n = QByteArray::number(i);
    // One in 20 processes is a different binary: hashes repeat as they do on real devices.
    const QByteArray hash1 = hexHash(i % 5000, 1, 40);
    const QByteArray hash256 = hexHash(i % 5000, 2, 64);
    const QByteArray md5 = hexHash(i % 5000, 3, 32);
    const QByteArray time = "2024-03-"
                            + QByteArray::number(10 + (i / 864000) % 18).rightJustified(2, '0')
                            + "T" + QByteArray::number((i / 36000) % 24).rightJustified(2, '0')
                            + ":" + QByteArray::number((i / 600) % 60).rightJustified(2, '0') + ":"
                            + QByteArray::number((i / 10) % 60).rightJustified(2, '0') + "."
                            + QByteArray::number(i % 10000000).rightJustified(7, '0') + "Z";
    const QByteArray device = "dev" + QByteArray::number(i % 500);
    const QByteArray user = "user" + QByteArray::number(i % 300);
    QByteArray p;
    p.reserve(1400);
    p += "{\"time\":\"" + time
         + "\",\"tenantId\":\"4a1f7c3e-0d2b-4c8e-9f61-3b5e8a2d7c90\","
           "\"operationName\":\"Publish\",\"category\":\"AdvancedHunting-DeviceProcessEvents\","
           "\"properties\":{";
    p += "\"Timestamp\":\"" + time + "\",\"DeviceId\":\"" + device.rightJustified(40, '0')
         + "\",\"DeviceName\":\"" + device
         + ".corp.contoso.com\",\"ActionType\":"
           "\"ProcessCreated\",\"FileName\":\"powershell.exe\",\"FolderPath\":"
           "\"C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe\","
           "\"SHA1\":\""
         + hash1 + "\",\"SHA256\":\"" + hash256 + "\",\"MD5\":\"" + md5
         + "\",\"FileSize\":450560,\"ProcessVersionInfoCompanyName\":\"Microsoft "
           "Corporation\",\"ProcessVersionInfoProductName\":\"Microsoft Windows Operating "
           "System\",\"ProcessVersionInfoProductVersion\":\"10.0.19041.546\","
           "\"ProcessVersionInfoInternalFileName\":\"POWERSHELL\","
           "\"ProcessVersionInfoOriginalFileName\":\"PowerShell.EXE.MUI\","
           "\"ProcessVersionInfoFileDescription\":\"Windows PowerShell\",\"ProcessId\":"
         + QByteArray::number(1000 + i % 60000)
         + ",\"ProcessCommandLine\":\"powershell.exe -NoProfile -ExecutionPolicy Bypass -File "
           "C:\\\\ProgramData\\\\task"
         + n
         + ".ps1\",\"ProcessIntegrityLevel\":\"High\",\"ProcessTokenElevation\":"
           "\"TokenElevationTypeFull\",\"ProcessCreationTime\":\""
         + time + "\",\"AccountDomain\":\"contoso\",\"AccountName\":\"" + user
         + "\",\"AccountSid\":\"S-1-5-21-1004336348-1177238915-682003330-" + n
         + "\",\"AccountUpn\":\"" + user
         + "@contoso.com\",\"AccountObjectId\":"
           "\"7d3c1a2b-5e6f-4a8b-9c0d-1e2f3a4b5c6d\",\"LogonId\":"
         + QByteArray::number(999000 + i % 1000)
         + ",\"InitiatingProcessAccountDomain\":\"nt authority\","
           "\"InitiatingProcessAccountName\":\"system\",\"InitiatingProcessAccountSid\":"
           "\"S-1-5-18\",\"InitiatingProcessAccountUpn\":\"\",\"InitiatingProcessAccountObjectId\":"
           "\"\",\"InitiatingProcessLogonId\":999,\"InitiatingProcessIntegrityLevel\":\"System\","
           "\"InitiatingProcessTokenElevation\":\"TokenElevationTypeDefault\","
           "\"InitiatingProcessSHA1\":\""
         + hash1.left(20) + hash1.right(20) + "\",\"InitiatingProcessSHA256\":\"" + hash256
         + "\",\"InitiatingProcessMD5\":\"" + md5
         + "\",\"InitiatingProcessFileName\":\"svchost.exe\",\"InitiatingProcessFileSize\":"
           "55320,\"InitiatingProcessVersionInfoCompanyName\":\"Microsoft Corporation\","
           "\"InitiatingProcessVersionInfoProductName\":\"Microsoft Windows Operating System\","
           "\"InitiatingProcessVersionInfoProductVersion\":\"10.0.19041.1\","
           "\"InitiatingProcessVersionInfoInternalFileName\":\"svchost.exe\","
           "\"InitiatingProcessVersionInfoOriginalFileName\":\"svchost.exe\","
           "\"InitiatingProcessVersionInfoFileDescription\":\"Host Process for Windows "
           "Services\",\"InitiatingProcessId\":"
         + QByteArray::number(800 + i % 100)
         + ",\"InitiatingProcessCommandLine\":\"svchost.exe -k netsvcs -p -s Schedule\","
           "\"InitiatingProcessCreationTime\":\"2024-03-01T08:00:00.1234567Z\","
           "\"InitiatingProcessFolderPath\":\"c:\\\\windows\\\\system32\\\\svchost.exe\","
           "\"InitiatingProcessParentId\":712,\"InitiatingProcessParentFileName\":"
           "\"services.exe\",\"InitiatingProcessParentCreationTime\":"
           "\"2024-03-01T07:59:58.7654321Z\",\"InitiatingProcessSignerType\":\"OsVendor\","
           "\"InitiatingProcessSignatureStatus\":\"Valid\",\"ReportId\":"
         + n
         + ",\"AppGuardContainerId\":\"\",\"AdditionalFields\":\"{\\\"ProcessPosixSessionId\\\":"
           "0}\",\"InitiatingProcessSessionId\":0,\"IsInitiatingProcessRemoteSession\":false,"
           "\"InitiatingProcessRemoteSessionDeviceName\":\"\","
           "\"InitiatingProcessRemoteSessionIP\":\"\",\"CreatedProcessSessionId\":0,"
           "\"IsProcessRemoteSession\":false,\"ProcessRemoteSessionDeviceName\":\"\","
           "\"ProcessRemoteSessionIP\":\"\"}}";
    return p;
}

using Owned = std::variant<std::monostate, qint64, double, std::string>;

/** The storage settings a bare run uses (--explore tries others against Vigil's). */
struct BareSettings
{
    /** As the event store has them: auto_vacuum, set first, fixes a new file's page size. */
    QStringList firstPragmas = eventFirstPragmas();
    int cacheKiB = 0; ///< 0: the store's
    int autocheckpointPages = 0; ///< 0: the store's
    /** Each transaction's rows in (DeviceId, Timestamp, ReportId) order, as the event store
     *  inserts them. */
    bool sortByKey = true;
    QStringList skipIndexes; ///< search index columns left out
    QString label;
};

/** A bare SQLite database with the event tables' schema and Vigil's PRAGMAs. */
struct Bare
{
    sqlite3 *db = nullptr;
    BareSettings settings;
    explicit Bare(const QString &path, bool searchIndexes, bool create = true,
                  const BareSettings &with = {})
        : settings(with)
    {
        if (!create) {
            sqlite3_open(path.toUtf8().constData(), &db);
            return;
        }
        QFile::remove(path);
        QFile::remove(path + QStringLiteral("-wal"));
        QFile::remove(path + QStringLiteral("-shm"));
        sqlite3_open(path.toUtf8().constData(), &db);
        // The event store's own PRAGMAs in its order, then what this run changes.
        QStringList pragmas = settings.firstPragmas + SqliteDialect::writerPragmas();
        if (settings.cacheKiB > 0)
            pragmas.append(QStringLiteral("PRAGMA cache_size=-%1").arg(settings.cacheKiB));
        if (settings.autocheckpointPages > 0)
            pragmas.append(QStringLiteral("PRAGMA wal_autocheckpoint=%1")
                                   .arg(settings.autocheckpointPages));
        for (const QString &pragma : pragmas)
            exec(pragma.toUtf8().constData());
        const HuntingTable &table = *HuntingSchema::defender().table(u"DeviceProcessEvents");
        for (const QString &statement : eventTableStatements(table, searchIndexes)) {
            bool skipped = false;
            for (const QString &column : settings.skipIndexes)
                skipped = skipped || statement.contains(QStringLiteral("__%1\"").arg(column));
            if (!skipped)
                exec(statement.toUtf8().constData());
        }
    }
    ~Bare() { sqlite3_close(db); }
    void exec(const char *sql) const
    {
        char *error = nullptr;
        if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
            std::fprintf(stderr, "%s: %s\n", sql, error);
            sqlite3_free(error);
        }
    }
    qint64 scalar(const QString &sql) const
    {
        sqlite3_stmt *s = nullptr;
        sqlite3_prepare_v2(db, sql.toUtf8().constData(), -1, &s, nullptr);
        const qint64 value = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
        sqlite3_finalize(s);
        return value;
    }
    qint64 bytes() const
    {
        return scalar(QStringLiteral("SELECT SUM(pgsize) FROM dbstat WHERE aggregate = 1 AND name "
                                     "IN (SELECT name FROM sqlite_schema WHERE tbl_name = "
                                     "'DeviceProcessEvents')"));
    }
    /** Inserts rows in transactions of perTransaction rows; the last column is _vigil_ingested. */
    void insert(const std::vector<std::vector<Owned>> &rows, size_t perTransaction,
                qint64 ingestedStep = 0, qint64 ingestedStart = 0) const
    {
        const HuntingTable &table = *HuntingSchema::defender().table(u"DeviceProcessEvents");
        QStringList columns, marks;
        for (const HuntingColumn &column : table.columns)
            columns.append(quotedIdentifier(column.name));
        columns << QStringLiteral("_vigil_ingested") << QStringLiteral("_vigil_extra");
        for (qsizetype i = 0; i < columns.size(); ++i)
            marks.append(QStringLiteral("?"));
        sqlite3_stmt *s = nullptr;
        sqlite3_prepare_v3(db,
                           QStringLiteral("INSERT OR IGNORE INTO \"DeviceProcessEvents\" (%1) "
                                          "VALUES (%2)")
                                   .arg(columns.join(u','), marks.join(u','))
                                   .toUtf8()
                                   .constData(),
                           -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr);
        std::vector<size_t> order(rows.size());
        for (size_t r = 0; r < rows.size(); ++r)
            order[r] = r;
        if (settings.sortByKey) {
            const auto key = [&table](const char16_t *name) {
                return size_t(table.columnIndex(QStringView(name)));
            };
            const size_t device = key(u"DeviceId"), time = key(u"Timestamp"),
                         report = key(u"ReportId");
            for (size_t start = 0; start < rows.size(); start += perTransaction) {
                const auto end
                        = order.begin() + qsizetype(std::min(rows.size(), start + perTransaction));
                std::sort(order.begin() + qsizetype(start), end, [&](size_t a, size_t b) {
                    const auto &x = rows[a];
                    const auto &y = rows[b];
                    return std::tie(x[device], x[time], x[report])
                           < std::tie(y[device], y[time], y[report]);
                });
            }
        }
        for (size_t r = 0; r < rows.size(); ++r) {
            if (r % perTransaction == 0)
                exec("BEGIN IMMEDIATE");
            const std::vector<Owned> &row = rows[order[r]];
            int p = 1;
            for (const Owned &value : row) {
                if (const auto *i = std::get_if<qint64>(&value))
                    sqlite3_bind_int64(s, p, *i);
                else if (const auto *d = std::get_if<double>(&value))
                    sqlite3_bind_double(s, p, *d);
                else if (const auto *t = std::get_if<std::string>(&value))
                    sqlite3_bind_text(s, p, t->data(), int(t->size()), SQLITE_STATIC);
                else
                    sqlite3_bind_null(s, p);
                ++p;
            }
            sqlite3_bind_int64(s, p++, ingestedStart + qint64(r) * ingestedStep);
            sqlite3_bind_null(s, p++);
            sqlite3_step(s);
            sqlite3_reset(s);
            if (r % perTransaction == perTransaction - 1 || r + 1 == rows.size())
                exec("COMMIT");
        }
        sqlite3_finalize(s);
    }
};

/** The median of values (the mean of the middle two for an even count); 0 for none. */
inline double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 == 1 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

inline qint64 argument(const QStringList &args, const QString &name, qint64 fallback)
{
    const qsizetype i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args.at(i + 1).toLongLong() : fallback;
}

inline qint64 cpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

inline double perSecond(qint64 count, qint64 ns)
{
    return ns > 0 ? double(count) * 1e9 / double(ns) : 0;
}

/** The rows of JSON lines as the bare baseline binds them: converted by Vigil's own reader
 *  beforehand, so that the baseline times the inserts only. */
inline std::vector<std::vector<Owned>> ownedRows(const QByteArray &lines)
{
    std::vector<std::vector<Owned>> rows;
    EventRecordReader reader;
    qsizetype start = 0;
    while (start < lines.size()) {
        qsizetype end = lines.indexOf('\n', start);
        if (end < 0)
            end = lines.size();
        const std::string_view line(lines.constData() + start, size_t(end - start));
        start = end + 1;
        if (line.empty())
            continue;
        reader.readJsonLine(
                line, nullptr,
                [&rows](const EventRow &row) {
                    std::vector<Owned> owned;
                    owned.reserve(row.values.size());
                    for (const EventValue &v : row.values) {
                        switch (v.kind) {
                        case EventValue::Kind::Null:
                            owned.emplace_back(std::monostate());
                            break;
                        case EventValue::Kind::Integer:
                            owned.emplace_back(v.integer);
                            break;
                        case EventValue::Kind::Real:
                            owned.emplace_back(v.real);
                            break;
                        case EventValue::Kind::Text:
                            owned.emplace_back(std::string(v.text));
                            break;
                        }
                    }
                    rows.push_back(std::move(owned));
                },
                [](const HuntingTable *, const QString &) {});
    }
    return rows;
}

} // namespace Vigil::Bench
