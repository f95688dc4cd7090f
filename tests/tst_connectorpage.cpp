#include "connectorpage.h"
#include "eventstore.h"
#include "incidentdetailview.h"
#include "incidentqueuemodel.h"
#include "incidentrepository.h"
#include "incidentrules.h"
#include "mainwindow.h"
#include "pluralforms.h"
#include "rulerepository.h"
#include "simfixture.h"
#include "store.h"
#include "synccontroller.h"
#include "vocabulary.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <algorithm>
#include <cmath>

using namespace Vigil;

namespace {

constexpr int kSyncTimeoutMs = 60000;
const QString kMde = QStringLiteral("microsoftDefenderForEndpoint");
const QString kMdi = QStringLiteral("microsoftDefenderForIdentity");
const QString kMdo = QStringLiteral("microsoftDefenderForOffice365");

QList<Incident> ruleIncidents(const QList<Incident> &queue)
{
    QList<Incident> rules;
    for (const Incident &incident : queue) {
        if (incident.isRuleIncident())
            rules.append(incident);
    }
    return rules;
}

QTreeWidgetItem *ruleRow(QTreeWidget *rules, const QString &product)
{
    for (int row = 0; row < rules->topLevelItemCount(); ++row) {
        if (rules->topLevelItem(row)->text(0) == product)
            return rules->topLevelItem(row);
    }
    return nullptr;
}

} // namespace

/**
 * The connector page in the main window, on a real SyncController syncing from the in-process
 * simulated tenant into a real SQLite store: the "turn off Microsoft incident creation rules"
 * checkbox, what the next sync creates, the rule editor, health and volume, and a restart.
 */
class TestConnectorPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void turnOffCheckboxDecidesWhatTheNextSyncCreates();
    void ruleEditorValidatesAndSaves();
    void missingAlertPermissionIsExplained();
    void missingHuntingPermissionIsExplained();
    void waitTheServiceAskedForCountsDown();
    void turningTheRulesOnAsksFirst();
    void turningThemOffAgainOffersToCloseTheDuplicates();
    void leavingAnEditedRuleAsks();

private:
    std::unique_ptr<SyncController> makeController();
    bool runSync(SyncController &controller);
    QStringList addAlerts(const QString &serviceSource, const QString &severity, int count,
                          const QString &incidentId);
    QStringList activeIncidentIds(int count) const;
    IncidentRuleSettings storedRules() const;
    QList<Incident> storedQueue() const;
    /** Opens the connector page with `g c`, as the analyst would. */
    void goToConnector(MainWindow &window);
    /** The question objectName over the page, once it is shown; nullptr when none comes. */
    QMessageBox *waitForQuestion(ConnectorPage &page, const char *objectName);
    /** Clicks the button named button of that question. */
    void answerQuestion(ConnectorPage &page, const char *question, const char *button);
    /** Clicks a rule's name in the table, as the analyst does. */
    void clickRule(QTreeWidget *rules, const QString &product);
    /** What `vigilctl rules list --format json` reports on the same data directory. */
    QJsonArray vigilctlRules();
    // vigilctl --data-dir finds the store under this name.
    QString dbPath() const { return m_dir->filePath(QStringLiteral("vigil.sqlite")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    Test::SimFixture m_sim;
};

void TestConnectorPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("VigilTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_connectorpage"));
    QSettings().clear();
    // The questions count in English as the window does.
    QVERIFY(installPluralForms());
}

void TestConnectorPage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    Sim::SimOptions options;
    options.seed = 11;
    options.incidents = 40;
    QVERIFY(m_sim.start(options));
}

void TestConnectorPage::cleanup()
{
    m_sim.stop();
    m_dir.reset();
}

std::unique_ptr<SyncController> TestConnectorPage::makeController()
{
    SyncConfig config = m_sim.syncConfig(dbPath());
    config.callsPerMinute = SyncConfig::kMaxCallsPerMinute;
    config.backoffBaseMs = 50;
    config.requestTimeoutSeconds = 10;
    return std::make_unique<SyncController>(config);
}

bool TestConnectorPage::runSync(SyncController &controller)
{
    return Test::runOneSync(controller, kSyncTimeoutMs).ok;
}

QStringList TestConnectorPage::addAlerts(const QString &serviceSource, const QString &severity,
                                         int count, const QString &incidentId)
{
    const auto &tenant = m_sim->tenant();
    const int before = int(tenant.incident(incidentId.toLongLong())->alerts.size());
    m_sim.admin("POST", QStringLiteral("/_sim/incidents/%1/alerts").arg(incidentId),
                QJsonObject{{QStringLiteral("serviceSource"), serviceSource},
                            {QStringLiteral("severity"), severity},
                            {QStringLiteral("count"), count}});
    QStringList ids;
    const auto &alerts = tenant.incident(incidentId.toLongLong())->alerts;
    for (qsizetype n = before; n < alerts.size(); ++n)
        ids.append(tenant.alertId(tenant.alerts()[static_cast<std::size_t>(alerts.at(n))]));
    return ids;
}

QStringList TestConnectorPage::activeIncidentIds(int count) const
{
    QStringList ids;
    for (const Sim::Incident &incident : m_sim->tenant().incidents()) {
        if (incident.status == Sim::IncidentStatus::Active && ids.size() < count)
            ids.append(QString::number(incident.id));
    }
    return ids;
}

QJsonArray TestConnectorPage::vigilctlRules()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("VIGIL_DATA_DIR"));
    env.insert(QStringLiteral("AZURE_TENANT_ID"), m_sim->tenantId());
    env.insert(QStringLiteral("AZURE_CLIENT_ID"), m_sim->clientId());
    env.insert(QStringLiteral("AZURE_CLIENT_SECRET"), m_sim->clientSecret());
    QProcess process;
    process.setProcessEnvironment(env);
    const QString base = m_sim->baseUrl().toString();
    process.start(QStringLiteral(VIGILCTL_PATH),
                  {QStringLiteral("--data-dir"), m_dir->path(), QStringLiteral("--authority-host"),
                   base, QStringLiteral("--graph-endpoint"), base, QStringLiteral("rules"),
                   QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")});
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    if (process.exitCode() != 0)
        qWarning() << process.readAllStandardError();
    return QJsonDocument::fromJson(process.readAllStandardOutput()).array();
}

IncidentRuleSettings TestConnectorPage::storedRules() const
{
    auto opened = openStore(StoreConfig::sqlite(dbPath()), Store::OpenMode::ReadOnly);
    if (!opened)
        return {};
    Store &store = *opened.value();
    const Result<IncidentRuleSettings> rules = store.rules().loadIncidentRules();
    return rules ? rules.value() : IncidentRuleSettings{};
}

QList<Incident> TestConnectorPage::storedQueue() const
{
    auto opened = openStore(StoreConfig::sqlite(dbPath()), Store::OpenMode::ReadOnly);
    if (!opened)
        return {};
    Store &store = *opened.value();
    const auto queue = store.incidents().loadQueue();
    return queue ? queue.value() : QList<Incident>();
}

void TestConnectorPage::goToConnector(MainWindow &window)
{
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.queueView()->setFocus();
    QTest::keyClick(&window, Qt::Key_G);
    QTest::keyClick(&window, Qt::Key_C);
    QTRY_VERIFY(window.isConnectorPageShown());
    QVERIFY(window.connectorPage()->isVisible());
}

void TestConnectorPage::turnOffCheckboxDecidesWhatTheNextSyncCreates()
{
    auto controller = makeController();
    auto window = std::make_unique<MainWindow>(controller.get());
    window->resize(1600, 1000);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QSignalSpy rulesLoaded(controller.get(), &SyncController::ruleSettingsLoaded);
    controller->start();
    QVERIFY(runSync(*controller));
    goToConnector(*window);
    ConnectorPage *page = window->connectorPage();
    QTRY_VERIFY(page->ruleSettings().has_value());

    // A new profile: the box is checked, MDE/MDI/MDO are off, MCAS stays on with its reason.
    auto *turnOff = page->findChild<QCheckBox *>(QStringLiteral("turnOffMicrosoftRules"));
    QVERIFY(turnOff);
    QVERIFY(turnOff->isEnabled());
    QVERIFY(turnOff->isChecked());
    auto *rules = page->findChild<QTreeWidget *>(QStringLiteral("incidentRules"));
    for (const QString &product :
         {QStringLiteral("MDE"), QStringLiteral("MDI"), QStringLiteral("MDO")}) {
        QTreeWidgetItem *row = ruleRow(rules, product);
        QVERIFY(row);
        QCOMPARE(row->checkState(1), Qt::Unchecked);
        QVERIFY(!(row->flags() & Qt::ItemIsUserCheckable));
        QVERIFY2(row->text(1).startsWith(QStringLiteral("Off")), qPrintable(row->text(1)));
    }
    QTreeWidgetItem *mcas = ruleRow(rules, QStringLiteral("MCAS"));
    QCOMPARE(mcas->checkState(1), Qt::Checked);
    QCOMPARE(mcas->text(1), QStringLiteral("On"));
    rules->setCurrentItem(mcas);
    auto *reason = page->findChild<QLabel *>(QStringLiteral("ruleReason"));
    QVERIFY2(reason->text().contains(QStringLiteral("Not every Defender for Cloud Apps alert "
                                                    "type is onboarded")),
             qPrintable(reason->text()));
    auto *mcasNote = page->findChild<QLabel *>(QStringLiteral("mcasRuleReason"));
    QVERIFY(mcasNote->isVisible());
    QVERIFY2(mcasNote->text().startsWith(QStringLiteral("The MCAS rule stays on. Not every")),
             qPrintable(mcasNote->text()));
    QVERIFY(page->findChild<QCheckBox *>(QStringLiteral("ruleSkipHeld"))->isChecked());

    // Health after a sync.
    QTRY_VERIFY(page->findChild<QLabel *>(QStringLiteral("healthLastPull"))->text()
                != QStringLiteral("not yet"));
    QVERIFY(page->findChild<QLabel *>(QStringLiteral("healthCalls"))
                    ->text()
                    .endsWith(QStringLiteral("of 150 in the last minute")));
    QVERIFY(page->findChild<QLabel *>(QStringLiteral("healthLag"))
                    ->text()
                    .startsWith(QStringLiteral("at most")));
    QCOMPARE(page->findChild<QLabel *>(QStringLiteral("healthBackoff"))->text(),
             QStringLiteral("None"));
    QCOMPARE(page->findChild<QLabel *>(QStringLiteral("healthLastError"))->text(),
             QStringLiteral("None"));
    QCOMPARE(page->findChild<QLabel *>(QStringLiteral("volumeIncidents"))->text(),
             QStringLiteral("40"));
    QVERIFY(page->findChild<QLabel *>(QStringLiteral("volumeAlerts"))->text().toInt() > 40);
    QCOMPARE(page->findChild<QLabel *>(QStringLiteral("volumeRuleIncidents"))->text(),
             QStringLiteral("0"));

    // With the box checked, MDE, MDI and MDO alerts in M365D incidents create nothing.
    const QStringList targets = activeIncidentIds(2);
    QCOMPARE(targets.size(), 2);
    addAlerts(kMde, QStringLiteral("medium"), 1, targets.at(0));
    QVERIFY(runSync(*controller));
    QCOMPARE(ruleIncidents(storedQueue()).size(), 0);

    // Unchecking it turns the three rules on: in the table, in the store, and for vigilctl,
    // which reads the same store.
    rulesLoaded.clear();
    QTest::mouseClick(turnOff, Qt::LeftButton, {}, QPoint(8, turnOff->height() / 2));
    // It asks first; the answer "Turn the rules on" goes on as the click did before.
    answerQuestion(*page, "turnOnRulesQuestion", "turnOnRules");
    QVERIFY(!turnOff->isChecked());
    QTRY_VERIFY_WITH_TIMEOUT(!rulesLoaded.isEmpty(), 10000);
    QVERIFY(!rulesLoaded.constLast().at(0).value<IncidentRuleSettings>().turnOffMicrosoftRules);
    const IncidentRuleSettings stored = storedRules();
    QVERIFY(!stored.turnOffMicrosoftRules);
    for (const RuleProduct product :
         {RuleProduct::Mde, RuleProduct::Mdi, RuleProduct::Mdo, RuleProduct::Mcas}) {
        QVERIFY2(stored.isActive(product), qPrintable(ruleProductName(product)));
    }
    const QJsonArray reported = vigilctlRules();
    QCOMPARE(reported.size(), 6);
    for (const auto &rule : reported) {
        const QJsonObject object = rule.toObject();
        QVERIFY2(object.value(QLatin1String("enabled")).toBool(),
                 qPrintable(object.value(QLatin1String("product")).toString()));
        QVERIFY(!object.value(QLatin1String("turnedOffByConnectorSetting")).toBool());
    }
    QTreeWidgetItem *mde = ruleRow(rules, QStringLiteral("MDE"));
    QCOMPARE(mde->checkState(1), Qt::Checked);
    QVERIFY(mde->flags() & Qt::ItemIsUserCheckable);
    QCOMPARE(mde->text(1), QStringLiteral("On"));

    // The next sync makes rule incidents of new MDE, MDI and MDO alerts, each a duplicate of
    // the M365D incident that holds its alert.
    QStringList duplicated = addAlerts(kMde, QStringLiteral("high"), 2, targets.at(0));
    duplicated += addAlerts(kMdi, QStringLiteral("high"), 1, targets.at(0));
    const QStringList mdo = addAlerts(kMdo, QStringLiteral("low"), 1, targets.at(1));
    duplicated += mdo;
    QVERIFY(runSync(*controller));
    const QList<Incident> queue = storedQueue();
    QHash<QString, qint64> numberOf;
    for (const Incident &incident : queue)
        numberOf.insert(incident.providerIncidentId, incident.number);
    const QList<Incident> created = ruleIncidents(queue);
    QCOMPARE(created.size(), 4);
    for (const Incident &incident : created) {
        QVERIFY(duplicated.contains(incident.ruleAlertId));
        const QString holder = mdo.contains(incident.ruleAlertId) ? targets.at(1) : targets.at(0);
        QCOMPARE(incident.duplicateOf, numberOf.value(holder));
    }
    QTRY_COMPARE(page->findChild<QLabel *>(QStringLiteral("volumeDuplicates"))->text(),
                 QStringLiteral("4"));
    QCOMPARE(page->findChild<QLabel *>(QStringLiteral("volumeRuleIncidents"))->text(),
             QStringLiteral("4"));

    // Rendered for the documentation when asked to.
    const QByteArray screenshot = qgetenv("VIGIL_CONNECTOR_SCREENSHOT");
    if (!screenshot.isEmpty()) {
        rules->setCurrentItem(ruleRow(rules, QStringLiteral("MCAS")));
        QVERIFY(window->renderToImage().save(QString::fromLocal8Bit(screenshot)));
    }

    // `g q` goes back to the queue; the duplicate's detail links to the M365D incident.
    QTest::keyClick(window.get(), Qt::Key_G);
    QTest::keyClick(window.get(), Qt::Key_Q);
    QTRY_VERIFY(!window->isConnectorPageShown());
    QTRY_VERIFY(window->queueModel()->rowOfNumber(created.constFirst().number) >= 0);
    QSignalSpy shown(window.get(), &MainWindow::detailShown);
    QVERIFY(window->selectIncident(created.constFirst().number));
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 20000);
    auto *merge = window->detailView()->findChild<QLabel *>(QStringLiteral("detailMerge"));
    QVERIFY(merge->isVisible());
    QVERIFY2(merge->text().contains(QStringLiteral("Duplicate of")), qPrintable(merge->text()));
    QVERIFY2(merge->text().contains(QStringLiteral("#%1").arg(created.constFirst().duplicateOf)),
             qPrintable(merge->text()));

    // A restart on the same store shows the setting as it was left.
    window.reset();
    controller.reset();
    controller = makeController();
    window = std::make_unique<MainWindow>(controller.get());
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    controller->start();
    goToConnector(*window);
    QTRY_VERIFY(window->connectorPage()->ruleSettings().has_value());
    turnOff = window->connectorPage()->findChild<QCheckBox *>(
            QStringLiteral("turnOffMicrosoftRules"));
    QVERIFY(!turnOff->isChecked());
    QVERIFY(!window->connectorPage()->ruleSettings()->turnOffMicrosoftRules);

    // Checking it again turns them off; the next sync creates nothing new.
    QTest::mouseClick(turnOff, Qt::LeftButton, {}, QPoint(8, turnOff->height() / 2));
    QTRY_VERIFY(storedRules().turnOffMicrosoftRules);
    for (const auto &rule : vigilctlRules()) {
        const QJsonObject object = rule.toObject();
        const QString product = object.value(QLatin1String("product")).toString();
        const bool covered = product == QLatin1String("MDE") || product == QLatin1String("MDI")
                             || product == QLatin1String("MDO");
        QCOMPARE(object.value(QLatin1String("enabled")).toBool(), !covered);
    }
    addAlerts(kMde, QStringLiteral("high"), 1, targets.at(1));
    QVERIFY(runSync(*controller));
    QCOMPARE(ruleIncidents(storedQueue()).size(), 4);
}

void TestConnectorPage::ruleEditorValidatesAndSaves()
{
    auto controller = makeController();
    MainWindow window(controller.get());
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    controller->start();
    goToConnector(window);
    ConnectorPage *page = window.connectorPage();
    QTRY_VERIFY(page->ruleSettings().has_value());

    auto *rules = page->findChild<QTreeWidget *>(QStringLiteral("incidentRules"));
    rules->setCurrentItem(ruleRow(rules, QStringLiteral("MDE")));
    // MDE is off while the box is checked: its own switch cannot be turned on here.
    QVERIFY(!page->findChild<QCheckBox *>(QStringLiteral("ruleEnabled"))->isEnabled());

    rules->setCurrentItem(ruleRow(rules, QStringLiteral("MCAS")));
    auto *save = page->findChild<QPushButton *>(QStringLiteral("saveRule"));
    auto *message = page->findChild<QLabel *>(QStringLiteral("ruleMessage"));
    const QStringList severities = {QStringLiteral("High"), QStringLiteral("Medium"),
                                    QStringLiteral("Low"), QStringLiteral("Informational")};
    for (const QString &severity : severities)
        page->findChild<QCheckBox *>(QStringLiteral("ruleSeverity") + severity)->setChecked(false);
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(QStringLiteral("at least one severity")),
             qPrintable(message->text()));

    page->findChild<QCheckBox *>(QStringLiteral("ruleSeverityHigh"))->setChecked(true);
    auto *include = page->findChild<QLineEdit *>(QStringLiteral("ruleTitleInclude"));
    auto *exclude = page->findChild<QLineEdit *>(QStringLiteral("ruleTitleExclude"));
    include->setText(QStringLiteral("Mass download, Impossible travel"));
    exclude->setText(QStringLiteral("impossible travel"));
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(QStringLiteral("both included and excluded")),
             qPrintable(message->text()));

    exclude->setText(QStringLiteral("test,"));
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY2(message->text().contains(QStringLiteral("empty")), qPrintable(message->text()));

    exclude->setText(QStringLiteral("Test tenant"));
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_COMPARE(storedRules().rule(RuleProduct::Mcas).titleExclude,
                 QStringList{QStringLiteral("Test tenant")});
    const IncidentRule saved = storedRules().rule(RuleProduct::Mcas);
    QCOMPARE(saved.severities, QStringList{QStringLiteral("High")});
    QCOMPARE(saved.titleInclude,
             (QStringList{QStringLiteral("Mass download"), QStringLiteral("Impossible travel")}));
    QVERIFY(saved.skipAlertsInM365dIncidents);
    QVERIFY(saved.enabled);
    QTRY_VERIFY(!message->isVisible());
    QVERIFY2(ruleRow(rules, QStringLiteral("MCAS"))->text(2).contains(QStringLiteral("High")),
             qPrintable(ruleRow(rules, QStringLiteral("MCAS"))->text(2)));

    // The table's checkbox is the rule's own switch.
    QTreeWidgetItem *entra = ruleRow(rules, QStringLiteral("EntraIDProtection"));
    QVERIFY(entra);
    entra->setCheckState(1, Qt::Unchecked);
    QTRY_VERIFY(!storedRules().rule(RuleProduct::EntraIdProtection).enabled);
    QTRY_COMPARE(entra->text(1), QStringLiteral("Off"));
    QCOMPARE(entra->checkState(1), Qt::Unchecked);
}

void TestConnectorPage::missingAlertPermissionIsExplained()
{
    m_sim.admin("POST", QStringLiteral("/_sim/faults"),
                {{QStringLiteral("kind"), QStringLiteral("forbidden")},
                 {QStringLiteral("count"), -1},
                 {QStringLiteral("path"), QStringLiteral("/security/alerts_v2")}});
    auto controller = makeController();
    auto window = std::make_unique<MainWindow>(controller.get());
    window->resize(1600, 1000);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    controller->start();
    QVERIFY(runSync(*controller));
    goToConnector(*window);
    // Incidents sync; the page says the rules do not run and which permission is missing.
    auto *lastError
            = window->connectorPage()->findChild<QLabel *>(QStringLiteral("healthLastError"));
    QTRY_VERIFY(lastError->text() != QStringLiteral("None"));
    QVERIFY2(lastError->text().startsWith(QStringLiteral("Incidents sync, but component alerts "
                                                         "are not pulled")),
             qPrintable(lastError->text()));
    QVERIFY2(lastError->text().contains(QStringLiteral("Grant SecurityAlert.Read.All")),
             qPrintable(lastError->text()));
    QCOMPARE(
            window->connectorPage()->findChild<QLabel *>(QStringLiteral("volumeIncidents"))->text(),
            QStringLiteral("40"));
}

void TestConnectorPage::missingHuntingPermissionIsExplained()
{
    // The sync fetches Defender's profiles of the evidence's files into the event database.
    QVERIFY(openEventStore(eventStorePath(StoreConfig::sqlite(dbPath()))));
    m_sim.admin("POST", QStringLiteral("/_sim/faults"),
                {{QStringLiteral("kind"), QStringLiteral("forbidden")},
                 {QStringLiteral("count"), -1},
                 {QStringLiteral("path"), QStringLiteral("/security/runHuntingQuery")}});
    auto controller = makeController();
    QSignalSpy statuses(controller.get(), &SyncController::statusChanged);
    auto window = std::make_unique<MainWindow>(controller.get());
    window->resize(1600, 1000);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    controller->start();
    QVERIFY(runSync(*controller));
    goToConnector(*window);
    auto *lastError
            = window->connectorPage()->findChild<QLabel *>(QStringLiteral("healthLastError"));
    QTRY_VERIFY(lastError->text() != QStringLiteral("None"));
    QVERIFY2(lastError->text().startsWith(QStringLiteral("Incidents sync, but Defender's file "
                                                         "profiles are not fetched")),
             qPrintable(lastError->text()));
    QVERIFY2(lastError->text().contains(QStringLiteral("Grant ThreatHunting.Read.All")),
             qPrintable(lastError->text()));
    // SeenBy() is asked after the profiles and refused alike; with the profiles fetched (or
    // none to fetch), the page says what SeenBy() lacks.
    const auto seenByDenied = [&statuses]() -> std::optional<SyncStatus> {
        for (const QList<QVariant> &emitted : std::as_const(statuses)) {
            const auto status = emitted.at(0).value<SyncStatus>();
            if (status.seenByError)
                return status;
        }
        return std::nullopt;
    };
    QTRY_VERIFY_WITH_TIMEOUT(seenByDenied().has_value(), 30000);
    SyncStatus status = *seenByDenied();
    QCOMPARE(status.seenByError->kind, Error::Kind::Forbidden);
    status.fileProfilesError.reset();
    window->connectorPage()->showSyncStatus(status);
    QVERIFY2(lastError->text().startsWith(QStringLiteral("Incidents sync, but Defender's device "
                                                         "discovery answers are not fetched, so "
                                                         "SeenBy()")),
             qPrintable(lastError->text()));
    QVERIFY2(lastError->text().contains(QStringLiteral("Grant ThreatHunting.Read.All")),
             qPrintable(lastError->text()));
}

void TestConnectorPage::waitTheServiceAskedForCountsDown()
{
    // Every incident listing is throttled with a two-minute Retry-After.
    m_sim.admin("POST", QStringLiteral("/_sim/faults"),
                {{QStringLiteral("kind"), QStringLiteral("throttle")},
                 {QStringLiteral("count"), -1},
                 {QStringLiteral("retryAfter"), 120},
                 {QStringLiteral("path"), QStringLiteral("/security/incidents")}});
    auto controller = makeController();
    auto window = std::make_unique<MainWindow>(controller.get());
    window->resize(1600, 1000);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    controller->start();
    controller->syncNow();
    goToConnector(*window);
    auto *backoff = window->connectorPage()->findChild<QLabel *>(QStringLiteral("healthBackoff"));
    QTRY_VERIFY_WITH_TIMEOUT(backoff->text().startsWith(QStringLiteral("Waiting ")), 20000);
    static const QRegularExpression shape(
            QStringLiteral("^Waiting (\\d+):(\\d\\d) before the next call \\(until .+\\)$"));
    const auto secondsLeft = [&] {
        const QRegularExpressionMatch match = shape.match(backoff->text());
        return match.hasMatch() ? match.captured(1).toInt() * 60 + match.captured(2).toInt() : -1;
    };
    const int first = secondsLeft();
    QVERIFY2(first > 100 && first <= 120, qPrintable(backoff->text()));
    // The page's own clock redraws it: the wait visibly goes down while nothing else happens.
    QTRY_VERIFY_WITH_TIMEOUT(secondsLeft() >= 0 && secondsLeft() < first, 5000);
}

QMessageBox *TestConnectorPage::waitForQuestion(ConnectorPage &page, const char *objectName)
{
    QMessageBox *box = nullptr;
    for (int i = 0; i < 1000 && !box; ++i) {
        box = page.findChild<QMessageBox *>(QLatin1String(objectName));
        if (box && !box->isVisible())
            box = nullptr;
        if (!box)
            QTest::qWait(10);
    }
    return box;
}

void TestConnectorPage::answerQuestion(ConnectorPage &page, const char *question,
                                       const char *button)
{
    QMessageBox *box = waitForQuestion(page, question);
    QVERIFY2(box, question);
    auto *answer = box->findChild<QPushButton *>(QLatin1String(button));
    QVERIFY2(answer, button);
    QTest::mouseClick(answer, Qt::LeftButton);
    QTRY_VERIFY(!page.findChild<QMessageBox *>(QLatin1String(question)));
    // A window manager activates the window again when the question closes; offscreen does not.
    QApplication::setActiveWindow(page.window());
    QTRY_VERIFY(page.window()->isActiveWindow());
}

void TestConnectorPage::clickRule(QTreeWidget *rules, const QString &product)
{
    const QRect rect = rules->visualItemRect(ruleRow(rules, product));
    QTest::mouseClick(rules->viewport(), Qt::LeftButton, {},
                      QPoint(rect.left() + 12, rect.center().y()));
}

void TestConnectorPage::turningTheRulesOnAsksFirst()
{
    auto controller = makeController();
    MainWindow window(controller.get());
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    controller->start();
    QVERIFY(runSync(*controller));
    goToConnector(window);
    ConnectorPage *page = window.connectorPage();
    QTRY_VERIFY(page->ruleSettings().has_value());
    auto *turnOff = page->findChild<QCheckBox *>(QStringLiteral("turnOffMicrosoftRules"));

    // The estimate: what the M365D incidents' alerts of the last 7 days would have made.
    IncidentRuleSettings after = storedRules();
    after.turnOffMicrosoftRules = false;
    RuleImpact expected;
    {
        auto opened = openStore(StoreConfig::sqlite(dbPath()), Store::OpenMode::ReadOnly);
        QVERIFY(opened);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto alerts = opened.value()->rules().alertsCreatedSince(now.addDays(-7));
        QVERIFY(alerts);
        expected = estimateRuleImpact(storedRules(), after, alerts.value(), now, 7);
    }
    QVERIFY2(expected.alerts > 0, "the demo tenant has MDE, MDI or MDO alerts this week");

    QTest::mouseClick(turnOff, Qt::LeftButton, {}, QPoint(8, turnOff->height() / 2));
    QMessageBox *box = waitForQuestion(*page, "turnOnRulesQuestion");
    QVERIFY(box);
    // Nothing has changed yet: the box is still checked, the store still says off.
    QVERIFY(turnOff->isChecked());
    QVERIFY(storedRules().turnOffMicrosoftRules);
    QCOMPARE(box->text(), QStringLiteral("Turn on the Microsoft incident creation rules?"));
    const QString text = box->informativeText();
    QVERIFY2(text.contains(QStringLiteral("every new MDE, MDI and MDO alert")), qPrintable(text));
    const int perDay = std::max(1, int(std::lround(expected.perDay)));
    QVERIFY2(text.contains(QStringLiteral("in the last %1 day").arg(expected.days)),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("expect about %1 incident").arg(perDay)),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("%1 of those alerts are already in M365D incidents")
                                   .arg(expected.duplicates))
                     || expected.duplicates == 0,
             qPrintable(text));

    // "Keep them off": nothing changes.
    answerQuestion(*page, "turnOnRulesQuestion", "keepRulesOff");
    QVERIFY(turnOff->isChecked());
    QTest::qWait(200);
    QVERIFY(storedRules().turnOffMicrosoftRules);
    QVERIFY(page->ruleSettings()->turnOffMicrosoftRules);

    // Escape is the same as keeping them off.
    QTest::mouseClick(turnOff, Qt::LeftButton, {}, QPoint(8, turnOff->height() / 2));
    box = waitForQuestion(*page, "turnOnRulesQuestion");
    QVERIFY(box);
    QTest::keyClick(box, Qt::Key_Escape);
    QTRY_VERIFY(!page->findChild<QMessageBox *>(QStringLiteral("turnOnRulesQuestion")));
    QVERIFY(turnOff->isChecked());
    QVERIFY(storedRules().turnOffMicrosoftRules);
}

void TestConnectorPage::turningThemOffAgainOffersToCloseTheDuplicates()
{
    auto controller = makeController();
    MainWindow window(controller.get());
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    controller->start();
    QVERIFY(runSync(*controller));
    goToConnector(window);
    ConnectorPage *page = window.connectorPage();
    QTRY_VERIFY(page->ruleSettings().has_value());
    auto *turnOff = page->findChild<QCheckBox *>(QStringLiteral("turnOffMicrosoftRules"));

    QTest::mouseClick(turnOff, Qt::LeftButton, {}, QPoint(8, turnOff->height() / 2));
    answerQuestion(*page, "turnOnRulesQuestion", "turnOnRules");
    QTRY_VERIFY(!storedRules().turnOffMicrosoftRules);

    // Three new alerts in M365D incidents: three duplicate rule incidents.
    const QStringList targets = activeIncidentIds(2);
    addAlerts(kMde, QStringLiteral("high"), 2, targets.at(0));
    addAlerts(kMdo, QStringLiteral("low"), 1, targets.at(1));
    QVERIFY(runSync(*controller));
    QList<Incident> created = ruleIncidents(storedQueue());
    QCOMPARE(created.size(), 3);
    for (const Incident &incident : created)
        QVERIFY(incident.duplicateOf > 0);

    // Checking the box again turns the rules off and offers to close the three.
    QTest::mouseClick(turnOff, Qt::LeftButton, {}, QPoint(8, turnOff->height() / 2));
    QTRY_VERIFY(storedRules().turnOffMicrosoftRules);
    QMessageBox *box = waitForQuestion(*page, "closeDuplicatesQuestion");
    QVERIFY(box);
    QCOMPARE(box->text(), QStringLiteral("Close the duplicates?"));
    QVERIFY2(box->informativeText().contains(QStringLiteral("they made 3 incidents of alerts that "
                                                            "an M365D incident already holds")),
             qPrintable(box->informativeText()));
    auto *close = box->findChild<QPushButton *>(QStringLiteral("closeDuplicates"));
    QCOMPARE(close->text(), QStringLiteral("Close 3 duplicates"));
    answerQuestion(*page, "closeDuplicatesQuestion", "closeDuplicates");
    QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QList<Incident> now = ruleIncidents(storedQueue());
                return now.size() == 3
                       && std::all_of(now.cbegin(), now.cend(), [](const Incident &incident) {
                              return vigilStatus(incident.status) == VigilStatus::Closed
                                     && incident.classification == QLatin1String("unknown");
                          });
            }(),
            20000);
    // The M365D incidents that hold the alerts are untouched.
    for (const Incident &incident : storedQueue())
        if (targets.contains(incident.providerIncidentId))
            QCOMPARE(vigilStatus(incident.status), VigilStatus::New);

    // Turning them on and off again without new duplicates asks nothing more.
    QTest::mouseClick(turnOff, Qt::LeftButton, {}, QPoint(8, turnOff->height() / 2));
    answerQuestion(*page, "turnOnRulesQuestion", "turnOnRules");
    QTRY_VERIFY(!storedRules().turnOffMicrosoftRules);
    QTest::mouseClick(turnOff, Qt::LeftButton, {}, QPoint(8, turnOff->height() / 2));
    QTRY_VERIFY(storedRules().turnOffMicrosoftRules);
    QTest::qWait(200);
    QVERIFY(!page->findChild<QMessageBox *>(QStringLiteral("closeDuplicatesQuestion")));
}

void TestConnectorPage::leavingAnEditedRuleAsks()
{
    auto controller = makeController();
    MainWindow window(controller.get());
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    controller->start();
    goToConnector(window);
    ConnectorPage *page = window.connectorPage();
    QTRY_VERIFY(page->ruleSettings().has_value());
    auto *rules = page->findChild<QTreeWidget *>(QStringLiteral("incidentRules"));
    auto *include = page->findChild<QLineEdit *>(QStringLiteral("ruleTitleInclude"));
    const auto current = [rules] { return rules->currentItem()->text(0); };

    // Without changes, moving between rules asks nothing.
    clickRule(rules, QStringLiteral("MCAS"));
    QCOMPARE(current(), QStringLiteral("MCAS"));
    clickRule(rules, QStringLiteral("MDE"));
    QCOMPARE(current(), QStringLiteral("MDE"));
    QVERIFY(!page->findChild<QMessageBox *>(QStringLiteral("unsavedRuleQuestion")));
    clickRule(rules, QStringLiteral("MCAS"));

    // An edit, then another rule: the question, and the edited rule stays in the editor.
    QTest::mouseClick(include, Qt::LeftButton);
    QTest::keyClicks(include, QStringLiteral("Mass download"));
    clickRule(rules, QStringLiteral("MDE"));
    QMessageBox *box = waitForQuestion(*page, "unsavedRuleQuestion");
    QVERIFY(box);
    QCOMPARE(box->text(), QStringLiteral("Save the changes to the MCAS rule?"));
    QVERIFY2(box->informativeText().contains(
                     QStringLiteral("The MCAS rule has changes that are not saved")),
             qPrintable(box->informativeText()));
    QCOMPARE(current(), QStringLiteral("MCAS"));
    QCOMPARE(include->text(), QStringLiteral("Mass download"));
    // Cancel: stay, keep the edit.
    QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(!page->findChild<QMessageBox *>(QStringLiteral("unsavedRuleQuestion")));
    QCOMPARE(current(), QStringLiteral("MCAS"));
    QCOMPARE(include->text(), QStringLiteral("Mass download"));

    // Discard: go, and the edit is gone.
    clickRule(rules, QStringLiteral("MDI"));
    box = waitForQuestion(*page, "unsavedRuleQuestion");
    QVERIFY(box);
    QTest::mouseClick(box->button(QMessageBox::Discard), Qt::LeftButton);
    QTRY_COMPARE(current(), QStringLiteral("MDI"));
    clickRule(rules, QStringLiteral("MCAS"));
    QCOMPARE(current(), QStringLiteral("MCAS"));
    QCOMPARE(include->text(), QString());
    QVERIFY(storedRules().rule(RuleProduct::Mcas).titleInclude.isEmpty());

    // Save: stored, then the other rule.
    QTest::mouseClick(include, Qt::LeftButton);
    QTest::keyClicks(include, QStringLiteral("Mass download"));
    clickRule(rules, QStringLiteral("MDO"));
    box = waitForQuestion(*page, "unsavedRuleQuestion");
    QVERIFY(box);
    QTest::mouseClick(box->button(QMessageBox::Save), Qt::LeftButton);
    QTRY_COMPARE(current(), QStringLiteral("MDO"));
    QTRY_COMPARE(storedRules().rule(RuleProduct::Mcas).titleInclude,
                 QStringList{QStringLiteral("Mass download")});

    // Save with a rule the editor refuses: the reason shows and the analyst stays.
    clickRule(rules, QStringLiteral("MCAS"));
    QTRY_COMPARE(include->text(), QStringLiteral("Mass download"));
    auto *exclude = page->findChild<QLineEdit *>(QStringLiteral("ruleTitleExclude"));
    QTest::mouseClick(exclude, Qt::LeftButton);
    QTest::keyClicks(exclude, QStringLiteral("mass download"));
    clickRule(rules, QStringLiteral("MDO"));
    box = waitForQuestion(*page, "unsavedRuleQuestion");
    QVERIFY(box);
    QTest::mouseClick(box->button(QMessageBox::Save), Qt::LeftButton);
    QTRY_VERIFY(!page->findChild<QMessageBox *>(QStringLiteral("unsavedRuleQuestion")));
    QCOMPARE(current(), QStringLiteral("MCAS"));
    auto *message = page->findChild<QLabel *>(QStringLiteral("ruleMessage"));
    QVERIFY2(message->isVisible()
                     && message->text().contains(QStringLiteral("both included and excluded")),
             qPrintable(message->text()));
    // The rules read again meanwhile (the answer to an earlier save, a sync): the refused text
    // is still in the editor, and so is why it was refused.
    page->showRuleSettings(storedRules());
    QCOMPARE(exclude->text(), QStringLiteral("mass download"));
    QVERIFY2(message->isVisible()
                     && message->text().contains(QStringLiteral("both included and excluded")),
             qPrintable(message->text()));
}

QTEST_MAIN(TestConnectorPage)
#include "tst_connectorpage.moc"
