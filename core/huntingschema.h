#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace Vigil {

/**
 * The scalar types of KQL. Every value a hunting table holds, and every value a KQL expression
 * yields, has one of them.
 *
 * How each is kept in SQLite (the event store writes it so, the KQL engine reads it so):
 * - String: TEXT, never NULL (Kusto has no null string: a missing value is "");
 * - Long, Int: INTEGER; Bool: INTEGER 0 or 1; Real: REAL; each NULL when missing;
 * - DateTime: INTEGER, 100-ns ticks since 0001-01-01T00:00:00Z (Kusto's and .NET's ticks, so
 *   tolong(datetime) gives what Kusto gives); TimeSpan: INTEGER ticks;
 * - Dynamic: TEXT, the JSON as compact text; NULL when missing;
 * - Guid: TEXT, lower case with hyphens; Decimal: TEXT, the decimal digits.
 */
enum class KqlType {
    Bool,
    Int,
    Long,
    Real,
    Decimal,
    DateTime,
    TimeSpan,
    String,
    Guid,
    Dynamic,
};

/** Kusto's name of a type: "string", "long", "datetime", … */
QString kqlTypeName(KqlType type);
/** The type a Kusto type name stands for (also "boolean", "double", "date", "time", "uuid"). */
std::optional<KqlType> kqlTypeFromName(QStringView name);

/** @brief One column of a hunting table: its Defender name and KQL type. Value type. */
struct HuntingColumn
{
    QString name;
    KqlType type = KqlType::String;
    /**
     * A string column whose text is JSON (AdditionalFields, IPAddresses, …): Defender types it
     * string and queries parse_json() it; Sentinel types it dynamic.
     */
    bool jsonText = false;
};

/** @brief One advanced hunting table, its columns in Defender's order. Value type. */
struct HuntingTable
{
    QString name;
    QList<HuntingColumn> columns;

    /** The position of a column (exact, case-sensitive name, as Kusto matches), or -1. */
    int columnIndex(QStringView column) const;
    /** True when the table has DeviceId, Timestamp and ReportId: its rows are unique on them. */
    bool hasDeviceReportKey() const;
};

/** @brief A Defender-only function's declared result (FileProfile, AssignedIPAddresses, …). */
struct HuntingFunction
{
    QString name;
    QString form; ///< "invoke" (adds columns to its input) or "table" (returns a table)
    QList<HuntingColumn> columns; ///< the columns it adds or returns
};

/**
 * @brief The Defender advanced hunting tables: names, columns and types, in Defender's order.
 *
 * Built into the program from core/data/advanced-hunting.json (the Defender documentation's
 * tables). Immutable after construction; any thread.
 */
class HuntingSchema
{
public:
    /** The Defender tables, parsed once on first use. */
    static const HuntingSchema &defender();

    /** Parses a schema document of the same shape; nullopt with a reason when it is not one. */
    static std::optional<HuntingSchema> fromJson(const QByteArray &json, QString *error = nullptr);

    /** The tables, sorted by name. */
    const QList<HuntingTable> &tables() const { return m_tables; }
    /**
     * The tables in the schema document's order, which is Defender's: a query that reads
     * several tables by a wildcard or search over all of them gets its columns in this order.
     */
    QList<const HuntingTable *> tablesInDocumentOrder() const;
    /** The table of that exact name, or nullptr. */
    const HuntingTable *table(QStringView name) const;
    /** The table whose name equals name ignoring case (for file names and container names). */
    const HuntingTable *tableIgnoringCase(QStringView name) const;
    const QList<HuntingFunction> &functions() const { return m_functions; }

private:
    QList<HuntingTable> m_tables;
    QStringList m_documentOrder;
    QList<HuntingFunction> m_functions;
};

} // namespace Vigil
