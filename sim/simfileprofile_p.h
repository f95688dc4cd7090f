#pragma once

#include "simkql.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace Vigil::Sim {

/**
 * Answers `datatable(SHA1:string)[…] | invoke FileProfile(SHA1[, n])` (or SHA256) over the
 * tenant's files: false when query is not that shape (the KQL subset runs it then); true with
 * *result or, for a wrong use of the shape, *error set.
 */
bool answerFileProfile(const QString &query, const HuntingData &data, Ticks now,
                       Kql::ResultSet *result, QString *error);

/**
 * Answers `DeviceInfo | where DeviceId in (…) | distinct DeviceId | invoke SeenBy() | project
 * DeviceId, SeenBy` (the query Vigil's SeenBy() enrichment sends) over the tenant's devices;
 * false when query is not that shape; true with *result or, for values that are not string
 * literals, *error set.
 */
bool answerSeenBy(const QString &query, const HuntingData &data, Ticks now, Kql::ResultSet *result,
                  QString *error);

/** The KQL string literals of a list: 'x', "x" (with \ escapes) or @'x', separated by commas;
 *  nullopt when the text is anything else. */
std::optional<QStringList> stringLiterals(QStringView text);

} // namespace Vigil::Sim
