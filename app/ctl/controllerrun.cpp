#include "controllerrun.h"

#include "ctloutput.h"
#include "synccontroller.h"

#include <QCoreApplication>
#include <QTimer>

#include <algorithm>

namespace Vigil::Ctl {

ControllerRun::ControllerRun(const AppOptions &options, Reach reach)
    : m_options(options)
    , m_reach(reach)
    , m_config(options.syncConfig())
{
    m_config.autoPoll = false;
    // Sync and update talk to Graph: with a saved connection, its secret comes from the keychain.
    m_needsSavedSecret = reach != Reach::Store && !options.demo() && !options.hasCredentials()
                         && options.usesSavedProfile();
}

ControllerRun::~ControllerRun() = default;

int ControllerRun::open()
{
    if (m_options.demo()) {
        if (const Result<void> started = m_demo.start(false); !started)
            return fail(started.error().message);
        m_demo.configure(m_config);
    } else if (m_reach == Reach::Graph && !m_options.hasCredentials()
               && !m_options.usesSavedProfile()) {
        return fail(QStringLiteral("no credentials: run 'vigilctl connect', or set "
                                   "AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or "
                                   "--tenant-id/--client-id), or use --demo for the embedded "
                                   "demo tenant."),
                    Usage);
    }

    if (m_oneAttempt) {
        m_config.maxAttempts = 1;
        m_config.requestTimeoutSeconds
                = std::clamp(m_config.requestTimeoutSeconds, 1, int(m_oneAttempt->count()));
    }
    m_controller = std::make_unique<SyncController>(m_config);
    QCoreApplication *app = QCoreApplication::instance();
    QObject::connect(m_controller.get(), &SyncController::storeFailed, app,
                     [this](const Error &error) { finish(fail(describe(error))); });
    // A rotated refresh token replaces the saved one; the run ends only after it is written.
    QObject::connect(m_controller.get(), &SyncController::refreshTokenRotated, app,
                     [this, app](const QString &refreshToken) {
                         if (!m_needsSavedSecret)
                             return;
                         ++m_secretWrites;
                         m_secrets.write(m_options.profile().secretKey(), refreshToken, app,
                                         [this](const Result<void> &written) {
                                             if (!written)
                                                 fail(QStringLiteral("the renewed sign-in could "
                                                                     "not be saved: ")
                                                      + written.error().message);
                                             if (--m_secretWrites == 0 && m_exitPending)
                                                 QCoreApplication::exit(m_exitCode);
                                         });
                     });
    return Ok;
}

void ControllerRun::finish(int code)
{
    m_exitCode = code;
    if (m_secretWrites > 0)
        m_exitPending = true;
    else
        QCoreApplication::exit(code);
}

int ControllerRun::exec(const std::function<void(const QList<Incident> &)> &loaded)
{
    QCoreApplication *app = QCoreApplication::instance();
    QObject::connect(m_controller.get(), &SyncController::incidentsLoaded, app,
                     [this, loaded](const QList<Incident> &incidents) {
                         if (m_loaded)
                             return;
                         m_loaded = true;
                         loaded(incidents);
                     });
    // A team database's password: from the keychain, or moved there from the URL.
    m_teamDatabase.findPassword(
            m_config.store, app,
            [this, app](const QString &password, const std::optional<Error> &problem) {
                if (problem)
                    err() << "vigilctl: warning: " << terminalSafe(problem->message) << Qt::endl;
                m_controller->setStorePassword(password);
                startController(app);
            });
    QCoreApplication::exec();
    return m_exitCode;
}

void ControllerRun::startController(QCoreApplication *app)
{
    if (m_needsSavedSecret) {
        AppOptions::readSavedSecret(
                m_options.profile(), &m_secrets, app,
                [this](const Result<SyncConfig> &withSecret) {
                    if (!withSecret) {
                        finish(fail(withSecret.error().message));
                        return;
                    }
                    m_controller->setCredentials(withSecret->clientSecret,
                                                 withSecret->refreshToken);
                    m_controller->start();
                },
                m_config);
    } else {
        QTimer::singleShot(0, m_controller.get(), &SyncController::start);
    }
}

int withTeamDatabasePassword(const StoreConfig &store,
                             const std::function<int(const QString &password)> &run)
{
    TeamDatabaseSetup setup;
    std::optional<int> code;
    bool waiting = false;
    setup.findPassword(store, QCoreApplication::instance(),
                       [&](const QString &password, const std::optional<Error> &problem) {
                           if (problem)
                               err() << "vigilctl: warning: " << terminalSafe(problem->message)
                                     << Qt::endl;
                           code = run(password);
                           if (waiting)
                               QCoreApplication::exit(*code);
                       });
    // The keychain answers through the event loop, or at once when there is nothing to ask.
    if (!code) {
        waiting = true;
        QCoreApplication::exec();
    }
    return code.value_or(Failed);
}

} // namespace Vigil::Ctl
