#include "eventfilereader.h"

#include "eventrecordreader.h"

#include <QFileInfo>

#include <cstring>

#include <zlib.h>

namespace Vigil {

namespace {

constexpr qsizetype kReadChunk = qsizetype(1024) * 1024;

Error fileError(const QString &message)
{
    return Error{Error::Kind::Parse, 0, {}, message, {}};
}

} // namespace

struct EventFileReader::Inflater
{
    z_stream stream{};
    QByteArray input;
    bool ended = false;

    Inflater() { inflateInit2(&stream, 16 + MAX_WBITS); }
    ~Inflater() { inflateEnd(&stream); }
};

EventFileReader::EventFileReader() = default;
EventFileReader::~EventFileReader() = default;

Result<void> EventFileReader::open(const QString &path, const QString &table, Format format)
{
    m_path = QFileInfo(path).absoluteFilePath();
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly))
        return Error{Error::Kind::Config,
                     0,
                     {},
                     QStringLiteral("cannot read %1: %2").arg(path, m_file.errorString()),
                     {}};
    const QFileInfo info(m_file);
    m_fileSize = info.size();
    m_etag = QStringLiteral("%1:%2")
                     .arg(m_fileSize)
                     .arg(info.lastModified().toUTC().toMSecsSinceEpoch());
    m_table = table;
    const QByteArray magic = m_file.peek(2);
    if (magic.size() == 2 && quint8(magic[0]) == 0x1f && quint8(magic[1]) == 0x8b)
        m_inflater = std::make_unique<Inflater>();
    const QString name = path.toLower();
    m_format = format;
    if (m_format == Format::Auto && (name.endsWith(u".csv") || name.endsWith(u".csv.gz")))
        m_format = Format::Csv;
    if (m_format == Format::Auto) {
        fill(4096);
        qsizetype i = 0;
        if (m_pending.startsWith("\xEF\xBB\xBF"))
            i = 3;
        while (i < m_pending.size() && QChar::isSpace(uchar(m_pending[i])))
            ++i;
        m_format = i < m_pending.size() && m_pending[i] != '{' ? Format::Csv : Format::JsonLines;
    }
    if (m_format == Format::Csv) {
        if (table.isEmpty())
            return Error{
                    Error::Kind::Config,
                    0,
                    {},
                    QStringLiteral("%1 is a CSV export: name its table with --table").arg(path),
                    {}};
        return readHeader();
    }
    return {};
}

void EventFileReader::stopReading(const QString &why)
{
    // What was read before stays readable: its complete lines are still handed out, the line
    // the damage cut off is reported, and next() gives this error after the last of them.
    if (!m_stopped)
        m_stopped = fileError(why);
}

void EventFileReader::fill(qsizetype wanted)
{
    while (!m_eof && m_pending.size() < wanted) {
        if (!m_inflater) {
            const QByteArray chunk = m_file.read(kReadChunk);
            if (chunk.isEmpty()) {
                if (m_file.error() != QFileDevice::NoError)
                    stopReading(QStringLiteral("reading %1 failed: %2")
                                        .arg(m_path, m_file.errorString()));
                m_eof = true;
            }
            m_pending += chunk;
            continue;
        }
        Inflater &z = *m_inflater;
        if (z.stream.avail_in == 0) {
            z.input = m_file.read(kReadChunk);
            if (z.input.isEmpty()) {
                if (m_file.error() != QFileDevice::NoError)
                    stopReading(QStringLiteral("reading %1 failed: %2")
                                        .arg(m_path, m_file.errorString()));
                else if (!z.ended)
                    stopReading(QStringLiteral("%1 ends inside its gzip data: the file is "
                                               "truncated")
                                        .arg(m_path));
                m_eof = true;
                continue;
            }
            z.stream.next_in = reinterpret_cast<Bytef *>(z.input.data());
            z.stream.avail_in = uInt(z.input.size());
            if (z.ended) {
                // Another gzip member follows (concatenated .gz files).
                inflateReset(&z.stream);
                z.ended = false;
            }
        }
        const qsizetype before = m_pending.size();
        m_pending.resize(before + kReadChunk);
        z.stream.next_out = reinterpret_cast<Bytef *>(m_pending.data() + before);
        z.stream.avail_out = uInt(kReadChunk);
        const int rc = inflate(&z.stream, Z_NO_FLUSH);
        m_pending.resize(before + kReadChunk - qsizetype(z.stream.avail_out));
        if (rc == Z_STREAM_END) {
            z.ended = true;
        } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
            stopReading(QStringLiteral("the gzip data of %1 is damaged near byte %2 (%3)")
                                .arg(m_path)
                                .arg(m_file.pos() - qint64(z.stream.avail_in))
                                .arg(QString::fromLatin1(z.stream.msg ? z.stream.msg
                                                                      : "inflate failed")));
            m_eof = true;
        }
    }
}

Result<void> EventFileReader::readHeader()
{
    for (;;) {
        const qsizetype end = CsvSplitter::completePrefix(
                std::string_view(m_pending.constData(), size_t(m_pending.size())));
        if (end == 0 && m_stopped)
            return *std::exchange(m_stopped, std::nullopt);
        if (end > 0 || m_eof) {
            const qsizetype length = end > 0 ? end : m_pending.size();
            std::string_view data(m_pending.constData(), size_t(length));
            qsizetype skip = 0;
            if (data.substr(0, 3) == "\xEF\xBB\xBF")
                skip = 3;
            qsizetype pos = skip;
            qint64 line = m_line;
            if (!CsvSplitter::next(data, &pos, &m_header, &line) || m_header.isEmpty()
                || (m_header.size() == 1 && m_header.first().trimmed().isEmpty()))
                return fileError(QStringLiteral("%1 has no header row").arg(m_path));
            for (QByteArray &name : m_header)
                name = name.trimmed();
            // Two columns of one name: which is the value? The file says neither.
            for (qsizetype i = 0; i < m_header.size(); ++i) {
                const qsizetype again = m_header.indexOf(m_header.at(i), i + 1);
                if (!m_header.at(i).isEmpty() && again > i)
                    return fileError(QStringLiteral("the header row of %1 names the column %2 "
                                                    "twice (columns %3 and %4): rename or "
                                                    "remove one of them")
                                             .arg(m_path, QString::fromUtf8(m_header.at(i)))
                                             .arg(i + 1)
                                             .arg(again + 1));
            }
            m_line = line;
            m_offset += pos;
            m_pending.remove(0, pos);
            return {};
        }
        if (m_pending.size() > EventRecordReader::maxRecordBytes)
            return fileError(QStringLiteral("the header row of %1 does not end").arg(m_path));
        fill(m_pending.size() + kReadChunk);
    }
}

Result<std::optional<EventBatch>> EventFileReader::next(qsizetype batchBytes)
{
    for (;;) {
        fill(batchBytes);
        if (m_skipping) {
            const qsizetype newline = m_pending.indexOf('\n');
            if (newline < 0) {
                m_offset += m_pending.size();
                m_pending.clear();
                if (m_eof)
                    return std::optional<EventBatch>();
                continue;
            }
            m_offset += newline + 1;
            m_pending.remove(0, newline + 1);
            ++m_line;
            m_skipping = false;
        }
        if (m_pending.isEmpty() && m_eof) {
            if (m_stopped)
                return *std::exchange(m_stopped, std::nullopt);
            return std::optional<EventBatch>();
        }
        // Complete lines up to about batchBytes; a longer first line goes alone.
        const std::string_view data(m_pending.constData(), size_t(m_pending.size()));
        const auto cut = [this, &data](qsizetype limit) {
            return m_format == Format::Csv
                           ? CsvSplitter::completePrefix(data.substr(0, size_t(limit)))
                           : m_pending.lastIndexOf('\n', limit - 1) + 1;
        };
        qsizetype end = cut(std::min(batchBytes, m_pending.size()));
        if (end == 0)
            end = m_format == Format::Csv ? cut(m_pending.size()) : m_pending.indexOf('\n') + 1;
        if (end == 0 && m_eof) {
            if (m_stopped) {
                // The damage cut this line off: what is left of it is not a record.
                m_rejected.append({m_line, m_table,
                                   QStringLiteral("the file's data ends inside this line (%1)")
                                           .arg(m_stopped->message)});
                m_offset += m_pending.size();
                m_pending.clear();
                continue;
            }
            // The last line has no line break: it is complete all the same.
            end = m_pending.size();
        }
        if (end == 0) {
            if (m_pending.size() > EventRecordReader::maxRecordBytes) {
                m_rejected.append({m_line, m_table,
                                   QStringLiteral("the line is longer than %1 MiB")
                                           .arg(EventRecordReader::maxRecordBytes >> 20)});
                m_skipping = true;
                m_offset += m_pending.size();
                m_pending.clear();
                continue;
            }
            // A line longer than a batch: read on until it ends.
            batchBytes = m_pending.size() + kReadChunk;
            continue;
        }
        EventBatch batch;
        batch.format
                = m_format == Format::Csv ? EventBatch::Format::Csv : EventBatch::Format::JsonLines;
        // The batch takes the buffer and the buffer keeps only the few bytes after the cut:
        // copying tens of MiB into the batch was a tenth of an import's time.
        batch.data = std::exchange(m_pending, QByteArray());
        m_pending.reserve(batchBytes + kReadChunk);
        m_pending.append(batch.data.constData() + end, batch.data.size() - end);
        batch.data.truncate(end);
        batch.firstLine = m_line;
        batch.table = m_table;
        batch.csvHeader = m_header;
        m_offset += end;
        const char *at = batch.data.constData();
        const char *const stop = at + batch.data.size();
        while ((at = static_cast<const char *>(std::memchr(at, '\n', size_t(stop - at))))) {
            ++m_line;
            ++at;
        }
        if (!batch.data.endsWith('\n'))
            ++m_line;
        batch.checkpoint = EventCheckpoint{
                QStringLiteral("file"), QString(), m_path, m_etag, m_offset, {}, {}};
        return std::optional<EventBatch>(std::move(batch));
    }
}

qint64 EventFileReader::bytesRead() const
{
    if (m_inflater)
        return m_file.pos() - qint64(m_inflater->stream.avail_in);
    return m_file.pos() - m_pending.size();
}

QList<EventRejection> EventFileReader::takeRejected()
{
    return std::exchange(m_rejected, {});
}

} // namespace Vigil
