#include "dashboardpage.h"

#include "incidentqueuemodel.h"
#include "vocabulary.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDir>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLegend>
#include <QLocale>
#include <QPieSeries>
#include <QPieSlice>
#include <QPushButton>
#include <QStackedBarSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace Vigil {

namespace {

constexpr int kRefreshDelayMs = 500;
constexpr double kHourMs = 60.0 * 60 * 1000;

const QColor kHigh(0xd1, 0x34, 0x38);
const QColor kMedium(0xca, 0x50, 0x10);
const QColor kLow(0x00, 0x78, 0xd4);
const QColor kGrey(0x8a, 0x88, 0x86);
const QColor kGreen(0x10, 0x7c, 0x10);
const QColor kAmber(0xe3, 0xa2, 0x1a);

QBarSet *barSet(const QString &label, const QColor &color)
{
    auto *set = new QBarSet(label);
    set->setColor(color);
    set->setBorderColor(color);
    return set;
}

/** A value axis for counts: whole numbers, at least 0–4. */
QValueAxis *countAxis(int max)
{
    auto *axis = new QValueAxis;
    axis->setRange(0, std::max(4, max));
    axis->applyNiceNumbers();
    axis->setLabelFormat(QStringLiteral("%d"));
    return axis;
}

QChart *newChart(const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    return chart;
}

QString meanText(qint64 ms, int count)
{
    if (ms < 0)
        return DashboardPage::tr("none yet");
    return DashboardPage::tr("%1 (%n incident(s))", nullptr, count).arg(durationText(ms));
}

} // namespace

DashboardPage::DashboardPage(IncidentQueueModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    setObjectName(QStringLiteral("dashboardPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);

    auto *top = new QHBoxLayout;
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("dashboardSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    top->addWidget(m_summary, 1);
    m_saveMessage = new QLabel(this);
    m_saveMessage->setObjectName(QStringLiteral("dashboardSaveMessage"));
    m_saveMessage->setTextFormat(Qt::PlainText);
    top->addWidget(m_saveMessage);
    m_saveButton = new QPushButton(tr("&Save as PNG…"), this);
    m_saveButton->setObjectName(QStringLiteral("dashboardSavePng"));
    m_saveButton->setToolTip(tr("Save the dashboard as a PNG image"));
    connect(m_saveButton, &QPushButton::clicked, this, &DashboardPage::saveAsPng);
    top->addWidget(m_saveButton);
    layout->addLayout(top);

    auto *grid = new QGridLayout;
    m_overTime = addChartView(QStringLiteral("dashboardOverTime"),
                              tr("Incidents created per day by severity"));
    m_openByAge = addChartView(QStringLiteral("dashboardOpenByAge"),
                               tr("Open incidents by age and SLA state"));
    m_closures = addChartView(QStringLiteral("dashboardClosures"),
                              tr("Closed incidents by classification"));
    m_means = addChartView(QStringLiteral("dashboardMeans"),
                           tr("Mean time to triage and to close"));
    grid->addWidget(m_overTime, 0, 0);
    grid->addWidget(m_openByAge, 0, 1);
    grid->addWidget(m_closures, 1, 0);
    grid->addWidget(m_means, 1, 1);
    layout->addLayout(grid, 1);

    auto *note = new QLabel(
            tr("Times run from an incident's creation to its last update (Graph keeps no triage "
               "or closing time), so for open incidents they are upper bounds. First triage: "
               "the status leaves New or an owner is set. Days are UTC."),
            this);
    note->setObjectName(QStringLiteral("dashboardNote"));
    note->setWordWrap(true);
    note->setEnabled(false);
    layout->addWidget(note);

    m_savePath = [](QWidget *parentWidget, const QString &suggested) {
        return QFileDialog::getSaveFileName(parentWidget, tr("Save the dashboard"), suggested,
                                            tr("PNG images (*.png)"));
    };
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(kRefreshDelayMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &DashboardPage::refresh);
    const auto later = [this] {
        if (isVisible())
            m_refreshTimer.start();
    };
    connect(m_model, &QAbstractItemModel::modelReset, this, later);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, later);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, later);
    connect(m_model, &QAbstractItemModel::dataChanged, this, later);
}

QChartView *DashboardPage::addChartView(const QString &objectName, const QString &accessibleName)
{
    auto *view = new QChartView(this);
    view->setObjectName(objectName);
    view->setAccessibleName(accessibleName);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(320, 220);
    return view;
}

void DashboardPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void DashboardPage::refresh()
{
    m_refreshTimer.stop();
    QList<Incident> incidents;
    incidents.reserve(m_model->rowCount());
    for (int row = 0; row < m_model->rowCount(); ++row)
        incidents.append(m_model->incidentAt(row));
    m_stats = computeDashboardStats(incidents, m_model->clock()->now(), m_model->slaTargets());
    updateOverTime();
    updateOpenByAge();
    updateClosures();
    updateMeans();
    const QLocale locale;
    m_summary->setText(tr("%1 open · %2 past their SLA · mean time to triage %3 · mean time to "
                          "close %4")
                               .arg(locale.toString(m_stats.openCount),
                                    locale.toString(m_stats.overdueCount),
                                    meanText(m_stats.meanTriageMs, m_stats.triagedCount),
                                    meanText(m_stats.meanCloseMs, m_stats.closedCount)));
}

void DashboardPage::updateOverTime()
{
    QChart *chart = newChart(tr("Incidents created per day, by severity"));
    auto *series = new QStackedBarSeries;
    const std::array<std::pair<QString, QColor>, DashboardStats::SeverityBuckets> severities{{
            {severityLabel(QStringLiteral("high")), kHigh},
            {severityLabel(QStringLiteral("medium")), kMedium},
            {severityLabel(QStringLiteral("low")), kLow},
            {severityLabel(QStringLiteral("informational")), kGrey},
    }};
    int max = 0;
    for (const auto &day : m_stats.createdPerDay) {
        int total = 0;
        for (int n : day)
            total += n;
        max = std::max(max, total);
    }
    for (size_t s = 0; s < severities.size(); ++s) {
        QBarSet *set = barSet(severities[s].first, severities[s].second);
        for (const auto &day : m_stats.createdPerDay)
            set->append(day[s]);
        series->append(set);
    }
    chart->addSeries(series);
    QStringList days;
    for (const QDate &day : m_stats.days)
        days.append(QLocale().toString(day, QStringLiteral("d MMM")));
    auto *axisX = new QBarCategoryAxis;
    axisX->append(days);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    QValueAxis *axisY = countAxis(max);
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    QChart *old = m_overTime->chart();
    m_overTime->setChart(chart);
    delete old;
}

void DashboardPage::updateOpenByAge()
{
    QChart *chart = newChart(tr("Open incidents by age and SLA state"));
    auto *series = new QStackedBarSeries;
    const std::array<std::pair<SlaState, std::pair<QString, QColor>>, 4> states{{
            {SlaState::Overdue, {tr("Past SLA"), kHigh}},
            {SlaState::Due, {tr("Within SLA"), kAmber}},
            {SlaState::Met, {tr("Triaged"), kGreen}},
            {SlaState::None, {tr("No target"), kGrey}},
    }};
    int max = 0;
    for (const auto &bucket : m_stats.openByAge) {
        int total = 0;
        for (int n : bucket)
            total += n;
        max = std::max(max, total);
    }
    for (const auto &[state, look] : states) {
        QBarSet *set = barSet(look.first, look.second);
        for (const auto &bucket : m_stats.openByAge)
            set->append(bucket[size_t(state)]);
        series->append(set);
    }
    chart->addSeries(series);
    QStringList buckets;
    for (int b = 0; b < DashboardStats::AgeBuckets; ++b)
        buckets.append(DashboardStats::ageBucketLabel(b));
    auto *axisX = new QBarCategoryAxis;
    axisX->append(buckets);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    QValueAxis *axisY = countAxis(max);
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    QChart *old = m_openByAge->chart();
    m_openByAge->setChart(chart);
    delete old;
}

void DashboardPage::updateClosures()
{
    QChart *chart = newChart(tr("Closed incidents by classification"));
    chart->legend()->setAlignment(Qt::AlignRight);
    auto *series = new QPieSeries;
    const std::array<std::pair<VigilClassification, std::pair<QString, QColor>>, 6> kinds{{
            {VigilClassification::TruePositive, {tr("True positive"), kHigh}},
            {VigilClassification::BenignPositive, {tr("Benign positive"), kAmber}},
            {VigilClassification::FalsePositive, {tr("False positive"), kLow}},
            {VigilClassification::Undetermined, {tr("Undetermined"), kGrey}},
            {VigilClassification::None, {tr("Not classified"), QColor(0xc8, 0xc6, 0xc4)}},
            {VigilClassification::Unknown, {tr("Other"), QColor(0x60, 0x5e, 0x5c)}},
    }};
    int total = 0;
    for (const auto &[kind, look] : kinds) {
        const int n = m_stats.closedByClassification[size_t(kind)];
        if (n == 0)
            continue;
        total += n;
        QPieSlice *slice = series->append(QStringLiteral("%1: %2").arg(look.first).arg(n), n);
        slice->setColor(look.second);
    }
    if (total == 0)
        chart->setTitle(tr("Closed incidents by classification: none closed yet"));
    chart->addSeries(series);
    QChart *old = m_closures->chart();
    m_closures->setChart(chart);
    delete old;
}

void DashboardPage::updateMeans()
{
    QChart *chart = newChart(tr("Mean time to triage and to close (hours)"));
    chart->legend()->setVisible(false);
    auto *series = new QHorizontalBarSeries;
    QBarSet *set = barSet(tr("Hours"), kLow);
    const double triage = m_stats.meanTriageMs < 0 ? 0 : double(m_stats.meanTriageMs) / kHourMs;
    const double close = m_stats.meanCloseMs < 0 ? 0 : double(m_stats.meanCloseMs) / kHourMs;
    *set << close << triage;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@value"));
    series->setLabelsPrecision(3);
    chart->addSeries(series);
    auto *axisY = new QBarCategoryAxis;
    axisY->append({tr("To close: %1").arg(meanText(m_stats.meanCloseMs, m_stats.closedCount)),
                   tr("To triage: %1").arg(meanText(m_stats.meanTriageMs, m_stats.triagedCount))});
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    auto *axisX = new QValueAxis;
    axisX->setRange(0, std::max(1.0, std::max(triage, close) * 1.1));
    axisX->applyNiceNumbers();
    axisX->setLabelFormat(QStringLiteral("%g"));
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    QChart *old = m_means->chart();
    m_means->setChart(chart);
    delete old;
}

bool DashboardPage::saveImage(const QString &path)
{
    refresh();
    return grab().toImage().save(path, "PNG");
}

void DashboardPage::saveAsPng()
{
    const QString suggested = QDir::home().filePath(
            QStringLiteral("vigil-dashboard-%1.png")
                    .arg(m_model->clock()->now().toString(QStringLiteral("yyyyMMdd-HHmm"))));
    QString path = m_savePath ? m_savePath(this, suggested) : QString();
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive))
        path += QLatin1String(".png");
    if (saveImage(path))
        m_saveMessage->setText(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
    else
        m_saveMessage->setText(tr("Could not write %1").arg(QDir::toNativeSeparators(path)));
}

} // namespace Vigil
