#pragma once

#include <QLoggingCategory>

// vigil.sync: the pull cycle and the engine; vigil.sync.graph: HTTP calls and tokens.
Q_DECLARE_LOGGING_CATEGORY(lcSync)
Q_DECLARE_LOGGING_CATEGORY(lcGraph)

#include <QElapsedTimer>
#include <QtGlobal>

#if defined(Q_OS_UNIX)
#include <ctime>
#endif

namespace Vigil {

/** CPU time of the calling thread in ns (wall time where the platform has no thread clock);
 *  for the timings the benchmark prints. */
inline qint64 threadCpuTimeNs()
{
#if defined(Q_OS_UNIX)
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
#else
    static QElapsedTimer clock;
    if (!clock.isValid())
        clock.start();
    return clock.nsecsElapsed();
#endif
}

} // namespace Vigil
