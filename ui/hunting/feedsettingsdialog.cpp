#include "feedsettingsdialog.h"

#include <QCheckBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace Vigil {

namespace {

constexpr qint64 kMegabyte = 1024LL * 1024;

} // namespace

FeedSettingsDialog::FeedSettingsDialog(const FeedSettings &settings,
                                       const QList<CachedFeed> &cached, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("feedSettingsDialog"));
    setWindowTitle(tr("External data"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Queries with externaldata fetch their lists only from the hosts "
                                "below, over https. Each copy is kept on disk; when a host does "
                                "not answer, the kept copy is used and the result says how old "
                                "it is."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_hosts = new QListWidget(this);
    m_hosts->setObjectName(QStringLiteral("allowedHosts"));
    m_hosts->setAccessibleName(tr("Allowed hosts"));
    m_hosts->addItems(settings.allowedHosts);
    layout->addWidget(m_hosts);

    auto *addRow = new QHBoxLayout;
    m_newHost = new QLineEdit(this);
    m_newHost->setObjectName(QStringLiteral("newHost"));
    m_newHost->setPlaceholderText(tr("Host name, e.g. feeds.example.org or *.example.org"));
    m_newHost->setAccessibleName(tr("Host to allow"));
    auto *add = new QPushButton(tr("&Allow"), this);
    add->setObjectName(QStringLiteral("allowHost"));
    auto *remove = new QPushButton(tr("&Remove"), this);
    remove->setObjectName(QStringLiteral("removeHost"));
    addRow->addWidget(m_newHost, 1);
    addRow->addWidget(add);
    addRow->addWidget(remove);
    layout->addLayout(addRow);
    m_hostProblem = new QLabel(this);
    m_hostProblem->setObjectName(QStringLiteral("hostProblem"));
    m_hostProblem->setTextFormat(Qt::PlainText);
    m_hostProblem->setVisible(false);
    layout->addWidget(m_hostProblem);
    connect(add, &QPushButton::clicked, this, [this] { addHost(m_newHost->text()); });
    connect(m_newHost, &QLineEdit::returnPressed, this, [this] { addHost(m_newHost->text()); });
    connect(remove, &QPushButton::clicked, this, [this] {
        delete m_hosts->currentItem();
        syncOffered();
    });

    auto *offeredLabel = new QLabel(tr("Offered:"), this);
    layout->addWidget(offeredLabel);
    for (const QString &host : FeedSettings::offeredHosts()) {
        auto *box = new QCheckBox(host, this);
        box->setObjectName(QStringLiteral("offered:") + host);
        connect(box, &QCheckBox::toggled, this, [this, host](bool on) {
            const QList<QListWidgetItem *> found = m_hosts->findItems(host, Qt::MatchExactly);
            if (on && found.isEmpty())
                m_hosts->addItem(host);
            if (!on)
                qDeleteAll(found);
        });
        m_offered.append(box);
        layout->addWidget(box);
    }
    syncOffered();

    auto *form = new QFormLayout;
    m_maxMegabytes = new QSpinBox(this);
    m_maxMegabytes->setObjectName(QStringLiteral("feedMaxSize"));
    m_maxMegabytes->setRange(1, 4096);
    m_maxMegabytes->setSuffix(tr(" MB"));
    m_maxMegabytes->setValue(
            int(std::clamp<qint64>((settings.maxBytes + kMegabyte - 1) / kMegabyte, 1, 4096)));
    m_timeout = new QSpinBox(this);
    m_timeout->setObjectName(QStringLiteral("feedTimeout"));
    m_timeout->setRange(1, 3600);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setValue(settings.timeoutSeconds);
    m_offline = new QCheckBox(tr("Work &offline: use the kept copies only"), this);
    m_offline->setObjectName(QStringLiteral("feedOffline"));
    m_offline->setChecked(settings.offline);
    form->addRow(tr("&Size limit per list:"), m_maxMegabytes);
    form->addRow(tr("&Time limit per list:"), m_timeout);
    form->addRow(m_offline);
    layout->addLayout(form);

    m_cached = new QTreeWidget(this);
    m_cached->setObjectName(QStringLiteral("cachedFeeds"));
    m_cached->setAccessibleName(tr("Kept copies"));
    m_cached->setHeaderLabels({tr("Kept copy of"), tr("Fetched"), tr("Size")});
    m_cached->setRootIsDecorated(false);
    const QLocale locale;
    for (const CachedFeed &feed : cached) {
        auto *item = new QTreeWidgetItem(m_cached);
        item->setText(0, feed.url);
        item->setText(1, locale.toString(QDateTime::fromMSecsSinceEpoch(feed.fetchedAtMs),
                                         QLocale::ShortFormat));
        item->setText(2, locale.formattedDataSize(feed.bytes));
    }
    m_cached->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_cached->setVisible(!cached.isEmpty());
    layout->addWidget(m_cached);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void FeedSettingsDialog::addHost(const QString &text)
{
    const QString host = FeedSettings::normalizeHost(text);
    if (host.isEmpty()) {
        m_hostProblem->setText(tr("“%1” is not a host name.").arg(text.left(80)));
        m_hostProblem->setVisible(true);
        return;
    }
    m_hostProblem->setVisible(false);
    if (m_hosts->findItems(host, Qt::MatchExactly).isEmpty())
        m_hosts->addItem(host);
    m_newHost->clear();
    syncOffered();
}

void FeedSettingsDialog::syncOffered()
{
    for (QCheckBox *box : std::as_const(m_offered)) {
        const QSignalBlocker blocker(box);
        box->setChecked(!m_hosts->findItems(box->text(), Qt::MatchExactly).isEmpty());
    }
}

FeedSettings FeedSettingsDialog::settings() const
{
    FeedSettings out = m_settings;
    out.allowedHosts.clear();
    for (int i = 0; i < m_hosts->count(); ++i)
        out.allowedHosts.append(m_hosts->item(i)->text());
    out.maxBytes = qint64(m_maxMegabytes->value()) * kMegabyte;
    out.timeoutSeconds = m_timeout->value();
    out.offline = m_offline->isChecked();
    return out;
}

} // namespace Vigil
