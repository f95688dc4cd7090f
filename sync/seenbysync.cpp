#include "seenbysync.h"

#include "eventrecord.h"
#include "eventstore.h"
#include "huntingresultreader.h"
#include "seenbyrecord.h"
#include "syncstatus.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace Vigil {

namespace {

/** The column of that name and one of these types, or -1. */
int columnOf(const RemoteHuntResult &answer, QStringView name, std::initializer_list<KqlType> types)
{
    for (qsizetype i = 0; i < answer.columns.size(); ++i) {
        const Kql::Column &c = answer.columns[i];
        if (c.name == name && std::find(types.begin(), types.end(), c.type) != types.end())
            return int(i);
    }
    return -1;
}

/** The devices a SeenBy value names, as Vigil keeps them: a compact JSON array of
 *  {"DeviceId", "LastEncountered"}; nullopt when the value is not such a list (null, not JSON,
 *  not an array, or entries none of which names a device). */
std::optional<QString> seersOf(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return std::nullopt;
    const QString text = value.toString().trimmed();
    if (!text.startsWith(QLatin1Char('[')))
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isArray())
        return std::nullopt;
    const QJsonArray entries = document.array();
    QJsonArray kept;
    QSet<QString> seen;
    for (const auto &entry : entries) {
        if (kept.size() >= SeenBySync::kMaxSeers)
            break;
        const QJsonObject object = entry.toObject();
        const QString id = object.value(QLatin1String("DeviceId")).toString();
        if (!isSeenByDeviceId(id) || seen.contains(id))
            continue;
        seen.insert(id);
        // A time that is not one is null: the device did see it, when is not known.
        const QString when = object.value(QLatin1String("LastEncountered")).toString();
        const std::optional<qint64> ticks
                = when.size() <= 64 ? parseEventDateTime(when.toStdString()) : std::nullopt;
        kept.append(QJsonObject{{QStringLiteral("DeviceId"), id},
                                {QStringLiteral("LastEncountered"),
                                 ticks ? QJsonValue(ticksToIso(*ticks)) : QJsonValue()}});
    }
    // Entries there were, but none named a device: that is not "nobody saw it".
    if (kept.isEmpty() && !entries.isEmpty())
        return std::nullopt;
    return QString::fromUtf8(QJsonDocument(kept).toJson(QJsonDocument::Compact));
}

} // namespace

SeenBySync::SeenBySync(SyncContext &context, QObject *parent)
    : HuntingEnrichment(context, "SeenBy()", &SyncStatus::seenByError, parent)
{ }

SeenBySync::~SeenBySync() = default;

QString SeenBySync::query(const QStringList &deviceIds)
{
    // Only letters, digits and '-' reach the query (checked here again): quoting is then
    // exact, and nothing the local data holds can change what the query says.
    QStringList literals;
    for (const QString &id : deviceIds) {
        if (isSeenByDeviceId(id))
            literals.append(QLatin1Char('\'') + id + QLatin1Char('\''));
    }
    return QStringLiteral("DeviceInfo | where DeviceId in (%1) | distinct DeviceId | invoke "
                          "SeenBy() | project DeviceId, SeenBy")
            .arg(literals.join(QLatin1String(", ")));
}

QList<SeenByRecord> SeenBySync::readAnswer(const RemoteHuntResult &answer, const QStringList &asked,
                                           qint64 fetched)
{
    const int idAt = columnOf(answer, u"DeviceId", {KqlType::String});
    // Defender's SeenBy is dynamic; an answer that sends the JSON as text is read the same.
    const int seenAt = columnOf(answer, u"SeenBy", {KqlType::Dynamic, KqlType::String});
    QHash<QString, std::optional<QString>> answered;
    const QSet<QString> wanted(asked.begin(), asked.end());
    if (idAt >= 0 && seenAt >= 0) {
        for (const Kql::HuntingRow &row : answer.rows) {
            if (row.size() <= std::max(idAt, seenAt))
                continue;
            const QString id = row[idAt].toString();
            // Only the devices asked; the first answer for each.
            if (!wanted.contains(id) || answered.contains(id))
                continue;
            answered.insert(id, seersOf(row[seenAt]));
        }
    }
    QList<SeenByRecord> records;
    for (const QString &id : asked) {
        SeenByRecord record;
        record.deviceId = id;
        record.seenBy = answered.value(id);
        record.fetched = fetched;
        records.append(record);
    }
    return records;
}

QStringList SeenBySync::evidenceDevices() const
{
    QStringList devices;
    for (const QByteArray &rawJson : latestEvidence()) {
        const QString id = QJsonDocument::fromJson(rawJson)
                                   .object()
                                   .value(QLatin1String("mdeDeviceId"))
                                   .toString();
        if (isSeenByDeviceId(id))
            devices.append(id);
    }
    return devices;
}

Result<int> SeenBySync::prepare(EventStore &events, const QDateTime &now)
{
    const qint64 freshSince = ticksFromDateTime(now.addSecs(-qint64(kFreshHours) * 3600));
    Result<QStringList> due = events.seenByToFetch(evidenceDevices(), freshSince, kPerRun);
    if (!due)
        return due.error();
    m_due = std::move(due).value();
    return int(m_due.size());
}

std::optional<QString> SeenBySync::nextQuery()
{
    if (m_due.isEmpty())
        return std::nullopt;
    m_asked = m_due.mid(0, kPerQuery);
    m_due.remove(0, m_asked.size());
    return query(m_asked);
}

Result<int> SeenBySync::store(EventStore &events, const RemoteHuntResult &answer, qint64 fetched)
{
    const QList<SeenByRecord> records = readAnswer(answer, m_asked, fetched);
    if (const Result<void> stored = events.storeSeenBy(records); !stored)
        return stored.error();
    return int(records.size());
}

void SeenBySync::clear()
{
    m_due.clear();
    m_asked.clear();
}

} // namespace Vigil
