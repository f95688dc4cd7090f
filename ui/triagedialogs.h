#pragma once

#include "incident.h"
#include "result.h"
#include "triage.h"

#include <QDialog>
#include <QList>
#include <QStringList>

class QButtonGroup;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QVBoxLayout;

namespace Vigil {

/** The triage actions an analyst can take on incidents (menu, toolbar, keys, detail pane). */
enum class TriageAction { SetStatus, AssignToMe, AssignTo, Close, Tags, Comment };

/**
 * Base of the triage dialogs: says which incidents the edit applies to (one, or several with a
 * preview of their numbers and titles), holds an inline error line and OK/Cancel. OK builds the
 * edit, dates it now (UTC), signs it with the analyst's UPN and checks it with validateEdit()
 * against every incident; only a valid edit closes the dialog and is reported by editChosen().
 */
class TriageDialog : public QDialog
{
    Q_OBJECT
public:
    TriageDialog(const QList<Incident> &incidents, const QString &analystUpn, QWidget *parent);

    QList<qint64> numbers() const;
    const QList<Incident> &incidents() const { return m_incidents; }
    bool isBulk() const { return m_incidents.size() > 1; }

    void accept() override;

Q_SIGNALS:
    /** OK was pressed and the edit passed validation for every incident. */
    void editChosen(const QList<qint64> &numbers, const Vigil::TriageEdit &edit);

protected:
    /** The edit the controls describe (editTime and analyst are filled in by accept()), or an
     *  error that says what is missing. */
    virtual Result<TriageEdit> editFromControls() const = 0;

    /** Where a dialog puts its own controls, between the preview and the error line. */
    QVBoxLayout *contentLayout() const { return m_content; }
    QPushButton *okButton() const;
    void setOkText(const QString &singleText);
    void showError(const QString &message);
    void clearError();
    /** Connect a control's change signal here so that an old error does not linger. */
    void controlsChanged() { clearError(); }

private:
    QList<Incident> m_incidents;
    QString m_analystUpn;
    QLabel *m_target = nullptr;
    QListWidget *m_preview = nullptr;
    QVBoxLayout *m_content = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

/** `s`: New, Active or Closed. Closed hands over to the close dialog (closeRequested()). */
class StatusDialog : public TriageDialog
{
    Q_OBJECT
public:
    StatusDialog(const QList<Incident> &incidents, const QString &analystUpn, QWidget *parent);
    void accept() override;

Q_SIGNALS:
    /** Closed was chosen: closing needs a classification, which the close dialog asks for. */
    void closeRequested(const QList<qint64> &numbers);

protected:
    Result<TriageEdit> editFromControls() const override;

private:
    QButtonGroup *m_group = nullptr;
};

/** `c`: close with a classification, its reason and determination, and an optional comment. */
class CloseDialog : public TriageDialog
{
    Q_OBJECT
public:
    CloseDialog(const QList<Incident> &incidents, const QString &analystUpn, QWidget *parent);

    /** Checks a classification's radio button (and fills reason and determination). */
    void setClassification(VigilClassification classification);

protected:
    Result<TriageEdit> editFromControls() const override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    VigilClassification chosenClassification() const;
    void fillForClassification();
    void onReasonChanged();
    void onDeterminationChanged();

    QButtonGroup *m_classification = nullptr;
    QComboBox *m_reason = nullptr;
    QComboBox *m_determination = nullptr;
    QPlainTextEdit *m_comment = nullptr;
};

/**
 * `Shift+A`: assign to a UPN or unassign. Also `a` when Vigil does not know the analyst's own
 * UPN yet (Mode::IdentifyMe): the dialog asks for it, and the window remembers it.
 */
class AssignDialog : public TriageDialog
{
    Q_OBJECT
public:
    enum class Mode { AssignTo, IdentifyMe };

    AssignDialog(const QList<Incident> &incidents, const QString &analystUpn, Mode mode,
                 const QStringList &knownOwners, QWidget *parent);

    Mode mode() const { return m_mode; }
    /** The UPN typed in, trimmed. */
    QString upn() const;
    void setUpn(const QString &upn);

protected:
    Result<TriageEdit> editFromControls() const override;

private:
    Mode m_mode;
    QRadioButton *m_assignTo = nullptr;
    QRadioButton *m_unassign = nullptr;
    QLineEdit *m_upn = nullptr;
};

/** `t`: the custom tags as a checkable list (uncheck to remove), system tags read-only, and a
 *  line to add new ones. With several incidents, a tag only some have is partly checked. */
class TagsDialog : public TriageDialog
{
    Q_OBJECT
public:
    TagsDialog(const QList<Incident> &incidents, const QString &analystUpn, QWidget *parent);
    /** The tags in use in the queue: the new-tag box completes them as the analyst types. */
    void setKnownTags(const QStringList &tags);

protected:
    Result<TriageEdit> editFromControls() const override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void addTypedTag();

    QListWidget *m_tags = nullptr;
    QLineEdit *m_input = nullptr;
};

/** `m`: a comment; Ctrl+Enter sends it. */
class CommentDialog : public TriageDialog
{
    Q_OBJECT
public:
    CommentDialog(const QList<Incident> &incidents, const QString &analystUpn, QWidget *parent);

protected:
    Result<TriageEdit> editFromControls() const override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QPlainTextEdit *m_text = nullptr;
};

} // namespace Vigil
