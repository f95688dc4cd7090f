#pragma once

#include "simtypes.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <vector>

namespace Vigil::Sim {

class SimTenant;

/** One blob as List Blobs and Get Blob Properties describe it. */
struct BlobInfo
{
    QString name;
    qint64 length = 0;
    Ticks created = 0;
    Ticks modified = 0;
    QString etag; // unquoted, as List Blobs gives it
};

/**
 * The storage account the Defender streaming API writes the tenant's advanced-hunting events to:
 * a container per table (`insights-logs-advancedhunting-<table>`), an append blob per hour
 * (`tenantId=<id>/y=…/m=…/d=…/h=…/m=00/PT1H.json`, by the time Defender received the rows) of
 * JSON lines in the streaming envelope. A blob holds the rows received by the tenant's hunting
 * clock, so the current hour's blob grows as the clock moves. Not thread-safe: the SimServer's
 * thread.
 */
class BlobStore
{
public:
    explicit BlobStore(SimTenant &tenant);

    static QString containerOf(const QString &table);
    /** The containers of the tables that hold rows, sorted. */
    QStringList containers();
    /** The blobs of a container as they are now, sorted by name; nullopt for no such
     *  container. */
    std::optional<QList<BlobInfo>> blobs(const QString &container);
    /** A blob's content as it is now (nullopt when there is no such blob). */
    std::optional<QByteArray> content(const QString &container, const QString &blob,
                                      BlobInfo *info);

private:
    struct HourBlob
    {
        QString name;
        std::size_t firstRow = 0; // rows of the table, in received order
        std::size_t endRow = 0;
        QByteArray text; // every line of the hour (rows not yet received included)
        std::vector<qint64> lineEnds; // offset after each line
    };
    struct TableBlobs
    {
        QString table;
        std::size_t rowCount = 0; // the table's size when built: more rows rebuild it
        std::vector<HourBlob> hours; // by name
    };

    TableBlobs *tableBlobs(const QString &container);
    void build(TableBlobs &blobs);
    BlobInfo infoOf(const TableBlobs &blobs, const HourBlob &hour, std::size_t visibleEnd) const;
    std::size_t visibleEnd(const TableBlobs &blobs) const;

    SimTenant &m_tenant;
    std::map<QString, TableBlobs> m_tables; // by container
};

} // namespace Vigil::Sim
