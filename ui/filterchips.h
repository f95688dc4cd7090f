#pragma once

#include <QCompleter>
#include <QWidget>

class QHBoxLayout;
class QLineEdit;
class QStringListModel;

namespace Vigil {

class IncidentQuery;

/**
 * @brief The quick filter's terms as chips: one small label per parsed term with a button that
 * removes the term from the filter text.
 *
 * Lives on the GUI thread, under the quick filter box. The terms are shown as plain text (they
 * are whatever was typed or pasted), elided when long.
 */
class FilterChips : public QWidget
{
    Q_OBJECT
public:
    explicit FilterChips(QWidget *parent = nullptr);

    /** Shows the terms of a query (none for an empty one). */
    void setQuery(const IncidentQuery &query);
    /** How many chips are shown. */
    int chipCount() const { return m_chipCount; }

Q_SIGNALS:
    /** The analyst asked to remove term number `term` of the query last shown. */
    void removeRequested(int term);

private:
    QHBoxLayout *m_layout = nullptr;
    int m_chipCount = 0;
};

/**
 * @brief Completion for the quick filter: field names ("severity:") and their values
 * ("severity:high") for the term at the cursor, not the whole text.
 *
 * Lives on the GUI thread; attach it to one QLineEdit.
 */
class FilterCompleter : public QCompleter
{
    Q_OBJECT
public:
    explicit FilterCompleter(QLineEdit *edit);

private:
    void onTextEdited();
    void insertCompletion(const QString &completion);
    /** Start and length of the term that ends at the cursor. */
    std::pair<qsizetype, qsizetype> currentTerm() const;

    QLineEdit *m_edit = nullptr;
    QStringListModel *m_words = nullptr;
};

} // namespace Vigil
