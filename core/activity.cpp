#include "activity.h"

namespace Vigil {

QString fieldName(IncidentField field)
{
    switch (field) {
    case IncidentField::Status:
        return QStringLiteral("status");
    case IncidentField::Owner:
        return QStringLiteral("assignedTo");
    case IncidentField::Classification:
        return QStringLiteral("classification");
    case IncidentField::Tags:
        return QStringLiteral("customTags");
    case IncidentField::Comment:
        return QStringLiteral("comments");
    case IncidentField::Severity:
        return QStringLiteral("severity");
    case IncidentField::Title:
        return QStringLiteral("displayName");
    }
    return {};
}

std::optional<IncidentField> fieldFromName(const QString &name)
{
    for (IncidentField field :
         {IncidentField::Status, IncidentField::Owner, IncidentField::Classification,
          IncidentField::Tags, IncidentField::Comment, IncidentField::Severity,
          IncidentField::Title}) {
        if (fieldName(field) == name)
            return field;
    }
    return std::nullopt;
}

} // namespace Vigil
