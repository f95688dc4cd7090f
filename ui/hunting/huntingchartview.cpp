#include "huntingchartview.h"

#include <QChart>
#include <QChartView>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>

namespace Vigil {

HuntingChartView::HuntingChartView(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    m_noteLabel = new QLabel(this);
    m_noteLabel->setObjectName(QStringLiteral("chartNote"));
    m_noteLabel->setTextFormat(Qt::PlainText);
    m_noteLabel->setWordWrap(true);
    bar->addWidget(m_noteLabel, 1);
    m_saveButton = new QPushButton(tr("Save as PNG…"), this);
    m_saveButton->setObjectName(QStringLiteral("saveChartButton"));
    m_saveButton->setEnabled(false);
    connect(m_saveButton, &QPushButton::clicked, this, &HuntingChartView::saveAsPng);
    bar->addWidget(m_saveButton);
    layout->addLayout(bar);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("chartError"));
    m_errorLabel->setTextFormat(Qt::PlainText);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setAlignment(Qt::AlignCenter);
    m_errorLabel->hide();
    layout->addWidget(m_errorLabel, 1);

    m_view = new QChartView(this);
    m_view->setObjectName(QStringLiteral("chartView"));
    m_view->setRenderHint(QPainter::Antialiasing);
    layout->addWidget(m_view, 1);
}

HuntingChartView::~HuntingChartView() = default;

bool HuntingChartView::setResult(const QString &kind, const Properties &properties,
                                 const Kql::RowSchema &columns, const QList<Kql::HuntingRow> &rows,
                                 QString *error)
{
    QString note;
    QString why;
    QChart *drawn = buildChart(kind, properties, columns, rows, &note, &why);
    if (!drawn) {
        showError(why);
        if (error)
            *error = why;
        return false;
    }
    showChart(drawn, note);
    return true;
}

void HuntingChartView::clear()
{
    m_error.clear();
    m_errorLabel->hide();
    m_view->show();
    QChart *old = m_view->chart();
    m_view->setChart(new QChart);
    delete old;
    m_drawn = false;
    m_noteLabel->clear();
    m_saveButton->setEnabled(false);
    Q_EMIT chartChanged(false);
}

QChart *HuntingChartView::chart() const
{
    return m_drawn ? m_view->chart() : nullptr;
}

QString HuntingChartView::note() const
{
    return m_drawn ? m_noteLabel->text() : QString();
}

QString HuntingChartView::errorText() const
{
    return m_error;
}

void HuntingChartView::showChart(QChart *chart, const QString &note)
{
    m_error.clear();
    m_errorLabel->hide();
    m_view->show();
    QChart *old = m_view->chart();
    m_view->setChart(chart); // the view owns the new chart and lets go of the old one
    delete old;
    m_drawn = true;
    m_noteLabel->setText(note);
    m_saveButton->setEnabled(true);
    Q_EMIT chartChanged(true);
}

void HuntingChartView::showError(const QString &error)
{
    clear();
    m_error = error;
    m_errorLabel->setText(error);
    m_errorLabel->show();
    m_view->hide();
}

bool HuntingChartView::savePng(const QString &path, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (!m_drawn)
        return fail(tr("There is no chart to save."));
    const QPixmap image = m_view->grab();
    QSaveFile file(path);
    if (image.isNull() || !file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG")
        || !file.commit())
        return fail(tr("Could not write the chart to %1: %2")
                            .arg(QDir::toNativeSeparators(path), file.errorString()));
    return true;
}

void HuntingChartView::saveAsPng()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Save chart as PNG"), QString(),
                                                tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".png");
    QString error;
    if (!savePng(path, &error))
        m_noteLabel->setText(error);
}

} // namespace Vigil
