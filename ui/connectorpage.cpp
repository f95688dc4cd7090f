#include "connectorpage.h"

#include "cloud.h"
#include "connectionsetup.h"
#include "errortext.h"
#include "synccontroller.h"

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

namespace Vigil {

namespace {

enum RuleColumn { RuleNameColumn, RuleStateColumn, RuleFilterColumn, RuleColumnCount };
constexpr int kProductRole = Qt::UserRole + 1;
constexpr int kClockIntervalMs = 1000;

const QStringList &severityNames()
{
    static const QStringList names = {QStringLiteral("High"), QStringLiteral("Medium"),
                                      QStringLiteral("Low"), QStringLiteral("Informational")};
    return names;
}

QStringList splitTitleParts(const QString &text)
{
    QStringList parts;
    for (const QString &part : text.split(QLatin1Char(',')))
        parts.append(part.trimmed());
    if (parts.size() == 1 && parts.constFirst().isEmpty())
        return {};
    return parts;
}

QLabel *addValue(QFormLayout *form, const QString &caption, const char *objectName)
{
    auto *value = new QLabel(form->parentWidget());
    value->setObjectName(QLatin1String(objectName));
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setWordWrap(true);
    value->setAccessibleName(caption);
    form->addRow(caption, value);
    return value;
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
        // The store opens on the sync thread; its first status says it is there.
        connect(m_controller, &SyncController::incidentsLoaded, this, [this] {
            if (!m_settings)
                reloadRules();
        });
    }
    showSyncStatus(m_status);
}

ConnectorPage::~ConnectorPage() = default;

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
        // Only an https address (or the simulator on loopback) is handed to the browser.
        const bool allowed = m_verificationUri.scheme() == QLatin1String("https")
                             || (m_verificationUri.scheme() == QLatin1String("http")
                                 && isLoopbackHost(m_verificationUri.host()));
        if (!allowed || !m_urlOpener(m_verificationUri))
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

QWidget *ConnectorPage::createRulesBox()
{
    auto *box = new QGroupBox(tr("Incident creation rules"));
    box->setObjectName(QStringLiteral("connectorRules"));
    auto *layout = new QVBoxLayout(box);

    m_turnOff = new QCheckBox(
            tr("Turn off all Microsoft incident creation rules for these products (recommended)"),
            box);
    m_turnOff->setObjectName(QStringLiteral("turnOffMicrosoftRules"));
    m_turnOff->setToolTip(tr("Microsoft Defender for Endpoint, for Identity and for Office 365: "
                             "Microsoft 365 Defender already makes incidents of their alerts."));
    m_turnOff->setEnabled(false);
    connect(m_turnOff, &QCheckBox::toggled, this, &ConnectorPage::applyTurnOff);
    layout->addWidget(m_turnOff);
    auto *covered = new QLabel(tr("Covers MDE, MDI and MDO. With the rules on beside the "
                                  "connector, each rule incident whose alert an M365D incident "
                                  "also holds is marked as its duplicate."),
                               box);
    covered->setWordWrap(true);
    covered->setIndent(20);
    layout->addWidget(covered);
    auto *mcasNote
            = new QLabel(tr("The MCAS rule stays on. %1").arg(reasonText(RuleProduct::Mcas)), box);
    mcasNote->setObjectName(QStringLiteral("mcasRuleReason"));
    mcasNote->setWordWrap(true);
    mcasNote->setIndent(20);
    layout->addWidget(mcasNote);

    m_rules = new QTreeWidget(box);
    m_rules->setObjectName(QStringLiteral("incidentRules"));
    m_rules->setAccessibleName(tr("Incident creation rules"));
    m_rules->setRootIsDecorated(false);
    m_rules->setColumnCount(RuleColumnCount);
    m_rules->setHeaderLabels({tr("Rule"), tr("Creates incidents"), tr("Filters")});
    m_rules->header()->setSectionResizeMode(RuleNameColumn, QHeaderView::ResizeToContents);
    m_rules->header()->setSectionResizeMode(RuleStateColumn, QHeaderView::ResizeToContents);
    m_rules->header()->setStretchLastSection(true);
    m_rules->setSelectionMode(QAbstractItemView::SingleSelection);
    for (const RuleProduct product : allRuleProducts()) {
        auto *item = new QTreeWidgetItem(m_rules);
        item->setData(RuleNameColumn, kProductRole, int(product));
        item->setText(RuleNameColumn, ruleProductName(product));
        item->setToolTip(RuleNameColumn, ruleDisplayName(product));
    }
    m_rules->setCurrentItem(m_rules->topLevelItem(0));
    m_rules->setEnabled(false);
    connect(m_rules, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem *item, int column) {
        if (column == RuleStateColumn)
            applyRuleCheck(item);
    });
    connect(m_rules, &QTreeWidget::currentItemChanged, this, &ConnectorPage::fillEditor);
    layout->addWidget(m_rules, 1);

    auto *editor = new QGroupBox(tr("Edit rule"), box);
    editor->setObjectName(QStringLiteral("ruleEditor"));
    auto *form = new QFormLayout(editor);
    m_ruleTitle = new QLabel(editor);
    m_ruleTitle->setObjectName(QStringLiteral("ruleEditorTitle"));
    m_ruleTitle->setWordWrap(true);
    QFont bold = m_ruleTitle->font();
    bold.setBold(true);
    m_ruleTitle->setFont(bold);
    form->addRow(m_ruleTitle);
    m_ruleEnabled = new QCheckBox(tr("Create incidents from these alerts"), editor);
    m_ruleEnabled->setObjectName(QStringLiteral("ruleEnabled"));
    form->addRow(m_ruleEnabled);

    auto *severities = new QWidget(editor);
    auto *severityLayout = new QHBoxLayout(severities);
    severityLayout->setContentsMargins(0, 0, 0, 0);
    const QStringList severityLabels = {tr("High"), tr("Medium"), tr("Low"), tr("Informational")};
    for (int i = 0; i < severityNames().size(); ++i) {
        auto *check = new QCheckBox(severityLabels.at(i), severities);
        check->setObjectName(QStringLiteral("ruleSeverity") + severityNames().at(i));
        severityLayout->addWidget(check);
        m_severities.append(check);
    }
    severityLayout->addStretch(1);
    form->addRow(tr("Severities:"), severities);
    m_include = new QLineEdit(editor);
    m_include->setObjectName(QStringLiteral("ruleTitleInclude"));
    m_include->setPlaceholderText(tr("every title; or parts separated by commas"));
    m_include->setAccessibleName(tr("Title contains one of"));
    form->addRow(tr("Title contains:"), m_include);
    m_exclude = new QLineEdit(editor);
    m_exclude->setObjectName(QStringLiteral("ruleTitleExclude"));
    m_exclude->setPlaceholderText(tr("nothing excluded; or parts separated by commas"));
    m_exclude->setAccessibleName(tr("Title does not contain any of"));
    form->addRow(tr("Title excludes:"), m_exclude);
    m_skipHeld = new QCheckBox(tr("Skip alerts that an M365D incident already holds"), editor);
    m_skipHeld->setObjectName(QStringLiteral("ruleSkipHeld"));
    form->addRow(m_skipHeld);
    m_ruleReason = new QLabel(editor);
    m_ruleReason->setObjectName(QStringLiteral("ruleReason"));
    m_ruleReason->setWordWrap(true);
    QPalette captionPalette = m_ruleReason->palette();
    captionPalette.setColor(QPalette::WindowText, captionPalette.color(QPalette::PlaceholderText));
    m_ruleReason->setPalette(captionPalette);
    form->addRow(m_ruleReason);
    m_ruleMessage = new QLabel(editor);
    m_ruleMessage->setObjectName(QStringLiteral("ruleMessage"));
    m_ruleMessage->setWordWrap(true);
    m_ruleMessage->setVisible(false);
    form->addRow(m_ruleMessage);
    m_saveRule = new QPushButton(tr("Save rule"), editor);
    m_saveRule->setObjectName(QStringLiteral("saveRule"));
    connect(m_saveRule, &QPushButton::clicked, this, &ConnectorPage::saveEditedRule);
    connect(m_include, &QLineEdit::returnPressed, this, &ConnectorPage::saveEditedRule);
    connect(m_exclude, &QLineEdit::returnPressed, this, &ConnectorPage::saveEditedRule);
    form->addRow(QString(), m_saveRule);
    editor->setEnabled(false);
    layout->addWidget(editor);
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
    m_deviceCode->setText(prompt.userCode);
    m_verificationAddress->setText(prompt.verificationUri.toString());
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

void ConnectorPage::reloadRules()
{
    if (!m_controller)
        return;
    m_requestedRules = true;
    m_controller->requestRuleSettings();
}

void ConnectorPage::showSyncStatus(const SyncStatus &status)
{
    m_status = status;
    m_calls->setText(tr("%1 of %2 in the last minute")
                             .arg(status.callsLastMinute)
                             .arg(status.callBudgetPerMinute));
    if (status.state == SyncStatus::State::BackingOff && status.backoffUntil.isValid())
        m_backoff->setText(tr("Waiting until %1 before the next call")
                                   .arg(QLocale().toString(status.backoffUntil.toLocalTime().time(),
                                                           QLocale::LongFormat)));
    else if (status.state == SyncStatus::State::Offline)
        m_backoff->setText(tr("Offline — retrying with growing pauses"));
    else
        m_backoff->setText(tr("None"));
    if (status.lastError)
        m_lastError->setText(errorDescription(*status.lastError));
    else if (status.componentAlertsError)
        m_lastError->setText(componentAlertsErrorText(*status.componentAlertsError));
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

void ConnectorPage::showRuleSettings(const IncidentRuleSettings &settings)
{
    // The answer to an older save would undo a newer change on screen: wait for the last one.
    if (m_savesInFlight > 0 && --m_savesInFlight > 0)
        return;
    m_settings = settings;
    m_ruleMessage->setVisible(false);
    m_filling = true;
    m_turnOff->setEnabled(true);
    m_turnOff->setChecked(settings.turnOffMicrosoftRules);
    m_filling = false;
    m_rules->setEnabled(true);
    fillRulesTable();
    fillEditor();
}

void ConnectorPage::showRuleSettingsFailure(const Error &error)
{
    if (m_savesInFlight > 0)
        --m_savesInFlight;
    m_ruleMessage->setText(
            tr("The rules could not be saved or read: %1").arg(errorDescription(error)));
    m_ruleMessage->setVisible(true);
}

QString ConnectorPage::ruleStateText(RuleProduct product) const
{
    if (!m_settings)
        return {};
    if (m_settings->turnOffMicrosoftRules && isCoveredByTurnOffSetting(product))
        return tr("Off — turned off above");
    return m_settings->isActive(product) ? tr("On") : tr("Off");
}

QString ConnectorPage::filterSummary(const IncidentRule &rule) const
{
    QStringList parts;
    parts << (rule.severities.isEmpty()
                      ? tr("every severity")
                      : QLocale().createSeparatedList([&rule] {
                            const QStringList labels
                                    = {tr("High"), tr("Medium"), tr("Low"), tr("Informational")};
                            QStringList shown;
                            for (const QString &severity : rule.severities) {
                                const qsizetype index = severityNames().indexOf(severity);
                                shown << (index >= 0 ? labels.at(index) : severity);
                            }
                            return shown;
                        }()));
    if (!rule.titleInclude.isEmpty())
        parts << tr("title contains %1").arg(rule.titleInclude.join(QStringLiteral(", ")));
    if (!rule.titleExclude.isEmpty())
        parts << tr("title excludes %1").arg(rule.titleExclude.join(QStringLiteral(", ")));
    if (rule.skipAlertsInM365dIncidents)
        parts << tr("skips alerts in M365D incidents");
    return parts.join(QStringLiteral("; "));
}

void ConnectorPage::fillRulesTable()
{
    if (!m_settings)
        return;
    m_filling = true;
    for (int row = 0; row < m_rules->topLevelItemCount(); ++row) {
        QTreeWidgetItem *item = m_rules->topLevelItem(row);
        const auto product = RuleProduct(item->data(RuleNameColumn, kProductRole).toInt());
        const IncidentRule rule = m_settings->rule(product);
        const bool lockedOff
                = m_settings->turnOffMicrosoftRules && isCoveredByTurnOffSetting(product);
        Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
        if (!lockedOff)
            flags |= Qt::ItemIsUserCheckable;
        item->setFlags(flags);
        item->setCheckState(RuleStateColumn,
                            m_settings->isActive(product) ? Qt::Checked : Qt::Unchecked);
        item->setText(RuleStateColumn, ruleStateText(product));
        item->setText(RuleFilterColumn, filterSummary(rule));
        item->setToolTip(RuleFilterColumn, reasonText(product));
        QFont font = item->font(RuleNameColumn);
        font.setItalic(lockedOff);
        for (int column = 0; column < RuleColumnCount; ++column)
            item->setFont(column, font);
    }
    m_filling = false;
}

RuleProduct ConnectorPage::currentProduct() const
{
    const QTreeWidgetItem *item = m_rules->currentItem();
    return item ? RuleProduct(item->data(RuleNameColumn, kProductRole).toInt())
                : allRuleProducts().constFirst();
}

void ConnectorPage::fillEditor()
{
    auto *editor = findChild<QGroupBox *>(QStringLiteral("ruleEditor"));
    if (!m_settings) {
        editor->setEnabled(false);
        return;
    }
    editor->setEnabled(true);
    const RuleProduct product = currentProduct();
    const IncidentRule rule = m_settings->rule(product);
    const bool lockedOff = m_settings->turnOffMicrosoftRules && isCoveredByTurnOffSetting(product);
    m_ruleTitle->setText(
            QStringLiteral("%1 — %2").arg(ruleProductName(product), productFilter(product)));
    m_ruleEnabled->setChecked(rule.enabled && !lockedOff);
    m_ruleEnabled->setEnabled(!lockedOff);
    m_ruleEnabled->setToolTip(lockedOff ? tr("Turned off by \"Turn off all Microsoft incident "
                                             "creation rules\"; clear that box to turn it on.")
                                        : QString());
    for (int i = 0; i < m_severities.size(); ++i)
        m_severities.at(i)->setChecked(rule.severities.isEmpty()
                                       || rule.severities.contains(severityNames().at(i)));
    m_include->setText(rule.titleInclude.join(QStringLiteral(", ")));
    m_exclude->setText(rule.titleExclude.join(QStringLiteral(", ")));
    m_skipHeld->setChecked(rule.skipAlertsInM365dIncidents);
    QString reason = reasonText(product);
    if (lockedOff)
        reason = tr("Off while \"Turn off all Microsoft incident creation rules\" is checked. %1")
                         .arg(reason);
    m_ruleReason->setText(reason);
    m_ruleMessage->setVisible(false);
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

QString ConnectorPage::reasonText(RuleProduct product)
{
    // One text with vigilctl's, translated here.
    return QCoreApplication::translate("Vigil::ConnectorPage", ruleDefaultReasonText(product));
}

QString ConnectorPage::validateRule(const IncidentRule &rule)
{
    if (rule.severities.isEmpty())
        return tr("Choose at least one severity; a rule without severities would create "
                  "nothing.");
    for (const QStringList *parts : {&rule.titleInclude, &rule.titleExclude}) {
        for (const QString &part : *parts) {
            if (part.isEmpty())
                return tr("A title part is empty: remove the extra comma.");
        }
    }
    for (const QString &part : rule.titleInclude) {
        if (rule.titleExclude.contains(part, Qt::CaseInsensitive))
            return tr("\"%1\" is both included and excluded: an alert with it in its title "
                      "would never match.")
                    .arg(part);
    }
    return {};
}

void ConnectorPage::saveEditedRule()
{
    if (!m_settings)
        return;
    const RuleProduct product = currentProduct();
    IncidentRule rule = m_settings->rule(product);
    if (m_ruleEnabled->isEnabled())
        rule.enabled = m_ruleEnabled->isChecked();
    QStringList severities;
    for (int i = 0; i < m_severities.size(); ++i) {
        if (m_severities.at(i)->isChecked())
            severities << severityNames().at(i);
    }
    const QString problemWithSeverities
            = severities.isEmpty() ? validateRule(IncidentRule{}) : QString();
    // Every severity checked is the same as no filter: keep it empty, as `vigilctl` shows it.
    rule.severities = severities.size() == severityNames().size() ? QStringList() : severities;
    rule.titleInclude = splitTitleParts(m_include->text());
    rule.titleExclude = splitTitleParts(m_exclude->text());
    rule.skipAlertsInM365dIncidents = m_skipHeld->isChecked();
    QString problem = problemWithSeverities;
    if (problem.isEmpty()) {
        IncidentRule check = rule;
        if (check.severities.isEmpty())
            check.severities = severityNames();
        problem = validateRule(check);
    }
    if (!problem.isEmpty()) {
        m_ruleMessage->setText(problem);
        m_ruleMessage->setVisible(true);
        return;
    }
    IncidentRuleSettings settings = *m_settings;
    settings.setRule(rule);
    submit(settings);
}

void ConnectorPage::applyTurnOff(bool on)
{
    if (m_filling || !m_settings)
        return;
    IncidentRuleSettings settings = *m_settings;
    settings.turnOffMicrosoftRules = on;
    // Unchecked, the three rules run with their own switch and filters (on by default).
    submit(settings);
}

void ConnectorPage::applyRuleCheck(QTreeWidgetItem *item)
{
    if (m_filling || !m_settings)
        return;
    const auto product = RuleProduct(item->data(RuleNameColumn, kProductRole).toInt());
    IncidentRule rule = m_settings->rule(product);
    rule.enabled = item->checkState(RuleStateColumn) == Qt::Checked;
    IncidentRuleSettings settings = *m_settings;
    settings.setRule(rule);
    submit(settings);
}

void ConnectorPage::submit(const IncidentRuleSettings &settings)
{
    // Shown at once; the store's answer (ruleSettingsLoaded) confirms or corrects it.
    m_settings = settings;
    fillRulesTable();
    fillEditor();
    if (m_controller) {
        ++m_savesInFlight;
        m_controller->saveRuleSettings(settings);
    }
    Q_EMIT ruleSettingsEdited(settings);
}

} // namespace Vigil
