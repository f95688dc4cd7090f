#pragma once

#include <QLoggingCategory>

// vigil.sim: every request the simulated tenant answers (debug), for tests and demo sessions.
Q_DECLARE_LOGGING_CATEGORY(lcSim)
