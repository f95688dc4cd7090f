#pragma once

#include "huntingschema.h"

#include <QDateTime>
#include <QtGlobal>

#include <optional>
#include <string_view>
#include <vector>

namespace Vigil {

/** 100-ns ticks since 0001-01-01T00:00:00Z (Kusto's and .NET's) of 1970-01-01T00:00:00Z. */
inline constexpr qint64 kUnixEpochTicks = 621355968000000000LL;
inline constexpr qint64 kTicksPerSecond = 10'000'000LL;
inline constexpr qint64 kTicksPerDay = 86400LL * kTicksPerSecond;

/** Ticks of a UTC time (millisecond precision, as QDateTime holds it); 0 when invalid. */
qint64 ticksFromDateTime(const QDateTime &time);
/** The UTC time of ticks, to the millisecond. */
QDateTime dateTimeFromTicks(qint64 ticks);
/** ISO-8601 with seven fraction digits, as Kusto writes a datetime: 2024-03-26T09:39:50.7688641Z */
QString ticksToIso(qint64 ticks);

/**
 * Reads a datetime the way Kusto ingests one, exactly to the tick: ISO-8601 (`T` or a space
 * between date and time, up to seven fraction digits kept, further digits dropped, `Z`, an
 * offset `±HH:MM`/`±HHMM` or none for UTC, a bare date) and the portal's CSV forms
 * (`3/26/2024 9:39:50.123 AM`, `Mar 26, 2024 9:39:50 AM`). nullopt when it is none of these or
 * names no real day.
 */
std::optional<qint64> parseEventDateTime(std::string_view text);

/**
 * @brief One value of an event row as it is bound into SQLite (see HuntingSchema's storage
 * rules). Text points into the reader's buffers: valid until the reader reads the next line.
 */
struct EventValue
{
    enum class Kind : quint8 { Null, Integer, Real, Text };
    Kind kind = Kind::Null;
    qint64 integer = 0;
    double real = 0;
    std::string_view text;

    static EventValue null() { return {}; }
    static EventValue fromInteger(qint64 value) { return {Kind::Integer, value, 0, {}}; }
    static EventValue fromReal(double value) { return {Kind::Real, 0, value, {}}; }
    static EventValue fromText(std::string_view value) { return {Kind::Text, 0, 0, value}; }
};

/**
 * @brief One event, mapped to its table's columns and coerced to their types, ready to insert.
 *
 * Made by EventRecordReader for each record it accepts; valid until the reader reads on. Used on
 * the thread of the reader.
 */
struct EventRow
{
    const HuntingTable *table = nullptr;
    int tableIndex = -1; ///< position in HuntingSchema::defender().tables()
    std::vector<EventValue> values; ///< one per column of table, in its order
    std::string_view extra; ///< JSON object of the properties that are not columns; empty: none

    /**
     * A 64-bit hash of the row's canonical values (every column's type and bytes, then extra),
     * the same on every machine and Qt version: the de-duplication key of tables that have no
     * (DeviceId, Timestamp, ReportId).
     */
    quint64 rowKey() const;
};

} // namespace Vigil
