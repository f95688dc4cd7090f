#pragma once

#include "result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

class QCommandLineParser;

// What every vigilctl command writes with: the streams, the exit codes, the error words.
namespace Vigil::Ctl {

/** vigilctl's exit codes: scripts tell a bad command line (Usage) from a failed run. */
enum ExitCode { Ok = 0, Failed = 1, Usage = 2 };

/** Standard output and standard error, written through one stream each for the whole run. */
QTextStream &out();
QTextStream &err();

/** Writes "vigilctl: message" to standard error and answers the exit code to return. */
int fail(const QString &message, int code = Failed);

/** "TEXT is not an incident number: ..." for an operand that names no incident. */
QString notAnIncidentNumber(const QString &text);

/** An error in words that say what to check: credentials, permissions, network, --data-dir. */
QString describe(const Error &error);

/** The --format option every listing command reads. */
void addFormatOption(QCommandLineParser &parser);

/**
 * Writes a text table: columns padded to their widest cell plus two spaces, the last column
 * unpadded so long titles do not drag trailing blanks.
 */
void writeTable(const QStringList &headers, const QList<QStringList> &rows);

} // namespace Vigil::Ctl
