#pragma once

#include "dashboardstats.h"

#include <QTimer>
#include <QWidget>

#include <functional>

class QChart;
class QChartView;
class QLabel;
class QPushButton;

namespace Vigil {

class IncidentQueueModel;

/**
 * @brief The dashboard (`g d`): incidents over time by severity, the open queue by age and SLA
 * state, closures by classification, mean times to triage and to close. GUI thread.
 *
 * The figures come from computeDashboardStats() over the queue model's incidents at the
 * model's clock and SLA targets; the page recomputes them when it is shown and, while shown,
 * shortly after the queue changes. "Save as PNG" writes the page as it looks.
 */
class DashboardPage : public QWidget
{
    Q_OBJECT
public:
    /** Asks where to save the PNG; an empty answer cancels. */
    using SavePathProvider = std::function<QString(QWidget *parent, const QString &suggested)>;

    explicit DashboardPage(IncidentQueueModel *model, QWidget *parent = nullptr);

    /** Replaces the file dialog (tests answer with a path). */
    void setSavePathProvider(SavePathProvider provider) { m_savePath = std::move(provider); }
    /** The figures on screen now. */
    const DashboardStats &stats() const { return m_stats; }
    /** Writes the page as a PNG file; false when it cannot be written. */
    bool saveImage(const QString &path);

public Q_SLOTS:
    /** Recomputes the figures and redraws the charts. */
    void refresh();
    /** Asks for a file and saves the page there. */
    void saveAsPng();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QChartView *addChartView(const QString &objectName, const QString &accessibleName);
    void updateOverTime();
    void updateOpenByAge();
    void updateClosures();
    void updateMeans();

    IncidentQueueModel *m_model = nullptr;
    DashboardStats m_stats;
    SavePathProvider m_savePath;
    QTimer m_refreshTimer; ///< coalesces the queue's changes into one recomputation
    QLabel *m_summary = nullptr;
    QLabel *m_saveMessage = nullptr;
    QPushButton *m_saveButton = nullptr;
    QChartView *m_overTime = nullptr;
    QChartView *m_openByAge = nullptr;
    QChartView *m_closures = nullptr;
    QChartView *m_means = nullptr;
};

} // namespace Vigil
