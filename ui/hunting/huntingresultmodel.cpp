#include "huntingresultmodel.h"

#include "displaytext.h"
#include <QFontDatabase>

namespace Vigil {

namespace {

/** One line, capped: line breaks and tabs would break the grid's rows. */
QString elided(const QString &text)
{
    QString line = text.left(HuntingResultModel::kMaxCellChars + 1);
    for (QChar &c : line) {
        if (c.unicode() < 0x20)
            c = QLatin1Char(' ');
    }
    if (text.size() > HuntingResultModel::kMaxCellChars) {
        line.truncate(HuntingResultModel::kMaxCellChars);
        line += QChar(0x2026);
    }
    return line;
}

bool isNumeric(KqlType type)
{
    return type == KqlType::Int || type == KqlType::Long || type == KqlType::Real
           || type == KqlType::Decimal || type == KqlType::TimeSpan;
}

} // namespace

HuntingResultModel::HuntingResultModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    setObjectName(QStringLiteral("huntingResultModel"));
}

void HuntingResultModel::setColumns(const QList<HuntColumn> &columns)
{
    beginResetModel();
    m_columns = columns;
    m_rows.clear();
    endResetModel();
}

void HuntingResultModel::appendRows(const QList<HuntRow> &rows)
{
    if (rows.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size() - 1));
    m_rows.append(rows);
    endInsertRows();
}

void HuntingResultModel::clear()
{
    setColumns({});
}

QString HuntingResultModel::cellText(int row, int column) const
{
    if (row < 0 || row >= m_rows.size() || column < 0 || column >= m_columns.size())
        return {};
    return HuntingController::cellText(m_rows[row].value(column), m_columns[column].type);
}

int HuntingResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HuntingResultModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant HuntingResultModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= m_columns.size())
        return {};
    const KqlType type = m_columns[index.column()].type;
    switch (role) {
    case Qt::DisplayRole:
        return elided(cellText(index.row(), index.column()));
    case Qt::ToolTipRole: {
        const QString text = cellText(index.row(), index.column());
        // Long values are shown whole in the tooltip (capped: a tooltip is no viewer).
        if (text.size() <= 40 && !text.contains(QLatin1Char('\n')))
            return {};
        return plainToolTip(text);
    }
    case FullTextRole:
        return cellText(index.row(), index.column());
    case SortRole: {
        const QVariant &value = m_rows[index.row()].value(index.column());
        if (!value.isValid())
            return {};
        switch (type) {
        case KqlType::Bool:
            return int(value.toBool());
        case KqlType::Int:
        case KqlType::Long:
        case KqlType::DateTime:
        case KqlType::TimeSpan:
            return value.toLongLong();
        case KqlType::Real:
            return value.toDouble();
        case KqlType::Decimal:
            // parse_version()'s values: up to 32 digits, more than a double holds exactly;
            // as text of one width they sort as the numbers do.
            return value.toString().rightJustified(40, QLatin1Char('0'));
        default:
            return value.toString();
        }
    }
    case TypeRole:
        return int(type);
    case Qt::TextAlignmentRole:
        return isNumeric(type) ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    default:
        return {};
    }
}

QVariant HuntingResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_columns.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    const HuntColumn &column = m_columns[section];
    switch (role) {
    case Qt::DisplayRole:
        return column.name;
    case Qt::ToolTipRole:
        return plainToolTip(tr("%1 (%2)").arg(column.name, kqlTypeName(column.type)));
    case TypeRole:
        return int(column.type);
    default:
        return {};
    }
}

} // namespace Vigil
