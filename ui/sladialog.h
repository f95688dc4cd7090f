#pragma once

#include "sla.h"

#include <QDialog>

class QSpinBox;

namespace Vigil {

/**
 * @brief Settings → SLA targets: how long each severity may wait for its first triage, in
 * minutes (0: no target). GUI thread; the caller saves targets() when it is accepted.
 */
class SlaDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SlaDialog(const SlaTargets &targets, QWidget *parent = nullptr);

    SlaTargets targets() const;

private:
    void showTargets(const SlaTargets &targets);

    QSpinBox *m_high = nullptr;
    QSpinBox *m_medium = nullptr;
    QSpinBox *m_low = nullptr;
    QSpinBox *m_informational = nullptr;
};

} // namespace Vigil
