#pragma once

#include "incident.h"
#include "severityicons.h"

#include <QAbstractTableModel>
#include <QList>

namespace Vigil {

/**
 * @brief The alerts of one incident, as the detail view lists them.
 *
 * Lives on the GUI thread. Holds Alert values (at most the 150 the store sent unless the analyst
 * asked for all of them); setAlerts() replaces them with a model reset.
 */
class AlertListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TitleColumn,
        SeverityColumn,
        StatusColumn,
        ProductColumn,
        CategoryColumn, ///< Graph's category: the MITRE ATT&CK tactic
        MitreColumn, ///< the MITRE ATT&CK techniques, beside their tactic
        CreatedColumn,
        AlertIdColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        AlertIdRole = Qt::UserRole + 1, ///< QString, the Graph alert id
        SortRole, ///< raw value: severity rank, QDateTime, text
        AlertRole, ///< the whole Alert
        SeverityRankRole, ///< int, see severityRank()
        WebUrlRole, ///< QUrl of the alert in the Defender portal (unchecked)
    };

    explicit AlertListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setAlerts(const QList<Alert> &alerts);
    void clear() { setAlerts({}); }
    const QList<Alert> &alerts() const { return m_alerts; }

    void setSeverityIcons(const SeverityIcons &icons);

    /** "New", "In progress", "Resolved", "Unknown" or the wire value (translated). */
    static QString alertStatusLabel(const QString &graphStatus);

private:
    /** A cell's whole text, before it is capped for display. */
    static QString displayText(const Alert &alert, int column);

    QList<Alert> m_alerts;
    SeverityIcons m_severityIcons;
};

} // namespace Vigil
