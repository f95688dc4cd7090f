#include "pluralforms.h"

#include <QCoreApplication>
#include <QTranslator>

namespace Vigil {

bool installPluralForms()
{
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (!translator->load(QStringLiteral(":/i18n/vigil_en.qm"))) {
        delete translator;
        return false;
    }
    return QCoreApplication::installTranslator(translator);
}

} // namespace Vigil
