#include "storageaccountbox.h"

#include "displaytext.h"
#include "errortext.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace Vigil {

namespace {

QLabel *plainLabel(QWidget *parent, const char *objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(objectName));
    // URLs and the storage service's answers come from outside: never read as markup.
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

QPushButton *button(QWidget *parent, const QString &text, const char *objectName)
{
    auto *pushButton = new QPushButton(text, parent);
    pushButton->setObjectName(QLatin1String(objectName));
    return pushButton;
}

} // namespace

StorageAccountBox::StorageAccountBox(EventStreamController *stream, QWidget *parent)
    : QGroupBox(tr("Storage account"), parent)
    , m_stream(stream)
{
    setObjectName(QStringLiteral("storageAccountBox"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = plainLabel(this, "storageIntro");
    intro->setText(tr("The Azure Storage account that the Defender streaming API writes "
                      "advanced hunting events to. Vigil reads what is new every 5 minutes."));
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    m_account = plainLabel(this, "storageAccountUrl");
    m_account->setAccessibleName(tr("Account"));
    form->addRow(tr("Account:"), m_account);
    m_lastPass = plainLabel(this, "storageLastPass");
    m_lastPass->setAccessibleName(tr("Last pass"));
    m_lastPass->setText(tr("none yet"));
    form->addRow(tr("Last pass:"), m_lastPass);
    layout->addLayout(form);

    m_message = plainLabel(this, "storageMessage");
    m_message->setVisible(false);
    layout->addWidget(m_message);

    auto *buttons = new QHBoxLayout;
    m_connect = button(this, tr("Connect…"), "storageConnectButton");
    m_disconnect = button(this, tr("Disconnect"), "storageDisconnectButton");
    m_pullNow = button(this, tr("Pull now"), "storagePullNowButton");
    m_stop = button(this, tr("Stop"), "storageStopButton");
    buttons->addWidget(m_connect);
    buttons->addWidget(m_disconnect);
    buttons->addStretch(1);
    buttons->addWidget(m_pullNow);
    buttons->addWidget(m_stop);
    layout->addLayout(buttons);

    // Connect…: the URL and the secret, checked against the account before anything is kept.
    m_form = new QWidget(this);
    m_form->setObjectName(QStringLiteral("storageConnectForm"));
    auto *formLayout = new QFormLayout(m_form);
    formLayout->setContentsMargins(0, 6, 0, 0);
    m_url = new QLineEdit(m_form);
    m_url->setObjectName(QStringLiteral("storageUrlEdit"));
    m_url->setPlaceholderText(QStringLiteral("https://<account>.blob.core.windows.net"));
    formLayout->addRow(tr("Account URL:"), m_url);
    m_kind = new QComboBox(m_form);
    m_kind->setObjectName(QStringLiteral("storageCredentialKind"));
    m_kind->addItem(tr("SAS token"));
    m_kind->addItem(tr("Account key"));
    formLayout->addRow(tr("Credential:"), m_kind);
    m_secret = new QLineEdit(m_form);
    m_secret->setObjectName(QStringLiteral("storageSecretEdit"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(tr("kept in the system keychain"));
    formLayout->addRow(tr("Secret:"), m_secret);
    auto *formButtons = new QHBoxLayout;
    m_confirm = button(m_form, tr("Connect"), "storageConnectConfirm");
    m_confirm->setDefault(true);
    m_cancelForm = button(m_form, tr("Cancel"), "storageConnectCancel");
    formButtons->addStretch(1);
    formButtons->addWidget(m_confirm);
    formButtons->addWidget(m_cancelForm);
    formLayout->addRow(formButtons);
    m_form->setVisible(false);
    layout->addWidget(m_form);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("storageProgress"));
    m_progress->setTextVisible(false);
    m_progress->setVisible(false);
    layout->addWidget(m_progress);
    m_progressText = plainLabel(this, "storageProgressText");
    m_progressText->setVisible(false);
    layout->addWidget(m_progressText);

    // A pass every few minutes must not make the page jump: the progress keeps its room.
    for (QWidget *widget :
         {static_cast<QWidget *>(m_progress), static_cast<QWidget *>(m_progressText)}) {
        QSizePolicy policy = widget->sizePolicy();
        policy.setRetainSizeWhenHidden(true);
        widget->setSizePolicy(policy);
    }

    connect(m_connect, &QPushButton::clicked, this, &StorageAccountBox::openConnectForm);
    connect(m_cancelForm, &QPushButton::clicked, this, &StorageAccountBox::closeConnectForm);
    connect(m_confirm, &QPushButton::clicked, this, &StorageAccountBox::confirmConnect);
    connect(m_secret, &QLineEdit::returnPressed, this, &StorageAccountBox::confirmConnect);
    connect(m_disconnect, &QPushButton::clicked, this, [this] {
        showMessage(tr("Disconnecting…"));
        m_stream->disconnectAccount();
        updateButtons();
    });
    connect(m_pullNow, &QPushButton::clicked, this, [this] {
        m_stream->pullNow();
        updateButtons();
    });
    connect(m_stop, &QPushButton::clicked, m_stream, &EventStreamController::cancelPass);

    connect(m_stream, &EventStreamController::accountChanged, this,
            &StorageAccountBox::showAccount);
    connect(m_stream, &EventStreamController::connectFinished, this,
            &StorageAccountBox::showConnectResult);
    connect(m_stream, &EventStreamController::passStarted, this,
            &StorageAccountBox::showPassStarted);
    connect(m_stream, &EventStreamController::passSkipped, this, &StorageAccountBox::showMessage);
    connect(m_stream, &EventStreamController::progressed, this, &StorageAccountBox::showProgress);
    connect(m_stream, &EventStreamController::passFinished, this, &StorageAccountBox::showPass);

    // The form's captions too: nothing in this box is read as markup.
    for (QLabel *label : findChildren<QLabel *>())
        label->setTextFormat(Qt::PlainText);

    showAccount(m_stream->accountUrl(), std::nullopt);
    if (const std::optional<EventStreamPass> last = m_stream->lastPass())
        showPass(*last);
}

QString StorageAccountBox::passSummary(const EventStreamPass &pass)
{
    const QLocale locale;
    int notStreamed = 0;
    for (const EventStreamTableResult &table : pass.tables) {
        if (table.state == EventStreamTableResult::State::NotStreamed)
            ++notStreamed;
    }
    QString text = tr("%1: %2, %3, %4")
                           .arg(locale.toString(pass.finished.toLocalTime(), QLocale::ShortFormat),
                                tr("%Ln row(s) stored", nullptr, int(pass.rows)),
                                tr("%Ln duplicate(s) skipped", nullptr, int(pass.duplicates)),
                                tr("%Ln line(s) rejected", nullptr, int(pass.rejected)));
    if (notStreamed > 0)
        text += tr("; %1 of %2 tables not streamed to this account")
                        .arg(notStreamed)
                        .arg(pass.tables.size());
    if (pass.cancelled)
        text += tr(" (stopped)");
    else if (pass.error)
        text += tr(" (stopped early)");
    return text + QLatin1Char('.');
}

void StorageAccountBox::setDemoTenant(bool demo)
{
    m_demo = demo;
    showAccount(m_stream->accountUrl(), std::nullopt);
}

void StorageAccountBox::showAccount(const QString &url, const std::optional<Error> &error)
{
    if (url.isEmpty())
        m_account->setText(tr("not connected"));
    else if (m_stream->accountFromEnvironment() && m_demo)
        m_account->setText(tr("%1 (the demo tenant's storage account)").arg(elidedText(url)));
    else if (m_stream->accountFromEnvironment())
        m_account->setText(tr("%1 (from VIGIL_STORAGE_URL, which wins over a saved account)")
                                   .arg(elidedText(url)));
    else
        m_account->setText(elidedText(url));
    if (error)
        showMessage(tr("The storage account cannot be used: %1")
                            .arg(elidedText(ErrorText::detailOf(*error))));
    updateButtons();
}

void StorageAccountBox::openConnectForm()
{
    m_form->setVisible(true);
    m_url->setFocus();
    updateButtons();
}

void StorageAccountBox::closeConnectForm()
{
    m_secret->clear();
    m_form->setVisible(false);
    updateButtons();
}

void StorageAccountBox::confirmConnect()
{
    if (m_stream->isConnecting())
        return;
    if (m_url->text().trimmed().isEmpty() || m_secret->text().trimmed().isEmpty()) {
        showMessage(tr("Give the account URL and its SAS token or account key."));
        return;
    }
    showMessage(tr("Checking the account…"));
    m_stream->connectAccount(m_url->text(),
                             m_kind->currentIndex() == 0
                                     ? EventStreamController::Credential::Sas
                                     : EventStreamController::Credential::AccountKey,
                             m_secret->text());
    updateButtons();
}

void StorageAccountBox::showConnectResult(const std::optional<Error> &error)
{
    if (error) {
        // The secret stays in its (hidden) field to be corrected; the message never holds it.
        showMessage(tr("Not connected: %1").arg(elidedText(ErrorText::detailOf(*error))));
    } else {
        showMessage({});
        closeConnectForm();
    }
    updateButtons();
}

void StorageAccountBox::showPassStarted()
{
    m_progress->setRange(0, 0);
    m_progress->setVisible(true);
    m_progressText->setText(tr("Reading the storage account…"));
    m_progressText->setVisible(true);
    updateButtons();
}

void StorageAccountBox::showProgress(const EventStreamProgress &progress)
{
    if (progress.tablesTotal > 0) {
        m_progress->setRange(0, progress.tablesTotal);
        m_progress->setValue(progress.tablesDone);
    }
    m_progressText->setText(tr("Table %1 of %2: %3, %4 of %5 blobs, %6 read")
                                    .arg(progress.tablesDone + 1)
                                    .arg(progress.tablesTotal)
                                    .arg(progress.table)
                                    .arg(progress.blobsDone)
                                    .arg(progress.blobsToRead)
                                    .arg(QLocale().formattedDataSize(progress.bytesRead)));
}

void StorageAccountBox::showPass(const EventStreamPass &pass)
{
    m_progress->setVisible(false);
    m_progressText->setVisible(false);
    if (!pass.tables.isEmpty() || !pass.error)
        m_lastPass->setText(passSummary(pass));
    if (pass.error && !pass.cancelled)
        showMessage(
                tr("The last pass stopped: %1").arg(elidedText(ErrorText::detailOf(*pass.error))));
    else
        showMessage({});
    updateButtons();
}

void StorageAccountBox::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void StorageAccountBox::updateButtons()
{
    const bool connected = !m_stream->accountUrl().isEmpty();
    const bool running = m_stream->isPassRunning();
    const bool busy = m_stream->isConnecting();
    m_connect->setEnabled(!busy && !m_form->isVisible());
    m_disconnect->setEnabled(!busy && connected && !m_stream->accountFromEnvironment());
    m_pullNow->setEnabled(connected && !running);
    m_stop->setEnabled(running);
    m_confirm->setEnabled(!busy);
}

} // namespace Vigil
