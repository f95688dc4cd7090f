#include "huntinglibrary.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStringDecoder>

namespace Vigil {

namespace {

constexpr int MaxNameChars = 200;
constexpr QLatin1StringView NamePrefix("// name:");

Error fileError(Error::Kind kind, const QString &message)
{
    Error error;
    error.kind = kind;
    error.message = message;
    return error;
}

} // namespace

QString HuntingRun::statusName(Status status)
{
    switch (status) {
    case Status::Ok:
        return QStringLiteral("ok");
    case Status::Refused:
        return QStringLiteral("refused");
    case Status::Failed:
        return QStringLiteral("failed");
    case Status::Cancelled:
        return QStringLiteral("cancelled");
    case Status::TimedOut:
        return QStringLiteral("timed out");
    }
    return QStringLiteral("failed");
}

HuntingRun::Status HuntingRun::statusFromName(const QString &name)
{
    for (Status status :
         {Status::Ok, Status::Refused, Status::Failed, Status::Cancelled, Status::TimedOut})
        if (statusName(status) == name)
            return status;
    return Status::Failed;
}

QString huntingLibraryPath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("hunting-library.sqlite"));
}

bool huntingLibraryMatches(const QString &needle, const QString &name, const QString &text)
{
    return needle.isEmpty() || name.contains(needle, Qt::CaseInsensitive)
           || text.contains(needle, Qt::CaseInsensitive);
}

QString cleanQueryName(const QString &name)
{
    QString clean = name;
    for (QChar &c : clean) {
        const QChar::Category category = c.category();
        if (category == QChar::Other_Control || category == QChar::Other_Format
            || category == QChar::Separator_Line || category == QChar::Separator_Paragraph)
            c = QLatin1Char(' ');
    }
    clean = clean.trimmed();
    if (clean.size() > MaxNameChars) {
        clean.truncate(MaxNameChars);
        if (clean.back().isHighSurrogate())
            clean.chop(1);
        clean = clean.trimmed();
    }
    return clean;
}

Result<KqlFile> readKqlFile(const QString &path)
{
    const QString shown = QDir::toNativeSeparators(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fileError(Error::Kind::Storage,
                         QStringLiteral("%1 cannot be read: %2").arg(shown, file.errorString()));
    // One byte past the limit tells "too big" without reading a huge file.
    const QByteArray bytes = file.read(MaxKqlFileBytes + 1);
    if (bytes.size() > MaxKqlFileBytes)
        return fileError(
                Error::Kind::Parse,
                QStringLiteral("%1 is larger than 1 MB: a .kql file holds one query.").arg(shown));
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder(bytes);
    if (decoder.hasError() || bytes.contains('\0'))
        return fileError(Error::Kind::Parse,
                         QStringLiteral("%1 is not UTF-8 text, so it is not imported.").arg(shown));
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    KqlFile kql;
    kql.name = QFileInfo(path).fileName();
    if (kql.name.endsWith(QLatin1String(".kql"), Qt::CaseInsensitive))
        kql.name.chop(4);
    const qsizetype lineEnd = text.indexOf(QLatin1Char('\n'));
    const QString firstLine = text.left(lineEnd < 0 ? text.size() : lineEnd);
    if (firstLine.startsWith(NamePrefix, Qt::CaseInsensitive)) {
        const QString written = cleanQueryName(firstLine.mid(NamePrefix.size()));
        if (!written.isEmpty())
            kql.name = written;
        text.remove(0, lineEnd < 0 ? text.size() : lineEnd + 1);
    }
    kql.name = cleanQueryName(kql.name);
    if (kql.name.isEmpty())
        kql.name = QStringLiteral("Imported query");
    kql.text = text;
    return kql;
}

QByteArray kqlFileContent(const SavedQuery &query)
{
    QByteArray content = NamePrefix.latin1();
    content += ' ' + cleanQueryName(query.name).toUtf8() + '\n';
    content += query.text.toUtf8();
    if (!content.endsWith('\n'))
        content += '\n';
    return content;
}

QString kqlFileName(const QString &name)
{
    QString file = cleanQueryName(name);
    static const QString refused = QStringLiteral("/\\:*?\"<>|");
    for (QChar &c : file)
        if (refused.contains(c))
            c = QLatin1Char('_');
    // No hidden files, no "." or "..", nothing Windows drops at the end.
    while (!file.isEmpty() && (file.front() == QLatin1Char('.') || file.front().isSpace()))
        file.remove(0, 1);
    while (!file.isEmpty() && (file.back() == QLatin1Char('.') || file.back().isSpace()))
        file.chop(1);
    if (file.isEmpty())
        file = QStringLiteral("query");
    return file.left(100) + QStringLiteral(".kql");
}

Result<void> writeKqlFile(const QString &path, const SavedQuery &query)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(kqlFileContent(query)) < 0 || !file.commit())
        return fileError(Error::Kind::Storage,
                         QStringLiteral("%1 cannot be written: %2")
                                 .arg(QDir::toNativeSeparators(path), file.errorString()));
    return {};
}

} // namespace Vigil
