#pragma once

#include <QLoggingCategory>

// vigil.ui: what the window could not do for the analyst (a browser that did not start, a link
// that was refused), besides what it shows in its banner.
Q_DECLARE_LOGGING_CATEGORY(lcUi)
