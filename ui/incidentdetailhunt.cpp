// The detail pane's pivots to hunting: "Hunt" on an alert, a device, a user, a file or an IP.
#include "incidentdetailview.h"

#include "alertlistmodel.h"
#include "copysupport.h"
#include "entitytreemodel.h"
#include "huntingpivot.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QMenu>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeView>

namespace Vigil {

void IncidentDetailView::setUpHunting()
{
    m_hunt = new QPushButton(tr("Hunt"), m_tabs);
    m_hunt->setObjectName(QStringLiteral("huntButton"));
    m_hunt->setAccessibleName(tr("Hunt for the selected alert or entity"));
    m_hunt->setToolTip(tr("Open the hunting page with a query for the selected alert, device, "
                          "user, file or IP, over the incident's time, and run it"));
    connect(m_hunt, &QPushButton::clicked, this, &IncidentDetailView::huntCurrent);
    m_tabs->setCornerWidget(m_hunt, Qt::TopRightCorner);
    for (QTreeView *view : {m_alertView, m_entityView}) {
        // The context menu: Hunt, then copying (CopySupport adds those and shows it).
        CopySupport::install(view, [this](QMenu *menu, const QModelIndex &) {
            QAction *hunt = menu->addAction(tr("Hunt"), this, &IncidentDetailView::huntCurrent);
            hunt->setObjectName(QStringLiteral("huntAction"));
            hunt->setEnabled(currentHuntPivot().has_value());
        });
        connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this,
                &IncidentDetailView::updateHuntButton);
    }
    connect(m_tabs, &QTabWidget::currentChanged, this, &IncidentDetailView::updateHuntButton);
    connect(m_alertModel, &QAbstractItemModel::modelReset, this,
            &IncidentDetailView::updateHuntButton);
    connect(m_entityModel, &QAbstractItemModel::modelReset, this,
            &IncidentDetailView::updateHuntButton);
    updateHuntButton();
}

std::optional<HuntPivot> IncidentDetailView::currentHuntPivot() const
{
    if (m_tabs->currentWidget() == m_alertView) {
        const QModelIndex index = m_alertView->currentIndex();
        if (!index.isValid())
            return std::nullopt;
        return huntPivotForAlert(index.data(AlertListModel::AlertRole).value<Alert>());
    }
    if (m_tabs->currentWidget() == m_entityView) {
        const QModelIndex index = m_entityView->currentIndex();
        if (!index.isValid() || index.data(EntityTreeModel::IsGroupRole).toBool())
            return std::nullopt;
        const QModelIndex first = index.siblingAtColumn(0);
        return huntPivotForEntity(first.data(EntityTreeModel::EntityRole).value<Entity>(),
                                  m_alertModel->alerts());
    }
    return std::nullopt;
}

void IncidentDetailView::huntCurrent()
{
    if (const std::optional<HuntPivot> pivot = currentHuntPivot())
        Q_EMIT huntRequested(*pivot);
}

void IncidentDetailView::updateHuntButton()
{
    const bool huntable = currentHuntPivot().has_value();
    m_hunt->setEnabled(huntable);
    m_hunt->setVisible(m_tabs->currentWidget() == m_alertView
                       || m_tabs->currentWidget() == m_entityView);
}

} // namespace Vigil
