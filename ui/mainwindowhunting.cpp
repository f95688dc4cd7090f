// The window's hunting page: `g h`, View → Hunting, and the detail pane's "Hunt" pivots.
#include "mainwindow.h"

#include "huntingpage.h"
#include "huntingtab.h"
#include "incidentdetailview.h"
#include "kqleditor.h"

#include <QStackedWidget>

namespace Vigil {

void MainWindow::createHuntingPage()
{
    m_huntingPage = new HuntingPage(m_pages);
    m_pages->addWidget(m_huntingPage);
    connect(m_detail, &IncidentDetailView::huntRequested, this, [this](const HuntPivot &pivot) {
        showHuntingPage();
        m_huntingPage->openPivot(pivot);
    });
}

bool MainWindow::isHuntingPageShown() const
{
    return m_pages->currentWidget() == m_huntingPage;
}

void MainWindow::showHuntingPage()
{
    m_pages->setCurrentWidget(m_huntingPage);
    updateActions();
    if (HuntingTab *tab = m_huntingPage->currentTab())
        tab->editor()->setFocus(Qt::ShortcutFocusReason);
}

} // namespace Vigil
