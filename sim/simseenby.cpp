// Defender's SeenBy() for the simulated tenant: the query shape Vigil's SeenBy() enrichment
// sends, answered with deterministic device discovery results for the tenant's devices.
// Microsoft's page (advanced-hunting-seenby-function) says SeenBy() lists the onboarded devices
// that saw a device; the list's shape (DeviceId, LastEncountered) is the one public queries
// read. Which device saw which is made up from the devices' ids so that every run answers the
// same: a device is seen by up to three other devices of its machine group, or by none.
#include "simfileprofile_p.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace Vigil::Sim {

namespace {

/** A number from text, the same on every run. */
quint32 seedOf(const QString &text)
{
    const QByteArray digest = QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
    return quint32(quint8(digest[0])) << 24 | quint32(quint8(digest[1])) << 16
           | quint32(quint8(digest[2])) << 8 | quint32(quint8(digest[3]));
}

struct Device
{
    QString id;
    QString group;
};

} // namespace

bool answerSeenBy(const QString &query, const HuntingData &data, Ticks now, Kql::ResultSet *result,
                  QString *error)
{
    static const QRegularExpression shape(
            QStringLiteral(R"(^\s*DeviceInfo\s*\|\s*where\s+DeviceId\s+in\s*\((.*)\)\s*\|\s*)"
                           R"(distinct\s+DeviceId\s*\|\s*invoke\s+SeenBy\s*\(\s*\)\s*\|\s*)"
                           R"(project\s+DeviceId\s*,\s*SeenBy\s*;?\s*$)"),
            QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch match = shape.match(query);
    if (!match.hasMatch())
        return false;
    const std::optional<QStringList> values = stringLiterals(match.capturedView(1));
    if (!values) {
        *error = QStringLiteral("The values of 'in' are not string literals.");
        return true;
    }
    // The tenant's devices, in the order DeviceInfo first names them.
    QList<Device> devices;
    QSet<QString> known;
    if (const HuntTable *info = data.table(QStringLiteral("DeviceInfo"))) {
        const int idAt = info->column(QStringLiteral("DeviceId"));
        const int groupAt = info->column(QStringLiteral("MachineGroup"));
        for (const HuntRow &row : info->rows) {
            const QString id = idAt >= 0 ? row[std::size_t(idAt)].text : QString();
            if (id.isEmpty() || known.contains(id))
                continue;
            known.insert(id);
            devices.append({id, groupAt >= 0 ? row[std::size_t(groupAt)].text : QString()});
        }
    }
    result->columns.clear();
    result->rows.clear();
    result->columns.append({QStringLiteral("DeviceId"), ColumnType::String});
    result->columns.append({QStringLiteral("SeenBy"), ColumnType::Dynamic});
    QSet<QString> answered;
    for (const QString &asked : *values) {
        // distinct DeviceId: one row per device DeviceInfo has; none for an unknown one.
        if (!known.contains(asked) || answered.contains(asked))
            continue;
        answered.insert(asked);
        QString group;
        for (const Device &d : std::as_const(devices))
            group = d.id == asked ? d.group : group;
        QList<Device> others;
        for (const Device &d : std::as_const(devices)) {
            if (d.id != asked && d.group == group)
                others.append(d);
        }
        std::sort(others.begin(), others.end(), [&asked](const Device &a, const Device &b) {
            return seedOf(asked + a.id) < seedOf(asked + b.id);
        });
        const qsizetype seen = std::min<qsizetype>(seedOf(asked) % 4, others.size());
        QJsonArray seers;
        for (qsizetype i = 0; i < seen; ++i) {
            const Ticks last = now - Ticks(1 + seedOf(asked + others[i].id) % 72) * TicksPerHour;
            seers.append(QJsonObject{
                    {QStringLiteral("DeviceId"), others[i].id},
                    {QStringLiteral("LastEncountered"), HuntValue::dateTime(last).toJson()}});
        }
        HuntRow row;
        row.push_back(HuntValue::string(asked));
        row.push_back(HuntValue::dynamic(
                QString::fromUtf8(QJsonDocument(seers).toJson(QJsonDocument::Compact))));
        result->rows.push_back(std::move(row));
    }
    return true;
}

} // namespace Vigil::Sim
