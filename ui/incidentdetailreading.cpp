// Reading an incident in the detail pane: the filter boxes of the alerts and entities, copying
// from every list and field, an alert's or an entity's own detail, and the incident's texts.
#include "alertdetaildialog.h"
#include "alertlistmodel.h"
#include "copysupport.h"
#include "displaytext.h"
#include "entitytreemodel.h"
#include "incidentdetailview.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTreeView>
#include <QTreeWidget>

namespace Vigil {

namespace {

QLineEdit *makeFilterBox(const char *objectName, const QString &placeholder,
                         const QString &accessibleName, QWidget *parent)
{
    auto *box = new QLineEdit(parent);
    box->setObjectName(QLatin1String(objectName));
    box->setPlaceholderText(placeholder);
    box->setAccessibleName(accessibleName);
    box->setToolTip(accessibleName);
    box->setClearButtonEnabled(true);
    box->setFixedWidth(box->fontMetrics().horizontalAdvance(QLatin1Char('M')) * 13);
    return box;
}

} // namespace

void IncidentDetailView::setUpReading()
{
    // The filter boxes sit on the tab bar beside Hunt, one shown per tab: the pane has little
    // height at 1280×720, and the tabs stay the lists themselves.
    auto *corner = new QWidget(m_tabs);
    corner->setObjectName(QStringLiteral("detailTabCorner"));
    auto *cornerLayout = new QHBoxLayout(corner);
    cornerLayout->setContentsMargins(0, 0, 0, 0);
    cornerLayout->setSpacing(4);
    m_alertFilter = makeFilterBox("alertFilter", tr("Filter alerts"),
                                  tr("Filter the alerts by title, product, category, MITRE "
                                     "technique or id"),
                                  corner);
    m_entityFilter
            = makeFilterBox("entityFilter", tr("Filter entities"),
                            tr("Filter the entities by name, detail, verdict or kind"), corner);
    cornerLayout->addWidget(m_alertFilter);
    cornerLayout->addWidget(m_entityFilter);
    cornerLayout->addWidget(m_hunt);
    m_tabs->setCornerWidget(corner, Qt::TopRightCorner);
    corner->show();

    m_alertProxy->setFilterKeyColumn(-1);
    m_alertProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    connect(m_alertFilter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_alertProxy->setFilterFixedString(text);
        updateTabTitles();
    });
    connect(m_entityFilter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_entityProxy->setFilterFixedString(text);
        m_entityView->expandAll();
        updateTabTitles();
    });
    const auto showFilterOfTab = [this] {
        m_alertFilter->setVisible(m_tabs->currentWidget() == m_alertView);
        m_entityFilter->setVisible(m_tabs->currentWidget() == m_entityView);
    };
    connect(m_tabs, &QTabWidget::currentChanged, this, showFilterOfTab);
    showFilterOfTab();
    updateHuntButton();

    // Double-click or Enter opens the alert's (the entity's) own detail.
    connect(m_alertView, &QAbstractItemView::activated, this, &IncidentDetailView::openAlertDetail);
    connect(m_entityView, &QAbstractItemView::activated, this,
            &IncidentDetailView::openEntityDetail);

    // Copying: the alert and entity lists got theirs with the Hunt menu (setUpHunting).
    CopySupport::install(m_comments);
    CopySupport::install(m_activity);
    for (QLabel *label : findChildren<QLabel *>()) {
        if (label->textFormat() == Qt::PlainText && label->buddy() == nullptr
            && label->objectName().startsWith(QLatin1String("detail")))
            CopySupport::install(label);
    }
}

void IncidentDetailView::fillTexts(const Incident &incident)
{
    QStringList parts;
    const auto add = [&parts](const QString &heading, const QString &text) {
        if (!text.trimmed().isEmpty())
            parts << heading + QLatin1Char('\n') + elidedText(text.trimmed(), 20000);
    };
    add(tr("Summary"), incident.summary);
    add(tr("Description"), incident.description);
    add(tr("Resolving comment"), incident.resolvingComment);
    m_texts->setPlainText(parts.join(QStringLiteral("\n\n")));
    m_texts->setVisible(!parts.isEmpty());
}

void IncidentDetailView::openAlertDetail(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const auto alert = index.data(AlertListModel::AlertRole).value<Alert>();
    auto *dialog = new AlertDetailDialog(alert, this);
    connect(dialog, &AlertDetailDialog::openInDefenderRequested, this,
            &IncidentDetailView::alertLinkRequested);
    dialog->show();
}

void IncidentDetailView::openEntityDetail(const QModelIndex &index)
{
    if (!index.isValid() || index.data(EntityTreeModel::IsGroupRole).toBool())
        return;
    const auto entity = index.siblingAtColumn(0).data(EntityTreeModel::EntityRole).value<Entity>();
    AlertDetailDialog::evidenceDialog(entity, this)->show();
}

} // namespace Vigil
