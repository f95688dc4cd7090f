#pragma once
// Command-line checking shared by the benchmarks: an option takes one value unless it is one of
// the benchmark's flags, and an option a benchmark does not know (or --help) prints its usage
// instead of starting a run of minutes.

#include <QLoggingCategory>
#include <QStringList>

#include <cstdio>
#include <initializer_list>

namespace Vigil::Bench {

/**
 * Logging as the shipped programs configure it (app/vigil.cpp, app/vigilctl.cpp): Vigil's debug
 * and info lines off, warnings on. Measured code then formats no log lines the product would
 * not format either.
 */
inline void logAsTheProductDoes()
{
    QLoggingCategory::setFilterRules(QStringLiteral("vigil.*.debug=false\nvigil.*.info=false"));
}

/**
 * True when args (program name first) are known options, each followed by its value, and known
 * flags, which take none. Otherwise prints what is wrong and the usage to stderr and returns
 * false: the caller exits with 2. Values are read by the benchmark itself (an option or flag may
 * be given only once).
 */
inline bool checkOptions(const QStringList &args, std::initializer_list<const char *> known,
                         const char *usage, std::initializer_list<const char *> flags = {})
{
    for (qsizetype i = 1; i < args.size(); i += 2) {
        const QString &name = args.at(i);
        bool flag = false;
        for (const char *f : flags)
            flag = flag || name == QLatin1String(f);
        if (flag && args.indexOf(name, i + 1) < 0) {
            --i; // a flag has no value to step over
            continue;
        }
        bool ok = false;
        for (const char *k : known)
            ok = ok || name == QLatin1String(k);
        if (!ok || i + 1 >= args.size() || args.indexOf(name, i + 1) > i) {
            if (name != QLatin1String("--help") && name != QLatin1String("-h")) {
                const char *why = flag || (ok && i + 1 < args.size()) ? "given twice"
                                  : !ok                               ? "unknown option"
                                                                      : "needs a value";
                std::fprintf(stderr, "%s: %s\n", qPrintable(name), why);
            }
            std::fprintf(stderr, "usage: %s %s\n", qPrintable(args.value(0)), usage);
            return false;
        }
    }
    return true;
}

} // namespace Vigil::Bench
