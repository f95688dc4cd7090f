#include "externaldata.h"

#include "kqljson.h"

#include <string>
#include <string_view>
#include <vector>

#include <algorithm>

namespace Vigil::Kql {

namespace {

using Record = std::vector<std::string>;

/** Valid UTF-8 without a byte order mark (invalid sequences become U+FFFD). */
std::string cleanText(const QByteArray &data)
{
    QByteArrayView bytes(data);
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes = bytes.sliced(3);
    return QString::fromUtf8(bytes).toStdString();
}

/** RFC 4180 records with the given delimiter; a line with nothing on it is no record. */
std::vector<Record> delimitedRecords(std::string_view text, char delimiter)
{
    std::vector<Record> records;
    Record record;
    std::string field;
    bool quoted = false;
    bool fieldStarted = false; // the field has a character or an opening quote
    bool lineEmpty = true;
    auto endField = [&] {
        record.push_back(std::move(field));
        field.clear();
        fieldStarted = false;
    };
    auto endRecord = [&] {
        if (!lineEmpty) {
            endField();
            records.push_back(std::move(record));
        }
        record.clear();
        field.clear();
        fieldStarted = false;
        lineEmpty = true;
    };
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c != '"') {
                field += c;
            } else if (i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else {
                quoted = false;
            }
            continue;
        }
        if (c == '\n' || (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) {
            if (c == '\r')
                ++i;
            endRecord();
            continue;
        }
        lineEmpty = false;
        if (c == delimiter) {
            endField();
        } else if (c == '"' && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    endRecord();
    return records;
}

/** txt: each non-empty line is one record of one field. */
std::vector<Record> lineRecords(std::string_view text)
{
    std::vector<Record> records;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (!line.empty())
            records.push_back({std::string(line)});
        start = end + 1;
    }
    return records;
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/** The end of the JSON value starting at start (just past its last character). */
size_t jsonValueEnd(std::string_view text, size_t start)
{
    int depth = 0;
    bool inString = false;
    for (size_t i = start; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (--depth <= 0)
                return i + 1;
        } else if (depth == 0 && isBlank(c)) {
            return i;
        }
    }
    return text.size();
}

/** json (one object per line) or multijson (an array of objects, or objects one after another). */
bool jsonRecords(std::string_view text, bool multi, std::vector<KqlJson> *records, QString *why)
{
    auto add = [&](std::string_view piece, qsizetype number) {
        std::optional<KqlJson> value = KqlJson::parse(piece);
        if (!value || !value->isObject()) {
            *why = QStringLiteral("record %1 is not a JSON object").arg(number);
            return false;
        }
        records->push_back(std::move(*value));
        return true;
    };
    if (!multi) {
        size_t start = 0;
        qsizetype line = 0;
        while (start < text.size()) {
            size_t end = text.find('\n', start);
            if (end == std::string_view::npos)
                end = text.size();
            ++line;
            std::string_view piece = text.substr(start, end - start);
            while (!piece.empty() && isBlank(piece.back()))
                piece.remove_suffix(1);
            while (!piece.empty() && isBlank(piece.front()))
                piece.remove_prefix(1);
            if (!piece.empty() && !add(piece, line)) {
                *why = QStringLiteral("line %1 is not a JSON object").arg(line);
                return false;
            }
            start = end + 1;
        }
        return true;
    }
    size_t i = 0;
    while (i < text.size() && isBlank(text[i]))
        ++i;
    if (i < text.size() && text[i] == '[') {
        std::optional<KqlJson> all = KqlJson::parse(text.substr(i));
        if (!all || !all->isArray()) {
            *why = QStringLiteral("it is not a JSON array of objects");
            return false;
        }
        qsizetype number = 0;
        for (KqlJson &item : all->items) {
            ++number;
            if (!item.isObject()) {
                *why = QStringLiteral("element %1 of its array is not a JSON object").arg(number);
                return false;
            }
            records->push_back(std::move(item));
        }
        return true;
    }
    qsizetype number = 0;
    while (i < text.size()) {
        const size_t end = jsonValueEnd(text, i);
        if (!add(text.substr(i, end - i), ++number))
            return false;
        i = end;
        while (i < text.size() && isBlank(text[i]))
            ++i;
    }
    return true;
}

/** The value at a mapping's path in a record, or nullptr. */
const KqlJson *atPath(const KqlJson &record, const QList<ExternalDataUse::PathStep> &path)
{
    const KqlJson *node = &record;
    for (const ExternalDataUse::PathStep &step : path) {
        if (step.index >= 0) {
            if (!node->isArray() || size_t(step.index) >= node->items.size())
                return nullptr;
            node = &node->items[size_t(step.index)];
        } else {
            node = node->isObject() ? node->member(step.key.toStdString()) : nullptr;
            if (!node)
                return nullptr;
        }
    }
    return node;
}

/** One past the last record read from a file of n records: ignoreLastRecord drops its last one. */
size_t recordsEnd(const ExternalDataUse &use, size_t n)
{
    return use.ignoreLastRecord && n > 0 ? n - 1 : n;
}

} // namespace

QStringList externalDataUrls(const CompiledQuery &compiled)
{
    QStringList urls;
    for (const ExternalDataUse &use : compiled.externalData) {
        for (const QString &url : use.urls) {
            if (!urls.contains(url))
                urls.append(url);
        }
    }
    return urls;
}

std::optional<QByteArray> externalDataRows(const ExternalDataUse &use, const ExternalFeeds &feeds,
                                           QString *error)
{
    std::string out = "[";
    bool firstRow = true;
    const bool json = use.format == u"json" || use.format == u"multijson";
    std::vector<std::string> names;
    for (const Column &c : use.columns)
        names.push_back(c.name.toStdString());
    for (const QString &url : use.urls) {
        const auto found = feeds.constFind(url);
        if (found == feeds.cend() || !found->available) {
            if (error)
                *error = found == feeds.cend() || found->problem.isEmpty()
                                 ? QStringLiteral("externaldata: no data for %1").arg(url)
                                 : found->problem;
            return std::nullopt;
        }
        const std::string text = cleanText(found->data);
        auto startRow = [&] {
            out += firstRow ? "[" : ",[";
            firstRow = false;
        };
        if (json) {
            std::vector<KqlJson> records;
            QString why;
            if (!jsonRecords(text, use.format == u"multijson", &records, &why)) {
                if (error)
                    *error = QStringLiteral("externaldata: %1 is not %2 data: %3")
                                     .arg(url, use.format, why);
                return std::nullopt;
            }
            const size_t end = recordsEnd(use, records.size());
            for (size_t r = use.ignoreFirstRecord ? 1 : 0; r < end; ++r) {
                startRow();
                for (size_t c = 0; c < names.size(); ++c) {
                    if (c)
                        out += ',';
                    const KqlJson *value = use.paths.isEmpty() ? records[r].member(names[c])
                                           : use.paths[qsizetype(c)]
                                                   ? atPath(records[r], *use.paths[qsizetype(c)])
                                                   : nullptr;
                    if (value)
                        value->serializeTo(out);
                    else
                        out += "null";
                }
                out += ']';
            }
            continue;
        }
        std::vector<Record> records;
        if (use.format == u"txt")
            records = lineRecords(text);
        else
            records = delimitedRecords(text, use.format == u"tsv"    ? '\t'
                                             : use.format == u"scsv" ? ';'
                                             : use.format == u"psv"  ? '|'
                                                                     : ',');
        const size_t end = recordsEnd(use, records.size());
        for (size_t r = use.ignoreFirstRecord ? 1 : 0; r < end; ++r) {
            startRow();
            for (size_t c = 0; c < names.size(); ++c) {
                if (c)
                    out += ',';
                if (c < records[r].size())
                    kqlAppendJsonString(out, records[r][c]);
                else
                    out += "null";
            }
            out += ']';
        }
    }
    out += ']';
    return QByteArray::fromStdString(out);
}

QString feedAgeText(qint64 ageMs)
{
    const qint64 seconds = std::max<qint64>(0, ageMs / 1000);
    if (seconds < 120)
        return QStringLiteral("%1 s").arg(seconds);
    if (seconds < 2LL * 3600)
        return QStringLiteral("%1 min").arg(seconds / 60);
    if (seconds < 2LL * 86400)
        return QStringLiteral("%1 h").arg(seconds / 3600);
    return QStringLiteral("%1 d").arg(seconds / 86400);
}

} // namespace Vigil::Kql
