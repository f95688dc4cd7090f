#include "result.h"

namespace Vigil {

QString errorKindName(Error::Kind kind)
{
    switch (kind) {
    case Error::Kind::Network:
        return QStringLiteral("network");
    case Error::Kind::Timeout:
        return QStringLiteral("timeout");
    case Error::Kind::Auth:
        return QStringLiteral("authentication");
    case Error::Kind::Forbidden:
        return QStringLiteral("forbidden");
    case Error::Kind::NotFound:
        return QStringLiteral("not found");
    case Error::Kind::Throttled:
        return QStringLiteral("throttled");
    case Error::Kind::Server:
        return QStringLiteral("server");
    case Error::Kind::BadRequest:
        return QStringLiteral("bad request");
    case Error::Kind::Parse:
        return QStringLiteral("parse");
    case Error::Kind::Storage:
        return QStringLiteral("storage");
    case Error::Kind::Config:
        return QStringLiteral("configuration");
    case Error::Kind::Cancelled:
        return QStringLiteral("cancelled");
    case Error::Kind::Conflict:
        return QStringLiteral("conflict");
    }
    return QStringLiteral("unknown");
}

QString Error::toString() const
{
    QString text = errorKindName(kind) + QStringLiteral(" error");
    if (httpStatus > 0)
        text += QStringLiteral(" (HTTP %1)").arg(httpStatus);
    if (!code.isEmpty())
        text += QStringLiteral(" [") + code + QLatin1Char(']');
    if (!message.isEmpty())
        text += QStringLiteral(": ") + message;
    return text;
}

} // namespace Vigil
