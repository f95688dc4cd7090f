#include "savedviews.h"

#include "incidentqueuemodel.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaEnum>
#include <QSettings>

namespace Vigil {

namespace {

// Limits on what a file may bring in: it may come from anyone.
constexpr qsizetype kMaxViews = 100;
constexpr qsizetype kMaxNameLength = 80;
constexpr qsizetype kMaxFilterLength = 4000;

const QMetaEnum &columnEnum()
{
    static const QMetaEnum meta = QMetaEnum::fromType<IncidentQueueModel::Column>();
    return meta;
}

QString columnName(int column)
{
    return QString::fromLatin1(columnEnum().valueToKey(column));
}

int columnOf(const QString &name)
{
    bool ok = false;
    const int value = columnEnum().keyToValue(name.toLatin1().constData(), &ok);
    return ok && value >= 0 && value < IncidentQueueModel::ColumnCount ? value : -1;
}

/** A name as it may be shown and stored: no control characters, trimmed, capped. */
QString cleanName(const QString &name)
{
    QString out;
    for (QChar c : name)
        if (c.category() != QChar::Other_Control && c.category() != QChar::Other_Format)
            out.append(c);
    return out.simplified().left(kMaxNameLength);
}

QJsonObject toObject(const SavedView &view)
{
    QJsonArray sort;
    for (const auto &[column, order] : view.sort)
        sort.append(QJsonObject{{QStringLiteral("column"), columnName(column)},
                                {QStringLiteral("order"), order == Qt::DescendingOrder
                                                                  ? QStringLiteral("desc")
                                                                  : QStringLiteral("asc")}});
    QJsonArray columns;
    for (int column : view.columns)
        columns.append(columnName(column));
    return {{QStringLiteral("name"), view.name},
            {QStringLiteral("filter"), view.filter},
            {QStringLiteral("sort"), sort},
            {QStringLiteral("columns"), columns}};
}

std::optional<SavedView> fromObject(const QJsonObject &object)
{
    SavedView view;
    view.name = cleanName(object.value(QStringLiteral("name")).toString());
    view.filter = object.value(QStringLiteral("filter")).toString();
    if (view.name.isEmpty() || view.filter.size() > kMaxFilterLength)
        return std::nullopt;
    for (const auto &key : object.value(QStringLiteral("sort")).toArray()) {
        const int column = columnOf(key.toObject().value(QStringLiteral("column")).toString());
        if (column < 0)
            continue;
        const bool descending
                = key.toObject().value(QStringLiteral("order")).toString() == QLatin1String("desc");
        view.sort.append({column, descending ? Qt::DescendingOrder : Qt::AscendingOrder});
    }
    for (const auto &name : object.value(QStringLiteral("columns")).toArray()) {
        const int column = columnOf(name.toString());
        if (column >= 0 && !view.columns.contains(column))
            view.columns.append(column);
    }
    // The title always shows.
    if (!view.columns.isEmpty() && !view.columns.contains(IncidentQueueModel::TitleColumn))
        view.columns.prepend(IncidentQueueModel::TitleColumn);
    return view;
}

} // namespace

void SavedViews::save(const SavedView &view)
{
    SavedView clean = view;
    clean.name = cleanName(view.name);
    if (clean.name.isEmpty())
        return;
    for (SavedView &existing : m_views) {
        if (existing.name.compare(clean.name, Qt::CaseInsensitive) == 0) {
            existing = clean;
            return;
        }
    }
    if (m_views.size() < kMaxViews)
        m_views.append(clean);
}

bool SavedViews::rename(const QString &from, const QString &to)
{
    const QString name = cleanName(to);
    if (name.isEmpty())
        return false;
    for (const SavedView &view : std::as_const(m_views))
        if (view.name.compare(name, Qt::CaseInsensitive) == 0
            && view.name.compare(from, Qt::CaseInsensitive) != 0)
            return false;
    for (SavedView &view : m_views) {
        if (view.name.compare(from, Qt::CaseInsensitive) == 0) {
            view.name = name;
            return true;
        }
    }
    return false;
}

bool SavedViews::remove(const QString &name)
{
    return m_views.removeIf([&name](const SavedView &view) {
        return view.name.compare(name, Qt::CaseInsensitive) == 0;
    }) > 0;
}

std::optional<SavedView> SavedViews::find(const QString &name) const
{
    for (const SavedView &view : m_views)
        if (view.name.compare(name, Qt::CaseInsensitive) == 0)
            return view;
    return std::nullopt;
}

void SavedViews::load()
{
    QSettings settings;
    m_views.clear();
    QString ignored;
    if (auto views
        = fromJson(settings.value(QStringLiteral("queue/views")).toByteArray(), &ignored))
        m_views = *views;
}

void SavedViews::store() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("queue/views"), toJson());
}

QByteArray SavedViews::toJson() const
{
    QJsonArray views;
    for (const SavedView &view : m_views)
        views.append(toObject(view));
    return QJsonDocument(
                   QJsonObject{{QStringLiteral("vigilViews"), 1}, {QStringLiteral("views"), views}})
            .toJson(QJsonDocument::Indented);
}

std::optional<QList<SavedView>> SavedViews::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    const QJsonObject root = document.object();
    if (parseError.error != QJsonParseError::NoError || !root.contains(QStringLiteral("views"))
        || !root.value(QStringLiteral("views")).isArray()) {
        if (error)
            *error = QCoreApplication::translate("Vigil::SavedViews",
                                                 "The file does not hold Vigil views.");
        return std::nullopt;
    }
    QList<SavedView> views;
    for (const auto &value : root.value(QStringLiteral("views")).toArray()) {
        if (views.size() >= kMaxViews)
            break;
        if (auto view = fromObject(value.toObject()))
            views.append(*view);
    }
    return views;
}

int SavedViews::merge(const QList<SavedView> &views)
{
    int count = 0;
    for (const SavedView &view : views) {
        const qsizetype before = m_views.size();
        const bool known = find(view.name).has_value();
        save(view);
        count += known || m_views.size() > before ? 1 : 0;
    }
    return count;
}

QByteArray SavedViews::viewToJson(const SavedView &view)
{
    return QJsonDocument(toObject(view)).toJson(QJsonDocument::Compact);
}

std::optional<SavedView> SavedViews::viewFromJson(const QByteArray &json)
{
    const QJsonDocument document = QJsonDocument::fromJson(json);
    if (!document.isObject())
        return std::nullopt;
    return fromObject(document.object());
}

} // namespace Vigil
