#include "connectorpage.h"

#include "huntingtablesbox.h"
#include "storageaccountbox.h"
#include "teamdatabasebox.h"

#include "cloud.h"
#include "connectioncontroller.h"
#include "displaytext.h"
#include "errortext.h"
#include "synccontroller.h"
#include "uilogging.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <utility>

namespace Vigil {

namespace {

constexpr int kClockIntervalMs = 1000;

QLabel *addValue(QFormLayout *form, const QString &caption, const char *objectName)
{
    auto *value = new QLabel(form->parentWidget());
    value->setObjectName(QLatin1String(objectName));
    // Tenant, identity and errors come from outside: never read as markup.
    value->setTextFormat(Qt::PlainText);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setWordWrap(true);
    value->setAccessibleName(caption);
    form->addRow(caption, value);
    return value;
}

/** The Streaming column of a hunting table after a pass. */
QString streamStateText(const EventStreamTableResult &result)
{
    switch (result.state) {
    case EventStreamTableResult::State::Read:
        return QCoreApplication::translate("Vigil::ConnectorPage", "read, %1 new")
                .arg(QLocale().toString(result.rows));
    case EventStreamTableResult::State::NotStreamed:
        return QCoreApplication::translate("Vigil::ConnectorPage", "not streamed");
    case EventStreamTableResult::State::Failed:
        return QCoreApplication::translate("Vigil::ConnectorPage", "failed");
    case EventStreamTableResult::State::Cancelled:
        return QCoreApplication::translate("Vigil::ConnectorPage", "stopped");
    }
    return {};
}

} // namespace

ConnectorPage::ConnectorPage(SyncController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
{
    setObjectName(QStringLiteral("connectorPage"));
    m_urlOpener = [](const QUrl &url) { return QDesktopServices::openUrl(url); };
    setAccessibleName(tr("Connector"));

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);

    auto *content = new QWidget(scroll);
    auto *columns = new QHBoxLayout(content);
    auto *left = new QVBoxLayout;
    auto *right = new QVBoxLayout;
    left->addWidget(createConnectionBox());
    left->addWidget(createHealthBox());
    left->addWidget(createVolumeBox());
    left->addStretch(1);
    right->addWidget(createRulesBox(), 1);
    m_leftColumn = left;
    m_rightColumn = right;
    columns->addLayout(left, 2);
    columns->addLayout(right, 3);
    scroll->setWidget(content);

    m_clock = new QTimer(this);
    m_clock->setInterval(kClockIntervalMs);
    connect(m_clock, &QTimer::timeout, this, &ConnectorPage::updateHealthTimes);

    if (m_controller) {
        connect(m_controller, &SyncController::statusChanged, this, &ConnectorPage::showSyncStatus);
        connect(m_controller, &SyncController::ruleSettingsLoaded, this,
                &ConnectorPage::showRuleSettings);
        connect(m_controller, &SyncController::ruleSettingsFailed, this,
                &ConnectorPage::showRuleSettingsFailure);
        connect(m_controller, &SyncController::ruleImpactEstimated, this,
                [this](const IncidentRuleSettings &after, const RuleImpact &impact) {
                    if (std::exchange(m_askingImpact, false))
                        askBeforeTurningOn(after, impact);
                });
        connect(m_controller, &SyncController::incidentsChanged, this,
                &ConnectorPage::noteRuleIncidents);
        // The store opens on the sync thread; its first status says it is there.
        connect(m_controller, &SyncController::incidentsLoaded, this, [this] {
            if (!m_settings)
                reloadRules();
        });
    }
    showSyncStatus(m_status);
}

ConnectorPage::~ConnectorPage() = default;

void ConnectorPage::setEventController(EventController *events)
{
    if (m_huntingTables || !events)
        return;
    m_huntingTables = new HuntingTablesBox(events, this);
    m_rightColumn->addWidget(m_huntingTables, 1);
}

void ConnectorPage::setTeamDatabaseSetup(TeamDatabaseSetup *setup, const QString &inUse)
{
    if (m_teamDatabase || !setup)
        return;
    m_teamDatabase = new TeamDatabaseBox(setup, inUse, this);
    m_leftColumn->insertWidget(m_leftColumn->count() - 1, m_teamDatabase);
}

void ConnectorPage::setEventStreamController(EventStreamController *stream)
{
    if (m_storageAccount || !stream)
        return;
    m_storageAccount = new StorageAccountBox(stream, this);
    // Under the connection's volume, where the column has room; before its stretch.
    m_leftColumn->insertWidget(m_leftColumn->count() - 1, m_storageAccount);
    if (!m_huntingTables)
        return;
    connect(stream, &EventStreamController::tableFinished, m_huntingTables,
            [tables = m_huntingTables](const EventStreamTableResult &result) {
                tables->showStreamState(result.table, streamStateText(result),
                                        result.error ? result.error->message : QString());
            });
}

QWidget *ConnectorPage::createConnectionBox()
{
    auto *box = new QGroupBox(tr("Connection"));
    box->setObjectName(QStringLiteral("connectorConnection"));
    auto *form = new QFormLayout(box);
    m_connectionState = addValue(form, tr("State:"), "connectorState");
    m_tenant = addValue(form, tr("Tenant:"), "connectorTenant");
    m_identity = addValue(form, tr("Signed in as:"), "connectorIdentity");
    m_cloud = addValue(form, tr("Cloud:"), "connectorCloud");

    m_connectForm = new QWidget(box);
    m_connectForm->setObjectName(QStringLiteral("connectForm"));
    auto *connectLayout = new QFormLayout(m_connectForm);
    connectLayout->setContentsMargins(0, 6, 0, 0);
    m_signInMode = new QComboBox(m_connectForm);
    m_signInMode->setObjectName(QStringLiteral("signInMode"));
    m_signInMode->addItem(tr("Interactive sign-in (device code)"));
    m_signInMode->addItem(tr("App with a client secret"));
    connectLayout->addRow(tr("Sign in:"), m_signInMode);
    m_connectTenant = new QLineEdit(m_connectForm);
    m_connectTenant->setObjectName(QStringLiteral("connectTenant"));
    m_connectTenant->setPlaceholderText(tr("tenant id or domain; empty: your organisation"));
    connectLayout->addRow(tr("Tenant id:"), m_connectTenant);
    m_connectClientId = new QLineEdit(m_connectForm);
    m_connectClientId->setObjectName(QStringLiteral("connectClientId"));
    m_connectClientId->setPlaceholderText(tr("application (client) id of the app registration"));
    connectLayout->addRow(tr("Client id:"), m_connectClientId);
    m_connectCloud = new QComboBox(m_connectForm);
    m_connectCloud->setObjectName(QStringLiteral("connectCloud"));
    m_connectCloud->addItem(tr("Global"), QStringLiteral("global"));
    m_connectCloud->addItem(tr("US Government (GCC High)"), QStringLiteral("usgov"));
    m_connectCloud->addItem(tr("US Government (DoD)"), QStringLiteral("dod"));
    connectLayout->addRow(tr("Cloud:"), m_connectCloud);
    m_clientSecret = new QLineEdit(m_connectForm);
    m_clientSecret->setObjectName(QStringLiteral("connectClientSecret"));
    m_clientSecret->setEchoMode(QLineEdit::Password);
    m_clientSecret->setPlaceholderText(tr("kept only in the system keychain"));
    connectLayout->addRow(tr("Client secret:"), m_clientSecret);
    auto *buttons = new QHBoxLayout;
    m_connectButton = new QPushButton(tr("Connect"), m_connectForm);
    m_connectButton->setObjectName(QStringLiteral("connectButton"));
    m_disconnectButton = new QPushButton(tr("Disconnect"), m_connectForm);
    m_disconnectButton->setObjectName(QStringLiteral("disconnectButton"));
    m_disconnectButton->setToolTip(tr("Forget the saved connection and remove its secrets from "
                                      "the keychain"));
    buttons->addWidget(m_connectButton);
    buttons->addWidget(m_disconnectButton);
    buttons->addStretch(1);
    connectLayout->addRow(buttons);
    form->addRow(m_connectForm);

    m_deviceCodePanel = new QFrame(box);
    m_deviceCodePanel->setObjectName(QStringLiteral("deviceCodePanel"));
    m_deviceCodePanel->setFrameShape(QFrame::StyledPanel);
    auto *codeLayout = new QVBoxLayout(m_deviceCodePanel);
    auto *codeIntro = new QLabel(tr("Open the address below in a browser, enter the code and sign "
                                    "in with your work account."),
                                 m_deviceCodePanel);
    codeIntro->setWordWrap(true);
    codeLayout->addWidget(codeIntro);
    m_deviceCode = new QLabel(m_deviceCodePanel);
    m_deviceCode->setObjectName(QStringLiteral("deviceCode"));
    m_deviceCode->setTextFormat(Qt::PlainText);
    m_deviceCode->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_deviceCode->setAccessibleName(tr("Sign-in code"));
    QFont codeFont = m_deviceCode->font();
    codeFont.setBold(true);
    codeFont.setPointSizeF(codeFont.pointSizeF() * 1.6);
    codeFont.setStyleHint(QFont::Monospace);
    m_deviceCode->setFont(codeFont);
    codeLayout->addWidget(m_deviceCode);
    m_verificationAddress = new QLabel(m_deviceCodePanel);
    m_verificationAddress->setObjectName(QStringLiteral("verificationAddress"));
    m_verificationAddress->setTextFormat(Qt::PlainText);
    m_verificationAddress->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_verificationAddress->setAccessibleName(tr("Sign-in address"));
    codeLayout->addWidget(m_verificationAddress);
    auto *codeButtons = new QHBoxLayout;
    m_openBrowser = new QPushButton(tr("Open in browser"), m_deviceCodePanel);
    m_openBrowser->setObjectName(QStringLiteral("openSignInPage"));
    m_signInDone = new QPushButton(tr("I have signed in"), m_deviceCodePanel);
    m_signInDone->setObjectName(QStringLiteral("signInDone"));
    m_signInDone->setToolTip(tr("Check the sign-in now instead of at the next poll"));
    m_cancelSignIn = new QPushButton(tr("Cancel"), m_deviceCodePanel);
    m_cancelSignIn->setObjectName(QStringLiteral("cancelSignIn"));
    codeButtons->addWidget(m_openBrowser);
    codeButtons->addWidget(m_signInDone);
    codeButtons->addWidget(m_cancelSignIn);
    codeButtons->addStretch(1);
    codeLayout->addLayout(codeButtons);
    m_deviceCodePanel->setVisible(false);
    form->addRow(m_deviceCodePanel);

    m_connectMessage = new QLabel(box);
    m_connectMessage->setObjectName(QStringLiteral("connectMessage"));
    m_connectMessage->setTextFormat(Qt::PlainText);
    m_connectMessage->setWordWrap(true);
    m_connectMessage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_connectMessage->setVisible(false);
    form->addRow(m_connectMessage);
    // Connecting needs a ConnectionController (setConnectionController).
    m_connectForm->setVisible(false);

    connect(m_signInMode, &QComboBox::currentIndexChanged, this, &ConnectorPage::updateSignInMode);
    connect(m_connectButton, &QPushButton::clicked, this, &ConnectorPage::connectClicked);
    connect(m_disconnectButton, &QPushButton::clicked, this, &ConnectorPage::disconnectClicked);
    connect(m_openBrowser, &QPushButton::clicked, this, [this] {
        // Only the cloud's own sign-in page (or the simulator on loopback) is handed to the
        // browser: a verification_uri elsewhere would be a phishing page asking for the code.
        if (!isAllowedSignInUrl(m_verificationUri, m_signInCloud)) {
            qCWarning(lcUi) << "refused to open a sign-in address that is not the cloud's "
                               "sign-in page:"
                            << m_verificationUri.toDisplayString();
            m_connectMessage->setText(tr("The sign-in address %1 is not a Microsoft sign-in "
                                         "page; Vigil does not open it. Cancel and try again.")
                                              .arg(elidedText(m_verificationUri.toString())));
            m_connectMessage->setVisible(true);
            return;
        }
        if (!m_urlOpener(m_verificationUri))
            showConnectFailure(Error{Error::Kind::Config,
                                     0,
                                     {},
                                     tr("No browser could be started; open %1 yourself.")
                                             .arg(m_verificationUri.toString()),
                                     {}});
    });
    connect(m_signInDone, &QPushButton::clicked, this, [this] {
        if (m_connection)
            m_connection->pollNow();
    });
    connect(m_cancelSignIn, &QPushButton::clicked, this, [this] {
        if (m_connection)
            m_connection->cancel();
    });
    updateSignInMode();
    setIdentity({});
    return box;
}

QWidget *ConnectorPage::createHealthBox()
{
    auto *box = new QGroupBox(tr("Health"));
    box->setObjectName(QStringLiteral("connectorHealth"));
    auto *form = new QFormLayout(box);
    m_lastPull = addValue(form, tr("Last pull:"), "healthLastPull");
    m_lastPush = addValue(form, tr("Last push:"), "healthLastPush");
    m_lag = addValue(form, tr("Behind Defender:"), "healthLag");
    m_calls = addValue(form, tr("Graph calls:"), "healthCalls");
    m_backoff = addValue(form, tr("Back-off:"), "healthBackoff");
    m_lastError = addValue(form, tr("Last error:"), "healthLastError");
    return box;
}

QWidget *ConnectorPage::createVolumeBox()
{
    auto *box = new QGroupBox(tr("Volume"));
    box->setObjectName(QStringLiteral("connectorVolume"));
    auto *form = new QFormLayout(box);
    m_incidents = addValue(form, tr("Incidents:"), "volumeIncidents");
    m_alerts = addValue(form, tr("Alerts in incidents:"), "volumeAlerts");
    m_componentAlerts = addValue(form, tr("Component alerts:"), "volumeComponentAlerts");
    m_ruleIncidents = addValue(form, tr("Rule incidents:"), "volumeRuleIncidents");
    m_duplicates = addValue(form, tr("Duplicates:"), "volumeDuplicates");
    return box;
}

void ConnectorPage::setConnectionController(ConnectionController *connection,
                                            const SyncConfig &base, const QString &dataDir)
{
    m_connection = connection;
    m_baseConfig = base;
    m_dataDir = dataDir;
    m_connectForm->setVisible(m_connection != nullptr);
    if (!m_connection)
        return;
    m_connectTenant->setText(base.tenantId);
    m_connectClientId->setText(base.clientId);
    const int cloud = m_connectCloud->findData(base.cloud.name);
    m_connectCloud->setCurrentIndex(qMax(0, cloud));
    connect(m_connection, &ConnectionController::deviceCodeReceived, this,
            &ConnectorPage::showDeviceCode);
    connect(m_connection, &ConnectionController::connected, this, &ConnectorPage::showConnected);
    connect(m_connection, &ConnectionController::failed, this, &ConnectorPage::showConnectFailure);
    connect(m_connection, &ConnectionController::cancelled, this, [this] {
        setConnecting(false);
        m_connectMessage->setText(tr("Sign-in cancelled; nothing was changed."));
        m_connectMessage->setVisible(true);
    });
    connect(m_connection, &ConnectionController::disconnected, this,
            [this](const ConnectorProfile &profile) {
                setConnecting(false);
                setIdentity({});
                if (m_controller && profile.isValid()) {
                    SyncConfig none = m_baseConfig;
                    none.clientSecret.clear();
                    none.refreshToken.clear();
                    m_controller->reconnect(none);
                }
                m_connectMessage->setText(
                        profile.isValid()
                                ? tr("Disconnected from tenant %1; its secrets were removed "
                                     "from the keychain and Vigil stopped syncing with it.")
                                          .arg(profile.tenantId)
                                : tr("There was no saved connection to remove."));
                m_connectMessage->setVisible(true);
            });
}

void ConnectorPage::updateSignInMode()
{
    const bool secret = m_signInMode->currentIndex() == 1;
    m_clientSecret->setVisible(secret);
    if (auto *form = qobject_cast<QFormLayout *>(m_connectForm->layout())) {
        if (QWidget *label = form->labelForField(m_clientSecret))
            label->setVisible(secret);
    }
}

void ConnectorPage::setConnecting(bool connecting)
{
    m_connectButton->setEnabled(!connecting);
    m_disconnectButton->setEnabled(!connecting);
    m_signInMode->setEnabled(!connecting);
    if (!connecting)
        m_deviceCodePanel->setVisible(false);
}

void ConnectorPage::connectClicked()
{
    if (!m_connection)
        return;
    const bool secretMode = m_signInMode->currentIndex() == 1;
    const QString tenant = m_connectTenant->text().trimmed();
    const QString clientId = m_connectClientId->text().trimmed();
    QString problem;
    if (clientId.isEmpty())
        problem = tr("Enter the client id of the app registration.");
    else if (secretMode && tenant.isEmpty())
        problem = tr("Connecting with a client secret needs the tenant id.");
    else if (secretMode && m_clientSecret->text().trimmed().isEmpty())
        problem = tr("Enter the client secret.");
    if (!problem.isEmpty()) {
        m_connectMessage->setText(problem);
        m_connectMessage->setVisible(true);
        return;
    }
    SyncConfig config = m_baseConfig;
    const QString cloudName = m_connectCloud->currentData().toString();
    if (cloudName != config.cloud.name) {
        config.cloud = Cloud::byName(cloudName);
        config.authorityHost = QUrl(config.cloud.authorityHost);
        config.graphEndpoint = QUrl(config.cloud.graphEndpoint);
    }
    m_signInCloud = config.cloud;
    const ConnectRequest request = ConnectRequest::forConfig(
            config, tenant.isEmpty() ? QStringLiteral("organizations") : tenant, clientId,
            m_dataDir);
    setConnecting(true);
    m_connectMessage->setText(secretMode ? tr("Checking the client secret…")
                                         : tr("Asking for a sign-in code…"));
    m_connectMessage->setVisible(true);
    if (secretMode) {
        m_connection->connectWithClientSecret(request, m_clientSecret->text().trimmed());
        m_clientSecret->clear();
    } else {
        m_connection->startDeviceCodeSignIn(request);
    }
}

void ConnectorPage::disconnectClicked()
{
    if (!m_connection)
        return;
    setConnecting(true);
    m_connection->disconnectSaved(m_dataDir);
}

void ConnectorPage::showDeviceCode(const DeviceCodePrompt &prompt)
{
    m_verificationUri = prompt.verificationUri;
    m_deviceCode->setText(elidedText(prompt.userCode));
    m_verificationAddress->setText(elidedText(prompt.verificationUri.toString()));
    m_deviceCodePanel->setVisible(true);
    m_connectMessage->setText(tr("Waiting for the sign-in (the code expires at %1)…")
                                      .arg(QLocale().toString(prompt.expiresAt.toLocalTime().time(),
                                                              QLocale::ShortFormat)));
    m_connectMessage->setVisible(true);
}

void ConnectorPage::showConnected(const ConnectorProfile &profile, const QString &secret)
{
    setConnecting(false);
    // Sync with the new connection from now on.
    if (m_controller) {
        const Result<SyncConfig> next = configForProfile(m_baseConfig, profile, secret);
        if (!next) {
            showConnectFailure(next.error());
            return;
        }
        m_controller->reconnect(next.value());
    }
    ConnectorIdentity identity;
    identity.tenantId = profile.tenantId;
    identity.clientId = profile.clientId;
    identity.cloud = profile.cloud;
    identity.upn = profile.upn;
    identity.clientSecret = profile.authMode == ConnectorProfile::AuthMode::ClientSecret;
    setIdentity(identity);
    m_connectMessage->setText(
            tr("Connected to tenant %1. The secret is in the keychain; Vigil syncs with this "
               "connection now.")
                    .arg(profile.tenantId));
    m_connectMessage->setVisible(true);
}

void ConnectorPage::showConnectFailure(const Error &error)
{
    setConnecting(false);
    m_connectMessage->setText(tr("Not connected: %1").arg(errorDescription(error)));
    m_connectMessage->setVisible(true);
}

void ConnectorPage::setIdentity(const ConnectorIdentity &identity)
{
    if (m_storageAccount)
        m_storageAccount->setDemoTenant(identity.demo);
    if (identity.demo) {
        m_connectionState->setText(tr("Connected to the embedded demo tenant"));
    } else if (identity.tenantId.isEmpty()) {
        m_connectionState->setText(tr("Not connected"));
    } else {
        m_connectionState->setText(identity.clientSecret
                                           ? tr("Connected as an app (client secret)")
                                           : tr("Connected with an interactive sign-in"));
    }
    m_tenant->setText(identity.tenantId.isEmpty() ? tr("none") : identity.tenantId);
    if (!identity.upn.isEmpty())
        m_identity->setText(identity.upn);
    else if (!identity.clientId.isEmpty())
        m_identity->setText(tr("App %1").arg(identity.clientId));
    else
        m_identity->setText(tr("nobody"));
    const QString cloud = identity.cloud.isEmpty() ? QStringLiteral("global") : identity.cloud;
    if (cloud == QLatin1String("usgov"))
        m_cloud->setText(tr("US Government (GCC High)"));
    else if (cloud == QLatin1String("dod"))
        m_cloud->setText(tr("US Government (DoD)"));
    else if (cloud == QLatin1String("global"))
        m_cloud->setText(tr("Global"));
    else
        m_cloud->setText(cloud);
}

void ConnectorPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_settings && !m_requestedRules)
        reloadRules();
    updateHealthTimes();
}

void ConnectorPage::showSyncStatus(const SyncStatus &status)
{
    m_status = status;
    m_calls->setText(tr("%1 of %2 in the last minute")
                             .arg(status.callsLastMinute)
                             .arg(status.callBudgetPerMinute));
    if (status.lastError)
        m_lastError->setText(errorDescription(*status.lastError));
    else if (status.componentAlertsError)
        m_lastError->setText(componentAlertsErrorText(*status.componentAlertsError));
    else if (status.fileProfilesError)
        m_lastError->setText(fileProfilesErrorText(*status.fileProfilesError));
    else if (status.seenByError)
        m_lastError->setText(seenByErrorText(*status.seenByError));
    else
        m_lastError->setText(tr("None"));

    const QLocale locale;
    m_incidents->setText(locale.toString(status.incidentsInStore));
    m_alerts->setText(locale.toString(status.alertsInStore));
    m_componentAlerts->setText(locale.toString(status.componentAlertsInStore));
    m_ruleIncidents->setText(locale.toString(status.ruleIncidentsInStore));
    m_duplicates->setText(locale.toString(status.duplicatesInStore));
    updateHealthTimes();
    if (!m_clock->isActive())
        m_clock->start();
}

void ConnectorPage::updateHealthTimes()
{
    const QLocale locale;
    const auto when = [&locale](const QDateTime &time, const QString &never) {
        return time.isValid() ? locale.toString(time.toLocalTime(), QLocale::ShortFormat) : never;
    };
    m_lastPull->setText(when(m_status.lastSuccess, tr("not yet")));
    // The wait counts down with the page's clock, so that a long wait the service asked for (up
    // to 15 minutes) reads as a wait and not as a hang.
    if (m_status.state == SyncStatus::State::BackingOff && m_status.backoffUntil.isValid()) {
        const qint64 left = std::max<qint64>(
                0, QDateTime::currentDateTimeUtc().secsTo(m_status.backoffUntil));
        m_backoff->setText(tr("Waiting %1 before the next call (until %2)")
                                   .arg(QStringLiteral("%1:%2").arg(left / 60).arg(
                                                left % 60, 2, 10, QLatin1Char('0')),
                                        locale.toString(m_status.backoffUntil.toLocalTime().time(),
                                                        QLocale::LongFormat)));
    } else if (m_status.state == SyncStatus::State::Offline) {
        m_backoff->setText(tr("Offline — retrying with growing pauses"));
    } else {
        m_backoff->setText(tr("None"));
    }
    m_lastPush->setText(when(m_status.lastPush, tr("nothing sent since Vigil started")));
    if (m_status.lastSuccess.isValid()) {
        const qint64 seconds
                = qMax<qint64>(0, m_status.lastSuccess.secsTo(QDateTime::currentDateTimeUtc()));
        m_lag->setText(seconds < 120 ? tr("at most %1 s").arg(seconds)
                                     : tr("at most %1 min").arg(seconds / 60));
    } else {
        m_lag->setText(tr("unknown until the first pull"));
    }
}

QString ConnectorPage::fileProfilesErrorText(const Error &error)
{
    // Incidents and hunting still work; only Microsoft's columns of FileProfile() stay empty.
    switch (error.kind) {
    case Error::Kind::Forbidden:
        return tr("Incidents sync, but Defender's file profiles are not fetched, so FileProfile() "
                  "in local hunts shows no global prevalence, publisher or threat name: the app "
                  "registration may not run hunting queries (%1). Grant ThreatHunting.Read.All "
                  "with admin consent and connect again.")
                .arg(ErrorText::detailOf(error));
    case Error::Kind::Throttled:
        return tr("Defender is throttling hunting queries: file profiles are fetched again after "
                  "its wait (%1).")
                .arg(ErrorText::detailOf(error));
    default:
        return tr("Incidents sync, but Defender's file profiles were not fetched: %1")
                .arg(errorDescription(error));
    }
}

QString ConnectorPage::seenByErrorText(const Error &error)
{
    // Incidents and hunting still work; only SeenBy() in local hunts stays null.
    switch (error.kind) {
    case Error::Kind::Forbidden:
        return tr("Incidents sync, but Defender's device discovery answers are not fetched, so "
                  "SeenBy() in local hunts shows null: the app registration may not run hunting "
                  "queries (%1). Grant ThreatHunting.Read.All with admin consent and connect "
                  "again.")
                .arg(ErrorText::detailOf(error));
    case Error::Kind::Throttled:
        return tr("Defender is throttling hunting queries: SeenBy() answers are fetched again "
                  "after its wait (%1).")
                .arg(ErrorText::detailOf(error));
    default:
        return tr("Incidents sync, but Defender's SeenBy() answers were not fetched: %1")
                .arg(errorDescription(error));
    }
}

QString ConnectorPage::componentAlertsErrorText(const Error &error)
{
    // Incidents still sync; only the component alerts, and with them the rules, are missing.
    switch (error.kind) {
    case Error::Kind::Forbidden:
        return tr("Incidents sync, but component alerts are not pulled and the incident creation "
                  "rules do not run: the app registration may not read alerts (%1). Grant "
                  "SecurityAlert.Read.All with admin consent.")
                .arg(ErrorText::detailOf(error));
    case Error::Kind::BadRequest:
        return tr("Incidents sync, but Microsoft Graph refused the component alert query, so the "
                  "incident creation rules do not run (%1). Please report this with the log.")
                .arg(ErrorText::detailOf(error));
    default:
        return tr("Incidents sync, but component alerts are not pulled: %1")
                .arg(errorDescription(error));
    }
}

} // namespace Vigil
