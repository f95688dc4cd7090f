#include "graphjson.h"

#include "vocabulary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace Vigil {

namespace {

QString str(const QJsonObject &json, QLatin1String key)
{
    const QJsonValue value = json.value(key);
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toInteger());
    return {};
}

QStringList strList(const QJsonObject &json, QLatin1String key)
{
    QStringList list;
    const QJsonArray array = json.value(key).toArray();
    list.reserve(array.size());
    for (const QJsonValue &item : array) {
        if (item.isString())
            list.append(item.toString());
    }
    return list;
}

QDateTime time(const QJsonObject &json, QLatin1String key)
{
    return parseGraphDateTime(json.value(key).toString());
}

QList<Comment> comments(const QJsonObject &json)
{
    QList<Comment> list;
    const QJsonArray array = json.value(QLatin1String("comments")).toArray();
    for (const QJsonValue &item : array) {
        if (item.isObject())
            list.append(commentFromGraph(item.toObject()));
    }
    return list;
}

QString joinNonEmpty(std::initializer_list<QString> parts, QLatin1String separator)
{
    QStringList kept;
    for (const QString &part : parts) {
        if (!part.isEmpty())
            kept.append(part);
    }
    return kept.join(separator);
}

QString accountValue(const QJsonObject &account)
{
    QString upn = str(account, QLatin1String("userPrincipalName"));
    if (!upn.isEmpty())
        return upn;
    const QString name = str(account, QLatin1String("accountName"));
    const QString domain = str(account, QLatin1String("domainName"));
    if (!name.isEmpty())
        return domain.isEmpty() ? name : domain + QLatin1Char('\\') + name;
    return str(account, QLatin1String("displayName"));
}

} // namespace

QDateTime parseGraphDateTime(const QString &text)
{
    if (text.isEmpty())
        return {};
    // Graph sends up to 7 fractional digits; QDateTime's ISO parser wants at most 3.
    static const QRegularExpression re(
            QStringLiteral(
                    R"(^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?$)"),
            QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(text.trimmed());
    if (!m.hasMatch())
        return {};
    const QDate date = QDate::fromString(m.captured(1), Qt::ISODate);
    QString fraction = m.captured(5);
    int msec = 0;
    if (!fraction.isEmpty()) {
        fraction = QString(fraction + QStringLiteral("000")).left(3);
        msec = fraction.toInt();
    }
    const QTime clock(m.captured(2).toInt(), m.captured(3).toInt(), m.captured(4).toInt(), msec);
    if (!date.isValid() || !clock.isValid())
        return {};
    QDateTime result(date, clock, Qt::UTC);
    const QString zone = m.captured(6);
    if (!zone.isEmpty() && zone.compare(QLatin1String("Z"), Qt::CaseInsensitive) != 0) {
        QString digits = zone.mid(1);
        digits.remove(QLatin1Char(':'));
        const int offset = (digits.left(2).toInt() * 3600 + digits.mid(2, 2).toInt() * 60)
                           * (zone.startsWith(QLatin1Char('-')) ? -1 : 1);
        result = result.addSecs(-offset);
    }
    return result;
}

QString formatGraphDateTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

Comment commentFromGraph(const QJsonObject &json)
{
    Comment comment;
    comment.text = str(json, QLatin1String("comment"));
    comment.author = str(json, QLatin1String("createdByDisplayName"));
    if (comment.author.isEmpty())
        comment.author = str(json, QLatin1String("createdBy"));
    comment.createdTime = time(json, QLatin1String("createdDateTime"));
    if (!comment.createdTime.isValid())
        comment.createdTime = time(json, QLatin1String("createdTime"));
    return comment;
}

QString entityKindForOdataType(const QString &odataType)
{
    static const QHash<QString, QString> kinds = {
            {QStringLiteral("deviceevidence"), QStringLiteral("device")},
            {QStringLiteral("userevidence"), QStringLiteral("user")},
            {QStringLiteral("mailboxevidence"), QStringLiteral("mailbox")},
            {QStringLiteral("fileevidence"), QStringLiteral("file")},
            {QStringLiteral("processevidence"), QStringLiteral("process")},
            {QStringLiteral("ipevidence"), QStringLiteral("ip")},
            {QStringLiteral("urlevidence"), QStringLiteral("url")},
            {QStringLiteral("registrykeyevidence"), QStringLiteral("registryKey")},
            {QStringLiteral("registryvalueevidence"), QStringLiteral("registryValue")},
            {QStringLiteral("analyzedmessageevidence"), QStringLiteral("email")},
            {QStringLiteral("cloudapplicationevidence"), QStringLiteral("cloudApplication")},
            {QStringLiteral("mailclusterevidence"), QStringLiteral("mailCluster")},
            {QStringLiteral("oauthapplicationevidence"), QStringLiteral("oauthApplication")},
            {QStringLiteral("securitygroupevidence"), QStringLiteral("securityGroup")},
    };
    QString type = odataType.toLower();
    const qsizetype dot = type.lastIndexOf(QLatin1Char('.'));
    if (dot >= 0)
        type = type.mid(dot + 1);
    return kinds.value(type, QStringLiteral("other"));
}

QString entityKindLabel(const QString &kind)
{
    static const QHash<QString, QString> labels = {
            {QStringLiteral("device"), QStringLiteral("Devices")},
            {QStringLiteral("user"), QStringLiteral("Users")},
            {QStringLiteral("mailbox"), QStringLiteral("Mailboxes")},
            {QStringLiteral("file"), QStringLiteral("Files")},
            {QStringLiteral("process"), QStringLiteral("Processes")},
            {QStringLiteral("ip"), QStringLiteral("IP addresses")},
            {QStringLiteral("url"), QStringLiteral("URLs")},
            {QStringLiteral("registryKey"), QStringLiteral("Registry keys")},
            {QStringLiteral("registryValue"), QStringLiteral("Registry values")},
            {QStringLiteral("email"), QStringLiteral("Email messages")},
            {QStringLiteral("cloudApplication"), QStringLiteral("Cloud applications")},
            {QStringLiteral("mailCluster"), QStringLiteral("Mail clusters")},
            {QStringLiteral("oauthApplication"), QStringLiteral("OAuth applications")},
            {QStringLiteral("securityGroup"), QStringLiteral("Security groups")},
    };
    return labels.value(kind, QStringLiteral("Other evidence"));
}

Entity entityFromEvidence(const QJsonObject &json)
{
    Entity e;
    e.odataType = str(json, QLatin1String("@odata.type"));
    e.kind = entityKindForOdataType(e.odataType);
    e.verdict = canonicalEnumValue(GraphEnum::EvidenceVerdict, str(json, QLatin1String("verdict")));
    e.remediationStatus = canonicalEnumValue(GraphEnum::EvidenceRemediationStatus,
                                             str(json, QLatin1String("remediationStatus")));
    for (const QString &role : strList(json, QLatin1String("roles")))
        e.roles.append(canonicalEnumValue(GraphEnum::EvidenceRole, role));
    e.rawJson = QJsonDocument(json).toJson(QJsonDocument::Compact);

    const auto obj = [&json](const char *key) { return json.value(QLatin1String(key)).toObject(); };
    const auto s = [&json](const char *key) { return str(json, QLatin1String(key)); };

    if (e.kind == QLatin1String("device")) {
        e.value = s("deviceDnsName");
        if (e.value.isEmpty())
            e.value = s("mdeDeviceId");
        e.detail = joinNonEmpty({s("osPlatform"), s("version")}, QLatin1String(" "));
    } else if (e.kind == QLatin1String("user")) {
        e.value = accountValue(obj("userAccount"));
        e.detail = str(obj("userAccount"), QLatin1String("displayName"));
    } else if (e.kind == QLatin1String("mailbox")) {
        e.value = s("primaryAddress");
        if (e.value.isEmpty())
            e.value = s("upn");
        e.detail = s("displayName");
    } else if (e.kind == QLatin1String("file")) {
        const QJsonObject file = obj("fileDetails");
        e.value = str(file, QLatin1String("fileName"));
        e.detail = joinNonEmpty(
                {str(file, QLatin1String("filePath")), str(file, QLatin1String("sha256"))},
                QLatin1String(" · "));
    } else if (e.kind == QLatin1String("process")) {
        const QJsonObject image = obj("imageFile");
        e.value = str(image, QLatin1String("fileName"));
        if (e.value.isEmpty())
            e.value = s("processId");
        e.detail = s("processCommandLine");
    } else if (e.kind == QLatin1String("ip")) {
        e.value = s("ipAddress");
        e.detail = s("countryLetterCode");
    } else if (e.kind == QLatin1String("url")) {
        e.value = s("url");
    } else if (e.kind == QLatin1String("registryKey")) {
        e.value = joinNonEmpty({s("registryHive"), s("registryKey")}, QLatin1String("\\"));
    } else if (e.kind == QLatin1String("registryValue")) {
        e.value = joinNonEmpty({s("registryHive"), s("registryKey")}, QLatin1String("\\"));
        e.detail = joinNonEmpty({s("registryValueName"), s("registryValue")}, QLatin1String(" = "));
    } else if (e.kind == QLatin1String("email")) {
        e.value = s("subject");
        e.detail = joinNonEmpty({s("recipientEmailAddress"), s("networkMessageId")},
                                QLatin1String(" · "));
    } else if (e.kind == QLatin1String("cloudApplication")) {
        e.value = s("displayName");
        e.detail = s("appId");
    } else if (e.kind == QLatin1String("oauthApplication")) {
        e.value = s("displayName");
        e.detail = s("appId");
    } else if (e.kind == QLatin1String("securityGroup")) {
        e.value = s("displayName");
        e.detail = s("securityGroupId");
    } else if (e.kind == QLatin1String("mailCluster")) {
        e.value = s("clusterBy");
        e.detail = s("clusterByValue");
    }
    if (e.value.isEmpty()) {
        // Unknown evidence types: show the first identifying-looking field there is.
        for (const char *key : {"displayName", "name", "id", "resourceId", "url", "ipAddress"}) {
            e.value = s(key);
            if (!e.value.isEmpty())
                break;
        }
    }
    if (e.value.isEmpty()) {
        QString type = e.odataType;
        e.value = type.mid(type.lastIndexOf(QLatin1Char('.')) + 1);
    }
    return e;
}

Result<Alert> alertFromGraph(const QJsonObject &json)
{
    Alert a;
    a.id = str(json, QLatin1String("id"));
    if (a.id.isEmpty())
        return Error{Error::Kind::Parse, 0, {}, QStringLiteral("alert without id"), {}};
    a.providerAlertId = str(json, QLatin1String("providerAlertId"));
    a.incidentId = str(json, QLatin1String("incidentId"));
    a.title = str(json, QLatin1String("title"));
    a.description = str(json, QLatin1String("description"));
    a.category = str(json, QLatin1String("category"));
    a.severity = canonicalEnumValue(GraphEnum::Severity, str(json, QLatin1String("severity")));
    a.status = canonicalEnumValue(GraphEnum::AlertStatus, str(json, QLatin1String("status")));
    a.classification = canonicalEnumValue(GraphEnum::Classification,
                                          str(json, QLatin1String("classification")));
    a.determination = canonicalEnumValue(GraphEnum::Determination,
                                         str(json, QLatin1String("determination")));
    a.serviceSource = canonicalEnumValue(GraphEnum::ServiceSource,
                                         str(json, QLatin1String("serviceSource")));
    a.detectionSource = canonicalEnumValue(GraphEnum::DetectionSource,
                                           str(json, QLatin1String("detectionSource")));
    a.detectorId = str(json, QLatin1String("detectorId"));
    a.assignedTo = str(json, QLatin1String("assignedTo"));
    a.alertWebUrl = str(json, QLatin1String("alertWebUrl"));
    a.incidentWebUrl = str(json, QLatin1String("incidentWebUrl"));
    a.actorDisplayName = str(json, QLatin1String("actorDisplayName"));
    a.threatDisplayName = str(json, QLatin1String("threatDisplayName"));
    a.threatFamilyName = str(json, QLatin1String("threatFamilyName"));
    a.recommendedActions = str(json, QLatin1String("recommendedActions"));
    a.tenantId = str(json, QLatin1String("tenantId"));
    a.mitreTechniques = strList(json, QLatin1String("mitreTechniques"));
    a.systemTags = strList(json, QLatin1String("systemTags"));
    a.createdTime = time(json, QLatin1String("createdDateTime"));
    a.lastUpdateTime = time(json, QLatin1String("lastUpdateDateTime"));
    a.resolvedTime = time(json, QLatin1String("resolvedDateTime"));
    a.firstActivityTime = time(json, QLatin1String("firstActivityDateTime"));
    a.lastActivityTime = time(json, QLatin1String("lastActivityDateTime"));
    a.comments = comments(json);
    const QJsonArray evidence = json.value(QLatin1String("evidence")).toArray();
    a.evidence.reserve(evidence.size());
    for (const QJsonValue &item : evidence) {
        if (item.isObject())
            a.evidence.append(entityFromEvidence(item.toObject()));
    }
    return a;
}

Result<Incident> incidentFromGraph(const QJsonObject &json)
{
    Incident i;
    i.providerIncidentId = str(json, QLatin1String("id"));
    if (i.providerIncidentId.isEmpty())
        return Error{Error::Kind::Parse, 0, {}, QStringLiteral("incident without id"), {}};
    i.provider = QString::fromUtf16(kProviderM365d);
    i.tenantId = str(json, QLatin1String("tenantId"));
    i.title = str(json, QLatin1String("displayName"));
    i.description = str(json, QLatin1String("description"));
    i.severity = canonicalEnumValue(GraphEnum::Severity, str(json, QLatin1String("severity")));
    i.status = canonicalEnumValue(GraphEnum::IncidentStatus, str(json, QLatin1String("status")));
    i.assignedTo = str(json, QLatin1String("assignedTo"));
    i.classification = canonicalEnumValue(GraphEnum::Classification,
                                          str(json, QLatin1String("classification")));
    i.determination = canonicalEnumValue(GraphEnum::Determination,
                                         str(json, QLatin1String("determination")));
    i.redirectIncidentId = str(json, QLatin1String("redirectIncidentId"));
    i.lastModifiedBy = str(json, QLatin1String("lastModifiedBy"));
    i.webUrl = str(json, QLatin1String("incidentWebUrl"));
    i.customTags = strList(json, QLatin1String("customTags"));
    i.systemTags = strList(json, QLatin1String("systemTags"));
    i.createdTime = time(json, QLatin1String("createdDateTime"));
    i.lastUpdateTime = time(json, QLatin1String("lastUpdateDateTime"));
    i.comments = comments(json);
    const QJsonValue alerts = json.value(QLatin1String("alerts"));
    i.alertCount = alerts.isArray() ? int(alerts.toArray().size()) : 0;
    return i;
}

QList<Alert> alertsOfIncident(const QJsonObject &json)
{
    QList<Alert> alerts;
    const QJsonArray array = json.value(QLatin1String("alerts")).toArray();
    alerts.reserve(array.size());
    for (const QJsonValue &item : array) {
        Result<Alert> alert = alertFromGraph(item.toObject());
        if (alert)
            alerts.append(std::move(alert).value());
    }
    return alerts;
}

} // namespace Vigil
