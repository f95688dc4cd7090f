#include "fileprofilesync.h"

#include "eventrecord.h"
#include "eventstore.h"
#include "huntingresultreader.h"
#include "huntingschema.h"
#include "syncstatus.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace Vigil {

namespace {

bool isHex(const QString &text)
{
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (!((u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F')))
            return false;
    }
    return !text.isEmpty();
}

/** A SHA1 or SHA256: 40 or 64 hex digits. */
bool isFileId(const QString &text)
{
    return (text.size() == 40 || text.size() == 64) && isHex(text);
}

/** The SHA1 and SHA256 a file or process evidence names (fileDetails, imageFile, the parent's). */
void evidenceHashes(const QByteArray &rawJson, QStringList &out)
{
    const QJsonObject evidence = QJsonDocument::fromJson(rawJson).object();
    for (const char *key : {"fileDetails", "imageFile", "parentProcessImageFile"}) {
        const QJsonObject file = evidence.value(QLatin1String(key)).toObject();
        // One ID per file: its SHA1, else its SHA256.
        const QString sha1 = file.value(QLatin1String("sha1")).toString();
        const QString sha256 = file.value(QLatin1String("sha256")).toString();
        if (isFileId(sha1))
            out.append(sha1.toLower());
        else if (isFileId(sha256))
            out.append(sha256.toLower());
    }
}

/** FileProfile()'s documented columns and their types, from the schema. */
const QHash<QString, KqlType> &profileColumns()
{
    static const QHash<QString, KqlType> columns = [] {
        QHash<QString, KqlType> map;
        for (const HuntingFunction &fn : HuntingSchema::defender().functions()) {
            if (fn.name == u"FileProfile") {
                for (const HuntingColumn &c : fn.columns)
                    map.insert(c.name, c.type);
            }
        }
        return map;
    }();
    return columns;
}

/** Text Vigil keeps of a string value: at most 1024 characters. */
QString keptText(const QVariant &value)
{
    return value.toString().left(1024);
}

} // namespace

FileProfileSync::FileProfileSync(SyncContext &context, QObject *parent)
    : HuntingEnrichment(context, "file profiles", &SyncStatus::fileProfilesError, parent)
{ }

FileProfileSync::~FileProfileSync() = default;

QString FileProfileSync::query(const QStringList &ids, bool sha256)
{
    // Only hex digits reach the query (checked here again): quoting is then exact, and nothing
    // the local data holds can change what the query says.
    QStringList literals;
    for (const QString &id : ids) {
        if (isFileId(id))
            literals.append(QLatin1Char('\'') + id.toLower() + QLatin1Char('\''));
    }
    const QString column = sha256 ? QStringLiteral("SHA256") : QStringLiteral("SHA1");
    return QStringLiteral("datatable(%1:string)[%2] | invoke FileProfile(%1, 1000)")
            .arg(column, literals.join(QLatin1String(", ")));
}

QList<FileProfileRecord> FileProfileSync::readAnswer(const RemoteHuntResult &answer,
                                                     const QStringList &asked, bool sha256,
                                                     qint64 fetched)
{
    const QHash<QString, KqlType> &expected = profileColumns();
    // Each documented column the answer has with its documented type; anything else is ignored.
    QHash<QString, int> at;
    for (qsizetype i = 0; i < answer.columns.size(); ++i) {
        const Kql::Column &c = answer.columns[i];
        const auto type = expected.constFind(c.name);
        const bool sameKind = type != expected.constEnd()
                              && (*type == c.type
                                  || ((*type == KqlType::Long || *type == KqlType::Int)
                                      && (c.type == KqlType::Long || c.type == KqlType::Int)));
        if (sameKind && !at.contains(c.name))
            at.insert(c.name, int(i));
    }
    QHash<QString, FileProfileRecord> answered;
    const QSet<QString> wanted(asked.begin(), asked.end());
    for (const Kql::HuntingRow &row : answer.rows) {
        const auto value = [&](const char *name) -> QVariant {
            const int i = at.value(QLatin1String(name), -1);
            return i >= 0 && i < row.size() ? row[i] : QVariant();
        };
        const auto text = [&](const char *name) { return keptText(value(name)); };
        const auto hash = [&](const char *name) {
            const QString h = value(name).toString();
            return isFileId(h) ? h.toLower() : QString();
        };
        const auto number = [&](const char *name) -> std::optional<qint64> {
            const QVariant v = value(name);
            return v.isNull() || !v.isValid() ? std::nullopt
                                              : std::optional<qint64>(v.toLongLong());
        };
        const auto flag = [&](const char *name) -> std::optional<bool> {
            const QVariant v = value(name);
            return v.isNull() || !v.isValid() ? std::nullopt : std::optional<bool>(v.toBool());
        };
        const QString id = hash(sha256 ? "SHA256" : "SHA1");
        // Only the files asked about; the first answer for each.
        if (id.isEmpty() || !wanted.contains(id) || answered.contains(id))
            continue;
        FileProfileRecord record;
        record.id = id;
        record.fetched = fetched;
        record.available = value("ProfileAvailability").toString() == u"Available";
        if (record.available) {
            record.sha1 = hash("SHA1");
            record.sha256 = hash("SHA256");
            const QString md5 = value("MD5").toString();
            record.md5 = md5.size() == 32 && isHex(md5) ? md5.toLower() : QString();
            record.fileSize = number("FileSize");
            record.globalPrevalence = number("GlobalPrevalence");
            record.globalFirstSeen = number("GlobalFirstSeen");
            record.globalLastSeen = number("GlobalLastSeen");
            record.signer = text("Signer");
            record.issuer = text("Issuer");
            record.signerHash = text("SignerHash");
            record.isCertificateValid = flag("IsCertificateValid");
            record.isRootSignerMicrosoft = flag("IsRootSignerMicrosoft");
            record.signatureState = text("SignatureState");
            record.isExecutable = flag("IsExecutable");
            record.threatName = text("ThreatName");
            record.publisher = text("Publisher");
            record.softwareName = text("SoftwareName");
            // The hash asked for is the file's, whatever else the row says.
            (sha256 ? record.sha256 : record.sha1) = id;
        }
        answered.insert(id, record);
    }
    QList<FileProfileRecord> records;
    for (const QString &id : asked) {
        if (answered.contains(id)) {
            records.append(answered.value(id));
        } else {
            FileProfileRecord missing;
            missing.id = id;
            missing.fetched = fetched;
            records.append(missing);
        }
    }
    return records;
}

QStringList FileProfileSync::evidenceFiles() const
{
    QStringList files;
    for (const QByteArray &rawJson : latestEvidence())
        evidenceHashes(rawJson, files);
    return files;
}

Result<int> FileProfileSync::prepare(EventStore &events, const QDateTime &now)
{
    const qint64 freshSince = ticksFromDateTime(now.addDays(-kFreshDays));
    const Result<QStringList> due
            = events.fileProfilesToFetch(evidenceFiles(), freshSince, kPerRun);
    if (!due)
        return due.error();
    m_sha1.clear();
    m_sha256.clear();
    for (const QString &id : *due)
        (id.size() == 40 ? m_sha1 : m_sha256).append(id);
    return int(due->size());
}

std::optional<QString> FileProfileSync::nextQuery()
{
    QStringList &list = m_sha1.isEmpty() ? m_sha256 : m_sha1;
    if (list.isEmpty())
        return std::nullopt;
    m_askedSha256 = &list == &m_sha256;
    m_asked = list.mid(0, kPerQuery);
    list.remove(0, m_asked.size());
    return query(m_asked, m_askedSha256);
}

Result<int> FileProfileSync::store(EventStore &events, const RemoteHuntResult &answer,
                                   qint64 fetched)
{
    const QList<FileProfileRecord> records = readAnswer(answer, m_asked, m_askedSha256, fetched);
    // The profile is also the other hash's: stored under it too, so either lookup finds it.
    QList<FileProfileRecord> rows = records;
    for (const FileProfileRecord &r : records) {
        const QString other = m_askedSha256 ? r.sha1 : r.sha256;
        if (r.available && !other.isEmpty()) {
            FileProfileRecord copy = r;
            copy.id = other;
            rows.append(copy);
        }
    }
    if (const Result<void> stored = events.storeFileProfiles(rows); !stored)
        return stored.error();
    return int(records.size());
}

void FileProfileSync::clear()
{
    m_sha1.clear();
    m_sha256.clear();
    m_asked.clear();
}

} // namespace Vigil
