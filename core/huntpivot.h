#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Vigil {

/**
 * @brief A hunting query prefilled for something an incident shows (an alert, a device, a user,
 * a file hash, an IP): its text with literal datetime bounds, the tables it reads and the time
 * range it asks for, so that the page can tell when the local tables do not hold that range.
 * Value type; any thread.
 */
struct HuntPivot
{
    QString title; ///< the tab's name: "Device web-01", "IP 10.0.0.5", …
    QString query;
    QStringList tables;
    qint64 fromTicks = 0;
    qint64 toTicks = 0;
};

} // namespace Vigil

Q_DECLARE_METATYPE(Vigil::HuntPivot)
