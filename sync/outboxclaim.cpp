#include "outboxclaim.h"

#include "clock.h"
#include "outboxrepository.h"
#include "store.h"
#include "synclogging.h"

#include <QCoreApplication>
#include <QFile>
#include <QRandomGenerator>
#include <QStringList>
#include <QSysInfo>

#if defined(Q_OS_UNIX)
#include <cerrno>
#include <csignal>
#include <sys/types.h>
#elif defined(Q_OS_WIN)
#include <qt_windows.h>
#endif

namespace Vigil {

namespace {

QString hostName()
{
    QString host = QSysInfo::machineHostName();
    host.replace(u' ', u'_');
    return host.isEmpty() ? QStringLiteral("localhost") : host;
}

/** True when the process pid is known to have ended; false while it runs or when unsure. */
bool processEnded(qint64 pid)
{
    if (pid <= 0)
        return false;
#if defined(Q_OS_UNIX)
    if (::kill(static_cast<pid_t>(pid), 0) != 0)
        return errno == ESRCH;
#if defined(Q_OS_LINUX)
    // A killed process that its parent has not reaped yet still answers kill(): a zombie ("Z")
    // delivers nothing.
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (stat.open(QIODevice::ReadOnly)) {
        const QByteArray line = stat.readAll();
        const qsizetype end = line.lastIndexOf(')');
        if (end >= 0 && end + 2 < line.size())
            return line.at(end + 2) == 'Z' || line.at(end + 2) == 'X';
    }
#endif
    return false;
#elif defined(Q_OS_WIN)
    HANDLE process = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, DWORD(pid));
    if (!process)
        return GetLastError() == ERROR_INVALID_PARAMETER;
    DWORD code = 0;
    const bool ended = GetExitCodeProcess(process, &code) && code != STILL_ACTIVE;
    CloseHandle(process);
    return ended;
#else
    return false;
#endif
}

} // namespace

OutboxClaim::OutboxClaim(std::chrono::seconds lease)
    : m_owner(QStringLiteral("%1 %2 %3")
                      .arg(hostName())
                      .arg(QCoreApplication::applicationPid())
                      .arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0')))
    , m_lease(lease)
{ }

Result<QList<OutboxRow>> OutboxClaim::take(Store &store, const QList<OutboxRow> &batch)
{
    m_lastHolder.clear();
    if (batch.isEmpty())
        return QList<OutboxRow>();
    // Wall time, not the sync's clock: the claim is compared by other processes.
    const QDateTime now = Clock::system()->now();
    const Result<QList<OutboxRow>> claimed = store.outbox().claimIncidentRows(
            m_owner, batch.constFirst().number, now, now.addSecs(m_lease.count()),
            int(batch.size()), &OutboxClaim::holderGone);
    if (!claimed) {
        qCWarning(lcSync).noquote()
                << "could not claim outbox rows for delivery:" << claimed.error().toString();
        return claimed.error();
    }
    QList<OutboxRow> held;
    QList<qint64> keep;
    for (qsizetype i = 0; i < batch.size() && i < claimed->size(); ++i) {
        if (claimed->at(i).id != batch.at(i).id)
            break;
        held.append(claimed->at(i));
        keep.append(claimed->at(i).id);
    }
    // Rows read earlier than the claim may have gone or moved: what is not batch's goes back.
    if (held.size() < claimed->size())
        release(store, keep);
    if (held.isEmpty()) {
        const Result<QList<OutboxRow>> rows = store.outbox().rows();
        for (const OutboxRow &row : rows ? *rows : QList<OutboxRow>()) {
            if (row.number == batch.constFirst().number) {
                if (row.claimedBy != m_owner)
                    m_lastHolder = row.claimedBy;
                break;
            }
        }
        qCDebug(lcSync).noquote() << "the edits of incident" << batch.constFirst().number
                                  << "are claimed by another console (" << m_lastHolder
                                  << "); not delivering them in this cycle";
    }
    return held;
}

void OutboxClaim::release(Store &store, const QList<qint64> &keep)
{
    if (Result<void> released = store.outbox().releaseRows(m_owner, keep + m_sent); !released) {
        qCWarning(lcSync).noquote()
                << "could not give up outbox claims:" << released.error().toString();
    }
}

bool OutboxClaim::holderGone(const QString &holder)
{
    const QStringList parts = holder.split(u' ');
    if (parts.size() != 3 || parts.at(0) != hostName())
        return false;
    bool ok = false;
    const qint64 pid = parts.at(1).toLongLong(&ok);
    return ok && pid != QCoreApplication::applicationPid() && processEnded(pid);
}

} // namespace Vigil
