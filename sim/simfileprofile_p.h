#pragma once

#include "simkql.h"

#include <QString>

namespace Vigil::Sim {

/**
 * Answers `datatable(SHA1:string)[…] | invoke FileProfile(SHA1[, n])` (or SHA256) over the
 * tenant's files: false when query is not that shape (the KQL subset runs it then); true with
 * *result or, for a wrong use of the shape, *error set.
 */
bool answerFileProfile(const QString &query, const HuntingData &data, Ticks now,
                       Kql::ResultSet *result, QString *error);

} // namespace Vigil::Sim
