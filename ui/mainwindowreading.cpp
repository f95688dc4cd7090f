// Reading incidents in the window: where the detail pane sits (beside the queue or below it,
// shown or hidden, a splitter that stays where the analyst put it), alerts' Defender links, and
// the queue's alert count once all alerts were loaded.
#include "cloud.h"
#include "incidentdetailview.h"
#include "incidentqueuemodel.h"
#include "mainwindow.h"
#include "uilogging.h"

#include <QAction>
#include <QMenu>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>

namespace Vigil {

namespace {

constexpr auto kDetailShownKey = "mainWindow/detailShown";

} // namespace

void MainWindow::setUpReading(QMenu *menu)
{
    connect(m_detail, &IncidentDetailView::alertLinkRequested, this,
            &MainWindow::openAlertInDefender);

    // The splitter gives each pane at least its minimum size. Left to the panes, that minimum
    // follows their content (a longer title, the alert-cap banner's buttons, more filter chips)
    // and the splitter moved by itself from one incident to the next; fixed minimums keep it
    // where the analyst put it.
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    for (int i = 0; i < m_splitter->count(); ++i) {
        m_splitter->widget(i)->setMinimumWidth(em * 22);
        m_splitter->widget(i)->setMinimumHeight(fontMetrics().height() * 8);
    }

    menu->addSeparator();
    m_showDetail = menu->addAction(tr("Show the &detail pane"));
    m_showDetail->setObjectName(QStringLiteral("showDetailPane"));
    m_showDetail->setCheckable(true);
    m_showDetail->setChecked(true);
    m_showDetail->setToolTip(tr("Hide the detail pane to give the queue the whole width"));
    connect(m_showDetail, &QAction::toggled, this, &MainWindow::setDetailPaneShown);
    m_detailBelow = menu->addAction(tr("Detail pane &below the queue"));
    m_detailBelow->setObjectName(QStringLiteral("detailPaneBelow"));
    m_detailBelow->setCheckable(true);
    m_detailBelow->setToolTip(tr("Show the detail pane under the queue instead of beside it"));
    connect(m_detailBelow, &QAction::toggled, this, &MainWindow::setDetailPaneBelow);
}

void MainWindow::openAlertInDefender(const QString &alertWebUrl)
{
    // The same allow-list as the incident's link: a hostile URL never reaches the browser.
    const QUrl url = portalAlertUrl(alertWebUrl, m_cloud);
    if (url.isEmpty()) {
        qCInfo(lcUi) << "an alert link that may not be opened was refused";
        statusBar()->showMessage(tr("This alert has no Microsoft 365 Defender link that may be "
                                    "opened."),
                                 6000);
        return;
    }
    Q_EMIT linkRequested(url);
    if (m_urlOpener && !m_urlOpener(url))
        showBanner(tr("No web browser could be started for %1. Copy the address and open it "
                      "yourself.")
                           .arg(url.toDisplayString()),
                   false);
}

void MainWindow::noteLoadedAlerts(const IncidentDetail &detail)
{
    // After "Load all alerts" the count is known: the queue row says it instead of "150+".
    const int loaded = int(detail.alerts.size());
    if (loaded > kAlertDisplayLimit && loaded >= detail.totalAlerts)
        m_model->setLoadedAlertCount(detail.incident.number, loaded);
}

void MainWindow::setDetailPaneBelow(bool below)
{
    const Qt::Orientation orientation = below ? Qt::Vertical : Qt::Horizontal;
    if (m_detailBelow->isChecked() != below)
        m_detailBelow->setChecked(below);
    if (m_splitter->orientation() == orientation)
        return;
    m_splitter->setOrientation(orientation);
    // The old sizes were for the other direction: start from a split that suits this one.
    const int total = below ? m_splitter->height() : m_splitter->width();
    const int queue = below ? total * 55 / 100 : total * 62 / 100;
    m_splitter->setSizes({queue, total - queue});
}

void MainWindow::setDetailPaneShown(bool shown)
{
    if (m_showDetail->isChecked() != shown)
        m_showDetail->setChecked(shown);
    m_detail->setVisible(shown);
    m_detailBelow->setEnabled(shown);
}

void MainWindow::savePaneLayout(QSettings &settings) const
{
    settings.setValue(QLatin1String(kDetailShownKey), m_showDetail->isChecked());
}

void MainWindow::restorePaneLayout(QSettings &settings)
{
    // The splitter's own state (restored before) holds its orientation and sizes.
    m_detailBelow->setChecked(m_splitter->orientation() == Qt::Vertical);
    setDetailPaneShown(settings.value(QLatin1String(kDetailShownKey), true).toBool());
}

} // namespace Vigil
