#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace Vigil {

/** @brief A named way of looking at the queue: filter, sort keys and columns. Any thread. */
struct SavedView
{
    QString name;
    QString filter; ///< IncidentQuery text
    QList<std::pair<int, Qt::SortOrder>> sort; ///< first key first; empty: the default sort
    QList<int> columns; ///< visible columns (IncidentQueueModel::Column), in display order

    friend bool operator==(const SavedView &, const SavedView &) = default;
};

/**
 * @brief The analyst's saved views, kept in QSettings and exchanged as JSON files.
 *
 * Lives on the GUI thread. Names are unique, compared case-insensitively; the order is the order
 * of saving, and the first nine are switched to by Ctrl+1 ... Ctrl+9. The JSON file is
 * `{"vigilViews": 1, "views": [{"name", "filter", "sort": [{"column", "order"}], "columns"}]}`
 * with column names rather than numbers, so that a file survives a change of the column order.
 */
class SavedViews
{
public:
    const QList<SavedView> &views() const { return m_views; }
    /** Adds a view or replaces the one with the same name. */
    void save(const SavedView &view);
    bool rename(const QString &from, const QString &to);
    bool remove(const QString &name);
    std::optional<SavedView> find(const QString &name) const;

    /** From and to QSettings (group "queue/views"). */
    void load();
    void store() const;

    QByteArray toJson() const;
    /** Views read from a file's JSON: nullopt and an error message when it is not one. */
    static std::optional<QList<SavedView>> fromJson(const QByteArray &json, QString *error);
    /** Adds or replaces every view of a list; returns how many. */
    int merge(const QList<SavedView> &views);

    /** A view as a JSON object and back (also for the "last view" setting). */
    static QByteArray viewToJson(const SavedView &view);
    static std::optional<SavedView> viewFromJson(const QByteArray &json);

private:
    QList<SavedView> m_views;
};

} // namespace Vigil
