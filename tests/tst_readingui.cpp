// Reading incidents in the window: titles readable at 1280×720, a splitter that stays where the
// analyst put it, the detail pane beside or below the queue, the alerts' own detail, filters and
// copying in the alerts and entities tabs.
#include "alertlistmodel.h"
#include "bench/syntheticincidents.h"
#include "entitytreemodel.h"
#include "graphjson.h"
#include "incidentdetailview.h"
#include "incidentfilterproxymodel.h"
#include "incidentqueuemodel.h"
#include "mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QSplitterHandle>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>

#include <memory>

using namespace Vigil;

namespace {

const QDateTime kBase(QDate(2024, 3, 1), QTime(12, 0), Qt::UTC);
constexpr qint64 kLongTitle = 5;
constexpr qint64 kBigIncident = 997;
/** Its title has a path of 160 characters without a space: a label cannot wrap it. */
constexpr qint64 kLongToken = 9;
constexpr qint64 kRich = 7;
const QString kAlertUrl = QStringLiteral(
        "https://security.microsoft.com/alerts/da7_0?tid=4b2462a4-bbee-495a-a0e1-f23ae524cc9c");
const QString kLongTitleText = QStringLiteral(
        "Multi-stage incident involving Initial access, Execution, Persistence and Lateral "
        "movement on multiple endpoints reported by multiple sources");

Entity evidence(const char *json)
{
    Entity e = entityFromEvidence(QJsonDocument::fromJson(json).object());
    return e;
}

/** An incident with everything Graph sends filled in, and markup where text may be. */
IncidentDetail richDetail(const Incident &incident)
{
    IncidentDetail d;
    d.incident = incident;
    d.incident.summary = QStringLiteral("<b>Three</b> devices encrypted by one user.");
    d.incident.description = QStringLiteral("Ransomware on finance devices.");
    d.incident.resolvingComment = QStringLiteral("Devices reimaged; <script>x</script>");
    d.incident.lastModifiedBy = QStringLiteral("API-App:vigil");
    const Entity device = evidence(R"({"@odata.type": "#microsoft.graph.security.deviceEvidence",
        "deviceDnsName": "fin-lt-2073", "osPlatform": "Windows11", "healthStatus": "active",
        "riskScore": "high", "onboardingStatus": "onboarded", "verdict": "suspicious",
        "remediationStatus": "notFound", "roles": ["compromised"]})");
    const Entity process = evidence(R"({"@odata.type": "#microsoft.graph.security.processEvidence",
        "imageFile": {"fileName": "powershell.exe"}, "processId": 4242,
        "processCommandLine": "powershell -enc AAAA", "parentProcessId": 811,
        "parentProcessImageFile": {"fileName": "winword.exe"}, "verdict": "malicious"})");
    const Entity mail
            = evidence(R"({"@odata.type": "#microsoft.graph.security.analyzedMessageEvidence",
        "subject": "Invoice 0423", "deliveryAction": "delivered", "deliveryLocation": "inbox",
        "threats": ["Phish", "Malware"], "recipientEmailAddress": "megan@contoso.com"})");
    for (int a = 0; a < 3; ++a) {
        Alert alert;
        alert.id = QStringLiteral("da7_%1").arg(a);
        alert.incidentId = incident.providerIncidentId;
        alert.title = a == 0 ? QStringLiteral("Suspicious PowerShell command line <i>encoded</i>")
                             : QStringLiteral("Phishing email delivered (%1)").arg(a);
        alert.severity = QStringLiteral("high");
        alert.status = QStringLiteral("new");
        alert.serviceSource = QStringLiteral("microsoftDefenderForEndpoint");
        alert.category = a == 0 ? QStringLiteral("Execution") : QStringLiteral("InitialAccess");
        alert.mitreTechniques = a == 0 ? QStringList{QStringLiteral("T1059.001")}
                                       : QStringList{QStringLiteral("T1566.001")};
        alert.createdTime = incident.createdTime.addSecs(qint64(a) * 60);
        alert.alertWebUrl
                = a == 0 ? kAlertUrl
                         : QStringLiteral("https://security.microsoft.com.evil.example/a");
        alert.description = QStringLiteral("An encoded command ran.");
        alert.customDetailsJson = R"({"Location": "NL", "Attempts": 12})";
        alert.additionalDataJson = R"({"<b>Feed</b>": {"name": "intel"}})";
        alert.evidence = a == 0 ? QList<Entity>{device, process} : QList<Entity>{mail};
        d.alerts.append(alert);
    }
    d.totalAlerts = 3;
    d.entities = {device, process, mail};
    return d;
}

/** Triggers the action named objectName of the context menu that the next call opens. */
void chooseFromNextMenu(const char *objectName)
{
    QTimer::singleShot(50, [objectName] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        QVERIFY(menu);
        auto *action = menu->findChild<QAction *>(QLatin1String(objectName));
        QVERIFY2(action, objectName);
        QVERIFY(action->isEnabled());
        action->trigger();
        menu->close();
    });
}

/** How many pixels of a column the view shows now (scrolled-away parts do not count). */
int visibleWidth(QTreeView *view, int column)
{
    const QHeaderView *header = view->header();
    if (header->isSectionHidden(column))
        return 0;
    const int left = header->sectionViewportPosition(column);
    const int right = left + header->sectionSize(column);
    return std::max(0, std::min(right, view->viewport()->width()) - std::max(left, 0));
}

} // namespace

class TestReadingUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void titlesReadableAt1280();
    void titleColumnResizes();
    void rightColumnsReachableAt1280();
    void splitterStaysWhereItWasPut();
    void detailPaneBelowOrHidden();
    void loadedAlertCountInQueue();
    void incidentTextsShown();
    void alertsShowTechniquesAndFilter();
    void alertDetailOpensWithEnter();
    void entityDetailAndFilter();
    void copyRowsCellsAndFields();

private:
    void makeWindow();
    bool showAndSelect(qint64 number);
    QTreeView *queueView() const { return m_window->queueView(); }
    QTreeView *alertView() const
    {
        return m_window->findChild<QTreeView *>(QStringLiteral("alertList"));
    }

    template<typename T>
    T *child(const char *name) const
    {
        return m_window->findChild<T *>(QLatin1String(name));
    }
    QDialog *openDialog(const char *name) const
    {
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            if (widget->objectName() == QLatin1String(name) && widget->isVisible())
                return qobject_cast<QDialog *>(widget);
        }
        return nullptr;
    }

    std::unique_ptr<MainWindow> m_window;
    QList<Incident> m_incidents;
    QList<QUrl> m_opened;
};

void TestReadingUi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("VigilTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_readingui"));
}

void TestReadingUi::init()
{
    QSettings().clear();
    m_incidents = Synthetic::incidents(1200, kBase);
    m_incidents[kLongTitle - 1].title = kLongTitleText;
    m_incidents[kBigIncident - 1].alertCount = 420;
    m_incidents[kLongToken - 1].title = QStringLiteral("Suspicious file ")
                                        + QStringLiteral("C:\\Users\\megan\\AppData").repeated(6);
    makeWindow();
}

void TestReadingUi::cleanup()
{
    m_window.reset();
}

void TestReadingUi::makeWindow()
{
    m_window = std::make_unique<MainWindow>(nullptr);
    m_window->restoreSettings();
    m_window->resize(1280, 720);
    connect(m_window.get(), &MainWindow::detailRequested, m_window.get(),
            [this](qint64 number, bool allAlerts) {
                QTimer::singleShot(5, m_window.get(), [this, number, allAlerts] {
                    const Incident &incident = m_incidents.at(int(number - 1));
                    IncidentDetail detail
                            = number == kRich
                                      ? richDetail(incident)
                                      : Synthetic::detail(incident,
                                                          allAlerts ? -1 : kAlertDisplayLimit);
                    m_window->showIncidentDetail(detail);
                });
            });
    m_window->setUrlOpener([this](const QUrl &url) {
        m_opened << url;
        return true;
    });
    m_window->setIncidents(m_incidents);
}

bool TestReadingUi::showAndSelect(qint64 number)
{
    if (!m_window->isVisible()) {
        m_window->show();
        if (!QTest::qWaitForWindowExposed(m_window.get()))
            return false;
    }
    QSignalSpy shown(m_window.get(), &MainWindow::detailShown);
    if (!m_window->selectIncident(number))
        return false;
    return shown.wait(2000) || !shown.isEmpty();
}

void TestReadingUi::titlesReadableAt1280()
{
    QVERIFY(showAndSelect(kLongTitle));
    QCOMPARE(m_window->size(), QSize(1280, 720));
    const int readable = 40 * queueView()->fontMetrics().averageCharWidth();
    QTRY_VERIFY2(visibleWidth(queueView(), IncidentQueueModel::TitleColumn) >= readable,
                 qPrintable(QStringLiteral("queue title %1 px, want %2")
                                    .arg(visibleWidth(queueView(), IncidentQueueModel::TitleColumn))
                                    .arg(readable)));
    QVERIFY(alertView()->isVisible());
    QTRY_VERIFY2(visibleWidth(alertView(), 0) >= readable,
                 qPrintable(QStringLiteral("alert title %1 px, want %2")
                                    .arg(visibleWidth(alertView(), 0))
                                    .arg(readable)));
    // The text drawn is the title, not "M…": the first 30 characters fit in what is visible.
    const QString start = kLongTitleText.left(30);
    QVERIFY(queueView()->fontMetrics().horizontalAdvance(start)
            < visibleWidth(queueView(), IncidentQueueModel::TitleColumn));

    // The same after the window is made wider and narrower again.
    m_window->resize(1600, 900);
    QTRY_VERIFY(visibleWidth(queueView(), IncidentQueueModel::TitleColumn) >= readable);
    m_window->resize(1280, 720);
    QTRY_VERIFY(visibleWidth(queueView(), IncidentQueueModel::TitleColumn) >= readable);
    QTRY_VERIFY(visibleWidth(alertView(), 0) >= readable);
}

void TestReadingUi::titleColumnResizes()
{
    QVERIFY(showAndSelect(kLongTitle));
    QHeaderView *header = queueView()->header();
    QCOMPARE(header->sectionResizeMode(IncidentQueueModel::TitleColumn), QHeaderView::Interactive);
    const int before = header->sectionSize(IncidentQueueModel::TitleColumn);
    // Drag the title's right edge 150 px to the right, as the analyst would.
    const int edge = header->sectionViewportPosition(IncidentQueueModel::TitleColumn) + before - 1;
    const int y = header->height() / 2;
    QTest::mousePress(header->viewport(), Qt::LeftButton, {}, QPoint(edge, y));
    for (int step = 1; step <= 15; ++step)
        QTest::mouseMove(header->viewport(), QPoint(edge + step * 10, y));
    QTest::mouseRelease(header->viewport(), Qt::LeftButton, {}, QPoint(edge + 150, y));
    QTRY_VERIFY2(header->sectionSize(IncidentQueueModel::TitleColumn) >= before + 140,
                 qPrintable(QString::number(header->sectionSize(IncidentQueueModel::TitleColumn))));
    // Other incidents keep the analyst's width.
    const int dragged = header->sectionSize(IncidentQueueModel::TitleColumn);
    QVERIFY(showAndSelect(kBigIncident));
    QCOMPARE(header->sectionSize(IncidentQueueModel::TitleColumn), dragged);

    // Narrowing another column gives its width to the title.
    const int owner = header->sectionSize(IncidentQueueModel::OwnerColumn);
    header->resizeSection(IncidentQueueModel::OwnerColumn, owner + 60);
    QCOMPARE(header->sectionSize(IncidentQueueModel::TitleColumn), dragged);
}

void TestReadingUi::rightColumnsReachableAt1280()
{
    QVERIFY(showAndSelect(kLongTitle));
    QCOMPARE(m_window->size(), QSize(1280, 720));
    QTreeView *view = queueView();
    QHeaderView *header = view->header();
    const int readable = 40 * view->fontMetrics().averageCharWidth();
    const int title = IncidentQueueModel::TitleColumn;
    const int sla = IncidentQueueModel::SlaColumn;
    QTRY_VERIFY(visibleWidth(view, title) >= readable);
    const auto whole = [view, header](int column) {
        return visibleWidth(view, column) == header->sectionSize(column);
    };
    // The columns right of the title, as shown; at this width the last ones are out of view.
    QList<int> right;
    for (int visual = header->visualIndex(title) + 1; visual < header->count(); ++visual) {
        if (!header->isSectionHidden(header->logicalIndex(visual)))
            right << header->logicalIndex(visual);
    }
    QCOMPARE(right.last(), sla);
    QVERIFY(!whole(sla));

    // Right (as in any list) moves the queue sideways until each of them has been in view
    // whole; the title keeps its width.
    view->setFocus();
    QSet<int> seen;
    for (int step = 0; step < 100 && !whole(sla); ++step) {
        QTest::keyClick(view, Qt::Key_Right);
        for (const int column : std::as_const(right)) {
            if (whole(column))
                seen.insert(column);
        }
    }
    QVERIFY(whole(sla));
    for (const int column : std::as_const(right))
        QVERIFY2(seen.contains(column), qPrintable(QString::number(column)));
    QVERIFY(header->sectionSize(title) >= readable);

    // Moving through the queue keeps them in view: j, the arrow keys, a click, a selection.
    const qint64 before = m_window->currentIncidentNumber();
    QTest::keyClick(view, Qt::Key_J);
    QTRY_VERIFY(m_window->currentIncidentNumber() != before);
    QVERIFY(whole(sla));
    QTest::keyClick(view, Qt::Key_Down);
    QVERIFY(whole(sla));
    QTest::keyClick(view, Qt::Key_K);
    QVERIFY(whole(sla));
    const int row = view->currentIndex().row() + 1;
    const QRect cell = view->visualRect(view->model()->index(row, sla));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(view->currentIndex().row(), row);
    QVERIFY(whole(sla));
    QVERIFY(showAndSelect(kBigIncident));
    QVERIFY(whole(sla));

    // Left goes back to the title.
    for (int step = 0; step < 100 && visibleWidth(view, title) < readable; ++step)
        QTest::keyClick(view, Qt::Key_Left);
    QVERIFY(visibleWidth(view, title) >= readable);

    // Or the column chooser (View → Columns…) makes room: with four columns fewer the SLA shows
    // beside a readable title without scrolling.
    static_assert(
            IncidentQueueModel::ProviderColumn == 6 && IncidentQueueModel::LastUpdatedColumn == 10
            && IncidentQueueModel::SyncStateColumn == 11 && IncidentQueueModel::AlertsColumn == 7);
    const std::pair<int, const char *> hide[]
            = {{6, "column6"}, {10, "column10"}, {11, "column11"}, {7, "column7"}};
    for (const auto &[column, name] : hide) {
        chooseFromNextMenu(name);
        child<QAction>("chooseColumns")->trigger();
        QTRY_VERIFY(header->isSectionHidden(column));
    }
    view->horizontalScrollBar()->setValue(0);
    QTRY_VERIFY(whole(sla));
    QVERIFY(visibleWidth(view, title) >= readable);
}

void TestReadingUi::splitterStaysWhereItWasPut()
{
    QVERIFY(showAndSelect(1));
    QSplitter *splitter = m_window->paneSplitter();
    QSplitterHandle *handle = splitter->handle(1);
    QVERIFY(handle && handle->isVisible());
    // The analyst drags the handle to the right, as far as it goes: the detail pane is narrow.
    const QPoint middle(handle->width() / 2, handle->height() / 2);
    const QList<int> initial = splitter->sizes();
    QTest::mousePress(handle, Qt::LeftButton, {}, middle);
    for (int step = 1; step <= 40; ++step)
        QTest::mouseMove(handle, middle + QPoint(step * 10, 0));
    QTest::mouseRelease(handle, Qt::LeftButton, {}, middle + QPoint(400, 0));
    QTRY_VERIFY2(
            splitter->sizes().at(0) >= initial.at(0) + 100,
            qPrintable(QStringLiteral("%1 -> %2").arg(initial.at(0)).arg(splitter->sizes().at(0))));
    const QList<int> put = splitter->sizes();

    // Long and short titles, the 150+ banner, a path no label can wrap: the splitter stays.
    for (const qint64 number : {kLongTitle, kBigIncident, kLongToken, qint64(2), kLongTitle}) {
        QVERIFY(showAndSelect(number));
        QCoreApplication::processEvents();
        QCOMPARE(splitter->sizes(), put);
    }
    QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("loadAllAlerts")),
                      Qt::LeftButton);
    QTRY_VERIFY(!m_window->detailView()->isLoading());
    QCoreApplication::processEvents();
    QCOMPARE(splitter->sizes(), put);

    // Restored at the next start.
    m_window->saveSettings();
    m_window.reset();
    makeWindow();
    QVERIFY(showAndSelect(kLongTitle));
    QCOMPARE(m_window->paneSplitter()->sizes(), put);
}

void TestReadingUi::detailPaneBelowOrHidden()
{
    QVERIFY(showAndSelect(kLongTitle));
    auto *below = m_window->findChild<QAction *>(QStringLiteral("detailPaneBelow"));
    auto *shown = m_window->findChild<QAction *>(QStringLiteral("showDetailPane"));
    QVERIFY(below && shown);
    QVERIFY(shown->isChecked());
    QVERIFY(!below->isChecked());
    below->trigger();
    QCOMPARE(m_window->paneSplitter()->orientation(), Qt::Vertical);
    // Below the queue, both get the window's whole width.
    QTRY_VERIFY(m_window->detailView()->width() > 1200);
    QTRY_VERIFY(visibleWidth(alertView(), 0) >= 60 * alertView()->fontMetrics().averageCharWidth());
    QVERIFY(queueView()->height() > 150);
    QVERIFY(alertView()->height() > 60);

    m_window->saveSettings();
    m_window.reset();
    makeWindow();
    QVERIFY(showAndSelect(kLongTitle));
    QCOMPARE(m_window->paneSplitter()->orientation(), Qt::Vertical);
    below = m_window->findChild<QAction *>(QStringLiteral("detailPaneBelow"));
    shown = m_window->findChild<QAction *>(QStringLiteral("showDetailPane"));
    QVERIFY(below->isChecked());

    // Hidden: the queue takes the whole window, and it stays so at the next start.
    shown->trigger();
    QVERIFY(!m_window->detailView()->isVisible());
    QTRY_VERIFY(queueView()->height() > 500);
    m_window->saveSettings();
    m_window.reset();
    makeWindow();
    QVERIFY(showAndSelect(kLongTitle));
    QVERIFY(!m_window->detailView()->isVisible());
    shown = m_window->findChild<QAction *>(QStringLiteral("showDetailPane"));
    QVERIFY(!shown->isChecked());
    shown->trigger();
    QVERIFY(m_window->detailView()->isVisible());
    below = m_window->findChild<QAction *>(QStringLiteral("detailPaneBelow"));
    below->trigger();
    QCOMPARE(m_window->paneSplitter()->orientation(), Qt::Horizontal);
}

void TestReadingUi::loadedAlertCountInQueue()
{
    QVERIFY(showAndSelect(kBigIncident));
    const IncidentQueueModel *model = m_window->queueModel();
    const QModelIndex cell
            = model->index(model->rowOfNumber(kBigIncident), IncidentQueueModel::AlertsColumn);
    QCOMPARE(cell.data().toString(), QStringLiteral("150+"));
    QSignalSpy shown(m_window.get(), &MainWindow::detailShown);
    QTest::mouseClick(child<QPushButton>("loadAllAlerts"), Qt::LeftButton);
    QTRY_COMPARE(shown.size(), 1);
    QCOMPARE(alertView()->model()->rowCount(), 420);
    // The row says how many there are now that they are all known.
    QCOMPARE(cell.data().toString(), QStringLiteral("420"));
    QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(QStringLiteral("420 alerts")));
    // It stays so while other incidents are read.
    QVERIFY(showAndSelect(1));
    QCOMPARE(cell.data().toString(), QStringLiteral("420"));
}

void TestReadingUi::incidentTextsShown()
{
    QVERIFY(showAndSelect(kRich));
    auto *texts = child<QPlainTextEdit>("detailTexts");
    QVERIFY(texts && texts->isVisible());
    const QString shown = texts->toPlainText();
    // Plain text: the markup is there as characters, not as formatting.
    QVERIFY2(shown.contains(QStringLiteral("Summary\n<b>Three</b> devices encrypted by one user.")),
             qPrintable(shown));
    QVERIFY(shown.contains(QStringLiteral("Description\nRansomware on finance devices.")));
    QVERIFY(shown.contains(
            QStringLiteral("Resolving comment\nDevices reimaged; <script>x</script>")));
    QVERIFY(child<QLabel>("detailUpdated")->text().endsWith(QStringLiteral(" by API-App:vigil")));
    // An incident without them shows no empty box.
    QVERIFY(showAndSelect(2));
    QVERIFY(!texts->isVisible());
}

void TestReadingUi::alertsShowTechniquesAndFilter()
{
    QVERIFY(showAndSelect(kRich));
    QAbstractItemModel *alerts = alertView()->model();
    QCOMPARE(alerts->rowCount(), 3);
    QCOMPARE(alerts->headerData(AlertListModel::MitreColumn, Qt::Horizontal).toString(),
             QStringLiteral("MITRE techniques"));
    QVERIFY(!alertView()->isColumnHidden(AlertListModel::MitreColumn));
    QVERIFY(visibleWidth(alertView(), AlertListModel::MitreColumn) > 0
            || alertView()->header()->sectionSize(AlertListModel::MitreColumn) > 40);
    // Beside the tactic.
    QCOMPARE(alertView()->header()->visualIndex(AlertListModel::MitreColumn),
             alertView()->header()->visualIndex(AlertListModel::CategoryColumn) + 1);
    QStringList techniques;
    for (int row = 0; row < alerts->rowCount(); ++row)
        techniques << alerts->index(row, AlertListModel::MitreColumn).data().toString();
    QVERIFY(techniques.contains(QStringLiteral("T1059.001")));

    auto *filter = child<QLineEdit>("alertFilter");
    QVERIFY(filter && filter->isVisible());
    QVERIFY(!child<QLineEdit>("entityFilter")->isVisible());
    filter->setFocus();
    QTest::keyClicks(filter, QStringLiteral("t1059"));
    QCOMPARE(alerts->rowCount(), 1);
    QVERIFY(alerts->index(0, 0).data().toString().startsWith(QStringLiteral("Suspicious")));
    QTest::keyClicks(filter, QStringLiteral("x"));
    QCOMPARE(alerts->rowCount(), 0);
    filter->clear();
    QCOMPARE(alerts->rowCount(), 3);
}

void TestReadingUi::alertDetailOpensWithEnter()
{
    QVERIFY(showAndSelect(kRich));
    QApplication::setActiveWindow(m_window.get());
    alertView()->setFocus();
    QAbstractItemModel *alerts = alertView()->model();
    int first = -1;
    for (int row = 0; row < alerts->rowCount(); ++row) {
        if (alerts->index(row, AlertListModel::AlertIdColumn).data().toString() == u"da7_0")
            first = row;
    }
    QVERIFY(first >= 0);
    alertView()->setCurrentIndex(alerts->index(first, 0));
    QTest::keyClick(alertView(), Qt::Key_Return);
    QDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = openDialog("alertDetailDialog")) != nullptr);

    auto *title = dialog->findChild<QLabel *>(QStringLiteral("alertDetailTitle"));
    QCOMPARE(title->textFormat(), Qt::PlainText);
    QCOMPARE(title->text(), QStringLiteral("Suspicious PowerShell command line <i>encoded</i>"));
    auto *fields = dialog->findChild<QTreeWidget *>(QStringLiteral("alertDetailFields"));
    QVERIFY(fields);
    const auto value = [](QTreeWidget *tree, const QString &label) {
        const QList<QTreeWidgetItem *> items
                = tree->findItems(label, Qt::MatchExactly | Qt::MatchRecursive, 0);
        return items.isEmpty() ? QStringLiteral("(missing)") : items.first()->text(1);
    };
    QCOMPARE(value(fields, QStringLiteral("MITRE techniques")), QStringLiteral("T1059.001"));
    QCOMPARE(value(fields, QStringLiteral("Category (tactic)")), QStringLiteral("Execution"));
    QCOMPARE(value(fields, QStringLiteral("Description")),
             QStringLiteral("An encoded command ran."));
    QCOMPARE(value(fields, QStringLiteral("Location")), QStringLiteral("NL"));
    QCOMPARE(value(fields, QStringLiteral("Attempts")), QStringLiteral("12"));
    QCOMPARE(value(fields, QStringLiteral("<b>Feed</b>")), QStringLiteral("name: intel"));

    // Its own evidence, with what Graph says of each piece.
    auto *evidenceTree = dialog->findChild<QTreeWidget *>(QStringLiteral("alertEvidence"));
    QVERIFY(evidenceTree);
    QCOMPARE(evidenceTree->topLevelItemCount(), 2);
    QCOMPARE(value(evidenceTree, QStringLiteral("Health")), QStringLiteral("active"));
    QCOMPARE(value(evidenceTree, QStringLiteral("Risk")), QStringLiteral("high"));
    QCOMPARE(value(evidenceTree, QStringLiteral("Parent image file")),
             QStringLiteral("fileName: winword.exe"));
    QCOMPARE(value(evidenceTree, QStringLiteral("Parent process id")), QStringLiteral("811"));

    // The Defender link as text, and opened through the allow-list.
    QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("alertDefenderLink"))->text(), kAlertUrl);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("openAlertInDefender")),
                      Qt::LeftButton);
    QCOMPARE(m_opened, QList<QUrl>{QUrl(kAlertUrl)});
    dialog->close();
    QTRY_VERIFY(!openDialog("alertDetailDialog"));

    // A link off the portal's hosts is never opened; double-click opens the detail too.
    int second = -1;
    for (int row = 0; row < alerts->rowCount(); ++row) {
        if (alerts->index(row, AlertListModel::AlertIdColumn).data().toString() == u"da7_1")
            second = row;
    }
    const QRect rect = alertView()->visualRect(alerts->index(second, 0));
    QTest::mouseClick(alertView()->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(alertView()->viewport(), Qt::LeftButton, {}, rect.center());
    QTRY_VERIFY((dialog = openDialog("alertDetailDialog")) != nullptr);
    auto *evidenceOfSecond = dialog->findChild<QTreeWidget *>(QStringLiteral("alertEvidence"));
    QCOMPARE(value(evidenceOfSecond, QStringLiteral("Delivery location")), QStringLiteral("inbox"));
    QCOMPARE(value(evidenceOfSecond, QStringLiteral("Threats")), QStringLiteral("Phish; Malware"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("openAlertInDefender")),
                      Qt::LeftButton);
    QCOMPARE(m_opened.size(), 1);
    dialog->close();
}

void TestReadingUi::entityDetailAndFilter()
{
    QVERIFY(showAndSelect(kRich));
    auto *tabs = child<QTabWidget>("detailTabs");
    auto *entities = child<QTreeView>("entityView");
    tabs->setCurrentWidget(entities);
    auto *filter = child<QLineEdit>("entityFilter");
    QVERIFY(filter->isVisible());
    QVERIFY(!child<QLineEdit>("alertFilter")->isVisible());
    QAbstractItemModel *model = entities->model();
    QCOMPARE(model->rowCount(), 3); // devices, processes, emails
    QTest::keyClicks(filter, QStringLiteral("FIN-LT"));
    QCOMPARE(model->rowCount(), 1);
    const QModelIndex group = model->index(0, 0);
    QCOMPARE(model->rowCount(group), 1);
    const QModelIndex device = model->index(0, 0, group);
    QCOMPARE(device.data().toString(), QStringLiteral("fin-lt-2073"));
    // Open its detail with Enter.
    QApplication::setActiveWindow(m_window.get());
    entities->setFocus();
    entities->setCurrentIndex(device);
    QTest::keyClick(entities, Qt::Key_Return);
    QDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = openDialog("evidenceDetailDialog")) != nullptr);
    auto *tree = dialog->findChild<QTreeWidget *>(QStringLiteral("evidenceDetailFields"));
    QVERIFY(!tree->findItems(QStringLiteral("Onboarding"), Qt::MatchExactly | Qt::MatchRecursive)
                     .isEmpty());
    dialog->close();
    filter->clear();
    QCOMPARE(model->rowCount(), 3);
}

void TestReadingUi::copyRowsCellsAndFields()
{
    QVERIFY(showAndSelect(kRich));
    QClipboard *clipboard = QGuiApplication::clipboard();
    QVERIFY(clipboard);
    QApplication::setActiveWindow(m_window.get());

    // Ctrl+C on the alerts: the selected rows, tab-separated.
    QAbstractItemModel *alerts = alertView()->model();
    alertView()->setFocus();
    alertView()->setCurrentIndex(alerts->index(0, 0));
    clipboard->clear();
    QTest::keyClick(alertView(), Qt::Key_C, Qt::ControlModifier);
    const QStringList cells = clipboard->text().split(QLatin1Char('\t'));
    QVERIFY2(cells.size() >= 6, qPrintable(clipboard->text()));
    QCOMPARE(cells.first(), alerts->index(0, 0).data().toString());
    QVERIFY(cells.contains(QStringLiteral("High")));

    // The right-click menu copies one cell.
    const QModelIndex mitre = alerts->index(0, AlertListModel::MitreColumn);
    alertView()->scrollTo(mitre);
    clipboard->clear();
    chooseFromNextMenu("copyCell");
    Q_EMIT alertView()->customContextMenuRequested(alertView()->visualRect(mitre).center());
    QTRY_COMPARE(clipboard->text(), mitre.data().toString());
    // ... or the row, with Hunt still in the menu.
    clipboard->clear();
    QTimer::singleShot(50, [] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        QVERIFY(menu && menu->findChild<QAction *>(QStringLiteral("huntAction")));
    });
    chooseFromNextMenu("copyRow");
    Q_EMIT alertView()->customContextMenuRequested(alertView()->visualRect(mitre).center());
    QTRY_VERIFY(clipboard->text().contains(mitre.data().toString()));

    // Entities: the whole value, also in a tree.
    auto *tabs = child<QTabWidget>("detailTabs");
    auto *entities = child<QTreeView>("entityView");
    tabs->setCurrentWidget(entities);
    QAbstractItemModel *model = entities->model();
    const QModelIndex process = model->index(0, 0, model->index(1, 0));
    QVERIFY(process.isValid());
    entities->setFocus();
    entities->setCurrentIndex(process);
    entities->selectionModel()->select(process, QItemSelectionModel::ClearAndSelect
                                                        | QItemSelectionModel::Rows);
    clipboard->clear();
    QTest::keyClick(entities, Qt::Key_C, Qt::ControlModifier);
    QVERIFY2(clipboard->text().startsWith(process.data().toString() + QLatin1Char('\t')),
             qPrintable(clipboard->text()));

    // A detail field: right-click and Ctrl+C copy its whole value.
    auto *defenderId = child<QLabel>("detailDefenderId");
    clipboard->clear();
    chooseFromNextMenu("copyLabel");
    Q_EMIT defenderId->customContextMenuRequested(QPoint(2, 2));
    QTRY_COMPARE(clipboard->text(), m_incidents.at(kRich - 1).providerIncidentId);
    auto *severity = child<QLabel>("detailSeverity");
    severity->setFocus();
    clipboard->clear();
    QTest::keyClick(severity, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(clipboard->text(), severity->text());
}

QTEST_MAIN(TestReadingUi)
#include "tst_readingui.moc"
