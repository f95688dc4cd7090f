#pragma once

#include "activity.h"
#include "result.h"

#include <QList>
#include <QWidget>

#include <functional>

class QLabel;
class QMessageBox;
class QPushButton;
class QTreeWidget;

namespace Vigil {

class SyncController;

/**
 * @brief The outbox page: the analyst's edits Defender has not accepted yet, one row per edit
 * (incident, field, value, attempts, next attempt, the last error), with Retry and Discard for
 * the selected row's incident.
 *
 * Retry sends the incident's edits at once; Discard asks first, then drops them unsent and the
 * incident's fields go back to Defender's values. Both act on whole incidents because an
 * incident's edits are delivered in order, one after the other. Everything goes through the
 * SyncController; with none, the page shows what setRows() gives it. Server text is shown as
 * plain text on one line. GUI thread.
 */
class OutboxPage : public QWidget
{
    Q_OBJECT
public:
    explicit OutboxPage(SyncController *controller, QWidget *parent = nullptr);

    QTreeWidget *table() const { return m_table; }
    /** The incident of the selected row, or 0. */
    qint64 selectedIncident() const;
    /** Where the Title column's text comes from (the window's queue); none: empty. */
    void setTitleLookup(std::function<QString(qint64)> titleOf) { m_titleOf = std::move(titleOf); }
    /** The open "discard?" question, if any. */
    QMessageBox *discardQuestion() const { return m_question; }

public Q_SLOTS:
    /** Shows these outbox rows (what SyncController::outboxLoaded sends); keeps the selected
     *  incident selected. */
    void setRows(const QList<Vigil::OutboxRow> &rows);
    /** Asks the controller for the outbox again. */
    void refresh();
    /** Sends the selected incident's edits now. */
    void retrySelected();
    /** Asks whether to drop the selected incident's edits, then drops them. */
    void discardSelected();

Q_SIGNALS:
    /** The analyst asked to send an incident's edits now (also sent to the controller). */
    void retryRequested(qint64 number);
    /** The analyst confirmed dropping an incident's edits (also sent to the controller). */
    void discardRequested(qint64 number);
    /** Enter or a double click on a row: show the incident. */
    void incidentActivated(qint64 number);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void showMessage(const QString &text);
    void updateButtons();

    SyncController *m_controller = nullptr;
    std::function<QString(qint64)> m_titleOf;
    QList<OutboxRow> m_rows;
    QLabel *m_summary = nullptr;
    QLabel *m_message = nullptr;
    QTreeWidget *m_table = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_discard = nullptr;
    QMessageBox *m_question = nullptr;
};

} // namespace Vigil
