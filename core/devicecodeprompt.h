#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QUrl>

namespace Vigil {

/** @brief What the analyst must do to finish a device-code sign-in. Any thread. */
struct DeviceCodePrompt
{
    QString userCode;
    QUrl verificationUri;
    QString message; ///< the service's own sentence (code and address included)
    QDateTime expiresAt;
    int intervalSeconds = 5;
};

} // namespace Vigil

Q_DECLARE_METATYPE(Vigil::DeviceCodePrompt)
