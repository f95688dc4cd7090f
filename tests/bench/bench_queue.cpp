// The incident queue at 100,000 incidents, in the real MainWindow under the offscreen platform:
// time to first paint (model fill + show + first paint of the queue), sort by each column, one
// quick-filter keystroke, and resident memory. Prints its figures; see docs/BENCHMARKS.md.
//
//   bench_queue [incident count]      (default 100000)

#include "incidentfilterproxymodel.h"
#include "incidentqueuemodel.h"
#include "mainwindow.h"
#include "syntheticincidents.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QKeyEvent>
#include <QLineEdit>
#include <QTreeView>

#include <cstdio>
#include <ctime>

using namespace Vigil;

namespace {

constexpr double kFirstPaintTargetMs = 1500;
constexpr double kSortTargetMs = 200;
constexpr double kKeystrokeTargetMs = 50;
constexpr double kMemoryTargetMb = 400;

double memoryMb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

/** Counts paint events of the queue's viewport. */
class PaintCounter : public QObject
{
public:
    int paints = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return QObject::eventFilter(watched, event);
    }
};

/** Processes events until the viewport has painted once more. */
void waitForPaint(PaintCounter &counter)
{
    const int before = counter.paints;
    QElapsedTimer guard;
    guard.start();
    while (counter.paints == before && guard.elapsed() < 10000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
}

/** CPU time of the GUI thread, ms: unlike wall time, it does not grow when other work shares the
 *  machine, so it is the figure to compare between builds run at different moments. */
double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

void report(const char *what, double ms, double target, double cpuMs = -1)
{
    std::printf("%-44s %9.1f ms   (target %.0f ms) %s", what, ms, target,
                ms <= target ? "ok" : "MISSED");
    if (cpuMs >= 0)
        std::printf("   cpu %.1f ms", cpuMs);
    std::printf("\n");
}

void typeKey(QLineEdit *edit, int key, const QString &text)
{
    QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier, text);
    QCoreApplication::sendEvent(edit, &press);
    QKeyEvent release(QEvent::KeyRelease, key, Qt::NoModifier, text);
    QCoreApplication::sendEvent(edit, &release);
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int count = argc > 1 ? std::max(1, QString::fromLocal8Bit(argv[1]).toInt()) : 100000;

    std::printf("bench_queue: %d incidents, Qt %s, platform %s\n", count, qVersion(),
                qPrintable(QGuiApplication::platformName()));
    const double baseline = memoryMb("VmRSS");
    QElapsedTimer timer;
    timer.start();
    const QList<Incident> incidents
            = Synthetic::incidents(count, QDateTime(QDate(2024, 3, 1), QTime(12, 0), Qt::UTC));
    std::printf("%-44s %9.1f ms   (not part of the queue: the store sends these)\n",
                "generate synthetic incidents", double(timer.nsecsElapsed()) / 1e6);

    MainWindow window(nullptr);
    window.resize(1600, 900);
    QTreeView *view = window.queueView();
    PaintCounter counter;
    view->viewport()->installEventFilter(&counter);

    timer.restart();
    const double fillCpuStart = threadCpuMs();
    window.setIncidents(incidents);
    const double fillMs = double(timer.nsecsElapsed()) / 1e6;
    window.show();
    waitForPaint(counter);
    const double firstPaintMs = double(timer.nsecsElapsed()) / 1e6;
    std::printf("%-44s %9.1f ms\n", "  of which model fill + proxy sort", fillMs);
    report("first paint (fill + show + first paint)", firstPaintMs, kFirstPaintTargetMs,
           threadCpuMs() - fillCpuStart);

    double worstSort = 0;
    for (int column = 0; column < IncidentQueueModel::ColumnCount; ++column) {
        for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            timer.restart();
            view->sortByColumn(column, order);
            view->viewport()->repaint();
            const double ms = double(timer.nsecsElapsed()) / 1e6;
            worstSort = std::max(worstSort, ms);
            const QString label
                    = QStringLiteral("sort by %1 %2")
                              .arg(window.queueModel()
                                                   ->headerData(column, Qt::Horizontal,
                                                                Qt::ToolTipRole)
                                                   .toString()
                                                   .isEmpty()
                                           ? window.queueModel()
                                                     ->headerData(column, Qt::Horizontal)
                                                     .toString()
                                           : window.queueModel()
                                                     ->headerData(column, Qt::Horizontal,
                                                                  Qt::ToolTipRole)
                                                     .toString(),
                                   order == Qt::AscendingOrder ? QStringLiteral("asc")
                                                               : QStringLiteral("desc"));
            report(qPrintable(label), ms, kSortTargetMs);
        }
    }
    view->sortByColumn(IncidentQueueModel::LastUpdatedColumn, Qt::DescendingOrder);
    view->viewport()->repaint();

    QLineEdit *filter = window.findChild<QLineEdit *>(QStringLiteral("quickFilter"));
    filter->setFocus();
    double worstKey = 0;
    const struct
    {
        int key;
        const char *text;
        const char *label;
    } keys[] = {
            {Qt::Key_P, "p", "keystroke 'p' (all rows -> most)"},
            {Qt::Key_H, "h", "keystroke 'h' ('ph', narrowing)"},
            {Qt::Key_I, "i", "keystroke 'i' ('phi')"},
            {Qt::Key_Backspace, "", "keystroke Backspace ('ph', widening)"},
            {Qt::Key_Backspace, "", "keystroke Backspace ('p')"},
            {Qt::Key_Backspace, "", "keystroke Backspace (empty: all rows)"},
    };
    double worstKeyCpu = 0;
    for (const auto &k : keys) {
        timer.restart();
        const double cpuStart = threadCpuMs();
        typeKey(filter, k.key, QLatin1String(k.text));
        view->viewport()->repaint();
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        const double cpu = threadCpuMs() - cpuStart;
        worstKey = std::max(worstKey, ms);
        worstKeyCpu = std::max(worstKeyCpu, cpu);
        report(k.label, ms, kKeystrokeTargetMs, cpu);
        std::printf("%-44s %9d rows\n", "", window.queueProxy()->rowCount());
    }

    // The same keystrokes on the proxy alone (no view attached to it): how much of a keystroke is
    // the filter and mapping, and how much the view's layout and paint.
    {
        IncidentFilterProxyModel proxy;
        proxy.setSourceModel(window.queueModel());
        proxy.sort(IncidentQueueModel::LastUpdatedColumn, Qt::DescendingOrder);
        for (const char *text : {"p", "ph", "phi", "ph", "p", ""}) {
            const double cpuStart = threadCpuMs();
            proxy.setQuickFilterText(QLatin1String(text));
            std::printf(
                    "%-44s %9.1f ms cpu %9d rows\n",
                    qPrintable(
                            QStringLiteral("  proxy alone: filter '%1'").arg(QLatin1String(text))),
                    threadCpuMs() - cpuStart, proxy.rowCount());
        }
    }

    const double rss = memoryMb("VmRSS");
    const double peak = memoryMb("VmHWM");
    std::printf("%-44s %9.1f MB   (target %.0f MB) %s\n", "resident memory (VmRSS)", rss,
                kMemoryTargetMb, rss <= kMemoryTargetMb ? "ok" : "MISSED");
    std::printf("%-44s %9.1f MB\n", "  peak (VmHWM)", peak);
    std::printf("%-44s %9.1f MB\n", "  before the incidents existed", baseline);
    std::printf("summary: first paint %.0f ms, worst sort %.0f ms, worst keystroke %.0f ms "
                "(cpu %.0f ms), RSS %.0f MB\n",
                firstPaintMs, worstSort, worstKey, worstKeyCpu, rss);
    const bool met = firstPaintMs <= kFirstPaintTargetMs && worstSort <= kSortTargetMs
                     && worstKey <= kKeystrokeTargetMs && rss <= kMemoryTargetMb;
    return met ? 0 : 2;
}
