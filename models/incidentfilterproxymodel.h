#pragma once

#include <QList>
#include <QPointer>
#include <QSortFilterProxyModel>
#include <QString>

namespace Vigil {

class IncidentQueueModel;

/** @brief What the queue shows: the quick-filter text for now; chips come later. Any thread. */
struct IncidentFilter
{
    /** Free text matched case-insensitively against number, Defender id, title, owner and tags.
     *  "#123" matches incident 123 only. */
    QString text;

    bool isEmpty() const { return text.trimmed().isEmpty(); }
    friend bool operator==(const IncidentFilter &, const IncidentFilter &) = default;
};

/**
 * @brief Sorts and filters the incident queue for the view.
 *
 * Lives on the GUI thread. Sorts by IncidentQueueModel::SortRole (raw values, never display
 * text) and filters with one IncidentFilter value. With an IncidentQueueModel as source it reads
 * the model's cached per-row keys directly, and keeps the order of all rows for the sort column
 * so that a quick-filter keystroke compares integers only.
 */
class IncidentFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit IncidentFilterProxyModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *sourceModel) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    const IncidentFilter &filter() const { return m_filter; }
    void setFilter(const IncidentFilter &filter);
    /** Shorthand for setFilter() with only the quick-filter text. */
    void setQuickFilterText(const QString &text);

Q_SIGNALS:
    void filterChanged(const Vigil::IncidentFilter &filter);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void rebuildOrder(int column);
    void invalidateOrder() { m_orderColumn = -1; }

    QPointer<IncidentQueueModel> m_queue;
    IncidentFilter m_filter;
    QString m_needle; ///< lower-cased, trimmed filter text
    qint64 m_number = -1; ///< set when the text is "#<number>"
    QList<int> m_orderOfRow; ///< position of each source row in m_orderColumn's ascending order
    int m_orderColumn = -1; ///< -1 when m_orderOfRow is stale
};

} // namespace Vigil
