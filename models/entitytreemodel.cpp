#include "entitytreemodel.h"

#include "displaytext.h"
#include "vocabulary.h"

#include <QHash>

#include <algorithm>

namespace Vigil {

namespace {

// Analysts scan hosts and identities first, then artefacts, then network indicators.
int kindOrder(const QString &kind)
{
    static const QStringList order = {
            QStringLiteral("device"),
            QStringLiteral("user"),
            QStringLiteral("mailbox"),
            QStringLiteral("file"),
            QStringLiteral("process"),
            QStringLiteral("ip"),
            QStringLiteral("url"),
            QStringLiteral("registryKey"),
            QStringLiteral("registryValue"),
            QStringLiteral("email"),
            QStringLiteral("cloudApplication"),
            QStringLiteral("mailCluster"),
            QStringLiteral("oauthApplication"),
            QStringLiteral("securityGroup"),
    };
    const qsizetype at = order.indexOf(kind);
    return at < 0 ? int(order.size()) : int(at);
}

} // namespace

EntityTreeModel::EntityTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{ }

QModelIndex EntityTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex EntityTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int EntityTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.internalId() != 0 || parent.column() != 0)
        return 0;
    return int(m_groups.at(parent.row()).entities.size());
}

int EntityTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QString EntityTreeModel::readableEnumValue(const QString &wire)
{
    if (wire.isEmpty())
        return {};
    QString words;
    words.reserve(wire.size() + 8);
    for (qsizetype i = 0; i < wire.size(); ++i) {
        const QChar c = wire.at(i);
        if (i > 0 && c.isUpper() && !wire.at(i - 1).isUpper()) {
            words += QLatin1Char(' ');
            words += c.toLower();
        } else {
            words += c;
        }
    }
    words[0] = words.at(0).toUpper();
    return words;
}

QString EntityTreeModel::entityText(const Entity &entity, int column)
{
    switch (column) {
    case ValueColumn:
        return entity.value;
    case DetailColumn:
        return entity.detail;
    case VerdictColumn:
        return readableEnumValue(entity.verdict);
    case RemediationColumn:
        return readableEnumValue(entity.remediationStatus);
    case RolesColumn: {
        QStringList roles;
        for (const QString &r : entity.roles)
            roles.append(readableEnumValue(r));
        return roles.join(QStringLiteral(", "));
    }
    default:
        break;
    }
    return {};
}

QVariant EntityTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == 0) {
        const Group &group = m_groups.at(index.row());
        switch (role) {
        case Qt::DisplayRole:
        case Qt::AccessibleTextRole:
            if (index.column() == ValueColumn)
                return tr("%1 (%2)").arg(elidedText(group.label)).arg(group.entities.size());
            return {};
        case KindRole:
            return group.kind;
        case IsGroupRole:
            return true;
        case EntityCountRole:
            return int(group.entities.size());
        case kCopyTextRole:
            return index.column() == ValueColumn ? group.label : QString();
        case FilterTextRole:
            return QString();
        default:
            return {};
        }
    }
    const Entity &entity = m_groups.at(int(index.internalId() - 1)).entities.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        // Capped: evidence text comes from the service and may be any length.
        return elidedText(entityText(entity, index.column()));
    case Qt::ToolTipRole:
        return plainToolTip(entityText(entity, index.column()));
    case KindRole:
        return entity.kind;
    case IsGroupRole:
        return false;
    case EntityRole:
        return QVariant::fromValue(entity);
    case kCopyTextRole:
        return entityText(entity, index.column());
    case FilterTextRole: {
        QStringList texts = {entityKindLabel(entity.kind)};
        for (int column = 0; column < ColumnCount; ++column)
            texts << entityText(entity, column);
        return texts.join(QLatin1Char('\n'));
    }
    default:
        return {};
    }
}

QVariant EntityTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case ValueColumn:
        return tr("Entity");
    case DetailColumn:
        return tr("Detail");
    case VerdictColumn:
        return tr("Verdict");
    case RemediationColumn:
        return tr("Remediation");
    case RolesColumn:
        return tr("Roles");
    default:
        break;
    }
    return {};
}

void EntityTreeModel::setEntities(const QList<Entity> &entities)
{
    beginResetModel();
    m_groups.clear();
    QHash<QString, qsizetype> groupOfKind;
    for (const Entity &entity : entities) {
        auto it = groupOfKind.constFind(entity.kind);
        if (it == groupOfKind.cend()) {
            it = groupOfKind.insert(entity.kind, m_groups.size());
            m_groups.append({entity.kind, entityKindLabel(entity.kind), {}});
        }
        m_groups[*it].entities.append(entity);
    }
    std::stable_sort(m_groups.begin(), m_groups.end(), [](const Group &a, const Group &b) {
        return kindOrder(a.kind) < kindOrder(b.kind);
    });
    m_entityCount = int(entities.size());
    endResetModel();
}

} // namespace Vigil
