#pragma once

#include "eventrecord.h"

#include <bit>
#include <string>
#include <vector>

namespace Vigil {

/**
 * @brief The event rows of one ingest batch, copied out of the reader's buffers (which the next
 * line reuses) so that the store can insert them in another order than they were read.
 *
 * A value type used on the event store's writer thread; clear() keeps the capacity for the next
 * batch.
 */
class EventRowBuffer
{
public:
    void add(const EventRow &row);
    void clear();
    size_t size() const { return m_rows.size(); }
    int tableIndex(size_t row) const { return m_rows[row].tableIndex; }
    /** Orders the values of column in rows a and b as SQLite's BINARY collation does
     *  (null, numbers, text by bytes): < 0, 0 or > 0. */
    int compare(size_t a, size_t b, int column) const;
    /** Row number row into into: its values point into this buffer until the next add() or
     *  clear(). */
    void rowAt(size_t row, EventRow &into) const;

private:
    /// 16 bytes where EventValue has 40: a batch holds a few hundred thousand of them.
    struct Value
    {
        quint64 payload = 0; ///< the integer, the real's bits, or the offset of the text in m_bytes
        quint32 size = 0; ///< of the text (a record is at most maxRecordBytes)
        EventValue::Kind kind = EventValue::Kind::Null;

        qint64 integer() const { return std::bit_cast<qint64>(payload); }
        double real() const { return std::bit_cast<double>(payload); }
    };
    struct Row
    {
        const HuntingTable *table = nullptr;
        int tableIndex = -1;
        size_t firstValue = 0;
        size_t valueCount = 0;
        size_t extraOffset = 0;
        size_t extraSize = 0;
    };

    std::string_view text(size_t offset, size_t size) const
    {
        return std::string_view(m_bytes).substr(offset, size);
    }

    std::string m_bytes;
    std::vector<Value> m_values;
    std::vector<Row> m_rows;
};

} // namespace Vigil
