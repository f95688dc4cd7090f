#include "alertrows.h"

#include "graphjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstring>

namespace Vigil {

namespace {

constexpr size_t kBlockSize = size_t(64) * 1024;
/// What an empty text points at: not NULL.
constexpr char kEmptyText[] = "";

QString textOf(std::string_view view)
{
    if (!view.data())
        return {};
    return QString::fromUtf8(view.data(), qsizetype(view.size()));
}

QByteArray bytesOf(std::string_view view)
{
    if (!view.data())
        return {};
    return QByteArray(view.data(), qsizetype(view.size()));
}

QStringList listOf(std::string_view json)
{
    QStringList list;
    if (json.size() <= 2)
        return list;
    const QJsonArray array = QJsonDocument::fromJson(bytesOf(json)).array();
    for (const auto &item : array) {
        if (item.isString())
            list.append(item.toString());
    }
    return list;
}

QDateTime timeOf(qint64 ms)
{
    return ms == AlertRows::kNoTime ? QDateTime() : QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

} // namespace

std::string_view AlertText::copy(std::string_view text)
{
    if (text.empty())
        return std::string_view(kEmptyText);
    char *start = reserve(text.size());
    std::memcpy(start, text.data(), text.size());
    return commit(start, text.size());
}

char *AlertText::reserve(size_t size)
{
    if (size <= m_left)
        return m_free;
    if (size > kBlockSize / 4) {
        // A large text gets a block of its own; the current block stays open for small ones.
        m_blocks.push_back(std::make_unique_for_overwrite<char[]>(size));
        return m_blocks.back().get();
    }
    m_blocks.push_back(std::make_unique_for_overwrite<char[]>(kBlockSize));
    m_free = m_blocks.back().get();
    m_left = kBlockSize;
    return m_free;
}

std::string_view AlertText::commit(char *start, size_t size)
{
    if (start == m_free && size <= m_left) {
        m_free += size;
        m_left -= size;
    }
    return {start, size};
}

AlertRows::AlertRows()
    : m_text(std::make_shared<AlertText>())
{ }

AlertRows::AlertRows(std::shared_ptr<AlertText> text)
    : m_text(std::move(text))
{ }

AlertRows::~AlertRows() = default;
AlertRows::AlertRows(const AlertRows &) = default;
AlertRows::AlertRows(AlertRows &&) noexcept = default;
AlertRows &AlertRows::operator=(const AlertRows &) = default;
AlertRows &AlertRows::operator=(AlertRows &&) noexcept = default;

AlertRows::Row &AlertRows::appendRow()
{
    return m_rows.emplace_back();
}

Alert AlertRows::alert(qsizetype n) const
{
    const Row &r = row(n);
    Alert a;
    a.id = textOf(r.text[Id]);
    a.incidentId = textOf(r.text[IncidentId]);
    a.providerAlertId = textOf(r.text[ProviderAlertId]);
    a.title = textOf(r.text[Title]);
    a.description = textOf(r.text[Description]);
    a.category = textOf(r.text[Category]);
    a.severity = textOf(r.text[Severity]);
    a.status = textOf(r.text[Status]);
    a.classification = textOf(r.text[Classification]);
    a.determination = textOf(r.text[Determination]);
    a.serviceSource = textOf(r.text[ServiceSource]);
    a.detectionSource = textOf(r.text[DetectionSource]);
    a.detectorId = textOf(r.text[DetectorId]);
    a.assignedTo = textOf(r.text[AssignedTo]);
    a.alertWebUrl = textOf(r.text[AlertWebUrl]);
    a.incidentWebUrl = textOf(r.text[IncidentWebUrl]);
    a.actorDisplayName = textOf(r.text[ActorDisplayName]);
    a.threatDisplayName = textOf(r.text[ThreatDisplayName]);
    a.threatFamilyName = textOf(r.text[ThreatFamilyName]);
    a.recommendedActions = textOf(r.text[RecommendedActions]);
    a.tenantId = textOf(r.text[TenantId]);
    a.alertPolicyId = textOf(r.text[AlertPolicyId]);
    a.mitreTechniques = listOf(r.text[MitreTechniques]);
    a.systemTags = listOf(r.text[SystemTags]);
    a.createdTime = timeOf(r.time[Created]);
    a.lastUpdateTime = timeOf(r.time[LastUpdate]);
    a.resolvedTime = timeOf(r.time[Resolved]);
    a.firstActivityTime = timeOf(r.time[FirstActivity]);
    a.lastActivityTime = timeOf(r.time[LastActivity]);
    if (r.text[Comments].size() > 2) {
        const QJsonArray comments = QJsonDocument::fromJson(bytesOf(r.text[Comments])).array();
        for (const auto &item : comments) {
            if (item.isObject())
                a.comments.append(commentFromGraph(item.toObject()));
        }
    }
    a.evidenceJson = bytesOf(r.text[Evidence]);
    a.customDetailsJson = bytesOf(r.text[CustomDetails]);
    a.additionalDataJson = bytesOf(r.text[AdditionalData]);
    return a;
}

QList<Alert> AlertRows::toAlerts() const
{
    QList<Alert> list;
    list.reserve(size());
    for (qsizetype n = 0; n < size(); ++n)
        list.append(alert(n));
    return list;
}

void appendJsonListItem(std::string &out, std::string_view text)
{
    static constexpr char hex[] = "0123456789abcdef";
    for (const char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                out += "\\u00";
                out += hex[(static_cast<unsigned char>(c) >> 4) & 0xF];
                out += hex[static_cast<unsigned char>(c) & 0xF];
            } else {
                out += c;
            }
        }
    }
}

QByteArray alertCommentsJson(const QList<Comment> &comments)
{
    if (comments.isEmpty())
        return QByteArrayLiteral("[]");
    QJsonArray array;
    for (const Comment &c : comments) {
        QJsonObject o;
        o.insert(QLatin1String("comment"), c.text);
        o.insert(QLatin1String("createdByDisplayName"), c.author);
        if (c.createdTime.isValid())
            o.insert(QLatin1String("createdDateTime"), formatGraphDateTime(c.createdTime));
        array.append(o);
    }
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

} // namespace Vigil
