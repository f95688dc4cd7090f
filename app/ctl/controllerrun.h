#pragma once

#include "appoptions.h"
#include "secretstore.h"
#include "syncconfig.h"
#include "teamdatabasesetup.h"

#include <QList>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

class QCoreApplication;

namespace Vigil {
class SyncController;
struct StoreConfig;
struct Incident;
} // namespace Vigil

namespace Vigil::Ctl {

/**
 * @brief One vigilctl command run against the local store through a SyncController, the same
 * engine as the window's, until the command calls finish().
 *
 * Starts the demo tenant for --demo, gives the controller the saved connection's secret when the
 * command talks to Graph, saves a refresh token the sign-in rotates (the run ends only after it
 * is written) and turns a store failure into vigilctl's error text. Lives on the main thread.
 */
class ControllerRun
{
public:
    /** How far a command reaches: the local store only, or Graph too. */
    enum class Reach {
        Store, // incidents list, incident show, outbox list, connector status
        GraphWhenConnected, // incident update: edits are sent when a connection is known
        Graph, // sync: fails without credentials
    };

    ControllerRun(const AppOptions &options, Reach reach);
    ~ControllerRun();
    ControllerRun(const ControllerRun &) = delete;
    ControllerRun &operator=(const ControllerRun &) = delete;

    /** Every Graph call once, each given at most timeout (before open()): a command that tries
     *  once and reports, rather than one that waits. */
    void limitToOneAttempt(std::chrono::seconds timeout) { m_oneAttempt = timeout; }
    /** Starts the demo tenant or checks the credentials, then creates the controller (not
     *  started). Answers Ok, or the exit code after saying what is wrong. */
    int open();

    SyncController &controller() { return *m_controller; }
    /** The configuration the controller runs with (the demo tenant's endpoints with --demo). */
    const SyncConfig &config() const { return m_config; }
    /** Where the hunting events come from: with --demo, the demo tenant's storage account. */
    QProcessEnvironment storageEnvironment() const
    {
        return m_options.demo() ? m_demo.storageEnvironment()
                                : QProcessEnvironment::systemEnvironment();
    }
    /** True once the store's incidents have arrived, that is once the controller is running. */
    bool loaded() const { return m_loaded; }

    /** Ends the run with this exit code (after a pending secret write). */
    void finish(int code);

    /** Starts the controller and runs until finish(); loaded is called once, with the store's
     *  incidents, when the controller is ready for requests. Answers the exit code. */
    int exec(const std::function<void(const QList<Incident> &)> &loaded);

private:
    /** Starts the controller, with the saved connection's secret when it needs one. */
    void startController(QCoreApplication *app);

    const AppOptions &m_options;
    Reach m_reach;
    SyncConfig m_config;
    bool m_needsSavedSecret = false;
    DemoTenant m_demo;
    std::unique_ptr<SyncController> m_controller;
    SecretStore m_secrets;
    TeamDatabaseSetup m_teamDatabase;
    int m_exitCode = 0;
    int m_secretWrites = 0;
    bool m_exitPending = false;
    bool m_loaded = false;
    std::optional<std::chrono::seconds> m_oneAttempt;
};

/**
 * Runs run with the password of a PostgreSQL store (from the keychain, or moved there from its
 * URL: TeamDatabaseSetup::findPassword()) and answers its exit code; a keychain that could not
 * keep a given password is said on standard error. For the commands that open a team database
 * without a ControllerRun. Main thread.
 */
int withTeamDatabasePassword(const StoreConfig &store,
                             const std::function<int(const QString &password)> &run);

} // namespace Vigil::Ctl
