#pragma once

#include <QObject>

class QTreeView;

namespace Vigil {

/**
 * @brief Keeps the title column of a list readable: it takes the width the other columns leave,
 * never less than a minimum (40 average characters of the view's font), and the analyst can
 * still drag it wider (the columns after it then scroll) or widen and narrow the other columns.
 *
 * QHeaderView::Stretch would fill the width too, but a stretched section cannot be resized and
 * shrinks to nothing when the other columns take the width (about 7 characters of title at
 * 1280 px). Lives on the GUI thread, as a child of the view.
 */
class TitleColumnFitter : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMinimumCharacters = 40;

    TitleColumnFitter(QTreeView *view, int column);

    /** The narrowest the title column gets: 40 average characters, or what the analyst dragged. */
    int minimumWidth() const;
    /** Sets the title column's width from the viewport and the other columns now. */
    void fit();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    int readableWidth() const;
    void sectionResized(int logical, int oldSize, int newSize);

    QTreeView *m_view;
    int m_column;
    int m_draggedWidth = 0; ///< the width the analyst dragged the title to, 0 when never
    bool m_fitting = false;
};

} // namespace Vigil
