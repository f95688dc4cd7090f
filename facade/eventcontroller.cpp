#include "eventcontroller.h"

#include "eventservice.h"

namespace Vigil {

EventController::EventController(QObject *parent)
    : QObject(parent)
{ }

EventController::~EventController() = default;

void EventController::start(const QString &databasePath)
{
    m_service = std::make_unique<EventService>(databasePath);
    connect(m_service.get(), &EventService::opened, this, &EventController::opened);
    connect(m_service.get(), &EventService::importProgress, this, &EventController::importProgress);
    connect(m_service.get(), &EventService::importFinished, this, &EventController::importFinished);
    connect(m_service.get(), &EventService::tablesLoaded, this, &EventController::tablesLoaded);
    connect(m_service.get(), &EventService::settingSaved, this, &EventController::settingSaved);
    m_service->start();
    // Expired rows go in the background, hourly, in short transactions.
    m_service->runRetention();
    m_service->setRetentionInterval(std::chrono::hours(1));
}

void EventController::importFile(const QString &path, const QString &table)
{
    if (m_service)
        m_service->importFile(path, table);
}

void EventController::cancelImport()
{
    if (m_service)
        m_service->cancelImport();
}

void EventController::setImportBatchBytes(qint64 bytes)
{
    if (m_service)
        m_service->setImportBatchBytes(bytes);
}

void EventController::requestTables()
{
    if (m_service)
        m_service->requestTables();
}

void EventController::setRetention(const QString &table, std::optional<int> days)
{
    if (m_service)
        m_service->setRetention(table, days);
}

void EventController::setCollect(const QString &table, bool collect, bool deleteRows)
{
    if (m_service)
        m_service->setCollect(table, collect, deleteRows);
}

} // namespace Vigil
