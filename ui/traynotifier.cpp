#include "traynotifier.h"

#include "incidentqueuemodel.h"
#include "sla.h"
#include "uiicons.h"
#include "vocabulary.h"

#include <QAction>
#include <QMenu>
#include <QSystemTrayIcon>
#include <QTimer>

namespace Vigil {

namespace {

/** A title for a desktop notification: one line, not too long (notification servers render
 *  some markup, so it is only ever text taken from a field, never a format). */
QString oneLine(const QString &text)
{
    QString line = text.simplified();
    if (line.size() > 80)
        line = line.left(79) + QChar(0x2026);
    return line;
}

} // namespace

TrayNotifier::TrayNotifier(IncidentQueueModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(appIcon(), this);
        m_tray->setObjectName(QStringLiteral("trayIcon"));
        m_tray->setToolTip(tr("Vigil"));
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            if (m_lastNumber)
                Q_EMIT incidentActivated(m_lastNumber);
        });
        m_tray->show();
    }
    connect(m_model, &QAbstractItemModel::modelReset, this, &TrayNotifier::prime);
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { onRowsInserted(first, last); });
    // A sync changes rows in many runs: one check after them all.
    m_checkTimer.setSingleShot(true);
    m_checkTimer.setInterval(0);
    connect(&m_checkTimer, &QTimer::timeout, this, &TrayNotifier::check);
    connect(m_model, &QAbstractItemModel::dataChanged, &m_checkTimer, qOverload<>(&QTimer::start));
    if (m_model->rowCount() > 0)
        prime();
}

void TrayNotifier::setTrayActions(const QList<QAction *> &actions)
{
    if (!m_tray)
        return;
    auto *menu = new QMenu;
    menu->addActions(actions);
    connect(this, &QObject::destroyed, menu, &QObject::deleteLater);
    m_tray->setContextMenu(menu);
}

void TrayNotifier::setDoNotDisturb(bool on)
{
    m_doNotDisturb = on;
    if (m_tray)
        m_tray->setToolTip(on ? tr("Vigil — do not disturb") : tr("Vigil"));
}

void TrayNotifier::prime()
{
    // What the queue holds when it is (re)loaded is not news: only later changes notify.
    m_primed = true;
    m_overdue.clear();
    const QDateTime now = m_model->clock()->now();
    for (int row = 0; row < m_model->rowCount(); ++row)
        if (slaStatus(m_model->incidentAt(row), now, m_model->slaTargets()).state
            == SlaState::Overdue)
            m_overdue.insert(m_model->incidentAt(row).number);
}

void TrayNotifier::release()
{
    m_holding = false;
    prime();
}

void TrayNotifier::onRowsInserted(int first, int last)
{
    // The first rows of an empty queue are its first sync, not news.
    if (m_holding || !m_primed || m_model->rowCount() == last - first + 1) {
        prime();
        return;
    }
    QList<int> high;
    for (int row = first; row <= last; ++row) {
        const Incident &incident = m_model->incidentAt(row);
        if (m_model->severityRankAt(row) == 4
            && vigilStatus(incident.status) != VigilStatus::Closed)
            high.append(row);
    }
    if (high.size() == 1) {
        const Incident &incident = m_model->incidentAt(high.first());
        notify(tr("New High incident #%1").arg(incident.number), oneLine(incident.title),
               incident.number);
    } else if (high.size() > 1) {
        notify(tr("%n new High incident(s)", nullptr, int(high.size())),
               oneLine(m_model->incidentAt(high.first()).title), 0);
    }
    check();
}

void TrayNotifier::check()
{
    if (!m_primed || m_holding)
        return;
    QList<int> breached;
    const QDateTime now = m_model->clock()->now();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (slaStatus(m_model->incidentAt(row), now, m_model->slaTargets()).state
            != SlaState::Overdue)
            continue;
        const qint64 number = m_model->incidentAt(row).number;
        if (m_overdue.contains(number))
            continue;
        m_overdue.insert(number);
        breached.append(row);
    }
    if (breached.size() == 1) {
        const Incident &incident = m_model->incidentAt(breached.first());
        notify(tr("SLA breached: #%1 (%2)")
                       .arg(incident.number)
                       .arg(severityLabel(incident.severity)),
               oneLine(incident.title), incident.number);
    } else if (breached.size() > 1) {
        notify(tr("%n incident(s) past their SLA", nullptr, int(breached.size())),
               tr("Not triaged in time; sort the queue by SLA or filter with sla:overdue."), 0);
    }
}

void TrayNotifier::notify(const QString &title, const QString &text, qint64 number)
{
    if (m_doNotDisturb)
        return;
    m_lastNumber = number;
    if (m_tray)
        m_tray->showMessage(title, text, QSystemTrayIcon::Information, 10000);
    Q_EMIT noticeReady(title, text, number);
}

} // namespace Vigil
