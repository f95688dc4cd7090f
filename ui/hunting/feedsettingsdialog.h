#pragma once

#include "feedsettings.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;
class QTreeWidget;

namespace Vigil {

/**
 * @brief Hunting → External data: the hosts `externaldata` may fetch from (GitHub's raw files and
 * Microsoft's list hosts offered, nothing allowed until the analyst says so), the size and time
 * limits, offline use, and the cached copies with their fetch time and size. GUI thread; the
 * caller saves settings() when it is accepted.
 */
class FeedSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    FeedSettingsDialog(const FeedSettings &settings, const QList<CachedFeed> &cached,
                       QWidget *parent = nullptr);

    FeedSettings settings() const;

private:
    void addHost(const QString &text);
    void syncOffered();

    FeedSettings m_settings;
    QListWidget *m_hosts = nullptr;
    QLineEdit *m_newHost = nullptr;
    QLabel *m_hostProblem = nullptr;
    QList<QCheckBox *> m_offered;
    QSpinBox *m_maxMegabytes = nullptr;
    QSpinBox *m_timeout = nullptr;
    QCheckBox *m_offline = nullptr;
    QTreeWidget *m_cached = nullptr;
};

} // namespace Vigil
