#pragma once

#include "eventtypes.h"

#include <QGroupBox>
#include <QHash>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace Vigil {

class EventController;

/**
 * The connector page's "Hunting tables" section: per advanced hunting table its rows, size on
 * disk, oldest and newest event, last ingest and rejected records, whether it is collected and
 * how many days it keeps (or unlimited), with what that retention would take on disk. GUI
 * thread; it reads and writes only through the EventController.
 */
class HuntingTablesBox : public QGroupBox
{
    Q_OBJECT
public:
    explicit HuntingTablesBox(EventController *events, QWidget *parent = nullptr);

    /** Asks for the tables again (done when the box is first shown and after each change). */
    void reload();

    enum Column {
        Table,
        Collect,
        Retention,
        Rows,
        Streaming, ///< what the last streaming pass did with the table
        Size,
        Estimate,
        Oldest,
        Newest,
        LastIngest,
        Rejected,
        ColumnCount
    };

public Q_SLOTS:
    void showTables(const Vigil::EventTablesSnapshot &snapshot);
    /** The Streaming column of table: text, with detail (an error) as its tooltip. */
    void showStreamState(const QString &table, const QString &text, const QString &detail = {});

protected:
    void showEvent(QShowEvent *event) override;

private:
    QTreeWidgetItem *addTableRow(const QString &name);
    void saved(const QString &table, const std::optional<Vigil::Error> &error);

    EventController *m_events;
    QTreeWidget *m_tree = nullptr;
    QLabel *m_message = nullptr;
    bool m_filling = false;
    bool m_requested = false;
    QHash<QString, std::pair<QString, QString>> m_streamStates; ///< table: text, detail
};

} // namespace Vigil
