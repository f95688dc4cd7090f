#include "teamcontroller.h"

#include "result.h"
#include "teamworker.h"

#include <QSet>
#include <QThread>
#include <QUuid>

namespace Vigil {

void TeamController::ThreadDeleter::operator()(QThread *thread) const
{
    thread->quit();
    thread->wait();
    delete thread;
}

TeamController::TeamController(TeamSettings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_consoleId(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    qRegisterMetaType<Vigil::TeamConsole>();
    qRegisterMetaType<QList<Vigil::TeamConsole>>();
    qRegisterMetaType<Vigil::TeamPresence>();
    qRegisterMetaType<QList<Vigil::TeamPresence>>();
    qRegisterMetaType<Vigil::TeamChange>();
    qRegisterMetaType<Vigil::Error>();
}

TeamController::~TeamController() = default;

void TeamController::setPassword(const QString &password)
{
    Q_ASSERT(!m_thread);
    m_settings.password = password;
}

void TeamController::start()
{
    if (m_thread || !m_settings.isEnabled())
        return;
    m_thread.reset(new QThread);
    m_thread->setObjectName(QStringLiteral("vigil-team"));
    m_worker = new TeamWorker(m_settings, m_consoleId);
    m_worker->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_thread.get(), &QThread::started, m_worker, &TeamWorker::start);
    connect(m_worker, &TeamWorker::leaderChanged, this, [this](const TeamConsole &leader) {
        m_leader = leader;
        Q_EMIT leaderChanged(leader);
    });
    connect(m_worker, &TeamWorker::consolesChanged, this,
            [this](const QList<TeamConsole> &consoles) {
                if (consoles == m_consoles)
                    return;
                m_consoles = consoles;
                Q_EMIT consolesChanged(consoles);
            });
    connect(m_worker, &TeamWorker::presenceLoaded, this, &TeamController::onPresence);
    connect(m_worker, &TeamWorker::changed, this, &TeamController::changed);
    connect(m_worker, &TeamWorker::listeningChanged, this, [this](bool listening) {
        m_listening = listening;
        Q_EMIT listeningChanged(listening);
    });
    connect(m_worker, &TeamWorker::failed, this, &TeamController::failed);
    m_thread->start();
}

void TeamController::refresh()
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, &TeamWorker::refresh, Qt::QueuedConnection);
}

void TeamController::setOpened(qint64 number)
{
    if (m_worker)
        QMetaObject::invokeMethod(
                m_worker, [worker = m_worker, number] { worker->setOpened(number); },
                Qt::QueuedConnection);
}

void TeamController::markEdited(qint64 number)
{
    if (m_worker)
        QMetaObject::invokeMethod(
                m_worker, [worker = m_worker, number] { worker->markEdited(number); },
                Qt::QueuedConnection);
}

QList<TeamPresence> TeamController::othersOn(qint64 number) const
{
    return m_others.value(number);
}

void TeamController::onPresence(const QList<TeamPresence> &presence)
{
    QHash<qint64, QList<TeamPresence>> others;
    for (const TeamPresence &row : presence) {
        if (row.consoleId == m_consoleId)
            continue;
        QList<TeamPresence> &rows = others[row.incidentNumber];
        // One entry per analyst and host; an edit says more than an open incident.
        auto same = std::find_if(rows.begin(), rows.end(), [&row](const TeamPresence &seen) {
            return seen.analyst == row.analyst && seen.host == row.host;
        });
        if (same == rows.end())
            rows.append(row);
        else if (row.kind == TeamPresence::Kind::Edited)
            *same = row;
    }
    for (QList<TeamPresence> &rows : others) {
        std::stable_sort(rows.begin(), rows.end(),
                         [](const TeamPresence &a, const TeamPresence &b) {
                             return a.kind == TeamPresence::Kind::Edited
                                    && b.kind != TeamPresence::Kind::Edited;
                         });
    }
    QSet<qint64> touched;
    for (auto it = others.cbegin(); it != others.cend(); ++it) {
        if (m_others.value(it.key()) != it.value())
            touched.insert(it.key());
    }
    for (auto it = m_others.cbegin(); it != m_others.cend(); ++it) {
        if (!others.contains(it.key()))
            touched.insert(it.key());
    }
    m_others = std::move(others);
    if (!touched.isEmpty())
        Q_EMIT presenceChanged(QList<qint64>(touched.cbegin(), touched.cend()));
}

QString TeamController::describe(const TeamConsole &console)
{
    if (!console.isValid())
        return tr("nobody");
    const QString who = console.analyst.isEmpty() ? tr("a console") : console.analyst;
    return tr("%1 on %2").arg(who, console.host);
}

QString TeamController::describe(const QList<TeamPresence> &presence)
{
    QStringList names;
    for (const TeamPresence &row : presence) {
        QString who = row.analyst.isEmpty() ? tr("a colleague on %1").arg(row.host) : row.analyst;
        if (row.kind == TeamPresence::Kind::Edited)
            who = tr("%1 (edited it)").arg(who);
        names.append(who);
    }
    return names.join(QStringLiteral(", "));
}

} // namespace Vigil
