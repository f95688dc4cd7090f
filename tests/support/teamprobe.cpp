// vigil_teamprobe: one process taking part in a team database's leader election and nothing
// else, for the tests that start, kill and cut several of them. Usage:
//   vigil_teamprobe URL INTERVAL_MS ANALYST
// Prints "console ID", then "leader 1" / "leader 0" each time its role changes; SIGTERM or
// SIGINT leave the election cleanly (the lock and the row go) and print "stopped".
#include "leaderelection.h"

#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>

#include <csignal>

namespace {

volatile std::sig_atomic_t s_stop = 0;

void onSignal(int)
{
    s_stop = 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 4) {
        QTextStream(stderr) << "usage: vigil_teamprobe URL INTERVAL_MS ANALYST\n";
        return 2;
    }
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);
    Vigil::TeamSettings settings;
    settings.databaseUrl = args.at(1);
    settings.pollIntervalMs = args.at(2).toInt();
    settings.analyst = args.at(3);
    settings.kind = QStringLiteral("probe");
    Vigil::LeaderElection election(settings);
    QTextStream out(stdout);
    out << "console " << election.consoleId() << Qt::endl;
    QObject::connect(&election, &Vigil::LeaderElection::leadershipChanged, &app,
                     [&out](bool leader) { out << "leader " << (leader ? 1 : 0) << Qt::endl; });
    QTimer stopCheck;
    QObject::connect(&stopCheck, &QTimer::timeout, &app, [&] {
        if (!s_stop)
            return;
        election.stop();
        out << "stopped" << Qt::endl;
        QCoreApplication::quit();
    });
    stopCheck.start(20);
    election.start();
    return QCoreApplication::exec();
}
