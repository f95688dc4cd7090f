#include "huntingtab.h"

#include "displaytext.h"
#include "huntingchartview.h"
#include "huntingresultmodel.h"
#include "huntingresultview.h"
#include "kqleditor.h"

#include <QAction>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace Vigil {

namespace {

QString seconds(qint64 ms)
{
    return QLocale().toString(double(ms) / 1000.0, 'f', ms < 10000 ? 2 : 1);
}

// Two messages rather than %n: the English source text must read right without a translator.
QString rowsText(qint64 rows)
{
    return rows == 1 ? HuntingTab::tr("1 row")
                     : HuntingTab::tr("%1 rows").arg(QLocale().toString(rows));
}

} // namespace

HuntingTab::HuntingTab(const QString &databasePath, QAction *runInDefender, QWidget *parent)
    : QWidget(parent)
    , m_path(databasePath)
{
    setObjectName(QStringLiteral("huntingTab"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("huntingTabSplitter"));
    splitter->setChildrenCollapsible(false);
    m_editor = new KqlEditor(splitter);
    splitter->addWidget(m_editor);

    auto *lower = new QWidget(splitter);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->setSpacing(4);

    auto *bar = new QHBoxLayout;
    m_run = new QAction(tr("Run"), this);
    m_run->setObjectName(QStringLiteral("runQuery"));
    m_run->setToolTip(tr("Run the selection, or the whole query (Ctrl+Enter); Shift+Enter runs "
                         "the block at the cursor"));
    connect(m_run, &QAction::triggered, this, &HuntingTab::runQuery);
    m_cancel = new QAction(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelQuery"));
    m_cancel->setToolTip(tr("Stop the running query (Esc in the editor)"));
    m_cancel->setEnabled(false);
    connect(m_cancel, &QAction::triggered, this, &HuntingTab::cancel);
    QList<QAction *> actions{m_run, m_cancel};
    if (runInDefender)
        actions.append(runInDefender);
    for (QAction *action : actions) {
        auto *button = new QToolButton(lower);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        // Run in Defender's arrow picks the time window Defender searches.
        if (action == runInDefender)
            button->setPopupMode(QToolButton::MenuButtonPopup);
        bar->addWidget(button);
    }
    m_status = new QLabel(lower);
    m_status->setObjectName(QStringLiteral("huntingStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setAccessibleName(tr("Rows and time of the last run"));
    bar->addWidget(m_status, 1);
    m_problem = new QLabel(lower);
    m_problem->setObjectName(QStringLiteral("queryProblem"));
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setAccessibleName(tr("The error in the query"));
    m_problem->setStyleSheet(QStringLiteral("color: #a4262c;"));
    bar->addWidget(m_problem, 2);
    lowerLayout->addLayout(bar);

    m_banner = new QFrame(lower);
    m_banner->setObjectName(QStringLiteral("rangeBanner"));
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setStyleSheet(QStringLiteral("QFrame#rangeBanner { background: #fff4ce; border: 1px "
                                           "solid #d9b44a; border-radius: 4px; } "
                                           "QFrame#rangeBanner QLabel { color: #3b2e00; }"));
    auto *bannerLayout = new QHBoxLayout(m_banner);
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setObjectName(QStringLiteral("rangeBannerText"));
    m_bannerText->setTextFormat(Qt::PlainText);
    m_bannerText->setWordWrap(true);
    bannerLayout->addWidget(m_bannerText, 1);
    if (runInDefender) {
        auto *remote = new QToolButton(m_banner);
        remote->setObjectName(QStringLiteral("rangeBannerRunInDefender"));
        remote->setDefaultAction(runInDefender);
        remote->setPopupMode(QToolButton::MenuButtonPopup);
        bannerLayout->addWidget(remote);
    }
    m_banner->setVisible(false);
    lowerLayout->addWidget(m_banner);

    m_error = new QLabel(lower);
    m_error->setObjectName(QStringLiteral("queryError"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color: #a4262c;"));
    m_error->setVisible(false);
    lowerLayout->addWidget(m_error);

    m_resultTabs = new QTabWidget(lower);
    m_resultTabs->setObjectName(QStringLiteral("resultTabs"));
    m_resultTabs->setDocumentMode(true);
    m_results = new HuntingResultView(m_resultTabs);
    m_resultTabs->addTab(m_results, tr("Results"));
    lowerLayout->addWidget(m_resultTabs, 1);
    splitter->addWidget(lower);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    layout->addWidget(splitter);

    connect(m_editor, &KqlEditor::runRequested, this, &HuntingTab::run);
    connect(m_editor, &KqlEditor::cancelRequested, this, &HuntingTab::cancel);
    connect(m_editor, &KqlEditor::problemChanged, m_problem, &QLabel::setText);
    connect(m_results, &HuntingResultView::exportFailed, this, [this](const QString &message) {
        m_error->setText(message);
        m_error->setVisible(true);
    });
    connect(m_results, &HuntingResultView::exported, this,
            [this](const QString &path) { m_status->setText(tr("Saved %1").arg(path)); });
    m_waitTick.setInterval(1000);
    connect(&m_waitTick, &QTimer::timeout, this, &HuntingTab::updateRemoteWaiting);
    m_tick.setInterval(250);
    connect(&m_tick, &QTimer::timeout, this, &HuntingTab::updateStatus);
}

void HuntingTab::setDatabasePath(const QString &path)
{
    if (path == m_path)
        return;
    m_path = path;
    if (m_controller && !m_controller->isRunning()) {
        delete m_controller;
        m_controller = nullptr;
    }
}

void HuntingTab::runQuery()
{
    int offset = 0;
    const QString query = m_editor->queryToRun(&offset);
    run(query, offset);
}

void HuntingTab::run(const QString &query, int offset)
{
    if (query.trimmed().isEmpty())
        return;
    if (!m_controller || m_controller->databasePath() != m_path) {
        delete m_controller;
        m_controller = new HuntingController(m_path, this);
        m_controller->setObjectName(QStringLiteral("huntingController"));
        connect(m_controller, &HuntingController::pageReady, this,
                [this](const QList<HuntRow> &rows) {
                    const bool first = m_results->model()->rowCount() == 0;
                    m_results->model()->appendRows(rows);
                    if (first)
                        m_results->fitColumns();
                    updateStatus();
                });
        connect(m_controller, &HuntingController::columnsReady, this,
                [this](const QList<HuntColumn> &columns) {
                    m_results->model()->setColumns(columns);
                    m_results->fitColumns();
                });
        connect(m_controller, &HuntingController::finished, this, &HuntingTab::onFinished);
    }
    m_runOffset = offset;
    m_origin.clear();
    m_lastQuery = query;
    m_hasResult = false;
    m_error->setVisible(false);
    m_results->model()->clear();
    m_cancel->setEnabled(true);
    m_clock.start();
    m_tick.start();
    Q_EMIT queryStarted(query);
    HuntRunOptions options;
    options.geoIpDatabase = m_geoIpDatabase;
    m_controller->run(query, options);
    updateStatus();
}

void HuntingTab::cancel()
{
    if (m_controller)
        m_controller->cancel();
    Q_EMIT cancelRequested();
}

void HuntingTab::setRemoteRunning(bool running)
{
    m_remoteRunning = running;
    m_cancel->setEnabled(running || isRunning());
    if (!running) {
        m_waitUntil = QDateTime();
        m_waitTick.stop();
    }
}

void HuntingTab::showRemoteWaiting(const QDateTime &until, const QString &reason)
{
    m_waitUntil = until;
    m_waitReason = reason;
    m_waitTick.start();
    updateRemoteWaiting();
}

void HuntingTab::updateRemoteWaiting()
{
    if (!m_remoteRunning || !m_waitUntil.isValid()) {
        m_waitTick.stop();
        return;
    }
    const qint64 left = std::max<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(m_waitUntil));
    // Defender's own reason is quoted; the label shows plain text.
    m_status->setText(tr("Waiting for Defender (%1): trying again in %n second(s)", nullptr,
                         int(std::min<qint64>(left, 86'400)))
                              .arg(elidedText(m_waitReason.simplified(), 200)));
    if (left == 0)
        m_waitTick.stop();
}

void HuntingTab::showResult(const QString &query, const HuntRunResult &result,
                            const QList<HuntRow> &rows, qint64 elapsedMs, const QString &origin)
{
    if (isRunning())
        cancel();
    m_runOffset = 0;
    m_origin = origin;
    m_results->model()->clear();
    m_lastQuery = query;
    m_error->setVisible(false);
    m_results->model()->setColumns(result.columns);
    m_results->model()->appendRows(rows);
    m_results->fitColumns();
    onFinished(result, elapsedMs);
}

void HuntingTab::onFinished(const HuntRunResult &result, qint64 elapsedMs)
{
    m_tick.stop();
    m_cancel->setEnabled(m_remoteRunning);
    m_lastResult = result;
    m_hasResult = true;
    m_elapsedMs = elapsedMs;
    if (m_results->model()->columnCount() == 0 && !result.columns.isEmpty()) {
        m_results->model()->setColumns(result.columns);
        m_results->fitColumns();
    }
    switch (result.status) {
    case HuntRunResult::Status::Ok:
        break;
    case HuntRunResult::Status::Refused:
        m_editor->showProblem(m_runOffset + result.refusal.offset, result.refusal.length,
                              result.refusal.message);
        if (const auto problem = m_editor->problem())
            m_error->setText(tr("The query is refused at line %1, column %2: %3")
                                     .arg(problem->line)
                                     .arg(problem->column)
                                     .arg(problem->message));
        m_error->setVisible(true);
        break;
    case HuntRunResult::Status::Cancelled:
        m_error->setText(tr("The query was cancelled."));
        m_error->setVisible(true);
        break;
    case HuntRunResult::Status::TimedOut:
    case HuntRunResult::Status::Failed:
        m_error->setText(result.error);
        m_error->setVisible(true);
        break;
    }
    updateChart();
    updateStatus();
    Q_EMIT queryFinished(m_lastQuery, result, elapsedMs);
}

QString HuntingTab::statusText() const
{
    return m_status->text();
}

QString HuntingTab::statusToolTip() const
{
    return m_status->toolTip();
}

QString HuntingTab::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void HuntingTab::updateStatus()
{
    const QLocale locale;
    const qint64 rows = m_results->model()->rowCount();
    if (!m_hasResult) {
        if (!m_clock.isValid())
            return;
        m_status->setText(tr("Running… %1 · %2 s").arg(rowsText(rows), seconds(m_clock.elapsed())));
        return;
    }
    QString text = tr("%1 · %2 s").arg(rowsText(rows), seconds(m_elapsedMs));
    if (!m_origin.isEmpty())
        text = m_origin + QStringLiteral(" · ") + text;
    if (m_lastResult.truncated)
        text += QStringLiteral(" · ")
                + tr("truncated at %1 rows").arg(locale.toString(m_lastResult.rowLimit));
    if (m_lastResult.status == HuntRunResult::Status::Ok && m_lastResult.feedAgeMs >= 0) {
        const qint64 minutes = m_lastResult.feedAgeMs / 60000;
        const QString age = minutes < 120         ? tr("%1 min").arg(minutes)
                            : minutes < 48LL * 60 ? tr("%1 h").arg(minutes / 60)
                                                  : tr("%1 days").arg(minutes / (24LL * 60));
        text += QStringLiteral(" · ") + tr("external data from a kept copy, %1 old").arg(age);
    }
    // What the engine read differently from the text (a constant of another type, an ignored
    // `set`): counted where the eye is, the words in the tooltip.
    if (m_lastResult.warnings.size() == 1)
        text += QStringLiteral(" · ") + tr("1 warning, hover to read");
    else if (m_lastResult.warnings.size() > 1)
        text += QStringLiteral(" · ")
                + tr("%1 warnings, hover to read")
                          .arg(locale.toString(m_lastResult.warnings.size()));
    // Warnings carry a server's words: shown as text, never as markup.
    m_status->setToolTip(
            m_lastResult.warnings.isEmpty()
                    ? QString()
                    : QStringLiteral("<qt>")
                              + m_lastResult.warnings.join(QLatin1Char('\n'))
                                        .toHtmlEscaped()
                                        .replace(QLatin1Char('\n'), QLatin1String("<br>"))
                              + QStringLiteral("</qt>"));
    if (m_results->proxy()->rowCount() != rows)
        text += QStringLiteral(" · ")
                + tr("%1 shown").arg(locale.toString(m_results->proxy()->rowCount()));
    m_status->setText(text);
}

void HuntingTab::updateChart()
{
    // As Defender does: a run that asks for a chart shows it beside the grid and switches to it;
    // one that does not leaves no chart tab behind.
    const bool wanted = m_lastResult.status == HuntRunResult::Status::Ok && m_lastResult.render
                        && HuntingChartView::isChartKind(m_lastResult.render->kind);
    if (!wanted) {
        if (m_chart) {
            m_resultTabs->removeTab(m_resultTabs->indexOf(m_chart));
            m_chart->deleteLater();
            m_chart = nullptr;
        }
        return;
    }
    if (!m_chart) {
        m_chart = new HuntingChartView(m_resultTabs);
        m_chart->setObjectName(QStringLiteral("huntingChart"));
        m_resultTabs->addTab(m_chart, tr("Chart"));
    }
    Kql::RowSchema columns;
    for (const HuntColumn &column : m_lastResult.columns)
        columns.append(Kql::Column{column.name, column.type});
    // A refused chart says why in its own tab (HuntingChartView shows the error as text).
    m_chart->setResult(m_lastResult.render->kind, m_lastResult.render->properties, columns,
                       m_results->model()->rows());
    m_resultTabs->setCurrentWidget(m_chart);
}

void HuntingTab::showRangeBanner(const QString &text)
{
    m_bannerText->setText(text);
    m_banner->setVisible(!text.isEmpty());
}

} // namespace Vigil
