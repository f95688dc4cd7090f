#include "sladialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>

namespace Vigil {

namespace {

constexpr qint64 kMinuteMs = 60LL * 1000;
constexpr int kMaxMinutes = 366 * 24 * 60;

QSpinBox *minutesBox(QWidget *parent, const char *objectName)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(QLatin1String(objectName));
    box->setRange(0, kMaxMinutes);
    box->setSingleStep(15);
    box->setSuffix(SlaDialog::tr(" min"));
    box->setSpecialValueText(SlaDialog::tr("No target"));
    return box;
}

} // namespace

SlaDialog::SlaDialog(const SlaTargets &targets, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("slaDialog"));
    setWindowTitle(tr("SLA targets"));
    auto *form = new QFormLayout(this);
    auto *intro = new QLabel(tr("How long a new incident may wait for its first triage: its "
                                "status leaves New or an owner is set. The queue's SLA column "
                                "counts down to it and marks overdue incidents."),
                             this);
    intro->setWordWrap(true);
    form->addRow(intro);
    m_high = minutesBox(this, "slaHigh");
    m_medium = minutesBox(this, "slaMedium");
    m_low = minutesBox(this, "slaLow");
    m_informational = minutesBox(this, "slaInformational");
    form->addRow(tr("&High:"), m_high);
    form->addRow(tr("&Medium:"), m_medium);
    form->addRow(tr("&Low:"), m_low);
    form->addRow(tr("&Informational:"), m_informational);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel
                                                 | QDialogButtonBox::RestoreDefaults,
                                         this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] { showTargets(SlaTargets()); });
    form->addRow(buttons);
    showTargets(targets);
}

void SlaDialog::showTargets(const SlaTargets &targets)
{
    m_high->setValue(int(targets.highMs / kMinuteMs));
    m_medium->setValue(int(targets.mediumMs / kMinuteMs));
    m_low->setValue(int(targets.lowMs / kMinuteMs));
    m_informational->setValue(int(targets.informationalMs / kMinuteMs));
}

SlaTargets SlaDialog::targets() const
{
    SlaTargets targets;
    targets.highMs = m_high->value() * kMinuteMs;
    targets.mediumMs = m_medium->value() * kMinuteMs;
    targets.lowMs = m_low->value() * kMinuteMs;
    targets.informationalMs = m_informational->value() * kMinuteMs;
    return targets;
}

} // namespace Vigil
