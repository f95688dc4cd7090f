#pragma once
// A MaxMind DB file for the tests of geo_info_from_ip_address(), written from scratch.
#include <QByteArray>
#include <QList>

#include <array>
#include <cstring>
#include <limits>
#include <vector>

namespace Vigil::TestSupport {

/**
 * A MaxMind DB file (the format of libmaxminddb's specification, version 2.0) written from
 * scratch: an IPv6 search tree with 24-bit records, IPv4 networks under ::/96, and the City
 * database's record layout (country, subdivisions, city, location).
 */
class MmdbWriter
{
public:
    struct Place
    {
        const char *country = nullptr;
        const char *state = nullptr;
        const char *city = nullptr;
        bool located = false;
        double latitude = 0;
        double longitude = 0;
    };

    void addV4(const char *network, int prefix, const Place &place)
    {
        std::array<quint8, 16> bits{};
        parseV4(network, bits.data() + 12);
        insert(bits, 96 + prefix, record(place));
    }
    void addV6(const std::array<quint8, 16> &network, int prefix, const Place &place)
    {
        insert(network, prefix, record(place));
    }

    QByteArray file() const
    {
        const quint32 count = quint32(m_nodes.size());
        QByteArray out;
        auto put24 = [&out](quint32 v) {
            out.append(char((v >> 16) & 0xFF));
            out.append(char((v >> 8) & 0xFF));
            out.append(char(v & 0xFF));
        };
        for (const auto &node : m_nodes) {
            for (const qint64 r : node) {
                if (r == Empty)
                    put24(count);
                else if (r < 0) // a data record: -(offset + 1)
                    put24(count + 16 + quint32(-r - 1));
                else
                    put24(quint32(r));
            }
        }
        out.append(QByteArray(16, '\0'));
        out.append(m_data);
        out.append("\xAB\xCD\xEFMaxMind.com");
        QByteArray meta = map(9);
        meta += string("binary_format_major_version") + uint16(2);
        meta += string("binary_format_minor_version") + uint16(0);
        meta += string("build_epoch") + uint64(1700000000);
        meta += string("database_type") + string("Vigil-Test-City");
        meta += string("description") + map(1) + string("en") + string("test data");
        meta += string("ip_version") + uint16(6);
        meta += string("languages") + array(1) + string("en");
        meta += string("node_count") + uint32(count);
        meta += string("record_size") + uint16(24);
        out.append(meta);
        return out;
    }

private:
    static constexpr qint64 Empty = std::numeric_limits<qint64>::max();

    static void parseV4(const char *text, quint8 *out)
    {
        const QList<QByteArray> parts = QByteArray(text).split('.');
        for (int i = 0; i < 4; ++i)
            out[i] = quint8(parts.value(i).toUInt());
    }

    void insert(const std::array<quint8, 16> &bits, int length, quint32 offset)
    {
        if (m_nodes.empty())
            m_nodes.push_back({Empty, Empty});
        size_t node = 0;
        for (int i = 0; i < length; ++i) {
            const int bit = (bits[size_t(i / 8)] >> (7 - i % 8)) & 1;
            if (i == length - 1) {
                m_nodes[node][size_t(bit)] = -qint64(offset) - 1;
                return;
            }
            if (m_nodes[node][size_t(bit)] == Empty) {
                m_nodes.push_back({Empty, Empty});
                m_nodes[node][size_t(bit)] = qint64(m_nodes.size() - 1);
            }
            node = size_t(m_nodes[node][size_t(bit)]);
        }
    }

    /** The control byte(s): type (extended past 7) and size. */
    static QByteArray control(int type, quint32 size)
    {
        QByteArray out;
        QByteArray extra;
        int sizeBits = int(size);
        if (size >= 29 && size < 285) {
            sizeBits = 29;
            extra.append(char(size - 29));
        } else if (size >= 285) {
            sizeBits = 30;
            extra.append(char(((size - 285) >> 8) & 0xFF));
            extra.append(char((size - 285) & 0xFF));
        }
        out.append(char(((type <= 7 ? type : 0) << 5) | sizeBits));
        if (type > 7)
            out.append(char(type - 7));
        return out + extra;
    }
    static QByteArray string(const char *s)
    {
        return control(2, quint32(std::strlen(s))) + QByteArray(s);
    }
    static QByteArray real(double d)
    {
        quint64 bits = 0;
        std::memcpy(&bits, &d, 8);
        QByteArray out = control(3, 8);
        for (int i = 7; i >= 0; --i)
            out.append(char((bits >> (8 * i)) & 0xFF));
        return out;
    }
    static QByteArray unsignedOf(int type, quint64 v)
    {
        QByteArray bytes;
        while (v) {
            bytes.prepend(char(v & 0xFF));
            v >>= 8;
        }
        return control(type, quint32(bytes.size())) + bytes;
    }
    static QByteArray uint16(quint64 v) { return unsignedOf(5, v); }
    static QByteArray uint32(quint64 v) { return unsignedOf(6, v); }
    static QByteArray uint64(quint64 v) { return unsignedOf(9, v); }
    static QByteArray map(quint32 pairs) { return control(7, pairs); }
    static QByteArray array(quint32 items) { return control(11, items); }
    static QByteArray names(const char *en)
    {
        return map(1) + string("names") + map(1) + string("en") + string(en);
    }

    quint32 record(const Place &p)
    {
        quint32 fields = 0;
        QByteArray body;
        if (p.city) {
            body += string("city") + names(p.city);
            ++fields;
        }
        if (p.country) {
            body += string("country") + names(p.country);
            ++fields;
        }
        if (p.located) {
            body += string("location") + map(2) + string("latitude") + real(p.latitude)
                    + string("longitude") + real(p.longitude);
            ++fields;
        }
        if (p.state) {
            body += string("subdivisions") + array(1) + names(p.state);
            ++fields;
        }
        const auto offset = quint32(m_data.size());
        m_data += map(fields) + body;
        return offset;
    }

    std::vector<std::array<qint64, 2>> m_nodes;
    QByteArray m_data;
};

} // namespace Vigil::TestSupport
