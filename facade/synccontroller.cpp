#include "synccontroller.h"

#include "leaderelection.h"
#include "syncworker.h"
#include "triage.h"

#include <QThread>

namespace Vigil {

namespace {

void registerMetaTypes()
{
    qRegisterMetaType<Vigil::Incident>();
    qRegisterMetaType<QList<Vigil::Incident>>();
    qRegisterMetaType<Vigil::IncidentDetail>();
    qRegisterMetaType<Vigil::SyncStatus>();
    qRegisterMetaType<Vigil::Error>();
    qRegisterMetaType<Vigil::TriageEdit>();
    qRegisterMetaType<Vigil::OutboxEdit>();
    qRegisterMetaType<Vigil::OutboxRow>();
    qRegisterMetaType<QList<Vigil::OutboxRow>>();
    qRegisterMetaType<Vigil::ActivityEntry>();
    qRegisterMetaType<QList<Vigil::ActivityEntry>>();
    qRegisterMetaType<Vigil::FieldValue>();
    qRegisterMetaType<Vigil::IncidentRuleSettings>();
    qRegisterMetaType<Vigil::RuleImpact>();
    qRegisterMetaType<Vigil::TeamConsole>();
    qRegisterMetaType<QList<Vigil::TeamConsole>>();
}

} // namespace

void SyncController::ThreadDeleter::operator()(QThread *thread) const
{
    thread->quit();
    thread->wait();
    delete thread;
}

SyncController::SyncController(SyncConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{
    registerMetaTypes();
}

SyncController::~SyncController() = default;

void SyncController::setCredentials(const QString &clientSecret, const QString &refreshToken)
{
    Q_ASSERT(!m_thread);
    m_config.clientSecret = clientSecret;
    m_config.refreshToken = refreshToken;
}

void SyncController::setStorePassword(const QString &password)
{
    Q_ASSERT(!m_thread);
    m_config.store.password = password;
    if (m_team.isEnabled())
        m_team.password = password;
}

void SyncController::setTeam(const TeamSettings &settings)
{
    Q_ASSERT(!m_thread);
    m_team = settings;
}

void SyncController::reconnect(const SyncConfig &config)
{
    m_thread.reset(); // quits the sync thread and waits for it; the worker goes with it
    m_worker = nullptr;
    m_config = config;
    start();
}

void SyncController::start()
{
    if (m_thread)
        return;
    m_thread.reset(new QThread);
    m_thread->setObjectName(QStringLiteral("vigil-sync"));
    m_worker = new SyncWorker(m_config);
    if (m_team.isEnabled()) {
        TeamSettings team = m_team;
        if (team.pollIntervalMs <= 0)
            team.pollIntervalMs = std::clamp(m_config.pollIntervalSeconds, 5, 300) * 1000;
        m_worker->setGate(new LeaderElection(team));
    }
    m_worker->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
    // initialize() runs on the sync thread, so everything it creates lives there.
    connect(m_thread.get(), &QThread::started, m_worker, &SyncWorker::initialize);

    connect(m_worker, &SyncWorker::incidentsLoaded, this, &SyncController::incidentsLoaded);
    connect(m_worker, &SyncWorker::incidentsChanged, this, &SyncController::incidentsChanged);
    connect(m_worker, &SyncWorker::detailLoaded, this, &SyncController::detailLoaded);
    connect(m_worker, &SyncWorker::detailFailed, this, &SyncController::detailFailed);
    connect(m_worker, &SyncWorker::statusChanged, this, &SyncController::statusChanged);
    connect(m_worker, &SyncWorker::syncFinished, this, &SyncController::syncFinished);
    connect(m_worker, &SyncWorker::enrichmentFinished, this, &SyncController::enrichmentFinished);
    connect(m_worker, &SyncWorker::storeFailed, this, &SyncController::storeFailed);
    connect(m_worker, &SyncWorker::editAccepted, this, &SyncController::editAccepted);
    connect(m_worker, &SyncWorker::editRejected, this, &SyncController::editRejected);
    connect(m_worker, &SyncWorker::editDelivered, this, &SyncController::editDelivered);
    connect(m_worker, &SyncWorker::pendingCountChanged, this, &SyncController::pendingCountChanged);
    connect(m_worker, &SyncWorker::outboxLoaded, this, &SyncController::outboxLoaded);
    connect(m_worker, &SyncWorker::outboxFlushed, this, &SyncController::outboxFlushed);
    connect(m_worker, &SyncWorker::outboxClaimedElsewhere, this,
            &SyncController::outboxClaimedElsewhere);
    connect(m_worker, &SyncWorker::outboxDiscarded, this, &SyncController::outboxDiscarded);
    connect(m_worker, &SyncWorker::outboxDiscardFailed, this, &SyncController::outboxDiscardFailed);
    connect(m_worker, &SyncWorker::refreshTokenRotated, this, &SyncController::refreshTokenRotated);
    connect(m_worker, &SyncWorker::ruleSettingsLoaded, this, &SyncController::ruleSettingsLoaded);
    connect(m_worker, &SyncWorker::ruleSettingsFailed, this, &SyncController::ruleSettingsFailed);
    connect(m_worker, &SyncWorker::ruleImpactEstimated, this, &SyncController::ruleImpactEstimated);
    connect(m_worker, &SyncWorker::leadershipChanged, this, &SyncController::leadershipChanged);
    connect(m_worker, &SyncWorker::leaderChanged, this, &SyncController::leaderChanged);
    m_thread->start();
}

void SyncController::syncNow()
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, &SyncWorker::syncNow, Qt::QueuedConnection);
}

void SyncController::requestDetail(qint64 number, bool allAlerts)
{
    if (m_worker)
        QMetaObject::invokeMethod(
                m_worker,
                [worker = m_worker, number, allAlerts] {
                    worker->requestDetail(number, allAlerts);
                },
                Qt::QueuedConnection);
}

void SyncController::requestIncidents()
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, &SyncWorker::requestIncidents, Qt::QueuedConnection);
}

void SyncController::requestIncidentRows(const QList<qint64> &numbers)
{
    if (m_worker && !numbers.isEmpty())
        QMetaObject::invokeMethod(
                m_worker, [worker = m_worker, numbers] { worker->requestIncidentRows(numbers); },
                Qt::QueuedConnection);
}

void SyncController::requestEdit(const QList<qint64> &numbers, const TriageEdit &edit)
{
    if (m_worker)
        QMetaObject::invokeMethod(
                m_worker,
                [worker = m_worker, numbers, edit] { worker->requestEdit(numbers, edit); },
                Qt::QueuedConnection);
}

void SyncController::markSeen(const QList<qint64> &numbers, const QDateTime &at)
{
    if (m_worker && !numbers.isEmpty())
        QMetaObject::invokeMethod(
                m_worker, [worker = m_worker, numbers, at] { worker->markSeen(numbers, at); },
                Qt::QueuedConnection);
}

void SyncController::requestOutbox()
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, &SyncWorker::requestOutbox, Qt::QueuedConnection);
}

void SyncController::retryOutbox(qint64 number)
{
    if (m_worker)
        QMetaObject::invokeMethod(
                m_worker, [worker = m_worker, number] { worker->retryOutbox(number); },
                Qt::QueuedConnection);
}

void SyncController::discardOutbox(qint64 number)
{
    if (m_worker)
        QMetaObject::invokeMethod(
                m_worker, [worker = m_worker, number] { worker->discardOutbox(number); },
                Qt::QueuedConnection);
}

void SyncController::requestRuleSettings()
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, &SyncWorker::requestRuleSettings, Qt::QueuedConnection);
}

void SyncController::saveRuleSettings(const IncidentRuleSettings &settings)
{
    if (m_worker)
        QMetaObject::invokeMethod(
                m_worker, [worker = m_worker, settings] { worker->saveRuleSettings(settings); },
                Qt::QueuedConnection);
}

void SyncController::requestRuleImpact(const IncidentRuleSettings &after)
{
    if (m_worker)
        QMetaObject::invokeMethod(
                m_worker, [worker = m_worker, after] { worker->estimateRuleImpact(after); },
                Qt::QueuedConnection);
}

} // namespace Vigil
