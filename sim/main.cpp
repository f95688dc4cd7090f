#include "simserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

using namespace Vigil::Sim;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("vigil-sim"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
            QStringLiteral("Simulated Microsoft 365 Defender tenant speaking the Graph security "
                           "API on 127.0.0.1."));
    parser.addHelpOption();
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        QStringLiteral("TCP port (0 = any free port)."),
                                        QStringLiteral("port"), QStringLiteral("0"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Generator seed."),
                                        QStringLiteral("seed"), QStringLiteral("1"));
    const QCommandLineOption incidentsOption(QStringLiteral("incidents"),
                                             QStringLiteral("Number of incidents (up to 100000)."),
                                             QStringLiteral("count"), QStringLiteral("300"));
    const QCommandLineOption liveOption(QStringLiteral("live"),
                                        QStringLiteral("Portal-like activity every few seconds."));
    const QCommandLineOption intervalOption(QStringLiteral("live-interval"),
                                            QStringLiteral("Milliseconds between live changes."),
                                            QStringLiteral("ms"), QStringLiteral("3000"));
    const QCommandLineOption credentialsOption(
            QStringLiteral("print-credentials"),
            QStringLiteral("Print the credentials as shell variable assignments."));
    const QCommandLineOption intervalDeviceOption(
            QStringLiteral("device-code-interval"),
            QStringLiteral("Seconds a device-code client must wait between polls (default 5)."),
            QStringLiteral("s"), QStringLiteral("5"));
    const QCommandLineOption quietOption(QStringLiteral("quiet"),
                                         QStringLiteral("Do not log each request."));
    parser.addOptions({portOption, seedOption, incidentsOption, liveOption, intervalOption,
                       credentialsOption, intervalDeviceOption, quietOption});
    parser.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    bool ok = false;
    SimOptions options;
    const uint port = parser.value(portOption).toUInt(&ok);
    if (!ok || port > 65535) {
        err << "vigil-sim: invalid --port\n";
        return 2;
    }
    options.seed = parser.value(seedOption).toUInt(&ok);
    if (!ok) {
        err << "vigil-sim: invalid --seed\n";
        return 2;
    }
    options.incidents = parser.value(incidentsOption).toInt(&ok);
    if (!ok || options.incidents < 0 || options.incidents > 100000) {
        err << "vigil-sim: --incidents must be between 0 and 100000\n";
        return 2;
    }
    options.deviceCodeIntervalSeconds = parser.value(intervalDeviceOption).toInt(&ok);
    if (!ok || options.deviceCodeIntervalSeconds < 0) {
        err << "vigil-sim: invalid --device-code-interval\n";
        return 2;
    }
    options.live = parser.isSet(liveOption);
    options.liveIntervalMs = parser.value(intervalOption).toInt();

    SimServer server(options);
    if (!server.listen(static_cast<quint16>(port))) {
        err << "vigil-sim: cannot listen on 127.0.0.1:" << port << '\n';
        return 1;
    }
    out << "vigil-sim listening on " << server.baseUrl().toString() << " tenant "
        << server.tenantId() << " client " << server.clientId() << " secret "
        << server.clientSecret() << " (" << server.tenant().incidents().size() << " incidents, "
        << server.tenant().alerts().size() << " alerts)" << Qt::endl;
    out << "vigil-sim storage account " << server.blobEndpoint().toString() << " sas "
        << server.blobSas() << Qt::endl;
    if (parser.isSet(credentialsOption)) {
        out << "AZURE_TENANT_ID=" << server.tenantId() << '\n'
            << "AZURE_CLIENT_ID=" << server.clientId() << '\n'
            << "AZURE_CLIENT_SECRET=" << server.clientSecret() << '\n'
            << "VIGIL_GRAPH_URL=" << server.baseUrl().toString() << '\n'
            << "VIGIL_STORAGE_URL=" << server.blobEndpoint().toString() << '\n'
            << "VIGIL_STORAGE_SAS=" << server.blobSas() << Qt::endl;
    }
    if (!parser.isSet(quietOption)) {
        QObject::connect(&server, &SimServer::requestServed, &app,
                         [&out](const QString &line) { out << line << Qt::endl; });
    }
    return QCoreApplication::exec();
}
