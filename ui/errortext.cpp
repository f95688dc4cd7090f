#include "errortext.h"

namespace Vigil {

QString ErrorText::detailOf(const Error &error)
{
    QString detail = error.message;
    if (detail.isEmpty())
        detail = error.code;
    if (detail.isEmpty() && error.httpStatus > 0)
        detail = QStringLiteral("HTTP %1").arg(error.httpStatus);
    return detail.isEmpty() ? tr("no details") : detail;
}

QString ErrorText::describe(const Error &error)
{
    QString detail = detailOf(error);
    switch (error.kind) {
    case Error::Kind::Network:
        return tr("Cannot reach Microsoft Graph (%1). Vigil keeps retrying; check the network "
                  "connection or proxy.")
                .arg(detail);
    case Error::Kind::Timeout:
        return tr("Microsoft Graph did not answer in time (%1). Vigil keeps retrying.").arg(detail);
    case Error::Kind::Auth:
        return tr("Signing in to the tenant failed (%1). Check the tenant id, client id and "
                  "client secret on the connector page.")
                .arg(detail);
    case Error::Kind::Forbidden:
        return tr("The app registration is not allowed to read incidents (%1). Grant "
                  "SecurityIncident.Read.All with admin consent.")
                .arg(detail);
    case Error::Kind::NotFound:
        return tr("Microsoft Graph does not know this item (%1). It may have been deleted in "
                  "the Defender portal.")
                .arg(detail);
    case Error::Kind::Throttled:
        if (error.retryAfter)
            return tr("Microsoft Graph is throttling Vigil; the next call waits %1 s. Nothing "
                      "to do: sync resumes by itself.")
                    .arg(error.retryAfter->count());
        return tr("Microsoft Graph is throttling Vigil. Nothing to do: sync resumes by itself.");
    case Error::Kind::Server:
        return tr("Microsoft Graph had a server error (%1). Vigil keeps retrying.").arg(detail);
    case Error::Kind::BadRequest:
        return tr("Microsoft Graph refused a request (%1). Please report this with the log.")
                .arg(detail);
    case Error::Kind::Parse:
        return tr("Vigil could not read an answer from Microsoft Graph (%1). Please report this "
                  "with the log.")
                .arg(detail);
    case Error::Kind::Storage:
        return tr("Vigil could not use its local incident database (%1). Check free disk space "
                  "and that the folder is writable, then restart Vigil.")
                .arg(detail);
    case Error::Kind::Config:
        return tr("The connection settings are incomplete (%1). Fix them on the connector page.")
                .arg(detail);
    case Error::Kind::Cancelled:
        return tr("The request was cancelled.");
    case Error::Kind::Conflict:
        return tr("The incident was changed elsewhere at the same time (%1). Review the change "
                  "in the incident's activity log.")
                .arg(detail);
    }
    return detail;
}

} // namespace Vigil

namespace Vigil {

QString errorDescription(const Error &error)
{
    return ErrorText::describe(error);
}

} // namespace Vigil
