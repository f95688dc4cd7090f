#include "eventrowbuffer.h"

namespace Vigil {

void EventRowBuffer::add(const EventRow &row)
{
    Row kept;
    kept.table = row.table;
    kept.tableIndex = row.tableIndex;
    kept.firstValue = m_values.size();
    kept.valueCount = row.values.size();
    m_values.resize(kept.firstValue + kept.valueCount);
    Value *copy = m_values.data() + kept.firstValue;
    for (const EventValue &value : row.values) {
        copy->kind = value.kind;
        copy->size = 0;
        switch (value.kind) {
        case EventValue::Kind::Null:
            copy->payload = 0;
            break;
        case EventValue::Kind::Integer:
            copy->payload = std::bit_cast<quint64>(value.integer);
            break;
        case EventValue::Kind::Real:
            copy->payload = std::bit_cast<quint64>(value.real);
            break;
        case EventValue::Kind::Text:
            copy->payload = m_bytes.size();
            copy->size = quint32(value.text.size());
            m_bytes.append(value.text);
            break;
        }
        ++copy;
    }
    kept.extraOffset = m_bytes.size();
    kept.extraSize = row.extra.size();
    m_bytes.append(row.extra);
    m_rows.push_back(kept);
}

void EventRowBuffer::clear()
{
    m_bytes.clear();
    m_values.clear();
    m_rows.clear();
}

int EventRowBuffer::compare(size_t a, size_t b, int column) const
{
    if (column < 0)
        return 0;
    const Value &x = m_values[m_rows[a].firstValue + size_t(column)];
    const Value &y = m_values[m_rows[b].firstValue + size_t(column)];
    // Null sorts first, then numbers, then text, as SQLite orders an index.
    const auto rank = [](EventValue::Kind kind) {
        return kind == EventValue::Kind::Null ? 0 : kind == EventValue::Kind::Text ? 2 : 1;
    };
    if (rank(x.kind) != rank(y.kind))
        return rank(x.kind) < rank(y.kind) ? -1 : 1;
    switch (x.kind) {
    case EventValue::Kind::Null:
        return 0;
    case EventValue::Kind::Text:
        return text(x.payload, x.size).compare(text(y.payload, y.size));
    case EventValue::Kind::Integer:
    case EventValue::Kind::Real: {
        const double left = x.kind == EventValue::Kind::Integer ? double(x.integer()) : x.real();
        const double right = y.kind == EventValue::Kind::Integer ? double(y.integer()) : y.real();
        if (x.kind == EventValue::Kind::Integer && y.kind == EventValue::Kind::Integer)
            return x.integer() < y.integer() ? -1 : x.integer() > y.integer() ? 1 : 0;
        return left < right ? -1 : left > right ? 1 : 0;
    }
    }
    return 0;
}

void EventRowBuffer::rowAt(size_t row, EventRow &into) const
{
    const Row &kept = m_rows[row];
    into.table = kept.table;
    into.tableIndex = kept.tableIndex;
    into.values.resize(kept.valueCount);
    for (size_t i = 0; i < kept.valueCount; ++i) {
        const Value &value = m_values[kept.firstValue + i];
        EventValue &out = into.values[i];
        out.kind = value.kind;
        out.integer = value.kind == EventValue::Kind::Integer ? value.integer() : 0;
        out.real = value.kind == EventValue::Kind::Real ? value.real() : 0;
        out.text = value.kind == EventValue::Kind::Text ? text(value.payload, value.size)
                                                        : std::string_view();
    }
    into.extra = text(kept.extraOffset, kept.extraSize);
}

} // namespace Vigil
