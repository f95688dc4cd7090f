#pragma once

#include "connectorprofile.h"
#include "result.h"
#include "syncconfig.h"

#include <QCommandLineParser>
#include <QProcessEnvironment>

#include <functional>
#include <memory>

class QTemporaryDir;
class QThread;

namespace Vigil::Sim {
class SimServer;
}

namespace Vigil {

class SecretStore;

/**
 * @brief Command-line and environment configuration shared by vigil and vigilctl.
 *
 * Flags override environment variables: --data-dir / VIGIL_DATA_DIR, --tenant-id /
 * AZURE_TENANT_ID, --client-id / AZURE_CLIENT_ID, AZURE_CLIENT_SECRET (environment only, so it
 * never shows in a process list), --authority-host / AZURE_AUTHORITY_HOST, --graph-endpoint /
 * VIGIL_GRAPH_ENDPOINT, --poll-interval, --cloud.
 *
 * Without $AZURE_CLIENT_SECRET, the connector profile saved by `vigilctl connect` (or the
 * connector page) in the data directory fills in tenant, client id, cloud and endpoints that
 * neither flags nor environment give; its secret is then read from the keychain
 * (readSavedSecret). The environment's client secret wins, for headless use.
 */
class AppOptions
{
public:
    /** Adds the shared options (and --demo) to a parser. */
    static void addTo(QCommandLineParser &parser);
    /** Reads the parser and the environment; a Config error says what to fix. */
    static Result<AppOptions> fromParser(const QCommandLineParser &parser);

    bool demo() const { return m_demo; }
    const SyncConfig &syncConfig() const { return m_config; }
    SyncConfig &syncConfig() { return m_config; }
    QString dataDir() const { return m_dataDir; }
    /** The analyst's UPN: --analyst or $VIGIL_ANALYST_UPN, else the UPN signed in to the
     *  saved connection; empty when none of them is known. */
    QString analystUpn() const { return m_analystUpn; }
    /** True when tenant, client id and secret are all known. */
    bool hasCredentials() const;
    /** True when the saved connector profile applies (its secret is in the keychain). */
    bool usesSavedProfile() const { return m_usesProfile; }
    /** The saved connector profile (invalid when none is saved or the environment overrides). */
    const ConnectorProfile &profile() const { return m_profile; }
    /** Reads the saved profile's secret from the keychain into config (client secret or refresh
     *  token); done is called on this thread. */
    static void readSavedSecret(const ConnectorProfile &profile, SecretStore *store,
                                QObject *context,
                                std::function<void(const Result<SyncConfig> &)> done,
                                SyncConfig config);

private:
    bool m_demo = false;
    QString m_dataDir;
    QString m_analystUpn;
    SyncConfig m_config;
    ConnectorProfile m_profile;
    bool m_usesProfile = false;
};

/**
 * @brief The embedded demo tenant: vigil-sim on its own thread on a free loopback port.
 *
 * Lives on the thread that creates it; the simulator lives on its own thread, stopped and
 * destroyed with this object.
 */
class DemoTenant
{
public:
    DemoTenant();
    ~DemoTenant();
    DemoTenant(const DemoTenant &) = delete;
    DemoTenant &operator=(const DemoTenant &) = delete;

    /** Starts the simulator (live portal activity when live is true). */
    Result<void> start(bool live);
    /** Points a configuration at the simulator: endpoints and credentials. When the configuration
     *  has no database yet, a throwaway data directory is used. */
    void configure(SyncConfig &config);
    /** environment with the demo tenant's storage account (its blob endpoint and SAS) as
     *  VIGIL_STORAGE_URL and VIGIL_STORAGE_SAS, unless environment names an account itself. */
    QProcessEnvironment storageEnvironment(QProcessEnvironment environment
                                           = QProcessEnvironment::systemEnvironment()) const;
    /** The throwaway data directory configure() made; empty when there is none. */
    QString dataDir() const;
    /** Where the simulator answers (its admin API too); empty before start(). */
    QUrl baseUrl() const { return m_baseUrl; }

private:
    std::unique_ptr<QThread> m_thread;
    Sim::SimServer *m_server = nullptr;
    std::unique_ptr<QTemporaryDir> m_dataDir;
    QUrl m_baseUrl;
    QString m_tenantId;
    QString m_clientId;
    QString m_clientSecret;
    QUrl m_storageUrl;
    QString m_storageSas;
};

} // namespace Vigil
