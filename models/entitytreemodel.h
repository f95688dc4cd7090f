#pragma once

#include "incident.h"

#include <QAbstractItemModel>
#include <QList>

namespace Vigil {

/**
 * @brief The entities (evidence) of one incident, grouped by kind: devices, users, mailboxes,
 * files, processes, IP addresses, URLs, registry, then the rest.
 *
 * Lives on the GUI thread. Two levels: one top-level row per kind that occurs ("Devices (3)"),
 * its entities below. setEntities() replaces everything with a model reset.
 */
class EntityTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column {
        ValueColumn,
        DetailColumn,
        VerdictColumn,
        RemediationColumn,
        RolesColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        KindRole = Qt::UserRole + 1, ///< QString, Entity::kind (on groups and entities)
        IsGroupRole, ///< bool, true on the per-kind rows
        EntityRole, ///< the whole Entity (entities only)
        EntityCountRole, ///< int, entities in a group (groups only)
        FilterTextRole, ///< QString, what a filter box matches: an entity's columns and kind;
                        ///< empty on groups, so that a group shows only for its entities
    };

    explicit EntityTreeModel(QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setEntities(const QList<Entity> &entities);
    void clear() { setEntities({}); }
    int entityCount() const { return m_entityCount; }

    /** "noThreatsFound" → "No threats found": a readable form of a Graph enum value. */
    static QString readableEnumValue(const QString &wire);

private:
    /** A cell's whole text, before it is capped for display. */
    static QString entityText(const Entity &entity, int column);

    struct Group
    {
        QString kind;
        QString label;
        QList<Entity> entities;
    };

    QList<Group> m_groups;
    int m_entityCount = 0;
};

} // namespace Vigil
