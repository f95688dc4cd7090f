#include "eventrecordreader.h"

#include "graphjson.h"

#include <simdjson.h>

#include <QString>

#include <charconv>
#include <cmath>
#include <deque>
#include <limits>
#include <string>
#include <unordered_map>

namespace Vigil {

namespace {

constexpr std::string_view kCategoryPrefix = "AdvancedHunting-";

std::string_view trimmed(std::string_view text)
{
    while (!text.empty()
           && (text.front() == ' ' || text.front() == '\t' || text.front() == '\r'
               || text.front() == '\n'))
        text.remove_prefix(1);
    while (!text.empty()
           && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'
               || text.back() == '\n'))
        text.remove_suffix(1);
    return text;
}

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i]))
            != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    }
    return true;
}

/** A short, printable excerpt of a value for a rejection reason. */
QString excerpt(std::string_view text)
{
    constexpr size_t limit = 40;
    QString shown = QString::fromUtf8(text.data(), qsizetype(std::min(text.size(), limit)));
    if (text.size() > limit)
        shown += QStringLiteral("…");
    return shown;
}

void appendJsonString(std::string &out, std::string_view text)
{
    out += '"';
    for (const char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                static constexpr char hex[] = "0123456789abcdef";
                out += "\\u00";
                out += hex[(static_cast<unsigned char>(c) >> 4) & 0xF];
                out += hex[static_cast<unsigned char>(c) & 0xF];
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

/** A table's columns by name, so that a property finds its column in one look-up. */
struct TableColumns
{
    const HuntingTable *table = nullptr;
    int index = -1;
    std::string tableName;
    std::vector<std::string> names;
    std::unordered_map<std::string_view, int> byName;
    std::vector<EventValue> emptyValues; ///< a row before its record is read: text "", others null
};

} // namespace

struct EventRecordReader::Private
{
    explicit Private(const HuntingSchema &s)
        : schema(s)
    {
        const QList<HuntingTable> &list = schema.tables();
        tables.resize(size_t(list.size()));
        for (qsizetype t = 0; t < list.size(); ++t) {
            TableColumns &columns = tables[size_t(t)];
            columns.table = &list[t];
            columns.index = int(t);
            columns.tableName = list[t].name.toStdString();
            columns.names.reserve(size_t(list[t].columns.size()));
            for (const HuntingColumn &column : list[t].columns)
                columns.names.push_back(column.name.toStdString());
            for (size_t c = 0; c < columns.names.size(); ++c)
                columns.byName.emplace(columns.names[c], int(c));
            for (const HuntingColumn &column : list[t].columns)
                columns.emptyValues.push_back(isTextType(column.type) ? EventValue::fromText({})
                                                                      : EventValue::null());
        }
    }

    const TableColumns *tableNamed(std::string_view name) const
    {
        for (const TableColumns &columns : tables) {
            if (columns.tableName == name)
                return &columns;
        }
        for (const TableColumns &columns : tables) {
            if (equalsIgnoringCase(name, columns.tableName))
                return &columns;
        }
        return nullptr;
    }
    const TableColumns *tableFor(const HuntingTable *table) const
    {
        for (const TableColumns &columns : tables) {
            if (columns.table == table || (table && columns.table->name == table->name))
                return &columns;
        }
        return nullptr;
    }

    /** A scratch string whose bytes stay put until the next record. */
    std::string &scratch()
    {
        if (scratchUsed == scratchPool.size())
            scratchPool.emplace_back();
        std::string &s = scratchPool[scratchUsed++];
        s.clear();
        return s;
    }

    void startRow(const TableColumns &columns)
    {
        scratchUsed = 0;
        extra.clear();
        reason.clear();
        row.table = columns.table;
        row.tableIndex = columns.index;
        row.values = columns.emptyValues;
        row.extra = {};
    }

    static bool isTextType(KqlType type)
    {
        return type == KqlType::String || type == KqlType::Guid || type == KqlType::Decimal;
    }

    void mismatch(const HuntingColumn &column, std::string_view got)
    {
        if (reason.isEmpty())
            reason = QStringLiteral("%1: expected %2, got %3")
                             .arg(column.name, kqlTypeName(column.type), excerpt(got));
    }

    /** Compact JSON text of a JSON document, or nothing when it is not valid JSON. */
    std::optional<std::string_view> compactJson(std::string_view json)
    {
        const simdjson::padded_string padded(json);
        simdjson::dom::element element;
        if (domParser.parse(padded).get(element) != simdjson::SUCCESS)
            return std::nullopt;
        std::string &out = scratch();
        out = simdjson::minify(element);
        return std::string_view(out);
    }

    /** Coerces text (a JSON string's content, or a CSV field) to column's type. */
    void coerceText(const HuntingColumn &column, std::string_view text, EventValue &out)
    {
        switch (column.type) {
        case KqlType::String:
        case KqlType::Decimal:
            out = EventValue::fromText(text);
            return;
        case KqlType::Guid: {
            std::string &lower = scratch();
            lower.assign(text);
            for (char &c : lower)
                c = char(std::tolower(static_cast<unsigned char>(c)));
            out = EventValue::fromText(lower);
            return;
        }
        default:
            break;
        }
        const std::string_view value = trimmed(text);
        if (value.empty()) {
            out = EventValue::null();
            return;
        }
        switch (column.type) {
        case KqlType::Long:
        case KqlType::Int:
        case KqlType::TimeSpan: {
            qint64 number = 0;
            const char *begin = value.data() + (value.front() == '+' ? 1 : 0);
            const auto [end, error] = std::from_chars(begin, value.data() + value.size(), number);
            if (error != std::errc() || end != value.data() + value.size()
                || (column.type == KqlType::Int
                    && (number < std::numeric_limits<qint32>::min()
                        || number > std::numeric_limits<qint32>::max())))
                mismatch(column, text);
            else
                out = EventValue::fromInteger(number);
            return;
        }
        case KqlType::Real: {
            if (equalsIgnoringCase(value, "nan")) {
                out = EventValue::null(); // SQLite keeps no NaN: it would read back as NULL anyway
                return;
            }
            if (equalsIgnoringCase(value, "infinity") || equalsIgnoringCase(value, "+infinity")
                || equalsIgnoringCase(value, "-infinity")) {
                out = EventValue::fromReal(value.front() == '-'
                                                   ? -std::numeric_limits<double>::infinity()
                                                   : std::numeric_limits<double>::infinity());
                return;
            }
            double number = 0;
            const char *begin = value.data() + (value.front() == '+' ? 1 : 0);
            const auto [end, error] = std::from_chars(begin, value.data() + value.size(), number);
            if (error != std::errc() || end != value.data() + value.size())
                mismatch(column, text);
            else
                out = EventValue::fromReal(number);
            return;
        }
        case KqlType::Bool:
            if (equalsIgnoringCase(value, "true") || value == "1")
                out = EventValue::fromInteger(1);
            else if (equalsIgnoringCase(value, "false") || value == "0")
                out = EventValue::fromInteger(0);
            else
                mismatch(column, text);
            return;
        case KqlType::DateTime:
            if (const auto ticks = parseEventDateTime(value))
                out = EventValue::fromInteger(*ticks);
            else
                mismatch(column, text);
            return;
        case KqlType::Dynamic: {
            // Text that is JSON is the value; any other text is a string value.
            if (const auto compact = compactJson(value)) {
                out = EventValue::fromText(*compact);
            } else {
                std::string &quoted = scratch();
                appendJsonString(quoted, text);
                out = EventValue::fromText(quoted);
            }
            return;
        }
        default:
            out = EventValue::fromText(text);
            return;
        }
    }

    /** The element as compact JSON text (objects, arrays, numbers as sent in value). */
    std::string_view jsonText(const simdjson::dom::element &element)
    {
        std::string &out = scratch();
        out = simdjson::minify(element);
        return out;
    }

    /** Coerces one JSON value to column's type into out (or notes why it cannot). */
    void coerceJson(const HuntingColumn &column, const simdjson::dom::element &value,
                    EventValue &out)
    {
        using simdjson::dom::element_type;
        const element_type type = value.type();
        if (type == element_type::NULL_VALUE) {
            out = isTextType(column.type) ? EventValue::fromText({}) : EventValue::null();
            return;
        }
        if (type == element_type::STRING) {
            const std::string_view text = value.get_string().value_unsafe();
            if (column.type == KqlType::Dynamic && !text.empty() && text.front() != '{'
                && text.front() != '[') {
                // A plain string stays a string value of the dynamic column.
                out = EventValue::fromText(jsonText(value));
                return;
            }
            coerceText(column, text, out);
            return;
        }
        switch (column.type) {
        case KqlType::String:
        case KqlType::Decimal:
        case KqlType::Guid:
        case KqlType::Dynamic:
            // A number, bool, object or array in a string column: its JSON text.
            out = EventValue::fromText(jsonText(value));
            return;
        case KqlType::Long:
        case KqlType::Int:
        case KqlType::TimeSpan:
            if (type == element_type::INT64) {
                const qint64 number = value.get_int64().value_unsafe();
                if (column.type != KqlType::Int
                    || (number >= std::numeric_limits<qint32>::min()
                        && number <= std::numeric_limits<qint32>::max())) {
                    out = EventValue::fromInteger(number);
                    return;
                }
            } else if (type == element_type::DOUBLE) {
                const double number = value.get_double().value_unsafe();
                const double limit
                        = column.type == KqlType::Int ? 2147483648.0 : 9223372036854775808.0;
                if (std::isfinite(number) && std::trunc(number) == number && number < limit
                    && number >= -limit) {
                    out = EventValue::fromInteger(qint64(number));
                    return;
                }
            }
            mismatch(column, jsonText(value));
            return;
        case KqlType::Real:
            if (type == element_type::INT64 || type == element_type::UINT64
                || type == element_type::DOUBLE) {
                out = EventValue::fromReal(value.get_double().value_unsafe());
                return;
            }
            mismatch(column, jsonText(value));
            return;
        case KqlType::Bool:
            if (type == element_type::BOOL) {
                out = EventValue::fromInteger(value.get_bool().value_unsafe() ? 1 : 0);
                return;
            }
            if (type == element_type::INT64) {
                out = EventValue::fromInteger(value.get_int64().value_unsafe() != 0 ? 1 : 0);
                return;
            }
            mismatch(column, jsonText(value));
            return;
        case KqlType::DateTime:
            mismatch(column, jsonText(value));
            return;
        }
    }

    void addExtra(std::string_view key, std::string_view raw)
    {
        extra += extra.empty() ? '{' : ',';
        appendJsonString(extra, key);
        extra += ':';
        extra += raw;
    }

    /** Maps the fields of object (the record's properties) onto the row. */
    void readProperties(const TableColumns &columns, const simdjson::dom::object &object)
    {
        size_t expected = 0;
        for (const auto field : object) {
            const std::string_view key = field.key;
            int column = -1;
            // Defender sends the columns in its order: try the next one before the look-up.
            if (expected < columns.names.size() && columns.names[expected] == key) {
                column = int(expected);
            } else {
                const auto found = columns.byName.find(key);
                if (found != columns.byName.end())
                    column = found->second;
            }
            if (column < 0) {
                addExtra(key, jsonText(field.value));
                continue;
            }
            expected = size_t(column) + 1;
            coerceJson(columns.table->columns[column], field.value, row.values[size_t(column)]);
        }
    }

    void finishRow(const RowSink &onRow, const RejectSink &onReject)
    {
        if (!reason.isEmpty()) {
            onReject(row.table, reason);
            return;
        }
        if (!extra.empty()) {
            extra += '}';
            row.extra = extra;
        }
        onRow(row);
    }

    void readRecord(const simdjson::dom::object &record, const TableColumns *fallback,
                    const RowSink &onRow, const RejectSink &onReject)
    {
        using simdjson::dom::element_type;
        const TableColumns *table = fallback;
        simdjson::dom::element category;
        if (record["category"].get(category) == simdjson::SUCCESS) {
            const std::string_view name = category.is_string()
                                                  ? category.get_string().value_unsafe()
                                                  : std::string_view();
            table = name.substr(0, kCategoryPrefix.size()) == kCategoryPrefix
                            ? tableNamed(name.substr(kCategoryPrefix.size()))
                            : nullptr;
            if (!table) {
                const std::string shown = simdjson::minify(category);
                onReject(nullptr, QStringLiteral("category %1 names no advanced hunting table")
                                          .arg(excerpt(shown)));
                return;
            }
        }
        if (!table) {
            onReject(nullptr, QStringLiteral("the record has no category and no table was given "
                                             "(--table)"));
            return;
        }
        startRow(*table);
        simdjson::dom::element properties;
        if (record["properties"].get(properties) == simdjson::SUCCESS) {
            if (!properties.is_object()) {
                onReject(table->table, QStringLiteral("properties is not a JSON object"));
                return;
            }
            readProperties(*table, properties.get_object().value_unsafe());
        } else {
            // A bare row (no envelope): the record's own fields are the columns.
            readProperties(*table, record);
        }
        finishRow(onRow, onReject);
    }

    const HuntingSchema &schema;
    std::vector<TableColumns> tables;
    simdjson::dom::parser parser;
    simdjson::dom::parser domParser; ///< checks text of dynamic columns, beside parser's line
    std::string line;
    EventRow row;
    std::deque<std::string> scratchPool;
    size_t scratchUsed = 0;
    std::string extra;
    QString reason;
};

EventRecordReader::EventRecordReader(const HuntingSchema &schema)
    : d(std::make_unique<Private>(schema))
{ }

EventRecordReader::~EventRecordReader() = default;

void EventRecordReader::readJsonLine(std::string_view text, const HuntingTable *fallbackTable,
                                     const RowSink &onRow, const RejectSink &onReject,
                                     size_t readableAfter)
{
    if (trimmed(text).empty())
        return;
    const TableColumns *fallback = fallbackTable ? d->tableFor(fallbackTable) : nullptr;
    if (qsizetype(text.size()) > maxRecordBytes) {
        onReject(fallbackTable,
                 QStringLiteral("the line is longer than %1 MiB").arg(maxRecordBytes >> 20));
        return;
    }
    std::string &line = d->line;
    // A copy to read from, the broken parts mended: bytes that are not UTF-8 read as U+FFFD
    // instead of losing the line, and so does an escaped half of a surrogate pair.
    const auto mendedCopy = [&line](std::string_view from, bool utf8) -> std::string_view {
        if (utf8) {
            line.assign(from);
        } else {
            const QByteArray mended
                    = QString::fromUtf8(from.data(), qsizetype(from.size())).toUtf8();
            line.assign(mended.constData(), size_t(mended.size()));
        }
        replaceUnpairedSurrogates(line.data(), qsizetype(line.size()));
        const size_t length = line.size();
        line.resize(length + simdjson::SIMDJSON_PADDING);
        return std::string_view(line.data(), length);
    };
    // The line where it lies when the parser may read past its end and nothing needs mending:
    // the parser checks the UTF-8 itself, and a failure there reads a mended copy instead.
    std::string_view json
            = readableAfter >= simdjson::SIMDJSON_PADDING
                              && findUnpairedSurrogate(text.data(), qsizetype(text.size())) < 0
                      ? text
                      : mendedCopy(text, true);
    simdjson::dom::element document;
    auto error = d->parser.parse(json.data(), json.size(), false).get(document);
    if (error == simdjson::UTF8_ERROR) {
        json = mendedCopy(text, false);
        error = d->parser.parse(json.data(), json.size(), false).get(document);
    }
    if (error) {
        onReject(fallbackTable,
                 QStringLiteral("not valid JSON: %1").arg(QString::fromUtf8(error_message(error))));
        return;
    }
    simdjson::dom::object object;
    if (document.get(object) != simdjson::SUCCESS) {
        onReject(fallbackTable, QStringLiteral("the line is not a JSON object"));
        return;
    }
    simdjson::dom::element records;
    if (object["records"].get(records) == simdjson::SUCCESS) {
        simdjson::dom::array items;
        if (records.get(items) != simdjson::SUCCESS) {
            onReject(fallbackTable, QStringLiteral("records is not a JSON array"));
            return;
        }
        for (const simdjson::dom::element item : items) {
            simdjson::dom::object record;
            if (item.get(record) != simdjson::SUCCESS) {
                onReject(fallbackTable, QStringLiteral("an item of records is not a JSON object"));
                continue;
            }
            d->readRecord(record, fallback, onRow, onReject);
        }
        return;
    }
    d->readRecord(object, fallback, onRow, onReject);
}

void EventRecordReader::readCsvRecord(const HuntingTable &table, const QList<QByteArray> &header,
                                      const QList<QByteArray> &fields, const RowSink &onRow,
                                      const RejectSink &onReject)
{
    const TableColumns *columns = d->tableFor(&table);
    if (!columns) {
        onReject(&table, QStringLiteral("no such table"));
        return;
    }
    if (fields.size() != header.size()) {
        onReject(&table, QStringLiteral("the record has %1 fields; the header names %2")
                                 .arg(fields.size())
                                 .arg(header.size()));
        return;
    }
    d->startRow(*columns);
    for (qsizetype i = 0; i < fields.size(); ++i) {
        const std::string_view name(header[i].constData(), size_t(header[i].size()));
        const std::string_view text(fields[i].constData(), size_t(fields[i].size()));
        const auto found = columns->byName.find(name);
        if (found == columns->byName.end()) {
            if (!text.empty()) {
                std::string &quoted = d->scratch();
                appendJsonString(quoted, text);
                d->addExtra(name, quoted);
            }
            continue;
        }
        if (text.empty())
            continue;
        d->coerceText(table.columns[found->second], text, d->row.values[size_t(found->second)]);
    }
    d->finishRow(onRow, onReject);
}

qsizetype CsvSplitter::completePrefix(std::string_view data)
{
    bool quoted = false;
    qsizetype end = 0;
    for (size_t i = 0; i < data.size(); ++i) {
        const char c = data[i];
        if (c == '"')
            quoted = !quoted;
        else if (c == '\n' && !quoted)
            end = qsizetype(i) + 1;
    }
    return end;
}

bool CsvSplitter::next(std::string_view data, qsizetype *pos, QList<QByteArray> *fields,
                       qint64 *line)
{
    fields->clear();
    size_t i = size_t(*pos);
    if (i >= data.size())
        return false;
    QByteArray field;
    bool quoted = false;
    bool wasQuoted = false;
    for (; i < data.size(); ++i) {
        const char c = data[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < data.size() && data[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n')
                    ++*line;
                field += c;
            }
            continue;
        }
        if (c == '"' && field.isEmpty() && !wasQuoted) {
            quoted = wasQuoted = true;
        } else if (c == ',') {
            fields->append(field);
            field.clear();
            wasQuoted = false;
        } else if (c == '\n') {
            ++*line;
            ++i;
            break;
        } else if (c == '\r' && i + 1 < data.size() && data[i + 1] == '\n') {
            continue;
        } else {
            field += c;
        }
    }
    fields->append(field);
    *pos = qsizetype(i);
    return true;
}

} // namespace Vigil
