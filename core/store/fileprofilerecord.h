#pragma once

#include <QString>

#include <optional>

namespace Vigil {

/**
 * @brief What Defender's FileProfile() said of one file, as the event database keeps it (table
 * `_vigil_file_profiles`, one row per file ID asked: a lower-case SHA1 or SHA256). Datetimes are
 * ticks (see huntingschema.h). A value.
 */
struct FileProfileRecord
{
    QString id; ///< the lower-case SHA1 or SHA256 the row answers
    bool available = false; ///< ProfileAvailability was "Available"; else only fetched counts
    QString sha1;
    QString sha256;
    QString md5;
    std::optional<qint64> fileSize;
    std::optional<qint64> globalPrevalence;
    std::optional<qint64> globalFirstSeen;
    std::optional<qint64> globalLastSeen;
    QString signer;
    QString issuer;
    QString signerHash;
    std::optional<bool> isCertificateValid;
    std::optional<bool> isRootSignerMicrosoft;
    QString signatureState;
    std::optional<bool> isExecutable;
    QString threatName;
    QString publisher;
    QString softwareName;
    qint64 fetched = 0; ///< ticks: when Vigil received the answer
};

} // namespace Vigil
