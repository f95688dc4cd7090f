#pragma once
// A query run by the local KQL engine as the KQL tests read it: the columns as "Name:type", each
// row's cells as cellText() writes them, and why it did not run. CHECK_ROWS and CHECK_REFUSED
// expect a member run(query) that returns a KqlRunResult.
#include "huntingrunner.h"
#include "kqlcells.h"

#include <QByteArrayList>
#include <QDir>
#include <QFile>
#include <QList>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace Vigil::Kql {

struct KqlRunResult
{
    QStringList columns;
    QList<QByteArrayList> rows;
    QString failure;
    RowSchema schema;
};

inline KqlRunResult runKql(HuntingRunner &runner, const QString &query)
{
    QList<HuntingRow> raw;
    const HuntingResult r = runner.run(query, {}, [&raw](const QList<HuntingRow> &page) {
        raw.append(page);
        return true;
    });
    KqlRunResult result;
    result.schema = r.columns;
    for (const Column &c : r.columns)
        result.columns.append(c.name + QLatin1Char(':') + kqlTypeName(c.type));
    for (const HuntingRow &row : std::as_const(raw)) {
        QByteArrayList cells;
        for (qsizetype i = 0; i < row.size(); ++i)
            cells.append(cellText(row[i], r.columns.value(i).type));
        result.rows.append(cells);
    }
    if (r.status == HuntingResult::Status::Refused)
        result.failure = r.refusal.message;
    else if (r.status != HuntingResult::Status::Ok)
        result.failure = r.error;
    return result;
}

/** A query run on the events database at db, its rows as the runner gives them. */
struct KqlRawRun
{
    QStringList columns; ///< names only
    QList<HuntingRow> rows;
    QString failure;
};

inline KqlRawRun runKqlRaw(const QString &db, const QString &query)
{
    KqlRawRun out;
    HuntingRunner runner(db);
    QString error;
    if (!runner.open(&error)) {
        out.failure = error;
        return out;
    }
    const HuntingResult result = runner.run(query, {}, [&out](const QList<HuntingRow> &page) {
        out.rows += page;
        return true;
    });
    if (result.status != HuntingResult::Status::Ok)
        out.failure = result.error.isEmpty() ? result.refusal.message : result.error;
    for (const Column &c : result.columns)
        out.columns.append(c.name);
    return out;
}

/**
 * Imports a file of streaming-format lines into a new events database in dataDir with vigilctl
 * (the path a user's import takes). Gives the database's path, or an empty one with why in error.
 */
inline QString importEvents(const QString &vigilctl, const QString &dataDir, const QString &file,
                            QString *error)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("VIGIL_DATA_DIR"), dataDir);
    process.setProcessEnvironment(env);
    process.start(vigilctl, {QStringLiteral("import"), file});
    if (!process.waitForFinished(60000)) {
        *error = QStringLiteral("vigilctl import did not finish");
        return {};
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = QStringLiteral("vigilctl import exited with %1: %2")
                         .arg(process.exitCode())
                         .arg(QString::fromUtf8(process.readAllStandardError()));
        return {};
    }
    const QString db = QDir(dataDir).filePath(QStringLiteral("events.sqlite"));
    if (!QFile::exists(db)) {
        *error = QStringLiteral("vigilctl import made no %1").arg(db);
        return {};
    }
    return db;
}

} // namespace Vigil::Kql

#define CHECK_ROWS(query, expected) \
    do { \
        const Vigil::Kql::KqlRunResult got_ = run(query); \
        QVERIFY2(got_.failure.isEmpty(), qPrintable(got_.failure)); \
        QCOMPARE(got_.rows, QList<QByteArrayList>(expected)); \
    } while (false)

#define CHECK_REFUSED(query, words) \
    do { \
        const Vigil::Kql::KqlRunResult got_ = run(query); \
        QVERIFY2(got_.failure.contains(QLatin1String(words)), \
                 qPrintable(QStringLiteral("%1 => %2").arg(query, got_.failure))); \
    } while (false)
