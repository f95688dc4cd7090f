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

bool OutboxClaim::take(Store &store)
{
    // Wall time, not the sync's clock: the lease is compared by other processes.
    const QDateTime now = Clock::system()->now();
    const Result<QString> holder = store.outbox().claimDelivery(
            m_owner, now, now.addSecs(m_lease.count()), &OutboxClaim::holderGone);
    if (!holder) {
        qCWarning(lcSync).noquote()
                << "could not claim the outbox for delivery:" << holder.error().toString();
        m_held = false;
        return false;
    }
    m_lastHolder = *holder;
    m_held = *holder == m_owner;
    if (!m_held) {
        qCDebug(lcSync).noquote() << "another console delivers the outbox (" << *holder
                                  << "); not delivering it in this cycle";
    }
    return m_held;
}

void OutboxClaim::release(Store &store)
{
    if (!m_held)
        return;
    m_held = false;
    if (Result<void> released = store.outbox().releaseDelivery(m_owner); !released) {
        qCWarning(lcSync).noquote()
                << "could not give up the outbox claim:" << released.error().toString();
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
