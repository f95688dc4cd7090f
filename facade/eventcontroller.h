#pragma once

#include "eventtypes.h"

#include <QObject>

#include <memory>
#include <optional>

namespace Vigil {

class EventService;

/**
 * @brief The window's way to the hunting event store: imports (with progress and Cancel), the
 * tables' sizes and settings. Every call is queued to the store's own writer thread; the answers
 * come back as signals carrying values.
 *
 * GUI thread (or vigilctl's main thread). Shows only core types, so the window never sees the
 * store or its thread.
 */
class EventController : public QObject
{
    Q_OBJECT
public:
    explicit EventController(QObject *parent = nullptr);
    ~EventController() override;

    /** Opens events.sqlite at databasePath (see eventStorePath()) on its own thread. */
    void start(const QString &databasePath);
    bool isStarted() const { return bool(m_service); }
    /** The store's service, for the facade's streaming (EventStreamController); null before
     *  start(). Not for the window: it cannot include its header. */
    EventService *service() const { return m_service.get(); }

    void importFile(const QString &path, const QString &table = {});
    /** Stops the running import after its current batch; what was committed stays. */
    void cancelImport();
    /** Bytes of lines per import transaction (16 MiB unless set). */
    void setImportBatchBytes(qint64 bytes);
    void requestTables();
    /** days: nullopt for unlimited. */
    void setRetention(const QString &table, std::optional<int> days);
    void setCollect(const QString &table, bool collect, bool deleteRows = false);

Q_SIGNALS:
    void opened(const std::optional<Vigil::Error> &error);
    void importProgress(const Vigil::EventImportSummary &progress);
    void importFinished(const Vigil::EventImportSummary &summary);
    void tablesLoaded(const Vigil::EventTablesSnapshot &snapshot);
    void settingSaved(const QString &table, const std::optional<Vigil::Error> &error);

private:
    std::unique_ptr<EventService> m_service;
};

} // namespace Vigil
