// The window's outbox page: `g o`, View → Outbox; the edits Defender has not accepted yet.
#include "mainwindow.h"

#include "outboxpage.h"

#include <QAction>
#include <QStackedWidget>
#include <QTreeWidget>

namespace Vigil {

void MainWindow::createOutboxPage()
{
    m_outboxPage = new OutboxPage(m_controller, m_pages);
    m_pages->addWidget(m_outboxPage);
    m_outboxPage->setTitleLookup([this](qint64 number) {
        const Incident *incident = incidentOf(number);
        return incident ? incident->title : QString();
    });
    connect(m_outboxPage, &OutboxPage::incidentActivated, this, [this](qint64 number) {
        showQueue();
        selectIncident(number);
    });
    m_goOutbox = new QAction(tr("O&utbox"), this);
    m_goOutbox->setObjectName(QStringLiteral("goToOutbox"));
    m_goOutbox->setShortcut(QKeySequence(Qt::Key_G, Qt::Key_O));
    m_goOutbox->setToolTip(
            tr("Go to the outbox: edits not yet accepted by Microsoft 365 Defender (G O)"));
    connect(m_goOutbox, &QAction::triggered, this, &MainWindow::showOutboxPage);
    addAction(m_goOutbox);
}

bool MainWindow::isOutboxPageShown() const
{
    return m_pages->currentWidget() == m_outboxPage;
}

void MainWindow::showOutboxPage()
{
    m_pages->setCurrentWidget(m_outboxPage);
    updateActions();
    m_outboxPage->table()->setFocus(Qt::ShortcutFocusReason);
}

} // namespace Vigil
