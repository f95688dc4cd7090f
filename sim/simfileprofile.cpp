// Defender's FileProfile() for the simulated tenant: the query shape Vigil's file profile
// enrichment sends, `datatable(SHA1:string)[…] | invoke FileProfile(SHA1, 1000)` (or SHA256),
// answered with deterministic profiles of the files the tenant's hunting tables name. Microsoft's
// documentation (advanced-hunting-fileprofile-function) gives the columns; the values are made up
// from the file's name and hash so that every run answers the same.
#include "simfileprofile_p.h"

#include <QCryptographicHash>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace Vigil::Sim {

namespace {

struct FileFacts
{
    QString sha1;
    QString sha256;
    QString md5;
    qint64 size = -1;
    QString fileName;
    QString folder;
    bool inAlert = false; // named by alert evidence
};

/** Every file the tenant's hunting tables name, by lower-case SHA1 and SHA256. */
QHash<QString, FileFacts> knownFiles(const HuntingData &data)
{
    QHash<QString, FileFacts> byHash;
    const auto note = [&byHash](const HuntTable &table, const HuntRow &row, const QString &prefix,
                                bool alert) {
        const auto text = [&](const QString &name) {
            const int i = table.column(prefix + name);
            return i >= 0 && !row[std::size_t(i)].null ? row[std::size_t(i)].text : QString();
        };
        const QString sha1 = text(QStringLiteral("SHA1")).toLower();
        const QString sha256 = text(QStringLiteral("SHA256")).toLower();
        if (sha1.isEmpty() && sha256.isEmpty())
            return;
        FileFacts facts = byHash.value(sha1.isEmpty() ? sha256 : sha1);
        if (facts.sha1.isEmpty())
            facts.sha1 = sha1;
        if (facts.sha256.isEmpty())
            facts.sha256 = sha256;
        if (facts.md5.isEmpty())
            facts.md5 = text(QStringLiteral("MD5")).toLower();
        if (facts.fileName.isEmpty())
            facts.fileName = text(QStringLiteral("FileName"));
        if (facts.folder.isEmpty())
            facts.folder = text(QStringLiteral("FolderPath"));
        const int sizeAt = table.column(prefix + QStringLiteral("FileSize"));
        if (facts.size < 0 && sizeAt >= 0 && !row[std::size_t(sizeAt)].null)
            facts.size = row[std::size_t(sizeAt)].integer;
        facts.inAlert = facts.inAlert || alert;
        if (!facts.sha1.isEmpty())
            byHash.insert(facts.sha1, facts);
        if (!facts.sha256.isEmpty())
            byHash.insert(facts.sha256, facts);
    };
    for (const char *name : {"AlertEvidence", "DeviceProcessEvents", "DeviceFileEvents",
                             "DeviceImageLoadEvents", "DeviceEvents"}) {
        const HuntTable *table = data.table(QString::fromLatin1(name));
        if (!table)
            continue;
        const bool alert = table->name == u"AlertEvidence";
        for (const HuntRow &row : table->rows) {
            note(*table, row, QString(), alert);
            if (!alert)
                note(*table, row, QStringLiteral("InitiatingProcess"), false);
        }
    }
    return byHash;
}

/** A number from the file's hash, the same on every run. */
quint32 seedOf(const QString &hash)
{
    const QByteArray digest = QCryptographicHash::hash(hash.toUtf8(), QCryptographicHash::Sha256);
    return quint32(quint8(digest[0])) << 24 | quint32(quint8(digest[1])) << 16
           | quint32(quint8(digest[2])) << 8 | quint32(quint8(digest[3]));
}

struct Documented
{
    const char *name;
    ColumnType type;
};

// advanced-hunting-fileprofile-function, in its order.
const Documented kColumns[] = {
        {"SHA1", ColumnType::String},
        {"SHA256", ColumnType::String},
        {"MD5", ColumnType::String},
        {"FileSize", ColumnType::Long},
        {"GlobalPrevalence", ColumnType::Long},
        {"GlobalFirstSeen", ColumnType::DateTime},
        {"GlobalLastSeen", ColumnType::DateTime},
        {"Signer", ColumnType::String},
        {"Issuer", ColumnType::String},
        {"SignerHash", ColumnType::String},
        {"IsCertificateValid", ColumnType::Bool},
        {"IsRootSignerMicrosoft", ColumnType::Bool},
        {"SignatureState", ColumnType::String},
        {"IsExecutable", ColumnType::Bool},
        {"ThreatName", ColumnType::String},
        {"Publisher", ColumnType::String},
        {"SoftwareName", ColumnType::String},
        {"ProfileAvailability", ColumnType::String},
};

/** The profile of a known file: name -> value. */
QHash<QString, HuntValue> profileOf(const FileFacts &file, const QString &asked, Ticks now)
{
    const quint32 seed = seedOf(asked);
    const QString name = file.fileName.toLower();
    // Microsoft's own binaries (by folder or name), and files Defender would call malicious:
    // those of alert evidence, known attack tools, a document name with .exe appended.
    static const QStringList microsoft = {
            QStringLiteral("lsass.exe"),      QStringLiteral("svchost.exe"),
            QStringLiteral("powershell.exe"), QStringLiteral("cmd.exe"),
            QStringLiteral("rundll32.exe"),   QStringLiteral("explorer.exe"),
            QStringLiteral("certutil.exe"),   QStringLiteral("outlook.exe"),
            QStringLiteral("winword.exe"),    QStringLiteral("excel.exe"),
    };
    static const QRegularExpression attack(
            QStringLiteral("^(mimikatz|psexec|procdump|rubeus|sharphound)|\\.(pdf|docx?|xlsx?|"
                           "jpg|png|zip)\\.exe$"));
    const bool windows
            = file.folder.contains(QLatin1String("\\Windows\\"), Qt::CaseInsensitive)
              || file.folder.contains(QLatin1String("\\Microsoft Office\\"), Qt::CaseInsensitive)
              || microsoft.contains(name);
    const bool office
            = name == u"outlook.exe" || name == u"winword.exe" || name == u"excel.exe"
              || file.folder.contains(QLatin1String("\\Microsoft Office\\"), Qt::CaseInsensitive);
    const bool malicious = !windows && (file.inAlert || attack.match(name).hasMatch());
    static const QRegularExpression portable(QStringLiteral("\\.(exe|dll|sys|scr|com|cpl|ocx)$"));
    QHash<QString, HuntValue> v;
    v.insert(QStringLiteral("SHA1"), HuntValue::string(file.sha1));
    v.insert(QStringLiteral("SHA256"), HuntValue::string(file.sha256));
    v.insert(QStringLiteral("MD5"), HuntValue::string(file.md5));
    v.insert(QStringLiteral("FileSize"), file.size >= 0 ? HuntValue::longValue(file.size)
                                                        : HuntValue::nullOf(ColumnType::Long));
    const qint64 prevalence = malicious ? 1 + seed % 20
                              : windows ? 1'000'000 + seed % 9'000'000
                                        : 5 + seed % 5'000;
    v.insert(QStringLiteral("GlobalPrevalence"), HuntValue::longValue(prevalence));
    const Ticks firstSeen
            = now - Ticks(malicious ? 1 + seed % 20 : 200 + seed % 1500) * TicksPerDay;
    v.insert(QStringLiteral("GlobalFirstSeen"), HuntValue::dateTime(firstSeen));
    v.insert(QStringLiteral("GlobalLastSeen"),
             HuntValue::dateTime(now - Ticks(seed % 48) * TicksPerHour));
    const bool signedBySomeone = windows || (!malicious && seed % 3 != 0);
    const QString signer = windows           ? QStringLiteral("Microsoft Windows")
                           : signedBySomeone ? QStringLiteral("Fabrikam Software Ltd")
                                             : QString();
    v.insert(QStringLiteral("Signer"), HuntValue::string(signer));
    v.insert(QStringLiteral("Issuer"),
             HuntValue::string(windows ? QStringLiteral("Microsoft Windows Production PCA 2011")
                               : signedBySomeone ? QStringLiteral("DigiCert SHA2 Code Signing CA")
                                                 : QString()));
    v.insert(QStringLiteral("SignerHash"),
             HuntValue::string(
                     signedBySomeone ? QString::fromLatin1(
                             QCryptographicHash::hash(signer.toUtf8(), QCryptographicHash::Sha1)
                                     .toHex())
                                     : QString()));
    v.insert(QStringLiteral("IsCertificateValid"),
             signedBySomeone ? HuntValue::boolean(true) : HuntValue::nullOf(ColumnType::Bool));
    v.insert(QStringLiteral("IsRootSignerMicrosoft"), HuntValue::boolean(windows));
    v.insert(QStringLiteral("SignatureState"),
             HuntValue::string(signedBySomeone ? QStringLiteral("SignedValid")
                                               : QStringLiteral("Unsigned")));
    v.insert(QStringLiteral("IsExecutable"), HuntValue::boolean(portable.match(name).hasMatch()));
    v.insert(QStringLiteral("ThreatName"),
             HuntValue::string(malicious ? QStringLiteral("Trojan:Win32/Simulated.%1")
                                                   .arg(QChar(u'A' + char16_t(seed % 26)))
                                         : QString()));
    v.insert(QStringLiteral("Publisher"),
             HuntValue::string(windows           ? QStringLiteral("Microsoft Corporation")
                               : signedBySomeone ? QStringLiteral("Fabrikam Software Ltd")
                                                 : QString()));
    v.insert(QStringLiteral("SoftwareName"),
             HuntValue::string(!windows ? QString()
                               : office ? QStringLiteral("Microsoft Office")
                                        : QStringLiteral("Microsoft Windows")));
    v.insert(QStringLiteral("ProfileAvailability"), HuntValue::string(QStringLiteral("Available")));
    return v;
}

} // namespace

std::optional<QStringList> stringLiterals(QStringView text)
{
    QStringList values;
    qsizetype i = 0;
    const auto skipSpace = [&] {
        while (i < text.size() && text[i].isSpace())
            ++i;
    };
    skipSpace();
    if (i == text.size())
        return values;
    while (true) {
        skipSpace();
        bool verbatim = false;
        if (i < text.size() && text[i] == u'@') {
            verbatim = true;
            ++i;
        }
        if (i >= text.size() || (text[i] != u'\'' && text[i] != u'"'))
            return std::nullopt;
        const QChar quote = text[i++];
        QString value;
        bool closed = false;
        while (i < text.size()) {
            const QChar c = text[i++];
            if (c == quote) {
                if (verbatim && i < text.size() && text[i] == quote) {
                    value += quote;
                    ++i;
                    continue;
                }
                closed = true;
                break;
            }
            if (c == u'\\' && !verbatim) {
                if (i >= text.size())
                    return std::nullopt;
                const QChar e = text[i++];
                value += e == u'n' ? QChar(u'\n') : e == u't' ? QChar(u'\t') : e;
                continue;
            }
            value += c;
        }
        if (!closed)
            return std::nullopt;
        values.append(value);
        skipSpace();
        if (i == text.size())
            return values;
        if (text[i] != u',')
            return std::nullopt;
        ++i;
    }
}

bool answerFileProfile(const QString &query, const HuntingData &data, Ticks now,
                       Kql::ResultSet *result, QString *error)
{
    static const QRegularExpression shape(
            QStringLiteral(R"(^\s*datatable\s*\(\s*(\w+)\s*:\s*string\s*\)\s*\[(.*)\]\s*\|\s*)"
                           R"(invoke\s+FileProfile\s*\(\s*(\w+)?\s*(?:,\s*(\d+)\s*)?\)\s*;?\s*$)"),
            QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch match = shape.match(query);
    if (!match.hasMatch())
        return false;
    const QString column = match.captured(1);
    const QString id = match.captured(3).isEmpty() ? QStringLiteral("SHA1") : match.captured(3);
    const qint64 limit = match.captured(4).isEmpty() ? 100 : match.captured(4).toLongLong();
    static const QStringList ids = {QStringLiteral("SHA1"), QStringLiteral("SHA256")};
    if (id != column || !ids.contains(id)) {
        *error = QStringLiteral("FileProfile() looks files up by the column '%1', which the "
                                "input does not have.")
                         .arg(id);
        return true;
    }
    if (limit < 1 || limit > 1000) {
        *error = QStringLiteral("The number of records to enrich must be between 1 and 1000.");
        return true;
    }
    const std::optional<QStringList> values = stringLiterals(match.capturedView(2));
    if (!values) {
        *error = QStringLiteral("The datatable's values are not string literals.");
        return true;
    }
    const QHash<QString, FileFacts> known = knownFiles(data);
    result->columns.clear();
    result->rows.clear();
    result->columns.append({id, ColumnType::String});
    for (const Documented &c : kColumns) {
        if (id != QLatin1String(c.name))
            result->columns.append({QString::fromLatin1(c.name), c.type});
    }
    QSet<QString> enriched;
    for (const QString &value : *values) {
        const QString key = value.toLower();
        const bool lookedUp = enriched.contains(key) || enriched.size() < limit;
        if (lookedUp)
            enriched.insert(key);
        QHash<QString, HuntValue> profile;
        const auto found = known.constFind(key);
        if (lookedUp && found != known.constEnd() && !key.isEmpty())
            profile = profileOf(*found, key, now);
        else if (lookedUp)
            profile.insert(QStringLiteral("ProfileAvailability"),
                           HuntValue::string(QStringLiteral("Missing")));
        HuntRow row;
        row.push_back(HuntValue::string(value));
        for (qsizetype i = 1; i < result->columns.size(); ++i) {
            const HuntColumn &c = result->columns[i];
            row.push_back(profile.value(c.name, HuntValue::nullOf(c.type)));
        }
        result->rows.push_back(std::move(row));
    }
    return true;
}

} // namespace Vigil::Sim
