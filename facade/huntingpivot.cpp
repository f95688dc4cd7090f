#include "huntingpivot.h"

#include "huntingcontroller.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace Vigil {

namespace {

constexpr qint64 kHourTicks = 36000000000LL;

QJsonObject evidenceOf(const Entity &entity)
{
    return QJsonDocument::fromJson(entity.rawJson).object();
}

/** The alert's activity span: first activity (or creation) to last activity (or update). */
std::pair<QDateTime, QDateTime> spanOf(const Alert &alert)
{
    QDateTime first
            = alert.firstActivityTime.isValid() ? alert.firstActivityTime : alert.createdTime;
    QDateTime last
            = alert.lastActivityTime.isValid() ? alert.lastActivityTime : alert.lastUpdateTime;
    if (!last.isValid())
        last = first;
    if (!first.isValid())
        first = last;
    return {first, last};
}

bool shows(const Alert &alert, const Entity &entity)
{
    for (const Entity &e : alert.evidence) {
        if (e.kind == entity.kind && e.value == entity.value)
            return true;
    }
    return false;
}

/** One hour before the first alert to one hour after the last (of those showing entity). */
std::optional<std::pair<qint64, qint64>> rangeOf(const QList<Alert> &alerts, const Entity *entity)
{
    QList<Alert> chosen;
    for (const Alert &alert : alerts) {
        if (!entity || shows(alert, *entity))
            chosen.append(alert);
    }
    if (chosen.isEmpty())
        chosen = alerts;
    QDateTime first;
    QDateTime last;
    for (const Alert &alert : std::as_const(chosen)) {
        const auto [a, b] = spanOf(alert);
        if (a.isValid() && (!first.isValid() || a < first))
            first = a;
        if (b.isValid() && (!last.isValid() || b > last))
            last = b;
    }
    if (!first.isValid() || !last.isValid())
        return std::nullopt;
    return std::pair{HuntingController::ticksOf(first) - kHourTicks,
                     HuntingController::ticksOf(last) + kHourTicks};
}

QString between(qint64 from, qint64 to)
{
    return QStringLiteral("| where Timestamp between (%1 .. %2)")
            .arg(HuntingController::dateTimeLiteral(from), HuntingController::dateTimeLiteral(to));
}

QString lit(const QString &value)
{
    return HuntingController::stringLiteral(value);
}

/** The device's match: its Defender id when the evidence has one, and its name. */
QString deviceMatch(const Entity &device)
{
    const QJsonObject json = evidenceOf(device);
    const QString id = json.value(QLatin1String("mdeDeviceId")).toString();
    QString name = json.value(QLatin1String("deviceDnsName")).toString();
    if (name.isEmpty() && device.value != id)
        name = device.value;
    QStringList terms;
    if (!id.isEmpty())
        terms.append(QStringLiteral("DeviceId == %1").arg(lit(id)));
    if (!name.isEmpty())
        terms.append(QStringLiteral("DeviceName =~ %1").arg(lit(name)));
    return terms.join(QStringLiteral(" or "));
}

std::optional<HuntPivot> devicePivot(const Entity &device, qint64 from, qint64 to,
                                     const QString &title, bool allTables)
{
    const QString match = deviceMatch(device);
    if (match.isEmpty())
        return std::nullopt;
    HuntPivot pivot;
    pivot.title = title;
    pivot.fromTicks = from;
    pivot.toTicks = to;
    pivot.tables = allTables ? QStringList{QStringLiteral("DeviceProcessEvents"),
                                           QStringLiteral("DeviceNetworkEvents"),
                                           QStringLiteral("DeviceFileEvents")}
                             : QStringList{QStringLiteral("DeviceProcessEvents")};
    const QString source = allTables ? QStringLiteral("union withsource=SourceTable %1")
                                               .arg(pivot.tables.join(QStringLiteral(", ")))
                                     : pivot.tables.first();
    pivot.query = QStringLiteral("%1\n%2\n| where %3\n| sort by Timestamp asc")
                          .arg(source, between(from, to), match);
    if (allTables) {
        // The union of three tables has every column of each (over a hundred): the ones that
        // tell the alert's story come first and alone, as a timeline to read down.
        pivot.query += QStringLiteral(
                "\n| project Timestamp, SourceTable, DeviceName, ActionType, FileName, FolderPath, "
                "ProcessCommandLine, AccountName, RemoteIP, RemotePort, RemoteUrl, "
                "InitiatingProcessFileName, InitiatingProcessCommandLine, SHA256, ReportId");
    }
    return pivot;
}

} // namespace

bool canHunt(const Entity &entity)
{
    return entity.kind == u"device" || entity.kind == u"user" || entity.kind == u"file"
           || entity.kind == u"ip";
}

std::optional<HuntPivot> huntPivotForEntity(const Entity &entity, const QList<Alert> &alerts)
{
    if (!canHunt(entity))
        return std::nullopt;
    const std::optional<std::pair<qint64, qint64>> range = rangeOf(alerts, &entity);
    if (!range)
        return std::nullopt;
    const auto [from, to] = *range;
    if (entity.kind == u"device")
        return devicePivot(entity, from, to,
                           QCoreApplication::translate("HuntPivot", "Device %1").arg(entity.value),
                           false);
    const QJsonObject json = evidenceOf(entity);
    HuntPivot pivot;
    pivot.fromTicks = from;
    pivot.toTicks = to;
    if (entity.kind == u"user") {
        const QJsonObject account = json.value(QLatin1String("userAccount")).toObject();
        QString upn = account.value(QLatin1String("userPrincipalName")).toString();
        QString name = account.value(QLatin1String("accountName")).toString();
        if (upn.isEmpty() && entity.value.contains(u'@'))
            upn = entity.value;
        if (name.isEmpty()) {
            name = entity.value.section(u'\\', -1);
            if (name.contains(u'@'))
                name = name.section(u'@', 0, 0);
        }
        if (name.isEmpty() && upn.isEmpty())
            return std::nullopt;
        QStringList terms;
        if (!name.isEmpty())
            terms.append(QStringLiteral("AccountName =~ %1").arg(lit(name)));
        if (!upn.isEmpty())
            terms.append(QStringLiteral("AccountUpn =~ %1").arg(lit(upn)));
        pivot.title = QCoreApplication::translate("HuntPivot", "User %1").arg(entity.value);
        pivot.tables = {QStringLiteral("DeviceLogonEvents"), QStringLiteral("IdentityLogonEvents")};
        pivot.query = QStringLiteral("union withsource=SourceTable DeviceLogonEvents, "
                                     "IdentityLogonEvents\n%1\n| where %2\n| sort by Timestamp asc")
                              .arg(between(from, to), terms.join(QStringLiteral(" or ")));
        return pivot;
    }
    if (entity.kind == u"file") {
        const QJsonObject file = json.value(QLatin1String("fileDetails")).toObject();
        const QString sha256 = file.value(QLatin1String("sha256")).toString();
        const QString sha1 = file.value(QLatin1String("sha1")).toString();
        QStringList terms;
        if (!sha256.isEmpty())
            terms.append(QStringLiteral("SHA256 == %1").arg(lit(sha256)));
        if (!sha1.isEmpty())
            terms.append(QStringLiteral("SHA1 == %1").arg(lit(sha1)));
        if (terms.isEmpty())
            return std::nullopt;
        pivot.title = QCoreApplication::translate("HuntPivot", "File %1")
                              .arg(entity.value.isEmpty() ? sha256 : entity.value);
        pivot.tables = {QStringLiteral("DeviceFileEvents"), QStringLiteral("DeviceProcessEvents")};
        pivot.query = QStringLiteral("union withsource=SourceTable DeviceFileEvents, "
                                     "DeviceProcessEvents\n%1\n| where %2\n| sort by Timestamp asc")
                              .arg(between(from, to), terms.join(QStringLiteral(" or ")));
        return pivot;
    }
    const QString ip = json.value(QLatin1String("ipAddress")).toString().isEmpty()
                               ? entity.value
                               : json.value(QLatin1String("ipAddress")).toString();
    if (ip.isEmpty())
        return std::nullopt;
    pivot.title = QCoreApplication::translate("HuntPivot", "IP %1").arg(ip);
    pivot.tables = {QStringLiteral("DeviceNetworkEvents")};
    pivot.query = QStringLiteral("DeviceNetworkEvents\n%1\n| where RemoteIP == %2\n| sort by "
                                 "Timestamp asc")
                          .arg(between(from, to), lit(ip));
    return pivot;
}

std::optional<HuntPivot> huntPivotForAlert(const Alert &alert)
{
    const std::optional<std::pair<qint64, qint64>> range = rangeOf({alert}, nullptr);
    if (!range)
        return std::nullopt;
    for (const Entity &e : alert.evidence) {
        if (e.kind == u"device")
            return devicePivot(
                    e, range->first, range->second,
                    QCoreApplication::translate("HuntPivot", "Alert %1").arg(alert.title.left(40)),
                    true);
    }
    return std::nullopt;
}

} // namespace Vigil
