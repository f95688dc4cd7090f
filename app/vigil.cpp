// vigil: the desktop console. main() only wires the engine, the window and the options.
#include "appoptions.h"
#include "commandpalette.h"
#include "connectioncontroller.h"
#include "connectorpage.h"
#include "eventcontroller.h"
#include "eventstore.h"
#include "eventstreamcontroller.h"
#include "huntinglibrary.h"
#include "huntinglibrarycontroller.h"
#include "huntingpage.h"
#include "huntingtab.h"
#include "incidentqueuemodel.h"
#include "mainwindow.h"
#include "pluralforms.h"
#include "remotehuntcontroller.h"
#include "secretstore.h"
#include "synccontroller.h"
#include "teamcontroller.h"
#include "teamdatabasesetup.h"
#include "triage.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QLocale>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcessEnvironment>
#include <QStatusBar>
#include <QTimer>
#include <QTranslator>

#include <cstdio>
#include <functional>

using namespace Vigil;

namespace {

void installTranslations(QApplication &app)
{
    // English plural forms first: a language's own translator, installed after, is asked first.
    installPluralForms();
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    auto *translator = new QTranslator(&app);
    // qt_add_translations embeds the .qm files under :/i18n.
    if (translator->load(QLocale(), QStringLiteral("vigil"), QStringLiteral("_"),
                         QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(translator);
}

int fail(const QString &message)
{
    std::fprintf(stderr, "vigil: %s\n", qPrintable(message));
    return 1;
}

/**
 * For `--page outbox`: the demo tenant answers every write of one open incident with a server
 * error, that incident gets three edits and another one a tag; the page is saved once the
 * delivery run has tried them (the other incident's edit goes through meanwhile).
 */
void showOutboxWithAFailingIncident(MainWindow &window, SyncController &controller,
                                    const QUrl &demoTenant, const std::function<void()> &save)
{
    QList<Incident> open;
    const IncidentQueueModel *model = window.queueModel();
    for (int row = 0; row < model->rowCount() && open.size() < 2; ++row) {
        const Incident &incident = model->incidentAt(row);
        if (incident.status != QLatin1String("resolved") && !incident.isRedirected()
            && !incident.isRuleIncident())
            open.append(incident);
    }
    window.showOutboxPage();
    if (open.size() < 2 || demoTenant.isEmpty()) {
        save();
        return;
    }
    auto *network = new QNetworkAccessManager(&window);
    QUrl faults = demoTenant;
    faults.setPath(QStringLiteral("/_sim/faults"));
    QNetworkRequest request(faults);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    const QJsonObject fault{
            {QStringLiteral("kind"), QStringLiteral("serverError")},
            {QStringLiteral("status"), 500},
            {QStringLiteral("count"), -1},
            {QStringLiteral("path"),
             QString(QStringLiteral("/v1.0/security/incidents/") + open.at(0).providerIncidentId)}};
    QNetworkReply *reply = network->post(request, QJsonDocument(fault).toJson());
    QObject::connect(reply, &QNetworkReply::finished, &window,
                     [reply, network, &controller, open, save] {
                         reply->deleteLater();
                         QObject::connect(
                                 &controller, &SyncController::outboxFlushed, network,
                                 [save](int, int queued) {
                                     if (queued > 0)
                                         save();
                                 },
                                 Qt::SingleShotConnection);
                         TriageEdit assign;
                         assign.owner = QStringLiteral("kai@contoso.com");
                         TriageEdit escalate;
                         escalate.tagsToAdd = {QStringLiteral("Escalated")};
                         TriageEdit comment;
                         comment.comment = QStringLiteral("Escalated to tier 2 <see ticket 4711>");
                         TriageEdit reviewed;
                         reviewed.tagsToAdd = {QStringLiteral("Reviewed")};
                         for (TriageEdit *edit : {&assign, &escalate, &comment, &reviewed}) {
                             edit->analyst = QStringLiteral("kai@contoso.com");
                             edit->editTime = QDateTime::currentDateTimeUtc();
                         }
                         controller.requestEdit({open.at(0).number}, assign);
                         controller.requestEdit({open.at(0).number}, escalate);
                         controller.requestEdit({open.at(0).number}, comment);
                         controller.requestEdit({open.at(1).number}, reviewed);
                     });
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    // Progress detail is for QT_LOGGING_RULES="vigil.*.debug=true"; warnings always show.
    QLoggingCategory::setFilterRules(QStringLiteral("vigil.*.debug=false\nvigil.*.info=false"));
    QCoreApplication::setApplicationName(QStringLiteral("Vigil"));
    QCoreApplication::setOrganizationName(QStringLiteral("Vigil"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VIGIL_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Vigil"));
    QGuiApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/vigil.svg")));
    installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
            QCoreApplication::translate("main", "Vigil: triage Microsoft 365 Defender incidents."));
    parser.addHelpOption();
    parser.addVersionOption();
    AppOptions::addTo(parser);
    parser.addOption({QStringLiteral("screenshot"),
                      QCoreApplication::translate(
                              "main", "After the first sync, save the main window (queue and the "
                                      "detail of an incident with more than 150 alerts) to FILE "
                                      "as PNG and exit."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("page"),
                      QCoreApplication::translate(
                              "main", "With --screenshot: the page to save, queue (the default), "
                                      "connector, hunting, hunting-chart, dashboard, outbox, "
                                      "cheatsheet or palette."),
                      QStringLiteral("name"), QStringLiteral("queue")});
    parser.addOption({QStringLiteral("size"),
                      QCoreApplication::translate(
                              "main", "With --screenshot: the window's size, WIDTHxHEIGHT "
                                      "(1920x1080 by default)."),
                      QStringLiteral("size"), QStringLiteral("1920x1080")});
    parser.addOption({QStringLiteral("filter"),
                      QCoreApplication::translate(
                              "main", "Start with this queue filter (the quick filter's "
                                      "language, as in vigilctl incidents list --filter)."),
                      QStringLiteral("expr")});
    parser.process(app);

    Result<AppOptions> options = AppOptions::fromParser(parser);
    if (!options)
        return fail(options.error().message);
    SyncConfig config = options->syncConfig();
    // The team database the connector page saved, unless --db or VIGIL_DB names one.
    if (!options->demo() && config.store.engine != StoreEngine::PostgreSQL) {
        if (const QString saved = TeamDatabaseSetup::savedUrl(); !saved.isEmpty()) {
            const QString analyst = config.store.analyst;
            config.store = StoreConfig::postgres(saved);
            config.store.analyst = analyst;
        }
    }
    const QString screenshot = parser.value(QStringLiteral("screenshot"));
    const bool screenshotMode = !screenshot.isEmpty();
    const QString page = parser.value(QStringLiteral("page"));
    if (page != QLatin1String("queue") && page != QLatin1String("connector")
        && page != QLatin1String("hunting") && page != QLatin1String("hunting-chart")
        && page != QLatin1String("dashboard") && page != QLatin1String("outbox")
        && page != QLatin1String("cheatsheet") && page != QLatin1String("palette"))
        return fail(QStringLiteral("--page must be queue, connector or hunting (hunting-chart: "
                                   "the hunting page with a chart), dashboard, outbox, "
                                   "cheatsheet or palette (the queue with the keyboard cheat "
                                   "sheet or the command palette)."));

    DemoTenant demo;
    if (options->demo()) {
        // Live portal-like activity makes the demo queue move; screenshots stay deterministic.
        if (const Result<void> started = demo.start(!screenshotMode); !started)
            return fail(started.error().message);
        demo.configure(config);
    } else if (!options->hasCredentials() && !options->usesSavedProfile()) {
        const QString message = QCoreApplication::translate(
                "main", "Vigil has no tenant to sync with. Connect with 'vigilctl connect', or set "
                        "AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET for an app "
                        "registration with "
                        "SecurityIncident.Read.All, or start 'vigil --demo' to try Vigil on the "
                        "embedded demo tenant.");
        if (screenshotMode)
            return fail(message);
        QMessageBox::warning(nullptr, QStringLiteral("Vigil"), message);
    }

    // Neither --analyst nor a signed-in profile: the UPN the window was told (the first "assign
    // to me" asks for it) is whose seen times and edits the store keeps.
    if (config.store.analyst.isEmpty())
        config.store.analyst = MainWindow::savedAnalystUpn();
    SyncController controller(config);
    // The hunting tables: events.sqlite beside the incident store, on its own writer thread.
    EventController events;
    if (!config.store.isEmpty())
        events.start(eventStorePath(config.store));
    // Streaming from the storage account the Defender streaming API writes to, on its own thread.
    EventStreamController stream(&events);
    // History and saved queries, on their own thread; and queries run in Defender itself. Both
    // outlive the window, whose hunting page uses them.
    HuntingLibraryController library;
    RemoteHuntController remoteHunt;
    MainWindow window(&controller);
    if (!config.store.isEmpty())
        window.huntingPage()->setDatabasePath(eventStorePath(config.store));
    if (events.isStarted()) {
        window.setEventController(&events);
        // The demo tenant streams its hunting events to its own storage account (unless the
        // environment names another).
        window.connectorPage()->setEventStreamController(&stream);
        if (options->demo()) {
            stream.start(config, options->dataDir().isEmpty() ? demo.dataDir() : options->dataDir(),
                         demo.storageEnvironment());
        } else {
            stream.start(config, options->dataDir());
        }
    }
    {
        QString huntingDir = options->dataDir();
        if (huntingDir.isEmpty() && options->demo())
            huntingDir = demo.dataDir();
        if (huntingDir.isEmpty() && !config.store.isEmpty())
            huntingDir = QFileInfo(config.store.location).absolutePath();
        if (!huntingDir.isEmpty()) {
            library.start(huntingLibraryPath(huntingDir));
            window.huntingPage()->setLibraryController(&library);
        }
    }
    // "Run in Defender" signs in with the window's connection as it is at that moment (the
    // keychain's secret arrives after start-up; the connector page may switch tenants).
    window.huntingPage()->setRemoteHuntController(&remoteHunt);
    QObject::connect(window.huntingPage(), &HuntingPage::runInDefenderRequested, &remoteHunt,
                     [&remoteHunt, &controller] { remoteHunt.setConnection(controller.config()); });
    window.huntingPage()->setRemoteRunAvailable(options->demo() || !config.tenantId.isEmpty());
    // The analyst's edits go to the sync engine; its answers come back to the window.
    QObject::connect(&window, &MainWindow::editRequested, &controller,
                     &SyncController::requestEdit);
    QObject::connect(&controller, &SyncController::editRejected, &window,
                     &MainWindow::showEditRejected);
    if (!options->analystUpn().isEmpty())
        window.setAnalystUpn(options->analystUpn());
    // Team mode: on a team database (--db / VIGIL_DB) the window takes part in the election of
    // the one console that syncs, shows who leads, who else is on an incident, and reloads after
    // colleagues' changes.
    TeamSettings teamSettings;
    if (config.store.engine == StoreEngine::PostgreSQL) {
        teamSettings.databaseUrl = config.store.location;
        teamSettings.password = config.store.password;
        teamSettings.analyst = options->analystUpn();
        teamSettings.pollIntervalMs = std::clamp(config.pollIntervalSeconds, 5, 300) * 1000;
        controller.setTeam(teamSettings);
    }
    TeamController team(teamSettings);
    if (teamSettings.isEnabled())
        window.setTeamController(&team);
    // The team database's password: moved to the keychain when the URL carried one, else read
    // from there; the connector page can set both.
    TeamDatabaseSetup teamDatabase;
    window.connectorPage()->setTeamDatabaseSetup(
            &teamDatabase,
            config.store.engine == StoreEngine::PostgreSQL ? config.store.location : QString());
    ConnectorIdentity identity{config.tenantId, config.clientId, config.cloud.name, {}, true,
                               options->demo()};
    if (!options->demo() && !options->hasCredentials() && options->usesSavedProfile()) {
        identity.upn = options->profile().upn;
        identity.clientSecret
                = options->profile().authMode == ConnectorProfile::AuthMode::ClientSecret;
    }
    window.connectorPage()->setIdentity(identity);
    ConnectionController connection;
    if (!options->demo())
        window.connectorPage()->setConnectionController(&connection, config, options->dataDir());
    // Screenshots use a common analyst screen size; an interactive window keeps its saved size.
    if (screenshotMode) {
        const QStringList size = parser.value(QStringLiteral("size")).split(QLatin1Char('x'));
        const int width = size.value(0).toInt();
        const int height = size.value(1).toInt();
        if (size.size() != 2 || width < 640 || height < 480 || width > 7680 || height > 4320)
            return fail(QStringLiteral("--size must be WIDTHxHEIGHT, from 640x480 to 7680x4320"));
        window.resize(width, height);
    }

    int exitCode = 0;
    if (screenshotMode) {
        auto finished = std::make_shared<bool>(false);
        QObject::connect(
                &controller, &SyncController::syncFinished, &window,
                [&window, &controller, &stream, &exitCode, &demo, finished, screenshot,
                 page](bool ok, const Error &error) {
                    if (*finished)
                        return;
                    *finished = true;
                    if (!ok) {
                        exitCode = fail(QStringLiteral("first sync failed: ") + error.toString());
                        QCoreApplication::exit(exitCode);
                        return;
                    }
                    const auto save = [&window, &exitCode, screenshot] {
                        QTimer::singleShot(300, &window, [&window, &exitCode, screenshot] {
                            const QImage image = window.renderToImage();
                            if (image.isNull() || !image.save(screenshot, "PNG"))
                                exitCode = fail(QStringLiteral("cannot write %1").arg(screenshot));
                            else
                                std::fprintf(stdout, "Saved %s\n", qPrintable(screenshot));
                            QCoreApplication::exit(exitCode);
                        });
                    };
                    if (page.startsWith(QLatin1String("hunting"))) {
                        // A query over the demo tenant's events, run before the grab once the
                        // first streaming pass has brought them in.
                        const bool chart = page == QLatin1String("hunting-chart");
                        window.huntingPage()->setTabsSaved(false);
                        window.showHuntingPage();
                        const auto runQuery = [&window, save, chart] {
                            HuntingTab *tab = window.huntingPage()->newTab(
                                    chart ? QStringLiteral("Processes over time")
                                          : QStringLiteral("Process events"),
                                    chart ? QStringLiteral("DeviceProcessEvents\n"
                                                           "| where FileName in (\"cmd.exe\", "
                                                           "\"powershell.exe\", \"msedge.exe\")\n"
                                                           "| summarize Processes = count() by "
                                                           "FileName, bin(Timestamp, 6h)\n"
                                                           "| render timechart")
                                          : QStringLiteral("DeviceProcessEvents\n"
                                                           "| sort by Timestamp desc\n"
                                                           "| project Timestamp, DeviceName, "
                                                           "AccountName, FileName, "
                                                           "ProcessCommandLine, SHA256\n"
                                                           "| take 200"));
                            // Only this tab: not the analyst's tabs kept from other runs.
                            while (window.huntingPage()->tabCount() > 1)
                                window.huntingPage()->closeTab(0);
                            QObject::connect(tab, &HuntingTab::queryFinished, &window, save,
                                             Qt::SingleShotConnection);
                            tab->runQuery();
                        };
                        if (!stream.accountUrl().isEmpty() && !stream.lastPass())
                            QObject::connect(&stream, &EventStreamController::passFinished, &window,
                                             runQuery, Qt::SingleShotConnection);
                        else
                            runQuery();
                        return;
                    }
                    if (page == QLatin1String("dashboard")) {
                        window.showDashboardPage();
                        save();
                        return;
                    }
                    if (page == QLatin1String("outbox")) {
                        showOutboxWithAFailingIncident(window, controller, demo.baseUrl(), save);
                        return;
                    }
                    if (page == QLatin1String("connector")) {
                        window.showConnectorPage();
                        // The rules, and the first streaming pass when an account is set up.
                        auto pending = std::make_shared<int>(1);
                        const auto saveWhenReady = [pending, save] {
                            if (--*pending == 0)
                                save();
                        };
                        if (!window.connectorPage()->ruleSettings()) {
                            ++*pending;
                            QObject::connect(&controller, &SyncController::ruleSettingsLoaded,
                                             &window, saveWhenReady, Qt::SingleShotConnection);
                        }
                        if (!stream.accountUrl().isEmpty() && !stream.lastPass()) {
                            ++*pending;
                            QObject::connect(&stream, &EventStreamController::passFinished, &window,
                                             saveWhenReady, Qt::SingleShotConnection);
                        }
                        saveWhenReady();
                        return;
                    }
                    // Wait for the detail pane to be filled before grabbing the window.
                    if (page == QLatin1String("cheatsheet") || page == QLatin1String("palette")) {
                        // The queue with the cheat sheet or the palette (filtered by a word) over
                        // it.
                        QObject::connect(
                                &window, &MainWindow::detailShown, &window,
                                [&window, save, page] {
                                    if (page == QLatin1String("cheatsheet")) {
                                        window.showCheatSheet();
                                    } else if (auto *palette = qobject_cast<CommandPalette *>(
                                                       window.showCommandPalette())) {
                                        palette->filterEdit()->setText(QStringLiteral("assign"));
                                    }
                                    save();
                                },
                                Qt::SingleShotConnection);
                    } else {
                        QObject::connect(&window, &MainWindow::detailShown, &window, save,
                                         Qt::SingleShotConnection);
                    }
                    // Under a --filter that hides those, the first incident it shows.
                    if (!window.selectFirstIncidentWithMoreAlertsThan(150)
                        && !window.selectFirstIncidentWithMoreAlertsThan(0))
                        window.selectIncident(1);
                });
        QTimer::singleShot(180000, &window, [&exitCode] {
            exitCode = fail(QStringLiteral("no sync result within 3 minutes"));
            QCoreApplication::exit(exitCode);
        });
    }

    if (parser.isSet(QStringLiteral("filter"))) {
        SavedView view;
        view.filter = parser.value(QStringLiteral("filter"));
        window.applyView(view);
    }
    window.show();
    // A saved connection keeps its secret in the keychain; a renewed sign-in replaces it there.
    SecretStore secrets;
    ConnectorProfile current
            = options->usesSavedProfile() ? options->profile() : ConnectorProfile();
    const auto keepRefreshToken = [&secrets, &current](const QString &refreshToken) {
        if (current.isValid() && current.authMode == ConnectorProfile::AuthMode::DeviceCode)
            secrets.write(current.secretKey(), refreshToken, &secrets, [](const Result<void> &) {});
    };
    QObject::connect(&controller, &SyncController::refreshTokenRotated, &secrets, keepRefreshToken);
    QObject::connect(&remoteHunt, &RemoteHuntController::refreshTokenRotated, &secrets,
                     keepRefreshToken);
    // The connector page switches the running sync to a new connection (and off a removed one);
    // renewed refresh tokens go to the connection in use.
    QObject::connect(&connection, &ConnectionController::connected, &window,
                     [&current, &window](const ConnectorProfile &profile) {
                         current = profile;
                         window.huntingPage()->setRemoteRunAvailable(true);
                     });
    QObject::connect(&connection, &ConnectionController::disconnected, &window,
                     [&current, &window](const ConnectorProfile &) {
                         current = ConnectorProfile();
                         window.huntingPage()->setRemoteRunAvailable(false);
                     });
    const auto startSync = [&] {
        if (!options->demo() && !options->hasCredentials() && options->usesSavedProfile()) {
            AppOptions::readSavedSecret(
                    current, &secrets, &window,
                    [&controller, &window, screenshotMode](const Result<SyncConfig> &withSecret) {
                        if (!withSecret) {
                            if (screenshotMode) {
                                QCoreApplication::exit(fail(withSecret.error().message));
                                return;
                            }
                            QMessageBox::warning(&window, QStringLiteral("Vigil"),
                                                 withSecret.error().message);
                        } else {
                            controller.setCredentials(withSecret->clientSecret,
                                                      withSecret->refreshToken);
                        }
                        controller.start();
                    },
                    config);
        } else {
            controller.start();
        }
    };
    if (teamSettings.isEnabled()) {
        teamDatabase.findPassword(
                config.store, &window,
                [&](const QString &password, const std::optional<Error> &problem) {
                    if (problem)
                        window.statusBar()->showMessage(problem->message, 30000);
                    controller.setStorePassword(password);
                    team.setPassword(password);
                    team.start();
                    startSync();
                });
    } else {
        startSync();
    }
    const int result = app.exec();
    return screenshotMode ? exitCode : result;
}
