#include "ctloutput.h"

#include <QCommandLineParser>

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
    err() << "vigilctl: " << message << Qt::endl;
    return code;
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

void writeTable(const QStringList &headers, const QList<QStringList> &rows)
{
    QList<int> widths;
    for (int c = 0; c < headers.size(); ++c) {
        int width = int(headers.at(c).size());
        if (c + 1 < headers.size()) {
            for (const QStringList &row : rows)
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
    for (const QStringList &row : rows)
        line(row);
    out().flush();
}

} // namespace Vigil::Ctl
