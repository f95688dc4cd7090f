#include "incident.h"

namespace Vigil {

bool Incident::isRedirected() const
{
    return status.compare(QLatin1String("redirected"), Qt::CaseInsensitive) == 0;
}

QStringList Incident::tags() const
{
    QStringList all = customTags;
    for (const QString &tag : systemTags) {
        if (!all.contains(tag, Qt::CaseInsensitive))
            all.append(tag);
    }
    const QString redirected = QStringLiteral("Redirected");
    if (isRedirected() && !all.contains(redirected, Qt::CaseInsensitive))
        all.append(redirected);
    return all;
}

QString ruleIncidentKey(const QString &alertId)
{
    // Graph incident ids are numbers: the prefix keeps the two apart.
    return QStringLiteral("rule:") + alertId;
}

} // namespace Vigil
