#include "blobstore.h"

#include "simtenant.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

#include <algorithm>

namespace Vigil::Sim {

namespace {

QByteArray jsonText(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

QString hourBlobName(const QString &tenantId, Ticks received)
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(received / 10'000, QTimeZone::utc());
    return QStringLiteral("tenantId=%1/y=%2/m=%3/d=%4/h=%5/m=00/PT1H.json")
            .arg(tenantId)
            .arg(at.date().year(), 4, 10, QLatin1Char('0'))
            .arg(at.date().month(), 2, 10, QLatin1Char('0'))
            .arg(at.date().day(), 2, 10, QLatin1Char('0'))
            .arg(at.time().hour(), 2, 10, QLatin1Char('0'));
}

/** FNV-1a over the blob's name and length: a stable ETag that changes as the blob grows. */
QString etagOf(const QString &name, qint64 length)
{
    quint64 hash = 14695981039346656037ULL;
    const auto mixIn = [&hash](quint64 value) { hash = (hash ^ value) * 1099511628211ULL; };
    for (const QChar c : name)
        mixIn(c.unicode());
    mixIn(static_cast<quint64>(length));
    return QStringLiteral("0x8DC")
           + QStringLiteral("%1").arg(hash & 0xFFFFFFFFFFFULL, 11, 16, QLatin1Char('0')).toUpper();
}

} // namespace

BlobStore::BlobStore(SimTenant &tenant)
    : m_tenant(tenant)
{ }

QString BlobStore::containerOf(const QString &table)
{
    return QStringLiteral("insights-logs-advancedhunting-") + table.toLower();
}

QStringList BlobStore::containers()
{
    QStringList names;
    for (const QString &table : m_tenant.hunting().populatedTables())
        names.append(containerOf(table));
    names.sort();
    return names;
}

BlobStore::TableBlobs *BlobStore::tableBlobs(const QString &container)
{
    HuntingData &data = m_tenant.hunting();
    for (const QString &table : data.populatedTables()) {
        if (containerOf(table) != container)
            continue;
        TableBlobs &blobs = m_tables[container];
        if (blobs.table.isEmpty() || blobs.rowCount != data.table(table)->rows.size()) {
            blobs = TableBlobs{};
            blobs.table = table;
            build(blobs);
        }
        return &blobs;
    }
    return nullptr;
}

void BlobStore::build(TableBlobs &blobs)
{
    const HuntTable &table = *m_tenant.hunting().table(blobs.table);
    blobs.rowCount = table.rows.size();
    const QString tenantId = m_tenant.tenantId();
    const QByteArray head = "{\"time\":";
    const QByteArray envelope
            = ",\"tenantId\":" + jsonText(tenantId) + ",\"operationName\":\"Publish\",\"category\":"
              + jsonText(QString(QStringLiteral("AdvancedHunting-") + blobs.table))
              + ",\"_TimeReceivedBySvc\":";
    QList<QByteArray> names;
    for (const HuntColumn &column : table.columns)
        names.append(jsonText(column.name) + ':');
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
        const Ticks received = table.received[i];
        const QString name = hourBlobName(tenantId, received);
        if (blobs.hours.empty() || blobs.hours.back().name != name) {
            HourBlob hour;
            hour.name = name;
            hour.firstRow = i;
            blobs.hours.push_back(hour);
        }
        HourBlob &hour = blobs.hours.back();
        hour.endRow = i + 1;
        // The service stamps its own receipt a moment before the record's time.
        const Ticks bySvc = received - static_cast<Ticks>(i % 17) * 1'000'000 - 3'000'000;
        QByteArray line = head + jsonText(formatTicks(received)) + envelope
                          + jsonText(formatTicks(bySvc)) + ",\"properties\":{";
        const HuntRow &row = table.rows[i];
        for (std::size_t c = 0; c < row.size(); ++c) {
            if (c > 0)
                line += ',';
            line += names[static_cast<qsizetype>(c)];
            line += jsonText(row[c].toJson());
        }
        line += "}}\n";
        hour.text += line;
        hour.lineEnds.push_back(hour.text.size());
    }
}

std::size_t BlobStore::visibleEnd(const TableBlobs &blobs) const
{
    const HuntTable &table = *m_tenant.hunting().table(blobs.table);
    const Ticks now = m_tenant.huntingNow();
    return static_cast<std::size_t>(
            std::upper_bound(table.received.begin(), table.received.end(), now)
            - table.received.begin());
}

BlobInfo BlobStore::infoOf(const TableBlobs &blobs, const HourBlob &hour, std::size_t visible) const
{
    const HuntTable &table = *m_tenant.hunting().table(blobs.table);
    const std::size_t last = std::min(visible, hour.endRow);
    BlobInfo info;
    info.name = hour.name;
    info.length = hour.lineEnds[last - hour.firstRow - 1];
    info.created = table.received[hour.firstRow];
    info.modified = table.received[last - 1];
    info.etag = etagOf(hour.name, info.length);
    return info;
}

std::optional<QList<BlobInfo>> BlobStore::blobs(const QString &container)
{
    TableBlobs *blobs = tableBlobs(container);
    if (!blobs)
        return std::nullopt;
    const std::size_t visible = visibleEnd(*blobs);
    QList<BlobInfo> list;
    for (const HourBlob &hour : blobs->hours) {
        if (hour.firstRow < visible)
            list.append(infoOf(*blobs, hour, visible));
    }
    std::sort(list.begin(), list.end(),
              [](const BlobInfo &a, const BlobInfo &b) { return a.name < b.name; });
    return list;
}

std::optional<QByteArray> BlobStore::content(const QString &container, const QString &blob,
                                             BlobInfo *info)
{
    TableBlobs *blobs = tableBlobs(container);
    if (!blobs)
        return std::nullopt;
    const std::size_t visible = visibleEnd(*blobs);
    for (const HourBlob &hour : blobs->hours) {
        if (hour.name != blob || hour.firstRow >= visible)
            continue;
        *info = infoOf(*blobs, hour, visible);
        return hour.text.left(info->length);
    }
    return std::nullopt;
}

} // namespace Vigil::Sim
