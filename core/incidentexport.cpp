#include "incidentexport.h"

#include "graphjson.h"
#include "vocabulary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

namespace Vigil {

namespace {

QJsonValue timeValue(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(formatGraphDateTime(time)) : QJsonValue();
}

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QJsonArray comments(const QList<Comment> &list)
{
    QJsonArray array;
    for (const Comment &c : list) {
        array.append(QJsonObject{{QStringLiteral("text"), c.text},
                                 {QStringLiteral("author"), c.author},
                                 {QStringLiteral("createdTime"), timeValue(c.createdTime)}});
    }
    return array;
}

/** OWASP's advice on CSV injection: a cell a spreadsheet would read as a formula gets a leading
 *  apostrophe, which the spreadsheet shows as text. */
QString formulaSafe(const QString &text)
{
    if (text.isEmpty())
        return text;
    switch (text.front().unicode()) {
    case u'=':
    case u'+':
    case u'-':
    case u'@':
    case u'\t':
    case u'\r':
        return QLatin1Char('\'') + text;
    default:
        return text;
    }
}

QString csvField(const QString &cell)
{
    QString text = formulaSafe(cell);
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"'))
        && !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

QString sentinelStatus(const QString &graphStatus)
{
    switch (vigilStatus(graphStatus)) {
    case VigilStatus::New:
        return QStringLiteral("New");
    case VigilStatus::Active:
        return QStringLiteral("Active");
    case VigilStatus::Closed:
        return QStringLiteral("Closed");
    case VigilStatus::Unknown:
        break;
    }
    return graphStatus;
}

QString sentinelClassification(const QString &graphClassification)
{
    switch (vigilClassification(graphClassification)) {
    case VigilClassification::None:
        return {};
    case VigilClassification::Undetermined:
        return QStringLiteral("Undetermined");
    case VigilClassification::TruePositive:
        return QStringLiteral("TruePositive");
    case VigilClassification::BenignPositive:
        return QStringLiteral("BenignPositive");
    case VigilClassification::FalsePositive:
        return QStringLiteral("FalsePositive");
    case VigilClassification::Unknown:
        break;
    }
    return graphClassification;
}

QString sentinelClassificationReason(const QString &graphClassification,
                                     const QString &graphDetermination)
{
    const QString d = canonicalEnumValue(GraphEnum::Determination, graphDetermination);
    switch (vigilClassification(graphClassification)) {
    case VigilClassification::TruePositive:
        return QStringLiteral("SuspiciousActivity");
    case VigilClassification::BenignPositive:
        return QStringLiteral("SuspiciousButExpected");
    case VigilClassification::FalsePositive:
        if (d == QLatin1String("notMalicious"))
            return QStringLiteral("IncorrectAlertLogic");
        if (d == QLatin1String("notEnoughDataToValidate"))
            return QStringLiteral("InaccurateData");
        return {};
    default:
        return {};
    }
}

QJsonObject incidentToJson(const Incident &i, const QUrl &webUrl)
{
    QJsonObject json;
    json.insert(QStringLiteral("number"), i.number);
    json.insert(QStringLiteral("provider"), i.provider);
    // A rule incident has no M365D id: its store key is not one.
    json.insert(QStringLiteral("providerIncidentId"),
                i.isRuleIncident() ? QJsonValue() : QJsonValue(i.providerIncidentId));
    json.insert(QStringLiteral("title"), i.title);
    json.insert(QStringLiteral("severity"), severityLabel(i.severity));
    json.insert(QStringLiteral("status"), sentinelStatus(i.status));
    json.insert(QStringLiteral("statusDetail"), statusLabel(i.status));
    json.insert(QStringLiteral("owner"), textOrNull(i.assignedTo));
    json.insert(QStringLiteral("classification"),
                textOrNull(sentinelClassification(i.classification)));
    json.insert(QStringLiteral("classificationReason"),
                textOrNull(sentinelClassificationReason(i.classification, i.determination)));
    json.insert(QStringLiteral("determination"), textOrNull(i.determination));
    json.insert(QStringLiteral("alertCount"), i.alertCount);
    json.insert(QStringLiteral("alertCountLabel"), alertCountLabel(i.alertCount));
    json.insert(QStringLiteral("tags"), QJsonArray::fromStringList(i.tags()));
    json.insert(QStringLiteral("webUrl"),
                webUrl.isEmpty() ? QJsonValue() : QJsonValue(webUrl.toString()));
    json.insert(QStringLiteral("createdTime"), timeValue(i.createdTime));
    json.insert(QStringLiteral("lastUpdateTime"), timeValue(i.lastUpdateTime));
    json.insert(QStringLiteral("redirectedTo"),
                i.redirectedToNumber > 0 ? QJsonValue(i.redirectedToNumber) : QJsonValue());
    json.insert(QStringLiteral("redirectIncidentId"), textOrNull(i.redirectIncidentId));
    json.insert(QStringLiteral("duplicateOf"),
                i.duplicateOf > 0 ? QJsonValue(i.duplicateOf) : QJsonValue());
    json.insert(QStringLiteral("ruleAlertId"), textOrNull(i.ruleAlertId));
    return json;
}

QJsonObject alertToJson(const Alert &a, const Cloud &cloud)
{
    QJsonObject json;
    json.insert(QStringLiteral("id"), a.id);
    json.insert(QStringLiteral("title"), a.title);
    json.insert(QStringLiteral("severity"), severityLabel(a.severity));
    json.insert(QStringLiteral("status"), a.status);
    json.insert(QStringLiteral("product"), productShortName(a.serviceSource));
    json.insert(QStringLiteral("serviceSource"), a.serviceSource);
    json.insert(QStringLiteral("detectionSource"), a.detectionSource);
    json.insert(QStringLiteral("category"), a.category);
    json.insert(QStringLiteral("mitreTechniques"), QJsonArray::fromStringList(a.mitreTechniques));
    json.insert(QStringLiteral("createdTime"), timeValue(a.createdTime));
    json.insert(QStringLiteral("lastUpdateTime"), timeValue(a.lastUpdateTime));
    const QUrl link = portalAlertUrl(a.alertWebUrl, cloud);
    json.insert(QStringLiteral("alertWebUrl"),
                link.isEmpty() ? QJsonValue() : QJsonValue(link.toString()));
    return json;
}

QJsonObject incidentDetailToJson(const IncidentDetail &detail, const QUrl &webUrl,
                                 const Cloud &cloud)
{
    QJsonObject json = incidentToJson(detail.incident, webUrl);
    json.insert(QStringLiteral("description"), detail.incident.description);
    json.insert(QStringLiteral("summary"), textOrNull(detail.incident.summary));
    json.insert(QStringLiteral("resolvingComment"), textOrNull(detail.incident.resolvingComment));
    QJsonArray alerts;
    for (const Alert &alert : detail.alerts)
        alerts.append(alertToJson(alert, cloud));
    json.insert(QStringLiteral("alerts"), alerts);
    json.insert(QStringLiteral("alertsShown"), int(detail.alerts.size()));
    json.insert(QStringLiteral("alertCount"), detail.totalAlerts);
    json.insert(QStringLiteral("alertCountLabel"), alertCountLabel(detail.totalAlerts));
    QJsonArray entities;
    for (const Entity &e : detail.entities) {
        QJsonObject entity{{QStringLiteral("kind"), e.kind},
                           {QStringLiteral("value"), e.value},
                           {QStringLiteral("detail"), textOrNull(e.detail)},
                           {QStringLiteral("odataType"), e.odataType},
                           {QStringLiteral("verdict"), textOrNull(e.verdict)},
                           {QStringLiteral("roles"), QJsonArray::fromStringList(e.roles)}};
        entities.append(entity);
    }
    json.insert(QStringLiteral("entities"), entities);
    json.insert(QStringLiteral("comments"), comments(detail.incident.comments));
    QJsonArray mergedFrom;
    for (qint64 number : detail.mergedFrom)
        mergedFrom.append(number);
    json.insert(QStringLiteral("mergedFrom"), mergedFrom);
    QJsonArray activity;
    for (const ActivityEntry &entry : detail.activity) {
        activity.append(
                QJsonObject{{QStringLiteral("time"), formatGraphDateTime(entry.time)},
                            {QStringLiteral("side"), entry.side == ActivitySide::Local
                                                             ? QStringLiteral("local")
                                                             : QStringLiteral("remote")},
                            {QStringLiteral("field"), fieldName(entry.field)},
                            {QStringLiteral("old"), fieldValueToJson(entry.field, entry.oldValue)},
                            {QStringLiteral("new"), fieldValueToJson(entry.field, entry.newValue)},
                            {QStringLiteral("conflict"), entry.conflict},
                            {QStringLiteral("note"), entry.note},
                            {QStringLiteral("analyst"), textOrNull(entry.analyst)}});
    }
    json.insert(QStringLiteral("activity"), activity);
    return json;
}

QJsonValue fieldValueToJson(IncidentField field, const FieldValue &value)
{
    switch (field) {
    case IncidentField::Tags:
        return QJsonArray::fromStringList(value.tags);
    case IncidentField::Classification:
        return QJsonObject{{QStringLiteral("classification"), value.text},
                           {QStringLiteral("determination"), value.determination}};
    default:
        return value.text;
    }
}

QStringList incidentCsvColumns()
{
    return {QStringLiteral("number"),
            QStringLiteral("provider"),
            QStringLiteral("providerIncidentId"),
            QStringLiteral("title"),
            QStringLiteral("severity"),
            QStringLiteral("status"),
            QStringLiteral("owner"),
            QStringLiteral("classification"),
            QStringLiteral("classificationReason"),
            QStringLiteral("determination"),
            QStringLiteral("alertCount"),
            QStringLiteral("alertCountLabel"),
            QStringLiteral("tags"),
            QStringLiteral("webUrl"),
            QStringLiteral("createdTime"),
            QStringLiteral("lastUpdateTime"),
            QStringLiteral("redirectedTo"),
            QStringLiteral("duplicateOf")};
}

QString incidentToCsvLine(const QJsonObject &json)
{
    return incidentToCsvLine(json, incidentCsvColumns());
}

QString incidentToCsvLine(const QJsonObject &json, const QStringList &columns)
{
    QStringList fields;
    for (const QString &column : columns) {
        const QJsonValue value = json.value(column);
        QString text;
        if (value.isArray()) {
            QStringList items;
            for (const auto &item : value.toArray())
                items.append(item.toString());
            text = items.join(QLatin1String("; "));
        } else if (value.isDouble()) {
            text = QString::number(value.toInteger());
        } else {
            text = value.toString();
        }
        fields.append(csvField(text));
    }
    return fields.join(QLatin1Char(','));
}

} // namespace Vigil
