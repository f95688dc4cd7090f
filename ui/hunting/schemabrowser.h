#pragma once

#include "eventtypes.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace Vigil {

class EventController;

/**
 * @brief The hunting page's schema browser: the Defender advanced hunting tables with their
 * columns and KQL types, and per table the rows and time range this machine holds.
 *
 * Tables that hold rows come first (in bold, with their row count and UTC time range); the filter
 * box keeps the tables and columns whose names contain its text. Double-click or Enter on a table
 * or column emits insertTextRequested() with its name as a query can use it. The row counts come
 * from the EventController (its tablesLoaded), asked for when the browser is first shown and on
 * reload(). GUI thread.
 */
class SchemaBrowser : public QWidget
{
    Q_OBJECT
public:
    /** events may be null: the browser then lists the tables without local rows. */
    explicit SchemaBrowser(EventController *events = nullptr, QWidget *parent = nullptr);

    enum Column { Name, Type, Rows, TimeRange, ColumnCount };
    /** The data role of an item's raw table or column name. */
    static constexpr int NameRole = Qt::UserRole + 1;

    /** name as KQL reads it: as is when it is a plain identifier, else `['name']` (quoted). */
    static QString insertableName(const QString &name);

    /** Asks the event store for the tables' rows and time ranges again. */
    void reload();

public Q_SLOTS:
    /** Shows what the store holds per table (EventController::tablesLoaded). */
    void showTables(const Vigil::EventTablesSnapshot &snapshot);
    /** Keeps the tables and columns whose names contain text (ignoring case). */
    void setFilter(const QString &text);

Q_SIGNALS:
    /** The analyst picked a table or column: text is its name, ready for the editor. */
    void insertTextRequested(const QString &text);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void fill();
    void activate(QTreeWidgetItem *item);

    EventController *m_events;
    QLineEdit *m_filter = nullptr;
    QTreeWidget *m_tree = nullptr;
    QLabel *m_message = nullptr;
    EventTablesSnapshot m_snapshot;
    bool m_requested = false;
};

} // namespace Vigil
