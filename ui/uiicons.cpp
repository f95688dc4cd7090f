#include "uiicons.h"

namespace Vigil {

namespace {

QIcon icon(const char *name)
{
    return QIcon(QStringLiteral(":/icons/") + QLatin1String(name) + QStringLiteral(".svg"));
}

} // namespace

QIcon appIcon()
{
    return icon("vigil");
}

SeverityIcons severityIcons()
{
    static const SeverityIcons icons
            = {icon("severity-unknown"), icon("severity-informational"), icon("severity-low"),
               icon("severity-medium"), icon("severity-high")};
    return icons;
}

SyncStateIcons syncStateIcons()
{
    static const SyncStateIcons icons = {icon("sync-synced"), icon("sync-pending"),
                                         icon("sync-conflict"), icon("sync-error")};
    return icons;
}

QIcon syncEngineIcon(SyncStatus::State state)
{
    switch (state) {
    case SyncStatus::State::Idle:
        return icon("sync-synced");
    case SyncStatus::State::Syncing:
        return icon("sync-syncing");
    case SyncStatus::State::BackingOff:
        return icon("sync-pending");
    case SyncStatus::State::Offline:
        return icon("sync-offline");
    case SyncStatus::State::Error:
        return icon("sync-error");
    }
    return {};
}

} // namespace Vigil
