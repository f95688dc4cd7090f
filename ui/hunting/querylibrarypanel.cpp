#include "querylibrarypanel.h"

#include "displaytext.h"
#include "huntinglibrarycontroller.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Vigil {

namespace {

constexpr int ShownChars = 200;

/** One line of a query for a list: whitespace and control characters folded, elided. */
QString oneLine(const QString &text)
{
    // Only the start is shown: a 10 MB query is not folded whole on the GUI thread.
    QString line = text.left(qsizetype(ShownChars) * 4);
    for (QChar &c : line)
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            c = QLatin1Char(' ');
    line = line.simplified();
    if (text.size() > qsizetype(ShownChars) * 4)
        line += QChar(0x2026);
    return elidedText(line, ShownChars);
}

QString utcText(const QDateTime &when)
{
    return when.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString durationText(qint64 ms)
{
    if (ms < 1000)
        return QCoreApplication::translate("Vigil::QueryLibraryPanel", "%1 ms").arg(ms);
    return QCoreApplication::translate("Vigil::QueryLibraryPanel", "%1 s")
            .arg(QLocale().toString(double(ms) / 1000.0, 'f', 1));
}

} // namespace

QueryLibraryPanel::QueryLibraryPanel(HuntingLibraryController *library, QWidget *parent)
    : QWidget(parent)
    , m_library(library)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("libraryMessage"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->hide();
    layout->addWidget(m_message);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("libraryTabs"));
    m_tabs->addTab(searchTab(&m_historySearch, &m_history, QStringLiteral("historySearch"),
                             QStringLiteral("historyList")),
                   tr("History"));
    {
        // History holds every query run here: the analyst may want it gone (a shared machine,
        // a query with a customer's name in it).
        auto *historyButtons = new QHBoxLayout;
        auto *clear = new QPushButton(tr("Clear history…"), this);
        clear->setObjectName(QStringLiteral("clearHistoryButton"));
        connect(clear, &QPushButton::clicked, this, &QueryLibraryPanel::clearHistory);
        historyButtons->addStretch();
        historyButtons->addWidget(clear);
        qobject_cast<QVBoxLayout *>(m_history->parentWidget()->layout())->addLayout(historyButtons);
    }
    m_history->setColumnCount(HistoryColumnCount);
    m_history->setHeaderLabels(
            {tr("When (UTC)"), tr("Query"), tr("Rows"), tr("Duration"), tr("Where"), tr("Status")});
    // The query takes the room; the short columns fit their text.
    m_history->header()->setStretchLastSection(false);
    for (int column = 0; column < HistoryColumnCount; ++column)
        m_history->header()->setSectionResizeMode(column, column == HistoryQuery
                                                                  ? QHeaderView::Stretch
                                                                  : QHeaderView::ResizeToContents);

    QWidget *saved = searchTab(&m_savedSearch, &m_savedList, QStringLiteral("savedSearch"),
                               QStringLiteral("savedList"));
    m_savedList->setColumnCount(SavedColumnCount);
    m_savedList->setHeaderLabels({tr("Name"), tr("Query"), tr("Changed (UTC)")});
    m_savedList->header()->setStretchLastSection(false);
    m_savedList->header()->resizeSection(Name, 220);
    m_savedList->header()->setSectionResizeMode(SavedQueryText, QHeaderView::Stretch);
    m_savedList->header()->setSectionResizeMode(Updated, QHeaderView::ResizeToContents);
    auto *buttons = new QHBoxLayout;
    auto button = [this, buttons](const QString &text, const char *name, auto slot) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(QLatin1String(name));
        connect(b, &QPushButton::clicked, this, slot);
        buttons->addWidget(b);
        return b;
    };
    m_saveButton = button(tr("Save current query…"), "saveQueryButton",
                          &QueryLibraryPanel::saveCurrentQuery);
    m_saveButton->setEnabled(false);
    button(tr("Rename…"), "renameQueryButton", &QueryLibraryPanel::renameSelected);
    button(tr("Delete"), "deleteQueryButton", &QueryLibraryPanel::deleteSelected);
    button(tr("Import…"), "importQueriesButton", &QueryLibraryPanel::importFiles);
    button(tr("Export…"), "exportQueryButton", &QueryLibraryPanel::exportSelected);
    buttons->addStretch();
    qobject_cast<QVBoxLayout *>(saved->layout())->addLayout(buttons);
    m_tabs->addTab(saved, tr("Saved"));
    layout->addWidget(m_tabs, 1);

    m_savedList->installEventFilter(this); // F2 renames, Delete deletes

    if (m_library) {
        connect(m_library, &HuntingLibraryController::historyLoaded, this,
                &QueryLibraryPanel::showHistory);
        connect(m_library, &HuntingLibraryController::savedQueriesLoaded, this,
                &QueryLibraryPanel::showSavedQueries);
        connect(m_library, &HuntingLibraryController::operationFailed, this,
                [this](const Error &error) { showMessage(error.message); });
        connect(m_library, &HuntingLibraryController::opened, this,
                [this](const std::optional<Error> &error) {
                    if (error)
                        showMessage(tr("The query library could not be opened: %1")
                                            .arg(error->message));
                });
        connect(m_library, &HuntingLibraryController::querySaved, this,
                [this](const SavedQuery &query) {
                    showMessage(tr("Saved as \"%1\".").arg(query.name));
                });
        connect(m_library, &HuntingLibraryController::importFinished, this,
                [this](const QList<SavedQuery> &imported, const QStringList &errors) {
                    QStringList lines;
                    lines.append(imported.size() == 1
                                         ? tr("1 query imported.")
                                         : tr("%1 queries imported.").arg(imported.size()));
                    lines += errors;
                    showMessage(lines.join(QLatin1Char('\n')));
                });
        connect(m_library, &HuntingLibraryController::exportFinished, this,
                [this](const QString &path, const std::optional<Error> &error) {
                    showMessage(error ? error->message
                                      : tr("Exported to %1.").arg(QDir::toNativeSeparators(path)));
                });
    }
}

bool QueryLibraryPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_savedList && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_F2 && key->modifiers() == Qt::NoModifier) {
            renameSelected();
            return true;
        }
        if (key->matches(QKeySequence::Delete)) {
            deleteSelected();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

QWidget *QueryLibraryPanel::searchTab(QLineEdit **search, QTreeWidget **list,
                                      const QString &searchName, const QString &listName)
{
    auto *tab = new QWidget(this);
    auto *layout = new QVBoxLayout(tab);
    auto *box = new QLineEdit(tab);
    box->setObjectName(searchName);
    box->setPlaceholderText(tr("Search names and query text"));
    box->setClearButtonEnabled(true);
    layout->addWidget(box);
    auto *tree = new QTreeWidget(tab);
    tree->setObjectName(listName);
    tree->setRootIsDecorated(false);
    tree->setUniformRowHeights(true);
    tree->setTextElideMode(Qt::ElideRight);
    layout->addWidget(tree, 1);
    connect(box, &QLineEdit::textChanged, this,
            [this, tree](const QString &text) { applySearch(tree, text); });
    // Enter in the search box goes to the first entry it keeps.
    connect(box, &QLineEdit::returnPressed, this, [tree] {
        tree->setFocus();
        for (int i = 0; i < tree->topLevelItemCount(); ++i)
            if (!tree->topLevelItem(i)->isHidden()) {
                tree->setCurrentItem(tree->topLevelItem(i));
                break;
            }
    });
    connect(tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        Q_EMIT openQueryRequested(item->data(0, TextRole).toString(),
                                  item->data(0, NameRole).toString());
    });
    *search = box;
    *list = tree;
    return tab;
}

void QueryLibraryPanel::setCurrentQuery(const QString &text)
{
    m_currentQuery = text;
    m_saveButton->setEnabled(!text.trimmed().isEmpty());
}

void QueryLibraryPanel::recordRun(const HuntingRun &run)
{
    if (m_library)
        m_library->recordRun(run);
}

void QueryLibraryPanel::saveCurrentQuery()
{
    if (m_currentQuery.trimmed().isEmpty()) {
        showMessage(tr("There is no query to save."));
        return;
    }
    bool ok = false;
    const QString name = cleanQueryName(QInputDialog::getText(this, tr("Save query"), tr("Name:"),
                                                              QLineEdit::Normal, QString(), &ok));
    if (!ok || name.isEmpty())
        return;
    bool replace = false;
    for (const SavedQuery &query : std::as_const(m_saved))
        if (query.name.compare(name, Qt::CaseInsensitive) == 0) {
            if (QMessageBox::question(this, tr("Replace saved query"),
                                      tr("A saved query is already named \"%1\". Replace its "
                                         "text with the current query?")
                                              .arg(query.name))
                != QMessageBox::Yes)
                return;
            replace = true;
        }
    saveCurrentQueryAs(name, replace);
}

void QueryLibraryPanel::saveCurrentQueryAs(const QString &name, bool replace)
{
    if (m_library && !m_currentQuery.trimmed().isEmpty())
        m_library->saveQuery(name, m_currentQuery, replace);
}

const SavedQuery *QueryLibraryPanel::selectedSaved() const
{
    const QTreeWidgetItem *item = m_savedList->currentItem();
    if (!item)
        return nullptr;
    const qint64 id = item->data(0, IdRole).toLongLong();
    for (const SavedQuery &query : m_saved)
        if (query.id == id)
            return &query;
    return nullptr;
}

void QueryLibraryPanel::renameSelected()
{
    const SavedQuery *query = selectedSaved();
    if (!query)
        return;
    const qint64 id = query->id;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename saved query"), tr("Name:"),
                                               QLineEdit::Normal, query->name, &ok);
    if (ok)
        renameSavedQuery(id, name);
}

void QueryLibraryPanel::renameSavedQuery(qint64 id, const QString &name)
{
    if (cleanQueryName(name).isEmpty()) {
        showMessage(tr("A saved query needs a name."));
        return;
    }
    if (m_library)
        m_library->renameQuery(id, name);
}

void QueryLibraryPanel::deleteSelected()
{
    const SavedQuery *query = selectedSaved();
    if (!query)
        return;
    const qint64 id = query->id;
    if (QMessageBox::question(this, tr("Delete saved query"),
                              tr("Delete the saved query \"%1\"?").arg(query->name))
                == QMessageBox::Yes
        && m_library)
        m_library->deleteQuery(id);
}

void QueryLibraryPanel::importFiles()
{
    const QStringList paths = QFileDialog::getOpenFileNames(
            this, tr("Import queries"), QString(), tr("KQL queries (*.kql);;All files (*)"));
    if (!paths.isEmpty() && m_library)
        m_library->importFiles(paths);
}

void QueryLibraryPanel::exportSelected()
{
    const SavedQuery *query = selectedSaved();
    if (!query)
        return;
    const SavedQuery chosen = *query;
    const QString path = QFileDialog::getSaveFileName(
            this, tr("Export query"), QDir::home().filePath(kqlFileName(chosen.name)),
            tr("KQL queries (*.kql)"));
    if (!path.isEmpty() && m_library)
        m_library->exportQuery(chosen, path);
}

void QueryLibraryPanel::clearHistory()
{
    if (!m_library)
        return;
    const int runs = m_history->topLevelItemCount();
    if (runs == 0)
        return;
    const auto answer = QMessageBox::question(
            this, tr("Clear history"),
            tr("Remove the %n run(s) in the history? Saved queries stay.", nullptr, runs),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        m_library->clearHistory();
}

void QueryLibraryPanel::showHistory(const QList<HuntingRun> &runs)
{
    if (auto *clear = findChild<QPushButton *>(QStringLiteral("clearHistoryButton")))
        clear->setEnabled(!runs.isEmpty());
    m_history->clear();
    QList<QTreeWidgetItem *> items;
    const QLocale locale;
    for (const HuntingRun &run : runs) {
        auto *item = new QTreeWidgetItem;
        item->setText(When, utcText(run.startedUtc));
        item->setText(HistoryQuery, oneLine(run.query));
        item->setToolTip(HistoryQuery, plainToolTip(run.query));
        item->setText(Rows, locale.toString(run.rows));
        item->setTextAlignment(Rows, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(Duration, durationText(run.durationMs));
        item->setText(Where,
                      run.where == HuntingRun::Where::Remote ? tr("Defender") : tr("this machine"));
        item->setText(Status, HuntingRun::statusName(run.status));
        if (!run.message.isEmpty())
            item->setToolTip(Status, plainToolTip(run.message));
        item->setData(0, IdRole, run.id);
        item->setData(0, TextRole, run.query);
        items.append(item);
    }
    m_history->addTopLevelItems(items);
    applySearch(m_history, m_historySearch->text());
}

void QueryLibraryPanel::showSavedQueries(const QList<SavedQuery> &queries)
{
    const qint64 current = m_savedList->currentItem()
                                   ? m_savedList->currentItem()->data(0, IdRole).toLongLong()
                                   : 0;
    m_saved = queries;
    m_savedList->clear();
    for (const SavedQuery &query : queries) {
        auto *item = new QTreeWidgetItem(m_savedList);
        item->setText(Name, oneLine(query.name));
        item->setText(SavedQueryText, oneLine(query.text));
        item->setToolTip(SavedQueryText, plainToolTip(query.text));
        item->setText(Updated, utcText(query.updatedUtc));
        item->setData(0, IdRole, query.id);
        item->setData(0, TextRole, query.text);
        item->setData(0, NameRole, query.name);
        if (query.id == current)
            m_savedList->setCurrentItem(item);
    }
    applySearch(m_savedList, m_savedSearch->text());
}

void QueryLibraryPanel::applySearch(QTreeWidget *list, const QString &needle)
{
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = list->topLevelItem(i);
        item->setHidden(!huntingLibraryMatches(needle.trimmed(), item->data(0, NameRole).toString(),
                                               item->data(0, TextRole).toString()));
    }
}

void QueryLibraryPanel::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

} // namespace Vigil
