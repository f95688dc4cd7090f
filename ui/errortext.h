#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QString>

namespace Vigil {

/** Turns an Error into words for the inline banners. */
class ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(Vigil::ErrorText)
public:
    static QString describe(const Error &error);
    /** The service's own words for an error: its message, else its code or HTTP status. */
    static QString detailOf(const Error &error);
};

/** What went wrong and what the analyst can do about it, in translated words. */
QString errorDescription(const Error &error);

} // namespace Vigil
