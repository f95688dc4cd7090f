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

/**
 * The query in the file at path ("-": standard input) for --file. Reads no more than the
 * longest query could take as UTF-8, so that a device or a huge file given by mistake is
 * refused at once instead of read into memory without end. The error says what went wrong.
 */
Result<QString> readQueryFile(const QString &path);

/**
 * The first line of standard input, for the --*-stdin options that take a secret: at most
 * 64 KB are read, so that input without a line break (a device, a file given by mistake) is
 * refused at once instead of read without end.
 */
Result<QString> readSecretLine();

/** The --format option every listing command reads. */
void addFormatOption(QCommandLineParser &parser);

/**
 * Text from the service made safe for a terminal: C0 controls (tab and line breaks included)
 * and DEL become their visible control pictures (ESC is shown as U+241B), C1 controls and the
 * bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) become U+FFFD,
 * so that no title can move the cursor, retitle the window, draw a link or reverse a line.
 * keepLineBreaks leaves '\n' alone (for messages, not table cells).
 */
QString terminalSafe(const QString &text, bool keepLineBreaks = false);

/**
 * Writes a text table: columns padded to their widest cell plus two spaces, the last column
 * unpadded so long titles do not drag trailing blanks. Every cell goes through terminalSafe().
 */
void writeTable(const QStringList &headers, const QList<QStringList> &rows);

} // namespace Vigil::Ctl
