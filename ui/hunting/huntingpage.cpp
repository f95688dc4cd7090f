#include "huntingpage.h"

#include "feedsettingsdialog.h"

#include "eventcontroller.h"
#include "eventtypes.h"
#include "huntinglibrarycontroller.h"
#include "huntingtab.h"
#include "kqleditor.h"
#include "querylibrarypanel.h"
#include "remotehuntcontroller.h"
#include "schemabrowser.h"

#include "displaytext.h"
#include <QAction>
#include <QActionGroup>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSettings>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace Vigil {

namespace {

constexpr int kSaveDelayMs = 500;

QString settingsKey(const char *key)
{
    return QLatin1String(key);
}

QString timeText(qint64 ticks)
{
    // Kusto's own spelling, shortened to the second: what the query's datetime() literals say.
    return HuntingController::cellText(QVariant(ticks), KqlType::DateTime).left(19)
           + QLatin1Char('Z');
}

} // namespace

HuntingPage::HuntingPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("huntingPage"));
    setAccessibleName(tr("Hunting"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 0);

    m_runInDefender = new QAction(tr("Run in Defender"), this);
    m_runInDefender->setObjectName(QStringLiteral("runInDefender"));
    connect(m_runInDefender, &QAction::triggered, this, [this] {
        if (HuntingTab *tab = currentTab()) {
            int offset = 0;
            const QString query = tab->editor()->queryToRun(&offset);
            if (query.trimmed().isEmpty())
                return;
            Q_EMIT runInDefenderRequested(query);
            if (m_remote) {
                m_remoteTab = tab;
                m_remoteQuery = query;
                m_remoteColumns.clear();
                m_remoteRows.clear();
                m_runInDefender->setEnabled(false);
                m_runInDefender->setText(tr("Running in Defender…"));
                tab->setRemoteRunning(true);
                m_remote->run(query, m_remoteTimespan);
            }
        }
    });
    buildTimespanMenu();
    setRemoteRunAvailable(false);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("huntingSplitter"));
    m_tabs = new QTabWidget(m_splitter);
    m_tabs->setObjectName(QStringLiteral("huntingTabs"));
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setDocumentMode(true);
    auto *plus = new QToolButton(m_tabs);
    plus->setObjectName(QStringLiteral("newHuntingTab"));
    m_newTab = new QAction(tr("New query tab"), this);
    m_newTab->setObjectName(QStringLiteral("newQueryTab"));
    m_newTab->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_newTab->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_newTab->setToolTip(tr("Open a new query tab (Ctrl+T)"));
    connect(m_newTab, &QAction::triggered, this, [this] {
        newTab();
        currentTab()->editor()->setFocus(Qt::ShortcutFocusReason);
    });
    plus->setDefaultAction(m_newTab);
    plus->setText(QStringLiteral("+"));
    m_feedSettings = new QAction(tr("External data…"), this);
    m_feedSettings->setObjectName(QStringLiteral("externalDataSettings"));
    m_feedSettings->setToolTip(tr("The hosts externaldata may fetch lists from, its limits and "
                                  "the kept copies"));
    connect(m_feedSettings, &QAction::triggered, this, &HuntingPage::editFeedSettings);
    auto *corner = new QWidget(m_tabs);
    auto *cornerLayout = new QHBoxLayout(corner);
    cornerLayout->setContentsMargins(0, 0, 0, 0);
    cornerLayout->setSpacing(2);
    auto *feeds = new QToolButton(corner);
    feeds->setObjectName(QStringLiteral("externalDataButton"));
    feeds->setDefaultAction(m_feedSettings);
    feeds->setAutoRaise(true);
    cornerLayout->addWidget(feeds);
    // geo_info_from_ip_address()'s database: which one answers, and a way to pick another.
    m_geoIpLabel = new QLabel(corner);
    m_geoIpLabel->setObjectName(QStringLiteral("geoIpLabel"));
    m_geoIpLabel->setTextFormat(Qt::PlainText);
    m_geoIpChoose = new QAction(tr("GeoIP database…"), this);
    m_geoIpChoose->setObjectName(QStringLiteral("geoIpDatabase"));
    m_geoIpChoose->setToolTip(tr("The MaxMind or DB-IP .mmdb file, or legacy GeoIP.dat file, that "
                                 "geo_info_from_ip_address() reads"));
    connect(m_geoIpChoose, &QAction::triggered, this, &HuntingPage::chooseGeoIpDatabase);
    m_geoIpDefault = new QAction(tr("Use the default GeoIP database"), this);
    m_geoIpDefault->setObjectName(QStringLiteral("geoIpDefault"));
    connect(m_geoIpDefault, &QAction::triggered, this, [this] { setGeoIpDatabase({}); });
    auto *geoMenu = new QMenu(corner);
    geoMenu->addActions({m_geoIpChoose, m_geoIpDefault});
    auto *geo = new QToolButton(corner);
    geo->setObjectName(QStringLiteral("geoIpButton"));
    geo->setDefaultAction(m_geoIpChoose);
    geo->setMenu(geoMenu);
    geo->setPopupMode(QToolButton::MenuButtonPopup);
    geo->setAutoRaise(true);
    cornerLayout->addWidget(m_geoIpLabel);
    cornerLayout->addWidget(geo);
    plus->setParent(corner);
    cornerLayout->addWidget(plus);
    m_tabs->setCornerWidget(corner, Qt::TopRightCorner);
    m_closeTab = new QAction(tr("Close query tab"), this);
    m_closeTab->setObjectName(QStringLiteral("closeQueryTab"));
    m_closeTab->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_W));
    m_closeTab->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_closeTab, &QAction::triggered, this, [this] { closeTab(m_tabs->currentIndex()); });
    m_renameTab = new QAction(tr("Rename query tab…"), this);
    m_renameTab->setObjectName(QStringLiteral("renameQueryTab"));
    m_renameTab->setShortcut(QKeySequence(Qt::Key_F2));
    m_renameTab->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_renameTab, &QAction::triggered, this, [this] { renameTab(m_tabs->currentIndex()); });
    for (QAction *action : {m_newTab, m_closeTab, m_renameTab})
        addAction(action);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &HuntingPage::closeTab);
    connect(m_tabs->tabBar(), &QTabBar::tabBarDoubleClicked, this,
            [this](int index) { renameTab(index); });
    connect(m_tabs->tabBar(), &QTabBar::tabMoved, this, &HuntingPage::scheduleSave);
    connect(m_tabs, &QTabWidget::currentChanged, this, &HuntingPage::scheduleSave);
    connect(m_tabs, &QTabWidget::currentChanged, this, &HuntingPage::updateCurrentQuery);
    m_tabs->tabBar()->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_tabs->tabBar()->addActions({m_newTab, m_renameTab, m_closeTab});

    m_side = new QTabWidget(m_splitter);
    m_side->setObjectName(QStringLiteral("huntingSidePanel"));
    m_side->setDocumentMode(true);
    m_side->setVisible(false);
    m_splitter->addWidget(m_tabs);
    m_splitter->addWidget(m_side);
    m_splitter->setStretchFactor(0, 4);
    m_splitter->setStretchFactor(1, 1);
    layout->addWidget(m_splitter, 1);

    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(kSaveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, &HuntingPage::saveTabs);
    // The saved choice; a file that no longer opens is kept and said so (runs then fail with
    // the same words), the analyst picks another.
    m_geoIp = QSettings().value(settingsKey("hunting/geoIpDatabase")).toString();
    QString geoError;
    const QString geoDescription
            = m_geoIp.isEmpty() ? QString()
                                : HuntingController::describeGeoIpDatabase(m_geoIp, &geoError);
    showGeoIpDatabase(m_geoIp.isEmpty() || !geoDescription.isEmpty()
                              ? geoDescription
                              : tr("cannot be opened: %1").arg(geoError));
    restoreTabs();
}

HuntingPage::~HuntingPage()
{
    saveTabs();
}

void HuntingPage::setDatabasePath(const QString &path)
{
    m_path = path;
    for (int i = 0; i < tabCount(); ++i)
        tab(i)->setDatabasePath(path);
}

QString HuntingPage::feedDirectory() const
{
    return m_path.isEmpty() ? QString() : QFileInfo(m_path).absolutePath();
}

void HuntingPage::editFeedSettings()
{
    const QString dir = feedDirectory();
    if (dir.isEmpty())
        return;
    FeedSettingsDialog dialog(FeedSettings::load(dir),
                              FeedCache(FeedSettings::cacheDir(dir)).list(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    if (!dialog.settings().save(dir, &error))
        QMessageBox::warning(this, tr("External data"),
                             tr("The settings could not be saved: %1").arg(error));
}

void HuntingPage::chooseGeoIpDatabase()
{
    const QString start
            = m_geoIp.isEmpty()
                      ? QFileInfo(HuntingController::defaultGeoIpDatabase()).absolutePath()
                      : QFileInfo(m_geoIp).absolutePath();
    QFileDialog dialog(this, tr("GeoIP database"), start,
                       tr("GeoIP databases (*.mmdb *.dat);;All files (*)"));
    dialog.setObjectName(QStringLiteral("geoIpFileDialog"));
    dialog.setOption(QFileDialog::DontUseNativeDialog);
    dialog.setFileMode(QFileDialog::ExistingFile);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    setGeoIpDatabase(dialog.selectedFiles().constFirst());
}

bool HuntingPage::setGeoIpDatabase(const QString &path)
{
    QString description;
    if (!path.isEmpty()) {
        QString error;
        description = HuntingController::describeGeoIpDatabase(path, &error);
        if (description.isEmpty()) {
            QMessageBox box(QMessageBox::Warning, tr("GeoIP database"),
                            tr("%1 cannot be used as the GeoIP database: %2.\n\nThe GeoIP "
                               "database stays as it was.")
                                    .arg(QDir::toNativeSeparators(path), error),
                            QMessageBox::Ok, this);
            box.setObjectName(QStringLiteral("geoIpError"));
            box.setTextFormat(Qt::PlainText);
            box.exec();
            return false;
        }
    }
    m_geoIp = path;
    QSettings().setValue(settingsKey("hunting/geoIpDatabase"), path);
    for (int i = 0; i < tabCount(); ++i)
        tab(i)->setGeoIpDatabase(path);
    showGeoIpDatabase(description);
    return true;
}

void HuntingPage::showGeoIpDatabase(const QString &description)
{
    QString text;
    QString where = m_geoIp;
    if (!m_geoIp.isEmpty()) {
        text = tr("GeoIP: %1 (%2)").arg(QFileInfo(m_geoIp).fileName(), description);
    } else {
        where = HuntingController::defaultGeoIpDatabase();
        if (where.isEmpty())
            text = tr("GeoIP: none (install Debian's geoip-database or choose a file)");
        else if (!qEnvironmentVariableIsEmpty("VIGIL_GEOIP_DB"))
            text = tr("GeoIP: %1 (from VIGIL_GEOIP_DB)").arg(QFileInfo(where).fileName());
        else
            text = tr("GeoIP: Debian geoip-database (countries)");
    }
    m_geoIpLabel->setText(text);
    m_geoIpLabel->setToolTip(where.isEmpty() ? QString() : QDir::toNativeSeparators(where));
}

void HuntingPage::setEventController(EventController *events)
{
    if (m_events == events)
        return;
    if (m_events)
        disconnect(m_events, nullptr, this, nullptr);
    m_events = events;
    if (m_events)
        connect(m_events, &EventController::tablesLoaded, this, &HuntingPage::checkPivotRanges);
    if (m_events && !m_schema) {
        m_schema = new SchemaBrowser(m_events, m_side);
        m_schema->setObjectName(QStringLiteral("schemaBrowser"));
        connect(m_schema, &SchemaBrowser::insertTextRequested, this, [this](const QString &text) {
            insertText(text);
            if (HuntingTab *tab = currentTab())
                tab->editor()->setFocus(Qt::OtherFocusReason);
        });
        m_side->insertTab(0, m_schema, tr("Schema"));
        m_side->setCurrentIndex(0);
        m_side->setVisible(true);
    }
}

void HuntingPage::setLibraryController(HuntingLibraryController *library)
{
    if (m_library || !library)
        return;
    m_libraryController = library;
    m_library = new QueryLibraryPanel(library, m_side);
    m_library->setObjectName(QStringLiteral("queryLibrary"));
    connect(m_library, &QueryLibraryPanel::openQueryRequested, this,
            [this](const QString &text, const QString &name) {
                HuntingTab *tab = newTab(name, text);
                tab->editor()->setFocus(Qt::OtherFocusReason);
            });
    addSidePanel(m_library, tr("Queries"));
    updateCurrentQuery();
}

void HuntingPage::setRemoteHuntController(RemoteHuntController *remote)
{
    if (m_remote)
        disconnect(m_remote, nullptr, this, nullptr);
    m_remote = remote;
    if (!m_remote)
        return;
    connect(m_remote, &RemoteHuntController::columnsReceived, this,
            [this](const Kql::RowSchema &columns) {
                m_remoteColumns.clear();
                for (const Kql::Column &column : columns)
                    m_remoteColumns.append(HuntColumn{column.name, column.type});
            });
    connect(m_remote, &RemoteHuntController::rowsReceived, this,
            [this](const QList<Kql::HuntingRow> &rows) { m_remoteRows.append(rows); });
    connect(m_remote, &RemoteHuntController::finished, this, &HuntingPage::finishRemoteRun);
    connect(m_remote, &RemoteHuntController::waiting, this,
            [this](const QDateTime &until, const QString &reason) {
                if (HuntingTab *tab = m_remoteTab.data())
                    tab->showRemoteWaiting(until, reason);
            });
}

void HuntingPage::buildTimespanMenu()
{
    // Defender reads the window from the request, not from the query: the analyst picks it
    // here, and the choice stays for the next run (and the next start).
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("defenderTimespanMenu"));
    menu->setToolTipsVisible(true);
    auto *group = new QActionGroup(menu);
    const struct
    {
        const char *name;
        const char *timespan;
    } choices[] = {
            {QT_TR_NOOP("Last hour"), "PT1H"},
            {QT_TR_NOOP("Last 24 hours"), "P1D"},
            {QT_TR_NOOP("Last 7 days"), "P7D"},
            {QT_TR_NOOP("Last 30 days (Defender's default)"), ""},
    };
    const QString saved = QSettings().value(settingsKey("hunting/defenderTimespan")).toString();
    m_remoteTimespan = saved;
    bool matched = false;
    for (const auto &choice : choices) {
        QAction *action = menu->addAction(tr(choice.name));
        action->setCheckable(true);
        action->setData(QString::fromLatin1(choice.timespan));
        action->setObjectName(QStringLiteral("defenderTimespan_%1")
                                      .arg(QString::fromLatin1(choice.timespan).isEmpty()
                                                   ? QStringLiteral("default")
                                                   : QString::fromLatin1(choice.timespan)));
        group->addAction(action);
        if (action->data().toString() == saved) {
            action->setChecked(true);
            matched = true;
        }
    }
    menu->addSeparator();
    m_customTimespan = menu->addAction(tr("Custom…"));
    m_customTimespan->setObjectName(QStringLiteral("defenderTimespan_custom"));
    m_customTimespan->setCheckable(true);
    m_customTimespan->setToolTip(tr("An ISO 8601 window: P3D (the last 3 days), "
                                    "2024-02-01T08:00:00Z/2024-02-15T08:00:00Z, P7D/2024-02-15, "
                                    "or a start time"));
    group->addAction(m_customTimespan);
    if (!matched) {
        m_customTimespan->setChecked(true);
        m_customTimespan->setData(saved);
        m_customTimespan->setText(tr("Custom: %1").arg(elidedText(saved, 40)));
    }
    connect(group, &QActionGroup::triggered, this, [this](QAction *action) {
        if (action == m_customTimespan) {
            bool ok = false;
            const QString typed
                    = QInputDialog::getText(
                              this, tr("Time window in Defender"),
                              tr("Defender searches its last 30 days. The window to search, in ISO "
                                 "8601 "
                                 "(P3D, PT12H, start/end, duration/end, or a start time):"),
                              QLineEdit::Normal, m_remoteTimespan, &ok)
                              .trimmed();
            const QString problem = ok ? remoteTimespanProblem(typed) : QString();
            if (!ok || !problem.isEmpty()) {
                if (!problem.isEmpty())
                    QMessageBox::warning(this, tr("Time window in Defender"), problem);
                restoreTimespanCheck();
                return;
            }
            m_customTimespan->setData(typed);
            m_customTimespan->setText(tr("Custom: %1").arg(elidedText(typed, 40)));
        }
        setRemoteTimespan(action->data().toString());
    });
    m_runInDefender->setMenu(menu);
}

void HuntingPage::restoreTimespanCheck()
{
    const QList<QAction *> actions = m_runInDefender->menu()->actions();
    for (QAction *action : actions) {
        if (action->isCheckable() && action != m_customTimespan
            && action->data().toString() == m_remoteTimespan) {
            action->setChecked(true);
            return;
        }
    }
    m_customTimespan->setChecked(true);
}

QString HuntingPage::remoteTimespanProblem(const QString &timespan)
{
    if (timespan.isEmpty())
        return {};
    // Durations and instants as Graph takes them; Defender itself says the rest.
    static const QRegularExpression duration(
            QStringLiteral("^P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+("
                           "\\.\\d+)?S)?)?$"));
    const auto isInstant = [](const QString &part) {
        return QDateTime::fromString(part, Qt::ISODateWithMs).isValid()
               || QDateTime::fromString(part, Qt::ISODate).isValid()
               || QDate::fromString(part, Qt::ISODate).isValid();
    };
    const QStringList parts = timespan.split(QLatin1Char('/'));
    bool valid = false;
    if (parts.size() == 1)
        valid = duration.match(parts[0]).hasMatch() || isInstant(parts[0]);
    else if (parts.size() == 2)
        valid = (isInstant(parts[0]) || duration.match(parts[0]).hasMatch())
                && (isInstant(parts[1]) || duration.match(parts[1]).hasMatch())
                && !(duration.match(parts[0]).hasMatch() && duration.match(parts[1]).hasMatch());
    if (valid)
        return {};
    return tr("\"%1\" is not an ISO 8601 time window. Write a duration such as P7D or PT12H, "
              "a start/end pair such as 2024-02-01T08:00:00Z/2024-02-15T08:00:00Z, or a start "
              "time.")
            .arg(elidedText(timespan, 80));
}

void HuntingPage::setRemoteTimespan(const QString &timespan)
{
    m_remoteTimespan = timespan;
    QSettings().setValue(settingsKey("hunting/defenderTimespan"), timespan);
    setRemoteRunAvailable(m_runInDefender->isEnabled());
}

QString HuntingPage::remoteTimespanText() const
{
    if (m_remoteTimespan.isEmpty())
        return tr("Defender's last 30 days");
    const QList<QAction *> actions = m_runInDefender->menu()->actions();
    for (const QAction *action : actions) {
        if (action->isChecked() && action != m_customTimespan)
            return action->text().toLower();
    }
    return m_remoteTimespan;
}

void HuntingPage::finishRemoteRun(const RemoteHuntOutcome &outcome)
{
    m_runInDefender->setText(tr("Run in Defender"));
    setRemoteRunAvailable(true);
    HuntRunResult result;
    result.columns = std::exchange(m_remoteColumns, {});
    const QList<HuntRow> rows = std::exchange(m_remoteRows, {});
    result.rows = rows.size();
    result.truncated = outcome.truncated;
    result.rowLimit = 100000; // Defender's own cap
    result.warnings = outcome.warnings;
    switch (outcome.status) {
    case RemoteHuntOutcome::Status::Ok:
        result.status = HuntRunResult::Status::Ok;
        break;
    case RemoteHuntOutcome::Status::Failed:
        result.status = HuntRunResult::Status::Failed;
        // Defender's own words, quoted in the message; the tab shows it as plain text.
        result.error = outcome.error ? outcome.error->message : tr("Defender did not answer.");
        break;
    case RemoteHuntOutcome::Status::Cancelled:
        result.status = HuntRunResult::Status::Cancelled;
        break;
    }
    if (HuntingTab *tab = m_remoteTab.data()) {
        tab->setRemoteRunning(false);
        tab->showResult(m_remoteQuery, result, rows, outcome.elapsedMs,
                        tr("Ran in Microsoft 365 Defender"));
    }
    m_remoteTab.clear();
}

void HuntingPage::recordRun(const HuntingTab *tab, const QString &query,
                            const HuntRunResult &result, qint64 elapsedMs)
{
    if (!m_libraryController)
        return;
    HuntingRun run;
    run.query = query;
    run.startedUtc = QDateTime::currentDateTimeUtc().addMSecs(-elapsedMs);
    run.rows = result.rows;
    run.durationMs = elapsedMs;
    run.where
            = tab->resultOrigin().isEmpty() ? HuntingRun::Where::Local : HuntingRun::Where::Remote;
    switch (result.status) {
    case HuntRunResult::Status::Ok:
        run.status = HuntingRun::Status::Ok;
        break;
    case HuntRunResult::Status::Refused:
        run.status = HuntingRun::Status::Refused;
        run.message = result.refusal.message;
        break;
    case HuntRunResult::Status::Failed:
        run.status = HuntingRun::Status::Failed;
        run.message = result.error;
        break;
    case HuntRunResult::Status::Cancelled:
        run.status = HuntingRun::Status::Cancelled;
        break;
    case HuntRunResult::Status::TimedOut:
        run.status = HuntingRun::Status::TimedOut;
        run.message = result.error;
        break;
    }
    m_library->recordRun(run);
}

void HuntingPage::updateCurrentQuery()
{
    if (m_library)
        m_library->setCurrentQuery(currentTab() ? currentTab()->editor()->toPlainText()
                                                : QString());
}

int HuntingPage::tabCount() const
{
    return m_tabs->count();
}

HuntingTab *HuntingPage::tab(int index) const
{
    return qobject_cast<HuntingTab *>(m_tabs->widget(index));
}

HuntingTab *HuntingPage::currentTab() const
{
    return qobject_cast<HuntingTab *>(m_tabs->currentWidget());
}

void HuntingPage::addSidePanel(QWidget *widget, const QString &title)
{
    m_side->addTab(widget, title);
    m_side->setVisible(true);
}

void HuntingPage::setRemoteRunAvailable(bool available)
{
    m_runInDefender->setEnabled(available);
    m_runInDefender->setToolTip(
            available ? tr("Run the query (or the selection) in Microsoft 365 Defender, over %1 "
                           "(the arrow picks the window)")
                                .arg(remoteTimespanText())
                      : tr("Running queries in Microsoft 365 Defender is not set up in this "
                           "window"));
}

HuntingTab *HuntingPage::newTab(const QString &title, const QString &text)
{
    auto *tab = new HuntingTab(m_path, m_runInDefender, m_tabs);
    tab->setGeoIpDatabase(m_geoIp);
    tab->editor()->setPlainText(text);
    // Numbers are given once: "Query 3" after a restart does not repeat a closed "Query 3".
    const QString name = title.isEmpty() ? tr("Query %1").arg(m_nextNumber++) : title;
    const int index = m_tabs->addTab(tab, name);
    m_tabs->setTabToolTip(index, plainToolTip(name));
    m_tabs->setCurrentIndex(index);
    connect(tab->editor(), &QPlainTextEdit::textChanged, this, &HuntingPage::scheduleSave);
    connect(tab, &HuntingTab::queryFinished, this, &HuntingPage::queryFinished);
    connect(tab, &HuntingTab::queryFinished, this,
            [this, tab](const QString &query, const HuntRunResult &result, qint64 elapsedMs) {
                recordRun(tab, query, result, elapsedMs);
            });
    connect(tab->editor(), &QPlainTextEdit::textChanged, this, [this, tab] {
        if (tab == currentTab())
            updateCurrentQuery();
    });
    // Cancel and Esc also stop the tab's run in Defender.
    connect(tab, &HuntingTab::cancelRequested, this, [this, tab] {
        if (m_remote && m_remote->isRunning() && m_remoteTab == tab)
            m_remote->cancel();
    });
    scheduleSave();
    return tab;
}

void HuntingPage::closeTab(int index)
{
    HuntingTab *closing = tab(index);
    if (!closing)
        return;
    m_tabs->removeTab(index);
    closing->deleteLater();
    // The page always has a tab to type in.
    if (m_tabs->count() == 0)
        newTab();
    scheduleSave();
}

void HuntingPage::renameTab(int index, const QString &name)
{
    if (index < 0 || index >= m_tabs->count())
        return;
    QString newName = name;
    if (newName.isEmpty()) {
        bool ok = false;
        newName = QInputDialog::getText(this, tr("Rename query tab"), tr("Name:"),
                                        QLineEdit::Normal, m_tabs->tabText(index), &ok);
        if (!ok)
            return;
    }
    newName = newName.simplified().left(80);
    if (newName.isEmpty())
        return;
    m_tabs->setTabText(index, newName);
    m_tabs->setTabToolTip(index, plainToolTip(newName));
    scheduleSave();
}

void HuntingPage::insertText(const QString &text)
{
    if (HuntingTab *tab = currentTab())
        tab->editor()->insertText(text);
}

void HuntingPage::openPivot(const HuntPivot &pivot)
{
    HuntingTab *tab = newTab(pivot.title, pivot.query);
    tab->runQuery();
    if (m_events && m_events->isStarted()) {
        m_pendingPivots.append({tab, pivot});
        m_events->requestTables();
    }
}

void HuntingPage::checkPivotRanges(const EventTablesSnapshot &snapshot)
{
    const QList<PendingPivot> pending = std::exchange(m_pendingPivots, {});
    for (const PendingPivot &p : pending) {
        if (!p.tab)
            continue;
        QStringList gaps;
        for (const QString &name : p.pivot.tables) {
            const EventTableStats *stats = nullptr;
            for (const EventTableStats &s : snapshot.tables) {
                if (s.settings.table == name)
                    stats = &s;
            }
            if (!stats || stats->rows == 0 || !stats->oldestTicks || !stats->newestTicks) {
                gaps.append(tr("%1 holds no events").arg(name));
            } else if (*stats->oldestTicks > p.pivot.fromTicks
                       || *stats->newestTicks < p.pivot.toTicks) {
                gaps.append(tr("%1 holds %2 to %3")
                                    .arg(name, timeText(*stats->oldestTicks),
                                         timeText(*stats->newestTicks)));
            }
        }
        if (gaps.isEmpty()) {
            p.tab->showRangeBanner({});
            continue;
        }
        p.tab->showRangeBanner(
                tr("The local tables do not hold all of %1 to %2 (%3). Run the query in "
                   "Microsoft 365 Defender for the events this machine does not have.")
                        .arg(timeText(p.pivot.fromTicks), timeText(p.pivot.toTicks),
                             gaps.join(QStringLiteral("; "))));
    }
}

void HuntingPage::scheduleSave()
{
    if (!m_restoring)
        m_saveTimer.start();
}

void HuntingPage::saveTabs() const
{
    if (m_restoring || !m_tabsSaved)
        return;
    QVariantList tabs;
    for (int i = 0; i < m_tabs->count(); ++i) {
        const HuntingTab *t = tab(i);
        if (!t)
            continue;
        tabs.append(QVariantMap{{QStringLiteral("title"), m_tabs->tabText(i)},
                                {QStringLiteral("text"), t->editor()->toPlainText()}});
    }
    QSettings settings;
    settings.setValue(settingsKey("hunting/tabs"), tabs);
    settings.setValue(settingsKey("hunting/currentTab"), m_tabs->currentIndex());
    settings.setValue(settingsKey("hunting/nextNumber"), m_nextNumber);
}

void HuntingPage::restoreTabs()
{
    m_restoring = true;
    while (m_tabs->count() > 0) {
        QWidget *w = m_tabs->widget(0);
        m_tabs->removeTab(0);
        delete w;
    }
    QSettings settings;
    const QVariantList tabs = settings.value(settingsKey("hunting/tabs")).toList();
    for (const QVariant &entry : tabs) {
        const QVariantMap map = entry.toMap();
        newTab(map.value(QStringLiteral("title")).toString(),
               map.value(QStringLiteral("text")).toString());
    }
    m_nextNumber
            = std::max(m_nextNumber, settings.value(settingsKey("hunting/nextNumber"), 1).toInt());
    if (m_tabs->count() == 0)
        newTab();
    m_tabs->setCurrentIndex(std::clamp(settings.value(settingsKey("hunting/currentTab"), 0).toInt(),
                                       0, m_tabs->count() - 1));
    m_restoring = false;
}

} // namespace Vigil
