#include "alertlistmodel.h"

#include "displaytext.h"
#include "vocabulary.h"

#include <QUrl>

namespace Vigil {

AlertListModel::AlertListModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

int AlertListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_alerts.size());
}

int AlertListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AlertListModel::alertStatusLabel(const QString &graphStatus)
{
    const QString status = canonicalEnumValue(GraphEnum::AlertStatus, graphStatus);
    if (status == QLatin1String("new"))
        return tr("New");
    if (status == QLatin1String("inProgress"))
        return tr("In progress");
    if (status == QLatin1String("resolved"))
        return tr("Resolved");
    if (status.isEmpty() || status == QLatin1String("unknown")
        || status == QLatin1String("unknownFutureValue"))
        return tr("Unknown");
    return graphStatus;
}

QString AlertListModel::displayText(const Alert &alert, int column)
{
    switch (column) {
    case TitleColumn:
        return alert.title;
    case SeverityColumn:
        return severityLabel(alert.severity);
    case StatusColumn:
        return alertStatusLabel(alert.status);
    case ProductColumn:
        return productShortName(alert.serviceSource);
    case CategoryColumn:
        return alert.category;
    case MitreColumn:
        return alert.mitreTechniques.join(QStringLiteral(", "));
    case CreatedColumn:
        return alert.createdTime.isValid() ? alert.createdTime.toLocalTime().toString(
                       QStringLiteral("yyyy-MM-dd HH:mm"))
                                           : QString();
    case AlertIdColumn:
        return alert.id;
    default:
        break;
    }
    return {};
}

QVariant AlertListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Alert &alert = m_alerts.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        // Capped: a 10 MB alert title must not hold the GUI thread; AlertRole keeps it whole.
        return elidedText(displayText(alert, column));
    case Qt::ToolTipRole:
        if (column == TitleColumn)
            return plainToolTip(alert.description.isEmpty() ? alert.title : alert.description);
        if (column == ProductColumn)
            return plainToolTip(productDisplayName(alert.serviceSource));
        if (column == CategoryColumn || column == StatusColumn || column == AlertIdColumn
            || column == MitreColumn)
            return plainToolTip(displayText(alert, column));
        return {};
    case Qt::DecorationRole:
        if (column == SeverityColumn) {
            const QIcon &icon = m_severityIcons[size_t(severityRank(alert.severity))];
            return icon.isNull() ? QVariant() : QVariant(icon);
        }
        return {};
    case kCopyTextRole:
        return displayText(alert, column);
    case AlertIdRole:
        return alert.id;
    case SortRole:
        switch (column) {
        case SeverityColumn:
            return severityRank(alert.severity);
        case CreatedColumn:
            return alert.createdTime;
        default:
            return data(index, Qt::DisplayRole);
        }
    case AlertRole:
        return QVariant::fromValue(alert);
    case SeverityRankRole:
        return severityRank(alert.severity);
    case WebUrlRole:
        return QUrl(alert.alertWebUrl);
    default:
        break;
    }
    return {};
}

QVariant AlertListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0
        || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TitleColumn:
        return tr("Alert");
    case SeverityColumn:
        return tr("Severity");
    case StatusColumn:
        return tr("Status");
    case ProductColumn:
        return tr("Product");
    case CategoryColumn:
        return tr("Category");
    case MitreColumn:
        return tr("MITRE techniques");
    case CreatedColumn:
        return tr("Created");
    case AlertIdColumn:
        return tr("Alert id");
    default:
        break;
    }
    return {};
}

void AlertListModel::setAlerts(const QList<Alert> &alerts)
{
    beginResetModel();
    m_alerts = alerts;
    endResetModel();
}

void AlertListModel::setSeverityIcons(const SeverityIcons &icons)
{
    m_severityIcons = icons;
    if (!m_alerts.isEmpty())
        Q_EMIT dataChanged(index(0, SeverityColumn),
                           index(int(m_alerts.size()) - 1, SeverityColumn), {Qt::DecorationRole});
}

} // namespace Vigil
