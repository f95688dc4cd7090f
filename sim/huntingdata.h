#pragma once

#include "simtypes.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <map>
#include <vector>

namespace Vigil::Sim {

/** An advanced-hunting column type, as the table schemas name them (string, long, …). */
enum class ColumnType : quint8 { String, Long, Int, Real, Bool, DateTime, TimeSpan, Dynamic, Guid };

/** "string", "long", … as in the schema file and KQL. */
QString columnTypeName(ColumnType type);
/** Graph's runHuntingQuery name of a type: String, Int64, Int32, Double, Boolean, DateTime,
 *  TimeSpan, Object, Guid. */
QString graphTypeName(ColumnType type);

/**
 * One value of an advanced-hunting row or of a KQL expression: a type and, unless null, the
 * value (integers, booleans, datetimes and timespans as 100-ns ticks in `integer`).
 */
struct HuntValue
{
    ColumnType type = ColumnType::String;
    bool null = true;
    qint64 integer = 0;
    double real = 0;
    QString text; // String, Dynamic (JSON text), Guid

    static HuntValue nullOf(ColumnType type) { return HuntValue{type, true, 0, 0, {}}; }
    static HuntValue string(const QString &value)
    {
        return {ColumnType::String, false, 0, 0, value};
    }
    static HuntValue longValue(qint64 value) { return {ColumnType::Long, false, value, 0, {}}; }
    static HuntValue intValue(qint64 value) { return {ColumnType::Int, false, value, 0, {}}; }
    static HuntValue realValue(double value) { return {ColumnType::Real, false, 0, value, {}}; }
    static HuntValue boolean(bool value) { return {ColumnType::Bool, false, value ? 1 : 0, 0, {}}; }
    static HuntValue dateTime(Ticks value) { return {ColumnType::DateTime, false, value, 0, {}}; }
    static HuntValue timeSpan(Ticks value) { return {ColumnType::TimeSpan, false, value, 0, {}}; }
    static HuntValue dynamic(const QString &json)
    {
        return {ColumnType::Dynamic, false, 0, 0, json};
    }

    /** The value as runHuntingQuery results and the streaming API's `properties` carry it:
     *  datetimes with 7 digits, dynamic values parsed (string columns holding JSON stay
     *  strings), timespans as [-][d.]hh:mm:ss[.fffffff]. */
    QJsonValue toJson() const;
    /** The value as KQL's tostring() gives it. */
    QString toText() const;
};

QString formatTimeSpan(Ticks ticks);

struct HuntColumn
{
    QString name;
    ColumnType type = ColumnType::String;
};

using HuntRow = std::vector<HuntValue>;

/** One advanced-hunting table: its schema and rows, the rows in the order Defender received
 *  them (`received`, parallel to rows). */
struct HuntTable
{
    QString name;
    QList<HuntColumn> columns;
    QHash<QString, int> index; // column name -> position
    std::vector<HuntRow> rows;
    std::vector<Ticks> received; // the envelope's `time`, per row
    int timestampColumn = -1;

    int column(const QString &columnName) const { return index.value(columnName, -1); }
    /** A row of nulls of the right types. */
    HuntRow emptyRow() const;
    void append(HuntRow row, Ticks receivedAt);
    /** Sorts rows by the time they were received (ties: by Timestamp), as blobs are written. */
    void sortByReceived();
};

/**
 * The tenant's advanced-hunting events: every table of the embedded schema (a copy of
 * `schema/advanced-hunting.json`), with the demo rows DemoEventGenerator writes. Not
 * thread-safe: used on the SimServer's thread.
 */
class HuntingData
{
public:
    HuntingData();

    /** Every table of the schema, in schema order. */
    QStringList tableNames() const { return m_order; }
    HuntTable *table(const QString &name);
    const HuntTable *table(const QString &name) const;
    /** Tables that hold rows. */
    QStringList populatedTables() const;
    qint64 rowCount() const;

    /**
     * Adds one row from streaming-style properties (column name -> JSON value); unknown columns
     * are ignored, missing ones are null. False (and nothing added) for an unknown table or a
     * Timestamp that does not parse.
     */
    bool addRow(const QString &table, const QJsonObject &properties, Ticks received = 0);

    static ColumnType parseType(const QString &name, bool *ok = nullptr);

private:
    std::map<QString, HuntTable> m_tables;
    QStringList m_order;
};

} // namespace Vigil::Sim
