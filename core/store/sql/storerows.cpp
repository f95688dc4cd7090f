#include "storerows.h"

#include "sqlconnection.h"
#include "sqlstatement.h"
#include "storedialect.h"

#include <QDataStream>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

#include <algorithm>

namespace Vigil::StoreRows {

namespace {

constexpr quint8 kEvidenceFormat = 1;

void prepareStream(QDataStream &stream)
{
    stream.setVersion(QDataStream::Qt_6_4);
    // Little-endian: strings go in and out as they are in memory, without swapping bytes.
    stream.setByteOrder(QDataStream::LittleEndian);
}

/** An alert's evidence as one blob: a format byte, the count, then each entity's fields
 *  (null strings stay null) and its raw JSON. Null for no evidence. */
QByteArray evidenceBlob(const QList<Entity> &evidence)
{
    if (evidence.isEmpty())
        return {};
    qsizetype size = 8;
    for (const Entity &e : evidence)
        size += 64 + e.rawJson.size()
                + 2 * (e.kind.size() + e.odataType.size() + e.value.size() + e.detail.size());
    QByteArray blob;
    blob.reserve(size);
    QDataStream out(&blob, QIODevice::WriteOnly);
    prepareStream(out);
    out << kEvidenceFormat << quint32(evidence.size());
    for (const Entity &e : evidence)
        out << e.kind << e.odataType << e.value << e.detail << e.verdict << e.remediationStatus
            << e.roles << e.rawJson;
    return blob;
}

} // namespace

QString incidentColumns(const StoreDialect &dialect)
{
    // Then the detail view's texts; the queue leaves them out (see kIncidentQueueColumns).
    return QLatin1String(kIncidentRowColumns) + dialect.incidentFilterColumns()
           + QStringLiteral(", i.summary, i.resolving_comment");
}

QList<qint64> numbersOf(const QList<Incident> &rows)
{
    QList<qint64> numbers;
    numbers.reserve(rows.size());
    for (const Incident &row : rows)
        numbers.append(row.number);
    return numbers;
}

QVariant timeValue(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch())
                          : QVariant(QMetaType(QMetaType::LongLong));
}

QDateTime timeFrom(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QString jsonList(const QStringList &list)
{
    // Hand-written: called several times per alert, where QJsonDocument costs more than the SQL.
    QString out;
    out.reserve(16 + list.size() * 24);
    out += QLatin1Char('[');
    for (qsizetype n = 0; n < list.size(); ++n) {
        if (n)
            out += QLatin1Char(',');
        out += QLatin1Char('"');
        for (const QChar c : list.at(n)) {
            switch (c.unicode()) {
            case '"':
                out += QLatin1String("\\\"");
                break;
            case '\\':
                out += QLatin1String("\\\\");
                break;
            case '\n':
                out += QLatin1String("\\n");
                break;
            case '\r':
                out += QLatin1String("\\r");
                break;
            case '\t':
                out += QLatin1String("\\t");
                break;
            default:
                if (c.unicode() < 0x20)
                    out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
                else
                    out += c;
            }
        }
        out += QLatin1Char('"');
    }
    out += QLatin1Char(']');
    return out;
}

QStringList listFromJson(const QString &text)
{
    if (text.size() <= 2)
        return {};
    // What jsonList() writes, ["a","b"], is split by hand: QJsonDocument for every stored tag list
    // was a large part of loading a big queue. Anything with an escape goes to the real parser.
    if (text.front() == QLatin1Char('[') && text.back() == QLatin1Char(']')
        && !text.contains(QLatin1Char('\\'))) {
        QStringList list;
        const QStringView inner = QStringView(text).mid(1, text.size() - 2);
        qsizetype at = 0;
        bool simple = true;
        while (at < inner.size() && simple) {
            if (inner.at(at) != QLatin1Char('"')) {
                simple = false;
                break;
            }
            const qsizetype close = inner.indexOf(QLatin1Char('"'), at + 1);
            if (close < 0) {
                simple = false;
                break;
            }
            list.append(inner.mid(at + 1, close - at - 1).toString());
            at = close + 1;
            if (at < inner.size()) {
                if (inner.at(at) != QLatin1Char(',')) {
                    simple = false;
                    break;
                }
                ++at;
            }
        }
        if (simple)
            return list;
    }
    QStringList list;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    list.reserve(array.size());
    for (const auto &value : array)
        list.append(value.toString());
    return list;
}

QList<Comment> commentsFromJson(const QString &text)
{
    QList<Comment> list;
    if (text.size() <= 2)
        return list;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const auto &value : array)
        list.append(commentFromGraph(value.toObject()));
    return list;
}

Incident incidentFromRow(const QSqlQuery &q)
{
    Incident i;
    i.number = q.value(0).toLongLong();
    i.provider = q.value(1).toString();
    i.providerIncidentId = q.value(2).toString();
    i.tenantId = q.value(3).toString();
    i.title = q.value(4).toString();
    i.description = q.value(5).toString();
    i.severity = q.value(6).toString();
    i.status = q.value(7).toString();
    i.assignedTo = q.value(8).toString();
    i.classification = q.value(9).toString();
    i.determination = q.value(10).toString();
    i.redirectIncidentId = q.value(11).toString();
    i.lastModifiedBy = q.value(12).toString();
    i.webUrl = q.value(13).toString();
    i.createdTime = timeFrom(q.value(14));
    i.lastUpdateTime = timeFrom(q.value(15));
    i.alertCount = q.value(16).toInt();
    i.syncState = SyncState(q.value(17).toInt());
    i.customTags = listFromJson(q.value(18).toString());
    i.systemTags = listFromJson(q.value(19).toString());
    i.redirectedToNumber = q.value(20).toLongLong();
    i.ruleAlertId = q.value(21).toString();
    i.duplicateOf = q.value(22).toLongLong();
    if (const QString sources = q.value(23).toString(); !sources.isEmpty())
        i.alertSources = sources.split(QLatin1Char(','), Qt::SkipEmptyParts);
    i.alertText = q.value(24).toString();
    i.commentCount = q.value(25).toInt();
    i.summary = q.value(26).toString();
    i.resolvingComment = q.value(27).toString();
    return i;
}

/** incidentFromRow() for the same columns read through a raw statement (the page-write path). */
Incident incidentFromStatement(const SqlStatement &q)
{
    Incident i;
    i.number = q.integer(0);
    i.provider = q.text(1);
    i.providerIncidentId = q.text(2);
    i.tenantId = q.text(3);
    i.title = q.text(4);
    i.description = q.text(5);
    i.severity = q.text(6);
    i.status = q.text(7);
    i.assignedTo = q.text(8);
    i.classification = q.text(9);
    i.determination = q.text(10);
    i.redirectIncidentId = q.text(11);
    i.lastModifiedBy = q.text(12);
    i.webUrl = q.text(13);
    i.createdTime = q.time(14);
    i.lastUpdateTime = q.time(15);
    i.alertCount = int(q.integer(16));
    i.syncState = SyncState(q.integer(17));
    i.customTags = listFromJson(q.text(18));
    i.systemTags = listFromJson(q.text(19));
    i.redirectedToNumber = q.integer(20);
    i.ruleAlertId = q.text(21);
    i.duplicateOf = q.integer(22);
    if (const QString sources = q.text(23); !sources.isEmpty())
        i.alertSources = sources.split(QLatin1Char(','), Qt::SkipEmptyParts);
    i.alertText = q.text(24);
    i.commentCount = int(q.integer(25));
    i.summary = q.text(26);
    i.resolvingComment = q.text(27);
    return i;
}

Alert alertFromRow(const QSqlQuery &q)
{
    Alert a;
    a.id = q.value(0).toString();
    a.incidentId = q.value(1).toString();
    a.providerAlertId = q.value(2).toString();
    a.title = q.value(3).toString();
    a.description = q.value(4).toString();
    a.category = q.value(5).toString();
    a.severity = q.value(6).toString();
    a.status = q.value(7).toString();
    a.classification = q.value(8).toString();
    a.determination = q.value(9).toString();
    a.serviceSource = q.value(10).toString();
    a.detectionSource = q.value(11).toString();
    a.detectorId = q.value(12).toString();
    a.assignedTo = q.value(13).toString();
    a.alertWebUrl = q.value(14).toString();
    a.incidentWebUrl = q.value(15).toString();
    a.actorDisplayName = q.value(16).toString();
    a.threatDisplayName = q.value(17).toString();
    a.threatFamilyName = q.value(18).toString();
    a.recommendedActions = q.value(19).toString();
    a.tenantId = q.value(20).toString();
    a.mitreTechniques = listFromJson(q.value(21).toString());
    a.systemTags = listFromJson(q.value(22).toString());
    a.createdTime = timeFrom(q.value(23));
    a.lastUpdateTime = timeFrom(q.value(24));
    a.resolvedTime = timeFrom(q.value(25));
    a.firstActivityTime = timeFrom(q.value(26));
    a.lastActivityTime = timeFrom(q.value(27));
    a.comments = commentsFromJson(q.value(28).toString());
    a.alertPolicyId = q.value(29).toString();
    a.customDetailsJson = q.value(30).toByteArray();
    a.additionalDataJson = q.value(31).toByteArray();
    return a;
}

Entity entityFromRow(const QSqlQuery &q, int first)
{
    Entity e;
    e.kind = q.value(first).toString();
    e.odataType = q.value(first + 1).toString();
    e.value = q.value(first + 2).toString();
    e.detail = q.value(first + 3).toString();
    e.verdict = q.value(first + 4).toString();
    e.remediationStatus = q.value(first + 5).toString();
    e.roles = listFromJson(q.value(first + 6).toString());
    e.rawJson = q.value(first + 7).toByteArray();
    return e;
}

/** What the evidence column holds for an alert: its evidence as received when the fast reader
 *  left it so, else the data stream of evidenceBlob. */
QByteArray storedEvidence(const Alert &alert)
{
    return alert.evidenceJson.isEmpty() ? evidenceBlob(alert.evidence) : alert.evidenceJson;
}

QList<Entity> evidenceFromBlob(const QByteArray &blob)
{
    // Evidence as Graph sent it (a JSON array), or as schema 2 and 3 wrote it (a data stream
    // that starts with its format byte).
    if (blob.startsWith('['))
        return evidenceFromGraphJson(blob);
    QList<Entity> list;
    QDataStream in(blob);
    prepareStream(in);
    quint8 format = 0;
    quint32 count = 0;
    in >> format >> count;
    if (format != kEvidenceFormat) {
        qCWarning(lcStore) << "evidence blob of unknown format" << format;
        return list;
    }
    list.reserve(std::min<quint32>(count, 1024));
    for (quint32 n = 0; n < count && in.status() == QDataStream::Ok; ++n) {
        Entity e;
        in >> e.kind >> e.odataType >> e.value >> e.detail >> e.verdict >> e.remediationStatus
                >> e.roles >> e.rawJson;
        if (in.status() == QDataStream::Ok)
            list.append(std::move(e));
    }
    return list;
}

// A field value as stored in outbox and activity: text and determination as text, tags as JSON.
QString fieldValueText(const FieldValue &value)
{
    QJsonObject json;
    json.insert(QLatin1String("text"), value.text);
    if (!value.determination.isEmpty())
        json.insert(QLatin1String("determination"), value.determination);
    json.insert(QLatin1String("tags"), QJsonArray::fromStringList(value.tags));
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

FieldValue fieldValueFromText(const QString &text)
{
    const QJsonObject json = QJsonDocument::fromJson(text.toUtf8()).object();
    FieldValue value;
    value.text = json.value(QLatin1String("text")).toString();
    value.determination = json.value(QLatin1String("determination")).toString();
    for (const auto &tag : json.value(QLatin1String("tags")).toArray())
        value.tags.append(tag.toString());
    return value;
}

AlertRows alertRowsOf(const QList<Alert> &alerts)
{
    AlertRows rows;
    rows.reserve(alerts.size());
    AlertText &text = *rows.sharedText();
    const auto utf8 = [&text](const QString &value) -> std::string_view {
        if (value.isNull())
            return {};
        const QByteArray bytes = value.toUtf8();
        return text.copy(std::string_view(bytes.constData(), size_t(bytes.size())));
    };
    const auto bytes = [&text](const QByteArray &value) -> std::string_view {
        if (value.isNull())
            return {};
        return text.copy(std::string_view(value.constData(), size_t(value.size())));
    };
    const auto ms = [](const QDateTime &time) {
        return time.isValid() ? time.toMSecsSinceEpoch() : AlertRows::kNoTime;
    };
    for (const Alert &a : alerts) {
        AlertRows::Row &row = rows.appendRow();
        auto &t = row.text;
        t[AlertRows::Id] = utf8(a.id);
        t[AlertRows::IncidentId] = utf8(a.incidentId);
        t[AlertRows::ProviderAlertId] = utf8(a.providerAlertId);
        t[AlertRows::Title] = utf8(a.title);
        t[AlertRows::Description] = utf8(a.description);
        t[AlertRows::Category] = utf8(a.category);
        t[AlertRows::Severity] = utf8(a.severity);
        t[AlertRows::Status] = utf8(a.status);
        t[AlertRows::Classification] = utf8(a.classification);
        t[AlertRows::Determination] = utf8(a.determination);
        t[AlertRows::ServiceSource] = utf8(a.serviceSource);
        t[AlertRows::DetectionSource] = utf8(a.detectionSource);
        t[AlertRows::DetectorId] = utf8(a.detectorId);
        t[AlertRows::AssignedTo] = utf8(a.assignedTo);
        t[AlertRows::AlertWebUrl] = utf8(a.alertWebUrl);
        t[AlertRows::IncidentWebUrl] = utf8(a.incidentWebUrl);
        t[AlertRows::ActorDisplayName] = utf8(a.actorDisplayName);
        t[AlertRows::ThreatDisplayName] = utf8(a.threatDisplayName);
        t[AlertRows::ThreatFamilyName] = utf8(a.threatFamilyName);
        t[AlertRows::RecommendedActions] = utf8(a.recommendedActions);
        t[AlertRows::TenantId] = utf8(a.tenantId);
        t[AlertRows::MitreTechniques] = utf8(jsonList(a.mitreTechniques));
        t[AlertRows::SystemTags] = utf8(jsonList(a.systemTags));
        t[AlertRows::Comments] = bytes(alertCommentsJson(a.comments));
        t[AlertRows::AlertPolicyId] = utf8(a.alertPolicyId);
        t[AlertRows::CustomDetails] = bytes(a.customDetailsJson);
        t[AlertRows::AdditionalData] = bytes(a.additionalDataJson);
        t[AlertRows::Evidence] = bytes(storedEvidence(a));
        row.time = {ms(a.createdTime), ms(a.lastUpdateTime), ms(a.resolvedTime),
                    ms(a.firstActivityTime), ms(a.lastActivityTime)};
    }
    return rows;
}

void bindAlertRow(SqlStatement &q, const AlertRows &rows, qsizetype n, std::string_view incidentId)
{
    const AlertRows::Row &row = rows.row(n);
    const auto text = [&row](AlertRows::Field field) { return row.text[field]; };
    const auto time = [&q, &row](int column, AlertRows::Time which) {
        if (row.time[which] == AlertRows::kNoTime)
            q.bind(column, QDateTime());
        else
            q.bind(column, row.time[which]);
    };
    q.bindUtf8(1, text(AlertRows::Id));
    q.bindUtf8(2, incidentId);
    int c = 3;
    for (const AlertRows::Field field : {AlertRows::ProviderAlertId,  AlertRows::Title,
                                         AlertRows::Description,      AlertRows::Category,
                                         AlertRows::Severity,         AlertRows::Status,
                                         AlertRows::Classification,   AlertRows::Determination,
                                         AlertRows::ServiceSource,    AlertRows::DetectionSource,
                                         AlertRows::DetectorId,       AlertRows::AssignedTo,
                                         AlertRows::AlertWebUrl,      AlertRows::IncidentWebUrl,
                                         AlertRows::ActorDisplayName, AlertRows::ThreatDisplayName,
                                         AlertRows::ThreatFamilyName, AlertRows::RecommendedActions,
                                         AlertRows::TenantId,         AlertRows::MitreTechniques,
                                         AlertRows::SystemTags})
        q.bindUtf8(c++, text(field));
    time(c++, AlertRows::Created);
    time(c++, AlertRows::LastUpdate);
    time(c++, AlertRows::Resolved);
    time(c++, AlertRows::FirstActivity);
    time(c++, AlertRows::LastActivity);
    q.bindUtf8(c++, text(AlertRows::Comments));
    q.bindUtf8(c++, text(AlertRows::AlertPolicyId));
    q.bindBytes(c++, text(AlertRows::CustomDetails));
    q.bindBytes(c++, text(AlertRows::AdditionalData));
    q.bindBytes(c++, text(AlertRows::Evidence));
}

} // namespace Vigil::StoreRows
