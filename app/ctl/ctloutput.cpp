#include "ctloutput.h"

#include "binder.h"

#include <QCommandLineParser>
#include <QFile>

#include <algorithm>
#include <cstdio>

namespace Vigil::Ctl {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int fail(const QString &message, int code)
{
    // Error messages quote the service (and the command line): no escape sequence reaches the
    // terminal through them either.
    err() << "vigilctl: " << terminalSafe(message, true) << Qt::endl;
    return code;
}

Result<QString> readQueryFile(const QString &path)
{
    QFile file(path);
    const bool fromStdin = path == QLatin1String("-");
    const QString shown = fromStdin ? QStringLiteral("standard input") : path;
    const bool opened
            = fromStdin ? file.open(stdin, QIODevice::ReadOnly) : file.open(QIODevice::ReadOnly);
    if (!opened)
        return Error{
                Error::Kind::Config,
                0,
                {},
                QStringLiteral("cannot read the query from %1: %2").arg(shown, file.errorString()),
                {}};
    // A UTF-16 unit of the query is at most three bytes of UTF-8; one byte more than that
    // tells "too long" without reading the rest.
    constexpr qint64 maxBytes = 3 * qint64(Kql::kMaxQueryLength);
    QByteArray bytes;
    // A pipe hands its bytes on as they come: read on until the end or the limit.
    while (bytes.size() <= maxBytes) {
        const QByteArray chunk = file.read(maxBytes + 1 - bytes.size());
        if (chunk.isEmpty())
            break;
        bytes += chunk;
    }
    if (file.error() != QFileDevice::NoError)
        return Error{
                Error::Kind::Config,
                0,
                {},
                QStringLiteral("cannot read the query from %1: %2").arg(shown, file.errorString()),
                {}};
    if (bytes.size() > maxBytes)
        return Error{Error::Kind::Config,
                     0,
                     {},
                     QStringLiteral("%1 holds more than %2 MB; a query is at most %3 characters")
                             .arg(shown)
                             .arg(maxBytes / 1'000'000)
                             .arg(Kql::kMaxQueryLength),
                     {}};
    return QString::fromUtf8(bytes);
}

Result<QString> readSecretLine()
{
    constexpr qint64 maxBytes = qint64(64) * 1024; // a SAS token is a few KB; keys and secrets less
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return Error{Error::Kind::Config,
                     0,
                     {},
                     QStringLiteral("cannot read standard input: %1").arg(input.errorString()),
                     {}};
    const QByteArray line = input.readLine(maxBytes + 1);
    if (line.size() >= maxBytes && !line.endsWith('\n'))
        return Error{Error::Kind::Config,
                     0,
                     {},
                     QStringLiteral("standard input holds no line break within its first %1 KB: "
                                    "give the secret on one line")
                             .arg(maxBytes / 1024),
                     {}};
    return QString::fromUtf8(line).trimmed();
}

QString notAnIncidentNumber(const QString &text)
{
    return QStringLiteral("%1 is not an incident number: use the number shown in the # column of "
                          "'vigilctl incidents list'.")
            .arg(text);
}

QString describe(const Error &error)
{
    switch (error.kind) {
    case Error::Kind::Auth:
        // A saved sign-in that is no longer accepted: the message says what to do.
        if (error.code == QLatin1String("invalid_grant"))
            return QStringLiteral("sign-in failed: %1").arg(error.message);
        return QStringLiteral("sign-in failed: %1. Check AZURE_TENANT_ID, AZURE_CLIENT_ID and "
                              "AZURE_CLIENT_SECRET.")
                .arg(error.message);
    case Error::Kind::Forbidden:
        return QStringLiteral("access denied: %1. The app registration needs the "
                              "SecurityIncident.Read.All and SecurityAlert.Read.All (or "
                              "ReadWrite.All) application permissions with admin consent.")
                .arg(error.message);
    case Error::Kind::Network:
    case Error::Kind::Timeout:
        return QStringLiteral("cannot reach the service: %1. Check the network and the endpoints.")
                .arg(error.message);
    case Error::Kind::Throttled:
        return QStringLiteral("Microsoft Graph is throttling requests: %1. Try again later.")
                .arg(error.message);
    case Error::Kind::Storage:
        if (error.code == QLatin1String("pg-connect"))
            return QStringLiteral("the team database cannot be reached: %1. Check --db / VIGIL_DB, "
                                  "the server, the password (~/.pgpass or PGPASSWORD) and, with "
                                  "sslmode=verify-full, the server's certificate.")
                    .arg(error.message);
        return QStringLiteral("the local database failed: %1. Check --data-dir.")
                .arg(error.message);
    default:
        return error.toString();
    }
}

void addFormatOption(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("format"),
                      QStringLiteral("Output format: json, csv or table."),
                      QStringLiteral("format")});
}

QString terminalSafe(const QString &text, bool keepLineBreaks)
{
    QString safe = text;
    for (QChar &c : safe) {
        const char16_t u = c.unicode();
        if (u == u'\n' && keepLineBreaks)
            continue;
        if (u < 0x20)
            c = QChar(char16_t(0x2400 + u)); // U+2400..U+241F, the control pictures
        else if (u == 0x7F)
            c = QChar(char16_t(0x2421));
        else if ((u >= 0x80 && u <= 0x9F) || (u >= 0x202A && u <= 0x202E)
                 || (u >= 0x2066 && u <= 0x2069))
            c = QChar::ReplacementCharacter;
    }
    return safe;
}

void writeTable(const QStringList &headers, const QList<QStringList> &rows)
{
    QList<QStringList> safeRows;
    safeRows.reserve(rows.size());
    for (const QStringList &raw : rows) {
        QStringList row;
        row.reserve(raw.size());
        for (const QString &cell : raw)
            row.append(terminalSafe(cell));
        safeRows.append(row);
    }
    QList<int> widths;
    for (int c = 0; c < headers.size(); ++c) {
        int width = int(headers.at(c).size());
        if (c + 1 < headers.size()) {
            for (const QStringList &row : safeRows)
                width = std::max(width, int(row.at(c).size()));
        }
        widths.append(width);
    }
    const auto line = [&widths](const QStringList &cells) {
        QString text;
        for (int c = 0; c < cells.size(); ++c) {
            text += c + 1 < cells.size() ? cells.at(c).leftJustified(widths.at(c) + 2)
                                         : cells.at(c);
        }
        out() << text << '\n';
    };
    line(headers);
    for (const QStringList &row : safeRows)
        line(row);
    out().flush();
}

} // namespace Vigil::Ctl
