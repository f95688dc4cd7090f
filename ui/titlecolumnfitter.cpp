#include "titlecolumnfitter.h"

#include <QEvent>
#include <QGuiApplication>
#include <QHeaderView>
#include <QStyle>
#include <QTimer>
#include <QTreeView>

#include <algorithm>

namespace Vigil {

TitleColumnFitter::TitleColumnFitter(QTreeView *view, int column)
    : QObject(view)
    , m_view(view)
    , m_column(column)
{
    setObjectName(QStringLiteral("titleColumnFitter"));
    QHeaderView *header = view->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(column, QHeaderView::Interactive);
    view->viewport()->installEventFilter(this);
    connect(header, &QHeaderView::sectionResized, this, &TitleColumnFitter::sectionResized);
    // Columns shown, hidden or restored from a saved state change what is left for the title.
    connect(header, &QHeaderView::geometriesChanged, this,
            [this] { QTimer::singleShot(0, this, &TitleColumnFitter::fit); });
    connect(header, &QHeaderView::sectionCountChanged, this, &TitleColumnFitter::fit);
    fit();
}

int TitleColumnFitter::readableWidth() const
{
    // The cell's margins come on top of the text.
    return m_view->fontMetrics().averageCharWidth() * kMinimumCharacters
           + 2 * m_view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 8;
}

int TitleColumnFitter::minimumWidth() const
{
    return std::max(readableWidth(), m_draggedWidth);
}

void TitleColumnFitter::fit()
{
    QHeaderView *header = m_view->header();
    if (m_fitting || m_column >= header->count() || header->isSectionHidden(m_column))
        return;
    // A saved header state from before may bring the old Stretch mode back.
    if (header->sectionResizeMode(m_column) != QHeaderView::Interactive)
        header->setSectionResizeMode(m_column, QHeaderView::Interactive);
    int others = 0;
    for (int section = 0; section < header->count(); ++section) {
        if (section != m_column && !header->isSectionHidden(section))
            others += header->sectionSize(section);
    }
    const int width = std::max(minimumWidth(), m_view->viewport()->width() - others);
    if (header->sectionSize(m_column) == width)
        return;
    m_fitting = true;
    header->resizeSection(m_column, width);
    m_fitting = false;
}

void TitleColumnFitter::sectionResized(int logical, int oldSize, int newSize)
{
    Q_UNUSED(oldSize)
    if (m_fitting)
        return;
    if (logical == m_column) {
        // The analyst dragged the title's edge: that width is the title's new least width.
        if (QGuiApplication::mouseButtons() & Qt::LeftButton)
            m_draggedWidth = newSize > readableWidth() ? newSize : 0;
        else
            return;
    }
    fit();
}

bool TitleColumnFitter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        fit();
    return QObject::eventFilter(watched, event);
}

} // namespace Vigil
