#pragma once

#include <QGroupBox>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Vigil {

class TeamDatabaseSetup;
struct Error;

/**
 * The connector page's "Team database" section: the PostgreSQL database a team shares (or this
 * machine's own), and a form to set its URL and password. The password goes to the keychain
 * through TeamDatabaseSetup, never into the settings; a URL typed with a password in it is
 * taken once and shown without it. GUI thread; every text is plain (URLs and errors come from
 * outside).
 */
class TeamDatabaseBox : public QGroupBox
{
    Q_OBJECT
public:
    /** inUse: the URL of the team database this run uses; empty: this machine's database. */
    TeamDatabaseBox(TeamDatabaseSetup *setup, const QString &inUse, QWidget *parent = nullptr);

private:
    void saveClicked();
    void showSaved(const QString &url);
    void showFailure(const Vigil::Error &error);

    TeamDatabaseSetup *m_setup;
    QLabel *m_inUse = nullptr;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_password = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_useLocal = nullptr;
    QLabel *m_message = nullptr;
    bool m_passwordGiven = false; ///< the save under way carries a password
};

} // namespace Vigil
