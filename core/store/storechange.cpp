#include "storechange.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Vigil {

namespace {

constexpr int kMaxPayloadBytes = 7900; // PostgreSQL refuses 8000 and more

std::optional<StoreChange::What> whatFromName(const QString &name)
{
    for (const StoreChange::What what : {StoreChange::What::Incidents, StoreChange::What::Outbox,
                                         StoreChange::What::Activity, StoreChange::What::Rules}) {
        if (StoreChange::whatName(what) == name)
            return what;
    }
    return std::nullopt;
}

} // namespace

QString StoreChange::whatName(What what)
{
    switch (what) {
    case What::Incidents:
        return QStringLiteral("incidents");
    case What::Outbox:
        return QStringLiteral("outbox");
    case What::Activity:
        return QStringLiteral("activity");
    case What::Rules:
        return QStringLiteral("rules");
    }
    return {};
}

QString StoreChange::toPayload() const
{
    QJsonObject json;
    json.insert(QLatin1String("what"), whatName(what));
    if (numbersKnown && numbers.size() <= kMaxNumbers) {
        QJsonArray list;
        for (const qint64 number : numbers)
            list.append(number);
        json.insert(QLatin1String("numbers"), list);
    }
    // The analyst's name is the only free text: cut it so the payload always fits.
    json.insert(QLatin1String("by"), by.left(256));
    QByteArray text = QJsonDocument(json).toJson(QJsonDocument::Compact);
    if (text.size() > kMaxPayloadBytes) {
        json.remove(QLatin1String("numbers"));
        text = QJsonDocument(json).toJson(QJsonDocument::Compact);
    }
    return QString::fromUtf8(text);
}

std::optional<StoreChange> StoreChange::fromPayload(const QString &payload)
{
    const QJsonDocument document = QJsonDocument::fromJson(payload.toUtf8());
    if (!document.isObject())
        return std::nullopt;
    const QJsonObject json = document.object();
    const std::optional<What> what = whatFromName(json.value(QLatin1String("what")).toString());
    if (!what)
        return std::nullopt;
    StoreChange change;
    change.what = *what;
    change.by = json.value(QLatin1String("by")).toString();
    const QJsonValue numbers = json.value(QLatin1String("numbers"));
    change.numbersKnown = numbers.isArray();
    for (const auto &number : numbers.toArray())
        change.numbers.append(qint64(number.toDouble()));
    return change;
}

} // namespace Vigil
