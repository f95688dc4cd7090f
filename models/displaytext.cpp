#include "displaytext.h"

#include <QTextDocument>

namespace Vigil {

QString elidedText(const QString &text, qsizetype limit)
{
    if (text.size() <= limit)
        return text;
    qsizetype cut = std::max<qsizetype>(limit - 1, 0);
    if (cut > 0 && text.at(cut - 1).isHighSurrogate())
        --cut;
    return text.left(cut) + QChar(0x2026);
}

QString plainToolTip(const QString &text, qsizetype limit)
{
    if (text.isEmpty())
        return {};
    QString shown = elidedText(text, limit);
    // Text Qt would not take for markup is shown as it is; anything else is escaped.
    if (!Qt::mightBeRichText(shown))
        return shown;
    return Qt::convertFromPlainText(shown, Qt::WhiteSpaceNormal);
}

} // namespace Vigil
