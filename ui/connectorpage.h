#pragma once

#include "connectorprofile.h"
#include "devicecodeprompt.h"
#include "incidentrules.h"
#include "result.h"
#include "syncconfig.h"
#include "syncstatus.h"

#include <QDateTime>
#include <QHash>
#include <QWidget>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QFrame;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;
class QVBoxLayout;

namespace Vigil {

class ConnectionController;
class EventController;
class EventStreamController;
class HuntingTablesBox;
class StorageAccountBox;
class TeamDatabaseBox;
class TeamDatabaseSetup;
class SyncController;

/** What the connector page shows about the connection: which tenant, app, cloud and who. */
struct ConnectorIdentity
{
    QString tenantId;
    QString clientId;
    QString cloud; ///< "global", "usgov", "dod"
    QString upn; ///< the signed-in analyst; empty for a client secret
    bool clientSecret = false; ///< signed in as the app (client credentials)
    bool demo = false; ///< the embedded simulated tenant
};

/**
 * The connector page: the connection (tenant, identity, cloud), its health (last pull and push,
 * lag, Graph calls against the budget, back-off, the last error and what to do), the
 * incident-creation rules with the "turn off Microsoft incident creation rules" checkbox and an
 * editor, and the volume in the store. GUI thread; it reads and writes the rules only through
 * the SyncController (the sync thread owns the store).
 */
class ConnectorPage : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectorPage(SyncController *controller, QWidget *parent = nullptr);
    ~ConnectorPage() override;

    void setIdentity(const ConnectorIdentity &identity);
    /** Opens URLs (the sign-in address); tests capture them instead of starting a browser. */
    using UrlOpener = std::function<bool(const QUrl &)>;
    void setUrlOpener(UrlOpener opener) { m_urlOpener = std::move(opener); }
    /**
     * Enables Connect and Disconnect: connection runs the sign-in and keeps the result in
     * dataDir and the keychain; base gives the endpoints (a proxy, the simulator) and the
     * default cloud. Without it the page only shows the connection.
     */
    void setConnectionController(ConnectionController *connection, const SyncConfig &base,
                                 const QString &dataDir);
    /** Adds the "Hunting tables" section, which works through events. */
    void setEventController(EventController *events);
    HuntingTablesBox *huntingTables() const { return m_huntingTables; }
    /** Adds the "Storage account" part of the hunting section (after setEventController()):
     *  the account the Defender streaming API writes to, and the passes that read it. */
    void setEventStreamController(EventStreamController *stream);
    StorageAccountBox *storageAccount() const { return m_storageAccount; }
    /** Adds the "Team database" section: the PostgreSQL database the team shares, set through
     *  setup; inUse is the URL this run uses (empty: this machine's own database). */
    void setTeamDatabaseSetup(TeamDatabaseSetup *setup, const QString &inUse);
    /** The rules as shown (after the latest load or save); nothing before the first load. */
    std::optional<IncidentRuleSettings> ruleSettings() const { return m_settings; }

    /**
     * Checks a rule as the editor would store it: at least one severity, no empty title part,
     * no title part both included and excluded. Returns the reason in translated words, or an
     * empty string when the rule is fine.
     */
    static QString validateRule(const IncidentRule &rule);

public Q_SLOTS:
    void showSyncStatus(const Vigil::SyncStatus &status);
    void showRuleSettings(const Vigil::IncidentRuleSettings &settings);
    void showRuleSettingsFailure(const Vigil::Error &error);
    /** Asks the controller for the rules again (the page does it when it is first shown). */
    void reloadRules();

Q_SIGNALS:
    /** The analyst changed the rules; they go to the controller (already sent when one is set). */
    void ruleSettingsEdited(const Vigil::IncidentRuleSettings &settings);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *createConnectionBox();
    void connectClicked();
    void disconnectClicked();
    void showDeviceCode(const Vigil::DeviceCodePrompt &prompt);
    void showConnected(const Vigil::ConnectorProfile &profile, const QString &secret);
    void showConnectFailure(const Vigil::Error &error);
    void setConnecting(bool connecting);
    void updateSignInMode();
    QWidget *createHealthBox();
    QWidget *createRulesBox();
    QWidget *createVolumeBox();
    void fillRulesTable();
    void fillEditor();
    void updateHealthTimes();
    void applyTurnOff(bool on);
    void applyRuleCheck(QTreeWidgetItem *item);
    /** Saves the editor's rule; false (and the reason shown) when it is not valid. */
    bool saveEditedRule();
    void submit(const IncidentRuleSettings &settings);
    RuleProduct currentProduct() const;
    QString ruleStateText(RuleProduct product) const;
    QString filterSummary(const IncidentRule &rule) const;
    /** What an error of the component alert pull means, and what to do about it. */
    static QString componentAlertsErrorText(const Error &error);
    /** Why Defender's file profiles are not fetched, and what to do about it. */
    static QString fileProfilesErrorText(const Error &error);
    /** Why Defender's SeenBy() answers are not fetched, and what to do about it. */
    static QString seenByErrorText(const Error &error);
    static QString reasonText(RuleProduct product);

    // Asking first (connectorpagesafety.cpp): turning the Microsoft rules on, leaving an edited
    // rule, closing the duplicates the rules made.
    void askBeforeTurningOn(const IncidentRuleSettings &after,
                            const std::optional<RuleImpact> &impact);
    void offerToCloseDuplicates();
    void noteRuleIncidents(const QList<Incident> &incidents);
    void currentRuleChanged(QTreeWidgetItem *current, QTreeWidgetItem *previous);
    /** The rule as the editor shows it now (for currentProduct()). */
    IncidentRule ruleInEditor() const;
    bool editorHasUnsavedChanges() const;
    bool m_askingImpact = false; ///< an estimate was asked for the turn-on question
    QDateTime m_rulesOnSince; ///< when this page turned the Microsoft rules on; invalid: not
    QHash<qint64, Incident> m_ruleIncidentsSince; ///< rule incidents seen since then
    bool m_selectingBack = false;

    SyncController *m_controller = nullptr;
    QVBoxLayout *m_leftColumn = nullptr;
    QVBoxLayout *m_rightColumn = nullptr;
    HuntingTablesBox *m_huntingTables = nullptr;
    StorageAccountBox *m_storageAccount = nullptr;
    TeamDatabaseBox *m_teamDatabase = nullptr;
    std::optional<IncidentRuleSettings> m_settings;
    SyncStatus m_status;
    bool m_filling = false;
    bool m_requestedRules = false;
    int m_savesInFlight = 0; ///< saves whose answer has not come back yet

    QLabel *m_connectionState = nullptr;
    QLabel *m_tenant = nullptr;
    QLabel *m_identity = nullptr;
    QLabel *m_cloud = nullptr;

    ConnectionController *m_connection = nullptr;
    SyncConfig m_baseConfig;
    QString m_dataDir;
    UrlOpener m_urlOpener;
    QUrl m_verificationUri;
    /// The cloud of the sign-in under way: its sign-in hosts are all "open in browser" opens.
    Cloud m_signInCloud;
    QWidget *m_connectForm = nullptr;
    QLineEdit *m_connectTenant = nullptr;
    QLineEdit *m_connectClientId = nullptr;
    QComboBox *m_connectCloud = nullptr;
    QComboBox *m_signInMode = nullptr;
    QLineEdit *m_clientSecret = nullptr;
    QPushButton *m_connectButton = nullptr;
    QPushButton *m_disconnectButton = nullptr;
    QFrame *m_deviceCodePanel = nullptr;
    QLabel *m_deviceCode = nullptr;
    QLabel *m_verificationAddress = nullptr;
    QPushButton *m_openBrowser = nullptr;
    QPushButton *m_signInDone = nullptr;
    QPushButton *m_cancelSignIn = nullptr;
    QLabel *m_connectMessage = nullptr;

    QLabel *m_lastPull = nullptr;
    QLabel *m_lastPush = nullptr;
    QLabel *m_lag = nullptr;
    QLabel *m_calls = nullptr;
    QLabel *m_backoff = nullptr;
    QLabel *m_lastError = nullptr;
    QTimer *m_clock = nullptr;

    QCheckBox *m_turnOff = nullptr;
    QTreeWidget *m_rules = nullptr;
    QLabel *m_ruleTitle = nullptr;
    QCheckBox *m_ruleEnabled = nullptr;
    QList<QCheckBox *> m_severities;
    QLineEdit *m_include = nullptr;
    QLineEdit *m_exclude = nullptr;
    QCheckBox *m_skipHeld = nullptr;
    QLabel *m_ruleReason = nullptr;
    QLabel *m_ruleMessage = nullptr;
    QPushButton *m_saveRule = nullptr;

    QLabel *m_incidents = nullptr;
    QLabel *m_alerts = nullptr;
    QLabel *m_componentAlerts = nullptr;
    QLabel *m_ruleIncidents = nullptr;
    QLabel *m_duplicates = nullptr;
};

} // namespace Vigil
