#pragma once

#include "huntinglibrary.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace Vigil {

class HuntingLibraryController;

/**
 * @brief The hunting page's library: the History of every query run and the Saved queries, each
 * tab with a search box (name and text, ignoring case).
 *
 * Double-click or Enter on an entry emits openQueryRequested(). The page hands the editor's text
 * with setCurrentQuery() (for "Save current query…") and each finished run with recordRun().
 * Saved queries can be renamed (F2), deleted (Delete), exported to and imported from `.kql` files.
 * Everything is kept by the HuntingLibraryController; the panel shows its last lists. GUI thread.
 */
class QueryLibraryPanel : public QWidget
{
    Q_OBJECT
public:
    explicit QueryLibraryPanel(HuntingLibraryController *library, QWidget *parent = nullptr);

    enum HistoryColumn { When, HistoryQuery, Rows, Duration, Where, Status, HistoryColumnCount };
    enum SavedColumn { Name, SavedQueryText, Updated, SavedColumnCount };
    /** Item data roles: the entry's id, full query text and name. */
    enum Role { IdRole = Qt::UserRole + 1, TextRole, NameRole };

    QString currentQuery() const { return m_currentQuery; }

public Q_SLOTS:
    /** The editor's query, for "Save current query…". */
    void setCurrentQuery(const QString &text);
    /** Adds a finished run to the history. */
    void recordRun(const Vigil::HuntingRun &run);

    /** Asks for a name and saves the current query ("Save current query…"). */
    void saveCurrentQuery();
    /** Saves the current query as name; replace: over a saved query of that name. */
    void saveCurrentQueryAs(const QString &name, bool replace = false);
    /** Asks for a new name for the selected saved query. */
    void renameSelected();
    void renameSavedQuery(qint64 id, const QString &name);
    /** Asks, then deletes the selected saved query. */
    void deleteSelected();
    /** Asks for `.kql` files and imports them. */
    void importFiles();
    /** Asks where, then writes the selected saved query as a `.kql` file. */
    void exportSelected();

    /** Asks, then removes every run from the history (saved queries stay). */
    void clearHistory();
    void showHistory(const QList<Vigil::HuntingRun> &runs);
    void showSavedQueries(const QList<Vigil::SavedQuery> &queries);

Q_SIGNALS:
    /** The analyst picked an entry: its query text and name (empty for a history entry). */
    void openQueryRequested(const QString &text, const QString &name);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applySearch(QTreeWidget *list, const QString &needle);
    void showMessage(const QString &text);
    const SavedQuery *selectedSaved() const;
    QWidget *searchTab(QLineEdit **search, QTreeWidget **list, const QString &searchName,
                       const QString &listName);

    HuntingLibraryController *m_library;
    QString m_currentQuery;
    QList<SavedQuery> m_saved;
    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_historySearch = nullptr;
    QTreeWidget *m_history = nullptr;
    QLineEdit *m_savedSearch = nullptr;
    QTreeWidget *m_savedList = nullptr;
    QPushButton *m_saveButton = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace Vigil
