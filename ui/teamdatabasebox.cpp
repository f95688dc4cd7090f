#include "teamdatabasebox.h"

#include "displaytext.h"
#include "result.h"
#include "teamdatabasesetup.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

#include <utility>

namespace Vigil {

namespace {

QLabel *plainLabel(QWidget *parent, const char *objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(objectName));
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

} // namespace

TeamDatabaseBox::TeamDatabaseBox(TeamDatabaseSetup *setup, const QString &inUse, QWidget *parent)
    : QGroupBox(tr("Team database"), parent)
    , m_setup(setup)
{
    setObjectName(QStringLiteral("teamDatabaseBox"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = plainLabel(this, "teamDatabaseIntro");
    intro->setText(tr("A PostgreSQL database that the whole team shares: one queue, one sync "
                      "with Microsoft 365 Defender, everyone's changes live. The password is "
                      "kept in the keychain."));
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    m_inUse = plainLabel(this, "teamDatabaseInUse");
    m_inUse->setAccessibleName(tr("Database in use"));
    m_inUse->setText(inUse.isEmpty() ? tr("this machine's own") : elidedText(inUse, 300));
    form->addRow(tr("In use:"), m_inUse);
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("teamDatabaseUrl"));
    m_url->setAccessibleName(tr("Team database URL"));
    m_url->setPlaceholderText(
            QStringLiteral("postgresql://analyst@db.example.org:5432/vigil?sslmode=verify-full"));
    m_url->setText(TeamDatabaseSetup::savedUrl());
    form->addRow(tr("URL:"), m_url);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("teamDatabasePassword"));
    m_password->setAccessibleName(tr("Team database password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("unchanged"));
    form->addRow(tr("Password:"), m_password);
    layout->addLayout(form);

    m_message = plainLabel(this, "teamDatabaseMessage");
    m_message->setVisible(false);
    layout->addWidget(m_message);

    auto *buttons = new QHBoxLayout;
    m_save = new QPushButton(tr("Save"), this);
    m_save->setObjectName(QStringLiteral("teamDatabaseSave"));
    m_useLocal = new QPushButton(tr("Use this machine's database"), this);
    m_useLocal->setObjectName(QStringLiteral("teamDatabaseLocal"));
    buttons->addWidget(m_save);
    buttons->addWidget(m_useLocal);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    connect(m_save, &QPushButton::clicked, this, &TeamDatabaseBox::saveClicked);
    connect(m_url, &QLineEdit::returnPressed, this, &TeamDatabaseBox::saveClicked);
    connect(m_useLocal, &QPushButton::clicked, this, [this] {
        m_url->clear();
        m_password->clear();
        m_setup->save({});
    });
    connect(m_setup, &TeamDatabaseSetup::saved, this, &TeamDatabaseBox::showSaved);
    connect(m_setup, &TeamDatabaseSetup::saveFailed, this, &TeamDatabaseBox::showFailure);
}

void TeamDatabaseBox::saveClicked()
{
    if (m_url->text().trimmed().isEmpty()) {
        showFailure(Error{Error::Kind::Config,
                          0,
                          {},
                          tr("Write the team database's URL, or choose \"Use this machine's "
                             "database\"."),
                          {}});
        return;
    }
    m_save->setEnabled(false);
    m_passwordGiven
            = !m_password->text().isEmpty() || !QUrl(m_url->text().trimmed()).password().isEmpty();
    m_setup->save(m_url->text(), m_password->text());
}

void TeamDatabaseBox::showSaved(const QString &url)
{
    m_save->setEnabled(true);
    // What is kept and shown has no password; the field the password was typed in is emptied.
    m_url->setText(url);
    m_password->clear();
    if (url.isEmpty())
        m_message->setText(tr("Vigil uses this machine's own database from its next start."));
    else if (std::exchange(m_passwordGiven, false))
        m_message->setText(tr("Saved. Vigil uses the team database from its next start; its "
                              "password is in the keychain."));
    else
        m_message->setText(tr("Saved. Vigil uses the team database from its next start."));
    m_message->setVisible(true);
}

void TeamDatabaseBox::showFailure(const Error &error)
{
    m_save->setEnabled(true);
    m_message->setText(elidedText(error.message, 600));
    m_message->setVisible(true);
}

} // namespace Vigil
