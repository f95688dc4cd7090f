#pragma once

namespace Vigil::Kql {

/**
 * What is known, before any row is read, of the shape of a dynamic value, as Microsoft's KQL
 * analyzer knows it: from a dynamic(…) literal, and from the functions whose result is always an
 * array (split(), range(), make_list(), …) or a property bag (bag_pack(), parse_url(), …).
 * Unknown for everything else (a column, parse_json(), a property): a check that reads the shape
 * refuses only what is known.
 */
enum class DynShape : unsigned char {
    Unknown,
    Array,
    Bag,
    Single, ///< one value that is neither an array nor a bag (dynamic(1), split(…)[0])
};

} // namespace Vigil::Kql
