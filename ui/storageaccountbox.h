#pragma once

#include "eventstreamcontroller.h"

#include <QGroupBox>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace Vigil {

/**
 * The connector page's "Storage account" section: the Azure Storage account that the Defender
 * streaming API writes to (or "not connected"), Connect… with the URL and a SAS token or the
 * account key, Disconnect, the last streaming pass, the running pass's progress, and "Pull now".
 * GUI thread; it reads and writes only through the EventStreamController. Every text is plain
 * (account URLs and the service's errors come from outside).
 */
class StorageAccountBox : public QGroupBox
{
    Q_OBJECT
public:
    explicit StorageAccountBox(EventStreamController *stream, QWidget *parent = nullptr);

    /** The last pass in one line, as the box shows it ("" before the first). */
    static QString passSummary(const EventStreamPass &pass);
    /** The embedded demo tenant: its own storage account is named as such. */
    void setDemoTenant(bool demo);

private:
    void showAccount(const QString &url, const std::optional<Vigil::Error> &error);
    void showConnectResult(const std::optional<Vigil::Error> &error);
    void showPassStarted();
    void showProgress(const Vigil::EventStreamProgress &progress);
    void showPass(const Vigil::EventStreamPass &pass);
    void showMessage(const QString &text);
    void openConnectForm();
    void closeConnectForm();
    void confirmConnect();
    void updateButtons();

    EventStreamController *m_stream;
    QLabel *m_account = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_lastPass = nullptr;
    QLabel *m_progressText = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_connect = nullptr;
    QPushButton *m_disconnect = nullptr;
    QPushButton *m_pullNow = nullptr;
    QPushButton *m_stop = nullptr;
    QWidget *m_form = nullptr;
    QLineEdit *m_url = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_secret = nullptr;
    QPushButton *m_confirm = nullptr;
    QPushButton *m_cancelForm = nullptr;
    bool m_demo = false;
};

} // namespace Vigil
